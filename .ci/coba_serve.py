"""CI: start the production-like pair of `make serve` (gunicorn + task worker through
`manage.py layani --produksi`, DEBUG off, collected static files) on a free port, fetch the
login page and the static files it links to (each must answer 200), then stop it with
Ctrl-C and check that nothing of it is left. Bounded in time; a temporary SQLite database
with only the worker's queue table (the login page and static files read no other), so it
takes seconds, not the minute a full migrate takes."""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BATAS_MULAI = 30  # seconds for the server to answer
BATAS_BERHENTI = 15  # seconds for both to stop after Ctrl-C


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ambil(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as jawaban:
            return jawaban.status, jawaban.read()
    except urllib.error.HTTPError as galat:
        return galat.code, b""


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="sakip-serve-"))
    lingkungan = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/serve.sqlite3",
        "DEBUG": "0",
        "STATIC_MANIFEST": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "WEB_CONCURRENCY": "2",
    }
    manage = [sys.executable, str(AKAR / "manage.py")]
    for argv in (
        ["migrate", "django_tasks_database", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([*manage, *argv], env=lingkungan, check=True, timeout=120)
    port = port_bebas()
    dasar = f"http://127.0.0.1:{port}"
    log = folder / "serve.log"
    with log.open("wb") as keluar:
        proses = subprocess.Popen(
            [*manage, "layani", "--produksi", f"127.0.0.1:{port}"],
            env=lingkungan,
            stdout=keluar,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    gagal = []
    try:
        batas = time.monotonic() + BATAS_MULAI
        while True:
            try:
                status, isi = ambil(f"{dasar}/masuk/")
                break
            except OSError:
                if time.monotonic() > batas or proses.poll() is not None:
                    raise SystemExit(f"Server tidak menjawab:\n{log.read_text()}") from None
                time.sleep(0.5)
        print(f"GET /masuk/ → {status}")
        if status != 200:
            gagal.append(f"/masuk/ menjawab {status}")
        statis = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', isi.decode())))
        if not statis:
            gagal.append("halaman masuk tidak menautkan berkas statis")
        for jalur in statis:
            status, _ = ambil(dasar + jalur)
            print(f"GET {jalur} → {status}")
            if status != 200:
                gagal.append(f"{jalur} menjawab {status}")
    finally:
        os.killpg(proses.pid, signal.SIGINT)  # Ctrl-C: to the whole group, as a terminal does
        try:
            proses.wait(timeout=BATAS_BERHENTI)
        except subprocess.TimeoutExpired:
            gagal.append(f"layani tidak berhenti {BATAS_BERHENTI} detik setelah Ctrl-C")
        try:
            os.killpg(proses.pid, 0)
            gagal.append("proses layani masih tersisa setelah Ctrl-C")
            os.killpg(proses.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if gagal:
        print("\n".join(gagal), file=sys.stderr)
        print(log.read_text(), file=sys.stderr)
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    print("Server produksi (gunicorn + pekerja) menjawab dan berhenti dengan Ctrl-C.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
