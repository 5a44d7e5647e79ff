"""Numbers bounded by their column, and grids that refuse a POST missing their cells.

A number the column cannot hold (more than 15 significant digits: SQLite keeps a decimal with
a fraction as a REAL) is refused with the limit named, on every page, import and admin form,
and nothing is saved. A grid POST that lacks cells it rendered is refused, never read as
"empty"; a cell sent empty still clears it.
"""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from iku.models import TargetIndikator
from iku.services import indikator_renstra
from perjanjian.models import NarasiSasaran, Realisasi, RealisasiAnggaran, SubKegiatan
from sakip.isian import PESAN_TIDAK_LENGKAP
from sakip.kinerja import BatasAngka
from tests.bantu_excel import baris, kolom, unduh, unggah
from tests.test_halaman_anggaran import isian as isian_anggaran
from tests.test_halaman_anggaran import sel
from tests.test_halaman_realisasi import baris as baris_realisasi
from tests.test_halaman_realisasi import simpan as simpan_realisasi
from tests.test_halaman_realisasi import tw4
from tests.test_halaman_realisasi import url as url_realisasi
from tests.test_halaman_renstra import indikator, renstra
from tests.test_halaman_renstra import isian as isian_form
from tests.test_halaman_renstra import url as url_iku

pytestmark = pytest.mark.django_db

AWAL_TIDAK_LENGKAP = PESAN_TIDAK_LENGKAP.split("{")[0]  # "Isian tabel tidak lengkap: "


def url_anggaran():
    return reverse("perjanjian:anggaran", args=["kencong", 2025])


def pagu(kode):
    """The pagu after pergeseran: the column of 2025 that is still open."""
    return SubKegiatan.objects.get(
        kegiatan__program__kecamatan__slug="kencong", kegiatan__program__tahun=2025, kode=kode
    ).pagu_pergeseran


def target_semua(r):
    return sorted(
        TargetIndikator.objects.filter(indikator__in=indikator_renstra(r)).values_list(
            "indikator_id", "tahun", "nilai"
        )
    )


# --- numbers bounded by their column ---------------------------------------------------------


def test_realisasi_16_digit_ditolak_dengan_batasnya(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    response = simpan_realisasi(client, {f"{ikm}-nilai": "1234567890123456"})
    assert response.status_code == 200
    assert "Angka terlalu besar: paling banyak 11 digit sebelum koma." in response.text
    assert not tw4(kencong).exists()
    # The largest value the column holds is kept exactly.
    simpan_realisasi(client, {f"{ikm}-nilai": "99.999.999.999,9999"})
    assert tw4(kencong).get().nilai == Decimal("99999999999.9999")
    assert client.get(url_realisasi("realisasi")).status_code == 200


def test_realisasi_lima_desimal_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    response = simpan_realisasi(client, {f"{ikm}-nilai": "92,12345"})
    assert "Paling banyak 4 angka di belakang koma." in response.text
    assert not tw4(kencong).exists()


def test_pagu_26_digit_ditolak_dengan_batasnya(client, operator_kencong):
    client.force_login(operator_kencong)
    sebelum = pagu("1.1.1")
    data = isian_anggaran(client.get(url_anggaran(), {"ubah": "1"}))
    data[sel("1.1.1", "pagu_pergeseran")] = "12.345.678.901.234.567.890.123.456"
    response = client.post(url_anggaran(), data)
    assert response.status_code == 200
    assert "Angka terlalu besar: paling banyak 13 digit sebelum koma." in response.text
    assert pagu("1.1.1") == sebelum


def test_target_renstra_terlalu_besar_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    r = renstra(kencong)
    sebelum = target_semua(r)
    data = isian_form(client.get(url_iku("renstra-target", r.pk)).context["form"])
    ikm = indikator(r, "Indeks Kepuasan Masyarakat")
    data[f"t_{ikm.pk}_2026"] = "1.000.000.000.000.000"
    response = client.post(url_iku("renstra-target", r.pk), data)
    assert "paling banyak 11 digit sebelum koma" in response.text
    assert target_semua(r) == sebelum


def test_impor_excel_angka_terlalu_besar_ditolak(client, operator_kencong, kencong, media):
    client.force_login(operator_kencong)
    url_excel = reverse("perjanjian:realisasi-excel", args=["kencong", 2025])
    ws = unduh(client, url_excel)
    ikm = baris(ws, kolom(ws, "Kode indikator"), "ikm")
    ws.cell(row=ikm, column=kolom(ws, "TW I")).value = 1234567890123456
    halaman = unggah(client, reverse("perjanjian:realisasi-impor", args=["kencong", 2025]), ws)
    assert "berisi angka terlalu besar" in halaman
    assert "paling banyak 11 digit sebelum koma" in halaman
    assert "Simpan perubahan (" not in halaman
    assert not Realisasi.objects.filter(kecamatan=kencong, tahun=2025, periode="tw1").exists()


@pytest.mark.parametrize(
    ("model", "kolom_", "isian", "pesan"),
    [
        (Realisasi, "nilai", "1234567890123456", "paling banyak 11 digit sebelum koma"),
        (RealisasiAnggaran, "jumlah", "12345678901234", "paling banyak 13 digit sebelum koma"),
    ],
)
def test_admin_memakai_batas_yang_sama(admin_kabupaten, model, kolom_, isian, pesan):
    request = RequestFactory().get("/")
    request.user = admin_kabupaten
    model_admin = admin.site._registry[model]
    field = model_admin.get_form(request).base_fields[kolom_]
    with pytest.raises(Exception, match=pesan):
        field.clean(isian)
    assert field.clean("1234") == Decimal("1234")


# --- a grid POST missing its cells ---------------------------------------------------------


def test_realisasi_hanya_sidik_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    simpan_realisasi(client, {f"{ikm}-nilai": "92,33", f"{ikm}-catatan": "Survei"})
    sidik = client.get(url_realisasi("realisasi")).context["form"]["sidik"].value()
    response = client.post(url_realisasi("realisasi"), {"sidik": sidik})
    assert response.status_code == 200
    assert AWAL_TIDAK_LENGKAP in response.text and "Tidak ada yang disimpan" in response.text
    assert tw4(kencong).get().nilai == Decimal("92.33")


def test_realisasi_satu_sel_hilang_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    simpan_realisasi(client, {f"{ikm}-nilai": "92,33"})
    response = client.get(url_realisasi("realisasi"))
    form = response.context["form"]
    data = {nama: form[nama].value() or "" for nama in form.fields}
    del data[f"{ikm}-catatan"]
    response = client.post(url_realisasi("realisasi"), data)
    assert "Isian tabel tidak lengkap: 1 sel tidak terkirim" in response.text
    assert tw4(kencong).get().nilai == Decimal("92.33")


def test_target_hanya_sidik_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    r = renstra(kencong)
    sebelum = target_semua(r)
    form = client.get(url_iku("renstra-target", r.pk)).context["form"]
    response = client.post(
        url_iku("renstra-target", r.pk), {"sidik": form["sidik"].value()}, follow=True
    )
    assert AWAL_TIDAK_LENGKAP in response.text
    assert target_semua(r) == sebelum
    assert any(n is not None for *_, n in sebelum)


def test_anggaran_hanya_sidik_ditolak(client, operator_kencong):
    client.force_login(operator_kencong)
    sebelum = pagu("1.1.1")
    data = isian_anggaran(client.get(url_anggaran(), {"ubah": "1"}))
    response = client.post(url_anggaran(), {"aksi": "anggaran", "sidik": data["sidik"]})
    assert response.status_code == 200
    assert AWAL_TIDAK_LENGKAP in response.text
    assert pagu("1.1.1") == sebelum


def test_sel_dikirim_kosong_tetap_mengosongkan(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    simpan_realisasi(client, {f"{ikm}-nilai": "92,33"})
    perubahan, _ = baris_realisasi(kencong, "perubahan", "ikm")
    response = simpan_realisasi(client, {f"{ikm}-nilai": "", f"{perubahan}-nilai": ""})
    assert response.status_code == 302
    assert not tw4(kencong).exists()


# --- what a browser sends: only the inputs the page rendered --------------------------------


def isian_html(html: str, form_id: str | None = None) -> dict:
    """The name → value pairs a browser would submit from the page's forms (inputs that are
    not disabled, text areas, the selected option of a select); checkboxes left out."""

    data = {}
    for tag in re.findall(r"<input\b[^>]*>", html):
        nama = re.search(r'\bname="([^"]*)"', tag)
        if not nama or " disabled" in tag or re.search(r'type="(checkbox|submit|file)"', tag):
            continue
        nilai = re.search(r'\bvalue="([^"]*)"', tag)
        data[unescape(nama.group(1))] = unescape(nilai.group(1)) if nilai else ""
    for nama, isi in re.findall(
        r'<textarea\b[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', html, re.S
    ):
        data[nama] = unescape(isi)
    for nama, isi in re.findall(r'<select\b[^>]*name="([^"]*)"[^>]*>(.*?)</select>', html, re.S):
        pilih = re.search(r'<option value="([^"]*)"[^>]*selected', isi)
        data[nama] = pilih.group(1) if pilih else ""
    return data


def test_realisasi_seperti_peramban_tersimpan(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    data = isian_html(client.get(url_realisasi("realisasi")).text)
    assert "lain-nilai" not in data  # Kencong's PK holds every indicator: no extra row
    ikm, _ = baris_realisasi(kencong, "awal", "ikm")
    data[f"{ikm}-nilai"] = "92,33"
    response = client.post(url_realisasi("realisasi"), data)
    assert response.status_code == 302
    assert tw4(kencong).get().nilai == Decimal("92.33")


def test_target_seperti_peramban_tersimpan(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    r = renstra(kencong)
    data = isian_html(client.get(url_iku("renstra-target", r.pk)).text)
    ikm = indikator(r, "Indeks Kepuasan Masyarakat")
    data[f"t_{ikm.pk}_2026"] = "93,5"
    response = client.post(url_iku("renstra-target", r.pk), data, follow=True)
    assert "1 sel berubah" in response.text
    assert TargetIndikator.objects.get(indikator=ikm, tahun=2026).nilai == Decimal("93.5")


def test_anggaran_seperti_peramban_tersimpan(client, operator_kencong):
    client.force_login(operator_kencong)
    data = isian_html(client.get(url_anggaran(), {"ubah": "1"}).text)
    data["aksi"] = "anggaran"
    data[sel("1.1.1", "pagu_pergeseran")] = "1.000.000"
    response = client.post(url_anggaran(), data, follow=True)
    assert AWAL_TIDAK_LENGKAP not in response.text
    assert pagu("1.1.1") == Decimal("1000000")


def narasi_2025():
    return sorted(NarasiSasaran.objects.filter(tahun=2025).values_list("id", "faktor_pendorong"))


def test_narasi_hanya_sidik_ditolak(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    url_narasi = reverse("perjanjian:narasi", args=["kencong", 2025])
    sebelum = narasi_2025()
    assert any(teks for _, teks in sebelum)
    data = isian_html(client.get(url_narasi).text)
    response = client.post(url_narasi, {"sidik": data["sidik"]})
    assert response.status_code == 200
    assert AWAL_TIDAK_LENGKAP in response.text
    assert (
        sorted(NarasiSasaran.objects.filter(tahun=2025).values_list("id", "faktor_pendorong"))
        == sebelum
    )
    # What the browser sends, with one text changed, is saved.
    data = isian_html(client.get(url_narasi).text)
    nama = next(n for n in data if n.endswith("-faktor_pendorong"))
    data[nama] = "Faktor pendorong baru."
    assert client.post(url_narasi, data).status_code == 302


def test_saat_mengetik_angka_terlalu_besar_disebut(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    prefix, _ = baris_realisasi(kencong, "awal", "ikm")
    response = client.post(
        reverse("perjanjian:realisasi-hitung", args=["kencong", 2025, "tw4"]),
        {"baris": prefix, f"{prefix}-nilai": "1" + "0" * 40},
    )
    assert response.status_code == 200
    assert "paling banyak 11 digit sebelum koma" in response.text
    assert "Sangat Tinggi" not in response.text


@pytest.mark.parametrize(
    ("max_digits", "decimal_places", "bulat", "desimal"),
    [(20, 4, 11, 4), (18, 2, 13, 2), (7, 4, 3, 4), (5, 2, 3, 2)],
)
def test_batas_dari_kolom(max_digits, decimal_places, bulat, desimal):
    """The bound is the column's, never past the 15 significant digits SQLite keeps."""
    batas = BatasAngka.dari(max_digits=max_digits, decimal_places=decimal_places)
    assert (batas.bulat, batas.desimal) == (bulat, desimal)
    terbesar = Decimal("9" * bulat + "." + "9" * desimal)
    assert batas.periksa(terbesar) == terbesar
    assert batas.periksa(-terbesar) == -terbesar
    with pytest.raises(ValueError, match=f"paling banyak {bulat} digit sebelum koma"):
        batas.periksa(terbesar + Decimal("0." + "0" * (desimal - 1) + "1"))
