"""Forms of the accounts page; what a new account may be is decided by
``services_akun.periksa_akun_baru``, shown next to each field."""

from django import forms

from . import selectors_akun, services_akun
from .models import Peran
from .services_akun import PERAN_DIKELOLA, AkunBaru, UbahanAkun

PILIHAN_PERAN = [(p.value, p.label) for p in PERAN_DIKELOLA]


class AkunTambahForm(forms.Form):
    username = forms.CharField(
        label="Nama pengguna",
        max_length=services_akun.PANJANG_NAMA,
        help_text="Dipakai untuk masuk, mis. operator.kencong. Huruf, angka dan . @ + - _.",
    )
    nama_lengkap = forms.CharField(
        label="Nama lengkap",
        max_length=services_akun.PANJANG_NAMA_LENGKAP,
        error_messages={"required": "Nama lengkap wajib diisi."},
    )
    peran = forms.ChoiceField(
        label="Peran",
        choices=PILIHAN_PERAN,
        error_messages={
            "invalid_choice": (
                f"Peran harus salah satu dari: {services_akun.nama_peran_dikelola()}."
            )
        },
    )
    kecamatan = forms.ModelChoiceField(
        label="Kecamatan",
        queryset=None,
        required=False,
        empty_label="— (Bappeda / Inspektorat)",
        help_text="Wajib untuk operator dan camat; kosong untuk Bappeda dan Inspektorat.",
        error_messages={"invalid_choice": "Kecamatan itu bukan kecamatan kabupaten Anda."},
    )
    email = forms.EmailField(label="Email", required=False)

    def __init__(self, *args, oleh, **kwargs):
        super().__init__(*args, **kwargs)
        self.oleh = oleh
        self.fields["kecamatan"].queryset = selectors_akun.kecamatan_kabupaten(oleh=oleh)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.akun = AkunBaru(
            username=data["username"].strip(),
            nama_lengkap=data["nama_lengkap"].strip(),
            peran=data["peran"],
            kecamatan=data.get("kecamatan"),
            email=data.get("email", ""),
        )
        for kolom, pesan in services_akun.periksa_akun_baru(oleh=self.oleh, akun=self.akun).items():
            self.add_error(kolom, pesan)
        return data


class AkunUbahForm(forms.Form):
    """Name, role, kecamatan and email of an existing account; what they may be is
    ``services_akun.periksa_ubahan_akun``, shown next to each field."""

    nama_lengkap = AkunTambahForm.base_fields["nama_lengkap"]
    peran = AkunTambahForm.base_fields["peran"]
    kecamatan = AkunTambahForm.base_fields["kecamatan"]
    email = AkunTambahForm.base_fields["email"]

    def __init__(self, *args, oleh, **kwargs):
        super().__init__(*args, **kwargs)
        self.oleh = oleh
        self.fields["kecamatan"].queryset = selectors_akun.kecamatan_kabupaten(oleh=oleh)

    @staticmethod
    def awal(pengguna) -> dict:
        return {
            "nama_lengkap": pengguna.get_full_name(),
            "peran": pengguna.peran,
            "kecamatan": pengguna.kecamatan_id,
            "email": pengguna.email,
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.akun = UbahanAkun(
            nama_lengkap=data["nama_lengkap"].strip(),
            peran=data["peran"],
            kecamatan=data.get("kecamatan"),
            email=data.get("email", ""),
        )
        for kolom, pesan in services_akun.periksa_ubahan_akun(
            oleh=self.oleh, akun=self.akun
        ).items():
            self.add_error(kolom, pesan)
        return data


class AkunSaringForm(forms.Form):
    """The list's filters (GET): an unknown value is simply not applied."""

    kecamatan = forms.ModelChoiceField(
        label="Kecamatan", queryset=None, required=False, empty_label="Semua kecamatan"
    )
    peran = forms.ChoiceField(
        label="Peran", required=False, choices=[("", "Semua peran"), *Peran.choices]
    )
    aktif = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Aktif dan nonaktif"), ("1", "Aktif"), ("0", "Nonaktif")],
    )

    def __init__(self, *args, oleh, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = selectors_akun.kecamatan_kabupaten(oleh=oleh)

    def saringan(self) -> dict:
        if not self.is_valid():
            return {}
        aktif = self.cleaned_data["aktif"]
        return {
            "kecamatan": self.cleaned_data["kecamatan"],
            "peran": self.cleaned_data["peran"],
            "aktif": None if aktif == "" else aktif == "1",
        }


class AkunPilihForm(forms.Form):
    """The account a row's button acts on, within the admin's kabupaten."""

    pengguna = forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": "Pilih akun yang akan diubah.",
            "invalid_choice": "Akun tidak ditemukan di kabupaten Anda.",
        },
    )

    def __init__(self, *args, oleh, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengguna"].queryset = selectors_akun.akun_kabupaten(oleh=oleh)
