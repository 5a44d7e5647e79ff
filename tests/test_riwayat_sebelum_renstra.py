"""History before the Renstra: Kencong's operator enters the IKM realisasi of 2019, a year
before its Renstra 2021-2026, on the realisasi page of 2019. The LKIP of 2022 then carries it
in all three places its trend is told: the text of analysis point c, the realisasi columns of
Tabel 3.2 and the trend chart, because all three read one series
(``perjanjian.selectors.CapaianKecamatan.tren``). Asserted on the page and on the LKIP's HTML
(the one the PDF is printed from; no PDF is rendered)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Indikator
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import LaporanKinerja
from perjanjian.models import PerjanjianKinerja, Realisasi, TargetPerjanjian
from perjanjian.selectors import capaian_kecamatan

URL_2019 = ("kencong", 2019, "tahunan")


def teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def ikm_2021(kencong) -> Indikator:
    return Indikator.objects.select_related("ukuran").get(
        sasaran__tujuan__renstra__kecamatan=kencong,
        sasaran__tujuan__renstra__tahun_awal=2021,
        ukuran__kode="ikm",
    )


@pytest.fixture
def lkip_2022(kencong, ikm_2021) -> LaporanKinerja:
    """A PK 2022 on the Renstra 2021-2026 with the IKM's target (its realisasi 2022, 91, is in
    the Jember data), and the LKIP of 2022 it is reported in."""
    perjanjian = PerjanjianKinerja.objects.create(
        kecamatan=kencong,
        tahun=2022,
        renstra=ikm_2021.sasaran.tujuan.renstra,
        pihak_pertama_nama="Camat Kencong",
        pihak_pertama_jabatan="Camat Kencong",
        pihak_kedua_nama="Bupati Jember",
        pihak_kedua_jabatan="Bupati Jember",
    )
    TargetPerjanjian.objects.create(perjanjian=perjanjian, indikator=ikm_2021, nilai=Decimal(90))
    return LaporanKinerja.objects.create(kecamatan=kencong, tahun=2022)


def isi_2019(client, ikm: Indikator, nilai: str):
    url = reverse("perjanjian:realisasi", args=URL_2019)
    halaman = client.get(url)
    sidik = re.search(r'name="sidik" value="([^"]*)"', halaman.text).group(1)
    return client.post(
        url,
        {"sidik": sidik, "lain-ukuran": str(ikm.ukuran_id), "lain-nilai": nilai},
        follow=True,
    )


def lkip(laporan: LaporanKinerja) -> dict[str, str]:
    html = PenyajiLKIP(
        LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(pk=laporan.pk)
    ).html()
    tabel = html[html.index("Tabel 3.2") :]
    tabel = tabel[: tabel.index("</table>")]
    grafik = re.search(r"<figure class=\"lkip-grafik\">(.*?)</figure>", html, re.S).group(1)
    analisis = teks(html[html.index("Analisis Ketercapaian Sasaran") :])
    return {"tabel": teks(tabel), "grafik": grafik, "analisis": analisis}


def test_halaman_tahun_sebelum_renstra_menawarkan_indikatornya(client, operator_kencong, ikm_2021):
    client.force_login(operator_kencong)
    html = client.get(reverse("perjanjian:realisasi", args=URL_2019)).text
    assert "Tahun 2019 sebelum periode Renstra kecamatan" in teks(html)
    assert "Riwayat realisasi 2019" in html
    assert f'<option value="{ikm_2021.ukuran_id}">{ikm_2021.ukuran.nama}</option>' in html


def test_realisasi_2019_masuk_teks_tabel_dan_grafik_tren(
    client, operator_kencong, kencong, ikm_2021, lkip_2022
):
    sebelum = lkip(lkip_2022)
    assert "Realisasi 2019" not in sebelum["tabel"]
    assert "2019" not in sebelum["grafik"]
    assert "Realisasi 2021: 90 (kondisi awal); 2022: 91" in sebelum["analisis"]

    client.force_login(operator_kencong)
    jawab = isi_2019(client, ikm_2021, "80,5")
    assert jawab.status_code == 200
    r = Realisasi.objects.get(kecamatan=kencong, ukuran=ikm_2021.ukuran, tahun=2019)
    assert r.nilai == Decimal("80.5") and r.periode == "tahunan"

    sesudah = lkip(lkip_2022)
    # Point c: the history, the kondisi awal of the Renstra's baseline year, this year.
    assert "Realisasi 2019: 80,5; 2021: 90 (kondisi awal); 2022: 91" in sesudah["analisis"]
    # Tabel 3.2: a realisasi column for 2019, holding the value.
    assert "Realisasi 2019" in sesudah["tabel"]
    assert "80,5" in sesudah["tabel"]
    # The chart's axis now starts at 2019: the series it draws carries the year.
    assert "2019" in sesudah["grafik"]


def test_satu_deret_untuk_teks_tabel_dan_grafik(kencong, ikm_2021, lkip_2022):
    """The series itself: what the three read is CapaianKecamatan.tren."""
    Realisasi.objects.create(
        kecamatan=kencong, ukuran=ikm_2021.ukuran, tahun=2019, nilai=Decimal("80.5")
    )
    capaian = capaian_kecamatan(kecamatan=kencong, tahun=2022, lengkap=True)
    (baris,) = capaian.baris
    titik = [(t.tahun, t.nilai.angka, t.kondisi_awal) for t in capaian.tren(baris)]
    assert titik == [
        (2019, Decimal("80.5"), False),
        (2021, Decimal("90"), True),
        (2022, Decimal("91"), False),
    ]
