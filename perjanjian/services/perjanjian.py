"""Services: writing a Perjanjian Kinerja (create, PK Perubahan, edit, workflow).

Every write runs in one transaction and takes the user (``oleh``) for the change history.
The workflow is draft → diajukan (operator or camat) → ditetapkan (camat only), or back to
draft by the camat with a comment. A ditetapkan PK is refused here and, below every route,
by the model guard (sakip.penguncian).
"""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.urls import reverse

from iku.models import Indikator, Renstra
from iku.selectors import indikator_urut_renstra, target_renstra
from kecamatan.models import Kecamatan, Pengguna
from kecamatan.selectors import Dokumen, bawaan_dokumen
from perjanjian.models import IndikatorProgram, PerjanjianKinerja, TargetPerjanjian
from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.alur import jalankan_transisi
from sakip.kinerja import Nilai
from sakip.konfirmasi import Kekurangan, jaga_lengkap
from sakip.penguncian import DataTerkunci, TransisiDitolak

Status = PerjanjianKinerja.Status
Jenis = PerjanjianKinerja.Jenis

# The agreement data a user may change while the PK is a draft.
KOLOM_PERJANJIAN = (
    "tanggal",
    "tempat",
    "sumber_dana",
    "pihak_pertama_nama",
    "pihak_pertama_jabatan",
    "pihak_pertama_pangkat",
    "pihak_pertama_nip",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "pihak_kedua_nip",
)


def _bawaan(kecamatan: Kecamatan, tahun: int, jenis: str, tanggal=None) -> dict:
    """Date, place and parties of a PK: its ``tanggal``, else a date in its own year
    (kecamatan.selectors.bawaan_dokumen), the camat and the bupati in office on that date,
    the kecamatan's place. A new PK is created with all of them, so the date its parties were
    chosen on is the one its form shows."""
    dokumen = Dokumen.PK_AWAL if jenis == Jenis.AWAL else Dokumen.PK_PERUBAHAN
    bawaan = bawaan_dokumen(kecamatan=kecamatan, dokumen=dokumen, tahun=tahun, tanggal=tanggal)
    camat, bupati = bawaan.camat, bawaan.bupati
    return {
        "tanggal": bawaan.tanggal,
        "tempat": bawaan.tempat,
        "pihak_pertama_nama": camat.nama,
        "pihak_pertama_jabatan": camat.jabatan,
        "pihak_pertama_pangkat": camat.pangkat,
        "pihak_pertama_nip": camat.nip,
        "pihak_kedua_nama": bupati.nama,
        "pihak_kedua_jabatan": bupati.jabatan,
        "pihak_kedua_nip": bupati.nip,
    }


def _jaga_pengisi(perjanjian_or_kecamatan, oleh: Pengguna) -> None:
    kecamatan = getattr(perjanjian_or_kecamatan, "kecamatan", perjanjian_or_kecamatan)
    akses.wajib(oleh, Izin.MENGISI, kecamatan)


def _target_dari_renstra(perjanjian: PerjanjianKinerja, oleh) -> list[Indikator]:
    """One target per indicator of the PK's Renstra, from the Renstra's target of the year.
    Returns the indicators left out because the Renstra has no target for that year."""
    indikator = indikator_urut_renstra(renstra=perjanjian.renstra)
    target = target_renstra(indikator_ids=[i.id for i in indikator], tahun=perjanjian.tahun)
    tanpa_target = []
    urutan = 0
    for ind in indikator:
        t = target.get(ind.id)
        if t is None:
            tanpa_target.append(ind)
            continue
        urutan += 1
        baru = TargetPerjanjian(
            perjanjian=perjanjian, indikator=ind, urutan=urutan, nilai=t.nilai, huruf=t.huruf
        )
        baru._history_user = oleh
        baru.save()
    return tanpa_target


def _baru(*, kecamatan, tahun, jenis, renstra, asal, oleh) -> PerjanjianKinerja:
    if PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun, jenis=jenis).exists():
        raise TransisiDitolak(f"{Jenis(jenis).label} {tahun} sudah ada.")
    if not (renstra.kecamatan_id == kecamatan.id and tahun in renstra.tahun):
        raise TransisiDitolak(f"{renstra.nama} tidak berlaku pada tahun {tahun}.")
    baru = PerjanjianKinerja(
        kecamatan=kecamatan,
        tahun=tahun,
        jenis=jenis,
        renstra=renstra,
        asal=asal,
        sumber_dana="APBD" if jenis == Jenis.AWAL else "P-APBD",
        **_bawaan(kecamatan, tahun, jenis),
    )
    baru._history_user = oleh
    try:
        with transaction.atomic():
            baru.save()
    except IntegrityError as e:  # made by someone else a moment ago
        raise TransisiDitolak(f"{Jenis(jenis).label} {tahun} sudah ada.") from e
    return baru


def perjanjian_buat(
    *, kecamatan: Kecamatan, tahun: int, renstra: Renstra, oleh: Pengguna
) -> tuple[PerjanjianKinerja, list[Indikator]]:
    """Create the PK of a year on a Renstra in force, its targets prefilled from the Renstra.

    Returns the PK and the indicators that got no target (the Renstra has none that year).
    """
    _jaga_pengisi(kecamatan, oleh)
    with transaction.atomic():
        baru = _baru(
            kecamatan=kecamatan,
            tahun=tahun,
            jenis=Jenis.AWAL,
            renstra=renstra,
            asal=None,
            oleh=oleh,
        )
        return baru, _target_dari_renstra(baru, oleh)


def perjanjian_perubahan_buat(
    *, asal: PerjanjianKinerja, renstra: Renstra | None = None, oleh: Pengguna
) -> tuple[PerjanjianKinerja, list[Indikator]]:
    """Create the PK Perubahan of ``asal``'s year.

    Without ``renstra`` the targets (and program indicators) of ``asal`` are copied; with
    another Renstra in force that year, targets are prefilled from that Renstra. ``asal`` is
    only read: the original stays exactly as it was.
    """
    _jaga_pengisi(asal, oleh)
    if asal.jenis != Jenis.AWAL:
        raise TransisiDitolak("PK Perubahan dibuat dari Perjanjian Kinerja awal tahun itu.")
    with transaction.atomic():
        baru = _baru(
            kecamatan=asal.kecamatan,
            tahun=asal.tahun,
            jenis=Jenis.PERUBAHAN,
            renstra=renstra or asal.renstra,
            asal=asal,
            oleh=oleh,
        )
        if renstra is not None and renstra.id != asal.renstra_id:
            return baru, _target_dari_renstra(baru, oleh)
        for t in asal.target.order_by("urutan", "id"):
            salinan = TargetPerjanjian(
                perjanjian=baru,
                indikator_id=t.indikator_id,
                urutan=t.urutan,
                nilai=t.nilai,
                huruf=t.huruf,
            )
            salinan._history_user = oleh
            salinan.save()
        for ip in asal.indikator_program.order_by("urutan", "id"):
            salinan = IndikatorProgram(
                perjanjian=baru,
                program_id=ip.program_id,
                kegiatan_id=ip.kegiatan_id,
                sub_kegiatan_id=ip.sub_kegiatan_id,
                urutan=ip.urutan,
                uraian=ip.uraian,
                satuan=ip.satuan,
                target=ip.target,
                realisasi=ip.realisasi,
                sumber_realisasi=ip.sumber_realisasi,
            )
            salinan._history_user = oleh
            salinan.save()
        return baru, []


def sidik_perjanjian(perjanjian: PerjanjianKinerja, target) -> str:
    return konkurensi.sidik([perjanjian, *target])


def _kunci(perjanjian: PerjanjianKinerja):
    """Re-read the PK and its targets with their rows locked, inside the transaction."""
    segar = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    target = list(
        TargetPerjanjian.objects.select_for_update()
        .filter(perjanjian=segar)
        .order_by("urutan", "id")
    )
    return segar, target


def jaga_draft(perjanjian: PerjanjianKinerja) -> None:
    """Refuse an edit of a PK that is not a draft, with the model's reason: locked for
    everyone once ditetapkan (DataTerkunci), waiting for the camat while diajukan."""
    alasan = perjanjian.alasan_tidak_dapat_diubah()
    if alasan:
        raise (DataTerkunci if perjanjian.ditetapkan else TransisiDitolak)(alasan)


def perjanjian_ubah(
    *,
    perjanjian: PerjanjianKinerja,
    data: Mapping,
    target: Mapping[int, Nilai],
    sidik: str | None,
    oleh: Pengguna,
) -> None:
    """Save the agreement data and the targets (by TargetPerjanjian id) all at once."""
    _jaga_pengisi(perjanjian, oleh)
    with transaction.atomic():
        segar, baris = _kunci(perjanjian)
        jaga_draft(segar)
        konkurensi.periksa(sidik, sidik_perjanjian(segar, baris))
        data = _pihak_menurut_tanggal(segar, data)
        berubah = False
        for kolom in KOLOM_PERJANJIAN:
            if kolom in data and getattr(segar, kolom) != data[kolom]:
                setattr(segar, kolom, data[kolom])
                berubah = True
        if berubah:
            segar._history_user = oleh
            segar.full_clean(exclude=["kecamatan", "renstra", "asal"], validate_unique=False)
            segar.save()
        for t in baris:
            nilai = target.get(t.id)
            if nilai is None:
                continue
            huruf = nilai.huruf or ""
            if (t.nilai, t.huruf) != (nilai.angka, huruf):
                t.nilai, t.huruf = nilai.angka, huruf
                t._history_user = oleh
                t.save()


KOLOM_PIHAK = tuple(k for k in KOLOM_PERJANJIAN if k.startswith("pihak_"))


def _pihak_menurut_tanggal(perjanjian: PerjanjianKinerja, data: Mapping) -> Mapping:
    """A new date proposes the parties in office on it: each party field still holding the
    proposal of the old date (not typed over, here or in the form) takes the new date's."""
    baru = data.get("tanggal")
    if not baru or baru == perjanjian.tanggal:
        return data
    args = (perjanjian.kecamatan, perjanjian.tahun, perjanjian.jenis)
    lama, usul = _bawaan(*args, tanggal=perjanjian.tanggal), _bawaan(*args, tanggal=baru)
    hasil = dict(data)
    for kolom in KOLOM_PIHAK:
        tersimpan = getattr(perjanjian, kolom)
        if hasil.get(kolom, tersimpan) == tersimpan == lama[kolom]:
            hasil[kolom] = usul[kolom]
    return hasil


def perjanjian_hapus(*, perjanjian: PerjanjianKinerja, oleh: Pengguna) -> None:
    """Remove a draft PK (e.g. made on the wrong Renstra), with its targets and indicators."""
    _jaga_pengisi(perjanjian, oleh)
    with transaction.atomic():
        segar = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
        jaga_draft(segar)
        if segar.perubahan.exists():
            raise TransisiDitolak(
                "Perjanjian Kinerja ini sudah memiliki PK Perubahan; hapus PK Perubahan dahulu."
            )
        for bagian in (*segar.target.all(), *segar.indikator_program.all()):
            bagian._history_user = oleh
            bagian.delete()
        segar._history_user = oleh
        segar.delete()


def perjanjian_transisi(
    *, perjanjian: PerjanjianKinerja, aksi: str, oleh: Pengguna, **kolom
) -> PerjanjianKinerja:
    """One step of the PK's transition table (PerjanjianKinerja.alur) on the stored row,
    locked for the transaction. The public services below check who may act first."""
    with transaction.atomic():
        segar = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
        return jalankan_transisi(dokumen=segar, aksi=aksi, oleh=oleh, **kolom)


def kekurangan_perjanjian(*, perjanjian: PerjanjianKinerja) -> list[Kekurangan]:
    """What a PK still lacks before it is submitted to the camat (the guard of
    ``perjanjian_ajukan`` and the list its confirmation shows): its date and its targets."""
    url = reverse("perjanjian:perjanjian-detail", args=[perjanjian.kecamatan.slug, perjanjian.pk])
    hasil = []
    if perjanjian.tanggal is None:
        hasil.append(Kekurangan("Isi tanggal perjanjian sebelum mengajukan ke camat.", url, True))
    if not perjanjian.target.exists():
        hasil.append(Kekurangan("Perjanjian Kinerja ini belum memiliki target.", url, True))
    return hasil


def perjanjian_ajukan(*, perjanjian: PerjanjianKinerja, oleh: Pengguna) -> PerjanjianKinerja:
    """draft → diajukan, by the kecamatan's operator or camat."""
    _jaga_pengisi(perjanjian, oleh)
    jaga_lengkap(
        f"{perjanjian.get_jenis_display()} {perjanjian.tahun} belum dapat diajukan:",
        kekurangan_perjanjian(perjanjian=perjanjian),
    )
    return perjanjian_transisi(perjanjian=perjanjian, aksi="ajukan", oleh=oleh)


def _jaga_camat(perjanjian, oleh, apa: str) -> None:
    akses.wajib(oleh, Izin.MENETAPKAN, perjanjian.kecamatan, tindakan=apa)


def perjanjian_tetapkan(*, perjanjian: PerjanjianKinerja, oleh: Pengguna) -> PerjanjianKinerja:
    """diajukan → ditetapkan, by the camat only; from then on the PK is locked."""
    _jaga_camat(perjanjian, oleh, "menetapkan Perjanjian Kinerja")
    return perjanjian_transisi(perjanjian=perjanjian, aksi="tetapkan", oleh=oleh, komentar="")


def perjanjian_kembalikan(
    *, perjanjian: PerjanjianKinerja, komentar: str, oleh: Pengguna
) -> PerjanjianKinerja:
    """diajukan → draft, by the camat, with the reason the operator will read."""
    _jaga_camat(perjanjian, oleh, "mengembalikan Perjanjian Kinerja ke draf")
    komentar = (komentar or "").strip()
    if not komentar:
        raise TransisiDitolak("Tulis alasan pengembalian untuk operator.")
    return perjanjian_transisi(
        perjanjian=perjanjian, aksi="kembalikan", oleh=oleh, komentar=komentar
    )


def perjanjian_kembalikan_bappeda(
    *, perjanjian: PerjanjianKinerja, komentar: str, oleh: Pengguna
) -> PerjanjianKinerja:
    """diajukan → draft, by Bappeda of the kabupaten after checking it against the Renstra,
    with the reason the kecamatan reads. Approving stays the camat's (perjanjian_tetapkan)."""
    akses.wajib(
        oleh, Izin.MEMVERIFIKASI, perjanjian.kecamatan, tindakan="mengembalikan Perjanjian Kinerja"
    )
    komentar = (komentar or "").strip()
    if not komentar:
        raise TransisiDitolak(
            "Tuliskan alasan pengembalian agar kecamatan tahu yang harus diperbaiki."
        )
    return perjanjian_transisi(
        perjanjian=perjanjian,
        aksi="kembalikan_bappeda",
        oleh=oleh,
        komentar=f"Bappeda: {komentar}",
    )
