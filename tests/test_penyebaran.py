"""Deploying (README "Deploying"): the environment the README gives passes
`manage.py check --deploy` without a warning, and the production pair refuses DEBUG on."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

AKAR = Path(django_settings.BASE_DIR)


def lingkungan_readme() -> dict[str, str]:
    """The `KEY=value` lines of the README's "Environment of a deployment" block."""
    teks = (AKAR / "README.md").read_text(encoding="utf-8")
    bagian = teks.split("**Environment of a deployment**", 1)[1].split("\n| variable", 1)[0]
    return dict(re.findall(r"^    ([A-Z_]+)=(.*)$", bagian, flags=re.MULTILINE))


def test_lingkungan_produksi_dari_readme_lolos_check_deploy():
    contoh = lingkungan_readme()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_HSTS_SECONDS"} <= set(contoh)
    # The placeholders in angle brackets get real values; every other line is used as written.
    contoh["SECRET_KEY"] = secrets.token_urlsafe(50)
    contoh["DATABASE_URL"] = "postgres://sakip:rahasia@127.0.0.1:5432/sakip"
    assert not [k for k, v in contoh.items() if "<" in v]
    # Not inherited: the settings under test, and what the browser tests set for themselves.
    bukan = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    lingkungan = {k: v for k, v in os.environ.items() if k not in bukan}

    hasil = subprocess.run(
        [sys.executable, str(AKAR / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env={**lingkungan, **contoh},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


def test_layani_produksi_menolak_debug_menyala(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="DEBUG menyala"):
        call_command("layani", "--produksi", "127.0.0.1:0")


def test_berkas_statis_dilayani_dengan_debug_mati(client, settings):
    # With DEBUG off Django serves no static file itself: WhiteNoise does, under any server.
    settings.DEBUG = False
    jawaban = client.get("/static/css/sakip.css")
    assert jawaban.status_code == 200
    assert jawaban["Content-Type"].startswith("text/css")
    assert b"".join(jawaban.streaming_content)
