"""Portfolio: what Dutch offices produce is read, bad rows stay with their reason, output is safe, and the
portfolio gives the same numbers as single cases."""

import io
import json

import numpy as np
import pandas as pd
import pytest

from woonlasten import bereken
from woonlasten.cli import main
from woonlasten.portefeuille import (
    SCENARIOS,
    PortefeuilleFout,
    bereken_portefeuille,
    lees_woningen,
    naar_csv,
    naar_excel,
    samenvatting,
    scenario_uit_tekst,
    veilig,
)

KOP = "id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;servicekosten;personen\n"
RIJEN = ("1;BOR-1 Hofstraat;Borne;Tussenwoning;85,0;E;600,00;20,00;3\n"
         "2;BOR-1 Hofstraat;Borne;tussenwoning;85;B;612,50;20;2\n"
         "3;HGL-2 Berflo Es;Hengelo;appartement;62,5;D;€ 1.050,00;0;1\n"
         "4;HGL-2 Berflo Es;Hengelo;flat;veel;E;550;0;1\n")


def _lees(tekst: str, codering="utf-8-sig", naam="woningen.csv"):
    return lees_woningen(tekst.encode(codering), naam)


def test_dutch_excel_csv_with_bom_semicolons_and_decimal_commas():
    w = _lees(KOP + RIJEN)
    r = bereken_portefeuille(w, SCENARIOS["label-B"], "2025-06-01")
    assert len(r) == 4  # nothing is lost
    assert list(r["status"]) == ["ok", "ok", "ok", "fout"]
    assert r.loc[2, "kale_huur"] in ("€ 1.050,00",)  # the input columns come back as given
    assert "oppervlakte_m2: geen getal ('veel')" in r.loc[3, "melding"]
    # row 2 is already label B: untouched, verschil 0, reported so
    assert r.loc[1, "scenario_actie"] == "al op of boven het doellabel"
    assert r.loc[1, "verschil_totaal"] == 0.0 and r.loc[1, "woonlastenneutraal"] is True


def test_windows_1252_and_comma_separated_files():
    tekst = ("id,complex,gemeente,woningtype,oppervlakte_m2,energielabel,kale_huur\n"
             "1,Complex één,Borne,hoekwoning,90.5,F,580.00\n")
    w = _lees(tekst, codering="cp1252")
    assert w.loc[0, "complex"] == "Complex één"
    r = bereken_portefeuille(w, SCENARIOS["label-A"], "2024-01-01")
    assert r.loc[0, "status"] == "ok" and r.loc[0, "energielabel_na"] == "A"


def test_excel_file(tmp_path):
    w = _lees(KOP + RIJEN)
    pad = tmp_path / "woningen.xlsx"
    w.to_excel(pad, index=False)
    terug = lees_woningen(pad)
    r = bereken_portefeuille(terug, SCENARIOS["label-B"], "2025-06-01")
    assert len(r) == 4 and (r["status"] == "ok").sum() == 3


@pytest.mark.parametrize("inhoud, melding", [
    ("", "het bestand is leeg"),
    ("alleen wat tekst zonder scheiding\n", "geen tabel herkend"),
    (KOP.replace("energielabel;", "label_oud;"), "verplichte kolom(men) ontbreken: energielabel"),
    ("id;complex\n", "verplichte kolom(men) ontbreken"),
])
def test_unreadable_files_get_a_dutch_message(inhoud, melding):
    with pytest.raises(PortefeuilleFout, match=melding.replace("(", r"\(").replace(")", r"\)")):
        w = _lees(inhoud)
        bereken_portefeuille(w, SCENARIOS["label-B"], "2025-06-01")


def test_binary_or_broken_excel_is_refused():
    with pytest.raises(PortefeuilleFout, match="geen leesbaar Excelbestand"):
        lees_woningen(b"PK\x03\x04 dit is geen xlsx", "x.xlsx")
    with pytest.raises(PortefeuilleFout, match="geen tekstbestand"):
        lees_woningen(b"\x00\x01\x02" * 100, "x.csv")


def test_a_portfolio_row_equals_the_single_case():
    w = _lees(KOP + RIJEN)
    r = bereken_portefeuille(w, SCENARIOS["label-B"], "2025-06-01")
    alleen = bereken({"peildatum": "2025-06-01", "gemeente": "Borne",
                      "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
                      "huishouden": {"personen": 3}, "huur": {"kale_huur": 600, "servicekosten": 20},
                      "ingreep": {"naar_label": "B", "maatregelen": SCENARIOS["label-B"].maatregelen.split(";")}})
    assert r.loc[0, "voor_totaal"] == pytest.approx(alleen.voor.totaal, abs=0.005)
    assert r.loc[0, "na_totaal"] == pytest.approx(alleen.na.totaal, abs=0.005)
    assert r.loc[0, "verschil_huur_huurverhoging"] == pytest.approx(alleen.verschil.huur.huurverhoging, abs=0.005)


def test_summary_per_complex_and_overall():
    w = _lees(KOP + RIJEN)
    r = bereken_portefeuille(w, SCENARIOS["label-B"], "2025-06-01")
    s = samenvatting(r).set_index("complex")
    assert s.loc["BOR-1 Hofstraat", "woningen"] == 2 and s.loc["BOR-1 Hofstraat", "aangepakt"] == 1
    assert s.loc["HGL-2 Berflo Es", "fout"] == 1
    totaal = samenvatting(r, per=None).iloc[0]
    assert totaal["woningen"] == 4 and totaal["fout"] == 1 and totaal["aangepakt"] == 2
    verschillen = r.loc[r["scenario_actie"] == "aangepakt", "verschil_totaal"]
    assert totaal["gemiddeld_verschil_maand"] == pytest.approx(round(verschillen.mean(), 2))
    assert totaal["slechtste_verschil_maand"] == pytest.approx(verschillen.max())


def test_formula_injection_is_neutralised_in_csv_and_excel():
    frame = pd.DataFrame({"complex": ["=HYPERLINK(\"http://x\")", "+31", "-2+3", "@SUM(A1)", "gewoon"],
                          "getal": [-1.5, 2, 3, 4, 5]})
    v = veilig(frame)
    assert list(v["complex"]) == ["'=HYPERLINK(\"http://x\")", "'+31", "'-2+3", "'@SUM(A1)", "gewoon"]
    assert list(v["getal"]) == [-1.5, 2, 3, 4, 5]  # numbers stay numbers
    assert "'=HYPERLINK" in naar_csv(frame).decode("utf-8-sig")
    terug = pd.read_excel(io.BytesIO(naar_excel(frame)))
    assert terug.loc[0, "complex"].startswith("'=")


def test_custom_scenario_and_unknown_scenario():
    s = scenario_uit_tekst("eigen:C:spouwmuurisolatie")
    assert s.doellabel == "C" and s.maatregelen == "spouwmuurisolatie"
    with pytest.raises(PortefeuilleFout, match="onbekend scenario"):
        scenario_uit_tekst("label-Z")


def test_cli_portefeuille(tmp_path, capsys):
    pad = tmp_path / "woningen.csv"
    pad.write_bytes((KOP + RIJEN).encode("utf-8-sig"))
    uit = tmp_path / "resultaat.csv"
    assert main(["portefeuille", str(pad), "--scenario", "label-B", "--peildatum", "2025-06-01",
                 "--uit", str(uit)]) == 0
    tekst = capsys.readouterr().out
    assert "4 woningen gelezen, 3 berekend, 1 met een fout." in tekst
    assert "regel 5: oppervlakte_m2: geen getal ('veel')" in tekst
    terug = pd.read_csv(uit, sep=";", decimal=",", encoding="utf-8-sig")
    assert len(terug) == 4 and list(terug["status"]) == ["ok", "ok", "ok", "fout"]


@pytest.mark.parametrize("inhoud, melding", [
    (KOP.replace("gemeente;", ""), "verplichte kolom(men) ontbreken: gemeente"),
    ("", "het bestand is leeg"),
])
def test_cli_portefeuille_exit_2(tmp_path, capsys, inhoud, melding):
    pad = tmp_path / "woningen.csv"
    pad.write_text(inhoud, encoding="utf-8")
    assert main(["portefeuille", str(pad)]) == 2
    assert melding in capsys.readouterr().err


def test_cli_bad_date_and_missing_file(tmp_path, capsys):
    assert main(["portefeuille", "bestaat-niet.csv"]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err
    pad = tmp_path / "w.csv"
    pad.write_bytes((KOP + RIJEN).encode())
    assert main(["portefeuille", str(pad), "--peildatum", "morgen"]) == 2
    assert "--peildatum" in capsys.readouterr().err


def test_shipped_sample_portfolio_runs():
    from pathlib import Path
    pad = Path(__file__).parent.parent / "data" / "voorbeeld_portefeuille.csv"
    r = bereken_portefeuille(lees_woningen(pad), SCENARIOS["label-B"], "2025-06-01")
    assert len(r) == len(lees_woningen(pad))
    assert (r["status"] == "fout").sum() == 3  # the three deliberate faults, see data/README.md
    assert r.loc[r["status"] == "fout", "melding"].str.len().min() > 10


def test_threads_give_the_same_result_as_one_block():
    """Blocks computed at once in threads, with dates that differ per row (so the tables' per-date caches are
    filled while other blocks run), equal the whole file computed as one block in one thread."""
    from pathlib import Path
    w = lees_woningen(Path(__file__).parent.parent / "data" / "voorbeeld_portefeuille.csv")
    w["peildatum"] = np.array(["2022-03-01", "2022-09-01", "2023-06-01", "2025-06-01", "2026-02-01"])[
        np.arange(len(w)) % 5]
    een = bereken_portefeuille(w, SCENARIOS["label-A"], blok=len(w), draden=1)
    stappen = []
    draden = bereken_portefeuille(w, SCENARIOS["label-A"], blok=37, draden=3, voortgang=stappen.append)
    assert len(stappen) == 11 and stappen == sorted(stappen) and stappen[-1] == 1.0  # 400 rows in blocks of 37
    pd.testing.assert_frame_equal(een, draden)
    assert set(een["status"]) == {"ok", "fout"}


def test_blocks_give_the_same_result_and_report_progress():
    w = _lees(KOP + RIJEN)
    stappen = []
    een = bereken_portefeuille(w, SCENARIOS["label-A"], "2025-06-01")
    blokken = bereken_portefeuille(w, SCENARIOS["label-A"], "2025-06-01", blok=2, voortgang=stappen.append)
    assert stappen == [0.5, 1.0]
    pd.testing.assert_frame_equal(een, blokken)
    assert json.loads(json.dumps(list(een["status"]))) == ["ok", "ok", "ok", "fout"]
    assert np.isnan(een.loc[3, "voor_totaal"])


def test_income_column_gives_huurtoeslag_in_the_portfolio():
    tekst = KOP.replace("personen\n", "personen;inkomen\n") + "1;C;Borne;tussenwoning;85;E;600;20;3;28500\n"
    r = bereken_portefeuille(_lees(tekst), SCENARIOS["label-B"], "2025-06-01")
    alleen = bereken({"peildatum": "2025-06-01", "gemeente": "Borne",
                      "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
                      "huishouden": {"personen": 3, "inkomen_jaar": 28500},
                      "huur": {"kale_huur": 600, "servicekosten": 20}})
    assert r.loc[0, "voor_huur_huurtoeslag"] == pytest.approx(alleen.voor.huur.huurtoeslag, abs=0.005)
    assert r.loc[0, "voor_huur_huurtoeslag"] < 0


@pytest.mark.parametrize("cel, melding", [("2,5", "personen: geen geheel getal"),
                                          ("2.5", "personen: geen geheel getal")])  # a column of English decimals
def test_fractional_persons_is_an_error_not_zero_energy(cel, melding):
    r = bereken_portefeuille(_lees(KOP + f"1;C;Borne;tussenwoning;85;E;600;20;{cel}\n"), SCENARIOS["label-B"],
                             "2025-06-01")
    assert r.loc[0, "status"] == "fout" and melding in r.loc[0, "melding"]


def test_a_point_in_a_semicolon_file_is_not_silently_a_thousands_separator():
    # a column of decimal commas: a point in it is an error (the column's rule, see README Portfolio)
    r = bereken_portefeuille(_lees(KOP + "1;C;Borne;tussenwoning;85.5;E;1.050,00;20;3\n"
                                   "2;C;Borne;tussenwoning;85,5;E;1.050,00;20;3\n"
                                   "3;C;Borne;tussenwoning;80,5;E;1.050,00;20;3\n"), SCENARIOS["label-B"], "2025-06-01")
    assert list(r["status"]) == ["fout", "ok", "ok"]
    assert "oppervlakte_m2: geen getal ('85.5 (gebruik een decimale komma)')" in r.loc[0, "melding"]
    goed = bereken_portefeuille(_lees(KOP + "1;C;Borne;tussenwoning;85,5;E;1.050,00;20;3\n"), SCENARIOS["label-B"],
                                "2025-06-01")
    assert goed.loc[0, "status"] == "ok" and goed.loc[0, "voor_huur_totaal"] == pytest.approx(1070.0)


def test_peildatum_with_a_time_of_day_counts_as_that_day():
    tekst = KOP.replace("personen\n", "personen;peildatum\n") + "1;C;Borne;tussenwoning;85;E;600;20;3;2022-06-30 14:00\n"
    r = bereken_portefeuille(_lees(tekst), SCENARIOS["label-B"])
    assert r.loc[0, "status"] == "ok"


def test_office_column_names_and_summary():
    tekst = ("VHE;Complexnummer;Gemeente;Type;GBO;Label;Huur\n"
             "1;X1;Borne;Rijwoning;85;E;600\n2;X1;Hengelo;eindwoning;90;D;650\n")
    r = bereken_portefeuille(_lees(tekst), SCENARIOS["label-B"], "2025-06-01")
    assert list(r["status"]) == ["ok", "ok"]
    s = samenvatting(r)
    assert list(s["complex"]) == ["X1"] and s.loc[0, "woningen"] == 2


def test_trailing_semicolons_do_not_shift_columns():
    r = bereken_portefeuille(_lees(KOP + "1;C;Borne;tussenwoning;85;E;600;20;3;\n"), SCENARIOS["label-B"],
                             "2025-06-01")
    assert r.loc[0, "status"] == "ok"


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(PortefeuilleFout, match="geen bestand"):
        lees_woningen(tmp_path)


def test_dwelling_at_the_target_is_reported_unchanged_even_with_a_given_rent_increase():
    """Row 2 is label B: with scenario label B it is left as it is. A huurverhoging in the file does not apply to
    it (no upgrade, no increase): na = voor to the cent, verschil 0, neutral. Row 1 (E) does get the increase."""
    w = _lees("id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;huurverhoging\n"
              "1;A;Borne;tussenwoning;85;E;600;25\n"
              "2;A;Borne;tussenwoning;85;B;600;25\n")
    r = bereken_portefeuille(w, SCENARIOS["label-B"], "2025-06-01")
    assert list(r["scenario_actie"]) == ["aangepakt", "al op of boven het doellabel"]
    assert r.loc[1, "na_totaal"] == r.loc[1, "voor_totaal"] and r.loc[1, "verschil_totaal"] == 0.0
    assert r.loc[1, "na_huur_huurverhoging"] == 0.0 and r.loc[1, "woonlastenneutraal"] is True
    assert r.loc[0, "na_huur_huurverhoging"] == 25.0  # the given increase, for the upgraded dwelling
    assert r.loc[0, "huurverhoging"] == 25 and r.loc[1, "huurverhoging"] == 25  # the input columns as given


def test_core_reports_a_row_without_upgrade_empty_or_unchanged():
    from woonlasten.bereken import bereken_frame
    invoer = pd.DataFrame({"peildatum": ["2025-06-01"] * 2, "gemeente": ["Borne"] * 2,
                           "woningtype": ["tussenwoning"] * 2, "oppervlakte_m2": [85.0, 85.0],
                           "energielabel": ["E", "E"], "naar_label": ["B", None], "kale_huur": [600.0, 600.0]})
    leeg = bereken_frame(invoer)
    gelijk = bereken_frame(invoer, zonder_ingreep="gelijk")
    assert np.isnan(leeg.loc[1, "na_totaal"]) and np.isnan(leeg.loc[1, "verschil_totaal"])
    assert leeg.loc[1, "woonlastenneutraal"] is None
    assert gelijk.loc[1, "na_totaal"] == gelijk.loc[1, "voor_totaal"] == leeg.loc[1, "voor_totaal"]
    assert gelijk.loc[1, "verschil_totaal"] == 0.0 and gelijk.loc[1, "woonlastenneutraal"] is True
    assert gelijk.loc[1, "verschil_totaal_laag"] == gelijk.loc[1, "verschil_totaal_hoog"] == 0.0  # no band
    assert gelijk.loc[0, "verschil_totaal"] == leeg.loc[0, "verschil_totaal"]  # an upgraded row is the same
    with pytest.raises(ValueError):
        bereken_frame(invoer, zonder_ingreep="nul")


def test_samenvatting_rondt_als_elk_bedrag_en_een_lege_complexcel_is_geen_nan():
    """The summary's averages round half away from zero like every amount (a mean of +€ 0,005 is +€ 0,01 and not
    neutral; pandas' round gave € 0,00 and 'neutraal'); an empty complex cell is its own group '(leeg)', not one
    called 'nan' merged with a complex of that name."""
    csv = ("id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur\n"
           "1;A;Borne;tussenwoning;80;E;600\n2;A;Borne;tussenwoning;80;E;600\n"
           "3;;Borne;tussenwoning;80;E;600\n4;nan;Borne;tussenwoning;80;E;600\n").encode()
    r = bereken_portefeuille(lees_woningen(csv, "w.csv"), SCENARIOS["label-B"])
    r.loc[r["complex"] == "A", "verschil_totaal"] = [0.01, 0.0]
    per = samenvatting(r, per="complex").set_index("complex")
    assert per.loc["A", "gemiddeld_verschil_maand"] == 0.01  # (0,01 + 0,00) / 2 = 0,005 → 0,01
    assert not per.loc["A", "gemiddeld_neutraal"]
    assert per.loc["(leeg)", "woningen"] == 1 and per.loc["nan", "woningen"] == 1
