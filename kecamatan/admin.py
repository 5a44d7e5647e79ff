from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sakip.admin_berkas import BERKAS_TANPA_TAUTAN
from sakip.admin_dasar import AdminSakip, InlineSakip, LingkupKabupaten

from .models import (
    IsuStrategis,
    Kabupaten,
    Kecamatan,
    KomposisiSDM,
    Pejabat,
    PemakaianSkala,
    Pengguna,
    PitaSkala,
    ProfilTahunan,
    SaranaPrasarana,
    SkalaPenilaian,
    UnitKerja,
)


@admin.register(Kabupaten)
class KabupatenAdmin(AdminSakip):
    list_display = ["nama", "kode", "provinsi", "nama_bupati"]
    prepopulated_fields = {"slug": ["nama"]}
    formfield_overrides = BERKAS_TANPA_TAUTAN  # the logo: no public URL to link to

    def has_add_permission(self, request):
        # A new kabupaten is set up by whoever runs the installation, not by another one.
        return not request.user.kabupaten_id and super().has_add_permission(request)


class UnitKerjaInline(InlineSakip):
    model = UnitKerja
    extra = 0


@admin.register(Kecamatan)
class KecamatanAdmin(AdminSakip):
    list_display = ["nama", "kode", "kabupaten", "telepon", "email"]
    list_filter = ["kabupaten"]
    search_fields = ["nama", "kode"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [UnitKerjaInline]
    formfield_overrides = BERKAS_TANPA_TAUTAN  # the logo: no public URL to link to


@admin.register(UnitKerja)
class UnitKerjaAdmin(AdminSakip):
    list_display = ["nama", "singkatan", "jenis", "kecamatan"]
    list_filter = ["jenis", "kecamatan"]
    list_select_related = ["kecamatan"]


@admin.register(Pejabat)
class PejabatAdmin(AdminSakip):
    list_display = ["nama", "jabatan", "nip", "pangkat_golongan", "mulai", "selesai"]
    list_filter = ["kabupaten", "kecamatan"]
    search_fields = ["nama", "nip", "jabatan"]
    list_select_related = ["kecamatan"]


@admin.register(Pengguna)
class PenggunaAdmin(LingkupKabupaten, UserAdmin):
    list_display = ["username", "first_name", "peran", "kecamatan", "is_active"]
    list_filter = ["peran", "kabupaten", "kecamatan", "is_active"]
    list_select_related = ["kecamatan"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Peran dan wilayah", {"fields": ["peran", "kabupaten", "kecamatan"]}),
    ]
    add_fieldsets = [
        *UserAdmin.add_fieldsets,
        ("Peran dan wilayah", {"fields": ["peran", "kabupaten", "kecamatan"]}),
    ]

    def save_model(self, request, obj, form, change):
        # An admin of a kabupaten makes and keeps users of that kabupaten only: a user placed
        # nowhere would see every kabupaten in this admin.
        if request.user.kabupaten_id:
            obj.kabupaten_id = request.user.kabupaten_id
        super().save_model(request, obj, form, change)


class KomposisiSDMInline(InlineSakip):
    model = KomposisiSDM
    extra = 0


class SaranaPrasaranaInline(InlineSakip):
    model = SaranaPrasarana
    extra = 0


class IsuStrategisInline(InlineSakip):
    model = IsuStrategis
    extra = 0


@admin.register(ProfilTahunan)
class ProfilTahunanAdmin(AdminSakip):
    list_display = ["kecamatan", "tahun"]
    list_filter = ["tahun", "kecamatan"]
    list_select_related = ["kecamatan"]
    inlines = [KomposisiSDMInline, SaranaPrasaranaInline, IsuStrategisInline]


class PitaSkalaInline(InlineSakip):
    model = PitaSkala
    extra = 0


@admin.register(SkalaPenilaian)
class SkalaPenilaianAdmin(AdminSakip):
    list_display = ["nama", "jenis", "presisi", "sumber"]
    list_filter = ["jenis"]
    inlines = [PitaSkalaInline]


@admin.register(PemakaianSkala)
class PemakaianSkalaAdmin(AdminSakip):
    list_display = ["kabupaten", "tahun", "jenis", "skala"]
    list_filter = ["kabupaten", "tahun", "jenis"]
    list_select_related = ["kabupaten", "skala"]


@admin.register(KomposisiSDM)
class KomposisiSDMAdmin(AdminSakip):
    list_display = ["jabatan", "profil", "laki_laki", "perempuan"]
    list_filter = ["profil__tahun", "profil__kecamatan"]
    list_select_related = ["profil__kecamatan"]


@admin.register(SaranaPrasarana)
class SaranaPrasaranaAdmin(AdminSakip):
    list_display = ["nama", "kelompok", "jumlah", "kondisi", "jumlah_ideal", "profil"]
    list_filter = ["kelompok", "profil__tahun", "profil__kecamatan"]
    list_select_related = ["profil__kecamatan"]
    search_fields = ["nama"]


@admin.register(IsuStrategis)
class IsuStrategisAdmin(AdminSakip):
    list_display = ["__str__", "profil"]
    list_filter = ["profil__tahun", "profil__kecamatan"]
    list_select_related = ["profil__kecamatan"]


@admin.register(PitaSkala)
class PitaSkalaAdmin(AdminSakip):
    list_display = ["skala", "urutan", "kode", "label", "batas_bawah", "inklusif", "warna"]
    list_filter = ["skala"]
    list_select_related = ["skala"]
