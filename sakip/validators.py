"""Validators and database conditions shared by the apps' models."""

from django.core.validators import RegexValidator
from django.db.models import Q

# \A and \Z, not ^ and $: "$" also matches before a final newline (Python, hence SQLite).
NIP_PATTERN = r"\A[0-9]{18}\Z"

# NIP (Nomor Induk Pegawai) is stored as its 18 digits; "19730206 200312 1 002" is how it
# is printed (sakip.format_id.format_nip). People paste it with spaces, so forms strip them
# before this validator runs.
validate_nip = RegexValidator(
    NIP_PATTERN,
    "NIP harus terdiri dari 18 angka, mis. 19730206 200312 1 002.",
    code="nip",
)


def nip_valid_or_blank(field: str) -> Q:
    """Database condition: the NIP column is empty or exactly 18 digits."""
    return Q(**{field: ""}) | Q(**{f"{field}__regex": NIP_PATTERN})
