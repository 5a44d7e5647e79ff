"""What an uploaded file may be: the one owner of the limits of every upload.

A small file can hold a lot: an .xlsx of 1 MB unzips to a million rows, a CSV of 5 MB to a
quarter of a million, and a reader that keeps every row, or one message per bad cell, ties up
the server for minutes. Every upload (the three Excel imports, the survey file) is therefore
read as a stream through :func:`baris_terbatas`, which refuses the file as soon as it passes
a limit on rows, columns, filled cells or reading time; an .xlsx is first checked for its
unzipped size (:func:`periksa_xlsx`); the request itself is refused before Django parses it
when it is larger than any allowed file (:func:`permintaan_terlalu_besar`). Reporting stops
after ``galat`` problems. A sheet is read ``kolom + 1`` columns wide: a value in the column
past the limit refuses the file, and the thousands of empty formatted columns a workbook may
declare are never turned into cells. The limits come from the ``SAKIP_BATAS_UNGGAH`` setting
(defaults below), so the forms, the readers, the messages and the tests read the same numbers.
"""

import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from io import BytesIO
from xml.etree import ElementTree

from django.conf import settings
from django.shortcuts import render

from sakip.format_id import format_angka

MB = 1024 * 1024


@dataclass(frozen=True)
class BatasUnggah:
    ukuran: int = 5 * MB  # bytes of the uploaded file
    terurai: int = 50 * MB  # bytes of an .xlsx once unzipped
    baris_impor: int = 2_000  # rows of an Excel import (targets, realisasi, budget)
    baris_survei: int = 25_000  # rows of a survey file (one respondent a row)
    kolom: int = 60  # columns that may hold something
    sel: int = 500_000  # filled cells in the whole file
    galat: int = 50  # problems reported before reading stops
    detik: float = 20.0  # reading time of one file

    @property
    def ukuran_teks(self) -> str:
        return f"{format_angka(Decimal(self.ukuran) / MB, 1, buang_nol=True)} MB"


def batas_unggah() -> BatasUnggah:
    """The limits in force: the defaults above, overridden by ``SAKIP_BATAS_UNGGAH``."""
    return replace(BatasUnggah(), **getattr(settings, "SAKIP_BATAS_UNGGAH", {}))


class UnggahanDitolak(ValueError):
    """The whole file is refused; the message says which limit it passed."""


def periksa_ukuran(ukuran: int) -> None:
    batas = batas_unggah()
    if ukuran > batas.ukuran:
        raise UnggahanDitolak(f"Berkas terlalu besar (paling besar {batas.ukuran_teks}).")


def permintaan_terlalu_besar(request) -> str | None:
    """The refusal of a request whose body is larger than any allowed file (with room for the
    form's other fields), read from its Content-Length before Django parses the body."""
    try:
        panjang = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    batas = batas_unggah()
    if panjang > batas.ukuran + MB:
        return f"Berkas terlalu besar (paling besar {batas.ukuran_teks}). Tidak ada yang disimpan."
    return None


def batas_permintaan(get_response):
    """Middleware: a POST larger than any allowed upload is answered 413 with the limit,
    before the CSRF check or a view makes Django read (and spool to disk) its body."""

    def middleware(request):
        if request.method == "POST" and (pesan := permintaan_terlalu_besar(request)):
            return render(request, "413.html", {"pesan": pesan}, status=413)
        return get_response(request)

    return middleware


def periksa_xlsx(data: bytes, *, maks_baris: int) -> None:
    """Refuse an .xlsx whose parts unzip to more than the limit (a "zip bomb") or whose sheet
    holds more than ``maks_baris`` rows, before openpyxl opens it: openpyxl reads a whole
    sheet to size it when the sheet does not declare its dimension, which took minutes for a
    1 MB file of a million rows. Counting stops at the first row past the limit. A file that
    is not a zip at all is left to the workbook reader, which says so in its own words."""
    try:
        arsip = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    batas = batas_unggah()
    with arsip:
        terurai = sum(i.file_size for i in arsip.infolist())
        if terurai > batas.terurai:
            raise UnggahanDitolak(
                f"Isi berkas Excel terlalu besar setelah dibuka ({format_angka(terurai // MB, 0)}"
                f" MB, paling besar {format_angka(batas.terurai // MB, 0)} MB). Hapus baris dan "
                "lembar yang tidak dipakai, lalu unggah lagi."
            )
        for nama in arsip.namelist():
            if nama.startswith("xl/worksheets/") and nama.endswith(".xml"):
                with arsip.open(nama) as lembar:
                    _hitung_baris(lembar, maks_baris=maks_baris)


def _hitung_baris(lembar, *, maks_baris: int) -> None:
    baris = sel = 0
    maks_sel = batas_unggah().sel
    try:
        for _, unsur in ElementTree.iterparse(lembar):
            if unsur.tag.endswith("}c"):
                sel += 1
                if sel > maks_sel:
                    raise UnggahanDitolak(pesan_sel(maks_sel))
            elif unsur.tag.endswith("}row"):
                baris += 1
                if baris > maks_baris:
                    raise UnggahanDitolak(pesan_baris(maks_baris))
                unsur.clear()
    except ElementTree.ParseError:
        return  # not a sheet this reader understands: the workbook reader says why


def pesan_sel(maks_sel: int) -> str:
    return (
        f"Berkas memuat lebih dari {format_angka(maks_sel, 0)} sel. Bagi berkasnya, lalu "
        "unggah lagi."
    )


def pesan_baris(maks_baris: int) -> str:
    return (
        f"Berkas memuat lebih dari {format_angka(maks_baris, 0)} baris (termasuk baris kosong "
        "yang pernah diformat). Hapus baris yang tidak dipakai atau bagi berkasnya, lalu "
        "unggah lagi."
    )


def _kosong(nilai: object) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def baris_terbatas(
    baris: Iterable[tuple[int, Sequence]], *, maks_baris: int
) -> Iterator[tuple[int, list]]:
    """Pass (row number, values) through, at most ``kolom`` values a row, and raise
    :class:`UnggahanDitolak` once the file passes a limit: more than ``maks_baris`` rows
    (empty ones count: they are read too), a value beyond the ``kolom``-th column, more than
    ``sel`` filled cells, or more than ``detik`` seconds of reading."""
    batas = batas_unggah()
    mulai = time.monotonic()
    terisi = 0
    for i, (nomor, sel) in enumerate(baris, start=1):
        if i > maks_baris:
            raise UnggahanDitolak(pesan_baris(maks_baris))
        sel = list(sel)
        if len(sel) > batas.kolom:
            if any(not _kosong(s) for s in sel[batas.kolom :]):
                raise UnggahanDitolak(
                    f"Baris {nomor} berisi lebih dari {batas.kolom} kolom. Gunakan templat; "
                    "hapus kolom yang tidak dipakai."
                )
            sel = sel[: batas.kolom]
        terisi += sum(1 for s in sel if not _kosong(s))
        if terisi > batas.sel:
            raise UnggahanDitolak(pesan_sel(batas.sel))
        if i % 256 == 0 and time.monotonic() - mulai > batas.detik:
            raise UnggahanDitolak(
                f"Berkas terlalu lama dibaca (lebih dari {batas.detik:g} detik; berhenti"
                f" di baris {nomor}). Bagi berkasnya, lalu unggah lagi."
            )
        yield nomor, sel


def pesan_galat_penuh(jumlah: int) -> str:
    return (
        f"Lebih dari {jumlah} galat; pemeriksaan dihentikan. Perbaiki galat di atas (atau "
        "periksa apakah berkasnya benar), lalu unggah lagi."
    )
