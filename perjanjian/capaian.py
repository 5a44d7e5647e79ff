"""Selector: the capaian table of a Perjanjian Kinerja (Tabel 3.2 / 3.8) and its efficiency
analysis (Tabel 3.7 / 3.12), loaded in a bounded number of queries and computed by
sakip.kinerja. Templates, the PDF and the `capaian` command only format what comes out.
"""

from dataclasses import dataclass
from decimal import Decimal

from iku.models import Indikator, Sasaran
from kecamatan.models import JenisSkala
from kecamatan.skala import skala_tahun
from sakip import kinerja
from sakip.kinerja import Nilai, Pita

from .anggaran import Jumlah, PohonAnggaran, Simpul, pohon_anggaran
from .models import Periode, PerjanjianKinerja, Realisasi

# Units that are not written after the number: "92,33", not "92,33 Indeks".
SATUAN_TANPA_TULISAN = {"indeks", "nilai", "angka", "skor", "poin"}
TAHUN_TREN = 3


def satuan_tampil(satuan: str) -> str | None:
    return None if satuan.strip().lower() in SATUAN_TANPA_TULISAN else satuan.strip() or None


def nilai_indikator(indikator: Indikator, angka: Decimal | None, huruf: str = "") -> Nilai | None:
    if angka is None:
        return None
    return Nilai(angka=angka, huruf=huruf or None, satuan=satuan_tampil(indikator.satuan))


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
    tren: tuple[tuple[int, Nilai | None], ...]  # realisasi of the years before
    arah_tren: kinerja.Tren | None
    tahun_target_akhir: int
    target_akhir: Nilai | None
    capaian_target_akhir: Decimal | None

    @property
    def tercapai(self) -> bool:
        return self.capaian is not None and self.capaian >= 100


@dataclass(frozen=True)
class BarisEfisiensi:
    sasaran: Sasaran
    indikator: tuple[BarisCapaian, ...]
    capaian_kinerja: Decimal | None  # rata-rata capaian of the sasaran's indicators
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


def _realisasi_tahunan(*, kecamatan_id: int, ukuran_ids: set[int], tahun: list[int]):
    rows = Realisasi.objects.filter(
        kecamatan_id=kecamatan_id,
        ukuran_id__in=ukuran_ids,
        tahun__in=tahun,
        periode=Periode.TAHUNAN,
    )
    return {(r.ukuran_id, r.tahun): r for r in rows}


def tabel_capaian(
    *, perjanjian: PerjanjianKinerja, anggaran: PohonAnggaran | None = None
) -> TabelCapaian:
    target = list(
        perjanjian.target.select_related(
            "indikator__ukuran", "indikator__tujuan", "indikator__sasaran__tujuan"
        ).prefetch_related("indikator__target")
    )
    skala = skala_tahun(kabupaten_id=perjanjian.kecamatan.kabupaten_id, tahun=perjanjian.tahun)
    tahun_tren = list(range(perjanjian.tahun - TAHUN_TREN, perjanjian.tahun))
    realisasi = _realisasi_tahunan(
        kecamatan_id=perjanjian.kecamatan_id,
        ukuran_ids={t.indikator.ukuran_id for t in target},
        tahun=[*tahun_tren, perjanjian.tahun],
    )
    tahun_akhir = perjanjian.renstra.tahun_akhir

    baris = []
    for nomor, t in enumerate(sorted(target, key=lambda t: t.indikator.urutan_renstra), start=1):
        ind = t.indikator
        r = realisasi.get((ind.ukuran_id, perjanjian.tahun))
        nilai_r = nilai_indikator(ind, r.nilai, r.huruf) if r else None
        hitung = {"polaritas": ind.polaritas, "metode": ind.metode_negatif}
        capaian = kinerja.capaian(t.nilai, nilai_r.angka if nilai_r else None, **hitung)
        akhir = _target_akhir(ind, tahun_akhir)
        tren = tuple(
            (
                th,
                nilai_indikator(ind, x.nilai, x.huruf)
                if (x := realisasi.get((ind.ukuran_id, th)))
                else None,
            )
            for th in tahun_tren
        )
        baris.append(
            BarisCapaian(
                nomor=nomor,
                tingkat=f"Sasaran {ind.sasaran.kode}"
                if ind.sasaran_id
                else f"Tujuan {ind.tujuan.nomor}",
                uraian=(ind.sasaran or ind.tujuan).uraian,
                sasaran=ind.sasaran,
                indikator=ind,
                baseline=nilai_indikator(ind, ind.baseline, ind.baseline_huruf),
                target=nilai_indikator(ind, t.nilai, t.huruf),
                realisasi=nilai_r,
                capaian=capaian,
                kriteria=kinerja.kriteria(capaian, skala[JenisSkala.KRITERIA_CAPAIAN]),
                kategori=(
                    kinerja.kriteria(nilai_r.angka, skala[ind.skala_kategori])
                    if nilai_r and ind.skala_kategori
                    else None
                ),
                tren=tren,
                arah_tren=kinerja.arah_terakhir(
                    [n.angka if n else None for _, n in tren] + [nilai_r.angka if nilai_r else None]
                ),
                tahun_target_akhir=tahun_akhir,
                target_akhir=akhir,
                capaian_target_akhir=kinerja.capaian_terhadap_target_akhir(
                    akhir.angka if akhir else None, nilai_r.angka if nilai_r else None, **hitung
                ),
            )
        )
    if anggaran is None:
        anggaran = pohon_anggaran(kecamatan_id=perjanjian.kecamatan_id, tahun=perjanjian.tahun)
    return TabelCapaian(
        perjanjian=perjanjian,
        baris=tuple(baris),
        ketercapaian=kinerja.hitung_tercapai(b.capaian for b in baris),
        efisiensi=_efisiensi(baris, anggaran),
        anggaran=anggaran,
    )


def _target_akhir(indikator: Indikator, tahun_akhir: int) -> Nilai | None:
    """The Renstra end target; when none was entered, the target of the Renstra's last year."""
    if indikator.target_akhir is not None:
        return nilai_indikator(indikator, indikator.target_akhir, indikator.target_akhir_huruf)
    for t in indikator.target.all():
        if t.tahun == tahun_akhir:
            return nilai_indikator(indikator, t.nilai, t.huruf)
    return None


def _efisiensi(baris: list[BarisCapaian], anggaran: PohonAnggaran) -> tuple[BarisEfisiensi, ...]:
    """Tabel 3.7 / 3.12: per sasaran of the PK (tujuan indicators are not analysed), the mean
    capaian of its indicators against the absorption of the programs that support it."""
    per_sasaran: dict[int, list[BarisCapaian]] = {}
    for b in baris:
        if b.sasaran is not None:
            per_sasaran.setdefault(b.sasaran.id, []).append(b)
    hasil = []
    for indikator in per_sasaran.values():
        sasaran = indikator[0].sasaran
        program = anggaran.untuk_sasaran(sasaran.id)
        jumlah = Jumlah.dari([p.jumlah for p in program])
        capaian = kinerja.rata_rata(b.capaian for b in indikator)
        hasil.append(
            BarisEfisiensi(
                sasaran=sasaran,
                indikator=tuple(indikator),
                capaian_kinerja=capaian,
                program=tuple(program),
                anggaran=jumlah,
                hasil=kinerja.efisiensi(capaian, jumlah.serapan),
            )
        )
    return tuple(hasil)


def capaian_tahunan(*, kecamatan_id: int, tahun: int) -> list[TabelCapaian]:
    """Every PK of the year (awal first, then perubahan), sharing one budget tree."""
    perjanjian = (
        PerjanjianKinerja.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .select_related("kecamatan", "renstra")
        .order_by("jenis")
    )
    anggaran = pohon_anggaran(kecamatan_id=kecamatan_id, tahun=tahun)
    return [tabel_capaian(perjanjian=p, anggaran=anggaran) for p in perjanjian]
