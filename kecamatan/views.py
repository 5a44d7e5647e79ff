from django.views.generic import TemplateView

from kecamatan.halaman import IzinMixin
from kecamatan.selectors import kecamatan_terlihat
from sakip.akses import Izin


class KecamatanDaftar(IzinMixin, TemplateView):
    """The kabupaten's view: every kecamatan it may see (Bappeda, Inspektorat, admin)."""

    template_name = "kecamatan/kecamatan/daftar.html"
    izin = Izin.MELIHAT  # kabupaten-wide: the kabupaten roles

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = kecamatan_terlihat(pengguna=self.request.user).order_by("kode")
        return ctx
