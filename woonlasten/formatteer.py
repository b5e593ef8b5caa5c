"""Dutch number formatting for users: € 1.234,56 and 1.234,5."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from woonlasten.modellen import Resultaat


def getal(x: float, decimalen: int = 0) -> str:
    """A number in Dutch notation: thousands with '.', decimals with ','. NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    tekst = f"{float(x):,.{decimalen}f}"
    return tekst.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def euro(x: float, decimalen: int = 2) -> str:
    """An amount of money: ``€ 1.234,56``; negative as ``-€ 4,20``. NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    teken = "-" if x < 0 and round(abs(x), decimalen) > 0 else ""
    return f"{teken}€ {getal(abs(x), decimalen)}"


def euro_verschil(x: float) -> str:
    """A change of money with explicit sign: ``+€ 4,20`` / ``-€ 4,20`` / ``€ 0,00``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if round(x, 2) == 0:
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
