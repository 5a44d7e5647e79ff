"""Services: ask for a document (served at once when nothing changed), render it (as a
background task), finalise an LKIP version, keep the print of an approved document.

An approved document (a ditetapkan LKIP, PK or IKU decree) is served only from the bytes
stored when it was approved, on every route (its page, the version links, the commands, the
admin): ``dokumen_final``. A draft is printed from its data as it stands now.
"""

import hashlib
import time
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from laporan.models import DokumenPDF

from .daftar import JENIS_SUMBER, penyaji_untuk
from .dasar import Penyaji


def sidik(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def minta_dokumen(*, jenis: str, objek, oleh=None) -> DokumenPDF:
    """The document of ``objek``: for an approved one its stored final print
    (``dokumen_final``), for a draft the document as its data stands now.

    The HTML is built (fast: selectors and a template) and fingerprinted; a finished document
    with the same fingerprint is returned as is. Otherwise a new one is queued and the task
    renders it: inline when no worker is configured, so it is then already finished too.
    """
    final = dokumen_final(jenis=jenis, objek=objek, oleh=oleh)
    if final is not None:
        return final
    penyaji = penyaji_untuk(jenis, objek)
    html = penyaji.html()
    kunci = sidik(html)
    ada = (
        DokumenPDF.objects.filter(
            jenis=jenis,
            objek_id=objek.pk,
            sidik_html=kunci,
            final=False,
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


# --- the print of an approved document -------------------------------------------------------

# A final print whose HTML is taken but whose rendering nobody has queued yet.
TAHAP_BEKU = "Dibekukan saat ditetapkan, menunggu dicetak"


def dokumen_final(*, jenis: str, objek, oleh=None, jadwalkan: bool = True) -> DokumenPDF | None:
    """The stored print of an approved document; None while ``objek`` is a draft.

    An LKIP's is the document of its latest VersiLKIP (the PDF the camat approved). A PK's
    or an IKU decree's is its ``final`` DokumenPDF, whose HTML was taken at approval
    (``bekukan``); one approved without it (loaded from fixtures, approved before this
    existed) is frozen now, so its first print after approval becomes its final for good.
    A final print not rendered yet, failed or whose file is gone is rendered again from its
    own stored HTML, never from the data as it stands now; ``jadwalkan`` False leaves the
    rendering to the caller (a command prints inline).
    """
    penyaji = penyaji_untuk(jenis, objek)
    if not penyaji.ditetapkan():
        return None
    dokumen = None
    if jenis == DokumenPDF.Jenis.LKIP:
        versi = objek.versi.select_related("dokumen").order_by("-nomor").first()
        dokumen = versi.dokumen if versi is not None else None
    if dokumen is None:
        dokumen = (
            DokumenPDF.objects.filter(jenis=jenis, objek_id=objek.pk, final=True)
            .order_by("dibuat", "pk")
            .first()
        )
    if dokumen is None:
        dokumen = bekukan(jenis=jenis, objek=objek, oleh=oleh, penyaji=penyaji)
    elif dokumen.status == DokumenPDF.Status.GAGAL or _berkas_hilang(dokumen):
        DokumenPDF.objects.filter(pk=dokumen.pk).update(
            status=DokumenPDF.Status.MENUNGGU, tahap=TAHAP_BEKU, pesan=""
        )
    if jadwalkan:
        _jadwalkan(dokumen.pk)
    dokumen.refresh_from_db()
    return dokumen


def bekukan(*, jenis: str, objek, oleh=None, penyaji: Penyaji | None = None) -> DokumenPDF:
    """Take the final HTML of an approved document now (what it says is fixed from here:
    an indicator renamed in the Renstra later does not reach it) and store it as its final
    print; it is rendered once, after the approval commits or when first asked."""
    penyaji = penyaji or penyaji_untuk(jenis, objek)
    html = penyaji.html()
    dokumen = DokumenPDF.objects.create(
        kecamatan=penyaji.kecamatan,
        jenis=jenis,
        objek_id=objek.pk,
        sidik_html=sidik(html),
        html=html,
        final=True,
        tahap=TAHAP_BEKU,
        nama_berkas=penyaji.nama_berkas(),
        dibuat_oleh=oleh,
    )
    transaction.on_commit(lambda: _jadwalkan(dokumen.pk))
    return dokumen


def _jadwalkan(dokumen_id: int) -> None:
    """Queue the rendering of a frozen final print, once: whoever moves it out of
    TAHAP_BEKU queues it (the approval's commit or the first request)."""
    if DokumenPDF.objects.filter(
        pk=dokumen_id, status=DokumenPDF.Status.MENUNGGU, tahap=TAHAP_BEKU
    ).update(tahap=""):
        cetak_dokumen.enqueue(dokumen_id)


def bekukan_saat_ditetapkan(sender, *, dokumen, ke: str, **kwargs) -> None:
    """Receiver of ``sakip.alur.transisi_dijalankan``: a PK or an IKU decree that becomes
    ditetapkan keeps the print of that moment (the LKIP's approval stores its own version,
    ``laporan.services.laporan_tetapkan``)."""
    jenis = JENIS_SUMBER.get(type(dokumen))
    if jenis is not None and ke == "ditetapkan":
        bekukan(jenis=jenis, objek=dokumen, oleh=kwargs.get("oleh"))


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
