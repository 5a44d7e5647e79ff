"""The Renstra pages: the list, the tujuan → sasaran → indikator tree, the target grid edited
like a spreadsheet, and one indicator's page — as the operator of Kencong, the camat, Bappeda
and the operator of Patrang (who must not reach any of it) use them."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from iku.models import Indikator, Renstra, Sasaran, TargetIndikator, Tujuan, Ukuran
from iku.services import indikator_renstra
from kecamatan.models import UnitKerja
from sakip.konkurensi import PESAN_BASI

PERUBAHAN = "Renstra Perubahan 2021-2026"
BARU = "Renstra 2025-2029"


def renstra(kencong, nama=PERUBAHAN) -> Renstra:
    return Renstra.objects.get(kecamatan=kencong, nama=nama)


def indikator(r: Renstra, nama: str) -> Indikator:
    return indikator_renstra(r).get(nama=nama)


def url(nama, *args, slug="kencong"):
    return reverse(f"iku:{nama}", args=[slug, *args])


def isian(form) -> dict:
    """What the browser would send back for ``form`` untouched."""
    data = {}
    for bf in form:
        nilai = bf.value()
        if isinstance(bf.field.widget, forms.CheckboxSelectMultiple):
            data[bf.html_name] = [str(v) for v in nilai or []]
        elif isinstance(bf.field.widget, forms.CheckboxInput):
            if nilai:
                data[bf.html_name] = "on"
        else:
            teks = bf.field.widget.format_value(nilai)
            data[bf.html_name] = "" if teks is None else teks
    return data


def teks(response) -> str:
    return unescape(response.content.decode())


def galat_sel(response, nama: str) -> list[str]:
    """The messages shown under the grid cell ``nama`` (inside the same table cell)."""
    html = response.content.decode()
    cocok = re.search(rf'name="{nama}"[^>]*>(.*?)</td>', html, re.S)
    assert cocok, f"sel {nama} tidak ada"
    return [unescape(m) for m in re.findall(r'<small class="galat"[^>]*>(.*?)</small>', cocok[1])]


# --- the list --------------------------------------------------------------------------------


class TestDaftarRenstra:
    def test_operator_melihat_kedua_renstra_kencong(self, client, operator_kencong):
        client.force_login(operator_kencong)
        response = client.get(url("renstra-daftar"))
        assert response.status_code == 200
        assert PERUBAHAN in response.text and BARU in response.text
        assert "23 September 2025" in response.text  # tanggal penetapan of 2025-2029
        assert "Tambah Renstra" in response.text

    def test_operator_menambah_renstra_perubahan_dengan_salinan_isi(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        asal = renstra(kencong, BARU)
        response = client.post(
            url("renstra-daftar"),
            {
                "nama": "Renstra Perubahan 2025-2029",
                "tahun_awal": "2026",
                "tahun_akhir": "2029",
                "tahun_baseline": "2025",
                "revisi_dari": str(asal.pk),
                "tanggal_penetapan": "2026-03-02",
                "sumber": "",
                "salin_isi": "on",
            },
            follow=True,
        )
        baru = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2025-2029")
        assert response.redirect_chain[-1][0] == url("renstra-detail", baru.pk)
        assert "Renstra Perubahan 2025-2029 ditambahkan." in response.text
        assert baru.revisi_dari == asal
        ikm = indikator(baru, "Indeks Kepuasan Masyarakat")
        assert ikm.ukuran.kode == "ikm"  # the same measure: its realisasi is shared
        assert ikm.baseline == Decimal("93")  # the Renstra 2025-2029 baseline, copied
        # only the years both periods share are copied
        assert sorted(ikm.target.values_list("tahun", flat=True)) == [2026, 2027, 2028, 2029]
        assert "Indeks Pelayanan Publik Kecamatan" in response.text

    def test_tahun_salah_ditolak_dengan_pesan_dan_tidak_ada_yang_disimpan(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        sebelum = Renstra.objects.filter(kecamatan=kencong).count()
        response = client.post(
            url("renstra-daftar"),
            {
                "nama": PERUBAHAN,
                "tahun_awal": "2030",
                "tahun_akhir": "2026",
                "tahun_baseline": "2031",
                "salin_isi": "on",
            },
        )
        assert response.status_code == 200
        t = teks(response)
        assert "Kecamatan ini sudah memiliki Renstra dengan nama ini." in t
        assert "Tahun akhir tidak boleh sebelum tahun awal." in t
        assert "Tahun kondisi awal tidak boleh setelah tahun awal Renstra." in t
        assert "Pilih dulu Renstra asal yang akan disalin." in t
        assert 'value="2030"' in response.text  # what was typed is kept
        assert Renstra.objects.filter(kecamatan=kencong).count() == sebelum

    def test_bappeda_membaca_tanpa_formulir_dan_tidak_dapat_menambah(
        self, client, bappeda, kencong
    ):
        client.force_login(bappeda)
        response = client.get(url("renstra-daftar"))
        assert response.status_code == 200
        assert PERUBAHAN in response.text
        assert "Tambah Renstra" not in response.text
        data = {"nama": "X", "tahun_awal": "2026", "tahun_akhir": "2030", "tahun_baseline": "2025"}
        response = client.post(url("renstra-daftar"), data)
        assert response.status_code == 403
        assert not Renstra.objects.filter(nama="X").exists()

    def test_jumlah_query_tidak_tumbuh_dengan_jumlah_renstra(
        self, client, operator_kencong, kencong, django_assert_max_num_queries
    ):
        client.force_login(operator_kencong)
        with django_assert_max_num_queries(20) as awal:
            client.get(url("renstra-daftar"))
        asal = renstra(kencong)
        for n in range(4):
            baru = Renstra.objects.create(
                kecamatan=kencong,
                nama=f"Renstra uji {n}",
                tahun_awal=2030,
                tahun_akhir=2034,
                tahun_baseline=2029,
                revisi_dari=asal,
            )
            Tujuan.objects.create(renstra=baru, nomor=1, uraian="Uji")
        with django_assert_max_num_queries(len(awal.captured_queries)):
            response = client.get(url("renstra-daftar"))
        assert "Renstra uji 3" in response.text


class TestUbahRenstra:
    def test_operator_mengubah_tanggal_penetapan_dan_sumber(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        data = isian(client.get(url("renstra-ubah", r.pk)).context["form"])
        data.update(tanggal_penetapan="2023-08-01", sumber="Perbup 2023")
        response = client.post(url("renstra-ubah", r.pk), data, follow=True)
        assert "Data Renstra disimpan." in response.text
        assert "ditetapkan 1 Agustus 2023" in response.text
        r.refresh_from_db()
        assert (str(r.tanggal_penetapan), r.sumber) == ("2023-08-01", "Perbup 2023")

    def test_memperpendek_periode_yang_masih_bertarget_ditolak(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        data = isian(client.get(url("renstra-ubah", r.pk)).context["form"])
        data.update(tahun_akhir="2025", revisi_dari="")
        response = client.post(url("renstra-ubah", r.pk), data)
        assert "Masih ada target tahun 2026 di luar periode 2021-2025." in teks(response)
        assert Renstra.objects.get(pk=r.pk).tahun_akhir == 2026

    def test_renstra_tidak_dapat_menjadi_revisi_dirinya_sendiri(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        data = isian(client.get(url("renstra-ubah", r.pk)).context["form"])
        data["revisi_dari"] = str(r.pk)
        response = client.post(url("renstra-ubah", r.pk), data)
        assert "Masukkan pilihan yang valid." in teks(response)
        assert Renstra.objects.get(pk=r.pk).revisi_dari is None

    def test_inspektorat_membaca_tanpa_formulir(self, client, inspektorat, kencong):
        client.force_login(inspektorat)
        r = renstra(kencong)
        response = client.get(url("renstra-ubah", r.pk))
        assert response.status_code == 200
        assert "tidak mengubahnya" in response.text and "id_tahun_akhir" not in response.text
        assert client.post(url("renstra-ubah", r.pk), {"nama": "X"}).status_code == 403


# --- the tree --------------------------------------------------------------------------------


class TestPohonRenstra:
    def test_pohon_menampilkan_tujuan_sasaran_dan_rincian_indikator(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        response = client.get(url("renstra-detail", renstra(kencong).pk))
        assert response.status_code == 200
        t = teks(response)
        assert "Tujuan 1" in t and "Sasaran 2.3" in t
        assert "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan" in t
        assert "Seksi Trantib" in t and "SUKMA-E" in t  # penanggung jawab, sumber data
        assert "B (63,17)" in t and "B (68)" in t  # baseline and end target of Nilai SAKIP
        assert "97,65" in t
        assert "Riwayat perubahan" in t

    def test_jenis_iku_dan_lainnya_terlihat(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        response = client.get(url("renstra-detail", renstra(kencong, BARU).pk))
        assert response.text.count('class="lencana jenis-lainnya"') == 2
        assert response.text.count('class="lencana jenis-iku"') == 2

    def test_menambah_tujuan_sasaran_dan_indikator_dengan_ukuran_baru(
        self, client, camat_kencong, kencong
    ):
        client.force_login(camat_kencong)
        r = renstra(kencong, BARU)
        response = client.get(url("tujuan-tambah", r.pk))
        assert response.context["form"]["nomor"].value() == 2  # the next number
        response = client.post(
            url("tujuan-tambah", r.pk), {"nomor": "2", "uraian": "Meningkatnya ketenteraman"}
        )
        tujuan = Tujuan.objects.get(renstra=r, nomor=2)
        assert response.status_code == 302
        client.post(url("sasaran-tambah", tujuan.pk), {"nomor": "1", "uraian": "Tertibnya desa"})
        sasaran = Sasaran.objects.get(tujuan=tujuan, nomor=1)

        trantib = UnitKerja.objects.get(kecamatan=kencong, singkatan="Seksi Trantib")
        response = client.post(
            url("indikator-tambah-sasaran", sasaran.pk),
            {
                "ukuran": "baru",
                "nama": "Jumlah Desa Tertib Administrasi",
                "satuan": "Desa",
                "jenis": "lainnya",
                "polaritas": "positif",
                "metode_negatif": "selisih",
                "skala_kategori": "",
                "formulasi": "",
                "definisi_operasional": "Desa dengan administrasi lengkap",
                "penanggung_jawab": [str(trantib.pk)],
                "sumber_data": "Laporan desa",
                "urutan": "",
            },
            follow=True,
        )
        ind = Indikator.objects.get(sasaran=sasaran)
        assert "Jumlah Desa Tertib Administrasi" in response.text
        assert ind.ukuran.kecamatan == kencong
        assert ind.ukuran.kode == "kencong-jumlah-desa-tertib-administrasi"
        assert list(ind.penanggung_jawab.all()) == [trantib]
        assert ind.urutan == 1

        # a second measure with the same name gets its own code
        client.post(
            url("indikator-tambah-tujuan", tujuan.pk),
            {
                "ukuran": "baru",
                "nama": "Jumlah Desa Tertib Administrasi",
                "satuan": "Desa",
                "jenis": "iku",
                "polaritas": "positif",
                "metode_negatif": "selisih",
            },
        )
        assert Ukuran.objects.filter(kode="kencong-jumlah-desa-tertib-administrasi-2").exists()

    def test_indikator_baru_memakai_ukuran_bersama_kabupaten(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong, BARU)
        tujuan = r.tujuan.get(nomor=1)
        ikm = Ukuran.objects.get(kode="ikm")
        response = client.get(url("indikator-tambah-tujuan", tujuan.pk))
        assert "Ukuran baru khusus kecamatan ini" in response.text
        assert "Ukuran bersama Kabupaten Jember" in response.text
        client.post(
            url("indikator-tambah-tujuan", tujuan.pk),
            {
                "ukuran": str(ikm.pk),
                "nama": "IKM Kantor Kecamatan",
                "satuan": "Indeks",
                "jenis": "iku",
                "polaritas": "positif",
                "metode_negatif": "selisih",
            },
        )
        assert Indikator.objects.get(nama="IKM Kantor Kecamatan").ukuran == ikm
        assert not Ukuran.objects.filter(kecamatan=kencong).exists()

    def test_isian_indikator_baru_yang_salah_tidak_menyimpan_apa_pun(
        self, client, operator_kencong, kencong, patrang
    ):
        client.force_login(operator_kencong)
        tujuan = renstra(kencong, BARU).tujuan.get(nomor=1)
        unit_patrang = UnitKerja.objects.filter(
            kecamatan=patrang
        ).first() or UnitKerja.objects.create(
            kecamatan=patrang, nama="Seksi Pemerintahan", jenis="seksi"
        )
        sebelum = Indikator.objects.count()
        response = client.post(
            url("indikator-tambah-tujuan", tujuan.pk),
            {
                "ukuran": "999999",
                "nama": "",
                "satuan": "",
                "jenis": "iku",
                "polaritas": "naik",
                "penanggung_jawab": [str(unit_patrang.pk)],
            },
        )
        assert response.status_code == 200
        t = teks(response)
        assert "Bidang ini tidak boleh kosong." in t
        # unknown ukuran and polaritas, and Patrang's unit: not among the choices
        assert t.count("Masukkan pilihan yang valid.") == 3
        assert Indikator.objects.count() == sebelum

    def test_nomor_tujuan_ganda_ditolak(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        kedua = r.tujuan.get(nomor=2)
        response = client.post(url("tujuan-ubah", kedua.pk), {"nomor": "1", "uraian": "X"})
        assert "Nomor 1 sudah dipakai tujuan lain Renstra ini." in teks(response)
        assert Tujuan.objects.get(pk=kedua.pk).uraian != "X"

    def test_kelompok_tc_25_dan_rpjmd_tujuan(self, client, operator_kencong, kencong):
        """The tujuan's page edits its TC 25 group and the RPJMD sasaran and indicator that
        head it; the Renstra page shows them under the tujuan."""
        client.force_login(operator_kencong)
        kedua = renstra(kencong).tujuan.get(nomor=2)
        halaman = client.get(url("tujuan-ubah", kedua.pk))
        t = teks(halaman)
        assert "Kelompok (TC 25)" in t and "(tanpa kelompok)" in t
        assert "Sasaran RPJMD yang didukung" in t and "Indikator sasaran RPJMD" in t
        assert halaman.context["form"]["kelompok"].value() == "non_rutin"  # the seed's TC 25
        data = isian(halaman.context["form"])
        data.update(kelompok="rutin", rpjmd_sasaran="Sasaran uji", rpjmd_indikator="Indikator uji")
        response = client.post(url("tujuan-ubah", kedua.pk), data, follow=True)
        t = teks(response)
        assert "Kelompok (TC 25)</dt><dd>RUTIN" in t
        assert "Sasaran RPJMD</dt><dd>Sasaran uji" in t
        kedua.refresh_from_db()
        assert (kedua.kelompok, kedua.rpjmd_indikator) == ("rutin", "Indikator uji")
        # none: allowed (a Renstra without groups prints one table); an unknown one: refused
        data.update(kelompok="", rpjmd_sasaran="", rpjmd_indikator="")
        client.post(url("tujuan-ubah", kedua.pk), data)
        kedua.refresh_from_db()
        assert (kedua.kelompok, kedua.rpjmd_sasaran) == ("", "")
        response = client.post(url("tujuan-ubah", kedua.pk), {**data, "kelompok": "lain"})
        assert "Masukkan pilihan yang valid." in teks(response)
        assert Tujuan.objects.get(pk=kedua.pk).kelompok == ""

    def test_mengubah_sasaran(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        sasaran = Sasaran.objects.get(tujuan__renstra=renstra(kencong), tujuan__nomor=2, nomor=3)
        response = client.post(
            url("sasaran-ubah", sasaran.pk),
            {"nomor": "3", "uraian": "Terjaganya ketenteraman dan ketertiban umum"},
            follow=True,
        )
        assert "Terjaganya ketenteraman dan ketertiban umum" in response.text
        assert response.redirect_chain[-1][0].endswith(f"#sasaran-{sasaran.pk}")

    def test_indikator_yang_dipakai_pk_dan_keputusan_tidak_dapat_dihapus(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        ikm = indikator(renstra(kencong), "Indeks Kepuasan Masyarakat")
        response = client.post(url("indikator-hapus", ikm.pk), follow=True)
        t = teks(response)
        assert "tidak dapat dihapus karena dipakai di:" in t
        assert "Perjanjian Kinerja 2025" in t
        assert "Keputusan IKU nomor 000.8.6.3/22/35.09.02/2025" in t
        assert Indikator.objects.filter(pk=ikm.pk).exists()

    def test_tujuan_dan_sasaran_berisi_tidak_dapat_dihapus(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        tujuan = r.tujuan.get(nomor=2)
        response = client.post(url("tujuan-hapus", tujuan.pk), follow=True)
        assert "Tujuan 2 tidak dapat dihapus karena masih memuat sasaran atau indikator" in teks(
            response
        )
        sasaran = tujuan.sasaran.get(nomor=1)
        response = client.post(url("sasaran-hapus", sasaran.pk), follow=True)
        assert "Sasaran 2.1 tidak dapat dihapus karena masih memuat indikator" in teks(response)
        assert Tujuan.objects.filter(pk=tujuan.pk).exists()
        assert Sasaran.objects.filter(pk=sasaran.pk).exists()

    def test_indikator_kosong_lalu_sasaran_dan_tujuan_dapat_dihapus(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong, BARU)
        tujuan = Tujuan.objects.create(renstra=r, nomor=5, uraian="Sementara")
        sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=1, uraian="Sementara")
        ind = Indikator.objects.create(
            sasaran=sasaran, ukuran=Ukuran.objects.get(kode="ikm"), nama="Sementara", satuan="%"
        )
        TargetIndikator.objects.create(indikator=ind, tahun=2026, nilai=Decimal("1"))
        response = client.post(url("indikator-hapus", ind.pk), follow=True)
        assert "Indikator “Sementara” dihapus." in response.text
        assert not TargetIndikator.objects.filter(indikator_id=ind.pk).exists()
        client.post(url("sasaran-hapus", sasaran.pk))
        response = client.post(url("tujuan-hapus", tujuan.pk), follow=True)
        assert "Tujuan 5 dihapus." in response.text
        assert not Tujuan.objects.filter(pk=tujuan.pk).exists()

    def test_get_pada_tombol_hapus_tidak_menghapus(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        tujuan = renstra(kencong).tujuan.get(nomor=1)
        response = client.get(url("tujuan-hapus", tujuan.pk))
        assert response.status_code == 302
        assert Tujuan.objects.filter(pk=tujuan.pk).exists()

    def test_bappeda_membaca_pohon_tanpa_tombol_ubah_dan_tidak_dapat_menghapus(
        self, client, bappeda, kencong
    ):
        client.force_login(bappeda)
        r = renstra(kencong)
        response = client.get(url("renstra-detail", r.pk))
        assert response.status_code == 200
        assert "Indeks Kepuasan Masyarakat" in response.text
        assert "+ Sasaran" not in response.text and "Hapus" not in response.text
        tujuan = r.tujuan.get(nomor=1)
        assert client.post(url("tujuan-hapus", tujuan.pk)).status_code == 403
        assert client.get(url("tujuan-tambah", r.pk)).status_code == 403
        assert (
            client.post(url("tujuan-tambah", r.pk), {"nomor": 9, "uraian": "X"}).status_code == 403
        )
        assert not Tujuan.objects.filter(renstra=r, nomor=9).exists()

    def test_jumlah_query_tidak_tumbuh_dengan_jumlah_indikator(
        self, client, operator_kencong, kencong, django_assert_max_num_queries
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong, BARU)
        with django_assert_max_num_queries(25) as awal:
            client.get(url("renstra-detail", r.pk))
        _tambah_indikator(r, kencong, 6)
        with django_assert_max_num_queries(len(awal.captured_queries)):
            response = client.get(url("renstra-detail", r.pk))
        assert "Indikator uji 5" in response.text


def _tambah_indikator(r: Renstra, kencong, n: int) -> list[Indikator]:
    unit = list(UnitKerja.objects.filter(kecamatan=kencong)[:2])
    hasil = []
    for k in range(n):
        tujuan = Tujuan.objects.create(renstra=r, nomor=10 + k, uraian=f"Tujuan uji {k}")
        sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=1, uraian=f"Sasaran uji {k}")
        ind = Indikator.objects.create(
            sasaran=sasaran,
            ukuran=Ukuran.objects.get(kode="ikm"),
            nama=f"Indikator uji {k}",
            satuan="%",
        )
        ind.penanggung_jawab.set(unit)
        for tahun in r.tahun:
            TargetIndikator.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(k + 1))
        hasil.append(ind)
    return hasil


# --- the target grid ---------------------------------------------------------------------------


class TestTabelTarget:
    def buka(self, client, r):
        response = client.get(url("renstra-target", r.pk))
        assert response.status_code == 200
        return response, isian(response.context["form"])

    def test_tabel_menampilkan_nilai_seperti_ditulis(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        response, data = self.buka(client, r)
        sakip = indikator(r, "Nilai SAKIP OPD")
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        assert data[f"b_{sakip.pk}"] == "B (63,17)"
        assert data[f"t_{sakip.pk}_2025"] == "B (67)"
        assert data[f"t_{ikm.pk}_2023"] == "91,5"
        assert data[f"a_{ikm.pk}"] == "93"
        t = teks(response)
        assert "Kondisi awal" in t and "Target akhir" in t
        assert "Sasaran 2.1: Meningkatnya Kepuasan Masyarakat" in t  # grouped by sasaran

    def test_operator_mengetik_b_68_5_dan_93_25_lalu_melihatnya_tersimpan(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        sakip = indikator(r, "Nilai SAKIP OPD")
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        _, data = self.buka(client, r)
        data[f"t_{sakip.pk}_2026"] = "B (68,5)"
        data[f"t_{ikm.pk}_2026"] = "93,25"
        data[f"a_{ikm.pk}"] = "97,5%"
        response = client.post(url("renstra-target", r.pk), data, follow=True)
        assert "Tabel target disimpan: 3 sel berubah." in response.text

        target = TargetIndikator.objects.get(indikator=sakip, tahun=2026)
        assert (target.nilai, target.huruf) == (Decimal("68.5"), "B")
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2026).nilai == Decimal("93.25")
        assert Indikator.objects.get(pk=ikm.pk).target_akhir == Decimal("97.5")

        setelah = isian(response.context["form"])
        assert setelah[f"t_{sakip.pk}_2026"] == "B (68,5)"
        assert setelah[f"t_{ikm.pk}_2026"] == "93,25"
        # the history under the grid says who changed what
        t = teks(response)
        assert "Target 2026 · Indeks Kepuasan Masyarakat" in t
        assert "operator.kencong" in t
        assert "93 → 93,25" in re.sub(r"<[^>]+>", "", t)

    def test_sel_salah_diberi_pesan_di_bawahnya_dan_tidak_ada_yang_disimpan(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        fasilitasi = indikator(
            r, "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan"
        )
        sakip = indikator(r, "Nilai SAKIP OPD")
        _, data = self.buka(client, r)
        data[f"t_{ikm.pk}_2025"] = "92.5"
        data[f"t_{fasilitasi.pk}_2024"] = "abc"
        data[f"t_{sakip.pk}_2026"] = "B (70)"  # valid, but must not be saved either
        response = client.post(url("renstra-target", r.pk), data)

        assert response.status_code == 200
        assert "2 sel belum benar (ditandai merah). Tidak ada yang disimpan" in response.text
        (pesan_titik,) = galat_sel(response, f"t_{ikm.pk}_2025")
        assert "titik adalah pemisah ribuan" in pesan_titik
        assert "Gunakan koma untuk desimal." in pesan_titik
        (pesan_abc,) = galat_sel(response, f"t_{fasilitasi.pk}_2024")
        assert "Format nilai tidak dikenali: 'abc'" in pesan_abc
        assert galat_sel(response, f"t_{sakip.pk}_2026") == []
        # the typing is kept, the invalid cells are marked
        html = response.content.decode()
        assert re.search(rf'name="t_{ikm.pk}_2025" value="92.5"', html)
        assert re.search(
            rf'name="t_{fasilitasi.pk}_2024" value="abc"[^>]*aria-invalid="true"', html
        )
        assert re.search(rf'name="t_{sakip.pk}_2026" value="B \(70\)"', html)
        # nothing stored
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2025).nilai == Decimal("92.5")
        assert TargetIndikator.objects.get(indikator=fasilitasi, tahun=2024).nilai == Decimal("97")
        assert TargetIndikator.objects.get(indikator=sakip, tahun=2026).nilai == Decimal("68")

    def test_terlalu_banyak_desimal_ditolak(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        _, data = self.buka(client, r)
        data[f"b_{ikm.pk}"] = "90,123456"
        response = client.post(url("renstra-target", r.pk), data)
        assert galat_sel(response, f"b_{ikm.pk}") == ["Paling banyak 4 angka di belakang koma."]
        assert Indikator.objects.get(pk=ikm.pk).baseline == Decimal("90")

    def test_sel_yang_dikosongkan_menghapus_target_tahun_itu(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        _, data = self.buka(client, r)
        data[f"t_{ikm.pk}_2021"] = ""
        data[f"a_{ikm.pk}"] = ""
        response = client.post(url("renstra-target", r.pk), data, follow=True)
        assert "2 sel berubah" in response.text
        assert not TargetIndikator.objects.filter(indikator=ikm, tahun=2021).exists()
        assert Indikator.objects.get(pk=ikm.pk).target_akhir is None
        assert isian(response.context["form"])[f"t_{ikm.pk}_2021"] == ""

    def test_sel_tahun_yang_belum_ada_target_membuat_target_baru(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        TargetIndikator.objects.filter(indikator=ikm, tahun=2022).delete()
        _, data = self.buka(client, r)
        assert data[f"t_{ikm.pk}_2022"] == ""
        data[f"t_{ikm.pk}_2022"] = "91"
        client.post(url("renstra-target", r.pk), data)
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2022).nilai == Decimal("91")

    def test_simpan_kedua_atas_data_basi_ditolak(
        self, client, operator_kencong, camat_kencong, kencong
    ):
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        client.force_login(operator_kencong)
        lain = Client()
        lain.force_login(camat_kencong)
        _, data_pertama = self.buka(client, r)
        _, data_kedua = self.buka(lain, r)

        data_pertama[f"t_{ikm.pk}_2026"] = "93,5"
        response = client.post(url("renstra-target", r.pk), data_pertama, follow=True)
        assert "1 sel berubah" in response.text

        data_kedua[f"t_{ikm.pk}_2026"] = "94"
        data_kedua[f"t_{ikm.pk}_2025"] = "92,75"
        response = lain.post(url("renstra-target", r.pk), data_kedua)
        assert response.status_code == 200
        assert PESAN_BASI in teks(response)
        assert 'value="94"' in response.text  # the second person's typing is still there
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2026).nilai == Decimal("93.5")
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2025).nilai == Decimal("92.5")

    def test_indikator_baru_di_antara_membuka_dan_menyimpan_membuat_data_basi(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong, BARU)
        _, data = self.buka(client, r)
        _tambah_indikator(r, kencong, 1)
        response = client.post(url("renstra-target", r.pk), data)
        assert PESAN_BASI in teks(response)

    def test_bappeda_membaca_tabel_tetapi_tidak_dapat_menyimpan(self, client, bappeda, kencong):
        client.force_login(bappeda)
        r = renstra(kencong)
        ikm = indikator(r, "Indeks Kepuasan Masyarakat")
        response, data = self.buka(client, r)
        assert "92,5" in response.text
        assert f'name="t_{ikm.pk}_2025"' not in response.text  # no inputs
        assert "Simpan semua target" not in response.text
        data[f"t_{ikm.pk}_2025"] = "50"
        response = client.post(url("renstra-target", r.pk), data)
        assert response.status_code == 403
        assert TargetIndikator.objects.get(indikator=ikm, tahun=2025).nilai == Decimal("92.5")

    def test_jumlah_query_tidak_tumbuh_dengan_indikator_dan_tahun(
        self, client, operator_kencong, kencong, django_assert_max_num_queries
    ):
        client.force_login(operator_kencong)
        r = renstra(kencong, BARU)
        with django_assert_max_num_queries(25) as awal:
            client.get(url("renstra-target", r.pk))
        batas = len(awal.captured_queries)
        Renstra.objects.filter(pk=r.pk).update(tahun_akhir=2034)  # more years
        r.refresh_from_db()
        _tambah_indikator(r, kencong, 5)
        with django_assert_max_num_queries(batas):
            response = client.get(url("renstra-target", r.pk))
        assert "Indikator uji 4" in response.text and ">2034<" in response.text.replace(
            "\n", ""
        ).replace(" ", "")

        # saving a larger grid does not cost a query per cell that did not change
        data = isian(response.context["form"])
        with django_assert_max_num_queries(batas + 12):
            response = client.post(url("renstra-target", r.pk), data)
        assert response.status_code == 302


# --- one indicator ----------------------------------------------------------------------------


class TestUbahIndikator:
    def test_operator_mengubah_rincian_indikator_dan_riwayatnya_tampil(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        trantib = indikator(
            renstra(kencong),
            "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta "
            "Ketentraman Masyarakat",
        )
        response = client.get(url("indikator-ubah", trantib.pk))
        assert response.status_code == 200
        data = isian(response.context["form"])
        pmks = UnitKerja.objects.get(kecamatan=kencong, singkatan="Seksi PMKS")
        data.update(
            polaritas="negatif",
            metode_negatif="rasio",
            jenis="lainnya",
            sumber_data="Buku register aduan",
            penanggung_jawab=data["penanggung_jawab"] + [str(pmks.pk)],
        )
        response = client.post(url("indikator-ubah", trantib.pk), data, follow=True)
        assert "Indikator disimpan." in response.text
        trantib.refresh_from_db()
        assert (trantib.polaritas, trantib.metode_negatif, trantib.jenis) == (
            "negatif",
            "rasio",
            "lainnya",
        )
        assert pmks in trantib.penanggung_jawab.all()
        t = re.sub(r"<[^>]+>", "", teks(response))
        assert "sumber data: Dokumen laporan/ aduan" in t and "→ Buku register aduan" in t
        assert "operator.kencong" in t

    def test_isian_salah_tidak_disimpan(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm = indikator(renstra(kencong), "Indeks Kepuasan Masyarakat")
        data = isian(client.get(url("indikator-ubah", ikm.pk)).context["form"])
        data.update(nama="", urutan="0", polaritas="menurun")
        response = client.post(url("indikator-ubah", ikm.pk), data)
        t = teks(response)
        assert "Bidang ini tidak boleh kosong." in t
        assert "Urutan antara 1 dan 99." in t
        assert Indikator.objects.get(pk=ikm.pk).nama == "Indeks Kepuasan Masyarakat"

    def test_simpan_atas_data_basi_ditolak(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        ikm = indikator(renstra(kencong), "Indeks Kepuasan Masyarakat")
        data = isian(client.get(url("indikator-ubah", ikm.pk)).context["form"])
        Indikator.objects.filter(pk=ikm.pk).update(sumber_data="Diubah orang lain")
        data["satuan"] = "Nilai"
        response = client.post(url("indikator-ubah", ikm.pk), data)
        assert PESAN_BASI in teks(response)
        ikm.refresh_from_db()
        assert (ikm.satuan, ikm.sumber_data) == ("Indeks", "Diubah orang lain")

    def test_bappeda_melihat_rincian_tanpa_formulir_dan_tidak_dapat_mengubah(
        self, client, bappeda, kencong
    ):
        client.force_login(bappeda)
        ikm = indikator(renstra(kencong), "Indeks Kepuasan Masyarakat")
        response = client.get(url("indikator-ubah", ikm.pk))
        assert response.status_code == 200
        assert "SUKMA-E" in response.text and "Riwayat perubahan" in response.text
        assert "Simpan indikator" not in response.text
        response = client.post(url("indikator-ubah", ikm.pk), {"nama": "X"})
        assert response.status_code == 403
        assert Indikator.objects.get(pk=ikm.pk).nama == "Indeks Kepuasan Masyarakat"


# --- nobody reaches another kecamatan --------------------------------------------------------


def _objek_kencong(kencong):
    r = renstra(kencong)
    tujuan = r.tujuan.get(nomor=2)
    sasaran = tujuan.sasaran.get(nomor=1)
    ind = indikator(r, "Indeks Kepuasan Masyarakat")
    return {
        "renstra-daftar": (),
        "renstra-detail": (r.pk,),
        "renstra-ubah": (r.pk,),
        "renstra-target": (r.pk,),
        "tujuan-tambah": (r.pk,),
        "tujuan-ubah": (tujuan.pk,),
        "tujuan-hapus": (tujuan.pk,),
        "sasaran-tambah": (tujuan.pk,),
        "sasaran-ubah": (sasaran.pk,),
        "sasaran-hapus": (sasaran.pk,),
        "indikator-tambah-tujuan": (tujuan.pk,),
        "indikator-tambah-sasaran": (sasaran.pk,),
        "indikator-ubah": (ind.pk,),
        "indikator-hapus": (ind.pk,),
    }


@pytest.mark.parametrize("metode", ["get", "post"])
def test_operator_patrang_mendapat_404_pada_setiap_halaman_renstra_kencong(
    client, operator_patrang, kencong, metode
):
    client.force_login(operator_patrang)
    jumlah_sebelum = (Tujuan.objects.count(), Sasaran.objects.count(), Indikator.objects.count())
    for nama, args in _objek_kencong(kencong).items():
        for slug in ("kencong", "patrang"):
            if slug == "patrang" and not args:
                continue  # Patrang's own list is Patrang's
            response = getattr(client, metode)(url(nama, *args, slug=slug))
            assert response.status_code == 404, f"{metode} {nama} {slug}: {response.status_code}"
    assert (Tujuan.objects.count(), Sasaran.objects.count(), Indikator.objects.count()) == (
        jumlah_sebelum
    )


def test_operator_patrang_membuka_renstra_patrang_sendiri(client, operator_patrang, patrang):
    client.force_login(operator_patrang)
    response = client.get(url("renstra-daftar", slug="patrang"))
    assert response.status_code == 200
    assert "Renstra 2021-2026" in response.text
    assert f">{PERUBAHAN}</a>" not in response.text and f">{BARU}</a>" not in response.text
