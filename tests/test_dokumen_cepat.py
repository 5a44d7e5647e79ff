"""Printing with less CPU (issue 11, "Fast"): what `laporan.dokumen.cepat` and the chart SVG
leave out must change nothing a reader sees.

- WeasyPrint's two fast paths answer exactly as the library does, for every kind of value a
  stylesheet can give them.
- The garbage collector is paused only while something prints, and comes back as it was.
- A chart's bare groups go, every drawing element stays, in its order."""

import gc
import threading
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import tinycss2
import weasyprint
from weasyprint.css import computed_values, functions

from laporan.dokumen import cepat
from laporan.grafik import Batang, grafik_capaian
from sakip.grafik import _tanpa_grup_kosong

pytestmark = pytest.mark.skipif(
    int(weasyprint.__version__.split(".")[0]) not in cepat._VERSI_JALAN_PINTAS,
    reason="the fast paths are written for WeasyPrint 67–68 only",
)

# Values as a stylesheet gives them: math functions, nested, other functions, plain tokens,
# and the Python values WeasyPrint passes for initial and computed values.
NILAI_CSS = [
    "calc(1px + 2%)",
    "calc((100% - 2em) / 3)",
    "min(10px, 5%)",
    "max(1em)",
    "clamp(1px, 2vw, 30px)",
    "round(up, 5px, 2px)",
    "mod(7px, 2px)",
    "sin(45deg)",
    "atan2(1, 2)",
    "pow(2, 3)",
    "sqrt(4)",
    "hypot(3px, 4px)",
    "log(10)",
    "exp(1)",
    "abs(-1px)",
    "sign(-2)",
    "calc()",
    "clamp(1px, 2px)",
    "translate(calc(1px + 1px))",
    "rgb(1 2 3)",
    "var(--lebar)",
    "attr(href)",
    "counter(page)",
    "target-counter(attr(href), page, lower-roman)",
    "leader('.')",
    "url(/static/x.png)",
    "10px",
    "50%",
    "1.5",
    "auto",
    "'teks'",
    "#1f5f99",
]


def _token():
    for teks in NILAI_CSS:
        yield from tinycss2.parse_component_value_list(teks)
    from weasyprint.css.properties import INITIAL_VALUES

    yield from INITIAL_VALUES.values()
    yield from (None, 0, 1.5, "auto", "currentcolor", (1, "px"), [])


@pytest.fixture(scope="module")
def jalan_pintas():
    assert cepat.pasang_jalan_pintas(), "installed on this WeasyPrint"
    return functions.check_math


def test_check_math_menjawab_sama_dengan_weasyprint(jalan_pintas):
    asli = jalan_pintas.asli
    for token in _token():
        assert jalan_pintas(token) == asli(token), token
    assert jalan_pintas(tinycss2.parse_component_value_list("calc(1px + 2%)")[0])
    assert not jalan_pintas(tinycss2.parse_component_value_list("attr(href)")[0])


def test_setiap_modul_weasyprint_memakai_jalan_pintas(jalan_pintas):
    """A module WeasyPrint adds or renames is noticed here, not by a slower print."""
    from importlib import import_module

    for nama in cepat._MODUL_CHECK_MATH:
        assert import_module(nama).check_math is jalan_pintas, nama
    warna = computed_values.COMPUTER_FUNCTIONS["color"]
    for sifat in ("background_color", "border_top_color", "outline_color"):
        assert computed_values.COMPUTER_FUNCTIONS[sifat] is warna


def test_warna_awal_sama_dengan_weasyprint(jalan_pintas):
    warna = computed_values.COMPUTER_FUNCTIONS["color"]
    for skema in ("normal", ("dark",), ("light", "only"), ["light"]):
        for nilai in ("currentcolor", "transparent", "black", "canvastext", "tidak-ada"):
            gaya = {"color_scheme": skema}
            assert warna(gaya, "background_color", nilai) == warna.asli(
                gaya, "background_color", nilai
            ), (skema, nilai)
    token = tinycss2.parse_component_value_list("#1f5f99")[0]
    assert warna({"color_scheme": "normal"}, "color", token) == warna.asli(
        {"color_scheme": "normal"}, "color", token
    )


def test_gc_berhenti_hanya_selama_mencetak_dan_kembali_seperti_semula():
    assert gc.isenabled()
    masuk, keluar = threading.Event(), threading.Event()
    terlihat = []

    def cetak_lain():
        with cepat.gc_dijeda():
            masuk.set()
            keluar.wait(5)
            terlihat.append(gc.isenabled())

    with cepat.gc_dijeda():
        assert not gc.isenabled()
        lain = threading.Thread(target=cetak_lain)
        lain.start()
        masuk.wait(5)
    # This print ended while another one runs: the collector stays paused for it.
    assert not gc.isenabled()
    keluar.set()
    lain.join(5)
    assert terlihat == [False]
    assert gc.isenabled()

    gc.disable()  # a caller that switched it off itself keeps it off
    try:
        with cepat.gc_dijeda():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _elemen(svg: str) -> list[tuple[str, dict, str]]:
    akar = ET.fromstring(svg)
    return [
        (e.tag, dict(e.attrib), (e.text or "").strip())
        for e in akar.iter()
        if e.tag != "{http://www.w3.org/2000/svg}g" or e.attrib
    ]


def test_grafik_tanpa_grup_kosong_menggambar_hal_yang_sama():
    svg = grafik_capaian(
        (Batang("Sasaran 1.1", Decimal("97.5"), "#1f5f99"), Batang("Sasaran 2.1", None, "#c0392b")),
        kunci="uji-grup",
        judul="Capaian per sasaran",
    )
    assert "<g>" not in svg
    contoh = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g><g id="a"><path d="M 0 0"/></g>'
        '<g/><g><g clip-path="url(#k)"><text x="1">92,5</text></g></g></g></svg>'
    )
    hasil = _tanpa_grup_kosong(contoh)
    assert hasil == (
        '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><path d="M 0 0"/></g>'
        '<g/><g clip-path="url(#k)"><text x="1">92,5</text></g></svg>'
    )
    assert _elemen(hasil) == _elemen(contoh)
