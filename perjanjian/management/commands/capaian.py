"""`manage.py capaian --kecamatan kencong --tahun 2025 [--json]`: Tabel 3.2 / 3.8 and the
efficiency tables 3.7 / 3.12 of a kecamatan's year, from the stored data."""

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from kecamatan.selectors import kecamatan_cari
from perjanjian.selectors.tabel import BarisCapaian, BarisEfisiensi, TabelCapaian, capaian_tahunan
from sakip.format_id import format_nilai, format_persen, format_rupiah
from sakip.kinerja import Nilai, bulatkan


def angka_json(nilai: Decimal | None) -> str | None:
    """Numbers as strings with a dot decimal, so no float ever rounds them."""
    return None if nilai is None else f"{nilai.normalize():f}"


def persen_json(nilai: Decimal | None) -> str | None:
    """Percentages as shown: rounded half-up to two decimals."""
    return None if nilai is None else f"{bulatkan(nilai):f}"


def nilai_json(nilai: Nilai | None) -> str | None:
    return None if nilai is None else angka_json(nilai.angka)


def baris_json(tabel: TabelCapaian, b: BarisCapaian) -> dict:
    return {
        "perjanjian": tabel.perjanjian.get_jenis_display(),
        "jenis": tabel.perjanjian.jenis,
        "renstra": tabel.perjanjian.renstra.nama,
        "no": b.nomor,
        "tujuan_sasaran": f"{b.tingkat}: {b.uraian}",
        "indikator": b.indikator.nama,
        "satuan": b.indikator.satuan,
        "baseline": nilai_json(b.baseline),
        "target": nilai_json(b.target),
        "target_huruf": b.target.huruf,
        "realisasi": nilai_json(b.realisasi),
        "realisasi_huruf": b.realisasi.huruf if b.realisasi else None,
        "capaian": persen_json(b.capaian),
        "kriteria": b.kriteria.label if b.kriteria else None,
        "tahun_target_akhir": b.tahun_target_akhir,
        "target_akhir": nilai_json(b.target_akhir),
        "capaian_target_akhir": persen_json(b.capaian_target_akhir),
    }


def efisiensi_json(tabel: TabelCapaian, e: BarisEfisiensi) -> dict:
    return {
        "perjanjian": tabel.perjanjian.get_jenis_display(),
        "jenis": tabel.perjanjian.jenis,
        "sasaran": e.sasaran.uraian,
        "indikator": [b.indikator.nama for b in e.indikator],
        "capaian_kinerja": persen_json(e.capaian_kinerja),
        "pagu": angka_json(e.anggaran.pagu_akhir),
        "realisasi_anggaran": angka_json(e.anggaran.realisasi),
        "serapan": persen_json(e.anggaran.serapan),
        "kategori": e.hasil.kategori.value if e.hasil.kategori else None,
    }


def potong(teks: str, lebar: int) -> str:
    return teks if len(teks) <= lebar else teks[: lebar - 1] + "…"


class Command(BaseCommand):
    help = (
        "Mencetak tabel capaian kinerja setiap Perjanjian Kinerja sebuah kecamatan pada satu "
        "tahun (target, realisasi, capaian, kriteria, capaian terhadap target akhir Renstra) "
        "beserta tabel efisiensi anggaran."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kecamatan", required=True, help="slug atau nama, mis. kencong")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--json", action="store_true", help="cetak sebagai JSON")
        parser.add_argument(
            "--efisiensi",
            action="store_true",
            help="dengan --json: cetak baris tabel efisiensi, bukan baris capaian",
        )

    def handle(self, *args, kecamatan, tahun, json, efisiensi, **options):
        kec = kecamatan_cari(teks=kecamatan)
        if kec is None:
            raise CommandError(f"Kecamatan '{kecamatan}' tidak ditemukan.")
        tabel = capaian_tahunan(kecamatan=kec, tahun=tahun)
        if not tabel:
            raise CommandError(f"{kec} belum memiliki Perjanjian Kinerja tahun {tahun}.")
        if json:
            self.cetak_json(tabel, efisiensi)
        else:
            self.cetak_teks(kec, tahun, tabel)

    def cetak_json(self, tabel: list[TabelCapaian], efisiensi: bool) -> None:
        if efisiensi:
            data = [efisiensi_json(t, e) for t in tabel for e in t.efisiensi]
        else:
            data = [baris_json(t, b) for t in tabel for b in t.baris]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def cetak_teks(self, kec, tahun: int, tabel: list[TabelCapaian]) -> None:
        w = self.stdout.write
        w(f"Capaian kinerja {kec} tahun {tahun}")
        for t in tabel:
            perjanjian = t.perjanjian
            w("")
            w(
                f"{perjanjian.get_jenis_display()} {perjanjian.tahun} "
                f"(dasar {perjanjian.renstra.nama})"
            )
            w(
                f"{'No':>2}  {'Indikator':<48} {'Target':>10} {'Realisasi':>11} {'Capaian':>9}  "
                f"{'Kriteria':<14} {'Target akhir':>13} {'Thd akhir':>9}"
            )
            for b in t.baris:
                w(
                    f"{b.nomor:>2}  {potong(b.indikator.nama, 48):<48} "
                    f"{format_nilai(b.target):>10} {format_nilai(b.realisasi):>11} "
                    f"{format_persen(b.capaian):>9}  "
                    f"{(b.kriteria.label if b.kriteria else '–'):<14} "
                    f"{format_nilai(b.target_akhir) + f' ({b.tahun_target_akhir})':>13} "
                    f"{format_persen(b.capaian_target_akhir):>9}"
                )
            k = t.ketercapaian
            w(
                f"Tercapai (≥ 100%): {k.tercapai} · tidak tercapai: {k.tidak_tercapai}"
                + (f" · belum terukur: {k.tidak_terukur}" if k.tidak_terukur else "")
            )
            w("Efisiensi anggaran per sasaran:")
            for e in t.efisiensi:
                w(
                    f"  {potong(e.sasaran.uraian, 60):<60}"
                    f" kinerja {format_persen(e.capaian_kinerja):>8}"
                    f"  anggaran {format_rupiah(e.anggaran.pagu_akhir):>22}"
                    f"  realisasi {format_rupiah(e.anggaran.realisasi):>22}"
                    f"  serapan {format_persen(e.anggaran.serapan):>8}"
                    f"  {e.hasil.kategori.value if e.hasil.kategori else '–'}"
                )
        total = tabel[0].anggaran.total
        w("")
        w(
            f"Jumlah anggaran {format_rupiah(total.pagu_akhir)}, realisasi "
            f"{format_rupiah(total.realisasi)} ({format_persen(total.serapan)})"
        )
