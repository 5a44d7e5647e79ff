"""Pages of the realisasi of a period: the grid, its workflow, and the htmx capaian endpoint."""

from dataclasses import replace

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from perjanjian.forms_realisasi import (
    BukaKembaliForm,
    KembalikanForm,
    RealisasiGridForm,
    VerifikasiForm,
)
from perjanjian.models import ALUR_PELAPORAN, PelaporanRealisasi, Periode, Realisasi
from perjanjian.selectors.anggaran import alasan_anggaran_periode, anggaran_periode
from perjanjian.selectors.halaman import dibuka_kembali
from perjanjian.services.realisasi import (
    TINDAKAN_BUKA_KEMBALI,
    TINDAKAN_VERIFIKASI,
    grid_realisasi,
    hitung_teks,
    jaga_dapat_diubah,
    kekurangan_realisasi,
    realisasi_ajukan,
    realisasi_buka_kembali,
    realisasi_kembalikan,
    realisasi_simpan,
    realisasi_verifikasi,
)
from sakip.akses import Izin
from sakip.format_id import format_nilai, format_persen, format_rupiah
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

Status = PelaporanRealisasi.Status
DAPAT_DIUBAH = (Status.DRAFT, Status.DIKEMBALIKAN)


class RealisasiMixin(KecamatanMixin):
    """The kecamatan, year and period of the URL; a period other than tw1–tw4 / tahunan is
    404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and kwargs.get("periode") not in Periode.values:
            raise Http404("Periode tidak dikenal.")
        return super().dispatch(request, *args, **kwargs)

    @property
    def periode(self) -> Periode:
        return Periode(self.kwargs["periode"])

    def url(self, nama: str, periode: str | None = None) -> str:
        return reverse(
            f"perjanjian:{nama}",
            args=[self.kecamatan.slug, self.tahun, periode or self.periode.value],
        )

    @cached_property
    def grid(self):
        return grid_realisasi(kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode)

    def form_grid(self, data=None) -> RealisasiGridForm:
        return RealisasiGridForm(data, grid=self.grid, url_hitung=self.url("realisasi-hitung"))


class RealisasiUbah(RealisasiMixin, TemplateView):
    """The realisasi of every indicator of every PK of the year for one period."""

    template_name = "perjanjian/realisasi/ubah.html"
    izin_kirim = Izin.MENGISI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        grid = self.grid
        dapat_diubah = self.bisa_mengisi and grid.status in DAPAT_DIUBAH
        status = grid.status_tahun
        ctx.update(
            grid=grid,
            periode=self.periode,
            dapat_diubah=dapat_diubah,
            bisa_ajukan=dapat_diubah and bool(grid.tersimpan),
            tampil_lain=dapat_diubah and bool(grid.ukuran_lain),
            bisa_putuskan=self.bisa_memverifikasi and grid.status == Status.DIAJUKAN,
            form=kwargs.get("form") or self.form_grid(),
            form_kembalikan=kwargs.get("form_kembalikan") or KembalikanForm(),
            form_verifikasi=kwargs.get("form_verifikasi") or VerifikasiForm(),
            tab=[
                {
                    "periode": p,
                    "url": self.url("realisasi", p.value),
                    "status": status[p.value],
                    "status_label": Status(status[p.value]).label,
                    "aktif": p == self.periode,
                }
                for p in Periode
            ],
            alasan_tanpa_impor=self._alasan_tanpa_impor(grid.status, status),
            url_simpan=self.url("realisasi"),
            url_ajukan=self.url("realisasi-ajukan"),
            url_verifikasi=self.url("realisasi-verifikasi"),
            url_kembalikan=self.url("realisasi-kembalikan"),
            **self._konteks_periode(
                grid, dapat_diubah, kwargs.get("form_buka_kembali"), status=status
            ),
            url_riwayat=self.url("realisasi-riwayat"),
        )
        return ctx

    def _alasan_tanpa_impor(self, status_ini: str, status: dict[str, str]) -> str:
        """Why "Impor Excel" is not offered on this period's page ("" when it is): the import
        fills open periods only, and this one is with Bappeda or verified."""
        if not self.bisa_mengisi or status_ini in DAPAT_DIUBAH:
            return ""
        keadaan = (
            "sudah diverifikasi Bappeda"
            if status_ini == Status.DIVERIFIKASI
            else "sudah diajukan dan menunggu verifikasi Bappeda"
        )
        terbuka = [p.label for p in Periode if status[p.value] in DAPAT_DIUBAH]
        lanjut = (
            f"Periode yang masih dapat diisi ({', '.join(terbuka)}) dapat diimpor dari halamannya."
            if terbuka
            else "Tidak ada periode tahun ini yang masih dapat diisi."
        )
        return (
            f"Impor Excel tidak ditawarkan: realisasi {self.periode.label} {self.tahun} "
            f"{keadaan}. {lanjut}"
        )

    def _konteks_periode(
        self, grid, dapat_diubah: bool, form_buka_kembali, *, status: dict[str, str]
    ) -> dict:
        """The period's budget realisasi (part of what is submitted and verified) and its
        reopening by Bappeda: who reopened it and why, or the form to do so."""
        diverifikasi = grid.status == Status.DIVERIFIKASI
        tidak_dapat_dibuka = (
            grid.pelaporan.alasan_tidak_dapat_dibuka()
            if diverifikasi and self.bisa_memverifikasi
            else None
        )
        alasan_anggaran = alasan_anggaran_periode(
            kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode, status=status
        )
        return {
            "anggaran": anggaran_periode(
                kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode
            ),
            "anggaran_dapat_diisi": dapat_diubah and not alasan_anggaran,
            "alasan_anggaran": alasan_anggaran,
            "url_anggaran": reverse("perjanjian:anggaran", args=[self.kecamatan.slug, self.tahun]),
            "pembukaan": (
                dibuka_kembali(
                    kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode
                ).get(self.periode.value)
                if grid.status == Status.DIKEMBALIKAN
                else None
            ),
            "bisa_buka_kembali": (
                diverifikasi and self.bisa_memverifikasi and not tidak_dapat_dibuka
            ),
            "tidak_dapat_dibuka": tidak_dapat_dibuka,
            "form_buka_kembali": form_buka_kembali or BukaKembaliForm(),
            "url_buka_kembali": self.url("realisasi-buka-kembali"),
        }

    def post(self, request, *args, **kwargs):
        form = self.form_grid(request.POST)
        try:
            # A closed period says so, whatever was typed.
            jaga_dapat_diubah(self.grid.pelaporan, self.tahun, self.periode)
        except (DataTerkunci, TransisiDitolak) as e:
            return self._gagal(form, str(e), baca_ulang=False)
        if not form.is_valid():
            return self._gagal(
                form,
                form.pesan_tidak_lengkap
                or " ".join(form.non_field_errors())
                or "Tidak ada yang disimpan: perbaiki isian yang ditandai.",
                baca_ulang=False,
            )
        try:
            hasil = realisasi_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                periode=self.periode,
                isian=form.isian(),
                sidik=form.cleaned_data.get("sidik"),
                oleh=request.user,
                ukuran=self.grid.ukuran_renstra,
            )
        except DataBasi as e:
            # Someone saved since the user's page was opened: the grid read at the start of
            # this request already holds that save, and the message asks for a reload.
            return self._gagal(form, str(e), baca_ulang=False)
        except (DataTerkunci, TransisiDitolak) as e:
            return self._gagal(form, str(e))
        if hasil.jumlah:
            messages.success(
                request,
                f"Realisasi {self.periode.label} {self.tahun} disimpan ({hasil.jumlah} nilai).",
            )
        else:
            messages.info(request, "Tidak ada perubahan untuk disimpan.")
        for nama in hasil.tanpa_target:
            messages.warning(
                request,
                f"Realisasi {nama} disimpan, tetapi indikator ini tidak punya target dalam "
                f"Perjanjian Kinerja {self.tahun}; capaiannya tidak dapat dihitung.",
            )
        return redirect(self.url("realisasi"))

    def ditolak_tabel(self, aksi: str):
        """A step the period's status does not allow is refused before any confirmation."""
        status = self.grid.status
        if ALUR_PELAPORAN.boleh(status, aksi):
            return None
        nama = f"Realisasi {self.periode.label} {self.tahun}"
        messages.error(self.request, ALUR_PELAPORAN.pesan_tolak(dari=status, aksi=aksi, nama=nama))
        return redirect(self.url("realisasi"))

    def _gagal(self, form, pesan: str, *, baca_ulang: bool = True):
        # The status may have changed since this request read the grid (that is often why the
        # service refused): read the grid anew for it; the form keeps the rows it was bound to
        # and the user's input. A refusal decided on this request's own grid (a typing error,
        # a stale save) shows that grid as it is.
        if baca_ulang:
            self.__dict__.pop("grid", None)
        return self.render_to_response(self.get_context_data(form=form, galat=pesan))


def ringkasan_anggaran(*, kecamatan, tahun: int, periode: Periode) -> str:
    a = anggaran_periode(kecamatan=kecamatan, tahun=tahun, periode=periode)
    return (
        f"Realisasi anggaran {periode.label} {tahun}: {a.terisi} dari {a.jumlah_sub} sub "
        f"kegiatan terisi, jumlah {format_rupiah(a.realisasi or 0)}"
        + (f" dari pagu {format_rupiah(a.pagu)}." if a.pagu else ".")
    )


def ringkasan_periode(*, grid, aksi: str, url_batal: str, url_data: str = "") -> Ringkasan:
    """The confirmation of a step of a period's workflow: what it locks, what is missing and,
    for a decision by Bappeda, the values decided on."""
    label = f"Realisasi {grid.periode.label} {grid.tahun} {grid.kecamatan.nama}"
    anggaran = ringkasan_anggaran(kecamatan=grid.kecamatan, tahun=grid.tahun, periode=grid.periode)
    nilai = f"{grid.terisi} dari {grid.jumlah} nilai realisasi indikator {grid.periode.label}"
    kurang = kekurangan_realisasi(
        kecamatan=grid.kecamatan, tahun=grid.tahun, periode=grid.periode, grid=grid
    )
    if aksi == "ajukan":
        return Ringkasan(
            judul=f"Ajukan {label} ke Bappeda?",
            tombol="Ya, ajukan ke Bappeda",
            url_batal=url_batal,
            dikunci=[
                f"{nilai}: tidak dapat diubah sampai Bappeda memverifikasi atau mengembalikannya.",
                anggaran,
            ],
            kekurangan=kurang,
        )
    # A decision: what is missing is information for Bappeda, not a condition of deciding.
    kurang = [replace(k, menghalangi=False) for k in kurang]
    data = [
        (
            f"{b.indikator.nama} ({k.perjanjian.get_jenis_display()})",
            f"{format_nilai(b.nilai)} · target {format_nilai(b.target_nilai)}"
            + (f" · capaian {format_persen(b.hasil.capaian)}" if b.hasil.capaian else ""),
        )
        for k in grid.kelompok
        for b in k.baris
    ]
    if aksi == "verifikasi":
        return Ringkasan(
            judul=f"Verifikasi {label}?",
            tombol="Ya, verifikasi",
            url_batal=url_batal,
            dikunci=[f"{nilai}: terkunci untuk siapa pun setelah diverifikasi.", anggaran],
            kekurangan=kurang,
            data=data,
            tautan_data=url_data,
        )
    if aksi == "buka_kembali":
        return Ringkasan(
            judul=f"Buka kembali {label} yang sudah diverifikasi?",
            tombol="Ya, buka kembali",
            url_batal=url_batal,
            dikunci=[
                "Tidak ada yang dikunci: nilai yang terverifikasi dapat diubah lagi oleh "
                "kecamatan dan harus diajukan serta diverifikasi ulang."
            ],
            data=data,
            tautan_data=url_data,
        )
    return Ringkasan(
        judul=f"Kembalikan {label} ke kecamatan?",
        tombol="Ya, kembalikan",
        url_batal=url_batal,
        dikunci=["Tidak ada yang dikunci: kecamatan dapat memperbaiki lalu mengajukan lagi."],
        kekurangan=kurang,
        data=data,
        tautan_data=url_data,
    )


class RealisasiAjukan(RealisasiUbah):
    """Ajukan ke Bappeda. The button submits the grid with it: a value typed but not saved
    refuses the step (and stays typed); then the confirmation; then the step."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if tolak := self.ditolak_tabel("ajukan"):
            return tolak
        data = request.POST
        sidik = data.get("sidik")
        if sidik is not None:
            form = self.form_grid(data)
            berubah = isian_berubah(form)
            if berubah:
                return self._gagal(form, pesan_belum_disimpan(berubah, "diajukan"))
            if sidik != self.grid.sidik:
                return self._gagal(form, PESAN_BASI)
        if not dikonfirmasi(data):
            return halaman_konfirmasi(
                request,
                ringkasan_periode(grid=self.grid, aksi="ajukan", url_batal=self.url("realisasi")),
                kecamatan=self.kecamatan,
                tahun=self.tahun,
            )
        try:
            realisasi_ajukan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                periode=self.periode,
                oleh=request.user,
                sidik=sidik,
            )
        except (TransisiDitolak, DataTerkunci, DataBasi) as e:
            messages.error(request, pesan_tolak(e))
        else:
            messages.success(
                request,
                f"Realisasi {self.periode.label} {self.tahun} diajukan; "
                "menunggu verifikasi Bappeda.",
            )
        return redirect(self.url("realisasi"))


class _Putusan(RealisasiUbah):
    """Verifikasi or kembalikan, by Bappeda of the kabupaten, after the confirmation that
    shows the values decided on."""

    http_method_names = ["post"]
    izin_kirim = Izin.MEMVERIFIKASI
    tindakan = TINDAKAN_VERIFIKASI
    form_class = VerifikasiForm
    nama_form = "form_verifikasi"
    aksi = "verifikasi"

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if not form.is_valid():
            ctx = self.get_context_data(
                **{self.nama_form: form}, galat="Periksa isian verifikasi yang ditandai."
            )
            return self.render_to_response(ctx)
        if tolak := self.ditolak_tabel(self.aksi):
            return tolak
        if not dikonfirmasi(request.POST):
            return halaman_konfirmasi(
                request,
                ringkasan_periode(
                    grid=self.grid,
                    aksi=self.aksi,
                    url_batal=self.url("realisasi"),
                    url_data=self.url("realisasi"),
                ),
                kecamatan=self.kecamatan,
                tahun=self.tahun,
            )
        try:
            self.putuskan(form.cleaned_data["komentar"])
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
        return redirect(self.url("realisasi"))


class RealisasiVerifikasi(_Putusan):
    def putuskan(self, komentar: str) -> None:
        realisasi_verifikasi(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            periode=self.periode,
            oleh=self.request.user,
            komentar=komentar,
        )
        messages.success(
            self.request,
            f"Realisasi {self.periode.label} {self.tahun} diverifikasi; nilainya kini terkunci.",
        )


class RealisasiKembalikan(_Putusan):
    form_class = KembalikanForm
    nama_form = "form_kembalikan"
    aksi = "kembalikan"

    def putuskan(self, komentar: str) -> None:
        realisasi_kembalikan(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            periode=self.periode,
            oleh=self.request.user,
            komentar=komentar,
        )
        messages.success(
            self.request,
            f"Realisasi {self.periode.label} {self.tahun} dikembalikan ke kecamatan "
            "dengan catatan.",
        )


class RealisasiBukaKembali(_Putusan):
    """Bappeda reopens a verified period with a reason (diverifikasi → dikembalikan)."""

    tindakan = TINDAKAN_BUKA_KEMBALI
    form_class = BukaKembaliForm
    nama_form = "form_buka_kembali"
    aksi = "buka_kembali"

    def putuskan(self, komentar: str) -> None:
        realisasi_buka_kembali(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            periode=self.periode,
            oleh=self.request.user,
            alasan=komentar,
        )
        messages.success(
            self.request,
            f"Realisasi {self.periode.label} {self.tahun} dibuka kembali; kecamatan dapat "
            "memperbaiki realisasi indikator dan anggarannya lalu mengajukannya lagi.",
        )


class RealisasiRiwayat(RealisasiMixin, TemplateView):
    """The change history of a period's realisasi (its values and its reporting status): read
    when the page's "Riwayat perubahan" is opened (htmx: the lines alone), or as a page of its
    own (the link, without script)."""

    http_method_names = ["get"]

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["bagian/riwayat_tabel.html"]
        return ["perjanjian/realisasi/riwayat.html"]

    def get_context_data(self, **kwargs):
        label = f"Realisasi {self.periode.label} {self.tahun}"
        di_periode = {"kecamatan": self.kecamatan, "tahun": self.tahun, "periode": self.periode}
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            periode=self.periode,
            url_realisasi=self.url("realisasi"),
            riwayat=riwayat(
                (
                    Realisasi.riwayat.filter(**di_periode).select_related("ukuran"),
                    lambda c: f"Realisasi {c.ukuran.nama}",
                ),
                (
                    PelaporanRealisasi.riwayat.filter(**di_periode),
                    lambda c, label=label: f"Status {label}",
                ),
            ),
        )
        return ctx


class RealisasiHitung(RealisasiMixin, TemplateView):
    """htmx: the capaian cell of a row while it is typed, and, out of band, the capaian cells
    of the other rows of the same measure, each against its own PK's target."""

    template_name = "perjanjian/realisasi/hitung.html"
    http_method_names = ["post"]
    izin_kirim = Izin.MENGISI

    def post(self, request, *args, **kwargs):
        grid, data = self.grid, request.POST
        baris = data.get("baris", "")
        if baris == "lain":
            pilihan = {str(u.id) for u in grid.ukuran_lain}
            ukuran = data.get("lain-ukuran", "")
            if ukuran and ukuran not in pilihan:
                raise Http404("Indikator tidak ditemukan.")
            hasil = hitung_teks(
                indikator=None, target=None, teks=data.get("lain-nilai", ""), skala=grid.skala
            )
            return self.render_to_response({"utama": hasil, "kembar": []})
        b = grid.baris(baris)
        if b is None:
            raise Http404("Baris tidak ditemukan.")
        if b.turunan is not None:
            # Computed, not typed: the cell keeps the computed capaian, whatever is sent.
            return self.render_to_response({"utama": b.hasil, "kembar": []})
        teks = data.get(f"{baris}-nilai", "")
        utama = hitung_teks(
            indikator=b.indikator,
            target=b.target,
            teks=teks,
            skala=grid.skala,
            semua_skala=grid.semua_skala,
        )
        kembar = [
            {
                "baris": k,
                "hasil": hitung_teks(
                    indikator=k.indikator,
                    target=k.target,
                    teks=teks,
                    skala=grid.skala,
                    semua_skala=grid.semua_skala,
                ),
            }
            for k in b.kembar
        ]
        return self.render_to_response({"utama": utama, "kembar": kembar})
