"""Woonlasten app: ``streamlit run streamlit_app.py``.

Streamlit serves ``app/start.py`` (page config, sidebar, navigation) to every browser session. This file adds what
happens when the server starts (:mod:`app.opstart`): a warm-up in a background thread (the imports, the first
calculation and the first chart that every session shares are done before the first visitor comes, not while they
wait; a visitor who comes earlier waits only for the rest of it), opening the browser, as ``streamlit run`` does
for a plain script, and closing sessions whose browser went away (:mod:`app.sessies`).
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

import streamlit as st

from app.opstart import browser_openen, start_opwarmen
from app.sessies import opruimen


@asynccontextmanager
async def _bij_opstart(_app: st.App):
    start_opwarmen()
    asyncio.get_running_loop().call_soon(browser_openen)  # right after the start, as Streamlit does
    # sessions whose browser went away are closed, so their uploads leave memory (app/sessies.py)
    taak = asyncio.get_running_loop().create_task(opruimen(), name="woonlasten.opruimen")
    yield
    taak.cancel()


app = st.App("app/start.py", lifespan=_bij_opstart)
