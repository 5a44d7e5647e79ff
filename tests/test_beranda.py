"""The beranda kecamatan: the year at a glance, what is missing, warnings, what awaits whom."""

from decimal import Decimal

from django.urls import reverse

from iku.models import Indikator, Renstra, TargetIndikator, Tujuan
from perjanjian.models import (
    Kegiatan,
    PelaporanRealisasi,
    PerjanjianKinerja,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
    TargetPerjanjian,
)
from sakip.penguncian import kunci_dilepas


def beranda(client, user, tahun=2025, slug="kencong"):
    client.force_login(user)
    return client.get(reverse("laporan:beranda", args=[slug]), {"tahun": tahun})


def test_kencong_2025_sekilas(client, operator_kencong):
    response = beranda(client, operator_kencong)
    assert response.status_code == 200
    teks = response.text
    assert "Renstra Perubahan 2021-2026" in teks and "Renstra 2025-2029" in teks
    assert "000.7.2.7/32/35.09.02/2025" in teks
    assert "Perjanjian Kinerja Perubahan" in teks and "Ditetapkan" in teks
    assert "LKIP 2025 belum ditetapkan camat." in teks
    # Only yearly figures are in the seed: the quarters are reported as empty.
    assert "Realisasi Triwulan IV: 0 dari 7 indikator terisi." in teks
    assert "Tidak ada peringatan." in teks


def test_tahun_tanpa_dokumen_menunjukkan_yang_kurang_dengan_tautan(client, operator_kencong):
    response = beranda(client, operator_kencong, tahun=2027)
    assert "Perjanjian Kinerja 2027 belum dibuat." in response.text
    assert reverse("perjanjian:perjanjian-daftar", args=["kencong", 2027]) in response.text
    assert "LKIP 2027 belum dimulai." in response.text


def test_peringatan_tercantum_di_beranda(client, operator_kencong, kencong):
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="draft")
    ikm = TargetPerjanjian.objects.get(
        perjanjian__kecamatan=kencong, perjanjian__jenis="awal", indikator__ukuran__kode="ikm"
    )
    ikm.nilai = Decimal("60")
    ikm.save()
    sub = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="2.1.1")
    RealisasiAnggaran.objects.filter(sub_kegiatan=sub).update(jumlah=Decimal("900000000"))
    teks = beranda(client, operator_kencong).text
    assert "target PK 60 berbeda" in teks and "dari target Renstra 92,5" in teks
    assert "realisasi Tahunan Rp 900.000.000,00 melebihi pagu Rp 797.300.000,00" in teks


def test_camat_melihat_yang_menunggu_tindakannya(client, camat_kencong, kencong):
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025, jenis="perubahan").update(
            status="diajukan"
        )
    teks = beranda(client, camat_kencong).text
    assert "Menunggu tindakan" in teks
    assert "Perjanjian Kinerja Perubahan 2025 diajukan, menunggu penetapan Anda." in teks


def test_realisasi_dikembalikan_menampilkan_catatan_bappeda(client, operator_kencong, kencong):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong,
        tahun=2025,
        periode="tw4",
        status="dikembalikan",
        komentar="Lampirkan sumber data IKM.",
    )
    teks = beranda(client, operator_kencong).text
    assert "Dikembalikan" in teks and "Lampirkan sumber data IKM." in teks


def test_bappeda_membaca_beranda_kecamatan_mana_pun(client, bappeda):
    assert beranda(client, bappeda, slug="kencong").status_code == 200
    assert beranda(client, bappeda, slug="sumberjambe").status_code == 200


def test_operator_lain_mendapat_404(client, operator_patrang):
    assert beranda(client, operator_patrang, slug="kencong").status_code == 404


def test_query_beranda_tidak_bertambah_dengan_jumlah_indikator_dan_program(
    client, operator_kencong, kencong, django_assert_max_num_queries
):
    client.force_login(operator_kencong)
    url = reverse("laporan:beranda", args=["kencong"]) + "?tahun=2025"
    with django_assert_max_num_queries(30) as awal:
        client.get(url)
    sebelum = len(awal.captured_queries)

    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="draft")
    renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="perubahan")
    tujuan = Tujuan.objects.create(renstra=renstra, nomor=9, uraian="Tujuan uji")
    ukuran = Indikator.objects.filter(tujuan__renstra=renstra).first().ukuran
    for n in range(15):
        ind = Indikator.objects.create(tujuan=tujuan, ukuran=ukuran, nama=f"Uji {n}", satuan="%")
        TargetIndikator.objects.create(indikator=ind, tahun=2025, nilai=1)
        TargetPerjanjian.objects.create(perjanjian=pk, indikator=ind, nilai=1, urutan=10 + n)
    for n in range(10):
        program = Program.objects.create(kecamatan=kencong, tahun=2025, kode=f"9{n}", nama="P")
        kegiatan = Kegiatan.objects.create(program=program, kode=f"9{n}.1", nama="K")
        SubKegiatan.objects.create(kegiatan=kegiatan, kode=f"9{n}.1.1", nama="S")
    with django_assert_max_num_queries(sebelum):
        client.get(url)
