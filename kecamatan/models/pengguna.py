"""Accounts: every user has one role; a kecamatan user belongs to exactly one kecamatan."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from sakip.akses import PERAN_KECAMATAN, Peran


class Pengguna(AbstractUser):
    peran = models.CharField(
        "peran", max_length=20, choices=Peran.choices, default=Peran.ADMIN_KABUPATEN
    )
    kabupaten = models.ForeignKey(
        "kecamatan.Kabupaten",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        verbose_name="kabupaten",
    )
    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        verbose_name="kecamatan",
        help_text="Wajib untuk operator dan camat; kosong untuk peran kabupaten.",
    )
    # Set when the admin kabupaten gives a temporary password (a new account, a reset): until
    # the user chooses their own, every page leads to the change-password page
    # (sakip.akun.WajibGantiSandi); choosing one clears it (sakip.akun.GantiSandiForm).
    wajib_ganti_sandi = models.BooleanField(
        "wajib ganti kata sandi",
        default=False,
        help_text="Kata sandi sementara: pengguna harus menggantinya saat masuk berikutnya.",
    )

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            # The scoping of every page rests on this: a kecamatan role without a kecamatan
            # (or a kabupaten role tied to one) would see the wrong data.
            models.CheckConstraint(
                condition=(
                    Q(peran__in=PERAN_KECAMATAN, kecamatan__isnull=False)
                    | (~Q(peran__in=PERAN_KECAMATAN) & Q(kecamatan__isnull=True))
                ),
                name="pengguna_kecamatan_sesuai_peran",
            ),
            models.CheckConstraint(
                condition=Q(peran__in=Peran.values), name="pengguna_peran_dikenal"
            ),
        ]

    @property
    def adalah_pengguna_kecamatan(self) -> bool:
        return self.peran in PERAN_KECAMATAN
