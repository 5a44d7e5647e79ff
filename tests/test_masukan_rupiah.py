"""Rupiah as people type them — "Rp. 1.234.567,-", "Rp1.234.567", "1.234.567,-" — on every
path: the budget page, the budget Excel import and the Django admin. All three read with the
one parser (``sakip.kinerja.parse_rupiah``, through ``sakip.isian.UangField`` and
``sakip.excel.baca_nilai``), and a refusal names its real cause: the "Rp" and the ",-" never
are one (issue 10)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from perjanjian.models import RealisasiAnggaran, SubKegiatan
from sakip.kinerja import SebabRupiah, parse_rupiah
from tests.bantu_excel import baris, kolom, konfirmasi, unduh, unggah

pytestmark = pytest.mark.django_db

SEPERTI_DIKETIK = {
    "Rp. 1.234.567,-": Decimal("1234567"),
    "Rp1.234.567": Decimal("1234567"),
    "1.234.567,-": Decimal("1234567"),
}


def sub(kode: str) -> SubKegiatan:
    return SubKegiatan.objects.get(
        kegiatan__program__kecamatan__slug="kencong", kegiatan__program__tahun=2025, kode=kode
    )


def realisasi(kode: str, periode: str) -> Decimal | None:
    r = RealisasiAnggaran.objects.filter(sub_kegiatan=sub(kode), periode=periode).first()
    return r.jumlah if r else None


# --- the parser --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "angka"),
    [
        *SEPERTI_DIKETIK.items(),
        ("Rp. 1.250.000.000,-", Decimal("1250000000")),
        ("Rp 500.000.-", Decimal("500000")),
        ("Rp. 1.234.567,–", Decimal("1234567")),  # a word processor's dash
        ("1.234.567, -", Decimal("1234567")),
        ("rp 1.234.567,89", Decimal("1234567.89")),
    ],
)
def test_ejaan_rupiah_yang_lazim_dibaca(teks, angka):
    assert parse_rupiah(teks) == angka


@pytest.mark.parametrize(
    ("teks", "sebab"),
    [
        ("Rp. 1.25.000,-", "titik memisahkan ribuan setiap tiga angka dari kanan"),
        ("1,234,567", "koma adalah tanda desimal dan hanya boleh satu"),
        ("Rp 1 234 567,-", "ada spasi di dalam angka"),
        ("Rp 1.234.567.89", "Maksudnya 1.234.567,89?"),
        ("Rp -", "tidak ada angkanya"),
    ],
)
def test_penolakan_menyebut_sebab_sebenarnya(teks, sebab):
    with pytest.raises(SebabRupiah) as e:
        parse_rupiah(teks)
    assert sebab in str(e.value)
    assert "Rp. 1.250.000.000,-" in str(e.value)  # the examples are rupiah ones


def test_kata_bukan_salah_titik():
    with pytest.raises(ValueError) as e:
        parse_rupiah("IDR 1.000")
    assert "Format rupiah tidak dikenali" in str(e.value)
    assert "pemisah ribuan" not in str(e.value)


# --- the budget page ---------------------------------------------------------------------


def isian_grid(response) -> dict:
    form = response.context["form"]
    data = {"aksi": "anggaran"}
    for nama, field in form.fields.items():
        if not field.disabled:
            nilai = field.widget.format_value(form[nama].value())
            data[nama] = "" if nilai is None else nilai
    return data


def test_halaman_anggaran(client, operator_kencong):
    client.force_login(operator_kencong)
    url = reverse("perjanjian:anggaran", args=["kencong", 2025])
    data = isian_grid(client.get(url, {"ubah": "1"}))
    sel = {"1.1.2": "tw1", "2.1.1": "tw1", "3.1.2": "tw1"}
    for (kode, periode), teks in zip(sel.items(), SEPERTI_DIKETIK, strict=True):
        data[f"s{sub(kode).id}_{periode}"] = teks
    teks = client.post(url, data, follow=True).text
    assert "Anggaran disimpan" in teks
    for kode, periode in sel.items():
        assert realisasi(kode, periode) == Decimal("1234567")

    data = isian_grid(client.get(url, {"ubah": "1"}))
    data[f"s{sub('1.1.2').id}_tw2"] = "Rp. 1.25.000,-"
    teks = client.post(url, data, follow=True).text
    assert "titik memisahkan ribuan setiap tiga angka dari kanan" in teks
    assert "ada kelompok &#x27;25&#x27;" in teks
    assert realisasi("1.1.2", "tw2") is None


# --- the budget Excel import -------------------------------------------------------------


def test_impor_excel_anggaran(client, operator_kencong, media):
    client.force_login(operator_kencong)
    url = lambda nama: reverse(f"perjanjian:anggaran-{nama}", args=["kencong", 2025])  # noqa: E731
    ws = unduh(client, url("templat"))
    kode = kolom(ws, "Kode")
    for k, teks in zip(("1.1.2", "2.1.1", "3.1.2"), SEPERTI_DIKETIK, strict=True):
        ws.cell(row=baris(ws, kode, k), column=kolom(ws, "Realisasi TW I")).value = teks
    pratinjau = unggah(client, url("impor"), ws)
    assert "Realisasi TW I: kosong → 1.234.567" in pratinjau
    konfirmasi(client, url("impor"))
    for k in ("1.1.2", "2.1.1", "3.1.2"):
        assert realisasi(k, "tw1") == Decimal("1234567")

    ws = unduh(client, url("templat"))
    ws.cell(
        row=baris(ws, kode, "1.1.2"), column=kolom(ws, "Realisasi TW II")
    ).value = "Rp 1 234 567,-"
    ditolak = unggah(client, url("impor"), ws)
    assert "ada spasi di dalam angka" in ditolak
    assert realisasi("1.1.2", "tw2") is None


# --- the Django admin --------------------------------------------------------------------


def test_admin(client, admin_kabupaten):
    client.force_login(admin_kabupaten)
    tambah = reverse("admin:perjanjian_realisasianggaran_add")
    s = sub("1.1.2")
    for periode, teks in zip(("tw1", "tw2", "tw3"), SEPERTI_DIKETIK, strict=True):
        jawab = client.post(
            tambah, {"sub_kegiatan": s.id, "periode": periode, "jumlah": teks, "catatan": ""}
        )
        assert jawab.status_code == 302, jawab.context["adminform"].form.errors
        assert realisasi("1.1.2", periode) == Decimal("1234567")

    ditolak = client.post(
        tambah, {"sub_kegiatan": s.id, "periode": "tw4", "jumlah": "1,234,567", "catatan": ""}
    )
    assert ditolak.status_code == 200
    assert "koma adalah tanda desimal dan hanya boleh satu" in ditolak.text
    assert realisasi("1.1.2", "tw4") is None

    ubah = reverse("admin:perjanjian_subkegiatan_change", args=[s.id])
    halaman = client.get(ubah)
    assert 'value="92.600.000"' in halaman.text  # shown as it is typed
