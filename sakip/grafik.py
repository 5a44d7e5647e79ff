"""The chart toolkit every chart of the product shares (the LKIP's, the dashboard's, the
survey's): matplotlib on first use, the printed document's font and colours, Indonesian
numbers, and SVG that is byte-for-byte the same for the same data (the stored PDF is found by
the SHA-256 of its HTML). Core: it imports no app.
"""

import io
import re
from decimal import Decimal

from django.utils.html import escape

from sakip.format_id import format_angka

HURUF = ["DejaVu Sans"]  # the font of the printed document (static/css/dokumen.css)
LEBAR_INCI = 6.3  # the A4 portrait text width (16,5 cm), a little less
WARNA_REALISASI = "#1f5f99"
WARNA_TARGET = "#c0392b"
WARNA_AWAL = "#444444"
# The smallest type of a printed chart, as printed (issue 11: at least 8 pt). A chart of the
# LKIP is drawn at most LEBAR_INCI wide and printed at its own size (dokumen-lkip.css gives it
# no more than the text width, which is wider), so a size in the figure is the printed size.
HURUF_CETAK = 8


def mpl_grafik():
    """matplotlib, imported on first use: it takes most of a second, which no page without a
    chart should pay."""
    import matplotlib

    matplotlib.use("Agg")
    # Chart text is data (a name, a unit), never math: "$…$" in an indicator's name is
    # printed as typed instead of being parsed as mathtext (which fails on most of it).
    matplotlib.rcParams["text.parse_math"] = False
    from matplotlib.figure import Figure
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    return matplotlib, Figure, FixedLocator, FuncFormatter, MaxNLocator


def angka_grafik(v: float, desimal: int = 2) -> str:
    """An axis tick or label in Indonesian notation: 92,5 · 4 · 1.234."""
    return format_angka(Decimal(f"{v:.6f}"), desimal, buang_nol=True)


def _atribut(cocok: re.Match) -> str:
    """style="fill: #fff; stroke-width: 0.6" → fill="#fff" stroke-width="0.6": the same
    drawing for browsers and WeasyPrint's SVG renderer, without WeasyPrint's HTML cascade
    warning about every SVG property it meets in a style attribute."""
    hasil = []
    for deklarasi in cocok[1].split(";"):
        nama, _, nilai = deklarasi.partition(":")
        nama, nilai = nama.strip(), nilai.strip()
        if not nama:
            continue
        if nama == "font":
            ukuran, _, keluarga = nilai.partition(" ")
            hasil += [f'font-size="{ukuran}"', f'font-family="{keluarga}"']
        else:
            hasil.append(f'{nama}="{nilai}"')
    return " ".join(hasil)


# Ids matplotlib does not hash repeat in every chart ("axes_1"); nothing refers to them.
_ID_BERULANG = re.compile(
    r' id="(?:figure|axes|patch|line2d|text|matplotlib\.axis|xtick|ytick|legend|'
    r"PathCollection|PolyCollection|BarContainer|LineCollection)_\d+\"'?"
)


# A group of matplotlib's that is left without attributes once its id is gone draws nothing of
# its own; its children drawn without it are the same picture. A printed LKIP's charts held
# 611 groups, 588 of them bare, each a box WeasyPrint styled, laid out and drew.
_TAG_GRUP = re.compile(r"<g(?=[\s>/])[^>]*>|</g>")


def _tanpa_grup_kosong(teks: str) -> str:
    """The SVG without its attribute-less <g> elements, their children kept in place."""
    terbuka: list[bool] = []  # per open <g>: whether it is bare (dropped with its </g>)

    def ganti(cocok: re.Match) -> str:
        tag = cocok[0]
        if tag == "</g>":
            return "" if terbuka.pop() else tag
        if tag.endswith("/>"):
            return tag
        terbuka.append(tag == "<g>")
        return "" if terbuka[-1] else tag

    return re.sub(r"\n\s*\n", "\n", _TAG_GRUP.sub(ganti, teks))


def svg_sebaris(fig, *, kunci: str, judul: str) -> str:
    """The figure as an inline <svg> element, the same bytes for the same data."""
    matplotlib = mpl_grafik()[0]
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": f"sakip-{kunci}", "text.parse_math": False}
    ):
        keluaran = io.StringIO()
        fig.savefig(keluaran, format="svg", metadata={"Date": None, "Creator": None})
    teks = keluaran.getvalue()
    teks = teks[teks.index("<svg") :]  # no XML declaration or DOCTYPE inside HTML
    teks = re.sub(r"\s*<metadata>.*?</metadata>", "", teks, count=1, flags=re.S)
    teks = _ID_BERULANG.sub("", teks)
    teks = re.sub(r'style="([^"]*)"', _atribut, teks)
    teks = _tanpa_grup_kosong(teks)
    return teks.replace(
        "<svg ", f'<svg class="grafik-svg" role="img" aria-label="{escape(judul)}" ', 1
    ).strip()


def tulis_nilai(ax, x, y: float, *, ukuran: float = 6.5, warna: str = WARNA_REALISASI) -> None:
    """A realisasi written just above its point, in the realisasi colour."""
    ax.annotate(
        angka_grafik(y),
        (x, y),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        fontsize=ukuran,
        color=warna,
    )


def gaya_grafik() -> dict:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": HURUF,
        "font.size": 7,
        "axes.titlesize": 7,
        "axes.labelsize": 7,
        "xtick.labelsize": 6.5,
        "ytick.labelsize": 6.5,
        "legend.fontsize": 7,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 0.6,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "xtick.major.size": 2.5,
        "ytick.major.size": 2.5,
        "lines.linewidth": 1.3,
        "lines.markersize": 3.5,
        "text.parse_math": False,  # see mpl_grafik
    }


def gaya_cetak() -> dict:
    """The style of a chart printed in a document (the LKIP's, also shown on its web page):
    every text HURUF_CETAK. The dashboard's and the survey's charts, on screen only, keep the
    smaller gaya_grafik."""
    return gaya_grafik() | {
        nama: HURUF_CETAK
        for nama in (
            "font.size",
            "axes.titlesize",
            "axes.labelsize",
            "xtick.labelsize",
            "ytick.labelsize",
            "legend.fontsize",
        )
    }
