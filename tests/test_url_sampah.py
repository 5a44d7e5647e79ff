"""Junk in a URL answers 404 or a message, never 500 (issue 12).

Every named URL of the project (new ones included automatically) is asked for with junk in
each of its parameters — a zero or enormous id, a year out of range, an unknown period — and
every page with junk in ``?tahun=``, by GET and by POST; a year outside sakip.tahun's range
creates nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from laporan.models import LaporanKinerja
from sakip.tahun import TAHUN_MAKS, TAHUN_MIN
from tests.test_lingkup_url import NILAI_TETAP, SEMUA_POLA, model_objek, objek_kencong

# A valid document URL with junk only in ``?tahun=`` asks for a real print: queued only.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("antrean_tanpa_pekerja")]


BESAR = 10**20
SAMPAH = {
    "tahun": [0, 1, TAHUN_MIN - 1, TAHUN_MAKS + 1, 65536, BESAR],
    "periode": ["xyz", "TW1", "tw9"],
    "kecamatan": ["tidak-ada"],
}
SAMPAH_ID = [0, 2**31, 2**63, BESAR]
SAMPAH_QUERY = ["-5", "0", "65536", str(BESAR), "abc", "2025.5", ""]


def kwargs_sah(nama, pola, kencong):
    kwargs = {}
    for kunci in pola.pattern.converters:
        if kunci == "kecamatan":
            kwargs[kunci] = "kencong"
        elif kunci in NILAI_TETAP:
            kwargs[kunci] = NILAI_TETAP[kunci]
        else:
            objek = objek_kencong(model_objek(pola, kunci), kencong)
            kwargs[kunci] = objek.pk
    return kwargs


def url_sampah(nama, pola, kencong):
    """(url, what was junk) for each junk value of each parameter, the others valid."""
    sah = kwargs_sah(nama, pola, kencong)
    for kunci in pola.pattern.converters:
        for nilai in SAMPAH.get(kunci, SAMPAH_ID):
            yield reverse(nama, kwargs={**sah, kunci: nilai}), f"{kunci}={nilai}"
    if not pola.pattern.converters or "tahun" not in pola.pattern.converters:
        for nilai in SAMPAH_QUERY:
            yield reverse(nama, kwargs=sah) + f"?tahun={nilai}", f"?tahun={nilai}"


def tanya(client, url):
    hasil = {}
    for metode in ("get", "post"):
        hasil[metode] = getattr(client, metode)(url).status_code
    return hasil


@pytest.mark.parametrize(("nama", "pola"), SEMUA_POLA, ids=[n for n, _ in SEMUA_POLA])
def test_url_sampah_tidak_pernah_500(
    kencong, operator_kencong, admin_kabupaten, dokumen_kencong, survei_kencong, nama, pola
):
    gagal = []
    for pengguna in (operator_kencong, admin_kabupaten):
        client = Client(raise_request_exception=False)
        client.force_login(pengguna)
        for url, sampah in url_sampah(nama, pola, kencong):
            for metode, status in tanya(client, url).items():
                if status >= 500:
                    gagal.append(f"{pengguna.username} {metode.upper()} {url} ({sampah}): {status}")
    assert not gagal, "\n".join(gagal)


@pytest.mark.parametrize("tahun", [0, 65536, BESAR])
def test_lkip_tidak_dimulai_untuk_tahun_di_luar_rentang(client, operator_kencong, kencong, tahun):
    client.force_login(operator_kencong)
    sebelum = LaporanKinerja.objects.count()
    r = client.post(reverse("laporan:lkip-mulai", args=["kencong", tahun]))
    assert r.status_code == 404
    assert LaporanKinerja.objects.count() == sebelum


@pytest.mark.parametrize("tahun", [0, 1999, 2101, 65535])
def test_layanan_dan_model_menolak_tahun_di_luar_rentang(operator_kencong, kencong, tahun):
    from django.core.exceptions import ValidationError

    from laporan.services import laporan_mulai
    from sakip.alur import TransisiDitolak

    with pytest.raises(TransisiDitolak, match=f"Tahun {tahun} di luar rentang .*2000–2100"):
        laporan_mulai(kecamatan=kencong, tahun=tahun, oleh=operator_kencong)
    assert not LaporanKinerja.objects.filter(kecamatan=kencong, tahun=tahun).exists()
    laporan = LaporanKinerja(kecamatan=kencong, tahun=tahun)
    with pytest.raises(ValidationError) as galat:
        laporan.full_clean()
    assert galat.value.message_dict["tahun"] == [
        f"Tahun {tahun} di luar rentang yang dikenal (2000–2100)."
    ]


def test_tahun_di_kueri_sampah(client, operator_kencong):
    client.force_login(operator_kencong)
    beranda = reverse("laporan:beranda", args=["kencong"])
    assert client.get(beranda + "?tahun=-5").status_code == 404
    assert client.get(beranda + "?tahun=65536").status_code == 404
    # Not a number at all: the kecamatan's working year, as without the parameter.
    assert client.get(beranda + "?tahun=abc").status_code == 200
    assert client.get(beranda + "?tahun=2025").status_code == 200


@pytest.mark.parametrize("nilai", ["abc", "", "0", "-1", "1e3", str(BESAR), "٣"])
@pytest.mark.parametrize("jenis", ["realisasi", "pk"])
def test_antrean_verifikasi_id_sampah(client, bappeda, nilai, jenis):
    client.force_login(bappeda)
    r = client.post(
        reverse("perjanjian:verifikasi"), {"jenis": jenis, "aksi": "verifikasi", "id": nilai}
    )
    assert r.status_code == 404
