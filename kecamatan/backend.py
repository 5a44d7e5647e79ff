"""Django's ModelBackend, loading the signed-in user with their kabupaten and kecamatan in the
same query: every page's header names both (and the header's kabupaten logo)."""

from django.contrib.auth.backends import ModelBackend

from .models import Pengguna


class PenggunaBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = Pengguna._default_manager.select_related("kabupaten", "kecamatan").get(
                pk=user_id
            )
        except Pengguna.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
