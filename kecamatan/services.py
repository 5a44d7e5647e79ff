"""Writes of the kecamatan app that other apps (and migrations) use."""

from .models import Kecamatan, PitaSkala, SkalaPenilaian
from .models.skala import BAWAAN_PER_JENIS, SUMBER_BAWAAN

# laporan registers here whether an LKIP is approved (kecamatan.penetapan).
from .penetapan import daftarkan_penjawab as daftarkan_penjawab


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
