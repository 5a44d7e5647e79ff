"""`manage.py bersihkan_berkas_dokumen [--hapus]`: list the files under MEDIA_ROOT/dokumen/
that no document row names and, with --hapus, remove them (laporan.dokumen.yatim; README
"Backup and restore")."""

from django.core.management.base import BaseCommand

from laporan.dokumen.yatim import bersihkan_berkas_yatim
from sakip.format_id import format_angka


class Command(BaseCommand):
    help = (
        "Mendaftar berkas di MEDIA_ROOT/dokumen/ yang tidak dimiliki dokumen mana pun; "
        "--hapus menghapusnya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hapus", action="store_true", help="Hapus berkasnya (tanpa ini hanya didaftar)."
        )

    def handle(self, *, hapus: bool, **options):
        hasil = bersihkan_berkas_yatim(hapus=hapus)
        for nama, ukuran in hasil.yatim:
            self.stdout.write(f"  {nama} ({format_angka(ukuran, 0)} bait)")
        jumlah = len(hasil.yatim)
        if not jumlah:
            self.stdout.write("Tidak ada berkas dokumen tanpa pemilik.")
        elif hapus:
            self.stdout.write(
                f"{hasil.dihapus} dari {jumlah} berkas tanpa pemilik dihapus "
                f"({format_angka(hasil.ukuran, 0)} bait)."
            )
        else:
            self.stdout.write(
                f"{jumlah} berkas tanpa pemilik ({format_angka(hasil.ukuran, 0)} bait); "
                "tidak ada yang dihapus. Jalankan lagi dengan --hapus untuk menghapusnya."
            )
        if hasil.dilewati:
            self.stdout.write(
                f"{len(hasil.dilewati)} berkas yang baru ditulis dilewati: mungkin sedang dicetak."
            )
