"""The accounts of every app: the login form (Django's, with its refusal worded once), the
temporary password the admin kabupaten hands out and the change it forces at first login."""

import secrets

from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.shortcuts import redirect
from django.urls import reverse


class MasukForm(AuthenticationForm):
    """Django's login form with its refusal said once: its Indonesian catalogue puts the
    field's name after "nama pengguna", which read "nama pengguna nama pengguna"."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Nama pengguna atau kata sandi salah. Periksa keduanya; huruf besar dan kecil "
            "dibedakan."
        ),
    }


# --- temporary passwords ----------------------------------------------------------------------

# No look-alike characters (0/O, 1/l/I): the admin reads a temporary password out or writes it
# down for the person, who types it once.
HURUF_SANDI = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PANJANG_SANDI = 12


def sandi_sementara() -> str:
    """A one-time password the admin kabupaten hands to a person (a new account, a reset):
    random from the operating system, shown once, to be changed at first login."""
    return "".join(secrets.choice(HURUF_SANDI) for _ in range(PANJANG_SANDI))


class GantiSandiForm(PasswordChangeForm):
    """Django's change-password form; a new password ends the temporary one
    (``wajib_ganti_sandi``), and the temporary one may not be chosen again."""

    def clean(self):
        data = super().clean()
        baru = data.get("new_password1")
        if baru and self.user.check_password(baru):
            self.add_error(
                "new_password1", "Kata sandi baru harus berbeda dari kata sandi yang sekarang."
            )
        return data

    def save(self, commit=True):
        self.user.wajib_ganti_sandi = False
        return super().save(commit)


class WajibGantiSandi:
    """A user holding a temporary password (``wajib_ganti_sandi``) reaches no page but the
    change-password page (and the logout) until they have chosen their own: every other
    request, the admin's included, is sent there."""

    TERBUKA = ("password_change", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "wajib_ganti_sandi", False):
            terbuka = {reverse(nama) for nama in self.TERBUKA}
            if request.path not in terbuka:
                return redirect("password_change")
        return self.get_response(request)
