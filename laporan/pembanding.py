"""Benchmark (point d of the LKIP analysis): a kecamatan against the other kecamatan of its
kabupaten on the same measure (``Ukuran``) and year.

Beside it, a national or provincial target of the same measure and year (``TargetPembanding``,
e.g. the national average Nilai SAKIP of the KemenPANRB Renstra): the seed's "(Benchmark) Target
Nasional/ Regional" column and point d compare against it; the capaian against it is
``sakip.kinerja.capaian`` as for any target.

The seeds write "tidak ada data untuk benchmark"; a system holding every kecamatan can compare
their yearly realisasi instead. A comparison is only drawn when at least
``MINIMAL_PEMBANDING`` kecamatan have a realisasi: an "average" of one or two values, or a rank
"1 of 2", tells a reader nothing. The yearly realisasi of all measures of a report is read in
one query; the average comes from ``sakip.kinerja.rata_rata``, the rank from
``sakip.kinerja.peringkat`` (which the dashboard uses too).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from iku.models import Indikator
from perjanjian.selectors import nilai_indikator, realisasi_tahunan_kabupaten
from sakip import kinerja
from sakip.kinerja import Nilai, Polaritas

from .models import TargetPembanding

MINIMAL_PEMBANDING = 3


@dataclass(frozen=True)
class NilaiKecamatan:
    kecamatan_id: int
    kecamatan: str  # "Kecamatan Kencong"
    nilai: Nilai


@dataclass(frozen=True)
class TargetLuar:
    """A national or provincial target of the measure for the year, and the kecamatan's
    realisasi against it (None when it has no realisasi)."""

    tingkat: str  # "nasional", "provinsi"
    nilai: Decimal
    keterangan: str
    sumber: str
    capaian: Decimal | None

    @property
    def tercapai(self) -> bool | None:
        if self.capaian is None:
            return None
        return self.capaian >= 100

    @property
    def dilampaui(self) -> bool:
        return self.capaian is not None and self.capaian > 100


@dataclass(frozen=True)
class Pembanding:
    """The yearly realisasi of one measure across the kabupaten, best first."""

    ukuran: str
    tahun: int
    polaritas: Polaritas
    kecamatan_id: int  # the kecamatan the report is about
    urutan: tuple[NilaiKecamatan, ...]
    minimal: int = MINIMAL_PEMBANDING
    target_luar: tuple[TargetLuar, ...] = ()

    @property
    def jumlah(self) -> int:
        return len(self.urutan)

    @property
    def cukup(self) -> bool:
        return self.jumlah >= self.minimal

    @property
    def rata_rata(self) -> Decimal | None:
        """The kabupaten average; None when there are too few kecamatan to compare."""
        if not self.cukup:
            return None
        return kinerja.rata_rata(n.nilai.angka for n in self.urutan)

    @property
    def sendiri(self) -> NilaiKecamatan | None:
        return next((n for n in self.urutan if n.kecamatan_id == self.kecamatan_id), None)

    @property
    def peringkat_semua(self) -> dict[int, int]:
        """Rank of every kecamatan compared (1 = best, ties share: 1, 2, 2, 4,
        ``sakip.kinerja.peringkat``); empty when too few kecamatan have a value."""
        if not self.cukup:
            return {}
        rank = kinerja.peringkat([n.nilai.angka for n in self.urutan], self.polaritas)
        return {n.kecamatan_id: r for n, r in zip(self.urutan, rank, strict=True)}

    @property
    def peringkat(self) -> int | None:
        """The rank of the kecamatan the report is about; None when it has no value or too
        few kecamatan have one."""
        return self.peringkat_semua.get(self.kecamatan_id)

    @property
    def terbaik(self) -> tuple[NilaiKecamatan, ...]:
        """Every kecamatan holding the best value (usually one)."""
        if not self.cukup:
            return ()
        puncak = self.urutan[0].nilai.angka
        return tuple(n for n in self.urutan if n.nilai.angka == puncak)


def urutkan(nilai: Iterable[NilaiKecamatan], polaritas: Polaritas | str) -> tuple:
    """Best first, in the order of ``sakip.kinerja.peringkat``; ties by name, so the order (and
    the printed document) never depends on the database's row order."""
    daftar = list(nilai)
    rank = kinerja.peringkat([n.nilai.angka for n in daftar], polaritas)
    return tuple(
        n for _, n in sorted(zip(rank, daftar, strict=True), key=lambda x: (x[0], x[1].kecamatan))
    )


def pembanding_tahunan(
    *, kecamatan, tahun: int, indikator: Iterable[Indikator]
) -> dict[int, Pembanding]:
    """Per measure (``ukuran_id``) of the given indicators, the comparison for ``tahun``.

    One query for all measures' realisasi, one for their national / provincial targets. The
    polarity and unit of the first indicator of a measure are used (two indicators of one
    measure, such as IKM in both Renstra of 2025, agree on them).
    """
    per_ukuran: dict[int, Indikator] = {}
    for ind in indikator:
        per_ukuran.setdefault(ind.ukuran_id, ind)
    if not per_ukuran:
        return {}
    baris = realisasi_tahunan_kabupaten(
        kabupaten_id=kecamatan.kabupaten_id, ukuran_ids=per_ukuran, tahun=tahun
    )
    nilai: dict[int, list[NilaiKecamatan]] = {u: [] for u in per_ukuran}
    nama_ukuran: dict[int, str] = {}
    for r in baris:
        nama_ukuran[r.ukuran_id] = r.ukuran.nama
        nilai[r.ukuran_id].append(
            NilaiKecamatan(
                kecamatan_id=r.kecamatan_id,
                kecamatan=f"Kecamatan {r.kecamatan.nama}",
                nilai=nilai_indikator(per_ukuran[r.ukuran_id], r.nilai, r.huruf),
            )
        )
    target: dict[int, list[TargetPembanding]] = {u: [] for u in per_ukuran}
    for t in TargetPembanding.objects.filter(ukuran_id__in=list(per_ukuran), tahun=tahun).order_by(
        "ukuran_id", "tingkat"
    ):
        target[t.ukuran_id].append(t)
    sendiri = {
        u: next((n.nilai.angka for n in daftar if n.kecamatan_id == kecamatan.id), None)
        for u, daftar in nilai.items()
    }
    return {
        u: Pembanding(
            ukuran=nama_ukuran.get(u, ind.nama),
            tahun=tahun,
            polaritas=Polaritas(ind.polaritas),
            kecamatan_id=kecamatan.id,
            urutan=urutkan(nilai[u], ind.polaritas),
            target_luar=tuple(
                TargetLuar(
                    tingkat=t.tingkat,
                    nilai=t.nilai,
                    keterangan=t.keterangan,
                    sumber=t.sumber,
                    capaian=kinerja.capaian(t.nilai, sendiri[u], ind.polaritas, ind.metode_negatif),
                )
                for t in target[u]
            ),
        )
        for u, ind in per_ukuran.items()
    }
