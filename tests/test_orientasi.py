"""Orientation: the menu marks the current page, a skip link comes first, the header names the
person once, the admin kabupaten finds the pages it manages."""

import base64
import io
import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from sakip.templatetags.orientasi import cocok


def tautan_kini(teks: str) -> list[str]:
    """The marked items of the header's menus (a page may mark its own tabs too)."""
    kepala = teks.split("<header", 1)[1].split("</header>", 1)[0]
    tautan = re.findall(r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', kepala)
    return [re.sub(r"<[^>]+>", "", t) for t in tautan]


@pytest.mark.parametrize(
    ("url", "kini"),
    [
        (reverse("laporan:beranda", args=["kencong"]), ["Beranda"]),
        (reverse("iku:renstra-daftar", args=["kencong"]), ["Renstra"]),
        (reverse("perjanjian:anggaran", args=["kencong", 2025]), ["Program &amp; Anggaran"]),
        (reverse("perjanjian:realisasi", args=["kencong", 2025, "tw2"]), ["Realisasi"]),
        (reverse("laporan:lkip", args=["kencong", 2025]), ["LKIP"]),
        (reverse("laporan:evaluasi", args=["kencong", 2025]), ["LHE"]),
        (reverse("password_change"), ["Kata sandi"]),
    ],
)
def test_menu_menandai_halaman_kini(client, operator_kencong, url, kini):
    client.force_login(operator_kencong)
    assert tautan_kini(client.get(url).text) == kini


def test_menu_kabupaten_menandai_halaman_kini(client, bappeda):
    client.force_login(bappeda)
    assert tautan_kini(client.get(reverse("perjanjian:verifikasi")).text) == ["Verifikasi"]
    teks = client.get(reverse("laporan:evaluasi-daftar")).text
    assert tautan_kini(teks) == ["Evaluasi AKIP"]


def test_pola_sama_persis_dengan_tanda_sama_dengan():
    assert cocok("laporan:evaluasi", "laporan:evaluasi=")
    assert not cocok("laporan:evaluasi-daftar", "laporan:evaluasi=")
    assert cocok("iku:renstra-detail", "iku:renstra")
    assert not cocok("iku:renstrax", "iku:renstra")


def test_tautan_lompat_ke_isi_pertama(client, operator_kencong):
    client.force_login(operator_kencong)
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    badan = teks.split("<body", 1)[1]
    pertama = re.search(r"<(a|button|input|select|textarea)\b[^>]*>([^<]*)", badan)
    assert pertama.group(2) == "Langsung ke isi"
    assert 'href="#isi"' in pertama.group(0)
    assert '<main class="container" id="isi"' in teks


def test_kepala_menyebut_peran_sekali(client, operator_kencong):
    operator_kencong.first_name, operator_kencong.last_name = "Operator", "Kencong"
    operator_kencong.save()
    client.force_login(operator_kencong)
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    assert '<span class="pengguna">Operator Kecamatan Kencong</span>' in teks
    assert "Operator Kencong · " not in teks


def test_kepala_nama_lalu_peran_dan_kecamatan(client, camat_kencong):
    camat_kencong.first_name, camat_kencong.last_name = "Siti", "Aminah"
    camat_kencong.save()
    client.force_login(camat_kencong)
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    assert '<span class="pengguna">Siti Aminah · Camat Kecamatan Kencong</span>' in teks


def test_kepala_pengguna_kabupaten(client, bappeda):
    bappeda.first_name = "Budi"
    bappeda.save()
    client.force_login(bappeda)
    teks = client.get(reverse("laporan:dasbor")).text
    assert '<span class="pengguna">Budi · Bappeda</span>' in teks


def test_admin_kabupaten_menemukan_halaman_yang_dikelolanya(client, admin_kabupaten):
    client.force_login(admin_kabupaten)
    teks = client.get(reverse("laporan:dasbor")).text
    assert f'<a href="{reverse("kecamatan:daftar")}"' in teks
    # The accounts are managed on the application's own page (kecamatan.views_akun).
    akun = reverse("kecamatan:pengguna-daftar")
    assert re.search(f'<a href="{akun}">(<svg .*?</svg>)?Akun pengguna</a>', teks)
    assert re.search(f'<a href="{reverse("admin:index")}">(<svg .*?</svg>)?Data acuan</a>', teks)


def test_bappeda_tidak_ditawari_halaman_admin(client, bappeda):
    client.force_login(bappeda)
    teks = client.get(reverse("laporan:dasbor")).text
    assert "Akun pengguna" not in teks
    assert "Data acuan" not in teks


def test_ikon_dari_sprite_tervendor_di_samping_teks_menu(client, operator_kencong):
    client.force_login(operator_kencong)
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    menu = teks.split('aria-label="Menu kecamatan"', 1)[1].split("</nav>", 1)[0]
    butir = re.findall(r"<a [^>]*>(.*?)</a>", menu)
    assert len(butir) == 9
    for b in butir:
        ikon, teks_butir = re.fullmatch(
            r'(<svg class="ikon" aria-hidden="true".*?</svg>)(.+)', b
        ).groups()
        assert "/static/vendor/lucide/ikon.svg#" in ikon
        assert teks_butir.strip()


def test_setiap_ikon_ada_di_sprite():
    sprite = (settings.BASE_DIR / "static/vendor/lucide/ikon.svg").read_text()
    base = (settings.BASE_DIR / "templates/base.html").read_text()
    dipakai = set(re.findall(r'{% ikon "([a-z0-9-]+)" %}', base))
    assert dipakai
    for nama in dipakai:
        assert f'<symbol id="{nama}"' in sprite, nama
    assert (settings.BASE_DIR / "static/vendor/lucide/LICENSE").exists()


def test_kepala_menampilkan_nama_dan_logo_kabupaten(client, operator_kencong, media):
    kabupaten = operator_kencong.kabupaten
    client.force_login(operator_kencong)
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    kepala = teks.split("<header", 1)[1].split("</header>", 1)[0]
    assert '<small class="nama-kabupaten">Kabupaten Jember</small>' in kepala
    assert "logo-kabupaten" not in kepala  # no logo uploaded: none shown

    gambar = io.BytesIO()
    Image.new("RGB", (400, 400), "#0a6e3c").save(gambar, format="PNG")
    kabupaten.logo.save("jember.png", ContentFile(gambar.getvalue()))
    teks = client.get(reverse("laporan:beranda", args=["kencong"])).text
    kepala = teks.split("<header", 1)[1].split("</header>", 1)[0]
    src = re.search(
        r'<img src="(data:image/png;base64,[^"]+)" alt="" class="logo-kabupaten">', kepala
    )
    assert src
    kecil = Image.open(io.BytesIO(base64.b64decode(src.group(1).split(",", 1)[1])))
    assert kecil.size == (64, 64)


def test_logo_rusak_tidak_merusak_halaman(client, operator_kencong, media):
    operator_kencong.kabupaten.logo.save("rusak.png", ContentFile(b"bukan gambar"))
    client.force_login(operator_kencong)
    response = client.get(reverse("laporan:beranda", args=["kencong"]))
    assert response.status_code == 200
    assert "logo-kabupaten" not in response.text


def test_kepala_admin_dengan_nama_peran_dan_kabupaten(client, admin_kabupaten):
    admin_kabupaten.first_name, admin_kabupaten.last_name = "Admin", "Kabupaten Jember"
    admin_kabupaten.save()
    client.force_login(admin_kabupaten)
    teks = client.get(reverse("laporan:dasbor")).text
    assert '<span class="pengguna">Admin Kabupaten</span>' in teks
