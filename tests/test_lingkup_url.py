"""No URL of the project shows or changes another kecamatan's data.

The walk covers every URL pattern (new ones included automatically): an operator of Patrang
asks for each with Kencong's slug, and with Patrang's own slug but Kencong's object ids, by GET
and by POST; every answer must be 404. A pattern whose object id the walk cannot map to a model
fails the test, so a URL cannot be added without saying what it shows.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from iku.models import Indikator, KeputusanIKU, Renstra, Sasaran, Tujuan
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    SubKegiatan,
)
from sakip import akses

TIDAK_BERDATA = {"login", "logout", "password_change", "password_change_done", "akar"}
NILAI_TETAP = {"tahun": 2025, "periode": "tw4"}


def pola_proyek(resolver=None, ns=""):
    """(full name, pattern) of every named URL outside the Django admin."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue
            sub_ns = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from pola_proyek(p, sub_ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}{p.name}", p


def model_objek(pola: URLPattern, nama_kwarg: str):
    """The model whose id a URL kwarg carries: the view's `model` for `pk`, or the view's
    `model_kwargs` mapping for other id kwargs."""
    view = getattr(pola.callback, "view_class", None)
    initkwargs = getattr(pola.callback, "view_initkwargs", {})
    if nama_kwarg == "pk":
        return initkwargs.get("model") or getattr(view, "model", None)
    peta = initkwargs.get("model_kwargs") or getattr(view, "model_kwargs", {}) or {}
    return peta.get(nama_kwarg)


def objek_kencong(model, kencong):
    return akses.di_kecamatan(model.objects.all(), kencong).order_by("pk").first()


SEMUA_POLA = sorted(pola_proyek(), key=lambda x: x[0])
POLA_BERDATA = [(n, p) for n, p in SEMUA_POLA if n not in TIDAK_BERDATA]


def test_jalan_ini_mencakup_halaman_kecamatan():
    nama = {n for n, _ in POLA_BERDATA}
    assert {"laporan:beranda", "iku:renstra-target", "perjanjian:realisasi"} <= nama


@pytest.mark.parametrize(("nama", "pola"), POLA_BERDATA, ids=[n for n, _ in POLA_BERDATA])
def test_operator_patrang_tidak_menjangkau_data_kencong(
    client, operator_patrang, kencong, dokumen_kencong, survei_kencong, nama, pola
):
    client.force_login(operator_patrang)
    kwargs_kencong, kwargs_silang = {}, {}
    for kunci in pola.pattern.converters:
        if kunci == "kecamatan":
            kwargs_kencong[kunci], kwargs_silang[kunci] = "kencong", "patrang"
        elif kunci in NILAI_TETAP:
            kwargs_kencong[kunci] = kwargs_silang[kunci] = NILAI_TETAP[kunci]
        else:
            model = model_objek(pola, kunci)
            assert model is not None, (
                f"{nama}: parameter '{kunci}' tidak dapat dipetakan ke model; beri view-nya "
                "atribut `model` (untuk pk) atau `model_kwargs` agar pelingkupannya teruji"
            )
            objek = objek_kencong(model, kencong)
            assert objek is not None, f"{nama}: Kencong tidak punya {model.__name__} untuk diuji"
            kwargs_kencong[kunci] = kwargs_silang[kunci] = objek.pk

    percobaan = [reverse(nama, kwargs=kwargs_kencong)]
    punya_id = any(k not in ("kecamatan", *NILAI_TETAP) for k in pola.pattern.converters)
    if "kecamatan" in pola.pattern.converters and punya_id:
        percobaan.append(reverse(nama, kwargs=kwargs_silang))

    for url in percobaan:
        for metode in ("get", "post"):
            response = getattr(client, metode)(url)
            if "kecamatan" in pola.pattern.converters:
                # 405: the page takes no POST at all, so nothing is reached either.
                boleh = (404,) if metode == "get" else (404, 405)
                assert response.status_code in boleh, (
                    f"{metode.upper()} {url}: {response.status_code}"
                )
            else:
                assert response.status_code in (403, 404, 405), (
                    f"{metode.upper()} {url}: {response.status_code}"
                )
                assert "kencong" not in response.get("Location", "").lower()


def test_daftar_model_yang_dapat_dilingkup_lengkap():
    """Every model a page can show has its path to the kecamatan in sakip.akses.JALUR."""
    for model in (
        Renstra,
        Tujuan,
        Sasaran,
        Indikator,
        KeputusanIKU,
        PerjanjianKinerja,
        Program,
        Kegiatan,
        SubKegiatan,
        IndikatorProgram,
    ):
        assert model._meta.label in akses.JALUR
