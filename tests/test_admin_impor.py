"""django-import-export on the admin's one-row-one-record lists (kecamatan, unit kerja, pejabat,
pengguna): the preview and the confirm stay within the admin's kabupaten, refuse what the
admin's forms refuse, and never carry a password."""

import csv
import io

import pytest
from conftest import buat_pengguna
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kecamatan.models import Kabupaten, Kecamatan, Pejabat, Pengguna, Peran, UnitKerja


def unggah_csv(client, model: str, baris: list[dict]):
    keluar = io.StringIO()
    tulis = csv.DictWriter(keluar, fieldnames=list(baris[0]))
    tulis.writeheader()
    tulis.writerows(baris)
    berkas = SimpleUploadedFile("impor.csv", keluar.getvalue().encode(), "text/csv")
    url = reverse(f"admin:kecamatan_{model}_import")
    return client.post(url, {"import_file": berkas, "format": "0"})


def konfirmasi(client, model: str, pratinjau):
    form = pratinjau.context["confirm_form"]
    data = {k: v for k, v in form.initial.items()}
    url = reverse(f"admin:kecamatan_{model}_process_import")
    return client.post(url, data, follow=True)


@pytest.fixture
def maesan(db):
    kabupaten = Kabupaten.objects.create(nama="Bondowoso", slug="bondowoso", kode="35.11")
    return Kecamatan.objects.create(
        kabupaten=kabupaten, nama="Maesan", slug="maesan", kode="35.11.01"
    )


def test_ekspor_pengguna_tanpa_kata_sandi_dan_tanpa_kabupaten_lain(
    client, admin_kabupaten, operator_kencong, maesan
):
    buat_pengguna("operator.maesan", Peran.OPERATOR, maesan.kabupaten, maesan)
    client.force_login(admin_kabupaten)
    r = client.post(
        reverse("admin:kecamatan_pengguna_export"),
        {"format": "0", **{f"penggunasumber_{k}": "on" for k in ("username", "peran")}},
    )
    assert r.status_code == 200, r.content[:500]
    isi = r.content.decode()
    assert "operator.kencong" in isi
    assert "operator.maesan" not in isi
    assert "password" not in isi.lower() and "md5$" not in isi


def test_impor_pejabat_pratinjau_lalu_simpan(client, admin_kabupaten, kencong):
    client.force_login(admin_kabupaten)
    r = unggah_csv(
        client,
        "pejabat",
        [
            {
                "id": "",
                "kabupaten": "",
                "kecamatan": kencong.kode,
                "nama": "Drs. Uji Coba, M.Si",
                "nip": "197001011990031001",
                "jabatan": "Sekretaris Kecamatan Kencong",
            }
        ],
    )
    assert r.status_code == 200 and "confirm_form" in r.context
    assert not Pejabat.objects.filter(nama="Drs. Uji Coba, M.Si").exists()  # preview only
    konfirmasi(client, "pejabat", r)
    pejabat = Pejabat.objects.get(nama="Drs. Uji Coba, M.Si")
    assert (pejabat.kabupaten, pejabat.kecamatan) == (kencong.kabupaten, kencong)


def test_impor_tidak_menjangkau_kabupaten_lain(client, admin_kabupaten, kencong, maesan):
    unit_maesan = UnitKerja.objects.create(kecamatan=maesan, jenis="seksi", nama="Seksi Maesan")
    client.force_login(admin_kabupaten)
    # A kecamatan of Bondowoso as a Jember pejabat's kecamatan: refused in the preview.
    r = unggah_csv(
        client,
        "pejabat",
        [{"id": "", "kecamatan": maesan.kode, "nama": "Penyusup", "jabatan": "Camat"}],
    )
    assert "confirm_form" not in r.context
    assert "Kecamatan itu tidak ditemukan di kabupaten Anda." in r.content.decode()
    # Bondowoso's unit named by its id: not taken over.
    r = unggah_csv(
        client,
        "unitkerja",
        [
            {
                "id": unit_maesan.pk,
                "kecamatan": kencong.kode,
                "jenis": "seksi",
                "nama": "Direbut",
                "singkatan": "",
                "urutan": 0,
            }
        ],
    )
    assert "confirm_form" not in r.context
    assert f"dengan id {unit_maesan.pk} tidak ditemukan di kabupaten Anda" in r.content.decode()
    unit_maesan.refresh_from_db()
    assert unit_maesan.nama == "Seksi Maesan" and unit_maesan.kecamatan == maesan
    assert not Pejabat.objects.filter(nama="Penyusup").exists()


def test_impor_pengguna_tanpa_kata_sandi_dan_peran_yang_dikelola(client, admin_kabupaten, kencong):
    client.force_login(admin_kabupaten)
    r = unggah_csv(
        client,
        "pengguna",
        [
            {
                "username": "operator.impor",
                "first_name": "Impor",
                "peran": "operator",
                "kecamatan": kencong.kode,
                "is_active": "1",
            },
        ],
    )
    assert "confirm_form" in r.context, r.content.decode()[-3000:]
    konfirmasi(client, "pengguna", r)
    baru = Pengguna.objects.get(username="operator.impor")
    assert (baru.kecamatan, baru.kabupaten) == (kencong, kencong.kabupaten)
    assert not baru.has_usable_password()

    r = unggah_csv(
        client,
        "pengguna",
        [
            {
                "username": "admin.dua",
                "first_name": "Dua",
                "peran": "admin_kabupaten",
                "kecamatan": "",
                "is_active": "1",
            },
            {
                "username": "camat.tanpa",
                "first_name": "Tanpa",
                "peran": "camat",
                "kecamatan": "",
                "is_active": "1",
            },
            {
                "username": admin_kabupaten.username,
                "first_name": "Ubah",
                "peran": "operator",
                "kecamatan": kencong.kode,
                "is_active": "1",
            },
        ],
    )
    isi = r.content.decode()
    assert "confirm_form" not in r.context
    assert "Peran harus salah satu dari" in isi
    assert "Camat wajib punya kecamatan." in isi
    assert "hanya dapat diubah oleh pengelola aplikasi" in isi
    assert not Pengguna.objects.filter(username__in=["admin.dua", "camat.tanpa"]).exists()
