"""The SAKIP arithmetic, told as the Kencong 2025 LKIP and the rules of DOMAIN.md.

Expected numbers come from the seeds (``/work/shared/seeds/004_…``, corrected where the seed
truncated instead of rounding) or from arithmetic written out next to the test.
"""

import re
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import kinerja
from sakip.kinerja import (
    ASPEK_IPP,
    KOMPONEN_AKIP,
    NILAI_JAWABAN_LKE,
    SKALA_BAWAAN,
    SKALA_IKM,
    SKALA_IPP,
    SKALA_KRITERIA_CAPAIAN,
    SKALA_PREDIKAT_SAKIP,
    SUB_KOMPONEN_AKIP,
    UNSUR_IKM,
    KategoriEfisiensi,
    Ketercapaian,
    MetodeNegatif,
    Nilai,
    Pita,
    Polaritas,
    Skala,
    Tren,
    arah_terakhir,
    bulatkan,
    capaian,
    capaian_terhadap_target_akhir,
    efisiensi,
    hitung_tercapai,
    ikm,
    ipp,
    kategori_ikm,
    kategori_ipp,
    kriteria,
    nilai_akip,
    nilai_form_ipp,
    nilai_unsur_ikm,
    parse_nilai,
    peringkat,
    persentase_tercapai,
    predikat_sakip,
    rata_rata,
    serapan,
    tren,
)

NEG = Polaritas.NEGATIF
SELISIH = MetodeNegatif.SELISIH
RASIO = MetodeNegatif.RASIO


def label(pita: Pita | None) -> str | None:
    return None if pita is None else pita.label


def kode(pita: Pita | None) -> str | None:
    return None if pita is None else pita.kode


# --- Kencong 2025: the acceptance values --------------------------------------------------------


class TestKencong2025:
    def test_ikm_against_the_pk_target_is_99_82_not_the_truncated_99_81(self):
        # Tabel 3.2 prints 99,81 %: 92,33 / 92,5 × 100 = 99,8162…, truncated by hand.
        assert bulatkan(capaian(D("92.5"), D("92.33"))) == D("99.82")

    def test_ikm_against_the_pk_perubahan_target_is_98_75(self):
        # Printed 98,74 % (truncated): 92,33 / 93,5 × 100 = 98,7486…
        assert bulatkan(capaian(D("93.5"), D("92.33"))) == D("98.75")

    def test_ikm_against_the_renstra_end_target_is_99_28(self):
        assert bulatkan(capaian_terhadap_target_akhir(D("93"), D("92.33"))) == D("99.28")

    def test_ipp_is_73_72_percent_and_sedang(self):
        hasil = capaian(D("4.3"), D("3.17"))
        assert bulatkan(hasil) == D("73.72")
        assert label(kriteria(hasil, SKALA_KRITERIA_CAPAIAN)) == "Sedang"

    def test_ipp_against_the_2029_end_target_is_67_88(self):
        assert bulatkan(capaian_terhadap_target_akhir(D("4.67"), D("3.17"))) == D("67.88")

    def test_nilai_sakip_typed_with_letters_is_120_01_sangat_tinggi(self):
        # The seed writes "B (67)" as target and "A (80,41)" as realisasi, and prints 120 %:
        # the number is computed, the letter only shown; no cap at 100.
        target = parse_nilai("B (67)")
        realisasi = parse_nilai("A (80,41)")
        hasil = capaian(target.angka, realisasi.angka)
        assert bulatkan(hasil) == D("120.01")
        assert label(kriteria(hasil, SKALA_KRITERIA_CAPAIAN)) == "Sangat Tinggi"

    def test_nilai_sakip_against_the_pk_perubahan_target_81_is_99_27(self):
        assert bulatkan(capaian(D("81"), D("80.41"))) == D("99.27")

    def test_total_budget_absorption_is_78_24(self):
        assert bulatkan(serapan(D("3920691860.40"), D("3067535140"))) == D("78.24")

    def test_penunjang_programme_absorption_is_71_11(self):
        assert bulatkan(serapan(D("2911311160.40"), D("2070116001"))) == D("71.11")

    def test_sasaran_met_with_71_percent_of_its_budget_is_efisien(self):
        # Tabel 3.7: "% indikator program yang tercapai" 92 of 92, budget 71,11 % absorbed.
        hasil = efisiensi(capaian(D("92"), D("92")), serapan(D("2911311160.40"), D("2070116001")))
        assert hasil.kategori is KategoriEfisiensi.EFISIEN
        assert hasil.kategori == "Efisien"
        assert bulatkan(hasil.capaian_kinerja) == D("100.00")
        assert bulatkan(hasil.serapan) == D("71.11")
        assert efisiensi(D("100"), D("71.11")).kategori is KategoriEfisiensi.EFISIEN

    def test_ikm_sasaran_below_target_is_tidak_efisien_even_though_it_spent_less(self):
        # Tabel 3.7: IKM 99,82 % achieved, budget 793.025.000 of 797.300.000 (99,46 %).
        anggaran = serapan(D("797300000"), D("793025000"))
        assert bulatkan(anggaran) == D("99.46")
        hasil = efisiensi(capaian(D("92.5"), D("92.33")), anggaran)
        assert hasil.kategori is KategoriEfisiensi.TIDAK_EFISIEN
        assert efisiensi(D("99.82"), D("99.46")).kategori == "Tidak Efisien"

    def test_nilai_sakip_80_41_is_predikat_a_memuaskan(self):
        assert kode(predikat_sakip(D("80.41"))) == "A"
        assert label(predikat_sakip(D("80.41"))) == "Memuaskan"

    def test_ikm_92_33_is_a_sangat_baik(self):
        pita = kategori_ikm(D("92.33"))
        assert (pita.kode, pita.label) == ("A", "Sangat Baik")

    def test_ipp_3_17_is_b_minus(self):
        pita = kategori_ipp(D("3.17"))
        assert (pita.kode, pita.label) == ("B-", "Baik (Dengan Catatan)")

    def test_ikm_realisasi_over_the_years_fluctuates_and_fell_last(self):
        # Tabel 3.2: realisasi 2022–2024 then 2025.
        riwayat = [D("91"), D("85.42"), D("92.80"), D("92.33")]
        assert tren(riwayat) is Tren.FLUKTUATIF
        assert arah_terakhir(riwayat) is Tren.TURUN

    def test_nilai_sakip_over_the_years_rose_last(self):
        riwayat = [parse_nilai(t).angka for t in ("B (64)", "A (80,87)", "B (68,41)", "A (80,41)")]
        assert tren(riwayat) is Tren.FLUKTUATIF
        assert arah_terakhir(riwayat) is Tren.NAIK


# --- capaian -------------------------------------------------------------------------------------


class TestCapaian:
    def test_positive_polarity_is_realisasi_over_target(self):
        assert capaian(D("4"), D("4")) == 100
        assert capaian(D("4"), D("3")) == 75

    def test_result_is_not_rounded(self):
        assert capaian(D("3"), D("1")) == D(100) / D(3)
        assert bulatkan(capaian(D("3"), D("1"))) == D("33.33")

    def test_above_100_is_not_capped(self):
        assert capaian(D("100"), D("120")) == 120
        assert capaian(D("10"), D("25")) == 250

    @pytest.mark.parametrize("target", [None, D("0"), D("0.00"), D("-0"), 0])
    def test_missing_or_zero_target_is_not_computable(self, target):
        assert capaian(target, D("5")) is None
        assert capaian(target, D("5"), NEG, SELISIH) is None
        assert capaian(target, D("5"), NEG, RASIO) is None

    def test_missing_realisasi_is_not_computable_never_zero(self):
        assert capaian(D("92.5"), None) is None
        assert capaian(D("10"), None, NEG, SELISIH) is None
        assert capaian(D("10"), None, NEG, RASIO) is None

    def test_a_realisasi_of_zero_is_zero_percent_when_positive(self):
        assert capaian(D("10"), D("0")) == 0

    def test_negative_polarity_selisih_is_the_default(self):
        # Fewer complaints than targeted: (2 × 10 − 8) / 10 × 100 = 120.
        assert capaian(D("10"), D("8"), NEG) == 120
        assert capaian(D("10"), D("8"), NEG, SELISIH) == 120
        # More than targeted: (20 − 12) / 10 × 100 = 80.
        assert capaian(D("10"), D("12"), NEG, SELISIH) == 80
        # Zero complaints doubles the target: (20 − 0) / 10 × 100 = 200.
        assert capaian(D("10"), D("0"), NEG, SELISIH) == 200

    def test_negative_polarity_rasio(self):
        assert capaian(D("10"), D("8"), NEG, RASIO) == 125
        hasil = capaian(D("10"), D("12"), NEG, RASIO)
        assert hasil == D(1000) / D(12)
        assert bulatkan(hasil) == D("83.33")

    def test_rasio_with_zero_realisasi_is_not_computable(self):
        assert capaian(D("10"), D("0"), NEG, RASIO) is None

    def test_polarity_and_method_may_come_as_stored_strings(self):
        assert capaian(D("10"), D("8"), "negatif", "rasio") == 125
        assert capaian(D("10"), D("8"), "positif") == 80

    def test_unknown_polarity_or_method_is_refused_in_indonesian(self):
        with pytest.raises(ValueError, match="Polaritas tidak dikenal: 'naik'. Pilihan: positif"):
            capaian(D("10"), D("8"), "naik")
        with pytest.raises(ValueError, match="Metode polaritas negatif tidak dikenal"):
            capaian(D("10"), D("8"), NEG, "kuadrat")

    def test_ints_are_accepted(self):
        assert capaian(4, 3) == 75

    @pytest.mark.parametrize("float_value", [92.5, 0.0])
    def test_floats_are_refused(self, float_value):
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            capaian(float_value, D("1"))
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            capaian(D("1"), float_value)

    @pytest.mark.parametrize("bukan_angka", ["92,5", True])
    def test_text_and_booleans_are_refused(self, bukan_angka):
        with pytest.raises(ValueError, match="harus berupa angka"):
            capaian(bukan_angka, D("1"))

    @pytest.mark.parametrize("tak_hingga", [D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")])
    def test_non_finite_decimals_are_refused(self, tak_hingga):
        with pytest.raises(ValueError, match="harus berupa angka terhingga"):
            capaian(tak_hingga, D("1"))
        with pytest.raises(ValueError, match="harus berupa angka terhingga"):
            capaian(D("1"), tak_hingga)

    def test_negative_target_is_computed_not_refused(self):
        assert capaian(D("-10"), D("-5")) == 50
        assert capaian(D("-10"), D("-5"), NEG, SELISIH) == 150

    def test_against_end_target_follows_the_same_rules(self):
        assert capaian_terhadap_target_akhir(D("98"), D("97.5")) == capaian(D("98"), D("97.5"))
        assert capaian_terhadap_target_akhir(None, D("97.5")) is None
        assert capaian_terhadap_target_akhir(D("10"), D("8"), NEG, RASIO) == 125


class TestBulatkan:
    @pytest.mark.parametrize(
        ("nilai", "desimal", "hasil"),
        [
            (D("0.125"), 2, D("0.13")),
            (D("99.815"), 2, D("99.82")),
            (D("99.8149"), 2, D("99.81")),
            (D("-0.125"), 2, D("-0.13")),
            (D("88.305"), 2, D("88.31")),
            (D("2.5"), 0, D("3")),
            (D("7"), 2, D("7.00")),
            (D("3920691860.405"), 2, D("3920691860.41")),
        ],
    )
    def test_rounds_half_up(self, nilai, desimal, hasil):
        assert bulatkan(nilai, desimal) == hasil
        assert str(bulatkan(nilai, desimal)) == str(hasil)

    def test_none_passes_through(self):
        assert bulatkan(None) is None

    def test_numbers_wider_than_the_default_precision_still_round(self):
        besar = D("12345678901234567890123456789.125")
        assert bulatkan(besar) == D("12345678901234567890123456789.13")


class TestSerapan:
    def test_realisasi_over_pagu(self):
        assert serapan(D("200"), D("150")) == 75

    @pytest.mark.parametrize(
        ("pagu", "realisasi"), [(None, D("1")), (D("0"), D("1")), (D("5"), None)]
    )
    def test_not_computable_without_pagu_or_realisasi(self, pagu, realisasi):
        assert serapan(pagu, realisasi) is None

    def test_overspending_is_shown_as_is(self):
        assert serapan(D("100"), D("110")) == 110


class TestRataRata:
    def test_mean_of_the_capaian_of_a_sasaran(self):
        assert rata_rata([D("100"), D("99.82"), D("73.72")]) == D("273.54") / 3

    def test_not_computable_indicators_are_left_out(self):
        assert rata_rata([D("100"), None, D("80")]) == 90

    def test_none_when_nothing_is_computable(self):
        assert rata_rata([]) is None
        assert rata_rata([None, None]) is None

    def test_accepts_any_iterable(self):
        assert rata_rata(x for x in [D("1"), D("2")]) == D("1.5")


class TestKetercapaian:
    def test_counts_achieved_not_achieved_and_unmeasured(self):
        daftar = [D("100"), D("120.01"), D("99.82"), None, D("73.72"), D("100.00")]
        assert hitung_tercapai(daftar) == Ketercapaian(
            tercapai=3, tidak_tercapai=2, tidak_terukur=1
        )

    def test_almost_100_is_not_achieved(self):
        # 99,996 is printed 100,00 % but the realisasi did not reach the target.
        assert hitung_tercapai([D("99.996")]).tercapai == 0

    def test_persentase_indikator_program_tercapai(self):
        # 11 of 12 measurable programme indicators met: 11 / 12 × 100 = 91,666…
        daftar = [D("100")] * 11 + [D("80")]
        assert bulatkan(persentase_tercapai(daftar)) == D("91.67")

    def test_missing_data_is_not_counted_as_failure(self):
        # One met, one missed, one not yet entered: 1 / 2, not 1 / 3.
        assert persentase_tercapai([D("100"), D("50"), None]) == 50

    def test_nothing_measurable_is_not_computable(self):
        assert persentase_tercapai([None, None]) is None
        assert persentase_tercapai([]) is None
        assert hitung_tercapai([]) == Ketercapaian(0, 0, 0)


class TestEfisiensi:
    @pytest.mark.parametrize(
        ("kinerja", "anggaran", "kategori"),
        [
            (D("100"), D("99.99"), KategoriEfisiensi.EFISIEN),
            (D("120"), D("110"), KategoriEfisiensi.EFISIEN),
            # Spending exactly what was achieved is not an efficiency gain.
            (D("100"), D("100"), KategoriEfisiensi.TIDAK_EFISIEN),
            (D("120"), D("121"), KategoriEfisiensi.TIDAK_EFISIEN),
            # Target not met: never efficient, however little was spent.
            (D("99.99"), D("10"), KategoriEfisiensi.TIDAK_EFISIEN),
            # 99,999 is printed 100,00 but the unrounded value decides.
            (D("99.999"), D("50"), KategoriEfisiensi.TIDAK_EFISIEN),
        ],
    )
    def test_kencong_rule(self, kinerja, anggaran, kategori):
        assert efisiensi(kinerja, anggaran).kategori is kategori

    def test_both_percentages_are_carried_for_display(self):
        hasil = efisiensi(D("100"), D("71.11"))
        assert (hasil.capaian_kinerja, hasil.serapan) == (D("100"), D("71.11"))

    @pytest.mark.parametrize(("kinerja", "anggaran"), [(None, D("50")), (D("100"), None)])
    def test_no_category_without_both_percentages(self, kinerja, anggaran):
        hasil = efisiensi(kinerja, anggaran)
        assert hasil.kategori is None
        assert (hasil.capaian_kinerja, hasil.serapan) == (kinerja, anggaran)


class TestTren:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            ([D("90"), D("91"), D("92")], Tren.NAIK),
            ([D("92"), D("92"), D("93")], Tren.NAIK),
            ([D("93"), D("92"), D("92")], Tren.TURUN),
            ([D("4"), D("4.0"), D("4.00")], Tren.STABIL),
            ([D("1"), D("3"), D("2")], Tren.FLUKTUATIF),
            ([D("3"), D("1"), D("2")], Tren.FLUKTUATIF),
            ([None, D("1"), None, D("2")], Tren.NAIK),
            ([D("1")], None),
            ([None, D("1"), None], None),
            ([], None),
        ],
    )
    def test_direction_over_the_years(self, nilai, hasil):
        assert tren(nilai) is hasil

    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            ([D("3"), D("1"), D("2")], Tren.NAIK),
            ([D("1"), D("3"), D("2"), None], Tren.TURUN),
            ([D("1"), D("2"), D("2")], Tren.STABIL),
            ([D("2"), None], None),
        ],
    )
    def test_last_step(self, nilai, hasil):
        assert arah_terakhir(nilai) is hasil


class TestPeringkat:
    """Rank among the kecamatan of a kabupaten (analysis point d, the dashboard)."""

    def test_positive_highest_first_ties_share_and_skip(self):
        # IKM of five kecamatan: 92,33 is best; two at 90 share 2nd, the next is 4th.
        nilai = [D("90"), D("92.33"), D("88"), D("90.0"), D("85")]
        assert peringkat(nilai, Polaritas.POSITIF) == (2, 1, 4, 2, 5)

    def test_negative_lowest_first(self):
        # Complaints: fewer is better.
        assert peringkat([D("3"), D("1"), D("3"), D("7")], "negatif") == (2, 1, 2, 4)

    def test_unrounded_values_are_compared(self):
        # 99,996 and 100 print alike as 100,00 but are not the same realisasi.
        assert peringkat([D("99.996"), D("100")], Polaritas.POSITIF) == (2, 1)

    def test_empty_and_single(self):
        assert peringkat([], Polaritas.POSITIF) == ()
        assert peringkat([7], Polaritas.NEGATIF) == (1,)

    def test_missing_value_and_float_refused(self):
        with pytest.raises(ValueError, match="tidak boleh kosong"):
            peringkat([D("1"), None], Polaritas.POSITIF)
        with pytest.raises(ValueError, match="float"):
            peringkat([1.5], Polaritas.POSITIF)
        with pytest.raises(ValueError, match="Polaritas tidak dikenal"):
            peringkat([D("1")], "naik")


@given(st.lists(st.decimals(min_value=-1000, max_value=1000, places=2), max_size=12))
def test_rank_is_one_plus_the_number_strictly_better(nilai):
    for polaritas, lebih_baik in (
        (Polaritas.POSITIF, lambda a, b: a > b),
        (Polaritas.NEGATIF, lambda a, b: a < b),
    ):
        hasil = peringkat(nilai, polaritas)
        assert hasil == tuple(1 + sum(lebih_baik(b, a) for b in nilai) for a in nilai)


# --- rating scales -------------------------------------------------------------------------------


class TestKriteriaCapaian:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("120.01"), "Sangat Tinggi"),
            (D("90"), "Sangat Tinggi"),
            (D("89.995"), "Sangat Tinggi"),  # printed 90,00
            (D("89.99"), "Tinggi"),
            (D("76"), "Tinggi"),
            (D("75.99"), "Sedang"),
            (D("66"), "Sedang"),
            (D("65.99"), "Rendah"),
            (D("51"), "Rendah"),
            (D("50.99"), "Sangat Rendah"),
            (D("50"), "Sangat Rendah"),
            (D("0"), "Sangat Rendah"),
            (D("-20"), "Sangat Rendah"),
        ],
    )
    def test_bands_on_the_rounded_value(self, nilai, hasil):
        assert label(kriteria(nilai, SKALA_KRITERIA_CAPAIAN)) == hasil

    def test_not_computable_has_no_criterion(self):
        assert kriteria(None, SKALA_KRITERIA_CAPAIAN) is None

    def test_colours_as_printed_in_the_lkip(self):
        warna = {p.kode: p.warna for p in SKALA_KRITERIA_CAPAIAN.pita}
        assert list(warna) == ["ST", "T", "S", "R", "SR"]
        assert all(re.fullmatch(r"#[0-9a-f]{6}", w) for w in warna.values())


class TestKategoriIKM:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("100"), ("A", "Sangat Baik")),
            (D("88.31"), ("A", "Sangat Baik")),
            (D("88.305"), ("A", "Sangat Baik")),  # rounded to 88,31 first
            (D("88.30"), ("B", "Baik")),
            (D("76.61"), ("B", "Baik")),
            (D("76.60"), ("C", "Kurang Baik")),
            (D("65.00"), ("C", "Kurang Baik")),
            (D("64.99"), ("D", "Tidak Baik")),
            (D("25"), ("D", "Tidak Baik")),
        ],
    )
    def test_bands(self, nilai, hasil):
        pita = kategori_ikm(nilai)
        assert (pita.kode, pita.label) == hasil


class TestKategoriIPP:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("5"), ("A", "Pelayanan Prima")),
            (D("4.51"), ("A", "Pelayanan Prima")),
            (D("4.50"), ("A-", "Sangat Baik")),
            (D("4.01"), ("A-", "Sangat Baik")),
            (D("4.00"), ("B", "Baik")),
            (D("3.51"), ("B", "Baik")),
            (D("3.50"), ("B-", "Baik (Dengan Catatan)")),
            (D("3.01"), ("B-", "Baik (Dengan Catatan)")),
            (D("3.00"), ("C", "Cukup")),
            (D("2.51"), ("C", "Cukup")),
            (D("2.50"), ("C-", "Cukup (Dengan Catatan)")),
            (D("2.01"), ("C-", "Cukup (Dengan Catatan)")),
            (D("2.00"), ("D", "Prioritas Pembinaan")),
            (D("1.51"), ("D", "Prioritas Pembinaan")),
            (D("1.50"), ("E", "Prioritas Pembinaan")),
            (D("1.01"), ("E", "Prioritas Pembinaan")),
            (D("1.00"), ("F", "Gagal")),
            (D("0"), ("F", "Gagal")),
        ],
    )
    def test_bands(self, nilai, hasil):
        pita = kategori_ipp(nilai)
        assert (pita.kode, pita.label) == hasil


class TestPredikatSakip:
    @pytest.mark.parametrize(
        ("nilai", "hasil"),
        [
            (D("100"), ("AA", "Sangat Memuaskan")),
            (D("90.01"), ("AA", "Sangat Memuaskan")),
            (D("90"), ("A", "Memuaskan")),  # lower bounds are exclusive
            (D("80.01"), ("A", "Memuaskan")),
            (D("80"), ("BB", "Sangat Baik")),
            (D("70.01"), ("BB", "Sangat Baik")),
            (D("70"), ("B", "Baik")),
            (D("60.01"), ("B", "Baik")),
            (D("60"), ("CC", "Cukup (Memadai)")),
            (D("51"), ("CC", "Cukup (Memadai)")),
            (D("50"), ("C", "Kurang")),
            (D("30.01"), ("C", "Kurang")),
            (D("30"), ("D", "Sangat Kurang")),
            (D("0"), ("D", "Sangat Kurang")),
        ],
    )
    def test_bands(self, nilai, hasil):
        pita = predikat_sakip(nilai)
        assert (pita.kode, pita.label) == hasil

    def test_90_004_is_judged_as_printed_90_00(self):
        assert kode(predikat_sakip(D("90.004"))) == "A"


def pita(kode_pita: str, batas: D | None, inklusif: bool = True) -> Pita:
    return Pita(kode_pita, f"Pita {kode_pita}", "#cccccc", batas, inklusif)


class TestSkalaIsData:
    def test_a_four_band_scale_of_another_office(self):
        # "> 100 / 76–100 / 55–75 / < 55", as some kabupaten print it.
        empat_pita = Skala(
            kode="empat-pita",
            nama="Skala empat pita",
            pita=(
                Pita("SB", "Sangat Baik", "#2e7d32", D(100), inklusif=False),
                Pita("B", "Baik", "#7cc47f", D(76)),
                Pita("C", "Cukup", "#fff3a3", D(55)),
                Pita("K", "Kurang", "#e05252", None),
            ),
        )
        assert label(kriteria(D("120.01"), empat_pita)) == "Sangat Baik"
        assert label(kriteria(D("100.01"), empat_pita)) == "Sangat Baik"
        assert label(kriteria(D("100"), empat_pita)) == "Baik"
        assert label(kriteria(D("100.004"), empat_pita)) == "Baik"
        assert label(kriteria(D("76"), empat_pita)) == "Baik"
        assert label(kriteria(D("75.5"), empat_pita)) == "Cukup"
        assert label(kriteria(D("55"), empat_pita)) == "Cukup"
        assert label(kriteria(D("54.99"), empat_pita)) == "Kurang"

    def test_presisi_decides_what_is_rounded_first(self):
        bulat = Skala("bulat", "Tanpa desimal", (pita("Y", D(90)), pita("N", None)), presisi=0)
        assert kode(kriteria(D("89.5"), bulat)) == "Y"
        assert kode(kriteria(D("89.49"), bulat)) == "N"

    def test_the_regulation_scales_are_registered_by_kode(self):
        assert SKALA_BAWAAN == {
            "kriteria-capaian-permendagri-86-2017": SKALA_KRITERIA_CAPAIAN,
            "ikm-permenpanrb-14-2017": SKALA_IKM,
            "ipp-permenpanrb-29-2022": SKALA_IPP,
            "predikat-akip-permenpanrb-88-2021": SKALA_PREDIKAT_SAKIP,
        }

    def test_a_list_of_bands_is_stored_as_a_tuple(self):
        skala = Skala("x", "X", [pita("A", D(1)), pita("B", None)])
        assert skala.pita == (pita("A", D(1)), pita("B", None))
        assert hash(skala) == hash(Skala("x", "X", (pita("A", D(1)), pita("B", None))))

    def test_int_bounds_are_stored_as_decimal(self):
        assert pita("A", 90).batas_bawah == D(90)
        assert isinstance(pita("A", 90).batas_bawah, D)


class TestSkalaValidation:
    def test_no_band(self):
        with pytest.raises(ValueError, match="harus memiliki paling sedikit satu pita"):
            Skala("kosong", "Kosong", ())

    def test_no_catch_all_band(self):
        with pytest.raises(ValueError, match="tepat satu pita tanpa batas bawah"):
            Skala("x", "X", (pita("A", D(90)), pita("B", D(50))))

    def test_catch_all_band_not_last(self):
        with pytest.raises(ValueError, match="pita terendah di urutan terakhir"):
            Skala("x", "X", (pita("A", None), pita("B", D(50))))

    def test_two_catch_all_bands(self):
        with pytest.raises(ValueError, match="tepat satu pita tanpa batas bawah"):
            Skala("x", "X", (pita("A", D(90)), pita("B", None), pita("C", None)))

    @pytest.mark.parametrize("kedua", [D(90), D(95)])
    def test_bounds_must_strictly_decrease(self, kedua):
        with pytest.raises(ValueError, match="harus menurun dari pita tertinggi: 'A' \\(90\\)"):
            Skala("x", "X", (pita("A", D(90)), pita("B", kedua), pita("C", None)))

    def test_band_codes_are_unique(self):
        with pytest.raises(ValueError, match="Kode pita dalam skala 'x' harus unik"):
            Skala("x", "X", (pita("A", D(90)), pita("A", None)))

    def test_presisi_is_a_non_negative_int(self):
        with pytest.raises(ValueError, match="Presisi skala 'x' harus bilangan bulat"):
            Skala("x", "X", (pita("A", None),), presisi=-1)

    def test_colour_is_a_css_hex_colour(self):
        with pytest.raises(ValueError, match="Warna pita 'A' harus kode heksadesimal CSS"):
            Pita("A", "A", "biru", D(1))

    def test_bound_is_never_a_float(self):
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            Pita("A", "A", "#fff", 90.0)


# --- IKM -----------------------------------------------------------------------------------------


class TestIKM:
    def test_the_nine_unsur_in_regulation_order(self):
        assert len(UNSUR_IKM) == 9
        assert UNSUR_IKM[0] == "Persyaratan"
        assert UNSUR_IKM[3] == "Biaya/Tarif"
        assert UNSUR_IKM[-1] == "Penanganan Pengaduan, Saran dan Masukan"

    def test_hand_computed_survey_with_unanswered_cells(self):
        jawaban = [
            [4, 4, 4, 4, 4, 4, 4, 4, 4],
            [3, 3, 3, 3, 3, 3, 3, 3, 3],
            [4, 3, 2, 4, 3, 4, 4, 3, None],
            [3, 4, None, 4, 3, 4, 4, 3, None],
        ]
        # NRR per unsur (sum / number of answers to that unsur):
        #   1: 14/4 = 3,5    2: 14/4 = 3,5    3: 9/3 = 3     4: 15/4 = 3,75   5: 13/4 = 3,25
        #   6: 15/4 = 3,75   7: 15/4 = 3,75   8: 13/4 = 3,25  9: 7/2 = 3,5
        # Σ NRR = 31,25; IKM = 25 × 31,25 / 9 = 781,25 / 9 = 86,8055… → 86,81 → B Baik.
        hasil = ikm(jawaban)
        assert hasil.nrr == tuple(
            D(x) for x in ("3.5", "3.5", "3", "3.75", "3.25", "3.75", "3.75", "3.25", "3.5")
        )
        assert hasil.nilai == D("781.25") / 9
        assert bulatkan(hasil.nilai) == D("86.81")
        assert (hasil.kategori.kode, hasil.kategori.label) == ("B", "Baik")
        assert hasil.jumlah_responden == 4
        assert hasil.jumlah_jawaban == (4, 4, 3, 4, 4, 4, 4, 4, 2)

    def test_everyone_very_satisfied_is_100(self):
        hasil = ikm([[4] * 9] * 3)
        assert hasil.nilai == 100
        assert hasil.kategori.kode == "A"

    def test_everyone_dissatisfied_is_25_tidak_baik(self):
        hasil = ikm([[1] * 9])
        assert hasil.nilai == 25
        assert hasil.kategori.label == "Tidak Baik"

    def test_no_respondents(self):
        with pytest.raises(ValueError, match="Belum ada responden"):
            ikm([])

    @pytest.mark.parametrize("panjang", [8, 10, 0])
    def test_respondent_without_nine_answers(self, panjang):
        with pytest.raises(
            ValueError, match=f"Responden ke-2 harus memiliki 9 jawaban .*{panjang}"
        ):
            ikm([[4] * 9, [4] * panjang])

    def test_respondent_that_is_not_a_list(self):
        with pytest.raises(ValueError, match="responden ke-1 harus berupa daftar 9 jawaban"):
            ikm(["444444444"])

    @pytest.mark.parametrize("salah", [0, 5, -1, True, False, "4", 3.0, D(3)])
    def test_answer_outside_1_to_4_or_not_an_int(self, salah):
        baris = [4, 4, salah, 4, 4, 4, 4, 4, 4]
        pesan = "Jawaban responden ke-2 untuk unsur 'Waktu Penyelesaian' harus bilangan bulat 1–4"
        with pytest.raises(ValueError, match=re.escape(pesan)):
            ikm([[4] * 9, baris])

    def test_unsur_nobody_answered(self):
        pesan = "Unsur 'Penanganan Pengaduan, Saran dan Masukan' belum dijawab oleh satu responden"
        with pytest.raises(ValueError, match=re.escape(pesan)):
            ikm([[4] * 8 + [None], [3] * 8 + [None]])


class TestNilaiUnsurIKM:
    """The per-unsur table of a survey report: weakest first, converted to 25–100."""

    NRR = ("3.5", "3.5", "3", "3.75", "3.25", "3.75", "3.75", "3.25", "3.5")

    def test_hand_computed_survey_weakest_first_ties_in_regulation_order(self):
        # The survey of TestIKM: U3 3 < U5 = U8 3,25 < U1 = U2 = U9 3,5 < U4 = U6 = U7 3,75.
        unsur = nilai_unsur_ikm([D(x) for x in self.NRR])
        assert [u.nomor for u in unsur] == [3, 5, 8, 1, 2, 9, 4, 6, 7]
        terlemah = unsur[0]
        assert (terlemah.nama, terlemah.nrr, terlemah.konversi) == (
            "Waktu Penyelesaian",
            D(3),
            D(75),
        )
        # 75 is C Kurang Baik (65,00–76,60); 3,25 × 25 = 81,25 is B; 3,75 × 25 = 93,75 is A.
        assert [u.mutu.kode for u in unsur] == ["C", "B", "B", "B", "B", "B", "A", "A", "A"]

    def test_exact_nrr_is_converted_unrounded(self):
        # 10 / 3 = 3,333…; × 25 = 83,333… → B; the value itself stays unrounded.
        (u, *_rest) = nilai_unsur_ikm([D(10) / 3] + [D(4)] * 8)
        assert u.konversi == D(10) / 3 * 25
        assert u.mutu.label == "Baik"

    def test_integers_are_accepted(self):
        assert [u.nrr for u in nilai_unsur_ikm([4] * 9)] == [D(4)] * 9

    @pytest.mark.parametrize("panjang", [0, 8, 10])
    def test_nine_values(self, panjang):
        with pytest.raises(ValueError, match="NRR harus berisi 9 nilai"):
            nilai_unsur_ikm([D(3)] * panjang)

    @pytest.mark.parametrize("salah", [D("0.99"), D("4.01"), 0, 5, None, D("NaN")])
    def test_nrr_outside_1_to_4(self, salah):
        with pytest.raises(ValueError, match="Biaya/Tarif"):
            nilai_unsur_ikm([D(3)] * 3 + [salah] + [D(3)] * 5)

    def test_float_refused(self):
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            nilai_unsur_ikm([3.5] + [D(3)] * 8)


@given(
    st.lists(
        st.lists(st.integers(1, 4), min_size=9, max_size=9),
        min_size=1,
        max_size=12,
    )
)
def test_unsur_of_any_survey_sorted_weakest_first_and_mean_is_the_ikm(jawaban):
    hasil = ikm(jawaban)
    unsur = nilai_unsur_ikm(hasil.nrr)
    assert sorted(u.nomor for u in unsur) == list(range(1, 10))
    assert [u.nrr for u in unsur] == sorted(hasil.nrr)
    # The IKM is the mean of the converted unsur values (equal up to Decimal's 28 digits).
    assert bulatkan(sum(u.konversi for u in unsur) / 9, 20) == bulatkan(hasil.nilai, 20)


# --- IPP -----------------------------------------------------------------------------------------


class TestIPP:
    def test_six_aspects_weigh_100_percent(self):
        assert sum(a.bobot for a in ASPEK_IPP) == 100
        assert [(a.nama, a.bobot) for a in ASPEK_IPP] == [
            ("Kebijakan Pelayanan", 24),
            ("Profesionalisme SDM", 25),
            ("Sarana Prasarana", 18),
            ("Sistem Informasi Pelayanan Publik (SIPP)", 11),
            ("Konsultasi dan Pengaduan", 10),
            ("Inovasi", 12),
        ]

    def test_jember_weights_form_02_at_75_percent(self):
        # The seed prints only the result, 3,17; forms of 3,0 and 3,68 would give it:
        # 0,75 × 3,0 + 0,25 × 3,68 = 2,25 + 0,92 = 3,17.
        hasil = ipp(D("3.0"), D("3.68"))
        assert hasil == D("3.17")
        assert kode(kategori_ipp(hasil)) == "B-"

    def test_bounds_are_inclusive(self):
        assert ipp(D("5"), D("5")) == 5
        assert ipp(0, 0) == 0

    @pytest.mark.parametrize(("form02", "form03"), [(D("5.01"), D(1)), (D(1), D("-0.01"))])
    def test_scores_outside_0_to_5_are_refused(self, form02, form03):
        with pytest.raises(ValueError, match="harus antara 0 dan 5"):
            ipp(form02, form03)

    def test_a_missing_form_is_refused(self):
        with pytest.raises(ValueError, match="Nilai form 03 wajib diisi"):
            ipp(D(3), None)

    def test_form_score_weights_the_aspects(self):
        nilai = {a.kode: D(4) for a in ASPEK_IPP} | {"inovasi": D(2)}
        # 4 × 0,88 + 2 × 0,12 = 3,52 + 0,24 = 3,76.
        assert nilai_form_ipp(nilai) == D("3.76")

    def test_all_aspects_perfect_is_5(self):
        assert nilai_form_ipp({a.kode: D(5) for a in ASPEK_IPP}) == 5

    def test_missing_aspect(self):
        nilai = {a.kode: D(4) for a in ASPEK_IPP if a.kode != "sipp"}
        with pytest.raises(ValueError, match=re.escape("belum diisi: Sistem Informasi Pelayanan")):
            nilai_form_ipp(nilai)

    def test_unknown_aspect(self):
        nilai = {a.kode: D(4) for a in ASPEK_IPP} | {"kebersihan": D(4)}
        with pytest.raises(ValueError, match="Aspek IPP tidak dikenal: kebersihan"):
            nilai_form_ipp(nilai)

    def test_aspect_score_outside_0_to_5(self):
        nilai = {a.kode: D(4) for a in ASPEK_IPP} | {"sdm": D(6)}
        with pytest.raises(
            ValueError, match="Nilai aspek Profesionalisme SDM harus antara 0 dan 5"
        ):
            nilai_form_ipp(nilai)


# --- Nilai AKIP ----------------------------------------------------------------------------------


def lke(jawaban: str = "Y") -> dict[str, dict[str, list[str]]]:
    """A full LKE where every criterion has the same answer."""
    return {k: {s: [jawaban, jawaban] for s in SUB_KOMPONEN_AKIP} for k in KOMPONEN_AKIP}


class TestNilaiAKIP:
    def test_weights_of_the_regulation(self):
        assert sum(bobot for _, bobot in KOMPONEN_AKIP.values()) == 100
        assert sum(SUB_KOMPONEN_AKIP.values()) == 100
        assert NILAI_JAWABAN_LKE["B"] == D("0.75")

    def test_hand_computed_evaluation(self):
        jawaban = {
            "perencanaan": {  # bobot 30: sub weights 6 / 9 / 15
                "keberadaan": ["Y", "Y"],  # mean 1      × 6    = 6
                "kualitas": ["A", "B"],  # mean 0,875  × 9    = 7,875
                "pemanfaatan": ["C"],  # mean 0,5    × 15   = 7,5      → 21,375
            },
            "pengukuran": {s: ["Y"] for s in SUB_KOMPONEN_AKIP},  # all met → 30
            "pelaporan": {  # bobot 15: sub weights 3 / 4,5 / 7,5
                "keberadaan": ["Y", "T"],  # mean 0,5    × 3    = 1,5
                "kualitas": ["B"],  # mean 0,75   × 4,5  = 3,375
                "pemanfaatan": ["D", "E"],  # mean 0,125  × 7,5  = 0,9375   → 5,8125
            },
            "evaluasi": {  # bobot 25: sub weights 5 / 7,5 / 12,5
                "keberadaan": ["a"],  # mean 1      × 5    = 5
                "kualitas": [" b", "C "],  # mean 0,625  × 7,5  = 4,6875
                "pemanfaatan": ["t"],  # mean 0      × 12,5 = 0        → 9,6875
            },
        }
        # Σ = 21,375 + 30 + 5,8125 + 9,6875 = 66,875 → > 60: B Baik.
        hasil = nilai_akip(jawaban)
        assert hasil.per_komponen == {
            "perencanaan": D("21.375"),
            "pengukuran": D("30"),
            "pelaporan": D("5.8125"),
            "evaluasi": D("9.6875"),
        }
        assert hasil.nilai == D("66.875")
        assert (hasil.predikat.kode, hasil.predikat.label) == ("B", "Baik")

    @pytest.mark.parametrize("jawaban", ["Y", "A"])
    def test_all_perfect_is_100_aa(self, jawaban):
        hasil = nilai_akip(lke(jawaban))
        assert hasil.nilai == 100
        assert hasil.predikat.kode == "AA"
        assert hasil.per_komponen == {k: bobot for k, (_, bobot) in KOMPONEN_AKIP.items()}

    @pytest.mark.parametrize("jawaban", ["T", "E"])
    def test_all_zero_is_0_d(self, jawaban):
        hasil = nilai_akip(lke(jawaban))
        assert hasil.nilai == 0
        assert (hasil.predikat.kode, hasil.predikat.label) == ("D", "Sangat Kurang")

    def test_unknown_komponen(self):
        jawaban = lke() | {"inovasi": {s: ["Y"] for s in SUB_KOMPONEN_AKIP}}
        with pytest.raises(ValueError, match="Komponen AKIP tidak dikenal: inovasi"):
            nilai_akip(jawaban)

    def test_missing_komponen(self):
        jawaban = lke()
        del jawaban["evaluasi"]
        with pytest.raises(ValueError, match="Komponen AKIP belum diisi: evaluasi"):
            nilai_akip(jawaban)

    def test_unknown_sub_komponen(self):
        jawaban = lke()
        jawaban["pelaporan"]["kecepatan"] = ["Y"]
        with pytest.raises(ValueError, match="Sub komponen Pelaporan Kinerja tidak dikenal"):
            nilai_akip(jawaban)

    def test_missing_sub_komponen(self):
        jawaban = lke()
        del jawaban["pengukuran"]["kualitas"]
        with pytest.raises(
            ValueError, match="Sub komponen Pengukuran Kinerja belum diisi: kualitas"
        ):
            nilai_akip(jawaban)

    @pytest.mark.parametrize("salah", ["F", "YA", "", 1, None])
    def test_unknown_answer(self, salah):
        jawaban = lke()
        jawaban["evaluasi"]["pemanfaatan"] = ["Y", salah]
        pesan = "pada Evaluasi Akuntabilitas Kinerja Internal / pemanfaatan tidak dikenal"
        with pytest.raises(ValueError, match=re.escape(pesan)):
            nilai_akip(jawaban)

    @pytest.mark.parametrize("kosong", [[], "Y"])
    def test_empty_or_non_list_answers(self, kosong):
        jawaban = lke()
        jawaban["perencanaan"]["keberadaan"] = kosong
        with pytest.raises(ValueError, match="Perencanaan Kinerja / keberadaan harus daftar"):
            nilai_akip(jawaban)


# --- Values people type --------------------------------------------------------------------------


class TestParseNilai:
    @pytest.mark.parametrize(
        ("teks", "hasil"),
        [
            ("92,5", Nilai(D("92.5"))),
            ("1.234,5", Nilai(D("1234.5"))),
            ("1.234", Nilai(D("1234"))),
            ("1.234.567", Nilai(D("1234567"))),
            ("100", Nilai(D("100"))),
            ("0,5", Nilai(D("0.5"))),
            ("-3,5", Nilai(D("-3.5"))),
            ("97,5%", Nilai(D("97.5"), satuan="%")),
            ("97,5 %", Nilai(D("97.5"), satuan="%")),
            ("4 Dok", Nilai(D("4"), satuan="Dok")),
            ("12 OB", Nilai(D("12"), satuan="OB")),
            ("4 Dokumen", Nilai(D("4"), satuan="Dokumen")),
            ("B (67)", Nilai(D("67"), huruf="B")),
            ("B(67)", Nilai(D("67"), huruf="B")),
            ("A (80,41)", Nilai(D("80.41"), huruf="A")),
            ("BB (72,5)", Nilai(D("72.5"), huruf="BB")),
            ("A- (4,2)", Nilai(D("4.2"), huruf="A-")),
            ("Rp 3.920.691.860,40", Nilai(D("3920691860.40"), satuan="Rp")),
            ("Rp3.920.691.860,40", Nilai(D("3920691860.40"), satuan="Rp")),
            ("Rp. 2.911.311.160,40", Nilai(D("2911311160.40"), satuan="Rp")),
            ("  92,5  ", Nilai(D("92.5"))),
            ("\u00a04 Dok\u00a0", Nilai(D("4"), satuan="Dok")),
        ],
    )
    def test_indonesian_notation_is_accepted(self, teks, hasil):
        assert parse_nilai(teks) == hasil

    def test_the_angka_is_an_exact_decimal(self):
        angka = parse_nilai("92,33").angka
        assert isinstance(angka, D)
        assert str(angka) == "92.33"

    @pytest.mark.parametrize("teks", ["", "   "])
    def test_empty(self, teks):
        with pytest.raises(ValueError, match=r"^Nilai kosong\.$"):
            parse_nilai(teks)

    @pytest.mark.parametrize("teks", ["92.5", "1.23", "1.2345", "12.5%", "B (67.5)"])
    def test_a_dot_as_decimal_separator_gets_a_hint(self, teks):
        with pytest.raises(ValueError, match=re.escape("Gunakan koma untuk desimal.")):
            parse_nilai(teks)

    @pytest.mark.parametrize("teks", ["abc", "1,2,3", "B", "12abc%", "b (67)", "(67)", "4 Dok 5"])
    def test_anything_else_shows_what_is_accepted(self, teks):
        pesan = (
            f"Format nilai tidak dikenali: '{teks}'. "
            "Contoh yang benar: 92,33 · 1.234,5 · 97,5% · 4 Dok · B (67)"
        )
        with pytest.raises(ValueError, match=f"^{re.escape(pesan)}$"):
            parse_nilai(teks)

    def test_nilai_refuses_a_float_angka(self):
        with pytest.raises(ValueError, match="tidak boleh berupa float"):
            Nilai(92.5)


# --- Properties ----------------------------------------------------------------------------------

ANGKA = st.decimals(
    min_value=D("-1e12"), max_value=D("1e12"), allow_nan=False, allow_infinity=False, places=4
)
ANGKA_ATAU_KOSONG = st.none() | ANGKA
POSITIF = st.decimals(
    min_value=D("0.0001"), max_value=D("1e12"), allow_nan=False, allow_infinity=False, places=4
)
CARA = st.sampled_from(
    [(Polaritas.POSITIF, SELISIH), (Polaritas.POSITIF, RASIO), (NEG, SELISIH), (NEG, RASIO)]
)


@given(ANGKA.filter(lambda t: t != 0), CARA)
def test_realisasi_equal_to_target_is_always_100(target, cara):
    assert capaian(target, target, *cara) == 100


@given(POSITIF, ANGKA, ANGKA)
def test_more_realisasi_never_lowers_positive_capaian(target, r1, r2):
    rendah, tinggi = sorted([r1, r2])
    assert capaian(target, rendah) <= capaian(target, tinggi)


@given(POSITIF, ANGKA, ANGKA)
def test_more_realisasi_never_raises_negative_selisih_capaian(target, r1, r2):
    rendah, tinggi = sorted([r1, r2])
    assert capaian(target, rendah, NEG, SELISIH) >= capaian(target, tinggi, NEG, SELISIH)


@given(
    st.decimals(
        min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False, allow_infinity=False, places=6
    ),
    st.sampled_from(list(SKALA_BAWAAN.values())),
)
def test_every_finite_value_falls_in_a_band(nilai, skala):
    assert kriteria(nilai, skala) in skala.pita


@given(ANGKA_ATAU_KOSONG, ANGKA_ATAU_KOSONG, CARA, st.lists(ANGKA_ATAU_KOSONG, max_size=6))
def test_no_function_fails_on_finite_input(a, b, cara, daftar):
    capaian(a, b, *cara)
    capaian_terhadap_target_akhir(a, b, *cara)
    serapan(a, b)
    efisiensi(a, b)
    bulatkan(a)
    rata_rata(daftar)
    hitung_tercapai(daftar)
    persentase_tercapai(daftar)
    tren(daftar)
    arah_terakhir(daftar)
    for skala in SKALA_BAWAAN.values():
        kriteria(a, skala)
    kategori_ikm(a)
    kategori_ipp(a)
    predikat_sakip(a)


@given(ANGKA, ANGKA)
def test_ipp_refuses_exactly_the_scores_outside_0_to_5(form02, form03):
    if 0 <= form02 <= 5 and 0 <= form03 <= 5:
        assert 0 <= ipp(form02, form03) <= 5
    else:
        with pytest.raises(ValueError, match="harus antara 0 dan 5"):
            ipp(form02, form03)


@given(st.lists(st.lists(st.none() | st.integers(1, 4), min_size=9, max_size=9), min_size=1))
def test_ikm_is_between_25_and_100_whenever_every_unsur_is_answered(jawaban):
    if any(all(baris[i] is None for baris in jawaban) for i in range(9)):
        with pytest.raises(ValueError, match="belum dijawab"):
            ikm(jawaban)
    else:
        assert 25 <= ikm(jawaban).nilai <= 100


@given(st.lists(st.sampled_from(sorted(NILAI_JAWABAN_LKE)), min_size=1, max_size=4))
def test_akip_is_between_0_and_100(jawaban):
    lembar = {k: {s: jawaban for s in SUB_KOMPONEN_AKIP} for k in KOMPONEN_AKIP}
    hasil = nilai_akip(lembar)
    assert 0 <= hasil.nilai <= 100
    assert hasil.predikat == predikat_sakip(hasil.nilai)


class TestJumlahDanSelisihAnggaran:
    """Budget totals are sums of sub kegiatan; unknown columns stay unknown."""

    def test_pagu_program_penunjang_kencong_2025_adalah_jumlah_sub_kegiatannya(self):
        sub_kegiatan = [
            "2255291160.40",
            "92600000",
            "31523300",
            "14620000",
            "0",
            "0",
            "452696500",
            "37501000",
            "20445000",
            "6634200",
        ]
        assert kinerja.jumlahkan(D(x) for x in sub_kegiatan) == D("2911311160.40")

    def test_kolom_yang_belum_diisi_tetap_kosong_bukan_nol(self):
        assert kinerja.jumlahkan([None, None]) is None
        assert kinerja.jumlahkan([]) is None
        assert kinerja.jumlahkan([None, D("5")]) == D("5")

    def test_selisih_sesudah_perubahan_dan_pergeseran(self):
        # Tabel 2.9 column 6 = (5 - 4) for program 1 of Kencong 2025 (the seed drops the ,40).
        assert kinerja.selisih(D("2911311160.40"), D("2905257160.40")) == D("6054000.00")
        assert kinerja.selisih(D("143419500"), D("163644500")) == D("-20225000")
        assert kinerja.selisih(None, D("1")) is None

    def test_realisasi_tahunan_diutamakan_lalu_jumlah_triwulan(self):
        assert kinerja.realisasi_anggaran_tahunan(D("10"), [D("1")]) == D("10")
        assert kinerja.realisasi_anggaran_tahunan(None, [D("1"), None, D("2.5")]) == D("3.5")
        assert kinerja.realisasi_anggaran_tahunan(None, [None]) is None


class TestSimpangan:
    """A PK target far from the Renstra target is flagged by how far it lies, in percent."""

    def test_ikm_93_5_terhadap_83_5_lampiran(self):
        # The PK Perubahan annex's 83,5 against the Renstra's 93,5: 10,69 % away.
        assert kinerja.bulatkan(kinerja.simpangan(D("83.5"), D("93.5"))) == D("10.70")

    def test_sama_nol_dan_arah_tidak_berpengaruh(self):
        assert kinerja.simpangan(D("4"), D("4")) == 0
        assert kinerja.simpangan(D("110"), D("100")) == kinerja.simpangan(D("90"), D("100"))

    def test_tidak_terhitung(self):
        assert kinerja.simpangan(None, D("1")) is None
        assert kinerja.simpangan(D("1"), D("0")) is None
