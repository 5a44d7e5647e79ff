"""The years the application works with: one range for the URL's ``tahun`` (the page base,
kecamatan.halaman) and for every yearly row's validation (``TahunField``). A year outside it is
a typing slip or junk in a URL: a page answers 404, a form names the range."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils.functional import cached_property

TAHUN_MIN = 2000
TAHUN_MAKS = 2100


def tahun_sah(tahun) -> bool:
    return isinstance(tahun, int) and TAHUN_MIN <= tahun <= TAHUN_MAKS


def validasi_tahun(tahun) -> None:
    if not tahun_sah(tahun):
        raise ValidationError(pesan_tahun(tahun), code="tahun")


def pesan_tahun(tahun) -> str:
    return f"Tahun {tahun} di luar rentang yang dikenal ({TAHUN_MIN}–{TAHUN_MAKS})."


class TahunField(models.PositiveSmallIntegerField):
    """A yearly row's year: validated against the range above (forms, ``full_clean``).

    The range is a rule of the application, not of the schema: ``deconstruct`` names the
    plain PositiveSmallIntegerField, so moving the range never needs a migration."""

    default_validators = [validasi_tahun]

    @cached_property
    def validators(self):
        # The range above lies inside every database's small-integer range, so a year out of
        # it gets this one message, not also PostgreSQL's "lebih kecil dari … 32767".
        return [*self.default_validators, *self._validators]

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.PositiveSmallIntegerField", args, kwargs


def tahun_bulat(kolom: str = "tahun") -> Cast:
    """``kolom`` as an integer: the expression of ``indeks_rentang_tahun``, which the admin's
    year filter asks for its first and last year (``sakip.admin_saring.SaringanTahun``)."""
    return Cast(kolom, models.IntegerField())


def indeks_rentang_tahun(nama: str) -> models.Index:
    """An index that gives a large table's first and last year in two lookups (issue 12).

    On an expression no other query uses: a plain index on ``tahun`` tempted the planner to
    walk every kabupaten's rows backwards by year to find "the latest year of these
    kecamatan" (the dashboard: 21 ms at 514 kabupaten instead of 0.2)."""
    return models.Index(tahun_bulat(), name=nama)
