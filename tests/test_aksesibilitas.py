"""Every input of the wide tables has a name a screen reader reads (a cell shows its column
and row only through the table), and no table header is empty on the Renstra, PK and budget
pages (an action column is named in text only a screen reader reads)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse

from iku.models import Renstra
from perjanjian.models import PerjanjianKinerja, SubKegiatan

pytestmark = pytest.mark.django_db


class Halaman(HTMLParser):
    """The inputs (with their attributes), the labels' targets and the text of every <th>."""

    def __init__(self, html):
        super().__init__()
        self.isian, self.label_untuk, self.th, self._th = [], set(), [], None
        self._dalam_label = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("input", "select", "textarea") and a.get("type") not in (
            "hidden",
            "submit",
            "button",
        ):
            self.isian.append({**a, "dalam-label": self._dalam_label > 0})
        elif tag == "label":
            if a.get("for"):
                self.label_untuk.add(a["for"])
            self._dalam_label += 1
        elif tag == "th":
            self._th = ""

    def handle_data(self, data):
        if self._th is not None:
            self._th += data

    def handle_endtag(self, tag):
        if tag == "label":
            self._dalam_label -= 1
        if tag == "th" and self._th is not None:
            self.th.append(self._th.strip())
            self._th = None

    def tanpa_nama(self):
        """Inputs with no <label> (around or for), aria-label or title (a placeholder is
        not a name)."""
        return [
            a.get("name")
            for a in self.isian
            if a.get("id") not in self.label_untuk
            and not a["dalam-label"]
            and not a.get("aria-label")
            and not a.get("title")
        ]


def test_setiap_sel_anggaran_bernama_kolom_dan_sub_kegiatannya(client, operator_kencong):
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran", args=["kencong", 2025]) + "?ubah=1"
    h = Halaman(client.get(url).text)
    sel = [a for a in h.isian if re.fullmatch(r"s\d+_\w+", a.get("name", ""))]
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan__slug="kencong", kegiatan__program__tahun=2025
    )
    # 3 pagu columns, 5 realisasi periods and the kind of spending
    assert len(sel) == sub.count() * 9
    assert h.tanpa_nama() == []
    s = sub.get(kode="1.1.1")
    label = {a["name"]: a["aria-label"] for a in sel}
    assert label[f"s{s.id}_pagu_awal"] == (
        "Pagu sebelum perubahan: 1.1.1 Penyediaan Gaji dan Tunjangan ASN"
    )
    assert label[f"s{s.id}_tw2"] == "Realisasi Triwulan II: 1.1.1 Penyediaan Gaji dan Tunjangan ASN"
    # The three "tambah" forms below the table: each label names its own field.
    assert len({a["id"] for a in h.isian}) == len(h.isian)


def test_tidak_ada_kepala_tabel_kosong_di_renstra_pk_dan_anggaran(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    pk = PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).first()
    halaman = [
        reverse("iku:renstra-daftar", args=["kencong"]),
        reverse(
            "iku:renstra-detail",
            args=["kencong", Renstra.objects.filter(kecamatan=kencong).first().pk],
        ),
        reverse("perjanjian:perjanjian-daftar", args=["kencong", 2025]),
        reverse("perjanjian:perjanjian-detail", args=["kencong", pk.pk]),
        reverse("perjanjian:perjanjian-banding", args=["kencong", 2025]),
        reverse("perjanjian:anggaran", args=["kencong", 2025]),
        reverse("perjanjian:anggaran", args=["kencong", 2025]) + "?ubah=1",
    ]
    kosong = {}
    for url in halaman:
        r = client.get(url)
        assert r.status_code == 200, url
        th = Halaman(r.text).th
        if "" in th:
            kosong[url] = th
    assert kosong == {}
    assert "Tabel target" in Halaman(client.get(halaman[0]).text).th


def test_isian_realisasi_dan_rekomendasi_lhe_bernama(client, operator_kencong, inspektorat):
    client.force_login(operator_kencong)
    h = Halaman(client.get(reverse("perjanjian:realisasi", args=["kencong", 2025, "tw1"])).text)
    assert h.tanpa_nama() == []
    assert any(a.get("aria-label", "").startswith("Sumber / catatan ") for a in h.isian)
    client.force_login(inspektorat)
    h = Halaman(client.get(reverse("laporan:evaluasi", args=["kencong", 2025])).text)
    assert h.tanpa_nama() == []
    nomor = next(a for a in h.isian if a.get("name", "").endswith("-0-nomor"))
    assert nomor["aria-label"] == "No. baris 1"


def test_kotak_gulir_tabel_dapat_difokus_dan_bernama():
    """A box a wide table scrolls in is reached by the keyboard and named after its table
    (axe-core: scrollable-region-focusable), from the one tag that draws every such box."""
    html = Template(
        '{% load sakip %}{% tabel_gulir "Indikator sasaran" kode %}<table></table>'
        "{% endtabel_gulir %}"
    ).render(Context({"kode": "1.2 <b>"}))
    assert html == (
        '<div class="tabel-gulir" role="region" tabindex="0" '
        'aria-label="Indikator sasaran 1.2 &lt;b&gt;"><table></table></div>'
    )


def test_kotak_gulir_tabel_satu_sumber():
    """No template draws the box by hand (a copy would miss its name or its focus)."""
    templat = Path(__file__).resolve().parent.parent / "templates"
    tangan = [
        str(p.relative_to(templat))
        for p in templat.rglob("*.html")
        if 'class="tabel-gulir' in p.read_text()
    ]
    assert tangan == []


def test_kotak_gulir_renstra_bernama_berbeda(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    renstra = Renstra.objects.filter(kecamatan=kencong).order_by("pk").first()
    teks = client.get(reverse("iku:renstra-detail", args=["kencong", renstra.pk])).text
    nama = re.findall(r'role="region" tabindex="0" aria-label="([^"]*)"', teks)
    assert "Indikator tujuan 1" in nama and "Indikator sasaran 1.1" in nama
    assert len(nama) == len(set(nama))
