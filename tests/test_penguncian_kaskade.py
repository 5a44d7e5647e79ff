"""Deleting what holds approved data is refused as a whole, whatever the route: a parent that
is not locked itself (a program, a sasaran, a Renstra, an LHE …) cannot take locked rows with
it, neither through its own delete(), a queryset delete, the admin's delete page nor its
"hapus yang dipilih" action. Bulk updates ask every row as save() does. And the same deletes
go through once nothing is locked: the guard refuses what is locked, not everything."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F, ProtectedError
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils.html import escape

from iku.models import Indikator, Renstra, Sasaran, TargetIndikator, Tujuan
from laporan.models import LaporanKinerja, VersiLKIP
from perjanjian.models import (
    Kegiatan,
    NarasiSasaran,
    PelaporanRealisasi,
    PerjanjianKinerja,
    Program,
    SubKegiatan,
    TargetPerjanjian,
)
from sakip.admin_dasar import AdminSakip
from sakip.penguncian import DataTerkunci, Terjaga, TerjagaQuerySet, kunci_dilepas

TAHUN = 2025
RENSTRA_UJI = "Renstra Uji Penguncian 2025-2029"


# --- the stories' data --------------------------------------------------------------------


@pytest.fixture
def renstra_uji(kencong):
    """A Renstra of Kencong that no PK or decree uses, with one sasaran and its 2025
    narrative: only the narrative can lock it (with the LKIP 2025), so deleting the sasaran,
    its tujuan or the Renstra meets the lock, not a PROTECT."""
    renstra = Renstra.objects.create(
        kecamatan=kencong,
        nama=RENSTRA_UJI,
        tahun_awal=TAHUN,
        tahun_akhir=TAHUN + 4,
        tahun_baseline=TAHUN - 1,
    )
    tujuan = Tujuan.objects.create(renstra=renstra, nomor=1, uraian="Tujuan uji")
    sasaran = Sasaran.objects.create(tujuan=tujuan, nomor=1, uraian="Sasaran uji")
    NarasiSasaran.objects.create(sasaran=sasaran, tahun=TAHUN, tantangan="Ditulis kecamatan.")
    return renstra


def tetapkan_lkip(kencong):
    # A draft LKIP may be approved by an update: the stored row is not locked yet.
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="ditetapkan")


def pk_kembali_draft(kencong):
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="draft")


def tanpa_perubahan(kencong):
    """Kencong's PKs 2025 are ditetapkan and its LKIP 2025 is a draft, as loaded."""


@dataclass(frozen=True)
class Kasus:
    induk: Callable  # kencong -> the row to delete, of a model that is not locked itself
    anak: Callable  # that row -> the lockable rows a delete would take with it
    kunci: Callable  # kencong -> locks them
    buka: Callable  # kencong -> leaves them open
    pesan: str  # what refusing a delete in code says (a regular expression)
    alasan: str  # what the admin shows for each locked row


PESAN_PK = r"^Tidak dapat dihapus karena ikut menghapus .+ Perjanjian Kinerja"
PAGU_DIJANJIKAN = "Pagu sebelum perubahan sudah dijanjikan dalam Perjanjian Kinerja 2025"
NARASI = "LKIP 2025 sudah ditetapkan; narasinya tidak dapat diubah lagi."

KASUS = {
    "program": Kasus(
        induk=lambda k: Program.objects.get(kecamatan=k, tahun=TAHUN, kode="2"),
        anak=lambda p: SubKegiatan.objects.filter(kegiatan__program=p),
        kunci=tanpa_perubahan,
        buka=pk_kembali_draft,
        pesan=PESAN_PK,
        alasan=PAGU_DIJANJIKAN,
    ),
    "kegiatan": Kasus(
        induk=lambda k: Kegiatan.objects.get(
            program__kecamatan=k, program__tahun=TAHUN, kode="2.1"
        ),
        anak=lambda g: SubKegiatan.objects.filter(kegiatan=g),
        kunci=tanpa_perubahan,
        buka=pk_kembali_draft,
        pesan=PESAN_PK,
        alasan=PAGU_DIJANJIKAN,
    ),
    "sasaran": Kasus(
        induk=lambda k: Sasaran.objects.get(tujuan__renstra__nama=RENSTRA_UJI),
        anak=lambda s: NarasiSasaran.objects.filter(sasaran=s),
        kunci=tetapkan_lkip,
        buka=tanpa_perubahan,
        pesan=rf"^Tidak dapat dihapus karena ikut menghapus narasi sasaran .+\. {NARASI}$",
        alasan=NARASI,
    ),
    "tujuan": Kasus(
        induk=lambda k: Tujuan.objects.get(renstra__nama=RENSTRA_UJI),
        anak=lambda t: NarasiSasaran.objects.filter(sasaran__tujuan=t),
        kunci=tetapkan_lkip,
        buka=tanpa_perubahan,
        pesan=rf"^Tidak dapat dihapus karena ikut menghapus narasi sasaran .+\. {NARASI}$",
        alasan=NARASI,
    ),
    "renstra": Kasus(
        induk=lambda k: Renstra.objects.get(nama=RENSTRA_UJI),
        anak=lambda r: NarasiSasaran.objects.filter(sasaran__tujuan__renstra=r),
        kunci=tetapkan_lkip,
        buka=tanpa_perubahan,
        pesan=rf"^Tidak dapat dihapus karena ikut menghapus narasi sasaran .+\. {NARASI}$",
        alasan=NARASI,
    ),
}


@pytest.fixture(params=KASUS.values(), ids=KASUS.keys())
def kasus(request, kencong, renstra_uji):
    return request.param


def jumlah(kasus, induk, pk=None) -> tuple[int, int]:
    """How many of the parent (one, while it stands) and of its lockable rows are stored;
    ``pk`` for a parent that delete() has already unnumbered."""
    pk = pk or induk.pk
    induk = type(induk)(pk=pk)
    return type(induk).objects.filter(pk=pk).count(), kasus.anak(induk).count()


def url_admin(model, halaman, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{halaman}", args=args)


def hapus_terpilih(client, induk, follow=False):
    return client.post(
        url_admin(type(induk), "changelist"),
        {"action": "delete_selected", "_selected_action": [induk.pk], "post": "yes"},
        follow=follow,
    )


# --- locked: refused as a whole -------------------------------------------------------------


def test_hapus_lewat_kode_ditolak_dan_tidak_ada_yang_hilang(kasus, kencong):
    kasus.kunci(kencong)
    induk = kasus.induk(kencong)
    sebelum = jumlah(kasus, induk)
    assert sebelum[1] > 0
    # Refused inside Django's deletion transaction: like any database error, carrying on
    # after it takes a block of its own.
    with pytest.raises(DataTerkunci, match=kasus.pesan), transaction.atomic():
        induk.delete()
    with pytest.raises(DataTerkunci, match=kasus.pesan), transaction.atomic():
        type(induk).objects.filter(pk=induk.pk).delete()
    assert jumlah(kasus, induk) == sebelum


def test_hapus_lewat_admin_ditolak_dan_tidak_ada_yang_hilang(
    kasus, kencong, client, admin_kabupaten
):
    kasus.kunci(kencong)
    induk = kasus.induk(kencong)
    sebelum = jumlah(kasus, induk)
    client.force_login(admin_kabupaten)
    url = url_admin(type(induk), "delete", induk.pk)
    judul = escape(f"Tidak dapat menghapus {type(induk)._meta.verbose_name}")

    # The confirmation page names the locked rows with their reason and offers no button.
    halaman = client.get(url)
    assert halaman.status_code == 200
    assert judul in halaman.text and escape(kasus.alasan) in halaman.text
    assert "Ya, saya yakin" not in halaman.text

    dikirim = client.post(url, {"post": "yes"})
    assert dikirim.status_code == 200
    assert escape(kasus.alasan) in dikirim.text
    assert jumlah(kasus, induk) == sebelum

    # "Hapus yang dipilih" answers on the list itself, with the same reason.
    aksi = hapus_terpilih(client, induk, follow=True)
    assert aksi.status_code == 200
    assert aksi.redirect_chain[-1][0] == url_admin(type(induk), "changelist")
    assert escape(kasus.alasan) in aksi.text
    assert jumlah(kasus, induk) == sebelum


def test_kunci_yang_datang_setelah_halaman_konfirmasi_tetap_menolak(
    kencong, client, admin_kabupaten, monkeypatch
):
    """A lock that comes between the confirmation page and the click (the camat approves in
    another tab): the model refuses, the admin says why and deletes nothing."""
    monkeypatch.setattr(AdminSakip, "terkunci_rinci", lambda self, objs: [])
    program = KASUS["program"].induk(kencong)
    sebelum = jumlah(KASUS["program"], program)
    client.force_login(admin_kabupaten)

    dikirim = client.post(url_admin(Program, "delete", program.pk), {"post": "yes"}, follow=True)
    assert dikirim.redirect_chain[-1][0] == url_admin(Program, "change", program.pk)
    assert "Tidak dapat dihapus karena ikut menghapus" in dikirim.text
    assert jumlah(KASUS["program"], program) == sebelum

    aksi = hapus_terpilih(client, program, follow=True)
    assert "Tidak dapat dihapus karena ikut menghapus" in aksi.text
    assert jumlah(KASUS["program"], program) == sebelum


def test_hapus_dokumen_terkunci_sendiri_memberi_alasannya_sendiri(kencong):
    """A queryset delete of locked rows themselves gives their own reason, as delete() does."""
    pelaporan = PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=TAHUN, periode="tw4", status="diverifikasi"
    )
    pesan = (
        r"^Realisasi Triwulan IV 2025 sudah diverifikasi; statusnya tidak dapat diubah atau "
        r"dihapus\.$"
    )
    with pytest.raises(DataTerkunci, match=pesan), transaction.atomic():
        PelaporanRealisasi.objects.filter(pk=pelaporan.pk).delete()
    with pytest.raises(DataTerkunci, match=pesan):
        pelaporan.delete()
    assert PelaporanRealisasi.objects.filter(pk=pelaporan.pk).exists()


def test_indikator_yang_dijanjikan_dilindungi_bukan_ikut_terhapus(kencong, client, admin_kabupaten):
    """An indicator reaches the PK's targets and the decree's rows through PROTECT: Django
    refuses before any lock is asked, in code and in the admin."""
    ikm = TargetPerjanjian.objects.get(
        perjanjian__kecamatan=kencong, perjanjian__jenis="awal", indikator__ukuran__kode="ikm"
    ).indikator
    with pytest.raises(ProtectedError):
        ikm.delete()
    client.force_login(admin_kabupaten)
    dikirim = client.post(url_admin(Indikator, "delete", ikm.pk), {"post": "yes"})
    assert escape("Tidak dapat menghapus indikator") in dikirim.text
    assert Indikator.objects.filter(pk=ikm.pk).exists()
    assert ikm.target_perjanjian.exists()


# --- open: the same deletes go through -------------------------------------------------------


def test_hapus_lewat_kode_berhasil_bila_tidak_terkunci(kasus, kencong):
    kasus.buka(kencong)
    induk = kasus.induk(kencong)
    pk, anak = induk.pk, list(kasus.anak(induk))
    induk.delete()
    assert jumlah(kasus, induk, pk) == (0, 0)
    # The history keeps what went with it (simple-history's records are not locked rows).
    jejak = type(anak[0]).riwayat.filter(id__in=[a.pk for a in anak], history_type="-")
    assert jejak.count() == len(anak)


def test_hapus_lewat_admin_berhasil_bila_tidak_terkunci(kasus, kencong, client, admin_kabupaten):
    kasus.buka(kencong)
    induk = kasus.induk(kencong)
    client.force_login(admin_kabupaten)
    halaman = client.get(url_admin(type(induk), "delete", induk.pk))
    assert "Ya, saya yakin" in halaman.text
    aksi = hapus_terpilih(client, induk, follow=True)
    assert "Sukses menghapus 1" in aksi.text
    assert jumlah(kasus, induk) == (0, 0)


def test_hapus_indikator_yang_tidak_dipakai_dokumen_berhasil(renstra_uji, kencong):
    ikm = Indikator.objects.filter(sasaran__tujuan__renstra__kecamatan=kencong).first().ukuran
    indikator = Indikator.objects.create(
        sasaran=Sasaran.objects.get(tujuan__renstra=renstra_uji),
        ukuran=ikm,
        nama="Indikator uji",
        satuan="%",
    )
    TargetIndikator.objects.create(indikator=indikator, tahun=TAHUN, nilai=1)
    indikator.delete()
    assert not Indikator.objects.filter(pk=indikator.pk).exists()


# --- bulk queries -------------------------------------------------------------------------


@pytest.fixture
def sub_2_1_1(kencong):
    return SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong, kode="2.1.1")


def test_update_baris_terkunci_ditolak_dan_tidak_mengubah_apa_pun(kencong, sub_2_1_1):
    pagu = sub_2_1_1.get().pagu_awal
    with pytest.raises(DataTerkunci, match=PAGU_DIJANJIKAN):
        sub_2_1_1.update(pagu_awal=Decimal("1"))
    # An expression is judged before the database computes it: as strictly as a delete.
    with pytest.raises(DataTerkunci, match=PAGU_DIJANJIKAN):
        sub_2_1_1.update(pagu_awal=F("pagu_awal") + 1)
    # One locked row refuses the update of all of them.
    semua = SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong)
    with pytest.raises(DataTerkunci):
        semua.update(pagu_awal=0)
    assert sub_2_1_1.get().pagu_awal == pagu
    assert not semua.filter(pagu_awal=0).exists()

    pk_awal = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=TAHUN, jenis="awal")
    with pytest.raises(DataTerkunci, match="melalui PK Perubahan"):
        pk_awal.target.update(nilai=Decimal("1"))  # a related manager is a queryset too
    with pytest.raises(DataTerkunci, match="melalui PK Perubahan"):
        PerjanjianKinerja.objects.filter(pk=pk_awal.pk).update(status="draft")
    assert not pk_awal.target.filter(nilai=1).exists()
    assert PerjanjianKinerja.objects.get(pk=pk_awal.pk).status == "ditetapkan"


def test_update_yang_tidak_dijanjikan_tetap_berjalan(kencong, sub_2_1_1):
    """An update asks what save() asks: a sub kegiatan's name is not promised by the PK."""
    assert sub_2_1_1.update(nama="Nama diperbaiki") == 1
    assert sub_2_1_1.get().nama == "Nama diperbaiki"
    pk_kembali_draft(kencong)
    assert sub_2_1_1.update(pagu_awal=Decimal("1")) == 1


def test_narasi_tidak_dapat_diubah_lewat_update_setelah_lkip_ditetapkan(renstra_uji, kencong):
    narasi = NarasiSasaran.objects.filter(sasaran__tujuan__renstra=renstra_uji)
    assert narasi.update(tantangan="Sebelum penetapan") == 1
    tetapkan_lkip(kencong)
    with pytest.raises(DataTerkunci, match=NARASI):
        narasi.update(tantangan="Sesudah penetapan")
    assert narasi.get().tantangan == "Sebelum penetapan"


def test_bulk_update_ditolak_pada_dokumen_terkunci(sub_2_1_1):
    sub = sub_2_1_1.get()
    pagu = sub.pagu_awal
    sub.pagu_awal = Decimal("1")
    with pytest.raises(DataTerkunci, match=PAGU_DIJANJIKAN):
        SubKegiatan.objects.bulk_update([sub], ["pagu_awal"])
    assert sub_2_1_1.get().pagu_awal == pagu


def test_versi_lkip_final_tidak_berubah_lewat_jalur_mana_pun(dokumen_kencong):
    versi = VersiLKIP.objects.get(dokumen=dokumen_kencong)
    semua = VersiLKIP.objects.filter(pk=versi.pk)
    diubah = "^Versi LKIP yang sudah ditetapkan tidak dapat diubah.$"
    dihapus = "^Versi LKIP yang sudah ditetapkan tidak dapat dihapus.$"
    versi.sha256 = "2" * 64
    with pytest.raises(DataTerkunci, match=diubah):
        versi.save()
    with pytest.raises(DataTerkunci, match=diubah):
        semua.update(sha256="2" * 64)
    with pytest.raises(DataTerkunci, match=dihapus):
        versi.delete()
    with pytest.raises(DataTerkunci, match=dihapus), transaction.atomic():
        semua.delete()
    assert semua.get().sha256 == "1" * 64


# --- every route, every lockable model ----------------------------------------------------


def test_setiap_model_terjaga_dijaga_pada_hapus_berantai_dan_kueri_massal():
    terjaga = [m for m in apps.get_models() if issubclass(m, Terjaga)]
    assert {m._meta.label for m in terjaga} == {
        "iku.KeputusanIKU",
        "iku.Diktum",
        "iku.IndikatorKeputusan",
        "perjanjian.PerjanjianKinerja",
        "perjanjian.TargetPerjanjian",
        "perjanjian.SubKegiatan",
        "perjanjian.RealisasiAnggaran",
        "perjanjian.IndikatorProgram",
        "perjanjian.Realisasi",
        "perjanjian.PelaporanRealisasi",
        "perjanjian.NarasiSasaran",
        "laporan.LaporanKinerja",
        "laporan.TindakLanjutLHE",
        "laporan.RekomendasiLHE",
        "laporan.VersiLKIP",
        # What an approved LKIP printed from the apps below it (kecamatan.penetapan).
        "kecamatan.SkalaPenilaian",
        "kecamatan.PitaSkala",
        "kecamatan.PemakaianSkala",
        "kecamatan.ProfilTahunan",
        "kecamatan.KomposisiSDM",
        "kecamatan.SaranaPrasarana",
        "kecamatan.IsuStrategis",
        "iku.TargetIndikator",
        "iku.Renstra",  # its RPJMD alignment, visi and misi (BAB II)
        "iku.Sasaran",  # its strategi and kebijakan (BAB II)
        "iku.Tujuan",  # its TC 25 group, RPJMD sasaran and indicator (lampiran)
        "perjanjian.Program",
        "laporan.EvaluasiAKIP",
        "laporan.SkorAKIP",
    }
    for model in terjaga:
        assert pre_delete.has_listeners(model), model
        assert isinstance(model._default_manager.all(), TerjagaQuerySet), model
    # simple-history's copies are plain models: a record of the past is not a locked row.
    riwayat = [m for m in apps.get_models() if hasattr(m, "instance_type")]
    assert riwayat and not any(issubclass(m, Terjaga) for m in riwayat)


def test_kunci_hanya_dilepas_untuk_data_sintetis():
    """kunci_dilepas() lifts every lock: outside the tests only the removal of synthetic
    data (rows that never were real documents) may use it."""
    akar = Path(settings.BASE_DIR)
    pemakai = {
        str(p.relative_to(akar))
        for p in akar.rglob("*.py")
        if not any(b.startswith(".") for b in p.relative_to(akar).parts)
        and p.relative_to(akar).parts[0] != "tests"
        and "kunci_dilepas" in p.read_text(encoding="utf-8")
    }
    assert pemakai == {
        "sakip/penguncian.py",
        "laporan/management/commands/isi_data_sintetis.py",
    }
