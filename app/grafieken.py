"""Charts as Vega-Lite specifications (for ``st.vega_lite_chart``) with the Okabe-Ito palette (colour-blind safe)
and Dutch amounts; each chart also states its message in text (titles, labels on the bars), so colour is never
the only carrier of meaning.

Plain dictionaries rather than Altair objects: importing Altair (with jsonschema and jinja2) costs about half a
second on a fresh server, which the first page load would wait for. The small charts carry their rows inline; the
portfolio histogram passes its table as a named dataset (sent as Arrow).
"""

from __future__ import annotations

from typing import Any

from app.opmaak import KLEUR, OKABE_ITO, ONDERDELEN, onderdelen
from woonlasten.formatteer import euro, euro_verschil
from woonlasten.modellen import Resultaat

# Vega expression: an axis value as Dutch money, e.g. "€ 1.200" or "-€ 40".
EURO_AS = "(datum.value < 0 ? '-€ ' : '€ ') + replace(format(abs(datum.value), ',.0f'), ',', '.')"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"

Spec = dict[str, Any]


def _kleuren(namen: list[str]) -> dict:
    """Colour per part; the legend lists the parts top-down in the order they are stacked bottom-up reversed, so
    the legend reads like the bar."""
    domein = [n for n in reversed(ONDERDELEN) if n in namen]
    return {"domain": domein, "range": [KLEUR[n] for n in domein]}


def _euro_as(titel: str, **extra: Any) -> dict:
    return {"title": titel, "axis": {"labelExpr": EURO_AS, **extra}}


def woonlasten_grafiek(r: Resultaat, extra_na: dict[str, float | None] | None = None) -> Spec:
    """Stacked bars of the monthly costs now and after the upgrade, by part, with the totals written above."""
    situaties = [("Nu", r.voor, None)] + ([("Na de ingreep", r.na, extra_na)] if r.na is not None else [])
    rijen = []
    for situatie, w, extra in situaties:
        for i, (naam, waarde) in enumerate(onderdelen(w, extra)):
            rijen.append({"situatie": situatie, "onderdeel": naam, "bedrag": waarde, "volgorde": i,
                          "tekst": euro(waarde)})
    totalen = [{"situatie": s, "totaal": w.totaal, "tekst": euro(w.totaal)} for s, w, _ in situaties]
    volgorde = [s for s, _, _ in situaties]
    staven = {
        "data": {"values": rijen},
        "mark": {"type": "bar", "stroke": "white", "strokeWidth": 1},
        "encoding": {
            "x": {"field": "situatie", "type": "nominal", "sort": volgorde, "title": None,
                  "scale": {"paddingInner": 0.35, "paddingOuter": 0.2},
                  "axis": {"labelAngle": 0, "labelFontSize": 13}},
            "y": {"field": "bedrag", "aggregate": "sum", "type": "quantitative", **_euro_as("euro per maand")},
            "color": {"field": "onderdeel", "type": "nominal", "scale": _kleuren([x["onderdeel"] for x in rijen]),
                      "legend": {"title": None, "orient": "right", "labelFontSize": 12, "symbolType": "square",
                                 "symbolSize": 160, "labelLimit": 200}},
            "order": {"field": "volgorde", "type": "quantitative", "sort": "ascending"},
            "tooltip": [{"field": "situatie", "type": "nominal", "title": "Situatie"},
                        {"field": "onderdeel", "type": "nominal", "title": "Onderdeel"},
                        {"field": "tekst", "type": "nominal", "title": "Per maand"}],
        },
    }
    labels = {
        "data": {"values": totalen},
        "mark": {"type": "text", "dy": -10, "fontSize": 14, "fontWeight": "bold"},
        "encoding": {"x": {"field": "situatie", "type": "nominal", "sort": volgorde},
                     "y": {"field": "totaal", "type": "quantitative"},
                     "text": {"field": "tekst", "type": "nominal"}},
    }
    titel = {"text": "Woonlasten per maand", "subtitle": (
        f"verschil {euro_verschil(r.verschil.totaal)} per maand" if r.verschil else "alleen de situatie van nu")}
    return {"$schema": SCHEMA, "title": titel, "height": 400, "layer": [staven, labels]}


def verschil_grafiek(verschil) -> Spec:
    """Histogram of the change in woonlasten per upgraded dwelling [€/maand] (a pandas Series), with the line at
    € 0: left of it the dwelling is woonlastenneutraal. Bars are coloured and labelled ('neutraal' / 'duurder')."""
    import pandas as pd

    v = pd.to_numeric(verschil, errors="coerce").dropna()
    neutraal, duurder = "woonlastenneutraal (≤ € 0)", "duurder (> € 0)"
    data = pd.DataFrame({"verschil": v.to_numpy()})
    data["oordeel"] = (data["verschil"] <= 0.005).map({True: neutraal, False: duurder})
    breedte = max(1.0, round((v.max() - v.min()) / 30, 0)) if len(v) else 1.0
    staven = {
        "data": {"name": "verschil"},
        "mark": {"type": "bar", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            "x": {"field": "verschil", "type": "quantitative", "bin": {"step": breedte},
                  **_euro_as("verschil in woonlasten per woning (€ per maand)")},
            "y": {"aggregate": "count", "type": "quantitative", "title": "aantal woningen"},
            "color": {"field": "oordeel", "type": "nominal", "title": None,
                      "scale": {"domain": [neutraal, duurder], "range": [OKABE_ITO["blauw"], OKABE_ITO["oranje"]]},
                      "legend": {"orient": "top"}},
            "tooltip": [{"aggregate": "count", "type": "quantitative", "title": "woningen"},
                        {"field": "oordeel", "type": "nominal", "title": "oordeel"}],
        },
    }
    nul = {"data": {"values": [{"x": 0.0}]}, "mark": {"type": "rule", "color": "black", "strokeDash": [4, 3]},
           "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    return {"$schema": SCHEMA, "title": "Verdeling van het verschil per aangepakte woning", "height": 380,
            "datasets": {"verschil": data}, "layer": [staven, nul]}


def kasstroom_grafiek(rijen: list[dict], nulpunt: float | None = None) -> Spec:
    """Cumulative cash over the years [€]: below zero the investment is not yet earned back; the year in which the
    line comes back above zero is marked and labelled."""
    data = [{**x, "tekst": euro(x["cumulatief"])} for x in rijen]
    x_as = {"field": "jaar", "type": "quantitative"}
    y_nul = {"field": "y", "type": "quantitative"}
    lagen: list[dict] = [
        {"data": {"values": data},
         "mark": {"type": "line", "point": True, "color": OKABE_ITO["blauw"], "strokeWidth": 3},
         "encoding": {
             "x": {**x_as, "title": "jaar na de ingreep", "axis": {"tickMinStep": 1, "format": "d"}},
             "y": {"field": "cumulatief", "type": "quantitative", **_euro_as("opgeteld resultaat (€)")},
             "tooltip": [{"field": "jaar", "type": "quantitative", "title": "jaar"},
                         {"field": "tekst", "type": "nominal", "title": "opgeteld"}]}},
        {"data": {"values": [{"y": 0.0}]}, "mark": {"type": "rule", "color": "black"}, "encoding": {"y": y_nul}},
    ]
    if nulpunt is not None:
        tekst = (f"weer boven nul in jaar {nulpunt:.0f}" if float(nulpunt).is_integer()
                 else f"weer boven nul na {nulpunt:.1f} jaar".replace(".", ","))
        punt = {"values": [{"jaar": float(nulpunt), "y": 0.0, "tekst": tekst}]}
        lagen.append({"data": punt, "mark": {"type": "point", "size": 160, "shape": "diamond", "filled": True,
                                             "color": OKABE_ITO["vermiljoen"]},
                      "encoding": {"x": x_as, "y": y_nul}})
        lagen.append({"data": punt, "mark": {"type": "text", "dy": -16, "align": "right", "dx": -6, "fontSize": 13,
                                             "fontWeight": "bold"},
                      "encoding": {"x": x_as, "y": y_nul, "text": {"field": "tekst", "type": "nominal"}}})
    return {"$schema": SCHEMA, "title": "Opgeteld resultaat over de jaren", "height": 320, "layer": lagen}
