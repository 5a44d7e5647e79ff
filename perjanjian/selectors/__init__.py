"""The reads of the perjanjian app, for its own pages and for the apps above it (laporan
imports from here, never from the modules inside): the one capaian assembly
(``capaian``), the LKIP's capaian and efficiency tables (``tabel``), the budget tree and its
locks (``anggaran``), the warnings of a year (``peringatan``)."""

from .anggaran import (
    Jumlah,
    PohonAnggaran,
    Simpul,
    kunci_anggaran,
    pohon_anggaran,
)
from .capaian import (
    BerSatuan,
    CapaianIndikator,
    CapaianKabupaten,
    CapaianKecamatan,
    CapaianSasaran,
    CapaianUkuran,
    DasarPK,
    UkuranBersama,
    baris_capaian,
    capaian_indikator_program,
    capaian_kabupaten,
    capaian_kecamatan,
    capaian_sasaran,
    nilai_indikator,
    perjanjian_berlaku,
    satuan_tampil,
    ukur_capaian,
)
from .peringatan import (
    Peringatan,
    peringatan_tahun,
    peringatan_target,
)
from .tabel import (
    BarisCapaian,
    BarisEfisiensi,
    TabelCapaian,
    capaian_tahunan,
    tabel_capaian,
    target_akhir_renstra,
)

__all__ = [
    "BarisCapaian",
    "BarisEfisiensi",
    "BerSatuan",
    "CapaianIndikator",
    "CapaianKabupaten",
    "CapaianKecamatan",
    "CapaianSasaran",
    "CapaianUkuran",
    "DasarPK",
    "Jumlah",
    "Peringatan",
    "PohonAnggaran",
    "Simpul",
    "TabelCapaian",
    "UkuranBersama",
    "baris_capaian",
    "capaian_indikator_program",
    "capaian_kabupaten",
    "capaian_kecamatan",
    "capaian_sasaran",
    "capaian_tahunan",
    "kunci_anggaran",
    "nilai_indikator",
    "peringatan_tahun",
    "peringatan_target",
    "perjanjian_berlaku",
    "pohon_anggaran",
    "satuan_tampil",
    "tabel_capaian",
    "target_akhir_renstra",
    "ukur_capaian",
]
