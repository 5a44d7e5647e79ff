"""The base of every ModelAdmin: a locked row (sakip.penguncian) opens read-only with its
reason, and a change refused by the locks becomes a message on the page, and nothing is
saved, instead of a server error."""

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst

from sakip.isian import batas_kolom
from sakip.penguncian import DataTerkunci, Terjaga


def alasan_terkunci(obj) -> str | None:
    """The row's own reason (Terjaga.alasan_terkunci), None for a row that is not guarded."""
    if isinstance(obj, Terjaga) and obj.pk:
        return obj.alasan_terkunci()
    return None


class BatasAngkaAdmin:
    """Every decimal input of the admin refuses what its column cannot hold, with the same
    bound and message as the pages and imports (sakip.kinerja.BatasAngka)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DecimalField) and formfield is not None:
            batas = batas_kolom(db_field)

            def dalam_batas(angka):
                if angka is not None:
                    try:
                        batas.periksa(angka)
                    except ValueError as e:
                        raise ValidationError(str(e), code="batas") from e

            formfield.validators.append(dalam_batas)
        return formfield


class AdminSakip(BatasAngkaAdmin, admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        if alasan_terkunci(obj):
            return [f.name for f in obj._meta.get_fields() if f.concrete and not f.auto_created]
        return super().get_readonly_fields(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        alasan = alasan_terkunci(obj)
        if alasan and request.method == "GET":
            messages.warning(request, f"Hanya dapat dibaca: {alasan}")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except DataTerkunci as e:
            messages.error(request, str(e))
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            with transaction.atomic():
                return super().delete_view(request, object_id, extra_context)
        except DataTerkunci as e:
            # Reached only when the lock came after the confirmation page was built (that
            # page lists locked rows and offers no button): back to the object, not to a
            # confirmation that would be refused again.
            messages.error(request, str(e))
            info = (self.opts.app_label, self.opts.model_name)
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_change".format(*info),
                    args=[object_id],
                    current_app=self.admin_site.name,
                )
            )

    def changelist_view(self, request, extra_context=None):
        if request.method != "POST":  # the list itself writes nothing
            return super().changelist_view(request, extra_context)
        # Actions ("hapus yang dipilih") run here; one refused row refuses the whole action.
        try:
            with transaction.atomic():
                return super().changelist_view(request, extra_context)
        except DataTerkunci as e:
            messages.error(request, str(e))
            return HttpResponseRedirect(request.get_full_path())

    def get_deleted_objects(self, objs, request):
        """The delete confirmation (of one object and of the "delete selected" action) shows
        the locked rows the delete would take, with the reason, among the protected objects:
        Django then offers no button and deletes nothing, also when the form is posted."""
        dihapus, jumlah, izin_kurang, dilindungi = super().get_deleted_objects(objs, request)
        return dihapus, jumlah, izin_kurang, [*dilindungi, *self.terkunci(objs)]

    def terkunci(self, objs) -> list[str]:
        """One line per locked row that deleting ``objs`` would take, cascades included."""
        kolektor = NestedObjects(using=router.db_for_write(self.model))
        kolektor.collect(objs)
        alasan = []
        for model, baris in kolektor.data.items():
            if not issubclass(model, Terjaga):
                continue
            for objek in sorted(baris, key=lambda o: o.pk):
                try:
                    objek.jaga(hapus=True)
                except DataTerkunci as e:
                    alasan.append(f"{capfirst(model._meta.verbose_name)}: {objek} — {e}")
        return alasan
