"""The Keputusan Camat on the IKU (with its lampiran), as the decrees of seeds 000, 001, 002
and the two Kencong decrees of seed 004 are laid out.

Two lampiran layouts: ``tunggal`` (one table of IKU, Patrang / Balung / Kencong 2021-2026) and
``terpisah`` (the tugas and fungsi of the kecamatan, then Lampiran 1 IKU and Lampiran 2
Indikator Kinerja Lainnya, Panti / Kencong 2025-2029). Everything printed is read here, in a
fixed number of queries, and handed to the template as plain values.
"""

import re
from dataclasses import dataclass

from django.db.models import Prefetch

from iku.models import Diktum, IndikatorKeputusan, KeputusanIKU
from kecamatan.models import ProfilTahunan, UnitKerja

from .dasar import Penyaji

HURUF = "abcdefghijklmnopqrstuvwxyz"

# A list marker typed at the start of a line: "a.", "1.", "(1)", "1)", "-", "•".
_PENANDA = re.compile(r"^\s*(\(\d{1,2}\)|\d{1,2}[.)]|[a-z][.)]|[-•–])\s+(.*)$")


@dataclass(frozen=True)
class Butir:
    """One line of a multi-line text: its list marker (may be empty), its text, and its depth
    (0 = plain line, 1 = first kind of marker met, 2 = a second kind nested under it …)."""

    penanda: str
    isi: str
    tingkat: int


def _jenis_penanda(penanda: str) -> str:
    if penanda.startswith("("):
        return "kurung"
    if penanda[0].isdigit():
        return "angka"
    if penanda[0].isalpha():
        return "huruf"
    return "strip"


def pecah_butir(teks: str) -> tuple[Butir, ...]:
    """The lines of a text as typed, each with its list marker split off so the print can hang
    the text behind it. Depth follows the order in which marker kinds first appear."""
    hasil, urutan_jenis = [], []
    for baris in (teks or "").splitlines():
        if not baris.strip():
            continue
        cocok = _PENANDA.match(baris)
        if cocok is None:
            hasil.append(Butir("", baris.strip(), 0))
            continue
        jenis = _jenis_penanda(cocok.group(1))
        if jenis not in urutan_jenis:
            urutan_jenis.append(jenis)
        hasil.append(Butir(cocok.group(1), cocok.group(2).strip(), urutan_jenis.index(jenis) + 1))
    return tuple(hasil)


def daftar_baris(teks: str) -> list[str]:
    """The non-empty lines of a "one per line" field, any marker typed in front removed (the
    print numbers or letters them itself)."""
    hasil = []
    for baris in (teks or "").splitlines():
        if not baris.strip():
            continue
        cocok = _PENANDA.match(baris)
        hasil.append(cocok.group(2).strip() if cocok else baris.strip())
    return hasil


def konteks_kop(kecamatan) -> dict:
    """The letterhead: the logo only when one was uploaded (the kecamatan's own, else the
    kabupaten's), the kabupaten and kecamatan, the office's address line and contacts."""
    kabupaten = kecamatan.kabupaten
    logo = kecamatan.logo or kabupaten.logo
    alamat = kecamatan.alamat
    if kecamatan.kode_pos:
        alamat = f"{alamat}, Kode Pos {kecamatan.kode_pos}" if alamat else kecamatan.kode_pos
    kontak = [
        teks
        for teks in (
            f"Telepon {kecamatan.telepon}" if kecamatan.telepon else "",
            f"e-mail {kecamatan.email}" if kecamatan.email else "",
        )
        if teks
    ]
    return {
        "logo_url": logo.url if logo else "",
        "kop_pemerintah": f"PEMERINTAH KABUPATEN {kabupaten.nama.upper()}",
        "kop_instansi": f"KECAMATAN {kecamatan.nama.upper()}",
        "kop_alamat": alamat,
        "kop_kontak": " · ".join(kontak),
    }


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
# (about 40 lines of 70 characters in the widest column); such a row (Panti's IPP, four pages
# of definition in the seed) continues on the next page instead of leaving this one empty.
_MUAT_SEHALAMAN = 2500
_BEBAN_BARIS = 60


def _panjang(*teks: str) -> bool:
    return any(len(t) + _BEBAN_BARIS * t.count("\n") > _MUAT_SEHALAMAN for t in teks if t)


@dataclass(frozen=True)
class Lampiran:
    nomor: int | None  # 1 or 2 in the terpisah layout, None for the single IKU table
    judul: str
    baris: tuple[BarisLampiran, ...]


@dataclass(frozen=True)
class BarisDiktum:
    label: str
    isi: str
    rincian: tuple[Butir, ...]


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
                penanggung_jawab=tuple(str(u) for u in ind.penanggung_jawab.all()),
                panjang=_panjang(ind.formulasi, ind.definisi_operasional),
            )
        )
    return tuple(hasil)


def tahun_keputusan(keputusan: KeputusanIKU) -> int:
    return keputusan.tanggal.year if keputusan.tanggal else keputusan.renstra.tahun_awal


def isi_keputusan(*, keputusan: KeputusanIKU) -> dict:
    """Selector: everything the printed decree shows, in six queries whatever the number of
    diktum, indicators and penanggung jawab."""
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
                        "indikator__penanggung_jawab",
                        queryset=UnitKerja.objects.order_by("urutan", "nama"),
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

    nama = kecamatan.nama.upper()
    kabupaten = kecamatan.kabupaten.nama.upper()
    terpisah = keputusan.tata_letak == KeputusanIKU.TataLetak.TERPISAH
    if terpisah:
        lampiran = [
            Lampiran(1, "INDIKATOR KINERJA UTAMA", _baris_lampiran(per_lampiran[1])),
            Lampiran(2, "INDIKATOR KINERJA LAINNYA", _baris_lampiran(per_lampiran[2])),
        ]
        # The tugas and fungsi of the kecamatan in the decree's year, or the latest before.
        profil = (
            ProfilTahunan.objects.filter(kecamatan=kecamatan, tahun__lte=tahun)
            .order_by("-tahun")
            .only("tahun", "tugas", "fungsi")
            .first()
        )
    else:
        # The single-table layout has only lampiran 1 (as on the decree's page).
        lampiran = [
            Lampiran(
                None,
                f"INDIKATOR KINERJA UTAMA KECAMATAN {nama}",
                _baris_lampiran(per_lampiran[1]),
            )
        ]
        profil = None

    diktum = []
    for d in keputusan.diktum.all():
        baris = [b for b in (d.isi or "").splitlines() if b.strip()]
        diktum.append(
            BarisDiktum(
                label=d.label,
                isi=baris[0].strip() if baris else "",
                rincian=pecah_butir("\n".join(baris[1:])),
            )
        )

    return {
        "keputusan": keputusan,
        "kecamatan": kecamatan,
        "kabupaten": kecamatan.kabupaten,
        "draf": keputusan.status != KeputusanIKU.Status.DITETAPKAN,
        "terpisah": terpisah,
        "judul_keputusan": f"KEPUTUSAN CAMAT {nama}",
        "judul_kabupaten": f"KABUPATEN {kabupaten}",
        "pejabat_penetap": f"CAMAT {nama} KABUPATEN {kabupaten},",
        "jabatan_bawaan": f"Camat {kecamatan.nama}",
        "judul_rincian": f"RINCIAN INDIKATOR KINERJA PADA KECAMATAN {nama} KABUPATEN {kabupaten}",
        "judul_lampiran": f"KEPUTUSAN CAMAT {nama} KABUPATEN {kabupaten}",
        "menimbang": list(zip(HURUF, daftar_baris(keputusan.menimbang), strict=False)),
        "mengingat": daftar_baris(keputusan.mengingat),
        "diktum": diktum,
        "tembusan": daftar_baris(keputusan.tembusan),
        "lampiran": lampiran,
        "profil": profil,
        "tugas": daftar_baris(profil.tugas) if profil else [],
        "fungsi": daftar_baris(profil.fungsi) if profil else [],
        "tahun": tahun,
        **konteks_kop(kecamatan),
    }


class PenyajiKeputusan(Penyaji):
    jenis = "keputusan"
    template_name = "laporan/dokumen/keputusan/dokumen.html"

    def konteks(self) -> dict:
        return isi_keputusan(keputusan=self.objek)

    def nama_berkas(self) -> str:
        tahun = tahun_keputusan(self.objek)
        return f"Keputusan-IKU-{self.objek.kecamatan.slug}-{tahun}-{self.objek.pk}.pdf"
