"""Reads of the IKU decree: what a Keputusan Camat tentang IKU says, for its web page and its
printed PDF alike.

``isi_keputusan`` is the one place that turns the stored texts into lines: the menimbang,
mengingat and tembusan lists, each diktum's first line and its list of rincian, the lampiran
tables (which indicators, in which order, with which formulasi and definisi lines, which
penanggung jawab in the decree's order, under which of the decree's own columns), the tugas
and fungsi (the decree's own, else the kecamatan's profile), the tujuan of the IKU page and
the closing text. The page and the PDF each used to parse them on their own and disagreed (the
page kept typed markers and blank lines, showed a diktum's rincian as raw text and left out
the tugas and fungsi); now both show the lines built here.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from iku.models import (
    KOLOM_BAKU,
    Diktum,
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    PenanggungJawab,
    Tujuan,
)
from kecamatan.models import Kabupaten, Kecamatan, ProfilTahunan
from kecamatan.selectors import profil_terakhir
from sakip.butir import Butir, daftar_baris, pecah_butir

HURUF = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class BarisLampiran:
    nomor: int
    kinerja: str  # the tujuan or sasaran the indicator measures ("kinerja utama")
    rentang: int  # rowspan of the kinerja cell; 0 when the row above already shows it
    nama: str
    satuan: str
    formulasi: tuple[Butir, ...]
    definisi: tuple[Butir, ...]
    sumber_data: str
    penanggung_jawab: tuple[str, ...]
    panjang: bool  # likely taller than a page: the row may continue on the next one


# A row is kept whole on one page unless its text would not fit on a landscape page anyway
# (about 40 lines of 90 characters in the widest column, _BOBOT_KOLOM); such a row (Panti's
# IPP, four pages of definition in the seed) continues on the next page instead of leaving this
# one empty.
_MUAT_SEHALAMAN = 3600
_BEBAN_BARIS = 60


def _panjang(*teks: str) -> bool:
    return any(len(t) + _BEBAN_BARIS * t.count("\n") > _MUAT_SEHALAMAN for t in teks if t)


@dataclass(frozen=True)
class Lampiran:
    nomor: int | None  # 1 or 2 in the terpisah layout, None for the single IKU table
    judul: str  # as the decree names it; the PDF prints it in capitals
    baris: tuple[BarisLampiran, ...]


@dataclass(frozen=True)
class Kolom:
    """A column of the decree's lampiran table: its key (iku.models.KOLOM_LAMPIRAN), the
    heading the decree prints and its share of the table's width in percent."""

    kunci: str
    judul: str
    lebar: str


# Relative widths of the columns; a decree's set is scaled to 100 %.
# The long texts (definition, formula and its explanation) get the room: a row's height is
# theirs, and a shorter row fits whole under the lampiran's head (bench/halaman.py).
_BOBOT_KOLOM = {
    "no": 4,
    "kinerja": 13,
    "indikator": 12,
    "formulasi_penjelasan": 46,
    "formulasi": 14,
    "definisi": 40,
    "penanggung_jawab": 10,
    "sumber_data": 10,
}


def kolom_lampiran(keputusan: KeputusanIKU) -> tuple[Kolom, ...]:
    """The decree's own columns (stored with it), else its layout's usual ones."""
    daftar = keputusan.kolom_lampiran or KOLOM_BAKU[keputusan.tata_letak]
    total = sum(_BOBOT_KOLOM[k] for k, _ in daftar)
    return tuple(Kolom(k, judul, f"{100 * _BOBOT_KOLOM[k] / total:.1f}%") for k, judul in daftar)


@dataclass(frozen=True)
class TujuanIKU:
    """A tujuan of the decree's Renstra with its own indicators (the "Tujuan 1 : … /
    Indikator Tujuan 1 : …" lines of the IKU page)."""

    nomor: int
    uraian: str
    indikator: tuple[str, ...]


@dataclass(frozen=True)
class BarisDiktum:
    label: str
    isi: str  # the first line
    rincian: tuple[Butir, ...]  # the lines under it


@dataclass(frozen=True)
class IsiKeputusan:
    """Everything a decree says, as lines; see the module docstring."""

    keputusan: KeputusanIKU
    kecamatan: Kecamatan
    kabupaten: Kabupaten
    tahun: int
    draf: bool
    terpisah: bool  # lampiran 1 and 2 (with the tugas and fungsi) rather than one IKU table
    menimbang: tuple[tuple[str, str], ...]  # (letter, text)
    mengingat: tuple[str, ...]
    diktum: tuple[BarisDiktum, ...]
    tembusan: tuple[str, ...]
    lampiran: tuple[Lampiran, ...]
    kolom: tuple[Kolom, ...]  # the lampiran table's columns, as the decree sets them
    halaman_iku: bool  # the single-table layout's page of instansi, tugas, fungsi and tujuan
    rincian: bool  # the tugas and fungsi are printed (terpisah, or halaman_iku)
    profil: ProfilTahunan | None  # the kecamatan's profile of the year (tugas, fungsi if blank)
    tugas: tuple[str, ...]  # the decree's own list, else the profile's
    fungsi: tuple[str, ...]
    tujuan: tuple[TujuanIKU, ...]  # halaman_iku only
    penutup: tuple[Butir, ...]  # after the lampiran table (Balung's NON RUTIN / RUTIN)


def _baris_lampiran(daftar: list[IndikatorKeputusan]) -> tuple[BarisLampiran, ...]:
    """Rows of one lampiran table; consecutive indicators of the same tujuan / sasaran share
    one kinerja cell."""
    kunci = []
    for b in daftar:
        ind = b.indikator
        kunci.append(("s", ind.sasaran_id) if ind.sasaran_id else ("t", ind.tujuan_id))
    hasil = []
    for i, b in enumerate(daftar):
        ind = b.indikator
        if i > 0 and kunci[i] == kunci[i - 1]:
            rentang = 0
        else:
            rentang = 1
            while i + rentang < len(daftar) and kunci[i + rentang] == kunci[i]:
                rentang += 1
        hasil.append(
            BarisLampiran(
                nomor=i + 1,
                kinerja=(ind.sasaran or ind.tujuan).uraian,
                rentang=rentang,
                nama=ind.nama,
                satuan=ind.satuan,
                formulasi=pecah_butir(ind.formulasi),
                definisi=pecah_butir(ind.definisi_operasional),
                sumber_data=ind.sumber_data,
                # Full names, in the decree's order.
                penanggung_jawab=tuple(
                    p.unit_kerja.nama for p in ind.urutan_penanggung_jawab.all()
                ),
                panjang=_panjang(ind.formulasi, ind.definisi_operasional),
            )
        )
    return tuple(hasil)


def _baris_diktum(d: Diktum) -> BarisDiktum:
    """A diktum's first line is its sentence; the lines under it are its list."""
    baris = [b for b in (d.isi or "").splitlines() if b.strip()]
    return BarisDiktum(
        label=d.label,
        isi=baris[0].strip() if baris else "",
        rincian=pecah_butir("\n".join(baris[1:])),
    )


def tahun_keputusan(keputusan: KeputusanIKU) -> int:
    return keputusan.tanggal.year if keputusan.tanggal else keputusan.renstra.tahun_awal


def isi_keputusan(*, keputusan: KeputusanIKU) -> IsiKeputusan:
    """Everything the decree shows, in eight queries at most whatever the number of diktum,
    indicators and penanggung jawab."""
    keputusan = (
        KeputusanIKU.objects.select_related("kecamatan__kabupaten", "renstra")
        .prefetch_related(
            Prefetch("diktum", queryset=Diktum.objects.order_by("urutan")),
            Prefetch(
                "indikator_lampiran",
                queryset=IndikatorKeputusan.objects.select_related(
                    "indikator__tujuan", "indikator__sasaran__tujuan"
                )
                .prefetch_related(
                    Prefetch(
                        "indikator__urutan_penanggung_jawab",
                        queryset=PenanggungJawab.objects.select_related("unit_kerja").order_by(
                            "urutan", "id"
                        ),
                    )
                )
                .order_by("lampiran", "urutan", "id"),
            ),
        )
        .get(pk=keputusan.pk)
    )
    kecamatan = keputusan.kecamatan
    tahun = tahun_keputusan(keputusan)
    per_lampiran = {1: [], 2: []}
    for b in keputusan.indikator_lampiran.all():
        per_lampiran[b.lampiran].append(b)

    terpisah = keputusan.tata_letak == KeputusanIKU.TataLetak.TERPISAH
    if terpisah:
        lampiran = (
            Lampiran(1, "Indikator Kinerja Utama", _baris_lampiran(per_lampiran[1])),
            Lampiran(2, "Indikator Kinerja Lainnya", _baris_lampiran(per_lampiran[2])),
        )
    else:
        # The single-table layout has only lampiran 1.
        judul = f"Indikator Kinerja Utama Kecamatan {kecamatan.nama}"
        lampiran = (Lampiran(None, judul, _baris_lampiran(per_lampiran[1])),)
    halaman_iku = keputusan.halaman_iku and not terpisah
    rincian = terpisah or halaman_iku
    # The tugas and fungsi the decree states; blank, those of the kecamatan in the decree's
    # year (or the latest before).
    profil = profil_terakhir(kecamatan=kecamatan, tahun=tahun) if rincian else None
    tugas = keputusan.tugas or (profil.tugas if profil else "")
    fungsi = keputusan.fungsi or (profil.fungsi if profil else "")

    return IsiKeputusan(
        keputusan=keputusan,
        kecamatan=kecamatan,
        kabupaten=kecamatan.kabupaten,
        tahun=tahun,
        draf=keputusan.status != KeputusanIKU.Status.DITETAPKAN,
        terpisah=terpisah,
        menimbang=tuple(zip(HURUF, daftar_baris(keputusan.menimbang), strict=False)),
        mengingat=tuple(daftar_baris(keputusan.mengingat)),
        diktum=tuple(_baris_diktum(d) for d in keputusan.diktum.all()),
        tembusan=tuple(daftar_baris(keputusan.tembusan)),
        lampiran=lampiran,
        kolom=kolom_lampiran(keputusan),
        halaman_iku=halaman_iku,
        rincian=rincian,
        profil=profil,
        tugas=tuple(daftar_baris(tugas)) if rincian else (),
        fungsi=tuple(daftar_baris(fungsi)) if rincian else (),
        tujuan=_tujuan_iku(keputusan) if halaman_iku else (),
        penutup=pecah_butir(keputusan.penutup),
    )


def _tujuan_iku(keputusan: KeputusanIKU) -> tuple[TujuanIKU, ...]:
    """The tujuan of the decree's Renstra with their own indicators (one query)."""
    tujuan = Tujuan.objects.filter(renstra=keputusan.renstra_id).prefetch_related(
        Prefetch("indikator", queryset=Indikator.objects.order_by("urutan", "id"))
    )
    return tuple(
        TujuanIKU(t.nomor, t.uraian, tuple(i.nama for i in t.indikator.all()))
        for t in tujuan.order_by("nomor")
    )
