"""Long work never blocks a request: with a task worker configured (the database queue that
`make run` uses) the camat's approval and the first PDF answer at once and the page shows the
progress, then the link; a render that fails or whose worker dies is shown as failed and
printed again on request, never left "sedang dibuat" for ever, and never served half-written.

The worker itself is django-tasks-db's: each queued task is claimed and run by its
``Worker.run_task`` here in the test's process, where `db_worker` would run it in its own."""

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from iku.models import Renstra
from laporan.dokumen.dasar import Penyaji
from laporan.dokumen.layanan import _simpan, siapkan_dokumen
from laporan.evaluasi import lkip_reviu
from laporan.models import DokumenPDF, LaporanKinerja, VersiLKIP
from perjanjian.models import PerjanjianKinerja
from sakip.penguncian import DataTerkunci

ANTREAN_DB = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PDF_UJI = b"%PDF-1.7\n% dokumen uji\n%%EOF\n"


def jalankan_pekerja() -> None:
    """What `manage.py db_worker` does with each waiting task: claim it and run it
    (``Worker.run_task``); its polling loop is left out, as it closes the test's
    connection between tasks."""
    pekerja = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="pekerja-uji",
        excluded_queue_names=[],
    )
    while (tugas := DBTaskResult.objects.ready().first()) is not None:
        tugas.claim(pekerja.worker_id)
        pekerja.run_task(tugas)


@pytest.fixture
def antrean_db(settings):
    settings.TASKS = ANTREAN_DB


@pytest.fixture
def lkip_direviu(kencong, inspektorat, syarat_lkip_kencong):
    laporan = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    lkip_reviu(laporan=laporan, catatan="Sesuai pedoman.", oleh=inspektorat)
    return laporan


@pytest.fixture
def perjanjian(kencong):
    """A draft PK 2026 of Kencong: printed from its data on each request (an approved one is
    served from its stored final print, tests/test_dokumen_final_tersimpan.py)."""
    return PerjanjianKinerja.objects.create(
        kecamatan=kencong,
        tahun=2026,
        renstra=Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029"),
        tempat="Jember",
        pihak_pertama_nama="Ronny Arvianto, S.E., M.M.",
        pihak_pertama_jabatan="Camat Kencong",
        pihak_kedua_nama="Muhammad Fawait",
        pihak_kedua_jabatan="Bupati Jember",
    )


@pytest.fixture
def pencetak_palsu(monkeypatch):
    """WeasyPrint replaced by a renderer that answers at once (or fails, when told): these
    tests are about the flow around the render; tests/test_dokumen_lkip_final.py prints."""
    keadaan = {"galat": None}

    def cetak(html):
        if keadaan["galat"]:
            raise keadaan["galat"]
        return PDF_UJI, 1, 0.01

    monkeypatch.setattr(Penyaji, "cetak", staticmethod(cetak))
    return keadaan


def url_status(dokumen):
    return reverse("laporan:dokumen-status", args=["kencong", dokumen.pk])


# --- with a worker: nothing waits for WeasyPrint ----------------------------------------------


def test_penetapan_menjawab_tanpa_mencetak_lalu_pekerja_mencetak_versinya(
    client, camat_kencong, lkip_direviu, antrean_db
):
    client.force_login(camat_kencong)
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), {"konfirmasi": "1"}, follow=True
    )
    lkip_direviu.refresh_from_db()
    assert lkip_direviu.status == "ditetapkan"
    versi = VersiLKIP.objects.get(laporan=lkip_direviu)
    dokumen = versi.dokumen
    # Approved and queued, not printed: no file, no SHA-256 yet, one task waiting.
    assert dokumen.status == "menunggu" and not dokumen.berkas and versi.sha256 == ""
    assert DBTaskResult.objects.get(id=dokumen.id_tugas).status == "READY"
    assert "LKIP 2025 ditetapkan" in response.text
    assert "PDF versi 1 sedang dicetak di latar belakang" in response.text
    assert "Versi 1 sedang dicetak" in response.text
    url_blok = reverse("laporan:lkip-dokumen", args=["kencong", 2025])
    assert f'hx-get="{url_blok}"' in response.text

    jalankan_pekerja()

    blok = client.get(url_blok, headers={"HX-Request": "true"})
    versi.refresh_from_db()
    dokumen.refresh_from_db()
    assert dokumen.status == "selesai"
    with dokumen.berkas.open("rb") as f:
        isi = f.read()
    assert isi.startswith(b"%PDF") and hashlib.sha256(isi).hexdigest() == versi.sha256
    assert versi.sha256 in blok.text and "hx-get" not in blok.text
    assert reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk]) in blok.text
    assert DBTaskResult.objects.get(id=dokumen.id_tugas).status == "SUCCESSFUL"


def test_pdf_diantrekan_halaman_menunjukkan_kemajuan_lalu_tautan(
    client, operator_kencong, perjanjian, antrean_db, pencetak_palsu
):
    client.force_login(operator_kencong)
    response = client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    dokumen = DokumenPDF.objects.get(jenis="perjanjian", objek_id=perjanjian.pk)
    assert response["Location"] == url_status(dokumen)
    assert dokumen.status == "menunggu" and not dokumen.berkas
    halaman = client.get(url_status(dokumen))
    assert "Menunggu giliran" in halaman.text and 'hx-trigger="every 1s"' in halaman.text

    jalankan_pekerja()

    halaman = client.get(url_status(dokumen), headers={"HX-Request": "true"})
    assert "Dokumen siap" in halaman.text and 'id="tautan-unduh"' in halaman.text
    unduh = client.get(reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk]))
    assert b"".join(unduh.streaming_content) == PDF_UJI


def test_tanpa_pekerja_dokumen_menunggu_dan_halaman_mengatakannya(
    client, operator_kencong, perjanjian, antrean_db
):
    client.force_login(operator_kencong)
    client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    dokumen = DokumenPDF.objects.get(jenis="perjanjian", objek_id=perjanjian.pk)
    lama = timezone.now() - timedelta(minutes=15)
    DokumenPDF.objects.filter(pk=dokumen.pk).update(dibuat=lama)
    halaman = client.get(url_status(dokumen))
    # Its task is still in the queue: it will be printed, so it is not failed.
    assert "Menunggu giliran" in halaman.text
    assert "Belum ada pekerja latar belakang yang mengambil dokumen ini" in halaman.text
    assert DokumenPDF.objects.get(pk=dokumen.pk).status == "menunggu"


# --- a failed render loses nothing ------------------------------------------------------------


def test_cetak_gagal_tidak_membatalkan_penetapan_dan_dapat_dicetak_lagi(
    client, camat_kencong, lkip_direviu, pencetak_palsu
):
    """Inline (no worker): the render fails inside the approval, which stands."""
    pencetak_palsu["galat"] = RuntimeError("Pango tidak ditemukan")
    client.force_login(camat_kencong)
    url_lkip = reverse("laporan:lkip", args=["kencong", 2025])
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), {"konfirmasi": "1"}, follow=True
    )
    lkip_direviu.refresh_from_db()
    versi = VersiLKIP.objects.get(laporan=lkip_direviu)
    assert lkip_direviu.status == "ditetapkan"
    assert versi.dokumen.status == "gagal" and versi.sha256 == ""
    assert "Pencetakan PDF versi 1 gagal: RuntimeError: Pango tidak ditemukan" in response.text
    assert "Penetapan dan datanya tetap tersimpan" in response.text
    url_ulang = reverse("laporan:dokumen-ulang", args=["kencong", versi.dokumen.pk])
    assert f'action="{url_ulang}"' in response.text
    # The download of the failed document leads to its page, which says so.
    unduh = client.get(reverse("laporan:dokumen-unduh", args=["kencong", versi.dokumen.pk]))
    assert unduh["Location"] == url_status(versi.dokumen)
    halaman = client.get(unduh["Location"])
    assert "Dokumen gagal dibuat: RuntimeError: Pango tidak ditemukan" in halaman.text
    assert 'id="tombol-coba-lagi"' in halaman.text

    pencetak_palsu["galat"] = None
    html_ditetapkan = versi.dokumen.html
    response = client.post(url_ulang, {"kembali": url_lkip}, follow=True)
    versi.refresh_from_db()
    assert response.redirect_chain[-1][0] == url_lkip
    assert versi.dokumen.status == "selesai" and versi.dokumen.html == html_ditetapkan
    assert versi.sha256 == hashlib.sha256(PDF_UJI).hexdigest() == versi.dokumen.sha256
    assert versi.sha256 in response.text
    assert DokumenPDF.objects.filter(jenis="lkip").count() == 1  # the same document, again


def test_cetak_ulang_hanya_untuk_yang_boleh_melihat(client, operator_patrang, dokumen_kencong):
    client.force_login(operator_patrang)
    response = client.post(reverse("laporan:dokumen-ulang", args=["kencong", dokumen_kencong.pk]))
    assert response.status_code == 404


def test_sha256_versi_hanya_diisi_sekali_dari_dokumennya(dokumen_kencong, camat_kencong):
    versi1 = VersiLKIP.objects.get(dokumen=dokumen_kencong)
    with pytest.raises(DataTerkunci):
        VersiLKIP.objects.filter(pk=versi1.pk).update(sha256="2" * 64)
    # A version just approved, its PDF not printed yet.
    versi = VersiLKIP.objects.create(
        laporan=versi1.laporan, nomor=2, dokumen=dokumen_kencong, ditetapkan_oleh=camat_kencong
    )
    with pytest.raises(DataTerkunci):  # not the SHA-256 of its document
        VersiLKIP.objects.filter(pk=versi.pk).update(sha256="2" * 64)
    with pytest.raises(DataTerkunci):  # nothing else changes with it
        VersiLKIP.objects.filter(pk=versi.pk).update(sha256=dokumen_kencong.sha256, nomor=3)
    VersiLKIP.objects.filter(pk=versi.pk).update(sha256=dokumen_kencong.sha256)
    with pytest.raises(DataTerkunci):  # once only
        VersiLKIP.objects.filter(pk=versi.pk).update(sha256="")


# --- a worker that died -----------------------------------------------------------------------


def test_cetak_yang_mati_tanpa_antrean_gagal_lalu_permintaan_berikutnya_mencetak_baru(
    client, operator_kencong, perjanjian, pencetak_palsu
):
    """Inline: a process killed mid-render left its document BERJALAN; past
    DOKUMEN_BATAS_CETAK it is failed, and asking again prints a fresh one."""
    client.force_login(operator_kencong)
    mati = siapkan_dokumen(jenis="perjanjian", objek=perjanjian)
    sebelas_menit = timezone.now() - timedelta(minutes=11)
    DokumenPDF.objects.filter(pk=mati.pk).update(
        status="berjalan", tahap="Mencetak PDF (WeasyPrint)", mulai=sebelas_menit
    )
    halaman = client.get(url_status(mati))
    assert "Dokumen gagal dibuat: Pencetakan tidak selesai dalam 10 menit" in halaman.text
    assert "every 1s" not in halaman.text and 'id="tombol-coba-lagi"' in halaman.text

    response = client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    baru = DokumenPDF.objects.exclude(pk=mati.pk).get(jenis="perjanjian")
    assert response["Location"] == reverse("laporan:dokumen-unduh", args=["kencong", baru.pk])
    assert baru.status == "selesai"


def test_dokumen_macet_dikenali_pada_permintaan_berikutnya(
    client, operator_kencong, perjanjian, settings, pencetak_palsu
):
    """Inline: the next request for a document stuck BERJALAN does not wait for it."""
    client.force_login(operator_kencong)
    mati = siapkan_dokumen(jenis="perjanjian", objek=perjanjian)
    DokumenPDF.objects.filter(pk=mati.pk).update(
        status="berjalan",
        mulai=timezone.now() - timedelta(seconds=settings.DOKUMEN_BATAS_CETAK + 1),
    )
    response = client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    assert DokumenPDF.objects.get(pk=mati.pk).status == "gagal"
    assert "/unduh/" in response["Location"]


def test_pekerja_mati_di_tengah_cetak_dikenali_dari_tanda_hidupnya(
    client, operator_kencong, perjanjian, antrean_db, pencetak_palsu
):
    client.force_login(operator_kencong)
    client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    dokumen = DokumenPDF.objects.get(jenis="perjanjian")
    tugas_lama = dokumen.id_tugas
    # A worker took the task and started printing, then was killed: the queue still says
    # RUNNING, the document BERJALAN, and its last sign of life is two minutes old.
    DBTaskResult.objects.get(id=tugas_lama).claim("pekerja-yang-mati")
    dua_menit = timezone.now() - timedelta(minutes=2)
    DokumenPDF.objects.filter(pk=dokumen.pk).update(
        status="berjalan", tahap="Mencetak PDF (WeasyPrint)", mulai=dua_menit, detak=dua_menit
    )

    halaman = client.get(url_status(dokumen))
    assert "Dokumen gagal dibuat: Pencetakan terhenti" in halaman.text
    assert "tidak memberi tanda hidup lagi" in halaman.text

    client.post(reverse("laporan:dokumen-ulang", args=["kencong", dokumen.pk]))
    dokumen.refresh_from_db()
    assert dokumen.status == "menunggu" and dokumen.id_tugas != tugas_lama
    assert client.get(url_status(dokumen)).text.count("Menunggu giliran") == 1
    jalankan_pekerja()
    dokumen.refresh_from_db()
    assert dokumen.status == "selesai" and dokumen.berkas


def test_tugas_yang_berakhir_tanpa_dokumen_selesai_langsung_gagal(
    client, operator_kencong, perjanjian, antrean_db
):
    client.force_login(operator_kencong)
    client.post(reverse("laporan:pdf-perjanjian", args=["kencong", perjanjian.pk]))
    dokumen = DokumenPDF.objects.get(jenis="perjanjian")
    DBTaskResult.objects.filter(id=dokumen.id_tugas).update(status="FAILED")
    halaman = client.get(url_status(dokumen))
    assert "tugasnya di antrean sudah berakhir tetapi dokumen tidak selesai" in halaman.text


def test_proses_yang_kehilangan_dokumennya_tidak_meninggalkan_berkas(perjanjian):
    """A run declared dead that finishes after all: its PDF is neither stored nor served."""
    dokumen = siapkan_dokumen(jenis="perjanjian", objek=perjanjian)
    mulai_lama = timezone.now() - timedelta(minutes=20)
    DokumenPDF.objects.filter(pk=dokumen.pk).update(status="gagal", mulai=mulai_lama)
    folder = Path(django_settings.MEDIA_ROOT) / "dokumen"
    sebelum = set(folder.rglob("*")) if folder.exists() else set()

    _simpan(dokumen, mulai=mulai_lama, isi=PDF_UJI, halaman=1, detik=1.0)

    dokumen.refresh_from_db()
    assert dokumen.status == "gagal" and not dokumen.berkas and not dokumen.sha256
    sesudah = set(folder.rglob("*")) if folder.exists() else set()
    assert sesudah == sebelum


# --- `make run` starts the worker -------------------------------------------------------------


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _anak(pid: int, kolom: str = "args=") -> list[str]:
    keluaran = subprocess.run(
        ["ps", "-o", kolom, "--ppid", str(pid)], capture_output=True, text=True
    ).stdout
    return [baris for baris in keluaran.splitlines() if baris.strip()]


def test_layani_menjalankan_server_dan_pekerja_lalu_menghentikan_keduanya(tmp_path):
    basis = f"sqlite:///{tmp_path}/layani.sqlite3"
    lingkungan = {**os.environ, "DATABASE_URL": basis}
    manage = [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py")]
    # The worker needs only its queue table.
    subprocess.run([*manage, "migrate", "django_tasks_database", "-v0"], env=lingkungan, check=True)
    port = _port_bebas()
    log = tmp_path / "layani.log"
    with log.open("wb") as keluar:
        proses = subprocess.Popen(
            [*manage, "layani", f"127.0.0.1:{port}", "--tanpa-muat-ulang"],
            env=lingkungan,
            stdout=keluar,
            stderr=subprocess.STDOUT,
        )
    try:
        batas = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < batas, "server tidak menjawab"
                time.sleep(0.3)
        anak = _anak(proses.pid)
        assert any("db_worker" in a for a in anak), anak
        assert any("runserver" in a for a in anak), anak
        pid_anak = [int(baris.split()[0]) for baris in _anak(proses.pid, kolom="pid=,args=")]
    finally:
        proses.send_signal(signal.SIGINT)  # Ctrl-C
        proses.wait(timeout=30)
    assert "pekerja latar belakang berjalan" in log.read_text()
    for pid in pid_anak:
        assert not Path(f"/proc/{pid}").exists(), f"proses {pid} masih berjalan"
