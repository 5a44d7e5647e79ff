"""Locked data: what is approved (ditetapkan) or verified cannot change, by any route.

The guard sits in the models' save() and delete(), below every page, form, admin action and
import, so no route can forget it. Change happens through a new document instead (a PK
Perubahan, a new version of the LKIP).
"""

from django.db import models


class DataTerkunci(Exception):
    """A change to approved or verified data was refused; the message says why, in Indonesian."""


class TransisiDitolak(Exception):
    """A workflow step that the user's role or the document's state does not allow."""


class DataBasi(Exception):
    """A save based on data that someone else has changed since the form was opened."""


class Terjaga(models.Model):
    """Base of a model whose rows refuse changes once what they belong to is approved or
    verified: ``save()`` and ``delete()`` always ask ``jaga()``, which raises DataTerkunci.

    Each model says *why* in one method, ``alasan_terkunci()`` (None when the change is
    allowed). The guard, the services, the forms, the pages, the imports and the admin all
    ask it, so the reason a user reads is the reason the database refuses with.
    """

    # Set by sakip.alur.jalankan_transisi while it saves a status change: (dari, aksi).
    transisi_berjalan: tuple[str, str] | None = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.jaga()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.jaga(hapus=True)
        return super().delete(*args, **kwargs)

    def jaga(self, *, hapus: bool = False) -> None:
        """The entry point of every guard (save, delete, and whatever else must refuse)."""
        alasan = self.alasan_terkunci(hapus=hapus)
        if alasan:
            raise DataTerkunci(alasan)

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        """Why this row cannot be saved (or, with ``hapus``, deleted) now; None if it can.
        Reads the stored state, not the object in memory."""
        raise NotImplementedError
