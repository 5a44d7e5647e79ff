"""The one file contract: a Berkas becomes a download whose name survives any kabupaten or
kecamatan name (no database needed)."""

import dataclasses

import pytest

from sakip.berkas import JENIS_XLSX, Berkas, respons_berkas


def test_berkas_ascii_diunduh_dengan_nama_biasa():
    respons = respons_berkas(Berkas("dasbor-kecamatan-jember-2025.xlsx", JENIS_XLSX, b"isi"))
    assert respons["Content-Type"] == JENIS_XLSX
    assert respons["Content-Disposition"] == (
        'attachment; filename="dasbor-kecamatan-jember-2025.xlsx"'
    )
    assert respons.content == b"isi"


def test_nama_dengan_huruf_non_ascii_memakai_bentuk_rfc_5987():
    respons = respons_berkas(Berkas("dasbor-kecamatan-sŭmberjambe-2025.xlsx", JENIS_XLSX, b""))
    assert respons["Content-Disposition"] == (
        "attachment; filename*=utf-8''dasbor-kecamatan-s%C5%ADmberjambe-2025.xlsx"
    )


def test_berkas_tidak_dapat_diubah():
    berkas = Berkas("a.pdf", "application/pdf", b"%PDF")
    with pytest.raises(dataclasses.FrozenInstanceError):
        berkas.nama = "b.pdf"
