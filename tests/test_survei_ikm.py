"""Operator Kencong uploads the answers of a Survei Kepuasan Masyarakat, reads the IKM, its
category and the weakest unsur, and takes the IKM as the realisasi of the period.

The example survey (four respondents, two of whom skipped unsur), computed by hand:

    respondent   U1 U2 U3 U4 U5 U6 U7 U8 U9
    1             4  4  4  4  4  4  4  4  4
    2             3  3  3  3  3  3  3  3  3
    3             4  3  2  4  3  4  4  3  -
    4             3  4  -  4  3  4  4  3  -

    NRR = sum of the answers to the unsur / number of answers to it:
    U1 14/4 = 3,50   U2 14/4 = 3,50   U3 9/3 = 3,00   U4 15/4 = 3,75   U5 13/4 = 3,25
    U6 15/4 = 3,75   U7 15/4 = 3,75   U8 13/4 = 3,25   U9 7/2 = 3,50
    Σ NRR = 31,25; IKM = 25 × 31,25 / 9 = 86,8055… → 86,81 → B "Baik" (76,61–88,30).
    Weakest: U3 Waktu Penyelesaian, 3,00 × 25 = 75,00 → C "Kurang Baik".
"""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from perjanjian.models import PelaporanRealisasi, Realisasi, SurveiKepuasan

JAWABAN = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
    [4, 3, 2, 4, 3, 4, 4, 3, None],
    [3, 4, None, 4, 3, 4, 4, 3, None],
]
LAYANAN = ["KTP elektronik", "Kartu Keluarga", "KTP elektronik", ""]


def csv_contoh(pemisah=";", judul=None) -> bytes:
    judul = judul or ["No", "Jenis Layanan", "Tanggal"] + [f"U{n}" for n in range(1, 10)]
    baris = [pemisah.join(judul)]
    for i, (jawab, layanan) in enumerate(zip(JAWABAN, LAYANAN, strict=True), start=1):
        sel = [str(i), layanan, f"1{i}/02/2025"] + ["" if j is None else str(j) for j in jawab]
        baris.append(pemisah.join(sel))
    return ("\r\n".join(baris) + "\r\n").encode()


def xlsx(baris: list[list]) -> bytes:
    wb = Workbook()
    for b in baris:
        wb.active.append(b)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def berkas(nama: str, isi: bytes):
    f = io.BytesIO(isi)
    f.name = nama
    return f


def url_daftar(slug="kencong", tahun=2025):
    return reverse("perjanjian:survei-daftar", args=[slug, tahun])


def unggah(client, nama, isi, periode="tw1"):
    return client.post(url_daftar(), {"periode": periode, "berkas": berkas(nama, isi)})


@pytest.fixture
def operator(client, operator_kencong):
    client.force_login(operator_kencong)
    return client


def halaman_survei(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response.url)


def test_survei_csv_dihitung_seperti_hitungan_tangan(operator):
    response = halaman_survei(operator, unggah(operator, "survei-tw1.csv", csv_contoh()))
    assertContains(response, "Survei survei-tw1.csv diolah: 4 responden, IKM 86,81.")
    assertContains(response, "2 dari 4 responden tidak menjawab semua unsur")
    assertNotContains(response, "Kolom yang tidak dipakai")  # "No" is known
    assertContains(response, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)
    assertContains(response, "B · Baik")
    assertContains(
        response, '<strong id="unsur-terlemah">U3 Waktu Penyelesaian</strong>', html=True
    )
    isi = response.content.decode()
    # The table in U1–U9 order: answers given, NRR, NRR × 25, mutu, rank (1 = weakest).
    for nomor, jawaban, nrr, konversi, mutu, urutan in [
        (1, "4", "3,50", "87,50", "B · Baik", "4"),
        (3, "3", "3,00", "75,00", "C · Kurang Baik", "1"),
        (4, "4", "3,75", "93,75", "A · Sangat Baik", "7"),
        (5, "4", "3,25", "81,25", "B · Baik", "2"),
        (8, "4", "3,25", "81,25", "B · Baik", "3"),
        (9, "2", "3,50", "87,50", "B · Baik", "6"),
    ]:
        awal = isi.index(f'data-testid="unsur-{nomor}"')
        baris = isi[awal : isi.index("</tr>", awal)]
        sel = [s.split("</td>")[0].split(">")[-1] for s in baris.split("<td")[1:]]
        assert sel[1:4] == [jawaban, nrr, konversi], (nomor, sel)
        assert mutu in baris and sel[-1] == urutan
    # The chart: an SVG with the unsur names, the weakest first.
    main = isi[isi.index("<main") :]  # the header's icons are SVGs too
    svg = main[main.index("<svg") : main.index("</svg>")]
    assert svg.index("U3 Waktu Penyelesaian") < svg.index("U5 Produk") < svg.index("U7 Perilaku")
    assert "3,25  (B)" in svg and "3,50  (B)" in svg
    # Respondents per service type and the dates.
    assertContains(response, '<td>KTP elektronik</td><td class="angka">2</td>', html=True)
    assertContains(response, "11 Februari 2025 – 14 Februari 2025")

    survei = SurveiKepuasan.objects.get(kecamatan__slug="kencong")
    assert (survei.tahun, survei.periode, survei.jumlah_responden) == (2025, "tw1", 4)
    assert survei.nilai_ikm == Decimal("86.81")
    assert [Decimal(n) for n in survei.nrr][2] == 3
    assert survei.responden_tidak_lengkap == 2
    assert survei.per_layanan == {"KTP elektronik": 2, "Kartu Keluarga": 1}


@pytest.mark.parametrize("pemisah", [",", ";", "\t"])
def test_csv_berpemisah_koma_titik_koma_atau_tab(operator, pemisah):
    response = halaman_survei(operator, unggah(operator, "s.csv", csv_contoh(pemisah)))
    assertContains(response, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)


def test_judul_kolom_boleh_nama_unsur(operator):
    judul = ["No", "Layanan", "Tgl", "Persyaratan", "Sistem, Mekanisme dan Prosedur"] + [
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Sarana dan Prasarana",
        "Penanganan Pengaduan, Saran dan Masukan",
    ]
    isi = csv_contoh(";", judul)
    response = halaman_survei(operator, unggah(operator, "nama.csv", isi))
    assertContains(response, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)


def test_templat_excel_diisi_lalu_diunggah(operator):
    """The template opens in Excel with the header row; filled in, it gives the same IKM."""
    response = operator.get(reverse("perjanjian:survei-templat", args=["kencong"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="templat-survei-kepuasan.xlsx"')
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Survei"]
    judul = [c.value for c in ws[1]]
    assert judul[:4] == ["No", "Jenis Layanan", "Tanggal", "U1 Persyaratan"]
    assert judul[-1] == "U9 Penanganan Pengaduan, Saran dan Masukan"
    assert ws.max_row == 1 or all(c.value is None for c in ws[2])
    assert ws["C2"].number_format == "DD/MM/YYYY"
    assert "Petunjuk" in wb.sheetnames

    import datetime

    for i, (jawab, layanan) in enumerate(zip(JAWABAN, LAYANAN, strict=True), start=1):
        ws.append([i, layanan or None, datetime.date(2025, 2, 10 + i), *jawab])
    keluaran = io.BytesIO()
    wb.save(keluaran)
    response = halaman_survei(
        operator, unggah(operator, "templat-terisi.xlsx", keluaran.getvalue())
    )
    assertContains(response, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)
    assertContains(response, "B · Baik")
    assertContains(response, "11 Februari 2025 – 14 Februari 2025")


def test_xlsx_dengan_judul_di_bawah_baris_kop(operator):
    """A sheet with a title above the header and answers stored as numbers and text."""
    baris = [["REKAP SURVEI KEPUASAN MASYARAKAT KECAMATAN KENCONG"], []]
    baris.append(["Jenis Layanan"] + [f"U{n}" for n in range(1, 10)])
    for jawab in JAWABAN:
        baris.append(["KTP", *[None if j is None else float(j) for j in jawab[:5]], *jawab[5:]])
    baris[3][1] = "4"  # typed as text
    response = halaman_survei(operator, unggah(operator, "rekap.xlsx", xlsx(baris)))
    assertContains(response, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)


def test_kolom_lain_diabaikan_dan_disebut(operator):
    baris = [["No", "Umur", "Pekerjaan"] + [f"U{n}" for n in range(1, 10)]]
    baris += [[1, 34, "Petani", *[4] * 9], [2, 51, "Guru", *[3] * 9]]
    response = halaman_survei(operator, unggah(operator, "lengkap.xlsx", xlsx(baris)))
    assertContains(response, "Kolom yang tidak dipakai: Umur, Pekerjaan.")
    # NRR 3,5 for every unsur: IKM = 25 × 3,5 = 87,50 → B.
    assertContains(response, '<div class="besar" id="nilai-ikm">87,50</div>', html=True)
    assertContains(response, "semua menjawab kesembilan unsur")


# --- malformed files -------------------------------------------------------------------------

JUDUL = "U1,U2,U3,U4,U5,U6,U7,U8,U9"


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        (
            "nilai.csv",
            f"{JUDUL}\n4,4,5,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,0\n".encode(),
            [
                "Baris 2: U3 Waktu Penyelesaian: nilai 5 di luar rentang 1–4.",
                "Baris 3: U9 Penanganan Pengaduan, Saran dan Masukan: nilai 0 di luar rentang 1–4.",
            ],
        ),
        (
            "teks.csv",
            f"{JUDUL}\n4,4,baik,4,4,4,4,4,4\n4,4,4,3.5,4,4,4,4,4\n".encode(),
            [
                "Baris 2: U3 Waktu Penyelesaian: &#x27;baik&#x27; bukan angka; isi dengan 1, 2, "
                "3 atau 4.",
                "Baris 3: U4 Biaya/Tarif: 3.5 bukan bilangan bulat 1–4.",
            ],
        ),
        (
            "kolom.csv",
            f"{JUDUL}\n4,4,4,4,4,4,4,4,4\n4,4,4\n4,4,4,4,4,4,4,4,4,4\n".encode(),
            [
                "Baris 3: berisi 3 kolom, seharusnya 9 seperti baris judul",
                "Baris 4: ada isian di luar kolom yang berjudul (10 kolom, baris judul 9 kolom).",
            ],
        ),
        (
            "tanggal.csv",
            f"Tanggal,{JUDUL}\n31/02/2025,4,4,4,4,4,4,4,4,4\n".encode(),
            ["Baris 2: tanggal &#x27;31/02/2025&#x27; tidak dikenali; tulis seperti 17/03/2025."],
        ),
        ("kosong.csv", b"", ["Berkas kosong: tidak ada isinya."]),
        (
            "judul-saja.csv",
            f"{JUDUL}\n\n".encode(),
            ["Tidak ada jawaban responden di bawah baris judul: berkas belum diisi."],
        ),
        (
            "tanpa-judul.csv",
            b"4,4,4,4,4,4,4,4,4\n3,3,3,3,3,3,3,3,3\n",
            ["Baris judul tidak ditemukan: baris pertama harus memuat judul kolom U1–U9"],
        ),
        (
            "kurang-unsur.csv",
            b"U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4\n",
            ["Baris 1: baris judul tidak memuat kolom U9 Penanganan Pengaduan, Saran dan Masukan."],
        ),
        (
            "ganda.csv",
            b"U1,U2,U3,U4,U5,U6,U7,U8,U9,Waktu Penyelesaian\n4,4,4,4,4,4,4,4,4,4\n",
            [
                "Baris 1: kolom U3 Waktu Penyelesaian muncul dua kali (kolom C dan J); hapus "
                "salah satunya."
            ],
        ),
        (
            "laporan.pdf",
            b"%PDF-1.4",
            ["Jenis berkas &#x27;.pdf&#x27; tidak didukung; unggah berkas Excel .xlsx atau CSV."],
        ),
        ("lama.xls", b"\xd0\xcf\x11\xe0", ["Format Excel lama (.xls) tidak didukung"]),
        ("rusak.xlsx", b"bukan zip", ["Berkas .xlsx tidak dapat dibaca"]),
        ("excel.csv", xlsx([["U1"]]), ["Isi berkas ini bukan CSV melainkan berkas Excel"]),
        (
            "sel.xlsx",
            xlsx(
                [
                    [f"U{n}" for n in range(1, 10)],
                    [4, 4, 4, 4, 4, 4, 4, 4, 2.5],
                    [4, 4, 4, 4, 4, 4, 4, "sangat baik", 4],
                    [4, 4, 4, 4, 4, 4, 4, 4, 4, None, "catatan"],
                ]
            ),
            [
                "Baris 2: U9 Penanganan Pengaduan, Saran dan Masukan: 2,5 bukan bilangan bulat "
                "1–4.",
                "Baris 3: U8 Sarana dan Prasarana: &#x27;sangat baik&#x27; bukan angka",
                "Baris 4: ada isian di luar kolom yang berjudul (kolom K).",
            ],
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None,
)
def test_berkas_bermasalah_tidak_menyimpan_apa_pun(operator, nama, isi, pesan):
    response = unggah(operator, nama, isi)
    assert response.status_code == 200
    assertContains(response, f"Berkas {nama} tidak diolah: tidak ada yang disimpan.")
    for p in pesan:
        assertContains(response, p)
    assert not SurveiKepuasan.objects.exists()


def test_satu_baris_salah_menggagalkan_seluruh_berkas(operator):
    isi = csv_contoh(",").replace(b"4,4,3,\r\n", b"4,4,3,7\r\n", 1)  # respondent 3: U9 7
    response = unggah(operator, "s.csv", isi)
    assertContains(response, "Baris 4: U9 Penanganan Pengaduan, Saran dan Masukan: nilai 7 di luar")
    assert not SurveiKepuasan.objects.exists()


def test_baris_tanpa_jawaban_tidak_dihitung_dan_disebut(operator):
    isi = csv_contoh(",") + b"5,KTP elektronik,,,,,,,,,,\r\n"
    response = halaman_survei(operator, unggah(operator, "s.csv", isi))
    assertContains(
        response, "1 baris tanpa satu jawaban pun tidak dihitung sebagai responden (baris 6)"
    )
    assertContains(response, '<div class="besar" id="jumlah-responden">4</div>', html=True)


def test_tanggal_di_luar_periode_diperingatkan(operator):
    response = halaman_survei(operator, unggah(operator, "s.csv", csv_contoh(), periode="tw3"))
    assertContains(response, "4 responden bertanggal di luar Triwulan III 2025")


def test_berkas_wajib_dipilih(operator):
    response = operator.post(url_daftar(), {"periode": "tw1"})
    assertContains(response, "Bidang ini tidak boleh kosong")
    assert not SurveiKepuasan.objects.exists()


# --- taking the IKM as realisasi -------------------------------------------------------------


def unggah_dan_buka(client, periode):
    response = unggah(client, "survei.csv", csv_contoh(), periode=periode)
    survei = SurveiKepuasan.objects.latest("id")
    halaman = client.get(response.url)
    return survei, halaman


def pakai(client, survei, halaman):
    sidik = halaman.content.decode().split('name="sidik" value="')[1].split('"')[0]
    return client.post(
        reverse("perjanjian:survei-pakai", args=["kencong", survei.pk]), {"sidik": sidik}
    )


def test_ikm_survei_menjadi_realisasi_tahunan_dan_tercatat_di_riwayat(
    operator, kencong, operator_kencong
):
    lama = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025)
    assert lama.nilai == Decimal("92.33")  # from e-SUKMA, in the Jember data
    survei, halaman = unggah_dan_buka(operator, "tahunan")
    assertContains(halaman, '<strong id="realisasi-sekarang">92,33</strong>', html=True)
    assertContains(halaman, "Nilai tersimpan 92,33 akan diganti")

    response = pakai(operator, survei, halaman)
    assert response.status_code == 302
    halaman = operator.get(response.url)
    assertContains(
        halaman,
        "IKM 86,81 disimpan sebagai realisasi Indeks Kepuasan Masyarakat Tahunan 2025.",
    )
    assertContains(halaman, "Realisasi IKM periode ini sudah sama dengan hasil survei ini.")
    assertNotContains(halaman, 'id="tombol-pakai"')

    lama.refresh_from_db()
    assert lama.nilai == Decimal("86.81")
    assert lama.catatan_sumber == "Survei Kepuasan Masyarakat: 4 responden, berkas survei.csv"
    survei.refresh_from_db()
    assert survei.dipakai_oleh == operator_kencong and survei.dipakai_pada

    realisasi = operator.get(reverse("perjanjian:realisasi", args=["kencong", 2025, "tahunan"]))
    isi = realisasi.content.decode()
    assert 'id="realisasi-ikm" value="86,81"' in isi or 'value="86,81"' in isi
    assertContains(realisasi, "Survei Kepuasan Masyarakat: 4 responden")
    # History: who changed the IKM realisasi from 92,33 to 86,81.
    catatan = Realisasi.riwayat.filter(id=lama.id).latest("history_date")
    assert catatan.history_user == operator_kencong and catatan.nilai == Decimal("86.81")
    riwayat = operator.get(
        reverse("perjanjian:realisasi-riwayat", args=["kencong", 2025, "tahunan"])
    ).content.decode()
    assert "Realisasi Indeks Kepuasan Masyarakat" in riwayat
    assert "<del>92,33</del> → <ins>86,81</ins>" in riwayat


def test_realisasi_triwulan_baru_dibuat(operator, kencong):
    survei, halaman = unggah_dan_buka(operator, "tw1")
    assertContains(halaman, '<em id="realisasi-sekarang">belum diisi</em>', html=True)
    pakai(operator, survei, halaman)
    r = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tw1")
    assert r.nilai == Decimal("86.81")
    assert Realisasi.riwayat.filter(id=r.id, history_type="+").exists()


def test_periode_terverifikasi_terkunci_menolak(operator, kencong):
    survei, halaman = unggah_dan_buka(operator, "tahunan")
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tahunan", status="diverifikasi"
    )
    response = pakai(operator, survei, halaman)
    assert response.status_code == 409
    assertContains(
        response,
        "Realisasi Tahunan 2025 sudah diverifikasi Bappeda dan tidak dapat diubah.",
        status_code=409,
    )
    assert Realisasi.objects.get(
        kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tahunan"
    ).nilai == Decimal("92.33")
    survei.refresh_from_db()
    assert survei.dipakai_pada is None
    # Reloaded, the page says it is locked and offers no button.
    halaman = operator.get(reverse("perjanjian:survei-detail", args=["kencong", survei.pk]))
    assertContains(halaman, "sudah diverifikasi Bappeda dan terkunci")
    assertNotContains(halaman, 'id="tombol-pakai"')


def test_periode_diajukan_menolak(operator, kencong):
    survei, halaman = unggah_dan_buka(operator, "tw2")
    PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode="tw2", status="diajukan"
    )
    response = pakai(operator, survei, halaman)
    assertContains(response, "sedang diajukan ke Bappeda dan tidak dapat diubah", status_code=409)
    assert not Realisasi.objects.filter(kecamatan=kencong, tahun=2025, periode="tw2").exists()


def test_realisasi_yang_berubah_sejak_halaman_dibuka_tidak_ditimpa(operator, kencong):
    survei, halaman = unggah_dan_buka(operator, "tahunan")
    r = Realisasi.objects.get(kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tahunan")
    r.nilai = Decimal("93")
    r.save()
    response = pakai(operator, survei, halaman)
    assertContains(response, "telah diubah oleh pengguna lain", status_code=409)
    r.refresh_from_db()
    assert r.nilai == Decimal("93")


# --- who sees what ---------------------------------------------------------------------------


def test_operator_patrang_tidak_melihat_survei_kencong(client, operator_patrang, survei_kencong):
    client.force_login(operator_patrang)
    for url in [
        reverse("perjanjian:survei-detail", args=["kencong", survei_kencong.pk]),
        reverse("perjanjian:survei-detail", args=["patrang", survei_kencong.pk]),
        reverse("perjanjian:survei-pakai", args=["patrang", survei_kencong.pk]),
        url_daftar("kencong"),
        reverse("perjanjian:survei-templat", args=["kencong"]),
    ]:
        assert client.get(url).status_code == 404, url
        # 405: the detail page takes no POST at all, so nothing is reached either.
        assert client.post(url).status_code in (404, 405), url
    assertNotContains(client.get(url_daftar("patrang")), "survei-kencong-tw1.xlsx")
    survei_kencong.refresh_from_db()
    assert survei_kencong.dipakai_pada is None


def test_bappeda_membaca_tanpa_mengunggah_atau_memakai(client, bappeda, survei_kencong):
    client.force_login(bappeda)
    halaman = client.get(reverse("perjanjian:survei-detail", args=["kencong", survei_kencong.pk]))
    assertContains(halaman, '<div class="besar" id="nilai-ikm">86,81</div>', html=True)
    assertNotContains(halaman, 'id="tombol-pakai"')
    daftar = client.get(url_daftar())
    assertContains(daftar, "survei-kencong-tw1.xlsx")
    assertNotContains(daftar, 'id="form-unggah"')
    assert client.post(url_daftar(), {"periode": "tw1"}).status_code == 403
    pakai_url = reverse("perjanjian:survei-pakai", args=["kencong", survei_kencong.pk])
    assert client.post(pakai_url, {"sidik": ""}).status_code == 403


def test_daftar_survei_tautan_dari_halaman_realisasi(operator, survei_kencong):
    realisasi = operator.get(reverse("perjanjian:realisasi", args=["kencong", 2025, "tw1"]))
    assertContains(realisasi, url_daftar())
    daftar = operator.get(url_daftar())
    assertContains(daftar, "survei-kencong-tw1.xlsx")
    assertContains(daftar, '<td class="angka">86,81</td>', html=True)
    assertContains(daftar, "B · Baik")
    assertContains(daftar, "Unduh templat Excel (.xlsx)")


def test_daftar_survei_jumlah_query_tetap(operator, survei_kencong, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as satu:
        operator.get(url_daftar())
    for _ in range(5):
        survei_kencong.pk = None
        survei_kencong.save()
    with django_assert_max_num_queries(len(satu.captured_queries)):
        response = operator.get(url_daftar())
    assert response.content.decode().count("survei-kencong-tw1.xlsx") == 6


# --- in a real browser -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_di_peramban_templat_diisi_diunggah_lalu_dipakai(
    live_server, halaman, operator_kencong, kencong, tmp_path
):
    """From the realisasi page to the survey page, the template downloaded and filled in,
    uploaded through the form, and its IKM taken as the TW III realisasi."""
    import datetime

    from playwright.sync_api import expect

    from tests.bantu_peramban import masuk

    masuk(halaman, live_server, "operator.kencong")
    halaman.goto(f"{live_server.url}/kecamatan/kencong/realisasi/2025/tw3/")
    halaman.get_by_role("link", name="Survei Kepuasan Masyarakat → IKM").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Survei Kepuasan Masyarakat 2025")
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh templat Excel (.xlsx)").click()
    templat = tmp_path / unduhan.value.suggested_filename
    unduhan.value.save_as(templat)
    wb = load_workbook(templat)
    for i, (jawab, layanan) in enumerate(zip(JAWABAN, LAYANAN, strict=True), start=1):
        wb["Survei"].append([i, layanan or None, datetime.date(2025, 8, i), *jawab])
    terisi = tmp_path / "survei-tw3.xlsx"
    wb.save(terisi)

    halaman.get_by_label("Periode").select_option(label="Triwulan III")
    halaman.get_by_label("Berkas jawaban survei").set_input_files(terisi)
    halaman.get_by_role("button", name="Unggah dan hitung IKM").click()
    expect(halaman.locator("#nilai-ikm")).to_have_text("86,81")
    expect(halaman.locator("#kategori-ikm")).to_have_text("B · Baik")
    expect(halaman.locator("#unsur-terlemah")).to_have_text("U3 Waktu Penyelesaian")
    expect(halaman.locator("figure svg")).to_be_visible()

    halaman.get_by_role(
        "button", name="Pakai IKM 86,81 sebagai realisasi Triwulan III 2025"
    ).click()
    expect(halaman.locator("main")).to_contain_text(
        "IKM 86,81 disimpan sebagai realisasi Indeks Kepuasan Masyarakat Triwulan III 2025."
    )
    halaman.get_by_role("link", name="buka halaman realisasi").click()
    expect(halaman.locator("#realisasi-ikm")).to_have_value("86,81")
    assert Realisasi.objects.get(
        kecamatan=kencong, ukuran__kode="ikm", tahun=2025, periode="tw3"
    ).nilai == Decimal("86.81")
