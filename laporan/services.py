"""The LKIP of a year: starting it, saving its texts and LHE follow-up rows, approving it.

Every write runs in one transaction and takes the user (``oleh``) for the change history. The
workflow is draft → ditetapkan, by the camat only; a ditetapkan LKIP is refused here and, below
every route, by the model guard (sakip.penguncian). ``kekurangan_lkip`` lists what the report
still lacks (texts, narratives per sasaran, PKs, verified realisasi, the review); the items it
marks as blocking are the conditions of approval, so the page's list and the guard agree.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.urls import reverse

from kecamatan.models import Kecamatan, Pengguna
from kecamatan.selectors import Dokumen, bawaan_dokumen
from kecamatan.services import kecamatan_kunci
from perjanjian.models import NarasiSasaran, PelaporanRealisasi, Periode
from perjanjian.selectors import (
    narasi_sasaran,
    perjanjian_daftar,
    sasaran_bertarget,
    status_pelaporan,
)
from perjanjian.services import KOLOM_NARASI, narasi_kosong
from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.alur import jalankan_transisi
from sakip.konfirmasi import Kekurangan, jaga_lengkap
from sakip.penguncian import TransisiDitolak
from sakip.tahun import pesan_tahun, tahun_sah

from .dokumen.layanan import antrekan, siapkan_dokumen
from .models import DokumenPDF, LaporanKinerja, TindakLanjutLHE, VersiLKIP
from .urutan import JawabanAkanHilang, Letak, nomori_ulang, susun

Status = LaporanKinerja.Status

# The texts a person writes (the tables of the report are computed, never typed).
KOLOM_TEKS = (
    "kata_pengantar",
    "latar_belakang",
    "maksud_tujuan",
    "pengantar_perencanaan",
    "dasar_capaian",
    "kesimpulan",
    "hambatan",
    "faktor_keberhasilan",
    "langkah_perbaikan",
)
KOLOM_TANDA_TANGAN = (
    "tempat",
    "tanggal",
    "penandatangan_nama",
    "penandatangan_jabatan",
    "penandatangan_pangkat",
    "penandatangan_nip",
)
KOLOM_LAPORAN = (*KOLOM_TEKS, "lhe_sumber", *KOLOM_TANDA_TANGAN)


def _rapikan(nilai):
    """Browsers send a textarea's line breaks as CRLF; stored texts use LF."""
    if isinstance(nilai, str):
        return nilai.replace("\r\n", "\n").strip()
    return nilai


TINDAKAN_TETAPKAN = "menetapkan LKIP"
TINDAKAN_VERSI_BARU = "membuka versi baru LKIP"


def _jaga_pengisi(kecamatan: Kecamatan, oleh: Pengguna) -> None:
    akses.wajib(oleh, Izin.MENGISI, kecamatan)


def laporan_mulai(*, kecamatan: Kecamatan, tahun: int, oleh: Pengguna) -> LaporanKinerja:
    """Create the year's LKIP, its date, place and signatory prefilled: a date in the year
    after the one it reports on (today when today is in it) and the camat in office on it
    (kecamatan.selectors.bawaan_dokumen)."""
    _jaga_pengisi(kecamatan, oleh)
    if not tahun_sah(tahun):
        raise TransisiDitolak(pesan_tahun(tahun))
    with transaction.atomic():
        kecamatan_kunci(kecamatan=kecamatan)
        if LaporanKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).exists():
            raise TransisiDitolak(f"LKIP {tahun} sudah dimulai.")
        bawaan = bawaan_dokumen(kecamatan=kecamatan, dokumen=Dokumen.LKIP, tahun=tahun)
        laporan = LaporanKinerja(
            kecamatan=kecamatan,
            tahun=tahun,
            tanggal=bawaan.tanggal,
            tempat=bawaan.tempat,
            penandatangan_nama=bawaan.camat.nama,
            penandatangan_jabatan=bawaan.camat.jabatan,
            penandatangan_pangkat=bawaan.camat.pangkat,
            penandatangan_nip=bawaan.camat.nip,
        )
        laporan._history_user = oleh
        laporan.save()
    return laporan


@dataclass(frozen=True)
class BarisTindakLanjut:
    """A row of Tabel 1.3 as the form holds it: ``id`` None for a new row."""

    id: int | None
    rekomendasi: str
    tindak_lanjut: str
    hapus: bool = False
    nomor: int | None = None  # the number asked for (None: where it stands; new: the end)
    # Delete it although it holds a tindak lanjut: the user confirmed losing the answer.
    hapus_tindak_lanjut: bool = False


class TindakLanjutTerhapus(JawabanAkanHilang):
    """Deleting follow-up rows that hold an answer, without confirmation."""

    def __init__(self, baris: Sequence[TindakLanjutLHE]):
        super().__init__(
            baris,
            pembuka="Baris yang akan dihapus sudah berisi tindak lanjut",
            akibat="Tindak lanjutnya ikut hilang dari Tabel 1.3.",
        )


def laporan_simpan(
    *,
    laporan: LaporanKinerja,
    data: Mapping[str, Any],
    tindak_lanjut: Sequence[BarisTindakLanjut] | None,
    sidik: str | None,
    oleh: Pengguna,
) -> int:
    """Save the texts and the LHE follow-up rows together. Returns the number of objects
    created, changed or removed. ``tindak_lanjut`` None leaves the typed rows alone (the
    year's LHE is recorded: Tabel 1.3 comes from it, see laporan.evaluasi)."""
    _jaga_pengisi(laporan.kecamatan, oleh)
    with transaction.atomic():
        lap = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
        lap.jaga()  # the model's reason, before any work
        baris = (
            []
            if tindak_lanjut is None
            else list(
                TindakLanjutLHE.objects.select_for_update().filter(laporan=lap).order_by("urutan")
            )
        )
        konkurensi.periksa(sidik, konkurensi.sidik([lap, *baris]))

        jumlah = 0
        baru = {k: _rapikan(v) for k, v in data.items() if k in KOLOM_LAPORAN}
        if any(getattr(lap, k) != v for k, v in baru.items()):
            for k, v in baru.items():
                setattr(lap, k, v)
            lap._history_user = oleh
            lap.save()
            jumlah += 1

        if tindak_lanjut is None:
            return jumlah
        ada = {b.id: b for b in baris}
        urutan_lama = {b.id: b.urutan for b in baris}
        asing = {t.id for t in tindak_lanjut if t.id is not None} - set(ada)
        if asing:
            raise TransisiDitolak("Baris tindak lanjut yang diubah bukan milik LKIP ini.")
        dihapus = [(ada[t.id], t) for t in tindak_lanjut if t.id is not None and t.hapus]
        terisi = [
            b
            for b, t in dihapus
            if b.tindak_lanjut.strip() and _rapikan(t.tindak_lanjut) and not t.hapus_tindak_lanjut
        ]
        if terisi:
            raise TindakLanjutTerhapus(terisi)
        # Rows by their id, in the order their numbers ask for (laporan.urutan); a row the
        # form did not send (added meanwhile) stays where it stands.
        disebut = {t.id for t in tindak_lanjut if t.id is not None}
        tetap = [
            *(t for t in tindak_lanjut if not t.hapus),
            *(
                BarisTindakLanjut(b.id, b.rekomendasi, b.tindak_lanjut, nomor=b.urutan)
                for b in baris
                if b.id not in disebut
            ),
        ]
        for b, _t in dihapus:
            b._history_user = oleh
            b.delete()
            jumlah += 1
        letak = susun([Letak(t.id, t.nomor, i) for i, t in enumerate(tetap)], urutan_lama)
        urut = [tetap[x.posisi] for x in letak]
        nomori_ulang(
            TindakLanjutLHE, {t.id: n for n, t in enumerate(urut, start=1) if t.id is not None}
        )
        for nomor, t in enumerate(urut, start=1):
            isi = (nomor, _rapikan(t.rekomendasi), _rapikan(t.tindak_lanjut))
            if t.id is None:
                b = TindakLanjutLHE(laporan=lap)
            else:
                b = ada[t.id]
                if (b.urutan, b.rekomendasi, b.tindak_lanjut) == isi:
                    continue
            b.urutan, b.rekomendasi, b.tindak_lanjut = isi
            b._history_user = oleh
            b.save()
            jumlah += 1
    return jumlah


def laporan_tetapkan(*, laporan: LaporanKinerja, oleh: Pengguna) -> LaporanKinerja:
    """Draft → ditetapkan, by the camat of the kecamatan; read-only for everyone after. The
    version's PDF is queued, not waited for (see the comment below)."""
    akses.wajib(oleh, Izin.MENETAPKAN, laporan.kecamatan, tindakan=TINDAKAN_TETAPKAN)
    with transaction.atomic():
        lap = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
        # Refused by the table before the completeness checks: an approved LKIP is closed.
        lap.alur.tujuan(dari=lap.status, aksi="tetapkan", nama=lap.nama_alur)
        # One rule with the list the LKIP page shows: what blocks approval blocks it here.
        jaga_lengkap(
            f"LKIP {lap.tahun} belum dapat ditetapkan:",
            kekurangan_lkip(kecamatan=lap.kecamatan, tahun=lap.tahun, laporan=lap),
        )
        jalankan_transisi(dokumen=lap, aksi="tetapkan", oleh=oleh)
        # The approved report's HTML is built now, inside the same transaction, from the
        # data this approval locks, and kept as this version's document; the PDF is printed
        # from that HTML by the task queue (a worker, so the camat does not wait for
        # WeasyPrint; inline without one), and its SHA-256 is written to the version once
        # stored. A render that fails leaves the approval and the version standing: the page
        # shows the failure and prints the same HTML again on request
        # (laporan.dokumen.layanan.dokumen_cetak_ulang).
        dokumen = siapkan_dokumen(jenis=DokumenPDF.Jenis.LKIP, objek=lap, oleh=oleh)
        VersiLKIP.objects.create(
            laporan=lap,
            nomor=lap.versi.count() + 1,
            dokumen=dokumen,
            ditetapkan_oleh=oleh,
        )
        antrekan(dokumen)
    return lap


def laporan_buka_versi_baru(*, laporan: LaporanKinerja, oleh: Pengguna) -> LaporanKinerja:
    """An approved LKIP that must change: the camat opens the next version (draft again);
    the approved PDF of the earlier version and its SHA-256 stay unchanged."""
    akses.wajib(oleh, Izin.MENETAPKAN, laporan.kecamatan, tindakan=TINDAKAN_VERSI_BARU)
    with transaction.atomic():
        lap = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
        # The next version is a changed report: the Inspektorat reviews it again.
        jalankan_transisi(
            dokumen=lap,
            aksi="buka_versi_baru",
            oleh=oleh,
            reviu_catatan="",
            direviu_oleh=None,
            direviu_pada=None,
        )
    return lap


def sasaran_tanpa_narasi(*, kecamatan: Kecamatan, tahun: int) -> list:
    """The sasaran of the year's PKs whose narrative is not complete (a field still empty),
    in Renstra order, each with the labels of its empty fields (``kosong``)."""
    sasaran = sasaran_bertarget(kecamatan=kecamatan, tahun=tahun)
    narasi = narasi_sasaran(sasaran_ids=sasaran, tahun=tahun)
    hasil = []
    for sid, s in sasaran.items():
        n = narasi.get(sid)
        s.kosong = [str(NarasiSasaran._meta.get_field(k).verbose_name) for k in narasi_kosong(n)]
        if s.kosong:
            hasil.append(s)
    return sorted(hasil, key=lambda s: (s.tujuan.nomor, s.nomor))


# --- what the report still lacks: the page's list and the approval's guard ------------------


def kekurangan_lkip(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    laporan: LaporanKinerja | None,
    lhe_tercatat: bool = False,
) -> list[Kekurangan]:
    """Everything the year's LKIP still lacks, each with the page where it is filled. Items
    marked ``menghalangi`` block its approval (``laporan_tetapkan`` refuses with them): the
    signature's date and name, the Inspektorat's review, every field of every sasaran's
    narrative, every PK of the year ditetapkan, the annual realisasi verified by Bappeda.
    The others (empty texts, quarters not verified) are information. Five queries."""
    hasil = []
    url_lkip = reverse("laporan:lkip", args=[kecamatan.slug, tahun])
    if laporan is not None:
        for kolom, label in (
            ("tanggal", "Tanggal penandatanganan"),
            ("penandatangan_nama", "Nama camat penanda tangan"),
        ):
            if not getattr(laporan, kolom):
                hasil.append(Kekurangan(f"{label} belum diisi.", url_lkip, menghalangi=True))
        if laporan.direviu_pada is None:
            hasil.append(
                Kekurangan(
                    f"LKIP {tahun} belum direviu Inspektorat (Inspektorat menandainya di "
                    "halaman LKIP).",
                    url_lkip,
                    menghalangi=True,
                )
            )
        # With the year's LHE recorded, Tabel 1.3 and its source come from it.
        kolom_teks = KOLOM_TEKS if lhe_tercatat else (*KOLOM_TEKS, "lhe_sumber")
        for kolom in kolom_teks:
            if not getattr(laporan, kolom):
                label = LaporanKinerja._meta.get_field(kolom).verbose_name
                hasil.append(Kekurangan(f"{label.capitalize()} belum diisi.", url_lkip))

    daftar = perjanjian_daftar(kecamatan=kecamatan, tahun=tahun)
    url_pk = reverse("perjanjian:perjanjian-daftar", args=[kecamatan.slug, tahun])
    if not daftar:
        hasil.append(Kekurangan(f"Belum ada Perjanjian Kinerja {tahun}.", url_pk, menghalangi=True))
    for pj in daftar:
        if not pj.ditetapkan:
            hasil.append(
                Kekurangan(
                    f"{pj.get_jenis_display()} {tahun} belum ditetapkan camat "
                    f"(status: {pj.get_status_display()}).",
                    reverse("perjanjian:perjanjian-detail", args=[kecamatan.slug, pj.id]),
                    menghalangi=True,
                )
            )

    url_narasi = reverse("perjanjian:narasi", args=[kecamatan.slug, tahun])
    for s in sasaran_tanpa_narasi(kecamatan=kecamatan, tahun=tahun):
        keadaan = (
            "belum ditulis."
            if len(s.kosong) == len(KOLOM_NARASI)
            else f"belum lengkap: {', '.join(s.kosong)} belum diisi."
        )
        hasil.append(
            Kekurangan(
                f"Narasi Sasaran {s.kode} ({s.uraian}) {keadaan}",
                f"{url_narasi}#sasaran-{s.id}",
                menghalangi=True,
            )
        )

    status = status_pelaporan(kecamatan=kecamatan, tahun=tahun)
    for p in Periode:
        s = status.get(p.value, PelaporanRealisasi.Status.DRAFT)
        if s != PelaporanRealisasi.Status.DIVERIFIKASI:
            hasil.append(
                Kekurangan(
                    f"Realisasi {p.label} {tahun} belum diverifikasi Bappeda "
                    f"(status: {PelaporanRealisasi.Status(s).label}).",
                    reverse("perjanjian:realisasi", args=[kecamatan.slug, tahun, p.value]),
                    menghalangi=p == Periode.TAHUNAN,
                )
            )
    return hasil
