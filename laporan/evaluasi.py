"""The Inspektorat's side of the cycle: the LHE AKIP of a kecamatan and year (scores,
recommendations), the kecamatan's tindak lanjut, and the reviu of an LKIP.

The LHE is the one entry of the Nilai SAKIP: saving complete scores writes the year's
"Nilai SAKIP" realisasi (tahunan) of the kecamatan, and the LKIP of the same year prints the
LHE's recommendations with their tindak lanjut as Tabel 1.3. Writes take the user (``oleh``)
for the change history and run in one transaction.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from iku.selectors import ukuran_kode
from kecamatan.models import JenisSkala, Kecamatan, Pengguna
from kecamatan.selectors import skala_tahun
from kecamatan.services import kecamatan_kunci
from perjanjian.services import realisasi_tulis_dari_lhe
from sakip import akses, kinerja
from sakip.akses import Izin
from sakip.alur import jalankan_transisi
from sakip.format_id import format_tanggal
from sakip.penguncian import DataTerkunci, TransisiDitolak

from .models import EvaluasiAKIP, LaporanKinerja, RekomendasiLHE, SkorAKIP
from .urutan import JawabanAkanHilang, Letak, nomori_ulang, susun

KODE_UKURAN_NILAI_SAKIP = "nilai-sakip"


TINDAKAN_REVIU = "mereviu LKIP"


def _jaga_evaluator(kecamatan: Kecamatan, oleh: Pengguna, tindakan: str | None = None) -> None:
    akses.wajib(oleh, Izin.MENGEVALUASI, kecamatan, tindakan=tindakan)


def _jaga_lkip_terbuka(kecamatan: Kecamatan, tahun: int) -> None:
    """Tabel 1.3 is part of the LKIP of the year: fixed once that LKIP is approved."""
    # Checked before any work for a clear message; the model's own guard asks the same
    # function (RekomendasiLHE.alasan_tahun) and refuses the change from any other route.
    alasan = RekomendasiLHE.alasan_tahun(kecamatan.id, tahun)
    if alasan:
        raise DataTerkunci(alasan)


# --- selectors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisSkor:
    komponen: str
    komponen_label: str
    sub: str
    sub_label: str
    bobot: Decimal
    skor: Decimal | None


@dataclass(frozen=True)
class RingkasanAKIP:
    baris: tuple[BarisSkor, ...]
    hasil: kinerja.HasilAKIP | None  # None while a score is missing

    @property
    def kelompok(self) -> list[tuple[str, Decimal, Decimal | None, list[BarisSkor]]]:
        """(komponen label, bobot, skor, its sub komponen rows) in the regulation's order."""
        return [
            (
                nama,
                bobot,
                self.hasil.per_komponen[kode] if self.hasil else None,
                [b for b in self.baris if b.komponen == kode],
            )
            for kode, (nama, bobot) in kinerja.KOMPONEN_AKIP.items()
        ]


def skala_predikat(*, kabupaten_id: int, tahun: int) -> kinerja.Skala:
    """The predikat scale the kabupaten chose for ``tahun`` (PermenPANRB 88/2021's when it
    chose none): every predikat of a Nilai SAKIP of that year is read on it."""
    return skala_tahun(kabupaten_id=kabupaten_id, tahun=tahun)[JenisSkala.PREDIKAT_SAKIP]


def ringkasan_akip(
    evaluasi: EvaluasiAKIP | None, *, skala: kinerja.Skala | None = None
) -> RingkasanAKIP:
    """The twelve sub komponen with their weight and score, and the Nilai when complete, its
    predikat on the year's scale (``skala`` when the caller read it already, else looked up)."""
    tersimpan = {}
    if evaluasi is not None and evaluasi.pk:
        tersimpan = {(s.komponen, s.sub_komponen): s.skor for s in evaluasi.skor.all()}
    baris = []
    for kode, (nama, _bobot) in kinerja.KOMPONEN_AKIP.items():
        for sub in kinerja.SUB_KOMPONEN_AKIP:
            baris.append(
                BarisSkor(
                    kode,
                    nama,
                    sub,
                    SkorAKIP.SubKomponen(sub).label,
                    kinerja.bobot_sub_komponen_akip(kode, sub),
                    tersimpan.get((kode, sub)),
                )
            )
    hasil = None
    if baris and all(b.skor is not None for b in baris):
        skor: dict[str, dict[str, Decimal]] = {}
        for b in baris:
            skor.setdefault(b.komponen, {})[b.sub] = b.skor
        if skala is None:
            skala = skala_predikat(
                kabupaten_id=evaluasi.kecamatan.kabupaten_id, tahun=evaluasi.tahun
            )
        hasil = kinerja.nilai_akip_dari_skor(skor, skala=skala)
    return RingkasanAKIP(tuple(baris), hasil)


def rekomendasi_lhe(
    *, kecamatan: Kecamatan, tahun: int
) -> tuple[EvaluasiAKIP | None, list[RekomendasiLHE]]:
    """The LHE whose recommendations the LKIP of ``tahun`` answers (the same year, see
    EvaluasiAKIP) and its recommendations in order: one query when it has some."""
    baris = list(
        RekomendasiLHE.objects.filter(evaluasi__kecamatan=kecamatan, evaluasi__tahun=tahun)
        .select_related("evaluasi")
        .order_by("urutan")
    )
    if baris:
        return baris[0].evaluasi, baris
    return EvaluasiAKIP.objects.filter(kecamatan=kecamatan, tahun=tahun).first(), []


def surat_lhe(lhe: EvaluasiAKIP | None) -> str:
    """The LHE's letter as the seed cites it: "Surat Nomor … tanggal 29 September 2025"
    (empty when neither is recorded)."""
    if lhe is None:
        return ""
    bagian = []
    if lhe.nomor_surat.strip():
        bagian.append(f"Nomor {lhe.nomor_surat.strip()}")
    if lhe.tanggal:
        bagian.append(f"tanggal {format_tanggal(lhe.tanggal)}")
    return f"Surat {' '.join(bagian)}" if bagian else ""


def lhe_tahun(*, kecamatan: Kecamatan, tahun: int) -> EvaluasiAKIP | None:
    """The LHE that gives the Nilai SAKIP of ``tahun`` (see EvaluasiAKIP)."""
    return EvaluasiAKIP.objects.filter(kecamatan=kecamatan, tahun=tahun).first()


def ukuran_nilai_sakip(*, kabupaten_id: int) -> set[int]:
    """The ids of the kabupaten's shared measure "Nilai SAKIP" (the LHE's result)."""
    return set(
        ukuran_kode(kabupaten_id=kabupaten_id, kode=KODE_UKURAN_NILAI_SAKIP).values_list(
            "id", flat=True
        )
    )


@dataclass(frozen=True)
class TabelTindakLanjut:
    """Tabel 1.3 of an LKIP: its source and rows (each with urutan, rekomendasi,
    tindak_lanjut); ``surat`` the LHE's letter number and date when recorded."""

    sumber: str
    baris: tuple
    dari_lhe: bool
    surat: str = ""


def tabel_tindak_lanjut(laporan: LaporanKinerja) -> TabelTindakLanjut:
    """From the year's LHE when the Inspektorat recorded one; else the rows typed on the
    LKIP page (a year whose LHE was not kept here)."""
    lhe, baris = rekomendasi_lhe(kecamatan=laporan.kecamatan, tahun=laporan.tahun)
    if lhe is not None:
        return TabelTindakLanjut(lhe.judul, tuple(baris), True, surat_lhe(lhe))
    return TabelTindakLanjut(
        laporan.lhe_sumber, tuple(laporan.tindak_lanjut.order_by("urutan", "id")), False
    )


def ukuran_dari_lhe(*, kecamatan: Kecamatan, tahun: int) -> set[int]:
    """The measure ids whose annual realisasi of ``tahun`` comes from a scored LHE."""
    jumlah_skor = len(kinerja.KOMPONEN_AKIP) * len(kinerja.SUB_KOMPONEN_AKIP)
    if (
        SkorAKIP.objects.filter(evaluasi__kecamatan=kecamatan, evaluasi__tahun=tahun).count()
        < jumlah_skor
    ):
        return set()
    return set(
        ukuran_kode(kabupaten_id=kecamatan.kabupaten_id, kode=KODE_UKURAN_NILAI_SAKIP).values_list(
            "id", flat=True
        )
    )


# --- services -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRekomendasi:
    """A recommendation as the LHE form sends it: ``id`` None for a new one; ``nomor`` the
    number asked for (None: where it stands, a new one at the end)."""

    id: int | None
    nomor: int | None
    rekomendasi: str
    hapus: bool = False
    # Delete it although the kecamatan answered it: the user confirmed losing the answer.
    hapus_tindak_lanjut: bool = False


@dataclass(frozen=True)
class DataLHE:
    judul: str
    nomor_surat: str
    tanggal: object
    catatan: str
    skor: Mapping[tuple[str, str], Decimal]  # (komponen, sub) → skor
    # Each row by its id, so a tindak lanjut stays with its recommendation whatever is
    # inserted, reordered or edited. An existing row the form does not mention is kept.
    rekomendasi: Sequence[BarisRekomendasi] = ()


class RekomendasiTerjawab(JawabanAkanHilang):
    """Deleting recommendations the kecamatan already answered, without confirmation."""

    def __init__(self, baris: Sequence[RekomendasiLHE]):
        super().__init__(
            baris,
            pembuka="Rekomendasi yang akan dihapus sudah dijawab kecamatan",
            akibat="Tindak lanjutnya ikut terhapus dan hilang dari Tabel 1.3 LKIP.",
        )


def lhe_simpan(*, kecamatan: Kecamatan, tahun: int, data: DataLHE, oleh: Pengguna) -> EvaluasiAKIP:
    """Create or change the LHE of a year: header, the twelve scores, the recommendations.
    With all scores, the year's Nilai SAKIP realisasi is written from it."""
    _jaga_evaluator(kecamatan, oleh)
    skor: dict[str, dict[str, Decimal]] = {}
    for (kode, sub), nilai in data.skor.items():
        skor.setdefault(kode, {})[sub] = nilai
    hasil = kinerja.nilai_akip_dari_skor(  # ValueError: an Indonesian message
        skor, skala=skala_predikat(kabupaten_id=kecamatan.kabupaten_id, tahun=tahun)
    )
    with transaction.atomic():
        kecamatan_kunci(kecamatan=kecamatan)
        lhe = EvaluasiAKIP.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
        if lhe is None:
            lhe = EvaluasiAKIP(kecamatan=kecamatan, tahun=tahun)
        lhe.jaga()  # printed by an approved LKIP: the model's reason, before any work
        isi = (data.judul.strip(), data.nomor_surat.strip(), data.tanggal, data.catatan.strip())
        if not lhe.pk or (lhe.judul, lhe.nomor_surat, lhe.tanggal, lhe.catatan) != isi:
            lhe.judul, lhe.nomor_surat, lhe.tanggal, lhe.catatan = isi
            lhe._history_user = oleh
            lhe.save()
        ada = {(s.komponen, s.sub_komponen): s for s in lhe.skor.all()}
        for (kode, sub), nilai in data.skor.items():
            s = ada.get((kode, sub)) or SkorAKIP(evaluasi=lhe, komponen=kode, sub_komponen=sub)
            if s.pk is None or s.skor != nilai:
                s.skor = nilai
                s._history_user = oleh
                s.save()
        _simpan_rekomendasi(lhe, data.rekomendasi, oleh)
        _tulis_realisasi_nilai_sakip(lhe, hasil, oleh)
    return lhe


def _simpan_rekomendasi(
    lhe: EvaluasiAKIP, kiriman: Sequence[BarisRekomendasi], oleh: Pengguna
) -> None:
    """Edit, insert, reorder and delete recommendations by their id; renumber them 1..n.
    A tindak lanjut belongs to its row, never to a number."""
    lama = {r.id: r for r in lhe.rekomendasi.select_for_update().order_by("urutan")}
    asing = {b.id for b in kiriman if b.id is not None} - set(lama)
    if asing:
        raise TransisiDitolak("Rekomendasi yang diubah bukan milik LHE ini; muat ulang halaman.")
    disebut = {b.id for b in kiriman if b.id is not None}
    baris = [
        *(b for b in kiriman if not b.hapus),
        # An existing row the form did not send (added meanwhile) stays where it is.
        *(
            BarisRekomendasi(r.id, r.urutan, r.rekomendasi)
            for r in lama.values()
            if r.id not in disebut
        ),
    ]
    dihapus = [(lama[b.id], b) for b in kiriman if b.hapus and b.id is not None]
    hapus = [r for r, _b in dihapus]
    # An answered recommendation goes only with the user's confirmation on its row.
    terjawab = [r for r, b in dihapus if r.tindak_lanjut.strip() and not b.hapus_tindak_lanjut]
    teks = {id(b): b.rekomendasi.replace("\r\n", "\n").strip() for b in baris}
    kosong = [b for b in baris if not teks[id(b)]]
    if kosong:
        raise TransisiDitolak(
            "Rekomendasi tidak boleh kosong; centang “hapus” untuk menghapus barisnya."
        )
    letak = susun(
        [Letak(b.id, b.nomor, i) for i, b in enumerate(baris)],
        {r.id: r.urutan for r in lama.values()},
    )
    urut = [baris[x.posisi] for x in letak]
    berubah = bool(hapus) or any(
        b.id is None or (lama[b.id].urutan, lama[b.id].rekomendasi) != (n, teks[id(b)])
        for n, b in enumerate(urut, start=1)
    )
    if not berubah:
        return
    _jaga_lkip_terbuka(lhe.kecamatan, lhe.tahun)
    if terjawab:
        raise RekomendasiTerjawab(terjawab)
    for r in hapus:
        r._history_user = oleh
        r.delete()
    nomor_baru = {b.id: n for n, b in enumerate(urut, start=1) if b.id is not None}
    dipindah = set(nomori_ulang(RekomendasiLHE, nomor_baru))
    for n, b in enumerate(urut, start=1):
        if b.id is None:
            r = RekomendasiLHE(evaluasi=lhe, urutan=n, rekomendasi=teks[id(b)])
        else:
            r = lama[b.id]
            if b.id not in dipindah and r.rekomendasi == teks[id(b)]:
                continue
            r.urutan, r.rekomendasi = n, teks[id(b)]
        r._history_user = oleh
        r.save()


def _tulis_realisasi_nilai_sakip(
    lhe: EvaluasiAKIP, hasil: kinerja.HasilAKIP, oleh: Pengguna
) -> None:
    """The LHE's Nilai is the realisasi of the shared measure "Nilai SAKIP" for its year."""
    ukuran = ukuran_kode(
        kabupaten_id=lhe.kecamatan.kabupaten_id, kode=KODE_UKURAN_NILAI_SAKIP
    ).first()
    if ukuran is None:
        return
    sumber = (lhe.judul + (f", surat Nomor {lhe.nomor_surat}" if lhe.nomor_surat else ""))[:255]
    realisasi_tulis_dari_lhe(
        kecamatan=lhe.kecamatan,
        ukuran=ukuran,
        tahun=lhe.tahun,
        nilai=kinerja.bulatkan(hasil.nilai, 2),
        huruf=hasil.predikat.kode,
        sumber=sumber,
        oleh=oleh,
    )


def tindak_lanjut_simpan(
    *, evaluasi: EvaluasiAKIP, jawaban: Mapping[int, str], oleh: Pengguna
) -> int:
    """The kecamatan answers the recommendations (id → tindak lanjut). Returns rows changed."""
    akses.wajib(oleh, Izin.MENGISI, evaluasi.kecamatan)
    with transaction.atomic():
        _jaga_lkip_terbuka(evaluasi.kecamatan, evaluasi.tahun)
        baris = {r.id: r for r in evaluasi.rekomendasi.select_for_update()}
        if set(jawaban) - set(baris):
            raise TransisiDitolak("Rekomendasi yang dijawab bukan milik LHE ini.")
        jumlah = 0
        for rid, teks in jawaban.items():
            r, teks = baris[rid], teks.replace("\r\n", "\n").strip()
            if r.tindak_lanjut != teks:
                r.tindak_lanjut = teks
                r._history_user = oleh
                r.save()
                jumlah += 1
    return jumlah


def lkip_reviu(*, laporan: LaporanKinerja, catatan: str, oleh: Pengguna) -> LaporanKinerja:
    """The Inspektorat marks a draft LKIP reviewed, with its notes."""
    _jaga_evaluator(laporan.kecamatan, oleh, TINDAKAN_REVIU)
    catatan = (catatan or "").replace("\r\n", "\n").strip()
    if not catatan:
        raise TransisiDitolak("Tuliskan catatan hasil reviu.")
    with transaction.atomic():
        lap = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
        # A step of the LKIP's table that keeps it a draft (LaporanKinerja.alur).
        return jalankan_transisi(
            dokumen=lap,
            aksi="reviu",
            oleh=oleh,
            reviu_catatan=catatan,
            direviu_oleh=oleh,
            direviu_pada=timezone.now(),
        )
