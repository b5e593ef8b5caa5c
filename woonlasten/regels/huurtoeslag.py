"""Estimated huurtoeslag [€/maand]."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import DataFout, Tabel, Tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import euro
from woonlasten.modellen import Toelichting
from woonlasten.regels.huurverhoging import huurregel
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad, vul


def _huishoudtype(personen: np.ndarray, aow: np.ndarray) -> pd.Categorical:
    soorten = ["eenpersoons", "meerpersoons", "eenpersoons_aow", "meerpersoons_aow"]
    code = (personen > 1).astype(np.int64) + 2 * (aow == 1).astype(np.int64)
    return pd.Categorical.from_codes(code, categories=soorten)


def _huurtoeslag_breed(t: Tabellen) -> Tabel:
    """huurtoeslag.csv in wide form: one row per household type and period with every parameter as a column
    (a derived table, built once and remembered on the table, which itself never changes)."""
    tabel = t["tariffs/huurtoeslag"]

    def maak(lang: pd.DataFrame) -> Tabel:
        sleutel = ["huishoudtype", "geldig_vanaf", "geldig_tot"]
        breed = lang.pivot_table(index=sleutel, columns="parameter", values="waarde", aggfunc="first").reset_index()
        eerste = lang.groupby(sleutel, as_index=False).agg(_rij=("_rij", "min"), jaar=("jaar", "first"))
        breed = breed.merge(eerste, on=sleutel)
        breed["bron"] = "tariffs/huurtoeslag.csv, jaar " + breed["jaar"].astype(str)
        breed["status"] = None
        return Tabel(naam="tariffs/huurtoeslag", pad=tabel.pad, frame=breed, sleutel=["huishoudtype"])

    return tabel.afgeleid("breed", maak)


PARAMETERS = ["minimum_inkomensijkpunt", "factor_a", "factor_b", "minimum_normhuur", "taakstellingsbedrag",
              "minimum_basishuur", "kwaliteitskortingsgrens", "aftoppingsgrens_1_2_personen",
              "aftoppingsgrens_3_plus_personen", "maximale_huurgrens", "pct_tot_kwaliteitskortingsgrens",
              "pct_kwaliteitskortingsgrens_tot_aftoppingsgrens", "pct_boven_aftoppingsgrens",
              "max_servicekosten_per_categorie_maand", "aantal_servicekostencategorieen", "afbouwpercentage"]

# The scheme of the date, each part by its own dated row in huurregels.csv (a ja/nee value):
UITSLUITING = "huurtoeslag_maximale_huurgrens_is_uitsluitingsgrond"  # 1: no allowance above it; 0: rent capped there
AFBOUW = "huurtoeslag_afbouw_boven_inkomensijkpunt"  # 1: fixed basishuur and phase-out; 0: basishuur from income


def _ja_nee(t: Tabellen, f, naam: str, nodig: np.ndarray) -> np.ndarray:
    """The ja/nee rule ``naam`` of huurregels.csv on each row's date, as booleans; a row that needs it (``nodig``)
    on a date without the rule is a data error."""
    waarde, _ = huurregel(t, f["_peildatum_cat"], naam, f.n)
    waarde = np.broadcast_to(waarde, (f.n,))
    ontbreekt = nodig & np.isnan(waarde)
    if ontbreekt.any():
        datum = pd.Timestamp(np.asarray(f["_peildatum_cat"])[np.flatnonzero(ontbreekt)[0]])
        raise DataFout(f"huurregels.csv: regel '{naam}' ontbreekt op {datum:%Y-%m-%d} (nodig voor de huurtoeslag "
                       "van die datum)")
    return waarde == 1


def huurtoeslag(f, t: Tabellen, kale_huur: np.ndarray, servicekosten: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Estimated huurtoeslag [€/maand, ≥ 0] for the rent given; NaN where no income is given.
    Rekenhuur = kale huur + servicekosten up to the number of categories × the category maximum (all servicekosten
    are assumed subsidisable; none count from 2026). Where the maximale huurgrens excludes (through 2025): no
    allowance above it; otherwise (2026) the rekenhuur is capped at it. Without phase-out (through 2025): basishuur
    = normhuur(income) + taakstellingsbedrag; with phase-out (2026): the fixed minimum_basishuur, and the allowance
    is lowered by the phase-out percentage of the income above the ijkpunt. 100 % up to the
    kwaliteitskortingsgrens, 65 % up to the aftoppingsgrens, 40 % (or 0 %) above. Which scheme holds on a date is
    read from huurregels.csv (:data:`UITSLUITING`, :data:`AFBOUW`). Vermogen and the youth limit are not
    modelled."""
    n = f.n
    inkomen = f["inkomen_jaar"]
    if np.isnan(inkomen).all():
        return np.full(n, np.nan), np.full(n, -1)
    soort = _huishoudtype(f["personen_gebruikt"], f["aow"])
    p = zoek(_huurtoeslag_breed(t), f["_peildatum_cat"], {"huishoudtype": soort}, PARAMETERS, n=n)
    nodig = (p["_rij"] >= 0) & ~np.isnan(inkomen)
    uitsluiting = _ja_nee(t, f, UITSLUITING, nodig)
    met_afbouw = _ja_nee(t, f, AFBOUW, nodig)
    # servicekosten count up to the number of categories × the maximum per category (a missing row: none count)
    plafond = (np.nan_to_num(p["aantal_servicekostencategorieen"])
               * np.nan_to_num(p["max_servicekosten_per_categorie_maand"]))
    sk = np.where(plafond > 0, np.minimum(servicekosten, plafond), 0.0)
    rekenhuur = kale_huur + sk
    h = np.where(uitsluiting, rekenhuur, np.minimum(rekenhuur, p["maximale_huurgrens"]))
    y = inkomen
    normhuur = np.where(y <= p["minimum_inkomensijkpunt"], p["minimum_normhuur"],
                        np.ceil((p["factor_a"] * y * y + p["factor_b"] * y) * 100 - 1e-9) / 100)
    basis = np.where(met_afbouw, p["minimum_basishuur"], normhuur + p["taakstellingsbedrag"])
    k = p["kwaliteitskortingsgrens"]
    af = np.where(f["personen_gebruikt"] >= 3, p["aftoppingsgrens_3_plus_personen"], p["aftoppingsgrens_1_2_personen"])
    a = p["pct_tot_kwaliteitskortingsgrens"] / 100 * np.maximum(0.0, np.minimum(h, k) - basis)
    b = p["pct_kwaliteitskortingsgrens_tot_aftoppingsgrens"] / 100 * np.maximum(
        0.0, np.minimum(h, af) - np.maximum(k, basis))
    c = p["pct_boven_aftoppingsgrens"] / 100 * np.maximum(0.0, h - np.maximum(af, basis))
    bruto = a + b + c
    afbouw = np.where(met_afbouw, np.maximum(0.0, y - p["minimum_inkomensijkpunt"])
                      * np.nan_to_num(p["afbouwpercentage"]) / 100 / 12, 0.0)
    toeslag = np.maximum(0.0, bruto - afbouw)
    toeslag = np.where(uitsluiting & (h > p["maximale_huurgrens"]), 0.0, toeslag)
    return np.where(np.isnan(y) | (p["_rij"] < 0), np.nan, toeslag), p["_rij"]


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Huurtoeslag lines (tenants): the estimate before and after, or why it was not computed."""
    uit: list[Toelichting] = []
    if rij["rol"] != "huurder":
        return uit
    ingreep = bool(rij["heeft_ingreep"])
    if rij["voor_huurtoeslag_berekend"]:
        ht = bronrij(t, "tariffs/huurtoeslag", rij["_rij_huurtoeslag_voor"])
        tekst = (f"Geschatte huurtoeslag vóór {euro(-rij['voor_huur_huurtoeslag'])}"
                 + (f", na {euro(-rij['na_huur_huurtoeslag'])}" if ingreep else "")
                 + f" per maand bij een inkomen van {euro(rij['inkomen_jaar'], 0)} per jaar (schatting; vermogen en de "
                   "jongerengrens zijn niet meegenomen; alle servicekosten als subsidiabel aangenomen).")
        uit.append(item("Huur: huurtoeslag", tekst, ht, "tariffs/huurtoeslag"))
    elif rij["rol"] == "huurder" and not pd.isna(rij["inkomen_jaar"]):
        uit.append(Toelichting(onderwerp="Huur: huurtoeslag",
                               tekst=f"Niet berekend: voor {rij['peildatum'].year} zijn nog geen parameters van de "
                                     "huurtoeslag bekend (tariffs/huurtoeslag.csv)."))
    elif rij["rol"] == "huurder":
        uit.append(Toelichting(onderwerp="Huur: huurtoeslag",
                               tekst="Niet berekend: vul het inkomen van het huishouden in voor een schatting."))
    return uit


def huurtoeslag_regel(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Huurtoeslag before and after (negative [€/maand]) and the net rent; 0 for an owner or without income."""
    huurder = f["_huurder"]
    for s in SITUATIES:
        kale = f[f"{s}_huur_kale_huur"] + f[f"{s}_huur_huurverhoging"]
        toeslag, rij = huurtoeslag(f, t, kale, f[f"{s}_huur_servicekosten"])
        f[f"{s}_huurtoeslag_berekend"] = huurder & ~np.isnan(toeslag)
        f[f"{s}_huur_huurtoeslag"] = -np.where(huurder, vul(toeslag, 0.0), 0.0)
        f[f"{s}_huur_netto"] = f[f"{s}_huur_totaal"] + f[f"{s}_huur_huurtoeslag"]
        f[f"_rij_huurtoeslag_{s}"] = rij


VOLGORDE = 60

REGELS = (
    Regel(
        "huurtoeslag", huurtoeslag_regel,
        leest=("_huurder", "{s}_huur_kale_huur", "{s}_huur_huurverhoging", "{s}_huur_servicekosten", "{s}_huur_totaal",
               "inkomen_jaar", "personen_gebruikt", "aow", "_peildatum_cat"),
        schrijft=("{s}_huurtoeslag_berekend", "{s}_huur_huurtoeslag", "{s}_huur_netto", "_rij_huurtoeslag_{s}"),
        tabellen=("tariffs/huurtoeslag", "tariffs/huurregels"),
        uitleg=uitleg,
    ),
)
