"""The architecture as rules a machine checks (README, "Architecture"), beside the layer
contract of import-linter (`lint-imports` in CI):

- another app is reached only through its public modules: ``models`` (foreign keys and
  types), ``selectors`` (reads) and ``services`` (writes), plus the page base of kecamatan;
- another app's models are never queried directly (``<Model>.objects``) outside the data
  loaders;
- a view module queries nothing itself (no ``.objects``): it resolves its object through the
  page base and calls its app's selectors, services and forms;
- no project module is imported inside a function (the way cycles used to be dodged), except
  in ``AppConfig.ready()``, where Django wants app code imported late.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

APLIKASI = ("kecamatan", "iku", "perjanjian", "laporan")
PROYEK = ("sakip", *APLIKASI)
# What an app offers the apps above it.
PUBLIK = {"models", "selectors", "services"}
PUBLIK_KHUSUS = {"kecamatan.halaman"}  # the base of every kecamatan page (scoping, izin)

AKAR = Path(settings.BASE_DIR)


def modul_proyek():
    for berkas in sorted(AKAR.rglob("*.py")):
        bagian = berkas.relative_to(AKAR).parts
        if bagian[0] in PROYEK and "migrations" not in bagian:
            yield berkas, bagian[0], ast.parse(berkas.read_text(encoding="utf-8"))


def impor(pohon):
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.ImportFrom) and simpul.level == 0 and simpul.module:
            yield simpul, simpul.module
        elif isinstance(simpul, ast.Import):
            for nama in simpul.names:
                yield simpul, nama.name


def test_aplikasi_lain_hanya_lewat_models_selectors_services():
    pelanggaran = []
    for berkas, aplikasi, pohon in modul_proyek():
        for simpul, modul in impor(pohon):
            bagian = modul.split(".")
            if bagian[0] not in APLIKASI or bagian[0] == aplikasi:
                continue
            sah = len(bagian) >= 2 and bagian[1] in PUBLIK and len(bagian) == 2
            if not sah and ".".join(bagian[:2]) not in PUBLIK_KHUSUS:
                pelanggaran.append(f"{berkas.relative_to(AKAR)}:{simpul.lineno} → {modul}")
    assert pelanggaran == [], "\n".join(pelanggaran)


def test_tidak_ada_impor_di_dalam_fungsi_kecuali_ready():
    pelanggaran = []
    for berkas, _aplikasi, pohon in modul_proyek():
        for fungsi in ast.walk(pohon):
            if not isinstance(fungsi, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if fungsi.name == "ready" and berkas.name == "apps.py":
                continue
            for simpul in ast.walk(fungsi):
                relatif = isinstance(simpul, ast.ImportFrom) and simpul.level > 0
                proyek = any(m.split(".")[0] in PROYEK for _s, m in impor(simpul))
                if relatif or proyek:
                    pelanggaran.append(f"{berkas.relative_to(AKAR)}:{simpul.lineno}")
    assert pelanggaran == [], "\n".join(pelanggaran)


@pytest.mark.parametrize("aplikasi", ["kecamatan", "iku", "perjanjian"])
def test_setiap_aplikasi_bawah_punya_selectors_dan_services(aplikasi):
    for nama in ("selectors", "services"):
        assert (AKAR / aplikasi / f"{nama}.py").exists() or (
            AKAR / aplikasi / nama / "__init__.py"
        ).exists(), f"{aplikasi}.{nama}"


# The data loaders write whole fixtures across every app in dependency order, the way a
# migration does; a selector or service per model would only restate their rows. They are the
# one exception to "another app's models are queried only by that app".
PEMUAT_DATA = {
    Path("laporan/muat_data.py"),
    Path("laporan/management/commands/isi_data_sintetis.py"),
}


def model_per_aplikasi() -> dict[str, str]:
    """Model class name → the app that declares it (each app's models module or package)."""
    return {
        m.__name__: m._meta.app_label
        for m in apps.get_models()
        if m._meta.app_label in APLIKASI and not m.__name__.startswith("Historical")
    }


def test_model_aplikasi_lain_tidak_dikueri_langsung():
    """``<Model>.objects`` of a lower app appears only in that app: the apps above read
    through its selectors and write through its services."""
    pemilik = model_per_aplikasi()
    pelanggaran = []
    for berkas, aplikasi, pohon in modul_proyek():
        if aplikasi not in APLIKASI or berkas.relative_to(AKAR) in PEMUAT_DATA:
            continue
        for simpul in ast.walk(pohon):
            if not (
                isinstance(simpul, ast.Attribute)
                and simpul.attr == "objects"
                and isinstance(simpul.value, ast.Name)
            ):
                continue
            milik = pemilik.get(simpul.value.id)
            if milik is not None and milik != aplikasi:
                pelanggaran.append(
                    f"{berkas.relative_to(AKAR)}:{simpul.lineno} → {simpul.value.id}.objects"
                )
    assert pelanggaran == [], "\n".join(pelanggaran)


def modul_view():
    """Every view module: a ``views*.py`` file or a module of a ``views/`` package."""
    for berkas, _aplikasi, pohon in modul_proyek():
        bagian = berkas.relative_to(AKAR).parts
        if berkas.name.startswith("views") or "views" in bagian[:-1]:
            yield berkas, pohon


def test_view_tidak_memakai_manager_model():
    """A view resolves its object through the page base (``objek``, ``lingkup``) and reads
    everything else through its app's selectors: ``<anything>.objects`` in a view module is a
    query that belongs in a selector. Nothing is allowed here: a page that needs a new read
    gets a selector."""
    pelanggaran = [
        f"{berkas.relative_to(AKAR)}:{simpul.lineno}"
        for berkas, pohon in modul_view()
        for simpul in ast.walk(pohon)
        if isinstance(simpul, ast.Attribute) and simpul.attr == "objects"
    ]
    assert pelanggaran == [], "\n".join(pelanggaran)


def test_daftar_modul_view_tidak_kosong():
    """The rule above walks real files: each app's view modules are found."""
    ditemukan = {berkas.relative_to(AKAR).parts[0] for berkas, _pohon in modul_view()}
    assert {"kecamatan", "iku", "perjanjian", "laporan"} <= ditemukan


def test_templat_tanpa_penangan_kejadian_sebaris():
    """Behaviour lives in static/js (a question to confirm is data: ``data-konfirmasi``), never
    in an inline ``onsubmit=`` / ``onclick=`` attribute of a template."""
    sebaris = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
    temuan = [
        f"{berkas.relative_to(AKAR)}:{no}"
        for berkas in sorted((AKAR / "templates").rglob("*.html"))
        for no, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1)
        if sebaris.search(baris)
    ]
    assert temuan == []
