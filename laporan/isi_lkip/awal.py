"""Cover, kata pengantar, daftar isi, BAB I, BAB II and lampiran of the LKIP.

``konteks_awal(laporan)`` returns one key, ``awal``: a :class:`IsiAwal` of small frozen
dataclasses, everything the templates ``_awal_*`` print. Tables are numbered here, after the
number of Renstra, IKU decrees and PK of the year (two PK → Tabel 2.7 and 2.8), so a year with
one PK does not leave a hole in the numbering. Sums go through ``sakip.kinerja``; the templates
only format. A bounded number of queries whatever the number of indicators, programs or rows.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from iku.models import (
    Indikator,
    KeputusanIKU,
    Renstra,
)
from iku.selectors import keputusan_ditetapkan, renstra_tahun
from kecamatan.models import PENDIDIKAN, ProfilTahunan, SaranaPrasarana
from kecamatan.selectors import Dokumen, bawaan_dokumen, profil_tahunan_lengkap
from laporan.evaluasi import tabel_tindak_lanjut
from laporan.isi_lkip.lampiran import TabelJangkaMenengah, tabel_jangka_menengah
from laporan.selectors import NilaiSakip, nilai_sakip
from perjanjian.models import PerjanjianKinerja, TargetPerjanjian
from perjanjian.selectors import (
    Jumlah,
    PohonAnggaran,
    Simpul,
    nilai_indikator,
    perjanjian_tahun,
    pohon_anggaran,
    target_akhir_renstra,
)
from sakip import kinerja
from sakip.format_id import format_tanggal
from sakip.kinerja import Nilai

# --- small helpers ---------------------------------------------------------------------------


def butir(teks: str) -> tuple[str, ...]:
    """A text typed "one item per line" as its non-empty lines."""
    return tuple(b.strip() for b in (teks or "").splitlines() if b.strip())


@dataclass(frozen=True)
class Blok:
    """A paragraph, or the list of items that follows a line ending in a colon."""

    alinea: str = ""
    butir: tuple[str, ...] = ()


def blok(teks: str) -> tuple[Blok, ...]:
    """Lines of a text typed one paragraph per line; the lines after one that ends with ":"
    ("Dasar hukum penyusunan laporan kinerja antara lain :") are the items of a list."""
    hasil: list[Blok] = []
    daftar: list[str] | None = None
    for b in butir(teks):
        if daftar is not None:
            daftar.append(b)
            continue
        hasil.append(Blok(alinea=b))
        if b.endswith(":"):
            daftar = []
    if daftar:
        hasil.append(Blok(butir=tuple(daftar)))
    return tuple(hasil)


def romawi(n: int) -> str:
    """1 → I, 4 → IV: the group numbers of Tabel 1.2."""
    angka = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    hasil = ""
    for nilai, huruf in angka:
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil


def periode(renstra: Renstra, pemisah: str = "-") -> str:
    return f"{renstra.tahun_awal}{pemisah}{renstra.tahun_akhir}"


def _jumlah_int(nilai: Iterable[int]) -> int:
    return int(kinerja.jumlahkan(Decimal(n) for n in nilai) or 0)


class Penomor:
    """Hands out "2.1", "2.2" … in the order the tables are printed."""

    def __init__(self, bab: int, mulai: int = 1):
        self.bab, self.berikut = bab, mulai

    def __call__(self) -> str:
        nomor = f"{self.bab}.{self.berikut}"
        self.berikut += 1
        return nomor


# --- BAB I ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisSDM:
    jabatan: str
    kebutuhan: tuple[int, ...]  # Σ, SD, SMA, D3, S1, S2
    bezetting: tuple[int, ...]
    laki_laki: int
    perempuan: int


@dataclass(frozen=True)
class TabelSDM:
    baris: tuple[BarisSDM, ...]
    jumlah: BarisSDM
    sumber: str


@dataclass(frozen=True)
class BarisSarana:
    nomor: int
    nama: str
    jumlah: int
    kondisi: str
    jumlah_ideal: int


@dataclass(frozen=True)
class KelompokSarana:
    romawi: str
    nama: str
    jumlah: int
    jumlah_ideal: int
    baris: tuple[BarisSarana, ...]


@dataclass(frozen=True)
class TabelSarana:
    kelompok: tuple[KelompokSarana, ...]
    jumlah: int
    jumlah_ideal: int
    sumber: str


@dataclass(frozen=True)
class Profil:
    dasar_hukum: str
    kedudukan: tuple[str, ...]
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]
    susunan_organisasi: tuple[str, ...]
    uraian_sdm: str
    sdm: TabelSDM | None
    uraian_sarana_prasarana: str
    sarana_prasarana: TabelSarana | None
    uraian_isu_strategis: str
    isu_strategis: tuple[str, ...]


def _baris_sdm(jabatan, kebutuhan, bezetting, laki, perempuan) -> BarisSDM:
    return BarisSDM(
        jabatan=jabatan,
        kebutuhan=(_jumlah_int(kebutuhan), *kebutuhan),
        bezetting=(_jumlah_int(bezetting), *bezetting),
        laki_laki=laki,
        perempuan=perempuan,
    )


def tabel_sdm(profil: ProfilTahunan) -> TabelSDM | None:
    """Tabel 1.1: needed and filled posts by education, the Σ column and Jumlah row summed."""
    baris = [
        _baris_sdm(
            k.jabatan,
            tuple(getattr(k, f"kebutuhan_{p}") for p in PENDIDIKAN),
            tuple(getattr(k, f"bezetting_{p}") for p in PENDIDIKAN),
            k.laki_laki,
            k.perempuan,
        )
        for k in profil.komposisi_sdm.all()
    ]
    if not baris:
        return None
    kolom = len(PENDIDIKAN)
    jumlah = _baris_sdm(
        "Jumlah",
        tuple(_jumlah_int(b.kebutuhan[i + 1] for b in baris) for i in range(kolom)),
        tuple(_jumlah_int(b.bezetting[i + 1] for b in baris) for i in range(kolom)),
        _jumlah_int(b.laki_laki for b in baris),
        _jumlah_int(b.perempuan for b in baris),
    )
    return TabelSDM(tuple(baris), jumlah, profil.sumber_data_sdm)


def tabel_sarana(profil: ProfilTahunan) -> TabelSarana | None:
    """Tabel 1.2: grouped by the asset classes of the KIB (I–V in the order of the classes),
    rows numbered across the groups, group subtotals and the table total summed."""
    per_kelompok: dict[str, list] = {}
    for s in profil.sarana_prasarana.all():
        per_kelompok.setdefault(s.kelompok, []).append(s)
    kelompok, nomor = [], 0
    for kode, label in SaranaPrasarana.Kelompok.choices:
        if kode not in per_kelompok:
            continue
        baris = []
        for s in per_kelompok[kode]:
            nomor += 1
            baris.append(BarisSarana(nomor, s.nama, s.jumlah, s.kondisi, s.jumlah_ideal))
        kelompok.append(
            KelompokSarana(
                romawi=romawi(len(kelompok) + 1),
                nama=label.upper(),
                jumlah=_jumlah_int(b.jumlah for b in baris),
                jumlah_ideal=_jumlah_int(b.jumlah_ideal for b in baris),
                baris=tuple(baris),
            )
        )
    if not kelompok:
        return None
    return TabelSarana(
        kelompok=tuple(kelompok),
        jumlah=_jumlah_int(k.jumlah for k in kelompok),
        jumlah_ideal=_jumlah_int(k.jumlah_ideal for k in kelompok),
        sumber=profil.sumber_data_sarana_prasarana,
    )


def profil_tahunan(*, kecamatan_id: int, tahun: int) -> Profil | None:
    profil = profil_tahunan_lengkap(kecamatan_id=kecamatan_id, tahun=tahun)
    if profil is None:
        return None
    return Profil(
        dasar_hukum=" ".join(butir(profil.dasar_hukum)),
        kedudukan=butir(profil.kedudukan),
        tugas=butir(profil.tugas),
        fungsi=butir(profil.fungsi),
        susunan_organisasi=butir(profil.susunan_organisasi),
        uraian_sdm=profil.uraian_sdm,
        sdm=tabel_sdm(profil),
        uraian_sarana_prasarana=profil.uraian_sarana_prasarana,
        sarana_prasarana=tabel_sarana(profil),
        uraian_isu_strategis=profil.uraian_isu_strategis,
        isu_strategis=tuple(i.uraian for i in profil.isu_strategis.all()),
    )


# --- BAB II: Renstra --------------------------------------------------------------------------


@dataclass(frozen=True)
class TujuanCascading:
    nomor: int
    uraian: str
    sasaran: tuple[str, ...]


@dataclass(frozen=True)
class StrategiSasaran:
    """The strategi and kebijakan of one sasaran, as BAB II states them after Tabel 2.1."""

    kode: str
    uraian: str
    strategi: tuple[str, ...]
    kebijakan: tuple[str, ...]


@dataclass(frozen=True)
class TabelCascading:
    """Tabel 2.1 / 2.2: the RPJMD misi, tujuan and sasaran beside the Renstra's; with the
    visi and misi of the RPJMD before it and the strategi and kebijakan per sasaran after."""

    nomor: str
    renstra: Renstra
    rpjmd_periode: str
    rpjmd_misi: str
    rpjmd_tujuan: str
    rpjmd_sasaran: tuple[str, ...]
    tujuan: tuple[TujuanCascading, ...]
    rpjmd_visi: str = ""
    rpjmd_misi_semua: tuple[str, ...] = ()
    strategi: tuple[StrategiSasaran, ...] = ()


@dataclass(frozen=True)
class BarisMatriks:
    nomor: str  # "1." on the first row of a tujuan, else ""
    uraian: str  # the tujuan or sasaran, printed on the first of its rows
    rentang: int  # rows the uraian spans; 0 on the rows it covers
    tingkat: str  # "tujuan" or "sasaran"
    indikator: Indikator | None
    baseline: Nilai | None
    target: tuple[Nilai | None, ...]  # one per year of the Renstra
    target_akhir: Nilai | None


@dataclass(frozen=True)
class TabelMatriks:
    """Tabel 2.3 / 2.4: tujuan, sasaran, their indicators and the target of every year."""

    nomor: str
    renstra: Renstra
    tahun: tuple[int, ...]
    tampil_baseline: bool
    baris: tuple[BarisMatriks, ...]


def tabel_cascading(renstra: Renstra, nomor: str) -> TabelCascading:
    return TabelCascading(
        nomor=nomor,
        renstra=renstra,
        rpjmd_periode=renstra.rpjmd_periode,
        rpjmd_misi=" ".join(butir(renstra.rpjmd_misi)),
        rpjmd_tujuan=" ".join(butir(renstra.rpjmd_tujuan)),
        rpjmd_sasaran=butir(renstra.rpjmd_sasaran),
        tujuan=tuple(
            TujuanCascading(t.nomor, t.uraian, tuple(s.uraian for s in t.sasaran.all()))
            for t in renstra.tujuan.all()
        ),
        rpjmd_visi=" ".join(butir(renstra.rpjmd_visi)),
        rpjmd_misi_semua=butir(renstra.rpjmd_misi_semua),
        strategi=tuple(
            StrategiSasaran(f"{t.nomor}.{s.nomor}", s.uraian, butir(s.strategi), butir(s.kebijakan))
            for t in renstra.tujuan.all()
            for s in t.sasaran.all()
            if s.strategi.strip() or s.kebijakan.strip()
        ),
    )


def _baris_indikator(
    renstra: Renstra, nomor: str, uraian: str, tingkat: str, indikator: list[Indikator]
) -> list[BarisMatriks]:
    if not indikator:
        return [BarisMatriks(nomor, uraian, 1, tingkat, None, None, (), None)]
    hasil = []
    for i, ind in enumerate(indikator):
        per_tahun = {t.tahun: t for t in ind.target.all()}
        hasil.append(
            BarisMatriks(
                nomor=nomor if i == 0 else "",
                uraian=uraian if i == 0 else "",
                rentang=len(indikator) if i == 0 else 0,
                tingkat=tingkat,
                indikator=ind,
                baseline=nilai_indikator(ind, ind.baseline, ind.baseline_huruf),
                target=tuple(
                    nilai_indikator(ind, t.nilai, t.huruf) if (t := per_tahun.get(th)) else None
                    for th in renstra.tahun
                ),
                target_akhir=target_akhir_renstra(ind, renstra.tahun_akhir),
            )
        )
    return hasil


def tabel_matriks(renstra: Renstra, nomor: str) -> TabelMatriks:
    baris = []
    for t in renstra.tujuan.all():
        indikator = list(t.indikator.all())
        baris += _baris_indikator(renstra, f"{t.nomor}.", t.uraian, "tujuan", indikator)
        for s in t.sasaran.all():
            baris += _baris_indikator(renstra, "", s.uraian, "sasaran", list(s.indikator.all()))
    return TabelMatriks(
        nomor=nomor,
        renstra=renstra,
        tahun=tuple(renstra.tahun),
        tampil_baseline=renstra.tahun_baseline < renstra.tahun_awal,
        baris=tuple(baris),
    )


# --- BAB II: IKU ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisIKU:
    nomor: int
    kinerja_utama: str  # the tujuan or sasaran the indicator measures
    indikator: Indikator
    formulasi: tuple[str, ...]
    penjelasan: tuple[str, ...]
    penanggung_jawab: tuple[str, ...]
    sumber_data: str


@dataclass(frozen=True)
class KelompokIKU:
    judul: str  # "" in the single-table layout
    baris: tuple[BarisIKU, ...]


@dataclass(frozen=True)
class TabelIKU:
    """Tabel 2.5 / 2.6: the indicators of a Renstra as its ditetapkan decree lists them."""

    nomor: str
    keputusan: KeputusanIKU
    renstra: Renstra
    terpisah: bool  # the newer layout: Lampiran 1 IKU, Lampiran 2 Indikator Kinerja Lainnya
    kelompok: tuple[KelompokIKU, ...]


JUDUL_LAMPIRAN_IKU = {1: "Indikator Kinerja Utama", 2: "Indikator Kinerja Lainnya"}


def tabel_iku(keputusan: KeputusanIKU, renstra: Renstra, nomor: str) -> TabelIKU:
    terpisah = keputusan.tata_letak == KeputusanIKU.TataLetak.TERPISAH
    per_lampiran: dict[int, list[BarisIKU]] = {}
    for urut, ik in enumerate(keputusan.indikator_lampiran.all(), start=1):
        ind = ik.indikator
        lampiran = ik.lampiran if terpisah else 1
        daftar = per_lampiran.setdefault(lampiran, [])
        daftar.append(
            BarisIKU(
                nomor=len(daftar) + 1 if terpisah else urut,
                kinerja_utama=(ind.sasaran or ind.tujuan).uraian,
                indikator=ind,
                formulasi=butir(ind.formulasi),
                penjelasan=butir(ind.definisi_operasional),
                penanggung_jawab=tuple(str(u) for u in ind.penanggung_jawab.all()),
                sumber_data=ind.sumber_data,
            )
        )
    return TabelIKU(
        nomor=nomor,
        keputusan=keputusan,
        renstra=renstra,
        terpisah=terpisah,
        kelompok=tuple(
            KelompokIKU(JUDUL_LAMPIRAN_IKU.get(lampiran, "") if terpisah else "", tuple(baris))
            for lampiran, baris in sorted(per_lampiran.items())
        ),
    )


# --- BAB II: Perjanjian Kinerja and budget ----------------------------------------------------


@dataclass(frozen=True)
class BarisPK:
    nomor: int | None  # on the first row of a tujuan / sasaran
    uraian: str
    rentang: int  # rows the uraian spans; 0 on the rows it covers
    indikator: Indikator
    target: Nilai


@dataclass(frozen=True)
class ProgramPK:
    kode: str
    nama: str
    anggaran: Decimal | None


@dataclass(frozen=True)
class TabelPerjanjian:
    """Tabel 2.7 / 2.8: what a PK promises, then the budget of its programs (the column the
    PK is signed on: before the change for the first PK, after it for the PK Perubahan)."""

    nomor: str
    perjanjian: PerjanjianKinerja
    baris: tuple[BarisPK, ...]
    program: tuple[ProgramPK, ...]
    jumlah: Decimal | None
    keterangan: str  # "Sumber Dana APBD"


def _induk(indikator: Indikator) -> tuple[str, int]:
    """The tujuan or sasaran an indicator measures, as a comparable key."""
    if indikator.sasaran_id:
        return ("sasaran", indikator.sasaran_id)
    return ("tujuan", indikator.tujuan_id)


def buat_tabel_perjanjian(
    perjanjian: PerjanjianKinerja, anggaran: PohonAnggaran, nomor: str
) -> TabelPerjanjian:
    # Consecutive targets of the same tujuan / sasaran share one numbered cell.
    kelompok: list[list[TargetPerjanjian]] = []
    for t in perjanjian.target.all():
        if kelompok and _induk(kelompok[-1][0].indikator) == _induk(t.indikator):
            kelompok[-1].append(t)
        else:
            kelompok.append([t])
    baris = []
    for no, isi in enumerate(kelompok, start=1):
        for i, t in enumerate(isi):
            ind = t.indikator
            baris.append(
                BarisPK(
                    nomor=no if i == 0 else None,
                    uraian=(ind.sasaran or ind.tujuan).uraian if i == 0 else "",
                    rentang=len(isi) if i == 0 else 0,
                    indikator=ind,
                    target=nilai_indikator(ind, t.nilai, t.huruf),
                )
            )
    kolom = perjanjian.kolom_pagu
    return TabelPerjanjian(
        nomor=nomor,
        perjanjian=perjanjian,
        baris=tuple(baris),
        program=tuple(
            ProgramPK(p.objek.kode, p.objek.nama, p.jumlah.pagu(kolom)) for p in anggaran.program
        ),
        jumlah=anggaran.total.pagu(kolom),
        keterangan=f"Sumber Dana {perjanjian.sumber_dana}".strip(),
    )


@dataclass(frozen=True)
class BarisStruktur:
    """A row of Tabel 2.9 (program, kegiatan, sub kegiatan or the Jumlah row)."""

    kode: str
    nama: str
    tingkat: str  # program, kegiatan, sub_kegiatan, jumlah
    sebelum: Decimal | None
    pergeseran: Decimal | None
    sesudah: Decimal | None
    selisih: Decimal | None  # column 6 = 5 − 4

    @property
    def berkurang(self) -> bool:
        return self.selisih is not None and self.selisih < 0

    @property
    def selisih_mutlak(self) -> Decimal | None:
        """Printed in parentheses when negative, as in the seed: (8.091.400,00)."""
        return None if self.selisih is None else abs(self.selisih)


@dataclass(frozen=True)
class TabelStruktur:
    nomor: str
    baris: tuple[BarisStruktur, ...]
    jumlah: BarisStruktur


def _baris_struktur(kode: str, nama: str, tingkat: str, j: Jumlah) -> BarisStruktur:
    return BarisStruktur(
        kode, nama, tingkat, j.pagu_awal, j.pagu_pergeseran, j.pagu_perubahan, j.bertambah_berkurang
    )


def tabel_struktur(anggaran: PohonAnggaran, nomor: str) -> TabelStruktur:
    def baris(s: Simpul) -> BarisStruktur:
        return _baris_struktur(s.objek.kode, s.objek.nama, s.tingkat, s.jumlah)

    return TabelStruktur(
        nomor=nomor,
        baris=tuple(baris(s) for s in anggaran.baris()),
        jumlah=_baris_struktur("", "Jumlah", "jumlah", anggaran.total),
    )


# --- daftar isi and lampiran ------------------------------------------------------------------


@dataclass(frozen=True)
class EntriDaftarIsi:
    judul: str
    href: str
    tingkat: int  # 0 chapter, 1 section
    romawi: bool = False  # front matter: numbered i, ii, iii


@dataclass(frozen=True)
class EntriLampiran:
    """An annex, in the order it is bound after the LKIP: ``objek`` is the PK or IKU decree
    that its own renderer prints (``jenis`` "perjanjian" / "keputusan"), or the Renstra
    table the LKIP prints (``jenis`` "renstra", a :class:`TabelJangkaMenengah`)."""

    nomor: int
    judul: str
    keterangan: str
    jenis: str = ""
    objek: object = None


@dataclass(frozen=True)
class Penandatangan:
    nama: str
    jabatan: str
    pangkat: str
    nip: str


@dataclass(frozen=True)
class IsiAwal:
    penandatangan: Penandatangan
    kata_pengantar: tuple[str, ...]
    latar_belakang: tuple[Blok, ...]
    maksud_tujuan: tuple[str, ...]
    pengantar_perencanaan: tuple[Blok, ...]
    profil: Profil | None
    tindak_lanjut: tuple
    lhe_sumber: str
    lhe_surat: str  # "Surat Nomor … tanggal …" of the LHE, when recorded
    nilai_sakip: NilaiSakip  # the year's Nilai SAKIP and its source (laporan.selectors)
    renstra: tuple[Renstra, ...]
    perjanjian: tuple[PerjanjianKinerja, ...]
    cascading: tuple[TabelCascading, ...]
    matriks: tuple[TabelMatriks, ...]
    iku: tuple[TabelIKU, ...]
    renstra_tanpa_keputusan: tuple[Renstra, ...]
    tabel_perjanjian: tuple[TabelPerjanjian, ...]
    struktur: TabelStruktur
    daftar_isi: tuple[EntriDaftarIsi, ...]
    lampiran: tuple[EntriLampiran, ...]
    lampiran_renstra: tuple[TabelJangkaMenengah, ...]


def _penandatangan(laporan) -> Penandatangan:
    if laporan.penandatangan_nama:
        return Penandatangan(
            laporan.penandatangan_nama,
            laporan.penandatangan_jabatan,
            laporan.penandatangan_pangkat,
            laporan.penandatangan_nip,
        )
    camat = bawaan_dokumen(
        kecamatan=laporan.kecamatan,
        dokumen=Dokumen.LKIP,
        tahun=laporan.tahun,
        tanggal=laporan.tanggal,
    ).camat
    return Penandatangan(camat.nama, camat.jabatan, camat.pangkat, camat.nip)


def daftar_isi(tahun: int, perjanjian: list[PerjanjianKinerja]) -> tuple[EntriDaftarIsi, ...]:
    """The entries and the anchors they point to. BAB III / IV and the ikhtisar are written by
    ``isi_lkip.capaian``'s templates under the ids fixed here: ``ikhtisar``, ``bab-3``,
    ``bab-3-a``, ``bab-3-pk-<perjanjian id>``, ``bab-3-d`` (the letter after the PKs),
    ``bab-4``, ``bab-4-a``, ``bab-4-b``."""
    e = EntriDaftarIsi
    huruf = "ABCDEFGHIJ"
    bab3 = [e(f"A. KERANGKA PENGUKURAN KINERJA TAHUN {tahun}", "#bab-3-a", 1)]
    for i, p in enumerate(perjanjian, start=1):
        bab3.append(
            e(
                f"{huruf[i]}. CAPAIAN DAN ANALISIS KINERJA – {p.get_jenis_display().upper()} "
                f"TAHUN {tahun} DENGAN DASAR RENSTRA {periode(p.renstra, ' – ')}",
                f"#bab-3-pk-{p.pk}",
                1,
            )
        )
    bab3.append(e(f"{huruf[len(perjanjian) + 1]}. AKUNTABILITAS KEUANGAN", "#bab-3-d", 1))
    return (
        e("KATA PENGANTAR", "#kata-pengantar", 0, romawi=True),
        e("DAFTAR ISI", "#daftar-isi", 0, romawi=True),
        e("IKHTISAR EKSEKUTIF", "#ikhtisar", 0, romawi=True),
        e("BAB I PENDAHULUAN", "#bab-1", 0),
        e("A. LATAR BELAKANG", "#bab-1-a", 1),
        e("B. TUJUAN", "#bab-1-b", 1),
        e("C. TUGAS, FUNGSI DAN SUSUNAN ORGANISASI", "#bab-1-c", 1),
        e("D. DUKUNGAN SUMBER DAYA MANUSIA DAN SARANA PRASARANA", "#bab-1-d", 1),
        e("E. ISU STRATEGIS", "#bab-1-e", 1),
        e(f"F. TINDAK LANJUT ATAS LAPORAN HASIL EVALUASI SAKIP TAHUN {tahun}", "#bab-1-f", 1),
        e("BAB II PERENCANAAN DAN PERJANJIAN KINERJA", "#bab-2", 0),
        e("A. RENCANA STRATEGIS", "#bab-2-a", 1),
        e("B. INDIKATOR KINERJA UTAMA", "#bab-2-b", 1),
        e(f"C. PERJANJIAN KINERJA TAHUN {tahun}", "#bab-2-c", 1),
        e(f"D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN {tahun}", "#bab-2-d", 1),
        e("BAB III AKUNTABILITAS KINERJA", "#bab-3", 0),
        *bab3,
        e("BAB IV PENUTUP", "#bab-4", 0),
        e("A. KESIMPULAN", "#bab-4-a", 1),
        e("B. LANGKAH PERBAIKAN KINERJA", "#bab-4-b", 1),
        e("LAMPIRAN", "#lampiran", 0),
    )


def daftar_lampiran(
    kecamatan,
    perjanjian: list[PerjanjianKinerja],
    iku: list[TabelIKU],
    renstra: list[TabelJangkaMenengah],
) -> tuple[EntriLampiran, ...]:
    """The annexes in the order the seed binds them: the PK of the year, the IKU decrees in
    force, the Renstra tables. The PK and the decrees are printed by their own renderers
    (``laporan.dokumen.lkip``), the Renstra tables by the LKIP."""
    hasil = []
    for p in perjanjian:
        pihak = f"{p.pihak_pertama_jabatan} dan {p.pihak_kedua_jabatan}"
        tanggal = f", {format_tanggal(p.tanggal)}" if p.tanggal else ""
        hasil.append(
            (
                f"{p.get_jenis_display()} Tahun {p.tahun}",
                f"Ditandatangani {pihak} di {p.tempat}{tanggal}; "
                f"dasar Renstra {periode(p.renstra)}.",
                "perjanjian",
                p,
            )
        )
    for t in iku:
        k = t.keputusan
        tanggal = f" tanggal {format_tanggal(k.tanggal)}" if k.tanggal else ""
        hasil.append(
            (
                f"Keputusan Camat {kecamatan.nama} tentang {k.tentang} "
                f"(Renstra {periode(t.renstra)})",
                f"Nomor {k.nomor}{tanggal}.",
                "keputusan",
                k,
            )
        )
    for m in renstra:
        if m.tc25:
            ttd = m.tanda_tangan
            keterangan = (
                f"Tujuan, sasaran dan target kinerja {m.renstra.nama}; diverifikasi "
                f"{ttd.bappeda.jabatan} tanggal {format_tanggal(ttd.tanggal)}."
            )
        else:
            keterangan = f"Tujuan dan sasaran jangka menengah {m.renstra.nama}."
        hasil.append((m.judul, keterangan, "renstra", m))
    return tuple(EntriLampiran(i, *isi) for i, isi in enumerate(hasil, start=1))


def konteks_awal(laporan) -> dict:
    kecamatan = laporan.kecamatan
    tahun = laporan.tahun
    profil = profil_tahunan(kecamatan_id=kecamatan.id, tahun=tahun)
    renstra = renstra_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    perjanjian = perjanjian_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    anggaran = pohon_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    keputusan = keputusan_ditetapkan(renstra_ids=[r.id for r in renstra])

    nomor = Penomor(2)
    cascading = [tabel_cascading(r, nomor()) for r in renstra]
    matriks = [tabel_matriks(r, nomor()) for r in renstra]
    iku = [tabel_iku(keputusan[r.id], r, nomor()) for r in renstra if r.id in keputusan]
    tabel_perjanjian = [buat_tabel_perjanjian(p, anggaran, nomor()) for p in perjanjian]
    struktur = tabel_struktur(anggaran, nomor())

    lampiran_renstra = [tabel_jangka_menengah(r, kecamatan) for r in renstra]
    tabel_13 = tabel_tindak_lanjut(laporan)
    return {
        "awal": IsiAwal(
            penandatangan=_penandatangan(laporan),
            kata_pengantar=butir(laporan.kata_pengantar),
            latar_belakang=blok(laporan.latar_belakang),
            maksud_tujuan=butir(laporan.maksud_tujuan),
            pengantar_perencanaan=blok(laporan.pengantar_perencanaan),
            profil=profil,
            tindak_lanjut=tabel_13.baris,
            lhe_sumber=tabel_13.sumber,
            lhe_surat=tabel_13.surat,
            nilai_sakip=nilai_sakip(kecamatan=kecamatan, tahun=tahun),
            renstra=tuple(renstra),
            perjanjian=tuple(perjanjian),
            cascading=tuple(cascading),
            matriks=tuple(matriks),
            iku=tuple(iku),
            renstra_tanpa_keputusan=tuple(r for r in renstra if r.id not in keputusan),
            tabel_perjanjian=tuple(tabel_perjanjian),
            struktur=struktur,
            daftar_isi=daftar_isi(tahun, perjanjian),
            lampiran=daftar_lampiran(kecamatan, perjanjian, iku, lampiran_renstra),
            lampiran_renstra=tuple(lampiran_renstra),
        )
    }
