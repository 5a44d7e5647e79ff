from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan Kinerja (LKIP)"

    def ready(self):
        from kecamatan.services import daftarkan_penjawab
        from perjanjian.selectors import daftarkan_sumber_nilai_sakip
        from perjanjian.services import daftarkan_penulis_realisasi
        from sakip.alur import transisi_dijalankan

        from .dokumen.layanan import bekukan_saat_ditetapkan
        from .evaluasi import ukuran_dari_lhe
        from .models import LaporanKinerja
        from .selectors import nilai_sakip_lhe

        # The LHE writes the Nilai SAKIP realisasi; the realisasi service must refuse typing it.
        daftarkan_penulis_realisasi(ukuran_dari_lhe)
        # An indicator computed from the LHE (sumber_realisasi nilai_sakip) reads it here.
        daftarkan_sumber_nilai_sakip(nilai_sakip_lhe)
        # An approved PK or IKU decree keeps the print of that moment.
        transisi_dijalankan.connect(bekukan_saat_ditetapkan, dispatch_uid="bekukan_dokumen")
        # What an approved LKIP printed from the lower apps is locked with it.
        daftarkan_penjawab(LaporanKinerja.daftar_ditetapkan)
