"""Writes of the accounts the admin kabupaten manages from the application's own pages: create
an operator, camat, Bappeda or Inspektorat account, change its name, role and kecamatan,
deactivate and reactivate it, give it a new temporary password. One rule of what a new account
may be (``periksa_akun_baru``) serves the page's form, the Excel preview and the services
themselves; a changed account shares its rules of name, role and kecamatan.

Every service checks the izin again (``akses.wajib``: only the admin kabupaten) and reaches
only accounts of the admin's own kabupaten; an account of another kabupaten is "not found",
like a missing one. Accounts of the admin kabupaten and of superusers are not managed here:
handing out a temporary password for them would hand over the kabupaten.
"""

import logging
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from sakip import akses
from sakip.akses import Izin
from sakip.akun import sandi_sementara
from sakip.penguncian import TransisiDitolak

from .models import PERAN_KECAMATAN, Kecamatan, Pengguna, Peran

logger = logging.getLogger(__name__)

TINDAKAN = "mengelola akun pengguna"
# The roles the admin kabupaten gives out from the accounts page.
PERAN_DIKELOLA = (Peran.OPERATOR, Peran.CAMAT, Peran.BAPPEDA, Peran.INSPEKTORAT)
# Django's own rule for a username (its UnicodeUsernameValidator), said in Indonesian.
POLA_NAMA_PENGGUNA = re.compile(r"^[\w.@+-]+\Z")
PANJANG_NAMA = Pengguna._meta.get_field("username").max_length
PANJANG_NAMA_LENGKAP = Pengguna._meta.get_field("first_name").max_length


@dataclass(frozen=True)
class AkunBaru:
    """What a new account is made of (a row of the form or of the Excel list)."""

    username: str
    nama_lengkap: str
    peran: str
    kecamatan: Kecamatan | None
    email: str = ""


def nama_peran_dikelola() -> str:
    return ", ".join(Peran(p).label for p in PERAN_DIKELOLA)


def periksa_peran_wilayah(
    *, oleh: Pengguna, peran: str, kecamatan: Kecamatan | None
) -> dict[str, str]:
    """Why an account of ``peran`` placed in ``kecamatan`` cannot be given out by ``oleh``
    (the page, the Excel list and the admin's import): a role of the list, a kecamatan of
    ``oleh``'s kabupaten for an operator or camat, none for Bappeda and Inspektorat."""
    if peran not in PERAN_DIKELOLA:
        return {"peran": f"Peran harus salah satu dari: {nama_peran_dikelola()}."}
    if peran in PERAN_KECAMATAN:
        if kecamatan is None:
            return {"kecamatan": f"{Peran(peran).label} wajib punya kecamatan."}
        if oleh.kabupaten_id and kecamatan.kabupaten_id != oleh.kabupaten_id:
            return {"kecamatan": "Kecamatan itu bukan kecamatan kabupaten Anda."}
    elif kecamatan is not None:
        return {
            "kecamatan": (
                f"{Peran(peran).label} tidak terikat pada satu kecamatan; kosongkan kecamatan."
            )
        }
    return {}


@dataclass(frozen=True)
class UbahanAkun:
    """What the admin kabupaten may change of an account: its name, role, kecamatan, email.
    The username stays (it is how its owner signs in)."""

    nama_lengkap: str
    peran: str
    kecamatan: Kecamatan | None
    email: str = ""


def _periksa_isi(
    *, oleh: Pengguna, nama_lengkap: str, peran: str, kecamatan: Kecamatan | None, email: str
) -> dict[str, str]:
    """The fields a new account and a changed one share: name, role and kecamatan, email."""
    galat: dict[str, str] = {}
    if not nama_lengkap:
        galat["nama_lengkap"] = "Nama lengkap wajib diisi."
    elif len(nama_lengkap) > PANJANG_NAMA_LENGKAP:
        galat["nama_lengkap"] = f"Nama lengkap paling panjang {PANJANG_NAMA_LENGKAP} karakter."
    galat.update(periksa_peran_wilayah(oleh=oleh, peran=peran, kecamatan=kecamatan))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            galat["email"] = f"Alamat email “{email}” tidak sah."
    return galat


def periksa_ubahan_akun(*, oleh: Pengguna, akun: UbahanAkun) -> dict[str, str]:
    """Why an account cannot be given ``akun``, per field ({} when it can): the page's form
    and ``pengguna_ubah`` read it."""
    return _periksa_isi(
        oleh=oleh,
        nama_lengkap=akun.nama_lengkap,
        peran=akun.peran,
        kecamatan=akun.kecamatan,
        email=akun.email,
    )


def periksa_akun_baru(*, oleh: Pengguna, akun: AkunBaru) -> dict[str, str]:
    """Why ``akun`` cannot be created by ``oleh``, per field ({} when it can). Read by the
    page's form, the Excel preview and ``pengguna_buat``."""
    galat: dict[str, str] = {}
    username = akun.username
    if not username:
        galat["username"] = "Nama pengguna wajib diisi."
    elif len(username) > PANJANG_NAMA:
        galat["username"] = f"Nama pengguna paling panjang {PANJANG_NAMA} karakter."
    elif not POLA_NAMA_PENGGUNA.match(username):
        galat["username"] = (
            f"Nama pengguna “{username}” hanya boleh berisi huruf, angka dan tanda . @ + - _ "
            "(tanpa spasi)."
        )
    elif Pengguna.objects.filter(username__iexact=username).exists():
        galat["username"] = f"Nama pengguna “{username}” sudah dipakai akun lain."
    galat.update(
        _periksa_isi(
            oleh=oleh,
            nama_lengkap=akun.nama_lengkap,
            peran=akun.peran,
            kecamatan=akun.kecamatan,
            email=akun.email,
        )
    )
    return galat


def _buat(*, oleh: Pengguna, akun: AkunBaru) -> tuple[Pengguna, str]:
    galat = periksa_akun_baru(oleh=oleh, akun=akun)
    if galat:
        raise ValidationError(galat)
    sandi = sandi_sementara()
    pengguna = Pengguna(
        username=akun.username,
        first_name=akun.nama_lengkap,
        email=akun.email,
        peran=akun.peran,
        kabupaten_id=oleh.kabupaten_id,
        kecamatan=akun.kecamatan,
        wajib_ganti_sandi=True,
    )
    pengguna.set_password(sandi)
    pengguna.save()
    logger.info("Akun %s (%s) dibuat oleh %s", pengguna.username, pengguna.peran, oleh.username)
    return pengguna, sandi


def pengguna_buat(*, oleh: Pengguna, akun: AkunBaru) -> tuple[Pengguna, str]:
    """Create one account with a temporary password (returned, to be shown once; the user
    must change it at first login). ValidationError per field when ``akun`` is not valid."""
    akses.wajib(oleh, Izin.MENGELOLA, tindakan=TINDAKAN)
    with transaction.atomic():
        return _buat(oleh=oleh, akun=akun)


def pengguna_buat_banyak(*, oleh: Pengguna, daftar: list[AkunBaru]) -> list[tuple[Pengguna, str]]:
    """Create every account of ``daftar`` or none (the Excel list): the first refused row
    undoes the others."""
    akses.wajib(oleh, Izin.MENGELOLA, tindakan=TINDAKAN)
    nama = [a.username.lower() for a in daftar]
    ganda = sorted({n for n in nama if nama.count(n) > 1})
    if ganda:
        raise ValidationError(f"Nama pengguna ganda dalam daftar: {', '.join(ganda)}.")
    with transaction.atomic():
        return [_buat(oleh=oleh, akun=a) for a in daftar]


def wajib_dikelola(*, oleh: Pengguna, pengguna: Pengguna) -> None:
    """TransisiDitolak saying why ``oleh`` may not manage ``pengguna`` (another kabupaten's
    account is simply not found); the confirmation page asks it before the reset does."""
    akses.wajib(oleh, Izin.MENGELOLA, tindakan=TINDAKAN)
    if (
        pengguna.pk is None
        or not akses.di_kabupaten(
            Pengguna.objects.filter(pk=pengguna.pk), oleh.kabupaten_id
        ).exists()
    ):
        raise TransisiDitolak("Akun tidak ditemukan di kabupaten Anda.")
    if pengguna.pk == oleh.pk:
        raise TransisiDitolak("Akun Anda sendiri tidak dikelola di halaman ini.")
    if pengguna.peran not in PERAN_DIKELOLA or pengguna.is_superuser:
        raise TransisiDitolak(
            f"Akun {pengguna.username} ({pengguna.get_peran_display()}) hanya dapat dikelola "
            "oleh pengelola aplikasi."
        )


def _dikelola(*, oleh: Pengguna, pengguna: Pengguna) -> Pengguna:
    """``pengguna`` read again and locked for the change, when ``oleh`` may manage it."""
    terkunci = Pengguna.objects.select_for_update().filter(pk=pengguna.pk).first()
    wajib_dikelola(oleh=oleh, pengguna=terkunci or Pengguna())
    return terkunci


def pengguna_nonaktifkan(*, oleh: Pengguna, pengguna: Pengguna) -> Pengguna:
    """The account can no longer log in (its open sessions end at their next request)."""
    with transaction.atomic():
        pengguna = _dikelola(oleh=oleh, pengguna=pengguna)
        pengguna.is_active = False
        pengguna.save(update_fields=["is_active"])
    logger.info("Akun %s dinonaktifkan oleh %s", pengguna.username, oleh.username)
    return pengguna


def pengguna_aktifkan(*, oleh: Pengguna, pengguna: Pengguna) -> Pengguna:
    with transaction.atomic():
        pengguna = _dikelola(oleh=oleh, pengguna=pengguna)
        pengguna.is_active = True
        pengguna.save(update_fields=["is_active"])
    logger.info("Akun %s diaktifkan kembali oleh %s", pengguna.username, oleh.username)
    return pengguna


def pengguna_ubah(*, oleh: Pengguna, pengguna: Pengguna, akun: UbahanAkun) -> Pengguna:
    """Give an account another name, role, kecamatan or email (e.g. an operator who becomes
    camat, or moves to another kecamatan). ValidationError per field when ``akun`` is not
    valid, TransisiDitolak when ``oleh`` may not manage the account; nothing changes then.
    The new role applies from its owner's next request."""
    with transaction.atomic():
        pengguna = _dikelola(oleh=oleh, pengguna=pengguna)
        galat = periksa_ubahan_akun(oleh=oleh, akun=akun)
        if galat:
            raise ValidationError(galat)
        lama = (pengguna.get_peran_display(), pengguna.kecamatan_id)
        pengguna.first_name = akun.nama_lengkap
        pengguna.last_name = ""
        pengguna.peran = akun.peran
        pengguna.kecamatan = akun.kecamatan
        pengguna.email = akun.email
        pengguna.save(update_fields=["first_name", "last_name", "peran", "kecamatan", "email"])
    logger.info(
        "Akun %s diubah oleh %s (peran %s → %s, kecamatan %s → %s)",
        pengguna.username,
        oleh.username,
        lama[0],
        pengguna.get_peran_display(),
        lama[1],
        pengguna.kecamatan_id,
    )
    return pengguna


def pengguna_setel_ulang_sandi(*, oleh: Pengguna, pengguna: Pengguna) -> tuple[Pengguna, str]:
    """A new temporary password (returned, to be shown once); the old one stops working and
    the user must choose their own at the next login."""
    sandi = sandi_sementara()
    with transaction.atomic():
        pengguna = _dikelola(oleh=oleh, pengguna=pengguna)
        pengguna.set_password(sandi)
        pengguna.wajib_ganti_sandi = True
        pengguna.save(update_fields=["password", "wajib_ganti_sandi"])
    logger.info("Kata sandi %s disetel ulang oleh %s", pengguna.username, oleh.username)
    return pengguna, sandi
