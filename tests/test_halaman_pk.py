"""The Perjanjian Kinerja pages: creating the PK of a year prefilled from the Renstra, editing
it while it is a draft, the workflow draft → diajukan → ditetapkan (camat only), the PK
Perubahan that leaves the original untouched, and the PK awal beside the PK Perubahan."""

from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Indikator, Renstra, TargetIndikator, Ukuran
from perjanjian.models import (
    Kegiatan,
    PerjanjianKinerja,
    Program,
    SubKegiatan,
    TargetPerjanjian,
)
from perjanjian.services import perjanjian_tetapkan
from sakip.konkurensi import PESAN_BASI
from sakip.penguncian import DataTerkunci, TransisiDitolak, kunci_dilepas

TERKUNCI = PerjanjianKinerja.PESAN_TERKUNCI


def daftar_url(tahun=2026, slug="kencong"):
    return reverse("perjanjian:perjanjian-daftar", args=[slug, tahun])


def detail_url(pk, slug="kencong"):
    return reverse("perjanjian:perjanjian-detail", args=[slug, pk.id])


def isian(response) -> dict:
    """What the browser would send back for the edit form as it is shown."""
    form = response.context["form"]
    data = {"aksi": "ubah"}
    for nama in form.fields:
        bf = form[nama]
        nilai = bf.field.widget.format_value(bf.value())
        data[nama] = "" if nilai is None else nilai
    return data


def target(pk, ukuran: str) -> TargetPerjanjian:
    return pk.target.get(indikator__ukuran__kode=ukuran)


def kolom_target(pk) -> list[tuple]:
    return list(pk.target.order_by("id").values_list("id", "indikator", "nilai", "huruf"))


def riwayat_pk(pk) -> int:
    return PerjanjianKinerja.riwayat.filter(id=pk.id).count()


@pytest.fixture
def renstra_2025(kencong):
    return Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")


@pytest.fixture
def pk_2026(client, operator_kencong, renstra_2025):
    """Operator Kencong creates the PK 2026 on the Renstra 2025-2029."""
    client.force_login(operator_kencong)
    response = client.post(daftar_url(), {"aksi": "buat", "renstra": renstra_2025.id})
    pk = PerjanjianKinerja.objects.get(kecamatan__slug="kencong", tahun=2026, jenis="awal")
    assert response.status_code == 302
    assert response.url == detail_url(pk)
    return pk


def ubah(client, pk, **perubahan):
    """Open the PK page, change some cells and save, as the browser does."""
    data = isian(client.get(detail_url(pk)))
    for nama, nilai in perubahan.items():
        data[f"target_{target(pk, nama).id}" if nama in UKURAN else nama] = nilai
    return client.post(detail_url(pk), data, follow=True)


UKURAN = {"ikm", "ipp", "nilai-sakip", "capaian-kinerja-program"}


class TestMembuatPerjanjian:
    def test_daftar_tahun_tanpa_pk_menawarkan_renstra_yang_berlaku(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.get(daftar_url()).text
        assert "Belum ada Perjanjian Kinerja tahun 2026." in teks
        assert "Buat Perjanjian Kinerja" in teks
        # Both Renstra are in force in 2026: the 2021-2026 one in its last year.
        assert "Renstra Perubahan 2021-2026" in teks and "Renstra 2025-2029" in teks

    def test_target_diisi_dari_renstra_tahun_itu(self, client, pk_2026):
        teks = client.get(detail_url(pk_2026)).text
        assert target(pk_2026, "ikm").nilai == Decimal("94")
        assert target(pk_2026, "ipp").nilai == Decimal("4.64")
        assert 'value="94"' in teks and 'value="4,64"' in teks
        assert pk_2026.target.count() == 4
        assert pk_2026.status == "draft" and pk_2026.renstra.nama == "Renstra 2025-2029"

    def test_para_pihak_diisi_dari_camat_dan_bupati_yang_menjabat(self, client, pk_2026):
        assert pk_2026.pihak_pertama_nama == "Ronny Arvianto, S.E., M.M."
        assert pk_2026.pihak_pertama_nip == "197708272002121006"
        assert pk_2026.pihak_pertama_jabatan == "Camat Kencong"
        assert pk_2026.pihak_pertama_pangkat == "Pembina / IV.a"
        assert (pk_2026.pihak_kedua_nama, pk_2026.pihak_kedua_jabatan) == (
            "Muhammad Fawait",
            "Bupati Jember",
        )
        assert pk_2026.tempat == "Jember"
        assert 'value="19770827 200212 1 006"' in client.get(detail_url(pk_2026)).text

    def test_huruf_target_renstra_ikut_tersalin(self, client, operator_kencong, kencong):
        renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2021-2026")
        client.force_login(operator_kencong)
        client.post(daftar_url(), {"aksi": "buat", "renstra": renstra.id})
        pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2026, jenis="awal")
        sakip = target(pk, "nilai-sakip")
        assert (sakip.huruf, sakip.nilai) == ("B", Decimal("68"))
        assert 'value="B (68)"' in client.get(detail_url(pk)).text

    def test_pk_kedua_untuk_tahun_yang_sama_ditolak(self, client, pk_2026, renstra_2025):
        response = client.post(
            daftar_url(), {"aksi": "buat", "renstra": renstra_2025.id}, follow=True
        )
        assert "Perjanjian Kinerja 2026 sudah ada." in response.text
        assert PerjanjianKinerja.objects.filter(kecamatan__slug="kencong", tahun=2026).count() == 1

    def test_renstra_yang_tidak_berlaku_ditolak_di_sebelah_isian(
        self, client, operator_kencong, kencong
    ):
        lama = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2021-2026")
        client.force_login(operator_kencong)
        response = client.post(daftar_url(2027), {"aksi": "buat", "renstra": lama.id})
        assert "Pilih Renstra yang berlaku pada tahun 2027." in response.text
        assert not PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2027).exists()


class TestMengubahDraft:
    def test_target_jauh_dari_renstra_diterima_dengan_peringatan(self, client, pk_2026):
        response = ubah(client, pk_2026, ikm="60", tanggal="2026-01-15")
        assert "Perjanjian Kinerja disimpan." in response.text
        assert target(pk_2026, "ikm").nilai == Decimal("60")
        assert "Indeks Kepuasan Masyarakat: target PK 60 berbeda" in response.text
        assert "dari target Renstra 94." in response.text
        # and on the beranda
        beranda = client.get(reverse("laporan:beranda", args=["kencong"]), {"tahun": 2026})
        assert "target PK 60 berbeda" in beranda.text

    def test_target_dengan_huruf_dan_koma(self, client, pk_2026):
        ubah(client, pk_2026, **{"nilai-sakip": "B (82,5)", "ipp": "4,7"})
        sakip = target(pk_2026, "nilai-sakip")
        assert (sakip.huruf, sakip.nilai) == ("B", Decimal("82.5"))
        assert target(pk_2026, "ipp").nilai == Decimal("4.7")

    def test_nip_diketik_dengan_spasi(self, client, pk_2026):
        ubah(client, pk_2026, pihak_pertama_nip="19770827 200212 1 006", pihak_kedua_nip="")
        pk_2026.refresh_from_db()
        assert pk_2026.pihak_pertama_nip == "197708272002121006"

    def test_isian_salah_tidak_menyimpan_apa_pun(self, client, pk_2026):
        response = ubah(
            client,
            pk_2026,
            tempat="Kencong",
            ikm="sembilan puluh",
            ipp="4.7",
            pihak_pertama_nip="1977 0827",
        )
        teks = response.text
        assert "Format nilai tidak dikenali: &#x27;sembilan puluh&#x27;" in teks
        assert "Gunakan koma untuk desimal. Maksudnya 4,7?" in teks
        assert "NIP harus 18 angka; yang diketik 8 angka." in teks
        assert "tidak ada yang disimpan" in teks
        # The user's input is kept in the form
        assert 'value="sembilan puluh"' in teks and 'value="Kencong"' in teks
        pk_2026.refresh_from_db()
        assert pk_2026.tempat == "Jember"
        assert target(pk_2026, "ikm").nilai == Decimal("94")
        assert target(pk_2026, "ipp").nilai == Decimal("4.64")

    def test_target_kosong_ditolak(self, client, pk_2026):
        response = ubah(client, pk_2026, ikm="")
        assert "Target wajib diisi." in response.text
        assert target(pk_2026, "ikm").nilai == Decimal("94")

    def test_simpan_data_basi_ditolak(self, client, pk_2026, camat_kencong):
        data = isian(client.get(detail_url(pk_2026)))
        # The camat saves first, from another browser.
        t = target(pk_2026, "ipp")
        t.nilai = Decimal("4.8")
        t.save()
        data[f"target_{target(pk_2026, 'ikm').id}"] = "95"
        response = client.post(detail_url(pk_2026), data)
        assert PESAN_BASI in response.text
        assert target(pk_2026, "ikm").nilai == Decimal("94")
        assert target(pk_2026, "ipp").nilai == Decimal("4.8")

    def test_riwayat_menunjukkan_siapa_dan_nilai_lama_baru(self, client, pk_2026):
        teks = ubah(client, pk_2026, ikm="95").text
        assert "Riwayat perubahan" in teks
        assert "Target Indeks Kepuasan Masyarakat" in teks
        assert "<del>94</del> → <ins>95</ins>" in teks
        assert "operator.kencong" in teks


class TestAlurPersetujuan:
    def test_cerita_lengkap(self, client, pk_2026, operator_kencong, camat_kencong):
        # The operator sets a low IKM target and sees the warning.
        teks = ubah(client, pk_2026, ikm="60", tanggal="2026-01-15").text
        assert "dari target Renstra 94." in teks
        data_draft = isian(client.get(detail_url(pk_2026)))

        # Ajukan.
        teks = client.post(
            detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"}, follow=True
        ).text
        assert "diajukan ke camat" in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "diajukan"

        # The operator may not tetapkan.
        teks = client.post(
            detail_url(pk_2026), {"aksi": "tetapkan", "konfirmasi": "1"}, follow=True
        ).text
        assert "Hanya camat Kencong yang dapat menetapkan Perjanjian Kinerja." in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "diajukan"

        # The camat sees it waiting and tetapkan.
        client.force_login(camat_kencong)
        assert "Tetapkan Perjanjian Kinerja" in client.get(detail_url(pk_2026)).text
        teks = client.post(
            detail_url(pk_2026), {"aksi": "tetapkan", "konfirmasi": "1"}, follow=True
        ).text
        assert "Perjanjian Kinerja ditetapkan" in teks
        assert "sudah ditetapkan dan tidak dapat diubah oleh siapa pun" in teks
        assert "Buat PK Perubahan" in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "ditetapkan"

        # Nobody can change it afterwards, through the page.
        sebelum = list(pk_2026.target.values_list("id", "nilai", "huruf"))
        jejak = riwayat_pk(pk_2026)
        for user in (camat_kencong, operator_kencong):
            client.force_login(user)
            data = {**data_draft, f"target_{target(pk_2026, 'ikm').id}": "99", "tempat": "X"}
            teks = client.post(detail_url(pk_2026), data, follow=True).text
            assert TERKUNCI in teks
            for aksi in ("ajukan", "kembalikan"):
                client.post(
                    detail_url(pk_2026), {"aksi": aksi, "komentar": "ubah", "konfirmasi": "1"}
                )
        pk_2026.refresh_from_db()
        assert pk_2026.status == "ditetapkan" and pk_2026.tempat == "Jember"
        assert list(pk_2026.target.values_list("id", "nilai", "huruf")) == sebelum
        assert riwayat_pk(pk_2026) == jejak
        # and not below the page either (the model guard)
        t = target(pk_2026, "ikm")
        t.nilai = Decimal("99")
        with pytest.raises(DataTerkunci):
            t.save()

    def test_camat_mengembalikan_dengan_catatan_yang_dibaca_operator(
        self, client, pk_2026, operator_kencong, camat_kencong
    ):
        ubah(client, pk_2026, tanggal="2026-01-15")
        client.post(detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"})
        client.force_login(camat_kencong)
        teks = client.post(
            detail_url(pk_2026),
            {
                "aksi": "kembalikan",
                "komentar": "Target IKM terlalu rendah, sesuaikan Renstra.",
                "konfirmasi": "1",
            },
            follow=True,
        ).text
        assert "dikembalikan ke draf" in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "draft"
        client.force_login(operator_kencong)
        teks = client.get(detail_url(pk_2026)).text
        assert "Dikembalikan camat dengan catatan:" in teks
        assert "Target IKM terlalu rendah, sesuaikan Renstra." in teks
        assert "Target IKM terlalu rendah" in client.get(daftar_url()).text

    def test_kembalikan_tanpa_alasan_ditolak_di_sebelah_isian(self, client, pk_2026, camat_kencong):
        ubah(client, pk_2026, tanggal="2026-01-15")
        client.post(detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"})
        client.force_login(camat_kencong)
        teks = client.post(
            detail_url(pk_2026), {"aksi": "kembalikan", "komentar": " ", "konfirmasi": "1"}
        ).text
        assert "Tulis alasan pengembalian untuk operator." in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "diajukan"

    def test_operator_tidak_dapat_mengembalikan(self, client, pk_2026):
        ubah(client, pk_2026, tanggal="2026-01-15")
        client.post(detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"})
        teks = client.post(
            detail_url(pk_2026),
            {"aksi": "kembalikan", "komentar": "x", "konfirmasi": "1"},
            follow=True,
        ).text
        assert "Hanya camat Kencong yang dapat mengembalikan" in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "diajukan"

    def test_ajukan_tanpa_tanggal_ditolak(self, client, pk_2026):
        # A new PK has a date in its year (kecamatan.selectors.bawaan_dokumen); emptied here.
        PerjanjianKinerja.objects.filter(pk=pk_2026.pk).update(tanggal=None)
        teks = client.post(
            detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"}, follow=True
        ).text
        assert "Isi tanggal perjanjian sebelum mengajukan ke camat." in teks
        pk_2026.refresh_from_db()
        assert pk_2026.status == "draft"

    def test_pk_diajukan_tidak_dapat_diubah(self, client, pk_2026):
        data = isian(client.get(detail_url(pk_2026)))
        data["tanggal"] = "2026-01-15"
        client.post(detail_url(pk_2026), data)
        data = isian(client.get(detail_url(pk_2026)))
        client.post(detail_url(pk_2026), {"aksi": "ajukan", "konfirmasi": "1"})
        data[f"target_{target(pk_2026, 'ikm').id}"] = "70"
        teks = client.post(detail_url(pk_2026), data, follow=True).text
        assert "yang sudah diajukan tidak dapat diubah" in teks
        assert target(pk_2026, "ikm").nilai == Decimal("94")

    def test_draft_yang_salah_dapat_dihapus(self, client, pk_2026):
        teks = client.post(detail_url(pk_2026), {"aksi": "hapus"}, follow=True).text
        assert "Perjanjian Kinerja 2026 (draf) dihapus." in teks
        assert not PerjanjianKinerja.objects.filter(pk=pk_2026.pk).exists()
        assert "Buat Perjanjian Kinerja" in teks

    def test_pk_ditetapkan_tidak_dapat_dihapus(self, client, operator_kencong, kencong):
        pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="perubahan")
        client.force_login(operator_kencong)
        teks = client.post(detail_url(pk), {"aksi": "hapus"}, follow=True).text
        assert TERKUNCI in teks
        assert PerjanjianKinerja.objects.filter(pk=pk.pk).exists()

    def test_service_menolak_operator_menetapkan(self, pk_2026, operator_kencong):
        PerjanjianKinerja.objects.filter(pk=pk_2026.pk).update(status="diajukan")
        with pytest.raises(TransisiDitolak):
            perjanjian_tetapkan(perjanjian=pk_2026, oleh=operator_kencong)


class TestPerubahan:
    @pytest.fixture
    def pk_ditetapkan(self, pk_2026):
        PerjanjianKinerja.objects.filter(pk=pk_2026.pk).update(status="ditetapkan")
        pk_2026.refresh_from_db()
        return pk_2026

    def test_salinan_dari_pk_yang_ada_dan_aslinya_utuh(self, client, pk_ditetapkan):
        ikm = target(pk_ditetapkan, "ikm")
        sebelum = kolom_target(pk_ditetapkan)
        jejak = riwayat_pk(pk_ditetapkan)
        teks = client.get(detail_url(pk_ditetapkan)).text
        assert "Buat PK Perubahan" in teks
        response = client.post(daftar_url(), {"aksi": "perubahan", "dasar": "salin"})
        baru = PerjanjianKinerja.objects.get(tahun=2026, jenis="perubahan")
        assert response.url == detail_url(baru)
        assert baru.asal == pk_ditetapkan and baru.status == "draft"
        assert sorted(baru.target.values_list("indikator", "nilai", "huruf")) == sorted(
            (i, n, h) for _, i, n, h in sebelum
        )
        # The PK Perubahan is a draft of its own: changing it leaves the original alone.
        ubah(client, baru, ikm="96")
        assert target(baru, "ikm").nilai == Decimal("96")
        pk_ditetapkan.refresh_from_db()
        assert pk_ditetapkan.status == "ditetapkan"
        assert kolom_target(pk_ditetapkan) == sebelum
        assert target(pk_ditetapkan, "ikm").nilai == ikm.nilai
        assert riwayat_pk(pk_ditetapkan) == jejak
        teks = client.get(detail_url(baru)).text
        assert "mengubah" in teks and "Perjanjian Kinerja 2026" in teks

    def test_dari_renstra_lain_yang_berlaku(self, client, pk_ditetapkan, kencong):
        lama = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2021-2026")
        jejak = riwayat_pk(pk_ditetapkan)
        client.post(daftar_url(), {"aksi": "perubahan", "dasar": str(lama.id)})
        baru = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2026, jenis="perubahan")
        assert baru.renstra == lama and baru.asal == pk_ditetapkan
        assert target(baru, "ikm").nilai == Decimal("93")  # the 2021-2026 Renstra's 2026
        assert baru.target.count() == 6
        assert pk_ditetapkan.target.count() == 4 and riwayat_pk(pk_ditetapkan) == jejak

    def test_dasar_tidak_dikenal_ditolak(self, client, pk_ditetapkan):
        teks = client.post(daftar_url(), {"aksi": "perubahan", "dasar": "999999"}).text
        assert "Pilih salinan PK awal atau Renstra yang berlaku tahun ini." in teks
        assert not PerjanjianKinerja.objects.filter(tahun=2026, jenis="perubahan").exists()

    def test_perubahan_tanpa_pk_awal_ditolak(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.post(
            daftar_url(2027), {"aksi": "perubahan", "dasar": "salin"}, follow=True
        ).text
        assert "Buat Perjanjian Kinerja 2027 terlebih dahulu" in teks


class TestBanding:
    def test_kencong_2025_ikm_dan_anggaran_program(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.get(reverse("perjanjian:perjanjian-banding", args=["kencong", 2025])).text
        assert "Ya: 92,5 → 93,5" in teks
        assert "Ya: B (67) → 81" in teks
        assert "Hanya di PK Perubahan" in teks and "Hanya di PK awal" in teks
        assert "Rp 3.160.652.155,00" in teks and "Rp 2.911.311.160,40" in teks
        assert "Rp -249.340.994,60" in teks
        assert "Rp 4.667.506.655,00" in teks and "Rp 3.920.691.860,40" in teks

    def test_tahun_tanpa_perubahan(self, client, operator_kencong):
        client.force_login(operator_kencong)
        teks = client.get(reverse("perjanjian:perjanjian-banding", args=["kencong", 2026])).text
        assert "Belum ada Perjanjian Kinerja 2026." in teks

    def test_detail_pk_2025_menampilkan_anggaran_kolom_yang_dijanjikan(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        awal, perubahan = PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).order_by(
            "jenis"
        )
        teks = client.get(detail_url(awal)).text
        assert "Pagu sebelum perubahan" in teks and "Rp 4.667.506.655,00" in teks
        assert "sudah ditetapkan dan tidak dapat diubah oleh siapa pun" in teks
        teks = client.get(detail_url(perubahan)).text
        assert "Pagu sesudah perubahan" in teks and "Rp 3.920.691.860,40" in teks
        assert "P-APBD" in teks


class TestAkses:
    def urls(self, kencong_pk):
        return [
            daftar_url(2025),
            reverse("perjanjian:perjanjian-banding", args=["kencong", 2025]),
            detail_url(kencong_pk),
            # Patrang's own slug with Kencong's object id
            detail_url(kencong_pk, slug="patrang"),
            reverse("perjanjian:perjanjian-indikator-program", args=["patrang", kencong_pk.id]),
        ]

    def test_operator_patrang_mendapat_404(self, client, operator_patrang, kencong):
        pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
        with kunci_dilepas():
            PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="diajukan")
        client.force_login(operator_patrang)
        for url in self.urls(pk):
            assert client.get(url).status_code == 404, url
            for aksi in ("ubah", "ajukan", "tetapkan", "kembalikan", "buat", "perubahan"):
                assert client.post(url, {"aksi": aksi, "komentar": "x"}).status_code == 404
        pk.refresh_from_db()
        assert pk.status == "diajukan"

    def test_bappeda_membaca_tetapi_tidak_dapat_post(self, client, bappeda, kencong):
        pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
        with kunci_dilepas():
            PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="diajukan")
        client.force_login(bappeda)
        teks = client.get(detail_url(pk)).text
        assert "Indeks Kepuasan Masyarakat" in teks
        assert "Ajukan ke camat" not in teks and "Tetapkan Perjanjian Kinerja" not in teks
        assert client.get(daftar_url(2026)).status_code == 200
        assert "Buat Perjanjian Kinerja" not in client.get(daftar_url(2026)).text
        for aksi in ("tetapkan", "kembalikan", "ajukan"):
            response = client.post(detail_url(pk), {"aksi": aksi, "komentar": "x"})
            assert response.status_code == 403
            assert "Hanya operator atau camat kecamatan ini" in response.text
        assert client.post(daftar_url(2026), {"aksi": "buat"}).status_code == 403
        pk.refresh_from_db()
        assert pk.status == "diajukan"

    def test_tamu_diarahkan_ke_halaman_masuk(self, client, kencong):
        response = client.get(daftar_url(2025))
        assert response.status_code == 302 and "/masuk/" in response.url


class TestJumlahQuery:
    def test_daftar_dan_detail_tidak_bertambah_dengan_jumlah_indikator(
        self, client, operator_kencong, pk_2026, renstra_2025, django_assert_max_num_queries
    ):
        sasaran = renstra_2025.tujuan.first().sasaran.first()
        ukuran = Ukuran.objects.filter(kabupaten__slug="jember").first()

        def tambah(n):
            ind = Indikator.objects.create(
                sasaran=sasaran, ukuran=ukuran, urutan=10 + n, nama=f"Indikator {n}", satuan="%"
            )
            TargetIndikator.objects.create(indikator=ind, tahun=2026, nilai=Decimal(n + 1))
            TargetPerjanjian.objects.create(
                perjanjian=pk_2026, indikator=ind, urutan=10 + n, nilai=Decimal(50)
            )
            program = Program.objects.create(
                kecamatan=pk_2026.kecamatan, tahun=2026, kode=str(n), nama=f"Program {n}"
            )
            program.sasaran.add(sasaran)
            kegiatan = Kegiatan.objects.create(program=program, kode=f"{n}.1", nama="K")
            SubKegiatan.objects.create(kegiatan=kegiatan, kode=f"{n}.1.1", nama="S", pagu_awal=1)

        def buka():
            assert client.get(daftar_url()).status_code == 200
            assert client.get(detail_url(pk_2026)).status_code == 200

        tambah(0)
        with django_assert_max_num_queries(40) as sedikit:
            buka()
        batas = len(sedikit.captured_queries)  # read now: each request resets the query log
        for n in range(1, 21):
            tambah(n)
        with django_assert_max_num_queries(batas):
            buka()
        teks = client.get(detail_url(pk_2026)).text
        assert "Indikator 20" in teks and "Program 20" in teks
