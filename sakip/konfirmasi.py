"""Irreversible actions: say before acting what they lock and what is missing, act only when
confirmed, and never lose what was typed.

Every workflow step that cannot be taken back (ajukan, tetapkan, verifikasi, kembalikan) is a
POST that first answers with a confirmation page: what the step will lock, what is still
missing (as links), and, when a condition of the step itself is not met, why it cannot be
taken. Only the same POST sent again with ``konfirmasi=1`` acts, so a single click or a
hand-made request never locks anything by itself.

The action button of an entry page submits the page's form with it (``formaction``), and the
step refuses while what the form holds differs from what is stored (``isian_berubah``): a
value typed but not saved is never silently left behind by the step, and it stays in the
form with the refusal. The stored values' fingerprint (``sakip.konkurensi.sidik``) travels
with the form and the confirmation, so a change made by someone else in between refuses the
step too.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django import forms
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from sakip.penguncian import TransisiDitolak

KOLOM = "konfirmasi"
PESAN_BELUM_DISIMPAN = (
    "Ada isian yang belum disimpan ({daftar}). Tidak ada yang {aksi}: simpan perubahan "
    "lebih dulu (isian Anda masih ada di bawah), lalu ulangi."
)


@dataclass(frozen=True)
class Kekurangan:
    """One thing still missing, with the page where it is filled (``tautan``)."""

    pesan: str
    tautan: str = ""
    menghalangi: bool = False  # the step cannot be taken while it is missing


class BelumLengkap(TransisiDitolak):
    """A step refused because of what is still missing; each item names it and links to it."""

    def __init__(self, pesan: str, kekurangan: Sequence[Kekurangan]):
        self.kekurangan = list(kekurangan)
        self.judul = pesan
        rincian = "; ".join(k.pesan.rstrip(".") for k in self.kekurangan)
        super().__init__(f"{pesan} {rincian}." if rincian else pesan)


def jaga_lengkap(pesan: str, kekurangan: Iterable[Kekurangan]) -> None:
    """Refuse with ``BelumLengkap`` when any item blocks the step."""
    menghalangi = [k for k in kekurangan if k.menghalangi]
    if menghalangi:
        raise BelumLengkap(pesan, menghalangi)


@dataclass
class Ringkasan:
    """What the confirmation page says before an irreversible step."""

    judul: str  # "Ajukan Realisasi Triwulan I 2025 ke Bappeda?"
    tombol: str  # the label of the confirming button: "Ya, ajukan"
    url_batal: str
    dikunci: list[str] = field(default_factory=list)  # what the step locks
    kekurangan: list[Kekurangan] = field(default_factory=list)
    data: list[tuple[str, str]] = field(default_factory=list)  # the values acted on
    tautan_data: str = ""  # the page with the values, for a decision made elsewhere

    @property
    def menghalangi(self) -> list[Kekurangan]:
        return [k for k in self.kekurangan if k.menghalangi]

    @property
    def informasi(self) -> list[Kekurangan]:
        return [k for k in self.kekurangan if not k.menghalangi]


def dikonfirmasi(data: Mapping) -> bool:
    return data.get(KOLOM) == "1"


def halaman_konfirmasi(request, ringkasan: Ringkasan, **konteks) -> TemplateResponse:
    """The confirmation page: the summary and a form that sends the same POST again, with
    ``konfirmasi=1`` (every field carried as it was, the typed values and the fingerprint
    included)."""
    bawaan = [
        (nama, nilai)
        for nama, daftar in request.POST.lists()
        if nama not in ("csrfmiddlewaretoken", KOLOM)
        for nilai in daftar
    ]
    return TemplateResponse(
        request,
        "bagian/konfirmasi.html",
        {"ringkasan": ringkasan, "bawaan": bawaan, "kolom": KOLOM, **konteks},
    )


def _teks(nilai) -> str:
    return "" if nilai is None else str(nilai).replace("\r\n", "\n").strip()


def isian_berubah(*daftar: forms.Form | forms.BaseFormSet | None) -> list[str]:
    """The labels of the fields of these bound forms whose submitted value differs from the
    stored one they were rendered with (``initial``); the fingerprint field is not a value.
    A formset's rows are compared the same way, field by field: a browser sends a textarea's
    line breaks as CRLF, which Django's own ``has_changed`` counts as a change."""
    hasil: list[str] = []
    for f in daftar:
        if f is None:
            continue
        if isinstance(f, forms.BaseFormSet):
            if any(_bidang_berubah(baris) for baris in f.forms):
                hasil.append("baris tabel")
            continue
        for label in _bidang_berubah(f):
            if label not in hasil:  # two rows of one measure: one label
                hasil.append(label)
    return hasil


def _bidang_berubah(f: forms.Form) -> list[str]:
    hasil = []
    for nama, bidang in f.fields.items():
        if nama == "sidik" or bidang.disabled:
            continue
        bf = f[nama]
        awal = bf.initial
        kirim = bf.data
        if isinstance(bidang, forms.MultipleChoiceField):
            berubah = bidang.has_changed(awal, kirim)
        else:
            berubah = _teks(_awal_teks(bidang, awal)) != _teks(kirim)
            if berubah:
                # A value written differently but meaning the same is not a change.
                berubah = bidang.has_changed(awal, kirim)
        if berubah:
            hasil.append(str(bidang.label or nama))
    return hasil


def _awal_teks(bidang: forms.Field, awal) -> str:
    if awal is None:
        return ""
    try:
        return bidang.widget.format_value(awal) or ""
    except (TypeError, ValueError):
        return str(awal)


def pesan_tolak(e: Exception) -> str:
    """A refused step as the page's message: what is missing links to where it is filled."""
    if not isinstance(e, BelumLengkap):
        return str(e)
    return format_html(
        "{} {}",
        e.judul,
        format_html_join(
            " ",
            "{}{}",
            (
                (k.pesan, format_html(' <a href="{}">Buka</a>', k.tautan) if k.tautan else "")
                for k in e.kekurangan
            ),
        ),
    )


def pesan_belum_disimpan(label: Sequence[str], aksi: str) -> str:
    daftar = ", ".join(label[:5]) + (f" dan {len(label) - 5} lainnya" if len(label) > 5 else "")
    return PESAN_BELUM_DISIMPAN.format(daftar=daftar, aksi=aksi)
