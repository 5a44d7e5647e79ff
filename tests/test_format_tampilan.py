"""Dates and numbers as Django itself shows and reads them, and the settings a deployment
gives through its environment.

sakip.format_id formats the signed documents (tested in test_format_id); here it is
Django's own machinery, driven by LANGUAGE_CODE = "id" and sakip/formats/id/formats.py,
that templates, the admin and form fields go through.
"""

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats

from perjanjian.models import SubKegiatan, TargetPerjanjian
from sakip.isian import NilaiField, UangField


def test_tanggal_ditulis_lengkap_seperti_dokumen_resmi():
    assert formats.date_format(date(2025, 2, 10)) == "10 Februari 2025"
    assert formats.date_format(date(2025, 12, 31)) == "31 Desember 2025"
    assert formats.date_format(date(2025, 2, 10), "SHORT_DATE_FORMAT") == "10/02/2025"


def test_angka_memakai_titik_ribuan_dan_koma_desimal():
    assert (
        formats.number_format(Decimal("1234.56"), decimal_pos=2, use_l10n=True, force_grouping=True)
        == "1.234,56"
    )


def test_templat_menampilkan_pagu_kencong_dengan_format_indonesia():
    """Figures go through the sakip filters: grouped, comma decimals, rounded half-up."""
    html = Template("{% load sakip %}Pagu: {{ nilai|rupiah }}, serapan {{ s|persen }}").render(
        Context({"nilai": Decimal("3920691860.40"), "s": Decimal("78.2395")})
    )
    assert html == "Pagu: Rp 3.920.691.860,40, serapan 78,24%"


def test_tahun_tidak_diberi_titik_ribuan():
    """Django's own grouping is off: a year is "2025", never "2.025"."""
    html = Template("Tahun {{ tahun }}").render(Context({"tahun": 2025}))
    assert settings.USE_THOUSAND_SEPARATOR is False
    assert html == "Tahun 2025"


def test_templat_menampilkan_tanggal_penetapan_lengkap():
    html = Template("Jember, {{ tanggal }}").render(Context({"tanggal": date(2025, 2, 10)}))
    assert html == "Jember, 10 Februari 2025"


def test_zona_waktu_dan_bahasa():
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.LANGUAGE_CODE == "id"


def test_isian_tanggal_menerima_hari_bulan_tahun():
    """Operators type dates the way they write them: 10/02/2025 is 10 February, not
    2 October."""

    class FormTanggal(forms.Form):
        tanggal = forms.DateField()

    for diketik in ["10/02/2025", "10-02-2025", "2025-02-10"]:
        form = FormTanggal({"tanggal": diketik})
        assert form.is_valid(), (diketik, form.errors)
        assert form.cleaned_data["tanggal"] == date(2025, 2, 10)


def test_isian_tanggal_menolak_urutan_amerika_dengan_pesan_indonesia():
    class FormTanggal(forms.Form):
        tanggal = forms.DateField()

    form = FormTanggal({"tanggal": "02/31/2025"})
    assert not form.is_valid()
    assert form.errors["tanggal"] == ["Masukkan tanggal yang valid."]


def test_isian_nilai_dan_rupiah_menerima_tulisan_indonesia():
    class FormTarget(forms.Form):
        target = NilaiField(kolom=TargetPerjanjian._meta.get_field("nilai"))
        pagu = UangField(kolom=SubKegiatan._meta.get_field("pagu_awal"))

    form = FormTarget({"target": "B (67)", "pagu": "Rp 3.920.691.860,40"})
    assert form.is_valid(), form.errors
    # The usual spelling on documents, "Rp. 1.250.000.000,-" (issue 10 and 13)
    ejaan_dokumen = FormTarget({"target": "92,33", "pagu": "Rp. 1.250.000.000,-"})
    assert ejaan_dokumen.is_valid(), ejaan_dokumen.errors
    assert ejaan_dokumen.cleaned_data["pagu"] == Decimal("1250000000")
    assert (form.cleaned_data["target"].huruf, form.cleaned_data["target"].angka) == (
        "B",
        Decimal("67"),
    )
    assert form.cleaned_data["pagu"] == Decimal("3920691860.40")


def test_isian_salah_diberi_pesan_indonesia_di_sampingnya():
    class FormTarget(forms.Form):
        target = NilaiField(kolom=TargetPerjanjian._meta.get_field("nilai"))
        pagu = UangField(kolom=SubKegiatan._meta.get_field("pagu_awal"))

    form = FormTarget({"target": "92.5", "pagu": "sejuta"})
    assert not form.is_valid()
    assert "Gunakan koma untuk desimal" in form.errors["target"][0]
    assert "Format rupiah tidak dikenali" in form.errors["pagu"][0]
    # Rupiah examples for a rupiah field, never "97,5% · 4 Dok · B (67)"
    assert "Rp 1.250.000.000" in form.errors["pagu"][0]
    assert "4 Dok" not in form.errors["pagu"][0] and "B (67)" not in form.errors["pagu"][0]


# --- settings read from the environment --------------------------------------------------

VARIABEL_LINGKUNGAN = ("DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CONN_MAX_AGE")

CETAK_SETTINGS = """
import json
import sakip.settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "user": db.get("USER"),
    "password": db.get("PASSWORD"),
    "host": db.get("HOST"),
    "port": db.get("PORT"),
    "debug": s.DEBUG,
    "allowed_hosts": s.ALLOWED_HOSTS,
}))
"""


def muat_settings(**lingkungan):
    """Import sakip.settings in a fresh interpreter with only the given variables set."""
    env = {k: v for k, v in os.environ.items() if k not in VARIABEL_LINGKUNGAN}
    env.update(lingkungan)
    return subprocess.run(
        [sys.executable, "-c", CETAK_SETTINGS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_dari(**lingkungan):
    hasil = muat_settings(**lingkungan)
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout)


def test_tanpa_database_url_memakai_sqlite_di_samping_manage_py():
    s = settings_dari()
    assert s["engine"] == "django.db.backends.sqlite3"
    assert s["name"] == str(settings.BASE_DIR / "db.sqlite3")
    assert (settings.BASE_DIR / "manage.py").is_file()
    assert s["debug"] is False  # on only when the environment says DEBUG=1 (make run does)
    assert s["allowed_hosts"] == ["127.0.0.1", "localhost", "testserver"]


def test_database_url_kosong_sama_dengan_tidak_diisi():
    s = settings_dari(DATABASE_URL="")
    assert s["engine"] == "django.db.backends.sqlite3"


def test_database_url_postgres_memilih_postgresql():
    s = settings_dari(DATABASE_URL="postgres://u:p@h:5433/db")
    assert s["engine"] == "django.db.backends.postgresql"
    assert (s["name"], s["user"], s["password"], s["host"], s["port"]) == (
        "db",
        "u",
        "p",
        "h",
        5433,
    )


def test_tanpa_secret_key_memakai_kunci_acak_milik_checkout_ini(tmp_path):
    """No SECRET_KEY: a random key made once in SECRET_KEY_FILE (owner-only), never a key
    everyone knows; a place where it cannot be made refuses to start, naming the fix."""
    berkas = tmp_path / "kunci"
    s = settings_dari(SECRET_KEY_FILE=str(berkas))
    assert s["debug"] is False
    kunci = berkas.read_text().strip()
    assert len(kunci) >= 50 and (berkas.stat().st_mode & 0o777) == 0o600
    settings_dari(SECRET_KEY_FILE=str(berkas))
    assert berkas.read_text().strip() == kunci  # made once, then kept
    hasil = muat_settings(SECRET_KEY_FILE=str(tmp_path / "tidak-ada" / "kunci"))
    assert hasil.returncode != 0 and hasil.stdout == ""
    assert "isi SECRET_KEY di lingkungan" in hasil.stderr


def test_produksi_dengan_secret_key_berjalan():
    s = settings_dari(DEBUG="0", SECRET_KEY="rahasia-produksi-yang-panjang")
    assert s["debug"] is False


def test_allowed_hosts_dibaca_sebagai_daftar():
    s = settings_dari(ALLOWED_HOSTS="a.example,b.example")
    assert s["allowed_hosts"] == ["a.example", "b.example"]
    s = settings_dari(ALLOWED_HOSTS=" a.example , b.example ,")
    assert s["allowed_hosts"] == ["a.example", "b.example"]
