"""Ending browser sessions that do not come back, so that what they hold (an uploaded portfolio, its result, the
files of its downloads) leaves the server's memory.

Streamlit keeps a session whose browser went away for ``server.disconnectedSessionTTL`` seconds, so that a browser
that reconnects after a network hiccup finds it again. When that time is over it forgets the session but does not
shut it down: the uploaded file and the download files stay registered under the session's id, for as long as the
server runs (some 430 MB for every upload of a million dwellings). So the server's lifespan (``streamlit_app.py``)
runs :func:`opruimen`: every session that has been gone for half that time is closed the way Streamlit closes a
session itself (``Runtime.close_session``: session state, uploads and download files are released), and the freed
memory is given back to the operating system.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import threading
import time

_LOG = logging.getLogger("woonlasten.app")
_slot = threading.Lock()
_weg_sinds: dict[str, float | None] = {}  # session id → since when it has no browser (None: connected)
CONTROLE_S = 2.0  # how often the lifespan looks


def meld() -> None:
    """Called by every script run (``app/start.py``): this session exists."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        with _slot:
            _weg_sinds[ctx.session_id] = None


def _geef_geheugen_terug() -> None:
    gc.collect()
    try:  # glibc keeps freed memory in its heap; this hands it back (no-op elsewhere)
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def ruim_op(nu: float | None = None) -> int:
    """One round: close the sessions that have been without a browser for at least half of
    ``server.disconnectedSessionTTL``. Must run on the server's event loop. Returns how many were closed."""
    from streamlit import config
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return 0
    runtime = Runtime.instance()
    nu = time.monotonic() if nu is None else nu
    wacht = max(1.0, config.get_option("server.disconnectedSessionTTL") / 2)
    dicht = []
    with _slot:
        for sessie, sinds in list(_weg_sinds.items()):
            if runtime.is_active_session(sessie):
                _weg_sinds[sessie] = None
            elif sinds is None:
                _weg_sinds[sessie] = nu
            elif nu - sinds >= wacht:
                dicht.append(sessie)
                del _weg_sinds[sessie]
    for sessie in dicht:
        runtime.close_session(sessie)  # a no-op when Streamlit already closed it
    if dicht:
        _geef_geheugen_terug()
        _LOG.info("%d browsersessie(s) zonder browser gesloten", len(dicht))
    return len(dicht)


async def opruimen() -> None:
    """The lifespan's task: :func:`ruim_op` every ``CONTROLE_S`` seconds, for as long as the server runs."""
    while True:
        await asyncio.sleep(CONTROLE_S)
        try:
            ruim_op()
        except Exception:  # noqa: BLE001 - tidying up must never stop the server
            _LOG.exception("opruimen van sessies mislukt")
