"""Selector: last year's budget tree as it would be copied to a new year (the preview of
``perjanjian.services.anggaran_salin``): programs, kegiatan and sub kegiatan with their
sasaran links and kinds of spending, without realisasi, with the pagu left empty or copied.
Rows whose code the new year already has are matched, not created again."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from iku.models import Sasaran
from iku.selectors import sasaran_berlaku
from kecamatan.models import Kecamatan
from perjanjian.models import Kegiatan, Program, SubKegiatan
from perjanjian.selectors.anggaran import LABEL_JENIS_BELANJA, pohon_anggaran
from sakip import konkurensi


@dataclass(frozen=True)
class BarisSalinan:
    tingkat: str  # program, kegiatan, sub_kegiatan
    kode: str
    nama: str
    induk: tuple[str, ...]  # the codes of its program (and kegiatan) in the new year
    ada: bool  # the new year already has this code here: matched, not created
    sasaran: tuple[Sasaran, ...] = ()  # links copied (their Renstra is in force)
    sasaran_lepas: tuple[Sasaran, ...] = ()  # links left behind (Renstra not in force)
    jenis_belanja: str = ""
    pagu: Decimal | None = None  # the new row's pagu sebelum perubahan, when copied

    @property
    def label_jenis(self) -> str:
        return LABEL_JENIS_BELANJA.get(self.jenis_belanja, "")


@dataclass
class SalinanAnggaran:
    dari_tahun: int
    ke_tahun: int
    salin_pagu: bool
    baris: list[BarisSalinan] = field(default_factory=list)
    sidik: str = ""

    @property
    def baru(self) -> list[BarisSalinan]:
        return [b for b in self.baris if not b.ada]

    @property
    def ada_lepas(self) -> bool:
        return any(b.sasaran_lepas for b in self.baris)


def salinan_anggaran(*, kecamatan: Kecamatan, ke_tahun: int, salin_pagu: bool) -> SalinanAnggaran:
    """The previous year's tree, row by row, as it would land in ``ke_tahun``. The pagu copied
    is last year's pagu in force (after the change, else the pergeseran, else the original)."""
    dari_tahun = ke_tahun - 1
    pohon = pohon_anggaran(kecamatan_id=kecamatan.id, tahun=dari_tahun)
    berlaku = {s.id for s in sasaran_berlaku(kecamatan=kecamatan, tahun=ke_tahun)}
    tujuan = list(
        Program.objects.filter(kecamatan=kecamatan, tahun=ke_tahun).prefetch_related(
            Prefetch("kegiatan", queryset=Kegiatan.objects.prefetch_related("sub_kegiatan"))
        )
    )
    ada: set[tuple[str, ...]] = set()
    for p in tujuan:
        ada.add((p.kode,))
        for k in p.kegiatan.all():
            ada.add((p.kode, k.kode))
            ada.update((p.kode, k.kode, s.kode) for s in k.sub_kegiatan.all())

    def tautan(objek) -> dict:
        semua = list(objek.sasaran.all())
        return {
            "sasaran": tuple(s for s in semua if s.id in berlaku),
            "sasaran_lepas": tuple(s for s in semua if s.id not in berlaku),
        }

    hasil = SalinanAnggaran(dari_tahun, ke_tahun, salin_pagu)
    sumber: list = []
    for p in pohon.program:
        kp = (p.objek.kode,)
        hasil.baris.append(
            BarisSalinan("program", *kp, p.objek.nama, (), kp in ada, **tautan(p.objek))
        )
        sumber.append(p.objek)
        for k in p.anak:
            kk = (*kp, k.objek.kode)
            hasil.baris.append(
                BarisSalinan(
                    "kegiatan", k.objek.kode, k.objek.nama, kp, kk in ada, **tautan(k.objek)
                )
            )
            sumber.append(k.objek)
            for s in k.anak:
                sub: SubKegiatan = s.objek
                hasil.baris.append(
                    BarisSalinan(
                        "sub_kegiatan",
                        sub.kode,
                        sub.nama,
                        kk,
                        (*kk, sub.kode) in ada,
                        jenis_belanja=sub.jenis_belanja,
                        pagu=s.jumlah.pagu_akhir if salin_pagu else None,
                    )
                )
                sumber.append(sub)
    hasil.sidik = konkurensi.sidik(
        [*sumber, *sorted(ada), *(s.id for b in hasil.baris for s in b.sasaran)]
    )
    return hasil
