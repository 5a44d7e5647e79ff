"""Uploads are read as a stream within limits (sakip.unggah): a file past a limit on size,
unzipped size, rows, columns or problems is refused with a message naming the limit, and
nothing is saved. The limits are settings; the tests lower them to keep the files small."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from perjanjian.models import Realisasi, SurveiKepuasan
from sakip.unggah import BatasUnggah, batas_unggah
from tests.bantu_excel import baris, kolom, unduh, unggah
from tests.test_survei_ikm import unggah as unggah_survei

pytestmark = pytest.mark.django_db

JUDUL_SURVEI = ["No", "Jenis Layanan", "Tanggal"] + [f"U{n}" for n in range(1, 10)]


@pytest.fixture(autouse=True)
def berkas_sementara(media):
    return media


@pytest.fixture
def operator(client, operator_kencong):
    client.force_login(operator_kencong)
    return client


def url_excel(nama):
    return reverse(f"perjanjian:realisasi-{nama}", args=["kencong", 2025])


def realisasi_kencong(kencong):
    return list(Realisasi.objects.filter(kecamatan=kencong, tahun=2025).values_list("id", "nilai"))


def csv_survei(baris_jawaban: list[str]) -> bytes:
    return ("\r\n".join([";".join(JUDUL_SURVEI), *baris_jawaban]) + "\r\n").encode()


def test_batas_dari_setelan(settings):
    assert batas_unggah() == BatasUnggah()
    settings.SAKIP_BATAS_UNGGAH = {"baris_impor": 10, "galat": 5}
    assert (batas_unggah().baris_impor, batas_unggah().galat) == (10, 5)
    assert batas_unggah().ukuran == 5 * 1024 * 1024


# --- the survey file ------------------------------------------------------------------------


def test_survei_ribuan_baris_salah_berhenti_setelah_50_galat(operator, kencong):
    sebelum = SurveiKepuasan.objects.count()
    isi = csv_survei([f"{i};KTP;01/02/2025;" + ";".join(["9"] * 9) for i in range(5000)])
    response = operator.post(
        reverse("perjanjian:survei-daftar", args=["kencong", 2025]),
        {"periode": "tw1", "berkas": _berkas("survei.csv", isi)},
    )
    assert response.status_code == 200
    teks = response.content.decode()
    assert "Lebih dari 50 galat; pemeriksaan dihentikan." in teks
    assert len(response.context["baca"].galat) == 51
    assert SurveiKepuasan.objects.count() == sebelum


def test_survei_terlalu_banyak_baris_ditolak(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"baris_survei": 100}
    sebelum = SurveiKepuasan.objects.count()
    isi = csv_survei([f"{i};KTP;01/02/2025;" + ";".join(["4"] * 9) for i in range(150)])
    response = unggah_survei(operator, "survei.csv", isi)
    assert response.status_code == 200
    assert "Berkas memuat lebih dari 100 baris" in response.content.decode()
    assert SurveiKepuasan.objects.count() == sebelum


def test_survei_kolom_di_luar_batas_ditolak(operator):
    wb = Workbook()
    wb.active.append(JUDUL_SURVEI)
    wb.active.append([1, "KTP", None] + [4] * 9)
    wb.active.cell(row=2, column=61).value = "x"
    response = unggah_survei(operator, "survei.xlsx", _simpan(wb))
    assert "Baris 2 berisi lebih dari 60 kolom" in response.content.decode()


def test_survei_terlalu_besar_ditolak(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"ukuran": 100 * 1024}
    isi = csv_survei([f"{i};KTP;01/02/2025;" + ";".join(["4"] * 9) for i in range(5000)])
    response = unggah_survei(operator, "survei.csv", isi)
    assert "Berkas terlalu besar (paling besar 0,1 MB)." in response.content.decode()


def test_permintaan_sangat_besar_ditolak_sebelum_dibaca(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"ukuran": 1024}
    sebelum = SurveiKepuasan.objects.count()
    response = unggah_survei(operator, "survei.csv", b"x" * (1024 * 1024 + 4096))
    assert response.status_code == 413
    assert "Berkas terlalu besar (paling besar 0 MB)." in response.content.decode()
    assert SurveiKepuasan.objects.count() == sebelum


# --- the Excel imports ----------------------------------------------------------------------


def test_impor_terlalu_banyak_baris_ditolak(operator, kencong, settings):
    settings.SAKIP_BATAS_UNGGAH = {"baris_impor": 50}
    sebelum = realisasi_kencong(kencong)
    ws = unduh(operator, url_excel("excel"))
    ws.cell(row=ws.max_row, column=kolom(ws, "TW I")).value = None
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 92.33
    ws.cell(row=500, column=1).value = "catatan di bawah"
    halaman = unggah(operator, url_excel("impor"), ws)
    assert "Berkas memuat lebih dari 50 baris" in halaman
    assert "Simpan perubahan (" not in halaman
    assert realisasi_kencong(kencong) == sebelum


def test_impor_kolom_di_luar_batas_ditolak(operator, kencong):
    sebelum = realisasi_kencong(kencong)
    ws = unduh(operator, url_excel("excel"))
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 92.33
    ws.cell(row=ikm, column=61).value = "x"
    halaman = unggah(operator, url_excel("impor"), ws)
    assert f"Baris {ikm} berisi lebih dari 60 kolom" in halaman
    assert realisasi_kencong(kencong) == sebelum


def test_impor_terurai_terlalu_besar_ditolak(operator, kencong, settings):
    settings.SAKIP_BATAS_UNGGAH = {"terurai": 1024}
    ws = unduh(operator, url_excel("excel"))
    halaman = unggah(operator, url_excel("impor"), ws)
    assert "Isi berkas Excel terlalu besar setelah dibuka" in halaman
    assert "Simpan perubahan (" not in halaman


def test_impor_berhenti_setelah_batas_galat(operator, kencong, settings):
    settings.SAKIP_BATAS_UNGGAH = {"galat": 5}
    sebelum = realisasi_kencong(kencong)
    ws = unduh(operator, url_excel("excel"))
    kode = kolom(ws, "Kode indikator")
    awal = ws.max_row + 1
    for i in range(20):
        ws.cell(row=awal + i, column=1).value = "kencong"
        ws.cell(row=awal + i, column=kode).value = f"xyz{i}"
    halaman = unggah(operator, url_excel("impor"), ws)
    assert "Lebih dari 5 galat; pemeriksaan dihentikan." in halaman
    # The rows after the sixth problem were not read.
    assert "xyz5" in halaman and "xyz6" not in halaman
    assert "xyz19" not in halaman
    assert realisasi_kencong(kencong) == sebelum


def test_impor_terlalu_besar_ditolak(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"ukuran": 1024}
    ws = unduh(operator, url_excel("excel"))
    halaman = unggah(operator, url_excel("impor"), ws)
    assert "Berkas terlalu besar (paling besar 0 MB)." in halaman


def _berkas(nama, isi):
    f = io.BytesIO(isi)
    f.name = nama
    return f


def _simpan(wb) -> bytes:
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def test_survei_terlalu_banyak_sel_ditolak(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"sel": 100}
    isi = csv_survei([f"{i};KTP;01/02/2025;" + ";".join(["4"] * 9) for i in range(20)])
    response = unggah_survei(operator, "survei.csv", isi)
    assert "Berkas memuat lebih dari 100 sel." in response.content.decode()


def test_survei_xlsx_terlalu_banyak_baris_ditolak_sebelum_dibuka(operator, settings):
    settings.SAKIP_BATAS_UNGGAH = {"baris_survei": 30}
    wb = Workbook()
    wb.active.append(JUDUL_SURVEI)
    for i in range(40):
        wb.active.append([i, "KTP", None] + [4] * 9)
    response = unggah_survei(operator, "survei.xlsx", _simpan(wb))
    assert "Berkas memuat lebih dari 30 baris" in response.content.decode()
