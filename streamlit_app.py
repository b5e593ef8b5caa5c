"""Woonlasten app: ``streamlit run streamlit_app.py``.

Page config, the shared sidebar (peildatum, gemeente) and navigation over the pages in ``app/``.
"""

import streamlit as st

from app.gedeeld import zijbalk

st.set_page_config(page_title="Woonlasten", page_icon="🏠", layout="wide", initial_sidebar_state="expanded",
                   menu_items={"About": "Woonlasten voor en na verduurzaming: huur, energie en lokale lasten per "
                                        "maand. Rekent offline met de meegeleverde tarieven en bronnen."})

pagina = st.navigation(
    {
        "Berekenen": [
            st.Page("app/huurder.py", title="Huurder (energiecoach)", icon="🏠", url_path="huurder", default=True),
            st.Page("app/eigenaar.py", title="Eigenaar (gespikkeld bezit)", icon="🔑", url_path="eigenaar"),
            st.Page("app/portefeuille.py", title="Portefeuille", icon="🏘️", url_path="portefeuille"),
        ],
        "Achtergrond": [
            st.Page("app/bronnen.py", title="Tarieven en bronnen", icon="📚", url_path="bronnen"),
        ],
    },
    position="top",
)
zijbalk()
pagina.run()
