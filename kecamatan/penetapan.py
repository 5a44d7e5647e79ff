"""Which LKIP are approved, for the apps below laporan that cannot import it.

An approved LKIP freezes everything it printed, and some of that lives below laporan: the
rating scales of its year and the profile rows (kecamatan), the Renstra targets (iku), the
realisasi and the program narratives (perjanjian). Whether an LKIP is approved is laporan's
rule (``LaporanKinerja.objects.ditetapkan()``); laporan registers its answer here in its
``AppConfig.ready()``, and the lower models' ``alasan_terkunci`` ask ``lkip_ditetapkan``.
Before that registration (a migration's historical models never get here) nothing is locked.
"""

from collections.abc import Callable

# (kecamatan_id, kabupaten_id, tahun, sampai_tahun) -> [(kecamatan name, year), ...]
_penjawab: Callable[..., list[tuple[str, int]]] | None = None


def daftarkan_penjawab(fungsi: Callable[..., list[tuple[str, int]]]) -> None:
    global _penjawab
    _penjawab = fungsi


def lkip_ditetapkan(
    *,
    kecamatan_id: int | None = None,
    kabupaten_id: int | None = None,
    tahun: int | None = None,
    dari_tahun: int | None = None,
    sampai_tahun: int | None = None,
) -> list[tuple[str, int]]:
    """The approved LKIP (kecamatan name, year) of one kecamatan or of every kecamatan of a
    kabupaten, of one year or of the years ``dari_tahun``..``sampai_tahun``; in year order."""
    if _penjawab is None:
        return []
    return _penjawab(
        kecamatan_id=kecamatan_id,
        kabupaten_id=kabupaten_id,
        tahun=tahun,
        dari_tahun=dari_tahun,
        sampai_tahun=sampai_tahun,
    )


def pesan_terkunci(ditetapkan: list[tuple[str, int]], apa: str) -> str | None:
    """The reason a user reads: which approved LKIP printed ``apa``, and what to do instead."""
    if not ditetapkan:
        return None
    daftar = ", ".join(f"LKIP {t} Kecamatan {nama}" for nama, t in ditetapkan)
    return (
        f"{apa[0].upper()}{apa[1:]} sudah tercetak dalam {daftar} yang sudah ditetapkan, "
        "sehingga tidak dapat diubah lagi. Perubahan hanya dapat dilakukan setelah camat "
        "membuka versi baru LKIP tersebut."
    )
