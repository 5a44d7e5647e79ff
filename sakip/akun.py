"""The login form (the accounts of every app): Django's, with its refusal worded once."""

from django.contrib.auth.forms import AuthenticationForm


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
