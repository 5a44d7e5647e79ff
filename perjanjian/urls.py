from perjanjian import urls_excel, urls_pk, urls_realisasi

app_name = "perjanjian"

urlpatterns = urls_pk.urlpatterns + urls_realisasi.urlpatterns
urlpatterns += urls_excel.urlpatterns
