"""Every value with its own category where its scale says so: an IKM of 70,5 is
"C · Kurang Baik", an IPP of 3,17 "B- · Baik (Dengan Catatan)", a Nilai SAKIP of 80,41
"A · Memuaskan". One rule (``perjanjian.selectors.kategori_nilai``, on the year's scales of
``kecamatan.selectors.skala_tahun``) and four places that show it beside the capaian kriteria:
the realisasi page, the PK page, the LKIP's capaian table and the kabupaten dashboard."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kecamatan.models import JenisSkala, PemakaianSkala, PitaSkala, SkalaPenilaian
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import LaporanKinerja
from perjanjian.models import Realisasi, TargetPerjanjian
from sakip.penguncian import kunci_dilepas

pytestmark = pytest.mark.django_db

KURANG_BAIK = "Kategori C · Kurang Baik"


def teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def target(jenis: str, kode: str) -> TargetPerjanjian:
    return TargetPerjanjian.objects.select_related("indikator").get(
        perjanjian__kecamatan__slug="kencong",
        perjanjian__tahun=2025,
        perjanjian__jenis=jenis,
        indikator__ukuran__kode=kode,
    )


def sel_sampai_td(html: str, atribut: str) -> str:
    mulai = html.index(atribut)
    return teks(html[html.index(">", mulai) + 1 : html.index("</td>", mulai)])


@pytest.fixture
def ikm_70_5(kencong):
    with kunci_dilepas():
        Realisasi.objects.filter(
            kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tahunan"
        ).update(nilai=Decimal("70.5"))


def halaman_realisasi(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("perjanjian:realisasi", args=["kencong", 2025, "tahunan"])).text


def test_ikm_70_5_di_empat_tempat(client, operator_kencong, bappeda, ikm_70_5):
    t = target("awal", "ikm")
    realisasi = halaman_realisasi(client, operator_kencong)
    assert KURANG_BAIK in sel_sampai_td(
        realisasi, f'id="capaian-{t.perjanjian_id}-{t.indikator_id}"'
    )

    pk = client.get(reverse("perjanjian:perjanjian-detail", args=["kencong", t.perjanjian_id]))
    assert KURANG_BAIK in sel_sampai_td(pk.text, f'data-testid="capaian-{t.id}"')

    laporan = LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan__slug="kencong", tahun=2025
    )
    html = PenyajiLKIP(laporan).html()
    baris_ikm = [
        b.split("</tr>")[0]
        for b in html.split("<tr>")
        if "lkip-kriteria" in b and t.indikator.nama in b.split("</tr>")[0]
    ]
    assert baris_ikm and all(KURANG_BAIK in teks(b) for b in baris_ikm)  # Tabel 3.2 and 3.8

    client.force_login(bappeda)
    dasbor = client.get(reverse("laporan:dasbor"), {"tahun": 2025}).text
    baris = next(b for b in dasbor.split("<tr>") if 'href="/kecamatan/kencong/?tahun=' in b)
    sel = [s for s in re.findall(r'<td class="sel">(.*?)</td>', baris, re.S) if "70,5" in s]
    assert len(sel) == 1 and KURANG_BAIK in teks(sel[0])


def test_ipp_dan_predikat_sakip_pada_skalanya(client, operator_kencong):
    realisasi = halaman_realisasi(client, operator_kencong)
    ipp = target("perubahan", "ipp")
    assert "Kategori B- · Baik (Dengan Catatan)" in sel_sampai_td(
        realisasi, f'id="capaian-{ipp.perjanjian_id}-{ipp.indikator_id}"'
    )
    sakip = target("awal", "nilai-sakip")
    assert "Kategori A · Memuaskan" in sel_sampai_td(
        realisasi, f'id="capaian-{sakip.perjanjian_id}-{sakip.indikator_id}"'
    )
    # An indicator without a scale of its own shows its kriteria only.
    trantib = target("awal", "penyelesaian-trantibum")
    assert "Kategori" not in sel_sampai_td(
        realisasi, f'id="capaian-{trantib.perjanjian_id}-{trantib.indikator_id}"'
    )


def test_skala_pilihan_kabupaten_untuk_tahun_itu_yang_dipakai(
    client, operator_kencong, jember, ikm_70_5
):
    """A kabupaten that rates IKM on another scale in 2025 sees that scale's category."""
    skala = SkalaPenilaian.objects.create(kode="ikm-uji", nama="IKM uji", jenis=JenisSkala.IKM)
    PitaSkala.objects.create(
        skala=skala, urutan=1, kode="L", label="Lulus", warna="#a5d6a7", batas_bawah=70
    )
    PitaSkala.objects.create(skala=skala, urutan=2, kode="TL", label="Tidak Lulus", warna="#ef9a9a")
    PemakaianSkala.objects.update_or_create(
        kabupaten=jember, tahun=2025, jenis=JenisSkala.IKM, defaults={"skala": skala}
    )
    t = target("awal", "ikm")
    isi = sel_sampai_td(
        halaman_realisasi(client, operator_kencong),
        f'id="capaian-{t.perjanjian_id}-{t.indikator_id}"',
    )
    assert "Kategori L · Lulus" in isi and KURANG_BAIK not in isi


def test_kategori_muncul_saat_mengetik(client, operator_kencong):
    """The htmx answer while typing reads the same rule."""
    client.force_login(operator_kencong)
    t = target("awal", "ikm")
    url = reverse("perjanjian:realisasi-hitung", args=["kencong", 2025, "tahunan"])
    prefix = f"b{t.perjanjian_id}_{t.indikator_id}"
    jawab = client.post(url, {"baris": prefix, f"{prefix}-nilai": "70,5"})
    assert KURANG_BAIK in teks(jawab.text)
