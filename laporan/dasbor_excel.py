"""The kabupaten dashboard as an Excel workbook: the same rows as the page, as numbers.

Values are real numeric cells (target and realisasi as stored, capaian rounded half-up to two
decimals as the page shows it) with number formats, so a reader can sort, filter and compute
in Excel; the kriteria band colours its cells as on the page. Written with the shared
``sakip.excel.Lembar``; same renderer contract as every download: ``render(...) -> Berkas``.
"""

from sakip import kinerja
from sakip.berkas import Berkas
from sakip.excel import FORMAT_BULAT, FORMAT_DUA_DESIMAL, FORMAT_PERSEN, Lembar

from .dasbor import BarisDasbor, DasarPerjanjian, Dasbor


def render(*, dasbor: Dasbor, baris: list[BarisDasbor], kabupaten: str) -> Berkas:
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
    lembar = Lembar(f"Dasbor {dasbor.tahun}")
    lebar = {0: 5, 1: 10, 2: 18, 3: 26}
    lembar.header(
        tuple(kepala), tuple(lebar.get(i, 16) for i in range(len(kepala))), tinggi=60, beku_kolom=3
    )

    # 0-based columns: No, then five per measure from column 4, and "Butir lengkap".
    format = {0: FORMAT_BULAT, len(kepala) - 2: FORMAT_BULAT}
    for j in range(len(dasbor.ukuran)):
        awal = 4 + 5 * j
        format.update(
            {
                awal: FORMAT_DUA_DESIMAL,
                awal + 1: FORMAT_DUA_DESIMAL,
                awal + 2: FORMAT_PERSEN,
                awal + 4: FORMAT_BULAT,
            }
        )
    for no, b in enumerate(baris, start=1):
        k = b.kelengkapan
        isi: list = [no, b.kecamatan.kode, b.kecamatan.nama, b.dasar_perjanjian or "Belum ada PK"]
        warna = {}
        for j, s in enumerate(b.sel):
            isi += [
                s.target.angka if s.target else None,
                s.realisasi.angka if s.realisasi else None,
                kinerja.bulatkan(s.capaian, 2),
                s.kriteria.label if s.kriteria else None,
                s.peringkat,
            ]
            if s.kriteria:
                # The kriteria band colours the capaian and its label, as on the page.
                warna[4 + 5 * j + 2] = warna[4 + 5 * j + 3] = s.kriteria.warna
        isi += [
            "; ".join(k.renstra) or "Belum ada",
            {"ditetapkan": "Ditetapkan", "draft": "Draf"}.get(k.keputusan or "", "Belum ada"),
            "; ".join(f"{j}: {label}" for j, _, label in k.perjanjian) or "Belum ada",
            *(label for _, _, label in k.realisasi),
            {"ditetapkan": "Ditetapkan (final)", "draft": "Draf"}.get(k.lkip or "", "Belum ada"),
            k.jumlah_lengkap,
            "; ".join(
                [
                    *(["data SINTETIS (demo), bukan data resmi"] if k.sintetis else []),
                    # Where a value comes from, as the page says it (the Nilai SAKIP, a
                    # computed realisasi).
                    *(f"Nilai SAKIP {s.sumber}" for s in b.sel if s.sumber),
                    *(
                        f"{u.nama}: {s.dihitung}"
                        for u, s in zip(dasbor.ukuran, b.sel, strict=True)
                        if s.dihitung
                    ),
                ]
            )
            or None,
        ]
        lembar.tulis(isi, format=format, warna=warna)
    lembar.saring()

    ket = lembar.lembar_baru("Keterangan")
    ket.lebar((24, 90))
    dasar = dict(DasarPerjanjian.PILIHAN)[dasbor.dasar]
    ket.tulis(["Dasbor kinerja kecamatan", f"Kabupaten {kabupaten}"], tebal=True)
    for baris_ket in (
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
        ket.tulis(list(baris_ket))
    return lembar.berkas(f"dasbor-kecamatan-{kabupaten.lower()}-{dasbor.tahun}.xlsx")
