"""The kabupaten dashboard (Bappeda, Inspektorat, admin kabupaten) and its Excel download.

Kecamatan users are refused (403): the page shows every kecamatan of the kabupaten. The rows
come from laporan.dasbor over ``Kecamatan.objects.terlihat``, so the scoping stays in one place.
"""

from django.views.generic import TemplateView, View

from kecamatan.halaman import IzinMixin, tahun_berjalan
from kecamatan.selectors import kecamatan_terlihat
from perjanjian.selectors import tahun_data_terakhir
from sakip.akses import Izin
from sakip.berkas import respons_berkas
from sakip.tahun import tahun_sah

from . import dasbor_excel
from .dasbor import (
    DasarPerjanjian,
    dasbor_kabupaten,
    saring,
    tren_kecamatan,
    urutan_sah,
    urutkan_baris,
)
from .dasbor_grafik import batang_sebaran, grafik_sebaran, grafik_tren_kecamatan


class DasborMixin(IzinMixin):
    """Reads the year, the PK basis, the search, the filter and the sort from the query
    string and builds the (filtered, sorted) rows once."""

    izin = Izin.MELIHAT  # kabupaten-wide: the kabupaten roles

    def tahun_bawaan(self) -> int:
        """The latest year with data (perjanjian.selectors.tahun_data_terakhir), up to this
        year."""
        terakhir = tahun_data_terakhir(kecamatan=self.kecamatan_terlihat, sampai=tahun_berjalan())
        return terakhir or tahun_berjalan()

    def muat(self):
        g = self.request.GET
        self.kecamatan_terlihat = kecamatan_terlihat(pengguna=self.request.user)
        try:
            self.tahun = int(g.get("tahun", ""))
            if not tahun_sah(self.tahun):  # out of range: the default year, as for junk
                raise ValueError
        except ValueError:
            self.tahun = self.tahun_bawaan()
        self.dasar = (
            g.get("pk") if g.get("pk") in dict(DasarPerjanjian.PILIHAN) else DasarPerjanjian.BERLAKU
        )
        self.cari = g.get("q", "").strip()[:100]
        self.belum_lengkap = g.get("belum_lengkap") == "1"
        self.dasbor = dasbor_kabupaten(
            kecamatan=self.kecamatan_terlihat,
            kabupaten_id=self.request.user.kabupaten_id,
            tahun=self.tahun,
            dasar=self.dasar,
        )
        self.urut = g.get("urut", "kode")
        baris = saring(self.dasbor.baris, cari=self.cari, belum_lengkap=self.belum_lengkap)
        self.baris = urutkan_baris(baris, self.dasbor, self.urut)


class DasborDetail(DasborMixin, TemplateView):
    template_name = "laporan/dasbor/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        self.muat()
        d = self.dasbor
        g = self.request.GET

        # The chart's measure: ?grafik=, else the one most kecamatan report.
        i = d.indeks(g.get("grafik", ""))
        if i is None and d.ukuran:
            i = max(range(len(d.ukuran)), key=lambda j: (d.jumlah_realisasi[j], -j))
        # The trend's kecamatan: ?kec=, else the first row with a realisasi of the measure.
        semua = {b.kecamatan.slug: b for b in d.baris}
        pilihan = semua.get(g.get("kec", ""))
        if pilihan is None and i is not None:
            pilihan = next((b for b in self.baris if b.sel[i].realisasi), None) or next(
                iter(self.baris or d.baris), None
            )
        grafik = {}
        if i is not None:
            grafik["ukuran"] = d.ukuran[i]
            if d.jumlah_realisasi[i]:
                grafik["sebaran"] = grafik_sebaran(d, i)
                # The same ranking as a list, which a phone shows instead of the chart.
                grafik["peringkat"] = batang_sebaran(d, i)
                grafik["rata_rata"] = d.rata_rata[i]
            if pilihan is not None:
                tren = tren_kecamatan(
                    kecamatan=self.kecamatan_terlihat,
                    pilihan=pilihan.kecamatan,
                    ukuran=d.ukuran[i],
                    tahun=self.tahun,
                )
                grafik["tren"] = tren
                grafik["svg_tren"] = grafik_tren_kecamatan(tren)

        urut_kini = self.urut if self.urut in urutan_sah(d) else "kode"
        berikut = {k: (f"-{k}" if urut_kini == k else k) for k in _kunci_dasar(d)}
        ctx.update(
            kabupaten=self.request.user.kabupaten,
            d=d,
            baris=self.baris,
            jumlah_semua=len(d.baris),
            jumlah_lengkap=sum(1 for b in d.baris if b.kelengkapan.lengkap),
            jumlah_sintetis=sum(1 for b in d.baris if b.kelengkapan.sintetis),
            tanpa_realisasi=not any(d.jumlah_realisasi),
            tahun=self.tahun,
            tahun_pilihan=range(min(self.tahun, tahun_berjalan()) - 4, tahun_berjalan() + 2),
            dasar_pilihan=DasarPerjanjian.PILIHAN,
            dasar=self.dasar,
            dasar_label=dict(DasarPerjanjian.PILIHAN)[self.dasar],
            cari=self.cari,
            belum_lengkap=self.belum_lengkap,
            urut=urut_kini,
            urut_berikut=berikut,
            grafik=grafik,
            pilihan=pilihan,
        )
        return ctx


def _kunci_dasar(d) -> list[str]:
    kunci = ["kode", "nama", "kelengkapan"]
    for u in d.ukuran:
        kunci += [u.kode, f"{u.kode}.capaian"]
    return kunci


class DasborUnduh(DasborMixin, View):
    def get(self, request, *args, **kwargs):
        self.muat()
        berkas = dasbor_excel.render(
            dasbor=self.dasbor, baris=self.baris, kabupaten=request.user.kabupaten.nama
        )
        return respons_berkas(berkas)
