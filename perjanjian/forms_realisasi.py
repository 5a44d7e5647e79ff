"""Forms of the realisasi page: they validate what was typed; perjanjian.services writes.

The grid has one row per indicator of every PK of the year, but a value per measure: when IKM
is an indicator of both PKs its two rows are two inputs of ONE value. Each row keeps its own
field (so a typing error is shown under the cell where it was typed); ``clean`` joins the rows
of a measure, taking the row that was changed, and refuses two rows changed to different
values.
"""

from django import forms

from perjanjian.models import Realisasi
from perjanjian.services.narasi import KOLOM_NARASI, NarasiTahun
from perjanjian.services.realisasi import (
    GridRealisasi,
    Isian,
    hitung_teks,
    pesan_dihitung,
    teks_nilai,
)
from sakip.isian import IsianLengkap, NilaiField, TeksInput
from sakip.konkurensi import SidikField

PANJANG_CATATAN = 255
KOLOM_NILAI = Realisasi._meta.get_field("nilai")
PESAN_BERBEDA = (
    "Baris-baris indikator ini adalah satu nilai yang sama, tetapi diisi berbeda. Samakan isiannya."
)


class RealisasiGridForm(IsianLengkap, forms.Form):
    sidik = SidikField()
    # The row "indikator lain" is shown only when the Renstra has indicators outside the PK.
    bukan_sel = ("lain-ukuran", "lain-nilai", "lain-catatan")

    def __init__(self, *args, grid: GridRealisasi, url_hitung: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = grid
        self.url_hitung = url_hitung
        self.rows = grid.per_ukuran()  # ukuran id → rows
        self.awal: dict[int, tuple[str, str]] = {}
        for ukuran_id, rows in self.rows.items():
            r = rows[0].realisasi
            self.awal[ukuran_id] = (teks_nilai(r), r.catatan_sumber if r else "")
            for b in rows:
                self.fields[f"{b.prefix}-nilai"] = NilaiField(
                    kolom=KOLOM_NILAI,
                    required=False,
                    label=f"Realisasi {b.ukuran.nama}",
                    initial=teks_nilai(r),
                )
                self.fields[f"{b.prefix}-catatan"] = forms.CharField(
                    required=False,
                    max_length=PANJANG_CATATAN,
                    label=f"Sumber / catatan {b.ukuran.nama}",
                    initial=r.catatan_sumber if r else "",
                    widget=TeksInput,
                )
                _atur_input(self, b)
        self.fields["sidik"].initial = grid.sidik

        pilihan = [("", "— pilih indikator —")] + [(str(u.id), u.nama) for u in grid.ukuran_lain]
        self.fields["lain-ukuran"] = forms.ChoiceField(
            required=False, choices=pilihan, label="Indikator lain"
        )
        self.fields["lain-ukuran"].error_messages["invalid_choice"] = (
            "Pilih indikator Renstra kecamatan ini yang belum ada di tabel."
        )
        self.fields["lain-nilai"] = NilaiField(
            kolom=KOLOM_NILAI, required=False, label="Realisasi indikator lain"
        )
        self.fields["lain-catatan"] = forms.CharField(
            required=False, max_length=PANJANG_CATATAN, label="Sumber / catatan indikator lain"
        )
        hitung = _htmx(url_hitung, "lain", "#capaian-lain", ["lain-nilai", "lain-ukuran"])
        self.fields["lain-ukuran"].widget.attrs.update(
            id="realisasi-lain-ukuran", **{**hitung, "hx-trigger": "change"}
        )
        self.fields["lain-nilai"].widget.attrs.update(
            id="realisasi-lain", placeholder="nilai", **hitung
        )
        self.fields["lain-catatan"].widget.attrs.update(
            id="catatan-lain", placeholder="sumber data"
        )

    # --- joining the rows of one measure -----------------------------------------------------

    def _mentah(self, nama: str) -> str:
        return str(self.data.get(self.add_prefix(nama), "") or "").strip()

    def _pilih(self, ukuran_id: int, kolom: str) -> str | None:
        """The prefix of the row whose ``kolom`` holds the measure's value: the row that was
        changed (None when rows were changed to different values)."""
        rows = self.rows[ukuran_id]
        awal = self.awal[ukuran_id][0 if kolom == "nilai" else 1]
        berubah = [b for b in rows if self._mentah(f"{b.prefix}-{kolom}") != awal]
        if len({self._mentah(f"{b.prefix}-{kolom}") for b in berubah}) > 1:
            for b in berubah:
                self.add_error(f"{b.prefix}-{kolom}", PESAN_BERBEDA)
            return None
        return (berubah or rows)[0].prefix

    def clean(self):
        data = super().clean()
        self.isian_ukuran: dict[int, Isian] = {}
        for b in self.grid.ukuran_dihitung.values():
            # No input is shown for a computed measure; a post that sends one is refused.
            if any(self._mentah(f"{x.prefix}-nilai") for x in [b, *b.kembar]):
                self.add_error(
                    None,
                    pesan_dihitung(b.indikator.nama, b.turunan.keterangan)
                    + " Tidak ada yang disimpan.",
                )
        for ukuran_id in self.rows:
            p_nilai, p_catatan = self._pilih(ukuran_id, "nilai"), self._pilih(ukuran_id, "catatan")
            if p_nilai is None or p_catatan is None:
                continue
            if f"{p_nilai}-nilai" not in data or f"{p_catatan}-catatan" not in data:
                continue  # the field's own error (a value that is not a number) is shown
            nilai, catatan = data[f"{p_nilai}-nilai"], data[f"{p_catatan}-catatan"]
            if nilai is None and catatan and catatan != self.awal[ukuran_id][1]:
                self.add_error(
                    f"{p_catatan}-catatan", "Catatan sumber disimpan bersama nilai realisasinya."
                )
                continue
            self.isian_ukuran[ukuran_id] = Isian(nilai, catatan if nilai is not None else "")

        ukuran, nilai = data.get("lain-ukuran"), data.get("lain-nilai")
        catatan = data.get("lain-catatan")
        if not ukuran and (nilai is not None or catatan):
            self.add_error("lain-ukuran", "Pilih indikator yang realisasinya diisi.")
        elif ukuran and nilai is None and "lain-nilai" not in self.errors:
            self.add_error("lain-nilai", "Isi nilai realisasi indikator yang dipilih.")
        elif ukuran and nilai is not None:
            self.isian_ukuran[int(ukuran)] = Isian(nilai, catatan or "")
        return data

    def isian(self) -> dict[int, Isian]:
        return self.isian_ukuran

    # --- what the template walks ---------------------------------------------------------

    def _sel(self, b) -> dict:
        hasil = b.hasil
        if b.turunan is not None:
            # Computed, not typed: shown read-only with its source (no field).
            return {"b": b, "hasil": hasil, "nilai": None, "catatan": None}
        if self.is_bound:
            # Re-shown after a refused save: the capaian of what was typed, not of what is stored.
            hasil = hitung_teks(
                indikator=b.indikator,
                target=b.target,
                teks=self._mentah(f"{b.prefix}-nilai"),
                skala=self.grid.skala,
                semua_skala=self.grid.semua_skala,
            )
        return {
            "b": b,
            "hasil": hasil,
            "nilai": self[f"{b.prefix}-nilai"],
            "catatan": self[f"{b.prefix}-catatan"],
        }

    def kelompok(self) -> list[dict]:
        """Per PK, its rows with their bound fields."""
        return [
            {"perjanjian": k.perjanjian, "baris": [self._sel(b) for b in k.baris]}
            for k in self.grid.kelompok
        ]

    def lain(self) -> dict:
        return {k: self[f"lain-{k}"] for k in ("ukuran", "nilai", "catatan")}

    def tanpa_target(self) -> list[dict]:
        return [self._sel(b) for b in self.grid.tanpa_target]


# While typing, the row posts its value to the hitung endpoint, which answers the capaian cell
# (computed by sakip.kinerja, never in JavaScript) and, out of band, the capaian cells of the
# other rows of the same measure. The inputs of those rows are kept equal by a few lines of
# script in the page (data-cermin); without script the form still joins them (``_pilih``).
PEMICU = "keyup changed delay:300ms, change"


def _htmx(url: str, baris: str, target: str, kolom: list[str]) -> dict[str, str]:
    if not url:
        return {}
    return {
        "hx-post": url,
        "hx-trigger": PEMICU,
        "hx-target": target,
        "hx-swap": "innerHTML",
        "hx-vals": f'{{"baris": "{baris}"}}',
        "hx-params": ",".join(["baris", *kolom]),
        "hx-sync": "closest tr:replace",
    }


def _atur_input(form: RealisasiGridForm, b) -> None:
    """Stable ids for the browser tests and the htmx attributes of the row."""
    kolom = [f"{b.prefix}-nilai", f"{b.prefix}-catatan"]
    hitung = _htmx(form.url_hitung, b.prefix, f"#{b.id_capaian}", kolom[:1])
    form.fields[kolom[0]].widget.attrs.update(
        id=b.id_input,
        **{
            "data-testid": f"{b.testid}-nilai",
            "data-cermin": f"{b.ukuran.kode}-nilai",
            "aria-describedby": b.id_capaian,
        },
        **hitung,
    )
    form.fields[kolom[1]].widget.attrs.update(
        id=b.id_catatan,
        placeholder="sumber data",
        **{"data-testid": f"{b.testid}-catatan", "data-cermin": f"{b.ukuran.kode}-catatan"},
        # The table shows the column's name apart from the cell: a screen reader gets both.
        **{"aria-label": form.fields[kolom[1]].label},
    )


class KembalikanForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "kembalikan_%s")  # two comment forms on one page
        super().__init__(*args, **kwargs)

    komentar = forms.CharField(
        label="Alasan pengembalian",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Dibaca operator dan camat kecamatan; tuliskan yang harus diperbaiki.",
        error_messages={"required": "Tuliskan alasan pengembalian."},
        max_length=2000,
    )


class VerifikasiForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "verifikasi_%s")
        super().__init__(*args, **kwargs)

    komentar = forms.CharField(
        label="Catatan verifikasi (boleh kosong)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


# --- narratives per sasaran ----------------------------------------------------------------

PANJANG_NARASI = 5000
LABEL_NARASI = {
    "faktor_pendorong": "Faktor pendorong keberhasilan",
    "faktor_penghambat": "Faktor penghambat / penyebab kegagalan",
    "tantangan": "Tantangan dan langkah perbaikan ke depan",
}


class NarasiForm(IsianLengkap, forms.Form):
    """Three texts per sasaran of the year, saved together or not at all."""

    sidik = SidikField()

    def __init__(self, *args, halaman: NarasiTahun, **kwargs):
        super().__init__(*args, **kwargs)
        self.halaman = halaman
        self.fields["sidik"].initial = halaman.sidik
        for b in halaman.baris:
            for k in KOLOM_NARASI:
                self.fields[f"{b.prefix}-{k}"] = forms.CharField(
                    required=False,
                    max_length=PANJANG_NARASI,
                    label=LABEL_NARASI[k],
                    initial=getattr(b.narasi, k, ""),
                    widget=forms.Textarea(attrs={"rows": 4, "id": f"narasi-{b.sasaran.id}-{k}"}),
                )

    def isian(self) -> dict[int, dict[str, str]]:
        return {
            b.sasaran.id: {k: self.cleaned_data[f"{b.prefix}-{k}"] for k in KOLOM_NARASI}
            for b in self.halaman.baris
        }

    def sasaran(self) -> list[dict]:
        """Per sasaran, its row and its bound fields (what the template walks)."""
        return [
            {"b": b, "isian": [self[f"{b.prefix}-{k}"] for k in KOLOM_NARASI]}
            for b in self.halaman.baris
        ]


class BukaKembaliForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "buka_kembali_%s")
        super().__init__(*args, **kwargs)

    komentar = forms.CharField(
        label="Alasan membuka kembali",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Dibaca operator dan camat kecamatan dan disimpan dalam riwayat; tuliskan yang "
            "harus diperbaiki."
        ),
        error_messages={"required": "Tuliskan alasan membuka kembali periode ini."},
        max_length=2000,
    )
