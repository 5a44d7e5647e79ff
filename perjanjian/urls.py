from perjanjian import urls_excel, urls_perjanjian, urls_realisasi, urls_survei, urls_verifikasi

app_name = "perjanjian"

urlpatterns = urls_perjanjian.urlpatterns + urls_realisasi.urlpatterns + urls_verifikasi.urlpatterns
urlpatterns += urls_survei.urlpatterns
urlpatterns += urls_excel.urlpatterns
