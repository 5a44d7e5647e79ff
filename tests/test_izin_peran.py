"""Every URL answers every role exactly as the role table allows.

The second walk over every URL pattern (the first, tests/test_lingkup_url.py, proves another
kecamatan's data is never reached): each role of the README's "Who does what" table, and an
anonymous visitor, asks for each URL with Kencong's slug and object ids, by GET and by an empty
POST. An allowed role must get the page (whatever it answers an empty POST: 200 with form
errors, 302, 400, 405, 409), never a 403 or the login page; a refused role must get 403, an
anonymous visitor the login page. The table below is written once, by hand, from the README,
independently of what the views declare; a URL missing from it fails the test, so a new page
cannot be added without saying who may use it.
"""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from test_lingkup_url import NILAI_TETAP, SEMUA_POLA, model_objek, objek_kencong

from iku import services
from iku.models import KeputusanIKU, Renstra
from sakip import akses
from sakip.akses import Izin
from sakip.penguncian import TransisiDitolak

# --- the role table (README, "Who does what") -------------------------------------------------

OPERATOR, CAMAT = "operator", "camat"
BAPPEDA, INSPEKTORAT, ADMIN = "bappeda", "inspektorat", "admin_kabupaten"
PERAN = (OPERATOR, CAMAT, BAPPEDA, INSPEKTORAT, ADMIN)

SEMUA = frozenset(PERAN)  # everyone who sees Kencong: its own users and the kabupaten
KECAMATAN = frozenset({OPERATOR, CAMAT})
KABUPATEN = frozenset({BAPPEDA, INSPEKTORAT, ADMIN})

# (who may GET, who may POST)
BACA = (SEMUA, SEMUA)  # read-only: a POST is "not allowed" (405), not "forbidden"
BACA_ISI = (SEMUA, KECAMATAN)  # read by all, entered by the operator and the camat
ISI = (KECAMATAN, KECAMATAN)  # a form that exists only for those who enter data
TETAPKAN = (SEMUA, frozenset({CAMAT}))
VERIFIKASI = (SEMUA, frozenset({BAPPEDA}))
EVALUASI = (SEMUA, frozenset({INSPEKTORAT}))
KABUPATEN_BACA = (KABUPATEN, KABUPATEN)
KELOLA = (frozenset({ADMIN}), frozenset({ADMIN}))  # the kabupaten's accounts: its admin only

TABEL_PERAN = {
    "akar": BACA,
    "password_change": BACA,
    "password_change_done": BACA,
    # Renstra and IKU decree
    "iku:renstra-daftar": BACA_ISI,
    "iku:renstra-detail": BACA,
    "iku:renstra-ubah": BACA_ISI,
    "iku:renstra-target": BACA_ISI,
    "iku:renstra-target-excel": BACA,
    "iku:renstra-target-templat": BACA,
    "iku:renstra-target-impor": ISI,
    "iku:tujuan-tambah": ISI,
    "iku:tujuan-ubah": ISI,
    "iku:tujuan-hapus": BACA_ISI,  # a GET only goes back to the Renstra
    "iku:sasaran-tambah": ISI,
    "iku:sasaran-ubah": ISI,
    "iku:sasaran-hapus": BACA_ISI,
    "iku:indikator-tambah-tujuan": ISI,
    "iku:indikator-tambah-sasaran": ISI,
    "iku:indikator-ubah": BACA_ISI,
    "iku:indikator-hapus": BACA_ISI,
    "iku:keputusan-daftar": BACA,
    "iku:keputusan-buat": ISI,
    "iku:keputusan-detail": BACA_ISI,
    "iku:keputusan-tetapkan": TETAPKAN,
    "iku:keputusan-hapus": BACA_ISI,
    # Perjanjian Kinerja, budget, realisasi, narratives, survey
    "perjanjian:perjanjian-daftar": BACA_ISI,
    "perjanjian:perjanjian-banding": BACA,
    "perjanjian:perjanjian-detail": BACA_ISI,  # tetapkan/kembalikan: the camat, said by the service
    "perjanjian:perjanjian-indikator-program": BACA_ISI,
    "perjanjian:anggaran": BACA_ISI,
    "perjanjian:anggaran-program": BACA_ISI,
    "perjanjian:anggaran-salin": ISI,
    "perjanjian:anggaran-excel": BACA,
    "perjanjian:anggaran-templat": BACA,
    "perjanjian:anggaran-impor": ISI,
    "perjanjian:realisasi": BACA_ISI,
    "perjanjian:realisasi-hitung": BACA_ISI,
    "perjanjian:realisasi-riwayat": BACA,
    "perjanjian:realisasi-ajukan": BACA_ISI,
    "perjanjian:realisasi-verifikasi": VERIFIKASI,
    "perjanjian:realisasi-kembalikan": VERIFIKASI,
    "perjanjian:realisasi-buka-kembali": VERIFIKASI,
    "perjanjian:realisasi-excel": BACA,
    "perjanjian:realisasi-templat": BACA,
    "perjanjian:realisasi-impor": ISI,
    "perjanjian:narasi": BACA_ISI,
    "perjanjian:survei-daftar": BACA_ISI,
    "perjanjian:survei-detail": BACA,
    "perjanjian:survei-pakai": BACA_ISI,
    "perjanjian:survei-templat": BACA,
    # LKIP, documents, LHE
    "laporan:beranda": BACA,
    "laporan:lkip": BACA_ISI,
    "laporan:lkip-mulai": BACA_ISI,
    "laporan:lkip-tetapkan": TETAPKAN,
    "laporan:lkip-versi-baru": TETAPKAN,
    "laporan:lkip-reviu": EVALUASI,
    "laporan:evaluasi": EVALUASI,  # the kecamatan's tindak lanjut: aksi=tindak-lanjut
    "laporan:pdf-lkip": BACA,
    "laporan:pdf-keputusan": BACA,
    "laporan:pdf-perjanjian": BACA,
    "laporan:dokumen-status": BACA,
    "laporan:dokumen-unduh": BACA,
    "laporan:dokumen-ulang": BACA,  # printing a failed document again: whoever may read it
    "laporan:lkip-dokumen": BACA,  # the LKIP page's document block, polled while printing
    # the kecamatan's units and pejabat (read by the kabupaten)
    "kecamatan:unit-kerja": BACA_ISI,
    "kecamatan:pejabat": BACA_ISI,
    # kabupaten-wide
    "kecamatan:daftar": KABUPATEN_BACA,
    "kecamatan:pejabat-kabupaten": (frozenset({ADMIN}), frozenset({ADMIN})),
    # the yearly profile (BAB I)
    "kecamatan:profil": BACA_ISI,
    "kecamatan:profil-sdm": BACA_ISI,
    "kecamatan:profil-sarana": BACA_ISI,
    "kecamatan:profil-isu": BACA_ISI,
    "kecamatan:profil-salin": ISI,
    "laporan:dasbor": KABUPATEN_BACA,
    "laporan:dasbor-excel": KABUPATEN_BACA,
    "laporan:evaluasi-daftar": KABUPATEN_BACA,
    "perjanjian:verifikasi": (KABUPATEN, frozenset({BAPPEDA})),
    # the kabupaten's accounts
    "kecamatan:pengguna-daftar": KELOLA,
    "kecamatan:pengguna-tambah": KELOLA,
    "kecamatan:pengguna-ubah": KELOLA,
    "kecamatan:pengguna-nonaktifkan": KELOLA,
    "kecamatan:pengguna-aktifkan": KELOLA,
    "kecamatan:pengguna-setel-ulang-sandi": KELOLA,
    "kecamatan:pengguna-impor": KELOLA,
    "kecamatan:pengguna-templat": KELOLA,
}

# Open to everyone, signed in or not: Django's own login and logout.
TERBUKA = {"login", "logout"}
# An allowed POST here renders a PDF: only the refusal (anonymous) is walked.
CETAK = {"laporan:pdf-lkip", "laporan:pdf-keputusan", "laporan:pdf-perjanjian"}

# The body of the POST where an empty one is not a request at all (the htmx capaian cell asks
# for a row; "lain" is the row of another measure, empty here).
DATA_KIRIM = {"perjanjian:realisasi-hitung": {"baris": "lain"}}

POLA = [(n, p) for n, p in SEMUA_POLA if n not in TERBUKA]


def test_tabel_peran_mencakup_setiap_url():
    nama = {n for n, _ in POLA}
    assert nama - TABEL_PERAN.keys() == set(), "URL tanpa baris di TABEL_PERAN"
    assert TABEL_PERAN.keys() - nama == set(), "baris TABEL_PERAN tanpa URL"


def url_kencong(nama, pola, kencong) -> str:
    kwargs = {}
    for kunci in pola.pattern.converters:
        if kunci == "kecamatan":
            kwargs[kunci] = kencong.slug
        elif kunci in NILAI_TETAP:
            kwargs[kunci] = NILAI_TETAP[kunci]
        else:
            objek = objek_kencong(model_objek(pola, kunci), kencong)
            assert objek is not None, f"{nama}: Kencong tidak punya objek untuk '{kunci}'"
            kwargs[kunci] = objek.pk
    return reverse(nama, kwargs=kwargs)


def ke_halaman_masuk(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.fixture
def pemeran(operator_kencong, camat_kencong, bappeda, inspektorat, admin_kabupaten):
    return {
        OPERATOR: operator_kencong,
        CAMAT: camat_kencong,
        BAPPEDA: bappeda,
        INSPEKTORAT: inspektorat,
        ADMIN: admin_kabupaten,
    }


@pytest.fixture
def dokumen_berkas(media, dokumen_kencong):
    """The stored LKIP document with its file, so that downloading it is a real answer."""
    dokumen_kencong.berkas.save("lkip-kencong-uji.pdf", ContentFile(b"%PDF-1.7 uji"))
    return dokumen_kencong


@pytest.mark.parametrize(("nama", "pola"), POLA, ids=[n for n, _ in POLA])
def test_setiap_peran_mendapat_yang_diizinkan_tabel(
    client, pemeran, kencong, dokumen_berkas, survei_kencong, nama, pola
):
    url = url_kencong(nama, pola, kencong)
    boleh_get, boleh_post = TABEL_PERAN[nama]
    salah = []

    for metode in ("get", "post"):
        client.logout()
        response = getattr(client, metode)(url)
        if not ke_halaman_masuk(response):
            salah.append(f"tamu {metode.upper()}: {response.status_code}, bukan halaman masuk")

    for peran, pengguna in pemeran.items():
        client.force_login(pengguna)
        for metode, boleh in (("get", boleh_get), ("post", boleh_post)):
            if metode == "post" and nama in CETAK:
                continue
            data = DATA_KIRIM.get(nama, {}) if metode == "post" else {}
            response = getattr(client, metode)(url, data)
            kode = response.status_code
            if peran in boleh:
                if kode in (403, 404) or ke_halaman_masuk(response):
                    salah.append(f"{peran} {metode.upper()}: {kode}, padahal diizinkan")
            elif kode != 403:
                salah.append(f"{peran} {metode.upper()}: {kode}, padahal harus 403")

    assert not salah, f"{url}\n" + "\n".join(salah)


# --- the services say the same, whoever calls them -------------------------------------------


def test_layanan_iku_memeriksa_izin_yang_sama(kencong, bappeda, operator_kencong):
    """A script or an import reaches the Renstra and decree writes without a page: they refuse
    a user the page would refuse, with the page's sentence, and a write by nobody."""
    renstra = Renstra.objects.filter(kecamatan=kencong).order_by("pk").first()
    tujuan = renstra.tujuan.order_by("pk").first()
    sasaran = tujuan.sasaran.order_by("pk").first()
    indikator = services.indikator_renstra(renstra).order_by("pk").first()
    keputusan = KeputusanIKU.objects.filter(kecamatan=kencong).order_by("pk").first()
    tulis = {
        "renstra_buat": lambda oleh: services.renstra_buat(kecamatan=kencong, data={}, oleh=oleh),
        "renstra_ubah": lambda oleh: services.renstra_ubah(renstra=renstra, data={}, oleh=oleh),
        "tujuan_simpan": lambda oleh: services.tujuan_simpan(
            renstra=renstra, nomor=9, uraian="X", oleh=oleh
        ),
        "tujuan_hapus": lambda oleh: services.tujuan_hapus(tujuan=tujuan, oleh=oleh),
        "sasaran_simpan": lambda oleh: services.sasaran_simpan(
            tujuan=tujuan, nomor=9, uraian="X", oleh=oleh
        ),
        "sasaran_hapus": lambda oleh: services.sasaran_hapus(sasaran=sasaran, oleh=oleh),
        "indikator_buat": lambda oleh: services.indikator_buat(
            induk=tujuan, ukuran=None, data={"nama": "X"}, oleh=oleh
        ),
        "indikator_ubah": lambda oleh: services.indikator_ubah(
            indikator=indikator, data={}, penanggung_jawab=[], sidik="", oleh=oleh
        ),
        "indikator_hapus": lambda oleh: services.indikator_hapus(indikator=indikator, oleh=oleh),
        "target_simpan": lambda oleh: services.target_simpan(
            renstra=renstra, isian={}, sidik="", oleh=oleh
        ),
        "keputusan_buat": lambda oleh: services.keputusan_buat(
            kecamatan=kencong, renstra=renstra, data={}, diktum=[], oleh=oleh
        ),
        "keputusan_ubah": lambda oleh: services.keputusan_ubah(
            keputusan=keputusan, data={}, diktum=[], sidik="", oleh=oleh
        ),
        "keputusan_atur_lampiran": lambda oleh: services.keputusan_atur_lampiran(
            keputusan=keputusan, pilihan={}, sidik="", oleh=oleh
        ),
        "keputusan_hapus": lambda oleh: services.keputusan_hapus(keputusan=keputusan, oleh=oleh),
    }
    pesan = akses.pesan_tolak(Izin.MENGISI, kecamatan=kencong)
    assert pesan == "Hanya operator atau camat Kencong yang dapat mengubah data ini."
    for nama, fungsi in tulis.items():
        for oleh in (bappeda, None):
            with pytest.raises(TransisiDitolak, match=re.escape(pesan)):
                fungsi(oleh)
                pytest.fail(f"{nama} menulis untuk {oleh}")
    with pytest.raises(TransisiDitolak, match="Hanya camat Kencong yang dapat menetapkan"):
        services.keputusan_tetapkan(keputusan=keputusan, oleh=operator_kencong)


def test_templat_menerima_tanda_izin_bukan_nama_peran(client, operator_kencong, bappeda):
    client.force_login(operator_kencong)
    response = client.get(reverse("laporan:beranda", args=["kencong"]))
    assert response.context["izin_pengguna"]["adalah_kecamatan"] is True
    assert response.context["izin_pengguna"]["adalah_kabupaten"] is False
    assert "Evaluasi AKIP</a>" not in response.text
    client.force_login(bappeda)
    response = client.get(reverse("laporan:beranda", args=["kencong"]))
    assert response.context["izin_pengguna"]["adalah_bappeda"] is True
    assert "Evaluasi AKIP</a>" in response.text and "Dasbor kabupaten</a>" in response.text
