"""The LKIP of a kecamatan and year, every table generated from the stored data, bound with
its lampiran: the PK of the year and the IKU decrees in force, each printed by its own
renderer with its own CSS, then the Renstra tables the LKIP prints itself."""

import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from laporan.isi_lkip.awal import konteks_awal
from laporan.isi_lkip.capaian import konteks_capaian
from laporan.models import DokumenPDF

from .dasar import Penyaji, gabung_dokumen, penanda_halaman
from .keputusan import PenyajiKeputusan
from .perjanjian import PenyajiPerjanjian

PENYAJI_LAMPIRAN = {
    "perjanjian": (DokumenPDF.Jenis.PERJANJIAN, PenyajiPerjanjian),
    "keputusan": (DokumenPDF.Jenis.KEPUTUSAN, PenyajiKeputusan),
}


# The mark every document prints on each page of a draft (dokumen.css, which every document
# links): a draft LKIP puts it on the pages of the annexes it binds as well.
TANDA_DRAF = '<div class="tanda-draf" aria-hidden="true">DRAF</div>'


def tandai_draf(html: str) -> str:
    if 'class="tanda-draf"' in html:
        return html
    return re.sub(r"<body[^>]*>", lambda m: m.group(0) + TANDA_DRAF, html, count=1)


def html_lampiran(jenis: str, objek) -> str:
    """The HTML of an annexed PK or IKU decree: an approved one as it was frozen at its
    approval (its final print, what was signed), a draft from its renderer now."""
    jenis_dokumen, kelas = PENYAJI_LAMPIRAN[jenis]
    penyaji = kelas(objek)
    if penyaji.ditetapkan():
        beku = (
            DokumenPDF.objects.filter(jenis=jenis_dokumen, objek_id=objek.pk, final=True)
            .order_by("dibuat", "pk")
            .values_list("html", flat=True)
            .first()
        )
        if beku:
            return beku
    return penyaji.html()


def halaman_lampiran(lampiran) -> list[tuple]:
    """(entry, the marker of the page it starts on) for each annex, in the LKIP's own page
    numbering (BAB I is page 1), counted on through the parts bound after it
    (``dasar.PENANDA_HALAMAN``): each PK and decree is a part of its own, in the list's
    order, and every Renstra table is in the one part after them, starting at its anchor."""
    bagian = [e for e in lampiran if e.jenis in PENYAJI_LAMPIRAN]
    hasil = []
    for e in lampiran:
        if e.jenis in PENYAJI_LAMPIRAN:
            penanda = penanda_halaman(bagian.index(e) + 1, mulai="bab-1")
        else:
            penanda = penanda_halaman(len(bagian) + 1, jangkar=f"lampiran-{e.nomor}", mulai="bab-1")
        hasil.append((e, mark_safe(penanda)))
    return hasil


class PenyajiLKIP(Penyaji):
    jenis = "lkip"
    template_name = "laporan/dokumen/lkip/dokumen.html"
    template_lampiran_renstra = "laporan/dokumen/lkip/lampiran_renstra.html"

    def konteks(self) -> dict:
        laporan = self.objek
        awal = konteks_awal(laporan)
        return {
            "laporan": laporan,
            "kecamatan": laporan.kecamatan,
            "kabupaten": laporan.kecamatan.kabupaten,
            "tahun": laporan.tahun,
            "draf": laporan.status != laporan.Status.DITETAPKAN,
            "halaman_lampiran": halaman_lampiran(awal["awal"].lampiran),
            **awal,
            **konteks_capaian(laporan),
        }

    def html(self) -> str:
        """The LKIP, then each lampiran in the order its list names them, joined as one bound
        document (``gabung_dokumen``): the stored HTML, and so its SHA-256, holds the
        annexes too, so a changed PK or decree prints the LKIP again. A draft LKIP marks the
        pages of the annexes it binds DRAF like its own."""
        konteks = self.konteks()
        lampiran = konteks["awal"].lampiran
        dokumen = [html_lampiran(e.jenis, e.objek) for e in lampiran if e.jenis in PENYAJI_LAMPIRAN]
        if konteks["draf"]:
            dokumen = [tandai_draf(d) for d in dokumen]
        if any(e.jenis == "renstra" for e in lampiran):
            dokumen.append(render_to_string(self.template_lampiran_renstra, konteks))
        return gabung_dokumen([render_to_string(self.template_name, konteks), *dokumen])

    def ditetapkan(self) -> bool:
        return self.objek.status == self.objek.Status.DITETAPKAN

    def nama_berkas(self) -> str:
        """``lkip-kencong-2025-versi-1.pdf`` for the approved version 1 (asked while it is
        approved, before its VersiLKIP row is written); ``lkip-kencong-2025-draf.pdf`` for
        the first draft, ``lkip-kencong-2025-versi-2-draf.pdf`` once a version exists."""
        laporan = self.objek
        dasar = f"lkip-{laporan.kecamatan.slug}-{laporan.tahun}"
        ada = laporan.versi.count()
        if self.ditetapkan():
            return f"{dasar}-versi-{ada + 1}.pdf"
        if ada:
            return f"{dasar}-versi-{ada + 1}-draf.pdf"
        return f"{dasar}-draf.pdf"
