"""What the server does when it starts (called from ``streamlit_app.py``): warm up, and open the browser.

Warm-up, in a background thread. On a freshly started server the first visitor would otherwise wait about a second
and a half for work that every session shares: importing pandas, the core and Altair, the first calculation (it
fills the tables' caches for the peildatum), the first chart (Altair's schema check) and Streamlit's one-time check
whether it runs in a REPL. The case it computes and draws is the tenant page's own first screen (its default inputs
on today's peildatum, with the variants the page computes along), so the first visitor's page finds its figures
and its chart ready. Doing it before anyone connects makes the first page load as fast as any later one. Nothing
here is shown; a failure only means the first visitor does this work instead.

The browser: ``streamlit run`` opens it for a plain script but not for an ``st.App``, so this does it, as Streamlit
would: not when the server runs headless (``server.headless``); at ``browser.serverAddress`` or ``server.address``
if set, else localhost.
"""

from __future__ import annotations

import logging
import threading

WACHT_S = 60  # a session waits at most this long for the warm-up (then it does the work itself)

log = logging.getLogger(__name__)
_klaar = threading.Event()
_gestart = threading.Event()


def start_opwarmen() -> None:
    """Start :func:`opwarmen` in a background thread (once per server)."""
    if not _gestart.is_set():
        _gestart.set()
        threading.Thread(target=opwarmen, name="woonlasten-opwarmen", daemon=True).start()


def wacht_op_opwarmen() -> None:
    """A session that comes while the warm-up runs waits for it (it needs the same imports and caches): the first
    script run then never works alongside the warm-up on the same modules. Returns at once without a warm-up (AppTest,
    a plain ``streamlit run app/start.py``) or once it is done."""
    if _gestart.is_set():
        _klaar.wait(WACHT_S)


def opwarmen() -> None:
    """Import, compute and draw the tenant page's first case; logs and swallows any error."""
    try:
        _opwarmen()
    except Exception:  # noqa: BLE001 - a warm-up must never stop the server
        log.warning("Opwarmen van de app mislukt; de eerste bezoeker wacht iets langer.", exc_info=True)
    finally:
        _klaar.set()
    try:  # after the sessions' wait: the PDF library (about 0,9 s), so that the first 'Advies downloaden' is quick
        from app import advies_pdf  # noqa: F401
    except Exception:  # noqa: BLE001
        log.warning("Opwarmen van de pdf-maker mislukt; het eerste advies duurt iets langer.", exc_info=True)


def _opwarmen() -> None:
    import altair  # noqa: F401  (the charts: about half a second)

    from app import advies, gedeeld, grafieken, weergave  # noqa: F401  (pandas, pydantic, the core)
    from woonlasten import Casus

    invoer = gedeeld.huurder_standaard()
    gegevens = gedeeld.huurder_gegevens(invoer, gedeeld.standaard_peildatum(), gedeeld.standaard_gemeente())
    resultaat, fout = gedeeld.reken(Casus.model_validate(gegevens), lambda: gedeeld.huurder_varianten(gegevens, invoer))
    if resultaat is None:
        raise RuntimeError(fout)
    grafieken.woonlasten_spec(resultaat)
    _repl_controle()


def _repl_controle() -> None:
    """Streamlit checks once per process, on the first element, whether it runs in a REPL: ``inspect.stack()`` over
    the deep stack of a script run, 0,1-0,2 s. Here the stack is short. Skipped if this Streamlit has no such check."""
    from streamlit import delta_generator

    controle = getattr(delta_generator, "_maybe_print_use_warning", None)
    if callable(controle):
        controle()


def browser_openen() -> None:
    """Open the app in the browser unless the server runs headless; logs and swallows any error."""
    try:
        from streamlit import cli_util, config
        from streamlit.web.server import server_address_is_unix_socket, server_util

        if config.get_option("server.headless"):
            return
        if config.is_manually_set("browser.serverAddress"):
            adres = config.get_option("browser.serverAddress")
        elif config.is_manually_set("server.address"):
            if server_address_is_unix_socket():
                return  # no address a browser can open
            adres = server_util.get_display_address(config.get_option("server.address"))
        else:
            adres = "localhost"
        cli_util.open_browser(server_util.get_url(adres))
    except Exception:  # noqa: BLE001 - the app works without it: the address is printed in the terminal
        log.warning("De browser kon niet worden geopend; open het adres hierboven zelf.", exc_info=True)
