"""Charts and benchmark of the LKIP.

The charts are SVG drawn by matplotlib and inlined in the HTML: the same data must give the
same bytes (the stored PDF is found by the SHA-256 of the HTML), with Indonesian numbers.
The benchmark compares a kecamatan with the other kecamatan of Jember on the same measure, and
only when at least three have a realisasi."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Indikator, Ukuran
from kecamatan.models import Kecamatan
from laporan.dasbor import dasbor_kabupaten
from laporan.grafik import Batang, SeriTren, grafik_capaian, grafik_tahunan, grafik_tren
from laporan.pembanding import NilaiKecamatan, Pembanding, pembanding_tahunan, urutkan
from perjanjian.models import Realisasi
from sakip.kinerja import Nilai, Polaritas

D = Decimal

IKM = SeriTren(
    judul="Indeks Kepuasan Masyarakat",
    satuan="Indeks",
    tahun=tuple(range(2021, 2027)),
    target=(D(90), D(91), D("91.5"), D(92), D("92.5"), D(93)),
    realisasi=(None, D(91), D("85.42"), D("92.80"), D("92.33"), None),
    tahun_awal=2021,
    awal=D(90),
)


class TestGrafik:
    def test_svg_sama_untuk_data_yang_sama(self):
        pertama = grafik_tren([IKM, IKM], kunci="uji", judul="Tren IKM")
        kedua = grafik_tren([IKM, IKM], kunci="uji", judul="Tren IKM")
        assert pertama == kedua
        batang = [Batang("Sasaran 1.1", D("99.82"), "#9fd8f5"), Batang("Sasaran 2.1", None, "#fff")]
        assert grafik_capaian(batang, kunci="b", judul="x") == grafik_capaian(
            batang, kunci="b", judul="x"
        )

    def test_svg_sebaris_dalam_html_dengan_teks_indonesia(self):
        svg = grafik_tren([IKM], kunci="uji", judul="Tren IKM")
        assert svg.startswith('<svg class="grafik-svg" role="img" aria-label="Tren IKM"')
        assert "<?xml" not in svg and "<metadata" not in svg and "DOCTYPE" not in svg
        for tahun in range(2021, 2027):
            assert f">{tahun}</text>" in svg
        assert ">92,33</text>" in svg  # the latest realisasi, decimal comma
        assert not re.search(r">-?[0-9]+\.[0-9]+</text>", svg)  # no decimal point in a label
        assert ">Target</text>" in svg and ">Realisasi</text>" in svg
        assert ">Kondisi awal</text>" in svg
        assert 'style="' not in svg  # presentation attributes: no CSS warnings in WeasyPrint

    def test_batang_capaian_dengan_garis_100_persen(self):
        svg = grafik_capaian(
            [Batang("Sasaran 1.1", D("98.75"), "#9fd8f5"), Batang("Sasaran 1.2", None, "#fff")],
            kunci="b",
            judul="Capaian",
        )
        assert ">98,75%</text>" in svg and ">belum terukur</text>" in svg
        assert ">Target (100%)</text>" in svg and ">100%</text>" in svg
        assert 'fill="#9fd8f5"' in svg

    def test_grafik_kencong_2025(self, kencong):
        grafik = grafik_tahunan(kecamatan=kencong, tahun=2025)
        assert [g.perjanjian.jenis for g in grafik] == ["awal", "perubahan"]
        assert [x.nomor for g in grafik for x in g.grafik] == ["3.1", "3.2", "3.3", "3.4"]
        tren_awal = grafik[0].grafik[0].svg
        assert ">Nilai SAKIP OPD (Nilai)</text>" in tren_awal
        assert ">80,41</text>" in tren_awal and ">2026</text>" in tren_awal
        tren_perubahan = grafik[1].grafik[0].svg
        assert ">2029</text>" in tren_perubahan and ">3,17</text>" in tren_perubahan
        # capaian per sasaran: the mean of its indicators (99,27 and 100 → 99,64)
        assert ">99,64%</text>" in grafik[1].grafik[1].svg
        lagi = grafik_tahunan(kecamatan=kencong, tahun=2025)
        assert [x.svg for g in lagi for x in g.grafik] == [x.svg for g in grafik for x in g.grafik]

    def test_halaman_lkip_menampilkan_grafik_yang_sama(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        teks = client.get(reverse("laporan:lkip", args=["kencong", 2025])).text
        assert "Grafik capaian kinerja 2025" in teks
        for g in grafik_tahunan(kecamatan=kencong, tahun=2025):
            for x in g.grafik:
                assert x.svg in teks
                assert f"Gambar {x.nomor} {x.judul}" in teks


def nilai(k: str, angka: str) -> NilaiKecamatan:
    return NilaiKecamatan(kecamatan_id=hash(k), kecamatan=k, nilai=Nilai(D(angka)))


class TestPembanding:
    def test_ukuran_turunan_dibandingkan_dengan_nilai_hitungannya(self, kencong, bappeda):
        """Kencong's share of program indicators reached (2025) is computed in its first PK
        only (the PK Perubahan has no such indicator): the benchmark of point d and the
        dashboard (PK in force) both read the computed 75 %, as the LKIP's own table does;
        the dashboard without a target, hence without a capaian."""
        ind = [i for i in Indikator.objects.select_related("ukuran") if i.dihitung]
        assert {i.nama for i in ind} == {"Persentase Indikator Program yang tercapai"}
        (p,) = pembanding_tahunan(kecamatan=kencong, tahun=2025, indikator=ind).values()
        assert [(n.kecamatan, n.nilai.angka) for n in p.urutan] == [
            ("Kecamatan Kencong", Decimal("75.00"))
        ]
        d = dasbor_kabupaten(
            kecamatan=Kecamatan.objects.all(), kabupaten_id=bappeda.kabupaten_id, tahun=2025
        )
        kolom = next(i for i, u in enumerate(d.ukuran) if u.id == ind[0].ukuran_id)
        sel = next(b for b in d.baris if b.kecamatan == kencong).sel[kolom]
        assert sel.realisasi.angka == Decimal("75.00") and sel.target is None
        assert sel.capaian is None and sel.dihitung.startswith("Dihitung dari indikator program")

    def test_peringkat_positif_negatif_dan_sama_nilai(self):
        data = [nilai("A", "90"), nilai("B", "95"), nilai("C", "90"), nilai("D", "80")]
        assert [n.kecamatan for n in urutkan(data, Polaritas.POSITIF)] == ["B", "A", "C", "D"]
        assert [n.kecamatan for n in urutkan(data, "negatif")] == ["D", "A", "C", "B"]
        p = Pembanding(
            ukuran="Uji",
            tahun=2025,
            polaritas=Polaritas.POSITIF,
            kecamatan_id=hash("C"),
            urutan=urutkan(data, Polaritas.POSITIF),
        )
        assert p.cukup and p.peringkat == 2  # A and C share the second place
        assert p.rata_rata == D("88.75")
        negatif = Pembanding(
            ukuran="Aduan",
            tahun=2025,
            polaritas=Polaritas.NEGATIF,
            kecamatan_id=hash("D"),
            urutan=urutkan(data, Polaritas.NEGATIF),
        )
        assert negatif.peringkat == 1 and [n.kecamatan for n in negatif.terbaik] == ["D"]

    def test_kurang_dari_tiga_kecamatan(self, kencong):
        ikm = Indikator.objects.filter(ukuran__kode="ikm").first()
        p = pembanding_tahunan(kecamatan=kencong, tahun=2025, indikator=[ikm])[ikm.ukuran_id]
        assert (p.jumlah, p.cukup) == (1, False)
        assert p.rata_rata is None and p.peringkat is None and p.terbaik == ()
        Realisasi.objects.create(
            kecamatan=Kecamatan.objects.get(slug="patrang"), ukuran=ikm.ukuran, tahun=2025, nilai=90
        )
        p = pembanding_tahunan(kecamatan=kencong, tahun=2025, indikator=[ikm])[ikm.ukuran_id]
        assert (p.jumlah, p.cukup, p.peringkat) == (2, False, None)

    def test_tiga_kecamatan_lain_ikm_2025(self, kencong, django_assert_num_queries):
        ikm = Ukuran.objects.get(kabupaten=kencong.kabupaten, kode="ikm")
        for slug, angka in (("patrang", "95,10"), ("balung", "88,50"), ("panti", "93")):
            Realisasi.objects.create(
                kecamatan=Kecamatan.objects.get(slug=slug),
                ukuran=ikm,
                tahun=2025,
                nilai=D(angka.replace(",", ".")),
            )
        # another year and a quarter do not count
        Realisasi.objects.create(
            kecamatan=Kecamatan.objects.get(slug="ajung"), ukuran=ikm, tahun=2024, nilai=99
        )
        Realisasi.objects.create(
            kecamatan=Kecamatan.objects.get(slug="ajung"),
            ukuran=ikm,
            tahun=2025,
            periode="tw1",
            nilai=99,
        )
        indikator = list(Indikator.objects.filter(ukuran__kabupaten=kencong.kabupaten))
        # The dashboard's assembly (PKs, their targets, the kabupaten's realisasi, the year's
        # scales with their bands; Kencong's derived measures: program indicators and
        # budget), then the kecamatan's names, the measures' names, the national / provincial
        # targets: a fixed number, whatever the number of kecamatan or measures.
        with django_assert_num_queries(9):
            semua = pembanding_tahunan(kecamatan=kencong, tahun=2025, indikator=indikator)
        p = semua[ikm.id]
        assert p.cukup and p.jumlah == 4
        assert p.rata_rata == D("92.2325")  # (95,10 + 93 + 92,33 + 88,50) / 4
        assert p.peringkat == 3
        assert [(n.kecamatan, n.nilai.angka) for n in p.terbaik] == [
            ("Kecamatan Patrang", D("95.1000"))
        ]
        assert [n.kecamatan for n in p.urutan] == [
            "Kecamatan Patrang",
            "Kecamatan Panti",
            "Kecamatan Kencong",
            "Kecamatan Balung",
        ]
        assert not semua[Ukuran.objects.get(kode="ipp").id].cukup

    def test_kalimat_pembanding_dalam_laporan(self, kencong):
        from django.template.loader import render_to_string

        from laporan.isi_lkip.capaian import konteks_capaian
        from laporan.models import LaporanKinerja

        ikm = Ukuran.objects.get(kabupaten=kencong.kabupaten, kode="ikm")
        for slug, angka in (("patrang", "95.1"), ("balung", "88.5"), ("panti", "93")):
            Realisasi.objects.create(
                kecamatan=Kecamatan.objects.get(slug=slug), ukuran=ikm, tahun=2025, nilai=D(angka)
            )
        laporan = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
        k = konteks_capaian(laporan)
        k.update(kecamatan=kencong, kabupaten=kencong.kabupaten, tahun=2025)
        html = " ".join(render_to_string("laporan/dokumen/lkip/_capaian_bab3.html", k).split())
        assert (
            "Dibandingkan dengan 4 kecamatan di Kabupaten Jember yang memiliki realisasi Indeks "
            "Kepuasan Masyarakat tahun 2025, rata-rata kabupaten adalah 92,23." in html
        )
        assert "Kecamatan Kencong berada pada peringkat 3 dari 4 kecamatan" in html
        assert "Realisasi terbaik 95,1 dicapai Kecamatan Patrang." in html
        assert "Rata-rata 92,23; peringkat 3 dari 4; terbaik 95,1 (Kecamatan Patrang)" in html


@pytest.fixture(autouse=True)
def _jember(jember):
    return jember
