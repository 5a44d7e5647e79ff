from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import View

from kecamatan.halaman import KecamatanMixin
from sakip.penguncian import TransisiDitolak

from .models import LaporanKinerja
from .services import laporan_buka_versi_baru


class LaporanVersiBaru(KecamatanMixin, View):
    """An approved LKIP that must change: the camat opens its next version."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not self.bisa_menetapkan:
            raise PermissionDenied("Hanya camat kecamatan ini yang dapat membuka versi baru LKIP.")
        laporan = self.objek(LaporanKinerja, tahun=self.tahun)
        try:
            laporan_buka_versi_baru(laporan=laporan, oleh=request.user)
        except TransisiDitolak as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                f"Versi baru LKIP {self.tahun} dibuka sebagai draf; versi yang sudah ditetapkan "
                "tetap tersimpan.",
            )
        return redirect("laporan:lkip", self.kecamatan.slug, self.tahun)
