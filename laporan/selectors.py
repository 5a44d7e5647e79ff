"""The reads of laporan's own pages: the LKIP and the LHE of a kecamatan's year, the
follow-up rows typed on the LKIP page, and the kabupaten's LHE overview. The views resolve
their kecamatan and call these, so every query of a page is here; each read takes the
kecamatan (or the kecamatan the user sees) and filters by it."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count
from django.urls import reverse

from kecamatan.models import Kecamatan
from perjanjian.selectors import NilaiTurunan, realisasi_tahunan_kode
from sakip import akses, kinerja
from sakip.format_id import format_nilai
from sakip.kinerja import Nilai, Pita

from .evaluasi import KODE_UKURAN_NILAI_SAKIP, ringkasan_akip, skala_predikat
from .models import EvaluasiAKIP, LaporanKinerja, TindakLanjutLHE, VersiLKIP


def laporan_tahun(*, kecamatan: Kecamatan, tahun: int) -> LaporanKinerja | None:
    """The kecamatan's LKIP of the year, with who reviewed it, if it was started."""
    return (
        akses.di_kecamatan(
            LaporanKinerja.objects.select_related("kecamatan", "direviu_oleh"), kecamatan
        )
        .filter(tahun=tahun)
        .first()
    )


def tindak_lanjut_laporan(*, laporan: LaporanKinerja) -> list[TindakLanjutLHE]:
    """The LHE follow-up rows typed on the LKIP page, in their order."""
    return list(TindakLanjutLHE.objects.filter(laporan=laporan).order_by("urutan"))


def lhe_tahun(*, kecamatan: Kecamatan, tahun: int) -> EvaluasiAKIP | None:
    """The kecamatan's LHE of the year with its scores and recommendations prefetched."""
    return (
        akses.di_kecamatan(EvaluasiAKIP.objects.filter(tahun=tahun), kecamatan)
        .prefetch_related("skor", "rekomendasi")
        .first()
    )


# --- the Nilai SAKIP of a kecamatan and year: one owner --------------------------------------


class SumberNilaiSakip:
    LHE = "lhe"  # the Inspektorat's LHE of the year, with its twelve scores
    DATA = "data"  # the annual realisasi of the measure "Nilai SAKIP", loaded or typed


LABEL_SUMBER_NILAI_SAKIP = {
    SumberNilaiSakip.LHE: "dari LHE",
    SumberNilaiSakip.DATA: "dimuat dari data",
}


@dataclass(frozen=True)
class NilaiSakip:
    """The Nilai SAKIP of a kecamatan and year and where it comes from. Every page and
    document that shows it (the kabupaten dashboard, the evaluasi list, the LHE page, the
    LKIP) reads it here and writes it with ``teks`` and ``label_sumber``, so two of them
    cannot disagree on the number, its decimals or its source."""

    nilai: Nilai | None
    sumber: str = ""  # SumberNilaiSakip, "" when there is none
    keterangan: str = ""  # the LHE's title and letter / the realisasi's source note
    # The predikat scale the kabupaten chose for the year (kecamatan.selectors.skala_tahun).
    skala: kinerja.Skala = kinerja.SKALA_PREDIKAT_SAKIP

    @property
    def predikat(self) -> Pita | None:
        return kinerja.predikat_sakip(self.nilai.angka, self.skala) if self.nilai else None

    @property
    def teks(self) -> str:
        return format_nilai(self.nilai)

    @property
    def label_sumber(self) -> str:
        return LABEL_SUMBER_NILAI_SAKIP.get(self.sumber, "")


def _nilai_sakip(lhe: EvaluasiAKIP | None, realisasi, skala: kinerja.Skala) -> NilaiSakip:
    """The rule: a scored LHE is the Nilai SAKIP (laporan.evaluasi writes it as the year's
    realisasi, and the realisasi page refuses typing over it); without one, the annual
    realisasi loaded or typed for the measure. Its predikat is read on ``skala``, the year's."""
    hasil = ringkasan_akip(lhe, skala=skala).hasil if lhe is not None else None
    if hasil is not None:
        sumber = lhe.judul + (f", surat Nomor {lhe.nomor_surat}" if lhe.nomor_surat else "")
        return NilaiSakip(
            Nilai(kinerja.bulatkan(hasil.nilai, 2), hasil.predikat.kode),
            SumberNilaiSakip.LHE,
            sumber,
            skala,
        )
    if realisasi is not None:
        return NilaiSakip(
            Nilai(realisasi.nilai, realisasi.huruf or None),
            SumberNilaiSakip.DATA,
            realisasi.catatan_sumber,
            skala,
        )
    return NilaiSakip(None, skala=skala)


def nilai_sakip_kabupaten(
    *,
    kecamatan: Iterable[Kecamatan],
    tahun: int,
    lhe: dict[int, EvaluasiAKIP] | None = None,
    skala: Mapping[int, kinerja.Skala] | None = None,
) -> dict[int, NilaiSakip]:
    """Kecamatan id → its Nilai SAKIP of ``tahun``, for every one of ``kecamatan`` (already
    scoped to the user). Three queries whatever their number (one when ``lhe``, the year's
    LHE per kecamatan id with their scores prefetched, is given), and two per kabupaten for
    its predikat scale of the year (none when ``skala``, kabupaten id → that scale as
    ``skala_predikat`` reads it, is given: the dashboard has read the year's scales)."""
    kecamatan = list(kecamatan)
    ids = [k.id for k in kecamatan]
    skala = dict(skala or {})
    for kab_id in {k.kabupaten_id for k in kecamatan} - set(skala):
        skala[kab_id] = skala_predikat(kabupaten_id=kab_id, tahun=tahun)
    if lhe is None:
        lhe = {
            e.kecamatan_id: e
            for e in EvaluasiAKIP.objects.filter(kecamatan_id__in=ids, tahun=tahun)
            .prefetch_related("skor")
            .order_by()  # a dict: no join to sort by names
        }
    realisasi = realisasi_tahunan_kode(kecamatan_ids=ids, kode=KODE_UKURAN_NILAI_SAKIP, tahun=tahun)
    return {
        k.id: _nilai_sakip(lhe.get(k.id), realisasi.get(k.id), skala[k.kabupaten_id])
        for k in kecamatan
    }


def nilai_sakip(*, kecamatan: Kecamatan, tahun: int) -> NilaiSakip:
    """The Nilai SAKIP of one kecamatan and year (see ``nilai_sakip_kabupaten``)."""
    return nilai_sakip_kabupaten(kecamatan=[kecamatan], tahun=tahun)[kecamatan.id]


def nilai_sakip_lhe(
    *, kecamatan: Iterable[Kecamatan], tahun: int
) -> dict[int, NilaiTurunan | None]:
    """Kecamatan id → the Nilai SAKIP of ``tahun`` for an indicator computed from the LHE
    (``Indikator.sumber_realisasi`` nilai_sakip): the year's scored LHE by the rule above, None
    without one (a loaded or typed realisasi is not an LHE); every kecamatan of ``kecamatan``
    in the queries of ``nilai_sakip_kabupaten``. Registered with perjanjian in the
    AppConfig.ready: the capaian assembly sits below this app."""
    return {
        kid: (
            NilaiTurunan(n.nilai.angka, f"Dihitung dari {n.keterangan}", n.nilai.huruf or "")
            if n.sumber == SumberNilaiSakip.LHE
            else None
        )
        for kid, n in nilai_sakip_kabupaten(kecamatan=kecamatan, tahun=tahun).items()
    }


class BarisEvaluasi(NamedTuple):
    """One kecamatan of the kabupaten's LHE overview (a tuple, so the template unpacks it)."""

    kecamatan: Kecamatan
    lhe: EvaluasiAKIP | None
    nilai_sakip: NilaiSakip
    lkip: LaporanKinerja | None


def evaluasi_kabupaten(*, kecamatan: Iterable[Kecamatan], tahun: int) -> list[BarisEvaluasi]:
    """For each of ``kecamatan`` (already scoped to what the user sees), its LHE of the year,
    its Nilai SAKIP with its source, and its LKIP of the year: four queries, whatever the
    number of kecamatan."""
    kecamatan = list(kecamatan)
    lhe = {
        e.kecamatan_id: e
        for e in EvaluasiAKIP.objects.filter(kecamatan__in=kecamatan, tahun=tahun)
        .annotate(jumlah_rekomendasi=Count("rekomendasi"))
        .prefetch_related("skor")
    }
    nilai = nilai_sakip_kabupaten(kecamatan=kecamatan, tahun=tahun, lhe=lhe)
    lkip = {
        lap.kecamatan_id: lap
        for lap in LaporanKinerja.objects.filter(kecamatan__in=kecamatan, tahun=tahun)
    }
    return [BarisEvaluasi(k, lhe.get(k.id), nilai[k.id], lkip.get(k.id)) for k in kecamatan]


class PekerjaanEvaluasi(NamedTuple):
    """One task of the Inspektorat's list: what to do, where."""

    pesan: str
    tautan: str


def pekerjaan_inspektorat(*, baris: list[BarisEvaluasi], tahun: int) -> list[PekerjaanEvaluasi]:
    """The Inspektorat's work of the year, from the overview's rows (no query): the draft LKIPs
    not yet reviewed (a reviu precedes the camat's approval), then the approved LKIPs whose LHE
    is not recorded (the evaluation reads the approved LKIP)."""
    reviu = [
        PekerjaanEvaluasi(
            f"Reviu LKIP {tahun} Kecamatan {b.kecamatan.nama}",
            reverse("laporan:lkip", args=[b.kecamatan.slug, tahun]),
        )
        for b in baris
        if b.lkip and b.lkip.status == LaporanKinerja.Status.DRAFT and not b.lkip.direviu_pada
    ]
    evaluasi = [
        PekerjaanEvaluasi(
            f"Catat LHE {tahun} Kecamatan {b.kecamatan.nama} (LKIP sudah ditetapkan)",
            reverse("laporan:evaluasi", args=[b.kecamatan.slug, tahun]),
        )
        for b in baris
        if b.lkip and b.lkip.status == LaporanKinerja.Status.DITETAPKAN and not b.lhe
    ]
    return reviu + evaluasi


def versi_terakhir(*, laporan: LaporanKinerja) -> VersiLKIP | None:
    """The latest approved version of the LKIP with its document (printed or still queued)."""
    return (
        VersiLKIP.objects.filter(laporan=laporan)
        .select_related("dokumen")
        .order_by("-nomor")
        .first()
    )
