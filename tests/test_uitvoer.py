"""Issue 13, the command line and its output files under hostile input: never a traceback, Dutch messages only,
output files written whole, safely and never over the input, and every cell fit for CSV and Excel."""

import errno
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pydantic import BaseModel, ValidationError

from woonlasten import cli
from woonlasten.cli import main
from woonlasten.meldingen import kort, kort_citaten, os_reden, reden
from woonlasten.portefeuille import PortefeuilleFout, naar_csv, naar_excel, schrijf, schrijven, veilig

REPO = Path(__file__).parent.parent
VOORBEELD = REPO / "voorbeelden" / "huurder_borne_E_naar_B.json"
CASUS = json.loads(VOORBEELD.read_text(encoding="utf-8"))
ENGELS = re.compile(r"Traceback|usage:|Input should|Unable to|required|invalid choice|String should|"
                    r"Value error|Expecting|No such file|Permission denied|No space", re.IGNORECASE)

PORTEFEUILLE = (
    "id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur\n"
    "1;=1+1;Borne;tussenwoning;85;E;600\n"
    "2;'=1+1;Borne;tussenwoning;80;D;610\n"
    "3;@SUM(A1);Hengelo;appartement;60;C;550\n"
    "4;+31 6 12345678;Hengelo;appartement;62;F;540\n"
    "5;\tTab\x01\x0bcomplex;Borne;hoekwoning;95;G;700\n"
    '6;"\rCR";Borne;hoekwoning;95;G;700\n'
)


def _bestand(tmp_path, inhoud, naam="casus.json") -> str:
    pad = tmp_path / naam
    if isinstance(inhoud, bytes):
        pad.write_bytes(inhoud)
    else:
        pad.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    return str(pad)


def _casus(**wijziging) -> dict:
    casus = json.loads(json.dumps(CASUS))
    for pad, waarde in wijziging.items():
        deel = casus
        *boven, veld = pad.split("__")
        for stuk in boven:
            deel = deel[stuk]
        deel[veld] = waarde
    return casus


def _proces(*argumenten, env=None, invoer=None, timeout=60):
    omgeving = dict(os.environ)
    omgeving.pop("WOONLASTEN_DEBUG", None)
    omgeving.update(env or {})
    return subprocess.run([sys.executable, "-m", "woonlasten", *argumenten], cwd=REPO, env=omgeving, input=invoer,
                          capture_output=True, timeout=timeout, check=False)


def _fout(capsys) -> str:
    fout = capsys.readouterr().err
    assert not ENGELS.search(fout), fout
    return fout


# ----------------------------------------------------------------------------------------------------------
# 1. no traceback in the command line


@pytest.mark.parametrize("inhoud, verwacht", [
    ("[" * 100_000 + "]" * 100_000, "te diep genest"),
    ('{"peildatum": ' + "9" * 5000 + "}", "5000 cijfers"),
    ('{"peildatum": "2025-06-01", "huur": {"kale_huur": NaN}}', "NaN is geen getal"),
    ('{"peildatum": "2025-06-01", "huur": {"kale_huur": Infinity}}', "Infinity is geen getal"),
    ('{"peildatum": "2025-06-01", "huur": {"kale_huur": -Infinity}}', "-Infinity is geen getal"),
    ('{"huur": {"kale_huur": 1e999}}', "te groot"),
    ('{"a" 1}', "hier hoort een ':'"),
    ("", "het bestand is leeg"),
    (b"\xff\xfe{}", "geen UTF-8"),
])
def test_hostile_json_gives_a_dutch_message(tmp_path, capsys, inhoud, verwacht):
    assert main(["bereken", _bestand(tmp_path, inhoud)]) == 2
    assert verwacht in _fout(capsys)


def test_a_json_case_over_1_mb_is_refused_before_reading(tmp_path, capsys):
    tekst = json.dumps(CASUS) + " " * (1024 * 1024)  # valid JSON, but no case is that large
    assert main(["bereken", _bestand(tmp_path, tekst)]) == 2
    assert "te groot voor een casus" in _fout(capsys)


def test_stdin_empty_or_too_large():
    leeg = _proces("bereken", "-", invoer=b"")
    assert leeg.returncode == 2 and "er kwam niets binnen" in leeg.stderr.decode()
    groot = _proces("bereken", "-", invoer=b"[" + b" " * (1024 * 1024 + 10) + b"]")
    assert groot.returncode == 2 and "te groot voor een casus" in groot.stderr.decode()
    goed = _proces("bereken", "-", invoer=VOORBEELD.read_bytes())
    assert goed.returncode == 0 and json.loads(goed.stdout)["woonlastenneutraal"] is True


def test_a_directory_or_fifo_as_case_is_refused_without_waiting(tmp_path):
    assert _proces("bereken", str(tmp_path)).returncode == 2
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    p = _proces("bereken", str(fifo), timeout=20)  # opening a fifo would wait for a writer forever
    assert p.returncode == 2 and "geen gewoon bestand" in p.stderr.decode()


@pytest.mark.parametrize("datum", ["", "now", "today", "2025-6-1", "2025-02-30", "1-6-2025", "2025-06-01T00:00",
                                   "20250601", "x" * 1000])
def test_peildatum_only_a_real_date_in_two_forms(tmp_path, capsys, datum):
    pad = _bestand(tmp_path, PORTEFEUILLE, "woningen.csv")
    assert main(["portefeuille", pad, "--peildatum", datum]) == 2
    fout = _fout(capsys)
    assert "--peildatum: geen geldige datum" in fout and len(fout) < 200


def test_peildatum_dutch_order_is_the_same_date(tmp_path, capsys):
    pad = _bestand(tmp_path, PORTEFEUILLE, "woningen.csv")
    uit_iso, uit_nl = tmp_path / "iso.csv", tmp_path / "nl.csv"
    assert main(["portefeuille", pad, "--peildatum", "2025-06-01", "--uit", str(uit_iso)]) == 0
    assert main(["portefeuille", pad, "--peildatum", "01-06-2025", "--uit", str(uit_nl)]) == 0
    assert uit_iso.read_bytes() == uit_nl.read_bytes()


def test_unreadable_portfolio_file_gives_a_dutch_reason(tmp_path, capsys, monkeypatch):
    import woonlasten.portefeuille as pf

    def stuk(*_a, **_k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(pf, "lees_woningen", stuk)
    assert main(["portefeuille", _bestand(tmp_path, PORTEFEUILLE, "w.csv")]) == 2
    assert "lees- of schrijffout van de schijf" in _fout(capsys)


@pytest.mark.parametrize("codering", ["cp1252", "ascii", "latin-1"])
def test_tekst_output_on_a_stream_that_is_not_utf8(codering):
    p = _proces("bereken", "voorbeelden/huurder_borne_E_naar_B.json", "--format", "tekst",
                env={"PYTHONIOENCODING": codering})
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    tekst = p.stdout.decode(codering)
    assert "Woonlastenneutraal: ja" in tekst and "1.258 -> 1.016" in tekst
    if codering == "ascii":
        assert "EUR 620,00" in tekst and "<= EUR 0,00" in tekst


@pytest.mark.parametrize("codering", ["cp1252", "ascii"])
def test_json_output_on_a_stream_that_is_not_utf8_is_the_same_json(codering):
    utf8 = _proces("bereken", "voorbeelden/huurder_borne_E_naar_B.json", env={"PYTHONIOENCODING": "utf-8"})
    ander = _proces("bereken", "voorbeelden/huurder_borne_E_naar_B.json", env={"PYTHONIOENCODING": codering})
    assert ander.returncode == 0
    assert json.loads(ander.stdout.decode(codering)) == json.loads(utf8.stdout.decode("utf-8"))
    schema = _proces("schema", env={"PYTHONIOENCODING": "ascii"})
    assert schema.returncode == 0 and json.loads(schema.stdout) == json.loads(_proces("schema").stdout)


def test_a_redirected_file_in_a_non_utf8_locale(tmp_path):
    uit = tmp_path / "uit.txt"
    with open(uit, "wb") as fh:
        omgeving = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
        omgeving.pop("PYTHONIOENCODING", None)
        p = subprocess.run([sys.executable, "-m", "woonlasten", "bereken", str(VOORBEELD), "--format", "tekst"],
                           cwd=REPO, env=omgeving, stdout=fh, stderr=subprocess.PIPE, check=False)
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    assert "Woonlastenneutraal: ja" in uit.read_bytes().decode("utf-8")


def test_an_unexpected_error_is_one_dutch_line(tmp_path, capsys, monkeypatch):
    def vol(_casus):
        raise MemoryError

    monkeypatch.setattr(cli, "bereken", vol)
    monkeypatch.delenv("WOONLASTEN_DEBUG", raising=False)
    assert main(["bereken", str(VOORBEELD)]) == 2
    fout = _fout(capsys)
    assert fout.startswith("Onverwachte fout (te weinig geheugen): meld dit met het invoerbestand")

    def fout_in_code(_casus):
        raise KeyError("x")

    monkeypatch.setattr(cli, "bereken", fout_in_code)
    assert main(["bereken", str(VOORBEELD)]) == 2
    assert "Onverwachte fout (KeyError)" in _fout(capsys)
    monkeypatch.setenv("WOONLASTEN_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["bereken", str(VOORBEELD)])


# ----------------------------------------------------------------------------------------------------------
# 2. Dutch messages only


@pytest.mark.parametrize("argumenten, verwacht", [
    ([], "verplicht, maar niet gegeven: opdracht"),
    (["bereken"], "verplicht, maar niet gegeven: casus"),
    (["bereken", "x.json", "--format", "xml"], "onbekende keuze 'xml' (kies uit 'json', 'tekst')"),
    (["rekenen"], "onbekende keuze 'rekenen'"),
    (["schema", "--extra"], "onbekende argumenten: --extra"),
    (["portefeuille", "w.csv", "--uit"], "argument --uit: hier hoort een waarde bij"),
    (["bereken", "x.json", "--format", "y" * 10_000], "…"),
])
def test_argument_errors_are_dutch(capsys, argumenten, verwacht):
    with pytest.raises(SystemExit) as stop:
        main(argumenten)
    assert stop.value.code == 2
    fout = _fout(capsys)
    assert fout.startswith("gebruik: python -m woonlasten") and verwacht in fout
    assert len(fout) < 1000


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["portefeuille", "--help"])
    hulp = capsys.readouterr().out
    assert hulp.startswith("gebruik:") and "--overschrijf" in hulp
    assert "usage" not in hulp and "show this help" not in hulp and "positional arguments" not in hulp


@pytest.mark.parametrize("wijziging, verwacht", [
    ({"huishouden__aow": "misschien"}, "huishouden.aow: moet ja/nee (true/false) zijn (nu: 'misschien')"),
    ({"huishouden__aow": 3.5}, "huishouden.aow: moet ja/nee (true/false) zijn"),
    ({"huishouden__personen": 2.5}, "huishouden.personen: geen geheel getal (nu: 2.5)"),
    ({"huishouden__personen": 1e30}, "huishouden.personen: geen geheel getal van redelijke grootte"),
    ({"woning__oppervlakte_m2": [85]}, "woning.oppervlakte_m2: geen getal"),
    ({"gemeente": "B" * 5000}, "gemeente: is te lang (hoogstens 80 tekens) (nu: 'BBBB"),
    ({"woning": [1, 2]}, "woning: moet een object zijn"),
    ({"gemeente": 12}, "gemeente: moet tekst zijn"),
    ({"k" * 100_000: 1}, "kkkkkkkk…: onbekend veld"),
    ({"rol": "x" * 10_000}, "rol: onbekende waarde; kies uit huurder, eigenaar (nu: 'xxxx"),
])
def test_validation_messages_are_dutch_and_short(tmp_path, capsys, wijziging, verwacht):
    assert main(["bereken", _bestand(tmp_path, _casus(**wijziging))]) == 2
    fout = _fout(capsys)
    assert verwacht in fout
    assert all(len(regel) < 300 for regel in fout.splitlines())


def test_a_huge_measure_name_via_the_rules_is_cut(tmp_path, capsys):
    casus = _casus()
    casus["ingreep"]["maatregelen"] = ["m" * 500_000]
    assert main(["bereken", _bestand(tmp_path, casus)]) == 2
    fout = _fout(capsys)
    assert "onbekende maatregel 'mmmm" in fout and "…" in fout and len(fout) < 2000


def test_reden_translates_a_single_pydantic_error_for_the_data_tables():
    class Rij(BaseModel):
        getal: float
        geheel: int
        ja: bool

    with pytest.raises(ValidationError) as exc:
        Rij.model_validate({"getal": "negen", "geheel": "9" * 5000, "ja": "misschien"})
    redenen = [reden(f) for f in exc.value.errors()]
    assert redenen == ["geen getal", "geen geheel getal van redelijke grootte", "moet ja/nee (true/false) zijn"]
    assert reden({"type": "iets_nieuws", "msg": "Something English"}) == "ongeldige waarde"
    assert reden({"type": "value_error", "msg": "Value error, te hoog"}) == "te hoog"


def test_kort_and_kort_citaten():
    assert kort("a" * 100) == "a" * 39 + "…" and kort("kort") == "kort"
    tekst = "maatregelen: onbekende maatregel '" + "m" * 10_000 + "' (kies uit a, b)"
    korter = kort_citaten(tekst)
    assert korter.startswith("maatregelen: onbekende maatregel 'mmm") and korter.endswith("(kies uit a, b)")
    assert len(korter) < 100
    pad = "bestand niet gevonden: /een/" + "lange/" * 20 + "map/woningen.csv"
    assert kort_citaten(pad) == pad  # a path stays whole up to 300 characters


@pytest.mark.parametrize("nummer, verwacht", [
    (errno.ENOENT, "bestaat niet"), (errno.EACCES, "geen toestemming"), (errno.EPERM, "geen toestemming"),
    (errno.ENOSPC, "de schijf is vol"), (errno.EISDIR, "dat is een map"), (errno.EROFS, "alleen-lezen"),
])
def test_os_reasons_are_dutch(nummer, verwacht):
    assert verwacht in os_reden(OSError(nummer, os.strerror(nummer)))


# ----------------------------------------------------------------------------------------------------------
# 3. output files


def _portefeuille(tmp_path, uit, *extra):
    invoer = _bestand(tmp_path, PORTEFEUILLE, "woningen.csv")
    return main(["portefeuille", invoer, "--peildatum", "2025-06-01", "--uit", str(uit), *extra])


def test_an_existing_file_needs_overschrijf(tmp_path, capsys):
    uit = tmp_path / "uit.csv"
    uit.write_text("oud", encoding="utf-8")
    assert _portefeuille(tmp_path, uit) == 2
    assert "bestaat al" in _fout(capsys) and uit.read_text(encoding="utf-8") == "oud"
    assert _portefeuille(tmp_path, uit, "--overschrijf") == 0
    assert uit.read_bytes().startswith(b'\xef\xbb\xbf"id";"complex"')


def test_a_symlink_is_not_written_through(tmp_path, capsys):
    doel = tmp_path / "doel.txt"
    doel.write_text("niet aankomen", encoding="utf-8")
    koppeling = tmp_path / "uit.csv"
    koppeling.symlink_to(doel)
    assert _portefeuille(tmp_path, koppeling, "--overschrijf") == 2
    assert "symbolische koppeling" in _fout(capsys)
    assert doel.read_text(encoding="utf-8") == "niet aankomen" and koppeling.is_symlink()
    hangend = tmp_path / "hangend.csv"
    hangend.symlink_to(tmp_path / "bestaat-niet.csv")
    assert _portefeuille(tmp_path, hangend) == 2
    assert not (tmp_path / "bestaat-niet.csv").exists()


def test_the_input_file_is_never_overwritten(tmp_path, capsys):
    invoer = Path(_bestand(tmp_path, PORTEFEUILLE, "woningen.csv"))
    (tmp_path / "sub").mkdir()
    for uit in (invoer, tmp_path / "sub" / ".." / "woningen.csv"):
        assert main(["portefeuille", str(invoer), "--uit", str(uit), "--overschrijf"]) == 2
        assert "is het invoerbestand" in _fout(capsys)
    os.link(invoer, tmp_path / "harde-link.csv")
    assert main(["portefeuille", str(invoer), "--uit", str(tmp_path / "harde-link.csv"), "--overschrijf"]) == 2
    assert invoer.read_bytes() == PORTEFEUILLE.encode("utf-8")


@pytest.mark.parametrize("naam", ["uit.xls", "uit.json", "uit", "uit.csv.txt", "uit.XLSM"])
def test_only_csv_and_xlsx_names(tmp_path, capsys, naam):
    assert _portefeuille(tmp_path, tmp_path / naam) == 2
    assert "kies een naam op .csv of .xlsx" in _fout(capsys)
    assert not (tmp_path / naam).exists()


def test_missing_folder_and_a_directory_as_output(tmp_path, capsys):
    assert _portefeuille(tmp_path, tmp_path / "bestaat-niet" / "uit.csv") == 2
    assert "bestaat niet" in _fout(capsys)
    (tmp_path / "map.csv").mkdir()
    assert _portefeuille(tmp_path, tmp_path / "map.csv", "--overschrijf") == 2
    assert "geen gewoon bestand" in _fout(capsys)


def test_a_write_error_leaves_no_half_file(tmp_path, capsys, monkeypatch):
    def schijf_vol(frame, fh):
        fh.write(b"\xef\xbb\xbfid;complex\n1;half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(schrijven, "_schrijf_csv", schijf_vol)
    uit = tmp_path / "uit.csv"
    assert _portefeuille(tmp_path, uit) == 2
    assert "kan " in (fout := _fout(capsys)) and "de schijf is vol" in fout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["woningen.csv"]  # no result, no temporary file
    uit.write_text("vorige versie", encoding="utf-8")
    assert _portefeuille(tmp_path, uit, "--overschrijf") == 2
    assert uit.read_text(encoding="utf-8") == "vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit.csv", "woningen.csv"]


def test_schrijf_keeps_the_permissions_of_a_new_file(tmp_path):
    frame = pd.DataFrame({"a": [1.5]})
    schrijf(frame, tmp_path / "x.csv")
    masker = os.umask(0)
    os.umask(masker)
    assert (tmp_path / "x.csv").stat().st_mode & 0o777 == 0o666 & ~masker
    with pytest.raises(PortefeuilleFout, match="bestaat al"):
        schrijf(frame, tmp_path / "x.csv")


# ----------------------------------------------------------------------------------------------------------
# 4. one cell does not break the export


def test_cells_equal_after_neutralising_in_csv_and_xlsx(tmp_path, capsys):
    for naam in ("uit.csv", "uit.xlsx"):
        assert _portefeuille(tmp_path, tmp_path / naam) == 0, capsys.readouterr().err
    uit = capsys.readouterr().out
    csv = pd.read_csv(tmp_path / "uit.csv", sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert len(csv) == 6 and list(csv.columns[:2]) == ["id", "complex"]
    assert list(csv["complex"]) == ["'=1+1", "'=1+1", "'@SUM(A1)", "'+31 6 12345678", "'\tTab\x01\x0bcomplex", "'\rCR"]
    bladen = pd.read_excel(tmp_path / "uit.xlsx", sheet_name=None, dtype=str)
    assert set(bladen) == {"woningen", "complexen", "totaal", "Over dit bestand"}
    woningen = bladen["woningen"]
    assert list(woningen["complex"][:4]) == ["'=1+1", "'=1+1", "'@SUM(A1)", "'+31 6 12345678"]
    assert woningen["complex"][4] == "'\tTab\ufffd\ufffdcomplex"
    assert woningen["complex"][5] in ("'\rCR", "'\nCR")  # XML reads CR as LF
    assert any(str(c).startswith("'=1+1") for c in bladen["complexen"]["complex"])
    assert "Let op: blad woningen: 1 cel(len) met tekens die Excel niet toestaat" in uit
    assert "Let op: blad complexen: 1 cel(len)" in uit


def test_veilig_merges_categories_that_become_equal():
    frame = pd.DataFrame({"complex": pd.Categorical(["=1+1", "'=1+1", None, "gewoon", "=1+1"]),
                          "=kop": [1, 2, 3, 4, 5], "'=kop": [6, 7, 8, 9, 10]})
    v = veilig(frame)
    assert list(v["complex"].astype(object).where(v["complex"].notna(), None)) == \
        ["'=1+1", "'=1+1", None, "gewoon", "'=1+1"]
    assert list(v.columns) == ["complex", "'=kop", "'=kop"]
    csv = naar_csv(frame).decode("utf-8-sig").splitlines()
    assert csv[0] == '"complex";"\'=kop";"\'=kop"' and csv[1] == '"\'=1+1";"1";"6"' and csv[3] == ';"3";"8"'
    terug = pd.read_excel(io.BytesIO(naar_excel(frame, {"complexen": frame})), sheet_name=None)
    assert len(terug["woningen"]) == 5 and len(terug["complexen"]) == 5


def test_control_characters_are_replaced_in_excel_only():
    frame = pd.DataFrame({"naam": ["a\x01b", "\x0b=1+1", "gewoon", "x" * 40_000],
                          "soort": pd.Categorical(["\x1f", "ok", "ok", "ok"])})
    verslag: list[str] = []
    terug = pd.read_excel(io.BytesIO(naar_excel(frame, verslag=verslag)), dtype=str)
    assert list(terug["naam"][:3]) == ["a\ufffdb", "\ufffd=1+1", "gewoon"]  # replaced: never becomes a formula
    assert len(terug["naam"][3]) == 32_767 and terug["naam"][3].endswith("…")
    assert terug["soort"][0] == "\ufffd"
    assert verslag and "4 cel(len)" in verslag[0]
    assert "a\x01b" in naar_csv(frame).decode("utf-8-sig")  # CSV holds control characters as they are


def test_veilig_looks_at_each_distinct_value_once_on_a_million_rows(monkeypatch):
    """A million rows of 2.000 names: the check runs once per distinct value (and column name), not per cell."""
    n = 1_000_000
    rng = np.random.default_rng(1)
    namen = np.array([f"={i}" if i % 3 == 0 else f"complex {i}" for i in range(2_000)], dtype=object)
    frame = pd.DataFrame({"id": namen[rng.integers(0, 2_000, n)],
                          "complex": pd.Categorical(namen[rng.integers(0, 2_000, n)]),
                          "getal": rng.random(n)})
    gezien = []
    echt = schrijven._neutraliseer
    monkeypatch.setattr(schrijven, "_neutraliseer", lambda tekst: gezien.append(tekst) or echt(tekst))
    v = veilig(frame)
    assert len(gezien) <= 2 * 2_000 + 3  # the two text columns' distinct values and the three names
    assert v["complex"].astype(str).str.startswith("=").sum() == 0
    assert v["id"].str.startswith("=").sum() == 0 and (v["id"].str.startswith("'=")).sum() > 0


def test_a_stream_s_parts_sharing_many_categories_are_each_made_safe(monkeypatch):
    """The parts of a stream share one category index (an address per dwelling): it is looked at once
    (kept), and every part's CSV still has its formula cell neutralised; a new index with other values is looked at
    anew, not mistaken for the kept one."""
    namen = pd.Index([f"adres {i}" for i in range(1_999)] + ["=HYPERLINK(1)"], dtype=object)
    codes = np.arange(2_000)
    gezien, als_tekst = [], []
    echt, echt_tekst = schrijven._schoon, schrijven._categorieen_als_tekst
    monkeypatch.setattr(schrijven, "_schoon", lambda c, f: gezien.append(len(c)) or echt(c, f))
    monkeypatch.setattr(schrijven, "_categorieen_als_tekst", lambda c, f: als_tekst.append(len(c)) or echt_tekst(c, f))
    delen = [pd.DataFrame({"adres": pd.Categorical.from_codes(codes[b:b + 500], categories=namen)})
             for b in range(0, 2_000, 500)]
    tekst = [naar_csv(d).decode("utf-8-sig") for d in delen]
    assert gezien == [2_000] and als_tekst == [2_000]  # once for the four parts (the neutralised index shared too)
    assert "\"'=HYPERLINK(1)\"" in tekst[3] and '"=HYPERLINK' not in tekst[3]
    assert tekst[0].splitlines()[1] == '"adres 0"'
    ander = pd.Index([f"=straat {i}" for i in range(2_000)], dtype=object)
    nieuw = naar_csv(pd.DataFrame({"adres": pd.Categorical.from_codes(codes[:3], categories=ander)}))
    assert nieuw.decode("utf-8-sig").splitlines()[1:] == ['"\'=straat 0"', '"\'=straat 1"', '"\'=straat 2"']
    assert gezien == [2_000, 2_000]


def test_a_kept_category_index_changed_in_place_is_looked_at_again():
    """An index can share a numpy array that is changed afterwards: what was kept for it is not used then (a
    formula written into the array after the first export is neutralised in the second)."""
    waarden = np.array([f"adres {i}" for i in range(1_500)], dtype=object)
    frame = pd.DataFrame({"adres": pd.Categorical.from_codes(np.arange(3), categories=pd.Index(waarden,
                                                                                              copy=False))})
    assert naar_csv(frame).decode("utf-8-sig").splitlines()[1] == '"adres 0"'
    assert np.shares_memory(frame["adres"].cat.categories.to_numpy(), waarden)  # the set-up: one array
    waarden[0] = "=HYPERLINK(1)"
    assert naar_csv(frame).decode("utf-8-sig").splitlines()[1] == '"\'=HYPERLINK(1)"'


def test_excel_replaces_control_characters_in_an_index_csv_already_looked_at():
    """The CSV's check and the Excel file's are kept apart for the same large index: the control character the CSV
    keeps is replaced in the .xlsx."""
    namen = pd.Index([f"complex {i}" for i in range(1_199)] + ["a\x01b"], dtype=object)
    frame = pd.DataFrame({"complex": pd.Categorical.from_codes(np.array([1_199, 0]), categories=namen)})
    assert "a\x01b" in naar_csv(frame).decode("utf-8-sig")
    terug = pd.read_excel(io.BytesIO(naar_excel(frame)), dtype=str)
    assert list(terug["complex"]) == ["a\ufffdb", "complex 0"]


def test_numbers_as_text_each_distinct_value_once_read_as_arrow_writes_them():
    """Amounts are formatted per distinct value (a column repeats its values over dwellings and years): the text is
    what Arrow's own formatting gives, with a decimal comma; empty stays empty, -0 is 0, no exponent for cents."""
    import pyarrow as pa
    import pyarrow.compute as pc

    waarden = np.array([1.5, -0.0, np.nan, 2.25, 1.5, np.inf, -np.inf, 1e22, 1e-7, 0.1, np.nan, -3.0, 1234567.89,
                        0.01, 1.5])
    tekst = schrijven._als_tekst(pd.Series(waarden)).to_pylist()
    assert tekst == ["1,5", "0", None, "2,25", "1,5", "inf", "-inf", "1e+22", "1e-7", "0,1", None, "-3",
                     "1234567,89", "0,01", "1,5"]
    rng = np.random.default_rng(3)
    veel = np.round(rng.normal(500, 300, 20_000), 2)[rng.integers(0, 20_000, 100_000)]
    arrow = pc.cast(pa.array(veel + 0.0), pa.string()).to_pylist()
    assert schrijven._als_tekst(pd.Series(veel)).to_pylist() == [x.replace(".", ",") for x in arrow]
    assert schrijven._als_tekst(pd.Series([3, 3, -1, 2**40])).to_pylist() == ["3", "3", "-1", "1099511627776"]
    assert schrijven._als_tekst(pd.Series([], dtype=float)).to_pylist() == []


def test_a_peildatum_outside_the_tables_years_and_an_output_name_too_long_give_exit_2(tmp_path, capsys):
    """Found by the review: 9999-12-31 gave exit 0 with every row 'geen geldige datum'; a 300-character output
    name an 'Onverwachte fout (OSError)'."""
    from woonlasten.cli import main

    voorbeeld = str(Path(__file__).resolve().parent.parent / "data" / "voorbeeld_portefeuille.csv")
    assert main(["portefeuille", voorbeeld, "--peildatum", "9999-12-31"]) == 2
    assert "buiten de jaren van de tarieven" in capsys.readouterr().err
    assert main(["portefeuille", voorbeeld, "--peildatum", "2025-06-01", "--uit", str(tmp_path / ("x" * 300))
                 + ".csv"]) == 2
    assert "de naam is te lang" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------------------------
# 5. the file says what it is (issue 15): name, info sheet, formats, ja/nee

ZES = ("id;complex;gemeente;woningtype;oppervlakte_m2;energielabel;kale_huur;personen\n"
       "1;Noord;Borne;rijtjeshuis;85 m2;E;€ 600;2\n"
       "2;Noord;Borne;tussenwoning;80;B;610,5;1\n"
       "3;Noord;Hengelo;appartement;60;C;1.200;2\n"
       "4;Zuid;Hengelo;appartement;62;F;540;3\n"
       "5;Zuid;Borne;hoekwoning;95;G;700;4\n"
       "6;Zuid;Borne;bungalow;95;G;700;2\n")


def _vandaag() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def _schrijf_in_map(tmp_path, *extra, inhoud=ZES):
    invoer = _bestand(tmp_path, inhoud, "woningen.csv")
    (tmp_path / "uit").mkdir()
    assert main(["portefeuille", invoer, "--uit", str(tmp_path / "uit"), *extra]) == 0
    [pad] = list((tmp_path / "uit").iterdir())
    return pad


def test_xlsx_in_a_folder_gets_a_name_and_an_info_sheet(tmp_path, capsys):
    from openpyxl import load_workbook

    pad = _schrijf_in_map(tmp_path, "--peildatum", "01-07-2026")
    assert pad.name == f"woonlasten_label-B_peildatum-2026-07-01_gemaakt-{_vandaag()}.xlsx"
    assert f"Resultaat geschreven naar {pad}" in capsys.readouterr().out
    wb = load_workbook(pad)
    assert wb.sheetnames == ["woningen", "complexen", "totaal", "Over dit bestand"]  # the dwellings stay first
    over = {a: b for a, b in wb["Over dit bestand"].iter_rows(min_row=2, values_only=True)}
    import datetime as dt

    assert over["Scenario"] == "Groot onderhoud: naar label B (isolatie)" and over["Scenario (naam)"] == "label-B"
    assert over["Maatregelen"] == "spouwmuurisolatie, dakisolatie, vloerisolatie, hr glas"
    assert over["Peildatum"] == "01-07-2026" and over["Gemaakt op"] == dt.date.today().strftime("%d-%m-%Y")
    assert over["Bronbestand"] == "woningen.csv"
    assert (over["Woningen"], over["Berekend"]) == ("6", "5") and over["Met een fout"].startswith("1 ")
    assert over["Zo is het bestand gelezen"].startswith("Gelezen als CSV met ';'")
    assert over["Zo zijn waarden gelezen"] == "oppervlakte_m2: '85 m2' gelezen als 85 (regel 2)"
    notitie = [b for a, b in wb["Over dit bestand"].iter_rows(min_row=2, values_only=True) if not a]
    assert "kale_huur: '1.200' gelezen als 1200 (regel 4)" in notitie
    assert any(r.startswith("woningtype: 'bungalow' niet gelezen: onbekend") for r in notitie)


def test_xlsx_formats_freeze_filter_widths_and_ja_nee_on_every_sheet(tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    wb = load_workbook(_schrijf_in_map(tmp_path, "--peildatum", "2025-06-01"))
    for blad in wb.worksheets:
        assert blad.freeze_panes == "A2", blad.title
        assert all(c.font.b for c in blad[1]), blad.title  # a bold header
        breedtes = [blad.column_dimensions[c.column_letter].width for c in blad[1]]
        assert all(8 <= b <= 120 for b in breedtes), (blad.title, breedtes)
    for blad in ("woningen", "complexen", "totaal"):
        ws = wb[blad]
        assert ws.auto_filter.ref == f"A1:{ws[1][-1].column_letter}{ws.max_row}"
    assert not wb["Over dit bestand"].auto_filter.ref
    ws = wb["woningen"]
    kop = {c.value: c.column - 1 for c in ws[1]}
    rijen = list(ws.iter_rows(min_row=2))
    assert len(rijen) == 6
    eerste = rijen[0]
    for kol in ("voor_totaal", "na_totaal", "verschil_totaal", "voor_huur_totaal", "verschil_energie_totaal"):
        assert eerste[kop[kol]].number_format == '"€" #,##0.00', kol
    assert eerste[kop["voor_huur_totaal"]].value == 600  # '€ 600' read as 600, no rent increase before
    assert rijen[2][kop["voor_huur_totaal"]].value == 1200  # '1.200' in a ';' file
    assert eerste[kop["kale_huur"]].value == "€ 600"  # the input column as given (text, as in the file)
    gas = eerste[kop["verbruik_gas_m3_voor"]]
    assert isinstance(gas.value, int) and gas.number_format == "#,##0"
    assert isinstance(eerste[kop["personen"]].value, int) and eerste[kop["personen"]].number_format == "0"
    assert eerste[kop["peildatum"]].value == dt.datetime(2025, 6, 1)
    assert eerste[kop["peildatum"]].number_format == "dd-mm-yyyy"
    for rij in rijen:  # ja/nee, and ja exactly when the woonlasten do not go up
        neutraal, verschil = rij[kop["woonlastenneutraal"]].value, rij[kop["verschil_totaal"]].value
        assert neutraal == (None if verschil is None else "ja" if verschil <= 0.005 else "nee")
    assert [r[kop["status"]].value for r in rijen] == ["ok"] * 5 + ["fout"]
    # complexen: counted by hand (Noord: 1, 2, 3 with B already at target; Zuid: 4, 5, and 6 is fout)
    ws = wb["complexen"]
    kop = {c.value: c.column - 1 for c in ws[1]}
    noord, zuid = (list(r) for r in ws.iter_rows(min_row=2))
    assert [noord[kop[k]].value for k in ("complex", "woningen", "aangepakt", "fout")] == ["Noord", 3, 2, 0]
    assert [zuid[kop[k]].value for k in ("complex", "woningen", "aangepakt", "fout")] == ["Zuid", 3, 2, 1]
    for rij in (noord, zuid):
        assert rij[kop["woningen"]].number_format == "#,##0"
        assert rij[kop["aandeel_neutraal"]].number_format == "0.0%"
        assert rij[kop["aandeel_neutraal"]].value == round(rij[kop["neutraal"]].value / 2, 3)
        assert rij[kop["gemiddeld_verschil_maand"]].number_format == '"€" #,##0.00'
        assert rij[kop["gemiddeld_neutraal"]].value in ("ja", "nee")


def test_csv_is_a_clean_table_with_scenario_and_peildatum_columns(tmp_path):
    pad = _schrijf_in_map(tmp_path, "--peildatum", "2025-06-01", "--soort", "csv", "--scenario", "eigen:B:dakisolatie")
    assert pad.name == f"woonlasten_eigen-B-dakisolatie_peildatum-2025-06-01_gemaakt-{_vandaag()}.csv"
    regels = pad.read_bytes().decode("utf-8-sig").splitlines()
    assert regels[0].startswith('"id";"complex"') and len(regels) == 7  # the header first, no lines above it
    csv = pd.read_csv(pad, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert set(csv["scenario"]) == {"Eigen scenario: naar label B (dakisolatie)"}
    assert set(csv["peildatum"]) == {"2025-06-01"}
    assert list(csv["woonlastenneutraal"][:5]) == ["ja" if float(v.replace(",", ".")) <= 0.005 else "nee"
                                                   for v in csv["verschil_totaal"][:5]]
    assert csv["woonlastenneutraal"][5] == "" and csv["status"][5] == "fout"


def test_a_peildatum_per_dwelling_says_so_in_name_and_file(tmp_path):
    from openpyxl import load_workbook

    inhoud = ZES.replace("personen\n", "personen;peildatum\n").replace(";2\n", ";2;2025-06-01\n") \
        .replace(";1\n", ";1;2024-01-01\n").replace(";3\n", ";3;2025-06-01\n").replace(";4\n", ";4;2025-06-01\n")
    pad = _schrijf_in_map(tmp_path, inhoud=inhoud)
    assert pad.name == f"woonlasten_label-B_peildatum-per-woning_gemaakt-{_vandaag()}.xlsx"
    over = dict(load_workbook(pad)["Over dit bestand"].iter_rows(min_row=2, values_only=True))
    assert over["Peildatum"] == "per woning uit het bestand (kolom peildatum)"


def test_a_numeric_rent_column_of_the_input_gets_the_euro_format_too():
    from openpyxl import load_workbook

    frame = pd.DataFrame({"Huur": [610.5, 700.0], "bouwjaar": [1975.0, np.nan], "opp": [80.5, 81.0]})
    frame.attrs["kolomnamen"] = {"kale_huur": "Huur"}
    ws = load_workbook(io.BytesIO(naar_excel(frame)))["woningen"]
    assert [(c.value, c.number_format) for c in ws[2]] == [(610.5, '"€" #,##0.00'), (1975, "0"), (80.5, "General")]
    assert ws["B3"].value is None and ws["C3"].value == 81


def test_xlsx_text_comes_back_exactly_as_written():
    from openpyxl import load_workbook

    teksten = ["<b>&amp;</b>", "a\r\nb", "regel\nregel", " voor", "achter ", "\ttab", "€ ² ✓ 😀", "", "]]>", "1.200"]
    frame = pd.DataFrame({"tekst": teksten, "getal": np.arange(len(teksten), dtype=float) / 4})
    ws = load_workbook(io.BytesIO(naar_excel(frame)))["woningen"]
    terug = [r[0].value for r in ws.iter_rows(min_row=2)]
    verwacht = [("'" + t if t.startswith("\t") else t) or None for t in teksten]  # a tab is neutralised
    assert terug == verwacht
    assert [r[1].value for r in ws.iter_rows(min_row=2)] == [i / 4 for i in range(len(teksten))]


def test_ja_nee_for_bool_and_yes_no_with_empty_cells():
    from woonlasten.portefeuille.schrijven import ja_nee

    frame = pd.DataFrame({"b": [True, False, True], "o": np.array([None, True, False], dtype=object),
                          "t": ["True", "x", None]})
    uit = ja_nee(frame)
    assert list(uit["b"]) == ["ja", "nee", "ja"] and list(uit["o"]) == [None, "ja", "nee"]
    assert list(uit["t"]) == ["True", "x", None]  # text stays text
    assert naar_csv(frame).decode("utf-8-sig").splitlines()[1:] == ['"ja";;"True"', '"nee";"ja";"x"', '"ja";"nee";']


def test_soort_that_does_not_fit_the_output_name_is_refused_before_computing(tmp_path, capsys):
    invoer = _bestand(tmp_path, ZES, "woningen.csv")
    assert main(["portefeuille", invoer, "--uit", str(tmp_path / "uit.csv"), "--soort", "xlsx"]) == 2
    assert "--soort xlsx past niet bij" in _fout(capsys) and not (tmp_path / "uit.csv").exists()
    assert main(["portefeuille", invoer, "--uit", str(tmp_path / "uit.csv"), "--soort", "csv"]) == 0
