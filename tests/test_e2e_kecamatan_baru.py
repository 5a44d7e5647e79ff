"""The proof of issue 10 in a real browser: a kecamatan of Jember that arrives empty (Ajung)
gets its accounts from the admin kabupaten on the application's own pages, then its operator
and camat enter a whole year only through pages and Excel imports (never the Django admin,
no fixture of that kecamatan), Bappeda verifies the year's realisasi and the Inspektorat
reviews the LKIP, and the camat's approved LKIP carries the numbers that were entered.

The year is walked along the beranda's ordered path (Renstra → Keputusan IKU → PK → anggaran
→ realisasi → narasi → LKIP): each step is reached from its link there, as a user would."""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.bantu_pdf import halaman_pdf, semua
from tests.conftest import KATA_SANDI_UJI

pytestmark = pytest.mark.django_db(transaction=True)

KEC = "ajung"
TAHUN = 2025
SANDI_BARU = "sandi-ajung-baru-2025"
CETAK = 60_000  # ms: a click whose answer prints a PDF


class Cerita:
    """The story's shared state: the browser page, the server and the new accounts."""

    def __init__(self, halaman, server):
        self.h = halaman
        self.url = server.url
        self.sandi: dict[str, str] = {}
        self.pengguna = None
        self.pdf = b""

    def sebagai(self, username):
        """Signed in as ``username`` (a login only when someone else is)."""
        if self.pengguna != username:
            sandi = SANDI_BARU if username.endswith(f".{KEC}") else KATA_SANDI_UJI
            self.masuk(username, sandi)

    def buka(self, path):
        self.h.goto(self.url + path)

    def masuk(self, username, sandi=KATA_SANDI_UJI):
        h = self.h
        h.context.clear_cookies()
        self.buka("/masuk/")
        h.get_by_label("Nama pengguna").fill(username)
        h.get_by_label("Kata sandi").fill(sandi)
        h.get_by_role("button", name="Masuk").click()
        self.pengguna = username

    def pesan(self, teks):
        expect(self.h.locator("main")).to_contain_text(teks)

    def impor_excel(self, isi, nama, templat="Unduh templat", impor="Impor Excel"):
        """Download the page's Excel template, let ``isi`` fill its first sheet, upload it,
        check the preview and save: the way a user imports."""
        h = self.h
        with h.expect_download() as unduhan:
            h.get_by_role("button", name=templat).click()
        buku = load_workbook(BytesIO(unduhan.value.path().read_bytes()))
        isi(buku.worksheets[0])
        berkas = BytesIO()
        buku.save(berkas)
        h.get_by_role("button", name=impor).click()
        h.get_by_label("Berkas Excel (.xlsx)").set_input_files(
            files=[
                {
                    "name": f"{nama}-{KEC}.xlsx",
                    "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "buffer": berkas.getvalue(),
                }
            ]
        )
        h.get_by_role("button", name="Periksa berkas").click()
        h.get_by_role("button", name=re.compile("^Simpan perubahan")).click()

    def beranda(self):
        """The kecamatan's beranda for the story's year."""
        self.buka(f"/kecamatan/{KEC}/?tahun={TAHUN}")

    def langkah(self, judul):
        """Follow the beranda's path to the step titled ``judul``."""
        self.beranda()
        self.h.get_by_label(f"Jalur tahun {TAHUN}").get_by_role(
            "link", name=judul, exact=True
        ).click()


# --- the admin kabupaten: the kecamatan's two accounts ---------------------------------------


def akun_dibuat(c: Cerita):
    h = c.h
    c.masuk("admin.kabupaten")
    h.get_by_role("link", name="Akun pengguna").click()
    for username, nama, peran in (
        ("operator.ajung", "Siti Operator", "Operator Kecamatan"),
        ("camat.ajung", "Drs. Bambang Camat, M.Si.", "Camat"),
    ):
        h.get_by_role("button", name="Tambah akun").click()
        h.get_by_label("Nama pengguna").fill(username)
        h.get_by_label("Nama lengkap").fill(nama)
        h.get_by_label("Peran").select_option(label=peran)
        h.get_by_label("Kecamatan").select_option(label="Kecamatan Ajung")
        h.get_by_role("button", name="Simpan akun").click()
        c.pesan(f"Akun {username} dibuat.")
        c.sandi[username] = h.get_by_test_id("sandi").inner_text().strip()
        h.get_by_role("button", name="Kembali ke daftar akun").click()

    # Each owner changes the temporary password at first login.
    for username in ("operator.ajung", "camat.ajung"):
        c.masuk(username, c.sandi[username])
        h.get_by_label("Sandi lama").fill(c.sandi[username])
        h.get_by_label(re.compile(r"^Sandi baru")).fill(SANDI_BARU)
        h.get_by_label("Konfirmasi sandi baru").fill(SANDI_BARU)
        h.get_by_role("button", name="Simpan kata sandi").click()
        c.pesan("diganti")


# --- the operator: units, the camat as pejabat, the profile -----------------------------------


def kecamatan_disiapkan(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.beranda()
    h.get_by_role("link", name="Unit kerja").first.click()
    for i, (nama, jenis) in enumerate(
        (("Sekretariat", "Sekretariat"), ("Seksi Pemerintahan", "Seksi"))
    ):
        h.locator(f"[name=unit-{i}-nama]").fill(nama)
        h.locator(f"[name=unit-{i}-jenis]").select_option(label=jenis)
    h.get_by_role("button", name="Simpan unit kerja").click()
    c.pesan("disimpan")

    h.get_by_role("link", name="Pejabat dan tempat penandatanganan").click()
    h.locator("[name=pejabat-0-nama]").fill("Drs. BAMBANG SETIAWAN, M.Si.")
    h.locator("[name=pejabat-0-nip]").fill("19730206 200312 1 002")
    h.locator("[name=pejabat-0-pangkat_golongan]").fill("Pembina / IV.a")
    h.locator("[name=pejabat-0-jabatan]").fill("Camat Ajung")
    h.locator("[name=pejabat-0-mulai]").fill("02/01/2024")
    h.get_by_role("button", name="Simpan daftar pejabat").click()
    c.pesan("disimpan")

    c.beranda()
    h.get_by_role("link", name=f"Profil kecamatan {TAHUN}").click()
    h.get_by_label("Tugas", exact=True).fill("Camat Ajung melaksanakan tugas umum pemerintahan.")
    h.get_by_label("Fungsi", exact=True).fill("Koordinasi kegiatan pemberdayaan masyarakat.")
    h.get_by_label("Susunan organisasi").fill("Camat, Sekretariat dan lima Seksi.")
    h.get_by_role("button", name="Simpan uraian").click()
    c.pesan("disimpan")


# --- Renstra: a tujuan, a sasaran, two indicators, their targets by Excel -------------------

# name, satuan, baseline 2024, targets 2025-2029 and end target, realisasi TW I-IV and tahunan
INDIKATOR = (
    (
        "Persentase layanan administrasi selesai tepat waktu",
        "%",
        ("80", "85", "87", "89", "91", "93", "93"),
        ("82", "84", "88", "90", "90"),
    ),
    (
        "Jumlah desa yang difasilitasi musrenbang",
        "desa",
        ("6", "8", "9", "10", "10", "10", "10"),
        ("2", "4", "6", "7", "7"),
    ),
)


def renstra_diisi(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah("Renstra yang berlaku")
    h.get_by_role("button", name="Tambah Renstra").click()  # the <summary>
    h.get_by_label("Nama").fill("Renstra 2025-2029")
    h.get_by_label("Tahun awal").fill("2025")
    h.get_by_label("Tahun akhir").fill("2029")
    h.get_by_label("Tahun kondisi awal").fill("2024")
    h.locator("form").get_by_role("button", name="Tambah Renstra").click()
    expect(h.get_by_role("heading", level=1)).to_have_text("Renstra 2025-2029")

    h.get_by_role("button", name="+ Tambah tujuan").click()
    h.get_by_label("Nomor").fill("1")
    h.get_by_label("Uraian").fill("Meningkatnya kualitas pelayanan publik kecamatan")
    h.get_by_role("button", name="Simpan").click()
    h.get_by_role("button", name="+ Sasaran").click()
    h.get_by_label("Nomor").fill("1")
    h.get_by_label("Uraian").fill("Meningkatnya kinerja pelayanan administrasi kecamatan")
    h.get_by_role("button", name="Simpan").click()
    for nama, satuan, *_ in INDIKATOR:
        h.get_by_role("button", name="+ Indikator", exact=True).click()
        h.get_by_label("Nama indikator").fill(nama)
        h.get_by_label("Satuan").fill(satuan)
        h.get_by_label("Formulasi perhitungan").fill(f"Realisasi {satuan} dibanding target")
        h.get_by_label("Seksi Pemerintahan").check()
        h.get_by_label("Sumber data").fill("Laporan Seksi Pemerintahan")
        h.get_by_role("button", name="Tambah indikator").click()
        c.pesan(nama)

    # Deleting asks first (data-konfirmasi, no inline handler); "Batal" sends nothing.
    pertanyaan = []

    def batal(dialog):
        pertanyaan.append(dialog.message)
        dialog.dismiss()

    h.once("dialog", batal)
    baris = h.get_by_role("row", name=INDIKATOR[0][0]).first
    baris.get_by_role("button", name="Hapus").click()
    h.wait_for_timeout(300)
    h.reload()
    expect(h.get_by_role("row", name=INDIKATOR[0][0]).first).to_be_visible()
    assert pertanyaan == ["Hapus indikator ini beserta targetnya?"]

    # The yearly targets: the page's template, filled, uploaded, checked, saved.
    h.get_by_role("button", name="Tabel target per tahun").click()

    def isi_target(ws):
        for baris in ws.iter_rows(min_row=6):
            _, _, target, _ = next(i for i in INDIKATOR if i[0] == baris[4].value)
            for sel, nilai in zip(baris[6:13], target, strict=True):
                sel.value = nilai

    c.impor_excel(isi_target, "target")
    c.pesan("Jumlah desa yang difasilitasi musrenbang")


# --- the IKU decree: drafted by the operator, approved by the camat ---------------------------

NOMOR_IKU = "050/12/35.09.17/2025"


def iku_ditetapkan(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah("Keputusan IKU")
    h.get_by_role("button", name="Buat Keputusan IKU").click()
    h.get_by_label("Nomor").fill(NOMOR_IKU)
    h.get_by_label("Tanggal penetapan").fill("06/01/2025")
    h.get_by_label("Menimbang").fill("bahwa perlu menetapkan Indikator Kinerja Utama;")
    h.get_by_label("Mengingat").fill("Peraturan Presiden Nomor 29 Tahun 2014;")
    h.get_by_role("button", name="Buat draf keputusan").click()
    c.pesan("Draf")

    c.sebagai("camat.ajung")
    c.beranda()
    h.get_by_role("link", name=f"Keputusan IKU {NOMOR_IKU} belum ditetapkan camat.").click()
    h.locator("#tombol-tetapkan").click()
    # Approval prints the decree's final PDF in the request (no worker in tests).
    h.get_by_role("button", name="Ya, tetapkan keputusan").click(timeout=CETAK)
    c.pesan("Ditetapkan 6 Januari 2025")


# --- the PK drafted, the budget imported, the PK submitted and approved ------------------------


def pk_dibuat(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah(f"Perjanjian Kinerja {TAHUN}")
    h.get_by_role("button", name="Buat Perjanjian Kinerja").click()
    h.locator("[name=tanggal]").fill("02/01/2025")
    h.get_by_role("button", name="Simpan perjanjian dan target").click()
    c.pesan("disimpan")


# level, code, name, pagu, kind of spending, budget realisasi TW I-IV (rupiah, as typed)
ANGGARAN = (
    ("Program", "7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    (
        "Kegiatan",
        "7.01.01.2.01",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    ),
    (
        "Sub kegiatan",
        "7.01.01.2.01.0001",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "Rp. 100.000.000,-",
        "Belanja operasi",
        ("20.000.000", "25.000.000", "25.000.000", "25.000.000"),
    ),
    ("Program", "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
    ("Kegiatan", "7.01.02.2.01", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"),
    (
        "Sub kegiatan",
        "7.01.02.2.01.0001",
        "Koordinasi Penyelenggaraan Pelayanan Administrasi Kecamatan",
        "250.000.000",
        "Belanja operasi",
        ("50.000.000", "60.000.000", "60.000.000", "70.000.000"),
    ),
)


def anggaran_diisi(c: Cerita):
    """The budget tree from an Excel file: the rows are new, created by the import."""
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah(f"Program dan anggaran {TAHUN}")

    def isi_anggaran(ws):
        for tingkat, kode, nama, *sub in ANGGARAN:
            pagu, jenis = (sub[0], sub[1]) if sub else (None, None)
            ws.append(
                ["35.09.17", TAHUN, tingkat, kode, nama, pagu, None, None] + [None] * 5 + [jenis]
            )

    c.impor_excel(isi_anggaran, "anggaran")
    c.pesan("Koordinasi Penyelenggaraan Pelayanan Administrasi Kecamatan")

    # The program serving the sasaran, linked on its page.
    h.get_by_role("row", name=re.compile("^7.01.02 PROGRAM")).get_by_role(
        "link", name="ubah program & sasaran"
    ).click()
    h.locator("[name=sasaran]").check()
    h.get_by_label("Faktor pendorong ketercapaian program").fill("Dukungan perangkat desa.")
    h.get_by_role("button", name="Simpan program").click()
    c.pesan("disimpan")


def pk_ditetapkan(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.beranda()
    h.get_by_role("link", name=f"Perjanjian Kinerja {TAHUN} masih draf.").click()
    h.locator("#tombol-ajukan").click()
    h.get_by_role("button", name="Ya, ajukan ke camat").click()
    c.pesan("Diajukan")

    c.sebagai("camat.ajung")
    c.beranda()
    h.get_by_role("link", name=f"Perjanjian Kinerja {TAHUN} masih diajukan.").click()
    h.get_by_role("button", name="Tetapkan Perjanjian Kinerja").click()
    h.get_by_role("button", name="Ya, tetapkan").click(timeout=CETAK)
    c.pesan("Ditetapkan")


# --- realisasi: indicators and budget by Excel, submitted, verified by Bappeda ---------------


def realisasi_diisi(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah(f"Realisasi Tahunan {TAHUN}")

    def isi_realisasi(ws):
        for baris in ws.iter_rows(min_row=5):
            *_, realisasi = next(i for i in INDIKATOR if i[0] == baris[3].value)
            for sel, nilai in zip(baris[7:12], realisasi, strict=True):
                sel.value = nilai

    c.impor_excel(isi_realisasi, "realisasi")

    # The budget's realisasi: the budget page's own export, its realisasi columns filled.
    c.langkah(f"Program dan anggaran {TAHUN}")

    def isi_realisasi_anggaran(ws):
        per_kode = {a[1]: a[5] for a in ANGGARAN if len(a) > 3}
        for baris in ws.iter_rows(min_row=5):
            for sel, nilai in zip(baris[8:12], per_kode.get(baris[3].value, ()), strict=False):
                sel.value = nilai

    c.impor_excel(isi_realisasi_anggaran, "realisasi-anggaran", templat="Unduh Excel")

    c.langkah(f"Realisasi Tahunan {TAHUN}")
    h.get_by_role("button", name="Ajukan ke Bappeda").click()
    h.get_by_role("button", name="Ya, ajukan ke Bappeda").click()
    c.pesan("Diajukan")

    c.sebagai("bappeda")
    c.buka("/verifikasi/")
    h.get_by_role("row", name=re.compile("Ajung")).get_by_role("button", name="Verifikasi").click()
    konfirmasi = h.get_by_role("button", name=re.compile("^Ya, verifikasi"))
    if konfirmasi.count():
        konfirmasi.click()
    c.pesan("diverifikasi")


# --- narratives and the LKIP -----------------------------------------------------------------


def narasi_ditulis(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah(f"Narasi sasaran {TAHUN}")
    h.get_by_label(re.compile("^Faktor pendorong")).fill("Koordinasi rutin dengan desa.")
    h.get_by_label(re.compile("^Faktor penghambat")).fill("Jumlah petugas pelayanan terbatas.")
    h.get_by_label(re.compile("^Tantangan")).fill("Digitalisasi layanan administrasi.")
    h.get_by_role("button", name="Simpan narasi").click()
    c.pesan("disimpan")


def lkip_dimulai(c: Cerita):
    h = c.h
    c.sebagai("operator.ajung")
    c.langkah(f"LKIP {TAHUN}")
    h.get_by_role("button", name=f"Mulai LKIP {TAHUN}").click()
    h.get_by_label(re.compile("^Kata pengantar")).fill(
        "Puji syukur, LKIP Kecamatan Ajung tersusun."
    )
    h.get_by_label(re.compile("^Latar belakang")).fill("LKIP disusun menurut Perpres 29/2014.")
    h.get_by_label(re.compile("^Kesimpulan")).fill("Satu dari dua indikator tercapai.")
    h.locator("[name=tanggal]").fill("15/01/2026")
    h.get_by_role("button", name="Simpan LKIP").click()
    c.pesan("disimpan")

    c.sebagai("inspektorat")
    c.buka(f"/kecamatan/{KEC}/lkip/{TAHUN}/")
    h.locator("#reviu-lkip textarea").fill("Sesuai PermenPANRB 53/2014.")
    h.get_by_role("button", name="Tandai sudah direviu").click()
    expect(h.locator("#reviu-lkip")).to_contain_text("Sudah direviu")


def lkip_ditetapkan(c: Cerita):
    """The camat approves; the final PDF is printed (inline: no worker in tests) and is
    downloaded from the version's link."""
    h = c.h
    c.sebagai("camat.ajung")
    c.beranda()
    h.get_by_role("link", name=f"LKIP {TAHUN} belum ditetapkan camat.").click()
    h.locator("#tombol-tetapkan").click()
    h.get_by_role("button", name=f"Ya, tetapkan LKIP {TAHUN}").click(timeout=CETAK)
    tautan = h.locator("#versi-lkip").get_by_role("link", name=re.compile(r"\.pdf$"))
    expect(tautan).to_be_visible(timeout=CETAK)
    c.pdf = h.context.request.get(c.url + tautan.get_attribute("href")).body()


LANGKAH = [
    akun_dibuat,
    kecamatan_disiapkan,
    renstra_diisi,
    iku_ditetapkan,
    pk_dibuat,
    anggaran_diisi,
    pk_ditetapkan,
    realisasi_diisi,
    narasi_ditulis,
    lkip_dimulai,
    lkip_ditetapkan,
]


def test_kecamatan_kosong_sampai_lkip_tanpa_admin_django(
    live_server, halaman, settings, jember, admin_kabupaten, bappeda, inspektorat
):
    dibuka = []
    halaman.on("request", lambda r: dibuka.append(r.url))
    c = Cerita(halaman, live_server)
    # The decree's and the PK's PDFs are queued and left (printing them is what the document
    # tests cover, and most of this test's time); the LKIP's final PDF is printed inline.
    cetak = settings.TASKS
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for langkah in LANGKAH:
        if langkah is lkip_ditetapkan:
            settings.TASKS = cetak
        langkah(c)

    assert not [u for u in dibuka if "/admin/" in u]
    teks = semua(halaman_pdf(c.pdf))
    # Tabel 2.x: the Renstra's targets as imported, the IKU decree, the PK.
    assert "Persentase layanan administrasi selesai tepat waktu 80% 85% 87% 89% 91% 93% 93%" in teks
    assert "Jumlah desa yang difasilitasi musrenbang 6 desa 8 desa 9 desa 10 desa" in teks
    assert "Keputusan Camat Ajung Nomor 050/12/35.09.17/2025 tanggal 6 Januari 2025" in teks
    # Tabel 3.2: target, realisasi (the annual value of the Excel import) and capaian.
    assert "selesai tepat waktu 80% 85% 90% 105,88% Sangat Tinggi 93% 96,77%" in teks
    assert "musrenbang 6 desa 8 desa 7 desa 87,50% Tinggi 10 desa 70,00%" in teks
    # Efficiency and budget: the imported tree, its realisasi summed from the quarters.
    assert "250.000.000,00 240.000.000,00 96,00% Tidak Efisien" in teks
    assert (
        "total anggaran sebesar Rp 350.000.000,00, dengan realisasi sebesar Rp 335.000.000,00"
        in teks
    )
    assert "Penyusunan Dokumen Perencanaan Perangkat Daerah 100.000.000,00 95.000.000,00" in teks
    # The signature: the camat entered as pejabat.
    assert "Drs. BAMBANG SETIAWAN, M.Si." in teks and "19730206 200312 1 002" in teks
