"""The rent side, worked by hand from the sources in tariffs/ (see tariffs/huur.md)."""

import csv
from pathlib import Path

import pytest

from woonlasten import bereken

DATA = Path(__file__).parent.parent / "tariffs"


def _casus(peildatum, naar_label="B", maatregelen=("spouwmuurisolatie", "dakisolatie"), huurverhoging=None, **extra):
    ingreep = {"naar_label": naar_label, "maatregelen": list(maatregelen)}
    if huurverhoging is not None:
        ingreep["huurverhoging"] = huurverhoging
    ingreep.update(extra.pop("ingreep", {}))
    c = {"peildatum": peildatum, "gemeente": "Borne", "rol": "huurder",
         "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
         "huishouden": {"personen": 3}, "huur": {"kale_huur": 600.0, "servicekosten": 20.0}, "ingreep": ingreep}
    for k, v in extra.items():
        c[k].update(v)
    return c


# vergoedingentabel.csv, zittend, klasse middel (70-100 m²), derived by the published method:
#   E → B: 0,9 × (12,23 − 8,90) m³/m² × 85 m² / 1,04 × € 0,7882/m³ / 12 = € 16,09 → € 16 (rounded down)
#   C → A: 0,9 × (9,89 − 7,61) × 85 / 1,04 × 0,7882 / 12 = € 11,02 → € 11
TABEL_E_B = 16.0
TABEL_C_A = 11.0


def test_2022_insulation_only_gets_the_table_amount():
    r = bereken(_casus("2022-06-01"))
    assert r.na.huur.huurverhoging == pytest.approx(TABEL_E_B)
    assert r.verschil.huur.totaal == pytest.approx(TABEL_E_B)
    assert "Vóór 2023" in r.huur_informatie.regel


def test_2024_insulation_only_gets_no_rent_increase():
    r = bereken(_casus("2024-06-01"))
    assert r.na.huur.huurverhoging == 0.0
    assert "geen huurverhoging voor isolatie" in r.huur_informatie.regel


def test_2024_heat_pump_carries_the_table_amount_for_its_label_steps():
    # warmtepomp alone: 2,3 typical label steps (labels/maatregel_effect.csv, tussenwoning) → floor 2; target A,
    # so without the heat pump the dwelling would be at C; the heat pump's part is C → A = € 11.
    r = bereken(_casus("2024-06-01", naar_label="A", maatregelen=["warmtepomp"]))
    assert r.na.huur.huurverhoging == pytest.approx(TABEL_C_A)
    assert "installaties" in r.huur_informatie.regel
    assert r.verbruik.gas_m3_na == 0 and r.verbruik.verwarming_na == "warmtepomp"
    assert r.na.energie.gas == 0.0  # no gas connection, no fixed gas costs


def test_given_amount_above_the_table_is_accepted_and_flagged():
    r = bereken(_casus("2022-06-01", huurverhoging=25.0))
    assert r.na.huur.huurverhoging == 25.0
    assert r.huur_informatie.vergelijking == "boven de vergoedingentabel"


def test_given_amount_below_the_table_is_the_tenant_favourable_deviation():
    r = bereken(_casus("2022-06-01", huurverhoging=10.0))
    assert "in het voordeel van de huurder" in r.huur_informatie.vergelijking


def test_new_letting_counts_insulation_with_the_revised_table():
    # vergoedingentabel.csv, nieuw, middel, E → B: 0,9 × 3,33 × 85 / 1,04 × € 1,5119 / 12 = € 30,86 → € 30
    rij = next(r for r in csv.DictReader(open(DATA / "vergoedingentabel.csv", encoding="utf-8"))
               if r["verhuring"] == "nieuw" and r["grootteklasse"] == "middel" and r["label_voor"] == "E"
               and r["label_na"] == "B")
    assert float(rij["vergoeding_maand"]) == 30.0
    r = bereken(_casus("2024-06-01", ingreep={"nieuwe_verhuring": True}))
    assert r.na.huur.huurverhoging == pytest.approx(30.0)


def test_solar_panels_through_servicekosten():
    # 8 panels × € 412,50 (labels/maatregelen.csv) = € 3.300; 10% per year / 12 = € 27,50 per month
    r = bereken(_casus("2024-06-01", naar_label=None, maatregelen=[{"naam": "zonnepanelen", "hoeveelheid": 8}]))
    assert r.na.huur.servicekosten == pytest.approx(20.0 + 27.50)
    assert r.huur_informatie.zonnepanelen_servicekosten == pytest.approx(27.50)


@pytest.mark.parametrize("peildatum, per_m2", [("2024-01-15", 1.71), ("2025-08-01", 1.83)])
def test_epv_for_80_m2_nul_op_de_meter(peildatum, per_m2):
    # epv.csv, original regime, heat demand 25 kWh/m² in the band 0-27: € 1,71 (from 2023-07-01) and
    # € 1,83 (from 2025-07-01) per m² per month; × 80 m² = € 136,80 and € 146,40
    c = _casus(peildatum, naar_label="A", ingreep={"epv_warmtevraag_kwh_m2": 25})
    c["woning"]["oppervlakte_m2"] = 80
    assert bereken(c).huur_informatie.epv_maximum_maand == pytest.approx(per_m2 * 80)


@pytest.mark.parametrize("peildatum, punten_e, punten_b", [("2024-06-30", 8, 32), ("2024-07-01", -4, 34)])
def test_wws_energy_points_e_to_b_eengezins(peildatum, punten_e, punten_b):
    # wws_energiepunten.csv: eengezins E 8 → B 32 (+24) before 2024-07-01; E −4 → B 34 (+38) under the WBH
    c = _casus(peildatum)
    c["woning"]["wws_punten"] = 150
    r = bereken(c)
    assert r.huur_informatie.wws_energiepunten_voor == punten_e
    assert r.huur_informatie.wws_energiepunten_na == punten_b
    assert r.huur_informatie.wws_punten_na == 150 + punten_b - punten_e


def test_wws_maximum_rent_and_flag():
    # wws_max_huurprijs.csv 2025-01-01: look the points up and compare with the kale huur
    c = _casus("2025-03-01")
    c["woning"]["wws_punten"] = 120
    c["huur"]["kale_huur"] = 1200.0
    r = bereken(c)
    maxima = {int(x["punten"]): float(x["max_kale_huur_maand"]) for x in
              csv.DictReader(open(DATA / "wws_max_huurprijs.csv", encoding="utf-8")) if x["geldig_vanaf"] == "2025-01-01"}
    assert r.huur_informatie.maximale_huur_voor == maxima[120]
    assert r.huur_informatie.maximale_huur_na == maxima[120 + 34 - (-4)]
    assert r.huur_informatie.boven_maximale_huur is (1200.0 > maxima[158])


def _huurtoeslag(jaar, personen, aow, inkomen, huur):
    c = _casus(f"{jaar}-06-01", huurverhoging=0.0)
    c["huishouden"] = {"personen": personen, "inkomen_jaar": inkomen, "aow": bool(aow)}
    c["huur"] = {"kale_huur": huur, "servicekosten": 0.0}
    return -bereken(c).voor.huur.huurtoeslag


def test_huurtoeslag_2024_kamerstuk_example_by_hand():
    # Kamerstukken II 2024/25, 36 608, nr. 6 §3.1: single person, income € 25.000, rent € 720 → € 329,20.
    # By hand (huurtoeslag.csv 2024 eenpersoons): normhuur = 4,1337e-7 × 25000² + 0,002393493 × 25000
    #   = 258,36 + 59,84 = 318,19; basishuur = 318,19 − 37,72 = 280,47;
    #   100% × (454,47 − 280,47) = 174,00; 65% × (650,43 − 454,47) = 127,37; 40% × (720 − 650,43) = 27,83
    #   total 329,20
    assert _huurtoeslag(2024, 1, 0, 25000, 720) == pytest.approx(329.20, abs=0.02)


def test_huurtoeslag_published_examples():
    voorbeelden = list(csv.DictReader(open(DATA / "huurtoeslag_voorbeelden.csv", encoding="utf-8")))
    assert len(voorbeelden) >= 5
    for v in voorbeelden:
        verwacht = float(v["huurtoeslag_maand"])
        gekregen = _huurtoeslag(int(v["jaar"]), int(v["personen"]), int(v["leeftijd_aow"]), float(v["inkomen_jaar"]),
                                float(v["kale_huur_plus_servicekosten"]))
        # the newspaper table rounds to whole euros
        assert gekregen == pytest.approx(verwacht, abs=1.0), v


def test_huurtoeslag_2026_by_hand():
    # 2026 (huurtoeslag.csv): fixed basishuur 202,52 (eenpersoons); rent 800 (< max 932,93); income 30.000:
    #   100% × (498,20 − 202,52) = 295,68; 65% × (713,02 − 498,20) = 139,633; 40% × (800 − 713,02) = 34,792
    #   gross 470,105; phase-out (30.000 − 23.425) × 27% / 12 = 147,9375 → 322,17
    assert _huurtoeslag(2026, 1, 0, 30000, 800) == pytest.approx(322.17, abs=0.01)


def test_huurtoeslag_lowers_the_net_effect_of_a_rent_increase():
    c = _casus("2022-06-01")
    c["huishouden"] = {"personen": 1, "inkomen_jaar": 20000}
    r = bereken(c)
    assert r.na.huur.huurverhoging == pytest.approx(TABEL_E_B)
    # rekenhuur 600 + 20 = 620 → 636 (2022 eenpersoons, income above the ijkpunt so the basishuur is below 620):
    #   620 → 633,25 (aftoppingsgrens 1-2 p) at 65%: 13,25 × 0,65 = 8,6125; 633,25 → 636 at 40%: 2,75 × 0,40 = 1,10
    #   allowance rises by 9,7125 → verschil huurtoeslag −9,71; net rent effect 16 − 9,71 = 6,29
    assert r.verschil.huur.huurtoeslag == pytest.approx(-9.71, abs=0.01)
    assert r.verschil.huur.netto == pytest.approx(6.29, abs=0.01)


def test_huurtoeslag_2023_by_hand():
    # 2023 eenpersoons (Regeling huurtoeslaggrenzen 2023, huurtoeslag.csv): income 22.000 > ijkpunt 19.375:
    #   normhuur = 0,000000474433 × 22000² + 0,002448638402 × 22000 = 229,63 + 53,87 → 283,50 (rounded up);
    #   taakstellingsbedrag 0 → basishuur 283,50; rent 600:
    #   100% × (452,20 − 283,50) = 168,70; 65% × (600 − 452,20) = 96,07 → 264,77
    assert _huurtoeslag(2023, 1, 0, 22000, 600) == pytest.approx(264.77, abs=0.01)


def test_huurtoeslag_2022_by_hand():
    # 2022 eenpersoons: income 20.000 > ijkpunt 17.350:
    #   normhuur = 0,000000596879 × 20000² + 0,002363459319 × 20000 = 238,75 + 47,27 → 286,03 (rounded up);
    #   + taakstellingsbedrag 16,94 → basishuur 302,97; rent 550:
    #   100% × (442,46 − 302,97) = 139,49; 65% × (550 − 442,46) = 69,90 → 209,39
    assert _huurtoeslag(2022, 1, 0, 20000, 550) == pytest.approx(209.39, abs=0.01)


def test_information_rules_are_skipped_only_when_nothing_of_theirs_is_asked():
    """A caller that asks for no rent information skips the informative rules (their declaration lists every column
    they write, checked with controle=True); asking for one of their columns runs them; the amounts do not change."""
    import pandas as pd

    from woonlasten.bereken import bereken_frame, bereken_kolommen
    from woonlasten.rekenen.regel import alle_regels

    invoer = pd.DataFrame({"peildatum": ["2025-06-01"], "gemeente": ["Borne"], "woningtype": ["tussenwoning"],
                           "oppervlakte_m2": [85.0], "energielabel": ["E"], "naar_label": ["B"], "kale_huur": [650.0],
                           "wws_punten": [150.0], "epv_warmtevraag_kwh_m2": [20.0], "inkomen_jaar": [24000.0]})
    alles = bereken_frame(invoer)
    informatief = [r for r in alle_regels() if r.informatief]
    assert sorted(r.naam for r in informatief) == ["energiearmoede", "energiecoach", "huurinformatie"]
    informatief = [r for r in informatief if r.naam == "huurinformatie"]
    kolommen = set(bereken_kolommen(invoer, controle=True))  # raises when a rule writes an undeclared column
    van_informatie = {k for k in kolommen if informatief[0].schrijft_kolom(k)}
    assert {"huurklasse_voor", "huurklasse_na", "_rij_huurgrenzen", "max_huur_na", "epv_max_maand"} <= van_informatie
    from woonlasten.rekenen.regel import nodig_voor

    assert "huurinformatie" not in [r.naam for r in nodig_voor(["na_totaal", "verschil_totaal"])]
    assert "huurinformatie" in [r.naam for r in nodig_voor(["max_huur_na"])]
    zonder = bereken_kolommen(invoer, uitvoer=["na_totaal", "verschil_totaal"], controle=True)
    assert zonder["verschil_totaal"][0] == alles["verschil_totaal"][0]
    met_een = bereken_kolommen(invoer, uitvoer=["max_huur_na", "verschil_totaal"])
    assert met_een["max_huur_na"][0] == alles["max_huur_na"][0] and not pd.isna(met_een["max_huur_na"][0])


# ---------------------------------------------------------------------------------------------------------------
# The huurtoeslag scheme of a date follows dated rows of huurregels.csv (not the presence of a parameter)


def _eigen_huurregels(tmp_path, monkeypatch, bewerk):
    return _eigen_tabel(tmp_path, monkeypatch, "tariffs", "huurregels.csv", bewerk)


def _toeslag_met(t, jaar, inkomen, huur):
    c = _casus(f"{jaar}-06-01", huurverhoging=0.0)
    c["huishouden"] = {"personen": 1, "inkomen_jaar": inkomen}
    c["huur"] = {"kale_huur": huur, "servicekosten": 0.0}
    return -bereken(c, tabellen=t).voor.huur.huurtoeslag


def _zet(regel, jaar_vanaf, waarde):
    def bewerk(rijen):
        for r in rijen:
            if r["regel"] == regel and r["geldig_vanaf"] == jaar_vanaf:
                r["waarde"] = waarde
        return rijen
    return bewerk


def test_huurtoeslag_exclusion_above_the_maximale_huurgrens_follows_the_dated_row(tmp_path, monkeypatch):
    # 2025: a rent above the maximale huurgrens (900,07) gives no allowance; with the row set to 0 for 2025 the rent
    # is capped at the limit instead, as from 2026
    assert _huurtoeslag(2025, 1, 0, 20000, 950) == 0.0
    t = _eigen_huurregels(tmp_path, monkeypatch,
                          _zet("huurtoeslag_maximale_huurgrens_is_uitsluitingsgrond", "2021-01-01", "0"))
    assert _toeslag_met(t, 2025, 20000, 950) == pytest.approx(_huurtoeslag(2025, 1, 0, 20000, 900.07), abs=0.005)
    assert _toeslag_met(t, 2025, 20000, 950) > 0


def test_huurtoeslag_fixed_basishuur_follows_the_dated_row(tmp_path, monkeypatch):
    # through 2025 the basishuur depends on the income; with the phase-out row set to 1 for 2025 the fixed
    # minimum_basishuur holds (2025 has no afbouwpercentage, so no phase-out): the income no longer matters
    assert _huurtoeslag(2025, 1, 0, 20000, 700) > _huurtoeslag(2025, 1, 0, 30000, 700)
    t = _eigen_huurregels(tmp_path, monkeypatch, _zet("huurtoeslag_afbouw_boven_inkomensijkpunt", "2021-01-01", "1"))
    assert _toeslag_met(t, 2025, 20000, 700) == pytest.approx(_toeslag_met(t, 2025, 30000, 700))
    # 2025 eenpersoons: minimum_basishuur 199,05; 100% × (477,20 − 199,05) = 278,15 up to the kwaliteitskortingsgrens
    assert _toeslag_met(t, 2025, 30000, 477.20) == pytest.approx(477.20 - 199.05, abs=0.005)


def test_huurtoeslag_without_its_scheme_row_on_the_date_is_a_data_error(tmp_path, monkeypatch):
    from woonlasten import DataFout

    t = _eigen_huurregels(tmp_path, monkeypatch,
                          lambda rijen: [r for r in rijen if r["regel"] != "huurtoeslag_afbouw_boven_inkomensijkpunt"])
    with pytest.raises(DataFout, match="huurtoeslag_afbouw_boven_inkomensijkpunt"):
        _toeslag_met(t, 2025, 20000, 700)


def _eigen_tabel(tmp_path, monkeypatch, map_, bestand, bewerk):
    """Tables with an own copy of ``map_/bestand``: ``bewerk(rows)`` returns the rows to write."""
    from woonlasten.data import laad_tabellen

    monkeypatch.setenv("WOONLASTEN_CACHE", "uit")
    with open(Path(__file__).parent.parent / map_ / bestand, encoding="utf-8") as fh:
        lezer = csv.DictReader(fh)
        kop, rijen = lezer.fieldnames, list(lezer)
    with open(tmp_path / bestand, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, kop, lineterminator="\n")
        w.writeheader()
        w.writerows(bewerk(rijen))
    return laad_tabellen(str(tmp_path))


def test_wws_kind_of_a_woningtype_comes_from_the_table(tmp_path, monkeypatch):
    # an appartement is meergezins in the WWS: E → B gives other points than for a tussenwoning (eengezins);
    # marked eengezins in an own woningtypes.csv, it gets the tussenwoning's points
    def punten(woningtype, t=None):
        c = _casus("2025-06-01", woning={"woningtype": woningtype}, huur={"kale_huur": 700.0})
        r = bereken(c, tabellen=t).huur_informatie
        return r.wws_energiepunten_voor, r.wws_energiepunten_na

    assert punten("appartement") != punten("tussenwoning")

    def eengezins(rijen):
        for r in rijen:
            r["woningsoort"] = "eengezins"
        return rijen

    t = _eigen_tabel(tmp_path, monkeypatch, "labels", "woningtypes.csv", eengezins)
    assert punten("appartement", t) == punten("tussenwoning")


def test_a_woningtype_missing_from_the_table_is_a_data_error(tmp_path, monkeypatch):
    from woonlasten import DataFout

    t = _eigen_tabel(tmp_path, monkeypatch, "labels", "woningtypes.csv",
                     lambda rijen: [r for r in rijen if r["woningtype"] != "hoekwoning"])
    with pytest.raises(DataFout, match="woningtypes.csv: woningtype 'hoekwoning' ontbreekt"):
        bereken(_casus("2025-06-01", woning={"woningtype": "hoekwoning"}), tabellen=t)


def test_a_woningsoort_outside_the_wws_split_is_refused(tmp_path, monkeypatch):
    from woonlasten import DataFout

    def fout(rijen):
        rijen[0]["woningsoort"] = "flat"
        return rijen

    with pytest.raises(DataFout, match="woningtypes.csv, regel 2, kolom 'woningsoort'"):
        _eigen_tabel(tmp_path, monkeypatch, "labels", "woningtypes.csv", fout)


def test_rent_rule_texts_come_from_the_table(tmp_path, monkeypatch):
    def ander(rijen):
        for r in rijen:
            if (r["onderwerp"], r["code"]) == ("huurregel", "1"):
                r["tekst"] = "Tot en met 2022: huurverhoging volgens de vergoedingentabel."
        return rijen

    t = _eigen_tabel(tmp_path, monkeypatch, "tariffs", "huurregel_teksten.csv", ander)
    r = bereken(_casus("2022-06-01"), tabellen=t)
    assert r.na.huur.huurverhoging == pytest.approx(TABEL_E_B)
    assert any(x.tekst.startswith("Tot en met 2022: huurverhoging volgens de vergoedingentabel.") for x in r.toelichting)


def test_a_rent_rule_code_without_text_is_a_data_error(tmp_path, monkeypatch):
    from woonlasten import DataFout

    t = _eigen_tabel(tmp_path, monkeypatch, "tariffs", "huurregel_teksten.csv",
                     lambda rijen: [r for r in rijen if (r["onderwerp"], r["code"]) != ("huurregel", "2")])
    with pytest.raises(DataFout, match="geen tekst voor huurregel 2"):
        bereken(_casus("2024-06-01"), tabellen=t)
