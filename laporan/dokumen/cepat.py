"""Less CPU per printed page (issue 11, "Fast"): work WeasyPrint does that our documents do
not need, measured on the Kencong LKIP (README, "CPU per page").

- **The cyclic garbage collector is paused while a document is laid out and written.** A
  layout allocates hundreds of thousands of boxes and styles that live until the PDF is
  written; each automatic collection on the way walks all of them again, for almost no
  garbage (a box tree is freed by reference counting once the document is dropped). One
  collection after the print frees whatever cycles it left, so memory ends where it would
  have: the LKIP's own part, with that collection counted, −9 % CPU; peak memory unchanged.
- **Two fast paths of WeasyPrint 67–68**, where CSS math functions (``calc()`` …) came in:
  every computed value and every percentage of every box is asked whether it is a math
  function by building a ``Function`` of it, and every colour property of every element
  parses its initial value (``currentcolor``, ``transparent``) from text again. A value that
  is not a function token is not a math function; an initial colour parses to the same colour
  each time. Both answers are the library's own, reached sooner (tested equal in
  ``tests/test_dokumen_cepat.py``); another WeasyPrint version is left as it is.
"""

import gc
import threading
from contextlib import contextmanager
from importlib import import_module

_kunci = threading.Lock()
_cetakan_berjalan = 0
_gc_kami_matikan = False

# The modules of WeasyPrint that call ``check_math`` by a name of their own.
_MODUL_CHECK_MATH = (
    "weasyprint.css",
    "weasyprint.css.functions",
    "weasyprint.css.tokens",
    "weasyprint.css.computed_values",
    "weasyprint.layout.percent",
    "weasyprint.layout.preferred",
)
_VERSI_JALAN_PINTAS = (67, 68)
_terpasang: bool | None = None


@contextmanager
def gc_dijeda():
    """No automatic collection while any thread prints; one full collection when the last
    print of this process ends. A caller that switched the collector off keeps it off."""
    global _cetakan_berjalan, _gc_kami_matikan
    with _kunci:
        _cetakan_berjalan += 1
        if _cetakan_berjalan == 1 and gc.isenabled():
            gc.disable()
            _gc_kami_matikan = True
    try:
        yield
    finally:
        with _kunci:
            _cetakan_berjalan -= 1
            terakhir = _cetakan_berjalan == 0 and _gc_kami_matikan
            if terakhir:
                _gc_kami_matikan = False
                gc.enable()
        if terakhir:
            gc.collect(0)


def _check_math_cepat(asli):
    def check_math(token):
        # ``Function(token).name`` is None for anything but a function token, and then the
        # library's own answer is None: said without building the Function.
        if getattr(token, "type", None) != "function":
            return None
        return asli(token)

    check_math.asli = asli
    return check_math


def _warna_cepat(asli):
    tersimpan = {}

    def color(style, name, values):
        if isinstance(values, str):  # an initial value (``currentcolor``, ``transparent``)
            try:
                kunci = (values, style["color_scheme"])
                return tersimpan[kunci]
            except KeyError:
                hasil = tersimpan[kunci] = asli(style, name, values)
                return hasil
            except TypeError:  # an unhashable colour scheme: asked afresh
                pass
        return asli(style, name, values)

    color.asli = asli
    return color


def pasang_jalan_pintas() -> bool:
    """Install the two fast paths once per process, on the WeasyPrint versions they were
    written and tested for. True when they are in place."""
    global _terpasang
    with _kunci:
        if _terpasang is None:
            _terpasang = _pasang()
        return _terpasang


def _pasang() -> bool:
    import weasyprint

    if int(weasyprint.__version__.split(".")[0]) not in _VERSI_JALAN_PINTAS:
        return False
    modul = [import_module(nama) for nama in _MODUL_CHECK_MATH]
    fungsi = import_module("weasyprint.css.functions")
    nilai = import_module("weasyprint.css.computed_values")
    asli = fungsi.check_math
    warna = nilai.COMPUTER_FUNCTIONS.get("color")
    if getattr(asli, "asli", None) is not None or warna is None:
        return True  # already installed (a second import of this module)
    cepat = _check_math_cepat(asli)
    for m in modul:
        if getattr(m, "check_math", None) is asli:
            m.check_math = cepat
    warna_cepat = _warna_cepat(warna)
    for nama, f in list(nilai.COMPUTER_FUNCTIONS.items()):
        if f is warna:
            nilai.COMPUTER_FUNCTIONS[nama] = warna_cepat
    return True


@contextmanager
def cetak_hemat():
    """What a print runs inside: the fast paths installed, the collector paused."""
    pasang_jalan_pintas()
    with gc_dijeda():
        yield
