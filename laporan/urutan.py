"""Numbered rows edited by their id: the LHE's recommendations (laporan.evaluasi) and the
follow-up rows typed on the LKIP page (laporan.services).

A row keeps its identity (its id, and so what was answered to it) whatever is inserted,
reordered or edited around it: the form sends each row's id and the number asked for, never
a position that would give one row's answer to another. This module decides the order those
numbers ask for and renumbers the stored rows 1..n under their unique (parent, urutan).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import F, Model

from sakip.penguncian import TransisiDitolak

# Rows that move are first parked above every real number, so renumbering never asks for a
# number another row still holds (the (parent, urutan) constraint is checked row by row).
PARKIR = 10000


@dataclass(frozen=True)
class Letak:
    """Where one row of a form asks to stand."""

    id: int | None  # None: a new row
    nomor: int | None  # the number typed; None: where it stands now (a new row: the end)
    posisi: int  # its place on the form, from 0


def susun(baris: Sequence[Letak], urutan_lama: dict[int, int]) -> list[Letak]:
    """The rows in the order their numbers ask for.

    A number taken by two rows is read the way people mean it: a new row, or a row moved up
    to number n, goes before the row that stays at n; a row moved down to n goes after it.
    ``urutan_lama`` is the stored number of each existing row (id → urutan)."""

    def kunci(b: Letak) -> tuple:
        lama = urutan_lama.get(b.id) if b.id is not None else None
        if b.nomor is None:
            nomor = lama if lama is not None else float("inf")
            return (nomor, 0, b.posisi)
        if lama is None or b.nomor < lama:
            arah = -1
        elif b.nomor > lama:
            arah = 1
        else:
            arah = 0
        return (b.nomor, arah, b.posisi)

    return sorted(baris, key=kunci)


def nomori_ulang(model: type[Model], nomor_baru: dict[int, int]) -> list[int]:
    """Give stored rows (id → their new number) their numbers without two rows ever sharing
    one. Returns the ids whose number changes; the caller saves them with the new number (so
    the change history records old → new). Rows that keep their number are left alone."""
    lama = dict(model.objects.filter(id__in=nomor_baru).values_list("id", "urutan"))
    pindah = [i for i, n in nomor_baru.items() if lama.get(i) != n]
    if pindah:
        # The lockable models' update() asks each row's lock first (sakip.penguncian).
        model.objects.filter(id__in=pindah).update(urutan=F("urutan") + PARKIR)
    return pindah


def singkat(teks: str, panjang: int = 60) -> str:
    """A row's text shortened for a message that names it."""
    teks = " ".join(teks.split())
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"


class JawabanAkanHilang(TransisiDitolak):
    """Deleting numbered rows that hold a tindak lanjut, without the confirmation box ticked:
    nothing is saved, and the message names each row and its answer."""

    def __init__(self, baris: Sequence, *, pembuka: str, akibat: str):
        self.baris = tuple(baris)
        daftar = "; ".join(
            f"nomor {b.urutan} “{singkat(b.rekomendasi)}” (tindak lanjut: "
            f"“{singkat(b.tindak_lanjut)}”)"
            for b in self.baris
        )
        super().__init__(
            f"{pembuka}: {daftar}. {akibat} Centang “hapus beserta tindak lanjutnya” pada "
            "baris itu untuk tetap menghapus; tidak ada yang disimpan."
        )
