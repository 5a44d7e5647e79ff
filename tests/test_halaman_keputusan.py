"""The IKU decree pages: the camat of Kencong makes the decree of the Renstra 2025-2029 from the
usual texts, chooses the lampiran and tetapkan; the operator cannot; nobody changes it after;
Bappeda reads; the operator of Patrang reaches none of it."""

import re
from html import unescape

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from iku.models import Diktum, Indikator, IndikatorKeputusan, KeputusanIKU, Renstra
from iku.services import indikator_renstra
from kecamatan.models import Pejabat
from sakip.konkurensi import PESAN_BASI

BARU = "Renstra 2025-2029"
PERUBAHAN = "Renstra Perubahan 2021-2026"
NOMOR_BARU = "000.7.2.7/40/35.09.02/2026"

KONFIRMASI = {"konfirmasi": "1"}  # what the confirmation page sends with the step


def url(nama, *args, slug="kencong"):
    return reverse(f"iku:{nama}", args=[slug, *args])


def renstra(kencong, nama=BARU) -> Renstra:
    return Renstra.objects.get(kecamatan=kencong, nama=nama)


def teks(response) -> str:
    return unescape(response.content.decode())


def isian(form, prefix_formset=None) -> dict:
    """What the browser sends back for an untouched form (or formset)."""
    data = {}
    for bf in form:
        nilai = bf.value()
        if isinstance(bf.field.widget, forms.CheckboxInput):
            if nilai:
                data[bf.html_name] = "on"
        else:
            t = bf.field.widget.format_value(nilai)
            data[bf.html_name] = "" if t is None else t
    return data


def isian_formset(formset) -> dict:
    data = isian(formset.management_form)
    for f in formset:
        data.update(isian(f))
    return data


def isian_halaman(response) -> dict:
    data = isian(response.context["form"])
    data.update(isian_formset(response.context["formset"]))
    return data


def buat(client, kencong, r=None, **ubah):
    r = r or renstra(kencong)
    response = client.get(url("keputusan-buat", r.pk))
    data = isian_halaman(response)
    data.update(nomor=NOMOR_BARU, **ubah)
    return client.post(url("keputusan-buat", r.pk), data, follow=True)


@pytest.fixture
def draft(client, camat_kencong, kencong):
    """The camat's draft decree for the Renstra 2025-2029 (made through the page)."""
    client.force_login(camat_kencong)
    buat(client, kencong)
    client.logout()
    return KeputusanIKU.objects.get(kecamatan=kencong, nomor=NOMOR_BARU)


def lampiran(keputusan) -> dict[str, int]:
    return {
        b.indikator.nama: b.lampiran
        for b in IndikatorKeputusan.objects.filter(keputusan=keputusan).select_related("indikator")
    }


# --- list --------------------------------------------------------------------------------------


class TestDaftarKeputusan:
    def test_daftar_per_renstra_dengan_status(self, client, operator_kencong):
        client.force_login(operator_kencong)
        response = client.get(url("keputusan-daftar"))
        assert response.status_code == 200
        t = teks(response)
        assert "000.7.2.7/32/35.09.02/2025" in t and "000.8.6.3/22/35.09.02/2025" in t
        assert "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember" in t
        assert "Ditetapkan" in t and "Lampiran 1 dan 2" in t and "Satu tabel" in t
        assert t.count("Buat Keputusan IKU") == 2

    def test_bappeda_membaca_tanpa_tombol_buat(self, client, bappeda):
        client.force_login(bappeda)
        response = client.get(url("keputusan-daftar"))
        assert response.status_code == 200
        assert "000.7.2.7/32/35.09.02/2025" in response.text
        assert "Buat Keputusan IKU" not in response.text

    def test_jumlah_query_tidak_tumbuh_dengan_jumlah_keputusan(
        self, client, operator_kencong, kencong, django_assert_max_num_queries
    ):
        client.force_login(operator_kencong)
        with django_assert_max_num_queries(20) as awal:
            client.get(url("keputusan-daftar"))
        r = renstra(kencong)
        for n in range(5):
            KeputusanIKU.objects.create(
                kecamatan=kencong,
                renstra=r,
                nomor=f"uji/{n}",
                tempat="Jember",
                menimbang="a",
                mengingat="b",
                penandatangan_nama="X",
                penandatangan_jabatan="Camat",
            )
        with django_assert_max_num_queries(len(awal.captured_queries)):
            response = client.get(url("keputusan-daftar"))
        assert "uji/4" in response.text


# --- create ------------------------------------------------------------------------------------


class TestBuatKeputusan:
    def test_formulir_renstra_2025_2029_terisi_teks_baku_lampiran_terpisah(
        self, client, camat_kencong, kencong
    ):
        client.force_login(camat_kencong)
        response = client.get(url("keputusan-buat", renstra(kencong).pk))
        assert response.status_code == 200
        data = isian_halaman(response)
        assert data["tentang"] == "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember"
        assert data["tata_letak"] == ["terpisah"]
        assert data["tempat"] == "Jember"
        assert data["menimbang"].count("\n") == 2  # three butir: a, b, c
        assert "Peraturan Daerah Kabupaten Jember Nomor 3 Tahun 2025" in data["mengingat"]
        diktum = [data[f"diktum-{i}-isi"] for i in range(8)]
        assert diktum[0] == "Indikator Kinerja Kecamatan Kencong Kabupaten Jember"
        assert "1. Indikator Kinerja Utama\n2. Indikator Kinerja Lainnya" in diktum[1]
        assert "a. Perencanaan Strategis di Lingkup Kecamatan Kencong" in diktum[4]
        assert diktum[6] == "Keputusan ini mulai berlaku pada tanggal ditetapkan"
        assert diktum[7] == ""  # a blank slot for a new diktum
        assert "KETUJUH" in response.text
        # the signatory: the camat of Kencong in office today (from 23 September 2025), NIP
        # printed in groups
        assert data["penandatangan_nama"] == "Ronny Arvianto, S.E., M.M."
        assert data["penandatangan_jabatan"] == "Camat Kencong"
        assert data["penandatangan_pangkat"] == "Pembina / IV.a"
        assert data["penandatangan_nip"] == "19770827 200212 1 006"
        assert "Sdr. Sekretaris Daerah Kabupaten Jember" in data["tembusan"]

    def test_renstra_yang_semua_indikatornya_iku_memakai_tata_letak_lama(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        response = client.get(url("keputusan-buat", renstra(kencong, PERUBAHAN).pk))
        data = isian_halaman(response)
        assert data["tata_letak"] == ["tunggal"]
        assert data["tentang"] == "Indikator Kinerja Utama Kecamatan Kencong Kabupaten Jember"
        assert data["tempat"] == "Kencong"
        assert (
            data["diktum-4-isi"]
            == "Keputusan Camat Kencong ini mulai berlaku pada tanggal ditetapkan."
        )
        assert data["diktum-TOTAL_FORMS"] == "6"

    def test_teks_baku_tata_letak_lain_dapat_dipilih(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        response = client.get(
            url("keputusan-buat", renstra(kencong, PERUBAHAN).pk), {"tata_letak": "terpisah"}
        )
        assert isian_halaman(response)["tentang"].startswith("Indikator Kinerja pada Kecamatan")

    def test_nama_kecamatan_lain_masuk_ke_teks(self, client, operator_patrang, patrang):
        client.force_login(operator_patrang)
        r = Renstra.objects.filter(kecamatan=patrang).first()
        response = client.get(url("keputusan-buat", r.pk, slug="patrang"))
        data = isian_halaman(response)
        assert "Kecamatan Patrang Kabupaten Jember" in data["tentang"]
        assert "Kencong" not in " ".join(str(v) for v in data.values())

    def test_penandatangan_camat_yang_terakhir_menjabat(self, client, operator_kencong, kencong):
        Pejabat.objects.create(
            kabupaten=kencong.kabupaten,
            kecamatan=kencong,
            nama="Camat Baru, S.STP",
            jabatan="Camat Kencong",
            nip="198001012005011001",
            mulai="2026-01-05",
        )
        Pejabat.objects.create(
            kabupaten=kencong.kabupaten,
            kecamatan=kencong,
            nama="Sekretaris",
            jabatan="Sekretaris Camat Kencong",
        )
        client.force_login(operator_kencong)
        data = isian_halaman(client.get(url("keputusan-buat", renstra(kencong).pk)))
        assert data["penandatangan_nama"] == "Camat Baru, S.STP"

    def test_camat_membuat_draft_dengan_nip_berspasi(self, client, camat_kencong, kencong):
        client.force_login(camat_kencong)
        response = buat(client, kencong, penandatangan_nip="19770827 200212 1 006")
        k = KeputusanIKU.objects.get(kecamatan=kencong, nomor=NOMOR_BARU)
        assert response.redirect_chain[-1][0] == url("keputusan-detail", k.pk)
        assert "Draf keputusan dibuat." in response.text
        assert k.status == "draft" and k.penandatangan_nip == "197708272002121006"
        assert k.tentang == "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember"
        assert k.diktum.count() == 7
        assert k.diktum.get(urutan=7).label == "KETUJUH"
        assert k.menimbang.splitlines()[1].startswith("bahwa sebagai pelaksanaan ketentuan")
        # the lampiran start from the Renstra's jenis
        assert lampiran(k) == {
            "Indeks Pelayanan Publik Kecamatan": 1,
            "Indeks Kepuasan Masyarakat": 1,
            "Persentase Capaian Kinerja Program yang Tercapai": 2,
            "Nilai SAKIP Kecamatan": 2,
        }
        assert "Indikator dalam lampiran" in response.text
        assert "Riwayat perubahan" in response.text and "camat.kencong" in response.text

    def test_isian_salah_diberi_pesan_dan_tidak_ada_yang_disimpan(
        self, client, camat_kencong, kencong
    ):
        client.force_login(camat_kencong)
        sebelum = KeputusanIKU.objects.count()
        r = renstra(kencong)
        data = isian_halaman(client.get(url("keputusan-buat", r.pk)))
        data.update(
            nomor="000.7.2.7/32/35.09.02/2025",  # the existing decree's
            penandatangan_nip="1977 0827 2002",
            menimbang="\n \n",
            tanggal="31-02-2026",
        )
        for i in range(8):
            data[f"diktum-{i}-isi"] = ""
        response = client.post(url("keputusan-buat", r.pk), data)
        assert response.status_code == 200
        t = teks(response)
        assert "Nomor ini sudah dipakai keputusan lain kecamatan ini." in t
        assert "NIP harus 18 angka; yang diketik 12 angka. Contoh: 19730206 200312 1 002." in t
        assert "Bidang ini tidak boleh kosong." in t  # menimbang of blank lines only
        assert "Tanggal 31 tidak ada pada bulan Februari 2026." in t
        assert "Keputusan memerlukan sekurang-kurangnya satu diktum." in t
        assert 'value="1977 0827 2002"' in response.text  # typing kept
        assert KeputusanIKU.objects.count() == sebelum

    def test_bappeda_tidak_dapat_membuat(self, client, bappeda, kencong):
        client.force_login(bappeda)
        r = renstra(kencong)
        assert client.get(url("keputusan-buat", r.pk)).status_code == 403
        assert client.post(url("keputusan-buat", r.pk), {"nomor": "x"}).status_code == 403
        assert not KeputusanIKU.objects.filter(nomor="x").exists()


# --- detail, lampiran, tetapkan ---------------------------------------------------------------


class TestDraftKeputusan:
    def test_camat_memilih_lampiran_dan_jenis_indikator_mengikutinya(
        self, client, camat_kencong, kencong, draft
    ):
        client.force_login(camat_kencong)
        response = client.get(url("keputusan-detail", draft.pk))
        form = response.context["form_lampiran"]
        data = isian(form)
        data["bagian"] = "lampiran"
        r = renstra(kencong)
        sakip = indikator_renstra(r).get(nama="Nilai SAKIP Kecamatan")
        program = indikator_renstra(r).get(nama="Persentase Capaian Kinerja Program yang Tercapai")
        ikm = indikator_renstra(r).get(nama="Indeks Kepuasan Masyarakat")
        data[f"lampiran_{sakip.pk}"] = "1"
        data[f"urutan_{sakip.pk}"] = "3"
        data[f"lampiran_{program.pk}"] = ""  # left out of the decree
        data[f"lampiran_{ikm.pk}"] = "2"
        response = client.post(url("keputusan-detail", draft.pk), data, follow=True)
        assert "Indikator lampiran disimpan" in response.text
        assert lampiran(draft) == {
            "Indeks Pelayanan Publik Kecamatan": 1,
            "Nilai SAKIP Kecamatan": 1,
            "Indeks Kepuasan Masyarakat": 2,
        }
        assert IndikatorKeputusan.objects.get(keputusan=draft, indikator=sakip).urutan == 3
        assert Indikator.objects.get(pk=sakip.pk).jenis == "iku"
        assert Indikator.objects.get(pk=ikm.pk).jenis == "lainnya"
        assert Indikator.objects.get(pk=program.pk).jenis == "lainnya"  # untouched

    def test_tanpa_iku_atau_lampiran_2_pada_tata_letak_tunggal_ditolak(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        buat(client, kencong, r=renstra(kencong, PERUBAHAN))
        k = KeputusanIKU.objects.get(nomor=NOMOR_BARU)
        assert k.tata_letak == "tunggal" and len(lampiran(k)) == 6
        data = isian(client.get(url("keputusan-detail", k.pk)).context["form_lampiran"])
        data["bagian"] = "lampiran"
        ikm = indikator_renstra(k.renstra).get(nama="Indeks Kepuasan Masyarakat")
        data[f"lampiran_{ikm.pk}"] = "2"
        response = client.post(url("keputusan-detail", k.pk), data)
        assert "Tata letak keputusan ini satu tabel: hanya Lampiran 1." in teks(response)
        for kunci in [k for k in data if k.startswith("lampiran_")]:
            data[kunci] = ""
        response = client.post(url("keputusan-detail", k.pk), data)
        assert "Pilih sekurang-kurangnya satu indikator untuk Lampiran 1 (IKU)." in teks(response)
        assert len(lampiran(k)) == 6
        assert Indikator.objects.get(pk=ikm.pk).jenis == "iku"

    def test_mengubah_isi_menghapus_dan_menambah_diktum(
        self, client, operator_kencong, kencong, draft
    ):
        client.force_login(operator_kencong)
        response = client.get(url("keputusan-detail", draft.pk))
        data = isian_halaman(response)
        data["bagian"] = "isi"
        data["tanggal"] = "2026-01-15"
        data["mengingat"] = (
            data["mengingat"] + "\r\n\r\nPeraturan Bupati Jember Nomor 1 Tahun 2026;"
        )
        data["diktum-5-DELETE"] = "on"  # KEENAM goes
        data["diktum-7-isi"] = "Hal-hal lain diatur kemudian."
        response = client.post(url("keputusan-detail", draft.pk), data, follow=True)
        assert "Isi keputusan disimpan." in response.text
        draft.refresh_from_db()
        assert str(draft.tanggal) == "2026-01-15"
        assert draft.mengingat.splitlines()[-1] == "Peraturan Bupati Jember Nomor 1 Tahun 2026;"
        assert "\n\n" not in draft.mengingat
        isi = list(Diktum.objects.filter(keputusan=draft).values_list("isi", flat=True))
        assert len(isi) == 7
        assert isi[5] == "Keputusan ini mulai berlaku pada tanggal ditetapkan"
        assert isi[6] == "Hal-hal lain diatur kemudian."
        assert "15 Januari 2026" in response.text  # the naskah preview

    def test_tata_letak_tunggal_ditolak_selama_ada_lampiran_2(
        self, client, operator_kencong, draft
    ):
        client.force_login(operator_kencong)
        data = isian_halaman(client.get(url("keputusan-detail", draft.pk)))
        data.update(bagian="isi", tata_letak="tunggal")
        response = client.post(url("keputusan-detail", draft.pk), data)
        assert "Tata letak satu tabel hanya memuat Lampiran 1 (IKU)." in teks(response)
        assert KeputusanIKU.objects.get(pk=draft.pk).tata_letak == "terpisah"

    def test_simpan_isi_atas_data_basi_ditolak(
        self, client, operator_kencong, camat_kencong, draft
    ):
        client.force_login(operator_kencong)
        lain = Client()
        lain.force_login(camat_kencong)
        data_1 = isian_halaman(client.get(url("keputusan-detail", draft.pk)))
        data_2 = isian_halaman(lain.get(url("keputusan-detail", draft.pk)))
        data_1.update(bagian="isi", tempat="Kencong")
        client.post(url("keputusan-detail", draft.pk), data_1)
        data_2.update(bagian="isi", tentang="Diubah camat")
        response = lain.post(url("keputusan-detail", draft.pk), data_2)
        assert PESAN_BASI in teks(response)
        draft.refresh_from_db()
        assert (draft.tempat, draft.tentang) == (
            "Kencong",
            "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember",
        )

    def test_operator_tidak_melihat_tombol_tetapkan_dan_ditolak_bila_mengirimnya(
        self, client, operator_kencong, draft
    ):
        client.force_login(operator_kencong)
        response = client.get(url("keputusan-detail", draft.pk))
        assert "Tetapkan</button>" not in response.text
        assert "camat menetapkannya" in response.text
        response = client.post(url("keputusan-tetapkan", draft.pk))
        assert response.status_code == 403
        assert "Hanya camat kecamatan ini yang dapat menetapkan keputusan IKU." in teks(response)
        assert KeputusanIKU.objects.get(pk=draft.pk).status == "draft"

    def test_keputusan_tanpa_tanggal_belum_dapat_ditetapkan(self, client, camat_kencong, kencong):
        client.force_login(camat_kencong)
        buat(client, kencong, tanggal="")
        k = KeputusanIKU.objects.get(nomor=NOMOR_BARU)
        response = client.post(url("keputusan-tetapkan", k.pk), KONFIRMASI, follow=True)
        assert "Keputusan belum dapat ditetapkan: tanggal penetapan belum diisi." in teks(response)
        assert KeputusanIKU.objects.get(pk=k.pk).status == "draft"

    def test_camat_menetapkan_lalu_tidak_ada_yang_dapat_mengubah(
        self, client, camat_kencong, operator_kencong, kencong, draft
    ):
        client.force_login(camat_kencong)
        sebelum = isian_halaman(client.get(url("keputusan-detail", draft.pk)))
        lampiran_sebelum = isian(
            client.get(url("keputusan-detail", draft.pk)).context["form_lampiran"]
        )
        assert "Tetapkan</button>" in client.get(url("keputusan-detail", draft.pk)).text

        response = client.post(url("keputusan-tetapkan", draft.pk), KONFIRMASI, follow=True)
        assert "Keputusan ditetapkan. Isinya kini tidak dapat diubah." in response.text
        draft.refresh_from_db()
        assert draft.status == "ditetapkan"
        t = teks(response)
        assert "Keputusan yang sudah ditetapkan tidak dapat diubah oleh siapa pun." in t
        assert 'name="bagian"' not in t and "Tetapkan</button>" not in t  # read-only
        assert "Lampiran 2. Indikator Kinerja Lainnya" in t  # the naskah with its lampiran
        assert "NIP. 19770827 200212 1 006" in t
        assert "Dibuat" in t and "Diubah" in t  # history: created, then status changed

        # the camat, then the operator, try to change it anyway
        for user in (camat_kencong, operator_kencong):
            client.force_login(user)
            ubah = dict(sebelum, bagian="isi", tentang="Diubah sesudah ditetapkan")
            response = client.post(url("keputusan-detail", draft.pk), ubah, follow=True)
            assert KeputusanIKU.PESAN_TERKUNCI in teks(response)
            response = client.post(
                url("keputusan-detail", draft.pk), dict(lampiran_sebelum, bagian="lampiran")
            )
            assert response.status_code == 302
            response = client.post(url("keputusan-hapus", draft.pk), follow=True)
            assert KeputusanIKU.PESAN_TERKUNCI in teks(response)
        response = client.post(url("keputusan-tetapkan", draft.pk), KONFIRMASI, follow=True)
        assert response.status_code == 403  # the operator is still not the camat
        client.force_login(camat_kencong)
        response = client.post(url("keputusan-tetapkan", draft.pk), KONFIRMASI, follow=True)
        assert "Keputusan ini sudah ditetapkan." in teks(response)

        draft.refresh_from_db()
        assert draft.tentang == "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember"
        assert draft.status == "ditetapkan"
        assert len(lampiran(draft)) == 4 and draft.diktum.count() == 7

    def test_draft_dapat_dihapus(self, client, operator_kencong, draft):
        client.force_login(operator_kencong)
        response = client.post(url("keputusan-hapus", draft.pk), follow=True)
        assert f"Draf keputusan {NOMOR_BARU} dihapus." in response.text
        assert not KeputusanIKU.objects.filter(pk=draft.pk).exists()

    def test_bappeda_membaca_naskah_tetapi_tidak_dapat_mengubah(
        self, client, bappeda, kencong, draft
    ):
        client.force_login(bappeda)
        response = client.get(url("keputusan-detail", draft.pk))
        assert response.status_code == 200
        t = teks(response)
        assert "MEMUTUSKAN" in t and "KETUJUH" in t
        assert 'name="bagian"' not in t and "Tetapkan</button>" not in t
        for nama in ("keputusan-detail", "keputusan-tetapkan", "keputusan-hapus"):
            response = client.post(url(nama, draft.pk), {"bagian": "isi", "tentang": "X"})
            assert response.status_code == 403, nama
        draft.refresh_from_db()
        assert draft.status == "draft" and draft.tentang != "X"

    def test_naskah_ditetapkan_kencong_dari_data(self, client, bappeda, kencong):
        client.force_login(bappeda)
        k = KeputusanIKU.objects.get(kecamatan=kencong, nomor="000.8.6.3/22/35.09.02/2025")
        t = re.sub(r"\s+", " ", teks(client.get(url("keputusan-detail", k.pk))))
        assert "Indikator Kinerja Utama (IKU) Kecamatan Kencong" in t
        assert "Muhammad Najmul Huda, S.STP, M.Si" in t
        assert "Ditetapkan di Kencong" in t and "10 Februari 2025" in t
        assert "KELIMA" in t

    def test_jumlah_query_halaman_keputusan_terbatas(
        self, client, operator_kencong, kencong, draft, django_assert_max_num_queries
    ):
        client.force_login(operator_kencong)
        with django_assert_max_num_queries(40) as awal:
            client.get(url("keputusan-detail", draft.pk))
        from tests.test_halaman_renstra import _tambah_indikator

        for ind in _tambah_indikator(renstra(kencong), kencong, 4):
            IndikatorKeputusan.objects.create(keputusan=draft, indikator=ind, lampiran=1)
        with django_assert_max_num_queries(len(awal.captured_queries)):
            response = client.get(url("keputusan-detail", draft.pk))
        assert "Indikator uji 3" in response.text


# --- nobody reaches another kecamatan --------------------------------------------------------


@pytest.mark.parametrize("metode", ["get", "post"])
def test_operator_patrang_mendapat_404_pada_setiap_halaman_keputusan_kencong(
    client, operator_patrang, kencong, draft, metode
):
    client.force_login(operator_patrang)
    r = renstra(kencong)
    halaman = {
        "keputusan-daftar": (),
        "keputusan-buat": (r.pk,),
        "keputusan-detail": (draft.pk,),
        "keputusan-tetapkan": (draft.pk,),
        "keputusan-hapus": (draft.pk,),
    }
    for nama, args in halaman.items():
        for slug in ("kencong", "patrang"):
            if slug == "patrang" and not args:
                continue
            response = getattr(client, metode)(url(nama, *args, slug=slug))
            assert response.status_code == 404, f"{metode} {nama} {slug}: {response.status_code}"
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_kolom_tugas_dan_penutup_keputusan_disimpan_dari_halaman(client, operator_kencong, kencong):
    """What a decree prints of its own is typed on its page: the columns one per line
    ("kunci: Judul"), its tugas and fungsi, a closing text; a wrong column key is refused with
    a message and nothing is stored."""
    client.force_login(operator_kencong)
    response = buat(client, kencong, kolom_lampiran="indikator IKU")
    assert "tulis kunci kolom, titik dua, lalu judulnya" in teks(response)
    assert not KeputusanIKU.objects.filter(nomor=NOMOR_BARU).exists()
    response = buat(
        client,
        kencong,
        kolom_lampiran="kinerja: Sasaran Strategis\nindikator: IKU\nsumber_data: Sumber Data",
        tugas="a. Menyelenggarakan urusan pemerintahan umum;\nb. Melaksanakan tugas lain.",
        penutup="a. NON RUTIN\n- Tujuan : satu",
    )
    keputusan = KeputusanIKU.objects.get(nomor=NOMOR_BARU)
    assert keputusan.kolom_lampiran == [
        ["kinerja", "Sasaran Strategis"],
        ["indikator", "IKU"],
        ["sumber_data", "Sumber Data"],
    ]
    assert keputusan.tugas.splitlines() == [
        "a. Menyelenggarakan urusan pemerintahan umum;",
        "b. Melaksanakan tugas lain.",
    ]
    halaman = teks(client.get(url("keputusan-detail", keputusan.pk)))
    assert "<th>Sasaran Strategis</th><th>IKU</th><th>Sumber Data</th>" in halaman
    assert "Melaksanakan tugas lain." in halaman and "NON RUTIN" in halaman
