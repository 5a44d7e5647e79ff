"""List filters of the admin that stay small as the country grows.

A filter on a related model lists every row of that model: for the superuser who runs a
national installation (placed in no kabupaten) the realisasi list's kecamatan filter named all
7,300 kecamatan on every page, and its measure filter every kabupaten's measures (issue 12).
For that user such a filter waits until the list is narrowed to one kabupaten
(``SaringanKabupaten``, added before them) and then names that kabupaten's rows only. A user
placed in a kabupaten or kecamatan sees its own kabupaten's (or kecamatan's) values
(``SaringanLingkup``).
"""

from django.contrib import admin
from django.contrib.admin.filters import AllValuesFieldListFilter, RelatedFieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.db.models import Max, Min, Model

from sakip import akses
from sakip.tahun import tahun_bulat


def jalur_kabupaten(model: type[Model]) -> str:
    """The lookup from ``model`` to its kabupaten, through its (first) path to a kecamatan."""
    label = model._meta.label
    if label in akses.JALUR:
        ke_kecamatan = akses.JALUR[label][0]
        return f"{ke_kecamatan}__kabupaten" if ke_kecamatan else "kabupaten"
    return akses.JALUR_KABUPATEN[label][0]


def per_kabupaten(model: type[Model]) -> bool:
    """Whether ``model``'s rows belong to one kabupaten each (not the kabupaten itself, not
    the shared catalogue)."""
    label = model._meta.label
    return (label in akses.JALUR or label in akses.JALUR_KABUPATEN) and bool(jalur_kabupaten(model))


class SaringanKabupaten(admin.SimpleListFilter):
    title = "kabupaten"
    parameter_name = "kabupaten"

    def lookups(self, request, model_admin):
        kabupaten = get_fields_from_path(model_admin.model, jalur_kabupaten(model_admin.model))
        return [(k.pk, str(k)) for k in kabupaten[-1].related_model._default_manager.all()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            raise IncorrectLookupParameters(f"Kabupaten '{self.value()}' tidak dikenal.")
        return akses.di_kabupaten(queryset, int(self.value()))


class SaringanSeKabupaten(RelatedFieldListFilter):
    """A related filter naming only the rows of the kabupaten chosen in ``SaringanKabupaten``,
    and nothing (hidden) before one is chosen. A value already in the URL still filters."""

    def field_choices(self, field, request, model_admin):
        kabupaten = request.GET.get(SaringanKabupaten.parameter_name, "")
        if not kabupaten.isdigit():
            return []
        pilihan = akses.di_kabupaten(field.related_model._default_manager.all(), int(kabupaten))
        urutan = self.field_admin_ordering(field, request, model_admin)
        if urutan:
            pilihan = pilihan.order_by(*urutan)
        return [(o.pk, str(o)) for o in pilihan]


class SaringanLingkup(RelatedFieldListFilter):
    """For a user placed in a kabupaten or kecamatan: the related rows that user may see
    (``akses.lingkup_admin``), read from the related table by its index. Django's
    "related only" filter searched every listed row for them instead: a scan of the
    kabupaten's realisasi or targets on each page of the list."""

    def field_choices(self, field, request, model_admin):
        pilihan = akses.lingkup_admin(field.related_model._default_manager.all(), request.user)
        urutan = self.field_admin_ordering(field, request, model_admin)
        if urutan:
            pilihan = pilihan.order_by(*urutan)
        return [(o.pk, str(o)) for o in pilihan]


def saringan_nasional(model: type[Model], saringan) -> list:
    """``saringan`` (a ModelAdmin's list_filter) for a user who sees every kabupaten: each
    filter on a per-kabupaten model waits for a kabupaten, chosen by a filter added first;
    a year filter on the model's own ``tahun`` names the range of stored years
    (``SaringanTahun``)."""
    hasil, diganti = [], False
    for s in saringan:
        if s == "tahun":
            s = (s, SaringanTahun)
        elif isinstance(s, str):
            medan = get_fields_from_path(model, s)[-1]
            if medan.is_relation and per_kabupaten(medan.related_model):
                s, diganti = (s, SaringanSeKabupaten), True
        hasil.append(s)
    if diganti and per_kabupaten(model):
        hasil.insert(0, SaringanKabupaten)
    return hasil


class SaringanTahun(AllValuesFieldListFilter):
    """The year filter of a list that holds the whole country: every year from the first to
    the last one stored (a year with no row between them is offered too), read as the
    smallest and the largest value of an index on ``tahun::integer`` (two index lookups;
    ``sakip.tahun.indeks_rentang_tahun``). Django's own filter asked ``SELECT DISTINCT
    tahun`` of every row: at national size a scan of 234k realisasi on each page of the list
    (issue 12). Same URL parameter as Django's."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        tahun = tahun_bulat(field_path)  # the expression of the model's index
        batas = model._default_manager.aggregate(awal=Min(tahun), akhir=Max(tahun))
        if batas["awal"] is None:
            self.lookup_choices = []
        else:
            self.lookup_choices = list(range(batas["awal"], batas["akhir"] + 1))
