"""The tujuan → sasaran → indikator tree of a Renstra, in a fixed number of queries
whatever its size (prefetches, no query per row)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from iku.models import Indikator, Renstra, Sasaran, Tujuan
from sakip.kinerja import Nilai


def _nilai(angka, huruf) -> Nilai | None:
    return None if angka is None else Nilai(angka, huruf or None)


@dataclass
class Simpul:
    """A tujuan or a sasaran with its own indicators, as one block of a table."""

    tingkat: str  # "tujuan" or "sasaran"
    objek: Tujuan | Sasaran
    kode: str
    indikator: list[Indikator] = field(default_factory=list)
    sasaran: list["Simpul"] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return f"{self.tingkat.capitalize()} {self.kode}"


def pohon(*, renstra: Renstra, lengkap: bool = True) -> list[Simpul]:
    """The tree of ``renstra``; with ``lengkap`` the indicators carry their measure and
    penanggung jawab (the detail page), without only what the grid needs."""
    qs = Indikator.objects.all()
    if lengkap:
        qs = qs.select_related("ukuran").prefetch_related("penanggung_jawab")
    tujuan = renstra.tujuan.prefetch_related(
        Prefetch("indikator", queryset=qs),
        Prefetch("sasaran", queryset=Sasaran.objects.prefetch_related(Prefetch("indikator", qs))),
    )
    hasil = []
    for t in tujuan:
        simpul = Simpul("tujuan", t, str(t.nomor), _siapkan(t.indikator.all()))
        for s in t.sasaran.all():
            simpul.sasaran.append(
                Simpul("sasaran", s, f"{t.nomor}.{s.nomor}", _siapkan(s.indikator.all()))
            )
        hasil.append(simpul)
    return hasil


def _siapkan(indikator) -> list[Indikator]:
    daftar = list(indikator)
    for i in daftar:
        i.baseline_nilai = _nilai(i.baseline, i.baseline_huruf)
        i.target_akhir_nilai = _nilai(i.target_akhir, i.target_akhir_huruf)
    return daftar


def rata(simpul: list[Simpul]) -> list[Simpul]:
    """Tujuan and sasaran in reading order, each followed by nothing else: a flat table."""
    hasil = []
    for t in simpul:
        hasil.append(t)
        hasil.extend(t.sasaran)
    return hasil


def semua_indikator(simpul: list[Simpul]) -> list[Indikator]:
    return [i for s in rata(simpul) for i in s.indikator]
