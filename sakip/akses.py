"""Who may see and do what: the one place authorization is decided.

What a user may *do* is one ``Izin`` (permission) per request: a page declares the izin it
needs (``kecamatan.halaman.IzinMixin``), ``boleh()`` maps it to the predicates below, and the
services call ``wajib()`` with the same izin, so a page and its service cannot disagree about
who may act. A refusal says one sentence per izin (``pesan_tolak``).

Every queryset a user can reach goes through ``lingkup`` (all kecamatan the user may see) or
``di_kecamatan`` (one kecamatan already resolved through ``Kecamatan.objects.terlihat``). A
model that is not in ``JALUR`` cannot be scoped and both functions refuse it, so a new model has
to be placed here before a view can show it. Objects of another kecamatan are simply not found: the
answer is 404, never "forbidden", so their existence is not leaked either.
"""

import enum
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Model, Q, QuerySet

from sakip.penguncian import TransisiDitolak

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
    "iku.PenanggungJawab": (
        "indikator__tujuan__renstra__kecamatan",
        "indikator__sasaran__tujuan__renstra__kecamatan",
    ),
    "iku.KeputusanIKU": ("kecamatan",),
    "iku.Diktum": ("keputusan__kecamatan",),
    "iku.IndikatorKeputusan": ("keputusan__kecamatan",),
    "kecamatan.KomposisiSDM": ("profil__kecamatan",),
    "kecamatan.SaranaPrasarana": ("profil__kecamatan",),
    "kecamatan.IsuStrategis": ("profil__kecamatan",),
    "perjanjian.RealisasiAnggaran": ("sub_kegiatan__kegiatan__program__kecamatan",),
    "laporan.TindakLanjutLHE": ("laporan__kecamatan",),
    "laporan.VersiLKIP": ("laporan__kecamatan",),
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

# Models above the kecamatan: how each reaches its kabupaten ("" is the kabupaten itself).
JALUR_KABUPATEN: dict[str, tuple[str, ...]] = {
    "kecamatan.Kabupaten": ("",),
    "kecamatan.Pengguna": ("kabupaten", "kecamatan__kabupaten"),
    "kecamatan.Pejabat": ("kabupaten",),
    "kecamatan.PemakaianSkala": ("kabupaten",),
    "iku.Ukuran": ("kabupaten",),
    "laporan.TargetPembanding": ("ukuran__kabupaten",),
}

# Shared by every kabupaten, belonging to none: the catalogue of rating scales (a kabupaten
# chooses one per year through its PemakaianSkala; their locks ask every kabupaten using them).
BERSAMA = frozenset({"kecamatan.SkalaPenilaian", "kecamatan.PitaSkala"})

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
    jalur = _jalur(model)
    if len(jalur) == 1:
        return Q(**{f"{jalur[0]}__{lookup}" if jalur[0] else lookup: nilai})
    # Several paths (an indicator hangs under a tujuan or under a sasaran): one subquery per
    # path, each following its indexes down from the kecamatan, united, and matched on the
    # paths' common first step (a target's indicator). One OR across the outer joins of
    # every path read all rows of the tables on the way instead: 0.5 s for a kabupaten's
    # indicator targets at national size (issue 12).
    bagian = [j.split("__") for j in jalur]
    sama = []
    for langkah in zip(*bagian, strict=False):
        if len(set(langkah)) > 1:
            break
        sama.append(langkah[0])
    tujuan = model
    for langkah in sama:
        tujuan = tujuan._meta.get_field(langkah).related_model
    per_jalur = [
        tujuan._base_manager.filter(**{"__".join([*b[len(sama) :], lookup]): nilai})
        .order_by()
        .values("pk")
        for b in bagian
    ]
    kunci = "__".join([*sama, "in"]) if sama else "pk__in"
    return Q(**{kunci: per_jalur[0].union(*per_jalur[1:])})


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


def dapat_dilingkupi(model: type[Model]) -> bool:
    """Whether ``model`` belongs to a kecamatan or a kabupaten (or is shared by all)."""
    label = model._meta.label
    return label in JALUR or label in JALUR_KABUPATEN or label in BERSAMA


def di_kabupaten(queryset: QuerySet, kabupaten_id: int) -> QuerySet:
    """``queryset`` restricted to the rows of one kabupaten: through the path to the kecamatan
    (``JALUR``) or to the kabupaten (``JALUR_KABUPATEN``); a shared model (``BERSAMA``) as it
    is. No ``distinct()``: every path follows foreign keys forward, so no row doubles, and the
    result can still be deleted or updated."""
    model = queryset.model
    label = model._meta.label
    if label in BERSAMA:
        return queryset
    if label in JALUR_KABUPATEN:
        kondisi = Q()
        for jalur in JALUR_KABUPATEN[label]:
            kondisi |= Q(**{f"{jalur}__id" if jalur else "id": kabupaten_id})
        return queryset.filter(kondisi)
    return queryset.filter(_kondisi(model, "kabupaten_id", kabupaten_id))


def lingkup_admin(queryset: QuerySet, user: "Pengguna") -> QuerySet:
    """What the Django admin shows ``user``: a user placed in a kecamatan only its rows, a
    user placed in a kabupaten (the admin kabupaten, superuser or not) only that kabupaten's
    rows, a superuser placed nowhere (who installs and runs the application) everything,
    anyone else nothing."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.peran in PERAN_KECAMATAN and user.kecamatan_id:
        if queryset.model._meta.label in JALUR:
            return di_kecamatan(queryset, user.kecamatan)
        return di_kabupaten(queryset, user.kecamatan.kabupaten_id)
    if user.kabupaten_id:
        return di_kabupaten(queryset, user.kabupaten_id)
    if user.is_superuser:
        return queryset
    return queryset.none()


def admin_terlingkup(user: "Pengguna") -> bool:
    """Whether the admin limits ``user`` to a kabupaten or kecamatan (see ``lingkup_admin``)."""
    if not user.is_authenticated:
        return True
    return bool(user.kabupaten_id or user.kecamatan_id) or not user.is_superuser


# --- what a user may do ---------------------------------------------------------------------


def adalah_kabupaten(user: "Pengguna") -> bool:
    return user.is_authenticated and user.peran in PERAN_KABUPATEN


def boleh_melihat(user: "Pengguna", kecamatan: "Kecamatan") -> bool:
    """See the kecamatan's pages: the same rule as ``lingkup`` for one kecamatan (pages find
    it through ``Kecamatan.objects.terlihat``, so a refusal there is a 404, not a 403)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.peran in PERAN_KECAMATAN:
        return user.kecamatan_id == kecamatan.id
    return user.peran in PERAN_KABUPATEN and user.kabupaten_id == kecamatan.kabupaten_id


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


def adalah_admin_kabupaten(user: "Pengguna") -> bool:
    return user.is_authenticated and user.peran == Peran.ADMIN_KABUPATEN and bool(user.kabupaten_id)


# --- permission declared by pages and re-checked by services --------------------------------


class Izin(enum.Enum):
    """What a request needs (the columns of the README's role table)."""

    MELIHAT = "melihat"  # read: a kecamatan's pages, or the kabupaten-wide pages
    MENGISI = "mengisi"  # enter and change a kecamatan's data, submit it
    MENETAPKAN = "menetapkan"  # approve the PK, the IKU decree, the LKIP
    MEMVERIFIKASI = "memverifikasi"  # verify or return realisasi, return a PK
    MENGEVALUASI = "mengevaluasi"  # record the LHE AKIP, review the LKIP
    MENGELOLA = "mengelola"  # reference data of the kabupaten


_PER_KECAMATAN = {
    Izin.MELIHAT: boleh_melihat,
    Izin.MENGISI: boleh_mengisi,
    Izin.MENETAPKAN: boleh_menetapkan,
    Izin.MEMVERIFIKASI: boleh_memverifikasi,
    Izin.MENGEVALUASI: boleh_mengevaluasi,
    Izin.MENGELOLA: lambda user, kecamatan: (
        adalah_admin_kabupaten(user) and user.kabupaten_id == kecamatan.kabupaten_id
    ),
}

# Kabupaten-wide pages (no kecamatan): nothing of a kecamatan is entered or approved there.
_KABUPATEN = {
    Izin.MELIHAT: lambda user: adalah_kabupaten(user) and bool(user.kabupaten_id),
    Izin.MENGISI: lambda user: False,
    Izin.MENETAPKAN: lambda user: False,
    Izin.MEMVERIFIKASI: adalah_bappeda,
    Izin.MENGEVALUASI: adalah_inspektorat,
    Izin.MENGELOLA: adalah_admin_kabupaten,
}


def boleh(user: "Pengguna", izin: Izin, kecamatan: "Kecamatan | None" = None) -> bool:
    """May ``user`` do what ``izin`` names, in ``kecamatan`` (None: kabupaten-wide)? No user
    (``oleh=None``) may do anything: a write always names who makes it."""
    if user is None:
        return False
    if kecamatan is None:
        return _KABUPATEN[izin](user)
    return _PER_KECAMATAN[izin](user, kecamatan)


# The one refusal sentence of each izin. A refusal to read happens only on the kabupaten-wide
# pages: on a kecamatan's pages, what the user may not see is simply not found (404).
PESAN_TOLAK = {
    Izin.MELIHAT: "Halaman ini untuk Bappeda, Inspektorat dan admin kabupaten.",
    Izin.MENGISI: "Hanya operator atau camat {kecamatan} yang dapat {tindakan}.",
    Izin.MENETAPKAN: "Hanya camat {kecamatan} yang dapat {tindakan}.",
    Izin.MEMVERIFIKASI: "Hanya Bappeda kabupaten yang dapat {tindakan}.",
    Izin.MENGEVALUASI: "Hanya Inspektorat kabupaten yang dapat {tindakan}.",
    Izin.MENGELOLA: "Hanya admin kabupaten yang dapat {tindakan}.",
}
TINDAKAN_BAWAAN = {
    Izin.MELIHAT: "membuka halaman ini",
    Izin.MENGISI: "mengubah data ini",
    Izin.MENETAPKAN: "menetapkan dokumen ini",
    Izin.MEMVERIFIKASI: "memverifikasi",
    Izin.MENGEVALUASI: "mengisi evaluasi AKIP",
    Izin.MENGELOLA: "mengelola data induk",
}


def pesan_tolak(
    izin: Izin, *, tindakan: str | None = None, kecamatan: "Kecamatan | None" = None
) -> str:
    """The refusal sentence of ``izin``. ``tindakan`` names the step where the izin's default
    is too vague ("menetapkan LKIP"); ``kecamatan`` is named by the services, whose message
    may be read away from the kecamatan's own page (the verification queue); on the
    kecamatan's pages it is "kecamatan ini"."""
    return PESAN_TOLAK[izin].format(
        kecamatan=kecamatan.nama if kecamatan else "kecamatan ini",
        tindakan=tindakan or TINDAKAN_BAWAAN[izin],
    )


def wajib(
    user: "Pengguna",
    izin: Izin,
    kecamatan: "Kecamatan | None" = None,
    *,
    tindakan: str | None = None,
) -> None:
    """A service's own check of the izin its page declared: raises ``TransisiDitolak`` with
    the same sentence, so a script, an import or a future page cannot skip it."""
    if not boleh(user, izin, kecamatan):
        raise TransisiDitolak(pesan_tolak(izin, tindakan=tindakan, kecamatan=kecamatan))
