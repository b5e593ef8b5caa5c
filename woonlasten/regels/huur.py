"""The rent a tenant pays before and after [€/maand]: kale huur + servicekosten, plus after the upgrade the rent
increase (given, or what the rules of the date allow: :mod:`woonlasten.regels.huurverhoging`) and the solar-panel
servicekosten. An owner pays no rent."""

from __future__ import annotations

import numpy as np

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import categorisch
from woonlasten.rekenen.regel import Regel
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad


def huur(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``{voor,na}_huur_{kale_huur,servicekosten,huurverhoging}`` [€/maand] and where the increase came from
    (``huurverhoging_herkomst``: regels / opgegeven)."""
    huurder = f["_huurder"]
    gegeven = ~np.isnan(f["huurverhoging"])
    verhoging = np.where(gegeven, f["huurverhoging"], f["huurverhoging_regels"])
    f["huurverhoging_herkomst"] = categorisch(gegeven.astype(np.int8), ("regels", "opgegeven"))
    servicekosten_na = f["servicekosten"] + f["zon_servicekosten"]
    for s in SITUATIES:
        f[f"{s}_huur_kale_huur"] = np.where(huurder, f["kale_huur"], 0.0)
        f[f"{s}_huur_servicekosten"] = np.where(huurder, f["servicekosten"] if s == "voor" else servicekosten_na, 0.0)
        f[f"{s}_huur_huurverhoging"] = np.where(huurder, verhoging, 0.0) if s == "na" else np.zeros(f.n)


VOLGORDE = 55

REGELS = (
    Regel(
        "huur", huur,
        leest=("_huurder", "huurverhoging", "huurverhoging_regels", "servicekosten", "zon_servicekosten",
               "kale_huur"),
        schrijft=("huurverhoging_herkomst", "{s}_huur_kale_huur", "{s}_huur_servicekosten", "{s}_huur_huurverhoging"),
    ),
)
