"""Forms of the budget pages: they only validate; perjanjian.services writes."""

from decimal import Decimal

from django import forms

from iku.models import Sasaran
from perjanjian.models import (
    IndikatorProgram,
    Kegiatan,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from perjanjian.selectors.anggaran import PohonAnggaran
from perjanjian.selectors.turunan import keterangan_sumber
from perjanjian.services.anggaran import KOLOM_PAGU, PERIODE, pesan_sasaran_ganda
from perjanjian.services.realisasi import pesan_dihitung
from sakip.format_id import format_angka
from sakip.isian import IsianLengkap, NilaiField, UangField
from sakip.konkurensi import SidikField


def teks_uang(nilai: Decimal | None) -> str:
    """A stored amount as people write it in a cell: "2.255.288.887", "92.600.000,40"."""
    if nilai is None:
        return ""
    return format_angka(nilai, 0 if nilai == nilai.to_integral_value() else 2)


LABEL_KOLOM = {
    "pagu_awal": "Pagu sebelum perubahan",
    "pagu_pergeseran": "Pagu setelah pergeseran",
    "pagu_perubahan": "Pagu sesudah perubahan",
    **{p.value: f"Realisasi {p.label}" for p in PERIODE},
}
KOLOM_ISIAN = (*KOLOM_PAGU, *(p.value for p in PERIODE))
JENIS_BELANJA = SubKegiatan._meta.get_field("jenis_belanja").choices


class AnggaranForm(IsianLengkap, forms.Form):
    """One cell per pagu column and realisasi period of every sub kegiatan of the year.

    Locked cells (``kunci``: column → reason) are disabled: what is posted for them is
    ignored and the stored value kept; the model guard would refuse a change anyway.
    """

    sidik = SidikField()

    def __init__(self, *args, pohon: PohonAnggaran, kunci: dict[str, str], sidik: str, **kw):
        super().__init__(*args, **kw)
        self.fields["sidik"].initial = sidik
        self.kunci = kunci
        self.sub_kegiatan = [s.objek for s in pohon.baris() if s.tingkat == "sub_kegiatan"]
        for sub in self.sub_kegiatan:
            realisasi = {r.periode: r.jumlah for r in sub.realisasi.all()}
            for kolom in KOLOM_ISIAN:
                nilai = getattr(sub, kolom) if kolom in KOLOM_PAGU else realisasi.get(kolom)
                model = SubKegiatan if kolom in KOLOM_PAGU else RealisasiAnggaran
                field = UangField(
                    kolom=model._meta.get_field(kolom if kolom in KOLOM_PAGU else "jumlah"),
                    label=f"{LABEL_KOLOM[kolom]} {sub.kode}",
                    required=kolom == "pagu_awal",
                    initial=teks_uang(nilai),
                    disabled=kolom in kunci,
                    error_messages={
                        "required": "Wajib diisi; tulis 0 bila tidak ada anggaran.",
                    },
                )
                field.widget.attrs["placeholder"] = "–"
                # The cell's column and row, for a screen reader (the table shows them apart).
                field.widget.attrs["aria-label"] = f"{LABEL_KOLOM[kolom]}: {sub.kode} {sub.nama}"
                self.fields[self.nama(sub, kolom)] = field
            self.fields[self.nama(sub, "jenis_belanja")] = forms.ChoiceField(
                label=f"Jenis belanja {sub.kode}",
                choices=[("", "– jenis belanja –"), *JENIS_BELANJA],
                required=False,
                initial=sub.jenis_belanja,
                widget=forms.Select(attrs={"aria-label": f"Jenis belanja: {sub.kode} {sub.nama}"}),
            )

    def clean(self):
        """A locked cell whose value was changed anyway (e.g. the PK was approved while the
        page was open) is refused with its reason rather than silently dropped."""
        data = super().clean()
        for sub in self.sub_kegiatan:
            for kolom, alasan in self.kunci.items():
                nama = self.nama(sub, kolom)
                dikirim = self.data.get(self.add_prefix(nama))
                if dikirim is None or nama not in self.fields:
                    continue
                field = self.fields[nama]
                try:
                    berubah = field.to_python(dikirim) != field.to_python(field.initial)
                except forms.ValidationError:
                    berubah = True
                if berubah:
                    self.add_error(nama, f"Terkunci: {alasan}")
        return data

    @staticmethod
    def nama(sub: SubKegiatan, kolom: str) -> str:
        return f"s{sub.id}_{kolom}"

    def sel(self, sub: SubKegiatan) -> list:
        return [self[self.nama(sub, k)] for k in KOLOM_ISIAN]

    def jenis(self, sub: SubKegiatan):
        return self[self.nama(sub, "jenis_belanja")]

    def isian(self) -> dict[int, dict]:
        return {
            sub.id: {
                **{k: self.cleaned_data[self.nama(sub, k)] for k in KOLOM_ISIAN},
                "jenis_belanja": self.cleaned_data[self.nama(sub, "jenis_belanja")],
            }
            for sub in self.sub_kegiatan
        }


def label_sasaran(s: Sasaran) -> str:
    return f"Sasaran {s.kode} ({s.tujuan.renstra.nama}): {s.uraian}"


class _KodeUnik:
    """Codes are unique within their parent: say so next to the field, not as a crash."""

    def _kode_unik(self, qs, kode: str) -> str:
        if qs.filter(kode=kode).exists():
            raise forms.ValidationError(f"Kode {kode} sudah dipakai.")
        return kode


class ProgramForm(_KodeUnik, forms.ModelForm):
    class Meta:
        model = Program
        fields = ["kode", "nama", "sasaran", "faktor_pendorong", "faktor_penghambat"]
        widgets = {
            "sasaran": forms.CheckboxSelectMultiple,
            "faktor_pendorong": forms.Textarea(attrs={"rows": 2}),
            "faktor_penghambat": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, kecamatan, tahun, sasaran, ringkas=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan, self.tahun = kecamatan, tahun
        f = self.fields["sasaran"]
        f.queryset = sasaran
        f.label_from_instance = label_sasaran
        f.help_text = "Sasaran Renstra yang berlaku tahun ini yang didukung program ini."
        if ringkas:
            del self.fields["faktor_pendorong"], self.fields["faktor_penghambat"]
        # On the program's own page: the sasaran each of its kegiatan serves.
        self.kegiatan = []
        if self.instance.pk and not ringkas:
            self.kegiatan = list(self.instance.kegiatan.prefetch_related("sasaran"))
        for k in self.kegiatan:
            self.fields[f"kegiatan_{k.id}"] = _field_sasaran_kegiatan(
                sasaran,
                label=f"Sasaran kegiatan {k.kode} {k.nama}",
                initial=[x.id for x in k.sasaran.all()],
            )

    def clean(self):
        data = super().clean()
        for k in self.kegiatan:
            pesan = pesan_sasaran_ganda(data.get(f"kegiatan_{k.id}") or [])
            if pesan:
                self.add_error(f"kegiatan_{k.id}", pesan)
        return data

    def sasaran_kegiatan(self) -> dict[int, list[Sasaran]]:
        return {k.id: list(self.cleaned_data[f"kegiatan_{k.id}"]) for k in self.kegiatan}

    def clean_kode(self):
        kode = self.cleaned_data["kode"].strip()
        qs = Program.objects.filter(kecamatan=self.kecamatan, tahun=self.tahun)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        return self._kode_unik(qs, kode)


def _field_sasaran_kegiatan(sasaran, **kwargs) -> forms.ModelMultipleChoiceField:
    f = forms.ModelMultipleChoiceField(
        queryset=sasaran,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Kosongkan bila kegiatan ini mendukung semua sasaran programnya. Satu sasaran per "
            "Renstra: anggaran kegiatan dihitung sekali per sasaran."
        ),
        **kwargs,
    )
    f.label_from_instance = label_sasaran
    return f


class KegiatanForm(_KodeUnik, forms.Form):
    program = forms.ModelChoiceField(queryset=None, label="Program", empty_label=None)
    kode = forms.CharField(label="Kode kegiatan", max_length=30)
    nama = forms.CharField(label="Nama kegiatan", max_length=255)

    def __init__(self, *args, program, sasaran=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = program
        self.fields["program"].error_messages["invalid_choice"] = "Pilih program tahun ini."
        if sasaran is not None:
            self.fields["sasaran"] = _field_sasaran_kegiatan(sasaran, label="Sasaran kegiatan")

    def clean(self):
        data = super().clean()
        pesan = pesan_sasaran_ganda(data.get("sasaran") or [])
        if pesan:
            self.add_error("sasaran", pesan)
        if data.get("program") and data.get("kode"):
            try:
                self._kode_unik(Kegiatan.objects.filter(program=data["program"]), data["kode"])
            except forms.ValidationError as e:
                self.add_error("kode", e)
        return data


class SubKegiatanForm(_KodeUnik, forms.Form):
    kegiatan = forms.ModelChoiceField(queryset=None, label="Kegiatan", empty_label=None)
    kode = forms.CharField(label="Kode sub kegiatan", max_length=30)
    nama = forms.CharField(label="Nama sub kegiatan", max_length=255)
    jenis_belanja = forms.ChoiceField(
        label="Jenis belanja",
        choices=[("", "– belum dipilih –"), *JENIS_BELANJA],
        required=False,
    )

    def __init__(self, *args, kegiatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kegiatan"].queryset = kegiatan
        self.fields["kegiatan"].error_messages["invalid_choice"] = "Pilih kegiatan tahun ini."

    def clean(self):
        data = super().clean()
        if data.get("kegiatan") and data.get("kode"):
            try:
                self._kode_unik(SubKegiatan.objects.filter(kegiatan=data["kegiatan"]), data["kode"])
            except forms.ValidationError as e:
                self.add_error("kode", e)
        return data


# --- program / kegiatan indicators of a PK --------------------------------------------------

JUMLAH_BARIS_BARU = 3


# The sources of IndikatorProgram.sumber_realisasi; a typed one is typed on this page.
PILIHAN_SUMBER = [
    (v, "Diketik di halaman ini" if v == IndikatorProgram().sumber_realisasi else label)
    for v, label in IndikatorProgram._meta.get_field("sumber_realisasi").choices
]


def _kolom_indikator(prefix: str, wajib: bool, baris: str) -> dict[str, forms.Field]:
    """The cells of one indicator row; each input named for a screen reader by its column and
    its row (``baris``), since the table's headers are not labels."""
    kolom = {
        f"{prefix}_uraian": forms.CharField(
            label="Indikator",
            max_length=255,
            required=wajib,
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
        f"{prefix}_satuan": forms.CharField(label="Satuan", max_length=50, required=wajib),
        f"{prefix}_target": NilaiField(
            kolom=IndikatorProgram._meta.get_field("target"),
            label="Target",
            huruf_boleh=False,
            required=wajib,
        ),
        f"{prefix}_realisasi": NilaiField(
            kolom=IndikatorProgram._meta.get_field("realisasi"),
            label="Realisasi",
            huruf_boleh=False,
            required=False,
        ),
        f"{prefix}_sumber": forms.ChoiceField(
            label="Sumber realisasi",
            choices=PILIHAN_SUMBER,
            initial=IndikatorProgram._meta.get_field("sumber_realisasi").default,
            required=False,
        ),
    }
    for field in kolom.values():
        field.widget.attrs["aria-label"] = f"{field.label}: {baris}"
    return kolom


KOLOM = ("uraian", "satuan", "target", "realisasi", "sumber")


class IndikatorProgramForm(forms.Form):
    """The indicators of a PK's programs, kegiatan and sub kegiatan, plus a few empty rows to
    add new ones; saved together or not at all."""

    sidik = SidikField()

    def __init__(self, *args, indikator, simpul, sidik: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        self.fields["sidik"].initial = sidik
        for i in indikator:
            kolom = _kolom_indikator(f"i{i.id}", wajib=True, baris=i.uraian)
            awal = {"uraian": i.uraian, "satuan": i.satuan, "target": i.target}
            awal.update(realisasi=i.realisasi, sumber=i.sumber_realisasi)
            for nama, field in kolom.items():
                field.initial = awal[nama.rsplit("_", 1)[1]]
                self.fields[nama] = field
            if i.dihitung:
                # Computed (perjanjian.selectors.turunan): shown, never an input; a value
                # posted anyway is not read here and is refused by the service.
                del self.fields[f"i{i.id}_realisasi"]
            self.fields[f"i{i.id}_hapus"] = forms.BooleanField(
                label="Hapus",
                required=False,
                widget=forms.CheckboxInput(attrs={"aria-label": f"Hapus: {i.uraian}"}),
            )
        self.simpul = {kunci_simpul(s.objek): s.objek for s in simpul}
        pilihan = [("", "— pilih program / kegiatan / sub kegiatan —")]
        pilihan += [
            (kunci_simpul(s.objek), f"{TINGKAT[s.tingkat]} {s.objek.kode} {s.objek.nama}")
            for s in simpul
        ]
        for n in range(JUMLAH_BARIS_BARU):
            baris = f"baris baru {n + 1}"
            self.fields[f"baru{n}_tingkat"] = forms.ChoiceField(
                label="Untuk",
                choices=pilihan,
                required=False,
                widget=forms.Select(attrs={"aria-label": f"Untuk: {baris}"}),
            )
            self.fields.update(_kolom_indikator(f"baru{n}", wajib=False, baris=baris))

    def baris(self, i) -> dict:
        """The cells of an indicator's row by column (no ``realisasi`` for a derived one)."""
        return {k: self[f"i{i.id}_{k}"] for k in (*KOLOM, "hapus") if f"i{i.id}_{k}" in self.fields}

    def baris_baru(self) -> list[list]:
        return [
            [self[f"baru{n}_{k}"] for k in ("tingkat", *KOLOM)] for n in range(JUMLAH_BARIS_BARU)
        ]

    def clean(self):
        data = super().clean()
        for i in self.indikator:
            # A derived indicator has no input; a value posted for it anyway is refused.
            if i.dihitung and (self.data.get(f"i{i.id}_realisasi") or "").strip():
                self.add_error(
                    None, pesan_dihitung(i.uraian, keterangan_sumber(i.sumber_realisasi))
                )
        for n in range(JUMLAH_BARIS_BARU):
            isi = {
                k: data.get(f"baru{n}_{k}")
                for k in ("tingkat", "uraian", "satuan", "target", "realisasi")
            }
            if not any(isi.values()):
                continue
            sumber = data.get(f"baru{n}_sumber")
            if isi["realisasi"] and sumber and sumber != IndikatorProgram().sumber_realisasi:
                self.add_error(
                    f"baru{n}_realisasi",
                    pesan_dihitung(isi["uraian"] or "", keterangan_sumber(sumber)),
                )
            for k in ("tingkat", "uraian", "satuan", "target"):
                if not isi[k] and not self.has_error(f"baru{n}_{k}"):
                    self.add_error(f"baru{n}_{k}", "Wajib diisi untuk menambah indikator.")
        return data

    def ubah(self) -> dict[int, dict]:
        hasil = {}
        for i in self.indikator:
            nilai = {
                k: self.cleaned_data[f"i{i.id}_{k}"]
                for k in ("uraian", "satuan", "target", "realisasi")
                if f"i{i.id}_{k}" in self.fields
            }
            nilai["sumber_realisasi"] = self.cleaned_data[f"i{i.id}_sumber"]
            hasil[i.id] = nilai
        return hasil

    def hapus(self) -> set[int]:
        return {i.id for i in self.indikator if self.cleaned_data[f"i{i.id}_hapus"]}

    def tambah(self) -> list[dict]:
        hasil = []
        for n in range(JUMLAH_BARIS_BARU):
            tingkat = self.cleaned_data.get(f"baru{n}_tingkat")
            if not tingkat:
                continue
            objek = self.simpul[tingkat]
            baris = {
                k: self.cleaned_data[f"baru{n}_{k}"]
                for k in ("uraian", "satuan", "target", "realisasi")
            }
            baris["sumber_realisasi"] = self.cleaned_data[f"baru{n}_sumber"]
            baris[TINGKAT_FIELD[type(objek)]] = objek
            hasil.append(baris)
        return hasil


TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
TINGKAT_FIELD = {Program: "program", Kegiatan: "kegiatan", SubKegiatan: "sub_kegiatan"}


def kunci_simpul(objek) -> str:
    return f"{TINGKAT_FIELD[type(objek)]}-{objek.id}"


def kunci_indikator(i) -> str:
    """The node key of an IndikatorProgram, from its ids (no query)."""
    for nama in ("program", "kegiatan", "sub_kegiatan"):
        if getattr(i, f"{nama}_id"):
            return f"{nama}-{getattr(i, f'{nama}_id')}"
    return ""
