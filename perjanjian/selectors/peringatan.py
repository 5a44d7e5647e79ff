"""Selector: what was accepted but deserves a second look, listed on the beranda.

These values are allowed (a realisasi for a measure without target, a PK target set far from
the Renstra's, a budget realisation above its pagu) and are shown with a visible warning where
they are entered and here, until someone corrects them or lets them stand.
"""

from dataclasses import dataclass
from decimal import Decimal

from iku.models import TargetIndikator
from iku.selectors import target_renstra
from perjanjian.models import Periode, Realisasi, TargetPerjanjian
from perjanjian.selectors.anggaran import pohon_anggaran
from sakip import kinerja
from sakip.format_id import format_angka, format_persen, format_rupiah

# A PK target further than this from the Renstra target of the same year is flagged.
AMBANG_SIMPANGAN_TARGET = Decimal(10)


@dataclass(frozen=True)
class Peringatan:
    jenis: str  # "realisasi_tanpa_target", "target_jauh", "realisasi_melebihi_pagu"
    pesan: str


def peringatan_target(target: TargetPerjanjian, renstra: TargetIndikator | None) -> str | None:
    """The warning for one PK target against its Renstra target (None when fine)."""
    nama = target.indikator.nama
    if renstra is None:
        return f"{nama}: target Renstra tahun {target.perjanjian.tahun} belum diisi."
    jarak = kinerja.simpangan(target.nilai, renstra.nilai)
    if jarak is not None and jarak > AMBANG_SIMPANGAN_TARGET:
        return (
            f"{nama}: target PK {format_angka(target.nilai, buang_nol=True)} berbeda "
            f"{format_persen(jarak)} dari target Renstra "
            f"{format_angka(renstra.nilai, buang_nol=True)}."
        )
    return None


def peringatan_tahun(*, kecamatan_id: int, tahun: int) -> list[Peringatan]:
    hasil: list[Peringatan] = []
    target = list(
        TargetPerjanjian.objects.filter(
            perjanjian__kecamatan_id=kecamatan_id, perjanjian__tahun=tahun
        ).select_related("indikator", "perjanjian")
    )
    renstra = target_renstra(indikator_ids=[t.indikator_id for t in target], tahun=tahun)
    for t in target:
        pesan = peringatan_target(t, renstra.get(t.indikator_id))
        if pesan:
            hasil.append(Peringatan("target_jauh", f"{t.perjanjian.get_jenis_display()}: {pesan}"))

    bertarget = {t.indikator.ukuran_id for t in target}
    for r in Realisasi.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun).select_related(
        "ukuran"
    ):
        if r.ukuran_id not in bertarget:
            hasil.append(
                Peringatan(
                    "realisasi_tanpa_target",
                    f"Realisasi {r.ukuran.nama} ({Periode(r.periode).label}) diisi, tetapi "
                    f"indikator ini tidak punya target dalam Perjanjian Kinerja {tahun}.",
                )
            )

    pohon = pohon_anggaran(kecamatan_id=kecamatan_id, tahun=tahun)
    for simpul in pohon.baris():
        j = simpul.jumlah
        if simpul.tingkat != "sub_kegiatan" or j.realisasi is None or j.pagu_akhir is None:
            continue
        if j.realisasi > j.pagu_akhir:
            hasil.append(
                Peringatan(
                    "realisasi_melebihi_pagu",
                    f"Sub kegiatan {simpul.objek.kode} {simpul.objek.nama}: realisasi "
                    f"{format_rupiah(j.realisasi)} melebihi pagu "
                    f"{format_rupiah(j.pagu_akhir)}.",
                )
            )
    return hasil
