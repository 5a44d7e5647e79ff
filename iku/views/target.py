"""The target grid of a Renstra: indicators × (baseline, each year, end target), edited like a
spreadsheet and saved all at once or not at all."""

from django.contrib import messages
from django.shortcuts import redirect

from iku import services
from iku.forms import TargetGridForm
from iku.models import Indikator, Renstra, TargetIndikator
from iku.selectors import pohon, rata, semua_indikator, target_indikator
from sakip.akses import Izin
from sakip.penguncian import DataBasi, TransisiDitolak
from sakip.riwayat import riwayat

from .dasar import HalamanIku


class TargetRenstraUbah(HalamanIku):
    template_name = "iku/target/ubah.html"
    model = Renstra
    izin_kirim = Izin.MENGISI

    def muat(self):
        tujuan = pohon(renstra=self.obj, lengkap=False)
        self.simpul = rata(tujuan)
        self.indikator = semua_indikator(tujuan)
        self.target = target_indikator(indikator_ids=[i.id for i in self.indikator])

    def form_baru(self, data=None):
        return TargetGridForm(
            data,
            indikator=self.indikator,
            tahun=list(self.obj.tahun),
            target=self.target,
            initial={"sidik": services.sidik_target(self.indikator, self.target)},
        )

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if form is None:
            self.muat()
            form = self.form_baru()
        baris = []
        for s in self.simpul:
            baris.append({"simpul": s})
            for ind in s.indikator:
                baseline, tahunan, akhir = form.sel(ind)
                baris.append(
                    {"indikator": ind, "baseline": baseline, "tahunan": tahunan, "akhir": akhir}
                )
        ids = [i.id for i in self.indikator]
        nama = {i.id: i.nama for i in self.indikator}
        ctx.update(
            renstra=self.obj,
            form=form,
            baris=baris,
            tahun_kolom=list(self.obj.tahun),
            boleh_simpan=self.bisa_mengisi,
            riwayat=riwayat(
                (
                    TargetIndikator.riwayat.filter(indikator_id__in=ids),
                    lambda c: f"Target {c.tahun} · {nama.get(c.indikator_id, '')}",
                ),
                (
                    Indikator.riwayat.filter(id__in=ids),
                    lambda c: f"Kondisi awal / target akhir · {c.nama}",
                ),
            ),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        self.muat()
        form = self.form_baru(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                form.pesan_tidak_lengkap
                or f"{form.jumlah_galat} sel belum benar (ditandai merah). Tidak ada yang "
                "disimpan; perbaiki sel tersebut lalu simpan lagi.",
            )
            return self.render_to_response(self.get_context_data(form=form))
        try:
            jumlah = services.target_simpan(
                renstra=self.obj,
                isian=form.isian(),
                sidik=form.cleaned_data["sidik"],
                oleh=request.user,
            )
        except (DataBasi, TransisiDitolak) as e:
            self.tolak(e)
            return self.render_to_response(self.get_context_data(form=form))
        if jumlah:
            messages.success(request, f"Tabel target disimpan: {jumlah} sel berubah.")
        else:
            messages.info(request, "Tidak ada sel yang berubah.")
        return redirect("iku:renstra-target", self.kecamatan.slug, self.obj.pk)
