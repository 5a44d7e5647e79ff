"""Template tags of orientation: which menu item is the current page, and the signed-in person
as the header names them once."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


def cocok(nama_view: str, pola: str) -> bool:
    """``pola`` is space-separated URL names: "iku:renstra" matches that name and every name
    that continues it with a hyphen ("iku:renstra-detail"); a name ending in "=" matches only
    itself ("laporan:evaluasi=" is not "laporan:evaluasi-daftar")."""
    for p in pola.split():
        if p.endswith("="):
            if nama_view == p[:-1]:
                return True
        elif nama_view == p or nama_view.startswith(p + "-"):
            return True
    return False


@register.simple_tag(takes_context=True)
def kini(context, pola: str):
    """` aria-current="page"` on the menu link of the page being shown."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match and cocok(match.view_name, pola):
        return mark_safe(' aria-current="page"')  # a constant, nothing interpolated
    return ""


def peran_wilayah(user) -> str:
    """ "Operator Kecamatan Kencong", "Camat Kecamatan Kencong", "Bappeda"."""
    peran = user.get_peran_display()
    kecamatan = getattr(user, "kecamatan", None)
    if not kecamatan:
        return peran
    if "kecamatan" in peran.lower().split():
        return f"{peran} {kecamatan.nama}"
    return f"{peran} Kecamatan {kecamatan.nama}"


@register.filter
def nama_pengguna(user) -> str:
    """The person once: "Siti Aminah · Operator Kecamatan Kencong"; a full name that only
    repeats the role words ("Operator Kencong") shows the role once."""
    peran = peran_wilayah(user)
    nama = user.get_full_name() or user.username
    # The words the header already says: the role, the kecamatan, the kabupaten.
    kabupaten = getattr(user, "kabupaten", None)
    kata_peran = set(f"{peran} kabupaten {kabupaten.nama if kabupaten else ''}".lower().split())
    if not nama.strip() or set(nama.lower().replace(".", " ").split()) <= kata_peran:
        return peran
    return f"{nama} · {peran}"


@register.simple_tag
def ikon(nama: str):
    """An icon of the vendored Lucide sprite (static/vendor/lucide/ikon.svg), beside its text:
    hidden from screen readers, which read the text."""
    return format_html(
        '<svg class="ikon" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        static("vendor/lucide/ikon.svg"),
        nama,
    )
