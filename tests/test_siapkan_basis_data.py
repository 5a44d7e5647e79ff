"""`manage.py siapkan_basis_data` (what `make serve` runs first): the PostgreSQL database of
DATABASE_URL is created when missing, and a server that cannot be reached or a user who may
not create databases is named in the message. Runs against a PostgreSQL answering on
127.0.0.1:5432 with a database of its own, dropped afterwards; skipped without one."""

import secrets
import socket

import dj_database_url
import psycopg2
import pytest
from psycopg2 import sql

from sakip.basis_data import BasisDataGagal, pastikan_ada

SERVER = "postgres://postgres@127.0.0.1:5432"


def _server_menjawab() -> bool:
    try:
        psycopg2.connect(SERVER + "/postgres", connect_timeout=3).close()
        return True
    except psycopg2.OperationalError:
        return False


perlu_postgres = pytest.mark.skipif(
    not _server_menjawab(), reason="PostgreSQL tidak menjawab di 127.0.0.1:5432"
)


def _jalankan(perintah, *argumen):
    koneksi = psycopg2.connect(SERVER + "/postgres", connect_timeout=3)
    koneksi.autocommit = True
    try:
        with koneksi.cursor() as kursor:
            kursor.execute(perintah, argumen or None)
            return kursor.fetchall() if kursor.description else None
    finally:
        koneksi.close()


@pytest.fixture
def nama_baru():
    nama = f"sakip_uji_buat_{secrets.token_hex(4)}"
    yield nama
    _jalankan(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(nama)))


@perlu_postgres
def test_basis_data_yang_belum_ada_dibuat_sekali(nama_baru):
    db = dj_database_url.parse(f"{SERVER}/{nama_baru}")
    assert pastikan_ada(db) is True
    assert _jalankan("SELECT datname FROM pg_database WHERE datname = %s", nama_baru)
    assert pastikan_ada(db) is False  # the second `make serve` finds it


@perlu_postgres
def test_pengguna_tanpa_hak_createdb_diberi_tahu(nama_baru):
    peran = f"sakip_uji_peran_{secrets.token_hex(4)}"
    _jalankan(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(peran)))
    try:
        db = dj_database_url.parse(f"postgres://{peran}@127.0.0.1:5432/{nama_baru}")
        with pytest.raises(BasisDataGagal, match="tidak berhak membuatnya"):
            pastikan_ada(db)
        assert not _jalankan("SELECT 1 FROM pg_database WHERE datname = %s", nama_baru)
    finally:
        _jalankan(sql.SQL("DROP ROLE {}").format(sql.Identifier(peran)))


def test_server_yang_tidak_menjawab_disebut():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = dj_database_url.parse(f"postgres://postgres@127.0.0.1:{port}/sakip_tidak_ada")
    with pytest.raises(BasisDataGagal, match=f"Server PostgreSQL 127.0.0.1:{port} tidak dapat"):
        pastikan_ada(db)
