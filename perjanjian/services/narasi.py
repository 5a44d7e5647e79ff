"""Narratives per sasaran (faktor pendorong, penghambat, tantangan dan langkah perbaikan).

Reads: ``narasi_tahun`` lists every sasaran of every PK of the year with its capaian (from
``selectors.capaian``: the rows and means the LKIP prints) and its narrative, in a bounded
number of queries.
Writes: ``narasi_simpan`` saves every sasaran's texts in one transaction with the stale-save
check. The narratives are part of the LKIP: once the LKIP of the year is ditetapkan they are
refused too.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from iku.models import Sasaran
from kecamatan.models import Kecamatan, Pengguna
from kecamatan.selectors import lkip_ditetapkan as kecamatan_lkip_ditetapkan
from kecamatan.services import kecamatan_kunci
from perjanjian.models import NarasiSasaran, PerjanjianKinerja, TargetPerjanjian
from perjanjian.selectors.capaian import CapaianIndikator, capaian_kecamatan
from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.kinerja import Pita
from sakip.penguncian import DataTerkunci, TransisiDitolak

KOLOM_NARASI = ("faktor_pendorong", "faktor_penghambat", "tantangan")


@dataclass(frozen=True)
class CapaianSasaran:
    """A sasaran's capaian in one PK: the mean of its indicators and the band of that mean."""

    perjanjian: PerjanjianKinerja
    rata_rata: Decimal | None
    kriteria: Pita | None
    indikator: tuple[CapaianIndikator, ...]


@dataclass
class BarisNarasi:
    sasaran: Sasaran
    capaian: list[CapaianSasaran] = field(default_factory=list)
    narasi: NarasiSasaran | None = None

    @property
    def prefix(self) -> str:
        return f"s{self.sasaran.id}"

    @property
    def kosong(self) -> list[str]:
        """The narrative fields still empty."""
        return [k for k in KOLOM_NARASI if not (getattr(self.narasi, k, "") or "").strip()]

    @property
    def keadaan(self) -> str:
        if len(self.kosong) == len(KOLOM_NARASI):
            return "Belum ditulis"
        return "Belum lengkap" if self.kosong else "Lengkap"


@dataclass
class NarasiTahun:
    tahun: int
    baris: list[BarisNarasi]
    tersimpan: list[NarasiSasaran]
    lkip_ditetapkan: bool

    @property
    def sidik(self) -> str:
        return konkurensi.sidik(self.tersimpan)

    @property
    def belum_lengkap(self) -> int:
        return sum(1 for b in self.baris if b.kosong)


def lkip_ditetapkan(*, kecamatan: Kecamatan, tahun: int) -> bool:
    # The LKIP's own rule, registered by laporan (kecamatan.penetapan): laporan sits above.
    return bool(kecamatan_lkip_ditetapkan(kecamatan_id=kecamatan.pk, tahun=tahun))


def narasi_tahun(*, kecamatan: Kecamatan, tahun: int) -> NarasiTahun:
    capaian = capaian_kecamatan(kecamatan=kecamatan, tahun=tahun)
    per_sasaran: dict[int, BarisNarasi] = {}
    for pj in capaian.perjanjian:
        for s in capaian.sasaran(pj):
            b = per_sasaran.setdefault(s.sasaran.id, BarisNarasi(s.sasaran))
            b.capaian.append(
                CapaianSasaran(
                    perjanjian=pj,
                    rata_rata=s.rata_rata,
                    kriteria=s.kriteria,
                    indikator=s.indikator,
                )
            )
    tersimpan = list(
        NarasiSasaran.objects.filter(sasaran_id__in=per_sasaran, tahun=tahun).order_by("id")
    )
    for n in tersimpan:
        per_sasaran[n.sasaran_id].narasi = n
    return NarasiTahun(
        tahun=tahun,
        baris=list(per_sasaran.values()),
        tersimpan=tersimpan,
        lkip_ditetapkan=lkip_ditetapkan(kecamatan=kecamatan, tahun=tahun),
    )


def _rapikan(teks: str | None) -> str:
    """Browsers send line breaks of a textarea as CRLF; stored texts use LF."""
    return (teks or "").replace("\r\n", "\n").strip()


def narasi_simpan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    isian: Mapping[int, Mapping[str, str]],
    sidik: str | None,
    oleh: Pengguna,
) -> int:
    """Save the narratives (sasaran id → {kolom: teks}); a sasaran with every field empty has
    no narrative. Returns how many were created, changed or removed."""
    akses.wajib(oleh, Izin.MENGISI, kecamatan)
    with transaction.atomic():
        kecamatan_kunci(kecamatan=kecamatan)
        if lkip_ditetapkan(kecamatan=kecamatan, tahun=tahun):
            raise DataTerkunci(
                f"LKIP {tahun} sudah ditetapkan; narasi sasaran tahun {tahun} tidak dapat diubah."
            )
        sah = set(
            TargetPerjanjian.objects.filter(
                perjanjian__kecamatan=kecamatan,
                perjanjian__tahun=tahun,
                indikator__sasaran__isnull=False,
            ).values_list("indikator__sasaran_id", flat=True)
        )
        if set(isian) - sah:
            raise TransisiDitolak(f"Sasaran yang diisi bukan sasaran Perjanjian Kinerja {tahun}.")
        tersimpan = list(
            NarasiSasaran.objects.select_for_update()
            .filter(sasaran_id__in=sah, tahun=tahun)
            .order_by("id")
        )
        konkurensi.periksa(sidik, konkurensi.sidik(tersimpan))
        ada = {n.sasaran_id: n for n in tersimpan}
        jumlah = 0
        for sasaran_id, teks in isian.items():
            baru = {k: _rapikan(teks.get(k)) for k in KOLOM_NARASI}
            n = ada.get(sasaran_id)
            if not any(baru.values()):
                if n is not None:
                    n._history_user = oleh
                    n.delete()
                    jumlah += 1
                continue
            if n is None:
                n = NarasiSasaran(sasaran_id=sasaran_id, tahun=tahun)
            elif all(getattr(n, k) == v for k, v in baru.items()):
                continue
            for k, v in baru.items():
                setattr(n, k, v)
            n._history_user = oleh
            n.save()
            jumlah += 1
    return jumlah
