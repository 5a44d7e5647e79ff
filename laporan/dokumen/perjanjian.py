"""The Perjanjian Kinerja (and PK Perubahan) with its lampiran, as the two PK of Kencong 2025
are printed at the end of seed 004: the agreement between the camat (pihak pertama) and the
bupati (pihak kedua), then the targets of the year and the budget of each program.

Targets are the stored values with the indicator's unit ("4 Dokumen", "B (67)"), in the PK's
own order; budgets are the sums of the budget tree in the column the PK promises (before the
change for the first PK, after it for the PK Perubahan), never typed twice.
"""

from dataclasses import dataclass
from decimal import Decimal

from perjanjian.models import PerjanjianKinerja, TargetPerjanjian
from perjanjian.selectors import nilai_indikator, perjanjian_dengan_wilayah, pohon_anggaran
from sakip.kinerja import Nilai

from .dasar import Penyaji
from .keputusan import konteks_kop


@dataclass(frozen=True)
class BarisTarget:
    nomor: int | None  # numbered per tujuan / sasaran; None when the row above already is
    rentang: int  # rowspan of the number and tujuan / sasaran cells; 0 when continued
    tujuan_sasaran: str
    indikator: str
    target: Nilai


@dataclass(frozen=True)
class BarisProgram:
    nomor: int
    nama: str
    anggaran: Decimal | None


def _baris_target(target: list[TargetPerjanjian]) -> tuple[BarisTarget, ...]:
    """Rows in the PK's order; consecutive indicators of one tujuan / sasaran share its number
    and cell, as the PK Perubahan prints Nilai SAKIP under the sasaran above it."""
    kunci = [
        ("s", t.indikator.sasaran_id) if t.indikator.sasaran_id else ("t", t.indikator.tujuan_id)
        for t in target
    ]
    hasil, nomor = [], 0
    for i, t in enumerate(target):
        ind = t.indikator
        lanjutan = i > 0 and kunci[i] == kunci[i - 1]
        rentang = 0
        if not lanjutan:
            nomor += 1
            rentang = 1
            while i + rentang < len(target) and kunci[i + rentang] == kunci[i]:
                rentang += 1
        hasil.append(
            BarisTarget(
                nomor=None if lanjutan else nomor,
                rentang=rentang,
                tujuan_sasaran=(ind.sasaran or ind.tujuan).uraian,
                indikator=ind.nama,
                target=nilai_indikator(ind, t.nilai, t.huruf),
            )
        )
    return tuple(hasil)


def isi_perjanjian(*, perjanjian: PerjanjianKinerja) -> dict:
    """Selector: everything the printed PK shows, in a fixed number of queries (the PK, its
    targets, the budget tree) whatever the number of targets and programs."""
    perjanjian = perjanjian_dengan_wilayah(perjanjian=perjanjian)
    target = list(
        perjanjian.target.select_related(
            "indikator__tujuan", "indikator__sasaran__tujuan", "indikator__ukuran"
        ).order_by("urutan", "id")
    )
    pohon = pohon_anggaran(kecamatan_id=perjanjian.kecamatan_id, tahun=perjanjian.tahun)
    kolom = perjanjian.kolom_pagu
    program = tuple(
        BarisProgram(nomor=n, nama=p.objek.nama, anggaran=p.jumlah.pagu(kolom))
        for n, p in enumerate(pohon.program, start=1)
    )
    kecamatan = perjanjian.kecamatan
    judul = "PERJANJIAN KINERJA"
    if perjanjian.jenis == PerjanjianKinerja.Jenis.PERUBAHAN:
        judul = "PERJANJIAN KINERJA PERUBAHAN"
    return {
        "perjanjian": perjanjian,
        "kecamatan": kecamatan,
        "kabupaten": kecamatan.kabupaten,
        "draf": perjanjian.status != PerjanjianKinerja.Status.DITETAPKAN,
        "judul": f"{judul} TAHUN {perjanjian.tahun}",
        "judul_lampiran": f"{judul} TAHUN {perjanjian.tahun} KECAMATAN {kecamatan.nama.upper()}",
        "target": _baris_target(target),
        "program": program,
        "jumlah_anggaran": pohon.total.pagu(kolom),
        **konteks_kop(kecamatan),
    }


class PenyajiPerjanjian(Penyaji):
    jenis = "perjanjian"
    template_name = "laporan/dokumen/perjanjian/dokumen.html"

    def konteks(self) -> dict:
        return isi_perjanjian(perjanjian=self.objek)

    def ditetapkan(self) -> bool:
        return self.objek.status == PerjanjianKinerja.Status.DITETAPKAN

    def nama_berkas(self) -> str:
        """``pk-kencong-2025.pdf`` / ``pk-perubahan-kencong-2025.pdf``: one PK of each kind a
        year, so the kind is its version; ``-draf`` until it is ditetapkan."""
        perjanjian = self.objek
        jenis = "pk" if perjanjian.jenis == perjanjian.Jenis.AWAL else "pk-perubahan"
        return f"{jenis}-{perjanjian.kecamatan.slug}-{perjanjian.tahun}{self.akhiran_draf()}.pdf"
