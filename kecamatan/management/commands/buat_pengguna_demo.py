"""Demo accounts for every role, for `make run` only.

They exist only when someone runs this command on a development setup (DEBUG on): never
through a migration, and the command refuses to run with production settings.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kecamatan.models import Kabupaten, Kecamatan, Pengguna, Peran

KATA_SANDI_DEMO = "demo-sakip-2025"

# (username, nama, peran, kecamatan slug or None)
DEMO = [
    ("operator.kencong", "Operator Kencong", Peran.OPERATOR, "kencong"),
    ("camat.kencong", "Ronny Arvianto, S.E., M.M.", Peran.CAMAT, "kencong"),
    ("operator.patrang", "Operator Patrang", Peran.OPERATOR, "patrang"),
    ("bappeda", "Bappeda Jember", Peran.BAPPEDA, None),
    ("inspektorat", "Inspektorat Jember", Peran.INSPEKTORAT, None),
    ("admin", "Admin Kabupaten Jember", Peran.ADMIN_KABUPATEN, None),
]


class Command(BaseCommand):
    help = "Membuat akun demo untuk setiap peran (hanya untuk pengembangan, DEBUG=1)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Akun demo tidak boleh dibuat pada pengaturan produksi (DEBUG=0).")
        kabupaten = Kabupaten.objects.filter(slug="jember").first()
        if kabupaten is None:
            raise CommandError("Muat data Jember dahulu: python manage.py muat_data_jember")
        with transaction.atomic():
            for username, nama, peran, slug in DEMO:
                kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, slug=slug) if slug else None
                pengguna, dibuat = Pengguna.objects.get_or_create(
                    username=username,
                    defaults={
                        "first_name": nama,
                        "peran": peran,
                        "kabupaten": kabupaten,
                        "kecamatan": kecamatan,
                        "is_staff": peran == Peran.ADMIN_KABUPATEN,
                        "is_superuser": peran == Peran.ADMIN_KABUPATEN,
                    },
                )
                if dibuat:
                    pengguna.set_password(KATA_SANDI_DEMO)
                    pengguna.save(update_fields=["password"])
        self.stdout.write(f"Akun demo (kata sandi semuanya: {KATA_SANDI_DEMO}):")
        for username, _nama, peran, slug in DEMO:
            wilayah = f", Kecamatan {slug.title()}" if slug else ""
            self.stdout.write(f"  {username:<18} {peran.label}{wilayah}")
