"""Who may see and do what: the one place authorization is decided.

Every queryset a user can reach goes through ``lingkup`` (all kecamatan the user may see) or
``di_kecamatan`` (one kecamatan already resolved through ``kecamatan_terlihat``). A model that
is not in ``JALUR`` cannot be scoped and both functions refuse it, so a new model has to be
placed here before a view can show it. Objects of another kecamatan are simply not found: the
answer is 404, never "forbidden", so their existence is not leaked either.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Model, Q, QuerySet

if TYPE_CHECKING:  # types only: this module sits below every app and imports none
    from kecamatan.models import Kecamatan, Pengguna


class Peran(models.TextChoices):
    """The roles of the role table (README). Kept here, beside the predicates that read them,
    so the rule of who may do what depends on no app."""

    OPERATOR = "operator", "Operator Kecamatan"
    CAMAT = "camat", "Camat"
    BAPPEDA = "bappeda", "Bappeda"
    INSPEKTORAT = "inspektorat", "Inspektorat"
    ADMIN_KABUPATEN = "admin_kabupaten", "Admin Kabupaten"


PERAN_KECAMATAN = (Peran.OPERATOR, Peran.CAMAT)

# How each model reaches its kecamatan (several paths are alternatives: an Indikator belongs
# to a tujuan or to a sasaran); "" is the kecamatan itself.
JALUR: dict[str, tuple[str, ...]] = {
    "kecamatan.Kecamatan": ("",),
    "kecamatan.ProfilTahunan": ("kecamatan",),
    "kecamatan.UnitKerja": ("kecamatan",),
    "iku.Renstra": ("kecamatan",),
    "iku.Tujuan": ("renstra__kecamatan",),
    "iku.Sasaran": ("tujuan__renstra__kecamatan",),
    "iku.Indikator": ("tujuan__renstra__kecamatan", "sasaran__tujuan__renstra__kecamatan"),
    "iku.TargetIndikator": (
        "indikator__tujuan__renstra__kecamatan",
        "indikator__sasaran__tujuan__renstra__kecamatan",
    ),
    "iku.KeputusanIKU": ("kecamatan",),
    "perjanjian.PerjanjianKinerja": ("kecamatan",),
    "perjanjian.TargetPerjanjian": ("perjanjian__kecamatan",),
    "perjanjian.Program": ("kecamatan",),
    "perjanjian.Kegiatan": ("program__kecamatan",),
    "perjanjian.SubKegiatan": ("kegiatan__program__kecamatan",),
    "perjanjian.IndikatorProgram": ("perjanjian__kecamatan",),
    "perjanjian.Realisasi": ("kecamatan",),
    "perjanjian.PelaporanRealisasi": ("kecamatan",),
    "perjanjian.NarasiSasaran": ("sasaran__tujuan__renstra__kecamatan",),
    "perjanjian.SurveiKepuasan": ("kecamatan",),
    "laporan.LaporanKinerja": ("kecamatan",),
    "laporan.DokumenPDF": ("kecamatan",),
    "laporan.EvaluasiAKIP": ("kecamatan",),
    "laporan.SkorAKIP": ("evaluasi__kecamatan",),
    "laporan.RekomendasiLHE": ("evaluasi__kecamatan",),
}

PERAN_KABUPATEN = (Peran.BAPPEDA, Peran.INSPEKTORAT, Peran.ADMIN_KABUPATEN)


class TidakTerlingkup(Exception):
    """A model without a path to its kecamatan was asked to be scoped."""


def _jalur(model: type[Model]) -> tuple[str, ...]:
    try:
        return JALUR[model._meta.label]
    except KeyError as e:
        raise TidakTerlingkup(
            f"{model._meta.label} belum punya jalur ke kecamatan di sakip.akses.JALUR"
        ) from e


def _kondisi(model: type[Model], lookup: str, nilai) -> Q:
    kondisi = Q()
    for jalur in _jalur(model):
        kondisi |= Q(**{f"{jalur}__{lookup}" if jalur else lookup: nilai})
    return kondisi


def lingkup(queryset: QuerySet, user: "Pengguna") -> QuerySet:
    """``queryset`` restricted to what ``user`` may see: their own kecamatan, or every
    kecamatan of their kabupaten; nothing for an inactive or unplaced user."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.peran in PERAN_KECAMATAN:
        return queryset.filter(_kondisi(queryset.model, "id", user.kecamatan_id)).distinct()
    if user.peran in PERAN_KABUPATEN and user.kabupaten_id:
        kondisi = _kondisi(queryset.model, "kabupaten_id", user.kabupaten_id)
        return queryset.filter(kondisi).distinct()
    return queryset.none()


def di_kecamatan(queryset: QuerySet, kecamatan: "Kecamatan") -> QuerySet:
    """``queryset`` restricted to one kecamatan (already checked visible to the user)."""
    return queryset.filter(_kondisi(queryset.model, "id", kecamatan.id))


# --- what a user may do ---------------------------------------------------------------------


def adalah_kabupaten(user: "Pengguna") -> bool:
    return user.is_authenticated and user.peran in PERAN_KABUPATEN


def boleh_mengisi(user: "Pengguna", kecamatan: "Kecamatan") -> bool:
    """Enter and change the kecamatan's own data: its operator and its camat."""
    return (
        user.is_authenticated
        and user.peran in PERAN_KECAMATAN
        and user.kecamatan_id == kecamatan.id
    )


def boleh_menetapkan(user: "Pengguna", kecamatan: "Kecamatan") -> bool:
    """Approve (menetapkan) the PK, the IKU decree and the LKIP: the camat of that kecamatan."""
    return user.is_authenticated and user.peran == Peran.CAMAT and user.kecamatan_id == kecamatan.id


def boleh_memverifikasi(user: "Pengguna", kecamatan: "Kecamatan") -> bool:
    """Verify or return realisasi: Bappeda of the kecamatan's kabupaten."""
    return (
        user.is_authenticated
        and user.peran == Peran.BAPPEDA
        and user.kabupaten_id == kecamatan.kabupaten_id
    )


def boleh_mengevaluasi(user: "Pengguna", kecamatan: "Kecamatan") -> bool:
    """Record the LHE AKIP and review (reviu) the LKIP: the Inspektorat of the kabupaten."""
    return (
        user.is_authenticated
        and user.peran == Peran.INSPEKTORAT
        and user.kabupaten_id == kecamatan.kabupaten_id
    )


def adalah_bappeda(user: "Pengguna") -> bool:
    return user.is_authenticated and user.peran == Peran.BAPPEDA and bool(user.kabupaten_id)


def adalah_inspektorat(user: "Pengguna") -> bool:
    return user.is_authenticated and user.peran == Peran.INSPEKTORAT and bool(user.kabupaten_id)
