"""The layout cache of the parts of a printed document (issue 11, "Fast").

A bound document (the LKIP with its PK, IKU decrees and Renstra tables) is printed part by
part (``dasar.Penyaji.cetak``); a part whose input did not change since it was last laid out
(an approved PK, a decree frozen at its approval, the Renstra tables while only a narrative of
the LKIP changed) is not laid out again: its PDF is taken from here.

The key of a part is the SHA-256 of everything that decides its layout: its HTML, WeasyPrint's
and Pango's versions and the options of the render (base URL, url fetcher), and the bytes of
every file the render fetched through the url fetcher (style sheets, images). The fetched
files are only known once the part is laid out, so an entry is found by the first three and
holds the SHA-256 of each file it fetched; a file whose bytes changed since makes the entry
stale (the part is laid out again and the entry replaced). The fonts come from the system
(fontconfig), not through the fetcher: after installing or changing fonts, empty the folder.

An entry is one file ``<key[:2]>/<key>.bagian``: a header line (JSON: the PDF's SHA-256, its
page count, the page of each anchor, the fetched files) and the PDF of the part. It is written
to a temporary name and renamed into place (atomic: a concurrent render reads the old entry,
the new one or none, never half of one); an entry that cannot be read whole, or whose PDF does
not match its SHA-256, counts as missing. The folder is bounded (DOKUMEN_TEMBOLOK_BATAS_MB):
after a write the least recently used entries are removed past the bound; a hit refreshes an
entry's time.
"""

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

FORMAT = b"sakip-tata-letak-1\n"
AKHIRAN = ".bagian"


def sidik_bita(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


@dataclass(frozen=True)
class Entri:
    """A part laid out before: its PDF, its page count and the page (0-based, in the part) of
    each of its anchors."""

    pdf: bytes
    halaman: int
    jangkar: dict[str, int] = field(default_factory=dict)
    sumber: dict[str, str] = field(default_factory=dict)  # url → SHA-256 of the fetched bytes


class Tembolok:
    def __init__(self, folder: Path, batas_bita: int):
        self.folder = Path(folder)
        self.batas_bita = batas_bita

    @classmethod
    def dari_setelan(cls) -> "Tembolok | None":
        """The cache the settings name; None when it is switched off (DOKUMEN_TEMBOLOK empty)."""
        folder = settings.DOKUMEN_TEMBOLOK
        if not folder:
            return None
        return cls(Path(folder), settings.DOKUMEN_TEMBOLOK_BATAS_MB * 1024 * 1024)

    def _jalur(self, kunci: str) -> Path:
        return self.folder / kunci[:2] / f"{kunci}{AKHIRAN}"

    def ambil(self, kunci: str, sidik_sumber) -> Entri | None:
        """The entry of ``kunci`` when it is whole and every file it fetched still has the
        bytes it had (``sidik_sumber(url)`` → SHA-256, or None when the file is gone)."""
        jalur = self._jalur(kunci)
        try:
            data = jalur.read_bytes()
        except OSError:
            return None
        entri = _urai(data)
        if entri is None or any(sidik_sumber(u) != s for u, s in entri.sumber.items()):
            return None
        with contextlib.suppress(OSError):  # recently used: the last removed past the bound
            os.utime(jalur)
        return entri

    def simpan(self, kunci: str, entri: Entri) -> None:
        """Store an entry (atomic rename); a cache that cannot be written is only slower."""
        jalur = self._jalur(kunci)
        kepala = json.dumps(
            {
                "sha256": sidik_bita(entri.pdf),
                "halaman": entri.halaman,
                "jangkar": entri.jangkar,
                "sumber": entri.sumber,
            },
            sort_keys=True,
        ).encode()
        sementara = jalur.parent / f".{kunci}.{os.getpid()}.{secrets.token_hex(4)}"
        try:
            jalur.parent.mkdir(parents=True, exist_ok=True)
            sementara.write_bytes(FORMAT + kepala + b"\n" + entri.pdf)
            os.replace(sementara, jalur)
        except OSError:
            sementara.unlink(missing_ok=True)
            return
        self.pangkas()

    def pangkas(self) -> None:
        """Remove the least recently used entries while the folder exceeds its bound (to 80 %
        of it, so not every write scans again at once). Another process removing the same file
        meanwhile is no error."""
        berkas = []
        for jalur in self.folder.glob(f"*/*{AKHIRAN}"):
            try:
                st = jalur.stat()
            except OSError:
                continue
            berkas.append((st.st_mtime, st.st_size, jalur))
        total = sum(ukuran for _, ukuran, _ in berkas)
        if total <= self.batas_bita:
            return
        for _, ukuran, jalur in sorted(berkas, key=lambda b: b[0]):
            if total <= self.batas_bita * 0.8:
                break
            jalur.unlink(missing_ok=True)
            total -= ukuran


def _urai(data: bytes) -> Entri | None:
    if not data.startswith(FORMAT):
        return None
    kepala, pemisah, pdf = data[len(FORMAT) :].partition(b"\n")
    if not pemisah:
        return None
    try:
        k = json.loads(kepala)
        if k["sha256"] != sidik_bita(pdf):
            return None
        return Entri(
            pdf=pdf,
            halaman=int(k["halaman"]),
            jangkar={str(n): int(h) for n, h in k["jangkar"].items()},
            sumber={str(u): str(s) for u, s in k["sumber"].items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
