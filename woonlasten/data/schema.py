"""The column types, keys and statuses of every data table in tariffs/ and labels/."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

STATUSSEN = ("bevestigd", "afgeleid", "schatting", "voorstel")


F = Optional[float]


S = Optional[str]


D = Optional[dt.date]


# Column types per table; columns not listed are kept as text. `None`-able columns may be empty.
# `verplicht` lists the columns that must be filled on every row.
SCHEMAS: dict[str, dict[str, Any]] = {
    "tariffs/energiebelasting": {
        "kolommen": {"drager": str, "schijf_vanaf": float, "schijf_tot": F, "geldig_vanaf": dt.date,
                     "geldig_tot": D, "energiebelasting_excl_btw": float, "ode_excl_btw": F},
        "sleutel": ["drager", "schijf_vanaf"],
    },
    "tariffs/belastingvermindering": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "bedrag_jaar_excl_btw": float},
        "sleutel": [],
    },
    "tariffs/btw": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "btw_tarief": float, "toepassing": str},
        "sleutel": ["toepassing"],
    },
    "tariffs/prijsplafond": {
        "kolommen": {"drager": str, "geldig_vanaf": dt.date, "geldig_tot": D, "plafondprijs_incl_btw": float,
                     "plafondvolume_jaar": float},
        "sleutel": ["drager"],
    },
    "tariffs/leveringstarieven": {
        "kolommen": {"drager": str, "geldig_vanaf": dt.date, "geldig_tot": D, "leveringsprijs_excl_btw": float,
                     "vaste_leveringskosten_jaar_excl_btw": float},
        "sleutel": ["drager"],
    },
    "tariffs/netbeheer": {
        "kolommen": {"netbeheerder": str, "drager": str, "geldig_vanaf": dt.date, "geldig_tot": D,
                     "netbeheerkosten_jaar_excl_btw": float},
        "sleutel": ["netbeheerder", "drager"],
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
                     "rioolheffing_gebruiker_jaar": float, "rioolheffing_eigenaar_jaar": F,
                     "rioolheffing_eigenaar_pct_woz": F, "ozb_eigenaar_pct_woz": F, "methode": S},
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
    "tariffs/huurregel_teksten": {
        # the user's explanation of each code of the columns huurregel and huurverhoging_vergelijking
        "kolommen": {"onderwerp": Literal["huurregel", "vergelijking"], "code": int, "tekst": S},
        "sleutel": ["onderwerp", "code"],
    },
    "tariffs/huurgrenzen": {
        "kolommen": {"geldig_vanaf": dt.date, "geldig_tot": D, "kwaliteitskortingsgrens": float,
                     "aftoppingsgrens_laag": float, "aftoppingsgrens_hoog": float, "maximale_huurgrens": float},
        "sleutel": [],
    },
    "tariffs/huurtoeslag": {
        "kolommen": {"jaar": int, "huishoudtype": str, "geldig_vanaf": dt.date, "geldig_tot": D, "parameter": str,
                     "waarde": float},
        "sleutel": ["huishoudtype", "parameter"],
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
    },
    "tariffs/wws_max_huurprijs": {
        "kolommen": {"punten": float, "max_kale_huur_maand": float, "geldig_vanaf": dt.date, "geldig_tot": D},
        "sleutel": ["punten"],
    },
    "labels/labelklassen": {
        "kolommen": {"energielabel": str, "volgorde": int, "ep2_vanaf_kwh_m2": F, "ep2_tot_kwh_m2": F},
        "sleutel": ["energielabel"],
    },
    "labels/ruimteverwarming": {
        "kolommen": {"woningtype": str, "energielabel": str, "gas_m3_per_m2": float, "aantal_woningen": F},
        "sleutel": ["woningtype", "energielabel"],
    },
    "labels/tapwater_koken": {
        "kolommen": {"personen": int, "oppervlakte_vanaf_m2": float, "oppervlakte_tot_m2": F,
                     "tapwater_gas_m3": float, "koken_gas_m3": float},
        "sleutel": ["personen", "oppervlakte_vanaf_m2"],
    },
    "labels/elektriciteit_huishouden": {
        "kolommen": {"personen": int, "elektriciteit_kwh": float},
        "sleutel": ["personen"],
    },
    "labels/warmtepomp": {
        "kolommen": {"energielabel": str, "spf_warmtepomp": float, "aandeel_hybride": float, "spf_hybride": float},
        "sleutel": ["energielabel"],
    },
    "labels/woningtypes": {
        # the WWS (Besluit huurprijzen woonruimte, Bijlage I) values energy points for these two kinds apart
        "kolommen": {"woningtype": str, "woningsoort": Literal["eengezins", "meergezins"]},
        "sleutel": ["woningtype"],
    },
    "labels/maatregelen": {
        # soort: insulation or not (the rent rules); verwarming_na: the heating the measure installs (one of
        # modellen.VERWARMINGEN, or ongewijzigd); via_servicekosten: ja = charged through the servicekosten, not the
        # rent; isde_regel: which ISDE scheme; vermogen_kw: standard thermal power (heat pumps' ISDE)
        "kolommen": {"maatregel": str, "omschrijving": S, "soort": Literal["isolatie", "installatie"], "eenheid": str,
                     "investering_per_eenheid": F,
                     "verwarming_na": Literal["ongewijzigd", "gasketel", "hybride_warmtepomp", "warmtepomp"],
                     "via_servicekosten": Literal["ja", "nee"],
                     "isde_regel": Literal["isolatie", "warmtepomp", "alleen_met_isolatie", "geen"],
                     "vermogen_kw": F},
        "sleutel": ["maatregel"],
    },
    "labels/maatregel_effect": {
        "kolommen": {"maatregel": str, "woningtype": str, "standaard_hoeveelheid": F,
                     "besparing_ruimteverwarming_aandeel": F, "elektriciteit_opwek_kwh_per_eenheid": F,
                     "labelstappen": F},
        "sleutel": ["maatregel", "woningtype"],
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
    },
}
