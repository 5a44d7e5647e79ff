"""Renstra targets in Excel (TC 25 layout): the operator of Kencong downloads the table,
changes it in Excel and imports it back through a preview."""

from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Indikator, Renstra, TargetIndikator
from sakip.excel import PESAN_BASI_IMPOR
from tests.bantu_excel import (
    baris,
    baris_header,
    berkas,
    kolom,
    konfirmasi,
    teks,
    unduh,
    unggah,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def berkas_sementara(media):
    """Uploaded files wait for the confirm in a temporary MEDIA_ROOT."""
    return media


@pytest.fixture
def renstra(kencong):
    return Renstra.objects.get(kecamatan=kencong, tahun_awal=2021)


def url(nama, renstra):
    return reverse(f"iku:renstra-target-{nama}", args=["kencong", renstra.pk])


def target(renstra, kode, tahun):
    return TargetIndikator.objects.get(
        indikator__sasaran__tujuan__renstra=renstra, indikator__ukuran__kode=kode, tahun=tahun
    )


class TestUnduh:
    def test_tabel_tc25_dengan_angka_sungguhan(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        ws = unduh(client, url("excel", renstra))
        kode = kolom(ws, "Kode indikator")
        ikm = baris(ws, kode, "ikm")
        sel_2023 = ws.cell(row=ikm, column=kolom(ws, "2023"))
        assert sel_2023.value == 91.5 and sel_2023.number_format == "#,##0.0"
        sel_2022 = ws.cell(row=ikm, column=kolom(ws, "2022"))
        assert sel_2022.value == 91 and sel_2022.number_format == "#,##0"
        awal = ws.cell(row=baris(ws, kode, "indikator-program-tercapai"), column=7)
        assert awal.value == 86.86 and awal.number_format == "#,##0.00"
        # A value with a letter keeps its letter, as in the seed: B (67).
        sakip = baris(ws, kode, "nilai-sakip")
        assert ws.cell(row=sakip, column=kolom(ws, "2025")).value == "B (67)"
        assert ws.cell(row=ikm, column=1).value == "35.09.02"
        assert ws.cell(row=ikm, column=2).value == "Sasaran 2.1"

    def test_templat_berisi_indikator_tanpa_nilai(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        ws = unduh(client, url("templat", renstra))
        ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
        assert ws.cell(row=ikm, column=5).value == "Indeks Kepuasan Masyarakat"
        assert all(ws.cell(row=ikm, column=c).value is None for c in range(7, 15))

    def test_halaman_target_punya_tombol(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        halaman = teks(client.get(reverse("iku:renstra-target", args=["kencong", renstra.pk])))
        assert "Unduh Excel" in halaman and "Unduh templat" in halaman
        assert "Impor Excel" in halaman


class TestImpor:
    def test_bolak_balik_tidak_mengubah_apa_pun(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        ws = unduh(client, url("excel", renstra))
        riwayat = TargetIndikator.riwayat.count() + Indikator.riwayat.count()
        halaman = unggah(client, url("impor", renstra), ws)
        assert "Tidak ada perubahan" in halaman
        assert "Simpan perubahan (" not in halaman
        r = konfirmasi(client, url("impor", renstra))
        assert "Tidak ada berkas yang menunggu konfirmasi" in teks(r)
        assert TargetIndikator.riwayat.count() + Indikator.riwayat.count() == riwayat

    def test_perubahan_disimpan_setelah_konfirmasi_dengan_riwayat(
        self, client, operator_kencong, renstra, media
    ):
        client.force_login(operator_kencong)
        ws = unduh(client, url("templat", renstra))
        ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
        ws.cell(row=ikm, column=kolom(ws, "2025")).value = "92,75"
        ws.cell(row=ikm, column=kolom(ws, "2026")).value = 93.4
        halaman = unggah(client, url("impor", renstra), ws)
        assert "2025: 92,5 → 92,75" in halaman
        assert "2026: 93 → 93,4" in halaman
        assert "teks '92,75' dibaca sebagai 92,75" in halaman
        # Nothing written by the preview.
        assert target(renstra, "ikm", 2025).nilai == Decimal("92.5")

        assert len(list((media / "impor-excel").iterdir())) == 1
        r = konfirmasi(client, url("impor", renstra))
        assert "disimpan: 2 nilai berubah" in teks(r)
        assert not list((media / "impor-excel").iterdir())
        assert target(renstra, "ikm", 2025).nilai == Decimal("92.75")
        assert target(renstra, "ikm", 2026).nilai == Decimal("93.4")
        # The empty cells of the template removed nothing.
        assert target(renstra, "ikm", 2021).nilai == Decimal("90")
        catatan = TargetIndikator.riwayat.filter(
            id=target(renstra, "ikm", 2025).id, history_type="~"
        ).latest("history_date")
        assert catatan.history_user == operator_kencong

    def test_baris_salah_dijelaskan_dan_tidak_ada_yang_disimpan(
        self, client, operator_kencong, renstra
    ):
        client.force_login(operator_kencong)
        ws = unduh(client, url("excel", renstra))
        kode = kolom(ws, "Kode indikator")
        ikm = baris(ws, kode, "ikm")
        fasilitasi = baris(ws, kode, "fasilitasi-kesejahteraan")
        trantib = baris(ws, kode, "penyelesaian-trantibum")
        ws.cell(row=ikm, column=kolom(ws, "2025")).value = "sembilan puluh"
        ws.cell(row=fasilitasi, column=kolom(ws, "2025")).value = "97.75"  # a dot decimal: refused
        ws.cell(row=trantib, column=kode).value = "indikator-asing"
        baru = ws.max_row + 1
        for c in range(1, ws.max_column + 1):  # the IKM row again
            ws.cell(row=baru, column=c).value = ws.cell(row=ikm, column=c).value
        lain = ws.max_row + 1
        ws.cell(row=lain, column=1).value = "35.09.05"
        ws.cell(row=lain, column=4).value = "ikm"
        ws.cell(row=lain, column=10).value = 90
        halaman = unggah(client, url("impor", renstra), ws)

        assert "berisi teks 'sembilan puluh', bukan angka" in halaman
        assert "berisi teks '97.75': Format tidak dikenali" in halaman
        assert "Gunakan koma untuk desimal. Maksudnya 97,75?" in halaman
        assert "Kode indikator 'indikator-asing' tidak dikenal" in halaman
        assert f"Baris ganda: indikator Indeks Kepuasan Masyarakat sudah ada pada baris {ikm}" in (
            halaman
        )
        assert "untuk kecamatan berkode 35.09.05, bukan Kencong (35.09.02)" in halaman
        assert "Berkas ini belum dapat disimpan" in halaman
        assert "Simpan perubahan (" not in halaman
        assert target(renstra, "fasilitasi-kesejahteraan", 2025).nilai == Decimal("97.5")
        r = konfirmasi(client, url("impor", renstra))
        assert "Tidak ada berkas yang menunggu konfirmasi" in teks(r)
        assert target(renstra, "fasilitasi-kesejahteraan", 2025).nilai == Decimal("97.5")

    def test_tahun_di_luar_renstra(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        ws = unduh(client, url("excel", renstra))
        header = baris_header(ws, "Kode kecamatan")
        baru = ws.max_column + 1
        ws.cell(row=header, column=baru).value = "2027"
        ws.cell(row=header, column=baru + 1).value = "Keterangan"
        ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
        ws.cell(row=ikm, column=baru).value = 94
        halaman = unggah(client, url("impor", renstra), ws)
        assert "Tahun 2027 (sel " in halaman
        assert "di luar periode Renstra Perubahan 2021-2026 (2021-2026)" in halaman
        assert "Kolom 'Keterangan' tidak dikenal dan tidak dibaca." in halaman

    def test_bukan_excel(self, client, operator_kencong, renstra):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(operator_kencong)
        r = client.post(
            url("impor", renstra), {"berkas": SimpleUploadedFile("x.xlsx", b"bukan excel")}
        )
        assert "tidak dapat dibaca sebagai Excel" in teks(r)

    def test_data_berubah_sebelum_konfirmasi_ditolak(self, client, operator_kencong, renstra):
        client.force_login(operator_kencong)
        ws = unduh(client, url("templat", renstra))
        ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
        ws.cell(row=ikm, column=kolom(ws, "2025")).value = 92.75
        assert "2025: 92,5 → 92,75" in unggah(client, url("impor", renstra), ws)
        # Someone else saves the grid in between.
        t = target(renstra, "ikm", 2024)
        t.nilai = Decimal("92.1")
        t.save()
        r = konfirmasi(client, url("impor", renstra))
        assert "Tidak ada yang disimpan." in teks(r)
        assert PESAN_BASI_IMPOR in teks(r)
        assert target(renstra, "ikm", 2025).nilai == Decimal("92.5")

    def test_camat_juga_dapat_mengimpor(self, client, camat_kencong, renstra):
        client.force_login(camat_kencong)
        ws = unduh(client, url("templat", renstra))
        ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
        ws.cell(row=ikm, column=kolom(ws, "2026")).value = 93.5
        assert "2026: 93 → 93,5" in unggah(client, url("impor", renstra), ws)
        konfirmasi(client, url("impor", renstra))
        assert target(renstra, "ikm", 2026).nilai == Decimal("93.5")


class TestLingkup:
    def test_operator_patrang_tidak_dapat_mengimpor_ke_kencong(
        self, client, operator_kencong, operator_patrang, renstra
    ):
        client.force_login(operator_kencong)
        ws = unduh(client, url("excel", renstra))
        client.force_login(operator_patrang)
        assert client.post(url("impor", renstra), {"berkas": berkas(ws)}).status_code == 404
        silang = reverse("iku:renstra-target-impor", args=["patrang", renstra.pk])
        assert client.post(silang, {"berkas": berkas(ws)}).status_code == 404
        assert client.get(url("excel", renstra)).status_code == 404

    def test_bappeda_mengunduh_tetapi_tidak_mengimpor(self, client, bappeda, renstra):
        client.force_login(bappeda)
        unduh(client, url("excel", renstra))
        assert client.get(url("impor", renstra)).status_code == 403


def test_unduhan_tidak_bertambah_query_per_indikator(django_assert_max_num_queries, renstra):
    from iku import excel

    with django_assert_max_num_queries(8):
        excel.render(renstra=renstra)
