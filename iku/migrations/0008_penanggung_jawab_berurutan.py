"""The penanggung jawab of an indicator get an order (the decree's). The unordered relation's
table becomes the through model PenanggungJawab as it is (state only), then gains ``urutan``,
numbered as the units were listed until now; the history of the relation moves to the new
historical table."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


def nomori_urutan(apps, schema_editor):
    PenanggungJawab = apps.get_model("iku", "PenanggungJawab")
    nomor = {}
    baris = PenanggungJawab.objects.order_by(
        "indikator_id", "unit_kerja__urutan", "unit_kerja__nama", "id"
    )
    for pj in baris:
        nomor[pj.indikator_id] = nomor.get(pj.indikator_id, 0) + 1
        pj.urutan = nomor[pj.indikator_id]
        pj.save(update_fields=["urutan"])


def salin_riwayat(apps, schema_editor):
    Lama = apps.get_model("iku", "HistoricalIndikator_penanggung_jawab")
    Baru = apps.get_model("iku", "HistoricalPenanggungJawab")
    Baru.objects.bulk_create(
        Baru(
            id=r.id,
            history_id=r.history_id,
            indikator_id=r.indikator_id,
            unit_kerja_id=r.unitkerja_id,
            urutan=1,
        )
        for r in Lama.objects.order_by("m2m_history_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("iku", "0007_isi_keputusan_sendiri"),
        ("kecamatan", "0003_perketat_regex_dan_peran"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPenanggungJawab",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("urutan", models.PositiveSmallIntegerField(default=1, verbose_name="urutan")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="iku.historicalindikator",
                    ),
                ),
                (
                    "indikator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="iku.indikator",
                        verbose_name="indikator",
                    ),
                ),
                (
                    "unit_kerja",
                    models.ForeignKey(
                        blank=True,
                        db_column="unitkerja_id",
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kecamatan.unitkerja",
                        verbose_name="unit kerja",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPenanggungJawab",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PenanggungJawab",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "indikator",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="urutan_penanggung_jawab",
                                to="iku.indikator",
                                verbose_name="indikator",
                            ),
                        ),
                        (
                            "unit_kerja",
                            models.ForeignKey(
                                db_column="unitkerja_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="kecamatan.unitkerja",
                                verbose_name="unit kerja",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "penanggung jawab indikator",
                        "verbose_name_plural": "penanggung jawab indikator",
                        "db_table": "iku_indikator_penanggung_jawab",
                        "ordering": ["indikator", "urutan", "id"],
                    },
                ),
                migrations.AlterField(
                    model_name="indikator",
                    name="penanggung_jawab",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="indikator",
                        through="iku.PenanggungJawab",
                        to="kecamatan.unitkerja",
                        verbose_name="penanggung jawab",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="penanggungjawab",
            name="urutan",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="urutan"),
        ),
        migrations.AlterModelOptions(
            name="penanggungjawab",
            options={
                "ordering": ["indikator", "urutan", "id"],
                "verbose_name": "penanggung jawab indikator",
                "verbose_name_plural": "penanggung jawab indikator",
            },
        ),
        migrations.RunPython(nomori_urutan, migrations.RunPython.noop),
        migrations.RunPython(salin_riwayat, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="HistoricalIndikator_penanggung_jawab",
        ),
        migrations.AddConstraint(
            model_name="penanggungjawab",
            constraint=models.UniqueConstraint(
                fields=("indikator", "unit_kerja"), name="penanggung_jawab_unik"
            ),
        ),
    ]
