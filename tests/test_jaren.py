"""Woonlasten over the years (woonlasten.jaren): the rent's July steps by hand, the path against single dates, the
completion within a year, an owner's loan over its term, the end of saldering, assumptions for unknown years, the
CLI and a phased portfolio counted by hand."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pydantic
import pytest

from woonlasten import Casus, bereken
from woonlasten.casus import bereken_casus_frame, bereken_jaren
from woonlasten.cli import main
from woonlasten.data import laad_tabellen, zoek
from woonlasten.jaren import vingerafdruk
from woonlasten.modellen import Pad
from woonlasten.portefeuille import lees_woningen, scenario_uit_tekst
from woonlasten.portefeuille.pad import bereken_portefeuille_jaren, samenvatting_jaren


def _huurder(kale_huur=600.0, datum="2025-01-01", ingreep=None, **extra) -> dict:
    casus = {"peildatum": datum, "gemeente": "Borne", "rol": "huurder",
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
             "huishouden": {"personen": 2}, "huur": {"kale_huur": kale_huur, "servicekosten": 20.0},
             "ingreep": ingreep if ingreep is not None else {"naar_label": "B",
                                                             "maatregelen": ["spouwmuurisolatie", "dakisolatie"]}}
    casus.update(extra)
    return casus


def _portefeuille_pad(tmp_path, regels: str, pad: Pad, peildatum: str | None, **opties) -> pd.DataFrame:
    """The path of a small portfolio file (``regels``: its CSV text) for scenario label B."""
    bestand = tmp_path / "woningen.csv"
    bestand.write_text(regels, encoding="utf-8")
    return bereken_portefeuille_jaren(lees_woningen(bestand), scenario_uit_tekst("label-B"), pad, peildatum, **opties)


def _jaar(pad, jaar):
    return next(j for j in pad.jaren if j.jaar == jaar)


def test_own_rent_policy_raises_the_rent_each_first_of_july_by_hand():
    r = bereken_jaren(_huurder(), {"begin": 2025, "eind": 2028, "huurbeleid": "percentage", "huurverhoging_pct": 3})
    # 600 on 1-1-2025; +3 % on 1 July each year, in cents: 618; 636,54; 655,6362 → 655,64; 675,3092 → 675,31
    verwacht = {2025: (600.00, 618.00), 2026: (618.00, 636.54), 2027: (636.54, 655.64), 2028: (655.64, 675.31)}
    for jaar, (jan, jul) in verwacht.items():
        j = _jaar(r, jaar)
        assert (j.kale_huur_januari, j.kale_huur_juli) == (jan, jul)
        assert j.huurverhoging_herkomst == "beleid"
    # the year's kale huur per month is the average of its halves: (600 + 618) / 2 = 609; (618 + 636,54) / 2 =
    # 627,27; (636,54 + 655,64) / 2 = 646,09; (655,64 + 675,31) / 2 = 665,475 → 665,48
    assert [j.zonder.huur_kale_huur for j in r.jaren] == [609.00, 627.27, 646.09, 665.48]


def test_legal_maximum_with_the_low_rent_rule_and_the_assumed_year_by_hand():
    # tariffs/huurverhoging_jaarlijks.csv: 1-7-2025 5,0 % (under € 350: € 25), 1-7-2026 4,1 % (under € 350: € 25);
    # 2027 not published: the 2026 rule repeated, as a stated assumption
    hoog = bereken_jaren(_huurder(600.0), {"begin": 2025, "eind": 2027})
    # 600 × 1,05 = 630; × 1,041 = 655,83; × 1,041 = 682,71903 → 682,72 (a rent is charged in cents)
    assert [_jaar(hoog, j).kale_huur_juli for j in (2025, 2026, 2027)] == [630.00, 655.83, 682.72]
    laag = bereken_jaren(_huurder(300.0), {"begin": 2025, "eind": 2027})
    # 300 < 350: max(300 × 1,05 = 315, 300 + 25) = 325; 325 < 350: max(338,33, 350) = 350; 350 is not under 350:
    # × 1,041 = 364,35
    assert [_jaar(laag, j).kale_huur_juli for j in (2025, 2026, 2027)] == [325.00, 350.00, 364.35]
    assert [j.huurverhoging_herkomst for j in hoog.jaren] == ["maximum", "maximum", "aanname"]
    assert any("2027" in a and "aanname" in a for a in hoog.aannames)


@pytest.mark.parametrize("casus", [
    _huurder(),
    _huurder(ingreep={"naar_label": "A", "maatregelen": ["spouwmuurisolatie", "dakisolatie", "zonnepanelen"]}),
    {**_huurder(650.0), "gemeente": "Hengelo",
     "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "D", "verwarming": "warmtenet"}},
])
def test_each_year_is_the_average_of_its_two_half_years_computed_on_their_own_dates(casus):
    """The path runs the one calculation path: year Y = (the case on 1-1-Y with the January rent + the case on 1-7-Y
    with the July rent) / 2, to the cent, also through the 2023 price cap and the end of saldering in 2027."""
    pad = bereken_jaren(casus, {"begin": 2023, "eind": 2027, "huurbeleid": "percentage", "huurverhoging_pct": 2})
    for j in pad.jaren:
        helften = []
        for maand, huur in ((1, j.kale_huur_januari), (7, j.kale_huur_juli)):
            c = json.loads(json.dumps(casus))
            c["peildatum"], c["huur"]["kale_huur"] = f"{j.jaar}-{maand:02d}-01", huur
            helften.append(bereken_casus_frame(Casus.model_validate(c)).iloc[0])
        for s, kolom in (("zonder", "voor_totaal"), ("met", "na_totaal")):
            gemiddeld = (helften[0][kolom] + helften[1][kolom]) / 2
            assert getattr(j, s).totaal == pytest.approx(gemiddeld, abs=0.006), (j.jaar, s)


def test_a_one_year_path_equals_the_single_date_result_when_nothing_changes_in_july():
    t = laad_tabellen()
    assert vingerafdruk(t, pd.Timestamp(2026, 1, 1)) == vingerafdruk(t, pd.Timestamp(2026, 7, 1))  # precondition
    casus = _huurder(datum="2026-01-01")
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2026, "huurbeleid": "percentage", "huurverhoging_pct": 0})
    enkel = bereken(casus)
    j = pad.jaren[0]
    assert j.zonder.totaal == enkel.voor.totaal and j.met.totaal == enkel.na.totaal
    assert j.verschil.energie_gas == enkel.verschil.energie.gas
    assert pad.gemiddeld_verschil_maand == enkel.verschil.totaal


def test_completion_in_october_counts_three_months_of_the_year():
    casus = _huurder(datum="2026-01-01", ingreep={"naar_label": "B", "maatregelen": ["spouwmuurisolatie"],
                                                  "gereed_jaar": 2026, "gereed_maand": 10})
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2027, "huurbeleid": "percentage", "huurverhoging_pct": 0})
    enkel = bereken({**casus, "peildatum": "2026-07-01"})
    j26, j27 = pad.jaren
    assert (j26.maanden_met_ingreep, j27.maanden_met_ingreep) == (3, 12)
    # January-June without the upgrade; July-December with it for 3 of 6 months: 0 + 3/6 × verschil, halved for
    # the year
    assert j26.verschil.totaal == pytest.approx(enkel.verschil.totaal * 3 / 6 / 2, abs=0.006)
    assert pad.gereed == "2026-10"


def test_an_owners_warmtefonds_loan_runs_for_its_term_from_completion():
    with open("voorbeelden/eigenaar_borne_isolatie.json", encoding="utf-8") as fh:
        casus = json.load(fh)
    casus["ingreep"].update(gereed_jaar=2026, gereed_maand=7)
    lening = bereken({**casus, "peildatum": "2026-07-01"}).financiering
    assert (lening.rente_pct, lening.looptijd_jaar) == (0.0, 10.0)
    annuiteit = lening.lening / 120  # 0 %: the loan in 120 equal months
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2037})
    # the term runs July 2026 to June 2036: six months in 2026 and in 2036, none in 2037
    assert _jaar(pad, 2026).met.financiering_lening == pytest.approx(annuiteit * 6 / 12, abs=0.006)
    assert _jaar(pad, 2030).met.financiering_lening == pytest.approx(annuiteit, abs=0.006)
    assert _jaar(pad, 2036).met.financiering_lening == pytest.approx(annuiteit * 6 / 12, abs=0.006)
    assert _jaar(pad, 2037).met.financiering_lening == 0.0
    assert _jaar(pad, 2037).verschil.totaal < 0 < _jaar(pad, 2030).verschil.totaal  # only the saving is left


def test_the_end_of_saldering_in_2027_shrinks_the_solar_saving_by_hand():
    t = laad_tabellen()
    casus = _huurder(datum="2026-01-01", verbruik={"elektriciteit_kwh": 3000.0},
                     ingreep={"naar_label": "E", "maatregelen": [{"naam": "zonnepanelen", "hoeveelheid": 6}]})
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2027, "huurbeleid": "percentage", "huurverhoging_pct": 0})
    opwek = float(bereken_casus_frame(Casus.model_validate(casus)).iloc[0]["zon_opwek_kwh"])
    assert 0 < opwek < 3000  # all of it nets within the household's own use

    def prijs(datum):  # delivery price + energiebelasting first bracket, excl. btw [€/kWh], from the tables
        lev = zoek(t["tariffs/leveringstarieven"], pd.Timestamp(datum), {"drager": "elektriciteit"},
                   ["leveringsprijs_excl_btw"], n=1)["leveringsprijs_excl_btw"]
        eb = t["tariffs/energiebelasting"].geldig_op(pd.Timestamp(datum))
        eb = eb[(eb["drager"] == "elektriciteit") & (eb["schijf_vanaf"] == 0)]
        return float(np.ravel(lev)[0]), float(eb["energiebelasting_excl_btw"].iloc[0] + eb["ode_excl_btw"].iloc[0])

    lev26, eb26 = prijs("2026-01-01")
    lev27, eb27 = prijs("2027-01-01")
    # 2026, saldering: every kWh produced saves the full price incl. 21 % btw
    besparing_2026 = opwek * (lev26 + eb26) * 1.21 / 12
    # 2027 (tariffs/teruglevering.csv): 30 % used at home saves the full price; 70 % exported earns at least 50 % of
    # the delivery price minus € 0,0416 terugleverkosten, incl. btw
    besparing_2027 = (0.3 * opwek * (lev27 + eb27) + 0.7 * opwek * (0.5 * lev27 - 0.0416)) * 1.21 / 12
    assert -_jaar(pad, 2026).verschil.energie_elektriciteit == pytest.approx(besparing_2026, abs=0.01)
    assert -_jaar(pad, 2027).verschil.energie_elektriciteit == pytest.approx(besparing_2027, abs=0.01)
    # the panels' servicekosten stay, so the verdict can turn
    assert _jaar(pad, 2027).verschil.huur_servicekosten == _jaar(pad, 2026).verschil.huur_servicekosten > 0


def test_unknown_years_are_flagged_and_an_unknown_huurtoeslag_is_not_zero():
    casus = _huurder(datum="2026-01-01", huishouden={"personen": 2, "inkomen_jaar": 24000})
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2029})
    j26, j27, j28 = _jaar(pad, 2026), _jaar(pad, 2027), _jaar(pad, 2028)
    assert j26.huurtoeslag_bekend and j26.met.huur_huurtoeslag < 0
    assert not j27.huurtoeslag_bekend and j27.met.huur_huurtoeslag is None and j27.met.totaal_netto is None
    assert (j26.tarieven_aanname, j28.tarieven_aanname) == (False, True)
    assert any("huurtoeslag" in a for a in pad.aannames)
    assert any(a.startswith("Let op: voor 2028-2029 zijn nog geen tarieven bekend") for a in pad.aannames)


def test_an_index_for_unknown_years_raises_energy_and_local_taxes_only():
    casus = _huurder(datum="2026-01-01")
    vast = bereken_jaren(casus, {"begin": 2026, "eind": 2029})
    index = bereken_jaren(casus, {"begin": 2026, "eind": 2029, "index_onbekend_pct": 2})
    # the last year with any known tariff is 2027 (energiebelasting 2027); 2029 is two years on: × 1,02²
    a, b = _jaar(vast, 2029), _jaar(index, 2029)
    factor = 1.02 ** 2
    assert b.zonder.energie_totaal == pytest.approx(a.zonder.energie_totaal * factor, abs=0.006)
    assert b.zonder.lokale_lasten_totaal == pytest.approx(a.zonder.lokale_lasten_totaal * factor, abs=0.006)
    assert b.zonder.huur_totaal == a.zonder.huur_totaal
    extra = (a.zonder.energie_totaal + a.zonder.lokale_lasten_totaal) * (factor - 1)
    assert b.zonder.totaal == pytest.approx(a.zonder.totaal + extra, abs=0.011)
    for jaar in (2026, 2027):  # years with known tariffs are not raised
        assert _jaar(index, jaar).zonder.totaal == _jaar(vast, jaar).zonder.totaal
    assert any("2,0 % hoger vanaf 2028" in x for x in index.aannames)


@pytest.mark.parametrize("velden, woord", [
    ({"begin": 2030, "eind": 2026}, "laatste jaar"),
    ({"begin": 2026, "eind": 2045}, "laatste jaar"),
    ({"begin": 2026, "eind": 2030, "huurbeleid": "percentage"}, "huurverhoging_pct"),
])
def test_a_path_that_cannot_be_is_refused(velden, woord):
    with pytest.raises(pydantic.ValidationError, match=woord):
        Pad.model_validate(velden)


def test_cli_path_as_text_and_json(capsys, tmp_path):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(_huurder(datum="2026-01-01")), encoding="utf-8")
    assert main(["bereken", str(bestand), "--jaren", "2026-2030", "--format", "tekst"]) == 0
    uit = capsys.readouterr().out
    assert "2030" in uit and "Gemiddeld over 2026-2030" in uit and "aanname" in uit
    assert main(["bereken", str(bestand), "--jaren", "2026-2028", "--huurbeleid", "2,5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [j["jaar"] for j in data["jaren"]] == [2026, 2027, 2028]
    assert data["pad"]["huurverhoging_pct"] == 2.5


@pytest.mark.parametrize("extra, woord", [
    (["--jaren", "2030-2026"], "--jaren"),
    (["--jaren", "twintig"], "--jaren"),
    (["--jaren", "2026-2045"], "--jaren"),
    (["--jaren", "2026-2030", "--huurbeleid", "veel"], "--huurbeleid"),
    (["--huurbeleid", "3"], "hoort bij --jaren"),
    (["--jaren", "2026-2030", "--index", "=1+1"], "--index"),
])
def test_cli_path_options_that_cannot_be_read_get_a_dutch_message(capsys, tmp_path, extra, woord):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(_huurder()), encoding="utf-8")
    assert main(["bereken", str(bestand), *extra]) == 2
    fout = capsys.readouterr().err
    assert woord in fout and "Traceback" not in fout


def test_phased_portfolio_counts_per_complex_and_year_by_hand(tmp_path):
    r = _portefeuille_pad(
        tmp_path,
        "id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;fasering\n"
        "1;A;Borne;tussenwoning;80;E;600;2026\n"
        "2;A;Borne;tussenwoning;80;F;600;2026\n"
        "3;B;Hengelo;appartement;60;D;550;2028\n"
        "4;B;Hengelo;appartement;60;A;550;2028\n"
        "5;B;Hengelo;appartement;60;H;550;2028\n",
        Pad(begin=2026, eind=2028, huurbeleid="percentage", huurverhoging_pct=0), "2026-01-01")
    assert len(r) == 5 * 3 and list(r["id"].iloc[:3].astype(str)) == ["1", "1", "1"]
    fout = r[r["id"].astype(str) == "5"]
    assert (fout["status"] == "fout").all() and fout["melding"].str.contains("energielabel").all()
    s = samenvatting_jaren(r).set_index(["complex", "jaar"])
    # A: both done from 2026; B: dwelling 3 done in 2028, dwelling 4 already label A (not upgraded), 5 an error
    assert s.loc[("A", 2026), "klaar"] == 2 and s.loc[("B", 2026), "klaar"] == 0 and s.loc[("B", 2028), "klaar"] == 1
    assert s.loc[("B", 2027), "gemiddeld_verschil_maand"] == 0.0 and s.loc[("B", 2027), "fout"] == 1
    drie = r[(r["id"].astype(str) == "3") & (r["jaar"] == 2028)]["verschil_totaal"].iloc[0]
    # the average over B's two computed dwellings: (dwelling 3's change + 0 for dwelling 4) / 2
    assert s.loc[("B", 2028), "gemiddeld_verschil_maand"] == pytest.approx(drie / 2, abs=0.006)
    totaal = samenvatting_jaren(r, per=None).set_index("jaar")
    assert list(totaal["klaar"]) == [2, 2, 3] and list(totaal["woningen"]) == [5, 5, 5]


def test_cli_portfolio_path_writes_one_row_per_dwelling_and_year(capsys, tmp_path):
    uit = tmp_path / "pad.csv"
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2027", "--peildatum",
                 "2026-01-01", "--uit", str(uit)]) == 0
    tekst = capsys.readouterr().out
    assert "woning-jaren" in tekst and "2027" in tekst
    frame = pd.read_csv(uit, sep=";", decimal=",", encoding="utf-8-sig")
    assert len(frame) == 2 * 400 and set(frame["jaar"]) == {2026, 2027}
    assert {"zonder_totaal", "met_totaal", "verschil_totaal", "maanden_met_ingreep"} <= set(frame.columns)
    # the file name says the years: woonlasten_label-B_jaren-2026-2027_peildatum-2026-01-01_gemaakt-<today>.csv
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2027", "--peildatum",
                 "2026-01-01", "--uit", str(tmp_path)]) == 0
    assert (tmp_path / f"woonlasten_label-B_jaren-2026-2027_peildatum-2026-01-01_gemaakt-{dt.date.today()}.csv"
            ).is_file()


def test_a_completion_before_the_rent_table_or_after_the_path_costs_only_its_own_row(tmp_path):
    """A completion in 2019 (before the first published rent step, 1-7-2021) is an error of that dwelling alone,
    named as such; a completion in 2100 is simply not in the path; a per-row peildatum in 2020 likewise."""
    r = _portefeuille_pad(
        tmp_path,
        "id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;fasering;peildatum\n"
        "1;A;Borne;tussenwoning;80;E;600;2027;2026-01-01\n"
        "2;A;Borne;tussenwoning;80;E;600;2019;2026-01-01\n"
        "3;A;Borne;tussenwoning;80;E;600;2100;2026-01-01\n"
        "4;A;Borne;tussenwoning;80;E;600;2027;2020-05-01\n",
        Pad(begin=2026, eind=2028), None)
    per_id = {i: r[r["id"].astype(str) == i] for i in "1234"}
    assert (per_id["1"]["status"] == "ok").all() and list(per_id["1"]["maanden_met_ingreep"]) == [0, 12, 12]
    assert (per_id["2"]["status"] == "fout").all() and per_id["2"]["melding"].str.startswith("gereed_jaar").all()
    assert (per_id["3"]["status"] == "ok").all() and (per_id["3"]["maanden_met_ingreep"] == 0).all()
    assert (per_id["3"]["verschil_totaal"] == 0).all()
    assert (per_id["4"]["status"] == "fout").all() and per_id["4"]["melding"].str.startswith("peildatum").all()
    assert r.attrs["fasering"]


def test_an_ok_row_keeps_its_warning_and_notes_come_from_every_block(tmp_path):
    r = _portefeuille_pad(
        tmp_path,
        "id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;inkomen;besteedbaar_inkomen\n"
        "1;A;Borne;tussenwoning;80;E;600;;\n"
        "2;A;Borne;tussenwoning;80;E;600;;\n"
        "3;A;Borne;tussenwoning;80;E;600;24000;20000\n",
        Pad(begin=2026, eind=2027), "2026-01-01", blok=2)
    # Borne: the tenant's share of the rioolheffing is unknown (the same warning as on one date)
    enkel = bereken(_huurder(datum="2026-01-01"))
    assert any("rioolheffing" in t.tekst for t in enkel.toelichting)
    assert r.loc[r["status"] == "ok", "melding"].str.contains("rioolheffing").all()
    # the huurtoeslag of 2027 is unknown for dwelling 3 only, in the second block: its note is kept
    assert any("huurtoeslag" in n for n in r.attrs["notities"][2027])


def test_the_solar_panels_fee_ends_after_its_term():
    casus = _huurder(datum="2026-01-01", ingreep={"naar_label": "E", "maatregelen": [
        {"naam": "zonnepanelen", "hoeveelheid": 6}]})
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2037, "huurbeleid": "percentage", "huurverhoging_pct": 0})
    fee = _jaar(pad, 2026).verschil.huur_servicekosten
    assert fee > 0
    # tariffs/huurregels.csv: 10 years from completion (January 2026): the last month with the fee is December 2035
    assert _jaar(pad, 2035).verschil.huur_servicekosten == fee
    assert _jaar(pad, 2036).verschil.huur_servicekosten == 0.0


def test_cli_refuses_an_assumption_that_the_own_policy_would_ignore(capsys, tmp_path):
    bestand = tmp_path / "casus.json"
    bestand.write_text(json.dumps(_huurder()), encoding="utf-8")
    assert main(["bereken", str(bestand), "--jaren", "2026-2030", "--huurbeleid", "3",
                 "--aanname-huurverhoging", "9"]) == 2
    assert "--aanname-huurverhoging" in capsys.readouterr().err


def test_a_rent_above_the_liberalisation_limit_is_told_that_the_social_maximum_is_used():
    # tariffs/huurgrenzen.csv: maximale huurgrens 2026 € 932,93; a kale huur of € 1.100 lies above it
    pad = bereken_jaren(_huurder(1100.0, datum="2026-01-01"), {"begin": 2026, "eind": 2027})
    assert any("liberalisatiegrens" in t for t in pad.toelichting)
    eigen = bereken_jaren(_huurder(1100.0, datum="2026-01-01"),
                          {"begin": 2026, "eind": 2027, "huurbeleid": "percentage", "huurverhoging_pct": 4.4})
    assert not any("liberalisatiegrens" in t for t in eigen.toelichting)


def test_an_owner_gets_no_rent_steps_among_the_assumptions():
    with open("voorbeelden/eigenaar_borne_isolatie.json", encoding="utf-8") as fh:
        casus = json.load(fh)
    pad = bereken_jaren(casus, {"begin": 2026, "eind": 2029})
    assert not any(a.startswith("Huur per") for a in pad.aannames)
    assert all(j.zonder.huur_totaal == 0 for j in pad.jaren)


def _als_tekst(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({k: object for k in frame.columns if isinstance(frame[k].dtype, pd.CategoricalDtype)})


def test_the_stream_in_parts_is_the_whole_result_and_its_counts_the_summary():
    """A stock streamed in parts of 37 dwellings (the sample portfolio's 400 in 11 parts, blocks of 13 dwellings)
    gives, part after part, exactly the rows of the whole result, and the counts per part add up to the summaries
    of the whole."""
    from woonlasten.portefeuille.pad import JaarTelling, PadStroom

    woningen = lees_woningen("data/voorbeeld_portefeuille.csv")
    pad = Pad(begin=2026, eind=2028)
    heel = bereken_portefeuille_jaren(woningen, scenario_uit_tekst("label-B"), pad, "2026-01-01")
    stroom = PadStroom(woningen, scenario_uit_tekst("label-B"), pad, "2026-01-01", deel=37, blok=13)
    groep = stroom.groep("complex")
    telling = JaarTelling(groep.categories, 2026, 3)
    delen, begin = [], 0
    for deel in stroom:
        assert len(deel) <= 37 * 3
        telling.tel(np.repeat(np.asarray(groep.codes)[begin:begin + len(deel) // 3], 3), deel)
        begin += len(deel) // 3
        delen.append(_als_tekst(deel))
    assert len(delen) == 11
    samen = pd.concat(delen, ignore_index=True)
    pd.testing.assert_frame_equal(samen, _als_tekst(heel), check_dtype=False)
    assert stroom.notities == heel.attrs["notities"] and stroom.attrs["peildatum"] == "2026-01-01"
    pd.testing.assert_frame_equal(telling.tabel(), samenvatting_jaren(heel), check_exact=False, atol=0.005)
    pd.testing.assert_frame_equal(telling.totaal().tabel("groep"), samenvatting_jaren(heel, per=None),
                                  check_exact=False, atol=0.005)


def test_cli_writes_the_path_part_by_part_as_the_whole_would_be_written(monkeypatch, capsys, tmp_path):
    """The command streams the path in parts (here 45 dwellings each): the CSV is byte for byte the whole result's
    CSV (naar_csv), and what it prints is what the whole result gives."""
    from woonlasten.portefeuille import naar_csv
    from woonlasten.portefeuille import pad as padmodule

    uit = tmp_path / "pad.csv"
    monkeypatch.setattr(padmodule, "PAD_RIJEN", 135)  # 45 dwellings × 3 years
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2028", "--peildatum",
                 "2026-01-01", "--uit", str(uit)]) == 0
    tekst = capsys.readouterr().out
    heel = bereken_portefeuille_jaren(lees_woningen("data/voorbeeld_portefeuille.csv"),
                                      scenario_uit_tekst("label-B"), Pad(begin=2026, eind=2028), "2026-01-01")
    assert uit.read_bytes() == naar_csv(heel)
    totaal = samenvatting_jaren(heel, per=None)
    assert f"2026-2028: {len(heel)} woning-jaren" in tekst and tekst.rstrip().endswith(f"geschreven naar {uit}")
    for r in totaal.itertuples():  # each year's line: the year, the dwellings done
        assert any(regel.split()[:2] == [str(r.jaar), str(r.klaar)] for regel in tekst.splitlines())
    assert not list(tmp_path.glob(".woonlasten-*"))


def test_a_write_error_halfway_leaves_no_file_and_says_so(monkeypatch, capsys, tmp_path):
    """A full disk while the third part is written: exit 2, a Dutch message, no half file and no temporary file;
    an existing file with that name stays as it was."""
    import errno

    from woonlasten.portefeuille import pad as padmodule
    from woonlasten.portefeuille import schrijven

    monkeypatch.setattr(padmodule, "PAD_RIJEN", 100)  # 50 dwellings × 2 years
    echt, delen = schrijven._CsvSchrijver.deel, []

    def vol(self, frame):
        delen.append(len(frame))
        if len(delen) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        echt(self, frame)

    monkeypatch.setattr(schrijven._CsvSchrijver, "deel", vol)
    uit = tmp_path / "pad.csv"
    uit.write_text("oud", encoding="utf-8")
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2027", "--peildatum",
                 "2026-01-01", "--uit", str(uit), "--overschrijf"]) == 2
    fout = capsys.readouterr().err
    assert "kan" in fout and "niet schrijven" in fout and "schijf" in fout.lower()
    assert uit.read_text(encoding="utf-8") == "oud" and not list(tmp_path.glob(".woonlasten-*"))
    assert delen == [100, 100, 100]  # parts of 50 dwellings × 2 years; the third one failed


def test_a_failed_background_sync_leaves_no_file_and_says_so(monkeypatch, capsys, tmp_path):
    """What is written is put on disk part by part while the rest is computed: a disk error there is reported as
    any write error (exit 2, Dutch, no file and no temporary file left)."""
    import errno
    import os

    from woonlasten.portefeuille import pad as padmodule

    monkeypatch.setattr(padmodule, "PAD_RIJEN", 100)  # 50 dwellings × 2 years: eight parts
    synced = []

    def kapot(fd):
        synced.append(fd)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", kapot)
    uit = tmp_path / "pad.csv"
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2027", "--peildatum",
                 "2026-01-01", "--uit", str(uit)]) == 2
    fout = capsys.readouterr().err
    assert synced and "kan" in fout and "niet schrijven" in fout
    assert not uit.exists() and not list(tmp_path.glob(".woonlasten-*"))


def test_an_excel_file_too_small_for_the_path_is_refused_before_the_calculation(monkeypatch, capsys, tmp_path):
    """400 dwellings × 2 years = 800 rows against a sheet of (here) 500: refused right after reading, in Dutch,
    naming dwelling-years; nothing computed, no file."""
    from woonlasten.portefeuille import schrijven

    monkeypatch.setattr(schrijven, "EXCEL_MAX_REGELS", 500)
    uit = tmp_path / "pad.xlsx"
    assert main(["portefeuille", "data/voorbeeld_portefeuille.csv", "--jaren", "2026-2027", "--peildatum",
                 "2026-01-01", "--uit", str(uit)]) == 2
    uitvoer = capsys.readouterr()
    assert "800 woning-jaren passen niet in één Excelblad (maximaal 500)" in uitvoer.err
    assert "berekend" not in uitvoer.out and not uit.exists()


def test_tax_brackets_of_many_dates_are_each_date_s_own():
    """The brackets for rows of different dates (a path's completion run: one date per dwelling) are per row the
    brackets of that row's date alone; a row without a date, or of a date before the table, has none."""
    from woonlasten.rekenen.schijven import schijven_op_datum

    tabel = laad_tabellen()["tariffs/energiebelasting"]
    datums = ["2023-07-01", "2025-01-01", None, "2023-07-01", "2015-01-01", "2026-03-01"]  # 2015: no brackets
    per_rij = schijven_op_datum(tabel, "elektriciteit", pd.Categorical(pd.to_datetime(datums)))
    for i, datum in enumerate(datums):
        if datum is None:
            assert all(np.isnan(s["energiebelasting_excl_btw"][i]) for s in per_rij)
            continue
        eigen = [s for s in schijven_op_datum(tabel, "elektriciteit", pd.Categorical(pd.to_datetime([datum])))
                 if np.isfinite(s["energiebelasting_excl_btw"])]
        for k, schijf in enumerate(per_rij):
            if k >= len(eigen):  # a bracket this date does not have: no tax, no range
                assert np.isnan(schijf["energiebelasting_excl_btw"][i]) and np.isnan(schijf["schijf_vanaf"][i])
                continue
            for kolom, waarde in schijf.items():
                assert waarde[i] == np.ravel(eigen[k][kolom])[0], (datum, k, kolom)


def test_a_part_s_messages_as_categories_are_those_of_pd_factorize():
    """The messages of a part (a few long texts over many rows) become the same categories, in the same order, as
    pandas' factorize gives them; anything but text is empty."""
    from woonlasten.portefeuille.pad import _categorie

    lang = "Let op: rioolheffing: " * 18
    rijen = np.array([lang, "", lang + "x", None, np.nan, "y" + lang], dtype=object)[
        np.random.default_rng(1).integers(0, 6, 5_000)]
    codes, uniek = pd.factorize(rijen, use_na_sentinel=True)
    assert _categorie(rijen).equals(pd.Categorical.from_codes(codes, categories=pd.Index(uniek, dtype=object)))
    assert list(_categorie(rijen).categories) == list(uniek)
    assert len(_categorie(np.array([], dtype=object))) == 0
