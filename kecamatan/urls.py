from django.urls import path

from . import views, views_profil

app_name = "kecamatan"

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path("kecamatan/", views.KecamatanDaftar.as_view(), name="daftar"),
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
