"""The PostgreSQL database a deployment names in DATABASE_URL, created when it does not exist
yet (`manage.py siapkan_basis_data`, run by `make serve` before it migrates; README
"Deploying"). SQLite needs nothing: its file is created by the first connection."""

import psycopg2
from psycopg2 import errors, sql

# OPTIONS keys that Django's backend reads itself; the rest are psycopg2 connect arguments.
_OPSI_DJANGO = {"isolation_level", "assume_role", "server_side_binding", "pool", "service"}


class BasisDataGagal(Exception):
    """The database cannot be opened or created; the message names the cause, in Indonesian."""


def _sambung(db: dict, nama: str):
    opsi = {k: v for k, v in (db.get("OPTIONS") or {}).items() if k not in _OPSI_DJANGO}
    return psycopg2.connect(
        dbname=nama,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        **opsi,
    )


def pastikan_ada(db: dict) -> bool:
    """Create the database ``db`` (a Django DATABASES entry on PostgreSQL) when it does not
    exist; True when it was created, False when it was there already.

    The database itself is tried first; only when it cannot be opened is the server's
    ``postgres`` database asked whether it exists, so a user who may open its own database
    but not ``postgres`` is never bothered."""
    nama = db["NAME"]
    server = f"{db.get('HOST') or 'soket lokal'}:{db.get('PORT') or 5432}"
    pengguna = db.get("USER") or "(bawaan)"
    try:
        _sambung(db, nama).close()
        return False
    except psycopg2.OperationalError as galat_target:
        galat_awal = galat_target
    try:
        koneksi = _sambung(db, "postgres")
    except psycopg2.OperationalError as galat:
        raise BasisDataGagal(
            f"Server PostgreSQL {server} tidak dapat dihubungi sebagai pengguna {pengguna} "
            f"(basis data {nama!r} maupun 'postgres'): {str(galat).strip()}"
        ) from galat
    try:
        koneksi.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        with koneksi.cursor() as kursor:
            kursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
            if kursor.fetchone() is not None:
                raise BasisDataGagal(
                    f"Basis data {nama!r} ada di server {server}, tetapi tidak dapat dibuka "
                    f"sebagai pengguna {pengguna}: {str(galat_awal).strip()}"
                )
            try:
                kursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nama)))
            except errors.InsufficientPrivilege as galat:
                raise BasisDataGagal(
                    f"Basis data {nama!r} belum ada di server {server} dan pengguna {pengguna} "
                    "tidak berhak membuatnya (tanpa hak CREATEDB). Minta pengelola server "
                    f"membuatnya, misalnya: createdb -U postgres -O {pengguna} {nama}"
                ) from galat
    finally:
        koneksi.close()
    return True
