"""Ikhtisar eksekutif, BAB III and BAB IV of the LKIP.

Everything is read through the selectors of the measurement (``perjanjian.selectors.tabel``: one
budget tree shared by every PK of the year), plus one query each for the program indicators,
the narratives, the benchmark across kecamatan and the realisasi over the Renstra years (for
the charts): the number of queries does not grow with indicators, programs or years. Every
number is computed by ``sakip.kinerja``; the templates only format and phrase.

Numbering follows the data: Tabel 3.1 is the scale; each PK of the year (awal, then perubahan)
gets its capaian table, one table of supporting programs per sasaran and an efficiency table;
the budget realisation closes BAB III. The Kencong 2025 seed skips Tabel 3.11 (its efficiency
table of the PK Perubahan is "3.12", its budget table "3.13"); here tables are numbered
consecutively, so those two are 3.11 and 3.12.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from iku.models import Sasaran, Tujuan
from kecamatan.selectors import sumber_skala
from laporan.evaluasi import lhe_tahun, surat_lhe, ukuran_nilai_sakip
from laporan.grafik import Grafik, grafik_tahunan
from laporan.pembanding import Pembanding, pembanding_tahunan
from perjanjian.models import (
    IndikatorProgram,
    NarasiSasaran,
    PerjanjianKinerja,
    Program,
)
from perjanjian.selectors import (
    BarisCapaian,
    BarisEfisiensi,
    PohonAnggaran,
    Simpul,
    TabelCapaian,
    TitikTren,
    capaian_indikator_program,
    capaian_kecamatan,
    capaian_tahunan,
    indikator_program_pk,
    narasi_sasaran,
    pohon_anggaran,
    satuan_tampil,
)
from sakip import kinerja
from sakip.format_id import format_angka
from sakip.kinerja import MetodeNegatif, Nilai, Pita, Skala

HURUF_BAGIAN = "BCDEFGH"


def baris_teks(teks: str) -> tuple[str, ...]:
    """A text typed "one item per line" as its items."""
    return tuple(b.strip() for b in (teks or "").splitlines() if b.strip())


# --- Tabel 3.1 -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisSkala:
    nomor: int
    interval: str  # "≥ 90", "76 ≤ x < 90", "x < 51"
    pita: Pita


def _batas(angka: Decimal) -> str:
    return format_angka(angka, 4, buang_nol=True)


def baris_skala(skala: Skala) -> tuple[BarisSkala, ...]:
    """The bands of a scale with their intervals written out, highest first."""
    hasil = []
    atas = None  # the band above: its lower bound closes this band from above
    for nomor, p in enumerate(skala.pita, start=1):
        if atas is None:
            teks = (
                f"{'≥' if p.inklusif else '>'} {_batas(p.batas_bawah)}"
                if p.batas_bawah is not None
                else "semua nilai"
            )
        else:
            tutup = "<" if atas.inklusif else "≤"
            if p.batas_bawah is None:
                teks = f"x {tutup} {_batas(atas.batas_bawah)}"
            else:
                buka = "≤" if p.inklusif else "<"
                teks = f"{_batas(p.batas_bawah)} {buka} x {tutup} {_batas(atas.batas_bawah)}"
        hasil.append(BarisSkala(nomor, teks, p))
        atas = p
    return tuple(hasil)


# --- analysis per indicator, sasaran, tujuan -------------------------------------------------


@dataclass(frozen=True)
class IndikatorPendukung:
    """An indicator of a program, kegiatan or sub kegiatan as promised in one PK."""

    uraian: str
    satuan: str
    target: Nilai
    realisasi: Nilai | None
    capaian: Decimal | None
    # A derived indicator (IndikatorProgram.sumber_realisasi): "Dihitung dari …", printed
    # under the table.
    sumber: str = ""


@dataclass(frozen=True)
class BarisPendukung:
    """A row of Tabel 3.3–3.6 / 3.9–3.10: a program, kegiatan or sub kegiatan."""

    tingkat: str  # "program", "kegiatan", "sub_kegiatan"
    nama: str
    indikator: tuple[IndikatorPendukung, ...]


@dataclass(frozen=True)
class ProgramPendukung:
    program: Program
    indikator: tuple[IndikatorPendukung, ...]
    faktor_pendorong: str
    faktor_penghambat: str


@dataclass(frozen=True)
class AnalisisIndikator:
    baris: BarisCapaian
    kolom_tren: tuple[Nilai | None, ...]  # the realisasi columns of Tabel 3.2 (``tahun_tren``)
    titik_tren: tuple[TitikTren, ...]  # point c and the chart: CapaianKecamatan.tren
    arah: kinerja.Tren | None
    arah_terakhir: kinerja.Tren | None
    pembanding: Pembanding | None

    @property
    def sebelumnya(self) -> TitikTren | None:
        return self.titik_tren[-2] if len(self.titik_tren) >= 2 else None


@dataclass(frozen=True)
class Blok:
    """The analysis of the indicators of one sasaran (with its supporting programs and
    narratives) or, when ``sasaran`` is None, of the tujuan's own indicators."""

    indikator: tuple[AnalisisIndikator, ...]
    sasaran: Sasaran | None = None
    nomor_bagian: str = ""  # "B.2.1"
    nomor_tabel: str = ""  # "3.4"
    baris_program: tuple[BarisPendukung, ...] = ()
    program: tuple[ProgramPendukung, ...] = ()
    ada_narasi: bool = False
    pendorong: tuple[str, ...] = ()
    penghambat: tuple[str, ...] = ()
    tantangan: tuple[str, ...] = ()

    @property
    def semua_tercapai(self) -> bool:
        return all(a.baris.tercapai for a in self.indikator)


@dataclass(frozen=True)
class AnalisisTujuan:
    nomor_bagian: str  # "B.1"
    tujuan: Tujuan
    blok: tuple[Blok, ...]  # the tujuan's own indicators (if any), then each sasaran

    @property
    def sasaran(self) -> tuple[Blok, ...]:
        return tuple(b for b in self.blok if b.sasaran is not None)


@dataclass(frozen=True)
class SisaAnggaran:
    """A sub kegiatan (or a kegiatan without sub kegiatan) of a sasaran's programs whose
    realisasi stayed under its budget: where an efficiency comes from."""

    nama: str
    pagu: Decimal
    realisasi: Decimal
    sisa: Decimal


# How many budget lines with a remainder are named as the source of an efficiency.
JUMLAH_SUMBER_SISA = 3


def sisa_anggaran(program: Sequence[Simpul]) -> tuple[SisaAnggaran, ...]:
    """The lowest budget lines of ``program`` left partly unspent, largest remainder first
    (ties by name), at most ``JUMLAH_SUMBER_SISA``."""
    daun = [s for p in program for k in p.anak for s in (k.anak or [k])]
    hasil = []
    for s in daun:
        sisa = kinerja.selisih(s.jumlah.pagu_akhir, s.jumlah.realisasi)
        if sisa is not None and sisa > 0:
            hasil.append(SisaAnggaran(s.objek.nama, s.jumlah.pagu_akhir, s.jumlah.realisasi, sisa))
    hasil.sort(key=lambda x: (-x.sisa, x.nama))
    return tuple(hasil[:JUMLAH_SUMBER_SISA])


@dataclass(frozen=True)
class BarisEfisiensiLKIP:
    nomor: int
    efisiensi: BarisEfisiensi
    tercapai: bool  # capaian kinerja ≥ 100 %
    sumber_sisa: tuple[SisaAnggaran, ...] = ()  # only for an efficient sasaran

    @property
    def baris_span(self) -> int:
        """Rows of the sasaran in Tabel 3.7: itself, its indicators, their mean if several."""
        n = len(self.efisiensi.indikator)
        return 1 + n + (1 if n > 1 else 0)


@dataclass(frozen=True)
class BagianPK:
    """Section B, C … of BAB III: one Perjanjian Kinerja of the year."""

    huruf: str
    anker: str
    perjanjian: PerjanjianKinerja
    tabel: TabelCapaian
    nama_perjanjian: str  # "PK" / "PK Perubahan"
    nama_renstra: str  # "Renstra 2021-2026"
    nomor_tabel: str
    baris: tuple[AnalisisIndikator, ...]  # Tabel 3.2 / 3.8 in Renstra order
    tahun_tren: tuple[int, ...]  # the realisasi columns the Renstra covers
    nomor_kolom: tuple[str, ...]  # the numbered row under the header: 1, 2 … "7 = 6/5 × 100"
    jumlah_tujuan: int
    jumlah_sasaran: int
    tujuan: tuple[AnalisisTujuan, ...]
    nomor_bagian_efisiensi: str
    nomor_tabel_efisiensi: str
    efisiensi: tuple[BarisEfisiensiLKIP, ...]
    grafik: tuple[Grafik, ...]

    @property
    def sumber_anggaran(self) -> str:
        return "DPA" if self.perjanjian.jenis == PerjanjianKinerja.Jenis.AWAL else "DPPA"

    @property
    def ada_target_luar(self) -> bool:
        """Whether a measure of the table has a national or provincial target (column 14)."""
        return any(a.pembanding is not None and a.pembanding.target_luar for a in self.baris)


# --- loading -------------------------------------------------------------------------------


def nomor_kolom(jumlah_tren: int) -> tuple[str, ...]:
    """Column numbers of Tabel 3.2 / 3.8 as the seed prints them, with the two formulas."""
    akhir = 9 + jumlah_tren  # the Renstra end target
    return (
        *(str(n) for n in range(1, 7)),
        "7 = 6/5 × 100",
        "8",
        *(str(n) for n in range(9, akhir)),
        str(akhir),
        f"{akhir + 1} = 6/{akhir} × 100",
        str(akhir + 2),
    )


def _indikator_pendukung(ip: IndikatorProgram) -> IndikatorPendukung:
    satuan = satuan_tampil(ip.satuan)
    realisasi = ip.realisasi_berlaku  # the computed one of a derived indicator
    return IndikatorPendukung(
        uraian=ip.uraian,
        satuan=ip.satuan,
        target=Nilai(ip.target, satuan=satuan),
        realisasi=Nilai(realisasi, satuan=satuan) if realisasi is not None else None,
        capaian=capaian_indikator_program(ip),
        sumber=ip.turunan.keterangan if ip.turunan is not None else "",
    )


_AWALAN = {"program": "", "kegiatan": "Kegiatan ", "sub_kegiatan": "Sub kegiatan "}


def _program_pendukung(
    program: list[Simpul], indikator: dict[tuple[str, int], list[IndikatorPendukung]]
) -> tuple[tuple[BarisPendukung, ...], tuple[ProgramPendukung, ...]]:
    """Tabel 3.3 rows in tree order: every node with an indicator in this PK, and the
    kegiatan above an indicated sub kegiatan (with an empty indicator cell)."""
    baris, daftar = [], []
    for p in program:
        milik_p = indikator.get(("program", p.objek.id), [])
        baris_p = [BarisPendukung("program", p.objek.nama, tuple(milik_p))]
        for k in p.anak:
            milik_k = indikator.get(("kegiatan", k.objek.id), [])
            baris_s = [
                BarisPendukung("sub_kegiatan", _AWALAN["sub_kegiatan"] + s.objek.nama, tuple(m))
                for s in k.anak
                if (m := indikator.get(("sub_kegiatan", s.objek.id)))
            ]
            if milik_k or baris_s:
                baris_p.append(
                    BarisPendukung("kegiatan", _AWALAN["kegiatan"] + k.objek.nama, tuple(milik_k))
                )
                baris_p.extend(baris_s)
        if milik_p or len(baris_p) > 1:
            baris.extend(baris_p)
            daftar.append(
                ProgramPendukung(
                    program=p.objek,
                    indikator=tuple(milik_p),
                    faktor_pendorong=p.objek.faktor_pendorong.strip(),
                    faktor_penghambat=p.objek.faktor_penghambat.strip(),
                )
            )
    return tuple(baris), tuple(daftar)


def _indikator_program(perjanjian_ids: list[int]) -> dict[int, dict]:
    """Per PK: (level, id) → its indicators, in their order. One query."""
    hasil: dict[int, dict] = {pid: {} for pid in perjanjian_ids}
    for ip in indikator_program_pk(perjanjian_ids=perjanjian_ids):
        if ip.program_id:
            kunci = ("program", ip.program_id)
        elif ip.kegiatan_id:
            kunci = ("kegiatan", ip.kegiatan_id)
        else:
            kunci = ("sub_kegiatan", ip.sub_kegiatan_id)
        hasil[ip.perjanjian_id].setdefault(kunci, []).append(_indikator_pendukung(ip))
    return hasil


def kolom_tren(tabel: TabelCapaian, tahun: int) -> tuple[int, ...]:
    """The realisasi columns of Tabel 3.2 / 3.8: the years of the trend series
    (``CapaianKecamatan.tren``) that are Renstra years after its baseline, and any earlier
    year in which an indicator of the PK has a realisasi (history before the Renstra)."""
    renstra = tabel.perjanjian.renstra
    berisi = {t.tahun for b in tabel.baris for t in b.titik_tren if not t.kondisi_awal}
    mulai = min([renstra.tahun_baseline + 1, *berisi])
    return tuple(
        th
        for th in range(mulai, tahun)
        if th in berisi or (th >= renstra.tahun_awal and th > renstra.tahun_baseline)
    )


def _analisis_indikator(
    b: BarisCapaian, *, tahun_tren: tuple[int, ...], pembanding: dict
) -> AnalisisIndikator:
    ind = b.indikator
    titik = b.titik_tren
    tren = {t.tahun: t.nilai for t in titik if not t.kondisi_awal}
    angka = [t.nilai.angka for t in titik]
    return AnalisisIndikator(
        baris=b,
        kolom_tren=tuple(tren.get(th) for th in tahun_tren),
        titik_tren=titik,
        arah=kinerja.tren(angka),
        arah_terakhir=kinerja.arah_terakhir(angka),
        pembanding=pembanding.get(ind.ukuran_id),
    )


def _bagian_pk(
    tabel: TabelCapaian,
    *,
    huruf: str,
    tahun: int,
    nomor_tabel: list[int],
    pembanding: dict,
    indikator_program: dict,
    narasi: dict[int, NarasiSasaran],
    grafik: tuple[Grafik, ...],
) -> BagianPK:
    perjanjian = tabel.perjanjian
    renstra = perjanjian.renstra
    tahun_tren = kolom_tren(tabel, tahun)

    nomor_tabel[0] += 1
    nomor_capaian = f"3.{nomor_tabel[0]}"
    analisis = [
        _analisis_indikator(b, tahun_tren=tahun_tren, pembanding=pembanding) for b in tabel.baris
    ]

    # Group by tujuan (its own indicators first), then its sasaran, in Renstra order.
    per_tujuan: dict[int, dict] = {}
    for a in analisis:
        ind = a.baris.indikator
        tujuan = ind.sasaran.tujuan if ind.sasaran_id else ind.tujuan
        kelompok = per_tujuan.setdefault(
            tujuan.id, {"tujuan": tujuan, "indikator": [], "sasaran": {}}
        )
        if ind.sasaran_id:
            kelompok["sasaran"].setdefault(ind.sasaran_id, []).append(a)
        else:
            kelompok["indikator"].append(a)

    tujuan_list = []
    for nomor_t, kelompok in enumerate(
        sorted(per_tujuan.values(), key=lambda k: k["tujuan"].nomor), start=1
    ):
        sasaran_list = []
        for nomor_s, (sid, daftar) in enumerate(
            sorted(kelompok["sasaran"].items(), key=lambda kv: kv[1][0].baris.sasaran.nomor),
            start=1,
        ):
            sasaran = daftar[0].baris.sasaran
            nomor_tabel[0] += 1
            baris_p, program = _program_pendukung(
                tabel.anggaran.untuk_sasaran(sid), indikator_program.get(perjanjian.id, {})
            )
            n = narasi.get(sid)
            sasaran_list.append(
                Blok(
                    nomor_bagian=f"{huruf}.{nomor_t}.{nomor_s}",
                    sasaran=sasaran,
                    indikator=tuple(daftar),
                    nomor_tabel=f"3.{nomor_tabel[0]}",
                    baris_program=baris_p,
                    program=program,
                    ada_narasi=n is not None,
                    pendorong=baris_teks(n.faktor_pendorong) if n else (),
                    penghambat=baris_teks(n.faktor_penghambat) if n else (),
                    tantangan=baris_teks(n.tantangan) if n else (),
                )
            )
        sendiri = [Blok(tuple(kelompok["indikator"]))] if kelompok["indikator"] else []
        tujuan_list.append(
            AnalisisTujuan(
                nomor_bagian=f"{huruf}.{nomor_t}",
                tujuan=kelompok["tujuan"],
                blok=(*sendiri, *sasaran_list),
            )
        )

    nomor_tabel[0] += 1
    return BagianPK(
        huruf=huruf,
        anker=f"bab-3-pk-{perjanjian.id}",
        perjanjian=perjanjian,
        tabel=tabel,
        nama_perjanjian="PK Perubahan" if perjanjian.jenis == perjanjian.Jenis.PERUBAHAN else "PK",
        nama_renstra=f"Renstra {renstra.tahun_awal}-{renstra.tahun_akhir}",
        nomor_tabel=nomor_capaian,
        baris=tuple(analisis),
        tahun_tren=tahun_tren,
        nomor_kolom=nomor_kolom(len(tahun_tren)),
        jumlah_tujuan=len(tujuan_list),
        jumlah_sasaran=sum(len(t.sasaran) for t in tujuan_list),
        tujuan=tuple(tujuan_list),
        nomor_bagian_efisiensi=f"{huruf}.{len(tujuan_list) + 1}",
        nomor_tabel_efisiensi=f"3.{nomor_tabel[0]}",
        efisiensi=tuple(
            BarisEfisiensiLKIP(
                nomor=i,
                efisiensi=e,
                tercapai=e.capaian_kinerja is not None and e.capaian_kinerja >= 100,
                sumber_sisa=(
                    sisa_anggaran(e.program)
                    if e.hasil.kategori == kinerja.KategoriEfisiensi.EFISIEN
                    else ()
                ),
            )
            for i, e in enumerate(tabel.efisiensi, start=1)
        ),
        grafik=grafik,
    )


@dataclass(frozen=True)
class Bagian:
    """An entry the daftar isi may list: anchor, title, level (1 = chapter)."""

    anker: str
    judul: str
    tingkat: int


# Bab III's legal basis when the LKIP has none typed (LaporanKinerja.dasar_capaian): the
# regulations the seed's LKIP names for measuring and reporting capaian (seeds/004, Bab I).
DASAR_CAPAIAN_BAWAAN = (
    "Pengukuran dan pelaporan capaian kinerja tahun {tahun} berpedoman pada Peraturan Presiden "
    "Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan "
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang "
    "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
    "Kinerja Instansi Pemerintah: capaian dilaporkan atas kinerja yang ditetapkan dalam "
    "Perjanjian Kinerja tahun {tahun}."
)


def dasar_capaian(laporan) -> tuple[str, ...]:
    """The paragraphs of Bab III's legal basis: typed on the LKIP page, else the default."""
    return baris_teks(laporan.dasar_capaian) or (DASAR_CAPAIAN_BAWAAN.format(tahun=laporan.tahun),)


def _sumber_skala(skala: Skala) -> str:
    return sumber_skala(kode=skala.kode)


def konteks_capaian(laporan) -> dict:
    kecamatan = laporan.kecamatan
    tahun = laporan.tahun
    # The year's capaian rows, loaded once for the tables and the charts.
    capaian = capaian_kecamatan(kecamatan=kecamatan, tahun=tahun, lengkap=True)
    tabel = capaian_tahunan(kecamatan=kecamatan, tahun=tahun, capaian=capaian)
    anggaran: PohonAnggaran = (
        tabel[0].anggaran if tabel else pohon_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    )
    skala = capaian.skala_kriteria
    semua_baris = [b for t in tabel for b in t.baris]
    pembanding = pembanding_tahunan(
        kecamatan=kecamatan, tahun=tahun, indikator=[b.indikator for b in semua_baris]
    )
    indikator_program = _indikator_program([t.perjanjian.id for t in tabel])
    sasaran_ids = {b.sasaran.id for b in semua_baris if b.sasaran is not None}
    narasi = narasi_sasaran(sasaran_ids=sasaran_ids, tahun=tahun)
    grafik = {
        g.perjanjian.id: g.grafik
        for g in grafik_tahunan(kecamatan=kecamatan, tahun=tahun, capaian=capaian)
    }

    nomor_tabel = [1]  # Tabel 3.1 is the scale
    bagian_pk = []
    for huruf, t in zip(HURUF_BAGIAN, tabel, strict=False):
        bagian_pk.append(
            _bagian_pk(
                t,
                huruf=huruf,
                tahun=tahun,
                nomor_tabel=nomor_tabel,
                pembanding=pembanding,
                indikator_program=indikator_program,
                narasi=narasi,
                grafik=grafik.get(t.perjanjian.id, ()),
            )
        )
    nomor_tabel[0] += 1
    huruf_keuangan = HURUF_BAGIAN[len(bagian_pk)]

    daftar = [
        Bagian("ikhtisar", "IKHTISAR EKSEKUTIF", 1),
        Bagian("bab-3", "BAB III AKUNTABILITAS KINERJA", 1),
        Bagian("bab-3-a", f"A. KERANGKA PENGUKURAN KINERJA TAHUN {tahun}", 2),
        *(
            Bagian(
                b.anker,
                f"{b.huruf}. CAPAIAN DAN ANALISIS KINERJA – "
                f"{b.perjanjian.get_jenis_display().upper()} TAHUN {tahun} DENGAN DASAR "
                f"{b.nama_renstra.upper()}",
                2,
            )
            for b in bagian_pk
        ),
        Bagian("bab-3-d", f"{huruf_keuangan}. AKUNTABILITAS KEUANGAN", 2),
        Bagian("bab-4", "BAB IV PENUTUP", 1),
        Bagian("bab-4-a", "A. KESIMPULAN", 2),
        Bagian("bab-4-b", "B. LANGKAH PERBAIKAN KINERJA", 2),
    ]
    lhe = lhe_tahun(kecamatan=kecamatan, tahun=tahun)
    return {
        "capaian_draf": laporan.status != laporan.Status.DITETAPKAN,
        "capaian_dasar": dasar_capaian(laporan),
        "capaian_lhe": lhe,
        "capaian_lhe_surat": surat_lhe(lhe),
        "capaian_ukuran_lhe": ukuran_nilai_sakip(kabupaten_id=kecamatan.kabupaten_id)
        if lhe is not None
        else set(),
        "capaian_perjanjian": tuple(bagian_pk),
        "capaian_bagian": tuple(daftar),
        "capaian_ketercapaian": kinerja.hitung_tercapai(b.capaian for b in semua_baris),
        "capaian_jumlah_indikator": len(semua_baris),
        "capaian_skala": skala,
        "capaian_skala_baris": baris_skala(skala),
        "capaian_skala_sumber": _sumber_skala(skala),
        "capaian_ada_negatif": any(
            b.indikator.polaritas == kinerja.Polaritas.NEGATIF for b in semua_baris
        ),
        "capaian_ada_rasio": any(
            b.indikator.polaritas == kinerja.Polaritas.NEGATIF
            and b.indikator.metode_negatif == MetodeNegatif.RASIO
            for b in semua_baris
        ),
        "capaian_anggaran": anggaran,
        "capaian_anggaran_baris": tuple(anggaran.baris()),
        "capaian_rincian_belanja": anggaran.rincian_belanja(),
        "capaian_nomor_tabel_anggaran": f"3.{nomor_tabel[0]}",
        "capaian_huruf_keuangan": huruf_keuangan,
        "capaian_kesimpulan": laporan.kesimpulan.strip(),
        "capaian_hambatan": baris_teks(laporan.hambatan),
        "capaian_faktor_keberhasilan": baris_teks(laporan.faktor_keberhasilan),
        "capaian_langkah_perbaikan": baris_teks(laporan.langkah_perbaikan),
    }
