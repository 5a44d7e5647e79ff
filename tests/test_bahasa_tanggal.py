"""Issue 13: date and file inputs are the application's own, whatever the browser's language:
a text input reading and showing dd/mm/yyyy (also "12 April 2026"), and a file input whose
button reads "Pilih berkas"."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from perjanjian.models import PerjanjianKinerja
from sakip.isian import BerkasInput, TanggalField, baca_tanggal


@pytest.mark.parametrize(
    "teks",
    [
        "12/04/2026",
        "12-04-2026",
        "12.04.2026",
        "12 April 2026",
        "12 Apr 2026",
        "12 april 2026",
        "2026-04-12",
    ],
)
def test_tanggal_indonesia_dibaca(teks):
    assert baca_tanggal(teks) == datetime.date(2026, 4, 12)


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("04/31/2026", "Bulan 31 tidak ada"),
        ("31/02/2026", "Tanggal 31 tidak ada pada bulan Februari 2026."),
        ("19 Februari", "Tulis tanggal sebagai hh/bb/tttt, mis. 12/04/2026 atau 12 April 2026."),
        ("12 Foo 2026", "Tulis tanggal sebagai hh/bb/tttt"),
    ],
)
def test_tanggal_salah_diberi_pesan_indonesia(teks, pesan):
    class Form(forms.Form):
        tanggal = TanggalField(required=False)

    form = Form({"tanggal": teks})
    assert not form.is_valid()
    assert pesan in form.errors["tanggal"][0]


def test_tanggal_tampil_hh_bb_tttt_bukan_isian_tanggal_peramban():
    class Form(forms.Form):
        tanggal = TanggalField(required=False)

    html = str(Form(initial={"tanggal": datetime.date(2026, 4, 12)})["tanggal"])
    assert 'type="text"' in html and 'type="date"' not in html
    assert 'value="12/04/2026"' in html and 'placeholder="hh/bb/tttt"' in html


def test_isian_berkas_berbahasa_indonesia():
    class Form(forms.Form):
        berkas = forms.FileField(widget=BerkasInput(attrs={"accept": ".xlsx"}))

    html = str(Form()["berkas"])
    assert 'type="file"' in html and 'accept=".xlsx"' in html
    assert ">Pilih berkas</label>" in html and "Belum ada berkas dipilih" in html
    assert "js/berkas.js" in html


def test_halaman_pk_memakai_isian_tanggal_sendiri(client, operator_kencong, kencong):
    client.force_login(operator_kencong)
    renstra = kencong.renstra.get(nama="Renstra 2025-2029")
    url = reverse("perjanjian:perjanjian-daftar", args=["kencong", 2026])
    html = client.post(url, {"aksi": "buat", "renstra": renstra.id}, follow=True).text
    assert 'type="date"' not in html
    assert 'placeholder="hh/bb/tttt"' in html


def test_halaman_impor_memakai_isian_berkas_sendiri(client, operator_kencong):
    client.force_login(operator_kencong)
    html = client.get(reverse("perjanjian:realisasi-impor", args=["kencong", 2025])).text
    assert ">Pilih berkas</label>" in html and "Belum ada berkas dipilih" in html


def test_admin_memakai_isian_berkas_dan_tanggal_indonesia(client, admin_kabupaten, kencong):
    """The Django admin too: the logo's file input reads "Pilih berkas", and a date reads and
    shows dd/mm/yyyy in a text input (never the browser's own date picker)."""
    client.force_login(admin_kabupaten)
    html = client.get(reverse("admin:kecamatan_kecamatan_change", args=[kencong.pk])).text
    assert ">Pilih berkas</label>" in html and "Belum ada berkas dipilih" in html
    assert "css/berkas.css" in html
    perjanjian = PerjanjianKinerja.objects.create(  # a draft: the locked ones are read-only
        kecamatan=kencong,
        tahun=2026,
        renstra=kencong.renstra.get(nama="Renstra 2025-2029"),
        tanggal=datetime.date(2026, 4, 12),
    )
    url = reverse("admin:perjanjian_perjanjiankinerja_change", args=[perjanjian.pk])
    html = client.get(url).text
    assert 'type="date"' not in html
    assert 'value="12/04/2026" class="vDateField"' in html
