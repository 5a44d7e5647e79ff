from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from laporan.muat_data import DataTidakValid, muat_direktori


class Command(BaseCommand):
    help = (
        "Memuat data asli Kabupaten Jember dari fixtures/jember/*.yaml (31 kecamatan, Kencong "
        "2025 lengkap, keputusan IKU Patrang, Balung dan Panti). Data yang sudah ada dilewati."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--direktori",
            default=str(Path(settings.BASE_DIR) / "fixtures" / "jember"),
            help="Direktori berkas YAML (bawaan: fixtures/jember).",
        )

    def handle(self, *args, direktori, **options):
        try:
            hasil = muat_direktori(Path(direktori))
        except DataTidakValid as e:
            raise CommandError(f"Data tidak dapat dimuat: {e}") from e
        for nama in hasil.dimuat:
            self.stdout.write(f"Dimuat: {nama}")
        for nama in hasil.dilewati:
            self.stdout.write(f"Sudah ada, dilewati: {nama}")
