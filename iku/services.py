"""Writes of the Renstra and IKU-decree pages.

Every function takes keyword-only arguments with ``oleh`` the user, checks first that ``oleh``
may act (``sakip.akses.wajib``, the izin the page declares: operator or camat of the
kecamatan; tetapkan: its camat; there is no system user, ``oleh=None`` is refused), runs inside one
transaction and leaves nothing half-written: a refused step raises before or rolls back
everything. Views and forms only validate what people typed and call these. Who made a
change is recorded by django-simple-history (``_history_user`` is set explicitly so that the
record is right outside a request too).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.text import slugify

from iku.models import (
    KOLOM_KESELARASAN,
    KOLOM_TC25,
    Diktum,
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    PenanggungJawab,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    Ukuran,
)
from kecamatan.models import Kecamatan, UnitKerja
from sakip import akses, konkurensi
from sakip.akses import Izin
from sakip.alur import jalankan_transisi
from sakip.kinerja import Nilai
from sakip.penguncian import TransisiDitolak


class HapusDitolak(TransisiDitolak):
    """A delete refused because other data still depends on the object."""


TINDAKAN_TETAPKAN = "menetapkan keputusan IKU"


def _jaga_pengisi(kecamatan: Kecamatan, oleh) -> None:
    akses.wajib(oleh, Izin.MENGISI, kecamatan)


def _oleh(obj, oleh):
    obj._history_user = oleh
    return obj


# --- Renstra ---------------------------------------------------------------------------------

FIELD_RENSTRA = (
    "nama",
    "tahun_awal",
    "tahun_akhir",
    "tahun_baseline",
    "revisi_dari",
    "tanggal_penetapan",
    "sumber",
    "tanggal_verifikasi",
    "rpjmd_periode",
    "rpjmd_visi",
    "rpjmd_misi_semua",
    "rpjmd_misi",
    "rpjmd_tujuan",
    "rpjmd_sasaran",
)


def _data(data: dict, kolom: Iterable[str]) -> dict:
    asing = set(data) - set(kolom)
    if asing:
        raise TypeError(f"Kolom tidak dikenal: {', '.join(sorted(asing))}")
    return data


@transaction.atomic
def renstra_buat(*, kecamatan: Kecamatan, data: dict, salin_isi: bool = False, oleh) -> Renstra:
    """A new Renstra; with ``salin_isi`` the tree (with each sasaran's strategi and kebijakan),
    indicators and targets (of the years both periods share) and the RPJMD alignment of the
    Renstra it revises are copied, as a Renstra Perubahan starts."""
    _jaga_pengisi(kecamatan, oleh)
    data = _data(dict(data), FIELD_RENSTRA)
    asal = data.get("revisi_dari")
    if asal is not None and asal.kecamatan_id != kecamatan.id:
        raise TransisiDitolak("Renstra asal harus Renstra kecamatan ini.")
    if salin_isi and asal is not None:
        # A Renstra Perubahan keeps the RPJMD it is aligned with unless the form says otherwise.
        for kolom in KOLOM_KESELARASAN:
            data[kolom] = data.get(kolom) or getattr(asal, kolom)
    renstra = Renstra.objects.create(kecamatan=kecamatan, **data)
    if salin_isi and asal is not None:
        _salin_pohon(dari=asal, ke=renstra, oleh=oleh)
    return renstra


@transaction.atomic
def renstra_ubah(*, renstra: Renstra, data: dict, oleh) -> Renstra:
    _jaga_pengisi(renstra.kecamatan, oleh)
    data = _data(dict(data), FIELD_RENSTRA)
    renstra = Renstra.objects.select_for_update().get(pk=renstra.pk)
    asal = data.get("revisi_dari")
    if asal is not None and (asal.kecamatan_id != renstra.kecamatan_id or asal.pk == renstra.pk):
        raise TransisiDitolak("Renstra asal harus Renstra lain dari kecamatan ini.")
    awal = data.get("tahun_awal", renstra.tahun_awal)
    akhir = data.get("tahun_akhir", renstra.tahun_akhir)
    di_luar = sorted(
        set(
            TargetIndikator.objects.filter(indikator__in=indikator_renstra(renstra))
            .exclude(tahun__range=(awal, akhir))
            .values_list("tahun", flat=True)
        )
    )
    if di_luar:
        raise TransisiDitolak(
            f"Masih ada target tahun {', '.join(map(str, di_luar))} di luar periode "
            f"{awal}-{akhir}. Kosongkan dulu target tahun itu pada tabel target."
        )
    for kolom, nilai in data.items():
        setattr(renstra, kolom, nilai)
    renstra.save()
    return renstra


def _salin_pohon(*, dari: Renstra, ke: Renstra, oleh) -> None:
    tahun = set(ke.tahun)
    for t in dari.tujuan.all():
        tujuan = Tujuan.objects.create(
            renstra=ke, nomor=t.nomor, uraian=t.uraian, **{k: getattr(t, k) for k in KOLOM_TC25}
        )
        for ind in t.indikator.all():
            _salin_indikator(ind, tahun, oleh, tujuan=tujuan)
        for s in t.sasaran.all():
            sasaran = Sasaran.objects.create(
                tujuan=tujuan,
                nomor=s.nomor,
                uraian=s.uraian,
                strategi=s.strategi,
                kebijakan=s.kebijakan,
            )
            for ind in s.indikator.all():
                _salin_indikator(ind, tahun, oleh, sasaran=sasaran)


def _salin_indikator(ind: Indikator, tahun: set[int], oleh, **induk) -> None:
    urut = urutan_penanggung_jawab(ind)
    unit = sorted(ind.penanggung_jawab.all(), key=lambda u: urut.index(u.id))
    target = [t for t in ind.target.all() if t.tahun in tahun]
    ind.pk = ind.id = None
    ind.tujuan = ind.sasaran = None
    for kolom, nilai in induk.items():
        setattr(ind, kolom, nilai)
    ind._state.adding = True
    _oleh(ind, oleh).save()
    _simpan_penanggung_jawab(ind, unit)
    for t in target:
        baru = TargetIndikator(indikator=ind, tahun=t.tahun, nilai=t.nilai, huruf=t.huruf)
        _oleh(baru, oleh).save()


# --- tujuan and sasaran ------------------------------------------------------------------------


@transaction.atomic
def tujuan_simpan(
    *,
    renstra: Renstra,
    nomor: int,
    uraian: str,
    kelompok: str = "",
    rpjmd_sasaran: str = "",
    rpjmd_indikator: str = "",
    tujuan: Tujuan | None = None,
    oleh,
):
    """``kelompok`` (RUTIN / NON RUTIN) and the RPJMD sasaran and indicator the tujuan serves
    head its block of the TC 25 (laporan.isi_lkip.lampiran); all three may stay empty."""
    _jaga_pengisi(renstra.kecamatan, oleh)
    if tujuan is None:
        tujuan = Tujuan(renstra=renstra)
    elif tujuan.renstra_id != renstra.id:
        raise TransisiDitolak("Tujuan ini bukan bagian dari Renstra tersebut.")
    tujuan.nomor, tujuan.uraian = nomor, uraian
    tujuan.kelompok = kelompok
    tujuan.rpjmd_sasaran, tujuan.rpjmd_indikator = rpjmd_sasaran, rpjmd_indikator
    if kelompok not in {"", *Tujuan.Kelompok.values}:
        raise TransisiDitolak("Kelompok tujuan harus RUTIN, NON RUTIN atau kosong.")
    tujuan.save()
    return tujuan


@transaction.atomic
def tujuan_hapus(*, tujuan: Tujuan, oleh) -> None:
    _jaga_pengisi(tujuan.renstra.kecamatan, oleh)
    if tujuan.sasaran.exists() or tujuan.indikator.exists():
        raise HapusDitolak(
            f"Tujuan {tujuan.nomor} tidak dapat dihapus karena masih memuat sasaran atau "
            "indikator. Hapus dulu sasaran dan indikatornya."
        )
    tujuan.delete()


@transaction.atomic
def sasaran_simpan(
    *,
    tujuan: Tujuan,
    nomor: int,
    uraian: str,
    strategi: str | None = None,
    kebijakan: str | None = None,
    sasaran: Sasaran | None = None,
    oleh,
) -> Sasaran:
    """A new or changed sasaran; ``strategi`` / ``kebijakan`` None: left as they are."""
    _jaga_pengisi(_kecamatan_induk(tujuan), oleh)
    if sasaran is None:
        sasaran = Sasaran(tujuan=tujuan)
    elif sasaran.tujuan_id != tujuan.id:
        raise TransisiDitolak("Sasaran ini bukan bagian dari tujuan tersebut.")
    sasaran.nomor, sasaran.uraian = nomor, uraian
    if strategi is not None:
        sasaran.strategi = strategi
    if kebijakan is not None:
        sasaran.kebijakan = kebijakan
    sasaran.save()
    return sasaran


@transaction.atomic
def sasaran_hapus(*, sasaran: Sasaran, oleh) -> None:
    _jaga_pengisi(_kecamatan_induk(sasaran), oleh)
    kode = sasaran.kode
    if sasaran.indikator.exists():
        raise HapusDitolak(
            f"Sasaran {kode} tidak dapat dihapus karena masih memuat indikator. "
            "Hapus dulu indikatornya."
        )
    tahun = sorted(set(sasaran.narasi.values_list("tahun", flat=True)))
    if tahun:
        raise HapusDitolak(
            f"Sasaran {kode} tidak dapat dihapus karena sudah memiliki narasi kinerja tahun "
            f"{', '.join(map(str, tahun))}."
        )
    program = list(sasaran.program.values_list("nama", flat=True)[:3])
    if program:
        raise HapusDitolak(
            f"Sasaran {kode} tidak dapat dihapus karena didukung program: {'; '.join(program)}."
        )
    sasaran.delete()


# --- indicators --------------------------------------------------------------------------------

FIELD_INDIKATOR = (
    "nama",
    "satuan",
    "jenis",
    "polaritas",
    "metode_negatif",
    "skala_kategori",
    "sumber_realisasi",
    "formulasi",
    "definisi_operasional",
    "sumber_data",
    "urutan",
)


def indikator_renstra(renstra: Renstra) -> QuerySet[Indikator]:
    """The indicators of a Renstra, whether they hang on a tujuan or on a sasaran."""
    return Indikator.objects.filter(
        Q(tujuan__renstra=renstra) | Q(sasaran__tujuan__renstra=renstra)
    )


def urutan_pohon(renstra: Renstra) -> list[Indikator]:
    """The indicators in the order of the Renstra: tujuan by number, the tujuan's own
    indicators before its sasaran, sasaran by number, then the indicator's urutan."""
    daftar = indikator_renstra(renstra).select_related("tujuan", "sasaran__tujuan")
    return sorted(daftar, key=lambda i: i.urutan_renstra)


def ukuran_pilihan(kecamatan: Kecamatan) -> QuerySet[Ukuran]:
    """The measures a kecamatan may give a new indicator: the kabupaten's shared catalogue
    and its own."""
    return Ukuran.objects.filter(kabupaten_id=kecamatan.kabupaten_id).filter(
        Q(kecamatan__isnull=True) | Q(kecamatan=kecamatan)
    )


def _ukuran_khusus(kecamatan: Kecamatan, nama: str) -> Ukuran:
    dasar = slugify(f"{kecamatan.slug} {nama}")[:70].strip("-") or kecamatan.slug
    kode, n = dasar, 1
    while Ukuran.objects.filter(kabupaten_id=kecamatan.kabupaten_id, kode=kode).exists():
        n += 1
        kode = f"{dasar}-{n}"
    return Ukuran.objects.create(
        kabupaten_id=kecamatan.kabupaten_id, kecamatan=kecamatan, kode=kode, nama=nama[:255]
    )


def _kecamatan_induk(induk: Tujuan | Sasaran) -> Kecamatan:
    tujuan = induk if isinstance(induk, Tujuan) else induk.tujuan
    return tujuan.renstra.kecamatan


def _periksa_unit(unit: Iterable[UnitKerja], kecamatan: Kecamatan) -> list[UnitKerja]:
    unit = list(unit)
    if any(u.kecamatan_id != kecamatan.id for u in unit):
        raise TransisiDitolak("Penanggung jawab harus unit kerja kecamatan ini.")
    return unit


def urutan_penanggung_jawab(indikator: Indikator) -> list[int]:
    """The ids of the indicator's penanggung jawab in their order (the decree's)."""
    return list(
        PenanggungJawab.objects.filter(indikator=indikator)
        .order_by("urutan", "id")
        .values_list("unit_kerja_id", flat=True)
    )


def _simpan_penanggung_jawab(indikator: Indikator, unit: list[UnitKerja]) -> None:
    """The units answering for the indicator, in this order. Units kept keep their place,
    new ones follow them (the form lists its checkboxes in the units' order, not the
    decree's)."""
    lama = urutan_penanggung_jawab(indikator)
    dipilih = {u.id for u in unit}
    urut = [i for i in lama if i in dipilih] + [u.id for u in unit if u.id not in lama]
    indikator.penanggung_jawab.set(unit)
    for nomor, unit_id in enumerate(urut, start=1):
        PenanggungJawab.objects.filter(indikator=indikator, unit_kerja_id=unit_id).update(
            urutan=nomor
        )


@transaction.atomic
def indikator_buat(
    *,
    induk: Tujuan | Sasaran,
    ukuran: Ukuran | None,
    data: dict,
    penanggung_jawab: Iterable[UnitKerja] = (),
    oleh,
) -> Indikator:
    """A new indicator of a tujuan or a sasaran. ``ukuran`` None: a new measure of this
    kecamatan only, named after the indicator, with a slug code."""
    data = dict(_data(dict(data), FIELD_INDIKATOR))
    kecamatan = _kecamatan_induk(induk)
    _jaga_pengisi(kecamatan, oleh)
    unit = _periksa_unit(penanggung_jawab, kecamatan)
    if ukuran is None:
        ukuran = _ukuran_khusus(kecamatan, data["nama"])
    elif not ukuran_pilihan(kecamatan).filter(pk=ukuran.pk).exists():
        raise TransisiDitolak("Ukuran ini bukan milik kabupaten atau kecamatan ini.")
    kolom_induk = "tujuan" if isinstance(induk, Tujuan) else "sasaran"
    if not data.get("urutan"):
        data["urutan"] = induk.indikator.count() + 1
    indikator = Indikator(ukuran=ukuran, **{kolom_induk: induk}, **data)
    _oleh(indikator, oleh).save()
    _simpan_penanggung_jawab(indikator, unit)
    return indikator


def sidik_indikator(indikator: Indikator, unit_id: Iterable[int]) -> str:
    """Fingerprint of what the indicator form edits (not its targets: the grid has its own)."""
    return konkurensi.sidik(
        [getattr(indikator, k) for k in FIELD_INDIKATOR] + [tuple(sorted(unit_id))]
    )


@transaction.atomic
def indikator_ubah(
    *, indikator: Indikator, data: dict, penanggung_jawab: Iterable[UnitKerja], sidik: str, oleh
) -> Indikator:
    _jaga_pengisi(indikator_kecamatan(indikator), oleh)
    data = _data(dict(data), FIELD_INDIKATOR)
    segar = Indikator.objects.select_for_update().get(pk=indikator.pk)
    lama_unit = set(segar.penanggung_jawab.values_list("id", flat=True))
    konkurensi.periksa(sidik, sidik_indikator(segar, lama_unit))
    unit = _periksa_unit(penanggung_jawab, indikator_kecamatan(segar))
    berubah = False
    for kolom, nilai in data.items():
        if getattr(segar, kolom) != nilai:
            setattr(segar, kolom, nilai)
            berubah = True
    if berubah:
        _oleh(segar, oleh).save()
    if {u.id for u in unit} != lama_unit:
        _oleh(segar, oleh)
        _simpan_penanggung_jawab(segar, unit)
    return segar


def indikator_kecamatan(indikator: Indikator) -> Kecamatan:
    induk = indikator.tujuan if indikator.tujuan_id else indikator.sasaran
    return _kecamatan_induk(induk)


@transaction.atomic
def indikator_hapus(*, indikator: Indikator, oleh) -> None:
    """Delete an indicator with its targets, unless a PK or a decree uses it (PROTECT)."""
    _jaga_pengisi(indikator_kecamatan(indikator), oleh)
    dipakai = [
        f"{pj.get_jenis_display()} {pj.tahun}"
        for pj in {t.perjanjian for t in indikator.target_perjanjian.select_related("perjanjian")}
    ]
    dipakai += [
        f"Keputusan IKU nomor {b.keputusan.nomor}"
        for b in indikator.lampiran_keputusan.select_related("keputusan")
    ]
    if dipakai:
        raise HapusDitolak(
            f"Indikator “{indikator.nama}” tidak dapat dihapus karena dipakai di: "
            f"{'; '.join(sorted(dipakai))}. Keluarkan dulu dari dokumen tersebut."
        )
    for t in indikator.target.all():
        _oleh(t, oleh).delete()
    _oleh(indikator, oleh).delete()


# --- the target grid ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IsianTarget:
    """What the grid holds for one indicator: None is an empty cell."""

    baseline: Nilai | None
    target_akhir: Nilai | None
    tahunan: dict[int, Nilai | None]


def sidik_target(indikator: Iterable[Indikator], target: Iterable[TargetIndikator]) -> str:
    """Fingerprint of every cell of a Renstra's grid (and of which indicators it has)."""
    baris = sorted(
        (i.id, i.baseline, i.baseline_huruf, i.target_akhir, i.target_akhir_huruf)
        for i in indikator
    )
    sel = sorted((t.indikator_id, t.tahun, t.nilai, t.huruf) for t in target)
    return konkurensi.sidik([*baris, "|", *sel])


def _sama(nilai, huruf: str, isian: Nilai | None) -> bool:
    if isian is None:
        return nilai is None
    return nilai is not None and nilai == isian.angka and huruf == (isian.huruf or "")


@transaction.atomic
def target_simpan(*, renstra: Renstra, isian: dict[int, IsianTarget], sidik: str, oleh) -> int:
    """Save the whole grid or nothing; returns how many cells changed.

    The indicator rows are locked first, so two saves of the same grid run one after the
    other and the second sees the first's values in its fingerprint check.
    """
    _jaga_pengisi(renstra.kecamatan, oleh)
    indikator = list(indikator_renstra(renstra).select_for_update(of=("self",)).order_by("id"))
    target = list(
        TargetIndikator.objects.select_for_update()
        .filter(indikator__in=[i.id for i in indikator])
        .order_by("indikator_id", "tahun")
    )
    konkurensi.periksa(sidik, sidik_target(indikator, target))
    if set(isian) != {i.id for i in indikator}:
        raise TransisiDitolak("Isian tabel tidak sesuai dengan indikator Renstra ini.")
    tahun = set(renstra.tahun)
    tersimpan = {(t.indikator_id, t.tahun): t for t in target}
    berubah = 0
    for ind in indikator:
        baris = isian[ind.id]
        if set(baris.tahunan) - tahun:
            raise TransisiDitolak(f"Tahun di luar periode Renstra {renstra.nama}.")
        ubah_ind = False
        for kolom, nilai in (("baseline", baris.baseline), ("target_akhir", baris.target_akhir)):
            if not _sama(getattr(ind, kolom), getattr(ind, f"{kolom}_huruf"), nilai):
                setattr(ind, kolom, nilai.angka if nilai else None)
                setattr(ind, f"{kolom}_huruf", (nilai.huruf or "") if nilai else "")
                ubah_ind = True
                berubah += 1
        if ubah_ind:
            _oleh(ind, oleh).save()
        for th, nilai in sorted(baris.tahunan.items()):
            ada = tersimpan.get((ind.id, th))
            if ada is None:
                if nilai is not None:
                    baru = TargetIndikator(
                        indikator=ind, tahun=th, nilai=nilai.angka, huruf=nilai.huruf or ""
                    )
                    _oleh(baru, oleh).save()
                    berubah += 1
            elif nilai is None:
                _oleh(ada, oleh).delete()
                berubah += 1
            elif not _sama(ada.nilai, ada.huruf, nilai):
                ada.nilai, ada.huruf = nilai.angka, nilai.huruf or ""
                _oleh(ada, oleh).save()
                berubah += 1
    return berubah


# --- the IKU decree ----------------------------------------------------------------------------

FIELD_KEPUTUSAN = (
    "nomor",
    "tentang",
    "tempat",
    "tanggal",
    "tata_letak",
    "menimbang",
    "mengingat",
    "tembusan",
    "halaman_iku",
    "tugas",
    "fungsi",
    "kolom_lampiran",
    "penutup",
    "penandatangan_nama",
    "penandatangan_jabatan",
    "penandatangan_pangkat",
    "penandatangan_nip",
)

PESAN_TUNGGAL = (
    "Tata letak satu tabel hanya memuat Lampiran 1 (IKU). Pilih tata letak Lampiran 1 dan "
    "Lampiran 2, atau pindahkan indikator Lampiran 2 ke Lampiran 1 atau keluarkan."
)


def _kunci(keputusan: KeputusanIKU) -> KeputusanIKU:
    """The stored decree, locked for the transaction; refused with the model's reason when
    it can no longer change."""
    segar = KeputusanIKU.objects.select_for_update().get(pk=keputusan.pk)
    segar.jaga()
    return segar


def sidik_keputusan(keputusan: KeputusanIKU, diktum: Iterable[Diktum]) -> str:
    return konkurensi.sidik(
        [getattr(keputusan, k) for k in FIELD_KEPUTUSAN]
        + [keputusan.status]
        + [(d.urutan, d.isi) for d in sorted(diktum, key=lambda d: d.urutan)]
    )


def sidik_lampiran(baris: Iterable[IndikatorKeputusan], indikator: Iterable[Indikator]) -> str:
    return konkurensi.sidik(
        sorted((b.indikator_id, b.lampiran, b.urutan) for b in baris)
        + ["|"]
        + sorted((i.id, i.jenis) for i in indikator)
    )


def _simpan_diktum(keputusan: KeputusanIKU, isi: list[str]) -> None:
    if not isi:
        raise TransisiDitolak("Keputusan memerlukan sekurang-kurangnya satu diktum.")
    ada = list(keputusan.diktum.order_by("urutan"))
    for urutan, teks in enumerate(isi, start=1):
        if urutan <= len(ada):
            d = ada[urutan - 1]
            if d.isi != teks:
                d.isi = teks
                d.save()
        else:
            Diktum.objects.create(keputusan=keputusan, urutan=urutan, isi=teks)
    for d in ada[len(isi) :]:
        d.delete()


@transaction.atomic
def keputusan_buat(
    *, kecamatan: Kecamatan, renstra: Renstra, data: dict, diktum: list[str], oleh
) -> KeputusanIKU:
    """A draft decree on ``renstra``; its lampiran start with the Renstra's indicators by their
    jenis (IKU in Lampiran 1, the others in Lampiran 2, or left out of a single-table decree)."""
    _jaga_pengisi(kecamatan, oleh)
    data = _data(dict(data), FIELD_KEPUTUSAN)
    if renstra.kecamatan_id != kecamatan.id:
        raise TransisiDitolak("Renstra ini bukan milik kecamatan ini.")
    keputusan = KeputusanIKU(kecamatan=kecamatan, renstra=renstra, **data)
    _oleh(keputusan, oleh).save()
    _simpan_diktum(keputusan, diktum)
    urutan = {1: 0, 2: 0}
    for ind in urutan_pohon(renstra):
        lampiran = 1 if ind.jenis == Indikator.Jenis.IKU else 2
        if lampiran == 2 and keputusan.tata_letak == KeputusanIKU.TataLetak.TUNGGAL:
            continue
        urutan[lampiran] += 1
        IndikatorKeputusan.objects.create(
            keputusan=keputusan, indikator=ind, lampiran=lampiran, urutan=urutan[lampiran]
        )
    return keputusan


@transaction.atomic
def keputusan_ubah(*, keputusan: KeputusanIKU, data: dict, diktum: list[str], sidik: str, oleh):
    _jaga_pengisi(keputusan.kecamatan, oleh)
    data = _data(dict(data), FIELD_KEPUTUSAN)
    segar = _kunci(keputusan)
    konkurensi.periksa(sidik, sidik_keputusan(segar, segar.diktum.all()))
    if (
        data.get("tata_letak") == KeputusanIKU.TataLetak.TUNGGAL
        and segar.indikator_lampiran.filter(lampiran=2).exists()
    ):
        raise TransisiDitolak(PESAN_TUNGGAL)
    for kolom, nilai in data.items():
        setattr(segar, kolom, nilai)
    _oleh(segar, oleh).save()
    _simpan_diktum(segar, diktum)
    return segar


@transaction.atomic
def keputusan_atur_lampiran(
    *, keputusan: KeputusanIKU, pilihan: dict[int, tuple[int, int | None]], sidik: str, oleh
) -> None:
    """Which indicators of the Renstra the decree lists, in which lampiran and order.

    ``pilihan`` maps an indicator id to (lampiran, urutan); an indicator left out is removed
    from the decree. Each chosen indicator's jenis follows its lampiran (1 → IKU, 2 →
    lainnya), in the same transaction.
    """
    _jaga_pengisi(keputusan.kecamatan, oleh)
    segar = _kunci(keputusan)
    indikator = urutan_pohon(segar.renstra)
    # lock the indicators whose jenis may change, as the grid does before writing
    list(
        Indikator.objects.select_for_update()
        .filter(id__in=[i.id for i in indikator])
        .values_list("id", flat=True)
    )
    baris = {b.indikator_id: b for b in segar.indikator_lampiran.select_for_update()}
    konkurensi.periksa(sidik, sidik_lampiran(baris.values(), indikator))
    milik = {i.id for i in indikator}
    if set(pilihan) - milik:
        raise TransisiDitolak("Indikator yang dipilih bukan indikator Renstra keputusan ini.")
    if segar.tata_letak == KeputusanIKU.TataLetak.TUNGGAL and any(
        lampiran == 2 for lampiran, _ in pilihan.values()
    ):
        raise TransisiDitolak(PESAN_TUNGGAL)

    for b in baris.values():
        if b.indikator_id not in pilihan:
            b.delete()
    posisi = {1: 0, 2: 0}
    for ind in indikator:
        if ind.id not in pilihan:
            continue
        lampiran, urutan = pilihan[ind.id]
        posisi[lampiran] += 1
        urutan = urutan or posisi[lampiran]
        b = baris.get(ind.id)
        if b is None:
            IndikatorKeputusan.objects.create(
                keputusan=segar, indikator=ind, lampiran=lampiran, urutan=urutan
            )
        elif (b.lampiran, b.urutan) != (lampiran, urutan):
            b.lampiran, b.urutan = lampiran, urutan
            b.save()
        jenis = Indikator.Jenis.IKU if lampiran == 1 else Indikator.Jenis.LAINNYA
        if ind.jenis != jenis:
            ind.jenis = jenis
            _oleh(ind, oleh).save()


@transaction.atomic
def keputusan_tetapkan(*, keputusan: KeputusanIKU, oleh) -> KeputusanIKU:
    akses.wajib(oleh, Izin.MENETAPKAN, keputusan.kecamatan, tindakan=TINDAKAN_TETAPKAN)
    segar = KeputusanIKU.objects.select_for_update().get(pk=keputusan.pk)
    # Refused by the table before the completeness check: a ditetapkan decree is not "missing"
    # anything, it is closed.
    segar.alur.tujuan(dari=segar.status, aksi="tetapkan", nama=segar.nama_alur)
    kurang = kekurangan_keputusan(keputusan=segar)
    if kurang:
        raise TransisiDitolak(f"Keputusan belum dapat ditetapkan: {', '.join(kurang)} belum diisi.")
    return jalankan_transisi(dokumen=segar, aksi="tetapkan", oleh=oleh)


def kekurangan_keputusan(*, keputusan: KeputusanIKU) -> list[str]:
    """What a decree still lacks before the camat may approve it (the guard above and the
    confirmation page read it): three queries."""
    kurang = []
    if not keputusan.tanggal:
        kurang.append("tanggal penetapan")
    if not keputusan.penandatangan_nama:
        kurang.append("nama penandatangan")
    if not keputusan.diktum.exists():
        kurang.append("diktum")
    if not keputusan.indikator_lampiran.filter(lampiran=1).exists():
        kurang.append("indikator pada Lampiran 1 (IKU)")
    return kurang


@transaction.atomic
def keputusan_hapus(*, keputusan: KeputusanIKU, oleh) -> None:
    _jaga_pengisi(keputusan.kecamatan, oleh)
    segar = _kunci(keputusan)
    _oleh(segar, oleh).delete()
