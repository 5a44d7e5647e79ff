"""Issue 13: one decimal rule everywhere (comma for decimals, dot for thousands), pages and Excel
alike, with the same examples in every help text; a rupiah field speaks of rupiah."""

import re
from decimal import Decimal

from django.urls import reverse

from sakip.kinerja import CONTOH_NILAI, CONTOH_RUPIAH, parse_nilai, parse_rupiah
from tests.test_halaman_anggaran import simpan, sub


def teks(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_contoh_bantuan_sama_dan_bisa_dibaca():
    for contoh in CONTOH_NILAI.split(" · "):
        parse_nilai(contoh)
    for contoh in CONTOH_RUPIAH.split(" · "):
        parse_rupiah(contoh)
    assert parse_rupiah("Rp. 1.250.000.000,-") == Decimal("1250000000")
    assert "92.33" not in CONTOH_NILAI


def test_halaman_realisasi_dan_anggaran_memberi_contoh_yang_sama(client, operator_kencong):
    client.force_login(operator_kencong)
    realisasi = teks(client.get(reverse("perjanjian:realisasi", args=["kencong", 2026, "tw1"])))
    url_anggaran = reverse("perjanjian:anggaran", args=["kencong", 2025])
    anggaran = teks(client.get(url_anggaran, {"ubah": "1"}))
    assert "koma untuk desimal, titik pemisah ribuan" in realisasi
    assert CONTOH_NILAI in realisasi
    assert CONTOH_RUPIAH in anggaran
    assert "B (67)" not in anggaran


def test_rupiah_ejaan_dokumen_diterima_di_halaman_anggaran(client, operator_kencong):
    client.force_login(operator_kencong)
    response = simpan(client, **{"1_1_1__pagu_pergeseran": "Rp. 1.250.000.000,-"})
    assert "tidak ada yang disimpan" not in response.text
    assert sub("1.1.1").pagu_pergeseran == Decimal("1250000000")
