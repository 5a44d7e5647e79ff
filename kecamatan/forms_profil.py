"""Forms of the yearly profile pages: the texts of BAB I, and one row of each of its tables
(Tabel 1.1, Tabel 1.2, isu strategis) for the grids. They only check what people typed; the
services write and the models' locks decide."""

from django import forms
from django.forms import modelformset_factory

from sakip.konkurensi import SidikField

from .models import PENDIDIKAN, IsuStrategis, KomposisiSDM, ProfilTahunan, SaranaPrasarana
from .selectors import TEKS_PROFIL

# Empty rows under a grid for new rows (a table needing more saves and gets three more).
BARIS_BARU = 3

# Texts typed one item per line (the LKIP prints them as a list); the others are paragraphs.
PER_BARIS = {"kedudukan", "tugas", "fungsi", "susunan_organisasi"}


class ProfilTeksForm(forms.ModelForm):
    sidik = SidikField()

    class Meta:
        model = ProfilTahunan
        fields = list(TEKS_PROFIL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 6 if nama in PER_BARIS else 3
            if nama in PER_BARIS:
                field.help_text = (
                    "Satu butir per baris; penomoran seperti “a.” atau “1.” boleh diketik."
                )

    def data_teks(self) -> dict:
        return {k: self.cleaned_data[k].strip() for k in TEKS_PROFIL}


class _BarisForm(forms.ModelForm):
    """A row of a grid: the services number the rows in the order shown."""

    def data_baris(self) -> dict:
        data = {k: self.cleaned_data[k] for k in self._meta.fields}
        data["id"] = self.instance.pk
        data["hapus"] = bool(self.cleaned_data.get("DELETE"))
        return data


KOLOM_SDM = [
    "jabatan",
    *(f"kebutuhan_{p}" for p in PENDIDIKAN),
    *(f"bezetting_{p}" for p in PENDIDIKAN),
    "laki_laki",
    "perempuan",
]


class KomposisiSDMForm(_BarisForm):
    class Meta:
        model = KomposisiSDM
        fields = KOLOM_SDM

    def clean(self):
        data = super().clean()
        angka = [data.get(f"bezetting_{p}") for p in PENDIDIKAN]
        laki, perempuan = data.get("laki_laki"), data.get("perempuan")
        if None in angka or laki is None or perempuan is None or data.get("DELETE"):
            return data
        if laki + perempuan != sum(angka):
            # On the field, so the model's check of the same rule is not asked a second time.
            self.add_error(
                "perempuan",
                f"Laki-laki ({laki}) ditambah perempuan ({perempuan}) harus sama dengan "
                f"jumlah bezetting ({sum(angka)}).",
            )
        return data


class SaranaPrasaranaForm(_BarisForm):
    class Meta:
        model = SaranaPrasarana
        fields = ["kelompok", "nama", "jumlah", "kondisi", "jumlah_ideal"]


class IsuStrategisForm(_BarisForm):
    class Meta:
        model = IsuStrategis
        fields = ["uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}


FORM_BARIS = {
    "sdm": KomposisiSDMForm,
    "sarana": SaranaPrasaranaForm,
    "isu": IsuStrategisForm,
}


def formset_tabel(jenis: str):
    form = FORM_BARIS[jenis]
    return modelformset_factory(form.Meta.model, form=form, extra=BARIS_BARU, can_delete=True)
