"""The predikat of a Nilai SAKIP is read on the scale the kabupaten chose for the year
(kecamatan.selectors.skala_tahun), not on PermenPANRB 88/2021's default: the LHE page, the
kabupaten's evaluation list and the realisasi the LHE writes all show the chosen scale's
predikat. The scale is chosen as tests/test_skala.py chooses one: rows, not code."""

from decimal import Decimal

from django.urls import reverse
from test_evaluasi_akip import data_lhe, realisasi_nilai_sakip, url
from test_skala import buat_pita

from kecamatan.models import JenisSkala, PemakaianSkala, SkalaPenilaian
from laporan.selectors import nilai_sakip
from sakip import kinerja


def pilih_skala_predikat(jember, tahun: int) -> None:
    """A three-band predikat scale of the kabupaten's own (> 75 U Unggul, > 50 M Memadai,
    else P Perlu Pembinaan), in force in ``tahun`` only."""
    skala = SkalaPenilaian.objects.create(
        kode="predikat-uji-tiga-pita", nama="Predikat uji", jenis=JenisSkala.PREDIKAT_SAKIP
    )
    buat_pita(
        skala,
        (1, "U", "Unggul", Decimal(75), False),
        (2, "M", "Memadai", Decimal(50), False),
        (3, "P", "Perlu Pembinaan", None, False),
    )
    PemakaianSkala.objects.filter(
        kabupaten=jember, tahun=tahun, jenis=JenisSkala.PREDIKAT_SAKIP
    ).update(skala=skala)


def test_nilai_dari_data_berpredikat_skala_tahunnya(client, jember, kencong, bappeda):
    """Kencong's loaded Nilai SAKIP 2025, 80,41, is "A Memuaskan" on the default scale and
    "U Unggul" once the kabupaten chose its own scale for 2025; 2024 keeps the default."""
    assert nilai_sakip(kecamatan=kencong, tahun=2025).predikat.kode == "A"
    pilih_skala_predikat(jember, 2025)

    assert nilai_sakip(kecamatan=kencong, tahun=2025).predikat.label == "Unggul"
    client.force_login(bappeda)
    daftar = client.get(reverse("laporan:evaluasi-daftar") + "?tahun=2025").text
    assert "U · Unggul" in daftar and "A · Memuaskan" not in daftar
    assert nilai_sakip(kecamatan=kencong, tahun=2024).predikat.kode != "U"


def test_lhe_menghitung_predikat_pada_skala_tahunnya(client, jember, kencong, inspektorat):
    """The Inspektorat's scores sum to 78,10: "BB Sangat Baik" on the default scale, "U
    Unggul" on the kabupaten's 2025 scale; the realisasi it writes carries that letter."""
    pilih_skala_predikat(jember, 2025)
    client.force_login(inspektorat)
    assert client.post(url(), data_lhe()).status_code == 302

    teks = client.get(url()).text
    assert 'id="nilai-sakip">U (78,1)<' in teks
    assert "U (Unggul)" in teks and "Sangat Baik" not in teks
    r = realisasi_nilai_sakip(kencong)
    assert (r.nilai, r.huruf) == (Decimal("78.10"), "U")
    daftar = client.get(reverse("laporan:evaluasi-daftar") + "?tahun=2025").text
    assert "U (78,1)" in daftar and "U · Unggul" in daftar


def test_fungsi_murni_menerima_skala():
    skala = kinerja.Skala(
        kode="uji",
        nama="Uji",
        pita=(
            kinerja.Pita("U", "Unggul", "#aabbcc", Decimal(75), inklusif=False),
            kinerja.Pita("P", "Perlu Pembinaan", "#aabbcc", None),
        ),
    )
    skor = {
        k: {
            s: kinerja.bobot_sub_komponen_akip(k, s) * Decimal("0.8")
            for s in kinerja.SUB_KOMPONEN_AKIP
        }
        for k in kinerja.KOMPONEN_AKIP
    }
    assert kinerja.nilai_akip_dari_skor(skor).predikat.kode == "BB"  # 80 is not > 80
    assert kinerja.nilai_akip_dari_skor(skor, skala=skala).predikat.kode == "U"
    assert kinerja.predikat_sakip(Decimal(75), skala).kode == "P"  # lower bound exclusive
