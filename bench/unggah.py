"""Benchmark of the two hostile uploads of issue 12: how long, and how much memory, reading
takes before the file is refused.

- an .xlsx of a few MB holding 1,000,000 rows, given to the realisasi import's reader
  (``sakip.excel.baris_lembar`` on ``buka_buku``: what the import does before its diff);
- a CSV of about 4,9 MB holding 270,000 survey rows, each with nine wrong answers, given to
  ``perjanjian.survei.baca_survei`` (before the limits it made 2,43 million error objects).

    .venv/bin/python bench/unggah.py

Before the limits of sakip.unggah the first took 235 s and 359 MB, the second 823 MB. It
measures and prints; it asserts nothing. Peak memory is the peak of Python's allocations
(tracemalloc) during the read, plus the process's maximum resident size at the end.
"""

import io
import os
import resource
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")

import django  # noqa: E402

django.setup()

from perjanjian.excel import AWAL_REALISASI  # noqa: E402
from perjanjian.survei import baca_survei  # noqa: E402
from sakip.excel import baris_lembar, buka_buku  # noqa: E402
from sakip.unggah import batas_unggah  # noqa: E402

BARIS_XLSX = 1_000_000
BARIS_CSV = 270_000

_RANGKA = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Realisasi" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def xlsx_sejuta_baris() -> bytes:
    """The realisasi template's header, then a million rows of one number each, written as
    XML straight into the zip (openpyxl would take minutes to write it)."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as arsip:
        for nama, isi in _RANGKA.items():
            arsip.writestr(nama, isi)
        with arsip.open("xl/worksheets/sheet1.xml", "w") as lembar:
            lembar.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            )
            for i, judul in enumerate(AWAL_REALISASI):
                kolom = chr(ord("A") + i)
                lembar.write(f'<c r="{kolom}1" t="inlineStr"><is><t>{judul}</t></is></c>'.encode())
            lembar.write(b"</row>")
            for r in range(BARIS_XLSX):
                # A varying number: a constant row compresses to a few dozen KB; this gives
                # a file of the same order as the (978 KB; its size is printed).
                lembar.write(f"<row><c><v>{r % 10_000}</v></c></row>".encode())
            lembar.write(b"</sheetData></worksheet>")
    return keluar.getvalue()


def csv_survei_salah() -> bytes:
    judul = ";".join(f"U{n}" for n in range(1, 10))
    baris = [judul] + ["9;9;9;9;9;9;9;9;9"] * BARIS_CSV
    return ("\r\n".join(baris) + "\r\n").encode()


def ukur(judul: str, fungsi) -> None:
    tracemalloc.start()
    mulai = time.perf_counter()
    try:
        hasil = fungsi()
    except ValueError as e:
        hasil = f"ditolak: {e}"
    detik = time.perf_counter() - mulai
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{judul}\n  {detik:.2f} s, puncak alokasi Python {puncak / 2**20:.1f} MB\n  {hasil}")


def main() -> None:
    batas = batas_unggah()
    print(
        f"Batas: {batas.ukuran_teks}, {batas.baris_impor} baris impor, {batas.baris_survei} "
        f"baris survei, {batas.kolom} kolom, {batas.sel} sel, {batas.galat} galat, "
        f"{batas.detik:g} detik\n"
    )
    xlsx = xlsx_sejuta_baris()
    print(f"xlsx: {len(xlsx) / 1024:.0f} KB, {BARIS_XLSX:,} baris")
    ukur(
        "Impor realisasi (pembacaan lembar)",
        lambda: baris_lembar(buka_buku(xlsx), AWAL_REALISASI[:3]),
    )
    csv = csv_survei_salah()
    print(f"\ncsv: {len(csv) / 2**20:.2f} MB, {BARIS_CSV:,} baris salah")

    def survei():
        baca = baca_survei(csv, "survei.csv")
        return f"{len(baca.galat)} galat disimpan; terakhir: {baca.galat[-1]}"

    ukur("Survei IKM (baca_survei)", survei)
    maks = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nResident maksimum proses (termasuk membuat kedua berkas): {maks:.0f} MB")


if __name__ == "__main__":
    main()
