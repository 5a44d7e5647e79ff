from django.contrib import admin

from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    NarasiSasaran,
    PelaporanRealisasi,
    PerjanjianKinerja,
    Program,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
    SurveiKepuasan,
    TargetPerjanjian,
)
from sakip.admin_dasar import AdminSakip, InlineSakip


class TargetPerjanjianInline(InlineSakip):
    model = TargetPerjanjian
    extra = 0


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AdminSakip):
    list_display = ["__str__", "tahun", "jenis", "renstra", "tanggal", "status"]
    list_filter = ["tahun", "jenis", "status", "kecamatan"]
    list_select_related = ["kecamatan", "renstra__kecamatan"]
    # The unique index's order (an incremental sort within each kecamatan), not a sort of
    # every PK by the kecamatan's name through a join (issue 12: a national list).
    ordering = ["kecamatan_id", "-tahun", "jenis"]
    inlines = [TargetPerjanjianInline]


class KegiatanInline(InlineSakip):
    model = Kegiatan
    extra = 0


@admin.register(Program)
class ProgramAdmin(AdminSakip):
    list_display = ["kode", "nama", "kecamatan", "tahun"]
    list_filter = ["tahun", "kecamatan"]
    list_select_related = ["kecamatan"]
    filter_horizontal = ["sasaran"]
    inlines = [KegiatanInline]


class SubKegiatanInline(InlineSakip):
    model = SubKegiatan
    extra = 0


@admin.register(Kegiatan)
class KegiatanAdmin(AdminSakip):
    list_display = ["kode", "nama", "program"]
    list_select_related = ["program"]
    inlines = [SubKegiatanInline]


class RealisasiAnggaranInline(InlineSakip):
    model = RealisasiAnggaran
    extra = 0


@admin.register(SubKegiatan)
class SubKegiatanAdmin(AdminSakip):
    list_display = ["kode", "nama", "pagu_awal", "pagu_pergeseran", "pagu_perubahan"]
    list_select_related = ["kegiatan__program"]
    inlines = [RealisasiAnggaranInline]


@admin.register(IndikatorProgram)
class IndikatorProgramAdmin(AdminSakip):
    list_display = ["uraian", "perjanjian", "satuan", "target", "realisasi", "sumber_realisasi"]
    list_filter = ["perjanjian", "sumber_realisasi"]
    list_select_related = ["perjanjian__kecamatan"]

    def get_readonly_fields(self, request, obj=None):
        # A derived realisasi is computed (perjanjian.selectors.turunan), never typed; the
        # model's clean refuses one for a row switched to a source here.
        hanya_baca = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.dihitung:
            hanya_baca.append("realisasi")
        return hanya_baca


@admin.register(Realisasi)
class RealisasiAdmin(AdminSakip):
    list_display = ["ukuran", "kecamatan", "tahun", "periode", "nilai", "huruf"]
    list_filter = ["tahun", "periode", "kecamatan", "ukuran"]
    list_select_related = ["ukuran", "kecamatan"]
    # The order of the unique index, so a page of the list reads 100 rows of the index
    # instead of sorting every row by names through joins (issue 12).
    ordering = ["kecamatan_id", "ukuran_id", "tahun", "periode"]


@admin.register(NarasiSasaran)
class NarasiSasaranAdmin(AdminSakip):
    list_display = ["sasaran", "tahun"]
    list_filter = ["tahun"]
    list_select_related = ["sasaran__tujuan"]


@admin.register(TargetPerjanjian)
class TargetPerjanjianAdmin(AdminSakip):
    list_display = ["indikator", "nilai", "huruf", "perjanjian"]
    list_filter = ["perjanjian__tahun", "perjanjian__jenis"]
    list_select_related = ["indikator", "perjanjian__kecamatan"]


@admin.register(RealisasiAnggaran)
class RealisasiAnggaranAdmin(AdminSakip):
    list_display = ["sub_kegiatan", "periode", "jumlah", "catatan"]
    list_filter = ["periode"]
    list_select_related = ["sub_kegiatan"]


@admin.register(PelaporanRealisasi)
class PelaporanRealisasiAdmin(AdminSakip):
    list_display = ["kecamatan", "tahun", "periode", "status"]
    list_filter = ["tahun", "periode", "status", "kecamatan"]
    list_select_related = ["kecamatan"]
    # As the PK list: the unique index's order (issue 12).
    ordering = ["kecamatan_id", "-tahun", "periode"]


@admin.register(SurveiKepuasan)
class SurveiKepuasanAdmin(AdminSakip):
    list_display = [
        "kecamatan",
        "tahun",
        "periode",
        "nama_berkas",
        "jumlah_responden",
        "nilai_ikm",
        "diunggah_pada",
        "dipakai_pada",
    ]
    list_filter = ["tahun", "periode", "kecamatan"]
    list_select_related = ["kecamatan"]
    readonly_fields = ["diunggah_pada"]
