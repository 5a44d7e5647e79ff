"""Reads of a kecamatan's year as the report pages see it: its PKs and their targets, which
periods hold realisasi and how far their workflow got, which sasaran have a narrative, and the
annual realisasi of the kabupaten for comparisons. laporan reads these rather than querying
perjanjian's models, so each read has one owner here."""

from collections.abc import Iterable

from django.db.models import F, Prefetch, QuerySet

from iku.models import Sasaran
from kecamatan.models import Kecamatan
from perjanjian.models import (
    IndikatorProgram,
    NarasiSasaran,
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Realisasi,
    TargetPerjanjian,
)

from .turunan import realisasi_indikator_program


def perjanjian_tahun(*, kecamatan_id: int, tahun: int) -> list[PerjanjianKinerja]:
    """Every PK of the year, awal first (the order of capaian_tahunan), with its Renstra and
    its targets (indicator, tujuan, sasaran) prefetched: two queries."""
    target = TargetPerjanjian.objects.order_by("urutan", "id").select_related(
        "indikator__tujuan", "indikator__sasaran__tujuan"
    )
    return list(
        PerjanjianKinerja.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .select_related("renstra")
        .prefetch_related(Prefetch("target", queryset=target))
        .order_by("jenis")
    )


def perjanjian_daftar(*, kecamatan: Kecamatan, tahun: int) -> list[PerjanjianKinerja]:
    """The PKs of the year with their Renstra, awal first, without their targets (one
    query)."""
    return list(
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .select_related("renstra")
        .order_by("jenis")
    )


def target_perjanjian(
    *, perjanjian: Iterable[PerjanjianKinerja], relasi: Iterable[str] = ("indikator",)
) -> list[TargetPerjanjian]:
    """The targets of these PKs (of one kecamatan and year) with ``relasi`` joined, in their
    order (``TargetPerjanjian.URUTAN_SETAHUN``): one query."""
    return list(
        TargetPerjanjian.objects.filter(perjanjian__in=list(perjanjian))
        .select_related(*relasi)
        .order_by(*TargetPerjanjian.URUTAN_SETAHUN)
    )


def perjanjian_cari(*, kecamatan: Kecamatan, tahun: int, jenis: str) -> PerjanjianKinerja | None:
    """The kecamatan's PK of one year and kind (``awal`` or ``perubahan``), if any."""
    return PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).first()


def perjanjian_dengan_wilayah(*, perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK read afresh with its kecamatan and kabupaten (what its print shows), one
    query."""
    return PerjanjianKinerja.objects.select_related("kecamatan__kabupaten").get(pk=perjanjian.pk)


def tahun_data_terakhir(*, kecamatan: QuerySet[Kecamatan], sampai: int) -> int | None:
    """The latest year with data up to ``sampai`` for the kecamatan of ``kecamatan``: the
    latest year with a realisasi, else the latest year with a PK that promises a target. An
    empty draft PK one kecamatan created for a new year does not make it the year to show
    (at most two queries)."""
    realisasi = (
        Realisasi.objects.filter(kecamatan__in=kecamatan, tahun__lte=sampai)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    if realisasi is not None:
        return realisasi
    return (
        TargetPerjanjian.objects.filter(
            perjanjian__kecamatan__in=kecamatan, perjanjian__tahun__lte=sampai
        )
        .order_by("-perjanjian__tahun")
        .values_list("perjanjian__tahun", flat=True)
        .first()
    )


def sasaran_bertarget(*, kecamatan: Kecamatan, tahun: int) -> dict[int, Sasaran]:
    """Sasaran id → sasaran (with its tujuan) of every indicator the year's PKs target under
    a sasaran: the sasaran a narrative is expected for (one query)."""
    return {
        t.indikator.sasaran_id: t.indikator.sasaran
        for t in TargetPerjanjian.objects.filter(
            perjanjian__kecamatan=kecamatan,
            perjanjian__tahun=tahun,
            indikator__sasaran__isnull=False,
        ).select_related("indikator__sasaran__tujuan")
    }


def indikator_program_pk(*, perjanjian_ids: Iterable[int]) -> list[IndikatorProgram]:
    """The program, kegiatan and sub kegiatan indicators of these PKs, in their order (one
    query), each derived one with its computed realisasi (``realisasi_berlaku``; the queries
    of its sources only when one is derived)."""
    indikator = list(
        IndikatorProgram.objects.filter(perjanjian_id__in=list(perjanjian_ids)).order_by(
            "urutan", "id"
        )
    )
    realisasi_indikator_program(indikator=indikator)
    return indikator


def realisasi_tahunan_kode(
    *, kecamatan_ids: Iterable[int], kode: str, tahun: int
) -> dict[int, Realisasi]:
    """Kecamatan id → its annual realisasi of the kabupaten's measure ``kode`` (one query)."""
    return {
        r.kecamatan_id: r
        for r in Realisasi.objects.filter(
            kecamatan_id__in=list(kecamatan_ids),
            ukuran__kode=kode,
            ukuran__kabupaten_id=F("kecamatan__kabupaten_id"),
            tahun=tahun,
            periode=Periode.TAHUNAN,
        ).order_by()  # a dict: no join to sort by names
    }


def realisasi_tren(
    *, kecamatan: QuerySet[Kecamatan], ukuran_id: int, daftar_tahun: Iterable[int]
) -> QuerySet[Realisasi]:
    """The annual realisasi of one measure over several years for every kecamatan of
    ``kecamatan`` (a subquery: one query in all), in no order: sorting by the kabupaten's and
    kecamatan's names joined every kecamatan of the country."""
    return (
        Realisasi.objects.filter(
            kecamatan_id__in=kecamatan.values("id"),
            ukuran_id=ukuran_id,
            tahun__in=list(daftar_tahun),
            periode=Periode.TAHUNAN,
        )
        .only("kecamatan_id", "tahun", "nilai", "huruf")
        .order_by()
    )


def pelaporan_tahun(*, kecamatan: Kecamatan, tahun: int) -> dict[str, PelaporanRealisasi]:
    """Period → its realisasi workflow row; a period never submitted is absent (one query)."""
    return {
        p.periode: p
        for p in PelaporanRealisasi.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by()
    }


def status_pelaporan(*, kecamatan: Kecamatan, tahun: int) -> dict[str, str]:
    """Period → status of its realisasi workflow (absent: still draft), one query."""
    return dict(
        PelaporanRealisasi.objects.filter(kecamatan=kecamatan, tahun=tahun).values_list(
            "periode", "status"
        )
    )


def status_pelaporan_kabupaten(
    *, kecamatan: QuerySet[Kecamatan], tahun: int
) -> dict[tuple[int, str], str]:
    """(kecamatan id, period) → workflow status for every kecamatan of ``kecamatan`` (one
    query)."""
    return {
        (kid, periode): status
        for kid, periode, status in PelaporanRealisasi.objects.filter(
            kecamatan_id__in=kecamatan.values("id"), tahun=tahun
        )
        .values_list("kecamatan_id", "periode", "status")
        .order_by()  # a dict: no join to sort by kabupaten and kecamatan names
    }


def narasi_sasaran(*, sasaran_ids: Iterable[int], tahun: int) -> dict[int, NarasiSasaran]:
    """Sasaran id → its narrative of ``tahun`` (one query)."""
    return {
        n.sasaran_id: n
        for n in NarasiSasaran.objects.filter(
            sasaran_id__in=list(sasaran_ids), tahun=tahun
        ).order_by()  # a dict: no join to sort by kabupaten and kecamatan names
    }
