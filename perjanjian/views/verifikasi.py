"""Bappeda's verification queue: what awaits it across every kecamatan of the kabupaten
(realisasi of a period diajukan, Perjanjian Kinerja diajukan), decided from one page through
the same services as the kecamatan's own pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from kecamatan.halaman import IzinMixin
from perjanjian.selectors.halaman import (
    antrean_verifikasi,
    pelaporan_terlihat,
    perjanjian_terlihat,
)
from perjanjian.services.perjanjian import perjanjian_kembalikan_bappeda
from perjanjian.services.realisasi import realisasi_kembalikan, realisasi_verifikasi
from sakip import akses
from sakip.akses import Izin
from sakip.penguncian import DataTerkunci, TransisiDitolak


class VerifikasiDaftar(IzinMixin, TemplateView):
    """Read by every kabupaten role; decided by Bappeda (each decision's service checks the
    kecamatan's own Bappeda again)."""

    template_name = "perjanjian/verifikasi/daftar.html"
    izin = Izin.MELIHAT
    izin_kirim = Izin.MEMVERIFIKASI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        antrean = antrean_verifikasi(pengguna=user)
        ctx.update(
            realisasi_diajukan=antrean.realisasi_diajukan,
            realisasi_dikembalikan=antrean.realisasi_dikembalikan,
            perjanjian_diajukan=antrean.perjanjian_diajukan,
            bisa_memutuskan=akses.adalah_bappeda(user),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        user = request.user
        aksi, jenis = request.POST.get("aksi"), request.POST.get("jenis")
        komentar = request.POST.get("komentar", "")
        try:
            if jenis == "realisasi":
                p = get_object_or_404(
                    pelaporan_terlihat(pengguna=user), pk=request.POST.get("id") or 0
                )
                label = f"Realisasi {p.get_periode_display()} {p.tahun} {p.kecamatan.nama}"
                args = {"kecamatan": p.kecamatan, "tahun": p.tahun, "periode": p.periode}
                if aksi == "verifikasi":
                    realisasi_verifikasi(**args, oleh=user, komentar=komentar)
                    messages.success(request, f"{label} diverifikasi; nilainya kini terkunci.")
                elif aksi == "kembalikan":
                    realisasi_kembalikan(**args, oleh=user, komentar=komentar)
                    messages.success(request, f"{label} dikembalikan dengan catatan.")
                else:
                    messages.error(request, "Tindakan tidak dikenal.")
            elif jenis == "pk":
                perjanjian = get_object_or_404(
                    perjanjian_terlihat(pengguna=user), pk=request.POST.get("id") or 0
                )
                if aksi == "kembalikan":
                    perjanjian_kembalikan_bappeda(
                        perjanjian=perjanjian, komentar=komentar, oleh=user
                    )
                    messages.success(
                        request,
                        f"{perjanjian.get_jenis_display()} {perjanjian.tahun} "
                        f"{perjanjian.kecamatan.nama} dikembalikan "
                        "ke draft dengan catatan.",
                    )
                else:
                    messages.error(request, "Tindakan tidak dikenal.")
            else:
                messages.error(request, "Tindakan tidak dikenal.")
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
        return redirect(reverse("perjanjian:verifikasi"))
