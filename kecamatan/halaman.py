"""What every page of a kecamatan shares: the kecamatan resolved through the scoping of
sakip.akses (another kecamatan's slug or object answers 404), the year, and what the user may
do there."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from kecamatan.models import Kecamatan
from sakip import akses


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


class KecamatanMixin(LoginRequiredMixin):
    """Resolves ``self.kecamatan`` from the URL's ``kecamatan`` slug, within what the user may
    see, and ``self.tahun`` from the URL or ``?tahun=``."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.kecamatan = get_object_or_404(
            Kecamatan.objects.terlihat(request.user).select_related("kabupaten"),
            slug=kwargs["kecamatan"],
        )
        self.tahun = self._tahun(request, kwargs)
        return super().dispatch(request, *args, **kwargs)

    def _tahun(self, request, kwargs) -> int:
        if "tahun" in kwargs:
            return int(kwargs["tahun"])
        try:
            return int(request.GET.get("tahun", ""))
        except ValueError:
            return tahun_kerja(self.kecamatan)

    # --- scoped lookups ---

    def lingkup(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` restricted to this page's kecamatan."""
        return akses.di_kecamatan(queryset, self.kecamatan)

    def objek(self, model_or_qs: type[Model] | QuerySet, **kwargs):
        qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs.objects.all()
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

    def wajib_mengisi(self) -> None:
        if not self.bisa_mengisi:
            raise PermissionDenied(
                "Hanya operator atau camat kecamatan ini yang dapat mengubah data ini."
            )

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
