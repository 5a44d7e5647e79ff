"""Add, edit and delete the tujuan and sasaran of a Renstra."""

import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from iku import services
from iku.forms import SasaranForm, TujuanForm
from iku.models import Renstra, Sasaran, Tujuan
from iku.selectors import nomor_sasaran_berikut, nomor_tujuan_berikut
from sakip.akses import Izin
from sakip.penguncian import DataTerkunci, TransisiDitolak

from .dasar import AksiPost, HalamanIku


def _ke_renstra(view, renstra_id: int, jangkar: str = ""):
    url = reverse("iku:renstra-detail", args=[view.kecamatan.slug, renstra_id])
    return redirect(f"{url}#{jangkar}" if jangkar else url)


class _StrukturForm(HalamanIku):
    """One form page for a tujuan or a sasaran (new or existing)."""

    template_name = "iku/renstra/struktur_form.html"
    judul = ""
    izin = Izin.MENGISI  # nothing to read here that the Renstra page does not show

    def renstra(self) -> Renstra:
        raise NotImplementedError

    def buat_form(self, data=None):
        raise NotImplementedError

    def simpan(self, form):
        raise NotImplementedError

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            form=form or self.buat_form(), judul=self.judul_halaman(), renstra=self.renstra()
        )
        return ctx

    def judul_halaman(self) -> str:
        return self.judul

    def post(self, request, *args, **kwargs):
        form = self.buat_form(request.POST)
        if form.is_valid():
            try:
                objek = self.simpan(form)
            except (TransisiDitolak, DataTerkunci) as e:
                self.tolak(e)
            else:
                messages.success(request, f"{self.judul_halaman()}: tersimpan.")
                return _ke_renstra(self, self.renstra().pk, jangkar=self.jangkar(objek))
        return self.render_to_response(self.get_context_data(form=form))

    def jangkar(self, objek) -> str:
        return f"{objek._meta.model_name}-{objek.pk}"


class TujuanTambah(_StrukturForm):
    model = Renstra
    judul = "Tambah tujuan"

    def renstra(self):
        return self.obj

    def buat_form(self, data=None):
        return TujuanForm(
            data, renstra=self.obj, initial={"nomor": nomor_tujuan_berikut(renstra=self.obj)}
        )

    def simpan(self, form):
        d = form.cleaned_data
        return services.tujuan_simpan(
            renstra=self.obj, **{k: d[k] for k in TujuanForm.Meta.fields}, oleh=self.request.user
        )


class TujuanUbah(_StrukturForm):
    model = Tujuan
    relasi_objek = ("renstra",)

    def judul_halaman(self):
        return f"Ubah tujuan {self.obj.nomor}"

    def renstra(self):
        return self.obj.renstra

    def buat_form(self, data=None):
        salinan = copy.copy(self.obj)  # the form writes into its instance; keep ours clean
        return TujuanForm(data, instance=salinan, renstra=self.obj.renstra)

    def simpan(self, form):
        d = form.cleaned_data
        return services.tujuan_simpan(
            renstra=self.obj.renstra,
            tujuan=self.obj,
            **{k: d[k] for k in TujuanForm.Meta.fields},
            oleh=self.request.user,
        )


class TujuanHapus(AksiPost):
    model = Tujuan

    def kembali(self):
        return reverse("iku:renstra-detail", args=[self.kecamatan.slug, self.obj.renstra_id])

    def post(self, request, *args, **kwargs):
        try:
            services.tujuan_hapus(tujuan=self.obj, oleh=request.user)
        except TransisiDitolak as e:
            self.tolak(e)
        else:
            messages.success(request, f"Tujuan {self.obj.nomor} dihapus.")
        return redirect(self.kembali())


class SasaranTambah(_StrukturForm):
    model = Tujuan
    relasi_objek = ("renstra",)

    def judul_halaman(self):
        return f"Tambah sasaran pada tujuan {self.obj.nomor}"

    def renstra(self):
        return self.obj.renstra

    def buat_form(self, data=None):
        return SasaranForm(
            data, tujuan=self.obj, initial={"nomor": nomor_sasaran_berikut(tujuan=self.obj)}
        )

    def simpan(self, form):
        d = form.cleaned_data
        return services.sasaran_simpan(
            tujuan=self.obj,
            nomor=d["nomor"],
            uraian=d["uraian"],
            strategi=d["strategi"],
            kebijakan=d["kebijakan"],
            oleh=self.request.user,
        )


class SasaranUbah(_StrukturForm):
    model = Sasaran

    relasi_objek = ("tujuan__renstra",)

    def judul_halaman(self):
        return f"Ubah sasaran {self.obj.kode}"

    def renstra(self):
        return self.obj.tujuan.renstra

    def buat_form(self, data=None):
        salinan = copy.copy(self.obj)  # the form writes into its instance; keep ours clean
        return SasaranForm(data, instance=salinan, tujuan=self.obj.tujuan)

    def simpan(self, form):
        d = form.cleaned_data
        return services.sasaran_simpan(
            tujuan=self.obj.tujuan,
            sasaran=self.obj,
            nomor=d["nomor"],
            uraian=d["uraian"],
            strategi=d["strategi"],
            kebijakan=d["kebijakan"],
            oleh=self.request.user,
        )


class SasaranHapus(AksiPost):
    model = Sasaran

    relasi_objek = ("tujuan",)

    def kembali(self):
        return reverse("iku:renstra-detail", args=[self.kecamatan.slug, self.obj.tujuan.renstra_id])

    def post(self, request, *args, **kwargs):
        kode = self.obj.kode
        try:
            services.sasaran_hapus(sasaran=self.obj, oleh=request.user)
        except TransisiDitolak as e:
            self.tolak(e)
        else:
            messages.success(request, f"Sasaran {kode} dihapus.")
        return redirect(self.kembali())
