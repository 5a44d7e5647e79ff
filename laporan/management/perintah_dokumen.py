"""What the three document commands share: find the kecamatan, write the PDF (or the HTML
that is rendered) to a file.

An approved document is written from the bytes stored when it was approved (its final print,
``laporan.dokumen.layanan.dokumen_final``), as the page serves it; a draft is printed from its
data as it stands now. Without ``-o`` the file takes the document's own name
(``lkip-kencong-2025-versi-1.pdf``)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kecamatan.models import Kecamatan
from kecamatan.selectors import kecamatan_cari
from laporan.dokumen.daftar import penyaji_untuk
from laporan.dokumen.layanan import cetak, dokumen_final
from laporan.models import DokumenPDF
from sakip.format_id import format_angka


class PerintahDokumen(BaseCommand):
    jenis = ""

    def add_arguments(self, parser):
        parser.add_argument("--kecamatan", required=True, help="slug atau nama, mis. kencong")
        parser.add_argument(
            "-o", "--output", help="berkas keluaran (bawaan: nama berkas dokumen itu)"
        )
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
        mulai = time.perf_counter()
        final = dokumen_final(jenis=self.jenis, objek=objek, jadwalkan=False)
        if final is not None:
            self.tulis_final(final, output=output, html=html)
            return
        penyaji = penyaji_untuk(self.jenis, objek)
        isi_html = penyaji.html()
        tujuan = Path(output or penyaji.nama_berkas())
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

    def tulis_final(self, dokumen: DokumenPDF, *, output: str | None, html: bool) -> None:
        """The stored print of an approved document: its bytes (printed now, from the HTML
        taken at approval, when no one has asked for it yet) or its HTML."""
        tujuan = Path(output or dokumen.nama_berkas)
        if html:
            tujuan.write_text(dokumen.html, encoding="utf-8")
            self.stdout.write(f"HTML dokumen yang ditetapkan ditulis ke {tujuan}.")
            return
        if dokumen.status != DokumenPDF.Status.SELESAI:
            dokumen = cetak(dokumen.pk)
        with dokumen.berkas.open("rb") as berkas:
            tujuan.write_bytes(berkas.read())
        self.stdout.write(
            f"PDF yang ditetapkan ditulis ke {tujuan} dari berkas tersimpan "
            f"{dokumen.nama_berkas}: {dokumen.jumlah_halaman} halaman, SHA-256 {dokumen.sha256}."
        )
