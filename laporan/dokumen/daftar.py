"""Which renderer prints which kind of document."""

from iku.models import KeputusanIKU
from laporan.models import DokumenPDF
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


def penyaji_untuk(jenis: str, objek) -> Penyaji:
    return kelas_penyaji(jenis)(objek)


# The approved documents whose print is frozen when the transition table makes them
# ditetapkan (the LKIP's approval stores its version itself).
JENIS_SUMBER = {
    PerjanjianKinerja: DokumenPDF.Jenis.PERJANJIAN,
    KeputusanIKU: DokumenPDF.Jenis.KEPUTUSAN,
}
