"""How a cell of an uploaded workbook is read: numbers and the ways people type them."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from perjanjian.models import Realisasi, RealisasiAnggaran
from sakip.excel import Persen, baris_lembar, buka_buku, format_nilai_sel
from sakip.excel import baca_nilai as baca_kolom

NILAI = Realisasi._meta.get_field("nilai")  # 20 digits, 4 after the comma
UANG = RealisasiAnggaran._meta.get_field("jumlah")  # 18 digits, 2 after the comma


def baca_nilai(sel, *, kolom=NILAI, **kw):
    return baca_kolom(sel, kolom=kolom, **kw)


@pytest.mark.parametrize(
    ("sel", "angka", "huruf"),
    [
        (92.33, Decimal("92.33"), None),
        (90, Decimal("90"), None),
        ("92,33", Decimal("92.33"), None),
        ("1.234,5", Decimal("1234.5"), None),
        ("B (67)", Decimal("67"), "B"),
        ("97,5%", Decimal("97.5"), None),
        ("Rp 3.920.691.860,40", Decimal("3920691860.40"), None),
        (Persen(0.9233), Decimal("92.33"), None),
    ],
)
def test_angka_dibaca(sel, angka, huruf):
    b = baca_nilai(sel)
    assert b.nilai.angka == angka and b.nilai.huruf == huruf


def test_catatan_menjelaskan_yang_dipahami():
    assert baca_nilai("92,33").catatan == "teks '92,33' dibaca sebagai 92,33"
    assert "titik dibaca sebagai pemisah ribuan" in baca_nilai("1.234").catatan
    assert baca_nilai(Persen(0.9233)).catatan.startswith("sel berformat persen (92,33%)")
    assert baca_nilai(92.33).catatan == ""


def test_sisa_pecahan_dibulatkan_dan_dikatakan():
    b = baca_nilai(92.33000000000001)
    assert b.nilai.angka == Decimal("92.3300")
    b = baca_nilai(1000.005, kolom=UANG)
    assert b.nilai.angka == Decimal("1000.01") and "dibulatkan" in b.catatan


@pytest.mark.parametrize("sel", [None, "", "  ", "-", "—"])
def test_sel_kosong(sel):
    assert baca_nilai(sel).nilai is None


@pytest.mark.parametrize(
    ("sel", "pesan"),
    [
        ("sembilan puluh", "berisi teks 'sembilan puluh', bukan angka"),
        (True, "bukan angka"),
        ("B (67)", "bukan angka. Contoh yang dapat dibaca: Rp 1.250.000.000"),
    ],
)
def test_bukan_angka(sel, pesan):
    with pytest.raises(ValueError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_nilai(sel, huruf=False)


def test_format_angka_sel_mengikuti_desimal_tersimpan():
    assert format_nilai_sel(Decimal("92.3300")) == "#,##0.00"
    assert format_nilai_sel(Decimal("90.0000")) == "#,##0"
    assert format_nilai_sel(Decimal("4.6700")) == "#,##0.00"


def test_lembar_mencari_baris_judul_dan_sel_persen():
    wb = Workbook()
    ws = wb.active
    ws.append(["Judul apa saja"])
    ws.append(["Kode kecamatan", "Tahun", "Kode indikator", "Nilai"])
    ws.append(["35.09.02", 2025, "ikm", 0.9233])
    ws["D3"].number_format = "0.00%"
    ws.append([None, None, None, None])
    keluar = io.BytesIO()
    wb.save(keluar)
    header, isi = baris_lembar(
        buka_buku(keluar.getvalue()), ("Kode kecamatan", "Tahun", "Kode indikator")
    )
    assert header[3] == "Nilai"
    assert [n for n, _ in isi] == [3]
    assert isinstance(isi[0][1][3], Persen)


def test_bukan_berkas_excel():
    with pytest.raises(ValueError, match="tidak dapat dibaca sebagai Excel"):
        buka_buku(b"PK\x03\x04 rusak")


@pytest.mark.parametrize(
    ("sel", "kolom", "pesan"),
    [
        ("12.345.678.901.234", NILAI, "paling banyak 11 digit sebelum koma"),
        (1e15, NILAI, "paling banyak 11 digit sebelum koma"),
        ("Rp 12.345.678.901.234.567.890.123.456", UANG, "paling banyak 13 digit sebelum koma"),
        (12345678901234.0, UANG, "paling banyak 13 digit sebelum koma"),
    ],
)
def test_angka_di_luar_kolom_ditolak(sel, kolom, pesan):
    """What the column cannot hold is refused, never rounded into a float (SQLite keeps 15
    significant digits; a numeric(20,4) column 16 before the comma)."""
    with pytest.raises(ValueError, match=pesan):
        baca_nilai(sel, kolom=kolom)


def test_angka_terbesar_yang_muat_dibaca_utuh():
    assert baca_nilai("99.999.999.999,9999").nilai.angka == Decimal("99999999999.9999")
    assert baca_nilai("9.999.999.999.999,99", kolom=UANG).nilai.angka == Decimal("9999999999999.99")


def test_satu_aturan_desimal_teks_bertitik_ditolak_seperti_di_halaman():
    """Issue 13: "92.33" typed as text is refused as on the pages (a dot groups thousands),
    with the comma spelling suggested; a numeric cell is a number anyway."""
    with pytest.raises(ValueError) as e:
        baca_nilai("92.33")
    assert "titik adalah pemisah ribuan" in str(e.value)
    assert "Maksudnya 92,33?" in str(e.value)
    assert "92,33 · 1.234,5 · 97,5% · 4 Dok · B (67)" in str(e.value)
    assert baca_nilai(92.33).nilai.angka == Decimal("92.33")


def test_rupiah_dengan_koma_strip_dibaca():
    b = baca_nilai("Rp. 1.250.000.000,-", kolom=UANG, huruf=False)
    assert b.nilai.angka == Decimal("1250000000")
    with pytest.raises(ValueError) as e:
        baca_nilai("1250000.50", kolom=UANG, huruf=False)
    assert "Rp 1.250.000.000" in str(e.value) and "97,5%" not in str(e.value)
