"""The LKIP of a kecamatan and year, every table generated from the stored data."""

from laporan.isi_lkip.awal import konteks_awal
from laporan.isi_lkip.capaian import konteks_capaian

from .dasar import Penyaji


class PenyajiLKIP(Penyaji):
    jenis = "lkip"
    template_name = "laporan/dokumen/lkip/dokumen.html"

    def konteks(self) -> dict:
        laporan = self.objek
        return {
            "laporan": laporan,
            "kecamatan": laporan.kecamatan,
            "kabupaten": laporan.kecamatan.kabupaten,
            "tahun": laporan.tahun,
            "draf": laporan.status != laporan.Status.DITETAPKAN,
            **konteks_awal(laporan),
            **konteks_capaian(laporan),
        }

    def nama_berkas(self) -> str:
        return f"LKIP-{self.objek.kecamatan.slug}-{self.objek.tahun}.pdf"
