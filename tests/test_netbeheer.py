"""Network operators: every gemeente has an operator for electricity and gas, every mapped operator has network costs
for 2022-2026, the incl./excl. BTW arithmetic in the explanations holds, and the calculation follows the operator."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from woonlasten import bereken

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


def test_every_gemeente_has_an_operator_for_each_carrier():
    """All 342 gemeenten of gemeente_waterschap.csv, once per carrier, none falling back to the national average."""
    gemeenten = {r["gemeente"] for r in _lees("tariffs/gemeente_waterschap.csv")}
    rijen = _lees("tariffs/netbeheerder_gemeente.csv")
    paren = [(r["gemeente"], r["drager"]) for r in rijen]
    assert len(paren) == len(set(paren)), "een gemeente staat dubbel voor een drager"
    for drager in DRAGERS:
        ontbrekend = sorted(gemeenten - {g for g, d in paren if d == drager})
        assert not ontbrekend, f"{drager}: geen netbeheerder voor {ontbrekend[:10]}"
    bekend = {"Coteq", "Enexis", "Liander", "RENDO", "Stedin", "Westland Infra"}
    assert {r["netbeheerder"] for r in rijen} == bekend


def test_every_mapping_row_is_an_estimate_with_source_and_explanation():
    """No operator's own service-area list was read: every row is `schatting`, says so, and a split gemeente says
    that it is split."""
    for r in _lees("tariffs/netbeheerder_gemeente.csv"):
        assert r["status"] == "schatting", (r["gemeente"], r["drager"])
        assert r["bron"].strip() and r["toelichting"].strip(), (r["gemeente"], r["drager"])
        assert "eancodeboek.nl" in r["toelichting"]
    per = {(r["gemeente"], r["drager"]): r for r in _lees("tariffs/netbeheerder_gemeente.csv")}
    for sleutel in (("Hof van Twente", "elektriciteit"), ("Zuidplas", "elektriciteit"), ("Hardenberg", "gas")):
        assert "Gedeeld" in per[sleutel]["toelichting"], sleutel


@pytest.mark.parametrize("gemeente, drager, netbeheerder", [
    ("Utrecht", "elektriciteit", "Stedin"), ("Rotterdam", "gas", "Stedin"), ("Middelburg", "elektriciteit", "Stedin"),
    ("Leiden", "elektriciteit", "Liander"), ("Arnhem", "gas", "Liander"), ("Leeuwarden", "elektriciteit", "Liander"),
    ("Groningen", "gas", "Enexis"), ("Eindhoven", "elektriciteit", "Enexis"), ("Maastricht", "gas", "Enexis"),
    ("Westland", "elektriciteit", "Westland Infra"), ("Meppel", "gas", "RENDO"), ("Almelo", "elektriciteit", "Coteq"),
    ("Borne", "gas", "Coteq"), ("Borne", "elektriciteit", "Enexis"),
])
def test_sample_operators(gemeente, drager, netbeheerder):
    per = {(r["gemeente"], r["drager"]): r["netbeheerder"] for r in _lees("tariffs/netbeheerder_gemeente.csv")}
    assert per[(gemeente, drager)] == netbeheerder


BEREKENING = re.compile(r"(\d+\.\d+) incl\. btw / 1\.21 = (\d+\.\d+)")


def test_the_btw_arithmetic_in_every_explanation_holds():
    """Where a row says 'X incl. btw / 1.21 = Y', Y is X / 1.21 within a cent (X itself may be rounded, e.g. Enexis gas
    2026: 266.396 incl. / 1.21 = 220.16, written as 266.40) and is the row's amount (for the 2025 Coteq gas row the
    sentence is about the final sheet, not the row's amount)."""
    gezien = 0
    for r in _lees("tariffs/netbeheer.csv"):
        for incl, excl in BEREKENING.findall(r["toelichting"]):
            assert round(float(incl) / 1.21, 2) == pytest.approx(float(excl), abs=0.011), r["toelichting"][:80]
            gezien += 1
        treffers = BEREKENING.findall(r["toelichting"])
        if treffers and not (r["netbeheerder"] == "Coteq" and r["drager"] == "gas"):
            assert float(treffers[-1][1]) == pytest.approx(float(r["netbeheerkosten_jaar_excl_btw"]), abs=0.006), r
    assert gezien >= 15


def test_the_new_operators_rows_from_the_2025_sheets():
    """Stedin, RENDO and Westland Infra 2025, incl. btw as transcribed from the sheets, / 1.21:
    Stedin E 473.79 / 1.21 = 391.56, G 259.43 / 1.21 = 214.40; RENDO E 386.94 / 1.21 = 319.79, G 255.59 / 1.21 = 211.23;
    Westland Infra E 521.24 / 1.21 = 430.78, G 223.14 / 1.21 = 184.41."""
    verwacht = {("Stedin", "elektriciteit"): 391.56, ("Stedin", "gas"): 214.40, ("RENDO", "elektriciteit"): 319.79,
                ("RENDO", "gas"): 211.23, ("Westland Infra", "elektriciteit"): 430.78, ("Westland Infra", "gas"): 184.41}
    for r in _lees("tariffs/netbeheer.csv"):
        if (r["netbeheerder"], r["drager"]) in verwacht and r["geldig_vanaf"] == "2025-01-01":
            assert float(r["netbeheerkosten_jaar_excl_btw"]) == verwacht.pop((r["netbeheerder"], r["drager"]))
    assert not verwacht


def test_a_tenant_in_westland_pays_westland_infra():
    """Westland 2025, 2500 kWh: (2500 × (0.1275 + 0.10154) + vaste levering 87.40 + Westland Infra 430.78
    − vermindering 524.95) × 1.21 / 12 = 565.83 × 1.21 / 12 = 57.05 per month."""
    casus = {"peildatum": "2025-03-01", "gemeente": "Westland", "rol": "huurder",
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 80, "energielabel": "C", "bouwjaar": 1985,
                        "verwarming": "gasketel"},
             "huishouden": {"personen": 2}, "verbruik": {"gas_m3": 1200, "elektriciteit_kwh": 2500},
             "huur": {"kale_huur": 800}}
    r = bereken(casus)
    assert r.voor.energie.elektriciteit == pytest.approx(57.05, abs=0.01)
    assert any("Westland Infra: € 430,78" in t.tekst for t in r.toelichting)
