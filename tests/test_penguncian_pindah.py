"""Moving a locked row is a change of a locked row.

The guard asks the row as it will be and, when a save moves a stored row to another parent
or period, the row as stored: a verified realisasi does not slip into an open period, a
promised sub kegiatan does not leave its year, a narrative of an approved LKIP does not
become another year's. By code and through the Django admin's change forms alike.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from laporan.models import LaporanKinerja
from perjanjian.models import (
    Kegiatan,
    NarasiSasaran,
    PelaporanRealisasi,
    Program,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)
from sakip.isian import NilaiInput
from sakip.penguncian import DataTerkunci


@pytest.fixture
def tahunan_terverifikasi(kencong):
    return PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tahunan", status="diverifikasi"
    )


@pytest.fixture
def sub_dijanjikan(kencong):
    """Sub kegiatan 2.1.1 of Kencong 2025: its pagu is promised by the approved PK 2025."""
    return SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="2.1.1")


@pytest.fixture
def kegiatan_2026(kencong):
    program = Program.objects.create(kecamatan=kencong, tahun=2026, kode="9.9", nama="Uji 2026")
    return Kegiatan.objects.create(program=program, kode="9.9.1", nama="Kegiatan 2026")


@pytest.fixture
def narasi_lkip_ditetapkan(kencong):
    narasi = NarasiSasaran.objects.filter(
        sasaran__tujuan__renstra__kecamatan=kencong, tahun=2025
    ).first()
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    return narasi


# --- by code -------------------------------------------------------------------------------


def test_realisasi_terverifikasi_tidak_pindah_ke_periode_terbuka(kencong, tahunan_terverifikasi):
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    ikm.periode = "tw3"  # an open period: the row as it would be is not locked
    with pytest.raises(DataTerkunci, match="Tahunan 2025 sudah diverifikasi Bappeda"):
        ikm.save()
    ikm.refresh_from_db()
    assert ikm.periode == "tahunan"


@pytest.fixture
def anggaran_tw4_terverifikasi(kencong, sub_dijanjikan):
    """A budget realisasi of TW IV 2025, verified with its period (TW I stays open)."""
    anggaran = RealisasiAnggaran.objects.create(
        sub_kegiatan=sub_dijanjikan, periode="tw4", jumlah=Decimal("1000")
    )
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tw4", status="diverifikasi"
    )
    return anggaran


def test_realisasi_anggaran_terverifikasi_tidak_pindah_periode(anggaran_tw4_terverifikasi):
    anggaran = anggaran_tw4_terverifikasi
    anggaran.periode = "tw1"
    with pytest.raises(DataTerkunci, match="Triwulan IV 2025 sudah diverifikasi Bappeda"):
        anggaran.save()
    assert RealisasiAnggaran.objects.get(pk=anggaran.pk).periode == "tw4"


def test_sub_kegiatan_dijanjikan_tidak_pindah_ke_tahun_lain(sub_dijanjikan, kegiatan_2026):
    asal = sub_dijanjikan.kegiatan_id
    sub_dijanjikan.kegiatan = kegiatan_2026
    with pytest.raises(DataTerkunci, match="Pagu sebelum perubahan sudah dijanjikan"):
        sub_dijanjikan.save()
    assert SubKegiatan.objects.get(pk=sub_dijanjikan.pk).kegiatan_id == asal


def test_narasi_lkip_ditetapkan_tidak_pindah_tahun(narasi_lkip_ditetapkan):
    narasi_lkip_ditetapkan.tahun = 2026  # no LKIP 2026: that year is open
    with pytest.raises(DataTerkunci, match="LKIP 2025 sudah ditetapkan"):
        narasi_lkip_ditetapkan.save()
    assert NarasiSasaran.objects.get(pk=narasi_lkip_ditetapkan.pk).tahun == 2025


def test_update_massal_pun_tidak_memindahkan(kencong, tahunan_terverifikasi):
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        Realisasi.objects.filter(kecamatan=kencong, ukuran__kode="ikm", tahun=2025).update(
            periode="tw2"
        )
    assert Realisasi.objects.filter(kecamatan=kencong, tahun=2025, periode="tw2").count() == 0


def test_baris_terbuka_tetap_dapat_dipindah_dan_diubah(kencong, sub_dijanjikan, kegiatan_2026):
    """Only locked rows stay put: an open period's realisasi moves, a promised sub kegiatan
    still takes a new name, a sub kegiatan without a promised amount moves."""
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    ikm.periode = "tw3"
    ikm.save()
    sub_dijanjikan.nama = "Nama diperbaiki"
    sub_dijanjikan.save()
    kosong = SubKegiatan.objects.create(
        kegiatan=sub_dijanjikan.kegiatan, kode="9.9.9", nama="Tanpa pagu"
    )
    kosong.kegiatan = kegiatan_2026
    kosong.save()
    assert SubKegiatan.objects.get(pk=kosong.pk).kegiatan == kegiatan_2026


# --- through the Django admin's change forms ---------------------------------------------------


def isian_formulir(response) -> dict:
    """What the browser would post back from an admin change page: every field of the main
    form and of its inlines as shown, with the management forms."""
    data = {}

    def tambah(form):
        for bf in form:
            nilai = bf.value()
            if nilai is None or nilai is False:
                continue
            if nilai is True:
                nilai = "on"
            if isinstance(bf.field.widget, NilaiInput):  # a number as the page shows it
                nilai = bf.field.widget.format_value(nilai)
            data[bf.html_name] = [str(v) for v in nilai] if isinstance(nilai, list) else nilai

    tambah(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        tambah(formset.management_form)
        for form in formset.forms:
            tambah(form)
    return data


@pytest.fixture
def client_admin(client, admin_kabupaten):
    client.force_login(admin_kabupaten)
    return client


def test_admin_tidak_memindahkan_sub_kegiatan_yang_dijanjikan(
    client_admin, sub_dijanjikan, kegiatan_2026
):
    url = reverse("admin:perjanjian_subkegiatan_change", args=[sub_dijanjikan.pk])
    data = isian_formulir(client_admin.get(url))
    data["kegiatan"] = kegiatan_2026.pk
    response = client_admin.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Pagu sebelum perubahan sudah dijanjikan dalam Perjanjian Kinerja" in response.text
    assert SubKegiatan.objects.get(pk=sub_dijanjikan.pk).kegiatan_id != kegiatan_2026.pk


def test_admin_tidak_memindahkan_realisasi_anggaran_terverifikasi_lewat_inline(
    client_admin, sub_dijanjikan, anggaran_tw4_terverifikasi
):
    """The budget realisasi rows sit as an inline of their sub kegiatan, whose own page is
    open: moving the verified TW IV row to TW I there is refused."""
    anggaran = anggaran_tw4_terverifikasi
    url = reverse("admin:perjanjian_subkegiatan_change", args=[sub_dijanjikan.pk])
    data = isian_formulir(client_admin.get(url))
    kunci = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(anggaran.pk))
    data[kunci.replace("-id", "-periode")] = "tw1"
    response = client_admin.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Realisasi Triwulan IV 2025 sudah diverifikasi Bappeda" in response.text
    assert RealisasiAnggaran.objects.get(pk=anggaran.pk).periode == "tw4"


def test_admin_tidak_memindahkan_realisasi_terverifikasi(
    client_admin, kencong, tahunan_terverifikasi
):
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    url = reverse("admin:perjanjian_realisasi_change", args=[ikm.pk])
    data = {
        "kecamatan": kencong.pk,
        "ukuran": ikm.ukuran_id,
        "tahun": 2025,
        "periode": "tw3",
        "nilai": "92.33",
    }
    response = client_admin.post(url, data, follow=True)
    assert response.status_code == 200
    assert "sudah diverifikasi Bappeda" in response.text
    assert Realisasi.objects.get(pk=ikm.pk).periode == "tahunan"


def test_admin_tidak_memindahkan_narasi_lkip_ditetapkan(client_admin, narasi_lkip_ditetapkan):
    url = reverse("admin:perjanjian_narasisasaran_change", args=[narasi_lkip_ditetapkan.pk])
    data = {
        "sasaran": narasi_lkip_ditetapkan.sasaran_id,
        "tahun": 2026,
        "faktor_pendorong": narasi_lkip_ditetapkan.faktor_pendorong,
        "faktor_penghambat": narasi_lkip_ditetapkan.faktor_penghambat,
        "tantangan": narasi_lkip_ditetapkan.tantangan,
    }
    response = client_admin.post(url, data, follow=True)
    assert response.status_code == 200
    assert "LKIP 2025 sudah ditetapkan" in response.text
    assert NarasiSasaran.objects.get(pk=narasi_lkip_ditetapkan.pk).tahun == 2025
