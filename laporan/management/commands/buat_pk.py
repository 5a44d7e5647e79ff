from django.core.management.base import CommandError

from laporan.management.perintah_dokumen import PerintahDokumen
from perjanjian.selectors import perjanjian_cari


class Command(PerintahDokumen):
    help = "Mencetak Perjanjian Kinerja (atau PK Perubahan) ke PDF (atau HTML dengan --html)."
    jenis = "perjanjian"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument(
            "--jenis",
            choices=["awal", "perubahan"],
            default="awal",
            help="awal (bawaan) atau perubahan",
        )

    def objek(self, kecamatan, *, tahun, jenis, **options):
        perjanjian = perjanjian_cari(kecamatan=kecamatan, tahun=tahun, jenis=jenis)
        if perjanjian is None:
            raise CommandError(f"{kecamatan} belum memiliki PK ({jenis}) tahun {tahun}.")
        return perjanjian
