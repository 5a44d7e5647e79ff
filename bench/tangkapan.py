"""Screenshots of the main pages of each role, on a laptop (1366×768) and a phone (390×844),
into docs/layar/ (the README shows them): generated, so they stay true to the pages.

    .venv/bin/python bench/tangkapan.py

On a fresh temporary SQLite database: the Jember data, the demo accounts, and Kencong's annual
realisasi 2025 submitted (so Bappeda's queue has a row); a development server on a free
loopback port; Debian's Chromium (CHROMIUM_PATH) driven by Playwright. Each screenshot is the
visible screen (not the whole page), reduced to 256 colours: small enough to commit.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
SEMENTARA = tempfile.mkdtemp(prefix="tangkapan-")
os.environ.update(
    DJANGO_SETTINGS_MODULE="sakip.settings",
    DATABASE_URL=f"sqlite:///{SEMENTARA}/tangkapan.sqlite3",
    MEDIA_ROOT=f"{SEMENTARA}/media",
    DEBUG="1",  # the demo accounts exist only on a development setup
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from kecamatan.models import Kecamatan, Pengguna  # noqa: E402
from perjanjian.services import realisasi_ajukan  # noqa: E402

TUJUAN = AKAR / "docs" / "layar"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
KATA_SANDI_DEMO = "demo-sakip-2025"
UKURAN = {"laptop": (1366, 768), "ponsel": (390, 844)}
# (file name, user, page): what each role opens first or works in most.
LAYAR = [
    ("beranda-operator", "operator.kencong", "/kecamatan/kencong/"),
    ("realisasi-operator", "operator.kencong", "/kecamatan/kencong/realisasi/2025/tw4/"),
    ("antrean-bappeda", "bappeda", "/verifikasi/"),
    ("dasbor-bappeda", "bappeda", "/kabupaten/dasbor/"),
    ("evaluasi-inspektorat", "inspektorat", "/evaluasi/?tahun=2025"),
    ("lkip-camat", "camat.kencong", "/kecamatan/kencong/lkip/2025/"),
]


def siapkan_data():
    with open(os.devnull, "w") as keluaran:
        call_command("migrate", verbosity=0, stdout=keluaran)
        call_command("muat_data_jember", stdout=keluaran)
        call_command("buat_pengguna_demo", stdout=keluaran)
    kencong = Kecamatan.objects.get(slug="kencong")
    realisasi_ajukan(
        kecamatan=kencong,
        tahun=2025,
        periode="tahunan",
        oleh=Pengguna.objects.get(username="operator.kencong"),
    )


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jalankan_server(port):
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=AKAR,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("Server pengembangan tidak menjawab.")


def perkecil(berkas: Path):
    """256 colours and PNG's own compression: a page of text and flat colours keeps its look."""
    with Image.open(berkas) as gambar:
        kecil = gambar.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    kecil.save(berkas, optimize=True)


def tangkap(url_dasar):
    TUJUAN.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for ukuran, (lebar, tinggi) in UKURAN.items():
            konteks_peran = {}
            for nama, username, url in LAYAR:
                if username not in konteks_peran:
                    konteks = browser.new_context(
                        locale="id-ID", viewport={"width": lebar, "height": tinggi}
                    )
                    page = konteks.new_page()
                    page.goto(url_dasar + "/masuk/")
                    page.get_by_label("Nama pengguna").fill(username)
                    page.get_by_label("Kata sandi").fill(KATA_SANDI_DEMO)
                    page.get_by_role("button", name="Masuk").click()
                    page.wait_for_url(lambda u: "/masuk/" not in u)
                    konteks_peran[username] = page
                page = konteks_peran[username]
                page.goto(url_dasar + url)
                berkas = TUJUAN / f"{nama}-{ukuran}.png"
                page.screenshot(path=berkas)
                perkecil(berkas)
                print(f"{berkas.relative_to(AKAR)}  {berkas.stat().st_size // 1024} KB")
        browser.close()


def main():
    siapkan_data()
    port = port_bebas()
    server = jalankan_server(port)
    try:
        tangkap(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
