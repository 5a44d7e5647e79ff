"""Selector: the change history (who, when, old → new) of objects, from django-simple-history.

Shown on the page of each audited object. Records are read in one query per history table
and compared in Python, so a long history does not cost a query per line.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from itertools import groupby

from django.db.models import QuerySet
from django.utils.text import capfirst

from sakip.format_id import TANPA_NILAI, format_angka

JENIS = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}
ABAIKAN = {"id"}


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class BarisRiwayat:
    waktu: datetime
    pengguna: str
    jenis: str
    objek: str
    perubahan: list[Perubahan] = field(default_factory=list)


def _tampil(catatan, f) -> str:
    nilai = getattr(catatan, f.attname)
    if nilai is None or nilai == "":
        return TANPA_NILAI
    if f.choices:
        return str(dict(f.flatchoices).get(nilai, nilai))
    if isinstance(nilai, Decimal):
        return format_angka(nilai, desimal=4, buang_nol=True)
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    return str(nilai)


Sumber = QuerySet | tuple[QuerySet, Callable[[object], str]]


def riwayat(*sumber: Sumber, batas: int = 100) -> list[BarisRiwayat]:
    """History lines of the given historical querysets, newest first.

    A source may carry a function naming the object of a record (e.g. ``lambda c: c.indikator
    .nama`` with ``select_related("indikator")``); by default it is the model's name.
    """
    hasil: list[BarisRiwayat] = []
    for s in sumber:
        qs, nama = s if isinstance(s, tuple) else (s, None)
        model = qs.model
        if nama is None:
            label = capfirst(model.instance_type._meta.verbose_name)

            def nama(_c, label=label):
                return label

        kolom = [f for f in model.instance_type._meta.concrete_fields if f.attname not in ABAIKAN]
        baris = qs.select_related("history_user").order_by("id", "history_date", "history_id")
        for _, versi in groupby(baris, key=lambda c: c.id):
            sebelumnya = None
            for c in versi:
                perubahan = []
                if sebelumnya is not None and c.history_type == "~":
                    for f in kolom:
                        lama, baru = _tampil(sebelumnya, f), _tampil(c, f)
                        if lama != baru:
                            perubahan.append(Perubahan(str(f.verbose_name), lama, baru))
                if c.history_type != "~" or perubahan:
                    hasil.append(
                        BarisRiwayat(
                            waktu=c.history_date,
                            pengguna=(
                                c.history_user.get_full_name() or c.history_user.username
                                if c.history_user
                                else "sistem"
                            ),
                            jenis=JENIS.get(c.history_type, c.history_type),
                            objek=nama(c),
                            perubahan=perubahan,
                        )
                    )
                sebelumnya = c
    hasil.sort(key=lambda b: b.waktu, reverse=True)
    return hasil[:batas]
