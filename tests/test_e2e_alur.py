"""In a real browser (Playwright driving Debian's Chromium): the operator of Kencong logs in,
enters the TW IV realisasi of an IKU, sees its capaian and kriteria appear while typing,
saves and submits it; the camat logs in and sees it awaiting action; Bappeda finds it in the
queue on a phone."""

import re

import pytest

from perjanjian.models import PelaporanRealisasi, Realisasi, TargetPerjanjian
from tests.bantu_peramban import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_mengajukan_realisasi_tw4_lalu_camat_melihatnya(
    live_server, halaman, operator_kencong, camat_kencong, bappeda, kencong
):
    from playwright.sync_api import expect

    masuk(halaman, live_server, "operator.kencong")
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Kecamatan Kencong — tahun 2025")

    halaman.get_by_role("navigation", name="Menu kecamatan").get_by_role(
        "link", name="Realisasi"
    ).click()
    halaman.get_by_role("link", name=re.compile("Triwulan IV")).first.click()
    expect(halaman).to_have_url(re.compile(r"/realisasi/2025/tw4/$"))

    # IKM, an IKU of both PK 2025: the capaian and its kriteria appear while typing.
    ikm = TargetPerjanjian.objects.get(
        perjanjian__kecamatan=kencong,
        perjanjian__tahun=2025,
        perjanjian__jenis="awal",
        indikator__ukuran__kode="ikm",
    )
    halaman.locator("#realisasi-ikm").press_sequentially("92,33")
    expect(
        halaman.get_by_test_id(f"realisasi-{ikm.perjanjian_id}-{ikm.indikator_id}")
    ).to_contain_text("99,82% · Sangat Tinggi")
    halaman.get_by_role("button", name="Simpan realisasi").click()
    expect(halaman.locator("main")).to_contain_text("Realisasi Triwulan IV 2025 disimpan")

    halaman.get_by_role("button", name="Ajukan ke Bappeda").click()
    halaman.get_by_role("button", name="Ya, ajukan ke Bappeda").click()  # the confirmation
    expect(halaman.locator("main")).to_contain_text("Diajukan")
    assert (
        Realisasi.objects.get(
            kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tw4"
        ).catatan_sumber
        is not None
    )
    assert PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=2025, periode="tw4").status == (
        "diajukan"
    )

    halaman.get_by_role("button", name="Keluar").click()
    masuk(halaman, live_server, "camat.kencong")
    menunggu = halaman.get_by_label("Menunggu tindakan")
    expect(menunggu).to_contain_text(
        "Realisasi Triwulan IV 2025 diajukan, menunggu verifikasi Bappeda."
    )

    # Bappeda on a phone: the queue's row is a card, its decision buttons whole on screen.
    halaman.get_by_role("button", name="Keluar").click()
    halaman.set_viewport_size({"width": 390, "height": 844})
    masuk(halaman, live_server, "bappeda")
    halaman.goto(live_server.url + "/verifikasi/")
    baris = halaman.locator("#antrean-realisasi tbody tr").first
    expect(baris).to_contain_text("Kencong")
    for nama in ("Verifikasi", "Kembalikan"):
        kotak = baris.get_by_role("button", name=nama).bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= 390, nama
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 390
