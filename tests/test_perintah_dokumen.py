"""The document commands (``buat_lkip``, ``buat_keputusan``, ``buat_pk``) as an administrator
runs them on Kencong's data: the message they print, the PDF they write (read back as text),
and a clear Indonesian error for a kecamatan or a year that is not there.

Each PDF is printed once for the module (a few seconds each); the errors stop before any
printing."""

import re
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

KEPUTUSAN_BARU = "000.7.2.7/32/35.09.02/2025"


def jalankan(perintah: str, *argumen: str) -> str:
    keluaran = StringIO()
    call_command(perintah, *argumen, stdout=keluaran)
    return keluaran.getvalue()


@pytest.fixture(scope="module")
def cetakan(jember_modul, django_db_blocker, tmp_path_factory):
    """{command: (its message, the file it wrote)}, each command run once."""
    folder = tmp_path_factory.mktemp("perintah")
    argumen = {
        "buat_lkip": ["--kecamatan", "kencong", "--tahun", "2025"],
        # The kecamatan by its name, in any case, as the help says.
        "buat_keputusan": ["--kecamatan", "KENCONG", "--nomor", KEPUTUSAN_BARU],
        "buat_pk": ["--kecamatan", "Kencong", "--tahun", "2025", "--jenis", "perubahan"],
    }
    hasil = {}
    with django_db_blocker.unblock():
        for perintah, arg in argumen.items():
            tujuan = folder / f"{perintah}.pdf"
            hasil[perintah] = (jalankan(perintah, *arg, "-o", str(tujuan)), tujuan)
    return hasil


@pytest.mark.parametrize(
    ("perintah", "isi"),
    [
        ("buat_lkip", ["LAPORAN KINERJA", "KECAMATAN KENCONG", "A. LATAR BELAKANG"]),
        (
            "buat_keputusan",
            [
                "KEPUTUSAN CAMAT KENCONG KABUPATEN JEMBER",
                f"Nomor : {KEPUTUSAN_BARU}",
                "Lampiran 2. INDIKATOR KINERJA LAINNYA",
            ],
        ),
        ("buat_pk", ["PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", "KECAMATAN KENCONG"]),
    ],
)
def test_perintah_menulis_pdf_yang_dapat_dibaca(cetakan, perintah, isi):
    pesan, tujuan = cetakan[perintah]
    halaman = PdfReader(BytesIO(tujuan.read_bytes())).pages
    assert re.fullmatch(
        rf"PDF ditulis ke {re.escape(str(tujuan))}: {len(halaman)} halaman, [0-9.]+ bita, "
        r"[0-9]+\.[0-9] detik\.\n",
        pesan,
    ), pesan
    # The first pages are enough to know the document (reading all of the LKIP takes long).
    teks = " ".join(" ".join(h.extract_text().split()) for h in halaman[:8])
    for potongan in isi:
        assert potongan in teks, potongan


def test_html_ditulis_tanpa_mencetak(db, tmp_path):
    """``--html`` writes the HTML that would be printed (fast: no WeasyPrint)."""
    tujuan = tmp_path / "keputusan.html"
    pesan = jalankan(
        "buat_keputusan", "--kecamatan", "kencong", "--nomor", KEPUTUSAN_BARU,
        "--html", "-o", str(tujuan),
    )  # fmt: skip
    html = tujuan.read_text(encoding="utf-8")
    assert pesan.startswith(f"HTML ditulis ke {tujuan} (")
    assert pesan.rstrip().endswith("karakter).")
    assert KEPUTUSAN_BARU in html and "<html" in html


SALAH = [
    ("buat_lkip", "--kecamatan atlantis --tahun 2025", "Kecamatan 'atlantis' tidak ditemukan."),
    ("buat_keputusan", "--kecamatan Atlantis", "Kecamatan 'Atlantis' tidak ditemukan."),
    ("buat_pk", "--kecamatan atlantis --tahun 2025", "Kecamatan 'atlantis' tidak ditemukan."),
    (
        "buat_lkip",
        "--kecamatan kencong --tahun 2019",
        "Kecamatan Kencong belum memiliki LKIP tahun 2019.",
    ),
    (
        "buat_keputusan",
        "--kecamatan kencong --tahun 2019",
        "Keputusan IKU Kecamatan Kencong tahun 2019 tidak ditemukan.",
    ),
    (
        "buat_keputusan",
        "--kecamatan kencong --nomor 999/X/2025",
        "Keputusan IKU Kecamatan Kencong nomor 999/X/2025 tidak ditemukan.",
    ),
    (
        "buat_pk",
        "--kecamatan kencong --tahun 2019",
        "Kecamatan Kencong belum memiliki PK (awal) tahun 2019.",
    ),
    (
        "buat_pk",
        "--kecamatan kencong --tahun 2019 --jenis perubahan",
        "Kecamatan Kencong belum memiliki PK (perubahan) tahun 2019.",
    ),
]


@pytest.mark.parametrize(("perintah", "argumen", "pesan"), SALAH)
def test_argumen_salah_ditolak_dengan_pesan_jelas(db, tmp_path, perintah, argumen, pesan):
    tujuan = tmp_path / "tidak-ditulis.pdf"
    with pytest.raises(CommandError) as galat:
        jalankan(perintah, *argumen.split(), "-o", str(tujuan))
    assert str(galat.value) == pesan
    assert not tujuan.exists()
