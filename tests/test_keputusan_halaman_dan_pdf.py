"""The IKU decree reads the same on its web page and in its PDF: both show the lines of
``iku.selectors.isi_keputusan`` (menimbang, mengingat, each diktum with its rincian, the
tembusan, the tugas and fungsi, every lampiran row with its formulasi and definisi lines).

Once for Kencong's decree of the Renstra 2025-2029 and once for a draft typed with list
markers, indented sub-lists and blank lines, the texts on which the page and the PDF used to
disagree (the page kept the typed markers and blank lines and showed a diktum as raw text)."""

import re
from html import unescape

import pytest
from bantu_pdf import halaman_pdf, semua
from django.urls import reverse

from iku.models import KeputusanIKU, Renstra
from iku.selectors import isi_keputusan
from iku.services import keputusan_buat
from laporan.dokumen.keputusan import PenyajiKeputusan
from sakip.templatetags.sakip import huruf

BARU = "000.7.2.7/32/35.09.02/2025"


def rapat(teks: str) -> str:
    return " ".join(teks.split())


def teks_halaman(client, keputusan) -> str:
    """The naskah of the decree page as a reader sees it: tags dropped, whitespace collapsed."""
    html = client.get(reverse("iku:keputusan-detail", args=["kencong", keputusan.pk])).text
    naskah = re.search(r'<article class="naskah".*?</article>', html, flags=re.S).group(0)
    return rapat(unescape(re.sub(r"<[^>]+>", " ", naskah)))


def teks_pdf(keputusan) -> str:
    return semua(halaman_pdf(PenyajiKeputusan(keputusan).render().isi))


def baris_keputusan(keputusan) -> list[str]:
    """Every line the builder gives, as it reads once laid out: "KESATU : …", "1. …"."""
    isi = isi_keputusan(keputusan=keputusan)
    baris = [f"{huruf}. {t}" for huruf, t in isi.menimbang]
    baris += [f"{n}. {t}" for n, t in enumerate(isi.mengingat, start=1)]
    for d in isi.diktum:
        baris.append(f"{d.label} : {d.isi}")
        baris += [rapat(f"{b.penanda} {b.isi}") for b in d.rincian]
    baris += [f"{n}. {t}" for n, t in enumerate(isi.tembusan, start=1)]
    for daftar in (isi.tugas, isi.fungsi):
        baris += [
            f"{'–' if isi.terpisah else huruf(n)}{'' if isi.terpisah else '.'} {t}"
            for n, t in enumerate(daftar, start=1)
        ]
    for lampiran in isi.lampiran:
        for b in lampiran.baris:
            baris.append(b.nama)
            baris += [rapat(f"{x.penanda} {x.isi}") for x in (*b.formulasi, *b.definisi)]
    return [rapat(b) for b in baris]


def tanpa_patahan(teks: str) -> str:
    """A PDF line may break after "/" or "-" ("PER/9/ M.PAN", "Undang- Undang"); the text
    read back then has a space there. Dropped on both sides before comparing."""
    return re.sub(r"(?<=[/-]) ", "", teks)


def sama_di_halaman_dan_pdf(client, keputusan) -> tuple[str, str]:
    halaman, pdf = teks_halaman(client, keputusan), teks_pdf(keputusan)
    baris = [tanpa_patahan(b) for b in baris_keputusan(keputusan)]
    assert len(baris) > 20
    assert [b for b in baris if b not in tanpa_patahan(halaman)] == []
    assert [b for b in baris if b not in tanpa_patahan(pdf)] == []
    return halaman, pdf


def test_keputusan_kencong_2025_sama_di_halaman_dan_pdf(client, bappeda, kencong):
    client.force_login(bappeda)
    keputusan = KeputusanIKU.objects.get(kecamatan=kencong, nomor=BARU)
    halaman, pdf = sama_di_halaman_dan_pdf(client, keputusan)
    for teks in (halaman, pdf):
        assert "KETUJUH : Keputusan ini mulai berlaku pada tanggal ditetapkan" in teks
        # The tugas this decree states.
        assert "– menyelenggaraan urusan pemerintahan umum ditingkat kecamatan" in teks
        assert "IPP = (75% × nilai form 02) + (25% × nilai form 03)" in teks
    assert "Lampiran 2. Indikator Kinerja Lainnya" in halaman
    assert "Lampiran 2. INDIKATOR KINERJA LAINNYA" in pdf


@pytest.fixture
def draf_bertingkat(kencong, operator_kencong):
    """A draft of Kencong whose texts were typed with markers, sub-lists and blank lines."""
    renstra = Renstra.objects.get(kecamatan=kencong, nama="Renstra 2025-2029")
    return keputusan_buat(
        kecamatan=kencong,
        renstra=renstra,
        data={
            "nomor": "000.7.2.7/98/35.09.02/2026",
            "tentang": "Indikator Kinerja pada Kecamatan Kencong Kabupaten Jember",
            "tempat": "Jember",
            "tanggal": None,
            "tata_letak": KeputusanIKU.TataLetak.TERPISAH,
            "menimbang": "a. bahwa perlu menetapkan indikator kinerja;\n\n"
            "b. bahwa berdasarkan pertimbangan tersebut perlu ditetapkan keputusan;",
            "mengingat": "1. Undang-Undang Nomor 23 Tahun 2014;\n"
            "2. Peraturan Bupati Jember Nomor 5 Tahun 2025;",
            "tembusan": "- Sdr. Sekretaris Daerah\n\n- Sdr. Inspektur",
            "penandatangan_nama": "Ronny Arvianto, S.E.",
            "penandatangan_jabatan": "Camat Kencong",
            "penandatangan_pangkat": "Pembina",
            "penandatangan_nip": "197708272002121006",
        },
        diktum=[
            "Indikator Kinerja Kecamatan Kencong terdiri dari :\n"
            "1. Indikator Kinerja Utama\n"
            "2. Indikator Kinerja Lainnya, yaitu :\n"
            "   a. indikator sasaran\n"
            "   b. indikator program\n\n"
            "3. Indikator pendukung",
            "Indikator Kinerja digunakan untuk :\n"
            "(1) menyusun Perjanjian Kinerja;\n"
            "(2) menyusun LKIP.",
            "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ],
        oleh=operator_kencong,
    )


def test_keputusan_berbaris_banyak_sama_di_halaman_dan_pdf(client, bappeda, draf_bertingkat):
    client.force_login(bappeda)
    halaman, pdf = sama_di_halaman_dan_pdf(client, draf_bertingkat)
    for teks in (halaman, pdf):
        # The typed markers are the decree's own: never doubled, blank lines dropped.
        assert "Menimbang : a. bahwa perlu menetapkan indikator kinerja;" in teks
        assert "b. bahwa berdasarkan pertimbangan" in teks
        assert "a. a." not in teks and "1. 1." not in teks
        assert "KESATU : Indikator Kinerja Kecamatan Kencong terdiri dari :" in teks
        sub = "2. Indikator Kinerja Lainnya, yaitu : a. indikator sasaran b. indikator program"
        assert sub in teks
        assert "3. Indikator pendukung" in teks
        kedua = "KEDUA : Indikator Kinerja digunakan untuk : (1) menyusun Perjanjian Kinerja;"
        assert kedua in teks
        assert "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan." in teks
        assert "1. Sdr. Sekretaris Daerah 2. Sdr. Inspektur" in teks
