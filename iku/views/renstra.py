"""The Renstra of a kecamatan: the list (with "Tambah Renstra"), the tree, the edit form."""

import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from iku import services
from iku.forms import RenstraForm
from iku.models import Indikator, Renstra
from iku.selectors import pohon, renstra_daftar, semua_indikator
from sakip.akses import Izin
from sakip.penguncian import DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

from .dasar import HalamanIku


class RenstraDaftar(HalamanIku):
    template_name = "iku/renstra/daftar.html"
    izin_kirim = Izin.MENGISI

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = renstra_daftar(kecamatan=self.kecamatan)
        if self.bisa_mengisi:
            ctx["form"] = form or RenstraForm(kecamatan=self.kecamatan)
        return ctx

    def post(self, request, *args, **kwargs):
        form = RenstraForm(request.POST, kecamatan=self.kecamatan)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            renstra = services.renstra_buat(
                kecamatan=self.kecamatan,
                data=form.data_renstra(),
                salin_isi=form.cleaned_data.get("salin_isi", False),
                oleh=request.user,
            )
        except TransisiDitolak as e:
            self.tolak(e)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, f"{renstra.nama} ditambahkan.")
        return redirect("iku:renstra-detail", self.kecamatan.slug, renstra.pk)


class RenstraDetail(HalamanIku):
    template_name = "iku/renstra/detail.html"
    model = Renstra

    relasi_objek = ("revisi_dari",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        simpul = pohon(renstra=self.obj)
        ids = [i.id for i in semua_indikator(simpul)]
        ctx.update(
            renstra=self.obj,
            pohon=simpul,
            jumlah_indikator=len(ids),
            riwayat=riwayat(
                (Indikator.riwayat.filter(id__in=ids), lambda c: f"Indikator {c.nama}")
            ),
        )
        return ctx


class RenstraUbah(HalamanIku):
    template_name = "iku/renstra/ubah.html"
    model = Renstra
    izin_kirim = Izin.MENGISI

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["renstra"] = self.obj
        if self.bisa_mengisi:
            ctx["form"] = form or RenstraForm(instance=self.obj, kecamatan=self.kecamatan)
        return ctx

    def post(self, request, *args, **kwargs):
        salinan = copy.copy(self.obj)  # the form writes into its instance; keep ours clean
        form = RenstraForm(request.POST, instance=salinan, kecamatan=self.kecamatan)
        if form.is_valid():
            try:
                services.renstra_ubah(renstra=self.obj, data=form.data_renstra(), oleh=request.user)
            except (TransisiDitolak, DataTerkunci) as e:
                self.tolak(e)
            else:
                messages.success(request, "Data Renstra disimpan.")
                return redirect(
                    reverse("iku:renstra-detail", args=[self.kecamatan.slug, self.obj.pk])
                )
        return self.render_to_response(self.get_context_data(form=form))
