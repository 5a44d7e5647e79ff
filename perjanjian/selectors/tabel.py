"""Selector: the capaian table of a Perjanjian Kinerja (Tabel 3.2 / 3.8) and its efficiency
analysis (Tabel 3.7 / 3.12), loaded in a bounded number of queries and computed by
sakip.kinerja. Templates, the PDF and the `capaian` command only format what comes out.

The rows themselves (target in force, realisasi, capaian, kriteria, the mean per sasaran) are
``perjanjian.selectors.capaian_kecamatan``'s, the same every other page shows; this module adds
what only the LKIP prints beside them (baseline, trend, end target, category, efficiency).
"""

from dataclasses import dataclass
from decimal import Decimal

from iku.models import Indikator, Sasaran
from kecamatan.models import Kecamatan
from perjanjian.models import PerjanjianKinerja
from perjanjian.selectors.anggaran import Jumlah, PohonAnggaran, Simpul, pohon_anggaran
from perjanjian.selectors.capaian import (
    CapaianIndikator,
    CapaianKecamatan,
    TitikTren,
    capaian_kecamatan,
    nilai_indikator,
)
from sakip import kinerja
from sakip.kinerja import Nilai, Pita


@dataclass(frozen=True)
class BarisCapaian:
    nomor: int
    tingkat: str  # "Tujuan 1" or "Sasaran 1.2"
    uraian: str  # the tujuan or sasaran the indicator measures
    sasaran: Sasaran | None
    indikator: Indikator
    baseline: Nilai | None
    target: Nilai
    realisasi: Nilai | None
    capaian: Decimal | None
    kriteria: Pita | None
    kategori: Pita | None  # the realisasi on the indicator's own scale (IKM, IPP, predikat)
    titik_tren: tuple[TitikTren, ...]  # CapaianKecamatan.tren: the years before, then this one
    tahun_target_akhir: int
    target_akhir: Nilai | None
    capaian_target_akhir: Decimal | None
    sumber: str = ""  # a derived measure: "Dihitung dari …" (CapaianIndikator.sumber)

    @property
    def tercapai(self) -> bool:
        return self.capaian is not None and self.capaian >= 100


@dataclass(frozen=True)
class BarisEfisiensi:
    sasaran: Sasaran
    indikator: tuple[BarisCapaian, ...]
    capaian_kinerja: Decimal | None  # rata-rata capaian of the sasaran's indicators
    kriteria: Pita | None  # the band of that mean
    program: tuple[Simpul, ...]
    anggaran: Jumlah
    hasil: kinerja.HasilEfisiensi


@dataclass(frozen=True)
class TabelCapaian:
    perjanjian: PerjanjianKinerja
    baris: tuple[BarisCapaian, ...]
    ketercapaian: kinerja.Ketercapaian
    efisiensi: tuple[BarisEfisiensi, ...]
    anggaran: PohonAnggaran


def tabel_capaian(
    *,
    perjanjian: PerjanjianKinerja,
    capaian: CapaianKecamatan,
    anggaran: PohonAnggaran,
) -> TabelCapaian:
    """Tabel 3.2 / 3.8 of one PK: the selector's rows (target, realisasi, capaian, kriteria)
    with what only the LKIP prints beside them (baseline, trend, end target, category)."""
    tahun_akhir = perjanjian.renstra.tahun_akhir
    baris = [
        _baris_lkip(nomor, c, tahun_akhir, capaian.tren(c))
        for nomor, c in enumerate(capaian.untuk(perjanjian), start=1)
    ]
    return TabelCapaian(
        perjanjian=perjanjian,
        baris=tuple(baris),
        ketercapaian=kinerja.hitung_tercapai(b.capaian for b in baris),
        efisiensi=_efisiensi(capaian, perjanjian, baris, anggaran),
        anggaran=anggaran,
    )


def _baris_lkip(
    nomor: int, c: CapaianIndikator, tahun_akhir: int, titik_tren: tuple[TitikTren, ...]
) -> "BarisCapaian":
    ind = c.indikator
    nilai_r = c.realisasi
    hitung = {"polaritas": ind.polaritas, "metode": ind.metode_negatif}
    akhir = target_akhir_renstra(ind, tahun_akhir)
    return BarisCapaian(
        nomor=nomor,
        tingkat=c.tingkat,
        uraian=c.uraian,
        sasaran=ind.sasaran,
        indikator=ind,
        baseline=nilai_indikator(ind, ind.baseline, ind.baseline_huruf),
        target=c.target,
        realisasi=nilai_r,
        capaian=c.capaian,
        kriteria=c.kriteria,
        kategori=c.kategori,
        titik_tren=titik_tren,
        tahun_target_akhir=tahun_akhir,
        target_akhir=akhir,
        capaian_target_akhir=kinerja.capaian_terhadap_target_akhir(
            akhir.angka if akhir else None, nilai_r.angka if nilai_r else None, **hitung
        ),
        sumber=c.sumber,
    )


def target_akhir_renstra(indikator: Indikator, tahun_akhir: int) -> Nilai | None:
    """The Renstra end target; when none was entered, the target of the Renstra's last year."""
    if indikator.target_akhir is not None:
        return nilai_indikator(indikator, indikator.target_akhir, indikator.target_akhir_huruf)
    for t in indikator.target.all():
        if t.tahun == tahun_akhir:
            return nilai_indikator(indikator, t.nilai, t.huruf)
    return None


def _efisiensi(
    capaian: CapaianKecamatan,
    perjanjian: PerjanjianKinerja,
    baris: list[BarisCapaian],
    anggaran: PohonAnggaran,
) -> tuple[BarisEfisiensi, ...]:
    """Tabel 3.7 / 3.12: per sasaran of the PK (tujuan indicators are not analysed), the mean
    capaian of its indicators (``capaian_sasaran``) against the absorption of the programs
    that support it."""
    per_indikator = {b.indikator.id: b for b in baris}
    hasil = []
    for s in capaian.sasaran(perjanjian):
        program = anggaran.untuk_sasaran(s.sasaran.id)
        jumlah = Jumlah.dari([p.jumlah for p in program])
        hasil.append(
            BarisEfisiensi(
                sasaran=s.sasaran,
                indikator=tuple(per_indikator[c.indikator.id] for c in s.indikator),
                capaian_kinerja=s.rata_rata,
                kriteria=s.kriteria,
                program=tuple(program),
                anggaran=jumlah,
                hasil=kinerja.efisiensi(s.rata_rata, jumlah.serapan),
            )
        )
    return tuple(hasil)


def capaian_tahunan(
    *, kecamatan: Kecamatan, tahun: int, capaian: CapaianKecamatan | None = None
) -> list[TabelCapaian]:
    """Every PK of the year (awal first, then perubahan), sharing one budget tree. Pass the
    year's ``capaian_kecamatan(..., lengkap=True)`` when it is already loaded."""
    if capaian is None:
        capaian = capaian_kecamatan(kecamatan=kecamatan, tahun=tahun, lengkap=True)
    anggaran = pohon_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    return [
        tabel_capaian(perjanjian=p, capaian=capaian, anggaran=anggaran) for p in capaian.perjanjian
    ]
