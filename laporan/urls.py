from django.urls import path

from . import urls_dokumen, urls_evaluasi, views, views_beranda, views_dasbor

app_name = "laporan"

L = "kecamatan/<slug:kecamatan>/lkip/<int:tahun>"

urlpatterns = [
    path("kabupaten/dasbor/", views_dasbor.DasborDetail.as_view(), name="dasbor"),
    path(
        "kabupaten/dasbor/unduh.xlsx",
        views_dasbor.DasborUnduh.as_view(),
        name="dasbor-excel",
    ),
    path("kecamatan/<slug:kecamatan>/", views_beranda.BerandaDetail.as_view(), name="beranda"),
    path(f"{L}/", views.LaporanUbah.as_view(), name="lkip"),
    path(f"{L}/mulai/", views.LaporanMulai.as_view(), name="lkip-mulai"),
    path(f"{L}/tetapkan/", views.LaporanTetapkan.as_view(), name="lkip-tetapkan"),
]

urlpatterns += urls_dokumen.urlpatterns + urls_evaluasi.urlpatterns
