"""A render killed while writing its PDF leaves no file behind once it is declared dead, and
`manage.py bersihkan_berkas_dokumen` lists (by default) or removes (--hapus) the files under
MEDIA_ROOT/dokumen/ that no document row names, leaving recorded and just-written files."""

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from laporan.dokumen.layanan import _simpan, periksa_macet
from laporan.models import DokumenPDF

PDF_UJI = b"%PDF-1.7\n% dokumen uji\n%%EOF\n"


def dokumen(kecamatan, **kolom):
    return DokumenPDF.objects.create(
        kecamatan=kecamatan,
        jenis="perjanjian",
        objek_id=1,
        sidik_html="0" * 64,
        html="<p>uji</p>",
        nama_berkas="PK-kencong-2026.pdf",
        **kolom,
    )


def tulis(media: Path, nama: str, isi: bytes = PDF_UJI, *, umur_menit: int = 60) -> Path:
    jalur = media / nama
    jalur.parent.mkdir(parents=True, exist_ok=True)
    jalur.write_bytes(isi)
    lama = time.time() - umur_menit * 60
    os.utime(jalur, (lama, lama))
    return jalur


def test_render_yang_mati_saat_menulis_tidak_meninggalkan_berkas(
    client, operator_kencong, kencong, media
):
    # What a worker killed in the middle of writing leaves (laporan.dokumen.layanan._simpan):
    # the row still BERJALAN, naming the file it was writing, and half a PDF on disk.
    mulai = timezone.now() - timedelta(minutes=20)
    mati = dokumen(
        kencong, status="berjalan", mulai=mulai, berkas="dokumen/2026/PK-kencong-2026.pdf"
    )
    setengah = tulis(media, "dokumen/2026/PK-kencong-2026.pdf", PDF_UJI[:9], umur_menit=20)

    client.force_login(operator_kencong)
    halaman = client.get(reverse("laporan:dokumen-status", args=["kencong", mati.pk]))

    assert "Dokumen gagal dibuat" in halaman.text
    mati.refresh_from_db()
    assert mati.status == "gagal" and not mati.berkas
    assert not setengah.exists()


def test_nama_berkas_dicatat_sebelum_ditulis(kencong, media, monkeypatch):
    """The process dies half-way through writing (here: the storage stops after 9 bytes):
    the row already names the file, so declaring the render dead removes it."""
    mulai = timezone.now() - timedelta(minutes=20)
    berjalan = dokumen(kencong, status="berjalan", mulai=mulai)
    asli = FileSystemStorage._save

    def mati_di_tengah(self, name, content):
        asli(self, name, type(content)(content.read()[:9]))
        raise KeyboardInterrupt  # what a SIGKILL looks like from the row's side: nothing more

    monkeypatch.setattr(FileSystemStorage, "_save", mati_di_tengah)
    with pytest.raises(KeyboardInterrupt):
        _simpan(berjalan, mulai=mulai, isi=PDF_UJI, halaman=1, detik=1.0)
    berjalan.refresh_from_db()
    setengah = media / berjalan.berkas.name
    assert berjalan.status == "berjalan" and setengah.read_bytes() == PDF_UJI[:9]

    assert periksa_macet(berjalan).status == "gagal"
    assert not setengah.exists() and not list((media / "dokumen").rglob("*.pdf"))


def test_berkas_yang_dinamai_dokumen_lain_tidak_ikut_dihapus(kencong, media):
    selesai = dokumen(kencong, status="selesai", berkas="dokumen/2026/PK-kencong-2026.pdf")
    milik_lain = tulis(media, selesai.berkas.name)
    mati = dokumen(
        kencong,
        status="berjalan",
        mulai=timezone.now() - timedelta(minutes=20),
        berkas=selesai.berkas.name,
    )

    assert periksa_macet(mati).status == "gagal"
    assert milik_lain.read_bytes() == PDF_UJI


def test_perintah_mendaftar_lalu_menghapus_berkas_tanpa_pemilik(kencong, media, capsys):
    tercatat = dokumen(kencong, status="selesai", berkas="dokumen/2026/PK-kencong-2026.pdf")
    milik = tulis(media, tercatat.berkas.name)
    yatim = tulis(media, "dokumen/2025/LKIP-kencong-2025_a1b2c3d.pdf")
    baru = tulis(media, "dokumen/2026/PK-kencong-2026_x9y8z7w.pdf", umur_menit=0)
    logo = tulis(media, "logo/kecamatan/kencong.png", b"png")

    call_command("bersihkan_berkas_dokumen")
    keluaran = capsys.readouterr().out
    assert "dokumen/2025/LKIP-kencong-2025_a1b2c3d.pdf (29 bait)" in keluaran
    assert "1 berkas tanpa pemilik (29 bait); tidak ada yang dihapus" in keluaran
    assert "--hapus" in keluaran
    assert "1 berkas yang baru ditulis dilewati" in keluaran
    assert "  dokumen/2026/" not in keluaran  # neither the recorded nor the young file
    assert yatim.exists()

    call_command("bersihkan_berkas_dokumen", "--hapus")
    keluaran = capsys.readouterr().out
    assert "1 dari 1 berkas tanpa pemilik dihapus (29 bait)" in keluaran
    assert not yatim.exists()
    assert milik.exists() and baru.exists() and logo.exists()

    call_command("bersihkan_berkas_dokumen")
    assert "Tidak ada berkas dokumen tanpa pemilik." in capsys.readouterr().out


@pytest.mark.parametrize("hapus", [[], ["--hapus"]])
def test_tanpa_folder_dokumen_tidak_ada_yang_dihapus(db, media, capsys, hapus):
    call_command("bersihkan_berkas_dokumen", *hapus)
    assert "Tidak ada berkas dokumen tanpa pemilik." in capsys.readouterr().out
