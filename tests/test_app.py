"""The Streamlit app in-process (streamlit.testing AppTest): every page runs without an exception, the figures shown
are the core's figures for the same case, and bad input (an impossible upgrade, a broken upload) gives a Dutch
message instead of a traceback."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app.advies import advies_html, korte_bron, staaf_svg
from app.opmaak import kasstroom, onderdelen, tabel_rijen
from woonlasten import Casus, bereken
from woonlasten.casus import bereken_jaren
from woonlasten.formatteer import euro, euro_verschil, getal, oordeel
from woonlasten.getalinvoer import lees_datum
from woonlasten.portefeuille import SCENARIOS, bereken_portefeuille, lees_woningen, samenvatting

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app" / "start.py")
TIMEOUT = 60


# ----------------------------------------------------------------------------------------------------------
# helpers


def start(pagina: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if pagina:
        at.switch_page(pagina).run()
    assert not at.exception, at.exception
    return at


def peildatum_van(at: AppTest) -> dt.date:
    """The peildatum in the sidebar's field, read the Dutch way (dd-mm-jjjj)."""
    return lees_datum(at.text_input(key="peildatum").value)


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    """label → (value, delta) of every metric on the page."""
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def zonder_fouten(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def _wijzig(casus: dict, wijzig: dict) -> dict:
    """Apply changes named like ``huur__kale_huur`` (double underscore = one level deeper) to a case dict."""
    for pad, waarde in wijzig.items():
        *ouders, blad = pad.split("__")
        doel = casus
        for o in ouders:
            doel = doel.setdefault(o, {})
        doel[blad] = waarde
    return casus


def huurder_casus(at: AppTest, **wijzig) -> dict:
    """The tenant case the app should compute with its default inputs (written out here, not taken from the app),
    plus changes."""
    casus = {
        "peildatum": peildatum_van(at).isoformat(), "gemeente": "Borne", "rol": "huurder",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "bouwjaar": 1975,
                   "verwarming": "gasketel"},
        "huishouden": {"personen": 3},
        "huur": {"kale_huur": 600.0, "servicekosten": 20.0},
        "ingreep": {"naar_label": "B", "maatregelen": [], "huurverhoging": None},
    }
    return _wijzig(casus, wijzig)


def _totalen_getoond(at: AppTest, casus: dict):
    """No exception; the totals, energy and the verdict on screen are the core's for ``casus``.
    Returns (result, metrics, the table as text)."""
    zonder_fouten(at)
    r = bereken(Casus.model_validate(casus))
    m = metrics(at)
    assert m["Woonlasten nu"][0] == euro(r.voor.totaal)
    assert m["Woonlasten na"] == (euro(r.na.totaal), _delta(r.verschil.totaal))
    assert m["Energie na"] == (euro(r.na.energie.totaal), _delta(r.verschil.energie.totaal))
    assert oordeel(r) in [e.value.split("  \n")[0] for e in (*at.success, *at.warning)]
    return r, m, leesbaar(next(md.value for md in at.markdown if md.value.startswith("| Per maand")))


def controleer_huurder(at: AppTest, casus: dict) -> None:
    """The metrics, the verdict, the table and the chart show exactly the core's result for ``casus``."""
    r, m, tabel = _totalen_getoond(at, casus)
    assert m["Huur na"] == (euro(r.na.huur.totaal), _delta(r.verschil.huur.totaal))
    for bedrag in (r.voor.energie.gas, r.na.energie.gas, r.voor.lokale_lasten.totaal, r.na.totaal):
        assert euro(bedrag) in tabel
    # one chart, drawn in place (the sidebar holds only the empty chart that loads the chart code, app/start.py)
    assert len(at.main.get("vega_lite_chart")) == 1
    grafiek = json.loads(at.main.get("vega_lite_chart")[0].proto.spec)
    assert grafiek["title"]["text"] == "Woonlasten per maand"


def leesbaar(tekst: str) -> str:
    """Screen text with the no-break characters of the amounts made plain again."""
    return tekst.replace("\u2060", "").replace("\u00a0", " ")


def _delta(x: float) -> str:
    return "€ 0,00" if round(x, 2) == 0 else euro_verschil(x)


# ----------------------------------------------------------------------------------------------------------
# Huurder


def test_huurder_eerste_scherm_is_een_zinvolle_casus():
    at = start()
    assert at.title[0].value == "Woonlasten van een huurder"
    assert at.selectbox(key="gemeente").value == "Borne"
    assert at.selectbox(key="energielabel").value == "E"
    assert at.selectbox(key="naar_label").value == "B"
    controleer_huurder(at, huurder_casus(at))
    assert any("Hoe is dit berekend" in e.proto.label for e in at.expander)
    assert at.get("download_button"), "het afdrukbare advies ontbreekt"


def test_hoe_is_dit_berekend_pas_bij_openen():
    """The sources are sent once the expander is opened (the first load stays light), then every item with its
    source."""
    at = start()
    r = bereken(Casus.model_validate(huurder_casus(at)))
    eerste = f"**{r.toelichting[0].onderwerp}.**"
    assert not any(md.value.startswith(eerste) for md in at.markdown)
    at.session_state["hoe_berekend_huurder"] = True  # what opening the expander does
    at.run()
    zonder_fouten(at)
    toelichting = next(md.value for md in at.markdown if md.value.startswith(eerste))
    assert toelichting.count("Bron") == sum(1 for t in r.toelichting if t.bron)
    controleer_huurder(at, huurder_casus(at))


def test_huurder_label_en_huur_wijzigen():
    at = start()
    at.selectbox(key="energielabel").set_value("G").run()
    at.text_input(key="kale_huur").input("550").run()
    at.text_input(key="personen").input("1").run()
    at.selectbox(key="naar_label").set_value("A").run()
    controleer_huurder(at, huurder_casus(at, woning__energielabel="G", huur__kale_huur=550.0,
                                        huishouden__personen=1, ingreep__naar_label="A"))


def test_huurder_eigen_verbruik_maatregelen_en_huurverhoging():
    at = start()
    at.text_input(key="gas_m3").input("1.400").run()
    at.text_input(key="elektriciteit_kwh").input("2.900").run()
    at.selectbox(key="naar_label").select_index(0).run()  # "volgt uit de maatregelen"
    at.multiselect(key="maatregelen").set_value(["spouwmuurisolatie", "dakisolatie", "hr_glas"]).run()
    at.text_input(key="huurverhoging").input("35").run()
    casus = huurder_casus(at, verbruik__gas_m3=1400, verbruik__elektriciteit_kwh=2900, ingreep__naar_label=None,
                          ingreep__maatregelen=["spouwmuurisolatie", "dakisolatie", "hr_glas"],
                          ingreep__huurverhoging=35.0)
    controleer_huurder(at, casus)
    r = bereken(Casus.model_validate(casus))
    assert r.na.huur.huurverhoging == 35.0
    assert any("€ 35,00" in md.value for md in at.markdown)


def test_huurder_inkomen_geeft_huurtoeslag_en_oordeel_na_huurtoeslag():
    at = start()
    if "inkomen_jaar" not in {n.key for n in at.text_input}:
        pytest.fail("het invoerveld inkomen_jaar ontbreekt (de kern kent het wel)")
    at.text_input(key="inkomen_jaar").input("24.000").run()
    at.multiselect(key="maatregelen").set_value(["hybride_warmtepomp"]).run()
    casus = huurder_casus(at, huishouden__inkomen_jaar=24_000.0, ingreep__maatregelen=["hybride_warmtepomp"])
    controleer_huurder(at, casus)
    r = bereken(Casus.model_validate(casus))
    assert r.huur_informatie.huurtoeslag_berekend
    assert metrics(at)["Na huurtoeslag"] == (euro(r.na.totaal_netto), _delta(r.verschil.totaal_netto))
    oordeel_vak = next(e.value for e in (*at.success, *at.warning))
    assert "Na huurtoeslag:" in oordeel_vak
    huur = next(md.value for md in at.markdown if "Geschatte huurtoeslag nu" in md.value)
    assert euro(-r.voor.huur.huurtoeslag) in huur and r.huur_informatie.regel in huur
    tabel = leesbaar(next(md.value for md in at.markdown if md.value.startswith("| Per maand")))
    assert "Woonlasten na huurtoeslag" in tabel


def test_huurder_nieuwe_verhuring():
    at = start()
    at.checkbox(key="nieuwe_verhuring").check().run()
    controleer_huurder(at, huurder_casus(at, ingreep__nieuwe_verhuring=True))


def test_huurder_warmtepomp_verandert_verwarming():
    at = start()
    at.multiselect(key="maatregelen").set_value(["warmtepomp"]).run()
    controleer_huurder(at, huurder_casus(at, ingreep__maatregelen=["warmtepomp"]))


def test_huurder_zijbalk_gemeente_en_peildatum():
    at = start()
    at.selectbox(key="gemeente").set_value("Hengelo").run()
    at.text_input(key="peildatum").input("1-3-2023").run()
    controleer_huurder(at, huurder_casus(at, gemeente="Hengelo", peildatum="2023-03-01"))


def test_huurder_zonder_ingreep_toont_alleen_nu():
    at = start()
    at.selectbox(key="naar_label").select_index(0).run()  # "volgt uit de maatregelen"
    zonder_fouten(at)
    r = bereken(Casus.model_validate(huurder_casus(at, ingreep=None)))
    m = metrics(at)
    assert m["Woonlasten nu"][0] == euro(r.voor.totaal)
    assert "Woonlasten na" not in m
    assert any("Geen ingreep" in i.value for i in at.info)


def band_op_scherm(at: AppTest) -> tuple[str, str | None]:
    """(the 'Bandbreedte' line under the metrics, the 'Let op' note next to the verdict or None), as plain text."""
    regel = leesbaar(next(c.value for c in at.caption if c.value.startswith("Bandbreedte:")))
    let_op = [leesbaar(w.value) for w in at.warning if "Let op:" in w.value]
    assert len(let_op) <= 1
    return regel, (let_op[0] if let_op else None)


def test_huurder_bandbreedte_zeker_en_onzeker():
    """Principle 7: the band of the estimate is always one line under the metrics; when it changes the verdict, a
    'Let op' note in words stands right under the verdict (not only a colour)."""
    at = start()
    r = bereken(Casus.model_validate(huurder_casus(at)))
    assert r.bandbreedte.oordeel_zeker and r.bandbreedte.relatief == 0.5
    regel, let_op = band_op_scherm(at)
    assert let_op is None
    assert "50 % meer of minder verbruik" in regel and "het oordeel blijft hetzelfde" in regel
    assert euro_verschil(r.bandbreedte.verschil_totaal_laag) in regel
    assert euro_verschil(r.bandbreedte.verschil_totaal_hoog) in regel

    # E -> B with a rent increase close to the saving: the band straddles zero
    at.text_input(key="huurverhoging").input("30").run()
    casus = huurder_casus(at, ingreep__huurverhoging=30.0)
    controleer_huurder(at, casus)
    b = bereken(Casus.model_validate(casus)).bandbreedte
    assert not b.oordeel_zeker and b.verschil_totaal_laag < 0 < b.verschil_totaal_hoog
    regel, let_op = band_op_scherm(at)
    assert let_op is not None, "geen 'Let op' bij een onzeker oordeel"
    assert let_op.startswith("**Let op:** dit oordeel is niet zeker, want het verbruik is geschat")
    for tekst in (regel, let_op):
        assert euro_verschil(b.verschil_totaal_laag) in tekst and euro_verschil(b.verschil_totaal_hoog) in tekst
    assert "jaarafrekening" in let_op and "hangt dus af van het werkelijke verbruik" in regel

    # with the household's own use the core has no band: a sure verdict, said so
    at.text_input(key="gas_m3").input("1.400").run()
    at.text_input(key="elektriciteit_kwh").input("2.500").run()
    casus = huurder_casus(at, ingreep__huurverhoging=30.0, verbruik__gas_m3=1400, verbruik__elektriciteit_kwh=2500)
    controleer_huurder(at, casus)
    assert bereken(Casus.model_validate(casus)).bandbreedte.relatief == 0
    regel, let_op = band_op_scherm(at)
    assert let_op is None and "eigen gas- en stroomverbruik van de jaarafrekening" in regel


@pytest.mark.parametrize("veld, getypt, pad, waarde, getoond", [
    ("kale_huur", "1.200", "huur__kale_huur", 1200.0, "1.200,00"),  # not € 1,20
    ("kale_huur", "650,50", "huur__kale_huur", 650.5, "650,50"),  # not 65050
    ("kale_huur", "600.00", "huur__kale_huur", 600.0, "600,00"),  # as a calculator writes it
    ("gas_m3", "1.800", "verbruik__gas_m3", 1800, "1.800"),  # from the annual bill: not 1 m³
    ("oppervlakte_m2", "85", "woning__oppervlakte_m2", 85, "85"),
])
def test_huurder_getallen_op_zijn_nederlands(veld, getypt, pad, waarde, getoond):
    """What an energiecoach types from a letter or a bill means what a Dutch reader means; after Enter the field
    shows the value as it was read."""
    at = start()
    at.text_input(key=veld).input(getypt).run()
    assert at.text_input(key=veld).value == getoond
    controleer_huurder(at, huurder_casus(at, **{pad: waarde}))


@pytest.mark.parametrize("veld, getypt, in_melding", [
    ("kale_huur", "1,200.50", "Engels"),
    ("kale_huur", "zeshonderd", "geen getal"),
    ("kale_huur", "=1+1", "geen getal"),
    ("kale_huur", "", "vul een waarde in"),
    ("kale_huur", "20.000", "kan niet"),  # above the bound of € 10.000
    ("gas_m3", "1,800", "geen geheel getal"),  # 1,8 m³ to a Dutch reader: refused, not rounded
    ("personen", "0", "kan niet"),
])
def test_huurder_onleesbare_invoer_geeft_melding_en_geen_oude_uitkomst(veld, getypt, in_melding):
    """A value that cannot be read gets a Dutch message at the field, and the result area shows no result (an old
    result next to a refused value would read as the answer to it)."""
    at = start()
    assert metrics(at)  # the first case has a result
    at.text_input(key=veld).input(getypt).run()
    assert not at.exception
    meldingen = [e.value for e in at.error]
    assert any(in_melding in m for m in meldingen), meldingen
    assert not metrics(at), "de oude uitkomst staat er nog"
    assert any("Nog geen uitkomst" in w.value for w in at.warning)
    at.text_input(key=veld).input({"personen": "2", "gas_m3": "1.400"}.get(veld, "640")).run()
    zonder_fouten(at)
    assert metrics(at)  # corrected: the result is back


def test_huurder_onwaarschijnlijke_huur_waarschuwt():
    """A rent of € 12 is computed but warned about (it is almost always 1.200 typed wrongly)."""
    at = start()
    at.text_input(key="kale_huur").input("12").run()
    zonder_fouten(at)
    assert any("ongebruikelijk" in w.value and "Kale huur" in w.value for w in at.warning)
    controleer_huurder(at, huurder_casus(at, huur__kale_huur=12.0))


def test_peildatum_zonder_tarieven_geeft_melding_en_geen_uitkomst():
    """A peildatum after the last tariffs is said in Dutch at the field; no result of another date stays."""
    at = start()
    at.text_input(key="peildatum").input("01-01-2099").run()
    assert not at.exception
    assert any("geen tarieven" in e.value for e in at.error)
    assert not metrics(at)


@pytest.mark.parametrize("getypt, in_melding", [("", "vul een datum in"), ("2025-13-01", "bestaat niet"),
                                                ("06/01/25", "geen datum"), ("morgen", "geen datum")])
def test_peildatum_onleesbaar_op_elke_pagina_geen_uitkomst(getypt, in_melding):
    """A peildatum that cannot be read: a Dutch message at the field and no result on the tenant page nor on the
    portfolio (which computed with today's date before)."""
    at = start()
    at.text_input(key="peildatum").input(getypt).run()
    assert any(in_melding in e.value for e in at.error), [e.value for e in at.error]
    assert not metrics(at)
    at.switch_page("portefeuille.py").run()
    assert not at.exception
    assert not metrics(at)


def test_peildatum_getypt_zoals_op_een_brief():
    """1-6-2025 is 1 June 2025 (day first); after Enter the field shows 01-06-2025."""
    at = start()
    at.text_input(key="peildatum").input("1-6-2025").run()
    assert at.text_input(key="peildatum").value == "01-06-2025"
    controleer_huurder(at, huurder_casus(at))
    assert huurder_casus(at)["peildatum"] == "2025-06-01"


@pytest.mark.parametrize("nu, doel", [("A", "B"), ("B", "B"), ("B", "E")])
def test_doellabel_al_gehaald_toont_de_kosten_van_nu(nu, doel):
    """A home that already has the target label (or a better one): today's costs and a plain sentence, not a
    technical error that removes the result, nor 'per maand gelijk' without saying that nothing changes."""
    at = start()
    at.selectbox(key="energielabel").set_value(nu).run()
    at.selectbox(key="naar_label").set_value(doel).run()
    zonder_fouten(at)
    assert any(f"De woning heeft nu label {nu}" in i.value and "verandert niets" in i.value for i in at.info)
    r = bereken(Casus.model_validate(huurder_casus(at, woning__energielabel=nu, ingreep=None)))
    assert r.na is None
    assert metrics(at)["Woonlasten nu"][0] == euro(r.voor.totaal)
    assert not any("slechter" in t.value for t in (*at.error, *at.warning, *at.info))


def test_invoer_blijft_bewaard_bij_wisselen_van_pagina():
    at = start()
    at.text_input(key="kale_huur").input("712,50").run()
    at.switch_page("bronnen.py").run()
    at.switch_page("huurder.py").run()
    assert at.text_input(key="kale_huur").value == "712,50"
    controleer_huurder(at, huurder_casus(at, huur__kale_huur=712.5))


def test_elk_invoerveld_heeft_een_label_en_hulptekst():
    for pagina in (None, "eigenaar.py", "portefeuille.py", "bronnen.py"):
        at = start(pagina)
        widgets = [*at.number_input, *at.selectbox, *at.multiselect, *at.date_input, *at.radio, *at.text_input,
                   *at.checkbox]
        assert widgets
        assert not at.number_input  # numbers are typed the Dutch way in text fields (app.gedeeld.getalveld)
        for w in widgets:
            assert w.label.strip(), w
            assert w.help.strip(), f"{pagina}: {w.label} heeft geen hulptekst"
        for n in at.text_input:  # every number field says its bounds
            if n.key != "br_zoek":
                assert "Toegestaan:" in n.help, n.label


# ----------------------------------------------------------------------------------------------------------
# Eigenaar


def eigenaar_casus(at: AppTest, maatregelen: dict[str, float], **wijzig) -> dict:
    casus = {
        "peildatum": peildatum_van(at).isoformat(), "gemeente": "Borne", "rol": "eigenaar",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "bouwjaar": 1975,
                   "verwarming": "gasketel", "woz_waarde": 300_000},
        "huishouden": {"personen": 2},
        "ingreep": {"naar_label": None, "maatregelen": [{"naam": m, "hoeveelheid": q} for m, q in maatregelen.items()]},
        "financiering": {"vorm": "warmtefonds"},
    }
    return _wijzig(casus, wijzig)


def controleer_eigenaar(at: AppTest, casus: dict) -> None:
    r, m, tabel = _totalen_getoond(at, casus)
    assert m["Lokale lasten na"][0] == euro(r.na.lokale_lasten.totaal)
    assert "OZB" in tabel and euro(r.voor.lokale_lasten.ozb) in tabel
    assert "kale huur" not in tabel
    f = r.financiering
    assert f is not None, "de kern geeft geen financiering voor een eigenaar met maatregelen"
    assert m["Investering"][0] == (euro(f.investering, 0) if f.investering >= 1000 else euro(f.investering))
    assert m["Subsidie (ISDE)"][0] == (euro(f.subsidie, 0) if f.subsidie >= 1000 else euro(f.subsidie))
    assert m["Maandlast lening"][0] == euro(f.maandlast)
    assert m["Per maand netto"][0] == euro_verschil(f.netto_maandeffect)
    if f.terugverdientijd_jaar is not None:
        assert m["Terugverdientijd"][0] == f"{getal(f.terugverdientijd_jaar, 1)} jaar"
    met_rente = getattr(f, "terugverdiend_met_financiering_jaar", None)
    if met_rente is not None:
        assert m["Met financiering"][0] == ("vanaf jaar 1" if met_rente <= 1 else f"na {met_rente} jaar")
    if f.maandlast:
        assert "maandlast lening" in tabel and euro(r.na.financiering.lening) in tabel
    tabel_maatregelen = next(d.value for d in at.dataframe if "Maatregel" in d.value.columns)
    for rij, kern in zip(tabel_maatregelen.to_dict("records"), f.per_maatregel, strict=True):
        assert rij["Investering"] == euro(kern["investering"], 0)
        assert rij["Subsidie (ISDE)"] == euro(kern["subsidie"], 0)
    if f.kasstroom:
        assert len(at.main.get("vega_lite_chart")) == 2, "de grafiek van het opgeteld resultaat ontbreekt"


STANDAARD_HOEVEELHEDEN = {"spouwmuurisolatie": 39, "dakisolatie": 68, "vloerisolatie": 64, "hr_glas": 22}


def test_eigenaar_standaard():
    at = start("eigenaar.py")
    assert at.title[0].value == "Woonlasten van een eigenaar"
    controleer_eigenaar(at, eigenaar_casus(at, STANDAARD_HOEVEELHEDEN))
    tabel = next(d.value for d in at.dataframe if "Maatregel" in d.value.columns)
    assert list(tabel["Maatregel"]) == ["Spouwmuurisolatie", "Dakisolatie", "Vloerisolatie", "HR++-glas"]


def test_eigenaar_inkomen_onder_de_grens_geeft_nul_procent_en_rente_op_zijn_nederlands():
    """The owner's household income decides the Warmtefonds' 0% rate (the help text promised it, the field was
    missing); a rate typed as '4,1' is 4,1%."""
    at = start("eigenaar.py")
    at.text_input(key="eig_inkomen_jaar").input("40.000").run()
    casus = eigenaar_casus(at, STANDAARD_HOEVEELHEDEN, huishouden__inkomen_jaar=40_000.0)
    controleer_eigenaar(at, casus)
    r = bereken(Casus.model_validate(casus))
    assert r.financiering.rente_pct == 0  # 40.000 is under the limit of 60.000 (tariffs/warmtefonds.csv, 2024-)
    at.selectbox(key="eig_fin_vorm").set_value("hypotheek").run()
    at.text_input(key="eig_fin_rente_pct").input("4,1").run()
    assert at.text_input(key="eig_fin_rente_pct").value == "4,10"
    casus = eigenaar_casus(at, STANDAARD_HOEVEELHEDEN, huishouden__inkomen_jaar=40_000.0,
                           financiering__vorm="hypotheek", financiering__rente_pct=4.1)
    controleer_eigenaar(at, casus)
    assert bereken(Casus.model_validate(casus)).financiering.rente_pct == 4.1


def test_eigenaar_financiering_en_offerteprijs():
    at = start("eigenaar.py")
    at.selectbox(key="eig_fin_vorm").set_value("eigen_geld").run()
    at.text_input(key="eig_prijs_dakisolatie").input("65").run()
    casus = eigenaar_casus(at, STANDAARD_HOEVEELHEDEN, financiering__vorm="eigen_geld")
    casus["ingreep"]["maatregelen"][1]["prijs_per_eenheid"] = 65.0
    controleer_eigenaar(at, casus)
    r = bereken(Casus.model_validate(casus))
    assert r.financiering.lening == 0 and r.na.financiering.lening == 0
    at.selectbox(key="eig_fin_vorm").set_value("warmtefonds").run()
    at.text_input(key="eig_fin_looptijd_jaar").input("10").run()
    casus = eigenaar_casus(at, STANDAARD_HOEVEELHEDEN, financiering__looptijd_jaar=10)
    casus["ingreep"]["maatregelen"][1]["prijs_per_eenheid"] = 65.0
    controleer_eigenaar(at, casus)


def test_eigenaar_maatregelen_hoeveelheden_en_woz_wijzigen():
    at = start("eigenaar.py")
    at.multiselect(key="eig_maatregelen").set_value(["dakisolatie", "zonnepanelen"]).run()
    at.text_input(key="eig_hoeveelheid_dakisolatie_tussenwoning").input("50").run()
    at.text_input(key="eig_hoeveelheid_zonnepanelen_tussenwoning").input("8").run()
    at.text_input(key="eig_woz_waarde").input("350.000").run()
    at.selectbox(key="eig_naar_label").set_value("C").run()
    casus = eigenaar_casus(at, {"dakisolatie": 50, "zonnepanelen": 8}, woning__woz_waarde=350_000,
                           ingreep__naar_label="C")
    controleer_eigenaar(at, casus)


def test_eigenaar_bandbreedte_zeker_en_onzeker():
    at = start("eigenaar.py")
    r = bereken(Casus.model_validate(eigenaar_casus(at, STANDAARD_HOEVEELHEDEN)))
    regel, let_op = band_op_scherm(at)
    assert r.bandbreedte.oordeel_zeker and let_op is None and "het oordeel blijft hetzelfde" in regel
    assert euro_verschil(r.bandbreedte.verschil_totaal_laag) in regel

    # cavity wall and floor on a Warmtefonds loan: the loan's payment is close to the estimated saving
    at.multiselect(key="eig_maatregelen").set_value(["spouwmuurisolatie", "vloerisolatie"]).run()
    hoeveelheden = {m: STANDAARD_HOEVEELHEDEN[m] for m in ("spouwmuurisolatie", "vloerisolatie")}
    casus = eigenaar_casus(at, hoeveelheden)
    controleer_eigenaar(at, casus)
    b = bereken(Casus.model_validate(casus)).bandbreedte
    assert not b.oordeel_zeker
    regel, let_op = band_op_scherm(at)
    assert let_op is not None and "niet zeker" in let_op and "jaarafrekening" in let_op
    assert euro_verschil(b.verschil_totaal_laag) in let_op and euro_verschil(b.verschil_totaal_hoog) in let_op
    assert "hangt dus af van het werkelijke verbruik" in regel


# ----------------------------------------------------------------------------------------------------------
# Portefeuille


def portefeuille_csv() -> bytes:
    """A small stock in Dutch office style (';', decimal comma), two complexes, one row with an unknown label."""
    regels = ["VHE;Complex;Gemeente;Type;Oppervlakte;Label;Kale huur;Personen"]
    typen = ["tussenwoning", "hoekwoning", "appartement", "tussenwoning", "twee-onder-een-kap"]
    labels = ["E", "F", "C", "B", "G", "D", "A"]
    for i in range(1, 36):
        complex_ = "Borne-Oost" if i <= 20 else "Hengelo-Noord"
        gemeente = "Borne" if i <= 20 else "Hengelo"
        regels.append(f"{1000 + i};{complex_};{gemeente};{typen[i % 5]};{60 + (i * 7) % 50},5;{labels[i % 7]};"
                      f"{520 + (i * 13) % 200},25;{1 + i % 4}")
    regels.append("1099;Hengelo-Noord;Hengelo;tussenwoning;80;Q;600;2")
    return ("\n".join(regels) + "\n").encode("utf-8")


def naar_eigen_bestand(at: AppTest) -> AppTest:
    if at.radio(key="pf_bron").value != "Eigen bestand":
        at.radio(key="pf_bron").set_value("Eigen bestand").run()
    return at


def test_portefeuille_upload_toont_de_uitkomst_van_de_kern():
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value(("woningen.csv", portefeuille_csv(), "text/csv")).run()
    zonder_fouten(at)
    woningen = lees_woningen(portefeuille_csv(), "woningen.csv")
    peildatum = peildatum_van(at).isoformat()
    r = bereken_portefeuille(woningen, SCENARIOS["label-B"], peildatum)
    totaal = samenvatting(r, per=None).iloc[0]
    m = metrics(at)
    assert m["Woningen"][0] == "36"
    # how the file was read, in words (separator, encoding, decimal rule), as the CLI says it
    assert any(c.value.replace("\\", "").startswith("Gelezen als CSV met ';'") and "37 regels, 36 woningen"
               in c.value.replace("\\", "") for c in at.caption)
    assert m["Aangepakt"][0] == getal(totaal["aangepakt"])
    assert m["Gemiddeld verschil"][0] == euro_verschil(totaal["gemiddeld_verschil_maand"])
    assert m["Met een fout"][0] == "1"
    assert m["Woonlastenneutraal"][0] == f"{getal(totaal['aandeel_neutraal'] * 100, 1)}%"
    complexen = next(d.value for d in at.dataframe if "aandeel_neutraal" in d.value.columns)
    verwacht = samenvatting(r, per="Complex")
    verwacht = verwacht.set_index(verwacht.columns[0])  # the group column ('Complex' or 'complex')
    assert sorted(complexen["complex"]) == ["Borne-Oost", "Hengelo-Noord"]
    for _, rij in complexen.iterrows():
        assert rij["woningen"] == verwacht.loc[rij["complex"], "woningen"]
        assert rij["gemiddeld_verschil_maand"] == pytest.approx(verwacht.loc[rij["complex"],
                                                                             "gemiddeld_verschil_maand"])
    fouten = next(d.value for d in at.dataframe if "melding" in d.value.columns and "regel" in d.value.columns)
    assert list(fouten["regel"]) == [37]
    assert "energielabel" in fouten["melding"].iloc[0]
    assert at.get("vega_lite_chart"), "de verdeling van het verschil ontbreekt"
    assert {b.proto.label for b in at.get("download_button")} >= {"Resultaat als CSV (Excel-NL)",
                                                                  "Resultaat als Excel (.xlsx)"}


def test_portefeuille_scenario_label_a_en_eigen():
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value(("woningen.csv", portefeuille_csv(), "text/csv")).run()
    at.radio(key="pf_scenario").set_value("label-A").run()
    zonder_fouten(at)
    r = bereken_portefeuille(lees_woningen(portefeuille_csv(), "w.csv"), SCENARIOS["label-A"],
                             peildatum_van(at).isoformat())
    assert metrics(at)["Aangepakt"][0] == getal(samenvatting(r, per=None).iloc[0]["aangepakt"])
    at.radio(key="pf_scenario").set_value("eigen").run()
    at.selectbox(key="pf_doellabel").set_value("C").run()
    zonder_fouten(at)
    assert any("naar label C" in s.value for s in at.subheader)


def test_portefeuille_excel_upload():
    buffer = io.BytesIO()
    lees_woningen(portefeuille_csv(), "w.csv").to_excel(buffer, index=False)
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value(("woningen.xlsx", buffer.getvalue(), "application/vnd.ms-excel"))
    at.run()
    zonder_fouten(at)
    assert metrics(at)["Woningen"][0] == "36"


@pytest.mark.parametrize("naam, inhoud, tekst", [
    ("kapot.csv", b"\x00\x01\x02 binair", "geen tekstbestand"),
    ("leeg.csv", b"", "leeg"),
    ("kolommen.csv", b"id;complex;huur\n1;A;600\n", "verplichte kolom"),
    ("alleen_kop.csv", b"id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur\n", "geen woningen"),
    ("geen_tabel.txt", b"dit is gewoon een brief\nmet twee regels\n", "geen tabel"),
    ("kapot.xlsx", b"PK\x03\x04 geen echt zipbestand", "Excel"),
])
def test_portefeuille_slechte_upload_geeft_nederlandse_fout(naam, inhoud, tekst):
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value((naam, inhoud, "text/csv")).run()
    assert not at.exception, at.exception
    assert len(at.error) == 1, [e.value for e in at.error]
    assert at.error[0].value.startswith("Het bestand kan niet worden")
    assert tekst.lower() in at.error[0].value.lower()
    assert "Traceback" not in at.error[0].value


# user text on screen: never Markdown (a link, an image the browser fetches, markup), always as typed
KWAAD_LINK = "[klik](http://example.org)"
KWAAD_BEELD = "![x](http://127.0.0.1:9/x.png)"


def geen_markdown(tekst: str) -> bool:
    """No unescaped character of a link, an image or emphasis in ``tekst`` (Markdown as sent to the browser)."""
    return re.search(r"(?<!\\)[\[\]()!*_<>`:]", tekst.split(": ", 1)[-1]) is None


def test_letterlijk_ontsnapt_markdown_en_html():
    from app.opmaak import letterlijk

    assert letterlijk(KWAAD_BEELD) == "\\!\\[x\\]\\(http\\:\\/\\/\u2060127\\.0\\.0\\.1\\:9\\/x\\.png\\)"
    assert letterlijk("www.x.nl a@b.nl") == "www\u2060\\.x\\.nl a\\@\u2060b\\.nl"
    assert letterlijk("<b>a</b>\n**b** :red[c] $d$") == r"\<b\>a\<\/b\> \*\*b\*\* \:red\[c\] \$d\$"
    assert letterlijk("Borne 12,5 m²") == r"Borne 12\,5 m²"


def test_portefeuille_bestandsnaam_en_kolomnamen_letterlijk_in_een_melding():
    at = naar_eigen_bestand(start("portefeuille.py"))
    inhoud = f"id;{KWAAD_BEELD};gemeente\n1;2;Borne\n".encode()
    at.file_uploader(key="pf_upload").set_value((f"{KWAAD_LINK}.csv", inhoud, "text/csv")).run()
    assert not at.exception
    assert len(at.error) == 1 and "verplichte kolom" in at.error[0].value
    assert "127\\.0\\.0\\.1" in at.error[0].value and geen_markdown(at.error[0].value), at.error[0].value


def test_portefeuille_bestandsnaam_letterlijk_bij_de_uitkomst():
    at = naar_eigen_bestand(start("portefeuille.py"))
    inhoud = portefeuille_csv().replace(b"Personen", KWAAD_BEELD.encode(), 1)
    at.file_uploader(key="pf_upload").set_value((f"{KWAAD_LINK} {KWAAD_BEELD}.csv", inhoud, "text/csv")).run()
    zonder_fouten(at)
    bijschrift = next(c.value for c in at.caption if c.value.startswith("Bestand: "))
    assert "example" in bijschrift and geen_markdown(bijschrift.split(" · ")[0]), bijschrift


def test_portefeuille_downloads_zijn_klaar_geen_uitgestelde_bestanden():
    """The download buttons carry their file (no deferred callable: with several sessions at once Streamlit could
    drop it before the click, and the download failed without a word)."""
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value(("woningen.csv", portefeuille_csv(), "text/csv")).run()
    zonder_fouten(at)
    knoppen = {b.proto.label: b.proto for b in at.get("download_button")}
    for label in ("Resultaat als CSV (Excel-NL)", "Resultaat als Excel (.xlsx)", "Sjabloon downloaden (CSV voor Excel)"):
        if label in knoppen:
            assert not knoppen[label].deferred_file_id and knoppen[label].url, label


def test_een_onverwachte_fout_op_een_pagina_geeft_een_nederlandse_melding(monkeypatch):
    import app.weergave

    def kapot(*args, **kwargs):
        raise RuntimeError("kapot <b>met</b> [link](http://example.org)")

    monkeypatch.setattr(app.weergave, "toon_resultaat", kapot)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert any("Er ging iets onverwacht mis" in e.value for e in at.error), [e.value for e in at.error]
    assert not any("example.org" in e.value or "Traceback" in e.value for e in at.error)


def test_geen_foutdetails_en_geen_favicon_van_buiten():
    config = (PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert re.search(r'^showErrorDetails = "none"', config, re.M)
    # the README's start command runs without a terminal: no first-run e-mail prompt (it exits without stdin)
    assert re.search(r"^showEmailPrompt = false", config, re.M)
    assert ":material/" not in re.search(r"page_icon=([^,]+),", (PROJECT / "app" / "start.py").read_text()).group(1)


def test_sessies_zonder_browser_worden_gesloten(monkeypatch):
    """A session whose browser has been gone for half of server.disconnectedSessionTTL is closed (so its upload
    leaves memory); a connected one is not."""
    from streamlit.runtime import Runtime

    from app import sessies

    class NepRuntime:
        actief = {"a"}
        gesloten: list[str] = []

        def is_active_session(self, s):
            return s in self.actief

        def close_session(self, s):
            self.gesloten.append(s)

    nep = NepRuntime()
    monkeypatch.setattr(Runtime, "exists", classmethod(lambda cls: True))
    monkeypatch.setattr(Runtime, "instance", classmethod(lambda cls: nep))
    monkeypatch.setattr(sessies, "_weg_sinds", {"a": None, "b": None})
    assert sessies.ruim_op(nu=100.0) == 0  # 'b' is seen gone from now on
    assert sessies.ruim_op(nu=105.0) == 0  # not yet half of the 20 s
    assert sessies.ruim_op(nu=110.0) == 1 and nep.gesloten == ["b"]
    assert list(sessies._weg_sinds) == ["a"]


def test_portefeuille_voorbeeld_of_uitleg():
    at = start("portefeuille.py")
    zonder_fouten(at)
    voorbeeld = PROJECT / "data" / "voorbeeld_portefeuille.csv"
    if voorbeeld.exists():
        assert at.radio(key="pf_bron").value == "Voorbeeldportefeuille"
        assert metrics(at)["Woningen"][0] == getal(len(lees_woningen(voorbeeld)))
    else:
        assert any("Kies in de zijbalk een bestand" in i.value for i in at.info)


# ----------------------------------------------------------------------------------------------------------
# Tarieven en bronnen


def test_bronnen_toont_elke_tabel_met_bron_en_periode():
    at = start("bronnen.py")
    zonder_fouten(at)
    overzicht = at.dataframe[0].value
    bestanden = sorted(f"{p.parent.name}/{p.stem}" for d in ("tariffs", "labels")
                       for p in (PROJECT / d).glob("*.csv"))
    assert sorted(overzicht["Tabel"]) == bestanden
    inhoud = at.dataframe[1].value
    assert "bron" in inhoud.columns and "geldig_vanaf" in inhoud.columns
    peildatum = pd.Timestamp(peildatum_van(at))
    assert (pd.to_datetime(inhoud["geldig_vanaf"]) <= peildatum).all()


def test_bronnen_filter_op_tekst_en_alle_perioden():
    at = start("bronnen.py")
    at.text_input(key="br_zoek").input("Hengelo").run()
    at.radio(key="br_periode").set_value("Alle perioden").run()
    zonder_fouten(at)
    inhoud = at.dataframe[1].value
    assert (inhoud["gemeente"] == "Hengelo").sum() >= 5  # one row per year
    assert inhoud.astype(str).apply(lambda k: k.str.contains("Hengelo")).any(axis=1).all()
    at.selectbox(key="br_tabel").set_value("labels/maatregelen").run()
    at.text_input(key="br_zoek").input("").run()
    zonder_fouten(at)
    assert "investering_per_eenheid" in at.dataframe[1].value.columns


# ----------------------------------------------------------------------------------------------------------
# Printable advice and display helpers (pure functions)


def _resultaat(**ingreep) -> object:
    return bereken(Casus.model_validate({
        "peildatum": "2025-06-01", "gemeente": "Borne",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
        "huishouden": {"personen": 3}, "huur": {"kale_huur": 600, "servicekosten": 20},
        "ingreep": ingreep or {"naar_label": "B"}}))


def test_advies_html_bevat_oordeel_bedragen_grafiek_en_bronnen():
    r = _resultaat()
    html = advies_html(r, woning={"Woning": "Tussenwoning <85 m²>"}, maatregelen=["HR++-glas"],
                       opgesteld=dt.date(2025, 6, 2))
    assert html.startswith("<!doctype html>") and "lang='nl'" in html
    assert oordeel(r) in html
    assert euro(r.voor.totaal) in html and euro(r.na.totaal) in html and euro_verschil(r.verschil.totaal) in html
    assert "<svg" in html and "@page" in html
    assert "Tussenwoning &lt;85 m²&gt;" in html  # escaped
    assert "02-06-2025" in html and "01-06-2025" in html
    assert "name='viewport' content='width=device-width, initial-scale=1'" in html and "<h2>Wat nu?</h2>" in html
    for t in r.toelichting:  # the compact sources appendix names every topic that has a source (prefix said once)
        assert not t.bron or t.onderwerp.rpartition(": ")[2] in html


def test_advies_html_toont_de_bandbreedte():
    zeker = _resultaat()
    html = advies_html(zeker, woning={})
    assert "Bandbreedte:" in html and "het oordeel blijft hetzelfde" in html and "class='letop'" not in html
    onzeker = _resultaat(naar_label="B", huurverhoging=30)
    b = onzeker.bandbreedte
    assert not b.oordeel_zeker
    html = leesbaar(advies_html(onzeker, woning={}))
    assert "class='letop'" in html and "<b>Let op:</b> dit oordeel is niet zeker" in html
    assert html.index("class='oordeel") < html.index("class='letop'") < html.index("Bandbreedte:")
    assert euro_verschil(b.verschil_totaal_laag) in html and euro_verschil(b.verschil_totaal_hoog) in html


def test_grafiekdelen_tellen_op_tot_het_totaal():
    for r in (_resultaat(), _resultaat(maatregelen=["warmtepomp", "zonnepanelen"], huurverhoging=25)):
        for w in (r.voor, r.na):
            assert sum(b for _, b in onderdelen(w)) == pytest.approx(w.totaal, abs=0.011)
    svg = staaf_svg(_resultaat())
    assert svg.count("<rect") >= 6 and "Nu" in svg and "Na de ingreep" in svg


def test_tabelrijen_volgen_de_kern():
    r = _resultaat()
    rijen = {x["label"]: x for x in tabel_rijen(r)}
    assert rijen["Woonlasten totaal"]["voor"] == r.voor.totaal
    assert rijen["gas"]["verschil"] == r.verschil.energie.gas
    assert "onroerendezaakbelasting (OZB)" not in rijen  # a tenant pays no OZB


def test_korte_bron_en_kasstroom():
    assert korte_bron("https://x.nl (tariffs/btw.csv, regel 4)", "schatting") == "tariffs/btw.csv, regel 4 [schatting]"
    assert korte_bron(None) == ""
    rijen = kasstroom({"kasstroom": [{"jaar": 1, "netto": -1000.0}, {"jaar": 2, "netto": 600.0},
                                     {"jaar": 3, "netto": 600.0}]})
    assert rijen == [{"jaar": 1, "cumulatief": -1000.0}, {"jaar": 2, "cumulatief": -400.0},
                     {"jaar": 3, "cumulatief": 200.0}]
    assert kasstroom({}) is None


def test_financiering_wordt_getoond_zodra_de_kern_die_levert():
    """The owner's financing block is read field by field; a loan's monthly payment counted in the total becomes
    its own part of the chart, and the parts still add up to the total."""
    from types import SimpleNamespace

    from app.opmaak import financiering_waarden

    f = SimpleNamespace(investering=12_300.0, subsidie=1_450.0, netto_investering=10_850.0, lening=10_850.0,
                        maandlast=101.25, terugverdientijd_jaar=17.4, co2_besparing_kg=1_210.0)
    waarden = dict(financiering_waarden(f))
    assert waarden["Investering"] == "€ 12.300" and waarden["Maandlast lening"] == "€ 101,25"
    assert waarden["Terugverdientijd"] == "17,4 jaar"
    assert waarden["CO₂-besparing per jaar"] == "1.210 kg"
    na = _resultaat().na
    met_lening = na.model_copy(update={"totaal": na.totaal + 101.25})
    delen = dict(onderdelen(met_lening, {"Maandlast lening": 101.25}))
    assert delen["Maandlast lening"] == 101.25
    assert sum(delen.values()) == pytest.approx(met_lening.totaal, abs=0.011)
    assert "Maandlast lening" not in dict(onderdelen(na, {"Maandlast lening": 101.25}))  # not in the core's total


def test_woonlasten_spec_is_de_altair_grafiek_onthouden_per_inhoud():
    """The tenant and owner pages draw the woonlasten chart from a remembered spec: the same spec Altair makes, a
    fresh copy each time (Streamlit may change the spec it is given), and another one when a figure on the chart
    changes."""
    from app.grafieken import woonlasten_grafiek, woonlasten_spec

    r, ander = _resultaat(), _resultaat(naar_label="A")
    eerste = woonlasten_spec(r)
    assert eerste == woonlasten_grafiek(r).to_dict()
    eerste["layer"][0]["data"]["values"].clear()
    eerste.pop("title")
    assert woonlasten_spec(r) == woonlasten_grafiek(r).to_dict()
    assert woonlasten_spec(ander) == woonlasten_grafiek(ander).to_dict() != woonlasten_spec(r)


def test_geen_streamlit_buiten_app():
    """Only app/ and streamlit_app.py import streamlit (the core stays usable without it)."""
    for pad in (PROJECT / "woonlasten").rglob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+streamlit", pad.read_text(encoding="utf-8"), re.M), pad


# ----------------------------------------------------------------------------------------------------------
# Warm-up when the server starts (streamlit_app.py)


def test_streamlit_app_is_een_st_app_met_opwarmen():
    """``streamlit run streamlit_app.py`` finds the st.App (Streamlit's own discovery, which reads the file without
    running it) and serves the script that AppTest runs here; the browser test starts the real server."""
    from streamlit.web.server.app_discovery import discover_asgi_app

    gevonden = discover_asgi_app(PROJECT / "streamlit_app.py")
    assert gevonden.is_asgi_app and gevonden.import_string == "streamlit_app:app"
    bron = (PROJECT / "streamlit_app.py").read_text(encoding="utf-8")
    assert 'st.App("app/start.py", lifespan=_bij_opstart)' in bron and Path(APP) == PROJECT / "app" / "start.py"


def test_opwarmen_rekent_de_eerste_casus_van_de_huurderspagina():
    """The warm-up computes and draws exactly the tenant page's first screen: afterwards a fresh session of the page
    (its default inputs on the default peildatum and gemeente) computes no case and builds no chart of its own — it
    finds both ready. Fails when the page's defaults and the warm-up's case drift apart."""
    import sys

    from app import gedeeld, grafieken
    from app import opstart as opwarmen

    gedeeld.resultaten.clear()
    grafieken._SPECS._specs.clear()
    opwarmen.opwarmen()
    rijen = gedeeld.resultaten()._rijen
    casussen, specs = set(rijen), set(grafieken._SPECS._specs)
    opgewarmd = next(iter(rijen))  # the case itself comes first, then its variants
    assert len(casussen) > 20, "de varianten (ander label, +/- stap) worden niet meegerekend"
    assert len(specs) == 1 and "altair" in sys.modules
    at = start()
    assert next(reversed(rijen)) == opgewarmd, "de pagina toont een andere casus dan het opwarmen rekende"
    assert set(rijen) == casussen, "de pagina rekende een casus die het opwarmen niet had"
    assert set(grafieken._SPECS._specs) == specs, "de pagina tekende een grafiek die het opwarmen niet had"
    # that case is the first screen's as written out in this test (not taken from the app), and the page shows the
    # core's result for it
    casus = Casus.model_validate(huurder_casus(at))
    assert opgewarmd == casus.model_dump_json()
    assert metrics(at)["Woonlasten na"][0] == euro(bereken(casus).na.totaal)


def test_opwarmen_dat_mislukt_stopt_de_server_niet(monkeypatch, caplog):
    from app import gedeeld
    from app import opstart as opwarmen

    def kapot(*_):
        raise OSError("tabel onleesbaar")

    monkeypatch.setattr(gedeeld, "huurder_gegevens", kapot)
    with caplog.at_level("WARNING", logger="app.opstart"):
        assert opwarmen.opwarmen() is None
    assert "Opwarmen van de app mislukt" in caplog.text


@pytest.mark.parametrize("headless", [True, False])
def test_browser_openen_alleen_als_de_server_niet_headless_draait(monkeypatch, headless):
    """``streamlit run`` opens the browser for a plain script but not for an st.App; app.opstart does it, except
    headless (CI, the browser test, a server without a screen)."""
    from streamlit import cli_util, config

    from app import opstart

    geopend = []
    echt = config.get_option
    monkeypatch.setattr(config, "get_option", lambda naam: headless if naam == "server.headless" else echt(naam))
    monkeypatch.setattr(cli_util, "open_browser", geopend.append)
    opstart.browser_openen()
    if headless:
        assert geopend == []
    else:
        assert len(geopend) == 1 and geopend[0].startswith("http://localhost:")


def test_een_sessie_tijdens_het_opwarmen_wacht_tot_het_klaar_is(monkeypatch):
    """A session that starts while the warm-up runs waits for it (app/start.py calls wacht_op_opwarmen), so the
    first script run never works alongside it; without a warm-up (AppTest) nobody waits."""
    import threading
    import time

    from app import opstart

    monkeypatch.setattr(opstart, "_gestart", threading.Event())
    monkeypatch.setattr(opstart, "_klaar", threading.Event())
    gedaan = []
    opstart.wacht_op_opwarmen()  # no warm-up started: returns at once
    assert not opstart._klaar.is_set()
    monkeypatch.setattr(opstart, "_opwarmen", lambda: (time.sleep(0.3), gedaan.append("opgewarmd")))
    opstart.start_opwarmen()
    opstart.wacht_op_opwarmen()
    assert gedaan == ["opgewarmd"] and opstart._klaar.is_set()


def test_every_data_table_has_a_dutch_description_on_the_sources_page():
    """A new table (the 2022 tegemoetkoming had none) shows what it holds, not an empty cell."""
    from app.bronnen import OMSCHRIJVING
    from woonlasten.data.schema import SCHEMAS

    assert not [naam for naam in SCHEMAS if not OMSCHRIJVING.get(naam)]


def test_portefeuille_zegt_hoe_rommelige_waarden_zijn_gelezen_en_toont_nederlandse_getallen():
    at = naar_eigen_bestand(start("portefeuille.py"))
    rommelig = portefeuille_csv().replace(b";80;Q;600;2", "; 80 m2;Q;€ 600;2".encode())
    at.file_uploader(key="pf_upload").set_value(("woningen.csv", rommelig, "text/csv")).run()
    zonder_fouten(at)
    notitie = next(e for e in at.expander if e.label.startswith("Zo zijn waarden gelezen"))
    assert notitie.label == "Zo zijn waarden gelezen (3)"
    tekst = notitie.markdown[0].value.replace("\\", "")
    assert "- Oppervlakte: '80 m2' gelezen als 80 (regel 37)" in tekst
    assert "- Kale huur: '€ 600' gelezen als 600 (regel 37)" in tekst
    assert "- Label: 'Q' niet gelezen: onbekend" in tekst
    # the table per complex: numbers in the browser's (Dutch) notation, no caption about a decimal point
    complexen = next(d for d in at.dataframe if "aandeel_neutraal" in d.value.columns)
    kolommen = json.loads(complexen.proto.columns)
    assert kolommen["gemiddeld_verschil_maand"]["type_config"]["format"] == "euro"
    assert kolommen["woningen"]["type_config"]["format"] == "localized"
    assert kolommen["aandeel_neutraal"]["type_config"]["format"] == "percent"
    assert not any("decimaalteken" in c.value for c in at.caption)
    alle = next(d for d in at.dataframe if "woonlastenneutraal" in d.value.columns)
    assert set(alle.value["woonlastenneutraal"].dropna()) <= {"ja", "nee"} and "ja" in set(alle.value["woonlastenneutraal"])


def test_portefeuille_hangt_niet_af_van_de_gemeente_in_de_zijbalk():
    """The portfolio takes each dwelling's gemeente from the file: the sidebar offers no gemeente on this page
    (a choice that does nothing misleads), and the page does not read one."""
    assert "g.gemeente(" not in (PROJECT / "app" / "portefeuille.py").read_text(encoding="utf-8")
    at = naar_eigen_bestand(start("portefeuille.py"))
    at.file_uploader(key="pf_upload").set_value(("woningen.csv", portefeuille_csv(), "text/csv")).run()
    zonder_fouten(at)
    assert metrics(at)
    assert "gemeente" not in {s.key for s in at.selectbox}
    at.switch_page("huurder.py").run()
    assert "gemeente" in {s.key for s in at.selectbox}  # the other pages keep it
    at.selectbox(key="gemeente").set_value("Hengelo").run()
    at.switch_page("portefeuille.py").run()
    at.switch_page("huurder.py").run()
    assert at.selectbox(key="gemeente").value == "Hengelo"  # kept across a page without the choice


def test_huurder_op_het_warmtenet():
    """The heating choice offers the warmtenet with its tariff explained; heat shows in the table and the chart."""
    at = start()
    keuze = at.selectbox(key="verwarming")
    assert "warmtenet" in keuze.options or "Warmtenet / stadsverwarming (zonder gas)" in keuze.options
    assert "maximumtarief dat de ACM" in keuze.help
    keuze.set_value("warmtenet").run()
    casus = huurder_casus(at, woning__verwarming="warmtenet")
    r, _, tabel = _totalen_getoond(at, casus)
    assert r.voor.energie.warmte > 0 and r.voor.energie.gas == 0
    assert "warmte (warmtenet)" in tabel and euro(r.voor.energie.warmte) in tabel
    grafiek = at.main.get("vega_lite_chart")[0].proto.spec
    assert "Warmte" in grafiek
    # the own use from the warmtenet's annual bill, typed the Dutch way (the gas field is not offered then)
    assert "gas_m3" not in {t.key for t in at.text_input}
    at.text_input(key="warmte_gj").input("28,5").run()
    assert at.text_input(key="warmte_gj").value == "28,5"
    casus = huurder_casus(at, woning__verwarming="warmtenet", verbruik__warmte_gj=28.5)
    r, _, _ = _totalen_getoond(at, casus)
    assert r.verbruik.warmte_gj_voor == 28.5
    # the supplier's own tariff, typed from its tariff sheet: € 38,50 per GJ and € 650 fixed a year (excl. btw)
    at.text_input(key="warmte_prijs_gj").input("38,50").run()
    at.text_input(key="warmte_vaste_kosten_jaar").input("650").run()
    casus = huurder_casus(at, woning__verwarming="warmtenet", verbruik__warmte_gj=28.5,
                          contract__warmte_prijs_gj=38.5, contract__warmte_vaste_kosten_jaar=650.0)
    r, _, _ = _totalen_getoond(at, casus)
    # (28,5 × 38,50 + 650) × 1,21 btw (2025 and 2026: 21 %) ÷ 12 = (1.097,25 + 650) × 1,21 ÷ 12 = 176,18
    assert r.voor.energie.warmte == pytest.approx((28.5 * 38.50 + 650) * 1.21 / 12, abs=0.01)


def test_peildatum_na_de_bekende_tarieven_rekent_met_de_status_in_woorden():
    """2028 is accepted (issue 18): the result is the core's for that date, and the figures carried on from earlier
    years are said under the verdict."""
    at = start()
    at.text_input(key="peildatum").input("01-01-2028").run()
    controleer_huurder(at, huurder_casus(at))
    assert any("voor 2028 zijn nog geen tarieven bekend" in i.value for i in at.info), [i.value for i in at.info]


def _pad_tabel(at: AppTest) -> str:
    return leesbaar(next(md.value for md in at.markdown if md.value.startswith("| Jaar")))


def test_huurder_over_de_jaren_toont_het_pad_van_de_kern():
    """The section 'Over de jaren': off on the first load; on, every year's amounts are the core's path for the
    page's case (completion in January of the first year), with the assumptions in words; an own rent policy
    changes them; an unreadable year gets a message at the field and no table."""
    at = start()
    assert not any(md.value.startswith("| Jaar") for md in at.markdown)
    at.toggle(key="huurder_pad_aan").set_value(True).run()
    zonder_fouten(at)
    jaar = peildatum_van(at).year
    casus = huurder_casus(at, ingreep__gereed_jaar=jaar, ingreep__gereed_maand=1)
    pad = bereken_jaren(casus, {"begin": jaar, "eind": max(2030, jaar)})
    tabel = _pad_tabel(at)
    for j in pad.jaren:
        assert f"| {j.jaar}" in tabel
        assert euro(j.zonder.totaal) in tabel and euro(j.met.totaal) in tabel
    assert any("over de jaren" in e.value.lower() for e in (*at.success, *at.warning))
    assert any("Aannames" in md.value for md in at.markdown)
    assert len(at.main.get("vega_lite_chart")) == 2  # the result's bars and the path's lines
    at.selectbox(key="huurder_pad_beleid").set_value("percentage").run()
    at.text_input(key="huurder_pad_pct").input("3").run()
    zonder_fouten(at)
    eigen = bereken_jaren(casus, {"begin": jaar, "eind": max(2030, jaar), "huurbeleid": "percentage",
                                  "huurverhoging_pct": 3})
    assert euro(eigen.jaren[-1].zonder.totaal) in _pad_tabel(at)
    at.text_input(key="huurder_pad_begin").input("20x6").run()
    assert any("Van jaar" in e.value for e in at.error)
    assert not any(md.value.startswith("| Jaar") for md in at.markdown)
    assert metrics(at)  # the page's own result stays: only the section waits for its input


def test_het_pad_aan_komt_in_het_advies_om_mee_te_geven(monkeypatch):
    """Switching the path on puts it in the advice to hand over: the preview (the HTML) and the PDF made on the
    click carry the section 'Over de jaren' with the page's years and amounts; switched off again, the advice is the
    one of one date."""
    import html as html_

    import app.advies

    gemaakt = {}
    echt = app.advies.pdf_bij_klikken

    def bijhouden(r, **invoer):  # the page's deferred PDF, kept to make it here as the click would
        gemaakt["maak"] = echt(r, **invoer)
        return gemaakt["maak"]

    monkeypatch.setattr(app.advies, "pdf_bij_klikken", bijhouden)
    at = start()
    at.toggle(key="voorbeeld_advies").set_value(True).run()
    assert "Over de jaren" not in _voorbeeld(at)
    at.toggle(key="huurder_pad_aan").set_value(True).run()
    zonder_fouten(at)
    jaar = peildatum_van(at).year
    pad = bereken_jaren(huurder_casus(at, ingreep__gereed_jaar=jaar, ingreep__gereed_maand=1),
                        {"begin": jaar, "eind": max(2030, jaar)})
    voorbeeld = _voorbeeld(at)
    assert "<h2>Over de jaren</h2>" in voorbeeld
    from pypdf import PdfReader

    pdf = " ".join(" ".join((p.extract_text() or "").split())
                   for p in PdfReader(io.BytesIO(gemaakt["maak"]())).pages)
    assert "Over de jaren" in pdf
    for j in pad.jaren:
        assert html_.escape(euro(j.met.totaal)) in voorbeeld and euro(j.met.totaal) in pdf, j.jaar
        assert html_.escape(euro_verschil(j.verschil_cumulatief)) in voorbeeld and euro_verschil(j.verschil_cumulatief) in pdf
    assert all(html_.escape(a) in voorbeeld for a in pad.aannames)
    at.toggle(key="huurder_pad_aan").set_value(False).run()
    assert "Over de jaren" not in _voorbeeld(at)
    assert "Over de jaren" not in " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(gemaakt["maak"]())).pages)


def _voorbeeld(at: AppTest) -> str:
    """The advice as the page's preview shows it (the HTML of the download)."""
    return at.main.get("iframe")[0].proto.srcdoc


def test_eigenaar_over_de_jaren_zonder_huurbeleid():
    at = start("eigenaar.py")
    at.toggle(key="eigenaar_pad_aan").set_value(True).run()
    zonder_fouten(at)
    assert all(s.key != "eigenaar_pad_beleid" for s in at.selectbox)  # an owner has no rent policy
    assert any(md.value.startswith("| Jaar") for md in at.markdown)


def test_huurder_in_hengelo_op_het_warmtenet_met_de_bron_van_elk_bedrag():
    """Issue 16's 'done when': a Hengelo tenant on the warmtenet, own 28 GJ, 1 July 2024. By hand from
    tariffs/warmte.csv (ACM maxima 2024 incl. 21% btw): heat (28 × 46,69 + 759,88) / 12 = (1307,32 + 759,88) / 12 =
    2067,20 / 12 = € 172,27; the fixed costs named in their parts 582,82 + 31,68 + 145,38 = 759,88, with the source."""
    at = start()
    at.text_input(key="peildatum").input("1-7-2024").run()
    at.selectbox(key="gemeente").set_value("Hengelo").run()
    at.selectbox(key="verwarming").set_value("warmtenet").run()
    at.text_input(key="warmte_gj").input("28").run()
    casus = huurder_casus(at, gemeente="Hengelo", woning__verwarming="warmtenet", verbruik__warmte_gj=28.0)
    r, _, tabel = _totalen_getoond(at, casus)
    assert r.voor.energie.warmte == pytest.approx(172.27, abs=0.005) and r.voor.energie.gas == 0
    assert "€ 172,27" in tabel
    at.session_state["hoe_berekend_huurder"] = True  # what opening the expander does
    at.run()
    zonder_fouten(at)
    uitleg = leesbaar(" ".join(md.value for md in at.markdown))
    assert "vastrecht € 582,82; meettarief € 31,68; huur afleverset € 145,38" in uitleg
    assert "tariffs/warmte.csv" in uitleg or "Tarievenbesluit warmteleveranciers 2024" in uitleg


def test_portefeuille_met_peildatum_na_de_bekende_tarieven_zegt_het():
    at = start()
    at.text_input(key="peildatum").input("01-01-2028").run()
    at.switch_page("portefeuille.py").run()
    zonder_fouten(at)
    assert any("voor 2028 zijn nog geen tarieven bekend" in i.value for i in at.info), [i.value for i in at.info]
