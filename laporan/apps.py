from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan Kinerja (LKIP)"
