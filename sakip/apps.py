from django.apps import AppConfig


class SakipConfig(AppConfig):
    """The project package is also an app: it carries template filters and shared commands."""

    name = "sakip"
    verbose_name = "SAKIP"

    def ready(self):
        # After django.contrib.admin (listed first) has registered every admin module.
        from django.contrib import admin

        from sakip.admin_dasar import batasi_catatan_sistem

        batasi_catatan_sistem(admin.site)
