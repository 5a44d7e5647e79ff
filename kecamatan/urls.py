from django.urls import path

from . import views

app_name = "kecamatan"

urlpatterns = [
    path("kecamatan/", views.KecamatanDaftar.as_view(), name="daftar"),
]
