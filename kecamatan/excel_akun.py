"""Accounts from an Excel list: the template, the preview (what would be created, what is
wrong, row by row; nothing written) and the creation of all of them or none, through
``services_akun`` (the same rule as the accounts page's form)."""

from django.core.exceptions import ValidationError

from sakip.berkas import Berkas
from sakip.excel import Lembar, Pratinjau, baris_lembar, buka_buku, teks_sel
from sakip.penguncian import TransisiDitolak

from . import selectors_akun, services_akun
from .models import Pengguna, Peran
from .services_akun import PERAN_DIKELOLA, AkunBaru

AWAL = ("Nama pengguna", "Nama lengkap", "Peran", "Kecamatan", "Email")
LEBAR = (24, 32, 22, 24, 30)
# A role as people write it: its code or its label, any case ("Operator Kecamatan",
# "operator", "CAMAT").
PERAN_DIKENAL = {
    **{p.value.lower(): p.value for p in PERAN_DIKELOLA},
    **{p.label.lower(): p.value for p in PERAN_DIKELOLA},
    "operator kecamatan": Peran.OPERATOR.value,
}
LABEL_GALAT = {
    "username": "Nama pengguna",
    "nama_lengkap": "Nama lengkap",
    "peran": "Peran",
    "kecamatan": "Kecamatan",
    "email": "Email",
}


def templat(*, oleh: Pengguna) -> Berkas:
    """The empty list to fill in, with the kecamatan of the kabupaten on a second sheet."""
    kabupaten = oleh.kabupaten
    lembar = Lembar("Akun pengguna")
    lembar.judul(f"Daftar akun pengguna SAKIP Kabupaten {kabupaten.nama}")
    lembar.judul(
        f"Peran: {services_akun.nama_peran_dikelola()}. Kecamatan: nama atau kode kecamatan "
        "(lembar 'Kecamatan'); kosong untuk Bappeda dan Inspektorat. Email boleh kosong.",
        tebal=False,
    )
    lembar.judul(
        "Kata sandi tidak diisi: setiap akun mendapat kata sandi sementara yang ditampilkan "
        "sekali setelah impor dan wajib diganti saat pertama masuk.",
        tebal=False,
    )
    lembar.kosong()
    lembar.header(AWAL, LEBAR)
    daftar = lembar.lembar_baru("Kecamatan")
    daftar.header(("Kode", "Kecamatan"), (14, 30))
    for k in selectors_akun.kecamatan_kabupaten(oleh=oleh):
        daftar.tulis([k.kode, k.nama])
    return lembar.berkas(f"templat-akun-{kabupaten.slug}.xlsx")


def _kecamatan(teks: str, per_nama: dict, per_kode: dict):
    return per_nama.get(teks.lower()) or per_kode.get(teks)


def pratinjau(*, oleh: Pengguna, data: bytes) -> Pratinjau:
    """The accounts the file would create; writes nothing. A row is refused with its cause
    (the same messages as the page's form); a refused row stops the whole list."""
    header, isi = baris_lembar(buka_buku(data), AWAL[:3])
    kecamatan = list(selectors_akun.kecamatan_kabupaten(oleh=oleh))
    per_nama = {k.nama.lower(): k for k in kecamatan}
    per_kode = {k.kode: k for k in kecamatan}
    hasil = Pratinjau()
    rencana: list[AkunBaru] = []
    dilihat: dict[str, int] = {}
    for nomor, sel in isi:
        username, nama, peran, nama_kec, email = (teks_sel(s) for s in (*sel, *[None] * 5)[:5])
        b = hasil.baris_baru(nomor, " · ".join(t for t in (username, nama) if t) or "(kosong)")
        kode_peran = PERAN_DIKENAL.get(peran.lower(), peran)
        kec = _kecamatan(nama_kec, per_nama, per_kode) if nama_kec else None
        akun = AkunBaru(
            username=username, nama_lengkap=nama, peran=kode_peran, kecamatan=kec, email=email
        )
        galat = services_akun.periksa_akun_baru(oleh=oleh, akun=akun)
        if nama_kec and kec is None:  # the real cause, not "wajib punya kecamatan"
            galat["kecamatan"] = (
                f"Kecamatan “{nama_kec}” tidak ditemukan di Kabupaten {oleh.kabupaten.nama}; "
                "tulis nama atau kode dari lembar 'Kecamatan' templat."
            )
        if not peran:
            galat["peran"] = "Peran wajib diisi."
        elif peran.lower() not in PERAN_DIKENAL:
            galat["peran"] = (
                f"Peran “{peran}” tidak dikenal; tulis salah satu dari: "
                f"{services_akun.nama_peran_dikelola()}."
            )
        if username and username.lower() in dilihat:
            galat["username"] = (
                f"Nama pengguna “{username}” sudah dipakai pada baris {dilihat[username.lower()]}."
            )
        elif username:
            dilihat[username.lower()] = nomor
        for kolom, pesan in galat.items():
            b.galat.append(f"{LABEL_GALAT[kolom]}: {pesan}")
        if not galat:
            tempat = f"Kecamatan {kec.nama}" if kec else f"Kabupaten {oleh.kabupaten.nama}"
            b.perubahan.append(f"akun baru: {Peran(kode_peran).label}, {tempat}")
            rencana.append(akun)
    if not isi:
        hasil.galat_umum.append("Berkas tidak berisi satu baris akun pun di bawah judul kolom.")
    # No fingerprint (sidik): the confirm reads the file again against the stored accounts, and
    # a username taken in between is then a refused row.
    hasil.rencana = rencana
    return hasil


def terapkan(*, oleh: Pengguna, pratinjau: Pratinjau) -> list[tuple[Pengguna, str]]:
    """Create every account of a checked preview, or none; each with its temporary password
    (shown once by the page)."""
    try:
        return services_akun.pengguna_buat_banyak(oleh=oleh, daftar=pratinjau.rencana)
    except ValidationError as e:  # taken in the instant between the check and the write
        raise TransisiDitolak(" ".join(e.messages)) from e
