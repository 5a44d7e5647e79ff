"""Copy last year's budget tree to a new year: a preview, then one action."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian.selectors.anggaran import kunci_anggaran
from perjanjian.selectors.salinan import salinan_anggaran
from perjanjian.services.anggaran import anggaran_salin
from sakip.akses import Izin
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak


class AnggaranSalin(KecamatanMixin, TemplateView):
    """The previous year's programs, kegiatan and sub kegiatan as they would be created in this
    year (with their sasaran links and kinds, without realisasi; pagu empty or copied, as
    chosen), then the copy itself."""

    template_name = "perjanjian/anggaran/salin.html"
    izin = Izin.MENGISI

    def _salin_pagu(self, data) -> bool:
        return data.get("pagu") == "salin"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        salin_pagu = self._salin_pagu(self.request.GET)
        ctx["salinan"] = salinan_anggaran(
            kecamatan=self.kecamatan, ke_tahun=self.tahun, salin_pagu=salin_pagu
        )
        # A copied pagu would change what an approved PK of the year promised (the model's
        # guard refuses it at the copy): said before, beside the choice.
        ctx["kunci_pagu"] = kunci_anggaran(kecamatan_id=self.kecamatan.id, tahun=self.tahun).get(
            "pagu_awal"
        )
        return ctx

    def post(self, request, *args, **kwargs):
        salin_pagu = self._salin_pagu(request.POST)
        try:
            jumlah = anggaran_salin(
                kecamatan=self.kecamatan,
                ke_tahun=self.tahun,
                salin_pagu=salin_pagu,
                sidik=request.POST.get("sidik"),
                oleh=request.user,
            )
        except (DataBasi, DataTerkunci, TransisiDitolak) as e:
            messages.error(request, f"Tidak ada yang disalin. {e}")
            return redirect(f"{request.path}?pagu={'salin' if salin_pagu else 'kosong'}")
        messages.success(
            request, f"{jumlah} program, kegiatan dan sub kegiatan {self.tahun - 1} disalin."
        )
        return redirect("perjanjian:anggaran", self.kecamatan.slug, self.tahun)
