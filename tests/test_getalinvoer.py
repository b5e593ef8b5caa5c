"""A typed number the Dutch way (woonlasten.getalinvoer): what a Dutch user means, or a Dutch refusal."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from woonlasten.formatteer import afgerond, getal
from woonlasten.getalinvoer import MAX_TEKENS, GetalFout, lees_datum, lees_getal


@pytest.mark.parametrize("tekst, verwacht", [
    ("1.200", 1200.0),  # thousands dot: twelve hundred, not 1,2
    ("1.200,50", 1200.5),
    ("650,50", 650.5),
    ("4,1", 4.1),
    ("1,050", 1.05),  # a Dutch reader reads a decimal comma
    ("600.00", 600.0),  # a dot before two digits can only be a decimal point
    ("4.1", 4.1),
    ("0.2150", 0.215),
    ("1.200.000", 1_200_000.0),
    ("€ 1.234,56", 1234.56),
    ("  1\u00a0200,5 ", 1200.5),  # a non-breaking space as thousands separator (copied from a bill)
    ("-4,20", -4.2),
    ("-€ 4,20", -4.2),
    ("0", 0.0),
    ("0.215", 0.215),  # a leading 0 is no thousands group: a decimal point
    ("1 200,50", 1200.5),  # a space between groups of three, as a bill may print it
    ("€1.200", 1200.0),
    ("", None),
    ("   ", None),
])
def test_nederlands_gelezen(tekst, verwacht):
    assert lees_getal(tekst) == verwacht


@pytest.mark.parametrize("tekst, in_melding", [
    ("1,200.50", "Engels"),
    ("1.2.3", "geen getal"),
    ("1,2,3", "geen getal"),
    ("=1+1", "geen getal"),
    ("'=1+1", "geen getal"),
    ("12abc", "geen getal"),
    ("NaN", "geen getal"),
    ("inf", "geen getal"),
    ("1e5", "geen getal"),
    (",5", "geen getal"),
    ("650 50", "spatie"),  # two numbers, not 65050
    ("1.200 50", "spatie"),
    ("12\t00", "spatie"),  # pasted from a table
    ("12\n00", "spatie"),
    ("000.001", "geen getal"),
    ("١٢٣", "geen getal"),  # Arabic-Indic digits: Python's float() would take them without a word
    ("１２００", "geen getal"),  # fullwidth digits
    pytest.param("x" * (MAX_TEKENS + 1), "tekens", id="te-lang"),
    pytest.param("1" * 10_000_000, "tekens", id="10MB"),  # a 10 MB paste is refused before it is looked at
])
def test_onleesbaar_geweigerd(tekst, in_melding):
    with pytest.raises(GetalFout, match=in_melding):
        lees_getal(tekst)


def test_geheel():
    assert lees_getal("1.800", geheel=True) == 1800  # gas from the annual bill: 1.800 m³, not 1
    assert isinstance(lees_getal("1.800", geheel=True), int)
    with pytest.raises(GetalFout, match="geen geheel getal"):
        lees_getal("85,5", geheel=True)
    with pytest.raises(GetalFout, match="geen geheel getal"):
        lees_getal("1,800", geheel=True)  # 1,8 to a Dutch reader: refused, not rounded
    with pytest.raises(GetalFout):
        lees_getal(float("nan"))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.sampled_from([0, 1, 2]))
def test_wat_de_app_toont_leest_terug(x, decimalen):
    """Every number the app writes (getal: thousands dot, decimal comma) reads back as itself."""
    getoond = getal(x, decimalen)
    assert lees_getal(getoond) == float(afgerond(x, decimalen))  # 0,25 shows as 0,3 and reads back as 0,3


@pytest.mark.parametrize("tekst, verwacht", [
    ("1-6-2025", dt.date(2025, 6, 1)), ("01-06-2025", dt.date(2025, 6, 1)), ("1/6/2025", dt.date(2025, 6, 1)),
    ("1.6.2025", dt.date(2025, 6, 1)), ("2025-06-01", dt.date(2025, 6, 1)), (" 29-02-2024 ", dt.date(2024, 2, 29)),
    ("", None),
])
def test_datum_nederlands(tekst, verwacht):
    assert lees_datum(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["29-02-2025", "06/01/25", "2025/06/01", "1-6/2025", "=1+1", "x" * 100, "32-01-2025"])
def test_datum_geweigerd(tekst):
    with pytest.raises(GetalFout):
        lees_datum(tekst)
