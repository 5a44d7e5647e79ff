"""axe-core (vendored in tests/vendor) over every page of every role, on a laptop (1366 px) and
a phone (390 px): zero violations.

The pages are those of the role table of tests/test_izin_peran.py that a role may open
(Kencong's slug and object ids, TW IV 2025), plus the budget table in edit mode and the login
page; downloads and redirects are left out (they show no page). One live server, one sign-in
per role; each page is loaded once and checked at both widths (the viewport is resized: the
phone layout is pure CSS). A page whose main content another role already showed identically
at that width is not checked again (the kabupaten roles read the same kecamatan pages); every
role's header and menu are checked on its own pages."""

import hashlib
import re

import pytest

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

UKURAN = ((1366, 768), (390, 844))
NAMA_PENGGUNA = {
    OPERATOR: "operator.kencong",
    CAMAT: "camat.kencong",
    BAPPEDA: "bappeda",
    INSPEKTORAT: "inspektorat",
    ADMIN: "admin.kabupaten",
}
TAMBAHAN = ["/kecamatan/kencong/anggaran/2025/?ubah=1"]
# The CSRF token changes on every load, the page does not.
_BERUBAH = re.compile(r'(name="csrfmiddlewaretoken" value|csrf-token" content)="[^"]*"')


def halaman_peran(peran, kencong) -> list[str]:
    urls = [url_kencong(n, p, kencong) for n, p in POLA if peran in TABEL_PERAN[n][0]]
    return urls + TAMBAHAN if peran in (OPERATOR, CAMAT, BAPPEDA) else urls


def sidik_isi(html: str) -> str:
    """The page's own content as served (its <main>), without what changes on every load."""
    isi = html.split("<main", 1)[-1].split("</main>", 1)[0]
    return hashlib.sha256(_BERUBAH.sub("", isi).encode()).hexdigest()


def periksa(page, tempat, pelanggaran):
    for v in pelanggaran_axe(page):
        pelanggaran.append(f"{tempat}: {v['id']} ({v['impact']}) {v['help']} — {v['elemen']}")


def test_axe_nol_pelanggaran_setiap_halaman_setiap_peran_dua_ukuran(
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
):
    pelanggaran, diperiksa, dilihat = [], 0, set()
    konteks = chromium.new_context(locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/masuk/")
    for lebar, tinggi in UKURAN:
        page.set_viewport_size({"width": lebar, "height": tinggi})
        periksa(page, f"tamu {lebar} /masuk/", pelanggaran)
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
            if jawaban.status != 200 or not jenis.startswith("text/html"):
                continue
            if "<html" not in jawaban.text()[:300]:
                continue  # a fragment a page fetches into itself (htmx), not a page
            sidik = sidik_isi(jawaban.text())
            if sidik in dilihat and not pertama:
                continue
            dilihat.add(sidik)
            page.goto(live_server.url + url)
            for lebar, tinggi in UKURAN:
                page.set_viewport_size({"width": lebar, "height": tinggi})
                periksa(page, f"{username} {lebar} {url}", pelanggaran)
                diperiksa += 1
            pertama = False
        konteks.close()

    print(f"axe-core: {diperiksa} pemeriksaan halaman × lebar")
    assert diperiksa > 100
    assert pelanggaran == [], "Pelanggaran axe-core:\n" + "\n".join(pelanggaran)
