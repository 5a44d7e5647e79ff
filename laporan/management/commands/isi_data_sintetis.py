"""Synthetic data for the kecamatan without real data, for demos and load tests.

The real fixtures hold one complete kecamatan (Kencong) and the decrees of three others; the
kabupaten dashboard only shows what it is for when many kecamatan report. This command gives
every other kecamatan a plausible Renstra 2025-2029 on the kabupaten's shared measures, an IKU
decree, a PK for the year, realisasi of the year and the three before, reporting statuses and
an LKIP state, all clearly marked: every Renstra, tujuan, sasaran, indicator, decree and PK
signatory carries "SINTETIS" in its name, every realisasi, reporting status and LKIP a note
saying so. A kecamatan with any real (unmarked) Renstra is never touched. Values come from a
random generator seeded by the kecamatan's code, so a second run adds nothing and changes
nothing; ``--hapus`` removes exactly the marked rows.
"""

import random
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from iku.models import (
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    Ukuran,
)
from kecamatan.models import Kabupaten, Kecamatan
from laporan.dasbor import PENANDA_SINTETIS
from laporan.models import LaporanKinerja
from perjanjian.models import (
    PelaporanRealisasi,
    Periode,
    PerjanjianKinerja,
    Realisasi,
    TargetPerjanjian,
)
from sakip import kinerja
from sakip.penguncian import kunci_dilepas

PENANDA = PENANDA_SINTETIS
CATATAN = "DATA SINTETIS untuk demo dan uji beban, bukan data resmi"
NAMA_RENSTRA = f"Renstra 2025-2029 ({PENANDA})"
TAHUN_AWAL, TAHUN_AKHIR, TAHUN_BASELINE = 2025, 2029, 2024
TAHUN_TREN = 3  # realisasi of the years before, for the trend chart

# (ukuran kode, nama indikator, satuan, where it hangs, kategori scale)
INDIKATOR = (
    ("ipp", "Indeks Pelayanan Publik Kecamatan", "Indeks", "tujuan1", "ipp"),
    ("ikm", "Indeks Kepuasan Masyarakat", "Indeks", "sasaran1", "ikm"),
    ("capaian-kinerja-program", "Persentase Capaian Kinerja Program", "%", "sasaran2", ""),
    ("nilai-sakip", "Nilai SAKIP Kecamatan", "Nilai", "sasaran2", "predikat_sakip"),
)


def _dua(x: float) -> Decimal:
    return Decimal(f"{x:.2f}")


def _nilai_acak(kode: str, acak: random.Random, tahun: int) -> tuple[Decimal, Decimal]:
    """(target, realisasi) of a measure in a year: around the regulation's usual ranges,
    targets rising a little each year, realisasi near the target (sometimes below)."""
    langkah = tahun - TAHUN_AWAL
    if kode == "ikm":
        target = 86 + acak.uniform(0, 6) + 0.5 * langkah
        return _dua(min(target, 98)), _dua(min(target + acak.uniform(-9, 4), 99.5))
    if kode == "ipp":
        target = 3.6 + acak.uniform(0, 0.8) + 0.1 * langkah
        return _dua(min(target, 4.9)), _dua(max(min(target + acak.uniform(-1.1, 0.4), 5), 1.5))
    if kode == "capaian-kinerja-program":
        return Decimal(100), _dua(min(100.0, acak.uniform(62, 104)))
    target = 66 + acak.uniform(0, 14) + 1.0 * langkah  # nilai-sakip
    return _dua(target), _dua(max(min(target + acak.uniform(-14, 6), 95), 35))


def _huruf(kode: str, angka: Decimal) -> str:
    if kode != "nilai-sakip":
        return ""
    pita = kinerja.predikat_sakip(angka)
    return pita.kode if pita else ""


class Command(BaseCommand):
    help = (
        "Mengisi kecamatan tanpa data nyata dengan data SINTETIS (Renstra, IKU, PK, target, "
        "realisasi, status) untuk demo dan uji beban; --hapus menghapusnya kembali."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", default="jember", help="slug kabupaten")
        parser.add_argument(
            "--tahun",
            type=int,
            action="append",
            help=f"tahun PK dan realisasi ({TAHUN_AWAL}–{TAHUN_AKHIR}); boleh berulang, "
            f"bawaan {TAHUN_AWAL}",
        )
        parser.add_argument(
            "--hapus", action="store_true", help="hapus semua data bertanda SINTETIS"
        )

    def handle(self, *args, **o):
        kabupaten = Kabupaten.objects.filter(slug=o["kabupaten"]).first()
        if kabupaten is None:
            raise CommandError(
                f"Kabupaten '{o['kabupaten']}' tidak ada; muat dahulu: "
                "python manage.py muat_data_jember"
            )
        self.stdout.write(self.style.WARNING(f"Perhatian: {CATATAN}."))
        if o["hapus"]:
            self.hapus(kabupaten)
            return
        daftar_tahun = sorted(set(o["tahun"] or [TAHUN_AWAL]))
        salah = [t for t in daftar_tahun if not TAHUN_AWAL <= t <= TAHUN_AKHIR]
        if salah:
            raise CommandError(
                f"Tahun {', '.join(map(str, salah))} di luar Renstra sintetis "
                f"{TAHUN_AWAL}-{TAHUN_AKHIR}."
            )
        ukuran = {
            u.kode: u
            for u in Ukuran.objects.filter(
                kabupaten=kabupaten, kode__in=[i[0] for i in INDIKATOR], kecamatan__isnull=True
            )
        }
        hilang = {i[0] for i in INDIKATOR} - set(ukuran)
        if hilang:
            raise CommandError(f"Ukuran bersama tidak ada: {', '.join(sorted(hilang))}.")

        diisi, dilewati = 0, []
        for kec in Kecamatan.objects.filter(kabupaten=kabupaten).order_by("kode"):
            if kec.renstra.exclude(nama__contains=PENANDA).exists():
                dilewati.append(kec.nama)
                continue
            with transaction.atomic():
                baru = self.isi(kec, ukuran, daftar_tahun)
            diisi += 1
            status = "dibuat" if baru else "sudah ada, dilengkapi bila perlu"
            self.stdout.write(f"  Kecamatan {kec.nama}: data SINTETIS {status}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{diisi} kecamatan berisi data SINTETIS tahun "
                f"{', '.join(map(str, daftar_tahun))}. Tidak disentuh (data nyata): "
                f"{', '.join(dilewati) or '–'}."
            )
        )

    # --- filling ------------------------------------------------------------------------

    def isi(self, kec: Kecamatan, ukuran: dict, daftar_tahun: list[int]) -> bool:
        acak = random.Random(f"sakip-sintetis-{kec.kode}")
        renstra, baru = Renstra.objects.get_or_create(
            kecamatan=kec,
            nama=NAMA_RENSTRA,
            defaults={
                "tahun_awal": TAHUN_AWAL,
                "tahun_akhir": TAHUN_AKHIR,
                "tahun_baseline": TAHUN_BASELINE,
                "sumber": CATATAN,
                "rpjmd_periode": "2025-2029",
            },
        )
        if baru:
            self.buat_renstra(kec, renstra, ukuran, acak)
        indikator = list(
            Indikator.objects.filter(sasaran__tujuan__renstra=renstra).select_related("ukuran")
        ) + list(Indikator.objects.filter(tujuan__renstra=renstra).select_related("ukuran"))
        indikator.sort(key=lambda i: i.id)
        for tahun in daftar_tahun:
            self.isi_tahun(kec, renstra, indikator, tahun, random.Random(f"{kec.kode}-{tahun}"))
        return baru

    def buat_renstra(self, kec, renstra, ukuran, acak) -> None:
        tujuan1 = Tujuan.objects.create(
            renstra=renstra,
            nomor=1,
            uraian=f"Meningkatnya kualitas pelayanan publik Kecamatan {kec.nama} ({PENANDA})",
        )
        tujuan2 = Tujuan.objects.create(
            renstra=renstra,
            nomor=2,
            uraian=f"Meningkatnya akuntabilitas kinerja Kecamatan {kec.nama} ({PENANDA})",
        )
        induk = {
            "tujuan1": {"tujuan": tujuan1},
            "sasaran1": {
                "sasaran": Sasaran.objects.create(
                    tujuan=tujuan1,
                    nomor=1,
                    uraian=f"Meningkatnya kepuasan masyarakat atas layanan ({PENANDA})",
                )
            },
            "sasaran2": {
                "sasaran": Sasaran.objects.create(
                    tujuan=tujuan2,
                    nomor=1,
                    uraian=f"Meningkatnya kualitas perencanaan dan pelaporan kinerja ({PENANDA})",
                )
            },
        }
        keputusan = KeputusanIKU.objects.create(
            kecamatan=kec,
            renstra=renstra,
            nomor=f"{PENANDA}/{kec.kode}/2025",
            tentang=f"Indikator Kinerja Utama ({PENANDA})",
            tempat=kec.nama,
            menimbang=CATATAN,
            mengingat=CATATAN,
            penandatangan_nama=f"Camat {kec.nama} ({PENANDA})",
            penandatangan_jabatan=f"Camat {kec.nama}",
        )
        for urutan, (kode, nama, satuan, tempat, kategori) in enumerate(INDIKATOR, start=1):
            awal, _ = _nilai_acak(kode, acak, TAHUN_BASELINE)
            ind = Indikator.objects.create(
                **induk[tempat],
                ukuran=ukuran[kode],
                urutan=urutan,
                nama=f"{nama} ({PENANDA})",
                satuan=satuan,
                skala_kategori=kategori,
                sumber_data=CATATAN,
                baseline=awal,
                baseline_huruf=_huruf(kode, awal),
            )
            for tahun in range(TAHUN_AWAL, TAHUN_AKHIR + 1):
                target, _ = _nilai_acak(kode, random.Random(f"{kec.kode}-{kode}-{tahun}"), tahun)
                TargetIndikator.objects.create(
                    indikator=ind, tahun=tahun, nilai=target, huruf=_huruf(kode, target)
                )
            IndikatorKeputusan.objects.create(keputusan=keputusan, indikator=ind, urutan=urutan)
        if acak.random() < 0.75:
            keputusan.status = KeputusanIKU.Status.DITETAPKAN
            keputusan.save()

    def isi_tahun(self, kec, renstra, indikator, tahun: int, acak) -> None:
        # Every draw first, whatever already exists, so a second run decides the same.
        undian_perjanjian, maju, dikembalikan, undian_lkip = (
            acak.random(),
            acak.randint(0, 5),  # reporting periods verified
            acak.random() < 0.3,
            acak.random(),
        )
        if not PerjanjianKinerja.objects.filter(kecamatan=kec, tahun=tahun).exists():
            perjanjian = PerjanjianKinerja.objects.create(
                kecamatan=kec,
                tahun=tahun,
                renstra=renstra,
                pihak_pertama_nama=f"Camat {kec.nama} ({PENANDA})",
                pihak_pertama_jabatan=f"Camat {kec.nama}",
                pihak_kedua_nama=f"Bupati {kec.kabupaten.nama} ({PENANDA})",
                pihak_kedua_jabatan=f"Bupati {kec.kabupaten.nama}",
            )
            target = {
                t.indikator_id: t
                for t in TargetIndikator.objects.filter(tahun=tahun).filter(indikator__in=indikator)
            }
            for urutan, ind in enumerate(indikator, start=1):
                t = target[ind.id]
                TargetPerjanjian.objects.create(
                    perjanjian=perjanjian,
                    indikator=ind,
                    urutan=urutan,
                    nilai=t.nilai,
                    huruf=t.huruf,
                )
            if undian_perjanjian < 0.8:
                perjanjian.status = PerjanjianKinerja.Status.DITETAPKAN
            elif undian_perjanjian < 0.9:
                perjanjian.status = PerjanjianKinerja.Status.DIAJUKAN
            perjanjian.save()

        for ind in indikator:
            kode = ind.ukuran.kode
            for th in range(tahun - TAHUN_TREN, tahun + 1):
                _, nilai = _nilai_acak(kode, random.Random(f"{kec.kode}-{kode}-{th}"), th)
                Realisasi.objects.get_or_create(
                    kecamatan=kec,
                    ukuran=ind.ukuran,
                    tahun=th,
                    periode=Periode.TAHUNAN,
                    defaults={
                        "nilai": nilai,
                        "huruf": _huruf(kode, nilai),
                        "catatan_sumber": CATATAN,
                    },
                )

        # The reporting state of the year: quarters further along than the year's report.
        for nomor, periode in enumerate(
            (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4, Periode.TAHUNAN)
        ):
            if nomor < maju:
                status = PelaporanRealisasi.Status.DIVERIFIKASI
            elif nomor == maju:
                status = (
                    PelaporanRealisasi.Status.DIKEMBALIKAN
                    if dikembalikan
                    else PelaporanRealisasi.Status.DIAJUKAN
                )
            else:
                continue
            PelaporanRealisasi.objects.get_or_create(
                kecamatan=kec,
                tahun=tahun,
                periode=periode,
                defaults={"status": status, "komentar": CATATAN},
            )

        if (
            undian_lkip < 0.8
            and not LaporanKinerja.objects.filter(kecamatan=kec, tahun=tahun).exists()
        ):
            final = undian_lkip < 0.35
            LaporanKinerja.objects.create(
                kecamatan=kec,
                tahun=tahun,
                kata_pengantar=CATATAN,
                status=LaporanKinerja.Status.DITETAPKAN if final else LaporanKinerja.Status.DRAFT,
                # A final LKIP has been reviewed by the Inspektorat first, as the workflow asks.
                reviu_catatan=CATATAN if final else "",
                direviu_pada=timezone.now() if final else None,
            )

    # --- removing -----------------------------------------------------------------------

    def hapus(self, kabupaten: Kabupaten) -> None:
        """Remove the marked rows only, bypassing the approval locks (they guard real
        documents; these never were)."""
        renstra = Renstra.objects.filter(kecamatan__kabupaten=kabupaten, nama__contains=PENANDA)
        kecamatan = Kecamatan.objects.filter(renstra__in=renstra).distinct()
        jumlah: dict[str, int] = {}

        def hapus_semua(qs) -> None:
            for label, n in qs.delete()[1].items():
                jumlah[label] = jumlah.get(label, 0) + n

        try:
            # Synthetic "ditetapkan" documents were never approved by anyone: the locks, which
            # also refuse cascades and queryset deletes, are lifted for exactly these rows.
            with transaction.atomic(), kunci_dilepas():
                hapus_semua(
                    LaporanKinerja.objects.filter(kecamatan__in=kecamatan, kata_pengantar=CATATAN)
                )
                hapus_semua(
                    PelaporanRealisasi.objects.filter(kecamatan__in=kecamatan, komentar=CATATAN)
                )
                hapus_semua(
                    Realisasi.objects.filter(kecamatan__in=kecamatan, catatan_sumber=CATATAN)
                )
                hapus_semua(PerjanjianKinerja.objects.filter(renstra__in=renstra))
                hapus_semua(KeputusanIKU.objects.filter(renstra__in=renstra))
                hapus_semua(renstra)
        except ProtectedError as e:
            raise CommandError(
                "Data SINTETIS tidak dapat dihapus karena dipakai data lain "
                f"(mis. dokumen yang dicetak): {e.protected_objects}"
            ) from e
        rincian = ", ".join(f"{k.split('.')[-1]} {v}" for k, v in jumlah.items() if v)
        self.stdout.write(self.style.SUCCESS(f"Data SINTETIS dihapus ({rincian})."))
