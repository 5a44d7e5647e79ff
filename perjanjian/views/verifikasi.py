"""Bappeda's verification queue: what awaits it across every kecamatan of the kabupaten
(realisasi of a period diajukan, Perjanjian Kinerja diajukan), decided from one page through
the same services as the kecamatan's own pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from kecamatan.halaman import IzinMixin, id_sah
from perjanjian.selectors.halaman import (
    antrean_verifikasi,
    pelaporan_terlihat,
    perjanjian_terlihat,
)
from perjanjian.services.perjanjian import perjanjian_kembalikan_bappeda
from perjanjian.services.realisasi import (
    grid_realisasi,
    realisasi_kembalikan,
    realisasi_verifikasi,
)
from perjanjian.views.realisasi import ringkasan_periode
from sakip import akses
from sakip.akses import Izin
from sakip.konfirmasi import Ringkasan, dikonfirmasi, halaman_konfirmasi
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
                    pelaporan_terlihat(pengguna=user), pk=id_sah(request.POST.get("id", ""))
                )
                label = f"Realisasi {p.get_periode_display()} {p.tahun} {p.kecamatan.nama}"
                args = {"kecamatan": p.kecamatan, "tahun": p.tahun, "periode": p.periode}
                if aksi in ("verifikasi", "kembalikan") and not dikonfirmasi(request.POST):
                    if aksi == "kembalikan" and not komentar.strip():
                        raise TransisiDitolak(
                            "Tuliskan alasan pengembalian agar kecamatan tahu yang harus "
                            "diperbaiki."
                        )
                    # Decided only after seeing the values: the confirmation shows them.
                    url_data = reverse(
                        "perjanjian:realisasi", args=[p.kecamatan.slug, p.tahun, p.periode]
                    )
                    return halaman_konfirmasi(
                        request,
                        ringkasan_periode(
                            grid=grid_realisasi(**args),
                            aksi=aksi,
                            url_batal=reverse("perjanjian:verifikasi"),
                            url_data=url_data,
                        ),
                    )
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
                    perjanjian_terlihat(pengguna=user), pk=id_sah(request.POST.get("id", ""))
                )
                if aksi == "kembalikan" and not dikonfirmasi(request.POST):
                    if not komentar.strip():
                        raise TransisiDitolak(
                            "Tuliskan alasan pengembalian agar kecamatan tahu yang harus "
                            "diperbaiki."
                        )
                    nama = f"{perjanjian.get_jenis_display()} {perjanjian.tahun}"
                    url_pk = reverse(
                        "perjanjian:perjanjian-detail",
                        args=[perjanjian.kecamatan.slug, perjanjian.id],
                    )
                    return halaman_konfirmasi(
                        request,
                        Ringkasan(
                            judul=f"Kembalikan {nama} {perjanjian.kecamatan.nama} ke draf?",
                            tombol="Ya, kembalikan ke draf",
                            url_batal=reverse("perjanjian:verifikasi"),
                            dikunci=[
                                "Tidak ada yang dikunci: kecamatan memperbaikinya lalu "
                                "mengajukan lagi."
                            ],
                            data=[("Catatan untuk kecamatan", komentar.strip())],
                            tautan_data=url_pk,
                        ),
                    )
                if aksi == "kembalikan":
                    perjanjian_kembalikan_bappeda(
                        perjanjian=perjanjian, komentar=komentar, oleh=user
                    )
                    messages.success(
                        request,
                        f"{perjanjian.get_jenis_display()} {perjanjian.tahun} "
                        f"{perjanjian.kecamatan.nama} dikembalikan "
                        "ke draf dengan catatan.",
                    )
                else:
                    messages.error(request, "Tindakan tidak dikenal.")
            else:
                messages.error(request, "Tindakan tidak dikenal.")
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
        return redirect(reverse("perjanjian:verifikasi"))
