"""Defaults by date: a document proposes the camat and the bupati in office on its date, a
date in its own year, and the kecamatan's place — never today's officials in a past year."""

import datetime

import pytest
from django.urls import reverse
from test_unit_pejabat import isian_formset, nomor_baris, url_pejabat

from iku.models import Renstra
from kecamatan.models import Pejabat
from kecamatan.selectors import Dokumen, Jabatan, pejabat_menjabat, tanggal_bawaan
from laporan.models import LaporanKinerja
from perjanjian.models import PerjanjianKinerja

# The bupati history of the Jember data (fixtures/jember/kabupaten.yaml).
FAIDA = "dr. Hj. Faida, MMR."
HENDY = "Ir. H. Hendy Siswanto, ST., IPU."
FIRJAUN = "Muhammad Balya Firjaun Barlaman"
FAWAIT = "Muhammad Fawait"
NAJMUL = "Muhammad Najmul Huda, S.STP, M.Si"
RONNY = "Ronny Arvianto, S.E., M.M."


@pytest.fixture
def riwayat_camat(client, kencong, camat_kencong):
    """The camat of Kencong dates the two camat on the kecamatan's page."""
    client.force_login(camat_kencong)
    data = isian_formset(client.get(url_pejabat()), "pejabat")
    for nama, mulai, selesai in ((NAJMUL, "01/03/2019", "30/06/2024"), (RONNY, "01/07/2024", "")):
        i = nomor_baris(data, "pejabat", Pejabat.objects.get(kecamatan=kencong, nama=nama).pk)
        data[f"pejabat-{i}-mulai"], data[f"pejabat-{i}-selesai"] = mulai, selesai
    assert "Daftar pejabat disimpan." in client.post(url_pejabat(), data, follow=True).text
    client.logout()


def buat_pk(client, kencong, tahun: int) -> PerjanjianKinerja:
    renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2021-2026")
    client.post(
        reverse("perjanjian:perjanjian-daftar", args=["kencong", tahun]),
        {"aksi": "buat", "renstra": renstra.id},
    )
    return PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=tahun, jenis="awal")


def ubah_pk(client, pk: PerjanjianKinerja, **isian) -> None:
    """Save the PK's form as the page shows it, with ``isian`` typed over."""
    url = reverse("perjanjian:perjanjian-detail", args=["kencong", pk.id])
    form = client.get(url).context["form"]
    data = {"aksi": "ubah"}
    for nama in form.fields:
        nilai = form[nama].field.widget.format_value(form[nama].value())
        data[nama] = "" if nilai is None else nilai
    client.post(url, {**data, **isian})
    pk.refresh_from_db()


def test_pk_2021_mengusulkan_bupati_dan_camat_tahun_2021(
    client, kencong, operator_kencong, riwayat_camat
):
    """The Jember data's bupati history alone (no page visited first): a PK 2021 is dated
    2 January 2021, when Faida was in office; the PK page proposes her and that date."""
    client.force_login(operator_kencong)
    pk = buat_pk(client, kencong, 2021)
    assert pk.tanggal == datetime.date(2021, 1, 2)
    assert (pk.pihak_kedua_nama, pk.pihak_kedua_jabatan) == (FAIDA, "Bupati Jember")
    assert pk.pihak_pertama_nama == NAJMUL
    assert pk.tempat == "Jember"
    teks = client.get(reverse("perjanjian:perjanjian-detail", args=["kencong", pk.id])).text
    assert 'value="02/01/2021"' in teks
    assert f'value="{FAIDA}"' in teks and FAWAIT not in teks
    # Dated after 26 February 2021: the bupati of that date, Hendy Siswanto.
    ubah_pk(client, pk, tanggal="01/03/2021")
    assert (pk.tanggal, pk.pihak_kedua_nama) == (datetime.date(2021, 3, 1), HENDY)

    pk_2026 = buat_pk(client, kencong, 2026)
    assert (pk_2026.pihak_kedua_nama, pk_2026.pihak_pertama_nama) == (FAWAIT, RONNY)


def test_tanggal_pk_mengganti_usulan_pihak(client, kencong, operator_kencong, riwayat_camat):
    """The PK 2025 dated in February after 20 February proposes the new bupati; a party typed
    over by hand stays as typed."""
    client.force_login(operator_kencong)
    pk = buat_pk(client, kencong, 2024)
    assert (pk.pihak_kedua_nama, pk.pihak_pertama_nama) == (HENDY, NAJMUL)
    # typed by hand: kept
    ubah_pk(client, pk, tanggal="15/08/2024", pihak_kedua_nama="H. Hendy Siswanto")
    assert pk.tanggal == datetime.date(2024, 8, 15)
    assert pk.pihak_pertama_nama == RONNY  # the camat in office on 15 August 2024
    assert pk.pihak_pertama_nip == "197708272002121006"
    assert pk.pihak_kedua_nama == "H. Hendy Siswanto"


def test_tempat_dari_pengaturan_kecamatan(client, kencong, operator_kencong):
    kencong.tempat_penandatanganan = "Kencong"
    kencong.save()
    client.force_login(operator_kencong)
    assert buat_pk(client, kencong, 2026).tempat == "Kencong"
    client.post(reverse("laporan:lkip-mulai", args=["kencong", 2024]))
    assert LaporanKinerja.objects.get(kecamatan=kencong, tahun=2024).tempat == "Kencong"


def test_lkip_2021_ditandatangani_camat_yang_menjabat_awal_2022(
    client, kencong, operator_kencong, riwayat_camat
):
    client.force_login(operator_kencong)
    client.post(reverse("laporan:lkip-mulai", args=["kencong", 2021]))
    lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2021)
    assert (lkip.penandatangan_nama, lkip.tempat) == (NAJMUL, "Jember")
    assert lkip.penandatangan_nip == "197710271998101001"
    # Its date: 28 February of the year after, never today in a past year.
    assert lkip.tanggal == datetime.date(2022, 2, 28)
    halaman = client.get(reverse("laporan:lkip", args=["kencong", 2021])).text
    assert 'value="28/02/2022"' in halaman


def test_keputusan_renstra_lampau_bertanggal_tahun_renstranya(
    client, kencong, operator_kencong, riwayat_camat
):
    renstra = Renstra.objects.create(
        kecamatan=kencong,
        nama="Renstra 2016-2021",
        tahun_awal=2016,
        tahun_akhir=2021,
        tahun_baseline=2015,
    )
    client.force_login(operator_kencong)
    response = client.get(reverse("iku:keputusan-buat", args=["kencong", renstra.id]))
    form = response.context["form"]
    assert form.initial["tanggal"] == datetime.date(2021, 1, 2)
    assert 'value="02/01/2021"' in response.text
    assert form.initial["penandatangan_nama"] == NAJMUL


def test_tanggal_bawaan_di_tahun_dokumennya():
    hari_ini = datetime.date(2026, 12, 7)
    tanggal = {d: tanggal_bawaan(dokumen=d, tahun=2021, hari_ini=hari_ini) for d in Dokumen}
    assert tanggal == {
        Dokumen.PK_AWAL: datetime.date(2021, 1, 2),
        Dokumen.PK_PERUBAHAN: datetime.date(2021, 10, 1),
        Dokumen.KEPUTUSAN: datetime.date(2021, 1, 2),
        Dokumen.LKIP: datetime.date(2022, 2, 28),  # signed after the year it reports on
    }
    # Today, when today falls in the year the document is signed.
    assert tanggal_bawaan(dokumen=Dokumen.PK_AWAL, tahun=2026, hari_ini=hari_ini) == hari_ini
    assert tanggal_bawaan(dokumen=Dokumen.LKIP, tahun=2025, hari_ini=hari_ini) == hari_ini
    # A decree: today while its Renstra is in force, else the nearest year of it.
    kep = {"dokumen": Dokumen.KEPUTUSAN, "hari_ini": hari_ini}
    assert tanggal_bawaan(tahun=2025, sampai=2029, **kep) == hari_ini
    assert tanggal_bawaan(tahun=2027, sampai=2031, **kep) == datetime.date(2027, 1, 2)


def test_tanpa_riwayat_bupati_nama_bupati_kabupaten(client, jember, kencong, operator_kencong):
    Pejabat.objects.filter(kabupaten=jember, kecamatan=None).delete()
    client.force_login(operator_kencong)
    pk = buat_pk(client, kencong, 2021)
    assert (pk.pihak_kedua_nama, pk.pihak_kedua_jabatan) == (jember.nama_bupati, "Bupati Jember")


def test_pejabat_antara_dua_masa_jabatan(kencong):
    """Between two terms (Faida until 17 February 2021, Hendy from 26 February): the nearest
    term in that year; a year with nobody recorded proposes nobody."""

    def bupati(tanggal):
        p = pejabat_menjabat(kecamatan=kencong, jabatan=Jabatan.BUPATI, tanggal=tanggal)
        return p and p.nama

    assert bupati(datetime.date(2021, 2, 19)) == FAIDA
    assert bupati(datetime.date(2021, 2, 24)) == HENDY
    assert bupati(datetime.date(2015, 6, 1)) is None


def test_riwayat_bupati_jember_menurut_tanggal(kencong):
    """The acting bupati of February 2025 signs the PK Kencong of 10 February 2025 (seeds/004);
    from 20 February the new bupati."""
    tanggal = {
        datetime.date(2016, 2, 17): FAIDA,
        datetime.date(2021, 12, 31): HENDY,
        datetime.date(2025, 2, 6): HENDY,
        datetime.date(2025, 2, 10): FIRJAUN,
        datetime.date(2025, 2, 20): FAWAIT,
        datetime.date(2026, 12, 7): FAWAIT,
    }
    assert {
        t: pejabat_menjabat(kecamatan=kencong, jabatan=Jabatan.BUPATI, tanggal=t).nama
        for t in tanggal
    } == tanggal


def test_camat_kencong_menurut_tanggal_dokumen_seed(kencong):
    """The terms of fixtures/jember/kencong.yaml: each document of seeds/004 finds the camat
    who signed it (the TC 25 of 17 April 2023 included); a date between the two terms, which
    the seed does not date, the nearer of them."""
    tanggal = {
        datetime.date(2023, 4, 17): NAJMUL,  # TC 25 of the Renstra Perubahan 2021-2026
        datetime.date(2025, 2, 10): NAJMUL,  # IKU decree /22, PK 2025
        datetime.date(2025, 4, 1): NAJMUL,
        datetime.date(2025, 8, 1): RONNY,
        datetime.date(2025, 9, 23): RONNY,  # IKU decree /32
        datetime.date(2025, 9, 24): RONNY,  # PK Perubahan 2025
        datetime.date(2026, 2, 19): RONNY,  # LKIP 2025
    }
    assert {
        t: pejabat_menjabat(kecamatan=kencong, jabatan=Jabatan.CAMAT, tanggal=t).nama
        for t in tanggal
    } == tanggal
