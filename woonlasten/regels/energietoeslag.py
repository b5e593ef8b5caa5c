"""The tegemoetkoming energierekening of November and December 2022 [€/maand]: € 190 incl. BTW per month per small
electricity connection (Staatscourant 2022, 28075), as a yearly amount spread over twelve months."""

from __future__ import annotations

import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR, SITUATIES, Fouten, Rekenblad, vul


def energietoeslag(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``{voor,na}_energie_tegemoetkoming`` [€/maand, negative]: the allowance of the peildatum's row, amount per
    month × number of months, spread over the twelve months of the year of use the calculation shows. The calculation
    applies the rules of the peildatum to a full year, so any peildatum in 2022 gets the € 380 of that year. The
    amount is incl. BTW and not taxed again. Every case has its own small electricity connection (a household
    behind a collective connection is not modelled), so every row gets it, before and after the measures."""
    r = zoek(t["tariffs/energietoeslag"], f["_peildatum_cat"], None, ["bedrag_maand_incl_btw", "maanden"], n=f.n)
    per_maand = -vul(r["bedrag_maand_incl_btw"] * r["maanden"], 0.0) / MAANDEN_PER_JAAR
    for s in SITUATIES:
        f[f"{s}_energie_tegemoetkoming"] = per_maand
    f["_rij_energietoeslag"] = r["_rij"]


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """The allowance's line, only on a peildatum that has one."""
    bron = bronrij(t, "tariffs/energietoeslag", rij["_rij_energietoeslag"])
    if bron is None:
        return []
    jaar = bron["bedrag_maand_incl_btw"] * bron["maanden"]
    return [item("Energie: tegemoetkoming energierekening",
                 f"{euro(bron['bedrag_maand_incl_btw'])} per maand incl. btw per kleinverbruikaansluiting voor "
                 f"elektriciteit in {getal(bron['maanden'])} maanden van {bron['geldig_vanaf'].year} (samen "
                 f"{euro(jaar)}; welke maanden: zie de bron). "
                 f"De berekening toont een heel jaar met de regels van de peildatum: {euro(jaar)} / 12 = "
                 f"{euro(jaar / MAANDEN_PER_JAAR)} per maand minder.", bron, "tariffs/energietoeslag")]


VOLGORDE = 35

REGELS = (
    Regel(
        "energietoeslag", energietoeslag,
        leest=("_peildatum_cat",),
        schrijft=("{s}_energie_tegemoetkoming", "_rij_energietoeslag"),
        tabellen=("tariffs/energietoeslag",),
        uitleg=uitleg,
    ),
)
