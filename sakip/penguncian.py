"""Locked data: what is approved (ditetapkan) or verified cannot change, by any route.

The guard sits below every page, form, admin action and import, so no route can forget it:
a lockable model inherits ``Terjaga``, whose ``jaga()`` says whether a row may change. It is
asked by the row's own save() and delete(), by every delete that reaches the row through a
cascade (a pre_delete receiver: deleting a program must not take an approved sub kegiatan with
it) and by the bulk queries of its manager (``update``, ``bulk_update``), which never call
save(). Change happens through a new document instead (a PK Perubahan, a new version of the
LKIP).

A cascade is refused from inside Django's deletion transaction, so, like an IntegrityError,
it leaves an enclosing ``transaction.atomic()`` block unusable: code that catches it and goes
on querying wraps the delete in an atomic block of its own (the admin does).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.db.models.signals import class_prepared, pre_delete


class DataTerkunci(Exception):
    """A change to approved or verified data was refused; the message says why, in Indonesian."""


class TransisiDitolak(Exception):
    """A workflow step that the user's role or the document's state does not allow."""


class DataBasi(Exception):
    """A save based on data that someone else has changed since the form was opened."""


_dilepas: ContextVar[bool] = ContextVar("kunci_dilepas", default=False)


@contextmanager
def kunci_dilepas() -> Iterator[None]:
    """Within the block no lock is asked, on any route.

    Only for rows that never were real documents (the synthetic data that
    ``isi_data_sintetis --hapus`` removes) and for tests that put a document back to draft
    to set up a story; ``tests/test_penguncian_kaskade.py`` checks that nothing else uses it.
    """
    token = _dilepas.set(True)
    try:
        yield
    finally:
        _dilepas.reset(token)


def _jaga(objek: "Terjaga", *, hapus: bool = False) -> None:
    if not _dilepas.get():
        objek.jaga(hapus=hapus)


def _jaga_perubahan(objek: "Terjaga", nilai_baru: dict) -> None:
    """Ask the row as save() would, with the values an update() is about to write."""
    for nama, nilai in nilai_baru.items():
        if hasattr(nilai, "resolve_expression"):
            # F("x") + 1 is only known once the database computes it: judged as the strictest
            # change there is, the row going away.
            _jaga(objek, hapus=True)
            return
        field = objek._meta.get_field(nama)
        if isinstance(nilai, models.Model):
            nilai = nilai.pk
        setattr(objek, field.attname, field.to_python(nilai))
    _jaga(objek)


class TerjagaQuerySet(models.QuerySet):
    """The bulk queries of a lockable model, asking each affected row like save() does.

    ``delete()`` needs nothing here: Django's deletion collector sends pre_delete for every
    row (a receiver is connected, so it never fast-deletes), and ``_jaga_penghapusan`` refuses.
    ``bulk_create()`` is left alone: it only adds rows, it is what loaders use to write
    thousands of them, and one lock query per row would undo it (no application code uses it
    on these models).
    """

    def update(self, **kwargs):
        # One refused row refuses the whole update, before anything is written.
        if not _dilepas.get():
            for objek in self.all():
                _jaga_perubahan(objek, kwargs)
        return super().update(**kwargs)

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        for objek in objs:
            _jaga(objek)
        return super().bulk_update(objs, fields, batch_size=batch_size)

    bulk_update.alters_data = True


class Terjaga(models.Model):
    """Base of a model whose rows refuse changes once what they belong to is approved or
    verified: every route that writes or deletes a row asks ``jaga()``, which raises
    DataTerkunci.

    Each model says *why* in one method, ``alasan_terkunci()`` (None when the change is
    allowed). The guard, the services, the forms, the pages, the imports and the admin all
    ask it, so the reason a user reads is the reason the database refuses with.
    """

    objects = TerjagaQuerySet.as_manager()

    # Set by sakip.alur.jalankan_transisi while it saves a status change: (dari, aksi).
    transisi_berjalan: tuple[str, str] | None = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        _jaga(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # Asked before the collector runs, so a locked row gives its own reason even when
        # a PROTECT relation would also stop the delete.
        _jaga(self, hapus=True)
        return super().delete(*args, **kwargs)

    def jaga(self, *, hapus: bool = False) -> None:
        """The entry point of every guard (save, delete, and whatever else must refuse).

        A save is judged twice: the row as it will be (``alasan_terkunci``), and, when the
        save moves a stored row to another parent or period, the row as stored: leaving
        its place removes it from there, so the stored row is asked as a removal (a
        verified realisasi moved to an open period, a sub kegiatan to another year's
        kegiatan, a narrative to a year whose LKIP is open are changes of locked rows)."""
        alasan = self.alasan_terkunci(hapus=hapus)
        # A workflow step (``transisi_berjalan``) changes a status, never a row's place.
        if not alasan and not hapus and self.transisi_berjalan is None:
            alasan = self.alasan_pindah()
        if alasan:
            raise DataTerkunci(alasan)

    @classmethod
    def kolom_tempat(cls) -> tuple[str, ...]:
        """The fields that say where a row sits: its parents (every foreign key, except one
        to a user, which records who acted) and its key within them (the fields of its
        unique constraints), as attribute names."""
        nama = {
            f.name
            for f in cls._meta.concrete_fields
            if f.is_relation and f.related_model._meta.label != settings.AUTH_USER_MODEL
        }
        for batas in cls._meta.constraints:
            if isinstance(batas, models.UniqueConstraint):
                nama.update(batas.fields)
        for bersama in cls._meta.unique_together:
            nama.update(bersama)
        return tuple(sorted(cls._meta.get_field(n).attname for n in nama))

    def alasan_pindah(self) -> str | None:
        """Why the stored row may not leave its place (None if it stays, or may go): asked
        of the row as stored, as a removal, whatever the new place allows."""
        kolom = self.kolom_tempat()
        if self.pk is None or not kolom:
            return None
        tersimpan = (
            type(self)._base_manager.filter(pk=self.pk).order_by("pk").values(*kolom).first()
        )
        if tersimpan is None:
            return None
        medan = {f.attname: f for f in self._meta.concrete_fields}
        if all(tersimpan[k] == medan[k].to_python(getattr(self, k)) for k in kolom):
            return None
        return type(self)._base_manager.get(pk=self.pk).alasan_terkunci(hapus=True)

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        """Why this row cannot be saved (or, with ``hapus``, deleted) now; None if it can.
        Reads the stored state, not the object in memory."""
        raise NotImplementedError


def _jaga_penghapusan(sender, instance, origin=None, **kwargs) -> None:
    """pre_delete of a lockable row: refuse a cascade (or a queryset delete) that would take
    it. The collector sends pre_delete for every row before it deletes any, inside one
    transaction, so raising here leaves everything in place."""
    if origin is instance:  # the row's own delete(), which has asked already
        return
    try:
        _jaga(instance, hapus=True)
    except DataTerkunci as e:
        if isinstance(origin, models.QuerySet) and isinstance(instance, origin.model):
            raise  # deleted itself, not along with something else
        raise DataTerkunci(
            f"Tidak dapat dihapus karena ikut menghapus {instance._meta.verbose_name} "
            f"“{instance}”. {e}"
        ) from e


def _pasang_penjaga(sender, **kwargs) -> None:
    # Connected per model, not for every sender: a receiver for all models would stop Django
    # from fast-deleting rows that no lock concerns.
    if issubclass(sender, Terjaga) and not sender._meta.abstract:
        pre_delete.connect(_jaga_penghapusan, sender=sender)


class_prepared.connect(_pasang_penjaga)
