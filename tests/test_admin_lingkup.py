"""The Django admin of a kabupaten shows that kabupaten only, and a bulk delete of locked rows
answers their reasons.

An admin of Bondowoso (staff and superuser, like Jember's) finds none of Jember's rows in any
list, reaches none of their change pages (404) and cannot choose a Jember kecamatan on a form;
Jember's own admin sees Jember's rows and no other; a superuser placed in no kabupaten (who
runs the installation) sees everything.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from iku.models import Ukuran
from kecamatan.models import Kabupaten, Kecamatan, Pengguna, Peran
from laporan.models import EvaluasiAKIP, LaporanKinerja, SkorAKIP, TindakLanjutLHE
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja, Realisasi
from sakip import admin_hitung, akses
from sakip.penguncian import Terjaga
from tests.conftest import buat_pengguna
from tests.test_admin import MODEL_ISIAN, MODEL_TERDAFTAR, nama, url_admin


@pytest.fixture
def bondowoso(db):
    return Kabupaten.objects.create(nama="Bondowoso", slug="bondowoso", kode="35.11")


@pytest.fixture
def tamanan(bondowoso):
    return Kecamatan.objects.create(
        kabupaten=bondowoso, nama="Kecamatan Tamanan", slug="tamanan", kode="35.11.01"
    )


@pytest.fixture
def admin_bondowoso(bondowoso):
    return buat_pengguna(
        "admin.bondowoso", Peran.ADMIN_KABUPATEN, bondowoso, is_staff=True, is_superuser=True
    )


def test_setiap_model_admin_tahu_wilayahnya():
    """A model shown in the admin belongs to a kecamatan, to a kabupaten, or to all: a new
    model has to say which before an admin kabupaten can be given its list."""
    for model in MODEL_TERDAFTAR:
        assert akses.dapat_dilingkupi(model), model._meta.label


@pytest.fixture
def baris_lengkap(kencong, dokumen_kencong, survei_kencong):
    """One row of each model the seed leaves empty (a status, typed Tabel 1.3, LHE scores)."""
    PelaporanRealisasi.objects.create(kecamatan=kencong, tahun=2025, periode="tw1")
    lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    TindakLanjutLHE.objects.create(laporan=lkip, urutan=1, rekomendasi="Uji")
    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=2025)
    SkorAKIP.objects.create(evaluasi=lhe, komponen="perencanaan", sub_komponen="kualitas", skor=5)


@pytest.mark.parametrize("model", MODEL_TERDAFTAR, ids=nama)
def test_admin_kabupaten_lain_tidak_melihat_data_jember(
    client, admin_bondowoso, jember, baris_lengkap, model
):
    client.force_login(admin_bondowoso)
    jember_saja = akses.di_kabupaten(model.objects.all(), jember.pk)
    objek = jember_saja.order_by("pk").first()
    response = client.get(url_admin(model, "changelist"))
    assert response.status_code == 200
    if model._meta.label in akses.BERSAMA:  # the scales' catalogue belongs to every kabupaten
        assert response.context["cl"].result_count == model.objects.count()
        return
    assert objek is not None, f"data Jember {model._meta.label} kosong: uji tidak berarti"
    tampil = set(response.context["cl"].queryset.values_list("pk", flat=True))
    assert not tampil & set(jember_saja.values_list("pk", flat=True))
    awalan = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    for halaman in ("change", "delete", "history"):
        assert client.get(reverse(f"{awalan}_{halaman}", args=[objek.pk])).status_code == 404
    assert model.objects.filter(pk=objek.pk).exists()


def test_admin_jember_melihat_jember_saja(client, admin_kabupaten, kencong, tamanan):
    """Jember's own admin (a superuser too) lists Jember's kecamatan, not Bondowoso's."""
    client.force_login(admin_kabupaten)
    response = client.get(url_admin(Kecamatan, "changelist"))
    assertContains(response, "Kencong")
    assertNotContains(response, "Tamanan")
    assert (
        response.context["cl"].result_count
        == Kecamatan.objects.filter(kabupaten=kencong.kabupaten).count()
    )
    url = reverse("admin:kecamatan_kecamatan_change", args=[tamanan.pk])
    assert client.get(url).status_code == 404


def test_pilihan_formulir_dan_saringan_hanya_kabupaten_sendiri(
    client, admin_bondowoso, tamanan, kencong
):
    client.force_login(admin_bondowoso)
    tambah = client.get(url_admin(PerjanjianKinerja, "add"))
    pilihan = tambah.context["adminform"].form.fields["kecamatan"].queryset
    assert list(pilihan) == [tamanan]
    # Choosing Kencong anyway is refused by the form: nothing is added in Jember.
    sebelum = PerjanjianKinerja.objects.count()
    client.post(url_admin(PerjanjianKinerja, "add"), {"kecamatan": kencong.pk, "tahun": 2030})
    assert PerjanjianKinerja.objects.count() == sebelum
    # The list's kecamatan filter names no Jember kecamatan.
    daftar = client.get(url_admin(Realisasi, "changelist"))
    assertNotContains(daftar, "Kencong")


def test_pengguna_dibuat_admin_kabupaten_tetap_di_kabupatennya(client, admin_bondowoso):
    """A user made by Bondowoso's admin belongs to Bondowoso, even left without one: a user
    placed nowhere would see every kabupaten here."""
    client.force_login(admin_bondowoso)
    client.post(
        reverse("admin:kecamatan_pengguna_add"),
        {
            "username": "baru.bondowoso",
            "password1": "Kata-sandi-baru-2025",
            "password2": "Kata-sandi-baru-2025",
            "usable_password": "true",
            "peran": Peran.BAPPEDA,
        },
    )
    baru = Pengguna.objects.get(username="baru.bondowoso")
    assert baru.kabupaten == admin_bondowoso.kabupaten
    assert client.get(url_admin(Kabupaten, "add")).status_code == 403


def test_superuser_tanpa_kabupaten_melihat_semua(client, jember, tamanan):
    pengelola = Pengguna.objects.create_superuser("pengelola", "", "Kata-sandi-pengelola-1")
    client.force_login(pengelola)
    response = client.get(url_admin(Kecamatan, "changelist"))
    assert response.context["cl"].result_count == Kecamatan.objects.count()
    assertContains(response, "Tamanan")
    assertContains(response, "Kencong")


# --- bulk delete of locked rows -------------------------------------------------------------

# Printed records (VersiLKIP) have no delete action at all.
MODEL_TERKUNCI = [m for m in MODEL_ISIAN if issubclass(m, Terjaga)]


def hapus_terpilih(client, model, pks, **extra):
    return client.post(
        url_admin(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [str(p) for p in pks], **extra},
        follow=True,
    )


@pytest.fixture
def kencong_terkunci(kencong):
    """Kencong 2025 as it is at the end of the cycle: realisasi verified, LKIP approved."""
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tahunan", status="diverifikasi"
    )
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    return kencong


@pytest.mark.parametrize("konfirmasi", [{}, {"post": "yes"}], ids=["pilih", "konfirmasi"])
def test_hapus_massal_pk_ditetapkan_dijawab_alasannya(client, admin_kabupaten, kencong, konfirmasi):
    client.force_login(admin_kabupaten)
    pks = list(PerjanjianKinerja.objects.filter(kecamatan=kencong).values_list("pk", flat=True))
    response = hapus_terpilih(client, PerjanjianKinerja, pks, **konfirmasi)
    assert response.status_code == 200
    assertContains(response, "Tidak ada yang dihapus.")
    assertContains(response, "Perjanjian Kinerja yang sudah ditetapkan tidak dapat diubah")
    assert response.redirect_chain[-1][0].endswith(url_admin(PerjanjianKinerja, "changelist"))
    assert PerjanjianKinerja.objects.filter(pk__in=pks).count() == len(pks)


@pytest.mark.parametrize("model", MODEL_TERKUNCI, ids=nama)
def test_hapus_massal_baris_terkunci_tidak_pernah_galat(
    client, admin_kabupaten, kencong_terkunci, dokumen_kencong, model
):
    """Every lockable model's bulk delete, on rows some of which are locked: a message or
    Django's own answer, never a server error, and no locked row goes."""
    client.force_login(admin_kabupaten)
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:20])
    terkunci = [
        o.pk for o in model.objects.filter(pk__in=pks) if o.alasan_terkunci(hapus=True) is not None
    ]
    response = hapus_terpilih(client, model, pks, post="yes")
    assert response.status_code == 200
    if terkunci:
        assertContains(response, "Tidak ada yang dihapus.")
    assert model.objects.filter(pk__in=terkunci).count() == len(terkunci)


def test_hapus_massal_baris_terbuka_tetap_jalan(client, admin_kabupaten, kencong):
    """Open rows are still deleted through Django's confirmation."""
    client.force_login(admin_kabupaten)
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    baru = Realisasi.objects.create(
        kecamatan=kencong, ukuran=ikm.ukuran, tahun=2025, periode="tw1", nilai=1
    )
    konfirmasi = hapus_terpilih(client, Realisasi, [baru.pk])
    assertContains(konfirmasi, "Ya, saya yakin")
    hapus_terpilih(client, Realisasi, [baru.pk], post="yes")
    assert not Realisasi.objects.filter(pk=baru.pk).exists()


def test_aksi_hapus_tetap_berbahasa_indonesia(client, admin_kabupaten, jember):
    client.force_login(admin_kabupaten)
    response = client.get(url_admin(PerjanjianKinerja, "changelist"))
    assertContains(response, "Hapus perjanjian kinerja yang dipilih")


# --- the installation's own records --------------------------------------------------------

CATATAN_SISTEM = [
    "/admin/axes/accesslog/",
    "/admin/axes/accessattempt/",
    "/admin/django_tasks_database/dbtaskresult/",
    "/admin/auth/group/",
]


@pytest.mark.parametrize("url", CATATAN_SISTEM)
def test_catatan_sistem_hanya_untuk_pengelola_instalasi(client, admin_kabupaten, url):
    """Sign-in logs and background tasks of every kabupaten are not one kabupaten's to read."""
    client.force_login(admin_kabupaten)
    assert client.get(url).status_code == 403
    assertNotContains(client.get("/admin/"), url)
    pengelola = Pengguna.objects.create_superuser("pengelola", "", "Kata-sandi-pengelola-1")
    client.force_login(pengelola)
    assert client.get(url).status_code == 200


# --- lists that stay small as the country grows (issue 12) ----------------------------------


def kueri_daftar(client, url) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as q:
        response = client.get(url)
    assert response.status_code == 200
    return [k["sql"] for k in q.captured_queries], response.content.decode()


def test_daftar_realisasi_tanpa_hitungan_penuh_dan_kueri_tetap(client, admin_kabupaten, jember):
    """A filtered realisasi list counts its rows once (no count of the whole table), reads
    its page in the order of the unique index, and asks as many queries with more rows."""
    client.force_login(admin_kabupaten)
    url = url_admin(Realisasi, "changelist") + "?tahun=2025"
    client.get(url)
    sebelum, _ = kueri_daftar(client, url)
    ikm = Ukuran.objects.get(kabupaten=jember, kode="ikm")
    Realisasi.objects.bulk_create(
        Realisasi(kecamatan=k, ukuran=ikm, tahun=tahun, periode="tahunan", nilai=80)
        for k in Kecamatan.objects.filter(kabupaten=jember)
        for tahun in range(2010, 2017)
    )
    sesudah, html = kueri_daftar(client, url)
    assert len(sesudah) == len(sebelum)
    assert sum("COUNT(" in k for k in sesudah) == 1
    daftar = next(k for k in sesudah if k.startswith('SELECT "perjanjian_realisasi"."id"'))
    assert re.search(r'ORDER BY "perjanjian_realisasi"."kecamatan_id" ASC', daftar), daftar
    assertContains(client.get(url), "Kencong")
    assert "2010" in html  # the year filter lists the new years


def test_pengelola_memilih_kabupaten_dahulu_sebelum_kecamatan(client, jember, tamanan, kencong):
    """The installation's superuser sees every kabupaten: the kecamatan filter does not list
    the whole country, only the kecamatan of the kabupaten chosen first."""
    pengelola = Pengguna.objects.create_superuser("pengelola", "", "Kata-sandi-pengelola-1")
    client.force_login(pengelola)
    url = url_admin(Realisasi, "changelist")
    html = client.get(url).content.decode()
    assert "kecamatan__id__exact=" not in html
    assert f"?kabupaten={tamanan.kabupaten_id}" in html
    html = client.get(url, {"kabupaten": jember.pk}).content.decode()
    assert f"kecamatan__id__exact={kencong.pk}" in html
    assert f"kecamatan__id__exact={tamanan.pk}" not in html
    assert client.get(url, {"kabupaten": "x"}).status_code == 302  # ?e=1, as Django's own


@pytest.fixture
def pengelola(client, db):
    """The installation's superuser, placed in no kabupaten, signed in."""
    pengguna = Pengguna.objects.create_superuser("pengelola", "", "Kata-sandi-pengelola-1")
    client.force_login(pengguna)
    return pengguna


def test_pengelola_saringan_tahun_dari_tahun_pertama_sampai_terakhir(client, pengelola, kencong):
    """The national superuser's year filter names every year from the first stored to the
    last (a year without rows between them too), read from the index on tahun: no DISTINCT
    over the realisasi; a year chosen still filters."""
    ikm = Ukuran.objects.get(kabupaten=kencong.kabupaten, kode="ikm")
    Realisasi.objects.create(kecamatan=kencong, ukuran=ikm, tahun=2010, periode="tahunan", nilai=1)
    url = url_admin(Realisasi, "changelist")
    sql, html = kueri_daftar(client, url)
    assert not any("DISTINCT" in k for k in sql)
    terakhir = Realisasi.objects.order_by("-tahun").values_list("tahun", flat=True).first()
    for tahun in (2010, 2015, terakhir):  # 2015: no realisasi that year
        assert f"?tahun={tahun}" in html
    assert f"?tahun={terakhir + 1}" not in html
    response = client.get(url, {"tahun": 2010})
    assert response.context["cl"].result_count == 1
    assert not client.get(url, {"tahun": 2015}).context["cl"].result_list


def test_admin_kabupaten_saringan_tahun_tetap_tahun_barisnya(client, admin_kabupaten, kencong):
    """Jember's admin keeps Django's own year filter over Jember's rows: only years that
    hold a row (its kabupaten's rows are few, whatever the country's size)."""
    ikm = Ukuran.objects.get(kabupaten=kencong.kabupaten, kode="ikm")
    Realisasi.objects.create(kecamatan=kencong, ukuran=ikm, tahun=2010, periode="tahunan", nilai=1)
    client.force_login(admin_kabupaten)
    html = client.get(url_admin(Realisasi, "changelist")).content.decode()
    assert "?tahun=2010" in html
    assert "?tahun=2015" not in html


def test_daftar_tanpa_saringan_dihitung_dari_perkiraan_postgresql(
    client, pengelola, jember, monkeypatch
):
    """The national superuser's unfiltered list of a large table is numbered by the planner's
    estimate on PostgreSQL ("sekitar N", no COUNT of the table; a page past the estimate is
    shown, not refused); a filtered list is counted exactly. SQLite always counts."""
    monkeypatch.setattr(admin_hitung, "BATAS", 1)  # the test data's tables count as large
    url = url_admin(Realisasi, "changelist")
    jumlah = Realisasi.objects.count()
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as c:
            c.execute("ANALYZE perjanjian_realisasi")
    sql, html = kueri_daftar(client, url)
    if postgresql:
        perkiraan = admin_hitung.perkiraan_baris(Realisasi.objects.all())
        assert perkiraan is not None
        assert f"sekitar {perkiraan} realisasi indikator" in html
        assert not any("COUNT(" in k for k in sql)
        assert client.get(url, {"p": 9999}).status_code == 200
    else:
        assert admin_hitung.perkiraan_baris(Realisasi.objects.all()) is None
        assert f"{jumlah} realisasi indikator" in html
        assert "sekitar" not in html
        assert sum("COUNT(" in k for k in sql) == 1
    sql, html = kueri_daftar(client, f"{url}?tahun=2025")
    assert sum("COUNT(" in k for k in sql) == 1
    assert "sekitar" not in html
    assert f"{Realisasi.objects.filter(tahun=2025).count()} realisasi indikator" in html


def test_paginator_perkiraan_hanya_untuk_seluruh_tabel(db):
    """Only a whole table may be estimated: a filtered, distinct or sliced list never is."""
    for queryset in (
        Realisasi.objects.filter(tahun=2025),
        Realisasi.objects.distinct(),
        Realisasi.objects.all()[:10],
        Realisasi.objects.none(),
        list(Realisasi.objects.all()[:3]),
    ):
        assert admin_hitung.perkiraan_baris(queryset) is None
    paginator = admin_hitung.PaginatorPerkiraan(Realisasi.objects.filter(tahun=2025), 100)
    assert paginator.count == Realisasi.objects.filter(tahun=2025).count()
    assert not paginator.perkiraan
