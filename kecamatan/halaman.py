"""What every page shares: the izin it declares, checked once here (``IzinMixin``); and for a
page of a kecamatan, the kecamatan resolved through the scoping of sakip.akses (another
kecamatan's slug or object answers 404), the year, and what the user may do there."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kecamatan.models import Kecamatan
from sakip import akses
from sakip.tahun import TAHUN_MAKS, TAHUN_MIN, tahun_sah

# A row id fits a 64-bit integer (BigAutoField); anything larger is junk in a URL or a form.
ID_MAKS = 2**63 - 1


def id_sah(nilai) -> int:
    """A row id from a URL or a form field (a queue's ``id``): a positive whole number within
    what the column holds, else 404 — never a database error."""
    try:
        angka = int(str(nilai).strip())
    except ValueError:
        raise Http404("Nomor data tidak dikenal.") from None
    if not 1 <= angka <= ID_MAKS:
        raise Http404("Nomor data tidak dikenal.")
    return angka


def tahun_url(tahun: int) -> int:
    """A year from the URL: within sakip.tahun's range, else 404 naming it."""
    if not tahun_sah(tahun):
        raise Http404(f"Tahun {tahun} di luar rentang yang dikenal ({TAHUN_MIN}–{TAHUN_MAKS}).")
    return tahun


def tahun_diminta(request, bawaan) -> int:
    """The year asked for with ``?tahun=``: none or not a number → ``bawaan()``; a number out
    of range → 404."""
    teks = request.GET.get("tahun", "").strip()
    try:
        tahun = int(teks)
    except ValueError:
        return bawaan()
    return tahun_url(tahun)


def tahun_berjalan() -> int:
    return datetime.date.today().year


def tahun_kerja(kecamatan) -> int:
    """The year a kecamatan is working on: its latest Perjanjian Kinerja up to this year,
    else this year. (The PK is reached through the kecamatan's reverse relation: this layer
    sits below the perjanjian app and does not import it.)"""
    terakhir = (
        kecamatan.perjanjian.filter(tahun__lte=tahun_berjalan())
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return terakhir or tahun_berjalan()


class IzinMixin(LoginRequiredMixin):
    """Each view declares what it needs, and this is the one place that enforces it.

    ``izin`` is what a GET (HEAD, OPTIONS) needs, ``izin_kirim`` what a POST needs (None: the
    same as ``izin``); ``izin_aksi`` maps the POST's ``aksi`` field to another izin where one
    page does several things. A refusal is a 403 with ``akses.pesan_tolak``; ``tindakan``
    names the step in it where the izin's default wording is too vague. Anonymous users go to
    the login page. On a kecamatan's page, the kecamatan and the URL's objects are resolved
    first (``siapkan``), so another kecamatan's data stays a 404, never a 403.
    """

    izin: akses.Izin = akses.Izin.MELIHAT
    izin_kirim: akses.Izin | None = None
    izin_aksi: dict[str, akses.Izin] = {}
    tindakan: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.periksa_url(kwargs)
        self.siapkan(request, **kwargs)
        izin = self.izin_diminta(request)
        if not akses.boleh(request.user, izin, self.kecamatan_izin()):
            raise PermissionDenied(akses.pesan_tolak(izin, tindakan=self.tindakan))
        return super().dispatch(request, *args, **kwargs)

    def periksa_url(self, kwargs) -> None:
        """Junk in the URL answers 404 before anything is looked up: a year out of range, an
        id that no row can have (0, or larger than the column holds)."""
        for kunci, nilai in kwargs.items():
            if kunci == "tahun":
                tahun_url(nilai)
            elif isinstance(nilai, int):
                id_sah(nilai)

    def siapkan(self, request, **kwargs) -> None:
        """What the URL names, resolved before the izin is checked."""

    def izin_diminta(self, request) -> akses.Izin:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return self.izin
        kirim = self.izin_kirim or self.izin
        return self.izin_aksi.get(request.POST.get("aksi", ""), kirim)

    def kecamatan_izin(self):
        """The kecamatan the izin is asked in; None on a kabupaten-wide page."""
        return None


class KecamatanMixin(IzinMixin):
    """Resolves ``self.kecamatan`` from the URL's ``kecamatan`` slug, within what the user may
    see, and ``self.tahun`` from the URL or ``?tahun=``."""

    def siapkan(self, request, **kwargs) -> None:
        self.kecamatan = get_object_or_404(
            Kecamatan.objects.terlihat(request.user).select_related("kabupaten"),
            slug=kwargs["kecamatan"],
        )
        self.tahun = self._tahun(request, kwargs)

    def kecamatan_izin(self):
        return self.kecamatan

    def _tahun(self, request, kwargs) -> int:
        if "tahun" in kwargs:
            return tahun_url(int(kwargs["tahun"]))
        return tahun_diminta(request, lambda: tahun_kerja(self.kecamatan))

    # --- scoped lookups ---

    def lingkup(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` restricted to this page's kecamatan."""
        return akses.di_kecamatan(queryset, self.kecamatan)

    def objek(
        self,
        model_or_qs: type[Model] | QuerySet,
        *,
        relasi: Iterable[str] = (),
        prefetch: Iterable[str] = (),
        **kwargs,
    ):
        """The URL's object within this kecamatan (404 otherwise), with ``relasi`` joined and
        ``prefetch`` prefetched in the same lookup: resolving the page's object is the page
        base's job, so the views name what they need rather than build a queryset."""
        qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs.objects.all()
        if relasi:
            qs = qs.select_related(*relasi)
        if prefetch:
            qs = qs.prefetch_related(*prefetch)
        return get_object_or_404(self.lingkup(qs), **kwargs)

    # --- what the user may do here ---

    @property
    def bisa_mengisi(self) -> bool:
        return akses.boleh_mengisi(self.request.user, self.kecamatan)

    @property
    def bisa_menetapkan(self) -> bool:
        return akses.boleh_menetapkan(self.request.user, self.kecamatan)

    @property
    def bisa_memverifikasi(self) -> bool:
        return akses.boleh_memverifikasi(self.request.user, self.kecamatan)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            kecamatan=self.kecamatan,
            tahun=self.tahun,
            bisa_mengisi=self.bisa_mengisi,
            bisa_menetapkan=self.bisa_menetapkan,
            bisa_memverifikasi=self.bisa_memverifikasi,
        )
        return ctx
