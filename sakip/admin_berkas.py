"""Uploaded files in the Django admin without a link: MEDIA_ROOT has no URL (a stored file is
handed out only by a view that checks access), so the admin names the file it holds instead of
linking to an address that does not exist; its file input is the application's own ("Pilih
berkas", sakip/widgets/berkas.html), whatever the browser's language."""

from django.contrib.admin.widgets import AdminFileWidget
from django.db import models


class BerkasTanpaTautan(AdminFileWidget):
    template_name = "sakip/widgets/berkas_tanpa_tautan.html"

    class Media:
        css = {"all": ("css/berkas.css",)}


BERKAS_TANPA_TAUTAN = {
    models.FileField: {"widget": BerkasTanpaTautan},
    models.ImageField: {"widget": BerkasTanpaTautan},
}
