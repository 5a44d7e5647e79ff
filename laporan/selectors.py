"""The reads of laporan's own pages: the LKIP and the LHE of a kecamatan's year, the
follow-up rows typed on the LKIP page, and the kabupaten's LHE overview. The views resolve
their kecamatan and call these, so every query of a page is here; each read takes the
kecamatan (or the kecamatan the user sees) and filters by it."""

from collections.abc import Iterable
from typing import NamedTuple

from django.db.models import Count

from kecamatan.models import Kecamatan
from sakip import akses
from sakip.kinerja import HasilAKIP

from .evaluasi import ringkasan_akip
from .models import EvaluasiAKIP, LaporanKinerja, TindakLanjutLHE, VersiLKIP


def laporan_tahun(*, kecamatan: Kecamatan, tahun: int) -> LaporanKinerja | None:
    """The kecamatan's LKIP of the year, with who reviewed it, if it was started."""
    return (
        akses.di_kecamatan(
            LaporanKinerja.objects.select_related("kecamatan", "direviu_oleh"), kecamatan
        )
        .filter(tahun=tahun)
        .first()
    )


def tindak_lanjut_laporan(*, laporan: LaporanKinerja) -> list[TindakLanjutLHE]:
    """The LHE follow-up rows typed on the LKIP page, in their order."""
    return list(TindakLanjutLHE.objects.filter(laporan=laporan).order_by("urutan"))


def lhe_tahun(*, kecamatan: Kecamatan, tahun: int) -> EvaluasiAKIP | None:
    """The kecamatan's LHE of the year with its scores and recommendations prefetched."""
    return (
        akses.di_kecamatan(EvaluasiAKIP.objects.filter(tahun=tahun), kecamatan)
        .prefetch_related("skor", "rekomendasi")
        .first()
    )


class BarisEvaluasi(NamedTuple):
    """One kecamatan of the kabupaten's LHE overview (a tuple, so the template unpacks it)."""

    kecamatan: Kecamatan
    lhe: EvaluasiAKIP | None
    hasil: HasilAKIP | None
    lkip: LaporanKinerja | None


def evaluasi_kabupaten(*, kecamatan: Iterable[Kecamatan], tahun: int) -> list[BarisEvaluasi]:
    """For each of ``kecamatan`` (already scoped to what the user sees), its LHE of the year
    with its Nilai and predikat, and its LKIP of the year: three queries, whatever the number
    of kecamatan."""
    kecamatan = list(kecamatan)
    lhe = {
        e.kecamatan_id: e
        for e in EvaluasiAKIP.objects.filter(kecamatan__in=kecamatan, tahun=tahun)
        .annotate(jumlah_rekomendasi=Count("rekomendasi"))
        .prefetch_related("skor")
    }
    lkip = {
        lap.kecamatan_id: lap
        for lap in LaporanKinerja.objects.filter(kecamatan__in=kecamatan, tahun=tahun)
    }
    return [
        BarisEvaluasi(k, lhe.get(k.id), ringkasan_akip(lhe.get(k.id)).hasil, lkip.get(k.id))
        for k in kecamatan
    ]


def versi_terakhir(*, laporan: LaporanKinerja) -> VersiLKIP | None:
    """The latest approved version of the LKIP with its document (printed or still queued)."""
    return (
        VersiLKIP.objects.filter(laporan=laporan)
        .select_related("dokumen")
        .order_by("-nomor")
        .first()
    )
