"""Scale benchmark: the main pages and the admin lists as the country's data grows.

Sets up its own PostgreSQL database (`sakip_skala` on 127.0.0.1:5432, dropped and made again;
`--simpan` keeps it at the end), migrates it, loads the Jember data, the SINTETIS data of its
other kecamatan for five years (`isi_data_sintetis --tahun 2025 … 2029`) and the demo
accounts. That is the first size: one kabupaten. It then adds synthetic kabupaten until the
database holds `--ukuran` kabupaten in all (bawaan 1,50,514: about 7,300 kecamatan at the
end, 14 or 15 per kabupaten), each kecamatan with what `isi_data_sintetis` gives one (Renstra
2025-2029 on the four shared measures, IKU decree, a PK per year with its targets, realisasi
2022-2029, reporting states, LKIP), written with `bulk_create`. Every added name carries
SINTETIS. No history rows are written for them (nothing reads another kecamatan's history).

At each size, after VACUUM ANALYZE, it times in this process (Django's test client, DEBUG off) what
Kencong's users and the kabupaten open: the beranda, the realisasi page, the PK page and the
LKIP page (HTML, not the PDF) as operator.kencong, the kabupaten dashboard as bappeda, and the
Django admin's lists (realisasi, with its kecamatan filter too, PK, Renstra, indicator targets,
reporting states) as the admin of Jember and as the installation's superuser placed in no
kabupaten. Each page is asked once to warm up, then `--ulang` times; the median is shown with
the SQL query count. At the end a table puts every size beside the first (the goal of issue 12:
within 1.2×).

    .venv/bin/python bench/skala.py                         # 1, 50 and 514 kabupaten
    .venv/bin/python bench/skala.py --ukuran 1,20 --ulang 3  # a quick look
    .venv/bin/python bench/skala.py --lanjut --simpan --ukuran 1,50,514  # resume a kept one

Each size's figures go to a JSON file (``--hasil``, bawaan /tmp/<basis-data>.json); a run
resumed with ``--lanjut`` migrates the kept database, skips the sizes it has outgrown and
reads their figures from that file. The closing tables give, per page, each size's ratio to
the first for the time the PostgreSQL server spent on the page's reads (``EXPLAIN ANALYZE``
of each SELECT), the CPU time of this process and the fastest wall time.

It prints figures; it is not a test. PostgreSQL only (what a national server runs).
"""

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

PG_DASAR = "postgres://postgres@127.0.0.1:5432"
NAMA_BASIS_DATA = "sakip_skala"  # never another session's (sakip, test_*)
TAHUN = 2025
TAHUN_PK = range(2025, 2030)
BATAS_KABUPATEN = 600
GOAL = 1.2  # issue 12: every page and list within 1.2× of its time at one kabupaten

HALAMAN = (
    ("beranda", "operator.kencong", "/kecamatan/kencong/"),
    ("realisasi", "operator.kencong", f"/kecamatan/kencong/realisasi/{TAHUN}/tahunan/"),
    ("pk", "operator.kencong", f"/kecamatan/kencong/pk/{TAHUN}/"),
    ("lkip", "operator.kencong", f"/kecamatan/kencong/lkip/{TAHUN}/"),
    ("dasbor", "bappeda", "/kabupaten/dasbor/"),
)
DAFTAR_ADMIN = (
    ("realisasi", "/admin/perjanjian/realisasi/"),
    ("realisasi/kec", "/admin/perjanjian/realisasi/?kecamatan__id__exact={kencong}"),
    ("pk", "/admin/perjanjian/perjanjiankinerja/"),
    ("renstra", "/admin/iku/renstra/"),
    ("target", "/admin/iku/targetindikator/"),
    ("pelaporan", "/admin/perjanjian/pelaporanrealisasi/"),
)
PENGELOLA = "pengelola.skala"  # the installation's superuser, in no kabupaten


def siapkan(lingkungan: dict, nama: str) -> None:
    """A fresh database with the Jember data, five synthetic years and the demo accounts."""
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", nama],
        check=True,
        timeout=120,
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", nama], check=True, timeout=60)
    manage = [sys.executable, str(AKAR / "manage.py")]
    tahun = [a for t in TAHUN_PK for a in ("--tahun", str(t))]
    for argv, tambahan in (
        (["migrate", "--noinput", "-v0"], {}),
        (["muat_data_jember"], {}),
        (["isi_data_sintetis", *tahun], {}),
        (["buat_pengguna_demo"], {"DEBUG": "1"}),  # refuses with DEBUG off, by design
    ):
        mulai = time.monotonic()
        subprocess.run(
            [*manage, *argv],
            env={**lingkungan, **tambahan},
            check=True,
            timeout=1800,
            cwd=AKAR,
            stdout=subprocess.DEVNULL,
        )
        print(f"siapkan: {argv[0]} {time.monotonic() - mulai:.0f} s", flush=True)


# --- growing -----------------------------------------------------------------------------


def tumbuhkan(sampai: int) -> None:
    """Add synthetic kabupaten until the database holds ``sampai`` (in batches, bulk)."""
    from kecamatan.models import Kabupaten

    ada = Kabupaten.objects.count()
    mulai = time.monotonic()
    for awal in range(ada, sampai, 20):
        tambah_kabupaten(range(awal, min(awal + 20, sampai)))
    if sampai > ada:
        print(f"tumbuh: {ada} → {sampai} kabupaten {time.monotonic() - mulai:.0f} s", flush=True)


def tambah_kabupaten(nomor: range) -> None:  # noqa: PLR0915  (one level of the tree per block)
    from django.db import transaction

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
    from laporan.management.commands import isi_data_sintetis as sintetis
    from laporan.models import LaporanKinerja
    from perjanjian.models import (
        PelaporanRealisasi,
        Periode,
        PerjanjianKinerja,
        Realisasi,
        TargetPerjanjian,
    )

    S = sintetis.PENANDA
    with transaction.atomic():
        kabupaten = Kabupaten.objects.bulk_create(
            Kabupaten(nama=f"{S} {n:03d}", slug=f"sintetis-{n:03d}", kode=f"S{n:04d}", provinsi=S)
            for n in nomor
        )
        ukuran = Ukuran.objects.bulk_create(
            Ukuran(kabupaten=k, kode=kode, nama=nama)
            for k in kabupaten
            for kode, nama, *_ in sintetis.INDIKATOR
        )
        ukuran_kab = {
            (u.kabupaten_id, u.kode): u for u in ukuran
        }  # the kabupaten's shared measures
        kecamatan = Kecamatan.objects.bulk_create(
            Kecamatan(
                kabupaten=k,
                nama=f"Kecamatan {j:02d} ({S})",
                slug=f"k{j:02d}",
                kode=f"S{n:04d}.{j:02d}"[-8:],
                tempat_penandatanganan=k.nama,
            )
            for n, k in zip(nomor, kabupaten, strict=True)
            for j in range(1, 15 + (n % 5 == 0))
        )
        renstra = Renstra.objects.bulk_create(
            Renstra(
                kecamatan=kec,
                nama=sintetis.NAMA_RENSTRA,
                tahun_awal=sintetis.TAHUN_AWAL,
                tahun_akhir=sintetis.TAHUN_AKHIR,
                tahun_baseline=sintetis.TAHUN_BASELINE,
                sumber=sintetis.CATATAN,
                rpjmd_periode="2025-2029",
            )
            for kec in kecamatan
        )
        tujuan = Tujuan.objects.bulk_create(
            Tujuan(renstra=r, nomor=t, uraian=f"Tujuan {t} ({S})") for r in renstra for t in (1, 2)
        )
        sasaran = Sasaran.objects.bulk_create(
            Sasaran(tujuan=t, nomor=1, uraian=f"Sasaran {t.nomor}.1 ({S})") for t in tujuan
        )
        keputusan = KeputusanIKU.objects.bulk_create(
            KeputusanIKU(
                kecamatan=kec,
                renstra=r,
                nomor=f"{S}/{kec.kode}/2025",
                tentang=f"Indikator Kinerja Utama ({S})",
                tempat=kec.nama,
                menimbang=sintetis.CATATAN,
                mengingat=sintetis.CATATAN,
                penandatangan_nama=f"Camat ({S})",
                penandatangan_jabatan="Camat",
                status=KeputusanIKU.Status.DITETAPKAN,
            )
            for kec, r in zip(kecamatan, renstra, strict=True)
        )
        indikator = []
        for i, kec in enumerate(kecamatan):
            induk = {
                "tujuan1": {"tujuan": tujuan[2 * i]},
                "sasaran1": {"sasaran": sasaran[2 * i]},
                "sasaran2": {"sasaran": sasaran[2 * i + 1]},
            }
            acak = random.Random(f"sakip-sintetis-{kec.kode}")
            for urutan, (kode, nama, satuan, tempat, kategori) in enumerate(
                sintetis.INDIKATOR, start=1
            ):
                awal, _ = sintetis._nilai_acak(kode, acak, sintetis.TAHUN_BASELINE)
                indikator.append(
                    Indikator(
                        **induk[tempat],
                        ukuran=ukuran_kab[(kec.kabupaten_id, kode)],
                        urutan=urutan,
                        nama=f"{nama} ({S})",
                        satuan=satuan,
                        skala_kategori=kategori,
                        sumber_data=sintetis.CATATAN,
                        baseline=awal,
                        baseline_huruf=sintetis._huruf(kode, awal),
                    )
                )
        indikator = Indikator.objects.bulk_create(indikator)
        per_kecamatan = len(sintetis.INDIKATOR)
        target: dict[tuple[int, int], TargetIndikator] = {}
        for ind in indikator:
            kode = ind.ukuran.kode
            for tahun in range(sintetis.TAHUN_AWAL, sintetis.TAHUN_AKHIR + 1):
                nilai, _ = sintetis._nilai_acak(kode, random.Random(f"{ind.id}-{tahun}"), tahun)
                target[(ind.id, tahun)] = TargetIndikator(
                    indikator=ind, tahun=tahun, nilai=nilai, huruf=sintetis._huruf(kode, nilai)
                )
        TargetIndikator.objects.bulk_create(target.values())
        IndikatorKeputusan.objects.bulk_create(
            IndikatorKeputusan(
                keputusan=keputusan[i // per_kecamatan],
                indikator=ind,
                urutan=i % per_kecamatan + 1,
            )
            for i, ind in enumerate(indikator)
        )
        perjanjian = PerjanjianKinerja.objects.bulk_create(
            PerjanjianKinerja(
                kecamatan=kec,
                tahun=tahun,
                renstra=r,
                tempat=kec.tempat_penandatanganan,
                pihak_pertama_nama=f"Camat ({S})",
                pihak_pertama_jabatan="Camat",
                pihak_kedua_nama=f"Bupati ({S})",
                pihak_kedua_jabatan="Bupati",
                status=PerjanjianKinerja.Status.DITETAPKAN,
            )
            for kec, r in zip(kecamatan, renstra, strict=True)
            for tahun in TAHUN_PK
        )
        TargetPerjanjian.objects.bulk_create(
            TargetPerjanjian(
                perjanjian=p,
                indikator=ind,
                urutan=u,
                nilai=target[(ind.id, p.tahun)].nilai,
                huruf=target[(ind.id, p.tahun)].huruf,
            )
            for n, p in enumerate(perjanjian)
            for u, ind in enumerate(
                indikator[
                    n // len(TAHUN_PK) * per_kecamatan : (n // len(TAHUN_PK) + 1) * per_kecamatan
                ],
                start=1,
            )
        )
        baris_realisasi = []
        for i, ind in enumerate(indikator):
            kec = kecamatan[i // per_kecamatan]
            kode = ind.ukuran.kode
            for th in range(TAHUN_PK[0] - sintetis.TAHUN_TREN, TAHUN_PK[-1] + 1):
                _, nilai = sintetis._nilai_acak(kode, random.Random(f"{kec.kode}-{kode}-{th}"), th)
                baris_realisasi.append(
                    Realisasi(
                        kecamatan=kec,
                        ukuran=ind.ukuran,
                        tahun=th,
                        periode=Periode.TAHUNAN,
                        nilai=nilai,
                        huruf=sintetis._huruf(kode, nilai),
                        catatan_sumber=sintetis.CATATAN,
                    )
                )
        Realisasi.objects.bulk_create(baris_realisasi, batch_size=5000)
        PelaporanRealisasi.objects.bulk_create(
            PelaporanRealisasi(
                kecamatan=kec,
                tahun=tahun,
                periode=periode,
                status=PelaporanRealisasi.Status.DIAJUKAN,
                komentar=sintetis.CATATAN,
            )
            for kec in kecamatan
            for tahun in TAHUN_PK
            for periode in (Periode.TW1, Periode.TW2)
        )
        LaporanKinerja.objects.bulk_create(
            LaporanKinerja(
                kecamatan=kec,
                tahun=tahun,
                kata_pengantar=sintetis.CATATAN,
                tempat=kec.tempat_penandatanganan,
            )
            for kec in kecamatan
            for tahun in TAHUN_PK
        )


# --- timing ------------------------------------------------------------------------------


def ukur(klien, jalur: str, ulang: int) -> dict:
    """The fastest of ``ulang`` requests of ``jalur`` (after one to warm up) by wall time, by
    this process's CPU time (Python: ORM, templates) and by the time spent in SQL, plus the
    median wall time, the SQL query count and the status. On a machine shared with other
    work the others only ever add time, so the fastest is the figure to compare; the CPU
    time is the least disturbed by them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klien.get(jalur)
    dinding, cpu, sql, server = [], [], [], []
    for _ in range(ulang):
        with CaptureQueriesContext(connection) as kueri:
            mulai, mulai_cpu = time.perf_counter(), time.process_time()
            jawaban = klien.get(jalur)
            dinding.append((time.perf_counter() - mulai) * 1000)
            cpu.append((time.process_time() - mulai_cpu) * 1000)
        sql.append(sum(float(q["time"]) for q in kueri.captured_queries) * 1000)
        server.append(waktu_server(kueri.captured_queries))
    return {
        "server": min(server),
        "dinding": min(dinding),
        "median": statistics.median(dinding),
        "cpu": min(cpu),
        "sql": min(sql),
        "kueri": len(kueri),
        "status": jawaban.status_code,
    }


def waktu_server(kueri: list[dict]) -> float:
    """The time the PostgreSQL server spent planning and executing the reads of one request
    (``EXPLAIN ANALYZE`` of each SELECT, in ms): what grows with the data, and the figure
    least disturbed by the other work of a shared machine."""
    from django.db import connection

    jumlah = 0.0
    with connection.cursor() as c:
        for q in kueri:
            if not q["sql"].lstrip().upper().startswith("SELECT"):
                continue
            c.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + q["sql"])
            rencana = c.fetchone()[0]
            rencana = json.loads(rencana) if isinstance(rencana, str) else rencana
            jumlah += rencana[0]["Planning Time"] + rencana[0]["Execution Time"]
    return jumlah


def ukur_semua(ulang: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client

    from kecamatan.models import Kabupaten, Kecamatan, Pengguna

    with connection.cursor() as c:
        # As autovacuum leaves a server in use: fresh statistics, and the visibility map
        # set (index-only scans; the planner's probes of an index's ends see no dead rows).
        c.execute("VACUUM ANALYZE")
    kencong = Kecamatan.objects.get(kabupaten__slug="jember", slug="kencong").id
    klien = {}
    for akun in {a for _, a, _ in HALAMAN} | {"admin", PENGELOLA}:
        klien[akun] = Client()
        klien[akun].force_login(Pengguna.objects.get(username=akun))
    hasil = {}
    for nama, akun, jalur in HALAMAN:
        hasil[nama] = ukur(klien[akun], jalur, ulang)
    for akun, awalan in (("admin", "admin"), (PENGELOLA, "pengelola")):
        for nama, jalur in DAFTAR_ADMIN:
            hasil[f"{awalan}:{nama}"] = ukur(klien[akun], jalur.format(kencong=kencong), ulang)
    jumlah = (Kabupaten.objects.count(), Kecamatan.objects.count())
    print(f"\n== {jumlah[0]} kabupaten, {jumlah[1]} kecamatan", flush=True)
    print(
        f"{'halaman (ms)':<24}{'dinding':>9}{'median':>9}{'cpu':>9}{'sql':>9}{'server':>9}"
        f"{'kueri':>6} status"
    )
    for nama, h in hasil.items():
        print(
            f"{nama:<24}{h['dinding']:>9.1f}{h['median']:>9.1f}{h['cpu']:>9.1f}{h['sql']:>9.1f}"
            f"{h['server']:>9.2f}{h['kueri']:>6} {h['status']}",
            flush=True,
        )
    return hasil


def ringkas(semua: dict[int, dict[str, dict]]) -> None:
    """Every size beside the first, with the ratio of each size to the first (the goal: at
    most 1.2×, marked "!" above it), for the server's SQL time (EXPLAIN ANALYZE), the CPU
    time of this process (ORM, templates) and the fastest wall time."""
    pertama = semua[min(semua)]
    for ukuran, judul in (
        ("server", "sql di server"),
        ("cpu", "cpu proses"),
        ("dinding", "tercepat, dinding"),
    ):
        kepala = "".join(f"{n:>9}" for n in semua)
        rasio = "".join(f"{'×' + str(n):>8}" for n in semua if n != min(semua))
        print(f"\n{judul + ' (ms) / kabupaten':<34}{kepala}{rasio}")
        for nama, h in pertama.items():
            if any(ukuran not in semua[n].get(nama, {}) for n in semua):
                continue
            deret = "".join(f"{semua[n][nama][ukuran]:>9.1f}" for n in semua)
            for n in semua:
                if n == min(semua):
                    continue
                r = semua[n][nama][ukuran] / max(h[ukuran], 0.01)
                deret += f"{r:>7.2f}{'!' if r > GOAL else ' '}"
            print(f"{nama:<34}{deret}")


def muat_hasil(berkas: Path) -> dict[int, dict[str, dict]]:
    """The figures of earlier runs on this database (a run resumed with ``--lanjut``)."""
    if not berkas.exists():
        return {}
    return {int(n): h for n, h in json.loads(berkas.read_text()).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ukuran", default="1,50,514", help="jumlah kabupaten tiap langkah")
    parser.add_argument("--ulang", type=int, default=5, help="permintaan terukur per halaman")
    parser.add_argument(
        "--basis-data", default=NAMA_BASIS_DATA, help=f"nama basis data, awalan {NAMA_BASIS_DATA}"
    )
    parser.add_argument("--lanjut", action="store_true", help="pakai basis data yang ada")
    parser.add_argument("--simpan", action="store_true", help="jangan hapus basis data")
    parser.add_argument(
        "--hasil",
        type=Path,
        help="berkas JSON angka tiap ukuran (bawaan: /tmp/<basis-data>.json); dengan --lanjut "
        "angka ukuran yang tidak diukur lagi dibaca dari situ",
    )
    args = parser.parse_args()
    ukuran = sorted({int(x) for x in args.ukuran.split(",") if x.strip()})
    if not ukuran or ukuran[0] < 1 or ukuran[-1] > BATAS_KABUPATEN:
        print(f"--ukuran antara 1 dan {BATAS_KABUPATEN}", file=sys.stderr)
        return 2
    if not args.basis_data.startswith(NAMA_BASIS_DATA):
        print(f"--basis-data harus berawalan {NAMA_BASIS_DATA}", file=sys.stderr)
        return 2
    lingkungan = {
        "DATABASE_URL": f"{PG_DASAR}/{args.basis_data}",
        "DEBUG": "0",
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="sakip-skala-"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DB_STATEMENT_TIMEOUT": "300",
    }
    os.environ.update(lingkungan)
    print(f"mesin: {os.cpu_count()} inti, beban {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.lanjut:
        siapkan({**os.environ, **lingkungan}, args.basis_data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    from kecamatan.models import Kabupaten, Pengguna

    Pengguna.objects.get_or_create(
        username=PENGELOLA, defaults={"is_staff": True, "is_superuser": True}
    )
    berkas = args.hasil or Path(tempfile.gettempdir()) / f"{args.basis_data}.json"
    semua = muat_hasil(berkas) if args.lanjut else {}
    if args.lanjut:  # the existing database gets this code's migrations (new indexes)
        from django.core.management import call_command

        call_command("migrate", "--noinput", verbosity=0)
    try:
        for n in ukuran:
            if Kabupaten.objects.count() > n:
                print(f"lewati {n}: basis data sudah lebih besar", flush=True)
                continue
            tumbuhkan(n)
            semua[n] = ukur_semua(args.ulang)
            semua = dict(sorted(semua.items()))
            berkas.write_text(json.dumps(semua, indent=1))
    finally:
        if semua:
            ringkas(semua)
        if not args.simpan:
            from django.db import connections

            connections.close_all()
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", args.basis_data],
                timeout=120,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
