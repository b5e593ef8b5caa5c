"""The energiecoach's advice in euros: what each behaviour or small measure of ``labels/gedrag`` saves this household
per year, in m³ or kWh and in € at its own marginal prices of the peildatum, and what the chosen ones
(``gedrag``: ``naam[:hoeveelheid];…``) save together, before and after the upgrade. Estimates (every effect is
``schatting``); the woonlasten themselves do not change.

Effect bases (``grondslag``): ``ruimteverwarming_aandeel`` a share of the gas for space heating
(``verbruik_ruimteverwarming_m3_{s}``, calibrated on own use); ``m3_per_persoon`` m³ gas per person; ``kwh_per_eenheid``
kWh per unit (a lamp). Gas measures count only for a gas boiler (``verwarming`` gasketel): with a heat pump the heat
comes from electricity, which this table does not cover. Prices: the core's ``prijs_{gas,elektriciteit}_incl_btw``
(delivery price + energiebelasting + ODE of the first bracket, × (1 + btw)) [€/m³, €/kWh], less the core's 2023
price cap (``energie.plafondkorting``) on the part of the saving that falls under the cap volume: the saving is what
the bill goes down, at the household's marginal price of the peildatum.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.regels.energie import plafondkorting
from woonlasten.rekenen.regel import Regel
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR, SITUATIES, Fouten, Rekenblad, is_gelijk

EENHEID = {"gas": "m³", "elektriciteit": "kWh"}
VERBRUIK = {"gas": "verbruik_gas_m3_{s}", "elektriciteit": "verbruik_elektriciteit_kwh_{s}"}


def maatregelen(t: Tabellen) -> pd.DataFrame:
    """The coach's list in its order."""
    return t["labels/gedrag"].frame.sort_values("volgorde")


def gekozen(tekst) -> dict[str, float | None]:
    """``"naam[:hoeveelheid];…"`` → {naam: hoeveelheid or None (the standard)}; empty or NaN → {}."""
    uit: dict[str, float | None] = {}
    if tekst is None or (isinstance(tekst, float) and np.isnan(tekst)):
        return uit
    for deel in str(tekst).split(";"):
        naam, _, hoeveel = deel.strip().partition(":")
        if not naam:
            continue
        if not hoeveel.strip():
            uit[naam] = None
            continue
        try:
            aantal = float(hoeveel.replace(",", "."))
        except ValueError:
            aantal = math.nan
        # a quantity that is no positive number ('led_lamp:-8', 'led_lamp:abc') is not a known measure: listed
        # as not counted, never a negative saving or silently the standard quantity
        if math.isfinite(aantal) and aantal > 0:
            uit[naam] = aantal
        else:
            uit[deel.strip()] = None
    return uit


def _plafond(t: Tabellen, rij: np.ndarray) -> dict:
    """The price-cap rows the core found per row (``_rij_prijsplafond_<drager>``; -1 = no cap) as the dict
    :func:`plafondkorting` takes."""
    frame = t["tariffs/prijsplafond"].frame
    rij = np.asarray(rij, dtype=np.int64)
    plek = pd.Index(frame["_rij"]).get_indexer(rij)  # the file line → the frame's position; -1: none
    uit: dict = {"_rij": rij}
    for k in ("plafondprijs_incl_btw", "plafondvolume_jaar"):
        waarden = np.append(frame[k].to_numpy(dtype=float), np.nan)
        uit[k] = waarden[plek]  # position -1 takes the appended NaN
    return uit


def besparing_euro(eenheden, volume, prijs, plafond: dict) -> np.ndarray:
    """What the bill goes down [€/jaar] when ``eenheden`` less of ``volume`` is used: at the marginal price
    ``prijs`` [€/eenheid incl. btw], less the price-cap discount lost on the volume under the cap (2023)."""
    v = np.maximum(np.asarray(volume, dtype=float), 0.0)
    return eenheden * prijs - (plafondkorting(v, prijs, plafond) - plafondkorting(np.maximum(v - eenheden, 0.0),
                                                                                  prijs, plafond))


KETEL = "gasketel"  # the heating for which the gas measures are computed (their effect is on a boiler's gas)
GAS = "gas"  # the carrier of those measures in labels/gedrag.csv


def energiecoach(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Per measure m and situation s: ``{s}_gedrag_{m}_eenheden`` [m³ or kWh per year] and ``{s}_gedrag_{m}_jaar``
    [€/jaar] at the standard (or chosen) quantity; ``{s}_gedrag_gekozen_jaar`` and ``{s}_gedrag_gekozen_maand``
    [€] for the chosen ones, the gas and electricity saved capped at the household's use."""
    n = f.n
    tabel = maatregelen(t)
    codes, uniek = pd.factorize(pd.Series(np.asarray(f["gedrag"], dtype=object)), use_na_sentinel=True)
    keuzes = [gekozen(u) for u in uniek]
    bekend = set(tabel["maatregel"])
    f["_gedrag_onbekend"] = np.array(
        [";".join(k for k in keuzes[c] if k not in bekend) if c >= 0 else "" for c in codes], dtype=object)
    plafond = {d: _plafond(t, f[f"_rij_prijsplafond_{d}"]) for d in EENHEID}
    for s in SITUATIES:
        verwarming = f["verwarming"] if s == "voor" else f["verwarming_na"]
        ketel = is_gelijk(verwarming, KETEL)
        basis = {"ruimteverwarming_aandeel": np.where(ketel, f[f"verbruik_ruimteverwarming_m3_{s}"], 0.0),
                 "m3_per_persoon": np.where(ketel, f["personen_gebruikt"], 0.0),
                 "kwh_per_eenheid": np.ones(n)}
        gekozen_eenheden = {d: np.zeros(n) for d in EENHEID}
        for m in tabel.itertuples():
            # the chosen quantity where given (led_lamp:8), else the table's standard
            hoeveel = np.array([k.get(m.maatregel) for k in keuzes] + [None], dtype=float)[codes]
            hoeveel = np.where(np.isnan(hoeveel), m.standaard_hoeveelheid, hoeveel)
            eenheden = m.effect * basis[m.grondslag] * hoeveel
            f[f"{s}_gedrag_{m.maatregel}_eenheden"] = eenheden
            f[f"{s}_gedrag_{m.maatregel}_jaar"] = besparing_euro(
                eenheden, f[VERBRUIK[m.drager].format(s=s)], f[f"prijs_{m.drager}_incl_btw"], plafond[m.drager])
            is_gekozen = np.array([m.maatregel in k for k in keuzes] + [False])[codes]
            gekozen_eenheden[m.drager] = gekozen_eenheden[m.drager] + np.where(is_gekozen, eenheden, 0.0)
        jaar = sum(besparing_euro(np.minimum(gekozen_eenheden[d], np.maximum(f[VERBRUIK[d].format(s=s)], 0.0)),
                                  f[VERBRUIK[d].format(s=s)], f[f"prijs_{d}_incl_btw"], plafond[d]) for d in EENHEID)
        f[f"{s}_gedrag_gekozen_jaar"] = jaar
        f[f"{s}_gedrag_gekozen_maand"] = jaar / MAANDEN_PER_JAAR


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """The coach's lines: the chosen measures' saving and the new monthly total; unknown names."""
    keuze = gekozen(rij["gedrag"])
    uit: list[Toelichting] = []
    if rij["_gedrag_onbekend"]:
        uit.append(Toelichting(onderwerp="Energiecoach", tekst=(
            f"Onbekende gedragsmaatregel(en) niet meegeteld: {rij['_gedrag_onbekend'].replace(';', ', ')} (kies uit "
            f"{', '.join(maatregelen(t)['maatregel'])}).")))
    if not keuze:
        return uit
    delen = []
    for m in maatregelen(t).itertuples():
        if m.maatregel in keuze:
            delen.append(f"{m.omschrijving}: {getal(rij[f'voor_gedrag_{m.maatregel}_eenheden'])} "
                         f"{EENHEID[m.drager]}, {euro(rij[f'voor_gedrag_{m.maatregel}_jaar'])} per jaar")
    if delen:
        uit.append(Toelichting(
            onderwerp="Energiecoach",
            tekst=("Gekozen: " + "; ".join(delen) + f". Samen {euro(rij['voor_gedrag_gekozen_maand'])} per maand "
                   f"minder; woonlasten met dit gedrag {euro(rij['voor_totaal'] - rij['voor_gedrag_gekozen_maand'])} "
                   "per maand (schatting; tegen de eigen prijzen van de peildatum: leveringsprijs, energiebelasting "
                   "en btw van de eerste schijf, onder het prijsplafond van 2023 de plafondprijs)."),
            bron="labels/gedrag.csv", status="schatting"))
    return uit


VOLGORDE = 96

REGELS = (
    Regel(
        "energiecoach", energiecoach,
        leest=("gedrag", "verwarming", "verwarming_na", "personen_gebruikt", "verbruik_ruimteverwarming_m3_{s}",
               "verbruik_gas_m3_{s}", "verbruik_elektriciteit_kwh_{s}", "prijs_gas_incl_btw",
               "prijs_elektriciteit_incl_btw", "_rij_prijsplafond_gas", "_rij_prijsplafond_elektriciteit"),
        schrijft=("_gedrag_onbekend", "{s}_gedrag_*_eenheden", "{s}_gedrag_*_jaar", "{s}_gedrag_gekozen_maand"),
        tabellen=("labels/gedrag", "tariffs/prijsplafond"),
        informatief=True,
        uitleg=uitleg,
    ),
)
