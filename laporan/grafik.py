"""Charts of the LKIP, drawn as SVG by matplotlib and inlined in the HTML, so the same chart
appears on the web LKIP page and in the PDF.

Two kinds, kept few and simple because the LKIP's HTML is rebuilt (and fingerprinted) every
time a document is asked for: per Perjanjian Kinerja one figure of small multiples with the
trend of each IKU over its Renstra years (realisasi against targets), and one bar chart of the
capaian per sasaran with the 100 % line.

The SVG must be byte-for-byte the same for the same data (the stored PDF is found by the
SHA-256 of the HTML): no date in the metadata, a fixed hash salt for the ids matplotlib
generates (one per chart, so two charts of one page never share an id), text kept as text
(``svg.fonttype = none``: selectable, and found by text extraction in the PDF). Labels are
Indonesian and numbers go through ``sakip.format_id`` (decimal comma).
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from iku.models import Indikator
from perjanjian.selectors import CapaianKecamatan, TitikTren, capaian_kecamatan
from sakip.format_id import format_persen
from sakip.grafik import (
    HURUF_CETAK,
    LEBAR_INCI,
    WARNA_AWAL,
    WARNA_REALISASI,
    WARNA_TARGET,
    angka_grafik,
    gaya_cetak,
    mpl_grafik,
    svg_sebaris,
    tulis_nilai,
)

KOLOM_TREN = 2


@dataclass(frozen=True)
class SeriTren:
    """One IKU over the years of its Renstra."""

    judul: str  # the indicator's name
    satuan: str  # written after the title, e.g. "%", "Indeks"
    tahun: tuple[int, ...]  # the x axis: baseline year to the Renstra's last year
    target: tuple[Decimal | None, ...]  # one per year of ``tahun``
    realisasi: tuple[Decimal | None, ...]  # one per year of ``tahun``; None: not (yet) known
    tahun_awal: int | None = None  # the baseline, drawn apart as "kondisi awal"
    awal: Decimal | None = None


@dataclass(frozen=True)
class Batang:
    label: str  # "Sasaran 1.1"
    capaian: Decimal | None
    warna: str  # the colour of its kriteria band


def _judul_sumbu(teks: str, satuan: str, lebar: float) -> list[str]:
    """The title of one small chart in full (never cut), wrapped to ``lebar`` inches."""
    judul = f"{teks} ({satuan})" if satuan else teks
    return textwrap.wrap(judul, max(12, int(lebar * 72 / (HURUF_CETAK * _LEBAR_HURUF))))


# Layout of the small multiples, in inches: the legend band, one title line, the axes, the tick
# labels below them, the gap between rows; across, the left margin (y tick labels), the gap
# between two columns (the right one's y tick labels) and the right margin. Two columns, so
# that at 8 pt the years of a Renstra (up to seven) stand side by side.
_LEGENDA, _BARIS_JUDUL, _SUMBU, _BAWAH, _ANTARA = 0.3, HURUF_CETAK * 1.25 / 72, 1.0, 0.24, 0.12
_KIRI, _SELA, _KANAN = 0.5, 0.6, 0.12
_LEBAR_HURUF = 0.6  # the mean width of a DejaVu Sans character, in em (a little generous)


# Drawing is most of the time it takes to build the LKIP's HTML, and the HTML is rebuilt each
# time a document is asked for (to see whether its data changed). A chart is a pure function of
# its (frozen, hashable) data, so the SVG of the same data is kept in memory per process.
SIMPANAN_GRAFIK = 128


def grafik_tren(seri: Sequence[SeriTren], *, kunci: str, judul: str) -> str:
    """Small multiples, two per row: target (dashed) and realisasi (solid) per year, the
    baseline as a hollow square, the latest realisasi written above its point."""
    return _grafik_tren(tuple(seri), kunci, judul)


def grafik_capaian(batang: Sequence[Batang], *, kunci: str, judul: str) -> str:
    """Capaian per sasaran as bars coloured by their kriteria band, with the 100 % line."""
    return _grafik_capaian(tuple(batang), kunci, judul)


def lupakan_grafik() -> None:
    """Forget the charts kept in memory (the benchmark measures drawing them)."""
    _grafik_tren.cache_clear()
    _grafik_capaian.cache_clear()


def _rentang(ax, seri: SeriTren) -> None:
    """Axis ranges that read for a series of one point, or of one value repeated: the point
    sits in the middle of a year either side and of a tenth of its value above and below,
    instead of matplotlib's collapsed range of ticks a hair apart."""
    if len(seri.tahun) == 1:
        ax.set_xlim(seri.tahun[0] - 1, seri.tahun[0] + 1)
    nilai = {float(v) for v in (*seri.target, *seri.realisasi, seri.awal) if v is not None}
    if len(nilai) == 1:
        (v,) = nilai
        selisih = max(abs(v) * 0.1, 1.0)
        ax.set_ylim(v - selisih, v + selisih)


@lru_cache(maxsize=SIMPANAN_GRAFIK)
def _grafik_tren(seri: tuple[SeriTren, ...], kunci: str, judul: str) -> str:
    matplotlib, Figure, FixedLocator, FuncFormatter, MaxNLocator = mpl_grafik()
    kolom = min(KOLOM_TREN, max(1, len(seri)))  # one IKU: one column, not an empty second
    lebar = LEBAR_INCI * kolom / KOLOM_TREN
    lebar_sumbu = (lebar - _KIRI - _KANAN - (kolom - 1) * _SELA) / kolom
    judul_seri = [_judul_sumbu(s.judul, s.satuan, lebar_sumbu + _SELA * 0.5) for s in seri]
    # Per row of charts, the lines of its longest title: a row is as tall as its titles need.
    baris_judul = [
        max(len(j) for j in judul_seri[i : i + kolom]) for i in range(0, len(seri), kolom)
    ] or [1]
    tinggi_baris = [n * _BARIS_JUDUL + 0.06 + _SUMBU + _BAWAH for n in baris_judul]
    tinggi = _LEGENDA + sum(tinggi_baris) + _ANTARA * (len(tinggi_baris) - 1)
    with matplotlib.rc_context(gaya_cetak()):
        fig = Figure(figsize=(lebar, tinggi))
        pegangan: dict[str, object] = {}
        for i, (s, baris_teks) in enumerate(zip(seri, judul_seri, strict=True)):
            b, k = divmod(i, kolom)
            atas = _LEGENDA + sum(tinggi_baris[:b]) + _ANTARA * b
            bawah_sumbu = tinggi - atas - tinggi_baris[b] + _BAWAH
            ax = fig.add_axes(
                (
                    (_KIRI + k * (lebar_sumbu + _SELA)) / lebar,
                    bawah_sumbu / tinggi,
                    lebar_sumbu / lebar,
                    _SUMBU / tinggi,
                )
            )
            titik_t = [
                (t, float(v)) for t, v in zip(s.tahun, s.target, strict=True) if v is not None
            ]
            titik_r = [
                (t, float(v)) for t, v in zip(s.tahun, s.realisasi, strict=True) if v is not None
            ]
            if titik_t:
                (garis,) = ax.plot(
                    *zip(*titik_t, strict=True),
                    linestyle="--",
                    marker="o",
                    # a lone point is all there is to see: drawn as large as a realisasi
                    markersize=2.6 if len(titik_t) > 1 else 4.5,
                    color=WARNA_TARGET,
                )
                pegangan.setdefault("Target", garis)
                if not titik_r and len(titik_t) == 1:
                    tulis_nilai(ax, *titik_t[0], ukuran=HURUF_CETAK, warna=WARNA_TARGET)
            if titik_r:
                (garis,) = ax.plot(
                    *zip(*titik_r, strict=True),
                    marker="o",
                    markersize=3.5 if len(titik_r) > 1 else 5,
                    color=WARNA_REALISASI,
                )
                pegangan.setdefault("Realisasi", garis)
                tulis_nilai(ax, *titik_r[-1], ukuran=HURUF_CETAK)
            if s.awal is not None and s.tahun_awal is not None:
                (garis,) = ax.plot(
                    [s.tahun_awal],
                    [float(s.awal)],
                    marker="s",
                    markersize=4.2,
                    linestyle="none",
                    markerfacecolor="white",
                    color=WARNA_AWAL,
                )
                pegangan.setdefault("Kondisi awal", garis)
            ax.set_title("\n".join(baris_teks), loc="left", pad=4)
            ax.xaxis.set_major_locator(FixedLocator(list(s.tahun)))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}"))
            ax.yaxis.set_major_locator(MaxNLocator(4))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: angka_grafik(v)))
            ax.margins(x=0.08, y=0.3)
            _rentang(ax, s)
            ax.grid(axis="y", linewidth=0.4, color="#dddddd")
            ax.set_axisbelow(True)
        urutan = [k for k in ("Target", "Realisasi", "Kondisi awal") if k in pegangan]
        fig.legend(
            [pegangan[k] for k in urutan],
            urutan,
            loc="upper center",
            ncol=3,
            frameon=False,
            bbox_to_anchor=(0.5, 1.0),
            borderaxespad=0.2,
        )
        return svg_sebaris(fig, kunci=kunci, judul=judul)


@lru_cache(maxsize=SIMPANAN_GRAFIK)
def _grafik_capaian(batang: tuple[Batang, ...], kunci: str, judul: str) -> str:
    matplotlib, Figure, _FixedLocator, FuncFormatter, MaxNLocator = mpl_grafik()
    tinggi = [float(b.capaian) if b.capaian is not None else 0.0 for b in batang]
    lebar = min(LEBAR_INCI, 1.6 + 1.0 * len(batang))
    # A label wider than its bar's slot ("Sasaran 1.1" at 8 pt is 0,75 inch) breaks in two.
    sela = (lebar - 0.65) / (len(batang) + 0.2)
    label = [
        b.label if len(b.label) * 0.075 < sela else b.label.replace(" ", "\n", 1) for b in batang
    ]
    with matplotlib.rc_context(gaya_cetak()):
        fig = Figure(figsize=(lebar, 2.4))
        ax = fig.subplots()
        posisi = list(range(len(batang)))
        ax.bar(
            posisi,
            tinggi,
            width=0.55,
            color=[b.warna for b in batang],
            edgecolor="#333333",
            linewidth=0.6,
        )
        ax.axhline(100, color=WARNA_TARGET, linestyle="--", linewidth=1, label="Target (100%)")
        for x, b, h in zip(posisi, batang, tinggi, strict=True):
            # Inside the bar, below the 100 % line it would otherwise cross.
            teks = "belum terukur" if b.capaian is None else format_persen(b.capaian)
            di_dalam = h >= 30
            ax.annotate(
                teks,
                (x, h),
                xytext=(0, -4 if di_dalam else 3),
                textcoords="offset points",
                ha="center",
                va="top" if di_dalam else "bottom",
                fontsize=HURUF_CETAK,
            )
        ax.set_xticks(posisi, label)
        ax.set_xlim(-0.6, len(batang) - 0.4)
        ax.set_ylim(0, max(125.0, max(tinggi, default=0.0) * 1.12))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{angka_grafik(v, 0)}%"))
        ax.set_ylabel("Capaian kinerja")
        ax.legend(loc="lower right", frameon=False, bbox_to_anchor=(1.0, 1.0), borderaxespad=0)
        ax.grid(axis="y", linewidth=0.4, color="#dddddd")
        ax.set_axisbelow(True)
        bawah = 0.42 if any("\n" in t for t in label) else 0.3
        fig.subplots_adjust(
            left=0.62 / lebar, right=1 - 0.1 / lebar, bottom=bawah / 2.4, top=1 - 0.3 / 2.4
        )
        return svg_sebaris(fig, kunci=kunci, judul=judul)


# --- the charts of a year's LKIP, from the data ----------------------------------------------


@dataclass(frozen=True)
class Grafik:
    nomor: str  # "3.1": figures are numbered through BAB III
    judul: str
    svg: str


@dataclass(frozen=True)
class GrafikPerjanjian:
    perjanjian: object  # PerjanjianKinerja
    judul: str
    grafik: tuple[Grafik, ...]


def _seri(indikator, renstra, titik: Sequence[TitikTren]) -> SeriTren:
    """An IKU over its Renstra years: targets, and the realisasi of its one trend series
    (``CapaianKecamatan.tren``, which the LKIP's text and table read too; years before the
    Renstra widen the axis), the kondisi awal drawn apart."""
    mulai = min([renstra.tahun_baseline, *(t.tahun for t in titik)])
    semua_tahun = tuple(range(mulai, renstra.tahun_akhir + 1))
    target = {t.tahun: t.nilai for t in indikator.target.all()}
    realisasi = {t.tahun: t.nilai.angka for t in titik if not t.kondisi_awal}
    awal = next((t for t in titik if t.kondisi_awal), None)
    return SeriTren(
        judul=indikator.nama,
        satuan=indikator.satuan,
        tahun=semua_tahun,
        target=tuple(target.get(th) for th in semua_tahun),
        realisasi=tuple(realisasi.get(th) for th in semua_tahun),
        tahun_awal=awal.tahun if awal else None,
        awal=awal.nilai.angka if awal else None,
    )


def grafik_tahunan(
    *, kecamatan, tahun: int, capaian: CapaianKecamatan | None = None
) -> list[GrafikPerjanjian]:
    """Per PK of the year (awal, then perubahan): the trend of its IKU and the capaian of its
    sasaran. The capaian bars are the selector's mean per sasaran (``capaian_kecamatan``, the
    rows of Tabel 3.2 / 3.8), so chart and table cannot disagree; the LKIP passes the rows it
    already loaded (its ``riwayat`` holds the realisasi of the Renstra years). The LKIP document
    and its web page both call this, so they show the same charts."""
    if capaian is None:
        capaian = capaian_kecamatan(
            kecamatan=kecamatan, tahun=tahun, lengkap=True, tanpa_perjanjian_kosong=True
        )
    per_perjanjian = [
        (perjanjian, daftar)
        for perjanjian in capaian.perjanjian
        if (daftar := capaian.untuk(perjanjian))
    ]
    if not per_perjanjian:
        return []
    hasil, nomor = [], 0
    for perjanjian, daftar in per_perjanjian:
        renstra = perjanjian.renstra
        nama = f"{'PK Perubahan' if perjanjian.jenis == 'perubahan' else 'PK'} {perjanjian.tahun}"
        grafik = []

        iku = [b for b in daftar if b.indikator.jenis == Indikator.Jenis.IKU]
        if iku:
            nomor += 1
            judul = (
                f"Tren realisasi dan target IKU {nama} selama periode Renstra "
                f"{renstra.tahun_awal}-{renstra.tahun_akhir}"
            )
            seri = [_seri(b.indikator, renstra, capaian.tren(b)) for b in iku]
            grafik.append(
                Grafik(
                    f"3.{nomor}",
                    judul,
                    grafik_tren(seri, kunci=f"tren-{perjanjian.id}", judul=judul),
                )
            )

        sasaran = capaian.sasaran(perjanjian)
        if sasaran:
            nomor += 1
            judul = f"Capaian kinerja per sasaran {nama} (rata-rata capaian indikatornya)"
            batang = [
                Batang(
                    f"Sasaran {s.sasaran.kode}",
                    s.rata_rata,
                    s.kriteria.warna if s.kriteria else "#ffffff",
                )
                for s in sasaran
            ]
            grafik.append(
                Grafik(
                    f"3.{nomor}",
                    judul,
                    grafik_capaian(batang, kunci=f"capaian-{perjanjian.id}", judul=judul),
                )
            )
        hasil.append(
            GrafikPerjanjian(
                perjanjian,
                f"{perjanjian.get_jenis_display()} {tahun} (dasar {renstra.nama})",
                tuple(grafik),
            )
        )
    return hasil
