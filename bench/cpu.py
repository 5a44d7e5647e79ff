"""CPU time of WeasyPrint on the printed documents, and where it goes (issue 11, "Fast").

``cpu_dokumen`` renders a document (HTML → laid-out pages → PDF) and returns its CPU seconds
(``time.process_time``: this process only, so other work on a shared machine counts far less
than in wall time); ``profil_fase`` profiles one render with cProfile and sums it by phase of
WeasyPrint. ``bench/lkip.py`` prints both; ``bench/banding.py`` compares two checkouts.

    .venv/bin/python bench/cpu.py            # every document, on a fresh temporary database
    .venv/bin/python bench/cpu.py --profil   # and the LKIP's profile by phase

It measures; it asserts nothing.
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent

# The phases of a WeasyPrint render, each the inclusive CPU time of one function (cProfile's
# cumulative time counts a recursive function once). Nested phases are indented in the print.
FASE = [
    ("gaya (cascade)", "css/__init__.py", "get_all_computed_styles"),
    ("kotak (formatting structure)", "formatting_structure/build.py", "build_formatting_structure"),
    ("tata letak", "layout/__init__.py", "layout_document"),
    ("  tabel", "layout/table.py", "table_layout"),
    ("  lebar kolom otomatis", "layout/table.py", "auto_table_layout"),
    ("  lebar kolom tetap", "layout/table.py", "fixed_table_layout"),
    ("  lebar minimum/maksimum isi", "layout/preferred.py", "table_and_columns_preferred_widths"),
    ("  pemenggalan baris", "text/line_break.py", "split_first_line"),
    ("PDF (gambar halaman + tulis)", "pdf/__init__.py", "generate_pdf"),
    ("  gambar halaman (draw)", "draw/__init__.py", "draw_page"),
    ("    grafik SVG", "svg/__init__.py", "draw"),
    ("    batas sel collapse", "draw/__init__.py", "draw_collapsed_borders"),
    ("    teks", "draw/text.py", "draw_text"),
    ("  fon (subset)", "pdf/fonts.py", "build_fonts_dictionary"),
]


# The joint of the parts of a bound document (laporan.dokumen.dasar.PEMISAH_DOKUMEN), spelled
# out: a checkout from before the lampiran were bound has no such module constant.
PEMISAH_DOKUMEN = "\n<!-- sakip:dokumen-berikutnya -->\n"


class BagianSendiri:
    """The LKIP's own part, without the lampiran bound after it: what the LKIP was before
    they were (issue 11), so its CPU per page compares across that change."""

    def __init__(self, penyaji):
        self.penyaji = penyaji

    def html(self) -> str:
        return self.penyaji.html().split(PEMISAH_DOKUMEN)[0]

    def cetak(self, html: str):
        return self.penyaji.cetak(html)


def tanpa_tembolok():
    """The layout itself is measured: the layout cache (DOKUMEN_TEMBOLOK) switched off."""
    from django.test.utils import override_settings

    return override_settings(DOKUMEN_TEMBOLOK="")


def cpu_dokumen(penyaji) -> tuple[float, int, bytes]:
    """(CPU seconds of WeasyPrint on the document's HTML, pages, PDF bytes), every part laid
    out (no layout cache)."""
    html = penyaji.html()
    with tanpa_tembolok():
        mulai = time.process_time()
        isi, halaman, _ = penyaji.cetak(html)
        return time.process_time() - mulai, halaman, isi


def profil_fase(penyaji) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
    """Profile one render: (total seconds under the profiler, [(phase, seconds)], the ten
    WeasyPrint modules (and other libraries) with the most own time)."""
    html = penyaji.html()
    profil = cProfile.Profile(time.process_time)
    with tanpa_tembolok():
        profil.enable()
        penyaji.cetak(html)
        profil.disable()
    statistik = pstats.Stats(profil).stats
    total = sum(tt for _, _, tt, _, _ in statistik.values())
    fase = []
    for nama, berkas, fungsi in FASE:
        kumulatif = sum(
            ct
            for (f, _, fn), (_, _, _, ct, _) in statistik.items()
            if fn == fungsi and f.replace("\\", "/").endswith("weasyprint/" + berkas)
        )
        fase.append((nama, kumulatif))
    modul: dict[str, float] = {}
    for (f, _, _), (_, _, tt, _, _) in statistik.items():
        f = f.replace("\\", "/")
        if "/weasyprint/" in f:
            kunci = "weasyprint/" + f.split("/weasyprint/", 1)[1]
        elif "site-packages/" in f:
            kunci = f.split("site-packages/", 1)[1].split("/", 1)[0]
        else:
            kunci = "lain (python, stdlib)"
        modul[kunci] = modul.get(kunci, 0) + tt
    teratas = sorted(modul.items(), key=lambda x: -x[1])[:10]
    return total, fase, teratas


def cetak_profil(total: float, fase, teratas) -> None:
    print(f"  profil (cProfile, CPU, {total:.2f} s di bawah profiler)")
    for nama, detik in fase:
        print(f"    {nama:<34} {detik:6.2f} s  {detik / total:5.1%}")
    print("  modul dengan waktu sendiri terbanyak")
    for nama, detik in teratas:
        print(f"    {nama:<34} {detik:6.2f} s  {detik / total:5.1%}")


def daftar_dokumen():
    """(name, renderer) of the Kencong 2025 LKIP (bound, and its own part alone), every IKU
    decree and both PK of Kencong."""
    from iku.models import KeputusanIKU
    from laporan.dokumen.daftar import penyaji_untuk
    from laporan.models import LaporanKinerja
    from perjanjian.models import PerjanjianKinerja

    lkip = LaporanKinerja.objects.get(kecamatan__slug="kencong", tahun=2025)
    dokumen = [
        ("LKIP Kencong 2025", penyaji_untuk("lkip", lkip)),
        ("LKIP Kencong 2025, bagian sendiri", BagianSendiri(penyaji_untuk("lkip", lkip))),
    ]
    for k in KeputusanIKU.objects.select_related("kecamatan").order_by("kecamatan__nama", "pk"):
        dokumen.append((f"Keputusan {k.kecamatan.nama} {k.nomor}", penyaji_untuk("keputusan", k)))
    for p in PerjanjianKinerja.objects.filter(kecamatan__slug="kencong").order_by("pk"):
        nama = f"PK Kencong {p.tahun} ({p.get_jenis_display()})"
        dokumen.append((nama, penyaji_untuk("perjanjian", p)))
    return dokumen


def ukur_semua(*, ulang: int = 1, hanya: str = "", simpan: Path | None = None) -> dict:
    """{document: (least CPU seconds of ``ulang`` renders, pages)}; the PDFs written to
    ``simpan`` when given."""
    hasil = {}
    for nama, penyaji in daftar_dokumen():
        if hanya and hanya.lower() not in nama.lower():
            continue
        ukuran = [cpu_dokumen(penyaji) for _ in range(ulang)]
        hasil[nama] = (min(u[0] for u in ukuran), ukuran[0][1])
        if simpan is not None:
            (simpan / (nama.replace("/", "-").replace(" ", "_") + ".pdf")).write_bytes(ukuran[0][2])
    return hasil


def cetak_cpu(hasil: dict) -> None:
    print(f"  {'dokumen':<48} {'hlm':>4} {'CPU s':>7} {'s/hlm':>6}")
    for nama, (detik, halaman) in hasil.items():
        print(f"  {nama[:48]:<48} {halaman:>4} {detik:7.2f} {detik / halaman:6.3f}")


def main() -> None:
    """Options: ``--profil`` (of the bound LKIP), ``--profil-bagian-sendiri`` (of its own
    part); ``--akar DIR`` (the project checkout to render with, default
    this one); ``--ulang N``; ``--hanya TEXT`` (documents whose name has it); ``--simpan DIR``
    (write the PDFs); ``--json`` (print the figures as one JSON line, for bench/banding.py)."""
    import argparse
    import json

    p = argparse.ArgumentParser()
    p.add_argument("--profil", action="store_true")
    p.add_argument("--profil-bagian-sendiri", action="store_true")
    p.add_argument("--akar", type=Path, default=AKAR)
    p.add_argument("--ulang", type=int, default=1)
    p.add_argument("--hanya", default="")
    p.add_argument("--simpan", type=Path)
    p.add_argument("--json", action="store_true")
    arg = p.parse_args()
    sys.path.insert(0, str(arg.akar.resolve()))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    sementara = tempfile.mkdtemp(prefix="bench-cpu-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{sementara}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{sementara}/media")
    import django

    django.setup()
    from django.core.management import call_command

    from laporan.models import LaporanKinerja

    call_command("migrate", verbosity=0)
    if not LaporanKinerja.objects.filter(kecamatan__slug="kencong", tahun=2025).exists():
        call_command("muat_data_jember", verbosity=0, stdout=io.StringIO())
    hasil = ukur_semua(ulang=arg.ulang, hanya=arg.hanya, simpan=arg.simpan)
    if arg.json:
        print(json.dumps(hasil))
    else:
        cetak_cpu(hasil)
    if arg.profil:
        cetak_profil(*profil_fase(daftar_dokumen()[0][1]))
    if arg.profil_bagian_sendiri:
        cetak_profil(*profil_fase(BagianSendiri(daftar_dokumen()[0][1])))


if __name__ == "__main__":
    main()
