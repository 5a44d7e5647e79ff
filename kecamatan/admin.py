from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from import_export import fields, widgets

from sakip.admin_berkas import BERKAS_TANPA_TAUTAN
from sakip.admin_dasar import AdminSakip, InlineSakip, LingkupKabupaten
from sakip.admin_impor import ImporEksporAdmin, SumberTerlingkup

from . import services_akun
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

# --- import and export of the one-row-one-record lists (sakip.admin_impor) -------------------
# Kabupaten and kecamatan are named by their Kemendagri code, as people know them.


def _kolom_kode(atribut: str, model) -> fields.Field:
    return fields.Field(
        attribute=atribut, column_name=atribut, widget=widgets.ForeignKeyWidget(model, "kode")
    )


class KecamatanSumber(SumberTerlingkup):
    kabupaten = _kolom_kode("kabupaten", Kabupaten)

    class Meta:
        model = Kecamatan
        import_id_fields = ["kode"]
        fields = ["kode", "nama", "slug", "kabupaten", "alamat", "kode_pos", "telepon", "email"]


class UnitKerjaSumber(SumberTerlingkup):
    kecamatan = _kolom_kode("kecamatan", Kecamatan)

    class Meta:
        model = UnitKerja
        fields = ["id", "kecamatan", "induk", "jenis", "nama", "singkatan", "urutan"]


class PejabatSumber(SumberTerlingkup):
    kabupaten = _kolom_kode("kabupaten", Kabupaten)
    kecamatan = _kolom_kode("kecamatan", Kecamatan)

    class Meta:
        model = Pejabat
        fields = [
            "id",
            "kabupaten",
            "kecamatan",
            "nama",
            "nip",
            "pangkat_golongan",
            "jabatan",
            "mulai",
            "selesai",
        ]


class PenggunaSumber(SumberTerlingkup):
    """Accounts without their passwords, never imported nor exported: a new account gets no
    usable password until its admin gives it a temporary one (accounts page, "Setel ulang
    kata sandi"). The roles and placements are those the accounts page gives out; the
    admin kabupaten's and superusers' accounts are not changed by an import."""

    kabupaten = _kolom_kode("kabupaten", Kabupaten)
    kecamatan = _kolom_kode("kecamatan", Kecamatan)
    last_login = fields.Field(attribute="last_login", column_name="last_login", readonly=True)

    class Meta:
        model = Pengguna
        import_id_fields = ["username"]
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "peran",
            "kabupaten",
            "kecamatan",
            "is_active",
            "last_login",
        ]

    def after_init_instance(self, instance, new, row, **kwargs):
        if new:  # no password comes with a row: none works until a temporary one is given
            instance.set_unusable_password()
        super().after_init_instance(instance, new, row, **kwargs)

    def periksa(self, instance) -> dict[str, str]:
        galat = super().periksa(instance)
        if not instance._state.adding and (instance.is_superuser or instance.is_staff):
            galat["username"] = (
                f"Akun {instance.username} hanya dapat diubah oleh pengelola aplikasi."
            )
        galat.update(
            services_akun.periksa_peran_wilayah(
                oleh=self.pengguna, peran=instance.peran, kecamatan=instance.kecamatan
            )
        )
        return galat


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
class KecamatanAdmin(ImporEksporAdmin, AdminSakip):
    resource_classes = [KecamatanSumber]
    list_display = ["nama", "kode", "kabupaten", "telepon", "email"]
    list_filter = ["kabupaten"]
    search_fields = ["nama", "kode"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [UnitKerjaInline]
    formfield_overrides = BERKAS_TANPA_TAUTAN  # the logo: no public URL to link to


@admin.register(UnitKerja)
class UnitKerjaAdmin(ImporEksporAdmin, AdminSakip):
    resource_classes = [UnitKerjaSumber]
    list_display = ["nama", "singkatan", "jenis", "kecamatan"]
    list_filter = ["jenis", "kecamatan"]
    list_select_related = ["kecamatan"]


@admin.register(Pejabat)
class PejabatAdmin(ImporEksporAdmin, AdminSakip):
    resource_classes = [PejabatSumber]
    list_display = ["nama", "jabatan", "nip", "pangkat_golongan", "mulai", "selesai"]
    list_filter = ["kabupaten", "kecamatan"]
    search_fields = ["nama", "nip", "jabatan"]
    list_select_related = ["kecamatan"]


@admin.register(Pengguna)
class PenggunaAdmin(ImporEksporAdmin, LingkupKabupaten, UserAdmin):
    resource_classes = [PenggunaSumber]
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
