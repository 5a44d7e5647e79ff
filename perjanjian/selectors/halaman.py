"""The reads of perjanjian's own pages: the PKs of a year by jenis, one PK's targets as its
page lists them, the budget page's program and kegiatan choices, a year's surveys, and the
kabupaten's verification queue. The views resolve their object and call these, so every query
of a page is here; scoped reads take the kecamatan (or the user) and filter by it."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from kecamatan.models import Kecamatan, Pengguna
from perjanjian.models import (
    Kegiatan,
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Program,
    SurveiKepuasan,
    TargetPerjanjian,
)
from perjanjian.selectors.anggaran import anggaran_pelaporan
from sakip import akses, kinerja

# What a PK's target rows show of their indicator: measure, tujuan, sasaran.
TARGET_RELASI = ("indikator__ukuran", "indikator__tujuan", "indikator__sasaran__tujuan")


# --- the Perjanjian Kinerja of a year -------------------------------------------------------


def perjanjian_per_jenis(*, kecamatan: Kecamatan, tahun: int) -> dict[str, PerjanjianKinerja]:
    """The kecamatan's PKs of the year by jenis, with their Renstra and the PK they revise
    (one query)."""
    daftar = akses.di_kecamatan(
        PerjanjianKinerja.objects.filter(tahun=tahun), kecamatan
    ).select_related("renstra", "asal")
    return {p.jenis: p for p in daftar}


def target_urut(*, perjanjian: PerjanjianKinerja) -> list[TargetPerjanjian]:
    """The PK's targets in its order, each with its indicator's measure, tujuan and sasaran
    (one query)."""
    return list(perjanjian.target.select_related(*TARGET_RELASI).order_by("urutan", "id"))


def jumlah_target(*, perjanjian: PerjanjianKinerja) -> int:
    """How many targets the PK holds (a new PK's confirmation says it)."""
    return perjanjian.target.count()


# --- the budget page ------------------------------------------------------------------------


def program_tahun(*, kecamatan: Kecamatan, tahun: int) -> QuerySet[Program]:
    """The kecamatan's programs of the year by code: the choices of a new kegiatan."""
    return akses.di_kecamatan(Program.objects.filter(tahun=tahun), kecamatan).order_by("kode")


def kegiatan_tahun(*, kecamatan: Kecamatan, tahun: int) -> QuerySet[Kegiatan]:
    """The kecamatan's kegiatan of the year with their program, by program then kegiatan
    code: the choices of a new sub kegiatan."""
    return (
        akses.di_kecamatan(Kegiatan.objects.filter(program__tahun=tahun), kecamatan)
        .select_related("program")
        .order_by("program__kode", "kode")
    )


def kegiatan_program(*, program: Program) -> QuerySet[Kegiatan]:
    """One program's kegiatan by code."""
    return program.kegiatan.order_by("kode")


# --- surveys ----------------------------------------------------------------------------------


def daftar_survei(*, kecamatan: Kecamatan, tahun: int) -> list[SurveiKepuasan]:
    """The kecamatan's surveys of a year, newest first per period, each with its IKM
    category as ``kategori`` (one query)."""
    daftar = list(
        akses.di_kecamatan(SurveiKepuasan.objects.all(), kecamatan)
        .filter(tahun=tahun)
        .select_related("diunggah_oleh", "dipakai_oleh")
        .order_by("periode", "-diunggah_pada", "-id")
    )
    for s in daftar:
        s.kategori = kinerja.kategori_ikm(s.nilai_ikm)
    return daftar


# --- a verified period reopened by Bappeda ---------------------------------------------------


@dataclass(frozen=True)
class PembukaanKembali:
    """Bappeda reopened a verified period: who, when and why (the reason is the comment the
    transition wrote, kept in the period's history)."""

    periode: str
    oleh: str
    waktu: datetime
    alasan: str


def dibuka_kembali(
    *, kecamatan: Kecamatan, tahun: int, periode: str | None = None
) -> dict[str, PembukaanKembali]:
    """Period → its reopening, for the periods that are open again *because* Bappeda reopened
    them after verifying (their last step in the history was diverifikasi → dikembalikan);
    one query on the history."""
    riwayat = PelaporanRealisasi.riwayat.filter(kecamatan=kecamatan, tahun=tahun)
    if periode is not None:
        riwayat = riwayat.filter(periode=periode)
    terakhir: dict[str, list] = {}
    for c in riwayat.select_related("history_user").order_by("history_date", "history_id"):
        daftar = terakhir.setdefault(c.periode, [])
        daftar.append(c)
        del daftar[:-2]
    hasil = {}
    status = PelaporanRealisasi.Status
    for p, (*sebelum, kini) in terakhir.items():
        if (
            kini.status == status.DIKEMBALIKAN
            and sebelum
            and sebelum[0].status == status.DIVERIFIKASI
        ):
            pengguna = kini.history_user
            hasil[p] = PembukaanKembali(
                periode=p,
                oleh=(pengguna.get_full_name() or pengguna.username) if pengguna else "Bappeda",
                waktu=kini.history_date,
                alasan=kini.komentar,
            )
    return hasil


# --- the kabupaten's verification queue -------------------------------------------------------


def pelaporan_terlihat(*, pengguna: Pengguna) -> QuerySet[PelaporanRealisasi]:
    """The realisasi reports of every kecamatan ``pengguna`` may see, with their kecamatan:
    where a decision on one is looked up (another's id answers 404)."""
    return akses.lingkup(PelaporanRealisasi.objects.all(), pengguna).select_related("kecamatan")


def perjanjian_terlihat(*, pengguna: Pengguna) -> QuerySet[PerjanjianKinerja]:
    """The PKs of every kecamatan ``pengguna`` may see, with their kecamatan."""
    return akses.lingkup(PerjanjianKinerja.objects.all(), pengguna).select_related("kecamatan")


@dataclass(frozen=True)
class AntreanVerifikasi:
    """What awaits the kabupaten: realisasi submitted or sent back, PKs submitted; each by
    year, then kecamatan, then period (or jenis)."""

    realisasi_diajukan: list[PelaporanRealisasi]
    realisasi_dikembalikan: list[PelaporanRealisasi]
    perjanjian_diajukan: list[PerjanjianKinerja]


@dataclass(frozen=True)
class Pengajuan:
    """Who submitted a row now diajukan, and when (from its history)."""

    oleh: str
    pada: datetime


def pengajuan_terakhir(baris: list, model) -> dict[int, Pengajuan]:
    """For each row of ``baris`` (rows of ``model`` whose status is diajukan): the history
    version that moved it to diajukan last (one query)."""
    hasil: dict[int, Pengajuan] = {}
    if not baris:
        return hasil
    versi = (
        model.riwayat.filter(id__in=[b.id for b in baris])
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    sebelumnya: dict[int, str] = {}
    for v in versi:
        if v.status == "diajukan" and sebelumnya.get(v.id) != "diajukan":
            u = v.history_user
            oleh = (u.get_full_name() or u.username) if u else "sistem"
            hasil[v.id] = Pengajuan(oleh=oleh, pada=v.history_date)
        sebelumnya[v.id] = v.status
    return hasil


def antrean_verifikasi(*, pengguna: Pengguna) -> AntreanVerifikasi:
    """The verification queue within what ``pengguna`` may see (six queries); each
    submitted period carries its budget realisasi as ``anggaran`` (AnggaranPeriode)."""
    status = PelaporanRealisasi.Status
    pelaporan = list(
        pelaporan_terlihat(pengguna=pengguna)
        .filter(status__in=(status.DIAJUKAN, status.DIKEMBALIKAN))
        .order_by("tahun", "kecamatan__nama", "periode")
    )
    # Periods in the calendar's order, not the alphabet's.
    urutan_periode = {p.value: i for i, p in enumerate(Periode)}
    pelaporan.sort(key=lambda p: (p.tahun, p.kecamatan.nama, urutan_periode[p.periode]))
    diajukan = [p for p in pelaporan if p.status == status.DIAJUKAN]
    # The budget realisasi of each submitted period, verified with it (two more queries).
    anggaran = anggaran_pelaporan(pelaporan=diajukan)
    # Who submitted each row and when (one query each for the periods and the PKs).
    pengajuan = pengajuan_terakhir(diajukan, PelaporanRealisasi)
    for p in diajukan:
        p.anggaran = anggaran[p.id]
        p.pengajuan = pengajuan.get(p.id)
    perjanjian = list(
        perjanjian_terlihat(pengguna=pengguna)
        .filter(status=PerjanjianKinerja.Status.DIAJUKAN)
        .order_by("tahun", "kecamatan__nama", "jenis")
    )
    pengajuan_pk = pengajuan_terakhir(perjanjian, PerjanjianKinerja)
    for pk in perjanjian:
        pk.pengajuan = pengajuan_pk.get(pk.id)
    return AntreanVerifikasi(
        realisasi_diajukan=diajukan,
        realisasi_dikembalikan=[p for p in pelaporan if p.status == status.DIKEMBALIKAN],
        perjanjian_diajukan=perjanjian,
    )
