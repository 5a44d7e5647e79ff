from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from kecamatan.models import Kecamatan
from sakip import akses


class KecamatanDaftar(LoginRequiredMixin, TemplateView):
    """The kabupaten's view: every kecamatan it may see (Bappeda, Inspektorat, admin)."""

    template_name = "kabupaten/daftar_kecamatan.html"

    def get_context_data(self, **kwargs):
        if not akses.adalah_kabupaten(self.request.user):
            raise PermissionDenied("Halaman ini untuk Bappeda, Inspektorat dan admin kabupaten.")
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = Kecamatan.objects.terlihat(self.request.user).order_by("kode")
        return ctx
