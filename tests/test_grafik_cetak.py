"""The LKIP's charts as printed (issue 11): every label at least 8 pt on paper, a title kept
whole, and a series of one point (a single year of data) drawn readably.

The printed size of a label is its size in the SVG times the scale at which the document's CSS
lays the SVG out: the chart is laid out (not drawn to PDF) in a figure of the LKIP's chapter
with the LKIP's stylesheets, and its laid-out width compared to the width it was drawn at."""

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from weasyprint import HTML

from laporan.dokumen.dasar import ambil_berkas_lokal
from laporan.grafik import Batang, SeriTren, grafik_capaian, grafik_tren
from sakip.grafik import WARNA_REALISASI
from tests.test_grafik_pembanding import IKM as IKM_KENCONG

D = Decimal

# Kencong's IKM series of the chart tests, its baseline a year before the first target.
IKM = replace(IKM_KENCONG, tahun_awal=2020)
PANJANG = SeriTren(
    judul="Jumlah Dokumen Penataan Organisasi dan Tata Laksana yang Disusun Tepat Waktu",
    satuan="Dokumen",
    tahun=tuple(range(2025, 2030)),
    target=(D(4),) * 5,
    realisasi=(D(4), None, None, None, None),
)
SATU_TAHUN = SeriTren(judul="Nilai SAKIP", satuan="Nilai", tahun=(2025,), target=(None,),
                      realisasi=(D("80.41"),))  # fmt: skip


def _lebar_tercetak(svg: str) -> float:
    """The width, in pt, at which the LKIP's CSS prints the chart."""
    html = (
        '<link rel="stylesheet" href="/static/css/dokumen.css">'
        '<link rel="stylesheet" href="/static/css/dokumen-lkip.css">'
        f'<section class="lkip-bab" id="bab-3"><figure class="lkip-grafik">{svg}'
        "<figcaption>Gambar 3.1</figcaption></figure></section>"
    )
    dokumen = HTML(
        string=html, base_url="http://sakip.lokal/", url_fetcher=ambil_berkas_lokal
    ).render()
    kotak = [dokumen.pages[0]._page_box]
    while kotak:
        box = kotak.pop()
        if (box.element_tag or "").endswith("svg"):  # {http://www.w3.org/2000/svg}svg
            return box.width * 0.75  # CSS px to pt
        kotak.extend(getattr(box, "children", None) or ())
    raise AssertionError("no svg laid out")


def _ukuran_huruf(svg: str) -> list[float]:
    teks = re.findall(r"<text [^>]*>", svg)
    ukuran = [float(u) for u in re.findall(r'<text [^>]*font-size="([0-9.]+)px"', svg)]
    assert teks and len(ukuran) == len(teks), "every text has its own font size"
    return ukuran


@pytest.mark.parametrize(
    "svg",
    [
        grafik_tren([IKM, PANJANG, SATU_TAHUN], kunci="uji-tren", judul="Tren"),
        grafik_tren([SATU_TAHUN], kunci="uji-satu", judul="Tren"),
        grafik_capaian(
            [Batang(f"Sasaran {i}.1", D("99.82"), "#9fd8f5") for i in range(1, 8)],
            kunci="uji-batang",
            judul="Capaian",
        ),
    ],
    ids=["tren", "satu-seri", "tujuh-batang"],
)
def test_setiap_label_tercetak_minimal_8_pt(svg):
    lebar_gambar = float(re.search(r'viewBox="0 0 ([0-9.]+) ', svg)[1])  # pt
    skala = _lebar_tercetak(svg) / lebar_gambar
    assert skala == pytest.approx(1, abs=0.01)  # never shrunk to fit: drawn at printed size
    assert round(min(_ukuran_huruf(svg)) * skala, 2) >= 8


def test_judul_panjang_tidak_terpotong():
    svg = grafik_tren([PANJANG, IKM], kunci="uji-judul", judul="Tren")
    judul = " ".join(re.findall(r"<text [^>]*>([^<]*)</text>", svg))  # a line per <text>
    assert f"{PANJANG.judul} ({PANJANG.satuan})" in judul
    assert "…" not in svg


def test_seri_satu_titik_bertanda_dengan_nilai_dan_sumbu_yang_wajar():
    svg = grafik_tren([SATU_TAHUN], kunci="uji-satu-titik", judul="Tren")
    # the point: a marker of the realisasi colour, at least 4 pt across, with its value above
    penanda = re.findall(r'<path id="(m[0-9a-f]+)" d="([^"]*)" stroke="' + WARNA_REALISASI, svg)
    assert penanda, "a marker is drawn"
    kode, jalur = penanda[0]
    angka = [float(a) for a in re.findall(r"-?[0-9.]+", jalur)]
    assert max(angka) - min(angka) >= 4
    assert svg.count(f'xlink:href="#{kode}"') >= 1
    assert ">80,41</text>" in svg
    # axes that read: the one year on x, y ticks whole numbers around the value (not a hair apart)
    assert re.findall(r'text-anchor="middle"[^>]*>(20[0-9]{2})</text>', svg) == ["2025"]
    sumbu_y = [
        float(t.replace(",", "."))
        for t in re.findall(r'text-anchor="end"[^>]*>([0-9.,]+)</text>', svg)
    ]
    assert len(sumbu_y) >= 3 and min(sumbu_y) < 80.41 < max(sumbu_y)
    assert max(sumbu_y) - min(sumbu_y) >= 8
