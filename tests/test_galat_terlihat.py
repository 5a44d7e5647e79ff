"""Errors in sight: a refused save of a wide form lists its errors at the top, each linked to
its field, and the page moves to them; the error under a score of the LHE does not cover the
input."""

import pytest
from django.urls import reverse

from tests.test_evaluasi_akip import data_lhe
from tests.test_halaman_anggaran import sel, simpan


@pytest.fixture
def operator(client, operator_kencong):
    client.force_login(operator_kencong)
    return operator_kencong


def test_anggaran_ditolak_ringkasan_galat_dengan_tautan_ke_sel(client, operator):
    response = simpan(client, **{"2_1_1__tw2": "satu juta", "3_1_2__tahunan": "-5"})
    teks = response.text
    assert 'class="ringkasan-galat' in teks
    assert "Isian berikut perlu diperbaiki" in teks
    ringkasan = teks.split('class="ringkasan-galat', 1)[1].split("</div>", 1)[0]
    tw2 = response.context["form"][sel("2.1.1", "tw2")]
    tahunan = response.context["form"][sel("3.1.2", "tahunan")]
    assert f'href="#{tw2.auto_id}"' in ringkasan
    assert f"{tw2.label}</a>: Format rupiah tidak dikenali" in ringkasan
    assert f'href="#{tahunan.auto_id}"' in ringkasan
    assert "Jumlah rupiah tidak boleh negatif." in ringkasan
    # The summary sits above the table, whose later columns may be off-screen.
    assert teks.index("ringkasan-galat") < teks.index('tabel-anggaran"')


def test_anggaran_tanpa_galat_tanpa_ringkasan(client, operator):
    teks = client.get(reverse("perjanjian:anggaran", args=["kencong", 2025]), {"ubah": "1"}).text
    assert "ringkasan-galat" not in teks


def test_lhe_ditolak_ringkasan_galat(client, inspektorat, kencong):
    client.force_login(inspektorat)
    data = data_lhe(skor_perencanaan_keberadaan="7")
    teks = client.post(reverse("laporan:evaluasi", args=["kencong", 2025]), data).text
    ringkasan = teks.split('class="ringkasan-galat', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_skor_perencanaan_keberadaan"' in ringkasan
    assert "Skor harus antara 0 dan 6 (bobotnya)." in ringkasan


def test_skrip_ke_galat_dimuat_di_setiap_halaman(client, operator):
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    assert "js/ke-galat.js" in teks
