"""Woonlasten app: ``streamlit run streamlit_app.py``.

Streamlit serves ``app/start.py`` (page config, sidebar, navigation) to every browser session. This file adds only a
warm-up when the server starts (:mod:`app.opwarmen`, in a background thread): the imports, the first calculation and
the first chart that every session shares are done before the first visitor comes, not while they wait. The server
answers at once; a visitor who comes earlier waits only for what is not done yet.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

import streamlit as st

from app.opwarmen import opwarmen


@asynccontextmanager
async def _bij_opstart(_app: st.App):
    threading.Thread(target=opwarmen, name="woonlasten-opwarmen", daemon=True).start()
    yield


app = st.App("app/start.py", lifespan=_bij_opstart)
