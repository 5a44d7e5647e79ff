"""The Renstra tables the LKIP appends as lampiran: the tujuan, sasaran and indicator targets
of each Renstra of the year in the layout "Tujuan dan Sasaran Jangka Menengah Pelayanan
Perangkat Daerah" (Permendagri 86/2017 T-C.25, which a Renstra prints as its Tabel 3.1).

A Renstra whose TC 25 Bappeda verified (``Renstra.tanggal_verifikasi``) is appended as that
kertas kerja, signed by the camat and, under "Diverifikasi Oleh", by the Kepala Bappeda in
office on that date (seeds/004, Lampiran 5); any other as its Tabel 3.1 (Lampiran 6). The
targets are the Renstra's own rows, the same ones Tabel 2.3 / 2.4 print.
"""

from dataclasses import dataclass

from iku.models import Indikator, Renstra
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
class TabelJangkaMenengah:
    renstra: Renstra
    tc25: bool  # the verified kertas kerja TC 25, else the Renstra's Tabel 3.1
    tahun: tuple[int, ...]  # the years after the baseline: "Tahun ke-1 (2022)" …
    baris: tuple[BarisJangkaMenengah, ...]
    tanda_tangan: TandaTanganRenstra | None  # the TC 25's signatures

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


def tabel_jangka_menengah(renstra: Renstra, kecamatan) -> TabelJangkaMenengah:
    """From the Renstra as ``iku.selectors.renstra_tahun`` prefetches it (no query for the
    rows; two for the TC 25's signatories)."""
    tahun = tuple(
        range(max(renstra.tahun_awal, renstra.tahun_baseline + 1), renstra.tahun_akhir + 1)
    )
    baris: list[BarisJangkaMenengah] = []
    for t in renstra.tujuan.all():
        kelompok = []
        if indikator := list(t.indikator.all()):
            kelompok += _baris_kelompok(renstra, tahun, "", indikator)
        for s in t.sasaran.all():
            kelompok += _baris_kelompok(renstra, tahun, s.uraian, list(s.indikator.all()))
        if not kelompok:
            kelompok = _baris_kelompok(renstra, tahun, "", [])
        for i, isi in enumerate(kelompok):
            baris.append(
                BarisJangkaMenengah(
                    nomor=str(t.nomor) if i == 0 else "",
                    tujuan=t.uraian if i == 0 else "",
                    rentang_tujuan=len(kelompok) if i == 0 else 0,
                    **isi,
                )
            )
    tc25 = renstra.tanggal_verifikasi is not None
    return TabelJangkaMenengah(
        renstra=renstra,
        tc25=tc25,
        tahun=tahun,
        baris=tuple(baris),
        tanda_tangan=(
            tanda_tangan_renstra(kecamatan=kecamatan, tanggal=renstra.tanggal_verifikasi)
            if tc25
            else None
        ),
    )
