"""The one calculation path: woonlasten on columns.

:func:`bereken_frame` takes a flat frame with one row per household (see :data:`INVOER_KOLOMMEN`) and returns it
with every intermediate and result column added. A single case is a one-row frame (:mod:`woonlasten.casus`); a
portfolio is many rows (:mod:`woonlasten.portefeuille`). There is no scalar twin of any rule below.

Units: consumption per year [m³/jaar, kWh/jaar]; tariffs per unit or per year as published; results in the
columns ``voor_*``, ``na_*`` and ``verschil_*`` in € per month, unrounded (round at the edge).
A row that cannot be computed gets ``status = "fout"`` and a Dutch ``melding`` naming the field; its result
columns are NaN, the row itself stays.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.modellen import ENERGIELABELS, GRENZEN, ROLLEN, VERWARMINGEN, WONINGTYPES
from woonlasten.tabellen import Tabellen, laad_tabellen, zoek

MAANDEN_PER_JAAR = 12

# Input columns of the flat frame: name -> kind ("tekst", "getal", "datum"); optional unless in VERPLICHT.
INVOER_KOLOMMEN: dict[str, str] = {
    "peildatum": "datum", "gemeente": "tekst", "rol": "tekst",
    "woningtype": "tekst", "oppervlakte_m2": "getal", "energielabel": "tekst", "bouwjaar": "getal",
    "verwarming": "tekst", "woz_waarde": "getal",
    "personen": "getal",
    "kale_huur": "getal", "servicekosten": "getal",
    "gas_m3": "getal", "elektriciteit_kwh": "getal",
    "gas_leveringsprijs_m3": "getal", "elektriciteit_leveringsprijs_kwh": "getal",
    "vaste_leveringskosten_jaar": "getal",
    "naar_label": "tekst", "maatregelen": "tekst", "huurverhoging": "getal",
}
VERPLICHT = ("peildatum", "gemeente", "woningtype", "oppervlakte_m2", "energielabel")
STANDAARD = {"rol": "huurder", "verwarming": "gasketel", "kale_huur": 0.0, "servicekosten": 0.0}

SITUATIES = ("voor", "na")
RESULTAAT_DELEN = (
    "huur_kale_huur", "huur_servicekosten", "huur_huurverhoging", "huur_totaal",
    "energie_gas", "energie_elektriciteit", "energie_totaal",
    "lokale_lasten_afvalstoffenheffing", "lokale_lasten_rioolheffing", "lokale_lasten_ozb",
    "lokale_lasten_waterschap", "lokale_lasten_totaal",
    "totaal",
)
TOEGESTAAN = {"rol": ROLLEN, "woningtype": WONINGTYPES, "energielabel": ENERGIELABELS,
              "naar_label": ENERGIELABELS, "verwarming": VERWARMINGEN}


class _Fouten:
    """Collects the first Dutch error message per row. Messages are built only for the rows concerned, so a
    clean million-row portfolio pays nothing for them."""

    def __init__(self, index: pd.Index):
        self.melding = pd.Series(None, index=index, dtype="object")

    def zet(self, masker, tekst) -> None:
        """``tekst``: a string, or a function of the boolean row mask returning the messages for those rows."""
        masker = np.asarray(pd.Series(masker, index=self.melding.index).fillna(False), dtype=bool)
        nieuw = masker & self.melding.isna().to_numpy()
        if not nieuw.any():
            return
        waarde = tekst(nieuw) if callable(tekst) else tekst
        if isinstance(waarde, pd.Series):
            waarde = waarde.to_numpy()
        self.melding.iloc[np.flatnonzero(nieuw)] = waarde

    @property
    def fout(self) -> pd.Series:
        return self.melding.notna()


class Rekenblad(dict):
    """The columns under calculation: a dict of aligned Series with an ``index`` (assembled into one DataFrame at
    the end, which is much faster than growing a DataFrame column by column)."""

    def __init__(self, index: pd.Index):
        super().__init__()
        self.index = index

    def __setitem__(self, kol, waarde) -> None:
        if not isinstance(waarde, pd.Series):
            waarde = pd.Series(waarde, index=self.index) if np.ndim(waarde) else pd.Series(
                [waarde] * len(self.index), index=self.index)
        super().__setitem__(kol, waarde)

    def frame(self) -> pd.DataFrame:
        return pd.concat(dict(self), axis=1) if self else pd.DataFrame(index=self.index)


def _met(voor: str, waarden: pd.Series, na: str = ""):
    """A message builder for :meth:`_Fouten.zet`: ``voor + value + na`` for the rows concerned only."""
    return lambda m: voor + waarden[m].astype(str).str.slice(0, 40) + na


def _tekst_kolom(ruw: pd.Series) -> pd.Series:
    """Text column with surrounding blanks removed and empty cells as None; processes each distinct value once."""
    codes, uniek = pd.factorize(ruw, use_na_sentinel=True)
    schoon = np.array([(u.strip() or None) if isinstance(u, str) else (None if pd.isna(u) else str(u))
                       for u in uniek] + [None], dtype=object)
    return pd.Series(schoon[codes], index=ruw.index, dtype=object)


# ----------------------------------------------------------------------------------------------------------
# 0. Normalise and check the input columns


def normaliseer(invoer: pd.DataFrame, fouten: _Fouten) -> Rekenblad:
    """Types, defaults and bounds of the input columns; bad cells become a row error naming the field."""
    f = Rekenblad(invoer.index)
    for kol, soort in INVOER_KOLOMMEN.items():
        ruw = invoer[kol] if kol in invoer.columns else pd.Series(None, index=invoer.index, dtype=object)
        if soort == "getal":
            if pd.api.types.is_numeric_dtype(ruw):
                waarde = ruw.astype(float)
            else:
                tekst = _tekst_kolom(ruw)
                waarde = pd.to_numeric(tekst, errors="coerce")
                fouten.zet(tekst.notna() & waarde.isna(),
                           lambda m, k=kol, r=tekst: k + ": geen getal ('" + r[m].astype(str).str.slice(0, 30) + "')")
            if kol in GRENZEN:
                laag, hoog = GRENZEN[kol]
                buiten = waarde.notna() & ((waarde < laag) | (waarde > hoog))
                fouten.zet(buiten, lambda m, k=kol, w=waarde, lo=laag, hi=hoog:
                           k + f": moet tussen {lo:g} en {hi:g} liggen (nu " + w[m].map("{:g}".format) + ")")
                waarde = waarde.where(~buiten)
            if kol in STANDAARD:
                waarde = waarde.fillna(STANDAARD[kol])
            f[kol] = waarde
        elif soort == "datum":
            if pd.api.types.is_datetime64_any_dtype(ruw):
                waarde = ruw
            else:
                tekst = _tekst_kolom(ruw)
                codes, uniek = pd.factorize(tekst)
                omgezet = pd.to_datetime(pd.Series(uniek, dtype=object), errors="coerce", format="mixed",
                                         dayfirst=True)
                waarde = pd.Series(np.append(omgezet.to_numpy(), np.datetime64("NaT"))[codes], index=ruw.index)
                fouten.zet(tekst.notna() & waarde.isna(), lambda m, k=kol, r=tekst:
                           k + ": geen geldige datum ('" + r[m].astype(str) + "'; gebruik JJJJ-MM-DD)")
            f[kol] = waarde
        else:
            tekst = _tekst_kolom(ruw)
            if kol in STANDAARD:
                tekst = tekst.fillna(STANDAARD[kol])
            if kol in TOEGESTAAN:
                ok = tekst.isna() | tekst.isin(TOEGESTAAN[kol])
                fouten.zet(~ok, lambda m, k=kol, r=tekst: k + ": onbekende waarde '" + r[m].astype(str)
                           + "' (kies uit " + ", ".join(TOEGESTAAN[k]) + ")")
                tekst = tekst.where(ok)
            f[kol] = tekst
    for kol in VERPLICHT:
        fouten.zet(f[kol].isna(), kol + ": ontbreekt")
    return f


# ----------------------------------------------------------------------------------------------------------
# 1. Measures and the situation after the upgrade


def maatregel_kolommen(t: Tabellen) -> list[str]:
    """The measure keys of the catalogue, in file order."""
    return list(t["labels/maatregelen"].frame["maatregel"])


def _ontleed_maatregelen(tekst: pd.Series, t: Tabellen, fouten: _Fouten) -> pd.DataFrame:
    """Parse ``"spouwmuurisolatie;dakisolatie:45"`` into one column per measure with the quantity (NaN = not
    chosen, -1 = chosen with the standard quantity). Parses each distinct text once."""
    namen = maatregel_kolommen(t)
    codes, uniek = pd.factorize(tekst.fillna(""))
    tabel = np.full((len(uniek), len(namen)), np.nan)
    meldingen: list = [None] * len(uniek)
    for u, waarde in enumerate(uniek):
        for stuk in [s.strip() for s in str(waarde).replace(",", ";").split(";") if s.strip()]:
            naam, _, hoeveel = stuk.partition(":")
            naam = naam.strip().lower().replace(" ", "_")
            if naam not in namen:
                meldingen[u] = f"maatregelen: onbekende maatregel '{naam}' (kies uit {', '.join(namen)})"
                continue
            if hoeveel.strip():
                try:
                    q = float(hoeveel.replace(",", "."))
                except ValueError:
                    meldingen[u] = f"maatregelen: hoeveelheid bij '{naam}' is geen getal ('{hoeveel}')"
                    continue
                laag, hoog = GRENZEN["hoeveelheid"]
                if not laag <= q <= hoog:
                    meldingen[u] = f"maatregelen: hoeveelheid bij '{naam}' moet tussen {laag:g} en {hoog:g} liggen"
                    continue
                tabel[u, namen.index(naam)] = q
            else:
                tabel[u, namen.index(naam)] = -1.0
    melding = pd.Series([meldingen[c] for c in codes] if any(meldingen) else None, index=tekst.index, dtype=object)
    fouten.zet(melding.notna(), melding)
    return pd.DataFrame(tabel[codes], index=tekst.index, columns=["maatregel_" + n for n in namen])


def volgorde(label: pd.Series, t: Tabellen) -> pd.Series:
    """Label rank: 1 = A++++ (best) … 11 = G (worst)."""
    lk = t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"]
    return label.map(lk).astype(float)


def situatie_na(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Adds the measures' quantities, ``heeft_ingreep``, ``energielabel_na``, ``verwarming_na``,
    ``zon_opwek_kwh`` [kWh/jaar] and ``ruimte_factor_maatregelen`` (share of space heating left)."""
    m = _ontleed_maatregelen(f["maatregelen"], t, fouten)
    effect = t["labels/maatregel_effect"]
    factor = pd.Series(1.0, index=f.index)
    stappen = pd.Series(0.0, index=f.index)
    opwek = pd.Series(0.0, index=f.index)
    for kol in m.columns:
        naam = kol.removeprefix("maatregel_")
        gekozen = m[kol].notna()
        if not gekozen.any():
            f[kol] = m[kol]
            continue
        e = zoek(effect, None, {"maatregel": pd.Series(naam, index=f.index), "woningtype": f["woningtype"]},
                 ["standaard_hoeveelheid", "besparing_ruimteverwarming_aandeel",
                  "elektriciteit_opwek_kwh_per_eenheid", "labelstappen"])
        standaard = e["standaard_hoeveelheid"].fillna(1.0)
        hoeveel = m[kol].where(m[kol] >= 0, standaard)
        f[kol] = hoeveel
        schaal = (hoeveel / standaard).clip(upper=1.0).fillna(0.0)  # more than standard gives no extra saving
        aandeel = e["besparing_ruimteverwarming_aandeel"].fillna(0.0) * schaal
        factor = factor.where(~gekozen, factor * (1.0 - aandeel))
        stappen = stappen.where(~gekozen, stappen + e["labelstappen"].fillna(0.0) * schaal)
        opwek = opwek.where(~gekozen, opwek + hoeveel * e["elektriciteit_opwek_kwh_per_eenheid"].fillna(0.0))
    heeft_maatregel = m.notna().any(axis=1)
    f["heeft_ingreep"] = f["naar_label"].notna() | heeft_maatregel | f["huurverhoging"].notna()
    f["ruimte_factor_maatregelen"] = factor
    f["zon_opwek_kwh"] = opwek
    # label after: the given target; otherwise the label reached by the measures' typical label steps
    rang_voor = volgorde(f["energielabel"], t)
    labels = t["labels/labelklassen"].frame.set_index("volgorde")["energielabel"]
    rang_na_maatregelen = (rang_voor - np.floor(stappen + 1e-9)).clip(lower=labels.index.min())
    label_na = f["naar_label"].where(f["naar_label"].notna(), rang_na_maatregelen.map(labels))
    f["energielabel_na"] = label_na.where(f["heeft_ingreep"])
    f["label_na_uit_maatregelen"] = f["naar_label"].isna() & heeft_maatregel
    slechter = volgorde(f["naar_label"], t) > rang_voor
    fouten.zet(slechter, lambda m: "ingreep.naar_label: " + f["naar_label"][m] + " is slechter dan het huidige label "
               + f["energielabel"][m])
    verwarming_na = f["verwarming"].copy()
    if "maatregel_hybride_warmtepomp" in m.columns:
        verwarming_na = verwarming_na.where(
            m["maatregel_hybride_warmtepomp"].isna() | (f["verwarming"] == "warmtepomp"), "hybride_warmtepomp")
    if "maatregel_warmtepomp" in m.columns:
        verwarming_na = verwarming_na.where(m["maatregel_warmtepomp"].isna(), "warmtepomp")
    f["verwarming_na"] = verwarming_na.where(f["heeft_ingreep"])


# ----------------------------------------------------------------------------------------------------------
# 2. Consumption


def _gas_per_m2(woningtype: pd.Series, label: pd.Series, t: Tabellen) -> pd.DataFrame:
    """Space-heating demand [m³ gas-eq per m² per year] for type and label, made monotone: a worse label is
    never estimated below a better one of the same type (the measured averages dip at G for some types)."""
    tabel = t["labels/ruimteverwarming"]
    f = tabel.frame.copy()
    f["_rang"] = f["energielabel"].map(t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"])
    f = f.sort_values(["woningtype", "_rang"])
    f["gas_m3_per_m2_monotoon"] = f.groupby("woningtype")["gas_m3_per_m2"].cummax()
    mono = type(tabel)(naam=tabel.naam, pad=tabel.pad, frame=f, sleutel=tabel.sleutel)
    return zoek(mono, None, {"woningtype": woningtype, "energielabel": label},
                ["gas_m3_per_m2", "gas_m3_per_m2_monotoon"])


def _tapwater_koken(personen: pd.Series, m2: pd.Series, t: Tabellen) -> pd.DataFrame:
    tabel = t["labels/tapwater_koken"]
    grenzen = np.sort(tabel.frame["oppervlakte_vanaf_m2"].unique())
    klasse = grenzen[np.clip(np.searchsorted(grenzen, m2.fillna(0).to_numpy(), side="left") - 1, 0, None)]
    p = personen.clip(upper=tabel.frame["personen"].max())
    return zoek(tabel, None, {"personen": p, "oppervlakte_vanaf_m2": pd.Series(klasse, index=m2.index)},
                ["tapwater_gas_m3", "koken_gas_m3"])


def _verwarming_omzetten(ruimte_m3, tap_m3, koken_m3, verwarming, label, t: Tabellen) -> tuple:
    """Gas [m³/jaar] and extra electricity [kWh/jaar] for a heating system, from the meter gas an HR boiler
    would use for space heating, tap water and cooking."""
    wp = zoek(t["labels/warmtepomp"], None, {"energielabel": label},
              ["spf_warmtepomp", "aandeel_hybride", "spf_hybride"])
    rend_hr = t.parameter("rendement_hr_ketel")
    kwh_per_m3 = t.parameter("gas_gj_per_m3") * t.parameter("kwh_per_gj")
    warmte_ruimte_kwh = ruimte_m3 * rend_hr * kwh_per_m3
    warmte_tap_kwh = tap_m3 * t.parameter("rendement_tapwater_hr_combi") * kwh_per_m3
    kook_kwh = koken_m3 * t.parameter("rendement_gaskookplaat") * kwh_per_m3
    hybride = verwarming == "hybride_warmtepomp"
    volledig = verwarming == "warmtepomp"
    s = wp["aandeel_hybride"]
    gas = (ruimte_m3 + tap_m3 + koken_m3).where(~hybride, ruimte_m3 * (1 - s) + tap_m3 + koken_m3)
    gas = gas.where(~volledig, 0.0)
    extra = pd.Series(0.0, index=ruimte_m3.index)
    extra = extra.where(~hybride, warmte_ruimte_kwh * s / wp["spf_hybride"])
    extra = extra.where(
        ~volledig,
        warmte_ruimte_kwh / wp["spf_warmtepomp"]
        + warmte_tap_kwh / t.parameter("cop_tapwater_warmtepomp")
        + kook_kwh / t.parameter("rendement_inductiekookplaat"),
    )
    return gas, extra, wp["_rij"]


def verbruik(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Estimated and, where given, own consumption before and after [m³/jaar, kWh/jaar].

    Estimate: space heating = m² × measured gas per m² (type, label) / HR-boiler efficiency; plus tap water and
    cooking by household size and area. After: the target label's figure, or the measures' saving factors.
    Own use given: every gas part is scaled by own ÷ estimated (so the relative saving is the estimate's);
    electricity after = own + (estimated after − estimated before).
    """
    personen = f["personen"].fillna(t.parameter("personen_standaard"))
    f["personen_gebruikt"] = personen
    rend_hr = t.parameter("rendement_hr_ketel")
    g_voor = _gas_per_m2(f["woningtype"], f["energielabel"], t)
    fouten.zet(g_voor["_rij"] < 0, lambda m: "energielabel: geen verbruikscijfer voor " + f["woningtype"][m].astype(str)
               + " met label " + f["energielabel"][m].astype(str))
    f["_rij_ruimteverwarming_voor"] = g_voor["_rij"]
    ruimte_voor = f["oppervlakte_m2"] * g_voor["gas_m3_per_m2_monotoon"] / rend_hr
    label_na = f["energielabel_na"].fillna(f["energielabel"])
    g_na = _gas_per_m2(f["woningtype"], label_na, t)
    f["_rij_ruimteverwarming_na"] = g_na["_rij"]
    ruimte_na_label = f["oppervlakte_m2"] * g_na["gas_m3_per_m2_monotoon"] / rend_hr
    ruimte_na = ruimte_na_label.where(~f["label_na_uit_maatregelen"], ruimte_voor * f["ruimte_factor_maatregelen"])
    ruimte_na = ruimte_na.where(f["heeft_ingreep"], ruimte_voor)
    tk = _tapwater_koken(personen, f["oppervlakte_m2"], t)
    f["_rij_tapwater_koken"] = tk["_rij"]
    e = zoek(t["labels/elektriciteit_huishouden"], None,
             {"personen": personen.clip(upper=t["labels/elektriciteit_huishouden"].frame["personen"].max())},
             ["elektriciteit_kwh"])
    f["_rij_elektriciteit_huishouden"] = e["_rij"]

    gas_voor_est, extra_voor, rij_wp_voor = _verwarming_omzetten(
        ruimte_voor, tk["tapwater_gas_m3"], tk["koken_gas_m3"], f["verwarming"], f["energielabel"], t)
    # calibration on own gas use (only where the estimate uses gas at all)
    eigen_gas = f["gas_m3"].notna() & (gas_voor_est > 0)
    k = (f["gas_m3"] / gas_voor_est).where(eigen_gas, 1.0)
    f["kalibratie_gas"] = k
    verwarming_na = f["verwarming_na"].fillna(f["verwarming"])
    gas_na_est, extra_na, rij_wp_na = _verwarming_omzetten(
        ruimte_na * k, tk["tapwater_gas_m3"] * k, tk["koken_gas_m3"] * k, verwarming_na, label_na, t)
    gas_voor_k, extra_voor_k, _ = _verwarming_omzetten(
        ruimte_voor * k, tk["tapwater_gas_m3"] * k, tk["koken_gas_m3"] * k, f["verwarming"], f["energielabel"], t)
    f["_rij_warmtepomp_voor"] = rij_wp_voor
    f["_rij_warmtepomp_na"] = rij_wp_na
    f["verbruik_gas_m3_voor"] = f["gas_m3"].where(f["gas_m3"].notna(), gas_voor_k)
    f["verbruik_gas_m3_na"] = gas_na_est
    e_voor = e["elektriciteit_kwh"] + extra_voor_k
    f["verbruik_elektriciteit_kwh_voor"] = f["elektriciteit_kwh"].where(f["elektriciteit_kwh"].notna(), e_voor)
    f["verbruik_elektriciteit_kwh_na"] = f["verbruik_elektriciteit_kwh_voor"] + (extra_na - extra_voor_k)
    f["verbruik_ruimteverwarming_m3_voor"] = ruimte_voor * k
    f["verbruik_ruimteverwarming_m3_na"] = ruimte_na * k
    eigen_e = f["elektriciteit_kwh"].notna()
    f["verbruik_herkomst"] = np.where(eigen_gas & eigen_e, "eigen",
                                      np.where(eigen_gas | eigen_e, "deels eigen", "geschat"))


# ----------------------------------------------------------------------------------------------------------
# 3. Energy bill


def _schijven(tabel, drager: str, peildatum: pd.Series) -> list[pd.DataFrame]:
    """The tax brackets valid on each row's date: a list (1st, 2nd, … bracket) of aligned frames with
    ``schijf_vanaf``, ``schijf_tot``, ``energiebelasting_excl_btw``, ``ode_excl_btw``, ``_rij``."""
    codes, uniek = pd.factorize(peildatum)
    per_datum = []
    for d in uniek:
        rijen = tabel.geldig_op(d)
        per_datum.append(rijen[rijen["drager"] == drager].sort_values("schijf_vanaf"))
    k_max = max((len(r) for r in per_datum), default=0)
    kolommen = ["schijf_vanaf", "schijf_tot", "energiebelasting_excl_btw", "ode_excl_btw", "_rij"]
    uit = []
    for k in range(k_max):
        arr = {c: np.full(len(peildatum), np.nan) for c in kolommen}
        for c_i, rijen in enumerate(per_datum):
            if len(rijen) <= k:
                continue
            positie = codes == c_i
            for c in kolommen:
                arr[c][positie] = float(rijen[c].iloc[k]) if pd.notna(rijen[c].iloc[k]) else np.nan
        fr = pd.DataFrame(arr, index=peildatum.index)
        fr["ode_excl_btw"] = fr["ode_excl_btw"].fillna(0.0)
        fr["schijf_tot"] = fr["schijf_tot"].fillna(np.inf)
        uit.append(fr)
    return uit


def _kosten_drager(volume, leveringsprijs, vast_jaar, net_jaar, btw, schijven, plafond) -> tuple:
    """Yearly cost of one carrier [€/jaar]: volume through the tax brackets, fixed costs, BTW, price cap.
    Returns (total, variable price of the first bracket incl. BTW [€/eenheid])."""
    variabel = pd.Series(0.0, index=volume.index)
    for s in schijven:
        in_schijf = (volume - s["schijf_vanaf"]).clip(lower=0).where(s["schijf_vanaf"].notna(), 0.0)
        in_schijf = np.minimum(in_schijf, s["schijf_tot"] - s["schijf_vanaf"]).fillna(0.0)
        variabel = variabel + in_schijf * (leveringsprijs + s["energiebelasting_excl_btw"].fillna(0)
                                           + s["ode_excl_btw"]) * (1 + btw)
    prijs1 = (leveringsprijs + schijven[0]["energiebelasting_excl_btw"] + schijven[0]["ode_excl_btw"]) * (1 + btw)
    # prijsplafond 2023: the all-in price above the cap is not paid on the volume under the cap
    korting = (np.minimum(volume.clip(lower=0), plafond["plafondvolume_jaar"])
               * (prijs1 - plafond["plafondprijs_incl_btw"]).clip(lower=0)).fillna(0.0)
    totaal = variabel - korting + (vast_jaar + net_jaar) * (1 + btw)
    return totaal, prijs1


def energie(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Energy costs per situation [€/maand] in ``{voor,na}_energie_{gas,elektriciteit,totaal}``.

    Per carrier and year: volume through the tax brackets × (delivery price + energiebelasting + ODE) × (1 + BTW),
    minus the 2023 price cap on the capped volume, plus (fixed delivery + network costs) × (1 + BTW); for
    electricity minus the belastingvermindering × (1 + BTW) and the revenue of exported solar kWh. A dwelling on
    a full heat pump has no gas connection: no gas costs at all.
    """
    pd_ = f["peildatum"]
    btw = zoek(t["tariffs/btw"], pd_, {"toepassing": pd.Series("energie", index=f.index)}, ["btw_tarief"])
    fouten.zet(btw["_rij"] < 0, _met("peildatum: geen btw-tarief voor energie bekend op ", pd_))
    f["_rij_btw"] = btw["_rij"]
    btw = btw["btw_tarief"]
    f["btw_energie"] = btw
    verm = zoek(t["tariffs/belastingvermindering"], pd_, None, ["bedrag_jaar_excl_btw"])
    f["_rij_belastingvermindering"] = verm["_rij"]
    ret = zoek(t["tariffs/teruglevering"], pd_, None,
               ["saldering", "minimum_vergoeding_aandeel_leveringsprijs", "terugleverkosten_kwh_excl_btw",
                "eigen_verbruik_aandeel"])
    f["_rij_teruglevering"] = ret["_rij"]
    dragers = {"elektriciteit": ("kwh", "elektriciteit_kwh"), "gas": ("m3", "gas_m3")}
    lev = {}
    for drager in dragers:
        lev[drager] = zoek(t["tariffs/leveringstarieven"], pd_, {"drager": pd.Series(drager, index=f.index)},
                           ["leveringsprijs_excl_btw", "vaste_leveringskosten_jaar_excl_btw"])
        fouten.zet(lev[drager]["_rij"] < 0, _met(f"peildatum: geen standaard leveringstarief {drager} bekend op ", pd_))
        f[f"_rij_leveringstarief_{drager}"] = lev[drager]["_rij"]
    # a given total of fixed delivery costs is split in the ratio of the two standard amounts
    std = {d: lev[d]["vaste_leveringskosten_jaar_excl_btw"] for d in dragers}
    std_totaal = std["elektriciteit"] + std["gas"]
    for drager, (eenheid, verbruik_kol) in dragers.items():
        sleutel = {"drager": pd.Series(drager, index=f.index)}
        schijven = _schijven(t["tariffs/energiebelasting"], drager, pd_)
        if not schijven:
            schijven = [pd.DataFrame({"schijf_vanaf": np.nan, "schijf_tot": np.nan, "energiebelasting_excl_btw": np.nan,
                                      "ode_excl_btw": 0.0, "_rij": np.nan}, index=f.index)]
        fouten.zet(schijven[0]["_rij"].isna(), _met(f"peildatum: geen energiebelasting {drager} bekend op ", pd_))
        f[f"_rij_energiebelasting_{drager}"] = schijven[0]["_rij"]
        prijs = f[f"{drager}_leveringsprijs_{eenheid}"].fillna(lev[drager]["leveringsprijs_excl_btw"])
        f[f"leveringsprijs_{drager}"] = prijs
        aandeel = (std[drager] / std_totaal).fillna(0.5)
        vast = (f["vaste_leveringskosten_jaar"] * aandeel).where(f["vaste_leveringskosten_jaar"].notna(), std[drager])
        f[f"vaste_leveringskosten_{drager}"] = vast
        nb = zoek(t["tariffs/netbeheerder_gemeente"], None, {"gemeente": f["gemeente"], **sleutel}, ["netbeheerder"])
        netbeheerder = nb["netbeheerder"].fillna("landelijk gemiddelde")
        f[f"netbeheerder_{drager}"] = netbeheerder
        net = zoek(t["tariffs/netbeheer"], pd_, {"netbeheerder": netbeheerder, **sleutel},
                   ["netbeheerkosten_jaar_excl_btw"])
        fouten.zet(net["_rij"] < 0, _met(f"peildatum: geen netbeheerkosten {drager} bekend op ", pd_))
        f[f"_rij_netbeheer_{drager}"] = net["_rij"]
        f[f"netbeheerkosten_{drager}"] = net["netbeheerkosten_jaar_excl_btw"]
        plafond = zoek(t["tariffs/prijsplafond"], pd_, sleutel, ["plafondprijs_incl_btw", "plafondvolume_jaar"])
        f[f"_rij_prijsplafond_{drager}"] = plafond["_rij"]
        for s in SITUATIES:
            volume = f[f"verbruik_{verbruik_kol}_{s}"]
            if drager == "elektriciteit":
                opwek = f["zon_opwek_kwh"] if s == "na" else pd.Series(0.0, index=f.index)
                volume, opbrengst = _zon(volume, opwek, prijs, btw, ret)
                f[f"{s}_elektriciteit_inkoop_kwh"] = volume
                f[f"{s}_zon_opbrengst_jaar"] = opbrengst
            kosten, prijs1 = _kosten_drager(volume, prijs, vast, net["netbeheerkosten_jaar_excl_btw"], btw,
                                            schijven, plafond)
            if drager == "elektriciteit":
                kosten = kosten - verm["bedrag_jaar_excl_btw"].fillna(0.0) * (1 + btw) - f[f"{s}_zon_opbrengst_jaar"]
            else:
                verwarming = f["verwarming"] if s == "voor" else f["verwarming_na"].fillna(f["verwarming"])
                aansluiting = verwarming != "warmtepomp"
                kosten = kosten.where(aansluiting, 0.0)
                f[f"{s}_gasaansluiting"] = aansluiting
            f[f"{s}_energie_{drager}_jaar"] = kosten
            f[f"{s}_energie_{drager}"] = kosten / MAANDEN_PER_JAAR
        f[f"prijs_{drager}_incl_btw"] = prijs1
    for s in SITUATIES:
        f[f"{s}_energie_totaal"] = f[f"{s}_energie_gas"] + f[f"{s}_energie_elektriciteit"]


def _zon(verbruik_kwh, opwek_kwh, leveringsprijs, btw, ret) -> tuple:
    """Solar panels: the kWh bought from the grid [kWh/jaar] and the yearly revenue of exported kWh [€/jaar].
    With saldering the production is netted against use; without it only the self-consumed share saves the full
    price and the rest earns the feed-in compensation minus terugleverkosten."""
    saldering = ret["saldering"].fillna("ja").astype(str).str.lower() == "ja"
    eigen = np.minimum(opwek_kwh * ret["eigen_verbruik_aandeel"].fillna(0.3), verbruik_kwh)
    inkoop_zonder = verbruik_kwh - eigen
    export_zonder = opwek_kwh - eigen
    netto = verbruik_kwh - opwek_kwh
    inkoop = netto.clip(lower=0).where(saldering, inkoop_zonder)
    export = (-netto).clip(lower=0).where(saldering, export_zonder)
    vergoeding = leveringsprijs * ret["minimum_vergoeding_aandeel_leveringsprijs"].fillna(0.5)
    kosten = ret["terugleverkosten_kwh_excl_btw"].fillna(0.0).where(~saldering, 0.0)
    opbrengst = (export * (vergoeding - kosten) * (1 + btw)).fillna(0.0)
    return inkoop, opbrengst


# ----------------------------------------------------------------------------------------------------------
# 4. Local taxes


def lokale_lasten(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Municipal and water-board taxes [€/maand] by role and household size; the same before and after."""
    pd_ = f["peildatum"]
    g = zoek(t["tariffs/gemeentelijke_belastingen"], pd_, {"gemeente": f["gemeente"]},
             ["afvalstoffenheffing_eenpersoons_jaar", "afvalstoffenheffing_meerpersoons_jaar",
              "rioolheffing_gebruiker_jaar", "rioolheffing_eigenaar_jaar", "rioolheffing_eigenaar_pct_woz",
              "ozb_eigenaar_pct_woz", "methode", "geldig_vanaf"], terugval=True)
    bekend = g["_rij"] >= 0
    fouten.zet(~bekend, _met("gemeente: geen gemeentelijke belastingen bekend voor '", f["gemeente"], "'"))
    f["_rij_gemeentelijke_belastingen"] = g["_rij"]
    f["lokale_lasten_ander_jaar"] = g["_terugval"]
    eigenaar = f["rol"] == "eigenaar"
    woz = f["woz_waarde"]
    fouten.zet(eigenaar & woz.isna(), "woning.woz_waarde: ontbreekt (nodig voor de OZB van een eigenaar)")
    een = f["personen_gebruikt"] <= 1
    afval = g["afvalstoffenheffing_eenpersoons_jaar"].where(een, g["afvalstoffenheffing_meerpersoons_jaar"])
    riool = g["rioolheffing_gebruiker_jaar"] + (
        g["rioolheffing_eigenaar_jaar"].fillna(0) + g["rioolheffing_eigenaar_pct_woz"].fillna(0) / 100 * woz
    ).where(eigenaar, 0.0)
    ozb = (g["ozb_eigenaar_pct_woz"].fillna(0) / 100 * woz).where(eigenaar, 0.0)
    ws_naam = zoek(t["tariffs/gemeente_waterschap"], None, {"gemeente": f["gemeente"]}, ["waterschap"])
    f["waterschap"] = ws_naam["waterschap"]
    ws = zoek(t["tariffs/waterschapsbelastingen"], pd_, {"waterschap": ws_naam["waterschap"]},
              ["zuiveringsheffing_per_ve_jaar", "watersysteemheffing_ingezetenen_jaar",
               "watersysteemheffing_gebouwd_pct_woz"], terugval=True)
    fouten.zet(bekend & (ws["_rij"] < 0), _met("gemeente: geen waterschapsbelastingen bekend voor '", f["gemeente"], "'"))
    f["_rij_waterschapsbelastingen"] = ws["_rij"]
    f["waterschap_ander_jaar"] = ws["_terugval"]
    ve = pd.Series(np.where(een, t.parameter("vervuilingseenheden_eenpersoons"),
                            t.parameter("vervuilingseenheden_meerpersoons")), index=f.index)
    waterschap = ws["zuiveringsheffing_per_ve_jaar"] * ve + ws["watersysteemheffing_ingezetenen_jaar"] + (
        ws["watersysteemheffing_gebouwd_pct_woz"].fillna(0) / 100 * woz).where(eigenaar, 0.0)
    delen = {"afvalstoffenheffing": afval, "rioolheffing": riool, "ozb": ozb, "waterschap": waterschap}
    for s in SITUATIES:
        for naam, jaar in delen.items():
            f[f"{s}_lokale_lasten_{naam}"] = jaar / MAANDEN_PER_JAAR
        f[f"{s}_lokale_lasten_totaal"] = sum(f[f"{s}_lokale_lasten_{n}"] for n in delen)


# ----------------------------------------------------------------------------------------------------------
# 5. Rent


def huur(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Rent [€/maand]: kale huur + servicekosten, plus the rent increase after the upgrade. An owner pays none."""
    huurder = f["rol"] == "huurder"
    verhoging = f["huurverhoging"].fillna(0.0)
    f["huurverhoging_herkomst"] = np.where(f["huurverhoging"].notna(), "opgegeven", "geen")
    for s in SITUATIES:
        f[f"{s}_huur_kale_huur"] = f["kale_huur"].where(huurder, 0.0)
        f[f"{s}_huur_servicekosten"] = f["servicekosten"].where(huurder, 0.0)
        f[f"{s}_huur_huurverhoging"] = (verhoging if s == "na" else 0.0) * huurder
        f[f"{s}_huur_totaal"] = f[f"{s}_huur_kale_huur"] + f[f"{s}_huur_servicekosten"] + f[f"{s}_huur_huurverhoging"]


# ----------------------------------------------------------------------------------------------------------
# The path


def bereken_frame(invoer: pd.DataFrame, tabellen: Tabellen | None = None) -> pd.DataFrame:
    """Compute woonlasten before and after for every row of ``invoer`` (see :data:`INVOER_KOLOMMEN`).

    Returns a new frame with the input columns (normalised), intermediate columns, result columns
    ``{voor,na,verschil}_<deel>`` [€/maand], ``woonlastenneutraal``, ``status`` and ``melding``.
    """
    t = tabellen or laad_tabellen()
    invoer = invoer.reset_index(drop=True) if not invoer.index.is_unique else invoer
    fouten = _Fouten(invoer.index)
    f = normaliseer(invoer, fouten)
    situatie_na(f, t, fouten)
    verbruik(f, t, fouten)
    energie(f, t, fouten)
    lokale_lasten(f, t, fouten)
    huur(f, t, fouten)
    for s in SITUATIES:
        f[f"{s}_totaal"] = f[f"{s}_huur_totaal"] + f[f"{s}_energie_totaal"] + f[f"{s}_lokale_lasten_totaal"]
    for deel in RESULTAAT_DELEN:
        f[f"verschil_{deel}"] = f[f"na_{deel}"] - f[f"voor_{deel}"]
    f = f.frame()
    fout = fouten.fout
    resultaat = [f"{s}_{d}" for s in ("voor", "na", "verschil") for d in RESULTAAT_DELEN]
    f.loc[fout, resultaat] = np.nan
    zonder = ~f["heeft_ingreep"]
    f.loc[zonder, [c for c in resultaat if not c.startswith("voor_")]] = np.nan
    neutraal = pd.Series(np.where(f["verschil_totaal"].isna(), None, f["verschil_totaal"] <= 0.005), index=f.index,
                         dtype=object)
    f = pd.concat([f, neutraal.rename("woonlastenneutraal")], axis=1)
    return pd.concat([f, pd.DataFrame({"status": np.where(fout, "fout", "ok"),
                                        "melding": fouten.melding.where(fout, "")}, index=f.index)], axis=1)
