"""The yearly promise (Perjanjian Kinerja), the budget tree and what was achieved.

Budgets are stored on the sub kegiatan only: a kegiatan's and a program's pagu and realisasi
are sums, never typed, so Tabel 2.7, 2.8, 2.9, 3.7, 3.12 and 3.13 of an LKIP cannot disagree.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from iku.models import Indikator
from iku.selectors import kecamatan_sasaran
from kecamatan.selectors import lkip_ditetapkan, pesan_terkunci
from sakip.alur import Alur
from sakip.format_id import format_angka
from sakip.kinerja import JenisBelanja
from sakip.penguncian import Terjaga
from sakip.tahun import TahunField, indeks_rentang_tahun
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
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="perjanjian",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun")
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
        help_text="Alasan camat mengembalikan PK ke draf; dilihat operator.",
    )
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["kecamatan", "-tahun", "jenis"]
        indexes = [indeks_rentang_tahun("perjanjian_tahun_saringan")]  # the admin's year filter
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
    PESAN_DIAJUKAN = (
        "Perjanjian Kinerja yang sudah diajukan tidak dapat diubah; minta camat "
        "mengembalikannya ke draf."
    )

    # The budget column each kind of PK promises: the first PK the budget before the change,
    # the PK Perubahan (signed on the P-APBD / DPPA) the budget after it. Read it through
    # ``kolom_pagu_untuk``; the guard, the budget page, the PK page, the Excel import and the
    # printed documents all do.
    KOLOM_PAGU = {Jenis.AWAL: "pagu_awal", Jenis.PERUBAHAN: "pagu_perubahan"}

    @classmethod
    def kolom_pagu_untuk(cls, jenis: str) -> str:
        """Which budget column a PK of this ``jenis`` promises."""
        return cls.KOLOM_PAGU[cls.Jenis(jenis)]

    @property
    def kolom_pagu(self) -> str:
        return self.kolom_pagu_untuk(self.jenis)

    @property
    def label_pagu(self) -> str:
        """ "Pagu sebelum perubahan" / "Pagu sesudah perubahan": the promised column's name."""
        return SubKegiatan._meta.get_field(self.kolom_pagu).verbose_name.capitalize()

    # --- workflow: draft → diajukan → ditetapkan, or back to draft (camat or Bappeda) ------
    @property
    def alur(self) -> Alur:
        return ALUR_PERJANJIAN[self.jenis]

    @property
    def nama_alur(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun}"

    # --- locks ---------------------------------------------------------------------------
    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return PerjanjianKinerja.alasan_perjanjian(self.pk)

    @classmethod
    def alasan_perjanjian(cls, pk: int | None) -> str | None:
        """Why the stored PK ``pk`` and all it promises (targets, program indicators) are
        locked: it is ditetapkan. None while it is open. Its parts' guards call this."""
        if pk and cls.objects.filter(pk=pk, status=cls.Status.DITETAPKAN).exists():
            return cls.PESAN_TERKUNCI
        return None

    @classmethod
    def terkunci(cls, pk: int | None) -> bool:
        """Whether the stored row (not the object in memory) is ditetapkan."""
        return cls.alasan_perjanjian(pk) is not None

    def alasan_tidak_dapat_diubah(self) -> str | None:
        """Why the kecamatan cannot edit this PK as read (its status in memory): locked once
        ditetapkan, and waiting for the camat while diajukan. None for a draft."""
        if self.status == self.Status.DITETAPKAN:
            return self.PESAN_TERKUNCI
        if self.status == self.Status.DIAJUKAN:
            return self.PESAN_DIAJUKAN
        return None

    @property
    def ditetapkan(self) -> bool:
        return self.status == self.Status.DITETAPKAN


_TRANSISI_PERJANJIAN = {
    ("draft", "ajukan"): "diajukan",
    ("diajukan", "tetapkan"): "ditetapkan",
    ("diajukan", "kembalikan"): "draft",  # by the camat, with a comment
    ("diajukan", "kembalikan_bappeda"): "draft",  # by Bappeda, with a comment
}
_AKSI_PERJANJIAN = {
    "ajukan": "diajukan",
    "tetapkan": "ditetapkan",
    "kembalikan": "dikembalikan ke draf",
    "kembalikan_bappeda": "dikembalikan ke draf oleh Bappeda",
}
_CATATAN_PERJANJIAN = {
    "ditetapkan": PerjanjianKinerja.PESAN_TERKUNCI,
    "draft": "Halaman ini mungkin sudah usang, muat ulang.",
    "diajukan": "Halaman ini mungkin sudah usang, muat ulang.",
}
# The PK and the PK Perubahan walk the same steps; each kind has its own table so a message
# names the document the user is looking at.
ALUR_PERJANJIAN = {
    jenis: Alur(
        nama=PerjanjianKinerja.Jenis(jenis).label,
        status=PerjanjianKinerja.Status,
        transisi=_TRANSISI_PERJANJIAN,
        aksi=_AKSI_PERJANJIAN,
        catatan=_CATATAN_PERJANJIAN,
    )
    for jenis in PerjanjianKinerja.Jenis.values
}


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

    # The order of one kecamatan's year of targets: Meta.ordering's within one kecamatan and
    # year. Meta.ordering goes through the PK's own, which joins the kecamatan and kabupaten
    # to sort by their names: a fifth of a realisasi page's query compilation, and two joins.
    URUTAN_SETAHUN = ("perjanjian__jenis", "perjanjian_id", "urutan")

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

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return PerjanjianKinerja.alasan_perjanjian(self.perjanjian_id)


class Program(Terjaga):
    """A program of the kecamatan's budget (DPA) of one year, with the sasaran it supports and
    its narratives (BAB III of the LKIP): locked with the approved LKIP of its year."""

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="program",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun anggaran")
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

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        lama = Program.objects.filter(pk=self.pk).values_list("kecamatan_id", "tahun")
        for kecamatan_id, tahun in [*lama, (self.kecamatan_id, self.tahun)]:
            if kecamatan_id and tahun:
                alasan = pesan_terkunci(
                    lkip_ditetapkan(kecamatan_id=kecamatan_id, tahun=tahun),
                    f"program {self.kode} beserta narasinya",
                )
                if alasan:
                    return alasan
        return None


class Kegiatan(models.Model):
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="kegiatan", verbose_name="program"
    )
    kode = models.CharField("kode", max_length=30)
    nama = models.CharField("nama kegiatan", max_length=255)
    # A kegiatan may serve another sasaran than its program's siblings; without a link of its
    # own it serves all its program's sasaran (perjanjian.selectors.PohonAnggaran.untuk_sasaran).
    sasaran = models.ManyToManyField(
        "iku.Sasaran",
        blank=True,
        related_name="kegiatan",
        verbose_name="sasaran yang didukung",
        help_text="Kosongkan bila kegiatan ini mendukung semua sasaran programnya.",
    )
    riwayat = HistoricalRecords(m2m_fields=[sasaran])

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
    # Rupiah as people type them (sakip.isian.kolom_rupiah: the admin reads them like the pages).
    KOLOM_RUPIAH = ("pagu_awal", "pagu_pergeseran", "pagu_perubahan")
    pagu_awal = models.DecimalField("pagu sebelum perubahan", default=0, **UANG)
    pagu_pergeseran = models.DecimalField("pagu setelah pergeseran", null=True, blank=True, **UANG)
    pagu_perubahan = models.DecimalField("pagu sesudah perubahan", null=True, blank=True, **UANG)
    jenis_belanja = models.CharField(
        "jenis belanja",
        max_length=16,
        blank=True,
        choices=[
            (JenisBelanja.OPERASI, "Belanja operasi"),
            (JenisBelanja.MODAL, "Belanja modal"),
            (JenisBelanja.LANGSUNG, "Belanja langsung"),
            (JenisBelanja.TIDAK_LANGSUNG, "Belanja tidak langsung"),
        ],
        help_text=(
            "Belanja operasi / modal (Permendagri 90/2019); anggaran lama: belanja langsung / "
            "tidak langsung. Dicetak sebagai rincian anggaran LKIP."
        ),
    )
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="sub_kegiatan_kode_unik"),
            models.CheckConstraint(
                condition=Q(jenis_belanja__in=["", *(j.value for j in JenisBelanja)]),
                name="sub_kegiatan_jenis_belanja_sah",
            ),
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

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        """The budget column a ditetapkan PK promises cannot change (nor go with a delete);
        the kind of spending is printed in the approved LKIP of the year."""
        alasan = self._alasan_jenis_belanja(hapus=hapus)
        if alasan:
            return alasan
        dapat_dijanjikan = PerjanjianKinerja.KOLOM_PAGU.values()
        if hapus:
            # the amount would leave the total
            berubah = [k for k in dapat_dijanjikan if getattr(self, k)]
        else:
            lama = SubKegiatan.objects.filter(pk=self.pk).first() if self.pk else None
            berubah = [
                k
                for k in dapat_dijanjikan
                if ((getattr(lama, k) if lama else 0) or 0) != (getattr(self, k) or 0)
            ]
        if not berubah:
            return None
        program = Program.objects.only("kecamatan_id", "tahun").get(kegiatan__id=self.kegiatan_id)
        dijanjikan = SubKegiatan.pagu_dijanjikan(
            kecamatan_id=program.kecamatan_id, tahun=program.tahun
        )
        for kolom in berubah:
            if kolom in dijanjikan:
                label = self._meta.get_field(kolom).verbose_name
                return (
                    f"{label.capitalize()} sudah dijanjikan dalam {dijanjikan[kolom]} yang "
                    "ditetapkan dan tidak dapat diubah."
                )
        return None

    def _alasan_jenis_belanja(self, *, hapus: bool) -> str | None:
        if hapus or not self.pk:
            return None
        lama = SubKegiatan.objects.filter(pk=self.pk).values_list("jenis_belanja", flat=True)
        if not lama or lama[0] == self.jenis_belanja:
            return None
        program = Program.objects.only("kecamatan_id", "tahun").get(kegiatan__id=self.kegiatan_id)
        return pesan_terkunci(
            lkip_ditetapkan(kecamatan_id=program.kecamatan_id, tahun=program.tahun),
            f"jenis belanja sub kegiatan {self.kode}",
        )

    @classmethod
    def pagu_dijanjikan(cls, *, kecamatan_id: int, tahun: int) -> dict[str, str]:
        """The budget columns of the year that a ditetapkan PK has promised, each with that
        PK ({"pagu_awal": "Perjanjian Kinerja 2025"}); one query. The guard above and the
        budget page, form and Excel import (perjanjian.selectors.kunci_anggaran) read it."""
        return {
            PerjanjianKinerja.kolom_pagu_untuk(jenis): (
                f"{PerjanjianKinerja.Jenis(jenis).label} {tahun}"
            )
            for jenis in PerjanjianKinerja.objects.filter(
                kecamatan_id=kecamatan_id, tahun=tahun, status=PerjanjianKinerja.Status.DITETAPKAN
            ).values_list("jenis", flat=True)
        }


class RealisasiAnggaran(Terjaga):
    sub_kegiatan = models.ForeignKey(
        SubKegiatan,
        on_delete=models.CASCADE,
        related_name="realisasi",
        verbose_name="sub kegiatan",
    )
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    KOLOM_RUPIAH = ("jumlah",)  # sakip.isian.kolom_rupiah
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

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        program = Program.objects.only("kecamatan_id", "tahun").get(
            kegiatan__sub_kegiatan__id=self.sub_kegiatan_id
        )
        # The year's approved LKIP printed its budget realisasi.
        alasan_lkip = PelaporanRealisasi.alasan_lkip(program.kecamatan_id, program.tahun)
        if alasan_lkip:
            return alasan_lkip
        tertutup = RealisasiAnggaran.periode_tertutup(
            kecamatan_id=program.kecamatan_id, tahun=program.tahun
        )
        status, alasan = tertutup.get(self.periode, (None, None))
        return alasan if status == PelaporanRealisasi.Status.DIVERIFIKASI else None

    @staticmethod
    def periode_tertutup(
        *, kecamatan_id: int, tahun: int, status: dict[str, str] | None = None
    ) -> dict[str, tuple[str, str]]:
        """Period → (status, reason) for each period whose budget realisasi cannot change
        now (one query; none when the page has read the year's ``status`` per period
        already). A period's budget realisasi is part of its report: closed while it
        is diajukan to Bappeda, locked once verified (the guard above refuses that one; the
        service, the page, its form and the Excel import read both). A quarter is also closed
        with the Tahunan report: where no annual figure is typed, the year's budget realisasi
        is the quarters' sum (sakip.kinerja.realisasi_anggaran_tahunan)."""
        s = PelaporanRealisasi.Status
        if status is None:
            status = dict(
                PelaporanRealisasi.objects.filter(
                    kecamatan_id=kecamatan_id,
                    tahun=tahun,
                    status__in=(s.DIAJUKAN, s.DIVERIFIKASI),
                ).values_list("periode", "status")
            )
        tahunan = Periode.TAHUNAN.value
        hasil = {}
        for periode in Periode.values:
            urutan = [(periode, s.DIVERIFIKASI), (tahunan, s.DIVERIFIKASI)]
            urutan += [(periode, s.DIAJUKAN), (tahunan, s.DIAJUKAN)]
            for asal, st in urutan:
                if status.get(asal) != st:
                    continue
                label = f"{Periode(asal).label} {tahun}"
                if st == s.DIVERIFIKASI:
                    alasan = (
                        f"Realisasi {label} sudah diverifikasi Bappeda. Realisasi anggaran "
                        "periode ini ikut diverifikasi dan terkunci bersama realisasi "
                        "indikatornya; bila perlu diubah, Bappeda dapat membuka kembali "
                        f"periode {Periode(asal).label}."
                    )
                else:
                    alasan = (
                        f"Realisasi {label} sedang diajukan ke Bappeda; realisasi anggaran "
                        "periode ini ikut diperiksa dan tidak dapat diubah sampai diverifikasi "
                        "atau dikembalikan."
                    )
                if asal != periode:
                    alasan += (
                        " Realisasi anggaran tahunan dihitung dari triwulan bila angka "
                        "tahunannya kosong, sehingga triwulan ikut tertutup."
                    )
                hasil[periode] = (st, alasan)
                break
        return hasil


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
    # The same sources as a PK indicator's (Indikator.SumberRealisasi, one list): a derived
    # realisasi is computed by perjanjian.selectors.turunan and never typed (issue 11).
    sumber_realisasi = models.CharField(
        "sumber realisasi",
        max_length=20,
        choices=Indikator.SumberRealisasi.choices,
        default=Indikator.SumberRealisasi.DIKETIK,
        help_text=(
            "Realisasi yang dihitung dari data sistem tidak dapat diketik. Realisasi anggaran: "
            "serapan seluruh pohon anggaran kecamatan tahun itu; indikator program: bagian "
            "indikator tingkat program PK yang sama yang tercapai (tanpa indikator yang "
            "dihitung dengan cara ini sendiri)."
        ),
    )
    riwayat = HistoricalRecords()
    # The computed value of a derived indicator, set by the selector that lists them
    # (perjanjian.selectors.tahun.indikator_program_pk); read through realisasi_berlaku.
    turunan = None

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

    @property
    def dihitung(self) -> bool:
        """Its realisasi is computed from data the system holds, never typed."""
        return self.sumber_realisasi != Indikator.SumberRealisasi.DIKETIK

    @property
    def realisasi_berlaku(self) -> Decimal | None:
        """The realisasi every page and document reads: the computed one of a derived
        indicator (None until the selector computed it: never the stored number), else the
        typed one."""
        if self.dihitung:
            return self.turunan.angka if self.turunan is not None else None
        return self.realisasi

    def clean(self):
        super().clean()
        if self.dihitung and self.realisasi is not None:
            raise ValidationError(
                {
                    "realisasi": f"Realisasi indikator ini tidak diketik: "
                    f"{self.get_sumber_realisasi_display().lower()}. Kosongkan."
                }
            )

    # What the PK promises; the realisasi is only known at the end of the year and stays open
    # until Bappeda verifies the year's realisasi.
    DIJANJIKAN = ("program_id", "kegiatan_id", "sub_kegiatan_id", "uraian", "satuan", "target")

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        alasan = PerjanjianKinerja.alasan_perjanjian(self.perjanjian_id)
        if hapus:
            return alasan
        lama = IndikatorProgram.objects.filter(pk=self.pk).first() if self.pk else None
        if alasan and (
            lama is None or any(getattr(lama, f) != getattr(self, f) for f in self.DIJANJIKAN)
        ):
            return alasan
        if lama is not None and lama.realisasi != self.realisasi:
            perjanjian = PerjanjianKinerja.objects.only("kecamatan_id", "tahun").get(
                pk=self.perjanjian_id
            )
            return PelaporanRealisasi.alasan_periode(
                perjanjian.kecamatan_id, perjanjian.tahun, Periode.TAHUNAN
            )
        return None


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
    tahun = TahunField("tahun")
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
        indexes = [indeks_rentang_tahun("realisasi_tahun_saringan")]  # the admin's year filter
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "ukuran", "tahun", "periode"],
                name="realisasi_satu_per_periode",
            ),
        ]

    def __str__(self):
        return f"{self.ukuran} {self.tahun} {self.get_periode_display()}: {self.nilai}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        return PelaporanRealisasi.alasan_periode(self.kecamatan_id, self.tahun, self.periode)


class PelaporanRealisasi(Terjaga):
    """The state of a kecamatan's realisasi for one period (its indicators and its budget
    realisasi): draft → diajukan → diverifikasi or dikembalikan (by Bappeda, with a comment
    the kecamatan sees). Verified values are locked until Bappeda reopens the period with a
    reason; no row means draft."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    kecamatan = models.ForeignKey(
        "kecamatan.Kecamatan",
        on_delete=models.PROTECT,
        related_name="pelaporan_realisasi",
        verbose_name="kecamatan",
    )
    tahun = TahunField("tahun")
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    komentar = models.TextField("komentar verifikator", blank=True)
    riwayat = HistoricalRecords()

    class Meta:
        verbose_name = "pelaporan realisasi"
        verbose_name_plural = "pelaporan realisasi"
        ordering = ["kecamatan", "-tahun", "periode"]
        indexes = [indeks_rentang_tahun("pelaporan_tahun_saringan")]  # the admin's year filter
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "tahun", "periode"], name="pelaporan_satu_per_periode"
            ),
        ]

    def __str__(self):
        return f"Realisasi {self.get_periode_display()} {self.tahun}: {self.get_status_display()}"

    @property
    def alur(self) -> Alur:
        return ALUR_PELAPORAN

    @property
    def nama_alur(self) -> str:
        return f"Realisasi {Periode(self.periode).label} {self.tahun}"

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        # A verification is taken back only by Bappeda reopening the period with a reason
        # (perjanjian.services.realisasi.realisasi_buka_kembali, through the transition
        # table), and only while no approved LKIP printed it; never through the admin.
        if not hapus and self.transisi_berjalan == ("diverifikasi", "buka_kembali"):
            return self.alasan_tidak_dapat_dibuka()
        # The year's approved LKIP printed these values: no period of it moves any more.
        alasan = PelaporanRealisasi.alasan_lkip(self.kecamatan_id, self.tahun)
        if alasan:
            return alasan
        if (
            self.pk
            and PelaporanRealisasi.objects.filter(
                pk=self.pk, status=self.Status.DIVERIFIKASI
            ).exists()
        ):
            return (
                f"Realisasi {self.get_periode_display()} {self.tahun} sudah diverifikasi; "
                "statusnya tidak dapat diubah atau dihapus."
            )
        return None

    def alasan_tidak_dapat_dibuka(self) -> str | None:
        """Why Bappeda cannot reopen this verified period: the LKIP of the year is approved
        and printed its values. None when it may be reopened. The guard above, the service
        and the page (which hides the button and says why) all ask this."""
        # The LKIP's own rule, registered by laporan (kecamatan.penetapan).
        if lkip_ditetapkan(kecamatan_id=self.kecamatan_id, tahun=self.tahun):
            return (
                f"LKIP {self.tahun} sudah ditetapkan camat dan memuat realisasi "
                f"{Periode(self.periode).label} {self.tahun}; periode ini tidak dapat dibuka "
                "kembali. Perubahan hanya melalui versi LKIP baru yang dibuka camat."
            )
        return None

    def alasan_isian(self) -> str | None:
        """Why the kecamatan cannot change the period's values as read (status in memory):
        verified (locked for everyone) or waiting for Bappeda. None while it is editable."""
        if self.status == self.Status.DIVERIFIKASI:
            return self.pesan_terverifikasi(self.tahun, self.periode)
        if self.status == self.Status.DIAJUKAN:
            return (
                f"Realisasi {Periode(self.periode).label} {self.tahun} sedang diajukan ke "
                "Bappeda dan tidak dapat diubah sampai diverifikasi atau dikembalikan."
            )
        return None

    @staticmethod
    def pesan_terverifikasi(tahun: int, periode: str) -> str:
        return (
            f"Realisasi {Periode(periode).label} {tahun} sudah diverifikasi Bappeda dan "
            "tidak dapat diubah."
        )

    @classmethod
    def periode_terverifikasi(cls, *, kecamatan_id: int, tahun: int) -> list[str]:
        """The verified periods of a year (one query): their values are locked."""
        return list(
            cls.objects.filter(
                kecamatan_id=kecamatan_id, tahun=tahun, status=cls.Status.DIVERIFIKASI
            )
            .order_by("periode")
            .values_list("periode", flat=True)
        )

    @classmethod
    def alasan_periode(cls, kecamatan_id: int, tahun: int, periode: str) -> str | None:
        """Why the values of a period (realisasi, budget realisasi) are locked: verified."""
        if periode in cls.periode_terverifikasi(kecamatan_id=kecamatan_id, tahun=tahun):
            return cls.pesan_terverifikasi(tahun, periode)
        return cls.alasan_lkip(kecamatan_id, tahun)

    @staticmethod
    def alasan_lkip(kecamatan_id: int | None, tahun: int | None) -> str | None:
        """Why a year's realisasi (every period, budget realisasi too) cannot change: the
        kecamatan's LKIP of that year, which printed it, is approved."""
        if not kecamatan_id or not tahun:
            return None
        return pesan_terkunci(
            lkip_ditetapkan(kecamatan_id=kecamatan_id, tahun=tahun), f"realisasi tahun {tahun}"
        )


# Realisasi of a period: draft → diajukan → diverifikasi or dikembalikan; dikembalikan →
# diajukan again; diverifikasi → dikembalikan when Bappeda reopens it. No row in the
# database means draft.
ALUR_PELAPORAN = Alur(
    nama="Realisasi",
    status=PelaporanRealisasi.Status,
    transisi={
        ("draft", "ajukan"): "diajukan",
        ("dikembalikan", "ajukan"): "diajukan",
        ("diajukan", "verifikasi"): "diverifikasi",
        ("diajukan", "kembalikan"): "dikembalikan",
        # Bappeda reopens a verified period, with a reason: the kecamatan corrects it and
        # submits again (refused by the guard once an approved LKIP printed it).
        ("diverifikasi", "buka_kembali"): "dikembalikan",
    },
    aksi={
        "ajukan": "diajukan",
        "verifikasi": "diverifikasi",
        "kembalikan": "dikembalikan",
        "buka_kembali": "dibuka kembali",
    },
    catatan={
        "draft": "Hanya realisasi yang diajukan yang dapat diverifikasi atau dikembalikan.",
        "dikembalikan": "Perbaiki lalu ajukan lagi.",
        "diverifikasi": "Nilai yang sudah diverifikasi terkunci.",
    },
)


class NarasiSasaran(Terjaga):
    """What the kecamatan writes about a sasaran in a year: it is not derived from data."""

    sasaran = models.ForeignKey(
        "iku.Sasaran", on_delete=models.CASCADE, related_name="narasi", verbose_name="sasaran"
    )
    tahun = TahunField("tahun")
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

    def alasan_terkunci(self, *, hapus: bool = False) -> str | None:
        """The narratives are part of the LKIP: locked with it once the camat approves it."""
        # The LKIP's own rule, registered by laporan (kecamatan.penetapan).
        kecamatan = kecamatan_sasaran(sasaran_id=self.sasaran_id)
        if lkip_ditetapkan(kecamatan_id=kecamatan.pk, tahun=self.tahun):
            return f"LKIP {self.tahun} sudah ditetapkan; narasinya tidak dapat diubah lagi."
        return None


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
    tahun = TahunField("tahun")
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
