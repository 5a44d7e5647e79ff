"""What the three document commands share: find the kecamatan, write the PDF (or the HTML
that is rendered) to a file."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kecamatan.models import Kecamatan
from kecamatan.selectors import kecamatan_cari
from laporan.dokumen.daftar import penyaji_untuk
from sakip.format_id import format_angka


class PerintahDokumen(BaseCommand):
    jenis = ""

    def add_arguments(self, parser):
        parser.add_argument("--kecamatan", required=True, help="slug atau nama, mis. kencong")
        parser.add_argument("-o", "--output", required=True, help="berkas keluaran")
        parser.add_argument(
            "--html", action="store_true", help="tulis HTML yang dicetak, bukan PDF"
        )

    def cari_kecamatan(self, teks: str) -> Kecamatan:
        kecamatan = kecamatan_cari(teks=teks)
        if kecamatan is None:
            raise CommandError(f"Kecamatan '{teks}' tidak ditemukan.")
        return kecamatan

    def objek(self, kecamatan: Kecamatan, **options):
        raise NotImplementedError

    def handle(self, *args, kecamatan, output, html, **options):
        objek = self.objek(self.cari_kecamatan(kecamatan), **options)
        penyaji = penyaji_untuk(self.jenis, objek)
        mulai = time.perf_counter()
        isi_html = penyaji.html()
        tujuan = Path(output)
        if html:
            tujuan.write_text(isi_html, encoding="utf-8")
            self.stdout.write(
                f"HTML ditulis ke {tujuan} ({format_angka(len(isi_html), 0)} karakter)."
            )
            return
        isi, halaman, _ = penyaji.cetak(isi_html)
        tujuan.write_bytes(isi)
        self.stdout.write(
            f"PDF ditulis ke {tujuan}: {halaman} halaman, {format_angka(len(isi), 0)} bita, "
            f"{time.perf_counter() - mulai:.1f} detik."
        )
