"""The setting of the pages of the printed documents: renders the Kencong 2025 LKIP, every IKU
decree and both PK of Kencong, and prints, per document and page, what a reader would call
badly set (issue 11, "The setting of the pages"):

- ``kosong``: the share of the page's text area left empty below its last line, for a page
  more than 40 % empty that neither ends the document or a chapter (the next page starts with a
  forced page break) nor precedes a change of page size or orientation;
- ``judul``: a heading, or a lead-in sentence ending with ":", as the last line of a page;
- ``baris``: a table row split over two pages although it is shorter than a page;
- ``sel``: text in a bordered table cell reaching closer than 1 pt to its border (a number
  touching or crossing it: the column is too narrow for what it holds).

    .venv/bin/python bench/halaman.py            # on a fresh temporary SQLite database
    .venv/bin/python bench/halaman.py --semua    # also the fill of every page
    .venv/bin/python bench/halaman.py lkip /22   # only the documents whose name has these

It measures on WeasyPrint's laid-out boxes (the same layout the PDF is drawn from); it asserts
nothing. ``periksa_halaman`` is what tests/test_setelan_halaman.py runs on one PK.
"""

import io
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")

BATAS_KOSONG = 0.40
JARAK_SEL = 4 / 3  # 1 pt in CSS px: the least room between a cell's text and its border
JUDUL = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
PINDAH = {"page", "left", "right", "recto", "verso"}
JENIS = ("kosong", "judul", "baris", "sel")


@dataclass
class Temuan:
    halaman: int
    jenis: str  # kosong | judul | baris | sel
    keterangan: str


@dataclass
class Laporan:
    dokumen: str
    halaman: int = 0
    isi: list[float] = field(default_factory=list)  # per page, the share left empty
    temuan: list[Temuan] = field(default_factory=list)
    catatan: list[Temuan] = field(default_factory=list)  # allowed, shown for the record


def _jalan(box, leluhur=()):
    """Every box below ``box`` with its ancestors."""
    yield box, leluhur
    for anak in getattr(box, "children", None) or ():
        yield from _jalan(anak, (*leluhur, box))


def _akar(page):
    """The page's root box, without the margin boxes (running headers, page numbers)."""
    return next(b for b in page._page_box.children if type(b).__name__ != "MarginBox")


def _bidang(page):
    box = page._page_box
    atas = box.margin_top + box.padding_top + box.border_top_width
    bawah = page.height - box.margin_bottom - box.padding_bottom - box.border_bottom_width
    return atas, bawah


def _baris_teks(page):
    """(line box, its ancestors) of every line holding visible text, plus images."""
    for box, leluhur in _jalan(_akar(page)):
        nama = type(box).__name__
        teks = nama == "LineBox" and any(
            type(b).__name__ == "TextBox" and b.text.strip() for b, _ in _jalan(box)
        )
        if teks or nama in ("InlineReplacedBox", "BlockReplacedBox"):
            yield box, leluhur


def _teks(box) -> str:
    return " ".join(b.text.strip() for b, _ in _jalan(box) if type(b).__name__ == "TextBox").strip()


def _kanan_teks(box) -> float:
    """The right edge of the furthest text in ``box`` (0 without text)."""
    return max(
        (b.position_x + b.width for b, _ in _jalan(box) if type(b).__name__ == "TextBox"),
        default=0.0,
    )


def _mulai_paksa(page, sebelum) -> bool:
    """Whether the page's first content opens with a forced page break (a new chapter): an
    element with ``break-before: page`` that does not continue from the page ``sebelum``."""
    sudah = {id(b.element) for b, _ in _jalan(_akar(sebelum)) if b.element is not None}
    box = _akar(page)
    while box is not None:
        if box.style["break_before"] in PINDAH and id(box.element) not in sudah:
            return True
        anak = getattr(box, "children", None) or ()
        box = anak[0] if anak else None
    return False


def periksa_halaman(dokumen, nama: str) -> Laporan:
    """The findings on a rendered WeasyPrint document (``HTML(...).render()``)."""
    hasil = Laporan(nama, len(dokumen.pages))
    # Per table row (its element): the pages it is on, its height summed over them, its text.
    baris_di: dict[int, list[int]] = {}
    tinggi_baris: dict[int, float] = {}
    teks_baris: dict[int, str] = {}
    tinggi_halaman = 0.0
    for nomor, page in enumerate(dokumen.pages, start=1):
        atas, bawah = _bidang(page)
        tinggi = bawah - atas
        tinggi_halaman = max(tinggi_halaman, tinggi)
        baris = list(_baris_teks(page))
        akhir = max((b.position_y + b.margin_height() for b, _ in baris), default=atas)
        kosong = max(0.0, (bawah - akhir) / tinggi)
        hasil.isi.append(kosong)
        berikut = dokumen.pages[nomor] if nomor < len(dokumen.pages) else None
        pengecualian = (
            berikut is None
            or (berikut.width, berikut.height) != (page.width, page.height)
            or _mulai_paksa(berikut, page)
        )
        if kosong > BATAS_KOSONG and not pengecualian:
            hasil.temuan.append(Temuan(nomor, "kosong", f"{kosong:.0%} kosong"))
        elif kosong > BATAS_KOSONG:
            hasil.catatan.append(Temuan(nomor, "kosong", f"{kosong:.0%} kosong, akhir bab"))
        if baris and all({b.element_tag for b in lh} & JUDUL for _, lh in baris):
            hasil.temuan.append(Temuan(nomor, "judul", "halaman hanya berisi judul"))
        if baris and berikut is not None:
            terakhir, leluhur = max(baris, key=lambda x: x[0].position_y)
            blok = next(
                (b for b in reversed(leluhur) if type(b).__name__ not in ("LineBox",)), None
            )
            teks = _teks(blok) if blok is not None else ""
            tag = {b.element_tag for b in leluhur}
            dalam_tabel = "td" in tag or "th" in tag
            if tag & JUDUL and not dalam_tabel:
                hasil.temuan.append(Temuan(nomor, "judul", f"judul di kaki: «{teks[:60]}»"))
            elif teks.endswith(":") and not dalam_tabel:
                hasil.temuan.append(Temuan(nomor, "judul", f"pengantar di kaki: «{teks[-60:]}»"))
        for box, leluhur in _jalan(_akar(page)):
            berbatas = box.style["border_right_style"] not in ("none", "hidden")
            if type(box).__name__ == "TableCellBox" and berbatas:
                batas = box.content_box_x() + box.width + box.padding_right
                if _kanan_teks(box) > batas - JARAK_SEL:
                    lebih = (_kanan_teks(box) - batas) * 0.75
                    keterangan = f"teks {lebih:+.1f} pt dari batas sel: «{_teks(box)[:50]}»"
                    hasil.temuan.append(Temuan(nomor, "sel", keterangan))
            if type(box).__name__ != "TableRowBox" or box.element is None:
                continue
            if any(b.element_tag == "thead" for b in leluhur):
                continue
            kunci = id(box.element)
            baris_di.setdefault(kunci, []).append(nomor)
            tinggi_baris[kunci] = tinggi_baris.get(kunci, 0) + box.margin_height()
            teks_baris.setdefault(kunci, _teks(box)[:50])
    for kunci, halaman in baris_di.items():
        if len(halaman) > 1 and tinggi_baris[kunci] < tinggi_halaman:
            keterangan = f"baris terbelah ke hlm. {halaman[-1]}: «{teks_baris[kunci]}»"
            hasil.temuan.append(Temuan(halaman[0], "baris", keterangan))
    hasil.temuan.sort(key=lambda t: t.halaman)
    return hasil


def render(penyaji):
    from weasyprint import HTML

    from laporan.dokumen.dasar import ambil_berkas_lokal, pisah_dokumen

    # The document's own part: the LKIP's bound annexes (PK, decrees) are checked as their own
    # documents.
    return HTML(
        string=pisah_dokumen(penyaji.html())[0],
        base_url="http://sakip.lokal/",
        url_fetcher=ambil_berkas_lokal,
    ).render()


def cetak_laporan(laporan: Laporan, *, semua: bool = False) -> None:
    kosong = [k for k in laporan.isi if k > BATAS_KOSONG]
    print(
        f"\n{laporan.dokumen}: {laporan.halaman} halaman, {len(kosong)} > 40 % kosong, "
        f"{len(laporan.temuan)} temuan"
    )
    for t in sorted(laporan.temuan + laporan.catatan, key=lambda t: t.halaman):
        print(f"  hlm. {t.halaman:>3}  {t.jenis:<7} {t.keterangan}")
    if semua:
        print("  isi: " + " ".join(f"{n}:{k:.0%}" for n, k in enumerate(laporan.isi, 1)))


def main() -> None:
    sementara = tempfile.mkdtemp(prefix="bench-halaman-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{sementara}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{sementara}/media")
    import django

    django.setup()
    from django.core.management import call_command

    from iku.models import KeputusanIKU
    from laporan.dokumen.daftar import penyaji_untuk
    from laporan.models import LaporanKinerja
    from perjanjian.models import PerjanjianKinerja

    call_command("migrate", verbosity=0)
    call_command("muat_data_jember", verbosity=0, stdout=io.StringIO())
    lkip = LaporanKinerja.objects.get(kecamatan__slug="kencong", tahun=2025)
    dokumen = [("LKIP Kencong 2025", penyaji_untuk("lkip", lkip))]
    for k in KeputusanIKU.objects.select_related("kecamatan").order_by("kecamatan__nama", "pk"):
        dokumen.append((f"Keputusan {k.kecamatan.nama} {k.nomor}", penyaji_untuk("keputusan", k)))
    for p in PerjanjianKinerja.objects.filter(kecamatan__slug="kencong").order_by("pk"):
        nama = f"PK Kencong {p.tahun} ({p.get_jenis_display()})"
        dokumen.append((nama, penyaji_untuk("perjanjian", p)))
    semua = "--semua" in sys.argv
    ringkas = []
    hanya = [a for a in sys.argv[1:] if not a.startswith("--")]
    for nama, penyaji in dokumen:
        if hanya and not any(h.lower() in nama.lower() for h in hanya):
            continue
        laporan = periksa_halaman(render(penyaji), nama)
        cetak_laporan(laporan, semua=semua)
        ringkas.append(laporan)
    print("\nRingkasan")
    print(f"  {'dokumen':<52} {'hlm':>4} {'>40%':>5} {'judul':>6} {'baris':>6} {'sel':>4}")
    for r in ringkas:
        hitung = {j: sum(t.jenis == j for t in r.temuan) for j in JENIS}
        print(
            f"  {r.dokumen[:52]:<52} {r.halaman:>4} {hitung['kosong']:>5} "
            f"{hitung['judul']:>6} {hitung['baris']:>6} {hitung['sel']:>4}"
        )


if __name__ == "__main__":
    main()
