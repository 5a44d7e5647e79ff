"""Writes of the kecamatan app: those other apps (and migrations) use, and the yearly profile
its own pages keep (keyword-only, ``oleh`` the user, checked with ``sakip.akses.wajib``; the
locks are the models' own, ``Terjaga``)."""

from django.db import transaction

from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.penguncian import TransisiDitolak

from .models import Kecamatan, PitaSkala, ProfilTahunan, SkalaPenilaian
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
    Kecamatan.objects.select_for_update().filter(pk=kecamatan.pk).first()


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
