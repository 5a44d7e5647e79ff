from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from kecamatan.halaman import KecamatanMixin
from sakip.akses import Izin
from sakip.penguncian import TransisiDitolak

from .models import LaporanKinerja
from .services import TINDAKAN_VERSI_BARU, laporan_buka_versi_baru


class LaporanVersiBaru(KecamatanMixin, View):
    """An approved LKIP that must change: the camat opens its next version."""

    http_method_names = ["post"]
    izin_kirim = Izin.MENETAPKAN
    tindakan = TINDAKAN_VERSI_BARU

    def post(self, request, *args, **kwargs):
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


class LaporanDokumen(KecamatanMixin, TemplateView):
    """The LKIP page's document block alone: what it polls (htmx) while a version prints."""

    template_name = "laporan/lkip/dokumen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["laporan"] = self.objek(LaporanKinerja, tahun=self.tahun)
        return ctx
