"""Selectors: the capaian rows of a kecamatan-year, and of a whole kabupaten at once.

A capaian row is the target in force for an indicator (its PK's, or the PK Perubahan's), the
realisasi stored for the indicator's measure, the capaian ``sakip.kinerja`` computes from the
two by the indicator's polarity and method, and the kriteria band of the year's scale. Every
page, table, chart and export that shows a capaian reads it from here: the realisasi grid, the
PK page, the narratives, the LKIP tables and charts (``selectors.tabel``, ``laporan``) and
the kabupaten dashboard. Assembled once, the same indicator cannot show 99,82 % "Sangat Tinggi"
on one page and something else on another.

Both selectors read a fixed number of queries: ``capaian_kecamatan`` whatever the number of
PKs and indicators, ``capaian_kabupaten`` whatever the number of kecamatan and measures.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.db.models import QuerySet

from iku.models import Indikator, Sasaran
from kecamatan.models import JenisSkala, Kecamatan
from kecamatan.selectors import skala_tahun
from perjanjian.models import (
    IndikatorProgram,
    Periode,
    PerjanjianKinerja,
    Realisasi,
    TargetPerjanjian,
)
from sakip import kinerja
from sakip.kinerja import Nilai, Pita

from .turunan import NilaiTurunan, realisasi_turunan, realisasi_turunan_kabupaten

# Units that are not written after the number: "92,33", not "92,33 Indeks".
SATUAN_TANPA_TULISAN = {"indeks", "nilai", "angka", "skor", "poin"}
# What a target row loads with it: the measure, and the tujuan / sasaran it stands under
# (``Indikator.urutan_renstra`` and the "Sasaran 1.2" label read them).
# The LKIP's capaian table shows the realisasi of the three years before.
TAHUN_TREN = 3
TARGET_RELASI = ("indikator__ukuran", "indikator__tujuan", "indikator__sasaran__tujuan")


class BerSatuan(Protocol):
    satuan: str


def satuan_tampil(satuan: str) -> str | None:
    return None if satuan.strip().lower() in SATUAN_TANPA_TULISAN else satuan.strip() or None


def nilai_indikator(indikator: BerSatuan, angka: Decimal | None, huruf: str = "") -> Nilai | None:
    if angka is None:
        return None
    return Nilai(angka=angka, huruf=huruf or None, satuan=satuan_tampil(indikator.satuan))


# --- the rule ----------------------------------------------------------------------------------


def ukur_capaian(
    *,
    indikator: Indikator,
    target: Decimal | None,
    realisasi: Decimal | None,
    skala: kinerja.Skala,
) -> tuple[Decimal | None, Pita | None]:
    """The capaian of a realisasi against a target, by the indicator's polarity and method,
    and its kriteria band on ``skala``. The realisasi grid calls it on what is being typed;
    everything else reaches it through the rows below."""
    angka = capaian_terhadap(indikator=indikator, target=target, realisasi=realisasi)
    return angka, kinerja.kriteria(angka, skala)


def kategori_nilai(
    *, indikator: "Indikator", angka: Decimal | None, skala: Mapping[str, kinerja.Skala]
) -> Pita | None:
    """The category of a value on the indicator's own scale (``Indikator.skala_kategori``:
    IKM 70,5 → "C · Kurang Baik", IPP, predikat SAKIP), judged on the year's scales
    (``kecamatan.selectors.skala_tahun``); None when the indicator has no such scale or no
    value. The one rule the realisasi grid, the PK page, the LKIP tables and the kabupaten
    dashboard show beside the capaian kriteria."""
    jenis = getattr(indikator, "skala_kategori", "")
    if not jenis or angka is None:
        return None
    return kinerja.kriteria(angka, skala[jenis])


def capaian_terhadap(
    *, indikator: Indikator, target: Decimal | None, realisasi: Decimal | None
) -> Decimal | None:
    """The capaian alone (no band), by the indicator's polarity and method: what the
    warnings of the beranda and of an Excel import measure a realisasi with."""
    return kinerja.capaian(
        target, realisasi, polaritas=indikator.polaritas, metode=indikator.metode_negatif
    )


def capaian_indikator_program(indikator: IndikatorProgram) -> Decimal | None:
    """A program / kegiatan indicator's capaian (the budget page and the LKIP's supporting
    programs tables): the typed target against the realisasi in force (the computed one of a
    derived indicator, from ``indikator_program_pk``), always higher-is-better."""
    return kinerja.capaian(indikator.target, indikator.realisasi_berlaku)


# --- one kecamatan-year --------------------------------------------------------------------------


@dataclass(frozen=True)
class CapaianIndikator:
    """One indicator of one PK: the target in force, the realisasi, capaian and kriteria."""

    perjanjian: PerjanjianKinerja
    target_pk: TargetPerjanjian  # the stored target row (forms and links need it)
    target: Nilai
    tersimpan: Realisasi | None  # the stored realisasi of the period, if any
    realisasi: Nilai | None
    capaian: Decimal | None
    kriteria: Pita | None
    kategori: Pita | None = None  # the realisasi on the indicator's own scale (kategori_nilai)
    # A derived measure (Indikator.sumber_realisasi): the computed value and its source, which
    # replace whatever is stored; "Dihitung dari …" is printed wherever the value shows.
    turunan: NilaiTurunan | None = None

    @property
    def dihitung(self) -> bool:
        return self.turunan is not None

    @property
    def sumber(self) -> str:
        return self.turunan.keterangan if self.turunan else ""

    @property
    def indikator(self) -> Indikator:
        return self.target_pk.indikator

    @property
    def tingkat(self) -> str:
        """ "Sasaran 1.2" or "Tujuan 1": what the indicator measures."""
        ind = self.indikator
        return f"Sasaran {ind.sasaran.kode}" if ind.sasaran_id else f"Tujuan {ind.tujuan.nomor}"

    @property
    def uraian(self) -> str:
        return (self.indikator.sasaran or self.indikator.tujuan).uraian

    @property
    def tercapai(self) -> bool:
        return self.capaian is not None and self.capaian >= 100


def realisasi_baris(
    indikator: BerSatuan, tersimpan: Realisasi | None, turunan: NilaiTurunan | None
) -> Nilai | None:
    """The realisasi a capaian row shows: a derived measure's computed value (``turunan``)
    instead of whatever is stored, else the stored one. The kecamatan rows and the kabupaten
    dashboard's cells both read it here."""
    if turunan is not None:
        return nilai_indikator(indikator, turunan.angka, turunan.huruf)
    return nilai_indikator(indikator, tersimpan.nilai, tersimpan.huruf) if tersimpan else None


def baris_capaian(
    *,
    target: TargetPerjanjian,
    tersimpan: Realisasi | None,
    skala: Mapping[str, kinerja.Skala],
    turunan: NilaiTurunan | None = None,
) -> CapaianIndikator:
    """``skala``: the year's scales by kind (``CapaianKecamatan.skala``); ``turunan`` the
    computed realisasi of a derived measure, which stands instead of the stored one."""
    ind = target.indikator
    realisasi = realisasi_baris(ind, tersimpan, turunan)
    angka = realisasi.angka if realisasi else None
    capaian, kriteria = ukur_capaian(
        indikator=ind,
        target=target.nilai,
        realisasi=angka,
        skala=skala[JenisSkala.KRITERIA_CAPAIAN],
    )
    return CapaianIndikator(
        perjanjian=target.perjanjian,
        target_pk=target,
        target=nilai_indikator(ind, target.nilai, target.huruf),
        tersimpan=tersimpan,
        realisasi=realisasi,
        capaian=capaian,
        kriteria=kriteria,
        kategori=kategori_nilai(indikator=ind, angka=angka, skala=skala),
        turunan=turunan,
    )


@dataclass(frozen=True)
class CapaianSasaran:
    """A sasaran in one PK: the mean capaian of its indicators and the band of that mean
    (the efficiency table, the chart per sasaran, the narratives page)."""

    sasaran: Sasaran
    indikator: tuple[CapaianIndikator, ...]
    rata_rata: Decimal | None
    kriteria: Pita | None


def capaian_sasaran(
    baris: Iterable[CapaianIndikator], skala: kinerja.Skala
) -> tuple[CapaianSasaran, ...]:
    """Per sasaran, in the order of ``baris`` (tujuan indicators are not averaged)."""
    per_sasaran: dict[int, list[CapaianIndikator]] = {}
    for b in baris:
        if b.indikator.sasaran_id is not None:
            per_sasaran.setdefault(b.indikator.sasaran_id, []).append(b)
    hasil = []
    for daftar in per_sasaran.values():
        rata = kinerja.rata_rata(b.capaian for b in daftar)
        hasil.append(
            CapaianSasaran(
                sasaran=daftar[0].indikator.sasaran,
                indikator=tuple(daftar),
                rata_rata=rata,
                kriteria=kinerja.kriteria(rata, skala),
            )
        )
    return tuple(hasil)


@dataclass(frozen=True)
class TitikTren:
    """One year of an indicator's trend: its annual realisasi, or in the Renstra's baseline
    year without one, the baseline as "kondisi awal"."""

    tahun: int
    nilai: Nilai
    kondisi_awal: bool = False


@dataclass(frozen=True)
class CapaianKecamatan:
    kecamatan: Kecamatan
    tahun: int
    periode: Periode
    perjanjian: tuple[PerjanjianKinerja, ...]  # the PKs of the year, awal first
    baris: tuple[CapaianIndikator, ...]  # per PK (awal first), in Renstra order
    tersimpan: tuple[Realisasi, ...]  # every stored realisasi of the period, in id order
    skala: dict  # JenisSkala → kinerja.Skala of the year (kriteria, IKM, IPP, predikat)
    # With ``lengkap``: the annual realisasi of the years before, (ukuran id, tahun) → row.
    riwayat: dict[tuple[int, int], Realisasi] = field(default_factory=dict)

    @property
    def skala_kriteria(self) -> kinerja.Skala:
        return self.skala[JenisSkala.KRITERIA_CAPAIAN]

    @property
    def ukuran_dihitung(self) -> dict[int, str]:
        """Measures of the year computed, not typed: ukuran id → "Dihitung dari …" (the
        realisasi page and its Excel import refuse a typed value for them)."""
        return {b.indikator.ukuran_id: b.sumber for b in self.baris if b.dihitung}

    def untuk(self, perjanjian: PerjanjianKinerja) -> tuple[CapaianIndikator, ...]:
        return tuple(b for b in self.baris if b.perjanjian.id == perjanjian.id)

    def per_target(self) -> dict[int, CapaianIndikator]:
        """TargetPerjanjian id → its row."""
        return {b.target_pk.id: b for b in self.baris}

    def sasaran(self, perjanjian: PerjanjianKinerja) -> tuple[CapaianSasaran, ...]:
        return capaian_sasaran(self.untuk(perjanjian), self.skala_kriteria)

    def tahun_tren(self, perjanjian: PerjanjianKinerja) -> tuple[int, ...]:
        """The years before this one an indicator's trend reads: ``TAHUN_TREN`` years, back
        to the Renstra's baseline year when that is earlier (what ``lengkap`` loads)."""
        mulai = min(self.tahun - TAHUN_TREN, perjanjian.renstra.tahun_baseline)
        return tuple(range(mulai, self.tahun))

    def tren(self, baris: CapaianIndikator) -> tuple[TitikTren, ...]:
        """The one trend series of an indicator, oldest first: the annual realisasi known in
        ``tahun_tren`` (years before the Renstra included: history entered on the realisasi
        page of that year), the baseline as kondisi awal in its year when no realisasi was
        stored then, and this year's realisasi. The LKIP's analysis point c, the trend
        columns of its capaian table and its trend chart all read this (needs ``lengkap``)."""
        ind = baris.indikator
        renstra = baris.perjanjian.renstra
        titik = []
        for th in self.tahun_tren(baris.perjanjian):
            r = self.riwayat.get((ind.ukuran_id, th))
            if r is not None:
                titik.append(TitikTren(th, nilai_indikator(ind, r.nilai, r.huruf)))
            elif th == renstra.tahun_baseline and ind.baseline is not None:
                awal = nilai_indikator(ind, ind.baseline, ind.baseline_huruf)
                titik.append(TitikTren(th, awal, kondisi_awal=True))
        if baris.realisasi is not None:
            titik.append(TitikTren(self.tahun, baris.realisasi))
        return tuple(titik)


def capaian_kecamatan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    periode: Periode | str = Periode.TAHUNAN,
    lengkap: bool = False,
    tanpa_perjanjian_kosong: bool = False,
) -> CapaianKecamatan:
    """Every indicator of every PK of the kecamatan's year against the realisasi of
    ``periode`` (a quarter is measured against the PK's annual target, as the grid shows it).

    Four queries and the scale's (one or two), however many PKs and indicators. ``lengkap``
    (the LKIP) adds one for the indicators' Renstra targets (end targets, trend charts) and
    reads the annual realisasi back to the Renstra's baseline year or ``TAHUN_TREN`` years,
    whichever is earlier, in the same query as the year's. ``tanpa_perjanjian_kosong`` leaves
    out PKs without a target and saves the query for the PKs (the charts draw nothing for them;
    the LKIP page is held to its query budget). Derived measures (``sumber_realisasi``) add
    the queries of their sources (``turunan.realisasi_turunan``): none when all are typed.
    """
    periode = Periode(periode)
    target = (
        TargetPerjanjian.objects.filter(
            perjanjian__kecamatan_id=kecamatan.id, perjanjian__tahun=tahun
        )
        .select_related(*TARGET_RELASI)
        .order_by(*TargetPerjanjian.URUTAN_SETAHUN)
    )
    if tanpa_perjanjian_kosong:
        target = target.select_related("perjanjian__renstra")
    if lengkap:
        target = target.prefetch_related("indikator__target")
    target = list(target)
    if tanpa_perjanjian_kosong:
        per_id = {t.perjanjian_id: t.perjanjian for t in target}
        perjanjian = sorted(per_id.values(), key=lambda p: p.jenis)
    else:
        perjanjian = list(
            PerjanjianKinerja.objects.filter(kecamatan_id=kecamatan.id, tahun=tahun)
            .select_related("renstra")
            .order_by("jenis")
        )
        per_id = {p.id: p for p in perjanjian}
    for p in perjanjian:
        p.kecamatan = kecamatan

    sejak = tahun
    if lengkap and periode == Periode.TAHUNAN:
        sejak = min([tahun - TAHUN_TREN, *(p.renstra.tahun_baseline for p in perjanjian)])
    semua = list(
        Realisasi.objects.filter(
            kecamatan_id=kecamatan.id, tahun__gte=sejak, tahun__lte=tahun, periode=periode
        )
        .select_related("ukuran")
        .order_by("id")
    )
    tersimpan = tuple(r for r in semua if r.tahun == tahun)
    per_ukuran = {r.ukuran_id: r for r in tersimpan}
    skala = skala_tahun(kabupaten_id=kecamatan.kabupaten_id, tahun=tahun)

    per_perjanjian: dict[int, list[TargetPerjanjian]] = {p.id: [] for p in perjanjian}
    for t in target:
        t.perjanjian = per_id[t.perjanjian_id]
        per_perjanjian[t.perjanjian_id].append(t)
    # Realisasi is one value per measure: when an indicator of a measure is computed, so is
    # the measure's value in every row of the year (Nilai SAKIP OPD beside Nilai SAKIP
    # Kecamatan), each PK's from its own data.
    sumber_ukuran = {
        t.indikator.ukuran_id: t.indikator.sumber_realisasi for t in target if t.indikator.dihitung
    }
    turunan = realisasi_turunan(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=periode,
        perjanjian=perjanjian,
        sumber=set(sumber_ukuran.values()),
    )
    baris = tuple(
        baris_capaian(
            target=t,
            tersimpan=per_ukuran.get(t.indikator.ukuran_id),
            skala=skala,
            turunan=turunan.get((sumber_ukuran.get(t.indikator.ukuran_id), t.perjanjian_id)),
        )
        for p in perjanjian
        for t in sorted(per_perjanjian[p.id], key=lambda t: t.indikator.urutan_renstra)
    )
    return CapaianKecamatan(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=periode,
        perjanjian=tuple(perjanjian),
        baris=baris,
        tersimpan=tersimpan,
        skala=skala,
        riwayat={(r.ukuran_id, r.tahun): r for r in semua if r.tahun < tahun},
    )


# --- every kecamatan of a kabupaten ------------------------------------------------------------


class DasarPerjanjian:
    """Which PK of the year the targets come from. A PK Perubahan replaces the first PK
    (DOMAIN.md), so by default the PK in force is taken: the Perubahan once it exists."""

    BERLAKU = "berlaku"
    AWAL = "awal"
    PILIHAN = (
        (BERLAKU, "PK yang berlaku (PK Perubahan bila ada)"),
        (AWAL, "PK awal tahun"),
    )


def perjanjian_berlaku(
    daftar: Sequence[PerjanjianKinerja], *, dasar: str = DasarPerjanjian.BERLAKU
) -> PerjanjianKinerja | None:
    """Of a kecamatan's PKs of one year, the one whose targets are in force: the approved PK
    Perubahan, else the approved PK, else (nothing approved yet) the Perubahan, else the PK.
    With ``DasarPerjanjian.AWAL``, the PK awal."""
    if dasar == DasarPerjanjian.AWAL:
        return next((p for p in daftar if p.jenis == PerjanjianKinerja.Jenis.AWAL), None)
    ditetapkan = [p for p in daftar if p.ditetapkan] or list(daftar)
    perubahan = [p for p in ditetapkan if p.jenis == PerjanjianKinerja.Jenis.PERUBAHAN]
    return (perubahan or ditetapkan or [None])[0]


@dataclass(frozen=True)
class CapaianUkuran:
    """One measure of one kecamatan against the target of the PK in force."""

    target: Nilai | None = None
    realisasi: Nilai | None = None
    capaian: Decimal | None = None
    kriteria: Pita | None = None
    kategori: Pita | None = None  # the realisasi on the indicator's own scale (kategori_nilai)
    # A derived measure: "Dihitung dari …", as the kecamatan's rows say it (CapaianIndikator).
    sumber: str = ""


class UkuranBersama(Protocol):
    id: int
    satuan: str
    skala_kategori: str


@dataclass(frozen=True)
class CapaianKabupaten:
    tahun: int
    dasar: str
    perjanjian: dict[int, tuple[PerjanjianKinerja, ...]]  # kecamatan id → PKs, awal first
    dasar_perjanjian: dict[int, PerjanjianKinerja]  # kecamatan id → the PK whose targets count
    sel: dict[tuple[int, int], CapaianUkuran]  # (kecamatan id, ukuran id) → cell
    dipakai: frozenset[int]  # measures the year speaks about (a target or a realisasi)
    skala: kinerja.Skala
    semua_skala: Mapping[str, kinerja.Skala] = field(default_factory=dict)  # by JenisSkala

    def untuk(self, kecamatan_id: int, ukuran_id: int) -> CapaianUkuran:
        return self.sel.get((kecamatan_id, ukuran_id), CapaianUkuran())


def _pk_dengan_ukuran(
    perjanjian: Sequence[PerjanjianKinerja], ukuran_id: int, target_per: Mapping
) -> PerjanjianKinerja | None:
    """The last PK of a kecamatan's year (awal first in ``perjanjian``) with a target of the
    measure."""
    return next((p for p in reversed(perjanjian) if (p.id, ukuran_id) in target_per), None)


def capaian_kabupaten(
    *,
    kecamatan: QuerySet[Kecamatan],
    kabupaten_id: int,
    tahun: int,
    ukuran: Sequence[UkuranBersama],
    dasar: str = DasarPerjanjian.BERLAKU,
) -> CapaianKabupaten:
    """The yearly capaian of ``ukuran`` (shared measures) for every kecamatan of
    ``kecamatan`` (already scoped to the user), against each one's PK in force. Three queries
    and the scale's, whatever the number of kecamatan or measures: rows are read for the whole
    kabupaten at once and grouped here. A measure without an indicator in a kecamatan's PK is
    written with its own unit (``ukuran[i].satuan``).

    A derived measure (``Indikator.sumber_realisasi``) shows its computed value, as in
    ``capaian_kecamatan``: the sources are read once for every kecamatan that needs them
    (``turunan.realisasi_turunan_kabupaten``), in the sources' own queries; none when every
    indicator is typed."""
    terlihat = kecamatan.values("id")
    per_id = {u.id: u for u in ukuran}
    perjanjian = list(
        PerjanjianKinerja.objects.filter(kecamatan_id__in=terlihat, tahun=tahun)
        .only("id", "kecamatan_id", "jenis", "status", "tahun")
        .order_by("jenis")
    )
    target = list(
        TargetPerjanjian.objects.filter(
            perjanjian__kecamatan_id__in=terlihat,
            perjanjian__tahun=tahun,
            indikator__ukuran_id__in=list(per_id),
        )
        .select_related("indikator")
        .order_by()  # read into a dict: no join to sort by kabupaten and kecamatan names
    )
    realisasi = {
        (r.kecamatan_id, r.ukuran_id): r
        for r in Realisasi.objects.filter(
            kecamatan_id__in=terlihat,
            ukuran_id__in=list(per_id),
            tahun=tahun,
            periode=Periode.TAHUNAN,
        )
        .only("kecamatan_id", "ukuran_id", "nilai", "huruf")
        .order_by()
    }
    semua_skala = skala_tahun(kabupaten_id=kabupaten_id, tahun=tahun)
    skala = semua_skala[JenisSkala.KRITERIA_CAPAIAN]

    perjanjian_per: dict[int, list[PerjanjianKinerja]] = {}
    for p in perjanjian:
        perjanjian_per.setdefault(p.kecamatan_id, []).append(p)
    dasar_perjanjian = {
        kid: p
        for kid, daftar in perjanjian_per.items()
        if (p := perjanjian_berlaku(daftar, dasar=dasar))
    }
    target_per = {(t.perjanjian_id, t.indikator.ukuran_id): t for t in target}

    # Derived measures, as capaian_kecamatan reads them: a measure computed in some PK of a
    # kecamatan's year is computed in every row of that year, each PK's from its own data.
    kecamatan_pk = {p.id: p.kecamatan_id for p in perjanjian}
    sumber_ukuran = {
        (kecamatan_pk[t.perjanjian_id], t.indikator.ukuran_id): t.indikator.sumber_realisasi
        for t in target
        if t.indikator.dihitung
    }
    turunan: dict[tuple[str, int], NilaiTurunan] = {}
    if sumber_ukuran:
        sumber_per: dict[int, set[str]] = {}
        for (kid, _), sumber in sumber_ukuran.items():
            sumber_per.setdefault(kid, set()).add(sumber)
        turunan = realisasi_turunan_kabupaten(
            kecamatan=kecamatan.filter(id__in=list(sumber_per)),
            tahun=tahun,
            periode=Periode.TAHUNAN,
            perjanjian=[p for p in perjanjian if p.kecamatan_id in sumber_per],
            sumber=sumber_per,
        )

    sel = {}
    for kid in set(perjanjian_per) | {k for k, _ in realisasi}:
        pj = dasar_perjanjian.get(kid)
        for uid, u in per_id.items():
            r = realisasi.get((kid, uid))
            t = target_per.get((pj.id, uid)) if pj else None
            # The row capaian_kecamatan has for this indicator of the PK in force: computed when
            # the measure is computed in any PK of the year (by that indicator's source). A
            # measure computed in another PK of the year only (Kencong 2025: the share of
            # program indicators reached, in the first PK) has that PK's computed realisasi,
            # without a target here, as a stored realisasi without a target would.
            sumber = sumber_ukuran.get((kid, uid))
            asal = pj if t else _pk_dengan_ukuran(perjanjian_per.get(kid, ()), uid, target_per)
            dihitung = turunan.get((sumber, asal.id)) if sumber and asal else None
            if r is None and t is None and dihitung is None:
                continue
            ind = t.indikator if t else u
            nilai_r = realisasi_baris(ind, r, dihitung)
            capaian, kriteria = (
                ukur_capaian(
                    indikator=t.indikator,
                    target=t.nilai,
                    realisasi=nilai_r.angka if nilai_r else None,
                    skala=skala,
                )
                if t
                else (None, None)
            )
            sel[(kid, uid)] = CapaianUkuran(
                target=nilai_indikator(ind, t.nilai, t.huruf) if t else None,
                realisasi=nilai_r,
                capaian=capaian,
                kriteria=kriteria,
                kategori=kategori_nilai(
                    indikator=ind,
                    angka=nilai_r.angka if nilai_r else None,
                    skala=semua_skala,
                ),
                sumber=dihitung.keterangan if dihitung else "",
            )
    return CapaianKabupaten(
        tahun=tahun,
        dasar=dasar,
        perjanjian={kid: tuple(daftar) for kid, daftar in perjanjian_per.items()},
        dasar_perjanjian=dasar_perjanjian,
        sel=sel,
        dipakai=frozenset({t.indikator.ukuran_id for t in target} | {u for _, u in realisasi}),
        skala=skala,
        semua_skala=semua_skala,
    )
