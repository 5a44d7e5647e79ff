from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from kecamatan import selectors, services
from kecamatan.forms import (
    PejabatFormSet,
    TempatForm,
    UnitKerjaFormSet,
    awal_pejabat,
    awal_unit_kerja,
)
from kecamatan.halaman import IzinMixin, KecamatanMixin
from kecamatan.selectors import kecamatan_terlihat
from sakip.akses import Izin
from sakip.penguncian import TransisiDitolak

PESAN_PERBAIKI = "Tidak ada yang disimpan: perbaiki isian yang ditandai."


class KecamatanDaftar(IzinMixin, TemplateView):
    """The kabupaten's view: every kecamatan it may see (Bappeda, Inspektorat, admin)."""

    template_name = "kecamatan/kecamatan/daftar.html"
    izin = Izin.MELIHAT  # kabupaten-wide: the kabupaten roles

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = kecamatan_terlihat(pengguna=self.request.user).order_by("kode")
        return ctx


class _HalamanBaris(TemplateView):
    """A page of rows edited at once (a formset), saved by one service call: all or nothing,
    a refusal shown above the rows with what was typed kept."""

    formset_class = None
    prefix = "baris"
    pesan_tersimpan = ""

    def daftar(self):
        raise NotImplementedError

    def awal(self, daftar) -> list[dict]:
        raise NotImplementedError

    def simpan(self, baris) -> None:
        raise NotImplementedError

    def kwargs_formset(self) -> dict:
        return {}

    def url_halaman(self) -> str:
        return self.request.path

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        daftar = list(self.daftar())
        if "formset" not in kwargs:
            kwargs["formset"] = self.formset_class(
                prefix=self.prefix, initial=self.awal(daftar), form_kwargs=self.kwargs_formset()
            )
        ctx.update(daftar=daftar, formset=kwargs["formset"], galat=kwargs.get("galat"))
        return ctx

    def post(self, request, *args, **kwargs):
        formset = self.formset_class(
            request.POST, prefix=self.prefix, form_kwargs=self.kwargs_formset()
        )
        if not formset.is_valid():
            return self.gagal(formset, PESAN_PERBAIKI)
        try:
            self.simpan(formset.baris())
        except TransisiDitolak as e:
            return self.gagal(formset, str(e))
        messages.success(request, self.pesan_tersimpan)
        return redirect(self.url_halaman())

    def gagal(self, formset, pesan: str, **kwargs):
        return self.render_to_response(
            self.get_context_data(formset=formset, galat=pesan, **kwargs)
        )


class UnitKerjaDaftar(KecamatanMixin, _HalamanBaris):
    """The kecamatan's organisational units: the choices of an indicator's penanggung jawab."""

    template_name = "kecamatan/unit_kerja/daftar.html"
    izin_kirim = Izin.MENGISI
    tindakan = "mengubah unit kerja"
    formset_class = UnitKerjaFormSet
    prefix = "unit"
    pesan_tersimpan = "Unit kerja disimpan."

    def daftar(self):
        return selectors.unit_kerja_daftar(kecamatan=self.kecamatan)

    def awal(self, daftar):
        return awal_unit_kerja(daftar)

    def kwargs_formset(self):
        return {
            "pilihan_induk": [
                (u.id, u.nama) for u in selectors.unit_kerja(kecamatan=self.kecamatan)
            ]
        }

    def simpan(self, baris):
        services.unit_kerja_simpan(kecamatan=self.kecamatan, baris=baris, oleh=self.request.user)


class PejabatDaftar(KecamatanMixin, _HalamanBaris):
    """The kecamatan's pejabat with their periods in office, and where its documents are
    signed: the defaults of the PK, the IKU decree and the LKIP are taken from here."""

    template_name = "kecamatan/pejabat/daftar.html"
    izin_kirim = Izin.MENGISI
    tindakan = "mengubah daftar pejabat"
    formset_class = PejabatFormSet
    prefix = "pejabat"
    pesan_tersimpan = "Daftar pejabat disimpan."

    def daftar(self):
        return selectors.pejabat_kecamatan(kecamatan=self.kecamatan)

    def awal(self, daftar):
        return awal_pejabat(daftar)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["form_tempat"] = kwargs.get("form_tempat") or TempatForm(instance=self.kecamatan)
        ctx["tempat_bawaan"] = selectors.tempat_penandatanganan(kecamatan=self.kecamatan)
        return ctx

    def post(self, request, *args, **kwargs):
        if request.POST.get("aksi") == "tempat":
            form = TempatForm(request.POST, instance=self.kecamatan)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(form_tempat=form, galat=PESAN_PERBAIKI)
                )
            services.kecamatan_atur_tempat(
                kecamatan=self.kecamatan,
                tempat=form.cleaned_data["tempat_penandatanganan"],
                oleh=request.user,
            )
            messages.success(request, "Tempat penandatanganan disimpan.")
            return redirect(self.url_halaman())
        return super().post(request, *args, **kwargs)

    def simpan(self, baris):
        services.pejabat_simpan(
            kabupaten=self.kecamatan.kabupaten,
            kecamatan=self.kecamatan,
            baris=baris,
            oleh=self.request.user,
        )


class PejabatKabupatenDaftar(IzinMixin, _HalamanBaris):
    """The kabupaten's own pejabat: who was bupati (or acting bupati) from when to when, the
    pihak kedua a PK of that date proposes. Its admin only."""

    template_name = "kecamatan/pejabat/kabupaten.html"
    izin = Izin.MENGELOLA
    tindakan = "mengubah daftar pejabat kabupaten"
    formset_class = PejabatFormSet
    prefix = "pejabat"
    pesan_tersimpan = "Daftar pejabat kabupaten disimpan."

    def daftar(self):
        return selectors.pejabat_kabupaten(kabupaten_id=self.request.user.kabupaten_id)

    def awal(self, daftar):
        return awal_pejabat(daftar)

    def url_halaman(self) -> str:
        return reverse("kecamatan:pejabat-kabupaten")

    def simpan(self, baris):
        services.pejabat_simpan(
            kabupaten=self.request.user.kabupaten,
            kecamatan=None,
            baris=baris,
            oleh=self.request.user,
        )
