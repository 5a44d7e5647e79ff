"""Two people editing the same values: the second save of stale data is refused.

A form carries a fingerprint (``sidik``) of the stored values it was rendered from. On save
the view recomputes it from the database, inside the transaction and with the rows locked;
if someone saved in between, the fingerprints differ and nothing is written. No version
column is needed, and the same check works for one object or a grid of many rows.
"""

import hashlib
from collections.abc import Iterable

from django import forms

from sakip.penguncian import DataBasi

PESAN_BASI = (
    "Data ini telah diubah oleh pengguna lain sejak halaman ini Anda buka. Tidak ada yang "
    "disimpan. Muat ulang halaman untuk melihat nilai terbaru, lalu isi kembali perubahan Anda."
)


def sidik(nilai: Iterable) -> str:
    """A fingerprint of values, in order (model instances count by their stored fields)."""
    h = hashlib.sha256()
    for n in nilai:
        h.update(repr(_bentuk(n)).encode())
        h.update(b"\x1f")
    return h.hexdigest()


def _bentuk(n):
    if hasattr(n, "_meta"):
        return tuple((f.attname, getattr(n, f.attname)) for f in n._meta.concrete_fields)
    return n


def periksa(dikirim: str | None, sekarang: str) -> None:
    if dikirim != sekarang:
        raise DataBasi(PESAN_BASI)


class SidikField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
