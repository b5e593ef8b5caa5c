"""Consumption before and after [m³/jaar, kWh/jaar]: estimated from measured averages, calibrated to own use."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabel, Tabellen
from woonlasten.data.opzoeken import categorisch, klasse, zoek
from woonlasten.formatteer import getal
from woonlasten.modellen import ENERGIELABELS, Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import Fouten, Kolom, Rekenblad, is_gelijk, met_waarde, tekst_van, vul


def _gas_per_m2(woningtype: Kolom, label: Kolom, t: Tabellen, n: int) -> dict[str, np.ndarray]:
    """Space-heating demand [m³ gas-eq per m² per year] for type and label, made monotone: a worse label is
    never estimated below a better one of the same type (the measured averages dip at G for some types)."""
    return zoek(_ruimteverwarming_monotoon(t), None, {"woningtype": woningtype, "energielabel": label},
                ["gas_m3_per_m2", "gas_m3_per_m2_monotoon"], n=n)


def _ruimteverwarming_monotoon(t: Tabellen) -> Tabel:
    """ruimteverwarming.csv with the column ``gas_m3_per_m2_monotoon`` added: a derived table, built once per label
    order and remembered on the table (which itself never changes)."""
    tabel = t["labels/ruimteverwarming"]
    volgorde = t["labels/labelklassen"].afgeleid(
        "volgorde_per_label", lambda fr: tuple(zip(fr["energielabel"], fr["volgorde"], strict=True)))

    def maak(frame: pd.DataFrame) -> Tabel:
        fr = frame.copy()
        rang = fr["energielabel"].map(dict(volgorde))
        rij_volgorde = np.lexsort((rang.to_numpy(), fr["woningtype"].to_numpy()))
        mono = fr.iloc[rij_volgorde].groupby("woningtype")["gas_m3_per_m2"].cummax()
        fr["gas_m3_per_m2_monotoon"] = mono.reindex(fr.index)
        return Tabel(naam=tabel.naam, pad=tabel.pad, frame=fr, sleutel=list(tabel.sleutel))

    return tabel.afgeleid(("monotoon", volgorde), maak)


def _tapwater_koken(personen: np.ndarray, m2: np.ndarray, t: Tabellen) -> dict[str, np.ndarray]:
    """Tap water and cooking gas [m³/jaar] by household size and area class (vanaf < m² ≤ tot, as PBL)."""
    tabel = t["labels/tapwater_koken"]
    grenzen = np.sort(tabel.frame["oppervlakte_vanaf_m2"].unique())
    p = np.minimum(personen, tabel.frame["personen"].max())
    return zoek(tabel, None, {"personen": p, "oppervlakte_vanaf_m2": klasse(m2, grenzen, side="left")},
                ["tapwater_gas_m3", "koken_gas_m3"])


def _verwarming_omzetten(ruimte_m3, tap_m3, koken_m3, verwarming: Kolom, label: Kolom, t: Tabellen) -> tuple:
    """Gas [m³/jaar], extra electricity [kWh/jaar] and heat from a heat network [GJ/jaar] for a heating system, from
    the meter gas an HR boiler would use for space heating, tap water and cooking. Returns (gas, extra kWh, GJ,
    source rows of the heat-pump figures; -1 where no heat pump).

    A heat network delivers the heat the boiler would make: (space-heating m³ × HR-boiler efficiency + tap-water m³
    × combi efficiency) × the gas's calorific value [GJ/m³]; cooking becomes electric (induction)."""
    hybride = is_gelijk(verwarming, "hybride_warmtepomp")
    volledig = is_gelijk(verwarming, "warmtepomp")
    warmtenet = is_gelijk(verwarming, "warmtenet")
    gas = ruimte_m3 + tap_m3 + koken_m3
    if not (hybride.any() or volledig.any() or warmtenet.any()):  # a gas boiler everywhere: gas only
        return gas, np.zeros(len(gas)), np.zeros(len(gas)), np.full(len(gas), -1, dtype=np.int64)
    gj_per_m3 = t.parameter("gas_gj_per_m3")
    kwh_per_m3 = gj_per_m3 * t.parameter("kwh_per_gj")
    kook_kwh = koken_m3 * t.parameter("rendement_gaskookplaat") * kwh_per_m3 / t.parameter("rendement_inductiekookplaat")
    warmte_gj = np.where(warmtenet, (ruimte_m3 * t.parameter("rendement_hr_ketel")
                                     + tap_m3 * t.parameter("rendement_tapwater_hr_combi")) * gj_per_m3, 0.0)
    gas = np.where(warmtenet, 0.0, gas)
    extra = np.where(warmtenet, kook_kwh, 0.0)
    if not (hybride.any() or volledig.any()):
        return gas, extra, warmte_gj, np.full(len(gas), -1, dtype=np.int64)
    wp = zoek(t["labels/warmtepomp"], None, {"energielabel": label},
              ["spf_warmtepomp", "aandeel_hybride", "spf_hybride"], n=len(ruimte_m3))
    warmte_ruimte_kwh = ruimte_m3 * t.parameter("rendement_hr_ketel") * kwh_per_m3
    warmte_tap_kwh = tap_m3 * t.parameter("rendement_tapwater_hr_combi") * kwh_per_m3
    s = wp["aandeel_hybride"]
    gas = np.where(hybride, ruimte_m3 * (1 - s) + tap_m3 + koken_m3, gas)
    gas = np.where(volledig, 0.0, gas)
    extra = np.where(hybride, warmte_ruimte_kwh * s / wp["spf_hybride"], extra)
    extra = np.where(volledig, warmte_ruimte_kwh / wp["spf_warmtepomp"]
                     + warmte_tap_kwh / t.parameter("cop_tapwater_warmtepomp") + kook_kwh, extra)
    return gas, extra, warmte_gj, np.where(hybride | volledig, wp["_rij"], -1)


def verbruik(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Estimated and, where given, own consumption before and after [m³/jaar, kWh/jaar].

    Estimate: space heating = m² × measured gas per m² (type, label) / HR-boiler efficiency; plus tap water and
    cooking by household size and area. After: the target label's figure, or the measures' saving factors.
    Own use given (gas m³, or GJ of heat on a heat network): every gas part is scaled by own ÷ estimated (so the
    relative saving is the estimate's); electricity after = own + (estimated after − estimated before). Heat [GJ]
    before and after where the heating is a heat network (:func:`_verwarming_omzetten`).
    """
    n = f.n
    personen = f["personen_gebruikt"]
    rend_hr = t.parameter("rendement_hr_ketel")
    m2 = f["oppervlakte_m2"]
    g_voor = _gas_per_m2(f["woningtype"], f["energielabel"], t, n)
    fouten.zet(g_voor["_rij"] < 0, lambda mk: np.array(
        [f"energielabel: geen verbruikscijfer voor {a} met label {b}" for a, b in
         zip(tekst_van(f["woningtype"], mk), tekst_van(f["energielabel"], mk), strict=True)], dtype=object))
    f["_rij_ruimteverwarming_voor"] = g_voor["_rij"]
    f["gas_m3_per_m2_voor"] = g_voor["gas_m3_per_m2_monotoon"]
    ruimte_voor = m2 * g_voor["gas_m3_per_m2_monotoon"] / rend_hr
    label_na = categorisch(  # both columns have the categories ENERGIELABELS
        np.where(f["energielabel_na"].codes >= 0, f["energielabel_na"].codes, f["energielabel"].codes), ENERGIELABELS)
    g_na = _gas_per_m2(f["woningtype"], label_na, t, n)
    f["_rij_ruimteverwarming_na"] = g_na["_rij"]
    f["gas_m3_per_m2_na"] = g_na["gas_m3_per_m2_monotoon"]
    ruimte_na = np.where(f["label_na_uit_maatregelen"], ruimte_voor * f["ruimte_factor_maatregelen"],
                         m2 * g_na["gas_m3_per_m2_monotoon"] / rend_hr)
    ruimte_na = np.where(f["heeft_ingreep"], ruimte_na, ruimte_voor)
    tk = _tapwater_koken(personen, m2, t)
    f["_rij_tapwater_koken"] = tk["_rij"]
    el_tabel = t["labels/elektriciteit_huishouden"]
    e = zoek(el_tabel, None, {"personen": np.minimum(personen, el_tabel.frame["personen"].max())},
             ["elektriciteit_kwh"])
    f["_rij_elektriciteit_huishouden"] = e["_rij"]
    tap, koken = tk["tapwater_gas_m3"], tk["koken_gas_m3"]
    fouten.zet((tk["_rij"] < 0) | (e["_rij"] < 0), met_waarde("personen: geen verbruikscijfer voor ", personen, " personen"))
    fouten.zet(is_gelijk(f["verwarming"], "warmtepomp") & (f["gas_m3"] > 0),  # NaN > 0 is False
               "verbruik.gas_m3: een woning met een volledige warmtepomp heeft geen gasaansluiting; laat het "
               "gasverbruik leeg of kies verwarming hybride_warmtepomp")
    warmtenet_voor = is_gelijk(f["verwarming"], "warmtenet")
    fouten.zet(warmtenet_voor & (f["gas_m3"] > 0),
               "verbruik.gas_m3: een woning op een warmtenet heeft geen gasaansluiting; laat het gasverbruik leeg en "
               "vul het warmteverbruik in GJ in (verbruik.warmte_gj)")
    fouten.zet(~warmtenet_voor & ~np.isnan(f["warmte_gj"]),
               "verbruik.warmte_gj: alleen bij verwarming warmtenet; laat het warmteverbruik leeg of kies verwarming "
               "warmtenet")
    gas_voor_est, extra_voor_est, gj_voor_est, rij_wp_voor = _verwarming_omzetten(
        ruimte_voor, tap, koken, f["verwarming"], f["energielabel"], t)
    # calibration on own gas use (only where the estimate uses gas at all) or own heat use [GJ]; gas, heat-pump
    # electricity and heat are linear in the gas parts, so scaling the parts by k scales every result by k
    eigen_gas = ~np.isnan(f["gas_m3"]) & (gas_voor_est > 0)
    k = np.where(eigen_gas, f["gas_m3"] / np.where(gas_voor_est > 0, gas_voor_est, 1.0), 1.0)
    eigen_warmte = ~np.isnan(f["warmte_gj"]) & (gj_voor_est > 0)
    if eigen_warmte.any():
        k = np.where(eigen_warmte, f["warmte_gj"] / np.where(gj_voor_est > 0, gj_voor_est, 1.0), k)
        eigen_gas = eigen_gas | eigen_warmte
    f["kalibratie_gas"] = k
    verwarming_na = f["verwarming_na"]
    gas_na, extra_na, gj_na, rij_wp_na = _verwarming_omzetten(ruimte_na * k, tap * k, koken * k, verwarming_na,
                                                              label_na, t)
    gas_voor, extra_voor = gas_voor_est * k, extra_voor_est * k
    f["verbruik_warmte_gj_voor"] = vul(f["warmte_gj"], gj_voor_est * k)
    f["verbruik_warmte_gj_na"] = gj_na
    f["_rij_warmtepomp_voor"] = rij_wp_voor
    f["_rij_warmtepomp_na"] = rij_wp_na
    f["verbruik_gas_m3_voor"] = vul(f["gas_m3"], gas_voor)  # own use where given
    f["verbruik_gas_m3_na"] = gas_na
    e_voor = vul(f["elektriciteit_kwh"], e["elektriciteit_kwh"] + extra_voor)
    f["verbruik_elektriciteit_kwh_voor"] = e_voor
    f["verbruik_elektriciteit_kwh_na"] = e_voor + (extra_na - extra_voor)
    f["verbruik_ruimteverwarming_m3_voor"] = ruimte_voor * k
    f["verbruik_ruimteverwarming_m3_na"] = ruimte_na * k
    eigen_e = ~np.isnan(f["elektriciteit_kwh"])
    f["verbruik_herkomst"] = categorisch(np.where(eigen_gas & eigen_e, 0, np.where(eigen_gas | eigen_e, 1, 2)),
                                         ("eigen", "deels eigen", "geschat"))


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Consumption lines: the estimate with its measured figures, own use, and the effect of the upgrade."""
    uit: list[Toelichting] = []
    ingreep = bool(rij["heeft_ingreep"])
    rv = bronrij(t, "labels/ruimteverwarming", rij["_rij_ruimteverwarming_voor"])
    tk = bronrij(t, "labels/tapwater_koken", rij["_rij_tapwater_koken"])
    el = bronrij(t, "labels/elektriciteit_huishouden", rij["_rij_elektriciteit_huishouden"])
    rend = t.parameter("rendement_hr_ketel")
    if rv is not None:
        per_m2 = float(rij["gas_m3_per_m2_voor"])  # the figure used, after the monotone correction [m³/m²]
        mono = " (gelijkgetrokken met een beter label: de gemeten waarde ligt lager)" \
            if rv["gas_m3_per_m2"] < per_m2 else ""
        uit.append(item(
            "Verbruik: ruimteverwarming",
            f"{getal(rij['oppervlakte_m2'])} m² × {getal(per_m2, 2)} m³/m² (gemeten gemiddelde, "
            f"{rij['woningtype']}, label {rij['energielabel']}){mono} ÷ rendement HR-ketel {getal(rend, 2)} = "
            f"{getal(rij['oppervlakte_m2'] * per_m2 / rend)} m³ gas per jaar (schatting, "
            f"bandbreedte ±{getal(t.parameter('onzekerheid_verbruik_schatting') * 100)}%).",
            rv, "labels/ruimteverwarming"))
    if tk is not None:
        uit.append(item("Verbruik: warm water en koken",
                         f"{int(rij['personen_gebruikt'])} personen: warm tapwater {getal(tk['tapwater_gas_m3'])} m³ "
                         f"+ koken {getal(tk['koken_gas_m3'])} m³ gas per jaar.", tk, "labels/tapwater_koken"))
    if el is not None and pd.isna(rij["elektriciteit_kwh"]):
        uit.append(item("Verbruik: elektriciteit",
                         f"{int(rij['personen_gebruikt'])} personen: {getal(el['elektriciteit_kwh'])} kWh per jaar "
                         "(gemiddelde levering van het net, zonder warmtepomp).", el, "labels/elektriciteit_huishouden"))
    if rij["verbruik_herkomst"] != "geschat" and "warmtenet" in (rij["verwarming"], rij["verwarming_na"]):
        uit.append(Toelichting(
            onderwerp="Verbruik: eigen meterstanden",
            tekst=("Het opgegeven eigen verbruik is gebruikt voor de situatie vóór. Elk deel van het geschatte "
                   "verbruik (ruimteverwarming, warm water, koken) is vermenigvuldigd met eigen ÷ geschat = "
                   f"{getal(rij['kalibratie_gas'], 3)}, ook voor de warmte na de ingreep; stroom: eigen verbruik + "
                   "de geschatte verandering (elektrisch koken).")))
    elif rij["verbruik_herkomst"] != "geschat":
        uit.append(Toelichting(
            onderwerp="Verbruik: eigen meterstanden",
            tekst=("Het opgegeven eigen verbruik is gebruikt voor de situatie vóór. Na de ingreep: het eigen "
                   "gasverbruik × (geschat verbruik na ÷ geschat verbruik voor) — de verhouding is "
                   f"{_verhouding(rij['verbruik_gas_m3_na'], rij['verbruik_gas_m3_voor'])}; "
                   "stroom: eigen verbruik + de geschatte verandering (warmtepomp).")))
    if ingreep:
        rv_na = bronrij(t, "labels/ruimteverwarming", rij["_rij_ruimteverwarming_na"])
        if rij["label_na_uit_maatregelen"]:
            uit.append(Toelichting(
                onderwerp="Ingreep: effect van de maatregelen",
                tekst=(f"Ruimteverwarming na = vóór × {getal(rij['ruimte_factor_maatregelen'], 3)} (product van "
                       f"(1 − besparingsaandeel) per maatregel); verwacht label na: {rij['energielabel_na']}."),
                bron="labels/maatregel_effect.csv"))
        elif rv_na is not None:
            uit.append(item("Ingreep: verbruik bij het nieuwe label",
                             f"Label {rij['energielabel_na']}: {getal(rv_na['gas_m3_per_m2'], 2)} m³/m² gemeten "
                             f"gemiddelde → ruimteverwarming {getal(rij['verbruik_ruimteverwarming_m3_na'])} m³ per jaar "
                             f"(was {getal(rij['verbruik_ruimteverwarming_m3_voor'])} m³).", rv_na,
                             "labels/ruimteverwarming"))
        if rij["verwarming_na"] != rij["verwarming"] and rij["verwarming_na"] == "warmtenet":
            uit.append(Toelichting(
                onderwerp="Ingreep: warmtenet",
                tekst="Verwarming en warm water komen van het warmtenet: de warmte die de cv-ketel maakte "
                      "(m³ gas × rendement × " f"{getal(t.parameter('gas_gj_per_m3'), 5)} GJ/m³), koken wordt "
                      "elektrisch (inductie). Geen gasaansluiting meer: geen vaste gaskosten.",
                bron="labels/parameters.csv (gas_gj_per_m3, rendement_hr_ketel, rendement_tapwater_hr_combi, "
                     "rendement_gaskookplaat, rendement_inductiekookplaat)"))
        elif rij["verwarming_na"] != rij["verwarming"]:
            wp = bronrij(t, "labels/warmtepomp", rij["_rij_warmtepomp_na"])
            uit.append(item("Ingreep: warmtepomp",
                             f"Verwarming wordt {rij['verwarming_na'].replace('_', ' ')}: gas wordt omgezet in "
                             f"stroom via het seizoensrendement (SPF) bij label {rij['energielabel_na']}."
                             + (" Geen gasaansluiting meer: geen vaste gaskosten." if not rij["na_gasaansluiting"]
                                else ""), wp, "labels/warmtepomp"))
    return uit


def _verhouding(na: float, voor: float) -> str:
    return getal(na / voor, 3) if voor else "–"


VOLGORDE = 20

def personen_gebruikt(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """The household size the rules use: the given number of persons, else the data's standard
    (``personen_standaard``). A rule of its own: the rent's huurtoeslag needs it without the consumption."""
    f["personen_gebruikt"] = vul(f["personen"], t.parameter("personen_standaard"))


REGELS = (
    Regel("personen", personen_gebruikt, leest=("personen",), schrijft=("personen_gebruikt",),
          tabellen=("labels/parameters",)),
    Regel(
        "verbruik", verbruik,
        leest=("personen_gebruikt", "oppervlakte_m2", "woningtype", "energielabel", "energielabel_na",
               "label_na_uit_maatregelen", "ruimte_factor_maatregelen", "heeft_ingreep", "verwarming", "verwarming_na",
               "gas_m3", "elektriciteit_kwh", "warmte_gj"),
        schrijft=("_rij_ruimteverwarming_{s}", "gas_m3_per_m2_{s}", "_rij_tapwater_koken",
                  "_rij_elektriciteit_huishouden", "kalibratie_gas", "_rij_warmtepomp_{s}", "verbruik_gas_m3_{s}",
                  "verbruik_elektriciteit_kwh_{s}", "verbruik_warmte_gj_{s}", "verbruik_ruimteverwarming_m3_{s}",
                  "verbruik_herkomst"),
        tabellen=("labels/ruimteverwarming", "labels/labelklassen", "labels/tapwater_koken",
                  "labels/elektriciteit_huishouden", "labels/warmtepomp", "labels/parameters"),
        uitleg=uitleg,
    ),
)
