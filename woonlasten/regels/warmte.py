"""Heat from a heat network (warmtenet, stadsverwarming) [€/maand]: the ACM maximum tariffs or the household's own,
BTW as for energy, the 2023 price cap for heat."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.regels.energie import plafondkorting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import (
    MAANDEN_PER_JAAR,
    SITUATIES,
    Fouten,
    Rekenblad,
    eigen_of_standaard,
    is_gelijk,
    met_waarde,
    vul,
)

WARMTENET = "warmtenet"


def warmte(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Heat costs per situation in ``{voor,na}_energie_warmte`` [€/maand] (0 without a heat network).

    Per year: GJ × price per GJ excl. BTW × (1 + BTW) − the 2023 price cap on the capped GJ + fixed costs
    (vastrecht, meettarief, huur afleverset) excl. BTW × (1 + BTW). Price and fixed costs: the household's own
    (contract) or the ACM maximum of the date (tariffs/warmte). A row on a heat network on a date before the table
    is refused.
    """
    n = f.n
    pd_ = f["_peildatum_cat"]
    btw = f["btw_energie"]
    op_net = {"voor": is_gelijk(f["verwarming"], WARMTENET), "na": is_gelijk(f["verwarming_na"], WARMTENET)}
    acm = zoek(t["tariffs/warmte"], pd_, None, ["prijs_gj_excl_btw", "vaste_kosten_jaar_excl_btw"], n=n)
    f["_rij_warmte"] = acm["_rij"]
    fouten.zet((op_net["voor"] | op_net["na"]) & (acm["_rij"] < 0), met_waarde(
        "peildatum: geen warmtetarief (ACM-maximum) bekend op ", f["peildatum"],
        "; een woning op een warmtenet (verwarming) kan pas vanaf 2022 worden berekend"))
    prijs = eigen_of_standaard(f["warmte_prijs_gj"], acm["prijs_gj_excl_btw"])
    vast = eigen_of_standaard(f["warmte_vaste_kosten_jaar"], acm["vaste_kosten_jaar_excl_btw"])
    f["prijs_warmte_gj"] = prijs
    f["vaste_kosten_warmte"] = vast
    plafond = zoek(t["tariffs/prijsplafond"], pd_, {"drager": "warmte"},
                   ["plafondprijs_incl_btw", "plafondvolume_jaar"], n=n)
    f["_rij_prijsplafond_warmte"] = plafond["_rij"]
    prijs1 = prijs * (1 + btw)
    f["prijs_warmte_incl_btw"] = prijs1
    for s in SITUATIES:
        gj = vul(f[f"verbruik_warmte_gj_{s}"], 0.0)
        kosten = gj * prijs1 - plafondkorting(gj, prijs1, plafond) + vast * (1 + btw)
        kosten = np.where(op_net[s], vul(kosten, 0.0), 0.0)
        f[f"{s}_energie_warmte_jaar"] = kosten
        f[f"{s}_energie_warmte"] = kosten / MAANDEN_PER_JAAR


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Heat lines (only for a dwelling on a heat network before or after): the tariff used and where it comes
    from, the price cap, and the rent rule for the switch."""
    voor, na = rij["verwarming"] == WARMTENET, bool(rij["heeft_ingreep"]) and rij["verwarming_na"] == WARMTENET
    if not (voor or na):
        return []
    uit: list[Toelichting] = []
    acm = bronrij(t, "tariffs/warmte", rij["_rij_warmte"])
    btw = float(rij["btw_energie"])
    eigen_prijs, eigen_vast = not pd.isna(rij["warmte_prijs_gj"]), not pd.isna(rij["warmte_vaste_kosten_jaar"])
    herkomst = ("eigen contract" if eigen_prijs and eigen_vast else
                "deels eigen contract, verder het ACM-maximum" if eigen_prijs or eigen_vast else
                "het maximumtarief van de ACM; de tarieven van de plaatselijke leverancier zijn niet bekend en zijn "
                "vaak lager: vul het eigen contract in voor een precieze berekening")
    delen = ("vastrecht", "meettarief", "afleverset")
    if not eigen_vast and acm is not None and all(not pd.isna(acm[f"{d}_jaar_excl_btw"]) for d in delen):
        samenstelling = "; ".join(f"{'huur afleverset' if d == 'afleverset' else d} "
                                  f"{euro(acm[f'{d}_jaar_excl_btw'] * (1 + btw))}" for d in delen)
    else:
        samenstelling = "vastrecht, meettarief en huur afleverset"
    uit.append(item(
        "Energie: warmte (warmtenet)",
        f"{euro(rij['prijs_warmte_gj'] * (1 + btw), 2)} per GJ en {euro(rij['vaste_kosten_warmte'] * (1 + btw))} per "
        f"jaar vaste kosten ({samenstelling}), incl. {getal(btw * 100)}% btw ({herkomst})."
        + ("" if eigen_vast or rij["rol"] != "huurder" else
           " Betaalt de huurder de afleverset via de servicekosten aan de verhuurder, vul dan de eigen vaste kosten "
           "zonder de afleverset in: anders telt hij dubbel."),
        None if eigen_prijs and eigen_vast else acm, None if eigen_prijs and eigen_vast else "tariffs/warmte"))
    if acm is not None and rij["peildatum"].year > acm["geldig_vanaf"].year:
        uit.append(Toelichting(
            onderwerp="Energie: warmte (warmtenet)",
            tekst=f"Let op: de maximumtarieven van de ACM voor {rij['peildatum'].year} zijn nog niet bekend; gerekend "
                  f"met die van {acm['geldig_vanaf'].year}."))
    for s, op in (("voor", voor), ("na", na)):
        if op:
            uit.append(Toelichting(
                onderwerp=f"Verbruik: warmte {'vóór' if s == 'voor' else 'na de ingreep'}",
                tekst=f"{getal(rij[f'verbruik_warmte_gj_{s}'], 1)} GJ per jaar "
                      + ("(eigen jaarafrekening)." if s == "voor" and not pd.isna(rij["warmte_gj"]) else
                         "(uit het gasverbruik voor verwarming en warm water: m³ × rendement van de cv-ketel × "
                         f"{getal(t.parameter('gas_gj_per_m3'), 5)} GJ/m³; koken elektrisch).")))
    pl = bronrij(t, "tariffs/prijsplafond", rij["_rij_prijsplafond_warmte"])
    if pl is not None:
        uit.append(item("Energie: prijsplafond warmte",
                        f"Tot {getal(pl['plafondvolume_jaar'])} GJ per jaar hooguit {euro(pl['plafondprijs_incl_btw'], 2)} "
                        "per GJ incl. btw.", pl, "tariffs/prijsplafond"))
    if na and not voor:
        uit.append(Toelichting(
            onderwerp="Ingreep: overstap naar het warmtenet",
            tekst="De gasaansluiting vervalt: geen gas, geen vaste gaskosten en geen netbeheerkosten voor gas meer; "
                  "koken wordt elektrisch. Voor huurders is geen huurregel bekend voor een aansluiting op een "
                  "warmtenet: volgens de regels geen huurverhoging voor de overstap zelf (isolatie naar een beter "
                  "label telt wel). Een afgesproken huurverhoging (ingreep.huurverhoging) wordt gebruikt zoals "
                  "opgegeven."))
    return uit


VOLGORDE = 32

REGELS = (
    Regel(
        "warmte", warmte,
        leest=("_peildatum_cat", "peildatum", "btw_energie", "verwarming", "verwarming_na", "verbruik_warmte_gj_{s}",
               "warmte_prijs_gj", "warmte_vaste_kosten_jaar"),
        schrijft=("_rij_warmte", "prijs_warmte_gj", "vaste_kosten_warmte", "_rij_prijsplafond_warmte",
                  "prijs_warmte_incl_btw", "{s}_energie_warmte_jaar", "{s}_energie_warmte"),
        tabellen=("tariffs/warmte", "tariffs/prijsplafond"),
        uitleg=uitleg,
    ),
)
