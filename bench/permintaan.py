"""CPU per request of the pages `bench/beban.py` drives, in this process (issue 12, "Load").

Django's test client with DEBUG off, against the database of ``DATABASE_URL`` (which must
already hold the Jember data, the SINTETIS data and the demo accounts, as `bench/beban.py`
sets up; without ``DATABASE_URL`` a temporary SQLite database is made and filled). For each
page it asks it once to warm up, then ``--ulang`` times, and prints the least and the median
CPU time of this process (``time.process_time``: Python, the ORM, the templates; other work
on a shared machine hardly moves it), the CPU time of the database server's process serving
this connection (PostgreSQL only, read from /proc: the SQL's share), the SQL query count and
the size of the answer. The pages, as in `bench/beban.py`:

    beranda, realisasi, pk      operator.kencong
    simpan                      operator.kencong's realisasi save: the POST alone (one value
                                changed, the page's fingerprint), answered by a redirect; the
                                load generator also follows it to the realisasi page
    dasbor                      bappeda, the kabupaten dashboard (shown for the record)

The session and the CSRF token go through the middleware as in the server (a real login).

    DATABASE_URL=postgres://…/sakip_x .venv/bin/python bench/permintaan.py [--ulang 20]
    .venv/bin/python bench/permintaan.py --profil realisasi     # cProfile of one page

It prints figures; it asserts nothing. ``simpan`` writes Kencong 2025's realisasi: run it on a
copy of the demo database, never on real data.
"""

import argparse
import cProfile
import io
import itertools
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))

TAHUN = 2025
REALISASI = f"/kecamatan/kencong/realisasi/{TAHUN}/tahunan/"
HALAMAN = (
    ("beranda", "operator.kencong", "/kecamatan/kencong/"),
    ("realisasi", "operator.kencong", REALISASI),
    ("pk", "operator.kencong", f"/kecamatan/kencong/pk/{TAHUN}/"),
    ("simpan", "operator.kencong", REALISASI),
    ("dasbor", "bappeda", "/kabupaten/dasbor/"),
)
KATA_SANDI_DEMO = "demo-sakip-2025"
NOMOR = itertools.count()


def cpu_server(pid: int | None) -> float:
    """CPU seconds used so far by the database server's process ``pid`` (0 when unknown):
    the scheduler's run time in nanoseconds, finer than /proc/PID/stat's 10 ms ticks."""
    if pid is None:
        return 0.0
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except OSError:
        return 0.0


class Klien:
    """A logged-in test client and the form of its realisasi page, for the save."""

    def __init__(self, akun: str):
        from django.test import Client

        self.klien = Client(enforce_csrf_checks=True)
        jawaban = self.klien.post(
            "/masuk/",
            {
                "username": akun,
                "password": KATA_SANDI_DEMO,
                "csrfmiddlewaretoken": self.token("/masuk/"),
            },
        )
        if jawaban.status_code != 302:
            raise SystemExit(f"{akun}: gagal masuk ({jawaban.status_code})")

    def token(self, jalur: str) -> str:
        isi = self.klien.get(jalur).content.decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', isi).group(1)

    def data_simpan(self) -> list[tuple[str, str]]:
        """The realisasi form as a user sends it, its first plain number changed."""
        from serentak import Formulir

        pengurai = Formulir()
        pengurai.feed(self.klien.get(REALISASI).content.decode())
        form = max(pengurai.formulir, key=lambda f: len(f["isian"]))
        isian = [list(x) for x in form["isian"]]
        for baris in isian:
            angka = re.fullmatch(r"(\d[\d.]*)(,\d+)?", baris[1])
            if baris[0].endswith("-nilai") and angka:
                baris[1] = f"{angka.group(1)},{next(NOMOR) % 100:02d}"
                break
        return [tuple(x) for x in isian]

    def minta(self, nama: str, jalur: str):
        if nama != "simpan":
            return self.klien.get(jalur)
        return self.klien.post(
            jalur, urlencode(self._data), content_type="application/x-www-form-urlencoded"
        )

    def siapkan(self, nama: str) -> None:
        """What a request needs before its timing starts (the save's fresh form)."""
        if nama == "simpan":
            self._data = self.data_simpan()


def pid_server() -> int | None:
    """The process id of the PostgreSQL backend serving this connection (None on SQLite)."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.connection is None:
        return None
    return connection.connection.info.backend_pid


def ukur(klien: Klien, nama: str, jalur: str, ulang: int, baru: bool, sql: bool = False) -> dict:
    from django.db import connection

    kueri = []

    def hitung(execute, sql, params, many, context):
        kueri.append(sql)
        return execute(sql, params, many, context)

    klien.siapkan(nama)
    klien.minta(nama, jalur)
    cpu, db = [], 0.0
    for _ in range(ulang):
        klien.siapkan(nama)
        kueri.clear()
        if baru:  # as the server with CONN_MAX_AGE=0: a new connection for each request
            connection.close()
        mulai_db = 0.0 if baru else cpu_server(pid_server())
        with connection.execute_wrapper(hitung):
            mulai = time.process_time()
            jawaban = klien.minta(nama, jalur)
            cpu.append((time.process_time() - mulai) * 1000)
        # With a new connection the backend's whole life (its start included) is the request's.
        db += cpu_server(pid_server()) - mulai_db
    if nama == "simpan" and "disimpan (" not in klien.klien.get(jalur).content.decode():
        print(f"  peringatan: simpan tanpa 'disimpan' ({jawaban.status_code})")
    if sql:
        print(f"-- {nama}")
        for q in kueri:
            print(
                "   ",
                q[:60],
                "...",
                q[q.find(" FROM ") :][:90],
                "||",
                q[q.rfind("ORDER BY") :] if "ORDER BY" in q else "",
            )
    return {
        "cpu": min(cpu),
        "median": statistics.median(cpu),
        "db": db * 1000 / ulang,
        "kueri": len(kueri),
        "kb": len(jawaban.content) / 1024,
        "status": jawaban.status_code,
    }


def siapkan_basis_data() -> None:
    if os.environ.get("DATABASE_URL"):
        return
    sementara = tempfile.mkdtemp(prefix="bench-permintaan-")
    os.environ["DATABASE_URL"] = f"sqlite:///{sementara}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{sementara}/media"
    os.environ["_ISI"] = "1"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ulang", type=int, default=20)
    p.add_argument("--baru", action="store_true", help="sambungan basis data baru tiap permintaan")
    p.add_argument("--profil", default="", help="nama halaman untuk diprofil (cProfile)")
    p.add_argument("--sql", action="store_true", help="cetak kueri SQL tiap halaman")
    p.add_argument("--baris", type=int, default=35, help="baris profil yang dicetak")
    arg = p.parse_args()
    siapkan_basis_data()
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("_ISI"):
        call_command("migrate", verbosity=0)
        for perintah in ("muat_data_jember", "isi_data_sintetis"):
            call_command(perintah, verbosity=0, stdout=io.StringIO())
        settings.DEBUG = True
        call_command("buat_pengguna_demo", stdout=io.StringIO())
        settings.DEBUG = False
    connection.ensure_connection()
    klien = {akun: Klien(akun) for akun in {a for _, a, _ in HALAMAN}}
    if arg.profil:
        nama, akun, jalur = next(h for h in HALAMAN if h[0] == arg.profil)
        k = klien[akun]
        k.siapkan(nama)
        k.minta(nama, jalur)
        profil = cProfile.Profile(time.process_time)
        for _ in range(arg.ulang):
            k.siapkan(nama)
            if arg.baru:
                connection.close()
            profil.enable()
            k.minta(nama, jalur)
            profil.disable()
        keluar = io.StringIO()
        statistik = pstats.Stats(profil, stream=keluar)
        statistik.sort_stats("cumulative").print_stats(arg.baris)
        statistik.sort_stats("tottime").print_stats(arg.baris)
        print(keluar.getvalue())
        return
    print(
        f"basis data {connection.vendor}; {arg.ulang} kali tiap halaman, CPU dalam ms per "
        "permintaan"
    )
    print(f"{'halaman':<10}{'cpu min':>9}{'median':>9}{'db cpu':>9}{'kueri':>7}{'KB':>7} status")
    for nama, akun, jalur in HALAMAN:
        h = ukur(klien[akun], nama, jalur, arg.ulang, arg.baru, arg.sql)
        print(
            f"{nama:<10}{h['cpu']:>9.1f}{h['median']:>9.1f}{h['db']:>9.1f}{h['kueri']:>7}"
            f"{h['kb']:>7.0f} {h['status']}",
            flush=True,
        )


if __name__ == "__main__":
    main()
