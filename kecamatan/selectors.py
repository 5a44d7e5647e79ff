"""Reads of the kecamatan app that other apps use: the kecamatan a user sees, who signs for
a kecamatan, its units and yearly profile, the rating scales in force. The apps above call
these rather than querying the kecamatan models, so each read has one owner here."""

from django.db.models import F, Prefetch, Q, QuerySet

from sakip import kinerja

from .models import (
    Kecamatan,
    Pejabat,
    PemakaianSkala,
    Pengguna,
    ProfilTahunan,
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
