"""The inputs written in Python (sakip.isian.InputCepat) are the characters Django's widget
templates write: every kind of value and attribute, escaping, safe strings, booleans."""

from decimal import Decimal

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from sakip.isian import NilaiInput, TeksInput
from sakip.kinerja import Nilai

NILAI = [
    None,
    "",
    "92,5",
    "a\"b<c>&d'e",
    mark_safe("<b>aman</b>"),
    0,
    12,
    Decimal("92.50"),
    Decimal("-0.0001"),
    Nilai(Decimal("67"), "B"),
    gettext_lazy("Realisasi"),
]
ATRIBUT = [
    {},
    {"id": "realisasi-ikm", "placeholder": "nilai", "maxlength": 40, "inputmode": "decimal"},
    {"hx-vals": '{"baris": "b1_2"}', "hx-trigger": "keyup changed delay:300ms, change"},
    {"required": True, "disabled": False, "readonly": True, "aria-invalid": "true"},
    {"data-x": mark_safe('"tidak di-escape"'), "title": "<&>", "data-n": 3},
    {"aria-label": gettext_lazy("Sumber")},
]


@pytest.mark.parametrize("kelas", [TeksInput, NilaiInput])
@pytest.mark.parametrize("atribut", ATRIBUT)
def test_sama_dengan_templat_django(kelas, atribut):
    for nilai in NILAI:
        widget = kelas(attrs=dict(atribut))
        cepat = widget.render("b1_2-nilai", nilai, attrs={"id": "x<1>"})
        templat = forms.TextInput.render(widget, "b1_2-nilai", nilai, attrs={"id": "x<1>"})
        assert cepat == templat
        assert type(cepat) is type(templat)


def test_dalam_formulir_dengan_galat():
    """In a bound form with an error: the attributes BoundField adds (aria-invalid)."""

    class Formulir(forms.Form):
        a = forms.IntegerField(widget=TeksInput(attrs={"placeholder": "angka"}))
        b = forms.IntegerField(widget=forms.TextInput(attrs={"placeholder": "angka"}))

    f = Formulir({"a": "x<", "b": "x<"})
    assert not f.is_valid()
    assert "aria-invalid" in str(f["a"])
    assert str(f["a"]).replace('name="a"', 'name="b"').replace("id_a", "id_b") == str(f["b"])
