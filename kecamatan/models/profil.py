"""The yearly profile of a kecamatan: tasks, staff (Tabel 1.1), assets (Tabel 1.2), issues.

The LKIP of a year prints the latest profile up to that year (``profil_terakhir``): once that
LKIP is approved, the profile it printed and its rows are locked, and so is a new profile that
would take its place in that year's print."""

from django.db import models
from django.db.models import F, Q

from kecamatan.penetapan import lkip_ditetapkan, pesan_terkunci
from sakip.penguncian import Terjaga
from sakip.tahun import TahunField


def alasan_profil(
    kecamatan_id: int | None, tahun: int | None, *, kecuali: int | None
) -> str | None:
    """Why the profile of ``tahun`` (the stored one ``kecuali``, or a new one) cannot change:
    an approved LKIP of a year from ``tahun`` on prints it, no later profile coming between."""
    if not kecamatan_id or not tahun:
        return None
    ditetapkan = lkip_ditetapkan(kecamatan_id=kecamatan_id, dari_tahun=tahun)
    if not ditetapkan:
        return None
    lain = set(
        ProfilTahunan.objects.filter(kecamatan_id=kecamatan_id, tahun__gt=tahun)
        .exclude(pk=kecuali)
        .values_list("tahun", flat=True)
    )
    mencetak = [(n, t) for n, t in ditetapkan if not any(tahun < p <= t for p in lain)]
    return pesan_terkunci(mencetak, f"profil kecamatan tahun {tahun}")


class BarisProfil(Terjaga):
    """A row of a profile (Tabel 1.1, 1.2, isu strategis): locked with its profile."""

    class Meta:
        abstract = True

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        profil = ProfilTahunan.objects.filter(pk=self.profil_id).values("kecamatan_id", "tahun")
        profil = profil.first()
        if profil is None:
            return None
        return alasan_profil(profil["kecamatan_id"], profil["tahun"], kecuali=self.profil_id)


class ProfilTahunan(Terjaga):
    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.CASCADE,
        related_name="profil",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun")
    dasar_hukum = models.TextField(
        "dasar hukum tugas dan fungsi",
        blank=True,
        help_text="mis. Peraturan Bupati Jember Nomor 29 Tahun 2021 tentang …",
    )
    kedudukan = models.TextField("kedudukan", blank=True, help_text="Satu butir per baris.")
    tugas = models.TextField("tugas", blank=True, help_text="Satu butir per baris.")
    fungsi = models.TextField("fungsi", blank=True, help_text="Satu butir per baris.")
    susunan_organisasi = models.TextField(
        "susunan organisasi", blank=True, help_text="Satu butir per baris."
    )
    uraian_sdm = models.TextField("uraian sumber daya manusia", blank=True)
    sumber_data_sdm = models.CharField("sumber data SDM", max_length=255, blank=True)
    uraian_sarana_prasarana = models.TextField("uraian sarana dan prasarana", blank=True)
    sumber_data_sarana_prasarana = models.CharField(
        "sumber data sarana prasarana", max_length=255, blank=True
    )
    uraian_isu_strategis = models.TextField("pengantar isu strategis", blank=True)

    class Meta:
        verbose_name = "profil tahunan"
        verbose_name_plural = "profil tahunan"
        ordering = ["kecamatan", "-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="profil_satu_per_tahun"),
        ]

    def __str__(self):
        return f"Profil {self.kecamatan.nama} {self.tahun}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        lama = ProfilTahunan.objects.filter(pk=self.pk).values_list("kecamatan_id", "tahun")
        for kecamatan_id, tahun in [*lama, (self.kecamatan_id, self.tahun)]:
            alasan = alasan_profil(kecamatan_id, tahun, kecuali=self.pk)
            if alasan:
                return alasan
        return None


PENDIDIKAN = ("sd", "sma", "d3", "s1", "s2")


class KomposisiSDM(BarisProfil):
    """One row of Tabel 1.1: staff needed (kebutuhan) and filled (bezetting) by education."""

    profil = models.ForeignKey(
        ProfilTahunan,
        on_delete=models.CASCADE,
        related_name="komposisi_sdm",
        verbose_name="profil",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    jabatan = models.CharField("jabatan", max_length=150, help_text="mis. 1. Administrator")
    kebutuhan_sd = models.PositiveSmallIntegerField("kebutuhan SD", default=0)
    kebutuhan_sma = models.PositiveSmallIntegerField("kebutuhan SMA", default=0)
    kebutuhan_d3 = models.PositiveSmallIntegerField("kebutuhan D3", default=0)
    kebutuhan_s1 = models.PositiveSmallIntegerField("kebutuhan S1", default=0)
    kebutuhan_s2 = models.PositiveSmallIntegerField("kebutuhan S2", default=0)
    bezetting_sd = models.PositiveSmallIntegerField("bezetting SD", default=0)
    bezetting_sma = models.PositiveSmallIntegerField("bezetting SMA", default=0)
    bezetting_d3 = models.PositiveSmallIntegerField("bezetting D3", default=0)
    bezetting_s1 = models.PositiveSmallIntegerField("bezetting S1", default=0)
    bezetting_s2 = models.PositiveSmallIntegerField("bezetting S2", default=0)
    laki_laki = models.PositiveSmallIntegerField("laki-laki", default=0)
    perempuan = models.PositiveSmallIntegerField("perempuan", default=0)

    class Meta:
        verbose_name = "komposisi SDM"
        verbose_name_plural = "komposisi SDM"
        ordering = ["profil", "urutan"]
        constraints = [
            # The staff counted by sex are the staff counted by education.
            models.CheckConstraint(
                condition=Q(
                    laki_laki=F("bezetting_sd")
                    + F("bezetting_sma")
                    + F("bezetting_d3")
                    + F("bezetting_s1")
                    + F("bezetting_s2")
                    - F("perempuan")
                ),
                name="komposisi_sdm_jenis_kelamin_sama_bezetting",
            ),
        ]

    def __str__(self):
        return self.jabatan

    @property
    def kebutuhan_jumlah(self) -> int:
        return sum(getattr(self, f"kebutuhan_{p}") for p in PENDIDIKAN)

    @property
    def bezetting_jumlah(self) -> int:
        return sum(getattr(self, f"bezetting_{p}") for p in PENDIDIKAN)


class SaranaPrasarana(BarisProfil):
    """One row of Tabel 1.2, grouped by the asset classes of the Kartu Inventaris Barang."""

    class Kelompok(models.TextChoices):
        TANAH = "tanah", "Tanah"
        PERALATAN_MESIN = "peralatan_mesin", "Peralatan dan Mesin"
        GEDUNG_BANGUNAN = "gedung_bangunan", "Gedung dan Bangunan"
        JALAN_JARINGAN_IRIGASI = "jalan_jaringan_irigasi", "Jalan, Jaringan dan Irigasi"
        ASET_TETAP_LAINNYA = "aset_tetap_lainnya", "Aset Tetap Lainnya"
        KONSTRUKSI = "konstruksi", "Konstruksi dalam Pengerjaan"

    profil = models.ForeignKey(
        ProfilTahunan,
        on_delete=models.CASCADE,
        related_name="sarana_prasarana",
        verbose_name="profil",
    )
    kelompok = models.CharField("kelompok", max_length=30, choices=Kelompok.choices)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    nama = models.CharField("sarana / prasarana", max_length=255)
    jumlah = models.PositiveIntegerField("jumlah")
    kondisi = models.CharField("kondisi", max_length=50, blank=True, default="baik")
    jumlah_ideal = models.PositiveIntegerField("jumlah ideal")

    class Meta:
        verbose_name = "sarana prasarana"
        verbose_name_plural = "sarana prasarana"
        ordering = ["profil", "urutan"]

    def __str__(self):
        return self.nama


class IsuStrategis(BarisProfil):
    profil = models.ForeignKey(
        ProfilTahunan,
        on_delete=models.CASCADE,
        related_name="isu_strategis",
        verbose_name="profil",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    uraian = models.TextField("uraian")

    class Meta:
        verbose_name = "isu strategis"
        verbose_name_plural = "isu strategis"
        ordering = ["profil", "urutan"]

    def __str__(self):
        return self.uraian[:80]
