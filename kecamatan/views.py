from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja
from sakip import akses
from sakip.halaman import KecamatanMixin

from .beranda import ringkasan_tahun


class KecamatanBeranda(KecamatanMixin, TemplateView):
    template_name = "kecamatan/beranda.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r = ringkasan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)
        menunggu = []
        if self.bisa_menetapkan:
            menunggu += [
                f"{pk.get_jenis_display()} {pk.tahun} diajukan, menunggu penetapan Anda."
                for pk in r.perjanjian
                if pk.status == PerjanjianKinerja.Status.DIAJUKAN
            ]
        if self.bisa_mengisi:
            menunggu += [
                f"Realisasi {s.periode.label} {r.tahun} diajukan, menunggu verifikasi Bappeda."
                for s in r.realisasi
                if s.status == PelaporanRealisasi.Status.DIAJUKAN
            ]
        ctx.update(r=r, menunggu=menunggu, tahun_pilihan=range(self.tahun - 2, self.tahun + 3))
        return ctx


class KecamatanDaftar(LoginRequiredMixin, TemplateView):
    """The kabupaten's view: every kecamatan it may see (Bappeda, Inspektorat, admin)."""

    template_name = "kabupaten/daftar_kecamatan.html"

    def get_context_data(self, **kwargs):
        if not akses.adalah_kabupaten(self.request.user):
            raise PermissionDenied("Halaman ini untuk Bappeda, Inspektorat dan admin kabupaten.")
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = akses.kecamatan_terlihat(self.request.user).order_by("kode")
        return ctx
