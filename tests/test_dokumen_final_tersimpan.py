"""The approved record is the record: an approved LKIP, PK or IKU decree is handed out from the
bytes stored when it was approved, on every route (the "Unduh PDF" button, the version link,
the commands), under a name carrying kecamatan, year and version; and what an approved LKIP
printed from is refused a change, with the reason, whatever the route.

The LKIP's stored version here is a small file of known bytes, not a real print: a route that
printed the report again could not hand out those bytes. Only the PK story renders (once)."""

import hashlib
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from iku.models import Indikator, TargetIndikator
from kecamatan.models import (
    JenisSkala,
    KomposisiSDM,
    PemakaianSkala,
    PitaSkala,
    ProfilTahunan,
    SkalaPenilaian,
)
from laporan.dokumen.layanan import minta_dokumen
from laporan.models import DokumenPDF, EvaluasiAKIP, LaporanKinerja, SkorAKIP, VersiLKIP
from perjanjian.models import (
    PerjanjianKinerja,
    Program,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.services import perjanjian_tetapkan
from sakip.penguncian import DataTerkunci, kunci_dilepas
from tests.bantu_pdf import halaman_pdf, semua

TAHUN = 2025
ISI_VERSI_1 = b"%PDF-1.7\n% LKIP Kencong 2025 versi 1, seperti ditetapkan\n%%EOF\n"


@pytest.fixture
def lkip_ditetapkan(kencong, camat_kencong, media):
    """Kencong's LKIP 2025 approved, its version 1 stored with known bytes."""
    laporan = LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN)
    dokumen = DokumenPDF(
        kecamatan=kencong,
        jenis=DokumenPDF.Jenis.LKIP,
        objek_id=laporan.pk,
        sidik_html="0" * 64,
        html="<p>LKIP yang ditetapkan</p>",
        status=DokumenPDF.Status.SELESAI,
        nama_berkas="lkip-kencong-2025-versi-1.pdf",
        sha256=hashlib.sha256(ISI_VERSI_1).hexdigest(),
        jumlah_halaman=1,
    )
    dokumen.berkas.save(dokumen.nama_berkas, ContentFile(ISI_VERSI_1))
    LaporanKinerja.objects.filter(pk=laporan.pk).update(status=LaporanKinerja.Status.DITETAPKAN)
    VersiLKIP.objects.create(
        laporan=laporan,
        nomor=1,
        dokumen=dokumen,
        sha256=dokumen.sha256,
        ditetapkan_oleh=camat_kencong,
    )
    laporan.refresh_from_db()
    return laporan


def unduh(client, response) -> bytes:
    while response.status_code == 302:
        response = client.get(response["Location"])
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content), response


# --- served from the stored bytes -----------------------------------------------------------


def test_unduh_lkip_ditetapkan_adalah_versi_tersimpan_walau_skala_dicoba_diubah(
    client, camat_kencong, lkip_ditetapkan, jember
):
    versi = lkip_ditetapkan.versi.get()
    pemakaian = PemakaianSkala.objects.get(
        kabupaten=jember, tahun=TAHUN, jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    lain = SkalaPenilaian.objects.create(
        kode="kriteria-uji", nama="Skala uji", jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    pemakaian.skala = lain
    with pytest.raises(DataTerkunci, match="LKIP 2025 Kecamatan Kencong yang sudah ditetapkan"):
        pemakaian.save()

    client.force_login(camat_kencong)
    jumlah = DokumenPDF.objects.count()
    response = client.post(reverse("laporan:pdf-lkip", args=["kencong", lkip_ditetapkan.pk]))
    assert response["Location"] == reverse(
        "laporan:dokumen-unduh", args=["kencong", versi.dokumen_id]
    )
    isi, response = unduh(client, response)
    assert hashlib.sha256(isi).hexdigest() == versi.sha256
    assert 'filename="lkip-kencong-2025-versi-1.pdf"' in response["Content-Disposition"]
    assert DokumenPDF.objects.count() == jumlah  # nothing printed again

    halaman = client.get(reverse("laporan:lkip", args=["kencong", TAHUN]))
    assert "PDF versi yang ditetapkan" in halaman.text
    assert "lkip-kencong-2025-versi-1.pdf" in halaman.text


def test_perintah_menulis_byte_versi_tersimpan(lkip_ditetapkan, tmp_path):
    tujuan = tmp_path / "lkip.pdf"
    keluaran = StringIO()
    call_command(
        "buat_lkip", "--kecamatan", "kencong", "--tahun", "2025", "-o", str(tujuan),
        stdout=keluaran,
    )  # fmt: skip
    assert tujuan.read_bytes() == ISI_VERSI_1
    assert "lkip-kencong-2025-versi-1.pdf" in keluaran.getvalue()


def test_nama_berkas_memuat_kecamatan_tahun_dan_versi(kencong, lkip_ditetapkan):
    from laporan.dokumen.daftar import penyaji_untuk

    laporan = lkip_ditetapkan
    with kunci_dilepas():
        LaporanKinerja.objects.filter(pk=laporan.pk).update(status="draft")
    laporan.refresh_from_db()
    assert penyaji_untuk("lkip", laporan).nama_berkas() == "lkip-kencong-2025-versi-2-draf.pdf"
    laporan.status = "ditetapkan"  # in memory: as the approval names its print
    assert penyaji_untuk("lkip", laporan).nama_berkas() == "lkip-kencong-2025-versi-2.pdf"
    with kunci_dilepas():
        laporan.versi.all().delete()
    laporan.status = "draft"
    assert penyaji_untuk("lkip", laporan).nama_berkas() == "lkip-kencong-2025-draf.pdf"

    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=TAHUN, jenis="perubahan")
    assert penyaji_untuk("perjanjian", pk).nama_berkas() == "pk-perubahan-kencong-2025.pdf"
    pk.status = "draft"
    assert penyaji_untuk("perjanjian", pk).nama_berkas() == "pk-perubahan-kencong-2025-draf.pdf"


def test_pk_ditetapkan_tetap_mencetak_nama_indikator_saat_ditetapkan(
    kencong, camat_kencong, client, media
):
    """Approved, then an indicator renamed in the Renstra: the PK prints (and its page says)
    what was approved; the same bytes whoever asks again."""
    pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=TAHUN, jenis="awal")
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="diajukan")
    pk.refresh_from_db()
    perjanjian_tetapkan(perjanjian=pk, oleh=camat_kencong)
    beku = DokumenPDF.objects.get(jenis="perjanjian", objek_id=pk.pk, final=True)
    assert beku.nama_berkas == "pk-kencong-2025.pdf"

    indikator = Indikator.objects.get(pk=pk.target.order_by("urutan").first().indikator_id)
    lama = indikator.nama
    indikator.nama = "Nama indikator yang diubah sesudah penetapan"
    indikator.save()

    client.force_login(camat_kencong)
    url = reverse("laporan:pdf-perjanjian", args=["kencong", pk.pk])
    isi, response = unduh(client, client.post(url))
    teks = semua(halaman_pdf(isi))
    assert lama in teks and "sesudah penetapan" not in teks
    assert "DRAF" not in teks
    assert 'filename="pk-kencong-2025.pdf"' in response["Content-Disposition"]
    beku.refresh_from_db()
    assert hashlib.sha256(isi).hexdigest() == beku.sha256
    pk.refresh_from_db()
    assert minta_dokumen(jenis="perjanjian", objek=pk).pk == beku.pk

    halaman = client.get(reverse("perjanjian:perjanjian-detail", args=["kencong", pk.pk]))
    assert "cetakan saat ditetapkan" in halaman.text


# --- what an approved LKIP printed is refused a change ----------------------------------------


def ditolak(fungsi, pesan="sudah ditetapkan"):
    with pytest.raises(DataTerkunci, match=pesan), transaction.atomic():
        fungsi()


def test_skala_tahun_lkip_ditetapkan_terkunci_pita_dan_pilihan(lkip_ditetapkan, jember):
    pemakaian = PemakaianSkala.objects.get(
        kabupaten=jember, tahun=TAHUN, jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    pita = pemakaian.skala.pita.order_by("urutan").first()
    batas = pita.batas_bawah
    pita.batas_bawah = batas + 1
    ditolak(pita.save, "Skala penilaian tahun 2025 sudah tercetak dalam LKIP 2025")
    ditolak(lambda: PitaSkala.objects.filter(pk=pita.pk).update(batas_bawah=0))
    ditolak(pemakaian.delete)
    ditolak(pemakaian.skala.delete)
    assert PitaSkala.objects.get(pk=pita.pk).batas_bawah == batas
    # The year's choice cannot be moved away either; another year's stays open.
    pemakaian.tahun = 2031
    ditolak(pemakaian.save, "Skala penilaian tahun 2025")
    lain = PemakaianSkala.objects.get(kabupaten=jember, tahun=2026, jenis=pemakaian.jenis)
    lain.skala = SkalaPenilaian.objects.create(
        kode="kriteria-2026", nama="Skala 2026", jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    lain.save()


def test_lhe_profil_target_realisasi_program_terkunci(lkip_ditetapkan, kencong):
    lhe = EvaluasiAKIP.objects.get(kecamatan=kencong, tahun=TAHUN)
    lhe.judul = "Diubah"
    ditolak(lhe.save, "LHE 2025 beserta skor dan rekomendasinya tidak dapat diubah lagi")
    ditolak(
        lambda: SkorAKIP.objects.create(
            evaluasi=lhe, komponen="perencanaan", sub_komponen="keberadaan", skor=5
        ),
        "LHE 2025",
    )
    ditolak(lhe.delete, "LHE 2025")

    profil = ProfilTahunan.objects.filter(kecamatan=kencong, tahun__lte=TAHUN).order_by("-tahun")
    profil = profil.first()
    profil.tugas = "Diubah"
    ditolak(profil.save, f"Profil kecamatan tahun {profil.tahun}")
    baris = KomposisiSDM.objects.filter(profil=profil).first()
    ditolak(baris.delete, f"Profil kecamatan tahun {profil.tahun}")
    # A profile of a later year is not printed by the LKIP 2025: it may be written.
    ProfilTahunan.objects.create(kecamatan=kencong, tahun=TAHUN + 1)

    target = TargetIndikator.objects.filter(
        indikator__sasaran__tujuan__renstra__kecamatan=kencong, tahun=TAHUN
    ).first()
    target.nilai += 1
    ditolak(target.save, "Target Renstra tahun 2025")

    realisasi = Realisasi.objects.filter(kecamatan=kencong, tahun=TAHUN).first()
    ditolak(realisasi.delete, "Realisasi tahun 2025")
    anggaran = RealisasiAnggaran(
        sub_kegiatan=SubKegiatan.objects.filter(
            kegiatan__program__kecamatan=kencong, kegiatan__program__tahun=TAHUN
        ).first(),
        periode="tw1",
        jumlah=1,
    )
    ditolak(anggaran.save, "Realisasi tahun 2025")

    program = Program.objects.filter(kecamatan=kencong, tahun=TAHUN).first()
    program.faktor_pendorong = "Diubah"
    ditolak(program.save, f"Program {program.kode} beserta narasinya")


def test_lkip_lain_tahun_tidak_mengunci(kencong):
    """Nothing approved: the same rows change freely."""
    profil = ProfilTahunan.objects.filter(kecamatan=kencong).first()
    profil.tugas = profil.tugas + " "
    profil.save()
    program = Program.objects.filter(kecamatan=kencong, tahun=TAHUN).first()
    program.faktor_pendorong = "Diubah"
    program.save()


def test_admin_membuka_skala_tahun_itu_hanya_dibaca_dengan_alasannya(
    client, admin_kabupaten, lkip_ditetapkan, jember
):
    pemakaian = PemakaianSkala.objects.get(
        kabupaten=jember, tahun=TAHUN, jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    client.force_login(admin_kabupaten)
    for url in (
        reverse("admin:kecamatan_pemakaianskala_change", args=[pemakaian.pk]),
        reverse("admin:kecamatan_skalapenilaian_change", args=[pemakaian.skala_id]),
    ):
        response = client.get(url)
        assert "Hanya dapat dibaca: Skala penilaian tahun 2025 sudah tercetak" in response.text
    skala_lain = SkalaPenilaian.objects.exclude(pk=pemakaian.skala_id).filter(
        jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    lain = skala_lain.first() or SkalaPenilaian.objects.create(
        kode="kriteria-admin", nama="Skala admin", jenis=JenisSkala.KRITERIA_CAPAIAN
    )
    client.post(
        reverse("admin:kecamatan_pemakaianskala_change", args=[pemakaian.pk]),
        {"kabupaten": jember.pk, "tahun": TAHUN, "jenis": pemakaian.jenis, "skala": lain.pk},
    )
    assert PemakaianSkala.objects.get(pk=pemakaian.pk).skala_id == pemakaian.skala_id
