"""bench/beban.py (the load benchmark) refuses unbounded runs before it sets anything up, and
its percentile is the nearest-rank one. The benchmark itself prints figures (README
"Deploying"); it is not run here: setting up its database takes most of a minute."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BEBAN = Path(__file__).resolve().parent.parent / "bench" / "beban.py"
_spec = importlib.util.spec_from_file_location("bench_beban", BEBAN)
beban = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(beban)


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--pengguna", "0"], "--pengguna antara 1 dan 50"),
        (["--pengguna", "5,51"], "--pengguna antara 1 dan 50"),
        (["--detik", "301"], "--detik antara 0 dan 300"),
    ],
)
def test_batas_ditolak_sebelum_menyiapkan_apa_pun(argumen, pesan):
    jalan = subprocess.run(
        [sys.executable, str(BEBAN), *argumen], capture_output=True, text=True, timeout=30
    )
    assert jalan.returncode == 2
    assert pesan in jalan.stderr
    assert "siapkan:" not in jalan.stdout


def test_persentil_peringkat_terdekat():
    nilai = [float(x) for x in range(1, 101)]
    assert beban.persentil(nilai, 50) == 50
    assert beban.persentil(nilai, 95) == 95
    assert beban.persentil(nilai, 99) == 99
    assert beban.persentil([7.0], 95) == 7
    assert beban.persentil([], 95) == 0
