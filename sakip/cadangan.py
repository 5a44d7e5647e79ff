"""Backup and restore of the whole installation: the database and the media files, with a
SHA-256 manifest (`manage.py cadangkan <folder>`, `manage.py pulihkan <folder>`).

A backup folder holds:

- ``basis-data.sqlite3``: SQLite's online backup of the live database (the text dump of
  ``.dump`` would silently drop the rows its REGEXP check constraints cannot re-check); or
- ``basis-data.pgdump``: PostgreSQL's own dump (``pg_dump --format=custom``); or
- ``basis-data.json``: every table's rows, column by column (``--json``, or PostgreSQL
  without ``pg_dump``). Written and read back with plain SQL, never through the models'
  ``save()``: ``dumpdata``/``loaddata`` would add history rows for every object restored;
- ``media/``: a copy of every stored file (logos, printed documents, uploads);
- ``cadangan.json``: how the database was written, when, and its migrations;
- ``SHA256SUMS``: the SHA-256 of every other file, in the format ``sha256sum -c`` reads.

Restoring checks every checksum first and changes nothing when one differs, a file is
missing or one is there that the manifest does not list."""

import base64
import datetime
import decimal
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.dateparse import parse_date, parse_datetime, parse_duration, parse_time
from django.utils.duration import duration_iso_string

MANIFEST = "SHA256SUMS"
KETERANGAN = "cadangan.json"
FOLDER_MEDIA = "media"
BERKAS_BASIS_DATA = {
    "sqlite": "basis-data.sqlite3",
    "pg_dump": "basis-data.pgdump",
    "json": "basis-data.json",
}
UKURAN_POTONGAN = 1024 * 1024
BARIS_PER_KIRIM = 500


class CadanganGagal(Exception):
    """A backup or restore refused or failed; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Ringkasan:
    cara: str
    jumlah_berkas_media: int
    folder: Path


# --- backup --------------------------------------------------------------------------------


def cadangkan(*, folder: Path, paksa_json: bool = False) -> Ringkasan:
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise CadanganGagal(
            f"Folder {folder} tidak kosong; cadangan ditulis ke folder baru atau kosong agar "
            "cadangan lama tidak tertimpa."
        )
    folder.mkdir(parents=True, exist_ok=True)
    cara = _cara_cadangan(paksa_json)
    tujuan = folder / BERKAS_BASIS_DATA[cara]
    if cara == "sqlite":
        connection.ensure_connection()
        salinan = sqlite3.connect(tujuan)
        try:
            connection.connection.backup(salinan)
        finally:
            salinan.close()
    elif cara == "pg_dump":
        _jalankan_pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges"], tujuan)
    else:
        _tulis_json(tujuan)
    jumlah = _salin_media(Path(settings.MEDIA_ROOT), folder / FOLDER_MEDIA)
    keterangan = {
        "format": 1,
        "dibuat": datetime.datetime.now(datetime.UTC).isoformat(),
        "mesin": connection.vendor,
        "cara": cara,
        "basis_data": tujuan.name,
        "migrasi": sorted(map(list, _migrasi_terpasang())),
    }
    (folder / KETERANGAN).write_text(json.dumps(keterangan, indent=1), encoding="utf-8")
    tulis_manifest(folder)
    return Ringkasan(cara=cara, jumlah_berkas_media=jumlah, folder=folder)


def _cara_cadangan(paksa_json: bool) -> str:
    if paksa_json:
        return "json"
    if connection.vendor == "sqlite":
        return "sqlite"
    if connection.vendor == "postgresql" and shutil.which("pg_dump"):
        return "pg_dump"
    return "json"


def _salin_media(asal: Path, tujuan: Path) -> int:
    """Every file under MEDIA_ROOT but the documents' layout cache (DOKUMEN_TEMBOLOK, which
    may lie there): it only saves time, is safe to lose, and a restore empties it."""
    tujuan.mkdir()
    if not asal.is_dir():
        return 0
    tembolok = Path(settings.DOKUMEN_TEMBOLOK).resolve() if settings.DOKUMEN_TEMBOLOK else None
    jumlah = 0
    for berkas in sorted(p for p in asal.rglob("*") if p.is_file() and not p.is_symlink()):
        if tembolok is not None and berkas.resolve().is_relative_to(tembolok):
            continue
        salinan = tujuan / berkas.relative_to(asal)
        salinan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(berkas, salinan)
        jumlah += 1
    return jumlah


def _sha256(berkas: Path) -> str:
    h = hashlib.sha256()
    with berkas.open("rb") as f:
        while potongan := f.read(UKURAN_POTONGAN):
            h.update(potongan)
    return h.hexdigest()


def _isi_folder(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() != MANIFEST
    )


def tulis_manifest(folder: Path) -> None:
    baris = [f"{_sha256(folder / nama)}  {nama}\n" for nama in _isi_folder(folder)]
    (folder / MANIFEST).write_text("".join(baris), encoding="utf-8")


# --- the portable JSON of every table --------------------------------------------------------


def _tabel() -> list[str]:
    return sorted(t for t in connection.introspection.table_names() if not t.startswith("sqlite_"))


def _model_per_tabel() -> dict:
    model = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    model[MigrationRecorder.Migration._meta.db_table] = MigrationRecorder.Migration
    return {t: m for t, m in model.items() if m._meta.managed and not m._meta.proxy}


def _ke_json(nilai):
    """A value as JSON; the types JSON lacks are tagged so they come back as they were."""
    if nilai is None or isinstance(nilai, bool | int | float | str):
        return nilai
    if isinstance(nilai, decimal.Decimal):
        return {"desimal": str(nilai)}
    if isinstance(nilai, datetime.datetime):
        return {"waktu": nilai.isoformat()}
    if isinstance(nilai, datetime.date):
        return {"tanggal": nilai.isoformat()}
    if isinstance(nilai, datetime.time):
        return {"jam": nilai.isoformat()}
    if isinstance(nilai, datetime.timedelta):
        return {"durasi": duration_iso_string(nilai)}
    if isinstance(nilai, bytes | memoryview):
        return {"biner": base64.b64encode(bytes(nilai)).decode("ascii")}
    if isinstance(nilai, uuid.UUID):
        return {"uuid": str(nilai)}
    if isinstance(nilai, dict | list):
        return {"json": nilai}
    raise CadanganGagal(f"Nilai bertipe {type(nilai).__name__} tidak dapat dicadangkan.")


_DARI_JSON = {
    "desimal": decimal.Decimal,
    "waktu": parse_datetime,
    "tanggal": parse_date,
    "jam": parse_time,
    "durasi": parse_duration,
    "biner": base64.b64decode,
    "uuid": uuid.UUID,
    "json": lambda v: v,
}


def _dari_json(nilai):
    if isinstance(nilai, dict):
        ((jenis, isi),) = nilai.items()
        return _DARI_JSON[jenis](isi)
    return nilai


def _tulis_json(tujuan: Path) -> None:
    model_tabel = _model_per_tabel()
    transaksi_baru = not connection.in_atomic_block
    with tujuan.open("w", encoding="utf-8") as f, transaction.atomic():
        # One snapshot of every table while the server may be writing: SQLite's transaction
        # is one already; PostgreSQL's default (READ COMMITTED) would read each table as of
        # its own query.
        if connection.vendor == "postgresql" and transaksi_baru:
            with connection.cursor() as c:
                c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        f.write('{"tabel": {')
        for i, tabel in enumerate(_tabel()):
            model = model_tabel.get(tabel)
            if model is not None:
                kolom = [fld.column for fld in model._meta.concrete_fields]
                atribut = [fld.attname for fld in model._meta.concrete_fields]
                baris = model._base_manager.order_by("pk").values_list(*atribut).iterator()
            else:
                with connection.cursor() as c:
                    c.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")
                    kolom = [d[0] for d in c.description]
                    baris = c.fetchall()
            f.write(("," if i else "") + json.dumps(tabel) + ': {"kolom": ')
            f.write(json.dumps(kolom) + ', "baris": [')
            for j, b in enumerate(baris):
                f.write(("," if j else "") + "\n" + json.dumps([_ke_json(v) for v in b]))
            f.write("]}")
        f.write("}}\n")


def _apa_adanya(nilai):
    return nilai


def _nilai_simpan(kolom, nilai):
    """A value as the column's field writes it (the database's own adaptation, no save())."""
    return kolom.get_db_prep_save(nilai, connection)


def _pulihkan_json(sumber: Path) -> None:
    data = json.loads(sumber.read_text(encoding="utf-8"))["tabel"]
    ada = set(_tabel())
    asing = sorted(set(data) - ada)
    if asing:
        raise CadanganGagal(
            "Tabel dalam cadangan tidak ada di basis data tujuan: " + ", ".join(asing[:10])
        )
    model_tabel = _model_per_tabel()
    q = connection.ops.quote_name
    with transaction.atomic(), connection.constraint_checks_disabled():
        with connection.cursor() as c:
            if connection.vendor == "postgresql":
                c.execute(f"TRUNCATE {', '.join(q(t) for t in sorted(ada))} RESTART IDENTITY")
            else:
                for tabel in sorted(ada):
                    c.execute(f"DELETE FROM {q(tabel)}")
            for tabel, isi in data.items():
                model = model_tabel.get(tabel)
                kolom = isi["kolom"]
                siapkan = [_apa_adanya] * len(kolom)
                if model is not None:
                    per_kolom = {fld.column: fld for fld in model._meta.concrete_fields}
                    siapkan = [partial(_nilai_simpan, per_kolom[k]) for k in kolom]
                sql = (
                    f"INSERT INTO {q(tabel)} ({', '.join(q(k) for k in kolom)}) "
                    f"VALUES ({', '.join(['%s'] * len(kolom))})"
                )
                baris = [
                    [s(_dari_json(v)) for s, v in zip(siapkan, b, strict=True)]
                    for b in isi["baris"]
                ]
                for awal in range(0, len(baris), BARIS_PER_KIRIM):
                    c.executemany(sql, baris[awal : awal + BARIS_PER_KIRIM])
            # The next id of every table continues after the rows restored.
            for perintah in connection.ops.sequence_reset_sql(
                no_style(), list(model_tabel.values())
            ):
                c.execute(perintah)
        connection.check_constraints()


# --- restore -------------------------------------------------------------------------------


def periksa(*, folder: Path) -> dict:
    """Check the manifest; the backup's description when every file is as written."""
    folder = Path(folder)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise CadanganGagal(f"{folder} bukan folder cadangan: {MANIFEST} tidak ada.")
    tercatat = {}
    for baris in manifest.read_text(encoding="utf-8").splitlines():
        sidik, _, nama = baris.partition("  ")
        jalur = PurePosixPath(nama)
        if not nama or jalur.is_absolute() or ".." in jalur.parts:
            raise CadanganGagal(f"Baris manifest tidak sah: {baris!r}.")
        tercatat[nama] = sidik
    masalah = []
    for nama, sidik in tercatat.items():
        berkas = folder / nama
        if not berkas.is_file():
            masalah.append(f"{nama} hilang")
        elif _sha256(berkas) != sidik:
            masalah.append(f"{nama} berubah (SHA-256 tidak cocok)")
    masalah += [f"{nama} tidak tercatat di manifest" for nama in _isi_folder(folder)
                if nama not in tercatat]  # fmt: skip
    if masalah:
        lebih = f" dan {len(masalah) - 10} lainnya" if len(masalah) > 10 else ""
        raise CadanganGagal(
            "Cadangan tidak utuh, tidak ada yang dipulihkan: " + "; ".join(masalah[:10]) + lebih
        )
    keterangan = json.loads((folder / KETERANGAN).read_text(encoding="utf-8"))
    if keterangan.get("format") != 1 or keterangan.get("cara") not in BERKAS_BASIS_DATA:
        raise CadanganGagal(f"{KETERANGAN} tidak dikenali (format {keterangan.get('format')}).")
    return keterangan


def pulihkan(*, folder: Path) -> Ringkasan:
    """Replace the database and the media folder with those of the backup."""
    folder = Path(folder)
    keterangan = periksa(folder=folder)
    cara = keterangan["cara"]
    sumber = folder / keterangan["basis_data"]
    if cara == "sqlite":
        if connection.vendor != "sqlite":
            raise CadanganGagal(
                "Cadangan SQLite hanya dapat dipulihkan ke SQLite; untuk pindah ke "
                f"{connection.vendor} buat cadangan dengan `cadangkan --json`."
            )
        if connection.in_atomic_block:
            raise CadanganGagal("Pemulihan tidak dapat berjalan di dalam transaksi.")
        connection.ensure_connection()
        asal = sqlite3.connect(f"file:{sumber}?mode=ro", uri=True)
        try:
            asal.backup(connection.connection)
        finally:
            asal.close()
    elif cara == "pg_dump":
        if connection.vendor != "postgresql":
            raise CadanganGagal(
                "Cadangan pg_dump hanya dapat dipulihkan ke PostgreSQL; untuk pindah mesin "
                "buat cadangan dengan `cadangkan --json`."
            )
        connection.close()
        _jalankan_pg(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
            + ["--single-transaction", "--exit-on-error"],
            sumber,
        )
    else:
        dicadangkan = {tuple(m) for m in keterangan["migrasi"]}
        if dicadangkan != _migrasi_terpasang():
            raise CadanganGagal(
                "Migrasi basis data tujuan berbeda dengan cadangan: jalankan `manage.py migrate` "
                "dengan versi aplikasi yang sama seperti saat cadangan dibuat, lalu ulangi."
            )
        _pulihkan_json(sumber)
    jumlah = _pulihkan_media(folder / FOLDER_MEDIA, Path(settings.MEDIA_ROOT))
    return Ringkasan(cara=cara, jumlah_berkas_media=jumlah, folder=folder)


def _pulihkan_media(asal: Path, tujuan: Path) -> int:
    """The media folder becomes the backup's: each file written under a temporary name and
    moved into place, then the files the backup does not have removed."""
    tujuan.mkdir(parents=True, exist_ok=True)
    dipulihkan = set()
    for berkas in sorted(p for p in asal.rglob("*") if p.is_file()):
        relatif = berkas.relative_to(asal)
        akhir = tujuan / relatif
        akhir.parent.mkdir(parents=True, exist_ok=True)
        sementara = akhir.with_name(f".{akhir.name}.pulihkan")
        shutil.copy2(berkas, sementara)
        os.replace(sementara, akhir)
        dipulihkan.add(relatif)
    for berkas in sorted(tujuan.rglob("*"), reverse=True):
        if berkas.is_dir():
            if not any(berkas.iterdir()):
                berkas.rmdir()
        elif berkas.relative_to(tujuan) not in dipulihkan:
            berkas.unlink()
    return len(dipulihkan)


# --- helpers -------------------------------------------------------------------------------


def _migrasi_terpasang() -> set[tuple[str, str]]:
    return {(a, n) for a, n in MigrationRecorder(connection).applied_migrations()}


def _jalankan_pg(perintah: list[str], berkas: Path) -> None:
    """pg_dump / pg_restore against the database Django is connected to."""
    s = connection.settings_dict
    argv = [*perintah, "--dbname", s["NAME"]]
    for opsi, kunci in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if s.get(kunci):
            argv += [opsi, str(s[kunci])]
    argv += ["--file", str(berkas)] if perintah[0] == "pg_dump" else [str(berkas)]
    lingkungan = {**os.environ}
    if s.get("PASSWORD"):
        lingkungan["PGPASSWORD"] = s["PASSWORD"]
    hasil = subprocess.run(argv, env=lingkungan, capture_output=True, text=True)
    if hasil.returncode != 0:
        raise CadanganGagal(
            f"{perintah[0]} gagal (kode {hasil.returncode}): {hasil.stderr.strip()[:2000]}"
            + (
                " Cadangan JSON (`cadangkan --json`) tidak memerlukan pg_dump."
                if perintah[0] == "pg_dump"
                else ""
            )  # fmt: skip
        )
