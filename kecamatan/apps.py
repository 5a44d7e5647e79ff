from django.apps import AppConfig


class KecamatanConfig(AppConfig):
    name = "kecamatan"
    verbose_name = "Kabupaten dan Kecamatan"
