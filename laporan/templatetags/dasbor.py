"""The kabupaten dashboard's table cells, written in Python (issue 12, "Fast").

The table has a cell per kecamatan and measure (31 × 10 in Jember, 300 × 10 in the load test)
and nine completeness cells per kecamatan: through the template engine, their tags, lookups
and the kategori include were half the CPU time of a warm dashboard. These tags write the same
HTML, byte for byte, as the template markup they replaced (``tests/test_dasbor_kabupaten.py``
compares them with the template's own rendering), with the same formatting
(``sakip.format_id``) and escaping (``format_html``); the kategori badge is
``sakip.templatetags.sakip.lencana_kategori``.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from sakip.format_id import format_nilai, format_persen
from sakip.templatetags.sakip import lencana_kategori

register = template.Library()

PITA_GELAP = {"R", "SR"}  # kriteria bands dark enough for white text


def _e(teks) -> str:
    return conditional_escape(teks)


@register.simple_tag
def sel_dasbor(s) -> SafeString:
    """One measure of one kecamatan (``laporan.dasbor.Sel``): realisasi / target, the capaian
    badge in its kriteria colour, the category, the rank and where the value comes from."""
    jeda = "\n        "
    bagian = ['<td class="sel">', jeda]
    if s.realisasi:
        bagian.append(f"<strong>{_e(format_nilai(s.realisasi))}</strong>")
    else:
        bagian.append(
            '<span class="keterangan-dasbor" title="Belum ada realisasi tahunan">–</span>'
        )
    bagian.append(jeda)
    if s.target:
        bagian.append(f'<span class="target">/ target {_e(format_nilai(s.target))}</span>')
    bagian += ["<br>", jeda]
    k = s.kriteria
    if s.capaian is not None:
        gelap = " kriteria-gelap" if k and k.kode in PITA_GELAP else ""
        bagian += [
            f'<span class="lencana kriteria{gelap}" style="background: {_e(k.warna if k else "")}">'
            f"{_e(format_persen(s.capaian))} · {_e(k.label if k else '')}</span>",
            jeda,
        ]
    elif s.realisasi:
        alasan = "capaian tak terhitung" if s.target else "tanpa target PK"
        bagian.append(
            '<small class="keterangan-dasbor" title="Capaian tidak dapat dihitung">'
            f"{alasan}</small>"
        )
    bagian += [lencana_kategori(s.kategori), jeda]
    if s.peringkat:
        bagian.append(f"<br><small>peringkat {_e(s.peringkat)}</small>")
    bagian.append(jeda)
    if s.sumber:
        bagian.append(
            f'<br><small class="keterangan-dasbor sumber-nilai">Nilai SAKIP {_e(s.sumber)}</small>'
        )
    bagian.append(jeda)
    if s.dihitung:
        bagian.append(
            f'<br><small class="keterangan-dasbor sumber-dihitung">{_e(s.dihitung)}</small>'
        )
    bagian.append("\n      </td>")
    return mark_safe("".join(bagian))


def _sel_lengkap(isi: str, title: str = "") -> str:
    judul = f' title="{title}"' if title else ""
    return f'<td class="lengkap"{judul}>{isi}</td>'


@register.simple_tag
def kelengkapan_dasbor(k) -> SafeString:
    """The nine completeness cells of a kecamatan (``laporan.dasbor.Kelengkapan``): Renstra,
    IKU decree, PK, the five reporting periods, LKIP."""
    # The whitespace between the cells is the template's they replaced.
    bagian = [
        "\n      ",
        _sel_lengkap(
            '<span class="ya">✓</span>' if k.renstra else '<span class="tidak">✗</span>',
            "; ".join(_e(r) for r in k.renstra) or "Belum ada Renstra yang berlaku",
        ),
        "\n      ",
    ]
    if k.keputusan == "ditetapkan":
        keputusan = '<span class="ya" title="Ditetapkan">✓</span>'
    elif k.keputusan == "draft":
        keputusan = '<span class="lencana kecil status-draft">draf</span>'
    else:
        keputusan = '<span class="tidak" title="Belum ada">✗</span>'
    bagian += [_sel_lengkap(keputusan), "\n      "]
    pk = [
        f'<span class="lencana kecil status-{_e(status)}" title="{_e(jenis)}: {_e(label)}">'
        f"{'Perub. ' if n > 1 else 'Awal '}"
        f"{'✓' if status == 'ditetapkan' else _e(label.lower())}</span> "
        for n, (jenis, status, label) in enumerate(k.perjanjian, start=1)
    ]
    bagian += [
        _sel_lengkap("".join(pk) or '<span class="tidak" title="Belum ada PK">✗</span>'),
        "\n      ",
    ]
    for periode, status, label in k.realisasi:
        if status == "draft":
            isi = f'<span class="keterangan-dasbor" title="{_e(periode)}: draft">–</span>'
        else:
            isi = (
                f'<span class="lencana kecil status-{_e(status)}" title="{_e(periode)}: '
                f'{_e(label)}">{_e(label.lower())}</span>'
            )
        bagian.append(f"\n      {_sel_lengkap(isi)}\n      ")
    if k.lkip == "ditetapkan":
        lkip = '<span class="lencana kecil status-ditetapkan">final</span>'
    elif k.lkip:
        lkip = '<span class="lencana kecil status-draft">draf</span>'
    else:
        lkip = '<span class="keterangan-dasbor" title="Belum dimulai">–</span>'
    bagian.append(f"\n      {_sel_lengkap(lkip)}\n      ")
    return mark_safe("".join(bagian))
