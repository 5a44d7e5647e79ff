"""Forms of the LHE AKIP, the tindak lanjut and the reviu: they only validate;
laporan.evaluasi writes."""

from django import forms

from sakip import kinerja
from sakip.isian import NilaiField, TanggalField, TanggalInput

from .evaluasi import BarisRekomendasi, DataLHE
from .forms import BarisBernomorForm
from .models import SkorAKIP


def nama_skor(komponen: str, sub: str) -> str:
    return f"skor_{komponen}_{sub}"


class LHEForm(forms.Form):
    judul = forms.CharField(
        label="Judul LHE",
        max_length=255,
        help_text="mis. LHE SAKIP Kecamatan Kencong Tahun 2025 Triwulan 3",
        error_messages={"required": "Tuliskan judul LHE."},
    )
    nomor_surat = forms.CharField(label="Nomor surat", max_length=100, required=False)
    tanggal = TanggalField(
        label="Tanggal surat",
        required=False,
        widget=TanggalInput(),
    )
    catatan = forms.CharField(
        label="Catatan umum", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kode, (nama, _bobot) in kinerja.KOMPONEN_AKIP.items():
            for sub in kinerja.SUB_KOMPONEN_AKIP:
                bobot = kinerja.bobot_sub_komponen_akip(kode, sub)
                self.fields[nama_skor(kode, sub)] = NilaiField(
                    kolom=SkorAKIP._meta.get_field("skor"),
                    label=f"{nama} / {SkorAKIP.SubKomponen(sub).label}",
                    huruf_boleh=False,
                    error_messages={"required": "Isi skor sub komponen ini."},
                )
                self.fields[nama_skor(kode, sub)].bobot = bobot

    def clean(self):
        data = super().clean()
        for kode in kinerja.KOMPONEN_AKIP:
            for sub in kinerja.SUB_KOMPONEN_AKIP:
                nama = nama_skor(kode, sub)
                nilai = data.get(nama)
                if nilai is None:
                    continue
                if nilai.satuan:
                    self.add_error(nama, "Tulis skornya saja, tanpa satuan.")
                    continue
                bobot = self.fields[nama].bobot
                if not 0 <= nilai.angka <= bobot:
                    batas = f"{bobot.normalize():f}".replace(".", ",")
                    self.add_error(nama, f"Skor harus antara 0 dan {batas} (bobotnya).")
        return data

    def skor_komponen(self) -> list[tuple[str, list]]:
        """(komponen label, [bound fields]) in the regulation's order, for the template."""
        return [
            (nama, [self[nama_skor(kode, sub)] for sub in kinerja.SUB_KOMPONEN_AKIP])
            for kode, (nama, _bobot) in kinerja.KOMPONEN_AKIP.items()
        ]

    def data_lhe(self, rekomendasi: list[BarisRekomendasi]) -> DataLHE:
        d = self.cleaned_data
        return DataLHE(
            judul=d["judul"],
            nomor_surat=d["nomor_surat"],
            tanggal=d["tanggal"],
            catatan=d["catatan"],
            skor={
                (kode, sub): d[nama_skor(kode, sub)].angka
                for kode in kinerja.KOMPONEN_AKIP
                for sub in kinerja.SUB_KOMPONEN_AKIP
            },
            rekomendasi=rekomendasi,
        )


def awal_lhe(lhe) -> dict:
    if lhe is None:
        return {}
    awal = {
        "judul": lhe.judul,
        "nomor_surat": lhe.nomor_surat,
        "tanggal": lhe.tanggal,
        "catatan": lhe.catatan,
    }
    for s in lhe.skor.all():
        awal[nama_skor(s.komponen, s.sub_komponen)] = s.skor
    return awal


class RekomendasiForm(BarisBernomorForm):
    """One recommendation of the LHE, by its id: edited, moved (its number), deleted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rekomendasi"].widget.attrs["rows"] = 2
        # The table shows the column names apart from the cells: a screen reader gets both.
        indeks = (self.prefix or "").rsplit("-", 1)[-1]
        baris = f" baris {int(indeks) + 1}" if indeks.isdigit() else ""
        for nama in ("nomor", "rekomendasi"):
            self.fields[nama].widget.attrs["aria-label"] = f"{self.fields[nama].label}{baris}"

    def clean(self):
        data = super().clean()
        if data.get("id") and not data.get("DELETE") and not data.get("rekomendasi", "").strip():
            self.add_error(
                "rekomendasi",
                "Rekomendasi tidak boleh kosong; centang “hapus” untuk menghapus baris ini.",
            )
        return data


class _RekomendasiFormSet(forms.BaseFormSet):
    def baris(self) -> list[BarisRekomendasi]:
        """The rows in the order of the form; blank new rows are left out."""
        hasil = []
        for f in self.forms:
            d = getattr(f, "cleaned_data", None) or {}
            if not d or (d.get("id") is None and (d.get("DELETE") or not d.get("rekomendasi"))):
                continue
            hasil.append(
                BarisRekomendasi(
                    id=d.get("id"),
                    nomor=d.get("nomor"),
                    rekomendasi=d.get("rekomendasi", ""),
                    hapus=bool(d.get("DELETE")),
                    hapus_tindak_lanjut=bool(d.get("hapus_tindak_lanjut")),
                )
            )
        return hasil


RekomendasiFormSet = forms.formset_factory(
    RekomendasiForm, formset=_RekomendasiFormSet, extra=3, can_delete=True, max_num=100
)


def awal_rekomendasi(lhe) -> list[dict]:
    if lhe is None:
        return []
    return [
        {"id": r.id, "nomor": r.urutan, "rekomendasi": r.rekomendasi}
        for r in sorted(lhe.rekomendasi.all(), key=lambda r: r.urutan)
    ]


class ReviuForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan reviu",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Tuliskan catatan hasil reviu."},
    )
