"""Forms of the Perjanjian Kinerja pages: they only validate; perjanjian.services writes."""

from django import forms

from iku.selectors import renstra_berlaku
from perjanjian.models import PerjanjianKinerja, TargetPerjanjian
from perjanjian.selectors.capaian import nilai_indikator
from perjanjian.services.perjanjian import KOLOM_PERJANJIAN
from sakip.isian import NilaiField, NipField, TanggalField, TanggalInput
from sakip.konkurensi import SidikField


class PerjanjianBuatForm(forms.Form):
    renstra = forms.ModelChoiceField(
        queryset=None,
        label="Dasar Renstra",
        empty_label=None,
        help_text="Target tiap indikator diisi dari target Renstra tahun ini; dapat diubah.",
    )

    def __init__(self, *args, kecamatan, tahun, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["renstra"].queryset = renstra_berlaku(kecamatan=kecamatan, tahun=tahun)
        self.fields["renstra"].label_from_instance = lambda r: r.nama
        self.fields["renstra"].error_messages["invalid_choice"] = (
            f"Pilih Renstra yang berlaku pada tahun {tahun}."
        )


SALIN = "salin"


class PerjanjianPerubahanForm(forms.Form):
    """The basis of a PK Perubahan: a copy of the PK awal, or another Renstra in force."""

    dasar = forms.ChoiceField(
        label="Dasar PK Perubahan",
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Pilih salinan PK awal atau Renstra yang berlaku tahun ini.",
            "required": "Pilih dasar PK Perubahan.",
        },
    )

    def __init__(self, *args, asal: PerjanjianKinerja, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.asal = asal
        self.renstra = {str(r.id): r for r in renstra if r.id != asal.renstra_id}
        self.fields["dasar"].choices = [
            (SALIN, f"Salin target {asal.get_jenis_display()} {asal.tahun} ({asal.renstra.nama})"),
            *((k, f"Target {r.nama} tahun {asal.tahun}") for k, r in self.renstra.items()),
        ]
        self.fields["dasar"].initial = SALIN

    def renstra_terpilih(self):
        """None: copy the PK awal; else the Renstra to prefill from."""
        return self.renstra.get(self.cleaned_data["dasar"])


class PerjanjianForm(forms.ModelForm):
    """The agreement data and one target field per indicator, saved together or not at all."""

    pihak_pertama_nip = NipField(label="NIP pihak pertama")
    pihak_kedua_nip = NipField(label="NIP pihak kedua", help_text="Kosong untuk pejabat politik.")
    sidik = SidikField()

    class Meta:
        model = PerjanjianKinerja
        fields = KOLOM_PERJANJIAN
        widgets = {"tanggal": TanggalInput()}
        field_classes = {"tanggal": TanggalField}

    def __init__(self, *args, target, sidik: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["sidik"].initial = sidik
        self.fields["tanggal"].help_text = (
            "Tanggal penandatanganan. Pihak pertama dan kedua yang masih usulan ikut diganti "
            "dengan camat dan bupati yang menjabat pada tanggal ini (daftar pejabat)."
        )
        for t in target:
            self.fields[self.nama_target(t)] = NilaiField(
                kolom=TargetPerjanjian._meta.get_field("nilai"),
                label=f"Target {t.indikator.nama}",
                initial=nilai_indikator(t.indikator, t.nilai, t.huruf),
                error_messages={"required": "Target wajib diisi."},
            )

    @staticmethod
    def nama_target(t) -> str:
        return f"target_{t.id}"

    def field_target(self, t):
        return self[self.nama_target(t)]

    def data_perjanjian(self) -> dict:
        return {k: self.cleaned_data[k] for k in KOLOM_PERJANJIAN}

    def nilai_target(self) -> dict:
        return {t.id: self.cleaned_data[self.nama_target(t)] for t in self.target}


class KembalikanForm(forms.Form):
    komentar = forms.CharField(
        label="Alasan dikembalikan",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Tulis alasan pengembalian untuk operator."},
        help_text="Dibaca operator pada halaman ini dan di beranda.",
    )
