"""Demo accounts exist only through `buat_pengguna_demo`, on a development setup."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kecamatan.models import Pengguna, Peran


def test_migrasi_saja_tidak_membuat_pengguna(db):
    assert not Pengguna.objects.exists()


def test_akun_demo_untuk_setiap_peran(jember, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("buat_pengguna_demo", stdout=out)
    assert set(Pengguna.objects.values_list("peran", flat=True)) == set(Peran.values)
    operator = Pengguna.objects.get(username="operator.kencong")
    assert operator.kecamatan.nama == "Kencong" and operator.check_password("demo-sakip-2025")
    assert Pengguna.objects.get(username="bappeda").kecamatan is None
    assert "operator.kencong" in out.getvalue() and "demo-sakip-2025" in out.getvalue()
    call_command("buat_pengguna_demo", stdout=StringIO())  # again: nothing duplicated
    assert Pengguna.objects.count() == 6


def test_ditolak_pada_pengaturan_produksi(jember, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="tidak boleh dibuat pada pengaturan produksi"):
        call_command("buat_pengguna_demo")
    assert not Pengguna.objects.exists()
