"""The one contract of every file the application hands out: the printed documents (PDF), the
Excel exports and templates, the dashboard workbook.

A renderer is a function or method ``render(...) -> Berkas``; a view only turns the Berkas
into a response with ``respons_berkas``. It lives in the core because the lower apps' Excel
exports produce Berkas too, and they must not import ``laporan`` where the documents live.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

JENIS_PDF = "application/pdf"
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Berkas:
    """A finished file: the name it is downloaded under, its content type and its bytes."""

    nama: str
    content_type: str
    isi: bytes


def respons_berkas(berkas: Berkas) -> HttpResponse:
    """A download of ``berkas``. The name goes through Django's Content-Disposition helper, as
    FileResponse does for the stored PDFs: a plain ``filename="…"`` for ASCII names, the RFC
    5987 ``filename*=utf-8''…`` form for others (a kabupaten or kecamatan name with an accent
    or a space must not break the header)."""
    respons = HttpResponse(berkas.isi, content_type=berkas.content_type)
    respons["Content-Disposition"] = content_disposition_header(True, berkas.nama)
    return respons


def respons_tersimpan(tersimpan, *, nama: str, content_type: str) -> HttpResponse:
    """A download of a file stored under MEDIA_ROOT (a FileField's file), for a view that has
    checked access: MEDIA_ROOT has no URL of its own. With ``BERKAS_KIRIM`` set the web server
    sends the bytes (``x-sendfile``: Apache mod_xsendfile, lighttpd; ``x-accel-redirect``:
    nginx, under the internal location ``BERKAS_KIRIM_AWALAN`` that maps to MEDIA_ROOT)."""
    cara = settings.BERKAS_KIRIM
    if cara == "x-sendfile":
        respons = HttpResponse(content_type=content_type)
        respons["X-Sendfile"] = tersimpan.path
    elif cara == "x-accel-redirect":
        respons = HttpResponse(content_type=content_type)
        respons["X-Accel-Redirect"] = (
            settings.BERKAS_KIRIM_AWALAN.rstrip("/") + "/" + (tersimpan.name.lstrip("/"))
        )
    else:
        return FileResponse(
            tersimpan.open("rb"), as_attachment=True, filename=nama, content_type=content_type
        )
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons
