"""Backup and restore (`manage.py cadangkan` / `pulihkan`, sakip.cadangan): a round trip gives
back every table's rows and every stored file, adds no history row, and a damaged backup
changes nothing. A final document whose file did not come back says so instead of a 500."""

import hashlib
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from kecamatan.models import Kecamatan, Pengguna, Peran
from sakip.cadangan import tulis_manifest


def isi_basis_data() -> dict[str, list[str]]:
    """Every row of every table, as the database holds it."""
    hasil = {}
    q = connection.ops.quote_name
    with connection.cursor() as c:
        for tabel in connection.introspection.table_names():
            if tabel.startswith("sqlite_"):
                continue
            c.execute(f"SELECT * FROM {q(tabel)}")
            hasil[tabel] = sorted(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in baris))
                for baris in c.fetchall()
            )
    return hasil


def isi_media(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def jumlah_riwayat() -> dict[str, int]:
    with connection.cursor() as c:
        hasil = {}
        for tabel in connection.introspection.table_names():
            if "historical" in tabel:
                c.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabel)}")
                hasil[tabel] = c.fetchone()[0]
    return hasil


@pytest.fixture
def berkas_media(settings, tmp_path):
    media = tmp_path / "media"
    (media / "dokumen" / "2026").mkdir(parents=True)
    (media / "logo" / "kabupaten").mkdir(parents=True)
    (media / "dokumen" / "2026" / "PK-kencong-2025.pdf").write_bytes(b"%PDF-1.7 final\n" * 50)
    (media / "logo" / "kabupaten" / "jember.png").write_bytes(bytes(range(256)) * 4)
    settings.MEDIA_ROOT = media
    return media


# transactional_db (not the marker): the conftest reloads the Jember data after it.
@pytest.mark.parametrize("json", [False, True], ids=["cara-mesin", "json"])
def test_cadangan_dan_pemulihan_mengembalikan_semua_baris_dan_berkas(
    json, transactional_db, berkas_media, tmp_path, settings
):
    # Some history to carry: a renamed kecamatan writes a history row.
    kencong = Kecamatan.objects.get(slug="kencong")
    kencong.nama = "Kencong (uji cadangan)"
    kencong.save()
    sebelum, media_sebelum, riwayat_sebelum = (
        isi_basis_data(),
        isi_media(berkas_media),
        jumlah_riwayat(),
    )
    assert sum(map(len, sebelum.values())) > 500  # the Jember data is there

    # The documents' layout cache inside MEDIA_ROOT is not carried (a restore empties it).
    settings.DOKUMEN_TEMBOLOK = str(berkas_media / "tembolok-tata-letak")
    (berkas_media / "tembolok-tata-letak" / "ab").mkdir(parents=True)
    (berkas_media / "tembolok-tata-letak" / "ab" / "ab12.bagian").write_bytes(b"x" * 100)

    folder = tmp_path / "cadangan"
    call_command("cadangkan", str(folder), *(["--json"] if json else []), stdout=StringIO())
    cara = (folder / "cadangan.json").read_text()
    if json:
        assert '"cara": "json"' in cara
    elif connection.vendor == "sqlite":
        assert '"cara": "sqlite"' in cara  # the online backup, never the text dump
    elif shutil.which("pg_dump"):
        assert '"cara": "pg_dump"' in cara
    manifest = (folder / "SHA256SUMS").read_text()
    assert "media/dokumen/2026/PK-kencong-2025.pdf" in manifest
    assert "tembolok" not in manifest

    # After the backup: rows changed (with their history), a file lost, one altered, one new.
    kencong.nama = "Kencong"
    kencong.save()
    Pengguna.objects.create_user(username="baru", password="x", peran=Peran.BAPPEDA)
    (berkas_media / "dokumen" / "2026" / "PK-kencong-2025.pdf").unlink()
    (berkas_media / "logo" / "kabupaten" / "jember.png").write_bytes(b"lain")
    (berkas_media / "sisa.txt").write_text("tidak ada di cadangan")
    assert isi_basis_data() != sebelum

    call_command("pulihkan", str(folder), interactive=False, stdout=StringIO())

    assert isi_basis_data() == sebelum
    assert isi_media(berkas_media) == media_sebelum
    assert not (berkas_media / "tembolok-tata-letak").exists()
    assert jumlah_riwayat() == riwayat_sebelum  # restoring wrote no history of its own
    assert Kecamatan.objects.get(slug="kencong").nama == "Kencong (uji cadangan)"
    # The ids go on after the rows restored.
    Pengguna.objects.create_user(username="sesudah.pulih", password="x", peran=Peran.BAPPEDA)


@pytest.mark.django_db
def test_cadangan_yang_rusak_ditolak_tanpa_mengubah_apa_pun(berkas_media, tmp_path):
    folder = tmp_path / "cadangan"
    call_command("cadangkan", str(folder), "--json", stdout=StringIO())
    (folder / "media" / "logo" / "kabupaten" / "jember.png").write_bytes(b"dirusak")
    (folder / "media" / "tambahan.pdf").write_bytes(b"?")
    Pengguna.objects.create_user(username="tetap.ada", password="x", peran=Peran.BAPPEDA)

    with pytest.raises(CommandError) as galat:
        call_command("pulihkan", str(folder), interactive=False)

    pesan = str(galat.value)
    assert "tidak ada yang dipulihkan" in pesan
    assert "media/logo/kabupaten/jember.png berubah" in pesan
    assert "media/tambahan.pdf tidak tercatat" in pesan
    assert Pengguna.objects.filter(username="tetap.ada").exists()
    assert (berkas_media / "logo" / "kabupaten" / "jember.png").read_bytes() != b"dirusak"


@pytest.mark.django_db
def test_cadangan_tidak_menimpa_folder_yang_berisi(tmp_path):
    (tmp_path / "lama.txt").write_text("cadangan kemarin")
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("cadangkan", str(tmp_path))


def test_unduhan_dokumen_yang_berkasnya_hilang_menjelaskan_sebabnya(
    client, operator_kencong, dokumen_kencong, media
):
    dokumen_kencong.berkas.name = "dokumen/2026/lkip-kencong-uji.pdf"  # never written here
    dokumen_kencong.save()
    client.force_login(operator_kencong)

    jawaban = client.get(
        reverse("laporan:dokumen-unduh", args=[dokumen_kencong.kecamatan.slug, dokumen_kencong.pk])
    )

    assert jawaban.status_code == 404
    teks = jawaban.content.decode()
    assert "lkip-kencong-uji.pdf tidak ditemukan di penyimpanan server" in teks
    assert "memulihkan folder media" in teks


@pytest.mark.django_db
def test_cadangan_json_dari_migrasi_lain_ditolak(tmp_path, media):
    folder = tmp_path / "cadangan"
    call_command("cadangkan", str(folder), "--json", stdout=StringIO())
    keterangan = folder / "cadangan.json"
    isi = json.loads(keterangan.read_text())
    isi["migrasi"].append(["laporan", "9999_masa_depan"])
    keterangan.write_text(json.dumps(isi))
    tulis_manifest(folder)  # a whole backup, only from another version of the application

    with pytest.raises(CommandError, match="Migrasi basis data tujuan berbeda"):
        call_command("pulihkan", str(folder), interactive=False)


@pytest.mark.django_db
def test_pemulihan_menunggu_jawaban_ya(tmp_path, media, monkeypatch):
    folder = tmp_path / "cadangan"
    call_command("cadangkan", str(folder), "--json", stdout=StringIO())
    monkeypatch.setattr("builtins.input", lambda pesan: "tidak")
    with pytest.raises(CommandError, match="dibatalkan; tidak ada yang berubah"):
        call_command("pulihkan", str(folder))
