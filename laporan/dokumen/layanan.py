"""Services: ask for a document (served at once when nothing changed), render it (as a
background task), keep the print of an approved document, print a failed one again, and
notice a render whose worker died.

An approved document (a ditetapkan LKIP, PK or IKU decree) is served only from the bytes
stored when it was approved, on every route (its page, the version links, the commands, the
admin): ``dokumen_final``. A draft is printed from its data as it stands now.

The life of a ``DokumenPDF``: MENUNGGU (its HTML stored, its task queued) → BERJALAN (a run
took it: ``mulai``) → SELESAI (the complete PDF stored and the row marked in one step) or
GAGAL (the render raised, or its run died: see ``alasan_macet``). A failed document is
printed again from the same HTML (``dokumen_cetak_ulang``, and ``dokumen_final`` for an
approved one); an ordinary request for a draft whose last attempt failed makes a new one.
"""

import hashlib
import threading
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection, transaction
from django.utils import formats, timezone
from django_tasks import TaskResultStatus, task
from django_tasks.exceptions import TaskResultDoesNotExist

from kecamatan.models import Pengguna
from laporan.models import DokumenPDF, VersiLKIP
from sakip import akses
from sakip.akses import Izin

from .daftar import JENIS_SUMBER, penyaji_untuk
from .dasar import Penyaji

Status = DokumenPDF.Status
BELUM_SELESAI = (Status.MENUNGGU, Status.BERJALAN)
TAHAP_CETAK = "Mencetak PDF (WeasyPrint)"
# The queue does not know the task (pruned, or queued by another backend than the current).
TUGAS_HILANG = "hilang"


def sidik(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def minta_dokumen(*, jenis: str, objek, oleh=None) -> DokumenPDF:
    """The document of ``objek``: for an approved one its stored final print
    (``dokumen_final``), for a draft the document as its data stands now.

    The HTML is built (fast: selectors and a template) and fingerprinted; a finished document
    with the same fingerprint is returned as is, and so is one still being rendered, unless
    its render died (then it is marked failed and a new one is queued). Otherwise a new one
    is queued and the task renders it: inline when no worker is configured, so it is then
    already finished too.
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
            status__in=[Status.SELESAI, *BELUM_SELESAI],
        )
        .order_by("-dibuat")
        .first()
    )
    if ada is not None:
        ada = periksa_macet(ada)
        if ada.status != Status.GAGAL and not _berkas_hilang(ada):
            return ada
    dokumen = siapkan_dokumen(jenis=jenis, objek=objek, oleh=oleh, html=html)
    antrekan(dokumen)
    return dokumen


def siapkan_dokumen(*, jenis: str, objek, oleh=None, html: str | None = None) -> DokumenPDF:
    """A new document row holding the HTML to print (built now unless given), not queued."""
    penyaji = penyaji_untuk(jenis, objek)
    if html is None:
        html = penyaji.html()
    return DokumenPDF.objects.create(
        kecamatan=penyaji.kecamatan,
        jenis=jenis,
        objek_id=objek.pk,
        sidik_html=sidik(html),
        html=html,
        nama_berkas=penyaji.nama_berkas(),
        dibuat_oleh=oleh,
    )


def antrekan(dokumen: DokumenPDF) -> None:
    """Queue the rendering of a waiting document and keep its task's id.

    Inside a transaction a database queue gets the task together with what the transaction
    writes (a worker sees neither before the commit); the inline backend prints it here."""
    _antre(dokumen.pk)
    dokumen.refresh_from_db()


def _antre(dokumen_id: int) -> None:
    hasil = cetak_dokumen.enqueue(dokumen_id)
    DokumenPDF.objects.filter(pk=dokumen_id).update(id_tugas=str(hasil.id))


def _tanpa_proses() -> dict:
    """What a document waiting again is cleared of: the marks of its last run."""
    return {"pesan": "", "mulai": None, "detak": None, "id_tugas": "", "dibuat": timezone.now()}


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
    else:
        dokumen = periksa_macet(dokumen)  # a render that died is failed, then printed again
        if dokumen.status == DokumenPDF.Status.GAGAL or _berkas_hilang(dokumen):
            DokumenPDF.objects.filter(pk=dokumen.pk).update(
                status=DokumenPDF.Status.MENUNGGU, tahap=TAHAP_BEKU, **_tanpa_proses()
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
        _antre(dokumen_id)


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
    if dokumen.status != Status.SELESAI:
        return False
    return not dokumen.berkas or not dokumen.berkas.storage.exists(dokumen.berkas.name)


# --- rendering ------------------------------------------------------------------------------


def cetak(dokumen_id: int) -> DokumenPDF:
    """Render a queued document from the HTML it was asked with (so the PDF matches its
    fingerprint exactly) and store it with its SHA-256.

    Only a waiting document is taken, by a conditional update that also stamps ``mulai``:
    two runs of the same task, or a run of a document already finished or failed, do
    nothing. Only the run holding that stamp can finish the document (``_simpan``)."""
    mulai = timezone.now()
    diambil = DokumenPDF.objects.filter(pk=dokumen_id, status=Status.MENUNGGU).update(
        status=Status.BERJALAN, tahap=TAHAP_CETAK, pesan="", mulai=mulai, detak=mulai
    )
    dokumen = DokumenPDF.objects.get(pk=dokumen_id)
    if not diambil:
        return dokumen
    try:
        with _TandaHidup(dokumen_id, mulai):
            isi, halaman, detik = Penyaji.cetak(dokumen.html)
    except Exception as e:  # a failed render is reported on the page, not lost
        DokumenPDF.objects.filter(pk=dokumen_id, status=Status.BERJALAN, mulai=mulai).update(
            status=Status.GAGAL, tahap="", pesan=f"{type(e).__name__}: {e}"
        )
        raise
    return _simpan(dokumen, mulai=mulai, isi=isi, halaman=halaman, detik=detik)


def _simpan(dokumen: DokumenPDF, *, mulai, isi: bytes, halaman: int, detik: float):
    """The one step in which a document becomes downloadable.

    The file's name is recorded on the row (still BERJALAN, so nothing serves it) before the
    file is written: a process killed while writing leaves a partial file its row names,
    which ``periksa_macet`` removes when it declares the render dead. The complete PDF is
    then written to the storage; then one UPDATE, which only succeeds while this run still
    holds the document, marks it SELESAI with the file's name, and the version it belongs to
    gets its SHA-256 in the same transaction. A run that lost the document meanwhile
    (declared dead, printed again) removes its file and changes nothing; a file left by
    anything else (a name taken by a concurrent render) is found by
    ``manage.py bersihkan_berkas_dokumen``."""
    sha = hashlib.sha256(isi).hexdigest()
    berkas = dokumen.berkas
    storage = berkas.storage
    nama = storage.get_available_name(berkas.field.generate_filename(dokumen, dokumen.nama_berkas))
    masih_dipegang = DokumenPDF.objects.filter(pk=dokumen.pk, status=Status.BERJALAN, mulai=mulai)
    if not masih_dipegang.update(berkas=nama):
        dokumen.refresh_from_db()
        return dokumen
    nama = storage.save(nama, ContentFile(isi))
    try:
        with transaction.atomic():
            menang = DokumenPDF.objects.filter(
                pk=dokumen.pk, status=Status.BERJALAN, mulai=mulai
            ).update(
                berkas=nama,
                sha256=sha,
                jumlah_halaman=halaman,
                detik_render=Decimal(f"{detik:.3f}"),
                status=Status.SELESAI,
                tahap="",
                pesan="",
                selesai=timezone.now(),
            )
            if menang:
                VersiLKIP.objects.filter(dokumen_id=dokumen.pk, sha256="").update(sha256=sha)
    except BaseException:
        masih_dipegang.update(berkas="")
        buang_berkas(nama)
        raise
    if not menang:
        buang_berkas(nama)
    dokumen.refresh_from_db()
    return dokumen


def buang_berkas(nama: str, *, kecuali: int | None = None) -> bool:
    """Remove the stored file ``nama`` unless a document row other than ``kecuali`` names it
    (a render that lost its name to another keeps its hands off that one's file)."""
    if not nama or DokumenPDF.objects.filter(berkas=nama).exclude(pk=kecuali).exists():
        return False
    DokumenPDF._meta.get_field("berkas").storage.delete(nama)
    return True


class _TandaHidup:
    """While a worker prints, a thread writes ``detak`` every DOKUMEN_DETAK_DETIK seconds, so
    a render whose process died is recognised within a minute (``alasan_macet``) instead of
    at the end of DOKUMEN_BATAS_CETAK. Not started for inline rendering: there the request
    itself is the render's life, and a second connection would wait on its transaction."""

    def __init__(self, dokumen_id: int, mulai):
        self.dokumen_id, self.mulai = dokumen_id, mulai
        self.berhenti = threading.Event()
        self.utas = None

    def __enter__(self):
        if cetak_dokumen.get_backend().supports_get_result and not connection.in_atomic_block:
            self.utas = threading.Thread(target=self._detak, daemon=True, name="detak-cetak")
            self.utas.start()
        return self

    def __exit__(self, *exc):
        self.berhenti.set()
        if self.utas is not None:
            self.utas.join()

    def _detak(self):
        try:
            while not self.berhenti.wait(settings.DOKUMEN_DETAK_DETIK):
                try:
                    DokumenPDF.objects.filter(
                        pk=self.dokumen_id, status=Status.BERJALAN, mulai=self.mulai
                    ).update(detak=timezone.now())
                except Exception:  # noqa: BLE001 - a missed beat is retried; the lease is long
                    close_old_connections()
        finally:
            connection.close()


@task()
def cetak_dokumen(dokumen_id: int) -> None:
    """The background task that renders a queued document (django-tasks; the inline backend
    runs it at once)."""
    cetak(dokumen_id)


# --- a render that died ---------------------------------------------------------------------


def _status_tugas(dokumen: DokumenPDF) -> str | None:
    """The state of the document's task in the queue (a TaskResultStatus value, or
    TUGAS_HILANG); None when the backend keeps no results (inline) or no id is known yet."""
    if not dokumen.id_tugas or not cetak_dokumen.get_backend().supports_get_result:
        return None
    try:
        return cetak_dokumen.get_result(dokumen.id_tugas).status
    except TaskResultDoesNotExist:
        return TUGAS_HILANG


def _jam(waktu, *, detik: bool = False) -> str:
    return formats.date_format(timezone.localtime(waktu), "H.i.s" if detik else "H.i")


def alasan_macet(dokumen: DokumenPDF, *, sekarang=None) -> str | None:
    """Why a waiting or running document will never finish, in the words its page shows;
    None while it still can.

    - its task is still in the queue: it will be printed when a worker takes it (however
      long that is: the page then says no worker seems to run, see ``menunggu_pekerja``);
    - its task has ended or is gone while the document did not finish: the run died between
      the two (or the queue was cleared);
    - it is printing in a worker whose sign of life (``detak``) stopped for 6 beats;
    - otherwise, it is older than DOKUMEN_BATAS_CETAK since its run took it (or since it was
      asked, when no run took it): an inline render whose process died, or a render hung.
    """
    if dokumen.status not in BELUM_SELESAI or dokumen.tahap == TAHAP_BEKU:
        return None  # a frozen final print not queued yet: the next request for it queues it
    sekarang = sekarang or timezone.now()
    tugas = _status_tugas(dokumen)
    if tugas == TaskResultStatus.READY:
        return None
    if tugas in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED, TUGAS_HILANG):
        return (
            "Pencetakan terhenti: tugasnya di antrean sudah berakhir tetapi dokumen tidak "
            "selesai (pekerja latar belakang berhenti di tengah pencetakan)."
        )
    if (
        tugas == TaskResultStatus.RUNNING
        and dokumen.status == Status.BERJALAN
        and dokumen.detak is not None
        and sekarang - dokumen.detak > timedelta(seconds=6 * settings.DOKUMEN_DETAK_DETIK)
    ):
        return (
            "Pencetakan terhenti: pekerja latar belakang yang mulai mencetaknya pukul "
            f"{_jam(dokumen.mulai, detik=True)} tidak memberi tanda hidup lagi sejak pukul "
            f"{_jam(dokumen.detak, detik=True)}."
        )
    sejak = dokumen.mulai or dokumen.dibuat
    batas = timedelta(seconds=settings.DOKUMEN_BATAS_CETAK)
    if sekarang - sejak > batas:
        menit = max(1, settings.DOKUMEN_BATAS_CETAK // 60)
        return (
            f"Pencetakan tidak selesai dalam {menit} menit sejak {_jam(sejak)}; proses yang "
            "mencetaknya kemungkinan berhenti di tengah jalan."
        )
    return None


def periksa_macet(dokumen: DokumenPDF) -> DokumenPDF:
    """The document as it stands; one whose render died (``alasan_macet``) is marked GAGAL
    with the reason first, so its page offers to print it again instead of waiting for
    ever. The update is conditional: a run that finished meanwhile wins. The partial file
    the dead run was writing (its name is recorded before writing, ``_simpan``) is removed;
    once GAGAL the run can no longer record another name nor finish."""
    alasan = alasan_macet(dokumen)
    if alasan is not None:
        mati = DokumenPDF.objects.filter(
            pk=dokumen.pk, status=dokumen.status, mulai=dokumen.mulai
        ).update(status=Status.GAGAL, tahap="", pesan=alasan)
        if mati:
            sisa = DokumenPDF.objects.filter(pk=dokumen.pk).values_list("berkas", flat=True)[0]
            if sisa:
                buang_berkas(sisa, kecuali=dokumen.pk)
                DokumenPDF.objects.filter(pk=dokumen.pk, status=Status.GAGAL).update(berkas="")
        dokumen.refresh_from_db()
    return dokumen


def menunggu_pekerja(dokumen: DokumenPDF, *, sekarang=None) -> bool:
    """A document still in the queue after half a minute: no worker seems to be running."""
    sekarang = sekarang or timezone.now()
    return dokumen.status == Status.MENUNGGU and sekarang - dokumen.dibuat > timedelta(seconds=30)


def dokumen_cetak_ulang(*, dokumen: DokumenPDF, oleh: Pengguna) -> DokumenPDF:
    """Print a failed document again, from the HTML it was asked with: a version of the LKIP
    is printed exactly as it was approved, whatever changed since. Whoever may read the
    document may ask; a document that has not failed is returned as it is (a second click)."""
    akses.wajib(oleh, Izin.MELIHAT, dokumen.kecamatan)
    dokumen = periksa_macet(dokumen)
    with transaction.atomic():
        dibuka = DokumenPDF.objects.filter(pk=dokumen.pk, status=Status.GAGAL).update(
            status=Status.MENUNGGU, tahap="", **_tanpa_proses()
        )
        if dibuka:
            antrekan(dokumen)
    dokumen.refresh_from_db()
    return dokumen
