"""Routes of the realisasi and narrative pages."""

from django.urls import path

from perjanjian.views import narasi, realisasi

K = "kecamatan/<slug:kecamatan>"
R = f"{K}/realisasi/<int:tahun>/<str:periode>"

urlpatterns = [
    path(f"{R}/", realisasi.RealisasiUbah.as_view(), name="realisasi"),
    path(f"{R}/hitung/", realisasi.RealisasiHitung.as_view(), name="realisasi-hitung"),
    path(f"{R}/riwayat/", realisasi.RealisasiRiwayat.as_view(), name="realisasi-riwayat"),
    path(f"{R}/ajukan/", realisasi.RealisasiAjukan.as_view(), name="realisasi-ajukan"),
    path(f"{R}/verifikasi/", realisasi.RealisasiVerifikasi.as_view(), name="realisasi-verifikasi"),
    path(f"{R}/kembalikan/", realisasi.RealisasiKembalikan.as_view(), name="realisasi-kembalikan"),
    path(
        f"{R}/buka-kembali/",
        realisasi.RealisasiBukaKembali.as_view(),
        name="realisasi-buka-kembali",
    ),
    path(f"{K}/narasi/<int:tahun>/", narasi.NarasiUbah.as_view(), name="narasi"),
]
