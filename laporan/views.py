"""The LKIP page of a kecamatan and year: the texts people write, the LHE follow-up rows, and
the camat's approval. The tables of the report are computed elsewhere (and the PDF comes in a
later issue)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from sakip import akses
from sakip.akses import Izin
from sakip.konfirmasi import (
    Ringkasan,
    dikonfirmasi,
    halaman_konfirmasi,
    isian_berubah,
    pesan_belum_disimpan,
    pesan_tolak,
)
from sakip.konkurensi import PESAN_BASI, sidik
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

from .evaluasi import rekomendasi_lhe
from .forms import LaporanForm, TindakLanjutFormSet, awal_tindak_lanjut
from .forms_evaluasi import ReviuForm
from .grafik import grafik_tahunan
from .models import DokumenPDF, LaporanKinerja, TindakLanjutLHE
from .selectors import laporan_tahun, tindak_lanjut_laporan, versi_terakhir
from .services import (
    TINDAKAN_TETAPKAN,
    TindakLanjutTerhapus,
    kekurangan_lkip,
    laporan_mulai,
    laporan_simpan,
    laporan_tetapkan,
)


class LaporanMixin(KecamatanMixin):
    @cached_property
    def laporan(self) -> LaporanKinerja | None:
        return laporan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)

    @property
    def url_halaman(self) -> str:
        return reverse("laporan:lkip", args=[self.kecamatan.slug, self.tahun])


class LaporanUbah(LaporanMixin, TemplateView):
    template_name = "laporan/lkip/ubah.html"
    izin_kirim = Izin.MENGISI

    @cached_property
    def lhe(self):
        """(LHE of the year or None, its recommendations): Tabel 1.3 comes from it."""
        if self.laporan is None:
            return None, []
        return rekomendasi_lhe(kecamatan=self.kecamatan, tahun=self.tahun)

    @cached_property
    def tindak_lanjut(self) -> list[TindakLanjutLHE]:
        """Rows typed on this page: only for a year whose LHE is not recorded here."""
        if self.laporan is None or self.lhe[0] is not None:
            return []
        return tindak_lanjut_laporan(laporan=self.laporan)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        lap = self.laporan
        # What may happen next is the LKIP's transition table's answer (LaporanKinerja.alur).
        draft = lap is not None and lap.alur.boleh(lap.status, "tetapkan")
        dapat_diubah = self.bisa_mengisi and draft
        lhe, rekomendasi = self.lhe if lap else (None, [])
        if dapat_diubah and "form" not in kwargs:
            kwargs["form"] = LaporanForm(
                instance=lap, initial={"sidik": sidik([lap, *self.tindak_lanjut])}
            )
            if lhe is None:
                kwargs["formset"] = TindakLanjutFormSet(
                    prefix="tl", initial=awal_tindak_lanjut(self.tindak_lanjut)
                )
        bisa_mereviu = (
            lap is not None
            and lap.alur.boleh(lap.status, "reviu")
            and akses.boleh_mengevaluasi(self.request.user, self.kecamatan)
        )
        ctx.update(
            laporan=lap,
            lhe=lhe,
            rekomendasi_lhe=rekomendasi,
            bisa_mereviu=bisa_mereviu,
            form_reviu=ReviuForm(initial={"catatan": lap.reviu_catatan}) if bisa_mereviu else None,
            tindak_lanjut=self.tindak_lanjut,
            dapat_diubah=dapat_diubah,
            bisa_tetapkan=self.bisa_menetapkan and draft,
            form=kwargs.get("form"),
            formset=kwargs.get("formset"),
            terhapus_diminta={b.id for b in kwargs.get("terhapus_diminta", ())},
            kekurangan=kekurangan_lkip(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                laporan=lap,
                lhe_tercatat=lhe is not None,
            ),
            grafik_lkip=grafik_tahunan(kecamatan=self.kecamatan, tahun=self.tahun) if lap else [],
            riwayat=riwayat(
                (LaporanKinerja.riwayat.filter(id=lap.id), lambda c: f"LKIP {c.tahun}"),
                (
                    TindakLanjutLHE.riwayat.filter(laporan_id=lap.id),
                    lambda c: f"Tindak lanjut LHE nomor {c.urutan}",
                ),
            )
            if lap
            else [],
        )
        return ctx

    def post(self, request, *args, **kwargs):
        if self.laporan is None:
            messages.error(request, f"LKIP {self.tahun} belum dimulai.")
            return redirect(self.url_halaman)
        form = LaporanForm(request.POST, instance=self.laporan)
        # With the year's LHE recorded, Tabel 1.3 is answered on the LHE page, not here.
        formset = None if self.lhe[0] else TindakLanjutFormSet(request.POST, prefix="tl")
        if not (form.is_valid() & (formset is None or formset.is_valid())):
            return self._gagal(
                form, formset, "Tidak ada yang disimpan: perbaiki isian yang ditandai."
            )
        try:
            jumlah = laporan_simpan(
                laporan=self.laporan,
                data=form.data_laporan(),
                tindak_lanjut=None if formset is None else formset.baris(),
                sidik=form.cleaned_data.get("sidik"),
                oleh=request.user,
            )
        except TindakLanjutTerhapus as e:
            return self._gagal(form, formset, str(e), terhapus_diminta=e.baris)
        except (DataTerkunci, DataBasi, TransisiDitolak) as e:
            return self._gagal(form, formset, str(e))
        if jumlah:
            messages.success(request, f"LKIP {self.tahun} disimpan.")
        else:
            messages.info(request, "Tidak ada perubahan untuk disimpan.")
        return redirect(self.url_halaman)

    def _gagal(self, form, formset, pesan: str, **kwargs):
        # The ModelForm wrote the typed values into the instance while validating; read it anew.
        self.__dict__.pop("laporan", None)
        ctx = self.get_context_data(form=form, formset=formset, galat=pesan, **kwargs)
        return self.render_to_response(ctx)


class LaporanMulai(LaporanMixin, TemplateView):
    """ "Mulai LKIP {tahun}": create the year's LKIP."""

    http_method_names = ["post"]
    izin_kirim = Izin.MENGISI

    def post(self, request, *args, **kwargs):
        try:
            laporan_mulai(kecamatan=self.kecamatan, tahun=self.tahun, oleh=request.user)
        except TransisiDitolak as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                f"LKIP {self.tahun} dimulai; penanda tangan diisi dengan camat yang menjabat "
                "menurut daftar pejabat kecamatan.",
            )
        return redirect(self.url_halaman)


class LaporanTetapkan(LaporanUbah):
    """Draft → ditetapkan, by the camat of the kecamatan only. The button sends the page's
    form with it: a text edited but not saved refuses the step (and stays in the form); then
    the confirmation lists what will be locked and what is missing; then the step."""

    http_method_names = ["post"]
    izin_kirim = Izin.MENETAPKAN
    tindakan = TINDAKAN_TETAPKAN

    def post(self, request, *args, **kwargs):
        lap = self.laporan
        if lap is None:
            messages.error(request, f"LKIP {self.tahun} belum dimulai.")
            return redirect(self.url_halaman)
        if not lap.alur.boleh(lap.status, "tetapkan"):  # refused before any confirmation
            messages.error(
                request, lap.alur.pesan_tolak(dari=lap.status, aksi="tetapkan", nama=lap.nama_alur)
            )
            return redirect(self.url_halaman)
        data = request.POST
        if data.get("sidik") is not None:
            form = LaporanForm(data, instance=lap)
            formset = None if self.lhe[0] else TindakLanjutFormSet(data, prefix="tl")
            berubah = isian_berubah(form, formset)
            if berubah:
                return self._gagal(form, formset, pesan_belum_disimpan(berubah, "ditetapkan"))
            if data["sidik"] != sidik([lap, *self.tindak_lanjut]):
                return self._gagal(form, formset, PESAN_BASI)
        if not dikonfirmasi(data):
            kurang = kekurangan_lkip(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                laporan=lap,
                lhe_tercatat=self.lhe[0] is not None,
            )
            ringkasan = Ringkasan(
                judul=f"Tetapkan LKIP {self.tahun} {self.kecamatan.nama}?",
                tombol=f"Ya, tetapkan LKIP {self.tahun}",
                url_batal=self.url_halaman,
                dikunci=[
                    f"Semua teks LKIP {self.tahun}, tanda tangan dan tindak lanjut LHE.",
                    f"Narasi sasaran {self.tahun}.",
                    f"PDF versi {lap.versi.count() + 1} dicetak dan disimpan dengan SHA-256; "
                    "perubahan berikutnya hanya lewat versi baru.",
                ],
                kekurangan=kurang,
            )
            return halaman_konfirmasi(
                request, ringkasan, kecamatan=self.kecamatan, tahun=self.tahun
            )
        try:
            lap = laporan_tetapkan(laporan=lap, oleh=request.user)
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, pesan_tolak(e))
        else:
            messages.success(
                request,
                f"LKIP {self.tahun} ditetapkan; isinya kini terkunci dan hanya dapat dibaca.",
            )
            versi = versi_terakhir(laporan=lap)
            if versi.dokumen.status != DokumenPDF.Status.SELESAI:
                messages.info(
                    request,
                    f"PDF versi {versi.nomor} sedang dicetak di latar belakang; tautan unduh "
                    "dan SHA-256-nya muncul di bawah ketika selesai.",
                )
        return redirect(self.url_halaman)
