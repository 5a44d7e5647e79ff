"""The realisasi page: operator Kencong enters Triwulan IV 2025, sees the capaian while typing,
submits; Bappeda returns it with a comment, then verifies it; verified values are locked."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iku.models import Indikator, Renstra, Ukuran
from perjanjian.models import PelaporanRealisasi, PerjanjianKinerja, Realisasi, TargetPerjanjian
from perjanjian.services import realisasi_verifikasi
from sakip.penguncian import DataTerkunci, TransisiDitolak, kunci_dilepas

KONFIRMASI = {"konfirmasi": "1"}  # what the confirmation page sends with the step

TAHUN = 2025


def url(nama, periode="tw4", slug="kencong", tahun=TAHUN):
    return reverse(f"perjanjian:{nama}", args=[slug, tahun, periode])


def pk(kencong, jenis):
    return PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=TAHUN, jenis=jenis)


def baris(kencong, jenis, kode):
    """The form prefix of the row of measure ``kode`` in the PK of ``jenis``."""
    t = TargetPerjanjian.objects.get(perjanjian=pk(kencong, jenis), indikator__ukuran__kode=kode)
    return f"b{t.perjanjian_id}_{t.indikator_id}", t


def isian_halaman(client, periode="tw4") -> dict:
    """What the page's form would post untouched (every row as rendered, the sidik)."""
    response = client.get(url("realisasi", periode))
    assert response.status_code == 200
    form = response.context["form"]
    return {nama: form[nama].value() or "" for nama in form.fields}


def simpan(client, perubahan: dict, periode="tw4"):
    data = isian_halaman(client, periode)
    data.update(perubahan)
    return client.post(url("realisasi", periode), data)


def hitung(client, prefix, teks, periode="tw4", **lain):
    return client.post(
        url("realisasi-hitung", periode), {"baris": prefix, f"{prefix}-nilai": teks, **lain}
    )


def tw4(kencong):
    return Realisasi.objects.filter(kecamatan=kencong, tahun=TAHUN, periode="tw4")


def status_tw4(kencong):
    p = PelaporanRealisasi.objects.filter(kecamatan=kencong, tahun=TAHUN, periode="tw4").first()
    return p.status if p else "draft"


def nilai_input(html: str, id_: str) -> str | None:
    cocok = re.search(rf'<input[^>]*\bid="{re.escape(id_)}"[^>]*>', html)
    assert cocok, f"input #{id_} tidak ada"
    value = re.search(r'\bvalue="([^"]*)"', cocok.group(0))
    return value.group(1) if value else None


# --- while typing --------------------------------------------------------------------------


class TestCapaianSaatMengetik:
    def test_ikm_92_33_menjawab_kedua_baris_pk(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        prefix, awal = baris(kencong, "awal", "ikm")
        _, perubahan = baris(kencong, "perubahan", "ikm")
        response = hitung(client, prefix, "92,33")
        assert response.status_code == 200
        teks = response.text
        # The typed row (PK awal, target 92,5) is the main answer …
        utama = teks.split(f'id="capaian-{perubahan.perjanjian_id}')[0]
        assert "99,82% · Sangat Tinggi" in utama
        assert "#9fd8f5" in utama  # the band's colour from the scale
        # … and the PK Perubahan row (target 93,5) is updated out of band.
        assert f'id="capaian-{perubahan.perjanjian_id}-{perubahan.indikator_id}"' in teks
        assert 'hx-swap-oob="true"' in teks
        assert "98,75% · Sangat Tinggi" in teks
        assert awal.indikator.ukuran.kode == "ikm"

    def test_titik_desimal_dijawab_pesan_koma(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        prefix, _ = baris(kencong, "awal", "ikm")
        teks = hitung(client, prefix, "92.33").text
        assert "Gunakan koma untuk desimal" in teks
        assert "%" not in teks.split("Gunakan")[0].split("role=")[0]

    def test_huruf_dan_persen_diterima(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        sakip, _ = baris(kencong, "awal", "nilai-sakip")
        assert "120,01% · Sangat Tinggi" in hitung(client, sakip, "A (80,41)").text
        fasilitasi, _ = baris(kencong, "awal", "fasilitasi-kesejahteraan")
        assert "100,00% · Sangat Tinggi" in hitung(client, fasilitasi, "97,5%").text

    def test_kosong_dan_rendah(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        prefix, _ = baris(kencong, "awal", "ikm")
        assert "belum diisi" in hitung(client, prefix, "").text
        rendah = hitung(client, prefix, "40").text
        assert "43,24% · Sangat Rendah" in rendah and "#e05252" in rendah

    def test_baris_tak_dikenal_404(self, client, operator_kencong):
        client.force_login(operator_kencong)
        assert hitung(client, "b999_999", "1").status_code == 404

    def test_bappeda_tidak_memakai_isian(self, client, bappeda, kencong):
        client.force_login(bappeda)
        prefix, _ = baris(kencong, "awal", "ikm")
        assert hitung(client, prefix, "92,33").status_code == 403


# --- the page and saving -------------------------------------------------------------------


class TestHalaman:
    def test_triwulan_iv_dengan_kedua_pk(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        response = client.get(url("realisasi"))
        teks = response.text
        assert response.status_code == 200
        assert "Realisasi Triwulan IV 2025" in teks
        assert teks.index("Perjanjian Kinerja 2025") < teks.index(
            "Perjanjian Kinerja Perubahan 2025"
        )
        assert "Sasaran 2.1: Meningkatnya Kepuasan Masyarakat" in teks
        assert "dihitung terhadap target <strong>tahunan</strong>" in teks
        assert 'id="realisasi-ikm"' in teks
        _, perubahan = baris(kencong, "perubahan", "ikm")
        assert f'id="realisasi-ikm-{perubahan.indikator_id}"' in teks
        assert 'hx-trigger="keyup changed delay:300ms' in teks
        assert url("realisasi-hitung") in teks
        for label in ("Triwulan I", "Triwulan II", "Triwulan III", "Tahunan"):
            assert label in teks

    def test_tahunan_menampilkan_nilai_tersimpan(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.get(url("realisasi", "tahunan")).text
        assert nilai_input(teks, "realisasi-ikm") == "92,33"
        assert nilai_input(teks, "realisasi-nilai-sakip") == "A (80,41)"
        assert "99,82% · Sangat Tinggi" in teks and "98,75% · Sangat Tinggi" in teks
        assert "dihitung terhadap target <strong>tahunan</strong>" not in teks

    def test_periode_lain_404(self, client, operator_kencong):
        client.force_login(operator_kencong)
        assert client.get(url("realisasi", "tw5")).status_code == 404
        assert client.post(url("realisasi-hitung", "semester1")).status_code == 404

    def test_tahun_tanpa_pk(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.get(url("realisasi", tahun=2030)).text
        assert "Belum ada Perjanjian Kinerja 2030" in teks


class TestSimpan:
    def test_satu_nilai_tersimpan_tampil_di_kedua_baris(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        prefix, _ = baris(kencong, "awal", "ikm")
        _, perubahan = baris(kencong, "perubahan", "ikm")
        response = simpan(
            client, {f"{prefix}-nilai": "92,33", f"{prefix}-catatan": "Survei IKM Desember"}
        )
        assert response.status_code == 302
        (r,) = tw4(kencong)
        assert (r.ukuran.kode, r.nilai, r.catatan_sumber) == (
            "ikm",
            Decimal("92.33"),
            "Survei IKM Desember",
        )

        teks = client.get(url("realisasi")).text
        assert "Realisasi Triwulan IV 2025 disimpan (1 nilai)." in teks
        assert nilai_input(teks, "realisasi-ikm") == "92,33"
        assert nilai_input(teks, f"realisasi-ikm-{perubahan.indikator_id}") == "92,33"
        assert "99,82% · Sangat Tinggi" in teks and "98,75% · Sangat Tinggi" in teks
        # Eight measures, seven typed: the program indicators give the eighth.
        assert "1 dari 7 indikator terisi" in teks
        # The history of the row opens from the page (read when opened), with who did it.
        assert f'hx-get="{url("realisasi-riwayat")}"' in teks
        riwayat = client.get(url("realisasi-riwayat"), headers={"HX-Request": "true"}).text
        assert "Dibuat: Realisasi Indeks Kepuasan Masyarakat" in riwayat
        assert "operator.kencong" in riwayat

    def test_diubah_di_baris_pk_perubahan(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        simpan(client, {f"{baris(kencong, 'awal', 'ikm')[0]}-nilai": "92,33"})
        prefix, _ = baris(kencong, "perubahan", "ikm")
        simpan(client, {f"{prefix}-nilai": "93,5"})
        (r,) = tw4(kencong)
        assert r.nilai == Decimal("93.5")
        teks = client.get(url("realisasi-riwayat")).text
        assert "Diubah: Realisasi Indeks Kepuasan Masyarakat" in teks
        assert "<del>92,33</del> → <ins>93,5</ins>" in teks

    def test_huruf_disimpan(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        prefix, _ = baris(kencong, "perubahan", "nilai-sakip")
        simpan(client, {f"{prefix}-nilai": "A (80,41)"})
        (r,) = tw4(kencong)
        assert (r.nilai, r.huruf) == (Decimal("80.41"), "A")

    def test_isian_salah_tidak_ada_yang_disimpan(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm, _ = baris(kencong, "awal", "ikm")
        ipp, _ = baris(kencong, "perubahan", "ipp")
        response = simpan(client, {f"{ikm}-nilai": "92,33", f"{ipp}-nilai": "abc"})
        assert response.status_code == 200
        teks = response.text
        assert "Tidak ada yang disimpan: perbaiki isian yang ditandai." in teks
        # The message is under the bad cell, the user's input is kept.
        sel = teks.split('id="realisasi-ipp"')[1].split("</td>")[0]
        assert "Format nilai tidak dikenali: &#x27;abc&#x27;" in sel
        assert nilai_input(teks, "realisasi-ipp") == "abc"
        assert nilai_input(teks, "realisasi-ikm") == "92,33"
        assert not tw4(kencong).exists()

    def test_titik_desimal_ditolak_saat_simpan(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm, _ = baris(kencong, "awal", "ikm")
        teks = simpan(client, {f"{ikm}-nilai": "92.33"}).text
        assert "Gunakan koma untuk desimal" in teks
        assert not tw4(kencong).exists()

    def test_dua_baris_satu_ukuran_diisi_berbeda(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        awal, _ = baris(kencong, "awal", "ikm")
        perubahan, _ = baris(kencong, "perubahan", "ikm")
        response = simpan(client, {f"{awal}-nilai": "92,33", f"{perubahan}-nilai": "90"})
        assert "satu nilai yang sama, tetapi diisi berbeda" in response.text
        assert not tw4(kencong).exists()

    def test_catatan_tanpa_nilai(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm, _ = baris(kencong, "awal", "ikm")
        response = simpan(client, {f"{ikm}-catatan": "Survei"})
        assert "Catatan sumber disimpan bersama nilai realisasinya." in response.text
        assert not tw4(kencong).exists()

    def test_dikosongkan_berarti_dihapus(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm, _ = baris(kencong, "awal", "ikm")
        simpan(client, {f"{ikm}-nilai": "92,33"})
        perubahan, _ = baris(kencong, "perubahan", "ikm")
        simpan(client, {f"{ikm}-nilai": "", f"{perubahan}-nilai": ""})
        assert not tw4(kencong).exists()
        riwayat = client.get(url("realisasi-riwayat")).text
        assert "Dihapus: Realisasi Indeks Kepuasan Masyarakat" in riwayat

    def test_simpan_data_basi_ditolak(self, client, operator_kencong, camat_kencong, kencong):
        client.force_login(operator_kencong)
        data = isian_halaman(client)
        # Meanwhile the camat saves IPP.
        ipp, _ = baris(kencong, "perubahan", "ipp")
        client.force_login(camat_kencong)
        simpan(client, {f"{ipp}-nilai": "4,1"})
        client.force_login(operator_kencong)
        ikm, _ = baris(kencong, "awal", "ikm")
        response = client.post(url("realisasi"), {**data, f"{ikm}-nilai": "92,33"})
        assert "telah diubah oleh pengguna lain" in response.text
        assert [r.ukuran.kode for r in tw4(kencong)] == ["ipp"]

    def test_tanpa_perubahan(self, client, operator_kencong):
        client.force_login(operator_kencong)
        response = simpan(client, {})
        assert response.status_code == 302
        assert "Tidak ada perubahan untuk disimpan." in client.get(url("realisasi")).text


class TestIndikatorTanpaTarget:
    @pytest.fixture
    def pengaduan(self, kencong):
        renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
        ukuran = Ukuran.objects.create(
            kabupaten=kencong.kabupaten,
            kecamatan=kencong,
            kode="jumlah-pengaduan",
            nama="Jumlah Pengaduan Masyarakat",
        )
        Indikator.objects.create(
            tujuan=renstra.tujuan.first(),
            ukuran=ukuran,
            nama="Jumlah Pengaduan Masyarakat",
            satuan="Laporan",
            jenis="lainnya",
        )
        return ukuran

    def test_disimpan_dengan_peringatan(self, client, operator_kencong, kencong, pengaduan):
        client.force_login(operator_kencong)
        halaman = client.get(url("realisasi")).text
        assert "Indikator lain" in halaman and "Jumlah Pengaduan Masyarakat" in halaman
        teks = hitung(client, "lain", "12", **{"lain-ukuran": pengaduan.id}).text
        assert "tidak punya target" in teks

        response = simpan(
            client,
            {
                "lain-ukuran": str(pengaduan.id),
                "lain-nilai": "12",
                "lain-catatan": "Buku pengaduan",
            },
        )
        assert response.status_code == 302
        (r,) = tw4(kencong)
        assert (r.ukuran, r.nilai, r.catatan_sumber) == (pengaduan, Decimal(12), "Buku pengaduan")
        teks = client.get(url("realisasi")).text
        assert (
            "Realisasi Jumlah Pengaduan Masyarakat disimpan, tetapi indikator ini tidak punya "
            "target dalam Perjanjian Kinerja 2025"
        ) in teks
        assert "Indikator tanpa target 2025" in teks
        assert nilai_input(teks, "realisasi-jumlah-pengaduan") == "12"
        beranda = client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": 2025}).text
        assert "Realisasi Jumlah Pengaduan Masyarakat (Triwulan IV) diisi" in beranda
        assert "tidak punya target dalam Perjanjian Kinerja 2025" in beranda

    def test_nilai_tanpa_indikator_dipilih(self, client, operator_kencong, kencong, pengaduan):
        client.force_login(operator_kencong)
        response = simpan(client, {"lain-nilai": "12"})
        assert "Pilih indikator yang realisasinya diisi." in response.text
        assert not tw4(kencong).exists()

    def test_indikator_bukan_milik_kecamatan(self, client, operator_kencong, kencong, pengaduan):
        client.force_login(operator_kencong)
        asing = Ukuran.objects.create(kabupaten=kencong.kabupaten, kode="asing", nama="Asing")
        response = simpan(client, {"lain-ukuran": str(asing.id), "lain-nilai": "1"})
        assert "Pilih indikator Renstra kecamatan ini" in response.text
        assert not tw4(kencong).exists()
        assert hitung(client, "lain", "1", **{"lain-ukuran": asing.id}).status_code == 404


# --- workflow ------------------------------------------------------------------------------


def isi_ikm(client, kencong, nilai="92,33"):
    ikm, _ = baris(kencong, "awal", "ikm")
    assert simpan(client, {f"{ikm}-nilai": nilai}).status_code == 302


class TestAlur:
    def test_cerita_lengkap(self, client, operator_kencong, bappeda, kencong):
        client.force_login(operator_kencong)
        isi_ikm(client, kencong)
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        assert status_tw4(kencong) == "diajukan"
        teks = client.get(url("realisasi")).text
        assert "Realisasi Triwulan IV 2025 diajukan; menunggu verifikasi Bappeda." in teks
        assert "Isian ditutup" in teks
        assert 'name="b' not in teks and "Simpan realisasi" not in teks

        # The kecamatan cannot edit while diajukan (page and service).
        ikm, _ = baris(kencong, "awal", "ikm")
        data = {f"{ikm}-nilai": "50", "sidik": ""}
        teks = client.post(url("realisasi"), data).text
        assert "sedang diajukan ke Bappeda" in teks
        assert tw4(kencong).get().nilai == Decimal("92.33")

        # Bappeda returns it with a comment the kecamatan sees.
        client.force_login(bappeda)
        halaman = client.get(url("realisasi")).text
        assert "Verifikasi" in halaman and "Kembalikan ke kecamatan" in halaman
        response = client.post(url("realisasi-kembalikan"), {"komentar": "", **KONFIRMASI})
        assert "Tuliskan alasan pengembalian." in response.text
        assert status_tw4(kencong) == "diajukan"
        client.post(
            url("realisasi-kembalikan"), {"komentar": "Lampirkan sumber data IKM.", **KONFIRMASI}
        )
        assert status_tw4(kencong) == "dikembalikan"

        client.force_login(operator_kencong)
        teks = client.get(url("realisasi")).text
        assert "Dikembalikan oleh Bappeda:" in teks and "Lampirkan sumber data IKM." in teks
        beranda = client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": 2025}).text
        assert "Lampirkan sumber data IKM." in beranda
        # Editable again, and re-submitted.
        simpan(client, {f"{ikm}-catatan": "Laporan SKM Desember 2025"})
        assert tw4(kencong).get().catatan_sumber == "Laporan SKM Desember 2025"
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        assert status_tw4(kencong) == "diajukan"

        client.force_login(bappeda)
        client.post(url("realisasi-verifikasi"), {"komentar": "Sesuai.", **KONFIRMASI})
        assert status_tw4(kencong) == "diverifikasi"

        # Nobody can change it afterwards: page, service and model.
        client.force_login(operator_kencong)
        teks = client.get(url("realisasi")).text
        assert "Diverifikasi" in teks and "terkunci" in teks and "Simpan realisasi" not in teks
        # the workflow's history, opened from the page
        assert "Status Realisasi Triwulan IV 2025" in client.get(url("realisasi-riwayat")).text
        teks = client.post(url("realisasi"), data).text
        assert "sudah diverifikasi Bappeda dan tidak dapat diubah" in teks
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        assert status_tw4(kencong) == "diverifikasi"
        r = tw4(kencong).get()
        r.nilai = Decimal(1)
        with pytest.raises(DataTerkunci):
            r.save()
        with pytest.raises(DataTerkunci):
            r.delete()
        assert tw4(kencong).get().nilai == Decimal("92.33")

    def test_camat_boleh_mengajukan(self, client, camat_kencong, kencong):
        client.force_login(camat_kencong)
        isi_ikm(client, kencong)
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        assert status_tw4(kencong) == "diajukan"

    def test_mengajukan_periode_kosong_ditolak(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        response = client.post(url("realisasi-ajukan"), follow=True)
        assert "belum diisi; isi dan simpan dulu" in response.text
        assert status_tw4(kencong) == "draft"

    def test_operator_tidak_dapat_memverifikasi(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        isi_ikm(client, kencong)
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        response = client.post(url("realisasi-verifikasi"), {"komentar": "", **KONFIRMASI})
        assert response.status_code == 403
        assert "Hanya Bappeda" in response.text
        assert (
            client.post(url("realisasi-kembalikan"), {"komentar": "x", **KONFIRMASI}).status_code
            == 403
        )
        assert status_tw4(kencong) == "diajukan"
        with pytest.raises(TransisiDitolak):
            realisasi_verifikasi(
                kecamatan=kencong, tahun=TAHUN, periode="tw4", oleh=operator_kencong
            )

    def test_inspektorat_tidak_dapat_memverifikasi(
        self, client, operator_kencong, inspektorat, kencong
    ):
        client.force_login(operator_kencong)
        isi_ikm(client, kencong)
        client.post(url("realisasi-ajukan"), KONFIRMASI)
        client.force_login(inspektorat)
        assert client.post(url("realisasi-verifikasi")).status_code == 403
        assert status_tw4(kencong) == "diajukan"

    def test_verifikasi_draft_ditolak(self, client, bappeda, kencong):
        client.force_login(bappeda)
        response = client.post(
            url("realisasi-verifikasi"), {"komentar": "", **KONFIRMASI}, follow=True
        )
        assert "bukan diajukan" in response.text
        assert status_tw4(kencong) == "draft"


# --- who sees what -------------------------------------------------------------------------


class TestAkses:
    def test_bappeda_membaca_setiap_kecamatan_tanpa_isian(self, client, bappeda, kencong):
        client.force_login(bappeda)
        for slug in ("kencong", "patrang", "balung"):
            response = client.get(url("realisasi", "tahunan", slug=slug))
            assert response.status_code == 200, slug
        teks = client.get(url("realisasi", "tahunan")).text
        assert "92,33" in teks and "99,82% · Sangat Tinggi" in teks
        assert 'name="b' not in teks and "Simpan realisasi" not in teks
        ikm, _ = baris(kencong, "awal", "ikm")
        response = client.post(url("realisasi", "tahunan"), {f"{ikm}-nilai": "1"})
        assert response.status_code == 403
        assert client.post(url("realisasi-ajukan", "tahunan")).status_code == 403

    @pytest.mark.parametrize(
        "nama",
        [
            "realisasi",
            "realisasi-hitung",
            "realisasi-ajukan",
            "realisasi-verifikasi",
            "realisasi-kembalikan",
        ],
    )
    def test_operator_patrang_404_di_kencong(self, client, operator_patrang, kencong, nama):
        client.force_login(operator_patrang)
        prefix, _ = baris(kencong, "awal", "ikm")
        for periode in ("tw4", "tahunan"):
            assert client.get(url(nama, periode)).status_code == 404
            data = {"baris": prefix, f"{prefix}-nilai": "1", "komentar": "x"}
            assert client.post(url(nama, periode), data).status_code == 404
        assert not tw4(kencong).exists()
        assert status_tw4(kencong) == "draft"

    def test_tanpa_login_diarahkan_masuk(self, client):
        response = client.get(url("realisasi"))
        assert response.status_code == 302 and "/masuk/" in response["Location"]


# --- bounded queries -----------------------------------------------------------------------


# Measured: 10 for the page (session, user, kecamatan, PKs, targets, realisasi, every period's
# reporting row, scales, Renstra measures ×2; the history is read when opened) and 10 for the
# htmx answer; the period's budget realisasi adds two (sub kegiatan, their realisasi).
BATAS_KUERI = 12
BATAS_KUERI_HITUNG = 11


def tambah_indikator(kencong, jumlah=15):
    """Fifteen more indicators with a target in the PK awal, each with a TW IV realisasi."""
    awal = pk(kencong, "awal")
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(pk=awal.pk).update(status="draft")
    sasaran = TargetPerjanjian.objects.get(
        perjanjian=awal, indikator__ukuran__kode="ikm"
    ).indikator.sasaran
    for i in range(jumlah):
        ukuran = Ukuran.objects.create(
            kabupaten=kencong.kabupaten, kecamatan=kencong, kode=f"uji-{i}", nama=f"Uji {i}"
        )
        ind = Indikator.objects.create(
            sasaran=sasaran, ukuran=ukuran, nama=f"Indikator uji {i}", satuan="%", urutan=10 + i
        )
        TargetPerjanjian.objects.create(perjanjian=awal, indikator=ind, urutan=20 + i, nilai=100)
        Realisasi.objects.create(
            kecamatan=kencong, ukuran=ukuran, tahun=TAHUN, periode="tw4", nilai=90 + i
        )


def test_jumlah_kueri_tidak_tumbuh(
    client, operator_kencong, kencong, django_assert_max_num_queries
):
    client.force_login(operator_kencong)
    isi_ikm(client, kencong)
    with django_assert_max_num_queries(BATAS_KUERI):
        assert client.get(url("realisasi")).status_code == 200
    prefix, _ = baris(kencong, "awal", "ikm")
    with django_assert_max_num_queries(BATAS_KUERI_HITUNG):
        assert hitung(client, prefix, "92,33").status_code == 200

    tambah_indikator(kencong)
    with django_assert_max_num_queries(BATAS_KUERI):
        teks = client.get(url("realisasi")).text
    assert "Indikator uji 14" in teks and "16 dari 22 indikator terisi" in teks
    with django_assert_max_num_queries(BATAS_KUERI_HITUNG):
        assert hitung(client, prefix, "92,33").status_code == 200


# --- in a real browser: htmx answers while typing ------------------------------------------


def buka_realisasi(halaman, live_server, client, pengguna):
    """The browser opens the TW IV realisasi page logged in as ``pengguna`` (the test
    client's session)."""
    client.force_login(pengguna)
    halaman.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    halaman.goto(live_server.url + url("realisasi"))


@pytest.mark.django_db(transaction=True)
def test_peramban_capaian_muncul_saat_mengetik(
    live_server, halaman, client, operator_kencong, kencong
):
    from playwright.sync_api import expect

    buka_realisasi(halaman, live_server, client, operator_kencong)
    _, awal = baris(kencong, "awal", "ikm")
    _, perubahan = baris(kencong, "perubahan", "ikm")

    halaman.locator("#realisasi-ikm").press_sequentially("92,33")
    expect(halaman.locator(f"#capaian-{awal.perjanjian_id}-{awal.indikator_id}")).to_have_text(
        "99,82% · Sangat Tinggi Kategori A · Sangat Baik"  # IKM 92,33 on its own scale
    )
    # The other PK's row of the same measure follows: its capaian (from the server) and value.
    expect(
        halaman.locator(f"#capaian-{perubahan.perjanjian_id}-{perubahan.indikator_id}")
    ).to_have_text("98,75% · Sangat Tinggi Kategori A · Sangat Baik")
    expect(halaman.locator(f"#realisasi-ikm-{perubahan.indikator_id}")).to_have_value("92,33")

    halaman.locator("#realisasi-ipp").press_sequentially("4.1")
    _, ipp = baris(kencong, "perubahan", "ipp")
    expect(halaman.locator(f"#capaian-{ipp.perjanjian_id}-{ipp.indikator_id}")).to_contain_text(
        "Gunakan koma untuk desimal"
    )
    halaman.locator("#realisasi-ipp").fill("")
    halaman.locator("#tombol-simpan").click()
    expect(halaman.locator("main")).to_contain_text(
        "Realisasi Triwulan IV 2025 disimpan (1 nilai)."
    )
    assert tw4(kencong).get().nilai == Decimal("92.33")
    # The history is read when it is opened.
    halaman.locator("#riwayat summary").click()
    expect(halaman.locator("#riwayat table")).to_contain_text(
        "Dibuat: Realisasi Indeks Kepuasan Masyarakat"
    )
    # A reading that fails says so, and keeps the link to the history's own page.
    halaman.route("**/riwayat/", lambda rute: rute.fulfill(status=500, body="galat"))
    halaman.reload()
    halaman.locator("#riwayat summary").click()
    expect(halaman.locator("#riwayat")).to_contain_text("Riwayat perubahan tidak dapat dimuat.")
    expect(halaman.locator("#riwayat a")).to_have_text("Buka riwayat di halaman tersendiri")


def test_simpan_membaca_ukuran_renstra_sekali(client, operator_kencong, kencong):
    """The save checks what was typed against the Renstra's measures its grid read (one
    query per path from an indicator to the Renstra), not against a second reading."""
    client.force_login(operator_kencong)
    ikm, _ = baris(kencong, "awal", "ikm")
    data = isian_halaman(client)
    data[f"{ikm}-nilai"] = "92,33"
    with CaptureQueriesContext(connection) as kueri:
        assert client.post(url("realisasi"), data).status_code == 302
    dari_indikator = [q["sql"] for q in kueri if 'FROM "iku_indikator"' in q["sql"]]
    assert len(dari_indikator) == 2
    assert tw4(kencong).get(ukuran__kode="ikm").nilai == Decimal("92.33")


def test_riwayat_dibaca_saat_dibuka(client, operator_kencong, kencong):
    """The period's history is not read with the page (it grows with every save): the page
    offers it, read on opening (htmx: the lines alone) or as a page of its own (no script)."""
    client.force_login(operator_kencong)
    isi_ikm(client, kencong)
    with CaptureQueriesContext(connection) as kueri:
        teks = client.get(url("realisasi")).text
    assert not [q for q in kueri if "historical" in q["sql"]]
    tautan = url("realisasi-riwayat")
    assert f'hx-get="{tautan}" hx-trigger="toggle once"' in teks
    assert "Memuat riwayat perubahan…" in teks
    assert f'<a href="{tautan}">Buka riwayat di halaman tersendiri</a>' in teks
    assert "Dibuat: Realisasi" not in teks

    potongan = client.get(tautan, headers={"HX-Request": "true"}).text
    assert "<html" not in potongan and "<table" in potongan
    assert "Dibuat: Realisasi Indeks Kepuasan Masyarakat" in potongan

    halaman = client.get(tautan).text
    assert "<h1>Riwayat perubahan realisasi Triwulan IV 2025</h1>" in halaman
    assert f'<a href="{url("realisasi")}">← Kembali ke Realisasi Triwulan IV 2025</a>' in halaman
    assert "Dibuat: Realisasi Indeks Kepuasan Masyarakat" in halaman
    # Another period has its own history: nothing saved there yet.
    assert "Belum ada perubahan yang tercatat." in client.get(url("realisasi-riwayat", "tw1")).text
    assert client.post(tautan).status_code == 405


def test_htmx_setelah_sesi_berakhir_mendapat_pesan(client, operator_kencong, kencong):
    """An htmx request whose session has ended is answered 401 with a message (the page keeps
    what was typed), not with the login page swapped into a cell; a plain request is still
    sent to the login page."""
    prefix, _ = baris(kencong, "awal", "ikm")
    htmx = {"HX-Request": "true"}
    for jawaban in (
        client.get(url("realisasi-riwayat"), headers=htmx),
        client.post(url("realisasi-hitung"), {"baris": prefix}, headers=htmx),
    ):
        assert jawaban.status_code == 401
        assert jawaban.content.decode().startswith("Sesi Anda telah berakhir.")
        assert jawaban["X-Masuk"] == reverse("login")
    assert client.get(url("realisasi-riwayat")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_peramban_sesi_berakhir_saat_mengetik(
    live_server, halaman, client, operator_kencong, kencong
):
    from playwright.sync_api import expect

    buka_realisasi(halaman, live_server, client, operator_kencong)
    halaman.context.clear_cookies(name="sessionid")  # the session ends while the page is open
    halaman.locator("#realisasi-ikm").press_sequentially("92,33")
    pesan = halaman.locator("#galat-htmx")
    expect(pesan).to_contain_text("Sesi Anda telah berakhir. Isian di halaman ini belum hilang")
    expect(pesan.locator("a")).to_have_attribute("href", reverse("login"))
    expect(halaman.locator("#realisasi-ikm")).to_have_value("92,33")
    expect(halaman.locator("h1")).to_have_text("Realisasi Triwulan IV 2025")
