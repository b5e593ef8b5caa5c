"""Byte-for-byte comparison of the CLI output of two checkouts (before/after a restructuring).

    python bench/vergelijk.py OUT_DIR [--repo PATH] [--jobs N]   # run the CLI of PATH, write every output
    python bench/vergelijk.py --cmp DIR_A DIR_B                   # compare two output dirs file by file

The first form runs ``python -m woonlasten ...`` of the checkout at PATH (default: the repo this script lives in)
as a subprocess with cwd=PATH, PYTHONHASHSEED=0, WOONLASTEN_DATA unset and a table cache of its own (a fresh
``WOONLASTEN_CACHE`` per run, so one checkout never reads tables cached by another). It only uses the CLI, never
the package's Python API, so the package may be reorganised freely between the two runs.

What is written to OUT_DIR (all compared by ``--cmp``):
- ``invoer/``: every input the runs used (the golden cases' ``invoer``, copies of the checkout's examples and
  sample portfolio), so a changed input shows up as such;
- ``invoer_60k.csv``: a 60,000-row portfolio generated here (numpy seed; not by the checkout's code);
- ``bereken/``, ``schema.stdout``, ``portefeuille/``: stdout of every run, the --uit CSV files, the cell values
  of the .xlsx output (as CSV; an .xlsx holds timestamps), and for a run that exits non-zero its stderr and exit
  code;
- ``opdrachten.txt``: every command with its exit code.
The raw .xlsx goes to ``_niet_vergeleken/`` (skipped by ``--cmp``).

Absolute paths in stdout/stderr (``Resultaat geschreven naar /tmp/...``) are replaced by ``<UIT>`` (OUT_DIR) and
``<REPO>`` (PATH), so two runs into different OUT_DIRs are comparable.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

HIER = Path(__file__).resolve().parent.parent
NIET_VERGELEKEN = "_niet_vergeleken"

SCENARIOS = ("label-B", "label-A", "eigen:B:spouwmuurisolatie;warmtepomp")
PEILDATA_VOORBEELD = ("2022-03-01", "2022-09-01", "2023-06-01", "2025-06-01", "2026-06-01")
PEILDATA_60K = ("2022-09-01", "2024-06-01", "2026-06-01")
N_60K = 60_000
ZAAD_60K = 20260601


@dataclass
class Opdracht:
    """One CLI run: ``naam`` is the relative path (without suffix) of its files in OUT_DIR."""

    naam: str
    argumenten: list[str]
    uit: Path | None = None  # --uit file written by the run (relative to OUT_DIR)
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------------------
# The generated 60k portfolio


def maak_60k(pad: Path, n: int = N_60K, zaad: int = ZAAD_60K) -> None:
    """A deterministic portfolio of n rows as a Dutch-Excel CSV (';', decimal comma, UTF-8 with BOM).

    New lettings, given rent increases, several gemeenten (two of them only with 2025 tariffs: fallback in other
    years), tenants and owners with WOZ, own gas/electricity use, all heating types, office spellings of types and
    labels, a measures column, and about 1% rows with an error (typo'd gemeente, label H, empty or bad area,
    negative rent, owner without WOZ, ambiguous decimal point)."""
    rng = np.random.default_rng(zaad)

    def kans(p: float) -> np.ndarray:
        return rng.random(n) < p

    def komma(x: np.ndarray, decimalen: int) -> np.ndarray:
        return np.array([f"{v:.{decimalen}f}".replace(".", ",") for v in x], dtype=object)

    def leeg_waar(tekst: np.ndarray, masker: np.ndarray) -> np.ndarray:
        uit = tekst.astype(object).copy()
        uit[masker] = ""
        return uit

    # complexes of ~40 dwellings, each in one gemeente
    n_complex = n // 40 + 1
    gemeenten = np.array(["Borne", "Hengelo", "Enschede", "Amsterdam", "Almelo"])
    complex_gemeente = rng.choice(gemeenten, n_complex, p=[0.35, 0.40, 0.12, 0.08, 0.05])
    complex_nr = np.sort(rng.integers(0, n_complex, n))
    prefix = {"Borne": "BOR", "Hengelo": "HGL", "Enschede": "ENS", "Amsterdam": "AMS", "Almelo": "ALM"}
    gemeente = complex_gemeente[complex_nr].astype(object)
    complex_naam = np.array([f"{prefix[g]}-{c:04d}" for g, c in zip(gemeente, complex_nr, strict=True)], dtype=object)

    types = np.array(["appartement", "tussenwoning", "hoekwoning", "twee-onder-een-kap", "appartement_hoogbouw",
                      "vrijstaand", "Rijwoning", "galerijflat", "Eindwoning", "2 onder 1 kap"])
    woningtype = rng.choice(types, n, p=[0.30, 0.24, 0.12, 0.06, 0.10, 0.02, 0.06, 0.05, 0.03, 0.02]).astype(object)
    labels = np.array(["A++", "A+", "A", "B", "C", "D", "E", "F", "G", "c", "a+"])
    energielabel = rng.choice(labels, n, p=[0.01, 0.02, 0.18, 0.20, 0.22, 0.13, 0.09, 0.06, 0.05, 0.02, 0.02])
    energielabel = energielabel.astype(object)
    opp = rng.normal(80, 22, n).clip(25, 220)
    oppervlakte = komma(opp, 1)
    bouwjaar = leeg_waar(rng.integers(1925, 2021, n).astype(str), kans(0.05))
    verwarming = rng.choice(np.array(["gasketel", "hybride_warmtepomp", "warmtepomp", ""]), n,
                            p=[0.72, 0.13, 0.10, 0.05]).astype(object)

    eigenaar = kans(0.2)
    rol = np.where(eigenaar, "eigenaar", "huurder").astype(object)
    woz = rng.normal(300_000, 90_000, n).clip(120_000, 900_000).round(-3)
    woz_waarde = leeg_waar(woz.astype(np.int64).astype(str), ~(eigenaar | kans(0.3)))
    huur = (4.2 * opp + rng.normal(330, 110, n)).clip(320, 1350)
    kale_huur = leeg_waar(komma(huur, 2), eigenaar)
    servicekosten = leeg_waar(komma(rng.choice([0.0, 12.5, 25.0, 38.75, 55.1], n), 2), eigenaar | kans(0.2))
    personen = leeg_waar(rng.choice([1, 2, 3, 4, 5, 6], n, p=[0.40, 0.30, 0.12, 0.10, 0.06, 0.02]).astype(str),
                         kans(0.03))

    eigen_verbruik = kans(0.25)
    gas = rng.normal(1150, 400, n).clip(0, 4000).round()
    # an all-electric heat pump has no gas connection: gas use stays empty there (a few rows keep it: an error)
    gas_m3 = leeg_waar(gas.astype(np.int64).astype(str), ~eigen_verbruik | ((verwarming == "warmtepomp") & ~kans(0.03)))
    stroom = rng.normal(2800, 900, n).clip(600, 9000).round()
    elektriciteit_kwh = leeg_waar(stroom.astype(np.int64).astype(str), ~(eigen_verbruik & ~kans(0.1)))
    eigen_prijs = kans(0.05)
    gas_prijs = leeg_waar(komma(rng.uniform(0.9, 1.6, n), 4), ~eigen_prijs)
    stroom_prijs = leeg_waar(komma(rng.uniform(0.22, 0.40, n), 4), ~eigen_prijs)
    vast = leeg_waar(komma(rng.uniform(60, 120, n), 2), ~eigen_prijs)

    maatregel_sets = np.array(["spouwmuurisolatie;hr_glas", "dakisolatie;vloerisolatie", "warmtepomp",
                               "spouwmuurisolatie;dakisolatie;hybride_warmtepomp"])
    maatregelen = leeg_waar(rng.choice(maatregel_sets, n).astype(object), ~kans(0.15))
    huurverhoging = leeg_waar(komma(rng.choice([0.0, 10.0, 25.0, 37.5, 60.0, 95.0], n), 2), eigenaar | ~kans(0.25))
    nieuwe_verhuring = np.where(kans(0.10), "ja", np.where(kans(0.5), "nee", "")).astype(object)
    nieuwe_verhuring[eigenaar] = ""
    inkomen = leeg_waar(rng.normal(30_000, 12_000, n).clip(9_000, 90_000).round(-2).astype(np.int64).astype(str),
                        eigenaar | ~kans(0.4))
    aow = leeg_waar(np.where(kans(0.25), "ja", "nee").astype(object), inkomen == "")
    wws_punten = leeg_waar(rng.integers(90, 240, n).astype(str), eigenaar | ~kans(0.1))

    # about 1% rows with an error the calculation reports (the rest of the row stays)
    fout = np.flatnonzero(kans(0.01))
    soort = rng.integers(0, 7, len(fout))
    gemeente[fout[soort == 0]] = "Bornee"
    energielabel[fout[soort == 1]] = "H"
    oppervlakte[fout[soort == 2]] = ""
    oppervlakte[fout[soort == 3]] = "ca. 80"
    kale_huur[fout[soort == 4]] = "-120,00"
    eigen_zonder_woz = fout[soort == 5]
    rol[eigen_zonder_woz] = "eigenaar"
    woz_waarde[eigen_zonder_woz] = ""
    oppervlakte[fout[soort == 6]] = "80.5"  # a point in a ';' file: ambiguous

    frame = pd.DataFrame({
        "id": np.array([f"W{i:06d}" for i in range(1, n + 1)], dtype=object), "complex": complex_naam,
        "gemeente": gemeente, "woningtype": woningtype, "oppervlakte_m2": oppervlakte, "energielabel": energielabel,
        "bouwjaar": bouwjaar, "verwarming": verwarming, "rol": rol, "woz_waarde": woz_waarde, "kale_huur": kale_huur,
        "servicekosten": servicekosten, "personen": personen, "inkomen_jaar": inkomen, "aow": aow,
        "gas_m3": gas_m3, "elektriciteit_kwh": elektriciteit_kwh, "gas_leveringsprijs_m3": gas_prijs,
        "elektriciteit_leveringsprijs_kwh": stroom_prijs, "vaste_leveringskosten_jaar": vast,
        "maatregelen": maatregelen, "huurverhoging": huurverhoging, "nieuwe_verhuring": nieuwe_verhuring,
        "wws_punten": wws_punten,
    })
    # every cell is already text: the CSV does not depend on pandas' number formatting
    buffer = io.StringIO()
    frame.to_csv(buffer, sep=";", index=False, lineterminator="\n")
    pad.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


# ----------------------------------------------------------------------------------------------------------
# The runs


def _bestandsnaam(tekst: str) -> str:
    return tekst.replace(":", "-").replace(";", "+").replace("/", "_")


def opdrachten(repo: Path, uit: Path) -> list[Opdracht]:
    """Every CLI run; also writes the inputs the runs need into ``uit/invoer``."""
    invoer = uit / "invoer"
    invoer.mkdir(parents=True)
    lijst: list[Opdracht] = []

    # golden cases: the ``invoer`` part (as tests/test_golden.py passes it to bereken)
    for pad in sorted((repo / "tests" / "golden").glob("*.json")):
        geval = json.loads(pad.read_text(encoding="utf-8"))
        casus = invoer / f"golden__{pad.stem}.json"
        casus.write_text(json.dumps(geval["invoer"], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for formaat in ("json", "tekst"):
            lijst.append(Opdracht(f"bereken/golden__{pad.stem}__{formaat}",
                                  ["bereken", str(casus), "--format", formaat]))

    # the examples, by their path relative to the checkout (as a user types it)
    for pad in sorted((repo / "voorbeelden").glob("*.json")):
        shutil.copyfile(pad, invoer / f"voorbeelden__{pad.name}")
        for formaat in ("json", "tekst"):
            lijst.append(Opdracht(f"bereken/voorbeeld__{pad.stem}__{formaat}",
                                  ["bereken", f"voorbeelden/{pad.name}", "--format", formaat]))

    # error paths: invalid case (non-zero exit: stderr and exit code are compared too)
    fout = json.loads((repo / "voorbeelden" / "huurder_borne_E_naar_B.json").read_text(encoding="utf-8"))
    fout["woning"]["energielabel"] = "H"
    fout["woning"]["oppervlakte_m2"] = -5
    fout_pad = invoer / "fout__ongeldige_casus.json"
    fout_pad.write_text(json.dumps(fout, indent=2) + "\n", encoding="utf-8")
    lijst.append(Opdracht("bereken/fout__ongeldige_casus", ["bereken", str(fout_pad)]))

    lijst.append(Opdracht("schema", ["schema"]))

    # the sample portfolio: every scenario × date to CSV, plus one .xlsx and the per-complex table on stdout
    voorbeeld = "data/voorbeeld_portefeuille.csv"
    shutil.copyfile(repo / voorbeeld, invoer / "voorbeeld_portefeuille.csv")
    for scenario in SCENARIOS:
        for datum in PEILDATA_VOORBEELD:
            naam = f"portefeuille/voorbeeld__{_bestandsnaam(scenario)}__{datum}"
            lijst.append(Opdracht(naam, ["portefeuille", voorbeeld, "--scenario", scenario, "--peildatum", datum,
                                         "--uit", str(uit / f"{naam}.csv")], uit=Path(f"{naam}.csv")))
        naam = f"portefeuille/voorbeeld__{_bestandsnaam(scenario)}__2025-06-01__stdout"
        lijst.append(Opdracht(naam, ["portefeuille", voorbeeld, "--scenario", scenario, "--peildatum", "2025-06-01"]))
    naam = "portefeuille/voorbeeld__label-B__2025-06-01__xlsx"
    xlsx = Path(NIET_VERGELEKEN) / "voorbeeld__label-B__2025-06-01.xlsx"
    lijst.append(Opdracht(naam, ["portefeuille", voorbeeld, "--scenario", "label-B", "--peildatum", "2025-06-01",
                                 "--uit", str(uit / xlsx)], uit=xlsx))
    lijst.append(Opdracht("portefeuille/fout__onbekend_scenario",
                          ["portefeuille", voorbeeld, "--scenario", "label-Z", "--peildatum", "2025-06-01"]))
    lijst.append(Opdracht("portefeuille/fout__ongeldige_peildatum",
                          ["portefeuille", voorbeeld, "--scenario", "label-B", "--peildatum", "2025-13-01"]))

    # the generated 60k portfolio
    groot = uit / "invoer_60k.csv"
    maak_60k(groot)
    for scenario in ("label-B", "label-A"):
        for datum in PEILDATA_60K:
            naam = f"portefeuille/60k__{scenario}__{datum}"
            lijst.append(Opdracht(naam, ["portefeuille", str(groot), "--scenario", scenario, "--peildatum", datum,
                                         "--uit", str(uit / f"{naam}.csv")], uit=Path(f"{naam}.csv")))
    return lijst


def _omgeving(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WOONLASTEN_DATA", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["WOONLASTEN_CACHE"] = str(cache)
    return env


def _normaliseer(data: bytes, uit: Path, repo: Path) -> bytes:
    for pad, teken in ((uit, b"<UIT>"), (repo, b"<REPO>")):
        data = data.replace(str(pad).encode(), teken)
    return data


def xlsx_naar_csv(pad: Path) -> bytes:
    """The cell values of every sheet as CSV (repr per cell: text quoted, numbers not, empty = nothing)."""
    from openpyxl import load_workbook

    wb = load_workbook(pad, read_only=True, data_only=True)
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\n")
    try:
        for blad in wb.worksheets:
            schrijver.writerow([f"# blad {blad.title}"])
            for rij in blad.iter_rows(values_only=True):
                schrijver.writerow(["" if w is None else repr(w) for w in rij])
    finally:
        wb.close()
    return buffer.getvalue().encode("utf-8")


def voer_uit(o: Opdracht, repo: Path, uit: Path, env: dict[str, str]) -> tuple[int, float]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "woonlasten", *o.argumenten], cwd=repo, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=600, check=False)
    duur = time.perf_counter() - t0
    basis = uit / o.naam
    Path(f"{basis}.stdout").write_bytes(_normaliseer(p.stdout, uit, repo))
    if p.returncode != 0:
        Path(f"{basis}.stderr").write_bytes(_normaliseer(p.stderr, uit, repo))
        Path(f"{basis}.exitcode").write_text(f"{p.returncode}\n", encoding="utf-8")
    elif p.stderr.strip():  # a warning on success is not compared, but shown
        print(f"  let op: {o.naam} schreef naar stderr:\n{p.stderr.decode(errors='replace')[:2000]}",
              file=sys.stderr)
    if o.uit is not None and o.uit.suffix == ".xlsx" and p.returncode == 0:
        Path(f"{basis}.xlsx.csv").write_bytes(xlsx_naar_csv(uit / o.uit))
    return p.returncode, duur


def _controleer_checkout(repo: Path, env: dict[str, str]) -> None:
    """The CLI must import the package of this checkout (not an installed copy or another worktree)."""
    p = subprocess.run([sys.executable, "-c", "import woonlasten; print(woonlasten.__file__)"], cwd=repo, env=env,
                       capture_output=True, text=True, check=False)
    if p.returncode != 0:
        raise SystemExit(f"woonlasten is niet te importeren in {repo}:\n{p.stderr}")
    gevonden = Path(p.stdout.strip()).resolve()
    if repo not in gevonden.parents:
        raise SystemExit(f"woonlasten komt uit {gevonden}, niet uit {repo}")


def draai(uit: Path, repo: Path, jobs: int) -> int:
    repo = repo.resolve()
    if not (repo / "woonlasten").is_dir():
        raise SystemExit(f"{repo} is geen woonlasten-checkout (geen map woonlasten/)")
    uit = uit.resolve()
    if uit.exists() and any(uit.iterdir()):
        raise SystemExit(f"{uit} bestaat al en is niet leeg; kies een nieuwe map of verwijder deze eerst")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vergelijk-cache-") as cache:
        env = _omgeving(Path(cache))
        _controleer_checkout(repo, env)  # before OUT_DIR is made: a failed check leaves nothing behind
        uit.mkdir(parents=True, exist_ok=True)
        (uit / NIET_VERGELEKEN).mkdir()
        lijst = opdrachten(repo, uit)
        for o in lijst:  # every folder exists before the runs start (a --uit into a missing folder fails)
            (uit / o.naam).parent.mkdir(parents=True, exist_ok=True)
            if o.uit is not None:
                (uit / o.uit).parent.mkdir(parents=True, exist_ok=True)
        print(f"{len(lijst)} opdrachten voor {repo} ({jobs} tegelijk) ...")
        # first run alone: it fills this run's table cache for the others
        resultaten = {lijst[0].naam: voer_uit(lijst[0], repo, uit, env)}
        with ThreadPoolExecutor(jobs) as pool:
            for o, r in zip(lijst[1:], pool.map(lambda o: voer_uit(o, repo, uit, env), lijst[1:]), strict=True):
                resultaten[o.naam] = r
    regels = []
    for o in sorted(lijst, key=lambda o: o.naam):
        code, _ = resultaten[o.naam]
        regels.append(f"{o.naam}\texit {code}\tpython -m woonlasten "
                      + " ".join(_normaliseer(a.encode(), uit, repo).decode() for a in o.argumenten))
    (uit / "opdrachten.txt").write_text("\n".join(regels) + "\n", encoding="utf-8")
    traagst = sorted(resultaten.items(), key=lambda kv: -kv[1][1])[:3]
    niet_nul = [naam for naam, (code, _) in resultaten.items() if code != 0]
    n_bestanden = sum(1 for _ in _bestanden(uit))
    print(f"Klaar in {time.perf_counter() - t0:.1f} s: {n_bestanden} bestanden in {uit}")
    print("Traagste: " + ", ".join(f"{naam} {duur:.1f} s" for naam, (_, duur) in traagst))
    if niet_nul:
        print(f"Exitcode ≠ 0 (stderr en exitcode bewaard): {', '.join(sorted(niet_nul))}")
    return 0


# ----------------------------------------------------------------------------------------------------------
# Comparing


def _bestanden(map_: Path) -> list[str]:
    uit = []
    for pad in map_.rglob("*"):
        rel = pad.relative_to(map_)
        if pad.is_file() and rel.parts[0] != NIET_VERGELEKEN:
            uit.append(rel.as_posix())
    return sorted(uit)


def _eerste_verschil(a: bytes, b: bytes) -> str:
    """Where two byte strings first differ (like ``cmp``), with the differing line of both."""
    n = min(len(a), len(b))
    stap, i = 1 << 16, 0
    while i < n and a[i:i + stap] == b[i:i + stap]:  # whole chunks first, then byte by byte in the differing one
        i += stap
    i = min(i, n)
    while i < n and a[i] == b[i]:
        i += 1
    if i == n:
        return f"gelijk t/m byte {n}, daarna EOF in {'A' if len(a) == n else 'B'} (lengte {len(a)} tegen {len(b)})"
    regel = a.count(b"\n", 0, i) + 1
    begin = a.rfind(b"\n", 0, i) + 1

    def toon(x: bytes) -> str:
        eind = x.find(b"\n", begin)
        return x[begin:eind if eind >= 0 else len(x)][:300].decode("utf-8", errors="replace")

    return f"byte {i + 1}, regel {regel} (lengte {len(a)} tegen {len(b)})\n    A: {toon(a)}\n    B: {toon(b)}"


def vergelijk(a: Path, b: Path) -> int:
    for m in (a, b):
        if not m.is_dir():
            raise SystemExit(f"{m} is geen map")
    fa, fb = _bestanden(a), _bestanden(b)
    alle = sorted(set(fa) | set(fb))
    verschillen = 0
    for rel in alle:
        if rel not in fb:
            print(f"ontbreekt in B: {rel}")
        elif rel not in fa:
            print(f"ontbreekt in A: {rel}")
        else:
            da, db = (a / rel).read_bytes(), (b / rel).read_bytes()
            if da == db:
                continue
            print(f"verschilt: {rel}: {_eerste_verschil(da, db)}")
        verschillen += 1
    if verschillen:
        print(f"{verschillen} van {len(alle)} bestanden verschillen of ontbreken.")
        return 1
    print(f"Alle {len(alle)} bestanden zijn byte-voor-byte gelijk.")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="CLI-uitvoer van een checkout vastleggen, of twee uitvoermappen vergelijken.")
    p.add_argument("uit", nargs="?", type=Path, help="uitvoermap (moet nieuw of leeg zijn)")
    p.add_argument("--repo", type=Path, default=HIER, help="checkout waarvan de CLI draait (standaard: deze repo)")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="CLI-runs tegelijk (standaard 2)")
    p.add_argument("--cmp", nargs=2, type=Path, metavar=("MAP_A", "MAP_B"), help="vergelijk twee uitvoermappen")
    args = p.parse_args(argv)
    if args.cmp:
        if args.uit is not None:
            p.error("--cmp neemt geen uitvoermap")
        return vergelijk(*args.cmp)
    if args.uit is None:
        p.error("geef een uitvoermap of --cmp MAP_A MAP_B")
    return draai(args.uit, args.repo, max(1, args.jobs))


if __name__ == "__main__":
    sys.exit(main())
