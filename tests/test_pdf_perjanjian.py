"""The printed Perjanjian Kinerja and PK Perubahan of Kencong 2025 (the end of seed 004), read
from the PDF's text (pypdf): both parties, every target as the PK promises it, every program
budget of the PK's column with the corrected totals; a draft PK; the "Unduh PDF" button of the
PK page, served from the stored file the second time, out of reach of another kecamatan."""

import re
from decimal import Decimal
from io import BytesIO

import pytest
from bantu_pdf import halaman_pdf, ikuti_sampai_pdf, pastikan_disajikan_dari_berkas, semua
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from iku.models import Indikator, Renstra
from laporan.dokumen.perjanjian import PenyajiPerjanjian, isi_perjanjian
from laporan.models import DokumenPDF
from perjanjian.models import (
    Kegiatan,
    PerjanjianKinerja,
    Program,
    SubKegiatan,
    TargetPerjanjian,
)


def cetak(pk: PerjanjianKinerja) -> list[str]:
    return halaman_pdf(PenyajiPerjanjian(pk).render().isi)


@pytest.fixture(scope="module")
def pdf(jember_modul, django_db_blocker):
    """Both PK of Kencong 2025 printed once for the module: {jenis: [text of each page]}."""
    with django_db_blocker.unblock():
        return {
            pk.jenis: cetak(pk)
            for pk in PerjanjianKinerja.objects.filter(kecamatan__slug="kencong", tahun=2025)
        }


def urutan_dalam(teks: str, *bagian: str) -> bool:
    posisi = [teks.index(b) for b in bagian]
    return posisi == sorted(posisi)


class TestPerjanjianKinerja2025:
    """PK 2025, signed on 10 February 2025 by the camat and the acting bupati, on the Renstra
    Perubahan 2021-2026 and the budget before the change (APBD)."""

    def test_kop_judul_dan_naskah(self, pdf):
        awal = pdf["awal"][0]
        for teks in (
            "PEMERINTAH KABUPATEN JEMBER KECAMATAN KENCONG",
            "Jl. Diponegoro No. 323, Kencong, Kode Pos 68167",
            "PERJANJIAN KINERJA TAHUN 2025",
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan "
            "akuntabel serta berorientasi pada hasil",
            "Nama : Muhammad Najmul Huda, S.STP, M.Si Jabatan : Camat Kencong "
            "Selanjutnya disebut pihak pertama.",
            "Nama : Muhammad Balya Firjaun Barlaman Jabatan : Plt. Bupati Jember "
            "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
            "Pihak pertama berjanji akan mewujudkan target kinerja",
            "Pihak kedua akan memberikan supervisi yang diperlukan",
        ):
            assert teks in awal
        assert "PERUBAHAN" not in awal

    def test_kedua_tanda_tangan_berdampingan_di_naskah_dan_lampiran(self, pdf):
        for halaman in pdf["awal"]:
            assert (
                "Pihak Kedua, Plt. Bupati Jember Muhammad Balya Firjaun Barlaman "
                "Jember, 10 Februari 2025 Pihak Pertama, Camat Kencong "
                "Muhammad Najmul Huda, S.STP, M.Si NIP. 19771027 199810 1 001"
            ) in halaman

    def test_target_seperti_dijanjikan_dalam_urutan_pk(self, pdf):
        lampiran = semua(pdf["awal"][1:])
        assert "PERJANJIAN KINERJA TAHUN 2025 KECAMATAN KENCONG" in lampiran
        assert "NO TUJUAN / SASARAN STRATEGIS INDIKATOR KINERJA TARGET (1) (2) (3) (4)" in lampiran
        baris = [
            "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah 4 Dokumen",
            "Indeks Kepuasan Masyarakat 92,5",
            "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan 97,5%",
            "Ketertiban Umum serta Ketentraman Masyarakat 100%",
            "Nilai SAKIP OPD B (67)",
            "Persentase Indikator Program yang tercapai 92%",
        ]
        for b in baris:
            assert b in lampiran
        assert urutan_dalam(lampiran, *baris)
        assert "1 Meningkatnya penataan organisasi pemerintah daerah" in lampiran

    def test_anggaran_program_sebelum_perubahan_dan_jumlahnya(self, pdf):
        lampiran = semua(pdf["awal"][1:])
        assert "Program Anggaran Keterangan" in lampiran
        for program, anggaran in (
            ("1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3.160.652.155,00"),
            ("2. Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "893.700.000,00"),
            ("3. Program Pemberdayaan Masyarakat Desa dan Kelurahan", "376.722.100,00"),
            ("4. Program Koordinasi Ketentraman dan Ketertiban Umum", "236.432.400,00"),
        ):
            assert f"{program} Rp {anggaran} APBD" in lampiran
        assert "Jumlah Rp 4.667.506.655,00 APBD" in lampiran
        # Not the 238.432.400 of the seed's annex: the sum of the budget tree.
        assert "238.432.400" not in lampiran

    def test_bukan_draf(self, pdf):
        assert not any("DRAF" in h for h in pdf["awal"])


class TestPerjanjianKinerjaPerubahan2025:
    """PK Perubahan 2025, signed on 24 September 2025 by the new camat and the bupati, on the
    Renstra 2025-2029 and the budget after the change (P-APBD)."""

    def test_judul_dan_para_pihak(self, pdf):
        awal = pdf["perubahan"][0]
        assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in awal
        assert "Nama : Ronny Arvianto, S.E. Jabatan : Camat Kencong" in awal
        assert "Nama : Muhammad Fawait Jabatan : Bupati Jember" in awal

    def test_kedua_tanda_tangan(self, pdf):
        for halaman in pdf["perubahan"]:
            assert (
                "Pihak Kedua, Bupati Jember Muhammad Fawait Jember, 24 September 2025 "
                "Pihak Pertama, Camat Kencong Ronny Arvianto, S.E. NIP. 19770827 200212 1 006"
            ) in halaman

    def test_target_termasuk_ikm_93_5_bukan_83_5(self, pdf):
        lampiran = semua(pdf["perubahan"][1:])
        assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025 KECAMATAN KENCONG" in lampiran
        baris = [
            "Indeks Pelayanan Publik Kecamatan 4,3",
            "Indeks Kepuasan Masyarakat 93,5",
            "Persentase Capaian Kinerja Program yang Tercapai 100%",
            "Nilai SAKIP Kecamatan 81",
        ]
        for b in baris:
            assert b in lampiran
        assert urutan_dalam(lampiran, *baris)
        assert "83,5" not in lampiran
        # The last two indicators share their sasaran's number and cell.
        assert re.search(
            r"3 Meningkatnya Akuntabilitas Kinerja .*Tercapai 100% Nilai SAKIP Kecamatan 81 "
            r"Program",
            lampiran,
        )

    def test_anggaran_program_sesudah_perubahan_dan_jumlahnya(self, pdf):
        lampiran = semua(pdf["perubahan"][1:])
        for anggaran in ("2.911.311.160,40", "797.300.000,00", "143.419.500,00", "68.661.200,00"):
            assert f"Rp {anggaran} P-APBD" in lampiran
        assert "Jumlah Rp 3.920.691.860,40 P-APBD" in lampiran
        # Not the seed annex's 68.861.200 nor its total 3.920.891.860,40.
        assert "68.861.200" not in lampiran and "3.920.891.860" not in lampiran
        assert " APBD" not in lampiran


@pytest.fixture
def draf_2026(kencong, operator_kencong):
    """A draft PK 2026 of Kencong on the Renstra 2025-2029 with one target and one program."""
    renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
    pk = PerjanjianKinerja.objects.create(
        kecamatan=kencong,
        tahun=2026,
        renstra=renstra,
        tempat="Jember",
        sumber_dana="APBD",
        pihak_pertama_nama="Ronny Arvianto, S.E., M.M.",
        pihak_pertama_jabatan="Camat Kencong",
        pihak_pertama_nip="197708272002121006",
        pihak_kedua_nama="Muhammad Fawait",
        pihak_kedua_jabatan="Bupati Jember",
    )
    ikm = Indikator.objects.get(sasaran__tujuan__renstra=renstra, ukuran__kode="ikm")
    TargetPerjanjian.objects.create(perjanjian=pk, indikator=ikm, urutan=1, nilai=Decimal("94"))
    tambah_program(kencong, 2026, 1)
    return pk


def tambah_program(kecamatan, tahun, n):
    program = Program.objects.create(
        kecamatan=kecamatan, tahun=tahun, kode=str(n), nama=f"Program Uji {n}"
    )
    kegiatan = Kegiatan.objects.create(program=program, kode=f"{n}.1", nama=f"Kegiatan {n}")
    for s in (1, 2):
        SubKegiatan.objects.create(
            kegiatan=kegiatan, kode=f"{n}.1.{s}", nama=f"Sub {n}.{s}", pagu_awal=Decimal("1000.5")
        )


def test_draf_pk_bertanda_draf_di_setiap_halaman(draf_2026):
    halaman = cetak(draf_2026)
    assert all("DRAF" in h for h in halaman)
    teks = semua(halaman)
    assert "DRAF — perjanjian kinerja ini belum ditetapkan" in teks
    assert "PERJANJIAN KINERJA TAHUN 2026" in teks
    assert "Jember, .................... 2026" in teks  # not dated yet
    assert "Indeks Kepuasan Masyarakat 94" in teks
    assert "1. Program Uji 1 Rp 2.001,00 APBD Jumlah Rp 2.001,00 APBD" in teks


def test_data_pk_dalam_jumlah_kueri_tetap(draf_2026, kencong):
    """The PK's data comes in the same number of queries however many targets and programs."""

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            isi_perjanjian(perjanjian=draf_2026)
        return len(q)

    awal = hitung()
    assert awal <= 8
    lain = Indikator.objects.filter(
        sasaran__tujuan__renstra=draf_2026.renstra
    ) | Indikator.objects.filter(tujuan__renstra=draf_2026.renstra)
    for n, ind in enumerate(lain.exclude(ukuran__kode="ikm"), start=2):
        TargetPerjanjian.objects.create(
            perjanjian=draf_2026, indikator=ind, urutan=n, nilai=Decimal("100")
        )
    for n in (2, 3, 4):
        tambah_program(kencong, 2026, n)
    assert draf_2026.target.count() >= 3
    assert hitung() == awal
    isi = isi_perjanjian(perjanjian=draf_2026)
    assert isi["jumlah_anggaran"] == Decimal("8004.00")
    assert [b.nomor for b in isi["program"]] == [1, 2, 3, 4]


def test_html_sama_untuk_data_yang_sama(draf_2026):
    """The printed HTML is the document's fingerprint (an unchanged PK is served from its
    stored file): read twice from the database, it is the same; a changed target changes it."""
    html = PenyajiPerjanjian(PerjanjianKinerja.objects.get(pk=draf_2026.pk)).html()
    assert PenyajiPerjanjian(PerjanjianKinerja.objects.get(pk=draf_2026.pk)).html() == html
    TargetPerjanjian.objects.filter(perjanjian=draf_2026).update(nilai=Decimal("95"))
    assert PenyajiPerjanjian(draf_2026).html() != html


# --- the "Unduh PDF" button ------------------------------------------------------------------


def url_pdf(pk, slug="kencong"):
    return reverse("laporan:pdf-perjanjian", args=[slug, pk.pk])


def test_tombol_unduh_pdf_pk_mengunduh_lalu_memakai_berkas_tersimpan(
    client, camat_kencong, inspektorat, kencong, media, django_capture_on_commit_callbacks
):
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="perubahan")
    client.force_login(camat_kencong)
    halaman = client.get(reverse("perjanjian:perjanjian-detail", args=["kencong", pk.pk])).content
    assert f'action="{url_pdf(pk)}"' in halaman.decode()
    assert "Unduh PDF" in halaman.decode()

    with django_capture_on_commit_callbacks(execute=True):
        diminta = client.post(url_pdf(pk))
    berkas = ikuti_sampai_pdf(client, diminta)
    assert berkas.status_code == 200
    assert berkas["Content-Type"] == "application/pdf"
    assert 'filename="pk-perubahan-kencong-2025.pdf"' in berkas["Content-Disposition"]
    teks = semua(halaman_pdf(b"".join(berkas.streaming_content)))
    assert "Jumlah Rp 3.920.691.860,40 P-APBD" in teks
    dokumen = DokumenPDF.objects.get(jenis="perjanjian", objek_id=pk.pk)
    unduh = reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk])

    pastikan_disajikan_dari_berkas(client, url_pdf(pk), unduh, camat_kencong, inspektorat)


def test_operator_kecamatan_lain_tidak_menjangkau_pdf_pk(client, operator_patrang, kencong, media):
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
    client.force_login(operator_patrang)
    for slug in ("kencong", "patrang"):
        assert client.post(url_pdf(pk, slug=slug)).status_code == 404
    assert client.get(url_pdf(pk)).status_code == 404
    assert not DokumenPDF.objects.filter(jenis="perjanjian", objek_id=pk.pk).exists()


def test_logo_kabupaten_tercetak_pada_kop_bila_tersimpan(kencong, settings, tmp_path):
    """The seeds hold no image: the kop prints the kabupaten's logo once the admin uploads it,
    and prints the text alone before that."""
    from django.core.files.base import ContentFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")

    def gambar():
        """Does the PDF carry an image? (WeasyPrint shares one resource dictionary between
        pages, so pypdf cannot tell which page draws it.)"""
        pdf = PdfReader(BytesIO(PenyajiPerjanjian(pk).render().isi))
        return any(h.images for h in pdf.pages)

    assert not gambar()
    berkas = BytesIO()
    Image.new("RGB", (60, 72), (20, 110, 50)).save(berkas, "PNG")
    kencong.kabupaten.logo.save("jember.png", ContentFile(berkas.getvalue()))
    pk.refresh_from_db()
    assert gambar()


def test_berkas_yang_hilang_dicetak_ulang(client, camat_kencong, kencong, media):
    """A stored PDF whose file went missing from the media storage is printed again instead of
    being served as a broken download: for an approved PK, from the HTML stored as its final
    print, into the same record (never from the data as it stands now)."""
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
    client.force_login(camat_kencong)
    pertama = DokumenPDF.objects.get(pk=ikuti_id(client.post(url_pdf(pk))))
    (media / pertama.berkas.name).unlink()

    unduh = client.post(url_pdf(pk), follow=True)
    assert unduh.status_code == 200 and unduh["Content-Type"] == "application/pdf"
    assert "Jumlah Rp 4.667.506.655,00 APBD" in semua(
        halaman_pdf(b"".join(unduh.streaming_content))
    )
    assert DokumenPDF.objects.filter(jenis="perjanjian", objek_id=pk.pk).count() == 1
    pertama.refresh_from_db()
    assert pertama.final and (media / pertama.berkas.name).is_file()


def ikuti_id(jawaban) -> int:
    """The id of the document a PDF request redirected to (…/dokumen/<id>/unduh/)."""
    return int(jawaban["Location"].rstrip("/").split("/")[-2])
