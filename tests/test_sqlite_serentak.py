"""SQLite, the demo database, holds concurrent saves: a connection made from the project's
settings writes ahead (WAL), waits for the write lock instead of failing at once, and takes
that lock when a transaction begins. bench/serentak.py measures it against a running server
(README "SQLite under concurrent saves")."""

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper


@pytest.fixture
def sambungan_berkas(tmp_path, django_db_blocker):
    """A connection to a database file with the project's settings (the tests themselves run
    in memory, where WAL does not exist)."""
    if connection.vendor != "sqlite":
        pytest.skip("hanya untuk SQLite")
    pengaturan = {**connection.settings_dict, "NAME": str(tmp_path / "demo.sqlite3")}
    sambungan = DatabaseWrapper(pengaturan, alias="uji_serentak")
    with django_db_blocker.unblock():  # a file of its own, not the test database
        yield sambungan
        sambungan.close()


def test_sambungan_sqlite_siap_untuk_penyimpanan_serentak(sambungan_berkas):
    with sambungan_berkas.cursor() as c:
        c.execute("PRAGMA journal_mode")
        assert c.fetchone()[0] == "wal"
        c.execute("PRAGMA busy_timeout")
        assert c.fetchone()[0] >= 10_000  # milliseconds a writer waits for its turn
    assert sambungan_berkas.transaction_mode == "IMMEDIATE"
