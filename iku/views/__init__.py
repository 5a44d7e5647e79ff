"""Pages of the Renstra and the IKU decree, one module per entity."""

from .indikator import IndikatorHapus, IndikatorTambah, IndikatorUbah
from .keputusan import (
    KeputusanDaftar,
    KeputusanDetail,
    KeputusanHapus,
    KeputusanTambah,
    KeputusanTetapkan,
)
from .renstra import RenstraDaftar, RenstraDetail, RenstraUbah
from .struktur import (
    SasaranHapus,
    SasaranTambah,
    SasaranUbah,
    TujuanHapus,
    TujuanTambah,
    TujuanUbah,
)
from .target import TargetRenstraUbah

__all__ = [
    "IndikatorHapus",
    "IndikatorTambah",
    "IndikatorUbah",
    "KeputusanDaftar",
    "KeputusanDetail",
    "KeputusanHapus",
    "KeputusanTambah",
    "KeputusanTetapkan",
    "RenstraDaftar",
    "RenstraDetail",
    "RenstraUbah",
    "SasaranHapus",
    "SasaranTambah",
    "SasaranUbah",
    "TargetRenstraUbah",
    "TujuanHapus",
    "TujuanTambah",
    "TujuanUbah",
]
