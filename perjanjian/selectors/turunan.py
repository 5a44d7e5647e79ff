"""Selector: the realisasi of indicators computed from data the system holds (derived measures).

An indicator whose ``sumber_realisasi`` is not "diketik" is not typed: its realisasi of a
period follows from

- ``anggaran``: the budget tree of the year, the serapan of what was spent up to the period
  (a quarter is cumulative: TW II counts January to June) against the pagu in force;
- ``indikator_program``: the program-level indicators of the same PK that reached their
  target (Tabel 3.3 / 3.9; realised once a year, so quarters have no value), each with its
  computed realisasi when it is derived itself; a program indicator computed this way is not
  counted (it would count itself);
- ``ikm``: the Survei Kepuasan Masyarakat of the period (for the year: the annual survey, else
  the year's latest quarterly one);
- ``nilai_sakip``: the LHE AKIP of the same year (``EvaluasiAKIP.tahun`` is the year whose
  Nilai SAKIP it gives), once all its scores are entered. The LHE lives in laporan, above this
  app: laporan registers the reading (``daftarkan_sumber_nilai_sakip``) in its AppConfig.ready.

``capaian_kecamatan`` asks for the sources its rows need, so every page, table and chart reads
the one computed value; ``capaian_kabupaten`` (the kabupaten dashboard) asks the same
``realisasi_turunan_kabupaten`` for every kecamatan at once, in the same queries. Without data
the value is None ("belum ada data"), never 0.

A program indicator (``IndikatorProgram.sumber_realisasi``, the same sources) is realised once a
year: ``realisasi_indikator_program`` gives the annual figure of the same sources, and
``indikator_program_pk`` (selectors.tahun) puts it on each row it lists. Kencong's
"Persentase realisasi anggaran" of Program Penunjang is the serapan of the whole budget tree
of the year (78,24 % in 2025, as the seed's PK Perubahan prints), not of the program alone
(71,11 %): the supporting program carries the perangkat daerah's own budget indicator.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from iku.models import Indikator
from kecamatan.models import Kecamatan
from perjanjian.models import (
    IndikatorProgram,
    Periode,
    PerjanjianKinerja,
    SubKegiatan,
    SurveiKepuasan,
)
from sakip import kinerja
from sakip.format_id import format_angka, format_rupiah

from .anggaran import Jumlah

Sumber = Indikator.SumberRealisasi
TRIWULAN = {Periode.TW1: 1, Periode.TW2: 2, Periode.TW3: 3, Periode.TW4: 4}
URUTAN_TRIWULAN = (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4)
BELUM_ADA_DATA = "belum ada data"
# A computed percentage is a realisasi like a typed one: written to two decimals (78,24), and
# the capaian is measured on that, as the LHE's Nilai SAKIP is (laporan.evaluasi).
DESIMAL = 2


@dataclass(frozen=True)
class NilaiTurunan:
    """A computed realisasi: the number (None: belum ada data), its letter, and the sentence
    naming its source ("Dihitung dari …"), shown wherever the value is."""

    angka: Decimal | None
    keterangan: str
    huruf: str = ""


# laporan registers here the reading of the LHE: (kecamatan: a list, tahun) → kecamatan id →
# NilaiTurunan or None, every kecamatan of the list in the same queries.
SUMBER_NILAI_SAKIP: list[Callable[..., Mapping[int, NilaiTurunan | None]]] = []


def daftarkan_sumber_nilai_sakip(
    fungsi: Callable[..., Mapping[int, NilaiTurunan | None]],
) -> None:
    if fungsi not in SUMBER_NILAI_SAKIP:
        SUMBER_NILAI_SAKIP.append(fungsi)


def keterangan_sumber(sumber: str) -> str:
    """ "Dihitung dari …" for a source, without figures (forms, the realisasi import)."""
    return {
        Sumber.ANGGARAN: "Dihitung dari realisasi anggaran (pohon anggaran)",
        Sumber.INDIKATOR_PROGRAM: "Dihitung dari indikator program PK yang tercapai",
        Sumber.IKM: "Dihitung dari Survei Kepuasan Masyarakat",
        Sumber.NILAI_SAKIP: "Dihitung dari LHE AKIP Inspektorat",
    }.get(sumber, "")


def _anggaran(kecamatan_id: Sequence[int], tahun: int, periode: Periode) -> dict[int, NilaiTurunan]:
    # One query: each sub kegiatan's pagu with its realisasi rows (a left join).
    pagu: dict[int, tuple[int, Decimal | None, Decimal | None, Decimal | None]] = {}
    realisasi: dict[int, dict[str, Decimal]] = {}
    for sub_id, kid, awal, geser, ubah, per, jumlah in (
        SubKegiatan.objects.filter(
            kegiatan__program__kecamatan_id__in=kecamatan_id, kegiatan__program__tahun=tahun
        )
        .order_by()
        .values_list(
            "id",
            "kegiatan__program__kecamatan_id",
            "pagu_awal",
            "pagu_pergeseran",
            "pagu_perubahan",
            "realisasi__periode",
            "realisasi__jumlah",
        )
    ):
        pagu[sub_id] = (kid, awal, geser, ubah)
        if per is not None:
            realisasi.setdefault(sub_id, {})[per] = jumlah
    triwulan = TRIWULAN.get(periode)
    per_kecamatan: dict[int, list[Jumlah]] = {kid: [] for kid in kecamatan_id}
    for sub_id, (kid, *pagu_sub) in pagu.items():
        per_kecamatan[kid].append(
            Jumlah(
                *pagu_sub,
                kinerja.realisasi_anggaran_sampai(
                    realisasi.get(sub_id, {}).get(Periode.TAHUNAN),
                    [realisasi.get(sub_id, {}).get(p) for p in URUTAN_TRIWULAN],
                    triwulan,
                ),
            )
        )
    dasar = "Dihitung dari realisasi anggaran (pohon anggaran)"
    sampai = f" s.d. {periode.label}" if triwulan else ""
    hasil = {}
    for kid, bagian in per_kecamatan.items():
        total = Jumlah.dari(bagian)
        angka = kinerja.bulatkan(total.serapan, DESIMAL)
        hasil[kid] = (
            NilaiTurunan(None, f"{dasar}; {BELUM_ADA_DATA}")
            if angka is None
            else NilaiTurunan(
                angka,
                f"{dasar}: {format_rupiah(total.realisasi)} dari pagu "
                f"{format_rupiah(total.pagu_akhir)}{sampai}",
            )
        )
    return hasil


def _pk(p: PerjanjianKinerja) -> str:
    return f"{p.get_jenis_display()} {p.tahun}"


def _indikator_program(
    kecamatan: Iterable[Kecamatan],
    tahun: int,
    perjanjian: Sequence[PerjanjianKinerja],
    periode: Periode,
) -> dict[int, NilaiTurunan]:
    dasar = "Dihitung dari indikator program"
    if periode != Periode.TAHUNAN:
        # Program indicators are realised once a year (the budget page), not per quarter.
        return {
            p.id: NilaiTurunan(None, f"{dasar} (direalisasikan tahunan); {BELUM_ADA_DATA}")
            for p in perjanjian
        }
    per_pk: dict[int, list[Decimal | None]] = {p.id: [] for p in perjanjian}
    # A program indicator computed from this same share is not one of the counted (it would
    # count itself); one computed from another source counts with its computed value.
    program = list(
        IndikatorProgram.objects.filter(perjanjian_id__in=list(per_pk), program__isnull=False)
        .exclude(sumber_realisasi=Sumber.INDIKATOR_PROGRAM)
        .only("perjanjian_id", "target", "realisasi", "sumber_realisasi")
        .order_by("pk")
    )
    _pasang(program, _nilai_program(kecamatan, tahun, perjanjian, program))
    for i in program:
        per_pk[i.perjanjian_id].append(kinerja.capaian(i.target, i.realisasi_berlaku))
    hasil = {}
    for p in perjanjian:
        hitungan = kinerja.hitung_tercapai(per_pk[p.id])
        angka = kinerja.bulatkan(kinerja.persentase_tercapai(per_pk[p.id]), DESIMAL)
        if angka is None:
            hasil[p.id] = NilaiTurunan(None, f"{dasar} {_pk(p)}; {BELUM_ADA_DATA}")
            continue
        terukur = hitungan.tercapai + hitungan.tidak_tercapai
        hasil[p.id] = NilaiTurunan(
            angka,
            f"{dasar} {_pk(p)}: {hitungan.tercapai} dari {terukur} indikator program tercapai",
        )
    return hasil


def _ikm(kecamatan_id: Sequence[int], tahun: int, periode: Periode) -> dict[int, NilaiTurunan]:
    per_kecamatan: dict[int, list[SurveiKepuasan]] = {kid: [] for kid in kecamatan_id}
    for s in SurveiKepuasan.objects.filter(kecamatan_id__in=list(per_kecamatan), tahun=tahun).only(
        "kecamatan_id", "periode", "nama_berkas", "jumlah_responden", "nilai_ikm", "dipakai_oleh_id"
    ):
        per_kecamatan[s.kecamatan_id].append(s)
    return {kid: _ikm_satu(survei, tahun, periode) for kid, survei in per_kecamatan.items()}


def _ikm_satu(survei: list[SurveiKepuasan], tahun: int, periode: Periode) -> NilaiTurunan:
    dasar = "Dihitung dari Survei Kepuasan Masyarakat"
    cocok = [s for s in survei if s.periode == periode]
    if not cocok and periode == Periode.TAHUNAN:
        # No annual survey: the year's latest quarterly one.
        terakhir = max((s.periode for s in survei if s.periode in TRIWULAN), default=None)
        cocok = [s for s in survei if s.periode == terakhir]
    if not cocok:
        return NilaiTurunan(None, f"{dasar}; {BELUM_ADA_DATA}")
    # The one taken as realisasi, else the latest upload (the model orders newest first).
    s = next((s for s in cocok if s.dipakai_oleh_id), cocok[0])
    return NilaiTurunan(
        s.nilai_ikm,
        f"{dasar} {s.get_periode_display()} {tahun} ({format_angka(s.jumlah_responden, 0)} "
        f"responden, berkas {s.nama_berkas})",
    )


def _nilai_sakip(
    kecamatan: Sequence[Kecamatan], tahun: int, periode: Periode
) -> dict[int, NilaiTurunan]:
    dasar = "Dihitung dari LHE AKIP Inspektorat"
    if periode != Periode.TAHUNAN:
        return {
            k.id: NilaiTurunan(None, f"{dasar} (dinilai tahunan); {BELUM_ADA_DATA}")
            for k in kecamatan
        }
    hasil: dict[int, NilaiTurunan] = {}
    for fungsi in SUMBER_NILAI_SAKIP:
        sisa = [k for k in kecamatan if k.id not in hasil]
        if sisa:
            dibaca = fungsi(kecamatan=sisa, tahun=tahun)
            hasil.update({kid: n for kid, n in dibaca.items() if n is not None})
    return {
        k.id: hasil.get(k.id) or NilaiTurunan(None, f"{dasar} {tahun}; {BELUM_ADA_DATA}")
        for k in kecamatan
    }


def realisasi_turunan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    periode: Periode | str,
    perjanjian: Sequence[PerjanjianKinerja],
    sumber: Iterable[str],
) -> dict[tuple[str, int], NilaiTurunan]:
    """(sumber, PK id) → the computed realisasi of ``periode`` for every PK of ``perjanjian``
    and every source asked for. Reads only what the asked sources need (none for a year
    whose indicators are all typed)."""
    return realisasi_turunan_kabupaten(
        kecamatan=[kecamatan],
        tahun=tahun,
        periode=periode,
        perjanjian=perjanjian,
        sumber={kecamatan.id: set(sumber)},
    )


def realisasi_turunan_kabupaten(
    *,
    kecamatan: Iterable[Kecamatan],
    tahun: int,
    periode: Periode | str,
    perjanjian: Sequence[PerjanjianKinerja],
    sumber: Mapping[int, Iterable[str]],
) -> dict[tuple[str, int], NilaiTurunan]:
    """``realisasi_turunan`` for many kecamatan at once (the kabupaten dashboard): ``sumber``
    gives per kecamatan id the sources its rows need, ``perjanjian`` the PKs of all of them.
    Each source asked by some kecamatan is read in the same queries as for one, whatever
    the number of kecamatan. ``kecamatan`` (those of ``sumber``: a list or a QuerySet) is read
    only when a source needs the objects (the LHE's Nilai SAKIP)."""
    periode = Periode(periode)
    perlu = {kid: set(s) - {Sumber.DIKETIK} for kid, s in sumber.items()}
    perjanjian_per: dict[int, list[PerjanjianKinerja]] = {}
    for p in perjanjian:
        perjanjian_per.setdefault(p.kecamatan_id, []).append(p)
    hasil: dict[tuple[str, int], NilaiTurunan] = {}
    bersama = {
        Sumber.ANGGARAN: _anggaran,
        Sumber.IKM: _ikm,
        Sumber.NILAI_SAKIP: _nilai_sakip,
    }
    for s, fungsi in bersama.items():
        daftar = [kid for kid, asal in perlu.items() if s in asal]
        if not daftar:
            continue
        if s == Sumber.NILAI_SAKIP:
            nilai_per = fungsi([k for k in kecamatan if k.id in daftar], tahun, periode)
        else:
            nilai_per = fungsi(daftar, tahun, periode)
        for kid, nilai in nilai_per.items():
            hasil.update({(s, p.id): nilai for p in perjanjian_per.get(kid, ())})
    program = [p for p in perjanjian if Sumber.INDIKATOR_PROGRAM in perlu.get(p.kecamatan_id, ())]
    if program:
        for pid, nilai in _indikator_program(kecamatan, tahun, program, periode).items():
            hasil[(Sumber.INDIKATOR_PROGRAM, pid)] = nilai
    return hasil


# --- program indicators ----------------------------------------------------------------------


def _nilai_program(
    kecamatan: Iterable[Kecamatan],
    tahun: int,
    perjanjian: Sequence[PerjanjianKinerja],
    indikator: Iterable[IndikatorProgram],
) -> dict[int, NilaiTurunan]:
    """IndikatorProgram id → the annual computed realisasi of the derived ones among
    ``indikator`` (all of ``perjanjian``, of one year; the kecamatan of ``kecamatan`` at
    once, in the queries of one)."""
    dihitung = [i for i in indikator if i.dihitung]
    if not dihitung:
        return {}
    kecamatan_pk = {p.id: p.kecamatan_id for p in perjanjian}
    sumber: dict[int, set[str]] = {}
    for i in dihitung:
        sumber.setdefault(kecamatan_pk[i.perjanjian_id], set()).add(i.sumber_realisasi)
    nilai = realisasi_turunan_kabupaten(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=Periode.TAHUNAN,
        perjanjian=perjanjian,
        sumber=sumber,
    )
    return {i.id: nilai[(i.sumber_realisasi, i.perjanjian_id)] for i in dihitung}


def _pasang(indikator: Iterable[IndikatorProgram], nilai: dict[int, NilaiTurunan]) -> None:
    for i in indikator:
        i.turunan = nilai.get(i.id)


def realisasi_indikator_program(
    *, indikator: Sequence[IndikatorProgram]
) -> dict[int, NilaiTurunan]:
    """IndikatorProgram id → the computed realisasi of each derived one among ``indikator``
    (``sumber_realisasi`` not "diketik"): the annual figure, since program indicators are
    realised once a year. Also sets it on each (``turunan``, read through
    ``realisasi_berlaku``). No query when all are typed, else one for their PKs and what the
    sources need."""
    if not any(i.dihitung for i in indikator):
        _pasang(indikator, {})
        return {}
    per_tahun: dict[tuple[int, int], list[PerjanjianKinerja]] = {}
    for p in PerjanjianKinerja.objects.filter(
        id__in={i.perjanjian_id for i in indikator if i.dihitung}
    ).select_related("kecamatan"):
        per_tahun.setdefault((p.kecamatan_id, p.tahun), []).append(p)
    hasil: dict[int, NilaiTurunan] = {}
    for daftar in per_tahun.values():
        ids = {p.id for p in daftar}
        hasil.update(
            _nilai_program(
                [daftar[0].kecamatan],
                daftar[0].tahun,
                daftar,
                [i for i in indikator if i.perjanjian_id in ids],
            )
        )
    _pasang(indikator, hasil)
    return hasil
