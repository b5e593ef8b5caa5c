"""Dutch number formatting for users: € 1.234,56 and 1.234,5."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from woonlasten.modellen import Resultaat


# A float is first rounded to this many decimals, far below a cent and far above the noise of a division, so that
# 340,50 / 12 = 28,374999999999996 rounds as the 28,375 it stands for.
RUIS_DECIMALEN = 9


def afgerond(x: float, decimalen: int = 2) -> Decimal:
    """``x`` rounded half away from zero to ``decimalen`` decimals, as money is rounded (€ 28,375 → € 28,38; a
    float's own rounding gives 28,37 for 340,50 / 12 and 0,12 for 0,125)."""
    d = Decimal(repr(round(float(x), RUIS_DECIMALEN))).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return d if d else abs(d)  # no '-0,00'


def centen(bedragen: np.ndarray) -> np.ndarray:
    """Amounts [€] rounded to cents half away from zero, column-wise: the same as :func:`afgerond` to the cent."""
    a = np.round(np.asarray(bedragen, dtype=float), RUIS_DECIMALEN)
    return np.sign(a) * np.floor(np.abs(a) * 100 + 0.5 + HALVE_CENT_MARGE) / 100 + 0.0


# a binary float just under a half cent after the scaling by 100 (2,675 × 100 = 267,49999999999997) still rounds up
HALVE_CENT_MARGE = 1e-7


def getal(x: float, decimalen: int = 0) -> str:
    """A number in Dutch notation: thousands with '.', decimals with ',', rounded half away from zero. NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    tekst = f"{afgerond(x, decimalen):,.{decimalen}f}"
    return tekst.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def euro(x: float, decimalen: int = 2) -> str:
    """An amount of money: ``€ 1.234,56``; negative as ``-€ 4,20``. NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    teken = "-" if x < 0 and afgerond(abs(x), decimalen) > 0 else ""
    return f"{teken}€ {getal(abs(x), decimalen)}"


def euro_verschil(x: float) -> str:
    """A change of money with explicit sign: ``+€ 4,20`` / ``-€ 4,20`` / ``€ 0,00``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if afgerond(x) == 0:
        return "€ 0,00"
    return ("+" if x > 0 else "") + euro(x)


def oordeel(r: "Resultaat") -> str:
    """The verdict in words, not relying on colour: 'Woonlastenneutraal: ja, € 4,20 per maand minder'."""
    if r.verschil is None:
        return "Geen ingreep: geen oordeel."
    d = r.verschil.totaal
    if d < 0:
        return f"Woonlastenneutraal: ja, {euro(-d)} per maand minder"
    if d == 0:
        return "Woonlastenneutraal: ja, per maand gelijk"
    return f"Woonlastenneutraal: nee, {euro(d)} per maand meer"


def over_tekort(x) -> str:
    """An amount left (≥ 0) or short, in Dutch: '€ 12,50 over' / '€ 40,00 tekort'; '–' when unknown."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{euro(abs(x))} {'over' if afgerond(x) >= 0 else 'tekort'}"
