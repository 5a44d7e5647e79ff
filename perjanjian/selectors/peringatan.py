"""Selector: what was accepted but deserves a second look, listed on the beranda.

These values are allowed (a realisasi for a measure without target, a PK target set far from
the Renstra's, a capaian above the plausible bound, a count with a fractional part, a budget
realisation above its pagu) and are shown with a visible warning where they are entered and
here, until someone corrects them or lets them stand. Each rule has one function here, which
the entry page and the beranda both call; the arithmetic is sakip.kinerja's.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from iku.models import Indikator, TargetIndikator
from iku.selectors import target_renstra
from perjanjian.models import Periode, Realisasi, SubKegiatan, TargetPerjanjian
from perjanjian.selectors.anggaran import Simpul, simpul_sub, sub_kegiatan_tahun
from perjanjian.selectors.capaian import capaian_terhadap, perjanjian_berlaku
from sakip import kinerja
from sakip.format_id import format_angka, format_persen, format_rupiah

# A PK target further than this from the Renstra target of the same year is flagged.
AMBANG_SIMPANGAN_TARGET = Decimal(10)


@dataclass(frozen=True)
class Peringatan:
    # "realisasi_tanpa_target", "target_jauh", "capaian_tidak_wajar", "cacah_berpecahan",
    # "realisasi_melebihi_pagu"
    jenis: str
    pesan: str


def batas_capaian_wajar() -> Decimal:
    """The capaian (percent) above which a realisasi is flagged (settings, default 150)."""
    return Decimal(settings.SAKIP_BATAS_CAPAIAN_WAJAR)


def peringatan_realisasi(
    *, indikator: Indikator | None, nilai: Decimal | None, capaian: Decimal | None
) -> tuple[Peringatan, ...]:
    """The warnings of one realisasi of an indicator: a count with a fractional part, a
    capaian above the plausible bound. The realisasi grid shows them under the cell being
    typed; the beranda lists them."""
    if nilai is None or indikator is None:
        return ()
    hasil = []
    if kinerja.cacah_berpecahan(nilai, indikator.satuan):
        hasil.append(
            Peringatan(
                "cacah_berpecahan",
                f"{format_angka(nilai, buang_nol=True)} bukan bilangan bulat, padahal satuannya "
                f"“{indikator.satuan}” menghitung jumlah; periksa koma dan titiknya.",
            )
        )
    batas = batas_capaian_wajar()
    if kinerja.capaian_di_atas(capaian, batas):
        hasil.append(
            Peringatan(
                "capaian_tidak_wajar",
                f"Capaian {format_persen(capaian)} melebihi batas wajar "
                f"{format_persen(batas)}; periksa nilai dan satuannya.",
            )
        )
    return tuple(hasil)


def peringatan_anggaran(simpul: Simpul) -> tuple[Peringatan, ...]:
    """A sub kegiatan whose budget realisation exceeds its pagu: the year's (the annual figure,
    else the sum of the quarters), and any period's own figure, or the quarters together, even
    when an annual figure below the pagu hides them. The budget page and the beranda call it."""
    if simpul.tingkat != "sub_kegiatan":
        return ()
    sub: SubKegiatan = simpul.objek
    pagu = simpul.jumlah.pagu_akhir
    per_periode = {r.periode: r.jumlah for r in sub.realisasi.all()}
    triwulan = [per_periode.get(p) for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4)]
    lebih = [
        (f"realisasi {Periode(p).label}", per_periode.get(p))
        for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4, Periode.TAHUNAN)
        if kinerja.melebihi_pagu(pagu, per_periode.get(p))
    ]
    jumlah_triwulan = kinerja.jumlahkan(triwulan)
    # One quarter above the pagu puts the sum above it too: then the quarter is named alone.
    satu_triwulan = any(kinerja.melebihi_pagu(pagu, j) for j in triwulan)
    if not satu_triwulan and kinerja.melebihi_pagu(pagu, jumlah_triwulan):
        lebih.append(("jumlah realisasi Triwulan I–IV", jumlah_triwulan))
    if not lebih:
        return ()
    rincian = "; ".join(f"{nama} {format_rupiah(j)}" for nama, j in lebih)
    return (
        Peringatan(
            "realisasi_melebihi_pagu",
            f"Sub kegiatan {sub.kode} {sub.nama}: {rincian} melebihi pagu {format_rupiah(pagu)}.",
        ),
    )


def peringatan_target(target: TargetPerjanjian, renstra: TargetIndikator | None) -> str | None:
    """The warning for one PK target against its Renstra target (None when fine)."""
    nama = target.indikator.nama
    if renstra is None:
        return f"{nama}: target Renstra tahun {target.perjanjian.tahun} belum diisi."
    jarak = kinerja.simpangan(target.nilai, renstra.nilai)
    if jarak is not None and jarak > AMBANG_SIMPANGAN_TARGET:
        return (
            f"{nama}: target PK {format_angka(target.nilai, buang_nol=True)} berbeda "
            f"{format_persen(jarak)} dari target Renstra "
            f"{format_angka(renstra.nilai, buang_nol=True)}."
        )
    return None


def realisasi_tahun(*, kecamatan_id: int, tahun: int) -> list[Realisasi]:
    """Every realisasi of the kecamatan's year, each period, with its measure (one query), by
    measure name then period: ``Meta.ordering``'s within one kecamatan and year, without its
    joins to sort by the kabupaten's and kecamatan's names."""
    return list(
        Realisasi.objects.filter(kecamatan_id=kecamatan_id, tahun=tahun)
        .select_related("ukuran")
        .order_by("ukuran__nama", "ukuran_id", "periode")
    )


def peringatan_tahun(
    *,
    kecamatan_id: int,
    tahun: int,
    target: list[TargetPerjanjian] | None = None,
    realisasi: list[Realisasi] | None = None,
    sub_kegiatan: list[SubKegiatan] | None = None,
) -> list[Peringatan]:
    """The warnings of the kecamatan's year. A page that has read them already gives the
    year's PK targets (with ``indikator`` and ``perjanjian``), ``realisasi_tahun`` and
    ``sub_kegiatan_tahun``; what is not given is read here."""
    hasil: list[Peringatan] = []
    if target is None:
        target = list(
            TargetPerjanjian.objects.filter(
                perjanjian__kecamatan_id=kecamatan_id, perjanjian__tahun=tahun
            ).select_related("indikator", "perjanjian")
        )
    renstra = target_renstra(indikator_ids=[t.indikator_id for t in target], tahun=tahun)
    for t in target:
        pesan = peringatan_target(t, renstra.get(t.indikator_id))
        if pesan:
            hasil.append(Peringatan("target_jauh", f"{t.perjanjian.get_jenis_display()}: {pesan}"))

    bertarget = {t.indikator.ukuran_id for t in target}
    # The target a realisasi is measured against: that of the PK in force (as every page),
    # else that of the year's other PK which has the measure.
    berlaku = perjanjian_berlaku(list({t.perjanjian_id: t.perjanjian for t in target}.values()))
    target_berlaku = {t.indikator.ukuran_id: t for t in target}
    target_berlaku.update(
        {t.indikator.ukuran_id: t for t in target if berlaku and t.perjanjian_id == berlaku.id}
    )
    if realisasi is None:
        realisasi = realisasi_tahun(kecamatan_id=kecamatan_id, tahun=tahun)
    for r in realisasi:
        if r.ukuran_id not in bertarget:
            hasil.append(
                Peringatan(
                    "realisasi_tanpa_target",
                    f"Realisasi {r.ukuran.nama} ({Periode(r.periode).label}) diisi, tetapi "
                    f"indikator ini tidak punya target dalam Perjanjian Kinerja {tahun}.",
                )
            )
            continue
        t = target_berlaku.get(r.ukuran_id)
        if t is None:
            continue
        ind = t.indikator
        capaian = capaian_terhadap(indikator=ind, target=t.nilai, realisasi=r.nilai)
        for p in peringatan_realisasi(indikator=ind, nilai=r.nilai, capaian=capaian):
            hasil.append(
                Peringatan(
                    p.jenis,
                    f"Realisasi {ind.nama} ({Periode(r.periode).label}) "
                    f"{format_angka(r.nilai, buang_nol=True)}: {p.pesan}",
                )
            )

    # Only a sub kegiatan can exceed its pagu; in the budget tree's order.
    if sub_kegiatan is None:
        sub_kegiatan = sub_kegiatan_tahun(kecamatan_id=kecamatan_id, tahun=tahun)
    for sub in sub_kegiatan:
        hasil.extend(peringatan_anggaran(simpul_sub(sub)))
    return hasil
