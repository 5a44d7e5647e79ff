"""The synthetic data command: it fills the kecamatan without real data for demos and load
tests, labels everything it writes, never touches the real fixture rows, adds nothing on a
second run, and removes exactly what it wrote with --hapus."""

import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from iku.models import Indikator, KeputusanIKU, Renstra, Sasaran, TargetIndikator, Tujuan
from kecamatan.models import Kecamatan
from laporan.models import LaporanKinerja
from perjanjian.models import (
    PelaporanRealisasi,
    PerjanjianKinerja,
    Realisasi,
    TargetPerjanjian,
)
from sakip import kinerja

NYATA = {"kencong", "patrang", "balung", "panti"}  # the kecamatan of fixtures/jember


def jalankan(*args) -> str:
    keluaran = StringIO()
    call_command("isi_data_sintetis", *args, stdout=keluaran)
    return keluaran.getvalue()


def potret_nyata() -> dict:
    """Every real fixture row the command could reach, with the values it holds."""
    nyata = Kecamatan.objects.filter(slug__in=NYATA)
    return {
        "renstra": sorted(
            Renstra.objects.filter(kecamatan__in=nyata).values_list("id", "nama", "sumber")
        ),
        "indikator": sorted(
            Indikator.objects.filter(sasaran__tujuan__renstra__kecamatan__in=nyata).values_list(
                "id", "nama", "baseline"
            )
        ),
        "target": sorted(
            TargetIndikator.objects.filter(
                indikator__sasaran__tujuan__renstra__kecamatan__in=nyata
            ).values_list("id", "nilai")
        ),
        "keputusan": sorted(
            KeputusanIKU.objects.filter(kecamatan__in=nyata).values_list("id", "nomor", "status")
        ),
        "pk": sorted(
            PerjanjianKinerja.objects.filter(kecamatan__in=nyata).values_list(
                "id", "status", "pihak_pertama_nama"
            )
        ),
        "target_pk": sorted(
            TargetPerjanjian.objects.filter(perjanjian__kecamatan__in=nyata).values_list(
                "id", "nilai"
            )
        ),
        "realisasi": sorted(
            Realisasi.objects.filter(kecamatan__in=nyata).values_list(
                "id", "ukuran__kode", "tahun", "nilai", "catatan_sumber"
            )
        ),
        "pelaporan": sorted(
            PelaporanRealisasi.objects.filter(kecamatan__in=nyata).values_list("id", "status")
        ),
        "lkip": sorted(
            LaporanKinerja.objects.filter(kecamatan__in=nyata).values_list("id", "status")
        ),
    }


def jumlah_baris() -> dict:
    return {
        m.__name__: m.objects.count()
        for m in (
            Renstra,
            Tujuan,
            Sasaran,
            Indikator,
            TargetIndikator,
            KeputusanIKU,
            PerjanjianKinerja,
            TargetPerjanjian,
            Realisasi,
            PelaporanRealisasi,
            LaporanKinerja,
        )
    }


def test_tahun_di_luar_renstra_sintetis_ditolak(jember):
    """First in the module: before ``terisi`` fills the kecamatan for the tests after it."""
    with pytest.raises(CommandError, match="di luar Renstra sintetis 2025-2029"):
        jalankan("--tahun", "2031")
    assert not Renstra.objects.filter(nama__contains="SINTETIS").exists()


@pytest.fixture(scope="module")
def terisi(jember_modul, django_db_blocker):
    """The command run once for the module (it takes long): the tests after this point read
    the filled data, each one's own changes rolled back with it, and the whole fill rolled
    back when the module ends. What the data held before is kept to compare."""
    with django_db_blocker.unblock(), transaction.atomic():
        sebelum = {"baris": jumlah_baris(), "nyata": potret_nyata()}
        yield {**sebelum, "keluaran": jalankan()}
        transaction.set_rollback(True)


def test_mengisi_27_kecamatan_dengan_data_bertanda_sintetis(jember, terisi):
    nyata_sebelum = terisi["nyata"]
    keluaran = terisi["keluaran"]

    assert "DATA SINTETIS" in keluaran and "bukan data resmi" in keluaran
    assert "27 kecamatan berisi data SINTETIS tahun 2025" in keluaran
    for nama in ("Kencong", "Patrang", "Balung", "Panti"):
        assert nama in keluaran.splitlines()[-1]  # named as left untouched
    assert potret_nyata() == nyata_sebelum

    sintetis = Kecamatan.objects.filter(kabupaten=jember).exclude(slug__in=NYATA)
    assert sintetis.count() == 27
    for kec in sintetis:
        renstra = Renstra.objects.get(kecamatan=kec)
        assert "SINTETIS" in renstra.nama and "bukan data resmi" in renstra.sumber
        assert all("SINTETIS" in t.uraian for t in Tujuan.objects.filter(renstra=renstra))
        assert all("SINTETIS" in s.uraian for s in Sasaran.objects.filter(tujuan__renstra=renstra))
    indikator = Indikator.objects.filter(ukuran__kabupaten=jember, sumber_data__contains="SINTETIS")
    assert indikator.count() == 27 * 4
    assert all("SINTETIS" in i.nama for i in indikator)
    assert all("SINTETIS" in k.nomor for k in KeputusanIKU.objects.filter(kecamatan__in=sintetis))
    pk = PerjanjianKinerja.objects.filter(kecamatan__in=sintetis)
    assert pk.count() == 27 and all("SINTETIS" in p.pihak_pertama_nama for p in pk)
    assert all(
        "SINTETIS" in r.catatan_sumber for r in Realisasi.objects.filter(kecamatan__in=sintetis)
    )
    assert all(
        "SINTETIS" in p.komentar for p in PelaporanRealisasi.objects.filter(kecamatan__in=sintetis)
    )
    assert all(
        "SINTETIS" in lap.kata_pengantar
        for lap in LaporanKinerja.objects.filter(kecamatan__in=sintetis)
    )


def test_nilai_masuk_akal(jember, terisi):
    realisasi = Realisasi.objects.filter(catatan_sumber__contains="SINTETIS").select_related(
        "ukuran"
    )
    per_ukuran: dict[str, list] = {}
    for r in realisasi:
        per_ukuran.setdefault(r.ukuran.kode, []).append(r)
    assert set(per_ukuran) == {"ikm", "ipp", "capaian-kinerja-program", "nilai-sakip"}
    assert all(60 <= r.nilai <= 100 for r in per_ukuran["ikm"])
    assert all(1 <= r.nilai <= 5 for r in per_ukuran["ipp"])
    assert all(0 <= r.nilai <= 100 for r in per_ukuran["capaian-kinerja-program"])
    # A Nilai SAKIP carries its predikat, as "BB (73,26)" is written.
    for r in per_ukuran["nilai-sakip"]:
        assert r.huruf == kinerja.predikat_sakip(r.nilai).kode
    # Realisasi of the year and the three before, for the trend chart.
    assert {r.tahun for r in per_ukuran["ikm"]} == {2022, 2023, 2024, 2025}
    # The PK promises the Renstra's target of the year.
    for t in TargetPerjanjian.objects.filter(perjanjian__pihak_pertama_nama__contains="SINTETIS"):
        assert t.nilai == TargetIndikator.objects.get(indikator=t.indikator, tahun=2025).nilai
    # Not all the same: some PK ditetapkan, some verified periods, some final LKIP.
    status_pk = set(
        PerjanjianKinerja.objects.filter(pihak_pertama_nama__contains="SINTETIS").values_list(
            "status", flat=True
        )
    )
    assert "ditetapkan" in status_pk and len(status_pk) >= 2
    assert PelaporanRealisasi.objects.filter(
        komentar__contains="SINTETIS", status="diverifikasi"
    ).exists()


def test_dijalankan_dua_kali_tidak_menambah_apa_pun(jember, terisi):
    sesudah_pertama = jumlah_baris()
    nilai = sorted(Realisasi.objects.values_list("kecamatan_id", "ukuran_id", "tahun", "nilai"))
    keluaran = jalankan()
    assert "sudah ada" in keluaran
    assert jumlah_baris() == sesudah_pertama
    assert (
        sorted(Realisasi.objects.values_list("kecamatan_id", "ukuran_id", "tahun", "nilai"))
        == nilai
    )


def test_tahun_berikutnya_ditambahkan(jember, terisi):
    jalankan("--tahun", "2026")
    assert (
        PerjanjianKinerja.objects.filter(
            tahun=2026, pihak_pertama_nama__contains="SINTETIS"
        ).count()
        == 27
    )
    assert not PerjanjianKinerja.objects.filter(kecamatan__slug="kencong", tahun=2026).exists()


def test_hapus_mengembalikan_keadaan_semula(jember, terisi):
    sebelum, nyata = terisi["baris"], terisi["nyata"]
    jalankan("--tahun", "2025", "--tahun", "2026")
    assert jumlah_baris() != sebelum
    keluaran = jalankan("--hapus")
    assert "Data SINTETIS dihapus" in keluaran and "Renstra 27" in keluaran
    assert jumlah_baris() == sebelum
    assert potret_nyata() == nyata


def test_dasbor_dengan_data_sintetis_memberi_peringkat(client, bappeda, terisi):
    client.force_login(bappeda)
    html = client.get(reverse("laporan:dasbor"), {"tahun": 2025, "urut": "ikm"}).content
    html = html.decode()
    assert "peringkat 1" in html and "peringkat 28" in html  # 27 synthetic + Kencong
    assert "Rata-rata kabupaten" in html
    assert "27 kecamatan berisi data <strong>SINTETIS</strong>" in html
    assert html.count(">SINTETIS</span>") == 27  # each synthetic row is marked, Kencong is not
    baris_kencong = next(b for b in html.split("<tr>") if "/kecamatan/kencong/?" in b)
    assert ">SINTETIS</span>" not in baris_kencong
    excel = client.get(reverse("laporan:dasbor-excel"), {"tahun": 2025})
    ws = load_workbook(io.BytesIO(excel.content)).worksheets[0]
    keterangan = {r[2].value: r[-1].value for r in ws.iter_rows(min_row=2)}
    # The synthetic mark first, then where its Nilai SAKIP comes from (no LHE recorded).
    assert keterangan["Jombang"] == (
        "data SINTETIS (demo), bukan data resmi; Nilai SAKIP dimuat dari data"
    )
    # No scored LHE 2025; its share of program indicators reached is computed (first PK).
    assert keterangan["Kencong"] == (
        "Nilai SAKIP dimuat dari data; Persentase Indikator Program yang tercapai: Dihitung "
        "dari indikator program Perjanjian Kinerja 2025: 3 dari 4 indikator program tercapai"
    )
    # The synthetic kecamatan's own pages work like any other.
    jombang = Kecamatan.objects.get(slug="jombang")
    pk = PerjanjianKinerja.objects.get(kecamatan=jombang, tahun=2025)
    for url in (
        reverse("laporan:beranda", args=["jombang"]) + "?tahun=2025",
        reverse("perjanjian:perjanjian-detail", args=["jombang", pk.id]),
        reverse("laporan:lkip", args=["jombang", 2025]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "SINTETIS" in response.content.decode()
