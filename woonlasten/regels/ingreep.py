"""What happens to the dwelling: the measures chosen, the label after and the heating after."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import categorisch, zoek
from woonlasten.modellen import ENERGIELABELS, GRENZEN, VERWARMINGEN
from woonlasten.rekenen.regel import Regel
from woonlasten.rekenen.rekenblad import Fouten, Kolom, Rekenblad, categorie, gevuld, tekst_van, vul


def maatregel_kolommen(t: Tabellen) -> list[str]:
    """The measure keys of the catalogue, in file order."""
    return t["labels/maatregelen"].afgeleid("maatregelen", lambda fr: list(fr["maatregel"]))


def _ontleed_maatregelen(tekst: pd.Categorical, t: Tabellen, fouten: Fouten) -> dict[str, np.ndarray]:
    """Parse ``"spouwmuurisolatie;dakisolatie:45;warmtepomp:1:11500"`` (name, optional quantity, optional price per
    unit [€]) into arrays per measure: ``maatregel_<naam>`` with the quantity (NaN = not chosen, -1 = chosen with
    the standard quantity) and ``prijs_<naam>`` (NaN = catalogue price). Parses each distinct text once."""
    namen = maatregel_kolommen(t)
    uniek = list(tekst.categories)
    tabel = np.full((len(uniek) + 1, len(namen)), np.nan)
    prijzen = np.full((len(uniek) + 1, len(namen)), np.nan)
    meldingen: list = [None] * (len(uniek) + 1)
    laag, hoog = GRENZEN["hoeveelheid"]

    def getal(tekst_: str, wat: str, naam: str, grenzen: tuple[float, float]) -> float | str:
        try:
            q = float(tekst_.replace(",", "."))
        except ValueError:
            return f"maatregelen: {wat} bij '{naam}' is geen getal ('{tekst_}')"
        if not grenzen[0] <= q <= grenzen[1]:
            return f"maatregelen: {wat} bij '{naam}' moet tussen {grenzen[0]:g} en {grenzen[1]:g} liggen"
        return q

    for u, waarde in enumerate(uniek):
        for stuk in [s.strip() for s in str(waarde).split(";") if s.strip()]:
            naam, _, rest = stuk.partition(":")
            hoeveel, _, prijs = rest.partition(":")
            naam = naam.strip().lower().replace(" ", "_")
            if naam not in namen:
                meldingen[u] = f"maatregelen: onbekende maatregel '{naam}' (kies uit {', '.join(namen)})"
                continue
            i = namen.index(naam)
            tabel[u, i] = -1.0
            if hoeveel.strip():
                q = getal(hoeveel.strip(), "hoeveelheid", naam, (laag, hoog))
                if isinstance(q, str):
                    meldingen[u] = q
                    continue
                tabel[u, i] = q
            if prijs.strip():
                pr = getal(prijs.strip(), "prijs per eenheid", naam, GRENZEN["prijs_per_eenheid"])
                if isinstance(pr, str):
                    meldingen[u] = pr
                    continue
                prijzen[u, i] = pr
    codes = np.where(tekst.codes < 0, len(uniek), tekst.codes)
    if any(meldingen):
        melding = np.array(meldingen, dtype=object)[codes]
        fouten.zet(melding != None, lambda m: melding[m])  # noqa: E711 - elementwise on an object array
    uit = {"maatregel_" + naam: tabel[codes, i] for i, naam in enumerate(namen)}
    uit.update({"prijs_" + naam: prijzen[codes, i] for i, naam in enumerate(namen) if not np.isnan(prijzen[:, i]).all()})
    return uit


def _rang(label: Kolom, t: Tabellen) -> np.ndarray:
    """Label rank: 1 = A++++ (best) … 11 = G (worst); NaN where missing."""
    volgorde = t["labels/labelklassen"].per("energielabel")["volgorde"]
    cat = categorie(label)
    per_cat = np.append([float(volgorde.get(c, np.nan)) for c in cat.categories], np.nan)
    return per_cat[np.where(cat.codes < 0, len(cat.categories), cat.codes)]


def _label_van_rang(rang: np.ndarray, t: Tabellen) -> pd.Categorical:
    rang_van = t["labels/labelklassen"].per("energielabel")["volgorde"]
    per_rang = {int(rang_van[lab]): i for i, lab in enumerate(ENERGIELABELS) if lab in rang_van}
    opzoek = np.full(max(per_rang) + 2, -1, dtype=np.int64)
    for r, i in per_rang.items():
        opzoek[r] = i
    r = np.where(np.isnan(rang), -1, rang).astype(np.int64)
    return categorisch(opzoek[r], ENERGIELABELS)


def situatie_na(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Adds the measures' quantities, ``heeft_ingreep``, ``energielabel_na``, ``verwarming_na``,
    ``zon_opwek_kwh`` [kWh/jaar] and ``ruimte_factor_maatregelen`` (share of space heating left). What a measure
    does comes from its properties in labels/maatregelen.csv (``soort``, ``via_servicekosten``, ``verwarming_na``)
    and labels/maatregel_effect.csv, never from its name."""
    m = _ontleed_maatregelen(f["maatregelen"], t, fouten)
    effect = t["labels/maatregel_effect"]
    n = f.n
    factor = np.ones(n)
    stappen = np.zeros(n)
    stappen_isolatie = np.zeros(n)
    stappen_installatie = np.zeros(n)
    stappen_zon = np.zeros(n)
    investering_zon = np.zeros(n)
    opwek = np.zeros(n)
    gekozen_ergens = np.zeros(n, dtype=bool)
    verwarming_codes = f["verwarming"].codes.astype(np.int64)  # categories are VERWARMINGEN (normaliseer)
    huidige_codes = verwarming_codes.copy()
    verwarming_gekozen = np.full(n, -1, dtype=np.int64)  # the heating a chosen measure installs (-1: none yet)
    catalogus = t["labels/maatregelen"].per("maatregel")
    for kol, prijs in [(k, v) for k, v in m.items() if k.startswith("prijs_")]:
        f[kol] = prijs
    for kol, hoeveel in [(k, v) for k, v in m.items() if k.startswith("maatregel_")]:
        naam = kol.removeprefix("maatregel_")
        gekozen = ~np.isnan(hoeveel)
        if not gekozen.any():
            continue  # a measure nobody chose gets no column
        gekozen_ergens |= gekozen
        # a quantity of 0 is no measure: refused rather than counted (a heating of 0 would still change the heating)
        fouten.zet(gekozen & (hoeveel == 0), f"ingreep.maatregelen: {naam} met hoeveelheid 0 kan niet; laat de "
                                              "maatregel weg of geef een hoeveelheid")
        e = zoek(effect, None, {"maatregel": naam, "woningtype": f["woningtype"]},
                 ["standaard_hoeveelheid", "besparing_ruimteverwarming_aandeel",
                  "elektriciteit_opwek_kwh_per_eenheid", "labelstappen"], n=n)
        standaard = vul(e["standaard_hoeveelheid"], 1.0)
        q = np.where(hoeveel >= 0, hoeveel, standaard)
        f[kol] = np.where(gekozen, q, np.nan)
        schaal = np.nan_to_num(np.minimum(q / standaard, 1.0))  # more than standard gives no extra saving
        aandeel = vul(e["besparing_ruimteverwarming_aandeel"], 0.0) * schaal
        factor = np.where(gekozen, factor * (1.0 - aandeel), factor)
        stap = vul(e["labelstappen"], 0.0) * schaal
        stappen = np.where(gekozen, stappen + stap, stappen)
        # the rent rules take a measure's label steps by its catalogue properties: charged through the
        # servicekosten (solar panels), insulation, or an installation
        if catalogus.loc[naam, "via_servicekosten"] == "ja":
            stappen_zon = np.where(gekozen, stappen_zon + stap, stappen_zon)
            prijs = vul(m.get("prijs_" + naam, np.nan), float(catalogus.loc[naam, "investering_per_eenheid"]))
            investering_zon = np.where(gekozen, investering_zon + q * prijs, investering_zon)
        elif catalogus.loc[naam, "soort"] == "isolatie":
            stappen_isolatie = np.where(gekozen, stappen_isolatie + stap, stappen_isolatie)
        else:
            stappen_installatie = np.where(gekozen, stappen_installatie + stap, stappen_installatie)
        verwarming = catalogus.loc[naam, "verwarming_na"]
        if verwarming != "ongewijzigd":
            # a heating the home has gone beyond (a heat pump on the warmtenet, a hybrid next to a full heat pump)
            # changes nothing: refused, rather than counted for its label steps, rent and price
            index = VERWARMINGEN.index(verwarming)
            # two heatings chosen together (a heat pump and the warmtenet): one replaces the other, the other would
            # be paid and counted for nothing
            fouten.zet(gekozen & (verwarming_gekozen >= 0), lambda mk, naam=naam, eerder=verwarming_gekozen: np.array(
                [f"ingreep.maatregelen: {VERWARMINGEN[c]} en {naam} samen kan niet; kies één verwarming"
                 for c in eerder[mk]], dtype=object))
            verwarming_gekozen = np.where(gekozen, index, verwarming_gekozen)
            fouten.zet(gekozen & (huidige_codes > index), lambda mk, naam=naam, index=index: np.array(
                [f"ingreep.maatregelen: {naam} verandert niets aan een woning met {VERWARMINGEN[c]} (die blijft); "
                 "laat deze maatregel weg" for c in huidige_codes[mk]], dtype=object))
            # VERWARMINGEN runs from gas to all-electric: the heating a measure installs replaces the current one
            # unless that is already further (a hybrid heat pump next to a full one leaves the full one)
            verwarming_codes = np.where(gekozen, np.maximum(verwarming_codes, VERWARMINGEN.index(verwarming)),
                                        verwarming_codes)
        opwek = np.where(gekozen, opwek + q * vul(e["elektriciteit_opwek_kwh_per_eenheid"], 0.0), opwek)
    naar_label = f["naar_label"]
    heeft_doel = gevuld(naar_label)
    f["heeft_ingreep"] = heeft_doel | gekozen_ergens | ~np.isnan(f["huurverhoging"])
    f["label_na_uit_maatregelen"] = ~heeft_doel & gekozen_ergens
    f["heeft_maatregelen"] = gekozen_ergens
    f["stappen_isolatie"] = stappen_isolatie
    f["stappen_installatie"] = stappen_installatie
    f["stappen_zon"] = stappen_zon
    f["zon_investering"] = investering_zon
    # realisation: measured savings of packages are lower than the sum of the measures' modelled savings
    realisatie = t.parameter("realisatiefactor_maatregelen")
    f["ruimte_factor_maatregelen"] = 1.0 - (1.0 - factor) * realisatie
    f["zon_opwek_kwh"] = opwek
    rang_voor = _rang(f["energielabel"], t)
    rang_doel = _rang(naar_label, t)
    rang_maatregelen = np.maximum(rang_voor - np.floor(stappen + 1e-9), 1.0)
    rang_na = np.where(heeft_doel, rang_doel, rang_maatregelen)
    rang_na = np.where(f["heeft_ingreep"], rang_na, np.nan)
    f["energielabel_na"] = _label_van_rang(rang_na, t)
    f["_rang_voor"] = rang_voor
    f["_rang_na"] = vul(rang_na, rang_voor)
    fouten.zet(rang_doel > rang_voor, lambda mk: np.array(
        [f"ingreep.naar_label: {a} is slechter dan het huidige label {b}" for a, b in
         zip(tekst_van(naar_label, mk), tekst_van(f["energielabel"], mk), strict=True)], dtype=object))
    f["verwarming_na"] = categorisch(verwarming_codes, VERWARMINGEN)


VOLGORDE = 10  # first: everything after depends on the situation after the upgrade

REGELS = (
    Regel(
        "ingreep", situatie_na,
        leest=("maatregelen", "woningtype", "energielabel", "naar_label", "verwarming", "huurverhoging"),
        schrijft=("maatregel_*", "prijs_*", "heeft_ingreep", "label_na_uit_maatregelen", "heeft_maatregelen",
                  "stappen_isolatie", "stappen_installatie", "stappen_zon", "zon_investering",
                  "ruimte_factor_maatregelen", "zon_opwek_kwh", "energielabel_na", "_rang_voor", "_rang_na",
                  "verwarming_na"),
        tabellen=("labels/maatregelen", "labels/maatregel_effect", "labels/labelklassen", "labels/parameters"),
        # everything here follows from these columns (a given rent increase only by being given or not), so the
        # rule runs once per distinct situation; the situation's number is a key for the rent rules
        per_combinatie=("maatregelen", "woningtype", "energielabel", "naar_label", "verwarming", "huurverhoging"),
        combinatie_kolom="_situatie",
    ),
)
