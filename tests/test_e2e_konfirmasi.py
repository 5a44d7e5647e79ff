"""In a real browser: what was typed is never lost by a workflow button, leaving a page with
unsaved input warns, and an irreversible step asks first, listing what it locks and what is
missing. The operator of Kencong on the TW IV realisasi, then the camat on the LKIP."""

import re
from decimal import Decimal

import pytest

from laporan.models import LaporanKinerja
from perjanjian.models import PelaporanRealisasi, Realisasi
from tests.bantu_peramban import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def status_tw4(kencong):
    p = PelaporanRealisasi.objects.filter(kecamatan=kencong, tahun=2025, periode="tw4").first()
    return p.status if p else "draft"


def test_isian_belum_disimpan_tidak_hilang_dan_langkah_dikonfirmasi(
    live_server, halaman, operator_kencong, camat_kencong, kencong
):
    from playwright.sync_api import expect

    masuk(halaman, live_server, "operator.kencong")
    halaman.goto(live_server.url + "/kecamatan/kencong/realisasi/2025/tw4/")
    ikm = halaman.locator("#realisasi-ikm")
    ikm.fill("92,33")
    halaman.get_by_role("button", name="Simpan realisasi").click()
    expect(halaman.locator("main")).to_contain_text("Realisasi Triwulan IV 2025 disimpan")
    halaman.locator("#realisasi-ikm").fill("95")  # typed, not saved

    # Leaving with the value typed but not saved: the browser asks first.
    dialog = []

    def tolak_keluar(d):
        dialog.append(d.type)
        d.dismiss()

    halaman.on("dialog", tolak_keluar)
    halaman.get_by_role("navigation", name="Menu kecamatan").get_by_role(
        "link", name="Narasi"
    ).click()
    halaman.wait_for_timeout(300)
    assert dialog == ["beforeunload"]
    expect(halaman).to_have_url(re.compile(r"/realisasi/2025/tw4/$"))
    halaman.remove_listener("dialog", tolak_keluar)

    # "Ajukan" with the value still unsaved: refused, the value still typed, nothing locked.
    halaman.get_by_role("button", name="Ajukan ke Bappeda").click()
    expect(halaman.get_by_role("alert").first).to_contain_text("Ada isian yang belum disimpan")
    expect(halaman.locator("#realisasi-ikm")).to_have_value("95")
    assert status_tw4(kencong) == "draft"
    ikm_tw4 = Realisasi.objects.get(
        kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tw4"
    )
    assert ikm_tw4.nilai == Decimal("92.33")

    # Saved, then Ajukan: the confirmation says what it locks and what is missing.
    halaman.get_by_role("button", name="Simpan realisasi").click()
    expect(halaman.locator("main")).to_contain_text("Realisasi Triwulan IV 2025 disimpan")
    halaman.get_by_role("button", name="Ajukan ke Bappeda").click()
    expect(halaman.get_by_role("heading", level=1)).to_contain_text(
        "Ajukan Realisasi Triwulan IV 2025 Kencong ke Bappeda?"
    )
    expect(halaman.locator("#konfirmasi-dikunci")).to_contain_text("Realisasi anggaran")
    kurang = halaman.locator("#konfirmasi-kekurangan")
    expect(kurang).to_contain_text("belum punya realisasi")
    assert status_tw4(kencong) == "draft"  # asking is not acting
    halaman.get_by_role("button", name="Ya, ajukan ke Bappeda").click()
    expect(halaman.locator("#status-pelaporan")).to_have_text("Diajukan")
    assert status_tw4(kencong) == "diajukan"

    # The camat edits the conclusion and presses Tetapkan without saving: refused, text kept.
    halaman.get_by_role("button", name="Keluar").click()
    masuk(halaman, live_server, "camat.kencong")
    halaman.goto(live_server.url + "/kecamatan/kencong/lkip/2025/")
    halaman.locator("textarea[name=kesimpulan]").fill("Kesimpulan yang baru diketik.")
    halaman.get_by_role("button", name="Tetapkan LKIP 2025").click()
    expect(halaman.get_by_role("alert").first).to_contain_text("Ada isian yang belum disimpan")
    expect(halaman.locator("textarea[name=kesimpulan]")).to_have_value(
        "Kesimpulan yang baru diketik."
    )
    lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    assert lkip.status == "draft" and lkip.kesimpulan != "Kesimpulan yang baru diketik."

    # Saved, then Tetapkan: the confirmation names what blocks it, with links, and no button.
    halaman.get_by_role("button", name="Simpan LKIP").click()
    expect(halaman.locator("main")).to_contain_text("LKIP 2025 disimpan")
    halaman.get_by_role("button", name="Tetapkan LKIP 2025").click()
    menghalangi = halaman.locator("#konfirmasi-menghalangi")
    expect(menghalangi).to_contain_text("belum direviu Inspektorat")
    expect(menghalangi).to_contain_text("Realisasi Tahunan 2025 belum diverifikasi")
    expect(menghalangi.get_by_role("link").first).to_be_visible()
    expect(halaman.locator("#tombol-konfirmasi")).to_have_count(0)
    assert LaporanKinerja.objects.get(pk=lkip.pk).status == "draft"
