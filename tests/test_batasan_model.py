"""What the database itself refuses, whoever writes to it.

Forms validate, but an import, a shell session or a future service may skip them: these
invariants are CHECK and UNIQUE constraints, so every row here is written with
objects.create (no full_clean) and the database must answer IntegrityError. The rows are
built on the loaded Kencong 2025 data.
"""

from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.db import DataError, IntegrityError, transaction
from django.db.models import Sum

from iku.models import Indikator, KeputusanIKU, Renstra, Sasaran, TargetIndikator, Ukuran
from kecamatan.models import (
    JenisSkala,
    KomposisiSDM,
    Pejabat,
    PemakaianSkala,
    Pengguna,
    Peran,
    PitaSkala,
    ProfilTahunan,
    SkalaPenilaian,
)
from laporan.models import LaporanKinerja
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    Periode,
    PerjanjianKinerja,
    Program,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)
from sakip.penguncian import kunci_dilepas

NIP_CAMAT = "197302062003121002"


@contextmanager
def ditolak_database(*kesalahan, batasan=None):
    """The write inside must be refused by the database (by the named CHECK constraint, when
    given: SQLite and PostgreSQL both name it in the message); the savepoint keeps the
    test's transaction usable afterwards."""
    with pytest.raises(kesalahan or IntegrityError, match=batasan), transaction.atomic():
        yield


@pytest.fixture
def renstra_2025(kencong):
    return Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")


@pytest.fixture
def pk_draft_2025(kencong):
    """These tests exercise the database's own constraints, below the approval locks of
    sakip.penguncian: Kencong's 2025 PKs are put back to draft with the locks lifted
    (kunci_dilepas), as only a test may."""
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="draft")


@pytest.fixture
def pk_2025(kencong, pk_draft_2025):
    return PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")


@pytest.fixture
def program_2025(kencong, pk_draft_2025):
    return Program.objects.get(kecamatan=kencong, tahun=2025, kode="1")


@pytest.fixture
def ikm(jember):
    return Ukuran.objects.get(kabupaten=jember, kode="ikm")


def unik(nama, tabel, *kolom):
    """How a UNIQUE constraint names itself: PostgreSQL by name, SQLite by its columns."""
    return f"{nama}|UNIQUE constraint failed: " + ", ".join(f"{tabel}.{k}" for k in kolom)


# --- NIP: empty or exactly 18 digits, on every table that stores one --------------------


def pejabat_dengan_nip(kencong, nip):
    return Pejabat.objects.create(
        kabupaten=kencong.kabupaten,
        kecamatan=kencong,
        nama="Drs. Pejabat Uji",
        jabatan="Sekretaris Camat Kencong",
        nip=nip,
    )


def keputusan_dengan_nip(kencong, nip):
    return KeputusanIKU.objects.create(
        kecamatan=kencong,
        renstra=Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029"),
        nomor="000.8.6.3/99/35.09.02/2026",
        tempat="Kencong",
        menimbang="bahwa untuk mengukur keberhasilan …",
        mengingat="Peraturan Pemerintah Nomor 8 Tahun 2006",
        penandatangan_nama="Camat Uji",
        penandatangan_jabatan="Camat Kencong",
        penandatangan_nip=nip,
    )


def perjanjian_dengan_nip(kencong, *, pertama="", kedua=""):
    return PerjanjianKinerja.objects.create(
        kecamatan=kencong,
        tahun=2026,
        renstra=Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029"),
        pihak_pertama_nama="Camat Uji",
        pihak_pertama_jabatan="Camat Kencong",
        pihak_pertama_nip=pertama,
        pihak_kedua_nama="Bupati Uji",
        pihak_kedua_jabatan="Bupati Jember",
        pihak_kedua_nip=kedua,
    )


def laporan_dengan_nip(kencong, nip):
    return LaporanKinerja.objects.create(kecamatan=kencong, tahun=2026, penandatangan_nip=nip)


# document: (how to create it with a NIP, the NIP column, the CHECK constraint on it)
DOKUMEN_BER_NIP = {
    "pejabat": (pejabat_dengan_nip, "nip", "pejabat_nip_18_angka"),
    "keputusan_iku": (keputusan_dengan_nip, "penandatangan_nip", "keputusan_nip_18_angka"),
    "pk_pihak_pertama": (
        lambda k, nip: perjanjian_dengan_nip(k, pertama=nip),
        "pihak_pertama_nip",
        "perjanjian_nip1_18_angka",
    ),
    "pk_pihak_kedua": (
        lambda k, nip: perjanjian_dengan_nip(k, kedua=nip),
        "pihak_kedua_nip",
        "perjanjian_nip2_18_angka",
    ),
    "lkip": (laporan_dengan_nip, "penandatangan_nip", "lkip_nip_18_angka"),
}


@pytest.mark.parametrize("dokumen", DOKUMEN_BER_NIP)
@pytest.mark.parametrize(
    "nip",
    [
        pytest.param("19730206200312100", id="17_angka"),
        pytest.param("19730206 200312102", id="dengan_spasi"),
        pytest.param("19730206 200312 1", id="cetakan_terpotong"),
        pytest.param("1973020620031210O2", id="huruf_O"),
    ],
)
def test_nip_bukan_18_angka_ditolak(kencong, dokumen, nip):
    buat, _, batasan = DOKUMEN_BER_NIP[dokumen]
    with ditolak_database(batasan=batasan):
        buat(kencong, nip)


@pytest.mark.parametrize("dokumen", DOKUMEN_BER_NIP)
@pytest.mark.parametrize("nip", [NIP_CAMAT, ""], ids=["18_angka", "kosong"])
def test_nip_18_angka_atau_kosong_tersimpan(kencong, dokumen, nip):
    buat, kolom, _ = DOKUMEN_BER_NIP[dokumen]
    baris = buat(kencong, nip)
    baris.refresh_from_db()
    assert getattr(baris, kolom) == nip


@pytest.mark.parametrize("dokumen", DOKUMEN_BER_NIP)
def test_nip_dengan_baris_baru_di_akhir_ditolak(kencong, dokumen):
    """A NIP pasted from a spreadsheet cell with its line break is not 18 digits."""
    buat, _, _ = DOKUMEN_BER_NIP[dokumen]
    with ditolak_database(IntegrityError, DataError):
        buat(kencong, NIP_CAMAT + "\n")


# --- one row per key ------------------------------------------------------------------


def test_satu_target_per_indikator_dan_tahun(renstra_2025):
    ikm = Indikator.objects.get(sasaran__tujuan__renstra=renstra_2025, ukuran__kode="ikm")
    with ditolak_database(
        batasan=unik("target_satu_per_tahun", "iku_targetindikator", "indikator_id", "tahun")
    ):
        TargetIndikator.objects.create(indikator=ikm, tahun=2025, nilai=Decimal("83.5"))
    assert list(ikm.target.filter(tahun=2025).values_list("nilai", flat=True)) == [Decimal("93.5")]
    TargetIndikator.objects.create(indikator=ikm, tahun=2030, nilai=Decimal("97.5"))
    assert ikm.target.count() == 6


def test_pk_awal_dan_perubahan_kencong_2025_berdampingan(kencong):
    assert sorted(
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).values_list(
            "jenis", flat=True
        )
    ) == ["awal", "perubahan"]


@pytest.mark.parametrize("jenis", ["awal", "perubahan"])
def test_satu_pk_per_kecamatan_tahun_dan_jenis(kencong, pk_2025, jenis):
    with ditolak_database(
        batasan=unik(
            "perjanjian_satu_per_jenis_tahun",
            "perjanjian_perjanjiankinerja",
            "kecamatan_id",
            "tahun",
            "jenis",
        )
    ):
        PerjanjianKinerja.objects.create(
            kecamatan=kencong,
            tahun=2025,
            jenis=jenis,
            renstra=pk_2025.renstra,
            asal=pk_2025 if jenis == "perubahan" else None,
            pihak_pertama_nama="Camat Kedua",
            pihak_pertama_jabatan="Camat Kencong",
            pihak_kedua_nama="Bupati Jember",
            pihak_kedua_jabatan="Bupati Jember",
        )
    assert PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=2025).count() == 2


def test_pk_tahun_berikutnya_boleh(kencong):
    pk = perjanjian_dengan_nip(kencong)
    assert (pk.tahun, pk.jenis) == (2026, "awal")
    assert PerjanjianKinerja.objects.filter(kecamatan=kencong).count() == 3


def test_satu_pemakaian_skala_per_kabupaten_tahun_dan_jenis(jember):
    ikm_2025 = PemakaianSkala.objects.get(kabupaten=jember, tahun=2025, jenis=JenisSkala.IKM)
    with ditolak_database(
        batasan=unik(
            "pemakaian_skala_satu_per_jenis",
            "kecamatan_pemakaianskala",
            "kabupaten_id",
            "tahun",
            "jenis",
        )
    ):
        PemakaianSkala.objects.create(
            kabupaten=jember, tahun=2025, jenis=JenisSkala.IKM, skala=ikm_2025.skala
        )
    PemakaianSkala.objects.create(
        kabupaten=jember, tahun=2030, jenis=JenisSkala.IKM, skala=ikm_2025.skala
    )
    assert PemakaianSkala.objects.filter(kabupaten=jember, jenis=JenisSkala.IKM).count() == 10


def test_satu_realisasi_per_kecamatan_ukuran_tahun_dan_periode(kencong, patrang, ikm):
    with ditolak_database(
        batasan=unik(
            "realisasi_satu_per_periode",
            "perjanjian_realisasi",
            "kecamatan_id",
            "ukuran_id",
            "tahun",
            "periode",
        )
    ):
        Realisasi.objects.create(kecamatan=kencong, ukuran=ikm, tahun=2025, nilai=Decimal("89.95"))
    # The same measure in a quarter, or in another kecamatan, is another row.
    Realisasi.objects.create(
        kecamatan=kencong, ukuran=ikm, tahun=2025, periode=Periode.TW4, nilai=Decimal("92.33")
    )
    Realisasi.objects.create(kecamatan=patrang, ukuran=ikm, tahun=2025, nilai=Decimal("88.1"))
    ikm_2025 = Realisasi.objects.filter(ukuran=ikm, tahun=2025)
    assert sorted(ikm_2025.values_list("kecamatan__nama", "periode", "nilai")) == [
        ("Kencong", "tahunan", Decimal("92.33")),
        ("Kencong", "tw4", Decimal("92.33")),
        ("Patrang", "tahunan", Decimal("88.1")),
    ]


def test_nomor_keputusan_iku_unik_per_kecamatan(kencong, patrang, renstra_2025):
    nomor = "000.8.6.3/22/35.09.02/2025"
    asli = KeputusanIKU.objects.get(kecamatan=kencong, nomor=nomor)
    data = {
        "nomor": nomor,
        "tempat": "Jember",
        "menimbang": asli.menimbang,
        "mengingat": asli.mengingat,
        "penandatangan_nama": "Camat Uji",
        "penandatangan_jabatan": "Camat",
    }
    with ditolak_database(
        batasan=unik("keputusan_nomor_unik", "iku_keputusaniku", "kecamatan_id", "nomor")
    ):
        KeputusanIKU.objects.create(kecamatan=kencong, renstra=renstra_2025, **data)
    renstra_patrang = Renstra.objects.create(
        kecamatan=patrang,
        nama="Renstra 2025-2029",
        tahun_awal=2025,
        tahun_akhir=2029,
        tahun_baseline=2024,
    )
    KeputusanIKU.objects.create(kecamatan=patrang, renstra=renstra_patrang, **data)
    assert KeputusanIKU.objects.filter(nomor=nomor).count() == 2


# --- Renstra years --------------------------------------------------------------------


def buat_renstra(kencong, *, awal, akhir, baseline):
    return Renstra.objects.create(
        kecamatan=kencong,
        nama=f"Renstra Uji {awal}-{akhir}",
        tahun_awal=awal,
        tahun_akhir=akhir,
        tahun_baseline=baseline,
    )


def test_renstra_tahun_awal_tidak_setelah_tahun_akhir(kencong):
    with ditolak_database(batasan="renstra_tahun_awal_lte_akhir"):
        buat_renstra(kencong, awal=2030, akhir=2029, baseline=2029)


def test_renstra_baseline_tidak_setelah_tahun_awal(kencong):
    with ditolak_database(batasan="renstra_baseline_tidak_setelah_awal"):
        buat_renstra(kencong, awal=2030, akhir=2034, baseline=2031)


def test_renstra_baseline_sama_dengan_tahun_awal_dan_renstra_satu_tahun_boleh(kencong):
    perubahan = Renstra.objects.get(kecamatan=kencong, nama="Renstra Perubahan 2021-2026")
    assert perubahan.tahun_baseline == perubahan.tahun_awal == 2021
    satu_tahun = buat_renstra(kencong, awal=2030, akhir=2030, baseline=2030)
    assert list(satu_tahun.tahun) == [2030]


# --- who belongs to a kecamatan -------------------------------------------------------


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.CAMAT])
def test_pengguna_kecamatan_wajib_punya_kecamatan(jember, peran):
    with ditolak_database(batasan="pengguna_kecamatan_sesuai_peran"):
        Pengguna.objects.create(username=f"{peran}.tanpa.kecamatan", peran=peran, kabupaten=jember)


@pytest.mark.parametrize("peran", [Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN_KABUPATEN])
def test_pengguna_kabupaten_tidak_boleh_punya_kecamatan(jember, kencong, peran):
    with ditolak_database(batasan="pengguna_kecamatan_sesuai_peran"):
        Pengguna.objects.create(
            username=f"{peran}.di.kencong", peran=peran, kabupaten=jember, kecamatan=kencong
        )


def test_operator_kencong_dan_bappeda_tersimpan(operator_kencong, bappeda, kencong):
    assert Pengguna.objects.get(username="operator.kencong").kecamatan == kencong
    assert Pengguna.objects.get(username="bappeda").kecamatan is None


# --- Tabel 1.1: staff by sex are the staff by education --------------------------------


def test_komposisi_sdm_laki_laki_dan_perempuan_sama_dengan_bezetting(kencong):
    profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
    bezetting = {"bezetting_sma": 2, "bezetting_s1": 3}  # 5 people
    with ditolak_database(batasan="komposisi_sdm_jenis_kelamin_sama_bezetting"):
        KomposisiSDM.objects.create(
            profil=profil, jabatan="4. Fungsional", laki_laki=3, perempuan=1, **bezetting
        )
    with ditolak_database(batasan="komposisi_sdm_jenis_kelamin_sama_bezetting"):
        KomposisiSDM.objects.create(
            profil=profil, jabatan="4. Fungsional", laki_laki=4, perempuan=2, **bezetting
        )
    baris = KomposisiSDM.objects.create(
        profil=profil, jabatan="4. Fungsional", laki_laki=3, perempuan=2, **bezetting
    )
    assert baris.bezetting_jumlah == 5
    assert profil.komposisi_sdm.count() == 7


# --- where an indicator hangs ---------------------------------------------------------


def test_indikator_program_milik_tepat_satu_tingkat(pk_2025, program_2025):
    kegiatan = program_2025.kegiatan.get(kode="1.1")
    sub = kegiatan.sub_kegiatan.get(kode="1.1.1")
    salah = [
        {},
        {"program": program_2025, "kegiatan": kegiatan},
        {"kegiatan": kegiatan, "sub_kegiatan": sub},
        {"program": program_2025, "sub_kegiatan": sub},
        {"program": program_2025, "kegiatan": kegiatan, "sub_kegiatan": sub},
    ]
    for tingkat in salah:
        with ditolak_database(batasan="indikator_program_tepat_satu_tingkat"):
            IndikatorProgram.objects.create(
                perjanjian=pk_2025, uraian="Indikator uji", satuan="%", target=100, **tingkat
            )
    sebelum = pk_2025.indikator_program.count()
    for tingkat in [{"program": program_2025}, {"kegiatan": kegiatan}, {"sub_kegiatan": sub}]:
        IndikatorProgram.objects.create(
            perjanjian=pk_2025, uraian="Indikator uji", satuan="%", target=100, **tingkat
        )
    assert pk_2025.indikator_program.count() == sebelum + 3


def test_indikator_milik_tujuan_atau_sasaran_tidak_keduanya(renstra_2025, ikm):
    tujuan = renstra_2025.tujuan.get(nomor=1)
    sasaran = Sasaran.objects.get(tujuan=tujuan, nomor=1)
    for tempat in [{}, {"tujuan": tujuan, "sasaran": sasaran}]:
        with ditolak_database(batasan="indikator_milik_tujuan_atau_sasaran"):
            Indikator.objects.create(ukuran=ikm, nama="IKM uji", satuan="Indeks", **tempat)
    Indikator.objects.create(ukuran=ikm, nama="IKM uji", satuan="Indeks", tujuan=tujuan)
    Indikator.objects.create(ukuran=ikm, nama="IKM uji", satuan="Indeks", sasaran=sasaran)
    assert Indikator.objects.filter(nama="IKM uji").count() == 2


# --- money is never negative ----------------------------------------------------------


@pytest.mark.parametrize("kolom", ["pagu_awal", "pagu_pergeseran", "pagu_perubahan"])
def test_pagu_sub_kegiatan_tidak_negatif(program_2025, kolom):
    kegiatan = program_2025.kegiatan.get(kode="1.1")
    with ditolak_database(batasan="sub_kegiatan_pagu_tidak_negatif"):
        SubKegiatan.objects.create(
            kegiatan=kegiatan, kode="1.1.9", nama="Sub kegiatan uji", **{kolom: Decimal("-0.01")}
        )
    sub = SubKegiatan.objects.create(
        kegiatan=kegiatan, kode="1.1.9", nama="Sub kegiatan uji", **{kolom: Decimal("0")}
    )
    sub.refresh_from_db()
    assert getattr(sub, kolom) == 0


def test_realisasi_anggaran_tidak_negatif(program_2025):
    sub = Kegiatan.objects.get(program=program_2025, kode="1.1").sub_kegiatan.get(kode="1.1.1")
    with ditolak_database(batasan="realisasi_anggaran_positif"):
        RealisasiAnggaran.objects.create(
            sub_kegiatan=sub, periode=Periode.TW1, jumlah=Decimal("-1")
        )
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, periode=Periode.TW1, jumlah=Decimal("0"))
    assert sub.realisasi.count() == 2


# --- only a PK Perubahan changes another PK ---------------------------------------------


def test_hanya_pk_perubahan_punya_asal(kencong, pk_2025):
    perubahan_2025 = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="perubahan")
    assert perubahan_2025.asal == pk_2025
    data = {
        "kecamatan": kencong,
        "tahun": 2026,
        "renstra": pk_2025.renstra,
        "asal": pk_2025,
        "pihak_pertama_nama": "Camat Uji",
        "pihak_pertama_jabatan": "Camat Kencong",
        "pihak_kedua_nama": "Bupati Jember",
        "pihak_kedua_jabatan": "Bupati Jember",
    }
    with ditolak_database(batasan="perjanjian_hanya_perubahan_punya_asal"):
        PerjanjianKinerja.objects.create(jenis="awal", **data)
    pk = PerjanjianKinerja.objects.create(jenis="perubahan", **data)
    assert pk_2025.perubahan.count() == 2
    assert pk.get_jenis_display() == "Perjanjian Kinerja Perubahan"


# --- colours of a scale band ------------------------------------------------------------


def pita(warna):
    skala = SkalaPenilaian.objects.get(kode="kriteria-capaian-permendagri-86-2017")
    return PitaSkala.objects.create(
        skala=skala, urutan=99, kode="U", label="Uji", warna=warna, batas_bawah=None
    )


@pytest.mark.parametrize("warna", ["9fd8f5", "#9fd8f", "#9fd8fg", "merah", "#fff", ""])
def test_warna_pita_bukan_rrggbb_ditolak(jember, warna):
    with ditolak_database(batasan="pita_warna_hex"):
        pita(warna)


@pytest.mark.parametrize("warna", ["#9fd8f5", "#9FD8F5", "#000000"])
def test_warna_pita_rrggbb_tersimpan(jember, warna):
    baris = pita(warna)
    baris.refresh_from_db()
    assert baris.warna == warna


def test_warna_pita_dengan_baris_baru_di_akhir_ditolak(jember):
    with ditolak_database(IntegrityError, DataError):
        pita("#9fd8f5\n")


# --- numbers are Decimal end to end -----------------------------------------------------


def test_target_indikator_dibaca_kembali_sebagai_decimal(renstra_2025):
    ipp = Indikator.objects.get(tujuan__renstra=renstra_2025, ukuran__kode="ipp")
    TargetIndikator.objects.create(indikator=ipp, tahun=2030, nilai=Decimal("92.5"))
    nilai = TargetIndikator.objects.get(indikator=ipp, tahun=2030).nilai
    assert isinstance(nilai, Decimal)
    assert nilai == Decimal("92.5")
    dari_values = ipp.target.filter(tahun=2030).values_list("nilai", flat=True).get()
    assert isinstance(dari_values, Decimal)
    assert dari_values == Decimal("92.5")


def test_realisasi_dibaca_kembali_sebagai_decimal(patrang, jember):
    sakip = Ukuran.objects.get(kabupaten=jember, kode="nilai-sakip")
    Realisasi.objects.create(
        kecamatan=patrang, ukuran=sakip, tahun=2025, nilai=Decimal("80.41"), huruf="A"
    )
    nilai = Realisasi.objects.get(kecamatan=patrang, ukuran=sakip, tahun=2025).nilai
    assert isinstance(nilai, Decimal)
    assert nilai == Decimal("80.41")
    assert str(nilai.quantize(Decimal("0.01"))) == "80.41"


def test_jumlah_pagu_kencong_2025_tepat_sampai_sen(kencong):
    """The LKIP's total budget after the change is Rp 3.920.691.860,40: summed by the
    database, it must come back as that exact Decimal, not a float near it."""
    sub = SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong)
    total = sub.aggregate(pagu=Sum("pagu_perubahan"))["pagu"]
    assert isinstance(total, Decimal)
    assert total == Decimal("3920691860.40")
    realisasi = RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub).aggregate(r=Sum("jumlah"))
    assert realisasi["r"] == Decimal("3067535140")
