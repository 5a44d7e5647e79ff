"""Reads of the Renstra tree (tujuan, sasaran, indicators, measures, yearly targets) and of the
IKU decrees per Renstra, for the apps above: perjanjian builds PKs and grids from them,
laporan prints them. Each read lives here once so the apps above never query iku's models."""

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from iku.models import (
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    Ukuran,
    berlaku_pada,
)
from kecamatan.models import Kecamatan
from kecamatan.selectors import unit_kerja_urut


def renstra_berlaku(*, kecamatan: Kecamatan, tahun: int) -> QuerySet[Renstra]:
    """The kecamatan's Renstra in force in ``tahun``, oldest first (a revised one and its
    revision both, as the PK form offers them)."""
    return (
        Renstra.objects.berlaku(tahun=tahun)
        .filter(kecamatan=kecamatan)
        .order_by("tahun_awal", "id")
    )


def renstra_berlaku_di(*, kecamatan: QuerySet[Kecamatan], tahun: int) -> QuerySet[Renstra]:
    """The Renstra in force in ``tahun`` of every kecamatan in ``kecamatan`` (a subquery, so
    the dashboard stays one query), with only what its table shows."""
    return (
        Renstra.objects.berlaku(tahun=tahun)
        .filter(kecamatan_id__in=kecamatan.values("id"))
        .only("id", "kecamatan_id", "nama")
        # Each kecamatan's in Meta.ordering's order, without its join to sort by the
        # kabupaten's and kecamatan's names (a scan of every kecamatan at national size).
        .order_by("kecamatan_id", "tahun_awal", "id")
    )


def renstra_tahun(*, kecamatan_id: int, tahun: int) -> list[Renstra]:
    """The Renstra in force in the year (a revised one gives way to its revision), oldest first,
    with tujuan, sasaran, indicators and their yearly targets prefetched."""
    indikator = Indikator.objects.order_by("urutan", "id").prefetch_related(
        Prefetch("target", queryset=TargetIndikator.objects.order_by("tahun"))
    )
    semua = list(
        Renstra.objects.berlaku(tahun=tahun)
        .filter(kecamatan_id=kecamatan_id)
        .order_by("tahun_awal", "id")
        .prefetch_related(
            Prefetch("tujuan", queryset=Tujuan.objects.order_by("nomor")),
            Prefetch("tujuan__indikator", queryset=indikator),
            Prefetch("tujuan__sasaran", queryset=Sasaran.objects.order_by("nomor")),
            Prefetch("tujuan__sasaran__indikator", queryset=indikator),
        )
    )
    diganti = {r.revisi_dari_id for r in semua if r.revisi_dari_id}
    return [r for r in semua if r.id not in diganti]


def indikator_urut_renstra(*, renstra: Renstra) -> list[Indikator]:
    """The Renstra's indicators in tree order, with their measure, tujuan and sasaran loaded:
    one query (what a new PK copies its targets from)."""
    return sorted(
        Indikator.objects.filter(
            Q(tujuan__renstra=renstra) | Q(sasaran__tujuan__renstra=renstra)
        ).select_related("ukuran", "tujuan", "sasaran__tujuan"),
        key=lambda i: i.urutan_renstra,
    )


def target_renstra(*, indikator_ids: Iterable[int], tahun: int) -> dict[int, TargetIndikator]:
    """The Renstra's target of ``tahun`` per indicator id (one query); an indicator without
    one is absent."""
    return {
        t.indikator_id: t
        for t in TargetIndikator.objects.filter(indikator_id__in=list(indikator_ids), tahun=tahun)
    }


def ukuran_renstra(*, kecamatan: Kecamatan, tahun: int, riwayat: bool = False) -> dict[int, Ukuran]:
    """The measures of the kecamatan's Renstra in force in the year, by id.

    ``riwayat`` adds the measures of its Renstra that begin after ``tahun``: a year before a
    Renstra holds the history (annual realisasi) that its LKIP's trend reads.

    Two queries, one per path from an indicator to its Renstra (through its tujuan, or its
    sasaran's tujuan; an indicator hangs from exactly one): each follows indexes from the
    kecamatan. One query ORing both paths, for the kecamatan and for the year, scans the four
    tables whole, which at national size is most of the realisasi page's time (issue 12)."""
    hasil: dict[int, Ukuran] = {}
    for jalur in ("tujuan__renstra", "sasaran__tujuan__renstra"):
        kondisi = berlaku_pada(tahun, jalur=jalur)
        if riwayat:
            kondisi |= Q(**{f"{jalur}__tahun_awal__gt": tahun})
        indikator = Indikator.objects.filter(kondisi, **{f"{jalur}__kecamatan": kecamatan})
        # Only the measure is read (every save and realisasi page asks): no other column of
        # the indicator, no ordering (a dict).
        indikator = indikator.select_related("ukuran").only("ukuran").order_by()
        hasil.update({i.ukuran_id: i.ukuran for i in indikator})
    return hasil


def ukuran_kode(*, kabupaten_id: int, kode: str, hanya_bersama: bool = False) -> QuerySet[Ukuran]:
    """The kabupaten's measures with ``kode`` (``hanya_bersama``: only the shared catalogue's,
    not a kecamatan's own measure of that kode)."""
    ukuran = Ukuran.objects.filter(kabupaten_id=kabupaten_id, kode=kode)
    return ukuran.filter(kecamatan__isnull=True) if hanya_bersama else ukuran


def nama_ukuran(*, ukuran_ids: Iterable[int]) -> dict[int, str]:
    """Ukuran id → its name (one query)."""
    return dict(Ukuran.objects.filter(id__in=list(ukuran_ids)).values_list("id", "nama"))


def pemakaian_ukuran_bersama(*, kabupaten_id: int) -> QuerySet:
    """Each distinct (ukuran id, kode, nama, polaritas, satuan, skala kategori) of the
    indicators that use a
    shared measure of the kabupaten: the dashboard's columns, one query."""
    return (
        Indikator.objects.filter(ukuran__kabupaten_id=kabupaten_id, ukuran__kecamatan__isnull=True)
        .values_list(
            "ukuran_id", "ukuran__kode", "ukuran__nama", "polaritas", "satuan", "skala_kategori"
        )
        .order_by()
        .distinct()
    )


def sasaran_beserta_renstra() -> QuerySet[Sasaran]:
    """Sasaran with their tujuan and Renstra, for a prefetch whose page names them
    ("Sasaran 1.1 (Renstra 2025-2029)")."""
    return Sasaran.objects.select_related("tujuan__renstra")


def sasaran_berlaku(*, kecamatan: Kecamatan, tahun: int) -> QuerySet[Sasaran]:
    """The sasaran of the kecamatan's Renstra in force in ``tahun`` (what a program may
    support), with their tujuan and Renstra."""
    return Sasaran.objects.filter(
        tujuan__renstra__in=renstra_berlaku(kecamatan=kecamatan, tahun=tahun)
    ).select_related("tujuan__renstra")


def ada_sasaran_asing(*, kecamatan: Kecamatan, sasaran_ids: Iterable[int]) -> bool:
    """Whether any of the sasaran belongs to another kecamatan's Renstra (a forged form)."""
    return (
        Sasaran.objects.filter(id__in=list(sasaran_ids))
        .exclude(tujuan__renstra__kecamatan=kecamatan)
        .exists()
    )


def kecamatan_sasaran(*, sasaran_id: int) -> Kecamatan:
    """The kecamatan whose Renstra the sasaran belongs to, in one query."""
    return (
        Sasaran.objects.select_related("tujuan__renstra__kecamatan")
        .get(pk=sasaran_id)
        .tujuan.renstra.kecamatan
    )


def keputusan_renstra(*, renstra: Iterable[Renstra]) -> QuerySet[KeputusanIKU]:
    """The IKU decrees of these Renstra, oldest first (the last one per Renstra wins)."""
    return KeputusanIKU.objects.filter(renstra__in=renstra).order_by("tanggal", "id")


def status_keputusan_terakhir(*, kecamatan: QuerySet[Kecamatan], tahun: int) -> dict[int, str]:
    """Renstra id → status of its latest decree in force in ``tahun``, for every kecamatan in
    ``kecamatan`` (one query)."""
    hasil: dict[int, str] = {}
    for renstra_id, status in (
        KeputusanIKU.objects.filter(
            berlaku_pada(tahun, jalur="renstra"), renstra__kecamatan_id__in=kecamatan.values("id")
        )
        .order_by("tanggal", "id")
        .values_list("renstra_id", "status")
    ):
        hasil[renstra_id] = status
    return hasil


def keputusan_ditetapkan(*, renstra_ids: Iterable[int]) -> dict[int, KeputusanIKU]:
    """The latest ditetapkan decree of each Renstra, with its indicators (the LKIP's IKU
    table): three queries."""
    baris = IndikatorKeputusan.objects.order_by("lampiran", "urutan", "id").select_related(
        "indikator__tujuan", "indikator__sasaran__tujuan"
    )
    keputusan = (
        KeputusanIKU.objects.filter(
            renstra_id__in=list(renstra_ids), status=KeputusanIKU.Status.DITETAPKAN
        )
        .order_by("renstra_id", "-tanggal", "-id")
        .prefetch_related(
            Prefetch("indikator_lampiran", queryset=baris),
            Prefetch(
                "indikator_lampiran__indikator__penanggung_jawab",
                queryset=unit_kerja_urut(),
            ),
        )
    )
    hasil: dict[int, KeputusanIKU] = {}
    for k in keputusan:
        hasil.setdefault(k.renstra_id, k)
    return hasil


def keputusan_cari(
    *, kecamatan: Kecamatan, nomor: str | None = None, tahun: int | None = None
) -> KeputusanIKU | None:
    """The kecamatan's decree with ``nomor``, else its latest of ``tahun``, else its latest."""
    keputusan = KeputusanIKU.objects.filter(kecamatan=kecamatan)
    if nomor:
        keputusan = keputusan.filter(nomor=nomor)
    elif tahun:
        keputusan = keputusan.filter(tanggal__year=tahun)
    return keputusan.order_by("-tanggal", "-id").first()
