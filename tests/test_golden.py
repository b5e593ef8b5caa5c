"""Golden cases: readable JSON files in tests/golden/, each with the hand arithmetic from the cited sources
(``berekening``), the input (``invoer``) and the expected figures (``verwacht``, € per month, tolerance € 0,01)."""

import json
from pathlib import Path

import pytest

from woonlasten import bereken

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))


def _waarde(resultaat, pad: str):
    obj = resultaat
    for stuk in pad.split("."):
        obj = getattr(obj, stuk)
    return obj


@pytest.mark.parametrize("pad", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_case(pad):
    geval = json.loads(pad.read_text(encoding="utf-8"))
    assert geval["berekening"], "a golden case shows its hand arithmetic"
    resultaat = bereken(geval["invoer"])
    for veld, verwacht in geval["verwacht"].items():
        gekregen = _waarde(resultaat, veld)
        if isinstance(verwacht, bool) or verwacht is None:
            assert gekregen == verwacht, f"{geval['naam']}: {veld}"
        elif veld.startswith("verbruik."):
            assert gekregen == pytest.approx(verwacht, abs=1), f"{geval['naam']}: {veld}"
        else:
            assert gekregen == pytest.approx(verwacht, abs=0.01), f"{geval['naam']}: {veld}"


def test_there_are_golden_cases():
    assert len(GOLDEN) >= 7
