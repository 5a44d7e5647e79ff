from django.contrib import admin

from sakip.admin_dasar import AdminSakip, InlineSakip

from .models import (
    Diktum,
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    PenanggungJawab,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    Ukuran,
)


class TujuanInline(InlineSakip):
    model = Tujuan
    extra = 0
    fields = ["nomor", "uraian", "kelompok"]  # the RPJMD texts on the tujuan's own page


@admin.register(Renstra)
class RenstraAdmin(AdminSakip):
    list_display = ["nama", "kecamatan", "tahun_awal", "tahun_akhir", "revisi_dari"]
    list_filter = ["kecamatan"]
    list_select_related = ["kecamatan", "revisi_dari__kecamatan"]
    # Meta.ordering by the kecamatan's id, not by the kabupaten's and kecamatan's names
    # through joins (issue 12: 7,300 Renstra sorted on each page of the national list).
    ordering = ["kecamatan_id", "tahun_awal", "id"]
    inlines = [TujuanInline]


class SasaranInline(InlineSakip):
    model = Sasaran
    extra = 0


@admin.register(Tujuan)
class TujuanAdmin(AdminSakip):
    list_display = ["__str__", "renstra", "kelompok"]
    list_filter = ["renstra__kecamatan", "kelompok"]
    list_select_related = ["renstra__kecamatan"]
    inlines = [SasaranInline]


@admin.register(Sasaran)
class SasaranAdmin(AdminSakip):
    list_display = ["__str__", "tujuan"]
    list_select_related = ["tujuan__renstra"]


@admin.register(Ukuran)
class UkuranAdmin(AdminSakip):
    list_display = ["nama", "kode", "kabupaten", "kecamatan"]
    list_filter = ["kabupaten", "kecamatan"]
    search_fields = ["nama", "kode"]


class PenanggungJawabInline(InlineSakip):
    model = PenanggungJawab
    extra = 0


class TargetIndikatorInline(InlineSakip):
    model = TargetIndikator
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(AdminSakip):
    list_display = ["nama", "jenis", "satuan", "polaritas", "tujuan", "sasaran"]
    list_filter = ["jenis", "polaritas", "ukuran"]
    search_fields = ["nama"]
    list_select_related = ["tujuan", "sasaran__tujuan"]
    inlines = [PenanggungJawabInline, TargetIndikatorInline]


class DiktumInline(InlineSakip):
    model = Diktum
    extra = 0


class IndikatorKeputusanInline(InlineSakip):
    model = IndikatorKeputusan
    extra = 0


@admin.register(KeputusanIKU)
class KeputusanIKUAdmin(AdminSakip):
    list_display = ["nomor", "kecamatan", "tanggal", "tata_letak", "status"]
    list_filter = ["status", "kecamatan"]
    list_select_related = ["kecamatan"]
    inlines = [DiktumInline, IndikatorKeputusanInline]


@admin.register(TargetIndikator)
class TargetIndikatorAdmin(AdminSakip):
    list_display = ["indikator", "tahun", "nilai", "huruf"]
    list_filter = ["tahun", "indikator__ukuran"]
    list_select_related = ["indikator"]
    # The unique index's order: no join and sort of every target by the indicators' order
    # (issue 12: a national list).
    ordering = ["indikator_id", "tahun"]


@admin.register(Diktum)
class DiktumAdmin(AdminSakip):
    list_display = ["__str__", "keputusan"]
    list_select_related = ["keputusan__kecamatan"]


@admin.register(IndikatorKeputusan)
class IndikatorKeputusanAdmin(AdminSakip):
    list_display = ["indikator", "lampiran", "urutan", "keputusan"]
    list_filter = ["lampiran"]
    list_select_related = ["indikator", "keputusan__kecamatan"]


@admin.register(PenanggungJawab)
class PenanggungJawabAdmin(AdminSakip):
    list_display = ["indikator", "urutan", "unit_kerja"]
    list_select_related = ["indikator", "unit_kerja"]
