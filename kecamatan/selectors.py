"""Reads of the kecamatan app that other apps use: the kecamatan a user sees, who signs for
a kecamatan, its units and yearly profile, the rating scales in force. The apps above call
these rather than querying the kecamatan models, so each read has one owner here."""

from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet

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


def camat_terakhir(*, kecamatan: Kecamatan) -> Pejabat | None:
    """The kecamatan's latest camat (also a Plt./Plh.): the one who signs its PK, its IKU
    decree and its LKIP. Latest start of office first, else the last recorded."""
    return (
        Pejabat.objects.filter(kecamatan=kecamatan)
        .filter(
            Q(jabatan__istartswith="camat")
            | Q(jabatan__istartswith="plt. camat")
            | Q(jabatan__istartswith="plh. camat")
        )
        .order_by(F("mulai").desc(nulls_last=True), "-id")
        .first()
    )


def ke_kinerja(skala: SkalaPenilaian) -> kinerja.Skala:
    """Turn a stored scale (with its bands prefetched or not) into the pure dataclass."""
    return kinerja.Skala(
        kode=skala.kode,
        nama=skala.nama,
        presisi=skala.presisi,
        pita=tuple(
            kinerja.Pita(
                kode=p.kode,
                label=p.label,
                warna=p.warna,
                batas_bawah=p.batas_bawah,
                inklusif=p.inklusif,
            )
            for p in sorted(skala.pita.all(), key=lambda p: p.urutan)
        ),
    )


def skala_tahun(*, kabupaten_id: int, tahun: int) -> dict[str, kinerja.Skala]:
    """Every kind of scale for one kabupaten and year, in two queries.

    A kind the kabupaten chose no scale for falls back to the DOMAIN.md default.
    """
    hasil = dict(BAWAAN_PER_JENIS)
    pemakaian = (
        PemakaianSkala.objects.filter(kabupaten_id=kabupaten_id, tahun=tahun)
        .select_related("skala")
        .prefetch_related("skala__pita")
    )
    for p in pemakaian:
        hasil[p.jenis] = ke_kinerja(p.skala)
    return hasil


def kecamatan_terlihat(*, pengguna: Pengguna) -> QuerySet[Kecamatan]:
    """The kecamatan ``pengguna`` may see (the scoping rule is
    ``KecamatanQuerySet.terlihat``); a lazy queryset, so callers may use it as a subquery."""
    return Kecamatan.objects.terlihat(pengguna)


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
