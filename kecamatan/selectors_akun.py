"""Reads of the accounts page: the accounts of the admin's own kabupaten, nothing of another
(``sakip.akses.di_kabupaten``, the same path the Django admin is scoped by)."""

from django.db.models import QuerySet

from sakip import akses

from .models import Kecamatan, Pengguna


def akun_kabupaten(
    *,
    oleh: Pengguna,
    kecamatan: Kecamatan | None = None,
    peran: str = "",
    aktif: bool | None = None,
) -> QuerySet[Pengguna]:
    """The accounts of ``oleh``'s kabupaten (its kecamatan users and its kabupaten users),
    by kecamatan, role and name; none for anyone but the admin kabupaten."""
    if not akses.adalah_admin_kabupaten(oleh):
        return Pengguna.objects.none()
    qs = akses.di_kabupaten(Pengguna.objects.all(), oleh.kabupaten_id).select_related("kecamatan")
    if kecamatan is not None:
        qs = qs.filter(kecamatan=kecamatan)
    if peran:
        qs = qs.filter(peran=peran)
    if aktif is not None:
        qs = qs.filter(is_active=aktif)
    return qs.order_by("kecamatan__nama", "peran", "username")


def kecamatan_kabupaten(*, oleh: Pengguna) -> QuerySet[Kecamatan]:
    """The kecamatan an account of ``oleh``'s kabupaten may be placed in."""
    if not akses.adalah_admin_kabupaten(oleh):
        return Kecamatan.objects.none()
    return Kecamatan.objects.filter(kabupaten_id=oleh.kabupaten_id).order_by("nama")
