"""Reads of the kecamatan app that other apps use: who signs for a kecamatan, the rating
scales in force. (The kecamatan a user may see: ``Kecamatan.objects.terlihat(user)``.)"""

from django.db.models import F, Q

from sakip import kinerja

from .models import Kecamatan, Pejabat, PemakaianSkala, SkalaPenilaian
from .models.skala import BAWAAN_PER_JENIS


def camat_terakhir(kecamatan: Kecamatan) -> Pejabat | None:
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
