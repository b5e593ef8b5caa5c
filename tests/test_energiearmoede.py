"""Energy poverty (regels/energiearmoede.py): the indicators worked by hand from their definitions and the rows of
tariffs/energiearmoede.csv, labels/energiekwaliteit.csv and labels/energiearmoede_huishoudfactor.csv."""

import numpy as np
import pandas as pd
import pytest

from woonlasten import bereken
from woonlasten.formatteer import euro
from woonlasten.regels.energiearmoede import _en, _of

# tariffs/energiearmoede.csv from 2024-01-01: laag inkomen up to € 20.875 a year (130 % of the lage-inkomensgrens,
# one person); weinig investeringsruimte up to € 32.116 (200 %); energiequote limit 8 % (schatting)
GRENS_LAAG = 20_875
GRENS_INVESTERING = 32_116
GRENS_QUOTE = 0.08


def _casus(personen, inkomen, label="F", naar_label="B", gas=1_200, **extra):
    c = {"peildatum": "2025-01-01", "gemeente": "Enschede", "rol": "huurder",
         "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": label},
         "huishouden": {"personen": personen, "besteedbaar_inkomen_jaar": inkomen},
         "huur": {"kale_huur": 550}, "verbruik": {"gas_m3": gas, "elektriciteit_kwh": 1_800}} | extra
    if naar_label:
        c["ingreep"] = {"naar_label": naar_label}
    return bereken(c)


def _ind(r, code):
    return next(i for i in r.energiearmoede.indicatoren if i.code == code)


def test_one_person_low_income_label_f_is_heq_and_lilek_and_the_upgrade_to_b_ends_lilek():
    r = _casus(1, 16_000)
    e = r.energiearmoede
    # one person: factor 1,0 → standardised 16.000 / 1,0 = 16.000 ≤ 20.875 → laag inkomen
    assert e.inkomen_gestandaardiseerd == 16_000 and e.grens_laag_inkomen == GRENS_LAAG and e.laag_inkomen
    # energiequote = energy total per month × 12 / income: 196,78 × 12 = 2.361,36 / 16.000 = 14,76 % > 8 % → HEQ
    assert r.voor.energie.totaal == pytest.approx(196.78, abs=0.01)
    assert e.energiequote_voor == pytest.approx(196.78 * 12 / 16_000, abs=1e-4)
    assert e.energiequote_voor > GRENS_QUOTE and _ind(r, "HEQ").voor is True
    # label F: lage energiekwaliteit (labels/energiekwaliteit.csv: E, F, G) → LILEK; label B: not → LILEK ends
    assert e.lage_energiekwaliteit_voor is True and e.lage_energiekwaliteit_na is False
    assert _ind(r, "LILEK").voor is True and _ind(r, "LILEK").na is False
    # after: 165,73 × 12 = 1.988,76 / 16.000 = 12,43 % > 8 % → still HEQ, so still energy-poor
    assert e.energiequote_na == pytest.approx(165.73 * 12 / 16_000, abs=1e-4) and _ind(r, "HEQ").na is True
    assert e.energiearm_voor is True and e.energiearm_na is True
    # LEKWI: label F and 16.000 ≤ 32.116 → yes; after B no low quality → no
    assert _ind(r, "LEKWI").voor is True and _ind(r, "LEKWI").na is False
    # LIHE: low income but no threshold for a high bill in the table → onbekend, never False
    assert _ind(r, "LIHE").voor is None
    assert "na de ingreep niet meer energiearm volgens LILEK" in e.veranderingen
    assert not any("HEQ" in v for v in e.veranderingen)
    assert any(t.onderwerp.startswith("Energiearmoede: LILEK") and t.tekst.startswith("vóór ja, na nee")
               for t in r.toelichting)


def test_a_household_above_the_income_limits_is_not_energy_poor_whatever_the_bill():
    # two persons: factor 1550 / 1100 = 1,4091; 50.000 / 1,4091 = 35.484 > 32.116 (and > 20.875)
    r = _casus(2, 50_000, label="G", naar_label=None, gas=6_000)
    e = r.energiearmoede
    assert e.inkomen_gestandaardiseerd == round(50_000 / 1.4091)
    assert e.inkomen_gestandaardiseerd > GRENS_INVESTERING and e.laag_inkomen is False
    assert e.lage_energiekwaliteit_voor is True  # label G
    # a large bill: the quote is above 8 %, but without a low income no indicator holds
    assert e.energiequote_voor > GRENS_QUOTE
    assert all(i.voor is False for i in e.indicatoren)
    assert e.energiearm_voor is False and e.energiearm_na is None and e.veranderingen == []


def test_without_income_the_indicators_are_onbekend_not_false():
    r = _casus(1, None)
    e = r.energiearmoede
    assert e.laag_inkomen is None and e.energiequote_voor is None and e.inkomen_gestandaardiseerd is None
    # label F: every indicator needs the income → onbekend
    assert all(i.voor is None for i in e.indicatoren)
    # label B after: LILEK and LEKWI need a low energy quality, which B has not → no, whatever the income;
    # HEQ and LIHE stay onbekend, so the household is not called "not energy-poor"
    assert [(i.code, i.na) for i in e.indicatoren] == [("HEQ", None), ("LIHE", None), ("LILEK", False),
                                                        ("LEKWI", False)]
    assert e.energiearm_voor is None and e.energiearm_na is None
    # the energy quality is known from the label alone
    assert e.lage_energiekwaliteit_voor is True and e.lage_energiekwaliteit_na is False
    assert any(t.onderwerp == "Energiearmoede" and t.tekst.startswith("Onbekend: vul het besteedbare (netto) inkomen")
               for t in r.toelichting)


def test_lekwi_with_an_income_between_the_two_limits():
    # two persons, 35.000 / 1,4091 = 24.839: above 20.875 (no low income) but ≤ 32.116 → LEKWI with label F only
    r = _casus(2, 35_000)
    assert r.energiearmoede.laag_inkomen is False
    assert [(i.code, i.voor, i.na) for i in r.energiearmoede.indicatoren] == [
        ("HEQ", False, False), ("LIHE", False, False), ("LILEK", False, False), ("LEKWI", True, False)]
    assert r.energiearmoede.veranderingen == ["na de ingreep niet meer energiearm volgens LEKWI"]


def test_three_valued_logic():
    ja, nee, onbekend = 1.0, 0.0, np.nan
    a = np.array([ja, ja, nee, onbekend, onbekend])
    b = np.array([ja, nee, onbekend, ja, onbekend])
    np.testing.assert_array_equal(_en(a, b), [ja, nee, nee, onbekend, onbekend])
    np.testing.assert_array_equal(_of(a, b), [ja, ja, onbekend, ja, onbekend])


def test_the_terminal_text_shows_the_indicators_before_and_after():
    from woonlasten.cli import tekst_samenvatting

    tekst = tekst_samenvatting(_casus(1, 16_000))
    assert "Energiearmoede (schatting): HEQ ja → ja, LIHE onbekend → onbekend, LILEK ja → nee, LEKWI ja → nee" in tekst
    assert "energiequote 14,8% → 12,4%" in tekst  # 2.361,36 / 16.000 and 1.988,76 / 16.000
    assert "Energiearmoede (schatting)" not in tekst_samenvatting(_casus(1, None))


# ---------------------------------------------------------------------------------------------------------------
# The energiecoach (regels/energiecoach.py, labels/gedrag.csv)

# 2025 marginal prices incl. btw (the core's first-bracket prices): gas (standard delivery 0,5090 + EB 0,57816)
# × 1,21 = 1,3154636 €/m³; electricity (0,1275 + EB 0,10154) × 1,21 = 0,2771384 €/kWh
GAS_2025 = (0.5090 + 0.57816) * 1.21
STROOM_2025 = (0.1275 + 0.10154) * 1.21


def _coach(gedrag):
    return bereken({
        "peildatum": "2025-01-01", "gemeente": "Enschede", "rol": "huurder",
        "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": "F"},
        "huishouden": {"personen": 1, "inkomen_jaar": 16_000, "gedrag": gedrag}, "huur": {"kale_huur": 550},
        "ingreep": {"naar_label": "B"}})


def test_thermostat_one_degree_lower_saves_six_percent_of_the_space_heating_gas():
    r = _coach(["thermostaat_1_graad", "led_lamp:8"])
    m = {x.maatregel: x for x in r.energiecoach.maatregelen}
    # estimated space heating, appartement 60 m² label F (labels/ruimteverwarming.csv 12,60 m³/m²) with a HR boiler
    # (1,04): 60 × 12,60 / 1,04 = 726,92 m³; 6 % per °C (labels/gedrag.csv) = 43,62 m³ a year
    ruimte = 60 * 12.60 / 1.04
    assert m["thermostaat_1_graad"].besparing_per_jaar == pytest.approx(0.06 * ruimte, abs=0.05)
    # in euros at the household's own 2025 price: 43,615 × 1,3154636 = € 57,37 a year
    assert m["thermostaat_1_graad"].besparing_euro_per_jaar == pytest.approx(0.06 * ruimte * GAS_2025, abs=0.01)
    assert m["thermostaat_1_graad"].besparing_euro_per_jaar == pytest.approx(57.37, abs=0.01)
    # after the upgrade to B the space heating is smaller, so is the saving
    assert m["thermostaat_1_graad"].besparing_euro_per_jaar_na < m["thermostaat_1_graad"].besparing_euro_per_jaar
    # 8 LED lamps: 8 × 19,25 kWh = 154 kWh × 0,2771384 = € 42,68 a year
    assert m["led_lamp"].besparing_per_jaar == 154.0
    assert m["led_lamp"].besparing_euro_per_jaar == pytest.approx(154 * STROOM_2025, abs=0.01)
    # both chosen: (57,37 + 42,68) / 12 = € 8,34 a month less; the woonlasten themselves do not change
    e = r.energiecoach
    assert m["thermostaat_1_graad"].gekozen and m["led_lamp"].gekozen and not m["korter_douchen"].gekozen
    assert e.gekozen_besparing_maand == pytest.approx((0.06 * ruimte * GAS_2025 + 154 * STROOM_2025) / 12, abs=0.01)
    assert e.totaal_met_gedrag == pytest.approx(r.voor.totaal - e.gekozen_besparing_maand, abs=0.01)
    assert e.status == "schatting" and e.onbekend == []


def test_per_person_measures_and_unknown_names():
    r = _coach(["korter_douchen", "vliegen"])
    m = {x.maatregel: x for x in r.energiecoach.maatregelen}
    # 60 m³ for the average household of 2,2 persons → 27,27 m³ per person; one person
    assert m["korter_douchen"].besparing_per_jaar == pytest.approx(27.3, abs=0.05)
    assert r.energiecoach.onbekend == ["vliegen"]
    assert any("niet meegeteld: vliegen" in t.tekst for t in r.toelichting)


def test_gas_measures_count_only_for_a_gas_boiler():
    r = bereken({"peildatum": "2025-01-01", "gemeente": "Enschede", "rol": "huurder",
                 "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": "B",
                            "verwarming": "warmtepomp"},
                 "huishouden": {"personen": 2, "gedrag": ["thermostaat_1_graad", "led_lamp"]}})
    m = {x.maatregel: x for x in r.energiecoach.maatregelen}
    # the gas measures are not shown as saving € 0 but named as not computed for this heating
    assert "thermostaat_1_graad" not in m and "Thermostaat 1 °C lager" in r.energiecoach.niet_berekend
    assert m["led_lamp"].besparing_per_jaar == 19.2


# ---------------------------------------------------------------------------------------------------------------
# The portfolio: counts and shares per complex, before and after the scenario

PORTEFEUILLE = """id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;personen;besteedbaar_inkomen;gas_m3
1;A;Enschede;appartement;60;F;550;1;16000;1200
2;A;Enschede;appartement;60;F;550;2;50000;1200
3;A;Enschede;appartement;60;C;550;1;;1200
4;B;Enschede;appartement;60;G;550;1;15000;1500
5;B;Enschede;appartement;60;B;550;1;15000;600
"""


def _portefeuille(tekst):
    from woonlasten.portefeuille import bereken_portefeuille, lees_woningen, samenvatting, scenario_uit_tekst

    r = bereken_portefeuille(lees_woningen(tekst.encode()), scenario_uit_tekst("label-B"), "2025-06-01")
    return r, samenvatting(r).set_index("complex"), samenvatting(r, per=None).iloc[0]


def test_portfolio_counts_and_shares_per_complex_equal_the_counts_by_hand():
    r, c, totaal = _portefeuille(PORTEFEUILLE)
    # by hand, before (label-B takes every label below B to B; dwelling 5 is already B):
    # lage energiekwaliteit: A: 1 (F), 2 (F) yes, 3 (C) no → 2 of 3; B: 4 (G) yes, 5 (B) no → 1 of 2
    assert (c.loc["A", "lage_energiekwaliteit_voor"], c.loc["A", "aandeel_lage_energiekwaliteit_voor"]) == (2, 0.667)
    assert (c.loc["B", "lage_energiekwaliteit_voor"], c.loc["B", "aandeel_lage_energiekwaliteit_voor"]) == (1, 0.5)
    # LILEK: 1 (16.000 ≤ 20.875, F) yes; 2 (50.000 / 1,4091 = 35.484, not low) no; 3 (C: no low quality) no,
    # whatever its income → A 1 of 3; B: 4 (15.000, G) yes, 5 (B) no → 1 of 2
    assert (c.loc["A", "lilek_voor"], c.loc["A", "aandeel_lilek_voor"]) == (1, 0.333)
    assert (c.loc["B", "lilek_voor"], c.loc["B", "aandeel_lilek_voor"]) == (1, 0.5)
    # LEKWI: 1 (F, 16.000 ≤ 32.116) yes; 2 (35.484 > 32.116) no; 3 no → 1 of 3; B: 4 yes, 5 no → 1 of 2
    assert (c.loc["A", "lekwi_voor"], c.loc["B", "lekwi_voor"]) == (1, 1)
    # after the scenario every dwelling is B or better: no low energy quality, so no LILEK or LEKWI
    for k in ("lage_energiekwaliteit_na", "lilek_na", "lekwi_na"):
        assert c.loc["A", k] == 0 and c.loc["B", k] == 0 and totaal[k] == 0
    # incomes: A 2 of 3 (dwelling 3 has none), B 2; HEQ known only for those, the share over them
    assert (c.loc["A", "met_inkomen"], c.loc["B", "met_inkomen"], totaal["met_inkomen"]) == (2, 2, 4)
    heq = (r["voor_ea_heq"] == "ja").to_numpy()
    assert heq[0] and not heq[1] and pd.isna(r["voor_ea_heq"].iloc[2])  # 14,8 % > 8 %; not low; no income
    assert c.loc["A", "heq_voor"] == 1 and c.loc["A", "aandeel_heq_voor"] == 0.5
    assert c.loc["B", "heq_voor"] == heq[3:].sum() and totaal["heq_voor"] == heq.sum()
    # overall = the complexes added
    assert totaal["lage_energiekwaliteit_voor"] == 3 and totaal["aandeel_lage_energiekwaliteit_voor"] == 0.6
    assert totaal["lilek_voor"] == 2 and totaal["aandeel_lilek_voor"] == 0.4
    assert r.attrs["energiearmoede"] is None


def test_portfolio_without_incomes_counts_the_energy_quality_only_and_says_so():
    zonder = "\n".join(";".join(regel.split(";")[:8] + regel.split(";")[9:]) for regel in PORTEFEUILLE.splitlines())
    r, c, totaal = _portefeuille(zonder + "\n")
    assert "besteedbaar" in r.attrs["energiearmoede"]
    assert not [k for k in r.columns if "_ea_" in k or k.endswith("energiearm")]
    assert "heq_voor" not in c.columns and "met_inkomen" not in c.columns
    assert (c.loc["A", "lage_energiekwaliteit_voor"], c.loc["B", "lage_energiekwaliteit_voor"]) == (2, 1)


# ---------------------------------------------------------------------------------------------------------------
# The app: the tenant page's section and the coach's list; LEKWI on the owner page


def test_app_tenant_page_shows_the_indicators_and_the_coach_with_the_chosen_behaviour():
    from test_app import huurder_casus, metrics, start, zonder_fouten

    from woonlasten import Casus

    at = start()
    zonder_fouten(at)
    # onbekend without the disposable income
    assert any("Vul het besteedbare (netto) inkomen van het huishouden in" in i.value for i in at.info)
    at.text_input(key="besteedbaar_inkomen_jaar").input("16.000").run()
    at.multiselect(key="gedrag").set_value(["thermostaat_1_graad", "korter_douchen"]).run()
    zonder_fouten(at)
    casus = huurder_casus(at, huishouden__besteedbaar_inkomen_jaar=16_000.0,
                          huishouden__gedrag=["thermostaat_1_graad", "korter_douchen"])
    r = bereken(Casus.model_validate(casus))
    tabel = next(md.value for md in at.markdown if md.value.startswith("| Indicator"))
    for i in r.energiearmoede.indicatoren:  # E → B: every indicator before and after as the core says
        assert f"**{i.code}**" in tabel
    assert "| **LILEK** laag inkomen en lage energiekwaliteit | ja | nee |" in tabel
    # the betaalrisico next to the indicators: the page's household has 3 persons, for whom no minimum budget was
    # found, so it is onbekend with the reason
    assert r.energiearmoede.betaalruimte_maand_voor is None
    assert "| betaalrisico (per maand over of tekort) | onbekend | onbekend |" in tabel
    assert "3 personen" in r.energiearmoede.betaalrisico_reden
    assert any(f"Betaalrisico onbekend: {r.energiearmoede.betaalrisico_reden}." in c.value for c in at.caption)
    coach = next(md.value for md in at.markdown if md.value.startswith("| Maatregel"))
    m = {x.maatregel: x for x in r.energiecoach.maatregelen}
    assert euro(m["thermostaat_1_graad"].besparing_euro_per_jaar) in coach
    assert metrics(at)["Woonlasten nu, met dit gedrag"][0] == euro(r.energiecoach.totaal_met_gedrag)


def test_app_owner_page_shows_lekwi_next_to_the_financing():
    from test_app import start, zonder_fouten

    at = start("eigenaar.py")
    zonder_fouten(at)
    tabel = next(md.value for md in at.markdown if md.value.startswith("| Indicator"))
    assert "**LEKWI**" in tabel and "**HEQ**" not in tabel
    # the betaalrisico is on the owner page too; without the disposable income it is onbekend, with the reason
    assert "| betaalrisico (per maand over of tekort) | onbekend |" in tabel
    assert any("Betaalrisico onbekend: vul het besteedbare (netto) inkomen in." in c.value for c in at.caption)


def test_een_aantal_dat_geen_positief_getal_is_telt_niet_mee():
    """'led_lamp:-8' gave a negative saving (−154 kWh) that lowered the chosen total, 'led_lamp:abc' silently one
    lamp (a reviewer's find): such a choice is listed as not counted."""
    r = bereken({"peildatum": "2025-06-01", "gemeente": "Borne", "rol": "huurder",
                 "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
                 "huishouden": {"personen": 2, "gedrag": ["led_lamp:-8", "led_lamp:abc"]}})
    assert r.energiecoach.onbekend == ["led_lamp:-8", "led_lamp:abc"]
    assert r.energiecoach.gekozen_besparing_maand == 0
    assert not any(m.gekozen for m in r.energiecoach.maatregelen)


# ---------------------------------------------------------------------------------------------------------------
# Issue 17, second session: the income measure, an income of 0, the betaalrisico, the coach under the 2023 price cap


def test_the_verzamelinkomen_alone_is_not_read_as_the_disposable_income():
    """The monitor's measure is the disposable income; the gross verzamelinkomen (huurtoeslag, Warmtefonds) is never
    used for it: with only a verzamelinkomen the indicators that need the income stay onbekend, not 'nee'."""
    r = bereken({"peildatum": "2025-01-01", "gemeente": "Enschede", "rol": "huurder",
                 "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": "F"},
                 "huishouden": {"personen": 1, "inkomen_jaar": 16_000}, "huur": {"kale_huur": 550}})
    e = r.energiearmoede
    assert e.laag_inkomen is None and e.energiequote_voor is None
    assert [(i.code, i.voor) for i in e.indicatoren] == [("HEQ", None), ("LIHE", None), ("LILEK", None),
                                                         ("LEKWI", None)]
    assert e.betaalruimte_maand_voor is None and e.betaalrisico_reden == "vul het besteedbare (netto) inkomen in"
    # the verzamelinkomen still gives the huurtoeslag
    assert r.voor.huur.huurtoeslag < 0


def test_an_income_of_zero_gives_no_energiequote_and_heq_onbekend():
    # 0 ≤ 20.875 → laag inkomen; energy costs ÷ 0 is no share of income → energiequote None, HEQ onbekend (not ja)
    r = _casus(1, 0, naar_label=None)
    e = r.energiearmoede
    assert e.laag_inkomen is True and e.energiequote_voor is None
    assert _ind(r, "HEQ").voor is None
    # label F with a low income: LILEK and LEKWI are decided without the quote
    assert _ind(r, "LILEK").voor is True and _ind(r, "LEKWI").voor is True and e.energiearm_voor is True
    assert any(t.onderwerp == "Energiearmoede: energiequote" and "niet te berekenen bij een inkomen van € 0" in t.tekst
               for t in r.toelichting)


# tariffs/energiearmoede.csv: what a single person needs beside rent and energy, 2023 (and carried on):
# armoedegrens € 1.510 − huur € 590 − energie € 145 = € 775 a month (CBS/Nibud/SCP 2024, schatting)
MINIMUM_OVERIG = 1_510 - 590 - 145


# a verzamelinkomen at which the 2025 huurtoeslag is € 0 (so the rent after huurtoeslag is the rent)
GEEN_TOESLAG = {"personen": 1, "besteedbaar_inkomen_jaar": 16_000, "inkomen_jaar": 40_000}


def test_betaalrisico_of_a_single_tenant_by_hand():
    r = _casus(1, 16_000, huishouden=GEEN_TOESLAG)
    e = r.energiearmoede
    assert e.minimum_overig_maand == MINIMUM_OVERIG == 775
    # huurtoeslag € 0: 16.000 / 12 = 1.333,33 − 550,00 − 196,78 energy − 775 = −188,45
    assert r.voor.huur.huurtoeslag == 0 and r.voor.energie.totaal == pytest.approx(196.78, abs=0.01)
    assert e.betaalruimte_maand_voor == pytest.approx(16_000 / 12 - 550 - 196.78 - 775, abs=0.01)
    assert e.betaalruimte_maand_voor == pytest.approx(-188.45, abs=0.01) and e.betaalrisico_voor is True
    # after B: energy 165,73, the rent unchanged (no agreed rise) → 1.333,33 − 550 − 165,73 − 775 = −157,39
    assert r.na.huur.totaal == 550 and r.na.energie.totaal == pytest.approx(165.73, abs=0.01)
    assert e.betaalruimte_maand_na == pytest.approx(16_000 / 12 - 550 - r.na.energie.totaal - 775, abs=0.01)
    assert e.betaalrisico_na is True and e.betaalrisico_reden is None
    assert any(t.onderwerp == "Betaalrisico" and "€ 188,45 tekort" in t.tekst and "huur na huurtoeslag" in t.tekst
               for t in r.toelichting)
    from woonlasten.cli import tekst_samenvatting

    assert "betaalrisico: € 188,45 tekort → € 157," in tekst_samenvatting(r)


def test_betaalrisico_counts_the_rent_after_huurtoeslag_and_can_leave_money_over():
    r = _casus(1, 22_000, naar_label=None, huishouden={"personen": 1, "besteedbaar_inkomen_jaar": 22_000,
                                                        "inkomen_jaar": 20_000})
    e = r.energiearmoede
    toeslag = r.voor.huur.huurtoeslag  # negative
    assert toeslag < 0
    # 22.000 / 12 = 1.833,33 − (550 + huurtoeslag) − energy − 775
    verwacht = 22_000 / 12 - (550 + toeslag) - r.voor.energie.totaal - 775
    assert e.betaalruimte_maand_voor == pytest.approx(verwacht, abs=0.01)
    assert verwacht > 0 and e.betaalrisico_voor is False


def test_betaalrisico_is_onbekend_where_no_figure_fits():
    # two persons: no minimum budget row for that household type
    e = _casus(2, 20_000).energiearmoede
    assert e.betaalruimte_maand_voor is None and e.betaalrisico_voor is None
    assert e.betaalrisico_reden.startswith("geen minimumbudget gevonden voor een huishouden van 2 personen")
    # a year without a row (2022)
    e = _casus(1, 16_000, naar_label=None, peildatum="2022-06-01").energiearmoede
    assert e.betaalruimte_maand_voor is None and e.betaalrisico_reden == "geen minimumbudget bekend voor 2022"


def _eigenaar(hypotheek):
    fin = {"vorm": "eigen_geld"} | ({"hypotheeklasten_maand": hypotheek} if hypotheek is not None else {})
    return bereken({"peildatum": "2025-01-01", "gemeente": "Enschede", "rol": "eigenaar",
                    "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 80, "energielabel": "F",
                               "woz_waarde": 200_000},
                    "huishouden": {"personen": 1, "besteedbaar_inkomen_jaar": 24_000},
                    "ingreep": {"maatregelen": ["dakisolatie"]}, "financiering": fin})


def test_betaalrisico_of_an_owner_needs_the_mortgage_costs():
    e = _eigenaar(None).energiearmoede
    assert e.betaalruimte_maand_voor is None and e.betaalrisico_reden.startswith("vul de hypotheeklasten in")
    r = _eigenaar(400)
    # 24.000 / 12 = 2.000 − 400 mortgage − energy − 775
    assert r.energiearmoede.betaalruimte_maand_voor == pytest.approx(2_000 - 400 - r.voor.energie.totaal - 775,
                                                                     abs=0.01)
    assert any(t.onderwerp == "Betaalrisico" and "hypotheek" in t.tekst and "apart budget voor eigenaren" in t.tekst
               for t in r.toelichting)


def test_the_page_and_pdf_rows_carry_the_betaalrisico():
    from app.opmaak import armoede_rijen, betaalrisico_zin

    # after: 1.333,333 − 550 − 165,727 − 775 = −157,39 (the energy total unrounded)
    rijen = armoede_rijen(_casus(1, 16_000, huishouden=GEEN_TOESLAG))
    assert rijen[-1] == ("", "betaalrisico (per maand over of tekort)", "€ 188,45 tekort", "€ 157,39 tekort")
    # the owner page shows only LEKWI of the indicators, and the betaalrisico (here onbekend, with its reason)
    rijen = armoede_rijen(_eigenaar(None), alleen=("LEKWI",))
    assert [r[0] for r in rijen if r[0]] == ["LEKWI"]
    assert rijen[-1] == ("", "betaalrisico (per maand over of tekort)", "onbekend", "onbekend")
    assert betaalrisico_zin(_eigenaar(None)).startswith("Betaalrisico onbekend: vul de hypotheeklasten in")


# 2023 price cap (tariffs/prijsplafond.csv): gas € 1,45 per m³ incl. taxes and btw up to 1.200 m³ a year,
# electricity € 0,40 per kWh up to 2.900 kWh
def test_the_coach_prices_a_2023_saving_under_the_price_cap_at_the_cap_price():
    r = bereken({"peildatum": "2023-06-01", "gemeente": "Enschede", "rol": "huurder",
                 "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": "F"},
                 "huishouden": {"personen": 1, "gedrag": ["thermostaat_1_graad", "led_lamp:8"]},
                 "huur": {"kale_huur": 550}})
    m = {x.maatregel: x for x in r.energiecoach.maatregelen}
    # gas: 60 × 12,60 / 1,04 = 726,92 m³ space heating + 140 tap water + 15 cooking = 881,92 m³ ≤ 1.200: the
    # household pays € 1,45 per m³, so 6 % × 726,92 = 43,615 m³ saves 43,615 × 1,45 = € 63,24 (not the full tariff)
    ruimte = 60 * 12.60 / 1.04
    assert m["thermostaat_1_graad"].besparing_euro_per_jaar == pytest.approx(0.06 * ruimte * 1.45, abs=0.01)
    assert m["thermostaat_1_graad"].besparing_euro_per_jaar == pytest.approx(63.24, abs=0.01)
    # electricity well under 2.900 kWh: 8 × 19,25 = 154 kWh × 0,40 = € 61,60
    assert m["led_lamp"].besparing_euro_per_jaar == pytest.approx(61.60, abs=0.01)
    assert r.energiecoach.gekozen_besparing_maand == pytest.approx((63.24 + 61.60) / 12, abs=0.01)


def test_the_coach_prices_a_saving_above_the_cap_volume_at_the_full_price():
    from woonlasten.bereken import bereken_frame
    from woonlasten.casus import casus_naar_rij
    from woonlasten.data import laad_tabellen
    from woonlasten.modellen import Casus

    casus = Casus.model_validate({
        "peildatum": "2023-06-01", "gemeente": "Enschede", "rol": "huurder",
        "woning": {"woningtype": "appartement", "oppervlakte_m2": 60, "energielabel": "F"},
        "huishouden": {"personen": 1}, "huur": {"kale_huur": 550}, "verbruik": {"gas_m3": 2_000}})
    rij = bereken_frame(pd.DataFrame([casus_naar_rij(casus)]), laad_tabellen()).iloc[0]
    # 2.000 m³: the saving (a few dozen m³) all falls above the 1.200 m³ cap volume, so every m³ saves the full
    # first-bracket price incl. btw, which in 2023 was above the cap price
    m3 = rij["voor_gedrag_thermostaat_1_graad_eenheden"]
    assert 0 < m3 < 2_000 - 1_200 and rij["prijs_gas_incl_btw"] > 1.45
    assert rij["voor_gedrag_thermostaat_1_graad_jaar"] == pytest.approx(m3 * rij["prijs_gas_incl_btw"], abs=1e-6)


def test_the_low_income_limit_of_2022_is_the_cbs_amount_of_that_year():
    # CBS (8-11-2023): lage-inkomensgrens 2022 for a single person € 1.200 net a month; 130 %: 1.200 × 12 × 1,30 =
    # € 18.720 a year. An income of € 18.000 is low in 2022 (it was above the 2020 amount of € 17.160 used before)
    e = _casus(1, 18_000, naar_label=None, peildatum="2022-06-01").energiearmoede
    assert e.grens_laag_inkomen == 1_200 * 12 * 1.30 == 18_720
    assert e.laag_inkomen is True and _ind(_casus(1, 18_000, naar_label=None, peildatum="2022-06-01"), "LILEK").voor
    # LEKWI: 200 % = 1.200 × 12 × 2 = € 28.800; € 28.000 is below it, € 29.000 above (label F)
    assert _ind(_casus(1, 28_000, naar_label=None, peildatum="2022-06-01"), "LEKWI").voor is True
    assert _ind(_casus(1, 29_000, naar_label=None, peildatum="2022-06-01"), "LEKWI").voor is False


def test_betaalrisico_of_a_tenant_without_the_huurtoeslag_estimate_is_onbekend():
    """The rent counts after huurtoeslag; without a verzamelinkomen the huurtoeslag is not estimated, so the
    betaalrisico is not computed (it said 'tekort' on the full rent while the row said 'na huurtoeslag')."""
    e = _casus(1, 16_000).energiearmoede
    assert e.betaalruimte_maand_voor is None and e.betaalrisico_voor is None
    assert e.betaalrisico_reden.startswith("vul ook het verzamelinkomen in")
