"""The usual texts of an IKU decree, as the Kencong decrees of 2025 word them (seeds/004,
fixtures/jember/kencong.yaml), with the kecamatan and kabupaten names put in.

Two layouts exist in the seeds: the older single table of IKU (Keputusan Camat Kencong
000.8.6.3/22/35.09.02/2025, six diktum when counted) and the newer "Indikator Kinerja"
decree with Lampiran 1 IKU and Lampiran 2 Indikator Kinerja Lainnya (000.7.2.7/32/35.09.02/2025,
KESATU … KETUJUH). They are only a starting point: every text stays editable in the form.
"""

from dataclasses import dataclass, field

from iku.models import Indikator, KeputusanIKU

TUNGGAL = KeputusanIKU.TataLetak.TUNGGAL
TERPISAH = KeputusanIKU.TataLetak.TERPISAH


@dataclass(frozen=True)
class TeksKeputusan:
    tata_letak: str
    tentang: str
    tempat: str
    menimbang: list[str]
    mengingat: list[str]
    diktum: list[str]
    tembusan: list[str] = field(default_factory=list)


_MENIMBANG_TUNGGAL = [
    "bahwa untuk melaksanakan ketentuan pasal 3 dan pasal 4 Peraturan Menteri Negara "
    "Pendayagunaan Aparatur Negara Nomor PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan "
    "Indikator Kinerja Utama di Lingkungan Instansi Pemerintah, perlu menetapkan Indikator "
    "Kinerja Utama Kecamatan {kec} Kabupaten {kab} dalam suatu Keputusan Camat {kec};",
]

_MENGINGAT_TUNGGAL = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, sebagaimana telah diubah "
    "dengan Undang-Undang Nomor 9 Tahun 2015;",
    "Peraturan Pemerintah Nomor 39 Tahun 2006 tentang Tata Cara Pengendalian dan Evaluasi "
    "Pelaksanaan Rencana Pembangunan;",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan "
    "Daerah, sebagaimana telah dua kali diubah terakhir dengan Peraturan Menteri Dalam Negeri "
    "Nomor 21 Tahun 2011;",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 09/M.PAN/05/2007 tentang "
    "Pedoman Penyusunan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 20/M.PAN/11/2008 tentang "
    "Petunjuk Penyusunan Indikator Kinerja Utama;",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
    "Tahun 2015 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja, dan Tata Cara "
    "Reviu Atas Laporan Kinerja Instansi Pemerintah;",
]

_DIKTUM_TUNGGAL = [
    "Indikator Kinerja Utama Kecamatan {kec} Kabupaten {kab}",
    "Indikator Kinerja Utama Kecamatan {kec} Kabupaten {kab} sebagaimana dimaksud dalam "
    "Diktum KESATU tersebut dalam lampiran;",
    "Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU dan KEDUA bertujuan "
    "untuk :\n"
    "(1) Memberikan informasi kinerja yang penting dan diperlukan dalam menyelenggarakan "
    "manajemen kinerja organisasi;\n"
    "(2) Mengukur keberhasilan pencapaian suatu tujuan dan sasaran strategis yang digunakan "
    "untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja organisasi.",
    "Indikator Kinerja Utama Kecamatan {kec} Kabupaten {kab} sebagaimana dimaksud dalam "
    "Diktum KESATU dimanfaatkan untuk :\n"
    "a. Perencanaan Strategis Organisasi Perangkat Daerah;\n"
    "b. Perencanaan Tahunan Organisasi Perangkat Daerah;\n"
    "c. Penyusunan Dokumen Perjanjian Kinerja Organisasi Perangkat Daerah;\n"
    "d. Pelaporan Kinerja Instansi Pemerintah Organisasi Perangkat Daerah;\n"
    "e. Evaluasi Kinerja Instansi Pemerintah Organisasi Perangkat Daerah.",
    "Keputusan Camat {kec} ini mulai berlaku pada tanggal ditetapkan.",
]

_MENIMBANG_TERPISAH = [
    "bahwa untuk melaksanakan ketentuan pasal 3 dan pasal 4 Peraturan Menteri Negara "
    "Pendayagunaan Aparatur Negara Nomor PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan "
    "Indikator Kinerja Utama di Lingkungan Instansi Pemerintah, perlu menetapkan Indikator "
    "Kinerja Utama Kecamatan {kec} Kabupaten {kab};",
    # The seed leaves the number of the Peraturan Bupati blank; so does the default.
    "bahwa sebagai pelaksanaan ketentuan Pasal 4 ayat (1) Peraturan Bupati {kab} Nomor … "
    "Tahun 2025 tentang Indikator Kinerja Utama di lingkungan Pemerintah Daerah Kabupaten "
    "{kab}, dipandang perlu menetapkan Indikator Kinerja pada Kecamatan {kec} Kabupaten {kab};",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud huruf a dan huruf b maka perlu "
    "menetapkan Surat Keputusan Camat {kec} tentang Indikator Kinerja pada Kecamatan {kec} "
    "Kabupaten {kab}.",
]

_MENGINGAT_TERPISAH = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
    "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) "
    "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 6 Tahun 2023 "
    "tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang "
    "Cipta Kerja Menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 Nomor "
    "41, Tambahan Lembaran Negara Republik Indonesia Nomor 6856);",
    "Peraturan Pemerintah Nomor 65 Tahun 2005 tentang Pedoman Penyusunan dan Penetapan Standar "
    "Pelayanan Minimal;",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, "
    "Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah;",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 tentang "
    "Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;",
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/20/M.PAN/11/2008 tentang "
    "Petunjuk Penyusunan Indikator Kinerja Utama;",
    "Peraturan Daerah Kabupaten {kab} Nomor 3 Tahun 2025 tentang Rencana Pembangunan Jangka "
    "Menengah Daerah Kabupaten {kab} Tahun 2025-2029.",
]

_DIKTUM_TERPISAH = [
    "Indikator Kinerja Kecamatan {kec} Kabupaten {kab}",
    "Indikator Kinerja Kecamatan {kec} Kabupaten {kab} sebagaimana dimaksud dalam Diktum "
    "KESATU terdiri dari :\n"
    "1. Indikator Kinerja Utama\n"
    "2. Indikator Kinerja Lainnya, yang terdiri dari : a. Indikator Kinerja Sasaran yang bukan "
    "merupakan IKU",
    "Indikator Kinerja Kecamatan {kec} Kabupaten {kab} sebagaimana dimaksud dalam Diktum "
    "KEDUA tersebut dalam lampiran dan menjadi bagian tidak terpisahkan dari keputusan ini;",
    "Indikator Kinerja sebagaimana dimaksud dalam Diktum KEDUA bertujuan untuk :\n"
    "(1) Memberikan informasi kinerja yang penting dan diperlukan dalam menyelenggarakan "
    "manajemen kinerja organisasi\n"
    "(2) Mengukur keberhasilan pencapaian suatu tujuan dan sasaran strategis yang digunakan "
    "untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja organisasi",
    "Indikator Kinerja sebagaimana dimaksud dalam Diktum KESATU merupakan acuan ukuran kinerja "
    "yang digunakan dalam :\n"
    "a. Perencanaan Strategis di Lingkup Kecamatan {kec}\n"
    "b. Perencanaan kinerja dan Anggaran Tahunan di Lingkup Kecamatan {kec}\n"
    "c. Penyusunan Dokumen Perjanjian Kinerja di Lingkup Kecamatan {kec}\n"
    "d. Pelaporan Kinerja di Lingkup Kecamatan {kec}\n"
    "e. Evaluasi Kinerja di Lingkup Kecamatan {kec}",
    "Indikator Kinerja sebagaimana dimaksud dalam diktum KESATU, disusun dengan mengacu pada "
    "Indikator Kinerja Utama Pemerintah Kabupaten {kab}.",
    "Keputusan ini mulai berlaku pada tanggal ditetapkan",
]

_TEMBUSAN_TERPISAH = [
    "Sdr. Sekretaris Daerah Kabupaten {kab}",
    "Sdr. Kepala Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah",
]


def _isi(teks: list[str], kec: str, kab: str) -> list[str]:
    return [t.format(kec=kec, kab=kab) for t in teks]


def tata_letak_untuk(jenis_indikator: list[str]) -> str:
    """The older single table when every indicator is an IKU, else Lampiran 1 and 2."""
    if any(j == Indikator.Jenis.LAINNYA for j in jenis_indikator):
        return TERPISAH
    return TUNGGAL


def teks_keputusan(*, kecamatan: str, kabupaten: str, tata_letak: str) -> TeksKeputusan:
    """The default texts of a decree of ``kecamatan`` (its name, e.g. "Kencong")."""
    if tata_letak == TERPISAH:
        return TeksKeputusan(
            tata_letak=TERPISAH,
            tentang=f"Indikator Kinerja pada Kecamatan {kecamatan} Kabupaten {kabupaten}",
            # The newer decree is signed at the kabupaten's seat, the older one in the kecamatan.
            tempat=kabupaten,
            menimbang=_isi(_MENIMBANG_TERPISAH, kecamatan, kabupaten),
            mengingat=_isi(_MENGINGAT_TERPISAH, kecamatan, kabupaten),
            diktum=_isi(_DIKTUM_TERPISAH, kecamatan, kabupaten),
            tembusan=_isi(_TEMBUSAN_TERPISAH, kecamatan, kabupaten),
        )
    return TeksKeputusan(
        tata_letak=TUNGGAL,
        tentang=f"Indikator Kinerja Utama Kecamatan {kecamatan} Kabupaten {kabupaten}",
        tempat=kecamatan,
        menimbang=_isi(_MENIMBANG_TUNGGAL, kecamatan, kabupaten),
        mengingat=_isi(_MENGINGAT_TUNGGAL, kecamatan, kabupaten),
        diktum=_isi(_DIKTUM_TUNGGAL, kecamatan, kabupaten),
    )
