"""Pages of the budget tree: program → kegiatan → sub kegiatan with pagu and realisasi, one
program's data, and the program / kegiatan indicators of a PK."""

import copy
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from iku.models import Indikator, Sasaran
from iku.selectors import sasaran_berlaku
from kecamatan.halaman import KecamatanMixin
from perjanjian.forms_anggaran import (
    AnggaranForm,
    IndikatorProgramForm,
    KegiatanForm,
    ProgramForm,
    SubKegiatanForm,
    kunci_indikator,
    kunci_simpul,
)
from perjanjian.models import (
    IndikatorProgram,
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.selectors.anggaran import (
    Simpul,
    anggaran_tahun_per_periode,
    kegiatan_terhitung_ganda,
    kunci_anggaran,
    pohon_anggaran,
    sasaran_program,
)
from perjanjian.selectors.capaian import capaian_indikator_program
from perjanjian.selectors.halaman import kegiatan_program, kegiatan_tahun, program_tahun
from perjanjian.selectors.peringatan import peringatan_anggaran
from perjanjian.selectors.tahun import indikator_program_pk, perjanjian_daftar, status_pelaporan
from perjanjian.services.anggaran import (
    PERIODE,
    anggaran_simpan,
    indikator_program_simpan,
    kegiatan_tambah,
    program_tambah,
    program_ubah,
    sidik_anggaran,
    sidik_indikator_program,
    sub_kegiatan_tambah,
)
from perjanjian.services.perjanjian import jaga_draft
from sakip import kinerja
from sakip.akses import Izin
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.riwayat import riwayat

LABEL_PERIODE = {
    Periode.TW1: "TW I",
    Periode.TW2: "TW II",
    Periode.TW3: "TW III",
    Periode.TW4: "TW IV",
    Periode.TAHUNAN: "tahunan",
}
PESAN_PERIKSA = "Periksa isian yang ditandai; tidak ada yang disimpan."


@dataclass
class BarisPohon:
    simpul: Simpul
    sel: list | None = None  # the form's cells of a sub kegiatan, in edit mode
    jenis: object = None  # the form's kind-of-spending cell of a sub kegiatan, in edit mode
    realisasi: list[tuple[str, Decimal]] = field(default_factory=list)
    sasaran: list[Sasaran] = field(default_factory=list)
    ganda: tuple[str, ...] = ()  # kegiatan counted for two sasaran of one Renstra

    @property
    def peringatan(self) -> tuple:
        # The rule is the beranda's too (perjanjian.selectors.peringatan_anggaran).
        return peringatan_anggaran(self.simpul)

    @property
    def melebihi(self) -> bool:
        return bool(self.peringatan)


class AnggaranDetail(KecamatanMixin, TemplateView):
    template_name = "perjanjian/anggaran/detail.html"
    izin_kirim = Izin.MENGISI

    def _muat(self):
        self.pohon = pohon_anggaran(kecamatan_id=self.kecamatan.id, tahun=self.tahun)
        self.kunci = kunci_anggaran(kecamatan_id=self.kecamatan.id, tahun=self.tahun)

    def get(self, request, *args, **kwargs):
        self._muat()
        return super().get(request, *args, **kwargs)

    def _sub(self):
        return [s.objek for s in self.pohon.baris() if s.tingkat == "sub_kegiatan"]

    def _form_anggaran(self, data=None):
        sub = self._sub()
        realisasi = [r for s in sub for r in s.realisasi.all()]
        return AnggaranForm(
            data, pohon=self.pohon, kunci=self.kunci, sidik=sidik_anggaran(sub, realisasi)
        )

    def _program(self):
        return program_tahun(kecamatan=self.kecamatan, tahun=self.tahun)

    def _kegiatan(self):
        return kegiatan_tahun(kecamatan=self.kecamatan, tahun=self.tahun)

    def get_context_data(self, form=None, tambah=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ubah = self.bisa_mengisi and (form is not None or self.request.GET.get("ubah") == "1")
        if ubah and form is None:
            form = self._form_anggaran()
        sasaran = sasaran_program(program_ids=[p.objek.id for p in self.pohon.program])
        baris = []
        for s in self.pohon.baris():
            b = BarisPohon(s)
            if s.tingkat == "program":
                b.sasaran = sasaran.get(s.objek.id, [])
                b.ganda = kegiatan_terhitung_ganda(s)
            elif s.tingkat == "kegiatan":
                b.sasaran = list(s.objek.sasaran.all())  # its own links, if any
            if s.tingkat == "sub_kegiatan":
                if form is not None:
                    b.sel = form.sel(s.objek)
                    b.jenis = form.jenis(s.objek)
                ada = {r.periode: r.jumlah for r in s.objek.realisasi.all()}
                b.realisasi = [(p.label, ada[p]) for p in PERIODE if p in ada]
            baris.append(b)
        tambah = tambah or {}
        if self.bisa_mengisi:
            berlaku = sasaran_berlaku(kecamatan=self.kecamatan, tahun=self.tahun)
            tambah.setdefault(
                "program",
                ProgramForm(
                    kecamatan=self.kecamatan, tahun=self.tahun, sasaran=berlaku, ringkas=True
                ),
            )
            tambah.setdefault("kegiatan", KegiatanForm(program=self._program(), sasaran=berlaku))
            tambah.setdefault("sub_kegiatan", SubKegiatanForm(kegiatan=self._kegiatan()))
        # Three forms on one page: ids of their own, so each label names its own field.
        for nama, f in tambah.items():
            f.auto_id = f"id_{nama}-%s"
        ctx.update(
            pohon=self.pohon,
            baris=baris,
            total=self.pohon.total,
            rincian_belanja=self.pohon.rincian_belanja(),
            ubah=ubah,
            form=form,
            kunci=self.kunci,
            kunci_pagu=[
                self.kunci.get(k) for k in ("pagu_awal", "pagu_pergeseran", "pagu_perubahan")
            ],
            kunci_periode=[self.kunci.get(p) for p in PERIODE],
            periode=[(p.value, LABEL_PERIODE[p]) for p in PERIODE],
            melebihi=[b for b in baris if b.melebihi],
            ada_program=bool(self.pohon.program),
            ada_kegiatan=any(p.anak for p in self.pohon.program),
            tambah=tambah,
            perjanjian=perjanjian_daftar(kecamatan=self.kecamatan, tahun=self.tahun),
            periode_anggaran=self._periode_anggaran(),
            riwayat=self._riwayat(),
        )
        return ctx

    def _periode_anggaran(self) -> list[dict]:
        """Each period's budget realisasi beside the status of its report: it is submitted,
        verified and locked with that period (two queries for the sums, one for the status)."""
        status = status_pelaporan(kecamatan=self.kecamatan, tahun=self.tahun)
        anggaran = anggaran_tahun_per_periode(kecamatan=self.kecamatan, tahun=self.tahun)
        hasil = []
        for p in PERIODE:
            s = status.get(p.value, PelaporanRealisasi.Status.DRAFT)
            hasil.append(
                {
                    "periode": p,
                    "label": LABEL_PERIODE[p],
                    "status": s,
                    "status_label": PelaporanRealisasi.Status(s).label,
                    "anggaran": anggaran[p.value],
                    "kunci": self.kunci.get(p.value),
                    "url": reverse(
                        "perjanjian:realisasi", args=[self.kecamatan.slug, self.tahun, p.value]
                    ),
                }
            )
        return hasil

    def _riwayat(self):
        di_tahun = {
            "kegiatan__program__kecamatan": self.kecamatan,
            "kegiatan__program__tahun": self.tahun,
        }
        return riwayat(
            (SubKegiatan.riwayat.filter(**di_tahun), lambda c: f"Sub kegiatan {c.kode} {c.nama}"),
            (
                RealisasiAnggaran.riwayat.filter(
                    **{f"sub_kegiatan__{k}": v for k, v in di_tahun.items()}
                ).select_related("sub_kegiatan"),
                lambda c: f"Realisasi {c.get_periode_display()} sub kegiatan {c.sub_kegiatan.kode}",
            ),
        )

    def post(self, request, *args, **kwargs):
        self._muat()
        aksi = request.POST.get("aksi")
        tindakan = {
            "anggaran": self._simpan,
            "program": self._tambah_program,
            "kegiatan": self._tambah_kegiatan,
            "sub_kegiatan": self._tambah_sub,
        }.get(aksi)
        if tindakan is None:
            messages.error(request, "Tindakan tidak dikenal.")
            return redirect(request.path)
        try:
            return tindakan()
        except (DataTerkunci, TransisiDitolak) as e:
            messages.error(request, str(e))
            return redirect(request.path)

    def _simpan(self):
        form = self._form_anggaran(self.request.POST)
        if not form.is_valid():
            messages.error(self.request, form.pesan_tidak_lengkap or PESAN_PERIKSA)
            return self.render_to_response(self.get_context_data(form=form))
        try:
            jumlah = anggaran_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                isian=form.isian(),
                sidik=form.cleaned_data["sidik"],
                oleh=self.request.user,
            )
        except (DataBasi, DataTerkunci, TransisiDitolak) as e:
            form.add_error(None, f"{e} Tidak ada yang disimpan.")
            return self.render_to_response(self.get_context_data(form=form))
        if jumlah:
            messages.success(self.request, f"Anggaran disimpan ({jumlah} nilai berubah).")
        else:
            messages.info(self.request, "Tidak ada nilai yang berubah.")
        return redirect(self.request.path)

    def _gagal_tambah(self, nama, form):
        messages.error(self.request, PESAN_PERIKSA)
        return self.render_to_response(self.get_context_data(tambah={nama: form}))

    def _tambah_program(self):
        form = ProgramForm(
            self.request.POST,
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            sasaran=sasaran_berlaku(kecamatan=self.kecamatan, tahun=self.tahun),
            ringkas=True,
        )
        if not form.is_valid():
            return self._gagal_tambah("program", form)
        d = form.cleaned_data
        p = program_tambah(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            kode=d["kode"],
            nama=d["nama"],
            sasaran=d["sasaran"],
            oleh=self.request.user,
        )
        messages.success(self.request, f"Program {p.kode} {p.nama} ditambahkan.")
        return redirect(self.request.path)

    def _tambah_kegiatan(self):
        form = KegiatanForm(
            self.request.POST,
            program=self._program(),
            sasaran=sasaran_berlaku(kecamatan=self.kecamatan, tahun=self.tahun),
        )
        if not form.is_valid():
            return self._gagal_tambah("kegiatan", form)
        d = form.cleaned_data
        k = kegiatan_tambah(
            program=d["program"],
            kode=d["kode"],
            nama=d["nama"],
            sasaran=d["sasaran"],
            oleh=self.request.user,
        )
        messages.success(self.request, f"Kegiatan {k.kode} {k.nama} ditambahkan.")
        return redirect(self.request.path)

    def _tambah_sub(self):
        form = SubKegiatanForm(self.request.POST, kegiatan=self._kegiatan())
        if not form.is_valid():
            return self._gagal_tambah("sub_kegiatan", form)
        d = form.cleaned_data
        s = sub_kegiatan_tambah(
            kegiatan=d["kegiatan"],
            kode=d["kode"],
            nama=d["nama"],
            jenis_belanja=d["jenis_belanja"],
            oleh=self.request.user,
        )
        messages.success(
            self.request,
            f"Sub kegiatan {s.kode} {s.nama} ditambahkan; isi pagunya pada tabel anggaran.",
        )
        return redirect(f"{self.request.path}?ubah=1")


class ProgramUbah(KecamatanMixin, TemplateView):
    """One program: code, name, the sasaran it supports, driving and hindering factors."""

    template_name = "perjanjian/program/ubah.html"
    model = Program  # what the URL's pk is (the scoping walk reads it)
    izin_kirim = Izin.MENGISI

    def _muat(self):
        self.program = self.objek(Program, pk=self.kwargs["pk"])
        self.tahun = self.program.tahun

    def _form(self, data=None):
        return ProgramForm(
            data,
            instance=copy.copy(self.program),
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            sasaran=sasaran_berlaku(kecamatan=self.kecamatan, tahun=self.tahun),
        )

    def get(self, request, *args, **kwargs):
        self._muat()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if form is None and self.bisa_mengisi:
            form = self._form()
        ctx.update(
            program=self.program,
            form=form,
            sasaran=sasaran_program(program_ids=[self.program.id]).get(self.program.id, []),
            kegiatan=kegiatan_program(program=self.program),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        self._muat()
        form = self._form(request.POST)
        if not form.is_valid():
            messages.error(request, PESAN_PERIKSA)
            return self.render_to_response(self.get_context_data(form=form))
        try:
            program_ubah(
                program=self.program,
                data=form.cleaned_data,
                sasaran=form.cleaned_data["sasaran"],
                sasaran_kegiatan=form.sasaran_kegiatan(),
                oleh=request.user,
            )
        except (DataTerkunci, TransisiDitolak) as e:
            messages.error(request, str(e))
            return redirect(request.path)
        messages.success(request, "Program disimpan.")
        return redirect("perjanjian:anggaran", self.kecamatan.slug, self.tahun)


# --- program / kegiatan indicators of one PK ------------------------------------------------


SUMBER_TERCAPAI = Indikator.SumberRealisasi.INDIKATOR_PROGRAM


@dataclass
class BarisIndikator:
    simpul: Simpul
    indikator: list = field(default_factory=list)  # (IndikatorProgram, capaian, cells)


class IndikatorProgramUbah(KecamatanMixin, TemplateView):
    template_name = "perjanjian/indikator_program/ubah.html"
    model = PerjanjianKinerja  # what the URL's pk is (the scoping walk reads it)
    izin_kirim = Izin.MENGISI

    def _muat(self):
        self.perjanjian = self.objek(PerjanjianKinerja, relasi=("renstra",), pk=self.kwargs["pk"])
        self.perjanjian.kecamatan = self.kecamatan
        self.tahun = self.perjanjian.tahun
        self.indikator = indikator_program_pk(perjanjian_ids=[self.perjanjian.id])
        self.pohon = pohon_anggaran(kecamatan_id=self.kecamatan.id, tahun=self.tahun)

    @property
    def bisa_mengubah(self) -> bool:
        return self.bisa_mengisi and self.perjanjian.alasan_tidak_dapat_diubah() is None

    def _form(self, data=None):
        return IndikatorProgramForm(
            data,
            indikator=self.indikator,
            simpul=self.pohon.baris(),
            sidik=sidik_indikator_program(self.perjanjian, self.indikator),
        )

    def get(self, request, *args, **kwargs):
        self._muat()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if form is None and self.bisa_mengubah:
            form = self._form()
        per_simpul: dict[str, list] = {}
        for i in self.indikator:
            per_simpul.setdefault(kunci_indikator(i), []).append(i)
        baris, capaian_program = [], []
        for s in self.pohon.baris():
            b = BarisIndikator(s)
            for i in per_simpul.get(kunci_simpul(s.objek), []):
                capaian = capaian_indikator_program(i)
                # As perjanjian.selectors.turunan counts: not the share computed from these.
                if s.tingkat == "program" and i.sumber_realisasi != SUMBER_TERCAPAI:
                    capaian_program.append(capaian)
                b.indikator.append((i, capaian, form.baris(i) if form else None))
            baris.append(b)
        perjanjian = self.perjanjian
        alasan = perjanjian.alasan_tidak_dapat_diubah()
        ctx.update(
            perjanjian=perjanjian,
            baris=baris,
            form=form,
            alasan=alasan,
            ketercapaian=kinerja.hitung_tercapai(capaian_program),
            persentase_tercapai=kinerja.persentase_tercapai(capaian_program),
            riwayat=riwayat(
                (
                    IndikatorProgram.riwayat.filter(perjanjian_id=perjanjian.id),
                    lambda c: f"Indikator: {c.uraian}",
                )
            ),
            anggaran_url=reverse("perjanjian:anggaran", args=[self.kecamatan.slug, self.tahun]),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        self._muat()
        try:
            jaga_draft(self.perjanjian)
            form = self._form(request.POST)
            if not form.is_valid():
                messages.error(request, PESAN_PERIKSA)
                return self.render_to_response(self.get_context_data(form=form))
            try:
                indikator_program_simpan(
                    perjanjian=self.perjanjian,
                    ubah=form.ubah(),
                    hapus=form.hapus(),
                    tambah=form.tambah(),
                    sidik=form.cleaned_data["sidik"],
                    oleh=request.user,
                )
            except DataBasi as e:
                form.add_error(None, str(e))
                return self.render_to_response(self.get_context_data(form=form))
        except (DataTerkunci, TransisiDitolak) as e:
            messages.error(request, str(e))
            return redirect(request.path)
        messages.success(request, "Indikator program dan kegiatan disimpan.")
        return redirect(request.path)
