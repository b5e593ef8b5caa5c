"""Heat networks (warmtenet): the heat bill's properties, the switch from gas, and bad input refused in Dutch
(the amounts themselves: the golden cases huurder-hengelo-20xx-warmtenet-*.json)."""

import datetime as dt

import numpy as np
import pandas as pd
import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlasten import bereken, bereken_frame
from woonlasten.casus import InvoerFout, casus_naar_rij
from woonlasten.modellen import ENERGIELABELS, WONINGTYPES, Casus


def _casus(datum="2025-06-01", label="C", verwarming="warmtenet", **verbruik) -> dict:
    return {"peildatum": datum, "gemeente": "Hengelo", "rol": "huurder",
            "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": label,
                       "verwarming": verwarming},
            "huishouden": {"personen": 2}, "huur": {"kale_huur": 650.0}, "verbruik": verbruik}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(WONINGTYPES), st.floats(20, 300), st.integers(1, 8),
       st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)))
def test_a_better_label_never_raises_the_heat_bill(woningtype, m2, personen, datum):
    rijen = [casus_naar_rij(Casus.model_validate({
        "peildatum": datum, "gemeente": "Borne",
        "woning": {"woningtype": woningtype, "oppervlakte_m2": m2, "energielabel": label, "verwarming": "warmtenet"},
        "huishouden": {"personen": personen}})) for label in ENERGIELABELS]
    r = bereken_frame(pd.DataFrame(rijen))
    assert (r["status"] == "ok").all(), r["melding"].tolist()
    # ENERGIELABELS runs from best (A++++) to worst (G): heat and its cost may only rise along it
    assert (np.diff(r["verbruik_warmte_gj_voor"].to_numpy()) >= -1e-9).all()
    assert (np.diff(r["voor_energie_warmte"].to_numpy()) >= -1e-9).all()
    assert (r["voor_energie_gas"] == 0).all()


# vaste kosten incl. btw = vastrecht + meettarief + huur afleverset (tariffs/warmte.csv): 2022 494,58 + 27,47 +
# 131,70 = 653,75 (21% btw until 30 June 2022); 2023 549,58 + 30,75 + 141,37 = 721,70; 2024 582,82 + 31,68 + 145,38 =
# 759,88; 2025 760,77 (ACM total)
@pytest.mark.parametrize("datum, vast_incl_btw", [("2024-07-01", 759.88), ("2025-07-01", 760.77),
                                                  ("2023-07-01", 721.70), ("2022-03-01", 653.75)])
def test_zero_use_still_pays_the_fixed_charges(datum, vast_incl_btw):
    r = bereken(_casus(datum, warmte_gj=0, elektriciteit_kwh=2000))
    assert r.verbruik.warmte_gj_voor == 0
    assert r.voor.energie.warmte == pytest.approx(vast_incl_btw / 12, abs=0.01)


def test_insulation_lowers_the_heat_as_it_lowers_gas():
    met_gas = bereken(dict(_casus(label="E", verwarming="gasketel"), ingreep={"naar_label": "B"}))
    met_net = bereken(dict(_casus(label="E"), ingreep={"naar_label": "B"}))
    assert met_net.verbruik.warmte_gj_na < met_net.verbruik.warmte_gj_voor
    assert met_net.verschil.energie.warmte < 0
    assert met_net.verschil.energie.gas == 0 and met_gas.verschil.energie.gas < 0


def test_own_gj_calibrates_the_heat_after():
    geschat = bereken(dict(_casus(label="E"), ingreep={"naar_label": "B"}))
    eigen = bereken(dict(_casus(label="E", warmte_gj=2 * geschat.verbruik.warmte_gj_voor), ingreep={"naar_label": "B"}))
    assert eigen.verbruik.herkomst == "deels eigen"
    assert eigen.verbruik.warmte_gj_na == pytest.approx(2 * geschat.verbruik.warmte_gj_na, abs=0.2)
    assert eigen.bandbreedte.relatief == 0.0


def test_own_heat_contract_replaces_the_acm_maximum():
    c = dict(_casus("2025-07-01", warmte_gj=30), contract={"warmte_prijs_gj": 30.0, "warmte_vaste_kosten_jaar": 500.0})
    # (30 GJ × 30,00 + 500,00) × 1,21 / 12 = 1400 × 1,21 / 12 = 141,17
    assert bereken(c).voor.energie.warmte == pytest.approx(141.17, abs=0.01)


def test_the_switch_removes_the_gas_connection_and_cooks_electric():
    r = bereken(dict(_casus(verwarming="gasketel", gas_m3=1200, elektriciteit_kwh=2500),
                     ingreep={"maatregelen": ["warmtenet"]}))
    assert r.verbruik.verwarming_na == "warmtenet"
    assert r.na.energie.gas == 0 and r.verbruik.gas_m3_na == 0
    assert r.na.energie.warmte > 0 and r.verbruik.elektriciteit_kwh_na > r.verbruik.elektriciteit_kwh_voor
    assert r.na.huur.huurverhoging == 0  # no rent rule known for a heat-network connection
    assert any("geen huurregel bekend" in t.tekst for t in r.toelichting)


def test_a_gas_home_without_the_switch_is_unchanged_by_the_heat_part():
    r = bereken(_casus(verwarming="gasketel", gas_m3=1200))
    assert r.voor.energie.warmte == 0 and r.verbruik.warmte_gj_voor is None


def test_negative_gj_is_refused_naming_the_field():
    with pytest.raises(pydantic.ValidationError, match="warmte_gj"):
        Casus.model_validate(_casus(warmte_gj=-5))
    rij = casus_naar_rij(Casus.model_validate(_casus()))
    rij["warmte_gj"] = -5.0
    r = bereken_frame(pd.DataFrame([rij]))
    assert r["status"].iloc[0] == "fout" and "warmte_gj" in r["melding"].iloc[0]


def test_a_heat_network_before_the_tariff_table_is_refused_in_dutch():
    with pytest.raises(InvoerFout, match="peildatum: geen warmtetarief \\(ACM-maximum\\) bekend op 2021-06-01"):
        bereken(_casus("2021-06-01", warmte_gj=30))
    # the switch too: the situation after is on the heat network
    with pytest.raises(InvoerFout, match="geen warmtetarief"):
        bereken(dict(_casus("2021-06-01", verwarming="gasketel"), ingreep={"maatregelen": ["warmtenet"]}))
    # a gas home on that date is computed as before
    assert bereken(_casus("2021-06-01", verwarming="gasketel")).voor.energie.warmte == 0


def test_gas_on_a_heat_network_and_gj_without_one_are_refused():
    with pytest.raises(InvoerFout, match="verbruik.gas_m3: een woning op een warmtenet heeft geen gasaansluiting"):
        bereken(_casus(gas_m3=800))
    with pytest.raises(InvoerFout, match="verbruik.warmte_gj: alleen bij verwarming warmtenet"):
        bereken(_casus(verwarming="gasketel", warmte_gj=30))


def test_an_owner_switching_counts_the_heat_in_the_co2_saving():
    r = bereken({"peildatum": "2025-07-01", "gemeente": "Hengelo", "rol": "eigenaar",
                 "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C",
                            "verwarming": "gasketel", "woz_waarde": 300_000},
                 "huishouden": {"personen": 2}, "verbruik": {"gas_m3": 1100, "elektriciteit_kwh": 2500},
                 "ingreep": {"maatregelen": ["warmtenet"]}, "financiering": {"vorm": "eigen_geld"}})
    # labels/co2_factoren.csv: 1100 m³ × 1,78 − 102,12 kWh × 0,48 − 32,7867 GJ × 50,6 = 1958,0 − 49,0 − 1659,0 = 250
    assert r.financiering.co2_besparing_kg == pytest.approx(250, abs=1)
    # the aansluitbijdrage: ACM maximum 2024 for a new connection (labels/maatregelen.csv)
    assert r.financiering.investering == pytest.approx(5250.24, abs=0.01)


MENGSEL = """id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;personen;verwarming;gas_m3;warmte_gj
1;HGL-1;Hengelo;tussenwoning;85;E;650;2;gasketel;1300;
2;HGL-1;Hengelo;tussenwoning;85;B;650;2;CV-ketel;900;
3;HGL-1;Hengelo;tussenwoning;85;E;650;2;Stadsverwarming;;35
4;HGL-2;Hengelo;appartement;60;C;550;1;warmtenet;;
5;HGL-2;Hengelo;appartement;60;A;550;1;warmtepomp;;
6;HGL-2;Hengelo;appartement;60;D;550;1;Blokverwarming;;
7;HGL-2;Hengelo;appartement;60;D;550;1;;800;
"""


def test_a_mixed_portfolio_switches_every_gas_dwelling_to_the_heat_network():
    from woonlasten.portefeuille import SCENARIOS, bereken_portefeuille, lees_woningen

    r = bereken_portefeuille(lees_woningen(MENGSEL.encode(), "mengsel.csv"), SCENARIOS["aardgasvrij-warmtenet"],
                             "2025-06-01")
    assert len(r) == 7  # nothing lost
    ok = r[r["status"] == "ok"].set_index(r.loc[r["status"] == "ok", "id"].astype(int))
    assert list(ok.index) == [1, 2, 3, 4, 5, 7]
    # gas dwellings (an empty cell is a gas boiler) switch, also at label B already; the others keep their heating
    for i in (1, 2, 7):
        assert ok.loc[i, "voor_energie_warmte"] == 0 and ok.loc[i, "na_energie_warmte"] > 0
    assert ok.loc[2, "energielabel_na"] == "B"  # no insulation needed, only the switch
    assert ok.loc[3, "voor_energie_warmte"] > ok.loc[3, "na_energie_warmte"] > 0  # stadsverwarming = warmtenet
    assert ok.loc[5, "scenario_actie"] == "al op of boven het doellabel" and ok.loc[5, "verschil_totaal"] == 0
    blok = r[r["id"].astype(int) == 6].iloc[0]
    assert blok["status"] == "fout" and "blokverwarming is collectieve verwarming" in blok["melding"]


def test_the_other_scenarios_are_unchanged_by_the_switch():
    from woonlasten.portefeuille import SCENARIOS

    assert SCENARIOS["label-B"].overstap is None and SCENARIOS["label-A"].overstap is None


def test_the_explanation_names_no_gas_tariffs_without_a_gas_connection_and_notes_a_year_without_acm_tariffs():
    onderwerpen = [t.onderwerp for t in bereken(_casus("2027-03-01", warmte_gj=30)).toelichting]
    assert not any(o.endswith(" gas") for o in onderwerpen if o.startswith("Energie:")), onderwerpen
    teksten = [t.tekst for t in bereken(_casus("2027-03-01", warmte_gj=30)).toelichting]
    assert "Let op: de maximumtarieven van de ACM voor 2027 zijn nog niet bekend; gerekend met die van 2026." in teksten
    assert any("afleverset via de servicekosten" in t for t in teksten)  # a tenant: no double afleverset
    # a gas home keeps its gas lines; the switch shows them for the situation before
    switch = bereken(dict(_casus(verwarming="gasketel"), ingreep={"maatregelen": ["warmtenet"]}))
    assert "Energie: netbeheerkosten gas" in [t.onderwerp for t in switch.toelichting]


def test_warmtepomp_op_het_warmtenet_wordt_geweigerd_en_het_scenario_laat_hem_weg():
    """Reviewer's find: a heat pump on a home on the warmtenet kept its heating (the warmtenet) but counted its label
    steps, rent increase and price (label C → A, +€ 11 rent, nothing else changed). The case is refused with a
    Dutch message; the label-A scenario gives such a dwelling its insulation without the heat pump."""
    from woonlasten import InvoerFout
    from woonlasten.portefeuille import SCENARIOS, bereken_portefeuille, lees_woningen

    casus = {"peildatum": "2025-06-01", "gemeente": "Hengelo", "rol": "huurder",
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C",
                        "verwarming": "warmtenet"},
             "huur": {"kale_huur": 600}, "ingreep": {"maatregelen": ["warmtepomp"]}}
    with pytest.raises(InvoerFout, match="warmtepomp verandert niets aan een woning met warmtenet"):
        bereken(Casus.model_validate(casus))
    csv = ("id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;verwarming\n"
           "1;A;Hengelo;tussenwoning;85;E;600;stadsverwarming\n2;A;Hengelo;tussenwoning;85;E;600;gasketel\n").encode()
    r = bereken_portefeuille(lees_woningen(csv, "w.csv"), SCENARIOS["label-A"])
    assert list(r["status"]) == ["ok", "ok"]
    assert list(r["scenario_actie"]) == ["aangepakt", "aangepakt"]
    assert r["na_energie_warmte"].iloc[0] > 0 and r["verbruik_gas_m3_na"].iloc[1] == 0  # heat stays; gas → heat pump


def test_energiecoach_toont_geen_gasbesparing_van_nul_voor_een_woning_zonder_ketel():
    """The coach's gas measures are computed for a gas boiler; for a home on the warmtenet they read as '0 m³,
    € 0,00' (a reviewer's find). They are left out of the list and named as not computed."""
    r = bereken(Casus.model_validate({
        "peildatum": "2025-06-01", "gemeente": "Hengelo", "rol": "huurder",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C", "verwarming": "warmtenet"},
        "huishouden": {"personen": 2, "gedrag": ["korter_douchen"]}, "huur": {"kale_huur": 600}}))
    c = r.energiecoach
    assert c.maatregelen and all(m.eenheid != "m³" for m in c.maatregelen)
    assert "5 in plaats van 9 minuten douchen" in c.niet_berekend
    assert c.gekozen_besparing_maand == 0


@pytest.mark.parametrize("verwarming, verbruik", [("warmtenet", {"warmte_gj": 28}), ("warmtepomp", {})])
def test_own_fixed_supply_costs_of_a_home_without_gas_are_its_electricity_contract(verwarming, verbruik):
    """Reviewer's find: a home without a gas connection lost the gas share of the fixed supply costs it gave.
    tariffs/leveringstarieven.csv 2025 (excl. btw): standard fixed costs electricity 87,40, gas 75,54. The household
    gives 100,00 (its electricity contract, the only one it has): electricity (100,00 − 87,40) × 1,21 / 12 = 15,246 / 12
    = € 1,27 a month above the standard (before the fix: 100 × 87,40 / 162,94 = 53,64, i.e. € 3,40 below)."""
    c = _casus(verwarming=verwarming, elektriciteit_kwh=2500, **verbruik)
    standaard, eigen = bereken(c), bereken(dict(c, contract={"vaste_leveringskosten_jaar": 100.0}))
    assert eigen.voor.energie.elektriciteit - standaard.voor.energie.elektriciteit == pytest.approx(1.27, abs=0.011)
    assert eigen.voor.energie.gas == standaard.voor.energie.gas == 0


def test_own_fixed_supply_costs_of_a_gas_home_are_split_over_its_two_contracts():
    # 100,00 for gas + electricity together against the standard 87,40 + 75,54 = 162,94 (2025, excl. btw):
    # (100,00 − 162,94) × 1,21 / 12 = −76,1574 / 12 = −€ 6,35 a month on gas + electricity together
    c = _casus(verwarming="gasketel", gas_m3=1100, elektriciteit_kwh=2500)
    standaard, eigen = bereken(c), bereken(dict(c, contract={"vaste_leveringskosten_jaar": 100.0}))
    verschil = (eigen.voor.energie.gas + eigen.voor.energie.elektriciteit
                - standaard.voor.energie.gas - standaard.voor.energie.elektriciteit)
    assert verschil == pytest.approx(-6.35, abs=0.011)


@pytest.mark.parametrize("verwarming, verbruik, geschat", [
    ("warmtenet", {"gas_m3": 0}, True),  # the portfolio's 0 in the gas column of a heat-network home
    ("warmtenet", {"warmte_gj": 30}, False),
    ("warmtenet", {}, True),
    ("gasketel", {"gas_m3": 1300}, False),
    ("gasketel", {}, True),
    ("warmtepomp", {"gas_m3": 0}, True)])
def test_the_band_follows_own_use_of_the_carrier_the_home_has(verwarming, verbruik, geschat):
    """Reviewer's find: a warmtenet home with gas_m3 0 (as a portfolio file gives it) got no band: 0 m³ counted as own
    use. Own use is own GJ on a heat network and own m³ with a gas connection; a 0 for gas in a home without gas
    measures nothing. The band: labels/parameters.csv onzekerheid_verbruik_schatting (0,5) where use is estimated,
    else 0; laag/hoog = verschil_totaal ∓ 0,5 × |verschil energie|."""
    r = bereken(dict(_casus(label="E", verwarming=verwarming, **verbruik), ingreep={"naar_label": "B"}))
    assert r.bandbreedte.relatief == (0.5 if geschat else 0.0)
    if geschat:
        assert r.bandbreedte.verschil_totaal_laag < r.verschil.totaal < r.bandbreedte.verschil_totaal_hoog


@pytest.mark.parametrize("datum, isde", [("2023-07-01", 3325.0), ("2025-07-01", 3775.0)])
def test_an_owner_gets_the_isde_for_the_heat_network_connection(datum, isde):
    """tariffs/isde.csv, warmtenet: a fixed amount per dwelling, € 3.325 in 2023 (Rijksoverheid), € 3.775 from 2024."""
    r = bereken({"peildatum": datum, "gemeente": "Hengelo", "rol": "eigenaar",
                 "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C",
                            "verwarming": "gasketel", "woz_waarde": 300_000},
                 "huishouden": {"personen": 2}, "verbruik": {"gas_m3": 1100, "elektriciteit_kwh": 2500},
                 "ingreep": {"maatregelen": ["warmtenet"]}, "financiering": {"vorm": "eigen_geld"}})
    assert r.financiering.investering == pytest.approx(5250.24, abs=0.01)
    assert r.financiering.subsidie == pytest.approx(isde, abs=0.01)
    # the netto investment: 5250,24 − the ISDE
    assert r.financiering.netto_investering == pytest.approx(5250.24 - isde, abs=0.01)
    regel = f"€ {isde:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") + " per woning (vast bedrag)"
    assert any(t.onderwerp == "Eigenaar: ISDE warmtenet" and t.tekst.startswith(regel) for t in r.toelichting)


@pytest.mark.parametrize("datum, subsidie", [
    # 2022: insulation needs two measures; the connection is the second: 50 m² × € 30 + € 3.325 = 1500 + 3325 = 4825
    ("2022-07-01", 4825.0),
    # 2025: the connection doubles the roof amount: 50 m² × € 32,50 + € 3.775 = 1625 + 3775 = 5400
    ("2025-07-01", 5400.0)])
def test_the_heat_network_connection_counts_as_a_measure_for_insulation(datum, subsidie):
    r = bereken({"peildatum": datum, "gemeente": "Hengelo", "rol": "eigenaar",
                 "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C",
                            "verwarming": "gasketel", "woz_waarde": 300_000},
                 "huishouden": {"personen": 2}, "verbruik": {"gas_m3": 1100, "elektriciteit_kwh": 2500},
                 "ingreep": {"maatregelen": ["warmtenet", "dakisolatie:50"]}, "financiering": {"vorm": "eigen_geld"}})
    assert r.financiering.subsidie == pytest.approx(subsidie, abs=0.01)


def test_the_explanation_names_the_parts_of_the_acm_fixed_costs():
    # tariffs/warmte.csv 2024 incl. 21% btw: 582,82 + 31,68 + 145,38 = 759,88
    teksten = [t.tekst for t in bereken(_casus("2024-07-01", warmte_gj=28)).toelichting]
    assert any("€ 759,88 per jaar vaste kosten (vastrecht € 582,82; meettarief € 31,68; huur afleverset € 145,38)"
               in t for t in teksten), teksten
    # 2025: ACM gave only the total; with an own contract no ACM parts are named
    teksten = [t.tekst for t in bereken(_casus("2025-07-01", warmte_gj=28)).toelichting]
    assert any("(vastrecht, meettarief en huur afleverset)" in t for t in teksten)
    eigen = bereken(dict(_casus("2024-07-01", warmte_gj=28), contract={"warmte_vaste_kosten_jaar": 500.0}))
    assert not any("€ 582,82" in t.tekst for t in eigen.toelichting)


@pytest.mark.parametrize("maatregelen, woord", [
    (["warmtenet", "warmtepomp"], "samen kan niet"),
    (["hybride_warmtepomp", "warmtepomp"], "samen kan niet"),
    ([{"naam": "warmtenet", "hoeveelheid": 0}, {"naam": "dakisolatie", "hoeveelheid": 50}], "hoeveelheid 0"),
])
def test_two_heatings_or_a_measure_of_nothing_are_refused_not_paid_for(maatregelen, woord):
    """A heat pump chosen with the warmtenet was charged (€ 17.250 investment, € 2.825 ISDE for the heat pump)
    while the warmtenet replaced it; 'warmtenet:0' still got the connection's ISDE (reviewer's finds)."""
    c = {"peildatum": "2025-07-01", "gemeente": "Hengelo", "rol": "eigenaar",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "woz_waarde": 250_000},
         "ingreep": {"maatregelen": maatregelen}}
    with pytest.raises(InvoerFout, match=woord):
        bereken(c)


def test_an_all_electric_home_with_its_own_kwh_has_no_estimate_band():
    c = {"peildatum": "2025-07-01", "gemeente": "Hengelo", "rol": "huurder",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "C", "verwarming": "warmtepomp"},
         "huur": {"kale_huur": 650.0}, "ingreep": {"maatregelen": ["dakisolatie"]}}
    assert bereken(c).bandbreedte.relatief == 0.5  # estimated use
    c["verbruik"] = {"elektriciteit_kwh": 5_000.0}
    assert bereken(c).bandbreedte.relatief == 0.0  # the heat pump's own electricity from the annual bill
