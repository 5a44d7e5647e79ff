"""Load the real data transcribed from the seeds (fixtures/<kabupaten>/*.yaml).

The files are written the way the documents are (one kecamatan per file, tujuan → sasaran →
indikator as nested lists, values as people write them: "B (67)", "97,5%", "4 Dok"), so a
reader can check them line by line against the seed. Values go through
sakip.kinerja.parse_nilai, the parser every form uses. Each file loads in one transaction;
a kecamatan whose data is already present is left untouched, so loading twice is harmless.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify

from iku.models import (
    Diktum,
    Indikator,
    IndikatorKeputusan,
    KeputusanIKU,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    Ukuran,
)
from kecamatan.models import (
    PENDIDIKAN,
    IsuStrategis,
    Kabupaten,
    Kecamatan,
    KomposisiSDM,
    Pejabat,
    PemakaianSkala,
    ProfilTahunan,
    SaranaPrasarana,
    SkalaPenilaian,
    UnitKerja,
)
from kecamatan.selectors import TEKS_PROFIL
from kecamatan.services import pasang_skala_bawaan
from laporan.models import (
    EvaluasiAKIP,
    LaporanKinerja,
    RekomendasiLHE,
    TargetPembanding,
    TindakLanjutLHE,
)
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    NarasiSasaran,
    PerjanjianKinerja,
    Program,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
    TargetPerjanjian,
)
from sakip.kinerja import Nilai, parse_nilai

BERKAS_KABUPATEN = "kabupaten.yaml"


class DataTidakValid(Exception):
    """A data file that cannot be loaded; the message names the file and the place."""


def nilai(teks, tempat: str) -> Nilai:
    # A bare YAML number would already have lost "91,5" to the flow-map comma, so values
    # must be quoted strings: refusing anything else catches that mistake at load time.
    if not isinstance(teks, str):
        raise DataTidakValid(f"{tempat}: nilai {teks!r} harus ditulis sebagai teks bertanda kutip.")
    try:
        return parse_nilai(teks)
    except ValueError as e:
        raise DataTidakValid(f"{tempat}: {e}") from e


def uang(teks, tempat: str) -> Decimal:
    return nilai(teks, tempat).angka


def baris(teks: str | list | None) -> str:
    """A list of items (or a block of text) as the one-item-per-line text the models hold."""
    if teks is None:
        return ""
    if isinstance(teks, list):
        return "\n".join(str(t).strip() for t in teks)
    return str(teks).strip()


def baca(berkas: Path) -> dict:
    with berkas.open(encoding="utf-8") as f:
        # libyaml's C loader when PyYAML was built with it (it is in the wheels): the same
        # safe subset, several times faster than the pure-Python one.
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@dataclass
class Hasil:
    dimuat: list[str] = field(default_factory=list)
    dilewati: list[str] = field(default_factory=list)


def muat_direktori(direktori: Path) -> Hasil:
    hasil = Hasil()
    kabupaten = muat_kabupaten(baca(direktori / BERKAS_KABUPATEN), hasil)
    for berkas in sorted(direktori.glob("*.yaml")):
        if berkas.name == BERKAS_KABUPATEN:
            continue
        try:
            muat_kecamatan(kabupaten, baca(berkas), hasil)
        except DataTidakValid as e:
            raise DataTidakValid(f"{berkas.name}: {e}") from e
    return hasil


@transaction.atomic
def muat_kabupaten(data: dict, hasil: Hasil) -> Kabupaten:
    info = data["kabupaten"]
    kabupaten, dibuat = Kabupaten.objects.get_or_create(
        slug=info["slug"],
        defaults={k: info[k] for k in ("nama", "kode", "provinsi", "nama_bupati")},
    )
    for k in data["kecamatan"]:
        Kecamatan.objects.get_or_create(
            kode=k["kode"],
            defaults={"kabupaten": kabupaten, "nama": k["nama"], "slug": slugify(k["nama"])},
        )
    for p in data.get("pejabat", []):
        masa = {"mulai": p.get("mulai"), "selesai": p.get("selesai")}
        pejabat, baru = Pejabat.objects.get_or_create(
            kabupaten=kabupaten,
            kecamatan=None,
            nama=p["nama"],
            defaults={
                "jabatan": p["jabatan"],
                "nip": p.get("nip", ""),
                "pangkat_golongan": p.get("pangkat_golongan", ""),
                **masa,
            },
        )
        # A database loaded before the file had the terms: they are filled, never overwritten.
        if not baru and pejabat.mulai is None and pejabat.selesai is None and any(masa.values()):
            pejabat.mulai, pejabat.selesai = masa["mulai"], masa["selesai"]
            pejabat.save(update_fields=["mulai", "selesai"])
    for u in data["ukuran"]:
        Ukuran.objects.get_or_create(
            kabupaten=kabupaten, kode=u["kode"], defaults={"nama": u["nama"]}
        )
    for t in data.get("target_pembanding", []):
        tempat = f"target {t['tingkat']} {t['ukuran']} {t['tahun']}"
        TargetPembanding.objects.get_or_create(
            ukuran=Ukuran.objects.get(kabupaten=kabupaten, kode=t["ukuran"]),
            tahun=t["tahun"],
            tingkat=t["tingkat"],
            defaults={
                "nilai": nilai(t["nilai"], tempat).angka,
                "keterangan": t.get("keterangan", ""),
                "sumber": t.get("sumber", ""),
            },
        )
    pasang_skala_bawaan()
    pakai = data.get("pemakaian_skala", {})
    for tahun in pakai.get("tahun", []):
        for jenis, kode in pakai.items():
            if jenis == "tahun":
                continue
            PemakaianSkala.objects.get_or_create(
                kabupaten=kabupaten,
                tahun=tahun,
                jenis=jenis,
                defaults={"skala": SkalaPenilaian.objects.get(kode=kode)},
            )
    (hasil.dimuat if dibuat else hasil.dilewati).append(str(kabupaten))
    return kabupaten


@transaction.atomic
def muat_kecamatan(kabupaten: Kabupaten, data: dict, hasil: Hasil) -> None:
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, slug=data["kecamatan"])
    if kecamatan.renstra.exists():
        lengkapi_kecamatan(kecamatan, data)
        hasil.dilewati.append(str(kecamatan))
        return
    for kunci in ("alamat", "kode_pos", "telepon", "email"):
        if kunci in data:
            setattr(kecamatan, kunci, data[kunci])
    kecamatan.save()

    unit = muat_unit_kerja(kecamatan, data.get("unit_kerja", []))
    for p in data.get("pejabat", []):
        Pejabat.objects.create(
            kabupaten=kabupaten,
            kecamatan=kecamatan,
            nama=p["nama"],
            nip=p.get("nip", ""),
            pangkat_golongan=p.get("pangkat_golongan", ""),
            jabatan=p["jabatan"],
            mulai=p.get("mulai"),
            selesai=p.get("selesai"),
        )
    for p in data.get("profil", []):
        muat_profil(kecamatan, p)
    renstra, indikator, sasaran = {}, {}, {}
    for r in data.get("renstra", []):
        renstra[r["nama"]] = muat_renstra(kecamatan, r, unit, indikator, sasaran)
    for k in data.get("keputusan_iku", []):
        muat_keputusan(kecamatan, k, renstra, indikator)
    for kode, per_tahun in data.get("realisasi", {}).items():
        muat_realisasi(kecamatan, kabupaten, kode, per_tahun)
    level = {}
    for a in data.get("anggaran", []):
        level.update(muat_anggaran(kecamatan, a, sasaran))
    for p in data.get("perjanjian", []):
        muat_perjanjian(kecamatan, p, renstra, indikator, level)
    for n in data.get("narasi", []):
        NarasiSasaran.objects.create(
            sasaran=sasaran[tuple(n["sasaran"])],
            tahun=n["tahun"],
            faktor_pendorong=baris(n.get("faktor_pendorong")),
            faktor_penghambat=baris(n.get("faktor_penghambat")),
            tantangan=baris(n.get("tantangan")),
        )
    for lap in data.get("laporan", []):
        muat_laporan(kecamatan, lap)
    for lhe in data.get("lhe", []):
        muat_lhe(kecamatan, lhe)
    hasil.dimuat.append(str(kecamatan))


def muat_unit_kerja(kecamatan: Kecamatan, daftar: list[dict]) -> dict[str, UnitKerja]:
    """Units by nama and by singkatan, the two ways documents name a penanggung jawab."""
    unit: dict[str, UnitKerja] = {}
    for urutan, u in enumerate(daftar, start=1):
        baru = UnitKerja.objects.create(
            kecamatan=kecamatan,
            nama=u["nama"],
            jenis=u["jenis"],
            singkatan=u.get("singkatan", ""),
            urutan=urutan,
            induk=unit[u["induk"]] if u.get("induk") else None,
        )
        unit[baru.nama] = baru
        if baru.singkatan:
            unit[baru.singkatan] = baru
    return unit


def muat_profil(kecamatan: Kecamatan, p: dict) -> None:
    profil = ProfilTahunan.objects.create(
        kecamatan=kecamatan, tahun=p["tahun"], **{k: baris(p.get(k)) for k in TEKS_PROFIL}
    )
    for urutan, (jabatan, kebutuhan, bezetting, laki, perempuan) in enumerate(
        p.get("komposisi_sdm", []), start=1
    ):
        KomposisiSDM.objects.create(
            profil=profil,
            urutan=urutan,
            jabatan=jabatan,
            laki_laki=laki,
            perempuan=perempuan,
            **{f"kebutuhan_{d}": n for d, n in zip(PENDIDIKAN, kebutuhan, strict=True)},
            **{f"bezetting_{d}": n for d, n in zip(PENDIDIKAN, bezetting, strict=True)},
        )
    urutan = 0
    for kelompok, daftar in p.get("sarana_prasarana", {}).items():
        for nama, jumlah, kondisi, ideal in daftar:
            urutan += 1
            SaranaPrasarana.objects.create(
                profil=profil,
                kelompok=kelompok,
                urutan=urutan,
                nama=nama,
                jumlah=jumlah,
                kondisi=kondisi,
                jumlah_ideal=ideal,
            )
    for urutan, uraian in enumerate(p.get("isu_strategis", []), start=1):
        IsuStrategis.objects.create(profil=profil, urutan=urutan, uraian=uraian)


def muat_renstra(kecamatan, r, unit, indikator, sasaran) -> Renstra:
    rpjmd = r.get("rpjmd", {})
    renstra = Renstra.objects.create(
        kecamatan=kecamatan,
        nama=r["nama"],
        tahun_awal=r["tahun_awal"],
        tahun_akhir=r["tahun_akhir"],
        tahun_baseline=r["tahun_baseline"],
        tanggal_penetapan=r.get("tanggal_penetapan"),
        tanggal_verifikasi=r.get("tanggal_verifikasi"),
        sumber=r.get("sumber", ""),
        rpjmd_periode=rpjmd.get("periode", ""),
        rpjmd_misi=baris(rpjmd.get("misi")),
        rpjmd_tujuan=baris(rpjmd.get("tujuan")),
        rpjmd_sasaran=baris(rpjmd.get("sasaran")),
    )
    for t in r["tujuan"]:
        tujuan = Tujuan.objects.create(
            renstra=renstra, nomor=t["nomor"], uraian=t["uraian"], **isian_tc25(t, renstra)
        )
        for urutan, i in enumerate(t.get("indikator", []), start=1):
            indikator[(renstra.nama, i["nama"])] = muat_indikator(
                i, urutan, unit, renstra, tujuan=tujuan
            )
        for s in t.get("sasaran", []):
            baru = Sasaran.objects.create(tujuan=tujuan, nomor=s["nomor"], uraian=s["uraian"])
            sasaran[(renstra.nama, baru.kode)] = baru
            for urutan, i in enumerate(s.get("indikator", []), start=1):
                indikator[(renstra.nama, i["nama"])] = muat_indikator(
                    i, urutan, unit, renstra, sasaran=baru
                )
    return renstra


def isian_tc25(t: dict, renstra: Renstra) -> dict:
    """A tujuan's TC 25 group as the file writes it ("RUTIN", "NON RUTIN") and the RPJMD
    sasaran and indicator heading it."""
    kelompok = t.get("kelompok", "")
    dari_label = {label: nilai for nilai, label in Tujuan.Kelompok.choices}
    if kelompok and kelompok not in dari_label:
        raise DataTidakValid(
            f"{renstra.nama} tujuan {t['nomor']}: kelompok {kelompok!r} bukan RUTIN / NON RUTIN"
        )
    rpjmd = t.get("rpjmd", {})
    return {
        "kelompok": dari_label.get(kelompok, ""),
        "rpjmd_sasaran": baris(rpjmd.get("sasaran")),
        "rpjmd_indikator": baris(rpjmd.get("indikator")),
    }


def lengkapi_kecamatan(kecamatan: Kecamatan, data: dict) -> None:
    """A kecamatan loaded before its file had the camat's terms and the tujuan's TC 25 groups:
    they are filled where still empty, never overwritten (like the bupati's terms)."""
    for p in data.get("pejabat", []):
        masa = {"mulai": p.get("mulai"), "selesai": p.get("selesai")}
        if any(masa.values()):
            Pejabat.objects.filter(
                kecamatan=kecamatan, nama=p["nama"], mulai=None, selesai=None
            ).update(**masa)
    for r in data.get("renstra", []):
        renstra = Renstra.objects.filter(kecamatan=kecamatan, nama=r["nama"]).first()
        if renstra is None:
            continue
        for t in r["tujuan"]:
            isian = isian_tc25(t, renstra)
            kosong = Tujuan.objects.filter(
                renstra=renstra, nomor=t["nomor"], **{k: "" for k in isian}
            )
            if any(isian.values()) and kosong.exists() and not kosong.get().alasan_tc25():
                kosong.update(**isian)


def muat_indikator(i: dict, urutan: int, unit, renstra: Renstra, **induk) -> Indikator:
    tempat = f"indikator {i['nama']!r}"
    baseline = nilai(i["baseline"], tempat) if "baseline" in i else None
    akhir = nilai(i["target_akhir"], tempat) if "target_akhir" in i else None
    sumber = i.get("sumber_realisasi", Indikator.SumberRealisasi.DIKETIK)
    if sumber not in Indikator.SumberRealisasi.values:
        pilihan = ", ".join(Indikator.SumberRealisasi.values)
        raise DataTidakValid(
            f"{tempat}: sumber_realisasi {sumber!r} bukan salah satu dari {pilihan}"
        )
    baru = Indikator.objects.create(
        **induk,
        ukuran=Ukuran.objects.get(kabupaten=renstra.kecamatan.kabupaten, kode=i["ukuran"]),
        urutan=urutan,
        nama=i["nama"],
        satuan=i["satuan"],
        jenis=i.get("jenis", "iku"),
        skala_kategori=i.get("skala_kategori", ""),
        sumber_realisasi=sumber,
        formulasi=baris(i.get("formulasi")),
        definisi_operasional=baris(i.get("definisi_operasional")),
        sumber_data=i.get("sumber_data", ""),
        baseline=baseline.angka if baseline else None,
        baseline_huruf=(baseline.huruf or "") if baseline else "",
        target_akhir=akhir.angka if akhir else None,
        target_akhir_huruf=(akhir.huruf or "") if akhir else "",
    )
    try:
        # In the decree's order.
        for nomor, n in enumerate(i.get("penanggung_jawab", []), start=1):
            baru.penanggung_jawab.add(unit[n], through_defaults={"urutan": nomor})
    except KeyError as e:
        raise DataTidakValid(f"{tempat}: unit kerja {e} tidak ada di unit_kerja") from e
    for tahun, teks in i.get("target", {}).items():
        t = nilai(teks, f"{tempat} target {tahun}")
        TargetIndikator.objects.create(
            indikator=baru, tahun=tahun, nilai=t.angka, huruf=t.huruf or ""
        )
    return baru


def muat_keputusan(kecamatan, k: dict, renstra: dict, indikator: dict) -> None:
    ttd = k["penandatangan"]
    keputusan = KeputusanIKU.objects.create(
        kecamatan=kecamatan,
        renstra=renstra[k["renstra"]],
        nomor=k["nomor"],
        tentang=k["tentang"],
        tempat=k["tempat"],
        tanggal=k.get("tanggal"),
        menimbang=baris(k["menimbang"]),
        mengingat=baris(k["mengingat"]),
        tata_letak=k["tata_letak"],
        tembusan=baris(k.get("tembusan")),
        kolom_lampiran=k.get("kolom_lampiran", []),
        halaman_iku=k.get("halaman_iku", False),
        tugas=baris(k.get("tugas")),
        fungsi=baris(k.get("fungsi")),
        penutup=baris(k.get("penutup")),
        penandatangan_nama=ttd["nama"],
        penandatangan_jabatan=ttd["jabatan"],
        penandatangan_pangkat=ttd.get("pangkat", ""),
        penandatangan_nip=ttd.get("nip", ""),
    )
    keputusan.full_clean(exclude=["kecamatan", "renstra"], validate_unique=False)
    for urutan, isi in enumerate(k["diktum"], start=1):
        Diktum.objects.create(keputusan=keputusan, urutan=urutan, isi=baris(isi))
    for urutan, nama in enumerate(k["indikator"], start=1):
        try:
            ind = indikator[(k["renstra"], nama)]
        except KeyError as e:
            raise DataTidakValid(f"keputusan {k['nomor']}: indikator {nama!r} tidak ada") from e
        IndikatorKeputusan.objects.create(
            keputusan=keputusan,
            indikator=ind,
            urutan=urutan,
            lampiran=1 if ind.jenis == Indikator.Jenis.IKU else 2,
        )
    tetapkan_status(keputusan, k.get("status"))


def muat_realisasi(kecamatan, kabupaten, kode: str, per_tahun: dict) -> None:
    ukuran = Ukuran.objects.get(kabupaten=kabupaten, kode=kode)
    for tahun, isi in per_tahun.items():
        teks, catatan = (isi, "") if isinstance(isi, str) else isi
        n = nilai(teks, f"realisasi {kode} {tahun}")
        Realisasi.objects.create(
            kecamatan=kecamatan,
            ukuran=ukuran,
            tahun=tahun,
            nilai=n.angka,
            huruf=n.huruf or "",
            catatan_sumber=catatan,
        )


def muat_anggaran(kecamatan, a: dict, sasaran: dict) -> dict[str, object]:
    """Create the budget tree of a year; returns its nodes by level code (P1, K1.1, S1.1.1)."""
    level: dict[str, object] = {}
    tahun = a["tahun"]
    for p in a["program"]:
        program = Program.objects.create(
            kecamatan=kecamatan,
            tahun=tahun,
            kode=p["kode"],
            nama=p["nama"],
            faktor_pendorong=p.get("faktor_pendorong", ""),
            faktor_penghambat=p.get("faktor_penghambat", ""),
        )
        program.sasaran.set([sasaran[tuple(s)] for s in p.get("sasaran", [])])
        level[f"P{program.kode}"] = program
        for k in p["kegiatan"]:
            kegiatan = Kegiatan.objects.create(program=program, kode=k["kode"], nama=k["nama"])
            level[f"K{kegiatan.kode}"] = kegiatan
            for s in k["sub_kegiatan"]:
                tempat = f"sub kegiatan {s['kode']}"
                awal, geser, ubah = (uang(x, tempat) for x in s["pagu"])
                sub = SubKegiatan.objects.create(
                    kegiatan=kegiatan,
                    kode=s["kode"],
                    nama=s["nama"],
                    pagu_awal=awal,
                    pagu_pergeseran=geser,
                    pagu_perubahan=ubah,
                    jenis_belanja=s.get("jenis_belanja", a.get("jenis_belanja", "")),
                )
                level[f"S{sub.kode}"] = sub
                if "realisasi" in s:
                    RealisasiAnggaran.objects.create(
                        sub_kegiatan=sub, periode="tahunan", jumlah=uang(s["realisasi"], tempat)
                    )
    return level


def muat_perjanjian(kecamatan, data: dict, renstra: dict, indikator: dict, level: dict) -> None:
    satu, dua = data["pihak_pertama"], data["pihak_kedua"]
    asal = None
    if data["jenis"] == PerjanjianKinerja.Jenis.PERUBAHAN:
        asal = PerjanjianKinerja.objects.filter(
            kecamatan=kecamatan, tahun=data["tahun"], jenis=PerjanjianKinerja.Jenis.AWAL
        ).first()
    perjanjian = PerjanjianKinerja.objects.create(
        kecamatan=kecamatan,
        tahun=data["tahun"],
        jenis=data["jenis"],
        renstra=renstra[data["renstra"]],
        asal=asal,
        tempat=data.get("tempat", "Jember"),
        tanggal=data.get("tanggal"),
        sumber_dana=data["sumber_dana"],
        pihak_pertama_nama=satu["nama"],
        pihak_pertama_jabatan=satu["jabatan"],
        pihak_pertama_pangkat=satu.get("pangkat", ""),
        pihak_pertama_nip=satu.get("nip", ""),
        pihak_kedua_nama=dua["nama"],
        pihak_kedua_jabatan=dua["jabatan"],
        pihak_kedua_nip=dua.get("nip", ""),
    )
    for urutan, (nama, teks) in enumerate(data["target"], start=1):
        tempat = f"{perjanjian} target {nama!r}"
        try:
            ind = indikator[(data["renstra"], nama)]
        except KeyError as e:
            raise DataTidakValid(f"{tempat}: indikator tidak ada di {data['renstra']}") from e
        t = nilai(teks, tempat)
        TargetPerjanjian.objects.create(
            perjanjian=perjanjian, indikator=ind, urutan=urutan, nilai=t.angka, huruf=t.huruf or ""
        )
    tingkat = {"P": "program", "K": "kegiatan", "S": "sub_kegiatan"}
    # [kode, uraian, satuan, target, realisasi] and optionally the sumber_realisasi of a
    # derived indicator, whose realisasi is then null (computed, never stored).
    for urutan, (kode, uraian, satuan, target, realisasi, *sumber) in enumerate(
        data.get("indikator_program", []), start=1
    ):
        tempat = f"{perjanjian} indikator program {kode}"
        if kode not in level:
            raise DataTidakValid(f"{tempat}: {kode} tidak ada di anggaran")
        sumber = sumber[0] if sumber else Indikator.SumberRealisasi.DIKETIK
        if sumber not in Indikator.SumberRealisasi.values:
            pilihan = ", ".join(Indikator.SumberRealisasi.values)
            raise DataTidakValid(f"{tempat}: sumber {sumber!r} bukan salah satu dari {pilihan}")
        if sumber != Indikator.SumberRealisasi.DIKETIK and realisasi is not None:
            raise DataTidakValid(f"{tempat}: realisasi yang dihitung ({sumber}) tidak diisi")
        IndikatorProgram.objects.create(
            perjanjian=perjanjian,
            urutan=urutan,
            uraian=uraian,
            satuan=satuan,
            target=nilai(target, tempat).angka,
            realisasi=nilai(realisasi, tempat).angka if realisasi is not None else None,
            sumber_realisasi=sumber,
            **{tingkat[kode[0]]: level[kode]},
        )
    tetapkan_status(perjanjian, data.get("status"))


def muat_laporan(kecamatan, lap: dict) -> None:
    ttd = lap.get("penandatangan", {})
    teks = (
        "kata_pengantar",
        "latar_belakang",
        "maksud_tujuan",
        "pengantar_perencanaan",
        "dasar_capaian",
        "kesimpulan",
        "hambatan",
        "faktor_keberhasilan",
        "langkah_perbaikan",
        "lhe_sumber",
    )
    laporan = LaporanKinerja.objects.create(
        kecamatan=kecamatan,
        tahun=lap["tahun"],
        tempat=lap.get("tempat", "Jember"),
        tanggal=lap.get("tanggal"),
        penandatangan_nama=ttd.get("nama", ""),
        penandatangan_jabatan=ttd.get("jabatan", ""),
        penandatangan_pangkat=ttd.get("pangkat", ""),
        penandatangan_nip=ttd.get("nip", ""),
        **{k: baris(lap.get(k)) for k in teks},
    )
    for urutan, (rekomendasi, tindak_lanjut) in enumerate(lap.get("tindak_lanjut", []), start=1):
        TindakLanjutLHE.objects.create(
            laporan=laporan, urutan=urutan, rekomendasi=rekomendasi, tindak_lanjut=tindak_lanjut
        )
    tetapkan_status(laporan, lap.get("status"))


def muat_lhe(kecamatan, lhe: dict) -> None:
    """The Inspektorat's LHE of a year and its recommendations with the kecamatan's tindak
    lanjut: the LKIP of that year prints them as Tabel 1.3 (laporan.evaluasi)."""
    evaluasi = EvaluasiAKIP.objects.create(
        kecamatan=kecamatan,
        tahun=lhe["tahun"],
        judul=lhe["judul"],
        nomor_surat=lhe.get("nomor_surat", ""),
        tanggal=lhe.get("tanggal"),
    )
    for urutan, (rekomendasi, tindak_lanjut) in enumerate(lhe.get("rekomendasi", []), start=1):
        RekomendasiLHE.objects.create(
            evaluasi=evaluasi, urutan=urutan, rekomendasi=rekomendasi, tindak_lanjut=tindak_lanjut
        )


def tetapkan_status(dokumen, status: str | None) -> None:
    """Give a loaded document the status it has in the source, once its parts are in.

    A ditetapkan document refuses changes to its parts (sakip.penguncian), so it is built as a
    draft first; the status is written directly because these documents were approved outside
    the application, before it existed.
    """
    if status and status != dokumen.status:
        type(dokumen).objects.filter(pk=dokumen.pk).update(status=status)
