from hypothesis import given
from hypothesis import strategies as st

from woonlasten.formatteer import euro, euro_verschil, getal


def test_euro_dutch_notation():
    assert euro(1234.56) == "€ 1.234,56"
    assert euro(0.5) == "€ 0,50"
    assert euro(-4.2) == "-€ 4,20"
    assert euro(float("nan")) == "–"


def test_euro_rounds_half_cent_and_never_shows_minus_zero():
    assert euro(-0.001) == "€ 0,00"
    assert euro(2.675, 1) == "€ 2,7"


def test_getal_thousands_and_decimals():
    assert getal(1400) == "1.400"
    assert getal(1234567.891, 2) == "1.234.567,89"


def test_euro_verschil_sign():
    assert euro_verschil(4.2) == "+€ 4,20"
    assert euro_verschil(-4.2) == "-€ 4,20"
    assert euro_verschil(0.001) == "€ 0,00"


def test_halve_cent_naar_boven_ook_na_een_deling():
    """Money rounds half away from zero: OZB 340,50 / 12 = 28,375 → € 28,38 (a float gives 28,374999999999996 for
    340,50 × (1/12), and its own rounding 28,37); € 0,125 → € 0,13 (a float rounds half to even: 0,12)."""
    from woonlasten.formatteer import afgerond, centen

    assert getal(340.5 * (1 / 12), 2) == "28,38"
    assert euro(0.125) == "€ 0,13"
    assert euro(-2.675) == "-€ 2,68"
    assert euro(-0.004) == "€ 0,00"  # no '-€ 0,00'
    assert str(afgerond(340.5 * (1 / 12))) == "28.38"
    assert list(centen([340.5 * (1 / 12), 0.125, -2.675, -0.004])) == [28.38, 0.13, -2.68, 0.0]


@given(st.integers(min_value=-10**9, max_value=10**9), st.sampled_from([1, 3, 7, 12]))
def test_centen_is_afgerond(teller_millicent, deler):
    """The column-wise rounding (portfolio) agrees with the one-value rounding (case, app) on amounts that come out
    of a division, ties included."""
    import numpy as np

    from woonlasten.formatteer import afgerond, centen

    x = teller_millicent / 1000 / deler
    assert float(centen(np.array([x]))[0]) == float(afgerond(x))


def test_oordeel_volgt_het_getoonde_bedrag():
    """woonlastenneutraal follows the change as it is shown: +€ 0,005 shows as +€ 0,01 and is not neutral;
    +€ 0,0049 shows as € 0,00 and is (before, € 0,005 was neutral while +€ 0,01 was shown next to it)."""
    import numpy as np

    from woonlasten.bereken import _neutraal

    assert list(_neutraal(np.array([0.005, 0.0049, -0.005, np.nan]))) == [False, True, True, None]
    assert euro_verschil(0.005) == "+€ 0,01" and euro_verschil(0.0049) == "€ 0,00"
