"""Screenshots of every page at a laptop's width (1366 px) and a phone's (390 px), to look at after a change.

Starts the app on a free port, opens each page in headless Chromium (Debian's) (the portfolio page computes the
sample portfolio) and writes ``out/schermafdrukken/<pagina>-<breedte>.png``.

    python bench/schermafdrukken.py [--map OUT]
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from tests.test_browser import CHROMIUM_ARGS, chromium_pad, klaar, start_server, stop_server  # noqa: E402

PAGINAS = {"huurder": "", "eigenaar": "eigenaar", "portefeuille": "portefeuille", "bronnen": "bronnen",
           # the same pages with the section 'Over de jaren' switched on
           "huurder-jaren": "", "eigenaar-jaren": "eigenaar", "portefeuille-jaren": "portefeuille"}
AANZETTEN = {"huurder-jaren": "Woonlasten per jaar tonen", "eigenaar-jaren": "Woonlasten per jaar tonen",
             "portefeuille-jaren": "Per jaar berekenen"}
BREEDTES = (1366, 390)
HOOGTE = ("() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], "
          "[data-testid=\"stMainBlockContainer\"]')].map(e => e.scrollHeight), 0)")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    p = argparse.ArgumentParser(description="Schermafdrukken van elke pagina op 1366 en 390 px.")
    p.add_argument("--map", default=str(PROJECT / "out" / "schermafdrukken"), help="map voor de afbeeldingen")
    args = p.parse_args()
    uit = Path(args.map)
    uit.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    poort = _vrije_poort()
    server = start_server(poort)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_pad(), headless=True, args=CHROMIUM_ARGS)
            for breedte in BREEDTES:
                context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
                page = context.new_page()
                page.set_default_timeout(60_000)
                for naam, pad in PAGINAS.items():
                    page.goto(f"http://localhost:{poort}/{pad}")
                    klaar(page)
                    if naam.startswith("portefeuille"):  # the sample portfolio is computed by default
                        page.wait_for_timeout(1500)
                    if naam in AANZETTEN:
                        page.get_by_text(AANZETTEN[naam]).first.click()
                        page.wait_for_timeout(2500)
                        klaar(page)
                    bestand = uit / f"{naam}-{breedte}.png"
                    dicht = page.locator('[data-testid="stSidebarCollapseButton"] button')
                    if breedte < 600 and dicht.count():  # on a phone the sidebar opens over the page: close it
                        dicht.first.click()
                        page.wait_for_timeout(800)
                    # the app scrolls inside its main area: a window as tall as that area shows all of it
                    hoogte = page.evaluate(HOOGTE)
                    page.set_viewport_size({"width": breedte, "height": max(900, min(int(hoogte) + 80, 6000))})
                    page.wait_for_timeout(600)
                    page.screenshot(path=str(bestand))
                    page.set_viewport_size({"width": breedte, "height": 900})
                    print(bestand)
                context.close()
            browser.close()
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
