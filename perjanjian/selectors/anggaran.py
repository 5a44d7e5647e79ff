"""Selector: the budget tree of a kecamatan and year, with every total computed.

Only sub kegiatan carry amounts; the kegiatan, program and grand totals are sums made here,
so Tabel 2.7, 2.8, 2.9, 3.7, 3.12 and 3.13 of an LKIP all read the same numbers.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from iku.models import Sasaran
from iku.selectors import sasaran_beserta_renstra
from kecamatan.models import Kecamatan
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
        """The budget that serves a sasaran, each rupiah once: per program, the kegiatan
        linked to it (a kegiatan without links of its own serves all its program's sasaran),
        with the program's totals cut down to those kegiatan. A program serving the sasaran
        whole keeps its node; one without kegiatan counts by its own links. The efficiency
        table (Tabel 3.7 / 3.12), the LKIP's supporting programs (Tabel 3.3) and every other
        budget per sasaran read this."""
        hasil = []
        for p in self.program:
            milik_program = {s.id for s in p.objek.sasaran.all()}
            if not p.anak:
                if sasaran_id in milik_program:
                    hasil.append(p)
                continue
            anak = [k for k in p.anak if sasaran_id in sasaran_kegiatan(k, milik_program)]
            if len(anak) == len(p.anak):
                hasil.append(p)
            elif anak:
                jumlah = Jumlah.dari([k.jumlah for k in anak])
                hasil.append(Simpul(p.objek, p.tingkat, jumlah, anak))
        return hasil

    def rincian_belanja(self) -> tuple["BarisBelanja", ...]:
        """The year's pagu in force and realisasi split by kind of spending (the LKIP's
        budget section and the budget page); empty while no sub kegiatan has a kind."""
        return tuple(
            BarisBelanja(LABEL_JENIS_BELANJA.get(b.jenis, "Jenis belanja belum dipilih"), b)
            for b in kinerja.rincian_belanja(
                (s.objek.jenis_belanja, s.jumlah.pagu_akhir, s.jumlah.realisasi)
                for s in self.baris()
                if s.tingkat == "sub_kegiatan"
            )
        )


LABEL_JENIS_BELANJA = dict(SubKegiatan._meta.get_field("jenis_belanja").choices)


@dataclass(frozen=True)
class BarisBelanja:
    label: str  # "Belanja operasi"
    bagian: kinerja.BagianBelanja

    @property
    def pagu(self) -> Decimal | None:
        return self.bagian.pagu

    @property
    def realisasi(self) -> Decimal | None:
        return self.bagian.realisasi

    @property
    def serapan(self) -> Decimal | None:
        return self.bagian.serapan


def kegiatan_terhitung_ganda(program: Simpul) -> tuple[str, ...]:
    """The codes of a program's kegiatan whose rupiah count for two sasaran of one Renstra:
    the program links several of them and the kegiatan has no link of its own (data from
    before kegiatan-level links). The budget page asks the kecamatan to link them."""
    per_renstra = Counter(s.tujuan.renstra_id for s in program.objek.sasaran.all())
    if max(per_renstra.values(), default=0) < 2:
        return ()
    return tuple(k.objek.kode for k in program.anak if not k.objek.sasaran.all())


def sasaran_kegiatan(kegiatan: Simpul, milik_program: set[int]) -> set[int]:
    """The sasaran ids a kegiatan node serves: its own links, else its program's."""
    return {s.id for s in kegiatan.objek.sasaran.all()} or milik_program


def simpul_sub(sub: SubKegiatan) -> Simpul:
    """A sub kegiatan (its ``realisasi`` prefetched) as a node of the tree, with its totals."""
    return Simpul(sub, "sub_kegiatan", _jumlah_sub(sub))


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
    """The whole tree in six queries, however many programs and sub kegiatan there are."""
    program = (
        Program.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .order_by("kode")
        .prefetch_related(
            Prefetch("sasaran", queryset=sasaran_beserta_renstra()),
            Prefetch("kegiatan", queryset=Kegiatan.objects.order_by("kode")),
            Prefetch("kegiatan__sasaran", queryset=sasaran_beserta_renstra()),
            Prefetch("kegiatan__sub_kegiatan", queryset=SubKegiatan.objects.order_by("kode")),
            "kegiatan__sub_kegiatan__realisasi",
        )
    )
    simpul_program = []
    for p in program:
        simpul_kegiatan = []
        for k in p.kegiatan.all():
            anak = [simpul_sub(s) for s in k.sub_kegiatan.all()]
            simpul_kegiatan.append(
                Simpul(k, "kegiatan", Jumlah.dari([s.jumlah for s in anak]), anak)
            )
        simpul_program.append(
            Simpul(p, "program", Jumlah.dari([k.jumlah for k in simpul_kegiatan]), simpul_kegiatan)
        )
    return PohonAnggaran(simpul_program, Jumlah.dari([p.jumlah for p in simpul_program]))


def kunci_anggaran(*, kecamatan_id: int, tahun: int) -> dict[str, str]:
    """The budget cells of a year that can no longer change (column or period → the reason
    shown beside them), for the page, its form, its service and the Excel import. Which ones
    is asked of the models' own rules (SubKegiatan.pagu_dijanjikan: the column a ditetapkan
    PK promises; RealisasiAnggaran.periode_tertutup: a period diajukan to Bappeda or verified,
    whose budget realisasi is part of what Bappeda verifies)."""
    kunci = {
        kolom: f"Dijanjikan dalam {perjanjian} yang sudah ditetapkan."
        for kolom, perjanjian in SubKegiatan.pagu_dijanjikan(
            kecamatan_id=kecamatan_id, tahun=tahun
        ).items()
    }
    for periode, (_, alasan) in RealisasiAnggaran.periode_tertutup(
        kecamatan_id=kecamatan_id, tahun=tahun
    ).items():
        kunci[periode] = alasan
    return kunci


# --- the budget realisasi of a period ----------------------------------------------------------


def alasan_anggaran_periode(
    *, kecamatan: Kecamatan, tahun: int, periode: str, status: dict[str, str] | None = None
) -> str | None:
    """Why the budget realisasi of the period cannot change now (diajukan or verified, its own
    report or the Tahunan one); None while the kecamatan may fill it (one query, none when
    the year's status per period is given, as ``status_periode`` reads it)."""
    tertutup = RealisasiAnggaran.periode_tertutup(
        kecamatan_id=kecamatan.id, tahun=tahun, status=status
    )
    return tertutup.get(Periode(periode).value, (None, None))[1]


def realisasi_sub_periode(sub: SubKegiatan, periode: str) -> Decimal | None:
    """A sub kegiatan's budget realisasi of one period (its ``realisasi`` prefetched): the
    quarter's figure, or for Tahunan the year's (the annual figure, else the quarters' sum,
    as Tabel 3.12 counts it)."""
    ada = {r.periode: r.jumlah for r in sub.realisasi.all()}
    if periode != Periode.TAHUNAN:
        return ada.get(periode)
    return kinerja.realisasi_anggaran_tahunan(
        ada.get(Periode.TAHUNAN),
        [ada.get(p) for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4)],
    )


@dataclass(frozen=True)
class AnggaranProgramPeriode:
    program: Program
    terisi: int  # sub kegiatan with a budget realisasi of the period
    jumlah_sub: int
    realisasi: Decimal | None
    pagu: Decimal | None  # the pagu in force (pagu_akhir) of its sub kegiatan

    @property
    def serapan(self) -> Decimal | None:
        return kinerja.serapan(self.pagu, self.realisasi)


@dataclass(frozen=True)
class AnggaranPeriode:
    """The budget realisasi of one period, part of that period's report: how many sub
    kegiatan have it, its sum and the pagu it is measured against, in total and per program.
    The realisasi page, the verification queue, the beranda and the confirmation before a
    workflow step read it."""

    periode: Periode
    terisi: int
    jumlah_sub: int
    realisasi: Decimal | None
    pagu: Decimal | None
    program: list[AnggaranProgramPeriode] = field(default_factory=list)

    @property
    def ada_sub(self) -> bool:
        return self.jumlah_sub > 0

    @property
    def lengkap(self) -> bool:
        return self.terisi >= self.jumlah_sub

    @property
    def belum_terisi(self) -> int:
        return self.jumlah_sub - self.terisi

    @property
    def serapan(self) -> Decimal | None:
        return kinerja.serapan(self.pagu, self.realisasi)


def _ringkas(periode: str, sub_kegiatan: list[SubKegiatan]) -> AnggaranPeriode:
    per_program: dict[int, list[SubKegiatan]] = {}
    program: dict[int, Program] = {}
    for s in sub_kegiatan:
        p = s.kegiatan.program
        program[p.id] = p
        per_program.setdefault(p.id, []).append(s)

    def jumlah(daftar: list[SubKegiatan]) -> tuple[int, Decimal | None, Decimal | None]:
        realisasi = [realisasi_sub_periode(s, periode) for s in daftar]
        pagu = [
            Jumlah(s.pagu_awal, s.pagu_pergeseran, s.pagu_perubahan, None).pagu_akhir
            for s in daftar
        ]
        terisi = sum(1 for r in realisasi if r is not None)
        return terisi, kinerja.jumlahkan(realisasi), kinerja.jumlahkan(pagu)

    baris = []
    for pid, daftar in per_program.items():
        terisi, realisasi, pagu = jumlah(daftar)
        baris.append(AnggaranProgramPeriode(program[pid], terisi, len(daftar), realisasi, pagu))
    terisi, realisasi, pagu = jumlah(sub_kegiatan)
    return AnggaranPeriode(Periode(periode), terisi, len(sub_kegiatan), realisasi, pagu, baris)


def _sub_kegiatan(kondisi: Q) -> list[SubKegiatan]:
    return list(
        SubKegiatan.objects.filter(kondisi)
        .select_related("kegiatan__program")
        # Read by period: RealisasiAnggaran.Meta.ordering's sub kegiatan would go through the
        # program's own ordering, joining the kecamatan and kabupaten to sort by their names.
        .prefetch_related(Prefetch("realisasi", RealisasiAnggaran.objects.order_by("periode")))
        .order_by("kegiatan__program__kode", "kegiatan__kode", "kode")
    )


def sub_kegiatan_tahun(*, kecamatan_id: int, tahun: int) -> list[SubKegiatan]:
    """The kecamatan's sub kegiatan of the year with their kegiatan, program and budget
    realisasi, in the tree's order (program, kegiatan, sub kegiatan by code); two queries."""
    return _sub_kegiatan(
        Q(kegiatan__program__kecamatan_id=kecamatan_id, kegiatan__program__tahun=tahun)
    )


def anggaran_tahun_per_periode(
    *, kecamatan: Kecamatan, tahun: int, sub_kegiatan: list[SubKegiatan] | None = None
) -> dict[str, AnggaranPeriode]:
    """Every period of the year (TW I … Tahunan) → its budget realisasi (two queries, none
    when ``sub_kegiatan_tahun`` was read already and is given)."""
    if sub_kegiatan is None:
        sub_kegiatan = sub_kegiatan_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    return {p.value: _ringkas(p.value, sub_kegiatan) for p in Periode}


def anggaran_periode(*, kecamatan: Kecamatan, tahun: int, periode: str) -> AnggaranPeriode:
    """The budget realisasi of one period of the kecamatan's year (two queries)."""
    sub = _sub_kegiatan(Q(kegiatan__program__kecamatan=kecamatan, kegiatan__program__tahun=tahun))
    return _ringkas(Periode(periode).value, sub)


def anggaran_pelaporan(*, pelaporan: Iterable[PelaporanRealisasi]) -> dict[int, AnggaranPeriode]:
    """The budget realisasi of each reported period (PelaporanRealisasi id → it), for the
    verification queue: two queries however many kecamatan and years it lists."""
    pelaporan = list(pelaporan)
    if not pelaporan:
        return {}
    kondisi = Q()
    for kunci in {(p.kecamatan_id, p.tahun) for p in pelaporan}:
        kondisi |= Q(kegiatan__program__kecamatan_id=kunci[0], kegiatan__program__tahun=kunci[1])
    per_tahun: dict[tuple[int, int], list[SubKegiatan]] = {}
    for s in _sub_kegiatan(kondisi):
        per_tahun.setdefault((s.kegiatan.program.kecamatan_id, s.kegiatan.program.tahun), [])
        per_tahun[(s.kegiatan.program.kecamatan_id, s.kegiatan.program.tahun)].append(s)
    return {
        p.id: _ringkas(p.periode, per_tahun.get((p.kecamatan_id, p.tahun), [])) for p in pelaporan
    }


def sasaran_program(*, program_ids: Iterable[int]) -> dict[int, list[Sasaran]]:
    """The sasaran each program supports, with their tujuan and Renstra, in one query."""
    hasil: dict[int, list[Sasaran]] = {}
    for link in Program.sasaran.through.objects.filter(
        program_id__in=list(program_ids)
    ).select_related("sasaran__tujuan__renstra"):
        hasil.setdefault(link.program_id, []).append(link.sasaran)
    return hasil
