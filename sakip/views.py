from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from sakip import akses


@login_required
def akar(request):
    """Where a user lands: their kecamatan's beranda, or the kabupaten's list of kecamatan."""
    if request.user.adalah_pengguna_kecamatan:
        return redirect("laporan:beranda", request.user.kecamatan.slug)
    if akses.adalah_kabupaten(request.user):
        return redirect("kecamatan:daftar")
    return redirect("admin:index")
