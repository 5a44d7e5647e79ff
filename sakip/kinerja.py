"""The arithmetic of SAKIP: capaian, serapan, efisiensi, tren, scales, IKM, IPP and Nilai AKIP.

Everything a LKIP table computes lives here and nowhere else, so that the same number is the same
in every table that shows it (the Kencong 2025 LKIP prints 92,33 / 92,5 as 99,81 % in one place
because someone truncated by hand). The module is pure on purpose: no Django, no database, no
I/O. Selectors load rows into these functions; templates only format what they return (see
``sakip.format_id``). That makes it cheap to test exhaustively, including property-based tests.

Conventions:

- ``Decimal`` in, ``Decimal`` out. ``int`` is accepted and converted; ``float`` is refused with a
  ``ValueError``, because a binary float turns 92,33 into 92.3299999... and the error would surface
  as a wrong last digit in a signed report.
- Nothing is rounded except by :func:`bulatkan`, and only when a value is shown or classified
  ("round half-up at display only"). Results are returned unrounded so that sums and means of
  percentages are not built on already-rounded numbers.
- ``None`` means "not computable" (missing target or realisasi, target zero). It is never turned
  into 0 % or 100 %: the LKIP must say that the data is missing, not that the target failed.
- Rating scales are data (:class:`Skala` of :class:`Pita`), because every kabupaten and year may
  pick another one; the regulation defaults are constants below.
- Error messages are shown to operators, so they are Indonesian.
"""

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from itertools import pairwise
from typing import TypeVar

_SERATUS = Decimal(100)

_E = TypeVar("_E", bound=StrEnum)


class Polaritas(StrEnum):
    """Whether a higher realisasi is better (POSITIF) or worse (NEGATIF, e.g. complaints)."""

    POSITIF = "positif"
    NEGATIF = "negatif"


class MetodeNegatif(StrEnum):
    """How capaian of a negative-polarity indicator is computed; a property of the indicator.

    SELISIH, ``(2T - R) / T x 100``, is PermenPANRB 8/2021 and what the seeds use. RASIO,
    ``T / R x 100``, is used by some offices; it is not computable when realisasi is zero.
    """

    SELISIH = "selisih"
    RASIO = "rasio"


def _desimal(nilai: Decimal | int | None, nama: str) -> Decimal | None:
    """Check one numeric input and return it as a finite Decimal (None passes through)."""
    if nilai is None:
        return None
    if isinstance(nilai, float):
        raise ValueError(
            f"{nama} tidak boleh berupa float ({nilai!r}) karena tidak presisi; gunakan Decimal."
        )
    if isinstance(nilai, bool) or not isinstance(nilai, Decimal | int):
        raise ValueError(
            f"{nama} harus berupa angka (Decimal atau bilangan bulat), bukan {nilai!r}."
        )
    if isinstance(nilai, int):
        return Decimal(str(nilai))
    if not nilai.is_finite():
        raise ValueError(f"{nama} harus berupa angka terhingga, bukan {nilai}.")
    return nilai


def _terisi(nilai: Iterable[Decimal | None], nama: str) -> list[Decimal]:
    """The non-None values, checked, in their original order."""
    hasil = []
    for item in nilai:
        angka = _desimal(item, nama)
        if angka is not None:
            hasil.append(angka)
    return hasil


def _pilihan(jenis: type[_E], nilai: _E | str, nama: str) -> _E:
    """Accept the enum or its stored string (as it comes out of a model field)."""
    try:
        return jenis(nilai)
    except ValueError:
        sah = ", ".join(anggota.value for anggota in jenis)
        raise ValueError(f"{nama} tidak dikenal: {nilai!r}. Pilihan: {sah}.") from None


def bulatkan(nilai: Decimal | None, desimal: int = 2) -> Decimal | None:
    """Round half-up to ``desimal`` places: the only rounding in the code base.

    Half-up because that is how people round by hand and how the LKIP reader checks a figure
    (99,815 → 99,82). The local precision is widened so that large rupiah amounts never hit the
    28-digit default of the decimal context.
    """
    angka = _desimal(nilai, "Nilai")
    if angka is None:
        return None
    kuantum = Decimal(1).scaleb(-desimal)
    with localcontext() as konteks:
        konteks.prec = max(konteks.prec, angka.adjusted() + desimal + 2)
        return angka.quantize(kuantum, rounding=ROUND_HALF_UP)


def capaian(
    target: Decimal | int | None,
    realisasi: Decimal | int | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    metode: MetodeNegatif | str = MetodeNegatif.SELISIH,
) -> Decimal | None:
    """Capaian (achievement) in percent, unrounded and uncapped (120 % is reported as 120 %).

    None when it is not computable: target missing or zero, realisasi missing, or RASIO with a
    realisasi of zero. A negative target is a legitimate (if odd) number and is computed.
    """
    t = _desimal(target, "Target")
    r = _desimal(realisasi, "Realisasi")
    polaritas = _pilihan(Polaritas, polaritas, "Polaritas")
    metode = _pilihan(MetodeNegatif, metode, "Metode polaritas negatif")
    if t is None or r is None or t == 0:
        return None
    if polaritas is Polaritas.POSITIF:
        return r * _SERATUS / t
    if metode is MetodeNegatif.SELISIH:
        return (2 * t - r) * _SERATUS / t
    if r == 0:
        return None
    return t * _SERATUS / r


def capaian_terhadap_target_akhir(
    target_akhir: Decimal | int | None,
    realisasi: Decimal | int | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    metode: MetodeNegatif | str = MetodeNegatif.SELISIH,
) -> Decimal | None:
    """Realisasi of the year against the Renstra end target (a column of Tabel 3.2/3.8).

    The same rule as :func:`capaian`; named separately so that call sites say which target they
    compare against.
    """
    return capaian(target_akhir, realisasi, polaritas, metode)


def serapan(pagu: Decimal | int | None, realisasi: Decimal | int | None) -> Decimal | None:
    """Serapan anggaran (budget absorption) in percent; None without a pagu or realisasi."""
    p = _desimal(pagu, "Pagu")
    r = _desimal(realisasi, "Realisasi anggaran")
    if p is None or r is None or p == 0:
        return None
    return r * _SERATUS / p


def rata_rata(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """Mean of the computable values (e.g. rata-rata capaian sasaran); None if there are none.

    Not-computable capaian are left out rather than counted as 0, for the same reason as in
    :func:`persentase_tercapai`.
    """
    angka = _terisi(nilai, "Nilai")
    if not angka:
        return None
    return sum(angka) / len(angka)


def jumlahkan(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """Sum of the known values (a kegiatan's pagu is the sum of its sub kegiatan); None if none.

    A budget column nobody filled in yet (no pergeseran happened) stays "–", not Rp 0.
    """
    angka = _terisi(nilai, "Nilai")
    return sum(angka, Decimal(0)) if angka else None


def selisih(sesudah: Decimal | int | None, sebelum: Decimal | int | None) -> Decimal | None:
    """``sesudah - sebelum`` (bertambah / berkurang), None when either side is unknown."""
    a, b = _desimal(sesudah, "Nilai sesudah"), _desimal(sebelum, "Nilai sebelum")
    if a is None or b is None:
        return None
    return a - b


def simpangan(nilai: Decimal | int | None, acuan: Decimal | int | None) -> Decimal | None:
    """How far ``nilai`` lies from ``acuan``, in percent of the reference: |n − a| / |a| × 100.

    Used to flag a PK target set far from its Renstra target. None when either is unknown or
    the reference is zero.
    """
    n, a = _desimal(nilai, "Nilai"), _desimal(acuan, "Acuan")
    if n is None or a is None or a == 0:
        return None
    return abs(n - a) * _SERATUS / abs(a)


def realisasi_anggaran_tahunan(
    tahunan: Decimal | int | None, per_triwulan: Iterable[Decimal | None]
) -> Decimal | None:
    """The year's budget realisation: the annual figure when one was entered, otherwise the sum
    of the quarters (spending adds up over the year, unlike an index such as IKM)."""
    angka = _desimal(tahunan, "Realisasi tahunan")
    return angka if angka is not None else jumlahkan(per_triwulan)


def realisasi_anggaran_sampai(
    tahunan: Decimal | int | None,
    per_triwulan: Sequence[Decimal | None],
    triwulan: int | None = None,
) -> Decimal | None:
    """The budget realised up to a period: for triwulan ``n`` the quarters 1 … n added up
    (spending accumulates, so the serapan of TW II is what was spent since January); for the
    year (``triwulan`` None) :func:`realisasi_anggaran_tahunan`. None when nothing is known."""
    if triwulan is None:
        return realisasi_anggaran_tahunan(tahunan, per_triwulan)
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan antara 1 dan 4.")
    return jumlahkan(list(per_triwulan)[:triwulan])


def persentase_realisasi_anggaran(
    pagu: Decimal | int | None,
    tahunan: Decimal | int | None,
    per_triwulan: Sequence[Decimal | None],
    triwulan: int | None = None,
) -> Decimal | None:
    """ "Persentase realisasi anggaran" of a period: the serapan of the budget realised up to
    it (:func:`realisasi_anggaran_sampai`) against the pagu in force. The realisasi of an
    indicator computed from the budget tree; None without a pagu or any realisasi."""
    return serapan(pagu, realisasi_anggaran_sampai(tahunan, per_triwulan, triwulan))


@dataclass(frozen=True)
class Ketercapaian:
    """How many indicators reached their target, did not, or could not be measured."""

    tercapai: int
    tidak_tercapai: int
    tidak_terukur: int


def hitung_tercapai(capaian_list: Iterable[Decimal | None]) -> Ketercapaian:
    """Count indicators with capaian ≥ 100 % against the rest.

    The unrounded capaian is compared: a realisasi of 99,996 against a target of 100 did not
    reach the target, even though it is displayed as 100,00 %.
    """
    tercapai = tidak_tercapai = tidak_terukur = 0
    for item in capaian_list:
        angka = _desimal(item, "Capaian")
        if angka is None:
            tidak_terukur += 1
        elif angka >= _SERATUS:
            tercapai += 1
        else:
            tidak_tercapai += 1
    return Ketercapaian(tercapai, tidak_tercapai, tidak_terukur)


def persentase_tercapai(capaian_list: Iterable[Decimal | None]) -> Decimal | None:
    """Persentase indikator (program) yang tercapai, itself an IKU.

    Not-computable entries are left out of both numerator and denominator: missing data is
    reported separately (``Ketercapaian.tidak_terukur``), not silently counted as a failure, which
    would also make the score drop merely because a realisasi was not entered yet.
    """
    hitungan = hitung_tercapai(capaian_list)
    terukur = hitungan.tercapai + hitungan.tidak_tercapai
    if terukur == 0:
        return None
    return Decimal(hitungan.tercapai) * _SERATUS / terukur


class KategoriEfisiensi(StrEnum):
    EFISIEN = "Efisien"
    TIDAK_EFISIEN = "Tidak Efisien"


@dataclass(frozen=True)
class HasilEfisiensi:
    """The category with both percentages, because the LKIP must show them side by side."""

    kategori: KategoriEfisiensi | None
    capaian_kinerja: Decimal | None
    serapan: Decimal | None


def efisiensi(
    capaian_kinerja: Decimal | int | None, serapan: Decimal | int | None
) -> HasilEfisiensi:
    """Efficiency of a sasaran, by the rule of the Kencong LKIP.

    Only a sasaran that reached its target (capaian ≥ 100) and spent proportionally less than it
    achieved (serapan < capaian) is "Efisien"; every other case is "Tidak Efisien". Unrounded values
    are compared so that the category cannot flip on display rounding. Kategori is None only when
    one of the two percentages is not computable.
    """
    kinerja = _desimal(capaian_kinerja, "Capaian kinerja")
    anggaran = _desimal(serapan, "Serapan anggaran")
    if kinerja is None or anggaran is None:
        kategori = None
    elif kinerja >= _SERATUS and anggaran < kinerja:
        kategori = KategoriEfisiensi.EFISIEN
    else:
        kategori = KategoriEfisiensi.TIDAK_EFISIEN
    return HasilEfisiensi(kategori, kinerja, anggaran)


class JenisBelanja(StrEnum):
    """The kind of spending of a sub kegiatan: belanja operasi / modal since Permendagri
    90/2019, belanja langsung / tidak langsung in older budgets."""

    OPERASI = "operasi"
    MODAL = "modal"
    LANGSUNG = "langsung"
    TIDAK_LANGSUNG = "tidak_langsung"


# Each classification is printed whole: the Kencong LKIP lists "Belanja Modal sebesar Rp0,00"
# beside its belanja operasi.
PASANGAN_BELANJA = (
    (JenisBelanja.OPERASI, JenisBelanja.MODAL),
    (JenisBelanja.LANGSUNG, JenisBelanja.TIDAK_LANGSUNG),
)


@dataclass(frozen=True)
class BagianBelanja:
    """One kind's share of the year's budget; ``jenis`` None for sub kegiatan whose kind is
    not chosen yet."""

    jenis: JenisBelanja | None
    pagu: Decimal | None
    realisasi: Decimal | None

    @property
    def serapan(self) -> Decimal | None:
        return serapan(self.pagu, self.realisasi)


def rincian_belanja(
    baris: Iterable[tuple[str | None, Decimal | int | None, Decimal | int | None]],
) -> tuple[BagianBelanja, ...]:
    """The split of pagu and realisasi by kind of spending, from (kind, pagu, realisasi) per
    sub kegiatan: each rupiah counted once, so the parts add up to the whole. Every kind of a
    classification in use is listed (a kind without spending as Rp 0), in regulation order;
    sub kegiatan without a kind come last. Empty when no sub kegiatan has a kind."""
    pagu: dict[JenisBelanja | None, list] = {}
    realisasi: dict[JenisBelanja | None, list] = {}
    for jenis, p, r in baris:
        kunci = _pilihan(JenisBelanja, jenis, "Jenis belanja") if jenis else None
        pagu.setdefault(kunci, []).append(_desimal(p, "Pagu"))
        realisasi.setdefault(kunci, []).append(_desimal(r, "Realisasi"))
    if not any(k is not None for k in pagu):
        return ()
    urutan = [j for pasangan in PASANGAN_BELANJA if set(pasangan) & set(pagu) for j in pasangan]
    if None in pagu:
        urutan.append(None)
    nol = Decimal(0)
    return tuple(
        BagianBelanja(
            j,
            jumlahkan(pagu[j]) if j in pagu else nol,
            jumlahkan(realisasi[j]) if j in realisasi else nol,
        )
        for j in urutan
    )


class Tren(StrEnum):
    NAIK = "naik"
    TURUN = "turun"
    STABIL = "stabil"
    FLUKTUATIF = "fluktuatif"


def _arah(naik: bool, turun: bool) -> Tren:
    if naik and turun:
        return Tren.FLUKTUATIF
    if naik:
        return Tren.NAIK
    if turun:
        return Tren.TURUN
    return Tren.STABIL


def tren(nilai: Sequence[Decimal | None]) -> Tren | None:
    """Trend of realisasi over the years, oldest first; years without data are skipped.

    NAIK/TURUN only when every step goes the same way (or stays level); any change of direction is
    FLUKTUATIF. None with fewer than two values: one year is no trend.
    """
    angka = _terisi(nilai, "Nilai tren")
    if len(angka) < 2:
        return None
    langkah = list(pairwise(angka))
    return _arah(any(b > a for a, b in langkah), any(b < a for a, b in langkah))


def arah_terakhir(nilai: Sequence[Decimal | None]) -> Tren | None:
    """Direction of the last step (the two most recent values): NAIK, TURUN or STABIL."""
    angka = _terisi(nilai, "Nilai tren")
    if len(angka) < 2:
        return None
    sebelum, sesudah = angka[-2:]
    return _arah(sesudah > sebelum, sesudah < sebelum)


# --- Implausible values (accepted, but flagged where typed and on the beranda) -------------------

# Units that count whole things: a realisasi of "1.234,5 Dokumen" is a typing slip. The first
# word of the unit decides ("Dokumen/Tahun", "Dok." count; "%", "Indeks", "Rp" do not).
SATUAN_CACAH = frozenset(
    {
        "dok",
        "dokumen",
        "laporan",
        "orang",
        "jiwa",
        "kk",
        "kegiatan",
        "kali",
        "unit",
        "buah",
        "paket",
        "desa",
        "kelurahan",
        "lembaga",
        "kelompok",
        "lokasi",
        "titik",
        "sekolah",
        "rumah",
        "inovasi",
        "aplikasi",
        "perda",
        "perbup",
        "sk",
        "sop",
        "surat",
        "berkas",
        "pengaduan",
        "kasus",
        "event",
        "forum",
        "rapat",
    }
)


def satuan_cacah(satuan: str | None) -> bool:
    """Does ``satuan`` count whole things (documents, people, activities)?"""
    kata = (satuan or "").strip().lower().replace("/", " ").replace(".", " ").split()
    return bool(kata) and kata[0] in SATUAN_CACAH


def cacah_berpecahan(nilai: Decimal | int | None, satuan: str | None) -> bool:
    """A count with a fractional part: "1.234,5" where the unit counts documents."""
    angka = _desimal(nilai, "Nilai")
    return angka is not None and satuan_cacah(satuan) and angka != angka.to_integral_value()


def capaian_di_atas(capaian: Decimal | int | None, batas: Decimal | int) -> bool:
    """A capaian above the plausible bound (compared as shown, rounded to two decimals)."""
    angka = bulatkan(_desimal(capaian, "Capaian"))
    return angka is not None and angka > _desimal(batas, "Batas capaian")


def melebihi_pagu(pagu: Decimal | int | None, realisasi: Decimal | int | None) -> bool:
    """A budget realisation above its pagu (False when either is missing)."""
    p = _desimal(pagu, "Pagu")
    r = _desimal(realisasi, "Realisasi anggaran")
    return p is not None and r is not None and r > p


# --- Ranking across kecamatan --------------------------------------------------------------------


def peringkat(nilai: Sequence[Decimal | int], polaritas: Polaritas | str) -> tuple[int, ...]:
    """The rank of each value, aligned with ``nilai``: 1 = best, i.e. the highest value of a
    positive measure and the lowest of a negative one.

    Equal values share a rank and the next rank skips (1, 2, 2, 4): a kecamatan is "2nd of 31"
    only when exactly one other did better, whatever order the rows came in. Values are compared
    unrounded, as capaian is counted (``hitung_tercapai``). The benchmark of the LKIP and the
    kabupaten dashboard both rank with this, so a kecamatan has one rank everywhere.
    """
    arah = _pilihan(Polaritas, polaritas, "Polaritas")
    angka = [_desimal(n, "Nilai peringkat") for n in nilai]
    if any(a is None for a in angka):
        raise ValueError("Nilai peringkat tidak boleh kosong; saring nilai kosong dahulu.")
    urut = sorted(angka, reverse=arah == Polaritas.POSITIF)
    # The rank of a value is one more than the number of values strictly better than it: the
    # position of its first occurrence in the best-first order.
    pertama: dict[Decimal, int] = {}
    for posisi, a in enumerate(urut, start=1):
        pertama.setdefault(a, posisi)
    return tuple(pertama[a] for a in angka)


# --- Rating scales -------------------------------------------------------------------------------

_WARNA_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Pita:
    """One band of a rating scale, e.g. "≥ 90 Sangat Tinggi".

    ``batas_bawah`` None marks the catch-all lowest band. ``inklusif`` False makes the lower bound
    exclusive, as in the predikat AKIP table ("> 80 – 90 A").
    """

    kode: str
    label: str
    warna: str
    batas_bawah: Decimal | None
    inklusif: bool = True

    def __post_init__(self) -> None:
        if not _WARNA_HEX.fullmatch(self.warna):
            raise ValueError(
                f"Warna pita '{self.kode}' harus kode heksadesimal CSS seperti #9fd8f5, "
                f"bukan {self.warna!r}."
            )
        # Scales are entered by the admin; convert an int bound and refuse a float one here,
        # once, instead of at every comparison.
        batas = _desimal(self.batas_bawah, f"Batas bawah pita '{self.kode}'")
        object.__setattr__(self, "batas_bawah", batas)

    def memuat(self, nilai: Decimal) -> bool:
        """Whether an (already rounded) value satisfies this band's lower bound."""
        if self.batas_bawah is None:
            return True
        if self.inklusif:
            return nilai >= self.batas_bawah
        return nilai > self.batas_bawah


@dataclass(frozen=True)
class Skala:
    """A rating scale: bands from the highest to the catch-all lowest, checked on creation.

    ``presisi`` is the number of decimals a value is rounded to before it is classified, because
    the regulations define the bands on the printed value (IKM 88,305 is printed 88,31 → A).
    """

    kode: str
    nama: str
    pita: tuple[Pita, ...]
    presisi: int = 2

    def __post_init__(self) -> None:
        pita = tuple(self.pita)
        object.__setattr__(self, "pita", pita)
        if not pita:
            raise ValueError(f"Skala '{self.kode}' harus memiliki paling sedikit satu pita.")
        if isinstance(self.presisi, bool) or not isinstance(self.presisi, int) or self.presisi < 0:
            raise ValueError(
                f"Presisi skala '{self.kode}' harus bilangan bulat ≥ 0, bukan {self.presisi!r}."
            )
        kode_pita = [p.kode for p in pita]
        if len(set(kode_pita)) != len(kode_pita):
            raise ValueError(f"Kode pita dalam skala '{self.kode}' harus unik: {kode_pita}.")
        tanpa_batas = [p for p in pita if p.batas_bawah is None]
        if len(tanpa_batas) != 1 or pita[-1].batas_bawah is not None:
            raise ValueError(
                f"Skala '{self.kode}' harus memiliki tepat satu pita tanpa batas bawah, "
                f"yaitu pita terendah di urutan terakhir."
            )
        for atas, bawah in pairwise(pita[:-1]):
            if not atas.batas_bawah > bawah.batas_bawah:
                raise ValueError(
                    f"Batas bawah pita dalam skala '{self.kode}' harus menurun dari pita "
                    f"tertinggi: '{atas.kode}' ({atas.batas_bawah}) harus lebih besar dari "
                    f"'{bawah.kode}' ({bawah.batas_bawah})."
                )


def kriteria(nilai: Decimal | int | None, skala: Skala) -> Pita | None:
    """The band of ``skala`` a value falls in, judged on the value rounded to ``skala.presisi``.

    Rounding first means the category always agrees with the number printed next to it: 89,995 is
    printed 90,00 and is therefore "Sangat Tinggi".
    """
    angka = bulatkan(nilai, skala.presisi)
    if angka is None:
        return None
    # The last band has no lower bound (checked by Skala), so a band is always found.
    return next(p for p in skala.pita if p.memuat(angka))


SKALA_KRITERIA_CAPAIAN = Skala(
    kode="kriteria-capaian-permendagri-86-2017",
    nama="Kriteria capaian kinerja (Permendagri 86/2017)",
    pita=(
        Pita("ST", "Sangat Tinggi", "#9fd8f5", Decimal(90)),
        Pita("T", "Tinggi", "#7cc47f", Decimal(76)),
        Pita("S", "Sedang", "#fff3a3", Decimal(66)),
        Pita("R", "Rendah", "#8c8c8c", Decimal(51)),
        Pita("SR", "Sangat Rendah", "#e05252", None),
    ),
)

SKALA_IKM = Skala(
    kode="ikm-permenpanrb-14-2017",
    nama="Kategori Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)",
    pita=(
        Pita("A", "Sangat Baik", "#a5d6a7", Decimal("88.31")),
        Pita("B", "Baik", "#e6ee9c", Decimal("76.61")),
        Pita("C", "Kurang Baik", "#ffcc80", Decimal("65.00")),
        Pita("D", "Tidak Baik", "#ef9a9a", None),
    ),
)

SKALA_IPP = Skala(
    kode="ipp-permenpanrb-29-2022",
    nama="Kategori Indeks Pelayanan Publik (PermenPANRB 29/2022)",
    pita=(
        Pita("A", "Pelayanan Prima", "#a5d6a7", Decimal("4.51")),
        Pita("A-", "Sangat Baik", "#c5e1a5", Decimal("4.01")),
        Pita("B", "Baik", "#e6ee9c", Decimal("3.51")),
        Pita("B-", "Baik (Dengan Catatan)", "#fff59d", Decimal("3.01")),
        Pita("C", "Cukup", "#ffe082", Decimal("2.51")),
        Pita("C-", "Cukup (Dengan Catatan)", "#ffcc80", Decimal("2.01")),
        Pita("D", "Prioritas Pembinaan", "#ffab91", Decimal("1.51")),
        Pita("E", "Prioritas Pembinaan", "#ef9a9a", Decimal("1.01")),
        Pita("F", "Gagal", "#e57373", None),
    ),
)

SKALA_PREDIKAT_SAKIP = Skala(
    kode="predikat-akip-permenpanrb-88-2021",
    nama="Predikat nilai AKIP (PermenPANRB 88/2021)",
    pita=(
        Pita("AA", "Sangat Memuaskan", "#a5d6a7", Decimal(90), inklusif=False),
        Pita("A", "Memuaskan", "#c5e1a5", Decimal(80), inklusif=False),
        Pita("BB", "Sangat Baik", "#e6ee9c", Decimal(70), inklusif=False),
        Pita("B", "Baik", "#fff59d", Decimal(60), inklusif=False),
        Pita("CC", "Cukup (Memadai)", "#ffcc80", Decimal(50), inklusif=False),
        Pita("C", "Kurang", "#ffab91", Decimal(30), inklusif=False),
        Pita("D", "Sangat Kurang", "#ef9a9a", None),
    ),
)

SKALA_BAWAAN: dict[str, Skala] = {
    skala.kode: skala
    for skala in (SKALA_KRITERIA_CAPAIAN, SKALA_IKM, SKALA_IPP, SKALA_PREDIKAT_SAKIP)
}


def kategori_ikm(nilai: Decimal | int | None) -> Pita | None:
    return kriteria(nilai, SKALA_IKM)


def kategori_ipp(nilai: Decimal | int | None) -> Pita | None:
    return kriteria(nilai, SKALA_IPP)


def predikat_sakip(nilai: Decimal | int | None, skala: Skala = SKALA_PREDIKAT_SAKIP) -> Pita | None:
    """The predikat of a Nilai SAKIP on ``skala``: the kabupaten's scale of the year
    (kecamatan.selectors.skala_tahun), PermenPANRB 88/2021's when none is chosen."""
    return kriteria(nilai, skala)


# --- IKM: Survei Kepuasan Masyarakat (PermenPANRB 14/2017) ---------------------------------------

UNSUR_IKM: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
)


@dataclass(frozen=True)
class HasilIKM:
    nrr: tuple[Decimal, ...]
    nilai: Decimal
    kategori: Pita
    jumlah_responden: int
    jumlah_jawaban: tuple[int, ...] = ()  # answers given per unsur (unanswered not counted)


def ikm(jawaban: Sequence[Sequence[int | None]]) -> HasilIKM:
    """IKM from the survey forms: one row per respondent, one answer (1–4 or None) per unsur.

    NRR of an unsur is the mean of the answers given to it, so an unanswered cell lowers neither
    the sum nor the count. IKM = 25 × mean of the nine NRR (each unsur weighs 1/9), which maps the
    1–4 scale onto 25–100. ``jumlah_responden`` counts every form entered.
    """
    if not jawaban:
        raise ValueError("Belum ada responden: IKM tidak dapat dihitung.")
    jumlah = [0] * len(UNSUR_IKM)
    banyak = [0] * len(UNSUR_IKM)
    for nomor, baris in enumerate(jawaban, start=1):
        if isinstance(baris, str | bytes) or not isinstance(baris, Sequence):
            raise ValueError(f"Jawaban responden ke-{nomor} harus berupa daftar 9 jawaban.")
        if len(baris) != len(UNSUR_IKM):
            raise ValueError(
                f"Responden ke-{nomor} harus memiliki {len(UNSUR_IKM)} jawaban "
                f"(satu per unsur), bukan {len(baris)}."
            )
        for indeks, (unsur, nilai) in enumerate(zip(UNSUR_IKM, baris, strict=True)):
            if nilai is None:
                continue
            if isinstance(nilai, bool) or not isinstance(nilai, int) or not 1 <= nilai <= 4:
                raise ValueError(
                    f"Jawaban responden ke-{nomor} untuk unsur '{unsur}' harus bilangan bulat "
                    f"1–4 atau kosong, bukan {nilai!r}."
                )
            jumlah[indeks] += nilai
            banyak[indeks] += 1
    for unsur, n in zip(UNSUR_IKM, banyak, strict=True):
        if n == 0:
            raise ValueError(f"Unsur '{unsur}' belum dijawab oleh satu responden pun.")
    nrr = tuple(Decimal(s) / n for s, n in zip(jumlah, banyak, strict=True))
    nilai_ikm = sum(nrr) * 25 / len(UNSUR_IKM)
    return HasilIKM(
        nrr=nrr,
        nilai=nilai_ikm,
        kategori=kategori_ikm(nilai_ikm),
        jumlah_responden=len(jawaban),
        jumlah_jawaban=tuple(banyak),
    )


@dataclass(frozen=True)
class NilaiUnsur:
    """One unsur of a survey as its report shows it."""

    nomor: int  # 1–9, the regulation's order (U1 … U9)
    nama: str
    nrr: Decimal
    konversi: Decimal  # NRR × 25: the unsur on the IKM's 25–100 scale
    mutu: Pita  # the IKM category of the converted value


def nilai_unsur_ikm(nrr: Sequence[Decimal | int]) -> tuple[NilaiUnsur, ...]:
    """The nine unsur, the weakest first (lowest NRR; ties keep the regulation's order).

    A survey report asks for the unsur to improve first, so the order is the point. Each unsur
    is also converted to the 25–100 scale (× 25, the same factor as the IKM) and rated with
    the IKM categories, as the "mutu pelayanan per unsur" table of PermenPANRB 14/2017 does.
    """
    if isinstance(nrr, str | bytes) or len(nrr) != len(UNSUR_IKM):
        raise ValueError(f"NRR harus berisi {len(UNSUR_IKM)} nilai, satu per unsur.")
    hasil = []
    for nomor, (nama, nilai) in enumerate(zip(UNSUR_IKM, nrr, strict=True), start=1):
        angka = _desimal(nilai, f"NRR unsur '{nama}'")
        if angka is None or not 1 <= angka <= 4:
            raise ValueError(f"NRR unsur '{nama}' harus antara 1 dan 4, bukan {nilai!r}.")
        konversi = angka * 25
        hasil.append(NilaiUnsur(nomor, nama, angka, konversi, kategori_ikm(konversi)))
    return tuple(sorted(hasil, key=lambda u: (u.nrr, u.nomor)))


# --- IPP: Indeks Pelayanan Publik (PermenPANRB 29/2022, as applied in Jember) --------------------


@dataclass(frozen=True)
class AspekIPP:
    kode: str
    nama: str
    bobot: Decimal  # percent of the form score


ASPEK_IPP: tuple[AspekIPP, ...] = (
    AspekIPP("kebijakan", "Kebijakan Pelayanan", Decimal(24)),
    AspekIPP("sdm", "Profesionalisme SDM", Decimal(25)),
    AspekIPP("sarpras", "Sarana Prasarana", Decimal(18)),
    AspekIPP("sipp", "Sistem Informasi Pelayanan Publik (SIPP)", Decimal(11)),
    AspekIPP("pengaduan", "Konsultasi dan Pengaduan", Decimal(10)),
    AspekIPP("inovasi", "Inovasi", Decimal(12)),
)

_BOBOT_FORM_02 = Decimal("0.75")
_BOBOT_FORM_03 = Decimal("0.25")


def _skor_ipp(nilai: Decimal | int | None, nama: str) -> Decimal:
    """An IPP score on its 0–5 scale; a value outside it is a typing error, not a result."""
    angka = _desimal(nilai, nama)
    if angka is None:
        raise ValueError(f"{nama} wajib diisi.")
    if not 0 <= angka <= 5:
        raise ValueError(f"{nama} harus antara 0 dan 5, bukan {angka}.")
    return angka


def ipp(form02: Decimal | int, form03: Decimal | int) -> Decimal:
    """IPP = 75 % × form 02 + 25 % × form 03. Which form is which is the decree's wording:
    in Kencong's documents form 02 is the Bagian Organisasi's assessment of form 01 and form 03
    is filled by the public (Panti's decree names them the other way round)."""
    return _BOBOT_FORM_02 * _skor_ipp(form02, "Nilai form 02") + _BOBOT_FORM_03 * _skor_ipp(
        form03, "Nilai form 03"
    )


def nilai_form_ipp(nilai_aspek: Mapping[str, Decimal | int]) -> Decimal:
    """Weighted score of one IPP form over the six aspects (each scored 0–5)."""
    kode_sah = {aspek.kode for aspek in ASPEK_IPP}
    asing = sorted(set(nilai_aspek) - kode_sah)
    if asing:
        raise ValueError(
            f"Aspek IPP tidak dikenal: {', '.join(asing)}. Aspek yang sah: "
            f"{', '.join(a.kode for a in ASPEK_IPP)}."
        )
    kurang = [aspek.nama for aspek in ASPEK_IPP if aspek.kode not in nilai_aspek]
    if kurang:
        raise ValueError(f"Nilai aspek IPP belum lengkap, belum diisi: {', '.join(kurang)}.")
    return sum(
        _skor_ipp(nilai_aspek[aspek.kode], f"Nilai aspek {aspek.nama}") * aspek.bobot / _SERATUS
        for aspek in ASPEK_IPP
    )


# --- Nilai AKIP (PermenPANRB 88/2021) ------------------------------------------------------------

KOMPONEN_AKIP: dict[str, tuple[str, Decimal]] = {
    "perencanaan": ("Perencanaan Kinerja", Decimal(30)),
    "pengukuran": ("Pengukuran Kinerja", Decimal(30)),
    "pelaporan": ("Pelaporan Kinerja", Decimal(15)),
    "evaluasi": ("Evaluasi Akuntabilitas Kinerja Internal", Decimal(25)),
}

# Share of the component's weight, in percent.
SUB_KOMPONEN_AKIP: dict[str, Decimal] = {
    "keberadaan": Decimal(20),
    "kualitas": Decimal(30),
    "pemanfaatan": Decimal(50),
}

# Answers of the LKE (lembar kerja evaluasi): Y/T for yes-no criteria, A–E for graded ones.
NILAI_JAWABAN_LKE: dict[str, Decimal] = {
    "Y": Decimal(1),
    "T": Decimal(0),
    "A": Decimal(1),
    "B": Decimal("0.75"),
    "C": Decimal("0.5"),
    "D": Decimal("0.25"),
    "E": Decimal(0),
}


@dataclass(frozen=True)
class HasilAKIP:
    nilai: Decimal
    per_komponen: dict[str, Decimal]
    predikat: Pita


def _nilai_jawaban_lke(jawaban: object, tempat: str) -> Decimal:
    huruf = jawaban.strip().upper() if isinstance(jawaban, str) else None
    if huruf not in NILAI_JAWABAN_LKE:
        raise ValueError(
            f"Jawaban LKE {jawaban!r} pada {tempat} tidak dikenal. "
            f"Jawaban yang sah: {', '.join(NILAI_JAWABAN_LKE)}."
        )
    return NILAI_JAWABAN_LKE[huruf]


def _kode_lengkap(diberikan: Iterable[str], sah: Iterable[str], apa: str) -> None:
    """Refuse unknown and missing codes: a missing part would silently score 0."""
    diberikan, sah = set(diberikan), list(sah)
    asing = sorted(diberikan - set(sah))
    if asing:
        raise ValueError(f"{apa} tidak dikenal: {', '.join(asing)}. Yang sah: {', '.join(sah)}.")
    kurang = [kode for kode in sah if kode not in diberikan]
    if kurang:
        raise ValueError(f"{apa} belum diisi: {', '.join(kurang)}.")


def nilai_akip(
    jawaban: Mapping[str, Mapping[str, Sequence[str]]], *, skala: Skala = SKALA_PREDIKAT_SAKIP
) -> HasilAKIP:
    """Nilai AKIP from the LKE answers, grouped by komponen and sub komponen.

    A sub komponen scores the mean of its answers × its weight (komponen bobot × share / 100); the
    komponen is the sum of its sub komponen, the nilai the sum of the komponen (0–100). The
    predikat is read on ``skala`` (the year's predikat scale).
    """
    _kode_lengkap(jawaban, KOMPONEN_AKIP, "Komponen AKIP")
    per_komponen: dict[str, Decimal] = {}
    for kode, (nama, bobot) in KOMPONEN_AKIP.items():
        sub_jawaban = jawaban[kode]
        _kode_lengkap(sub_jawaban, SUB_KOMPONEN_AKIP, f"Sub komponen {nama}")
        skor = Decimal(0)
        for sub, bagian in SUB_KOMPONEN_AKIP.items():
            tempat = f"{nama} / {sub}"
            daftar = sub_jawaban[sub]
            if isinstance(daftar, str) or not daftar:
                raise ValueError(f"Jawaban LKE pada {tempat} harus daftar yang tidak kosong.")
            nilai = [_nilai_jawaban_lke(item, tempat) for item in daftar]
            skor += sum(nilai) / len(nilai) * bobot * bagian / _SERATUS
        per_komponen[kode] = skor
    total = sum(per_komponen.values(), Decimal(0))
    return HasilAKIP(nilai=total, per_komponen=per_komponen, predikat=predikat_sakip(total, skala))


def _koma(nilai: Decimal) -> str:
    return f"{nilai.normalize():f}".replace(".", ",")


def bobot_sub_komponen_akip(komponen: str, sub: str) -> Decimal:
    """The highest score of a sub komponen: komponen bobot × its share (e.g. 30 × 20 % = 6)."""
    return KOMPONEN_AKIP[komponen][1] * SUB_KOMPONEN_AKIP[sub] / _SERATUS


def nilai_akip_dari_skor(
    skor: Mapping[str, Mapping[str, Decimal | int]], *, skala: Skala = SKALA_PREDIKAT_SAKIP
) -> HasilAKIP:
    """Nilai AKIP from the sub komponen scores of an LHE (the evaluator's own LKE already
    summed): each score lies between 0 and its weight; komponen and total are sums. The
    predikat is read on ``skala`` (the year's predikat scale)."""
    _kode_lengkap(skor, KOMPONEN_AKIP, "Komponen AKIP")
    per_komponen: dict[str, Decimal] = {}
    for kode, (nama, _bobot) in KOMPONEN_AKIP.items():
        _kode_lengkap(skor[kode], SUB_KOMPONEN_AKIP, f"Sub komponen {nama}")
        jumlah = Decimal(0)
        for sub in SUB_KOMPONEN_AKIP:
            tempat = f"Skor {nama} / {sub}"
            nilai = _desimal(skor[kode][sub], tempat)
            if nilai is None:
                raise ValueError(f"{tempat} belum diisi.")
            batas = bobot_sub_komponen_akip(kode, sub)
            if not Decimal(0) <= nilai <= batas:
                raise ValueError(
                    f"{tempat} harus antara 0 dan {_koma(batas)} (bobotnya), bukan {_koma(nilai)}."
                )
            jumlah += nilai
        per_komponen[kode] = jumlah
    total = sum(per_komponen.values(), Decimal(0))
    return HasilAKIP(nilai=total, per_komponen=per_komponen, predikat=predikat_sakip(total, skala))


# --- Values people type --------------------------------------------------------------------------


@dataclass(frozen=True)
class Nilai:
    """A typed value: the number that is computed, plus the letter and unit that are shown."""

    angka: Decimal
    huruf: str | None = None
    satuan: str | None = None

    def __post_init__(self) -> None:
        angka = _desimal(self.angka, "Angka nilai")
        if angka is None:
            raise ValueError("Nilai kosong.")
        object.__setattr__(self, "angka", angka)


# Indonesian notation: "." groups thousands by three, "," starts the decimals. This is the one
# decimal rule of the application: the pages, the Excel imports (a text cell; a numeric cell is a
# number anyway) and every help text give the examples below.
_ANGKA = r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
_POLA_HURUF = re.compile(rf"(?P<huruf>[A-Z]{{1,2}}[+-]?)\s*\(\s*(?P<angka>{_ANGKA})\s*\)")
# "Rp. 1.250.000.000,-": the ",-" closing a rupiah amount is the usual spelling on documents,
# typed also ",–" (a word processor's dash), ",--", ", -" or ".-".
_PENUTUP_RUPIAH = r"(?:\s*[,.]\s*[-–—]{1,2})?"
_POLA_RUPIAH = re.compile(rf"[Rr][Pp]\.?\s*(?P<angka>{_ANGKA}){_PENUTUP_RUPIAH}")
_POLA_RUPIAH_POLOS = re.compile(rf"(?P<angka>{_ANGKA}){_PENUTUP_RUPIAH}")
_POLA_SATUAN = re.compile(
    rf"(?P<angka>{_ANGKA})(?:\s*(?P<persen>%)|\s+(?P<satuan>[^\W\d_]+(?:\s+[^\W\d_]+)*))?"
)
_TITIK_DESIMAL = re.compile(r"[0-9]\.[0-9]")
_TITIK_SAJA = re.compile(r"-?[0-9]+\.[0-9]+")
ATURAN_DESIMAL = "koma untuk desimal, titik pemisah ribuan"
CONTOH_NILAI = "92,33 · 1.234,5 · 97,5% · 4 Dok · B (67)"
CONTOH_RUPIAH = "Rp 1.250.000.000 · Rp. 1.250.000.000,- · 1.234.567,89"


def _angka_indonesia(teks: str) -> Decimal:
    return Decimal(teks.replace(".", "").replace(",", "."))


def _pesan_titik(bersih: str, contoh: str) -> str:
    saran = ""
    if _TITIK_SAJA.fullmatch(bersih):  # "92.33": most likely meant 92,33
        saran = f" Maksudnya {bersih.replace('.', ',')}?"
    return (
        f"Format tidak dikenali: '{bersih}'. Dalam penulisan Indonesia titik adalah pemisah "
        f"ribuan (1.234). Gunakan koma untuk desimal.{saran} Contoh yang benar: {contoh}"
    )


def bertitik_desimal(teks: str) -> bool:
    """Whether a text that is not a value uses a dot where Indonesian writes a comma."""
    return bool(_TITIK_DESIMAL.search(teks))


def parse_nilai(teks: str) -> Nilai:
    """Read a value as operators type it (and as the seeds print it) into a :class:`Nilai`.

    Accepted: "92,5", "1.234,5", "-3,5", "97,5%", "4 Dok", "B (67)", "A- (4,2)",
    "Rp 3.920.691.860,40", "Rp. 1.250.000.000,-". A dot followed by anything but a group of
    three digits ("92.5") is refused rather than guessed, because "1.234" already means one
    thousand two hundred thirty-four.
    """
    if not isinstance(teks, str) or not teks.strip():
        raise ValueError("Nilai kosong.")
    bersih = teks.strip()
    if cocok := _POLA_HURUF.fullmatch(bersih):
        return Nilai(_angka_indonesia(cocok["angka"]), huruf=cocok["huruf"])
    if cocok := _POLA_RUPIAH.fullmatch(bersih):
        return Nilai(_angka_indonesia(cocok["angka"]), satuan="Rp")
    if cocok := _POLA_SATUAN.fullmatch(bersih):
        satuan = "%" if cocok["persen"] else cocok["satuan"]
        return Nilai(_angka_indonesia(cocok["angka"]), satuan=satuan)
    if _TITIK_DESIMAL.search(bersih):
        raise ValueError(_pesan_titik(bersih, CONTOH_NILAI))
    raise ValueError(f"Format nilai tidak dikenali: '{bersih}'. Contoh yang benar: {CONTOH_NILAI}")


class SebabRupiah(ValueError):
    """A refused rupiah whose message names what is wrong in it (a space inside the number,
    a second comma, a thousands group that is not three digits), not just "not recognised":
    the Excel imports pass it on as it is."""


def _sebab_rupiah(bersih: str) -> str | None:
    """What is wrong in a rupiah amount made of digits, dots and commas only (None: something
    else, e.g. words). The "Rp" before it and the ",-" after it are never the cause."""
    inti = re.sub(r"\A[Rr][Pp]\.?\s*", "", bersih)
    inti = re.sub(r"\s*[,.]\s*[-–—]{1,2}\Z", "", inti).strip()
    if re.search(r"[^\d.,\s-]", inti):
        return None
    if not re.search(r"\d", inti):
        return "tidak ada angkanya."
    if re.search(r"\d\s+\d", inti):
        return "ada spasi di dalam angka; pisahkan ribuan dengan titik, mis. 1.234.567."
    if inti.count(",") > 1:
        return (
            "koma adalah tanda desimal dan hanya boleh satu; pemisah ribuan ditulis dengan "
            "titik, mis. 1.234.567."
        )
    bulat = inti.partition(",")[0].lstrip("-")
    kelompok = bulat.split(".")
    if len(kelompok) > 1:
        salah = [k for k in kelompok[1:] if len(k) != 3]
        if salah == [kelompok[-1]] and len(salah[0]) in (1, 2) and "," not in inti:
            maksud = ".".join(kelompok[:-1]) + "," + kelompok[-1]
            return (
                "titik adalah pemisah ribuan (1.234). Gunakan koma untuk desimal. "
                f"Maksudnya {maksud}?"
            )
        if salah or not 1 <= len(kelompok[0]) <= 3:
            contoh = salah[0] if salah else kelompok[0]
            return (
                "titik memisahkan ribuan setiap tiga angka dari kanan (1.234.567); di sini "
                f"ada kelompok '{contoh}'."
            )
    return None


def parse_rupiah(teks: str) -> Decimal:
    """A rupiah amount as people write it: "1.250.000", "Rp 1.250.000.000", "Rp1.250.000",
    "Rp. 1.250.000.000,-", "1.234.567,-", "1.234.567,89" → Decimal. A refusal names its
    cause (``SebabRupiah``) where it can, and gives rupiah examples."""
    if not isinstance(teks, str) or not teks.strip():
        raise ValueError("Jumlah rupiah kosong.")
    bersih = teks.strip()
    if cocok := _POLA_RUPIAH.fullmatch(bersih) or _POLA_RUPIAH_POLOS.fullmatch(bersih):
        return _angka_indonesia(cocok["angka"])
    if sebab := _sebab_rupiah(bersih):
        raise SebabRupiah(
            f"Format rupiah salah: '{bersih}': {sebab} Contoh yang benar: {CONTOH_RUPIAH}"
        )
    # Words ("sejuta", "IDR"): not the dots' fault, whatever dots there are.
    berhuruf = re.search(r"[^\W\d_]", re.sub(r"\A[Rr][Pp]\.?", "", bersih))
    if _TITIK_DESIMAL.search(bersih) and not berhuruf:
        raise ValueError(_pesan_titik(bersih, CONTOH_RUPIAH))
    raise ValueError(
        f"Format rupiah tidak dikenali: '{bersih}'. Tulis jumlah rupiah saja, mis. {CONTOH_RUPIAH}"
    )


# The fewest significant digits a supported database keeps: SQLite stores a decimal with a
# fraction as a REAL, which holds 15 (PostgreSQL's numeric holds what the column declares). A
# value beyond it would come back changed, or not at all, so no input may pass it.
DIGIT_TERSIMPAN = 15


@dataclass(frozen=True)
class BatasAngka:
    """What a decimal column holds: ``bulat`` digits before the comma, ``desimal`` after.

    Built from the column's own declaration (``BatasAngka.dari(max_digits=…, decimal_places=…)``,
    ``sakip.isian.batas_kolom(field)``), so the model field is the one owner of the bound.
    """

    bulat: int
    desimal: int

    @classmethod
    def dari(cls, *, max_digits: int, decimal_places: int) -> "BatasAngka":
        return cls(min(max_digits, DIGIT_TERSIMPAN) - decimal_places, decimal_places)

    def periksa(self, angka: Decimal) -> Decimal:
        """``angka`` unchanged when the column holds it; ValueError (Indonesian, naming the
        limit) when it has too many digits before or after the comma."""
        if not angka.is_finite():
            raise ValueError("Angka tidak terhingga.")
        bulat = angka.copy_abs().to_integral_value(rounding=ROUND_DOWN)
        if bulat and bulat.adjusted() + 1 > self.bulat:
            raise ValueError(f"Angka terlalu besar: paling banyak {self.bulat} digit sebelum koma.")
        if angka.normalize().as_tuple().exponent < -self.desimal:
            raise ValueError(f"Paling banyak {self.desimal} angka di belakang koma.")
        return angka


# --- reporting periods -----------------------------------------------------------------------

# The last month of each reporting period (the periode values of perjanjian.Periode).
BULAN_AKHIR_PERIODE = {"tw1": 3, "tw2": 6, "tw3": 9, "tw4": 12, "tahunan": 12}


def periode_berakhir(periode: str, tahun: int, hari_ini: datetime.date) -> bool:
    """Whether the period of ``tahun`` is over on ``hari_ini`` (its realisasi is then due)."""
    bulan = BULAN_AKHIR_PERIODE[periode]
    if bulan == 12:
        return hari_ini > datetime.date(tahun, 12, 31)
    return hari_ini >= datetime.date(tahun, bulan + 1, 1)
