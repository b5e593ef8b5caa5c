"""Benchmark: a 1,000,000-dwelling portfolio through the scenario 'naar label B'.

Prints dwellings per second of the calculation, the ratio of calculation time to the time pandas needs just to
read the same CSV, and peak memory. Targets on the 2-core machine: ≥ 500,000 dwellings/s, ratio ≤ 1, < 2 GB.

    python bench/portefeuille.py [N]
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from woonlasten.data import laad_tabellen  # noqa: E402
from woonlasten.portefeuille import DRADEN, SCENARIOS, bereken_portefeuille, lees_woningen, samenvatting  # noqa: E402


def maak_woningen(n: int, seed: int = 2025) -> pd.DataFrame:
    """n synthetic dwellings with a plausible mix (Borne/Hengelo, types, labels C-G and better)."""
    rng = np.random.default_rng(seed)
    types = np.array(["appartement", "tussenwoning", "hoekwoning", "twee-onder-een-kap", "appartement_hoogbouw"])
    labels = np.array(["A", "B", "C", "D", "E", "F", "G"])
    return pd.DataFrame({
        "id": np.arange(1, n + 1).astype(str),
        "complex": np.char.add("C-", (np.arange(n) // 40).astype(str)),
        "gemeente": rng.choice(["Borne", "Hengelo"], n, p=[0.4, 0.6]),
        "woningtype": rng.choice(types, n, p=[0.38, 0.30, 0.14, 0.06, 0.12]),
        "oppervlakte_m2": rng.normal(78, 16, n).clip(30, 180).round(1),
        "energielabel": rng.choice(labels, n, p=[0.25, 0.22, 0.24, 0.12, 0.08, 0.05, 0.04]),
        "kale_huur": rng.normal(640, 90, n).clip(350, 900).round(2),
        "servicekosten": rng.choice([0.0, 12.5, 25.0, 38.75], n),
        "personen": rng.choice([1, 2, 3, 4, 5], n, p=[0.45, 0.28, 0.12, 0.10, 0.05]),
    })


def main(n: int = 1_000_000) -> None:
    laad_tabellen()  # data tables are loaded once per process, not per portfolio
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "woningen.csv"
        t0 = time.perf_counter()
        maak_woningen(n).to_csv(pad, sep=";", decimal=",", index=False, encoding="utf-8-sig")
        print(f"{n:,} woningen gegenereerd en geschreven in {time.perf_counter() - t0:.1f} s "
              f"({pad.stat().st_size / 1e6:.0f} MB, Nederlandse Excel-CSV: ';' en decimale komma)")

        lezen = []  # the same statistic as the calculation: three times, best and median
        for _ in range(3):
            t0 = time.perf_counter()
            pd.read_csv(pad, sep=";", decimal=",")
            lezen.append(time.perf_counter() - t0)
        t_pandas = min(lezen)

        t0 = time.perf_counter()
        woningen = lees_woningen(pad)
        t_lees = time.perf_counter() - t0

        metingen = []
        for _ in range(3):
            t0 = time.perf_counter()
            resultaat = bereken_portefeuille(woningen, SCENARIOS["label-B"], "2025-06-01")
            metingen.append(time.perf_counter() - t0)
        t_reken = min(metingen)
        t0 = time.perf_counter()
        bereken_portefeuille(woningen, SCENARIOS["label-B"], "2025-06-01", draden=1)
        t_een_draad = time.perf_counter() - t0

        t0 = time.perf_counter()
        complexen = samenvatting(resultaat)
        t_samenvatting = time.perf_counter() - t0

    assert len(resultaat) == n
    piek_proces = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kB
    ok = int((resultaat["status"] == "ok").sum())
    print(f"pandas leest de CSV (3 keer)    {', '.join(f'{x:.2f}' for x in lezen)} s")
    print(f"lees_woningen (zelfde CSV)      {t_lees:6.2f} s")
    print(f"berekening label B (3 keer)     {', '.join(f'{x:.2f}' for x in metingen)} s ({DRADEN} draden)")
    print(f"zelfde berekening in 1 draad    {t_een_draad:6.2f} s")
    print(f"beste: {n / t_reken:,.0f} woningen/s ({ok:,} ok), verhouding rekenen/inlezen {t_reken / t_pandas:.2f} "
          f"(beste/beste), {statistics.median(metingen) / statistics.median(lezen):.2f} (mediaan/mediaan)")
    print(f"samenvatting per complex        {t_samenvatting:6.2f} s ({len(complexen):,} complexen)")
    print(f"piekgeheugen proces (RSS)       {piek_proces / 1e9:6.2f} GB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
