"""Forms of the LKIP page: they only validate; laporan.services writes."""

from django import forms

from sakip.isian import NipField, TanggalField, TanggalInput
from sakip.konkurensi import SidikField

from .models import LaporanKinerja, TindakLanjutLHE
from .services import KOLOM_LAPORAN, KOLOM_TANDA_TANGAN, BarisTindakLanjut


class LaporanForm(forms.ModelForm):
    penandatangan_nip = NipField(label="NIP")
    sidik = SidikField()

    class Meta:
        model = LaporanKinerja
        field_classes = {"tanggal": TanggalField}
        fields = KOLOM_LAPORAN
        widgets = {
            "tanggal": TanggalInput(),
            **{
                k: forms.Textarea(attrs={"rows": 4})
                for k in (
                    "kata_pengantar",
                    "latar_belakang",
                    "pengantar_perencanaan",
                    "dasar_capaian",
                    "kesimpulan",
                )
            },
            **{
                k: forms.Textarea(attrs={"rows": 3})
                for k in ("maksud_tujuan", "hambatan", "faktor_keberhasilan", "langkah_perbaikan")
            },
        }
        error_messages = {"tanggal": {"invalid": "Tulis tanggal yang benar, mis. 19-02-2026."}}

    # Field groups in the order of the report (what the template walks).
    def pendahuluan(self):
        return [self[k] for k in ("kata_pengantar", "latar_belakang", "maksud_tujuan")]

    def penutup(self):
        return [
            self[k] for k in ("kesimpulan", "hambatan", "faktor_keberhasilan", "langkah_perbaikan")
        ]

    def tanda_tangan(self):
        return [self[k] for k in KOLOM_TANDA_TANGAN]

    def data_laporan(self) -> dict:
        return {k: self.cleaned_data[k] for k in KOLOM_LAPORAN}


class BarisBernomorForm(forms.Form):
    """A numbered row edited by its id (laporan.urutan): a recommendation of the LHE or a row
    of Tabel 1.3 typed on the LKIP page; moved by its number, deleted with confirmation when
    it holds a tindak lanjut."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    nomor = forms.IntegerField(
        label="No.",
        required=False,
        min_value=1,
        max_value=999,
        widget=forms.NumberInput(attrs={"class": "nomor-baris"}),
        error_messages={
            "invalid": "Tulis nomor urut dengan angka.",
            "min_value": "Nomor urut mulai dari 1.",
            "max_value": "Nomor urut paling besar 999.",
        },
    )
    rekomendasi = forms.CharField(
        label="Saran / rekomendasi",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hapus_tindak_lanjut = forms.BooleanField(label="hapus beserta tindak lanjutnya", required=False)

    @property
    def id_tersimpan(self) -> int | None:
        """The stored row this form edits (unbound: its initial; bound: what was sent)."""
        try:
            return int(self["id"].value())
        except (TypeError, ValueError):
            return None


class TindakLanjutForm(BarisBernomorForm):
    tindak_lanjut = forms.CharField(
        label="Tindak lanjut",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        hapus = data.get("DELETE")
        if not hapus and data.get("tindak_lanjut") and not data.get("rekomendasi"):
            self.add_error("rekomendasi", "Tuliskan rekomendasi LHE yang ditindaklanjuti.")
        return data


class _TindakLanjutFormSet(forms.BaseFormSet):
    def baris(self) -> list[BarisTindakLanjut]:
        hasil = []
        for f in self.forms:
            d = getattr(f, "cleaned_data", None) or {}
            if not d:
                continue
            kosong = not d.get("rekomendasi") and not d.get("tindak_lanjut")
            if d.get("id") is None and (kosong or d.get("DELETE")):
                continue  # a blank new row
            hasil.append(
                BarisTindakLanjut(
                    id=d.get("id"),
                    rekomendasi=d.get("rekomendasi", ""),
                    tindak_lanjut=d.get("tindak_lanjut", ""),
                    hapus=bool(d.get("DELETE")) or kosong,
                    nomor=d.get("nomor"),
                    hapus_tindak_lanjut=bool(d.get("hapus_tindak_lanjut")),
                )
            )
        return hasil


TindakLanjutFormSet = forms.formset_factory(
    TindakLanjutForm, formset=_TindakLanjutFormSet, extra=1, can_delete=True, max_num=100
)


def awal_tindak_lanjut(baris: list[TindakLanjutLHE]) -> list[dict]:
    return [
        {
            "id": b.id,
            "nomor": b.urutan,
            "rekomendasi": b.rekomendasi,
            "tindak_lanjut": b.tindak_lanjut,
        }
        for b in baris
    ]
