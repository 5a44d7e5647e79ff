"""Realisasi of the PK indicators in Excel: every triwulan and the tahunan in one file, each
period imported only while the kecamatan may still change it."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse

from perjanjian import excel
from perjanjian.models import PelaporanRealisasi, Realisasi
from sakip.penguncian import DataTerkunci
from tests.bantu_excel import baris, berkas, kolom, konfirmasi, teks, unduh, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def berkas_sementara(media):
    """Uploaded files wait for the confirm in a temporary MEDIA_ROOT."""
    return media


def url(nama, kecamatan="kencong"):
    return reverse(f"perjanjian:realisasi-{nama}", args=[kecamatan, 2025])


def realisasi(kencong, kode, periode):
    return Realisasi.objects.filter(
        kecamatan=kencong, ukuran__kode=kode, tahun=2025, periode=periode
    ).first()


def verifikasi(kencong, periode):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong,
        tahun=2025,
        periode=periode,
        status=PelaporanRealisasi.Status.DIVERIFIKASI,
    )


def test_unduh_berisi_indikator_pk_dengan_angka(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    kode = kolom(ws, "Kode indikator")
    ikm = ws.cell(row=baris(ws, kode, "ikm"), column=kolom(ws, "Tahunan"))
    assert ikm.value == 92.33 and ikm.number_format == "#,##0.00"
    sakip = baris(ws, kode, "nilai-sakip")
    assert ws.cell(row=sakip, column=kolom(ws, "Tahunan")).value == "A (80,41)"
    assert ws.cell(row=sakip, column=kolom(ws, "Target PK")).value == "B (67)"
    # The same measure in both PKs of 2025 is one row.
    assert sum(1 for r in ws.iter_rows() if r[kode - 1].value == "ikm") == 1


def test_templat_dan_tombol(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    assert ws.cell(row=ikm, column=kolom(ws, "Tahunan")).value is None
    halaman = teks(client.get(reverse("perjanjian:realisasi", args=["kencong", 2025, "tw1"])))
    assert "Unduh Excel" in halaman and "Impor Excel" in halaman


def test_bolak_balik_tidak_mengubah_apa_pun(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    jumlah = Realisasi.riwayat.count()
    assert "Tidak ada perubahan" in unggah(client, url("impor"), ws)
    assert Realisasi.riwayat.count() == jumlah


def test_triwulan_diimpor_dengan_riwayat(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    kode = kolom(ws, "Kode indikator")
    ikm = baris(ws, kode, "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = "88,5"
    ws.cell(row=ikm, column=kolom(ws, "TW II")).value = 90.25
    ws.cell(row=baris(ws, kode, "nilai-sakip"), column=kolom(ws, "TW II")).value = "B (70)"
    halaman = unggah(client, url("impor"), ws)
    assert "TW I: kosong → 88,5" in halaman
    assert "TW II: kosong → 90,25" in halaman
    assert "TW II: kosong → B (70)" in halaman
    assert realisasi(kencong, "ikm", "tw1") is None

    r = konfirmasi(client, url("impor"))
    assert "disimpan: 3 nilai berubah" in teks(r)
    assert r.redirect_chain[-1][0].endswith("/realisasi/2025/tw1/")
    assert realisasi(kencong, "ikm", "tw1").nilai == Decimal("88.5")
    assert realisasi(kencong, "ikm", "tw2").nilai == Decimal("90.25")
    assert realisasi(kencong, "nilai-sakip", "tw2").huruf == "B"
    assert realisasi(kencong, "ikm", "tahunan").nilai == Decimal("92.33")
    catatan = Realisasi.riwayat.get(id=realisasi(kencong, "ikm", "tw1").id)
    assert catatan.history_user == operator_kencong


def test_baris_salah(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    kode = kolom(ws, "Kode indikator")
    ikm = baris(ws, kode, "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = "tinggi"
    ws.cell(row=baris(ws, kode, "fasilitasi-kesejahteraan"), column=2).value = 2024
    ws.cell(row=baris(ws, kode, "dokumen-penataan-organisasi"), column=kode).value = "xyz"
    halaman = unggah(client, url("impor"), ws)
    assert "TW I (sel H" in halaman and "berisi teks 'tinggi', bukan angka" in halaman
    assert "Baris ini untuk tahun 2024, bukan 2025." in halaman
    assert "Kode indikator 'xyz' bukan indikator Perjanjian Kinerja 2025 Kencong" in halaman
    assert "Simpan perubahan (" not in halaman


def test_periode_terverifikasi_ditolak(client, operator_kencong, kencong):
    verifikasi(kencong, "tahunan")
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    # Unchanged values of the verified period are fine; a changed one is refused.
    assert "Tidak ada perubahan" in unggah(client, url("impor"), ws)
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "Tahunan")).value = 95
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 90
    halaman = unggah(client, url("impor"), ws)
    assert "Tahunan: Realisasi Tahunan 2025 sudah diverifikasi Bappeda" in halaman
    assert "Simpan perubahan (" not in halaman
    konfirmasi(client, url("impor"))
    assert realisasi(kencong, "ikm", "tw1") is None


def test_terverifikasi_di_antara_pratinjau_dan_konfirmasi(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 90
    ws.cell(row=ikm, column=kolom(ws, "TW II")).value = 91
    assert "TW II: kosong → 91" in unggah(client, url("impor"), ws)
    verifikasi(kencong, "tw2")
    r = konfirmasi(client, url("impor"))
    assert "Tidak ada yang disimpan." in teks(r)
    assert realisasi(kencong, "ikm", "tw1") is None


def test_semua_atau_tidak_sama_sekali(operator_kencong, kencong):
    """The write itself: the second period refused by the model guard undoes the first."""
    c = Client()
    c.force_login(operator_kencong)
    ws = unduh(c, url("templat"))
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 90
    ws.cell(row=ikm, column=kolom(ws, "TW II")).value = 91
    isi = BytesIO()
    ws.parent.save(isi)
    p = excel.pratinjau_realisasi(kecamatan=kencong, tahun=2025, data=isi.getvalue())
    assert p.boleh_disimpan and list(p.rencana) == ["tw1", "tw2"]
    verifikasi(kencong, "tw2")
    with pytest.raises(DataTerkunci):
        excel.terapkan_realisasi(kecamatan=kencong, tahun=2025, pratinjau=p, oleh=operator_kencong)
    assert realisasi(kencong, "ikm", "tw1") is None


def test_operator_patrang_tidak_dapat_mengimpor_ke_kencong(
    client, operator_kencong, operator_patrang
):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    client.force_login(operator_patrang)
    assert client.post(url("impor"), {"berkas": berkas(ws)}).status_code == 404
    # Kencong's rows in Patrang's own import: another kecamatan's code.
    halaman = unggah(client, url("impor", "patrang"), ws)
    assert "untuk kecamatan berkode 35.09.02, bukan Patrang" in halaman


def test_unduhan_tidak_bertambah_query_per_indikator(django_assert_max_num_queries, kencong):
    # Eight queries per period (the realisasi page's grid; the Renstra's measures are read
    # in two indexed queries, one per path from an indicator to its Renstra), five periods,
    # and one for the program indicators Kencong's computed "Persentase Indikator Program yang
    # tercapai" reads in the Tahunan grid (perjanjian.selectors.turunan), plus one for the
    # budget tree one of those program indicators is computed from ("Persentase realisasi
    # anggaran").
    with django_assert_max_num_queries(42):
        excel.render_realisasi(kecamatan=kencong, tahun=2025)


def test_riwayat_sebelum_renstra_diimpor_dari_templat(client, operator_kencong, kencong):
    """2019, before Kencong's Renstra 2021-2026: the template lists the Renstra's measures as
    history rows; the annual IKM is imported (as on the realisasi page's history block), a
    triwulan value is refused with its cause, and the realisasi page of 2019 shows the value."""
    url_2019 = {
        n: reverse(f"perjanjian:realisasi-{n}", args=["kencong", 2019])
        for n in ("templat", "impor")
    }
    client.force_login(operator_kencong)
    ws = unduh(client, url_2019["templat"])
    kode = kolom(ws, "Kode indikator")
    ikm = baris(ws, kode, "ikm")
    assert ws.cell(row=ikm, column=kolom(ws, "PK")).value == "Riwayat sebelum Renstra"
    ws.cell(row=ikm, column=kolom(ws, "Tahunan")).value = "80,5"
    ws.cell(row=baris(ws, kode, "nilai-sakip"), column=kolom(ws, "TW I")).value = "B (60)"
    halaman = unggah(client, url_2019["impor"], ws)
    assert (
        "TW I: tahun 2019 sebelum periode Renstra kecamatan; riwayatnya hanya realisasi Tahunan."
        in halaman
    )
    assert "Simpan perubahan (" not in halaman

    ws.cell(row=baris(ws, kode, "nilai-sakip"), column=kolom(ws, "TW I")).value = None
    halaman = unggah(client, url_2019["impor"], ws)
    assert "Tahunan: kosong → 80,5" in halaman
    r = konfirmasi(client, url_2019["impor"])
    assert "disimpan: 1 nilai berubah" in teks(r)
    tersimpan = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2019)
    assert (tersimpan.nilai, tersimpan.periode) == (Decimal("80.5"), "tahunan")
    assert "Riwayat realisasi 2019" in teks(r) and 'value="80,5"' in r.text
    # Exported again, the stored history is a row of its own with its value.
    ws = unduh(client, reverse("perjanjian:realisasi-excel", args=["kencong", 2019]))
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    assert ws.cell(row=ikm, column=kolom(ws, "Tahunan")).value == 80.5
