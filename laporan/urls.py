from django.urls import path

from . import urls_dokumen, urls_evaluasi, views

app_name = "laporan"

L = "kecamatan/<slug:kecamatan>/lkip/<int:tahun>"

urlpatterns = [
    path(f"{L}/", views.LaporanUpdate.as_view(), name="lkip"),
    path(f"{L}/mulai/", views.LaporanMulai.as_view(), name="lkip-mulai"),
    path(f"{L}/tetapkan/", views.LaporanTetapkan.as_view(), name="lkip-tetapkan"),
]

urlpatterns += urls_dokumen.urlpatterns + urls_evaluasi.urlpatterns
