"""The yearly promise (Perjanjian Kinerja), the budget tree and what was achieved.

Budgets are stored on the sub kegiatan only: a kegiatan's and a program's pagu and realisasi
are sums, never typed, so Tabel 2.7, 2.8, 2.9, 3.7, 3.12 and 3.13 of an LKIP cannot disagree.
"""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kecamatan.models import Kecamatan
from sakip.format_id import format_angka
from sakip.penguncian import DataTerkunci, Terjaga
from sakip.validators import nip_valid_or_blank, validate_nip

NILAI = {"max_digits": 20, "decimal_places": 4}
UANG = {"max_digits": 18, "decimal_places": 2}


class Periode(models.TextChoices):
    TW1 = "tw1", "Triwulan I"
    TW2 = "tw2", "Triwulan II"
    TW3 = "tw3", "Triwulan III"
    TW4 = "tw4", "Triwulan IV"
    TAHUNAN = "tahunan", "Tahunan"


class PerjanjianKinerja(Terjaga):
    class Jenis(models.TextChoices):
        AWAL = "awal", "Perjanjian Kinerja"
        PERUBAHAN = "perubahan", "Perjanjian Kinerja Perubahan"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DIAJUKAN = "diajukan", "Diajukan"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="perjanjian",
        verbose_name="kecamatan",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.AWAL)
    renstra = models.ForeignKey(
        "iku.Renstra",
        on_delete=models.PROTECT,
        related_name="perjanjian",
        verbose_name="dasar Renstra",
    )
    asal = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perubahan",
        verbose_name="diubah dari",
    )
    tempat = models.CharField("tempat", max_length=100, default="Jember")
    tanggal = models.DateField("tanggal", null=True, blank=True)
    sumber_dana = models.CharField(
        "sumber dana", max_length=50, default="APBD", help_text="mis. APBD, P-APBD"
    )
    pihak_pertama_nama = models.CharField("nama pihak pertama", max_length=150)
    pihak_pertama_jabatan = models.CharField("jabatan pihak pertama", max_length=150)
    pihak_pertama_pangkat = models.CharField("pangkat pihak pertama", max_length=100, blank=True)
    pihak_pertama_nip = models.CharField(
        "NIP pihak pertama", max_length=18, blank=True, validators=[validate_nip]
    )
    pihak_kedua_nama = models.CharField("nama pihak kedua", max_length=150)
    pihak_kedua_jabatan = models.CharField("jabatan pihak kedua", max_length=150)
    pihak_kedua_nip = models.CharField(
        "NIP pihak kedua", max_length=18, blank=True, validators=[validate_nip]
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    komentar = models.TextField(
        "catatan pengembalian",
        blank=True,
        help_text="Alasan camat mengembalikan PK ke draft; dilihat operator.",
    )
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["kecamatan", "-tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "jenis"], name="perjanjian_satu_per_jenis_tahun"
            ),
            models.CheckConstraint(
                condition=nip_valid_or_blank("pihak_pertama_nip"), name="perjanjian_nip1_18_angka"
            ),
            models.CheckConstraint(
                condition=nip_valid_or_blank("pihak_kedua_nip"), name="perjanjian_nip2_18_angka"
            ),
            models.CheckConstraint(
                condition=Q(jenis="perubahan") | Q(asal__isnull=True),
                name="perjanjian_hanya_perubahan_punya_asal",
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.kecamatan.nama} {self.tahun}"

    PESAN_TERKUNCI = (
        "Perjanjian Kinerja yang sudah ditetapkan tidak dapat diubah atau dihapus; "
        "perubahan dilakukan melalui PK Perubahan."
    )

    def jaga(self, *, hapus: bool = False) -> None:
        if self.pk and PerjanjianKinerja.terkunci(self.pk):
            raise DataTerkunci(self.PESAN_TERKUNCI)

    @classmethod
    def terkunci(cls, pk: int) -> bool:
        """Whether the stored row (not the object in memory) is ditetapkan."""
        return cls.objects.filter(pk=pk, status=cls.Status.DITETAPKAN).exists()

    @property
    def ditetapkan(self) -> bool:
        return self.status == self.Status.DITETAPKAN

    @property
    def kolom_pagu(self) -> str:
        """Which budget column the PK promises: before the change for the first PK, after it
        for the PK Perubahan (signed on the P-APBD / DPPA)."""
        return "pagu_awal" if self.jenis == self.Jenis.AWAL else "pagu_perubahan"


class TargetPerjanjian(Terjaga):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="target",
        verbose_name="perjanjian kinerja",
    )
    indikator = models.ForeignKey(
        "iku.Indikator",
        on_delete=models.PROTECT,
        related_name="target_perjanjian",
        verbose_name="indikator",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)
    nilai = models.DecimalField("target", **NILAI)
    huruf = models.CharField("huruf", max_length=3, blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "target perjanjian kinerja"
        verbose_name_plural = "target perjanjian kinerja"
        ordering = ["perjanjian", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perjanjian", "indikator"], name="target_perjanjian_satu_per_indikator"
            ),
        ]

    def __str__(self):
        return f"{self.indikator}: {format_angka(self.nilai, buang_nol=True)}"

    def jaga(self, *, hapus: bool = False) -> None:
        if PerjanjianKinerja.terkunci(self.perjanjian_id):
            raise DataTerkunci(PerjanjianKinerja.PESAN_TERKUNCI)


class Program(models.Model):
    """A program of the kecamatan's budget (DPA) of one year, with the sasaran it supports."""

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="program",
        verbose_name="kecamatan",
    )
    tahun = models.PositiveSmallIntegerField("tahun anggaran")
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama program", max_length=255)
    sasaran = models.ManyToManyField(
        "iku.Sasaran", blank=True, related_name="program", verbose_name="sasaran yang didukung"
    )
    faktor_pendorong = models.TextField("faktor pendorong ketercapaian program", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat ketercapaian program", blank=True)
    riwayat = HistoricalRecords(m2m_fields=[sasaran])

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["kecamatan", "tahun", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "kode"], name="program_kode_unik_per_tahun"
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Kegiatan(models.Model):
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="kegiatan", verbose_name="program"
    )
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama kegiatan", max_length=255)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode_unik"),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class SubKegiatan(Terjaga):
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan", verbose_name="kegiatan"
    )
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama sub kegiatan", max_length=255)
    pagu_awal = models.DecimalField("pagu sebelum perubahan", default=0, **UANG)
    pagu_pergeseran = models.DecimalField("pagu setelah pergeseran", null=True, blank=True, **UANG)
    pagu_perubahan = models.DecimalField("pagu sesudah perubahan", null=True, blank=True, **UANG)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_kode_unik"),
            models.CheckConstraint(
                condition=(
                    Q(pagu_awal__gte=0)
                    & (Q(pagu_pergeseran__isnull=True) | Q(pagu_pergeseran__gte=0))
                    & (Q(pagu_perubahan__isnull=True) | Q(pagu_perubahan__gte=0))
                ),
                name="sub_kegiatan_pagu_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def jaga(self, *, hapus: bool = False) -> None:
        """The budget column a ditetapkan PK promises cannot change (nor go with a delete)."""
        lama = None if hapus or not self.pk else SubKegiatan.objects.filter(pk=self.pk).first()
        for jenis, kolom in PAGU_PERJANJIAN.items():
            if hapus:
                berubah = bool(getattr(self, kolom))  # the amount would leave the total
            else:
                berubah = ((getattr(lama, kolom) if lama else 0) or 0) != (
                    getattr(self, kolom) or 0
                )
            if berubah:
                self._jaga_pagu(jenis, kolom)

    def _jaga_pagu(self, jenis: str, kolom: str) -> None:
        program = Program.objects.only("kecamatan_id", "tahun").get(kegiatan__id=self.kegiatan_id)
        if PerjanjianKinerja.objects.filter(
            kecamatan_id=program.kecamatan_id,
            tahun=program.tahun,
            jenis=jenis,
            status=PerjanjianKinerja.Status.DITETAPKAN,
        ).exists():
            label = self._meta.get_field(kolom).verbose_name
            raise DataTerkunci(
                f"{label.capitalize()} sudah dijanjikan dalam "
                f"{PerjanjianKinerja.Jenis(jenis).label} {program.tahun} yang ditetapkan dan "
                "tidak dapat diubah."
            )


# The budget column each kind of PK promises (see PerjanjianKinerja.kolom_pagu).
PAGU_PERJANJIAN = {"awal": "pagu_awal", "perubahan": "pagu_perubahan"}


class RealisasiAnggaran(Terjaga):
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        related_name="realisasi",
        verbose_name="sub kegiatan",
    )
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    jumlah = models.DecimalField("realisasi (Rp)", **UANG)
    catatan = models.CharField("catatan sumber", max_length=255, blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["sub_kegiatan", "periode"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_kegiatan", "periode"], name="realisasi_anggaran_satu_per_periode"
            ),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="realisasi_anggaran_positif"),
        ]

    def __str__(self):
        return f"{self.sub_kegiatan} {self.get_periode_display()}: {self.jumlah}"

    def jaga(self, *, hapus: bool = False) -> None:
        program = Program.objects.only("kecamatan_id", "tahun").get(
            kegiatan__sub_kegiatan__id=self.sub_kegiatan_id
        )
        PelaporanRealisasi.jaga_periode(program.kecamatan_id, program.tahun, self.periode)


class IndikatorProgram(Terjaga):
    """The indicator of a program, kegiatan or sub kegiatan as promised in one PK.

    The PK Perubahan of Kencong 2025 measures the same programs with other indicators
    (Tabel 3.3 against 3.10), so these rows hang on the PK, not on the program.
    """

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="indikator_program",
        verbose_name="perjanjian kinerja",
    )
    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="program",
    )
    kegiatan = models.ForeignKey(
        Kegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="kegiatan",
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="sub kegiatan",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)
    uraian = models.CharField("indikator", max_length=255)
    satuan = models.CharField("satuan", max_length=50)
    target = models.DecimalField("target", **NILAI)
    realisasi = models.DecimalField("realisasi", null=True, blank=True, **NILAI)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "indikator program / kegiatan"
        verbose_name_plural = "indikator program / kegiatan"
        ordering = ["perjanjian", "urutan"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(program__isnull=False, kegiatan__isnull=True, sub_kegiatan__isnull=True)
                    | Q(program__isnull=True, kegiatan__isnull=False, sub_kegiatan__isnull=True)
                    | Q(program__isnull=True, kegiatan__isnull=True, sub_kegiatan__isnull=False)
                ),
                name="indikator_program_tepat_satu_tingkat",
            ),
        ]

    def __str__(self):
        return self.uraian

    # What the PK promises; the realisasi is only known at the end of the year and stays open
    # until Bappeda verifies the year's realisasi.
    DIJANJIKAN = ("program_id", "kegiatan_id", "sub_kegiatan_id", "uraian", "satuan", "target")

    def jaga(self, *, hapus: bool = False) -> None:
        terkunci = PerjanjianKinerja.terkunci(self.perjanjian_id)
        if hapus:
            if terkunci:
                raise DataTerkunci(PerjanjianKinerja.PESAN_TERKUNCI)
            return
        lama = IndikatorProgram.objects.filter(pk=self.pk).first() if self.pk else None
        if terkunci and (
            lama is None or any(getattr(lama, f) != getattr(self, f) for f in self.DIJANJIKAN)
        ):
            raise DataTerkunci(PerjanjianKinerja.PESAN_TERKUNCI)
        if lama is not None and lama.realisasi != self.realisasi:
            pk = PerjanjianKinerja.objects.only("kecamatan_id", "tahun").get(pk=self.perjanjian_id)
            PelaporanRealisasi.jaga_periode(pk.kecamatan_id, pk.tahun, Periode.TAHUNAN)


class Realisasi(Terjaga):
    """What a measure achieved in a year (or a quarter), stored once per measure."""

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="realisasi",
        verbose_name="kecamatan",
    )
    ukuran = models.ForeignKey(
        "iku.Ukuran", on_delete=models.PROTECT, related_name="realisasi", verbose_name="ukuran"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField(
        "periode", max_length=10, choices=Periode.choices, default=Periode.TAHUNAN
    )
    nilai = models.DecimalField("realisasi", **NILAI)
    huruf = models.CharField("huruf", max_length=3, blank=True)
    catatan_sumber = models.CharField("sumber / catatan", max_length=255, blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi indikator"
        verbose_name_plural = "realisasi indikator"
        ordering = ["kecamatan", "ukuran", "tahun", "periode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "ukuran", "tahun", "periode"],
                name="realisasi_satu_per_periode",
            ),
        ]

    def __str__(self):
        return f"{self.ukuran} {self.tahun} {self.get_periode_display()}: {self.nilai}"

    def jaga(self, *, hapus: bool = False) -> None:
        PelaporanRealisasi.jaga_periode(self.kecamatan_id, self.tahun, self.periode)


class PelaporanRealisasi(Terjaga):
    """The state of a kecamatan's realisasi for one period: draft → diajukan → diverifikasi
    or dikembalikan (by Bappeda, with a comment the kecamatan sees). Verified values are
    locked; no row means draft."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="pelaporan_realisasi",
        verbose_name="kecamatan",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    komentar = models.TextField("komentar verifikator", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "pelaporan realisasi"
        verbose_name_plural = "pelaporan realisasi"
        ordering = ["kecamatan", "-tahun", "periode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "periode"], name="pelaporan_satu_per_periode"
            ),
        ]

    def __str__(self):
        return f"Realisasi {self.get_periode_display()} {self.tahun}: {self.get_status_display()}"

    def jaga(self, *, hapus: bool = False) -> None:
        # A verification, once given, is not taken back (not even through the admin).
        if (
            self.pk
            and PelaporanRealisasi.objects.filter(
                pk=self.pk, status=self.Status.DIVERIFIKASI
            ).exists()
        ):
            raise DataTerkunci(
                f"Realisasi {self.get_periode_display()} {self.tahun} sudah diverifikasi; "
                "statusnya tidak dapat diubah atau dihapus."
            )

    @classmethod
    def jaga_periode(cls, kecamatan_id: int, tahun: int, periode: str) -> None:
        if cls.objects.filter(
            kecamatan_id=kecamatan_id, tahun=tahun, periode=periode, status=cls.Status.DIVERIFIKASI
        ).exists():
            raise DataTerkunci(
                f"Realisasi {Periode(periode).label} {tahun} sudah diverifikasi Bappeda dan "
                "tidak dapat diubah."
            )


class NarasiSasaran(Terjaga):
    """What the kecamatan writes about a sasaran in a year: it is not derived from data."""

    sasaran = models.ForeignKey(
        "iku.Sasaran", on_delete=models.CASCADE, related_name="narasi", verbose_name="sasaran"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    faktor_pendorong = models.TextField("faktor pendorong keberhasilan", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat / penyebab kegagalan", blank=True)
    tantangan = models.TextField("tantangan dan langkah perbaikan ke depan", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "narasi sasaran"
        verbose_name_plural = "narasi sasaran"
        ordering = ["sasaran", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "tahun"], name="narasi_satu_per_tahun"),
        ]

    def __str__(self):
        return f"Narasi {self.sasaran.uraian[:60]} {self.tahun}"

    def jaga(self, *, hapus: bool = False) -> None:
        """The narratives are part of the LKIP: locked with it once the camat approves it."""
        # The LKIP's own rule (laporan.models.LaporanKinerjaQuerySet.ditetapkan), reached
        # through the kecamatan's reverse relation: laporan sits above this app.
        kecamatan = Kecamatan.objects.get(renstra__tujuan__sasaran=self.sasaran_id)
        if kecamatan.laporan.ditetapkan().filter(tahun=self.tahun).exists():
            raise DataTerkunci(
                f"LKIP {self.tahun} sudah ditetapkan; narasinya tidak dapat diubah lagi."
            )


class SurveiKepuasan(models.Model):
    """The result of one uploaded Survei Kepuasan Masyarakat (PermenPANRB 14/2017).

    The answers themselves are not kept, only what the report needs: NRR per unsur (exact, as
    text in ``nrr``) and the IKM as published, rounded half-up to two decimals: the category is
    judged on that rounded value anyway (``kinerja.SKALA_IKM``), and it is the figure taken as
    the IKM realisasi, so the survey and the realisasi cannot disagree.
    """

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="survei_kepuasan",
        verbose_name="kecamatan",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    nama_berkas = models.CharField("nama berkas", max_length=255)
    jumlah_responden = models.PositiveIntegerField("jumlah responden")
    responden_tidak_lengkap = models.PositiveIntegerField(
        "responden yang tidak menjawab semua unsur", default=0
    )
    nrr = models.JSONField(
        "NRR per unsur", help_text="Sembilan nilai rata-rata unsur U1–U9, sebagai teks desimal."
    )
    jumlah_jawaban = models.JSONField(
        "jumlah jawaban per unsur", help_text="Banyak jawaban yang diberikan untuk U1–U9."
    )
    nilai_ikm = models.DecimalField("IKM", max_digits=5, decimal_places=2)
    per_layanan = models.JSONField("responden per jenis layanan", default=dict, blank=True)
    tanggal_awal = models.DateField("tanggal survei pertama", null=True, blank=True)
    tanggal_akhir = models.DateField("tanggal survei terakhir", null=True, blank=True)
    diunggah_oleh = models.ForeignKey(
        "kecamatan.Pengguna",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="diunggah oleh",
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    dipakai_oleh = models.ForeignKey(
        "kecamatan.Pengguna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dipakai sebagai realisasi oleh",
    )
    dipakai_pada = models.DateTimeField("dipakai sebagai realisasi pada", null=True, blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "survei kepuasan masyarakat"
        verbose_name_plural = "survei kepuasan masyarakat"
        ordering = ["kecamatan", "-tahun", "periode", "-diunggah_pada"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nilai_ikm__gte=25) & Q(nilai_ikm__lte=100),
                name="survei_ikm_25_sampai_100",
            ),
        ]

    def __str__(self):
        return (
            f"Survei Kepuasan Masyarakat {self.kecamatan.nama} {self.get_periode_display()} "
            f"{self.tahun}: IKM {format_angka(self.nilai_ikm)}"
        )
