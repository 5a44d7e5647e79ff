"""Selector: the budget tree of a kecamatan and year, with every total computed.

Only sub kegiatan carry amounts; the kegiatan, program and grand totals are sums made here,
so Tabel 2.7, 2.8, 2.9, 3.7, 3.12 and 3.13 of an LKIP all read the same numbers.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum

from iku.models import Sasaran
from perjanjian.models import (
    Kegiatan,
    PelaporanRealisasi,
    Periode,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from sakip import kinerja


@dataclass(frozen=True)
class Jumlah:
    pagu_awal: Decimal | None
    pagu_pergeseran: Decimal | None
    pagu_perubahan: Decimal | None
    realisasi: Decimal | None

    @classmethod
    def dari(cls, bagian: list["Jumlah"]) -> "Jumlah":
        return cls(
            *(kinerja.jumlahkan(getattr(j, f) for j in bagian) for f in cls.__dataclass_fields__)
        )

    @property
    def pagu_akhir(self) -> Decimal | None:
        """The budget in force at the end of the year: after the change, else after the
        pergeseran, else the original one. Realisasi is measured against it."""
        for pagu in (self.pagu_perubahan, self.pagu_pergeseran, self.pagu_awal):
            if pagu is not None:
                return pagu
        return None

    @property
    def bertambah_berkurang(self) -> Decimal | None:
        """Column 6 of Tabel 2.9: after the change minus after the pergeseran."""
        return kinerja.selisih(self.pagu_perubahan, self.pagu_pergeseran)

    @property
    def serapan(self) -> Decimal | None:
        return kinerja.serapan(self.pagu_akhir, self.realisasi)

    def pagu(self, kolom: str) -> Decimal | None:
        return getattr(self, kolom)


@dataclass
class Simpul:
    """A program, kegiatan or sub kegiatan with its totals and children."""

    objek: Program | Kegiatan | SubKegiatan
    tingkat: str
    jumlah: Jumlah
    anak: list["Simpul"] = field(default_factory=list)


@dataclass
class PohonAnggaran:
    program: list[Simpul]
    total: Jumlah

    def baris(self) -> list[Simpul]:
        """Every node in document order (program, its kegiatan, their sub kegiatan)."""
        hasil = []
        for p in self.program:
            hasil.append(p)
            for k in p.anak:
                hasil.append(k)
                hasil.extend(k.anak)
        return hasil

    def untuk_sasaran(self, sasaran_id: int) -> list[Simpul]:
        return [p for p in self.program if any(s.id == sasaran_id for s in p.objek.sasaran.all())]


def _jumlah_sub(sub: SubKegiatan) -> Jumlah:
    realisasi = {r.periode: r.jumlah for r in sub.realisasi.all()}
    return Jumlah(
        pagu_awal=sub.pagu_awal,
        pagu_pergeseran=sub.pagu_pergeseran,
        pagu_perubahan=sub.pagu_perubahan,
        realisasi=kinerja.realisasi_anggaran_tahunan(
            realisasi.get(Periode.TAHUNAN),
            [realisasi.get(p) for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4)],
        ),
    )


def pohon_anggaran(*, kecamatan_id: int, tahun: int) -> PohonAnggaran:
    """The whole tree in five queries, however many programs and sub kegiatan there are."""
    program = (
        Program.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .order_by("kode")
        .prefetch_related(
            "sasaran",
            Prefetch("kegiatan", queryset=Kegiatan.objects.order_by("kode")),
            Prefetch("kegiatan__sub_kegiatan", queryset=SubKegiatan.objects.order_by("kode")),
            "kegiatan__sub_kegiatan__realisasi",
        )
    )
    simpul_program = []
    for p in program:
        simpul_kegiatan = []
        for k in p.kegiatan.all():
            simpul_sub = [Simpul(s, "sub_kegiatan", _jumlah_sub(s)) for s in k.sub_kegiatan.all()]
            simpul_kegiatan.append(
                Simpul(k, "kegiatan", Jumlah.dari([s.jumlah for s in simpul_sub]), simpul_sub)
            )
        simpul_program.append(
            Simpul(p, "program", Jumlah.dari([k.jumlah for k in simpul_kegiatan]), simpul_kegiatan)
        )
    return PohonAnggaran(simpul_program, Jumlah.dari([p.jumlah for p in simpul_program]))


def kunci_anggaran(*, kecamatan_id: int, tahun: int) -> dict[str, str]:
    """The budget cells of a year that can no longer change (column or period → the reason
    shown beside them), for the page, its form and the Excel import. Which ones is asked of
    the models' own lock rules (SubKegiatan.pagu_dijanjikan: the column a ditetapkan PK
    promises; PelaporanRealisasi.periode_terverifikasi), the ones their guards refuse with."""
    kunci = {
        kolom: f"Dijanjikan dalam {perjanjian} yang sudah ditetapkan."
        for kolom, perjanjian in SubKegiatan.pagu_dijanjikan(
            kecamatan_id=kecamatan_id, tahun=tahun
        ).items()
    }
    for periode in PelaporanRealisasi.periode_terverifikasi(kecamatan_id=kecamatan_id, tahun=tahun):
        kunci[periode] = f"Realisasi {Periode(periode).label} {tahun} sudah diverifikasi Bappeda."
    return kunci


def sasaran_program(*, program_ids: Iterable[int]) -> dict[int, list[Sasaran]]:
    """The sasaran each program supports, with their tujuan and Renstra, in one query."""
    hasil: dict[int, list[Sasaran]] = {}
    for link in Program.sasaran.through.objects.filter(
        program_id__in=list(program_ids)
    ).select_related("sasaran__tujuan__renstra"):
        hasil.setdefault(link.program_id, []).append(link.sasaran)
    return hasil


@dataclass(frozen=True)
class AnggaranPeriode:
    """The budget realisation of one period: how many sub kegiatan of the year have it, and
    its total (what a confirmation before submitting or verifying the period says)."""

    jumlah_sub: int
    terisi: int
    total: Decimal

    @property
    def kosong(self) -> int:
        return self.jumlah_sub - self.terisi


def anggaran_periode(*, kecamatan_id: int, tahun: int, periode: str) -> AnggaranPeriode:
    """Two queries, however many sub kegiatan."""
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan_id=kecamatan_id, kegiatan__program__tahun=tahun
    )
    isi = RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub, periode=periode).aggregate(
        n=Count("id"), total=Sum("jumlah")
    )
    return AnggaranPeriode(
        jumlah_sub=sub.count(), terisi=isi["n"], total=isi["total"] or Decimal(0)
    )
