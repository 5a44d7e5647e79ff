"""`manage.py pulihkan <folder>`: check a backup's manifest, then replace the database and
the media folder with it (sakip.cadangan; README "Backup and restore"). Stop the server and
the task worker first."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sakip.cadangan import CadanganGagal, periksa, pulihkan


class Command(BaseCommand):
    help = "Memulihkan basis data dan berkas media dari folder cadangan (manifest diperiksa dulu)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Jangan meminta konfirmasi.",
        )

    def handle(self, *, folder: Path, interactive: bool, **options):
        try:
            keterangan = periksa(folder=folder)
            if interactive:
                jawab = input(
                    f"Cadangan {keterangan['dibuat']} ({keterangan['cara']}) utuh. Seluruh isi "
                    "basis data dan folder media akan DIGANTI dengan isinya. Hentikan server dan "
                    "pekerja lebih dulu. Ketik 'ya' untuk melanjutkan: "
                )
                if jawab.strip().lower() != "ya":
                    raise CommandError("Pemulihan dibatalkan; tidak ada yang berubah.")
            hasil = pulihkan(folder=folder)
        except CadanganGagal as galat:
            raise CommandError(str(galat)) from galat
        self.stdout.write(
            f"Dipulihkan dari {hasil.folder} (basis data: {hasil.cara}, "
            f"{hasil.jumlah_berkas_media} berkas media)."
        )
