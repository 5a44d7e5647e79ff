"""Forms of the kecamatan's own pages (units, pejabat) and of the kabupaten's pejabat: they
only validate and hand rows to kecamatan.services."""

from django import forms

from sakip.isian import NipField, TanggalField

from .models import Kecamatan, Pejabat, UnitKerja
from .services import BarisPejabat, BarisUnit


def _id_tersimpan(form) -> int | None:
    try:
        return int(form["id"].value())
    except (TypeError, ValueError):
        return None


class UnitKerjaBarisForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    urutan = forms.IntegerField(
        label="Urutan",
        required=False,
        min_value=0,
        max_value=999,
        widget=forms.NumberInput(attrs={"class": "nomor-baris"}),
        error_messages={"invalid": "Tulis urutan dengan angka.", "max_value": "Paling besar 999."},
    )
    nama = forms.CharField(label="Nama unit", required=False, max_length=150)
    singkatan = forms.CharField(label="Singkatan", required=False, max_length=50)
    jenis = forms.ChoiceField(
        label="Jenis", required=False, choices=[("", "—"), *UnitKerja.Jenis.choices]
    )
    induk = forms.TypedChoiceField(label="Unit induk", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, pilihan_induk=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].choices = [("", "—"), *pilihan_induk]
        self.fields["induk"].error_messages["invalid_choice"] = "Pilih unit induk dari daftar."

    id_tersimpan = property(_id_tersimpan)

    def clean(self):
        data = super().clean()
        if data.get("DELETE") or (data.get("id") is None and not data.get("nama")):
            return data
        if not data.get("nama"):
            self.add_error("nama", "Nama unit wajib diisi (atau centang hapus).")
        if not data.get("jenis"):
            self.add_error("jenis", "Pilih jenis unit.")
        return data


class _UnitKerjaFormSet(forms.BaseFormSet):
    def baris(self) -> list[BarisUnit]:
        hasil = []
        for f in self.forms:
            d = getattr(f, "cleaned_data", None) or {}
            if not d or (d.get("id") is None and (d.get("DELETE") or not d.get("nama"))):
                continue  # a blank new row
            hasil.append(
                BarisUnit(
                    id=d.get("id"),
                    nama=d.get("nama", "").strip(),
                    jenis=d.get("jenis", ""),
                    singkatan=d.get("singkatan", "").strip(),
                    induk_id=d.get("induk"),
                    urutan=d.get("urutan"),
                    hapus=bool(d.get("DELETE")),
                )
            )
        return hasil


UnitKerjaFormSet = forms.formset_factory(
    UnitKerjaBarisForm, formset=_UnitKerjaFormSet, extra=2, can_delete=True, max_num=200
)


def awal_unit_kerja(daftar) -> list[dict]:
    return [
        {
            "id": u.id,
            "urutan": u.urutan,
            "nama": u.nama,
            "singkatan": u.singkatan,
            "jenis": u.jenis,
            "induk": u.induk_id,
        }
        for u in daftar
    ]


class PejabatBarisForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    nama = forms.CharField(label="Nama (dengan gelar)", required=False, max_length=150)
    nip = NipField(label="NIP", help_text="")
    pangkat_golongan = forms.CharField(label="Pangkat / golongan", required=False, max_length=100)
    jabatan = forms.CharField(label="Jabatan", required=False, max_length=150)
    mulai = TanggalField(label="Menjabat sejak", required=False, help_text=" ")
    selesai = TanggalField(label="Menjabat sampai", required=False, help_text=" ")

    id_tersimpan = property(_id_tersimpan)

    def clean(self):
        data = super().clean()
        kosong = not any(data.get(k) for k in ("nama", "nip", "jabatan", "pangkat_golongan"))
        if data.get("DELETE") or (data.get("id") is None and kosong):
            return data
        if not data.get("nama"):
            self.add_error("nama", "Nama pejabat wajib diisi (atau centang hapus).")
        if not data.get("jabatan"):
            self.add_error("jabatan", "Jabatan wajib diisi, mis. Camat Kencong.")
        mulai, selesai = data.get("mulai"), data.get("selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("selesai", "Tanggal selesai menjabat sebelum tanggal mulai.")
        return data


class _PejabatFormSet(forms.BaseFormSet):
    def baris(self) -> list[BarisPejabat]:
        hasil = []
        for f in self.forms:
            d = getattr(f, "cleaned_data", None) or {}
            if not d or (d.get("id") is None and (d.get("DELETE") or not d.get("nama"))):
                continue
            hasil.append(
                BarisPejabat(
                    id=d.get("id"),
                    nama=d.get("nama", "").strip(),
                    jabatan=d.get("jabatan", "").strip(),
                    nip=d.get("nip", ""),
                    pangkat_golongan=d.get("pangkat_golongan", "").strip(),
                    mulai=d.get("mulai"),
                    selesai=d.get("selesai"),
                    hapus=bool(d.get("DELETE")),
                )
            )
        return hasil


PejabatFormSet = forms.formset_factory(
    PejabatBarisForm, formset=_PejabatFormSet, extra=2, can_delete=True, max_num=200
)


def awal_pejabat(daftar: list[Pejabat]) -> list[dict]:
    return [
        {
            "id": p.id,
            "nama": p.nama,
            "nip": p.nip,
            "pangkat_golongan": p.pangkat_golongan,
            "jabatan": p.jabatan,
            "mulai": p.mulai,
            "selesai": p.selesai,
        }
        for p in daftar
    ]


class TempatForm(forms.ModelForm):
    class Meta:
        model = Kecamatan
        fields = ["tempat_penandatanganan"]
