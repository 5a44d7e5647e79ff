"""Download a printed document: ask for it (served at once when its data has not changed),
watch its progress while it renders, download the PDF."""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView, View

from kecamatan.halaman import KecamatanMixin
from sakip.akses import Izin
from sakip.berkas import JENIS_PDF, respons_tersimpan

from .dokumen.layanan import (
    BELUM_SELESAI,
    dokumen_cetak_ulang,
    menunggu_pekerja,
    minta_dokumen,
    periksa_macet,
)
from .models import DokumenPDF

logger = logging.getLogger(__name__)


class DokumenMinta(KecamatanMixin, View):
    """POST: the PDF of one source document (LKIP, decree, PK) of this kecamatan."""

    jenis: str = ""
    model = None  # the source document's model, set per route
    izin_kirim = Izin.MELIHAT  # whoever may read the document may print it

    def post(self, request, *args, **kwargs):
        objek = self.objek(self.model, pk=kwargs["pk"])
        dokumen = minta_dokumen(jenis=self.jenis, objek=objek, oleh=request.user)
        dokumen.refresh_from_db()
        if dokumen.status == DokumenPDF.Status.SELESAI:
            return redirect("laporan:dokumen-unduh", self.kecamatan.slug, dokumen.pk)
        return redirect("laporan:dokumen-status", self.kecamatan.slug, dokumen.pk)

    def http_method_not_allowed(self, request, *args, **kwargs):
        # Scope first: another kecamatan's document answers 404 whatever the method.
        self.objek(self.model, pk=kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)


class DokumenStatus(KecamatanMixin, TemplateView):
    """Progress of a document being rendered; polls itself (htmx) until the link is there."""

    model = DokumenPDF
    template_name = "laporan/dokumen/status.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["laporan/dokumen/_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # A render whose worker died is failed here, so the page offers to print it again.
        dokumen = periksa_macet(self.objek(DokumenPDF, pk=self.kwargs["pk"]))
        ctx.update(
            dokumen=dokumen,
            selesai=dokumen.status == DokumenPDF.Status.SELESAI,
            berjalan=dokumen.status in BELUM_SELESAI,
            menunggu_pekerja=menunggu_pekerja(dokumen),
            url_unduh=reverse("laporan:dokumen-unduh", args=[self.kecamatan.slug, dokumen.pk]),
        )
        return ctx


class DokumenUnduh(KecamatanMixin, View):
    model = DokumenPDF

    def get(self, request, *args, **kwargs):
        dokumen = self.objek(DokumenPDF, pk=kwargs["pk"])
        if dokumen.status != DokumenPDF.Status.SELESAI:
            # Still printing, or failed: its page says which (and offers to print it again).
            return redirect("laporan:dokumen-status", self.kecamatan.slug, dokumen.pk)
        if not dokumen.berkas:
            raise Http404("Dokumen belum selesai dibuat.")
        if not dokumen.berkas.storage.exists(dokumen.berkas.name):
            # The row is there but its file is not: a database restored without its media
            # folder. Said plainly to the user, and to the operator in the log.
            logger.error(
                "Berkas %s dokumen %s tidak ada di MEDIA_ROOT.", dokumen.berkas, dokumen.pk
            )
            konteks = {"dokumen": dokumen, "kecamatan": self.kecamatan, "tahun": self.tahun}
            return render(request, "laporan/dokumen/hilang.html", konteks, status=404)
        return respons_tersimpan(dokumen.berkas, nama=dokumen.nama_berkas, content_type=JENIS_PDF)


class DokumenCetakUlang(KecamatanMixin, View):
    """POST: print a failed document again, from the HTML it was asked with; back to the page
    the button was on (the LKIP page for a version), else to the document's progress."""

    model = DokumenPDF
    izin_kirim = Izin.MELIHAT  # whoever may read the document may print it

    def post(self, request, *args, **kwargs):
        dokumen = dokumen_cetak_ulang(
            dokumen=self.objek(DokumenPDF, pk=kwargs["pk"]), oleh=request.user
        )
        kembali = request.POST.get("kembali", "")
        if url_has_allowed_host_and_scheme(
            kembali, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(kembali)
        return redirect("laporan:dokumen-status", self.kecamatan.slug, dokumen.pk)

    def http_method_not_allowed(self, request, *args, **kwargs):
        # Scope first: another kecamatan's document answers 404 whatever the method.
        self.objek(DokumenPDF, pk=kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)
