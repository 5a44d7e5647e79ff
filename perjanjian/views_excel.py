"""Excel of a year's realisasi and budget: download, empty template, import with preview."""

from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian import excel
from perjanjian.models import Periode
from sakip.berkas import respons_berkas
from sakip.excel import AlurImpor


class _Unduh(KecamatanMixin, View):
    templat = False
    penyaji = None

    def get(self, request, *args, **kwargs):
        penyaji = type(self).penyaji
        return respons_berkas(
            penyaji(kecamatan=self.kecamatan, tahun=self.tahun, templat=self.templat)
        )


class RealisasiUnduh(_Unduh):
    penyaji = excel.render_realisasi


class RealisasiTemplat(RealisasiUnduh):
    templat = True


class AnggaranUnduh(_Unduh):
    penyaji = excel.render_anggaran


class AnggaranTemplat(AnggaranUnduh):
    templat = True


class RealisasiImpor(AlurImpor, KecamatanMixin, TemplateView):
    judul_impor = "Impor realisasi dari Excel"
    keterangan_impor = (
        "Satu baris per indikator Perjanjian Kinerja (kode indikator dari templat), kolom TW I "
        "sampai TW IV dan Tahunan; untuk tahun sebelum periode Renstra, satu baris per "
        "indikator Renstra dengan realisasi Tahunan sebagai riwayat. Sel kosong tidak mengubah "
        "nilai yang tersimpan; periode yang sudah diajukan atau diverifikasi tidak dapat diubah."
    )

    def kunci_sesi(self) -> str:
        return f"impor-realisasi-{self.kecamatan.pk}-{self.tahun}"

    def pratinjau(self, data):
        return excel.pratinjau_realisasi(kecamatan=self.kecamatan, tahun=self.tahun, data=data)

    def terapkan(self, pratinjau) -> int:
        # Back to the first period that changed, where the new values show.
        self.periode_kembali = next((p for p in Periode if p in pratinjau.rencana), None)
        return excel.terapkan_realisasi(
            kecamatan=self.kecamatan, tahun=self.tahun, pratinjau=pratinjau, oleh=self.request.user
        )

    def url_kembali(self) -> str:
        periode = getattr(self, "periode_kembali", None) or Periode.TAHUNAN
        return reverse("perjanjian:realisasi", args=[self.kecamatan.slug, self.tahun, periode])

    def url_templat(self) -> str:
        return reverse("perjanjian:realisasi-templat", args=[self.kecamatan.slug, self.tahun])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["subjudul"] = f"Realisasi {self.tahun} · Kecamatan {self.kecamatan.nama}"
        return ctx


class AnggaranImpor(AlurImpor, KecamatanMixin, TemplateView):
    judul_impor = "Impor anggaran dari Excel"
    keterangan_impor = (
        "Tata letak DPA: satu baris per program, kegiatan dan sub kegiatan (kode dari templat). "
        "Pagu dan realisasi dibaca dari baris sub kegiatan; jumlah program dan kegiatan "
        "dihitung aplikasi. Sel kosong tidak mengubah nilai yang tersimpan."
    )

    def kunci_sesi(self) -> str:
        return f"impor-anggaran-{self.kecamatan.pk}-{self.tahun}"

    def pratinjau(self, data):
        return excel.pratinjau_anggaran(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            data=data,
        )

    def terapkan(self, pratinjau) -> int:
        return excel.terapkan_anggaran(
            kecamatan=self.kecamatan, tahun=self.tahun, pratinjau=pratinjau, oleh=self.request.user
        )

    def url_kembali(self) -> str:
        return reverse("perjanjian:anggaran", args=[self.kecamatan.slug, self.tahun])

    def url_templat(self) -> str:
        return reverse("perjanjian:anggaran-templat", args=[self.kecamatan.slug, self.tahun])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["subjudul"] = f"Program dan anggaran {self.tahun} · Kecamatan {self.kecamatan.nama}"
        return ctx
