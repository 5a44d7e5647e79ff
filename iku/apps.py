from django.apps import AppConfig


class IkuConfig(AppConfig):
    name = "iku"
    verbose_name = "Renstra dan Indikator Kinerja Utama"
