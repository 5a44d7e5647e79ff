"""Routes of the Perjanjian Kinerja and budget pages."""

from django.urls import path

from perjanjian.views import anggaran, perjanjian, salinan

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path(f"{K}/pk/<int:tahun>/", perjanjian.PerjanjianDaftar.as_view(), name="perjanjian-daftar"),
    path(
        f"{K}/pk/<int:tahun>/banding/",
        perjanjian.PerjanjianBanding.as_view(),
        name="perjanjian-banding",
    ),
    path(
        f"{K}/pk/detail/<int:pk>/", perjanjian.PerjanjianDetail.as_view(), name="perjanjian-detail"
    ),
    path(
        f"{K}/pk/detail/<int:pk>/indikator-program/",
        anggaran.IndikatorProgramUbah.as_view(),
        name="perjanjian-indikator-program",
    ),
    path(f"{K}/anggaran/<int:tahun>/", anggaran.AnggaranDetail.as_view(), name="anggaran"),
    path(
        f"{K}/anggaran/<int:tahun>/salin/", salinan.AnggaranSalin.as_view(), name="anggaran-salin"
    ),
    path(
        f"{K}/anggaran/program/<int:pk>/",
        anggaran.ProgramUbah.as_view(),
        name="anggaran-program",
    ),
]
