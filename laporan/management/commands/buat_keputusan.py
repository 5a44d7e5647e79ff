from django.core.management.base import CommandError

from iku.selectors import keputusan_cari
from laporan.management.perintah_dokumen import PerintahDokumen


class Command(PerintahDokumen):
    help = (
        "Mencetak Keputusan Camat tentang IKU ke PDF (atau HTML dengan --html); pilih dengan "
        "--nomor, atau --tahun untuk keputusan terakhir tahun itu; tanpa keduanya, keputusan "
        "terakhir kecamatan itu."
    )
    jenis = "keputusan"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--nomor", help="nomor keputusan, mis. 000.7.2.7/32/35.09.02/2025")
        parser.add_argument("--tahun", type=int, help="tahun penetapan")

    def objek(self, kecamatan, *, nomor, tahun, **options):
        hasil = keputusan_cari(kecamatan=kecamatan, nomor=nomor, tahun=tahun)
        if hasil is None:
            dicari = f" nomor {nomor}" if nomor else f" tahun {tahun}" if tahun else ""
            raise CommandError(f"Keputusan IKU {kecamatan}{dicari} tidak ditemukan.")
        return hasil
