"""One source for the Nilai SAKIP: the kabupaten dashboard, the evaluasi list, the LHE page and
the LKIP read it from laporan.selectors.nilai_sakip and agree on the number, its decimals and
where it comes from ("dari LHE" / "dimuat dari data").

The story of the issue: the dashboard showed Kencong's "A (80,41)" while the evaluasi list
said "belum dicatat"."""

import re
from decimal import Decimal

from django.urls import reverse

from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import LaporanKinerja
from laporan.selectors import SumberNilaiSakip, nilai_sakip
from tests.test_dasbor_kabupaten import URL as URL_DASBOR
from tests.test_dasbor_kabupaten import teks_baris
from tests.test_evaluasi_akip import data_lhe


def polos(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def sel_evaluasi(html: str, slug: str) -> str:
    sel = re.search(rf'data-nilai-sakip="{slug}">(.*?)</td>', html, re.S)
    return polos(sel.group(1)).strip()


def baca_semua(client, kencong, tahun: int) -> dict[str, str]:
    """What each page says about Kencong's Nilai SAKIP of ``tahun``."""
    dasbor = teks_baris(client.get(URL_DASBOR, {"tahun": tahun}).text, "kencong")
    daftar = client.get(reverse("laporan:evaluasi-daftar"), {"tahun": tahun}).text
    hasil = {"dasbor": dasbor, "daftar": sel_evaluasi(daftar, "kencong")}
    lap = LaporanKinerja.objects.filter(kecamatan=kencong, tahun=tahun).first()
    if lap is not None:
        html = PenyajiLKIP(lap).html()
        hasil["lkip"] = polos(re.search(r'id="nilai-sakip-lkip">(.*?)</p>', html, re.S).group(1))
    return hasil


def test_tahun_tanpa_lhe_semua_halaman_sama(client, bappeda, kencong):
    """2024: no LHE recorded here, the realisasi B (68,41) was loaded. The dashboard and the
    evaluasi list both show it and say it is loaded data."""
    client.force_login(bappeda)
    n = nilai_sakip(kecamatan=kencong, tahun=2024)
    assert (n.nilai.angka, n.nilai.huruf, n.sumber) == (
        Decimal("68.41"),
        "B",
        SumberNilaiSakip.DATA,
    )
    dibaca = baca_semua(client, kencong, 2024)
    assert "B (68,41)" in dibaca["dasbor"] and "Nilai SAKIP dimuat dari data" in dibaca["dasbor"]
    assert dibaca["daftar"] == "B (68,41) dimuat dari data"
    daftar = client.get(reverse("laporan:evaluasi-daftar"), {"tahun": 2024}).text
    baris = next(b for b in daftar.split("<tr>") if "/kecamatan/kencong/evaluasi/2024/" in b)
    assert "belum dicatat" in baris  # no LHE, but the Nilai is there, with its source


def test_lhe_tanpa_skor_nilai_dari_data_di_semua_tempat(client, bappeda, kencong):
    """2025: the real LHE is loaded without its scores; A (80,41) is the loaded realisasi, and
    the dashboard, the evaluasi list and the LKIP say the same, with the same source."""
    client.force_login(bappeda)
    dibaca = baca_semua(client, kencong, 2025)
    assert "A (80,41)" in dibaca["dasbor"] and "Nilai SAKIP dimuat dari data" in dibaca["dasbor"]
    assert dibaca["daftar"] == "A (80,41) dimuat dari data"
    assert dibaca["lkip"].startswith(
        "Nilai SAKIP Kecamatan Kencong Tahun 2025 adalah A (80,41) (predikat A, Memuaskan), "
        "dimuat dari data: LHE SAKIP Triwulan III 2025"
    )


def test_lhe_berskor_menjadi_sumber_di_semua_tempat(client, inspektorat, bappeda, kencong):
    """With the twelve scores recorded the LHE is the Nilai SAKIP everywhere (78,10, written
    "BB (78,1)" like every value, on every page), each saying "dari LHE"."""
    client.force_login(inspektorat)
    response = client.post(reverse("laporan:evaluasi", args=["kencong", 2025]), data_lhe())
    assert response.status_code == 302
    client.force_login(bappeda)
    n = nilai_sakip(kecamatan=kencong, tahun=2025)
    assert n.sumber == SumberNilaiSakip.LHE and n.teks == "BB (78,1)"
    dibaca = baca_semua(client, kencong, 2025)
    assert "BB (78,1)" in dibaca["dasbor"] and "Nilai SAKIP dari LHE" in dibaca["dasbor"]
    assert dibaca["daftar"] == "BB (78,1) dari LHE"
    assert (
        "adalah BB (78,1) (predikat BB, Sangat Baik), dari LHE: LHE SAKIP Kecamatan "
        in (dibaca["lkip"])
    )
    assert "80,41" not in dibaca["daftar"] + dibaca["lkip"]
    lhe = client.get(reverse("laporan:evaluasi", args=["kencong", 2025])).text
    assert '<strong id="nilai-sakip">BB (78,1)</strong>' in lhe
