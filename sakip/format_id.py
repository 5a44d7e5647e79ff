"""Display formatting in Indonesian conventions: 1.234,56 · 99,82% · Rp 3.920.691.860,40.

Templates and PDF renderers show numbers only through these functions, so every table prints the
same value the same way. Rounding is delegated to ``kinerja.bulatkan`` (half-up), the one rounding
rule of the code base. Nothing here depends on the server's locale: the separators and month
names are spelled out, so a report looks the same on every machine.
"""

import re
from datetime import date
from decimal import Decimal

from sakip.kinerja import Nilai, bulatkan

# What an empty cell shows: "not computable" must not look like 0.
TANPA_NILAI = "–"

NAMA_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_NIP = re.compile(r"[0-9]{18}")


def format_angka(nilai: Decimal | int | None, desimal: int = 2, buang_nol: bool = False) -> str:
    """ "1.234,56": dot for thousands, comma for decimals, rounded half-up.

    ``buang_nol`` drops trailing zero decimals ("92,50" → "92,5", "100,00" → "100"), which is how
    people write targets and realisasi; computed percentages keep their fixed decimals.
    """
    angka = bulatkan(nilai, desimal)
    if angka is None:
        return TANPA_NILAI
    bulat, _, pecahan = f"{angka.copy_abs():f}".partition(".")
    if buang_nol:
        pecahan = pecahan.rstrip("0")
    teks = f"{int(bulat):,}".replace(",", ".")
    if pecahan:
        teks = f"{teks},{pecahan}"
    # Compare the rounded value, so that -0,001 shows "0,00" and not "-0,00".
    return f"-{teks}" if angka < 0 else teks


def format_persen(nilai: Decimal | int | None, desimal: int = 2) -> str:
    if nilai is None:
        return TANPA_NILAI
    return f"{format_angka(nilai, desimal)}%"


def format_rupiah(nilai: Decimal | int | None, desimal: int = 2) -> str:
    if nilai is None:
        return TANPA_NILAI
    return f"Rp {format_angka(nilai, desimal)}"


def format_tersimpan(angka: Decimal | int | None) -> str:
    """A stored number as it was written: its meaningful decimals, trailing zeros dropped
    ("71,8", "92,33", "67"), the one display rule of a stored value (a Nilai SAKIP reads the same
    on the LHE page, the dashboard and the LKIP). Computed percentages keep fixed decimals."""
    if angka is None:
        return TANPA_NILAI
    angka = Decimal(angka)
    return format_angka(angka, desimal=max(2, -angka.as_tuple().exponent), buang_nol=True)


def format_nilai(nilai: Nilai | None) -> str:
    """A typed value as it was written: "B (67)", "A (80,41)", "97,5%", "4 Dok", "Rp 1.500".

    The number keeps the decimals it was typed with (at least two are shown when present, trailing
    zeros dropped), so formatting and ``parse_nilai`` agree with each other. Rupiah shows either no
    decimals or two, never "Rp 1.234,5".
    """
    if nilai is None:
        return TANPA_NILAI
    angka = nilai.angka
    if nilai.satuan == "Rp":
        bulat = angka == angka.to_integral_value()
        teks = format_rupiah(angka, desimal=0 if bulat else 2)
    else:
        teks = format_tersimpan(angka)
        if nilai.satuan == "%":
            teks = f"{teks}%"
        elif nilai.satuan:
            teks = f"{teks} {nilai.satuan}"
    if nilai.huruf:
        return f"{nilai.huruf} ({teks})"
    return teks


def format_nip(nip: str) -> str:
    """NIP of a civil servant, grouped as printed under a signature: "19730206 200312 1 002".

    The groups are birth date, appointment month, sex and sequence number. Anything that is not
    18 digits is returned unchanged rather than guessed at.
    """
    if not isinstance(nip, str) or not _NIP.fullmatch(nip):
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def format_tanggal(d: date | None) -> str:
    """ "10 Februari 2025", as dates are written on signed documents."""
    if d is None:
        return TANPA_NILAI
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"
