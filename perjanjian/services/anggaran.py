"""Services: writing the budget tree (program → kegiatan → sub kegiatan), its pagu and
realisasi, and the program / kegiatan indicators of a PK.

Amounts are written on the sub kegiatan only; every total is computed by
perjanjian.selectors. A pagu promised by a ditetapkan PK and a verified realisasi are refused
by the model guards (DataTerkunci), which roll the whole save back; the budget realisasi of a
period diajukan to Bappeda is refused like its indicators (TransisiDitolak).
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import IntegrityError, transaction

from iku.models import Indikator, Sasaran
from iku.selectors import ada_sasaran_asing
from kecamatan.models import Kecamatan, Pengguna
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.selectors.salinan import salinan_anggaran
from perjanjian.selectors.turunan import keterangan_sumber
from perjanjian.services.perjanjian import jaga_draft
from perjanjian.services.realisasi import pesan_dihitung
from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.kinerja import Nilai
from sakip.penguncian import DataTerkunci, TransisiDitolak

KOLOM_PAGU = ("pagu_awal", "pagu_pergeseran", "pagu_perubahan")
KOLOM_SUB = (*KOLOM_PAGU, "jenis_belanja")  # what a sub kegiatan's row of the grid writes
PERIODE = (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4, Periode.TAHUNAN)


def _jaga_pengisi(kecamatan: Kecamatan, oleh: Pengguna) -> None:
    akses.wajib(oleh, Izin.MENGISI, kecamatan)


# --- pagu and realisasi of the sub kegiatan of a year ---------------------------------------


def sidik_anggaran(sub_kegiatan: Iterable[SubKegiatan], realisasi: Iterable) -> str:
    """Fingerprint of the amounts of a year, whatever order they were loaded in."""
    return konkurensi.sidik(
        [*sorted(sub_kegiatan, key=lambda s: s.id), *sorted(realisasi, key=lambda r: r.id)]
    )


def anggaran_simpan(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    isian: Mapping[int, Mapping[str, Decimal | None]],
    sidik: str | None,
    oleh: Pengguna,
) -> int:
    """Save the pagu columns and the realisasi per period of the year's sub kegiatan.

    ``isian`` maps a sub kegiatan id to its values (keys of KOLOM_SUB and of PERIODE; an
    empty realisasi is removed; an absent key leaves the value as it is). All or nothing.
    Returns how many values changed.
    """
    _jaga_pengisi(kecamatan, oleh)
    with transaction.atomic():
        sub = {
            s.id: s
            for s in SubKegiatan.objects.select_for_update(of=("self",))
            .filter(kegiatan__program__kecamatan=kecamatan, kegiatan__program__tahun=tahun)
            .order_by("id")
        }
        realisasi = list(
            RealisasiAnggaran.objects.select_for_update(of=("self",))
            .filter(sub_kegiatan_id__in=sub)
            .order_by("id")
        )
        konkurensi.periksa(sidik, sidik_anggaran(sub.values(), realisasi))
        # A period's budget realisasi is part of its report: closed while Bappeda has it
        # (diajukan) and locked once verified, like its indicators. The reports are held
        # for the transaction so none is submitted meanwhile.
        list(
            PelaporanRealisasi.objects.select_for_update().filter(kecamatan=kecamatan, tahun=tahun)
        )
        tertutup = RealisasiAnggaran.periode_tertutup(kecamatan_id=kecamatan.id, tahun=tahun)
        ada = {(r.sub_kegiatan_id, r.periode): r for r in realisasi}
        berubah = 0
        for sub_id, nilai in isian.items():
            s = sub.get(sub_id)
            if s is None:  # not of this kecamatan and year: ignored, never written
                continue
            ganti = [k for k in KOLOM_SUB if k in nilai and getattr(s, k) != nilai[k]]
            if ganti:
                for k in ganti:
                    setattr(s, k, nilai[k])
                s._history_user = oleh
                s.save()
                berubah += len(ganti)
            for periode in PERIODE:
                if periode not in nilai:
                    continue
                baru, lama = nilai[periode], ada.get((sub_id, periode))
                if baru != (lama.jumlah if lama is not None else None) and periode in tertutup:
                    status, alasan = tertutup[periode]
                    terverifikasi = status == PelaporanRealisasi.Status.DIVERIFIKASI
                    raise (DataTerkunci if terverifikasi else TransisiDitolak)(alasan)
                if lama is not None and baru is None:
                    lama._history_user = oleh
                    lama.delete()
                elif lama is None and baru is not None:
                    r = RealisasiAnggaran(sub_kegiatan=s, periode=periode, jumlah=baru)
                    r._history_user = oleh
                    r.save()
                elif lama is not None and lama.jumlah != baru:
                    lama.jumlah = baru
                    lama._history_user = oleh
                    lama.save()
                else:
                    continue
                berubah += 1
        return berubah


def _sidik_tahun(kecamatan: Kecamatan, tahun: int, *, kunci: bool = False) -> str:
    sub = SubKegiatan.objects.filter(
        kegiatan__program__kecamatan=kecamatan, kegiatan__program__tahun=tahun
    )
    realisasi = RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub)
    if kunci:
        sub = sub.select_for_update(of=("self",)).order_by("id")
        realisasi = realisasi.select_for_update(of=("self",)).order_by("id")
    return sidik_anggaran(list(sub), list(realisasi))


def anggaran_impor(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    baru: Iterable[Mapping[str, str]],
    isian: Mapping[int, Mapping[str, Decimal | str | None]],
    isian_baru: Mapping[str, Mapping[str, Decimal | str | None]],
    sidik: str | None,
    oleh: Pengguna,
) -> int:
    """An Excel import of the budget, all or nothing: the new program / kegiatan / sub
    kegiatan rows (``baru``: dicts of ``tingkat``, ``kode``, ``nama`` and the parent's code
    ``induk``, parents first; a parent is a stored row of the year or one created here), then
    the amounts and kinds of the stored sub kegiatan (``isian``, by id) and of the new ones
    (``isian_baru``, by code), written by ``anggaran_simpan``. Returns how many rows and values
    changed."""
    _jaga_pengisi(kecamatan, oleh)
    baru = list(baru)
    with transaction.atomic():
        konkurensi.periksa(sidik, _sidik_tahun(kecamatan, tahun, kunci=True))
        program = {p.kode: p for p in Program.objects.filter(kecamatan=kecamatan, tahun=tahun)}
        kegiatan = {
            (k.program.kode, k.kode): k
            for k in Kegiatan.objects.filter(
                program__kecamatan=kecamatan, program__tahun=tahun
            ).select_related("program")
        }
        id_sub: dict[str, int] = {}
        for b in baru:
            if b["tingkat"] == "program":
                p = Program(kecamatan=kecamatan, tahun=tahun, kode=b["kode"], nama=b["nama"])
                _simpan_baru(p, oleh)
                program[p.kode] = p
            elif b["tingkat"] == "kegiatan":
                k = Kegiatan(program=program[b["induk"]], kode=b["kode"], nama=b["nama"])
                _simpan_baru(k, oleh)
                kegiatan[(b["induk"], k.kode)] = k
            else:
                induk = next(k for (_, kode), k in kegiatan.items() if kode == b["induk"])
                sub = SubKegiatan(kegiatan=induk, kode=b["kode"], nama=b["nama"])
                _simpan_baru(sub, oleh)
                id_sub[sub.kode] = sub.id
        semua = {**isian, **{id_sub[kode]: nilai for kode, nilai in isian_baru.items()}}
        berubah = anggaran_simpan(
            kecamatan=kecamatan,
            tahun=tahun,
            isian=semua,
            sidik=_sidik_tahun(kecamatan, tahun),
            oleh=oleh,
        )
        return len(baru) + berubah


# --- the tree itself --------------------------------------------------------------------------


def _simpan_baru(objek, oleh) -> None:
    """Save a node; a code taken a moment ago by someone else is a message, not a crash."""
    objek._history_user = oleh
    try:
        with transaction.atomic():
            objek.save()
    except IntegrityError as e:
        raise TransisiDitolak(f"Kode {objek.kode} sudah dipakai.") from e


def program_tambah(
    *,
    kecamatan: Kecamatan,
    tahun: int,
    kode: str,
    nama: str,
    sasaran: Iterable[Sasaran] = (),
    oleh: Pengguna,
) -> Program:
    _jaga_pengisi(kecamatan, oleh)
    with transaction.atomic():
        program = Program(kecamatan=kecamatan, tahun=tahun, kode=kode, nama=nama)
        _simpan_baru(program, oleh)
        program.sasaran.set(_jaga_sasaran(kecamatan, sasaran))
        return program


def _jaga_sasaran(kecamatan: Kecamatan, sasaran: Iterable[Sasaran]) -> list[Sasaran]:
    sasaran = list(sasaran)
    if ada_sasaran_asing(kecamatan=kecamatan, sasaran_ids=[s.id for s in sasaran]):
        raise TransisiDitolak("Sasaran itu bukan milik Renstra kecamatan ini.")
    return sasaran


def pesan_sasaran_ganda(sasaran: Iterable[Sasaran]) -> str | None:
    """A kegiatan serves at most one sasaran of each Renstra, so that its rupiah count once in
    the budget and efficiency per sasaran; the form and the services ask this."""
    per_renstra: dict[int, list[Sasaran]] = {}
    for s in sasaran:
        per_renstra.setdefault(s.tujuan.renstra_id, []).append(s)
    for daftar in per_renstra.values():
        if len(daftar) > 1:
            kode = " dan ".join(f"Sasaran {s.kode}" for s in daftar)
            return (
                f"Satu kegiatan hanya mendukung satu sasaran per Renstra ({kode} dipilih "
                "bersama); anggarannya harus terhitung sekali. Pindahkan sub kegiatan ke "
                "kegiatan lain bila melayani sasaran yang berbeda."
            )
    return None


def _jaga_sasaran_kegiatan(kecamatan: Kecamatan, sasaran: Iterable[Sasaran]) -> list[Sasaran]:
    sasaran = _jaga_sasaran(kecamatan, sasaran)
    pesan = pesan_sasaran_ganda(sasaran)
    if pesan:
        raise TransisiDitolak(pesan)
    return sasaran


def program_ubah(
    *,
    program: Program,
    data: Mapping,
    sasaran: Iterable[Sasaran],
    sasaran_kegiatan: Mapping[int, Iterable[Sasaran]] | None = None,
    oleh,
) -> None:
    """Change a program's code, name, factors, the sasaran it supports and, per kegiatan (id
    → sasaran; none: all the program's), the sasaran each of its kegiatan serves. The program's
    guard (its year's approved LKIP) covers the links of its kegiatan too."""
    _jaga_pengisi(program.kecamatan, oleh)
    with transaction.atomic():
        p = Program.objects.select_for_update().get(pk=program.pk)
        for k in ("kode", "nama", "faktor_pendorong", "faktor_penghambat"):
            if k in data:
                setattr(p, k, data[k])
        _simpan_baru(p, oleh)
        p.sasaran.set(_jaga_sasaran(p.kecamatan, sasaran))
        kegiatan = {k.id: k for k in p.kegiatan.all()}
        for kegiatan_id, pilihan in (sasaran_kegiatan or {}).items():
            k = kegiatan.get(kegiatan_id)
            if k is None:  # not of this program: ignored, never written
                continue
            k.sasaran.set(_jaga_sasaran_kegiatan(p.kecamatan, pilihan))


def kegiatan_tambah(
    *,
    program: Program,
    kode: str,
    nama: str,
    sasaran: Iterable[Sasaran] = (),
    oleh: Pengguna,
) -> Kegiatan:
    _jaga_pengisi(program.kecamatan, oleh)
    with transaction.atomic():
        kegiatan = Kegiatan(program=program, kode=kode, nama=nama)
        _simpan_baru(kegiatan, oleh)
        sasaran = _jaga_sasaran_kegiatan(program.kecamatan, sasaran)
        if sasaran:
            program.jaga()  # what the year's approved LKIP printed per sasaran
            kegiatan.sasaran.set(sasaran)
        return kegiatan


def sub_kegiatan_tambah(
    *,
    kegiatan: Kegiatan,
    kode: str,
    nama: str,
    jenis_belanja: str = "",
    pagu_awal: Decimal = Decimal(0),
    oleh: Pengguna,
) -> SubKegiatan:
    _jaga_pengisi(kegiatan.program.kecamatan, oleh)
    with transaction.atomic():
        sub = SubKegiatan(
            kegiatan=kegiatan,
            kode=kode,
            nama=nama,
            jenis_belanja=jenis_belanja,
            pagu_awal=pagu_awal,
        )
        _simpan_baru(sub, oleh)
        return sub


def anggaran_salin(
    *, kecamatan: Kecamatan, ke_tahun: int, salin_pagu: bool, sidik: str | None, oleh: Pengguna
) -> int:
    """Copy last year's budget tree to ``ke_tahun`` as its preview showed it
    (``perjanjian.selectors.salinan_anggaran``): new programs, kegiatan and sub kegiatan with
    their sasaran links (those in force in the new year) and kinds of spending, no realisasi,
    the pagu sebelum perubahan copied or 0. Codes the new year has are matched. All or
    nothing; returns how many rows were created."""
    _jaga_pengisi(kecamatan, oleh)
    with transaction.atomic():
        list(
            Program.objects.select_for_update().filter(
                kecamatan=kecamatan, tahun__in=(ke_tahun - 1, ke_tahun)
            )
        )
        rencana = salinan_anggaran(kecamatan=kecamatan, ke_tahun=ke_tahun, salin_pagu=salin_pagu)
        konkurensi.periksa(sidik, rencana.sidik)
        if not rencana.baru:
            raise TransisiDitolak(
                f"Tidak ada yang disalin: semua program, kegiatan dan sub kegiatan "
                f"{rencana.dari_tahun} sudah ada pada {ke_tahun}."
            )
        program = {p.kode: p for p in Program.objects.filter(kecamatan=kecamatan, tahun=ke_tahun)}
        kegiatan = {
            (k.program.kode, k.kode): k
            for k in Kegiatan.objects.filter(
                program__kecamatan=kecamatan, program__tahun=ke_tahun
            ).select_related("program")
        }
        for b in rencana.baru:
            if b.tingkat == "program":
                program[b.kode] = program_tambah(
                    kecamatan=kecamatan,
                    tahun=ke_tahun,
                    kode=b.kode,
                    nama=b.nama,
                    sasaran=b.sasaran,
                    oleh=oleh,
                )
            elif b.tingkat == "kegiatan":
                kegiatan[(*b.induk, b.kode)] = kegiatan_tambah(
                    program=program[b.induk[0]],
                    kode=b.kode,
                    nama=b.nama,
                    sasaran=b.sasaran,
                    oleh=oleh,
                )
            else:
                sub_kegiatan_tambah(
                    kegiatan=kegiatan[b.induk],
                    kode=b.kode,
                    nama=b.nama,
                    jenis_belanja=b.jenis_belanja,
                    pagu_awal=b.pagu or Decimal(0),
                    oleh=oleh,
                )
        return len(rencana.baru)


# --- program / kegiatan / sub kegiatan indicators of a PK -----------------------------------


def sidik_indikator_program(perjanjian: PerjanjianKinerja, indikator) -> str:
    return konkurensi.sidik([perjanjian.status, *sorted(indikator, key=lambda i: i.id)])


def indikator_program_simpan(
    *,
    perjanjian: PerjanjianKinerja,
    ubah: Mapping[int, Mapping],
    hapus: Iterable[int] = (),
    tambah: Iterable[Mapping] = (),
    sidik: str | None,
    oleh: Pengguna,
) -> None:
    """Change, remove and add the program indicators of a draft PK, all at once.

    ``ubah`` maps an IndikatorProgram id to ``uraian``, ``satuan``, ``target`` (Nilai),
    ``realisasi`` (Nilai or None) and optionally ``sumber_realisasi``; ``tambah`` items also
    carry one of ``program``, ``kegiatan`` or ``sub_kegiatan`` (of the PK's kecamatan and
    year). A derived indicator's realisasi is computed, not typed: a typed value other than
    the one stored is refused (TransisiDitolak) and the stored one is dropped.
    """
    _jaga_pengisi(perjanjian.kecamatan, oleh)
    with transaction.atomic():
        segar = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
        jaga_draft(segar)
        ada = {
            i.id: i for i in IndikatorProgram.objects.select_for_update().filter(perjanjian=segar)
        }
        konkurensi.periksa(sidik, sidik_indikator_program(segar, ada.values()))
        hapus = set(hapus)
        for i in ada.values():
            if i.id in hapus:
                i._history_user = oleh
                i.delete()
                continue
            nilai = ubah.get(i.id)
            if nilai is None:
                continue
            baru = _kolom_indikator(nilai, lama=i)
            if any(getattr(i, k) != v for k, v in baru.items()):
                for k, v in baru.items():
                    setattr(i, k, v)
                i._history_user = oleh
                i.save()
        urutan = max((i.urutan for i in ada.values()), default=0)
        for nilai in tambah:
            urutan += 1
            tingkat = {k: nilai.get(k) for k in ("program", "kegiatan", "sub_kegiatan")}
            _jaga_tingkat(segar, tingkat)
            i = IndikatorProgram(
                perjanjian=segar, urutan=urutan, **tingkat, **_kolom_indikator(nilai)
            )
            i._history_user = oleh
            i.save()


def _kolom_indikator(nilai: Mapping, lama: IndikatorProgram | None = None) -> dict:
    target: Nilai = nilai["target"]
    realisasi: Nilai | None = nilai.get("realisasi")
    angka = realisasi.angka if realisasi else None
    sumber = nilai.get("sumber_realisasi") or (
        lama.sumber_realisasi if lama else Indikator.SumberRealisasi.DIKETIK
    )
    if sumber != Indikator.SumberRealisasi.DIKETIK:
        # Unchanged is allowed: the value typed before the row was switched to a source.
        if angka is not None and angka != (lama.realisasi if lama else None):
            raise TransisiDitolak(pesan_dihitung(nilai["uraian"], keterangan_sumber(sumber)))
        angka = None
    return {
        "uraian": nilai["uraian"],
        "satuan": nilai["satuan"],
        "target": target.angka,
        "realisasi": angka,
        "sumber_realisasi": sumber,
    }


def _jaga_tingkat(perjanjian: PerjanjianKinerja, tingkat: Mapping) -> None:
    """A new indicator hangs on a node of the PK's own kecamatan and year."""
    node = tingkat.get("program") or tingkat.get("kegiatan") or tingkat.get("sub_kegiatan")
    program = (
        node
        if isinstance(node, Program)
        else node.program
        if isinstance(node, Kegiatan)
        else node.kegiatan.program
    )
    if (program.kecamatan_id, program.tahun) != (perjanjian.kecamatan_id, perjanjian.tahun):
        raise TransisiDitolak("Program / kegiatan itu bukan milik tahun Perjanjian Kinerja ini.")
