"""The data loader: validation with file and line, periods, lookups by date and key."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlasten.data import DataFout, laad_tabel, laad_tabellen, zoek

VOORBEELD = Path(__file__).parent.parent / "voorbeelden" / "huurder_borne_E_naar_B.json"
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

    from woonlasten import bereken
    from woonlasten.data import Tabel

    t = laad_tabellen()
    voor = {naam: (tabel.frame, list(tabel.frame.columns)) for naam, tabel in t.tabellen.items()}
    casus = json.loads(VOORBEELD.read_text(encoding="utf-8"))
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


# --------------------------------------------------------------------------------------------------------------
# The table cache (WOONLASTEN_CACHE) and own tables (WOONLASTEN_DATA)

def _kopie_van_alle_tabellen(map_):
    """Every shipped table copied flat into ``map_`` (the layout of a WOONLASTEN_DATA folder)."""
    import shutil

    from woonlasten.data import PROJECT_DIR
    from woonlasten.data.schema import SCHEMAS

    map_.mkdir(parents=True, exist_ok=True)
    for naam in SCHEMAS:
        shutil.copy(PROJECT_DIR / f"{naam}.csv", map_ / f"{naam.split('/')[-1]}.csv")
    return map_


def test_two_copies_of_the_data_each_cite_their_own_files_through_a_shared_cache(tmp_path, eigen_cache):
    """The cache is keyed on each file's resolved path as well as its content: a second copy with the same bytes
    does not show the first copy's file paths (the app's sources page shows Tabel.pad)."""
    a = _kopie_van_alle_tabellen(tmp_path / "a")
    b = _kopie_van_alle_tabellen(tmp_path / "b")
    for map_ in (a, b, a):
        laad_tabellen.cache_clear()  # as a new process: only the cache folder is shared
        for naam, tabel in laad_tabellen(str(map_)).tabellen.items():
            assert tabel.pad.parent == map_.resolve(), naam


def _cachebestanden(cache):
    return sorted(p for p in cache.rglob("*") if p.is_file())


def test_a_tampered_cache_is_ignored_and_rebuilt_from_the_csv(eigen_cache):
    """The cache holds the validated frames with the sha256 of every file; a BTW rate edited in the cache does
    not reach a calculation: the CSV outranks the cache."""
    import json

    import pyarrow as pa

    from woonlasten import bereken

    casus = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    verwacht = bereken(casus, laad_tabellen()).model_dump()
    btw = [p for p in _cachebestanden(eigen_cache) if "btw" in p.name]
    assert len(btw) == 1, "the BTW table has its own file in the cache"
    tabel = pa.ipc.open_file(pa.py_buffer(btw[0].read_bytes())).read_all()
    kolom = tabel.column_names.index("btw_tarief")
    tabel = tabel.set_column(kolom, "btw_tarief", pa.array([0.5] * len(tabel), pa.float64()))
    with pa.ipc.new_file(str(btw[0]), tabel.schema) as schrijver:
        schrijver.write_table(tabel)
    laad_tabellen.cache_clear()
    t = laad_tabellen()
    assert 0.5 not in set(t["tariffs/btw"].frame["btw_tarief"])
    assert bereken(casus, t).model_dump() == verwacht
    laad_tabellen.cache_clear()  # rebuilt: the next process reads the cache again, with the CSV's rates
    assert 0.5 not in set(laad_tabellen()["tariffs/btw"].frame["btw_tarief"])


class _Bom:
    """Unpickling this creates the folder ``pad``: proof that a cache file was unpickled."""

    def __init__(self, pad):
        self.pad = str(pad)

    def __reduce__(self):
        import os

        return (os.mkdir, (self.pad,))


def test_a_cache_file_with_a_pickle_payload_is_never_unpickled(tmp_path, eigen_cache):
    """Whatever a cache file holds, reading the cache runs no code: every file replaced by a pickle whose loading
    would create a folder; the tables load (from the CSV) and the folder does not appear."""
    import pickle

    laad_tabellen()
    bewijs = tmp_path / "uitgepakt"
    for pad in _cachebestanden(eigen_cache):
        pad.write_bytes(pickle.dumps(_Bom(bewijs)))
    laad_tabellen.cache_clear()
    t = laad_tabellen()
    assert not bewijs.exists()
    assert t["tariffs/btw"].frame["btw_tarief"].notna().all()


def _eigen_btw(map_, tarief):
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "btw.csv").write_text(KOP + f"energie,2020-01-01,,{tarief},bevestigd,eigen\n", encoding="utf-8")
    return map_


def test_woonlasten_data_is_read_at_every_call(tmp_path, eigen_cache, monkeypatch):
    """WOONLASTEN_DATA changed within one process takes effect at the next call (no table set remembered from
    the first value), an edited own table is read afresh, and an unchanged one is the same object."""
    import os

    a, b = _eigen_btw(tmp_path / "a", 0.11), _eigen_btw(tmp_path / "b", 0.12)
    monkeypatch.setenv("WOONLASTEN_DATA", str(a))
    t_a = laad_tabellen()
    assert list(t_a["tariffs/btw"].frame["btw_tarief"]) == [0.11] and t_a["tariffs/btw"].pad == a / "btw.csv"
    assert laad_tabellen() is t_a
    monkeypatch.setenv("WOONLASTEN_DATA", str(b))
    assert list(laad_tabellen()["tariffs/btw"].frame["btw_tarief"]) == [0.12]
    monkeypatch.delenv("WOONLASTEN_DATA")
    assert laad_tabellen()["tariffs/btw"].pad.parent.name == "tariffs"
    monkeypatch.setenv("WOONLASTEN_DATA", str(a))
    pad = _eigen_btw(a, 0.13) / "btw.csv"
    os.utime(pad, ns=(pad.stat().st_atime_ns, pad.stat().st_mtime_ns + 1_000_000_000))
    assert list(laad_tabellen()["tariffs/btw"].frame["btw_tarief"]) == [0.13]


def test_a_missing_own_folder_is_an_error_naming_it(tmp_path, eigen_cache, monkeypatch):
    weg = tmp_path / "bestaat_niet"
    monkeypatch.setenv("WOONLASTEN_DATA", str(weg))
    with pytest.raises(DataFout, match="bestaat niet") as exc:
        laad_tabellen()
    assert str(weg) in str(exc.value) and exc.value.eigen


def test_an_own_csv_with_an_unknown_name_is_an_error_naming_the_file(tmp_path, eigen_cache, monkeypatch):
    """A misspelt own table would silently leave the shipped one in use: refused, with a suggestion."""
    map_ = tmp_path / "eigen"
    map_.mkdir()
    (map_ / "vergoedingstabel.csv").write_text("x\n", encoding="utf-8")
    (map_ / "toelichting.txt").write_text("geen tabel", encoding="utf-8")  # not a CSV: passed over
    monkeypatch.setenv("WOONLASTEN_DATA", str(map_))
    with pytest.raises(DataFout, match="onbekende tabelnaam 'vergoedingstabel'") as exc:
        laad_tabellen()
    assert str(map_ / "vergoedingstabel.csv") in str(exc.value) and "Bedoelt u vergoedingentabel.csv?" in str(exc.value)


def test_a_fault_in_an_own_table_names_its_path_not_the_shipped_data(tmp_path, eigen_cache, monkeypatch, capsys):
    from woonlasten.cli import main

    map_ = tmp_path / "eigen"
    map_.mkdir()
    (map_ / "btw.csv").write_text(KOP + "energie,2020-01-01,,negen,bevestigd,eigen\n", encoding="utf-8")
    monkeypatch.setenv("WOONLASTEN_DATA", str(map_))
    with pytest.raises(DataFout) as exc:
        laad_tabellen()
    assert str(exc.value).startswith(f"{map_ / 'btw.csv'}, regel 2, kolom 'btw_tarief'") and exc.value.eigen
    assert main(["schema"]) == 0  # needs no tables
    casus = tmp_path / "casus.json"
    casus.write_text(VOORBEELD.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["bereken", str(casus)]) != 0
    fout = capsys.readouterr().err
    assert fout.startswith(f"Fout in de gegevens: {map_ / 'btw.csv'}, regel 2") and "meegeleverde" not in fout


def test_the_legal_maximum_rent_increase_per_1_july_is_found_through_the_dated_lookup():
    """tariffs/huurverhoging_jaarlijks (issue 18), one date per row as a path over the years asks it. Expected, from
    the sources: 1-7-2024 5,8 % (rijksoverheid.nl 2023-12-22: 'vanaf 1 juli 2024 met maximaal 5,8%'); 30-6-2025 still
    5,8 % (the 2025 maximum starts 1-7-2025); 1-7-2025 5,0 % (rijksoverheid.nl 2024-12-17); 1-7-2026 4,1 % (rijksoverheid.nl
    2025-12-15: average inflation Dec 2022-Dec 2025 3,6 % + 0,5 % = 4,1 %); 1-7-2021 0 % (the freeze); 1-7-2027 not
    published: no row (the caller's assumption, never a silent carry-over)."""
    tabel = laad_tabellen()["tariffs/huurverhoging_jaarlijks"]
    datums = pd.to_datetime(["2024-07-01", "2025-06-30", "2025-07-01", "2026-07-01", "2021-07-01",
                             "2027-07-01"]).to_numpy()
    r = zoek(tabel, datums, {"regel": "max_pct"}, ["waarde"])
    assert list(r["waarde"][:5]) == [5.8, 5.8, 5.0, 4.1, 0.0]
    assert np.isnan(r["waarde"][5]) and r["_rij"][5] == -1
    # 1-7-2026: a rent under € 350 may rise by at most € 25 instead of 4,1 % (same source); the income-dependent
    # maximum € 50 / € 100 instead of the percentage
    for regel, verwacht in [("grens_huur_onder", 350.0), ("min_bedrag_huur_onder", 25.0),
                            ("inkomensafhankelijk_extra_middel", 50.0), ("inkomensafhankelijk_extra_hoog", 100.0)]:
        assert float(zoek(tabel, pd.Timestamp("2026-07-01"), {"regel": regel}, ["waarde"])["waarde"]) == verwacht
