"""How numbers, rupiah, typed values, NIP and dates look in every table and signed document."""

import re
from datetime import date, datetime
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.format_id import (
    NAMA_BULAN,
    TANPA_NILAI,
    format_angka,
    format_nilai,
    format_nip,
    format_persen,
    format_rupiah,
    format_tanggal,
)
from sakip.kinerja import Nilai, bulatkan, capaian, parse_nilai, serapan


class TestKencong2025AsPrinted:
    def test_ikm_capaian(self):
        assert format_persen(capaian(D("92.5"), D("92.33"))) == "99,82%"

    def test_total_budget_and_absorption(self):
        pagu, realisasi = D("3920691860.40"), D("3067535140")
        assert format_rupiah(pagu) == "Rp 3.920.691.860,40"
        assert format_rupiah(realisasi) == "Rp 3.067.535.140,00"
        assert format_persen(serapan(pagu, realisasi)) == "78,24%"

    def test_nilai_sakip_as_typed(self):
        assert format_nilai(parse_nilai("A (80,41)")) == "A (80,41)"
        assert format_nilai(parse_nilai("B (67)")) == "B (67)"

    def test_camat_signature(self):
        assert format_nip("197302062003121002") == "19730206 200312 1 002"
        assert format_tanggal(date(2025, 2, 10)) == "10 Februari 2025"


class TestFormatAngka:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("1234.56"), "1.234,56"),
            (D("3920691860.4"), "3.920.691.860,40"),
            (D("999.999"), "1.000,00"),
            (D("100"), "100,00"),
            (D("0"), "0,00"),
            (D("0.125"), "0,13"),
            (D("99.815"), "99,82"),
            (D("-1234.56"), "-1.234,56"),
            (D("-0.125"), "-0,13"),
            (D("-0.001"), "0,00"),  # rounds to zero: no lone minus sign
            (D("1E+3"), "1.000,00"),
            (1234, "1.234,00"),
        ],
    )
    def test_dot_for_thousands_comma_for_decimals_rounded_half_up(self, nilai, hasil):
        assert format_angka(nilai) == hasil

    def test_number_of_decimals(self):
        assert format_angka(D("92.333"), desimal=0) == "92"
        assert format_angka(D("2.5"), desimal=0) == "3"
        assert format_angka(D("4.5678"), desimal=3) == "4,568"

    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("92.50"), "92,5"),
            (D("100.00"), "100"),
            (D("92.33"), "92,33"),
            (D("1234.5"), "1.234,5"),
            (D("-3.50"), "-3,5"),
            (D("92.335"), "92,34"),
        ],
    )
    def test_trailing_zeros_dropped_as_people_write_targets(self, nilai, hasil):
        assert format_angka(nilai, buang_nol=True) == hasil

    def test_not_computable_is_a_dash_never_zero(self):
        assert format_angka(None) == "–"
        assert TANPA_NILAI == "\u2013"

    def test_float_is_refused(self):
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            format_angka(92.5)


class TestFormatPersenDanRupiah:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("99.8162"), "99,82%"),
            (D("120.0149"), "120,01%"),
            (D("100"), "100,00%"),
            (D("-5.5"), "-5,50%"),
            (None, "–"),
        ],
    )
    def test_persen(self, nilai, hasil):
        assert format_persen(nilai) == hasil

    def test_persen_with_other_decimals(self):
        assert format_persen(D("71.11"), desimal=0) == "71%"

    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("3920691860.40"), "Rp 3.920.691.860,40"),
            (D("68661200"), "Rp 68.661.200,00"),
            (D("-1500"), "Rp -1.500,00"),
            (None, "–"),
        ],
    )
    def test_rupiah(self, nilai, hasil):
        assert format_rupiah(nilai) == hasil

    def test_rupiah_without_cents(self):
        assert format_rupiah(D("68661200"), desimal=0) == "Rp 68.661.200"


class TestFormatNilai:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (Nilai(D("67"), huruf="B"), "B (67)"),
            (Nilai(D("80.41"), huruf="A"), "A (80,41)"),
            (Nilai(D("72.50"), huruf="BB"), "BB (72,5)"),
            (Nilai(D("4.2"), huruf="A-"), "A- (4,2)"),
            (Nilai(D("97.5"), satuan="%"), "97,5%"),
            (Nilai(D("4"), satuan="Dok"), "4 Dok"),
            (Nilai(D("12"), satuan="OB"), "12 OB"),
            (Nilai(D("92.33")), "92,33"),
            (Nilai(D("92.330")), "92,33"),
            (Nilai(D("1234.5")), "1.234,5"),
            (Nilai(D("0.125")), "0,125"),  # typed decimals are kept, not rounded away
            (Nilai(D("-3.5")), "-3,5"),
            (Nilai(D("3920691860.40"), satuan="Rp"), "Rp 3.920.691.860,40"),
            (Nilai(D("3067535140.00"), satuan="Rp"), "Rp 3.067.535.140"),
            (Nilai(D("1500.5"), satuan="Rp"), "Rp 1.500,50"),
            (None, "–"),
        ],
    )
    def test_shown_as_typed(self, nilai, hasil):
        assert format_nilai(nilai) == hasil

    @pytest.mark.parametrize(
        "teks",
        ["B (67)", "A (80,41)", "A- (4,2)", "97,5%", "4 Dok", "92,33", "1.234,5", "-3,5"],
    )
    def test_what_was_typed_comes_back(self, teks):
        assert format_nilai(parse_nilai(teks)) == teks

    def test_rupiah_typed_without_space_comes_back_with_one(self):
        assert format_nilai(parse_nilai("Rp3.920.691.860,40")) == "Rp 3.920.691.860,40"


class TestFormatNip:
    def test_eighteen_digits_are_grouped(self):
        assert format_nip("198507142010011003") == "19850714 201001 1 003"

    @pytest.mark.parametrize(
        "nip",
        ["19730206 200312 1 002", "19730206200312100", "1973020620031210023", "", "-", "NIP"],
    )
    def test_anything_else_is_left_alone(self, nip):
        assert format_nip(nip) == nip


class TestFormatTanggal:
    @pytest.mark.parametrize(
        ("tanggal", "hasil"),
        [
            (date(2025, 2, 10), "10 Februari 2025"),
            (date(2026, 1, 2), "2 Januari 2026"),
            (date(2025, 12, 31), "31 Desember 2025"),
            (datetime(2025, 8, 17, 9, 30), "17 Agustus 2025"),
        ],
    )
    def test_indonesian_month_names(self, tanggal, hasil):
        assert format_tanggal(tanggal) == hasil

    def test_every_month(self):
        assert [format_tanggal(date(2025, b, 1)).split()[1] for b in range(1, 13)] == list(
            NAMA_BULAN
        )
        assert NAMA_BULAN[4] == "Mei"

    def test_no_date_is_a_dash(self):
        assert format_tanggal(None) == "–"


# --- Properties ----------------------------------------------------------------------------------

ANGKA_2 = st.decimals(
    min_value=D("-1e12"), max_value=D("1e12"), allow_nan=False, allow_infinity=False, places=2
)
ANGKA_6 = st.decimals(
    min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False, allow_infinity=False, places=6
)
INDONESIA = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?")


@given(ANGKA_2)
def test_formatted_number_parses_back_to_itself(x):
    assert parse_nilai(format_angka(x, buang_nol=True)).angka == x


@given(ANGKA_6, st.integers(0, 4), st.booleans())
def test_always_comma_for_decimals_and_dots_for_thousands(x, desimal, buang_nol):
    teks = format_angka(x, desimal, buang_nol)
    assert INDONESIA.fullmatch(teks)
    if not buang_nol and desimal:
        assert len(teks.split(",")[1]) == desimal
    assert D(teks.replace(".", "").replace(",", ".")) == bulatkan(x, desimal)


@given(
    st.builds(
        Nilai,
        angka=st.decimals(
            min_value=D("-1e9"), max_value=D("1e9"), allow_nan=False, allow_infinity=False, places=4
        ),
        huruf=st.sampled_from(["A", "BB", "A-"]),
    )
    | st.builds(
        Nilai,
        angka=st.decimals(
            min_value=D("-1e9"), max_value=D("1e9"), allow_nan=False, allow_infinity=False, places=4
        ),
        satuan=st.sampled_from([None, "%", "Dok", "Orang Bulan"]),
    )
    | st.builds(
        Nilai,
        angka=st.decimals(
            min_value=D("0"), max_value=D("1e13"), allow_nan=False, allow_infinity=False, places=2
        ),
        satuan=st.just("Rp"),
    )
)
def test_formatted_nilai_parses_back_to_the_same_value(nilai):
    assert parse_nilai(format_nilai(nilai)) == nilai


@given(st.none() | ANGKA_6)
def test_formatting_never_fails_on_finite_input(x):
    hasil = [format_angka(x), format_persen(x), format_rupiah(x)]
    if x is None:
        assert hasil == ["–", "–", "–"]
    else:
        assert all("," in teks for teks in hasil)
