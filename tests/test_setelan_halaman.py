"""The setting of the pages (issue 11), guarded cheaply: the page checker of bench/halaman.py
(which measures the LKIP, every IKU decree and both PK) run on Kencong's PK 2025, and on a
small page made badly on purpose, so the checker is known to see what it looks for."""

import importlib.util
from pathlib import Path

import pytest
from weasyprint import HTML

from laporan.dokumen.daftar import penyaji_untuk
from perjanjian.models import PerjanjianKinerja

_spesifikasi = importlib.util.spec_from_file_location(
    "bench_halaman", Path(__file__).resolve().parent.parent / "bench" / "halaman.py"
)
halaman = importlib.util.module_from_spec(_spesifikasi)
_spesifikasi.loader.exec_module(halaman)


@pytest.fixture
def laporan_pk(jember):
    pk = PerjanjianKinerja.objects.get(kecamatan__slug="kencong", tahun=2025, jenis="awal")
    return halaman.periksa_halaman(halaman.render(penyaji_untuk("perjanjian", pk)), "PK")


def test_pk_kencong_tanpa_judul_terdampar_baris_terbelah_atau_halaman_kosong(laporan_pk):
    assert laporan_pk.halaman == 2
    assert laporan_pk.temuan == []
    # Tolerance: the PK's pages are full but for the end of its text and of its lampiran.
    assert all(kosong <= 0.6 for kosong in laporan_pk.isi), laporan_pk.isi


def test_pemeriksa_melihat_judul_di_kaki_dan_baris_terbelah():
    isi = (
        "<style>@page { size: A6; margin: 1cm } h2 { break-after: auto }"
        " tr { break-inside: auto } td { orphans: 1; widows: 1 }</style>"
        + "<p>Alinea pengisi halaman.</p>" * 17
        + "<h2>Judul yang terdampar</h2><p>Isi sesudah judul.</p>"
        + "<p>Penyebabnya adalah sebagai berikut:</p><p>Isi.</p>" * 8
        + "<table>"
        + "<tr><td>satu<br>dua<br>tiga<br>empat<br>lima</td></tr>" * 12
        + "</table>"
    )
    laporan = halaman.periksa_halaman(HTML(string=isi).render(), "contoh")
    jenis = {t.jenis for t in laporan.temuan}
    assert {"judul", "baris"} <= jenis, laporan.temuan
