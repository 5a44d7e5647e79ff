"""A sasaran is served by kegiatan: a program's kegiatan may serve different sasaran, and the
budget and efficiency of a sasaran count each rupiah once (the LKIP's Tabel 3.7 / 3.12 and
Tabel 3.3 read ``PohonAnggaran.untuk_sasaran``). Each sub kegiatan has its kind of spending,
printed as the split of the LKIP's budget section."""

from decimal import Decimal

import pytest
from django.urls import reverse

from iku.models import Sasaran
from laporan.isi_lkip.capaian import konteks_capaian
from laporan.models import LaporanKinerja
from perjanjian.models import Kegiatan, Program, SubKegiatan
from perjanjian.selectors import Jumlah, capaian_tahunan, pohon_anggaran
from sakip import kinerja
from sakip.penguncian import DataTerkunci
from tests.bantu_excel import teks

pytestmark = pytest.mark.django_db


def sasaran(kencong, renstra, kode):
    t, s = kode.split(".")
    return Sasaran.objects.get(
        tujuan__renstra__kecamatan=kencong,
        tujuan__renstra__nama=renstra,
        tujuan__nomor=int(t),
        nomor=int(s),
    )


def kegiatan(kencong, kode):
    return Kegiatan.objects.get(program__kecamatan=kencong, program__tahun=2025, kode=kode)


def efisiensi_pk_perubahan(kencong):
    tabel = capaian_tahunan(kecamatan=kencong, tahun=2025)
    perubahan = next(t for t in tabel if t.perjanjian.jenis == "perubahan")
    return {e.sasaran.id: e for e in perubahan.efisiensi}


def test_program_tanpa_tautan_kegiatan_tetap_dihitung_utuh(kencong):
    """Existing data: a program-level link means all its kegiatan (Kencong's numbers)."""
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    s12 = sasaran(kencong, "Renstra 2025-2029", "1.2")
    efisiensi = efisiensi_pk_perubahan(kencong)
    pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    penunjang = next(p for p in pohon.program if p.objek.kode == "1")
    assert efisiensi[s12.id].anggaran.pagu_akhir == penunjang.jumlah.pagu_akhir
    assert [p.objek.kode for p in efisiensi[s11.id].program] == ["2", "3", "4"]


def test_dua_kegiatan_satu_program_melayani_dua_sasaran(kencong):
    """Program 1's kegiatan 1.1 serves sasaran 1.1, kegiatan 1.2 sasaran 1.2 (the others keep
    the program's link): each sasaran gets exactly its kegiatan, the sum is the program."""
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    s12 = sasaran(kencong, "Renstra 2025-2029", "1.2")
    lama = sasaran(kencong, "Renstra Perubahan 2021-2026", "1.1")
    program = Program.objects.get(kecamatan=kencong, tahun=2025, kode="1")
    program.sasaran.set([lama, s12])  # the old Renstra's sasaran stays served by all
    kegiatan(kencong, "1.1").sasaran.set([s11, lama])
    kegiatan(kencong, "1.2").sasaran.set([s12, lama])

    pohon = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025)
    simpul = {s.objek.kode: s for s in pohon.baris() if s.tingkat != "sub_kegiatan"}
    k11, k12, penunjang = simpul["1.1"].jumlah, simpul["1.2"].jumlah, simpul["1"].jumlah

    efisiensi = efisiensi_pk_perubahan(kencong)
    untuk_11 = {p.objek.kode: p for p in efisiensi[s11.id].program}
    untuk_12 = {p.objek.kode: p for p in efisiensi[s12.id].program}
    assert [k.objek.kode for k in untuk_11["1"].anak] == ["1.1"]
    assert [k.objek.kode for k in untuk_12["1"].anak] == ["1.2", "1.3", "1.4", "1.5"]
    assert untuk_11["1"].jumlah == k11
    assert untuk_11["1"].jumlah.pagu_akhir == Decimal("2347891160.40")
    assert untuk_11["1"].jumlah.realisasi == Decimal("1640398092")
    assert untuk_12["1"].jumlah.pagu_akhir == penunjang.pagu_akhir - k11.pagu_akhir
    # each rupiah once: the two sasaran's shares of program 1 add up to it
    bersama = Jumlah.dari([untuk_11["1"].jumlah, untuk_12["1"].jumlah])
    assert bersama.pagu_akhir == penunjang.pagu_akhir
    assert bersama.realisasi == penunjang.realisasi
    assert k12.pagu_akhir in {k.jumlah.pagu_akhir for k in untuk_12["1"].anak}
    # the whole efficiency table: every rupiah of the year once over the PK's sasaran
    semua = Jumlah.dari([e.anggaran for e in efisiensi.values()])
    assert semua.pagu_akhir == pohon.total.pagu_akhir
    assert semua.realisasi == pohon.total.realisasi
    # the LKIP reads the same (Tabel 3.7 / 3.12)
    assert efisiensi[s11.id].hasil.serapan == efisiensi[s11.id].anggaran.serapan
    # the old Renstra's sasaran 1.1 (PK awal) still gets the whole program
    awal = capaian_tahunan(kecamatan=kencong, tahun=2025)[0]
    untuk_lama = next(e for e in awal.efisiensi if e.sasaran.id == lama.id)
    assert untuk_lama.anggaran.pagu_akhir == penunjang.pagu_akhir


def test_halaman_program_menautkan_kegiatan_ke_sasaran(client, operator_kencong, kencong):
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    s12 = sasaran(kencong, "Renstra 2025-2029", "1.2")
    program = Program.objects.get(kecamatan=kencong, tahun=2025, kode="1")
    k11 = kegiatan(kencong, "1.1")
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran-program", args=["kencong", program.id])
    halaman = client.get(url).text
    assert "Sasaran kegiatan 1.1 Administrasi Keuangan Perangkat Daerah" in halaman
    data = {
        "kode": "1",
        "nama": program.nama,
        "sasaran": [s.id for s in program.sasaran.all()],
        f"kegiatan_{k11.id}": [s11.id],
    }
    r = client.post(url, data)
    assert r.status_code == 302
    assert list(k11.sasaran.all()) == [s11]
    anggaran = client.get(reverse("perjanjian:anggaran", args=["kencong", 2025])).text
    assert "Mendukung: Sasaran 1.1 (Renstra 2025-2029)" in anggaran

    # two sasaran of one Renstra would count its rupiah twice: refused, nothing changes
    data[f"kegiatan_{k11.id}"] = [s11.id, s12.id]
    halaman = client.post(url, data).text
    assert "Satu kegiatan hanya mendukung satu sasaran per Renstra" in halaman
    assert list(k11.sasaran.all()) == [s11]


def test_tautan_kegiatan_terkunci_bersama_lkip(client, operator_kencong, kencong):
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    program = Program.objects.get(kecamatan=kencong, tahun=2025, kode="1")
    k11 = kegiatan(kencong, "1.1")
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran-program", args=["kencong", program.id])
    data = {
        "kode": "1",
        "nama": program.nama,
        "sasaran": [s.id for s in program.sasaran.all()],
        f"kegiatan_{k11.id}": [s11.id],
    }
    r = client.post(url, data, follow=True)
    assert "LKIP" in r.text and "ditetapkan" in r.text
    assert not k11.sasaran.exists()


def test_rincian_kencong_seperti_lkip_nya(kencong):
    """The seed's LKIP: Belanja Operasional Rp3.920.691.860,40, Belanja Modal Rp0,00."""
    laporan = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    rincian = konteks_capaian(laporan)["capaian_rincian_belanja"]
    assert [(r.label, r.pagu) for r in rincian] == [
        ("Belanja operasi", Decimal("3920691860.40")),
        ("Belanja modal", Decimal(0)),
    ]


def test_rincian_belanja_tiap_rupiah_sekali():
    bagian = kinerja.rincian_belanja(
        [("operasi", 100, 90), ("", 5, None), ("modal", Decimal("2.5"), 1), ("operasi", 0, 0)]
    )
    assert [(b.jenis, b.pagu, b.realisasi) for b in bagian] == [
        ("operasi", 100, 90),
        ("modal", Decimal("2.5"), 1),
        (None, 5, None),
    ]
    assert kinerja.rincian_belanja([("", 5, 1)]) == ()
    lama = kinerja.rincian_belanja([("tidak_langsung", 7, 7)])
    assert [(b.jenis, b.pagu) for b in lama] == [("langsung", 0), ("tidak_langsung", 7)]
    with pytest.raises(ValueError, match="Jenis belanja tidak dikenal"):
        kinerja.rincian_belanja([("pegawai", 1, 1)])


def test_jenis_belanja_diisi_di_halaman_dan_dicetak_sebagai_rincian(
    client, operator_kencong, kencong
):
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran", args=["kencong", 2025])
    halaman = client.get(url, {"ubah": "1"})
    form = halaman.context["form"]
    data = {"aksi": "anggaran"}
    for nama in form.fields:
        nilai = form[nama].value()
        data[nama] = "" if nilai is None else nilai
    modal = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="1.2.1")
    for s in form.sub_kegiatan:
        data[form.nama(s, "jenis_belanja")] = "modal" if s.id == modal.id else "operasi"
    r = client.post(url, data)
    assert r.status_code == 302, r.context["form"].errors
    modal.refresh_from_db()
    assert modal.jenis_belanja == "modal"
    halaman = client.get(url).text
    assert "Rincian menurut jenis belanja" in halaman and "Belanja modal" in halaman

    laporan = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    rincian = konteks_capaian(laporan)["capaian_rincian_belanja"]
    assert [r.label for r in rincian] == ["Belanja operasi", "Belanja modal"]
    assert rincian[1].pagu == Decimal("31523300.00")  # 1.2.1 after the change
    assert rincian[1].realisasi == Decimal("26612300.00")
    total = pohon_anggaran(kecamatan_id=kencong.id, tahun=2025).total
    assert rincian[0].pagu + rincian[1].pagu == total.pagu_akhir
    assert rincian[0].realisasi + rincian[1].realisasi == total.realisasi


def test_salin_pohon_anggaran_ke_tahun_baru(client, operator_kencong, kencong):
    """Copying 2025's tree to 2026: a preview first, then one action; sasaran links and kinds
    are copied, realisasi never, the pagu as the preview said."""
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    kegiatan(kencong, "1.1").sasaran.set([s11])
    SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong, kode="1.1.1").update(
        jenis_belanja="operasi"
    )
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran-salin", args=["kencong", 2026])
    assert (
        "Salin dari 2025" in client.get(reverse("perjanjian:anggaran", args=["kencong", 2026])).text
    )

    kosong = teks(client.get(url))
    assert "Pagu sub kegiatan baru dibiarkan kosong" in kosong
    halaman = client.get(url, {"pagu": "salin"})
    isi = teks(halaman)
    assert "Pagu sebelum perubahan tiap sub kegiatan baru diisi" in isi
    assert "2.255.291.160,40" in isi  # 1.1.1's pagu in force in 2025
    assert "Realisasi tidak disalin" in isi
    salinan = halaman.context["salinan"]
    assert all(not b.ada for b in salinan.baris)
    assert not Program.objects.filter(kecamatan=kencong, tahun=2026).exists()

    r = client.post(url, {"sidik": salinan.sidik, "pagu": "salin"})
    assert r.status_code == 302
    baru = SubKegiatan.objects.get(
        kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=2026, kode="1.1.1"
    )
    assert baru.pagu_awal == Decimal("2255291160.40") and baru.pagu_perubahan is None
    assert baru.jenis_belanja == "operasi" and not baru.realisasi.exists()
    k = Kegiatan.objects.get(program__kecamatan=kencong, program__tahun=2026, kode="1.1")
    assert list(k.sasaran.all()) == [s11]
    p2026 = Program.objects.get(kecamatan=kencong, tahun=2026, kode="1")
    assert set(p2026.sasaran.values_list("id", flat=True)) == set(
        Program.objects.get(kecamatan=kencong, tahun=2025, kode="1").sasaran.values_list(
            "id", flat=True
        )
    )
    jumlah_2025 = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=2025
    ).count()
    assert (
        SubKegiatan.objects.filter(
            kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=2026
        ).count()
        == jumlah_2025
    )

    # a second time: everything is already there, nothing to copy
    lagi = teks(client.get(url))
    assert "sudah ada, dilewati" in lagi and "tidak ada yang perlu disalin" in lagi
    r = client.post(url, {"sidik": salinan.sidik, "pagu": "kosong"}, follow=True)
    assert "Tidak ada yang disalin." in teks(r)


def test_salin_tanpa_pagu_dan_pratinjau_usang(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran-salin", args=["kencong", 2026])
    salinan = client.get(url).context["salinan"]
    SubKegiatan.objects.filter(kegiatan__program__kecamatan=kencong, kode="1.1.2").update(
        nama="Diubah sesudah pratinjau"
    )
    r = client.post(url, {"sidik": salinan.sidik, "pagu": "kosong"}, follow=True)
    assert "Tidak ada yang disalin." in teks(r)
    assert not Program.objects.filter(kecamatan=kencong, tahun=2026).exists()
    salinan = client.get(url).context["salinan"]
    client.post(url, {"sidik": salinan.sidik, "pagu": "kosong"})
    baru = SubKegiatan.objects.get(kegiatan__program__tahun=2026, kode="1.1.2")
    assert baru.pagu_awal == 0 and baru.nama == "Diubah sesudah pratinjau"


def test_jenis_belanja_terkunci_bersama_lkip(kencong):
    sub = SubKegiatan.objects.get(kegiatan__program__kecamatan=kencong, kode="1.3.1")
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    sub.jenis_belanja = "modal"
    with pytest.raises(DataTerkunci, match="Jenis belanja sub kegiatan 1.3.1 sudah tercetak"):
        sub.save()
    sub.refresh_from_db()
    assert sub.jenis_belanja == "operasi"


def test_program_dua_sasaran_satu_renstra_diberi_peringatan(client, operator_kencong, kencong):
    s11 = sasaran(kencong, "Renstra 2025-2029", "1.1")
    s12 = sasaran(kencong, "Renstra 2025-2029", "1.2")
    program = Program.objects.get(kecamatan=kencong, tahun=2025, kode="1")
    program.sasaran.set([s11, s12])
    kegiatan(kencong, "1.1").sasaran.set([s11])
    client.force_login(operator_kencong)
    halaman = teks(client.get(reverse("perjanjian:anggaran", args=["kencong", 2025])))
    assert "anggaran kegiatan 1.2, 1.3, 1.4, 1.5 terhitung pada setiap sasaran itu" in halaman
