"""Charts in Altair with the Okabe-Ito palette (colour-blind safe) and Dutch amounts; each chart also states its
message in text (titles, labels on the bars), so colour is never the only carrier of meaning. The woonlasten chart,
drawn on every rerun of the tenant and owner pages, goes to ``st.vega_lite_chart`` as a spec remembered per content
(:func:`woonlasten_spec`); the others go to ``st.altair_chart``.

Altair is imported inside the functions, so importing this module stays cheap (the CLI's and the tests' imports of
the app helpers); on the server the warm-up (``app.opstart``) has imported it before the first session draws.
"""

from __future__ import annotations

import copy
import json
import threading
from collections import OrderedDict

from app.opmaak import KLEUR, OKABE_ITO, ONDERDELEN, onderdelen
from woonlasten.formatteer import euro, euro_verschil
from woonlasten.modellen import Resultaat

# Vega expression: an axis value as Dutch money, e.g. "€ 1.200" or "-€ 40".
EURO_AS = "(datum.value < 0 ? '-€ ' : '€ ') + replace(format(abs(datum.value), ',.0f'), ',', '.')"
# legend entries side by side under the woonlasten chart: two of "Kale huur en servicekosten" do not fit a phone
LEGENDA_KOLOMMEN = 1


def _kleuren(namen: list[str]) -> dict:
    """Colour per part; the legend lists the parts top-down in the order they are stacked bottom-up reversed, so
    the legend reads like the bar."""
    domein = [n for n in reversed(ONDERDELEN) if n in namen]
    return {"domain": domein, "range": [KLEUR[n] for n in domein]}


def _woonlasten_gegevens(r: Resultaat, extra_na: dict[str, float | None] | None) -> dict:
    """What the woonlasten chart shows: the parts per situation [€/maand], the totals and the subtitle."""
    situaties = [("Nu", r.voor, None)] + ([("Na de ingreep", r.na, extra_na)] if r.na is not None else [])
    rijen = []
    for situatie, w, extra in situaties:
        for i, (naam, waarde) in enumerate(onderdelen(w, extra)):
            rijen.append({"situatie": situatie, "onderdeel": naam, "bedrag": waarde, "volgorde": i,
                          "tekst": euro(waarde)})
    return {"rijen": rijen,
            "totalen": [{"situatie": s, "totaal": w.totaal, "tekst": euro(w.totaal)} for s, w, _ in situaties],
            "ondertitel": (f"verschil {euro_verschil(r.verschil.totaal)} per maand" if r.verschil
                           else "alleen de situatie van nu")}


def woonlasten_grafiek(r: Resultaat, extra_na: dict[str, float | None] | None = None):
    """Stacked bars of the monthly costs now and after the upgrade, by part, with the totals written above (the
    Altair chart; the pages show it through :func:`woonlasten_spec`, and the tests check that spec against this
    chart's schema-checked one)."""
    return _woonlasten_altair(_woonlasten_gegevens(r, extra_na))


class _Specs:
    """Vega-Lite specs by the content of their chart (bounded, shared by all sessions). Building an Altair chart and
    turning it into a spec takes some 20-40 ms per chart and per rerun; a spec depends only on the figures it shows,
    so an unchanged chart (most reruns, and the default case the warm-up drew) costs nothing."""

    def __init__(self, maximum: int = 500):
        self.maximum = maximum
        self._specs: OrderedDict[str, dict] = OrderedDict()
        self._slot = threading.Lock()

    def spec(self, gegevens: dict, maak) -> dict:
        """A copy (Streamlit may change the spec it is given) of ``maak(gegevens).to_dict()``."""
        sleutel = json.dumps(gegevens, sort_keys=True)
        with self._slot:
            spec = self._specs.get(sleutel)
            if spec is not None:
                self._specs.move_to_end(sleutel)
        if spec is None:
            # no schema check here: the chart is built by fixed code, and the tests check its spec against
            # Altair's checked one for several cases (test_woonlasten_spec_is_de_altair_grafiek_onthouden_per_inhoud)
            spec = maak(gegevens).to_dict(validate=False)
            with self._slot:
                self._specs[sleutel] = spec
                while len(self._specs) > self.maximum:
                    self._specs.popitem(last=False)
        return copy.deepcopy(spec)


_SPECS = _Specs()


def woonlasten_spec(r: Resultaat, extra_na: dict[str, float | None] | None = None) -> dict:
    """:func:`woonlasten_grafiek` as a Vega-Lite spec for ``st.vega_lite_chart``, remembered per chart content."""
    return _SPECS.spec(_woonlasten_gegevens(r, extra_na), _woonlasten_altair)


def _woonlasten_altair(gegevens: dict):
    import altair as alt

    # the rows go in as plain values (every field's type is given below): no DataFrame for Altair to clean up
    rijen, totalen = gegevens["rijen"], gegevens["totalen"]
    volgorde = [x["situatie"] for x in totalen]
    kleuren = _kleuren([x["onderdeel"] for x in rijen])
    staven = alt.Chart(alt.Data(values=rijen)).mark_bar(stroke="white", strokeWidth=1).encode(
        x=alt.X("situatie:N", sort=volgorde, title=None, scale=alt.Scale(paddingInner=0.35, paddingOuter=0.2),
                axis=alt.Axis(labelAngle=0, labelFontSize=13)),
        y=alt.Y("sum(bedrag):Q", title="euro per maand", axis=alt.Axis(labelExpr=EURO_AS)),
        color=alt.Color("onderdeel:N", scale=alt.Scale(domain=kleuren["domain"], range=kleuren["range"]),
                        # below the bars: on a phone a legend on the right left the bars so narrow
                        # that the totals above them ran into each other
                        legend=alt.Legend(title=None, orient="bottom", columns=LEGENDA_KOLOMMEN, labelFontSize=12,
                                          symbolType="square", symbolSize=160, labelLimit=200)),
        order=alt.Order("volgorde:Q", sort="ascending"),
        tooltip=[alt.Tooltip("situatie:N", title="Situatie"), alt.Tooltip("onderdeel:N", title="Onderdeel"),
                 alt.Tooltip("tekst:N", title="Per maand")],
    )
    labels = alt.Chart(alt.Data(values=totalen)).mark_text(dy=-10, fontSize=14, fontWeight="bold").encode(
        x=alt.X("situatie:N", sort=volgorde), y=alt.Y("totaal:Q"), text=alt.Text("tekst:N"))
    return alt.layer(staven, labels).properties(
        title=alt.TitleParams(text="Woonlasten per maand", subtitle=gegevens["ondertitel"]), height=400)


def verschil_grafiek(verschil):
    """Histogram of the change in woonlasten per upgraded dwelling [€/maand] (a pandas Series), with the line at
    € 0: left of it the dwelling is woonlastenneutraal. Bars are coloured and labelled ('neutraal' / 'duurder')."""
    import altair as alt
    import pandas as pd

    v = pd.to_numeric(verschil, errors="coerce").dropna()
    neutraal, duurder = "woonlastenneutraal (≤ € 0)", "duurder (> € 0)"
    data = pd.DataFrame({"verschil": v.to_numpy()})
    data["oordeel"] = (data["verschil"] <= 0.005).map({True: neutraal, False: duurder})
    breedte = max(1.0, round((v.max() - v.min()) / 30, 0)) if len(v) else 1.0
    staven = alt.Chart(data).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("verschil:Q", bin=alt.Bin(step=breedte), title="verschil in woonlasten per woning (€ per maand)",
                axis=alt.Axis(labelExpr=EURO_AS)),
        y=alt.Y("count():Q", title="aantal woningen"),
        color=alt.Color("oordeel:N", title=None, legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=[neutraal, duurder],
                                        range=[OKABE_ITO["blauw"], OKABE_ITO["oranje"]])),
        tooltip=[alt.Tooltip("count():Q", title="woningen"), alt.Tooltip("oordeel:N", title="oordeel")],
    )
    nul = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="black", strokeDash=[4, 3]).encode(x="x:Q")
    return alt.layer(staven, nul).properties(title="Verdeling van het verschil per aangepakte woning", height=380)


def kasstroom_grafiek(rijen: list[dict], nulpunt: float | None = None):
    """Cumulative cash over the years [€]: below zero the investment is not yet earned back; the year in which the
    line comes back above zero is marked and labelled."""
    import altair as alt
    import pandas as pd

    data = pd.DataFrame([{**x, "tekst": euro(x["cumulatief"])} for x in rijen])
    lijn = alt.Chart(data).mark_line(point=True, color=OKABE_ITO["blauw"], strokeWidth=3).encode(
        x=alt.X("jaar:Q", title="jaar na de ingreep", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("cumulatief:Q", title="opgeteld resultaat (€)", axis=alt.Axis(labelExpr=EURO_AS)),
        tooltip=[alt.Tooltip("jaar:Q", title="jaar"), alt.Tooltip("tekst:N", title="opgeteld")],
    )
    nul = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="black").encode(y="y:Q")
    lagen = [lijn, nul]
    if nulpunt is not None:
        tekst = (f"weer boven nul in jaar {nulpunt:.0f}" if float(nulpunt).is_integer()
                 else f"weer boven nul na {nulpunt:.1f} jaar".replace(".", ","))
        punt = pd.DataFrame({"jaar": [float(nulpunt)], "y": [0.0], "tekst": [tekst]})
        lagen.append(alt.Chart(punt).mark_point(size=160, shape="diamond", filled=True,
                                                color=OKABE_ITO["vermiljoen"]).encode(x="jaar:Q", y="y:Q"))
        lagen.append(alt.Chart(punt).mark_text(dy=-16, align="right", dx=-6, fontSize=13, fontWeight="bold")
                     .encode(x="jaar:Q", y="y:Q", text="tekst:N"))
    return alt.layer(*lagen).properties(title="Opgeteld resultaat over de jaren", height=320)
