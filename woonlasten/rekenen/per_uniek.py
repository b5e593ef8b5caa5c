"""Per-combination evaluation: a rule run once per distinct combination of its key columns, spread back to the rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import categorisch
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad


def _neem(kol, index: np.ndarray):
    """Rows ``index`` of a column (array, Categorical or 0-d value)."""
    if isinstance(kol, pd.Categorical):
        return kol.take(index)
    if np.ndim(kol) == 0:
        return kol
    return kol[index]


def _spreid(waarde, terug: np.ndarray):
    """A column of the distinct combinations spread back to the rows; a column with one value for every
    combination becomes a read-only view of that value (no million-element copy)."""
    if isinstance(waarde, np.ndarray) and waarde.ndim == 1 and len(waarde) and waarde.dtype.kind in "biuf":
        if (waarde == waarde[0]).all() or (waarde.dtype.kind == "f" and np.isnan(waarde).all()):
            return np.broadcast_to(waarde[:1], (len(terug),))
    return _neem(waarde, terug)


def _sleutelcode(kol) -> np.ndarray:
    """Integer code per row of a key column: Categorical codes; for numbers their NaN-ness."""
    if isinstance(kol, pd.Categorical):
        return kol.codes.astype(np.int64)
    if kol.dtype.kind == "b":
        return kol.astype(np.int64)
    if kol.dtype.kind == "f":
        return np.isnan(kol).astype(np.int64)
    return pd.factorize(kol)[0].astype(np.int64)


HERHALING = 4  # per_uniek computes per combination when the rows repeat at least this often on average


def _combinaties(f: Rekenblad, sleutels: tuple[str, ...]) -> tuple[np.ndarray, int]:
    """The number of each row's combination of the ``sleutels`` columns (0, 1, … in order of first appearance
    for a small key space) and the number of combinations."""
    code = np.zeros(f.n, dtype=np.int64)
    ruimte = 1
    for kol in sleutels:
        c = _sleutelcode(f[kol])
        breedte = int(c.max()) + 2 if len(c) else 1
        code = code * breedte + (c + 1)
        ruimte *= breedte
    if ruimte <= 1_000_000:  # a small key space: a direct lookup array, no hashing of the rows
        aanwezig = np.flatnonzero(np.bincount(code, minlength=ruimte))
        nummer = np.full(ruimte, -1, dtype=np.int64)
        nummer[aanwezig] = np.arange(len(aanwezig))
        return nummer[code], len(aanwezig)
    terug, uniek = pd.factorize(code)  # hashing, not sorting: linear in the rows
    return terug, len(uniek)


def combinatie_codes(f: Rekenblad, sleutels: tuple[str, ...]) -> np.ndarray:
    """The number of each row's combination of the ``sleutels`` columns (see :func:`per_uniek`)."""
    return _combinaties(f, sleutels)[0]


def per_uniek(functie, sleutels: tuple[str, ...], code_kolom: str | None = None, altijd: bool = False):
    """Run a stage once per distinct combination of the ``sleutels`` columns and spread the new columns back.

    The stage is the same function, applied to a small Rekenblad of the distinct rows: one calculation path, but
    a million rows with a handful of distinct (type, label, measures) cost a handful of rows. A numeric key counts
    only by being given or not; the stage must read no other column that varies within a combination.
    ``code_kolom``: also store the number of each row's combination there (a Categorical), a key for a later
    stage that depends on the same columns. ``altijd``: per combination even when the rows hardly repeat (a check
    compares it with the run on every row)."""

    def uitvoeren(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
        terug, aantal = _combinaties(f, sleutels)
        if code_kolom is not None:
            f[code_kolom] = categorisch(terug, pd.RangeIndex(aantal))
        if aantal * HERHALING > f.n and not altijd:  # little repetition: run directly
            functie(f, t, fouten)
            return
        eerste = np.zeros(aantal, dtype=np.int64)
        eerste[terug[::-1]] = np.arange(f.n - 1, -1, -1)  # first row of each combination
        klein = f.nieuw(pd.RangeIndex(aantal))
        for kol, waarde in f.items():
            klein[kol] = _neem(waarde, eerste)
        klein_fouten = Fouten(aantal)
        bestaand = set(f)
        functie(klein, t, klein_fouten)
        for kol, waarde in klein.items():
            if kol not in bestaand:
                f[kol] = _spreid(waarde, terug)
        if klein_fouten.fout.any():
            melding = klein_fouten.melding[terug]
            fouten.zet(klein_fouten.fout[terug], lambda m: melding[m])

    uitvoeren.__doc__ = functie.__doc__
    return uitvoeren
