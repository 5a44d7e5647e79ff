"""Derived measures (issue 11): an indicator whose realisasi follows from data the system holds
(the budget tree, the PK's program indicators, the survey, the LHE) is computed, its source is
named wherever the value shows, and it cannot be typed.

Kencong 2025's "Persentase Indikator Program yang tercapai" is computed from its program
indicators (fixtures/README.md): all four program-level indicators of the first PK reached
their target, 100 %, where the seed typed 92 %. Kencong's "Persentase realisasi anggaran" is a
program indicator (Tabel 3.3), not a PK indicator; the budget source is shown on a PK indicator
switched to it for the test."""

import re
from decimal import Decimal as D

import pytest
from django.db.models import Q
from django.urls import reverse

from iku.models import Indikator
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import EvaluasiAKIP, LaporanKinerja, SkorAKIP
from perjanjian.models import PerjanjianKinerja, Realisasi, RealisasiAnggaran, SubKegiatan
from perjanjian.selectors import capaian_kecamatan
from perjanjian.services.realisasi import Isian, grid_realisasi, realisasi_simpan
from sakip import kinerja
from sakip.kinerja import Nilai
from sakip.penguncian import TransisiDitolak
from tests.bantu_excel import baris, kolom, unduh, unggah

TAHUN = 2025
PROGRAM_TERCAPAI = "Persentase Indikator Program yang tercapai"
SUMBER_PROGRAM = (
    "Dihitung dari indikator program Perjanjian Kinerja 2025: 4 dari 4 indikator program tercapai"
)
SUMBER_ANGGARAN = (
    "Dihitung dari realisasi anggaran (pohon anggaran): Rp 3.067.535.140,00 dari pagu "
    "Rp 3.920.691.860,40"
)
# A PK Perubahan indicator standing in for a budget-derived one (see the module docstring).
PENGGANTI = "Persentase Capaian Kinerja Program yang Tercapai"


def polos(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def url(periode="tahunan"):
    return reverse("perjanjian:realisasi", args=["kencong", TAHUN, periode])


def baris_capaian(kencong, nama, periode="tahunan", jenis="awal"):
    """The capaian row of Kencong's indicator ``nama`` (of the PK ``jenis`` when in both)."""
    c = capaian_kecamatan(kecamatan=kencong, tahun=TAHUN, periode=periode)
    rows = [b for b in c.baris if b.indikator.nama == nama]
    return rows[0] if len(rows) == 1 else next(b for b in rows if b.perjanjian.jenis == jenis)


def indikator_kencong(nama):
    return Indikator.objects.filter(
        Q(tujuan__renstra__kecamatan__slug="kencong")
        | Q(sasaran__tujuan__renstra__kecamatan__slug="kencong"),
        nama=nama,
    )


def sumber(nama, nilai):
    indikator_kencong(nama).update(sumber_realisasi=nilai)


# --- the arithmetic --------------------------------------------------------------------------


class TestRealisasiAnggaranSampai:
    def test_tahunan_angka_tahunan_atau_jumlah_triwulan(self):
        assert kinerja.realisasi_anggaran_sampai(D(90), [D(10), D(20), None, None]) == D(90)
        assert kinerja.realisasi_anggaran_sampai(None, [D(10), D(20), None, None]) == D(30)

    def test_triwulan_kumulatif(self):
        per_tw = [D(10), D(20), D(30), D(40)]
        assert [kinerja.realisasi_anggaran_sampai(None, per_tw, n) for n in (1, 2, 3, 4)] == [
            D(10),
            D(30),
            D(60),
            D(100),
        ]
        # The annual figure does not speak for a quarter.
        assert kinerja.realisasi_anggaran_sampai(D(500), [None] * 4, 2) is None

    def test_triwulan_di_luar_1_sampai_4(self):
        with pytest.raises(ValueError, match="Triwulan antara 1 dan 4"):
            kinerja.realisasi_anggaran_sampai(None, [None] * 4, 5)

    def test_persentase_kencong_78_24_dan_tanpa_data_none(self):
        persen = kinerja.persentase_realisasi_anggaran(
            D("3920691860.40"), D("3067535140"), [None] * 4
        )
        assert kinerja.bulatkan(persen) == D("78.24")
        assert kinerja.persentase_realisasi_anggaran(D(100), None, [None] * 4) is None
        assert kinerja.persentase_realisasi_anggaran(D(0), D(5), [None] * 4) is None
        assert kinerja.persentase_realisasi_anggaran(D(200), None, [D(50), None], 2) == D(25)


# --- Kencong 2025: computed from the program indicators --------------------------------------


@pytest.mark.django_db
class TestIndikatorProgramTercapai:
    def test_dihitung_100_persen_bukan_92_yang_diketik(self, kencong):
        b = baris_capaian(kencong, PROGRAM_TERCAPAI)
        assert b.realisasi.angka == D(100) and b.sumber == SUMBER_PROGRAM
        assert kinerja.bulatkan(b.capaian) == D("108.70")  # 100 / 92
        # A quarter: program indicators are realised once a year.
        assert baris_capaian(kencong, PROGRAM_TERCAPAI, "tw2").realisasi is None

    def test_halaman_realisasi_menampilkan_tanpa_isian(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        html = client.get(url()).text
        b = baris_capaian(kencong, PROGRAM_TERCAPAI)
        sel = re.search(
            rf'data-testid="realisasi-{b.perjanjian.id}-{b.indikator.id}-dihitung">(.*?)</td>',
            html,
            re.S,
        )
        assert sel and sel.group(1).strip() == "100%"
        assert SUMBER_PROGRAM in html
        assert 'id="realisasi-indikator-program-tercapai"' in html  # the cell, not an input
        assert not re.search(r'<input[^>]*id="realisasi-indikator-program-tercapai"', html)

    def test_nilai_yang_diketik_ditolak(self, client, operator_kencong, kencong):
        client.force_login(operator_kencong)
        response = client.get(url())
        data = {
            nama: response.context["form"][nama].value() or ""
            for nama in response.context["form"].fields
        }
        b = baris_capaian(kencong, PROGRAM_TERCAPAI)
        data[f"b{b.perjanjian.id}_{b.indikator.id}-nilai"] = "92%"
        teks_halaman = polos(client.post(url(), data).text)
        assert f"Realisasi “{PROGRAM_TERCAPAI}” tidak diketik" in teks_halaman
        assert "Tidak ada yang disimpan." in teks_halaman
        ukuran = b.indikator.ukuran
        assert not Realisasi.objects.filter(
            kecamatan=kencong, ukuran=ukuran, tahun=TAHUN, periode="tahunan"
        ).exists()
        # The service refuses it too (an import, a crafted request).
        with pytest.raises(TransisiDitolak, match="dihitung dari indikator program"):
            realisasi_simpan(
                kecamatan=kencong,
                tahun=TAHUN,
                periode="tahunan",
                isian={ukuran.id: Isian(Nilai(D(92)))},
                sidik=grid_realisasi(kecamatan=kencong, tahun=TAHUN, periode="tahunan").sidik,
                oleh=operator_kencong,
            )

    def test_impor_excel_mengabaikan_baris_dengan_pemberitahuan(
        self, client, operator_kencong, kencong, media
    ):
        client.force_login(operator_kencong)
        impor = reverse("perjanjian:realisasi-impor", args=["kencong", TAHUN])
        ws = unduh(client, reverse("perjanjian:realisasi-excel", args=["kencong", TAHUN]))
        kode = kolom(ws, "Kode indikator")
        sel = ws.cell(
            row=baris(ws, kode, "indikator-program-tercapai"), column=kolom(ws, "Tahunan")
        )
        assert sel.value == 100  # the computed value is what the file shows
        sel.value = "92%"
        halaman = unggah(client, impor, ws)
        assert (
            "Tidak diimpor: realisasi indikator ini tidak diketik; dihitung dari indikator"
            in halaman
        )
        assert "Tidak ada perubahan" in halaman
        assert not Realisasi.objects.filter(
            kecamatan=kencong, ukuran__kode="indikator-program-tercapai", tahun=TAHUN
        ).exists()


# --- the budget tree, the survey, the LHE --------------------------------------------------


@pytest.mark.django_db
def test_anggaran_tahunan_dan_kumulatif_per_triwulan_di_halaman_dan_lkip(
    client, operator_kencong, kencong
):
    sumber(PENGGANTI, Indikator.SumberRealisasi.ANGGARAN)
    b = baris_capaian(kencong, PENGGANTI)
    assert kinerja.bulatkan(b.realisasi.angka) == D("78.24") and b.sumber == SUMBER_ANGGARAN
    assert baris_capaian(kencong, PENGGANTI, "tw2").realisasi is None  # no quarterly figures

    client.force_login(operator_kencong)
    html = polos(client.get(url()).text)
    assert "78,24%" in html and SUMBER_ANGGARAN in html

    lkip = polos(
        PenyajiLKIP(
            LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
                kecamatan=kencong, tahun=TAHUN
            )
        ).html()
    )
    assert f"Realisasi indikator “{PENGGANTI}” (78,24%) tidak diketik. {SUMBER_ANGGARAN}." in lkip
    assert f"Realisasi 78,24%: {SUMBER_ANGGARAN}." in lkip  # analysis point e

    # Quarters are cumulative: TW II counts TW I and TW II.
    sub = SubKegiatan.objects.get(
        kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=TAHUN, kode="1.1.1"
    )
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, periode="tw1", jumlah=D("392069186.04"))
    RealisasiAnggaran.objects.create(sub_kegiatan=sub, periode="tw2", jumlah=D("392069186.04"))
    assert kinerja.bulatkan(baris_capaian(kencong, PENGGANTI, "tw1").realisasi.angka) == D(10)
    tw2 = baris_capaian(kencong, PENGGANTI, "tw2")
    assert kinerja.bulatkan(tw2.realisasi.angka) == D(20)
    assert tw2.sumber.endswith("s.d. Triwulan II") or "s.d." in tw2.sumber


@pytest.mark.django_db
def test_ikm_dari_survei_periode_itu(kencong, survei_kencong):
    sumber("Indeks Kepuasan Masyarakat", Indikator.SumberRealisasi.IKM)
    tw1 = baris_capaian(kencong, "Indeks Kepuasan Masyarakat", "tw1")
    assert tw1.realisasi.angka == D("86.81")
    assert tw1.sumber.startswith("Dihitung dari Survei Kepuasan Masyarakat")
    assert "survei-kencong-tw1.xlsx" in tw1.sumber
    # The year without an annual survey: its latest quarterly one; a quarter without: no data.
    assert baris_capaian(kencong, "Indeks Kepuasan Masyarakat").realisasi.angka == D("86.81")
    tw2 = baris_capaian(kencong, "Indeks Kepuasan Masyarakat", "tw2")
    assert tw2.realisasi is None and tw2.capaian is None
    assert tw2.sumber.endswith("belum ada data")


@pytest.mark.django_db
def test_nilai_sakip_dari_lhe_tahun_itu(client, operator_kencong, kencong):
    sumber("Nilai SAKIP Kecamatan", Indikator.SumberRealisasi.NILAI_SAKIP)
    # The LHE 2025 of the fixture has no scores: belum ada data, not the loaded A (80,41), not 0.
    b = baris_capaian(kencong, "Nilai SAKIP Kecamatan")
    assert b.realisasi is None and b.capaian is None
    client.force_login(operator_kencong)
    assert "belum ada data" in polos(client.get(url()).text)

    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)
    skor = {
        "perencanaan": ("6", "7.5", "12"),
        "pengukuran": ("6", "6.75", "10.5"),
        "pelaporan": ("3", "3.6", "5.25"),
        "evaluasi": ("4", "5", "8.5"),
    }
    for komponen, nilai in skor.items():
        for sub, v in zip(kinerja.SUB_KOMPONEN_AKIP, nilai, strict=True):
            SkorAKIP.objects.create(evaluasi=lhe, komponen=komponen, sub_komponen=sub, skor=D(v))
    b = baris_capaian(kencong, "Nilai SAKIP Kecamatan")
    assert (b.realisasi.angka, b.realisasi.huruf) == (D("78.10"), "BB")
    assert b.sumber.startswith(f"Dihitung dari {lhe.judul}")
    assert kinerja.bulatkan(b.capaian) == D("96.42")  # 78,10 / 81
    # Nilai SAKIP is rated once a year.
    assert baris_capaian(kencong, "Nilai SAKIP Kecamatan", "tw3").realisasi is None


@pytest.mark.django_db
def test_sumber_dipilih_di_halaman_indikator(client, operator_kencong, kencong):
    ind = indikator_kencong(PROGRAM_TERCAPAI).get()
    client.force_login(operator_kencong)
    html = client.get(reverse("iku:indikator-ubah", args=["kencong", ind.id])).text
    assert 'name="sumber_realisasi"' in html
    assert "Dihitung dari indikator program PK yang tercapai" in html
    assert PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).count() == 2


@pytest.mark.django_db
def test_sumber_disimpan_dari_halaman_indikator(client, operator_kencong, kencong):
    ind = indikator_kencong(
        "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah"
    ).get()
    client.force_login(operator_kencong)
    alamat = reverse("iku:indikator-ubah", args=["kencong", ind.id])
    form = client.get(alamat).context["form"]
    data = {n: form[n].value() for n in form.fields if form[n].value() is not None}
    data["penanggung_jawab"] = [str(v) for v in form["penanggung_jawab"].value()]
    data["sumber_realisasi"] = Indikator.SumberRealisasi.IKM
    assert client.post(alamat, data).status_code == 302
    ind.refresh_from_db()
    assert ind.sumber_realisasi == Indikator.SumberRealisasi.IKM
