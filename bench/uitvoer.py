"""Benchmark: writing a portfolio result as CSV and as .xlsx (the downloads of the app, ``--uit`` of the CLI).

Computes N synthetic dwellings (``bench/portefeuille.py``'s generator) through scenario label B once, then times
``naar_csv`` and ``naar_excel`` (with the per-complex and total sheets, as the CLI writes them), best of a few runs.

    python bench/uitvoer.py [N ...]      # default 5000 60000
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portefeuille import maak_woningen  # noqa: E402
from woonlasten.data import laad_tabellen  # noqa: E402
from woonlasten.portefeuille import SCENARIOS, bereken_portefeuille, naar_csv, naar_excel, samenvatting  # noqa: E402


def _beste(functie, keer: int) -> tuple[float, bytes]:
    tijden, uit = [], b""
    for _ in range(keer):
        t0 = time.perf_counter()
        uit = functie()
        tijden.append(time.perf_counter() - t0)
    return min(tijden), uit


def main(aantallen: list[int]) -> None:
    t = laad_tabellen()
    for n in aantallen:
        woningen = maak_woningen(n)
        resultaat = bereken_portefeuille(woningen, SCENARIOS["label-B"], "2025-06-01", t)
        bladen = {"complexen": samenvatting(resultaat), "totaal": samenvatting(resultaat, per=None)}
        keer = 3 if n <= 10_000 else 1
        t_csv, csv = _beste(lambda r=resultaat: naar_csv(r), keer)
        t_xlsx, xlsx = _beste(lambda r=resultaat, b=bladen: naar_excel(r, b), keer)
        print(f"{n:>9,} woningen × {resultaat.shape[1]} kolommen: CSV {t_csv:6.2f} s ({len(csv) / 1e6:5.1f} MB), "
              f"xlsx {t_xlsx:6.2f} s ({len(xlsx) / 1e6:5.1f} MB, {t_xlsx / n * 1000:.3f} ms per woning)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [5_000, 60_000])
