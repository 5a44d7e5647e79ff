"""The realisasi grid's rows and capaian cells, written in Python (issue 12, "Load").

The realisasi page is the one the save answers with; through the template engine its rows (a
loop, ``ifchanged``, lookups and an include of the capaian cell per row, which includes the
kategori badge) were a third of the page's CPU time. These tags write the same HTML, character
for character, as the template markup they replaced (``tests/test_tabel_realisasi.py`` compares
them with that markup's own rendering for every row of the data and for the rare states), with
the same formatting (``sakip.format_id``) and escaping (``aman_html``, conditional_escape's
characters). The inputs themselves are the form's bound fields (``sakip.isian.InputCepat``).

``isi_capaian`` and ``sel_capaian`` are also the htmx answer while typing
(``realisasi/hitung.html``): what appears while typing is what the page shows after saving.
"""

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from sakip.format_id import format_nilai, format_persen
from sakip.templatetags.sakip import aman_html as _e
from sakip.templatetags.sakip import lencana_kategori

register = template.Library()


@register.simple_tag
def isi_capaian(hasil) -> SafeString:
    """What the capaian cell shows (``perjanjian.services.HasilCapaian``): the parse error of
    what was typed, the capaian in its kriteria colour, why there is none, or "belum diisi";
    the category on the indicator's own scale, and the warnings of an implausible value."""
    if hasil.galat:
        bagian = [f'<small class="galat-sel" role="alert">{_e(hasil.galat)}</small>']
    elif hasil.capaian is not None:
        k = hasil.kriteria
        bagian = [
            f'<span class="lencana kriteria" style="background: {_e(k.warna if k else "")}">'
            f"{_e(format_persen(hasil.capaian))} · {_e(k.label if k else '')}</span>"
        ]
    elif hasil.keterangan:
        bagian = [f'<small class="redup">{_e(hasil.keterangan)}</small>']
    else:
        bagian = ['<small class="redup">belum diisi</small>']
    if not hasil.galat:
        bagian.append(lencana_kategori(hasil.kategori))
    akhir = len(hasil.peringatan) - 1
    for i, p in enumerate(hasil.peringatan):
        bagian.append(
            f'<small class="peringatan-sel" role="note" data-peringatan="{_e(p.jenis)}">'
            f"⚠ {_e(p.pesan)}{' Tetap dapat disimpan.' if i == akhir else ''}</small>"
        )
    bagian.append("\n")
    return mark_safe("".join(bagian))


@register.simple_tag
def sel_capaian(b, hasil, oob: bool = False) -> SafeString:
    """The capaian cell of row ``b`` (``BarisRealisasi``), the target of its htmx answer;
    ``oob``: swapped out of band (the other rows of the same measure)."""
    swap = ' hx-swap-oob="true"' if oob else ""
    return mark_safe(
        f'<span id="{_e(b.id_capaian)}" class="hasil-capaian" aria-live="polite"{swap}>'
        f"{isi_capaian(hasil)}</span>\n"
    )


def _galat(bidang) -> str:
    return "".join(f'<small class="galat">{_e(e)}</small>' for e in bidang.errors)


def _isian(s: dict, label: str) -> str:
    """The two cells of a typed row: its inputs (the form's bound fields) and their errors."""
    return (
        f'<td data-label="{label}">{s["nilai"]}{_galat(s["nilai"])}</td>\n        '
        f'<td class="isian-catatan" data-label="Sumber / catatan">{s["catatan"]}'
        f"{_galat(s['catatan'])}</td>\n        "
    )


def _baca(b, label: str) -> str:
    """The two cells of a row shown read-only: the stored value and its source note."""
    catatan = (b.realisasi.catatan_sumber if b.realisasi is not None else "") or "–"
    return (
        f'<td class="angka" id="{_e(b.id_input)}" data-label="{label}">'
        f"{_e(format_nilai(b.nilai))}</td>\n        "
        f'<td data-label="Sumber / catatan">{_e(catatan)}</td>\n        '
    )


@register.simple_tag(takes_context=True)
def baris_realisasi(context, baris: list[dict]) -> SafeString:
    """The rows of one PK's table (``RealisasiGridForm.kelompok``' ``baris``), each under the
    heading of its tujuan or sasaran when that changes."""
    dapat_diubah = context.get("dapat_diubah")
    periode, tahun = context["periode"], context["tahun"]
    label = _e(f"Realisasi {periode.label}")
    target = _e(f"Target {tahun}")
    tahunan = periode.value == "tahunan"
    bagian = []
    tingkat = object()  # the first row always starts a heading
    for s in baris:
        b = s["b"]
        bagian.append("\n      ")
        if b.tingkat != tingkat:
            tingkat = b.tingkat
            bagian.append(
                f'<tr class="kelompok"><th colspan="6">{_e(b.tingkat)}: {_e(b.uraian)}</th></tr>'
            )
        nama = _e(b.indikator.nama)
        if dapat_diubah and not b.turunan:
            nama = f'<label for="{_e(b.id_input)}">{nama}</label>'
        bagian += [
            f'\n      <tr data-testid="{_e(b.testid)}">\n        <td>{nama}\n          ',
            *(
                '<br><small class="redup">satu nilai dengan baris ini di '
                f"{_e(x.perjanjian.get_jenis_display())}</small>"
                for x in b.kembar
            ),
            "\n          ",
        ]
        if b.pertama and b.ukuran.kode == "nilai-sakip" and tahunan:
            url = reverse("laporan:evaluasi", args=[context["kecamatan"].slug, tahun])
            bagian.append(
                f'<br><small class="redup">Diambil dari <a href="{_e(url)}">LHE Inspektorat</a>'
                " setelah skornya dicatat.</small>"
            )
        bagian.append(
            f'</td>\n        <td data-label="Satuan">{_e(b.indikator.satuan)}</td>\n        '
            f'<td class="angka" data-label="{target}">{_e(format_nilai(b.target_nilai))}</td>'
            "\n        \n        "
        )
        if b.turunan:
            nilai = b.nilai
            bagian.append(
                f'<td class="angka" id="{_e(b.id_input)}" data-label="{label}"'
                f' data-testid="{_e(b.testid)}-dihitung">'
                f"{_e(format_nilai(nilai)) if nilai else 'belum ada data'}</td>\n        "
                f'<td data-label="Sumber / catatan"><small>{_e(b.turunan.keterangan)}</small>'
                "</td>\n        "
            )
        elif dapat_diubah:
            bagian.append(_isian(s, label))
        else:
            bagian.append(_baca(b, label))
        bagian.append(
            '\n        <td data-label="Capaian · kriteria">'
            f"{sel_capaian(b, s['hasil'])}</td>\n      </tr>\n    "
        )
    return mark_safe("".join(bagian))


@register.simple_tag(takes_context=True)
def baris_tanpa_target(context, baris: list[dict]) -> SafeString:
    """The rows of the measures stored without a target of the year
    (``RealisasiGridForm.tanpa_target``)."""
    dapat_diubah = context.get("dapat_diubah")
    label = _e(f"Realisasi {context['periode'].label}")
    bagian = []
    for s in baris:
        b = s["b"]
        bagian += [
            f'\n      <tr data-testid="{_e(b.testid)}">\n        <td>{_e(b.ukuran.nama)}</td>'
            "\n        \n        ",
            _isian(s, label) if dapat_diubah else _baca(b, label),
            f'\n        <td data-label="Capaian">{sel_capaian(b, s["hasil"])}</td>\n      </tr>'
            "\n    ",
        ]
    return mark_safe("".join(bagian))
