"""The script Streamlit runs for every browser session (``streamlit run streamlit_app.py`` serves it).

Page config, the shared sidebar (peildatum, gemeente) and navigation over the pages in this folder.
"""

import streamlit as st

st.set_page_config(page_title="Woonlasten", page_icon=":material/home:", layout="wide", initial_sidebar_state="expanded",
                   menu_items={"About": "Woonlasten voor en na verduurzaming: huur, energie en lokale lasten per "
                                        "maand. Rekent offline met de meegeleverde tarieven en bronnen."})

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

zijbalk()
pagina.run()
