"""Charts of the kabupaten dashboard, drawn as SVG by matplotlib the way the LKIP's are
(laporan.grafik: same style, Indonesian numbers, text kept as text, deterministic output).

Two charts: the distribution of one measure across the kecamatan (a dot per kecamatan, best
first, coloured by its kriteria band, with the kabupaten average), and one kecamatan's trend
against the kabupaten average.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sakip.format_id import format_angka
from sakip.grafik import (
    WARNA_REALISASI,
    WARNA_TARGET,
    angka_grafik,
    gaya_grafik,
    mpl_grafik,
    svg_sebaris,
    tulis_nilai,
)

from .dasbor import Dasbor, TitikTren, Tren, UkuranDasbor
from .grafik import SIMPANAN_GRAFIK

WARNA_TANPA_KRITERIA = "#cfd8dc"  # a realisasi without a target: no band to colour it by
WARNA_RATA_RATA = "#6a1b9a"


@dataclass(frozen=True)
class BatangSebaran:
    kecamatan: str
    nilai: Decimal
    warna: str


def batang_sebaran(dasbor: Dasbor, i: int) -> list[BatangSebaran]:
    """The kecamatan with a realisasi of measure ``i``, best first (the table's rank order)."""
    ada = [b for b in dasbor.baris if b.sel[i].realisasi is not None]
    negatif = dasbor.ukuran[i].polaritas == "negatif"
    ada.sort(key=lambda b: b.kecamatan.nama)
    ada.sort(key=lambda b: b.sel[i].realisasi.angka, reverse=not negatif)
    return [
        BatangSebaran(
            b.kecamatan.nama,
            b.sel[i].realisasi.angka,
            b.sel[i].kriteria.warna if b.sel[i].kriteria else WARNA_TANPA_KRITERIA,
        )
        for b in ada
    ]


# Drawing is most of the dashboard's time. A chart is a pure function of the frozen data passed
# to the drawing function below, so, as the LKIP's (laporan.grafik), the SVG of the same data
# is kept in memory per process: a saved realisasi changes the data, hence the key, so a kept
# chart is never out of date.


def grafik_sebaran(dasbor: Dasbor, i: int) -> str:
    """One dot per kecamatan with a realisasi, best at the top, against the average."""
    return _grafik_sebaran(
        dasbor.ukuran[i], tuple(batang_sebaran(dasbor, i)), dasbor.rata_rata[i], dasbor.tahun
    )


def grafik_tren_kecamatan(tren: Tren) -> str:
    """The kecamatan's realisasi (solid) and the kabupaten average (dashed) per year."""
    return _grafik_tren_kecamatan(tren.ukuran, tren.kecamatan.id, tren.kecamatan.nama, tren.titik)


def lupakan_grafik_dasbor() -> None:
    """Forget the charts kept in memory (a benchmark measuring the drawing)."""
    _grafik_sebaran.cache_clear()
    _grafik_tren_kecamatan.cache_clear()


@lru_cache(maxsize=SIMPANAN_GRAFIK)
def _grafik_sebaran(
    u: UkuranDasbor, batang: tuple[BatangSebaran, ...], rata: Decimal | None, tahun: int
) -> str:
    judul = f"Sebaran realisasi {u.nama} {tahun} antarkecamatan"
    matplotlib, Figure, _FixedLocator, FuncFormatter, MaxNLocator = mpl_grafik()
    # Past a few dozen kecamatan (a load test) the rows get thinner and lose their labels.
    rapat = len(batang) > 60
    tinggi = 0.9 + (0.06 if rapat else 0.2) * max(len(batang), 1)
    with matplotlib.rc_context(gaya_grafik()):
        fig = Figure(figsize=(6.3, tinggi))
        ax = fig.subplots()
        posisi = list(range(len(batang)))
        nilai = [float(b.nilai) for b in batang]
        # Dots, not bars: the values sit close together far from zero (an IKM of 80 to
        # 94), and a bar from zero would hide exactly the differences the chart is for.
        ax.hlines(posisi, [min(nilai, default=0)] * len(batang), nilai, color="#dddddd", lw=0.6)
        ax.scatter(
            nilai,
            posisi,
            s=22,
            c=[b.warna for b in batang],
            edgecolors="#333333",
            linewidths=0.5,
            zorder=3,
        )
        for y, b in zip(posisi, [] if rapat else batang, strict=False):
            ax.annotate(
                format_angka(b.nilai, 2, buang_nol=True),
                (float(b.nilai), y),
                xytext=(5, 0),
                textcoords="offset points",
                va="center",
                fontsize=6,
            )
        if rata is not None:
            ax.axvline(
                float(rata),
                color=WARNA_RATA_RATA,
                linestyle="--",
                linewidth=1,
                label=f"Rata-rata kabupaten {format_angka(rata, 2)}",
            )
            ax.legend(loc="lower right", frameon=False, bbox_to_anchor=(1.0, 1.0))
        ax.set_yticks(posisi, [b.kecamatan for b in batang], fontsize=3 if rapat else None)
        ax.set_ylim(len(batang) - 0.4, -0.6)
        if nilai:
            bawah, atas = min(nilai), max(nilai)
            jarak = (atas - bawah) or abs(atas) or 1.0
            ax.set_xlim(bawah - 0.08 * jarak, atas + 0.15 * jarak)
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: angka_grafik(v)))
        satuan = f" ({u.satuan})" if u.satuan else ""
        ax.set_xlabel(f"Realisasi {tahun}{satuan}")
        ax.grid(axis="x", linewidth=0.4, color="#dddddd")
        ax.set_axisbelow(True)
        fig.subplots_adjust(left=1.3 / 6.3, right=0.95, top=1 - 0.4 / tinggi, bottom=0.45 / tinggi)
        return svg_sebaris(fig, kunci=f"sebaran-{u.kode}-{tahun}", judul=judul)


@lru_cache(maxsize=SIMPANAN_GRAFIK)
def _grafik_tren_kecamatan(
    u: UkuranDasbor, kecamatan_id: int, nama: str, titik: tuple[TitikTren, ...]
) -> str:
    judul = f"Tren {u.nama}: Kecamatan {nama} terhadap rata-rata kabupaten"
    matplotlib, Figure, FixedLocator, FuncFormatter, MaxNLocator = mpl_grafik()
    with matplotlib.rc_context(gaya_grafik()):
        fig = Figure(figsize=(6.3, 2.4))
        ax = fig.subplots()
        sendiri = [(t.tahun, float(t.nilai)) for t in titik if t.nilai is not None]
        rata = [(t.tahun, float(t.rata_rata)) for t in titik if t.rata_rata is not None]
        if rata:
            ax.plot(
                *zip(*rata, strict=True),
                linestyle="--",
                marker="o",
                markersize=2.5,
                color=WARNA_RATA_RATA,
                label="Rata-rata kabupaten",
            )
        if sendiri:
            ax.plot(
                *zip(*sendiri, strict=True),
                marker="o",
                color=WARNA_REALISASI,
                label=f"Kecamatan {nama}",
            )
            for t, v in sendiri:
                tulis_nilai(ax, t, v)
        if not sendiri and not rata:
            ax.text(
                0.5,
                0.5,
                "Belum ada realisasi pada tahun-tahun ini",
                transform=ax.transAxes,
                ha="center",
                color=WARNA_TARGET,
            )
        tahun = [t.tahun for t in titik]
        ax.xaxis.set_major_locator(FixedLocator(tahun))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}"))
        ax.set_xlim(tahun[0] - 0.4, tahun[-1] + 0.4)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: angka_grafik(v)))
        ax.margins(y=0.3)
        ax.set_ylabel(u.satuan or "Realisasi")
        ax.grid(axis="y", linewidth=0.4, color="#dddddd")
        ax.set_axisbelow(True)
        if sendiri or rata:
            ax.legend(loc="lower right", frameon=False, bbox_to_anchor=(1.0, 1.0), ncol=2)
        fig.subplots_adjust(left=0.09, right=0.98, top=0.86, bottom=0.12)
        return svg_sebaris(fig, kunci=f"tren-{u.kode}-{kecamatan_id}-{tahun[-1]}", judul=judul)
