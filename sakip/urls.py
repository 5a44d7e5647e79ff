from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from sakip import views
from sakip.akun import GantiSandiForm, MasukForm

admin.site.site_header = "SAKIP Kecamatan — Administrasi"
admin.site.site_title = "SAKIP Kecamatan"
admin.site.index_title = "Data induk dan referensi"

urlpatterns = [
    path("", views.akar, name="akar"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="akun/masuk.html",
            redirect_authenticated_user=True,
            authentication_form=MasukForm,
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        auth_views.PasswordChangeView.as_view(
            template_name="akun/ganti_sandi.html",
            form_class=GantiSandiForm,
            success_url=reverse_lazy("password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(template_name="akun/sandi_diganti.html"),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    path("", include("kecamatan.urls")),
    path("", include("iku.urls")),
    path("", include("perjanjian.urls")),
    path("", include("laporan.urls")),
]

# No route serves MEDIA_ROOT, whatever DEBUG says: stored documents and uploads are handed out
# only by views that check access (laporan.views_dokumen.DokumenUnduh).
