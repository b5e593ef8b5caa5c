"""Municipal and water-board taxes by role and household size [€/maand]."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import categorisch, zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR, Fouten, Rekenblad, categorie, gevuld, is_gelijk, met_waarde, vul


def _lokale_tarieven(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """The local taxes that follow from gemeente, date, household size and role [€/jaar] (``_afval_jaar``,
    ``_riool_jaar``, ``_ws_jaar``) and the owner's percentages of the WOZ value (``_riool_pct_woz``,
    ``_ozb_pct_woz``, ``_ws_pct_woz``; 0 for a tenant); run once per distinct combination."""
    pd_ = f["_peildatum_cat"]
    n = f.n
    g = zoek(t["tariffs/gemeentelijke_belastingen"], pd_, {"gemeente": f["gemeente"]},
             ["afvalstoffenheffing_eenpersoons_jaar", "afvalstoffenheffing_meerpersoons_jaar",
              "rioolheffing_gebruiker_jaar", "rioolheffing_gebruiker_eenpersoons_jaar", "rioolheffing_eigenaar_jaar",
              "rioolheffing_eigenaar_pct_woz",
              "ozb_eigenaar_pct_woz", "riool_verdeling"], terugval=True, n=n)
    bekend = g["_rij"] >= 0
    fouten.zet(~bekend & gevuld(f["gemeente"]),
               met_waarde("gemeente: geen gemeentelijke belastingen bekend voor '", f["gemeente"], "'"))
    f["_rij_gemeentelijke_belastingen"] = g["_rij"]
    f["lokale_lasten_ander_jaar"] = g["_terugval"]
    eigenaar = is_gelijk(f["rol"], "eigenaar")  # "rol" is a key here (_eigenaar is not)
    een = f["_eenpersoons"]
    f["_afval_jaar"] = np.where(een, g["afvalstoffenheffing_eenpersoons_jaar"], g["afvalstoffenheffing_meerpersoons_jaar"])
    # the user part by household size where the gemeente distinguishes it (empty: the same for one person)
    gebruiker = np.where(een, vul(g["rioolheffing_gebruiker_eenpersoons_jaar"], g["rioolheffing_gebruiker_jaar"]),
                         g["rioolheffing_gebruiker_jaar"])
    f["_riool_jaar"] = gebruiker + np.where(eigenaar, vul(g["rioolheffing_eigenaar_jaar"], 0.0), 0.0)
    f["_riool_pct_woz"] = np.where(eigenaar, vul(g["rioolheffing_eigenaar_pct_woz"], 0.0), 0.0)
    f["_ozb_pct_woz"] = np.where(eigenaar, vul(g["ozb_eigenaar_pct_woz"], 0.0), 0.0)
    # where the gemeente's split of the riool between owner and user is unknown (COELO's total for a koopwoning),
    # a tenant pays that total, marked uncertain
    onbekend = np.broadcast_to(is_gelijk(g["riool_verdeling"], "onbekend"), (n,))
    f["_riool_verdeling_onbekend"] = bekend & ~eigenaar & onbekend
    ws_naam = zoek(t["tariffs/gemeente_waterschap"], None, {"gemeente": f["gemeente"]}, ["waterschap"], n=n)
    f["waterschap"] = categorie(ws_naam["waterschap"])
    ws = zoek(t["tariffs/waterschapsbelastingen"], pd_, {"waterschap": f["waterschap"]},
              ["zuiveringsheffing_per_ve_jaar", "watersysteemheffing_ingezetenen_jaar",
               "watersysteemheffing_gebouwd_pct_woz"], terugval=True, n=n)
    fouten.zet(bekend & (ws["_rij"] < 0), met_waarde("gemeente: geen waterschapsbelastingen bekend voor '", f["gemeente"],
                                                "'"))
    f["_rij_waterschapsbelastingen"] = ws["_rij"]
    f["waterschap_ander_jaar"] = ws["_terugval"]
    ve = np.where(een, t.parameter("vervuilingseenheden_eenpersoons"), t.parameter("vervuilingseenheden_meerpersoons"))
    f["vervuilingseenheden"] = ve
    f["_ws_jaar"] = ws["zuiveringsheffing_per_ve_jaar"] * ve + ws["watersysteemheffing_ingezetenen_jaar"]
    f["_ws_pct_woz"] = np.where(eigenaar, vul(ws["watersysteemheffing_gebouwd_pct_woz"], 0.0), 0.0)


WAARSCHUWING_RIOOL = (
    "Let op: rioolheffing: in deze gemeente is niet bekend welk deel de huurder betaalt; gerekend met het hele bedrag "
    "voor een koopwoning (eigenaar + gebruiker, COELO), voor een huurder mogelijk te hoog. Vul de rioolheffing van de "
    "aanslag in (rioolheffing_jaar).")


WAARSCHUWING_ANDER_JAAR = (
    "Let op: lokale lasten: voor deze datum zijn niet alle tarieven van deze gemeente of dit waterschap bekend; de "
    "dichtstbijzijnde periode is gebruikt.")


def lokale_lasten(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Municipal and water-board taxes [€/maand] by role and household size; the same before and after. The
    amounts per gemeente, date, household size and role are looked up once per distinct combination; an owner's
    WOZ-based parts (OZB, riool and watersysteemheffing gebouwd) are added per dwelling (the amounts per combination
    come from :func:`_lokale_tarieven`)."""
    eigenaar = f["_eigenaar"]
    woz = f["woz_waarde"]
    fouten.zet(eigenaar & np.isnan(woz), "woning.woz_waarde: ontbreekt (nodig voor de OZB van een eigenaar)")
    riool, ozb, waterschap = f["_riool_jaar"], np.zeros(f.n), f["_ws_jaar"]
    # the household's own rioolheffing from its aanslag replaces the gemeente's amount (an owner's: both parts)
    eigen_riool = ~np.isnan(f["rioolheffing_jaar"])
    if eigen_riool.any():
        riool = np.where(eigen_riool, f["rioolheffing_jaar"], riool)
    onzeker = f["_riool_verdeling_onbekend"] & ~eigen_riool
    ander_jaar = f["lokale_lasten_ander_jaar"] | f["waterschap_ander_jaar"]
    f["_waarschuwing_lokale_lasten"] = categorisch(onzeker.astype(np.int64) + 2 * ander_jaar.astype(np.int64),
                                                   ("", WAARSCHUWING_RIOOL, WAARSCHUWING_ANDER_JAAR,
                                                    WAARSCHUWING_RIOOL + " " + WAARSCHUWING_ANDER_JAAR))
    if eigenaar.any():
        per_procent = np.where(eigenaar, woz / 100, 0.0)  # a tenant's percentages are 0; a NaN WOZ stays NaN
        riool = riool + np.where(eigen_riool, 0.0, f["_riool_pct_woz"] * per_procent)
        ozb = f["_ozb_pct_woz"] * per_procent
        waterschap = waterschap + f["_ws_pct_woz"] * per_procent
    delen = {"afvalstoffenheffing": f["_afval_jaar"], "rioolheffing": riool, "ozb": ozb, "waterschap": waterschap}
    for naam, jaar in delen.items():  # the same array before and after
        f[f"voor_lokale_lasten_{naam}"] = f[f"na_lokale_lasten_{naam}"] = jaar / MAANDEN_PER_JAAR
    totaal = sum(delen.values()) / MAANDEN_PER_JAAR
    f["voor_lokale_lasten_totaal"] = f["na_lokale_lasten_totaal"] = totaal


def waarschuwingen(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``waarschuwing``: the notes of the rules joined per row (the dates beyond the tables, then the local taxes'
    note on an unknown split of the rioolheffing); worked out once per distinct pair of notes."""
    delen = [categorie(f[k]) for k in ("_waarschuwing_tarieven", "_waarschuwing_lokale_lasten")]
    a, b = delen
    nb = len(b.categories) + 1
    paar = (a.codes.astype(np.int64) + 1) * nb + (b.codes.astype(np.int64) + 1)
    uniek, terug = np.unique(paar, return_inverse=True)
    teksten = []
    for p in uniek:
        stukken = [a.categories[p // nb - 1] if p // nb else "", b.categories[p % nb - 1] if p % nb else ""]
        teksten.append(" ".join(s for s in stukken if s))
    categorieen = list(dict.fromkeys([""] + teksten))
    codes = np.array([categorieen.index(x) for x in teksten], dtype=np.int64)
    f["waarschuwing"] = categorisch(codes[terug.reshape(-1)], categorieen)


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Local-tax lines: the gemeente's and the waterschap's rows, by role and household size."""
    uit: list[Toelichting] = []
    g = bronrij(t, "tariffs/gemeentelijke_belastingen", rij["_rij_gemeentelijke_belastingen"])
    if g is not None:
        ander = " Let op: voor deze datum zijn geen tarieven van deze gemeente bekend; de dichtstbijzijnde " \
                f"periode (vanaf {g['geldig_vanaf'].date()}) is gebruikt." if rij["lokale_lasten_ander_jaar"] else ""
        huishouden = "eenpersoons" if rij["_eenpersoons"] else "meerpersoons"
        rol = "huurder: afvalstoffenheffing en rioolheffing (gebruiker)" if rij["rol"] == "huurder" else \
            "eigenaar: ook OZB en het eigenarendeel van de rioolheffing"
        uit.append(item("Lokale lasten: gemeente",
                         f"{rij['gemeente']}, {huishouden}huishouden, {rol}; methode: {g['methode']}.{ander}"
                         + _methodewissel(t, g), g, "tariffs/gemeentelijke_belastingen"))
        if not pd.isna(rij["rioolheffing_jaar"]):
            uit.append(item("Lokale lasten: rioolheffing",
                            f"Eigen opgave: {euro(rij['rioolheffing_jaar'])} per jaar (in plaats van het bedrag van de "
                            "gemeente).", None))
        elif rij["_riool_verdeling_onbekend"]:
            uit.append(item("Lokale lasten: rioolheffing",  # the subject names the levy already
                            "Let op: " + WAARSCHUWING_RIOOL.removeprefix("Let op: rioolheffing: "), None))
    ws = bronrij(t, "tariffs/waterschapsbelastingen", rij["_rij_waterschapsbelastingen"])
    if ws is not None:
        ve = getal(rij["vervuilingseenheden"])
        ander = (" Let op: voor deze datum zijn geen tarieven van dit waterschap bekend; de dichtstbijzijnde periode "
                 f"(vanaf {ws['geldig_vanaf'].date()}) is gebruikt.") if rij["waterschap_ander_jaar"] else ""
        uit.append(item("Lokale lasten: waterschap",
                         f"{rij['waterschap']}: zuiveringsheffing {ve} × {euro(ws['zuiveringsheffing_per_ve_jaar'])} + "
                         f"watersysteemheffing ingezetenen {euro(ws['watersysteemheffing_ingezetenen_jaar'])}"
                         + (" + watersysteemheffing gebouwd (eigenaar)" if rij["rol"] == "eigenaar" else "")
                         + " per jaar." + ander, ws, "tariffs/waterschapsbelastingen"))
    return uit


def _methodewissel(t: Tabellen, g: pd.Series) -> str:
    """A note when this gemeente's row uses another method (own tariff or COELO average) than its previous year."""
    tabel = t["tariffs/gemeentelijke_belastingen"].frame
    eerder = tabel[(tabel["gemeente"] == g["gemeente"]) & (tabel["geldig_vanaf"] < g["geldig_vanaf"])]
    if eerder.empty:
        return ""
    vorige = eerder.sort_values("geldig_vanaf").iloc[-1]
    if vorige["methode"] == g["methode"]:
        return ""
    namen = {"tarief": "het eigen tarief van de gemeente", "coelo": "het COELO-gemiddelde"}
    return (f" Let op: tot en met {pd.Timestamp(vorige['geldig_vanaf']).year} is gerekend met "
            f"{namen.get(vorige['methode'], vorige['methode'])}, vanaf {pd.Timestamp(g['geldig_vanaf']).year} met "
            f"{namen.get(g['methode'], g['methode'])}; een deel van het verschil tussen die jaren komt door die "
            "methodewissel (zie de toelichting in de tabel).")


def huishoudgrootte(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``_eenpersoons``: one person or more (eenpersoons/meerpersoons tariffs, vervuilingseenheden)."""
    f["_eenpersoons"] = f["personen_gebruikt"] <= 1


VOLGORDE = 40  # also of the joined notes (``waarschuwing``): a lower one would pull the local taxes ahead of energy

REGELS = (
    Regel("huishoudgrootte", huishoudgrootte, leest=("personen_gebruikt",), schrijft=("_eenpersoons",)),
    Regel(
        "lokale tarieven", _lokale_tarieven,
        leest=("_peildatum_cat", "gemeente", "rol", "_eenpersoons"),
        schrijft=("_rij_gemeentelijke_belastingen", "lokale_lasten_ander_jaar", "_afval_jaar", "_riool_jaar",
                  "_riool_pct_woz", "_ozb_pct_woz", "_riool_verdeling_onbekend", "waterschap", "_rij_waterschapsbelastingen",
                  "waterschap_ander_jaar", "vervuilingseenheden", "_ws_jaar", "_ws_pct_woz"),
        tabellen=("tariffs/gemeentelijke_belastingen", "tariffs/gemeente_waterschap", "tariffs/waterschapsbelastingen",
                  "labels/parameters"),
        per_combinatie=("gemeente", "_peildatum_cat", "_eenpersoons", "rol"),
    ),
    Regel(
        "lokale lasten", lokale_lasten,
        leest=("_eigenaar", "woz_waarde", "_afval_jaar", "_riool_jaar", "_ws_jaar", "_riool_pct_woz", "_ozb_pct_woz",
               "_ws_pct_woz", "_riool_verdeling_onbekend", "rioolheffing_jaar", "lokale_lasten_ander_jaar",
               "waterschap_ander_jaar"),
        schrijft=("{s}_lokale_lasten_afvalstoffenheffing", "{s}_lokale_lasten_rioolheffing", "{s}_lokale_lasten_ozb",
                  "{s}_lokale_lasten_waterschap", "{s}_lokale_lasten_totaal", "_waarschuwing_lokale_lasten"),
        uitleg=uitleg,
    ),
    Regel("waarschuwingen", waarschuwingen, leest=("_waarschuwing_tarieven", "_waarschuwing_lokale_lasten"),
          schrijft=("waarschuwing",)),
)
