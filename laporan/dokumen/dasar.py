"""The base of every printed document: HTML from a template, PDF through WeasyPrint, handed
out as a ``sakip.berkas.Berkas`` like every other download."""

import mimetypes
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

from sakip.berkas import JENIS_PDF, Berkas

# A document bound with its annexes (the LKIP with its PK, IKU decrees and Renstra tables) is
# stored as the HTML of each part joined by this comment: every part a complete HTML document
# with its own CSS, printed alone, the pages bound in order. The stored HTML (and so its
# SHA-256, the cache key) holds every annex; a document of one part prints as before.
PEMISAH_DOKUMEN = "\n<!-- sakip:dokumen-berikutnya -->\n"


def gabung_dokumen(bagian: list[str]) -> str:
    return PEMISAH_DOKUMEN.join(bagian)


def pisah_dokumen(html: str) -> list[str]:
    return html.split(PEMISAH_DOKUMEN)


def _di_dalam(berkas: Path, akar: Path) -> Path | None:
    """``berkas`` resolved (``..`` and symbolic links followed) when it lies inside ``akar``."""
    nyata = berkas.resolve()
    return nyata if nyata.is_relative_to(Path(akar).resolve()) else None


def ambil_berkas_lokal(url: str):
    """WeasyPrint's url_fetcher: only files of this application (static, media) and data:
    URLs, never the network; the same `/static/...` URLs work on the web page and in the PDF.
    A path is confined to MEDIA_ROOT or to what the static finders find: ``..`` or a link
    leading out of them is refused like a missing file."""
    if url.startswith("data:"):
        from weasyprint import default_url_fetcher

        return default_url_fetcher(url)
    jalur = unquote(urlparse(url).path)
    awalan_static = "/" + settings.STATIC_URL.strip("/") + "/"
    awalan_media = "/" + settings.MEDIA_URL.strip("/") + "/"
    berkas = None
    if jalur.startswith(awalan_static):
        try:
            ditemukan = finders.find(jalur[len(awalan_static) :])
        except SuspiciousFileOperation:
            ditemukan = None
        if ditemukan:
            # The finders' roots: the project's static folders and the apps' static/.
            akar = [
                d[1] if isinstance(d, tuple | list) else d for d in settings.STATICFILES_DIRS
            ] + [Path(app.path) / "static" for app in apps.get_app_configs()]
            berkas = next(
                (b for a in akar if (b := _di_dalam(Path(ditemukan), a)) is not None), None
            )
    elif jalur.startswith(awalan_media):
        berkas = _di_dalam(
            Path(settings.MEDIA_ROOT) / jalur[len(awalan_media) :].lstrip("/"),
            settings.MEDIA_ROOT,
        )
    if berkas is None or not berkas.is_file():
        raise ValueError(f"Berkas untuk dokumen tidak ditemukan: {url}")
    from weasyprint.urls import URLFetcherResponse

    jenis, _ = mimetypes.guess_type(berkas.name)
    return URLFetcherResponse(
        url, berkas.read_bytes(), headers={"Content-Type": jenis or "application/octet-stream"}
    )


class Penyaji:
    """Renders one document. Subclasses set ``jenis`` and ``template_name`` and implement
    ``konteks()`` (gathering everything through selectors, a bounded number of queries),
    ``ditetapkan()`` and ``nama_berkas()``.

    A file name carries the kind, the kecamatan, the year and the version, and ``-draf`` for a
    draft (``lkip-kencong-2025-versi-1.pdf``, ``lkip-kencong-2025-draf.pdf``): two versions of
    a document never download under one name."""

    jenis: str = ""
    template_name: str = ""

    def __init__(self, objek):
        self.objek = objek

    @property
    def kecamatan(self):
        return self.objek.kecamatan

    def konteks(self) -> dict:
        raise NotImplementedError

    def ditetapkan(self) -> bool:
        """Whether the document is approved: it is then printed once and served as stored."""
        raise NotImplementedError

    def nama_berkas(self) -> str:
        raise NotImplementedError

    def akhiran_draf(self) -> str:
        return "" if self.ditetapkan() else "-draf"

    def html(self) -> str:
        return render_to_string(self.template_name, self.konteks())

    @staticmethod
    def cetak(html: str) -> tuple[bytes, int, float]:
        """HTML → (PDF bytes, page count, seconds WeasyPrint took). The parts of a bound
        document (``gabung_dokumen``) are laid out one by one, each with its own CSS and page
        counters, and written as one PDF (WeasyPrint's recipe for combining documents)."""
        from weasyprint import HTML

        mulai = time.perf_counter()
        bagian = [
            HTML(string=b, base_url="http://sakip.lokal/", url_fetcher=ambil_berkas_lokal).render()
            for b in pisah_dokumen(html)
        ]
        halaman = [h for dokumen in bagian for h in dokumen.pages]
        isi = bagian[0].copy(halaman).write_pdf()
        return isi, len(halaman), time.perf_counter() - mulai

    def render(self) -> Berkas:
        isi, _, _ = self.cetak(self.html())
        return Berkas(self.nama_berkas(), JENIS_PDF, isi)
