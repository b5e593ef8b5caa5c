"""Golden cases outside Twente (issue 14): a tenant and an owner in Utrecht, whose network operator is Stedin, worked
out by hand from the rows of the tables (the Amsterdam cases are in tests/golden/)."""

from __future__ import annotations

import pytest

from woonlasten import bereken

WONING = {"woningtype": "tussenwoning", "oppervlakte_m2": 80, "energielabel": "C", "bouwjaar": 1985,
          "verwarming": "gasketel"}
VERBRUIK = {"gas_m3": 1200, "elektriciteit_kwh": 2500}


def _utrecht(rol: str, **extra) -> dict:
    return {"peildatum": "2025-03-01", "gemeente": "Utrecht", "rol": rol, "woning": dict(WONING, **extra.pop("woning", {})),
            "huishouden": {"personen": 2}, "verbruik": VERBRUIK, **extra}


# Energy 2025, the same for tenant and owner (Stedin, tariffs/netbeheer.csv; btw 21 %):
#   gas: 1200 m³ × (levering 0,5090 + energiebelasting 0,57816) = 1304,592 + vaste levering 75,54
#        + netbeheer Stedin gas 214,40 (259,43 incl. / 1,21) = 1594,532 excl. btw × 1,21 / 12 = 160,78 per month
#   electricity: 2500 kWh × (0,1275 + 0,10154) = 572,60 + vaste levering 87,40 + netbeheer Stedin 391,56
#        (473,79 incl. / 1,21) − vermindering 524,95 = 526,61 excl. btw × 1,21 / 12 = 53,10 per month
#   (with the national average the electricity would be (572,60 + 87,40 + 387,18 − 524,95) × 1,21 / 12 = 52,66)
ENERGIE = {"gas": 160.78, "elektriciteit": 53.10}


def _controleer(r, **lokaal: float) -> None:
    """The energy of both cases and the given local taxes (€ per month, to the cent)."""
    for naam, bedrag in ENERGIE.items():
        assert getattr(r.voor.energie, naam) == pytest.approx(bedrag, abs=0.01), naam
    for naam, bedrag in lokaal.items():
        assert getattr(r.voor.lokale_lasten, naam) == pytest.approx(bedrag, abs=0.01), naam


def test_tenant_in_utrecht_2025():
    r = bereken(_utrecht("huurder", huur={"kale_huur": 800}))
    # COELO 2025, Utrecht: afval meerpersoons 477,20 / 12 = 39,77; riool 254,13 / 12 = 21,18 (split unknown: the
    # whole COELO amount, with a note); no OZB; De Stichtse Rijnlanden 2025: (3 VE × 73,65 + ingezetenen 117,23) / 12
    # = 338,18 / 12 = 28,18
    _controleer(r, afvalstoffenheffing=39.77, rioolheffing=21.18, ozb=0.0, waterschap=28.18)
    teksten = " ".join(t.tekst for t in r.toelichting)
    assert "Stedin: € 391,56" in teksten and "Stedin: € 214,40" in teksten


def test_owner_in_utrecht_2025():
    r = bereken(_utrecht("eigenaar", woning={"woz_waarde": 350000}))
    # OZB 350.000 × 0,0895 % = 313,25 / 12 = 26,10; afval 39,77 and riool 21,18 as the tenant;
    # waterschap: 338,18 + gebouwd 350.000 × 0,0227 % = 79,45 → 417,63 / 12 = 34,80
    _controleer(r, afvalstoffenheffing=39.77, rioolheffing=21.18, ozb=26.10, waterschap=34.80)
