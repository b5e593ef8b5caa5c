"""Nothing silently wrong in the data tables (issue 13): finite numbers only, bounds per column, required keys
complete, a note for a peildatum beyond the data, nothing computed or cached on data that failed validation."""

import csv
import json
import shutil

import pandas as pd
import pytest

from woonlasten import bereken
from woonlasten.casus import casus_naar_rij
from woonlasten.data import PROJECT_DIR, DataFout, laad_tabel, laad_tabellen, laden
from woonlasten.data.schema import SCHEMAS, F
from woonlasten.modellen import Casus

VOORBEELD = json.loads((PROJECT_DIR / "voorbeelden" / "huurder_borne_E_naar_B.json").read_text(encoding="utf-8"))


def _rijen(naam):
    with open(PROJECT_DIR / f"{naam}.csv", encoding="utf-8") as fh:
        lezer = csv.DictReader(fh)
        return lezer.fieldnames, list(lezer)


def _kopie(map_, naam, bewerk):
    """A copy of table ``naam`` in ``map_`` with ``bewerk(rows)`` applied; returns its path."""
    kop, rijen = _rijen(naam)
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{naam.split('/')[-1]}.csv"
    with open(pad, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, kop, lineterminator="\n")
        w.writeheader()
        w.writerows(bewerk(rijen))
    return pad


def _met_cel(naam, kolom, waarde, rij=0):
    def bewerk(rijen):
        rijen[rij][kolom] = waarde
        return rijen
    return bewerk


def _zonder(**sleutel):
    return lambda rijen: [r for r in rijen if any(r[k] != v for k, v in sleutel.items())]


# ----------------------------------------------------------------------------------------------------------
# Finite numbers only

GETALKOLOMMEN = [(naam, kol) for naam, s in SCHEMAS.items() for kol, typ in s["kolommen"].items() if typ in (float, F)]


@pytest.mark.parametrize("waarde", ["nan", "NaN", "inf", "-inf", "1e400"])
def test_a_non_finite_btw_rate_is_refused_with_file_line_column_and_value(tmp_path, waarde):
    pad = _kopie(tmp_path, "tariffs/btw", _met_cel("tariffs/btw", "btw_tarief", waarde, rij=1))
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, "tariffs/btw")
    assert f"btw.csv, regel 3, kolom 'btw_tarief': ongeldige waarde {waarde!r}" in str(exc.value)
    assert "geen eindig getal" in str(exc.value)


@pytest.mark.parametrize("naam,kolom", GETALKOLOMMEN, ids=[f"{n}.{k}" for n, k in GETALKOLOMMEN])
def test_every_number_column_of_every_table_refuses_nan_and_inf(tmp_path, naam, kolom):
    for i, waarde in enumerate(("nan", "-inf")):
        pad = _kopie(tmp_path / str(i), naam, _met_cel(naam, kolom, waarde))
        with pytest.raises(DataFout, match=f"regel 2, kolom '{kolom}': ongeldige waarde '{waarde}'"):
            laad_tabel(pad, naam)


# ----------------------------------------------------------------------------------------------------------
# Bounds per column

def test_a_btw_rate_written_as_a_percentage_is_refused_with_the_fraction_it_means(tmp_path):
    pad = _kopie(tmp_path, "tariffs/btw", _met_cel("tariffs/btw", "btw_tarief", "21"))
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, "tariffs/btw")
    assert str(exc.value).endswith(
        "btw.csv, regel 2, kolom 'btw_tarief': ongeldige waarde '21' "
        "(btw_tarief moet een fractie zijn tussen 0 en 1 (21 % = 0.21))")


@pytest.mark.parametrize("naam,kolom,waarde,regel", [
    ("labels/warmtepomp", "aandeel_hybride", "55", "aandeel_hybride moet een fractie zijn tussen 0 en 1"),
    ("labels/maatregel_effect", "besparing_ruimteverwarming_aandeel", "-0.1", "fractie zijn tussen 0 en 1"),
    ("tariffs/teruglevering", "eigen_verbruik_aandeel", "1.3", "fractie zijn tussen 0 en 1"),
    ("tariffs/gemeentelijke_belastingen", "ozb_eigenaar_pct_woz", "12",
     "percentage van de WOZ-waarde zijn tussen 0 en 5"),
    ("tariffs/waterschapsbelastingen", "watersysteemheffing_gebouwd_pct_woz", "-0.02", "tussen 0 en 5"),
    ("tariffs/warmtefonds", "rente_boven_inkomensgrens_pct", "450", "percentage zijn tussen 0 en 100"),
    ("tariffs/gemeentelijke_belastingen", "afvalstoffenheffing_eenpersoons_jaar", "-10", "mag niet negatief zijn"),
    ("tariffs/energiebelasting", "schijf_vanaf", "-1", "schijf_vanaf mag niet negatief zijn"),
    ("tariffs/belastingvermindering", "bedrag_jaar_excl_btw", "-519.57", "mag niet negatief zijn"),
    ("tariffs/leveringstarieven", "leveringsprijs_excl_btw", "-0.1", "mag niet negatief zijn"),
    ("labels/elektriciteit_huishouden", "personen", "0", "personen moet minstens 1 zijn"),
    ("tariffs/huurtoeslag", "jaar", "2202", "jaar moet een jaar zijn tussen 1990 en 2100"),
    ("tariffs/netbeheer", "geldig_vanaf", "2150-01-01", "geldig_vanaf moet een datum zijn tussen 1990-01-01 en 2100"),
    ("tariffs/huurregels", "geldig_vanaf", "1900-01-01", "tussen 1990-01-01 en 2100-12-31"),
])
def test_a_value_outside_the_bounds_of_its_column_is_refused(tmp_path, naam, kolom, waarde, regel):
    pad = _kopie(tmp_path, naam, _met_cel(naam, kolom, waarde))
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, naam)
    assert f"regel 2, kolom '{kolom}': ongeldige waarde '{waarde}'" in str(exc.value)
    assert regel in str(exc.value)


@pytest.mark.parametrize("kolom,waarde,regel", [
    ("eenheid", "EUR/maand", "(bij regel 'max_pct' hoort eenheid '%')"),
    ("regel", "max_procent", "(onbekende waarde; kies uit max_pct, min_bedrag_huur_onder, grens_huur_onder"),
    ("waarde", "5,8", "(geen getal)"),
])
def test_a_bad_row_of_the_rent_increase_table_names_file_line_and_column(tmp_path, kolom, waarde, regel):
    """tariffs/huurverhoging_jaarlijks: a percentage rule with an amount's unit, a misspelt rule or a Dutch decimal
    comma is refused when the table loads, naming line 2 (the 2021 max_pct row)."""
    naam = "tariffs/huurverhoging_jaarlijks"
    pad = _kopie(tmp_path, naam, _met_cel(naam, kolom, waarde))
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, naam)
    assert f"huurverhoging_jaarlijks.csv, regel 2, kolom '{kolom}': ongeldige waarde '{waarde}'" in str(exc.value)
    assert regel in str(exc.value)


def test_negative_wws_points_and_negative_huurtoeslag_constants_stay_allowed():
    from woonlasten.data.schema import VRIJ, grens

    assert grens("tariffs/wws_energiepunten", "punten") is VRIJ and grens("tariffs/huurtoeslag", "waarde") is VRIJ
    assert laad_tabel(PROJECT_DIR / "tariffs/wws_energiepunten.csv", "tariffs/wws_energiepunten") \
        .frame["punten"].min() < 0
    assert laad_tabel(PROJECT_DIR / "tariffs/huurtoeslag.csv", "tariffs/huurtoeslag").frame["waarde"].min() < 0


# ----------------------------------------------------------------------------------------------------------
# Required keys complete

@pytest.mark.parametrize("naam,weg,bericht", [
    ("labels/ruimteverwarming", {"woningtype": "hoekwoning", "energielabel": "F"},
     "ruimteverwarming.csv: geen regel voor hoekwoning met label F"),
    ("labels/warmtepomp", {"energielabel": "A+"}, "warmtepomp.csv: geen regel voor label A+"),
    ("labels/labelklassen", {"energielabel": "G"}, "labelklassen.csv: geen regel voor label G"),
    ("tariffs/wws_energiepunten", {"woningsoort": "meergezins", "energielabel": "C", "geldig_vanaf": "2024-07-01"},
     "wws_energiepunten.csv: geen regel geldig op 2024-07-01 voor meergezins met label C"),
    ("labels/tapwater_koken", {"personen": "3", "oppervlakte_vanaf_m2": "100"},
     "tapwater_koken.csv: geen regel voor 3 personen met oppervlakte vanaf 100 m²"),
    ("labels/elektriciteit_huishouden", {"personen": "1"}, "elektriciteit_huishouden.csv: geen regel voor 1 persoon"),
    ("labels/maatregel_effect", {"maatregel": "dakisolatie", "woningtype": "vrijstaand"},
     "maatregel_effect.csv: geen regel voor dakisolatie met woningtype vrijstaand"),
    ("tariffs/huurverhoging_jaarlijks", {"regel": "grens_huur_onder", "geldig_vanaf": "2025-07-01"},
     "huurverhoging_jaarlijks.csv: geen regel geldig op 2025-07-01 voor grens_huur_onder"),
])
def test_a_table_without_a_required_key_is_refused_at_load_time(tmp_path, naam, weg, bericht):
    pad = _kopie(tmp_path, naam, _zonder(**weg))
    with pytest.raises(DataFout) as exc:
        laad_tabel(pad, naam)
    assert str(exc.value) == f"{pad}: {bericht.split(': ', 1)[1]}"


def test_a_measure_of_the_catalogue_without_effects_is_refused_when_the_tables_load(tmp_path, eigen_cache):
    """maatregel_effect needs every measure of maatregelen.csv (another table): checked on the whole set."""
    _kopie(tmp_path / "eigen", "labels/maatregel_effect", _zonder(maatregel="kierdichting"))
    with pytest.raises(DataFout, match="maatregel_effect.csv: geen regel voor kierdichting met woningtype") as exc:
        laad_tabellen(str(tmp_path / "eigen"))
    assert exc.value.eigen


def test_every_shipped_table_passes_every_check(monkeypatch):
    monkeypatch.setenv("WOONLASTEN_CACHE", "uit")
    monkeypatch.delenv("WOONLASTEN_DATA", raising=False)
    laad_tabellen.cache_clear()
    try:
        assert set(laad_tabellen().tabellen) == set(SCHEMAS)
    finally:
        laad_tabellen.cache_clear()
    volledig = {naam for naam, s in SCHEMAS.items() if "volledig" in s}
    assert {"labels/ruimteverwarming", "labels/warmtepomp", "labels/labelklassen", "tariffs/wws_energiepunten",
            "labels/tapwater_koken", "labels/elektriciteit_huishouden", "labels/maatregel_effect"} <= volledig


# ----------------------------------------------------------------------------------------------------------
# Nothing computed or cached on data that failed validation

def test_a_data_error_leaves_no_table_set_remembered_or_cached(tmp_path, eigen_cache):
    eigen = tmp_path / "eigen"
    pad = _kopie(eigen, "tariffs/btw", _met_cel("tariffs/btw", "btw_tarief", "nan"))
    for _ in range(2):  # the second call validates again: the failed set was not remembered
        with pytest.raises(DataFout, match="btw_tarief"):
            laad_tabellen(str(eigen))
    assert not list(eigen_cache.rglob("manifest.json")), "a set that failed validation is never cached"
    _kopie(eigen, "tariffs/btw", _met_cel("tariffs/btw", "btw_tarief", "0.21"))
    assert pad.exists()
    t = laad_tabellen(str(eigen))
    assert t["tariffs/btw"].frame["btw_tarief"].notna().all()
    assert len(list(eigen_cache.rglob("manifest.json"))) == 1


def test_a_set_failing_a_check_between_tables_is_not_cached(tmp_path, eigen_cache):
    """Every table passes on its own, the set does not (a measure without effects): nothing is cached."""
    _kopie(tmp_path / "eigen", "labels/maatregel_effect", _zonder(maatregel="ventilatie"))
    with pytest.raises(DataFout):
        laad_tabellen(str(tmp_path / "eigen"))
    assert not list(eigen_cache.rglob("manifest.json"))


def test_the_cache_key_covers_the_schema_module(tmp_path, monkeypatch):
    """A cache written under other bounds' rules (schema.py is code, not only SCHEMAS) is never read."""
    monkeypatch.setenv("WOONLASTEN_CACHE", str(tmp_path / "cache"))
    paden = laden._datamap(None)
    voor = laden._Cache.voor(paden).map
    kopie = tmp_path / "schema.py"
    shutil.copy(laden._schema.__file__, kopie)
    kopie.write_text(kopie.read_text(encoding="utf-8") + "\n# another rule\n", encoding="utf-8")
    monkeypatch.setattr(laden._schema, "__file__", str(kopie))
    assert laden._Cache.voor(paden).map != voor


# ----------------------------------------------------------------------------------------------------------
# A peildatum beyond (or before) the data

def _casus(datum):
    return {**VOORBEELD, "peildatum": datum}


def test_a_date_beyond_the_data_gets_a_note_in_the_explanation():
    r = bereken(_casus("2150-06-01"))
    teksten = [regel.tekst for regel in r.toelichting]
    assert teksten[0].startswith("Let op: voor 2150 zijn nog geen tarieven bekend; gerekend met de laatst bekende "
                                 "tarieven, die van 2027 (energiebelasting, belastingvermindering) en 2026 (")
    assert "netbeheer" in teksten[0]
    # the local taxes fall back per gemeente and waterschap, and say so in their own lines (not in the table note)
    assert any("dichtstbijzijnde periode" in t for t in teksten if "gemeente" in t)
    assert r.toelichting[0].onderwerp == "Tarieven"


def test_a_date_in_a_year_that_some_tables_cover_names_the_others():
    tekst = bereken(_casus("2027-06-01")).toelichting[0].tekst
    assert tekst.startswith("Let op: voor 2027 zijn nog niet alle tarieven bekend")
    assert "energiebelasting" not in tekst and "2026 (leveringstarieven" in tekst


def test_the_note_is_a_column_of_the_frame_per_row():
    from woonlasten.bereken import bereken_frame, bereken_kolommen

    datums = ["2025-06-01", "2150-06-01", "2027-06-01", "2150-06-01", "2021-06-01", "1990-06-01"]
    invoer = pd.DataFrame([casus_naar_rij(Casus.model_validate(_casus(d))) for d in datums])
    uit = bereken_frame(invoer)
    w = list(uit["waarschuwing"].astype(str))
    assert not w[0].startswith("Let op: voor")  # 2025 is covered (the tenant's note on the riool split may follow)
    assert w[1].startswith("Let op: voor 2150 zijn nog geen tarieven bekend") and w[1] == w[3]
    assert w[2].startswith("Let op: voor 2027 zijn nog niet alle tarieven bekend")
    # 2021: the local taxes fall back to their nearest period per gemeente and say so (not as a table note)
    assert "dichtstbijzijnde periode is gebruikt" in w[4]
    assert list(uit["status"].astype(str)) == ["ok"] * 5 + ["fout"]  # before the first BTW row: refused
    assert "geen btw-tarief voor energie bekend op 1990-06-01" in uit["melding"].iloc[5]
    bereken_kolommen(invoer, controle=True)  # the rule keeps to its declaration


def test_the_last_known_year_follows_the_data(tmp_path, eigen_cache):
    """An own energiebelasting table ending in 2025 makes 2026 a year beyond the data for it."""
    eigen = tmp_path / "eigen"
    _kopie(eigen, "tariffs/energiebelasting", lambda rijen: [
        {**r, "geldig_tot": ""} if r["geldig_vanaf"] == "2025-01-01" else r
        for r in rijen if r["geldig_vanaf"] < "2026-01-01"])
    tekst = bereken(_casus("2026-06-01"), laad_tabellen(str(eigen))).toelichting[0].tekst
    assert tekst == ("Let op: voor 2026 zijn nog niet alle tarieven bekend; gerekend met de laatst bekende tarieven, "
                     "die van 2025 (energiebelasting).")



# ----------------------------------------------------------------------------------------------------------
# Sources (issue 14): a figure read only in a third party's transcription or on a comparison site is an estimate

DERDEN = ("github.com", "zhinees", "pakketadvies", "eerlijkverbruik", "gaslicht", "energievergelijk",
          "gelijkvergelijk", "wikiwand", "wikipedia")
TARIEFTABELLEN = sorted(naam for naam in SCHEMAS if naam.startswith("tariffs/"))


@pytest.mark.parametrize("naam", TARIEFTABELLEN)
def test_a_tariff_row_citing_a_third_party_copy_is_an_estimate(naam):
    """The data conventions: `bevestigd` and `afgeleid` rest on a primary source; a row whose `bron` names a
    third-party repository or a comparison site is `schatting` (e.g. energiebelasting gas 2025, read as CBS month
    values in a copy on github, not at CBS)."""
    kop, rijen = _rijen(naam)
    if "bron" not in kop or "status" not in kop:
        pytest.skip("table without bron and status")
    for i, rij in enumerate(rijen, start=2):
        bron = (rij["bron"] or "").lower()
        if any(d in bron for d in DERDEN):
            assert rij["status"] == "schatting", f"{naam}.csv, regel {i}: {rij['status']} met bron {bron[:80]}"
