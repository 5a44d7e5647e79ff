"""Survei Kepuasan Masyarakat → IKM: reading the uploaded answers, storing the result, taking
it as the IKM realisasi of a period, the per-unsur chart and the template file.

Reading (``baca_survei``): an .xlsx (openpyxl) or .csv (comma, semicolon or tab) with one row
per respondent under a header row that names the nine unsur (``U1`` … ``U9``, "U3 Waktu
Penyelesaian", or the unsur's name), optionally "Jenis Layanan" and "Tanggal"; other columns
(umur, pekerjaan …) are ignored and listed. Every problem is reported with its row number, in
Indonesian, and a file with any problem stores nothing. An empty answer cell is not a problem:
PermenPANRB 14/2017 computes the NRR of an unsur over the answers given to it
(``kinerja.ikm``), so such a respondent is used and counted in the message.

Writes: ``survei_simpan`` stores the result; ``survei_pakai`` takes its IKM as the realisasi
through ``perjanjian.services.realisasi_simpan``, so the period's locks, the stale-save check,
the warnings and the change history are those of the realisasi page.
"""

import csv
import datetime
import io
import re
import textwrap
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone

from iku.models import Ukuran
from iku.selectors import ukuran_kode
from kecamatan.models import Kecamatan, Pengguna
from perjanjian.models import Periode, Realisasi, SurveiKepuasan
from perjanjian.services.realisasi import HasilSimpan, Isian, realisasi_simpan
from sakip import akses, kinerja
from sakip.akses import Izin
from sakip.berkas import Berkas
from sakip.excel import FORMAT_TANGGAL, Lembar
from sakip.format_id import format_angka
from sakip.grafik import gaya_grafik, mpl_grafik, svg_sebaris
from sakip.kinerja import UNSUR_IKM, Nilai
from sakip.penguncian import TransisiDitolak
from sakip.unggah import (
    UnggahanDitolak,
    baris_terbatas,
    batas_unggah,
    periksa_ukuran,
    periksa_xlsx,
    pesan_galat_penuh,
)

UKURAN_IKM = "ikm"  # the kode of the kabupaten's shared IKM measure
MAKS_RESPONDEN = 20_000
BARIS_CARI_JUDUL = 10  # the header may sit under a title of a few rows

# --- reading the file -------------------------------------------------------------------------


def _normal(teks: object) -> str:
    """A header cell compared loosely: lower case, punctuation as spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(teks or "").lower()).split())


_NAMA_UNSUR = {
    1: ["persyaratan", "persyaratan pelayanan"],
    2: ["sistem mekanisme dan prosedur", "sistem mekanisme prosedur", "prosedur"],
    3: ["waktu penyelesaian", "waktu"],
    4: ["biaya tarif", "biaya", "tarif"],
    5: ["produk spesifikasi jenis pelayanan", "produk spesifikasi", "produk"],
    6: ["kompetensi pelaksana", "kompetensi"],
    7: ["perilaku pelaksana", "perilaku"],
    8: ["sarana dan prasarana", "sarana prasarana", "sarpras"],
    9: [
        "penanganan pengaduan saran dan masukan",
        "penanganan pengaduan",
        "pengaduan saran dan masukan",
        "pengaduan",
    ],
}
_ALIAS_UNSUR = {alias: nomor for nomor, daftar in _NAMA_UNSUR.items() for alias in daftar}
_POLA_KODE = re.compile(r"^(?:u|unsur)\s?([1-9])(?:\s|$)")
_JUDUL_LAYANAN = {"jenis layanan", "layanan", "jenis pelayanan"}
_JUDUL_TANGGAL = {"tanggal", "tgl", "tanggal survei", "tanggal pengisian"}
# The respondent's number (the template's first column): known, not worth a message.
_JUDUL_NOMOR = {"no", "nomor", "no urut", "no responden", "nomor responden", "responden"}


def kolom_judul(teks: object) -> str | int | None:
    """What a header cell names: an unsur (1–9), "layanan", "tanggal", or None."""
    n = _normal(teks)
    if not n:
        return None
    cocok = _POLA_KODE.match(n)
    if cocok:
        return int(cocok[1])
    if n in _ALIAS_UNSUR:
        return _ALIAS_UNSUR[n]
    if n in _JUDUL_LAYANAN:
        return "layanan"
    if n in _JUDUL_TANGGAL:
        return "tanggal"
    return None


def kode_unsur(nomor: int) -> str:
    return f"U{nomor} {UNSUR_IKM[nomor - 1]}"


@dataclass(frozen=True)
class Masalah:
    pesan: str
    baris: int | None = None  # the row number as the spreadsheet shows it

    def __str__(self) -> str:
        return f"Baris {self.baris}: {self.pesan}" if self.baris else self.pesan


@dataclass
class HasilBaca:
    """What a file holds: the answers of the rows used, or the problems found."""

    nama_berkas: str
    jawaban: list[list[int | None]] = field(default_factory=list)
    layanan: list[str] = field(default_factory=list)  # one per row used ("" when not given)
    tanggal: list[datetime.date | None] = field(default_factory=list)
    galat: list[Masalah] = field(default_factory=list)
    kolom_diabaikan: list[str] = field(default_factory=list)
    baris_tanpa_jawaban: list[int] = field(default_factory=list)  # rows not counted

    @property
    def sah(self) -> bool:
        return not self.galat and bool(self.jawaban)

    @property
    def tidak_lengkap(self) -> int:
        """Respondents who left at least one unsur unanswered."""
        return sum(1 for b in self.jawaban if None in b)

    @property
    def galat_tampil(self) -> list[Masalah]:
        # Reading stops after the limit of problems (sakip.unggah), with a last message.
        return self.galat

    def hitung(self) -> kinerja.HasilIKM:
        return kinerja.ikm(self.jawaban)


class BerkasDitolak(ValueError):
    """The whole file is refused (wrong type, unreadable, empty, no header)."""


def _baris_xlsx(data: bytes) -> Iterator[Iterator[tuple[int, list]]]:
    """Per worksheet, its rows as (row number, values)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    periksa_xlsx(data, maks_baris=batas_unggah().baris_survei)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as e:
        raise BerkasDitolak(
            "Berkas .xlsx tidak dapat dibaca: isinya bukan berkas Excel yang sah (mungkin rusak "
            "atau hanya diganti akhirannya). Simpan ulang dari Excel sebagai .xlsx atau CSV."
        ) from e
    # One column past the limit is read, so that a value there is seen (sakip.unggah).
    kolom = batas_unggah().kolom + 1
    for ws in wb.worksheets:
        yield (
            (i, list(r))
            for i, r in enumerate(ws.iter_rows(max_col=kolom, values_only=True), start=1)
        )


def _teks_csv(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise BerkasDitolak(
            "Isi berkas ini bukan CSV melainkan berkas Excel; ubah akhiran namanya menjadi "
            ".xlsx atau simpan ulang sebagai CSV."
        )
    if b"\x00" in data[:4096]:
        raise BerkasDitolak("Isi berkas ini bukan teks CSV.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        return data.decode("cp1252", errors="replace")


def _baris_csv(data: bytes) -> Iterator[tuple[int, list]]:
    teks = _teks_csv(data)
    pertama = next((b for b in io.StringIO(teks) if b.strip()), "")
    pemisah = max(";,\t", key=pertama.count)
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    try:
        for baris in pembaca:
            yield pembaca.line_num, baris
    except csv.Error as e:
        raise BerkasDitolak(
            f"Baris {pembaca.line_num} tidak dapat dibaca sebagai CSV ({e}). Simpan ulang dari "
            "Excel sebagai CSV, atau unggah .xlsx."
        ) from e


def _kosong(nilai: object) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


_POLA_SKOR = re.compile(r"^([0-9]+)(?:[.,]0+)?$")


def _skor(nilai: object) -> int | None:
    """An answer cell as an integer (None when empty); ValueError with the reason."""
    if _kosong(nilai):
        return None
    if isinstance(nilai, bool | datetime.date | datetime.time):
        raise ValueError(f"'{nilai}' bukan angka 1–4")
    if isinstance(nilai, float):
        if not nilai.is_integer():
            raise ValueError(
                f"{format_angka(Decimal(str(nilai)), 4, buang_nol=True)} bukan bilangan bulat 1–4"
            )
        nilai = int(nilai)
    elif isinstance(nilai, str):
        teks = nilai.strip()
        cocok = _POLA_SKOR.match(teks)
        if not cocok:
            if re.fullmatch(r"[0-9]+[.,][0-9]+", teks):
                raise ValueError(f"{teks} bukan bilangan bulat 1–4")
            raise ValueError(f"'{teks}' bukan angka; isi dengan 1, 2, 3 atau 4")
        nilai = int(cocok[1])
    elif not isinstance(nilai, int):
        raise ValueError(f"'{nilai}' bukan angka 1–4")
    if not 1 <= nilai <= 4:
        raise ValueError(f"nilai {nilai} di luar rentang 1–4")
    return nilai


_FORMAT_TANGGAL = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%y")


def _tanggal(nilai: object) -> datetime.date | None:
    if _kosong(nilai):
        return None
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    teks = str(nilai).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", teks):
        teks = teks[:10]
    for fmt in _FORMAT_TANGGAL:
        try:
            return datetime.datetime.strptime(teks, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"tanggal '{teks}' tidak dikenali; tulis seperti 17/03/2025")


def _huruf_kolom(indeks: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(indeks + 1)


def _cari_judul(baris: Iterator[tuple[int, list]]):
    """The header row among the first non-empty rows: (row number, {index: what}, ignored
    header names), and the iterator positioned after it; None when there is none."""
    dilihat = 0
    for nomor, sel in baris:
        if all(_kosong(s) for s in sel):
            continue
        dilihat += 1
        arti = {i: kolom_judul(s) for i, s in enumerate(sel)}
        if any(isinstance(a, int) for a in arti.values()):
            return nomor, sel, arti
        if dilihat >= BARIS_CARI_JUDUL:
            return None
    return None


def _periksa_judul(nomor: int, sel: list, arti: dict, hasil: HasilBaca) -> dict[int | str, int]:
    """{unsur number / "layanan" / "tanggal": column index}; problems go to ``hasil.galat``."""
    kolom: dict[int | str, int] = {}
    for i, a in arti.items():
        if a is None:
            if not _kosong(sel[i]) and _normal(sel[i]) not in _JUDUL_NOMOR:
                hasil.kolom_diabaikan.append(str(sel[i]).strip())
            continue
        if a in kolom:
            nama = kode_unsur(a) if isinstance(a, int) else f"'{a}'"
            hasil.galat.append(
                Masalah(
                    f"kolom {nama} muncul dua kali (kolom {_huruf_kolom(kolom[a])} dan "
                    f"{_huruf_kolom(i)}); hapus salah satunya.",
                    nomor,
                )
            )
            continue
        kolom[a] = i
    hilang = [kode_unsur(n) for n in range(1, 10) if n not in kolom]
    if hilang:
        hasil.galat.append(
            Masalah(
                "baris judul tidak memuat kolom " + ", ".join(hilang) + ". Setiap unsur U1–U9 "
                "harus punya kolom (gunakan templat).",
                nomor,
            )
        )
    return kolom


def _baca_baris(
    nomor: int, sel: list, kolom: dict, lebar: int, csv_: bool, hasil: HasilBaca
) -> None:
    if all(_kosong(s) for s in sel):
        return  # spreadsheet padding
    if csv_ and len(sel) < lebar:
        hasil.galat.append(
            Masalah(
                f"berisi {len(sel)} kolom, seharusnya {lebar} seperti baris judul; bila ada "
                "unsur yang tidak dijawab biarkan selnya kosong, jangan dihapus.",
                nomor,
            )
        )
        return
    lebih = [i for i in range(lebar, len(sel)) if not _kosong(sel[i])]
    if lebih:
        letak = (
            f"{len(sel)} kolom, baris judul {lebar} kolom"
            if csv_
            else "kolom " + ", ".join(_huruf_kolom(i) for i in lebih)
        )
        hasil.galat.append(Masalah(f"ada isian di luar kolom yang berjudul ({letak}).", nomor))
        return
    jawaban: list[int | None] = []
    salah = False
    for n in range(1, 10):
        try:
            jawaban.append(_skor(sel[kolom[n]]))
        except ValueError as e:
            hasil.galat.append(Masalah(f"{kode_unsur(n)}: {e}.", nomor))
            salah = True
    tanggal = None
    if "tanggal" in kolom:
        try:
            tanggal = _tanggal(sel[kolom["tanggal"]])
        except ValueError as e:
            hasil.galat.append(Masalah(f"{e}.", nomor))
            salah = True
    if salah:
        return
    if all(j is None for j in jawaban):
        hasil.baris_tanpa_jawaban.append(nomor)
        return
    layanan = sel[kolom["layanan"]] if "layanan" in kolom else None
    hasil.jawaban.append(jawaban)
    hasil.layanan.append("" if _kosong(layanan) else " ".join(str(layanan).split()))
    hasil.tanggal.append(tanggal)


def baca_survei(data: bytes, nama_berkas: str) -> HasilBaca:
    """Read an uploaded survey file; see the module docstring for what is accepted."""
    hasil = HasilBaca(nama_berkas=PurePath(nama_berkas).name)
    try:
        _baca(data, hasil)
    except (BerkasDitolak, UnggahanDitolak) as e:
        hasil.galat = [Masalah(str(e))]
    return hasil


def _baca(data: bytes, hasil: HasilBaca) -> None:
    akhiran = PurePath(hasil.nama_berkas).suffix.lower()
    if akhiran == ".xls":
        raise BerkasDitolak(
            "Format Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau CSV lalu unggah "
            "ulang."
        )
    if akhiran not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise BerkasDitolak(
            f"Jenis berkas '{akhiran or hasil.nama_berkas}' tidak didukung; unggah berkas Excel "
            ".xlsx atau CSV."
        )
    if not data:
        raise BerkasDitolak("Berkas kosong: tidak ada isinya.")
    periksa_ukuran(len(data))
    batas = batas_unggah()
    csv_ = akhiran in (".csv", ".txt")
    lembar: Iterable[Iterator[tuple[int, list]]] = [_baris_csv(data)] if csv_ else _baris_xlsx(data)
    for baris in lembar:
        # Streamed within the limits of rows, columns, cells and time (sakip.unggah).
        baris = baris_terbatas(baris, maks_baris=batas.baris_survei)
        judul = _cari_judul(baris)
        if judul is not None:
            break
    else:
        raise BerkasDitolak(
            "Baris judul tidak ditemukan: baris pertama harus memuat judul kolom U1–U9 (atau "
            "nama unsur) seperti pada templat. Berkas kosong atau bukan data survei?"
        )
    nomor, sel, arti = judul
    kolom = _periksa_judul(nomor, sel, arti, hasil)
    if hasil.galat:
        return
    lebar = max(i for i, s in enumerate(sel) if not _kosong(s)) + 1
    for nomor, sel in baris:
        _baca_baris(nomor, sel, kolom, lebar, csv_, hasil)
        if len(hasil.galat) > batas.galat:
            # Enough to show what is wrong; the rest of the file is not read.
            del hasil.galat[batas.galat :]
            hasil.galat.append(Masalah(pesan_galat_penuh(batas.galat)))
            return
        if len(hasil.jawaban) > MAKS_RESPONDEN:
            raise BerkasDitolak(
                f"Lebih dari {format_angka(MAKS_RESPONDEN, 0)} responden dalam satu berkas; "
                "bagi per periode."
            )
    if not hasil.jawaban and not hasil.galat:
        hasil.galat.append(
            Masalah("Tidak ada jawaban responden di bawah baris judul: berkas belum diisi.")
        )


# --- the period of a date ---------------------------------------------------------------------

_BULAN_PERIODE = {
    Periode.TW1: (1, 3),
    Periode.TW2: (4, 6),
    Periode.TW3: (7, 9),
    Periode.TW4: (10, 12),
    Periode.TAHUNAN: (1, 12),
}


def di_luar_periode(tanggal: Iterable[datetime.date | None], tahun: int, periode: str) -> int:
    """How many dated answers fall outside the months of the period."""
    awal, akhir = _BULAN_PERIODE[Periode(periode)]
    return sum(1 for t in tanggal if t and not (t.year == tahun and awal <= t.month <= akhir))


# --- writes -----------------------------------------------------------------------------------


def survei_simpan(
    *, kecamatan: Kecamatan, tahun: int, periode: str, baca: HasilBaca, oleh: Pengguna
) -> SurveiKepuasan:
    """Store the result of a file read without problems."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan)
    if not baca.sah:
        raise TransisiDitolak("Berkas survei masih bermasalah; tidak ada yang disimpan.")
    hasil = baca.hitung()
    tanggal = [t for t in baca.tanggal if t]
    survei = SurveiKepuasan(
        kecamatan=kecamatan,
        tahun=tahun,
        periode=Periode(periode).value,
        nama_berkas=baca.nama_berkas[:255],
        jumlah_responden=hasil.jumlah_responden,
        responden_tidak_lengkap=baca.tidak_lengkap,
        nrr=[str(n) for n in hasil.nrr],
        jumlah_jawaban=list(hasil.jumlah_jawaban),
        nilai_ikm=kinerja.bulatkan(hasil.nilai, 2),
        per_layanan=dict(Counter(x for x in baca.layanan if x).most_common()),
        tanggal_awal=min(tanggal, default=None),
        tanggal_akhir=max(tanggal, default=None),
        diunggah_oleh=oleh,
    )
    survei._history_user = oleh
    with transaction.atomic():
        survei.save()
    return survei


def ukuran_ikm(kecamatan: Kecamatan) -> Ukuran | None:
    """The kabupaten's shared IKM measure (what every kecamatan's IKM realisasi is stored
    under)."""
    return ukuran_kode(
        kabupaten_id=kecamatan.kabupaten_id, kode=UKURAN_IKM, hanya_bersama=True
    ).first()


def catatan_realisasi(survei: SurveiKepuasan) -> str:
    catatan = (
        f"Survei Kepuasan Masyarakat: {survei.jumlah_responden} responden, "
        f"berkas {survei.nama_berkas}"
    )
    return textwrap.shorten(catatan, 255, placeholder=" …")


def survei_pakai(*, survei: SurveiKepuasan, sidik: str | None, oleh: Pengguna) -> HasilSimpan:
    """The survey's IKM becomes the IKM realisasi of its kecamatan, year and period, through
    the realisasi service (refused when the period is diajukan or verified, or when the
    period's values changed since the page showed them)."""
    kecamatan = survei.kecamatan
    ukuran = ukuran_ikm(kecamatan)
    if ukuran is None:
        raise TransisiDitolak(
            f"Kabupaten {kecamatan.kabupaten.nama} belum punya ukuran kinerja IKM bersama "
            f"(kode '{UKURAN_IKM}'); hubungi admin kabupaten."
        )
    with transaction.atomic():
        hasil = realisasi_simpan(
            kecamatan=kecamatan,
            tahun=survei.tahun,
            periode=survei.periode,
            isian={ukuran.id: Isian(Nilai(survei.nilai_ikm), catatan_realisasi(survei))},
            sidik=sidik,
            oleh=oleh,
        )
        survei.dipakai_oleh, survei.dipakai_pada = oleh, timezone.now()
        survei._history_user = oleh
        survei.save(update_fields=["dipakai_oleh", "dipakai_pada"])
    return hasil


# --- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LaporanSurvei:
    """What the survey page shows."""

    survei: SurveiKepuasan
    kategori: kinerja.Pita
    unsur: tuple[kinerja.NilaiUnsur, ...]  # weakest first
    jumlah_jawaban: dict[int, int]  # unsur number → answers given
    realisasi: Realisasi | None  # the stored IKM realisasi of the survey's period

    @property
    def unsur_urut(self) -> list[kinerja.NilaiUnsur]:
        """The regulation's order U1–U9, with the rank (1 = weakest) alongside."""
        return sorted(self.unsur, key=lambda u: u.nomor)

    @property
    def peringkat(self) -> dict[int, int]:
        return {u.nomor: i for i, u in enumerate(self.unsur, start=1)}

    @property
    def sama_dengan_realisasi(self) -> bool:
        return self.realisasi is not None and self.realisasi.nilai == self.survei.nilai_ikm


def laporan_survei(survei: SurveiKepuasan) -> LaporanSurvei:
    ukuran = ukuran_ikm(survei.kecamatan)
    realisasi = (
        Realisasi.objects.filter(
            kecamatan_id=survei.kecamatan_id,
            ukuran=ukuran,
            tahun=survei.tahun,
            periode=survei.periode,
        ).first()
        if ukuran
        else None
    )
    return LaporanSurvei(
        survei=survei,
        kategori=kinerja.kategori_ikm(survei.nilai_ikm),
        unsur=kinerja.nilai_unsur_ikm([Decimal(n) for n in survei.nrr]),
        jumlah_jawaban=dict(zip(range(1, 10), survei.jumlah_jawaban, strict=True)),
        realisasi=realisasi,
    )


# --- the chart --------------------------------------------------------------------------------


def grafik_unsur(unsur: tuple[kinerja.NilaiUnsur, ...], *, kunci: str) -> str:
    """Horizontal bars of the NRR per unsur, the weakest on top, coloured by its mutu."""
    return _grafik_unsur(tuple(unsur), kunci)


@lru_cache(maxsize=64)
def _grafik_unsur(unsur: tuple[kinerja.NilaiUnsur, ...], kunci: str) -> str:
    matplotlib, Figure, *_rest = mpl_grafik()
    judul = "Nilai rata-rata (NRR) per unsur pelayanan, unsur terlemah di atas"
    with matplotlib.rc_context(gaya_grafik()):
        fig = Figure(figsize=(6.3, 0.32 * len(unsur) + 0.8))
        ax = fig.subplots()
        posisi = list(range(len(unsur)))[::-1]  # first (weakest) at the top
        nilai = [float(u.nrr) for u in unsur]
        ax.barh(
            posisi,
            nilai,
            height=0.6,
            color=[u.mutu.warna for u in unsur],
            edgecolor="#333333",
            linewidth=0.6,
        )
        for y, u, v in zip(posisi, unsur, nilai, strict=True):
            ax.annotate(
                f"{format_angka(u.nrr, 2)}  ({u.mutu.kode})",
                (v, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=6.5,
            )
        ax.set_yticks(
            posisi, [textwrap.shorten(f"U{u.nomor} {u.nama}", 42, placeholder="…") for u in unsur]
        )
        ax.set_xlim(0, 4.6)
        ax.set_xticks([0, 1, 2, 3, 4], ["0", "1", "2", "3", "4"])
        ax.set_xlabel("NRR (skala 1–4)")
        ax.grid(axis="x", linewidth=0.4, color="#dddddd")
        ax.set_axisbelow(True)
        tinggi = fig.get_figheight()
        fig.subplots_adjust(left=0.4, right=0.97, top=1 - 0.15 / tinggi, bottom=0.5 / tinggi)
        return svg_sebaris(fig, kunci=kunci, judul=judul)


# --- the template file ------------------------------------------------------------------------

JUDUL_TEMPLAT = ["No", "Jenis Layanan", "Tanggal"] + [
    f"U{n} {nama}" for n, nama in enumerate(UNSUR_IKM, start=1)
]


def render_templat() -> Berkas:
    """An empty survey sheet with the header row, answers limited to 1–4, and a sheet of
    instructions."""
    lembar = Lembar("Survei")
    lembar.header(tuple(JUDUL_TEMPLAT), (6, 28, 12, *[14] * 9), tinggi=45)
    lembar.batasi_bulat(
        "D2:L5001",
        minimal=1,
        maksimal=4,
        pesan="Isi dengan 1, 2, 3 atau 4 (kosongkan bila tidak dijawab).",
    )
    lembar.format_kolom(2, sampai=501, format=FORMAT_TANGGAL)

    petunjuk = lembar.lembar_baru("Petunjuk")
    petunjuk.lebar((100,))
    petunjuk.tulis(
        ["Petunjuk pengisian Survei Kepuasan Masyarakat (PermenPANRB 14/2017)"], tebal=True
    )
    for teks in [
        "",
        "Satu baris per responden pada lembar 'Survei', di bawah baris judul.",
        "Kolom U1–U9: jawaban tiap unsur, 1 = tidak baik, 2 = kurang baik, 3 = baik, "
        "4 = sangat baik.",
        "Unsur yang tidak dijawab responden: biarkan selnya kosong (NRR unsur itu dihitung dari "
        "jawaban yang ada).",
        "Jenis Layanan dan Tanggal boleh dikosongkan; tanggal ditulis seperti 17/03/2025.",
        "Kolom lain (umur, pekerjaan, …) boleh ditambahkan; kolom itu diabaikan.",
        "Berkas juga dapat disimpan sebagai CSV (pemisah koma atau titik koma).",
        "",
        "Unsur:",
        *(f"U{n}  {nama}" for n, nama in enumerate(UNSUR_IKM, start=1)),
    ]:
        petunjuk.tulis([teks])
    return lembar.berkas("templat-survei-kepuasan.xlsx")
