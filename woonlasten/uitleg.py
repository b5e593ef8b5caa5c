"""The explanation of a computed row (``toelichting``): the lines of every rule that ran, in the rules' order, each
line with the data row it used (file, line, status). The text of each rule's lines lives next to the rule
(``uitleg`` in its declaration, :mod:`woonlasten.regels`)."""

from __future__ import annotations

import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import alle_regels


def toelichting(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """How the row was computed: every rule's lines in order, then the verdict's rule."""
    uit: list[Toelichting] = []
    for regel in alle_regels():
        if regel.uitleg is not None:
            uit.extend(regel.uitleg(rij, t))
    uit.append(Toelichting(
        onderwerp="Oordeel",
        tekst="Woonlastenneutraal als de totale woonlasten na de ingreep niet hoger zijn dan ervoor "
              "(verschil ≤ € 0,00 per maand)." if bool(rij["heeft_ingreep"])
        else "Geen ingreep opgegeven: alleen de situatie vóór."))
    return uit
