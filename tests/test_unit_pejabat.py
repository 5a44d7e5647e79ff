"""A kecamatan keeps its own organisational units and pejabat on its pages, the admin
kabupaten the bupati history: what each role sees and may change, and NIP as people type it."""

import datetime

import pytest
from conftest import buat_pengguna
from django.core.exceptions import ValidationError
from django.urls import reverse

from iku.models import Indikator, Renstra, Tujuan
from kecamatan.models import Kabupaten, Kecamatan, Pejabat, Peran, UnitKerja
from kecamatan.selectors import tanda_tangan_renstra
from sakip.validators import baca_nip

NIP_SPASI = "19710512 199803 1 007"
NIP = "197105121998031007"


def url_unit(slug="kencong"):
    return reverse("kecamatan:unit-kerja", args=[slug])


def url_pejabat(slug="kencong"):
    return reverse("kecamatan:pejabat", args=[slug])


URL_KABUPATEN = reverse("kecamatan:pejabat-kabupaten")


def isian_formset(response, prefix="unit") -> dict:
    """What the browser sends back for the rows as shown (management form included)."""
    formset = response.context["formset"]
    data = {}
    for nama in formset.management_form.fields:
        data[f"{prefix}-{nama}"] = formset.management_form[nama].value()
    for f in formset.forms:
        for nama in f.fields:
            if nama == "DELETE":
                continue
            bf = f[nama]
            nilai = bf.field.widget.format_value(bf.value())
            data[bf.html_name] = "" if nilai is None else nilai
    return data


def baris_baru(data: dict, prefix: str, isi: dict) -> dict:
    """Fill the first empty new row of the page."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for i in range(total):
        if not data.get(f"{prefix}-{i}-id") and not data.get(f"{prefix}-{i}-nama"):
            data.update({f"{prefix}-{i}-{k}": v for k, v in isi.items()})
            return data
    raise AssertionError("tidak ada baris baru")


def nomor_baris(data: dict, prefix: str, pk: int) -> int:
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    return next(i for i in range(total) if str(data.get(f"{prefix}-{i}-id")) == str(pk))


@pytest.fixture
def jombang(jember):
    """A kecamatan that starts empty: a Renstra and a tujuan, no unit, no pejabat."""
    kec = Kecamatan.objects.get(kabupaten=jember, slug="jombang")
    renstra = Renstra.objects.create(
        kecamatan=kec,
        nama="Renstra 2021-2026",
        tahun_awal=2021,
        tahun_akhir=2026,
        tahun_baseline=2020,
    )
    Tujuan.objects.create(renstra=renstra, nomor=1, uraian="Meningkatnya pelayanan")
    return kec


@pytest.fixture
def operator_jombang(jombang):
    return buat_pengguna("operator.jombang", Peran.OPERATOR, jombang.kabupaten, jombang)


# --- units --------------------------------------------------------------------------------


def test_unit_baru_menjadi_pilihan_penanggung_jawab(client, jombang, operator_jombang):
    client.force_login(operator_jombang)
    tujuan = Tujuan.objects.get(renstra__kecamatan=jombang)
    url_indikator = reverse("iku:indikator-tambah-tujuan", args=["jombang", tujuan.pk])

    # No unit yet: the field explains why it is empty and links to the units page.
    teks = client.get(url_indikator).text
    assert "Kecamatan ini belum mencatat unit kerja" in teks
    assert f'href="{url_unit("jombang")}"' in teks

    halaman = client.get(url_unit("jombang"))
    assert halaman.status_code == 200
    data = baris_baru(
        isian_formset(halaman),
        "unit",
        {"nama": "Seksi Pemerintahan", "singkatan": "Seksi Pem", "jenis": "seksi"},
    )
    response = client.post(url_unit("jombang"), data, follow=True)
    assert "Unit kerja disimpan." in response.text
    unit = UnitKerja.objects.get(kecamatan=jombang)
    assert (unit.nama, unit.jenis, unit.urutan) == ("Seksi Pemerintahan", "seksi", 1)

    teks = client.get(url_indikator).text
    assert "belum mencatat unit kerja" not in teks
    assert f'name="penanggung_jawab" value="{unit.pk}"' in teks
    assert "Seksi Pem" in teks


def test_urutan_dan_ubah_unit(client, kencong, operator_kencong):
    client.force_login(operator_kencong)
    unit = list(UnitKerja.objects.filter(kecamatan=kencong).order_by("urutan", "nama"))
    terakhir = unit[-1]
    data = isian_formset(client.get(url_unit()))
    i = nomor_baris(data, "unit", terakhir.pk)
    data[f"unit-{i}-urutan"] = "0"
    data[f"unit-{i}-singkatan"] = "Singkatan Baru"
    client.post(url_unit(), data)
    terakhir.refresh_from_db()
    assert (terakhir.urutan, terakhir.singkatan) == (0, "Singkatan Baru")
    pertama = UnitKerja.objects.filter(kecamatan=kencong).order_by("urutan", "nama").first()
    assert pertama == terakhir


def test_unit_yang_dipakai_indikator_tidak_dapat_dihapus(client, kencong, operator_kencong):
    dipakai = UnitKerja.objects.filter(kecamatan=kencong, indikator__isnull=False).first()
    indikator = Indikator.objects.filter(penanggung_jawab=dipakai).order_by("id").first()
    client.force_login(operator_kencong)
    data = isian_formset(client.get(url_unit()))
    data[f"unit-{nomor_baris(data, 'unit', dipakai.pk)}-DELETE"] = "on"
    data = baris_baru(data, "unit", {"nama": "Seksi Baru", "jenis": "seksi"})
    response = client.post(url_unit(), data)
    assert f"{dipakai.nama} tidak dapat dihapus: menjadi penanggung jawab indikator" in (
        response.text
    )
    assert indikator.nama in response.text
    # All or nothing: the unit stays, the new row was not added either, what was typed stays.
    assert UnitKerja.objects.filter(pk=dipakai.pk).exists()
    assert not UnitKerja.objects.filter(kecamatan=kencong, nama="Seksi Baru").exists()
    assert 'value="Seksi Baru"' in response.text


def test_unit_tak_terpakai_dihapus(client, kencong, operator_kencong):
    lepas = UnitKerja.objects.create(kecamatan=kencong, nama="Seksi Sementara", jenis="seksi")
    client.force_login(operator_kencong)
    data = isian_formset(client.get(url_unit()))
    data[f"unit-{nomor_baris(data, 'unit', lepas.pk)}-DELETE"] = "on"
    client.post(url_unit(), data)
    assert not UnitKerja.objects.filter(pk=lepas.pk).exists()


def test_nama_unit_ganda_ditolak(client, kencong, operator_kencong):
    ada = UnitKerja.objects.filter(kecamatan=kencong).first()
    client.force_login(operator_kencong)
    data = baris_baru(
        isian_formset(client.get(url_unit())), "unit", {"nama": ada.nama.upper(), "jenis": "seksi"}
    )
    response = client.post(url_unit(), data)
    assert "dipakai dua kali di kecamatan ini" in response.text
    assert UnitKerja.objects.filter(kecamatan=kencong, nama__iexact=ada.nama).count() == 1


def test_kabupaten_membaca_saja(client, kencong, bappeda):
    client.force_login(bappeda)
    response = client.get(url_unit())
    assert response.status_code == 200
    assert "Simpan unit kerja" not in response.text
    nama = UnitKerja.objects.filter(kecamatan=kencong).first().nama
    assert nama in response.text
    jumlah = UnitKerja.objects.count()
    data = {
        "unit-TOTAL_FORMS": "1",
        "unit-INITIAL_FORMS": "0",
        "unit-0-nama": "X",
        "unit-0-jenis": "seksi",
    }
    assert client.post(url_unit(), data).status_code == 403
    assert client.post(url_pejabat(), {}).status_code == 403
    assert UnitKerja.objects.count() == jumlah


def test_kecamatan_lain_tidak_melihat_dan_tidak_mengubah(client, kencong, operator_patrang):
    client.force_login(operator_patrang)
    jumlah = UnitKerja.objects.filter(kecamatan=kencong).count()
    for url in (url_unit(), url_pejabat()):
        assert client.get(url).status_code == 404
        data = {
            "unit-TOTAL_FORMS": "1",
            "unit-INITIAL_FORMS": "0",
            "unit-0-nama": "X",
            "unit-0-jenis": "seksi",
            "pejabat-TOTAL_FORMS": "1",
            "pejabat-INITIAL_FORMS": "0",
            "pejabat-0-nama": "X",
            "pejabat-0-jabatan": "X",
        }
        assert client.post(url, data).status_code == 404
    assert UnitKerja.objects.filter(kecamatan=kencong).count() == jumlah
    assert not Pejabat.objects.filter(nama="X").exists()
    # Its own pages show its own units only.
    teks = client.get(url_unit("patrang")).text
    assert (
        UnitKerja.objects.filter(kecamatan=kencong)
        .exclude(nama__in=UnitKerja.objects.filter(kecamatan__slug="patrang").values("nama"))
        .first()
        .nama
        not in teks
    )


# --- pejabat of the kecamatan -------------------------------------------------------------


def test_camat_ditambah_dengan_nip_berspasi(client, jombang, operator_jombang):
    client.force_login(operator_jombang)
    data = baris_baru(
        isian_formset(client.get(url_pejabat("jombang")), "pejabat"),
        "pejabat",
        {
            "nama": "Drs. Budi Santoso, M.Si",
            "nip": NIP_SPASI,
            "pangkat_golongan": "Pembina / IV.a",
            "jabatan": "Camat Jombang",
            "mulai": "03/01/2022",
        },
    )
    response = client.post(url_pejabat("jombang"), data, follow=True)
    assert "Daftar pejabat disimpan." in response.text
    camat = Pejabat.objects.get(kecamatan=jombang)
    assert (camat.nip, camat.jabatan, str(camat.mulai)) == (NIP, "Camat Jombang", "2022-01-03")
    assert camat.kabupaten_id == jombang.kabupaten_id
    assert 'value="19710512 199803 1 007"' in response.text


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("19710512 199803 1 00", "NIP harus 18 angka; yang diketik 17 angka."),
        ("19710512-199803-1-007", "“-” bukan angka"),
        ("1971O512 199803 1 007", "“O” bukan angka"),
    ],
)
def test_nip_salah_ditolak_dengan_sebabnya(client, jombang, operator_jombang, nip, pesan):
    client.force_login(operator_jombang)
    data = baris_baru(
        isian_formset(client.get(url_pejabat("jombang")), "pejabat"),
        "pejabat",
        {"nama": "Budi", "nip": nip, "jabatan": "Camat Jombang"},
    )
    response = client.post(url_pejabat("jombang"), data)
    assert pesan in response.text
    assert "Tidak ada yang disimpan" in response.text
    assert not Pejabat.objects.filter(kecamatan=jombang).exists()


def test_masa_jabatan_terbalik_ditolak(client, jombang, operator_jombang):
    client.force_login(operator_jombang)
    data = baris_baru(
        isian_formset(client.get(url_pejabat("jombang")), "pejabat"),
        "pejabat",
        {
            "nama": "Budi",
            "jabatan": "Camat Jombang",
            "mulai": "01/06/2024",
            "selesai": "01/01/2024",
        },
    )
    response = client.post(url_pejabat("jombang"), data)
    assert "Tanggal selesai menjabat sebelum tanggal mulai." in response.text
    assert not Pejabat.objects.filter(kecamatan=jombang).exists()


def test_tempat_penandatanganan_dari_pengaturan(client, jombang, operator_jombang):
    client.force_login(operator_jombang)
    assert "ditandatangani di <strong>Jember</strong>" in client.get(url_pejabat("jombang")).text
    client.post(url_pejabat("jombang"), {"aksi": "tempat", "tempat_penandatanganan": "Jombang"})
    jombang.refresh_from_db()
    assert jombang.tempat_penandatanganan == "Jombang"
    assert "ditandatangani di <strong>Jombang</strong>" in client.get(url_pejabat("jombang")).text


# --- the kabupaten's pejabat (bupati history) ---------------------------------------------


def test_admin_kabupaten_mencatat_riwayat_bupati(client, jember, admin_kabupaten):
    client.force_login(admin_kabupaten)
    halaman = client.get(URL_KABUPATEN)
    assert halaman.status_code == 200
    assert "Muhammad Fawait" in halaman.text
    data = baris_baru(
        isian_formset(halaman, "pejabat"),
        "pejabat",
        {
            "nama": "Dr. Ir. Hadi Sulistyo, M.Si.",
            "jabatan": "Plh. Bupati Jember",
            "mulai": "17/02/2021",
            "selesai": "26/02/2021",
        },
    )
    response = client.post(URL_KABUPATEN, data, follow=True)
    assert "Daftar pejabat kabupaten disimpan." in response.text
    plh = Pejabat.objects.get(nama__startswith="Dr. Ir. Hadi")
    assert (plh.kabupaten, plh.kecamatan) == (jember, None)


def test_riwayat_bupati_hanya_untuk_admin_kabupatennya(client, jember, bappeda, operator_kencong):
    for pengguna in (bappeda, operator_kencong):
        client.force_login(pengguna)
        assert client.get(URL_KABUPATEN).status_code == 403
        assert client.post(URL_KABUPATEN, {}).status_code == 403
    lain = Kabupaten.objects.create(nama="Lumajang", slug="lumajang", kode="35.08")
    admin_lain = buat_pengguna("admin.lumajang", Peran.ADMIN_KABUPATEN, lain)
    client.force_login(admin_lain)
    teks = client.get(URL_KABUPATEN).text
    assert "Muhammad Fawait" not in teks
    data = baris_baru(
        isian_formset(client.get(URL_KABUPATEN), "pejabat"),
        "pejabat",
        {"nama": "Bupati Lumajang Uji", "jabatan": "Bupati Lumajang"},
    )
    client.post(URL_KABUPATEN, data)
    assert Pejabat.objects.get(nama="Bupati Lumajang Uji").kabupaten == lain
    assert Pejabat.objects.filter(kabupaten=jember, nama="Bupati Lumajang Uji").count() == 0


# --- NIP on every path ----------------------------------------------------------------------


def test_admin_menerima_nip_berspasi(client, kencong, admin_kabupaten):
    client.force_login(admin_kabupaten)
    url = reverse("admin:kecamatan_pejabat_add")
    data = {
        "kabupaten": kencong.kabupaten_id,
        "kecamatan": kencong.id,
        "nama": "Sekretaris Uji",
        "nip": NIP_SPASI,
        "pangkat_golongan": "",
        "jabatan": "Sekretaris Kecamatan Kencong",
        "mulai": "",
        "selesai": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.text
    assert Pejabat.objects.get(nama="Sekretaris Uji").nip == NIP
    data.update(nama="Sekretaris Salah", nip="19710512 199803 1")
    response = client.post(url, data)
    assert "NIP harus 18 angka; yang diketik 15 angka." in response.text
    assert not Pejabat.objects.filter(nama="Sekretaris Salah").exists()


def test_nip_dari_sel_excel():
    assert baca_nip(NIP_SPASI) == NIP
    assert baca_nip("19710512\u00a0199803\u00a01\u00a0007") == NIP  # copied from a PDF
    assert baca_nip(197105121998031007) == NIP  # a whole number cell
    assert baca_nip(None) == ""
    with pytest.raises(ValidationError, match="format selnya sebagai Teks"):
        baca_nip(1.9710512199803101e17)


def test_kepala_bappeda_dicatat_admin_kabupaten_dan_menandatangani_tc_25(
    client, jember, kencong, admin_kabupaten
):
    """The Kepala Bappeda who verifies a Renstra's TC 25 is a pejabat of the kabupaten, kept on
    its pejabat page; the one in office on the verification date signs."""
    tanggal = datetime.date(2019, 5, 2)
    Pejabat.objects.filter(nama="Drs. Hadi Mulyono, M.Si").update(mulai=datetime.date(2021, 1, 1))
    tanpa = tanda_tangan_renstra(kecamatan=kencong, tanggal=tanggal)
    assert (tanpa.bappeda.nama, tanpa.bappeda.jabatan) == ("", "Kepala Bappeda Kabupaten Jember")

    client.force_login(admin_kabupaten)
    halaman = client.get(URL_KABUPATEN)
    assert "Kepala Bappeda" in halaman.text
    data = baris_baru(
        isian_formset(halaman, "pejabat"),
        "pejabat",
        {"nama": "Ir. Uji Perencana", "jabatan": "Plt. Kepala Bappeda Kab. Jember"},
    )
    response = client.post(URL_KABUPATEN, data, follow=True)
    assert "Daftar pejabat kabupaten disimpan." in response.text
    Pejabat.objects.filter(nama="Ir. Uji Perencana").update(selesai=datetime.date(2020, 12, 31))
    ttd = tanda_tangan_renstra(kecamatan=kencong, tanggal=tanggal)
    assert (ttd.bappeda.nama, ttd.bappeda.jabatan) == (
        "Ir. Uji Perencana",
        "Plt. Kepala Bappeda Kab. Jember",
    )
    assert (
        tanda_tangan_renstra(kecamatan=kencong, tanggal=datetime.date(2023, 4, 17)).bappeda.nip
        == "196611071988091001"
    )
