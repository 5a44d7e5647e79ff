"""Load benchmark: the production-like server under N concurrent logged-in users.

Sets up a temporary database (PostgreSQL when one answers on 127.0.0.1:5432, else SQLite;
`--basis-data` chooses), migrates it, loads the Jember data, the SINTETIS data of the other
kecamatan (`isi_data_sintetis`, so the dashboard compares 31 kecamatan over the years) and the
demo accounts, then starts `manage.py layani --produksi` (gunicorn + task worker, DEBUG off,
collected static files, as `make serve`) on a free loopback port. For each number of users
(`--pengguna 5,20`) it drives that many threads, each with its own login session, through a
realistic mix without think time for `--detik` seconds:

    operator / camat of Kencong: beranda, realisasi page, PK page, a realisasi save
                                 (fresh GET for the CSRF token and fingerprint, then POST)
    Bappeda:                     kabupaten dashboard, realisasi page and PK page of Kencong

and prints, per page and in total, the count, p50 / p95 / p99 / max latency, the errors
(an answer of 500 or above, or none) and the throughput, with the machine's load average
before and after (this machine is shared: read the figures with it), and the CPU per request
of the server's processes, of the database's backends serving it and of this load generator
(all its threads), with each one's share of the cores during the round. A save refused because
another user saved the same grid first ("usang") is the correct answer to a conflict and is
counted apart, not as an error. After each round it checks that no update was lost: the cell
the users saved, read back from the page, holds the value of the save stored last (whose POST
was answered last) with "disimpan" (a lost update is counted as an error). It prints figures;
it is not a test. The temporary database and folder are removed at the end (`--simpan` keeps
them).

    .venv/bin/python bench/beban.py                       # 5 and 20 users, 30 s each
    .venv/bin/python bench/beban.py --pengguna 1 --detik 3 --basis-data sqlite --tanpa-sintetis

Bounded: at most 50 users, 300 s per round, 30 s per request; loopback only. Standard
library only, plus psycopg (already a dependency) to create and drop the PostgreSQL database.
"""

import argparse
import itertools
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR / "bench"))

from serentak import Formulir, Sesi  # noqa: E402  (the login and form reading of serentak.py)

BATAS_PENGGUNA = 50
BATAS_DETIK = 300
BATAS_MULAI = 90  # seconds for the server to answer
BATAS_BERHENTI = 20
PG_DASAR = "postgres://postgres@127.0.0.1:5432"
TAHUN = 2025
REALISASI = f"/kecamatan/kencong/realisasi/{TAHUN}/tahunan/"
PK = f"/kecamatan/kencong/pk/{TAHUN}/"
HALAMAN_PERAN = {
    "operator.kencong": (
        ("beranda", "/kecamatan/kencong/"),
        ("realisasi", REALISASI),
        ("pk", PK),
        ("simpan", REALISASI),
    ),
    "camat.kencong": (
        ("beranda", "/kecamatan/kencong/"),
        ("realisasi", REALISASI),
        ("pk", PK),
        ("simpan", REALISASI),
    ),
    "bappeda": (
        ("dasbor", "/kabupaten/dasbor/"),
        ("realisasi", REALISASI),
        ("pk", PK),
    ),
}
AKUN = tuple(HALAMAN_PERAN)
NOMOR = itertools.count()


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_ada() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=2):
            return True
    except OSError:
        return False


def beban_mesin() -> str:
    satu, lima, limabelas = os.getloadavg()
    return f"{satu:.2f} {lima:.2f} {limabelas:.2f}"


def cpu_pohon(akar: int) -> float:
    """CPU seconds used so far by process ``akar`` and its descendants (the server: `layani`,
    gunicorn's master and workers, the task worker; each child of `layani` leads a session of
    its own, so they are found by their parents). A descendant that ended counts through its
    parent (the CPU of children it waited for: a gunicorn worker replaced after
    ``max_requests``), so the sum never goes back."""
    anak: dict[int, list[int]] = {}
    waktu: dict[int, int] = {}
    for nama in os.listdir("/proc"):
        if not nama.isdigit():
            continue
        try:
            kolom = Path(f"/proc/{nama}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        anak.setdefault(int(kolom[1]), []).append(int(nama))  # field 4 of stat: the parent
        # utime + stime, and cutime + cstime (its ended children's), in clock ticks
        waktu[int(nama)] = sum(int(k) for k in kolom[11:15])
    jumlah, antre = 0, [akar]
    while antre:
        pid = antre.pop()
        jumlah += waktu.get(pid, 0)
        antre.extend(anak.get(pid, ()))
    return jumlah / os.sysconf("SC_CLK_TCK")


def cpu_basis_data(nama_pg: str | None) -> dict[int, float]:
    """PostgreSQL backend pid → its CPU seconds so far, for the connections to ``nama_pg`` (the
    scheduler's run time, /proc/PID/schedstat; empty on SQLite or when it cannot be read)."""
    if not nama_pg:
        return {}
    try:
        keluaran = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                nama_pg,
                "-Atc",
                f"SELECT pid FROM pg_stat_activity WHERE datname = '{nama_pg}'",
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return {}
    hasil = {}
    for pid in keluaran:
        try:
            hasil[int(pid)] = int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
        except (OSError, ValueError):
            continue
    return hasil


class UkurCpu:
    """The CPU of a round: the server's processes, the database's backends of its database
    and this load generator's own (all its threads), each per request answered. The backends
    are read every ``SELANG_DB`` seconds during the round: one that ends (its server worker
    replaced) counts up to its last reading, one that starts counts from zero."""

    SELANG_DB = 2.0

    def __init__(self, akar: int, nama_pg: str | None):
        self.akar, self.nama_pg = akar, nama_pg
        self.server, self.generator = cpu_pohon(akar), time.process_time()
        self.db = cpu_basis_data(nama_pg)
        self.db_terakhir = dict(self.db)
        self.berhenti = threading.Event()
        self.pembaca = threading.Thread(target=self._baca_db, daemon=True)
        self.pembaca.start()

    def _baca_db(self) -> None:
        while not self.berhenti.wait(self.SELANG_DB):
            self.db_terakhir.update(cpu_basis_data(self.nama_pg))

    def ringkas(self, permintaan: int, lama: float) -> str:
        server = cpu_pohon(self.akar) - self.server
        generator = time.process_time() - self.generator
        self.berhenti.set()
        self.pembaca.join()
        self.db_terakhir.update(cpu_basis_data(self.nama_pg))
        db = sum(v - self.db.get(pid, 0.0) for pid, v in self.db_terakhir.items())
        inti = (os.cpu_count() or 1) * lama
        n = max(permintaan, 1)
        teks = (
            f"CPU per permintaan: server {server * 1000 / n:.1f} ms, "
            + (f"basis data {db * 1000 / n:.1f} ms, " if self.nama_pg else "")
            + f"generator beban {generator * 1000 / n:.1f} ms; bagian dari {os.cpu_count()} "
            f"inti selama ronde: server {server / inti:.0%}, "
            + (f"basis data {db / inti:.0%}, " if self.nama_pg else "")
            + f"generator {generator / inti:.0%}"
        )
        return teks


def persentil(nilai: list[float], p: float) -> float:
    urut = sorted(nilai)
    if not urut:
        return 0.0
    k = min(len(urut) - 1, max(0, math.ceil(p / 100 * len(urut)) - 1))  # nearest rank
    return urut[k]


def pesan_galat(isi: str) -> str:
    """What a refused save says: its first message and the first item of the form's error
    summary (the field and the cause), shortened."""

    def teks(potong: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", potong).split())

    bagian = []
    for penanda, akhir in (('role="alert"', "</"), ('class="ringkasan-galat', "</li>")):
        i = isi.find(penanda)
        if i >= 0:
            awal = isi.index(">", i) + 1
            if penanda.startswith("class"):
                awal = isi.find("<li>", awal)
            j = isi.find(akhir, awal + 4)
            bagian.append(teks(isi[awal:j])[:160])
    return " / ".join(bagian) or "?"


class Pengguna(Sesi):
    """One simulated user: a login session that records each request's time."""

    def __init__(self, dasar: str, akun: str):
        super().__init__(dasar, akun)
        self.catatan: list[tuple[str, float, int, bool]] = []  # halaman, detik, status, usang
        self.hasil_simpan: dict[str, int] = {}
        # (stored at, field, value sent): "stored at" is when the POST's own answer arrived
        # (its redirect, sent right after the commit), not the page it leads to, whose request
        # waits in the queue like any other: a later save's page can come back first.
        self.tersimpan: list[tuple[float, str, str]] = []
        self.dialihkan: float | None = None
        catat = self

        class CatatPengalihan(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):
                catat.dialihkan = time.monotonic()
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        self.pembuka = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.toples), CatatPengalihan
        )

    def ukur(self, halaman: str, jalur: str, data: list | None = None) -> tuple[int, str]:
        mulai = time.perf_counter()
        try:
            status, isi = self.minta(jalur, data)
        except Exception as e:  # no answer at all (timeout, connection refused)
            status, isi = 599, f"{type(e).__name__}: {e}"
        usang = halaman == "simpan" and "oleh pengguna lain" in isi
        if halaman == "simpan" and status < 500:
            if usang:
                jenis = "usang"
            elif "disimpan (" in isi:
                jenis = "tersimpan"
            elif "Tidak ada perubahan" in isi:
                jenis = "tanpa perubahan"
            else:
                jenis = f"ditolak: {pesan_galat(isi)}"
            self.hasil_simpan[jenis] = self.hasil_simpan.get(jenis, 0) + 1
        self.catatan.append((halaman, time.perf_counter() - mulai, status, usang))
        return status, isi

    def simpan(self, ke: int) -> None:
        """A realisasi save as a user makes it: the page (timed as 'realisasi'), one value
        changed, the form sent (timed as 'simpan')."""
        status, isi = self.ukur("realisasi", REALISASI)
        if status != 200:
            return
        pengurai = Formulir()
        pengurai.feed(isi)
        if not pengurai.formulir:
            return
        form = max(pengurai.formulir, key=lambda f: len(f["isian"]))
        isian = [list(x) for x in form["isian"]]
        # The first realisasi holding a plain number (not a category such as "A (80,41)"):
        # its whole part kept, its hundredths from one count for every user, so each save
        # sends a new value within the indicator's plausible range.
        diubah = None
        for baris in isian:
            angka = re.fullmatch(r"(\d[\d.]*)(,\d+)?", baris[1])
            if baris[0].endswith("-nilai") and angka:
                baris[1] = f"{angka.group(1)},{next(NOMOR) % 100:02d}"
                diubah = baris
                break
        self.dialihkan = None
        status, isi = self.ukur("simpan", form["action"] or REALISASI, isian)
        if diubah and status < 500 and "disimpan (" in isi and "oleh pengguna lain" not in isi:
            self.tersimpan.append((self.dialihkan or time.monotonic(), diubah[0], diubah[1]))

    def jalan(self, sampai: float, ke_awal: int) -> None:
        ke = ke_awal
        while time.monotonic() < sampai:
            for halaman, jalur in HALAMAN_PERAN[self.pengguna]:
                if time.monotonic() >= sampai:
                    break
                if halaman == "simpan":
                    self.simpan(ke)
                else:
                    self.ukur(halaman, jalur)
                ke += 1


def sebagai_angka(teks: str) -> Decimal | None:
    """A value as the realisasi page writes it ("1.234,5") as a number, None if it is not one."""
    try:
        return Decimal(teks.strip().replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def periksa_tanpa_hilang(dasar: str, pengguna: list["Pengguna"]) -> str:
    """No lost update: after the round, each cell the users saved holds the value of the save
    stored last (its POST answered last, not the page it leads to) with "disimpan" (a save
    refused as stale changed nothing). Read back from the realisasi page, as a user sees it.
    Returns the verdict line; ``HILANG`` marks a failure."""
    terakhir: dict[str, tuple[float, str]] = {}
    jumlah = 0
    for p in pengguna:
        for waktu, nama, nilai in p.tersimpan:
            jumlah += 1
            if nama not in terakhir or waktu > terakhir[nama][0]:
                terakhir[nama] = (waktu, nilai)
    if not terakhir:
        return "tanpa pembaruan hilang: tidak ada simpanan yang berhasil untuk diperiksa"
    pembaca = Sesi(dasar, "operator.kencong")
    pembaca.masuk()
    isian = dict(pembaca.formulir_terbesar(REALISASI)["isian"])
    salah = [
        f"{nama}: tersimpan {isian.get(nama)!r}, simpanan terakhir {nilai!r}"
        for nama, (_, nilai) in terakhir.items()
        if sebagai_angka(isian.get(nama, "")) != sebagai_angka(nilai)
    ]
    if salah:
        return "HILANG: pembaruan hilang: " + "; ".join(salah)
    return (
        f"tanpa pembaruan hilang: {len(terakhir)} sel berisi nilai simpanan terakhirnya "
        f"({jumlah} simpanan berhasil)"
    )


def ronde(
    dasar: str, jumlah: int, detik: float, ukur: "Callable[[], UkurCpu] | None" = None
) -> tuple[list, float, dict, str, str]:
    pengguna = [Pengguna(dasar, AKUN[i % len(AKUN)]) for i in range(jumlah)]
    for p in pengguna:
        p.masuk()
        for _, jalur in HALAMAN_PERAN[p.pengguna]:  # warm-up, not counted
            p.minta(jalur)
    cpu = ukur() if ukur else None
    mulai = time.monotonic()
    sampai = mulai + detik
    utas = [
        threading.Thread(target=p.jalan, args=(sampai, i * 1000)) for i, p in enumerate(pengguna)
    ]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    lama = time.monotonic() - mulai
    catatan = [c for p in pengguna for c in p.catatan]
    ringkasan_cpu = cpu.ringkas(len(catatan), lama) if cpu else ""
    simpan: dict[str, int] = {}
    for p in pengguna:
        for jenis, n in p.hasil_simpan.items():
            simpan[jenis] = simpan.get(jenis, 0) + n
    hilang = periksa_tanpa_hilang(dasar, pengguna)
    return catatan, lama, simpan, hilang, ringkasan_cpu


def cetak(jumlah: int, catatan: list, lama: float, beban_awal: str) -> int:
    print(
        f"\n== {jumlah} pengguna serentak, {lama:.1f} s, beban mesin sebelum {beban_awal}, "
        f"sesudah {beban_mesin()}"
    )
    print(
        f"{'halaman':<10} {'jumlah':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'maks ms':>8} {'galat':>6} {'usang':>6}"
    )
    galat_total = 0
    halaman_urut = sorted({c[0] for c in catatan}) + ["SEMUA"]
    for halaman in halaman_urut:
        baris = [c for c in catatan if halaman in ("SEMUA", c[0])]
        waktu = [c[1] * 1000 for c in baris]
        galat = sum(1 for c in baris if c[2] >= 500 or c[2] == 0)
        usang = sum(1 for c in baris if c[3])
        if halaman == "SEMUA":
            galat_total = galat
        print(
            f"{halaman:<10} {len(baris):>7} {persentil(waktu, 50):>8.0f} "
            f"{persentil(waktu, 95):>8.0f} {persentil(waktu, 99):>8.0f} "
            f"{max(waktu, default=0):>8.0f} {galat:>6} {usang:>6}"
        )
    lain = sorted({c[2] for c in catatan if c[2] not in (200, 302) and c[2] < 500})
    if lain:
        print(f"jawaban lain: {lain}")
    print(f"throughput {len(catatan) / lama:.1f} permintaan/s")
    return galat_total


def siapkan(folder: Path, basis_data: str, sintetis: bool) -> tuple[dict, str | None]:
    nama_pg = None
    if basis_data == "postgres":
        nama_pg = f"sakip_beban_{secrets.token_hex(4)}"
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", nama_pg], check=True, timeout=60
        )
        url = f"{PG_DASAR}/{nama_pg}"
    else:
        url = f"sqlite:///{folder}/beban.sqlite3"
    lingkungan = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "STATIC_MANIFEST": "1",
        "MEDIA_ROOT": str(folder / "media"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    manage = [sys.executable, str(AKAR / "manage.py")]
    langkah = [
        (["migrate", "--noinput", "-v0"], {}),
        (["muat_data_jember"], {}),
        (["buat_pengguna_demo"], {"DEBUG": "1"}),  # refuses with DEBUG off, by design
        (["collectstatic", "--noinput", "-v0"], {}),
    ]
    if sintetis:
        langkah.insert(2, (["isi_data_sintetis"], {}))
    for argv, tambahan in langkah:
        mulai = time.monotonic()
        subprocess.run(
            [*manage, *argv],
            env={**lingkungan, **tambahan},
            check=True,
            timeout=900,
            cwd=AKAR,
            stdout=subprocess.DEVNULL,
        )
        print(f"siapkan: {argv[0]} {time.monotonic() - mulai:.0f} s", flush=True)
    return lingkungan, nama_pg


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pengguna", default="5,20", help="jumlah pengguna tiap ronde, mis. 5,20")
    parser.add_argument("--detik", type=float, default=30.0, help="lama tiap ronde")
    parser.add_argument(
        "--basis-data",
        choices=("postgres", "sqlite"),
        default="postgres" if postgres_ada() else "sqlite",
    )
    parser.add_argument("--tanpa-sintetis", action="store_true", help="tanpa data SINTETIS")
    parser.add_argument("--simpan", action="store_true", help="jangan hapus basis data sementara")
    args = parser.parse_args()
    jumlah = [int(x) for x in args.pengguna.split(",") if x.strip()]
    if not jumlah or not all(1 <= j <= BATAS_PENGGUNA for j in jumlah):
        print(f"--pengguna antara 1 dan {BATAS_PENGGUNA}", file=sys.stderr)
        return 2
    if not 0 < args.detik <= BATAS_DETIK:
        print(f"--detik antara 0 dan {BATAS_DETIK}", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="sakip-beban-"))
    print(f"mesin: {os.cpu_count()} inti, beban {beban_mesin()}; basis data {args.basis_data}")
    lingkungan, nama_pg = siapkan(folder, args.basis_data, not args.tanpa_sintetis)
    port = port_bebas()
    dasar = f"http://127.0.0.1:{port}"
    log = folder / "server.log"
    galat = 0
    with log.open("wb") as keluar:
        proses = subprocess.Popen(
            [sys.executable, str(AKAR / "manage.py"), "layani", "--produksi", f"127.0.0.1:{port}"],
            env=lingkungan,
            cwd=AKAR,
            stdout=keluar,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        batas = time.monotonic() + BATAS_MULAI
        while True:
            try:
                Sesi(dasar, "-").minta("/masuk/")
                break
            except OSError:
                if time.monotonic() > batas or proses.poll() is not None:
                    raise SystemExit(f"Server tidak menjawab:\n{log.read_text()}") from None
                time.sleep(0.5)
        proses_gunicorn = lingkungan.get("WEB_CONCURRENCY") or min(max(os.cpu_count() or 1, 2), 8)
        print(
            f"server: gunicorn ({proses_gunicorn} proses × "
            f"{lingkungan.get('GUNICORN_THREADS', '4')} utas) + pekerja di {dasar}"
        )
        for j in jumlah:
            awal = beban_mesin()
            catatan, lama, simpan, hilang, cpu = ronde(
                dasar, j, args.detik, lambda: UkurCpu(proses.pid, nama_pg)
            )
            galat += cetak(j, catatan, lama, awal)
            print(cpu)
            print("simpan: " + ", ".join(f"{n} {jenis}" for jenis, n in sorted(simpan.items())))
            print(hilang)
            galat += hilang.startswith("HILANG")
    finally:
        os.killpg(proses.pid, signal.SIGINT)
        try:
            proses.wait(timeout=BATAS_BERHENTI)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
        if galat:
            print(f"\nlog server ({log}):\n{log.read_text()[-3000:]}", file=sys.stderr)
        if not args.simpan:
            if nama_pg:
                subprocess.run(
                    ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", nama_pg],
                    timeout=60,
                )
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"disimpan: {folder} {nama_pg or ''}")
    return 1 if galat else 0


if __name__ == "__main__":
    sys.exit(main())
