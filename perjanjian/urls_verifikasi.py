"""Route of Bappeda's verification queue (kabupaten-wide, no kecamatan in the path)."""

from django.urls import path

from perjanjian.views import verifikasi

urlpatterns = [
    path("verifikasi/", verifikasi.VerifikasiDaftar.as_view(), name="verifikasi"),
]
