"""The printed LKIP of Kencong 2025, second half: ikhtisar eksekutif, BAB III (measurement and
analysis) and BAB IV, read back from the PDF the way a reader reads it (pypdf text per page).

The document is rendered once for the module (WeasyPrint takes seconds). For that render the
narrative of one sasaran is removed (and restored afterwards): the draft must say so where the
narrative belongs. Every value is the corrected one of seeds/README.md and fixtures/README.md.
"""

import re
from decimal import Decimal
from io import BytesIO, StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from pypdf import PdfReader

from iku.models import Indikator, Sasaran, TargetIndikator, Ukuran
from kecamatan.models import JenisSkala, Kecamatan, PemakaianSkala, PitaSkala, SkalaPenilaian
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.isi_lkip.capaian import baris_skala, konteks_capaian, nomor_kolom
from laporan.models import LaporanKinerja
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    NarasiSasaran,
    PerjanjianKinerja,
    Program,
    Realisasi,
    SubKegiatan,
    TargetPerjanjian,
)
from sakip import kinerja
from sakip.penguncian import kunci_dilepas

SASARAN_TANPA_NARASI = "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan"


def laporan_kencong() -> LaporanKinerja:
    return LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan__slug="kencong", tahun=2025
    )


@pytest.fixture(scope="module")
def cetakan(jember_modul, django_db_blocker):
    """Kencong's draft LKIP 2025 without the narrative of sasaran 2.3, rendered once."""
    with django_db_blocker.unblock():
        # A transactional test elsewhere may have flushed the database; loading is idempotent.
        call_command("muat_data_jember", stdout=StringIO())
        with transaction.atomic():
            NarasiSasaran.objects.filter(sasaran__uraian=SASARAN_TANPA_NARASI, tahun=2025).delete()
            laporan = laporan_kencong()
            penyaji = PenyajiLKIP(laporan)
            pk_ids = list(
                laporan.kecamatan.perjanjian.filter(tahun=2025).values_list("pk", flat=True)
            )
            html = penyaji.html()
            html_lagi = PenyajiLKIP(laporan_kencong()).html()
            pdf, jumlah, _ = penyaji.cetak(html)
            transaction.set_rollback(True)
    halaman = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]
    return SimpleNamespace(
        html=html,
        html_lagi=html_lagi,
        halaman=halaman,
        teks="\n".join(halaman),
        jumlah=jumlah,
        pk_ids=pk_ids,
    )


def rata(teks: str) -> str:
    """Whitespace folded, so a phrase broken over two lines is found."""
    return re.sub(r"\s+", " ", teks)


def halaman_dengan(c, teks: str) -> int:
    """The first page after the daftar isi (whose entries repeat the headings) with ``teks``."""
    isi = next(i for i, h in enumerate(c.halaman) if "menyajikan 2 analisis" in rata(h))
    return next(i for i, h in enumerate(c.halaman) if i >= isi and teks in rata(h))


def sejak(c, judul: str, sampai: str) -> str:
    """The text from the page where ``judul`` appears up to (not including) ``sampai``."""
    mulai = halaman_dengan(c, judul)
    semua = rata(" ".join(c.halaman[mulai:]))
    awal = semua.index(judul)
    return semua[awal : semua.index(sampai, awal + len(judul))]


class TestJudulDanUrutan:
    def test_bab_dan_tabel_yang_dibaca_pembaca(self, cetakan):
        teks = rata(cetakan.teks)
        for judul in (
            "IKHTISAR EKSEKUTIF",
            "BAB III",
            "AKUNTABILITAS KINERJA",
            "BAB IV",
            "PENUTUP",
            "Tabel 3.1 Skala Nilai Peringkat Kinerja",
            "Tabel 3.2 Capaian Kinerja Tahun 2025 (atas Kinerja pada PK Tahun 2025 dengan "
            "Dasar Renstra 2021-2026)",
            "Tabel 3.8 Capaian Kinerja Tahun 2025 (atas Kinerja pada PK Perubahan Tahun 2025 "
            "dengan Dasar Renstra 2025-2029)",
            "A. KESIMPULAN",
            "B. LANGKAH PERBAIKAN KINERJA",
        ):
            assert judul in teks, judul

    def test_nomor_tabel_berurutan_tanpa_lompatan(self, cetakan):
        """The seed skips 3.11 (its 3.12 and 3.13 follow 3.10); numbered consecutively here,
        its efficiency table of the PK Perubahan is 3.11 and the budget table 3.12."""
        teks = rata(cetakan.teks)
        judul = {
            "3.3": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 1.1",
            "3.4": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 2.1",
            "3.5": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 2.2",
            "3.6": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 2.3",
            "3.7": "Perhitungan Efisiensi",
            "3.9": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 1.1",
            "3.10": "Kontribusi Capaian Program/ Kegiatan/ Sub Kegiatan Terhadap Sasaran 1.2",
            "3.11": "Perhitungan Efisiensi",
            "3.12": "Realisasi Anggaran pada Tahun 2025",
        }
        for nomor, isi in judul.items():
            assert f"Tabel {nomor} {isi}" in teks, nomor
        nomor_tabel = re.findall(r"Tabel 3\.(\d+) ", teks)
        urutan = list(dict.fromkeys(int(n) for n in nomor_tabel))
        assert urutan == list(range(1, 13))

    def test_bagian_berlabuh_untuk_daftar_isi(self, cetakan):
        for anker in (
            "ikhtisar",
            "bab-3",
            "bab-3-a",
            "bab-3-d",
            "bab-4",
            "bab-4-a",
            "bab-4-b",
            *(f"bab-3-pk-{pk}" for pk in cetakan.pk_ids),
        ):
            assert cetakan.html.count(f'id="{anker}"') == 1, anker
        assert len(cetakan.pk_ids) == 2
        teks = rata(cetakan.teks)
        assert (
            teks.index("B. CAPAIAN DAN ANALISIS KINERJA – PERJANJIAN KINERJA TAHUN 2025")
            < (
                teks.index(
                    "C. CAPAIAN DAN ANALISIS KINERJA – PERJANJIAN KINERJA PERUBAHAN TAHUN 2025"
                )
            )
            < teks.index("D. AKUNTABILITAS KEUANGAN")
        )


class TestIkhtisar:
    def test_ringkasan_setiap_pk_dan_ketercapaian(self, cetakan):
        ikhtisar = sejak(cetakan, "IKHTISAR EKSEKUTIF", "BAB I")
        assert "menyajikan 2 analisis dan evaluasi" in ikhtisar
        assert "terdiri dari 2 tujuan dan 4 sasaran" in ikhtisar
        assert "terdiri dari 1 tujuan dan 2 sasaran" in ikhtisar
        # The first PK: 4 reached, 2 not (the program indicators' share, 75 / 92).
        assert "Sebanyak 4 indikator tercapai sesuai target" in ikhtisar
        assert "Sebanyak 2 indikator tidak tercapai sesuai target" in ikhtisar
        assert "Sebanyak 3 indikator tidak tercapai sesuai target" in ikhtisar
        for nilai in ("120,01%", "99,82%", "73,72%", "98,75%", "99,27%"):
            assert nilai in ikhtisar, nilai
        assert "Keterbatasan sarana prasarana dan kendala teknis sistem informasi" in ikhtisar

    def test_realisasi_anggaran(self, cetakan):
        ikhtisar = sejak(cetakan, "IKHTISAR EKSEKUTIF", "BAB I")
        assert (
            "realisasi sebesar Rp 3.067.535.140,00 atau 78,24% dari total pagu anggaran "
            "sebesar Rp 3.920.691.860,40" in ikhtisar
        )


class TestBab3:
    def test_tabel_3_1_dari_skala_yang_berlaku(self, cetakan):
        tabel = sejak(cetakan, "Tabel 3.1", "Cara menghitung")
        for bagian in ("≥ 90", "Sangat Tinggi", "76 ≤ x < 90", "Tinggi", "x < 51", "Sangat Rendah"):
            assert bagian in tabel, bagian
        assert "Permendagri 86 Tahun 2017" in tabel

    def test_capaian_tabel_3_2_dan_3_8_terkoreksi(self, cetakan):
        t32 = sejak(cetakan, "Tabel 3.2 Capaian", "Gambar 3.1")
        # "Persentase Indikator Program yang tercapai" is computed (75 %, not the seed's typed
        # 92 %: the budget program indicator, 78,24 / 92, is not reached): 75 / 92 and
        # 75 / 92,5 where the seed has 100 % and 99,46 %.
        for nilai in ("120,01%", "118,25%", "99,82%", "99,28%", "81,52%", "81,08%", "B (63,17)"):
            assert nilai in t32, nilai
        assert "99,81" not in t32  # the seed's truncation
        t38 = sejak(cetakan, "Tabel 3.8 Capaian", "Gambar 3.3")
        for nilai in ("73,72%", "67,88%", "98,75%", "95,19%", "99,27%", "94,60%"):
            assert nilai in t38, nilai
        assert "Sedang" in t38
        assert "98,74" not in t38

    def test_realisasi_yang_dihitung_menyebut_sumbernya(self, cetakan):
        """Under Tabel 3.2 and in analysis point e: the computed realisasi and its source."""
        html = rata(re.sub(r"<[^>]+>", " ", cetakan.html))
        sumber = (
            "Dihitung dari indikator program Perjanjian Kinerja 2025: "
            "3 dari 4 indikator program tercapai"
        )
        assert (
            "Realisasi indikator “Persentase Indikator Program yang tercapai” (75%) "
            f"tidak diketik. {sumber}." in html
        )
        assert f"Realisasi 75%: {sumber}." in html
        assert "tidak diketik" in rata(sejak(cetakan, "Tabel 3.2 Capaian", "Gambar 3.1"))
        # The program indicators computed from the budget tree, under Tabel 3.3 and 3.10.
        for awal, akhir in (
            ("Tabel 3.3 Kontribusi", "Berikut analisis"),
            ("Tabel 3.10 Kontribusi", "Berikut analisis"),
        ):
            t = rata(sejak(cetakan, awal, akhir))
            assert (
                "Realisasi indikator “Persentase realisasi anggaran” (78,24%) tidak diketik. "
                "Dihitung dari realisasi anggaran (pohon anggaran): Rp 3.067.535.140,00 dari "
                "pagu Rp 3.920.691.860,40." in t
            ), awal

    def test_tabel_3_2_dengan_tren_tiga_tahun_tabel_3_8_dengan_riwayat_ikm(self, cetakan):
        t32 = sejak(cetakan, "Tabel 3.2 Capaian", "Gambar 3.1")
        assert "Realisasi 2022" in t32 and "Realisasi 2024" in t32
        assert "Realisasi 2021" not in t32  # the baseline year: its own column
        assert "A (80,87)" in t32 and "85,42" in t32
        # The Renstra 2025-2029 begins this year: its columns are the years before it in
        # which an indicator has a realisasi (IKM 2022-2024), as point c tells them (issue 10).
        t38 = sejak(cetakan, "Tabel 3.8 Capaian", "Gambar 3.3")
        assert "Realisasi 2022" in t38 and "Realisasi 2024" in t38
        assert "92,8" in t38

    def test_analisis_poin_a_sampai_e(self, cetakan):
        c1 = sejak(cetakan, "C.1 Analisis Ketercapaian Tujuan", "C.1.1")
        assert (
            "Target tahun 2025 sebesar 4,3 tidak tercapai: realisasi 3,17 atau capaian 73,72%" in c1
        )
        assert "dengan kriteria capaian Sedang" in c1
        assert "target akhir periode Renstra (tahun 2029: 4,67) adalah sebesar 67,88%" in c1
        assert "Realisasi 2024: 2,7 (kondisi awal); 2025: 3,17" in c1
        assert "IPP = (75% × nilai form 02) + (25% × nilai form 03)" in c1
        # Analysis point e: the definition's lettered lines kept, Form 03 from the public.
        assert "d. Form 03 adalah form isian dari masyarakat" in " ".join(c1.split())
        assert "e. Form 02 adalah form asesmen Tim Bagian Organisasi" in " ".join(c1.split())
        b1 = sejak(cetakan, "B.1 Analisis Ketercapaian Tujuan", "B.1.1")
        assert "tercapai dengan realisasi A (80,41) atau capaian 120,01%" in b1
        assert "kriteria capaian Sangat Tinggi" in b1
        ikm = sejak(cetakan, "C.1.1 Analisis Ketercapaian Sasaran", "Tabel 3.9")
        assert "2024: 92,8; 2025: 92,33" in ikm
        assert "realisasi tahun 2025 menurun" in ikm

    def test_pembanding_belum_cukup_data(self, cetakan):
        """Only Kencong holds realisasi in the real data: the report says so, not "no data"."""
        teks = rata(cetakan.teks)
        assert (
            "Belum cukup data pembanding: hanya 1 kecamatan di Kabupaten Jember yang memiliki "
            "realisasi Indeks Kepuasan Masyarakat tahun 2025" in teks
        )

    def test_program_pendukung_dihitung(self, cetakan):
        t33 = sejak(cetakan, "Tabel 3.3 Kontribusi", "Berikut analisis")
        # The program's name cell may break at the foot of a page (a row longer than a page).
        assert "PROGRAM PENUNJANG URUSAN PEMERINTA" in t33
        assert "35,29%" in t33 and "92,31%" in t33  # the seed prints 35,24 % and 92 %
        # Persentase realisasi anggaran: the budget tree's 78,24 / 92, not the seed's 92 / 92.
        assert "92 78,24 85,04%" in rata(t33)
        t310 = sejak(cetakan, "Tabel 3.10 Kontribusi", "Berikut analisis")
        assert "78,24%" in t310 and "109,03%" in t310
        dukungan = sejak(cetakan, "Tabel 3.6 Kontribusi", "B.3 Analisis Efisiensi")
        assert "Faktor pendorong ketercapaian program adalah terjalinnya koordinasi" in dukungan

    def test_narasi_yang_hilang_ditandai_pada_draf(self, cetakan):
        sasaran_23 = sejak(cetakan, "B.2.3 Analisis Ketercapaian Sasaran", "B.3 Analisis")
        assert "[Narasi belum diisi]" in sasaran_23
        assert "Faktor pendorong keberhasilan capaian target" not in sasaran_23
        sasaran_22 = sejak(cetakan, "B.2.2 Analisis Ketercapaian Sasaran", "B.2.3")
        assert "[Narasi belum diisi]" not in sasaran_22
        assert "Pemanfaatan potensi dan kearifan lokal desa" in sasaran_22
        assert rata(cetakan.teks).count("[Narasi belum diisi]") == 1

    def test_efisiensi_dengan_anggaran_program_trantib_sendiri(self, cetakan):
        # Up to the sources named under the table (which name the PMKS program's budget again).
        t37 = sejak(cetakan, "Tabel 3.7 Perhitungan Efisiensi", "Sumber data perhitungan")
        assert "71,11%" in t37 and "Efisien" in t37
        assert "Tidak Efisien" in t37  # IKM 99,82 %: below the target
        assert "68.661.200,00 63.959.011,00 93,15%" in t37  # not the PMKS program's budget
        assert t37.count("143.419.500,00") == 1
        assert "3.920.691.860,40 3.067.535.140,00 78,24%" in t37
        t311 = sejak(cetakan, "Tabel 3.11 Perhitungan Efisiensi", "D. AKUNTABILITAS")
        assert "Rata-rata capaian sasaran 1.2 99,64%" in t311
        assert "98,81%" in t311 and "Tidak Efisien" in t311

    def test_akuntabilitas_keuangan_tabel_realisasi_anggaran(self, cetakan):
        d = sejak(cetakan, "D. AKUNTABILITAS KEUANGAN", "BAB IV")
        assert "total anggaran sebesar Rp 3.920.691.860,40" in d
        assert "Rp 3.067.535.140,00 atau 78,24%" in d
        assert "2.911.311.160,40 2.070.116.001,00 71,11%" in d
        assert "JUMLAH 3.920.691.860,40 3.067.535.140,00 78,24%" in d

    def test_grafik_ikut_tercetak(self, cetakan):
        teks = rata(cetakan.teks)
        assert "Gambar 3.1 Tren realisasi dan target IKU PK 2025" in teks
        assert "Gambar 3.4 Capaian kinerja per sasaran PK Perubahan 2025" in teks
        assert cetakan.html.count('<svg class="grafik-svg"') == 4


class TestBab4:
    def test_kesimpulan_hambatan_keberhasilan_dan_langkah(self, cetakan):
        bab4 = sejak(cetakan, "A. KESIMPULAN", "LAMPIRAN")
        assert "Dinamika dalam perencanaan dan penganggaran" in bab4
        assert "Dari 10 indikator kinerja" in bab4
        assert "sebanyak 5 indikator tercapai sesuai target dan 5 indikator tidak tercapai" in bab4
        assert "Pemanfaatan potensi lokal yang belum maksimal" in bab4
        assert "Terbatasnya pemahaman terhadap aturan yang berlaku" in bab4
        assert "Pemenuhan sarana prasarana sesuai kebutuhan" in bab4


class TestKonteks:
    def test_html_deterministik(self, cetakan):
        # the same data gives the same bytes (the stored PDF is found by its fingerprint);
        # the time it takes is measured by bench/lkip.py, not asserted here
        assert cetakan.html == cetakan.html_lagi

    def test_kolom_tabel_3_2(self):
        assert nomor_kolom(3)[-4:] == ("11", "12", "13 = 6/12 × 100", "14")
        assert nomor_kolom(0)[-3:] == ("9", "10 = 6/9 × 100", "11")

    def test_interval_skala_dari_pita(self):
        assert [b.interval for b in baris_skala(kinerja.SKALA_KRITERIA_CAPAIAN)] == [
            "≥ 90",
            "76 ≤ x < 90",
            "66 ≤ x < 76",
            "51 ≤ x < 66",
            "x < 51",
        ]
        assert [b.interval for b in baris_skala(kinerja.SKALA_PREDIKAT_SAKIP)][:2] == [
            "> 90",
            "80 < x ≤ 90",
        ]


def test_skala_lain_mengubah_tabel_3_1_dan_kriteria(kencong):
    """The kabupaten picks a four-band scale for 2025: Tabel 3.1 and every kriteria follow."""
    skala = SkalaPenilaian.objects.create(
        kode="empat-pita", nama="Empat pita", jenis=JenisSkala.KRITERIA_CAPAIAN, sumber="Uji"
    )
    for urutan, (kode, label, warna, batas) in enumerate(
        [
            ("SB", "Sangat Baik", "#2e7d32", Decimal(100)),
            ("B", "Baik", "#9ccc65", Decimal(76)),
            ("C", "Cukup", "#fff176", Decimal(55)),
            ("K", "Kurang", "#e57373", None),
        ],
        start=1,
    ):
        PitaSkala.objects.create(
            skala=skala, urutan=urutan, kode=kode, label=label, warna=warna, batas_bawah=batas
        )
    PemakaianSkala.objects.update_or_create(
        kabupaten=kencong.kabupaten,
        tahun=2025,
        jenis=JenisSkala.KRITERIA_CAPAIAN,
        defaults={"skala": skala},
    )
    k = konteks_capaian(laporan_kencong())
    assert [b.pita.label for b in k["capaian_skala_baris"]] == [
        "Sangat Baik",
        "Baik",
        "Cukup",
        "Kurang",
    ]
    assert k["capaian_skala_sumber"] == "Uji"
    ipp = k["capaian_perjanjian"][1].baris[0].baris
    assert ipp.kriteria.label == "Cukup"  # 73,72 %
    k.update(kecamatan=kencong, kabupaten=kencong.kabupaten, tahun=2025)
    html = render_to_string("laporan/dokumen/lkip/_capaian_bab3.html", k)
    assert "Sangat Baik" in html and "Sangat Tinggi" not in html


def test_kueri_terbatas_walau_indikator_dan_program_bertambah(
    kencong, django_assert_max_num_queries
):
    laporan = laporan_kencong()
    # 30 until the benchmark (point d) read every kecamatan's realisasi through the dashboard's
    # assembly, derived measures included (laporan.pembanding): a fixed 8 more.
    with django_assert_max_num_queries(38):
        konteks_capaian(laporan)

    awal = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(pk=awal.pk).update(status="draft")
    tujuan = TargetPerjanjian.objects.filter(perjanjian=awal).first().indikator
    tujuan = tujuan.tujuan or tujuan.sasaran.tujuan
    for i in range(4):
        sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=40 + i, uraian=f"Sasaran uji {i}")
        NarasiSasaran.objects.create(sasaran=sasaran, tahun=2025, faktor_pendorong="Uji")
        program = Program.objects.create(
            kecamatan=kencong, tahun=2025, kode=f"9{i}", nama=f"Program uji {i}"
        )
        program.sasaran.add(sasaran)
        kegiatan = Kegiatan.objects.create(program=program, kode=f"9{i}.1", nama="Kegiatan uji")
        sub = SubKegiatan.objects.create(
            kegiatan=kegiatan, kode=f"9{i}.1.1", nama="Sub uji", pagu_awal=Decimal(1000)
        )
        for tingkat in ({"program": program}, {"kegiatan": kegiatan}, {"sub_kegiatan": sub}):
            IndikatorProgram.objects.create(
                perjanjian=awal, uraian="Uji", satuan="%", target=100, realisasi=90, **tingkat
            )
        for j in range(3):
            ukuran = Ukuran.objects.create(
                kabupaten=kencong.kabupaten, kode=f"uji-capaian-{i}-{j}", nama=f"Uji {i}.{j}"
            )
            ind = Indikator.objects.create(
                sasaran=sasaran, ukuran=ukuran, nama=f"Uji {i}.{j}", satuan="%"
            )
            TargetIndikator.objects.create(indikator=ind, tahun=2025, nilai=100)
            TargetPerjanjian.objects.create(perjanjian=awal, indikator=ind, nilai=100)
            lain = Kecamatan.objects.filter(kabupaten=kencong.kabupaten).exclude(pk=kencong.pk)
            for kec in [kencong, *lain[:3]]:
                Realisasi.objects.create(kecamatan=kec, ukuran=ukuran, tahun=2025, nilai=95)

    with django_assert_max_num_queries(38):
        k = konteks_capaian(laporan)
    assert k["capaian_perjanjian"][0].jumlah_sasaran == 8
    k.update(kecamatan=kencong, kabupaten=kencong.kabupaten, tahun=2025)
    html = render_to_string("laporan/dokumen/lkip/_capaian_bab3.html", k)
    assert "Sasaran uji 3" in html and "peringkat 1 dari 4" in html


def test_tahun_tanpa_pk_dan_anggaran_tetap_tersusun(patrang):
    """Patrang holds no PK, budget nor realisasi for 2025: the chapters say so, nothing breaks."""
    laporan = LaporanKinerja.objects.create(kecamatan=patrang, tahun=2025)
    k = konteks_capaian(laporan)
    assert k["capaian_perjanjian"] == () and k["capaian_huruf_keuangan"] == "B"
    k.update(kecamatan=patrang, kabupaten=patrang.kabupaten, tahun=2025)
    teks = " ".join(
        render_to_string(f"laporan/dokumen/lkip/_capaian_{bagian}.html", k)
        for bagian in ("ikhtisar", "bab3", "bab4")
    )
    teks = rata(re.sub(r"<[^>]+>", " ", teks))
    assert "[Belum ada Perjanjian Kinerja tahun 2025" in teks
    assert "Anggaran tahun 2025 belum diisi." in teks
    assert "B. AKUNTABILITAS KEUANGAN" in teks
    assert "[Kesimpulan belum diisi]" in teks and "[Langkah perbaikan kinerja belum diisi]" in teks
