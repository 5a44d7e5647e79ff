from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan Kinerja (LKIP)"

    def ready(self):
        from perjanjian.services import daftarkan_penulis_realisasi

        from .evaluasi import ukuran_dari_lhe

        # The LHE writes the Nilai SAKIP realisasi; the realisasi service must refuse typing it.
        daftarkan_penulis_realisasi(ukuran_dari_lhe)
