"""Owners and buyers: investment, ISDE, loan, monthly effect, payback; worked by hand from tariffs/ and labels/."""

import pytest

from woonlasten import InvoerFout, bereken
from woonlasten.regels.financiering import annuiteit

# Estimated space heating of the reference dwelling (tussenwoning, 85 m², label E, labels/ruimteverwarming.csv):
#   85 × 11,50 / 1,04 = 939,90 m³; tap water 282,3 + cooking 36,2 m³ (3 persons, labels/tapwater_koken.csv)
RUIMTE = 85 * 11.50 / 1.04
# 2025 all-in gas price per m³ (default delivery 0,5090 + EB 0,57816) × 1,21
GAS_2025 = (0.5090 + 0.57816) * 1.21


def _eigenaar(peildatum="2025-06-01", maatregelen=(), financiering=None, naar_label=None, **woning):
    c = {"peildatum": peildatum, "gemeente": "Borne", "rol": "eigenaar",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "woz_waarde": 280000,
                    **woning},
         "huishouden": {"personen": 3, "inkomen_jaar": 75000},
         "ingreep": {"maatregelen": list(maatregelen)}}
    if naar_label:
        c["ingreep"]["naar_label"] = naar_label
    if financiering is not None:
        c["financiering"] = financiering
    return bereken(c)


def test_annuity_at_zero_and_positive_rate():
    # 10.000 over 10 years at 0%: 10.000 / 120 = 83,33
    assert annuiteit(10_000, 0.0, 10) == pytest.approx(83.333, abs=0.001)
    # at 4,35%: r = 0,0435 / 12 = 0,003625; 10.000 × r / (1 − (1 + r)^−120) = 102,92
    assert annuiteit(10_000, 4.35, 10) == pytest.approx(102.92, abs=0.005)


def test_warmtefonds_rate_by_income_2024():
    # warmtefonds.csv from 2024: 0% up to € 60.000, else 4,35%; the 10.000 loan comes from a given investment
    fin = {"vorm": "warmtefonds", "looptijd_jaar": 10, "investering": 10_000}
    boven = _eigenaar("2024-06-01", ["vloerisolatie"], fin)
    assert boven.financiering.rente_pct == 4.35
    # ISDE 2024 vloerisolatie (isde.csv): standard 64,2 m² × € 5,50 = € 353,10; the loan is the rest
    assert boven.financiering.subsidie == pytest.approx(353.10)
    assert boven.financiering.lening == pytest.approx(10_000 - 353.10)
    assert boven.financiering.maandlast == pytest.approx(annuiteit(boven.financiering.lening, 4.35, 10), abs=0.005)


def test_isde_2025_one_measure_single_amount():
    # isde.csv 2025 spouwmuur: € 5,25 per m² single; 40 m² → € 210,00
    r = _eigenaar(maatregelen=[{"naam": "spouwmuurisolatie", "hoeveelheid": 40}])
    assert r.financiering.subsidie == pytest.approx(210.00)


def test_isde_2025_two_measures_double_amount():
    # two measures: 40 × 10,50 + 60 × 32,50 = 420 + 1.950 = 2.370
    r = _eigenaar(maatregelen=[{"naam": "spouwmuurisolatie", "hoeveelheid": 40},
                               {"naam": "dakisolatie", "hoeveelheid": 60}])
    assert r.financiering.subsidie == pytest.approx(2370.00)


def test_isde_2025_earlier_measure_within_24_months_doubles_a_single_one():
    r = _eigenaar(maatregelen=[{"naam": "spouwmuurisolatie", "hoeveelheid": 40}],
                  financiering={"eerdere_isolatiemaatregel": True})
    assert r.financiering.subsidie == pytest.approx(420.00)


def test_isde_2022_requires_two_measures():
    # 2022: one measure → nothing; two: 40 × 8 + 60 × 30 = 320 + 1.800 = 2.120
    een = _eigenaar("2022-05-01", [{"naam": "spouwmuurisolatie", "hoeveelheid": 40}])
    assert een.financiering.subsidie == 0.0
    twee = _eigenaar("2022-05-01", [{"naam": "spouwmuurisolatie", "hoeveelheid": 40},
                                    {"naam": "dakisolatie", "hoeveelheid": 60}])
    assert twee.financiering.subsidie == pytest.approx(2120.00)


def test_isde_below_minimum_area_gets_nothing():
    r = _eigenaar(maatregelen=[{"naam": "spouwmuurisolatie", "hoeveelheid": 5}])  # minimum 10 m²
    assert r.financiering.subsidie == 0.0


def test_hybrid_heat_pump_2025():
    # ISDE 2025 hybrid: 1.250 + 225 per kW above the first, 4 kW → 1.250 + 3 × 225 = 1.925
    r = _eigenaar(maatregelen=["hybride_warmtepomp"])
    assert r.financiering.subsidie == pytest.approx(1925.00)
    assert r.verbruik.verwarming_na == "hybride_warmtepomp"
    # label after: 1,6 typical steps → E → D; hybrid share at D 0,52 (labels/warmtepomp.csv), SPF 4,25:
    #   gas after = 939,90 × (1 − 0,52) + 318,5 = 769,65 m³
    #   extra electricity = 939,90 × 1,04 × 0,03165 GJ/m³ × 277,78 kWh/GJ × 0,52 / 4,25 = 1.051 kWh
    assert r.verbruik.energielabel_na == "D"
    assert r.verbruik.gas_m3_na == pytest.approx(770, abs=1)
    assert r.verbruik.elektriciteit_kwh_na - r.verbruik.elektriciteit_kwh_voor == pytest.approx(1051, abs=1)
    assert r.na.energie.gas > 0  # the gas connection stays with a hybrid


def test_solar_panels_2026_with_saldering_and_2027_without():
    # 8 panels × 380 kWh (labels/maatregel_effect.csv, tussenwoning) = 3.040 kWh; use 3.370 kWh (3 persons)
    # 2026 (saldering): all 3.040 kWh at (0,1189 + 0,09161) × 1,21 → −3.040 × 0,25472 / 12 = −64,53 per month
    r26 = _eigenaar("2026-06-01", [{"naam": "zonnepanelen", "hoeveelheid": 8}])
    assert r26.verschil.energie.elektriciteit == pytest.approx(-64.53, abs=0.01)
    # 2027 (no saldering, teruglevering.csv: 30% self-use, vergoeding 0,5 × 0,1189, kosten 0,0416):
    #   self-used 912 kWh at (0,1189 + 0,0880) × 1,21; exported 2.128 kWh × (0,05945 − 0,0416) × 1,21
    #   → −(228,33 + 45,96) / 12 = −22,86 per month
    r27 = _eigenaar("2027-06-01", [{"naam": "zonnepanelen", "hoeveelheid": 8}])
    assert r27.verschil.energie.elektriciteit == pytest.approx(-22.86, abs=0.01)


def test_payback_of_a_cavity_wall_case():
    # spouwmuur at the standard 39 m²: investment 39 × 27,30 = 1.064,70; ISDE 2025 single 39 × 5,25 = 204,75
    #   netto 859,95; saving = 939,90 m³ × 0,103 × realisation 0,5 = 48,40 m³ × 1,31546 €/m³ = 63,68 €/jaar
    #   payback = 859,95 / 63,68 = 13,5 years
    r = _eigenaar(maatregelen=["spouwmuurisolatie"], financiering={"vorm": "eigen_geld"})
    f = r.financiering
    assert f.investering == pytest.approx(1064.70)
    assert f.subsidie == pytest.approx(204.75)
    assert f.netto_investering == pytest.approx(859.95)
    assert f.energiebesparing_maand == pytest.approx(RUIMTE * 0.103 * 0.5 * GAS_2025 / 12, abs=0.01)
    assert f.terugverdientijd_jaar == pytest.approx(13.5, abs=0.05)
    assert f.lening == 0 and f.eigen_geld == pytest.approx(859.95)
    # cumulative cash: starts at minus the own money and crosses zero around the payback year
    stroom = {k["jaar"]: k["cumulatief"] for k in f.kasstroom}
    assert stroom[0] == pytest.approx(-859.95) and stroom[13] < 0 < stroom[14]
    assert f.terugverdiend_met_financiering_jaar == 14  # own money, no interest: the simple payback rounded up


def test_payback_with_a_loan_counts_the_interest():
    # 2024, income above the Warmtefonds limit: 4,35% over 10 years on the net investment; the cumulative cash
    # turns positive only after the loan payments (with interest) are covered by the savings
    r = _eigenaar("2024-06-01", ["spouwmuurisolatie", "dakisolatie"], {"vorm": "warmtefonds", "looptijd_jaar": 10})
    f = r.financiering
    assert f.rente_pct == 4.35
    betaald = f.maandlast * 12 * 10
    assert betaald > f.netto_investering  # interest
    jaar = f.terugverdiend_met_financiering_jaar
    assert jaar is None or jaar >= f.terugverdientijd_jaar
    stroom = {k["jaar"]: k["cumulatief"] for k in f.kasstroom}
    # the result shows rounded monthly figures: 120 months × up to € 0,01 difference
    assert stroom[10] == pytest.approx(10 * 12 * (f.energiebesparing_maand - f.maandlast), abs=1.2)


def test_loan_payment_enters_the_owners_woonlasten():
    r = _eigenaar(maatregelen=["spouwmuurisolatie", "dakisolatie"], financiering={"vorm": "warmtefonds",
                                                                                  "looptijd_jaar": 10})
    assert r.na.financiering.lening == r.financiering.maandlast
    assert r.verschil.totaal == pytest.approx(r.financiering.maandlast - r.financiering.energiebesparing_maand,
                                              abs=0.01)
    assert r.verschil.huur.totaal == 0.0


def test_buyer_with_mortgage_financing_and_given_mortgage_payment():
    # buyer of a corporation home (label E): the package in the mortgage at 4% over 30 years, existing
    # mortgage payment 1.100 per month stays in voor and na
    r = _eigenaar(maatregelen=["spouwmuurisolatie", "dakisolatie", "hr_glas"],
                  financiering={"vorm": "hypotheek", "rente_pct": 4.0, "looptijd_jaar": 30,
                                "hypotheeklasten_maand": 1100.0})
    assert r.voor.financiering.hypotheek == 1100.0 and r.na.financiering.hypotheek == 1100.0
    assert r.financiering.lening == pytest.approx(r.financiering.netto_investering)
    assert r.financiering.maandlast == pytest.approx(annuiteit(r.financiering.lening, 4.0, 30), abs=0.005)
    assert r.financiering.extra_leenruimte == 20_000  # hypotheekruimte.csv, label E from 2024
    assert r.financiering.boven_leenruimte is False


def test_mortgage_without_rate_is_a_dutch_error():
    with pytest.raises(InvoerFout, match="financiering.rente_pct: ontbreekt"):
        _eigenaar(maatregelen=["dakisolatie"], financiering={"vorm": "hypotheek"})


def test_warmtefonds_20_years_needs_15000():
    with pytest.raises(InvoerFout, match="20 jaar kan bij het Warmtefonds pas vanaf"):
        _eigenaar(maatregelen=["spouwmuurisolatie"], financiering={"looptijd_jaar": 20})


def test_a_heat_pump_counts_as_the_second_measure_for_isde():
    # 2025: spouwmuur 40 m² + warmtepomp → the insulation gets the double amount 40 × 10,50 = 420, plus the heat
    # pump 1.250 + 225 × (8 − 1) = 2.825 → 3.245
    r = _eigenaar(maatregelen=[{"naam": "spouwmuurisolatie", "hoeveelheid": 40}, "warmtepomp"])
    assert r.financiering.subsidie == pytest.approx(420 + 1250 + 225 * 7)
    # 2022: two measures required; the heat pump counts (it has no amount of its own that year): 40 × 8 = 320
    r22 = _eigenaar("2022-05-01", [{"naam": "spouwmuurisolatie", "hoeveelheid": 40}, "warmtepomp"])
    assert r22.financiering.subsidie == pytest.approx(320)


def test_full_heat_pump_with_own_gas_use_is_refused():
    with pytest.raises(InvoerFout, match="volledige warmtepomp heeft geen gasaansluiting"):
        bereken({"peildatum": "2025-06-01", "gemeente": "Borne",
                 "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "A",
                            "verwarming": "warmtepomp"},
                 "verbruik": {"gas_m3": 300}})


# ---------------------------------------------------------------------------------------------------------------
# What a measure does follows from its properties in labels/maatregelen.csv, not from its name

def _hernoemd(tmp_path, monkeypatch, namen, bewerk_catalogus=None):
    """Tables in which the measures ``namen`` (old → new) have another name in the catalogue, the effect table and
    the ISDE table; ``bewerk_catalogus(rows)`` may change the catalogue further."""
    import csv
    from pathlib import Path

    from woonlasten.data import laad_tabellen

    monkeypatch.setenv("WOONLASTEN_CACHE", "uit")
    project = Path(__file__).parent.parent
    for pad in ("labels/maatregelen.csv", "labels/maatregel_effect.csv", "tariffs/isde.csv"):
        with open(project / pad, encoding="utf-8") as fh:
            lezer = csv.DictReader(fh)
            kop, rijen = lezer.fieldnames, list(lezer)
        for r in rijen:
            r["maatregel"] = namen.get(r["maatregel"], r["maatregel"])
        if pad == "labels/maatregelen.csv" and bewerk_catalogus:
            rijen = bewerk_catalogus(rijen)
        with open(tmp_path / Path(pad).name, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, kop, lineterminator="\n")
            w.writeheader()
            w.writerows(rijen)
    return laad_tabellen(str(tmp_path))


def _samenvatting(r):
    f = r.financiering
    return (r.na.totaal, r.verbruik.verwarming_na, r.verbruik.gas_m3_na, f.label_na,
            f.investering, f.subsidie, f.netto_investering, f.lening, f.maandlast)


@pytest.mark.parametrize("peildatum", ["2022-06-01", "2025-06-01"])
def test_measures_under_other_names_behave_like_the_originals(tmp_path, monkeypatch, peildatum):
    namen = {"warmtepomp": "lucht_water_warmtepomp", "hybride_warmtepomp": "hybride_wp",
             "ventilatie": "wtw_ventilatie", "dakisolatie": "dak", "zonnepanelen": "pv"}
    t = _hernoemd(tmp_path, monkeypatch, namen)
    for keuze in (["warmtepomp", "dakisolatie", "ventilatie"], ["hybride_warmtepomp", "zonnepanelen"],
                  ["hybride_warmtepomp", "dakisolatie"], ["dakisolatie", "ventilatie", "zonnepanelen"]):
        c = {"peildatum": peildatum, "gemeente": "Borne", "rol": "eigenaar",
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "woz_waarde": 280000},
             "huishouden": {"personen": 3, "inkomen_jaar": 75000},
             "financiering": {"vorm": "warmtefonds", "looptijd_jaar": 15}}
        origineel = bereken({**c, "ingreep": {"maatregelen": keuze}})
        ander = bereken({**c, "ingreep": {"maatregelen": [namen[m] for m in keuze]}}, tabellen=t)
        assert _samenvatting(ander) == _samenvatting(origineel), keuze
        assert origineel.financiering.subsidie > 0 or peildatum == "2022-06-01"


def test_solar_panels_under_another_name_go_through_the_servicekosten(tmp_path, monkeypatch):
    t = _hernoemd(tmp_path, monkeypatch, {"zonnepanelen": "pv"})
    c = {"peildatum": "2024-06-01", "gemeente": "Borne", "rol": "huurder",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
         "huishouden": {"personen": 3}, "huur": {"kale_huur": 600.0, "servicekosten": 20.0}}
    origineel = bereken({**c, "ingreep": {"maatregelen": ["zonnepanelen", "warmtepomp"]}})
    ander = bereken({**c, "ingreep": {"maatregelen": ["pv", "warmtepomp"]}}, tabellen=t)
    assert origineel.huur_informatie.zonnepanelen_servicekosten > 0
    assert ander.huur_informatie.zonnepanelen_servicekosten == origineel.huur_informatie.zonnepanelen_servicekosten
    assert ander.na.huur.huurverhoging == origineel.na.huur.huurverhoging


def test_catalogue_properties_decide_not_the_name(tmp_path, monkeypatch):
    # the heat pump marked as installing nothing and without ISDE scheme: gas heating stays and no subsidy
    def geen_wp(rijen):
        for r in rijen:
            if r["maatregel"] == "warmtepomp":
                r["verwarming_na"], r["isde_regel"] = "ongewijzigd", "geen"
        return rijen

    t = _hernoemd(tmp_path, monkeypatch, {}, geen_wp)
    c = {"peildatum": "2025-06-01", "gemeente": "Borne", "rol": "eigenaar",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "woz_waarde": 280000},
         "huishouden": {"personen": 3}, "ingreep": {"maatregelen": ["warmtepomp"]}}
    assert bereken(c).verbruik.verwarming_na == "warmtepomp"
    r = bereken(c, tabellen=t)
    assert r.verbruik.verwarming_na == "gasketel"
    assert r.financiering.subsidie == 0


@pytest.mark.parametrize("kolom", ["verwarming_na", "via_servicekosten", "isde_regel"])
def test_a_catalogue_without_a_measure_property_is_a_data_error(tmp_path, monkeypatch, kolom):
    from woonlasten import DataFout

    def zonder(rijen):
        for r in rijen:
            del r[kolom]
        return rijen

    import csv
    from pathlib import Path

    from woonlasten.data import laad_tabellen

    monkeypatch.setenv("WOONLASTEN_CACHE", "uit")
    with open(Path(__file__).parent.parent / "labels/maatregelen.csv", encoding="utf-8") as fh:
        rijen = list(csv.DictReader(fh))
    rijen = zonder(rijen)
    with open(tmp_path / "maatregelen.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rijen[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rijen)
    with pytest.raises(DataFout, match=f"maatregelen.csv: kolom\\(men\\) ontbreken: {kolom}"):
        laad_tabellen(str(tmp_path))


def test_a_heat_pump_without_standard_power_is_a_data_error(tmp_path, monkeypatch):
    from woonlasten import DataFout

    def zonder_kw(rijen):
        for r in rijen:
            r["vermogen_kw"] = ""
        return rijen

    t = _hernoemd(tmp_path, monkeypatch, {}, zonder_kw)
    c = {"peildatum": "2025-06-01", "gemeente": "Borne", "rol": "eigenaar",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "woz_waarde": 280000},
         "huishouden": {"personen": 3}, "ingreep": {"maatregelen": ["warmtepomp"]},
         "financiering": {"vorm": "eigen_geld"}}
    with pytest.raises(DataFout, match="vermogen_kw ontbreekt bij 'warmtepomp'"):
        bereken(c, tabellen=t)
