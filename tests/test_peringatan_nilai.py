"""Implausible values are accepted but flagged where typed and on the beranda: a capaian above
the configurable bound (settings.SAKIP_BATAS_CAPAIAN_WAJAR, 150 %), a count with a fractional
part ("1.234,5" documents), a budget realisation above its pagu in any period.

The stories of the issue: "1.234,5" documents against a target of 4 gave 30.862,50 % with no
warning; a budget realisation of 200.000.000 against a pagu of 92.600.000 was saved and the
beranda still said "Tidak ada peringatan"."""

from decimal import Decimal

import pytest
from django.urls import reverse

from perjanjian.models import RealisasiAnggaran
from sakip import kinerja
from tests.bantu_excel import baris as baris_excel
from tests.bantu_excel import kolom, unduh, unggah
from tests.test_halaman_anggaran import simpan as simpan_anggaran
from tests.test_halaman_anggaran import sub
from tests.test_halaman_realisasi import baris, hitung, simpan


def beranda(client, tahun=2025) -> str:
    return client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": tahun}).text


# --- the rules, pure --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("satuan", "cacah"),
    [
        ("Dokumen", True),
        ("Dok", True),
        ("Dok.", True),
        ("dokumen/tahun", True),
        ("Orang", True),
        ("%", False),
        ("Indeks", False),
        ("Nilai", False),
        ("Rp", False),
        ("", False),
    ],
)
def test_satuan_cacah(satuan, cacah):
    assert kinerja.satuan_cacah(satuan) is cacah


def test_aturan_murni():
    assert kinerja.cacah_berpecahan(Decimal("1234.5"), "Dokumen")
    assert not kinerja.cacah_berpecahan(Decimal("4.00"), "Dokumen")
    assert not kinerja.cacah_berpecahan(Decimal("97.5"), "%")
    assert kinerja.capaian_di_atas(Decimal("30862.5"), 150)
    assert not kinerja.capaian_di_atas(Decimal("150.004"), 150)  # shown as 150,00 %
    assert kinerja.capaian_di_atas(Decimal("150.005"), 150)
    assert not kinerja.capaian_di_atas(None, 150)
    assert kinerja.melebihi_pagu(Decimal("92600000"), Decimal("200000000"))
    assert not kinerja.melebihi_pagu(Decimal("92600000"), Decimal("92600000"))
    assert not kinerja.melebihi_pagu(None, Decimal("1"))


# --- where typed and on the beranda -------------------------------------------------------------


def test_dokumen_berpecahan_dan_capaian_tak_wajar(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    assert "Tidak ada peringatan." in beranda(client)
    prefix, _ = baris(kencong, "awal", "dokumen-penataan-organisasi")
    # While typing: the capaian cell says both, and that the value can still be saved.
    teks = hitung(client, prefix, "1.234,5", periode="tahunan").text
    assert "30.862,50%" in teks
    assert "1.234,5 bukan bilangan bulat, padahal satuannya “Dokumen” menghitung jumlah" in teks
    assert "Capaian 30.862,50% melebihi batas wajar 150,00%; periksa nilai dan satuannya." in teks
    assert "Tetap dapat disimpan." in teks
    # Saved: accepted, and the page and the beranda keep saying it.
    response = simpan(client, {f"{prefix}-nilai": "1.234,5"}, periode="tahunan")
    assert response.status_code == 302
    halaman = client.get(response.url).text
    assert 'data-peringatan="cacah_berpecahan"' in halaman
    assert 'data-peringatan="capaian_tidak_wajar"' in halaman
    teks = beranda(client)
    assert "Tidak ada peringatan." not in teks
    assert (
        "Realisasi Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah "
        "(Tahunan) 1.234,5: 1.234,5 bukan bilangan bulat" in teks
    )
    assert "Capaian 30.862,50% melebihi batas wajar 150,00%" in teks


def test_batas_capaian_dapat_diatur(client, operator_kencong, kencong, settings):
    settings.SAKIP_BATAS_CAPAIAN_WAJAR = Decimal("200")
    client.force_login(operator_kencong)
    prefix, _ = baris(kencong, "awal", "dokumen-penataan-organisasi")
    teks = hitung(client, prefix, "7", periode="tahunan").text  # 175 %: below 200
    assert "175,00%" in teks and "melebihi batas wajar" not in teks
    teks = hitung(client, prefix, "9", periode="tahunan").text
    assert "Capaian 225,00% melebihi batas wajar 200,00%" in teks
    assert "bukan bilangan bulat" not in teks


def test_nilai_wajar_tanpa_peringatan(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    prefix, _ = baris(kencong, "awal", "ikm")
    teks = hitung(client, prefix, "92,33", periode="tahunan").text
    assert "99,82%" in teks and "peringatan-sel" not in teks


def test_realisasi_triwulan_melebihi_pagu_meski_tahunan_tidak(client, operator_kencong):
    """Sub kegiatan 1.1.2 of Kencong 2025: pagu 92.600.000, realisasi tahunan 92.600.000. A
    TW I of 200.000.000 is above the pagu even though the annual figure is not."""
    client.force_login(operator_kencong)
    assert sub("1.1.2").realisasi.get(periode="tahunan").jumlah == Decimal("92600000")
    teks = simpan_anggaran(client, **{"1_1_2__tw1": "200.000.000"}).text
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub("1.1.2"), periode="tw1").jumlah == (
        Decimal("200000000")
    )
    pesan = (
        "Sub kegiatan 1.1.2 Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD: "
        "realisasi Triwulan I Rp 200.000.000,00 melebihi pagu Rp 92.600.000,00."
    )
    assert "Realisasi melebihi pagu" in teks and pesan in teks
    teks = beranda(client)
    assert "Tidak ada peringatan." not in teks and pesan in teks


def test_jumlah_triwulan_melebihi_pagu(client, operator_kencong):
    client.force_login(operator_kencong)
    teks = simpan_anggaran(client, **{"1_1_2__tw1": "50.000.000", "1_1_2__tw2": "50.000.000"}).text
    assert (
        "realisasi jumlah realisasi Triwulan I–IV" not in teks
        and "jumlah realisasi Triwulan I–IV Rp 100.000.000,00 melebihi pagu Rp 92.600.000,00"
        in teks
    )


def test_impor_excel_menampilkan_peringatan(client, operator_kencong):
    """An Excel import is another place where values are typed: its preview says the same."""
    client.force_login(operator_kencong)
    url = reverse("perjanjian:realisasi-impor", args=["kencong", 2025])
    ws = unduh(client, reverse("perjanjian:realisasi-templat", args=["kencong", 2025]))
    kode = kolom(ws, "Kode indikator")
    dokumen = baris_excel(ws, kode, "dokumen-penataan-organisasi")
    ws.cell(row=dokumen, column=kolom(ws, "Tahunan")).value = "1.234,5"
    halaman = unggah(client, url, ws)
    assert "⚠ Tahunan: 1.234,5 bukan bilangan bulat" in halaman
    assert "⚠ Tahunan: Capaian 30.862,50% melebihi batas wajar 150,00%" in halaman
