"""The national nomenclature codes of the budget tree (Permendagri 90/2019 and its updates):
program ``7.01.01`` (urusan.bidang.program), kegiatan ``7.01.01.2.01`` (program + .x.xx),
sub kegiatan ``7.01.01.2.01.0001`` (kegiatan + .xxxx). A row created from an Excel file must
carry such a code, so its parent follows from the code itself. Rows typed on the pages keep
whatever code the kecamatan uses (the Kencong seed numbers them 1, 1.1, 1.1.1).
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PolaKode:
    pola: re.Pattern
    bentuk: str  # "X.XX.XX"
    contoh: str  # "7.01.01"
    induk: int | None  # how many dot-separated parts the parent's code has

    def uraian(self) -> str:
        return f"{self.bentuk}, mis. {self.contoh}"


POLA = {
    "program": PolaKode(re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]{2}"), "X.XX.XX", "7.01.01", None),
    "kegiatan": PolaKode(
        re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}"),
        "X.XX.XX.X.XX",
        "7.01.01.2.01",
        3,
    ),
    "sub_kegiatan": PolaKode(
        re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}"),
        "X.XX.XX.X.XX.XXXX",
        "7.01.01.2.01.0001",
        5,
    ),
}
INDUK = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}


def kode_sah(tingkat: str, kode: str) -> bool:
    return POLA[tingkat].pola.fullmatch(kode) is not None


def kode_induk(tingkat: str, kode: str) -> str | None:
    """The parent's code of a valid code (``7.01.01.2.01`` → ``7.01.01``); None for a
    program."""
    bagian = POLA[tingkat].induk
    return None if bagian is None else ".".join(kode.split(".")[:bagian])
