"""The browser tests' shared steps: signing in through the login form, and axe-core (vendored
in tests/vendor, never served by the application) run over the page shown."""

from pathlib import Path

from tests.conftest import KATA_SANDI_UJI

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def masuk(halaman, server, username):
    halaman.goto(server.url + "/masuk/")
    halaman.get_by_label("Nama pengguna").fill(username)
    halaman.get_by_label("Kata sandi").fill(KATA_SANDI_UJI)
    halaman.get_by_role("button", name="Masuk").click()


def pelanggaran_axe(page) -> list[dict]:
    """The axe-core violations of the page: rule id, impact, help and the first elements.
    A clean page costs one run without CSS selectors (computing them is most of axe's time on
    a large page); a page with violations is run again to name its elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    jalankan = (
        "async (selectors) => (await axe.run(document,"
        " {resultTypes: ['violations'], selectors, iframes: false})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " elemen: v.nodes.slice(0, 3).map(n => (n.target || []).join(' '))}))"
    )
    if not page.evaluate(jalankan, False):
        return []
    return page.evaluate(jalankan, True)
