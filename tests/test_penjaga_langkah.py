"""Guards check content, a typed value is never lost, an irreversible step asks first (issue 9).

The LKIP is approved only with every narrative field filled, every PK of the year ditetapkan,
the annual realisasi verified and the review done, and the page's list of what is missing is
the same rule. Realisasi is not submitted while the PK of the year is a draft. A workflow step
sent with the page's form refuses while the form differs from what is stored, and acts only
with the confirmation."""

import datetime

import pytest
from django.urls import reverse

from laporan.models import LaporanKinerja
from laporan.services import kekurangan_lkip, laporan_tetapkan
from perjanjian.models import NarasiSasaran, PelaporanRealisasi, PerjanjianKinerja
from perjanjian.services import realisasi_ajukan
from sakip.konfirmasi import BelumLengkap
from sakip.penguncian import kunci_dilepas
from tests.test_halaman_realisasi import KONFIRMASI, isian_halaman, simpan, status_tw4, url

TAHUN = 2025


def data_lkip(client) -> dict:
    """What the LKIP page's texts form posts untouched (the year's LHE is recorded: no
    typed follow-up rows)."""
    form = client.get(reverse("laporan:lkip", args=["kencong", TAHUN])).context["form"]
    data = {}
    for nama in form.fields:
        v = form[nama].value()
        data[nama] = v.isoformat() if isinstance(v, datetime.date) else (v or "")
    return data


def lkip(kencong):
    return LaporanKinerja.objects.get(kecamatan=kencong, tahun=TAHUN)


def siap_ditetapkan(kencong, inspektorat):
    from laporan.evaluasi import lkip_reviu
    from tests.conftest import lengkapi_syarat_lkip

    lengkapi_syarat_lkip(kencong, TAHUN)
    lkip_reviu(laporan=lkip(kencong), catatan="Sesuai pedoman.", oleh=inspektorat)


def menghalangi(kencong):
    return [
        k.pesan
        for k in kekurangan_lkip(kecamatan=kencong, tahun=TAHUN, laporan=lkip(kencong))
        if k.menghalangi
    ]


# --- the LKIP's approval and its list are one rule ---------------------------------------


def test_narasi_dengan_satu_kolom_kosong_menolak_penetapan(kencong, camat_kencong, inspektorat):
    siap_ditetapkan(kencong, inspektorat)
    assert menghalangi(kencong) == []
    n = NarasiSasaran.objects.filter(sasaran__tujuan__renstra__kecamatan=kencong, tahun=TAHUN)
    satu = n.first()
    with kunci_dilepas():
        NarasiSasaran.objects.filter(pk=satu.pk).update(tantangan="  ")
    daftar = menghalangi(kencong)
    assert len(daftar) == 1 and f"Narasi Sasaran {satu.sasaran.kode}" in daftar[0]
    assert "tantangan dan langkah perbaikan ke depan belum diisi" in daftar[0]
    with pytest.raises(BelumLengkap) as e:
        laporan_tetapkan(laporan=lkip(kencong), oleh=camat_kencong)
    assert [k.pesan for k in e.value.kekurangan] == daftar  # the guard is the list
    narasi = reverse("perjanjian:narasi", args=["kencong", TAHUN])
    assert e.value.kekurangan[0].tautan == f"{narasi}#sasaran-{satu.sasaran_id}"
    assert lkip(kencong).status == "draft"


@pytest.mark.parametrize("keadaan", ["pk_draft", "tahunan_draft"])
def test_pk_draft_atau_tahunan_belum_diverifikasi_menolak_penetapan(
    client, kencong, camat_kencong, inspektorat, keadaan
):
    siap_ditetapkan(kencong, inspektorat)
    with kunci_dilepas():
        if keadaan == "pk_draft":
            PerjanjianKinerja.objects.filter(
                kecamatan=kencong, tahun=TAHUN, jenis="perubahan"
            ).update(status="draft")
            pk = PerjanjianKinerja.objects.get(kecamatan=kencong, tahun=TAHUN, jenis="perubahan")
            pesan = "Perjanjian Kinerja Perubahan 2025 belum ditetapkan camat"
            tautan = reverse("perjanjian:perjanjian-detail", args=["kencong", pk.id])
        else:
            PelaporanRealisasi.objects.filter(
                kecamatan=kencong, tahun=TAHUN, periode="tahunan"
            ).update(status="diajukan")
            pesan = "Realisasi Tahunan 2025 belum diverifikasi Bappeda"
            tautan = url("realisasi", "tahunan")
    client.force_login(camat_kencong)
    teks = client.post(
        reverse("laporan:lkip-tetapkan", args=["kencong", TAHUN]), KONFIRMASI, follow=True
    ).text
    assert "LKIP 2025 belum dapat ditetapkan" in teks and pesan in teks
    assert tautan in teks  # the refusal links to where it is done
    assert lkip(kencong).status == "draft"


# --- realisasi is not submitted while the PK of the year is a draft --------------------------


def test_realisasi_tidak_diajukan_selama_pk_tahun_itu_draft(client, kencong, operator_kencong):
    client.force_login(operator_kencong)
    data = isian_halaman(client)
    prefix = next(n for n in data if n.endswith("-nilai") and n.startswith("b"))
    assert simpan(client, {prefix: "92,33"}).status_code == 302
    with kunci_dilepas():
        PerjanjianKinerja.objects.filter(kecamatan=kencong, tahun=TAHUN).update(status="draft")
    with pytest.raises(BelumLengkap, match="belum ditetapkan camat"):
        realisasi_ajukan(kecamatan=kencong, tahun=TAHUN, periode="tw4", oleh=operator_kencong)
    # The confirmation shows why it cannot be done, with the link, and no confirming button.
    teks = client.post(url("realisasi-ajukan")).text
    assert 'id="konfirmasi-menghalangi"' in teks and "belum ditetapkan camat" in teks
    assert 'id="tombol-konfirmasi"' not in teks
    # A hand-made confirmed request is refused the same, with links on the page.
    teks = client.post(url("realisasi-ajukan"), KONFIRMASI, follow=True).text
    assert "belum dapat diajukan" in teks and ">Buka</a>" in teks
    assert status_tw4(kencong) == "draft"


# --- no typed value lost; nothing acts without the confirmation -------------------------------


def test_ajukan_dengan_isian_belum_disimpan_ditolak_dan_isian_tetap(
    client, kencong, operator_kencong
):
    client.force_login(operator_kencong)
    data = isian_halaman(client)
    prefix = next(n for n in data if n.endswith("-nilai") and n.startswith("b"))
    assert simpan(client, {prefix: "92,33"}).status_code == 302
    data = isian_halaman(client)
    # Written differently, meaning the same: not a change.
    data[prefix] = "92,330"
    response = client.post(url("realisasi-ajukan"), data)
    assert "Ajukan Realisasi Triwulan IV 2025 Kencong ke Bappeda?" in response.text
    # Typed but not saved: refused, the value still in the form, nothing locked.
    data[prefix] = "95"
    for kirim in (data, {**data, **KONFIRMASI}):
        response = client.post(url("realisasi-ajukan"), kirim)
        assert response.status_code == 200
        assert "Ada isian yang belum disimpan" in response.text
        assert 'value="95"' in response.text
        assert status_tw4(kencong) == "draft"


def test_langkah_tanpa_konfirmasi_tidak_bertindak(client, kencong, operator_kencong):
    client.force_login(operator_kencong)
    data = isian_halaman(client)
    prefix = next(n for n in data if n.endswith("-nilai") and n.startswith("b"))
    simpan(client, {prefix: "92,33"})
    response = client.post(url("realisasi-ajukan"))  # one click, or a hand-made request
    assert (
        "Yang akan dikunci" in response.text and "Realisasi anggaran Triwulan IV" in response.text
    )
    assert 'name="konfirmasi" value="1"' in response.text
    assert status_tw4(kencong) == "draft"
    client.post(url("realisasi-ajukan"), KONFIRMASI)
    assert status_tw4(kencong) == "diajukan"


def test_tetapkan_lkip_dengan_kesimpulan_belum_disimpan_ditolak(
    client, kencong, camat_kencong, inspektorat, media, antrean_tanpa_pekerja
):
    siap_ditetapkan(kencong, inspektorat)
    client.force_login(camat_kencong)
    data = data_lkip(client)
    data["kesimpulan"] = "Kesimpulan baru yang belum disimpan."
    url_tetapkan = reverse("laporan:lkip-tetapkan", args=["kencong", TAHUN])
    response = client.post(url_tetapkan, {**data, **KONFIRMASI})
    assert "Ada isian yang belum disimpan (Kesimpulan)" in response.text
    assert "Kesimpulan baru yang belum disimpan." in response.text
    assert lkip(kencong).status == "draft"
    # Unchanged form, confirmed: approved, with what the page held.
    data = data_lkip(client)
    client.post(url_tetapkan, {**data, **KONFIRMASI})
    assert lkip(kencong).status == "ditetapkan"


def test_keputusan_ditetapkan_dengan_isian_halaman_tetapi_tidak_dengan_isian_baru(
    client, camat_kencong, kencong
):
    from iku.models import KeputusanIKU
    from tests.test_halaman_keputusan import NOMOR_BARU, buat, isian_halaman
    from tests.test_halaman_keputusan import url as url_iku

    client.force_login(camat_kencong)
    buat(client, kencong)
    draft = KeputusanIKU.objects.get(kecamatan=kencong, nomor=NOMOR_BARU)
    data = isian_halaman(client.get(url_iku("keputusan-detail", draft.pk)))
    tetapkan = url_iku("keputusan-tetapkan", draft.pk)
    ubah = {**data, "tentang": "Judul yang baru diketik", **KONFIRMASI}
    response = client.post(tetapkan, ubah)
    assert "Ada isian yang belum disimpan" in response.text
    assert "Judul yang baru diketik" in response.text  # kept in the form
    assert KeputusanIKU.objects.get(pk=draft.pk).status == "draft"
    # The untouched form: first the confirmation, then the step.
    response = client.post(tetapkan, data)
    assert "Yang akan dikunci" in response.text
    assert KeputusanIKU.objects.get(pk=draft.pk).status == "draft"
    client.post(tetapkan, {**data, **KONFIRMASI})
    assert KeputusanIKU.objects.get(pk=draft.pk).status == "ditetapkan"


def test_keputusan_dengan_diktum_berbaris_dari_peramban_tidak_dianggap_berubah(
    client, camat_kencong, kencong
):
    """A browser sends a textarea's line breaks as CRLF: the default diktum texts have
    several lines, and the untouched page must still reach the confirmation (it answered
    "Ada isian yang belum disimpan (baris tabel)" to every approval from a browser)."""
    from iku.models import KeputusanIKU
    from tests.test_halaman_keputusan import NOMOR_BARU, buat, isian_halaman
    from tests.test_halaman_keputusan import url as url_iku

    client.force_login(camat_kencong)
    buat(client, kencong)
    draft = KeputusanIKU.objects.get(kecamatan=kencong, nomor=NOMOR_BARU)
    data = isian_halaman(client.get(url_iku("keputusan-detail", draft.pk)))
    diktum = {k: v for k, v in data.items() if k.startswith("diktum-") and "\n" in str(v)}
    assert diktum  # the default texts span lines
    crlf = {**data, **{k: v.replace("\n", "\r\n") for k, v in diktum.items()}}
    response = client.post(url_iku("keputusan-tetapkan", draft.pk), crlf)
    assert "Yang akan dikunci" in response.text
    assert "belum disimpan" not in response.text


def test_pk_diajukan_dengan_isian_halaman_tetapi_tidak_dengan_isian_baru(
    client, operator_kencong, kencong
):
    from tests.test_halaman_keputusan import isian
    from tests.test_halaman_pk import detail_url

    pj = PerjanjianKinerja.objects.filter(kecamatan=kencong, status="draft").first()
    if pj is None:
        from iku.selectors import renstra_berlaku
        from perjanjian.services import perjanjian_buat

        r = renstra_berlaku(kecamatan=kencong, tahun=2026).first()
        pj, _ = perjanjian_buat(kecamatan=kencong, tahun=2026, renstra=r, oleh=operator_kencong)
    client.force_login(operator_kencong)
    data = isian(client.get(detail_url(pj)).context["form"])
    data["aksi"] = "ajukan"
    data["tanggal"] = "2026-01-05"  # typed, not saved
    response = client.post(detail_url(pj), {**data, **KONFIRMASI})
    assert "Ada isian yang belum disimpan (Tanggal" in response.text
    assert 'value="2026-01-05"' in response.text
    tanggal = pj.tanggal  # the new PK's date in its year, stored at its creation
    pj.refresh_from_db()
    assert pj.status == "draft" and pj.tanggal == tanggal
