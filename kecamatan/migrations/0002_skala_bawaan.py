"""Store the default rating scales of DOMAIN.md (held as plain data in sakip.kinerja).

Reference data every database needs, production included: a kabupaten that chooses no other
scale is rated with these.
"""

from django.db import migrations

from sakip import kinerja


def pasang(apps, schema_editor):
    from kecamatan.services import pasang_skala_bawaan

    pasang_skala_bawaan(
        apps.get_model("kecamatan", "SkalaPenilaian"), apps.get_model("kecamatan", "PitaSkala")
    )


def hapus(apps, schema_editor):
    kode = [s.kode for s in kinerja.SKALA_BAWAAN.values()]
    apps.get_model("kecamatan", "SkalaPenilaian").objects.filter(kode__in=kode).delete()


class Migration(migrations.Migration):
    dependencies = [("kecamatan", "0001_initial")]

    operations = [migrations.RunPython(pasang, hapus)]
