"""Warm-up when the server starts (called from ``streamlit_app.py`` in a background thread).

On a freshly started server the first visitor would otherwise wait about a second and a half for work that every
session shares: importing pandas, the core and Altair, the first calculation (it fills the tables' caches for the
peildatum), the first chart (Altair's schema check) and Streamlit's one-time check whether it runs in a REPL. Doing it
before anyone connects makes the first page load as fast as any later one. Nothing here is shown; a failure only
means the first visitor does this work instead.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "huurder_borne_E_naar_B.json"

log = logging.getLogger(__name__)


def opwarmen() -> None:
    """Import, compute and draw one example case on today's peildatum; logs and swallows any error."""
    try:
        import altair  # noqa: F401  (the charts: about half a second)

        from app import advies, gedeeld, grafieken, weergave  # noqa: F401  (pandas, pydantic, the core)
        from woonlasten import Casus

        gegevens = json.loads(VOORBEELD.read_text(encoding="utf-8"))
        gegevens["peildatum"] = gedeeld.standaard_peildatum().isoformat()
        resultaat, _ = gedeeld.reken(Casus.model_validate(gegevens))
        if resultaat is not None:
            grafieken.woonlasten_grafiek(resultaat).to_dict()
        _repl_controle()
    except Exception:  # noqa: BLE001 - a warm-up must never stop the server
        log.warning("Opwarmen van de app mislukt; de eerste bezoeker wacht iets langer.", exc_info=True)


def _repl_controle() -> None:
    """Streamlit checks once per process, on the first element, whether it runs in a REPL: ``inspect.stack()`` over
    the deep stack of a script run, 0,1-0,2 s. Here the stack is short. Skipped if this Streamlit has no such check."""
    from streamlit import delta_generator

    controle = getattr(delta_generator, "_maybe_print_use_warning", None)
    if callable(controle):
        controle()
