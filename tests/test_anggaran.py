"""The budget tree: totals are sums of the sub kegiatan (Tabel 2.9 and 3.13), read in a
fixed number of queries however large the tree."""

from decimal import Decimal

from perjanjian.models import Kegiatan, Program, RealisasiAnggaran, SubKegiatan
from perjanjian.selectors import pohon_anggaran


def test_tabel_2_9_dan_3_13_kencong(kencong):
    pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    penunjang = pohon.program[0]
    assert penunjang.jumlah.pagu_awal == Decimal("3160652155")
    assert penunjang.jumlah.pagu_pergeseran == Decimal("2905257160.40")
    assert penunjang.jumlah.pagu_perubahan == Decimal("2911311160.40")
    assert penunjang.jumlah.bertambah_berkurang == Decimal("6054000.00")
    assert round(penunjang.jumlah.serapan, 2) == Decimal("71.11")
    assert pohon.total.pagu_awal == Decimal("4667506655")
    assert pohon.total.pagu_akhir == Decimal("3920691860.40")
    assert pohon.total.realisasi == Decimal("3067535140")
    assert [n.objek.kode for n in pohon.baris()][:4] == ["1", "1.1", "1.1.1", "1.1.2"]


def test_realisasi_triwulan_dijumlahkan_bila_belum_ada_tahunan(kencong):
    sub = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="2.1.1")
    sub.realisasi.all().delete()
    for periode, jumlah in [("tw1", "100000000"), ("tw2", "250000000.50")]:
        RealisasiAnggaran.objects.create(sub_kegiatan=sub, periode=periode, jumlah=Decimal(jumlah))
    pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    assert pohon.program[1].jumlah.realisasi == Decimal("350000000.50")


def test_jumlah_query_tidak_bertambah_dengan_ukuran_pohon(kencong, django_assert_num_queries):
    with django_assert_num_queries(6):
        pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    for n in range(5, 25):
        program = Program.objects.create(kecamatan=kencong, tahun=2025, kode=str(n), nama=f"P{n}")
        kegiatan = Kegiatan.objects.create(program=program, kode=f"{n}.1", nama="K")
        for m in range(3):
            sub = SubKegiatan.objects.create(
                kegiatan=kegiatan, kode=f"{n}.1.{m}", nama="S", pagu_pergeseran=Decimal(1)
            )
            RealisasiAnggaran.objects.create(sub_kegiatan=sub, periode="tahunan", jumlah=1)
    with django_assert_num_queries(6):
        pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    assert len(pohon.program) == 24
