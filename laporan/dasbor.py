"""Selector: the kabupaten dashboard: every kecamatan of a year in one table.

Per shared measure (``iku.Ukuran`` without a kecamatan, used by an indicator) the yearly
realisasi, its capaian against the target of the kecamatan's PK in force and the kriteria band
(``perjanjian.selectors.capaian_kabupaten``: the rows every other page shows too), the rank
among the kecamatan (``sakip.kinerja.peringkat``, as the LKIP's benchmark), and
per kecamatan the completeness of the year's documents. Everything is read in a fixed number
of queries whatever the number of kecamatan, measures or years: rows are fetched for the whole
kabupaten at once and grouped here; the arithmetic is sakip.kinerja's.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import QuerySet

from iku.models import KeputusanIKU, Renstra
from iku.selectors import pemakaian_ukuran_bersama, renstra_berlaku_di, status_keputusan_terakhir
from kecamatan.models import JenisSkala, Kecamatan
from laporan.evaluasi import KODE_UKURAN_NILAI_SAKIP
from laporan.models import LaporanKinerja
from laporan.pembanding import MINIMAL_PEMBANDING, NilaiKecamatan, Pembanding, urutkan
from laporan.selectors import nilai_sakip_kabupaten
from perjanjian.models import PelaporanRealisasi, Periode, PerjanjianKinerja
from perjanjian.selectors import (
    DasarPerjanjian,
    capaian_kabupaten,
    kategori_nilai,
    nilai_indikator,
    realisasi_tren,
    satuan_tampil,
    status_pelaporan_kabupaten,
)
from sakip import kinerja
from sakip.kinerja import Nilai, Pita, Polaritas

PERIODE_PELAPORAN = (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4, Periode.TAHUNAN)
SINGKATAN_PERIODE = {
    Periode.TW1: "TW I",
    Periode.TW2: "TW II",
    Periode.TW3: "TW III",
    Periode.TW4: "TW IV",
    Periode.TAHUNAN: "Tahunan",
}
# The labels get_FOO_display() gives, looked up once (it rebuilds its choices on each call,
# and the table asks for three per kecamatan).
LABEL_PELAPORAN = dict(PelaporanRealisasi.Status.choices)
LABEL_JENIS_PK = dict(PerjanjianKinerja.Jenis.choices)
LABEL_STATUS_PK = dict(PerjanjianKinerja.Status.choices)
TAHUN_TREN = 5  # the trend chart: the year and the four before it
# What the demo data of `manage.py isi_data_sintetis` carries in its names, so the table can
# say which rows are not real.
PENANDA_SINTETIS = "SINTETIS"


@dataclass(frozen=True)
class UkuranDasbor:
    id: int
    kode: str
    nama: str
    satuan: str  # the unit most indicators of this measure use
    polaritas: Polaritas
    skala_kategori: str = ""  # the category scale most of its indicators use (IKM, IPP …)

    @property
    def satuan_tampil(self) -> str | None:
        return satuan_tampil(self.satuan)


@dataclass(frozen=True)
class Sel:
    """One measure of one kecamatan."""

    target: Nilai | None
    realisasi: Nilai | None
    capaian: Decimal | None
    kriteria: Pita | None
    kategori: Pita | None = None  # the realisasi on its own scale (kategori_nilai)
    peringkat: int | None = None  # 1 = best realisasi; None when fewer than 3 to compare
    sumber: str = ""  # where the value comes from, when the page says it (the Nilai SAKIP)
    dihitung: str = ""  # a derived measure's "Dihitung dari …" (capaian_kabupaten)


@dataclass(frozen=True)
class Kelengkapan:
    renstra: tuple[str, ...]  # names of the Renstra in force
    keputusan: str | None  # "ditetapkan", "draft" (some decree not approved), None: none
    perjanjian: tuple[tuple[str, str, str], ...]  # (jenis label, status, status label)
    realisasi: tuple[tuple[str, str, str], ...]  # (periode label, status, status label)
    lkip: str | None  # LaporanKinerja status, None: not started

    @property
    def perjanjian_ditetapkan(self) -> bool:
        return bool(self.perjanjian) and all(
            s == PerjanjianKinerja.Status.DITETAPKAN for _, s, _ in self.perjanjian
        )

    @cached_property
    def butir(self) -> tuple[bool, ...]:
        """Every item of the year, True when done: Renstra, IKU decree, PK, the five
        reporting periods verified, LKIP final."""
        return (
            bool(self.renstra),
            self.keputusan == KeputusanIKU.Status.DITETAPKAN,
            self.perjanjian_ditetapkan,
            *(s == PelaporanRealisasi.Status.DIVERIFIKASI for _, s, _ in self.realisasi),
            self.lkip == LaporanKinerja.Status.DITETAPKAN,
        )

    @property
    def jumlah_lengkap(self) -> int:
        return sum(self.butir)

    @property
    def jumlah_butir(self) -> int:
        return len(self.butir)

    @property
    def lengkap(self) -> bool:
        return all(self.butir)

    @property
    def sintetis(self) -> bool:
        """The year rests on demo data (a Renstra made by isi_data_sintetis)."""
        return any(PENANDA_SINTETIS in nama for nama in self.renstra)


@dataclass(frozen=True)
class BarisDasbor:
    kecamatan: Kecamatan
    sel: tuple[Sel, ...]  # aligned with Dasbor.ukuran
    kelengkapan: Kelengkapan
    dasar_perjanjian: str  # the label of the PK the targets come from, "" when none


@dataclass(frozen=True)
class Dasbor:
    tahun: int
    dasar: str
    ukuran: tuple[UkuranDasbor, ...]
    baris: tuple[BarisDasbor, ...]
    rata_rata: tuple[Decimal | None, ...]  # kabupaten average per measure (≥ 3 values)
    jumlah_realisasi: tuple[int, ...]  # kecamatan with a realisasi, per measure
    skala_kriteria: kinerja.Skala
    minimal_pembanding: int = MINIMAL_PEMBANDING

    def indeks(self, kode: str) -> int | None:
        return next((i for i, u in enumerate(self.ukuran) if u.kode == kode), None)

    @property
    def kolom(self) -> list[tuple[UkuranDasbor, Decimal | None, int]]:
        return list(zip(self.ukuran, self.rata_rata, self.jumlah_realisasi, strict=True))


def _ukuran_bersama(kabupaten_id: int) -> list[UkuranDasbor]:
    """The kabupaten's shared measures that some indicator uses, with the polarity and unit
    of their indicators (the most common, should two indicators disagree)."""
    baris = pemakaian_ukuran_bersama(kabupaten_id=kabupaten_id)
    info: dict[int, tuple[str, str]] = {}
    polaritas: dict[int, Counter] = {}
    satuan: dict[int, Counter] = {}
    skala: dict[int, Counter] = {}
    for uid, kode, nama, pol, sat, kategori in baris:
        info[uid] = (kode, nama)
        polaritas.setdefault(uid, Counter())[pol] += 1
        satuan.setdefault(uid, Counter())[sat] += 1
        skala.setdefault(uid, Counter())[kategori] += 1
    return sorted(
        (
            UkuranDasbor(
                id=uid,
                kode=kode,
                nama=nama,
                satuan=satuan[uid].most_common(1)[0][0],
                polaritas=Polaritas(polaritas[uid].most_common(1)[0][0]),
                skala_kategori=skala[uid].most_common(1)[0][0],
            )
            for uid, (kode, nama) in info.items()
        ),
        key=lambda u: u.nama,
    )


def dasbor_kabupaten(
    *,
    kecamatan: QuerySet[Kecamatan],
    kabupaten_id: int,
    tahun: int,
    dasar: str = DasarPerjanjian.BERLAKU,
) -> Dasbor:
    """The table of every kecamatan in ``kecamatan`` (already scoped to the user), in
    kode order. A fixed number of queries whatever the number of rows (held by
    tests/test_dasbor_kabupaten.py), one more per source of a derived measure."""
    daftar_kecamatan = list(kecamatan.order_by("kode"))
    terlihat = kecamatan.values("id")
    semua_ukuran = _ukuran_bersama(kabupaten_id)

    renstra = list(renstra_berlaku_di(kecamatan=kecamatan, tahun=tahun))
    keputusan_terakhir = status_keputusan_terakhir(kecamatan=kecamatan, tahun=tahun)
    capaian = capaian_kabupaten(
        kecamatan=kecamatan,
        kabupaten_id=kabupaten_id,
        tahun=tahun,
        ukuran=semua_ukuran,
        dasar=dasar,
    )
    pelaporan = status_pelaporan_kabupaten(kecamatan=kecamatan, tahun=tahun)
    lkip = dict(
        LaporanKinerja.objects.filter(kecamatan_id__in=terlihat, tahun=tahun)
        .values_list("kecamatan_id", "status")
        .order_by()  # a dict: no join to sort by kabupaten and kecamatan names
    )

    # The Nilai SAKIP and its source, as the evaluasi list and the LKIP show it.
    nilai_sakip = nilai_sakip_kabupaten(
        kecamatan=daftar_kecamatan,
        tahun=tahun,
        skala={kabupaten_id: capaian.semua_skala[JenisSkala.PREDIKAT_SAKIP]},
    )

    # Only the measures the year speaks about (a target or a realisasi); all of them when
    # the year has no data yet, so the page still says what it would show.
    ukuran = tuple(u for u in semua_ukuran if u.id in capaian.dipakai) or tuple(semua_ukuran)

    renstra_per: dict[int, list[Renstra]] = {}
    for r in renstra:
        renstra_per.setdefault(r.kecamatan_id, []).append(r)

    # The cells column by column (a measure across the kecamatan), each ranked and averaged
    # the way an LKIP's benchmark does it, then the rows.
    kolom, rata_rata, jumlah = [], [], []
    for u in ukuran:
        sel = []
        for kec in daftar_kecamatan:
            c = capaian.untuk(kec.id, u.id)
            s = Sel(
                target=c.target,
                realisasi=c.realisasi,
                capaian=c.capaian,
                kriteria=c.kriteria,
                kategori=c.kategori,
                dihitung=c.sumber,
            )
            if u.kode == KODE_UKURAN_NILAI_SAKIP and nilai_sakip[kec.id].nilai is not None:
                n = nilai_sakip[kec.id]
                kategori = kategori_nilai(
                    indikator=u, angka=n.nilai.angka, skala=capaian.semua_skala
                )
                s = replace(
                    s, realisasi=n.nilai, sumber=n.label_sumber, kategori=kategori, dihitung=""
                )
            sel.append(s)
        pembanding = _pembanding(daftar_kecamatan, sel, u, tahun)
        peringkat = pembanding.peringkat_semua
        kolom.append(
            [
                replace(s, peringkat=p) if (p := peringkat.get(kec.id)) is not None else s
                for kec, s in zip(daftar_kecamatan, sel, strict=True)
            ]
        )
        rata_rata.append(pembanding.rata_rata)
        jumlah.append(pembanding.jumlah)

    baris = []
    for j, kec in enumerate(daftar_kecamatan):
        daftar_perjanjian = capaian.perjanjian.get(kec.id, ())
        dasar_perjanjian = capaian.dasar_perjanjian.get(kec.id)
        daftar_renstra = renstra_per.get(kec.id, [])
        status_keputusan = [keputusan_terakhir.get(r.id) for r in daftar_renstra]
        if not daftar_renstra or None in status_keputusan:
            keputusan = None
        elif all(s == KeputusanIKU.Status.DITETAPKAN for s in status_keputusan):
            keputusan = KeputusanIKU.Status.DITETAPKAN
        else:
            keputusan = KeputusanIKU.Status.DRAFT
        kelengkapan = Kelengkapan(
            renstra=tuple(r.nama for r in daftar_renstra),
            keputusan=keputusan,
            perjanjian=tuple(
                (LABEL_JENIS_PK[p.jenis], p.status, LABEL_STATUS_PK[p.status])
                for p in daftar_perjanjian
            ),
            realisasi=tuple(
                (
                    SINGKATAN_PERIODE[periode],
                    s := pelaporan.get((kec.id, periode), PelaporanRealisasi.Status.DRAFT),
                    LABEL_PELAPORAN[s],
                )
                for periode in PERIODE_PELAPORAN
            ),
            lkip=lkip.get(kec.id),
        )
        baris.append(
            BarisDasbor(
                kecamatan=kec,
                sel=tuple(k[j] for k in kolom),
                kelengkapan=kelengkapan,
                dasar_perjanjian=LABEL_JENIS_PK[dasar_perjanjian.jenis] if dasar_perjanjian else "",
            )
        )

    return Dasbor(
        tahun=tahun,
        dasar=dasar,
        ukuran=ukuran,
        baris=tuple(baris),
        rata_rata=tuple(rata_rata),
        jumlah_realisasi=tuple(jumlah),
        skala_kriteria=capaian.skala,
    )


def _pembanding(kecamatan: list[Kecamatan], sel: list[Sel], u: UkuranDasbor, tahun: int):
    """The benchmark of one measure across ``kecamatan`` (``sel``: its cells, aligned)."""
    return Pembanding(
        ukuran=u.nama,
        tahun=tahun,
        polaritas=u.polaritas,
        kecamatan_id=0,
        urutan=urutkan(
            (
                NilaiKecamatan(k.id, k.nama, s.realisasi)
                for k, s in zip(kecamatan, sel, strict=True)
                if s.realisasi is not None
            ),
            u.polaritas,
        ),
    )


# --- filtering and sorting (?q=, ?belum_lengkap=1, ?urut=) -------------------------------


def saring(baris, *, cari: str = "", belum_lengkap: bool = False) -> list[BarisDasbor]:
    cari = cari.strip().lower()
    return [
        b
        for b in baris
        if (not cari or cari in b.kecamatan.nama.lower())
        and (not belum_lengkap or not b.kelengkapan.lengkap)
    ]


def urutan_sah(dasbor: Dasbor) -> set[str]:
    kunci = {"kode", "nama", "kelengkapan"}
    for u in dasbor.ukuran:
        kunci |= {u.kode, f"{u.kode}.capaian"}
    return kunci | {f"-{k}" for k in kunci}


def urutkan_baris(baris, dasbor: Dasbor, urut: str) -> list[BarisDasbor]:
    """Sort by ``urut`` ("-" first: reversed). A kecamatan without a value is always last,
    in either direction; ties by kode."""
    if urut not in urutan_sah(dasbor):
        urut = "kode"
    turun = urut.startswith("-")
    kunci = urut.lstrip("-")
    if kunci in ("kode", "nama"):
        return sorted(baris, key=lambda b: getattr(b.kecamatan, kunci), reverse=turun)
    if kunci == "kelengkapan":
        # Most complete first; reversed: the ones with most still to do first.
        urutan = sorted(baris, key=lambda b: b.kecamatan.kode)
        return sorted(urutan, key=lambda b: b.kelengkapan.jumlah_lengkap, reverse=not turun)
    kode, _, jenis = kunci.partition(".")
    i = dasbor.indeks(kode)

    def nilai(b: BarisDasbor) -> Decimal | None:
        s = b.sel[i]
        if jenis == "capaian":
            return s.capaian
        return Decimal(s.peringkat) if s.peringkat is not None else _urut_realisasi(s, dasbor, i)

    ada = [b for b in baris if nilai(b) is not None]
    tanpa = [b for b in baris if nilai(b) is None]
    # Rank: 1 first; capaian: highest first. "-" turns either around.
    naik = jenis != "capaian"
    ada = sorted(ada, key=lambda b: b.kecamatan.kode)
    ada.sort(key=nilai, reverse=naik == turun)
    return ada + sorted(tanpa, key=lambda b: b.kecamatan.kode)


def _urut_realisasi(s: Sel, dasbor: Dasbor, i: int) -> Decimal | None:
    """With too few values to rank, still order by the realisasi (best first)."""
    if s.realisasi is None:
        return None
    angka = s.realisasi.angka
    return angka if dasbor.ukuran[i].polaritas == Polaritas.NEGATIF else -angka


# --- the trend of one kecamatan against the kabupaten average ----------------------------


@dataclass(frozen=True)
class TitikTren:
    tahun: int
    nilai: Decimal | None  # the kecamatan's realisasi
    rata_rata: Decimal | None  # the kabupaten average (≥ 3 kecamatan), else None
    jumlah: int  # kecamatan with a realisasi that year


@dataclass(frozen=True)
class Tren:
    ukuran: UkuranDasbor
    kecamatan: Kecamatan
    titik: tuple[TitikTren, ...] = field(default=())


def tren_kecamatan(
    *,
    kecamatan: QuerySet[Kecamatan],
    pilihan: Kecamatan,
    ukuran: UkuranDasbor,
    tahun: int,
    jumlah_tahun: int = TAHUN_TREN,
) -> Tren:
    """A kecamatan's yearly realisasi of one measure next to the kabupaten average, over
    ``jumlah_tahun`` years up to ``tahun``: one query."""
    daftar_tahun = list(range(tahun - jumlah_tahun + 1, tahun + 1))
    per_tahun: dict[int, list[NilaiKecamatan]] = {t: [] for t in daftar_tahun}
    for r in realisasi_tren(kecamatan=kecamatan, ukuran_id=ukuran.id, daftar_tahun=daftar_tahun):
        per_tahun[r.tahun].append(
            NilaiKecamatan(r.kecamatan_id, "", nilai_indikator(ukuran, r.nilai, r.huruf))
        )
    titik = []
    for t in daftar_tahun:
        p = Pembanding(
            ukuran=ukuran.nama,
            tahun=t,
            polaritas=ukuran.polaritas,
            kecamatan_id=pilihan.id,
            urutan=tuple(per_tahun[t]),
        )
        sendiri = p.sendiri
        titik.append(TitikTren(t, sendiri.nilai.angka if sendiri else None, p.rata_rata, p.jumlah))
    return Tren(ukuran=ukuran, kecamatan=pilihan, titik=tuple(titik))
