"""Routes of the printed documents (one route per kind, so each names its source model)."""

from django.urls import path

from iku.models import KeputusanIKU
from perjanjian.models import PerjanjianKinerja

from .models import DokumenPDF, LaporanKinerja
from .views_dokumen import DokumenCetakUlang, DokumenMinta, DokumenStatus, DokumenUnduh
from .views_versi import LaporanDokumen, LaporanVersiBaru

K = "kecamatan/<slug:kecamatan>"

urlpatterns = [
    path(
        f"{K}/pdf/lkip/<int:pk>/",
        DokumenMinta.as_view(jenis=DokumenPDF.Jenis.LKIP, model=LaporanKinerja),
        name="pdf-lkip",
    ),
    path(
        f"{K}/pdf/keputusan/<int:pk>/",
        DokumenMinta.as_view(jenis=DokumenPDF.Jenis.KEPUTUSAN, model=KeputusanIKU),
        name="pdf-keputusan",
    ),
    path(
        f"{K}/pdf/perjanjian/<int:pk>/",
        DokumenMinta.as_view(jenis=DokumenPDF.Jenis.PERJANJIAN, model=PerjanjianKinerja),
        name="pdf-perjanjian",
    ),
    path(f"{K}/lkip/<int:tahun>/versi-baru/", LaporanVersiBaru.as_view(), name="lkip-versi-baru"),
    path(f"{K}/dokumen/<int:pk>/", DokumenStatus.as_view(), name="dokumen-status"),
    path(f"{K}/lkip/<int:tahun>/dokumen/", LaporanDokumen.as_view(), name="lkip-dokumen"),
    path(f"{K}/dokumen/<int:pk>/unduh/", DokumenUnduh.as_view(), name="dokumen-unduh"),
    path(f"{K}/dokumen/<int:pk>/ulang/", DokumenCetakUlang.as_view(), name="dokumen-ulang"),
]
