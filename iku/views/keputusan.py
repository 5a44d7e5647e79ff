"""The IKU decrees of a kecamatan: list, create (prefilled with the usual texts), view and
edit a draft, choose its lampiran, tetapkan (camat only), delete a draft."""

import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from iku import services
from iku.forms import DiktumFormSet, KeputusanForm, LampiranForm
from iku.models import Diktum, KeputusanIKU, Renstra
from iku.selectors import (
    diktum_keputusan,
    isi_keputusan,
    keputusan_per_renstra,
    lampiran_keputusan,
)
from iku.teks_bawaan import tata_letak_untuk, teks_keputusan
from kecamatan.halaman import tahun_berjalan
from kecamatan.selectors import Dokumen, bawaan_dokumen
from sakip.akses import Izin
from sakip.konfirmasi import (
    Kekurangan,
    Ringkasan,
    dikonfirmasi,
    halaman_konfirmasi,
    isian_berubah,
    pesan_belum_disimpan,
)
from sakip.konkurensi import PESAN_BASI
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

from .dasar import AksiPost, HalamanIku

LABEL_DIKTUM = dict(enumerate(Diktum.LABEL, start=1))


class KeputusanDaftar(HalamanIku):
    template_name = "iku/keputusan/daftar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["renstra_list"] = keputusan_per_renstra(kecamatan=self.kecamatan)
        return ctx


class KeputusanTambah(HalamanIku):
    template_name = "iku/keputusan/tambah.html"
    model_kwargs = {"renstra": Renstra}
    izin = Izin.MENGISI

    def tata_letak(self) -> str:
        diminta = self.request.GET.get("tata_letak")
        if diminta in KeputusanIKU.TataLetak.values:
            return diminta
        jenis = services.indikator_renstra(self.renstra).values_list("jenis", flat=True)
        return tata_letak_untuk(list(jenis))

    def awal(self):
        teks = teks_keputusan(
            kecamatan=self.kecamatan.nama,
            kabupaten=self.kecamatan.kabupaten.nama,
            tata_letak=self.tata_letak(),
        )
        # A date in the Renstra's own years, the camat in office then, the kecamatan's place.
        bawaan = bawaan_dokumen(
            kecamatan=self.kecamatan,
            dokumen=Dokumen.KEPUTUSAN,
            tahun=self.renstra.tahun_awal,
            sampai=self.renstra.tahun_akhir,
            tempat_lazim=teks.tempat,
        )
        camat = bawaan.camat
        isi = {
            "tentang": teks.tentang,
            "tempat": bawaan.tempat,
            "tanggal": bawaan.tanggal,
            "tata_letak": teks.tata_letak,
            "menimbang": "\n".join(teks.menimbang),
            "mengingat": "\n".join(teks.mengingat),
            "tembusan": "\n".join(teks.tembusan),
            "penandatangan_nama": camat.nama,
            "penandatangan_jabatan": camat.jabatan,
            "penandatangan_pangkat": camat.pangkat,
            "penandatangan_nip": camat.nip,
        }
        return isi, [{"isi": d} for d in teks.diktum]

    def get_context_data(self, form=None, formset=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if form is None:
            isi, diktum = self.awal()
            form = KeputusanForm(kecamatan=self.kecamatan, initial=isi)
            formset = DiktumFormSet(prefix="diktum", initial=diktum)
        ctx.update(
            label_diktum=LABEL_DIKTUM,
            renstra=self.renstra,
            form=form,
            formset=formset,
            tata_letak_pilihan=KeputusanIKU.TataLetak.choices,
            tahun_sekarang=tahun_berjalan(),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        form = KeputusanForm(request.POST, kecamatan=self.kecamatan)
        formset = DiktumFormSet(request.POST, prefix="diktum")
        if form.is_valid() and formset.is_valid():
            try:
                keputusan = services.keputusan_buat(
                    kecamatan=self.kecamatan,
                    renstra=self.renstra,
                    data=form.data_keputusan(),
                    diktum=formset.isi(),
                    oleh=request.user,
                )
            except TransisiDitolak as e:
                self.tolak(e)
            else:
                messages.success(
                    request,
                    "Draf keputusan dibuat. Periksa indikator lampirannya, lalu camat "
                    "menetapkannya.",
                )
                return redirect("iku:keputusan-detail", self.kecamatan.slug, keputusan.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class KeputusanDetail(HalamanIku):
    template_name = "iku/keputusan/detail.html"
    model = KeputusanIKU
    izin_kirim = Izin.MENGISI

    relasi_objek = ("renstra", "kecamatan__kabupaten")

    @property
    def bisa_ubah(self) -> bool:
        return self.bisa_mengisi and self.obj.alasan_terkunci() is None

    def muat(self):
        self.diktum = diktum_keputusan(keputusan=self.obj)
        self.lampiran = lampiran_keputusan(keputusan=self.obj)
        self.indikator = services.urutan_pohon(self.obj.renstra)

    def form_isi(self, data=None):
        return KeputusanForm(
            data,
            instance=copy.copy(self.obj),  # the form writes into its instance; keep ours clean
            kecamatan=self.kecamatan,
            keputusan=self.obj,
            initial={"sidik": services.sidik_keputusan(self.obj, self.diktum)},
        )

    def formset(self, data=None):
        return DiktumFormSet(data, prefix="diktum", initial=[{"isi": d.isi} for d in self.diktum])

    def form_lampiran(self, data=None):
        return LampiranForm(
            data,
            keputusan=self.obj,
            indikator=self.indikator,
            baris=self.lampiran,
            initial={"sidik": services.sidik_lampiran(self.lampiran, self.indikator)},
        )

    def get_context_data(self, form=None, formset=None, form_lampiran=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if not hasattr(self, "diktum"):
            self.muat()
        ctx.update(
            keputusan=self.obj,
            # The naskah shows the lines the printed decree shows: one builder for both.
            isi=isi_keputusan(keputusan=self.obj),
            label_diktum=LABEL_DIKTUM,
            bisa_ubah=self.bisa_ubah,
            riwayat=riwayat(KeputusanIKU.riwayat.filter(id=self.obj.id)),
        )
        if self.bisa_ubah:
            ctx.update(
                form=form or self.form_isi(),
                formset=formset or self.formset(),
                form_lampiran=form_lampiran or self.form_lampiran(),
            )
        return ctx

    def post(self, request, *args, **kwargs):
        alasan = self.obj.alasan_terkunci()  # the model's reason, before reading the forms
        if alasan:
            self.tolak(DataTerkunci(alasan))
            return redirect("iku:keputusan-detail", self.kecamatan.slug, self.obj.pk)
        self.muat()
        if request.POST.get("bagian") == "lampiran":
            return self.simpan_lampiran(request)
        return self.simpan_isi(request)

    def simpan_isi(self, request):
        form, formset = self.form_isi(request.POST), self.formset(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                services.keputusan_ubah(
                    keputusan=self.obj,
                    data=form.data_keputusan(),
                    diktum=formset.isi(),
                    sidik=form.cleaned_data["sidik"],
                    oleh=request.user,
                )
            except (DataTerkunci, DataBasi, TransisiDitolak) as e:
                self.tolak(e)
            else:
                messages.success(request, "Isi keputusan disimpan.")
                return redirect("iku:keputusan-detail", self.kecamatan.slug, self.obj.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def simpan_lampiran(self, request):
        form = self.form_lampiran(request.POST)
        if form.is_valid():
            try:
                services.keputusan_atur_lampiran(
                    keputusan=self.obj,
                    pilihan=form.pilihan(),
                    sidik=form.cleaned_data["sidik"],
                    oleh=request.user,
                )
            except (DataTerkunci, DataBasi, TransisiDitolak) as e:
                self.tolak(e)
            else:
                messages.success(
                    request,
                    "Indikator lampiran disimpan; jenis setiap indikator (IKU / lainnya) "
                    "mengikuti lampirannya.",
                )
                url = reverse("iku:keputusan-detail", args=[self.kecamatan.slug, self.obj.pk])
                return redirect(f"{url}#lampiran")
        return self.render_to_response(self.get_context_data(form_lampiran=form))


class KeputusanTetapkan(KeputusanDetail):
    """Tetapkan, by the camat. The button sends the decree's texts with it: an edit not saved
    refuses the step (and stays in the form); then the confirmation; then the step."""

    http_method_names = ["get", "post"]
    izin_kirim = Izin.MENETAPKAN
    tindakan = services.TINDAKAN_TETAPKAN

    def kembali(self):
        return reverse("iku:keputusan-detail", args=[self.kecamatan.slug, self.obj.pk])

    def get(self, request, *args, **kwargs):
        return redirect(self.kembali())

    def post(self, request, *args, **kwargs):
        k, data = self.obj, request.POST
        if not k.alur.boleh(k.status, "tetapkan"):  # refused before any confirmation
            self.tolak(
                TransisiDitolak(
                    k.alur.pesan_tolak(dari=k.status, aksi="tetapkan", nama=k.nama_alur)
                )
            )
            return redirect(self.kembali())
        self.muat()
        if data.get("sidik") is not None and self.bisa_ubah:
            form, formset = self.form_isi(data), self.formset(data)
            berubah = isian_berubah(form, formset)
            pesan = pesan_belum_disimpan(berubah, "ditetapkan") if berubah else None
            if not pesan and data["sidik"] != services.sidik_keputusan(k, self.diktum):
                pesan = PESAN_BASI
            if pesan:
                messages.error(request, pesan)
                return self.render_to_response(self.get_context_data(form=form, formset=formset))
        if not dikonfirmasi(data):
            url = self.kembali()
            ringkasan = Ringkasan(
                judul=f"Tetapkan Keputusan Camat {self.kecamatan.nama} Nomor {k.nomor}?",
                tombol="Ya, tetapkan keputusan",
                url_batal=url,
                dikunci=[
                    f"Isi keputusan, {len(self.diktum)} diktum dan {len(self.lampiran)} "
                    "indikator lampirannya: tidak dapat diubah siapa pun setelah ditetapkan.",
                ],
                kekurangan=[
                    Kekurangan(f"{label.capitalize()} belum diisi.", url, menghalangi=True)
                    for label in services.kekurangan_keputusan(keputusan=k)
                ],
            )
            return halaman_konfirmasi(
                request, ringkasan, kecamatan=self.kecamatan, tahun=self.tahun
            )
        try:
            services.keputusan_tetapkan(keputusan=k, oleh=request.user)
        except (DataTerkunci, TransisiDitolak) as e:
            self.tolak(e)
        else:
            messages.success(request, "Keputusan ditetapkan. Isinya kini tidak dapat diubah.")
        return redirect(self.kembali())


class KeputusanHapus(AksiPost):
    model = KeputusanIKU

    def kembali(self):
        return reverse("iku:keputusan-detail", args=[self.kecamatan.slug, self.obj.pk])

    def post(self, request, *args, **kwargs):
        try:
            services.keputusan_hapus(keputusan=self.obj, oleh=request.user)
        except (DataTerkunci, TransisiDitolak) as e:
            self.tolak(e)
            return redirect(self.kembali())
        messages.success(request, f"Draf keputusan {self.obj.nomor} dihapus.")
        return redirect("iku:keputusan-daftar", self.kecamatan.slug)
