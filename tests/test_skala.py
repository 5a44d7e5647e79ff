"""Rating scales are data: the defaults are stored by migration, and a kabupaten can choose
another scale for a year without code, which changes every kriteria of that year."""

import json
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from kecamatan.models import JenisSkala, PemakaianSkala, PitaSkala, SkalaPenilaian
from kecamatan.selectors import skala_tahun
from sakip import kinerja


def buat_pita(skala, *pita):
    """The bands of ``skala``, each (urutan, kode, label, batas bawah, inklusif), in the order
    given."""
    for urutan, kode, label, batas, inklusif in pita:
        PitaSkala.objects.create(
            skala=skala,
            urutan=urutan,
            kode=kode,
            label=label,
            warna="#aabbcc",
            batas_bawah=batas,
            inklusif=inklusif,
        )


def test_skala_bawaan_tersimpan_sama_dengan_modul_kinerja(db):
    for kode, skala in kinerja.SKALA_BAWAAN.items():
        tersimpan = SkalaPenilaian.objects.get(kode=kode)
        assert [(p.kode, p.batas_bawah, p.inklusif) for p in tersimpan.pita.all()] == [
            (p.kode, p.batas_bawah, p.inklusif) for p in skala.pita
        ]


def test_tanpa_pilihan_kabupaten_memakai_bawaan(jember, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        skala = skala_tahun(kabupaten_id=jember.id, tahun=2040)
    assert skala[JenisSkala.IKM] == kinerja.SKALA_IKM


def test_skala_empat_pita_pilihan_admin_mengubah_kriteria(jember):
    """The four-band scale of DOMAIN.md (> 100 / 76-100 / 55-75 / < 55), defined as rows."""
    empat = SkalaPenilaian.objects.create(
        kode="kriteria-empat-pita", nama="Skala empat pita", jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    buat_pita(
        empat,
        (1, "SB", "Sangat Baik", Decimal(100), False),
        (2, "B", "Baik", Decimal(76), True),
        (3, "C", "Cukup", Decimal(55), True),
        (4, "K", "Kurang", None, True),
    )
    PemakaianSkala.objects.filter(
        kabupaten=jember, tahun=2025, jenis=JenisSkala.KRITERIA_CAPAIAN
    ).update(skala=empat)

    out = StringIO()
    call_command("capaian", "--kecamatan", "kencong", "--tahun", "2025", "--json", stdout=out)
    kriteria = {(r["jenis"], r["indikator"]): r["kriteria"] for r in json.loads(out.getvalue())}
    assert kriteria[("awal", "Nilai SAKIP OPD")] == "Sangat Baik"  # 120,01 > 100
    assert kriteria[("awal", "Indeks Kepuasan Masyarakat")] == "Baik"  # 99,82
    assert kriteria[("perubahan", "Indeks Pelayanan Publik Kecamatan")] == "Cukup"  # 73,72


def test_skala_tahun_sama_dengan_skala_tersimpan_dalam_satu_kueri(
    jember, django_assert_num_queries
):
    """Every kind chosen for the year reads as its stored scale (bands in their order, whatever
    order they were entered in), in one query."""
    from kecamatan.selectors import ke_kinerja

    terbalik = SkalaPenilaian.objects.create(
        kode="ikm-terbalik", nama="Dimasukkan terbalik", jenis=JenisSkala.IKM, presisi=3
    )
    buat_pita(
        terbalik,
        (3, "C", "Cukup", None, True),
        (1, "A", "Amat baik", Decimal(90), True),
        (2, "B", "Baik", Decimal(70), True),
    )
    PemakaianSkala.objects.filter(kabupaten=jember, tahun=2025, jenis=JenisSkala.IKM).update(
        skala=terbalik
    )
    dipakai = PemakaianSkala.objects.filter(kabupaten=jember, tahun=2025)
    assert dipakai.count() >= 3  # other kinds are read alongside

    with django_assert_num_queries(1):
        skala = skala_tahun(kabupaten_id=jember.id, tahun=2025)
    for p in dipakai.select_related("skala"):
        assert skala[p.jenis] == ke_kinerja(p.skala)
    assert [p.kode for p in skala[JenisSkala.IKM].pita] == ["A", "B", "C"]
    assert skala[JenisSkala.IKM].presisi == 3
