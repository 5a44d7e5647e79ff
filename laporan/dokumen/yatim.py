"""Files under MEDIA_ROOT/dokumen/ that no ``DokumenPDF`` row names ("yatim"): left by a
process killed between writing a PDF and recording it, by a name taken by two renders at
once, or by rows deleted by hand. Nothing serves them (every download goes through its row);
``manage.py bersihkan_berkas_dokumen`` lists them and, with ``--hapus``, removes them.

A file younger than DOKUMEN_BATAS_CETAK may belong to a render still writing it and is left
alone; a render older than that is declared dead anyway (``layanan.alasan_macet``)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from laporan.models import DokumenPDF

from .layanan import buang_berkas

FOLDER = "dokumen"


@dataclass
class Ringkasan:
    yatim: list[tuple[str, int]] = field(default_factory=list)  # (name, size in bytes)
    dilewati: list[str] = field(default_factory=list)  # too young: maybe still being written
    dihapus: int = 0

    @property
    def ukuran(self) -> int:
        return sum(ukuran for _, ukuran in self.yatim)


def _semua_berkas(storage, folder: str):
    if not storage.exists(folder):
        return
    subfolder, berkas = storage.listdir(folder)
    for nama in sorted(berkas):
        yield f"{folder}/{nama}"
    for sub in sorted(subfolder):
        yield from _semua_berkas(storage, f"{folder}/{sub}")


def bersihkan_berkas_yatim(*, hapus: bool = False, sekarang=None) -> Ringkasan:
    """The files under dokumen/ that no row names (removed when ``hapus``), and those left
    alone because a render may still be writing them."""
    storage = DokumenPDF._meta.get_field("berkas").storage
    sekarang = sekarang or timezone.now()
    muda = timedelta(seconds=settings.DOKUMEN_BATAS_CETAK)
    tercatat = set(DokumenPDF.objects.exclude(berkas="").values_list("berkas", flat=True))
    hasil = Ringkasan()
    for nama in _semua_berkas(storage, FOLDER):
        if nama in tercatat:
            continue
        if sekarang - storage.get_modified_time(nama) < muda:
            hasil.dilewati.append(nama)
            continue
        hasil.yatim.append((nama, storage.size(nama)))
        if hapus and buang_berkas(nama):
            hasil.dihapus += 1
    return hasil
