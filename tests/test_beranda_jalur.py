"""The start-of-year path on a kecamatan's beranda: for a year, every step of the cycle in the
order it needs them (Renstra → Keputusan IKU → PK → anggaran → realisasi per periode → narasi
→ LKIP), each linking to its page, done steps marked, what is missing listed under its step.
"Done" is read from each step's own status (laporan.beranda.Langkah). Asserted on the page."""

import re

import pytest
from django.urls import reverse

from perjanjian.models import PelaporanRealisasi

pytestmark = pytest.mark.django_db

URUTAN = [
    "Renstra yang berlaku",
    "Keputusan IKU",
    "Perjanjian Kinerja {t}",
    "Program dan anggaran {t}",
    "Realisasi Triwulan I {t}",
    "Realisasi Triwulan II {t}",
    "Realisasi Triwulan III {t}",
    "Realisasi Triwulan IV {t}",
    "Realisasi Tahunan {t}",
    "Narasi sasaran {t}",
    "LKIP {t}",
]


def teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def jalur(client, user, slug: str, tahun: int) -> list[tuple[str, str, str]]:
    """The steps as shown: (title, link of the title, the rest of the line as text)."""
    client.force_login(user)
    html = client.get(reverse("laporan:beranda", args=[slug]), {"tahun": tahun}).text
    blok = html.split('<ol class="jalur-tahun"', 1)[1].split("</ol>", 1)[0]
    hasil = []
    for li in re.split(r'<li class="[^"]*" data-testid="langkah-\d+">', blok)[1:]:
        tautan, judul = re.search(r'<a href="([^"]+)">([^<]+)</a>', li).groups()
        hasil.append((judul, tautan, teks(li)))
    return hasil


def test_kencong_2025_urut_siklus_dengan_tautan_dan_tanda_selesai(
    client, operator_kencong, kencong
):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tw1", status="diverifikasi"
    )
    langkah = jalur(client, operator_kencong, "kencong", 2025)
    assert [j for j, _, _ in langkah] == [u.format(t=2025) for u in URUTAN]
    per_judul = {j: (tautan, isi) for j, tautan, isi in langkah}

    tautan, isi = per_judul["Renstra yang berlaku"]
    assert tautan == reverse("iku:renstra-daftar", args=["kencong"]) and "✓" in isi
    assert "✓" in per_judul["Keputusan IKU"][1]
    tautan, isi = per_judul["Perjanjian Kinerja 2025"]
    assert tautan == reverse("perjanjian:perjanjian-daftar", args=["kencong", 2025])
    assert "selesai" in isi
    tautan, isi = per_judul["Program dan anggaran 2025"]
    assert tautan == reverse("perjanjian:anggaran", args=["kencong", 2025]) and "✓" in isi
    # A verified period is done; the others say what they lack, under their own step.
    assert "✓" in per_judul["Realisasi Triwulan I 2025"][1]
    tautan, isi = per_judul["Realisasi Triwulan IV 2025"]
    assert tautan == reverse("perjanjian:realisasi", args=["kencong", 2025, "tw4"])
    assert "○" in isi and "Realisasi Triwulan IV: 0 dari 7 indikator terisi." in isi
    tautan, isi = per_judul["LKIP 2025"]
    assert tautan == reverse("laporan:lkip", args=["kencong", 2025])
    assert "LKIP 2025 belum ditetapkan camat." in isi and "○" in isi


def test_kecamatan_kosong_mulai_dari_renstra(client, bappeda):
    langkah = jalur(client, bappeda, "sumberjambe", 2025)
    assert [j for j, _, _ in langkah] == [u.format(t=2025) for u in URUTAN]
    isi = {j: x for j, _, x in langkah}
    assert "Belum ada Renstra yang berlaku pada tahun 2025." in isi["Renstra yang berlaku"]
    assert "menunggu Renstra" in isi["Keputusan IKU"]
    assert "Perjanjian Kinerja 2025 belum dibuat." in isi["Perjanjian Kinerja 2025"]
    assert "sub kegiatan 2025 dengan pagunya belum diisi" in isi["Program dan anggaran 2025"]
    assert "menunggu sasaran bertarget" in isi["Narasi sasaran 2025"]
    assert "LKIP 2025 belum dimulai." in isi["LKIP 2025"]
    assert not any("✓" in x for x in isi.values())
    assert "Salin program" not in isi["Program dan anggaran 2025"]  # no budget 2024 to copy


def test_anggaran_kosong_menautkan_salinan_tahun_lalu(client, operator_kencong):
    """Kencong 2026 has no budget yet and 2025 has one: the budget step offers the copy
    page, whose preview lists last year's tree before anything is saved."""
    client.force_login(operator_kencong)
    html = client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": 2026}).text
    blok = html.split('<ol class="jalur-tahun"', 1)[1].split("</ol>", 1)[0]
    langkah = next(li for li in blok.split("<li ") if "Program dan anggaran 2026</a>" in li)
    url_salin = reverse("perjanjian:anggaran-salin", args=["kencong", 2026])
    assert (
        f'<a href="{url_salin}">Salin program, kegiatan dan sub kegiatan 2025 ke 2026 '
        "(ditinjau dulu sebelum disimpan).</a>"
    ) in langkah
    pratinjau = teks(client.get(url_salin).text)
    assert "Penyelenggaraan Pemerintahan dan Pelayanan Publik" in pratinjau
