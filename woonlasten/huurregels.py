"""The rent side of an upgrade, on columns: the rent increase the rules allow on the peildatum, solar panels through
the servicekosten, huurtoeslag before and after, the rent class, WWS points and maximum rent, and the EPV.

All rules are data (``tariffs/vergoedingentabel.csv``, ``huurregels.csv``, ``huurgrenzen.csv``, ``huurtoeslag.csv``,
``wws_*.csv``, ``epv.csv``); this module only applies them. Amounts in € per month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.tabellen import Tabel, Tabellen, categorisch, klasse, zoek

# Codes of the rent rule applied (column ``huurregel``); the texts are the user's explanation.
HUURREGELS = {
    0: "Geen ingreep of geen huurder: geen huurverhoging.",
    1: "Vóór 2023: huurverhoging volgens de vergoedingentabel voor de labelstap (isolatie en installaties).",
    2: "Vanaf 1 januari 2023 geen huurverhoging voor isolatie bij een zittende huurder (Nationale "
       "prestatieafspraken).",
    3: "Vanaf 1 januari 2023: alleen het deel van de labelstap dat de installaties (warmtepomp, ventilatie) "
       "geven, volgens de vergoedingentabel; isolatie geeft geen huurverhoging.",
    4: "Nieuwe verhuring: huurverschil volgens de herziene tabel voor nieuwe verhuringen (alle isolatie telt), "
       "plus het deel van de installaties volgens de tabel voor zittende huurders.",
    5: "Geen vergoedingentabel bekend op deze datum: geen huurverhoging berekend.",
}
VERGELIJKING = {
    0: "",
    1: "volgens de vergoedingentabel",
    2: "boven de vergoedingentabel",
    3: "onder de vergoedingentabel: een afwijking in het voordeel van de huurder",
}
HUURKLASSEN = ["onder de kwaliteitskortingsgrens", "tot de aftoppingsgrens", "tot de maximale huurgrens",
               "boven de maximale huurgrens"]


def _regel(t: Tabellen, pd_, naam: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A numeric rule from huurregels.csv valid on each row's date: (value, source line)."""
    r = zoek(t["tariffs/huurregels"], pd_, {"regel": naam}, ["waarde"], n=n)
    if np.ndim(r["waarde"]) == 0:  # one date: one value (the common case)
        return _getal(r["waarde"].item() if isinstance(r["waarde"], np.ndarray) else r["waarde"]), r["_rij"]
    waarde = pd.to_numeric(pd.Series(np.asarray(r["waarde"], dtype=object)), errors="coerce").to_numpy(float)
    return waarde, r["_rij"]


def _getal(waarde) -> float:
    """A rule's value as a number; NaN when it is empty or not a number (the same conversion as for many dates)."""
    return float(pd.to_numeric(pd.Series([waarde], dtype=object), errors="coerce").iloc[0])


def _label(rang: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Rank (1 = best) → label Categorical over ``labels`` (ordered best first)."""
    code = np.where(np.isnan(rang), 0, rang).astype(np.int8)
    code -= 1
    return categorisch(code, labels)


def vergoeding_klasse(t: Tabellen, m2: np.ndarray) -> pd.Categorical:
    """The size class of ``m2`` on the limits of both parts of the vergoedingentabel together (a refinement of
    each part's own classes): rows in one class get the same table amounts."""
    tabel = t["tariffs/vergoedingentabel"]
    return klasse(m2, tabel.afgeleid("grenzen", lambda fr: np.sort(fr["oppervlakte_vanaf_m2"].unique())))


def _vergoeding(t: Tabellen, pd_, verhuring: str, m2: np.ndarray, label_voor, label_na, n: int) -> tuple:
    """Table amount [€/maand] for the label step, the size class of ``m2``; 0 where the label does not improve.
    Returns (amount, source line, table known on the date)."""
    tabel = t["tariffs/vergoedingentabel"]
    grenzen = np.sort(tabel.frame.loc[tabel.frame["verhuring"] == verhuring, "oppervlakte_vanaf_m2"].unique())
    r = zoek(tabel, pd_, {"verhuring": verhuring, "oppervlakte_vanaf_m2": klasse(m2, grenzen), "label_voor": label_voor,
                          "label_na": label_na}, ["vergoeding_maand"], n=n)
    bekend = zoek(tabel, pd_, {"verhuring": verhuring}, ["vergoeding_maand"], n=n)["_rij"] >= 0
    bedrag = r["vergoeding_maand"]
    return np.where(np.isnan(bedrag), 0.0, bedrag), r["_rij"], np.broadcast_to(bekend, (n,))


def huurverhoging(f, t: Tabellen, fouten=None) -> None:
    """The rent increase the rules allow [€/maand] (``huurverhoging_regels``), which rule (``huurregel``) and the
    solar-panel servicekosten [€/maand]. Reads only what is the same within a situation after the upgrade, a size
    class of the vergoedingentabel (:func:`vergoeding_klasse`), new letting or not, role and date: the core runs it
    once per such combination (``fouten`` unused: no rule here refuses a row). :func:`vergelijking` compares a given
    increase, per row."""
    n = f.n
    pd_ = f["_peildatum_cat"]
    labels = t["labels/labelklassen"].afgeleid("op_volgorde", lambda fr: tuple(fr.sort_values("volgorde")["energielabel"]))
    rang_voor, rang_na = f["_rang_voor"], f["_rang_na"]
    # solar panels go through the servicekosten, so their label steps do not also raise the rent
    rang_huur_na = np.minimum(rang_na + np.floor(f["stappen_zon"] + 1e-9), rang_voor)
    # the label without the installations: the target minus the installations' typical label steps; the rest of
    # the step is insulation (also when no measures are listed: the tenant-favourable reading)
    rang_isolatie = np.minimum(rang_huur_na + np.floor(f["stappen_installatie"] + 1e-9), rang_voor)
    label_voor = f["energielabel"]
    label_isolatie, label_huur_na = _label(rang_isolatie, labels), _label(rang_huur_na, labels)
    isolatie_mag, rij_iso = _regel(t, pd_, "huurverhoging_isolatie_toegestaan", n)
    installatie_mag, rij_inst = _regel(t, pd_, "huurverhoging_installatie_toegestaan", n)
    f["_rij_regel_isolatie"] = rij_iso
    f["_rij_regel_installatie"] = rij_inst
    m2 = f["oppervlakte_m2"]
    heel, rij_heel, bekend = _vergoeding(t, pd_, "zittend", m2, label_voor, label_huur_na, n)
    nul = (np.zeros(n), np.full(n, -1), np.zeros(n, dtype=bool))
    # the lookups below are skipped when no row needs them (a portfolio of insulation only, no new lettings)
    inst, rij_inst_t, _ = _vergoeding(t, pd_, "zittend", m2, label_isolatie, label_huur_na, n) \
        if (f["stappen_installatie"] >= 1).any() else nul
    nieuw_iso, rij_nieuw, bekend_nieuw = _vergoeding(t, pd_, "nieuw", m2, label_voor, label_isolatie, n) \
        if (f["nieuwe_verhuring"] == 1).any() else nul
    isolatie_mag = np.broadcast_to(np.nan_to_num(isolatie_mag, nan=0.0) == 1, (n,))
    installatie_mag = np.broadcast_to(np.nan_to_num(installatie_mag, nan=1.0) == 1, (n,))
    nieuw = f["nieuwe_verhuring"] == 1
    huurder = f["_huurder"]
    ingreep = f["heeft_ingreep"] & huurder
    toegestaan = np.where(isolatie_mag, heel, np.where(installatie_mag, inst, 0.0))
    regel = np.where(isolatie_mag, 1, np.where(inst > 0, 3, 2))
    iets_nieuw = bool(nieuw.any())  # without new lettings the new-letting branches are skipped
    if iets_nieuw:
        toegestaan = np.where(nieuw, nieuw_iso + np.where(installatie_mag, inst, 0.0), toegestaan)
        regel = np.where(nieuw, 4, regel)
    geen_tabel = np.where(nieuw, ~bekend_nieuw, ~bekend) if iets_nieuw else ~bekend
    toegestaan = np.where(geen_tabel | ~ingreep, 0.0, toegestaan)
    regel = np.where(~ingreep, 0, np.where(geen_tabel, 5, regel))
    f["huurverhoging_regels"] = toegestaan
    f["huurverhoging_tabel_volledig"] = np.where(ingreep, np.where(nieuw, nieuw_iso + inst, heel) if iets_nieuw
                                                 else heel, 0.0)
    f["huurregel"] = regel
    rij_zittend = np.where(regel == 3, rij_inst_t, rij_heel)
    f["_rij_vergoedingentabel"] = np.where(nieuw, rij_nieuw, rij_zittend) if iets_nieuw else rij_zittend
    f["energielabel_isolatie"] = label_isolatie
    # solar panels in the servicekosten: a share of the investment per year (Huurcommissie)
    pct, rij_pct = _regel(t, pd_, "zonnepanelen_servicekosten_pct_investering_jaar1_10", n)
    f["_rij_regel_zon"] = rij_pct
    f["zon_servicekosten"] = np.where(ingreep, f["investering_zon"] * np.nan_to_num(pct, nan=0.0) / 100 / 12, 0.0)


def vergelijking(f) -> None:
    """How a given rent increase compares with what the rules allow (``huurverhoging_vergelijking``, see
    :data:`VERGELIJKING`); 0 where none is given or there is no upgrade for a tenant."""
    gegeven = f["huurverhoging"]
    heeft = ~np.isnan(gegeven)
    if not heeft.any():
        f["huurverhoging_vergelijking"] = 0
        return
    toegestaan = f["huurverhoging_regels"]
    f["huurverhoging_vergelijking"] = np.where(
        ~heeft | ~(f["heeft_ingreep"] & f["_huurder"]), 0,
        np.where(np.abs(gegeven - toegestaan) < 0.005, 1, np.where(gegeven > toegestaan, 2, 3)))


def _huishoudtype(personen: np.ndarray, aow: np.ndarray) -> pd.Categorical:
    soorten = ["eenpersoons", "meerpersoons", "eenpersoons_aow", "meerpersoons_aow"]
    code = (personen > 1).astype(np.int64) + 2 * (aow == 1).astype(np.int64)
    return pd.Categorical.from_codes(code, categories=soorten)


def _huurtoeslag_breed(t: Tabellen) -> Tabel:
    """huurtoeslag.csv in wide form: one row per household type and period with every parameter as a column."""
    tabel = t["tariffs/huurtoeslag"]
    if not hasattr(tabel, "_breed"):
        lang = tabel.frame
        sleutel = ["huishoudtype", "geldig_vanaf", "geldig_tot"]
        breed = lang.pivot_table(index=sleutel, columns="parameter", values="waarde", aggfunc="first").reset_index()
        eerste = lang.groupby(sleutel, as_index=False).agg(_rij=("_rij", "min"), jaar=("jaar", "first"))
        breed = breed.merge(eerste, on=sleutel)
        breed["bron"] = "tariffs/huurtoeslag.csv, jaar " + breed["jaar"].astype(str)
        breed["status"] = None
        tabel._breed = Tabel(naam="tariffs/huurtoeslag", pad=tabel.pad, frame=breed, sleutel=["huishoudtype"])
    return tabel._breed


PARAMETERS = ["minimum_inkomensijkpunt", "factor_a", "factor_b", "minimum_normhuur", "taakstellingsbedrag",
              "minimum_basishuur", "kwaliteitskortingsgrens", "aftoppingsgrens_1_2_personen",
              "aftoppingsgrens_3_plus_personen", "maximale_huurgrens", "pct_tot_kwaliteitskortingsgrens",
              "pct_kwaliteitskortingsgrens_tot_aftoppingsgrens", "pct_boven_aftoppingsgrens",
              "max_servicekosten_per_categorie_maand", "afbouwpercentage"]
SERVICEKOSTEN_CATEGORIEEN = 4  # Wet op de huurtoeslag art. 5: four categories of subsidisable servicekosten


def huurtoeslag(f, t: Tabellen, kale_huur: np.ndarray, servicekosten: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Estimated huurtoeslag [€/maand, ≥ 0] for the rent given; NaN where no income is given.
    Through 2025: rekenhuur = kale huur + servicekosten up to 4 × the category maximum (all servicekosten are
    assumed subsidisable); no allowance above the maximale huurgrens; basishuur = normhuur(income) +
    taakstellingsbedrag; 100 % up to the kwaliteitskortingsgrens, 65 % up to the aftoppingsgrens, 40 % (or 0 %)
    above. From 2026: kale huur capped at the maximale huurgrens, fixed basishuur, the same shares, minus the
    phase-out percentage of the income above the ijkpunt. Vermogen and the youth limit are not modelled."""
    n = f.n
    inkomen = f["inkomen_jaar"]
    if np.isnan(inkomen).all():
        return np.full(n, np.nan), np.full(n, -1)
    soort = _huishoudtype(f["personen_gebruikt"], f["aow"])
    p = zoek(_huurtoeslag_breed(t), f["_peildatum_cat"], {"huishoudtype": soort}, PARAMETERS, n=n)
    nieuw = ~np.isnan(p["afbouwpercentage"])  # the 2026 scheme
    sk = np.minimum(servicekosten, SERVICEKOSTEN_CATEGORIEEN * np.nan_to_num(p["max_servicekosten_per_categorie_maand"]))
    h = np.where(nieuw, np.minimum(kale_huur, p["maximale_huurgrens"]), kale_huur + sk)
    y = inkomen
    normhuur = np.where(y <= p["minimum_inkomensijkpunt"], p["minimum_normhuur"],
                        np.ceil((p["factor_a"] * y * y + p["factor_b"] * y) * 100 - 1e-9) / 100)
    basis = np.where(nieuw, p["minimum_basishuur"], normhuur + p["taakstellingsbedrag"])
    k = p["kwaliteitskortingsgrens"]
    af = np.where(f["personen_gebruikt"] >= 3, p["aftoppingsgrens_3_plus_personen"], p["aftoppingsgrens_1_2_personen"])
    a = p["pct_tot_kwaliteitskortingsgrens"] / 100 * np.maximum(0.0, np.minimum(h, k) - basis)
    b = p["pct_kwaliteitskortingsgrens_tot_aftoppingsgrens"] / 100 * np.maximum(
        0.0, np.minimum(h, af) - np.maximum(k, basis))
    c = p["pct_boven_aftoppingsgrens"] / 100 * np.maximum(0.0, h - np.maximum(af, basis))
    bruto = a + b + c
    afbouw = np.where(nieuw, np.maximum(0.0, y - p["minimum_inkomensijkpunt"])
                      * np.nan_to_num(p["afbouwpercentage"]) / 100 / 12, 0.0)
    toeslag = np.maximum(0.0, bruto - afbouw)
    toeslag = np.where(~nieuw & (h > p["maximale_huurgrens"]), 0.0, toeslag)
    return np.where(np.isnan(y) | (p["_rij"] < 0), np.nan, toeslag), p["_rij"]


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


def wws(f, t: Tabellen) -> None:
    """WWS energy points for the label before and after (eengezins / meergezins, by the regime of the date) and,
    with the current total points given, the maximum legal kale huur before and after [€/maand]."""
    n = f.n
    meergezins = f["woningtype"].isin(["appartement", "appartement_hoogbouw"])
    soort = pd.Categorical.from_codes(meergezins.astype(np.int8), categories=["eengezins", "meergezins"])
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
