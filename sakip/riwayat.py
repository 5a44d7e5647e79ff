"""Selector: the change history (who, when, old → new) of objects, from django-simple-history.

Shown on the page of each audited object. Only the newest records are read (the page shows the
newest ``batas`` lines), each with the id of its object's previous record in the same source
(a window function, LAG), and those previous records in a second query: two queries per
history table, and the work does not grow with the length of the history (a period's
realisasi saved a thousand times reads the same few hundred rows as one saved ten times).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import F, QuerySet, Window
from django.db.models.functions import Lag
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
    """History lines of the given historical querysets, newest first, at most ``batas``.

    A source may carry a function naming the object of a record (e.g. ``lambda c: c.indikator
    .nama`` with ``select_related("indikator")``); by default it is the model's name. A record
    "Diubah" is compared with the previous record of the same object in its source and shown
    only when a field changed; lines of the same time keep the order of their source, object
    and record.
    """
    hasil: list[tuple[tuple, BarisRiwayat]] = []
    pengguna: dict[int, str] = {}  # the users' names, read once for every source
    for urutan, s in enumerate(sumber):
        qs, nama = s if isinstance(s, tuple) else (s, None)
        if nama is None:
            label = capfirst(qs.model.instance_type._meta.verbose_name)

            def nama(_c, label=label):
                return label

        for c, baris in _baris_terbaru(qs, nama, batas, pengguna):
            hasil.append(((urutan, c.id, c.history_date, c.history_id), baris))
    hasil.sort(key=lambda x: x[0])
    baris = [b for _, b in hasil]
    baris.sort(key=lambda b: b.waktu, reverse=True)
    return baris[:batas]


def _baris_terbaru(
    qs: QuerySet, nama: Callable[[object], str], batas: int, pengguna: dict[int, str]
) -> list:
    """(record, line) of the newest records of one source that make a line: at least the
    newest ``batas`` lines and every other line of the same time as the last of them (which of
    several lines of one time are shown is decided by the order of the whole list)."""
    model = qs.model
    kolom = [f for f in model.instance_type._meta.concrete_fields if f.attname not in ABAIKAN]
    berurut = qs.annotate(
        _sebelumnya=Window(
            Lag("history_id"),
            partition_by=[F("id")],
            order_by=[F("history_date").asc(), F("history_id").asc()],
        )
    )
    ambil = batas + 20
    while True:
        catatan = list(berurut.order_by("-history_date", "-history_id")[:ambil])
        habis = len(catatan) < ambil
        _muat_pengguna(model, catatan, pengguna)
        baris = _baris(qs, catatan, kolom, nama, pengguna)
        if habis or (len(baris) >= batas and catatan[-1].history_date < baris[batas - 1][1].waktu):
            return baris
        ambil *= 4


def _muat_pengguna(model, catatan: list, pengguna: dict[int, str]) -> None:
    """The names of the records' users not yet in ``pengguna`` (each user once, in one query
    of their name columns: a whole user row joined to each of a hundred records cost a third
    of the history's time)."""
    kurang = {c.history_user_id for c in catatan} - {None} - pengguna.keys()
    if not kurang:
        return
    Pengguna = model._meta.get_field("history_user").related_model
    for u in Pengguna._default_manager.filter(id__in=kurang).only(
        "first_name", "last_name", "username"
    ):
        pengguna[u.id] = u.get_full_name() or u.username


def _baris(qs, catatan: list, kolom, nama, pengguna: dict[int, str]) -> list:
    """The lines of ``catatan`` (newest first), each "Diubah" compared with its previous
    record, read in one query when it is not among them."""
    dimuat = {c.history_id: c for c in catatan}
    kurang = {
        c._sebelumnya
        for c in catatan
        if c.history_type == "~" and c._sebelumnya is not None and c._sebelumnya not in dimuat
    }
    if kurang:
        dimuat.update((c.history_id, c) for c in qs.order_by().filter(history_id__in=kurang))
    hasil = []
    # A record's new value is the next record's old one: each is formatted once.
    tampil: dict[tuple[int, str], str] = {}

    def tampil_sekali(catatan, f) -> str:
        kunci = (catatan.history_id, f.attname)
        if kunci not in tampil:
            tampil[kunci] = _tampil(catatan, f)
        return tampil[kunci]

    for c in catatan:
        sebelumnya = dimuat.get(c._sebelumnya) if c._sebelumnya is not None else None
        perubahan = []
        if sebelumnya is not None and c.history_type == "~":
            for f in kolom:
                # Equal stored values show equally: only a column that differs is formatted
                # (two values may still show alike, 1.0 and 1.00, None and "").
                if getattr(sebelumnya, f.attname) == getattr(c, f.attname):
                    continue
                lama, baru = tampil_sekali(sebelumnya, f), tampil_sekali(c, f)
                if lama != baru:
                    perubahan.append(Perubahan(str(f.verbose_name), lama, baru))
        if c.history_type != "~" or perubahan:
            hasil.append(
                (
                    c,
                    BarisRiwayat(
                        waktu=c.history_date,
                        pengguna=pengguna.get(c.history_user_id, "sistem"),
                        jenis=JENIS.get(c.history_type, c.history_type),
                        objek=nama(c),
                        perubahan=perubahan,
                    ),
                )
            )
    return hasil
