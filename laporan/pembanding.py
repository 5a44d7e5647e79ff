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
one assembly with the kabupaten dashboard (``perjanjian.selectors.capaian_kabupaten``), so a
derived measure (``Indikator.sumber_realisasi``) is compared by its computed value, as every
kecamatan's own tables show it; the average comes from ``sakip.kinerja.rata_rata``, the rank
from ``sakip.kinerja.peringkat`` (which the dashboard uses too).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from iku.models import Indikator
from iku.selectors import nama_ukuran
from kecamatan.selectors import kecamatan_kabupaten
from perjanjian.selectors import capaian_kabupaten
from sakip import kinerja
from sakip.kinerja import Nilai, Polaritas

from .models import TargetPembanding

MINIMAL_PEMBANDING = 3


@dataclass(frozen=True)
class _Ukuran:
    """A measure as ``capaian_kabupaten`` reads it (``UkuranBersama``), from its first indicator."""

    id: int
    satuan: str
    skala_kategori: str


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

    The realisasi of every kecamatan from ``capaian_kabupaten`` (against the PK in force of
    each; a derived measure by its computed value), then one query each for the kecamatan's
    names, the measures' names and the national / provincial targets. The polarity and unit
    of the first indicator of a measure are used (two indicators of one measure, such as IKM
    in both Renstra of 2025, agree on them).
    """
    per_ukuran: dict[int, Indikator] = {}
    for ind in indikator:
        per_ukuran.setdefault(ind.ukuran_id, ind)
    if not per_ukuran:
        return {}
    sekabupaten = kecamatan_kabupaten(kabupaten_id=kecamatan.kabupaten_id)
    rakitan = capaian_kabupaten(
        kecamatan=sekabupaten,
        kabupaten_id=kecamatan.kabupaten_id,
        tahun=tahun,
        ukuran=[_Ukuran(u, i.satuan, i.skala_kategori) for u, i in per_ukuran.items()],
    )
    nama_kecamatan = dict(sekabupaten.order_by().values_list("id", "nama"))
    nama = nama_ukuran(ukuran_ids=per_ukuran)
    nilai: dict[int, list[NilaiKecamatan]] = {u: [] for u in per_ukuran}
    for (kid, uid), sel in rakitan.sel.items():
        if sel.realisasi is not None and sel.realisasi.angka is not None:
            nilai[uid].append(
                NilaiKecamatan(
                    kecamatan_id=kid,
                    kecamatan=f"Kecamatan {nama_kecamatan[kid]}",
                    nilai=sel.realisasi,
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
            ukuran=nama.get(u, ind.nama),
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
