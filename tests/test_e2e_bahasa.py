"""In an English browser (locale en-US) the date and file inputs are still the application's
own: the date reads and is typed dd/mm/yyyy (12/04/2026 is 12 April, never 4 December) and the
file button reads "Pilih berkas" and shows the chosen file's name (issue 13)."""

import datetime

import pytest

from laporan.models import LaporanKinerja
from tests.conftest import KATA_SANDI_UJI

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def halaman_inggris(chromium):
    konteks = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = konteks.new_page()
    page.set_default_timeout(15000)
    yield page
    konteks.close()


def masuk(halaman, server, username):
    halaman.goto(server.url + "/masuk/")
    halaman.get_by_label("Nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(KATA_SANDI_UJI)
    halaman.get_by_role("button", name="Masuk").click()


def test_tanggal_dan_berkas_milik_aplikasi_di_peramban_inggris(
    live_server, halaman_inggris, operator_kencong, camat_kencong, kencong, tmp_path
):
    from playwright.sync_api import expect

    h = halaman_inggris
    masuk(h, live_server, "camat.kencong")
    h.goto(live_server.url + "/kecamatan/kencong/lkip/2025/")
    tanggal = h.locator("input[name=tanggal]")
    assert tanggal.get_attribute("type") == "text"
    expect(tanggal).to_have_attribute("placeholder", "hh/bb/tttt")
    tanggal.fill("12/04/2026")
    h.get_by_role("button", name="Simpan LKIP").click()
    expect(h.locator("main")).to_contain_text("LKIP 2025 disimpan")
    assert LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025).tanggal == (
        datetime.date(2026, 4, 12)
    )
    expect(h.locator("input[name=tanggal]")).to_have_value("12/04/2026")

    h.get_by_role("button", name="Keluar").click()
    masuk(h, live_server, "operator.kencong")
    h.goto(live_server.url + "/kecamatan/kencong/realisasi/2025/excel/impor/")
    tombol = h.locator(".tombol-berkas")
    expect(tombol).to_have_text("Pilih berkas")
    expect(tombol).to_be_visible()
    nama = h.locator(".nama-berkas")
    expect(nama).to_have_text("Belum ada berkas dipilih")
    berkas = tmp_path / "realisasi-kencong.xlsx"
    berkas.write_bytes(b"PK\x03\x04")
    h.locator("input[type=file]").set_input_files(berkas)
    expect(nama).to_have_text("realisasi-kencong.xlsx")
