"""Template filters: the Indonesian formatting of sakip.format_id, nothing computed here; and the
scroll box of wide tables."""

import html

from django import template
from django.template.defaultfilters import date as filter_date
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from sakip import format_id, kinerja
from sakip.butir import pecah_butir

register = template.Library()


def aman_html(teks) -> str:
    """``conditional_escape`` to the same characters, for the grids written in Python that
    escape every cell: a plain string is escaped directly (Django's ``escape`` is
    ``html.escape`` behind a lazy-string wrapper that costs more than the escaping)."""
    if type(teks) is str:
        return html.escape(teks)
    return conditional_escape(teks)


def lencana_kategori(kategori: kinerja.Pita | None) -> str:
    """``bagian/kategori_nilai.html`` written in Python, to the same characters (its trailing
    newline included), for the grids that show it in every cell: the category of a value on
    its own scale."""
    if not kategori:
        return "\n"
    e = aman_html
    return (
        f' <span class="lencana kriteria kategori-nilai" style="background: {e(kategori.warna)}"'
        f' title="Kategori nilai menurut skalanya">Kategori {e(kategori.kode)} ·'
        f" {e(kategori.label)}</span>\n"
    )


@register.simple_tag
def baris_riwayat(riwayat) -> SafeString:
    """The rows of the change history (``bagian/riwayat.html``, ``sakip.riwayat``) written in
    Python, to the characters of the template loop they replace (tests/test_riwayat.py): a
    page shows up to 100 lines, and a realisasi period saved often shows them all, on the page
    every save answers with (issue 12, "Load")."""
    e = aman_html
    bagian = []
    tanggal: dict = {}  # local minute → its text: the lines of many saves share a minute
    for r in riwayat:
        # As the template's |date: in the current time zone and language.
        lokal = template_localtime(r.waktu)
        menit = lokal.replace(second=0, microsecond=0)
        waktu = tanggal.get(menit)
        if waktu is None:
            waktu = tanggal[menit] = e(filter_date(lokal, "j F Y, H.i"))
        perubahan = "".join(
            f"<div>{e(p.kolom)}: <del>{e(p.lama)}</del> → <ins>{e(p.baru)}</ins></div>"
            for p in r.perubahan
        )
        bagian.append(
            f"\n      <tr>\n        <td>{waktu}</td>\n        <td>{e(r.pengguna)}</td>"
            f"\n        <td>{e(r.jenis)}: {e(r.objek)}</td>\n        <td>{perubahan or '–'}</td>"
            "\n      </tr>\n    "
        )
    return mark_safe("".join(bagian))


@register.filter
def angka(nilai, desimal=2):
    return format_id.format_angka(nilai, int(desimal))


@register.filter
def angka_ringkas(nilai):
    """As people write targets: "92,5", "100"."""
    return format_id.format_angka(nilai, 4, buang_nol=True)


@register.filter
def persen(nilai):
    return format_id.format_persen(nilai)


@register.filter
def rupiah(nilai):
    return format_id.format_rupiah(nilai)


@register.filter
def tersimpan(angka):
    """A stored number with its own decimals ("71,8"), as format_nilai shows a value."""
    return format_id.format_tersimpan(angka)


@register.filter
def nilai(n):
    return format_id.format_nilai(n)


@register.filter
def nip(teks):
    return format_id.format_nip(teks)


@register.filter
def tanggal(d):
    return format_id.format_tanggal(d)


@register.filter
def get_item(kamus, kunci):
    return kamus.get(kunci)


@register.simple_tag
def contoh_isian(jenis="nilai"):
    """The examples of the one decimal rule, the same in every help text and message."""
    return kinerja.CONTOH_RUPIAH if jenis == "rupiah" else kinerja.CONTOH_NILAI


@register.simple_tag
def aturan_desimal():
    return kinerja.ATURAN_DESIMAL


class TabelGulirNode(template.Node):
    def __init__(self, nama, nodelist):
        self.nama, self.nodelist = nama, nodelist

    def render(self, context):
        nama = " ".join(str(n.resolve(context)) for n in self.nama)
        return format_html(
            '<div class="tabel-gulir" role="region" tabindex="0" aria-label="{}">{}</div>',
            nama,
            mark_safe(self.nodelist.render(context)),  # the block's own rendered (escaped) HTML
        )


@register.tag
def tabel_gulir(parser, token):
    """``{% tabel_gulir "Target per indikator" %}<table>…</table>{% endtabel_gulir %}``: the one
    box a wide table scrolls in (never the page). A box that scrolls must be reachable by the
    keyboard and named for a screen reader: a focusable region named after its table. Several
    parts of the name are joined by a space (``{% tabel_gulir "Indikator sasaran" s.kode %}``):
    the regions of one page need distinct names."""
    bagian = token.split_contents()[1:]
    if not bagian:
        raise template.TemplateSyntaxError("tabel_gulir memerlukan nama tabel")
    nodelist = parser.parse(("endtabel_gulir",))
    parser.delete_first_token()
    return TabelGulirNode([parser.compile_filter(b) for b in bagian], nodelist)


@register.filter
def butir(teks):
    """A text field's lines as a list, the typed markers ("a.", "1.", "-", "•") hung in front
    and nested by kind (sakip.butir.pecah_butir): the one way pages and printed documents show
    a multi-line text. Takes the text, or lines already split (a tuple of ``Butir``). A line
    announcing what follows ("- Sasaran :") is marked ``pengantar``: the printed documents keep
    it with the next line."""
    daftar = pecah_butir(teks) if isinstance(teks, str) or teks is None else teks
    return format_html_join(
        "",
        '<div class="butir tingkat-{}{}">{}{}</div>',
        (
            (
                b.tingkat,
                " pengantar" if str(b.isi).rstrip().endswith(":") else "",
                _penanda(b.penanda) if b.penanda else "",
                b.isi,
            )
            for b in daftar
        ),
    )


def _penanda(teks):
    return format_html('<span class="penanda">{}</span>', teks)


@register.filter
def huruf(nomor):
    """1 → a, 2 → b …: the letters a decree numbers its lists with."""
    return "abcdefghijklmnopqrstuvwxyz"[int(nomor) - 1] if 1 <= int(nomor) <= 26 else str(nomor)
