"""Every workflow is a table, and the services walk it: for each document kind, every
(status, action) pair is tried through the service a user's button calls. What the table
allows happens; anything else is refused with TransisiDitolak, a message naming the
document, its status and the action, and the stored row stays exactly as it was."""

from datetime import date

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from iku.models import ALUR_KEPUTUSAN, KeputusanIKU
from iku.services import keputusan_tetapkan
from laporan.evaluasi import lkip_reviu
from laporan.models import ALUR_LAPORAN, LaporanKinerja
from laporan.services import laporan_buka_versi_baru, laporan_tetapkan
from perjanjian.models import ALUR_PELAPORAN, ALUR_PERJANJIAN, PelaporanRealisasi
from perjanjian.models import PerjanjianKinerja as PK
from perjanjian.services import (
    perjanjian_ajukan,
    perjanjian_kembalikan,
    perjanjian_kembalikan_bappeda,
    perjanjian_tetapkan,
    realisasi_ajukan,
    realisasi_buka_kembali,
    realisasi_kembalikan,
    realisasi_verifikasi,
)
from sakip.alur import Alur
from sakip.penguncian import TransisiDitolak, kunci_dilepas


def semua_pasangan(alur: Alur) -> list[tuple[str, str]]:
    return [(dari, aksi) for dari in alur.status.values for aksi in alur.aksi]


def tersimpan(obj) -> tuple[dict, int]:
    """The stored row and the length of its history: what "nothing changed" means."""
    segar = type(obj).objects.get(pk=obj.pk)
    return model_to_dict(segar), segar.riwayat.count()


def coba(alur: Alur, dokumen, dari: str, aksi: str, jalankan) -> None:
    """Run one (status, action) pair through the service and check the outcome."""
    with kunci_dilepas():  # set-up: the document put in the state the pair starts from
        type(dokumen).objects.filter(pk=dokumen.pk).update(status=dari)
    dokumen.refresh_from_db()
    ke = alur.ke(dari, aksi)
    if ke is None:
        sebelum = tersimpan(dokumen)
        pesan = alur.pesan_tolak(dari=dari, aksi=aksi, nama=dokumen.nama_alur)
        with pytest.raises(TransisiDitolak) as e:
            jalankan()
        assert str(e.value) == pesan
        assert dokumen.nama_alur in pesan and alur.status(dari).label.lower() in pesan
        assert alur.aksi[aksi] in pesan
        assert tersimpan(dokumen) == sebelum
    else:
        jalankan()
        dokumen.refresh_from_db()
        assert dokumen.status == ke


# --- Perjanjian Kinerja and PK Perubahan ------------------------------------------------------


@pytest.mark.parametrize("jenis", PK.Jenis.values)
def test_alur_perjanjian_setiap_status_dan_aksi(
    jenis, kencong, operator_kencong, camat_kencong, bappeda
):
    pk = PK.objects.get(kecamatan=kencong, tahun=2025, jenis=jenis)
    alur = ALUR_PERJANJIAN[jenis]
    assert pk.alur is alur and alur.nama == PK.Jenis(jenis).label
    layanan = {
        "ajukan": lambda: perjanjian_ajukan(perjanjian=pk, oleh=operator_kencong),
        "tetapkan": lambda: perjanjian_tetapkan(perjanjian=pk, oleh=camat_kencong),
        "kembalikan": lambda: perjanjian_kembalikan(
            perjanjian=pk, komentar="Target IKM belum sesuai.", oleh=camat_kencong
        ),
        "kembalikan_bappeda": lambda: perjanjian_kembalikan_bappeda(
            perjanjian=pk, komentar="Tidak sesuai Renstra.", oleh=bappeda
        ),
    }
    assert set(layanan) == set(alur.aksi)
    for dari, aksi in semua_pasangan(alur):
        coba(alur, pk, dari, aksi, layanan[aksi])


def test_pesan_perjanjian_menyebut_status_aksi_dan_jalan_keluarnya(kencong, camat_kencong):
    pk = PK.objects.get(kecamatan=kencong, tahun=2025, jenis="awal")
    with pytest.raises(TransisiDitolak) as e:
        perjanjian_tetapkan(perjanjian=pk, oleh=camat_kencong)
    assert str(e.value) == (
        "Perjanjian Kinerja 2025 berstatus ditetapkan, bukan diajukan; tidak dapat "
        "ditetapkan. " + PK.PESAN_TERKUNCI
    )


# --- Realisasi of a period ----------------------------------------------------------------------


def test_alur_realisasi_setiap_status_dan_aksi(kencong, operator_kencong, bappeda):
    pelaporan = PelaporanRealisasi.objects.create(kecamatan=kencong, tahun=2025, periode="tahunan")
    alur = ALUR_PELAPORAN
    assert pelaporan.alur is alur
    bagian = {"kecamatan": kencong, "tahun": 2025, "periode": "tahunan"}
    layanan = {
        "ajukan": lambda: realisasi_ajukan(**bagian, oleh=operator_kencong),
        "verifikasi": lambda: realisasi_verifikasi(**bagian, oleh=bappeda),
        "kembalikan": lambda: realisasi_kembalikan(**bagian, oleh=bappeda, komentar="Cek IKM."),
        "buka_kembali": lambda: realisasi_buka_kembali(
            **bagian, oleh=bappeda, alasan="Realisasi IKM salah ketik."
        ),
    }
    assert set(layanan) == set(alur.aksi)
    for dari, aksi in semua_pasangan(alur):
        coba(alur, pelaporan, dari, aksi, layanan[aksi])


def test_periode_tanpa_baris_adalah_draft(kencong, bappeda):
    with pytest.raises(TransisiDitolak, match="berstatus draf, bukan diajukan"):
        realisasi_verifikasi(kecamatan=kencong, tahun=2025, periode="tw1", oleh=bappeda)
    assert not PelaporanRealisasi.objects.filter(kecamatan=kencong, periode="tw1").exists()


# --- IKU decree -------------------------------------------------------------------------------


def test_alur_keputusan_setiap_status_dan_aksi(kencong, camat_kencong):
    keputusan = KeputusanIKU.objects.filter(
        kecamatan=kencong, indikator_lampiran__lampiran=1
    ).first()
    alur = ALUR_KEPUTUSAN
    assert keputusan.alur is alur
    layanan = {"tetapkan": lambda: keputusan_tetapkan(keputusan=keputusan, oleh=camat_kencong)}
    assert set(layanan) == set(alur.aksi)
    for dari, aksi in semua_pasangan(alur):
        coba(alur, keputusan, dari, aksi, layanan[aksi])


# --- LKIP ---------------------------------------------------------------------------------------


def test_alur_lkip_setiap_status_dan_aksi(
    kencong, camat_kencong, inspektorat, media, syarat_lkip_kencong, antrean_tanpa_pekerja
):
    lkip = LaporanKinerja.objects.get(kecamatan=kencong, tahun=2025)
    # Complete enough to be approved: the table, not a missing field, decides each outcome.
    with kunci_dilepas():
        LaporanKinerja.objects.filter(pk=lkip.pk).update(
            tanggal=date(2026, 1, 30), direviu_pada=timezone.now(), direviu_oleh=inspektorat
        )
    alur = ALUR_LAPORAN
    assert lkip.alur is alur
    layanan = {
        "reviu": lambda: lkip_reviu(laporan=lkip, catatan="Sesuai pedoman.", oleh=inspektorat),
        "tetapkan": lambda: laporan_tetapkan(laporan=lkip, oleh=camat_kencong),
        "buka_versi_baru": lambda: laporan_buka_versi_baru(laporan=lkip, oleh=camat_kencong),
    }
    assert set(layanan) == set(alur.aksi)
    for dari, aksi in semua_pasangan(alur):
        if aksi == "tetapkan":  # a new version is reviewed again before it is approved
            with kunci_dilepas():
                LaporanKinerja.objects.filter(pk=lkip.pk).update(direviu_pada=timezone.now())
        coba(alur, lkip, dari, aksi, layanan[aksi])


def test_lhe_tidak_punya_alur_sendiri():
    """The LHE (EvaluasiAKIP) has no status: the Inspektorat records and corrects it, and the
    LKIP of its year closes its recommendations (RekomendasiLHE's lock)."""
    from laporan.models import EvaluasiAKIP

    assert not hasattr(EvaluasiAKIP, "alur")
    assert "status" not in {f.name for f in EvaluasiAKIP._meta.get_fields()}


# --- the table itself -----------------------------------------------------------------------


def test_tabel_menolak_status_atau_aksi_yang_tidak_dikenal():
    with pytest.raises(ValueError):
        Alur(
            nama="X",
            status=PK.Status,
            transisi={("draft", "terbitkan"): "diajukan"},
            aksi={"ajukan": "diajukan"},
        )
    pesan = ALUR_KEPUTUSAN.pesan_tolak(dari="draft", aksi="hapus", nama="Keputusan IKU Nomor 1")
    assert pesan == "Keputusan IKU Nomor 1 berstatus draf; tindakan «hapus» tidak dikenal."
