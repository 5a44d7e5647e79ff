"""Selector: the rating scale in force for a kabupaten, year and kind, as a kinerja.Skala."""

from sakip import kinerja

from .models import JenisSkala, PemakaianSkala, PitaSkala, SkalaPenilaian

BAWAAN_PER_JENIS = {
    JenisSkala.KRITERIA_CAPAIAN: kinerja.SKALA_KRITERIA_CAPAIAN,
    JenisSkala.IKM: kinerja.SKALA_IKM,
    JenisSkala.IPP: kinerja.SKALA_IPP,
    JenisSkala.PREDIKAT_SAKIP: kinerja.SKALA_PREDIKAT_SAKIP,
}


SUMBER_BAWAAN = {
    JenisSkala.KRITERIA_CAPAIAN: "Permendagri 86 Tahun 2017",
    JenisSkala.IKM: "PermenPANRB 14 Tahun 2017",
    JenisSkala.IPP: "PermenPANRB 29 Tahun 2022",
    JenisSkala.PREDIKAT_SAKIP: "PermenPANRB 88 Tahun 2021",
}


def pasang_skala_bawaan(skala_model=SkalaPenilaian, pita_model=PitaSkala) -> None:
    """Store the DOMAIN.md default scales that are missing (the migration passes its
    historical models; the data loader calls it too, so a flushed test database recovers)."""
    for jenis, skala in BAWAAN_PER_JENIS.items():
        baris, dibuat = skala_model.objects.get_or_create(
            kode=skala.kode,
            defaults={
                "nama": skala.nama,
                "jenis": jenis.value,
                "presisi": skala.presisi,
                "sumber": SUMBER_BAWAAN[jenis],
            },
        )
        if dibuat:
            pita_model.objects.bulk_create(
                pita_model(
                    skala=baris,
                    urutan=urutan,
                    kode=p.kode,
                    label=p.label,
                    warna=p.warna,
                    batas_bawah=p.batas_bawah,
                    inklusif=p.inklusif,
                )
                for urutan, p in enumerate(skala.pita, start=1)
            )


def ke_kinerja(skala: SkalaPenilaian) -> kinerja.Skala:
    """Turn a stored scale (with its bands prefetched or not) into the pure dataclass."""
    return kinerja.Skala(
        kode=skala.kode,
        nama=skala.nama,
        presisi=skala.presisi,
        pita=tuple(
            kinerja.Pita(
                kode=p.kode,
                label=p.label,
                warna=p.warna,
                batas_bawah=p.batas_bawah,
                inklusif=p.inklusif,
            )
            for p in sorted(skala.pita.all(), key=lambda p: p.urutan)
        ),
    )


def skala_tahun(*, kabupaten_id: int, tahun: int) -> dict[str, kinerja.Skala]:
    """Every kind of scale for one kabupaten and year, in two queries.

    A kind the kabupaten chose no scale for falls back to the DOMAIN.md default.
    """
    hasil = dict(BAWAAN_PER_JENIS)
    pemakaian = (
        PemakaianSkala.objects.filter(kabupaten_id=kabupaten_id, tahun=tahun)
        .select_related("skala")
        .prefetch_related("skala__pita")
    )
    for p in pemakaian:
        hasil[p.jenis] = ke_kinerja(p.skala)
    return hasil
