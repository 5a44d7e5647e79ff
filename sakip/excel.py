"""Excel in and out: the three imports (Renstra targets, realisasi, anggaran) and the one
workbook writer (``Lembar``) every Excel download is made with.

Reading a cell: Excel numbers come as floats, typed text as strings; both are read into the
project's Decimal ``Nilai`` with a note saying how a text cell was understood. A text cell
follows the one decimal rule of the pages ("92,33"; "92.33" is refused, a dot groups
thousands); a numeric cell is a number. Writing: real numeric cells with a number format
showing exactly the stored decimals, so the file round-trips. The import flow (upload → preview
→ confirm) is a view mixin: the uploaded bytes and the fingerprint of the stored data wait in
the session between preview and confirm, nothing is written before the confirm, and the confirm
refuses when the stored data changed in between.
"""

import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from import_export.tmp_storages import MediaStorage
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sakip import kinerja
from sakip.akses import Izin
from sakip.berkas import JENIS_XLSX, Berkas
from sakip.format_id import format_angka
from sakip.isian import BerkasInput, batas_kolom
from sakip.kinerja import Nilai
from sakip.penguncian import DataBasi, DataTerkunci, TransisiDitolak
from sakip.unggah import (
    UnggahanDitolak,
    baris_terbatas,
    batas_unggah,
    periksa_ukuran,
    periksa_xlsx,
    pesan_galat_penuh,
)

PESAN_BASI_IMPOR = (
    "Data ini telah diubah oleh pengguna lain sejak pratinjau dibuat. Pratinjau di bawah "
    "dihitung ulang terhadap nilai terbaru; unggah berkas lagi bila masih ingin menyimpannya."
)
KOSONG = {"", "-", "—", "–"}

# --- reading cells ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bacaan:
    """A cell read: its value (None for an empty cell) and how a text cell was understood."""

    nilai: Nilai | None
    catatan: str = ""


def tampil(nilai: Nilai | Decimal | None) -> str:
    """A value as the preview shows it, Indonesian notation, letters kept."""
    if nilai is None:
        return "kosong"
    if isinstance(nilai, Nilai):
        angka = format_angka(nilai.angka, desimal=4, buang_nol=True)
        return f"{nilai.huruf} ({angka})" if nilai.huruf else angka
    return format_angka(nilai, desimal=4, buang_nol=True)


def _bulat(angka: Decimal, desimal: int) -> tuple[Decimal, str]:
    batas = Decimal(1).scaleb(-desimal)
    if angka.as_tuple().exponent >= -desimal:
        return angka, ""
    bulat = angka.quantize(batas, rounding=ROUND_HALF_UP)
    return bulat, f"dibulatkan menjadi {tampil(bulat)} ({desimal} angka di belakang koma)"


def baca_nilai(sel, *, kolom, huruf: bool = True) -> Bacaan:
    """Read one value cell for the model column ``kolom`` (a DecimalField); raises ValueError
    with an Indonesian message for anything that is not a number (or a letter value like
    "B (67)" when ``huruf``) or that the column cannot hold. Extra decimals are rounded to the
    column's, with a note; too many digits before the comma are refused, never rounded."""
    batas = batas_kolom(kolom)
    bacaan = _baca_nilai(sel, desimal=batas.desimal, huruf=huruf)
    if bacaan.nilai is not None and not _muat(bacaan.nilai.angka, batas):
        raise ValueError(
            f"berisi angka terlalu besar ({tampil(bacaan.nilai)}); paling banyak "
            f"{batas.bulat} digit sebelum koma"
        )
    return bacaan


def _muat(angka: Decimal, batas) -> bool:
    try:
        batas.periksa(angka)
    except ValueError:
        return False
    return True


def _baca_nilai(sel, *, desimal: int, huruf: bool) -> Bacaan:
    if sel is None or (isinstance(sel, str) and sel.strip() in KOSONG):
        return Bacaan(None)
    if isinstance(sel, bool):
        raise ValueError(f"berisi {sel!r}, bukan angka")
    if isinstance(sel, Persen):
        angka, catatan = _bulat(Decimal(repr(float(sel))) * 100, desimal)
        teks = f"sel berformat persen ({tampil(angka)}%) dibaca sebagai {tampil(angka)}"
        return Bacaan(Nilai(angka), "; ".join(c for c in (teks, catatan) if c))
    if isinstance(sel, int | float):
        try:
            angka = Decimal(repr(sel)) if isinstance(sel, float) else Decimal(sel)
        except InvalidOperation as e:
            raise ValueError(f"berisi {sel!r}, bukan angka") from e
        if not angka.is_finite():
            raise ValueError("bukan angka terhingga")
        angka, catatan = _bulat(angka, desimal)
        return Bacaan(Nilai(angka), catatan)
    if not isinstance(sel, str):
        raise ValueError(f"berisi {sel!r}, bukan angka")
    teks = sel.strip()
    try:
        # The one decimal rule of the pages: comma for decimals, dot for thousands.
        nilai = kinerja.parse_nilai(teks) if huruf else Nilai(kinerja.parse_rupiah(teks))
    except ValueError as e:
        # "92.33", "1 234 567": the message says what is wrong and what to write.
        if isinstance(e, kinerja.SebabRupiah) or kinerja.bertitik_desimal(teks):
            raise ValueError(f"berisi teks '{teks}': {e}") from None
        contoh = kinerja.CONTOH_NILAI if huruf else kinerja.CONTOH_RUPIAH
        raise ValueError(
            f"berisi teks '{teks}', bukan angka. Contoh yang dapat dibaca: {contoh}"
        ) from None
    catatan = f"teks '{teks}' dibaca sebagai {tampil(nilai)}"
    if "." in teks and "," not in teks and nilai.satuan != "Rp" and not teks.startswith(("R", "r")):
        catatan += " (titik dibaca sebagai pemisah ribuan)"
    if nilai.huruf and not huruf:
        raise ValueError(f"berisi '{teks}'; kolom ini hanya menerima angka")
    angka, bulat = _bulat(nilai.angka, desimal)
    nilai = Nilai(angka, huruf=nilai.huruf)
    return Bacaan(nilai, "; ".join(c for c in (catatan, bulat) if c))


class Persen(float):
    """A number from a cell formatted as a percentage: Excel stores 92,33% as 0.9233."""


def _nilai_sel(sel):
    v = sel.value
    if isinstance(v, int | float) and not isinstance(v, bool) and "%" in (sel.number_format or ""):
        return Persen(v)
    return v


def teks_sel(sel) -> str:
    if sel is None:
        return ""
    if isinstance(sel, float) and sel.is_integer():
        return str(int(sel))
    return str(sel).strip()


def buka_buku(data: bytes):
    """The first sheet of an uploaded workbook (values, not formulas); ValueError when the
    file is not an Excel workbook or is larger, unzipped, than sakip.unggah allows."""
    periksa_xlsx(data, maks_baris=batas_unggah().baris_impor)
    try:
        buku = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(
            "Berkas tidak dapat dibaca sebagai Excel (.xlsx). Simpan ulang berkas sebagai "
            "Excel Workbook (.xlsx), lalu unggah lagi."
        ) from e
    return buku.worksheets[0]


def baris_lembar(lembar, awal: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[int, tuple]]]:
    """Find the header row (its first cells equal ``awal``) and return (header names, [(row
    number, cells)] of the non-empty rows below it).

    The sheet is read as a stream within the limits of sakip.unggah (rows, columns, cells,
    time): a file past one is refused (UnggahanDitolak) without reading the rest."""
    batas = batas_unggah()
    # One column past the limit is read, so that a value there is seen and refused; the
    # thousands of empty formatted columns a sheet may declare are not read at all.
    sel_sel = (
        (i, tuple(_nilai_sel(c) for c in r))
        for i, r in enumerate(lembar.iter_rows(max_col=batas.kolom + 1), start=1)
    )
    baris = baris_terbatas(sel_sel, maks_baris=batas.baris_impor)
    kunci = tuple(h.lower() for h in awal)
    for _, sel in baris:
        if tuple(teks_sel(s).lower() for s in sel[: len(kunci)]) == kunci:
            header = tuple(teks_sel(s) for s in sel)
            data = []
            for nomor, r in baris:
                r = tuple(r) + (None,) * (len(header) - len(r))
                if any(teks_sel(s) for s in r):
                    data.append((nomor, r))
            return header, data
    raise ValueError(
        "Baris judul kolom tidak ditemukan. Gunakan templat dari tombol \u201cUnduh templat\u201d "
        f"(kolom pertama: {', '.join(awal)})."
    )


def sel_ref(kolom: int, baris: int) -> str:
    """Excel address of a 0-based column and a sheet row: (2, 7) → "C7"."""
    return f"{get_column_letter(kolom + 1)}{baris}"


# --- writing ------------------------------------------------------------------------------------
# Every workbook the application hands out (the three imports' exports and templates, the
# dashboard, the survey template) is written through ``Lembar``, so headers, number formats and
# column widths look the same in each, and each renderer ends with ``lembar.berkas(nama)``.

FORMAT_UANG = "#,##0.00"
FORMAT_DUA_DESIMAL = FORMAT_UANG  # a value shown with two decimals and thousands separators
FORMAT_PERSEN = "0.00"
FORMAT_BULAT = "0"
FORMAT_TANGGAL = "DD/MM/YYYY"
_TEBAL = Font(bold=True)
_JUDUL = Font(bold=True, size=12)
_ISI_HEADER = PatternFill("solid", fgColor="DDEBF7")
_ISI_KELOMPOK = PatternFill("solid", fgColor="F2F2F2")


def format_nilai_sel(angka: Decimal) -> str:
    """A number format showing exactly the decimals the value has (92,33 → 0.00, 90 → 0)."""
    angka = angka.normalize()
    desimal = max(0, -angka.as_tuple().exponent)
    return "#,##0" if desimal == 0 else "#,##0." + "0" * min(desimal, 4)


def angka_sel(angka: Decimal | None):
    """A Decimal as an Excel number (int when whole so that no float noise is added)."""
    if angka is None:
        return None
    return int(angka) if angka == angka.to_integral_value() else float(angka)


def _isi_warna(warna: str) -> PatternFill:
    return PatternFill("solid", fgColor=warna.lstrip("#").upper())


# A text beginning with one of these is a formula to a spreadsheet (Excel also reads "+", "-"
# and "@" so): in an export it stays text, whatever a user typed into a name.
AWAL_RUMUS = ("=", "+", "-", "@")


def isi_sel(ws, baris: int, kolom: int, nilai):
    """The one place an export writes a cell: a text that looks like a formula is stored as
    text (and marked so, with the quote prefix, so editing it in Excel keeps it text);
    numbers, dates and empty cells are written as they are."""
    sel = ws.cell(row=baris, column=kolom, value=nilai)
    if isinstance(nilai, str) and nilai.startswith(AWAL_RUMUS):
        sel.data_type = "s"
        sel.quotePrefix = True
    return sel


class Lembar:
    """A sheet written top to bottom: title lines, a header row, then data rows. Every cell
    goes through ``isi_sel``: a text never becomes a live formula.

    ``lembar_baru()`` adds another sheet to the same workbook; ``berkas(nama)`` is the finished
    workbook under the one file contract.
    """

    def __init__(self, judul_lembar: str, *, buku: Workbook | None = None):
        if buku is None:
            self.buku = Workbook()
            self.ws = self.buku.active
        else:
            self.buku = buku
            self.ws = buku.create_sheet()
        self.ws.title = judul_lembar[:31]
        self.baris = 0
        self.baris_header = 0

    def lembar_baru(self, judul_lembar: str) -> "Lembar":
        return Lembar(judul_lembar, buku=self.buku)

    def judul(self, teks: str, *, tebal: bool = True) -> None:
        self.baris += 1
        sel = isi_sel(self.ws, self.baris, 1, teks)
        sel.font = _JUDUL if tebal else Font(italic=True)

    def kosong(self) -> None:
        self.baris += 1

    def lebar(self, lebar: tuple[int, ...]) -> None:
        """Column widths from column A on (for a sheet without a header row)."""
        for i, w in enumerate(lebar, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def header(
        self,
        kolom: tuple[str, ...],
        lebar: tuple[int, ...],
        *,
        tinggi: int | None = None,
        beku_kolom: int = 0,
    ) -> None:
        """The header row; the rows above it and ``beku_kolom`` columns stay in view when the
        reader scrolls."""
        self.baris += 1
        self.baris_header = self.baris
        for i, (nama, w) in enumerate(zip(kolom, lebar, strict=True), start=1):
            sel = isi_sel(self.ws, self.baris, i, nama)
            sel.font, sel.fill = _TEBAL, _ISI_HEADER
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            self.ws.column_dimensions[get_column_letter(i)].width = w
        if tinggi:
            self.ws.row_dimensions[self.baris].height = tinggi
        self.ws.freeze_panes = self.ws.cell(row=self.baris + 1, column=beku_kolom + 1)

    def tulis(
        self,
        nilai: list,
        *,
        kelompok: bool = False,
        tebal: bool = False,
        format: dict[int, str] | None = None,
        warna: dict[int, str] | None = None,
    ) -> None:
        """A row; Decimal cells become numbers with a format showing their decimals, a Nilai
        with a letter becomes its text ("B (67)"). ``format`` fixes the number format of
        0-based columns (also on an empty cell, so a value typed later shows alike);
        ``warna`` fills cells with a hex colour; ``kelompok`` marks a group row (a program
        over its kegiatan)."""
        format, warna = format or {}, warna or {}
        self.baris += 1
        for i, v in enumerate(nilai):
            fmt = format.get(i)
            if isinstance(v, Nilai):
                if v.huruf:
                    v = f"{v.huruf} ({format_angka(v.angka, desimal=4, buang_nol=True)})"
                else:
                    v = v.angka
            if isinstance(v, Decimal):
                fmt = fmt or format_nilai_sel(v)
                v = angka_sel(v)
            sel = isi_sel(self.ws, self.baris, i + 1, v)
            if fmt:
                sel.number_format = fmt
            if kelompok:
                sel.font, sel.fill = _TEBAL, _ISI_KELOMPOK
            elif tebal:
                sel.font = _TEBAL
            if i in warna:
                sel.fill = _isi_warna(warna[i])

    def format_kolom(self, kolom: int, *, sampai: int, format: str) -> None:
        """A number format on the empty cells of a 0-based column below the header, up to
        row ``sampai`` (a template's date column)."""
        for baris in range(self.baris + 1, sampai + 1):
            self.ws.cell(row=baris, column=kolom + 1).number_format = format

    def batasi_bulat(self, rentang: str, *, minimal: int, maksimal: int, pesan: str) -> None:
        """Excel refuses anything but a whole number in [minimal, maksimal] typed in
        ``rentang`` ("D2:L5001"); an empty cell stays allowed."""
        aturan = DataValidation(
            type="whole",
            operator="between",
            formula1=str(minimal),
            formula2=str(maksimal),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Nilai tidak sah",
            error=pesan,
        )
        aturan.add(rentang)
        self.ws.add_data_validation(aturan)

    def saring(self) -> None:
        """A filter on the header row over every row written."""
        akhir = get_column_letter(self.ws.max_column)
        self.ws.auto_filter.ref = f"A{self.baris_header}:{akhir}{self.baris}"

    def simpan(self) -> bytes:
        keluar = io.BytesIO()
        self.buku.save(keluar)
        return keluar.getvalue()

    def berkas(self, nama: str) -> Berkas:
        return Berkas(nama, JENIS_XLSX, self.simpan())


# --- the preview ------------------------------------------------------------------------------


@dataclass
class BarisPratinjau:
    nomor: int  # row number in the sheet
    label: str
    perubahan: list[str] = field(default_factory=list)  # "TW I: 90 → 92,33"
    galat: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


@dataclass
class Pratinjau:
    """What an uploaded file would change, row by row, and what stops it."""

    baris: list[BarisPratinjau] = field(default_factory=list)
    galat_umum: list[str] = field(default_factory=list)
    catatan_umum: list[str] = field(default_factory=list)
    sidik: object = None  # fingerprint(s) of the stored data the diff was made against
    rencana: object = None  # what the service will be called with
    _galat_selesai: int = 0  # problems of the rows already closed

    def baris_baru(self, nomor: int, label: str) -> BarisPratinjau:
        """A new row of the preview; once more than the limit of problems (sakip.unggah) were
        found, reading stops (GalatPenuh carries this preview)."""
        if self.baris:
            self._galat_selesai += len(self.baris[-1].galat)
        maks = batas_unggah().galat
        if self._galat_selesai + len(self.galat_umum) > maks:
            raise GalatPenuh(self, maks)
        b = BarisPratinjau(nomor, label)
        self.baris.append(b)
        return b

    @property
    def jumlah_galat(self) -> int:
        return len(self.galat_umum) + sum(len(b.galat) for b in self.baris)

    @property
    def jumlah_perubahan(self) -> int:
        return sum(len(b.perubahan) for b in self.baris)

    @property
    def baris_tampil(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.perubahan or b.galat or b.catatan]

    @property
    def boleh_disimpan(self) -> bool:
        return not self.jumlah_galat and self.jumlah_perubahan > 0


class GalatPenuh(UnggahanDitolak):
    """Too many problems to go on reading: the preview so far, with a last message."""

    def __init__(self, pratinjau: Pratinjau, maks: int):
        super().__init__(pesan_galat_penuh(maks))
        self.pratinjau = pratinjau


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas Excel (.xlsx)",
        widget=BerkasInput(attrs={"accept": ".xlsx"}),
    )

    def clean_berkas(self):
        f = self.cleaned_data["berkas"]
        try:
            periksa_ukuran(f.size)
        except UnggahanDitolak as e:
            raise forms.ValidationError(str(e)) from e
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Unggah berkas Excel berakhiran .xlsx.")
        return f


FOLDER_SEMENTARA = "impor-excel"


def _baca(tersimpan: dict) -> bytes:
    return MediaStorage(MEDIA_FOLDER=FOLDER_SEMENTARA, name=tersimpan["berkas"]).read()


def _buang(tersimpan: dict | None) -> None:
    if tersimpan:
        MediaStorage(MEDIA_FOLDER=FOLDER_SEMENTARA, name=tersimpan["berkas"]).remove()


class AlurImpor:
    """Upload → preview → confirm, for a view with KecamatanMixin.

    Subclasses give ``kunci_sesi()``, ``pratinjau(data)`` (read the file against the stored
    data, write nothing), ``sidik_sekarang()`` (the fingerprint(s) of the stored data now),
    ``terapkan(pratinjau)`` (write through the services, all or nothing), ``url_kembali()``,
    ``url_templat()`` and ``judul_impor``.
    """

    template_name = "excel/impor.html"
    judul_impor = ""
    keterangan_impor = ""
    # What the preview counts and what happens to it: "3 nilai akan berubah", "3 akun akan
    # dibuat".
    satuan_impor = "nilai"
    kata_impor = "berubah"
    izin = Izin.MENGISI  # the upload form itself is only for those who may import

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=UnggahForm()))

    def post(self, request, *args, **kwargs):
        if "konfirmasi" in request.POST:
            return self.konfirmasi()
        form = UnggahForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["berkas"].read()
        nama = form.cleaned_data["berkas"].name
        hasil = self._pratinjau(data)
        _buang(request.session.pop(self.kunci_sesi(), None))
        if hasil.boleh_disimpan:
            # The file waits under MEDIA_ROOT (django-import-export's temporary storage of its
            # own preview → confirm); the session only names it, so it stays small.
            simpanan = MediaStorage(MEDIA_FOLDER=FOLDER_SEMENTARA)
            simpanan.save(data)
            request.session[self.kunci_sesi()] = {
                "berkas": simpanan.name,
                "nama": nama,
                "sidik": hasil.sidik,
            }
        return self.render_to_response(
            self.get_context_data(form=UnggahForm(), pratinjau=hasil, nama_berkas=nama)
        )

    def _pratinjau(self, data: bytes) -> Pratinjau:
        try:
            return self.pratinjau(data)
        except GalatPenuh as e:
            e.pratinjau.galat_umum.append(str(e))
            return e.pratinjau
        except ValueError as e:
            return Pratinjau(galat_umum=[str(e)])

    def konfirmasi(self):
        tersimpan = self.request.session.pop(self.kunci_sesi(), None)
        if not tersimpan:
            messages.error(
                self.request,
                "Tidak ada berkas yang menunggu konfirmasi (mungkin sudah disimpan atau sesi "
                "berakhir). Unggah berkas lagi.",
            )
            return HttpResponseRedirect(self.request.path)
        try:
            data = _baca(tersimpan)
        except OSError:
            messages.error(self.request, "Berkas yang diunggah tidak ditemukan lagi. Unggah lagi.")
            return HttpResponseRedirect(self.request.path)
        _buang(tersimpan)
        hasil = self._pratinjau(data)
        gagal = None
        if hasil.sidik != tersimpan["sidik"]:
            gagal = PESAN_BASI_IMPOR
        elif not hasil.boleh_disimpan:
            gagal = "Berkas tidak lagi dapat disimpan; lihat pratinjau di bawah."
        else:
            try:
                jumlah = self.terapkan(hasil)
            except (DataBasi, DataTerkunci, TransisiDitolak) as e:
                gagal = str(e)
            else:
                messages.success(
                    self.request,
                    f"Impor dari {tersimpan['nama']} disimpan: {jumlah} {self.satuan_impor} "
                    f"{self.kata_impor}.",
                )
                return HttpResponseRedirect(self.url_kembali())
        messages.error(self.request, f"Tidak ada yang disimpan. {gagal}")
        return self.render_to_response(
            self.get_context_data(form=UnggahForm(), pratinjau=hasil, nama_berkas=tersimpan["nama"])
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            judul_impor=self.judul_impor,
            keterangan_impor=self.keterangan_impor,
            satuan_impor=self.satuan_impor,
            kata_impor=self.kata_impor,
            url_kembali=self.url_kembali(),
            url_templat=self.url_templat(),
        )
        return ctx
