"""An empty chart area: a Vega-Lite spec as a plain dict (no Altair, no pandas, no core), so that it can go to the
browser before the heavy imports.

The browser loads Streamlit's chart code (Vega, about a second to fetch and start) only when the first chart arrives.
An empty chart sent early makes it load that code while Python is still busy; an empty chart of the right height also
holds a chart's place until the chart itself is drawn (``weergave.late_grafiek``).
"""

from __future__ import annotations

import streamlit as st

_AL_GESTART = "grafiekcode_vooraf_gestart"  # session state: the session had its first run


def leeg_grafiekvlak(hoogte: int) -> dict:
    """A Vega-Lite spec that draws nothing at ``hoogte`` pixels: a named data set without rows (so no data to
    convert), no axes, no frame."""
    return {"height": hoogte, "data": {"name": "leeg"}, "mark": "point", "config": {"view": {"stroke": None}}}


def grafiekcode_vooraf(pagina_met_grafiek: bool):
    """A slot at the top of the page; on the first run of a session whose page has a chart it holds an empty chart,
    so the browser loads its chart code during the imports that follow. The caller empties the slot right after
    them. Nothing else is on the page yet at that moment, and later runs only hold the empty slot, so nothing ever
    shifts. (On a warm server the empty slot usually replaces the chart in the send queue before it goes out.)"""
    vak = st.empty()
    if pagina_met_grafiek and _AL_GESTART not in st.session_state:
        vak.vega_lite_chart(leeg_grafiekvlak(10), width="stretch")
    st.session_state[_AL_GESTART] = True
    return vak
