"""The kabupaten dashboard: Bappeda sees every kecamatan of a year in one table, sorts and
filters it, ranks the kecamatan per indicator, follows a name into the kecamatan's pages and
downloads the same table as Excel; kecamatan users are refused."""

import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from iku.models import Indikator, Renstra, Tujuan, Ukuran
from kecamatan.models import Kecamatan
from laporan.dasbor import BarisDasbor, Kelengkapan, Sel, dasbor_kabupaten
from laporan.dasbor_grafik import _grafik_sebaran, _grafik_tren_kecamatan
from laporan.models import LaporanKinerja
from laporan.templatetags.dasbor import kelengkapan_dasbor, sel_dasbor
from perjanjian.models import (
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Realisasi,
    SurveiKepuasan,
    TargetPerjanjian,
)
from perjanjian.selectors import capaian_kecamatan
from sakip import kinerja
from sakip.format_id import format_nilai, format_persen

URL = reverse("laporan:dasbor")
URL_EXCEL = reverse("laporan:dasbor-excel")


def urutan_kecamatan(html: str) -> list[str]:
    """The kecamatan slugs of the table's rows, top to bottom."""
    return re.findall(r'<th scope="row"><a href="/kecamatan/([\w-]+)/\?tahun=', html)


def teks_baris(html: str, slug: str) -> str:
    """What a reader sees in one kecamatan's row."""
    baris = next(b for b in html.split("<tr>") if f'href="/kecamatan/{slug}/?tahun=' in b)
    baris = baris.split("</tr>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", baris)).strip()


def buka(client, user, **params):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def ukuran(kode: str) -> Ukuran:
    return Ukuran.objects.get(kabupaten__slug="jember", kode=kode)


def realisasi_ikm(**per_slug):
    for slug, nilai in per_slug.items():
        Realisasi.objects.create(
            kecamatan=Kecamatan.objects.get(slug=slug),
            ukuran=ukuran("ikm"),
            tahun=2025,
            periode=Periode.TAHUNAN,
            nilai=Decimal(nilai),
        )


# --- what Bappeda sees --------------------------------------------------------------------


def test_bappeda_melihat_ke_31_kecamatan_jember_tahun_2025(client, bappeda):
    html = buka(client, bappeda, tahun=2025)
    assert "Dasbor kinerja kecamatan — tahun 2025" in html
    assert "31 kecamatan" in html
    slug = urutan_kecamatan(html)
    assert len(slug) == 31 == len(set(slug))
    assert set(slug) == set(Kecamatan.objects.values_list("slug", flat=True))
    # Every shared measure the year speaks about has its column.
    for nama in (
        "Indeks Kepuasan Masyarakat",
        "Indeks Pelayanan Publik Kecamatan",
        "Nilai SAKIP Perangkat Daerah",
    ):
        assert nama in html


def test_tanpa_tahun_dibuka_tahun_pk_terakhir(client, inspektorat):
    html = buka(client, inspektorat)
    assert "tahun 2025" in html


def test_kencong_2025_terhadap_pk_awal_ikm_99_82_persen_sangat_tinggi(client, bappeda):
    kencong = teks_baris(buka(client, bappeda, tahun=2025, pk="awal"), "kencong")
    assert "92,33 / target 92,5 99,82% · Sangat Tinggi" in kencong
    # Nilai SAKIP A (80,41) against the first PK's B (67): uncapped.
    assert "A (80,41) / target B (67) 120,01% · Sangat Tinggi" in kencong


def test_kencong_2025_terhadap_pk_yang_berlaku_yaitu_pk_perubahan(client, bappeda):
    kencong = teks_baris(buka(client, bappeda, tahun=2025), "kencong")
    assert "92,33 / target 93,5 98,75% · Sangat Tinggi" in kencong
    assert "3,17 / target 4,3 73,72% · Sedang" in kencong
    assert "A (80,41) / target 81 99,27% · Sangat Tinggi" in kencong
    # A realisasi whose measure the PK in force does not promise: shown, not computed.
    assert "97,5% tanpa target PK" in kencong


def test_kelengkapan_kencong_2025(client, bappeda):
    html = buka(client, bappeda, tahun=2025)
    kencong = teks_baris(html, "kencong")
    # Renstra ✓, both decrees ✓, both PK ditetapkan, nothing verified yet, LKIP draft.
    assert "3/9 lengkap" in kencong
    assert "Awal ✓ Perub. ✓" in kencong
    assert kencong.endswith("– – – – – draf")
    assert "0/9 lengkap" in teks_baris(html, "jombang")


def test_kecamatan_tanpa_data_tidak_dianggap_nol(client, bappeda):
    jombang = teks_baris(buka(client, bappeda, tahun=2025), "jombang")
    assert "0,00%" not in jombang and "%" not in jombang


PROGRAM_TERCAPAI = "Persentase Indikator Program yang tercapai"


def test_realisasi_dihitung_kencong_2025_sama_dengan_halaman_kecamatan(client, bappeda):
    """Issue 8/11: the measure computed from the PK's program indicators (3 of 4 reached:
    75 %) shows on the dashboard and in its Excel as on Kencong's own pages (one assembly,
    capaian_kecamatan), not the empty stored value. The first PK promises it (the PK
    Perubahan does not)."""
    pk = "awal"
    kencong = Kecamatan.objects.get(slug="kencong")
    rakitan = capaian_kecamatan(kecamatan=kencong, tahun=2025)
    dasar = next(p for p in rakitan.perjanjian if p.jenis == PerjanjianKinerja.Jenis.AWAL)
    baris = next(b for b in rakitan.untuk(dasar) if b.indikator.ukuran.nama == PROGRAM_TERCAPAI)
    assert baris.dihitung and baris.realisasi.angka == 75
    nilai = f"{format_nilai(baris.realisasi)} / target {format_nilai(baris.target)}"
    capaian = f"{format_persen(baris.capaian)} · {baris.kriteria.label}"

    teks = teks_baris(buka(client, bappeda, tahun=2025, pk=pk), "kencong")
    assert f"{nilai} {capaian} {baris.sumber}" in teks
    assert baris.sumber.endswith("3 dari 4 indikator program tercapai")

    client.force_login(bappeda)
    ws = load_workbook(
        io.BytesIO(client.get(URL_EXCEL, {"tahun": 2025, "pk": pk}).content)
    ).worksheets[0]
    kepala = [c.value for c in ws[1]]
    sel = dict(
        zip(
            kepala,
            next(r for r in ws.iter_rows(min_row=2) if r[2].value == "Kencong"),
            strict=True,
        )
    )
    assert sel[f"{PROGRAM_TERCAPAI} — Realisasi (%)"].value == 75
    assert sel[f"{PROGRAM_TERCAPAI} — Capaian (%)"].value == pytest.approx(
        float(kinerja.bulatkan(baris.capaian, 2))
    )
    assert sel[f"{PROGRAM_TERCAPAI} — Kriteria"].value == baris.kriteria.label
    assert baris.sumber in sel["Keterangan"].value


def test_ikm_dihitung_dari_survei_tiap_kecamatan_sendiri(client, bappeda, jember, survei_kencong):
    """A source read for several kecamatan at once (one query) still gives each its own
    value: Kencong's TW I survey, a new kecamatan's annual one, none for another (belum ada
    data, not its stored 81, not 0), each as its own pages show it."""
    tambah_kecamatan_berdata(jember, 2)
    Indikator.objects.filter(ukuran__kode="ikm", ukuran__kabupaten__slug="jember").update(
        sumber_realisasi=Indikator.SumberRealisasi.IKM
    )
    lain, tanpa = Kecamatan.objects.filter(slug__startswith="uji-").order_by("kode")
    SurveiKepuasan.objects.create(
        kecamatan=lain,
        tahun=2025,
        periode=Periode.TAHUNAN,
        nama_berkas="survei-uji.xlsx",
        jumlah_responden=10,
        nrr=["3.5"] * 9,
        jumlah_jawaban=[10] * 9,
        nilai_ikm=Decimal("87.5"),
        diunggah_oleh=survei_kencong.diunggah_oleh,
    )
    html = buka(client, bappeda, tahun=2025, pk="awal")
    for kec in (Kecamatan.objects.get(slug="kencong"), lain, tanpa):
        rakitan = capaian_kecamatan(kecamatan=kec, tahun=2025)
        awal = next(p for p in rakitan.perjanjian if p.jenis == PerjanjianKinerja.Jenis.AWAL)
        baris = next(b for b in rakitan.untuk(awal) if b.indikator.ukuran.kode == "ikm")
        assert baris.dihitung
        teks = teks_baris(html, kec.slug)
        realisasi = format_nilai(baris.realisasi) if baris.realisasi else "–"
        assert f"{realisasi} / target {format_nilai(baris.target)}" in teks
        assert baris.sumber in teks
        if baris.capaian is not None:
            assert f"{format_persen(baris.capaian)} · {baris.kriteria.label}" in teks
    assert "86,81 / target 92,5" in teks_baris(html, "kencong")
    assert "87,5 / target 90" in teks_baris(html, lain.slug)
    assert "survei-uji.xlsx" in teks_baris(html, lain.slug)
    kosong = teks_baris(html, tanpa.slug)
    assert "– / target 90" in kosong and "belum ada data" in kosong


# --- sorting, ranking, filtering ------------------------------------------------------------


def test_peringkat_dan_urutan_menurut_realisasi_ikm(client, bappeda, jember):
    realisasi_ikm(patrang="95.1", balung="80")
    html = buka(client, bappeda, tahun=2025, urut="ikm")
    urutan = urutan_kecamatan(html)
    assert urutan[:3] == ["patrang", "kencong", "balung"]
    assert len(urutan) == 31  # the kecamatan without a realisasi come last
    # IKM 95,1 without a PK target: no capaian, but its category on the IKM scale.
    assert "95,1 tanpa target PK Kategori A · Sangat Baik peringkat 1" in teks_baris(
        html, "patrang"
    )
    assert "peringkat 2" in teks_baris(html, "kencong")
    assert "peringkat 3" in teks_baris(html, "balung")
    # The kabupaten average of the three: (95,1 + 92,33 + 80) / 3 = 89,143…
    assert "89,14" in html.split("<tfoot>")[1]

    terbalik = urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="-ikm"))
    assert terbalik[:3] == ["balung", "kencong", "patrang"]


def test_tanpa_tiga_pembanding_tidak_ada_peringkat(client, bappeda):
    html = buka(client, bappeda, tahun=2025)
    assert "peringkat 1" not in teks_baris(html, "kencong")
    assert "–" in html.split("<tfoot>")[1]


def test_nilai_sama_berbagi_peringkat(client, bappeda):
    realisasi_ikm(patrang="92.33", balung="95", panti="70")
    html = buka(client, bappeda, tahun=2025, urut="ikm")
    assert urutan_kecamatan(html)[:4] == ["balung", "kencong", "patrang", "panti"]
    assert "peringkat 2" in teks_baris(html, "kencong")
    assert "peringkat 2" in teks_baris(html, "patrang")
    assert "peringkat 4" in teks_baris(html, "panti")


def test_peringkat_indikator_polaritas_negatif_terendah_terbaik(client, bappeda, kencong):
    """A measure where lower is better (complaints): rank 1 is the lowest realisasi."""
    aduan = Ukuran.objects.create(
        kabupaten=kencong.kabupaten, kode="jumlah-pengaduan", nama="Jumlah Pengaduan Layanan"
    )
    renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
    Indikator.objects.create(
        tujuan=Tujuan.objects.filter(renstra=renstra).first(),
        ukuran=aduan,
        nama="Jumlah Pengaduan Layanan",
        satuan="kasus",
        polaritas="negatif",
        urutan=9,
    )
    for slug, n in (("kencong", 4), ("patrang", 12), ("balung", 1)):
        Realisasi.objects.create(
            kecamatan=Kecamatan.objects.get(slug=slug), ukuran=aduan, tahun=2025, nilai=n
        )
    html = buka(client, bappeda, tahun=2025, urut="jumlah-pengaduan")
    assert "makin rendah makin baik" in html
    assert urutan_kecamatan(html)[:3] == ["balung", "kencong", "patrang"]
    assert "peringkat 1" in teks_baris(html, "balung")


def test_urut_menurut_capaian_dan_nama(client, bappeda):
    realisasi_ikm(patrang="95", balung="80")
    # Only Kencong has a PK target, so only its capaian is computable: first, then the rest.
    assert urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="ikm.capaian"))[0] == ("kencong")
    nama = urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="nama"))
    assert nama[:3] == ["ajung", "ambulu", "arjasa"]
    assert urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="-nama"))[0] == "wuluhan"
    # An unknown key falls back to the kode order instead of failing.
    assert urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="apa;drop"))[0] == (
        Kecamatan.objects.order_by("kode").first().slug
    )


def test_cari_nama_kecamatan(client, bappeda):
    html = buka(client, bappeda, tahun=2025, q="ken")
    assert urutan_kecamatan(html) == ["kencong"]
    assert "Menampilkan 1 dari 31 kecamatan" in html
    kosong = buka(client, bappeda, tahun=2025, q="tidak-ada")
    assert "Tidak ada kecamatan yang cocok dengan saringan." in kosong


def test_saring_hanya_yang_belum_lengkap(client, bappeda, kencong):
    for periode in Periode.values:
        PelaporanRealisasi.objects.create(
            kecamatan=kencong, tahun=2025, periode=periode, status="diverifikasi"
        )
    LaporanKinerja.objects.filter(kecamatan=kencong, tahun=2025).update(status="ditetapkan")
    html = buka(client, bappeda, tahun=2025)
    assert "9/9 lengkap" in teks_baris(html, "kencong")
    assert "1 lengkap" in html
    belum = urutan_kecamatan(buka(client, bappeda, tahun=2025, belum_lengkap="1"))
    assert len(belum) == 30 and "kencong" not in belum
    assert urutan_kecamatan(buka(client, bappeda, tahun=2025, urut="kelengkapan"))[0] == ("kencong")


# --- charts -------------------------------------------------------------------------------


def test_grafik_sebaran_dan_tren_kecamatan(client, bappeda):
    realisasi_ikm(patrang="95", balung="80")
    html = buka(client, bappeda, tahun=2025, grafik="ikm", kec="kencong")
    assert html.count('<svg class="grafik-svg"') == 2
    assert "Sebaran realisasi Indeks Kepuasan Masyarakat 2025 antarkecamatan" in html
    assert "Rata-rata kabupaten 89,11" in html  # (95 + 92,33 + 80) / 3
    assert "Kecamatan Kencong terhadap rata-rata kabupaten" in html
    # Kencong's IKM of the years before, from the seed, on the trend line.
    for teks in ("85,42", "92,8", "92,33"):
        assert f">{teks}<" in html


def test_grafik_yang_disimpan_mengikuti_realisasi_dan_nama_yang_berubah(client, bappeda, kencong):
    """The charts are kept in memory by their data: a changed realisasi or name is drawn anew,
    never served from the kept one."""
    realisasi_ikm(patrang="95", balung="80")
    html = buka(client, bappeda, tahun=2025, grafik="ikm", kec="kencong")
    assert "Rata-rata kabupaten 89,11" in html
    Realisasi.objects.filter(kecamatan__slug="patrang", ukuran=ukuran("ikm"), tahun=2025).update(
        nilai=Decimal("98")
    )
    Kecamatan.objects.filter(pk=kencong.pk).update(nama="Kencong Raya")
    html = buka(client, bappeda, tahun=2025, grafik="ikm", kec="kencong")
    assert "Rata-rata kabupaten 90,11" in html  # (98 + 92,33 + 80) / 3
    assert ">98<" in html
    assert "Kecamatan Kencong Raya terhadap rata-rata kabupaten" in html


def test_permintaan_berikutnya_tidak_menggambar_ulang(client, bappeda):
    """Drawing was most of the dashboard's time (issue 12): a second request with the same
    data draws nothing and shows the same charts."""
    realisasi_ikm(patrang="95", balung="80")
    pertama = buka(client, bappeda, tahun=2025, grafik="ikm", kec="kencong")
    sebelum = (_grafik_sebaran.cache_info().misses, _grafik_tren_kecamatan.cache_info().misses)
    kedua = buka(client, bappeda, tahun=2025, grafik="ikm", kec="kencong")
    assert (_grafik_sebaran.cache_info().misses, _grafik_tren_kecamatan.cache_info().misses) == (
        sebelum
    )
    assert kedua.count('<svg class="grafik-svg"') == 2
    assert re.findall(r"<svg.*?</svg>", kedua, re.S) == re.findall(r"<svg.*?</svg>", pertama, re.S)


# --- drill-down -----------------------------------------------------------------------------


def test_nama_kecamatan_membuka_halamannya_hanya_baca(client, inspektorat, kencong):
    html = buka(client, inspektorat, tahun=2025)
    assert 'href="/kecamatan/kencong/?tahun=2025"' in html
    assert client.get("/kecamatan/kencong/?tahun=2025").status_code == 200
    # The kecamatan's pages stay read-only for the kabupaten: nothing can be entered.
    url = reverse("perjanjian:realisasi", args=["kencong", 2025, "tw4"])
    assert client.get(url).status_code == 200
    sebelum = Realisasi.objects.filter(kecamatan=kencong).count()
    assert client.post(url, {"x": "1"}).status_code == 403
    assert Realisasi.objects.filter(kecamatan=kencong).count() == sebelum


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [URL, URL_EXCEL])
def test_pengguna_kecamatan_ditolak(client, operator_kencong, camat_kencong, url):
    for pengguna in (operator_kencong, camat_kencong):
        client.force_login(pengguna)
        response = client.get(url, {"tahun": 2025})
        assert response.status_code == 403
        assert b"Jombang" not in response.content  # no other kecamatan's row leaks


def test_tamu_diarahkan_ke_halaman_masuk(client, jember):
    response = client.get(URL)
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_tautan_dasbor_di_menu_dan_daftar_kecamatan(client, admin_kabupaten, operator_kencong):
    client.force_login(admin_kabupaten)
    daftar = client.get(reverse("kecamatan:daftar")).content.decode()
    assert daftar.count(f'href="{URL}"') >= 2  # the menu and the list's button
    client.force_login(operator_kencong)
    beranda = client.get("/kecamatan/kencong/").content.decode()
    assert f'href="{URL}"' not in beranda


# --- Excel --------------------------------------------------------------------------------


def test_unduh_excel_berisi_angka_dengan_format(client, bappeda):
    client.force_login(bappeda)
    response = client.get(URL_EXCEL, {"tahun": 2025, "pk": "awal"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert "dasbor-kecamatan-jember-2025.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb.worksheets[0]
    kepala = [c.value for c in ws[1]]
    assert kepala[:4] == ["No", "Kode", "Kecamatan", "Dasar target"]
    assert ws.max_row == 1 + 31
    baris = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "Kencong")
    sel = dict(zip(kepala, baris, strict=True))

    realisasi = sel["Indeks Kepuasan Masyarakat — Realisasi (Indeks)"]
    assert realisasi.data_type == "n" and realisasi.value == pytest.approx(92.33)
    assert realisasi.number_format == "#,##0.00"
    target = sel["Indeks Kepuasan Masyarakat — Target (Indeks)"]
    assert target.value == pytest.approx(92.5) and target.number_format == "#,##0.00"
    capaian = sel["Indeks Kepuasan Masyarakat — Capaian (%)"]
    assert capaian.data_type == "n" and capaian.value == pytest.approx(99.82)
    assert capaian.number_format == "0.00"
    kriteria = sel["Indeks Kepuasan Masyarakat — Kriteria"]
    assert kriteria.value == "Sangat Tinggi"
    assert kriteria.fill.fgColor.rgb.endswith("9FD8F5")
    assert sel["Nilai SAKIP Perangkat Daerah — Capaian (%)"].value == pytest.approx(120.01)
    assert sel["Butir lengkap"].value == 3 and sel["Butir lengkap"].data_type == "n"
    assert sel["LKIP"].value == "Draf"
    # Where the Nilai SAKIP and a computed realisasi come from, as the page says it.
    assert sel["Keterangan"].value == (
        "Nilai SAKIP dimuat dari data; Persentase Indikator Program yang tercapai: "
        "Dihitung dari indikator program Perjanjian Kinerja 2025: 3 dari 4 indikator program "
        "tercapai"
    )

    # No number slipped in as text anywhere (the area code is a code, not a number).
    for r in ws.iter_rows(min_row=2):
        for c in r:
            if isinstance(c.value, str) and c.column_letter != "B":
                assert not re.fullmatch(r"-?[0-9.,]+%?", c.value), (c.coordinate, c.value)
    assert wb["Keterangan"]["B3"].value == "PK awal tahun"


def test_excel_mengikuti_saringan_dan_urutan(client, bappeda):
    realisasi_ikm(patrang="95", balung="80")
    client.force_login(bappeda)
    response = client.get(URL_EXCEL, {"tahun": 2025, "urut": "ikm", "q": "n"})
    ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
    nama = [r[2].value for r in ws.iter_rows(min_row=2)]
    assert nama[:3] == ["Patrang", "Kencong", "Balung"]
    assert all("n" in n.lower() for n in nama)


# --- bounded queries --------------------------------------------------------------------------


def tambah_kecamatan_berdata(jember, jumlah: int) -> None:
    """``jumlah`` more kecamatan, each with a Renstra, IKM and IPP indicators, a ditetapkan PK
    with their targets, realisasi over seven years, a reporting status and an LKIP; and three
    more shared measures with a realisasi in every new kecamatan."""
    awal = Kecamatan.objects.count()
    baru = Kecamatan.objects.bulk_create(
        Kecamatan(kabupaten=jember, nama=f"Uji {i:03d}", slug=f"uji-{i:03d}", kode=f"U{i:05d}")
        for i in range(awal, awal + jumlah)
    )
    renstra = Renstra.objects.bulk_create(
        Renstra(
            kecamatan=k, nama="Renstra uji", tahun_awal=2025, tahun_akhir=2029, tahun_baseline=2024
        )
        for k in baru
    )
    tujuan = Tujuan.objects.bulk_create(Tujuan(renstra=r, nomor=1, uraian="uji") for r in renstra)
    ikm, ipp = ukuran("ikm"), ukuran("ipp")
    # Three more shared measures: more columns must not mean more queries either.
    lain = [
        Ukuran.objects.create(kabupaten=jember, kode=f"uji-{n}", nama=f"Ukuran uji {n}")
        for n in range(3)
    ]
    Indikator.objects.bulk_create(
        Indikator(tujuan=tujuan[0], ukuran=u, nama=u.nama, satuan="%") for u in lain
    )
    Realisasi.objects.bulk_create(
        Realisasi(kecamatan=k, ukuran=u, tahun=2025, nilai=Decimal(n % 100))
        for n, k in enumerate(baru)
        for u in lain
    )
    indikator = Indikator.objects.bulk_create(
        Indikator(tujuan=t, ukuran=u, nama=u.nama, satuan="Indeks")
        for t in tujuan
        for u in (ikm, ipp)
    )
    pk = PerjanjianKinerja.objects.bulk_create(
        PerjanjianKinerja(
            kecamatan=k,
            tahun=2025,
            renstra=r,
            status="ditetapkan",
            pihak_pertama_nama="uji",
            pihak_pertama_jabatan="camat",
            pihak_kedua_nama="uji",
            pihak_kedua_jabatan="bupati",
        )
        for k, r in zip(baru, renstra, strict=True)
    )
    TargetPerjanjian.objects.bulk_create(
        TargetPerjanjian(perjanjian=p, indikator=i, nilai=Decimal(90))
        for p, pasangan in zip(pk, zip(indikator[::2], indikator[1::2], strict=True), strict=True)
        for i in pasangan
    )
    Realisasi.objects.bulk_create(
        Realisasi(kecamatan=k, ukuran=u, tahun=th, nilai=Decimal(80 + n % 17))
        for n, k in enumerate(baru)
        for u in (ikm, ipp)
        for th in range(2019, 2026)
    )
    PelaporanRealisasi.objects.bulk_create(
        PelaporanRealisasi(kecamatan=k, tahun=2025, periode="tw1", status="diajukan") for k in baru
    )
    LaporanKinerja.objects.bulk_create(LaporanKinerja(kecamatan=k, tahun=2025) for k in baru)


def hitung_query(client, url, params) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as q:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(q.captured_queries), response.content


@pytest.mark.parametrize("url", [URL, URL_EXCEL])
def test_jumlah_query_sama_untuk_31_dan_300_kecamatan(client, bappeda, jember, url):
    client.force_login(bappeda)
    params = {"tahun": 2025, "grafik": "ikm", "kec": "kencong", "urut": "ikm"}
    client.get(url, params)  # warm-up: session, content types
    query_31, _ = hitung_query(client, url, params)

    tambah_kecamatan_berdata(jember, 300 - 31)
    assert Kecamatan.objects.filter(kabupaten=jember).count() == 300
    query_300, isi = hitung_query(client, url, params)

    print(f"{url}: {query_31} query untuk 31 kecamatan, {query_300} untuk 300")
    assert query_31 == query_300 <= 20
    if url == URL:
        assert "300 kecamatan" in isi.decode()
        assert len(urutan_kecamatan(isi.decode())) == 300
        assert "Ukuran uji 2" in isi.decode()


def test_tahun_tanpa_realisasi_dikatakan_bukan_digambar_kosong(client, bappeda):
    html = buka(client, bappeda, tahun=2027)
    assert "Belum ada realisasi tahunan 2027 dari kecamatan mana pun" in html
    assert "sebarannya belum dapat digambar" in html
    assert len(urutan_kecamatan(html)) == 31


# --- the cells written in Python (issue 12) are the template markup they replaced ----------

# The markup of templates/laporan/dasbor/detail.html before laporan.templatetags.dasbor.
SEL_TEMPLATE = """{% load sakip %}<td class="sel">
        {% if s.realisasi %}<strong>{{ s.realisasi|nilai }}</strong>{% else %}<span class="keterangan-dasbor" title="Belum ada realisasi tahunan">–</span>{% endif %}
        {% if s.target %}<span class="target">/ target {{ s.target|nilai }}</span>{% endif %}<br>
        {% if s.capaian is not None %}<span class="lencana kriteria{% if s.kriteria.kode == 'R' or s.kriteria.kode == 'SR' %} kriteria-gelap{% endif %}" style="background: {{ s.kriteria.warna }}">{{ s.capaian|persen }} · {{ s.kriteria.label }}</span>
        {% elif s.realisasi %}<small class="keterangan-dasbor" title="Capaian tidak dapat dihitung">{% if s.target %}capaian tak terhitung{% else %}tanpa target PK{% endif %}</small>{% endif %}{% include "bagian/kategori_nilai.html" with kategori=s.kategori %}
        {% if s.peringkat %}<br><small>peringkat {{ s.peringkat }}</small>{% endif %}
        {% if s.sumber %}<br><small class="keterangan-dasbor sumber-nilai">Nilai SAKIP {{ s.sumber }}</small>{% endif %}
        {% if s.dihitung %}<br><small class="keterangan-dasbor sumber-dihitung">{{ s.dihitung }}</small>{% endif %}
      </td>"""  # noqa: E501
KELENGKAPAN_TEMPLATE = """{% load sakip %}{% with k=b.kelengkapan %}
      <td class="lengkap" title="{{ k.renstra|join:'; '|default:'Belum ada Renstra yang berlaku' }}">{% if k.renstra %}<span class="ya">✓</span>{% else %}<span class="tidak">✗</span>{% endif %}</td>
      <td class="lengkap">{% if k.keputusan == "ditetapkan" %}<span class="ya" title="Ditetapkan">✓</span>{% elif k.keputusan == "draft" %}<span class="lencana kecil status-draft">draf</span>{% else %}<span class="tidak" title="Belum ada">✗</span>{% endif %}</td>
      <td class="lengkap">{% for jenis, status, label in k.perjanjian %}<span class="lencana kecil status-{{ status }}" title="{{ jenis }}: {{ label }}">{% if forloop.counter > 1 %}Perub. {% else %}Awal {% endif %}{% if status == "ditetapkan" %}✓{% else %}{{ label|lower }}{% endif %}</span> {% empty %}<span class="tidak" title="Belum ada PK">✗</span>{% endfor %}</td>
      {% for periode, status, label in k.realisasi %}
      <td class="lengkap">{% if status == "draft" %}<span class="keterangan-dasbor" title="{{ periode }}: draft">–</span>{% else %}<span class="lencana kecil status-{{ status }}" title="{{ periode }}: {{ label }}">{{ label|lower }}</span>{% endif %}</td>
      {% endfor %}
      <td class="lengkap">{% if k.lkip == "ditetapkan" %}<span class="lencana kecil status-ditetapkan">final</span>{% elif k.lkip %}<span class="lencana kecil status-draft">draf</span>{% else %}<span class="keterangan-dasbor" title="Belum dimulai">–</span>{% endif %}</td>
      {% endwith %}"""  # noqa: E501

PITA = kinerja.Pita("ST", "Sangat Tinggi", "#9fd8f5", Decimal(90))
PITA_GELAP = kinerja.Pita("SR", "Sangat Rendah", "#b3261e", None)
NILAI = kinerja.Nilai(Decimal("92.33"))


@pytest.mark.parametrize(
    "sel",
    [
        Sel(target=None, realisasi=None, capaian=None, kriteria=None),
        Sel(target=NILAI, realisasi=None, capaian=None, kriteria=None),
        Sel(target=None, realisasi=NILAI, capaian=None, kriteria=None, peringkat=2),
        Sel(target=NILAI, realisasi=NILAI, capaian=None, kriteria=None),
        Sel(target=NILAI, realisasi=NILAI, capaian=Decimal("99.815"), kriteria=PITA, kategori=PITA),
        Sel(
            target=kinerja.Nilai(Decimal(81), "A", "<b>"),
            realisasi=kinerja.Nilai(Decimal("80.41"), "A & B"),
            capaian=Decimal("12"),
            kriteria=PITA_GELAP,
            sumber="dari LHE <Inspektorat>",
            dihitung='Dihitung dari "x" & y',
        ),
        Sel(target=NILAI, realisasi=NILAI, capaian=Decimal(1), kriteria=None),
    ],
)
def test_sel_ditulis_sama_dengan_template(sel):
    assert sel_dasbor(sel) == Template(SEL_TEMPLATE).render(Context({"s": sel}))


@pytest.mark.parametrize(
    "kelengkapan",
    [
        Kelengkapan(renstra=(), keputusan=None, perjanjian=(), realisasi=(), lkip=None),
        Kelengkapan(
            renstra=("Renstra A & <B>", "Renstra 2"),
            keputusan="draft",
            perjanjian=(
                ("Perjanjian Kinerja", "ditetapkan", "Ditetapkan"),
                ("Perjanjian Kinerja Perubahan", "diajukan", "Diajukan"),
            ),
            realisasi=(("TW I", "draft", "Draft"), ("TW II", "diverifikasi", "Diverifikasi")),
            lkip="draft",
        ),
        Kelengkapan(
            renstra=("R",),
            keputusan="ditetapkan",
            perjanjian=(("Perjanjian Kinerja", "draft", "Draft"),),
            realisasi=(("Tahunan", "dikembalikan", "Dikembalikan <x>"),),
            lkip="ditetapkan",
        ),
    ],
)
def test_kelengkapan_ditulis_sama_dengan_template(kelengkapan):
    baris = BarisDasbor(kecamatan=None, sel=(), kelengkapan=kelengkapan, dasar_perjanjian="")
    assert kelengkapan_dasbor(kelengkapan) == Template(KELENGKAPAN_TEMPLATE).render(
        Context({"b": baris})
    )


def test_sel_halaman_ditulis_sama_dengan_template(bappeda):
    """Every cell of Jember 2025 (both PK bases), as the template wrote it."""
    for dasar in ("awal", "berlaku"):
        d = dasbor_kabupaten(
            kecamatan=Kecamatan.objects.all(),
            kabupaten_id=bappeda.kabupaten_id,
            tahun=2025,
            dasar=dasar,
        )
        for b in d.baris:
            for s in b.sel:
                assert sel_dasbor(s) == Template(SEL_TEMPLATE).render(Context({"s": s}))
            assert kelengkapan_dasbor(b.kelengkapan) == Template(KELENGKAPAN_TEMPLATE).render(
                Context({"b": b})
            )
