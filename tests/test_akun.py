"""Logging in: the right landing page per role, failed attempts locked out, sessions that end,
passwords validated."""

import pytest
from django.conf import settings
from django.urls import reverse

from kecamatan.models import Kecamatan, Pengguna, Peran

KATA_SANDI = "kata-sandi-uji-123"


def masuk(client, username, password=KATA_SANDI):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_halaman_masuk_dalam_bahasa_indonesia(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Nama pengguna" in response.text and "Kata sandi" in response.text


def test_operator_mendarat_di_beranda_kecamatannya(client, operator_kencong):
    response = masuk(client, "operator.kencong")
    assert response.status_code == 302
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("laporan:beranda", args=["kencong"])
    assert "Kecamatan Kencong — tahun 2025" in response.text


def test_bappeda_mendarat_di_antrean_verifikasinya(client, bappeda):
    masuk(client, "bappeda")
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("perjanjian:verifikasi")
    assert "Antrean verifikasi" in response.text
    # Every kecamatan stays one click away, in the menu.
    assert reverse("kecamatan:daftar") in response.text
    daftar = client.get(reverse("kecamatan:daftar")).text
    assert daftar.count("/kecamatan/") >= 31 and "Sumberjambe" in daftar


def test_operator_tidak_boleh_membuka_daftar_kabupaten(client, operator_kencong):
    client.force_login(operator_kencong)
    response = client.get(reverse("kecamatan:daftar"))
    assert response.status_code == 403
    assert "untuk Bappeda, Inspektorat dan admin kabupaten" in response.text


def test_kata_sandi_salah_ditolak_dengan_pesan(client, operator_kencong):
    response = masuk(client, "operator.kencong", "salah-sekali")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.text
    assert "nama pengguna nama pengguna" not in response.text.lower()
    assert "_auth_user_id" not in client.session


def test_lima_kali_gagal_akun_dikunci_meski_sandi_lalu_benar(client, operator_kencong):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "operator.kencong", "tebak-tebakan")
    response = masuk(client, "operator.kencong")  # now the right password
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in response.text
    assert "_auth_user_id" not in client.session


def test_penguncian_per_nama_pengguna_tidak_mengenai_yang_lain(client, operator_kencong, bappeda):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        masuk(client, "operator.kencong", "tebak-tebakan")
    response = masuk(client, "bappeda")
    assert response.status_code == 302


def test_halaman_kecamatan_meminta_masuk(client, kencong):
    response = client.get(reverse("laporan:beranda", args=["kencong"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_keluar_hanya_dengan_post_dan_sesi_berakhir(client, operator_kencong):
    client.force_login(operator_kencong)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("laporan:beranda", args=["kencong"])).status_code == 302


def test_sesi_kedaluwarsa_dan_cookie_aman():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_csrf_diperiksa_pada_form(operator_kencong, kencong):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "operator.kencong", "password": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("baru", "pesan"),
    [
        ("12345678", "seluruhnya terdiri dari angka"),
        ("pendek", "terlalu pendek"),
        ("password", "terlalu umum"),
    ],
)
def test_kata_sandi_baru_divalidasi(client, operator_kencong, baru, pesan):
    client.force_login(operator_kencong)
    response = client.post(
        reverse("password_change"),
        {"old_password": KATA_SANDI, "new_password1": baru, "new_password2": baru},
    )
    assert response.status_code == 200
    assert pesan in response.text
    assert Pengguna.objects.get(pk=operator_kencong.pk).check_password(KATA_SANDI)


def test_peran_kecamatan_tanpa_kecamatan_tidak_melihat_apa_pun(client, jember):
    """A misconfigured account (no kecamatan) sees nothing rather than everything."""

    tanpa = Pengguna(username="x", peran=Peran.OPERATOR)
    assert not Kecamatan.objects.terlihat(tanpa).exists()
