"""The real Jember data loads as transcribed, with the seed's contradictions resolved as
fixtures/README.md says, and loading is safe to repeat."""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from iku.models import Indikator, KeputusanIKU, Renstra, Tujuan
from kecamatan.models import Kecamatan, KomposisiSDM, Pejabat, ProfilTahunan, SaranaPrasarana
from laporan.models import EvaluasiAKIP, LaporanKinerja
from perjanjian.models import PerjanjianKinerja, Realisasi, SubKegiatan
from perjanjian.selectors import pohon_anggaran

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jember"


def test_31_kecamatan_jember_dengan_kode_wilayah(jember):
    kecamatan = Kecamatan.objects.filter(kabupaten=jember)
    assert kecamatan.count() == 31
    assert kecamatan.get(kode="35.09.02").nama == "Kencong"
    assert kecamatan.get(kode="35.09.10").nama == "Balung"
    assert kecamatan.get(kode="35.09.14").nama == "Panti"
    assert kecamatan.get(kode="35.09.20").nama == "Patrang"


def test_memuat_ulang_tidak_menggandakan_apa_pun(jember, kencong):
    sebelum = (Renstra.objects.count(), Realisasi.objects.count(), SubKegiatan.objects.count())
    out = StringIO()
    call_command("muat_data_jember", stdout=out)
    assert "Sudah ada, dilewati: Kecamatan Kencong" in out.getvalue()
    assert (Renstra.objects.count(), Realisasi.objects.count(), SubKegiatan.objects.count()) == (
        sebelum
    )


def test_memuat_ulang_melengkapi_masa_jabatan_dan_kelompok_tc_25(jember, kencong):
    """A database loaded before the file had the camat's terms and the tujuan's TC 25 groups
    gets them on the next load; what someone typed since is kept."""
    Pejabat.objects.filter(kecamatan=kencong).update(mulai=None, selesai=None)
    semua = Tujuan.objects.filter(renstra__kecamatan=kencong)
    semua.update(kelompok="", rpjmd_sasaran="", rpjmd_indikator="")
    semua.filter(nomor=2).update(rpjmd_indikator="diketik pengguna")
    call_command("muat_data_jember", stdout=StringIO())
    masa = dict(Pejabat.objects.filter(kecamatan=kencong).values_list("nama", "selesai"))
    assert masa["Muhammad Najmul Huda, S.STP, M.Si"] == datetime.date(2025, 2, 10)
    perubahan = semua.filter(renstra__nama="Renstra Perubahan 2021-2026")
    assert list(perubahan.values_list("nomor", "kelompok", "rpjmd_indikator")) == [
        (1, "rutin", "NILAI SAKIP"),
        (2, "", "diketik pengguna"),
    ]
    assert not semua.filter(renstra__nama="Renstra 2025-2029").exclude(kelompok="").exists()


def test_kelompok_tc_25_tak_dikenal_ditolak(jember, tmp_path):
    (tmp_path / "kabupaten.yaml").write_text((FIXTURES / "kabupaten.yaml").read_text())
    data = yaml.safe_load((FIXTURES / "kencong.yaml").read_text())
    data["kecamatan"] = "jombang"
    data["renstra"][0]["tujuan"][0]["kelompok"] = "RUTINITAS"
    (tmp_path / "jombang.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(CommandError, match="tujuan 1: kelompok 'RUTINITAS' bukan RUTIN"):
        call_command("muat_data_jember", "--direktori", str(tmp_path), stdout=StringIO())


class TestKencong2025:
    def test_dua_renstra_dan_dua_keputusan_iku(self, kencong):
        assert list(Renstra.objects.filter(kecamatan=kencong).values_list("nama", flat=True)) == [
            "Renstra Perubahan 2021-2026",
            "Renstra 2025-2029",
        ]
        terpisah = KeputusanIKU.objects.get(kecamatan=kencong, nomor="000.7.2.7/32/35.09.02/2025")
        assert terpisah.tata_letak == KeputusanIKU.TataLetak.TERPISAH
        assert [(i.indikator.nama, i.lampiran) for i in terpisah.indikator_lampiran.all()] == [
            ("Indeks Pelayanan Publik Kecamatan", 1),
            ("Indeks Kepuasan Masyarakat", 1),
            ("Nilai SAKIP Kecamatan", 2),
            ("Persentase Capaian Kinerja Program yang Tercapai", 2),
        ]
        assert [d.label for d in terpisah.diktum.all()][-1] == "KETUJUH"

    def test_target_tahunan_dengan_huruf(self, kencong):
        sakip = Indikator.objects.get(tujuan__renstra__kecamatan=kencong, nama="Nilai SAKIP OPD")
        assert [(t.tahun, t.huruf, t.nilai) for t in sakip.target.all()] == [
            (2021, "B", Decimal("63.17")),
            (2022, "B", Decimal("64")),
            (2023, "B", Decimal("65")),
            (2024, "B", Decimal("66")),
            (2025, "B", Decimal("67")),
            (2026, "B", Decimal("68")),
        ]

    def test_pilihan_atas_kontradiksi_sumber(self, kencong):
        # IKM target of the PK Perubahan: 93,5 (the annex prints 83,5).
        perubahan = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=2025, jenis="perubahan")
        assert perubahan.target.get(indikator__nama="Indeks Kepuasan Masyarakat").nilai == Decimal(
            "93.5"
        )
        assert perubahan.asal.jenis == "awal"
        # Nilai SAKIP end target 2029: 85 (Tabel 3.8 prints 86).
        sakip = Indikator.objects.get(
            sasaran__tujuan__renstra__nama="Renstra 2025-2029",
            sasaran__tujuan__renstra__kecamatan=kencong,
            nama="Nilai SAKIP Kecamatan",
        )
        assert sakip.target_akhir == Decimal("85")
        # Trantib budget after the change: 68.661.200 (the PK Perubahan annex: 68.861.200).
        pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
        trantib = next(p for p in pohon.program if p.objek.kode == "4")
        assert trantib.jumlah.pagu_perubahan == Decimal("68661200")
        assert trantib.jumlah.pagu_awal == Decimal("236432400")
        # One IKM realisasi for 2025, used by both PK (Tabel 3.12 prints 89,95).
        assert Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025).nilai == (
            Decimal("92.33")
        )

    def test_tabel_1_1_sdm_konsisten(self, kencong):
        profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        baris = list(KomposisiSDM.objects.filter(profil=profil))
        assert sum(b.kebutuhan_jumlah for b in baris) == 24
        assert sum(b.bezetting_jumlah for b in baris) == 24
        assert sum(b.bezetting_s1 for b in baris) == 7
        assert sum(b.laki_laki for b in baris) == 21 and sum(b.perempuan for b in baris) == 3

    def test_tabel_1_2_sarana_prasarana_dan_isu_strategis(self, kencong):
        profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        assert SaranaPrasarana.objects.filter(profil=profil, kelompok="tanah").count() == 2
        assert profil.isu_strategis.count() == 6

    def test_laporan_2025_dengan_tindak_lanjut_lhe(self, kencong):
        lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
        # Tabel 1.3 answers the Inspektorat's LHE of the same year (laporan.evaluasi).
        lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=2025)
        assert lhe.judul == "LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3"
        assert lhe.nomor_surat == "700.1.2.1/15/IR.1/35.09.410/2025"
        assert lhe.rekomendasi.count() == 11
        assert lhe.rekomendasi.get(urutan=11).tindak_lanjut.startswith("Menyusun matriks rencana")
        assert lkip.penandatangan_nip == "197708272002121006"
        assert lkip.kata_pengantar.startswith("Puji syukur kehadirat Tuhan Yang Maha Esa")


@pytest.mark.parametrize(
    ("slug", "nomor", "jumlah_indikator"),
    [
        ("patrang", "000.8.6.3/JS/35.09.02/2025", 6),
        ("balung", "065/45/35.09.10/2023", 6),
        ("panti", "000.7.2.7/17/35.09.14/2026", 4),
    ],
)
def test_keputusan_iku_kecamatan_lain(jember, slug, nomor, jumlah_indikator):
    keputusan = KeputusanIKU.objects.get(kecamatan__slug=slug, nomor=nomor)
    assert keputusan.status == KeputusanIKU.Status.DITETAPKAN
    assert keputusan.indikator_lampiran.count() == jumlah_indikator


class TestKoreksiDataKencong:
    """The data corrected against seed 004 (issue 11): what the seed states, read again."""

    def test_tabel_1_2_peralatan_dan_mesin_24_baris_221(self, kencong):
        baris = SaranaPrasarana.objects.filter(
            profil__kecamatan=kencong, profil__tahun=2025, kelompok="peralatan_mesin"
        )
        assert baris.count() == 24
        assert sum(b.jumlah for b in baris) == 221
        nama = [b.nama for b in baris]
        assert nama[:4] == [
            "Electric Generating Set",
            "Kendaraan Dinas Bermotor",
            "Kendaraan Bermotor Operasional Lap",
            "Kendaraan Bermotor Roda 2",
        ]
        semua = SaranaPrasarana.objects.filter(profil__kecamatan=kencong, profil__tahun=2025)
        assert sum(b.jumlah for b in semua) == 289

    def test_ipp_form_03_dari_masyarakat_form_02_asesmen(self, kencong):
        ipp = Indikator.objects.get(
            tujuan__renstra__kecamatan=kencong,
            tujuan__renstra__nama="Renstra 2025-2029",
            nama="Indeks Pelayanan Publik Kecamatan",
        )
        definisi = ipp.definisi_operasional
        assert "d. Form 03 adalah form isian dari masyarakat / pengguna layanan" in definisi
        assert "e. Form 02 adalah form asesmen Tim Bagian Organisasi" in definisi
        assert ipp.formulasi == "IPP = (75% × nilai form 02) + (25% × nilai form 03)"

    def test_baseline_ikm_2024_sesuai_renstra_93(self, kencong):
        ikm = Indikator.objects.get(
            sasaran__tujuan__renstra__kecamatan=kencong,
            sasaran__tujuan__renstra__nama="Renstra 2025-2029",
            nama="Indeks Kepuasan Masyarakat",
        )
        assert ikm.baseline == Decimal("93")
        # The IKM realisasi of 2024 stays what Tabel 3.2 prints.
        assert Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2024).nilai == (
            Decimal("92.80")
        )

    def test_keputusan_32_dengan_tugas_dan_fungsinya_sendiri(self, kencong):
        keputusan = KeputusanIKU.objects.get(kecamatan=kencong, nomor__contains="/32/")
        profil = ProfilTahunan.objects.get(kecamatan=kencong, tahun=2025)
        tugas = keputusan.tugas.splitlines()
        assert len(tugas) == 10 and tugas[0].startswith("menyelenggaraan urusan pemerintahan")
        assert len(keputusan.fungsi.splitlines()) == 37  # as printed, two repeated
        assert keputusan.tugas != profil.tugas and keputusan.fungsi != profil.fungsi
        assert [k for k, _ in keputusan.kolom_lampiran] == [
            "no",
            "kinerja",
            "indikator",
            "formulasi",
            "definisi",
            "sumber_data",
            "penanggung_jawab",
        ]

    def test_penanggung_jawab_dalam_urutan_keputusan(self, kencong):
        ikm = Indikator.objects.get(
            sasaran__tujuan__renstra__kecamatan=kencong,
            sasaran__tujuan__renstra__nama="Renstra Perubahan 2021-2026",
            nama="Indeks Kepuasan Masyarakat",
        )
        assert [p.unit_kerja.nama for p in ikm.urutan_penanggung_jawab.all()] == [
            "Seksi Pemerintahan",
            "Seksi Pelayanan Umum",
            "Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
            "Seksi Ketentraman dan Ketertiban Umum",
        ]


def test_kolom_dan_isi_sendiri_keputusan_patrang_dan_balung(jember):
    patrang = KeputusanIKU.objects.get(kecamatan__slug="patrang")
    assert [judul for _, judul in patrang.kolom_lampiran] == [
        "Sasaran Strategis",
        "IKU",
        "Formulasi Perhitungan dan Penjelasan Indikator",
        "Penanggung Jawab",
        "Sumber Data",
    ]
    assert patrang.halaman_iku and not patrang.tugas  # the profile's tugas
    balung = KeputusanIKU.objects.get(kecamatan__slug="balung")
    assert "a. NON RUTIN" in balung.penutup and "b. RUTIN" in balung.penutup


def test_data_salah_ditolak_utuh_dengan_pesan_jelas(jember, tmp_path):
    """A bad value stops the load of that file with a message naming it; nothing is half-saved."""
    (tmp_path / "kabupaten.yaml").write_text((FIXTURES / "kabupaten.yaml").read_text())
    data = yaml.safe_load((FIXTURES / "kencong.yaml").read_text())
    data["kecamatan"] = "jombang"
    data["renstra"][0]["tujuan"][0]["indikator"][0]["target"][2025] = "sekitar 67"
    (tmp_path / "jombang.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(
        CommandError, match=r"jombang.yaml: indikator 'Nilai SAKIP OPD' target 2025"
    ):
        call_command("muat_data_jember", "--direktori", str(tmp_path), stdout=StringIO())
    assert not Renstra.objects.filter(kecamatan__slug="jombang").exists()


def test_angka_tanpa_tanda_kutip_ditolak(jember, tmp_path):
    """YAML would read 91,5 in a flow map as two entries; values must be quoted strings."""
    (tmp_path / "kabupaten.yaml").write_text((FIXTURES / "kabupaten.yaml").read_text())
    data = yaml.safe_load((FIXTURES / "kencong.yaml").read_text())
    data["kecamatan"] = "jombang"
    data["renstra"][0]["tujuan"][0]["indikator"][0]["baseline"] = 63.17
    (tmp_path / "jombang.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(CommandError, match="harus ditulis sebagai teks bertanda kutip"):
        call_command("muat_data_jember", "--direktori", str(tmp_path), stdout=StringIO())
