"""The layout cache of a printed document's parts (laporan.dokumen.tembolok): a part whose input
is unchanged is not laid out again, a changed style sheet or a damaged entry lays it out again,
the folder stays within its bound, and the bound LKIP is the same document with and without
the cache (text, page numbers, links, outline)."""

from io import BytesIO, StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from pypdf import PdfReader
from weasyprint import HTML

from laporan.dokumen import dasar
from laporan.dokumen.dasar import Penyaji, gabung_dokumen, penanda_halaman
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import LaporanKinerja


@pytest.fixture
def tembolok(settings, media, tmp_path, monkeypatch):
    """An empty cache of the test's own (the process's guesses of page numbers forgotten)."""
    monkeypatch.setattr(dasar, "_PETUNJUK", {})
    settings.DOKUMEN_TEMBOLOK = str(tmp_path / "tembolok")
    (media / "gaya.css").write_text("@page { size: A5 } p { font-size: 12pt }")
    return tmp_path / "tembolok"


@pytest.fixture
def hitung_tata_letak(monkeypatch):
    """How many parts WeasyPrint lays out."""
    hitungan = []
    asli = HTML.render

    def render(self, *args, **kwargs):
        hitungan.append(1)
        return asli(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "render", render)
    return hitungan


def bagian(judul: str, halaman: int, isi: str = "") -> str:
    """A part of ``halaman`` pages, paragraph ``<judul>-<n>`` on page n."""
    badan = "".join(
        f'<p id="{judul}-{i + 1}" style="break-before: {"page" if i else "auto"}">'
        f"{judul} halaman {i + 1}</p>"
        for i in range(halaman)
    )
    return (
        '<html><head><link rel="stylesheet" href="/static/css/dokumen.css">'
        '<link rel="stylesheet" href="/media/gaya.css"></head>'
        f"<body>{isi}{badan}</body></html>"
    )


def dokumen_contoh() -> str:
    daftar = (
        f"<p>Lampiran 1 hal. {penanda_halaman(1)}</p>"
        f"<p>Lampiran 2 hal. {penanda_halaman(2, jangkar='Dua-2', mulai='Utama-2')}</p>"
    )
    return gabung_dokumen([bagian("Utama", 2, daftar), bagian("Satu", 3), bagian("Dua", 2)])


def teks(pdf: bytes) -> list[str]:
    return [" ".join(h.extract_text().split()) for h in PdfReader(BytesIO(pdf)).pages]


def test_bagian_yang_tak_berubah_tidak_ditata_ulang(tembolok, hitung_tata_letak):
    html = dokumen_contoh()
    pertama, halaman, _ = Penyaji.cetak(html)
    assert halaman == 2 + 3 + 2
    # The main part is laid out twice the first time (its stand-in numbers "01", "04" have
    # more digits than the right ones), every other part once.
    assert len(hitung_tata_letak) == 4
    kedua, _, _ = Penyaji.cetak(html)
    assert len(hitung_tata_letak) == 4  # every part from the cache
    assert teks(kedua) == teks(pertama)
    # The page numbers of the annexes: Satu on page 3; the anchor on Dua's second page is
    # page 7, or 6 counted from the main part's second page.
    assert "Lampiran 1 hal. 3" in teks(pertama)[0]
    assert "Lampiran 2 hal. 6" in teks(pertama)[0]
    assert "Satu halaman 1" in teks(pertama)[2]
    assert "Dua halaman 2" in teks(pertama)[6]

    # Only the main part changed: the annexes come from the cache, the numbers stay.
    lain = html.replace("Utama halaman 1", "Utama halaman satu")
    ketiga, _, _ = Penyaji.cetak(lain)
    assert len(hitung_tata_letak) == 5
    assert "Lampiran 1 hal. 3" in teks(ketiga)[0]


def test_gaya_yang_berubah_menata_ulang(tembolok, media, hitung_tata_letak):
    html = dokumen_contoh()
    a5, _, _ = Penyaji.cetak(html)
    (media / "gaya.css").write_text("@page { size: A4 } p { font-size: 12pt }")
    a4, _, _ = Penyaji.cetak(html)
    assert len(hitung_tata_letak) == 4 + 3  # the same HTML, another style sheet: laid out again
    lebar = [float(PdfReader(BytesIO(p)).pages[3].mediabox.width) for p in (a5, a4)]
    assert lebar[0] < lebar[1]


def test_entri_rusak_atau_hilang_dicetak_ulang(tembolok, hitung_tata_letak):
    html = dokumen_contoh()
    asli, _, _ = Penyaji.cetak(html)
    pdf = [p for p in tembolok.glob("*/*.bagian") if p.stat().st_size > 1000]
    assert len(pdf) == 3  # the three parts (and, smaller, the guesses of the numbers)
    pdf[0].write_bytes(pdf[0].read_bytes()[:-100])  # cut short
    pdf[1].write_bytes(pdf[1].read_bytes().replace(b"%PDF", b"%PDX", 1))  # damaged
    for p in pdf[2:]:
        p.unlink()
    lagi, _, _ = Penyaji.cetak(html)
    assert len(hitung_tata_letak) == 4 + 3
    assert teks(lagi) == teks(asli)


def test_nomor_yang_sama_panjang_ditambal_tanpa_tata_letak_ulang(
    settings, tembolok, hitung_tata_letak
):
    daftar = (
        f"<p>Lampiran 1 hal. {penanda_halaman(1)}</p>"
        f"<p>Lampiran 2 hal. {penanda_halaman(2, jangkar='Dua-2')}</p>"
    )
    html = gabung_dokumen([bagian("Utama", 10, daftar), bagian("Satu", 2), bagian("Dua", 2)])
    pdf, _, _ = Penyaji.cetak(html)
    # The stand-ins "01" and "04" become 11 and 14 in the laid-out boxes: each part once.
    assert len(hitung_tata_letak) == 3
    assert "Lampiran 1 hal. 11 Lampiran 2 hal. 14" in teks(pdf)[0]
    assert "Satu halaman 1" in teks(pdf)[10] and "Dua halaman 2" in teks(pdf)[13]
    # The same document as laid out with those numbers from the start, without the cache.
    settings.DOKUMEN_TEMBOLOK = ""
    dasar._PETUNJUK.clear()
    assert teks(Penyaji.cetak(html)[0]) == teks(pdf)


def test_tembolok_dibatasi(settings, tembolok):
    settings.DOKUMEN_TEMBOLOK_BATAS_MB = 0  # every write prunes past the bound
    Penyaji.cetak(dokumen_contoh())
    # Pruned to nothing after each write, never failing the print.
    assert sum(p.stat().st_size for p in tembolok.glob("*/*.bagian")) <= 0
    assert not list(tembolok.glob("*/.*"))  # no temporary file left


def tautan(pdf: bytes) -> list[list[tuple]]:
    """Per page, each link as (its URI) or (the page its destination is on)."""
    baca = PdfReader(BytesIO(pdf))
    tujuan = {n: baca.get_destination_page_number(d) for n, d in baca.named_destinations.items()}
    hasil = []
    for halaman in baca.pages:
        daftar = []
        for a in halaman.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            aksi = a.get("/A") or {}
            if "/URI" in aksi:
                daftar.append(("uri", str(aksi["/URI"])))
            else:
                d = a.get("/Dest") or aksi.get("/D")
                daftar.append(("hal", tujuan[str(d)] if isinstance(d, str) else str(d)))
        hasil.append(daftar)
    return hasil


def garis_besar(pdf: bytes) -> list[tuple[str, int]]:
    baca = PdfReader(BytesIO(pdf))

    def rata(daftar):
        for o in daftar:
            if isinstance(o, list):
                yield from rata(o)
            else:
                yield (o.title, baca.get_destination_page_number(o))

    return list(rata(baca.outline))


@pytest.fixture(scope="module")
def lkip_dua_cara(jember_modul, django_db_blocker):
    """Kencong's LKIP 2025 bound with its lampiran, printed with every part laid out and
    written as one PDF (no cache), and through the run's layout cache (parts joined)."""
    with django_db_blocker.unblock():
        call_command("muat_data_jember", stdout=StringIO())
        penyaji = PenyajiLKIP(LaporanKinerja.objects.get(kecamatan__slug="kencong", tahun=2025))
        html = penyaji.html()
        with override_settings(DOKUMEN_TEMBOLOK=""):
            tanpa, n_tanpa, _ = penyaji.cetak(html)
        dengan, n_dengan, _ = penyaji.cetak(html)
    return SimpleNamespace(tanpa=tanpa, dengan=dengan, n=(n_tanpa, n_dengan))


def test_lkip_sama_dengan_dan_tanpa_tembolok(lkip_dua_cara):
    c = lkip_dua_cara
    assert c.n[0] == c.n[1] == len(PdfReader(BytesIO(c.dengan)).pages) > 60
    # Text page by page (the page numbers printed at their feet with it), links and outline.
    assert teks(c.dengan) == teks(c.tanpa)
    assert tautan(c.dengan) == tautan(c.tanpa)
    assert sum(len(t) for t in tautan(c.dengan)) > 20  # the daftar isi links
    assert garis_besar(c.dengan) == garis_besar(c.tanpa)
    assert PdfReader(BytesIO(c.dengan)).metadata.title == PdfReader(BytesIO(c.tanpa)).metadata.title
