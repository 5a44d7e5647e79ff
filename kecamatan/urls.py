from django.urls import path

from . import views

app_name = "kecamatan"

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path("kecamatan/", views.KecamatanDaftar.as_view(), name="daftar"),
    path("kabupaten/pejabat/", views.PejabatKabupatenDaftar.as_view(), name="pejabat-kabupaten"),
    path(f"{K}/unit-kerja/", views.UnitKerjaDaftar.as_view(), name="unit-kerja"),
    path(f"{K}/pejabat/", views.PejabatDaftar.as_view(), name="pejabat"),
]
