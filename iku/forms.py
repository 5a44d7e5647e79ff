"""Forms of the Renstra and IKU-decree pages: they validate what people type, with an
Indonesian message next to the field, and hand clean values to iku.services. None of them
saves anything itself."""

from django import forms
from django.core.exceptions import ValidationError

from iku import services
from iku.models import (
    KOLOM_KESELARASAN,
    KOLOM_LAMPIRAN,
    KOLOM_STRATEGI,
    KOLOM_TC25,
    Indikator,
    KeputusanIKU,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
    validate_kolom_lampiran,
)
from kecamatan.halaman import tahun_berjalan
from kecamatan.selectors import unit_kerja
from sakip.isian import IsianLengkap, NilaiField, NipField, TanggalField, TanggalInput
from sakip.kinerja import Nilai
from sakip.konkurensi import SidikField
from sakip.tahun import TAHUN_MAKS, TAHUN_MIN

PERIODE_MAKS = 10


def rapikan_baris(teks: str) -> str:
    """One item per line: trailing spaces and empty lines dropped, Windows line ends unified."""
    return "\n".join(b.strip() for b in (teks or "").splitlines() if b.strip())


# --- Renstra -----------------------------------------------------------------------------------


class RenstraForm(forms.ModelForm):
    salin_isi = forms.BooleanField(
        label="Salin tujuan, sasaran, indikator dan target dari Renstra asal",
        required=False,
        help_text=(
            "Untuk Renstra Perubahan: mulai dari isi Renstra yang direvisi, termasuk "
            "keselarasan dengan RPJMD dan strategi serta kebijakan tiap sasaran."
        ),
    )

    class Meta:
        model = Renstra
        fields = [
            "nama",
            "tahun_awal",
            "tahun_akhir",
            "tahun_baseline",
            "revisi_dari",
            "tanggal_penetapan",
            "sumber",
            "tanggal_verifikasi",
            *KOLOM_KESELARASAN,
        ]
        widgets = {
            "tanggal_penetapan": TanggalInput(),
            "tanggal_verifikasi": TanggalInput(),
            "rpjmd_visi": forms.Textarea(attrs={"rows": 2}),
            "rpjmd_tujuan": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"tanggal_penetapan": TanggalField, "tanggal_verifikasi": TanggalField}

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan = kecamatan
        pilihan = Renstra.objects.filter(kecamatan=kecamatan)
        # Printed by an approved LKIP: shown, not sent (the model refuses a change anyway).
        self.alasan_keselarasan = self.instance.pk and self.instance.alasan_keselarasan()
        if self.instance.pk:
            pilihan = pilihan.exclude(pk=self.instance.pk)
            del self.fields["salin_isi"]
        for kolom in KOLOM_KESELARASAN:
            self.fields[kolom].disabled = bool(self.alasan_keselarasan)
        self.fields["revisi_dari"].queryset = pilihan
        self.fields["revisi_dari"].empty_label = "— bukan revisi —"
        # Renstra.__str__ names the kecamatan (a query per option); the page already does.
        self.fields["revisi_dari"].label_from_instance = lambda r: r.nama
        for kolom in ("tahun_awal", "tahun_akhir", "tahun_baseline"):
            self.fields[kolom].widget.attrs.update(min=TAHUN_MIN, max=TAHUN_MAKS)

    def clean_nama(self):
        nama = " ".join(self.cleaned_data["nama"].split())
        lain = Renstra.objects.filter(kecamatan=self.kecamatan, nama__iexact=nama)
        if self.instance.pk:
            lain = lain.exclude(pk=self.instance.pk)
        if lain.exists():
            raise ValidationError("Kecamatan ini sudah memiliki Renstra dengan nama ini.")
        return nama

    def _tahun(self, kolom):
        nilai = self.cleaned_data.get(kolom)
        if nilai is not None and not TAHUN_MIN <= nilai <= TAHUN_MAKS:
            raise ValidationError(f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.")
        return nilai

    def clean_tahun_awal(self):
        return self._tahun("tahun_awal")

    def clean_tahun_akhir(self):
        return self._tahun("tahun_akhir")

    def clean_tahun_baseline(self):
        return self._tahun("tahun_baseline")

    def clean(self):
        data = super().clean()
        awal, akhir, dasar = (data.get(k) for k in ("tahun_awal", "tahun_akhir", "tahun_baseline"))
        if awal and akhir:
            if akhir < awal:
                self.add_error("tahun_akhir", "Tahun akhir tidak boleh sebelum tahun awal.")
            elif akhir - awal + 1 > PERIODE_MAKS:
                self.add_error("tahun_akhir", f"Periode Renstra paling lama {PERIODE_MAKS} tahun.")
        if awal and dasar and dasar > awal:
            self.add_error(
                "tahun_baseline", "Tahun kondisi awal tidak boleh setelah tahun awal Renstra."
            )
        if data.get("salin_isi") and not data.get("revisi_dari"):
            self.add_error("salin_isi", "Pilih dulu Renstra asal yang akan disalin.")
        return data

    def data_renstra(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.Meta.fields}


class TujuanForm(forms.ModelForm):
    class Meta:
        model = Tujuan
        fields = ["nomor", "uraian", *KOLOM_TC25]
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "rpjmd_sasaran": forms.Textarea(attrs={"rows": 2}),
            "rpjmd_indikator": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.renstra = renstra
        self.fields["kelompok"].choices = [("", "(tanpa kelompok)"), *Tujuan.Kelompok.choices]
        # Printed by an approved LKIP's TC 25: shown with the reason, not sent.
        if alasan := self.instance.pk and self.instance.alasan_tc25():
            for kolom in KOLOM_TC25:
                self.fields[kolom].disabled = True
                self.fields[kolom].help_text = alasan

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"]
        lain = Tujuan.objects.filter(renstra=self.renstra, nomor=nomor)
        if self.instance.pk:
            lain = lain.exclude(pk=self.instance.pk)
        if nomor < 1:
            raise ValidationError("Nomor dimulai dari 1.")
        if lain.exists():
            raise ValidationError(f"Nomor {nomor} sudah dipakai tujuan lain Renstra ini.")
        return nomor


class SasaranForm(forms.ModelForm):
    class Meta:
        model = Sasaran
        fields = ["nomor", "uraian", *KOLOM_STRATEGI]
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "strategi": forms.Textarea(attrs={"rows": 3}),
            "kebijakan": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, tujuan, **kwargs):
        super().__init__(*args, **kwargs)
        self.tujuan = tujuan
        # Printed by an approved LKIP: shown with the reason, not sent.
        alasan = self.instance.pk and self.instance.alasan_strategi()
        for kolom in KOLOM_STRATEGI:
            if alasan:
                self.fields[kolom].disabled = True
                self.fields[kolom].help_text = alasan

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"]
        lain = Sasaran.objects.filter(tujuan=self.tujuan, nomor=nomor)
        if self.instance.pk:
            lain = lain.exclude(pk=self.instance.pk)
        if nomor < 1:
            raise ValidationError("Nomor dimulai dari 1.")
        if lain.exists():
            raise ValidationError(
                f"Nomor {nomor} sudah dipakai sasaran lain pada tujuan {self.tujuan.nomor}."
            )
        return nomor


# --- indicators --------------------------------------------------------------------------------

UKURAN_BARU = "baru"


class IndikatorForm(forms.ModelForm):
    sidik = SidikField()

    class Meta:
        model = Indikator
        fields = [
            "nama",
            "satuan",
            "jenis",
            "polaritas",
            "metode_negatif",
            "skala_kategori",
            "sumber_realisasi",
            "formulasi",
            "definisi_operasional",
            "penanggung_jawab",
            "sumber_data",
            "urutan",
        ]
        widgets = {
            "formulasi": forms.Textarea(attrs={"rows": 3}),
            "definisi_operasional": forms.Textarea(attrs={"rows": 5}),
            "penanggung_jawab": forms.CheckboxSelectMultiple,
            "jenis": forms.RadioSelect,
            "polaritas": forms.RadioSelect,
        }
        help_texts = {
            "metode_negatif": "Dipakai hanya bila polaritasnya negatif.",
            "urutan": "Urutan indikator di bawah tujuan atau sasarannya.",
        }

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penanggung_jawab"].queryset = unit_kerja(kecamatan=kecamatan)
        self.fields["penanggung_jawab"].help_text = "Seksi atau sub bagian yang bertanggung jawab."
        self.fields["urutan"].required = False
        self.fields["urutan"].widget.attrs.update(min=1, max=99)
        # Not sent (an older form, a script): the indicator keeps its source, a new one is typed.
        self.fields["sumber_realisasi"].required = False

    def clean_nama(self):
        return " ".join(self.cleaned_data["nama"].split())

    def clean_sumber_realisasi(self):
        return self.cleaned_data.get("sumber_realisasi") or self.instance.sumber_realisasi

    def clean_urutan(self):
        urutan = self.cleaned_data.get("urutan")
        if urutan is not None and not 1 <= urutan <= 99:
            raise ValidationError("Urutan antara 1 dan 99.")
        return urutan

    def data_indikator(self) -> dict:
        data = {k: self.cleaned_data[k] for k in services.FIELD_INDIKATOR}
        if data["urutan"] is None:
            data["urutan"] = self.instance.urutan if self.instance.pk else None
        for k in ("formulasi", "definisi_operasional"):
            data[k] = "\n".join(b.rstrip() for b in data[k].splitlines()).strip()
        return data


class IndikatorBaruForm(IndikatorForm):
    ukuran = forms.ChoiceField(
        label="Ukuran (apa yang diukur)",
        help_text=(
            "Pilih ukuran bersama kabupaten bila indikator ini mengukur hal yang sama (mis. "
            "IKM), agar realisasinya tercatat sekali dan dapat dibandingkan antarkecamatan."
        ),
    )

    field_order = ["ukuran", "nama"]

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, kecamatan=kecamatan, **kwargs)
        del self.fields["sidik"]
        self.ukuran = {str(u.pk): u for u in services.ukuran_pilihan(kecamatan)}
        bersama = [(k, u.nama) for k, u in self.ukuran.items() if u.kecamatan_id is None]
        khusus = [(k, u.nama) for k, u in self.ukuran.items() if u.kecamatan_id is not None]
        pilihan = [(UKURAN_BARU, "Ukuran baru khusus kecamatan ini")]
        pilihan.append((f"Ukuran bersama Kabupaten {kecamatan.kabupaten.nama}", bersama))
        if khusus:
            pilihan.append((f"Ukuran khusus Kecamatan {kecamatan.nama}", khusus))
        self.fields["ukuran"].choices = pilihan
        self.fields["ukuran"].initial = UKURAN_BARU

    def ukuran_terpilih(self):
        """The chosen Ukuran, or None for a new one of this kecamatan."""
        kode = self.cleaned_data["ukuran"]
        return None if kode == UKURAN_BARU else self.ukuran[kode]


# --- the target grid ---------------------------------------------------------------------------


def _nilai(angka, huruf) -> Nilai | None:
    return None if angka is None else Nilai(angka, huruf or None)


class TargetGridForm(IsianLengkap, forms.Form):
    """Every cell of a Renstra's target table: baseline, each year, end target."""

    sidik = SidikField()

    def __init__(self, *args, indikator: list[Indikator], tahun: list[int], target, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator, self.tahun = indikator, tahun
        per_sel = {(t.indikator_id, t.tahun): t for t in target}
        for ind in indikator:
            self._sel(f"b_{ind.id}", f"Kondisi awal — {ind.nama}", ind.baseline, ind.baseline_huruf)
            for th in tahun:
                t = per_sel.get((ind.id, th))
                self._sel(
                    f"t_{ind.id}_{th}",
                    f"Target {th} — {ind.nama}",
                    t.nilai if t else None,
                    t.huruf if t else "",
                )
            self._sel(
                f"a_{ind.id}",
                f"Target akhir — {ind.nama}",
                ind.target_akhir,
                ind.target_akhir_huruf,
            )

    def _sel(self, nama, label, angka, huruf):
        # Baseline, yearly and end targets share one declaration (iku.models.NILAI).
        self.fields[nama] = NilaiField(
            kolom=TargetIndikator._meta.get_field("nilai"),
            label=label,
            required=False,
            initial=_nilai(angka, huruf),
        )
        self.fields[nama].widget.attrs.update({"aria-label": label, "class": "sel", "size": 7})

    def sel(self, ind: Indikator) -> tuple:
        """(baseline, [each year], end target) bound fields of one row."""
        return (
            self[f"b_{ind.id}"],
            [self[f"t_{ind.id}_{th}"] for th in self.tahun],
            self[f"a_{ind.id}"],
        )

    def isian(self) -> dict[int, services.IsianTarget]:
        d = self.cleaned_data
        return {
            ind.id: services.IsianTarget(
                baseline=d[f"b_{ind.id}"],
                target_akhir=d[f"a_{ind.id}"],
                tahunan={th: d[f"t_{ind.id}_{th}"] for th in self.tahun},
            )
            for ind in self.indikator
        }

    @property
    def jumlah_galat(self) -> int:
        return sum(1 for k in self.errors if k != "__all__")


# --- the IKU decree ----------------------------------------------------------------------------


class KolomLampiranField(forms.CharField):
    """The decree's lampiran columns typed one per line, "kunci: Judul" (``indikator: IKU``);
    stored as the [kunci, judul] list of KeputusanIKU.kolom_lampiran. Empty: the layout's."""

    widget = forms.Textarea(attrs={"rows": 7})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{k}: {judul}" for k, judul in value)
        return value

    def to_python(self, value):
        hasil = []
        for baris in (value or "").splitlines():
            if not baris.strip():
                continue
            kunci, titik2, judul = baris.partition(":")
            if not titik2:
                raise ValidationError(
                    f"Baris {baris.strip()!r}: tulis kunci kolom, titik dua, lalu judulnya "
                    "(mis. indikator: Indikator Kinerja Utama)."
                )
            hasil.append([kunci.strip(), judul.strip()])
        validate_kolom_lampiran(hasil)
        return hasil


class KeputusanForm(forms.ModelForm):
    sidik = SidikField()
    penandatangan_nip = NipField(label="NIP penandatangan")
    kolom_lampiran = KolomLampiranField(
        label="Kolom tabel lampiran",
        required=False,
        help_text="Satu kolom per baris, berurutan: kunci, titik dua, judul yang dicetak. "
        "Kunci: " + ", ".join(KOLOM_LAMPIRAN) + ". Kosong: kolom baku tata letaknya.",
    )

    class Meta:
        model = KeputusanIKU
        field_classes = {"tanggal": TanggalField}
        fields = list(services.FIELD_KEPUTUSAN)
        widgets = {
            "tanggal": TanggalInput(),
            "menimbang": forms.Textarea(attrs={"rows": 5}),
            "mengingat": forms.Textarea(attrs={"rows": 8}),
            "tembusan": forms.Textarea(attrs={"rows": 3}),
            "tugas": forms.Textarea(attrs={"rows": 4}),
            "fungsi": forms.Textarea(attrs={"rows": 4}),
            "penutup": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "menimbang": "Satu butir per baris (a, b, c … diberikan otomatis).",
            "mengingat": "Satu butir per baris (1, 2, 3 … diberikan otomatis).",
            "tembusan": "Satu penerima per baris.",
        }

    def __init__(self, *args, kecamatan, keputusan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kecamatan, self.keputusan = kecamatan, keputusan
        self.fields["nomor"].widget.attrs["placeholder"] = (
            f"mis. 000.7.2.7/32/{kecamatan.kode}/{tahun_berjalan()}"
        )
        if keputusan is None:
            del self.fields["sidik"]

    def clean_nomor(self):
        nomor = " ".join(self.cleaned_data["nomor"].split())
        lain = KeputusanIKU.objects.filter(kecamatan=self.kecamatan, nomor__iexact=nomor)
        if self.keputusan is not None:
            lain = lain.exclude(pk=self.keputusan.pk)
        if lain.exists():
            raise ValidationError("Nomor ini sudah dipakai keputusan lain kecamatan ini.")
        return nomor

    def _baris(self, kolom, wajib=True):
        teks = rapikan_baris(self.cleaned_data.get(kolom, ""))
        if wajib and not teks:
            raise ValidationError("Isi sekurang-kurangnya satu butir.")
        return teks

    def clean_menimbang(self):
        return self._baris("menimbang")

    def clean_mengingat(self):
        return self._baris("mengingat")

    def clean_tembusan(self):
        return self._baris("tembusan", wajib=False)

    def clean_tugas(self):
        return self._baris("tugas", wajib=False)

    def clean_fungsi(self):
        return self._baris("fungsi", wajib=False)

    def clean_tata_letak(self):
        tata_letak = self.cleaned_data["tata_letak"]
        if (
            self.keputusan is not None
            and tata_letak == KeputusanIKU.TataLetak.TUNGGAL
            and self.keputusan.indikator_lampiran.filter(lampiran=2).exists()
        ):
            raise ValidationError(services.PESAN_TUNGGAL)
        return tata_letak

    def data_keputusan(self) -> dict:
        return {k: self.cleaned_data[k] for k in services.FIELD_KEPUTUSAN}


class DiktumForm(forms.Form):
    isi = forms.CharField(
        label="Isi diktum", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class _DiktumFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.isi():
            raise ValidationError("Keputusan memerlukan sekurang-kurangnya satu diktum.")

    def isi(self) -> list[str]:
        hasil = []
        for f in self.forms:
            if self.can_delete and self._should_delete_form(f):
                continue
            teks = "\n".join(b.rstrip() for b in f.cleaned_data.get("isi", "").splitlines())
            if teks.strip():
                hasil.append(teks.strip())
        return hasil


DiktumFormSet = forms.formset_factory(
    DiktumForm, formset=_DiktumFormSet, extra=1, can_delete=True, max_num=20, validate_max=True
)


PILIHAN_LAMPIRAN = [
    ("", "Tidak dimuat"),
    ("1", "Lampiran 1 — IKU"),
    ("2", "Lampiran 2 — Indikator Kinerja Lainnya"),
]


class LampiranForm(forms.Form):
    """Which indicators of the Renstra the decree lists, and where."""

    sidik = SidikField()

    def __init__(self, *args, keputusan: KeputusanIKU, indikator: list[Indikator], baris, **kwargs):
        super().__init__(*args, **kwargs)
        self.keputusan, self.indikator = keputusan, indikator
        per_ind = {b.indikator_id: b for b in baris}
        for ind in indikator:
            b = per_ind.get(ind.id)
            self.fields[f"lampiran_{ind.id}"] = forms.ChoiceField(
                label=f"Lampiran — {ind.nama}",
                choices=PILIHAN_LAMPIRAN,
                required=False,
                initial=str(b.lampiran) if b else "",
            )
            self.fields[f"urutan_{ind.id}"] = forms.IntegerField(
                label=f"Urutan — {ind.nama}",
                required=False,
                min_value=1,
                max_value=99,
                initial=b.urutan if b else None,
            )
            self.fields[f"urutan_{ind.id}"].widget.attrs.update(
                {"aria-label": f"Urutan — {ind.nama}", "class": "urutan"}
            )
            self.fields[f"lampiran_{ind.id}"].widget.attrs["aria-label"] = f"Lampiran — {ind.nama}"

    def baris(self):
        """(indicator, lampiran field, urutan field) per row, in Renstra order."""
        return [(i, self[f"lampiran_{i.id}"], self[f"urutan_{i.id}"]) for i in self.indikator]

    def clean(self):
        data = super().clean()
        tunggal = self.keputusan.tata_letak == KeputusanIKU.TataLetak.TUNGGAL
        ada_iku = False
        for ind in self.indikator:
            lampiran = data.get(f"lampiran_{ind.id}")
            ada_iku |= lampiran == "1"
            if lampiran == "2" and tunggal:
                self.add_error(
                    f"lampiran_{ind.id}",
                    "Tata letak keputusan ini satu tabel: hanya Lampiran 1. Ubah tata letaknya "
                    "dulu bila ingin memakai Lampiran 2.",
                )
        if not ada_iku:
            raise ValidationError("Pilih sekurang-kurangnya satu indikator untuk Lampiran 1 (IKU).")
        return data

    def pilihan(self) -> dict[int, tuple[int, int | None]]:
        hasil = {}
        for ind in self.indikator:
            lampiran = self.cleaned_data.get(f"lampiran_{ind.id}")
            if lampiran:
                hasil[ind.id] = (int(lampiran), self.cleaned_data.get(f"urutan_{ind.id}"))
        return hasil
