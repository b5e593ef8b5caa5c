"""The data loader: validation with file and line, periods, lookups by date and key."""

import pandas as pd
import pytest

from woonlasten.tabellen import DataFout, laad_tabel, laad_tabellen, zoek

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
