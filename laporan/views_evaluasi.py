"""Pages of the Inspektorat: the LHE AKIP of all kecamatan of a year, one LHE (scores,
recommendations; the kecamatan answers with its tindak lanjut), and the reviu of an LKIP."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from kecamatan.halaman import IzinMixin, KecamatanMixin, tahun_berjalan, tahun_diminta
from kecamatan.selectors import kecamatan_terlihat
from sakip import akses
from sakip.akses import Izin
from sakip.penguncian import DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

from .evaluasi import (
    TINDAKAN_REVIU,
    RekomendasiTerjawab,
    lhe_simpan,
    lkip_reviu,
    ringkasan_akip,
    tindak_lanjut_simpan,
)
from .forms_evaluasi import (
    LHEForm,
    RekomendasiFormSet,
    ReviuForm,
    awal_lhe,
    awal_rekomendasi,
)
from .models import EvaluasiAKIP, RekomendasiLHE, SkorAKIP
from .selectors import (
    evaluasi_kabupaten,
    laporan_tahun,
    lhe_tahun,
    nilai_sakip,
    pekerjaan_inspektorat,
)


class EvaluasiDaftar(IzinMixin, TemplateView):
    """Every kecamatan of the kabupaten for a year: its LHE (Nilai, predikat) and whether its
    LKIP was reviewed. Kabupaten roles only."""

    template_name = "laporan/evaluasi/daftar.html"
    izin = Izin.MELIHAT  # kabupaten-wide: the kabupaten roles

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun = tahun_diminta(self.request, lambda: tahun_berjalan() - 1)
        kecamatan = kecamatan_terlihat(pengguna=self.request.user).order_by("nama")
        baris = evaluasi_kabupaten(kecamatan=kecamatan, tahun=tahun)
        bisa_mengevaluasi = akses.adalah_inspektorat(self.request.user)
        # The Inspektorat lands here: its work of the year first (None: not its page to act on).
        pekerjaan = pekerjaan_inspektorat(baris=baris, tahun=tahun) if bisa_mengevaluasi else None
        ctx.update(
            tahun=tahun,
            tahun_sebelum=tahun - 1,
            tahun_sesudah=tahun + 1,
            baris=baris,
            bisa_mengevaluasi=bisa_mengevaluasi,
            pekerjaan=pekerjaan,
        )
        return ctx


class EvaluasiUbah(KecamatanMixin, TemplateView):
    """The LHE of a kecamatan and year: the Inspektorat enters it, the kecamatan answers
    each recommendation, everyone who sees the kecamatan reads it."""

    template_name = "laporan/evaluasi/ubah.html"
    # The Inspektorat records the LHE; the kecamatan answers its recommendations.
    izin_kirim = Izin.MENGEVALUASI
    izin_aksi = {"tindak-lanjut": Izin.MENGISI}

    @cached_property
    def lhe(self) -> EvaluasiAKIP | None:
        return lhe_tahun(kecamatan=self.kecamatan, tahun=self.tahun)

    @property
    def bisa_mengevaluasi(self) -> bool:
        return akses.boleh_mengevaluasi(self.request.user, self.kecamatan)

    @property
    def url_halaman(self) -> str:
        return reverse("laporan:evaluasi", args=[self.kecamatan.slug, self.tahun])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        lhe = self.lhe
        if self.bisa_mengevaluasi and "form" not in kwargs:
            awal = awal_lhe(lhe) or {
                "judul": f"LHE SAKIP Kecamatan {self.kecamatan.nama} Tahun {self.tahun}"
            }
            kwargs["form"] = LHEForm(initial=awal)
            kwargs["formset"] = RekomendasiFormSet(prefix="rek", initial=awal_rekomendasi(lhe))
        lap = laporan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)
        alasan_terkunci = RekomendasiLHE.alasan_tahun(self.kecamatan.id, self.tahun)
        rekomendasi = sorted(lhe.rekomendasi.all(), key=lambda r: r.urutan) if lhe else []
        nilai = nilai_sakip(kecamatan=self.kecamatan, tahun=self.tahun)
        ctx.update(
            lhe=lhe,
            ringkasan=ringkasan_akip(lhe, skala=nilai.skala),
            nilai_sakip=nilai,
            rekomendasi=rekomendasi,
            form=kwargs.get("form"),
            formset=kwargs.get("formset"),
            # What each stored recommendation was answered with, beside its row of the form.
            tersimpan={r.id: r for r in rekomendasi},
            terjawab_dihapus={r.id for r in kwargs.get("terjawab_dihapus", ())},
            bisa_mengevaluasi=self.bisa_mengevaluasi,
            bisa_menjawab=self.bisa_mengisi and lhe is not None and not alasan_terkunci,
            alasan_terkunci=alasan_terkunci,
            laporan=lap,
            tahun_sebelum=self.tahun - 1,
            tahun_sesudah=self.tahun + 1,
            riwayat=riwayat(
                (EvaluasiAKIP.riwayat.filter(id=lhe.id), lambda c: c.judul),
                (
                    SkorAKIP.riwayat.filter(evaluasi_id=lhe.id),
                    lambda c: f"Skor {c.get_komponen_display()} / {c.get_sub_komponen_display()}",
                ),
                (
                    RekomendasiLHE.riwayat.filter(evaluasi_id=lhe.id),
                    lambda c: f"Rekomendasi nomor {c.urutan}",
                ),
            )
            if lhe
            else [],
        )
        return ctx

    def post(self, request, *args, **kwargs):
        if request.POST.get("aksi") == "tindak-lanjut":
            return self._tindak_lanjut()
        form = LHEForm(request.POST)
        formset = RekomendasiFormSet(request.POST, prefix="rek")
        if not (form.is_valid() & formset.is_valid()):
            return self._gagal(
                form, formset, "Tidak ada yang disimpan: perbaiki isian yang ditandai."
            )
        try:
            lhe_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                data=form.data_lhe(formset.baris()),
                oleh=request.user,
            )
        except RekomendasiTerjawab as e:
            return self._gagal(form, formset, str(e), terjawab_dihapus=e.baris)
        except (ValueError, TransisiDitolak, DataTerkunci) as e:
            return self._gagal(form, formset, str(e))
        messages.success(
            request,
            f"LHE {self.tahun} disimpan; Nilai SAKIP {self.tahun} kecamatan ini diambil dari LHE.",
        )
        return redirect(self.url_halaman)

    def _gagal(self, form, formset, pesan: str, **kwargs):
        self.__dict__.pop("lhe", None)
        return self.render_to_response(
            self.get_context_data(form=form, formset=formset, galat=pesan, **kwargs)
        )

    def _tindak_lanjut(self):
        if self.lhe is None:
            messages.error(self.request, f"LHE {self.tahun} belum dicatat Inspektorat.")
            return redirect(self.url_halaman)
        jawaban = {}
        for r in self.lhe.rekomendasi.all():
            kunci = f"tindak_lanjut_{r.id}"
            if kunci in self.request.POST:
                jawaban[r.id] = self.request.POST[kunci]
        try:
            jumlah = tindak_lanjut_simpan(
                evaluasi=self.lhe, jawaban=jawaban, oleh=self.request.user
            )
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(self.request, str(e))
        else:
            if jumlah:
                messages.success(self.request, f"Tindak lanjut disimpan ({jumlah} rekomendasi).")
            else:
                messages.info(self.request, "Tidak ada perubahan untuk disimpan.")
        return redirect(self.url_halaman)


class LaporanReviu(KecamatanMixin, TemplateView):
    """The Inspektorat marks the LKIP of the year reviewed, with its notes."""

    http_method_names = ["post"]
    izin_kirim = Izin.MENGEVALUASI
    tindakan = TINDAKAN_REVIU

    def post(self, request, *args, **kwargs):
        url = reverse("laporan:lkip", args=[self.kecamatan.slug, self.tahun])
        lap = laporan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)
        if lap is None:
            messages.error(request, f"LKIP {self.tahun} belum dimulai.")
            return redirect(url)
        form = ReviuForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Tuliskan catatan hasil reviu; LKIP belum ditandai direviu.")
            return redirect(url)
        try:
            lkip_reviu(laporan=lap, catatan=form.cleaned_data["catatan"], oleh=request.user)
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
        else:
            messages.success(request, f"LKIP {self.tahun} ditandai sudah direviu Inspektorat.")
        return redirect(url)
