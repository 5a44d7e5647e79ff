"""Content of the Kencong LKIP 2025 (seeds/004) the generated document used to drop: the legal
basis of BAB III, the LHE letter number and date, the national target beside the kabupaten
benchmark, the budget lines the efficiency analysis used, and the annexes bound after it. Read
from the LKIP's HTML text (no PDF render)."""

import html as html_lib
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from laporan.dokumen.layanan import sidik
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import DokumenPDF, LaporanKinerja, TargetPembanding
from laporan.services import KOLOM_LAPORAN, laporan_simpan
from perjanjian.models import PerjanjianKinerja
from sakip import konkurensi

SURAT_LHE = "Surat Nomor 700.1.2.1/15/IR.1/35.09.410/2025 tanggal 29 September 2025"


def laporan_kencong() -> LaporanKinerja:
    return LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan__slug="kencong", tahun=2025
    )


def teks_dari(html: str) -> str:
    tanpa_tag = re.sub(r"<style.*?</style>|<svg.*?</svg>|<[^>]+>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(tanpa_tag))


@pytest.fixture(scope="module")
def teks(jember_modul, django_db_blocker):
    """The text of Kencong's LKIP 2025 as loaded from the fixtures."""
    with django_db_blocker.unblock():
        call_command("muat_data_jember", stdout=StringIO())
        return teks_dari(PenyajiLKIP(laporan_kencong()).html())


def bab3(teks: str) -> str:
    return teks[teks.rindex("BAB III AKUNTABILITAS KINERJA A.") :]


def test_dasar_hukum_bab3_dicetak(teks):
    isi = bab3(teks)
    assert (
        "Menindaklanjuti ketentuan dalam Surat Menteri PANRB Nomor B/37/AA.01/2025 tanggal "
        "14 November 2025 hal Pemberitahuan Penyampaian Laporan Kinerja 2025" in isi
    )
    assert "wajib melaporkan capaian atas kinerja yang ditetapkan dalam 2 (dua) Perjanjian" in isi
    # The scale's own regulation stays where Tabel 3.1 is introduced.
    assert "Permendagri" in isi or "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017" in isi


@pytest.mark.django_db
def test_dasar_hukum_bab3_kosong_mencetak_teks_bawaan(jember):
    with transaction.atomic():
        laporan = laporan_kencong()
        LaporanKinerja.objects.filter(pk=laporan.pk).update(dasar_capaian="")
        isi = bab3(teks_dari(PenyajiLKIP(laporan_kencong()).html()))
        transaction.set_rollback(True)
    assert "Surat Menteri PANRB Nomor B/37" not in isi
    assert (
        "Pengukuran dan pelaporan capaian kinerja tahun 2025 berpedoman pada Peraturan Presiden "
        "Nomor 29 Tahun 2014" in isi
    )


def test_nomor_dan_tanggal_surat_lhe_dicetak(teks):
    # Tabel 1.3: the lead-in and the source line.
    assert (
        f"LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3 ({SURAT_LHE}) adalah sebagai berikut"
        in teks
    )
    assert f"Sumber: LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3, {SURAT_LHE}" in teks
    # Point e of the Nilai SAKIP indicator, in both PK sections.
    kalimat = (
        f"Sebagaimana tercantum dalam LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3 "
        f"({SURAT_LHE})."
    )
    assert bab3(teks).count(kalimat) == 2


def test_target_nasional_di_kolom_14_dan_poin_d(teks):
    isi = bab3(teks)
    assert "Pembanding: kecamatan di Kabupaten Jember; target nasional / provinsi" in isi
    assert "Target nasional: 71 (BB / Sangat Baik)" in isi
    assert "Target nasional: 3,68" in isi
    assert (
        "Berdasarkan Renstra KemenPANRB 2025-2029, target nasional Nilai SAKIP Perangkat Daerah "
        "tahun 2025 adalah 71 (BB / Sangat Baik); realisasi Kecamatan Kencong sebesar "
        "A (80,41) telah melampaui target nasional (113,25%)." in isi
    )
    # IPP 3,17 against the national 3,68 (3,17 / 3,68 = 86,14 %).
    assert (
        "Target nasional Indeks Pelayanan Publik Kecamatan tahun 2025 adalah 3,68; realisasi "
        "Kecamatan Kencong sebesar 3,17 belum mencapai target nasional (86,14%)." in isi
    )


@pytest.mark.django_db
def test_target_provinsi_tersimpan_per_tahun_dan_tingkat(jember):
    """A provincial target of another year is not printed in the 2025 report; one of 2025 is."""
    with transaction.atomic():
        ukuran = jember.ukuran.get(kode="ikm")
        TargetPembanding.objects.create(
            ukuran=ukuran, tahun=2024, tingkat="provinsi", nilai=Decimal("80")
        )
        isi = bab3(teks_dari(PenyajiLKIP(laporan_kencong()).html()))
        assert "Target provinsi Indeks Kepuasan Masyarakat" not in isi
        TargetPembanding.objects.create(
            ukuran=ukuran, tahun=2025, tingkat="provinsi", nilai=Decimal("95")
        )
        isi = bab3(teks_dari(PenyajiLKIP(laporan_kencong()).html()))
        transaction.set_rollback(True)
    assert "Target provinsi: 95" in isi
    assert "Target provinsi Indeks Kepuasan Masyarakat tahun 2025 adalah 95; realisasi" in isi
    assert "sebesar 92,33 belum mencapai target provinsi (97,19%)" in isi


def test_sumber_efisiensi_dicetak(teks):
    isi = bab3(teks)
    assert "Sumber data perhitungan efisiensi: target dan realisasi kinerja dari PK 2025" in isi
    assert (
        "pagu akhir tahun 2025 (sesudah perubahan, bila ada) dan realisasi anggaran program "
        "pendukung setiap sasaran (kolom 6–8), yaitu: Sasaran 1.1: Program Penunjang Urusan "
        "Pemerintahan Daerah Kabupaten/Kota (pagu Rp 2.911.311.160,40 , realisasi "
        "Rp 2.070.116.001,00 )" in isi
    )
    assert "efisiensi: target dan realisasi kinerja dari PK Perubahan" in isi
    # An efficient sasaran names the budget lines left unspent, largest first (the seed: "sisa
    # anggaran gaji pns"); one not efficient names none: 1.1 (its computed indicator, 75 / 92,
    # is below target since the budget program indicator is computed: 78,24 / 92) and 2.1
    # (IKM below target).
    assert (
        "Efisiensi bersumber dari sisa anggaran Peningkatan Efektifitas Kegiatan Pemberdayaan "
        "Masyarakat di Wilayah Kecamatan ( Rp 2.984.372,00 )." in isi
    )
    assert "realisasi Rp 2.070.116.001,00 ). Sasaran 2.1" in isi
    assert "realisasi Rp 793.025.000,00 ). Sasaran 2.2" in isi


@pytest.mark.django_db
def test_dasar_hukum_bab3_diisi_di_halaman_lkip_dan_dicetak(operator_kencong):
    with transaction.atomic():
        laporan = laporan_kencong()
        data = {k: getattr(laporan, k) for k in KOLOM_LAPORAN}
        data["dasar_capaian"] = "Paragraf pertama dasar hukum.\r\nParagraf kedua dasar hukum."
        laporan_simpan(
            laporan=laporan,
            data=data,
            tindak_lanjut=None,
            sidik=konkurensi.sidik([laporan]),
            oleh=operator_kencong,
        )
        disimpan = laporan_kencong().dasar_capaian
        isi = bab3(teks_dari(PenyajiLKIP(laporan_kencong()).html()))
        transaction.set_rollback(True)
    assert disimpan == "Paragraf pertama dasar hukum.\nParagraf kedua dasar hukum."
    assert "Paragraf pertama dasar hukum. Paragraf kedua dasar hukum." in isi
    assert "Surat Menteri PANRB Nomor B/37" not in isi


@pytest.mark.django_db
def test_lampiran_pk_masuk_sidik_lkip(jember):
    """The LKIP's HTML, the key of its PDF cache, holds its annexes: a PK whose print changes
    makes the LKIP print again. An approved PK is bound as it was frozen at its approval."""
    pk = PerjanjianKinerja.objects.get(kecamatan__slug="kencong", tahun=2025, jenis="awal")
    sebelum = PenyajiLKIP(laporan_kencong()).html()
    assert "Muhammad Najmul Huda, S.STP, M.Si" in teks_dari(sebelum)

    DokumenPDF.objects.create(
        kecamatan=pk.kecamatan,
        jenis=DokumenPDF.Jenis.PERJANJIAN,
        objek_id=pk.pk,
        final=True,
        html="<!doctype html><html><body><p>Perjanjian yang ditandatangani</p></body></html>",
        sidik_html="0" * 64,
        nama_berkas="pk-kencong-2025.pdf",
    )
    sesudah = PenyajiLKIP(laporan_kencong()).html()
    assert "Perjanjian yang ditandatangani" in teks_dari(sesudah)
    assert sidik(sesudah) != sidik(sebelum)
