"""The rule engine: the order, the skippable rules and the checks all follow from the rules' declarations
(woonlasten.rekenen.regel); every shipped rule keeps to its declaration on real data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from woonlasten.bereken import bereken_kolommen
from woonlasten.casus import casus_naar_rij
from woonlasten.data import laad_tabellen
from woonlasten.modellen import RESULTAAT, RESULTAAT_DELEN, Casus, Woonlasten
from woonlasten.portefeuille import lees_woningen, naar_invoer
from woonlasten.portefeuille.scenario import SCENARIOS, pas_scenario_toe
from woonlasten.rekenen.regel import Regel, RegelFout, alle_regels, schrijver, voer_uit, volgorde
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad

MAP = Path(__file__).resolve().parent.parent


def _blad(**kolommen) -> Rekenblad:
    f = Rekenblad(pd.RangeIndex(len(next(iter(kolommen.values())))))
    for k, v in kolommen.items():
        f[k] = v
    return f


def _draai(regel: Regel, f: Rekenblad) -> None:
    voer_uit(regel, f, laad_tabellen(), Fouten(f.n), controle=True)


def test_a_rule_reading_an_undeclared_column_is_caught():
    def som(f, t, fouten):
        f["c"] = f["a"] + f["b"]

    f = _blad(a=np.arange(3.0), b=np.ones(3))
    with pytest.raises(RegelFout, match="leest niet-gedeclareerde kolommen: b"):
        _draai(Regel("som", som, leest=("a",), schrijft=("c",)), f)
    _draai(Regel("som", som, leest=("a", "b"), schrijft=("c",)), f)
    assert f["c"].tolist() == [1.0, 2.0, 3.0]


def test_a_rule_writing_or_looking_up_what_it_did_not_declare_is_caught():
    def schrijft_te_veel(f, t, fouten):
        f["c"] = f["a"]
        f["d"] = f["a"]

    def zoekt_op(f, t, fouten):
        f["c"] = f["a"] * t["tariffs/btw"].frame["btw_tarief"].iloc[0]

    f = _blad(a=np.arange(3.0))
    with pytest.raises(RegelFout, match="schrijft niet-gedeclareerde kolommen: d"):
        _draai(Regel("x", schrijft_te_veel, leest=("a",), schrijft=("c",)), f)
    with pytest.raises(RegelFout, match="niet-gedeclareerde tabellen: tariffs/btw"):
        _draai(Regel("y", zoekt_op, leest=("a",), schrijft=("c",)), _blad(a=np.arange(3.0)))


def test_a_per_combination_rule_that_reads_what_varies_within_a_combination_is_caught():
    """Run once per combination of 'soort', a rule that reads 'm2' (different within one soort) would give every
    row of the combination the first row's answer: the check refuses it. A number as key counts only by being given
    or not, so m2 itself is no key either; its class (a Categorical) is."""
    def per_soort(f, t, fouten):
        f["uit"] = f["m2"] * 2

    soort = pd.Categorical(["a", "a", "b", "b"] * 5)
    m2 = np.array([50.0, 60.0, 70.0, 70.0] * 5)
    with pytest.raises(RegelFout, match="leest m2, dat binnen een combinatie"):
        _draai(Regel("z", per_soort, leest=("soort", "m2"), schrijft=("uit",), per_combinatie=("soort",)),
               _blad(soort=soort, m2=m2))
    with pytest.raises(RegelFout, match="andere uit dan per rij"):
        _draai(Regel("z", per_soort, leest=("soort", "m2"), schrijft=("uit",), per_combinatie=("soort", "m2")),
               _blad(soort=soort, m2=m2))

    def per_klasse(f, t, fouten):
        f["uit"] = np.asarray(f["klasse"].categories, dtype=float)[f["klasse"].codes] * 2

    f = _blad(soort=soort, klasse=pd.Categorical(m2))
    _draai(Regel("z", per_klasse, leest=("klasse",), schrijft=("uit",), per_combinatie=("soort", "klasse")), f)
    assert f["uit"].tolist() == (m2 * 2).tolist()


def test_the_order_follows_what_the_rules_read_not_the_order_given():
    def niets(f, t, fouten):
        return None

    late = Regel("late", niets, leest=("b",), schrijft=("c",), volgorde=1)
    vroeg = Regel("vroeg", niets, leest=("a",), schrijft=("b",), volgorde=99)
    assert [r.naam for r in volgorde([late, vroeg])] == ["vroeg", "late"]
    with pytest.raises(RegelFout, match="kring"):
        volgorde([Regel("p", niets, leest=("y",), schrijft=("x",)), Regel("q", niets, leest=("x",), schrijft=("y",))])
    with pytest.raises(RegelFout, match="geschreven door p en q"):
        volgorde([Regel("p", niets, leest=(), schrijft=("x",)), Regel("q", niets, leest=(), schrijft=("x",))])


def test_every_column_has_one_known_writer():
    assert schrijver("verbruik_gas_m3_na").naam == "verbruik"
    assert schrijver("na_energie_gas").naam == "energie"
    assert schrijver("maatregel_dakisolatie").naam == "ingreep"
    assert schrijver("voor_totaal").naam == "totalen"
    assert schrijver("kale_huur") is None  # an input column
    namen = [r.naam for r in alle_regels()]
    assert len(namen) == len(set(namen))
    assert namen.index("ingreep") < namen.index("verbruik") < namen.index("energie") < namen.index("financiering")


def test_every_shipped_rule_keeps_to_its_declaration_on_the_sample_portfolio():
    """The sample portfolio (400 dwellings: tenants and owners, heat pumps, errors) and every golden case and
    example, computed with every rule checked against its declaration."""
    t = laad_tabellen()
    invoer, _ = naar_invoer(lees_woningen(MAP / "data" / "voorbeeld_portefeuille.csv"))
    invoer["peildatum"] = pd.Timestamp("2026-06-01")
    for scenario in SCENARIOS.values():
        r = bereken_kolommen(pas_scenario_toe(invoer.copy(), scenario, t), t, controle=True)
        assert (np.asarray(r["status"]) == "ok").sum() > 300
    rijen = []
    for pad in sorted((MAP / "tests" / "golden").glob("*.json")) + sorted((MAP / "voorbeelden").glob("*.json")):
        data = json.loads(pad.read_text(encoding="utf-8"))
        rijen.append(casus_naar_rij(Casus.model_validate(data.get("invoer", data))))
    r = bereken_kolommen(pd.DataFrame(rijen), t, controle=True)
    assert (np.asarray(r["status"]) == "ok").all()


def test_the_result_parts_are_declared_once():
    """The result model, the calculation's result columns and the portfolio's follow from modellen.RESULTAAT."""
    assert list(Woonlasten.model_fields) == [d.naam for d in RESULTAAT] + ["totaal", "totaal_netto"]
    for d in RESULTAAT:
        assert list(Woonlasten.model_fields[d.naam].annotation.model_fields) == [o.naam for o in d.onderdelen]
    assert RESULTAAT_DELEN[:3] == ("huur_kale_huur", "huur_servicekosten", "huur_huurverhoging")
    f = bereken_kolommen(pd.DataFrame([casus_naar_rij(Casus.model_validate(json.loads(
        (MAP / "voorbeelden" / "huurder_borne_E_naar_B.json").read_text(encoding="utf-8"))))]))
    for deel in RESULTAAT_DELEN:
        for s in ("voor", "na", "verschil"):
            assert f"{s}_{deel}" in f


def test_a_tenants_financing_columns_do_not_depend_on_an_owner_in_the_same_frame():
    """Found by the review: next to an owner with measures, a tenant's row got investment and subsidy columns."""
    huurder = json.loads((MAP / "voorbeelden" / "huurder_borne_E_naar_B.json").read_text(encoding="utf-8"))
    eigenaar = json.loads((MAP / "voorbeelden" / "eigenaar_borne_isolatie.json").read_text(encoding="utf-8"))
    alleen = bereken_kolommen(pd.DataFrame([casus_naar_rij(Casus.model_validate(huurder))]))
    samen = bereken_kolommen(pd.DataFrame([casus_naar_rij(Casus.model_validate(c)) for c in (huurder, eigenaar)]))
    for kol in ("investering_totaal", "subsidie", "energiebesparing_maand", "co2_besparing_kg", "lening"):
        assert np.broadcast_to(samen[kol], (2,))[0] == np.broadcast_to(alleen[kol], (1,))[0] == 0.0, kol
    assert np.broadcast_to(samen["investering_totaal"], (2,))[1] > 0
