"""The narratives per sasaran of a year (part of the LKIP, not derived from data)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian.forms_realisasi import NarasiForm
from perjanjian.models import NarasiSasaran
from perjanjian.services.narasi import narasi_simpan, narasi_tahun
from sakip.akses import Izin
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat


class NarasiUbah(KecamatanMixin, TemplateView):
    template_name = "perjanjian/narasi/ubah.html"
    izin_kirim = Izin.MENGISI

    @cached_property
    def halaman(self):
        return narasi_tahun(kecamatan=self.kecamatan, tahun=self.tahun)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        h = self.halaman
        ctx.update(
            halaman=h,
            form=kwargs.get("form") or NarasiForm(halaman=h),
            dapat_diubah=self.bisa_mengisi and not h.lkip_ditetapkan,
            riwayat=riwayat(
                (
                    NarasiSasaran.riwayat.filter(
                        sasaran_id__in=[b.sasaran.id for b in h.baris], tahun=self.tahun
                    ).select_related("sasaran__tujuan"),
                    lambda c: f"Narasi Sasaran {c.sasaran.kode}",
                )
            ),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        form = NarasiForm(request.POST, halaman=self.halaman)
        if not form.is_valid():
            return self._gagal(
                form,
                form.pesan_tidak_lengkap
                or "Tidak ada yang disimpan: perbaiki isian yang ditandai.",
            )
        try:
            jumlah = narasi_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                isian=form.isian(),
                sidik=form.cleaned_data.get("sidik"),
                oleh=request.user,
            )
        except (DataTerkunci, DataBasi, TransisiDitolak) as e:
            return self._gagal(form, str(e))
        if jumlah:
            messages.success(request, f"Narasi {self.tahun} disimpan ({jumlah} sasaran).")
        else:
            messages.info(request, "Tidak ada perubahan untuk disimpan.")
        return redirect(reverse("perjanjian:narasi", args=[self.kecamatan.slug, self.tahun]))

    def _gagal(self, form, pesan: str):
        return self.render_to_response(self.get_context_data(form=form, galat=pesan))
