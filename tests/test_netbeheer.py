"""Network operators: every mapped gemeente exists, every operator has network costs for 2022-2026, and no source
cites a project note."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JAREN = range(2022, 2027)
DRAGERS = ("elektriciteit", "gas")


def _lees(pad: str) -> list[dict[str, str]]:
    with open(ROOT / pad, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _geldig_in(rij: dict[str, str], jaar: int) -> bool:
    vanaf = rij["geldig_vanaf"]
    tot = rij["geldig_tot"] or "9999-12-31"
    return vanaf <= f"{jaar}-01-01" and tot >= f"{jaar}-12-31"


def test_every_mapped_gemeente_exists_in_local_taxes():
    gemeenten = {r["gemeente"] for r in _lees("tariffs/gemeentelijke_belastingen.csv")}
    onbekend = sorted({r["gemeente"] for r in _lees("tariffs/netbeheerder_gemeente.csv")} - gemeenten)
    assert not onbekend, f"niet in gemeentelijke_belastingen.csv: {onbekend}"


def test_sample_gemeenten_are_mapped_for_both_carriers():
    paren = {(r["gemeente"], r["drager"]) for r in _lees("tariffs/netbeheerder_gemeente.csv")}
    for gemeente in ("Almelo", "Amsterdam", "Borne", "Enschede", "Hengelo"):
        for drager in DRAGERS:
            assert (gemeente, drager) in paren, (gemeente, drager)


def test_every_operator_has_network_costs_2022_2026():
    netbeheer = _lees("tariffs/netbeheer.csv")
    nodig = {(r["netbeheerder"], r["drager"]) for r in _lees("tariffs/netbeheerder_gemeente.csv")}
    nodig |= {("landelijk gemiddelde", d) for d in DRAGERS}
    # a gap would be stated here, e.g. {("Rendo", "gas", 2022): "tariefblad niet gevonden"}; there is none now
    gaten: dict[tuple[str, str, int], str] = {}
    for netbeheerder, drager in sorted(nodig):
        for jaar in JAREN:
            if (netbeheerder, drager, jaar) in gaten:
                continue
            rijen = [r for r in netbeheer if r["netbeheerder"] == netbeheerder and r["drager"] == drager
                     and _geldig_in(r, jaar)]
            assert len(rijen) == 1, f"{netbeheerder} {drager} {jaar}: {len(rijen)} rijen"
