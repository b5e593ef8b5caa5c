"""Energy poverty (energiearmoede) per household, before and after: the energiequote and the four indicators of the
CBS/TNO Monitor Energiearmoede (HEQ, LIHE, LILEK, LEKWI), and the betaalrisico (what is left per month after the
net rent and the energy costs, against the minimum for the other necessary spending).

Every indicator is three-valued per row: 1.0 (yes), 0.0 (no) or NaN (onbekend: no income, or a threshold without a
row on the date). A missing income never gives "no"; an income of 0 makes the energiequote (and so HEQ) onbekend.
The income is ``besteedbaar_inkomen_jaar`` (net, the monitor's measure), never the verzamelinkomen. The thresholds
are dated rows of ``tariffs/energiearmoede``, the energy quality comes from the label (``labels/energiekwaliteit``),
the income is standardised to one person with ``labels/energiearmoede_huishoudfactor``. Where the monitor uses
data this model does not have (the standardised disposable income from registers, wealth, a modelled energy
quality) the approximation is stated per indicator in ``labels/energiearmoede_indicatoren`` and shown in the
explanation.

The energy costs are the declared energy total ``{s}_energie_totaal`` [€/maand] × 12: every energy part of the
result (also one added later) counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import euro, getal, over_tekort
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR, SITUATIES, Fouten, Rekenblad

# the indicators this module computes (their names, definitions and approximations: labels/energiearmoede_indicatoren)
INDICATOREN = ("HEQ", "LIHE", "LILEK", "LEKWI")
# the dated thresholds of tariffs/energiearmoede.csv (parameter → the column with its value)
GRENZEN = {
    "laag_inkomen_grens_jaar": "ea_grens_laag_inkomen",  # 130 % lage-inkomensgrens [€/jaar, one person]
    "weinig_investeringsruimte_grens_jaar": "ea_grens_investeringsruimte",  # [€/jaar, one person]
    "energiequote_grens": "ea_grens_energiequote",  # [fraction of income]
    "energiekosten_hoog_jaar": "ea_grens_energiekosten",  # a high energy bill [€/jaar]; no row: LIHE onbekend
    # the minimum for all necessary spending other than rent and energy [€/maand], a one-person household
    "minimumbudget_overig_eenpersoons_maand": "br_minimum_overig",
}
INKOMEN = "besteedbaar_inkomen_jaar"  # the income measure of the monitor and the betaalrisico [€/jaar, net]
EEN_PERSOON = 1  # the household type the minimum budget row is for


def _en(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Three-valued AND of 1.0/0.0/NaN: no if either is no, unknown if either is unknown, else yes."""
    return np.where((a == 0) | (b == 0), 0.0, np.where(np.isnan(a) | np.isnan(b), np.nan, 1.0))


def _of(*a: np.ndarray) -> np.ndarray:
    """Three-valued OR: yes if any is yes, no if all are no, else unknown."""
    stapel = np.vstack(a)
    return np.where((stapel == 1).any(axis=0), 1.0, np.where((stapel == 0).all(axis=0), 0.0, np.nan))


def _groter(x: np.ndarray, grens: np.ndarray) -> np.ndarray:
    """1.0 where x > grens, 0.0 where not, NaN where either is unknown."""
    with np.errstate(invalid="ignore"):
        return np.where(np.isnan(x) | np.isnan(grens), np.nan, (x > grens).astype(float))


def _lage_kwaliteit(t: Tabellen, label, n: int) -> tuple[np.ndarray, np.ndarray]:
    """1.0/0.0 per row for a label with low energy quality (NaN: no label), and the source row."""
    r = zoek(t["labels/energiekwaliteit"], None, {"energielabel": label}, ["lage_energiekwaliteit"], n=n)
    waarde = np.asarray(r["lage_energiekwaliteit"], dtype=object)
    return np.where(r["_rij"] < 0, np.nan, (waarde == "ja").astype(float)), r["_rij"]


def energiearmoede(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``inkomen_gestandaardiseerd`` [€/jaar], ``laag_inkomen`` and ``weinig_investeringsruimte`` (1/0/NaN),
    ``{s}_energiequote`` (energy costs per year ÷ income; NaN without income, inf for a zero income with costs) and
    ``{s}_ea_<indicator>`` (1/0/NaN), ``{s}_energiearm`` (any indicator)."""
    n = f.n
    for parameter, kolom in GRENZEN.items():
        r = zoek(t["tariffs/energiearmoede"], f["_peildatum_cat"], {"parameter": parameter}, ["waarde"], n=n)
        f[kolom] = np.broadcast_to(r["waarde"], (n,)).astype(float)
        f[f"_rij_{kolom}"] = np.broadcast_to(r["_rij"], (n,))
    factoren = t["labels/energiearmoede_huishoudfactor"]
    fac = zoek(factoren, None, {"personen": np.minimum(f["personen_gebruikt"], factoren.frame["personen"].max())},
               ["factor"], n=n)
    f["ea_huishoudfactor"] = fac["factor"]
    f["_rij_ea_huishoudfactor"] = fac["_rij"]
    inkomen = np.asarray(f[INKOMEN], dtype=float)
    gestandaardiseerd = inkomen / fac["factor"]
    f["inkomen_gestandaardiseerd"] = gestandaardiseerd
    # low income: at most the limit (1 − (x > limit)); unknown without income or limit
    laag = 1.0 - _groter(gestandaardiseerd, f["ea_grens_laag_inkomen"])
    weinig = 1.0 - _groter(gestandaardiseerd, f["ea_grens_investeringsruimte"])
    f["laag_inkomen"] = laag
    f["weinig_investeringsruimte"] = weinig
    ingreep = np.asarray(f["heeft_ingreep"], dtype=bool)
    lek_voor, rij_voor = _lage_kwaliteit(t, f["energielabel"], n)
    lek_na, rij_na = _lage_kwaliteit(t, f["energielabel_na"], n)
    lek = {"voor": lek_voor, "na": np.where(ingreep, lek_na, lek_voor)}
    f["_rij_energiekwaliteit_voor"] = rij_voor
    f["_rij_energiekwaliteit_na"] = np.where(ingreep, rij_na, rij_voor)
    woonkosten_bekend = ~np.asarray(f["_eigenaar"], dtype=bool) | ~np.isnan(
        np.asarray(f["hypotheeklasten_maand"], dtype=float))
    for s in SITUATIES:
        kosten = f[f"{s}_energie_totaal"] * MAANDEN_PER_JAAR
        # no income, or an income of 0: the share of income is not computable (onbekend, not "yes")
        with np.errstate(divide="ignore", invalid="ignore"):
            quote = np.where(inkomen > 0, kosten / inkomen, np.nan)
        f[f"{s}_energiequote"] = quote
        f[f"{s}_lage_energiekwaliteit"] = lek[s]
        f[f"{s}_ea_heq"] = _en(laag, _groter(quote, f["ea_grens_energiequote"]))
        f[f"{s}_ea_lihe"] = _en(laag, _groter(kosten, f["ea_grens_energiekosten"]))
        f[f"{s}_ea_lilek"] = _en(laag, lek[s])
        f[f"{s}_ea_lekwi"] = _en(lek[s], weinig)
        f[f"{s}_energiearm"] = _of(*(f[f"{s}_ea_{i.lower()}"] for i in INDICATOREN))
        # betaalrisico: income per month − housing (net rent, or an owner's mortgage and loan) − energy − the
        # minimum for the rest; NaN where not computable (an owner without mortgage costs given, another household)
        # a tenant's rent counts after huurtoeslag: without its estimate (no verzamelinkomen) not computable
        huur_bekend = np.asarray(f["_eigenaar"], dtype=bool) | np.asarray(f[f"{s}_huurtoeslag_berekend"], dtype=bool)
        bekend = woonkosten_bekend & huur_bekend & (np.asarray(f["personen_gebruikt"]) == EEN_PERSOON)
        ruimte = (inkomen / MAANDEN_PER_JAAR - f[f"{s}_huur_netto"] - f[f"{s}_financiering_totaal"]
                  - f[f"{s}_energie_totaal"] - f["br_minimum_overig"])
        f[f"{s}_betaalruimte_maand"] = np.where(bekend, ruimte, np.nan)


def ja_nee(x) -> bool | None:
    """1.0/0.0/NaN → True/False/None (onbekend)."""
    return None if x is None or pd.isna(x) else bool(x == 1)


def _personen(n) -> str:
    return f"{int(n)} {'persoon' if int(n) == 1 else 'personen'}"


def _woord(x) -> str:
    return {True: "ja", False: "nee", None: "onbekend"}[ja_nee(x)]


def indicatoren(t: Tabellen) -> pd.DataFrame:
    """The indicators' names, definitions and approximations in their order (labels/energiearmoede_indicatoren)."""
    return t["labels/energiearmoede_indicatoren"].frame.sort_values("volgorde")


def veranderingen(rij: pd.Series, t: Tabellen) -> list[str]:
    """Dutch sentences on the indicators the upgrade changes ("na de ingreep niet meer energiearm volgens HEQ")."""
    if not bool(rij["heeft_ingreep"]):
        return []
    uit = []
    for code in indicatoren(t)["indicator"]:
        voor, na = ja_nee(rij[f"voor_ea_{code.lower()}"]), ja_nee(rij[f"na_ea_{code.lower()}"])
        if voor is True and na is False:
            uit.append(f"na de ingreep niet meer energiearm volgens {code}")
        elif voor is False and na is True:
            uit.append(f"na de ingreep energiearm volgens {code}")
    return uit


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Energy-poverty lines: the income against the limit, the energiequote, each indicator with its approximation,
    what the upgrade changes."""
    uit: list[Toelichting] = []
    ingreep = bool(rij["heeft_ingreep"])
    grens = bronrij(t, "tariffs/energiearmoede", rij["_rij_ea_grens_laag_inkomen"])
    factor = bronrij(t, "labels/energiearmoede_huishoudfactor", rij["_rij_ea_huishoudfactor"])
    if pd.isna(rij[INKOMEN]):
        uit.append(Toelichting(onderwerp="Energiearmoede", tekst=(
            "Onbekend: vul het besteedbare (netto) inkomen van het huishouden in; het verzamelinkomen is bruto en "
            "telt hier niet. Zonder dat inkomen is alleen de energiekwaliteit van de woning bekend: "
            f"{'laag' if ja_nee(rij['voor_lage_energiekwaliteit']) else 'niet laag'} (label "
            f"{rij['energielabel']}).")))
        return uit
    if grens is None:
        uit.append(Toelichting(onderwerp="Energiearmoede", tekst=(
            f"Onbekend: voor {rij['peildatum'].year} is geen inkomensgrens van de Monitor Energiearmoede bekend "
            "(tariffs/energiearmoede.csv).")))
    else:
        tekst = (f"Besteedbaar inkomen {euro(rij[INKOMEN], 0)} per jaar ÷ {getal(rij['ea_huishoudfactor'], 4)} "
                 f"({_personen(rij['personen_gebruikt'])}) = {euro(rij['inkomen_gestandaardiseerd'], 0)} "
                 f"gestandaardiseerd; grens laag inkomen {euro(grens['waarde'], 0)} (130 % van de "
                 f"lage-inkomensgrens): {'laag inkomen' if ja_nee(rij['laag_inkomen']) else 'geen laag inkomen'}.")
        uit.append(item("Energiearmoede: inkomen", tekst, grens, "tariffs/energiearmoede"))
        if factor is not None:
            uit.append(item("Energiearmoede: huishoudfactor",
                            f"{getal(factor['factor'], 4)} voor {_personen(factor['personen'])}"
                            + (" of meer." if int(factor['personen']) < int(rij['personen_gebruikt']) else "."), factor,
                            "labels/energiearmoede_huishoudfactor"))
    eq = bronrij(t, "tariffs/energiearmoede", rij["_rij_ea_grens_energiequote"])
    quote = (f"{getal(rij['voor_energiequote'] * 100, 1)}%" if np.isfinite(rij["voor_energiequote"]) else "–")
    if ingreep:
        quote += (f", na {getal(rij['na_energiequote'] * 100, 1)}%" if np.isfinite(rij["na_energiequote"]) else "")
    if not rij[INKOMEN] > 0:
        quote = "niet te berekenen bij een inkomen van € 0 (HEQ onbekend)"
    uit.append(item("Energiearmoede: energiequote",
                    f"Energiekosten per jaar ÷ besteedbaar inkomen: {quote}"
                    + (f"; drempel {getal(eq['waarde'] * 100, 1)}%." if eq is not None else "."),
                    eq, "tariffs/energiearmoede"))
    for _, ind in indicatoren(t).iterrows():
        code = ind["indicator"]
        waarde = _woord(rij[f"voor_ea_{code.lower()}"])
        if ingreep:
            waarde = f"vóór {waarde}, na {_woord(rij[f'na_ea_{code.lower()}'])}"
        uit.append(Toelichting(onderwerp=f"Energiearmoede: {code} ({ind['naam'].lower()})",
                               tekst=f"{waarde}. {ind['definitie']} Benadering: {ind['benadering']}",
                               bron=f"{ind['bron']} (labels/energiearmoede_indicatoren.csv, regel {int(ind['_rij'])})",
                               status=ind["status"]))
    kw = bronrij(t, "labels/energiekwaliteit", rij["_rij_energiekwaliteit_voor"])
    if kw is not None:
        uit.append(item("Energiearmoede: energiekwaliteit",
                        f"Label {rij['energielabel']}: {'lage' if kw['lage_energiekwaliteit'] == 'ja' else 'geen lage'}"
                        " energiekwaliteit.", kw, "labels/energiekwaliteit"))
    for zin in veranderingen(rij, t):
        uit.append(Toelichting(onderwerp="Energiearmoede", tekst=zin[0].upper() + zin[1:] + "."))
    uit.append(_betaalrisico_uitleg(rij, t))
    return uit


def betaalrisico_reden(rij: pd.Series) -> str | None:
    """Why the betaalrisico is not computed (Dutch), or None when it is."""
    if pd.isna(rij[INKOMEN]):
        return "vul het besteedbare (netto) inkomen in"
    if bool(rij["_eigenaar"]) and pd.isna(rij["hypotheeklasten_maand"]):
        return "vul de hypotheeklasten in (ook € 0 zonder hypotheek)"
    if int(rij["personen_gebruikt"]) != EEN_PERSOON:
        return (f"geen minimumbudget gevonden voor een huishouden van {_personen(rij['personen_gebruikt'])} "
                "(alleen voor een alleenstaande)")
    if pd.isna(rij["br_minimum_overig"]):
        return f"geen minimumbudget bekend voor {rij['peildatum'].year}"
    if not bool(rij["_eigenaar"]) and not bool(rij["voor_huurtoeslag_berekend"]):
        return ("vul ook het verzamelinkomen in: de huur telt na huurtoeslag, en die is zonder dat inkomen niet "
                "geschat")
    return None


def _betaalrisico_uitleg(rij: pd.Series, t: Tabellen) -> Toelichting:
    """The betaalrisico line: income − net rent − energy − the minimum for the rest = over or tekort per month."""
    reden = betaalrisico_reden(rij)
    if reden is not None:
        return Toelichting(onderwerp="Betaalrisico", tekst=f"Onbekend: {reden}.")
    minimum = bronrij(t, "tariffs/energiearmoede", rij["_rij_br_minimum_overig"])
    eigenaar = bool(rij["_eigenaar"])
    wonen = (f"{euro(rij['voor_financiering_totaal'])} hypotheek" if eigenaar
             else f"{euro(rij['voor_huur_netto'])} huur na huurtoeslag")
    delen = [f"{euro(rij[INKOMEN] / MAANDEN_PER_JAAR)} besteedbaar inkomen per maand − {wonen} − "
             f"{euro(rij['voor_energie_totaal'])} energie − "
             f"{euro(rij['br_minimum_overig'])} minimaal nodig voor de rest = {over_tekort(rij['voor_betaalruimte_maand'])}"]
    if bool(rij["heeft_ingreep"]):
        delen.append(f"na de ingreep {over_tekort(rij['na_betaalruimte_maand'])}"
                     + (f" (met {euro(rij['na_financiering_lening'])} maandlast van de lening)"
                        if eigenaar and rij["na_financiering_lening"] > 0 else ""))
    benadering = ("; benadering: het minimum is dat van een huurder, een eigenaar heeft ook onderhoud (PBL rekent "
                  "met een apart budget voor eigenaren)") if eigenaar else ""
    return item("Betaalrisico", "; ".join(delen) + " per maand (een tekort is een betaalrisico)" + benadering
                + ".", minimum, "tariffs/energiearmoede")


VOLGORDE = 95

REGELS = (
    Regel(
        "energiearmoede", energiearmoede,
        leest=("_peildatum_cat", INKOMEN, "personen_gebruikt", "energielabel", "energielabel_na",
               "heeft_ingreep", "_eigenaar", "hypotheeklasten_maand", "{s}_energie_totaal", "{s}_huur_netto",
               "{s}_financiering_totaal", "{s}_huurtoeslag_berekend"),
        schrijft=tuple(GRENZEN.values()) + tuple(f"_rij_{k}" for k in GRENZEN.values()) + (
            "ea_huishoudfactor", "_rij_ea_huishoudfactor", "inkomen_gestandaardiseerd", "laag_inkomen",
            "weinig_investeringsruimte", "_rij_energiekwaliteit_{s}", "{s}_energiequote", "{s}_lage_energiekwaliteit",
            "{s}_energiearm", "{s}_betaalruimte_maand") + tuple(f"{{s}}_ea_{i.lower()}" for i in INDICATOREN),
        tabellen=("tariffs/energiearmoede", "labels/energiekwaliteit", "labels/energiearmoede_huishoudfactor",
                  "labels/energiearmoede_indicatoren"),
        informatief=True,
        uitleg=uitleg,
    ),
)
