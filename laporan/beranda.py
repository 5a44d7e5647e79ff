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
    program_tahun,
    realisasi_tahun,
    sub_kegiatan_tahun,
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


@dataclass(frozen=True)
class Langkah:
    """One step of the year's cycle on the beranda, in the order the cycle needs it (Renstra →
    Keputusan IKU → PK → anggaran → realisasi per periode → narasi → LKIP), with its page.
    ``selesai`` is read from the step's own status (the document approved, the period
    verified, the narratives complete by ``narasi_kosong``); ``kekurangan`` lists what is
    missing; ``keadaan`` says why a step that is not done has nothing to fix yet."""

    judul: str
    tautan: str
    selesai: bool
    kekurangan: tuple[Kekurangan, ...] = ()
    keadaan: str = ""


@dataclass
class RingkasanTahun:
    kecamatan: Kecamatan
    tahun: int
    renstra: list[Renstra]
    keputusan: dict[int, KeputusanIKU | None]  # renstra id → latest decree
    perjanjian: list[PerjanjianKinerja]
    realisasi: list[StatusPeriode]
    laporan: LaporanKinerja | None
    jalur: list[Langkah] = field(default_factory=list)  # the year's steps, in cycle order
    peringatan: list[Peringatan] = field(default_factory=list)

    @property
    def kekurangan(self) -> list[Kekurangan]:
        """Everything still missing, step after step."""
        return [k for langkah in self.jalur for k in langkah.kekurangan]


def ringkasan_tahun(*, kecamatan: Kecamatan, tahun: int) -> RingkasanTahun:
    slug = kecamatan.slug
    renstra = list(renstra_berlaku(kecamatan=kecamatan, tahun=tahun))
    keputusan: dict[int, KeputusanIKU | None] = {r.id: None for r in renstra}
    for k in keputusan_renstra(renstra=renstra):
        keputusan[k.renstra_id] = k
    perjanjian = perjanjian_daftar(kecamatan=kecamatan, tahun=tahun)
    # Read once for the steps and the warnings (peringatan_tahun) together.
    target = target_perjanjian(perjanjian=perjanjian, relasi=("indikator", "perjanjian"))
    tersimpan = realisasi_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    sub_kegiatan = sub_kegiatan_tahun(kecamatan_id=kecamatan.id, tahun=tahun)
    # The measures the kecamatan types (a computed one, Indikator.sumber_realisasi, is not).
    ukuran = {t.indikator.ukuran_id for t in target} - {
        t.indikator.ukuran_id for t in target if t.indikator.dihitung
    }
    terisi: dict[str, set[int]] = {}  # period → the typed measures with a realisasi stored
    for r in tersimpan:
        if r.ukuran_id in ukuran:
            terisi.setdefault(r.periode, set()).add(r.ukuran_id)
    pelaporan = pelaporan_tahun(kecamatan=kecamatan, tahun=tahun)
    anggaran = anggaran_tahun_per_periode(
        kecamatan=kecamatan, tahun=tahun, sub_kegiatan=sub_kegiatan
    )
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
    laporan = LaporanKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).order_by("pk").first()

    ringkasan = RingkasanTahun(kecamatan, tahun, renstra, keputusan, perjanjian, realisasi, laporan)
    ringkasan.jalur = _jalur(ringkasan, slug, target, anggaran[Periode.TAHUNAN].ada_sub)
    ringkasan.peringatan = peringatan_tahun(
        kecamatan_id=kecamatan.id,
        tahun=tahun,
        target=target,
        realisasi=tersimpan,
        sub_kegiatan=sub_kegiatan,
    )
    return ringkasan


def _jalur(r: RingkasanTahun, slug: str, target, ada_anggaran: bool) -> list[Langkah]:
    jalur = [_langkah_renstra(r, slug), _langkah_keputusan(r, slug), _langkah_perjanjian(r, slug)]
    url_anggaran = reverse("perjanjian:anggaran", args=[slug, r.tahun])
    jalur.append(_langkah_anggaran(r, slug, url_anggaran, ada_anggaran))
    jalur += [_langkah_realisasi(r, slug, s, url_anggaran) for s in r.realisasi]
    jalur.append(_langkah_narasi(r, slug, target))
    jalur.append(_langkah_lkip(r, slug))
    return jalur


def _langkah_anggaran(r: RingkasanTahun, slug: str, url: str, ada_anggaran: bool) -> Langkah:
    """An empty budget year whose previous year has a budget tree starts from the copy page
    (last year's programs, kegiatan and sub kegiatan, previewed before anything is saved)."""
    if ada_anggaran:
        return Langkah(f"Program dan anggaran {r.tahun}", url, selesai=True)
    kurang = [
        Kekurangan(f"Program, kegiatan dan sub kegiatan {r.tahun} dengan pagunya belum diisi.", url)
    ]
    lalu = r.tahun - 1
    if program_tahun(kecamatan=r.kecamatan, tahun=lalu).exists():
        kurang.append(
            Kekurangan(
                f"Salin program, kegiatan dan sub kegiatan {lalu} ke {r.tahun} "
                "(ditinjau dulu sebelum disimpan).",
                reverse("perjanjian:anggaran-salin", args=[slug, r.tahun]),
            )
        )
    return Langkah(f"Program dan anggaran {r.tahun}", url, selesai=False, kekurangan=tuple(kurang))


def _langkah_renstra(r: RingkasanTahun, slug: str) -> Langkah:
    url = reverse("iku:renstra-daftar", args=[slug])
    kurang = (
        ()
        if r.renstra
        else (Kekurangan(f"Belum ada Renstra yang berlaku pada tahun {r.tahun}.", url),)
    )
    return Langkah("Renstra yang berlaku", url, selesai=bool(r.renstra), kekurangan=kurang)


def _langkah_keputusan(r: RingkasanTahun, slug: str) -> Langkah:
    url = reverse("iku:keputusan-daftar", args=[slug])
    kurang = []
    for renstra in r.renstra:
        k = r.keputusan[renstra.id]
        if k is None:
            kurang.append(Kekurangan(f"{renstra.nama} belum memiliki Keputusan IKU.", url))
        elif k.status != KeputusanIKU.Status.DITETAPKAN:
            kurang.append(
                Kekurangan(
                    f"Keputusan IKU {k.nomor} belum ditetapkan camat.",
                    reverse("iku:keputusan-detail", args=[slug, k.id]),
                )
            )
    return Langkah(
        "Keputusan IKU",
        url,
        selesai=bool(r.renstra) and not kurang,
        kekurangan=tuple(kurang),
        keadaan="" if r.renstra else "menunggu Renstra",
    )


def _langkah_perjanjian(r: RingkasanTahun, slug: str) -> Langkah:
    url = reverse("perjanjian:perjanjian-daftar", args=[slug, r.tahun])
    kurang = []
    if not r.perjanjian:
        kurang.append(Kekurangan(f"Perjanjian Kinerja {r.tahun} belum dibuat.", url))
    for perjanjian in r.perjanjian:
        if perjanjian.status != PerjanjianKinerja.Status.DITETAPKAN:
            kurang.append(
                Kekurangan(
                    f"{perjanjian.get_jenis_display()} {r.tahun} masih "
                    f"{perjanjian.get_status_display().lower()}.",
                    reverse("perjanjian:perjanjian-detail", args=[slug, perjanjian.id]),
                )
            )
    return Langkah(
        f"Perjanjian Kinerja {r.tahun}", url, selesai=not kurang, kekurangan=tuple(kurang)
    )


def _langkah_realisasi(r: RingkasanTahun, slug: str, s: StatusPeriode, url_anggaran) -> Langkah:
    """A period is done once Bappeda verified it (indicators and budget together)."""
    url = reverse("perjanjian:realisasi", args=[slug, r.tahun, s.periode.value])
    kurang = []
    berakhir = periode_berakhir(s.periode.value, r.tahun, timezone.localdate())
    if s.status == PelaporanRealisasi.Status.DIKEMBALIKAN:
        alasan = f": “{s.komentar.rstrip('.')}”" if s.komentar else ""
        kurang.append(
            Kekurangan(
                f"Realisasi {s.periode.label} {r.tahun} dikembalikan Bappeda{alasan}. "
                "Perbaiki, lalu ajukan lagi.",
                url,
            )
        )
    elif s.status == PelaporanRealisasi.Status.DRAFT and berakhir:
        kurang.append(
            Kekurangan(f"Realisasi {s.periode.label} {r.tahun} belum diajukan ke Bappeda.", url)
        )
    if s.jumlah and s.terisi < s.jumlah:
        kurang.append(
            Kekurangan(
                f"Realisasi {s.periode.label}: {s.terisi} dari {s.jumlah} indikator terisi.", url
            )
        )
    a = s.anggaran
    if s.terbuka and a.ada_sub and not a.lengkap:
        kurang.append(
            Kekurangan(
                f"Realisasi anggaran {s.periode.label}: {a.terisi} dari {a.jumlah_sub} "
                "sub kegiatan terisi.",
                url_anggaran + "?ubah=1",
            )
        )
    selesai = s.status == PelaporanRealisasi.Status.DIVERIFIKASI
    if s.status == PelaporanRealisasi.Status.DIAJUKAN:
        keadaan = "diajukan, menunggu verifikasi Bappeda"
    elif not berakhir:
        keadaan = "periodenya belum berakhir"
    else:
        keadaan = s.status_label.lower()
    return Langkah(
        f"Realisasi {s.periode.label} {r.tahun}",
        url,
        selesai=selesai,
        kekurangan=tuple(kurang),
        keadaan=keadaan,
    )


def _langkah_narasi(r: RingkasanTahun, slug: str, target) -> Langkah:
    url = reverse("perjanjian:narasi", args=[slug, r.tahun])
    sasaran = {t.indikator.sasaran_id for t in target if t.indikator.sasaran_id}
    # Complete means every field filled: the rule the narasi page and the LKIP's approval apply.
    narasi = narasi_sasaran(sasaran_ids=sasaran, tahun=r.tahun)
    belum = sum(1 for sid in sasaran if narasi_kosong(narasi.get(sid)))
    kurang = (
        (Kekurangan(f"Narasi {belum} sasaran tahun {r.tahun} belum lengkap.", url),)
        if belum
        else ()
    )
    return Langkah(
        f"Narasi sasaran {r.tahun}",
        url,
        selesai=bool(sasaran) and not belum,
        kekurangan=kurang,
        keadaan="" if sasaran else "menunggu sasaran bertarget dalam Perjanjian Kinerja",
    )


def _langkah_lkip(r: RingkasanTahun, slug: str) -> Langkah:
    url = reverse("laporan:lkip", args=[slug, r.tahun])
    if r.laporan is None:
        kurang = (Kekurangan(f"LKIP {r.tahun} belum dimulai.", url),)
    elif r.laporan.status != LaporanKinerja.Status.DITETAPKAN:
        kurang = (Kekurangan(f"LKIP {r.tahun} belum ditetapkan camat.", url),)
    else:
        kurang = ()
    return Langkah(f"LKIP {r.tahun}", url, selesai=not kurang, kekurangan=kurang)
