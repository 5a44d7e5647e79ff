"""Routes of the Renstra and IKU-decree pages. Every object id is resolved within the URL's
kecamatan (iku.views.dasar), so another kecamatan's id answers 404."""

from django.urls import path

from iku import views, views_excel
from iku.models import Sasaran, Tujuan

app_name = "iku"

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    # Renstra
    path(f"{K}/renstra/", views.RenstraDaftar.as_view(), name="renstra-daftar"),
    path(f"{K}/renstra/<int:pk>/", views.RenstraDetail.as_view(), name="renstra-detail"),
    path(f"{K}/renstra/<int:pk>/ubah/", views.RenstraUbah.as_view(), name="renstra-ubah"),
    path(
        f"{K}/renstra/<int:pk>/target/",
        views.TargetRenstraUbah.as_view(),
        name="renstra-target",
    ),
    path(
        f"{K}/renstra/<int:pk>/target/excel/",
        views_excel.TargetUnduh.as_view(),
        name="renstra-target-excel",
    ),
    path(
        f"{K}/renstra/<int:pk>/target/templat/",
        views_excel.TargetTemplat.as_view(),
        name="renstra-target-templat",
    ),
    path(
        f"{K}/renstra/<int:pk>/target/impor/",
        views_excel.TargetImpor.as_view(),
        name="renstra-target-impor",
    ),
    # tujuan and sasaran
    path(
        f"{K}/renstra/<int:pk>/tujuan/tambah/", views.TujuanTambah.as_view(), name="tujuan-tambah"
    ),
    path(f"{K}/tujuan/<int:pk>/ubah/", views.TujuanUbah.as_view(), name="tujuan-ubah"),
    path(f"{K}/tujuan/<int:pk>/hapus/", views.TujuanHapus.as_view(), name="tujuan-hapus"),
    path(
        f"{K}/tujuan/<int:pk>/sasaran/tambah/",
        views.SasaranTambah.as_view(),
        name="sasaran-tambah",
    ),
    path(f"{K}/sasaran/<int:pk>/ubah/", views.SasaranUbah.as_view(), name="sasaran-ubah"),
    path(f"{K}/sasaran/<int:pk>/hapus/", views.SasaranHapus.as_view(), name="sasaran-hapus"),
    # indicators
    path(
        f"{K}/tujuan/<int:pk>/indikator/tambah/",
        views.IndikatorTambah.as_view(model=Tujuan),
        name="indikator-tambah-tujuan",
    ),
    path(
        f"{K}/sasaran/<int:pk>/indikator/tambah/",
        views.IndikatorTambah.as_view(model=Sasaran),
        name="indikator-tambah-sasaran",
    ),
    path(f"{K}/indikator/<int:pk>/ubah/", views.IndikatorUbah.as_view(), name="indikator-ubah"),
    path(f"{K}/indikator/<int:pk>/hapus/", views.IndikatorHapus.as_view(), name="indikator-hapus"),
    # IKU decrees
    path(f"{K}/iku/", views.KeputusanDaftar.as_view(), name="keputusan-daftar"),
    path(f"{K}/iku/buat/<int:renstra>/", views.KeputusanTambah.as_view(), name="keputusan-buat"),
    path(f"{K}/iku/<int:pk>/", views.KeputusanDetail.as_view(), name="keputusan-detail"),
    path(
        f"{K}/iku/<int:pk>/tetapkan/",
        views.KeputusanTetapkan.as_view(),
        name="keputusan-tetapkan",
    ),
    path(f"{K}/iku/<int:pk>/hapus/", views.KeputusanHapus.as_view(), name="keputusan-hapus"),
]
