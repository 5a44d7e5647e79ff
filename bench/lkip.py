"""Benchmark of the Kencong 2025 LKIP: prints pages, seconds to gather the data and render the
HTML, seconds WeasyPrint takes on that HTML, the total, the SQL queries, the time to serve
the unchanged document again, and the camat's approval: its response time with the task
worker of `make run` (the database queue; the PDF printed afterwards by the worker, whose
time is printed too) and without one (inline).

    .venv/bin/python bench/lkip.py            # on a fresh temporary SQLite database
    DATABASE_URL=postgres://… .venv/bin/python bench/lkip.py

Then the CPU seconds of WeasyPrint (``time.process_time``, this process only: on a shared
machine wall time counts the other work too) per document and per page, for the LKIP, every
IKU decree and both PK of Kencong, and the LKIP's profile by phase of WeasyPrint (cProfile;
bench/cpu.py). ``--tanpa-profil`` leaves the profile out.

It measures; it asserts nothing. The targets (README): data + HTML ≤ 10 % of the total, a
bounded number of queries, an unchanged document served in under 0,5 s.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
SEMENTARA = tempfile.mkdtemp(prefix="bench-lkip-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SEMENTARA}/bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", f"{SEMENTARA}/media")
# The figures above the "cetak ulang" line measure the layout itself: no layout cache.
os.environ.setdefault("DOKUMEN_TEMBOLOK", "")

import django  # noqa: E402

django.setup()

# bench/cpu.py, next to this file (the script's folder is on sys.path).
from cpu import cetak_cpu, cetak_profil, profil_fase, tanpa_tembolok, ukur_semua  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks_db.management.commands.db_worker import Worker  # noqa: E402

from kecamatan.models import Pengguna, Peran  # noqa: E402
from laporan.dokumen.daftar import penyaji_untuk  # noqa: E402
from laporan.evaluasi import lkip_reviu  # noqa: E402
from laporan.grafik import lupakan_grafik  # noqa: E402
from laporan.models import LaporanKinerja, VersiLKIP  # noqa: E402
from laporan.services import laporan_buka_versi_baru  # noqa: E402
from sakip.penguncian import TransisiDitolak  # noqa: E402

ANTREAN_DB = "django_tasks_db.DatabaseBackend"
INLINE = "django_tasks.backends.immediate.ImmediateBackend"


def detik(mulai: float) -> float:
    return time.perf_counter() - mulai


def pengguna(username: str, peran: str, laporan: LaporanKinerja, kecamatan=None) -> Pengguna:
    return Pengguna.objects.filter(username=username).first() or Pengguna.objects.create_user(
        username,
        password="bench-sandi-2025",
        peran=peran,
        kabupaten=laporan.kecamatan.kabupaten,
        kecamatan=kecamatan,
    )


def jalankan_pekerja() -> None:
    """django-tasks-db's worker loop, in this process, until the queue is empty."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    ).run()


def ukur_penetapan(laporan: LaporanKinerja, backend: str) -> str:
    """Review, then approve through the page as the camat; the response time and, with the
    queue, how long the worker then takes to store the version's PDF."""
    camat = pengguna("bench.camat", Peran.CAMAT, laporan, laporan.kecamatan)
    inspektorat = pengguna("bench.inspektorat", Peran.INSPEKTORAT, laporan)
    laporan.refresh_from_db()
    if laporan.status == LaporanKinerja.Status.DITETAPKAN:
        laporan_buka_versi_baru(laporan=laporan, oleh=camat)
        laporan.refresh_from_db()
    try:
        lkip_reviu(laporan=laporan, catatan="Reviu bench.", oleh=inspektorat)
    except TransisiDitolak as e:
        return f"tidak dapat direviu: {e}"
    klien = Client()
    klien.force_login(camat)
    url = reverse("laporan:lkip-tetapkan", args=[laporan.kecamatan.slug, laporan.tahun])
    with override_settings(TASKS={"default": {"BACKEND": backend}}):
        mulai = time.perf_counter()
        klien.post(url)
        t_jawab = detik(mulai)
        versi = VersiLKIP.objects.filter(laporan=laporan).order_by("-nomor").first()
        if versi is None or laporan.versi.count() == 0:
            return f"{t_jawab:.3f} s, tetapi LKIP tidak ditetapkan (syarat penetapan belum lengkap)"
        status = versi.dokumen.status
        if backend != ANTREAN_DB:
            return f"{t_jawab:.3f} s (PDF {status} dalam permintaan itu)"
        mulai = time.perf_counter()
        jalankan_pekerja()
        t_pekerja = detik(mulai)
    versi.dokumen.refresh_from_db()
    return (
        f"{t_jawab:.3f} s (PDF {status}); pekerja menyimpannya {t_pekerja:.3f} s kemudian "
        f"({versi.dokumen.status})"
    )


def cpu_cetak_ulang(laporan: LaporanKinerja) -> tuple[float, float, int]:
    """CPU seconds of WeasyPrint on a second print of the LKIP after one narrative changed
    (what each edit of a draft costs): with the layout cache, the lampiran taken from it
    (printed once before, as the edit's previous draft was), and without it."""
    penyaji = penyaji_untuk("lkip", laporan)
    kesimpulan = laporan.kesimpulan
    try:
        with override_settings(DOKUMEN_TEMBOLOK=f"{SEMENTARA}/tembolok"):
            penyaji.cetak(penyaji.html())  # the draft before the edit
            LaporanKinerja.objects.filter(pk=laporan.pk).update(kesimpulan=kesimpulan + " Ubah.")
            html = penyaji_untuk("lkip", LaporanKinerja.objects.get(pk=laporan.pk)).html()
            mulai = time.process_time()
            _, halaman, _ = penyaji.cetak(html)
            dengan = time.process_time() - mulai
        with tanpa_tembolok():
            mulai = time.process_time()
            penyaji.cetak(html)
            tanpa = time.process_time() - mulai
    finally:
        LaporanKinerja.objects.filter(pk=laporan.pk).update(kesimpulan=kesimpulan)
    return dengan, tanpa, halaman


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("muat_data_jember", verbosity=0, stdout=io.StringIO())
    laporan = LaporanKinerja.objects.select_related("kecamatan").get(
        kecamatan__slug="kencong", tahun=2025
    )
    # Warm-up: templates compiled, imports done (as in a running server). The measured run
    # uses a new renderer, so nothing the first one gathered is reused.
    penyaji_untuk("lkip", laporan).html()
    lupakan_grafik()  # the charts are drawn again, as for data that has just changed
    penyaji = penyaji_untuk("lkip", laporan)
    mulai = time.perf_counter()
    with CaptureQueriesContext(connection) as kueri:
        html = penyaji.html()
    t_html = detik(mulai)
    # Counted now: each request of the test client below clears the connection's query log.
    n_kueri = len(kueri.captured_queries)
    isi, halaman, t_pdf = penyaji.cetak(html)
    total = t_html + t_pdf

    operator = Pengguna.objects.filter(username="bench.operator").first() or (
        Pengguna.objects.create_user(
            "bench.operator",
            password="bench-sandi-2025",
            peran=Peran.OPERATOR,
            kabupaten=laporan.kecamatan.kabupaten,
            kecamatan=laporan.kecamatan,
        )
    )
    klien = Client()
    klien.force_login(operator)
    url = reverse("laporan:pdf-lkip", args=[laporan.kecamatan.slug, laporan.pk])
    mulai = time.perf_counter()
    klien.post(url)  # first request: renders and stores (inline, no worker)
    t_pertama = detik(mulai)

    mulai = time.perf_counter()
    jawaban = klien.post(url)
    unduh = klien.get(jawaban["Location"])
    bita = sum(len(b) for b in unduh.streaming_content)
    t_tetap = detik(mulai)

    print(f"LKIP Kencong 2025 ({connection.vendor})")
    print(f"  halaman                          {halaman}")
    print(f"  ukuran PDF                       {len(isi) / 1024:.0f} KiB ({bita} bita diunduh)")
    print(f"  data + HTML                      {t_html:.3f} s ({t_html / total:.1%} dari total)")
    print(f"  WeasyPrint                       {t_pdf:.3f} s")
    print(f"  total                            {total:.3f} s")
    print(f"  kueri SQL (data + HTML)          {n_kueri}")
    print(f"  permintaan pertama (render)      {t_pertama:.3f} s")
    print(f"  dokumen tak berubah disajikan    {t_tetap:.3f} s")
    print(f"  penetapan, dengan pekerja        {ukur_penetapan(laporan, ANTREAN_DB)}")
    print(f"  penetapan, tanpa pekerja         {ukur_penetapan(laporan, INLINE)}")
    dengan, tanpa, hlm = cpu_cetak_ulang(laporan)
    print("Cetak ulang sesudah satu narasi diubah (CPU WeasyPrint, time.process_time)")
    print(f"  dengan tembolok tata letak       {dengan:.2f} s ({hlm} halaman)")
    print(f"  tanpa tembolok                   {tanpa:.2f} s")
    print("CPU WeasyPrint per dokumen (time.process_time, tanpa tembolok)")
    cetak_cpu(ukur_semua())
    if "--tanpa-profil" not in sys.argv:
        cetak_profil(*profil_fase(penyaji_untuk("lkip", laporan)))


if __name__ == "__main__":
    main()
