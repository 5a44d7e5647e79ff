"""The base of every ModelAdmin: a change refused by the locks (sakip.penguncian) becomes a
message on the page, and nothing is saved, instead of a server error."""

from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect

from sakip.penguncian import DataTerkunci


class AdminSakip(admin.ModelAdmin):
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
