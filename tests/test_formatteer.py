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
