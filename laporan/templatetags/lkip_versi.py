"""The approved versions of an LKIP and its PDF download, on the LKIP page."""

from django import template
from django.urls import reverse

from laporan.models import DokumenPDF, VersiLKIP
from sakip import akses

register = template.Library()


@register.inclusion_tag("laporan/lkip/_dokumen_versi.html", takes_context=True)
def dokumen_lkip(context, laporan):
    """The 'Unduh PDF' button, the approved versions (each PDF with its SHA-256, never
    changed) and, for the camat of an approved LKIP, opening its next version. One query."""
    kecamatan = laporan.kecamatan
    versi = list(
        VersiLKIP.objects.filter(laporan=laporan)
        .select_related("dokumen", "ditetapkan_oleh")
        .order_by("-nomor")
    )
    return {
        "laporan": laporan,
        "kecamatan": kecamatan,
        "versi": versi,
        "url_pdf": reverse("laporan:pdf-lkip", args=[kecamatan.slug, laporan.pk]),
        "bisa_membuka": laporan.status == laporan.Status.DITETAPKAN
        and akses.boleh_menetapkan(context["request"].user, kecamatan),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "status_selesai": DokumenPDF.Status.SELESAI,
    }
