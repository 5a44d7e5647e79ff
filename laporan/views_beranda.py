"""The kecamatan's beranda: its year at a glance, gathered from every app (so it lives here,
at the top of the chain)."""

from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja

from .beranda import ringkasan_tahun


class BerandaDetail(KecamatanMixin, TemplateView):
    template_name = "laporan/beranda/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r = ringkasan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)
        menunggu = []
        if self.bisa_menetapkan:
            menunggu += [
                f"{perjanjian.get_jenis_display()} {perjanjian.tahun} diajukan, "
                "menunggu penetapan Anda."
                for perjanjian in r.perjanjian
                if perjanjian.status == PerjanjianKinerja.Status.DIAJUKAN
            ]
        if self.bisa_mengisi:
            menunggu += [
                f"Realisasi {s.periode.label} {r.tahun} diajukan, menunggu verifikasi Bappeda."
                for s in r.realisasi
                if s.status == PelaporanRealisasi.Status.DIAJUKAN
            ]
            menunggu += [
                f"Realisasi {s.periode.label} {r.tahun} dibuka kembali oleh Bappeda setelah "
                f"diverifikasi: “{s.pembukaan.alasan.rstrip('.')}”. Perbaiki realisasi "
                "indikator dan anggarannya, lalu ajukan lagi."
                for s in r.realisasi
                if s.pembukaan
            ]
        ctx.update(r=r, menunggu=menunggu, tahun_pilihan=range(self.tahun - 2, self.tahun + 3))
        return ctx
