"""The budget realisation of a period is part of that period, and Bappeda can reopen a
verified period with a reason.

Kencong's 2025 budget has 14 sub kegiatan whose annual realisasi (Rp 3.067.535.140) is loaded
and whose quarters are empty. The operator sees the budget of the period on the realisasi page,
Bappeda sees it in the queue before verifying, the beranda lists what is missing; once the
annual realisasi is verified its budget cells are locked with a reason; Bappeda reopens it
with a reason the kecamatan reads, unless the approved LKIP 2025 already printed it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from laporan.models import LaporanKinerja
from perjanjian.models import PelaporanRealisasi, RealisasiAnggaran, SubKegiatan
from perjanjian.selectors import anggaran_periode, kunci_anggaran, pohon_anggaran
from perjanjian.services import (
    anggaran_simpan,
    realisasi_ajukan,
    realisasi_buka_kembali,
    realisasi_verifikasi,
    sidik_anggaran,
)
from sakip.alur import jalankan_transisi
from sakip.penguncian import DataTerkunci, TransisiDitolak

TAHUN = 2025
ALASAN = "Realisasi anggaran Tahunan belum sesuai SP2D; perbaiki sub kegiatan 2.1.1."
REALISASI_TAHUNAN = "Rp 3.067.535.140,00"


def url(nama, periode="tahunan"):
    return reverse(f"perjanjian:{nama}", args=["kencong", TAHUN, periode])


def status(kencong, periode="tahunan"):
    return PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=TAHUN, periode=periode).status


def sub(kode) -> SubKegiatan:
    return SubKegiatan.objects.get(
        kegiatan__program__kecamatan__slug="kencong", kegiatan__program__tahun=TAHUN, kode=kode
    )


def ubah_anggaran(kencong, oleh, kode, periode, jumlah):
    """Save one budget realisasi cell through the service, as the budget page does."""
    pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=TAHUN)
    semua = [s.objek for s in pohon.baris() if s.tingkat == "sub_kegiatan"]
    realisasi = [r for s in semua for r in s.realisasi.all()]
    return anggaran_simpan(
        kecamatan=kencong,
        tahun=TAHUN,
        isian={sub(kode).id: {periode: jumlah}},
        sidik=sidik_anggaran(semua, realisasi),
        oleh=oleh,
    )


@pytest.fixture
def diajukan(kencong, operator_kencong):
    return realisasi_ajukan(
        kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=operator_kencong
    )


@pytest.fixture
def diverifikasi(kencong, bappeda, diajukan):
    return realisasi_verifikasi(kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=bappeda)


def lkip_ditetapkan(kencong):
    # Set-up only: the LKIP's own approval is tested elsewhere.
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="ditetapkan")


# --- the budget of a period ---------------------------------------------------------------------


def test_anggaran_periode_menghitung_sub_kegiatan_terisi_dan_jumlahnya(kencong, operator_kencong):
    tahunan = anggaran_periode(kecamatan=kencong, tahun=TAHUN, periode="tahunan")
    assert (tahunan.terisi, tahunan.jumlah_sub) == (14, 14) and tahunan.lengkap
    assert tahunan.realisasi == Decimal("3067535140.00")
    assert tahunan.pagu == Decimal("3920691860.40")
    assert sum(p.jumlah_sub for p in tahunan.program) == 14

    tw1 = anggaran_periode(kecamatan=kencong, tahun=TAHUN, periode="tw1")
    assert (tw1.terisi, tw1.realisasi, tw1.lengkap) == (0, None, False)
    ubah_anggaran(kencong, operator_kencong, "2.1.1", "tw1", Decimal("1500000"))
    tw1 = anggaran_periode(kecamatan=kencong, tahun=TAHUN, periode="tw1")
    assert (tw1.terisi, tw1.belum_terisi, tw1.realisasi) == (1, 13, Decimal("1500000"))


def test_anggaran_periode_yang_diajukan_tertutup(kencong, operator_kencong, diajukan):
    lama = RealisasiAnggaran.objects.get(sub_kegiatan=sub("2.1.1"), periode="tahunan").jumlah
    with pytest.raises(TransisiDitolak, match="sedang diajukan ke Bappeda"):
        ubah_anggaran(kencong, operator_kencong, "2.1.1", "tahunan", Decimal("1"))
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub("2.1.1"), periode="tahunan").jumlah == (
        lama
    )
    kunci = kunci_anggaran(kecamatan_id=kencong.id, tahun=TAHUN)
    assert "ikut diperiksa" in kunci["tahunan"]
    # The quarters too: where no annual figure is typed, the year's figure is their sum.
    assert "triwulan ikut tertutup" in kunci["tw1"]
    with pytest.raises(TransisiDitolak, match="triwulan ikut tertutup"):
        ubah_anggaran(kencong, operator_kencong, "2.1.1", "tw1", Decimal("5"))


def test_triwulan_yang_diajukan_tidak_menutup_periode_lain(kencong, operator_kencong):
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=TAHUN, periode="tw1", status="diajukan"
    )
    with pytest.raises(TransisiDitolak, match="Realisasi Triwulan I 2025 sedang diajukan"):
        ubah_anggaran(kencong, operator_kencong, "2.1.1", "tw1", Decimal("5"))
    assert ubah_anggaran(kencong, operator_kencong, "2.1.1", "tw2", Decimal("5")) == 1
    assert ubah_anggaran(kencong, operator_kencong, "2.1.1", "tahunan", Decimal("5")) == 1


def test_anggaran_periode_terverifikasi_terkunci_dengan_alasan(
    kencong, operator_kencong, diverifikasi
):
    alasan = kunci_anggaran(kecamatan_id=kencong.id, tahun=TAHUN)["tahunan"]
    assert "Realisasi Tahunan 2025 sudah diverifikasi Bappeda" in alasan
    assert "ikut diverifikasi" in alasan and "membuka kembali" in alasan
    with pytest.raises(DataTerkunci):
        ubah_anggaran(kencong, operator_kencong, "2.1.1", "tahunan", Decimal("1"))
    # A quarter feeds the verified annual figure: the model guard refuses it on any route.
    with pytest.raises(DataTerkunci, match="triwulan ikut tertutup"):
        RealisasiAnggaran.objects.create(sub_kegiatan=sub("2.1.1"), periode="tw1", jumlah=5)
    assert not RealisasiAnggaran.objects.filter(sub_kegiatan=sub("2.1.1"), periode="tw1").exists()


# --- reopening a verified period ------------------------------------------------------------


def test_bappeda_membuka_kembali_dengan_alasan(kencong, operator_kencong, bappeda, diverifikasi):
    p = realisasi_buka_kembali(
        kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=bappeda, alasan=f"  {ALASAN} "
    )
    assert (p.status, p.komentar) == ("dikembalikan", ALASAN)
    terakhir = p.riwayat.order_by("-history_date", "-history_id").first()
    assert (terakhir.status, terakhir.komentar, terakhir.history_user) == (
        "dikembalikan",
        ALASAN,
        bappeda,
    )
    # Open again: the budget realisasi of the period can be corrected and submitted anew.
    assert ubah_anggaran(kencong, operator_kencong, "2.1.1", "tahunan", Decimal("1")) == 1
    realisasi_ajukan(kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=operator_kencong)
    assert status(kencong) == "diajukan"


def test_membuka_kembali_tanpa_alasan_ditolak(kencong, bappeda, diverifikasi):
    with pytest.raises(TransisiDitolak, match="Tuliskan alasan membuka kembali"):
        realisasi_buka_kembali(
            kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=bappeda, alasan="   "
        )
    assert status(kencong) == "diverifikasi"


@pytest.mark.parametrize("peran", ["operator_kencong", "camat_kencong", "inspektorat"])
def test_hanya_bappeda_yang_membuka_kembali(request, kencong, diverifikasi, peran):
    with pytest.raises(
        TransisiDitolak,
        match="Hanya Bappeda kabupaten yang dapat membuka kembali realisasi yang sudah "
        "diverifikasi",
    ):
        realisasi_buka_kembali(
            kecamatan=kencong,
            tahun=TAHUN,
            periode="tahunan",
            oleh=request.getfixturevalue(peran),
            alasan=ALASAN,
        )
    assert status(kencong) == "diverifikasi"


def test_hanya_periode_terverifikasi_yang_dibuka_kembali(kencong, bappeda, diajukan):
    with pytest.raises(TransisiDitolak, match="berstatus diajukan, bukan diverifikasi"):
        realisasi_buka_kembali(
            kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=bappeda, alasan=ALASAN
        )
    assert status(kencong) == "diajukan"


def test_lkip_ditetapkan_menolak_pembukaan_kembali(kencong, bappeda, diverifikasi):
    lkip_ditetapkan(kencong)
    with pytest.raises(DataTerkunci, match="LKIP 2025 sudah ditetapkan camat"):
        realisasi_buka_kembali(
            kecamatan=kencong, tahun=TAHUN, periode="tahunan", oleh=bappeda, alasan=ALASAN
        )
    assert status(kencong) == "diverifikasi"
    # The model guard says the same on any route that skips the service.
    p = PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=TAHUN, periode="tahunan")
    with pytest.raises(DataTerkunci, match="LKIP 2025 sudah ditetapkan camat"):
        jalankan_transisi(dokumen=p, aksi="buka_kembali", oleh=bappeda, komentar=ALASAN)
    assert status(kencong) == "diverifikasi"


def test_status_terverifikasi_tetap_tidak_dapat_diubah_langsung(kencong, diverifikasi):
    p = PelaporanRealisasi.objects.get(kecamatan=kencong, tahun=TAHUN, periode="tahunan")
    p.status = "draft"
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        p.save()
    with pytest.raises(DataTerkunci):
        p.delete()


# --- pages ---------------------------------------------------------------------------------------


def test_halaman_realisasi_menampilkan_anggaran_periode(client, operator_kencong):
    client.force_login(operator_kencong)
    teks = client.get(url("realisasi")).text
    assert "Realisasi anggaran Tahunan 2025" in teks
    assert "Anggaran: 14 dari 14 sub kegiatan terisi" in teks and REALISASI_TAHUNAN in teks
    assert "Rp 3.920.691.860,40" in teks  # the pagu it is measured against
    isi = reverse("perjanjian:anggaran", args=["kencong", TAHUN]) + "?ubah=1"
    assert f'href="{isi}"' in teks and 'id="tautan-isi-anggaran"' in teks

    teks = client.get(url("realisasi", "tw1")).text
    assert "Anggaran: 0 dari 14 sub kegiatan terisi" in teks
    assert "14 sub kegiatan belum punya realisasi anggaran Triwulan I." in teks


def test_halaman_realisasi_diajukan_tidak_menawarkan_pengisian_anggaran(
    client, operator_kencong, diajukan
):
    client.force_login(operator_kencong)
    teks = client.get(url("realisasi")).text
    assert "Anggaran: 14 dari 14 sub kegiatan terisi" in teks
    assert 'id="tautan-isi-anggaran"' not in teks
    assert "Realisasi Tahunan 2025 sedang diajukan ke Bappeda; realisasi anggaran" in teks


def test_antrean_menyebut_anggaran_periode(client, bappeda, diajukan):
    client.force_login(bappeda)
    teks = client.get(reverse("perjanjian:verifikasi")).text
    assert f"Anggaran: 14 dari 14 sub kegiatan terisi, {REALISASI_TAHUNAN}" in teks


def test_halaman_anggaran_menjelaskan_kunci_periode(client, operator_kencong, diverifikasi):
    client.force_login(operator_kencong)
    teks = client.get(reverse("perjanjian:anggaran", args=["kencong", TAHUN])).text
    assert "Realisasi anggaran per periode" in teks
    assert 'id="periode-anggaran-tahunan"' in teks
    assert "Realisasi anggaran periode ini ikut diverifikasi dan terkunci" in teks
    assert "Bappeda dapat membuka kembali periode Tahunan" in teks
    assert "triwulan ikut tertutup" in teks  # the quarters feed the verified annual figure


def test_beranda_menyebut_anggaran_periode_terbuka_yang_belum_terisi(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    beranda = reverse("laporan:beranda", args=["kencong"]) + f"?tahun={TAHUN}"
    teks = client.get(beranda).text
    assert "Realisasi anggaran Triwulan I: 0 dari 14 sub kegiatan terisi." in teks
    assert "Realisasi anggaran Tahunan:" not in teks  # complete


def test_bappeda_membuka_kembali_dari_halaman_dan_kecamatan_membaca_alasannya(
    client, bappeda, operator_kencong, kencong, diverifikasi
):
    client.force_login(bappeda)
    teks = client.get(url("realisasi")).text
    assert 'id="tombol-buka-kembali"' in teks

    # Without a reason: refused, the period stays verified.
    teks = client.post(url("realisasi-buka-kembali"), {"komentar": " "}).text
    assert "Tuliskan alasan membuka kembali periode ini." in teks
    assert status(kencong) == "diverifikasi"

    response = client.post(url("realisasi-buka-kembali"), {"komentar": ALASAN}, follow=True)
    assert "Realisasi Tahunan 2025 dibuka kembali" in response.text
    assert status(kencong) == "dikembalikan"

    client.force_login(operator_kencong)
    teks = client.get(url("realisasi")).text
    assert "Dibuka kembali oleh Bappeda" in teks and ALASAN in teks
    assert 'id="tombol-simpan"' in teks and 'id="tautan-isi-anggaran"' in teks
    teks = client.get(reverse("laporan:beranda", args=["kencong"]) + f"?tahun={TAHUN}").text
    assert "Dibuka kembali oleh Bappeda:" in teks and ALASAN in teks


def test_lkip_ditetapkan_halaman_menjelaskan_tanpa_tombol(client, bappeda, kencong, diverifikasi):
    lkip_ditetapkan(kencong)
    client.force_login(bappeda)
    teks = client.get(url("realisasi")).text
    assert 'id="tombol-buka-kembali"' not in teks
    assert "tidak dapat dibuka kembali" in teks
    response = client.post(url("realisasi-buka-kembali"), {"komentar": ALASAN}, follow=True)
    assert "LKIP 2025 sudah ditetapkan camat" in response.text
    assert status(kencong) == "diverifikasi"


def test_kecamatan_tidak_dapat_membuka_kembali(client, operator_kencong, kencong, diverifikasi):
    client.force_login(operator_kencong)
    teks = client.get(url("realisasi")).text
    assert 'id="tombol-buka-kembali"' not in teks
    response = client.post(url("realisasi-buka-kembali"), {"komentar": ALASAN})
    assert response.status_code == 403
    assert status(kencong) == "diverifikasi"


def test_antrean_tidak_bertambah_kueri_per_periode(
    client, bappeda, kencong, patrang, diajukan, django_assert_max_num_queries
):
    client.force_login(bappeda)
    antrean = reverse("perjanjian:verifikasi")
    with django_assert_max_num_queries(30) as awal:
        client.get(antrean)
    for kecamatan, periode in ((patrang, "tw1"), (kencong, "tw2")):
        PelaporanRealisasi.objects.create(
            kecamatan=kecamatan, tahun=TAHUN, periode=periode, status="diajukan"
        )
    with django_assert_max_num_queries(len(awal)):
        teks = client.get(antrean).text
    assert "Realisasi diajukan (3)" in teks
    assert "Anggaran: 0 dari 14 sub kegiatan terisi" in teks  # Kencong TW II
