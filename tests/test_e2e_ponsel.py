"""On a phone (390×844, Debian's Chromium): every main page of every role fits the screen's
width, so nothing scrolls the page sideways; a wide table scrolls inside its own box, which
says so ("geser →") and keeps its first column in place; the dashboard's charts give way to
their figures as a list. (axe-core over every page at this width: tests/test_e2e_axe.py.)"""

import pytest

from iku.models import KeputusanIKU, Renstra
from perjanjian.models import PerjanjianKinerja
from tests.bantu_peramban import masuk

pytestmark = pytest.mark.django_db(transaction=True)

LEBAR = 390
TINGGI_KEPALA = 180  # px of the 844: header, user line and the kecamatan menu's one row


def halaman_kecamatan(kencong):
    k = f"/kecamatan/{kencong.slug}"
    renstra = Renstra.objects.filter(kecamatan=kencong).order_by("pk").first()
    keputusan = KeputusanIKU.objects.filter(renstra__kecamatan=kencong).order_by("pk").first()
    pk = PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).order_by("pk").first()
    return [
        f"{k}/",
        f"{k}/renstra/",
        f"{k}/renstra/{renstra.pk}/",
        f"{k}/renstra/{renstra.pk}/target/",
        f"{k}/iku/",
        f"{k}/iku/{keputusan.pk}/",
        f"{k}/pk/2025/",
        f"{k}/pk/detail/{pk.pk}/",
        f"{k}/anggaran/2025/",
        f"{k}/anggaran/2025/?ubah=1",
        f"{k}/realisasi/2025/tw1/",
        f"{k}/narasi/2025/",
        f"{k}/lkip/2025/",
        f"{k}/evaluasi/2025/",
    ]


def test_setiap_halaman_utama_setiap_peran_muat_di_layar_390_px(
    live_server,
    chromium,
    kencong,
    operator_kencong,
    camat_kencong,
    bappeda,
    inspektorat,
    admin_kabupaten,
):
    kec = halaman_kecamatan(kencong)
    kabupaten = ["/kabupaten/dasbor/", "/verifikasi/", "/evaluasi/", "/kecamatan/"]
    peran = {
        "operator.kencong": kec,
        "camat.kencong": kec,
        "bappeda": kabupaten + kec,
        "inspektorat": ["/kabupaten/dasbor/", "/evaluasi/", *kec[-2:]],
        "admin.kabupaten": ["/kabupaten/dasbor/", "/kecamatan/", kec[0]],
    }
    melebar, tinggi_kepala = [], []
    for username, halaman_peran in peran.items():
        konteks = chromium.new_context(locale="id-ID", viewport={"width": LEBAR, "height": 844})
        page = konteks.new_page()
        page.set_default_timeout(15000)
        masuk(page, live_server, username)
        page.wait_for_url(lambda u: "/masuk/" not in u)
        for url in halaman_peran:
            jawaban = page.goto(live_server.url + url)
            assert jawaban.status == 200, (username, url, jawaban.status)
            lebar = page.evaluate("document.documentElement.scrollWidth")
            if lebar > LEBAR:
                melebar.append(f"{username} {url}: {lebar} px")
            # Header and menu leave the screen to the page (they took 230 of 844 px).
            tinggi = page.locator("header.kepala").bounding_box()["height"]
            if tinggi > TINGGI_KEPALA:
                tinggi_kepala.append(f"{username} {url}: {tinggi:.0f} px")
            if username == "operator.kencong" and url.endswith("/anggaran/2025/"):
                periksa_tabel_anggaran(page)
            if username == "bappeda" and url == "/kabupaten/dasbor/":
                periksa_grafik_dasbor(page)
        konteks.close()
    assert melebar == [], "Halaman lebih lebar dari layar 390 px:\n" + "\n".join(melebar)
    assert tinggi_kepala == [], "Kepala halaman terlalu tinggi:\n" + "\n".join(tinggi_kepala)


def periksa_tabel_anggaran(page):
    """The budget table is wider than the phone: it scrolls inside its box, which shows
    "geser →", and the name of each row stays in view while the figures scroll."""
    kotak = page.locator(".tabel-gulir").filter(has=page.locator("table.tabel-anggaran"))
    lebar_isi, lebar_kotak = kotak.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert lebar_isi > lebar_kotak
    petunjuk = kotak.evaluate(
        "e => { const s = getComputedStyle(e, '::before');"
        " return [s.content, parseFloat(s.maxHeight), parseFloat(s.opacity)]; }"
    )
    assert petunjuk[0] == '"geser →"' and petunjuk[1] > 0 and petunjuk[2] > 0.5, petunjuk
    nama = page.locator("table.tabel-anggaran tbody tr td:nth-child(2)").first
    kotak.evaluate("e => { e.scrollLeft = 600; }")
    page.wait_for_timeout(50)
    # Scrolled 600 px: the kode has gone, the name sticks to the box's left edge.
    assert abs(nama.bounding_box()["x"] - kotak.bounding_box()["x"]) < 2


def periksa_grafik_dasbor(page):
    """The dashboard's charts are unreadable at 390 px: the page (no other request) shows
    their figures instead, the ranking as a list and the trend as a small table."""
    from playwright.sync_api import expect

    for svg in page.locator(".grafik-dasbor svg").all():
        expect(svg).to_be_hidden()
    peringkat = page.locator("#peringkat-grafik")
    expect(peringkat).to_be_visible()
    expect(peringkat.locator("li").first).to_contain_text("Kencong 92,33")
    expect(page.locator("#tren-grafik")).to_be_visible()
    expect(page.locator("#tren-grafik tbody tr").last).to_contain_text("2025")
