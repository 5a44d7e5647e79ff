"""Nilai AKIP from the sub komponen scores of an LHE (sakip.kinerja.nilai_akip_dari_skor):
hand-computed examples, the weights, the bounds, and agreement with the LKE route."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import kinerja

D = Decimal


def skor(nilai: dict[str, tuple[str, str, str]]) -> dict:
    return {
        k: dict(zip(kinerja.SUB_KOMPONEN_AKIP, (D(x) for x in v), strict=True))
        for k, v in nilai.items()
    }


CONTOH = {
    "perencanaan": ("6", "7.5", "12"),
    "pengukuran": ("6", "6.75", "10.5"),
    "pelaporan": ("3", "3.6", "5.25"),
    "evaluasi": ("4", "5", "8.5"),
}


def test_bobot_sub_komponen():
    assert kinerja.bobot_sub_komponen_akip("perencanaan", "keberadaan") == D(6)
    assert kinerja.bobot_sub_komponen_akip("pelaporan", "kualitas") == D("4.5")
    assert kinerja.bobot_sub_komponen_akip("evaluasi", "pemanfaatan") == D("12.5")
    total = sum(
        kinerja.bobot_sub_komponen_akip(k, s)
        for k in kinerja.KOMPONEN_AKIP
        for s in kinerja.SUB_KOMPONEN_AKIP
    )
    assert total == D(100)


def test_contoh_dihitung_tangan():
    hasil = kinerja.nilai_akip_dari_skor(skor(CONTOH))
    assert hasil.per_komponen == {
        "perencanaan": D("25.5"),
        "pengukuran": D("23.25"),
        "pelaporan": D("11.85"),
        "evaluasi": D("17.5"),
    }
    assert hasil.nilai == D("78.10")
    assert (hasil.predikat.kode, hasil.predikat.label) == ("BB", "Sangat Baik")


def test_nilai_penuh_dan_batas_predikat():
    penuh = {
        k: tuple(str(kinerja.bobot_sub_komponen_akip(k, s)) for s in kinerja.SUB_KOMPONEN_AKIP)
        for k in kinerja.KOMPONEN_AKIP
    }
    assert kinerja.nilai_akip_dari_skor(skor(penuh)).nilai == D(100)
    # 80 is A's lower bound, exclusive: 80,5 is A, exactly 80 is BB.
    di_atas = dict(CONTOH, evaluasi=("5", "7.5", "7.4"))
    hasil = kinerja.nilai_akip_dari_skor(skor(di_atas))
    assert hasil.nilai == D("80.5") and hasil.predikat.kode == "A"
    tepat = dict(CONTOH, evaluasi=("5", "7.5", "6.9"))
    assert kinerja.nilai_akip_dari_skor(skor(tepat)).nilai == D(80)
    assert kinerja.nilai_akip_dari_skor(skor(tepat)).predikat.kode == "BB"


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"perencanaan": ("6.5", "7.5", "12")}, "harus antara 0 dan 6 (bobotnya), bukan 6,5"),
        ({"pelaporan": ("3", "-0.1", "5")}, "harus antara 0 dan 4,5"),
    ],
)
def test_skor_di_luar_bobot_ditolak(ubah, pesan):
    with pytest.raises(ValueError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        kinerja.nilai_akip_dari_skor(skor(dict(CONTOH, **ubah)))


def test_komponen_atau_sub_komponen_kurang_ditolak():
    data = skor(CONTOH)
    del data["evaluasi"]
    with pytest.raises(ValueError, match="Komponen AKIP belum diisi: evaluasi"):
        kinerja.nilai_akip_dari_skor(data)
    data = skor(CONTOH)
    del data["pengukuran"]["kualitas"]
    with pytest.raises(ValueError, match="belum diisi: kualitas"):
        kinerja.nilai_akip_dari_skor(data)
    data = skor(CONTOH)
    data["pelaporan"]["kualitas"] = 3.6
    with pytest.raises(ValueError, match="float"):
        kinerja.nilai_akip_dari_skor(data)


JAWABAN = st.sampled_from(sorted(kinerja.NILAI_JAWABAN_LKE))


@given(
    st.fixed_dictionaries(
        {
            k: st.fixed_dictionaries(
                {s: st.lists(JAWABAN, min_size=1, max_size=6) for s in kinerja.SUB_KOMPONEN_AKIP}
            )
            for k in kinerja.KOMPONEN_AKIP
        }
    )
)
def test_sama_dengan_jalur_lke(jawaban):
    """Scoring the LKE answers per sub komponen, then summing the scores, gives the same
    Nilai and predikat as the LKE route."""
    lke = kinerja.nilai_akip(jawaban)
    per_sub = {
        k: {
            s: kinerja.nilai_akip({**jawaban_satu_sub(jawaban, k, s)}).per_komponen[k]
            for s in kinerja.SUB_KOMPONEN_AKIP
        }
        for k in kinerja.KOMPONEN_AKIP
    }
    hasil = kinerja.nilai_akip_dari_skor(per_sub)
    assert hasil.nilai == lke.nilai
    assert hasil.predikat == lke.predikat


def jawaban_satu_sub(jawaban, komponen, sub):
    """Only one sub komponen answered as given; every other answer 0 (T)."""
    return {
        k: {s: (jawaban[k][s] if (k, s) == (komponen, sub) else ["T"]) for s in v}
        for k, v in jawaban.items()
    }
