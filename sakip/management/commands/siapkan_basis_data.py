"""`manage.py siapkan_basis_data`: create the PostgreSQL database named in DATABASE_URL when
it does not exist yet (sakip.basis_data), then migrate it; what `make serve` runs first
(README "Deploying")."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sakip.basis_data import BasisDataGagal, pastikan_ada


class Command(BaseCommand):
    help = "Membuat basis data PostgreSQL dari DATABASE_URL bila belum ada, lalu memigrasinya."

    def handle(self, **options):
        if connection.vendor == "postgresql":
            try:
                dibuat = pastikan_ada(connection.settings_dict)
            except BasisDataGagal as galat:
                raise CommandError(str(galat)) from galat
            nama = connection.settings_dict["NAME"]
            if dibuat:
                self.stdout.write(f"Basis data {nama!r} belum ada dan sudah dibuat.")
            else:
                self.stdout.write(f"Basis data {nama!r} sudah ada.")
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
