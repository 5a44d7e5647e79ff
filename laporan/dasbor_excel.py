"""The kabupaten dashboard as an Excel workbook: the same rows as the page, as numbers.

Values are real numeric cells (target and realisasi as stored, capaian rounded half-up to two
decimals as the page shows it) with number formats, so a reader can sort, filter and compute
in Excel; the kriteria band colours its cells as on the page. Same renderer contract as the
printed documents: ``render(...) -> Berkas``.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from laporan.dokumen.dasar import Berkas
from sakip import kinerja

from .dasbor import BarisDasbor, DasarPK, Dasbor

CONTENT_TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_NILAI = "#,##0.00"
FORMAT_PERSEN = "0.00"
FORMAT_BULAT = "0"
TEBAL = Font(bold=True)
ISI_JUDUL = PatternFill(fill_type="solid", fgColor="E8EEF4")


def _isi(warna: str) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor=warna.lstrip("#").upper())


def _status(kode: str | None, label: str) -> str:
    return label if kode else "Belum ada"


def render(*, dasbor: Dasbor, baris: list[BarisDasbor], kabupaten: str) -> Berkas:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Dasbor {dasbor.tahun}"

    kepala = ["No", "Kode", "Kecamatan", "Dasar target"]
    for u in dasbor.ukuran:
        satuan = f" ({u.satuan})" if u.satuan else ""
        kepala += [
            f"{u.nama} — Target{satuan}",
            f"{u.nama} — Realisasi{satuan}",
            f"{u.nama} — Capaian (%)",
            f"{u.nama} — Kriteria",
            f"{u.nama} — Peringkat",
        ]
    kepala += [
        "Renstra berlaku",
        "Keputusan IKU",
        "Perjanjian Kinerja",
        "Realisasi TW I",
        "Realisasi TW II",
        "Realisasi TW III",
        "Realisasi TW IV",
        "Realisasi Tahunan",
        "LKIP",
        "Butir lengkap",
        "Keterangan",
    ]
    ws.append(kepala)
    for sel in ws[1]:
        sel.font = TEBAL
        sel.fill = ISI_JUDUL
        sel.alignment = Alignment(wrap_text=True, vertical="top")

    for no, b in enumerate(baris, start=1):
        k = b.kelengkapan
        isi: list = [no, b.kecamatan.kode, b.kecamatan.nama, b.dasar_pk or "Belum ada PK"]
        for s in b.sel:
            isi += [
                s.target.angka if s.target else None,
                s.realisasi.angka if s.realisasi else None,
                kinerja.bulatkan(s.capaian, 2),
                s.kriteria.label if s.kriteria else None,
                s.peringkat,
            ]
        isi += [
            "; ".join(k.renstra) or "Belum ada",
            {"ditetapkan": "Ditetapkan", "draft": "Draft"}.get(k.keputusan or "", "Belum ada"),
            "; ".join(f"{j}: {label}" for j, _, label in k.perjanjian) or "Belum ada",
            *(label for _, _, label in k.realisasi),
            {"ditetapkan": "Ditetapkan (final)", "draft": "Draft"}.get(k.lkip or "", "Belum ada"),
            k.jumlah_lengkap,
            "data SINTETIS (demo), bukan data resmi" if k.sintetis else None,
        ]
        ws.append(isi)
        r = ws.max_row
        for j, s in enumerate(b.sel):
            awal = 5 + 5 * j
            ws.cell(r, awal).number_format = FORMAT_NILAI
            ws.cell(r, awal + 1).number_format = FORMAT_NILAI
            ws.cell(r, awal + 2).number_format = FORMAT_PERSEN
            ws.cell(r, awal + 4).number_format = FORMAT_BULAT
            if s.kriteria:
                ws.cell(r, awal + 2).fill = _isi(s.kriteria.warna)
                ws.cell(r, awal + 3).fill = _isi(s.kriteria.warna)
        ws.cell(r, 1).number_format = FORMAT_BULAT
        ws.cell(r, len(kepala) - 1).number_format = FORMAT_BULAT

    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(kepala))}{ws.max_row}"
    ws.row_dimensions[1].height = 60
    lebar = {1: 5, 2: 10, 3: 18, 4: 26}
    for kolom in range(1, len(kepala) + 1):
        ws.column_dimensions[get_column_letter(kolom)].width = lebar.get(kolom, 16)

    ket = wb.create_sheet("Keterangan")
    dasar = dict(DasarPK.PILIHAN)[dasbor.dasar]
    for baris_ket in (
        ("Dasbor kinerja kecamatan", f"Kabupaten {kabupaten}"),
        ("Tahun", dasbor.tahun),
        ("Dasar target", dasar),
        ("Skala kriteria capaian", dasbor.skala_kriteria.nama),
        (
            "Capaian",
            "realisasi terhadap target PK, sesuai polaritas indikator; kosong bila "
            "tidak dapat dihitung (target atau realisasi belum ada)",
        ),
        (
            "Peringkat",
            f"1 = realisasi terbaik; hanya bila paling sedikit "
            f"{dasbor.minimal_pembanding} kecamatan memiliki realisasi",
        ),
        (
            "Butir lengkap",
            "dari 9: Renstra, Keputusan IKU, PK ditetapkan, realisasi TW I–IV "
            "dan tahunan diverifikasi, LKIP final",
        ),
    ):
        ket.append(list(baris_ket))
    ket["A1"].font = TEBAL
    ket.column_dimensions["A"].width = 24
    ket.column_dimensions["B"].width = 90

    keluaran = io.BytesIO()
    wb.save(keluaran)
    return Berkas(
        f"dasbor-kecamatan-{kabupaten.lower()}-{dasbor.tahun}.xlsx",
        CONTENT_TYPE_XLSX,
        keluaran.getvalue(),
    )
