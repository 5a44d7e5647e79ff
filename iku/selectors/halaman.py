"""The reads of iku's own pages: the Renstra and decree lists of a kecamatan, a decree's
diktum and lampiran as its edit forms take them, the stored targets of the grid, the next
number of a tujuan or sasaran. The views resolve their object and call these, so every query
of a page is here and its count can be read in one place."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, Max, Prefetch, QuerySet

from iku.models import (
    Diktum,
    IndikatorKeputusan,
    KeputusanIKU,
    Renstra,
    TargetIndikator,
    Tujuan,
)
from kecamatan.models import Kecamatan
from sakip import akses


def renstra_daftar(*, kecamatan: Kecamatan) -> QuerySet[Renstra]:
    """The kecamatan's Renstra, newest first, with what the list counts (tujuan, indicators
    under a tujuan and under a sasaran, decrees) in the same query."""
    return (
        akses.di_kecamatan(Renstra.objects.all(), kecamatan)
        .select_related("revisi_dari")
        .annotate(
            jumlah_tujuan=Count("tujuan", distinct=True),
            jumlah_indikator_tujuan=Count("tujuan__indikator", distinct=True),
            jumlah_indikator_sasaran=Count("tujuan__sasaran__indikator", distinct=True),
            jumlah_keputusan=Count("keputusan_iku", distinct=True),
        )
        .order_by("-tahun_awal", "-id")
    )


def keputusan_per_renstra(*, kecamatan: Kecamatan) -> list[Renstra]:
    """The kecamatan's Renstra, newest first, each with ``daftar_keputusan``: its decrees,
    undated drafts first then newest (two queries, whatever the number of decrees)."""
    per_renstra: dict[int, list[KeputusanIKU]] = defaultdict(list)
    keputusan = akses.di_kecamatan(KeputusanIKU.objects.all(), kecamatan).select_related("renstra")
    for k in keputusan.order_by(F("tanggal").desc(nulls_first=True), "-id"):
        per_renstra[k.renstra_id].append(k)
    renstra = list(
        akses.di_kecamatan(Renstra.objects.all(), kecamatan).order_by("-tahun_awal", "-id")
    )
    for r in renstra:
        r.daftar_keputusan = per_renstra.get(r.id, [])
    return renstra


def diktum_keputusan(*, keputusan: KeputusanIKU) -> list[Diktum]:
    """The decree's diktum in order, as its edit form starts from them."""
    return list(keputusan.diktum.order_by("urutan"))


def lampiran_keputusan(*, keputusan: KeputusanIKU) -> list[IndikatorKeputusan]:
    """The decree's lampiran rows with their indicator, its tujuan / sasaran and penanggung
    jawab loaded (three queries), as the lampiran form lists them."""
    return list(
        keputusan.indikator_lampiran.select_related(
            "indikator__tujuan", "indikator__sasaran__tujuan"
        ).prefetch_related(Prefetch("indikator__penanggung_jawab"))
    )


def target_indikator(*, indikator_ids: Iterable[int]) -> list[TargetIndikator]:
    """Every stored target (all years) of these indicators: what the target grid shows and
    fingerprints (one query)."""
    return list(TargetIndikator.objects.filter(indikator__in=list(indikator_ids)))


def _nomor_berikut(qs: QuerySet) -> int:
    return (qs.aggregate(n=Max("nomor"))["n"] or 0) + 1


def nomor_tujuan_berikut(*, renstra: Renstra) -> int:
    """The number a new tujuan of ``renstra`` is offered: one past the highest."""
    return _nomor_berikut(renstra.tujuan.all())


def nomor_sasaran_berikut(*, tujuan: Tujuan) -> int:
    """The number a new sasaran of ``tujuan`` is offered: one past the highest."""
    return _nomor_berikut(tujuan.sasaran.all())
