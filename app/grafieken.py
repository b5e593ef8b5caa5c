"""Altair charts with the Okabe-Ito palette (colour-blind safe) and Dutch amounts; each chart also states its
message in text (titles, labels on the bars), so colour is never the only carrier of meaning."""

from __future__ import annotations

import altair as alt
import pandas as pd

from app.opmaak import KLEUR, OKABE_ITO, ONDERDELEN, onderdelen
from woonlasten.formatteer import euro, euro_verschil
from woonlasten.modellen import Resultaat

# Vega expression: an axis value as Dutch money, e.g. "€ 1.200" or "-€ 40".
EURO_AS = "(datum.value < 0 ? '-€ ' : '€ ') + replace(format(abs(datum.value), ',.0f'), ',', '.')"


def _kleuren(namen: list[str]) -> alt.Scale:
    """Colour per part; the legend lists the parts top-down in the order they are stacked bottom-up reversed, so
    the legend reads like the bar."""
    domein = [n for n in reversed(ONDERDELEN) if n in namen]
    return alt.Scale(domain=domein, range=[KLEUR[n] for n in domein])


def woonlasten_grafiek(r: Resultaat, extra_na: dict[str, float | None] | None = None) -> alt.LayerChart:
    """Stacked bars of the monthly costs now and after the upgrade, by part, with the totals written above."""
    situaties = [("Nu", r.voor, None)] + ([("Na de ingreep", r.na, extra_na)] if r.na is not None else [])
    rijen = []
    for situatie, w, extra in situaties:
        for i, (naam, waarde) in enumerate(onderdelen(w, extra)):
            rijen.append({"situatie": situatie, "onderdeel": naam, "bedrag": waarde, "volgorde": i,
                          "tekst": euro(waarde)})
    data = pd.DataFrame(rijen)
    totalen = pd.DataFrame([{"situatie": s, "totaal": w.totaal, "tekst": euro(w.totaal)} for s, w, _ in situaties])
    volgorde = [s for s, _, _ in situaties]
    x = alt.X("situatie:N", sort=volgorde, title=None, scale=alt.Scale(paddingInner=0.35, paddingOuter=0.2),
              axis=alt.Axis(labelAngle=0, labelFontSize=13))
    staven = alt.Chart(data).mark_bar(stroke="white", strokeWidth=1).encode(
        x=x,
        y=alt.Y("sum(bedrag):Q", title="euro per maand", axis=alt.Axis(labelExpr=EURO_AS)),
        color=alt.Color("onderdeel:N", scale=_kleuren(list(data["onderdeel"])),
                        legend=alt.Legend(title=None, orient="right", labelFontSize=12, symbolType="square",
                                          symbolSize=160, labelLimit=200)),
        order=alt.Order("volgorde:Q", sort="ascending"),
        tooltip=[alt.Tooltip("situatie:N", title="Situatie"), alt.Tooltip("onderdeel:N", title="Onderdeel"),
                 alt.Tooltip("tekst:N", title="Per maand")],
    )
    labels = alt.Chart(totalen).mark_text(dy=-10, fontSize=14, fontWeight="bold").encode(
        x=alt.X("situatie:N", sort=volgorde), y=alt.Y("totaal:Q"), text="tekst:N")
    titel = alt.TitleParams("Woonlasten per maand", subtitle=(
        f"verschil {euro_verschil(r.verschil.totaal)} per maand" if r.verschil else "alleen de situatie van nu"))
    return (staven + labels).properties(height=400, title=titel)


def verschil_grafiek(verschil: pd.Series) -> alt.LayerChart:
    """Histogram of the change in woonlasten per upgraded dwelling [€/maand], with the line at € 0: left of it the
    dwelling is woonlastenneutraal. Bars are coloured and labelled ('neutraal' / 'duurder')."""
    v = pd.to_numeric(verschil, errors="coerce").dropna()
    data = pd.DataFrame({"verschil": v.to_numpy()})
    data["oordeel"] = (data["verschil"] <= 0.005).map({True: "woonlastenneutraal (≤ € 0)", False: "duurder (> € 0)"})
    breedte = max(1.0, round((v.max() - v.min()) / 30, 0)) if len(v) else 1.0
    staven = alt.Chart(data).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("verschil:Q", bin=alt.Bin(step=breedte), title="verschil in woonlasten per woning (€ per maand)",
                axis=alt.Axis(labelExpr=EURO_AS)),
        y=alt.Y("count():Q", title="aantal woningen"),
        color=alt.Color("oordeel:N", title=None,
                        scale=alt.Scale(domain=["woonlastenneutraal (≤ € 0)", "duurder (> € 0)"],
                                        range=[OKABE_ITO["blauw"], OKABE_ITO["oranje"]]),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("count():Q", title="woningen"), alt.Tooltip("oordeel:N", title="oordeel")],
    )
    nul = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="black", strokeDash=[4, 3]).encode(x="x:Q")
    return (staven + nul).properties(height=300, title="Verdeling van het verschil per aangepakte woning")


def kasstroom_grafiek(rijen: list[dict], nulpunt: float | None = None) -> alt.LayerChart:
    """Cumulative cash over the years [€]: below zero the investment is not yet earned back; the year in which the
    line comes back above zero is marked and labelled."""
    data = pd.DataFrame(rijen)
    data["tekst"] = data["cumulatief"].map(euro)
    lijn = alt.Chart(data).mark_line(point=True, color=OKABE_ITO["blauw"], strokeWidth=3).encode(
        x=alt.X("jaar:Q", title="jaar na de ingreep", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("cumulatief:Q", title="opgeteld resultaat (€)", axis=alt.Axis(labelExpr=EURO_AS)),
        tooltip=[alt.Tooltip("jaar:Q", title="jaar"), alt.Tooltip("tekst:N", title="opgeteld")],
    )
    lagen = [lijn, alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="black").encode(y="y:Q")]
    if nulpunt is not None:
        punt = pd.DataFrame({"jaar": [nulpunt], "y": [0.0],
                             "tekst": [f"weer boven nul in jaar {nulpunt:.0f}" if float(nulpunt).is_integer()
                                       else f"weer boven nul na {nulpunt:.1f} jaar".replace(".", ",")]})
        lagen.append(alt.Chart(punt).mark_point(size=160, shape="diamond", filled=True,
                                                color=OKABE_ITO["vermiljoen"]).encode(x="jaar:Q", y="y:Q"))
        lagen.append(alt.Chart(punt).mark_text(dy=-16, align="right", dx=-6, fontSize=13, fontWeight="bold").encode(
            x="jaar:Q", y="y:Q", text="tekst:N"))
    return alt.layer(*lagen).properties(height=320, title="Opgeteld resultaat over de jaren")
