from django.apps import AppConfig


class SakipConfig(AppConfig):
    """The project package is also an app: it carries template filters and shared commands."""

    name = "sakip"
    verbose_name = "SAKIP"
