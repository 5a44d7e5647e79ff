"""The yearly profile of a kecamatan on its own pages (BAB I of the LKIP): its texts, the grids
of Tabel 1.1, Tabel 1.2 and the strategic issues, and the copy of the latest earlier profile
(a preview first, nothing saved before it is confirmed). A locked profile shows its lock's
reason (``ProfilTahunan.alasan_terkunci``) instead of the forms."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from sakip.akses import Izin
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak

from . import selectors, services
from .forms_profil import ProfilTeksForm, formset_tabel
from .halaman import KecamatanMixin

DITOLAK = (DataTerkunci, DataBasi, TransisiDitolak)


class _HalamanProfil(KecamatanMixin, TemplateView):
    izin_kirim = Izin.MENGISI

    @cached_property
    def profil(self):
        return selectors.profil_tahunan_lengkap(kecamatan_id=self.kecamatan.id, tahun=self.tahun)

    @cached_property
    def alasan_terkunci(self) -> str | None:
        return selectors.profil_alasan_terkunci(
            kecamatan=self.kecamatan, profil=self.profil, tahun=self.tahun
        )

    @property
    def dapat_diubah(self) -> bool:
        return self.bisa_mengisi and self.alasan_terkunci is None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            profil=self.profil,
            alasan_terkunci=self.alasan_terkunci,
            dapat_diubah=self.dapat_diubah,
        )
        return ctx

    def ke_profil(self):
        return redirect("kecamatan:profil", self.kecamatan.slug, self.tahun)


class ProfilDetail(_HalamanProfil):
    template_name = "kecamatan/profil/detail.html"

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ada = selectors.profil_tahun_ada(kecamatan=self.kecamatan)
        sebelumnya = [t for t in ada if t < self.tahun]
        ctx.update(
            tahun_ada=sorted({*ada, self.tahun, (ada[0] + 1) if ada else self.tahun}),
            tahun_asal=sebelumnya[0] if sebelumnya else None,
            judul_tabel=selectors.JUDUL_TABEL,
        )
        if self.dapat_diubah:
            ctx["form"] = form or ProfilTeksForm(
                instance=self.profil,
                initial={"sidik": selectors.sidik_profil(self.profil)},
            )
        return ctx

    def post(self, request, *args, **kwargs):
        form = ProfilTeksForm(request.POST, instance=self.profil)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.profil_simpan_teks(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                data=form.data_teks(),
                sidik=form.cleaned_data.get("sidik"),
                oleh=request.user,
            )
        except DITOLAK as e:
            messages.error(request, str(e))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, f"Uraian profil tahun {self.tahun} disimpan.")
        return self.ke_profil()


class ProfilTabelUbah(_HalamanProfil):
    """One table of the profile as a grid: edit rows, add rows in the empty lines, tick
    "Hapus" to delete; saved together or not at all."""

    template_name = "kecamatan/profil/tabel.html"
    jenis = ""  # "sdm", "sarana", "isu" (set in the URL)

    def formset(self, data=None):
        baris = selectors.baris_tabel(profil=self.profil, jenis=self.jenis)
        fs = formset_tabel(self.jenis)(data, queryset=baris, prefix="baris")
        return fs, selectors.sidik_tabel(list(baris))

    def get_context_data(self, formset=None, sidik=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if formset is None:
            formset, sidik = self.formset()
        ctx.update(
            jenis=self.jenis,
            judul=selectors.JUDUL_TABEL[self.jenis],
            formset=formset,
            sidik=sidik,
        )
        return ctx

    def post(self, request, *args, **kwargs):
        formset, _ = self.formset(request.POST)
        sidik = request.POST.get("sidik")
        if not formset.is_valid():
            messages.error(request, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
            return self.render_to_response(self.get_context_data(formset=formset, sidik=sidik))
        baris = [
            f.data_baris()
            for f in formset.forms
            if f.instance.pk is not None or (f.has_changed() and not f.cleaned_data.get("DELETE"))
        ]
        try:
            jumlah = services.profil_simpan_tabel(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                jenis=self.jenis,
                baris=baris,
                sidik=sidik,
                oleh=request.user,
            )
        except DITOLAK as e:
            messages.error(request, str(e))
            return self.render_to_response(self.get_context_data(formset=formset, sidik=sidik))
        judul = selectors.JUDUL_TABEL[self.jenis]
        messages.success(request, f"{judul} tahun {self.tahun} disimpan: {jumlah} baris.")
        return redirect(request.path)


class ProfilSalin(_HalamanProfil):
    """Copy the latest earlier profile into this year: GET shows what would be copied and what
    is kept; only the POST of the confirmation saves."""

    template_name = "kecamatan/profil/salin.html"
    izin = Izin.MENGISI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rencana"] = selectors.profil_rencana_salin(kecamatan=self.kecamatan, tahun=self.tahun)
        return ctx

    def post(self, request, *args, **kwargs):
        try:
            dari = int(request.POST.get("dari", ""))
        except ValueError:
            messages.error(request, "Buka dulu pratinjau salinan, lalu konfirmasi dari sana.")
            return redirect(request.path)
        try:
            rencana = services.profil_salin(
                kecamatan=self.kecamatan, tahun=self.tahun, dari=dari, oleh=request.user
            )
        except DITOLAK as e:
            messages.error(request, str(e))
            return redirect(request.path)
        daftar = ", ".join(str(b.label) for b in rencana.disalin)
        messages.success(
            request, f"Profil tahun {rencana.dari} disalin ke tahun {self.tahun}: {daftar}."
        )
        return self.ke_profil()
