"""Benchmark of the app (prints figures; asserts nothing). Run from the project folder:

    python bench/app.py            # AppTest reruns and the first page load in Chromium
    python bench/app.py --geen-browser

Targets: a rerun after an input change under 150 ms; the first page load in the browser under 3 s.

Reruns are timed in-process with streamlit.testing's AppTest (the script run, not the browser's drawing):
- 'label wijzigen': the energy label changes; the app computed this variant along with the previous case
  (see app.gedeeld._Resultaten), as it does for every choice list and every +/- step;
- 'nieuwe kale huur': a rent typed in that was never computed, so the core computes it (the cold path).
The first page load is timed from navigation to the verdict being visible and to the chart being drawn (its marks:
a chart that is still being drawn has none), by Playwright from outside and once more inside the page (from the
start of the navigation, as browsers time page loads, without Playwright's polling). Each round starts a new server
(its warm-up, see streamlit_app.py, runs while the browser loads) and loads the page three times: in a browser that
never loaded the app, at once ('verse server') and once more ('nieuwe sessie'), and in a browser that did, so
Streamlit's code comes from its cache ('terugkerende bezoeker'). Several rounds, since the figures scatter (two
cores shared by the server, the browser and whatever else runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
os.chdir(PROJECT)


def _ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def reruns(n: int = 10) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    from woonlasten.formatteer import getal

    at = AppTest.from_file(str(PROJECT / "app" / "start.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    labels = ["D", "F", "C", "G", "B", "E"]
    # warm up: one change of each kind
    at.selectbox(key="energielabel").set_value("D").run()
    at.selectbox(key="energielabel").set_value("E").run()
    tijden: dict[str, list[float]] = {"label wijzigen": [], "nieuwe kale huur": [], "zelfde invoer (rerun)": []}
    for i in range(n):
        t = time.perf_counter()
        at.selectbox(key="energielabel").set_value(labels[i % len(labels)]).run()
        tijden["label wijzigen"].append(time.perf_counter() - t)
        assert not at.exception, at.exception
    for i in range(n):
        t = time.perf_counter()
        at.text_input(key="kale_huur").input(getal(600.0 + 7.31 * (i + 1), 2)).run()  # typed the Dutch way
        tijden["nieuwe kale huur"].append(time.perf_counter() - t)
        assert not at.exception, at.exception
    for _ in range(n):
        t = time.perf_counter()
        at.run()
        tijden["zelfde invoer (rerun)"].append(time.perf_counter() - t)
    return tijden


# a drawn mark of a chart (bar, line, text): a chart that is still being drawn has none
GETEKEND = '[data-testid="stVegaLiteChart"] .role-mark > *'


# in the page itself: the moment (performance.now(), ms from the start of the navigation, as browsers measure page
# loads) that the verdict and the chart's first mark appear, without the round trips of Playwright's polling
MARKEER = """
window.__wl = {};
new MutationObserver(() => {
  if (!window.__wl.oordeel && [...document.querySelectorAll('[data-testid="stAlert"]')]
        .some(a => a.textContent.includes('Woonlastenneutraal'))) window.__wl.oordeel = performance.now();
  if (!window.__wl.grafiek && document.querySelector('%s')) window.__wl.grafiek = performance.now();
}).observe(document, {subtree: true, childList: true});
""" % GETEKEND


def eerste_laadtijd() -> list[tuple[str, float]]:
    """One round: a new server, the first page load on it, one more in a new session, one by a returning visitor."""
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM_ARGS, chromium_pad, start_server, stop_server, vrije_poort

    poort = vrije_poort()
    t_server = time.perf_counter()
    proces = start_server(poort)
    opstart = time.perf_counter() - t_server
    uit = [("server gezond (streamlit run → /_stcore/health)", opstart)]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_pad(), headless=True, args=CHROMIUM_ARGS)
            eerder = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
            for naam in ("verse server", "nieuwe sessie", "terugkerende bezoeker"):
                if naam != "terugkerende bezoeker":
                    # a browser that never loaded the app: Streamlit's own code comes from the server too
                    pagina = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
                else:
                    # a browser that loaded the app before (then closed the tab): its code comes from the cache
                    vorige = eerder.new_page()
                    vorige.goto(f"http://localhost:{poort}/")
                    vorige.locator(GETEKEND).first.wait_for(timeout=60_000)
                    vorige.close()
                    pagina = eerder.new_page()
                pagina.add_init_script(MARKEER)
                t = time.perf_counter()
                pagina.goto(f"http://localhost:{poort}/")
                pagina.get_by_test_id("stAlert").filter(has_text="Woonlastenneutraal").wait_for(timeout=60_000)
                t_oordeel = time.perf_counter() - t
                pagina.locator(GETEKEND).first.wait_for(timeout=60_000)
                t_grafiek = time.perf_counter() - t
                in_pagina = pagina.evaluate("window.__wl")
                uit.append((naam + ": oordeel zichtbaar", t_oordeel))
                uit.append((naam + ": grafiek getekend", t_grafiek))
                uit.append((naam + ": grafiek getekend, in de pagina gemeten", in_pagina["grafiek"] / 1000))
                pagina.close()
            browser.close()
    finally:
        stop_server(proces)
    return uit


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=10, help="aantal herhalingen per meting (standaard 10)")
    p.add_argument("--geen-browser", action="store_true", help="alleen de AppTest-reruns")
    p.add_argument("--rondes", type=int, default=3, help="rondes van de paginalading, elk op een nieuwe server "
                                                         "(standaard 3)")
    args = p.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cpu's")
    print(f"Rerun na een invoerwijziging (AppTest, mediaan van {args.n}; doel < 150 ms):")
    for naam, t in reruns(args.n).items():
        print(f"  {naam:<24} mediaan {_ms(statistics.median(t)):>7}   min {_ms(min(t)):>7}   max {_ms(max(t)):>7}")
    if not args.geen_browser:
        print(f"Eerste paginalading in Chromium (doel < 3 s), {args.rondes} rondes:")
        rondes = []
        for i in range(args.rondes):
            time.sleep(3)  # the previous round's browser and server have exited
            belasting = os.getloadavg()[0]
            rondes.append(eerste_laadtijd())
            print(f"  ronde {i + 1} (belasting vooraf {belasting:.1f}): "
                  + ", ".join(f"{naam} {t:.2f} s" for naam, t in rondes[-1]))
        print("  samen:")
        for j, (naam, _) in enumerate(rondes[0]):
            t = [r[j][1] for r in rondes]
            print(f"  {naam:<50} min {min(t):5.2f} s   mediaan {statistics.median(t):5.2f} s   max {max(t):5.2f} s")


if __name__ == "__main__":
    main()
