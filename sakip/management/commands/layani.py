"""`manage.py layani [alamat:port]`: the development server and the task worker together;
with `--produksi`, gunicorn (settings in gunicorn.conf.py) instead of the development server
and no reloading: what `make serve` runs (README "Deploying").

`make run` uses it, so printing a PDF or approving an LKIP never waits for WeasyPrint in the
request: both processes get TASKS_BACKEND=db, the server queues documents in the database
and django-tasks-db's `db_worker` prints them. Ctrl-C (or SIGTERM) stops both. A worker that
dies is started again (the document it was printing is recognised as dead on the next
request, see laporan.dokumen.layanan); one that keeps dying, or a server that ends, stops
both, so no worker is left running without its server.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# How long the children get to stop after Ctrl-C before they are killed: the worker finishes
# the page it is printing if it can; a render cut short is detected and printed again later.
TENGGANG_DETIK = 10


class Command(BaseCommand):
    help = "Menjalankan server pengembangan dan pekerja latar belakang (db_worker) bersama."

    def add_arguments(self, parser):
        parser.add_argument("alamat", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--tanpa-muat-ulang",
            action="store_true",
            help="Jangan memuat ulang server dan pekerja ketika kode berubah.",
        )
        parser.add_argument(
            "--produksi",
            action="store_true",
            help="Gunicorn sebagai server (DEBUG harus mati, collectstatic sudah dijalankan).",
        )

    def handle(self, *, alamat: str, tanpa_muat_ulang: bool, produksi: bool, **options):
        basis = Path(settings.BASE_DIR)
        manage = [sys.executable, str(basis / "manage.py")]
        lingkungan = {**os.environ, "TASKS_BACKEND": "db"}
        if produksi:
            if settings.DEBUG:
                raise CommandError(
                    "layani --produksi menolak berjalan dengan DEBUG menyala: halaman galat "
                    "teknis akan terlihat oleh pengguna. Jalankan dengan DEBUG=0."
                )
            tanpa_muat_ulang = True
        muat_ulang = ["--noreload"] if tanpa_muat_ulang else []
        perintah = {
            "pekerja": [
                *manage,
                "db_worker",
                "--interval",
                "1",
                "--no-startup-delay",
                *(["--no-reload"] if tanpa_muat_ulang else []),
            ],
            "server": (
                [sys.executable, "-m", "gunicorn", "--config", str(basis / "gunicorn.conf.py")]
                + ["--chdir", str(basis), "--bind", alamat]
                if produksi
                else [*manage, "runserver", alamat, *muat_ulang]
            ),
        }
        # Each child leads its own process group, so stopping it also stops the process the
        # autoreloader started under it; Ctrl-C reaches them through this process only.
        proses = {
            nama: subprocess.Popen(argv, env=lingkungan, start_new_session=True)
            for nama, argv in perintah.items()
        }
        self.stdout.write(
            f"Server di http://{alamat}/ dan pekerja latar belakang berjalan "
            f"(pid {proses['server'].pid}, {proses['pekerja'].pid}); Ctrl-C menghentikan keduanya."
        )

        def berhenti(signum, frame):
            raise KeyboardInterrupt

        # Set explicitly: a process started in the background inherits SIGINT ignored.
        signal.signal(signal.SIGINT, berhenti)
        signal.signal(signal.SIGTERM, berhenti)
        mati = []  # when the worker died: started again unless it keeps dying
        try:
            while proses["server"].poll() is None:
                time.sleep(0.5)
                pekerja = proses["pekerja"]
                if pekerja.poll() is None:
                    continue
                _kirim(pekerja, signal.SIGKILL)  # what its autoreloader left behind
                sekarang = time.monotonic()
                mati = [t for t in mati if sekarang - t < 60] + [sekarang]
                if len(mati) > 3:
                    self.stderr.write(
                        f"Pekerja latar belakang berhenti {len(mati)} kali dalam semenit "
                        f"(kode {pekerja.returncode}); server ikut dihentikan."
                    )
                    break
                self.stderr.write(
                    f"Pekerja latar belakang berhenti (kode {pekerja.returncode}); dijalankan "
                    "lagi. Dokumen yang sedang dicetaknya ditandai gagal dan dapat dicetak ulang."
                )
                proses["pekerja"] = subprocess.Popen(
                    perintah["pekerja"], env=lingkungan, start_new_session=True
                )
        except KeyboardInterrupt:
            pass
        finally:
            _hentikan(proses.values())
        kode = proses["server"].returncode
        if kode not in (0, None, -signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL):
            sys.exit(kode)


def _kirim(p: subprocess.Popen, sinyal: int) -> bool:
    """Signal the child's process group; False when nothing of it is left."""
    try:
        os.killpg(p.pid, sinyal)
    except ProcessLookupError:
        return False
    return True


def _hentikan(daftar) -> None:
    """SIGTERM to each child's group (the worker finishes its document if it can; SIGINT
    may be ignored by a child started from the background), then
    SIGKILL to whatever of a group still runs after the grace: a group outlives its leader
    when the autoreloader's parent exits before the process it started."""
    daftar = list(daftar)
    for p in daftar:
        _kirim(p, signal.SIGTERM)
    batas = time.monotonic() + TENGGANG_DETIK
    for p in daftar:
        with contextlib.suppress(subprocess.TimeoutExpired):
            p.wait(timeout=max(0.1, batas - time.monotonic()))
        while _kirim(p, 0) and time.monotonic() < batas:
            time.sleep(0.1)
        _kirim(p, signal.SIGKILL)
        p.wait()
