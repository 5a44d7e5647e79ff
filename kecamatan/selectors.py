"""Reads of the kecamatan app that other apps use: the kecamatan a user sees, who signs for
a kecamatan, its units and yearly profile, the rating scales in force. The apps above call
these rather than querying the kecamatan models, so each read has one owner here."""

import datetime
import enum
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet

from sakip import kinerja, konkurensi

from .models import (
    IsuStrategis,
    Kecamatan,
    KomposisiSDM,
    Pejabat,
    PemakaianSkala,
    Pengguna,
    ProfilTahunan,
    SaranaPrasarana,
    SkalaPenilaian,
    UnitKerja,
)
from .models.skala import BAWAAN_PER_JENIS

# Is an LKIP approved (laporan's rule, registered in kecamatan.penetapan): the models of iku
# and perjanjian ask it for what an approved LKIP printed from them.
from .penetapan import lkip_ditetapkan as lkip_ditetapkan
from .penetapan import pesan_terkunci as pesan_terkunci


class Jabatan(enum.Enum):
    """The offices a document's default signatory is taken from."""

    CAMAT = "camat"  # the kecamatan's pejabat
    BUPATI = "bupati"  # the kabupaten's pejabat (no kecamatan)
    KEPALA_BAPPEDA = "kepala_bappeda"  # the kabupaten's pejabat who verifies a Renstra (TC 25)


# A pejabat holds the office when the jabatan starts with one of these (any case): the
# acting heads sign as well (Plt. Bupati Jember signed Kencong's PK 2025).
AWALAN_JABATAN = {
    Jabatan.CAMAT: ("camat", "plt. camat", "plh. camat", "pj. camat"),
    Jabatan.BUPATI: ("bupati", "plt. bupati", "plh. bupati", "pj. bupati", "penjabat bupati"),
    Jabatan.KEPALA_BAPPEDA: (
        "kepala bappeda",
        "plt. kepala bappeda",
        "plh. kepala bappeda",
        "kepala badan perencanaan",
        "plt. kepala badan perencanaan",
    ),
}


def _pejabat_jabatan(*, kecamatan: Kecamatan, jabatan: Jabatan) -> QuerySet[Pejabat]:
    kondisi = Q()
    for awalan in AWALAN_JABATAN[jabatan]:
        kondisi |= Q(jabatan__istartswith=awalan)
    if jabatan is Jabatan.CAMAT:
        return Pejabat.objects.filter(kondisi, kecamatan=kecamatan)
    return Pejabat.objects.filter(kondisi, kabupaten_id=kecamatan.kabupaten_id, kecamatan=None)


def _jarak(pejabat: Pejabat, tanggal: datetime.date) -> int:
    """Days between ``tanggal`` and the pejabat's period (0 inside it)."""
    if pejabat.mulai and tanggal < pejabat.mulai:
        return (pejabat.mulai - tanggal).days
    if pejabat.selesai and tanggal > pejabat.selesai:
        return (tanggal - pejabat.selesai).days
    return 0


def pejabat_menjabat(
    *, kecamatan: Kecamatan, jabatan: Jabatan, tanggal: datetime.date
) -> Pejabat | None:
    """The camat of ``kecamatan`` (or the bupati of its kabupaten) in office on ``tanggal``:
    the one rule every default signatory comes from (PK pihak pertama and pihak kedua, the
    IKU decree's and the LKIP's signatory).

    In office: started on or before ``tanggal`` and not ended before it (an empty start or
    end is open). Of several, the latest start wins (an acting head recorded without an end),
    then the last recorded. When nobody was in office that day (a date between two terms),
    the one whose term in the same year is nearest to it; never someone of another year (a
    2021 PK must not propose the bupati of 2025): then None."""
    semua = _pejabat_jabatan(kecamatan=kecamatan, jabatan=jabatan)
    menjabat = (
        semua.filter(Q(mulai__isnull=True) | Q(mulai__lte=tanggal))
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .order_by(F("mulai").desc(nulls_last=True), "-id")
        .first()
    )
    if menjabat is not None:
        return menjabat
    awal, akhir = datetime.date(tanggal.year, 1, 1), datetime.date(tanggal.year, 12, 31)
    tahun_itu = semua.filter(
        Q(mulai__isnull=True) | Q(mulai__lte=akhir), Q(selesai__isnull=True) | Q(selesai__gte=awal)
    ).order_by("id")
    return min(tahun_itu, key=lambda p: _jarak(p, tanggal), default=None)


class Dokumen(enum.Enum):
    """The signed documents whose defaults are computed here."""

    PK_AWAL = "pk_awal"
    PK_PERUBAHAN = "pk_perubahan"
    KEPUTUSAN = "keputusan"
    LKIP = "lkip"


# When today is not in a document's year, its usual date there: (years after the document's
# year, month, day). A PK is signed at the start of the year it promises, a PK Perubahan
# after the budget change (P-APBD), an IKU decree at the start of its Renstra's period, an
# LKIP in the first months after the year it reports on.
TANGGAL_LAZIM = {
    Dokumen.PK_AWAL: (0, 1, 2),
    Dokumen.PK_PERUBAHAN: (0, 10, 1),
    Dokumen.KEPUTUSAN: (0, 1, 2),
    Dokumen.LKIP: (1, 2, 28),
}


def tanggal_bawaan(
    *,
    dokumen: Dokumen,
    tahun: int,
    sampai: int | None = None,
    hari_ini: datetime.date | None = None,
) -> datetime.date:
    """The date a new document of ``tahun`` is proposed with: today when today falls in the
    year it is signed in, else its usual date in that year (``TANGGAL_LAZIM``) — never today
    in a past year. A decree belongs to its Renstra's years ``tahun``..``sampai``: today when
    today falls in them, else the usual date in the nearest of them."""
    hari_ini = hari_ini or datetime.date.today()
    geser, bulan, hari = TANGGAL_LAZIM[dokumen]
    akhir = tahun if sampai is None else max(tahun, sampai)
    tahun_tanda_tangan = min(max(hari_ini.year - geser, tahun), akhir) + geser
    if hari_ini.year == tahun_tanda_tangan:
        return hari_ini
    return datetime.date(tahun_tanda_tangan, bulan, hari)


def tempat_penandatanganan(*, kecamatan: Kecamatan, lazim: str | None = None) -> str:
    """Where a new document of ``kecamatan`` is signed: the kecamatan's setting, else the
    document's usual place (``lazim``: a decree's layout names one), else the kabupaten."""
    return kecamatan.tempat_penandatanganan or lazim or kecamatan.kabupaten.nama


@dataclass(frozen=True)
class TandaTangan:
    nama: str
    jabatan: str
    pangkat: str
    nip: str


@dataclass(frozen=True)
class BawaanDokumen:
    """What a new document of a kecamatan is proposed with (each field stays editable)."""

    tanggal: datetime.date  # the date the signatories are chosen on
    tempat: str
    camat: TandaTangan  # pihak pertama, the decree's and the LKIP's signatory
    bupati: TandaTangan  # pihak kedua of a PK


def _tanda_tangan(pejabat: Pejabat | None, *, jabatan: str) -> TandaTangan:
    if pejabat is None:
        return TandaTangan("", jabatan, "", "")
    return TandaTangan(pejabat.nama, pejabat.jabatan, pejabat.pangkat_golongan, pejabat.nip)


@dataclass(frozen=True)
class TandaTanganRenstra:
    """Who signs a Renstra's TC 25 table on ``tanggal``: the camat, and the head of the
    kabupaten's Bappeda under "Diverifikasi Oleh"."""

    tanggal: datetime.date
    tempat: str
    camat: TandaTangan
    bappeda: TandaTangan


def tanda_tangan_renstra(*, kecamatan: Kecamatan, tanggal: datetime.date) -> TandaTanganRenstra:
    """The camat and the Kepala Bappeda in office on ``tanggal`` (``pejabat_menjabat``); the
    Kepala Bappeda is a pejabat of the kabupaten ("Pejabat Kabupaten" page), an empty name
    when none is recorded."""
    camat = pejabat_menjabat(kecamatan=kecamatan, jabatan=Jabatan.CAMAT, tanggal=tanggal)
    bappeda = pejabat_menjabat(kecamatan=kecamatan, jabatan=Jabatan.KEPALA_BAPPEDA, tanggal=tanggal)
    return TandaTanganRenstra(
        tanggal=tanggal,
        tempat=kecamatan.kabupaten.nama,  # verified at the kabupaten: "Jember, 17 April 2023"
        camat=_tanda_tangan(camat, jabatan=f"Camat {kecamatan.nama}"),
        bappeda=_tanda_tangan(
            bappeda, jabatan=f"Kepala Bappeda Kabupaten {kecamatan.kabupaten.nama}"
        ),
    )


def bawaan_dokumen(
    *,
    kecamatan: Kecamatan,
    dokumen: Dokumen,
    tahun: int,
    sampai: int | None = None,
    tanggal: datetime.date | None = None,
    tempat_lazim: str | None = None,
) -> BawaanDokumen:
    """The defaults of a document of ``kecamatan`` and ``tahun``: its date (``tanggal`` when
    the document already has one, else ``tanggal_bawaan``), its place, and the camat and the
    bupati in office on that date (``pejabat_menjabat``).

    A kabupaten that keeps no bupati history yet falls back to its ``nama_bupati``."""
    tanggal = tanggal or tanggal_bawaan(dokumen=dokumen, tahun=tahun, sampai=sampai)
    kabupaten = kecamatan.kabupaten
    camat = pejabat_menjabat(kecamatan=kecamatan, jabatan=Jabatan.CAMAT, tanggal=tanggal)
    bupati = _tanda_tangan(
        pejabat_menjabat(kecamatan=kecamatan, jabatan=Jabatan.BUPATI, tanggal=tanggal),
        jabatan=f"Bupati {kabupaten.nama}",
    )
    tanpa_riwayat = not _pejabat_jabatan(kecamatan=kecamatan, jabatan=Jabatan.BUPATI).exists()
    if not bupati.nama and tanpa_riwayat:
        bupati = TandaTangan(kabupaten.nama_bupati, bupati.jabatan, "", "")
    return BawaanDokumen(
        tanggal=tanggal,
        tempat=tempat_penandatanganan(kecamatan=kecamatan, lazim=tempat_lazim),
        camat=_tanda_tangan(camat, jabatan=f"Camat {kecamatan.nama}"),
        bupati=bupati,
    )


def unit_kerja_daftar(*, kecamatan: Kecamatan) -> QuerySet[UnitKerja]:
    """The units of the units page, in their order, each with the number of indicators it
    is penanggung jawab of (a unit in use cannot be deleted)."""
    return (
        UnitKerja.objects.filter(kecamatan=kecamatan)
        .select_related("induk")
        .annotate(jumlah_indikator=Count("indikator"))
        .order_by("urutan", "nama")
    )


def pejabat_kecamatan(*, kecamatan: Kecamatan) -> QuerySet[Pejabat]:
    """The kecamatan's pejabat, the latest in office first."""
    return Pejabat.objects.filter(kecamatan=kecamatan).order_by(
        F("mulai").desc(nulls_last=True), "-id"
    )


def pejabat_kabupaten(*, kabupaten_id: int) -> QuerySet[Pejabat]:
    """The kabupaten's own pejabat (bupati and acting bupati), the latest first."""
    return Pejabat.objects.filter(kabupaten_id=kabupaten_id, kecamatan=None).order_by(
        F("mulai").desc(nulls_last=True), "-id"
    )


# A stored band's columns, as kinerja.Pita names them: the one mapping of a band row to the
# pure dataclass (ke_kinerja from model rows, skala_tahun from the rows joined to their scale).
_KOLOM_PITA = ("kode", "label", "warna", "batas_bawah", "inklusif")


def ke_kinerja(skala: SkalaPenilaian) -> kinerja.Skala:
    """Turn a stored scale (with its bands prefetched or not) into the pure dataclass."""
    return kinerja.Skala(
        kode=skala.kode,
        nama=skala.nama,
        presisi=skala.presisi,
        pita=tuple(
            kinerja.Pita(**{k: getattr(p, k) for k in _KOLOM_PITA})
            for p in sorted(skala.pita.all(), key=lambda p: p.urutan)
        ),
    )


def skala_tahun(*, kabupaten_id: int, tahun: int) -> dict[str, kinerja.Skala]:
    """Every kind of scale for one kabupaten and year, in one query (each scale's bands
    joined to it; a scale without bands is refused by ``kinerja.Skala`` as ever).

    A kind the kabupaten chose no scale for falls back to the DOMAIN.md default.
    """
    baris = (
        PemakaianSkala.objects.filter(kabupaten_id=kabupaten_id, tahun=tahun)
        .order_by("jenis", "skala__pita__urutan")
        .values_list(
            "jenis",
            "skala__kode",
            "skala__nama",
            "skala__presisi",
            *(f"skala__pita__{k}" for k in _KOLOM_PITA),
        )
    )
    per_jenis: dict[str, tuple[tuple, list[kinerja.Pita]]] = {}
    for jenis, kode, nama, presisi, *pita in baris:
        _, daftar = per_jenis.setdefault(jenis, ((kode, nama, presisi), []))
        if pita[0] is not None:
            daftar.append(kinerja.Pita(**dict(zip(_KOLOM_PITA, pita, strict=True))))
    hasil = dict(BAWAAN_PER_JENIS)
    for jenis, ((kode, nama, presisi), daftar) in per_jenis.items():
        hasil[jenis] = kinerja.Skala(kode=kode, nama=nama, presisi=presisi, pita=tuple(daftar))
    return hasil


def kecamatan_terlihat(*, pengguna: Pengguna) -> QuerySet[Kecamatan]:
    """The kecamatan ``pengguna`` may see (the scoping rule is
    ``KecamatanQuerySet.terlihat``); a lazy queryset, so callers may use it as a subquery."""
    return Kecamatan.objects.terlihat(pengguna)


def kecamatan_kabupaten(*, kabupaten_id: int) -> QuerySet[Kecamatan]:
    """Every kecamatan of a kabupaten (a lazy queryset): what a kecamatan's document compares
    itself with (the LKIP's benchmark), whoever prints it."""
    return Kecamatan.objects.filter(kabupaten_id=kabupaten_id)


def kecamatan_cari(*, teks: str) -> Kecamatan | None:
    """The kecamatan a command line names, by slug first, else by name (any case)."""
    return (
        Kecamatan.objects.filter(slug=teks.lower()).first()
        or Kecamatan.objects.filter(nama__iexact=teks).first()
    )


def unit_kerja(*, kecamatan: Kecamatan) -> QuerySet[UnitKerja]:
    """The units (seksi, sub bagian) of a kecamatan: the choices of an indicator's
    penanggung jawab."""
    return UnitKerja.objects.filter(kecamatan=kecamatan)


def unit_kerja_urut() -> QuerySet[UnitKerja]:
    """Units in their printed order, for a ``Prefetch`` of an indicator's penanggung jawab
    (the decree and the LKIP list them alike)."""
    return UnitKerja.objects.order_by("urutan", "nama")


def profil_terakhir(*, kecamatan: Kecamatan, tahun: int) -> ProfilTahunan | None:
    """The tugas and fungsi of the kecamatan in ``tahun``, or of the latest year before it
    (a decree quotes them though the profile of its year may not be written yet)."""
    return (
        ProfilTahunan.objects.filter(kecamatan=kecamatan, tahun__lte=tahun)
        .order_by("-tahun")
        .only("tahun", "tugas", "fungsi")
        .first()
    )


def _urut(relasi: str) -> QuerySet:
    model = ProfilTahunan._meta.get_field(relasi).related_model
    return model.objects.order_by("urutan", "id")


def profil_tahunan_lengkap(*, kecamatan_id: int, tahun: int) -> ProfilTahunan | None:
    """The profile of exactly ``tahun`` with its staff, facilities and strategic issues in
    their order: four queries (the LKIP's chapter I tables)."""
    return (
        ProfilTahunan.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .prefetch_related(
            Prefetch("komposisi_sdm", queryset=_urut("komposisi_sdm")),
            Prefetch("sarana_prasarana", queryset=_urut("sarana_prasarana")),
            Prefetch("isu_strategis", queryset=_urut("isu_strategis")),
        )
        .first()
    )


def sumber_skala(*, kode: str) -> str:
    """Where a rating scale comes from (the regulation the LKIP cites under its table)."""
    return SkalaPenilaian.objects.filter(kode=kode).values_list("sumber", flat=True).first() or ""


# --- the yearly profile on its own pages ------------------------------------------------------

# The texts of a profile (BAB I), in the order the page and the copy preview list them.
TEKS_PROFIL = (
    "dasar_hukum",
    "kedudukan",
    "tugas",
    "fungsi",
    "susunan_organisasi",
    "uraian_sdm",
    "sumber_data_sdm",
    "uraian_sarana_prasarana",
    "sumber_data_sarana_prasarana",
    "uraian_isu_strategis",
)

# The tables of a profile: the key a page and a service name them by, and their model.
TABEL_PROFIL: dict[str, type[KomposisiSDM | SaranaPrasarana | IsuStrategis]] = {
    "sdm": KomposisiSDM,
    "sarana": SaranaPrasarana,
    "isu": IsuStrategis,
}
RELASI_TABEL = {"sdm": "komposisi_sdm", "sarana": "sarana_prasarana", "isu": "isu_strategis"}
JUDUL_TABEL = {
    "sdm": "Tabel 1.1 Komposisi SDM",
    "sarana": "Tabel 1.2 Sarana dan prasarana",
    "isu": "Isu strategis",
}


def profil_tahun_ada(*, kecamatan: Kecamatan) -> list[int]:
    """The years of which the kecamatan has a profile, latest first."""
    return list(
        ProfilTahunan.objects.filter(kecamatan=kecamatan)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
    )


def profil_alasan_terkunci(*, kecamatan: Kecamatan, profil: ProfilTahunan | None, tahun: int):
    """Why the profile of ``tahun`` (stored or still to be written) cannot change now: the
    model's own reason (``ProfilTahunan.alasan_terkunci``), asked before a form is shown."""
    if profil is None:
        profil = ProfilTahunan(kecamatan=kecamatan, tahun=tahun)
    return profil.alasan_terkunci()


def sidik_profil(profil: ProfilTahunan | None) -> str:
    """The fingerprint of the profile's texts (the text form's stale-save check)."""
    if profil is None:
        return konkurensi.sidik([None])
    return konkurensi.sidik([getattr(profil, k) for k in TEKS_PROFIL])


def baris_tabel(*, profil: ProfilTahunan | None, jenis: str) -> QuerySet:
    """The rows of one table of the profile, in their order (none while it has no profile)."""
    model = TABEL_PROFIL[jenis]
    if profil is None:
        return model.objects.none()
    return model.objects.filter(profil=profil).order_by("urutan", "id")


def sidik_tabel(baris) -> str:
    """The fingerprint of a table's rows (the grid's stale-save check)."""
    return konkurensi.sidik(baris)


@dataclass(frozen=True)
class BagianSalin:
    """One text or table of the profile in the copy preview."""

    kunci: str
    label: str
    asal: str  # what the earlier year holds: the text, or "n baris"
    disalin: bool  # copied; else kept as it is (it exists already) or nothing to copy
    keterangan: str


@dataclass(frozen=True)
class RencanaSalin:
    """What copying the latest earlier profile into ``ke`` would do; nothing is saved."""

    dari: int | None
    ke: int
    ada: bool  # the profile of ``ke`` exists already
    bagian: tuple[BagianSalin, ...]

    @property
    def disalin(self) -> tuple[BagianSalin, ...]:
        return tuple(b for b in self.bagian if b.disalin)

    @property
    def dipertahankan(self) -> tuple[BagianSalin, ...]:
        return tuple(b for b in self.bagian if not b.disalin)


def profil_rencana_salin(*, kecamatan: Kecamatan, tahun: int) -> RencanaSalin:
    """The copy of the latest profile before ``tahun`` into ``tahun``: a text is copied
    where this year's is empty, a table where this year has none of its rows; whatever this
    year already holds is kept. The preview and the copy both follow this plan."""
    asal = (
        ProfilTahunan.objects.filter(kecamatan=kecamatan, tahun__lt=tahun)
        .order_by("-tahun")
        .first()
    )
    tujuan = ProfilTahunan.objects.filter(kecamatan=kecamatan, tahun=tahun).first()
    if asal is None:
        return RencanaSalin(None, tahun, tujuan is not None, ())
    bagian = []
    for kunci in TEKS_PROFIL:
        label = ProfilTahunan._meta.get_field(kunci).verbose_name
        isi = getattr(asal, kunci).strip()
        ada = tujuan is not None and getattr(tujuan, kunci).strip()
        if not isi:
            bagian.append(BagianSalin(kunci, label, "", False, f"kosong di tahun {asal.tahun}"))
        elif ada:
            bagian.append(BagianSalin(kunci, label, isi, False, "sudah terisi, dipertahankan"))
        else:
            bagian.append(BagianSalin(kunci, label, isi, True, "disalin"))
    for jenis, model in TABEL_PROFIL.items():
        jumlah = model.objects.filter(profil=asal).count()
        ada = tujuan is not None and model.objects.filter(profil=tujuan).count()
        label = JUDUL_TABEL[jenis]
        if not jumlah:
            bagian.append(BagianSalin(jenis, label, "", False, f"kosong di tahun {asal.tahun}"))
        elif ada:
            bagian.append(
                BagianSalin(
                    jenis, label, f"{jumlah} baris", False, f"sudah ada {ada} baris, dipertahankan"
                )
            )
        else:
            bagian.append(BagianSalin(jenis, label, f"{jumlah} baris", True, "disalin"))
    return RencanaSalin(asal.tahun, tahun, tujuan is not None, tuple(bagian))
