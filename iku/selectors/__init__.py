"""The reads of the iku app, for its own pages and for the apps above it (they import from
here, never from the modules inside): what an IKU decree says (``keputusan``) and the Renstra
tree, its targets, measures and decrees as the PK, the grids and the LKIP read them
(``renstra``)."""

from .keputusan import (
    BarisDiktum,
    BarisLampiran,
    Butir,
    IsiKeputusan,
    Lampiran,
    daftar_baris,
    isi_keputusan,
    pecah_butir,
    tahun_keputusan,
)
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
    "Lampiran",
    "ada_sasaran_asing",
    "daftar_baris",
    "indikator_urut_renstra",
    "isi_keputusan",
    "kecamatan_sasaran",
    "keputusan_cari",
    "keputusan_ditetapkan",
    "keputusan_renstra",
    "pecah_butir",
    "pemakaian_ukuran_bersama",
    "renstra_berlaku",
    "renstra_berlaku_di",
    "renstra_tahun",
    "sasaran_berlaku",
    "status_keputusan_terakhir",
    "tahun_keputusan",
    "target_renstra",
    "ukuran_kode",
    "ukuran_renstra",
]
