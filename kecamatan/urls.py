from django.urls import path

from . import views, views_dasbor

app_name = "kecamatan"

urlpatterns = [
    path("kecamatan/", views.KecamatanDaftar.as_view(), name="daftar"),
    path("kabupaten/dasbor/", views_dasbor.KabupatenDasbor.as_view(), name="dasbor"),
    path(
        "kabupaten/dasbor/unduh.xlsx",
        views_dasbor.KabupatenDasborExcel.as_view(),
        name="dasbor-excel",
    ),
    path("kecamatan/<slug:kecamatan>/", views.KecamatanBeranda.as_view(), name="beranda"),
]
