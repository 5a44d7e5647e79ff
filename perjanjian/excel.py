"""Excel of a year's realisasi (per triwulan and tahunan) and of its budget (DPA layout).

Each has an export, an empty template with the rows prefilled, a preview of an uploaded file
against the stored data (nothing written) and the write of a checked preview through the
existing services (``realisasi_simpan``, ``anggaran_simpan``): all or nothing, fingerprints
checked again under lock, history recorded with the user. An empty cell leaves the stored
value as it is.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from iku.models import Indikator
from kecamatan.models import Kecamatan
from perjanjian import kode_anggaran
from perjanjian.models import (
    PelaporanRealisasi,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.selectors.anggaran import kunci_anggaran, pohon_anggaran
from perjanjian.selectors.capaian import capaian_terhadap
from perjanjian.selectors.peringatan import peringatan_realisasi
from perjanjian.services.anggaran import KOLOM_PAGU, PERIODE, anggaran_impor, sidik_anggaran
from perjanjian.services.realisasi import Isian, grid_realisasi, realisasi_simpan
from sakip import kinerja
from sakip.berkas import Berkas
from sakip.excel import (
    FORMAT_UANG,
    Lembar,
    Pratinjau,
    baca_nilai,
    baris_lembar,
    buka_buku,
    sel_ref,
    tampil,
    teks_sel,
)
from sakip.kinerja import Nilai

KOLOM_REALISASI = Realisasi._meta.get_field("nilai")


def _kolom_anggaran(kolom: str):
    """The model column a budget cell is stored in: a pagu of the sub kegiatan or a period's
    realisasi."""
    if kolom in KOLOM_PAGU:
        return SubKegiatan._meta.get_field(kolom)
    return RealisasiAnggaran._meta.get_field("jumlah")


LABEL_PERIODE = {
    Periode.TW1: "TW I",
    Periode.TW2: "TW II",
    Periode.TW3: "TW III",
    Periode.TW4: "TW IV",
    Periode.TAHUNAN: "Tahunan",
}


def _cocok_kecamatan(b_p, sel, kecamatan: Kecamatan, tahun: int) -> bool:
    """The row's kecamatan code and year columns; False (with the error) when they are not
    this page's."""
    kode_kec, th = teks_sel(sel[0]), teks_sel(sel[1])
    if kode_kec and kode_kec != kecamatan.kode:
        b_p.galat.append(
            f"Baris ini untuk kecamatan berkode {kode_kec}, bukan {kecamatan.nama} "
            f"({kecamatan.kode}); data kecamatan lain tidak dapat diimpor di sini."
        )
        return False
    if th and th != str(tahun):
        b_p.galat.append(f"Baris ini untuk tahun {th}, bukan {tahun}.")
        return False
    return True


# --- realisasi of the PK indicators -----------------------------------------------------------

AWAL_REALISASI = ("Kode kecamatan", "Tahun", "Kode indikator", "Indikator", "Satuan", "PK")
KOLOM_TARGET = "Target PK"


@dataclass
class BarisRealisasiExcel:
    ukuran_id: int
    kode: str
    nama: str
    satuan: str
    perjanjian: str
    target: Nilai | None
    indikator: Indikator | None = None  # the first PK's indicator: polarity, satuan
    # A year before the kecamatan's Renstra: a measure of a later Renstra whose annual
    # realisasi is history (its trend), entered like on the realisasi page's history block.
    riwayat: bool = False
    dihitung: str = ""  # a derived measure: "Dihitung dari …" (never imported)


@dataclass
class DataRealisasi:
    baris: list[BarisRealisasiExcel]
    tersimpan: dict[tuple[str, int], Realisasi]  # (periode, ukuran id) → stored row
    pelaporan: dict[str, PelaporanRealisasi | None]
    sidik: dict[str, str]
    # (periode, ukuran id) → the computed value of a derived measure (written, never read)
    dihitung: dict[tuple[str, int], Nilai | None]


def data_realisasi(*, kecamatan: Kecamatan, tahun: int) -> DataRealisasi:
    """The PK indicators of the year (one row per measure) and every period's stored values."""
    baris, dilihat = [], {}
    tersimpan, pelaporan, sidik, dihitung = {}, {}, {}, {}
    for periode in PERIODE:
        grid = grid_realisasi(kecamatan=kecamatan, tahun=tahun, periode=periode)
        pelaporan[periode.value] = grid.pelaporan
        sidik[periode.value] = grid.sidik
        for r in grid.tersimpan:
            tersimpan[(periode.value, r.ukuran_id)] = r
        for b in grid.semua_baris:
            if b.turunan is not None:
                dihitung.setdefault((periode.value, b.ukuran.id), b.nilai)
        if periode != Periode.TAHUNAN:
            continue
        for k in grid.kelompok:
            for b in k.baris:
                if b.ukuran.id in dilihat:
                    dilihat[b.ukuran.id].perjanjian += f", {k.perjanjian.get_jenis_display()}"
                    continue
                dilihat[b.ukuran.id] = BarisRealisasiExcel(
                    ukuran_id=b.ukuran.id,
                    kode=b.ukuran.kode,
                    nama=b.indikator.nama,
                    satuan=b.indikator.satuan,
                    perjanjian=k.perjanjian.get_jenis_display(),
                    target=Nilai(b.target.nilai, b.target.huruf or None),
                    indikator=b.indikator,
                    dihitung=b.turunan.keterangan if b.turunan else "",
                )
                baris.append(dilihat[b.ukuran.id])
        if grid.sebelum_renstra:
            ukuran = [b.ukuran for b in grid.tanpa_target] + list(grid.ukuran_lain)
            baris += [_baris_riwayat(u) for u in sorted(ukuran, key=lambda u: u.nama)]
    return DataRealisasi(baris, tersimpan, pelaporan, sidik, dihitung)


RIWAYAT = "Riwayat sebelum Renstra"


def _baris_riwayat(ukuran) -> BarisRealisasiExcel:
    return BarisRealisasiExcel(
        ukuran_id=ukuran.id,
        kode=ukuran.kode,
        nama=ukuran.nama,
        satuan="",
        perjanjian=RIWAYAT,
        target=None,
        riwayat=True,
    )


def _nilai_tersimpan(r: Realisasi | None) -> Nilai | None:
    return None if r is None else Nilai(r.nilai, r.huruf or None)


def render_realisasi(*, kecamatan: Kecamatan, tahun: int, templat: bool = False) -> Berkas:
    """The year's realisasi per period (or its empty template) as a workbook."""
    data = data_realisasi(kecamatan=kecamatan, tahun=tahun)
    lembar = Lembar(f"Realisasi {tahun}")
    lembar.judul(f"Realisasi indikator Perjanjian Kinerja {tahun} Kecamatan {kecamatan.nama}")
    lembar.judul(
        f"Kode kecamatan {kecamatan.kode}. Isi realisasi per triwulan dan tahunan; sel kosong "
        "tidak mengubah data yang tersimpan. Kolom Target PK hanya informasi. Realisasi "
        "indikator yang dihitung sistem (anggaran, indikator program, IKM, LHE) tidak diimpor.",
        tebal=False,
    )
    lembar.kosong()
    periode = [LABEL_PERIODE[p] for p in PERIODE]
    lembar.header((*AWAL_REALISASI, KOLOM_TARGET, *periode), (16, 8, 28, 50, 12, 30, 12, *[12] * 5))
    for b in data.baris:
        nilai = [
            None
            if templat
            else data.dihitung.get((p.value, b.ukuran_id))
            if b.dihitung
            else _nilai_tersimpan(data.tersimpan.get((p.value, b.ukuran_id)))
            for p in PERIODE
        ]
        lembar.tulis(
            [kecamatan.kode, tahun, b.kode, b.nama, b.satuan, b.perjanjian, b.target, *nilai]
        )
    jenis = "templat-realisasi" if templat else "realisasi"
    return lembar.berkas(f"{jenis}-{kecamatan.slug}-{tahun}.xlsx")


def _alasan_terkunci(p: PelaporanRealisasi | None) -> str:
    """Why the period's values cannot be imported now (the reporting row's own answer)."""
    return (p.alasan_isian() if p is not None else None) or ""


def pratinjau_realisasi(*, kecamatan: Kecamatan, tahun: int, data: bytes) -> Pratinjau:
    header, isi = baris_lembar(buka_buku(data), AWAL_REALISASI[:3])
    d = data_realisasi(kecamatan=kecamatan, tahun=tahun)
    hasil = Pratinjau(sidik=d.sidik)
    per_kode = {b.kode.lower(): b for b in d.baris}
    label = {v.lower(): p.value for p, v in LABEL_PERIODE.items()}
    kolom = {}
    for i, h in enumerate(header):
        if h.lower() in label:
            kolom[i] = (h, label[h.lower()])
    if not kolom:
        hasil.galat_umum.append("Tidak ada kolom TW I–TW IV atau Tahunan dalam berkas.")
    kunci = {p: _alasan_terkunci(d.pelaporan[p]) for p in d.pelaporan}

    rencana: dict[str, dict[int, Isian]] = {}
    dilihat: dict[int, int] = {}
    for nomor, sel in isi:
        kode, nama = teks_sel(sel[2]), teks_sel(sel[3])
        b_p = hasil.baris_baru(nomor, nama or kode or "(tanpa nama)")
        if not _cocok_kecamatan(b_p, sel, kecamatan, tahun):
            continue
        b = per_kode.get(kode.lower())
        if b is None:
            b_p.galat.append(
                f"Kode indikator '{kode}' bukan indikator Perjanjian Kinerja {tahun} "
                f"{kecamatan.nama}. Gunakan kode dari templat."
                if kode
                else "Kode indikator kosong."
            )
            continue
        if b.ukuran_id in dilihat:
            b_p.galat.append(f"Baris ganda: {b.nama} sudah ada pada baris {dilihat[b.ukuran_id]}.")
            continue
        dilihat[b.ukuran_id] = nomor
        b_p.label = b.nama
        if b.dihitung:
            # Computed by the system: whatever the cells hold is not imported, and said so.
            if any(teks_sel(sel[i]) for i in kolom if i < len(sel)):
                b_p.catatan.append(
                    f"Tidak diimpor: realisasi indikator ini tidak diketik; "
                    f"{b.dihitung[0].lower()}{b.dihitung[1:]}."
                )
            continue
        for i, (judul, periode) in kolom.items():
            try:
                bacaan = baca_nilai(sel[i], kolom=KOLOM_REALISASI)
            except ValueError as e:
                b_p.galat.append(f"{judul} (sel {sel_ref(i, nomor)}) {e}.")
                continue
            if bacaan.nilai is None:
                continue
            if b.riwayat and periode != Periode.TAHUNAN:
                b_p.galat.append(
                    f"{judul}: tahun {tahun} sebelum periode Renstra kecamatan; riwayatnya "
                    "hanya realisasi Tahunan."
                )
                continue
            r = d.tersimpan.get((periode, b.ukuran_id))
            lama = _nilai_tersimpan(r)
            if r is not None and (r.nilai, r.huruf) == (
                bacaan.nilai.angka,
                bacaan.nilai.huruf or "",
            ):
                continue
            if kunci[periode]:
                b_p.galat.append(f"{judul}: {kunci[periode]}")
                continue
            rencana.setdefault(periode, {})[b.ukuran_id] = Isian(
                bacaan.nilai, r.catatan_sumber if r else ""
            )
            b_p.perubahan.append(f"{judul}: {tampil(lama)} → {tampil(bacaan.nilai)}")
            if bacaan.catatan:
                b_p.catatan.append(f"{judul}: {bacaan.catatan}")
            # Implausible values are imported, with the warning the page would show.
            capaian = (
                capaian_terhadap(
                    indikator=b.indikator, target=b.target.angka, realisasi=bacaan.nilai.angka
                )
                if b.indikator and b.target
                else None
            )
            for p in peringatan_realisasi(
                indikator=b.indikator, nilai=bacaan.nilai.angka, capaian=capaian
            ):
                b_p.catatan.append(f"⚠ {judul}: {p.pesan}")
    hasil.rencana = rencana
    return hasil


def terapkan_realisasi(*, kecamatan: Kecamatan, tahun: int, pratinjau: Pratinjau, oleh) -> int:
    """Every period's changes, in one transaction: a refusal in one period saves none."""
    jumlah = 0
    with transaction.atomic():
        for periode, isian in pratinjau.rencana.items():
            jumlah += realisasi_simpan(
                kecamatan=kecamatan,
                tahun=tahun,
                periode=periode,
                isian=isian,
                sidik=pratinjau.sidik[periode],
                oleh=oleh,
            ).jumlah
    return jumlah


# --- budget (DPA layout) ------------------------------------------------------------------------

AWAL_ANGGARAN = ("Kode kecamatan", "Tahun", "Tingkat", "Kode", "Nama")
TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
KOLOM_ANGGARAN = (
    ("Pagu sebelum perubahan", "pagu_awal"),
    ("Pagu setelah pergeseran", "pagu_pergeseran"),
    ("Pagu sesudah perubahan", "pagu_perubahan"),
    *((f"Realisasi {LABEL_PERIODE[p]}", p.value) for p in PERIODE),
)


def _nilai_simpul(simpul, kunci: str) -> Decimal | None:
    """A stored amount of a sub kegiatan, or the sum of a program's / kegiatan's."""
    if simpul.tingkat != "sub_kegiatan":
        if kunci in KOLOM_PAGU:
            return simpul.jumlah.pagu(kunci)
        return kinerja.jumlahkan(_nilai_simpul(a, kunci) for a in simpul.anak)
    if kunci in KOLOM_PAGU:
        return getattr(simpul.objek, kunci)
    return next((r.jumlah for r in simpul.objek.realisasi.all() if r.periode == kunci), None)


JUDUL_JENIS = "Jenis belanja"
LABEL_JENIS = dict(SubKegiatan._meta.get_field("jenis_belanja").choices)


def _baca_jenis(teks: str) -> str | None:
    """A kind of spending as people write it ("Belanja operasi", "operasi", "Belanja
    Operasional", "tidak langsung"); None when it is none of them."""
    bersih = " ".join(teks.lower().replace("_", " ").split())
    bersih = bersih.removeprefix("belanja ").replace("operasional", "operasi")
    for nilai, label in LABEL_JENIS.items():
        if bersih in (nilai.replace("_", " "), label.lower().removeprefix("belanja ")):
            return nilai
    return None


def render_anggaran(*, kecamatan: Kecamatan, tahun: int, templat: bool = False) -> Berkas:
    """The year's budget tree in the DPA layout (or its empty template) as a workbook."""
    pohon = pohon_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    lembar = Lembar(f"Anggaran {tahun}")
    lembar.judul(f"Program, kegiatan dan sub kegiatan {tahun} Kecamatan {kecamatan.nama}")
    lembar.judul(
        f"Kode kecamatan {kecamatan.kode}. Pagu, realisasi dan jenis belanja diisi pada baris "
        "sub kegiatan; baris program dan kegiatan berisi jumlah yang dihitung aplikasi dan tidak "
        "dibaca saat impor. Sel kosong tidak mengubah data yang tersimpan. Baris dengan kode "
        "baru ditambahkan bila kodenya mengikuti Permendagri 90 (program 7.01.01, kegiatan "
        "7.01.01.2.01, sub kegiatan 7.01.01.2.01.0001).",
        tebal=False,
    )
    lembar.kosong()
    lembar.header(
        (*AWAL_ANGGARAN, *(h for h, _ in KOLOM_ANGGARAN), JUDUL_JENIS),
        (16, 8, 14, 14, 50, *[18] * len(KOLOM_ANGGARAN), 22),
    )
    awal = len(AWAL_ANGGARAN)
    uang = dict.fromkeys(range(awal, awal + len(KOLOM_ANGGARAN)), FORMAT_UANG)
    for s in pohon.baris():
        sub = s.tingkat == "sub_kegiatan"
        nilai = [None if templat and sub else _nilai_simpul(s, k) for _, k in KOLOM_ANGGARAN]
        if templat and not sub:
            nilai = [None] * len(KOLOM_ANGGARAN)
        jenis = LABEL_JENIS.get(s.objek.jenis_belanja) if sub and not templat else None
        lembar.tulis(
            [kecamatan.kode, tahun, TINGKAT[s.tingkat], s.objek.kode, s.objek.nama, *nilai, jenis],
            kelompok=not sub,
            format=uang,
        )
    jenis = "templat-anggaran" if templat else "anggaran"
    return lembar.berkas(f"{jenis}-{kecamatan.slug}-{tahun}.xlsx")


@dataclass
class RencanaAnggaran:
    """What a checked budget file writes (``perjanjian.services.anggaran_impor``)."""

    baru: list[dict] = field(default_factory=list)  # new rows, parents first
    isian: dict[int, dict] = field(default_factory=dict)  # stored sub kegiatan id → values
    isian_baru: dict[str, dict] = field(default_factory=dict)  # new sub kegiatan code → values


_URUTAN_TINGKAT = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


def pratinjau_anggaran(
    *, kecamatan: Kecamatan, tahun: int, data: bytes, kunci: dict | None = None
) -> Pratinjau:
    """``kunci``: locked columns with their reason, by default the page's own
    (perjanjian.selectors.kunci_anggaran); a test passes ``{}`` to reach the model guard.

    A code the year does not have yet is a new row when it follows the Permendagri 90
    pattern of its level and its parent (by code) is stored or in the file: shown as "baru"
    before anything is saved."""
    if kunci is None:
        kunci = kunci_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    header, isi = baris_lembar(buka_buku(data), AWAL_ANGGARAN[:3])
    pohon = pohon_anggaran(kecamatan_id=kecamatan.id, tahun=tahun)
    simpul = pohon.baris()
    sub = [s.objek for s in simpul if s.tingkat == "sub_kegiatan"]
    hasil = Pratinjau(sidik=sidik_anggaran(sub, [r for s in sub for r in s.realisasi.all()]))
    per_kode: dict[tuple[str, str], list] = {}
    for s in simpul:
        per_kode.setdefault((s.tingkat, s.objek.kode), []).append(s)
    tingkat_dari = {v.lower(): k for k, v in TINGKAT.items()}
    dikenal = {h.lower(): k for h, k in KOLOM_ANGGARAN}
    kolom = {i: (h, dikenal[h.lower()]) for i, h in enumerate(header) if h.lower() in dikenal}
    kolom_jenis = next((i for i, h in enumerate(header) if h.lower() == JUDUL_JENIS.lower()), None)
    if not kolom and kolom_jenis is None:
        hasil.galat_umum.append("Tidak ada kolom pagu atau realisasi dalam berkas.")

    rencana = RencanaAnggaran()
    dilihat: dict[tuple[str, str], int] = {}
    # (tingkat, kode) → (row number, preview row, name) of a code the year does not have yet
    baru: dict[tuple[str, str], tuple[int, object, str]] = {}
    for nomor, sel in isi:
        tingkat_teks, kode, nama = teks_sel(sel[2]), teks_sel(sel[3]), teks_sel(sel[4])
        b_p = hasil.baris_baru(nomor, f"{kode} {nama}".strip() or "(tanpa nama)")
        if not _cocok_kecamatan(b_p, sel, kecamatan, tahun):
            continue
        tingkat = tingkat_dari.get(tingkat_teks.lower())
        if tingkat is None:
            b_p.galat.append(
                f"Tingkat '{tingkat_teks}' tidak dikenal; tulis Program, Kegiatan atau "
                "Sub kegiatan."
            )
            continue
        if (tingkat, kode) in dilihat:
            b_p.galat.append(f"Baris ganda: {kode} sudah ada pada baris {dilihat[tingkat, kode]}.")
            continue
        cocok = per_kode.get((tingkat, kode), [])
        nama_tingkat = TINGKAT[tingkat].lower()
        if len(cocok) > 1:
            b_p.galat.append(
                f"Kode {kode} dipakai lebih dari satu {nama_tingkat}; "
                "ubah lewat halaman Program dan anggaran."
            )
            continue
        s = cocok[0] if cocok else None
        if s is None:
            pola = kode_anggaran.POLA[tingkat]
            if not kode_anggaran.kode_sah(tingkat, kode):
                b_p.galat.append(
                    f"Kode {nama_tingkat} '{kode}' tidak ada dalam anggaran {tahun} "
                    f"{kecamatan.nama} dan tidak dapat ditambahkan dari baris {nomor}: kode "
                    f"{nama_tingkat} baru mengikuti pola Permendagri 90 {pola.uraian()}."
                    if kode
                    else f"Kode {nama_tingkat} pada baris {nomor} kosong."
                )
                continue
            if not nama:
                b_p.galat.append(f"Nama {nama_tingkat} baru {kode} (baris {nomor}) kosong.")
                continue
            baru[(tingkat, kode)] = (nomor, b_p, nama)
            b_p.label = f"{kode} {nama} (baru)"
            b_p.perubahan.append(f"Baru: {nama_tingkat} {kode} {nama} ditambahkan")
        dilihat[tingkat, kode] = nomor
        nilai_baris: dict = {}
        for i, (judul, k) in kolom.items():
            try:
                bacaan = baca_nilai(sel[i], kolom=_kolom_anggaran(k), huruf=False)
            except ValueError as e:
                b_p.galat.append(f"{judul} (sel {sel_ref(i, nomor)}) {e}.")
                continue
            if bacaan.nilai is None:
                continue
            lama = _nilai_simpul(s, k) if s else None
            if lama is not None and lama == bacaan.nilai.angka:
                continue
            if tingkat != "sub_kegiatan":
                b_p.catatan.append(
                    f"{judul}: jumlah {nama_tingkat} dihitung dari sub kegiatannya; "
                    f"{tampil(bacaan.nilai)} di baris ini tidak dibaca."
                )
                continue
            if bacaan.nilai.angka < 0:
                b_p.galat.append(f"{judul} (sel {sel_ref(i, nomor)}) tidak boleh negatif.")
                continue
            if k in kunci:
                b_p.galat.append(f"{judul}: {kunci[k]} Nilai tidak dapat diubah.")
                continue
            nilai_baris[k] = bacaan.nilai.angka
            b_p.perubahan.append(f"{judul}: {tampil(lama)} → {tampil(bacaan.nilai)}")
            if bacaan.catatan:
                b_p.catatan.append(f"{judul}: {bacaan.catatan}")
        teks_jenis = teks_sel(sel[kolom_jenis]) if kolom_jenis is not None else ""
        if teks_jenis and tingkat == "sub_kegiatan":
            jenis = _baca_jenis(teks_jenis)
            lama_jenis = s.objek.jenis_belanja if s else ""
            if jenis is None:
                b_p.galat.append(
                    f"{JUDUL_JENIS} (sel {sel_ref(kolom_jenis, nomor)}) '{teks_jenis}' tidak "
                    f"dikenal; tulis salah satu: {', '.join(LABEL_JENIS.values())}."
                )
            elif jenis != lama_jenis:
                nilai_baris["jenis_belanja"] = jenis
                b_p.perubahan.append(
                    f"{JUDUL_JENIS}: {LABEL_JENIS.get(lama_jenis, '–')} → {LABEL_JENIS[jenis]}"
                )
        if not nilai_baris:
            continue
        if s is None:
            rencana.isian_baru[kode] = nilai_baris
        else:
            rencana.isian[s.objek.id] = nilai_baris

    # The parent of each new row: stored, or new in the same file.
    for (tingkat, kode), (nomor, b_p, nama) in sorted(
        baru.items(), key=lambda kv: _URUTAN_TINGKAT[kv[0][0]]
    ):
        if tingkat != "program":
            t_induk = kode_anggaran.INDUK[tingkat]
            induk = kode_anggaran.kode_induk(tingkat, kode)
            if (t_induk, induk) not in per_kode and (t_induk, induk) not in baru:
                b_p.galat.append(
                    f"{TINGKAT[t_induk]} induk {induk} dari {TINGKAT[tingkat].lower()} {kode} "
                    f"(baris {nomor}) tidak ada dalam anggaran {tahun} maupun dalam berkas; "
                    f"tambahkan baris {TINGKAT[t_induk].lower()}nya."
                )
                continue
        else:
            induk = None
        rencana.baru.append({"tingkat": tingkat, "kode": kode, "nama": nama, "induk": induk})
    hasil.rencana = rencana
    return hasil


def terapkan_anggaran(*, kecamatan: Kecamatan, tahun: int, pratinjau: Pratinjau, oleh) -> int:
    rencana: RencanaAnggaran = pratinjau.rencana
    return anggaran_impor(
        kecamatan=kecamatan,
        tahun=tahun,
        baru=rencana.baru,
        isian=rencana.isian,
        isian_baru=rencana.isian_baru,
        sidik=pratinjau.sidik,
        oleh=oleh,
    )
