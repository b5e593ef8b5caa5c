"""The script Streamlit runs for every browser session (``streamlit run streamlit_app.py`` serves it).

Page config, the shared sidebar (peildatum, gemeente) and navigation over the pages in this folder.
"""

import logging

import streamlit as st

# Streamlit's own English texts that its API cannot set, replaced or hidden with CSS (the README lists what stays
# English); a result table that fits a phone (smaller type, or it scrolls); and a download button left from the
# previous run (on screen, greyed, until this run replaces it) made unclickable while a run is on: it would hand
# over the file of the previous input (the other scenario, the old advice). The chart that only loads the chart code
# (below) is never shown.
TEKSTEN_CSS = """<style>
.st-key-grafiekcode {display: none}
[data-stale='true'] [data-testid='stDownloadButton'] button {pointer-events: none}
[data-testid='InputInstructions'] {display: none}
[data-testid='stFileUploaderDropzoneInstructions'] > div > span,
[data-testid='stFileUploaderDropzoneInstructions'] > div > small {display: none}
[data-testid='stFileUploaderDropzoneInstructions'] > div::after {
  content: 'Sleep een bestand hierheen of kies het (CSV of Excel, tot 500 MB)'; font-size: 0.875rem}
[data-testid='stFileUploaderDropzone'] button {font-size: 0}
[data-testid='stFileUploaderDropzone'] button::after {content: 'Bestand kiezen'; font-size: 0.875rem}
[data-testid='stMarkdownContainer']:has(> table) {overflow-x: auto}
@media (max-width: 640px) {
  [data-testid='stMarkdownContainer'] table {font-size: 0.75rem}
  [data-testid='stMarkdownContainer'] th, [data-testid='stMarkdownContainer'] td {padding: 0.25rem 0.2rem}
}
</style>"""

# the chart that only makes the browser load the chart code (see below): no data, nothing to draw
GRAFIEKCODE = {"data": {"values": []}, "mark": "point"}

# The favicon: an emoji becomes an inline SVG in the browser; a ":material/…:" icon would be fetched from Google's
# font server on every page load (the app works offline). The sidebar opens by itself on a wide screen and stays
# closed on a phone (where it would cover the result). No menu items: "About" and "Made with Streamlit" are English
# (with toolbarMode "minimal" the menu then goes).
st.set_page_config(page_title="Woonlasten", page_icon="🏠", layout="wide", initial_sidebar_state="auto",
                   menu_items={"About": None, "Get help": None, "Report a bug": None})

st.html(TEKSTEN_CSS)

pagina = st.navigation(
    [
        st.Page("huurder.py", title="Huurder (energiecoach)", icon=":material/home:", url_path="huurder",
                default=True),
        st.Page("eigenaar.py", title="Eigenaar (gespikkeld bezit)", icon=":material/key:", url_path="eigenaar"),
        st.Page("portefeuille.py", title="Portefeuille", icon=":material/location_city:", url_path="portefeuille"),
        st.Page("bronnen.py", title="Tarieven en bronnen", icon=":material/menu_book:", url_path="bronnen"),
    ],
    position="top",
)
# The chart's code first. The browser loads the code of each kind of element (text field, select box, metric,
# chart, ...) when it first meets one, in the order of the page: the sidebar's inputs come first, so the chart's
# code (some 25 files, Vega) waited behind theirs, and the chart was drawn last. An empty chart, never shown, at the
# top of the sidebar of the pages whose first screen has the woonlasten chart (the tenant page is the default
# page, url_path ""): its code loads first, while the inputs are still being drawn (bench/README.md, session 8).
if pagina.url_path in ("", "eigenaar"):
    with st.sidebar.container(key="grafiekcode"):
        st.vega_lite_chart(GRAFIEKCODE)

# only now: a visitor who comes while the server's warm-up (app.opstart) runs waits for it here, and the browser
# already has the page config and the navigation and loads its own code meanwhile
from app.opstart import wacht_op_opwarmen  # noqa: E402

wacht_op_opwarmen()
from app.gedeeld import zijbalk  # noqa: E402
from app.sessies import meld  # noqa: E402

meld()

try:
    zijbalk(met_gemeente=pagina.url_path != "portefeuille")  # the portfolio has a gemeente per dwelling
    pagina.run()
except Exception as exc:  # noqa: BLE001 - never a traceback on screen (st.stop and reruns are no Exception)
    logging.getLogger("woonlasten.app").exception("onverwachte fout op de pagina %s", pagina.title)
    st.error(f"Er ging iets onverwacht mis op deze pagina ({exc.__class__.__name__}). De invoer is bewaard: kies een "
             "andere waarde of laad de pagina opnieuw. Blijft dit gebeuren, meld het dan aan de beheerder van de "
             "app (de details staan in het serverlogboek).", icon=":material/error:")
