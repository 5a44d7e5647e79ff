"""The kecamatan keeps its yearly profile (BAB I of the LKIP) and its Renstra's alignment with
the RPJMD (BAB II) on its own pages, without the Django admin: the operator of Kencong enters
rows of Tabel 1.1 and 1.2 through the grids and the LKIP's context carries them; a new year
starts from a copy of last year's profile, previewed first; Patrang's operator reaches none of
it; an approved LKIP locks what it printed and the page says why; strategi and kebijakan per
sasaran are printed in BAB II."""

import re
from html import unescape

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iku.models import Renstra, Sasaran, Tujuan
from kecamatan.models import KomposisiSDM, ProfilTahunan, SaranaPrasarana
from laporan.isi_lkip.awal import konteks_awal
from laporan.models import LaporanKinerja

BARU = "Renstra 2025-2029"
PERUBAHAN = "Renstra Perubahan 2021-2026"


def url(nama, *args, slug="kencong"):
    return reverse(nama, args=[slug, *args])


def teks(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def isian_html(response) -> dict:
    """The name → value pairs a browser would submit from the page's form as shown (text
    inputs, hidden inputs, text areas, the selected option of a select; checkboxes left out)."""
    html = response.content.decode()
    data = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        nama = re.search(r'\bname="([^"]*)"', tag)
        if not nama or " disabled" in tag or re.search(r'type="(checkbox|submit|file)"', tag):
            continue
        nilai = re.search(r'\bvalue="([^"]*)"', tag)
        data[unescape(nama.group(1))] = unescape(nilai.group(1)) if nilai else ""
    for nama, isi in re.findall(
        r'<textarea\b[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', html, re.S
    ):
        data[nama] = unescape(isi).lstrip("\n")
    for nama, isi in re.findall(r'<select\b[^>]*name="([^"]*)"[^>]*>(.*?)</select>', html, re.S):
        pilih = re.search(r'<option value="([^"]*)"[^>]*selected', isi)
        data[nama] = unescape(pilih.group(1)) if pilih else ""
    return data


def baris_baru(data: dict, nilai: dict) -> dict:
    """Fill the first empty row of a grid (the one after the stored rows)."""
    nomor = int(data["baris-INITIAL_FORMS"])
    data.update({f"baris-{nomor}-{k}": v for k, v in nilai.items()})
    return data


def lkip(kencong, tahun=2025) -> LaporanKinerja:
    return LaporanKinerja.objects.get(kecamatan=kencong, tahun=tahun)


def tetapkan_lkip(kencong, tahun=2025) -> None:
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=tahun).update(status="ditetapkan")


SDM_BARU = {
    "jabatan": "4. Fungsional Uji",
    "kebutuhan_sd": "0",
    "kebutuhan_sma": "0",
    "kebutuhan_d3": "1",
    "kebutuhan_s1": "2",
    "kebutuhan_s2": "0",
    "bezetting_sd": "0",
    "bezetting_sma": "0",
    "bezetting_d3": "1",
    "bezetting_s1": "1",
    "bezetting_s2": "0",
    "laki_laki": "1",
    "perempuan": "1",
}

SARANA_BARU = {
    "kelompok": "peralatan_mesin",
    "nama": "Proyektor Uji Ruang Rapat",
    "jumlah": "2",
    "kondisi": "baik",
    "jumlah_ideal": "3",
}


class TestTabelProfil:
    def test_operator_mengisi_baris_sdm_dan_sarana_lalu_bab_i_lkip_memuatnya(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        halaman = client.get(url("kecamatan:profil-sdm", 2025))
        assert "Tabel 1.1 Komposisi SDM — tahun 2025" in teks(halaman)
        data = baris_baru(isian_html(halaman), SDM_BARU)
        response = client.post(url("kecamatan:profil-sdm", 2025), data, follow=True)
        assert "Tabel 1.1 Komposisi SDM tahun 2025 disimpan" in teks(response)

        halaman = client.get(url("kecamatan:profil-sarana", 2025))
        data = baris_baru(isian_html(halaman), SARANA_BARU)
        response = client.post(url("kecamatan:profil-sarana", 2025), data, follow=True)
        assert "Tabel 1.2 Sarana dan prasarana tahun 2025 disimpan" in teks(response)

        profil = konteks_awal(lkip(kencong))["awal"].profil
        sdm = {b.jabatan: b for b in profil.sdm.baris}
        assert sdm["4. Fungsional Uji"].kebutuhan == (3, 0, 0, 1, 2, 0)
        assert sdm["4. Fungsional Uji"].bezetting == (2, 0, 0, 1, 1, 0)
        assert list(sdm)[-1] == "4. Fungsional Uji"  # printed after the stored rows
        peralatan = {b.nama: b for k in profil.sarana_prasarana.kelompok for b in k.baris}
        assert peralatan["Proyektor Uji Ruang Rapat"].jumlah == 2
        assert peralatan["Proyektor Uji Ruang Rapat"].jumlah_ideal == 3

    def test_jenis_kelamin_tidak_sama_bezetting_ditolak_dengan_pesan(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        sebelum = KomposisiSDM.objects.filter(profil__kecamatan=kencong).count()
        halaman = client.get(url("kecamatan:profil-sdm", 2025))
        data = baris_baru(isian_html(halaman), {**SDM_BARU, "perempuan": "3"})
        response = client.post(url("kecamatan:profil-sdm", 2025), data)
        assert "Tidak ada yang disimpan" in teks(response)
        assert (
            "Laki-laki (1) ditambah perempuan (3) harus sama dengan jumlah bezetting (2)."
            in teks(response)
        )
        assert KomposisiSDM.objects.filter(profil__kecamatan=kencong).count() == sebelum

    def test_menghapus_baris_dan_mengubah_uraian(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        pertama = profil.isu_strategis.order_by("urutan").first()
        halaman = client.get(url("kecamatan:profil-isu", 2025))
        data = isian_html(halaman)
        data["baris-0-DELETE"] = "on"
        client.post(url("kecamatan:profil-isu", 2025), data)
        assert not profil.isu_strategis.filter(pk=pertama.pk).exists()

        halaman = client.get(url("kecamatan:profil", 2025))
        data = isian_html(halaman)
        data["tugas"] = "a. tugas pertama\nb. tugas kedua"
        response = client.post(url("kecamatan:profil", 2025), data, follow=True)
        assert "Uraian profil tahun 2025 disimpan." in teks(response)
        assert konteks_awal(lkip(kencong))["awal"].profil.tugas == (
            "a. tugas pertama",
            "b. tugas kedua",
        )


class TestSalinProfil:
    def test_pratinjau_tidak_menyimpan_lalu_konfirmasi_menyalin_yang_belum_ada(
        self, client, operator_kencong, kencong
    ):
        client.force_login(operator_kencong)
        asal = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        ProfilTahunan.objects.create(kecamatan=kencong, tahun=2026, tugas="Tugas baru 2026")

        halaman = client.get(url("kecamatan:profil", 2026))
        assert "Salin dari profil tahun 2025" in teks(halaman)
        pratinjau = client.get(url("kecamatan:profil-salin", 2026))
        isi = teks(pratinjau)
        assert "Belum ada yang disimpan" in isi
        assert "Tugas " in isi and "sudah terisi, dipertahankan" in isi
        assert "Tabel 1.1 Komposisi SDM" in isi and "akan disalin" in isi
        baru = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2026)
        assert (baru.fungsi, baru.komposisi_sdm.count()) == ("", 0)  # nothing saved yet

        response = client.post(
            url("kecamatan:profil-salin", 2026), isian_html(pratinjau), follow=True
        )
        assert "Profil tahun 2025 disalin ke tahun 2026" in teks(response)
        baru.refresh_from_db()
        assert baru.tugas == "Tugas baru 2026"  # kept
        assert baru.fungsi == asal.fungsi
        assert baru.komposisi_sdm.count() == asal.komposisi_sdm.count() > 0
        assert baru.sarana_prasarana.count() == asal.sarana_prasarana.count() > 0
        assert asal.komposisi_sdm.count() == KomposisiSDM.objects.filter(profil=asal).count()

        # a second confirmation has nothing left to copy and says so
        response = client.post(url("kecamatan:profil-salin", 2026), {"dari": 2025}, follow=True)
        assert "Tidak ada yang perlu disalin" in teks(response)
        assert baru.komposisi_sdm.count() == asal.komposisi_sdm.count()


def test_operator_patrang_tidak_dapat_mengubah_profil_kencong(client, operator_patrang, kencong):
    client.force_login(operator_patrang)
    sebelum = SaranaPrasarana.objects.filter(profil__kecamatan=kencong).count()
    for nama in ("profil", "profil-sdm", "profil-sarana", "profil-isu", "profil-salin"):
        assert client.get(url(f"kecamatan:{nama}", 2025)).status_code == 404
    data = {
        "baris-TOTAL_FORMS": "1",
        "baris-INITIAL_FORMS": "0",
        **{f"baris-0-{k}": v for k, v in SARANA_BARU.items()},
    }
    assert client.post(url("kecamatan:profil-sarana", 2025), data).status_code == 404
    assert client.post(url("kecamatan:profil-salin", 2026), {"dari": 2025}).status_code == 404
    assert SaranaPrasarana.objects.filter(profil__kecamatan=kencong).count() == sebelum
    assert not ProfilTahunan.objects.filter(kecamatan=kencong, tahun=2026).exists()


def test_profil_tahun_yang_lkipnya_ditetapkan_menolak_dengan_alasannya(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    halaman_sdm = client.get(url("kecamatan:profil-sdm", 2025))
    data_sdm = baris_baru(isian_html(halaman_sdm), SDM_BARU)
    halaman = client.get(url("kecamatan:profil", 2025))
    data = isian_html(halaman)
    data["tugas"] = "Diubah setelah LKIP ditetapkan"
    tetapkan_lkip(kencong)
    alasan = "Profil kecamatan tahun 2025 sudah tercetak dalam LKIP 2025 Kecamatan Kencong"

    isi = teks(client.get(url("kecamatan:profil", 2025)))
    assert alasan in isi and "Simpan uraian" not in isi
    isi = teks(client.get(url("kecamatan:profil-sdm", 2025)))
    assert alasan in isi and "Simpan Tabel 1.1" not in isi

    response = client.post(url("kecamatan:profil", 2025), data)
    assert alasan in teks(response)
    response = client.post(url("kecamatan:profil-sdm", 2025), data_sdm)
    assert alasan in teks(response)
    profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
    assert profil.tugas != "Diubah setelah LKIP ditetapkan"
    assert not profil.komposisi_sdm.filter(jabatan="4. Fungsional Uji").exists()


# --- BAB II: the Renstra's alignment, strategi and kebijakan ---------------------------------


def test_visi_misi_dan_strategi_per_sasaran_tercetak_di_bab_ii(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    renstra = Renstra.objects.get(kecamatan=kencong, nama=BARU)
    halaman = client.get(url("iku:renstra-ubah", renstra.pk))
    data = isian_html(halaman)
    data["rpjmd_visi"] = "Jember Maju Uji"
    data["rpjmd_misi_semua"] = "Misi uji pertama\nMisi uji kedua"
    response = client.post(url("iku:renstra-ubah", renstra.pk), data, follow=True)
    assert "Data Renstra disimpan." in teks(response)

    sasaran = Sasaran.objects.filter(tujuan__renstra=renstra).order_by("tujuan__nomor", "nomor")
    sasaran = sasaran.first()
    halaman = client.get(url("iku:sasaran-ubah", sasaran.pk))
    data = isian_html(halaman)
    data["strategi"] = "Memperkuat koordinasi uji\nDigitalisasi layanan uji"
    data["kebijakan"] = "Pelayanan satu pintu uji"
    response = client.post(url("iku:sasaran-ubah", sasaran.pk), data, follow=True)
    assert "tersimpan" in teks(response)
    assert "Memperkuat koordinasi uji" in teks(response)  # shown under the sasaran

    konteks = konteks_awal(lkip(kencong))
    bab2 = render_to_string(
        "laporan/dokumen/lkip/_awal_bab2.html", {**konteks, "kecamatan": kencong, "tahun": 2025}
    )
    bab2 = " ".join(unescape(re.sub(r"<[^>]+>", " ", bab2)).split())
    assert "dengan visi “Jember Maju Uji” dan misi sebagai berikut: Misi uji pertama" in bab2
    assert f"Strategi dan kebijakan untuk mencapai sasaran {BARU}" in bab2
    kode = f"{sasaran.tujuan.nomor}.{sasaran.nomor}"
    assert (
        f"{kode} {sasaran.uraian} Memperkuat koordinasi uji Digitalisasi layanan uji "
        "Pelayanan satu pintu uji"
    ) in bab2


def test_keselarasan_dan_strategi_terkunci_setelah_lkip_ditetapkan(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    renstra = Renstra.objects.get(kecamatan=kencong, nama=BARU)
    sasaran = Sasaran.objects.get(tujuan__renstra=renstra, tujuan__nomor=1, nomor=1)
    tetapkan_lkip(kencong)

    halaman = client.get(url("iku:renstra-ubah", renstra.pk))
    assert f"Keselarasan {BARU} dengan RPJMD (visi, misi, tujuan dan sasaran) sudah tercetak" in (
        teks(halaman)
    )
    data = isian_html(halaman)
    data.update(rpjmd_visi="Visi baru", sumber="Sumber baru")
    client.post(url("iku:renstra-ubah", renstra.pk), data)
    renstra.refresh_from_db()
    assert renstra.rpjmd_visi != "Visi baru"  # disabled: not taken from the post
    assert renstra.sumber == "Sumber baru"  # what the LKIP did not print still changes

    halaman = client.get(url("iku:sasaran-ubah", sasaran.pk))
    assert "Strategi dan kebijakan sasaran 1.1 sudah tercetak dalam LKIP 2025" in teks(halaman)
    sasaran.strategi = "Diubah lewat jalur lain"
    with pytest.raises(Exception, match="sudah tercetak dalam LKIP 2025"):
        sasaran.save()

    # The TC 25 groups of the Renstra the LKIP 2025 annexed as its TC 25: the tujuan's page
    # shows them with the reason and does not take them from the post; its text still changes.
    tujuan = Tujuan.objects.get(renstra__kecamatan=kencong, renstra__nama=PERUBAHAN, nomor=2)
    halaman = client.get(url("iku:tujuan-ubah", tujuan.pk))
    assert "Kelompok TC 25 dan sasaran RPJMD tujuan 2 sudah tercetak dalam LKIP 2025" in (
        teks(halaman)
    )
    data = isian_html(halaman)
    data.update(kelompok="rutin", rpjmd_sasaran="Baru", uraian="Uraian baru")
    client.post(url("iku:tujuan-ubah", tujuan.pk), data)
    tujuan.refresh_from_db()
    assert (tujuan.kelompok, tujuan.uraian) == ("non_rutin", "Uraian baru")
    tujuan.kelompok = ""
    with pytest.raises(Exception, match="sudah tercetak dalam LKIP 2025"):
        tujuan.save()


def test_renstra_perubahan_membawa_keselarasan_dan_strategi_renstra_asal(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    asal = Renstra.objects.get(kecamatan=kencong, nama=BARU)
    asal.rpjmd_visi = "Jember Maju Uji"
    asal.save()
    asal.tujuan.filter(nomor=1).update(kelompok="rutin")
    sasaran = Sasaran.objects.get(tujuan__renstra=asal, tujuan__nomor=1, nomor=1)
    sasaran.strategi = "Strategi uji"
    sasaran.save()
    client.post(
        url("iku:renstra-daftar"),
        {
            "nama": "Renstra Perubahan 2025-2029",
            "tahun_awal": "2026",
            "tahun_akhir": "2029",
            "tahun_baseline": "2025",
            "revisi_dari": str(asal.pk),
            "salin_isi": "on",
        },
    )
    baru = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2025-2029")
    assert (baru.rpjmd_visi, baru.rpjmd_periode) == ("Jember Maju Uji", asal.rpjmd_periode)
    salinan = Sasaran.objects.get(tujuan__renstra=baru, tujuan__nomor=1, nomor=1)
    assert salinan.strategi == "Strategi uji"
    assert salinan.tujuan.kelompok == "rutin"  # the TC 25 group goes along


def test_jumlah_query_grid_tidak_tumbuh_dengan_jumlah_baris(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    alamat = url("kecamatan:profil-sarana", 2025)
    client.get(alamat)

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            assert client.get(alamat).status_code == 200
        return len(q)

    sebelum = hitung()
    profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
    for i in range(5):
        SaranaPrasarana.objects.create(
            profil=profil,
            kelompok="tanah",
            urutan=100 + i,
            nama=f"Uji {i}",
            jumlah=1,
            jumlah_ideal=1,
        )
    assert hitung() == sebelum
