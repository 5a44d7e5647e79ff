"""The architecture as rules a machine checks (README, "Architecture"), beside the layer
contract of import-linter (`lint-imports` in CI):

- another app is reached only through its public modules: ``models`` (foreign keys and
  types), ``selectors`` (reads) and ``services`` (writes), plus the page base of kecamatan;
- no project module is imported inside a function (the way cycles used to be dodged), except
  in ``AppConfig.ready()``, where Django wants app code imported late.
"""

import ast
from pathlib import Path

import pytest
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
