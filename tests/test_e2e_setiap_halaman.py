"""Every page of every role in a real browser (Debian's Chromium), on a laptop (1366×768) and
a phone (390×844): axe-core (vendored in tests/vendor) finds no violation; on the phone nothing
scrolls the page sideways and the header leaves the screen to the page; a wide table scrolls
inside its own box, which says so ("geser →") and keeps its first column in place; the
dashboard's charts give way to their figures as a list.

The pages are those of the role table of tests/test_izin_peran.py that a role may open
(Kencong's slug and object ids, TW IV 2025), plus the budget table in edit mode and the login
page; downloads, redirects and fragments are left out (they show no page). One live server,
one sign-in per role; each page is loaded once and checked at both widths (the viewport is
resized: the phone layout is pure CSS). A page whose content (its <main>, as served) another
role already showed is not checked again (the kabupaten roles read the same kecamatan pages);
each role's first page is, for its header and menu. A PDF a visited URL asks for is queued and
left there (the document tests print them): the walk is about pages."""

import hashlib
import re

import pytest

from kecamatan.models import Pejabat
from perjanjian.models import SubKegiatan
from tests.bantu_peramban import masuk, pelanggaran_axe
from tests.test_izin_peran import (
    ADMIN,
    BAPPEDA,
    CAMAT,
    INSPEKTORAT,
    OPERATOR,
    POLA,
    TABEL_PERAN,
    url_kencong,
)

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP, PONSEL = (1366, 768), (390, 844)
TINGGI_KEPALA = 180  # px of the 844: header, user line and the kecamatan menu's one row
NAMA_PENGGUNA = {
    OPERATOR: "operator.kencong",
    CAMAT: "camat.kencong",
    BAPPEDA: "bappeda",
    INSPEKTORAT: "inspektorat",
    ADMIN: "admin.kabupaten",
}
ANGGARAN = "/kecamatan/kencong/anggaran/2025/"
DASBOR = "/kabupaten/dasbor/"
# The CSRF token changes on every load, the page does not.
_BERUBAH = re.compile(r'(name="csrfmiddlewaretoken" value|csrf-token" content)="[^"]*"')


def halaman_peran(peran, kencong) -> list[str]:
    urls = [url_kencong(n, p, kencong) for n, p in POLA if peran in TABEL_PERAN[n][0]]
    return urls + [ANGGARAN + "?ubah=1"] if peran in (OPERATOR, CAMAT) else urls


def halaman_admin(kencong) -> list[str]:
    """The admin's kinds of page: its index, a list, a change form (text, choices, a logo
    file), a form with dates and NIP, a form with rupiah, the import page with its file."""
    pejabat = Pejabat.objects.filter(kecamatan=kencong).order_by("pk").first()
    sub = SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong).order_by("pk").first()
    return [
        "/admin/",
        "/admin/kecamatan/kecamatan/",
        f"/admin/kecamatan/kecamatan/{kencong.pk}/change/",
        f"/admin/kecamatan/pejabat/{pejabat.pk}/change/",
        f"/admin/perjanjian/subkegiatan/{sub.pk}/change/",
        "/admin/kecamatan/pejabat/import/",
    ]


def sidik_isi(html: str) -> str:
    """The page's own content as served (its <main>), without what changes on every load."""
    isi = html.split("<main", 1)[-1].split("</main>", 1)[0]
    return hashlib.sha256(_BERUBAH.sub("", isi).encode()).hexdigest()


def periksa_axe(page, tempat, salah):
    for v in pelanggaran_axe(page):
        salah.append(f"{tempat}: axe {v['id']} ({v['impact']}) {v['help']} — {v['elemen']}")


def periksa_ponsel(page, tempat, salah):
    lebar = page.evaluate("document.documentElement.scrollWidth")
    if lebar > PONSEL[0]:
        salah.append(f"{tempat}: halaman {lebar} px, lebih lebar dari layar")
    # Header and menu leave the screen to the page (they took 230 of 844 px).
    tinggi = page.locator("header.kepala").bounding_box()["height"]
    if tinggi > TINGGI_KEPALA:
        salah.append(f"{tempat}: kepala halaman {tinggi:.0f} px")


def test_setiap_halaman_setiap_peran_di_laptop_dan_ponsel(
    live_server,
    chromium,
    kencong,
    operator_kencong,
    camat_kencong,
    bappeda,
    inspektorat,
    admin_kabupaten,
    dokumen_kencong,
    survei_kencong,
    antrean_tanpa_pekerja,
):
    salah, diperiksa, dilihat, khusus = [], 0, set(), set()
    konteks = chromium.new_context(locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/masuk/")
    for lebar, tinggi in (LAPTOP, PONSEL):
        page.set_viewport_size({"width": lebar, "height": tinggi})
        periksa_axe(page, f"tamu {lebar} /masuk/", salah)
    konteks.close()

    for peran, username in NAMA_PENGGUNA.items():
        konteks = chromium.new_context(locale="id-ID")
        page = konteks.new_page()
        page.set_default_timeout(15000)
        masuk(page, live_server, username)
        page.wait_for_url(lambda u: "/masuk/" not in u)
        pertama = True
        for url in halaman_peran(peran, kencong):
            jawaban = konteks.request.get(live_server.url + url, max_redirects=0)
            jenis = jawaban.headers.get("content-type", "")
            if jawaban.status >= 500:
                salah.append(f"{username} {url}: galat server {jawaban.status}")
            if jawaban.status != 200 or not jenis.startswith("text/html"):
                continue
            if "<html" not in jawaban.text()[:300]:
                continue  # a fragment a page fetches into itself (htmx), not a page
            sidik = sidik_isi(jawaban.text())
            if sidik in dilihat and not pertama:
                continue
            dilihat.add(sidik)
            pertama = False
            page.set_viewport_size({"width": LAPTOP[0], "height": LAPTOP[1]})
            page.goto(live_server.url + url)
            periksa_axe(page, f"{username} {LAPTOP[0]} {url}", salah)
            page.set_viewport_size({"width": PONSEL[0], "height": PONSEL[1]})
            periksa_axe(page, f"{username} {PONSEL[0]} {url}", salah)
            periksa_ponsel(page, f"{username} {PONSEL[0]} {url}", salah)
            diperiksa += 1
            if url == ANGGARAN and peran == OPERATOR:
                periksa_tabel_anggaran(page)
                khusus.add("anggaran")
            if url == DASBOR and peran == BAPPEDA:
                periksa_grafik_dasbor(page)
                khusus.add("dasbor")
        if peran == ADMIN:  # the reference data it keeps in the Django admin
            for url in halaman_admin(kencong):
                page.set_viewport_size({"width": LAPTOP[0], "height": LAPTOP[1]})
                jawaban = page.goto(live_server.url + url)
                if jawaban.status != 200:
                    salah.append(f"{username} {url}: {jawaban.status}")
                    continue
                periksa_axe(page, f"{username} {LAPTOP[0]} {url}", salah)
                page.set_viewport_size({"width": PONSEL[0], "height": PONSEL[1]})
                periksa_axe(page, f"{username} {PONSEL[0]} {url}", salah)
                diperiksa += 1
        konteks.close()

    print(f"{diperiksa} halaman berbeda, masing-masing pada {LAPTOP[0]} dan {PONSEL[0]} px")
    assert diperiksa > 50 and khusus == {"anggaran", "dasbor"}
    assert salah == [], "\n".join(salah)


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
