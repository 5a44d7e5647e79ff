"""The Inspektorat records Kencong's LHE AKIP 2025 (the twelve sub komponen scores give the
Nilai SAKIP and its predikat, and the recommendations); the kecamatan answers each
recommendation; the LKIP 2025 prints them as Tabel 1.3 and takes the Nilai SAKIP realisasi
from the LHE; the Inspektorat reviews the LKIP before the camat may approve it."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from iku.models import Ukuran
from laporan.dokumen.lkip import PenyajiLKIP
from laporan.evaluasi import lkip_reviu
from laporan.models import EvaluasiAKIP, LaporanKinerja, RekomendasiLHE, SkorAKIP
from perjanjian.models import Realisasi
from sakip import kinerja
from sakip.penguncian import DataTerkunci, kunci_dilepas

TAHUN = 2025

# Sub komponen scores (bobot: perencanaan 6 / 9 / 15, pengukuran 6 / 9 / 15, pelaporan
# 3 / 4,5 / 7,5, evaluasi 5 / 7,5 / 12,5). Hand sum: 25,5 + 23,25 + 11,85 + 17,5 = 78,10 → BB.
SKOR = {
    "perencanaan": ("6", "7,5", "12"),
    "pengukuran": ("6", "6,75", "10,5"),
    "pelaporan": ("3", "3,6", "5,25"),
    "evaluasi": ("4", "5", "8,5"),
}


def rekomendasi_tersimpan() -> list[str]:
    """Kencong's real LHE 2025 (loaded from the fixtures) holds eleven recommendations."""
    return list(
        RekomendasiLHE.objects.filter(
            evaluasi__kecamatan__slug="kencong", evaluasi__tahun=TAHUN
        ).values_list("rekomendasi", flat=True)
    )


def url(kecamatan="kencong", tahun=TAHUN):
    return reverse("laporan:evaluasi", args=[kecamatan, tahun])


def data_rekomendasi(baris=None) -> dict:
    """The recommendation rows of the LHE form (prefix "rek"), by default the stored ones as
    the page shows them: id, number, text. ``baris``: (id or None, nomor, teks[, extra])."""
    if baris is None:
        baris = list(
            RekomendasiLHE.objects.filter(
                evaluasi__kecamatan__slug="kencong", evaluasi__tahun=TAHUN
            )
            .order_by("urutan")
            .values_list("id", "urutan", "rekomendasi")
        )
    data = {
        "rek-TOTAL_FORMS": str(len(baris)),
        "rek-INITIAL_FORMS": str(sum(1 for b in baris if b[0])),
        "rek-MIN_NUM_FORMS": "0",
        "rek-MAX_NUM_FORMS": "1000",
    }
    for i, (rid, nomor, teks, *lain) in enumerate(baris):
        data[f"rek-{i}-id"] = str(rid or "")
        data[f"rek-{i}-nomor"] = str(nomor or "")
        data[f"rek-{i}-rekomendasi"] = teks
        for kunci in lain[0] if lain else {}:
            data[f"rek-{i}-{kunci}"] = "on"
    return data


def data_lhe(**ubah) -> dict:
    data = {
        "aksi": "lhe",
        "judul": "LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3",
        "nomor_surat": "700.1.2.1/15/IR.1/35.09.410/2025",
        "tanggal": "2025-09-29",
        "catatan": "",
        **data_rekomendasi(),
    }
    for kode, nilai in SKOR.items():
        for sub, v in zip(kinerja.SUB_KOMPONEN_AKIP, nilai, strict=True):
            data[f"skor_{kode}_{sub}"] = v
    data.update(ubah)
    return data


def realisasi_nilai_sakip(kencong):
    return Realisasi.objects.get(
        kecamatan=kencong,
        ukuran=Ukuran.objects.get(kabupaten=kencong.kabupaten, kode="nilai-sakip"),
        tahun=TAHUN,
        periode="tahunan",
    )


def test_lhe_kencong_dari_data_jember_tanpa_skor(client, operator_kencong, kencong):
    """The real LHE 2025 is loaded with its recommendations; its scores are not in the seed,
    so the Nilai SAKIP 2025 is still the loaded realisasi A (80,41)."""
    client.force_login(operator_kencong)
    teks = client.get(url()).text
    assert "LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3" in teks
    assert "Simpan LHE" not in teks
    # Its Nilai SAKIP is the loaded realisasi, and the page says so.
    assert '<strong id="nilai-sakip">A (80,41)</strong>' in teks
    assert '<small id="sumber-nilai-sakip">dimuat dari data (LHE SAKIP Triwulan III 2025' in teks
    assert teks.count('name="tindak_lanjut_') == 11
    r = realisasi_nilai_sakip(kencong)
    assert (r.nilai, r.huruf) == (Decimal("80.41"), "A")
    # The LKIP page shows Tabel 1.3 from the LHE, read-only, with a link to answer it.
    lkip = client.get(reverse("laporan:lkip", args=["kencong", TAHUN])).text
    assert 'id="tabel-13-lhe"' in lkip and 'id="tautan-lhe"' in lkip
    assert "Menyusun matriks rencana aksi tindak lanjut" in lkip


@pytest.fixture
def lhe(client, inspektorat, kencong):
    """The Inspektorat enters the scores of Kencong's LHE 2025."""
    client.force_login(inspektorat)
    response = client.post(url(), data_lhe())
    assert response.status_code == 302, response.context and response.context.get("galat")
    return EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)


def test_inspektorat_mencatat_lhe_dan_nilai_sakip_dihitung(
    client, inspektorat, kencong, lhe, camat_kencong
):
    assert SkorAKIP.objects.filter(evaluasi=lhe).count() == 12
    assert lhe.rekomendasi.count() == 11
    teks = client.get(url()).text
    assert "LHE 2025 disimpan" in teks
    assert 'id="nilai-sakip">BB (78,1)<' in teks
    assert '<small id="sumber-nilai-sakip">dari LHE</small>' in teks
    assert "BB (Sangat Baik)" in teks
    # One display rule (issue 13): the total of the score table reads as the Nilai SAKIP above
    # and in the LKIP, 78,1, never 78,10.
    assert "78,10" not in teks
    client.force_login(camat_kencong)  # who reads the score table
    dibaca = client.get(url()).text
    assert '<th class="angka">78,1</th></tr></tfoot>' in dibaca and "78,10" not in dibaca
    client.force_login(inspektorat)
    assert "Riwayat perubahan" in teks
    # The LHE is the realisasi of the shared measure "Nilai SAKIP" 2025 (was A (80,41)).
    r = realisasi_nilai_sakip(kencong)
    assert (r.nilai, r.huruf) == (Decimal("78.10"), "BB")
    assert r.catatan_sumber.startswith("LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3")
    # The kabupaten list shows it.
    daftar = client.get(reverse("laporan:evaluasi-daftar") + "?tahun=2025").text
    assert "Kencong" in daftar and "BB (78,1)" in daftar and "BB · Sangat Baik" in daftar


def test_realisasi_tahunan_menampilkan_nilai_dari_lhe(client, operator_kencong, lhe):
    client.force_login(operator_kencong)
    teks = client.get(reverse("perjanjian:realisasi", args=["kencong", TAHUN, "tahunan"])).text
    assert "BB (78,1)" in teks or "BB (78,10)" in teks


@pytest.mark.parametrize(
    ("kolom", "isi", "pesan"),
    [
        ("skor_perencanaan_keberadaan", "7", "Skor harus antara 0 dan 6 (bobotnya)."),
        ("skor_pelaporan_kualitas", "4.5", "Gunakan koma untuk desimal"),
        ("skor_evaluasi_pemanfaatan", "", "Isi skor sub komponen ini."),
        ("skor_pengukuran_kualitas", "-1", "Skor harus antara 0 dan 9 (bobotnya)."),
        ("judul", "", "Tuliskan judul LHE."),
    ],
)
def test_isian_salah_tidak_ada_yang_disimpan(client, inspektorat, kencong, kolom, isi, pesan):
    sebelum = realisasi_nilai_sakip(kencong).nilai
    rekomendasi = rekomendasi_tersimpan()
    client.force_login(inspektorat)
    data = data_lhe(**{kolom: isi})
    data.update({"rek-0-nomor": "1", "rek-0-rekomendasi": "Baru", "rek-0-id": ""})
    response = client.post(url(), data)
    assert response.status_code == 200
    assert "Tidak ada yang disimpan" in response.text
    assert pesan in response.text
    assert not SkorAKIP.objects.exists()
    assert rekomendasi_tersimpan() == rekomendasi
    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)
    assert lhe.judul == "LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3"
    assert realisasi_nilai_sakip(kencong).nilai == sebelum


def test_operator_dan_bappeda_tidak_dapat_mengevaluasi(
    client, operator_kencong, camat_kencong, bappeda, kencong
):
    for user in (operator_kencong, camat_kencong, bappeda):
        client.force_login(user)
        assert "belum dicatat Inspektorat" in client.get(url(tahun=2024)).text
        teks = client.get(url()).text
        assert "Tabel 1.3 LKIP 2025" in teks and "Simpan LHE" not in teks
        assert client.post(url(), data_lhe()).status_code == 403
        assert client.post(url(tahun=2024), data_lhe()).status_code == 403
    assert not SkorAKIP.objects.exists()
    assert not EvaluasiAKIP.objects.filter(tahun=2024).exists()
    client.force_login(operator_kencong)
    assert client.get(reverse("laporan:evaluasi-daftar")).status_code == 403


def test_kecamatan_lain_404(client, operator_patrang, lhe):
    client.force_login(operator_patrang)
    assert client.get(url()).status_code == 404
    assert client.post(url(), {"aksi": "tindak-lanjut"}).status_code == 404
    assert client.post(reverse("laporan:lkip-reviu", args=["kencong", TAHUN])).status_code == 404


def test_tindak_lanjut_kecamatan_muncul_di_tabel_1_3_lkip(
    client, operator_kencong, inspektorat, kencong, lhe, media
):
    pertama = lhe.rekomendasi.get(urutan=1)
    client.force_login(operator_kencong)
    teks = client.get(url()).text
    assert f'name="tindak_lanjut_{pertama.id}"' in teks
    response = client.post(
        url(),
        {
            "aksi": "tindak-lanjut",
            f"tindak_lanjut_{pertama.id}": "Pedoman teknis ditetapkan Maret 2026.",
        },
        follow=True,
    )
    assert "Tindak lanjut disimpan (1 rekomendasi)." in response.text
    pertama.refresh_from_db()
    assert pertama.tindak_lanjut == "Pedoman teknis ditetapkan Maret 2026."

    # The LKIP page shows the LHE's rows (not the rows typed before), read-only.
    teks = client.get(reverse("laporan:lkip", args=["kencong", TAHUN])).text
    assert 'id="tabel-13-lhe"' in teks and "Pedoman teknis ditetapkan Maret 2026." in teks

    # The printed LKIP: Tabel 1.3 from the LHE, its source the LHE's title.
    lap = LaporanKinerja.objects.select_related("kecamatan__kabupaten").get(
        kecamatan=kencong, tahun=TAHUN
    )
    penyaji = PenyajiLKIP(lap)
    pdf, _, _ = penyaji.cetak(penyaji.html())
    halaman = [" ".join(h.extract_text().split()) for h in PdfReader(BytesIO(pdf)).pages]
    semua = " ".join(halaman)
    bab1 = next(h for h in halaman if "Tabel 1.3" in h and "Tindak Lanjut" in h)
    assert pertama.rekomendasi[:60] in bab1
    assert "Pedoman teknis ditetapkan Maret 2026." in semua
    # The replaced answer is no longer printed; the others are, as the kecamatan wrote them.
    assert "Penyusunan matriks perencanaan kinerja antar bidang" not in semua
    assert "Menyusun matriks rencana aksi tindak lanjut" in semua
    assert "Sumber: LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3" in semua
    # The Nilai SAKIP 2025 printed in BAB III comes from the LHE (was A (80,41)).
    assert "BB (78,1" in semua and "80,41" not in semua


def test_tindak_lanjut_terkunci_setelah_lkip_ditetapkan(client, operator_kencong, kencong, lhe):
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="ditetapkan")
    r = lhe.rekomendasi.get(urutan=1)
    client.force_login(operator_kencong)
    response = client.post(
        url(), {"aksi": "tindak-lanjut", f"tindak_lanjut_{r.id}": "Terlambat."}, follow=True
    )
    assert "LKIP 2025 sudah ditetapkan" in response.text
    assert RekomendasiLHE.objects.get(pk=r.pk).tindak_lanjut == r.tindak_lanjut


def test_rekomendasi_terkunci_di_model_setelah_lkip_ditetapkan(
    client, admin_kabupaten, kencong, lhe
):
    """The lock sits below every route: the admin (or any code) cannot change or delete a
    recommendation of an approved LKIP's year either."""
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="ditetapkan")
    r = lhe.rekomendasi.get(urutan=1)
    r.tindak_lanjut = "Diubah lewat kode."
    with pytest.raises(DataTerkunci, match="LKIP 2025 sudah ditetapkan"):
        r.save()
    with pytest.raises(DataTerkunci):
        r.delete()
    client.force_login(admin_kabupaten)
    ubah = reverse("admin:laporan_rekomendasilhe_change", args=[r.pk])
    data = {"evaluasi": lhe.pk, "urutan": 1, "rekomendasi": r.rekomendasi, "tindak_lanjut": "X"}
    response = client.post(ubah, data, follow=True)
    assert "LKIP 2025 sudah ditetapkan" in response.text
    assert RekomendasiLHE.objects.get(pk=r.pk).tindak_lanjut != "X"


def test_reviu_wajib_sebelum_camat_menetapkan(
    client, camat_kencong, inspektorat, kencong, syarat_lkip_kencong
):
    url_lkip = reverse("laporan:lkip", args=["kencong", TAHUN])
    client.force_login(camat_kencong)
    assert "Belum direviu" in client.get(url_lkip).text
    response = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", TAHUN]), {"konfirmasi": "1"}, follow=True
    )
    assert "LKIP 2025 belum direviu Inspektorat" in response.text
    assert LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN).status == "draft"
    # The camat cannot review it himself.
    url_reviu = reverse("laporan:lkip-reviu", args=["kencong", TAHUN])
    assert client.post(url_reviu, {"catatan": "Sendiri"}).status_code == 403

    inspektorat.first_name, inspektorat.last_name = "Dewi", "Lestari"
    inspektorat.save()
    client.force_login(inspektorat)
    assert 'id="tombol-reviu"' in client.get(url_lkip).text
    response = client.post(url_reviu, {"catatan": ""}, follow=True)
    assert "Tuliskan catatan hasil reviu" in response.text
    response = client.post(url_reviu, {"catatan": "Analisis efisiensi sudah memadai."}, follow=True)
    assert "LKIP 2025 ditandai sudah direviu Inspektorat." in response.text

    client.force_login(camat_kencong)
    teks = client.get(url_lkip).text
    assert "Sudah direviu" in teks and "Analisis efisiensi sudah memadai." in teks
    assert "Inspektorat (Dewi Lestari)" in teks  # the person, not the account name


def test_reviu_dengan_layanan(kencong, inspektorat, operator_kencong):
    from sakip.penguncian import TransisiDitolak

    lap = LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN)
    with pytest.raises(TransisiDitolak, match="Hanya Inspektorat"):
        lkip_reviu(laporan=lap, catatan="x", oleh=operator_kencong)
    lkip_reviu(laporan=lap, catatan="Sesuai.", oleh=inspektorat)
    lap.refresh_from_db()
    assert lap.direviu_oleh == inspektorat and lap.reviu_catatan == "Sesuai."


def test_nilai_sakip_tidak_diketik_ulang_di_halaman_realisasi(
    client, operator_kencong, kencong, lhe
):
    from tests.test_halaman_realisasi import baris, simpan

    client.force_login(operator_kencong)
    prefix, _ = baris(kencong, "perubahan", "nilai-sakip")
    # The grid saved unchanged still works (the LHE's value is what it shows).
    response = simpan(client, {}, periode="tahunan")
    assert response.status_code == 302
    response = simpan(client, {f"{prefix}-nilai": "A (85)"}, periode="tahunan")
    assert "Nilai SAKIP 2025 diambil dari LHE Inspektorat" in response.text
    r = realisasi_nilai_sakip(kencong)
    assert (r.nilai, r.huruf) == (Decimal("78.10"), "BB")


def test_daftar_evaluasi_kueri_terbatas(client, inspektorat, jember, django_assert_max_num_queries):
    """Every kecamatan of the kabupaten on one page: the same queries for one LHE as for
    thirty-one."""
    client.force_login(inspektorat)
    with django_assert_max_num_queries(10) as satu:
        teks = client.get(reverse("laporan:evaluasi-daftar") + "?tahun=2025").text
    assert "Evaluasi AKIP 2025" in teks and teks.count("belum dicatat") == 30
    for k in jember.kecamatan.exclude(slug="kencong"):
        lhe = EvaluasiAKIP.objects.create(kecamatan=k, tahun=TAHUN, judul=f"LHE {k.nama}")
        for kode in kinerja.KOMPONEN_AKIP:
            for sub in kinerja.SUB_KOMPONEN_AKIP:
                SkorAKIP.objects.create(evaluasi=lhe, komponen=kode, sub_komponen=sub, skor=3)
        RekomendasiLHE.objects.create(evaluasi=lhe, urutan=1, rekomendasi="Uji")
    with django_assert_max_num_queries(len(satu.captured_queries)):
        teks = client.get(reverse("laporan:evaluasi-daftar") + "?tahun=2025").text
    assert "belum dicatat" not in teks and teks.count("C (36)<br>") == 30


def test_inspektorat_mendarat_di_pekerjaannya(client, inspektorat, bappeda, kencong, patrang):
    """The Inspektorat's landing page lists its work first, each with its link: the draft
    LKIPs to review, then the approved LKIPs whose LHE is still to record; a review done
    leaves the list. Bappeda reads the same page without the list."""
    lap = LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN)
    assert lap.status == "draft" and lap.direviu_pada is None
    with kunci_dilepas():
        LaporanKinerja.objects.create(kecamatan=patrang, tahun=TAHUN, status="ditetapkan")
    client.force_login(inspektorat)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("laporan:evaluasi-daftar")
    url = reverse("laporan:evaluasi-daftar") + f"?tahun={TAHUN}"
    teks = client.get(url).text
    pekerjaan = teks.split('id="pekerjaan-inspektorat">', 1)[1].split("</ol>", 1)[0]
    assert pekerjaan.index("Reviu LKIP 2025 Kecamatan Kencong") < pekerjaan.index(
        "Catat LHE 2025 Kecamatan Patrang (LKIP sudah ditetapkan)"
    )
    assert f'href="{reverse("laporan:lkip", args=["kencong", TAHUN])}"' in pekerjaan
    assert f'href="{reverse("laporan:evaluasi", args=["patrang", TAHUN])}"' in pekerjaan
    assert pekerjaan.count("<li>") == 2  # Kencong's LHE is recorded; the others have no LKIP
    assert teks.index("Pekerjaan Anda") < teks.index('id="tabel-evaluasi"')

    lkip_reviu(laporan=lap, catatan="Sesuai.", oleh=inspektorat)
    teks = client.get(url).text
    assert "Reviu LKIP" not in teks and "Catat LHE 2025 Kecamatan Patrang" in teks

    client.force_login(bappeda)
    teks = client.get(url).text
    assert "Pekerjaan Anda" not in teks and 'id="tabel-evaluasi"' in teks
