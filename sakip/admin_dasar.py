"""The base of every ModelAdmin: a locked row (sakip.penguncian) opens read-only with its
reason, and a change refused by the locks becomes a message on the page, and nothing is
saved, instead of a server error."""

from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect

from sakip.penguncian import DataTerkunci, Terjaga


def alasan_terkunci(obj) -> str | None:
    """The row's own reason (Terjaga.alasan_terkunci), None for a row that is not guarded."""
    if isinstance(obj, Terjaga) and obj.pk:
        return obj.alasan_terkunci()
    return None


class AdminSakip(admin.ModelAdmin):
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
            messages.error(request, str(e))
            return HttpResponseRedirect(request.get_full_path())

    def delete_queryset(self, request, queryset):
        # One by one, so each row's guard runs (a bulk delete would skip it).
        for objek in queryset:
            objek.delete()
