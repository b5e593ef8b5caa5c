"""Input fields declared once (woonlasten.modellen): the flat frame's columns, bounds, defaults, the portfolio's
aliases and a case's flat row are derived from the models, and equal what was written out by hand before."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import pandas as pd
import pytest
from pydantic import BaseModel, Field

from woonlasten.casus import bereken_casus_frame, casus_naar_rij
from woonlasten.modellen import (
    ENERGIELABELS,
    GRENZEN,
    INVOERVELDEN,
    ROLLEN,
    VERWARMINGEN,
    WONINGTYPES,
    Casus,
    Groep,
    Kolom,
    _invoervelden,
    _op_volgorde,
)
from woonlasten.portefeuille.lezen import ALIASSEN, NUMERIEKE_KOLOMMEN, TEKST_ALS_CATEGORIE
from woonlasten.rekenen import invoer

ROOT = Path(__file__).parent.parent
GEVALLEN = sorted((ROOT / "tests" / "golden").glob("*.json")) + sorted((ROOT / "voorbeelden").glob("*.json"))


def _invoer(pad: Path) -> dict:
    geval = json.loads(pad.read_text(encoding="utf-8"))
    return geval["invoer"] if "invoer" in geval else geval


# ----------------------------------------------------------------------------------------------------------
# What was written out by hand before the fields were declared once (the reference the derivation must keep)


def _oude_casus_naar_rij(casus: Casus) -> dict[str, Any]:
    """The hand-written flat row that ``casus_naar_rij`` replaced (verbatim)."""
    w, i = casus.woning, casus.ingreep
    maatregelen = ""
    if i is not None:
        maatregelen = ";".join(
            m.naam + (f":{m.hoeveelheid:g}" if m.hoeveelheid is not None else (":" if m.prijs_per_eenheid else ""))
            + (f":{m.prijs_per_eenheid:g}" if m.prijs_per_eenheid is not None else "") for m in i.maatregelen)
    rij = {
        "peildatum": pd.Timestamp(casus.peildatum), "gemeente": casus.gemeente, "rol": casus.rol,
        "woningtype": w.woningtype, "oppervlakte_m2": w.oppervlakte_m2, "energielabel": w.energielabel,
        "bouwjaar": w.bouwjaar, "verwarming": w.verwarming, "woz_waarde": w.woz_waarde,
        "personen": casus.huishouden.personen,
        "kale_huur": casus.huur.kale_huur, "servicekosten": casus.huur.servicekosten,
        "gas_m3": casus.verbruik.gas_m3, "elektriciteit_kwh": casus.verbruik.elektriciteit_kwh,
        "gas_leveringsprijs_m3": casus.contract.gas_leveringsprijs_m3,
        "elektriciteit_leveringsprijs_kwh": casus.contract.elektriciteit_leveringsprijs_kwh,
        "vaste_leveringskosten_jaar": casus.contract.vaste_leveringskosten_jaar,
        "naar_label": i.naar_label if i else None,
        "maatregelen": maatregelen,
        "huurverhoging": i.huurverhoging if i else None,
        "inkomen_jaar": casus.huishouden.inkomen_jaar, "aow": float(casus.huishouden.aow),
        "wws_punten": w.wws_punten, "nieuwe_verhuring": float(i.nieuwe_verhuring) if i else 0.0,
        "epv_warmtevraag_kwh_m2": i.epv_warmtevraag_kwh_m2 if i else None,
    }
    fin = casus.financiering
    if fin is not None:
        rij |= {"financiering_vorm": fin.vorm, "looptijd_jaar": fin.looptijd_jaar, "rente_pct": fin.rente_pct,
                "eerdere_isolatiemaatregel": float(fin.eerdere_isolatiemaatregel),
                "hypotheeklasten_maand": fin.hypotheeklasten_maand, "warmtepomp_kw": fin.warmtepomp_kw,
                "investering": fin.investering, "zon_eigen_verbruik_aandeel": fin.zon_eigen_verbruik_aandeel,
                "terugleververgoeding_kwh": fin.terugleververgoeding_kwh}
    return rij


OUDE_INVOER_KOLOMMEN = {
    "peildatum": "datum", "gemeente": "tekst", "rol": "tekst",
    "woningtype": "tekst", "oppervlakte_m2": "getal", "energielabel": "tekst", "bouwjaar": "getal",
    "verwarming": "tekst", "woz_waarde": "getal",
    "personen": "getal",
    "kale_huur": "getal", "servicekosten": "getal",
    "gas_m3": "getal", "elektriciteit_kwh": "getal",
    "gas_leveringsprijs_m3": "getal", "elektriciteit_leveringsprijs_kwh": "getal",
    "vaste_leveringskosten_jaar": "getal",
    "naar_label": "tekst", "maatregelen": "tekst", "huurverhoging": "getal",
    "inkomen_jaar": "getal", "aow": "vlag", "wws_punten": "getal", "nieuwe_verhuring": "vlag",
    "epv_warmtevraag_kwh_m2": "getal",
    "financiering_vorm": "tekst", "looptijd_jaar": "getal", "rente_pct": "getal", "eerdere_isolatiemaatregel": "vlag",
    "hypotheeklasten_maand": "getal", "warmtepomp_kw": "getal", "investering": "getal",
    "zon_eigen_verbruik_aandeel": "getal", "terugleververgoeding_kwh": "getal",
}
OUDE_GRENZEN = {
    "oppervlakte_m2": (10, 1000), "bouwjaar": (1500, 2100), "woz_waarde": (0, 10_000_000), "personen": (1, 12),
    "kale_huur": (0, 10_000), "servicekosten": (0, 2_000), "gas_m3": (0, 20_000), "elektriciteit_kwh": (0, 50_000),
    "gas_leveringsprijs_m3": (0, 10), "elektriciteit_leveringsprijs_kwh": (0, 5),
    "vaste_leveringskosten_jaar": (0, 5_000), "huurverhoging": (0, 2_000), "hoeveelheid": (0, 10_000),
    "prijs_per_eenheid": (0, 100_000), "looptijd_jaar": (1, 40), "rente_pct": (0, 20),
    "hypotheeklasten_maand": (0, 20_000), "warmtepomp_kw": (1, 40), "investering": (0, 500_000),
    "zon_eigen_verbruik_aandeel": (0, 1), "terugleververgoeding_kwh": (0, 2), "inkomen_jaar": (0, 1_000_000),
    "wws_punten": (0, 1_000), "epv_warmtevraag_kwh_m2": (0, 200),
}
OUDE_ALIASSEN = {
    "id": "id", "vhe": "id", "vhenummer": "id", "woningid": "id", "eenheid": "id", "nummer": "id",
    "complex": "complex", "complexnummer": "complex", "complexnaam": "complex",
    "gemeente": "gemeente", "plaats": "gemeente",
    "woningtype": "woningtype", "type": "woningtype", "typewoning": "woningtype",
    "oppervlaktem2": "oppervlakte_m2", "oppervlakte": "oppervlakte_m2", "gebruiksoppervlakte": "oppervlakte_m2",
    "gbo": "oppervlakte_m2", "m2": "oppervlakte_m2",
    "energielabel": "energielabel", "label": "energielabel",
    "kalehuur": "kale_huur", "huur": "kale_huur", "nettohuur": "kale_huur",
    "servicekosten": "servicekosten",
    "personen": "personen", "aantalpersonen": "personen", "bewoners": "personen",
    "bouwjaar": "bouwjaar", "verwarming": "verwarming", "wozwaarde": "woz_waarde", "woz": "woz_waarde",
    "rol": "rol", "peildatum": "peildatum",
    "gasm3": "gas_m3", "gasverbruik": "gas_m3", "elektriciteitkwh": "elektriciteit_kwh",
    "stroomverbruik": "elektriciteit_kwh",
    "naarlabel": "naar_label", "maatregelen": "maatregelen", "huurverhoging": "huurverhoging",
    "inkomenjaar": "inkomen_jaar", "inkomen": "inkomen_jaar", "verzamelinkomen": "inkomen_jaar",
    "huishoudinkomen": "inkomen_jaar", "aow": "aow", "nieuweverhuring": "nieuwe_verhuring",
    "mutatie": "nieuwe_verhuring", "wwspunten": "wws_punten", "punten": "wws_punten",
    "gasleveringsprijsm3": "gas_leveringsprijs_m3",
    "elektriciteitleveringsprijskwh": "elektriciteit_leveringsprijs_kwh",
    "vasteleveringskostenjaar": "vaste_leveringskosten_jaar",
}


def _bevat(nieuw: dict, oud: dict) -> None:
    """Every old entry is still there with the same value (a field added later may add entries)."""
    assert {k: nieuw.get(k, "<ontbreekt>") for k in oud} == oud


# ----------------------------------------------------------------------------------------------------------
# The derived constants keep what was written out by hand


def test_frame_columns_keep_their_kind_and_order():
    _bevat(invoer.INVOER_KOLOMMEN, OUDE_INVOER_KOLOMMEN)
    # the order decides which message a row with several bad cells gets (the first)
    assert [k for k in invoer.INVOER_KOLOMMEN if k in OUDE_INVOER_KOLOMMEN] == list(OUDE_INVOER_KOLOMMEN)


def test_whole_numbers_required_defaults_allowed_values():
    assert set(invoer.GEHEEL) >= {"personen", "bouwjaar", "looptijd_jaar"}
    assert invoer.VERPLICHT == ("peildatum", "gemeente", "woningtype", "oppervlakte_m2", "energielabel")
    _bevat(invoer.STANDAARD, {"rol": "huurder", "verwarming": "gasketel", "kale_huur": 0.0, "servicekosten": 0.0,
                              "aow": 0.0, "nieuwe_verhuring": 0.0, "eerdere_isolatiemaatregel": 0.0,
                              "financiering_vorm": "warmtefonds"})
    assert all(type(invoer.STANDAARD[k]) is float for k, s in invoer.INVOER_KOLOMMEN.items()
               if s in ("vlag", "getal") and k in invoer.STANDAARD)
    # an empty personen takes the data parameter personen_standaard, not the model's 2; no list default
    assert "personen" not in invoer.STANDAARD and "maatregelen" not in invoer.STANDAARD
    _bevat(invoer.TOEGESTAAN, {"rol": ROLLEN, "woningtype": WONINGTYPES, "energielabel": ENERGIELABELS,
                               "naar_label": ENERGIELABELS, "verwarming": VERWARMINGEN,
                               "financiering_vorm": ("warmtefonds", "hypotheek", "eigen_geld")})


def test_bounds():
    _bevat(GRENZEN, OUDE_GRENZEN)
    # the measures' text is checked against Maatregel's bounds (woonlasten.regels.ingreep)
    assert GRENZEN["hoeveelheid"] == (0, 10_000) and GRENZEN["prijs_per_eenheid"] == (0, 100_000)
    assert invoer.GRENZEN == {k: v for k, v in GRENZEN.items() if k in invoer.INVOER_KOLOMMEN}


def test_portfolio_columns():
    _bevat(ALIASSEN, OUDE_ALIASSEN)
    assert TEKST_ALS_CATEGORIE >= {"complex", "gemeente", "woningtype", "energielabel", "rol", "verwarming",
                                   "naar_label", "maatregelen"}
    assert NUMERIEKE_KOLOMMEN == [k for k, s in invoer.INVOER_KOLOMMEN.items() if s == "getal"]
    # not read from a portfolio (yet): the owner's financing and the EPV heat demand
    assert not {"financieringvorm", "vorm", "rentepct", "epvwarmtevraagkwhm2"} & set(ALIASSEN)


# ----------------------------------------------------------------------------------------------------------
# A case's flat row


def _varianten() -> list[dict]:
    basis = {"peildatum": "2025-06-01", "gemeente": "Borne",
             "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"}}
    return [
        basis,
        {**basis, "huishouden": {"aow": True, "personen": 1}, "ingreep": {"nieuwe_verhuring": True}},
        {**basis, "ingreep": {"naar_label": "B", "maatregelen": [
            "hr_glas", {"naam": "spouwmuurisolatie", "hoeveelheid": 40.5},
            # a price 0 without a quantity is written "vloerisolatie:0" (read as quantity 0): kept as it was
            {"naam": "dakisolatie", "prijs_per_eenheid": 55}, {"naam": "vloerisolatie", "prijs_per_eenheid": 0},
            {"naam": "zonnepanelen", "hoeveelheid": 8, "prijs_per_eenheid": 350.25}],
            "huurverhoging": 25, "epv_warmtevraag_kwh_m2": 30}},
        {**basis, "rol": "eigenaar", "ingreep": {"naar_label": "A"},
         "financiering": {"vorm": "hypotheek", "rente_pct": 4.1, "eerdere_isolatiemaatregel": True,
                          "warmtepomp_kw": 6, "investering": 20000, "zon_eigen_verbruik_aandeel": 0.3,
                          "terugleververgoeding_kwh": 0.05, "hypotheeklasten_maand": 900, "looptijd_jaar": 20}},
    ]


GEVAL_INVOER = [_invoer(p) for p in GEVALLEN] + _varianten()
GEVAL_IDS = [p.stem for p in GEVALLEN] + [f"variant-{i}" for i in range(len(_varianten()))]


def test_there_are_cases():
    assert len(GEVALLEN) >= 9


@pytest.mark.parametrize("gegevens", GEVAL_INVOER, ids=GEVAL_IDS)
def test_flat_row_equals_the_hand_written_one(gegevens):
    casus = Casus.model_validate(gegevens)
    oud, nieuw = _oude_casus_naar_rij(casus), casus_naar_rij(casus)
    assert {k: nieuw.get(k, "<ontbreekt>") for k in oud} == oud
    assert {k: type(nieuw[k]) for k in oud} == {k: type(v) for k, v in oud.items()}  # 0.0 is not False
    assert [k for k in nieuw if k in oud] == list(oud)
    if casus.financiering is None:  # no financing columns: the frame's defaults apply
        assert not {"financiering_vorm", "looptijd_jaar", "eerdere_isolatiemaatregel"} & set(nieuw)


def test_flat_row_computes():
    gegevens = _varianten()[2]
    gegevens["ingreep"]["maatregelen"] = [m for m in gegevens["ingreep"]["maatregelen"]
                                          if not (isinstance(m, dict) and m["naam"] == "vloerisolatie")]
    rij = bereken_casus_frame(Casus.model_validate(gegevens)).iloc[0]
    assert rij["status"] != "fout", rij["melding"]
    assert rij["maatregelen"] == "hr_glas;spouwmuurisolatie:40.5;dakisolatie::55;zonnepanelen:8:350.25"


# ----------------------------------------------------------------------------------------------------------
# The derivation for a field added later


class _Nieuw(BaseModel):
    teller: Annotated[Optional[int], Kolom(aliassen=("aantal",), na="keuze")] = Field(None, ge=0, le=9)
    keuze: Literal["x", "y"] = "y"
    vlag: bool = True
    datum: dt.date
    bedrag: Annotated[float, Kolom(naam="nieuw_bedrag", standaard_in_frame=False, portefeuille=False)] = 1.5


class _Omhulsel(BaseModel):
    sub: Annotated[Optional[_Nieuw], Groep(weglaten_als_leeg=True)] = None


def test_a_new_field_is_derived_from_its_declaration():
    velden = {v.kolom: v for v in _op_volgorde(_invoervelden(_Nieuw))}
    assert list(velden) == ["keuze", "teller", "vlag", "datum", "nieuw_bedrag"]  # teller placed after keuze
    assert {k: v.soort for k, v in velden.items()} == {
        "teller": "getal", "keuze": "tekst", "vlag": "vlag", "datum": "datum", "nieuw_bedrag": "getal"}
    t = velden["teller"]
    assert (t.geheel, t.grenzen, t.aliassen, t.portefeuille, t.verplicht) == (True, (0, 9), ("aantal",), True, False)
    assert velden["keuze"].toegestaan == ("x", "y") and velden["keuze"].standaard == "y"
    assert velden["datum"].verplicht and not velden["datum"].weglaten_als_leeg
    b = velden["nieuw_bedrag"]
    assert b.pad == ("bedrag",) and not b.standaard_in_frame and not b.portefeuille
    # inside an optional sub-model: not required, left out of a row when absent
    onder = {v.kolom: v for v in _invoervelden(_Omhulsel)}
    assert not onder["datum"].verplicht and onder["datum"].weglaten_als_leeg and onder["datum"].pad == ("sub", "datum")


def test_frame_columns_are_unique_and_every_case_field_has_one():
    assert len({v.kolom for v in INVOERVELDEN}) == len(INVOERVELDEN) == len(invoer.INVOER_KOLOMMEN)
    assert {v.pad for v in INVOERVELDEN} >= {("woning", "oppervlakte_m2"), ("financiering", "vorm"),
                                             ("ingreep", "maatregelen"), ("huishouden", "personen")}
