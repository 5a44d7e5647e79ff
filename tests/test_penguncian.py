"""What is approved stays approved, whatever the route: the guards sit in the models, below
pages, admin and imports."""

from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Diktum, KeputusanIKU
from laporan.models import LaporanKinerja
from perjanjian.models import (
    PelaporanRealisasi,
    PerjanjianKinerja,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
    TargetPerjanjian,
)
from sakip.penguncian import DataTerkunci


@pytest.fixture
def pk_awal(kencong):
    return PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")


def test_pk_ditetapkan_tidak_dapat_diubah_atau_dihapus(pk_awal):
    pk_awal.tempat = "Kencong"
    with pytest.raises(DataTerkunci, match="melalui PK Perubahan"):
        pk_awal.save()
    with pytest.raises(DataTerkunci):
        pk_awal.delete()
    assert PerjanjianKinerja.objects.get(pk=pk_awal.pk).tempat == "Jember"


def test_target_pk_ditetapkan_terkunci(pk_awal):
    target = pk_awal.target.get(indikator__ukuran__kode="ikm")
    target.nilai = Decimal("90")
    with pytest.raises(DataTerkunci):
        target.save()
    with pytest.raises(DataTerkunci):
        TargetPerjanjian.objects.create(perjanjian=pk_awal, indikator=target.indikator, nilai=1)
    assert pk_awal.target.get(indikator__ukuran__kode="ikm").nilai == Decimal("92.5")


def test_pagu_yang_dijanjikan_terkunci_kolom_lain_tidak(kencong):
    sub = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="2.1.1")
    sub.pagu_awal = Decimal("1")
    with pytest.raises(DataTerkunci, match="Pagu sebelum perubahan"):
        sub.save()
    sub.refresh_from_db()
    sub.pagu_perubahan = Decimal("1")
    with pytest.raises(DataTerkunci, match="Pagu sesudah perubahan"):
        sub.save()
    sub.refresh_from_db()
    sub.nama = "Nama diperbaiki"  # not a promised amount
    sub.save()


def test_realisasi_terverifikasi_terkunci(kencong):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tahunan", status="diverifikasi"
    )
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    ikm.nilai = Decimal("95")
    with pytest.raises(DataTerkunci, match="sudah diverifikasi Bappeda"):
        ikm.save()
    anggaran = RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__kecamatan=kencong, periode="tahunan"
    ).first()
    anggaran.jumlah = Decimal("1")
    with pytest.raises(DataTerkunci):
        anggaran.save()
    # another period is still open
    Realisasi.objects.create(
        kecamatan=kencong, ukuran=ikm.ukuran, tahun=2025, periode="tw4", nilai=Decimal("92")
    )


def test_keputusan_dan_lkip_ditetapkan_terkunci(kencong):
    keputusan = KeputusanIKU.objects.get(kecamatan=kencong, nomor="000.7.2.7/32/35.09.02/2025")
    with pytest.raises(DataTerkunci):
        Diktum.objects.create(keputusan=keputusan, urutan=99, isi="Tambahan")
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    lkip.kesimpulan = "diubah"
    with pytest.raises(DataTerkunci):
        lkip.save()


def test_admin_pun_tidak_dapat_mengubah_pk_ditetapkan(client, admin_kabupaten, pk_awal):
    client.force_login(admin_kabupaten)
    url = reverse("admin:perjanjian_perjanjiankinerja_change", args=[pk_awal.pk])
    data = {
        "kecamatan": pk_awal.kecamatan_id,
        "tahun": 2025,
        "jenis": "awal",
        "renstra": pk_awal.renstra_id,
        "tempat": "Kencong",
        "tanggal": "2025-02-10",
        "sumber_dana": "APBD",
        "pihak_pertama_nama": "X",
        "pihak_pertama_jabatan": "Camat",
        "pihak_kedua_nama": "Y",
        "pihak_kedua_jabatan": "Bupati",
        "status": "ditetapkan",
        "target-TOTAL_FORMS": "0",
        "target-INITIAL_FORMS": "0",
    }
    response = client.post(url, data, follow=True)
    assert "tidak dapat diubah" in response.text
    assert PerjanjianKinerja.objects.get(pk=pk_awal.pk).tempat == "Jember"


def test_perubahan_tercatat_dalam_riwayat(kencong, operator_kencong):
    ikm = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    sebelum = ikm.riwayat.count()
    ikm.nilai = Decimal("92.5")
    ikm._history_user = operator_kencong
    ikm.save()
    terbaru = ikm.riwayat.first()
    assert ikm.riwayat.count() == sebelum + 1
    assert terbaru.history_user == operator_kencong
    assert terbaru.prev_record.nilai == Decimal("92.33")


def test_realisasi_indikator_program_tetap_dapat_diisi_setelah_pk_ditetapkan(pk_awal):
    """The PK promises indicator and target; the realisasi comes at the end of the year."""
    indikator = pk_awal.indikator_program.first()
    indikator.realisasi = Decimal("91")
    indikator.save()
    indikator.target = Decimal("1")
    with pytest.raises(DataTerkunci):
        indikator.save()
    PelaporanRealisasi.objects.create(
        kecamatan=pk_awal.kecamatan, tahun=2025, periode="tahunan", status="diverifikasi"
    )
    indikator.refresh_from_db()
    indikator.realisasi = Decimal("92")
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        indikator.save()


def test_narasi_terkunci_bersama_lkip_yang_ditetapkan(kencong):
    from perjanjian.models import NarasiSasaran

    narasi = NarasiSasaran.objects.filter(sasaran__tujuan__renstra__kecamatan=kencong).first()
    narasi.tantangan = "Diubah sebelum penetapan"
    narasi.save()
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    narasi.tantangan = "Diubah sesudah penetapan"
    with pytest.raises(DataTerkunci, match="LKIP 2025 sudah ditetapkan"):
        narasi.save()


def test_verifikasi_tidak_dapat_ditarik_kembali(kencong):
    pelaporan = PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tw4", status="diverifikasi"
    )
    pelaporan.status = "draft"
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        pelaporan.save()
    with pytest.raises(DataTerkunci):
        PelaporanRealisasi.objects.get(pk=pelaporan.pk).delete()


def test_admin_membuka_baris_terkunci_hanya_dibaca_dengan_alasannya(
    client, admin_kabupaten, pk_awal
):
    """The admin asks the same reason as the guard: a ditetapkan PK opens read-only."""
    client.force_login(admin_kabupaten)
    url = reverse("admin:perjanjian_perjanjiankinerja_change", args=[pk_awal.pk])
    response = client.get(url)
    assert f"Hanya dapat dibaca: {PerjanjianKinerja.PESAN_TERKUNCI}" in response.text
    assert 'name="tempat"' not in response.text
