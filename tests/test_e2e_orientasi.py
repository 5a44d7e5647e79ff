"""In a real browser: after a refused save the page moves to the errors (the summary of the
budget table, whose TW II…Tahunan columns are off-screen), a link of the summary focuses its
cell, the error under an LHE score does not cover the input, and the first Tab reaches the skip
link."""

import pytest

from tests.bantu_peramban import masuk
from tests.test_halaman_anggaran import sel

pytestmark = pytest.mark.django_db(transaction=True)


def aktif(halaman) -> str:
    return halaman.evaluate(
        "() => { const a = document.activeElement; return (a.id || '') + '|' + a.className; }"
    )


def test_anggaran_ditolak_halaman_menuju_ringkasan_galat(
    live_server, halaman, operator_kencong, kencong
):
    from playwright.sync_api import expect

    masuk(halaman, live_server, "operator.kencong")
    halaman.goto(live_server.url + "/kecamatan/kencong/anggaran/2025/?ubah=1")
    nama = sel("2.1.1", "tahunan")
    halaman.locator(f"[name={nama}]").fill("satu juta")
    halaman.get_by_role("button", name="Simpan anggaran").click()
    ringkasan = halaman.locator(".ringkasan-galat")
    expect(ringkasan).to_be_visible()
    expect(ringkasan).to_be_in_viewport()
    assert "ringkasan-galat" in aktif(halaman)
    ringkasan.get_by_role("link").first.click()
    assert aktif(halaman).startswith(f"id_{nama}|")
    expect(halaman.locator(f"#id_{nama}")).to_be_in_viewport()


def test_lhe_ditolak_galat_tidak_menutupi_isian(live_server, halaman, inspektorat, kencong):
    masuk(halaman, live_server, "inspektorat")
    halaman.goto(live_server.url + "/kecamatan/kencong/evaluasi/2025/")
    for isian in halaman.locator(".skor-akip input").all():
        isian.fill("1")
    halaman.locator("#id_skor_perencanaan_keberadaan").fill("7")
    halaman.locator("#form-lhe button[type=submit]").first.click()
    galat = halaman.locator(".skor-akip small.galat").first
    galat.wait_for()
    kotak_galat = galat.bounding_box()
    kotak_isian = halaman.locator("#id_skor_perencanaan_keberadaan").bounding_box()
    assert kotak_galat["y"] >= kotak_isian["y"] + kotak_isian["height"]


def test_tab_pertama_tautan_lompat_ke_isi(live_server, halaman, operator_kencong, kencong):
    from playwright.sync_api import expect

    masuk(halaman, live_server, "operator.kencong")
    halaman.goto(live_server.url + "/kecamatan/kencong/renstra/")
    halaman.keyboard.press("Tab")
    lompat = halaman.get_by_role("link", name="Langsung ke isi")
    expect(lompat).to_be_focused()
    expect(lompat).to_be_in_viewport()
    halaman.keyboard.press("Enter")
    assert aktif(halaman).startswith("isi|")
    expect(halaman.locator("header a[aria-current=page]")).to_have_text("Renstra")
