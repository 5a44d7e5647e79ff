"""The LKIP of a kecamatan and year: only what is written, not what is computed.

Every table of the report is built from iku / perjanjian / kecamatan data; this model holds
the texts a person writes (kata pengantar, conclusion …) and the LHE follow-up rows.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.alur import Alur
from sakip.penguncian import Terjaga, TerjagaQuerySet
from sakip.tahun import TahunField
from sakip.validators import nip_valid_or_blank, validate_nip


class LaporanKinerjaQuerySet(TerjagaQuerySet):
    def ditetapkan(self) -> "LaporanKinerjaQuerySet":
        """The approved LKIP: they lock everything they print. Lower apps reach this through
        ``kecamatan.selectors.lkip_ditetapkan`` (registered in AppConfig.ready()), so the rule
        stays here without their importing this app."""
        return self.filter(status=LaporanKinerja.Status.DITETAPKAN)


class LaporanKinerja(Terjaga):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="laporan",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun")
    kata_pengantar = models.TextField("kata pengantar", blank=True)
    latar_belakang = models.TextField("latar belakang", blank=True)
    maksud_tujuan = models.TextField("tujuan penyusunan laporan", blank=True)
    pengantar_perencanaan = models.TextField("pengantar rencana strategis (Bab II.A)", blank=True)
    dasar_capaian = models.TextField(
        "dasar pelaporan capaian (Bab III)",
        blank=True,
        help_text=(
            "Dasar hukum pelaporan capaian tahun ini, satu paragraf per baris, mis. surat "
            "Menteri PANRB tentang penyampaian Laporan Kinerja. Kosong: dicetak teks bawaan."
        ),
    )
    kesimpulan = models.TextField("kesimpulan", blank=True)
    hambatan = models.TextField(
        "hambatan dan permasalahan kinerja", blank=True, help_text="Satu butir per baris."
    )
    faktor_keberhasilan = models.TextField(
        "faktor kunci keberhasilan", blank=True, help_text="Satu butir per baris."
    )
    langkah_perbaikan = models.TextField(
        "langkah perbaikan kinerja", blank=True, help_text="Satu butir per baris."
    )
    lhe_sumber = models.CharField(
        "sumber LHE yang ditindaklanjuti",
        max_length=255,
        blank=True,
        help_text="mis. LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3",
    )
    tempat = models.CharField("tempat penandatanganan", max_length=100, default="Jember")
    tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    penandatangan_nama = models.CharField("nama camat", max_length=150, blank=True)
    penandatangan_jabatan = models.CharField("jabatan", max_length=150, blank=True)
    penandatangan_pangkat = models.CharField("pangkat / golongan", max_length=100, blank=True)
    penandatangan_nip = models.CharField(
        "NIP", max_length=18, blank=True, validators=[validate_nip]
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    # Reviu by the Inspektorat: required before the camat may approve the report.
    reviu_catatan = models.TextField("catatan reviu Inspektorat", blank=True)
    direviu_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="direviu oleh",
    )
    direviu_pada = models.DateTimeField("direviu pada", null=True, blank=True)
    riwayat = HistoricalRecords()

    objects = LaporanKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "laporan kinerja (LKIP)"
        verbose_name_plural = "laporan kinerja (LKIP)"
        ordering = ["kecamatan", "-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="lkip_satu_per_tahun"),
            models.CheckConstraint(
                condition=nip_valid_or_blank("penandatangan_nip"), name="lkip_nip_18_angka"
            ),
        ]

    def __str__(self):
        return f"LKIP {self.kecamatan.nama} {self.tahun}"

    PESAN_TERKUNCI = "LKIP yang sudah ditetapkan tidak dapat diubah."

    @property
    def alur(self) -> Alur:
        return ALUR_LAPORAN

    @property
    def nama_alur(self) -> str:
        return f"LKIP {self.tahun}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # The one change an approved LKIP allows: the camat opens its next version
        # (laporan.services.laporan_buka_versi_baru, through its transition table); the
        # approved PDF stays as it is.
        if not hapus and self.transisi_berjalan == ("ditetapkan", "buka_versi_baru"):
            return None
        return LaporanKinerja.alasan_laporan(self.pk)

    @classmethod
    def alasan_laporan(cls, pk: int | None) -> str | None:
        """Why the stored LKIP ``pk`` and its rows are locked: it is ditetapkan."""
        if pk and cls.objects.ditetapkan().filter(pk=pk).exists():
            return cls.PESAN_TERKUNCI
        return None

    @classmethod
    def terkunci(cls, pk: int | None) -> bool:
        return cls.alasan_laporan(pk) is not None

    @classmethod
    def daftar_ditetapkan(
        cls,
        *,
        kecamatan_id: int | None = None,
        kabupaten_id: int | None = None,
        tahun: int | None = None,
        dari_tahun: int | None = None,
        sampai_tahun: int | None = None,
    ) -> list[tuple[str, int]]:
        """The approved LKIP (kecamatan name, year) of a kecamatan or kabupaten and years:
        what kecamatan.penetapan.lkip_ditetapkan answers the lower apps (registered in
        laporan.apps)."""
        laporan = cls.objects.ditetapkan()
        if kecamatan_id is not None:
            laporan = laporan.filter(kecamatan_id=kecamatan_id)
        if kabupaten_id is not None:
            laporan = laporan.filter(kecamatan__kabupaten_id=kabupaten_id)
        if tahun is not None:
            laporan = laporan.filter(tahun=tahun)
        if dari_tahun is not None:
            laporan = laporan.filter(tahun__gte=dari_tahun)
        if sampai_tahun is not None:
            laporan = laporan.filter(tahun__lte=sampai_tahun)
        return list(
            laporan.order_by("tahun", "kecamatan__nama").values_list("kecamatan__nama", "tahun")
        )

    @classmethod
    def ditetapkan_untuk(cls, kecamatan_id: int, tahun: int) -> bool:
        """Is the LKIP of this kecamatan and year approved (and so everything it prints)?"""
        return cls.objects.ditetapkan().filter(kecamatan_id=kecamatan_id, tahun=tahun).exists()


# The LKIP: draft → ditetapkan by the camat (after the Inspektorat's reviu, a step that leaves
# the status draft), and ditetapkan → draft when the camat opens the next version.
ALUR_LAPORAN = Alur(
    nama="LKIP",
    status=LaporanKinerja.Status,
    transisi={
        ("draft", "reviu"): "draft",
        ("draft", "tetapkan"): "ditetapkan",
        ("ditetapkan", "buka_versi_baru"): "draft",
    },
    aksi={
        "reviu": "direviu",
        "tetapkan": "ditetapkan",
        "buka_versi_baru": "dibuka versi barunya",
    },
    catatan={
        "ditetapkan": LaporanKinerja.PESAN_TERKUNCI,
        "draft": "Ubah saja drafnya.",
    },
)


class TindakLanjutLHE(Terjaga):
    """Tabel 1.3: a recommendation of the last LHE and what the kecamatan did about it."""

    laporan = models.ForeignKey(
        LaporanKinerja,
        on_delete=models.CASCADE,
        related_name="tindak_lanjut",
        verbose_name="laporan",
    )
    urutan = models.PositiveSmallIntegerField("nomor")
    rekomendasi = models.TextField("saran / rekomendasi")
    tindak_lanjut = models.TextField("tindak lanjut", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "tindak lanjut LHE"
        verbose_name_plural = "tindak lanjut LHE"
        ordering = ["laporan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["laporan", "urutan"], name="tindak_lanjut_nomor_unik"),
        ]

    def __str__(self):
        return self.rekomendasi[:80]

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return LaporanKinerja.alasan_laporan(self.laporan_id)


class EvaluasiAKIP(Terjaga):
    """The LHE (Laporan Hasil Evaluasi) AKIP of a kecamatan for a year, by the Inspektorat.

    ``tahun`` is the year whose Nilai SAKIP it gives and whose LKIP answers its
    recommendations: in Jember the LHE of "Tahun 2025 Triwulan 3" is the Nilai SAKIP 2025
    realisasi and Tabel 1.3 of the LKIP 2025 (seed 004).

    It has no workflow of its own (no status): the Inspektorat records and corrects it; what
    closes it is the LKIP of its year, which prints it (its title, Nilai SAKIP, Tabel 1.3) and
    locks it with its scores and recommendations once approved."""

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="evaluasi_akip",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun penilaian")
    judul = models.CharField(
        "judul LHE",
        max_length=255,
        help_text="mis. LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3",
    )
    nomor_surat = models.CharField("nomor surat", max_length=100, blank=True)
    tanggal = models.DateField("tanggal surat", null=True, blank=True)
    catatan = models.TextField("catatan umum", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "LHE AKIP"
        verbose_name_plural = "LHE AKIP"
        ordering = ["kecamatan", "-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun"], name="lhe_satu_per_tahun"),
        ]

    def __str__(self):
        return self.judul

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        lama = EvaluasiAKIP.objects.filter(pk=self.pk).values_list("kecamatan_id", "tahun")
        for kecamatan_id, tahun in [*lama, (self.kecamatan_id, self.tahun)]:
            if kecamatan_id and tahun and LaporanKinerja.ditetapkan_untuk(kecamatan_id, tahun):
                return self.pesan_terkunci(tahun)
        return None

    @staticmethod
    def pesan_terkunci(tahun: int) -> str:
        return (
            f"LKIP {tahun} sudah ditetapkan; LHE {tahun} beserta skor dan rekomendasinya "
            "tidak dapat diubah lagi."
        )


class SkorAKIP(Terjaga):
    """The score of one sub komponen (keberadaan / kualitas / pemanfaatan) of one of the four
    komponen; the Nilai SAKIP is their sum (sakip.kinerja.nilai_akip_dari_skor)."""

    class Komponen(models.TextChoices):
        PERENCANAAN = "perencanaan", "Perencanaan Kinerja"
        PENGUKURAN = "pengukuran", "Pengukuran Kinerja"
        PELAPORAN = "pelaporan", "Pelaporan Kinerja"
        EVALUASI = "evaluasi", "Evaluasi Akuntabilitas Kinerja Internal"

    class SubKomponen(models.TextChoices):
        KEBERADAAN = "keberadaan", "Keberadaan"
        KUALITAS = "kualitas", "Kualitas"
        PEMANFAATAN = "pemanfaatan", "Pemanfaatan"

    evaluasi = models.ForeignKey(
        EvaluasiAKIP, on_delete=models.CASCADE, related_name="skor", verbose_name="LHE"
    )
    komponen = models.CharField("komponen", max_length=12, choices=Komponen.choices)
    sub_komponen = models.CharField("sub komponen", max_length=12, choices=SubKomponen.choices)
    skor = models.DecimalField("skor", max_digits=7, decimal_places=4)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "skor komponen AKIP"
        verbose_name_plural = "skor komponen AKIP"
        ordering = ["evaluasi", "komponen", "sub_komponen"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "komponen", "sub_komponen"], name="skor_akip_unik"
            ),
        ]

    def __str__(self):
        return f"{self.get_komponen_display()} / {self.get_sub_komponen_display()}: {self.skor}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        evaluasi = EvaluasiAKIP.objects.filter(pk=self.evaluasi_id).values("kecamatan_id", "tahun")
        evaluasi = evaluasi.first()
        if evaluasi and LaporanKinerja.ditetapkan_untuk(
            evaluasi["kecamatan_id"], evaluasi["tahun"]
        ):
            return EvaluasiAKIP.pesan_terkunci(evaluasi["tahun"])
        return None


class RekomendasiLHE(Terjaga):
    """A recommendation of the LHE and the kecamatan's tindak lanjut (Tabel 1.3 of the LKIP
    of the same year). Locked with that LKIP once the camat approves it."""

    evaluasi = models.ForeignKey(
        EvaluasiAKIP, on_delete=models.CASCADE, related_name="rekomendasi", verbose_name="LHE"
    )
    urutan = models.PositiveSmallIntegerField("nomor")
    rekomendasi = models.TextField("saran / rekomendasi")
    tindak_lanjut = models.TextField("tindak lanjut kecamatan", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "rekomendasi LHE"
        verbose_name_plural = "rekomendasi LHE"
        ordering = ["evaluasi", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "urutan"], name="rekomendasi_nomor_unik"),
        ]

    def __str__(self):
        return self.rekomendasi[:80]

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        evaluasi = self.evaluasi
        return self.alasan_tahun(evaluasi.kecamatan_id, evaluasi.tahun)

    @classmethod
    def alasan_tahun(cls, kecamatan_id: int, tahun: int) -> str | None:
        """Why the LHE recommendations of a year are locked: that year's LKIP, which prints
        them as Tabel 1.3, is approved. The service and the LHE page ask this too."""
        if LaporanKinerja.ditetapkan_untuk(kecamatan_id, tahun):
            return cls.pesan_terkunci(tahun)
        return None

    @staticmethod
    def pesan_terkunci(tahun: int) -> str:
        return (
            f"LKIP {tahun} sudah ditetapkan; rekomendasi dan tindak lanjut LHE {tahun} "
            "tidak dapat diubah lagi."
        )


class TargetPembanding(models.Model):
    """A national or provincial target of a measure for a year (e.g. the national average
    Nilai SAKIP of the KemenPANRB Renstra, the national IPP): printed beside the kabupaten
    benchmark in column 14 and point d of the LKIP analysis (laporan.pembanding)."""

    class Tingkat(models.TextChoices):
        NASIONAL = "nasional", "Nasional"
        PROVINSI = "provinsi", "Provinsi"

    ukuran = models.ForeignKey(
        "iku.Ukuran",
        on_delete=models.CASCADE,
        related_name="target_pembanding",
        verbose_name="ukuran kinerja",
    )
    tahun = TahunField("tahun")
    tingkat = models.CharField(
        "tingkat", max_length=10, choices=Tingkat.choices, default=Tingkat.NASIONAL
    )
    nilai = models.DecimalField("target", max_digits=12, decimal_places=2)
    keterangan = models.CharField(
        "keterangan",
        max_length=100,
        blank=True,
        help_text="mis. BB / Sangat Baik",
    )
    sumber = models.CharField(
        "sumber", max_length=255, blank=True, help_text="mis. Renstra KemenPANRB 2025-2029"
    )

    class Meta:
        verbose_name = "target nasional / provinsi"
        verbose_name_plural = "target nasional / provinsi"
        ordering = ["ukuran", "tahun", "tingkat"]
        constraints = [
            models.UniqueConstraint(
                fields=["ukuran", "tahun", "tingkat"], name="target_pembanding_unik"
            ),
        ]

    def __str__(self):
        return f"Target {self.get_tingkat_display().lower()} {self.ukuran} {self.tahun}"


class DokumenPDF(models.Model):
    """A rendered document (LKIP, IKU decree, PK), stored with the fingerprint of the HTML it
    was printed from: the same data gives the same HTML, so an unchanged document is served
    from this file at once instead of being rendered again.

    A ``final`` document is the print of an approved PK or IKU decree: its HTML was taken
    when the camat approved it, and it is what every route serves from then on, whatever
    is edited later (laporan.dokumen.layanan.dokumen_final). An approved LKIP's final
    print is its VersiLKIP's document."""

    class Jenis(models.TextChoices):
        LKIP = "lkip", "Laporan Kinerja (LKIP)"
        KEPUTUSAN = "keputusan", "Keputusan IKU"
        PERJANJIAN = "perjanjian", "Perjanjian Kinerja"

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="dokumen_pdf",
        verbose_name="kecamatan",
    )
    jenis = models.CharField("jenis", max_length=12, choices=Jenis.choices)
    objek_id = models.PositiveBigIntegerField("id dokumen sumber")
    sidik_html = models.CharField("sidik HTML (SHA-256)", max_length=64, db_index=True)
    html = models.TextField("HTML yang dicetak")
    final = models.BooleanField(
        "cetakan final",
        default=False,
        help_text="Cetakan dokumen yang sudah ditetapkan: selalu disajikan apa adanya.",
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.MENUNGGU
    )
    tahap = models.CharField("tahap", max_length=100, blank=True)
    pesan = models.TextField("pesan galat", blank=True)
    berkas = models.FileField("berkas PDF", upload_to="dokumen/%Y/", blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=200)
    sha256 = models.CharField("SHA-256 PDF", max_length=64, blank=True)
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman", null=True, blank=True)
    detik_render = models.DecimalField(
        "lama pencetakan (detik)", max_digits=8, decimal_places=3, null=True, blank=True
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diminta oleh",
    )
    dibuat = models.DateTimeField("diminta pada", auto_now_add=True)
    # The run that prints it: when it took the document (also the claim that lets only that
    # run finish it), its last sign of life while printing in a worker, and the id of its
    # task in the queue; laporan.dokumen.layanan uses them to tell a render still under way
    # from one whose worker died.
    mulai = models.DateTimeField("mulai dicetak pada", null=True, blank=True)
    detak = models.DateTimeField("tanda hidup terakhir", null=True, blank=True)
    id_tugas = models.CharField("id tugas latar belakang", max_length=64, blank=True)
    selesai = models.DateTimeField("selesai pada", null=True, blank=True)

    class Meta:
        verbose_name = "dokumen PDF"
        verbose_name_plural = "dokumen PDF"
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["jenis", "objek_id", "sidik_html"])]

    def __str__(self):
        return self.nama_berkas


class VersiLKIP(Terjaga):
    """A finalised LKIP: the PDF the camat approved, with its SHA-256; never changed. Later
    changes to the report make the next version.

    The version is written at approval with the HTML the approval printed from (its
    ``dokumen``); the PDF is rendered from that HTML by the task queue, and the SHA-256 is
    filled in once, when that PDF is stored. Until then ``sha256`` is empty."""

    laporan = models.ForeignKey(
        LaporanKinerja, on_delete=models.PROTECT, related_name="versi", verbose_name="laporan"
    )
    nomor = models.PositiveSmallIntegerField("versi")
    dokumen = models.ForeignKey(
        DokumenPDF, on_delete=models.PROTECT, related_name="+", verbose_name="dokumen PDF"
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ditetapkan oleh",
    )
    ditetapkan_pada = models.DateTimeField("ditetapkan pada", auto_now_add=True)

    class Meta:
        verbose_name = "versi LKIP final"
        verbose_name_plural = "versi LKIP final"
        ordering = ["laporan", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["laporan", "nomor"], name="versi_lkip_unik"),
        ]

    def __str__(self):
        return f"{self.laporan} versi {self.nomor}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # Written once, when the LKIP is approved; never changed or removed after.
        if hapus:
            return "Versi LKIP yang sudah ditetapkan tidak dapat dihapus."
        if self.pk and not self._mengisi_sha256():
            return "Versi LKIP yang sudah ditetapkan tidak dapat diubah."
        return None

    def _mengisi_sha256(self) -> bool:
        """The one write a version takes after its approval: its empty SHA-256 filled with
        that of its own document, once the document is printed; nothing else changes."""
        kolom = ("laporan_id", "nomor", "dokumen_id", "ditetapkan_oleh_id", "sha256")
        tersimpan = VersiLKIP.objects.filter(pk=self.pk).values(*kolom).first()
        if tersimpan is None or tersimpan["sha256"] or not self.sha256:
            return False
        if any(getattr(self, k) != tersimpan[k] for k in kolom if k != "sha256"):
            return False
        return DokumenPDF.objects.filter(
            pk=self.dokumen_id, status=DokumenPDF.Status.SELESAI, sha256=self.sha256
        ).exists()
