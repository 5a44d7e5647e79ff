"""Compares two checkouts of the project on the printed documents, in one run: the CPU seconds
of WeasyPrint per document (bench/cpu.py in a child process per checkout, the two alternating
``--ulang`` times, the least of each kept) and the text of every PDF (``pdftotext``).

    git worktree add --detach /tmp/main-banding main
    .venv/bin/python bench/banding.py /tmp/main-banding            # this checkout vs that one
    .venv/bin/python bench/banding.py /tmp/main-banding --ulang 5 --hanya lkip

Both render from one database (``DATABASE_URL``, or a fresh temporary SQLite database loaded
once with the Jember data), so both migrations must agree; ``--basis-data-sendiri`` gives each
checkout a temporary SQLite database of its own, loaded from its own fixtures (an older
checkout whose schema differs: the runs still alternate). The figures measure the layout
itself: the layout cache is off (bench/cpu.py). It measures; it asserts nothing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
CPU = Path(__file__).resolve().parent / "cpu.py"


def jalankan(akar: Path, env: dict, hanya: str, simpan: Path | None = None) -> dict:
    perintah = [sys.executable, str(CPU), "--akar", str(akar), "--json", "--hanya", hanya]
    if simpan is not None:
        perintah += ["--simpan", str(simpan)]
    keluaran = subprocess.run(perintah, env=env, check=True, capture_output=True, text=True)
    return json.loads(keluaran.stdout.strip().splitlines()[-1])


def teks(pdf: Path) -> str:
    """The PDF's text in the order it is drawn (``pdftotext -raw``) without white space: the
    same when only the place of a line break moved (in a cell, or after "e-" of "e-SUKMA")."""
    keluaran = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return "".join(keluaran.split())


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("pembanding", type=Path, help="the other checkout (e.g. a worktree of main)")
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--hanya", default="")
    p.add_argument("--basis-data-sendiri", action="store_true")
    arg = p.parse_args()
    sementara = Path(tempfile.mkdtemp(prefix="bench-banding-"))
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{sementara}/bench.sqlite3")
    env.setdefault("MEDIA_ROOT", str(sementara / "media"))
    akar = {"ini": AKAR, "pembanding": arg.pembanding.resolve()}
    lingkungan = {nama: env for nama in akar}
    if arg.basis_data_sendiri:
        lingkungan = {
            nama: {
                **env,
                "DATABASE_URL": f"sqlite:///{sementara}/{nama}.sqlite3",
                "MEDIA_ROOT": str(sementara / f"media-{nama}"),
            }
            for nama in akar
        }
    cpu: dict[str, dict[str, list[float]]] = {"ini": {}, "pembanding": {}}
    halaman: dict[str, dict[str, int]] = {"ini": {}, "pembanding": {}}
    for putaran in range(arg.ulang):
        urutan = ("pembanding", "ini") if putaran % 2 == 0 else ("ini", "pembanding")
        for nama in urutan:
            simpan = None
            if putaran == 0:
                simpan = sementara / nama
                simpan.mkdir()
            for dokumen, (detik, hlm) in jalankan(
                akar[nama], lingkungan[nama], arg.hanya, simpan
            ).items():
                cpu[nama].setdefault(dokumen, []).append(detik)
                halaman[nama][dokumen] = hlm
    print(f"CPU WeasyPrint, terkecil dari {arg.ulang} (ini: {AKAR}; pembanding: {arg.pembanding})")
    print(f"  {'dokumen':<48} {'hlm':>7} {'pembanding':>10} {'ini':>7} {'selisih':>8}")
    for dokumen, detik in cpu["pembanding"].items():
        a, b = min(detik), min(cpu["ini"].get(dokumen, [float("nan")]))
        hlm = f"{halaman['pembanding'][dokumen]}/{halaman['ini'].get(dokumen, '?')}"
        print(f"  {dokumen[:48]:<48} {hlm:>7} {a:9.2f}s {b:6.2f}s {(b - a) / a:+8.1%}")
    print("Teks PDF (pdftotext -raw, tanpa spasi dan ganti baris)")
    for pdf in sorted((sementara / "pembanding").glob("*.pdf")):
        lain = sementara / "ini" / pdf.name
        sama = lain.exists() and teks(pdf) == teks(lain)
        print(f"  {pdf.stem[:60]:<60} {'sama' if sama else 'BERBEDA'}")
    print(f"PDF di {sementara}")


if __name__ == "__main__":
    main()
