"""The base of every ModelAdmin: a locked row (sakip.penguncian) opens read-only with its
reason, and a change refused by the locks becomes a message on the page, and nothing is
saved, instead of a server error; "hapus yang dipilih" on locked rows answers their reasons
and deletes nothing."""

from django.contrib import admin, messages
from django.contrib.admin import actions as aksi_admin
from django.contrib.admin.filters import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import NestedObjects, get_fields_from_path
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from sakip import akses
from sakip.admin_hitung import PaginatorPerkiraan
from sakip.admin_saring import SaringanLingkup, saringan_nasional
from sakip.isian import BarisInlineFormSet, NipField, UangField, batas_kolom, kolom_rupiah
from sakip.penguncian import DataTerkunci, Terjaga
from sakip.validators import validate_nip


def alasan_terkunci(obj) -> str | None:
    """The row's own reason (Terjaga.alasan_terkunci), None for a row that is not guarded."""
    if isinstance(obj, Terjaga) and obj.pk:
        return obj.alasan_terkunci()
    return None


class BatasAngkaAdmin:
    """Every decimal input of the admin refuses what its column cannot hold, with the same
    bound and message as the pages and imports (sakip.kinerja.BatasAngka); a rupiah column
    (``sakip.isian.kolom_rupiah``) reads what people type ("Rp. 1.234.567,-") with the one
    rupiah parser of the pages and the Excel imports (``UangField``)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if kolom_rupiah(db_field):
            return UangField(
                kolom=db_field,
                required=not db_field.blank,
                label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text,
                initial=db_field.get_default() if db_field.has_default() else None,
            )
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


class NipAdmin:
    """Every NIP column of the admin takes a NIP as the pages do (sakip.isian.NipField): typed
    with spaces and stored as its 18 digits, a wrong one refused naming the cause."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.CharField) and validate_nip in db_field.validators:
            return NipField(
                label=capfirst(db_field.verbose_name),
                required=not db_field.blank,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class LingkupKabupaten:
    """The admin of a kabupaten sees and chooses only its kabupaten's rows
    (``sakip.akses.lingkup_admin``): every list and change page, every foreign key choice and
    every list filter. A row of another kabupaten is not found (404), like a missing one."""

    def get_queryset(self, request):
        return akses.lingkup_admin(super().get_queryset(request), request.user)

    def get_object(self, request, object_id, from_field=None):
        objek = super().get_object(request, object_id, from_field)
        if objek is None:
            raise Http404("Data tidak ditemukan.")
        return objek

    def _lingkupi_pilihan(self, request, formfield):
        queryset = getattr(formfield, "queryset", None)
        if queryset is not None and akses.dapat_dilingkupi(queryset.model):
            formfield.queryset = akses.lingkup_admin(queryset, request.user)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._lingkupi_pilihan(request, formfield)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._lingkupi_pilihan(request, formfield)

    def get_list_filter(self, request):
        """A filter on a related model offers only the values of the rows shown (the
        kecamatan of the kabupaten, not all of the country's); for the user who sees every
        kabupaten, only those of the kabupaten chosen first (``sakip.admin_saring``)."""
        saringan = super().get_list_filter(request)
        if not akses.admin_terlingkup(request.user):
            return saringan_nasional(self.model, saringan)
        hasil = []
        for s in saringan:
            medan = get_fields_from_path(self.model, s)[-1] if isinstance(s, str) else None
            if medan is not None and medan.is_relation:
                if akses.dapat_dilingkupi(medan.related_model):
                    s = (s, SaringanLingkup)
                else:
                    s = (s, RelatedOnlyFieldListFilter)
            hasil.append(s)
        return hasil


class InlineSakip(NipAdmin, BatasAngkaAdmin, LingkupKabupaten, admin.TabularInline):
    """The base of every inline: its choices scoped like its page's, its numbers bounded, each
    input named with its row for a screen reader."""

    formset = BarisInlineFormSet


class KhususPengelola:
    """Records of the installation itself (sign-in attempts, background tasks, groups of
    permissions) belong to no kabupaten: only a superuser placed in none sees them."""

    def _pengelola(self, request) -> bool:
        return not akses.admin_terlingkup(request.user)

    def has_module_permission(self, request):
        return self._pengelola(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._pengelola(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._pengelola(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._pengelola(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._pengelola(request) and super().has_delete_permission(request, obj)


def batasi_catatan_sistem(site: admin.AdminSite) -> None:
    """Give every registered model that belongs to no kabupaten or kecamatan (the other
    libraries' admins) to the installation's superuser only (``KhususPengelola``). Called
    once every admin module is registered (sakip.apps)."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, LingkupKabupaten) or akses.dapat_dilingkupi(model):
            continue
        kelas = type(model_admin)
        site.unregister(model)
        site.register(model, type(f"{kelas.__name__}Pengelola", (KhususPengelola, kelas), {}))


# How many reasons, and rows per reason, a refused bulk action names before "dan N lain".
ALASAN_DITAMPILKAN = 5
BARIS_DITAMPILKAN = 3


class AdminSakip(NipAdmin, BatasAngkaAdmin, LingkupKabupaten, admin.ModelAdmin):
    # A filtered list counts its own rows only, not the whole table again (issue 12: at
    # national size that second count was a scan of every row on each page).
    show_full_result_count = False
    # And an unfiltered list of a large table is numbered by the planner's estimate, not a
    # count of every row (the national superuser's realisasi list; sakip.admin_hitung).
    paginator = PaginatorPerkiraan
    # Django's own "hapus yang dipilih", replaced by the method below (same name).
    actions = ["delete_selected"]

    @admin.action(
        permissions=["delete"],
        description=gettext_lazy("Delete selected %(verbose_name_plural)s"),
    )
    def delete_selected(self, request, queryset):
        """Django's bulk delete, asked of the locks first: when a selected row, or a row its
        delete would take with it, is locked, the list answers with the reasons and nothing
        is deleted (no confirmation page that could only be refused)."""
        per_alasan: dict[str, list[str]] = {}  # the same reason once, with its rows
        for model, objek, alasan in self.terkunci_rinci(queryset):
            per_alasan.setdefault(alasan, []).append(f"{model._meta.verbose_name} “{objek}”")
        if per_alasan:
            bagian = []
            for alasan, baris in list(per_alasan.items())[:ALASAN_DITAMPILKAN]:
                nama = ", ".join(baris[:BARIS_DITAMPILKAN])
                if len(baris) > BARIS_DITAMPILKAN:
                    nama += f" dan {len(baris) - BARIS_DITAMPILKAN} baris lain"
                bagian.append(f"{alasan} (terkunci: {nama})")
            if len(per_alasan) > ALASAN_DITAMPILKAN:
                bagian.append(f"Dan {len(per_alasan) - ALASAN_DITAMPILKAN} alasan lain.")
            self.message_user(
                request, "Tidak ada yang dihapus. " + " ".join(bagian), messages.ERROR
            )
            return None
        return aksi_admin.delete_selected(self, request, queryset)

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
        return [
            f"{capfirst(model._meta.verbose_name)}: {objek} — {alasan}"
            for model, objek, alasan in self.terkunci_rinci(objs)
        ]

    def terkunci_rinci(self, objs) -> list[tuple]:
        """(model, row, reason) of each locked row that deleting ``objs`` would take: the
        chosen rows first, then what their delete would take with it."""
        kolektor = NestedObjects(using=router.db_for_write(self.model))
        kolektor.collect(objs)
        hasil = []
        for model, baris in kolektor.data.items():
            if not issubclass(model, Terjaga):
                continue
            for objek in sorted(baris, key=lambda o: o.pk):
                try:
                    objek.jaga(hapus=True)
                except DataTerkunci as e:
                    hasil.append((model, objek, str(e)))
        return hasil
