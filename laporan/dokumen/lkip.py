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

    def ditetapkan(self) -> bool:
        return self.objek.status == self.objek.Status.DITETAPKAN

    def nama_berkas(self) -> str:
        """``lkip-kencong-2025-versi-1.pdf`` for the approved version 1 (asked while it is
        approved, before its VersiLKIP row is written); ``lkip-kencong-2025-draf.pdf`` for
        the first draft, ``lkip-kencong-2025-versi-2-draf.pdf`` once a version exists."""
        laporan = self.objek
        dasar = f"lkip-{laporan.kecamatan.slug}-{laporan.tahun}"
        ada = laporan.versi.count()
        if self.ditetapkan():
            return f"{dasar}-versi-{ada + 1}.pdf"
        if ada:
            return f"{dasar}-versi-{ada + 1}-draf.pdf"
        return f"{dasar}-draf.pdf"
