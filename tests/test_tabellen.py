"""The data loader: validation with file and line, periods, lookups by date and key."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlasten.data import DataFout, laad_tabel, laad_tabellen, zoek

KOP = "toepassing,geldig_vanaf,geldig_tot,btw_tarief,status,bron\n"


def _schrijf(tmp_path, tekst):
    pad = tmp_path / "btw.csv"
    pad.write_text(KOP + tekst, encoding="utf-8")
    return pad


def test_bad_number_names_file_line_and_column(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,2022-06-30,0.21,bevestigd,x\nenergie,2022-07-01,,negen,bevestigd,x\n")
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, "tariffs/btw")
    assert "btw.csv, regel 3, kolom 'btw_tarief'" in str(exc.value)


def test_overlapping_periods_are_refused(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,2022-12-31,0.21,bevestigd,x\nenergie,2022-07-01,,0.09,bevestigd,x\n")
    with pytest.raises(DataFout, match="overlapt"):
        laad_tabel(pad, "tariffs/btw")


def test_unknown_status_is_refused(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,,0.21,zeker,x\n")
    with pytest.raises(DataFout, match="status"):
        laad_tabel(pad, "tariffs/btw")


def test_missing_source_is_refused(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,,0.21,bevestigd,\n")
    with pytest.raises(DataFout, match="bron"):
        laad_tabel(pad, "tariffs/btw")


def test_lookup_by_date_per_row(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,2022-06-30,0.21,bevestigd,a\n"
                             "energie,2022-07-01,2022-12-31,0.09,bevestigd,b\n"
                             "energie,2023-01-01,,0.21,bevestigd,c\n")
    tabel = laad_tabel(pad, "tariffs/btw")
    datums = pd.to_datetime(["2022-06-30", "2022-07-01", "2030-01-01", "2021-12-31"]).to_numpy()
    r = zoek(tabel, datums, {"toepassing": pd.Series(["energie"] * 4)}, ["btw_tarief"])
    assert list(r["btw_tarief"][:3]) == [0.21, 0.09, 0.21]
    assert pd.isna(r["btw_tarief"][3]) and r["_rij"][3] == -1
    assert list(r["_rij"][:3]) == [2, 3, 4]  # file lines, header = line 1


def test_lookup_with_one_date_and_constant_key_gives_one_row(tmp_path):
    pad = _schrijf(tmp_path, "energie,2022-01-01,2022-06-30,0.21,bevestigd,a\n"
                             "energie,2022-07-01,2022-12-31,0.09,bevestigd,b\n")
    tabel = laad_tabel(pad, "tariffs/btw")
    r = zoek(tabel, pd.Categorical(pd.to_datetime(["2022-08-01"] * 3)), {"toepassing": "energie"}, ["btw_tarief"])
    assert float(r["btw_tarief"]) == 0.09 and int(r["_rij"]) == 3


def test_every_shipped_table_loads_and_cites_a_source():
    t = laad_tabellen()
    for naam, tabel in t.tabellen.items():
        assert tabel.frame["bron"].str.len().min() > 0, naam


def test_a_calculation_leaves_every_table_as_loaded():
    """Derived tables (the monotone space-heating figure, huurtoeslag in wide form) are values remembered by
    Tabel.afgeleid: after a calculation every table still has the frame object and the columns it was loaded with,
    and no attribute was set on it; a frame cannot be swapped."""
    import dataclasses
    import json
    from pathlib import Path

    from woonlasten import bereken
    from woonlasten.data import Tabel

    t = laad_tabellen()
    voor = {naam: (tabel.frame, list(tabel.frame.columns)) for naam, tabel in t.tabellen.items()}
    casus = json.loads((Path(__file__).parent.parent / "voorbeelden" / "huurder_borne_E_naar_B.json").read_text())
    resultaat = bereken(casus, t)
    assert resultaat.voor.huur.huurtoeslag < 0  # the case has an income: huurtoeslag (a wide derived table) is used
    onthouden = {"_per_datum", "_sleutels", "_tekstcodes", "_afgeleid"}
    for naam, tabel in t.tabellen.items():
        assert tabel.frame is voor[naam][0], naam
        assert list(tabel.frame.columns) == voor[naam][1], naam
        assert set(vars(tabel)) <= {f.name for f in dataclasses.fields(Tabel)} | onthouden, naam
    assert "gas_m3_per_m2_monotoon" not in t["labels/ruimteverwarming"].frame
    with pytest.raises(dataclasses.FrozenInstanceError):
        t["labels/ruimteverwarming"].frame = t["labels/ruimteverwarming"].frame.copy()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["zittend", "nieuw", "onbekend"]), st.floats(0, 400),
                          st.sampled_from(["A", "B", "C", "D", "E", "F", "G", "X", None]),
                          st.sampled_from(["A", "B", "C", "D", "E", "F", "G", None])), min_size=1, max_size=60))
def test_lookup_through_the_whole_key_space_equals_the_lookup_per_combination(rijen):
    """Small key spaces are matched whole and remembered (tabellen._HELE_SLEUTELRUIMTE); the answer is the same
    row, value and -1 (not found) as matching only the combinations asked for."""
    from woonlasten.data import opzoeken as tb

    tabel = laad_tabellen()["tariffs/vergoedingentabel"]
    verhuring, m2, voor, na = (list(k) for k in zip(*rijen, strict=True))
    grenzen = np.sort(tabel.frame["oppervlakte_vanaf_m2"].unique())
    sleutels = {"verhuring": pd.Categorical(verhuring), "oppervlakte_vanaf_m2": tb.klasse(np.array(m2), grenzen),
                "label_voor": pd.Categorical(voor), "label_na": pd.Categorical(na)}
    datum = pd.Categorical(pd.to_datetime(["2024-01-01"] * len(rijen)))
    heel = zoek(tabel, datum, sleutels, ["vergoeding_maand"])
    oud, tb._HELE_SLEUTELRUIMTE = tb._HELE_SLEUTELRUIMTE, 0
    try:
        los = zoek(tabel, datum, sleutels, ["vergoeding_maand"])
    finally:
        tb._HELE_SLEUTELRUIMTE = oud
    assert np.array_equal(heel["_rij"], los["_rij"])
    assert np.array_equal(heel["vergoeding_maand"], los["vergoeding_maand"], equal_nan=True)
    assert (heel["_rij"][[v == "onbekend" or a is None for v, a in zip(verhuring, voor, strict=True)]] == -1).all()


def test_categorisch_refuses_a_code_outside_its_categories_and_keeps_0_apart_from_0_0():
    """A code outside the categories (own tables with a gap in the label order, no class limits) is a ValueError
    the app can show, not a broken column; categories 0 and 0.0 keep their own type (the dtype cache)."""
    from woonlasten.data import categorisch

    with pytest.raises(ValueError):
        categorisch(np.array([2], dtype=np.int8), ("A", "B"))
    assert categorisch(np.array([0]), pd.RangeIndex(1)).categories.dtype == np.int64
    assert categorisch(np.array([0]), np.array([0.0])).categories.dtype == np.float64


def test_remembered_values_per_table_stay_bounded(tmp_path, monkeypatch):
    """A long-running app meets ever new key lists; a table remembers at most _AFGELEID_MAXIMUM values and
    computes a forgotten one again (the same value)."""
    from woonlasten.data import laden as tb

    monkeypatch.setattr(tb, "_AFGELEID_MAXIMUM", 5)
    tabel = laad_tabel(_schrijf(tmp_path, "energie,2022-01-01,,0.21,bevestigd,a\n"), "tariffs/btw")
    for i in range(12):
        assert tabel.afgeleid(("x", i), lambda fr, i=i: len(fr) + i) == 1 + i
    assert len(tabel.__dict__["_afgeleid"]) <= 5
    assert tabel.afgeleid(("x", 0), lambda fr: len(fr)) == 1
