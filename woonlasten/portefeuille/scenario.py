"""Scenarios for a housing stock: which dwellings get which upgrade."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.modellen import ENERGIELABELS, VERWARMINGEN, ZONDER_GASAANSLUITING
from woonlasten.portefeuille.lezen import PortefeuilleFout


@dataclass(frozen=True)
class Scenario:
    """A target for the stock: dwellings worse than ``doellabel`` get ``maatregelen`` and reach ``doellabel``."""

    naam: str
    omschrijving: str
    doellabel: str
    maatregelen: str
    # a measure every dwelling with a gas connection gets, whatever its label (the switch to a heat network)
    overstap: str | None = None


SCENARIOS = {
    "label-B": Scenario("label-B", "Groot onderhoud: naar label B (isolatie)", "B",
                        "spouwmuurisolatie;dakisolatie;vloerisolatie;hr_glas"),
    "label-A": Scenario("label-A", "Levensduurverlenging: naar label A (isolatie + warmtepomp)", "A",
                        "spouwmuurisolatie;dakisolatie;vloerisolatie;hr_glas;warmtepomp"),
    "aardgasvrij-warmtenet": Scenario(
        "aardgasvrij-warmtenet", "Aardgasvrij via warmtenet: naar label B (isolatie) en aansluiten op het warmtenet",
        "B", "spouwmuurisolatie;dakisolatie;vloerisolatie;hr_glas", overstap="warmtenet"),
}


def scenario_uit_tekst(tekst: str) -> Scenario:
    """A name of :data:`SCENARIOS` (``label-B``, ``label-A``, ``aardgasvrij-warmtenet``) or
    ``eigen:LABEL[:maatregel;maatregel]``."""
    if tekst in SCENARIOS:
        return SCENARIOS[tekst]
    delen = tekst.split(":", 2)
    if delen[0] == "eigen" and len(delen) >= 2 and delen[1].upper() in ENERGIELABELS:
        label = delen[1].upper()
        maatregelen = delen[2] if len(delen) > 2 else ""
        return Scenario(tekst, f"Eigen scenario: naar label {label}" + (f" ({maatregelen})" if maatregelen else ""),
                        label, maatregelen)
    raise PortefeuilleFout(f"onbekend scenario '{tekst}': kies {', '.join(SCENARIOS)} of eigen:LABEL[:maatregel;…]")


def _zonder_verder_verwarmd(maatregelen: str, t: Tabellen) -> tuple[str, int] | None:
    """(the measures without the heating ones, the lowest index in VERWARMINGEN those install), or None when the
    scenario installs no heating."""
    catalogus = t["labels/maatregelen"].per("maatregel")["verwarming_na"]
    namen = [m for m in maatregelen.split(";") if m]
    verwarmend = [m for m in namen if m in catalogus.index and catalogus[m] != "ongewijzigd"]
    if not verwarmend:
        return None
    return ";".join(m for m in namen if m not in verwarmend), min(VERWARMINGEN.index(catalogus[m]) for m in verwarmend)


def pas_scenario_toe(invoer: pd.DataFrame, scenario: Scenario, t: Tabellen) -> pd.DataFrame:
    """Set ``naar_label`` and ``maatregelen`` for dwellings worse than the target; the others get no ingreep (and
    no given huurverhoging), so the core reports them unchanged."""
    rang = t["labels/labelklassen"].per("energielabel")["volgorde"]
    huidig = invoer["energielabel"].map(rang).astype(float)
    doel = rang[scenario.doellabel]
    aanpakken = (huidig > doel).to_numpy()
    code = aanpakken.astype(np.int8) - 1  # -1 = empty
    invoer["naar_label"] = pd.Categorical.from_codes(code, categories=[scenario.doellabel])
    invoer["maatregelen"] = pd.Categorical.from_codes(code, categories=[scenario.maatregelen])
    # a dwelling whose heating is beyond the scenario's heating measure (a heat pump for a home on the warmtenet)
    # gets the scenario without that measure: the core refuses a measure that changes nothing
    zonder = _zonder_verder_verwarmd(scenario.maatregelen, t)
    if zonder is not None and "verwarming" in invoer.columns:
        maat, index = zonder
        verder = invoer["verwarming"].astype(object).map(
            lambda v: v in VERWARMINGEN and VERWARMINGEN.index(v) > index).to_numpy(dtype=bool)
        code = np.where(aanpakken & verder, 1, code).astype(np.int8)
        invoer["maatregelen"] = pd.Categorical.from_codes(code, categories=[scenario.maatregelen, maat])
    if scenario.overstap:  # every dwelling with a gas connection (and a label) switches, insulated or not
        verwarming = invoer["verwarming"].astype(object) if "verwarming" in invoer.columns else None
        gas = np.ones(len(invoer), dtype=bool) if verwarming is None else \
            ~verwarming.isin(ZONDER_GASAANSLUITING).to_numpy()  # empty = the default, a gas boiler
        overstap = gas & huidig.notna().to_numpy()
        # 0: insulation and the switch, 1: insulation only (no gas), 2: the switch only (at the label already)
        code = np.where(aanpakken, np.where(overstap, 0, 1), np.where(overstap, 2, -1)).astype(np.int8)
        invoer["maatregelen"] = pd.Categorical.from_codes(code, categories=[
            f"{scenario.maatregelen};{scenario.overstap}", scenario.maatregelen, scenario.overstap])
        aanpakken = aanpakken | overstap
    if "huurverhoging" in invoer.columns:  # a dwelling left as it is gets no rent increase either
        invoer["huurverhoging"] = invoer["huurverhoging"].where(aanpakken)
    actie = np.where(aanpakken, 0, np.where(huidig.notna().to_numpy(), 1, -1)).astype(np.int8)
    invoer["scenario_actie"] = pd.Categorical.from_codes(actie, categories=["aangepakt",
                                                                           "al op of boven het doellabel"])
    return invoer
