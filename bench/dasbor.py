"""CPU time of the kabupaten dashboard warm (issue 12): Bappeda's page, in-process.

Sets up a temporary SQLite database (or the one ``DATABASE_URL`` names, when it holds the
data already) with the Jember data and the SINTETIS data of the other 27 kecamatan for 2025
and 2026 (31 kecamatan, two years), then asks the dashboard through Django's test client,
DEBUG off, as Bappeda. The first request of each page draws its charts (kept in memory by
their data, ``laporan.dasbor_grafik``); the figures are the requests after it: the CPU time
of this process (``time.process_time``, so other work on a shared machine counts far less
than in wall time), fastest and median.

    .venv/bin/python bench/dasbor.py                  # the default year (2026) and 2025
    .venv/bin/python bench/dasbor.py --profil         # and where the time goes (cProfile)
    .venv/bin/python bench/dasbor.py --akar ../main   # another checkout, to compare
    .venv/bin/python bench/dasbor.py --simpan /tmp/a  # write the pages (compare two runs)

It measures; it asserts nothing.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
HALAMAN = (
    ("bawaan", {}),
    ("2025", {"tahun": 2025}),
    ("2025, PK awal", {"tahun": 2025, "pk": "awal"}),
)


def siapkan() -> None:
    from django.core.management import call_command

    from kecamatan.models import Kabupaten, Pengguna, Peran
    from laporan.models import LaporanKinerja

    call_command("migrate", verbosity=0)
    if not LaporanKinerja.objects.filter(kecamatan__slug="kencong", tahun=2025).exists():
        call_command("muat_data_jember", verbosity=0, stdout=io.StringIO())
        call_command(
            "isi_data_sintetis", "--tahun", "2025", "--tahun", "2026", stdout=io.StringIO()
        )
    if not Pengguna.objects.filter(username="bench.bappeda").exists():
        Pengguna.objects.create_user(
            username="bench.bappeda",
            password=None,
            peran=Peran.BAPPEDA,
            kabupaten=Kabupaten.objects.get(slug="jember"),
        )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--akar", type=Path, default=AKAR, help="the checkout to measure")
    p.add_argument("--ulang", type=int, default=30, help="requests measured per page")
    p.add_argument("--profil", action="store_true")
    p.add_argument("--simpan", help="write each page to PREFIX-N.html (CSRF token blanked)")
    arg = p.parse_args()
    sys.path.insert(0, str(arg.akar.resolve()))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    os.environ["DEBUG"] = "0"
    sementara = tempfile.mkdtemp(prefix="bench-dasbor-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{sementara}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{sementara}/media")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from kecamatan.models import Pengguna

    settings.ALLOWED_HOSTS = ["*"]
    siapkan()
    klien = Client()
    klien.force_login(Pengguna.objects.get(username="bench.bappeda"))
    url = "/kabupaten/dasbor/"
    print(f"{arg.akar.resolve()}: dasbor kabupaten, CPU per permintaan (hangat)")
    for n, (nama, param) in enumerate(HALAMAN):
        for _ in range(3):  # the first draws the charts; then sessions and caches are warm
            jawab = klien.get(url, param)
        assert jawab.status_code == 200, jawab.status_code
        if arg.simpan:
            isi = re.sub(rb'X-CSRFToken": "[^"]+', b"CSRF", jawab.content)
            isi = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"CSRF", isi)
            Path(f"{arg.simpan}-{n}.html").write_bytes(isi)
        waktu = []
        for _ in range(arg.ulang):
            mulai = time.process_time()
            klien.get(url, param)
            waktu.append(time.process_time() - mulai)
        print(
            f"  {nama:<16} tercepat {min(waktu) * 1000:6.1f} ms, "
            f"median {statistics.median(waktu) * 1000:6.1f} ms"
        )
    if arg.profil:
        profil = cProfile.Profile()
        profil.enable()
        for _ in range(10):
            klien.get(url, HALAMAN[1][1])
        profil.disable()
        keluar = io.StringIO()
        pstats.Stats(profil, stream=keluar).sort_stats("cumulative").print_stats(45)
        print(keluar.getvalue())


if __name__ == "__main__":
    main()
