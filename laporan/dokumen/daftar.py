"""Which renderer prints which kind of document."""

from laporan.models import DokumenPDF

from .dasar import Penyaji
from .keputusan import PenyajiKeputusan
from .lkip import PenyajiLKIP
from .perjanjian import PenyajiPerjanjian


def kelas_penyaji(jenis: str) -> type[Penyaji]:
    return {
        DokumenPDF.Jenis.LKIP: PenyajiLKIP,
        DokumenPDF.Jenis.KEPUTUSAN: PenyajiKeputusan,
        DokumenPDF.Jenis.PERJANJIAN: PenyajiPerjanjian,
    }[jenis]


def penyaji_untuk(jenis: str, objek) -> Penyaji:
    return kelas_penyaji(jenis)(objek)
