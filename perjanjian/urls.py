from perjanjian import urls_excel, urls_pk, urls_realisasi, urls_survei

app_name = "perjanjian"

urlpatterns = urls_pk.urlpatterns + urls_realisasi.urlpatterns
urlpatterns += urls_survei.urlpatterns
urlpatterns += urls_excel.urlpatterns
