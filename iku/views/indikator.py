"""One indicator: add (under a tujuan or a sasaran), edit with its history, delete."""

import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from iku import services
from iku.forms import IndikatorBaruForm, IndikatorForm
from iku.models import Indikator, Sasaran, TargetIndikator
from sakip.akses import Izin
from sakip.penguncian import DataBasi, TransisiDitolak
from sakip.riwayat import riwayat

from .dasar import AksiPost, HalamanIku


def _renstra_id(indikator: Indikator) -> int:
    if indikator.tujuan_id:
        return indikator.tujuan.renstra_id
    return indikator.sasaran.tujuan.renstra_id


class IndikatorTambah(HalamanIku):
    """``model`` is Tujuan or Sasaran: the indicator's parent (one view, two routes)."""

    template_name = "iku/indikator/tambah.html"
    izin = Izin.MENGISI

    @property
    def relasi_objek(self):
        return ("tujuan__renstra",) if self.model is Sasaran else ("renstra",)

    @property
    def renstra(self):
        return self.obj.tujuan.renstra if isinstance(self.obj, Sasaran) else self.obj.renstra

    @property
    def judul_induk(self) -> str:
        if isinstance(self.obj, Sasaran):
            return f"Sasaran {self.obj.kode}: {self.obj.uraian}"
        return f"Tujuan {self.obj.nomor}: {self.obj.uraian}"

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            form=form or IndikatorBaruForm(kecamatan=self.kecamatan),
            renstra=self.renstra,
            judul_induk=self.judul_induk,
        )
        return ctx

    def post(self, request, *args, **kwargs):
        form = IndikatorBaruForm(request.POST, kecamatan=self.kecamatan)
        if form.is_valid():
            try:
                ind = services.indikator_buat(
                    induk=self.obj,
                    ukuran=form.ukuran_terpilih(),
                    data=form.data_indikator(),
                    penanggung_jawab=form.cleaned_data["penanggung_jawab"],
                    oleh=request.user,
                )
            except TransisiDitolak as e:
                self.tolak(e)
            else:
                messages.success(
                    request, f"Indikator “{ind.nama}” ditambahkan. Isi targetnya di tabel target."
                )
                url = reverse("iku:renstra-detail", args=[self.kecamatan.slug, self.renstra.pk])
                return redirect(f"{url}#indikator-{ind.pk}")
        return self.render_to_response(self.get_context_data(form=form))


class IndikatorUbah(HalamanIku):
    template_name = "iku/indikator/ubah.html"
    model = Indikator
    izin_kirim = Izin.MENGISI

    relasi_objek = ("ukuran", "tujuan__renstra", "sasaran__tujuan__renstra")
    prefetch_objek = ("penanggung_jawab", "urutan_penanggung_jawab__unit_kerja")

    def form_baru(self, data=None):
        unit = [u.id for u in self.obj.penanggung_jawab.all()]
        return IndikatorForm(
            data,
            instance=copy.copy(self.obj),  # the form writes into its instance; keep ours clean
            kecamatan=self.kecamatan,
            initial={"sidik": services.sidik_indikator(self.obj, unit), "penanggung_jawab": unit},
        )

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ind = self.obj
        renstra = ind.tujuan.renstra if ind.tujuan_id else ind.sasaran.tujuan.renstra
        ctx.update(
            indikator=ind,
            renstra=renstra,
            induk=ind.tujuan if ind.tujuan_id else ind.sasaran,
            riwayat=riwayat(
                Indikator.riwayat.filter(id=ind.id),
                (
                    TargetIndikator.riwayat.filter(indikator_id=ind.id),
                    lambda c: f"Target {c.tahun}",
                ),
            ),
        )
        if self.bisa_mengisi:
            ctx["form"] = form or self.form_baru()
        return ctx

    def post(self, request, *args, **kwargs):
        form = self.form_baru(request.POST)
        if form.is_valid():
            try:
                services.indikator_ubah(
                    indikator=self.obj,
                    data=form.data_indikator(),
                    penanggung_jawab=form.cleaned_data["penanggung_jawab"],
                    sidik=form.cleaned_data["sidik"],
                    oleh=request.user,
                )
            except (DataBasi, TransisiDitolak) as e:
                self.tolak(e)
            else:
                messages.success(request, "Indikator disimpan.")
                return redirect("iku:indikator-ubah", self.kecamatan.slug, self.obj.pk)
        return self.render_to_response(self.get_context_data(form=form))


class IndikatorHapus(AksiPost):
    model = Indikator

    relasi_objek = ("tujuan", "sasaran__tujuan")

    def kembali(self):
        return reverse("iku:renstra-detail", args=[self.kecamatan.slug, _renstra_id(self.obj)])

    def post(self, request, *args, **kwargs):
        try:
            services.indikator_hapus(indikator=self.obj, oleh=request.user)
        except TransisiDitolak as e:
            self.tolak(e)
            return redirect(self.kembali())
        messages.success(request, f"Indikator “{self.obj.nama}” dihapus.")
        return redirect(self.kembali())
