"""The admin kabupaten keeps reference data in the Django admin, in Indonesian.

Every model of the four apps can be reached there; every registered model's list and add
pages open for the superuser; nobody reaches the admin without logging in.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from iku.models import Indikator, Renstra
from kecamatan.models import Kabupaten, Kecamatan
from laporan.models import EvaluasiAKIP, LaporanKinerja, SkorAKIP, TindakLanjutLHE, VersiLKIP
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja, SurveiKepuasan

APLIKASI = ["kecamatan", "iku", "perjanjian", "laporan"]
# History tables (simple-history) are shown on the objects' own pages, not as admin lists.
SEMUA_MODEL = [
    model
    for label in APLIKASI
    for model in apps.get_app_config(label).get_models()
    if not hasattr(model, "instance_type")
]
MODEL_TERDAFTAR = [model for model in SEMUA_MODEL if admin.site.is_registered(model)]
# Records the application writes itself (printed PDFs, finalised LKIP versions): read only.
CATATAN = {"laporan.DokumenPDF", "laporan.VersiLKIP"}
MODEL_ISIAN = [m for m in MODEL_TERDAFTAR if m._meta.label not in CATATAN]
MODEL_CATATAN = [m for m in MODEL_TERDAFTAR if m._meta.label in CATATAN]


def nama(model):
    return f"{model._meta.app_label}.{model.__name__}"


def test_empat_aplikasi_punya_model():
    assert {model._meta.app_label for model in SEMUA_MODEL} == set(APLIKASI)
    assert len(SEMUA_MODEL) == len(MODEL_TERDAFTAR)


@pytest.mark.parametrize("model", SEMUA_MODEL, ids=nama)
def test_model_terdaftar_di_admin(model):
    assert admin.site.is_registered(model)


@pytest.fixture
def client_admin(client, admin_kabupaten):
    client.force_login(admin_kabupaten)
    return client


def url_admin(model, halaman):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{halaman}")


@pytest.mark.parametrize("model", MODEL_ISIAN, ids=nama)
def test_halaman_daftar_dalam_bahasa_indonesia(client_admin, model):
    opts = model._meta
    response = client_admin.get(url_admin(model, "changelist"))
    assert response.status_code == 200
    # Breadcrumb and title: "Beranda › Perjanjian › Perjanjian kinerja", "Pilih … untuk diubah"
    assertContains(response, escape(capfirst(opts.verbose_name_plural)))
    assertContains(response, escape(f"Pilih {opts.verbose_name} untuk diubah"))
    if model is not Kabupaten:
        assertContains(response, escape(f"Tambahkan {opts.verbose_name}"))
    assertContains(response, "Beranda")


# A new kabupaten is added by whoever runs the installation, not by a kabupaten's admin
# (tests/test_admin_lingkup.py).
@pytest.mark.parametrize("model", [m for m in MODEL_ISIAN if m is not Kabupaten], ids=nama)
def test_halaman_tambah_dalam_bahasa_indonesia(client_admin, model):
    opts = model._meta
    response = client_admin.get(url_admin(model, "add"))
    assert response.status_code == 200
    assertContains(response, escape(f"Tambahkan {opts.verbose_name}"))
    assertContains(response, escape(capfirst(opts.verbose_name_plural)))
    assertContains(response, 'value="Simpan"')


def test_catatan_tercetak_hanya_dapat_dilihat(client_admin, dokumen_kencong):
    """A stored PDF and a finalised version are shown in the admin but cannot be added,
    changed or deleted there: the SHA-256 shown to readers must stay true."""
    for model in MODEL_CATATAN:
        objek = model.objects.get()
        daftar = client_admin.get(url_admin(model, "changelist"))
        assert daftar.status_code == 200
        assertContains(daftar, escape(capfirst(model._meta.verbose_name_plural)))
        assertNotContains(daftar, escape(f"Tambahkan {model._meta.verbose_name}"))
        assert client_admin.get(url_admin(model, "add")).status_code == 403
        awalan = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        lihat = client_admin.get(reverse(f"{awalan}_change", args=[objek.pk]))
        assert lihat.status_code == 200
        assertNotContains(lihat, 'value="Simpan"')
        assert (
            client_admin.post(reverse(f"{awalan}_change", args=[objek.pk]), {}).status_code == 403
        )
        hapus = client_admin.post(reverse(f"{awalan}_delete", args=[objek.pk]), {"post": "yes"})
        assert hapus.status_code == 403
        assert model.objects.filter(pk=objek.pk).exists()


def query_halaman_daftar(client, model, pks):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url_admin(model, "changelist"), {"pk__in": ",".join(pks)})
    assert response.status_code == 200
    assert response.context["cl"].result_count == len(pks)
    return len(queries)


@pytest.mark.parametrize("model", MODEL_TERDAFTAR, ids=nama)
def test_query_halaman_daftar_tidak_bertambah_dengan_jumlah_baris(client_admin, model, request):
    """Jember holds 31 kecamatan: a list page must cost the same for one row as for all."""
    if model in MODEL_CATATAN:  # printed documents exist only once someone prints: make two
        pertama = request.getfixturevalue("dokumen_kencong")
        versi = VersiLKIP.objects.get(dokumen=pertama)
        pertama.pk = None
        pertama.save()
        VersiLKIP.objects.create(
            laporan=versi.laporan,
            nomor=2,
            dokumen=pertama,
            sha256="2" * 64,
            ditetapkan_oleh=versi.ditetapkan_oleh,
        )
    if model is SurveiKepuasan:  # surveys exist only once uploaded: make two
        pertama = request.getfixturevalue("survei_kencong")
        pertama.pk = None
        pertama.save()
    if model is TindakLanjutLHE:  # typed Tabel 1.3 rows (a year without a recorded LHE)
        lap = LaporanKinerja.objects.get(kecamatan__slug="kencong", tahun=2025)
        for n in (1, 2):
            TindakLanjutLHE.objects.create(laporan=lap, urutan=n, rekomendasi=f"Uji {n}")
    if model is SkorAKIP:  # the seed prints no LHE scores: make some
        lhe = EvaluasiAKIP.objects.get(kecamatan__slug="kencong", tahun=2025)
        for sub in ("keberadaan", "kualitas"):
            SkorAKIP.objects.create(evaluasi=lhe, komponen="perencanaan", sub_komponen=sub, skor=5)
    if model is PelaporanRealisasi:  # the seed records no reporting status: make some
        for k in Kecamatan.objects.all()[:3]:
            PelaporanRealisasi.objects.create(kecamatan=k, tahun=2025, periode="tw4")
    pks = [str(pk) for pk in model.objects.values_list("pk", flat=True)]
    satu = query_halaman_daftar(client_admin, model, pks[:1])
    assert query_halaman_daftar(client_admin, model, pks) == satu


def test_query_daftar_renstra_tidak_bertambah_dengan_renstra_perubahan(client_admin, kencong):
    """Kencong revises its Renstra 2025-2029 twice; the list shows what each revises."""
    asal = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
    revisi = [
        Renstra.objects.create(
            kecamatan=kencong,
            nama=f"Renstra Perubahan {ke} 2025-2029",
            tahun_awal=2025,
            tahun_akhir=2029,
            tahun_baseline=2024,
            revisi_dari=asal,
        )
        for ke in (1, 2)
    ]
    pks = [str(r.pk) for r in revisi]
    satu = query_halaman_daftar(client_admin, Renstra, pks[:1])
    assert query_halaman_daftar(client_admin, Renstra, pks) == satu


def test_pk_kencong_2025_menampilkan_target_sebagai_inline(client_admin, kencong):
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
    ikm = pk.target.get(indikator__nama="Indeks Kepuasan Masyarakat").indikator
    response = client_admin.get(reverse("admin:perjanjian_perjanjiankinerja_change", args=[pk.pk]))
    assert response.status_code == 200
    assertContains(response, "Target perjanjian kinerja")
    assertContains(response, 'name="target-TOTAL_FORMS" value="6"', html=False)
    # The IKM row of the PK: its indicator chosen, its target 92,5 as stored.
    assertContains(
        response, f'<option value="{ikm.pk}" selected>Indeks Kepuasan Masyarakat</option>'
    )
    assertContains(response, 'value="92.5000" step="0.0001"')  # an <input type=number>
    # The same name belongs to the IKM indicator of the other Renstra, not chosen here.
    lain = Indikator.objects.exclude(pk=ikm.pk).get(
        sasaran__tujuan__renstra__kecamatan=kencong, nama="Indeks Kepuasan Masyarakat"
    )
    assertContains(response, f'<option value="{lain.pk}">Indeks Kepuasan Masyarakat</option>')


def test_pengunjung_tanpa_login_diarahkan_ke_halaman_masuk(client, jember):
    response = client.get("/admin/")
    assertRedirects(response, "/admin/login/?next=/admin/")
    halaman_masuk = client.get(response.url)
    assertContains(halaman_masuk, "SAKIP Kecamatan")
    assertContains(halaman_masuk, 'value="Masuk"')


def test_operator_kecamatan_tidak_masuk_admin(client, operator_kencong):
    """An operator has no staff flag: the admin sends them to its login page too."""
    client.force_login(operator_kencong)
    response = client.get("/admin/perjanjian/perjanjiankinerja/")
    assertRedirects(response, "/admin/login/?next=/admin/perjanjian/perjanjiankinerja/")
