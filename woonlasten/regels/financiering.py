"""Owners and buyers, on columns: investment, ISDE subsidy by date, loan (Warmtefonds or mortgage) as an annuity,
monthly effect, simple payback, CO₂ saving and the extra borrowing room for the label.

Rules are data: ``labels/maatregelen.csv`` (prices), ``tariffs/isde.csv``, ``tariffs/warmtefonds.csv``,
``tariffs/hypotheekruimte.csv``, ``labels/co2_factoren.csv``. Money in € (investments) and € per month (loads).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data import DataFout, Tabellen, zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.regels.ingreep import maatregel_kolommen
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import SITUATIES, vul

MAANDEN = 12


def annuiteit(lening: np.ndarray, rente_pct: np.ndarray, looptijd_jaar: np.ndarray) -> np.ndarray:
    """Monthly payment of an annuity loan [€/maand]: L × r / (1 − (1 + r)^−n), r = rente/12, n = months;
    at 0 % simply L / n."""
    r = np.asarray(rente_pct, dtype=float) / 100 / MAANDEN
    n = np.asarray(looptijd_jaar, dtype=float) * MAANDEN
    with np.errstate(divide="ignore", invalid="ignore"):
        met_rente = lening * r / (1 - (1 + r) ** -n)
        zonder = lening / n
    return np.where(r > 0, met_rente, zonder)


def _getal(waarde, n: int) -> np.ndarray:
    return np.broadcast_to(np.asarray(waarde, dtype=float), (n,))


def investering_en_subsidie(f, t: Tabellen, maatregelen: list[str]) -> None:
    """Investment per measure (quantity × price) and the ISDE subsidy of the peildatum.

    Each measure follows the ISDE scheme its catalogue row names (``isde_regel`` in labels/maatregelen.csv).
    ``isolatie``: the subsidised quantity is the quantity up to the maximum, and none below the minimum; until
    the end of 2022 at least two measures were required; since 2023 one measure gets the single amount and two or
    more (or a measure in the previous 24 months) the double amount. ``warmtepomp``: start amount + amount per kW
    above the first kW (derived from RVO's worked examples, see tariffs/isde.csv), at the given power or the
    catalogue's ``vermogen_kw``; counts as a measure for the two-measure rules. ``vast_bedrag`` (a heat-network
    connection): one amount per dwelling (``bedrag_per_eenheid``), counts as a measure for the two-measure rules
    like a heat pump. ``alleen_met_isolatie``
    (ventilation): the amount per unit only together with insulation. ``geen``: no subsidy. The subsidy never
    exceeds the investment."""
    n = f.n
    pd_ = f["_peildatum_cat"]
    catalogus = t["labels/maatregelen"].per("maatregel")
    isde = t["tariffs/isde"]
    investering = np.zeros(n)
    per_maatregel = {}
    for naam in maatregelen:
        q = f.get("maatregel_" + naam)
        if q is None:
            continue
        gekozen = ~np.isnan(q)
        prijs = f.get("prijs_" + naam, np.nan)
        prijs = np.where(np.isnan(prijs), float(catalogus.loc[naam, "investering_per_eenheid"]), prijs)
        bedrag = np.where(gekozen, np.nan_to_num(q) * prijs, 0.0)
        f["investering_" + naam] = bedrag
        investering = investering + bedrag
        r = zoek(isde, pd_, {"maatregel": naam},
                 ["bedrag_per_eenheid", "bedrag_per_eenheid_dubbel", "minimum_hoeveelheid", "maximum_hoeveelheid",
                  "startbedrag", "bedrag_per_kw", "minimaal_aantal_maatregelen"], n=n)
        per_maatregel[naam] = (gekozen, np.nan_to_num(q), r, bedrag)
    eigen = f["investering"]
    f["investering_totaal"] = np.where(np.isnan(eigen), investering, eigen)

    isde_regel = {m: catalogus.loc[m, "isde_regel"] for m in per_maatregel}  # the ISDE scheme of each measure
    isolatie = [m for m in per_maatregel if isde_regel[m] == "isolatie"]
    # insulation measures that qualify on their own terms (a row in isde.csv and at least the minimum quantity)
    telt = {}
    for naam in isolatie:
        gekozen, q, r, _ = per_maatregel[naam]
        minimum = np.nan_to_num(_getal(r["minimum_hoeveelheid"], n), nan=0.0)
        telt[naam] = gekozen & ~np.isnan(_getal(r["bedrag_per_eenheid"], n)) & (q >= minimum)
    aantal_isolatie = sum(telt.values()) if telt else np.zeros(n, dtype=np.int64)
    warmtepompen = [m for m in per_maatregel if isde_regel[m] == "warmtepomp"]
    # a heat pump counts as a measure for the two-measure rules (labels/maatregelen.md §3), also in years
    # without a heat-pump amount in isde.csv
    aantal_wp = sum(per_maatregel[m][0] for m in warmtepompen) if warmtepompen else np.zeros(n, dtype=np.int64)
    # a heat-network connection (a fixed amount per dwelling) counts as a measure too (tariffs/isde.csv)
    vast = [m for m in per_maatregel if isde_regel[m] == "vast_bedrag"]
    aantal_wp = aantal_wp + sum(per_maatregel[m][0] for m in vast) if vast else aantal_wp
    eerder = f["eerdere_isolatiemaatregel"] == 1
    subsidie = np.zeros(n)
    for naam in isolatie:
        gekozen, q, r, bedrag = per_maatregel[naam]
        maximum = np.nan_to_num(_getal(r["maximum_hoeveelheid"], n), nan=np.inf)
        minimaal = np.nan_to_num(_getal(r["minimaal_aantal_maatregelen"], n), nan=1.0)
        dubbel = _getal(r["bedrag_per_eenheid_dubbel"], n)
        enkel = _getal(r["bedrag_per_eenheid"], n)
        # until 2022 two measures were required (insulation or a heat pump counts); since 2023 none
        genoeg = (aantal_isolatie + aantal_wp + eerder) >= minimaal
        tarief = np.where(~np.isnan(dubbel) & ((aantal_isolatie + aantal_wp >= 2) | eerder), dubbel, enkel)
        s = np.where(telt[naam] & genoeg, np.minimum(q, maximum) * np.nan_to_num(tarief), 0.0)
        f["subsidie_" + naam] = s
        subsidie = subsidie + s
    for naam in warmtepompen:
        gekozen, q, r, bedrag = per_maatregel[naam]
        standaard_kw = float(catalogus.loc[naam, "vermogen_kw"])
        if np.isnan(standaard_kw):
            raise DataFout(f"maatregelen.csv: vermogen_kw ontbreekt bij '{naam}' (nodig voor de ISDE van een "
                           "warmtepomp als er geen vermogen is opgegeven)")
        kw = np.where(np.isnan(f["warmtepomp_kw"]), standaard_kw, f["warmtepomp_kw"])
        s = np.where(gekozen, np.nan_to_num(_getal(r["startbedrag"], n))
                     + np.nan_to_num(_getal(r["bedrag_per_kw"], n))
                     * np.maximum(kw - t.parameter("isde_warmtepomp_kw_zonder_bedrag"), 0), 0.0)
        f["subsidie_" + naam] = s
        subsidie = subsidie + s
    for naam in vast + [m for m in per_maatregel if isde_regel[m] == "alleen_met_isolatie"]:
        gekozen, q, r, bedrag = per_maatregel[naam]
        voorwaarde = gekozen if isde_regel[naam] == "vast_bedrag" else gekozen & (aantal_isolatie >= 1)
        s = np.where(voorwaarde, np.nan_to_num(_getal(r["bedrag_per_eenheid"], n)), 0.0)
        f["subsidie_" + naam] = s
        subsidie = subsidie + s
    f["subsidie"] = np.minimum(subsidie, f["investering_totaal"])
    f["netto_investering"] = np.maximum(f["investering_totaal"] - f["subsidie"], 0.0)


def lening(f, t: Tabellen, fouten) -> None:
    """The loan: amount, rate, term and monthly payment [€/maand].

    Warmtefonds: 0 % at an income up to the limit of the date, otherwise the rate of the date; the amount within
    the fund's minimum and maximum (the rest from own money); terms from the data (20 years only from € 15.000).
    Hypotheek: the given rate and term; checked against the extra borrowing room for the label before.
    Eigen geld: no loan."""
    n = f.n
    pd_ = f["_peildatum_cat"]
    vorm = f["financiering_vorm"]
    is_wf = (vorm == "warmtefonds") & f["_financiering"]
    is_hyp = (vorm == "hypotheek") & f["_financiering"]
    wf = zoek(t["tariffs/warmtefonds"], pd_, None,
              ["inkomensgrens_nul_procent", "rente_boven_inkomensgrens_pct", "minimum_lening", "maximum_lening",
               "looptijden_jaar"], n=n)
    f["_rij_warmtefonds"] = wf["_rij"]
    grens = _getal(wf["inkomensgrens_nul_procent"], n)
    inkomen = f["inkomen_jaar"]
    nul = ~np.isnan(grens) & ~np.isnan(inkomen) & (inkomen <= grens)
    rente_wf = np.where(nul, 0.0, _getal(wf["rente_boven_inkomensgrens_pct"], n))
    f["warmtefonds_nul_procent"] = nul & is_wf
    netto = f["netto_investering"]
    minimum = _getal(wf["minimum_lening"], n)
    maximum = _getal(wf["maximum_lening"], n)
    bedrag_wf = np.where(netto >= minimum, np.minimum(netto, maximum), 0.0)
    gegeven_rente = f["rente_pct"]
    rente = np.where(is_wf, np.where(np.isnan(gegeven_rente), rente_wf, gegeven_rente), gegeven_rente)
    fouten.zet(is_hyp & np.isnan(gegeven_rente), "financiering.rente_pct: ontbreekt (nodig voor meefinancieren in "
                                                 "de hypotheek)")
    standaard_looptijd = np.where(is_hyp, t.parameter("looptijd_hypotheek_standaard_jaar"),
                                  t.parameter("looptijd_warmtefonds_standaard_jaar"))
    looptijd = np.where(np.isnan(f["looptijd_jaar"]), standaard_looptijd, f["looptijd_jaar"])
    # Warmtefonds terms: one of the listed terms; 20 years only from the parameter's amount
    lijst = np.asarray(np.broadcast_to(np.asarray(wf["looptijden_jaar"], dtype=object), (n,)))
    toegestaan = np.array([str(int(j)) in str(lijst_).split(";") for j, lijst_ in
                           zip(np.nan_to_num(looptijd), lijst, strict=True)]) if is_wf.any() else np.ones(n, bool)
    fouten.zet(is_wf & ~toegestaan, lambda m: np.array(
        [f"financiering.looptijd_jaar: {int(j)} jaar kan niet bij het Warmtefonds (kies uit "
         f"{str(lijst_).replace(';', ', ')})" for j, lijst_ in zip(looptijd[m], lijst[m], strict=True)], dtype=object))
    twintig = t.parameter("warmtefonds_minimum_lening_20_jaar")
    fouten.zet(is_wf & (looptijd >= 20) & (bedrag_wf < twintig),
               f"financiering.looptijd_jaar: 20 jaar kan bij het Warmtefonds pas vanaf € {twintig:,.0f}".replace(",", "."))
    lening_ = np.where(is_wf, bedrag_wf, np.where(is_hyp, netto, 0.0))
    f["lening"] = lening_
    f["rente_lening_pct"] = np.where(lening_ > 0, rente, np.nan)
    f["looptijd_lening_jaar"] = np.where(lening_ > 0, looptijd, np.nan)
    f["eigen_geld"] = np.maximum(netto - lening_, 0.0)
    f["maandlast_lening"] = np.where(lening_ > 0, annuiteit(lening_, np.nan_to_num(rente), looptijd), 0.0)
    # extra borrowing room in the mortgage for energy measures, by the label before (information and a check)
    ruimte = zoek(t["tariffs/hypotheekruimte"], pd_, {"energielabel": f["energielabel"]},
                  ["extra_leenruimte_maatregelen"], n=n)
    alle = zoek(t["tariffs/hypotheekruimte"], pd_, {"energielabel": "alle"}, ["extra_leenruimte_maatregelen"], n=n)
    f["extra_leenruimte"] = np.where(np.isnan(ruimte["extra_leenruimte_maatregelen"]),
                                     alle["extra_leenruimte_maatregelen"], ruimte["extra_leenruimte_maatregelen"])
    f["_rij_hypotheekruimte"] = np.where(ruimte["_rij"] >= 0, ruimte["_rij"], alle["_rij"])
    f["boven_leenruimte"] = is_hyp & (lening_ > f["extra_leenruimte"] + 0.005)


def effect(f, t: Tabellen) -> None:
    """Monthly energy saving, net monthly effect, simple payback [jaar] and CO₂ saving [kg/jaar]."""
    besparing_maand = -(f["na_energie_totaal"] - f["voor_energie_totaal"])
    f["energiebesparing_maand"] = besparing_maand
    f["netto_maandeffect"] = f["maandlast_lening"] - besparing_maand
    jaar = besparing_maand * MAANDEN
    with np.errstate(divide="ignore", invalid="ignore"):
        f["terugverdientijd_jaar"] = np.where(jaar > 0, f["netto_investering"] / jaar, np.nan)
    co2 = t["labels/co2_factoren"].per("drager")["kg_co2_per_eenheid"]
    gas = f["verbruik_gas_m3_voor"] - f["verbruik_gas_m3_na"]
    stroom = f["voor_elektriciteit_inkoop_kwh"] - f["na_elektriciteit_inkoop_kwh"]
    warmte = f["verbruik_warmte_gj_voor"] - f["verbruik_warmte_gj_na"]  # heat from a heat network [GJ/jaar]
    f["co2_besparing_kg"] = gas * float(co2["aardgas"]) + stroom * float(co2["elektriciteit"]) \
        + warmte * float(co2["warmte"])


def financiering(f, t: Tabellen, fouten) -> None:
    """All owner/buyer financing columns; rows without a financing request get zeros (and no loan)."""
    ja = f["_financiering"] = f["_eigenaar"] & f["heeft_ingreep"]
    if not ja.any():  # tenants only (a corporation's portfolio): nothing to finance
        for kol, leeg in _ZONDER_FINANCIERING.items():
            f[kol] = leeg
        return
    investering_en_subsidie(f, t, maatregel_kolommen(t))
    lening(f, t, fouten)
    effect(f, t)
    if not ja.all():  # a tenant's row next to an owner's: its columns as without financing, whatever the others are
        for kol, leeg in _ZONDER_FINANCIERING.items():
            f[kol] = np.where(ja, f[kol], leeg)
        for kol in [k for k in f if k.startswith(("investering_", "subsidie_")) and k != "investering_totaal"]:
            f[kol] = np.where(ja, f[kol], 0.0)


# the financing columns of a row without a financing request (a tenant, or an owner without measures)
_ZONDER_FINANCIERING = {
    **dict.fromkeys(("investering_totaal", "subsidie", "netto_investering", "lening", "eigen_geld", "maandlast_lening",
                     "energiebesparing_maand", "netto_maandeffect", "co2_besparing_kg"), np.float64(0.0)),
    **dict.fromkeys(("rente_lening_pct", "looptijd_lening_jaar", "terugverdientijd_jaar", "extra_leenruimte"),
                    np.float64(np.nan)),
    "boven_leenruimte": False, "warmtefonds_nul_procent": False, "_rij_warmtefonds": -1, "_rij_hypotheekruimte": -1,
}


def kasstroom(netto_investering: float, eigen_geld: float, maandlast: float, looptijd_jaar: float,
              besparing_maand: float, jaren: int) -> pd.DataFrame:
    """Cumulative cash per year for one owner [€]: minus own money at the start, then each year the energy saving
    minus the loan payments (while the loan runs). Prices stay as on the peildatum (stated assumption)."""
    rijen = []
    stand = -eigen_geld
    for jaar in range(jaren + 1):
        if jaar > 0:
            aflossing = maandlast * MAANDEN if jaar <= (looptijd_jaar or 0) else 0.0
            stand += besparing_maand * MAANDEN - aflossing
        rijen.append({"jaar": jaar, "cumulatief": stand})
    return pd.DataFrame(rijen)


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Owner lines: each measure's price and ISDE, the loan, the borrowing room, payback and CO₂."""
    uit: list[Toelichting] = []
    if rij["rol"] != "eigenaar" or not bool(rij["heeft_ingreep"]):
        return uit
    catalogus = t["labels/maatregelen"]
    for naam in catalogus.frame["maatregel"]:
        if f"investering_{naam}" not in rij.index or not rij[f"investering_{naam}"] > 0:
            continue
        cat = catalogus.frame.loc[catalogus.frame["maatregel"] == naam].iloc[0]
        eigen = f"prijs_{naam}" in rij.index and not pd.isna(rij[f"prijs_{naam}"])
        prijs = rij[f"prijs_{naam}"] if eigen else cat["investering_per_eenheid"]
        isde = bronrij(t, "tariffs/isde", _isde_regel(t, naam, rij["peildatum"]))
        tekst = (f"{getal(rij[f'maatregel_{naam}'], 1)} {cat['eenheid']} × {euro(prijs)} "
                 f"({'eigen offerte' if eigen else 'standaardprijs'}) = {euro(rij[f'investering_{naam}'])}; "
                 f"ISDE {euro(rij.get(f'subsidie_{naam}', 0.0) or 0.0)}.")
        uit.append(item(f"Eigenaar: {naam.replace('_', ' ')}", tekst, None if eigen else cat, "labels/maatregelen"))
        if isde is not None:
            uit.append(item(f"Eigenaar: ISDE {naam.replace('_', ' ')}", _isde_tekst(isde, cat["isde_regel"]), isde,
                             "tariffs/isde"))
    if rij["lening"] > 0:
        wf = bronrij(t, "tariffs/warmtefonds", rij["_rij_warmtefonds"])
        vorm = "Warmtefonds-energiebespaarlening" if rij["financiering_vorm"] == "warmtefonds" else "hypotheek"
        nul = " (0%: inkomen onder de grens)" if rij["warmtefonds_nul_procent"] else ""
        uit.append(item("Eigenaar: lening",
                         f"{vorm}: {euro(rij['lening'])} tegen {getal(rij['rente_lening_pct'], 2)}%{nul} in "
                         f"{getal(rij['looptijd_lening_jaar'])} jaar: annuïteit {euro(rij['maandlast_lening'])} per maand.",
                         wf if rij["financiering_vorm"] == "warmtefonds" else None, "tariffs/warmtefonds"))
    ruimte = bronrij(t, "tariffs/hypotheekruimte", rij["_rij_hypotheekruimte"])
    if ruimte is not None and not pd.isna(rij["extra_leenruimte"]):
        boven = " Let op: de lening is hoger dan deze ruimte." if rij["boven_leenruimte"] else ""
        uit.append(item("Eigenaar: extra leenruimte hypotheek",
                         f"Bij label {rij['energielabel']}: tot {euro(rij['extra_leenruimte'], 0)} extra voor "
                         f"energiebesparende maatregelen.{boven}", ruimte, "tariffs/hypotheekruimte"))
    co2 = t["labels/co2_factoren"]
    factoren = co2.per("drager")["kg_co2_per_eenheid"]
    uit.append(item("Eigenaar: terugverdientijd en CO₂",
                     "Terugverdientijd = netto investering ÷ energiebesparing per jaar, bij de prijzen van de "
                     f"peildatum ({getal(rij['terugverdientijd_jaar'], 1)} jaar). CO₂: gasbesparing × "
                     f"{getal(co2.per('drager').loc['aardgas', 'kg_co2_per_eenheid'], 2)} kg/m³ + "
                     f"stroombesparing × {getal(co2.per('drager').loc['elektriciteit', 'kg_co2_per_eenheid'], 2)} "
                     "kg/kWh" + (f" + warmtebesparing × {getal(factoren.loc['warmte'], 1)} kg/GJ"
                                 if "warmtenet" in (rij["verwarming"], rij["verwarming_na"]) else "")
                     + f" = {getal(rij['co2_besparing_kg'])} kg per jaar.",
                     co2.frame.iloc[0], "labels/co2_factoren"))
    if rij["zon_opwek_kwh"] > 0 and not pd.isna(rij.get("terugleververgoeding_kwh")) and \
            rij["terugleververgoeding_kwh"] < rij["zon_minimum_vergoeding_kwh"] - 1e-9:
        uit.append(Toelichting(onderwerp="Eigenaar: terugleververgoeding",
                               tekst=f"Let op: de opgegeven vergoeding {euro(rij['terugleververgoeding_kwh'], 3)} per kWh "
                                     "ligt onder het wettelijk minimum (50% van de kale leveringsprijs, 2027-2029)."))
    return uit


def _isde_regel(t: Tabellen, naam: str, datum) -> int:
    rijen = t["tariffs/isde"].geldig_op(datum)
    rijen = rijen[rijen["maatregel"] == naam]
    return int(rijen["_rij"].iloc[0]) if len(rijen) else -1


def _isde_tekst(isde: pd.Series, regel: str) -> str:
    if regel == "vast_bedrag":
        return (f"{euro(isde['bedrag_per_eenheid'])} per woning (vast bedrag); telt als maatregel voor de isolatie "
                "(tweede maatregel, verdubbeling binnen 24 maanden).")
    if not pd.isna(isde["startbedrag"]):
        return (f"Warmtepomp: {euro(isde['startbedrag'], 0)} + {euro(isde['bedrag_per_kw'], 0)} per kW boven de eerste "
                "kW.")
    tekst = f"{euro(isde['bedrag_per_eenheid'])} per eenheid"
    if not pd.isna(isde["bedrag_per_eenheid_dubbel"]):
        tekst += f", {euro(isde['bedrag_per_eenheid_dubbel'])} bij twee of meer maatregelen (binnen 24 maanden)"
    if isde["minimaal_aantal_maatregelen"] and isde["minimaal_aantal_maatregelen"] >= 2:
        tekst += "; alleen bij minstens twee maatregelen"
    if not pd.isna(isde["minimum_hoeveelheid"]):
        tekst += f"; minimaal {getal(isde['minimum_hoeveelheid'])}, maximaal {getal(isde['maximum_hoeveelheid'])}"
    return tekst + "."


def financieringsdelen(f, t: Tabellen, fouten) -> None:
    """The financing part of the woonlasten [€/maand]: the loan's monthly payment (after only) and an owner's given
    mortgage costs (before and after)."""
    hypotheek = np.where(f["_eigenaar"], vul(f["hypotheeklasten_maand"], 0.0), 0.0)
    for s in SITUATIES:
        f[f"{s}_financiering_lening"] = f["maandlast_lening"] if s == "na" else np.zeros(f.n)
        f[f"{s}_financiering_hypotheek"] = hypotheek


VOLGORDE = 80

REGELS = (
    Regel(
        "financiering", financiering,
        leest=("_eigenaar", "heeft_ingreep", "maatregel_*", "prijs_*", "_peildatum_cat", "investering",
               "eerdere_isolatiemaatregel", "warmtepomp_kw", "financiering_vorm", "inkomen_jaar", "rente_pct",
               "looptijd_jaar", "energielabel", "{s}_energie_totaal", "verbruik_gas_m3_{s}",
               "verbruik_warmte_gj_{s}",
               "{s}_elektriciteit_inkoop_kwh"),
        schrijft=("_financiering", "investering_totaal", "subsidie", "netto_investering", "lening", "eigen_geld",
                  "maandlast_lening", "energiebesparing_maand", "netto_maandeffect", "co2_besparing_kg",
                  "rente_lening_pct", "looptijd_lening_jaar", "terugverdientijd_jaar", "extra_leenruimte",
                  "boven_leenruimte", "warmtefonds_nul_procent", "_rij_warmtefonds", "_rij_hypotheekruimte",
                  "investering_*", "subsidie_*"),
        tabellen=("labels/maatregelen", "tariffs/isde", "tariffs/warmtefonds", "tariffs/hypotheekruimte",
                  "labels/co2_factoren", "labels/parameters"),
        uitleg=uitleg,
    ),
    Regel("financieringsdelen", financieringsdelen, leest=("_eigenaar", "hypotheeklasten_maand", "maandlast_lening"),
          schrijft=("{s}_financiering_lening", "{s}_financiering_hypotheek")),
)
