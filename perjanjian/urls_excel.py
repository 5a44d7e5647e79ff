"""Routes of the Excel export, template and import of a year's realisasi and budget.

The realisasi ones have a fourth segment so that ``realisasi/<tahun>/<periode>/`` never takes
"excel" for a period."""

from django.urls import path

from perjanjian import views_excel

K = "kecamatan/<slug:kecamatan>"
R = f"{K}/realisasi/<int:tahun>/excel"
A = f"{K}/anggaran/<int:tahun>/excel"

urlpatterns = [
    path(f"{R}/unduh/", views_excel.RealisasiUnduh.as_view(), name="realisasi-excel"),
    path(f"{R}/templat/", views_excel.RealisasiTemplat.as_view(), name="realisasi-templat"),
    path(f"{R}/impor/", views_excel.RealisasiImpor.as_view(), name="realisasi-impor"),
    path(f"{A}/unduh/", views_excel.AnggaranUnduh.as_view(), name="anggaran-excel"),
    path(f"{A}/templat/", views_excel.AnggaranTemplat.as_view(), name="anggaran-templat"),
    path(f"{A}/impor/", views_excel.AnggaranImpor.as_view(), name="anggaran-impor"),
]
