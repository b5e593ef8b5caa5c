"""The Streamlit app: the only code in the project that imports streamlit.

One module per page (``huurder``, ``eigenaar``, ``portefeuille``, ``bronnen``; run as page scripts by
``st.navigation`` in ``start.py``, which ``streamlit_app.py`` serves), what the server does when it starts
(``opstart``: warm-up, browser) and shared helpers: ``gedeeld`` (tables, sidebar, inputs, cached calculation),
``weergave`` (a result on screen), ``grafieken`` (Altair charts) and ``advies`` (printable advice as HTML, no
streamlit). Every figure shown comes from the calculation core ``woonlasten``; the app only formats.
"""
