"""The budget Excel creates the program / kegiatan / sub kegiatan rows the year lacks: codes
checked against the Permendagri 90 pattern, parents matched or created from the same file,
every new row shown as "baru" in the preview before anything is saved; and each sub kegiatan's
kind of spending is read and written."""

from decimal import Decimal

import pytest
from django.urls import reverse

from perjanjian.models import Kegiatan, Program, SubKegiatan
from tests.bantu_excel import baris, kolom, konfirmasi, unduh, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def berkas_sementara(media):
    return media


def url(nama):
    return reverse(f"perjanjian:anggaran-{nama}", args=["kencong", 2025])


def tambah_baris(ws, kencong, tingkat, kode, nama, **nilai):
    nomor = ws.max_row + 1
    isi = {"Kode kecamatan": kencong.kode, "Tahun": 2025, "Tingkat": tingkat}
    isi.update({"Kode": kode, "Nama": nama, **nilai})
    for judul, v in isi.items():
        ws.cell(row=nomor, column=kolom(ws, judul)).value = v
    return nomor


def test_baris_baru_dipratinjau_lalu_dibuat_dengan_induknya(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    assert ws.cell(row=baris(ws, kolom(ws, "Kode"), "1.1.1"), column=kolom(ws, "Jenis belanja"))
    tambah_baris(ws, kencong, "Program", "7.01.01", "Program Penunjang Urusan Pemerintahan")
    tambah_baris(ws, kencong, "Kegiatan", "7.01.01.2.01", "Perencanaan Perangkat Daerah")
    tambah_baris(
        ws,
        kencong,
        "Sub kegiatan",
        "7.01.01.2.01.0001",
        "Penyusunan Dokumen Perencanaan",
        **{
            "Pagu setelah pergeseran": "Rp. 12.500.000,-",
            "Realisasi TW I": 2_000_000,
            "Jenis belanja": "Belanja Modal",
        },
    )
    # the kind of a stored sub kegiatan, as people write it
    ws.cell(
        row=baris(ws, kolom(ws, "Kode"), "1.3.1"), column=kolom(ws, "Jenis belanja")
    ).value = "belanja MODAL"
    halaman = unggah(client, url("impor"), ws)
    assert "7.01.01 Program Penunjang Urusan Pemerintahan (baru)" in halaman
    assert "Baru: kegiatan 7.01.01.2.01 Perencanaan Perangkat Daerah ditambahkan" in halaman
    assert "Baru: sub kegiatan 7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan" in halaman
    assert "Jenis belanja: – → Belanja modal" in halaman
    assert "Jenis belanja: Belanja operasi → Belanja modal" in halaman
    assert "Pagu setelah pergeseran: kosong → 12.500.000" in halaman
    assert "Simpan perubahan (" in halaman
    assert not Program.objects.filter(kecamatan=kencong, kode="7.01.01").exists()

    r = konfirmasi(client, url("impor"))
    assert "disimpan" in r.content.decode()
    program = Program.objects.get(kecamatan=kencong, tahun=2025, kode="7.01.01")
    kegiatan = Kegiatan.objects.get(program=program, kode="7.01.01.2.01")
    sub = SubKegiatan.objects.get(kegiatan=kegiatan, kode="7.01.01.2.01.0001")
    assert sub.pagu_pergeseran == Decimal("12500000") and sub.jenis_belanja == "modal"
    assert sub.realisasi.get(periode="tw1").jumlah == Decimal("2000000")
    lama = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="1.3.1")
    assert lama.jenis_belanja == "modal"
    anggaran = client.get(reverse("perjanjian:anggaran", args=["kencong", 2025])).text
    assert "7.01.01.2.01.0001" in anggaran and "Belanja modal" in anggaran


def test_kegiatan_baru_di_bawah_program_tersimpan(client, operator_kencong, kencong):
    Program.objects.create(kecamatan=kencong, tahun=2025, kode="7.01.02", nama="Program Lama")
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    tambah_baris(ws, kencong, "Kegiatan", "7.01.02.2.01", "Kegiatan Baru")
    halaman = unggah(client, url("impor"), ws)
    assert "7.01.02.2.01 Kegiatan Baru (baru)" in halaman
    konfirmasi(client, url("impor"))
    assert Kegiatan.objects.get(kode="7.01.02.2.01").program.kode == "7.01.02"


def test_kode_salah_dan_induk_hilang_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    salah = tambah_baris(ws, kencong, "Program", "7.1.1", "Program Salah Kode")
    yatim = tambah_baris(ws, kencong, "Sub kegiatan", "7.01.09.2.01.0001", "Tanpa Induk")
    halaman = unggah(client, url("impor"), ws)
    assert (
        f"Kode program '7.1.1' tidak ada dalam anggaran 2025 Kencong dan tidak dapat "
        f"ditambahkan dari baris {salah}: kode program baru mengikuti pola Permendagri 90 "
        "X.XX.XX, mis. 7.01.01." in halaman
    )
    assert (
        f"Kegiatan induk 7.01.09.2.01 dari sub kegiatan 7.01.09.2.01.0001 (baris {yatim}) "
        "tidak ada dalam anggaran 2025 maupun dalam berkas" in halaman
    )
    assert "Simpan perubahan (" not in halaman
    konfirmasi(client, url("impor"))
    assert not Program.objects.filter(kecamatan=kencong, kode="7.1.1").exists()
    assert not SubKegiatan.objects.filter(kode="7.01.09.2.01.0001").exists()


def test_jenis_belanja_tak_dikenal_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    s = baris(ws, kolom(ws, "Kode"), "1.1.2")
    ws.cell(row=s, column=kolom(ws, "Jenis belanja")).value = "Belanja pegawai"
    halaman = unggah(client, url("impor"), ws)
    assert "Jenis belanja (sel" in halaman and "'Belanja pegawai' tidak dikenal" in halaman
    assert "Belanja operasi, Belanja modal, Belanja langsung, Belanja tidak langsung" in halaman
