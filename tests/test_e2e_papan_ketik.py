"""Without a mouse (Debian's Chromium, keyboard only): the operator of Kencong tabs to a cell of
the TW IV realisasi grid, types the value, saves it with Enter and submits the period with the
Space bar; Bappeda tabs through its queue to the decision and verifies it. Every element the
keyboard reaches shows where the focus is."""

from decimal import Decimal

import pytest

from perjanjian.models import PelaporanRealisasi, Realisasi
from tests.bantu_peramban import masuk

pytestmark = pytest.mark.django_db(transaction=True)

# The focus must be visible: an outline or a focus ring (Pico draws a box-shadow on inputs).
FOKUS_TERLIHAT = """() => {
  const a = document.activeElement, s = getComputedStyle(a);
  return a.matches(':focus-visible')
    && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none');
}"""


def tab_ke(halaman, target, maks=200):
    """Press Tab until ``target`` has the focus (never a click); each element passed on the
    way shows its focus."""
    for _ in range(maks):
        halaman.keyboard.press("Tab")
        nama = halaman.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        assert halaman.evaluate(FOKUS_TERLIHAT), f"fokus tidak terlihat pada {nama}"
        if target.evaluate("e => e === document.activeElement"):
            return
    pytest.fail(f"Tab tidak pernah sampai ke {target}")


def test_realisasi_diisi_diajukan_dan_diverifikasi_dengan_papan_ketik_saja(
    live_server, halaman, operator_kencong, bappeda, kencong
):
    from playwright.sync_api import expect

    masuk(halaman, live_server, "operator.kencong")
    # The beranda's year choice shows that year as soon as it changes (data-kirim-otomatis).
    halaman.goto(live_server.url + "/kecamatan/kencong/?tahun=2025")
    halaman.get_by_label("Tahun", exact=True).select_option("2024")
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Kecamatan Kencong — tahun 2024")

    halaman.goto(live_server.url + "/kecamatan/kencong/realisasi/2025/tw4/")
    sel = halaman.locator("#realisasi-ikm")
    tab_ke(halaman, sel)
    halaman.keyboard.type("92,33")
    halaman.keyboard.press("Enter")  # a text input's Enter submits its form
    expect(halaman.locator("main")).to_contain_text("Realisasi Triwulan IV 2025 disimpan")
    expect(halaman.locator("#realisasi-ikm")).to_have_value("92,33")
    realisasi = Realisasi.objects.get(
        kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tw4"
    )
    assert realisasi.nilai == Decimal("92.33")

    tab_ke(halaman, halaman.get_by_role("button", name="Ajukan ke Bappeda"))
    halaman.keyboard.press("Space")
    # The confirmation is a page of its own: wait until it has replaced the grid.
    ya = halaman.get_by_role("button", name="Ya, ajukan ke Bappeda")
    expect(ya).to_be_visible()
    halaman.wait_for_load_state()
    tab_ke(halaman, ya)
    halaman.keyboard.press("Space")
    expect(halaman.locator("main")).to_contain_text("Diajukan")

    halaman.context.clear_cookies()
    masuk(halaman, live_server, "bappeda")
    halaman.goto(live_server.url + "/verifikasi/")
    baris = halaman.locator("#realisasi-kencong-2025-tw4")
    tab_ke(halaman, baris.get_by_role("button", name="Verifikasi"))
    halaman.keyboard.press("Enter")
    expect(halaman.get_by_role("heading", level=1)).to_contain_text("Verifikasi Realisasi")
    tab_ke(halaman, halaman.locator("#tombol-konfirmasi"))
    halaman.keyboard.press("Enter")
    diverifikasi = "Realisasi Triwulan IV 2025 Kencong diverifikasi"
    expect(halaman.locator("main")).to_contain_text(diverifikasi)
    status = PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=2025, periode="tw4").status
    assert status == "diverifikasi"
