"""Fuzzing every way in, as a hostile tester would: generated cases (valid, broken and hostile JSON) through the CLI,
generated portfolio files (separators, decimal marks, encodings, line endings, formula cells, bad lines) through the
reader, the calculation and the export. The promise under test: a correct result or a clear Dutch message, never a
traceback, never a row lost, never a number that is not finite with status "ok".

CI runs a few hundred examples (a minute or two); ``WOONLASTEN_FUZZ=lang`` runs many more (see bench/README.md)."""

from __future__ import annotations

import io
import json
import math
import os
import string
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from woonlasten.cli import main
from woonlasten.modellen import ENERGIELABELS, WONINGTYPES
from woonlasten.portefeuille import (
    SCENARIOS,
    PortefeuilleFout,
    bereken_portefeuille,
    lees_woningen,
    naar_csv,
    naar_excel,
)

LANG = os.environ.get("WOONLASTEN_FUZZ") == "lang"
VEEL = settings(max_examples=2000 if LANG else 60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ENKELE = settings(max_examples=400 if LANG else 25, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# text a hostile user types: formulas, markdown, control characters, very long, non-Latin, digits the Dutch way
vijandige_tekst = st.one_of(
    st.sampled_from(["=1+1", "'=1+1", "+31", "-5", "@SUM(A1)", "\t=1", "\r=1", "![x](http://127.0.0.1:9/x.png)",
                     "<script>", "1.200", "1.200,50", "1,050", "NaN", "inf", "-inf", "", " ", "€ 600,00", "85 m²",
                     "ja", "nee", "\x00", "\x0b", "Ω≈ç√∫", "A+++", "a", "x" * 5000]),
    st.text(alphabet=string.printable + "€²éëï→≤", max_size=30),
)
getallen = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                     st.floats(-1e6, 1e6), st.integers(0, 2000))
waarden = st.one_of(st.none(), st.booleans(), getallen, vijandige_tekst)


def _draai(argv: list[str]) -> tuple[int, str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    with redirect_stdout(uit), redirect_stderr(fout):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse ends with SystemExit
            code = exc.code
    return code, uit.getvalue(), fout.getvalue()


def _casus(**kw) -> dict:
    c = {"peildatum": "2025-06-01", "gemeente": "Borne", "rol": "huurder",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
         "huishouden": {"personen": 3}, "huur": {"kale_huur": 600.0, "servicekosten": 20.0},
         "ingreep": {"naar_label": "B"}}
    for pad, waarde in kw.items():
        doel = c
        delen = pad.split("__")
        for d in delen[:-1]:
            doel = doel.setdefault(d, {}) if isinstance(doel.get(d, {}), dict) else doel
        doel[delen[-1]] = waarde
    return c


VELDEN = ["peildatum", "gemeente", "rol", "woning__woningtype", "woning__oppervlakte_m2", "woning__energielabel",
          "woning__bouwjaar", "woning__verwarming", "woning__woz_waarde", "woning__wws_punten", "huishouden__personen",
          "huishouden__inkomen_jaar", "huishouden__aow", "huur__kale_huur", "huur__servicekosten", "verbruik__gas_m3",
          "verbruik__elektriciteit_kwh", "contract__gas_leveringsprijs_m3", "ingreep__naar_label",
          "ingreep__huurverhoging", "ingreep__maatregelen", "ingreep__nieuwe_verhuring", "financiering__vorm",
          "financiering__looptijd_jaar", "financiering__rente_pct", "onbekend_veld"]


def _controleer_resultaat(r: dict) -> None:
    """An accepted case: every amount finite, totals the sum of their parts (to a cent per part), verschil = na − voor."""
    for s in ("voor", "na", "verschil"):
        w = r.get(s)
        if w is None:
            continue
        for deel in ("huur", "energie", "lokale_lasten", "financiering"):
            assert all(math.isfinite(v) for v in w[deel].values()), (s, deel, w[deel])
        delen = [w["huur"]["totaal"], w["energie"]["totaal"], w["lokale_lasten"]["totaal"],
                 w["financiering"]["totaal"]]
        assert abs(sum(delen) - w["totaal"]) <= 0.011 * len(delen), (s, delen, w["totaal"])
    if r.get("na") is not None:
        assert abs((r["na"]["totaal"] - r["voor"]["totaal"]) - r["verschil"]["totaal"]) <= 0.011


@VEEL
@given(st.dictionaries(st.sampled_from(VELDEN), waarden, max_size=6), st.sampled_from(["json", "tekst"]))
def test_a_case_with_hostile_values_gives_a_result_or_a_dutch_message(tmp_path_factory, wijzigingen, formaat):
    pad = tmp_path_factory.mktemp("fuzz") / "casus.json"
    try:
        tekst = json.dumps(_casus(**wijzigingen), allow_nan=True)
    except ValueError:
        return
    pad.write_text(tekst, encoding="utf-8")
    code, uit, fout = _draai(["bereken", str(pad), "--format", formaat])
    assert "Traceback" not in fout and "Traceback" not in uit
    assert code in (0, 2), (code, fout)
    if code == 2:
        assert fout.strip(), "een weigering zonder melding"
        assert "Error" not in fout and "Input should" not in fout, fout  # Dutch, not pydantic's English
    elif formaat == "json":
        _controleer_resultaat(json.loads(uit))


@ENKELE
@given(st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    st.recursive(st.one_of(st.none(), st.booleans(), getallen, vijandige_tekst),
                 lambda kind: st.one_of(st.lists(kind, max_size=4), st.dictionaries(st.text(max_size=8), kind,
                                                                                    max_size=4)), max_leaves=20),
))
def test_any_bytes_as_a_case_file_give_exit_2_and_a_message_not_a_traceback(tmp_path_factory, inhoud):
    pad = tmp_path_factory.mktemp("fuzz") / "casus.json"
    if isinstance(inhoud, bytes):
        pad.write_bytes(inhoud)
    elif isinstance(inhoud, str):
        pad.write_text(inhoud, encoding="utf-8", errors="surrogatepass")
    else:
        try:
            pad.write_text(json.dumps(inhoud), encoding="utf-8")
        except (ValueError, UnicodeEncodeError):
            return
    code, uit, fout = _draai(["bereken", str(pad)])
    assert "Traceback" not in fout
    assert code in (0, 2)
    if code == 2:
        assert fout.strip()


# ----------------------------------------------------------------------------------------------------------
# Portfolio files

KOLOMMEN = ["id", "complex", "gemeente", "woningtype", "oppervlakte_m2", "energielabel", "kale_huur",
            "servicekosten", "personen", "woz_waarde", "gas_m3"]


@st.composite
def portefeuillebestanden(draw) -> tuple[bytes, int]:
    """A portfolio as offices write it, with hostile cells, and the number of data records written."""
    scheiding = draw(st.sampled_from([";", ",", "\t"]))
    komma = draw(st.booleans()) if scheiding != "," else False
    einde = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    codering = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    kolommen = draw(st.permutations(KOLOMMEN))
    n = draw(st.integers(1, 12))

    def getal(lo: float, hi: float) -> str:
        x = draw(st.floats(lo, hi))
        tekst = f"{x:.2f}"
        return tekst.replace(".", ",") if komma else tekst

    rijen = []
    for i in range(n):
        rij = {"id": str(i + 1), "complex": draw(st.sampled_from(["C1", "C2", "=1+1", "'=1+1", "@x", "-3"])),
               "gemeente": draw(st.sampled_from(["Borne", "Hengelo", "Enschede", "Nergenshuizen", ""])),
               "woningtype": draw(st.sampled_from(list(WONINGTYPES) + ["Rijwoning", "flat", "iglo", ""])),
               "oppervlakte_m2": getal(20, 200), "energielabel": draw(st.sampled_from(list(ENERGIELABELS) + ["H", ""])),
               "kale_huur": getal(300, 1200), "servicekosten": getal(0, 60),
               "personen": draw(st.sampled_from(["1", "2", "3", "", "twee"])), "woz_waarde": getal(100_000, 500_000),
               "gas_m3": draw(st.sampled_from(["", "1200", "1.200", "1,200", "NaN", "inf", "-5"]))}
        if draw(st.integers(0, 9)) == 0:  # now and then a hostile cell anywhere
            rij[draw(st.sampled_from(kolommen))] = draw(vijandige_tekst)
        rijen.append(rij)

    def cel(w: str) -> str:
        w = w.replace("\x00", "")
        if any(c in w for c in (scheiding, '"', "\n", "\r")):
            return '"' + w.replace('"', '""') + '"'
        return w

    regels = [scheiding.join(kolommen)] + [scheiding.join(cel(r[k]) for k in kolommen) for r in rijen]
    tekst = einde.join(regels) + (einde if draw(st.booleans()) else "")
    try:
        data = tekst.encode(codering)
    except UnicodeEncodeError:
        data = tekst.encode("utf-8")
    return data, n


@ENKELE
@given(portefeuillebestanden(), st.sampled_from(list(SCENARIOS)))
def test_a_generated_portfolio_file_keeps_every_row_and_gives_ok_or_a_reason(bestand, scenario):
    data, n = bestand
    try:
        woningen = lees_woningen(data, naam="fuzz.csv")
    except PortefeuilleFout as exc:
        assert str(exc).strip()
        return
    r = bereken_portefeuille(woningen, SCENARIOS[scenario], "2025-06-01")
    assert len(r) == len(woningen)
    assert len(r) >= n or (r["status"] == "fout").any()  # no row silently lost
    assert set(r["status"].astype(str)) <= {"ok", "fout"}
    fout = (r["status"] == "fout").to_numpy()
    assert all(str(m).strip() for m in r.loc[fout, "melding"]), "een foutregel zonder reden"
    ok = ~fout
    for kol in ("voor_totaal", "na_totaal", "verschil_totaal"):
        assert np.isfinite(r.loc[ok, kol].to_numpy(dtype=float)).all(), kol
    # the export is complete and safe
    csv_bytes = naar_csv(r)
    terug = pd.read_csv(io.BytesIO(csv_bytes), sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(terug) == len(r)
    for kol in terug.columns:
        assert not terug[kol].str.startswith(("=", "+", "@", "\t", "\r")).any(), kol
    excel = pd.read_excel(io.BytesIO(naar_excel(r)), sheet_name="woningen", dtype=str)
    assert excel.shape == terug.shape


@pytest.mark.parametrize("cel", ["=1+1", "'=1+1", "\x01", "\x0b", "=HYPERLINK(\"http://x\")", "x" * 40_000])
def test_the_excel_export_is_complete_with_hostile_cells(cel):
    woningen = lees_woningen(("id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur\n"
                              f"1;{cel};Borne;tussenwoning;85;E;600\n2;'=1+1;Borne;tussenwoning;85;E;600\n")
                             .encode("utf-8"), naam="x.csv")
    r = bereken_portefeuille(woningen, SCENARIOS["label-B"], "2025-06-01")
    data = naar_excel(r)
    terug = pd.read_excel(io.BytesIO(data), sheet_name="woningen", dtype=str)
    assert len(terug) == 2
