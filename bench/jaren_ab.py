"""Paired runs of the path command for two or more checkouts: ``python -m woonlasten portefeuille … --jaren …
--uit X.csv`` of each checkout in turn, round after round (the host drifts: compare within the same minutes), each
after ``sync``; prints per checkout the wall time (min / median / max), the CPU time (user + sys, median) and the
peak memory, and whether the CSV files are byte-identical.

    python bench/jaren_ab.py CHECKOUT [CHECKOUT ...] [--n 400000] [--jaren 2026-2030] [--rondes 6]

A checkout is a folder with this project (a ``git worktree`` of another commit); an environment variable for one
run can follow after ``|``: ``/work/main|MALLOC_ARENA_MAX=2``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jaren import PEILDATUM, maak_bestand  # noqa: E402


def _run(map_: str, omgeving: dict[str, str], bestand: Path, jaren: str, uit: Path) -> tuple[float, float, float]:
    """Wall [s], CPU [s] and peak RSS [GB] of one run of the command (GNU time)."""
    os.sync()
    opdracht = ["/usr/bin/time", "-f", "%e %U %S %M", sys.executable, "-m", "woonlasten", "portefeuille", str(bestand),
                "--jaren", jaren, "--peildatum", PEILDATUM, "--uit", str(uit), "--overschrijf"]
    r = subprocess.run(opdracht, cwd=map_, env={**os.environ, **omgeving}, capture_output=True, text=True, check=True)
    wand, user, sys_, piek = r.stderr.strip().splitlines()[-1].split()
    return float(wand), float(user) + float(sys_), int(piek) * 1024 / 1e9


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("checkouts", nargs="+")
    p.add_argument("--n", type=int, default=400_000)
    p.add_argument("--jaren", default="2026-2030")
    p.add_argument("--rondes", type=int, default=6)
    args = p.parse_args()
    begin, eind = (int(x) for x in args.jaren.split("-"))
    met = []
    for c in args.checkouts:
        map_, _, rest = c.partition("|")
        met.append((c, map_, dict(kv.split("=", 1) for kv in rest.split() if "=" in kv)))
    with tempfile.TemporaryDirectory() as tmp:
        bestand = maak_bestand(args.n, begin, eind, Path(tmp) / "woningen.csv")
        metingen: dict[str, list[tuple[float, float, float]]] = {c: [] for c, _, _ in met}
        for _ in range(args.rondes):
            for i, (c, map_, omgeving) in enumerate(met):
                metingen[c].append(_run(map_, omgeving, bestand, args.jaren, Path(tmp) / f"uit{i}.csv"))
        for c, r in metingen.items():
            wand = sorted(x[0] for x in r)
            print(f"{c}: wand min {wand[0]:.2f} / mediaan {statistics.median(wand):.2f} / max {wand[-1]:.2f} s; "
                  f"CPU mediaan {statistics.median(x[1] for x in r):.2f} s; piek {max(x[2] for x in r):.2f} GB; "
                  f"rondes {' '.join(f'{x[0]:.2f}' for x in r)}")
        gelijk = all(filecmp.cmp(Path(tmp) / "uit0.csv", Path(tmp) / f"uit{i}.csv", shallow=False)
                     for i in range(1, len(met)))
        print("uitvoer byte-voor-byte gelijk" if gelijk else "LET OP: de uitvoer verschilt")


if __name__ == "__main__":
    main()
