"""Routes of the Inspektorat's pages: LHE AKIP and reviu of the LKIP."""

from django.urls import path

from . import views_evaluasi

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path("evaluasi/", views_evaluasi.EvaluasiDaftar.as_view(), name="evaluasi-daftar"),
    path(f"{K}/evaluasi/<int:tahun>/", views_evaluasi.EvaluasiUbah.as_view(), name="evaluasi"),
    path(f"{K}/lkip/<int:tahun>/reviu/", views_evaluasi.LaporanReviu.as_view(), name="lkip-reviu"),
]
