"""Tax brackets: the brackets of a table valid on each row's date."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.rekenen.rekenblad import vul


def schijven_op_datum(tabel, drager: str, peildatum: pd.Categorical) -> list[dict[str, np.ndarray]]:
    """The tax brackets valid on each row's date: a list (1st, 2nd, … bracket) of aligned values
    ``schijf_vanaf``, ``schijf_tot`` (inf = open), ``energiebelasting_excl_btw``, ``ode_excl_btw``, ``_rij``
    (0-d values when all rows share one date)."""
    codes, uniek = peildatum.codes, peildatum.categories
    if len(uniek) == 1 and (codes >= 0).all():  # the same brackets for every row: remembered per carrier and date
        schijven = tabel.afgeleid(("schijven", drager, pd.Timestamp(uniek[0])),
                                  lambda _: _schijven_bepaald(tabel, drager, codes, uniek, True))
        return [dict(s) for s in schijven]
    return _schijven_bepaald(tabel, drager, codes, uniek, False)


def _schijven_bepaald(tabel, drager: str, codes: np.ndarray, uniek: pd.Index, een_datum: bool) -> list[dict]:
    """:func:`schijven` without the memory."""
    per_datum = []
    for d in uniek:
        rijen = tabel.geldig_op(d)
        per_datum.append(rijen[rijen["drager"] == drager].sort_values("schijf_vanaf"))
    kolommen = ["schijf_vanaf", "schijf_tot", "energiebelasting_excl_btw", "ode_excl_btw", "_rij"]
    uit = []
    for k in range(max((len(r) for r in per_datum), default=0)):
        if een_datum:
            arr = {c: np.float64(per_datum[0][c].iloc[k]) for c in kolommen}
        else:  # each date's value taken for its rows (a row without a date, code -1: the NaN at the end)
            plek = np.where(np.asarray(codes) >= 0, codes, len(per_datum))
            arr = {c: np.array([float(r[c].iloc[k]) if len(r) > k else np.nan for r in per_datum] + [np.nan])[plek]
                   for c in kolommen}
        arr["ode_excl_btw"] = vul(arr["ode_excl_btw"], 0.0)
        arr["schijf_tot"] = vul(arr["schijf_tot"], np.inf)
        uit.append(arr)
    if not uit:
        uit.append({"schijf_vanaf": np.float64(np.nan), "schijf_tot": np.float64(np.nan),
                    "energiebelasting_excl_btw": np.float64(np.nan), "ode_excl_btw": np.float64(0.0),
                    "_rij": np.float64(np.nan)})
    return uit
