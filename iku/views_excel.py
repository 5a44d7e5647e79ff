"""Excel of the Renstra target table: download, empty template, import with preview."""

from django.urls import reverse
from django.views import View

from iku import excel
from iku.models import Renstra
from iku.views.dasar import HalamanIku, _ObjekUrl
from sakip.berkas import respons_berkas
from sakip.excel import AlurImpor


class _TargetExcel(_ObjekUrl, View):
    model = Renstra
    templat = False

    def get(self, request, *args, **kwargs):
        return respons_berkas(excel.render(renstra=self.obj, templat=self.templat))


class TargetUnduh(_TargetExcel):
    pass


class TargetTemplat(_TargetExcel):
    templat = True


class TargetImpor(AlurImpor, HalamanIku):
    model = Renstra
    judul_impor = "Impor target Renstra dari Excel"
    keterangan_impor = (
        "Satu baris per indikator (kode indikator dari templat), kolom kondisi awal, tiap tahun "
        "Renstra dan target akhir. Sel kosong tidak mengubah nilai yang tersimpan."
    )

    def kunci_sesi(self) -> str:
        return f"impor-target-{self.obj.pk}"

    def pratinjau(self, data):
        return excel.pratinjau(renstra=self.obj, data=data)

    def terapkan(self, pratinjau) -> int:
        return excel.terapkan(renstra=self.obj, pratinjau=pratinjau, oleh=self.request.user)

    def url_kembali(self) -> str:
        return reverse("iku:renstra-target", args=[self.kecamatan.slug, self.obj.pk])

    def url_templat(self) -> str:
        return reverse("iku:renstra-target-templat", args=[self.kecamatan.slug, self.obj.pk])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["subjudul"] = f"{self.obj.nama} · Kecamatan {self.kecamatan.nama}"
        return ctx
