"""Services: ask for a document (served at once when nothing changed), render it (as a
background task), finalise an LKIP version."""

import hashlib
import time
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from laporan.models import DokumenPDF

from .daftar import penyaji_untuk
from .dasar import Penyaji


def sidik(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def minta_dokumen(*, jenis: str, objek, oleh=None) -> DokumenPDF:
    """The document of ``objek`` as its data stands now.

    The HTML is built (fast: selectors and a template) and fingerprinted; a finished document
    with the same fingerprint is returned as is. Otherwise a new one is queued and the task
    renders it: inline when no worker is configured, so it is then already finished too.
    """
    penyaji = penyaji_untuk(jenis, objek)
    html = penyaji.html()
    kunci = sidik(html)
    ada = (
        DokumenPDF.objects.filter(
            jenis=jenis,
            objek_id=objek.pk,
            sidik_html=kunci,
            status__in=[
                DokumenPDF.Status.SELESAI,
                DokumenPDF.Status.MENUNGGU,
                DokumenPDF.Status.BERJALAN,
            ],
        )
        .order_by("-dibuat")
        .first()
    )
    if ada is not None and not _berkas_hilang(ada):
        return ada
    dokumen = DokumenPDF.objects.create(
        kecamatan=penyaji.kecamatan,
        jenis=jenis,
        objek_id=objek.pk,
        sidik_html=kunci,
        html=html,
        nama_berkas=penyaji.nama_berkas(),
        dibuat_oleh=oleh,
    )
    # Queued in the same transaction: a database worker sees the task only once the document
    # row is committed with it; the inline backend prints it right here.
    cetak_dokumen.enqueue(dokumen.pk)
    return dokumen


def _berkas_hilang(dokumen: DokumenPDF) -> bool:
    """A finished document whose file is no longer in the storage (media restored without
    it, a moved server): printed again rather than served as a broken download."""
    if dokumen.status != DokumenPDF.Status.SELESAI:
        return False
    return not dokumen.berkas or not dokumen.berkas.storage.exists(dokumen.berkas.name)


def cetak(dokumen_id: int) -> DokumenPDF:
    """Render a queued document from the HTML it was asked with (so the PDF matches its
    fingerprint exactly) and store it with its SHA-256."""
    dokumen = DokumenPDF.objects.get(pk=dokumen_id)
    if dokumen.status == DokumenPDF.Status.SELESAI:
        return dokumen
    DokumenPDF.objects.filter(pk=dokumen.pk).update(
        status=DokumenPDF.Status.BERJALAN, tahap="Mencetak PDF (WeasyPrint)"
    )
    try:
        mulai = time.perf_counter()
        isi, halaman, _ = Penyaji.cetak(dokumen.html)
        detik = time.perf_counter() - mulai
    except Exception as e:  # a failed render is reported on the page, not lost
        DokumenPDF.objects.filter(pk=dokumen.pk).update(
            status=DokumenPDF.Status.GAGAL, tahap="", pesan=f"{type(e).__name__}: {e}"
        )
        raise
    dokumen.berkas.save(dokumen.nama_berkas, ContentFile(isi), save=False)
    dokumen.sha256 = hashlib.sha256(isi).hexdigest()
    dokumen.jumlah_halaman = halaman
    dokumen.detik_render = Decimal(f"{detik:.3f}")
    dokumen.status = DokumenPDF.Status.SELESAI
    dokumen.tahap = ""
    dokumen.selesai = timezone.now()
    dokumen.save()
    return dokumen


def cetak_sekarang(*, jenis: str, objek, oleh=None) -> DokumenPDF:
    """Render a document now, in this transaction (finalisation must not wait for a worker)."""
    penyaji = penyaji_untuk(jenis, objek)
    html = penyaji.html()
    dokumen = DokumenPDF.objects.create(
        kecamatan=penyaji.kecamatan,
        jenis=jenis,
        objek_id=objek.pk,
        sidik_html=sidik(html),
        html=html,
        nama_berkas=penyaji.nama_berkas(),
        dibuat_oleh=oleh,
    )
    return cetak(dokumen.pk)


@task()
def cetak_dokumen(dokumen_id: int) -> None:
    """The background task that renders a queued document (django-tasks; the inline backend
    runs it at once)."""
    cetak(dokumen_id)
