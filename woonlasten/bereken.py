"""The one calculation path: the input normalised, the rules in order, errors masked, output pruned."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen, laad_tabellen
from woonlasten.data.opzoeken import categorisch
from woonlasten.formatteer import centen
from woonlasten.modellen import RESULTAAT_DELEN
from woonlasten.rekenen.invoer import normaliseer
from woonlasten.rekenen.regel import nodig_voor, voer_uit
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad, is_gelijk

CONTROLE = os.environ.get("WOONLASTEN_CONTROLE", "").lower() in ("1", "ja", "aan")  # check every rule's declaration


_NEUTRAAL = np.array([None, False, True], dtype=object)  # woonlastenneutraal: unknown, no, yes


def _neutraal(verschil: np.ndarray) -> np.ndarray:
    """woonlastenneutraal per row from the change in woonlasten [€/maand]: True when the change rounds to € 0,00 or
    less, as it is shown (half a cent more shows as +€ 0,01 and is not neutral), False above, None where the change
    is unknown (NaN)."""
    with np.errstate(invalid="ignore"):
        code = (centen(verschil) <= 0).astype(np.int8) + np.int8(1)
    code[np.isnan(verschil)] = 0
    return _NEUTRAAL[code]


def bereken_frame(invoer: pd.DataFrame, tabellen: Tabellen | None = None,
                  uitvoer: list[str] | None = None, zonder_ingreep: str = "leeg") -> pd.DataFrame:
    """Compute woonlasten before and after for every row of ``invoer`` (see :data:`INVOER_KOLOMMEN`).

    Returns a new frame with the input columns (normalised), intermediate columns, result columns
    ``{voor,na,verschil}_<deel>`` [€/maand], ``woonlastenneutraal``, ``status`` and ``melding``;
    with ``uitvoer``, only those columns (a portfolio needs a few dozen of the ~140). A row without an upgrade has
    no after-situation: ``zonder_ingreep="leeg"`` leaves its na and verschil columns NaN; ``"gelijk"`` reports it
    unchanged (na = voor, verschil 0), as a portfolio does for dwellings already at the target.
    """
    return bereken_kolommen(invoer, tabellen, uitvoer, zonder_ingreep).frame()


def bereken_kolommen(invoer: pd.DataFrame, tabellen: Tabellen | None = None,
                     uitvoer: list[str] | None = None, zonder_ingreep: str = "leeg",
                     controle: bool = CONTROLE, alleen_nodig: bool = False) -> Rekenblad:
    """:func:`bereken_frame` without building the DataFrame: the columns as arrays (a large portfolio joins the
    arrays of its blocks itself and builds one frame at the end). The rules run in the order their declarations
    give (:mod:`woonlasten.rekenen.regel`); with ``controle`` (or ``WOONLASTEN_CONTROLE=1``) each rule is checked
    against its declaration. ``alleen_nodig``: only the rules ``uitvoer`` needs (:func:`nodig_voor`): a part of
    the result, without the total and the verdict unless asked, and without the other rules' checks."""
    t = tabellen or laad_tabellen()
    if not invoer.index.is_unique:
        invoer = invoer.reset_index(drop=True)
    fouten = Fouten(len(invoer))
    f = normaliseer(invoer, fouten)
    for regel in nodig_voor(uitvoer, alleen_nodig and uitvoer is not None):
        voer_uit(regel, f, t, fouten, controle=controle)
    zonder = ~f["heeft_ingreep"]
    if zonder_ingreep not in ("leeg", "gelijk"):
        raise ValueError(f"zonder_ingreep: 'leeg' of 'gelijk', niet {zonder_ingreep!r}")
    gelijk = zonder & ~fouten.fout if zonder_ingreep == "gelijk" else np.zeros(f.n, dtype=bool)
    leeg_voor, leeg_na = fouten.fout, fouten.fout | (zonder & ~gelijk)
    maskeer_voor, maskeer_na, gelijk_maken = bool(leeg_voor.any()), bool(leeg_na.any()), bool(gelijk.any())

    def gevraagd(*kolommen: str) -> bool:
        return uitvoer is None or any(k in uitvoer for k in kolommen)

    def na_van(deel: str) -> np.ndarray:
        return np.where(gelijk, f[f"voor_{deel}"], f[f"na_{deel}"]) if gelijk_maken else f[f"na_{deel}"]

    for deel in RESULTAAT_DELEN:
        if uitvoer is not None and not any(f"{s}_{deel}" in uitvoer for s in ("voor", "na", "verschil")):
            continue  # a part the caller does not ask for
        f[f"na_{deel}"] = na_van(deel)
        verschil = f[f"na_{deel}"] - f[f"voor_{deel}"]  # a new array (exactly 0 where reported unchanged)
        if maskeer_voor:
            f[f"voor_{deel}"] = np.where(leeg_voor, np.nan, f[f"voor_{deel}"])
        if maskeer_na:  # the na and voor arrays may be one array (the same amount before and after): not in place
            f[f"na_{deel}"] = np.where(leeg_na, np.nan, f[f"na_{deel}"])
            verschil[leeg_na] = np.nan
        f[f"verschil_{deel}"] = verschil
    for deel in ("totaal", "totaal_netto"):  # verschil_totaal decides woonlastenneutraal: always (unless a part)
        if f"verschil_{deel}" not in f and f"voor_{deel}" in f and (deel == "totaal" or gevraagd(
                "woonlastenneutraal_netto")):
            f[f"verschil_{deel}"] = np.where(leeg_na, np.nan, na_van(deel) - f[f"voor_{deel}"])
    if "verschil_totaal" in f:
        f["woonlastenneutraal"] = _neutraal(f["verschil_totaal"])
    # principle 7: the estimate's band. Estimated use scatters ±onzekerheid around the measured averages, and the
    # energy difference with it; with the household's own use of its heat source (gas m³ with a gas connection,
    # GJ on a heat network) the level is measured (no band). A gas figure (0) of a home without gas measures nothing.
    if gevraagd("verschil_totaal_laag", "verschil_totaal_hoog", "bandbreedte_verbruik"):
        # own use of the carrier that heats the home: gas m³ with a gas connection, GJ on the warmtenet, kWh for an
        # all-electric heat pump
        eigen = np.where(f["voor_gasaansluiting"], ~np.isnan(f["gas_m3"]),
                         np.where(is_gelijk(f["verwarming"], "warmtenet"), ~np.isnan(f["warmte_gj"]),
                                  ~np.isnan(f["elektriciteit_kwh"])))
        band = np.where(eigen, 0.0, t.parameter("onzekerheid_verbruik_schatting"))
        spreiding = np.abs(na_van("energie_totaal") - f["voor_energie_totaal"]) * band
        f["verschil_totaal_laag"] = f["verschil_totaal"] - spreiding
        f["verschil_totaal_hoog"] = f["verschil_totaal"] + spreiding
        f["bandbreedte_verbruik"] = band
    if gevraagd("woonlastenneutraal_netto"):
        f["woonlastenneutraal_netto"] = _neutraal(f["verschil_totaal_netto"])
    f["status"] = categorisch(fouten.fout.astype(np.int8), ("ok", "fout"))
    f["melding"] = fouten.meldingen()
    if uitvoer is not None:
        for kol in [k for k in f if k not in uitvoer]:
            del f[kol]
    return f
