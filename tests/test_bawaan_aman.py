"""Safe by default (issue 12): DEBUG off unless asked for, stored files never under a public
URL, the renderer's file lookup confined to the media and static roots, exports without live
formulas, chart text never parsed as math, a refusal logged as one line."""

import logging
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve, reverse
from openpyxl import load_workbook

from iku.models import Indikator, Ukuran
from laporan.dokumen.dasar import ambil_berkas_lokal
from laporan.grafik import Batang, SeriTren, grafik_capaian, grafik_tren
from sakip.excel import Lembar
from tests.bantu_excel import baris, kolom, unduh

AKAR = Path(settings.BASE_DIR)


def jalankan(kode: str, **env) -> str:
    """``kode`` in a fresh Python with the project's settings and the environment given (no
    DEBUG unless given): what settings.py decides at import time."""
    lingkungan = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "MEDIA_ROOT")}
    lingkungan.update(DJANGO_SETTINGS_MODULE="sakip.settings", **env)
    hasil = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + kode],
        cwd=AKAR,
        env=lingkungan,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


# --- 1. DEBUG and media ---------------------------------------------------------------------


def test_debug_mati_kecuali_lingkungan_menyalakannya():
    assert jalankan("from django.conf import settings; print(settings.DEBUG)") == "False"
    assert jalankan("from django.conf import settings; print(settings.DEBUG)", DEBUG="1") == "True"


def test_tanpa_secret_key_tidak_memakai_kunci_umum():
    kunci = jalankan("from django.conf import settings; print(settings.SECRET_KEY)", SECRET_KEY="")
    assert len(kunci) >= 50 and "insecure" not in kunci
    # Every process of the checkout signs with the same key (server, worker, tests).
    assert kunci == jalankan(
        "from django.conf import settings; print(settings.SECRET_KEY)", SECRET_KEY=""
    )


def test_makefile_menyalakan_debug_hanya_untuk_demo():
    """`make run` serves the demo with DEBUG on and `make demo` creates its accounts with it;
    the test targets leave it off."""
    baris = (AKAR / "Makefile").read_text().splitlines()
    dengan_debug = [b for b in baris if "DEBUG=$${DEBUG:-1}" in b]
    assert any("manage.py layani" in b for b in dengan_debug)
    assert any("manage.py buat_pengguna_demo" in b for b in dengan_debug)
    assert not any("pytest" in b for b in dengan_debug)


@pytest.mark.parametrize("debug", ["0", "1"])
def test_media_tidak_pernah_punya_url_umum(tmp_path, debug):
    """An anonymous GET of a stored PDF's path answers 404 in every mode, even with the file
    right there under MEDIA_ROOT."""
    (tmp_path / "dokumen" / "2026").mkdir(parents=True)
    (tmp_path / "dokumen" / "2026" / "PK-kencong-2025.pdf").write_bytes(b"%PDF-1.7 rahasia")
    kode = (
        "from django.test import Client\n"
        "r = Client().get('/media/dokumen/2026/PK-kencong-2025.pdf')\n"
        "print(r.status_code, b'rahasia' in b''.join(getattr(r, 'streaming_content', [r.content])))"
    )
    assert jalankan(kode, DEBUG=debug, MEDIA_ROOT=str(tmp_path)) == "404 False"


def test_tidak_ada_rute_media():
    with pytest.raises(Resolver404):
        resolve("/" + settings.MEDIA_URL + "dokumen/2026/PK-kencong-2025.pdf")


@pytest.mark.django_db
def test_unduhan_lewat_view_yang_memeriksa_akses(client, media, dokumen_kencong, operator_patrang):
    from django.core.files.base import ContentFile

    dokumen_kencong.berkas.save("lkip-kencong-uji.pdf", ContentFile(b"%PDF-1.7 isi"), save=True)
    url = reverse("laporan:dokumen-unduh", args=["kencong", dokumen_kencong.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert "/masuk/" in client.get(url)["Location"]
    client.force_login(operator_patrang)
    assert client.get(url).status_code == 404  # another kecamatan


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cara", "kepala", "nilai"),
    [("x-sendfile", "X-Sendfile", "{path}"), ("x-accel-redirect", "X-Accel-Redirect", "{url}")],
)
def test_pengiriman_oleh_server_web_bila_diatur(
    client, settings, media, dokumen_kencong, operator_kencong, cara, kepala, nilai
):
    from django.core.files.base import ContentFile

    dokumen_kencong.berkas.save("lkip-kencong-uji.pdf", ContentFile(b"%PDF-1.7 isi"), save=True)
    settings.BERKAS_KIRIM = cara
    client.force_login(operator_kencong)
    r = client.get(reverse("laporan:dokumen-unduh", args=["kencong", dokumen_kencong.pk]))
    assert r.status_code == 200 and r.content == b""
    assert r[kepala] == nilai.format(
        path=dokumen_kencong.berkas.path, url="/berkas-internal/" + dokumen_kencong.berkas.name
    )
    assert r["Content-Disposition"] == 'attachment; filename="lkip-kencong-uji.pdf"'
    assert r["Content-Type"] == "application/pdf"


# --- 2. The renderer's local files ------------------------------------------------------------


def test_berkas_lokal_terkurung_di_media_dan_static(media, tmp_path_factory):
    luar = tmp_path_factory.mktemp("luar") / "rahasia.txt"
    luar.write_text("rahasia")
    (media / "logo").mkdir()
    (media / "logo" / "jember.png").write_bytes(b"\x89PNG logo")
    (media / "tautan.txt").symlink_to(luar)
    assert ambil_berkas_lokal("http://sakip.lokal/media/logo/jember.png").read() == (
        b"\x89PNG logo"
    )
    assert ambil_berkas_lokal("/static/css/dokumen.css").read()
    naik = os.path.relpath(luar, media)
    for url in (
        f"http://sakip.lokal/media/{naik}",
        f"http://sakip.lokal/media/logo/../{naik}",
        "http://sakip.lokal/media/%2e%2e/%2e%2e/etc/passwd",
        "http://sakip.lokal/media//etc/passwd",
        "http://sakip.lokal/media/tautan.txt",
        "http://sakip.lokal/static/../sakip/settings.py",
        "http://sakip.lokal/static/%2e%2e/%2e%2e/sakip/settings.py",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError, match="tidak ditemukan"):
            ambil_berkas_lokal(url)


# --- 3. Exports --------------------------------------------------------------------------------


def test_lembar_menulis_teks_mirip_rumus_sebagai_teks():
    lembar = Lembar("Uji")
    lembar.judul('=HYPERLINK("http://contoh","klik")')
    lembar.header(("=1+1", "b", "c", "d", "e", "f"), (10,) * 6)
    lembar.tulis(["+62 812", "-2+3", "@SUM(A1)", "biasa", 12, -5])
    ws = load_workbook(BytesIO(lembar.simpan())).active
    for ref, teks in (
        ("A1", '=HYPERLINK("http://contoh","klik")'),
        ("A2", "=1+1"),
        ("A3", "+62 812"),
        ("B3", "-2+3"),
        ("C3", "@SUM(A1)"),
    ):
        assert ws[ref].value == teks and ws[ref].data_type == "s", ref
        assert ws[ref].quotePrefix, ref
    assert ws["D3"].value == "biasa" and not ws["D3"].quotePrefix
    assert ws["E3"].value == 12 and ws["E3"].data_type == "n"
    assert ws["F3"].value == -5 and ws["F3"].data_type == "n"  # numbers stay numbers


@pytest.mark.django_db
def test_unduhan_realisasi_tanpa_rumus_hidup(client, operator_kencong, kencong):
    Indikator.objects.filter(ukuran__kode="ikm").update(nama='=HYPERLINK("http://x","y")')
    Ukuran.objects.filter(kode="ikm").update(nama="=1+1")
    client.force_login(operator_kencong)
    ws = unduh(client, reverse("perjanjian:realisasi-excel", args=["kencong", 2025]))
    kode = kolom(ws, "Kode indikator")
    ikm = baris(ws, kode, "ikm")
    sel = [c for c in ws[ikm] if isinstance(c.value, str) and c.value.startswith("=")]
    assert sel and all(c.data_type == "s" for c in sel)
    assert ws.cell(row=ikm, column=kolom(ws, "Tahunan")).value == 92.33


# --- 4. Chart text -----------------------------------------------------------------------------


def test_teks_grafik_tidak_dibaca_sebagai_rumus_matematika():
    from decimal import Decimal as D

    seri = SeriTren(
        judul="Biaya $\\frac{a$ per $x^2$ warga",
        satuan="Rp$",
        tahun=(2024, 2025),
        target=(D(1), D(2)),
        realisasi=(D(1), D(2)),
        tahun_awal=2024,
        awal=D(1),
    )
    svg = grafik_tren([seri], kunci="uji-dolar", judul="Tren $x$")
    assert "$\\frac{a$ per $x^2$" in svg
    svg = grafik_capaian([Batang("Sasaran $1$ {", D("90"), "#fff")], kunci="uji-dolar", judul="x")
    assert "Sasaran $1$ {" in svg


@pytest.mark.django_db
def test_halaman_lkip_dengan_nama_berdolar(client, operator_kencong, kencong):
    Indikator.objects.filter(ukuran__kode="ikm").update(nama="Indeks $\\frac{a$ kepuasan")
    Ukuran.objects.filter(kode="ikm").update(nama="Indeks $\\frac{a$ kepuasan")
    client.force_login(operator_kencong)
    r = client.get(reverse("laporan:lkip", args=["kencong", 2025]))
    assert r.status_code == 200
    assert "Indeks $\\frac{a$ kepuasan" in r.text


# --- 6. A refusal is one log line ---------------------------------------------------------------


@pytest.mark.django_db
def test_403_dicatat_satu_baris(client, operator_kencong, caplog):
    client.force_login(operator_kencong)
    handler = logging.getLogger().handlers[0]
    with caplog.at_level(logging.WARNING, logger="django.request"):
        r = client.post(reverse("laporan:lkip-tetapkan", args=["kencong", 2025]))
    assert r.status_code == 403
    catatan = [c for c in caplog.records if c.name == "django.request"]
    assert len(catatan) == 1 and catatan[0].levelno == logging.WARNING
    assert catatan[0].exc_info is None
    assert handler.format(catatan[0]).count("\n") == 0
    assert "Forbidden" in catatan[0].getMessage()


@pytest.mark.django_db
def test_admin_tidak_menautkan_ke_media(client, media, admin_kabupaten, dokumen_kencong, kencong):
    """The admin names a stored file (logo) or links it through the checked download view
    (printed PDF), never to an address under MEDIA_URL."""
    from django.core.files.base import ContentFile

    dokumen_kencong.berkas.save("lkip-kencong-uji.pdf", ContentFile(b"%PDF-1.7 isi"), save=True)
    kencong.kabupaten.logo.save("jember.png", ContentFile(b"\x89PNG"), save=True)
    client.force_login(admin_kabupaten)
    r = client.get(reverse("admin:laporan_dokumenpdf_change", args=[dokumen_kencong.pk]))
    assert r.status_code == 200
    unduh = reverse("laporan:dokumen-unduh", args=["kencong", dokumen_kencong.pk])
    assert f'<a href="{unduh}">lkip-kencong-uji.pdf</a>' in r.text
    assert "/media/" not in r.text
    r = client.get(reverse("admin:kecamatan_kabupaten_change", args=[kencong.kabupaten.pk]))
    assert r.status_code == 200
    assert "logo/kabupaten/jember" in r.text and "/media/" not in r.text
