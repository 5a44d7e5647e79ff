"""Selector: a kecamatan's year at a glance (the beranda), in a fixed number of queries."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from iku.models import KeputusanIKU, Renstra
from iku.selectors import keputusan_renstra, renstra_berlaku
from kecamatan.models import Kecamatan
from laporan.models import LaporanKinerja
from perjanjian.models import (
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
)
from perjanjian.selectors import (
    AnggaranPeriode,
    PembukaanKembali,
    Peringatan,
    anggaran_tahun_per_periode,
    dibuka_kembali,
    narasi_sasaran,
    pelaporan_tahun,
    peringatan_tahun,
    perjanjian_daftar,
    realisasi_terisi,
    target_perjanjian,
)
from perjanjian.services import narasi_kosong
from sakip.kinerja import periode_berakhir

PERIODE_TRIWULAN = (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4, Periode.TAHUNAN)


@dataclass(frozen=True)
class Kekurangan:
    pesan: str
    tautan: str


@dataclass(frozen=True)
class StatusPeriode:
    periode: Periode
    status: str  # PelaporanRealisasi.Status value
    status_label: str
    komentar: str
    terisi: int
    jumlah: int
    anggaran: AnggaranPeriode  # the period's budget realisasi, submitted and verified with it
    pembukaan: PembukaanKembali | None = None  # reopened by Bappeda after verification

    @property
    def terbuka(self) -> bool:
        """The kecamatan can still fill the period (not with Bappeda, not verified)."""
        return self.status in (
            PelaporanRealisasi.Status.DRAFT,
            PelaporanRealisasi.Status.DIKEMBALIKAN,
        )


@dataclass
class RingkasanTahun:
    kecamatan: Kecamatan
    tahun: int
    renstra: list[Renstra]
    keputusan: dict[int, KeputusanIKU | None]  # renstra id → latest decree
    perjanjian: list[PerjanjianKinerja]
    realisasi: list[StatusPeriode]
    laporan: LaporanKinerja | None
    kekurangan: list[Kekurangan] = field(default_factory=list)
    peringatan: list[Peringatan] = field(default_factory=list)


def ringkasan_tahun(*, kecamatan: Kecamatan, tahun: int) -> RingkasanTahun:
    slug = kecamatan.slug
    renstra = list(renstra_berlaku(kecamatan=kecamatan, tahun=tahun))
    keputusan: dict[int, KeputusanIKU | None] = {r.id: None for r in renstra}
    for k in keputusan_renstra(renstra=renstra):
        keputusan[k.renstra_id] = k
    perjanjian = perjanjian_daftar(kecamatan=kecamatan, tahun=tahun)
    target = target_perjanjian(perjanjian=perjanjian)
    ukuran = {t.indikator.ukuran_id for t in target}
    terisi = realisasi_terisi(kecamatan=kecamatan, tahun=tahun, ukuran_ids=ukuran)
    pelaporan = pelaporan_tahun(kecamatan=kecamatan, tahun=tahun)
    anggaran = anggaran_tahun_per_periode(kecamatan=kecamatan, tahun=tahun)
    pembukaan = dibuka_kembali(kecamatan=kecamatan, tahun=tahun)
    realisasi = []
    for periode in PERIODE_TRIWULAN:
        p = pelaporan.get(periode)
        status = p.status if p else PelaporanRealisasi.Status.DRAFT
        realisasi.append(
            StatusPeriode(
                periode=periode,
                status=status,
                status_label=PelaporanRealisasi.Status(status).label,
                komentar=p.komentar if p else "",
                terisi=len(terisi.get(periode, ())),
                jumlah=len(ukuran),
                anggaran=anggaran[periode],
                pembukaan=pembukaan.get(periode) if status == "dikembalikan" else None,
            )
        )
    laporan = LaporanKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).first()

    ringkasan = RingkasanTahun(kecamatan, tahun, renstra, keputusan, perjanjian, realisasi, laporan)
    ringkasan.kekurangan = _kekurangan(ringkasan, slug, target)
    ringkasan.peringatan = peringatan_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    return ringkasan


def _kekurangan(r: RingkasanTahun, slug: str, target) -> list[Kekurangan]:
    hasil = []
    if not r.renstra:
        hasil.append(
            Kekurangan(
                f"Belum ada Renstra yang berlaku pada tahun {r.tahun}.",
                reverse("iku:renstra-daftar", args=[slug]),
            )
        )
    for renstra in r.renstra:
        k = r.keputusan[renstra.id]
        if k is None:
            hasil.append(
                Kekurangan(
                    f"{renstra.nama} belum memiliki Keputusan IKU.",
                    reverse("iku:keputusan-daftar", args=[slug]),
                )
            )
        elif k.status != KeputusanIKU.Status.DITETAPKAN:
            hasil.append(
                Kekurangan(
                    f"Keputusan IKU {k.nomor} belum ditetapkan camat.",
                    reverse("iku:keputusan-detail", args=[slug, k.id]),
                )
            )
    url_daftar = reverse("perjanjian:perjanjian-daftar", args=[slug, r.tahun])
    if not r.perjanjian:
        hasil.append(Kekurangan(f"Perjanjian Kinerja {r.tahun} belum dibuat.", url_daftar))
    for perjanjian in r.perjanjian:
        if perjanjian.status != PerjanjianKinerja.Status.DITETAPKAN:
            hasil.append(
                Kekurangan(
                    f"{perjanjian.get_jenis_display()} {r.tahun} masih "
                    f"{perjanjian.get_status_display().lower()}.",
                    reverse("perjanjian:perjanjian-detail", args=[slug, perjanjian.id]),
                )
            )
    hari_ini = timezone.localdate()
    for s in r.realisasi:
        url = reverse("perjanjian:realisasi", args=[slug, r.tahun, s.periode.value])
        if s.status == PelaporanRealisasi.Status.DIKEMBALIKAN:
            alasan = f": “{s.komentar.rstrip('.')}”" if s.komentar else ""
            hasil.append(
                Kekurangan(
                    f"Realisasi {s.periode.label} {r.tahun} dikembalikan Bappeda{alasan}. "
                    "Perbaiki, lalu ajukan lagi.",
                    url,
                )
            )
        elif s.status == PelaporanRealisasi.Status.DRAFT and periode_berakhir(
            s.periode.value, r.tahun, hari_ini
        ):
            hasil.append(
                Kekurangan(f"Realisasi {s.periode.label} {r.tahun} belum diajukan ke Bappeda.", url)
            )
    for s in r.realisasi:
        if s.jumlah and s.terisi < s.jumlah:
            hasil.append(
                Kekurangan(
                    f"Realisasi {s.periode.label}: {s.terisi} dari {s.jumlah} indikator terisi.",
                    reverse("perjanjian:realisasi", args=[slug, r.tahun, s.periode.value]),
                )
            )
    for s in r.realisasi:
        a = s.anggaran
        if s.terbuka and a.ada_sub and not a.lengkap:
            hasil.append(
                Kekurangan(
                    f"Realisasi anggaran {s.periode.label}: {a.terisi} dari {a.jumlah_sub} "
                    "sub kegiatan terisi.",
                    reverse("perjanjian:anggaran", args=[slug, r.tahun]) + "?ubah=1",
                )
            )
    sasaran = {t.indikator.sasaran_id for t in target if t.indikator.sasaran_id}
    # Complete means every field filled: the rule the narasi page and the LKIP's approval apply.
    narasi = narasi_sasaran(sasaran_ids=sasaran, tahun=r.tahun)
    belum = sum(1 for sid in sasaran if narasi_kosong(narasi.get(sid)))
    if belum:
        hasil.append(
            Kekurangan(
                f"Narasi {belum} sasaran tahun {r.tahun} belum lengkap.",
                reverse("perjanjian:narasi", args=[slug, r.tahun]),
            )
        )
    lkip = reverse("laporan:lkip", args=[slug, r.tahun])
    if r.laporan is None:
        hasil.append(Kekurangan(f"LKIP {r.tahun} belum dimulai.", lkip))
    elif r.laporan.status != LaporanKinerja.Status.DITETAPKAN:
        hasil.append(Kekurangan(f"LKIP {r.tahun} belum ditetapkan camat.", lkip))
    return hasil
