"""LHE recommendations have identity: the Inspektorat edits them as rows by their id, so each
tindak lanjut of Kencong's LHE 2025 (eleven answered recommendations, the rows of Tabel 1.3 of
the LKIP) stays with its recommendation whatever is inserted, reordered or edited, and an
answered recommendation is deleted only on a confirmation that names what is lost."""

import pytest

from laporan.evaluasi import (
    BarisRekomendasi,
    DataLHE,
    RekomendasiTerjawab,
    lhe_simpan,
    tabel_tindak_lanjut,
)
from laporan.models import EvaluasiAKIP, LaporanKinerja, RekomendasiLHE, SkorAKIP
from laporan.urutan import Letak, susun
from sakip.penguncian import TransisiDitolak
from tests.test_evaluasi_akip import TAHUN, data_lhe, data_rekomendasi, url


def tersimpan(kencong) -> list[tuple[int, str, str]]:
    """(urutan, rekomendasi, tindak lanjut) of Kencong's LHE 2025, in order."""
    return list(
        RekomendasiLHE.objects.filter(evaluasi__kecamatan=kencong, evaluasi__tahun=TAHUN)
        .order_by("urutan")
        .values_list("urutan", "rekomendasi", "tindak_lanjut")
    )


def pasangan(kencong) -> dict[str, str]:
    """Each recommendation with its answer: what must never be shuffled."""
    return {rek: tl for _, rek, tl in tersimpan(kencong)}


def baris_halaman(kencong) -> list[tuple]:
    return list(
        RekomendasiLHE.objects.filter(evaluasi__kecamatan=kencong, evaluasi__tahun=TAHUN)
        .order_by("urutan")
        .values_list("id", "urutan", "rekomendasi")
    )


def kirim(client, baris):
    """Post the LHE form with these recommendation rows (the scores as in test_evaluasi)."""
    data = data_lhe()
    data = {k: v for k, v in data.items() if not k.startswith("rek-")}
    data.update(data_rekomendasi(baris))
    return client.post(url(), data)


@pytest.fixture
def masuk(client, inspektorat):
    client.force_login(inspektorat)
    return client


def test_sisip_di_atas_tidak_menggeser_tindak_lanjut(masuk, kencong):
    """The story of the issue: one recommendation inserted at the top moved all eleven answers
    to the wrong recommendation. Now each answer stays with its own."""
    sebelum = pasangan(kencong)
    assert len(sebelum) == 11 and all(sebelum.values())
    baris = [(None, 1, "Menyusun peta risiko kinerja kecamatan."), *baris_halaman(kencong)]
    response = kirim(masuk, baris)
    assert response.status_code == 302
    sesudah = tersimpan(kencong)
    assert [n for n, _, _ in sesudah] == list(range(1, 13))
    assert sesudah[0] == (1, "Menyusun peta risiko kinerja kecamatan.", "")
    assert {rek: tl for _, rek, tl in sesudah[1:]} == sebelum
    # What the kecamatan and the LKIP read: No. 1 unanswered, the old first one now No. 2 with
    # its own answer, in the page's table and in Tabel 1.3.
    teks = masuk.get(url()).text
    tabel = teks[teks.index('id="tabel-rekomendasi"') :]
    assert tabel.index("Menyusun peta risiko kinerja") < tabel.index("Menyusun matriks perencanaan")
    lap = LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN)
    tabel_13 = tabel_tindak_lanjut(lap)
    assert [(b.urutan, b.tindak_lanjut) for b in tabel_13.baris[:2]] == [
        (1, ""),
        (2, sebelum[sesudah[1][1]]),
    ]


def test_pindah_ke_atas_dan_ke_bawah(masuk, kencong):
    sebelum = pasangan(kencong)
    baris = baris_halaman(kencong)
    teks = [t for _, _, t in baris]
    # Row 11 asks for number 1 (goes before the row that stays 1); row 2 asks for 5 (goes
    # after the row that stays 5).
    ubah = [(i, 1 if n == 11 else 5 if n == 2 else n, t) for i, n, t in baris]
    assert kirim(masuk, ubah).status_code == 302
    harapan = [teks[10], teks[0], teks[2], teks[3], teks[4], teks[1], *teks[5:10]]
    assert [rek for _, rek, _ in tersimpan(kencong)] == harapan
    assert pasangan(kencong) == sebelum


def test_ubah_teks_tindak_lanjut_tetap(masuk, kencong):
    sebelum = tersimpan(kencong)
    baris = baris_halaman(kencong)
    i, n, _ = baris[2]
    baris[2] = (i, n, "Menyusun pedoman teknis pengukuran kinerja (diperbaiki).")
    assert kirim(masuk, baris).status_code == 302
    sesudah = tersimpan(kencong)
    assert sesudah[2] == (
        3,
        "Menyusun pedoman teknis pengukuran kinerja (diperbaiki).",
        sebelum[2][2],
    )
    assert sesudah[:2] == sebelum[:2] and sesudah[3:] == sebelum[3:]


def test_hapus_rekomendasi_terjawab_ditolak_lalu_dikonfirmasi(masuk, kencong):
    sebelum = tersimpan(kencong)
    baris = baris_halaman(kencong)
    i, n, t = baris[0]
    baris[0] = (i, n, t, ["DELETE"])
    response = kirim(masuk, baris)
    assert response.status_code == 200
    pesan = response.context["galat"]
    assert "sudah dijawab kecamatan: nomor 1 “Menyusun matriks perencanaan" in pesan
    assert "tindak lanjut: “Penyusunan matriks perencanaan kinerja antar bidang" in pesan
    assert "tidak ada yang disimpan" in pesan
    assert "hapus beserta tindak lanjutnya" in response.text
    assert tersimpan(kencong) == sebelum
    assert not SkorAKIP.objects.exists()  # the scores posted with it were not saved either

    baris[0] = (i, n, t, ["DELETE", "hapus_tindak_lanjut"])
    assert kirim(masuk, baris).status_code == 302
    sesudah = tersimpan(kencong)
    assert [r[1:] for r in sesudah] == [r[1:] for r in sebelum[1:]]
    assert [n for n, _, _ in sesudah] == list(range(1, 11))


def test_hapus_rekomendasi_belum_dijawab_langsung(masuk, kencong):
    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)
    baru = RekomendasiLHE.objects.create(evaluasi=lhe, urutan=12, rekomendasi="Belum dijawab.")
    sebelum = tersimpan(kencong)[:11]
    baris = baris_halaman(kencong)
    baris[11] = (*baris[11], ["DELETE"])
    assert kirim(masuk, baris).status_code == 302
    assert not RekomendasiLHE.objects.filter(pk=baru.pk).exists()
    assert tersimpan(kencong) == sebelum


def test_layanan_menolak_tanpa_konfirmasi_dan_baris_asing(masuk, inspektorat, kencong, patrang):
    """The service, not only the page, refuses: a row of another LHE, an answered row."""
    assert kirim(masuk, baris_halaman(kencong)).status_code == 302  # scores recorded
    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)
    pertama = lhe.rekomendasi.get(urutan=1)
    skor = {(s.komponen, s.sub_komponen): s.skor for s in lhe.skor.all()}

    def simpan(*baris):
        data = DataLHE(lhe.judul, lhe.nomor_surat, lhe.tanggal, lhe.catatan, skor, baris)
        lhe_simpan(kecamatan=kencong, tahun=TAHUN, data=data, oleh=inspektorat)

    with pytest.raises(RekomendasiTerjawab, match="nomor 1"):
        simpan(BarisRekomendasi(pertama.id, 1, pertama.rekomendasi, hapus=True))
    lain = EvaluasiAKIP.objects.create(kecamatan=patrang, tahun=TAHUN, judul="LHE Patrang")
    asing = RekomendasiLHE.objects.create(evaluasi=lain, urutan=1, rekomendasi="Milik Patrang")
    with pytest.raises(TransisiDitolak, match="bukan milik LHE ini"):
        simpan(BarisRekomendasi(asing.id, 1, "Diambil alih"))
    assert RekomendasiLHE.objects.get(pk=asing.pk).rekomendasi == "Milik Patrang"
    assert lhe.rekomendasi.count() == 11
    # A row the form did not send (added meanwhile by someone else) is kept.
    simpan(BarisRekomendasi(None, 1, "Disisipkan."))
    assert lhe.rekomendasi.count() == 12
    assert lhe.rekomendasi.get(urutan=1).rekomendasi == "Disisipkan."
    assert lhe.rekomendasi.get(urutan=2).pk == pertama.pk


def test_teks_dikosongkan_tidak_menghapus(masuk, kencong):
    sebelum = tersimpan(kencong)
    baris = baris_halaman(kencong)
    i, n, _ = baris[4]
    baris[4] = (i, n, "")
    response = kirim(masuk, baris)
    assert response.status_code == 200
    assert "Rekomendasi tidak boleh kosong; centang “hapus” untuk menghapus baris ini." in (
        response.text
    )
    assert tersimpan(kencong) == sebelum


def test_terkunci_setelah_lkip_ditetapkan(masuk, kencong):
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="ditetapkan")
    sebelum = tersimpan(kencong)
    baris = [(None, 1, "Terlambat."), *baris_halaman(kencong)]
    response = kirim(masuk, baris)
    assert response.status_code == 200
    # The whole LHE is fixed with the approved LKIP that prints it (EvaluasiAKIP's lock).
    assert response.context["galat"].startswith("LKIP 2025 sudah ditetapkan; LHE 2025")
    assert tersimpan(kencong) == sebelum


@pytest.mark.parametrize(
    ("letak", "harapan"),
    [
        # new row asks for 1: before the row that stays 1
        ([Letak(1, 1, 0), Letak(2, 2, 1), Letak(None, 1, 2)], [None, 1, 2]),
        # a new row without a number: at the end
        ([Letak(None, None, 0), Letak(1, 1, 1), Letak(2, 2, 2)], [1, 2, None]),
        # 1 moves down to 2: after the row that stays 2
        ([Letak(1, 2, 0), Letak(2, 2, 1), Letak(3, 3, 2)], [2, 1, 3]),
        # 3 moves up to 1: before the row that stays 1
        ([Letak(1, 1, 0), Letak(2, 2, 1), Letak(3, 1, 2)], [3, 1, 2]),
        # a number left empty keeps the row where it stands
        ([Letak(1, None, 0), Letak(2, 2, 1), Letak(None, 2, 2)], [1, None, 2]),
    ],
)
def test_susun(letak, harapan):
    assert [x.id for x in susun(letak, {1: 1, 2: 2, 3: 3})] == harapan
