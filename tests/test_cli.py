"""The command line: results, Dutch text, schema, and bad input → exit 2 with a Dutch message naming the field."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from woonlasten.cli import main

GOLDEN = Path(__file__).parent / "golden"
CASUS = json.loads((GOLDEN / "huurder-borne-2025-e-naar-b-met-alleen-isolatie-geschat-verbruik-woonl.json")
                   .read_text(encoding="utf-8"))["invoer"]


def _schrijf(tmp_path, data) -> str:
    pad = tmp_path / "casus.json"
    pad.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(pad)


def test_bereken_prints_the_json_contract(tmp_path, capsys):
    assert main(["bereken", _schrijf(tmp_path, CASUS)]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert set(uit["voor"]) == {"huur", "energie", "lokale_lasten", "financiering", "totaal", "totaal_netto"}
    assert set(uit["voor"]["huur"]) == {"kale_huur", "servicekosten", "huurverhoging", "totaal", "huurtoeslag", "netto"}
    assert set(uit["voor"]["lokale_lasten"]) == {"afvalstoffenheffing", "rioolheffing", "ozb", "waterschap", "totaal"}
    assert uit["verschil"]["totaal"] == pytest.approx(-26.61, abs=0.01)  # see the golden case's arithmetic
    assert uit["woonlastenneutraal"] is True
    assert all(t["onderwerp"] for t in uit["toelichting"])


def test_tekst_format_is_dutch(tmp_path, capsys):
    assert main(["bereken", _schrijf(tmp_path, CASUS), "--format", "tekst"]) == 0
    uit = capsys.readouterr().out
    assert "Woonlastenneutraal: ja, € 26,61 per maand minder" in uit
    assert "€ 925,77" in uit and "bron:" in uit  # totaal voor, see the golden case's arithmetic


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "woning" in schema["properties"] and "peildatum" in schema["required"]


@pytest.mark.parametrize("wijziging, verwacht", [
    (lambda c: c["woning"].update(oppervlakte_m2=-5), "woning.oppervlakte_m2: moet minstens 10 zijn"),
    (lambda c: c["woning"].update(oppervlakte_m2="groot"), "woning.oppervlakte_m2: geen getal"),
    (lambda c: c["woning"].update(energielabel="H"), "woning.energielabel: onbekende waarde"),
    (lambda c: c.update(peildatum="31-02-2025"), "peildatum: geen geldige datum"),
    (lambda c: c["woning"].pop("woningtype"), "woning.woningtype: ontbreekt"),
    (lambda c: c.update(kleur="rood"), "kleur: onbekend veld"),
    (lambda c: c["ingreep"].update(maatregelen=["zwembad"]), "maatregelen: onbekende maatregel 'zwembad'"),
    (lambda c: c["ingreep"].update(naar_label="G"), "ingreep.naar_label: G is slechter dan het huidige label E"),
    (lambda c: c.update(gemeente="Atlantis"), "gemeente: geen gemeentelijke belastingen bekend voor 'Atlantis'"),
    (lambda c: c.update(peildatum="2019-01-01"), "peildatum: geen"),
    (lambda c: c.update(rol="eigenaar"), "woning.woz_waarde: ontbreekt"),
])
def test_bad_input_exit_2_with_dutch_message(tmp_path, capsys, wijziging, verwacht):
    casus = json.loads(json.dumps(CASUS))
    wijziging(casus)
    assert main(["bereken", _schrijf(tmp_path, casus)]) == 2
    fout = capsys.readouterr().err
    assert verwacht in fout
    assert "Traceback" not in fout


@pytest.mark.parametrize("inhoud, verwacht", [
    ("{niet json", "geen geldige JSON"),
    ("[1, 2]", "moet een JSON-object zijn"),
    ("", "geen geldige JSON"),
])
def test_unreadable_file_exit_2(tmp_path, capsys, inhoud, verwacht):
    assert main(["bereken", _schrijf(tmp_path, inhoud)]) == 2
    assert verwacht in capsys.readouterr().err


def test_missing_file_exit_2(capsys):
    assert main(["bereken", "bestaat-niet.json"]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err


def test_module_entry_point_runs_as_a_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "woonlasten", "bereken", _schrijf(tmp_path, {"peildatum": "x"})],
                          capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 2
    assert "peildatum: geen geldige datum" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_field_inside_a_measure_names_that_field_only(tmp_path, capsys):
    casus = json.loads(json.dumps(CASUS))
    casus["ingreep"]["maatregelen"] = [{"naam": "dakisolatie", "hoeveelheid": "veel"}]
    assert main(["bereken", _schrijf(tmp_path, casus)]) == 2
    fout = capsys.readouterr().err
    assert "ingreep.maatregelen[0].hoeveelheid: geen getal" in fout
    assert "moet tekst zijn" not in fout
