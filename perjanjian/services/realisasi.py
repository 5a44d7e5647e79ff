"""Realisasi of one period (triwulan or tahunan): the grid people fill, and the workflow.

Reads: ``grid_realisasi`` loads every indicator of every PK of the year with its target, the
stored realisasi of the period and the capaian computed by ``sakip.kinerja`` against the PK's
annual target, in a fixed number of queries. ``hitung_capaian`` is the one function both the
page and the htmx endpoint use, so what appears while typing is what the page shows after
saving.

Writes: ``realisasi_simpan`` (the whole grid, all or nothing, with the stale-save check) and the
workflow of ``PelaporanRealisasi``: draft → diajukan (operator or camat) → diverifikasi or
dikembalikan (Bappeda of the kabupaten, with a comment); dikembalikan → diajukan again;
diverifikasi → dikembalikan when Bappeda reopens the period with a reason. While diajukan the
kecamatan cannot edit; verified values are locked by the model guard. A period's budget
realisasi (RealisasiAnggaran) belongs to it and follows the same status.

Realisasi is stored per measure (``Ukuran``): an indicator measured by the same Ukuran in both
PKs of a year (IKM in Kencong 2025) is one stored value shown in both rows.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.urls import reverse

from iku.models import Indikator, Ukuran
from iku.selectors import renstra_berlaku, ukuran_renstra
from kecamatan.models import Kecamatan, Pengguna
from kecamatan.services import kecamatan_kunci
from perjanjian.models import (
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Realisasi,
    TargetPerjanjian,
)
from perjanjian.selectors.anggaran import anggaran_periode
from perjanjian.selectors.capaian import (
    capaian_kecamatan,
    kategori_nilai,
    nilai_indikator,
    ukur_capaian,
)
from perjanjian.selectors.peringatan import Peringatan, peringatan_realisasi
from perjanjian.selectors.tahun import perjanjian_daftar
from perjanjian.selectors.turunan import NilaiTurunan, keterangan_sumber
from sakip import akses, kinerja, konkurensi
from sakip.akses import Izin
from sakip.alur import jalankan_transisi
from sakip.format_id import format_nilai
from sakip.isian import batas_kolom
from sakip.kinerja import Nilai, Pita
from sakip.konfirmasi import Kekurangan, jaga_lengkap
from sakip.penguncian import DataTerkunci, TransisiDitolak

Status = PelaporanRealisasi.Status

# --- reads -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilCapaian:
    """What the capaian cell shows: the percentage and its band, or why there is none."""

    capaian: Decimal | None = None
    kriteria: Pita | None = None
    kategori: Pita | None = None  # the value on the indicator's own scale (kategori_nilai)
    galat: str = ""  # the parse error of what was typed, in Indonesian
    keterangan: str = ""  # why the capaian is not computable
    # Accepted but implausible (perjanjian.selectors.peringatan_realisasi): shown in the cell.
    peringatan: tuple[Peringatan, ...] = ()

    @property
    def kosong(self) -> bool:
        return self.capaian is None and not self.galat and not self.keterangan


def hitung_capaian(
    *,
    indikator: Indikator | None,
    target: TargetPerjanjian | None,
    nilai: Nilai | None,
    skala: kinerja.Skala,
    semua_skala: Mapping[str, kinerja.Skala] | None = None,
) -> HasilCapaian:
    """Capaian of a realisasi against the PK's (annual) target and its kriteria band; with
    the year's ``semua_skala``, the value's category on the indicator's own scale too."""
    if nilai is None:
        return HasilCapaian()
    kategori = (
        kategori_nilai(indikator=indikator, angka=nilai.angka, skala=semua_skala)
        if semua_skala
        else None
    )
    if target is None or indikator is None:
        return HasilCapaian(
            keterangan="belum dapat dihitung: indikator ini tidak punya target dalam PK",
            peringatan=peringatan_realisasi(indikator=indikator, nilai=nilai.angka, capaian=None),
        )
    angka, kriteria = ukur_capaian(
        indikator=indikator, target=target.nilai, realisasi=nilai.angka, skala=skala
    )
    return hasil_capaian(
        nilai=nilai, capaian=angka, kriteria=kriteria, indikator=indikator, kategori=kategori
    )


def hasil_capaian(
    *,
    nilai: Nilai | None,
    capaian: Decimal | None,
    kriteria: Pita | None,
    indikator: Indikator | None = None,
    kategori: Pita | None = None,
) -> HasilCapaian:
    """What the cell shows for a row of the selector (or a typed value) measured against its
    target: nothing without a realisasi, why not when the capaian is not computable, and the
    warnings of an implausible value."""
    if nilai is None:
        return HasilCapaian()
    peringatan = peringatan_realisasi(indikator=indikator, nilai=nilai.angka, capaian=capaian)
    if capaian is None:
        return HasilCapaian(
            keterangan="belum dapat dihitung", kategori=kategori, peringatan=peringatan
        )
    return HasilCapaian(
        capaian=capaian, kriteria=kriteria, kategori=kategori, peringatan=peringatan
    )


def hitung_teks(
    *,
    indikator: Indikator | None,
    target: TargetPerjanjian | None,
    teks: str,
    skala: kinerja.Skala,
    semua_skala: Mapping[str, kinerja.Skala] | None = None,
) -> HasilCapaian:
    """The same, from what is being typed: an empty field, a parse error or a capaian."""
    teks = (teks or "").strip()
    if not teks:
        return HasilCapaian()
    try:
        nilai = kinerja.parse_nilai(teks)
        # What the save would refuse is said while typing, not turned into a capaian.
        batas_kolom(Realisasi._meta.get_field("nilai")).periksa(nilai.angka)
    except ValueError as e:
        return HasilCapaian(galat=str(e))
    return hitung_capaian(
        indikator=indikator, target=target, nilai=nilai, skala=skala, semua_skala=semua_skala
    )


def teks_nilai(realisasi: Realisasi | None) -> str:
    """A stored realisasi as it is written back into its input ("92,33", "A (80,41)")."""
    if realisasi is None:
        return ""
    return format_nilai(Nilai(realisasi.nilai, realisasi.huruf or None))


@dataclass
class BarisRealisasi:
    """One indicator of one PK on the page."""

    prefix: str  # form field prefix: "b<pk>_<indikator>", "u<ukuran>" or "lain"
    ukuran: Ukuran
    perjanjian: PerjanjianKinerja | None = None
    target: TargetPerjanjian | None = None
    indikator: Indikator | None = None
    tingkat: str = ""  # "Tujuan 1", "Sasaran 2.1"
    uraian: str = ""
    target_nilai: Nilai | None = None
    realisasi: Realisasi | None = None
    hasil: HasilCapaian = field(default_factory=HasilCapaian)
    pertama: bool = True  # the first row of its measure on the page
    kembar: list["BarisRealisasi"] = field(default_factory=list)  # other rows, same measure
    # A derived measure (Indikator.sumber_realisasi): shown computed, read-only, with its source.
    turunan: NilaiTurunan | None = None

    @property
    def id_input(self) -> str:
        kode = self.ukuran.kode
        if self.pertama:
            return f"realisasi-{kode}"
        return f"realisasi-{kode}-{self.indikator.id}"

    @property
    def id_catatan(self) -> str:
        return self.id_input.replace("realisasi-", "catatan-", 1)

    @property
    def id_capaian(self) -> str:
        if self.perjanjian is None:
            return f"capaian-{self.prefix}"
        return f"capaian-{self.perjanjian.id}-{self.indikator.id}"

    @property
    def testid(self) -> str:
        if self.perjanjian is None:
            return f"realisasi-{self.prefix}"
        return f"realisasi-{self.perjanjian.id}-{self.indikator.id}"

    @property
    def nilai(self) -> Nilai | None:
        if self.turunan is not None:
            return nilai_indikator(self.indikator, self.turunan.angka, self.turunan.huruf)
        r = self.realisasi
        if r is None:
            return None
        if self.indikator is not None:
            return nilai_indikator(self.indikator, r.nilai, r.huruf)
        return Nilai(r.nilai, r.huruf or None)


@dataclass
class KelompokPerjanjian:
    perjanjian: PerjanjianKinerja
    baris: list[BarisRealisasi]


@dataclass
class GridRealisasi:
    kecamatan: Kecamatan
    tahun: int
    periode: Periode
    kelompok: list[KelompokPerjanjian]
    tanpa_target: list[BarisRealisasi]  # stored values of measures without target
    ukuran_lain: list[Ukuran]  # measures of the Renstra without target and without value
    pelaporan: PelaporanRealisasi | None
    tersimpan: list[Realisasi]  # every stored row of the period, in id order
    skala: kinerja.Skala
    semua_skala: Mapping[str, kinerja.Skala] = field(default_factory=dict)  # by JenisSkala
    # A year before the kecamatan's Renstra: what is entered is the history its trend reads.
    sebelum_renstra: bool = False
    # The measures of the Renstra (ukuran_renstra) this grid was read with: the save of this
    # grid checks what was typed against them instead of reading them again.
    ukuran_renstra: Mapping[int, Ukuran] = field(default_factory=dict)
    # Every period of the year → its status (``status_periode``), for the page's tabs.
    status_tahun: Mapping[str, str] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return self.pelaporan.status if self.pelaporan else Status.DRAFT

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def sidik(self) -> str:
        return konkurensi.sidik(self.tersimpan)

    @property
    def semua_baris(self) -> list[BarisRealisasi]:
        return [b for k in self.kelompok for b in k.baris] + self.tanpa_target

    def per_ukuran(self) -> dict[int, list[BarisRealisasi]]:
        """The typed measures → their rows (a computed one has no input)."""
        hasil: dict[int, list[BarisRealisasi]] = {}
        for b in self.semua_baris:
            hasil.setdefault(b.ukuran.id, []).append(b)
        return {u: rows for u, rows in hasil.items() if not any(b.turunan for b in rows)}

    def baris(self, prefix: str) -> BarisRealisasi | None:
        return next((b for b in self.semua_baris if b.prefix == prefix), None)

    @property
    def ukuran_bertarget(self) -> set[int]:
        """The measures with a target the kecamatan types (a computed one is not typed)."""
        return {b.ukuran.id for k in self.kelompok for b in k.baris} - set(self.ukuran_dihitung)

    @property
    def ukuran_dihitung(self) -> dict[int, BarisRealisasi]:
        """Computed measures → their first row (its ``turunan`` says the source)."""
        hasil: dict[int, BarisRealisasi] = {}
        for k in self.kelompok:
            for b in k.baris:
                if b.turunan is not None:
                    hasil.setdefault(b.ukuran.id, b)
        return hasil

    @property
    def terisi(self) -> int:
        return len({r.ukuran_id for r in self.tersimpan} & self.ukuran_bertarget)

    @property
    def jumlah(self) -> int:
        return len(self.ukuran_bertarget)


def grid_realisasi(*, kecamatan: Kecamatan, tahun: int, periode: str) -> GridRealisasi:
    """Every indicator of every PK of the year with its realisasi of ``periode``: the rows of
    ``capaian_kecamatan`` (target in force, capaian, kriteria), plus the period's workflow
    status and the Renstra's other measures; seven queries however many indicators there are."""
    periode = Periode(periode)
    capaian = capaian_kecamatan(kecamatan=kecamatan, tahun=tahun, periode=periode)
    tersimpan = list(capaian.tersimpan)
    per_ukuran = {r.ukuran_id for r in tersimpan}
    # Every period's reporting row of the year (at most five): this period's, and the status
    # of each for the page's tabs, in one query.
    pelaporan_tahun = list(
        PelaporanRealisasi.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by("pk")
    )
    pelaporan = next((p for p in pelaporan_tahun if p.periode == periode), None)
    skala = capaian.skala_kriteria

    kelompok = []
    pertama: set[int] = set()
    for pj in capaian.perjanjian:
        baris = []
        for c in capaian.untuk(pj):
            ind = c.indikator
            baris.append(
                BarisRealisasi(
                    prefix=f"b{pj.id}_{ind.id}",
                    ukuran=ind.ukuran,
                    perjanjian=pj,
                    target=c.target_pk,
                    indikator=ind,
                    tingkat=c.tingkat,
                    uraian=c.uraian,
                    target_nilai=c.target,
                    realisasi=c.tersimpan,
                    hasil=hasil_capaian(
                        nilai=c.realisasi,
                        capaian=c.capaian,
                        kriteria=c.kriteria,
                        indikator=ind,
                        kategori=c.kategori,
                    ),
                    pertama=ind.ukuran_id not in pertama,
                    turunan=c.turunan,
                )
            )
            pertama.add(ind.ukuran_id)
        kelompok.append(KelompokPerjanjian(pj, baris))

    # Rows of the same measure know each other (the htmx answer updates them all).
    grup: dict[int, list[BarisRealisasi]] = {}
    for k in kelompok:
        for b in k.baris:
            grup.setdefault(b.ukuran.id, []).append(b)
    for rows in grup.values():
        for b in rows:
            b.kembar = [x for x in rows if x is not b]

    tanpa_target = [
        BarisRealisasi(prefix=f"u{r.ukuran_id}", ukuran=r.ukuran, realisasi=r)
        for r in tersimpan
        if r.ukuran_id not in grup
    ]
    for b in tanpa_target:
        b.hasil = hitung_capaian(indikator=None, target=None, nilai=b.nilai, skala=skala)
    # An annual realisasi may also be history: a year before a later Renstra (its trend).
    renstra = ukuran_renstra(kecamatan=kecamatan, tahun=tahun, riwayat=periode == Periode.TAHUNAN)
    ukuran_lain = sorted(
        (u for uid, u in renstra.items() if uid not in grup and uid not in per_ukuran),
        key=lambda u: u.nama,
    )
    return GridRealisasi(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=periode,
        kelompok=kelompok,
        tanpa_target=tanpa_target,
        ukuran_lain=ukuran_lain,
        pelaporan=pelaporan,
        tersimpan=tersimpan,
        skala=skala,
        semua_skala=capaian.skala,
        sebelum_renstra=(
            not kelompok
            and periode == Periode.TAHUNAN
            and bool(renstra)
            and not renstra_berlaku(kecamatan=kecamatan, tahun=tahun).exists()
        ),
        ukuran_renstra=renstra,
        status_tahun=_status_per_periode((p.periode, p.status) for p in pelaporan_tahun),
    )


def status_periode(*, kecamatan: Kecamatan, tahun: int) -> dict[str, str]:
    """Status of every period of the year (for the tabs), in one query (the realisasi grid
    has it already: ``GridRealisasi.status_tahun``)."""
    return _status_per_periode(
        PelaporanRealisasi.objects.filter(kecamatan=kecamatan, tahun=tahun)
        .order_by()
        .values_list("periode", "status")
    )


def _status_per_periode(baris: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(periode, status) of the year's reporting rows → every period's status, a period
    without a row still a draft."""
    return {p.value: Status.DRAFT.value for p in Periode} | dict(baris)


# --- writes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Isian:
    """What the form holds for one measure: the value (None = empty) and the source note."""

    nilai: Nilai | None
    catatan: str = ""


@dataclass(frozen=True)
class HasilSimpan:
    dibuat: int
    diubah: int
    dihapus: int
    tanpa_target: tuple[str, ...]  # names of measures stored without a target in the year

    @property
    def jumlah(self) -> int:
        return self.dibuat + self.diubah + self.dihapus


def _jaga_pengisi(kecamatan: Kecamatan, oleh: Pengguna) -> None:
    akses.wajib(oleh, Izin.MENGISI, kecamatan)


def _pelaporan_terkunci(*, kecamatan: Kecamatan, tahun: int, periode: str):
    """The period's reporting row, locked for the transaction (None when still a draft)."""
    return (
        PelaporanRealisasi.objects.select_for_update()
        .filter(kecamatan=kecamatan, tahun=tahun, periode=periode)
        .order_by("pk")
        .first()
    )


def jaga_dapat_diubah(p: PelaporanRealisasi | None, tahun: int, periode: str) -> None:
    """Refuse a change while the period is diajukan (TransisiDitolak) or verified
    (DataTerkunci), with the reason the reporting row gives (PelaporanRealisasi.alasan_isian).
    ``tahun`` and ``periode`` are those of ``p``; no row means a draft."""
    alasan = p.alasan_isian() if p is not None else None
    if alasan:
        raise (DataTerkunci if p.status == Status.DIVERIFIKASI else TransisiDitolak)(alasan)


def realisasi_simpan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    periode: str,
    isian: Mapping[int, Isian],
    sidik: str | None,
    oleh: Pengguna,
    ukuran: Mapping[int, Ukuran] | None = None,
) -> HasilSimpan:
    """Write the grid: every measure in ``isian`` (ukuran id → value) is created, changed or
    removed (empty value) in one transaction, or nothing is when anything fails.

    ``ukuran``: the measures of the Renstra in force (``ukuran_renstra``) when the caller read
    them in this request already (the page's grid, ``GridRealisasi.ukuran_renstra``); read
    here otherwise."""
    periode = Periode(periode).value
    _jaga_pengisi(kecamatan, oleh)
    with transaction.atomic():
        # One writer per kecamatan at a time: the row lock also covers rows not created yet.
        kecamatan_kunci(kecamatan=kecamatan)
        jaga_dapat_diubah(
            _pelaporan_terkunci(kecamatan=kecamatan, tahun=tahun, periode=periode),
            tahun,
            periode,
        )
        tersimpan = list(
            Realisasi.objects.select_for_update(of=("self",))
            .filter(kecamatan=kecamatan, tahun=tahun, periode=periode)
            .select_related("ukuran")
            .order_by("id")
        )
        konkurensi.periksa(sidik, konkurensi.sidik(tersimpan))

        # A measure of the Renstra in force, or one already stored for the period.
        if ukuran is None:
            ukuran = ukuran_renstra(
                kecamatan=kecamatan, tahun=tahun, riwayat=periode == Periode.TAHUNAN
            )
        sah = {**ukuran, **{r.ukuran_id: r.ukuran for r in tersimpan}}
        asing = set(isian) - set(sah)
        if asing:
            raise TransisiDitolak("Indikator yang diisi bukan indikator Renstra kecamatan ini.")
        target = _target_tahun(kecamatan, tahun)  # one query for both checks below
        _jaga_dihitung(kecamatan, tahun, set(isian), dihitung=_dihitung(target))
        bertarget = {ukuran_id for ukuran_id, _, _ in target}
        ada = {r.ukuran_id: r for r in tersimpan}
        dari_lhe = _ukuran_dari_lhe(kecamatan, tahun, periode)
        dibuat = diubah = dihapus = 0
        tanpa_target = []
        for ukuran_id, isi in isian.items():
            r = ada.get(ukuran_id)
            if isi.nilai is None:
                if r is not None:
                    _jaga_lhe(ukuran_id, dari_lhe, tahun)
                    r._history_user = oleh
                    r.delete()
                    dihapus += 1
                continue
            huruf = isi.nilai.huruf or ""
            catatan = isi.catatan.strip()
            if r is None:
                r = Realisasi(
                    kecamatan=kecamatan, ukuran_id=ukuran_id, tahun=tahun, periode=periode
                )
                dibuat += 1
            elif (r.nilai, r.huruf, r.catatan_sumber) == (isi.nilai.angka, huruf, catatan):
                continue
            else:
                diubah += 1
            _jaga_lhe(ukuran_id, dari_lhe, tahun)
            r.nilai, r.huruf, r.catatan_sumber = isi.nilai.angka, huruf, catatan
            r._history_user = oleh
            r.save()
            if ukuran_id not in bertarget:
                tanpa_target.append(sah[ukuran_id].nama)
    return HasilSimpan(dibuat, diubah, dihapus, tuple(tanpa_target))


# Who else writes an annual realisasi: functions (kecamatan, tahun) → measure ids whose value
# a higher app writes rather than the kecamatan types. laporan registers
# laporan.evaluasi.ukuran_dari_lhe (the Nilai SAKIP of a scored LHE) in its AppConfig.ready:
# this app sits below laporan and does not import it, the rule stays laporan's.
PENULIS_REALISASI_TAHUNAN: list[Callable[..., set[int]]] = []


def daftarkan_penulis_realisasi(fungsi: Callable[..., set[int]]) -> None:
    if fungsi not in PENULIS_REALISASI_TAHUNAN:
        PENULIS_REALISASI_TAHUNAN.append(fungsi)


def _ukuran_dari_lhe(kecamatan: Kecamatan, tahun: int, periode: str) -> set[int]:
    """Measures whose annual realisasi is written from the Inspektorat's LHE (Nilai SAKIP),
    not typed."""
    if periode != Periode.TAHUNAN:
        return set()
    return set().union(*(f(kecamatan=kecamatan, tahun=tahun) for f in PENULIS_REALISASI_TAHUNAN))


def _target_tahun(kecamatan: Kecamatan, tahun: int) -> list[tuple[int, str, str]]:
    """(ukuran id, indicator name, sumber_realisasi) of every target of the year's PKs, in
    their order (one query)."""
    return list(
        TargetPerjanjian.objects.filter(perjanjian__kecamatan=kecamatan, perjanjian__tahun=tahun)
        .order_by(*TargetPerjanjian.URUTAN_SETAHUN)
        .values_list("indikator__ukuran_id", "indikator__nama", "indikator__sumber_realisasi")
    )


def _dihitung(target: list[tuple[int, str, str]]) -> dict[int, tuple[str, str]]:
    hasil = {}
    for ukuran_id, nama, sumber in target:
        if sumber != Indikator.SumberRealisasi.DIKETIK:
            hasil[ukuran_id] = (nama, keterangan_sumber(sumber))
    return hasil


def ukuran_dihitung(*, kecamatan: Kecamatan, tahun: int) -> dict[int, str]:
    """The measures of the year's PKs whose realisasi is computed (an indicator with a
    ``sumber_realisasi``): ukuran id → (indicator name, "Dihitung dari …"). One query."""
    return _dihitung(_target_tahun(kecamatan, tahun))


def pesan_dihitung(nama: str, keterangan: str) -> str:
    return f"Realisasi \u201c{nama}\u201d tidak diketik: {keterangan[0].lower()}{keterangan[1:]}."


def _jaga_dihitung(
    kecamatan: Kecamatan, tahun: int, ukuran: set[int], *, dihitung: dict | None = None
) -> None:
    """Refuse a typed value for a computed measure (the page shows no input for it; a post
    or an import that sends one anyway changes nothing). ``dihitung``: ukuran_dihitung's
    answer when it was read already."""
    if dihitung is None:
        dihitung = ukuran_dihitung(kecamatan=kecamatan, tahun=tahun)
    for ukuran_id in sorted(ukuran & set(dihitung)):
        nama, keterangan = dihitung[ukuran_id]
        raise TransisiDitolak(pesan_dihitung(nama, keterangan) + " Tidak ada yang disimpan.")


def _jaga_lhe(ukuran_id: int, dari_lhe: set[int], tahun: int) -> None:
    if ukuran_id in dari_lhe:
        raise TransisiDitolak(
            f"Nilai SAKIP {tahun} diambil dari LHE Inspektorat dan tidak diketik di sini; "
            "tidak ada yang disimpan."
        )


def _pelaporan_untuk_transisi(kecamatan, tahun, periode) -> PelaporanRealisasi:
    p = _pelaporan_terkunci(kecamatan=kecamatan, tahun=tahun, periode=periode)
    return p or PelaporanRealisasi(
        kecamatan=kecamatan, tahun=tahun, periode=periode, status=Status.DRAFT
    )


def kekurangan_realisasi(
    *, kecamatan: Kecamatan, tahun: int, periode: str, grid: GridRealisasi | None = None
) -> list[Kekurangan]:
    """What the period still lacks, each with its page: the one rule of what blocks
    submitting it (``menghalangi``: no PK of the year ditetapkan, nothing stored) and what the
    confirmation lists (indicators without a value, the period's budget realisation)."""
    periode = Periode(periode).value
    label = f"Realisasi {Periode(periode).label} {tahun}"
    grid = grid or grid_realisasi(kecamatan=kecamatan, tahun=tahun, periode=periode)
    url = reverse("perjanjian:realisasi", args=[kecamatan.slug, tahun, periode])
    hasil = []
    daftar = perjanjian_daftar(kecamatan=kecamatan, tahun=tahun)
    if not any(pj.ditetapkan for pj in daftar):
        url_pk = reverse("perjanjian:perjanjian-daftar", args=[kecamatan.slug, tahun])
        if not daftar:
            hasil.append(
                Kekurangan(f"Belum ada Perjanjian Kinerja {tahun}.", url_pk, menghalangi=True)
            )
        for pj in daftar:
            hasil.append(
                Kekurangan(
                    f"{pj.get_jenis_display()} {tahun} masih {pj.get_status_display().lower()}, "
                    "belum ditetapkan camat: targetnya belum pasti.",
                    reverse("perjanjian:perjanjian-detail", args=[kecamatan.slug, pj.id]),
                    menghalangi=True,
                )
            )
    if not grid.tersimpan:
        hasil.append(
            Kekurangan(
                f"{label} belum diisi; isi dan simpan dulu sebelum mengajukan.",
                url,
                menghalangi=True,
            )
        )
    terisi = {r.ukuran_id for r in grid.tersimpan}
    kosong = sorted(
        {b.ukuran.nama for k in grid.kelompok for b in k.baris if b.ukuran.id not in terisi}
        - {b.ukuran.nama for b in grid.ukuran_dihitung.values()}
    )
    for nama in kosong:
        hasil.append(Kekurangan(f"Indikator «{nama}» belum punya realisasi.", url))
    for b in grid.ukuran_dihitung.values():
        if b.turunan.angka is None:
            # Nothing to type: the source has no data yet (said, not blocking).
            hasil.append(
                Kekurangan(
                    f"Indikator «{b.ukuran.nama}» belum punya realisasi: {b.turunan.keterangan}.",
                    url,
                )
            )
    anggaran = anggaran_periode(kecamatan=kecamatan, tahun=tahun, periode=periode)
    if anggaran.ada_sub and not anggaran.lengkap:
        hasil.append(
            Kekurangan(
                f"Realisasi anggaran {Periode(periode).label}: {anggaran.belum_terisi} dari "
                f"{anggaran.jumlah_sub} sub kegiatan belum diisi.",
                reverse("perjanjian:anggaran", args=[kecamatan.slug, tahun]) + "?ubah=1",
            )
        )
    return hasil


def realisasi_ajukan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    periode: str,
    oleh: Pengguna,
    sidik: str | None = None,
) -> PelaporanRealisasi:
    """Draft or dikembalikan → diajukan, by the kecamatan's operator or camat. ``sidik``, the
    fingerprint of the values the confirmation showed, refuses the step when they changed
    since."""
    periode = Periode(periode).value
    _jaga_pengisi(kecamatan, oleh)
    label = f"Realisasi {Periode(periode).label} {tahun}"
    with transaction.atomic():
        kecamatan_kunci(kecamatan=kecamatan)
        p = _pelaporan_untuk_transisi(kecamatan, tahun, periode)
        p.alur.tujuan(dari=p.status, aksi="ajukan", nama=p.nama_alur)  # refused before the rest
        grid = grid_realisasi(kecamatan=kecamatan, tahun=tahun, periode=periode)
        if sidik is not None:
            konkurensi.periksa(sidik, grid.sidik)
        jaga_lengkap(
            f"{label} belum dapat diajukan:",
            kekurangan_realisasi(kecamatan=kecamatan, tahun=tahun, periode=periode, grid=grid),
        )
        return jalankan_transisi(dokumen=p, aksi="ajukan", oleh=oleh)


TINDAKAN_VERIFIKASI = "memverifikasi realisasi"


def _jaga_verifikator(kecamatan: Kecamatan, oleh: Pengguna) -> None:
    akses.wajib(oleh, Izin.MEMVERIFIKASI, kecamatan, tindakan=TINDAKAN_VERIFIKASI)


def _putuskan(kecamatan, tahun, periode, oleh, aksi, komentar) -> PelaporanRealisasi:
    periode = Periode(periode).value
    _jaga_verifikator(kecamatan, oleh)
    with transaction.atomic():
        # The period's row locked for the transaction, created on its first step (no row
        # means draft); the step itself is the table's (PelaporanRealisasi.alur).
        p = _pelaporan_untuk_transisi(kecamatan, tahun, periode)
        return jalankan_transisi(dokumen=p, aksi=aksi, oleh=oleh, komentar=komentar.strip())


def realisasi_verifikasi(
    *, kecamatan: Kecamatan, tahun: int, periode: str, oleh: Pengguna, komentar: str = ""
) -> PelaporanRealisasi:
    """Diajukan → diverifikasi, by Bappeda: the values are locked from now on."""
    return _putuskan(kecamatan, tahun, periode, oleh, "verifikasi", komentar)


def realisasi_kembalikan(
    *, kecamatan: Kecamatan, tahun: int, periode: str, oleh: Pengguna, komentar: str
) -> PelaporanRealisasi:
    """Diajukan → dikembalikan, by Bappeda, with the reason the kecamatan reads."""
    if not (komentar or "").strip():
        raise TransisiDitolak(
            "Tuliskan alasan pengembalian agar kecamatan tahu yang harus diperbaiki."
        )
    return _putuskan(kecamatan, tahun, periode, oleh, "kembalikan", komentar)


TINDAKAN_BUKA_KEMBALI = "membuka kembali realisasi yang sudah diverifikasi"


def realisasi_buka_kembali(
    *, kecamatan: Kecamatan, tahun: int, periode: str, oleh: Pengguna, alasan: str
) -> PelaporanRealisasi:
    """Diverifikasi → dikembalikan, by Bappeda, with the reason the kecamatan reads: the
    period's values (indicators and budget realisasi) open again for correction and are
    submitted anew. The reason is kept as the period's comment, so its history says who
    reopened it, when and why. Refused while an approved LKIP of the year printed the
    period (PelaporanRealisasi.alasan_tidak_dapat_dibuka, which its guard also asks)."""
    periode = Periode(periode).value
    akses.wajib(oleh, Izin.MEMVERIFIKASI, kecamatan, tindakan=TINDAKAN_BUKA_KEMBALI)
    alasan = (alasan or "").strip()
    if not alasan:
        raise TransisiDitolak(
            "Tuliskan alasan membuka kembali agar kecamatan tahu yang harus diperbaiki; "
            "periode tetap terverifikasi."
        )
    with transaction.atomic():
        p = _pelaporan_untuk_transisi(kecamatan, tahun, periode)
        p.alur.tujuan(dari=p.status, aksi="buka_kembali", nama=p.nama_alur)
        tolak = p.alasan_tidak_dapat_dibuka()
        if tolak:
            raise DataTerkunci(tolak)
        return jalankan_transisi(dokumen=p, aksi="buka_kembali", oleh=oleh, komentar=alasan)


def realisasi_tulis_dari_lhe(
    *,
    kecamatan: Kecamatan,
    ukuran: Ukuran,
    tahun: int,
    nilai: Decimal,
    huruf: str,
    sumber: str,
    oleh: Pengguna,
) -> None:
    """Write the annual realisasi of ``ukuran`` (the Nilai SAKIP) from the Inspektorat's LHE.

    Called by laporan's LHE service inside its transaction, after it checked the evaluator's
    permission: the kecamatan does not type this value, so ``realisasi_simpan``'s filler check
    does not apply. Nothing is written when the stored row already says the same; a year whose
    annual realisasi Bappeda verified refuses a different value, so the verified number stays
    the one every table shows."""
    r = Realisasi.objects.filter(
        kecamatan=kecamatan, ukuran=ukuran, tahun=tahun, periode=Periode.TAHUNAN
    ).first()
    if r is not None and (r.nilai, r.huruf, r.catatan_sumber) == (nilai, huruf, sumber):
        return
    if PelaporanRealisasi.objects.filter(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=Periode.TAHUNAN,
        status=PelaporanRealisasi.Status.DIVERIFIKASI,
    ).exists():
        raise DataTerkunci(
            f"Realisasi Tahunan {tahun} sudah diverifikasi Bappeda dengan Nilai SAKIP lain; "
            "nilai LHE tidak dapat menggantikannya. Tidak ada yang disimpan."
        )
    if r is None:
        r = Realisasi(kecamatan=kecamatan, ukuran=ukuran, tahun=tahun, periode=Periode.TAHUNAN)
    r.nilai, r.huruf, r.catatan_sumber = nilai, huruf, sumber
    r._history_user = oleh
    r.save()
