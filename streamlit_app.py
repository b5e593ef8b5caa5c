"""Woonlasten app: ``streamlit run streamlit_app.py``.

Page config, the shared sidebar (peildatum, gemeente) and navigation over the pages in ``app/``.
"""

import streamlit as st

st.set_page_config(page_title="Woonlasten", page_icon=":material/home:", layout="wide", initial_sidebar_state="expanded",
                   menu_items={"About": "Woonlasten voor en na verduurzaming: huur, energie en lokale lasten per "
                                        "maand. Rekent offline met de meegeleverde tarieven en bronnen."})

pagina = st.navigation(
    [
        st.Page("app/huurder.py", title="Huurder (energiecoach)", icon=":material/home:", url_path="huurder",
                default=True),
        st.Page("app/eigenaar.py", title="Eigenaar (gespikkeld bezit)", icon=":material/key:", url_path="eigenaar"),
        st.Page("app/portefeuille.py", title="Portefeuille", icon=":material/location_city:", url_path="portefeuille"),
        st.Page("app/bronnen.py", title="Tarieven en bronnen", icon=":material/menu_book:", url_path="bronnen"),
    ],
    position="top",
)
# imported only now (pandas and the core: about a second on a fresh server), so the browser already has the page
# config and the navigation and starts loading its own code meanwhile
from app.gedeeld import zijbalk  # noqa: E402

zijbalk()
pagina.run()
