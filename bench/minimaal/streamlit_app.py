"""The yardstick for the app's first page load (issue 15, item 8): the smallest Streamlit page with one chart, the
same Streamlit and settings. ``python bench/app_ab.py bench/minimaal .`` loads it and the tenant page in turn."""

import streamlit as st

st.set_page_config(page_title="Minimaal", layout="wide")
st.title("Minimale pagina")
st.vega_lite_chart(
    {"data": {"values": [{"situatie": "Nu", "bedrag": 922.78}, {"situatie": "Na", "bedrag": 896.08}]},
     "mark": "bar", "encoding": {"x": {"field": "situatie", "type": "nominal"},
                                 "y": {"field": "bedrag", "type": "quantitative"}}},
    width="stretch")
