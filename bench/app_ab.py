"""Paired comparison of the first page load of two or more checkouts of the app (prints figures; asserts nothing):

    python bench/app_ab.py /pad/naar/checkout_a /pad/naar/checkout_b --rondes 10 --laden 3

Each round starts each checkout's server in turn (``streamlit run streamlit_app.py`` in that folder), waits until its
warm-up is done, and loads the page ``--laden`` times, each in a browser context that never loaded the app; the
round's figure per checkout is the median of those loads: the chart's first mark, timed inside the page from the
start of the navigation (as in bench/app.py). The host's speed drifts over minutes, so what counts is the paired
difference per round against the first checkout, not two medians taken at different times. Use it to find out what
a change to the page costs or saves in the browser (e.g. a checkout with some inputs removed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(PROJECT / "bench"))  # so that `app` below is bench/app.py, not the app package

WACHT_OPWARMEN_S = 2.5  # the warm-up (app/opstart.py) takes about 1,3 s of CPU on this machine


@contextmanager
def warme_server(map_: Path) -> Iterator[str]:
    """The app of checkout ``map_`` served on a free port, once its warm-up is done: yields its address."""
    from test_browser import start_server, stop_server, vrije_poort

    poort = vrije_poort()
    proces = start_server(poort, map_)
    time.sleep(WACHT_OPWARMEN_S)
    try:
        yield f"http://localhost:{poort}/"
    finally:
        stop_server(proces)


def nieuwe_pagina(browser):
    """A page in a browser context that never loaded the app, timing the chart's first mark (bench/app.py)."""
    from app import MARKEER  # bench/app.py

    pagina = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    pagina.add_init_script(MARKEER)
    return pagina


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mappen", nargs="+", type=Path, help="checkouts van het project (de eerste is de basis)")
    p.add_argument("--rondes", type=int, default=10)
    p.add_argument("--laden", type=int, default=3, help="paginaladingen per server per ronde")
    args = p.parse_args()

    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM_ARGS, chromium_pad

    from app import GETEKEND  # bench/app.py

    tijden: dict[Path, list[float]] = {m: [] for m in args.mappen}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_pad(), headless=True, args=CHROMIUM_ARGS)
        for ronde in range(args.rondes):
            for map_ in args.mappen:
                with warme_server(map_) as adres:
                    keer = []
                    for _ in range(args.laden):
                        pagina = nieuwe_pagina(browser)
                        pagina.goto(adres)
                        pagina.locator(GETEKEND).first.wait_for(timeout=60_000)
                        keer.append(pagina.evaluate("window.__wl.grafiek") / 1000)
                        pagina.close()
                        time.sleep(0.5)
                    tijden[map_].append(statistics.median(keer))
            print(f"ronde {ronde + 1}: " + "  ".join(f"{m.name} {tijden[m][-1]:.2f} s" for m in args.mappen), flush=True)
        browser.close()
    basis = args.mappen[0]
    print(f"grafiek getekend (in de pagina), mediaan van {args.rondes} rondes, en het verschil met {basis.name} per "
          "ronde (mediaan, gemiddelde):")
    for m in args.mappen:
        verschil = [a - b for a, b in zip(tijden[m], tijden[basis], strict=True)]
        print(f"  {m.name:<20} {statistics.median(tijden[m]):5.2f} s   verschil {statistics.median(verschil):+5.2f} s"
              f" / {statistics.mean(verschil):+5.2f} s")


if __name__ == "__main__":
    main()
