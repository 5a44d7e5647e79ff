"""Template filters: the Indonesian formatting of sakip.format_id, nothing computed here."""

from django import template

from sakip import format_id, kinerja

register = template.Library()


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
