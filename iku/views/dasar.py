"""What the pages of this app share: the kecamatan and every object id of the URL resolved
through the scoped lookup before the method is looked at, so another kecamatan's id answers
404 to a GET and to a POST alike; refused steps shown as messages."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.views.generic import TemplateView

from kecamatan.halaman import KecamatanMixin
from sakip.akses import Izin


class _ObjekUrl(KecamatanMixin):
    """Resolves ``self.obj`` (kwarg ``pk``, model ``model``, with ``relasi_objek`` joined
    and ``prefetch_objek`` prefetched) and each kwarg of ``model_kwargs`` within the page's
    kecamatan (before the izin is checked: 404 first)."""

    model = None
    model_kwargs: dict = {}
    relasi_objek: tuple[str, ...] = ()
    prefetch_objek: tuple[str, ...] = ()

    def siapkan(self, request, **kwargs) -> None:
        super().siapkan(request, **kwargs)
        if self.model is not None and "pk" in kwargs:
            self.obj = self.objek(
                self.model,
                relasi=self.relasi_objek,
                prefetch=self.prefetch_objek,
                pk=kwargs["pk"],
            )
        for nama, model in self.model_kwargs.items():
            setattr(self, nama, self.objek(model, pk=kwargs[nama]))


class HalamanIku(_ObjekUrl, TemplateView):
    def tolak(self, e: Exception) -> None:
        """A refused step (locked, stale, not allowed): its message, nothing saved."""
        messages.error(self.request, str(e))


class AksiPost(HalamanIku):
    """A button that only POSTs (delete, tetapkan): a GET goes back to ``kembali()``."""

    http_method_names = ["get", "post"]
    izin_kirim = Izin.MENGISI

    def kembali(self) -> str:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        return HttpResponseRedirect(self.kembali())
