"""Form fields for what people really type: Indonesian numbers, letters, units, rupiah.

They parse with sakip.kinerja.parse_nilai (the same rule as the data loader and the imports)
and show its Indonesian message next to the field when the text is not a value.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from sakip.format_id import format_angka, format_nilai, format_nip
from sakip.kinerja import Nilai, parse_nilai
from sakip.validators import validate_nip


class NilaiInput(forms.TextInput):
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


class NilaiField(forms.Field):
    """A performance value: "92,5", "97,5%", "4 Dok", "B (67)" → kinerja.Nilai (or None)."""

    widget = NilaiInput

    def __init__(self, *, huruf_boleh: bool = True, **kwargs):
        self.huruf_boleh = huruf_boleh
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
        return nilai

    def has_changed(self, initial, data) -> bool:
        # The stored value is shown as text ("92,33"): compare what both mean.
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


class UangField(forms.Field):
    """Rupiah as people write them: "1.234.567,89", "Rp 3.920.691.860,40" → Decimal."""

    widget = NilaiInput

    def __init__(self, **kwargs):
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
            nilai = parse_nilai(teks)
        except ValueError as e:
            raise ValidationError(str(e), code="uang") from e
        if nilai.huruf or (nilai.satuan and nilai.satuan != "Rp"):
            raise ValidationError("Tulis jumlah rupiah saja, mis. 1.234.567,89.")
        if nilai.angka < 0:
            raise ValidationError("Jumlah rupiah tidak boleh negatif.")
        if nilai.angka != nilai.angka.quantize(Decimal("0.01")):
            raise ValidationError("Rupiah paling banyak dua angka di belakang koma.")
        return nilai.angka


class NipInput(forms.TextInput):
    """Shows a stored NIP grouped as it is printed under a signature."""

    def format_value(self, value):
        return format_nip(value) if value else super().format_value(value)


class NipField(forms.CharField):
    """NIP as people paste it ("19730206 200312 1 002"), stored as its 18 digits."""

    default_validators = [validate_nip]
    widget = NipInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", "18 angka; boleh diketik dengan spasi, mis. 19730206 200312 1 002."
        )
        super().__init__(**kwargs)
        self.widget.attrs.update(maxlength=30, inputmode="numeric", placeholder="18 angka")

    def to_python(self, value):
        return re.sub(r"\s+", "", super().to_python(value) or "")
