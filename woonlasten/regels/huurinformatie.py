"""Information on the rent that changes no amount: rent class, WWS points and maximum rent, EPV."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import DataFout, Tabellen
from woonlasten.data.opzoeken import klasse, zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad

HUURKLASSEN = ["onder de kwaliteitskortingsgrens", "tot de aftoppingsgrens", "tot de maximale huurgrens",
               "boven de maximale huurgrens"]


def huurklasse(t: Tabellen, f, kale_huur: np.ndarray) -> tuple[pd.Categorical, np.ndarray]:
    """Rent class of the kale huur on the date: below the kwaliteitskortingsgrens, up to the aftoppingsgrens
    (by household size), up to the maximale huurgrens, or above."""
    g = zoek(t["tariffs/huurgrenzen"], f["_peildatum_cat"], None,
             ["kwaliteitskortingsgrens", "aftoppingsgrens_laag", "aftoppingsgrens_hoog", "maximale_huurgrens"], n=f.n)
    af = np.where(f["personen_gebruikt"] >= 3, g["aftoppingsgrens_hoog"], g["aftoppingsgrens_laag"])
    code = np.where(kale_huur <= g["kwaliteitskortingsgrens"], 0,
                    np.where(kale_huur <= af, 1, np.where(kale_huur <= g["maximale_huurgrens"], 2, 3)))
    code = np.where(np.isnan(np.broadcast_to(g["kwaliteitskortingsgrens"], (f.n,))), -1, code)
    return pd.Categorical.from_codes(code, categories=HUURKLASSEN), g["_rij"]


def woningsoort(f, t: Tabellen) -> pd.Categorical:
    """The WWS kind of each row's woningtype (``eengezins`` / ``meergezins``, labels/woningtypes.csv); a woningtype
    the table does not list is a data error."""
    r = zoek(t["labels/woningtypes"], None, {"woningtype": f["woningtype"]}, ["woningsoort"], n=f.n)
    woningtype = pd.Categorical(f["woningtype"])
    ontbreekt = (np.asarray(r["_rij"]) < 0) & (woningtype.codes >= 0)
    if ontbreekt.any():
        naam = woningtype[np.flatnonzero(ontbreekt)[0]]
        raise DataFout(f"woningtypes.csv: woningtype '{naam}' ontbreekt (vul de woningsoort eengezins of meergezins in)")
    return r["woningsoort"]


def wws(f, t: Tabellen) -> None:
    """WWS energy points for the label before and after (eengezins / meergezins, by the regime of the date) and,
    with the current total points given, the maximum legal kale huur before and after [€/maand]."""
    n = f.n
    soort = woningsoort(f, t)
    tabel = t["tariffs/wws_energiepunten"]
    voor = zoek(tabel, f["_peildatum_cat"], {"woningsoort": soort, "energielabel": f["energielabel"]}, ["punten"], n=n)
    label_na = pd.Categorical.from_codes(
        np.where(f["energielabel_na"].codes >= 0, f["energielabel_na"].codes, f["energielabel"].codes),
        categories=list(f["energielabel"].categories))
    na = zoek(tabel, f["_peildatum_cat"], {"woningsoort": soort, "energielabel": label_na}, ["punten"], n=n)
    f["wws_energiepunten_voor"] = voor["punten"]
    f["wws_energiepunten_na"] = na["punten"]
    f["_rij_wws_voor"] = voor["_rij"]
    f["_rij_wws_na"] = na["_rij"]
    totaal_voor = f["wws_punten"]
    totaal_na = totaal_voor + (na["punten"] - voor["punten"])
    f["wws_punten_na"] = totaal_na
    maxtabel = t["tariffs/wws_max_huurprijs"]
    for s, punten in (("voor", totaal_voor), ("na", totaal_na)):
        if np.isnan(punten).all():
            f[f"max_huur_{s}"] = np.float64(np.nan)
            f[f"_rij_wws_max_{s}"] = -1
            continue
        heel = np.floor(punten + 1e-9)
        r = zoek(maxtabel, f["_peildatum_cat"], {"punten": heel}, ["max_kale_huur_maand"], n=n)
        f[f"max_huur_{s}"] = np.where(np.isnan(punten), np.nan, r["max_kale_huur_maand"])
        f[f"_rij_wws_max_{s}"] = r["_rij"]


def epv(f, t: Tabellen) -> None:
    """Maximum energieprestatievergoeding [€/maand] for a nul-op-de-meter dwelling: the € per m² of the band of
    its net heat demand (original regime) × the area; NaN where no heat demand is given."""
    tabel = t["tariffs/epv"]
    vraag = f["epv_warmtevraag_kwh_m2"]
    if np.isnan(vraag).all():
        for kol in ("epv_max_m2_maand", "epv_max_maand"):
            f[kol] = np.float64(np.nan)
        f["epv_boven_banden"] = False
        f["_rij_epv"] = -1
        return
    grenzen = np.sort(tabel.frame.loc[tabel.frame["regime"] == "oorspronkelijk", "warmtevraag_vanaf_kwh_m2"].unique())
    r = zoek(tabel, f["_peildatum_cat"], {"regime": "oorspronkelijk", "warmtevraag_vanaf_kwh_m2": klasse(vraag, grenzen)},
             ["max_epv_m2_maand", "warmtevraag_tot_kwh_m2"], n=f.n)
    binnen = np.isnan(r["warmtevraag_tot_kwh_m2"]) | (vraag <= r["warmtevraag_tot_kwh_m2"])
    f["epv_max_m2_maand"] = np.where(np.isnan(vraag) | ~binnen, np.nan, r["max_epv_m2_maand"])
    f["epv_max_maand"] = f["epv_max_m2_maand"] * f["oppervlakte_m2"]
    f["epv_boven_banden"] = ~np.isnan(vraag) & ~binnen
    f["_rij_epv"] = r["_rij"]


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Rent-information lines (tenants): rent class, WWS points and maximum rent, EPV."""
    uit: list[Toelichting] = []
    if rij["rol"] != "huurder":
        return uit
    ingreep = bool(rij["heeft_ingreep"])
    if not pd.isna(rij["huurklasse_voor"]):
        hg = bronrij(t, "tariffs/huurgrenzen", rij["_rij_huurgrenzen"])
        uit.append(item("Huur: huurklasse", f"Kale huur vóór: {rij['huurklasse_voor']}"
                         + (f"; na: {rij['huurklasse_na']}." if ingreep else "."), hg, "tariffs/huurgrenzen"))
    if not pd.isna(rij["wws_energiepunten_voor"]):
        ws = bronrij(t, "tariffs/wws_energiepunten", rij["_rij_wws_voor"])
        tekst = f"Energiepunten WWS: {getal(rij['wws_energiepunten_voor'])}"
        if ingreep:
            tekst += f" → {getal(rij['wws_energiepunten_na'])}"
        if not pd.isna(rij["max_huur_voor"]):
            tekst += (f"; maximale kale huur bij {getal(rij['wws_punten'])} punten: {euro(rij['max_huur_voor'])}"
                      + (f", na {getal(rij['wws_punten_na'])} punten: {euro(rij['max_huur_na'])}" if ingreep else ""))
        uit.append(item("Huur: WWS", tekst + ".", ws, "tariffs/wws_energiepunten"))
    if not pd.isna(rij["epv_max_maand"]):
        ep = bronrij(t, "tariffs/epv", rij["_rij_epv"])
        uit.append(item("Huur: energieprestatievergoeding", f"Maximale EPV: {euro(rij['epv_max_m2_maand'])} per m² × "
                         f"{getal(rij['oppervlakte_m2'])} m² = {euro(rij['epv_max_maand'])} per maand.", ep,
                         "tariffs/epv"))
    return uit


def huurinformatie(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Rent class before and after, WWS points and maximum rent, maximum EPV: information that changes no amount."""
    for s in SITUATIES:
        klasse_, rij = huurklasse(t, f, f[f"{s}_huur_kale_huur"] + f[f"{s}_huur_huurverhoging"])
        f[f"huurklasse_{s}"] = klasse_
        f["_rij_huurgrenzen"] = rij
    wws(f, t)
    epv(f, t)


VOLGORDE = 70

REGELS = (
    Regel(
        "huurinformatie", huurinformatie,
        leest=("{s}_huur_kale_huur", "{s}_huur_huurverhoging", "personen_gebruikt", "_peildatum_cat", "woningtype",
               "energielabel", "energielabel_na", "wws_punten", "epv_warmtevraag_kwh_m2", "oppervlakte_m2"),
        schrijft=("huurklasse_{s}", "_rij_huurgrenzen", "wws_energiepunten_{s}", "_rij_wws_{s}", "wws_punten_na",
                  "max_huur_{s}", "_rij_wws_max_{s}", "epv_max_m2_maand", "epv_max_maand", "epv_boven_banden",
                  "_rij_epv"),
        tabellen=("tariffs/huurgrenzen", "labels/woningtypes", "tariffs/wws_energiepunten",
                  "tariffs/wws_max_huurprijs", "tariffs/epv"),
        informatief=True,
        uitleg=uitleg,
    ),
)
