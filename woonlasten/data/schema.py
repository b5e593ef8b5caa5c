"""The column types, keys, bounds, required keys and statuses of every data table in tariffs/ and labels/
(the conventions in ``docs/DATA-CONVENTIONS.md``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, Optional, Union

from woonlasten.modellen import ENERGIELABELS, WONINGTYPES

STATUSSEN = ("bevestigd", "afgeleid", "schatting", "voorstel")


F = Optional[float]


S = Optional[str]


D = Optional[dt.date]



@dataclass(frozen=True)
class Grens:
    """Inclusive bounds of a number or date column (None: open) and the Dutch rule a message states (``{kolom}``:
    the column's name)."""

    laag: Union[float, dt.date, None]
    hoog: Union[float, dt.date, None]
    regel: str


FRACTIE = Grens(0.0, 1.0, "{kolom} moet een fractie zijn tussen 0 en 1")
PCT_WOZ = Grens(0.0, 5.0, "{kolom} moet een percentage van de WOZ-waarde zijn tussen 0 en 5 (0.1362 betekent 0,1362 %)")
PROCENT = Grens(0.0, 100.0, "{kolom} moet een percentage zijn tussen 0 en 100 (2.5 betekent 2,5 %)")
NIET_NEGATIEF = Grens(0.0, None, "{kolom} mag niet negatief zijn")
PERSONEN = Grens(1.0, None, "{kolom} moet minstens 1 zijn")
JAAR = Grens(1990.0, 2100.0, "{kolom} moet een jaar zijn tussen 1990 en 2100")
DATUM = Grens(dt.date(1990, 1, 1), dt.date(2100, 12, 31), "{kolom} moet een datum zijn tussen 1990-01-01 en 2100-12-31")
VRIJ = Grens(None, None, "")  # may be negative (e.g. the WWS points of label G): only a finite number


def grens(tabel: str, kolom: str) -> Optional[Grens]:
    """The bounds of a column (None for a text column). Every number must be finite; beyond that, in this order:
    the table's own ``grenzen`` entry; ``btw_tarief`` and every column with the word ``aandeel`` a fraction 0..1;
    ``_pct_woz`` 0..5 (a percentage of the WOZ value); ``_pct`` 0..100; ``personen`` at least 1; ``jaar`` 1990..2100;
    any other number at least 0 (amounts, prices, volumes, bracket limits, points of the rent tables); a date
    1990-01-01..2100-12-31."""
    schema = SCHEMAS[tabel]
    if kolom in schema.get("grenzen", {}):
        return schema["grenzen"][kolom]
    typ = schema["kolommen"][kolom]
    if typ in (dt.date, D):
        return DATUM
    if typ not in (float, F, int):
        return None
    if kolom == "btw_tarief" or "aandeel" in kolom.split("_"):
        return FRACTIE
    if kolom.endswith("_pct_woz"):
        return PCT_WOZ
    if kolom.endswith("_pct"):
        return PROCENT
    return {"personen": PERSONEN, "jaar": JAAR}.get(kolom, NIET_NEGATIEF)


# Values a key column of a `volledig` entry must cover, besides a tuple of the values themselves:
AANWEZIG = "aanwezig"  # every value that occurs in the column (each with every value of the other key columns)
VAN_1_TOT_MAX = "1..max"  # every whole number from 1 to the column's largest value
# or "labels/maatregelen:maatregel": every value of another table's column (checked when all tables are loaded)


# The rules of tariffs/huurverhoging_jaarlijks with their unit; each is required on every date of the table:
HUURVERHOGING_EENHEDEN = {"max_pct": "%", "min_bedrag_huur_onder": "EUR/maand", "grens_huur_onder": "EUR/maand",
                          "inkomensafhankelijk_extra_middel": "EUR/maand", "inkomensafhankelijk_extra_hoog": "EUR/maand"}


# Per table:
# - `kolommen`: the column types; columns not listed are kept as text. `None`-able columns may be empty.
# - `sleutel`: the key columns (with the dates: no two rows of one key valid on the same day).
# - `grenzen` (optional): bounds of a column other than the default of :func:`grens`.
# - `volledig` (optional): key columns and the values they must cover in every combination: on every date on which
#   the table has rows (dated tables), a row for each combination, else a DataFout naming the missing ones.
# - `jaarlijks` (optional): the table gets new figures every year and the calculation carries its latest rows on
#   into later years; a peildatum in a year after the year of its latest `geldig_vanaf` gets a note
#   (regels/gegevensdekking.py). Not set for the huurtoeslag: a year without its parameters is not computed at all.
# - `eenheid_per` (optional): (key column, {value: unit}): the unit the column `eenheid` must hold for each value of
#   the key column, e.g. a percentage rule in %, an amount in EUR/maand; else a DataFout with line and both units.
SCHEMAS: dict[str, dict[str, Any]] = {
    "tariffs/energiebelasting": {
        "kolommen": {"drager": str, "schijf_vanaf": float, "schijf_tot": F, "geldig_vanaf": dt.date,
                     "geldig_tot": D, "energiebelasting_excl_btw": float, "ode_excl_btw": F},
        "sleutel": ["drager", "schijf_vanaf"],
        "jaarlijks": True,
    },
    "tariffs/belastingvermindering": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "bedrag_jaar_excl_btw": float},
        "sleutel": [],
        "jaarlijks": True,
    },
    "tariffs/btw": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "btw_tarief": float, "toepassing": str},
        "sleutel": ["toepassing"],
    },
    "tariffs/energietoeslag": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "bedrag_maand_incl_btw": float, "maanden": float},
        "sleutel": [],
    },
    "tariffs/prijsplafond": {
        "kolommen": {"drager": str, "geldig_vanaf": dt.date, "geldig_tot": D, "plafondprijs_incl_btw": float,
                     "plafondvolume_jaar": float},
        "sleutel": ["drager"],
    },
    "tariffs/warmte": {
        # the ACM maximum tariffs for heat (Warmtewet, connections up to 100 kW), excl. BTW; vaste_kosten = vastrecht
        # + meettarief + huur afleverset (the parts where the source gives them; the calculation uses the sum)
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "prijs_gj_excl_btw": float,
                     "vaste_kosten_jaar_excl_btw": float, "vastrecht_jaar_excl_btw": F,
                     "meettarief_jaar_excl_btw": F, "afleverset_jaar_excl_btw": F},
        "sleutel": [],
    },
    "tariffs/leveringstarieven": {
        "kolommen": {"drager": str, "geldig_vanaf": dt.date, "geldig_tot": D, "leveringsprijs_excl_btw": float,
                     "vaste_leveringskosten_jaar_excl_btw": float},
        "sleutel": ["drager"],
        "jaarlijks": True,
    },
    "tariffs/netbeheer": {
        "kolommen": {"netbeheerder": str, "drager": str, "geldig_vanaf": dt.date, "geldig_tot": D,
                     "netbeheerkosten_jaar_excl_btw": float},
        "sleutel": ["netbeheerder", "drager"],
        "jaarlijks": True,
    },
    "tariffs/netbeheerder_gemeente": {
        "kolommen": {"gemeente": str, "drager": str, "netbeheerder": str},
        "sleutel": ["gemeente", "drager"],
    },
    "tariffs/teruglevering": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "saldering": str,
                     "minimum_vergoeding_aandeel_leveringsprijs": F, "terugleverkosten_kwh_excl_btw": F,
                     "eigen_verbruik_aandeel": F},
        "sleutel": [],
    },
    "tariffs/gemeentelijke_belastingen": {
        "kolommen": {"gemeente": str, "gemeentecode": S, "geldig_vanaf": dt.date, "geldig_tot": D,
                     "afvalstoffenheffing_eenpersoons_jaar": float, "afvalstoffenheffing_meerpersoons_jaar": float,
                     "rioolheffing_gebruiker_jaar": float, "rioolheffing_gebruiker_eenpersoons_jaar": F,
                     "rioolheffing_eigenaar_jaar": F,
                     "rioolheffing_eigenaar_pct_woz": F, "ozb_eigenaar_pct_woz": F, "methode": S,
                     "riool_verdeling": Literal["bekend", "onbekend"]},
        "sleutel": ["gemeente"],
    },
    "tariffs/waterschapsbelastingen": {
        "kolommen": {"waterschap": str, "geldig_vanaf": dt.date, "geldig_tot": D,
                     "zuiveringsheffing_per_ve_jaar": float, "watersysteemheffing_ingezetenen_jaar": float,
                     "watersysteemheffing_gebouwd_pct_woz": F},
        "sleutel": ["waterschap"],
    },
    "tariffs/gemeente_waterschap": {
        "kolommen": {"gemeente": str, "waterschap": str},
        "sleutel": ["gemeente"],
    },
    "tariffs/vergoedingentabel": {
        "kolommen": {"verhuring": str, "grootteklasse": str, "oppervlakte_vanaf_m2": float, "oppervlakte_tot_m2": F,
                     "label_voor": str, "label_na": str, "vergoeding_maand": float, "geldig_vanaf": dt.date,
                     "geldig_tot": D},
        "sleutel": ["verhuring", "oppervlakte_vanaf_m2", "label_voor", "label_na"],
    },
    "tariffs/huurregels": {
        "kolommen": {"regel": str, "geldig_vanaf": dt.date, "geldig_tot": D, "waarde": str, "eenheid": S},
        "sleutel": ["regel"],
    },
    "tariffs/huurverhoging_jaarlijks": {
        # the legal maximum annual rent increase of sociale huur per 1 July (issue 18): one row per `regel` per year,
        # the unit fixed per regel (`eenheid_per`); no `jaarlijks`: a year without rows is the caller's stated assumption
        "kolommen": {"regel": Literal[tuple(HUURVERHOGING_EENHEDEN)], "geldig_vanaf": dt.date, "geldig_tot": D,
                     "waarde": float, "eenheid": Literal["%", "EUR/maand"]},
        "sleutel": ["regel"],
        "volledig": {"regel": tuple(HUURVERHOGING_EENHEDEN)},
        "eenheid_per": ("regel", HUURVERHOGING_EENHEDEN),
    },
    "tariffs/huurregel_teksten": {
        # the user's explanation of each code of the columns huurregel and huurverhoging_vergelijking
        "kolommen": {"onderwerp": Literal["huurregel", "vergelijking"], "code": int, "tekst": S},
        "sleutel": ["onderwerp", "code"],
    },
    "tariffs/huurgrenzen": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "kwaliteitskortingsgrens": float,
                     "aftoppingsgrens_laag": float, "aftoppingsgrens_hoog": float, "maximale_huurgrens": float},
        "sleutel": [],
        "jaarlijks": True,
    },
    "tariffs/huurtoeslag": {
        "kolommen": {"jaar": int, "huishoudtype": str, "geldig_vanaf": dt.date, "geldig_tot": D, "parameter": str,
                     "waarde": float},
        "sleutel": ["huishoudtype", "parameter"],
        "grenzen": {"waarde": VRIJ},  # amounts, limits and formula constants, some negative
    },
    "tariffs/epv": {
        "kolommen": {"regime": str, "warmtevraag_vanaf_kwh_m2": float, "warmtevraag_tot_kwh_m2": F,
                     "max_epv_m2_maand": float, "geldig_vanaf": dt.date, "geldig_tot": D},
        "sleutel": ["regime", "warmtevraag_vanaf_kwh_m2"],
    },
    "tariffs/wws_energiepunten": {
        "kolommen": {"woningsoort": str, "energielabel": str, "punten": float, "geldig_vanaf": dt.date,
                     "geldig_tot": D},
        "sleutel": ["woningsoort", "energielabel"],
        "grenzen": {"punten": VRIJ},  # the worst labels give negative points
        "volledig": {"woningsoort": ("eengezins", "meergezins"), "energielabel": ENERGIELABELS},
    },
    "tariffs/wws_max_huurprijs": {
        "kolommen": {"punten": float, "max_kale_huur_maand": float, "geldig_vanaf": dt.date, "geldig_tot": D},
        "sleutel": ["punten"],
    },
    "labels/labelklassen": {
        "kolommen": {"energielabel": str, "volgorde": int, "ep2_vanaf_kwh_m2": F, "ep2_tot_kwh_m2": F},
        "sleutel": ["energielabel"],
        "volledig": {"energielabel": ENERGIELABELS},
    },
    "labels/ruimteverwarming": {
        "kolommen": {"woningtype": str, "energielabel": str, "gas_m3_per_m2": float, "aantal_woningen": F},
        "sleutel": ["woningtype", "energielabel"],
        "volledig": {"woningtype": WONINGTYPES, "energielabel": ENERGIELABELS},
    },
    "labels/tapwater_koken": {
        "kolommen": {"personen": int, "oppervlakte_vanaf_m2": float, "oppervlakte_tot_m2": F,
                     "tapwater_gas_m3": float, "koken_gas_m3": float},
        "sleutel": ["personen", "oppervlakte_vanaf_m2"],
        "volledig": {"personen": VAN_1_TOT_MAX, "oppervlakte_vanaf_m2": AANWEZIG},
    },
    "labels/elektriciteit_huishouden": {
        "kolommen": {"personen": int, "elektriciteit_kwh": float},
        "sleutel": ["personen"],
        "volledig": {"personen": VAN_1_TOT_MAX},
    },
    "labels/warmtepomp": {
        "kolommen": {"energielabel": str, "spf_warmtepomp": float, "aandeel_hybride": float, "spf_hybride": float},
        "sleutel": ["energielabel"],
        "volledig": {"energielabel": ENERGIELABELS},
    },
    "labels/woningtypes": {
        # the WWS (Besluit huurprijzen woonruimte, Bijlage I) values energy points for these two kinds apart
        "kolommen": {"woningtype": str, "woningsoort": Literal["eengezins", "meergezins"]},
        "sleutel": ["woningtype"],
        # no `volledig`: a woningtype without a row stops the calculation of a dwelling of that type (a DataFout
        # naming it, regels/huurinformatie.py), tests/test_huur.py relies on that
    },
    "labels/maatregelen": {
        # soort: insulation or not (the rent rules); verwarming_na: the heating the measure installs (one of
        # modellen.VERWARMINGEN, or ongewijzigd); via_servicekosten: ja = charged through the servicekosten, not the
        # rent; isde_regel: which ISDE scheme; vermogen_kw: standard thermal power (heat pumps' ISDE)
        "kolommen": {"maatregel": str, "omschrijving": S, "soort": Literal["isolatie", "installatie"], "eenheid": str,
                     "investering_per_eenheid": F,
                     "verwarming_na": Literal["ongewijzigd", "gasketel", "hybride_warmtepomp", "warmtepomp", "warmtenet"],
                     "via_servicekosten": Literal["ja", "nee"],
                     "isde_regel": Literal["isolatie", "warmtepomp", "vast_bedrag", "alleen_met_isolatie", "geen"],
                     "vermogen_kw": F},
        "sleutel": ["maatregel"],
    },
    "labels/maatregel_effect": {
        "kolommen": {"maatregel": str, "woningtype": str, "standaard_hoeveelheid": F,
                     "besparing_ruimteverwarming_aandeel": F, "elektriciteit_opwek_kwh_per_eenheid": F,
                     "labelstappen": F},
        "sleutel": ["maatregel", "woningtype"],
        "volledig": {"maatregel": "labels/maatregelen:maatregel", "woningtype": WONINGTYPES},
    },
    "tariffs/isde": {
        "kolommen": {"maatregel": str, "geldig_vanaf": dt.date, "geldig_tot": D, "bedrag_per_eenheid": F,
                     "bedrag_per_eenheid_dubbel": F, "minimum_hoeveelheid": F, "maximum_hoeveelheid": F,
                     "startbedrag": F, "bedrag_per_kw": F, "bonus_energielabel_a3plus": F,
                     "minimaal_aantal_maatregelen": F},
        "sleutel": ["maatregel"],
    },
    "tariffs/warmtefonds": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "inkomensgrens_nul_procent": F,
                     "rente_boven_inkomensgrens_pct": float, "minimum_lening": float, "maximum_lening": float,
                     "looptijden_jaar": str},
        "sleutel": [],
    },
    "tariffs/hypotheekruimte": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "energielabel": str,
                     "extra_leenruimte_maatregelen": float, "extra_leenruimte_aankoop": F},
        "sleutel": ["energielabel"],
    },
    "labels/co2_factoren": {
        "kolommen": {"drager": str, "kg_co2_per_eenheid": float, "eenheid": str},
        "sleutel": ["drager"],
    },
    "labels/parameters": {
        "kolommen": {"naam": str, "waarde": float, "eenheid": S},
        "sleutel": ["naam"],
        "grenzen": {"waarde": VRIJ},  # named constants of any kind: only finite
    },
    # energy poverty (regels/energiearmoede.py): dated thresholds, the label proxy of energy quality, the household
    # factor that standardises an income to one person, and the four indicators' names and approximations
    "tariffs/energiearmoede": {
        "kolommen": {"parameter": str, "geldig_vanaf": dt.date, "geldig_tot": D, "waarde": float, "eenheid": S},
        "sleutel": ["parameter"],
    },
    "labels/energiekwaliteit": {
        "kolommen": {"energielabel": str, "lage_energiekwaliteit": Literal["ja", "nee"]},
        "sleutel": ["energielabel"],
        "volledig": {"energielabel": ENERGIELABELS},
    },
    "labels/energiearmoede_huishoudfactor": {
        "kolommen": {"personen": int, "factor": float},
        "sleutel": ["personen"],
        "volledig": {"personen": VAN_1_TOT_MAX},
    },
    # the energiecoach's behaviour and small measures (regels/energiecoach.py): the effect per unit of its base
    "labels/gedrag": {
        "kolommen": {"maatregel": str, "volgorde": int, "omschrijving": str,
                     "drager": Literal["gas", "elektriciteit"],
                     "grondslag": Literal["ruimteverwarming_aandeel", "m3_per_persoon", "kwh_per_eenheid"],
                     "effect": float, "eenheid": str, "standaard_hoeveelheid": float},
        "sleutel": ["maatregel"],
    },
    "labels/energiearmoede_indicatoren": {
        "kolommen": {"indicator": str, "volgorde": int, "naam": str, "definitie": str, "benadering": str},
        "sleutel": ["indicator"],
    },
}
