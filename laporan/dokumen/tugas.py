"""The background task that renders a queued document (django-tasks)."""

from django_tasks import task

from .layanan import cetak


@task()
def cetak_dokumen(dokumen_id: int) -> None:
    cetak(dokumen_id)
