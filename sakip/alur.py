"""Workflows as data: each document kind declares its transition table next to its model,
and every status change goes through ``jalankan_transisi``.

A table is ``{(dari, aksi): ke}``. What is not in it is refused, with one Indonesian message
that names the document, its current status and the action, so a stale page, a double
click or a hand-made request gets the same answer everywhere. Who may act (the permission)
is not the table's business: the services check it before they get here.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import models
from django.dispatch import Signal

from sakip.penguncian import TransisiDitolak


@dataclass(frozen=True)
class Alur:
    """The transition table of one document kind.

    ``aksi`` gives each action the words the message uses ("ajukan" → "diajukan");
    ``catatan`` adds a sentence when an action is refused in a given status (e.g. why a
    ditetapkan document is closed), so the message says what to do instead.
    """

    nama: str
    status: type[models.TextChoices]
    transisi: Mapping[tuple[str, str], str]
    aksi: Mapping[str, str]
    catatan: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self):
        sah = set(self.status.values)
        for (dari, aksi), ke in self.transisi.items():
            if dari not in sah or ke not in sah or aksi not in self.aksi:
                raise ValueError(f"Transisi {self.nama} tidak dikenal: {dari} --{aksi}--> {ke}")

    def ke(self, dari: str, aksi: str) -> str | None:
        """The status after ``aksi`` from ``dari``, or None when the table does not allow it."""
        return self.transisi.get((dari, aksi))

    def boleh(self, dari: str, aksi: str) -> bool:
        return (dari, aksi) in self.transisi

    def tersedia(self, dari: str) -> dict[str, bool]:
        """Every action of the table and whether ``dari`` allows it: the flags a page shows its
        buttons by, so a template never compares status strings."""
        return {aksi: self.boleh(dari, aksi) for aksi in self.aksi}

    def asal(self, aksi: str) -> list[str]:
        """The statuses from which ``aksi`` is allowed, in the order of the status choices."""
        return [s for s in self.status.values if (s, aksi) in self.transisi]

    def pesan_tolak(self, *, dari: str, aksi: str, nama: str | None = None) -> str:
        label = self.status(dari).label.lower() if dari in self.status.values else dari
        asal = self.asal(aksi)
        if aksi not in self.aksi:
            pesan = f"{nama or self.nama} berstatus {label}; tindakan «{aksi}» tidak dikenal."
        elif asal:
            bukan = " atau ".join(self.status(s).label.lower() for s in asal)
            pesan = (
                f"{nama or self.nama} berstatus {label}, bukan {bukan}; "
                f"tidak dapat {self.aksi[aksi]}."
            )
        else:
            pesan = f"{nama or self.nama} tidak dapat {self.aksi[aksi]}."
        tambahan = self.catatan.get(dari)
        return f"{pesan} {tambahan}" if tambahan else pesan

    def tujuan(self, *, dari: str, aksi: str, nama: str | None = None) -> str:
        """The next status, or TransisiDitolak with the message."""
        ke = self.ke(dari, aksi)
        if ke is None:
            raise TransisiDitolak(self.pesan_tolak(dari=dari, aksi=aksi, nama=nama))
        return ke


# Sent by jalankan_transisi once a status change is saved (inside the caller's transaction):
# ``dokumen``, ``dari``, ``aksi``, ``ke``, ``oleh``. A higher app that must act on a lower
# app's step listens here instead of being imported by it: laporan keeps the print of a PK or
# decree as it is at the moment it becomes ditetapkan.
transisi_dijalankan = Signal()


def jalankan_transisi(*, dokumen, aksi: str, oleh, **kolom):
    """Apply ``aksi`` to ``dokumen`` by its kind's table (``dokumen.alur``) and save it.

    The caller has checked the permission and the action's own conditions, and holds the
    row locked (``select_for_update``) inside its transaction, so the status read here is
    the stored one. ``kolom`` are fields written together with the status (a comment, the
    reviewer). The model's guard still runs in ``save()``: it knows the transition being
    made (``dokumen.transisi_berjalan``) for the one case a locked document may move.
    """
    alur: Alur = dokumen.alur
    dari = dokumen.status
    ke = alur.tujuan(dari=dari, aksi=aksi, nama=dokumen.nama_alur)
    dokumen.status = ke
    for nama, nilai in kolom.items():
        setattr(dokumen, nama, nilai)
    dokumen._history_user = oleh
    dokumen.transisi_berjalan = (dari, aksi)
    try:
        dokumen.save()
    finally:
        dokumen.transisi_berjalan = None
    transisi_dijalankan.send(
        sender=type(dokumen), dokumen=dokumen, dari=dari, aksi=aksi, ke=ke, oleh=oleh
    )
    return dokumen
