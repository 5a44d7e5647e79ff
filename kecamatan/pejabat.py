"""Selector: who signs for a kecamatan."""

from django.db.models import F, Q

from .models import Kecamatan, Pejabat


def camat_terakhir(kecamatan: Kecamatan) -> Pejabat | None:
    """The kecamatan's latest camat (also a Plt./Plh.): the one who signs its PK, its IKU
    decree and its LKIP. Latest start of office first, else the last recorded."""
    return (
        Pejabat.objects.filter(kecamatan=kecamatan)
        .filter(
            Q(jabatan__istartswith="camat")
            | Q(jabatan__istartswith="plt. camat")
            | Q(jabatan__istartswith="plh. camat")
        )
        .order_by(F("mulai").desc(nulls_last=True), "-id")
        .first()
    )
