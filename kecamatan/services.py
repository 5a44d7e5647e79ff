"""Writes of the kecamatan app: those other apps (and migrations) use, and the yearly profile
its own pages keep (keyword-only, ``oleh`` the user, checked with ``sakip.akses.wajib``; the
locks are the models' own, ``Terjaga``)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.penguncian import TransisiDitolak
from sakip.validators import baca_nip

from .models import (
    Kabupaten,
    Kecamatan,
    Pejabat,
    Pengguna,
    PitaSkala,
    ProfilTahunan,
    SkalaPenilaian,
    UnitKerja,
)
from .models.skala import BAWAAN_PER_JENIS, SUMBER_BAWAAN

# laporan registers here whether an LKIP is approved (kecamatan.penetapan).
from .penetapan import daftarkan_penjawab as daftarkan_penjawab
from .selectors import (
    TABEL_PROFIL,
    TEKS_PROFIL,
    RencanaSalin,
    baris_tabel,
    profil_rencana_salin,
    sidik_profil,
    sidik_tabel,
)


def pasang_skala_bawaan(skala_model=SkalaPenilaian, pita_model=PitaSkala) -> None:
    """Store the DOMAIN.md default scales that are missing (the migration passes its
    historical models; the data loader calls it too, so a flushed test database recovers)."""
    for jenis, skala in BAWAAN_PER_JENIS.items():
        baris, dibuat = skala_model.objects.get_or_create(
            kode=skala.kode,
            defaults={
                "nama": skala.nama,
                "jenis": jenis.value,
                "presisi": skala.presisi,
                "sumber": SUMBER_BAWAAN[jenis],
            },
        )
        if dibuat:
            pita_model.objects.bulk_create(
                pita_model(
                    skala=baris,
                    urutan=urutan,
                    kode=p.kode,
                    label=p.label,
                    warna=p.warna,
                    batas_bawah=p.batas_bawah,
                    inklusif=p.inklusif,
                )
                for urutan, p in enumerate(skala.pita, start=1)
            )


def kecamatan_kunci(*, kecamatan: Kecamatan) -> None:
    """Lock the kecamatan's row for the rest of the transaction: a grid or report writer of
    another app serialises on it, so two writers of one kecamatan cannot interleave (the row
    lock also covers rows not created yet). Call inside ``transaction.atomic()``."""
    Kecamatan.objects.select_for_update().filter(pk=kecamatan.pk).order_by("pk").first()


# --- the kecamatan's units, its pejabat, the kabupaten's pejabat ------------------------------


@dataclass(frozen=True)
class BarisUnit:
    """A row of the units page: ``id`` None for a new unit."""

    id: int | None
    nama: str
    jenis: str
    singkatan: str = ""
    induk_id: int | None = None
    urutan: int | None = None
    hapus: bool = False


@dataclass(frozen=True)
class BarisPejabat:
    """A row of a pejabat page: ``id`` None for a new pejabat."""

    id: int | None
    nama: str
    jabatan: str
    nip: str = ""
    pangkat_golongan: str = ""
    mulai: datetime.date | None = None
    selesai: datetime.date | None = None
    hapus: bool = False


PESAN_BARIS_HILANG = "Sebagian baris sudah tidak ada (diubah orang lain?). Muat ulang halaman."


def _ganda(nama: list[str]) -> str | None:
    dilihat: set[str] = set()
    for n in nama:
        kunci = " ".join(n.split()).casefold()
        if kunci in dilihat:
            return n
        dilihat.add(kunci)
    return None


def _melingkar(induk: dict[int, int | None]) -> int | None:
    """A unit that is (through its parents) its own parent, else None."""
    for awal in induk:
        dilihat, kini = set(), awal
        while kini is not None:
            if kini in dilihat:
                return awal
            dilihat.add(kini)
            kini = induk.get(kini)
    return None


def unit_kerja_simpan(*, kecamatan: Kecamatan, baris: Sequence[BarisUnit], oleh: Pengguna) -> None:
    """Save the units page at once: changes, new units, order, deletions. All or nothing: a
    unit that an indicator names as penanggung jawab (or that is another unit's parent) is not
    deleted, and the refusal names it (``UnitKerja.alasan_tidak_dapat_dihapus``)."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan, tindakan="mengubah unit kerja")
    with transaction.atomic():
        kecamatan_kunci(kecamatan=kecamatan)
        ada = {u.id: u for u in UnitKerja.objects.filter(kecamatan=kecamatan)}
        if any(b.id is not None and b.id not in ada for b in baris):
            raise TransisiDitolak(PESAN_BARIS_HILANG)
        dihapus = {b.id for b in baris if b.hapus and b.id is not None}
        tetap = [b for b in baris if not b.hapus]
        diubah = {b.id for b in tetap if b.id is not None}
        nama_akhir = [u.nama for i, u in ada.items() if i not in dihapus and i not in diubah]
        ganda = _ganda(nama_akhir + [b.nama for b in tetap])
        if ganda:
            raise TransisiDitolak(f"Nama unit kerja “{ganda}” dipakai dua kali di kecamatan ini.")
        for b in tetap:
            if b.induk_id is not None and (b.induk_id not in ada or b.induk_id in dihapus):
                raise TransisiDitolak(
                    f"Unit induk {b.nama} tidak ada atau ikut dihapus; pilih unit induk lain."
                )
        induk = {i: u.induk_id for i, u in ada.items() if i not in dihapus}
        induk.update({b.id: b.induk_id for b in tetap if b.id is not None})
        melingkar = _melingkar(induk)
        if melingkar is not None:
            raise TransisiDitolak(
                f"{ada[melingkar].nama} tidak dapat menjadi induk dirinya sendiri "
                "(langsung atau lewat unit lain)."
            )
        urutan_berikut = max([u.urutan for u in ada.values()] + [0]) + 1
        for b in tetap:
            unit = ada[b.id] if b.id is not None else UnitKerja(kecamatan=kecamatan)
            if b.urutan is None and b.id is None:
                unit.urutan, urutan_berikut = urutan_berikut, urutan_berikut + 1
            elif b.urutan is not None:
                unit.urutan = b.urutan
            unit.nama, unit.jenis, unit.singkatan = b.nama, b.jenis, b.singkatan
            unit.induk_id = b.induk_id
            unit.save()

        def kedalaman(i: int) -> int:
            return 0 if induk.get(i) is None else 1 + kedalaman(induk[i])

        induk = {i: u.induk_id for i, u in ada.items()}
        for i in sorted(dihapus, key=kedalaman, reverse=True):  # a sub-unit before its parent
            unit = UnitKerja.objects.get(pk=i)
            alasan = unit.alasan_tidak_dapat_dihapus()
            if alasan:
                raise TransisiDitolak(alasan)
            unit.delete()


def _jaga_pejabat(*, kabupaten: Kabupaten, kecamatan: Kecamatan | None, oleh) -> None:
    if kecamatan is not None:
        akses.wajib(oleh, Izin.MENGISI, kecamatan, tindakan="mengubah daftar pejabat")
        if kecamatan.kabupaten_id != kabupaten.id:
            raise TransisiDitolak(PESAN_BARIS_HILANG)
        return
    akses.wajib(oleh, Izin.MENGELOLA, tindakan="mengubah daftar pejabat kabupaten")
    if oleh.kabupaten_id != kabupaten.id:
        raise TransisiDitolak("Hanya admin kabupaten ini yang dapat mengubah pejabatnya.")


def pejabat_simpan(
    *,
    kabupaten: Kabupaten,
    kecamatan: Kecamatan | None,
    baris: Sequence[BarisPejabat],
    oleh: Pengguna,
) -> None:
    """Save a pejabat page at once: the kecamatan's pejabat (``kecamatan`` given: its operator
    or camat) or the kabupaten's own (``kecamatan`` None: bupati history, its admin). All or
    nothing; a NIP is stored as its 18 digits (sakip.validators.baca_nip)."""
    _jaga_pejabat(kabupaten=kabupaten, kecamatan=kecamatan, oleh=oleh)
    with transaction.atomic():
        if kecamatan is not None:
            kecamatan_kunci(kecamatan=kecamatan)
        ada = {
            p.id: p
            # Ordered by id: the model's ordering joins the nullable kecamatan, which
            # PostgreSQL cannot lock (FOR UPDATE on the nullable side of an outer join).
            for p in Pejabat.objects.select_for_update()
            .filter(kabupaten=kabupaten, kecamatan=kecamatan)
            .order_by("pk")
        }
        if any(b.id is not None and b.id not in ada for b in baris):
            raise TransisiDitolak(PESAN_BARIS_HILANG)
        for b in baris:
            if b.hapus:
                if b.id is not None:
                    ada[b.id].delete()
                continue
            try:
                nip = baca_nip(b.nip)
            except ValidationError as e:
                raise TransisiDitolak(f"{b.nama}: {' '.join(e.messages)}") from e
            if b.mulai and b.selesai and b.selesai < b.mulai:
                raise TransisiDitolak(f"{b.nama}: tanggal selesai menjabat sebelum tanggal mulai.")
            pejabat = ada[b.id] if b.id is not None else Pejabat(kabupaten=kabupaten)
            pejabat.kecamatan = kecamatan
            pejabat.nama, pejabat.jabatan, pejabat.nip = b.nama, b.jabatan, nip
            pejabat.pangkat_golongan, pejabat.mulai, pejabat.selesai = (
                b.pangkat_golongan,
                b.mulai,
                b.selesai,
            )
            pejabat.save()


def kecamatan_atur_tempat(*, kecamatan: Kecamatan, tempat: str, oleh: Pengguna) -> None:
    """The place new documents of the kecamatan are proposed with (empty: the kabupaten)."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan, tindakan="mengubah daftar pejabat")
    Kecamatan.objects.filter(pk=kecamatan.pk).update(tempat_penandatanganan=tempat.strip())
    kecamatan.tempat_penandatanganan = tempat.strip()


# --- the yearly profile ----------------------------------------------------------------------


def _profil(kecamatan: Kecamatan, tahun: int) -> ProfilTahunan | None:
    return ProfilTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun).first()


def _profil_pasti(kecamatan: Kecamatan, tahun: int) -> ProfilTahunan:
    """The profile of ``tahun``, created empty when it does not exist (its lock decides)."""
    profil = _profil(kecamatan, tahun)
    if profil is None:
        profil = ProfilTahunan(kecamatan=kecamatan, tahun=tahun)
        profil.save()
    return profil


@transaction.atomic
def profil_simpan_teks(
    *, kecamatan: Kecamatan, tahun: int, data: dict, sidik: str | None, oleh
) -> ProfilTahunan:
    """The texts of BAB I for ``tahun`` (the profile is created with them if missing)."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan)
    asing = set(data) - set(TEKS_PROFIL)
    if asing:
        raise TypeError(f"Kolom tidak dikenal: {', '.join(sorted(asing))}")
    kecamatan_kunci(kecamatan=kecamatan)
    profil = _profil(kecamatan, tahun)
    konkurensi.periksa(sidik, sidik_profil(profil))
    if profil is None:
        profil = ProfilTahunan(kecamatan=kecamatan, tahun=tahun)
    for kolom, nilai in data.items():
        setattr(profil, kolom, nilai)
    profil.save()
    return profil


@transaction.atomic
def profil_simpan_tabel(
    *, kecamatan: Kecamatan, tahun: int, jenis: str, baris: list[dict], sidik: str | None, oleh
) -> int:
    """One table of the profile as the grid sent it: each item a row's fields with ``id``
    (None: a new row) and ``hapus``; rows are numbered in the order sent. Returns the number
    of rows kept."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan)
    model = TABEL_PROFIL[jenis]
    kecamatan_kunci(kecamatan=kecamatan)
    profil = _profil(kecamatan, tahun)
    tersimpan = {b.id: b for b in baris_tabel(profil=profil, jenis=jenis)}
    konkurensi.periksa(sidik, sidik_tabel(tersimpan.values()))
    if profil is None:
        profil = _profil_pasti(kecamatan, tahun)
    urutan = 0
    for isian in baris:
        isian = dict(isian)
        nomor, hapus = isian.pop("id", None), isian.pop("hapus", False)
        if nomor is not None and nomor not in tersimpan:
            raise TransisiDitolak("Baris ini bukan bagian dari profil tahun tersebut.")
        if hapus:
            if nomor is not None:
                tersimpan[nomor].delete()
            continue
        urutan += 1
        objek = tersimpan[nomor] if nomor is not None else model(profil=profil)
        for kolom, nilai in isian.items():
            setattr(objek, kolom, nilai)
        objek.urutan = urutan
        objek.save()
    return urutan


@transaction.atomic
def profil_salin(*, kecamatan: Kecamatan, tahun: int, dari: int, oleh) -> RencanaSalin:
    """Copy the latest earlier profile (the year ``dari`` the preview showed) into ``tahun``,
    as ``profil_rencana_salin`` plans it: what ``tahun`` already holds is kept."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan)
    kecamatan_kunci(kecamatan=kecamatan)
    rencana = profil_rencana_salin(kecamatan=kecamatan, tahun=tahun)
    if rencana.dari is None:
        raise TransisiDitolak(f"Belum ada profil sebelum tahun {tahun} yang dapat disalin.")
    if rencana.dari != dari:
        raise TransisiDitolak(
            f"Profil terakhir sebelum tahun {tahun} kini profil tahun {rencana.dari}, bukan "
            f"{dari}. Tidak ada yang disalin; periksa lagi pratinjaunya."
        )
    if not rencana.disalin:
        raise TransisiDitolak(
            f"Tidak ada yang perlu disalin: profil tahun {tahun} sudah memuat semua isian "
            f"yang ada pada profil tahun {dari}."
        )
    asal = ProfilTahunan.objects.get(kecamatan=kecamatan, tahun=dari)
    profil = _profil(kecamatan, tahun) or ProfilTahunan(kecamatan=kecamatan, tahun=tahun)
    for b in rencana.disalin:
        if b.kunci in TEKS_PROFIL:
            setattr(profil, b.kunci, getattr(asal, b.kunci))
    profil.save()
    for b in rencana.disalin:
        if b.kunci in TABEL_PROFIL:
            for baris in list(baris_tabel(profil=asal, jenis=b.kunci)):
                baris.pk = baris.id = None
                baris._state.adding = True
                baris.profil = profil
                baris.save()
    return rencana
