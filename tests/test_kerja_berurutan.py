"""Work in order: the beranda's "Yang masih kurang" names returned and not-yet-submitted
periods."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from kecamatan.models import Kecamatan
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja
from perjanjian.selectors import tahun_data_terakhir
from perjanjian.services import realisasi_ajukan
from sakip.kinerja import periode_berakhir


def kurang(client, user, tahun=2025):
    client.force_login(user)
    teks = client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": tahun}).text
    return teks.split("<h3>Yang masih kurang</h3>", 1)[1].split("</section>", 1)[0]


def test_periode_berakhir():
    assert not periode_berakhir("tw1", 2026, datetime.date(2026, 3, 31))
    assert periode_berakhir("tw1", 2026, datetime.date(2026, 4, 1))
    assert not periode_berakhir("tw4", 2026, datetime.date(2026, 12, 31))
    assert periode_berakhir("tahunan", 2026, datetime.date(2027, 1, 1))


def test_yang_kurang_menyebut_periode_dikembalikan(client, operator_kencong, kencong):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong,
        tahun=2025,
        periode="tw2",
        status="dikembalikan",
        komentar="Lampirkan sumber data IKM.",
    )
    teks = kurang(client, operator_kencong)
    assert (
        "Realisasi Triwulan II 2025 dikembalikan Bappeda: “Lampirkan sumber data IKM”. "
        "Perbaiki, lalu ajukan lagi." in teks
    )
    assert reverse("perjanjian:realisasi", args=["kencong", 2025, "tw2"]) in teks


def test_yang_kurang_menyebut_periode_lewat_yang_belum_diajukan(client, operator_kencong, kencong):
    PelaporanRealisasi.objects.filter(kecamatan=kencong, tahun=2025).delete()
    teks = kurang(client, operator_kencong)
    for label in ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"):
        assert f"Realisasi {label} 2025 belum diajukan ke Bappeda." in teks


def test_periode_yang_belum_berakhir_tidak_disebut(client, operator_kencong):
    teks = kurang(client, operator_kencong, tahun=datetime.date.today().year + 1)
    assert "belum diajukan ke Bappeda" not in teks


def realisasi_halaman(client, user, periode):
    client.force_login(user)
    return client.get(reverse("perjanjian:realisasi", args=["kencong", 2025, periode])).text


def test_impor_excel_tidak_ditawarkan_untuk_periode_diajukan(client, operator_kencong, kencong):
    PelaporanRealisasi.objects.filter(kecamatan=kencong, tahun=2025).delete()
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tw2", status="diajukan"
    )
    impor = reverse("perjanjian:realisasi-impor", args=["kencong", 2025])
    teks = realisasi_halaman(client, operator_kencong, "tw2")
    assert impor not in teks
    assert (
        "Impor Excel tidak ditawarkan: realisasi Triwulan II 2025 sudah diajukan dan menunggu "
        "verifikasi Bappeda. Periode yang masih dapat diisi (Triwulan I, Triwulan III, "
        "Triwulan IV, Tahunan) dapat diimpor dari halamannya." in teks
    )
    teks = realisasi_halaman(client, operator_kencong, "tw1")
    assert impor in teks
    assert "Impor Excel tidak ditawarkan" not in teks


def test_impor_excel_tidak_ditawarkan_bila_semua_diverifikasi(client, operator_kencong, kencong):
    PelaporanRealisasi.objects.filter(kecamatan=kencong, tahun=2025).delete()
    for p in ("tw1", "tw2", "tw3", "tw4", "tahunan"):
        PelaporanRealisasi.objects.create(
            kecamatan=kencong, tahun=2025, periode=p, status="diverifikasi"
        )
    teks = realisasi_halaman(client, operator_kencong, "tw4")
    assert reverse("perjanjian:realisasi-impor", args=["kencong", 2025]) not in teks
    assert "realisasi Triwulan IV 2025 sudah diverifikasi Bappeda." in teks
    assert "Tidak ada periode tahun ini yang masih dapat diisi." in teks


def test_pembaca_tidak_diberi_alasan_impor(client, bappeda, kencong):
    teks = realisasi_halaman(client, bappeda, "tahunan")
    assert "Impor Excel" not in teks


def test_antrean_menyebut_siapa_dan_kapan_mengajukan(client, bappeda, kencong, operator_kencong):
    operator_kencong.first_name, operator_kencong.last_name = "Siti", "Aminah"
    operator_kencong.save()
    p = realisasi_ajukan(kecamatan=kencong, tahun=2025, periode="tahunan", oleh=operator_kencong)
    waktu = p.riwayat.latest().history_date
    client.force_login(bappeda)
    teks = client.get(reverse("perjanjian:verifikasi")).text
    baris = teks.split('id="realisasi-kencong-2025-tahunan"', 1)[1].split("</tr>", 1)[0]
    pada = date_format(timezone.localtime(waktu), "j F Y, H.i")
    assert f"Diajukan oleh Siti Aminah, {pada}" in baris


def test_dasbor_dibuka_pada_tahun_data_terakhir_bukan_pk_draf_kosong(client, bappeda, patrang):
    PerjanjianKinerja.objects.create(
        kecamatan=patrang,
        tahun=2026,
        renstra=patrang.renstra.order_by("-tahun_akhir").first(),
        pihak_pertama_nama="Camat Patrang",
        pihak_pertama_jabatan="Camat Patrang",
        pihak_kedua_nama="Bupati Jember",
        pihak_kedua_jabatan="Bupati Jember",
    )
    client.force_login(bappeda)
    teks = client.get(reverse("laporan:dasbor")).text
    assert "tahun 2025" in teks
    assert "tahun 2026" not in teks


def test_tahun_data_terakhir(kencong):
    kecamatan = Kecamatan.objects.filter(pk=kencong.pk)
    assert tahun_data_terakhir(kecamatan=kecamatan, sampai=2030) == 2025
    assert tahun_data_terakhir(kecamatan=kecamatan, sampai=2010) is None
