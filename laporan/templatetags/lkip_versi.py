"""The approved versions of an LKIP and its PDF download, on the LKIP page."""

from django import template
from django.urls import reverse

from laporan.dokumen.layanan import BELUM_SELESAI, periksa_macet
from laporan.models import VersiLKIP
from sakip import akses

register = template.Library()


@register.inclusion_tag("laporan/lkip/_dokumen_versi.html", takes_context=True)
def dokumen_lkip(context, laporan):
    """The 'Unduh PDF' button, the approved versions (each PDF with its SHA-256, never
    changed) and, for the camat of an approved LKIP, opening its next version. One query.

    A version whose PDF is still being printed shows its progress and the block reloads
    itself (htmx, ``laporan:lkip-dokumen``) until the link is there; one whose render died
    is marked failed here (``periksa_macet``) and offers to print it again."""
    kecamatan = laporan.kecamatan
    versi = list(
        VersiLKIP.objects.filter(laporan=laporan)
        .select_related("dokumen", "ditetapkan_oleh")
        .order_by("-nomor")
    )
    for v in versi:
        if v.dokumen.status in BELUM_SELESAI:
            v.dokumen = periksa_macet(v.dokumen)
    dicetak = any(v.dokumen.status in BELUM_SELESAI for v in versi)
    request = context["request"]
    return {
        "laporan": laporan,
        "kecamatan": kecamatan,
        "versi": versi,
        "url_pdf": reverse("laporan:pdf-lkip", args=[kecamatan.slug, laporan.pk]),
        "url_muat": (
            reverse("laporan:lkip-dokumen", args=[kecamatan.slug, laporan.tahun]) if dicetak else ""
        ),
        "url_halaman": reverse("laporan:lkip", args=[kecamatan.slug, laporan.tahun]),
        "bisa_membuka": laporan.status == laporan.Status.DITETAPKAN
        and akses.boleh_menetapkan(request.user, kecamatan),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
