"""`manage.py cadangkan <folder>`: the database and the media files, with a SHA-256 manifest
(sakip.cadangan; README "Backup and restore")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sakip.cadangan import CadanganGagal, cadangkan


class Command(BaseCommand):
    help = (
        "Mencadangkan basis data dan berkas media ke sebuah folder baru, dengan manifest SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--json",
            action="store_true",
            help="Basis data sebagai JSON setiap tabel (dipulihkan ke SQLite atau PostgreSQL).",
        )

    def handle(self, *, folder: Path, json: bool, **options):
        try:
            hasil = cadangkan(folder=folder, paksa_json=json)
        except CadanganGagal as galat:
            raise CommandError(str(galat)) from galat
        self.stdout.write(
            f"Cadangan ditulis ke {hasil.folder} (basis data: {hasil.cara}, "
            f"{hasil.jumlah_berkas_media} berkas media); periksa dengan `sha256sum -c SHA256SUMS`."
        )
