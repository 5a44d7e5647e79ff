"""The base of every printed document: HTML from a template, PDF through WeasyPrint, handed
out as a ``sakip.berkas.Berkas`` like every other download."""

import io
import json
import logging
import mimetypes
import re
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter

from sakip.berkas import JENIS_PDF, Berkas

from . import tembolok
from .cepat import cetak_hemat
from .tembolok import sidik_bita

if TYPE_CHECKING:
    from weasyprint import Document

# WeasyPrint is imported where a document is printed: a process that never prints (the web
# server with a worker beside it, a management command) does not load it.
BASE_URL = "http://sakip.lokal/"
log = logging.getLogger(__name__)

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


def baca_berkas_lokal(url: str) -> tuple[bytes, str]:
    """The bytes and content type of a `/static/...` or `/media/...` URL. A path is confined to
    MEDIA_ROOT or to what the static finders find: ``..`` or a link leading out of them is
    refused like a missing file (ValueError)."""
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
    jenis, _ = mimetypes.guess_type(berkas.name)
    return berkas.read_bytes(), jenis or "application/octet-stream"


def ambil_berkas_lokal(url: str, sumber: dict[str, str] | None = None):
    """WeasyPrint's url_fetcher: only files of this application (static, media) and data:
    URLs, never the network; the same `/static/...` URLs work on the web page and in the PDF.
    ``sumber``, when given, collects the SHA-256 of each file fetched (the layout cache's
    key, ``tembolok``)."""
    from weasyprint import default_url_fetcher
    from weasyprint.urls import URLFetcherResponse

    if url.startswith("data:"):
        return default_url_fetcher(url)
    isi, jenis = baca_berkas_lokal(url)
    if sumber is not None:
        sumber[url] = sidik_bita(isi)
    return URLFetcherResponse(url, isi, headers={"Content-Type": jenis})


def _sidik_sumber(url: str) -> str | None:
    try:
        return sidik_bita(baca_berkas_lokal(url)[0])
    except ValueError:
        return None


# The page (in the LKIP's own numbering) on which an annex starts is known only once the
# annexes are laid out, so the main part's HTML holds a marker where it prints it:
# ``bagian`` is the part (1 = the first annex), ``jangkar`` an anchor in that part where the
# annex starts (else its first page), ``mulai`` the anchor of the main part whose page is
# numbered 1 (else its first page). The numbers count on through the main part and the
# annexes bound after it. A marker is an HTML comment: text a user typed cannot make one.
PENANDA_HALAMAN = re.compile(
    r"<!--sakip:halaman bagian=(\d+)(?: jangkar=([\w-]+))?(?: mulai=([\w-]+))?-->"
)


def penanda_halaman(bagian: int, *, jangkar: str = "", mulai: str = "") -> str:
    teks = f"bagian={bagian}" + (f" jangkar={jangkar}" if jangkar else "")
    return f"<!--sakip:halaman {teks}" + (f" mulai={mulai}" if mulai else "") + "-->"


@dataclass
class _Bagian:
    """A laid-out part: its pages (when laid out now) or its PDF (from the cache, or written
    for it), its page count and the page of each anchor."""

    halaman: int
    jangkar: dict[str, int]
    dokumen: "Document | None" = None
    pdf: bytes | None = None


def _kunci(html: str) -> str:
    """The cache key of a part without its fetched files (``tembolok``)."""
    import weasyprint
    from weasyprint.text.ffi import pango

    opsi = json.dumps(
        [tembolok.FORMAT.decode(), weasyprint.__version__, pango.pango_version(), BASE_URL]
    )
    return sidik_bita(opsi.encode() + b"\0" + html.encode())


def _dari_tembolok(html: str, cache: tembolok.Tembolok | None) -> _Bagian | None:
    if cache is None:
        return None
    kunci = _kunci(html)
    entri = cache.ambil(kunci, _sidik_sumber)
    if entri is None:
        return None
    log.debug("bagian %s… dari tembolok (%d halaman)", kunci[:12], entri.halaman)
    return _Bagian(entri.halaman, entri.jangkar, pdf=entri.pdf)


def _tata(html: str) -> tuple[_Bagian, dict[str, str]]:
    """Lay out one part: its pages and anchors, and the SHA-256 of each file it fetched."""
    from weasyprint import HTML

    sumber: dict[str, str] = {}
    dokumen = HTML(
        string=html, base_url=BASE_URL, url_fetcher=partial(ambil_berkas_lokal, sumber=sumber)
    ).render()
    jangkar: dict[str, int] = {}
    for i, halaman in enumerate(dokumen.pages):
        for nama in halaman.anchors:
            jangkar.setdefault(nama, i)
    log.debug("bagian ditata letak (%d halaman)", len(dokumen.pages))
    return _Bagian(len(dokumen.pages), jangkar, dokumen=dokumen), sumber


def _simpan(html: str, bagian: _Bagian, sumber: dict[str, str], cache) -> _Bagian:
    """With the cache: the part's PDF written and kept under its HTML's key."""
    if cache is not None:
        bagian.pdf = bagian.dokumen.write_pdf()
        entri = tembolok.Entri(bagian.pdf, bagian.halaman, bagian.jangkar, sumber)
        cache.simpan(_kunci(html), entri)
    return bagian


def _tata_letak(html: str, cache: tembolok.Tembolok | None) -> _Bagian:
    """Lay out one part, or take its PDF from the cache when its input is unchanged."""
    bagian = _dari_tembolok(html, cache)
    if bagian is None:
        bagian = _simpan(html, *_tata(html), cache)
    return bagian


def _nomor(html: str, utama: _Bagian, lampiran: list[_Bagian]) -> list[str]:
    """The page number of each marker of the main part, in order, counted as if the main part
    were laid out as ``utama``."""
    hasil = []
    for m in PENANDA_HALAMAN.finditer(html):
        ke, jangkar, mulai = int(m[1]), m[2], m[3]
        if not 1 <= ke <= len(lampiran):
            hasil.append("")
            continue
        posisi = utama.halaman + sum(b.halaman for b in lampiran[: ke - 1])
        posisi += lampiran[ke - 1].jangkar.get(jangkar, 0) if jangkar else 0
        hasil.append(str(posisi - (utama.jangkar.get(mulai, 0) if mulai else 0) + 1))
    return hasil


def _isi_nomor(html: str, nomor: list[str]) -> str:
    """The main part's HTML with each marker replaced by its number, in a span that names the
    marker (``_tambal`` finds it there)."""
    urutan = iter(enumerate(nomor))

    def ganti(m: re.Match) -> str:
        i, n = next(urutan)
        return f'<span data-sakip-halaman="{i}">{n}</span>'

    return PENANDA_HALAMAN.sub(ganti, html)


def _tambal(bagian: _Bagian, lama: list[str], baru: list[str]) -> bool:
    """Put the right numbers into a main part laid out with others of as many digits each: the
    digits of the document's fonts are all of one width (tabular), so the layout is the one the
    right numbers would get; only the text of those boxes changes (as WeasyPrint itself changes
    a laid-out box's text to add an ellipsis). False, touching nothing, when a number's length
    differs or its box is not found: the part is then laid out again."""
    if any(len(a) != len(b) for a, b in zip(lama, baru, strict=True)):
        return False
    kotak = []
    try:  # WeasyPrint's box tree (pinned below 69 in pyproject.toml); if it moved, lay out again
        for halaman in bagian.dokumen.pages:
            for box in halaman._page_box.descendants():
                element = getattr(box, "element", None)
                if getattr(box, "text", None) is None or element is None:
                    continue
                i = element.get("data-sakip-halaman")
                if i is not None and box.text == lama[int(i)]:
                    kotak.append((box, baru[int(i)]))
    except AttributeError:
        return False
    if len(kotak) != sum(1 for n in lama if n):
        return False
    for box, teks in kotak:
        # A laid-out box's layout is set up again from this text when it is drawn.
        box.text = box.pango_layout.text = teks
    return True


# The main part's last layout (its page count and the pages of the anchors its markers count
# from), the guess its numbers are first filled in with: kept per set of annexes and per title
# of the main part (an edit of a draft annex keeps the title), in this process (a few hundred
# at most) and in the cache, so an edit that moves no page lays the main part out once.
_PETUNJUK: dict[str, _Bagian] = {}
_PETUNJUK_BATAS = 256
_JUDUL = re.compile(r"<title>(.*?)</title>", re.S)


def _kunci_petunjuk(html: str, lampiran_html: list[str]) -> list[str]:
    judul = _JUDUL.search(html)
    return [
        sidik_bita("\0".join(["petunjuk", *lampiran_html]).encode()),
        sidik_bita(f"petunjuk-judul\0{judul[1] if judul else ''}".encode()),
    ]


def _tebakan(kunci: list[str], cache) -> _Bagian | None:
    for k in kunci:
        if k in _PETUNJUK:
            return _PETUNJUK[k]
        entri = cache.ambil(k, _sidik_sumber) if cache is not None else None
        if entri is not None:
            return _Bagian(entri.halaman, entri.jangkar)
    return None


def _cetak_utama(html: str, lampiran_html: list[str], lampiran: list[_Bagian], cache) -> _Bagian:
    """Lay out the main part with the page numbers of its annexes (``PENANDA_HALAMAN``).

    The numbers depend on the main part's own length, known once it is laid out. They are
    filled in from a guess — the last layout of this main part's kind (``_PETUNJUK``), or
    two-digit stand-ins on a first print — and the part laid out; when that layout gives other
    numbers of as many digits, they are put into its boxes (``_tambal``), otherwise (a number
    grew a digit) it is laid out again with the numbers that layout gave."""
    penanda = list(PENANDA_HALAMAN.finditer(html))
    if not penanda:
        return _tata_letak(html, cache)
    kunci = _kunci_petunjuk(html, lampiran_html)
    tebakan = _tebakan(kunci, cache)
    if tebakan is not None:
        nomor = _nomor(html, tebakan, lampiran)
    else:
        nomor = [n.zfill(2) if n else n for n in _nomor(html, _Bagian(0, {}), lampiran)]
    for _ in range(4):
        isi = _isi_nomor(html, nomor)
        utama = _dari_tembolok(isi, cache)
        if utama is not None and _nomor(html, utama, lampiran) == nomor:
            break
        utama, sumber = _tata(isi)
        benar = _nomor(html, utama, lampiran)
        if benar == nomor:
            utama = _simpan(isi, utama, sumber, cache)
            break
        if _tambal(utama, nomor, benar):
            utama = _simpan(_isi_nomor(html, benar), utama, sumber, cache)
            break
        nomor = benar
    mulai = {m[3] for m in penanda if m[3] and m[3] in utama.jangkar}
    petunjuk = _Bagian(utama.halaman, {n: utama.jangkar[n] for n in mulai})
    if len(_PETUNJUK) >= _PETUNJUK_BATAS:
        _PETUNJUK.clear()
    for k in kunci:
        _PETUNJUK[k] = petunjuk
        if cache is not None:
            cache.simpan(k, tembolok.Entri(b"", petunjuk.halaman, petunjuk.jangkar))
    return utama


def gabung_pdf(daftar: list[bytes]) -> bytes:
    """The PDFs of the parts as one: the first part's catalog and metadata (title, outline),
    the pages, links and outline of the others appended."""
    if len(daftar) == 1:
        return daftar[0]
    penulis = PdfWriter(clone_from=PdfReader(io.BytesIO(daftar[0])))
    for pdf in daftar[1:]:
        penulis.append(PdfReader(io.BytesIO(pdf)))
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


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
        counters: the annexes first, so the main part can print the page each starts on
        (``PENANDA_HALAMAN``), then the main part. With the layout cache (DOKUMEN_TEMBOLOK) a
        part whose input is unchanged is taken from it and the parts' PDFs are joined
        (``gabung_pdf``); without it the pages are written as one PDF (WeasyPrint's recipe
        for combining documents). Printed the thrifty way (``cepat``)."""
        mulai = time.perf_counter()
        cache = tembolok.Tembolok.dari_setelan()
        utama_html, *lampiran_html = pisah_dokumen(html)
        with cetak_hemat():
            lampiran = [_tata_letak(b, cache) for b in lampiran_html]
            semua = [_cetak_utama(utama_html, lampiran_html, lampiran, cache), *lampiran]
            if cache is None:
                lembar = [h for b in semua for h in b.dokumen.pages]
                isi = semua[0].dokumen.copy(lembar).write_pdf()
                del lembar
            else:
                isi = gabung_pdf([b.pdf for b in semua])
            halaman = sum(b.halaman for b in semua)
            del semua, lampiran  # the laid-out pages, freed before the collection that ends
        return isi, halaman, time.perf_counter() - mulai

    def render(self) -> Berkas:
        isi, _, _ = self.cetak(self.html())
        return Berkas(self.nama_berkas(), JENIS_PDF, isi)
