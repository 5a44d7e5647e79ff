"""Issue 13: a status reads the same everywhere: "Draf", as the printed documents say it, never
the English "Draft"."""

import re

from django.urls import reverse

from iku.models import KeputusanIKU
from laporan.models import LaporanKinerja
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja


def test_label_status_draf_di_semua_dokumen():
    for model in (PerjanjianKinerja, PelaporanRealisasi, LaporanKinerja, KeputusanIKU):
        assert model.Status.DRAFT.label == "Draf"
        assert "Draft" not in [label for _, label in model.Status.choices]


def test_halaman_pk_menampilkan_draf(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    renstra = kencong.renstra.get(nama="Renstra 2025-2029")
    url = reverse("perjanjian:perjanjian-daftar", args=["kencong", 2026])
    response = client.post(url, {"aksi": "buat", "renstra": renstra.id}, follow=True)
    teks = re.sub(r"<[^>]+>", " ", response.content.decode())  # the text a user reads
    assert "Draf" in teks
    assert not re.search(r"\bDraft\b", teks, re.IGNORECASE)
    assert "Hapus draf ini" in teks
