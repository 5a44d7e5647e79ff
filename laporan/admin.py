from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from sakip.admin_dasar import AdminSakip, InlineSakip, LingkupKabupaten

from .models import (
    DokumenPDF,
    EvaluasiAKIP,
    LaporanKinerja,
    RekomendasiLHE,
    SkorAKIP,
    TargetPembanding,
    TindakLanjutLHE,
    VersiLKIP,
)


class TindakLanjutLHEInline(InlineSakip):
    model = TindakLanjutLHE
    extra = 0


@admin.register(LaporanKinerja)
class LaporanKinerjaAdmin(AdminSakip):
    list_display = ["__str__", "tahun", "status", "tanggal"]
    list_filter = ["tahun", "status", "kecamatan"]
    list_select_related = ["kecamatan"]
    inlines = [TindakLanjutLHEInline]


@admin.register(TindakLanjutLHE)
class TindakLanjutLHEAdmin(AdminSakip):
    list_display = ["urutan", "__str__", "laporan"]
    list_select_related = ["laporan__kecamatan"]


class SkorAKIPInline(InlineSakip):
    model = SkorAKIP
    extra = 0


class RekomendasiLHEInline(InlineSakip):
    model = RekomendasiLHE
    extra = 0


@admin.register(EvaluasiAKIP)
class EvaluasiAKIPAdmin(AdminSakip):
    list_display = ["judul", "kecamatan", "tahun", "tanggal"]
    list_filter = ["tahun", "kecamatan"]
    list_select_related = ["kecamatan"]
    inlines = [SkorAKIPInline, RekomendasiLHEInline]


@admin.register(SkorAKIP)
class SkorAKIPAdmin(AdminSakip):
    list_display = ["__str__", "evaluasi"]
    list_select_related = ["evaluasi__kecamatan"]


@admin.register(RekomendasiLHE)
class RekomendasiLHEAdmin(AdminSakip):
    list_display = ["urutan", "__str__", "evaluasi"]
    list_select_related = ["evaluasi__kecamatan"]


class AdminCatatan(LingkupKabupaten, admin.ModelAdmin):
    """Records the application writes itself (printed PDFs, finalised versions): shown, never
    typed, changed or deleted by hand — a finalised LKIP's file and SHA-256 must not move."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DokumenPDF)
class DokumenPDFAdmin(AdminCatatan):
    # A render still "Sedang dibuat" long after "mulai" is one whose worker died: the next
    # request for it marks it failed (laporan.dokumen.layanan.alasan_macet).
    list_display = [
        "nama_berkas",
        "kecamatan",
        "jenis",
        "final",
        "status",
        "jumlah_halaman",
        "dibuat",
        "mulai",
        "detak",
    ]
    list_filter = ["jenis", "final", "status", "kecamatan"]
    list_select_related = ["kecamatan"]
    # The stored file has no public URL: its link goes through the download view, which
    # checks access like every other download.
    exclude = ["html", "berkas"]
    readonly_fields = ["unduh"]

    @admin.display(description="berkas PDF")
    def unduh(self, obj):
        if not obj.berkas:
            return "—"
        url = reverse("laporan:dokumen-unduh", args=[obj.kecamatan.slug, obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.nama_berkas or obj.berkas.name)


@admin.register(VersiLKIP)
class VersiLKIPAdmin(AdminCatatan):
    list_display = ["__str__", "sha256", "ditetapkan_oleh", "ditetapkan_pada"]
    list_select_related = ["laporan__kecamatan", "ditetapkan_oleh"]


@admin.register(TargetPembanding)
class TargetPembandingAdmin(AdminSakip):
    """The national / provincial targets the LKIP prints beside the kabupaten benchmark."""

    list_display = ["ukuran", "tahun", "tingkat", "nilai", "keterangan", "sumber"]
    list_filter = ["tahun", "tingkat", "ukuran"]
    list_select_related = ["ukuran"]
