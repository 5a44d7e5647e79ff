"""Printing and approving the LKIP: an unchanged document is served from its file; while a
document renders its page shows progress, then the link; the camat's approval stores the PDF
with its SHA-256 as a version that never changes; later changes make the next version."""

import hashlib

import pytest
from django.urls import reverse

from laporan.dokumen.layanan import cetak
from laporan.evaluasi import lkip_reviu
from laporan.models import DokumenPDF, LaporanKinerja, VersiLKIP
from perjanjian.models import NarasiSasaran
from sakip.penguncian import DataTerkunci

KONFIRMASI = {"konfirmasi": "1"}


@pytest.fixture
def lkip(kencong, syarat_lkip_kencong):
    return LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)


def minta(client, lkip):
    return client.post(reverse("laporan:pdf-lkip", args=["kencong", lkip.pk]))


def test_pdf_dibuat_lalu_dokumen_yang_sama_diambil_dari_berkas(
    client, operator_kencong, lkip, settings
):
    client.force_login(operator_kencong)
    response = minta(client, lkip)
    dokumen = DokumenPDF.objects.get(jenis="lkip", objek_id=lkip.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk])
    unduh = client.get(response["Location"])
    assert unduh["Content-Type"] == "application/pdf"
    isi = b"".join(unduh.streaming_content)
    assert isi.startswith(b"%PDF") and hashlib.sha256(isi).hexdigest() == dokumen.sha256

    again = minta(client, lkip)  # nothing changed: the stored file, no new rendering
    assert again["Location"] == response["Location"]
    assert DokumenPDF.objects.filter(jenis="lkip", objek_id=lkip.pk).count() == 1

    lkip.kesimpulan += " Ditambah satu kalimat."
    lkip.save()
    # The data changed: a new document (queued only: its printing is the test above's).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    minta(client, lkip)
    assert DokumenPDF.objects.filter(jenis="lkip", objek_id=lkip.pk).count() == 2


def test_halaman_menunjukkan_kemajuan_lalu_tautan(client, operator_kencong, lkip, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(operator_kencong)
    response = minta(client, lkip)
    dokumen = DokumenPDF.objects.get(jenis="lkip", objek_id=lkip.pk)
    assert response["Location"] == reverse("laporan:dokumen-status", args=["kencong", dokumen.pk])
    halaman = client.get(response["Location"])
    assert "Menunggu giliran" in halaman.text and 'hx-trigger="every 1s"' in halaman.text
    # Downloading before it is ready leads to its progress, never to a file.
    unduh = client.get(reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk]))
    assert unduh.status_code == 302 and unduh["Location"] == response["Location"]

    cetak(dokumen.pk)  # what the worker does
    halaman = client.get(response["Location"], headers={"HX-Request": "true"})
    assert "Dokumen siap" in halaman.text and "every 1s" not in halaman.text
    assert 'id="tautan-unduh"' in halaman.text


def test_operator_lain_tidak_dapat_meminta_atau_mengunduh(
    client, operator_kencong, operator_patrang, lkip, antrean_tanpa_pekerja
):
    # The document is queued, not printed: the test is about who may reach it.
    client.force_login(operator_kencong)
    dokumen_url = minta(client, lkip)["Location"]
    client.force_login(operator_patrang)
    assert minta(client, lkip).status_code == 404
    assert client.get(dokumen_url).status_code == 404
    silang = dokumen_url.replace("/kencong/", "/patrang/")
    assert client.get(silang).status_code == 404


def test_penetapan_ditolak_bila_narasi_belum_lengkap(client, camat_kencong, lkip, kencong):
    NarasiSasaran.objects.filter(
        sasaran__tujuan__renstra__kecamatan=kencong,
        tahun=2025,
        sasaran__tujuan__renstra__nama="Renstra 2025-2029",
        sasaran__nomor=2,
    ).delete()
    client.force_login(camat_kencong)
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), KONFIRMASI, follow=True
    )
    assert "LKIP 2025 belum dapat ditetapkan" in response.text
    assert "Narasi Sasaran 1.2" in response.text and "belum ditulis" in response.text
    assert LaporanKinerja.objects.get(pk=lkip.pk).status == "draft"
    assert not VersiLKIP.objects.exists()


def test_penetapan_menyimpan_pdf_dengan_sha256_dan_versi_berikutnya(
    client, camat_kencong, inspektorat, lkip
):
    lkip_reviu(laporan=lkip, catatan="Sesuai pedoman.", oleh=inspektorat)
    client.force_login(camat_kencong)
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), KONFIRMASI, follow=True
    )
    versi1 = VersiLKIP.objects.get(laporan=lkip)
    assert versi1.nomor == 1
    with versi1.dokumen.berkas.open("rb") as f:
        isi1 = f.read()
    assert hashlib.sha256(isi1).hexdigest() == versi1.sha256
    assert versi1.sha256 in response.text  # shown on the LKIP page
    assert "Versi yang ditetapkan" in response.text

    with pytest.raises(DataTerkunci):
        versi1.delete()

    response = client.post(reverse("laporan:lkip-versi-baru", args=["kencong", 2025]), follow=True)
    assert "Versi baru LKIP 2025 dibuka" in response.text
    lkip.refresh_from_db()
    assert lkip.status == "draft"
    lkip.kesimpulan = "Kesimpulan yang diperbaiki pada versi 2."
    lkip.save()
    # The next version is reviewed again before the camat approves it.
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), KONFIRMASI, follow=True
    )
    assert "LKIP 2025 belum direviu Inspektorat" in response.text
    lkip_reviu(laporan=lkip, catatan="Perbaikan versi 2 sesuai.", oleh=inspektorat)
    client.post(reverse("laporan:lkip-tetapkan", args=["kencong", 2025]), KONFIRMASI)

    versi = list(VersiLKIP.objects.filter(laporan=lkip).order_by("nomor"))
    assert [v.nomor for v in versi] == [1, 2]
    assert versi[1].sha256 != versi[0].sha256
    # Each version downloads under its own name; "Unduh PDF" hands out the latest as stored.
    assert [v.dokumen.nama_berkas for v in versi] == [
        "lkip-kencong-2025-versi-1.pdf",
        "lkip-kencong-2025-versi-2.pdf",
    ]
    diminta = minta(client, lkip)
    assert diminta["Location"] == reverse(
        "laporan:dokumen-unduh", args=["kencong", versi[1].dokumen_id]
    )
    unduh = client.get(diminta["Location"])
    assert hashlib.sha256(b"".join(unduh.streaming_content)).hexdigest() == versi[1].sha256
    with versi[0].dokumen.berkas.open("rb") as f:  # version 1 is exactly what it was
        assert hashlib.sha256(f.read()).hexdigest() == versi1.sha256


def test_operator_tidak_dapat_membuka_versi_baru(client, operator_kencong, lkip):
    LaporanKinerja.objects.filter(pk=lkip.pk).update(status="ditetapkan")
    client.force_login(operator_kencong)
    response = client.post(reverse("laporan:lkip-versi-baru", args=["kencong", 2025]))
    assert response.status_code == 403
    assert LaporanKinerja.objects.get(pk=lkip.pk).status == "ditetapkan"
