"""Which renderer prints which kind of document, and how its source object is found."""

from django.db.models import Model

from laporan.models import DokumenPDF

from .dasar import Penyaji


def kelas_penyaji(jenis: str) -> type[Penyaji]:
    from .keputusan import PenyajiKeputusan
    from .lkip import PenyajiLKIP
    from .perjanjian import PenyajiPerjanjian

    return {
        DokumenPDF.Jenis.LKIP: PenyajiLKIP,
        DokumenPDF.Jenis.KEPUTUSAN: PenyajiKeputusan,
        DokumenPDF.Jenis.PERJANJIAN: PenyajiPerjanjian,
    }[jenis]


def model_sumber(jenis: str) -> type[Model]:
    from iku.models import KeputusanIKU
    from laporan.models import LaporanKinerja
    from perjanjian.models import PerjanjianKinerja

    return {
        DokumenPDF.Jenis.LKIP: LaporanKinerja,
        DokumenPDF.Jenis.KEPUTUSAN: KeputusanIKU,
        DokumenPDF.Jenis.PERJANJIAN: PerjanjianKinerja,
    }[jenis]


def penyaji_untuk(jenis: str, objek) -> Penyaji:
    return kelas_penyaji(jenis)(objek)
