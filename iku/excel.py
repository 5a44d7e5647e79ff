"""Renstra targets in Excel, in the layout of TC 25 / Tabel 2.3 of the LKIP: one row per
indicator, the baseline, a column per year and the end target.

Export and template share the layout (the template has the rows but no values). The import
reads the file against the stored grid, lists what would change and what is wrong, and saves
through ``iku.services.target_simpan`` (all or nothing, fingerprint checked, history kept).
An empty cell leaves the stored value as it is: a partly filled template removes nothing.
"""

from dataclasses import dataclass

from iku import services
from iku.models import Indikator, Renstra, TargetIndikator
from iku.selectors import pohon, rata
from sakip import kinerja
from sakip.berkas import Berkas
from sakip.excel import (
    Lembar,
    Pratinjau,
    baca_nilai,
    baris_lembar,
    buka_buku,
    sel_ref,
    tampil,
)
from sakip.kinerja import Nilai

# Baseline, yearly and end targets share one declaration (iku.models.NILAI).
KOLOM_TARGET = TargetIndikator._meta.get_field("nilai")
AWAL = ("Kode kecamatan", "No", "Tujuan / Sasaran", "Kode indikator", "Indikator", "Satuan")


@dataclass
class BarisTarget:
    kode: str  # the measure's code, unique within the Renstra
    tingkat: str  # "Tujuan 1", "Sasaran 1.2"
    uraian: str
    indikator: Indikator


def _nilai(angka, huruf) -> Nilai | None:
    return None if angka is None else Nilai(angka, huruf or None)


def baris_renstra(renstra: Renstra) -> list[BarisTarget]:
    """The indicators of a Renstra in document order, each with a code people can read."""
    hasil, dipakai = [], set()
    for simpul in rata(pohon(renstra=renstra, lengkap=True)):
        for ind in simpul.indikator:
            kode = ind.ukuran.kode
            if kode in dipakai:  # the same measure twice in one Renstra
                kode = f"{kode}-{ind.id}"
            dipakai.add(kode)
            hasil.append(BarisTarget(kode, simpul.judul, simpul.objek.uraian, ind))
    return hasil


def _kolom_nilai(renstra: Renstra) -> list[tuple[str, object]]:
    """(header, key) of the value columns: "baseline", each year, "akhir"."""
    return [
        (f"Kondisi awal {renstra.tahun_baseline}", "baseline"),
        *((str(th), th) for th in renstra.tahun),
        (f"Target akhir {renstra.tahun_akhir}", "akhir"),
    ]


def _target(baris: list[BarisTarget]) -> dict[tuple[int, int], TargetIndikator]:
    return {
        (t.indikator_id, t.tahun): t
        for t in TargetIndikator.objects.filter(indikator__in=[b.indikator.id for b in baris])
    }


def _stored(b: BarisTarget, kunci, target) -> Nilai | None:
    ind = b.indikator
    if kunci == "baseline":
        return _nilai(ind.baseline, ind.baseline_huruf)
    if kunci == "akhir":
        return _nilai(ind.target_akhir, ind.target_akhir_huruf)
    t = target.get((ind.id, kunci))
    return _nilai(t.nilai, t.huruf) if t else None


def render(*, renstra: Renstra, templat: bool = False) -> Berkas:
    """The target table (or its empty template) as a workbook."""
    kecamatan = renstra.kecamatan
    baris = baris_renstra(renstra)
    target = {} if templat else _target(baris)
    kolom = _kolom_nilai(renstra)
    lembar = Lembar("Target Renstra")
    lembar.judul(f"Matriks Tujuan dan Sasaran {renstra.nama} Kecamatan {kecamatan.nama}")
    lembar.judul(
        f"Kode kecamatan {kecamatan.kode} · tahun {renstra.tahun_awal}-{renstra.tahun_akhir}"
        + (f" · sumber: {renstra.sumber}" if renstra.sumber else ""),
        tebal=False,
    )
    lembar.judul(
        f"Tulis angka dengan {kinerja.ATURAN_DESIMAL}, mis. {kinerja.CONTOH_NILAI}. "
        "Sel kosong tidak mengubah data yang tersimpan.",
        tebal=False,
    )
    lembar.kosong()
    lembar.header((*AWAL, *(h for h, _ in kolom)), (16, 12, 45, 28, 45, 12, *[13] * len(kolom)))
    for b in baris:
        nilai = [None if templat else _stored(b, k, target) for _, k in kolom]
        ind = b.indikator
        lembar.tulis([kecamatan.kode, b.tingkat, b.uraian, b.kode, ind.nama, ind.satuan, *nilai])
    jenis = "templat-target" if templat else "target"
    nama = f"{jenis}-{kecamatan.slug}-{renstra.tahun_awal}-{renstra.tahun_akhir}.xlsx"
    return lembar.berkas(nama)


def sidik(renstra: Renstra) -> str:
    baris = baris_renstra(renstra)
    return services.sidik_target([b.indikator for b in baris], _target(baris).values())


def pratinjau(*, renstra: Renstra, data: bytes) -> Pratinjau:
    """What the file would change in the grid of ``renstra``; writes nothing."""
    kecamatan = renstra.kecamatan
    header, isi = baris_lembar(buka_buku(data), AWAL[:3])
    baris = baris_renstra(renstra)
    per_kode = {b.kode.lower(): b for b in baris}
    target = _target(baris)
    hasil = Pratinjau(sidik=services.sidik_target([b.indikator for b in baris], target.values()))

    # Value columns by their header: known ones, and years outside the Renstra.
    dikenal = {h.lower(): k for h, k in _kolom_nilai(renstra)}
    kolom, di_luar = {}, {}
    for i, h in enumerate(header[len(AWAL) :], start=len(AWAL)):
        if not h:
            continue
        if h.lower() in dikenal:
            kolom[i] = (h, dikenal[h.lower()])
        elif h.isdigit():
            di_luar[i] = h
        else:
            hasil.catatan_umum.append(f"Kolom '{h}' tidak dikenal dan tidak dibaca.")
    if not kolom:
        hasil.galat_umum.append("Tidak ada kolom tahun Renstra ini dalam berkas.")

    ubah: dict[int, dict] = {}
    dilihat: dict[str, int] = {}
    for nomor, sel in isi:
        kode_kec, _, _, kode, nama = (str(s or "").strip() for s in sel[:5])
        b_p = hasil.baris_baru(nomor, nama or kode or "(tanpa nama)")
        if kode_kec and kode_kec != kecamatan.kode:
            b_p.galat.append(
                f"Baris ini untuk kecamatan berkode {kode_kec}, bukan {kecamatan.nama} "
                f"({kecamatan.kode}); data kecamatan lain tidak dapat diimpor di sini."
            )
            continue
        b = per_kode.get(kode.lower())
        if b is None:
            b_p.galat.append(
                f"Kode indikator '{kode}' tidak dikenal pada {renstra.nama}. Gunakan kode dari "
                "templat; indikator baru ditambahkan lewat halaman Renstra."
                if kode
                else "Kode indikator kosong."
            )
            continue
        if b.kode in dilihat:
            b_p.galat.append(
                f"Baris ganda: indikator {b.indikator.nama} sudah ada pada baris {dilihat[b.kode]}."
            )
            continue
        dilihat[b.kode] = nomor
        b_p.label = b.indikator.nama
        for i, th in di_luar.items():
            if sel[i] not in (None, ""):
                b_p.galat.append(
                    f"Tahun {th} (sel {sel_ref(i, nomor)}) di luar periode {renstra.nama} "
                    f"({renstra.tahun_awal}-{renstra.tahun_akhir})."
                )
        for i, (judul, k) in kolom.items():
            try:
                bacaan = baca_nilai(sel[i], kolom=KOLOM_TARGET)
            except ValueError as e:
                b_p.galat.append(f"{judul} (sel {sel_ref(i, nomor)}) {e}.")
                continue
            if bacaan.nilai is None:
                continue
            lama = _stored(b, k, target)
            if services._sama(
                lama.angka if lama else None, (lama.huruf or "") if lama else "", bacaan.nilai
            ):
                continue
            ubah.setdefault(b.indikator.id, {})[k] = bacaan.nilai
            b_p.perubahan.append(f"{judul}: {tampil(lama)} → {tampil(bacaan.nilai)}")
            if bacaan.catatan:
                b_p.catatan.append(f"{judul}: {bacaan.catatan}")

    hasil.rencana = ubah
    return hasil


def terapkan(*, renstra: Renstra, pratinjau: Pratinjau, oleh) -> int:
    """Save the changes of a checked preview: the whole grid through target_simpan, every
    cell not in the file kept as stored."""
    baris = baris_renstra(renstra)
    target = _target(baris)
    isian = {}
    for b in baris:
        ubah = pratinjau.rencana.get(b.indikator.id, {})

        def isi(k, b=b, ubah=ubah):
            return ubah.get(k, _stored(b, k, target))

        isian[b.indikator.id] = services.IsianTarget(
            baseline=isi("baseline"),
            target_akhir=isi("akhir"),
            tahunan={th: isi(th) for th in renstra.tahun},
        )
    return services.target_simpan(renstra=renstra, isian=isian, sidik=pratinjau.sidik, oleh=oleh)
