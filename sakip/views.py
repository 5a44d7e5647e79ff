from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from sakip import akses


@login_required
def akar(request):
    """Where a user lands: their kecamatan's beranda; the Inspektorat its evaluations (the
    LKIPs to review and the LHEs to record first); Bappeda its verification queue (who
    submitted what, when); the admin kabupaten the kabupaten's kecamatan."""
    if request.user.adalah_pengguna_kecamatan:
        return redirect("laporan:beranda", request.user.kecamatan.slug)
    if akses.adalah_inspektorat(request.user):
        return redirect("laporan:evaluasi-daftar")
    if akses.adalah_bappeda(request.user):
        return redirect("perjanjian:verifikasi")
    if akses.adalah_kabupaten(request.user):
        return redirect("kecamatan:daftar")
    return redirect("admin:index")
