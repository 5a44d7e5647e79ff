"""The realisasi grid's rows and capaian cells written in Python
(perjanjian.templatetags.tabel_realisasi, issue 12) are the template markup they replaced, character
for character: every row of Kencong 2025 in every period, editable and read-only, after a
refused save (typing errors, two rows of one measure typed differently), computed indicators,
measures stored without a target, and capaian cells in every state."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from iku.models import Indikator, Ukuran
from perjanjian.forms_realisasi import RealisasiGridForm
from perjanjian.models import Periode, Realisasi
from perjanjian.selectors.peringatan import Peringatan
from perjanjian.services.realisasi import BarisRealisasi, HasilCapaian, grid_realisasi
from perjanjian.templatetags.tabel_realisasi import (
    baris_realisasi,
    baris_tanpa_target,
    isi_capaian,
    sel_capaian,
)
from sakip import kinerja
from sakip.templatetags.sakip import aman_html

TAHUN = 2025

# The markup of templates/perjanjian/realisasi/_capaian.html, _sel_capaian.html and the rows
# of ubah.html before perjanjian.templatetags.tabel_realisasi (the include of the capaian cell
# inlined where ``{% include_sel %}`` stands).
CAPAIAN_TEMPLATE = """{% load sakip %}{% if hasil.galat %}<small class="galat-sel" role="alert">{{ hasil.galat }}</small>{% elif hasil.capaian is not None %}<span class="lencana kriteria" style="background: {{ hasil.kriteria.warna }}">{{ hasil.capaian|persen }} · {{ hasil.kriteria.label }}</span>{% elif hasil.keterangan %}<small class="redup">{{ hasil.keterangan }}</small>{% else %}<small class="redup">belum diisi</small>{% endif %}{% if not hasil.galat %}{% include "bagian/kategori_nilai.html" with kategori=hasil.kategori %}{% endif %}{% for p in hasil.peringatan %}<small class="peringatan-sel" role="note" data-peringatan="{{ p.jenis }}">⚠ {{ p.pesan }}{% if forloop.last %} Tetap dapat disimpan.{% endif %}</small>{% endfor %}\n"""  # noqa: E501
SEL_TEMPLATE = (
    """<span id="{{ b.id_capaian }}" class="hasil-capaian" aria-live="polite"{% if oob %} hx-swap-oob="true"{% endif %}>{% with hasil=hasil %}"""  # noqa: E501
    + CAPAIAN_TEMPLATE
    + "{% endwith %}</span>\n"
)
# The realisasi and source cells, typed or read-only, of both kinds of row; it follows
# "{% " or "{% el" (a PK row first tests whether the value is computed).
ISIAN_TEMPLATE = """if dapat_diubah %}
        <td data-label="Realisasi {{ periode.label }}">{{ s.nilai }}{% for e in s.nilai.errors %}<small class="galat">{{ e }}</small>{% endfor %}</td>
        <td class="isian-catatan" data-label="Sumber / catatan">{{ s.catatan }}{% for e in s.catatan.errors %}<small class="galat">{{ e }}</small>{% endfor %}</td>
        {% else %}
        <td class="angka" id="{{ b.id_input }}" data-label="Realisasi {{ periode.label }}">{{ b.nilai|nilai }}</td>
        <td data-label="Sumber / catatan">{{ b.realisasi.catatan_sumber|default:"–" }}</td>
        {% endif %}
"""  # noqa: E501
BARIS_PK_TEMPLATE = (
    (
        """{% load sakip %}{% for s in baris %}{% with b=s.b %}
      {% ifchanged b.tingkat %}<tr class="kelompok"><th colspan="6">{{ b.tingkat }}: {{ b.uraian }}</th></tr>{% endifchanged %}
      <tr data-testid="{{ b.testid }}">
        <td>{% if dapat_diubah and not b.turunan %}<label for="{{ b.id_input }}">{{ b.indikator.nama }}</label>{% else %}{{ b.indikator.nama }}{% endif %}
          {% for x in b.kembar %}<br><small class="redup">satu nilai dengan baris ini di {{ x.perjanjian.get_jenis_display }}</small>{% endfor %}
          {% if b.pertama and b.ukuran.kode == "nilai-sakip" and periode.value == "tahunan" %}<br><small class="redup">Diambil dari <a href="{% url 'laporan:evaluasi' kecamatan.slug tahun %}">LHE Inspektorat</a> setelah skornya dicatat.</small>{% endif %}</td>
        <td data-label="Satuan">{{ b.indikator.satuan }}</td>
        <td class="angka" data-label="Target {{ tahun }}">{{ b.target_nilai|nilai }}</td>
        {% if b.turunan %}
        <td class="angka" id="{{ b.id_input }}" data-label="Realisasi {{ periode.label }}" data-testid="{{ b.testid }}-dihitung">{% if b.nilai %}{{ b.nilai|nilai }}{% else %}belum ada data{% endif %}</td>
        <td data-label="Sumber / catatan"><small>{{ b.turunan.keterangan }}</small></td>
        {% el_isian %}
        <td data-label="Capaian · kriteria">{% with hasil=s.hasil %}{% include_sel %}{% endwith %}</td>
      </tr>
    {% endwith %}{% endfor %}"""  # noqa: E501
    )
    .replace("{% include_sel %}", SEL_TEMPLATE)
    .replace("{% el_isian %}\n", "{% el" + ISIAN_TEMPLATE)
)
BARIS_TANPA_TARGET_TEMPLATE = (
    (
        """{% load sakip %}{% for s in baris %}{% with b=s.b %}
      <tr data-testid="{{ b.testid }}">
        <td>{{ b.ukuran.nama }}</td>
        {% if_isian %}
        <td data-label="Capaian">{% with hasil=s.hasil %}{% include_sel %}{% endwith %}</td>
      </tr>
    {% endwith %}{% endfor %}"""  # noqa: E501
    )
    .replace("{% include_sel %}", SEL_TEMPLATE)
    .replace("{% if_isian %}\n", "{% " + ISIAN_TEMPLATE)
)

PITA = kinerja.Pita("ST", "Sangat <Tinggi>", "#9fd8f5", Decimal(90))
PERINGATAN = (
    Peringatan("target_jauh", "Jauh dari target & <cek>."),
    Peringatan("capaian_tidak_wajar", "Capaian 300%."),
)
HASIL = [
    HasilCapaian(),
    HasilCapaian(galat='Bukan angka: "x<y".', kategori=PITA, peringatan=PERINGATAN),
    HasilCapaian(capaian=Decimal("99.815"), kriteria=PITA, kategori=PITA),
    HasilCapaian(capaian=Decimal("12"), kriteria=None),
    HasilCapaian(keterangan="belum dapat dihitung", kategori=PITA, peringatan=PERINGATAN[:1]),
    HasilCapaian(capaian=Decimal(150), kriteria=PITA, peringatan=PERINGATAN),
]


def templat(teks: str, **konteks) -> str:
    return Template(teks).render(Context(konteks))


def konteks(kecamatan, periode, dapat_diubah) -> dict:
    return {
        "kecamatan": kecamatan,
        "tahun": TAHUN,
        "periode": Periode(periode),
        "dapat_diubah": dapat_diubah,
    }


def sama_semua(form, kecamatan, periode, dapat_diubah) -> str:
    """Every row of the form's grid written by the tags and by the former markup: equal.
    The rows written."""
    ktx = konteks(kecamatan, periode, dapat_diubah)
    html = []
    for k in form.kelompok():
        html.append(baris_realisasi(Context(ktx), k["baris"]))
        assert html[-1] == templat(BARIS_PK_TEMPLATE, baris=k["baris"], **ktx)
    tanpa = form.tanpa_target()
    html.append(baris_tanpa_target(Context(ktx), tanpa))
    assert html[-1] == templat(BARIS_TANPA_TARGET_TEMPLATE, baris=tanpa, **ktx)
    return "".join(html)


@pytest.mark.parametrize("hasil", HASIL)
@pytest.mark.parametrize("oob", [False, True])
def test_sel_capaian_sama_dengan_template(hasil, oob):
    b = BarisRealisasi(prefix="u7", ukuran=Ukuran(kode="ikm", nama="IKM"))
    assert isi_capaian(hasil) == templat(CAPAIAN_TEMPLATE, hasil=hasil)
    assert sel_capaian(b, hasil, oob=oob) == templat(SEL_TEMPLATE, b=b, hasil=hasil, oob=oob)


@pytest.mark.parametrize("periode", [p.value for p in Periode])
def test_semua_baris_kencong_2025_sama_dengan_template(kencong, periode):
    grid = grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode=periode)
    form = RealisasiGridForm(grid=grid, url_hitung="/hitung/")
    assert sum(len(k.baris) for k in grid.kelompok) >= 10
    for dapat_diubah in (True, False):
        html = sama_semua(form, kencong, periode, dapat_diubah)
        diketik = sum(len(rows) for rows in form.rows.values())
        assert html.count("<input") == (2 * diketik if dapat_diubah else 0)
        assert ("LHE Inspektorat" in html) == (periode == "tahunan")


def test_setelah_simpan_ditolak_dengan_galat_sama_dengan_template(kencong):
    """A bound form: the capaian of what was typed, the errors under the cells, two rows of
    one measure typed differently."""
    grid = grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode="tw4")
    form = RealisasiGridForm(grid=grid, url_hitung="/hitung/")
    data = {nama: form[nama].value() or "" for nama in form.fields}
    kembar = next(rows for rows in grid.per_ukuran().values() if len(rows) > 1)
    data[f"{kembar[0].prefix}-nilai"] = "91"
    data[f"{kembar[1].prefix}-nilai"] = "92"
    lain = [rows[0] for rows in grid.per_ukuran().values() if len(rows) == 1]
    data[f"{lain[0].prefix}-nilai"] = "sembilan <puluh>"
    data[f"{lain[1].prefix}-nilai"] = "1000000000000"
    data[f"{lain[2].prefix}-catatan"] = "x" * 300
    data[f"{lain[3].prefix}-nilai"] = ""
    form = RealisasiGridForm(data, grid=grid, url_hitung="/hitung/")
    assert not form.is_valid()
    html = sama_semua(form, kencong, "tw4", True)
    assert html.count('<small class="galat">') >= 4
    assert 'class="galat-sel" role="alert"' in html


def test_indikator_dihitung_dan_tanpa_target_sama_dengan_template(kencong):
    """Computed rows (with a value and "belum ada data"), a measure stored without a target
    with and without a note, and the Nilai SAKIP row of the annual page."""
    grid = grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode="tw1")
    ikm = [b.indikator.id for b in grid.semua_baris if b.ukuran.kode == "ikm"]
    Indikator.objects.filter(id__in=ikm).update(sumber_realisasi=Indikator.SumberRealisasi.IKM)
    grid = grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode="tw1")
    assert grid.ukuran_dihitung
    for i in range(2):
        u = Ukuran.objects.create(
            kabupaten=kencong.kabupaten, kecamatan=kencong, kode=f"lain-{i}", nama=f"Lain <{i}>"
        )
        Realisasi.objects.create(
            kecamatan=kencong,
            ukuran=u,
            tahun=TAHUN,
            periode="tw1",
            nilai=Decimal("12.5"),
            catatan_sumber="BPS <2025> & desa" if i else "",
        )
    for periode in ("tw1", "tahunan"):
        grid = grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode=periode)
        form = RealisasiGridForm(grid=grid, url_hitung="/hitung/")
        if periode == "tw1":
            assert len(form.tanpa_target()) == 2
        for dapat_diubah in (True, False):
            html = sama_semua(form, kencong, periode, dapat_diubah)
            assert '-dihitung">belum ada data</td>' in html
            if periode == "tw1":
                assert "Lain &lt;1&gt;" in html and "BPS &lt;2025&gt; &amp; desa" in html


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "a\"b<c>&d'e",
        mark_safe("<b>aman</b>"),
        gettext_lazy("Realisasi <x>"),
        None,
        12,
        Decimal("92.50"),
        kinerja.Nilai(Decimal("67"), "B"),
    ],
)
def test_aman_html_sama_dengan_conditional_escape(teks):
    assert aman_html(teks) == conditional_escape(teks)
