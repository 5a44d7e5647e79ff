"""The accounts of the kabupaten, managed by its admin from the application's own pages: the
list, a new account, its name / role / kecamatan changed, deactivate / reactivate, a new
temporary password, and accounts from an Excel list with preview. Every page needs
``Izin.MENGELOLA`` (the admin kabupaten); a temporary password is shown once, in the answer to
the POST that made it, and stored nowhere readable."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.views import View
from django.views.generic import FormView, TemplateView

from sakip import konfirmasi
from sakip.akses import Izin
from sakip.berkas import respons_berkas
from sakip.excel import AlurImpor
from sakip.penguncian import TransisiDitolak

from . import excel_akun, selectors_akun, services_akun
from .forms_akun import AkunPilihForm, AkunSaringForm, AkunTambahForm, AkunUbahForm
from .halaman import IzinMixin


def tampilkan_sandi(request, akun_sandi, *, baru: bool):
    """The page that shows temporary passwords, once: the answer to the POST that made them,
    never cached by the browser or a proxy."""
    respons = TemplateResponse(
        request, "kecamatan/pengguna/sandi.html", {"akun_sandi": akun_sandi, "baru": baru}
    )
    add_never_cache_headers(respons)
    return respons


class _HalamanAkun(IzinMixin):
    izin = Izin.MENGELOLA
    tindakan = "mengelola akun pengguna"


class PenggunaDaftar(_HalamanAkun, TemplateView):
    template_name = "kecamatan/pengguna/daftar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        oleh = self.request.user
        saring = AkunSaringForm(self.request.GET or None, oleh=oleh)
        ctx.update(
            saring=saring,
            daftar=selectors_akun.akun_kabupaten(oleh=oleh, **saring.saringan()),
            dikelola=set(services_akun.PERAN_DIKELOLA),
        )
        return ctx


class PenggunaTambah(_HalamanAkun, FormView):
    template_name = "kecamatan/pengguna/akun.html"
    form_class = AkunTambahForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "oleh": self.request.user}

    def form_valid(self, form):
        try:
            pengguna, sandi = services_akun.pengguna_buat(oleh=self.request.user, akun=form.akun)
        except ValidationError as e:  # taken in the instant between the form and the write
            for kolom, pesan in e.message_dict.items():
                form.add_error(kolom, pesan)
            return self.form_invalid(form)
        messages.success(self.request, f"Akun {pengguna.username} dibuat.")
        return tampilkan_sandi(self.request, [(pengguna, sandi)], baru=True)


class PenggunaUbah(_HalamanAkun, FormView):
    """Name, role, kecamatan and email of one account (``?pengguna=<id>``; the POST carries
    it as a field). An account the admin may not manage goes back to the list with the
    reason; a refused change stays on the form with the reason next to its field."""

    template_name = "kecamatan/pengguna/akun.html"
    form_class = AkunUbahForm
    url_daftar = reverse_lazy("kecamatan:pengguna-daftar")

    def _akun(self, data):
        """The account asked for (``self.pengguna``), or the way back to the list with the
        reason it cannot be changed here. Run after IzinMixin has checked the izin."""
        pilih = AkunPilihForm(data, oleh=self.request.user)
        if not pilih.is_valid():
            messages.error(self.request, " ".join(pilih.errors["pengguna"]))
            return HttpResponseRedirect(self.url_daftar)
        self.pengguna = pilih.cleaned_data["pengguna"]
        try:
            services_akun.wajib_dikelola(oleh=self.request.user, pengguna=self.pengguna)
        except TransisiDitolak as e:
            messages.error(self.request, str(e))
            return HttpResponseRedirect(self.url_daftar)
        return None

    def get(self, request, *args, **kwargs):
        return self._akun(request.GET) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._akun(request.POST) or super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "oleh": self.request.user}

    def get_initial(self):
        return AkunUbahForm.awal(self.pengguna)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "pengguna": self.pengguna}

    def form_valid(self, form):
        try:
            pengguna = services_akun.pengguna_ubah(
                oleh=self.request.user, pengguna=self.pengguna, akun=form.akun
            )
        except ValidationError as e:
            for kolom, pesan in e.message_dict.items():
                form.add_error(kolom, pesan)
            return self.form_invalid(form)
        except TransisiDitolak as e:
            messages.error(self.request, str(e))
            return HttpResponseRedirect(self.url_daftar)
        kecamatan = f", {pengguna.kecamatan.nama}" if pengguna.kecamatan else ""
        messages.success(
            self.request,
            f"Akun {pengguna.username} diubah: {pengguna.get_full_name()}, "
            f"{pengguna.get_peran_display()}{kecamatan}.",
        )
        return HttpResponseRedirect(self.url_daftar)


class _PenggunaAksi(_HalamanAkun, View):
    """A button of a row of the list: the account named by the POST's ``pengguna``."""

    http_method_names = ["post"]
    url_daftar = reverse_lazy("kecamatan:pengguna-daftar")

    def post(self, request, *args, **kwargs):
        form = AkunPilihForm(request.POST, oleh=request.user)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["pengguna"]))
            return HttpResponseRedirect(self.url_daftar)
        try:
            return self.lakukan(form.cleaned_data["pengguna"])
        except TransisiDitolak as e:
            messages.error(request, str(e))
            return HttpResponseRedirect(self.url_daftar)


class PenggunaNonaktifkan(_PenggunaAksi):
    def lakukan(self, pengguna):
        pengguna = services_akun.pengguna_nonaktifkan(oleh=self.request.user, pengguna=pengguna)
        messages.success(
            self.request, f"Akun {pengguna.username} dinonaktifkan: tidak dapat masuk lagi."
        )
        return HttpResponseRedirect(self.url_daftar)


class PenggunaAktifkan(_PenggunaAksi):
    def lakukan(self, pengguna):
        pengguna = services_akun.pengguna_aktifkan(oleh=self.request.user, pengguna=pengguna)
        messages.success(self.request, f"Akun {pengguna.username} aktif kembali.")
        return HttpResponseRedirect(self.url_daftar)


class PenggunaSetelUlangSandi(_PenggunaAksi):
    """Irreversible (the old password stops working): asked first (sakip.konfirmasi)."""

    def lakukan(self, pengguna):
        if not konfirmasi.dikonfirmasi(self.request.POST):
            services_akun.wajib_dikelola(oleh=self.request.user, pengguna=pengguna)
            return konfirmasi.halaman_konfirmasi(
                self.request,
                konfirmasi.Ringkasan(
                    judul=f"Setel ulang kata sandi {pengguna.username}?",
                    tombol="Ya, setel ulang",
                    url_batal=str(self.url_daftar),
                    data=[
                        ("Nama pengguna", pengguna.username),
                        ("Nama lengkap", pengguna.get_full_name() or "–"),
                        ("Peran", pengguna.get_peran_display()),
                        ("Kecamatan", pengguna.kecamatan.nama if pengguna.kecamatan else "–"),
                        (
                            "Akibat",
                            "Kata sandi lamanya tidak berlaku lagi. Kata sandi sementara yang "
                            "baru ditampilkan sekali dan wajib diganti saat pemilik akun masuk.",
                        ),
                    ],
                ),
            )
        pengguna, sandi = services_akun.pengguna_setel_ulang_sandi(
            oleh=self.request.user, pengguna=pengguna
        )
        return tampilkan_sandi(self.request, [(pengguna, sandi)], baru=False)


class PenggunaTemplat(_HalamanAkun, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return respons_berkas(excel_akun.templat(oleh=request.user))


class PenggunaImpor(AlurImpor, _HalamanAkun, TemplateView):
    izin = Izin.MENGELOLA
    judul_impor = "Impor akun pengguna dari Excel"
    keterangan_impor = (
        "Satu baris per akun: nama pengguna, nama lengkap, peran, kecamatan (kosong untuk "
        "Bappeda dan Inspektorat) dan email. Kata sandi sementara setiap akun ditampilkan "
        "sekali setelah disimpan."
    )
    satuan_impor = "akun"
    kata_impor = "dibuat"

    def kunci_sesi(self) -> str:
        return "impor-akun"

    def pratinjau(self, data):
        return excel_akun.pratinjau(oleh=self.request.user, data=data)

    def terapkan(self, pratinjau) -> int:
        self.akun_sandi = excel_akun.terapkan(oleh=self.request.user, pratinjau=pratinjau)
        return len(self.akun_sandi)

    def konfirmasi(self):
        self.akun_sandi = []
        respons = super().konfirmasi()
        if not self.akun_sandi:
            return respons
        # Saved: the temporary passwords, once, instead of going back to the list.
        return tampilkan_sandi(self.request, self.akun_sandi, baru=True)

    def url_kembali(self) -> str:
        return reverse("kecamatan:pengguna-daftar")

    def url_templat(self) -> str:
        return reverse("kecamatan:pengguna-templat")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["subjudul"] = f"Kabupaten {self.request.user.kabupaten.nama}"
        return ctx
