"""The admin kabupaten manages the kabupaten's accounts from the application's own pages: a new
operator for Kencong gets a temporary password shown once and must change it at first login;
a deactivated account cannot log in; the other roles are refused; another kabupaten's accounts
are not reached; accounts from an Excel list are previewed, then created all or none."""

import io
import re

import pytest
from bantu_excel import berkas, konfirmasi, teks
from conftest import buat_pengguna
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kecamatan.models import Kabupaten, Kecamatan, Pengguna, Peran

DAFTAR = reverse("kecamatan:pengguna-daftar")
TAMBAH = reverse("kecamatan:pengguna-tambah")
IMPOR = reverse("kecamatan:pengguna-impor")
TEMPLAT = reverse("kecamatan:pengguna-templat")
SANDI_BARU = "Kencong-sandi-baru-2025"


def masuk(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def sandi_tampil(response) -> list[str]:
    return re.findall(r'data-testid="sandi">([^<]+)<', response.content.decode())


@pytest.fixture
def bondowoso(db):
    kabupaten = Kabupaten.objects.create(nama="Bondowoso", slug="bondowoso", kode="35.11")
    kecamatan = Kecamatan.objects.create(
        kabupaten=kabupaten, nama="Maesan", slug="maesan", kode="35.11.01"
    )
    operator = buat_pengguna("operator.maesan", Peran.OPERATOR, kabupaten, kecamatan)
    admin = buat_pengguna("admin.bondowoso", Peran.ADMIN_KABUPATEN, kabupaten, is_staff=True)
    return kabupaten, kecamatan, operator, admin


def test_admin_membuat_operator_kencong_yang_wajib_ganti_sandi(client, admin_kabupaten, kencong):
    client.force_login(admin_kabupaten)
    # The admin's beranda (the list of kecamatan) and header lead to the accounts page.
    beranda = client.get(reverse("kecamatan:daftar"))
    assert f'href="{DAFTAR}"' in beranda.text

    r = client.post(
        TAMBAH,
        {
            "username": "operator.baru.kencong",
            "nama_lengkap": "Siti Aminah",
            "peran": Peran.OPERATOR,
            "kecamatan": kencong.pk,
            "email": "siti@example.org",
        },
    )
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]
    [sandi] = sandi_tampil(r)
    assert len(sandi) >= 12
    pengguna = Pengguna.objects.get(username="operator.baru.kencong")
    assert (pengguna.peran, pengguna.kecamatan, pengguna.kabupaten) == (
        Peran.OPERATOR,
        kencong,
        kencong.kabupaten,
    )
    assert pengguna.wajib_ganti_sandi
    # Shown once: the list does not show it again.
    daftar = client.get(DAFTAR)
    assert "operator.baru.kencong" in daftar.text and sandi not in daftar.text

    client.logout()
    assert masuk(client, "operator.baru.kencong", sandi).status_code == 302
    # Every page leads to the change-password page until the password is changed.
    for url in ("/", reverse("laporan:beranda", args=["kencong"]), "/admin/"):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"] == reverse("password_change"), url
    r = client.get(reverse("password_change"))
    assert "kata sandi sementara dari admin kabupaten" in teks(r)
    # The temporary password cannot be chosen again.
    r = client.post(
        reverse("password_change"),
        {"old_password": sandi, "new_password1": sandi, "new_password2": sandi},
    )
    assert "harus berbeda dari kata sandi yang sekarang" in teks(r)
    r = client.post(
        reverse("password_change"),
        {"old_password": sandi, "new_password1": SANDI_BARU, "new_password2": SANDI_BARU},
    )
    assert r.status_code == 302
    pengguna.refresh_from_db()
    assert not pengguna.wajib_ganti_sandi
    r = client.get("/", follow=True)
    assert r.redirect_chain[-1][0] == reverse("laporan:beranda", args=["kencong"])


def test_isian_salah_ditolak_dengan_pesan_dan_tidak_disimpan(client, admin_kabupaten, kencong):
    client.force_login(admin_kabupaten)
    sebelum = Pengguna.objects.count()
    r = client.post(
        TAMBAH, {"username": "camat baru", "nama_lengkap": "Budi", "peran": Peran.CAMAT}
    )
    isi = teks(r)
    assert "hanya boleh berisi huruf, angka" in isi
    assert "Camat wajib punya kecamatan." in isi
    r = client.post(
        TAMBAH,
        {
            "username": "bappeda.dua",
            "nama_lengkap": "Budi",
            "peran": Peran.BAPPEDA,
            "kecamatan": kencong.pk,
        },
    )
    assert "Bappeda tidak terikat pada satu kecamatan; kosongkan kecamatan." in teks(r)
    assert Pengguna.objects.count() == sebelum


def test_nonaktif_tidak_dapat_masuk_dan_aktif_kembali(client, admin_kabupaten, operator_kencong):
    client.force_login(admin_kabupaten)
    r = client.post(
        reverse("kecamatan:pengguna-nonaktifkan"), {"pengguna": operator_kencong.pk}, follow=True
    )
    assert "Akun operator.kencong dinonaktifkan" in teks(r)
    client.logout()
    r = masuk(client, "operator.kencong", "kata-sandi-uji-123")
    assert r.status_code == 200 and "Nama pengguna atau kata sandi salah." in teks(r)

    client.force_login(admin_kabupaten)
    client.post(reverse("kecamatan:pengguna-aktifkan"), {"pengguna": operator_kencong.pk})
    client.logout()
    assert masuk(client, "operator.kencong", "kata-sandi-uji-123").status_code == 302


def test_setel_ulang_sandi_memberi_sandi_sementara_sekali(client, admin_kabupaten, camat_kencong):
    client.force_login(admin_kabupaten)
    url = reverse("kecamatan:pengguna-setel-ulang-sandi")
    # Irreversible: asked first, nothing changed yet.
    r = client.post(url, {"pengguna": camat_kencong.pk})
    assert "Setel ulang kata sandi camat.kencong?" in teks(r) and not sandi_tampil(r)
    assert masuk(client, "camat.kencong", "kata-sandi-uji-123").status_code == 302
    client.force_login(admin_kabupaten)
    r = client.post(url, {"pengguna": camat_kencong.pk, "konfirmasi": "1"})
    [sandi] = sandi_tampil(r)
    assert "kata sandi lamanya tidak berlaku lagi" in teks(r)
    client.logout()
    assert masuk(client, "camat.kencong", "kata-sandi-uji-123").status_code == 200
    assert masuk(client, "camat.kencong", sandi).status_code == 302
    assert client.get("/")["Location"] == reverse("password_change")


def test_akun_admin_sendiri_tidak_dikelola(client, admin_kabupaten):
    client.force_login(admin_kabupaten)
    r = client.post(
        reverse("kecamatan:pengguna-nonaktifkan"), {"pengguna": admin_kabupaten.pk}, follow=True
    )
    assert "Akun Anda sendiri tidak dikelola di halaman ini." in teks(r)
    admin_kabupaten.refresh_from_db()
    assert admin_kabupaten.is_active


@pytest.mark.parametrize("peran", ["operator_kencong", "camat_kencong", "bappeda", "inspektorat"])
def test_peran_lain_ditolak(client, request, peran, operator_kencong):
    client.force_login(request.getfixturevalue(peran))
    for url in (DAFTAR, TAMBAH, IMPOR, TEMPLAT):
        r = client.get(url)
        assert r.status_code == 403, url
        assert "Hanya admin kabupaten yang dapat mengelola akun pengguna." in r.text
    r = client.post(reverse("kecamatan:pengguna-nonaktifkan"), {"pengguna": operator_kencong.pk})
    assert r.status_code == 403
    operator_kencong.refresh_from_db()
    assert operator_kencong.is_active


def test_akun_kabupaten_lain_tidak_terjangkau(client, admin_kabupaten, operator_kencong, bondowoso):
    _kabupaten, maesan, operator_maesan, admin_bondowoso = bondowoso
    client.force_login(admin_kabupaten)
    daftar = teks(client.get(DAFTAR))
    assert "operator.kencong" in daftar
    assert "operator.maesan" not in daftar and "admin.bondowoso" not in daftar
    for nama in ("nonaktifkan", "setel-ulang-sandi"):
        r = client.post(
            reverse(f"kecamatan:pengguna-{nama}"),
            {"pengguna": operator_maesan.pk, "konfirmasi": "1"},
            follow=True,
        )
        assert "Akun tidak ditemukan di kabupaten Anda." in teks(r)
        assert 'data-testid="sandi"' not in r.content.decode()
    operator_maesan.refresh_from_db()
    assert operator_maesan.is_active
    # Nor can a Jember account be placed in Bondowoso's kecamatan.
    r = client.post(
        TAMBAH,
        {
            "username": "operator.susup",
            "nama_lengkap": "Susup",
            "peran": Peran.OPERATOR,
            "kecamatan": maesan.pk,
        },
    )
    assert "Kecamatan itu bukan kecamatan kabupaten Anda." in teks(r)
    assert not Pengguna.objects.filter(username="operator.susup").exists()

    client.force_login(admin_bondowoso)
    daftar = teks(client.get(DAFTAR))
    assert "operator.maesan" in daftar and "operator.kencong" not in daftar


# --- accounts from an Excel list --------------------------------------------------------------


def daftar_excel(client, baris):
    r = client.get(TEMPLAT)
    assert r.status_code == 200
    buku = load_workbook(io.BytesIO(r.content))
    assert "Kencong" in [c.value for c in buku["Kecamatan"]["B"]]
    ws = buku.active
    for b in baris:
        ws.append(b)
    return ws


def test_impor_excel_pratinjau_lalu_simpan(client, admin_kabupaten, media):
    client.force_login(admin_kabupaten)
    ws = daftar_excel(
        client,
        [
            ("operator.puger", "Ani Lestari", "Operator", "Puger", "ani@example.org"),
            ("camat.puger", "Drs. Bambang", "Camat", "35.09.08", None),
            ("bappeda.dua", "Citra", "Bappeda", None, None),
        ],
    )
    r = client.post(IMPOR, {"berkas": berkas(ws)})
    isi = teks(r)
    assert "3 akun akan dibuat" in isi
    assert "akun baru: Operator Kecamatan, Kecamatan Puger" in isi
    assert not Pengguna.objects.filter(username="operator.puger").exists()  # preview only

    r = client.post(IMPOR, {"konfirmasi": "1"})
    assert r.status_code == 200 and "no-store" in r["Cache-Control"]
    assert "Impor dari impor.xlsx disimpan: 3 akun dibuat." in teks(r)
    assert len(sandi_tampil(r)) == 3
    dibuat = Pengguna.objects.filter(username__in=["operator.puger", "camat.puger", "bappeda.dua"])
    assert {(p.username, p.peran, p.kecamatan.nama if p.kecamatan else None) for p in dibuat} == {
        ("operator.puger", Peran.OPERATOR, "Puger"),
        ("camat.puger", Peran.CAMAT, "Puger"),
        ("bappeda.dua", Peran.BAPPEDA, None),
    }
    assert all(p.wajib_ganti_sandi and p.kabupaten == admin_kabupaten.kabupaten for p in dibuat)


def test_impor_excel_baris_salah_ditolak_dan_tidak_ada_yang_disimpan(
    client, admin_kabupaten, operator_kencong, media
):
    client.force_login(admin_kabupaten)
    sebelum = Pengguna.objects.count()
    ws = daftar_excel(
        client,
        [
            ("operator.puger", "Ani Lestari", "Operator", "Puger", None),
            ("operator.kencong", "Ganda", "Operator", "Kencong", None),
            ("camat.entah", "Entah", "Camat", "Atlantis", None),
            ("admin.dua", "Dua", "Admin Kabupaten", None, None),
            ("operator.puger", "Ani lagi", "Operator", "Puger", None),
        ],
    )
    baris_judul = next(r[0].row for r in ws.iter_rows() if r[0].value == "Nama pengguna")
    r = client.post(IMPOR, {"berkas": berkas(ws)})
    isi = teks(r)
    assert "Berkas ini belum dapat disimpan" in isi
    assert 'name="konfirmasi"' not in r.content.decode()  # no button to save
    assert f"{baris_judul + 2} operator.kencong · Ganda" in isi
    assert "Nama pengguna “operator.kencong” sudah dipakai akun lain." in isi
    assert "Kecamatan “Atlantis” tidak ditemukan di Kabupaten Jember" in isi
    assert "Peran “Admin Kabupaten” tidak dikenal" in isi
    assert f"Nama pengguna “operator.puger” sudah dipakai pada baris {baris_judul + 1}." in isi

    r = konfirmasi(client, IMPOR)
    assert "Tidak ada berkas yang menunggu konfirmasi" in teks(r)
    assert Pengguna.objects.count() == sebelum


def test_daftar_akun_tidak_bertambah_kueri_dengan_baris(client, admin_kabupaten, kencong, patrang):
    client.force_login(admin_kabupaten)

    def jumlah_kueri():
        with CaptureQueriesContext(connection) as kueri:
            assert client.get(DAFTAR).status_code == 200
        return len(kueri)

    sebelum = jumlah_kueri()
    for i, kecamatan in enumerate((kencong, patrang, kencong)):
        buat_pengguna(f"operator.tambahan{i}", Peran.OPERATOR, kencong.kabupaten, kecamatan)
    assert jumlah_kueri() == sebelum


# --- an account's name, role and kecamatan changed ---------------------------------------------

UBAH = reverse("kecamatan:pengguna-ubah")


def test_admin_mengubah_nama_peran_dan_kecamatan(
    client, admin_kabupaten, operator_kencong, patrang
):
    """Kencong's operator becomes the camat of Patrang: the form shows the account as it is,
    the list shows it changed, and from its next request it works as Patrang's camat."""
    client.force_login(admin_kabupaten)
    daftar = client.get(DAFTAR).text
    assert f'href="{UBAH}?pengguna={operator_kencong.pk}"' in daftar
    halaman = client.get(UBAH, {"pengguna": operator_kencong.pk})
    assert "Ubah akun operator.kencong" in teks(halaman)
    assert halaman.context["form"].initial["kecamatan"] == operator_kencong.kecamatan_id

    r = client.post(
        UBAH,
        {
            "pengguna": operator_kencong.pk,
            "nama_lengkap": "Budi Santoso",
            "peran": Peran.CAMAT,
            "kecamatan": patrang.pk,
            "email": "budi@example.org",
        },
        follow=True,
    )
    assert "Akun operator.kencong diubah: Budi Santoso, Camat, Patrang." in teks(r)
    baris = re.search(r"<tr>\s*<td>operator\.kencong</td>(.*?)</tr>", r.text, re.S).group(1)
    assert "Budi Santoso" in baris and "Camat" in baris and "Patrang" in baris
    operator_kencong.refresh_from_db()
    assert (operator_kencong.peran, operator_kencong.kecamatan) == (Peran.CAMAT, patrang)
    assert operator_kencong.username == "operator.kencong"  # how its owner signs in: kept

    client.force_login(operator_kencong)
    assert client.get(reverse("laporan:beranda", args=["kencong"])).status_code == 404
    assert client.get(reverse("laporan:beranda", args=["patrang"])).status_code == 200


def test_ubahan_salah_ditolak_dengan_pesan_dan_tidak_disimpan(
    client, admin_kabupaten, operator_kencong, kencong, bondowoso
):
    _kabupaten, maesan, operator_maesan, _admin = bondowoso
    client.force_login(admin_kabupaten)
    data = {"pengguna": operator_kencong.pk, "nama_lengkap": "Budi", "peran": Peran.OPERATOR}
    assert "Operator Kecamatan wajib punya kecamatan." in teks(client.post(UBAH, data))
    r = client.post(UBAH, {**data, "peran": Peran.BAPPEDA, "kecamatan": kencong.pk})
    assert "Bappeda tidak terikat pada satu kecamatan; kosongkan kecamatan." in teks(r)
    r = client.post(UBAH, {**data, "kecamatan": maesan.pk})
    assert "Kecamatan itu bukan kecamatan kabupaten Anda." in teks(r)
    r = client.post(UBAH, {**data, "nama_lengkap": " ", "kecamatan": kencong.pk})
    assert "Nama lengkap wajib diisi." in teks(r)
    r = client.post(UBAH, {**data, "peran": Peran.ADMIN_KABUPATEN, "kecamatan": kencong.pk})
    assert "Peran harus salah satu dari: Operator Kecamatan, Camat, Bappeda, Inspektorat." in teks(
        r
    )
    operator_kencong.refresh_from_db()
    assert operator_kencong.first_name != "Budi"
    assert operator_kencong.kecamatan == kencong and operator_kencong.peran == Peran.OPERATOR

    # Accounts not managed here: back to the list with the reason, nothing changed.
    for akun, pesan in (
        (operator_maesan, "Akun tidak ditemukan di kabupaten Anda."),
        (admin_kabupaten, "Akun Anda sendiri tidak dikelola di halaman ini."),
    ):
        r = client.get(UBAH, {"pengguna": akun.pk}, follow=True)
        assert pesan in teks(r) and r.redirect_chain[-1][0] == DAFTAR
        r = client.post(UBAH, {**data, "pengguna": akun.pk, "kecamatan": kencong.pk}, follow=True)
        assert pesan in teks(r)
    operator_maesan.refresh_from_db()
    assert operator_maesan.kecamatan == maesan
    assert "Pilih akun yang akan diubah." in teks(client.get(UBAH, follow=True))
