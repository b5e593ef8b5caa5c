"""Local taxes by role (issue 14): what a tenant and an owner pay, the tenant's rioolheffing where the gemeente's
split between owner and user is unknown, and checks on the data of the local-tax tables."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from woonlasten import bereken
from woonlasten.bereken import bereken_frame
from woonlasten.casus import casus_naar_rij
from woonlasten.modellen import Casus
from woonlasten.regels.lokale_lasten import WAARSCHUWING_ANDER_JAAR, WAARSCHUWING_RIOOL

PROJECT = Path(__file__).parent.parent
GEMEENTEN = PROJECT / "tariffs" / "gemeentelijke_belastingen.csv"


def _rijen(pad: Path) -> list[dict[str, str]]:
    with open(pad, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _casus(gemeente: str, rol: str = "huurder", peildatum: str = "2025-03-01", **huur) -> dict:
    casus = {"peildatum": peildatum, "gemeente": gemeente, "rol": rol,
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 80, "energielabel": "C", "bouwjaar": 1985,
                        "verwarming": "gasketel", "woz_waarde": 300000},
             "huishouden": {"personen": 2}}
    if huur:
        casus["huur"] = huur
    return casus


def _toelichting(r) -> str:
    return " ".join(t.tekst for t in r.toelichting)


# ---------------------------------------------------------------------------------------------------------
# the data


def test_tenant_parts_are_at_most_the_owner_parts_for_every_gemeente_and_year():
    """A tenant pays afval and the user part of the riool; an owner also the owner parts and the OZB."""
    for rij in _rijen(GEMEENTEN):
        for woz in (0, 300_000):
            huurder = float(rij["afvalstoffenheffing_meerpersoons_jaar"]) + float(rij["rioolheffing_gebruiker_jaar"])
            eigenaar = huurder + float(rij["rioolheffing_eigenaar_jaar"] or 0) + woz / 100 * (
                float(rij["rioolheffing_eigenaar_pct_woz"] or 0) + float(rij["ozb_eigenaar_pct_woz"] or 0))
            assert huurder <= eigenaar, (rij["gemeente"], rij["geldig_vanaf"])
            assert float(rij["afvalstoffenheffing_eenpersoons_jaar"]) <= \
                float(rij["afvalstoffenheffing_meerpersoons_jaar"]) + 1e-9, (rij["gemeente"], rij["geldig_vanaf"])


def test_every_row_says_whether_the_riool_split_is_known():
    rijen = _rijen(GEMEENTEN)
    assert {r["riool_verdeling"] for r in rijen} == {"bekend", "onbekend"}
    bekend = {(r["gemeente"], r["geldig_vanaf"][:4]) for r in rijen if r["riool_verdeling"] == "bekend"}
    assert {("Borne", "2022"), ("Borne", "2023"), ("Amsterdam", "2025"), ("Amsterdam", "2026"),
            ("Enschede", "2025"), ("Enschede", "2026")} | {("Hengelo", str(j)) for j in range(2022, 2027)} == bekend
    for r in rijen:  # a COELO total of unknown split sits whole in the user column, the owner columns empty
        if r["riool_verdeling"] == "onbekend":
            assert float(r["rioolheffing_eigenaar_jaar"] or 0) == 0 and float(r["rioolheffing_eigenaar_pct_woz"] or 0) == 0


def test_every_gemeente_with_2025_rows_has_2026_rows_of_the_same_method():
    rijen = _rijen(GEMEENTEN)
    per = {(r["gemeente"], r["geldig_vanaf"][:4]): r for r in rijen}
    for (gemeente, jaar), r in per.items():
        if jaar == "2025":
            assert r["geldig_tot"] == "2025-12-31"
            nieuw = per[(gemeente, "2026")]
            assert nieuw["geldig_vanaf"] == "2026-01-01" and nieuw["geldig_tot"] == "2026-12-31"
            assert nieuw["methode"] == r["methode"] and nieuw["riool_verdeling"] == r["riool_verdeling"], gemeente
            assert "Gemeentelijke_belastingen_2026.xlsx" in nieuw["bron"]
            if nieuw["methode"] == "coelo":
                assert nieuw["status"] == "schatting", gemeente


TABELLEN = sorted(p for p in list((PROJECT / "tariffs").glob("*.csv")) + list((PROJECT / "labels").glob("*.csv"))
                  if "bron" in (_rijen(p)[0] if _rijen(p) else {}))
NOTITIES = re.compile(r"shared/reference|projectnotities|shared/", re.IGNORECASE)


@pytest.mark.parametrize("pad", TABELLEN, ids=[p.name for p in TABELLEN])
def test_every_bron_is_a_url_or_a_named_document_never_the_projects_notes(pad):
    """Every data table of tariffs/ and labels/: a source on every row, never a path of this project's notes."""
    for i, rij in enumerate(_rijen(pad), start=2):
        bron = (rij["bron"] or "").strip()
        assert bron, f"{pad.name}, regel {i}: geen bron"
        assert not NOTITIES.search(bron), f"{pad.name}, regel {i}: bron verwijst naar projectnotities: {bron[:80]}"


# ---------------------------------------------------------------------------------------------------------
# the rule


def test_a_tenant_where_the_split_is_unknown_pays_the_coelo_total_with_a_note():
    # Almere 2025 (COELO, split unknown): riool 249,18 per year
    r = bereken(_casus("Almere"))
    assert r.voor.lokale_lasten.rioolheffing == pytest.approx(249.18 / 12, abs=0.005)
    assert WAARSCHUWING_RIOOL.removeprefix("Let op: rioolheffing: ") in _toelichting(r)  # under its own subject


def test_the_tenants_own_rioolheffing_replaces_it_and_the_note_goes():
    r = bereken(_casus("Almere", rioolheffing_jaar=120.0))
    assert r.voor.lokale_lasten.rioolheffing == pytest.approx(10.0)
    assert WAARSCHUWING_RIOOL not in _toelichting(r) and "Eigen opgave: € 120,00" in _toelichting(r)
    assert bereken(_casus("Almere", rioolheffing_jaar=0.0)).voor.lokale_lasten.rioolheffing == 0.0


def test_an_owner_keeps_owner_and_user_parts_and_gets_no_note():
    r = bereken(_casus("Almere", rol="eigenaar"))
    assert r.voor.lokale_lasten.rioolheffing == pytest.approx(249.18 / 12, abs=0.005)
    assert WAARSCHUWING_RIOOL not in _toelichting(r)
    # Amsterdam: the owner pays the eigenarendeel, the tenant nothing
    assert bereken(_casus("Amsterdam", rol="eigenaar")).voor.lokale_lasten.rioolheffing == pytest.approx(
        185.20 / 12, abs=0.005)
    huurder = bereken(_casus("Amsterdam"))
    assert huurder.voor.lokale_lasten.rioolheffing == 0.0 and WAARSCHUWING_RIOOL not in _toelichting(huurder)


def test_the_note_joins_the_date_note_in_the_column_waarschuwing():
    datums = [("Almere", "2025-03-01", None), ("Almere", "2150-03-01", None), ("Enschede", "2025-03-01", None),
              ("Almere", "2025-03-01", 100.0)]
    invoer = pd.DataFrame([casus_naar_rij(Casus.model_validate(_casus(g, peildatum=d, **(
        {"rioolheffing_jaar": e} if e is not None else {})))) for g, d, e in datums])
    w = list(bereken_frame(invoer)["waarschuwing"].astype(str))
    assert w[0] == WAARSCHUWING_RIOOL
    # 2150: the date note, the riool note, and the local taxes' own fallback to their nearest period
    assert w[1].startswith("Let op: voor 2150") and w[1].endswith(" " + WAARSCHUWING_RIOOL + " "
                                                                   + WAARSCHUWING_ANDER_JAAR)
    assert w[2] == "" and w[3] == ""


def test_hengelos_change_of_method_is_explained():
    tekst = _toelichting(bereken(_casus("Hengelo")))
    assert "tot en met 2024 is gerekend met het eigen tarief van de gemeente, vanaf 2025 met het COELO-gemiddelde" \
        in tekst
    assert "methodewissel" not in _toelichting(bereken(_casus("Hengelo", peildatum="2024-03-01")))


def test_the_input_field_is_declared_with_its_bounds():
    assert "rioolheffing_jaar" in json.dumps(Casus.model_json_schema())
    with pytest.raises(ValueError):
        Casus.model_validate(_casus("Almere", rioolheffing_jaar=2500))


# found by the review at the end of session 5

def test_one_person_pays_the_one_person_rioolheffing_where_the_gemeente_has_one():
    """COELO 2025, Valkenburg aan de Geul: riool eenpersoons 108,96, meerpersoons 341,04 per jaar (kolommen S/U).
    One person: 108,96 / 12 = 9,08 per month (it was charged 341,04 / 12 = 28,42)."""
    een = _casus("Valkenburg aan de Geul")
    een["huishouden"]["personen"] = 1
    assert bereken(een).voor.lokale_lasten.rioolheffing == pytest.approx(9.08, abs=0.005)
    twee = _casus("Valkenburg aan de Geul")
    assert bereken(twee).voor.lokale_lasten.rioolheffing == pytest.approx(28.42, abs=0.005)


def test_an_owners_own_rioolheffing_replaces_both_parts():
    """Almelo owner with the aanslag's rioolheffing of € 100 a year: 100 / 12 = 8,33 per month, no WOZ part added."""
    r = bereken(_casus("Almelo", rol="eigenaar", rioolheffing_jaar=100.0))
    assert r.voor.lokale_lasten.rioolheffing == pytest.approx(8.33, abs=0.005)
    assert "Eigen opgave: € 100,00 per jaar" in _toelichting(r)


def test_a_local_tax_from_another_year_is_noted_in_the_column_waarschuwing():
    """Amsterdam on 2024-06-01: the gemeente's and the waterschap's 2025 rows are used; the portfolio's melding
    must say so (it was empty)."""
    invoer = pd.DataFrame([casus_naar_rij(Casus.model_validate(_casus("Amsterdam", peildatum="2024-06-01")))])
    assert WAARSCHUWING_ANDER_JAAR in str(bereken_frame(invoer)["waarschuwing"].iloc[0])
