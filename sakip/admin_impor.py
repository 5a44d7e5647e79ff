"""django-import-export in the Django admin, for the one-row-one-record lists (kecamatan, units,
pejabat, accounts): import with its preview, export of the rows the list shows.

An import goes through the same walls as the admin's forms:

- scoping (``sakip.akses.lingkup_admin``): a row names an existing record only within the
  user's kabupaten (another kabupaten's is "not found", and its id cannot be taken over);
  every foreign key a row sets (kabupaten, kecamatan, unit induk) must be one the admin's
  choices would offer; an admin placed in a kabupaten makes records of that kabupaten;
- locks: every row is saved through the model's ``save()``, whose guard (``sakip.penguncian``)
  refuses a locked record; the preview shows the refusal and nothing is imported;
- all or nothing: the import runs in one transaction (django-import-export's default), and
  a preview with an error or an invalid row offers no confirmation.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import capfirst
from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats

from sakip import akses


class SumberTerlingkup(resources.ModelResource):
    """A resource that sees and makes only what ``pengguna`` may in the admin."""

    def __init__(self, *, pengguna=None, **kwargs):
        # Without a user (the library builds one only to read its column names) it sees
        # nothing and lets nothing through.
        super().__init__(**kwargs)
        self.pengguna = pengguna

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True  # the model's own validation: NIP, periods, choices

    def get_queryset(self):
        if self.pengguna is None:
            return super().get_queryset().none()
        return akses.lingkup_admin(super().get_queryset(), self.pengguna)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        kabupaten_id = self.pengguna and self.pengguna.kabupaten_id
        if kabupaten_id and _punya_kolom(instance, "kabupaten") and not instance.kabupaten_id:
            instance.kabupaten_id = kabupaten_id

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        galat = {k: list(v) for k, v in (import_validation_errors or {}).items()}
        for kolom, pesan in self.periksa(instance).items():
            galat.setdefault(kolom, []).append(pesan)
        super().validate_instance(instance, galat, validate_unique)

    def periksa(self, instance) -> dict[str, str]:
        """Why the row would reach outside what the user's admin shows (an invalid row of the
        preview, with its message), per field."""
        model = type(instance)
        if self.pengguna is None:
            return {NON_FIELD_ERRORS: "Impor tanpa pengguna yang masuk ditolak."}
        galat = {}
        if (
            instance._state.adding
            and instance.pk
            and model._default_manager.filter(pk=instance.pk).exists()
        ):
            galat[NON_FIELD_ERRORS] = (
                f"{capfirst(model._meta.verbose_name)} dengan id {instance.pk} tidak "
                "ditemukan di kabupaten Anda; kosongkan id untuk data baru."
            )
        for field in model._meta.concrete_fields:
            if not field.is_relation or not akses.dapat_dilingkupi(field.related_model):
                continue
            nilai = getattr(instance, field.attname)
            if nilai is None:
                continue
            terkait = field.related_model._default_manager.filter(pk=nilai)
            if not akses.lingkup_admin(terkait, self.pengguna).exists():
                galat[field.name] = (
                    f"{capfirst(field.verbose_name)} itu tidak ditemukan di kabupaten Anda."
                )
        return galat


def _punya_kolom(instance, nama: str) -> bool:
    return any(f.name == nama for f in instance._meta.concrete_fields)


class ImporEksporAdmin(ImportExportMixin):
    """Import and export on an admin list, with the resource scoped to the user; importing
    needs the right to add and to change, exporting the right to view. CSV and Excel only:
    the formats the kabupaten's people keep their lists in."""

    formats = [base_formats.CSV, base_formats.XLSX]

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "pengguna": request.user}

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
