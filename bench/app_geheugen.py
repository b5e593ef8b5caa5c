"""Memory of the app server across portfolio uploads (prints figures; asserts nothing):

    python bench/app_geheugen.py [--n 1000000] [--keer 6] [--map CHECKOUT]

Starts ``streamlit run streamlit_app.py`` (in ``--map``, default this checkout), generates a portfolio of ``--n``
dwellings (``bench/portefeuille.py``'s ``maak_woningen``, written as a Dutch Excel CSV), and ``--keer`` times in
turn: opens the page Portefeuille in a new browser context, uploads the file, waits until the result is on screen,
closes the context (the browser session ends), and prints the server process's resident memory (RSS, from
/proc/PID/status) while the page shows the result and a few seconds after the context closed. What should hold: the
server's memory does not grow with every upload, it stays around one upload's worth.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

WACHT_MS = 600_000


def rss_mb(pid: int) -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    raise RuntimeError("geen VmRSS")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=1_000_000, help="woningen per upload")
    p.add_argument("--keer", type=int, default=6, help="aantal uploads na elkaar")
    p.add_argument("--map", type=Path, default=PROJECT, help="checkout van de app (voor een voor/na-vergelijking)")
    p.add_argument("--na-sluiten", type=float, default=5.0, help="seconden wachten na het sluiten van de sessie")
    args = p.parse_args()

    from playwright.sync_api import sync_playwright
    from portefeuille import maak_woningen
    from test_browser import CHROMIUM_ARGS, chromium_pad, klaar, start_server, stop_server, vrije_poort

    from woonlasten.formatteer import getal

    with tempfile.TemporaryDirectory() as map_:
        bestand = Path(map_) / "woningen.csv"
        maak_woningen(args.n).to_csv(bestand, sep=";", decimal=",", index=False, encoding="utf-8-sig")
        print(f"{getal(args.n)} woningen, {bestand.stat().st_size / 1e6:.0f} MB CSV; server in {args.map}")
        poort = vrije_poort()
        server = start_server(poort, args.map)
        try:
            time.sleep(3)  # the warm-up
            print(f"server na opstarten: {rss_mb(server.pid):.0f} MB")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium_pad(), headless=True, args=CHROMIUM_ARGS)
                for i in range(1, args.keer + 1):
                    context = browser.new_context(viewport={"width": 1366, "height": 1000}, locale="nl-NL")
                    page = context.new_page()
                    page.set_default_timeout(WACHT_MS)
                    t0 = time.perf_counter()
                    page.goto(f"http://localhost:{poort}/portefeuille")
                    page.get_by_role("heading", name="Portefeuille").wait_for()
                    klaar(page)
                    page.get_by_text("Eigen bestand", exact=True).click()
                    klaar(page)
                    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bestand))
                    page.get_by_test_id("stMetric").filter(has_text="Woningen").filter(
                        has_text=getal(args.n)).wait_for(timeout=WACHT_MS)
                    klaar(page)
                    tijd = time.perf_counter() - t0
                    met = rss_mb(server.pid)
                    context.close()
                    time.sleep(args.na_sluiten)
                    print(f"upload {i}: {tijd:5.1f} s; server {met:6.0f} MB met de pagina open, "
                          f"{rss_mb(server.pid):6.0f} MB {args.na_sluiten:.0f} s na het sluiten", flush=True)
                browser.close()
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
