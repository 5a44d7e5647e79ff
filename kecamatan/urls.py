from django.urls import path

from . import views, views_akun, views_profil

app_name = "kecamatan"

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path("kecamatan/", views.KecamatanDaftar.as_view(), name="daftar"),
    path("kabupaten/pejabat/", views.PejabatKabupatenDaftar.as_view(), name="pejabat-kabupaten"),
    path(f"{K}/unit-kerja/", views.UnitKerjaDaftar.as_view(), name="unit-kerja"),
    path(f"{K}/pejabat/", views.PejabatDaftar.as_view(), name="pejabat"),
    # The kabupaten's accounts, managed by its admin (kecamatan.views_akun).
    path("pengguna/", views_akun.PenggunaDaftar.as_view(), name="pengguna-daftar"),
    path("pengguna/tambah/", views_akun.PenggunaTambah.as_view(), name="pengguna-tambah"),
    path("pengguna/ubah/", views_akun.PenggunaUbah.as_view(), name="pengguna-ubah"),
    path(
        "pengguna/nonaktifkan/",
        views_akun.PenggunaNonaktifkan.as_view(),
        name="pengguna-nonaktifkan",
    ),
    path("pengguna/aktifkan/", views_akun.PenggunaAktifkan.as_view(), name="pengguna-aktifkan"),
    path(
        "pengguna/setel-ulang-sandi/",
        views_akun.PenggunaSetelUlangSandi.as_view(),
        name="pengguna-setel-ulang-sandi",
    ),
    path("pengguna/impor/", views_akun.PenggunaImpor.as_view(), name="pengguna-impor"),
    path("pengguna/templat/", views_akun.PenggunaTemplat.as_view(), name="pengguna-templat"),
    # the yearly profile (BAB I of the LKIP)
    path(f"{K}/profil/<int:tahun>/", views_profil.ProfilDetail.as_view(), name="profil"),
    path(
        f"{K}/profil/<int:tahun>/sdm/",
        views_profil.ProfilTabelUbah.as_view(jenis="sdm"),
        name="profil-sdm",
    ),
    path(
        f"{K}/profil/<int:tahun>/sarana/",
        views_profil.ProfilTabelUbah.as_view(jenis="sarana"),
        name="profil-sarana",
    ),
    path(
        f"{K}/profil/<int:tahun>/isu/",
        views_profil.ProfilTabelUbah.as_view(jenis="isu"),
        name="profil-isu",
    ),
    path(f"{K}/profil/<int:tahun>/salin/", views_profil.ProfilSalin.as_view(), name="profil-salin"),
]
