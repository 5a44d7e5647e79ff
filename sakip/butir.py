"""The lines of a multi-line text field as a list: each line's typed marker ("a.", "1.", "(1)",
"1)", "-", "•") split off with its depth, so every page and every printed document shows the
bullets and numbered lists a user typed the same way (the ``butir`` template filter, the IKU
decree's lampiran, the LKIP tables). Pure: no Django model, no database."""

import re
from dataclasses import dataclass

# A list marker typed at the start of a line: "a.", "1.", "(1)", "1)", "-", "•".
_PENANDA = re.compile(r"^\s*(\(\d{1,2}\)|\d{1,2}[.)]|[a-z][.)]|[-•–])\s+(.*)$")


@dataclass(frozen=True)
class Butir:
    """One line of a multi-line text: its list marker (may be empty), its text, and its depth
    (0 = plain line, 1 = first kind of marker met, 2 = a second kind nested under it …)."""

    penanda: str
    isi: str
    tingkat: int


def _jenis_penanda(penanda: str) -> str:
    if penanda.startswith("("):
        return "kurung"
    if penanda[0].isdigit():
        return "angka"
    if penanda[0].isalpha():
        return "huruf"
    return "strip"


def pecah_butir(teks: str) -> tuple[Butir, ...]:
    """The lines of a text as typed, each with its list marker split off so the print can hang
    the text behind it. Depth follows the order in which marker kinds first appear."""
    hasil, urutan_jenis = [], []
    for baris in (teks or "").splitlines():
        if not baris.strip():
            continue
        cocok = _PENANDA.match(baris)
        if cocok is None:
            hasil.append(Butir("", baris.strip(), 0))
            continue
        jenis = _jenis_penanda(cocok.group(1))
        if jenis not in urutan_jenis:
            urutan_jenis.append(jenis)
        hasil.append(Butir(cocok.group(1), cocok.group(2).strip(), urutan_jenis.index(jenis) + 1))
    return tuple(hasil)


def daftar_baris(teks: str) -> list[str]:
    """The non-empty lines of a "one per line" field, any marker typed in front removed (the
    document numbers or letters them itself)."""
    hasil = []
    for baris in (teks or "").splitlines():
        if not baris.strip():
            continue
        cocok = _PENANDA.match(baris)
        hasil.append(cocok.group(2).strip() if cocok else baris.strip())
    return hasil
