"""The Keputusan Camat on the IKU (with its lampiran), as the decrees of seeds 000, 001, 002
and the two Kencong decrees of seed 004 are laid out.

Two lampiran layouts: ``tunggal`` (one table of IKU, Patrang / Balung / Kencong 2021-2026) and
``terpisah`` (the tugas and fungsi of the kecamatan, then Lampiran 1 IKU and Lampiran 2
Indikator Kinerja Lainnya, Panti / Kencong 2025-2029). What the decree says comes from
``iku.selectors.isi_keputusan``, the builder the decree's web page uses too, so the page and
the PDF show the same lines; only the letterhead and the printed titles are added here.
"""

import re
from dataclasses import fields

from iku.models import KeputusanIKU
from iku.selectors import isi_keputusan, tahun_keputusan

from .dasar import Penyaji


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


def konteks_keputusan(*, keputusan: KeputusanIKU) -> dict:
    """The printed decree's context: the decree's lines (``isi_keputusan``, one name per
    field) with the printed titles and the letterhead."""
    isi = isi_keputusan(keputusan=keputusan)
    nama = isi.kecamatan.nama.upper()
    kabupaten = isi.kabupaten.nama.upper()
    return {
        **{f.name: getattr(isi, f.name) for f in fields(isi)},
        "judul_keputusan": f"KEPUTUSAN CAMAT {nama}",
        "judul_kabupaten": f"KABUPATEN {kabupaten}",
        "pejabat_penetap": f"CAMAT {nama} KABUPATEN {kabupaten},",
        "jabatan_bawaan": f"Camat {isi.kecamatan.nama}",
        "judul_rincian": f"RINCIAN INDIKATOR KINERJA PADA KECAMATAN {nama} KABUPATEN {kabupaten}",
        "judul_lampiran": f"KEPUTUSAN CAMAT {nama} KABUPATEN {kabupaten}",
        "judul_kecamatan_kabupaten": f"KECAMATAN {nama} KABUPATEN {kabupaten}",
        **konteks_kop(isi.kecamatan),
    }


class PenyajiKeputusan(Penyaji):
    jenis = "keputusan"
    template_name = "laporan/dokumen/keputusan/dokumen.html"

    def konteks(self) -> dict:
        return konteks_keputusan(keputusan=self.objek)

    def ditetapkan(self) -> bool:
        return self.objek.status == KeputusanIKU.Status.DITETAPKAN

    def nama_berkas(self) -> str:
        """``keputusan-iku-kencong-2025-000-7-2-7-32-35-09-02-2025.pdf``: a kecamatan's decrees
        differ by their number (unique), which names the version; ``-draf`` until approved."""
        keputusan = self.objek
        nomor = re.sub(r"[^0-9A-Za-z]+", "-", keputusan.nomor).strip("-").lower()
        tahun = tahun_keputusan(keputusan)
        return f"keputusan-iku-{keputusan.kecamatan.slug}-{tahun}-{nomor}{self.akhiran_draf()}.pdf"
