"""Bappeda's verification queue: Kencong submits its 2025 annual realisasi and its PK; Bappeda
finds both in one queue for the whole kabupaten, verifies or returns them with a comment; the
kecamatan reads the comment and the history; a kecamatan user cannot verify."""

import pytest
from django.urls import reverse

from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja
from perjanjian.services import realisasi_ajukan

TAHUN = 2025
URL = "/verifikasi/"


@pytest.fixture
def tahunan_diajukan(kencong, operator_kencong):
    return realisasi_ajukan(
        kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=operator_kencong
    )


@pytest.fixture
def pk_diajukan(kencong):
    pk = PerjanjianKinerja.objects.create(
        kecamatan=kencong,
        tahun=2026,
        renstra=kencong.renstra.get(nama="Renstra 2025-2029"),
        pihak_pertama_nama="Ronny Arvianto, S.E., M.M.",
        pihak_pertama_jabatan="Camat Kencong",
        pihak_kedua_nama="Bupati Jember",
        pihak_kedua_jabatan="Bupati Jember",
        status=PerjanjianKinerja.Status.DIAJUKAN,
    )
    return pk


def status_tahunan(kencong):
    return PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=TAHUN, periode="tahunan").status


def test_url_antrean():
    assert reverse("perjanjian:verifikasi") == URL


def test_bappeda_melihat_antrean_seluruh_kecamatan(
    client, bappeda, tahunan_diajukan, pk_diajukan, django_assert_max_num_queries
):
    client.force_login(bappeda)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    teks = response.text
    assert "Realisasi diajukan (1)" in teks
    assert 'id="realisasi-kencong-2025-tahunan"' in teks and "Tahunan 2025" in teks
    assert "Perjanjian Kinerja diajukan (1)" in teks
    assert f'id="pk-{pk_diajukan.id}"' in teks and "Perjanjian Kinerja 2026" in teks
    assert reverse("perjanjian:realisasi", args=["kencong", TAHUN, "tahunan"]) in teks


def test_bappeda_memverifikasi_dari_antrean(client, bappeda, kencong, tahunan_diajukan):
    client.force_login(bappeda)
    data = {"jenis": "realisasi", "id": tahunan_diajukan.id, "aksi": "verifikasi", "komentar": ""}
    # One click shows what is decided on: the period's values, what it locks, what is missing.
    response = client.post(URL, data)
    teks = response.text
    assert "Verifikasi Realisasi Tahunan 2025 Kencong?" in teks
    assert 'id="konfirmasi-data"' in teks and "Indeks Kepuasan Masyarakat" in teks
    assert "Realisasi anggaran Tahunan 2025" in teks
    assert reverse("perjanjian:realisasi", args=["kencong", TAHUN, "tahunan"]) in teks
    assert status_tahunan(kencong) == "diajukan"
    response = client.post(URL, {**data, "konfirmasi": "1"}, follow=True)
    assert "Realisasi Tahunan 2025 Kencong diverifikasi" in response.text
    assert "Realisasi diajukan (0)" in response.text
    assert status_tahunan(kencong) == "diverifikasi"


def test_bappeda_mengembalikan_dengan_catatan_yang_dibaca_kecamatan(
    client, bappeda, operator_kencong, kencong, tahunan_diajukan
):
    client.force_login(bappeda)
    data = {"jenis": "realisasi", "id": tahunan_diajukan.id, "aksi": "kembalikan"}
    # Without a comment: refused, nothing changes.
    response = client.post(URL, {**data, "komentar": "  "}, follow=True)
    assert "Tuliskan alasan pengembalian" in response.text
    assert status_tahunan(kencong) == "diajukan"

    catatan = "Sumber data IKM belum dilampirkan."
    response = client.post(URL, {**data, "komentar": catatan, "konfirmasi": "1"}, follow=True)
    assert "dikembalikan dengan catatan" in response.text
    assert status_tahunan(kencong) == "dikembalikan"
    assert "Dikembalikan, menunggu perbaikan kecamatan (1)" in response.text

    client.force_login(operator_kencong)
    teks = client.get(reverse("perjanjian:realisasi", args=["kencong", TAHUN, "tahunan"])).text
    assert "Dikembalikan oleh Bappeda:" in teks and catatan in teks
    assert "Riwayat perubahan" in teks and "Dikembalikan" in teks
    beranda = client.get(reverse("laporan:beranda", args=["kencong"]) + "?tahun=2025").text
    assert catatan in beranda


def test_bappeda_mengembalikan_pk_ke_draft(client, bappeda, operator_kencong, kencong, pk_diajukan):
    client.force_login(bappeda)
    response = client.post(
        URL,
        {
            "jenis": "pk",
            "id": pk_diajukan.id,
            "aksi": "kembalikan",
            "komentar": "Target IKM di bawah Renstra.",
            "konfirmasi": "1",
        },
        follow=True,
    )
    assert "Perjanjian Kinerja 2026 Kencong dikembalikan ke draf" in response.text
    pk_diajukan.refresh_from_db()
    assert pk_diajukan.status == "draft"

    client.force_login(operator_kencong)
    teks = client.get(
        reverse("perjanjian:perjanjian-detail", args=["kencong", pk_diajukan.id])
    ).text
    assert "Dikembalikan Bappeda dengan catatan:" in teks
    assert "Target IKM di bawah Renstra." in teks


def test_operator_tidak_dapat_memverifikasi(
    client, operator_kencong, inspektorat, kencong, tahunan_diajukan, pk_diajukan
):
    client.force_login(operator_kencong)
    assert client.get(URL).status_code == 403
    data = {"jenis": "realisasi", "id": tahunan_diajukan.id, "aksi": "verifikasi"}
    assert client.post(URL, data).status_code == 403
    # The Inspektorat reads the queue but does not decide.
    client.force_login(inspektorat)
    teks = client.get(URL).text
    assert "hanya untuk dibaca" in teks and 'value="verifikasi"' not in teks
    assert client.post(URL, data).status_code == 403
    data_pk = {"jenis": "pk", "id": pk_diajukan.id, "aksi": "kembalikan", "komentar": "x"}
    assert client.post(URL, data_pk).status_code == 403
    assert status_tahunan(kencong) == "diajukan"
    pk_diajukan.refresh_from_db()
    assert pk_diajukan.status == "diajukan"


def test_bappeda_kabupaten_lain_tidak_menemukan(client, kencong, tahunan_diajukan):
    from kecamatan.models import Kabupaten, Peran
    from tests.conftest import buat_pengguna

    lain = Kabupaten.objects.create(nama="Lumajang", slug="lumajang", kode="35.08")
    bappeda_lain = buat_pengguna("bappeda.lumajang", Peran.BAPPEDA, lain)
    client.force_login(bappeda_lain)
    assert "Realisasi diajukan (0)" in client.get(URL).text
    data = {"jenis": "realisasi", "id": tahunan_diajukan.id, "aksi": "verifikasi"}
    assert client.post(URL, data).status_code == 404
    assert status_tahunan(kencong) == "diajukan"
