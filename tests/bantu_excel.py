"""Helpers of the Excel tests: download a workbook, change cells, upload it for a preview,
and read the preview page as text."""

import html as html_
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook


def unduh(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.status_code
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(r.content)).active


def baris_header(ws, pertama: str) -> int:
    for row in ws.iter_rows():
        if row[0].value == pertama:
            return row[0].row
    raise AssertionError("baris judul kolom tidak ada")


def kolom(ws, judul: str) -> int:
    """1-based column of a header."""
    nomor = baris_header(ws, "Kode kecamatan")
    for sel in ws[nomor]:
        if sel.value == judul:
            return sel.column
    raise AssertionError(f"kolom {judul} tidak ada")


def baris(ws, kolom_kunci: int, nilai: str) -> int:
    for row in ws.iter_rows(min_row=baris_header(ws, "Kode kecamatan") + 1):
        if row[kolom_kunci - 1].value == nilai:
            return row[0].row
    raise AssertionError(f"baris {nilai} tidak ada")


def berkas(ws, nama="impor.xlsx") -> SimpleUploadedFile:
    keluar = io.BytesIO()
    ws.parent.save(keluar)
    return SimpleUploadedFile(nama, keluar.getvalue())


def teks(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return html_.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def unggah(client, url, ws):
    r = client.post(url, {"berkas": berkas(ws)})
    assert r.status_code == 200, r.status_code
    return teks(r)


def konfirmasi(client, url):
    return client.post(url, {"konfirmasi": "1"}, follow=True)
