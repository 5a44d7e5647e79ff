"""The printed Keputusan Camat tentang IKU, read the way a reader reads the PDF (its text
extracted with pypdf): the two Kencong decrees of 2025 (seed 004) in both layouts, Panti's
decree of 2026 (seed 002) and a draft; then the "Unduh PDF" button of the decree page, served
from the stored file the second time, and out of reach of another kecamatan."""

import base64
import re
from html import unescape
from io import BytesIO

import pytest
from bantu_pdf import halaman_pdf, ikuti_sampai_pdf, pastikan_disajikan_dari_berkas, semua
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from iku.forms import KolomLampiranField
from iku.models import Indikator, IndikatorKeputusan, KeputusanIKU, Renstra
from iku.selectors import isi_keputusan, pecah_butir
from iku.services import (
    indikator_ubah,
    keputusan_buat,
    sidik_indikator,
    urutan_penanggung_jawab,
)
from kecamatan.models import Kecamatan
from laporan.dokumen.keputusan import PenyajiKeputusan
from laporan.models import DokumenPDF

LAMA = "000.8.6.3/22/35.09.02/2025"  # Renstra Perubahan 2021-2026, one IKU table
BARU = "000.7.2.7/32/35.09.02/2025"  # Renstra 2025-2029, Lampiran 1 and Lampiran 2
PANTI = "000.7.2.7/17/35.09.14/2026"

IKU_LAMA = [
    "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah",
    "Indeks Kepuasan Masyarakat",
    "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan",
    "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta "
    "Ketentraman Masyarakat",
    "Nilai SAKIP OPD",
    "Persentase Indikator Program yang tercapai",
]


def cetak(keputusan: KeputusanIKU) -> list[str]:
    return halaman_pdf(PenyajiKeputusan(keputusan).render().isi)


@pytest.fixture(scope="module")
def cetakan(jember_modul, django_db_blocker):
    """Each stored decree printed once for the whole module: {nomor: PdfReader}."""
    with django_db_blocker.unblock():
        return {
            nomor: PdfReader(
                BytesIO(PenyajiKeputusan(KeputusanIKU.objects.get(nomor=nomor)).render().isi)
            )
            for nomor in (LAMA, BARU, PANTI)
        }


@pytest.fixture(scope="module")
def pdf(cetakan):
    """{nomor: [text of each page]}."""
    return {
        nomor: [" ".join(h.extract_text().split()) for h in reader.pages]
        for nomor, reader in cetakan.items()
    }


class TestKeputusanKencongSatuTabel:
    """Keputusan Camat Kencong 000.8.6.3/22/35.09.02/2025 on the IKU of the Renstra Perubahan
    2021-2026, laid out as Patrang and Balung: one IKU table."""

    def test_kop_nomor_dan_judul(self, pdf):
        awal = pdf[LAMA][0]
        for teks in (
            "PEMERINTAH KABUPATEN JEMBER",
            "KECAMATAN KENCONG",
            "Jl. Diponegoro No. 323, Kencong, Kode Pos 68167",
            "Telepon (0336) 321005",
            "kec.kencong@jemberkab.go.id",
            "KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER",
            f"Nomor : {LAMA}",
            "TENTANG INDIKATOR KINERJA UTAMA KECAMATAN KENCONG KABUPATEN JEMBER",
        ):
            assert teks in awal
        # The older layout has no "CAMAT KENCONG KABUPATEN JEMBER," under the title.
        assert "CAMAT KENCONG KABUPATEN JEMBER," not in awal

    def test_menimbang_mengingat_memutuskan(self, pdf):
        teks = semua(pdf[LAMA])
        assert "Menimbang : a. bahwa untuk melaksanakan ketentuan pasal 3" in teks
        assert "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014" in teks
        assert "9. Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi" in teks
        assert "MEMUTUSKAN : Menetapkan :" in teks

    def test_diktum_berurutan_dengan_rinciannya(self, pdf):
        """The stored decree has five diktum (the seed prints the last one "KEENAM", skipping
        KELIMA); the labels follow the order, so they read KESATU … KELIMA."""
        teks = semua(pdf[LAMA])
        posisi = [teks.index(f"{label} :") for label in ("KESATU", "KEDUA", "KETIGA")]
        posisi += [teks.index(f"{label} :") for label in ("KEEMPAT", "KELIMA")]
        assert posisi == sorted(posisi)
        assert "KEENAM :" not in teks
        assert "(1) Memberikan informasi kinerja yang penting" in teks
        assert "(2) Mengukur keberhasilan pencapaian suatu tujuan" in teks
        assert "e. Evaluasi Kinerja Instansi Pemerintah Organisasi Perangkat Daerah." in teks

    def test_penetapan_dan_tanda_tangan(self, pdf):
        teks = semua(pdf[LAMA])
        assert "Ditetapkan di : Kencong Pada tanggal : 10 Februari 2025" in teks
        assert (
            "CAMAT KENCONG, Muhammad Najmul Huda, S.STP, M.Si Pembina Tingkat I "
            "NIP. 19771027 199810 1 001"
        ) in teks
        assert "SALINAN" not in teks  # this decree has no tembusan

    def test_lampiran_satu_tabel_dengan_keenam_iku(self, pdf):
        halaman = pdf[LAMA]
        lampiran = semua(halaman[2:])
        assert f"LAMPIRAN KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER NOMOR : {LAMA}" in lampiran
        assert "TANGGAL : 10 Februari 2025" in lampiran
        # The table follows the page of instansi, tugas, fungsi and tujuan.
        lampiran = lampiran[lampiran.index("INDIKATOR KINERJA UTAMA KECAMATAN KENCONG") :]
        assert "INDIKATOR KINERJA UTAMA KECAMATAN KENCONG" in lampiran
        assert (
            "NO KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN DAN PENJELASAN "
            "BIDANG PENANGGUNG JAWAB SUMBER DATA"
        ) in lampiran
        posisi = [lampiran.index(nama) for nama in IKU_LAMA]
        assert posisi == sorted(posisi), "the IKU in the decree's order"
        assert "Meningkatnya penataan organisasi pemerintah daerah" in lampiran
        assert "Seksi Pemerintahan" in lampiran and "SUKMA-E" in lampiran
        assert "Lampiran 1" not in lampiran and "Lampiran 2" not in lampiran
        # The signature under the lampiran as well.
        assert re.sub(r" \d+$", "", lampiran).endswith("NIP. 19771027 199810 1 001")

    def test_tabel_lebar_di_halaman_lanskap_dengan_judul_kolom_berulang(self, cetakan, pdf):
        lanskap = [h.mediabox.width > h.mediabox.height for h in cetakan[LAMA].pages]
        # The decree (2 pages) and the IKU page (2) upright, the table's pages landscape.
        assert lanskap[:4] == [False] * 4 and all(lanskap[4:])
        for teks in pdf[LAMA][4:]:
            assert "FORMULASI PERHITUNGAN DAN PENJELASAN" in teks

    def test_halaman_iku_instansi_tugas_fungsi_dan_tujuan(self, pdf):
        """Before the table, as the seed: instansi, the tugas and fungsi lettered, then each
        tujuan of the Renstra with its own indicator."""
        halaman_iku = semua(pdf[LAMA][2:4])
        assert (
            "INDIKATOR KINERJA UTAMA (IKU) KECAMATAN KENCONG KABUPATEN JEMBER "
            "Instansi : Kecamatan Kencong Kabupaten Jember Tugas : "
            "a. Menyelenggarakan urusan pemerintahan umum;"
        ) in halaman_iku
        assert "j. Melaksanakan tugas lain sesuai dengan ketentuan peraturan" in halaman_iku
        assert "Fungsi : a. Pembinaan wawasan kebangsaan" in halaman_iku
        assert "q. Pelaksanaan tugas-tugas lain yang diberikan oleh Bupati." in halaman_iku
        assert (
            "Tujuan 1 : Meningkatnya kualitas pengelolaan keuangan dan aset daerah"
        ) in halaman_iku
        assert "Indikator Tujuan 1 : Nilai SAKIP OPD" in halaman_iku
        assert (
            "Indikator Tujuan 2 : Jumlah Dokumen Penataan Organisasi dan Tata Laksana"
        ) in halaman_iku

    def test_tanda_tangan_lampiran_dengan_tempat_dan_tanggal(self, pdf):
        lampiran = semua(pdf[LAMA][4:])
        assert "Kencong, 10 Februari 2025 CAMAT KENCONG, Muhammad Najmul Huda" in lampiran

    def test_bukan_draf_dan_tanpa_logo_yang_tidak_ada(self, cetakan, pdf):
        assert not any("DRAF" in h for h in pdf[LAMA])
        assert not cetakan[LAMA].pages[0].images


class TestKeputusanKencongLampiranTerpisah:
    """Keputusan Camat Kencong 000.7.2.7/32/35.09.02/2025 on the Indikator Kinerja of the
    Renstra 2025-2029, laid out as Panti: tugas and fungsi, Lampiran 1 IKU, Lampiran 2."""

    def test_judul_tata_letak_baru(self, pdf):
        awal = pdf[BARU][0]
        assert f"Nomor : {BARU}" in awal
        assert "TENTANG INDIKATOR KINERJA PADA KECAMATAN KENCONG KABUPATEN JEMBER" in awal
        assert "CAMAT KENCONG KABUPATEN JEMBER, Menimbang : a. bahwa" in awal
        teks = semua(pdf[BARU])
        assert "b. bahwa sebagai pelaksanaan ketentuan Pasal 4 ayat (1)" in teks
        assert "c. bahwa berdasarkan pertimbangan" in teks
        assert "KETUJUH : Keputusan ini mulai berlaku pada tanggal ditetapkan" in teks

    def test_tembusan(self, pdf):
        teks = semua(pdf[BARU])
        assert (
            "SALINAN Keputusan ini disampaikan kepada Yth.: "
            "1. Sdr. Sekretaris Daerah Kabupaten Jember "
            "2. Sdr. Kepala Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah"
        ) in teks

    def test_tanda_tangan(self, pdf):
        teks = semua(pdf[BARU])
        assert "Ditetapkan di : Jember Pada tanggal : 23 September 2025" in teks
        assert (
            "CAMAT KENCONG KABUPATEN JEMBER, Ronny Arvianto, S.E. Pembina / IV.a "
            "NIP. 19770827 200212 1 006"
        ) in teks

    def test_rincian_tugas_dan_fungsi_yang_dinyatakan_keputusan_ini(self, pdf):
        """The decree's own list (Perbup 37/2025), not the 2025 profile's (Perbup 29/2021)."""
        teks = semua(pdf[BARU])
        assert "RINCIAN INDIKATOR KINERJA PADA KECAMATAN KENCONG KABUPATEN JEMBER" in teks
        assert "Nama Perangkat Daerah : Kecamatan Kencong" in teks
        assert (
            "a. Tugas : – menyelenggaraan urusan pemerintahan umum ditingkat kecamatan sesuai"
        ) in teks
        assert "b. Fungsi : – Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam" in teks
        assert "– Pengkoordinasian Pencegahan dan Penanganan kebencanaan di tingkat" in teks
        assert "Menyelenggarakan urusan pemerintahan umum;" not in teks  # the profile's

    def test_iku_di_lampiran_1_dan_lainnya_di_lampiran_2(self, pdf):
        teks = semua(pdf[BARU])
        l1 = teks.index("Lampiran 1. INDIKATOR KINERJA UTAMA")
        l2 = teks.index("Lampiran 2. INDIKATOR KINERJA LAINNYA")
        assert l1 < l2
        lampiran_1, lampiran_2 = teks[l1:l2], teks[l2:]
        for nama in ("Indeks Pelayanan Publik Kecamatan (Indeks)", "Indeks Kepuasan Masyarakat"):
            assert nama in lampiran_1 and nama not in lampiran_2
        for nama in ("Nilai SAKIP Kecamatan", "Persentase Capaian Kinerja Program yang Tercapai"):
            assert nama in lampiran_2 and nama not in lampiran_1
        assert "IPP = (75% × nilai form 02) + (25% × nilai form 03)" in lampiran_1
        assert (
            "NO TUJUAN / SASARAN INDIKATOR KINERJA UTAMA FORMULASI PENGUKURAN DEFINISI "
            "OPERASIONAL SUMBER DATA PENANGGUNG JAWAB"
        ) in lampiran_2
        # Each lampiran has its head and its signature.
        assert f"LAMPIRAN 1 KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER NOMOR : {BARU}" in teks
        assert f"LAMPIRAN 2 KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER NOMOR : {BARU}" in teks
        assert lampiran_1.count("NIP. 19770827 200212 1 006") == 1
        assert lampiran_2.count("NIP. 19770827 200212 1 006") == 1

    def test_ipp_form_03_dari_masyarakat_form_02_asesmen(self, pdf):
        teks = semua(pdf[BARU])
        lampiran_1 = teks[teks.index("Lampiran 1. INDIKATOR KINERJA UTAMA") :]
        assert "d. Form 03 adalah form isian dari masyarakat / pengguna layanan" in lampiran_1
        assert "e. Form 02 adalah form asesmen Tim Bagian Organisasi" in lampiran_1

    def test_daftar_predikat_sakip_di_lampiran_2(self, pdf):
        teks = semua(pdf[BARU])
        lampiran_2 = teks[teks.index("Lampiran 2. INDIKATOR KINERJA LAINNYA") :]
        posisi = [
            lampiran_2.index(predikat)
            for predikat in (
                "a. Predikat AA (Nilai > 90 – 100) : Sangat Memuaskan",
                "b. Predikat A (Nilai > 80 – 90) : Memuaskan",
                "c. Predikat BB",
                "d. Predikat B (Nilai > 60 – 70) : Baik",
                "e. Predikat CC (Nilai > 50 – 60) : Cukup",
                "f. Predikat C",
                "g. Predikat D (Nilai 0 – 30) : Sangat Kurang",
            )
        ]
        assert posisi == sorted(posisi)

    def test_tanda_tangan_lampiran_dengan_tempat_dan_tanggal(self, pdf):
        teks = semua(pdf[BARU])
        lampiran = teks[teks.index("Lampiran 1. INDIKATOR KINERJA UTAMA") :]
        assert lampiran.count("Jember, 23 September 2025 CAMAT KENCONG KABUPATEN JEMBER,") == 2

    def test_baris_definisi_tetap_berbaris(self, pdf):
        """Multi-line texts keep their lines: each lettered item of the IPP definition starts
        its own line in the PDF."""
        teks = semua(pdf[BARU])
        assert "b. IPP Perangkat Daerah adalah angka indeks" in teks
        assert "f. Kategori dan Nilai IPP:" in teks


def test_keputusan_panti_dari_data_jember(pdf):
    """Panti's decree of 2026 (seed 002) prints from the fixtures: its four indicators, its
    tugas from the 2026 profile, the IPP definition that runs over several pages."""
    halaman = pdf[PANTI]
    teks = semua(halaman)
    assert "KECAMATAN PANTI" in halaman[0]
    assert f"Nomor : {PANTI}" in halaman[0]
    assert "RINCIAN INDIKATOR KINERJA PADA KECAMATAN PANTI KABUPATEN JEMBER" in teks
    assert "Kecamatan Panti" in teks
    l2 = teks.index("Lampiran 2. INDIKATOR KINERJA LAINNYA")
    assert "Indeks Pelayanan Publik Kecamatan" in teks[:l2]
    assert "Nilai SAKIP Perangkat Daerah" in teks[l2:]
    assert "Hendra Kusuma, S.Sos, M.M Pembina NIP. 19730206 200312 1 002" in teks
    assert "30 Januari 2026" in teks
    # The long row continues under a repeated table head: no page is left without its text.
    assert all(h.strip(" 0123456789") for h in halaman)


@pytest.fixture
def draf_patrang(jember, operator_patrang):
    """A draft decree of Patrang in the newer layout, not dated yet: its year is the Renstra's
    first (2021), for which Patrang has no profile."""
    patrang = Kecamatan.objects.get(slug="patrang")
    renstra = Renstra.objects.filter(kecamatan=patrang).first()
    return keputusan_buat(
        kecamatan=patrang,
        renstra=renstra,
        data={
            "nomor": "000.7.2.7/99/35.09.01/2026",
            "tentang": "Indikator Kinerja pada Kecamatan Patrang Kabupaten Jember",
            "tempat": "Jember",
            "tanggal": None,
            "tata_letak": KeputusanIKU.TataLetak.TERPISAH,
            "menimbang": "bahwa perlu menetapkan indikator kinerja;",
            "mengingat": "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "tembusan": "",
            "penandatangan_nama": "Hendra Kusuma, S.Sos",
            "penandatangan_jabatan": "Camat Patrang",
            "penandatangan_pangkat": "Pembina",
            "penandatangan_nip": "197302062003121002",
        },
        diktum=["Indikator Kinerja Kecamatan Patrang", "Mulai berlaku pada tanggal ditetapkan."],
        oleh=operator_patrang,
    )


LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAFElEQVR4nGM8ISfHgA0wYRUdtBIA0MoBFD5jqJkAAAAAS"
    "UVORK5CYII="
)


def test_draf_bertanda_draf_di_setiap_halaman_dengan_logo_kabupaten(draf_patrang, media):
    """A draft prints DRAF on every page; the kop carries the kabupaten's logo once one is
    uploaded (none is invented: the stored decrees above print without an image)."""
    kabupaten = draf_patrang.kecamatan.kabupaten
    kabupaten.logo.save("jember.png", ContentFile(LOGO_PNG))
    html = PenyajiKeputusan(draf_patrang).html()
    assert f'src="{kabupaten.logo.url}"' in html
    isi = PenyajiKeputusan(draf_patrang).render().isi
    assert len(PdfReader(BytesIO(isi)).pages[0].images) == 1
    halaman = halaman_pdf(isi)
    assert len(halaman) >= 3
    assert all("DRAF" in h for h in halaman)
    teks = semua(halaman)
    assert "DRAF — keputusan ini belum ditetapkan camat" in teks
    assert "Pada tanggal : (belum ditetapkan)" in teks
    assert (
        "Tugas dan fungsi Kecamatan Patrang belum diisi: tidak ada pada keputusan ini dan "
        "tidak ada profil kecamatan sampai tahun 2021."
    ) in teks
    # The annex's signature carries the place and the date (still to come on a draft).
    assert "Jember, (belum ditetapkan) CAMAT PATRANG," in teks


def test_data_keputusan_dalam_jumlah_kueri_tetap(draf_patrang):
    """The decree's data comes in the same number of queries however many indicators its
    lampiran holds."""

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            isi_keputusan(keputusan=draf_patrang)
        return len(q)

    baris = list(draf_patrang.indikator_lampiran.all())
    assert len(baris) >= 4
    IndikatorKeputusan.objects.filter(pk__in=[b.pk for b in baris[1:]]).delete()
    satu = hitung()
    assert satu <= 6
    for b in baris[1:]:
        IndikatorKeputusan.objects.create(
            keputusan=draf_patrang, indikator=b.indikator, lampiran=b.lampiran, urutan=b.urutan
        )
    assert hitung() == satu


def test_butir_berpenanda_digantung_bertingkat():
    butir = pecah_butir(
        "Terdiri dari :\n1. Indikator Kinerja Utama\n2. Indikator Kinerja Lainnya :\n"
        "a. Indikator sasaran\n(1) rincian\n3. Lainnya"
    )
    assert [(b.penanda, b.tingkat) for b in butir] == [
        ("", 0),
        ("1.", 1),
        ("2.", 1),
        ("a.", 2),
        ("(1)", 3),
        ("3.", 1),
    ]
    assert butir[3].isi == "Indikator sasaran"


# --- the "Unduh PDF" button ------------------------------------------------------------------


def url_pdf(keputusan, slug="kencong"):
    return reverse("laporan:pdf-keputusan", args=[slug, keputusan.pk])


def test_tombol_unduh_pdf_mengunduh_lalu_memakai_berkas_tersimpan(
    client, operator_kencong, bappeda, kencong, media, django_capture_on_commit_callbacks
):
    keputusan = KeputusanIKU.objects.get(kecamatan=kencong, nomor=LAMA)
    client.force_login(operator_kencong)
    halaman = client.get(reverse("iku:keputusan-detail", args=["kencong", keputusan.pk]))
    assert f'action="{url_pdf(keputusan)}"' in halaman.content.decode()
    assert "Unduh PDF" in halaman.content.decode()

    # The render runs as a task (inline without a worker, after the request's transaction).
    with django_capture_on_commit_callbacks(execute=True):
        diminta = client.post(url_pdf(keputusan))
    assert diminta.status_code == 302
    berkas = ikuti_sampai_pdf(client, diminta)
    assert berkas.status_code == 200
    assert berkas["Content-Type"] == "application/pdf"
    isi = b"".join(berkas.streaming_content)
    assert f"Nomor : {LAMA}" in halaman_pdf(isi)[0]
    dokumen = DokumenPDF.objects.get(jenis="keputusan", objek_id=keputusan.pk)
    assert dokumen.status == DokumenPDF.Status.SELESAI
    unduh = reverse("laporan:dokumen-unduh", args=["kencong", dokumen.pk])

    # Unchanged: asked again (by Bappeda too, who reads every kecamatan), the stored file is
    # served at once and no new document is made.
    pastikan_disajikan_dari_berkas(client, url_pdf(keputusan), unduh, operator_kencong, bappeda)


def test_operator_kecamatan_lain_tidak_menjangkau_pdf(client, operator_patrang, kencong, media):
    keputusan = KeputusanIKU.objects.get(kecamatan=kencong, nomor=LAMA)
    client.force_login(operator_patrang)
    for slug in ("kencong", "patrang"):
        assert client.post(url_pdf(keputusan, slug=slug)).status_code == 404
    assert client.get(url_pdf(keputusan)).status_code == 404
    assert not DokumenPDF.objects.filter(objek_id=keputusan.pk, jenis="keputusan").exists()


def teks_html(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_lampiran_patrang_dengan_lima_kolomnya_sendiri(jember):
    """Patrang's decree prints its own five columns (no number column) and, after the decree,
    the IKU page with the tugas and fungsi of its profile and the tujuan (HTML of the print)."""
    keputusan = KeputusanIKU.objects.get(kecamatan__slug="patrang")
    html = PenyajiKeputusan(keputusan).html()
    kepala = re.search(r"<thead>\s*<tr>(.*?)</tr>", html, flags=re.S).group(1)
    assert re.findall(r"<th>(.*?)</th>", kepala) == [
        "SASARAN STRATEGIS",
        "IKU",
        "FORMULASI PERHITUNGAN DAN PENJELASAN INDIKATOR",
        "PENANGGUNG JAWAB",
        "SUMBER DATA",
    ]
    assert html.count('<th class="nomor-kolom">') == 5
    teks = teks_html(html)
    assert "Instansi : Kecamatan Patrang Kabupaten Jember Tugas : a. Menyelenggarakan" in teks
    assert "Indikator Tujuan 1 : Nilai SAKIP OPD" in teks
    assert "Jember, 10 Januari 2025 CAMAT PATRANG, Hendra Kusuma, S.Sos" in teks


def test_penutup_balung_non_rutin_dan_rutin(client, bappeda, jember):
    """Balung's closing section under its IKU table, in the print and on the decree's page."""
    keputusan = KeputusanIKU.objects.get(kecamatan__slug="balung")
    client.force_login(bappeda)
    halaman = client.get(reverse("iku:keputusan-detail", args=["balung", keputusan.pk])).text
    for teks in (teks_html(PenyajiKeputusan(keputusan).html()), teks_html(halaman)):
        awal = teks.index("yaitu: a. NON RUTIN - Tujuan : Meningkatnya penataan organisasi")
        akhir = teks.index("b. RUTIN - Tujuan : Meningkatnya kualitas pengelolaan keuangan")
        assert awal < akhir
        assert (
            "- Sasaran : 1. Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik"
        ) in teks
        assert "- Sasaran : 1. Meningkatnya Efektifitas Pencapaian Target Kinerja" in teks


def test_penanggung_jawab_nama_lengkap_dalam_urutan_keputusan(jember):
    keputusan = KeputusanIKU.objects.get(nomor=LAMA)
    (lampiran,) = isi_keputusan(keputusan=keputusan).lampiran
    ikm = next(b for b in lampiran.baris if b.nama == "Indeks Kepuasan Masyarakat")
    assert ikm.penanggung_jawab == (
        "Seksi Pemerintahan",
        "Seksi Pelayanan Umum",
        "Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
        "Seksi Ketentraman dan Ketertiban Umum",
    )
    program = next(b for b in lampiran.baris if b.nama.startswith("Persentase Indikator"))
    assert program.penanggung_jawab == ("Sekretariat",)


def test_ubah_penanggung_jawab_mempertahankan_urutan_keputusan(kencong, operator_kencong):
    """A unit added in the form follows those kept, which keep the decree's order."""
    ikm = Indikator.objects.get(
        sasaran__tujuan__renstra__kecamatan=kencong,
        sasaran__tujuan__renstra__nama="Renstra Perubahan 2021-2026",
        nama="Indeks Kepuasan Masyarakat",
    )
    unit = {u.nama: u for u in kencong.unit_kerja.all()}
    dipilih = [
        unit[n]
        for n in (
            "Seksi Pemerintahan",
            "Seksi Ketentraman dan Ketertiban Umum",
            "Seksi Pelayanan Umum",
            "Sekretariat",
        )
    ]
    lama = urutan_penanggung_jawab(ikm)
    indikator_ubah(
        indikator=ikm,
        data={},
        penanggung_jawab=dipilih,
        sidik=sidik_indikator(ikm, lama),
        oleh=operator_kencong,
    )
    assert [p.unit_kerja.nama for p in ikm.urutan_penanggung_jawab.all()] == [
        "Seksi Pemerintahan",
        "Seksi Pelayanan Umum",
        "Seksi Ketentraman dan Ketertiban Umum",
        "Sekretariat",
    ]


@pytest.mark.parametrize(
    ("ketikan", "pesan"),
    [
        ("indikator IKU", "tulis kunci kolom, titik dua, lalu judulnya"),
        ("nomor: No\nindikator: IKU", "dengan kunci salah satu dari: no, kinerja"),
        ("no: No\nsumber_data: Sumber", "harus memuat kolom indikator"),
        ("indikator: IKU\nindikator: Indikator", "hanya boleh muncul sekali"),
    ],
)
def test_kolom_lampiran_salah_ditolak_dengan_pesan(ketikan, pesan):
    with pytest.raises(ValidationError) as galat:
        KolomLampiranField(required=False).clean(ketikan)
    assert pesan in " ".join(galat.value.messages)


def test_kolom_lampiran_diketik_per_baris():
    assert KolomLampiranField(required=False).clean("no: No\nindikator: IKU\n\n") == [
        ["no", "No"],
        ["indikator", "IKU"],
    ]
