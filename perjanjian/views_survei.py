"""Pages of the Survei Kepuasan Masyarakat: upload and list per year, one survey's result
(chart, table, take as IKM realisasi), and the template file."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian.models import PelaporanRealisasi, Periode, SurveiKepuasan
from perjanjian.selectors.halaman import daftar_survei
from perjanjian.services.realisasi import grid_realisasi
from perjanjian.survei import (
    JUDUL_TEMPLAT,
    baca_survei,
    di_luar_periode,
    grafik_unsur,
    laporan_survei,
    render_templat,
    survei_pakai,
    survei_simpan,
)
from sakip.akses import Izin
from sakip.berkas import respons_berkas
from sakip.format_id import format_angka
from sakip.isian import BerkasInput
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat
from sakip.unggah import UnggahanDitolak, periksa_ukuran

Status = PelaporanRealisasi.Status


class UnggahSurveiForm(forms.Form):
    periode = forms.ChoiceField(label="Periode", choices=Periode.choices)
    berkas = forms.FileField(
        label="Berkas jawaban survei",
        allow_empty_file=True,  # said by the reader, with the other file problems
        help_text="Excel .xlsx atau CSV; satu baris per responden, kolom U1–U9 bernilai 1–4.",
        widget=BerkasInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            periksa_ukuran(berkas.size)
        except UnggahanDitolak as e:
            raise forms.ValidationError(str(e)) from e
        return berkas


class SurveiDaftar(KecamatanMixin, TemplateView):
    """The surveys of a year and the upload form. A file with any problem stores nothing and
    the page lists the problems per row."""

    template_name = "perjanjian/survei/daftar.html"
    izin_kirim = Izin.MENGISI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            daftar=daftar_survei(kecamatan=self.kecamatan, tahun=self.tahun),
            form=kwargs.get("form") or UnggahSurveiForm(initial={"periode": Periode.TAHUNAN}),
            judul_templat=JUDUL_TEMPLAT,
        )
        return ctx

    def post(self, request, *args, **kwargs):
        form = UnggahSurveiForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        berkas = form.cleaned_data["berkas"]
        baca = baca_survei(berkas.read(), berkas.name)
        if not baca.sah:
            return self.render_to_response(self.get_context_data(form=form, baca=baca))
        periode = form.cleaned_data["periode"]
        try:
            survei = survei_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                periode=periode,
                baca=baca,
                oleh=request.user,
            )
        except TransisiDitolak as e:
            return self.render_to_response(self.get_context_data(form=form, galat=str(e)))
        messages.success(
            request,
            f"Survei {berkas.name} diolah: {survei.jumlah_responden} responden, "
            f"IKM {format_angka(survei.nilai_ikm)}.",
        )
        if baca.tidak_lengkap:
            messages.info(
                request,
                f"{baca.tidak_lengkap} dari {survei.jumlah_responden} responden tidak menjawab "
                "semua unsur; mereka tetap dihitung dan NRR tiap unsur dihitung dari jawaban yang "
                "ada.",
            )
        if baca.baris_tanpa_jawaban:
            nomor = ", ".join(str(n) for n in baca.baris_tanpa_jawaban[:20])
            messages.warning(
                request,
                f"{len(baca.baris_tanpa_jawaban)} baris tanpa satu jawaban pun tidak dihitung "
                f"sebagai responden (baris {nomor}).",
            )
        if baca.kolom_diabaikan:
            messages.info(
                request, "Kolom yang tidak dipakai: " + ", ".join(baca.kolom_diabaikan) + "."
            )
        luar = di_luar_periode(baca.tanggal, self.tahun, periode)
        if luar:
            messages.warning(
                request,
                f"{luar} responden bertanggal di luar {Periode(periode).label} {self.tahun}; "
                "periksa apakah periodenya benar.",
            )
        return redirect(reverse("perjanjian:survei-detail", args=[self.kecamatan.slug, survei.pk]))


class SurveiDetail(KecamatanMixin, TemplateView):
    """One survey: IKM and category, the unsur weakest first, and taking it as realisasi."""

    template_name = "perjanjian/survei/detail.html"
    model = SurveiKepuasan

    def get_survei(self) -> SurveiKepuasan:
        survei = self.objek(
            SurveiKepuasan,
            relasi=("kecamatan__kabupaten", "diunggah_oleh", "dipakai_oleh"),
            pk=self.kwargs["pk"],
        )
        self.tahun = survei.tahun
        return survei

    def get_context_data(self, **kwargs):
        survei = self.get_survei()
        ctx = super().get_context_data(**kwargs)
        lap = laporan_survei(survei)
        grid = grid_realisasi(kecamatan=self.kecamatan, tahun=survei.tahun, periode=survei.periode)
        terbuka = grid.status in (Status.DRAFT, Status.DIKEMBALIKAN)
        ctx.update(
            survei=survei,
            lap=lap,
            grafik=grafik_unsur(lap.unsur, kunci=f"survei-{survei.pk}"),
            status_periode=grid.status,
            status_label=grid.status_label,
            sidik=grid.sidik,
            bisa_pakai=self.bisa_mengisi and terbuka,
            url_realisasi=reverse(
                "perjanjian:realisasi",
                args=[self.kecamatan.slug, survei.tahun, survei.periode],
            ),
            riwayat=riwayat(
                (survei.riwayat.select_related("history_user"), lambda c: "Survei kepuasan")
            ),
        )
        return ctx


class SurveiPakai(SurveiDetail):
    """POST: the survey's IKM becomes the IKM realisasi of its period."""

    izin_kirim = Izin.MENGISI

    def get(self, request, *args, **kwargs):
        # Resolved first, so another kecamatan's survey is a 404 here too.
        survei = self.get_survei()
        return redirect(reverse("perjanjian:survei-detail", args=[self.kecamatan.slug, survei.pk]))

    def post(self, request, *args, **kwargs):
        survei = self.get_survei()
        try:
            hasil = survei_pakai(survei=survei, sidik=request.POST.get("sidik"), oleh=request.user)
        except (DataTerkunci, DataBasi, TransisiDitolak) as e:
            return self.render_to_response(self.get_context_data(galat=str(e)), status=409)
        label = f"{survei.get_periode_display()} {survei.tahun}"
        if hasil.jumlah:
            messages.success(
                request,
                f"IKM {format_angka(survei.nilai_ikm)} disimpan sebagai realisasi Indeks Kepuasan "
                f"Masyarakat {label}.",
            )
        else:
            messages.info(
                request, f"Realisasi IKM {label} sudah bernilai sama; tidak ada yang diubah."
            )
        for nama in hasil.tanpa_target:
            messages.warning(
                request,
                f"Realisasi {nama} disimpan, tetapi indikator ini tidak punya target dalam "
                f"Perjanjian Kinerja {survei.tahun}; capaiannya tidak dapat dihitung.",
            )
        return redirect(reverse("perjanjian:survei-detail", args=[self.kecamatan.slug, survei.pk]))


class SurveiTemplat(KecamatanMixin, View):
    """The empty survey sheet to fill."""

    def get(self, request, *args, **kwargs):
        return respons_berkas(render_templat())
