"""The 5-year plan (Renstra) and the indicators it sets, and the IKU decree.

Renstra → Tujuan → Sasaran; an Indikator belongs to a tujuan or to a sasaran and carries a
target per year. What an indicator measures is an Ukuran: the same measure (IKM, say) can be
an indicator of two Renstra that overlap a year, as in Kencong 2025, and its realisasi is
stored once per measure (perjanjian.Realisasi), so the two reports cannot disagree.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from kecamatan.selectors import lkip_ditetapkan, pesan_terkunci
from sakip.alur import Alur
from sakip.kinerja import MetodeNegatif, Polaritas
from sakip.penguncian import Terjaga, TerjagaQuerySet
from sakip.tahun import TahunField, indeks_rentang_tahun
from sakip.validators import nip_valid_or_blank, validate_nip

NILAI = {"max_digits": 20, "decimal_places": 4}


def berlaku_pada(tahun: int, *, jalur: str = "") -> Q:
    """The one rule of which Renstra is in force in a year: its period covers the year.
    ``jalur`` is the path to the Renstra from the model filtered ("tujuan__renstra")."""
    awal = f"{jalur}__tahun_awal__lte" if jalur else "tahun_awal__lte"
    akhir = f"{jalur}__tahun_akhir__gte" if jalur else "tahun_akhir__gte"
    return Q(**{awal: tahun, akhir: tahun})


# What BAB II of an LKIP prints of a Renstra beside its tree: the RPJMD it is aligned with
# (Tabel 2.1), the visi and misi of the RPJMD; of a sasaran, its strategi and kebijakan.
KOLOM_KESELARASAN = (
    "rpjmd_periode",
    "rpjmd_visi",
    "rpjmd_misi_semua",
    "rpjmd_misi",
    "rpjmd_tujuan",
    "rpjmd_sasaran",
)
KOLOM_STRATEGI = ("strategi", "kebijakan")
# What the TC 25 lampiran of an LKIP prints of a tujuan beside its text: its group and the RPJMD
# sasaran and indicator heading that group.
KOLOM_TC25 = ("kelompok", "rpjmd_sasaran", "rpjmd_indikator")


def alasan_keselarasan(renstra_id: int | None, apa: str) -> str | None:
    """Why what BAB II prints of the stored Renstra ``renstra_id`` (``apa``) cannot change: an
    approved LKIP of a year of its period printed it."""
    renstra = (
        Renstra.objects.filter(pk=renstra_id)
        .values("kecamatan_id", "tahun_awal", "tahun_akhir")
        .first()
    )
    if renstra is None:
        return None
    ditetapkan = lkip_ditetapkan(
        kecamatan_id=renstra["kecamatan_id"],
        dari_tahun=renstra["tahun_awal"],
        sampai_tahun=renstra["tahun_akhir"],
    )
    return pesan_terkunci(ditetapkan, apa)


def _berubah(objek: models.Model, kolom: tuple[str, ...]) -> bool:
    """Whether the stored row differs from ``objek`` in ``kolom``."""
    tersimpan = type(objek)._base_manager.filter(pk=objek.pk).values(*kolom).first()
    return tersimpan is not None and any(tersimpan[k] != getattr(objek, k) for k in kolom)


class RenstraQuerySet(TerjagaQuerySet):
    def berlaku(self, *, tahun: int) -> "RenstraQuerySet":
        """The Renstra in force in ``tahun``."""
        return self.filter(berlaku_pada(tahun))


class Renstra(Terjaga):
    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="renstra",
        verbose_name="kecamatan",
    )
    nama = models.CharField("nama", max_length=200, help_text="mis. Renstra Perubahan 2021-2026")
    tahun_awal = TahunField("tahun awal")
    tahun_akhir = TahunField("tahun akhir")
    tahun_baseline = TahunField(
        "tahun kondisi awal (baseline)", help_text="mis. 2021 untuk Renstra 2021-2026"
    )
    revisi_dari = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisi",
        verbose_name="revisi dari Renstra",
    )
    tanggal_penetapan = models.DateField("tanggal penetapan", null=True, blank=True)
    sumber = models.CharField(
        "sumber data",
        max_length=255,
        blank=True,
        help_text="mis. tabel TC 25 Perubahan Renstra Kecamatan Kencong Tahun 2021-2026",
    )
    tanggal_verifikasi = models.DateField(
        "tanggal verifikasi Bappeda (TC 25)",
        null=True,
        blank=True,
        help_text=(
            "Tanggal Kepala Bappeda memverifikasi tabel TC 25 Renstra ini. Bila diisi, LKIP "
            "melampirkan tabel TC 25 dengan tanda tangan verifikasi Bappeda dan camat pada "
            "tanggal itu; bila kosong, melampirkan Tabel 3.1 Renstra."
        ),
    )
    rpjmd_periode = models.CharField("periode RPJMD", max_length=20, blank=True)
    rpjmd_visi = models.TextField(
        "visi RPJMD",
        blank=True,
        help_text="Visi kepala daerah dalam RPJMD, seperti dikutip BAB II LKIP.",
    )
    rpjmd_misi_semua = models.TextField(
        "misi RPJMD",
        blank=True,
        help_text="Seluruh misi RPJMD, satu misi per baris.",
    )
    rpjmd_misi = models.TextField(
        "misi RPJMD yang didukung",
        blank=True,
        help_text="Misi RPJMD yang didukung Renstra ini (Tabel 2.1).",
    )
    rpjmd_tujuan = models.TextField("tujuan RPJMD", blank=True)
    rpjmd_sasaran = models.TextField("sasaran RPJMD", blank=True, help_text="Satu per baris.")

    objects = RenstraQuerySet.as_manager()

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["kecamatan", "tahun_awal", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "nama"], name="renstra_nama_unik"),
            models.CheckConstraint(
                condition=Q(tahun_awal__lte=F("tahun_akhir")), name="renstra_tahun_awal_lte_akhir"
            ),
            models.CheckConstraint(
                condition=Q(tahun_baseline__lte=F("tahun_awal")),
                name="renstra_baseline_tidak_setelah_awal",
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.kecamatan.nama})"

    @property
    def tahun(self) -> range:
        return range(self.tahun_awal, self.tahun_akhir + 1)

    def alasan_keselarasan(self) -> str | None:
        """Why the alignment with the RPJMD (Tabel 2.1, visi, misi) cannot change now."""
        return alasan_keselarasan(
            self.pk, f"keselarasan {self.nama} dengan RPJMD (visi, misi, tujuan dan sasaran)"
        )

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # Only what the LKIP printed of the Renstra itself is locked here: its alignment.
        if hapus or self.pk is None or not _berubah(self, KOLOM_KESELARASAN):
            return None
        return self.alasan_keselarasan()


class Tujuan(Terjaga):
    class Kelompok(models.TextChoices):
        """How a kecamatan's TC 25 sorts its tujuan (seeds/004 Lampiran 5, seeds/001): the
        RUTIN block (the secretariat's routine: keuangan, SAKIP) and the NON RUTIN one."""

        RUTIN = "rutin", "RUTIN"
        NON_RUTIN = "non_rutin", "NON RUTIN"

    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="tujuan", verbose_name="Renstra"
    )
    nomor = models.PositiveSmallIntegerField("nomor")
    uraian = models.TextField("uraian tujuan")
    # The RPJMD is free text on the Renstra (rpjmd_sasaran, one per line) and has no
    # indicators stored, and the TC 25 words its sasaran differently from that list
    # ("Meningkatkan kualitas pengelolaan keuangan …"), so the tujuan keeps its own text.
    kelompok = models.CharField(
        "kelompok (TC 25)",
        max_length=10,
        choices=Kelompok.choices,
        blank=True,
        help_text=(
            "Bila diisi, tabel TC 25 pada lampiran LKIP dikelompokkan RUTIN lalu NON RUTIN, "
            "masing-masing dengan sasaran dan indikator RPJMD-nya."
        ),
    )
    rpjmd_sasaran = models.TextField(
        "sasaran RPJMD yang didukung",
        blank=True,
        help_text="Dicetak sebagai “SASARAN RPJMD : …” di atas tabel TC 25 kelompok tujuan ini.",
    )
    rpjmd_indikator = models.TextField(
        "indikator sasaran RPJMD",
        blank=True,
        help_text="Dicetak sebagai “INDIKATOR : …” di bawah sasaran RPJMD.",
    )

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "nomor"], name="tujuan_nomor_unik"),
        ]

    def __str__(self):
        return f"Tujuan {self.nomor}: {self.uraian}"

    def alasan_tc25(self) -> str | None:
        """Why the TC 25 group of this tujuan and its RPJMD sasaran and indicator cannot
        change now: an approved LKIP annexed the TC 25 that prints them."""
        return alasan_keselarasan(
            self.renstra_id, f"kelompok TC 25 dan sasaran RPJMD tujuan {self.nomor}"
        )

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # Its number and text are not locked here (nor were they before the groups).
        if hapus or self.pk is None or not _berubah(self, KOLOM_TC25):
            return None
        return self.alasan_tc25()


class Sasaran(Terjaga):
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, related_name="sasaran", verbose_name="tujuan"
    )
    nomor = models.PositiveSmallIntegerField("nomor")
    uraian = models.TextField("uraian sasaran")
    strategi = models.TextField(
        "strategi", blank=True, help_text="Strategi mencapai sasaran ini, satu butir per baris."
    )
    kebijakan = models.TextField(
        "kebijakan", blank=True, help_text="Arah kebijakan sasaran ini, satu butir per baris."
    )

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tujuan", "nomor"], name="sasaran_nomor_unik"),
        ]

    def __str__(self):
        return f"Sasaran {self.kode}: {self.uraian}"

    @property
    def kode(self) -> str:
        return f"{self.tujuan.nomor}.{self.nomor}"

    def alasan_strategi(self) -> str | None:
        """Why the strategi and kebijakan of this sasaran cannot change now."""
        tujuan = Tujuan.objects.filter(pk=self.tujuan_id).values("renstra_id", "nomor").first()
        if tujuan is None:
            return None
        return alasan_keselarasan(
            tujuan["renstra_id"],
            f"strategi dan kebijakan sasaran {tujuan['nomor']}.{self.nomor}",
        )

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        if hapus or self.pk is None or not _berubah(self, KOLOM_STRATEGI):
            return None
        return self.alasan_strategi()


class Ukuran(models.Model):
    """What an indicator measures; the key realisasi is stored under.

    Shared measures (kecamatan empty) are the kabupaten's catalogue: every kecamatan's IKM is
    the same measure, which is what lets the kabupaten compare them.
    """

    kabupaten = models.ForeignKey(
        "kecamatan.Kabupaten",
        on_delete=models.PROTECT,
        related_name="ukuran",
        verbose_name="kabupaten",
    )
    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ukuran_khusus",
        verbose_name="khusus kecamatan",
        help_text="Kosong bila ukuran ini dipakai bersama seluruh kecamatan.",
    )
    kode = models.SlugField("kode", max_length=80, help_text="mis. ikm")
    nama = models.CharField("nama", max_length=255)

    class Meta:
        verbose_name = "ukuran kinerja"
        verbose_name_plural = "ukuran kinerja"
        ordering = ["kabupaten", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "kode"], name="ukuran_kode_unik"),
        ]

    def __str__(self):
        return self.nama


class PenanggungJawab(models.Model):
    """A unit answering for an indicator, in the order the decree lists them (Kencong's IKM:
    Seksi Pemerintahan, Seksi Pelayanan Umum, Seksi PMKS, Seksi Trantib). The table is the one
    the unordered relation had; ``urutan`` was added to it."""

    indikator = models.ForeignKey(
        "Indikator",
        on_delete=models.CASCADE,
        related_name="urutan_penanggung_jawab",
        verbose_name="indikator",
    )
    unit_kerja = models.ForeignKey(
        "kecamatan.UnitKerja",
        on_delete=models.CASCADE,
        db_column="unitkerja_id",
        related_name="+",
        verbose_name="unit kerja",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)

    class Meta:
        db_table = "iku_indikator_penanggung_jawab"
        verbose_name = "penanggung jawab indikator"
        verbose_name_plural = "penanggung jawab indikator"
        ordering = ["indikator", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "unit_kerja"], name="penanggung_jawab_unik"
            ),
        ]

    def __str__(self):
        return f"{self.indikator}: {self.unit_kerja}"


class IndikatorQuerySet(models.QuerySet):
    def berlaku(self, *, tahun: int) -> "IndikatorQuerySet":
        """The indicators of the Renstra in force in ``tahun`` (an indicator hangs from a
        tujuan or from a sasaran)."""
        return self.filter(
            berlaku_pada(tahun, jalur="tujuan__renstra")
            | berlaku_pada(tahun, jalur="sasaran__tujuan__renstra")
        )


class Indikator(models.Model):
    class Jenis(models.TextChoices):
        IKU = "iku", "Indikator Kinerja Utama (IKU)"
        LAINNYA = "lainnya", "Indikator Kinerja Lainnya"

    class SkalaKategori(models.TextChoices):
        TIDAK_ADA = "", "Tidak ada"
        IKM = "ikm", "Kategori IKM"
        IPP = "ipp", "Kategori IPP"
        PREDIKAT_SAKIP = "predikat_sakip", "Predikat SAKIP"

    class SumberRealisasi(models.TextChoices):
        """Where the realisasi comes from: typed by the kecamatan, or computed from data the
        system holds (perjanjian.selectors.turunan), which then cannot be typed."""

        DIKETIK = "diketik", "Diketik pada halaman realisasi"
        ANGGARAN = "anggaran", "Dihitung dari realisasi anggaran (serapan pohon anggaran)"
        INDIKATOR_PROGRAM = (
            "indikator_program",
            "Dihitung dari indikator program PK yang tercapai",
        )
        IKM = "ikm", "Dihitung dari Survei Kepuasan Masyarakat (IKM)"
        NILAI_SAKIP = "nilai_sakip", "Dihitung dari LHE AKIP Inspektorat (Nilai SAKIP)"

    tujuan = models.ForeignKey(
        Tujuan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="tujuan",
    )
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="sasaran",
    )
    ukuran = models.ForeignKey(
        Ukuran, on_delete=models.PROTECT, related_name="indikator", verbose_name="ukuran"
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)
    nama = models.CharField("nama indikator", max_length=255)
    satuan = models.CharField("satuan", max_length=50, help_text="mis. %, Indeks, Dokumen")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices, default=Jenis.IKU)
    polaritas = models.CharField(
        "polaritas",
        max_length=10,
        choices=[
            (Polaritas.POSITIF, "Positif (makin tinggi makin baik)"),
            (Polaritas.NEGATIF, "Negatif (makin rendah makin baik)"),
        ],
        default=Polaritas.POSITIF,
    )
    metode_negatif = models.CharField(
        "rumus capaian polaritas negatif",
        max_length=10,
        choices=[
            (MetodeNegatif.SELISIH, "(2 × target − realisasi) / target × 100"),
            (MetodeNegatif.RASIO, "target / realisasi × 100"),
        ],
        default=MetodeNegatif.SELISIH,
    )
    skala_kategori = models.CharField(
        "skala kategori nilai",
        max_length=20,
        choices=SkalaKategori.choices,
        blank=True,
        default=SkalaKategori.TIDAK_ADA,
    )
    sumber_realisasi = models.CharField(
        "sumber realisasi",
        max_length=20,
        choices=SumberRealisasi.choices,
        default=SumberRealisasi.DIKETIK,
        help_text=(
            "Realisasi yang dihitung dari data sistem tidak dapat diketik pada halaman "
            "realisasi maupun impor Excel. Realisasi dicatat per ukuran: bila satu indikator "
            "suatu ukuran dihitung, realisasi ukuran itu pada tahun tersebut dihitung untuk "
            "semua indikatornya."
        ),
    )
    formulasi = models.TextField("formulasi perhitungan", blank=True)
    definisi_operasional = models.TextField("penjelasan / definisi operasional", blank=True)
    penanggung_jawab = models.ManyToManyField(
        "kecamatan.UnitKerja",
        through=PenanggungJawab,
        blank=True,
        related_name="indikator",
        verbose_name="penanggung jawab",
    )
    sumber_data = models.CharField("sumber data", max_length=255, blank=True)
    baseline = models.DecimalField("kondisi awal (baseline)", null=True, blank=True, **NILAI)
    baseline_huruf = models.CharField("huruf baseline", max_length=3, blank=True)
    target_akhir = models.DecimalField("target akhir Renstra", null=True, blank=True, **NILAI)
    target_akhir_huruf = models.CharField("huruf target akhir", max_length=3, blank=True)
    riwayat = HistoricalRecords(m2m_fields=[penanggung_jawab])

    objects = IndikatorQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(tujuan__isnull=False, sasaran__isnull=True)
                    | Q(tujuan__isnull=True, sasaran__isnull=False)
                ),
                name="indikator_milik_tujuan_atau_sasaran",
            ),
            models.CheckConstraint(
                condition=Q(polaritas__in=[p.value for p in Polaritas]),
                name="indikator_polaritas_valid",
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def dihitung(self) -> bool:
        """Its realisasi is computed from data the system holds, never typed."""
        return self.sumber_realisasi != self.SumberRealisasi.DIKETIK

    @property
    def urutan_renstra(self) -> tuple:
        """Its place in the Renstra: tujuan by number, the tujuan's own indicators before its
        sasaran, sasaran by number, then its own order (load tujuan / sasaran__tujuan)."""
        if self.sasaran_id:
            return (self.sasaran.tujuan.nomor, self.sasaran.nomor, self.urutan, self.id)
        return (self.tujuan.nomor, 0, self.urutan, self.id)


class TargetIndikator(Terjaga):
    """The Renstra target of an indicator for a year. The LKIP of a year prints the targets up
    to that year and the Renstra's final one: locked once such an LKIP is approved."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target", verbose_name="indikator"
    )
    tahun = TahunField("tahun")
    nilai = models.DecimalField("target", **NILAI)
    huruf = models.CharField("huruf", max_length=3, blank=True, help_text="mis. B pada B (67)")
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "target indikator"
        verbose_name_plural = "target indikator"
        ordering = ["indikator", "tahun"]
        indexes = [indeks_rentang_tahun("target_tahun_saringan")]  # the admin's year filter
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_satu_per_tahun"),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}: {self.nilai}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # A stored target is changed or removed; a new row is left alone (the indicators of a
        # Renstra revision get theirs; an approved LKIP never printed a missing target).
        lama = list(TargetIndikator.objects.filter(pk=self.pk).values_list("indikator_id", "tahun"))
        if not lama:
            return None
        for indikator_id, tahun in {*lama, (self.indikator_id, self.tahun)}:
            alasan = self.alasan_target(indikator_id, tahun)
            if alasan:
                return alasan
        return None

    @staticmethod
    def alasan_target(indikator_id: int | None, tahun: int | None) -> str | None:
        renstra = (
            Renstra.objects.filter(
                Q(tujuan__indikator__id=indikator_id)
                | Q(tujuan__sasaran__indikator__id=indikator_id)
            )
            .values("kecamatan_id", "tahun_awal", "tahun_akhir")
            .first()
        )
        if not indikator_id or not tahun or renstra is None:
            return None
        ditetapkan = lkip_ditetapkan(
            kecamatan_id=renstra["kecamatan_id"],
            dari_tahun=renstra["tahun_awal"],
            sampai_tahun=renstra["tahun_akhir"],
        )
        mencetak = [(n, t) for n, t in ditetapkan if tahun <= t or tahun == renstra["tahun_akhir"]]
        return pesan_terkunci(mencetak, f"target Renstra tahun {tahun}")


# The columns a decree's lampiran table may have: key → heading when the decree names none.
# Patrang prints five (no number column), Kencong 2021-2026 and Balung six, the Renstra
# 2025-2029 decrees seven (formulasi and definisi apart).
KOLOM_LAMPIRAN = {
    "no": "No",
    "kinerja": "Kinerja Utama",
    "indikator": "Indikator Kinerja Utama",
    "formulasi_penjelasan": "Formulasi Perhitungan dan Penjelasan",
    "formulasi": "Formulasi Pengukuran",
    "definisi": "Definisi Operasional",
    "penanggung_jawab": "Bidang Penanggung Jawab",
    "sumber_data": "Sumber Data",
}
KOLOM_BAKU = {
    "tunggal": [
        ["no", "No"],
        ["kinerja", "Kinerja Utama"],
        ["indikator", "Indikator Kinerja Utama"],
        ["formulasi_penjelasan", "Formulasi Perhitungan dan Penjelasan"],
        ["penanggung_jawab", "Bidang Penanggung Jawab"],
        ["sumber_data", "Sumber Data"],
    ],
    "terpisah": [
        ["no", "No"],
        ["kinerja", "Tujuan / Sasaran"],
        ["indikator", "Indikator"],
        ["formulasi", "Formulasi Pengukuran"],
        ["definisi", "Definisi Operasional"],
        ["sumber_data", "Sumber Data"],
        ["penanggung_jawab", "Penanggung Jawab"],
    ],
}


def validate_kolom_lampiran(nilai) -> None:
    """A list of [key, heading] pairs with known keys, each once, the indicator among them."""
    pesan = (
        "Kolom lampiran harus berupa daftar [kunci, judul] dengan kunci salah satu dari: "
        + ", ".join(KOLOM_LAMPIRAN)
        + "."
    )
    if not isinstance(nilai, list):
        raise ValidationError(pesan)
    kunci = []
    for k in nilai:
        if not (isinstance(k, list | tuple) and len(k) == 2 and k[0] in KOLOM_LAMPIRAN):
            raise ValidationError(pesan)
        if not isinstance(k[1], str) or not k[1].strip():
            raise ValidationError(f"Kolom lampiran {k[0]!r} belum diberi judul.")
        kunci.append(k[0])
    if len(set(kunci)) != len(kunci):
        raise ValidationError("Setiap kolom lampiran hanya boleh muncul sekali.")
    if nilai and "indikator" not in kunci:
        raise ValidationError("Kolom lampiran harus memuat kolom indikator.")


class KeputusanIKU(Terjaga):
    """Keputusan Camat on the IKU of a Renstra (the decree and its lampiran)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    class TataLetak(models.TextChoices):
        TUNGGAL = "tunggal", "Satu tabel IKU (seperti Patrang, Balung)"
        TERPISAH = (
            "terpisah",
            "Lampiran 1 IKU dan Lampiran 2 Indikator Kinerja Lainnya (seperti Panti)",
        )

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="keputusan_iku",
        verbose_name="kecamatan",
    )
    renstra = models.ForeignKey(
        Renstra, on_delete=models.PROTECT, related_name="keputusan_iku", verbose_name="Renstra"
    )
    nomor = models.CharField("nomor", max_length=100, help_text="mis. 000.8.6.3/22/35.09.02/2025")
    tentang = models.CharField("tentang", max_length=255, default="Indikator Kinerja Utama")
    tempat = models.CharField("ditetapkan di", max_length=100)
    tanggal = models.DateField("tanggal penetapan", null=True, blank=True)
    menimbang = models.TextField("menimbang", help_text="Satu butir per baris.")
    mengingat = models.TextField("mengingat", help_text="Satu butir per baris.")
    tata_letak = models.CharField(
        "tata letak lampiran", max_length=10, choices=TataLetak.choices, default=TataLetak.TUNGGAL
    )
    tembusan = models.TextField(
        "salinan disampaikan kepada", blank=True, help_text="Satu per baris."
    )
    kolom_lampiran = models.JSONField(
        "kolom tabel lampiran",
        default=list,
        blank=True,
        validators=[validate_kolom_lampiran],
        help_text=(
            "Kolom tabel lampiran menurut keputusan ini, berurutan: [kunci, judul]. Kosong: "
            "kolom baku tata letaknya."
        ),
    )
    halaman_iku = models.BooleanField(
        "halaman IKU (instansi, tugas, fungsi, tujuan)",
        default=False,
        help_text="Cetak halaman instansi, tugas, fungsi dan tujuan sebelum tabel IKU "
        "(seperti Patrang dan Kencong 2021-2026).",
    )
    tugas = models.TextField(
        "tugas kecamatan menurut keputusan ini",
        blank=True,
        help_text="Satu butir per baris. Kosong: tugas pada profil kecamatan tahun itu.",
    )
    fungsi = models.TextField(
        "fungsi kecamatan menurut keputusan ini",
        blank=True,
        help_text="Satu butir per baris. Kosong: fungsi pada profil kecamatan tahun itu.",
    )
    penutup = models.TextField(
        "uraian penutup lampiran",
        blank=True,
        help_text="Dicetak setelah tabel lampiran, mis. pembagian tujuan dan sasaran NON RUTIN "
        "dan RUTIN (seperti Balung). Satu butir per baris.",
    )
    penandatangan_nama = models.CharField("nama penandatangan", max_length=150)
    penandatangan_jabatan = models.CharField("jabatan penandatangan", max_length=150)
    penandatangan_pangkat = models.CharField("pangkat / golongan", max_length=100, blank=True)
    penandatangan_nip = models.CharField(
        "NIP penandatangan", max_length=18, blank=True, validators=[validate_nip]
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "keputusan IKU"
        verbose_name_plural = "keputusan IKU"
        ordering = ["kecamatan", "-tanggal"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "nomor"], name="keputusan_nomor_unik"),
            models.CheckConstraint(
                condition=nip_valid_or_blank("penandatangan_nip"),
                name="keputusan_nip_18_angka",
            ),
        ]

    def __str__(self):
        return f"Keputusan Camat {self.kecamatan.nama} Nomor {self.nomor}"

    PESAN_TERKUNCI = "Keputusan yang sudah ditetapkan tidak dapat diubah atau dihapus."

    @property
    def alur(self) -> Alur:
        return ALUR_KEPUTUSAN

    @property
    def nama_alur(self) -> str:
        return f"Keputusan IKU Nomor {self.nomor}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return KeputusanIKU.alasan_keputusan(self.pk)

    @classmethod
    def alasan_keputusan(cls, pk: int | None) -> str | None:
        """Why the stored decree ``pk`` and its parts (diktum, lampiran) are locked: it is
        ditetapkan. None while it is a draft."""
        if pk and cls.objects.filter(pk=pk, status=cls.Status.DITETAPKAN).exists():
            return cls.PESAN_TERKUNCI
        return None

    @classmethod
    def terkunci(cls, pk: int | None) -> bool:
        return cls.alasan_keputusan(pk) is not None


# The IKU decree: draft → ditetapkan by the camat, then locked; a new decree replaces it.
ALUR_KEPUTUSAN = Alur(
    nama="Keputusan IKU",
    status=KeputusanIKU.Status,
    transisi={("draft", "tetapkan"): "ditetapkan"},
    aksi={"tetapkan": "ditetapkan"},
    catatan={"ditetapkan": "Keputusan ini sudah ditetapkan."},
)


class BagianKeputusan(Terjaga):
    """A part of a decree (diktum, lampiran row): locked with the decree."""

    class Meta:
        abstract = True

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return KeputusanIKU.alasan_keputusan(self.keputusan_id)


class Diktum(BagianKeputusan):
    """KESATU, KEDUA …: the label follows from the order."""

    keputusan = models.ForeignKey(
        KeputusanIKU, on_delete=models.CASCADE, related_name="diktum", verbose_name="keputusan"
    )
    urutan = models.PositiveSmallIntegerField("urutan")
    isi = models.TextField("isi", help_text="Butir rincian ditulis satu per baris.")

    class Meta:
        verbose_name = "diktum"
        verbose_name_plural = "diktum"
        ordering = ["keputusan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["keputusan", "urutan"], name="diktum_urutan_unik"),
        ]

    LABEL = (
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "KELIMA",
        "KEENAM",
        "KETUJUH",
        "KEDELAPAN",
        "KESEMBILAN",
        "KESEPULUH",
    )

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return (
            self.LABEL[self.urutan - 1] if 1 <= self.urutan <= len(self.LABEL) else str(self.urutan)
        )


class IndikatorKeputusan(BagianKeputusan):
    """An indicator listed in a decree's lampiran (1 = IKU, 2 = Indikator Kinerja Lainnya)."""

    keputusan = models.ForeignKey(
        KeputusanIKU,
        on_delete=models.CASCADE,
        related_name="indikator_lampiran",
        verbose_name="keputusan",
    )
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.PROTECT,
        related_name="lampiran_keputusan",
        verbose_name="indikator",
    )
    lampiran = models.PositiveSmallIntegerField(
        "lampiran",
        choices=[(1, "Lampiran 1 — IKU"), (2, "Lampiran 2 — Indikator Kinerja Lainnya")],
        default=1,
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=1)

    class Meta:
        verbose_name = "indikator dalam keputusan"
        verbose_name_plural = "indikator dalam keputusan"
        ordering = ["keputusan", "lampiran", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["keputusan", "indikator"], name="keputusan_indikator_unik"
            ),
            models.CheckConstraint(
                condition=Q(lampiran__in=[1, 2]), name="keputusan_lampiran_1_atau_2"
            ),
        ]

    def __str__(self):
        return f"{self.indikator} (lampiran {self.lampiran})"
