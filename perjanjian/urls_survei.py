"""Routes of the Survei Kepuasan Masyarakat pages."""

from django.urls import path

from perjanjian import views_survei as v

S = "kecamatan/<slug:kecamatan>/survei-ikm"

urlpatterns = [
    path(f"{S}/<int:tahun>/", v.SurveiDaftar.as_view(), name="survei-daftar"),
    path(f"{S}/templat.xlsx", v.SurveiTemplat.as_view(), name="survei-templat"),
    path(f"{S}/detail/<int:pk>/", v.SurveiDetail.as_view(), name="survei-detail"),
    path(f"{S}/detail/<int:pk>/pakai/", v.SurveiPakai.as_view(), name="survei-pakai"),
]
