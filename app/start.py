"""The script Streamlit runs for every browser session (``streamlit run streamlit_app.py`` serves it).

Page config, the shared sidebar (peildatum, gemeente) and navigation over the pages in this folder.
"""

import logging

import streamlit as st

# The favicon: an emoji becomes an inline SVG in the browser; a ":material/…:" icon would be fetched from Google's
# font server on every page load (the app works offline).
st.set_page_config(page_title="Woonlasten", page_icon="🏠", layout="wide", initial_sidebar_state="expanded",
                   menu_items={"About": "Woonlasten voor en na verduurzaming: huur, energie en lokale lasten per "
                                        "maand. Rekent offline met de meegeleverde tarieven en bronnen."})

# A download button left from the previous run (on screen, greyed, until this run replaces it) would hand over the
# file of the previous input (the other scenario, the old advice): while a run is on, it cannot be clicked.
st.html("<style>[data-stale='true'] [data-testid='stDownloadButton'] button {pointer-events: none}</style>")

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
