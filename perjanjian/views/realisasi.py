"""Pages of the realisasi of a period: the grid, its workflow, and the htmx capaian endpoint."""

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
from perjanjian.models import PelaporanRealisasi, Periode, Realisasi
from perjanjian.selectors.anggaran import alasan_anggaran_periode, anggaran_periode
from perjanjian.selectors.halaman import dibuka_kembali
from perjanjian.services.realisasi import (
    TINDAKAN_BUKA_KEMBALI,
    TINDAKAN_VERIFIKASI,
    grid_realisasi,
    hitung_teks,
    jaga_dapat_diubah,
    realisasi_ajukan,
    realisasi_buka_kembali,
    realisasi_kembalikan,
    realisasi_simpan,
    realisasi_verifikasi,
    status_periode,
)
from sakip.akses import Izin
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
        status = status_periode(kecamatan=self.kecamatan, tahun=self.tahun)
        label = f"Realisasi {self.periode.label} {self.tahun}"
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
            url_ajukan=self.url("realisasi-ajukan"),
            url_verifikasi=self.url("realisasi-verifikasi"),
            url_kembalikan=self.url("realisasi-kembalikan"),
            **self._konteks_periode(grid, dapat_diubah, kwargs.get("form_buka_kembali")),
            riwayat=riwayat(
                (
                    Realisasi.riwayat.filter(
                        kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode
                    ).select_related("ukuran"),
                    lambda c: f"Realisasi {c.ukuran.nama}",
                ),
                (
                    PelaporanRealisasi.riwayat.filter(
                        kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode
                    ),
                    lambda c, label=label: f"Status {label}",
                ),
            ),
        )
        return ctx

    def _konteks_periode(self, grid, dapat_diubah: bool, form_buka_kembali) -> dict:
        """The period's budget realisasi (part of what is submitted and verified) and its
        reopening by Bappeda: who reopened it and why, or the form to do so."""
        diverifikasi = grid.status == Status.DIVERIFIKASI
        tidak_dapat_dibuka = (
            grid.pelaporan.alasan_tidak_dapat_dibuka()
            if diverifikasi and self.bisa_memverifikasi
            else None
        )
        alasan_anggaran = alasan_anggaran_periode(
            kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode
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
            return self._gagal(form, str(e))
        if not form.is_valid():
            return self._gagal(form, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
        try:
            hasil = realisasi_simpan(
                kecamatan=self.kecamatan,
                tahun=self.tahun,
                periode=self.periode,
                isian=form.isian(),
                sidik=form.cleaned_data.get("sidik"),
                oleh=request.user,
            )
        except (DataTerkunci, DataBasi, TransisiDitolak) as e:
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

    def _gagal(self, form, pesan: str):
        # The status may have changed meanwhile (that is often why it failed): read the grid
        # anew for it; the form keeps the rows it was bound to and the user's input.
        self.__dict__.pop("grid", None)
        return self.render_to_response(self.get_context_data(form=form, galat=pesan))


class RealisasiAjukan(RealisasiUbah):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            realisasi_ajukan(
                kecamatan=self.kecamatan, tahun=self.tahun, periode=self.periode, oleh=request.user
            )
        except (TransisiDitolak, DataTerkunci) as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                f"Realisasi {self.periode.label} {self.tahun} diajukan; "
                "menunggu verifikasi Bappeda.",
            )
        return redirect(self.url("realisasi"))


class _Putusan(RealisasiUbah):
    """Verifikasi or kembalikan, by Bappeda of the kabupaten."""

    http_method_names = ["post"]
    izin_kirim = Izin.MEMVERIFIKASI
    tindakan = TINDAKAN_VERIFIKASI
    form_class = VerifikasiForm
    nama_form = "form_verifikasi"

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if not form.is_valid():
            ctx = self.get_context_data(
                **{self.nama_form: form}, galat="Periksa isian verifikasi yang ditandai."
            )
            return self.render_to_response(ctx)
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
        teks = data.get(f"{baris}-nilai", "")
        utama = hitung_teks(indikator=b.indikator, target=b.target, teks=teks, skala=grid.skala)
        kembar = [
            {
                "baris": k,
                "hasil": hitung_teks(
                    indikator=k.indikator, target=k.target, teks=teks, skala=grid.skala
                ),
            }
            for k in b.kembar
        ]
        return self.render_to_response({"utama": utama, "kembar": kembar})
