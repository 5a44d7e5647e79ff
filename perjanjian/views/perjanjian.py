"""Pages of the Perjanjian Kinerja: the PKs of a year, one PK with its workflow, and the PK
awal beside the PK Perubahan."""

import copy
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from iku.selectors import renstra_berlaku, target_renstra
from kecamatan.halaman import KecamatanMixin
from perjanjian.forms_perjanjian import (
    KembalikanForm,
    PerjanjianBuatForm,
    PerjanjianForm,
    PerjanjianPerubahanForm,
)
from perjanjian.models import IndikatorProgram, PerjanjianKinerja, TargetPerjanjian
from perjanjian.selectors.anggaran import Simpul, pohon_anggaran
from perjanjian.selectors.capaian import CapaianIndikator, capaian_kecamatan, nilai_indikator
from perjanjian.selectors.halaman import (
    TARGET_RELASI,
    jumlah_target,
    perjanjian_per_jenis,
    target_urut,
)
from perjanjian.selectors.peringatan import peringatan_target
from perjanjian.selectors.tahun import perjanjian_cari, target_perjanjian
from perjanjian.services.perjanjian import (
    jaga_draft,
    kekurangan_perjanjian,
    perjanjian_ajukan,
    perjanjian_buat,
    perjanjian_hapus,
    perjanjian_kembalikan,
    perjanjian_perubahan_buat,
    perjanjian_tetapkan,
    perjanjian_ubah,
    sidik_perjanjian,
)
from sakip import kinerja
from sakip.akses import Izin
from sakip.kinerja import Nilai
from sakip.konfirmasi import (
    Ringkasan,
    dikonfirmasi,
    halaman_konfirmasi,
    isian_berubah,
    pesan_belum_disimpan,
    pesan_tolak,
)
from sakip.konkurensi import PESAN_BASI
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

Jenis = PerjanjianKinerja.Jenis
# The steps of the PK's workflow that ask for a confirmation before they act.
LANGKAH = ("ajukan", "tetapkan", "kembalikan")


def tingkat_indikator(ind) -> tuple[str, str]:
    """("Sasaran 1.2", uraian) or ("Tujuan 1", uraian): what the indicator measures."""
    if ind.sasaran_id:
        return f"Sasaran {ind.sasaran.kode}", ind.sasaran.uraian
    return f"Tujuan {ind.tujuan.nomor}", ind.tujuan.uraian


# --- the PKs of a year ----------------------------------------------------------------------


class PerjanjianDaftar(KecamatanMixin, TemplateView):
    template_name = "perjanjian/perjanjian/daftar.html"
    izin_kirim = Izin.MENGISI

    def get_context_data(self, form_buat=None, form_perubahan=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        per_jenis = perjanjian_per_jenis(kecamatan=self.kecamatan, tahun=self.tahun)
        awal, perubahan = per_jenis.get(Jenis.AWAL), per_jenis.get(Jenis.PERUBAHAN)
        renstra = list(renstra_berlaku(kecamatan=self.kecamatan, tahun=self.tahun))
        if self.bisa_mengisi and awal is None and renstra and form_buat is None:
            form_buat = PerjanjianBuatForm(kecamatan=self.kecamatan, tahun=self.tahun)
        if self.bisa_mengisi and awal and perubahan is None and form_perubahan is None:
            form_perubahan = PerjanjianPerubahanForm(asal=awal, renstra=renstra)
        ctx.update(
            daftar=[p for p in (awal, perubahan) if p],
            awal=awal,
            perubahan=perubahan,
            renstra=renstra,
            form_buat=form_buat,
            form_perubahan=form_perubahan,
            tahun_sebelum=self.tahun - 1,
            tahun_sesudah=self.tahun + 1,
        )
        return ctx

    def post(self, request, *args, **kwargs):
        aksi = request.POST.get("aksi")
        try:
            if aksi == "buat":
                return self._buat()
            if aksi == "perubahan":
                return self._perubahan()
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
            return redirect(request.path)
        messages.error(request, "Tindakan tidak dikenal.")
        return redirect(request.path)

    def _selesai(self, perjanjian, tanpa_target):
        messages.success(
            self.request,
            f"{perjanjian.get_jenis_display()} {perjanjian.tahun} dibuat dengan "
            f"{jumlah_target(perjanjian=perjanjian)} target "
            "yang sudah diisi; periksa dan ubah bila perlu, lalu ajukan ke camat.",
        )
        if tanpa_target:
            messages.warning(
                self.request,
                f"Indikator tanpa target Renstra tahun {perjanjian.tahun} tidak dimasukkan: "
                + "; ".join(i.nama for i in tanpa_target)
                + ". Isi targetnya di Renstra, lalu buat ulang bila perlu.",
            )
        return redirect("perjanjian:perjanjian-detail", self.kecamatan.slug, perjanjian.id)

    def _buat(self):
        form = PerjanjianBuatForm(self.request.POST, kecamatan=self.kecamatan, tahun=self.tahun)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_buat=form))
        perjanjian, tanpa = perjanjian_buat(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            renstra=form.cleaned_data["renstra"],
            oleh=self.request.user,
        )
        return self._selesai(perjanjian, tanpa)

    def _perubahan(self):
        asal = perjanjian_per_jenis(kecamatan=self.kecamatan, tahun=self.tahun).get(Jenis.AWAL)
        if asal is None:
            raise TransisiDitolak(
                f"Buat Perjanjian Kinerja {self.tahun} terlebih dahulu; PK Perubahan mengubahnya."
            )
        renstra = renstra_berlaku(kecamatan=self.kecamatan, tahun=self.tahun)
        form = PerjanjianPerubahanForm(self.request.POST, asal=asal, renstra=renstra)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_perubahan=form))
        perjanjian, tanpa = perjanjian_perubahan_buat(
            asal=asal, renstra=form.renstra_terpilih(), oleh=self.request.user
        )
        return self._selesai(perjanjian, tanpa)


# --- one PK ---------------------------------------------------------------------------------


@dataclass
class BarisTarget:
    nomor: int
    target: TargetPerjanjian
    tingkat: str
    uraian: str
    nilai: Nilai | None
    renstra: Nilai | None
    peringatan: str | None
    capaian: CapaianIndikator | None = None  # realisasi, capaian and kriteria of the year
    field: object = None


@dataclass(frozen=True)
class BarisProgram:
    simpul: Simpul
    pagu: Decimal | None


class PerjanjianDetail(KecamatanMixin, TemplateView):
    template_name = "perjanjian/perjanjian/detail.html"
    model = PerjanjianKinerja  # what the URL's pk is (the scoping walk reads it)
    # Every action of the page is the kecamatan's; tetapkan and kembalikan are the camat's,
    # refused by their services with a message on the page (as any refused step is).
    izin_kirim = Izin.MENGISI

    def _muat(self):
        self.perjanjian = self.objek(
            PerjanjianKinerja, relasi=("renstra", "asal"), pk=self.kwargs["pk"]
        )
        self.perjanjian.kecamatan = self.kecamatan
        self.tahun = self.perjanjian.tahun
        self.target = target_urut(perjanjian=self.perjanjian)
        for t in self.target:
            t.perjanjian = self.perjanjian

    @property
    def bisa_mengubah(self) -> bool:
        return self.bisa_mengisi and self.perjanjian.alasan_tidak_dapat_diubah() is None

    def get(self, request, *args, **kwargs):
        self._muat()
        return super().get(request, *args, **kwargs)

    def _form_ubah(self, data=None):
        return PerjanjianForm(
            data,
            instance=copy.copy(self.perjanjian),
            target=self.target,
            sidik=sidik_perjanjian(self.perjanjian, self.target),
        )

    def get_context_data(self, form=None, form_kembalikan=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        perjanjian = self.perjanjian
        if form is None and self.bisa_mengubah:
            form = self._form_ubah()
        aksi = perjanjian.alur.tersedia(perjanjian.status)
        if form_kembalikan is None and self.bisa_menetapkan and aksi["kembalikan"]:
            form_kembalikan = KembalikanForm()
        renstra = target_renstra(
            indikator_ids=[t.indikator_id for t in self.target], tahun=perjanjian.tahun
        )
        # The same rows as the realisasi grid, the LKIP and the dashboard (one assembly).
        capaian = capaian_kecamatan(kecamatan=self.kecamatan, tahun=perjanjian.tahun).per_target()
        baris = []
        for nomor, t in enumerate(self.target, start=1):
            ind, r = t.indikator, renstra.get(t.indikator_id)
            tingkat, uraian = tingkat_indikator(ind)
            baris.append(
                BarisTarget(
                    nomor=nomor,
                    target=t,
                    tingkat=tingkat,
                    uraian=uraian,
                    nilai=nilai_indikator(ind, t.nilai, t.huruf),
                    renstra=nilai_indikator(ind, r.nilai, r.huruf) if r else None,
                    peringatan=peringatan_target(t, r),
                    capaian=capaian.get(t.id),
                    field=form.field_target(t) if form else None,
                )
            )
        pohon = pohon_anggaran(kecamatan_id=self.kecamatan.id, tahun=perjanjian.tahun)
        kolom = perjanjian.kolom_pagu
        perubahan = None
        if perjanjian.jenis == Jenis.AWAL:
            perubahan = perjanjian_cari(
                kecamatan=self.kecamatan, tahun=perjanjian.tahun, jenis=Jenis.PERUBAHAN
            )
        form_perubahan = None
        if (
            perjanjian.ditetapkan
            and perjanjian.jenis == Jenis.AWAL
            and perubahan is None
            and self.bisa_mengisi
        ):
            form_perubahan = PerjanjianPerubahanForm(
                asal=perjanjian,
                renstra=renstra_berlaku(kecamatan=self.kecamatan, tahun=perjanjian.tahun),
            )
        ctx.update(
            perjanjian=perjanjian,
            aksi=aksi,
            baris=baris,
            form=form,
            form_kembalikan=form_kembalikan,
            form_perubahan=form_perubahan,
            perubahan=perubahan,
            bisa_mengubah=self.bisa_mengubah,
            program=[BarisProgram(p, p.jumlah.pagu(kolom)) for p in pohon.program],
            total_pagu=pohon.total.pagu(kolom),
            label_pagu=perjanjian.label_pagu,
            ada_peringatan=any(b.peringatan for b in baris),
            riwayat=riwayat(
                PerjanjianKinerja.riwayat.filter(id=perjanjian.id),
                (
                    TargetPerjanjian.riwayat.filter(perjanjian_id=perjanjian.id).select_related(
                        "indikator"
                    ),
                    lambda c: f"Target {c.indikator.nama}",
                ),
                (
                    IndikatorProgram.riwayat.filter(perjanjian_id=perjanjian.id),
                    lambda c: f"Indikator program: {c.uraian}",
                ),
            ),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        self._muat()
        aksi = request.POST.get("aksi")
        tindakan = {
            "ubah": self._ubah,
            "ajukan": self._ajukan,
            "tetapkan": self._tetapkan,
            "kembalikan": self._kembalikan,
            "hapus": self._hapus,
        }.get(aksi)
        if tindakan is None:
            messages.error(request, "Tindakan tidak dikenal.")
            return redirect(request.path)
        try:
            if aksi in LANGKAH:
                jawaban = self._sebelum_langkah(aksi)
                if jawaban is not None:
                    return jawaban
            return tindakan()
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, pesan_tolak(e))
            return redirect(request.path)

    def _sebelum_langkah(self, aksi: str):
        """Before a workflow step: refused when the table does not allow it; refused while
        the page's form (sent with the Ajukan button) differs from the stored PK; otherwise
        the confirmation, until it is given."""
        pj, data = self.perjanjian, self.request.POST
        if not pj.alur.boleh(pj.status, aksi):
            raise TransisiDitolak(pj.alur.pesan_tolak(dari=pj.status, aksi=aksi, nama=pj.nama_alur))
        if aksi == "ajukan" and data.get("sidik") is not None and self.bisa_mengubah:
            form = self._form_ubah(data)
            berubah = isian_berubah(form)
            pesan = pesan_belum_disimpan(berubah, "diajukan") if berubah else None
            if not pesan and data["sidik"] != sidik_perjanjian(pj, self.target):
                pesan = PESAN_BASI
            if pesan:
                messages.error(self.request, pesan)
                return self.render_to_response(self.get_context_data(form=form))
        if aksi == "kembalikan":
            form_kembalikan = KembalikanForm(data)
            if not form_kembalikan.is_valid():
                return self.render_to_response(
                    self.get_context_data(form_kembalikan=form_kembalikan)
                )
        if dikonfirmasi(data):
            return None
        nama = f"{pj.get_jenis_display()} {pj.tahun} {self.kecamatan.nama}"
        target = f"Data perjanjian dan {len(self.target)} target"
        if aksi == "ajukan":
            ringkasan = Ringkasan(
                judul=f"Ajukan {nama} ke camat?",
                tombol="Ya, ajukan ke camat",
                url_batal=self.request.path,
                dikunci=[f"{target}: tidak dapat diubah selama diajukan."],
                kekurangan=kekurangan_perjanjian(perjanjian=pj),
            )
        elif aksi == "tetapkan":
            ringkasan = Ringkasan(
                judul=f"Tetapkan {nama}?",
                tombol="Ya, tetapkan",
                url_batal=self.request.path,
                dikunci=[
                    f"{target}: terkunci untuk seterusnya; perubahan hanya melalui PK Perubahan.",
                    f"{pj.label_pagu} {pj.tahun} yang dijanjikan.",
                ],
            )
        else:
            ringkasan = Ringkasan(
                judul=f"Kembalikan {nama} ke draf?",
                tombol="Ya, kembalikan ke draf",
                url_batal=self.request.path,
                dikunci=["Tidak ada yang dikunci: operator memperbaikinya lalu mengajukan lagi."],
                data=[("Catatan untuk operator", data.get("komentar", "").strip())],
            )
        return halaman_konfirmasi(self.request, ringkasan, kecamatan=self.kecamatan, tahun=pj.tahun)

    def _ubah(self):
        jaga_draft(self.perjanjian)
        form = self._form_ubah(self.request.POST)
        if not form.is_valid():
            messages.error(self.request, "Periksa isian yang ditandai; tidak ada yang disimpan.")
            return self.render_to_response(self.get_context_data(form=form))
        try:
            perjanjian_ubah(
                perjanjian=self.perjanjian,
                data=form.data_perjanjian(),
                target=form.nilai_target(),
                sidik=form.cleaned_data["sidik"],
                oleh=self.request.user,
            )
        except DataBasi as e:
            form.add_error(None, str(e))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, "Perjanjian Kinerja disimpan.")
        return redirect(self.request.path)

    def _ajukan(self):
        perjanjian_ajukan(perjanjian=self.perjanjian, oleh=self.request.user)
        messages.success(self.request, "Perjanjian Kinerja diajukan ke camat untuk ditetapkan.")
        return redirect(self.request.path)

    def _tetapkan(self):
        perjanjian_tetapkan(perjanjian=self.perjanjian, oleh=self.request.user)
        messages.success(
            self.request, "Perjanjian Kinerja ditetapkan; sejak ini tidak dapat diubah lagi."
        )
        return redirect(self.request.path)

    def _hapus(self):
        perjanjian = self.perjanjian
        perjanjian_hapus(perjanjian=perjanjian, oleh=self.request.user)
        messages.success(
            self.request, f"{perjanjian.get_jenis_display()} {perjanjian.tahun} (draf) dihapus."
        )
        return redirect("perjanjian:perjanjian-daftar", self.kecamatan.slug, perjanjian.tahun)

    def _kembalikan(self):
        form = KembalikanForm(self.request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_kembalikan=form))
        perjanjian_kembalikan(
            perjanjian=self.perjanjian,
            komentar=form.cleaned_data["komentar"],
            oleh=self.request.user,
        )
        messages.success(self.request, "Perjanjian Kinerja dikembalikan ke draf dengan catatan.")
        return redirect(self.request.path)


# --- PK awal beside PK Perubahan ------------------------------------------------------------


@dataclass(frozen=True)
class BarisBanding:
    indikator: str
    tingkat: str
    awal: Nilai | None
    perubahan: Nilai | None

    @property
    def keadaan(self) -> str:
        if self.awal is None:
            return "baru"
        if self.perubahan is None:
            return "dihapus"
        return "sama" if self.awal == self.perubahan else "berubah"


@dataclass(frozen=True)
class BarisAnggaranBanding:
    simpul: Simpul
    awal: Decimal | None
    perubahan: Decimal | None
    selisih: Decimal | None


def banding_target(awal: list[TargetPerjanjian], perubahan: list[TargetPerjanjian]):
    """Targets matched by measure (an IKM of two Renstra is the same IKM): the PK
    Perubahan's order first, then what only the PK awal had."""
    per_ukuran = {t.indikator.ukuran_id: t for t in awal}
    hasil, dipakai = [], set()
    for t in perubahan:
        a = per_ukuran.get(t.indikator.ukuran_id)
        dipakai.add(t.indikator.ukuran_id)
        hasil.append(
            BarisBanding(
                indikator=t.indikator.nama,
                tingkat=tingkat_indikator(t.indikator)[0],
                awal=nilai_indikator(a.indikator, a.nilai, a.huruf) if a else None,
                perubahan=nilai_indikator(t.indikator, t.nilai, t.huruf),
            )
        )
    for t in awal:
        if t.indikator.ukuran_id not in dipakai:
            hasil.append(
                BarisBanding(
                    indikator=t.indikator.nama,
                    tingkat=tingkat_indikator(t.indikator)[0],
                    awal=nilai_indikator(t.indikator, t.nilai, t.huruf),
                    perubahan=None,
                )
            )
    return hasil


class PerjanjianBanding(KecamatanMixin, TemplateView):
    template_name = "perjanjian/perjanjian/banding.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        per_jenis = perjanjian_per_jenis(kecamatan=self.kecamatan, tahun=self.tahun)
        awal, perubahan = per_jenis.get(Jenis.AWAL), per_jenis.get(Jenis.PERUBAHAN)
        target: dict[int, list] = {p.id: [] for p in per_jenis.values()}
        for t in target_perjanjian(perjanjian=per_jenis.values(), relasi=TARGET_RELASI):
            target[t.perjanjian_id].append(t)
        for daftar in target.values():
            daftar.sort(key=lambda t: (t.urutan, t.indikator.urutan_renstra))
        baris = []
        if awal and perubahan:
            baris = banding_target(target[awal.id], target[perubahan.id])
        pohon = pohon_anggaran(kecamatan_id=self.kecamatan.id, tahun=self.tahun)
        anggaran = [
            BarisAnggaranBanding(
                p,
                p.jumlah.pagu_awal,
                p.jumlah.pagu_perubahan,
                kinerja.selisih(p.jumlah.pagu_perubahan, p.jumlah.pagu_awal),
            )
            for p in pohon.program
        ]
        t = pohon.total
        ctx.update(
            awal=awal,
            perubahan=perubahan,
            baris=baris,
            anggaran=anggaran,
            total=BarisAnggaranBanding(
                None, t.pagu_awal, t.pagu_perubahan, kinerja.selisih(t.pagu_perubahan, t.pagu_awal)
            ),
            jumlah_berubah=sum(1 for b in baris if b.keadaan != "sama"),
            daftar_url=reverse(
                "perjanjian:perjanjian-daftar", args=[self.kecamatan.slug, self.tahun]
            ),
        )
        return ctx
