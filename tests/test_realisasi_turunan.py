"""Derived measures (issue 11): an indicator whose realisasi follows from data the system holds
(the budget tree, the PK's program indicators, the survey, the LHE) is computed, its source is
named wherever the value shows, and it cannot be typed.

Kencong 2025's "Persentase Indikator Program yang tercapai" is computed from its program
indicators (fixtures/README.md): three of the four program-level indicators of the first PK
reach their target, 75 %, where the seed typed 92 %; the fourth, "Persentase realisasi
anggaran", is a derived program indicator itself (Tabel 3.3 / 3.10): the serapan of the whole
budget tree, 78,24 %, against a target of 92 (the seed typed 92). The budget source of a PK
indicator is shown on one switched to it for the test."""

import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse

from iku.models import Indikator
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.models import EvaluasiAKIP, LaporanKinerja, SkorAKIP
from laporan.muat_data import DataTidakValid, muat_perjanjian
from perjanjian.models import (
    IndikatorProgram,
    PerjanjianKinerja,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.selectors import (
    capaian_indikator_program,
    capaian_kecamatan,
    indikator_program_pk,
)
from perjanjian.services import (
    indikator_program_simpan,
    perjanjian_perubahan_buat,
    sidik_indikator_program,
)
from perjanjian.services.realisasi import Isian, grid_realisasi, realisasi_simpan
from sakip import kinerja
from sakip.kinerja import Nilai
from sakip.penguncian import TransisiDitolak, kunci_dilepas
from tests.bantu_excel import baris, kolom, unduh, unggah

TAHUN = 2025
PROGRAM_TERCAPAI = "Persentase Indikator Program yang tercapai"
SUMBER_PROGRAM = (
    "Dihitung dari indikator program Perjanjian Kinerja 2025: 3 dari 4 indikator program tercapai"
)
SUMBER_ANGGARAN = (
    "Dihitung dari realisasi anggaran (pohon anggaran): Rp 3.067.535.140,00 dari pagu "
    "Rp 3.920.691.860,40"
)
# A PK Perubahan indicator standing in for a budget-derived one (see the module docstring).
PENGGANTI = "Persentase Capaian Kinerja Program yang Tercapai"
ANGGARAN_PROGRAM = "Persentase realisasi anggaran"  # a program indicator of both PKs


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
    def test_dihitung_75_persen_bukan_92_yang_diketik(self, kencong):
        b = baris_capaian(kencong, PROGRAM_TERCAPAI)
        assert b.realisasi.angka == D(75) and b.sumber == SUMBER_PROGRAM
        assert kinerja.bulatkan(b.capaian) == D("81.52")  # 75 / 92
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
        assert sel and sel.group(1).strip() == "75%"
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
        assert sel.value == 75  # the computed value is what the file shows
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
    # The program indicator of Tabel 3.3 and 3.10, computed the same way, named under each.
    catatan = f"Realisasi indikator “{ANGGARAN_PROGRAM}” (78,24%) tidak diketik. {SUMBER_ANGGARAN}."
    assert lkip.count(catatan) == 2
    assert (
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota dengan indikator "
        f"“{ANGGARAN_PROGRAM}” pada tahun 2025 ditargetkan sebesar 92% dan terealisasi 78,24% "
        "sehingga capaiannya sebesar 85,04%" in lkip
    )
    assert "terealisasi 92%" not in lkip

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


# --- program indicators (IndikatorProgram.sumber_realisasi) ----------------------------------


def pk_kencong(jenis="awal"):
    return PerjanjianKinerja.objects.get(kecamatan__slug="kencong", tahun=TAHUN, jenis=jenis)


def program_kencong(uraian, jenis="awal"):
    """The program indicator ``uraian`` of the PK ``jenis``, with its computed realisasi."""
    pk = pk_kencong(jenis)
    return next(i for i in indikator_program_pk(perjanjian_ids=[pk.id]) if i.uraian == uraian)


def halaman_program(pk):
    return reverse("perjanjian:perjanjian-indikator-program", args=["kencong", pk.id])


@pytest.fixture
def draf_awal(kencong):
    """The first PK back to draft: its program indicators can be edited on their page."""
    pk = pk_kencong()
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="draft")
    pk.refresh_from_db()
    return pk


def isian(client, pk):
    """The page's form as a browser posts it (unticked boxes left out)."""
    form = client.get(halaman_program(pk)).context["form"]
    data = {n: form[n].field.widget.format_value(form[n].value()) or "" for n in form.fields}
    return {k: v for k, v in data.items() if not k.endswith("_hapus")}


@pytest.mark.django_db
class TestIndikatorProgramDihitung:
    def test_realisasi_anggaran_78_24_di_kedua_pk_bukan_yang_diketik(self, kencong):
        for jenis, target, capaian in (("awal", 92, "85.04"), ("perubahan", 100, "78.24")):
            i = program_kencong(ANGGARAN_PROGRAM, jenis)
            assert i.sumber_realisasi == Indikator.SumberRealisasi.ANGGARAN
            assert i.realisasi is None  # nothing typed is stored
            assert i.target == target and i.realisasi_berlaku == D("78.24")
            assert i.turunan.keterangan == SUMBER_ANGGARAN
            assert kinerja.bulatkan(capaian_indikator_program(i)) == D(capaian)
        # Outside the selector a derived indicator has no realisasi, never a stale number.
        assert IndikatorProgram.objects.get(pk=i.pk).realisasi_berlaku is None

    def test_bagian_indikator_program_tidak_menghitung_dirinya(self, kencong):
        """The PK Perubahan's own "indikator program yang tercapai": 4 of its 5 other
        program-level indicators (the budget one is not), not the seed's typed 100."""
        i = program_kencong("Persentase indikator program yang tercapai", "perubahan")
        assert i.realisasi_berlaku == D(80)
        assert i.turunan.keterangan == (
            "Dihitung dari indikator program Perjanjian Kinerja Perubahan 2025: "
            "4 dari 5 indikator program tercapai"
        )

    def test_halaman_menampilkan_hasil_hitung_tanpa_isian(
        self, client, operator_kencong, draf_awal
    ):
        client.force_login(operator_kencong)
        response = client.get(halaman_program(draf_awal))
        html = response.text
        i = program_kencong(ANGGARAN_PROGRAM)
        sel = re.search(rf'data-testid="realisasi-program-{i.id}-dihitung">(.*?)</div>', html)
        assert sel and sel.group(1) == "78,24"
        assert SUMBER_ANGGARAN in html
        assert f'name="i{i.id}_realisasi"' not in html  # no input for it
        assert f'name="i{i.id}_sumber"' in html  # its source can be chosen
        # The page counts it as the LKIP does: 3 of 4 program-level indicators.
        assert "tidak tercapai: 1 · persentase tercapai: <strong>75,00%</strong>" in html

    def test_nilai_yang_diketik_ditolak(self, client, operator_kencong, draf_awal):
        client.force_login(operator_kencong)
        i = program_kencong(ANGGARAN_PROGRAM)
        data = {**isian(client, draf_awal), f"i{i.id}_realisasi": "92"}
        teks = polos(client.post(halaman_program(draf_awal), data).text)
        assert (
            f"Realisasi “{ANGGARAN_PROGRAM}” tidak diketik: dihitung dari realisasi anggaran "
            "(pohon anggaran)." in teks
        )
        assert IndikatorProgram.objects.get(pk=i.pk).realisasi is None
        # The service refuses it too (a crafted request).
        ubah = {
            i.id: {"uraian": i.uraian, "satuan": i.satuan, "target": Nilai(i.target)}
            | {"realisasi": Nilai(D(92))}
        }
        with pytest.raises(TransisiDitolak, match="tidak diketik: dihitung dari realisasi"):
            indikator_program_simpan(
                perjanjian=draf_awal,
                ubah=ubah,
                sidik=sidik_indikator_program(draf_awal, draf_awal.indikator_program.all()),
                oleh=operator_kencong,
            )

    def test_sumber_dipilih_di_halaman_nilai_diketik_dibuang(
        self, client, operator_kencong, draf_awal
    ):
        """A typed row switched to a source: the typed value goes, the computed one shows."""
        client.force_login(operator_kencong)
        i = draf_awal.indikator_program.get(uraian__startswith="Terselenggarakannya")
        assert i.realisasi == 100
        data = {**isian(client, draf_awal), f"i{i.id}_sumber": "anggaran"}
        assert client.post(halaman_program(draf_awal), data).status_code == 302
        i.refresh_from_db()
        assert (i.sumber_realisasi, i.realisasi) == ("anggaran", None)
        assert program_kencong(i.uraian).realisasi_berlaku == D("78.24")
        # A new row with a source and a typed value: refused on its cell.
        data = {
            **isian(client, draf_awal),
            "baru0_tingkat": f"program-{i.program_id}",
            "baru0_uraian": "Serapan",
            "baru0_satuan": "%",
            "baru0_target": "90",
            "baru0_realisasi": "80",
            "baru0_sumber": "anggaran",
        }
        teks = polos(client.post(halaman_program(draf_awal), data).text)
        assert "Realisasi “Serapan” tidak diketik" in teks
        assert not draf_awal.indikator_program.filter(uraian="Serapan").exists()

    def test_admin_realisasi_hanya_dibaca_dan_model_menolak(self, client, admin_kabupaten):
        i = program_kencong(ANGGARAN_PROGRAM)
        client.force_login(admin_kabupaten)
        html = client.get(reverse("admin:perjanjian_indikatorprogram_change", args=[i.pk])).text
        assert 'name="realisasi"' not in html and 'name="sumber_realisasi"' in html
        i.realisasi = D(92)
        with pytest.raises(ValidationError, match="tidak diketik"):
            i.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        (["P1", "Serapan", "%", "90", "80", "anggaran"], "realisasi yang dihitung"),
        (["P1", "Serapan", "%", "90", None, "tebakan"], "sumber 'tebakan' bukan salah satu"),
    ],
)
def test_pemuat_menolak_realisasi_diketik_dan_sumber_asing(kencong, baris, pesan):
    program = program_kencong(ANGGARAN_PROGRAM).program
    pk = pk_kencong()
    data = {
        "tahun": TAHUN + 1,  # a PK of its own (the loader reads the program by its code)
        "jenis": "awal",
        "renstra": "r",
        "sumber_dana": "APBD",
        "pihak_pertama": {"nama": "A", "jabatan": "Camat"},
        "pihak_kedua": {"nama": "B", "jabatan": "Bupati"},
        "target": [],
        "indikator_program": [baris],
    }
    with pytest.raises(DataTidakValid, match=pesan):
        muat_perjanjian(kencong, data, {"r": pk.renstra}, {}, {"P1": program})


@pytest.mark.django_db
def test_pk_perubahan_yang_disalin_tetap_menghitung(kencong, operator_kencong):
    with kunci_dilepas():
        pk_kencong("perubahan").delete()
    baru, _ = perjanjian_perubahan_buat(asal=pk_kencong(), oleh=operator_kencong)
    i = program_kencong(ANGGARAN_PROGRAM, "perubahan")
    assert i.perjanjian_id == baru.id and i.sumber_realisasi == "anggaran"
    assert (i.realisasi, i.realisasi_berlaku) == (None, D("78.24"))
