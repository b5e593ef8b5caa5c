"""Benchmark: a stock over the years (issue 18): N dwellings × the years of a path through the scenario 'naar label
B', phased over the years by a column ``fasering``.

Prints, for the calculation (in process, after reading):
- dwelling-years per second of the path (target ≥ 500,000 on the 2-core machine);
- the ratio of the path to one year computed five times over (``bereken_portefeuille`` on one date);
and for the whole command (``python -m woonlasten portefeuille … --jaren … --uit X.csv``, a fresh process):
- its wall time against the I/O floor: pandas reading the input plus Arrow writing the same output (target ≤ 2 ×);
- its peak memory (RSS) for one year and for all years, against the size of the output in memory (the memory must
  not grow with the years beyond the output).

    python bench/jaren.py [N] [--jaren 2026-2030] [--rondes 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from portefeuille import maak_woningen  # noqa: E402

from woonlasten.data import laad_tabellen  # noqa: E402
from woonlasten.modellen import Pad  # noqa: E402
from woonlasten.portefeuille import SCENARIOS, bereken_portefeuille, bereken_portefeuille_jaren, lees_woningen  # noqa: E402

PEILDATUM = "2026-01-01"


def _piek_en_tijd(argv: list[str]) -> tuple[float, float, str]:
    """Wall time [s] and peak RSS [GB] of a fresh process running the CLI (GNU time's maximum resident set), after
    the page cache's dirty pages are written (``sync``; the I/O floor's writes would otherwise still be going to
    disk while the command runs, and it waits for its own file to be on disk)."""
    os.sync()
    t0 = time.perf_counter()
    uit = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "woonlasten", *argv], cwd=PROJECT,
                         capture_output=True, text=True, check=True)
    tijd = time.perf_counter() - t0
    return tijd, int(uit.stderr.strip().splitlines()[-1]) * 1024 / 1e9, uit.stdout


def maak_bestand(n: int, begin: int, eind: int, bestand: Path) -> Path:
    """N synthetic dwellings with a phasing year in [begin, eind] (seed 7), as a Dutch-Excel CSV at ``bestand``."""
    w = maak_woningen(n)
    w["fasering"] = np.random.default_rng(7).integers(begin, eind + 1, n)
    w.to_csv(bestand, sep=";", decimal=",", index=False, encoding="utf-8-sig")
    return bestand


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("n", nargs="?", type=int, default=400_000)
    p.add_argument("--jaren", default="2026-2030")
    p.add_argument("--rondes", type=int, default=3)
    args = p.parse_args()
    begin, eind = (int(x) for x in args.jaren.split("-"))
    aantal = eind - begin + 1
    pad = Pad(begin=begin, eind=eind)
    laad_tabellen()
    with tempfile.TemporaryDirectory() as map_:
        bestand = maak_bestand(args.n, begin, eind, Path(map_) / "woningen.csv")
        woningen = lees_woningen(bestand)

        pad_tijden, jaar_tijden = [], []
        for _ in range(args.rondes):  # paired rounds: the path, then one year five times
            t0 = time.perf_counter()
            resultaat = bereken_portefeuille_jaren(woningen, SCENARIOS["label-B"], pad, PEILDATUM)
            pad_tijden.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for jaar in range(begin, eind + 1):
                bereken_portefeuille(woningen, SCENARIOS["label-B"], f"{jaar}-01-01")
            jaar_tijden.append(time.perf_counter() - t0)
        assert len(resultaat) == args.n * aantal
        beste = min(pad_tijden)
        print(f"{args.n:,} woningen × {aantal} jaar = {args.n * aantal:,} woning-jaren")
        print(f"pad berekenen ({args.rondes} keer)       {', '.join(f'{x:.2f}' for x in pad_tijden)} s; beste "
              f"{args.n * aantal / beste:,.0f} woning-jaren/s (mediaan "
              f"{args.n * aantal / statistics.median(pad_tijden):,.0f})")
        print(f"één jaar × {aantal} ({args.rondes} keer)     {', '.join(f'{x:.2f}' for x in jaar_tijden)} s; "
              f"verhouding pad / (één jaar × {aantal}) {beste / min(jaar_tijden):.2f} (beste/beste)")
        geheugen_uitvoer = resultaat.memory_usage(deep=True).sum() / 1e9

        # the whole command against the I/O floor: pandas reads the input, Arrow writes the same output
        lees = []
        for _ in range(3):
            t0 = time.perf_counter()
            pd.read_csv(bestand, sep=";", decimal=",")
            lees.append(time.perf_counter() - t0)
        import pyarrow as pa
        import pyarrow.csv as pacsv

        resultaat.attrs = {}  # notes and the path: not part of the table Arrow writes
        tabel = pa.Table.from_pandas(resultaat.astype({k: str for k in resultaat.columns
                                                       if resultaat[k].dtype == object}), preserve_index=False)
        schrijf = []
        for _ in range(3):
            t0 = time.perf_counter()
            pacsv.write_csv(tabel, str(Path(map_) / "arrow.csv"),
                            write_options=pacsv.WriteOptions(delimiter=";", quoting_style="needed"))
            schrijf.append(time.perf_counter() - t0)
        vloer = min(lees) + min(schrijf)
        del resultaat, tabel, woningen  # the command runs beside this process: not beside its 2 GB of results
        gc.collect()
        (Path(map_) / "arrow.csv").unlink()
        cli = []
        for _ in range(args.rondes):
            tijd, piek, _ = _piek_en_tijd(["portefeuille", str(bestand), "--jaren", args.jaren, "--peildatum",
                                           PEILDATUM, "--uit", str(Path(map_) / "uit.csv"), "--overschrijf"])
            cli.append((tijd, piek))
        _, piek_een, _ = _piek_en_tijd(["portefeuille", str(bestand), "--jaren", f"{begin}-{begin}", "--peildatum",
                                        PEILDATUM, "--uit", str(Path(map_) / "uit1.csv"), "--overschrijf"])
        t_cli = min(t for t, _ in cli)
        print(f"I/O-vloer: pandas leest de invoer {min(lees):.2f} s + Arrow schrijft de uitvoer {min(schrijf):.2f} s "
              f"= {vloer:.2f} s")
        print(f"opdrachtregel --jaren {args.jaren} ({args.rondes} keer) {', '.join(f'{t:.2f}' for t, _ in cli)} s; "
              f"verhouding tot de I/O-vloer {t_cli / vloer:.2f} (beste)")
        print(f"piekgeheugen opdrachtregel: 1 jaar {piek_een:.2f} GB, {aantal} jaar {max(g for _, g in cli):.2f} GB; "
              f"de uitvoer zelf {geheugen_uitvoer:.2f} GB in pandas")


if __name__ == "__main__":
    main()
