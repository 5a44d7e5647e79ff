"""The printed LKIP of Kencong 2025, first half: cover, kata pengantar, daftar isi, BAB I, BAB II
and lampiran, read back from the PDF the way a reader reads it (pypdf text per page).

The document is rendered once for the module (WeasyPrint takes seconds); the numbers are the
corrected ones of seeds/README.md and fixtures/README.md, computed from the data."""

import re
from decimal import Decimal
from io import BytesIO, StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from pypdf import PdfReader

from iku.models import Indikator, Renstra, Sasaran, TargetIndikator, Tujuan, Ukuran
from iku.selectors import renstra_tahun
from kecamatan.models import KomposisiSDM, ProfilTahunan, SaranaPrasarana
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.isi_lkip.awal import blok, konteks_awal, romawi
from laporan.isi_lkip.lampiran import tabel_jangka_menengah
from laporan.models import LaporanKinerja, TindakLanjutLHE
from perjanjian.models import Kegiatan, Program, SubKegiatan

LABEL_HALAMAN = re.compile(r"^(?:[ivxlc]+|\d+)$")
ENTRI = re.compile(r"^(?P<judul>.+?)\s*\.{3,}\s*(?P<hal>[ivxlc]+|\d+)?$")


def laporan_kencong() -> LaporanKinerja:
    return LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan__slug="kencong", tahun=2025
    )


@pytest.fixture(scope="module")
def cetakan(jember_modul, django_db_blocker):
    """Kencong's LKIP 2025 (a draft, as loaded), rendered once: its HTML twice and its PDF."""
    with django_db_blocker.unblock():
        # A transactional test elsewhere may have flushed the database; loading is idempotent.
        call_command("muat_data_jember", stdout=StringIO())
        penyaji = PenyajiLKIP(laporan_kencong())
        html = penyaji.html()
        html_lagi = PenyajiLKIP(laporan_kencong()).html()
        pdf, jumlah, _ = penyaji.cetak(html)
    halaman = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]
    return SimpleNamespace(html=html, html_lagi=html_lagi, halaman=halaman, jumlah=jumlah)


def baris(teks: str) -> list[str]:
    """The lines of a page, without the DRAF mark a draft prints across every page."""
    return [b.strip() for b in teks.splitlines() if b.strip() and b.strip() != "DRAF"]


def label(teks: str) -> str:
    """The page number printed at the foot of a page (the last line of its text)."""
    terakhir = baris(teks)[-1]
    assert LABEL_HALAMAN.match(terakhir), f"tanpa nomor halaman: {terakhir!r}"
    return terakhir


def halaman_daftar_isi(c) -> list[int]:
    mulai = next(i for i, t in enumerate(c.halaman) if baris(t)[0] == "DAFTAR ISI")
    hasil = [mulai]
    # The daftar isi continues until the ikhtisar begins.
    for i in range(mulai + 1, len(c.halaman)):
        if "IKHTISAR EKSEKUTIF" in baris(c.halaman[i])[0]:
            break
        hasil.append(i)
    return hasil


def entri_daftar_isi(c) -> dict[str, str]:
    """Title → page number as printed in the daftar isi (wrapped titles joined)."""
    hasil, awal = {}, ""
    for i in halaman_daftar_isi(c):
        for b in baris(c.halaman[i])[:-1]:
            m = ENTRI.match(b)
            if m is None:
                awal = f"{awal} {b}".strip() if b.isupper() else ""
                continue
            hasil[f"{awal} {m['judul']}".strip()] = m["hal"]
            awal = ""
    return hasil


def halaman_judul(c, *judul: str) -> int:
    """The first page after the daftar isi on which these lines stand one under the other."""
    lewati = max(halaman_daftar_isi(c))
    for i in range(lewati + 1, len(c.halaman)):
        b = baris(c.halaman[i])
        for j in range(len(b) - len(judul) + 1):
            if tuple(b[j : j + len(judul)]) == judul:
                return i
    raise AssertionError(f"judul {judul} tidak ditemukan")


def rata(teks: str) -> str:
    """Text with every run of whitespace (line breaks inside table cells too) as one space."""
    return re.sub(r"\s+", " ", teks)


def teks_bab2(c) -> str:
    """BAB II, up to the next chapter (whoever wrote it), whitespace made single."""
    mulai = halaman_judul(c, "BAB II", "PERENCANAAN DAN PERJANJIAN KINERJA")
    akhir = next(
        i
        for i in range(mulai + 1, len(c.halaman))
        if baris(c.halaman[i])[0] in {"BAB III", "BAB IV", "LAMPIRAN"}
    )
    return rata("\n".join(c.halaman[mulai:akhir]))


class TestSampulDanKataPengantar:
    def test_sampul_menyebut_laporan_kecamatan_tahun_dan_alamat(self, cetakan):
        sampul = cetakan.halaman[0]
        for teks in (
            "LAPORAN KINERJA",
            "KECAMATAN KENCONG",
            "KABUPATEN JEMBER",
            "2025",
            "Jl. Diponegoro No. 323, Kencong 68167",
            "Telp : (0336) 321005",
            "Email : kec.kencong@jemberkab.go.id",
        ):
            assert teks in sampul
        # No page number on the cover.
        assert not LABEL_HALAMAN.match(baris(sampul)[-1])

    def test_logo_kabupaten_hanya_bila_tersimpan(self, db):
        laporan = laporan_kencong()
        kabupaten = laporan.kecamatan.kabupaten
        konteks = {"kecamatan": laporan.kecamatan, "kabupaten": kabupaten, "tahun": 2025}
        sampul = "laporan/dokumen/lkip/_awal_sampul.html"
        assert "<img" not in render_to_string(sampul, konteks)
        kabupaten.logo.name = "logo/kabupaten/jember.png"  # in memory only
        assert 'src="/media/logo/kabupaten/jember.png"' in render_to_string(sampul, konteks)

    def test_lkip_draf_bertanda_draf_di_setiap_halaman(self, cetakan):
        assert "DRAF — belum ditetapkan" in cetakan.halaman[0]
        tanpa = [i + 1 for i, h in enumerate(cetakan.halaman) if "DRAF" not in h]
        assert tanpa == [], f"halaman tanpa tanda DRAF: {tanpa}"

    def test_lkip_ditetapkan_tanpa_tanda_draf(self, db):
        laporan = laporan_kencong()
        laporan.status = LaporanKinerja.Status.DITETAPKAN  # in memory only: nothing is saved
        assert "DRAF" not in PenyajiLKIP(laporan).html()

    def test_kata_pengantar_ditandatangani_camat_dengan_nip_berkelompok(self, cetakan):
        pengantar = cetakan.halaman[1]
        assert baris(pengantar)[0] == "KATA PENGANTAR"
        ttd = [
            "Jember, 19 Februari 2026",
            "Camat Kencong",
            "Ronny Arvianto, S.E., M.M.",
            "Pembina / IV.a",
            "NIP. 19770827 200212 1 006",
        ]
        assert baris(pengantar)[-len(ttd) - 1 : -1] == ttd
        assert "NIP. 19770827 200212 1 006" in pengantar
        assert label(pengantar) == "i"

    def test_html_deterministik(self, cetakan):
        assert cetakan.html == cetakan.html_lagi


class TestDaftarIsi:
    def test_entri_dan_urutannya(self, cetakan):
        # The headings up to LAMPIRAN; the annexes listed after it (with the page each starts
        # on: TestLampiran) follow.
        judul = list(entri_daftar_isi(cetakan))
        judul = judul[: judul.index("LAMPIRAN") + 1]
        harapan = [
            "KATA PENGANTAR",
            "DAFTAR ISI",
            "IKHTISAR EKSEKUTIF",
            "BAB I PENDAHULUAN",
            "A. LATAR BELAKANG",
            "B. TUJUAN",
            "C. TUGAS, FUNGSI DAN SUSUNAN ORGANISASI",
            "D. DUKUNGAN SUMBER DAYA MANUSIA DAN SARANA PRASARANA",
            "E. ISU STRATEGIS",
            "F. TINDAK LANJUT ATAS LAPORAN HASIL EVALUASI SAKIP TAHUN 2025",
            "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
            "A. RENCANA STRATEGIS",
            "B. INDIKATOR KINERJA UTAMA",
            "C. PERJANJIAN KINERJA TAHUN 2025",
            "D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2025",
            "BAB III AKUNTABILITAS KINERJA",
            "A. KERANGKA PENGUKURAN KINERJA TAHUN 2025",
            "B. CAPAIAN DAN ANALISIS KINERJA – PERJANJIAN KINERJA TAHUN 2025 DENGAN DASAR "
            "RENSTRA 2021 – 2026",
            "C. CAPAIAN DAN ANALISIS KINERJA – PERJANJIAN KINERJA PERUBAHAN TAHUN 2025 DENGAN "
            "DASAR RENSTRA 2025 – 2029",
            "D. AKUNTABILITAS KEUANGAN",
            "BAB IV PENUTUP",
            "A. KESIMPULAN",
            "B. LANGKAH PERBAIKAN KINERJA",
            "LAMPIRAN",
        ]
        assert judul == harapan
        teks = "\n".join(cetakan.halaman[i] for i in halaman_daftar_isi(cetakan))
        assert "Lampiran 1. Perjanjian Kinerja Tahun 2025" in teks
        assert "Lampiran 2. Perjanjian Kinerja Perubahan Tahun 2025" in teks

    @pytest.mark.parametrize(
        ("entri", "judul"),
        [
            ("KATA PENGANTAR", ("KATA PENGANTAR",)),
            ("BAB I PENDAHULUAN", ("BAB I", "PENDAHULUAN")),
            ("A. LATAR BELAKANG", ("A. LATAR BELAKANG",)),
            (
                "D. DUKUNGAN SUMBER DAYA MANUSIA DAN SARANA PRASARANA",
                ("D. DUKUNGAN SUMBER DAYA MANUSIA DAN SARANA PRASARANA",),
            ),
            ("E. ISU STRATEGIS", ("E. ISU STRATEGIS",)),
            (
                "F. TINDAK LANJUT ATAS LAPORAN HASIL EVALUASI SAKIP TAHUN 2025",
                ("F. TINDAK LANJUT ATAS LAPORAN HASIL EVALUASI SAKIP TAHUN 2025",),
            ),
            (
                "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
                ("BAB II", "PERENCANAAN DAN PERJANJIAN KINERJA"),
            ),
            ("B. INDIKATOR KINERJA UTAMA", ("B. INDIKATOR KINERJA UTAMA (IKU)",)),
            ("C. PERJANJIAN KINERJA TAHUN 2025", ("C. PERJANJIAN KINERJA TAHUN 2025",)),
            (
                "D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2025",
                ("D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2025",),
            ),
            ("LAMPIRAN", ("LAMPIRAN",)),
        ],
    )
    def test_nomor_halaman_sama_dengan_halaman_judulnya(self, cetakan, entri, judul):
        """The number printed next to an entry is the number at the foot of the page where
        that heading really stands."""
        tercetak = entri_daftar_isi(cetakan)[entri]
        indeks = 1 if entri == "KATA PENGANTAR" else halaman_judul(cetakan, *judul)
        assert tercetak == label(cetakan.halaman[indeks])

    def test_halaman_bab_dihitung_dari_bab_satu(self, cetakan):
        """Arabic numbers start at 1 on BAB I: the BAB II entry equals its distance from it."""
        bab1 = halaman_judul(cetakan, "BAB I", "PENDAHULUAN")
        bab2 = halaman_judul(cetakan, "BAB II", "PERENCANAAN DAN PERJANJIAN KINERJA")
        entri = entri_daftar_isi(cetakan)
        assert entri["BAB I PENDAHULUAN"] == "1"
        assert int(entri["BAB II PERENCANAAN DAN PERJANJIAN KINERJA"]) == bab2 - bab1 + 1
        assert entri["DAFTAR ISI"] == "ii"


class TestBabSatu:
    def test_judul_bab_dan_subbab(self, cetakan):
        i = halaman_judul(cetakan, "BAB I", "PENDAHULUAN")
        teks = cetakan.halaman[i]
        assert "A. LATAR BELAKANG" in teks
        assert "Peraturan Presiden Nomor 29 Tahun 2014" in teks
        assert "Memberikan informasi kinerja yang terukur" in teks

    def test_tabel_1_1_jumlah_dihitung_dan_nol_sebagai_strip(self, cetakan):
        teks = "\n".join(cetakan.halaman)
        assert "Tabel 1.1\nKomposisi SDM Kecamatan Kencong Tahun 2025" in teks
        # Σ and Jumlah computed: Pelaksana bezetting S1 is 4 (the seed's 3 is corrected).
        assert "3. Pelaksana 16 - 11 - 5 - 18 1 11 2 4 - 16 2" in teks
        assert "Jumlah 24 - 12 - 10 2 24 1 12 2 7 2 21 3" in teks
        assert "Jabatan Pimpinan Tinggi - - - - - - - - - - - - - -" in teks
        assert (
            "Sumber: Data Kepegawaian Kecamatan Kencong 2025 per tanggal 31 Desember 2025" in teks
        )

    def test_tabel_1_2_kelompok_romawi_subtotal_dan_jumlah(self, cetakan):
        teks = "\n".join(cetakan.halaman)
        assert (
            "Tabel 1.2\nProfil Sarana dan Prasarana Kecamatan Kencong Per 31 Desember 2025" in teks
        )
        assert "I TANAH 18 18" in teks
        assert "II PERALATAN DAN MESIN 221 221" in teks
        assert "V ASET TETAP LAINNYA 20 20" in teks
        assert "33 Piala 18 baik 18" in teks  # rows numbered across the groups, as the seed
        assert "Jumlah 289 289" in teks
        assert "Sumber: Kartu Inventaris Barang Kecamatan Kencong 2025" in teks

    def test_isu_strategis_dan_tabel_1_3(self, cetakan):
        teks = "\n".join(cetakan.halaman)
        assert "Jarak layanan pemadam kebakaran" in teks
        assert (
            "Tabel 1.3\nTindak Lanjut Atas Laporan Hasil Evaluasi SAKIP Kecamatan Kencong" in teks
        )
        assert (
            "Sumber: LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3, Surat Nomor "
            "700.1.2.1/15/IR." in rata(teks)
        )
        assert "11 Kecamatan Kencong Kabupaten Jember untuk segera" in rata(teks)


class TestBabDua:
    def test_judul_tabel_bernomor_urut(self, cetakan):
        teks = teks_bab2(cetakan)
        judul = [
            "Tabel 2.1 Cascading Kinerja Berdasarkan RPJMD 2021 - 2026",
            "Tabel 2.2 Cascading Kinerja Berdasarkan RPJMD 2025 - 2029",
            "Tabel 2.3 Matriks Tujuan Dan Sasaran Rencana Strategis Kecamatan Kencong Tahun "
            "2021-2026",
            "Tabel 2.4 Matriks Tujuan Dan Sasaran Rencana Strategis Kecamatan Kencong Tahun "
            "2025-2029",
            "Tabel 2.5 IKU Kecamatan Kencong Berdasarkan Renstra Tahun 2021-2026",
            "Tabel 2.6 IKU Kecamatan Kencong Berdasarkan Renstra Tahun 2025-2029",
            "Tabel 2.7 Perjanjian Kinerja Kecamatan Kencong Tahun 2025",
            "Tabel 2.8 Perjanjian Kinerja (Perubahan) Kecamatan Kencong Tahun 2025",
            "Tabel 2.9 Struktur Program, Kegiatan dan Sub Kegiatan pada Tahun 2025",
        ]
        posisi = [teks.index(j) for j in judul]
        assert posisi == sorted(posisi)

    def test_matriks_renstra_dengan_target_huruf_dan_baseline(self, cetakan):
        teks = teks_bab2(cetakan)
        assert "B (63,17) B (64) B (65) B (66) B (67) B (68) B (68)" in teks
        assert (
            "Sumber data: tabel TC 25 Perubahan Renstra Kecamatan Kencong Tahun 2021-2026" in teks
        )
        # Renstra 2025-2029 has a 2024 baseline before its first year.
        assert "Kondisi Awal / Baseline 2024" in teks
        assert "68,41 81 82 83 84 85 85" in teks
        # The IKM baseline as the seed's Tabel 2.4 (the Renstra's Tabel 3.1) prints it.
        assert "93 93,5 94 95 96 97 97" in teks
        assert "Sumber data: tabel 3.1 pada Renstra Kecamatan Kencong Tahun 2025-2029" in teks

    def test_iku_menyebut_keputusannya(self, cetakan):
        teks = teks_bab2(cetakan)
        assert "Nomor 000.8.6.3/22/35.09.02/2025" in teks
        assert "Nomor 000.7.2.7/32/35.09.02/2025" in teks
        assert "1. Indikator Kinerja Utama" in teks
        assert "2. Indikator Kinerja Lainnya" in teks
        assert "IPP = (75% × nilai form 02) + (25% × nilai form 03)" in teks
        # Tabel 2.6 as decree /32: Form 03 from the public, Form 02 the assessment.
        assert "Form 03 adalah form isian dari masyarakat" in " ".join(teks.split())
        assert "Form 02 adalah form asesmen Tim Bagian Organisasi" in " ".join(teks.split())

    def test_perjanjian_kinerja_dan_anggaran_programnya(self, cetakan):
        teks = teks_bab2(cetakan)
        assert "Nilai SAKIP OPD B (67)" in teks
        assert "Nilai SAKIP Kecamatan 81" in teks
        # The first PK is signed on the budget before the change, the PK Perubahan after it.
        assert "Rp 236.432.400,00 Sumber Dana APBD" in teks
        assert "Jumlah Rp 4.667.506.655,00 Sumber Dana APBD" in teks
        assert "Rp 68.661.200,00 Sumber Dana P-APBD" in teks
        assert "Jumlah Rp 3.920.691.860,40 Sumber Dana P-APBD" in teks

    def test_tabel_2_9_total_dan_koreksi(self, cetakan):
        teks = teks_bab2(cetakan)
        # Program 1 after pergeseran is the sum of its kegiatan (the seed prints ,00 and ,40).
        assert "3.160.652.155,00 2.905.257.160,40 2.911.311.160,40 6.054.000,00" in teks
        assert "(8.091.400,00)" in teks  # a decrease, in parentheses
        assert "(20.225.000,00)" in teks
        assert re.search(
            r"Jumlah 4\.667\.506\.655,00 3\.920\.691\.860,40 3\.920\.691\.860,40 0,00", teks
        )

    def test_halaman_lanskap_untuk_tabel_lebar(self, cetakan):
        # Tabel 2.3 and 2.9 stand on landscape pages (their text lines are longer).
        i = halaman_judul(cetakan, "D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2025")
        assert any(len(b) > 110 for b in baris(cetakan.halaman[i]))


def halaman_lampiran(c) -> list[str]:
    """The pages bound after the LKIP's own (its last page is the lampiran list), whitespace
    made single."""
    i = halaman_judul(c, "LAMPIRAN")
    return [rata(t) for t in c.halaman[i + 1 :]]


class TestLampiran:
    def test_dokumen_lampiran_didaftar_dengan_nomor_dan_tanggal(self, cetakan):
        i = halaman_judul(cetakan, "LAMPIRAN")
        teks = rata(cetakan.halaman[i])
        assert "dilampirkan sesudah halaman ini" in teks
        assert "dicetak tersendiri" not in teks
        assert "Lampiran 1. Perjanjian Kinerja Tahun 2025" in teks
        assert "10 Februari 2025" in teks
        assert "Lampiran 2. Perjanjian Kinerja Perubahan Tahun 2025" in teks
        assert "Nomor 000.8.6.3/22/35.09.02/2025 tanggal 10 Februari 2025" in teks
        assert "Lampiran 5. Tabel TC. 25 Renstra Perubahan 2021-2026" in teks
        assert "diverifikasi Kepala Bappeda Kab. Jember tanggal 17 April 2023" in teks
        assert "Lampiran 6. Tabel 3.1 Renstra 2025-2029" in teks

    def test_lkip_berakhir_pada_daftar_lampiran_dengan_nomor_halamannya(self, cetakan):
        # The LKIP's own numbering is untouched: the list is its last numbered page, the
        # annexes follow with their own (a PK starts again at 1).
        i = halaman_judul(cetakan, "LAMPIRAN")
        assert label(cetakan.halaman[i]) == entri_daftar_isi(cetakan)["LAMPIRAN"]
        assert len(cetakan.halaman) == cetakan.jumlah > i + 1

    def test_nomor_halaman_tiap_lampiran_adalah_halaman_awalnya(self, cetakan):
        # The daftar isi and the lampiran list give each annex the page it starts on, in the
        # LKIP's own count (BAB I is 1) carried on through the pages bound after it, though
        # each annex prints its own numbers.
        daftar_isi = rata(" ".join(cetakan.halaman[i] for i in halaman_daftar_isi(cetakan)))
        nomor = {
            int(m[1]): int(m[2])
            for m in re.finditer(r"Lampiran (\d)\. (?:(?!Lampiran).)*?\.{3,} ?(\d+)", daftar_isi)
        }
        assert sorted(nomor) == [1, 2, 3, 4, 5, 6]
        # The list's last column: each row ends with its number (then the next row, or the
        # page's own number).
        daftar = rata(cetakan.halaman[halaman_judul(cetakan, "LAMPIRAN")])
        assert "Lampiran Keterangan Hal." in daftar
        kolom = dict(
            (int(m[1]), int(m[2]))
            for m in re.finditer(
                r"Lampiran (\d)\. (?:(?!Lampiran).)*? (\d+)(?= Lampiran \d\.| \d+$)", daftar
            )
        )
        assert kolom == nomor
        bab1 = halaman_judul(cetakan, "BAB I")
        assert label(cetakan.halaman[bab1]) == "1"
        awal = {
            1: "PERJANJIAN KINERJA TAHUN 2025",
            2: "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025",
            3: "Nomor : 000.8.6.3/22/35.09.02/2025",
            4: "Nomor : 000.7.2.7/32/35.09.02/2025",
            5: "KERTAS KERJA PERANGKAT DAERAH",
            6: "Tabel 3.1 Tujuan dan Sasaran Jangka Menengah",
        }
        akhir_lkip = halaman_judul(cetakan, "LAMPIRAN")
        for ke, teks in awal.items():
            # The first page after the LKIP's own that shows the annex's heading.
            pertama = next(
                i
                for i in range(akhir_lkip + 1, len(cetakan.halaman))
                if teks in rata(cetakan.halaman[i])
            )
            assert bab1 + nomor[ke] - 1 == pertama, f"Lampiran {ke}"

    def test_pk_dan_keputusan_dicetak_penyajinya_sendiri(self, cetakan):
        lampiran = halaman_lampiran(cetakan)
        semua = " ".join(lampiran)
        # Lampiran 1 and 2: both PK of the year with their parties, in the list's order.
        # A draft LKIP marks the annexes it binds as a draft too.
        assert lampiran[0].startswith("DRAF PEMERINTAH KABUPATEN JEMBER KECAMATAN KENCONG")
        assert "PERJANJIAN KINERJA TAHUN 2025" in lampiran[0]
        assert "Muhammad Najmul Huda, S.STP, M.Si" in lampiran[0]
        assert "Muhammad Balya Firjaun Barlaman" in lampiran[0]
        pk_perubahan = semua.index("PERJANJIAN KINERJA PERUBAHAN TAHUN 2025")
        assert "Ronny Arvianto" in semua[pk_perubahan:]
        # Lampiran 3 and 4: both IKU decrees in force, as their renderer prints them.
        k22 = semua.index(
            "KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER Nomor : 000.8.6.3/22/35.09.02/2025"
        )
        k32 = semua.index("000.7.2.7/32/35.09.02/2025")
        assert pk_perubahan < k22 < k32
        assert "INDIKATOR KINERJA UTAMA KECAMATAN KENCONG KABUPATEN JEMBER" in semua[k22:]

    def test_tabel_tc_25_dengan_verifikasi_bappeda(self, cetakan):
        lampiran = halaman_lampiran(cetakan)
        i = next(n for n, t in enumerate(lampiran) if "KERTAS KERJA PERANGKAT DAERAH" in t)
        teks = " ".join(lampiran[i : i + 2])
        assert "Lampiran 5" in teks
        assert "Tabel TC. 25 Renstra Perubahan 2021-2026 Kecamatan Kencong" in teks
        # The years after the 2021 baseline, as the seed's TC 25 prints them.
        assert "1 (2022) 2 (2023) 3 (2024) 4 (2025) 5 (2026)" in teks
        assert "Nilai SAKIP OPD B (64) B (65) B (66) B (67) B (68)" in teks
        assert "Indeks Kepuasan Masyarakat 91 91,5 92 92,5 93" in teks
        assert "Diverifikasi Oleh :" in teks
        assert "KEPALA BAPPEDA KAB. JEMBER" in teks
        assert "Drs. Hadi Mulyono, M.Si" in teks
        assert "NIP. 19661107 198809 1 001" in teks
        assert "Jember, 17 April 2023" in teks
        # Signed by the camat in office on 17 April 2023 (seeds/004 Lampiran 5), not by the
        # one in office when the LKIP is printed.
        ttd = teks[teks.index("Jember, 17 April 2023") :]
        assert "CAMAT KENCONG Muhammad Najmul Huda, S.STP, M.Si Pembina Tingkat I / IV.b" in ttd
        assert "NIP. 19771027 199810 1 001" in ttd
        assert "Ronny Arvianto" not in ttd

    def test_tc_25_dikelompokkan_rutin_lalu_non_rutin(self, cetakan):
        """As the seed's TC 25: RUTIN (keuangan, Nilai SAKIP) then NON RUTIN (penataan
        organisasi), each under its SASARAN RPJMD and INDIKATOR and in its own table whose
        tujuan are numbered from 1."""
        lampiran = halaman_lampiran(cetakan)
        i = next(n for n, t in enumerate(lampiran) if "KERTAS KERJA PERANGKAT DAERAH" in t)
        teks = " ".join(lampiran[i : i + 2])
        rutin = teks.index(
            "RUTIN SASARAN RPJMD : Meningkatkan kualitas pengelolaan keuangan dan aset daerah "
            "yang profesional, efektif, dan efisien. INDIKATOR : NILAI SAKIP No. Tujuan"
        )
        non_rutin = teks.index(
            "NON RUTIN SASARAN RPJMD : Meningkatkan penataan organisasi pemerintah daerah dan "
            "tata laksana penyelenggaraan pemerintahan dan pelayanan publik. INDIKATOR : "
            "Ketersediaan Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah No. "
            "Tujuan"
        )
        assert rutin < teks.index("Nilai SAKIP OPD B (64)") < non_rutin
        assert non_rutin < teks.index("Indeks Kepuasan Masyarakat 91") < teks.index("Diverifikasi")
        assert teks.count("Target Kinerja Tujuan/Sasaran Pada Tahun ke-") >= 2
        assert "4 (2025) 5 (2026) 1 Meningkatnya penataan organisasi" in teks
        assert "2 Meningkatnya penataan" not in teks

    def test_tabel_3_1_renstra_2025_2029(self, cetakan):
        teks = halaman_lampiran(cetakan)[-1]
        assert "Lampiran 6" in teks
        assert "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah" in teks
        assert "1 (2025) 2 (2026) 3 (2027) 4 (2028) 5 (2029)" in teks
        assert "Indeks Pelayanan Publik Kecamatan 4,3 4,64 4,65 4,66 4,67" in teks
        assert "Nilai SAKIP Kecamatan 81 82 83 84 85" in teks
        assert "Diverifikasi" not in teks
        # Its tujuan have no kelompok: one table, as before there were groups.
        assert "RUTIN" not in teks and "SASARAN RPJMD" not in teks
        assert teks.count("Target Kinerja Tujuan/Sasaran Pada Tahun ke-") == 1


class TestSelektor:
    def test_nomor_tabel_mengikuti_jumlah_renstra_dan_pk(self, jember):
        """Patrang 2025: one Renstra with its decree and no PK → 2.1, 2.2, 2.3 and the budget
        table 2.4, no hole in the numbering."""
        laporan = LaporanKinerja.objects.create(
            kecamatan=jember.kecamatan.get(slug="patrang"), tahun=2025
        )
        awal = konteks_awal(laporan)["awal"]
        assert [t.nomor for t in awal.cascading] == ["2.1"]
        assert [t.nomor for t in awal.matriks] == ["2.2"]
        assert [t.nomor for t in awal.iku] == ["2.3"]
        assert awal.tabel_perjanjian == ()
        assert awal.struktur.nomor == "2.4"
        # BAB III has the measurement framework, then straight to the finances.
        bab3 = [e.judul for e in awal.daftar_isi if e.href.startswith("#bab-3-")]
        assert bab3 == ["A. KERANGKA PENGUKURAN KINERJA TAHUN 2025", "B. AKUNTABILITAS KEUANGAN"]

    def test_tc_25_tanpa_kelompok_satu_tabel_dan_sisanya_terakhir(self, kencong):
        """A Renstra whose tujuan carry no kelompok nor RPJMD text prints one table numbered
        as stored; a tujuan left without a kelompok beside grouped ones comes last, headed by
        nothing."""

        def tabel():
            r = renstra_tahun(kecamatan_id=kencong.id, tahun=2025)[0]
            return tabel_jangka_menengah(r, kencong)

        semua = Tujuan.objects.filter(renstra__kecamatan=kencong)
        semua.filter(nomor=1).update(kelompok="", rpjmd_sasaran="", rpjmd_indikator="")
        t = tabel()
        assert [(k.kelompok, k.rpjmd_indikator[:11]) for k in t.kelompok] == [
            ("NON RUTIN", "Ketersediaa"),
            ("", ""),
        ]
        assert [b.nomor for k in t.kelompok for b in k.baris if b.nomor] == ["1", "1"]
        assert t.kelompok[1].baris[0].indikator.nama == "Nilai SAKIP OPD"

        semua.update(kelompok="", rpjmd_sasaran="", rpjmd_indikator="")
        t = tabel()
        assert len(t.kelompok) == 1
        assert [b.nomor for b in t.baris if b.nomor] == ["1", "2"]

    def test_teks_berbaris_menjadi_alinea_dan_butir(self):
        hasil = blok("Dasar hukum antara lain :\nPerpres 29/2014\nPermenPANRB 53/2014\n")
        assert [b.alinea for b in hasil] == ["Dasar hukum antara lain :", ""]
        assert hasil[1].butir == ("Perpres 29/2014", "PermenPANRB 53/2014")
        assert [romawi(n) for n in (1, 2, 4, 5, 9)] == ["I", "II", "IV", "V", "IX"]

    def test_jumlah_query_tidak_tumbuh(self, kencong, django_assert_max_num_queries):
        laporan = laporan_kencong()
        # 22 + the Nilai SAKIP (its LHE, scores and realisasi, the year's predikat scale and
        # its bands) + the kegiatan's sasaran + the camat and the Kepala Bappeda who sign the
        # TC 25 lampiran
        with django_assert_max_num_queries(30):
            konteks_awal(laporan)

        # More of everything: SDM and asset rows, an LHE recommendation, a sasaran with an
        # indicator and targets, a program with a kegiatan and a sub kegiatan.
        profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        for n in range(3):
            KomposisiSDM.objects.create(profil=profil, urutan=20 + n, jabatan=f"Uji {n}")
            SaranaPrasarana.objects.create(
                profil=profil,
                kelompok=SaranaPrasarana.Kelompok.KONSTRUKSI,
                urutan=90 + n,
                nama=f"Aset uji {n}",
                jumlah=1,
                jumlah_ideal=1,
            )
        TindakLanjutLHE.objects.create(laporan=laporan, urutan=99, rekomendasi="Uji")
        renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
        tujuan = renstra.tujuan.get(nomor=1)
        sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=9, uraian="Sasaran uji")
        ukuran = Ukuran.objects.create(kabupaten=kencong.kabupaten, kode="uji-awal", nama="Uji")
        for n in range(2):
            ind = Indikator.objects.create(
                sasaran=sasaran, ukuran=ukuran, urutan=n + 1, nama=f"Indikator uji {n}", satuan="%"
            )
            for th in renstra.tahun:
                TargetIndikator.objects.create(indikator=ind, tahun=th, nilai=Decimal(50))
        program = Program.objects.create(
            kecamatan=kencong, tahun=2025, kode="9", nama="Program uji"
        )
        kegiatan = Kegiatan.objects.create(program=program, kode="9.1", nama="Kegiatan uji")
        # Without an amount: the budgets promised in the approved PKs are locked.
        SubKegiatan.objects.create(kegiatan=kegiatan, kode="9.1.1", nama="Sub uji")

        laporan = laporan_kencong()
        with django_assert_max_num_queries(30):
            awal = konteks_awal(laporan)["awal"]
        assert awal.profil.sarana_prasarana.kelompok[-1].romawi == "VI"
        assert [b.kode for b in awal.struktur.baris][-3:] == ["9", "9.1", "9.1.1"]
        assert awal.struktur.jumlah.sebelum == Decimal("4667506655.00")
        assert [b.indikator.nama for b in awal.matriks[1].baris[-2:]] == [
            "Indikator uji 0",
            "Indikator uji 1",
        ]

    def test_partial_tidak_menambah_query(self, kencong, django_assert_num_queries):
        laporan = laporan_kencong()
        konteks = {
            "laporan": laporan,
            "kecamatan": laporan.kecamatan,
            "kabupaten": laporan.kecamatan.kabupaten,
            "tahun": laporan.tahun,
            "draf": True,
            **konteks_awal(laporan),
        }
        with django_assert_num_queries(0):
            for nama in ("sampul", "pengantar", "daftar_isi", "bab1", "bab2", "lampiran"):
                render_to_string(f"laporan/dokumen/lkip/_awal_{nama}.html", konteks)

    def test_tanpa_tanggal_dan_kata_pengantar_terlihat_kosong(self, jember):
        laporan = LaporanKinerja.objects.create(
            kecamatan=jember.kecamatan.get(slug="patrang"), tahun=2024, tanggal=None
        )
        konteks = {
            "laporan": laporan,
            "kecamatan": laporan.kecamatan,
            "kabupaten": jember,
            "tahun": 2024,
            "draf": True,
            **konteks_awal(laporan),
        }
        html = render_to_string("laporan/dokumen/lkip/_awal_pengantar.html", konteks)
        assert "(tanggal belum diisi)" in html
        assert "Kata pengantar belum diisi." in html
