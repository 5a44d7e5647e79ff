"""What an htmx request gets when its session has ended.

A view that needs a login answers an expired session with a redirect to the login page. A
browser follows it for an htmx request too, and htmx would put the whole login page into the
small part of the page it was updating (a capaian cell while typing, the history box, a
document's status). Such a request is answered 401 with a message instead; the page stays as
it is, with what the user typed, and static/js/htmx-galat.js shows the message with a link
to log in again in another tab.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import resolve_url

PESAN_SESI_BERAKHIR = (
    "Sesi Anda telah berakhir. Isian di halaman ini belum hilang: masuk kembali di tab baru, "
    "lalu lanjutkan di sini."
)


def sesi_berakhir(get_response):
    """Middleware: an htmx request redirected to the login page is answered 401 with
    ``PESAN_SESI_BERAKHIR`` (the header ``X-Masuk`` says where to log in)."""

    def middleware(request):
        response = get_response(request)
        if (
            request.headers.get("HX-Request")
            and response.status_code in (301, 302)
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            jawaban = HttpResponse(
                PESAN_SESI_BERAKHIR, status=401, content_type="text/plain; charset=utf-8"
            )
            jawaban["X-Masuk"] = resolve_url(settings.LOGIN_URL)
            return jawaban
        return response

    return middleware
