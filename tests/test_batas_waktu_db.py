"""A database that never answers does not hold a request: PostgreSQL connections carry a
connect timeout and a statement timeout (settings, README "Configuration")."""

import socket
import threading
import time

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="batas waktu ini milik PostgreSQL; SQLite adalah berkas lokal",
)


@pytest.mark.django_db
def test_pernyataan_dibatasi_waktu():
    with connection.cursor() as c:
        c.execute("SHOW statement_timeout")
        assert c.fetchone()[0] == "30s"
        with pytest.raises(Exception, match="statement timeout"):
            c.execute("SET LOCAL statement_timeout = 200; SELECT pg_sleep(2)")


def test_server_yang_diam_ditinggalkan_setelah_batas_sambung():
    """A server that accepts the TCP connection and never answers: connecting fails after
    the configured connect timeout instead of hanging."""
    diam = socket.socket()
    diam.bind(("127.0.0.1", 0))
    diam.listen()
    port = diam.getsockname()[1]
    diterima = []
    threading.Thread(target=lambda: diterima.append(diam.accept()), daemon=True).start()
    opsi = settings.DATABASES["default"]["OPTIONS"]
    mulai = time.monotonic()
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(
            host="127.0.0.1",
            port=port,
            dbname="x",
            user="x",
            connect_timeout=opsi["connect_timeout"],
        )
    assert time.monotonic() - mulai < opsi["connect_timeout"] + 5
    diam.close()
