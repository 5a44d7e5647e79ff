"""One capaian, everywhere: Kencong's IKM 2025 shows the same capaian, kriteria and category
on its own scale (IKM 92,33: "A · Sangat Baik") on the realisasi page, the PK page, the LKIP's
Tabel 3.2 / 3.8 and the kabupaten dashboard, because all four read the rows of
perjanjian.selectors. Asserted on what each page shows."""

import re

import pytest
from django.urls import reverse

from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import LaporanKinerja
from perjanjian.models import TargetPerjanjian


def teks(html: str) -> str:
    """What a reader sees: tags dropped, whitespace folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def sel(html: str, atribut: str) -> str:
    """The text of the element carrying ``atribut`` (an id or data-testid)."""
    cocok = re.search(rf"<(\w+)[^>]*{re.escape(atribut)}[^>]*>(.*?)</\1>", html, re.S)
    assert cocok, f"{atribut} tidak ada di halaman"
    return teks(cocok.group(2))


def sampai_akhir_sel(html: str, atribut: str) -> str:
    """The text from the element carrying ``atribut`` to the end of its table cell (or the
    next line break in it): the capaian badge and the category beside it."""
    mulai = html.index(atribut)
    mulai = html.index(">", mulai) + 1
    akhir = min(i for i in (html.find("</td>", mulai), html.find("<br>", mulai)) if i != -1)
    return teks(html[mulai:akhir])


def target_ikm(jenis: str) -> TargetPerjanjian:
    return TargetPerjanjian.objects.select_related("perjanjian", "indikator").get(
        perjanjian__kecamatan__slug="kencong",
        perjanjian__tahun=2025,
        perjanjian__jenis=jenis,
        indikator__ukuran__kode="ikm",
    )


def di_halaman_realisasi(client, user, t: TargetPerjanjian) -> str:
    client.force_login(user)
    url = reverse("perjanjian:realisasi", args=["kencong", 2025, "tahunan"])
    return sampai_akhir_sel(
        client.get(url).text, f'id="capaian-{t.perjanjian_id}-{t.indikator_id}"'
    )


def di_halaman_pk(client, user, t: TargetPerjanjian) -> str:
    client.force_login(user)
    url = reverse("perjanjian:perjanjian-detail", args=["kencong", t.perjanjian_id])
    return sel(client.get(url).text, f'data-testid="capaian-{t.id}"')


def di_lkip(t: TargetPerjanjian) -> str:
    """The capaian and kriteria cells of the indicator's row in its PK's capaian table (the
    HTML the PDF is printed from): Tabel 3.2 for the PK awal, 3.8 for the Perubahan."""
    laporan = LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan__slug="kencong", tahun=2025
    )
    html = PenyajiLKIP(laporan).html()
    baris = [
        b.split("</tr>")[0]
        for b in html.split("<tr>")
        if "lkip-kriteria" in b.split("</tr>")[0] and t.indikator.nama in b.split("</tr>")[0]
    ]
    urutan = 0 if t.perjanjian.jenis == "awal" else 1
    sel_sel = re.findall(r"<td[^>]*>(.*?)</td>", baris[urutan], re.S)
    # Columns: no, tujuan/sasaran, indikator, baseline, target, realisasi, %, kriteria, …
    return f"{teks(sel_sel[6])} · {teks(sel_sel[7])}"


def di_dasbor(client, user, jenis: str) -> str:
    """The capaian badge of Kencong's IKM cell (the one holding its realisasi 92,33)."""
    client.force_login(user)
    html = client.get(reverse("laporan:dasbor"), {"tahun": 2025, "pk": jenis}).text
    baris = next(b for b in html.split("<tr>") if 'href="/kecamatan/kencong/?tahun=' in b)
    sel_sel = re.findall(r'<td class="sel">(.*?)</td>', baris.split("</tr>")[0], re.S)
    (isi,) = [c for c in sel_sel if "<strong>92,33</strong>" in c]
    return teks(isi[isi.index('<span class="lencana kriteria') :].split("<br>")[0])


@pytest.mark.parametrize(
    ("jenis", "dasar_dasbor", "tampil"),
    [
        ("awal", "awal", "99,82% · Sangat Tinggi Kategori A · Sangat Baik"),  # 92,33 / 92,5
        ("perubahan", "berlaku", "98,75% · Sangat Tinggi Kategori A · Sangat Baik"),  # / 93,5
    ],
)
def test_ikm_kencong_2025_sama_di_setiap_halaman(
    client, operator_kencong, bappeda, jember, jenis, dasar_dasbor, tampil
):
    t = target_ikm(jenis)
    halaman = {
        "realisasi": di_halaman_realisasi(client, operator_kencong, t),
        "pk": di_halaman_pk(client, operator_kencong, t),
        "lkip": di_lkip(t),
        "dasbor": di_dasbor(client, bappeda, dasar_dasbor),
    }
    assert halaman == dict.fromkeys(halaman, tampil)
