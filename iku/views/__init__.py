"""Pages of the Renstra and the IKU decree, one module per entity."""

from .indikator import IndikatorCreate, IndikatorDelete, IndikatorUpdate
from .keputusan import (
    KeputusanCreate,
    KeputusanDelete,
    KeputusanDetail,
    KeputusanList,
    KeputusanTetapkan,
)
from .renstra import RenstraDetail, RenstraList, RenstraUpdate
from .struktur import (
    SasaranCreate,
    SasaranDelete,
    SasaranUpdate,
    TujuanCreate,
    TujuanDelete,
    TujuanUpdate,
)
from .target import TargetRenstraUpdate

__all__ = [
    "IndikatorCreate",
    "IndikatorDelete",
    "IndikatorUpdate",
    "KeputusanCreate",
    "KeputusanDelete",
    "KeputusanDetail",
    "KeputusanList",
    "KeputusanTetapkan",
    "RenstraDetail",
    "RenstraList",
    "RenstraUpdate",
    "SasaranCreate",
    "SasaranDelete",
    "SasaranUpdate",
    "TargetRenstraUpdate",
    "TujuanCreate",
    "TujuanDelete",
    "TujuanUpdate",
]
