"""Validators and database conditions shared by the apps' models."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q

# \A and \Z, not ^ and $: "$" also matches before a final newline (Python, hence SQLite).
NIP_PATTERN = r"\A[0-9]{18}\Z"
PANJANG_NIP = 18

# NIP (Nomor Induk Pegawai) is stored as its 18 digits; "19730206 200312 1 002" is how it
# is printed (sakip.format_id.format_nip). People paste it with spaces: every path that takes
# one (the pages' NipField, the admin's NipAdmin, an Excel cell, the pejabat services) passes
# it through ``normalkan_nip`` first, then ``periksa_nip`` names what is wrong. The model's own
# validator below stays as it is (its message is part of the migrations' state).
validate_nip = RegexValidator(
    NIP_PATTERN,
    "NIP harus terdiri dari 18 angka, mis. 19730206 200312 1 002.",
    code="nip",
)

CONTOH_NIP = "19730206 200312 1 002"


def normalkan_nip(nilai) -> str:
    """The one normaliser of a NIP as people type or paste it: every kind of space removed
    ("19710512 199803 1 007", a non-breaking space copied from a PDF), a whole number from an
    Excel cell written out. Anything else is returned as typed, for ``periksa_nip`` to name.

    An Excel cell formatted as a number cannot hold 18 digits (it keeps 15): such a value
    comes as a float and is refused with that cause rather than stored wrong."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        raise ValidationError("NIP harus berupa 18 angka, bukan nilai ya/tidak.", code="nip")
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        raise ValidationError(
            "NIP terbaca sebagai angka Excel, yang hanya menyimpan 15 angka pertama: "
            "format selnya sebagai Teks, lalu ketik ulang NIP-nya.",
            code="nip",
        )
    return re.sub(r"\s+", "", str(nilai))


def periksa_nip(nip: str) -> None:
    """Refuse a (normalised, non-empty) NIP with a message naming the cause: a character that
    is not a digit, or the number of digits."""
    if re.fullmatch(NIP_PATTERN, nip):
        return
    bukan_angka = sorted(set(re.sub(r"[0-9]", "", nip)))
    if bukan_angka:
        daftar = ", ".join(f"“{c}”" for c in bukan_angka)
        raise ValidationError(
            f"NIP hanya berisi angka (spasi boleh); {daftar} bukan angka. Contoh: {CONTOH_NIP}.",
            code="nip",
        )
    raise ValidationError(
        f"NIP harus {PANJANG_NIP} angka; yang diketik {len(nip)} angka. Contoh: {CONTOH_NIP}.",
        code="nip",
    )


def baca_nip(nilai) -> str:
    """A NIP from any input (a form, an Excel cell, a script): normalised, checked, "" when
    empty. Raises ``ValidationError`` naming the cause."""
    nip = normalkan_nip(nilai)
    if nip:
        periksa_nip(nip)
    return nip


def nip_valid_or_blank(field: str) -> Q:
    """Database condition: the NIP column is empty or exactly 18 digits."""
    return Q(**{field: ""}) | Q(**{f"{field}__regex": NIP_PATTERN})
