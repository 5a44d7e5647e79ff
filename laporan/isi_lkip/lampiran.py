"""The Renstra tables the LKIP appends as lampiran: the tujuan, sasaran and indicator targets
of each Renstra of the year in the layout "Tujuan dan Sasaran Jangka Menengah Pelayanan
Perangkat Daerah" (Permendagri 86/2017 T-C.25, which a Renstra prints as its Tabel 3.1).

A Renstra whose TC 25 Bappeda verified (``Renstra.tanggal_verifikasi``) is appended as that
kertas kerja, signed by the camat and, under "Diverifikasi Oleh", by the Kepala Bappeda in
office on that date (seeds/004, Lampiran 5); any other as its Tabel 3.1 (Lampiran 6). The
targets are the Renstra's own rows, the same ones Tabel 2.3 / 2.4 print.

A Renstra whose tujuan carry a kelompok (``Tujuan.kelompok``) prints one table per group, as
the seed's TC 25 does: RUTIN first, then NON RUTIN (then any tujuan without one), each headed
by its kelompok and the RPJMD sasaran and indicator the tujuan serve, numbered from 1 within
its table. Without kelompok or RPJMD text the Renstra prints one table, numbered as stored.
"""

from dataclasses import dataclass

from iku.models import Indikator, Renstra, Tujuan
from kecamatan.selectors import TandaTanganRenstra, tanda_tangan_renstra
from perjanjian.selectors import nilai_indikator
from sakip.kinerja import Nilai


@dataclass(frozen=True)
class BarisJangkaMenengah:
    nomor: str  # the tujuan's number, on its first row
    tujuan: str
    rentang_tujuan: int  # rows the tujuan spans; 0 on the rows it covers
    sasaran: str  # "" for the tujuan's own indicators
    rentang_sasaran: int
    indikator: Indikator | None
    target: tuple[Nilai | None, ...]


@dataclass(frozen=True)
class KelompokJangkaMenengah:
    """One table of the lampiran and the lines above it ("" where not printed)."""

    kelompok: str  # "RUTIN" / "NON RUTIN", on the first table of the group only
    rpjmd_sasaran: str  # "SASARAN RPJMD : …"
    rpjmd_indikator: str  # "INDIKATOR : …"
    baris: tuple[BarisJangkaMenengah, ...]


@dataclass(frozen=True)
class TabelJangkaMenengah:
    renstra: Renstra
    tc25: bool  # the verified kertas kerja TC 25, else the Renstra's Tabel 3.1
    tahun: tuple[int, ...]  # the years after the baseline: "Tahun ke-1 (2022)" …
    kelompok: tuple[KelompokJangkaMenengah, ...]  # one, headed by nothing, when ungrouped
    tanda_tangan: TandaTanganRenstra | None  # the TC 25's signatures

    @property
    def baris(self) -> tuple[BarisJangkaMenengah, ...]:
        return tuple(b for k in self.kelompok for b in k.baris)

    @property
    def judul(self) -> str:
        """How the LKIP's lampiran list names it."""
        if self.tc25:
            return f"Tabel TC. 25 {self.renstra.nama}"
        return f"Tabel 3.1 {self.renstra.nama}"


def _baris_kelompok(
    renstra: Renstra, tahun: tuple[int, ...], sasaran: str, indikator: list[Indikator]
) -> list[dict]:
    """The rows of a sasaran (or of the tujuan's own indicators), without the tujuan cells."""
    if not indikator:
        return [dict(sasaran=sasaran, rentang_sasaran=1, indikator=None, target=())]
    hasil = []
    for i, ind in enumerate(indikator):
        per_tahun = {t.tahun: t for t in ind.target.all()}
        hasil.append(
            dict(
                sasaran=sasaran if i == 0 else "",
                rentang_sasaran=len(indikator) if i == 0 else 0,
                indikator=ind,
                target=tuple(
                    nilai_indikator(ind, t.nilai, t.huruf) if (t := per_tahun.get(th)) else None
                    for th in tahun
                ),
            )
        )
    return hasil


URUTAN_KELOMPOK = {Tujuan.Kelompok.RUTIN: 0, Tujuan.Kelompok.NON_RUTIN: 1, "": 2}


def _kunci_kelompok(t: Tujuan) -> tuple[str, str, str]:
    return (t.kelompok, t.rpjmd_sasaran.strip(), t.rpjmd_indikator.strip())


def _baris_tujuan(
    renstra: Renstra, tahun: tuple[int, ...], t: Tujuan, nomor: int
) -> list[BarisJangkaMenengah]:
    """The rows of one tujuan (its own indicators, then its sasaran), numbered ``nomor``."""
    isian = []
    if indikator := list(t.indikator.all()):
        isian += _baris_kelompok(renstra, tahun, "", indikator)
    for s in t.sasaran.all():
        isian += _baris_kelompok(renstra, tahun, s.uraian, list(s.indikator.all()))
    if not isian:
        isian = _baris_kelompok(renstra, tahun, "", [])
    return [
        BarisJangkaMenengah(
            nomor=str(nomor) if i == 0 else "",
            tujuan=t.uraian if i == 0 else "",
            rentang_tujuan=len(isian) if i == 0 else 0,
            **isi,
        )
        for i, isi in enumerate(isian)
    ]


def _kelompok_tabel(renstra: Renstra, tahun: tuple[int, ...]) -> tuple[KelompokJangkaMenengah, ...]:
    """The tables: one per kelompok and RPJMD sasaran / indicator (RUTIN, NON RUTIN, none;
    tujuan by number within each), or a single one when no tujuan carries any of them."""
    semua = list(renstra.tujuan.all())
    if not any(any(_kunci_kelompok(t)) for t in semua):
        baris = [b for t in semua for b in _baris_tujuan(renstra, tahun, t, t.nomor)]
        return (KelompokJangkaMenengah("", "", "", tuple(baris)),)
    per_kunci: dict[tuple[str, str, str], list[Tujuan]] = {}
    for t in sorted(semua, key=lambda t: (URUTAN_KELOMPOK[t.kelompok], t.nomor)):
        per_kunci.setdefault(_kunci_kelompok(t), []).append(t)
    hasil, sudah = [], set()
    for (kelompok, sasaran, indikator), daftar in per_kunci.items():
        baris = [
            b for n, t in enumerate(daftar, start=1) for b in _baris_tujuan(renstra, tahun, t, n)
        ]
        judul = Tujuan.Kelompok(kelompok).label if kelompok and kelompok not in sudah else ""
        sudah.add(kelompok)
        hasil.append(KelompokJangkaMenengah(judul, sasaran, indikator, tuple(baris)))
    return tuple(hasil)


def tabel_jangka_menengah(renstra: Renstra, kecamatan) -> TabelJangkaMenengah:
    """From the Renstra as ``iku.selectors.renstra_tahun`` prefetches it (no query for the
    rows; two for the TC 25's signatories)."""
    tahun = tuple(
        range(max(renstra.tahun_awal, renstra.tahun_baseline + 1), renstra.tahun_akhir + 1)
    )
    tc25 = renstra.tanggal_verifikasi is not None
    return TabelJangkaMenengah(
        renstra=renstra,
        tc25=tc25,
        tahun=tahun,
        kelompok=_kelompok_tabel(renstra, tahun),
        tanda_tangan=(
            tanda_tangan_renstra(kecamatan=kecamatan, tanggal=renstra.tanggal_verifikasi)
            if tc25
            else None
        ),
    )
