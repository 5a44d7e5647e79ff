from django.core.management.base import CommandError

from laporan.management.perintah_dokumen import PerintahDokumen
from laporan.models import LaporanKinerja


class Command(PerintahDokumen):
    help = "Mencetak LKIP sebuah kecamatan dan tahun ke PDF (atau HTML dengan --html)."
    jenis = "lkip"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--tahun", required=True, type=int)

    def objek(self, kecamatan, *, tahun, **options):
        laporan = LaporanKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
        if laporan is None:
            raise CommandError(f"{kecamatan} belum memiliki LKIP tahun {tahun}.")
        return laporan
