"""Which renderer prints which kind of document, and how its source object is found."""

from django.db.models import Model

from iku.models import KeputusanIKU
from laporan.models import DokumenPDF, LaporanKinerja
from perjanjian.models import PerjanjianKinerja

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


def model_sumber(jenis: str) -> type[Model]:
    return {
        DokumenPDF.Jenis.LKIP: LaporanKinerja,
        DokumenPDF.Jenis.KEPUTUSAN: KeputusanIKU,
        DokumenPDF.Jenis.PERJANJIAN: PerjanjianKinerja,
    }[jenis]


def penyaji_untuk(jenis: str, objek) -> Penyaji:
    return kelas_penyaji(jenis)(objek)
