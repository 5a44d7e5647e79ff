"""The reads of the iku app, for its own pages and for the apps above it (they import from
here, never from the modules inside): what an IKU decree says (``keputusan``) and the Renstra
tree, its targets, measures and decrees as the PK, the grids and the LKIP read them
(``renstra``); the tujuan → sasaran → indikator tree of one Renstra (``pohon``); and the
lists and small reads of iku's own pages (``halaman``)."""

from .halaman import (
    diktum_keputusan,
    keputusan_per_renstra,
    lampiran_keputusan,
    nomor_sasaran_berikut,
    nomor_tujuan_berikut,
    renstra_daftar,
    target_indikator,
)
from .keputusan import (
    BarisDiktum,
    BarisLampiran,
    Butir,
    IsiKeputusan,
    Kolom,
    Lampiran,
    daftar_baris,
    isi_keputusan,
    pecah_butir,
    tahun_keputusan,
)
from .pohon import Simpul, pohon, rata, semua_indikator
from .renstra import (
    ada_sasaran_asing,
    indikator_urut_renstra,
    kecamatan_sasaran,
    keputusan_cari,
    keputusan_ditetapkan,
    keputusan_renstra,
    pemakaian_ukuran_bersama,
    renstra_berlaku,
    renstra_berlaku_di,
    renstra_tahun,
    sasaran_berlaku,
    status_keputusan_terakhir,
    target_renstra,
    ukuran_kode,
    ukuran_renstra,
)

__all__ = [
    "BarisDiktum",
    "BarisLampiran",
    "Butir",
    "IsiKeputusan",
    "Kolom",
    "Lampiran",
    "Simpul",
    "ada_sasaran_asing",
    "daftar_baris",
    "diktum_keputusan",
    "indikator_urut_renstra",
    "isi_keputusan",
    "kecamatan_sasaran",
    "keputusan_cari",
    "keputusan_ditetapkan",
    "keputusan_per_renstra",
    "keputusan_renstra",
    "lampiran_keputusan",
    "nomor_sasaran_berikut",
    "nomor_tujuan_berikut",
    "pecah_butir",
    "pemakaian_ukuran_bersama",
    "pohon",
    "rata",
    "renstra_berlaku",
    "renstra_berlaku_di",
    "renstra_daftar",
    "renstra_tahun",
    "sasaran_berlaku",
    "semua_indikator",
    "status_keputusan_terakhir",
    "tahun_keputusan",
    "target_indikator",
    "target_renstra",
    "ukuran_kode",
    "ukuran_renstra",
]
