"""Rating scales as data: a scale has bands; a kabupaten chooses one per year and kind.

sakip.kinerja holds the defaults of DOMAIN.md as plain data; the migration copies them here
so an admin can define another scale (a four-band one, the regulation's "91" variant …)
without code. kecamatan.selectors.ke_kinerja() turns a row back into a kinerja.Skala.

The scale a year used is printed in that year's LKIP (kriteria, Tabel 3.1): once an LKIP of a
kecamatan of the kabupaten is approved for the year, the year's choice and the bands of the
scales it uses are locked (``alasan_terkunci``) until its camat opens a new version.
"""

from django.db import models

from kecamatan.penetapan import lkip_ditetapkan, pesan_terkunci
from sakip import kinerja
from sakip.penguncian import Terjaga
from sakip.tahun import TahunField


class JenisSkala(models.TextChoices):
    KRITERIA_CAPAIAN = "kriteria_capaian", "Kriteria capaian kinerja"
    IKM = "ikm", "Kategori IKM"
    IPP = "ipp", "Kategori IPP"
    PREDIKAT_SAKIP = "predikat_sakip", "Predikat SAKIP"


def alasan_skala_terpakai(skala_ids) -> str | None:
    """Why the scales ``skala_ids`` cannot change: a year that uses one of them has an approved
    LKIP, which printed its kriteria."""
    tahun_dipakai = (
        PemakaianSkala.objects.filter(skala_id__in=[i for i in skala_ids if i])
        .values_list("kabupaten_id", "tahun")
        .distinct()
    )
    for kabupaten_id, tahun in tahun_dipakai:
        alasan = alasan_tahun_skala(kabupaten_id, tahun)
        if alasan:
            return alasan
    return None


def alasan_tahun_skala(kabupaten_id: int | None, tahun: int | None) -> str | None:
    if not kabupaten_id or not tahun:
        return None
    return pesan_terkunci(
        lkip_ditetapkan(kabupaten_id=kabupaten_id, tahun=tahun),
        f"skala penilaian tahun {tahun}",
    )


class SkalaPenilaian(Terjaga):
    kode = models.SlugField("kode", max_length=80, unique=True)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=20, choices=JenisSkala.choices)
    presisi = models.PositiveSmallIntegerField(
        "desimal pembulatan",
        default=2,
        help_text="Nilai dibulatkan (half-up) ke sekian desimal sebelum dicari pitanya.",
    )
    sumber = models.CharField("sumber / dasar hukum", max_length=255, blank=True)

    class Meta:
        verbose_name = "skala penilaian"
        verbose_name_plural = "skala penilaian"
        ordering = ["jenis", "nama"]

    def __str__(self):
        return self.nama

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return alasan_skala_terpakai([self.pk])


class PitaSkala(Terjaga):
    """One band of a scale. Bands are ordered from the highest; the last has no lower bound."""

    skala = models.ForeignKey(
        SkalaPenilaian, on_delete=models.CASCADE, related_name="pita", verbose_name="skala"
    )
    urutan = models.PositiveSmallIntegerField("urutan", help_text="1 = pita tertinggi")
    kode = models.CharField("kode", max_length=10, help_text="mis. A, B-, ST")
    label = models.CharField("label", max_length=100, help_text="mis. Sangat Tinggi")
    warna = models.CharField("warna", max_length=7, help_text="Warna CSS, mis. #9fd8f5")
    batas_bawah = models.DecimalField(
        "batas bawah",
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Kosong hanya untuk pita terendah.",
    )
    inklusif = models.BooleanField(
        "batas bawah termasuk",
        default=True,
        help_text="Centang untuk ≥ batas bawah; kosongkan untuk > batas bawah.",
    )

    class Meta:
        verbose_name = "pita skala"
        verbose_name_plural = "pita skala"
        ordering = ["skala", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["skala", "urutan"], name="pita_urutan_unik"),
            models.UniqueConstraint(fields=["skala", "kode"], name="pita_kode_unik"),
            models.CheckConstraint(
                condition=models.Q(warna__regex=r"\A#[0-9a-fA-F]{6}\Z"), name="pita_warna_hex"
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.label}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        lama = PitaSkala.objects.filter(pk=self.pk).values_list("skala_id", flat=True).first()
        return alasan_skala_terpakai([self.skala_id, lama])


class PemakaianSkala(Terjaga):
    """The scale a kabupaten uses for one kind of rating in one year."""

    kabupaten = models.ForeignKey(
        "kecamatan.Kabupaten",
        on_delete=models.CASCADE,
        related_name="pemakaian_skala",
        verbose_name="kabupaten",
    )
    tahun = TahunField("tahun")
    jenis = models.CharField("jenis", max_length=20, choices=JenisSkala.choices)
    skala = models.ForeignKey(
        SkalaPenilaian, on_delete=models.PROTECT, related_name="pemakaian", verbose_name="skala"
    )

    class Meta:
        verbose_name = "pemakaian skala"
        verbose_name_plural = "pemakaian skala"
        ordering = ["kabupaten", "-tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["kabupaten", "tahun", "jenis"], name="pemakaian_skala_satu_per_jenis"
            ),
        ]

    def __str__(self):
        return f"{self.kabupaten} {self.tahun}: {self.skala}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        """The year's choice (new, changed, moved or removed) is locked while a year it
        concerns has an approved LKIP: choosing a scale where the default was used changes
        the print just as well."""
        lama = PemakaianSkala.objects.filter(pk=self.pk).values_list("kabupaten_id", "tahun")
        for kabupaten_id, tahun in [*lama, (self.kabupaten_id, self.tahun)]:
            alasan = alasan_tahun_skala(kabupaten_id, tahun)
            if alasan:
                return alasan
        return None

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.skala_id and self.skala.jenis != self.jenis:
            raise ValidationError(
                {
                    "skala": f"Skala ini untuk {self.skala.get_jenis_display()}, bukan "
                    f"{self.get_jenis_display()}."
                }
            )


# The DOMAIN.md default scale of each kind, and the regulation it comes from: used where a
# kabupaten chose none for a year (kecamatan.selectors.skala_tahun) and stored by
# kecamatan.services.pasang_skala_bawaan.
BAWAAN_PER_JENIS = {
    JenisSkala.KRITERIA_CAPAIAN: kinerja.SKALA_KRITERIA_CAPAIAN,
    JenisSkala.IKM: kinerja.SKALA_IKM,
    JenisSkala.IPP: kinerja.SKALA_IPP,
    JenisSkala.PREDIKAT_SAKIP: kinerja.SKALA_PREDIKAT_SAKIP,
}


SUMBER_BAWAAN = {
    JenisSkala.KRITERIA_CAPAIAN: "Permendagri 86 Tahun 2017",
    JenisSkala.IKM: "PermenPANRB 14 Tahun 2017",
    JenisSkala.IPP: "PermenPANRB 29 Tahun 2022",
    JenisSkala.PREDIKAT_SAKIP: "PermenPANRB 88 Tahun 2021",
}
