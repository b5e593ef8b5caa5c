"""What the browser's main thread does before the chart is drawn, per checkout of the app (prints figures; asserts
nothing):

    python bench/app_drukte.py /pad/naar/checkout_a /pad/naar/checkout_b --rondes 3 [--per-bestand]

Each round starts each checkout's server in turn (as bench/app_ab.py), loads the page three times in browser contexts
that never loaded the app and, for the last two loads, records a CPU profile of the page's main thread through the
DevTools protocol from the start of the navigation to the chart's first mark. Printed per checkout: the chart's time
and the main thread's busy time before it (samples that are not idle), medians; with ``--per-bestand`` also where the
busy time went (per script file, or Chrome's own categories such as '(program)' for style, layout and compiling, and
'(garbage collector)'). Busy time is less sensitive to the queue of files than the chart's time, but it too grows
with the load of the machine: compare checkouts in the same run.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(PROJECT / "bench"))  # so that `app` below is bench/app.py, not the app package

from app_ab import nieuwe_pagina, warme_server  # noqa: E402

LADEN = 3  # per server and round; the first is not profiled (the server's first session runs slower)
INTERVAL_US = 1000  # sampling interval of the profile


def _profiel(pagina, url: str, getekend: str) -> tuple[float, dict]:
    """Load ``url``; return the chart's time (ms from the start of the navigation) and the busy time per category."""
    pagina.goto(url + "_stcore/health")  # same origin, so the profile follows the navigation
    cdp = pagina.context.new_cdp_session(pagina)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": INTERVAL_US})
    cdp.send("Profiler.start")
    begin_ms = time.time() * 1000
    pagina.goto(url)
    pagina.locator(getekend).first.wait_for(timeout=60_000)
    profiel = cdp.send("Profiler.stop")["profile"]
    grafiek = pagina.evaluate("window.__wl.grafiek")
    verschuiving = begin_ms - pagina.evaluate("performance.timeOrigin")  # profile start after the navigation's
    knopen = {k["id"]: k["callFrame"] for k in profiel["nodes"]}
    druk: dict[str, float] = collections.Counter()
    t_us = 0
    for monster, stap in zip(profiel["samples"], profiel["timeDeltas"], strict=True):
        t_us += stap
        if t_us / 1000 + verschuiving > grafiek:
            break
        frame = knopen[monster]
        if frame["functionName"] == "(idle)":
            continue
        druk[frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "?"] += stap / 1000
    return grafiek, druk


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mappen", nargs="+", type=Path, help="checkouts van het project")
    p.add_argument("--rondes", type=int, default=3)
    p.add_argument("--per-bestand", action="store_true", help="ook de drukte per scriptbestand")
    args = p.parse_args()

    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM_ARGS, chromium_pad

    from app import GETEKEND  # bench/app.py

    metingen: dict[Path, list[tuple[float, dict]]] = {m: [] for m in args.mappen}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_pad(), headless=True, args=CHROMIUM_ARGS)
        for ronde in range(args.rondes):
            for map_ in args.mappen:
                with warme_server(map_) as adres:
                    for keer in range(LADEN):
                        pagina = nieuwe_pagina(browser)
                        meting = _profiel(pagina, adres, GETEKEND)
                        pagina.close()
                        time.sleep(0.3)
                        if keer:
                            metingen[map_].append(meting)
            print(f"ronde {ronde + 1}: " + "  ".join(
                f"{m.name} " + "/".join(f"{g:.0f}:{sum(d.values()):.0f}" for g, d in metingen[m][-(LADEN - 1):])
                for m in args.mappen) + "  (grafiek ms : bezig ms)", flush=True)
        browser.close()
    print("grafiek getekend en de hoofdthread bezig tot dan (mediaan van de ladingen, ms):")
    for m in args.mappen:
        grafiek = statistics.median(g for g, _ in metingen[m])
        bezig = statistics.median(sum(d.values()) for _, d in metingen[m])
        print(f"  {m.name:<20} grafiek {grafiek:6.0f}   bezig {bezig:6.0f}")
        if args.per_bestand:
            samen: dict[str, float] = collections.Counter()
            for _, d in metingen[m]:
                samen.update(d)
            for naam, ms in samen.most_common(12):
                print(f"      {ms / len(metingen[m]):6.0f}  {naam}")


if __name__ == "__main__":
    main()
