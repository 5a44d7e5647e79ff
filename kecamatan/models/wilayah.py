"""The kabupaten, its kecamatan, their officials and organisational units."""

from django.db import models
from django.db.models import F, Q

from sakip import akses
from sakip.validators import nip_valid_or_blank, validate_nip


class Kabupaten(models.Model):
    nama = models.CharField("nama", max_length=100, unique=True, help_text="mis. Jember")
    slug = models.SlugField("slug", unique=True)
    kode = models.CharField("kode wilayah", max_length=5, unique=True, help_text="mis. 35.09")
    provinsi = models.CharField("provinsi", max_length=100, default="Jawa Timur")
    nama_bupati = models.CharField("nama bupati", max_length=150, blank=True)
    logo = models.ImageField("logo", upload_to="logo/kabupaten/", blank=True)

    class Meta:
        verbose_name = "kabupaten"
        verbose_name_plural = "kabupaten"
        ordering = ["nama"]

    def __str__(self):
        return f"Kabupaten {self.nama}"


class KecamatanQuerySet(models.QuerySet):
    def terlihat(self, pengguna) -> "KecamatanQuerySet":
        """The kecamatan ``pengguna`` may see (sakip.akses decides): their own, or every
        kecamatan of their kabupaten."""
        return akses.lingkup(self, pengguna)


class Kecamatan(models.Model):
    kabupaten = models.ForeignKey(
        Kabupaten, on_delete=models.PROTECT, related_name="kecamatan", verbose_name="kabupaten"
    )
    nama = models.CharField("nama", max_length=100, help_text="mis. Kencong")
    slug = models.SlugField("slug")
    kode = models.CharField(
        "kode wilayah", max_length=8, unique=True, help_text="Kode Kemendagri, mis. 35.09.02"
    )
    alamat = models.CharField("alamat kantor", max_length=255, blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True)
    telepon = models.CharField("telepon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    logo = models.ImageField(
        "logo / kop surat",
        upload_to="logo/kecamatan/",
        blank=True,
        help_text="Dipakai pada kop surat keputusan dan perjanjian kinerja.",
    )
    tempat_penandatanganan = models.CharField(
        "tempat penandatanganan",
        max_length=100,
        blank=True,
        help_text=(
            "Tempat yang diusulkan pada Perjanjian Kinerja, keputusan IKU dan LKIP baru, "
            "mis. Jember. Kosong: nama kabupaten (keputusan IKU: tempat lazim tata letaknya)."
        ),
    )

    objects = KecamatanQuerySet.as_manager()

    class Meta:
        verbose_name = "kecamatan"
        verbose_name_plural = "kecamatan"
        ordering = ["kabupaten", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "slug"], name="kecamatan_slug_unik"),
            models.UniqueConstraint(fields=["kabupaten", "nama"], name="kecamatan_nama_unik"),
        ]

    def __str__(self):
        return f"Kecamatan {self.nama}"


class UnitKerja(models.Model):
    """A seksi or sub bagian of a kecamatan; the penanggung jawab of indicators."""

    class Jenis(models.TextChoices):
        PIMPINAN = "pimpinan", "Pimpinan (Camat)"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        SUBBAG = "subbag", "Sub Bagian"
        SEKSI = "seksi", "Seksi"
        FUNGSIONAL = "fungsional", "Kelompok Jabatan Fungsional"

    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.CASCADE, related_name="unit_kerja", verbose_name="kecamatan"
    )
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bawahan",
        verbose_name="unit induk",
    )
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    nama = models.CharField("nama", max_length=150, help_text="mis. Seksi Pemerintahan")
    singkatan = models.CharField(
        "singkatan", max_length=50, blank=True, help_text="mis. Seksi PMKS, Sekcam"
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["kecamatan", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "nama"], name="unit_kerja_nama_unik"),
        ]

    def __str__(self):
        return self.singkatan or self.nama

    def alasan_tidak_dapat_dihapus(self) -> str | None:
        """Why this unit may not be deleted: an indicator names it as penanggung jawab, or
        another unit sits under it. (The indicators are reached through the reverse relation:
        this app sits below iku.)"""
        indikator = list(self.indikator.order_by("id").values_list("nama", flat=True)[:4])
        if indikator:
            contoh = "; ".join(indikator[:3]) + (" …" if len(indikator) > 3 else "")
            return (
                f"{self.nama} tidak dapat dihapus: menjadi penanggung jawab indikator "
                f"({contoh}). Ganti penanggung jawab indikator itu lebih dulu."
            )
        bawahan = list(self.bawahan.values_list("nama", flat=True)[:3])
        if bawahan:
            return (
                f"{self.nama} tidak dapat dihapus: menjadi induk {', '.join(bawahan)}. "
                "Ubah unit induk unit itu lebih dulu."
            )
        return None


class Pejabat(models.Model):
    """A person holding an office in a period: camat, sekretaris, bupati …

    Signed documents copy the name, jabatan and NIP at the time they are made (so a later
    correction here does not rewrite a signed PK); this table is where they are copied from.
    """

    kabupaten = models.ForeignKey(
        Kabupaten, on_delete=models.PROTECT, related_name="pejabat", verbose_name="kabupaten"
    )
    kecamatan = models.ForeignKey(
        Kecamatan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pejabat",
        verbose_name="kecamatan",
        help_text="Kosong untuk pejabat kabupaten (mis. bupati).",
    )
    nama = models.CharField("nama (dengan gelar)", max_length=150)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        validators=[validate_nip],
        help_text="18 angka, boleh diketik dengan spasi; kosong untuk pejabat politik.",
    )
    pangkat_golongan = models.CharField(
        "pangkat / golongan", max_length=100, blank=True, help_text="mis. Pembina / IV.a"
    )
    jabatan = models.CharField(
        "jabatan",
        max_length=150,
        help_text=(
            "mis. Camat Kencong, Plt. Camat Kencong, Bupati Jember: jabatan yang diawali "
            "Camat / Bupati (juga Plt., Plh., Pj.) diusulkan sebagai penanda tangan."
        ),
    )
    mulai = models.DateField("menjabat sejak", null=True, blank=True)
    selesai = models.DateField("menjabat sampai", null=True, blank=True)

    class Meta:
        verbose_name = "pejabat"
        verbose_name_plural = "pejabat"
        ordering = ["kabupaten", "kecamatan", "-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=nip_valid_or_blank("nip"), name="pejabat_nip_18_angka"
            ),
            models.CheckConstraint(
                condition=Q(selesai__isnull=True)
                | Q(mulai__isnull=True)
                | Q(selesai__gte=F("mulai")),
                name="pejabat_periode_urut",
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.jabatan})"
