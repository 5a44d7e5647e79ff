"""The document commands (``buat_lkip``, ``buat_keputusan``, ``buat_pk``) as an administrator
runs them on Kencong's data: the message they print, the PDF they write (read back as text),
and a clear Indonesian error for a kecamatan or a year that is not there.

An approved document (Kencong's decree and PK Perubahan 2025 are ditetapkan) is written from
its stored final print, the bytes every other route serves too; the draft LKIP is printed from
its data. Each PDF is printed once for the module (a few seconds each); the errors stop before
any printing."""

import hashlib
import re
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from laporan.models import DokumenPDF

KEPUTUSAN_BARU = "000.7.2.7/32/35.09.02/2025"


def jalankan(perintah: str, *argumen: str) -> str:
    keluaran = StringIO()
    call_command(perintah, *argumen, stdout=keluaran)
    return keluaran.getvalue()


@pytest.fixture(scope="module")
def cetakan(jember_modul, django_db_blocker, tmp_path_factory):
    """{command: (its message, the file it wrote, the final prints stored meanwhile)}, each
    command run once (``buat_pk`` twice: the second run writes the stored file again without
    printing). The stored rows are rolled back: the module shares the loaded data."""
    folder = tmp_path_factory.mktemp("perintah")
    argumen = {
        "buat_lkip": ["--kecamatan", "kencong", "--tahun", "2025"],
        # The kecamatan by its name, in any case, as the help says.
        "buat_keputusan": ["--kecamatan", "KENCONG", "--nomor", KEPUTUSAN_BARU],
        "buat_pk": ["--kecamatan", "Kencong", "--tahun", "2025", "--jenis", "perubahan"],
    }
    hasil = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=folder / "media"),
        transaction.atomic(),
    ):
        for perintah, arg in argumen.items():
            tujuan = folder / f"{perintah}.pdf"
            pesan = jalankan(perintah, *arg, "-o", str(tujuan))
            tersimpan = list(
                DokumenPDF.objects.filter(final=True).values_list("nama_berkas", "sha256")
            )
            hasil[perintah] = (pesan, tujuan, tersimpan)
        lagi = folder / "buat_pk-lagi.pdf"
        jalankan("buat_pk", *argumen["buat_pk"], "-o", str(lagi))
        hasil["buat_pk-lagi"] = (DokumenPDF.objects.count(), lagi)
        hasil["jumlah"] = DokumenPDF.objects.count()
        transaction.set_rollback(True)
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
    pesan, tujuan, _ = cetakan[perintah]
    halaman = PdfReader(BytesIO(tujuan.read_bytes())).pages
    if perintah == "buat_lkip":  # the draft, printed from its data
        assert re.fullmatch(
            rf"PDF ditulis ke {re.escape(str(tujuan))}: {len(halaman)} halaman, [0-9.]+ bita, "
            r"[0-9]+\.[0-9] detik\.\n",
            pesan,
        ), pesan
    else:  # approved: its stored final print
        assert pesan.startswith(f"PDF yang ditetapkan ditulis ke {tujuan} dari berkas tersimpan ")
    # The first pages are enough to know the LKIP (reading all of it takes long); a decree or
    # a PK is read whole.
    dibaca = halaman[:8] if perintah == "buat_lkip" else halaman
    teks = " ".join(" ".join(h.extract_text().split()) for h in dibaca)
    for potongan in isi:
        assert potongan in teks, potongan


def test_perintah_menulis_berkas_final_yang_tersimpan(cetakan):
    """An approved document: the command writes the bytes stored as its final print, named
    by kecamatan, year and version; asked again, the same bytes, nothing printed again."""
    _, tujuan, tersimpan = cetakan["buat_keputusan"]
    assert tersimpan == [
        (
            "keputusan-iku-kencong-2025-000-7-2-7-32-35-09-02-2025.pdf",
            hashlib.sha256(tujuan.read_bytes()).hexdigest(),
        )
    ]
    _, tujuan, tersimpan = cetakan["buat_pk"]
    assert ("pk-perubahan-kencong-2025.pdf", hashlib.sha256(tujuan.read_bytes()).hexdigest()) in (
        tersimpan
    )
    jumlah, lagi = cetakan["buat_pk-lagi"]
    assert lagi.read_bytes() == tujuan.read_bytes()
    assert jumlah == cetakan["jumlah"]


def test_html_ditulis_tanpa_mencetak(db, tmp_path):
    """``--html`` writes the HTML that would be printed (fast: no WeasyPrint): for an approved
    decree, the HTML taken as its final print."""
    tujuan = tmp_path / "keputusan.html"
    pesan = jalankan(
        "buat_keputusan", "--kecamatan", "kencong", "--nomor", KEPUTUSAN_BARU,
        "--html", "-o", str(tujuan),
    )  # fmt: skip
    html = tujuan.read_text(encoding="utf-8")
    assert pesan.startswith(f"HTML dokumen yang ditetapkan ditulis ke {tujuan}")
    assert KEPUTUSAN_BARU in html and "<html" in html
    assert DokumenPDF.objects.get(final=True).html == html


def test_html_draf_ditulis_dari_data(db, tmp_path):
    tujuan = tmp_path / "lkip.html"
    pesan = jalankan(
        "buat_lkip", "--kecamatan", "kencong", "--tahun", "2025", "--html", "-o", str(tujuan)
    )
    assert pesan.startswith(f"HTML ditulis ke {tujuan} (")
    assert pesan.rstrip().endswith("karakter).")
    assert "DRAF" in tujuan.read_text(encoding="utf-8")


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
