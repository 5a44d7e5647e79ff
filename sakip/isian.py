"""Form fields for what people really type: Indonesian numbers, letters, units, rupiah.

They parse with sakip.kinerja.parse_nilai (the same rule as the data loader and the imports)
and show its Indonesian message next to the field when the text is not a value. Each number
field names the model column it is stored in (``kolom=``) and refuses what that column cannot
hold (``kinerja.BatasAngka``), so a value is never rounded, turned into a float or refused by
the database after the form said yes.
"""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from sakip.format_id import NAMA_BULAN, format_angka, format_nilai, format_nip
from sakip.kinerja import BatasAngka, Nilai, parse_nilai, parse_rupiah
from sakip.validators import normalkan_nip, periksa_nip


def _atribut(nilai) -> str:
    """An attribute value as Django's widget templates write it (``|stringformat:'s'``, then
    escaped unless it was marked safe)."""
    teks = str(nilai)
    return teks if isinstance(nilai, SafeData) else conditional_escape(teks)


class InputCepat:
    """An ``<input>`` widget written in Python instead of through Django's widget templates
    (input.html and attrs.html), to the same characters: a grid of many inputs, each with its
    htmx attributes, spent a fifth of its page's time there (bench/permintaan.py).
    tests/test_isian_cepat.py compares both for every kind of value and attribute."""

    def render(self, name, value, attrs=None, renderer=None):
        if self.template_name != "django/forms/widgets/text.html":
            return super().render(name, value, attrs, renderer)
        w = self.get_context(name, value, attrs)["widget"]
        bagian = [
            f'<input type="{conditional_escape(w["type"])}" name="{conditional_escape(w["name"])}"'
        ]
        if w["value"] is not None:
            bagian.append(f' value="{_atribut(w["value"])}"')
        for kunci, isi in w["attrs"].items():
            if isi is not False:
                bagian.append(f" {conditional_escape(kunci)}")
                if isi is not True:
                    bagian.append(f'="{_atribut(isi)}"')
        bagian.append(">")
        return mark_safe("".join(bagian))


class TeksInput(InputCepat, forms.TextInput):
    """A text input (``forms.TextInput``) written without the widget templates."""


class NilaiInput(InputCepat, forms.TextInput):
    """Shows a stored value the way it is written ("B (67)", "92,5")."""

    def format_value(self, value):
        if isinstance(value, Nilai):
            return format_nilai(value)
        if isinstance(value, Decimal):
            return format_angka(value, desimal=4, buang_nol=True)
        return super().format_value(value)


PANJANG_MAKS = 40


def _teks(value) -> str:
    teks = "" if value is None else str(value).strip()
    if len(teks) > PANJANG_MAKS:
        raise ValidationError(f"Isian terlalu panjang (paling banyak {PANJANG_MAKS} karakter).")
    return teks


def batas_kolom(kolom) -> BatasAngka:
    """The bound of a model DecimalField (``Model._meta.get_field("nilai")``)."""
    return BatasAngka.dari(max_digits=kolom.max_digits, decimal_places=kolom.decimal_places)


def _dalam_batas(angka: Decimal, batas: BatasAngka) -> Decimal:
    try:
        return batas.periksa(angka)
    except ValueError as e:
        raise ValidationError(str(e), code="batas") from e


class NilaiField(forms.Field):
    """A performance value: "92,5", "97,5%", "4 Dok", "B (67)" → kinerja.Nilai (or None)."""

    widget = NilaiInput

    def __init__(self, *, kolom, huruf_boleh: bool = True, **kwargs):
        self.huruf_boleh = huruf_boleh
        self.batas = batas_kolom(kolom)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", PANJANG_MAKS)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value) -> Nilai | None:
        if isinstance(value, Nilai):
            return value
        teks = _teks(value)
        if not teks:
            return None
        try:
            nilai = parse_nilai(teks)
        except ValueError as e:
            raise ValidationError(str(e), code="nilai") from e
        if nilai.huruf and not self.huruf_boleh:
            raise ValidationError("Isian ini tidak memakai huruf; tulis angkanya saja.")
        if nilai.satuan == "Rp":
            raise ValidationError("Ini isian kinerja, bukan rupiah; tulis angkanya saja.")
        _dalam_batas(nilai.angka, self.batas)
        return nilai

    def has_changed(self, initial, data) -> bool:
        # The stored value is shown as text ("92,33"): compare what both mean.
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


def kolom_rupiah(kolom) -> bool:
    """Whether a model column holds rupiah: its model lists it in ``KOLOM_RUPIAH`` (the admin
    then reads it with ``UangField``, as the budget page does)."""
    return kolom.name in getattr(kolom.model, "KOLOM_RUPIAH", ())


class UangField(forms.Field):
    """Rupiah as people write them: "1.234.567,89", "Rp. 1.250.000.000,-" → Decimal."""

    widget = NilaiInput

    def __init__(self, *, kolom, **kwargs):
        self.batas = batas_kolom(kolom)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", PANJANG_MAKS)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value) -> Decimal | None:
        if isinstance(value, Decimal):
            return value
        teks = _teks(value)
        if not teks:
            return None
        try:
            angka = parse_rupiah(teks)
        except ValueError as e:
            raise ValidationError(str(e), code="uang") from e
        if angka < 0:
            raise ValidationError("Jumlah rupiah tidak boleh negatif.")
        if angka != angka.quantize(Decimal("0.01")):
            raise ValidationError("Rupiah paling banyak dua angka di belakang koma.")
        return _dalam_batas(angka, self.batas)


class NipInput(forms.TextInput):
    """Shows a stored NIP grouped as it is printed under a signature."""

    def format_value(self, value):
        return format_nip(value) if value else super().format_value(value)


class NipField(forms.CharField):
    """NIP as people paste it ("19730206 200312 1 002"), stored as its 18 digits."""

    widget = NipInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", "18 angka; boleh diketik dengan spasi, mis. 19730206 200312 1 002."
        )
        super().__init__(**kwargs)
        self.widget.attrs.update(maxlength=30, inputmode="numeric", placeholder="18 angka")

    def to_python(self, value):
        return normalkan_nip(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value not in self.empty_values:
            periksa_nip(value)


PESAN_TIDAK_LENGKAP = (
    "Isian tabel tidak lengkap: {jumlah} sel tidak terkirim ({contoh}). Tidak ada yang "
    "disimpan. Muat ulang halaman, lalu isi kembali perubahan Anda."
)


def beri_nama_baris(form, index) -> None:
    """A form that is one row of a grid: the column headers are not labels of its inputs, so
    each visible input is named "<label>, baris N" for a screen reader (axe: label,
    select-name). Called by the grids' formsets for every row, the delete box included."""
    nomor = "baru" if index is None else index + 1
    for field in form.fields.values():
        # The admin's related-field wrapper renders the widget it wraps (and its own attrs
        # are not that widget's after a copy): name the widget that is rendered.
        widget = getattr(field.widget, "widget", field.widget)
        if not widget.is_hidden:
            widget.attrs.setdefault("aria-label", f"{field.label}, baris {nomor}")


class BarisFormSet(forms.BaseFormSet):
    """The formset of a grid of rows (units, pejabat): each input named with its row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        beri_nama_baris(form, index)


class BarisModelFormSet(forms.BaseModelFormSet):
    """The same for a grid of stored rows (the profile's tables)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        beri_nama_baris(form, index)


class BarisInlineFormSet(forms.BaseInlineFormSet):
    """The same for the Django admin's tabular inlines (sakip.admin_dasar.InlineSakip)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        beri_nama_baris(form, index)


class IsianLengkap:
    """A grid form refuses a POST that lacks any of the cells it rendered.

    The form builds its fields from the stored rows, so it knows every cell the page showed.
    A cell that is absent from the POST (a truncated request, a script sending only the
    fingerprint) is not "emptied": the whole save is refused and nothing changes. A cell sent
    empty still clears its value. Disabled cells are never sent, and a checkbox is absent when
    unticked (its widget says so through ``value_omitted_from_data``); neither counts. When
    the posted fingerprint (``sidik``) is not the one of the stored data, rows were added
    meanwhile: their cells were never rendered, and the stale-save refusal (sakip.konkurensi)
    is the answer, not this one. ``bukan_sel`` names fields a page may leave out (an optional
    extra row): absent, they mean "nothing typed".
    """

    bukan_sel: tuple[str, ...] = ()

    def sel_hilang(self) -> list[str]:
        if "sidik" in self.fields:
            dikirim = self.data.get(self.add_prefix("sidik"))
            if dikirim and dikirim != self["sidik"].initial:
                return []
        return [
            nama
            for nama, bidang in self.fields.items()
            if not bidang.disabled
            and nama not in self.bukan_sel
            and bidang.widget.value_omitted_from_data(self.data, self.files, self.add_prefix(nama))
        ]

    def clean(self):
        data = super().clean()
        if self.is_bound and (hilang := self.sel_hilang()):
            # Two rows of one measure share a label: name each once.
            label = list(dict.fromkeys(str(self.fields[n].label or n) for n in hilang))
            contoh = ", ".join(label[:3]) + (", …" if len(label) > 3 else "")
            self.tidak_lengkap = PESAN_TIDAK_LENGKAP.format(jumlah=len(hilang), contoh=contoh)
            raise ValidationError(self.tidak_lengkap, code="tidak_lengkap")
        return data

    @property
    def pesan_tidak_lengkap(self) -> str | None:
        """The refusal when cells were missing (after ``is_valid()``), else None."""
        if not self.is_valid():
            return getattr(self, "tidak_lengkap", None)
        return None


# --- dates and files: the application's own inputs, whatever the browser's language ----------

# A browser's <input type="date"> follows the browser's language (in an English browser
# "12/04/2026" means 4 December); this text input always reads and shows dd/mm/yyyy.
_POLA_TANGGAL_ANGKA = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_POLA_TANGGAL_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_POLA_TANGGAL_NAMA = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})")
_BULAN = {nama.lower(): i for i, nama in enumerate(NAMA_BULAN, start=1)}
_BULAN |= {nama.lower()[:3]: i for i, nama in enumerate(NAMA_BULAN, start=1)}
_BULAN |= {"agu": 8, "agt": 8, "okt": 10, "nop": 11, "des": 12, "peb": 2, "mei": 5}
PESAN_TANGGAL = "Tulis tanggal sebagai hh/bb/tttt, mis. 12/04/2026 atau 12 April 2026."


def baca_tanggal(teks: str) -> date:
    """ "12/04/2026", "12-04-2026", "12 April 2026", "12 Apr 2026" (and the ISO "2026-04-12")
    → 12 April 2026; ValueError with the Indonesian message otherwise."""
    bersih = teks.strip()
    if cocok := _POLA_TANGGAL_ANGKA.fullmatch(bersih):
        hari, bulan, tahun = (int(x) for x in cocok.groups())
    elif cocok := _POLA_TANGGAL_ISO.fullmatch(bersih):
        tahun, bulan, hari = (int(x) for x in cocok.groups())
    elif (cocok := _POLA_TANGGAL_NAMA.fullmatch(bersih)) and cocok[2].lower() in _BULAN:
        hari, bulan, tahun = int(cocok[1]), _BULAN[cocok[2].lower()], int(cocok[3])
    else:
        raise ValueError(PESAN_TANGGAL)
    if not 1 <= bulan <= 12:
        raise ValueError(f"Bulan {bulan} tidak ada; {PESAN_TANGGAL}")
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        raise ValueError(
            f"Tanggal {hari} tidak ada pada bulan {NAMA_BULAN[bulan - 1]} {tahun}."
        ) from None


class TanggalInput(forms.TextInput):
    """A date typed and shown as dd/mm/yyyy, the same in every browser."""

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "hh/bb/tttt",
            "autocomplete": "off",
            "maxlength": 20,
            **(attrs or {}),
        }
        attrs.setdefault("class", "isian-tanggal")
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return super().format_value(value)


class TanggalField(forms.DateField):
    """A date as Indonesians write it: "12/04/2026", "12 April 2026", "12 Apr 2026"."""

    widget = TanggalInput

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(**kwargs)
        self.help_text = self.help_text or "hh/bb/tttt, mis. 12/04/2026"

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return baca_tanggal(str(value))
        except ValueError as e:
            raise ValidationError(str(e), code="invalid") from e


class BerkasInput(forms.FileInput):
    """A file input whose visible button reads "Pilih berkas" and which shows the chosen file's
    name ("Belum ada berkas dipilih"), whatever the browser's language; static/js/berkas.js."""

    template_name = "sakip/widgets/berkas.html"
