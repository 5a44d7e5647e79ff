"""Program / kegiatan / sub kegiatan budget in Excel, DPA layout: amounts on the sub
kegiatan rows, sums on the program and kegiatan rows; the pagu a ditetapkan PK promises
cannot be changed by an import either."""

from decimal import Decimal

import pytest
from django.urls import reverse

from perjanjian.models import PerjanjianKinerja, RealisasiAnggaran, SubKegiatan
from tests.bantu_excel import baris, berkas, kolom, konfirmasi, teks, unduh, unggah

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def berkas_sementara(media):
    """Uploaded files wait for the confirm in a temporary MEDIA_ROOT."""
    return media


def url(nama, kecamatan="kencong"):
    return reverse(f"perjanjian:anggaran-{nama}", args=[kecamatan, 2025])


def sub(kencong, kode):
    return SubKegiatan.objects.get(
        kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=2025, kode=kode
    )


def test_unduh_tata_letak_dpa_dengan_format_rupiah(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    kode = kolom(ws, "Kode")
    s = baris(ws, kode, "1.1.1")
    assert ws.cell(row=s, column=kolom(ws, "Tingkat")).value == "Sub kegiatan"
    pergeseran = ws.cell(row=s, column=kolom(ws, "Pagu setelah pergeseran"))
    assert pergeseran.value == 2255289160.4 and pergeseran.number_format == "#,##0.00"
    tahunan = ws.cell(row=s, column=kolom(ws, "Realisasi Tahunan"))
    assert tahunan.value == 1547798092 and tahunan.number_format == "#,##0.00"
    program = baris(ws, kode, "1")
    assert ws.cell(row=program, column=kolom(ws, "Tingkat")).value == "Program"
    assert ws.cell(row=program, column=kolom(ws, "Pagu sebelum perubahan")).value == 3160652155
    # Sums of the sub kegiatan, as the budget page shows them.
    assert ws.cell(row=program, column=kolom(ws, "Realisasi Tahunan")).value == 2070116001
    assert ws.cell(row=baris(ws, kode, "1.1"), column=kolom(ws, "Realisasi Tahunan")).value == (
        1547798092 + 92600000
    )


def test_templat_dan_tombol(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    s = baris(ws, kolom(ws, "Kode"), "1.1.2")
    assert ws.cell(row=s, column=5).value.startswith("Pelaksanaan Penatausahaan")
    assert ws.cell(row=s, column=kolom(ws, "Pagu sebelum perubahan")).value is None
    halaman = teks(client.get(reverse("perjanjian:anggaran", args=["kencong", 2025])))
    assert "Unduh Excel" in halaman and "Unduh templat" in halaman and "Impor Excel" in halaman


def test_bolak_balik_tidak_mengubah_apa_pun(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    jumlah = SubKegiatan.riwayat.count() + RealisasiAnggaran.riwayat.count()
    assert "Tidak ada perubahan" in unggah(client, url("impor"), ws)
    assert SubKegiatan.riwayat.count() + RealisasiAnggaran.riwayat.count() == jumlah


def test_realisasi_triwulan_diimpor_dengan_riwayat(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    s = baris(ws, kolom(ws, "Kode"), "1.1.2")
    ws.cell(row=s, column=kolom(ws, "Realisasi TW I")).value = "Rp 23.150.000,50"
    ws.cell(row=s, column=kolom(ws, "Realisasi TW II")).value = 24000000
    ws.cell(row=s, column=kolom(ws, "Pagu setelah pergeseran")).value = "92.700.000"
    halaman = unggah(client, url("impor"), ws)
    assert "Realisasi TW I: kosong → 23.150.000,5" in halaman
    assert "Pagu setelah pergeseran: 92.600.000 → 92.700.000" in halaman
    assert "(titik dibaca sebagai pemisah ribuan)" in halaman
    r = konfirmasi(client, url("impor"))
    assert "disimpan: 3 nilai berubah" in teks(r)
    s = sub(kencong, "1.1.2")
    assert s.pagu_pergeseran == Decimal("92700000")
    tw1 = s.realisasi.get(periode="tw1")
    assert tw1.jumlah == Decimal("23150000.50")
    assert RealisasiAnggaran.riwayat.get(id=tw1.id).history_user == operator_kencong


def test_pagu_yang_dijanjikan_pk_ditetapkan_ditolak(client, operator_kencong, kencong):
    assert PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal").ditetapkan
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    s = baris(ws, kolom(ws, "Kode"), "1.1.2")
    ws.cell(row=s, column=kolom(ws, "Pagu sebelum perubahan")).value = 95000000
    ws.cell(row=s, column=kolom(ws, "Realisasi TW I")).value = 1000
    halaman = unggah(client, url("impor"), ws)
    assert "Pagu sebelum perubahan: Dijanjikan dalam Perjanjian Kinerja 2025 yang sudah" in (
        halaman
    )
    assert "Nilai tidak dapat diubah." in halaman
    assert "Simpan perubahan (" not in halaman
    konfirmasi(client, url("impor"))
    assert not sub(kencong, "1.1.2").realisasi.filter(periode="tw1").exists()


def test_baris_salah(client, operator_kencong):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    kode = kolom(ws, "Kode")
    s = baris(ws, kode, "1.1.2")
    ws.cell(row=s, column=kolom(ws, "Realisasi TW I")).value = "lima juta"
    ws.cell(row=s, column=kolom(ws, "Realisasi TW II")).value = -5
    ws.cell(row=baris(ws, kode, "1.2.1"), column=kode).value = "9.9.9"
    baru = ws.max_row + 1
    for c in range(1, ws.max_column + 1):
        ws.cell(row=baru, column=c).value = ws.cell(row=s, column=c).value
    program = baris(ws, kode, "1")
    ws.cell(row=program, column=kolom(ws, "Pagu setelah pergeseran")).value = 1
    halaman = unggah(client, url("impor"), ws)
    assert (
        "berisi teks 'lima juta', bukan angka. Contoh yang dapat dibaca: Rp 1.250.000.000"
        in halaman
    )
    assert "Realisasi TW II (sel J" in halaman and "tidak boleh negatif" in halaman
    assert "Kode sub kegiatan '9.9.9' tidak ada dalam anggaran 2025 Kencong" in halaman
    assert f"Baris ganda: 1.1.2 sudah ada pada baris {s}" in halaman
    assert "jumlah program dihitung dari sub kegiatannya" in halaman
    assert "Simpan perubahan (" not in halaman


def test_operator_patrang_tidak_dapat_mengimpor_ke_kencong(
    client, operator_kencong, operator_patrang
):
    client.force_login(operator_kencong)
    ws = unduh(client, url("excel"))
    client.force_login(operator_patrang)
    assert client.post(url("impor"), {"berkas": berkas(ws)}).status_code == 404
    assert client.get(url("excel")).status_code == 404
    halaman = unggah(client, url("impor", "patrang"), ws)
    assert "untuk kecamatan berkode 35.09.02, bukan Patrang" in halaman


def test_unduhan_tidak_bertambah_query_per_baris(django_assert_max_num_queries, kencong):
    from perjanjian import excel

    with django_assert_max_num_queries(6):
        excel.render_anggaran(kecamatan=kencong, tahun=2025)


def test_semua_atau_tidak_sama_sekali(client, operator_kencong, kencong):
    """A PK Perubahan ditetapkan between preview and confirm: its pagu is refused and the
    realisasi of the row before it is not saved either."""
    from io import BytesIO

    from perjanjian import excel
    from sakip.penguncian import DataTerkunci, kunci_dilepas

    pk = PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025, jenis="perubahan")
    with kunci_dilepas():
        pk.update(status=PerjanjianKinerja.Status.DRAFT)
    client.force_login(operator_kencong)
    ws = unduh(client, url("templat"))
    ws.cell(row=baris(ws, kolom(ws, "Kode"), "1.1.1"), column=kolom(ws, "Realisasi TW I")).value = 5
    ws.cell(
        row=baris(ws, kolom(ws, "Kode"), "1.1.2"), column=kolom(ws, "Pagu sesudah perubahan")
    ).value = 99000000
    isi = BytesIO()
    ws.parent.save(isi)
    halaman = unggah(client, url("impor"), ws)
    assert "Pagu sesudah perubahan: 92.600.000 → 99.000.000" in halaman

    p = excel.pratinjau_anggaran(kecamatan=kencong, tahun=2025, data=isi.getvalue(), kunci={})
    pk.update(status=PerjanjianKinerja.Status.DITETAPKAN)
    with pytest.raises(DataTerkunci):
        excel.terapkan_anggaran(kecamatan=kencong, tahun=2025, pratinjau=p, oleh=operator_kencong)
    assert not sub(kencong, "1.1.1").realisasi.filter(periode="tw1").exists()

    r = konfirmasi(client, url("impor"))
    assert "Tidak ada yang disimpan." in teks(r)
    assert "Pagu sesudah perubahan: Dijanjikan dalam Perjanjian Kinerja Perubahan 2025" in teks(r)
    assert not sub(kencong, "1.1.1").realisasi.filter(periode="tw1").exists()
    assert sub(kencong, "1.1.2").pagu_perubahan == Decimal("92600000")
