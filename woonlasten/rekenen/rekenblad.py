"""The sheet of columns under calculation and the errors per row: the engine's data structures, no domain rules."""

from __future__ import annotations

from typing import Callable, Union

import numpy as np
import pandas as pd

MAANDEN_PER_JAAR = 12


SITUATIES = ("voor", "na")


Kolom = Union[np.ndarray, pd.Categorical]


class Rekenblad(dict):
    """The columns under calculation (numpy arrays and Categoricals of one length ``n``), assembled into a
    DataFrame once at the end."""

    def __init__(self, index: pd.Index):
        super().__init__()
        self.index = index
        self.n = len(index)

    def __setitem__(self, kol, waarde) -> None:
        if type(waarde) is np.ndarray and waarde.ndim == 1:  # the common case, checked first
            super().__setitem__(kol, waarde)
            return
        if isinstance(waarde, pd.Series):
            waarde = waarde.array if isinstance(waarde.dtype, pd.CategoricalDtype) else waarde.to_numpy()
        elif np.ndim(waarde) == 0 and not isinstance(waarde, pd.Categorical):
            waarde = np.broadcast_to(np.asarray(waarde), (self.n,))  # one value for every row: a read-only view
        super().__setitem__(kol, waarde)

    def nieuw(self, index: pd.Index) -> "Rekenblad":
        """An empty sheet of the same kind for other rows (a per-combination run)."""
        return type(self)(index)

    def frame(self) -> pd.DataFrame:
        """The columns as a DataFrame (one value for every row becomes a real, writable column)."""
        return pd.DataFrame({k: v.copy() if isinstance(v, np.ndarray) and not v.flags.writeable else v
                             for k, v in self.items()}, index=self.index, copy=False)


class Fouten:
    """The first Dutch error message per row. Messages are built only for the rows concerned, so a clean
    million-row portfolio pays nothing for them."""

    def __init__(self, n: int):
        self.fout = np.zeros(n, dtype=bool)
        self._melding: np.ndarray | None = None  # made at the first error: text objects cost even when empty

    @property
    def melding(self) -> np.ndarray:
        """The message per row ('' where none) as an object array."""
        if self._melding is None:
            self._melding = np.full(len(self.fout), "", dtype=object)
        return self._melding

    def zet(self, masker: np.ndarray, tekst: Union[str, Callable[[np.ndarray], object]]) -> None:
        """``tekst``: a string, or a function of the boolean row mask returning the messages for those rows."""
        nieuw = np.broadcast_to(np.asarray(masker, dtype=bool), self.fout.shape) & ~self.fout
        if not nieuw.any():
            return
        waarde = tekst(nieuw) if callable(tekst) else tekst
        self.melding[nieuw] = np.asarray(waarde, dtype=object) if np.ndim(waarde) else waarde
        self.fout |= nieuw

    def meldingen(self) -> np.ndarray:
        """The ``melding`` column: one empty text for every row (a read-only view) when no row has an error."""
        return np.broadcast_to(_GEEN_MELDING, self.fout.shape) if self._melding is None else self.melding.copy()


_GEEN_MELDING = np.array("", dtype=object)


def tekst_van(kol: Kolom, m: np.ndarray) -> np.ndarray:
    """The values of a column at mask ``m`` as text (for messages)."""
    if isinstance(kol, np.ndarray) and kol.dtype.kind == "M":
        return np.datetime_as_string(kol[m].astype("datetime64[D]")).astype(object)
    return np.array([str(x) if x is not None and x == x else "" for x in np.asarray(kol, dtype=object)[m]],
                    dtype=object)


def met_waarde(voor: str, kol: Kolom, na: str = "") -> Callable[[np.ndarray], np.ndarray]:
    """A message builder for :meth:`Fouten.zet`: ``voor + value + na`` for the rows concerned only."""
    return lambda m: np.array([voor + w[:40] + na for w in tekst_van(kol, m)], dtype=object)


def vul(a: np.ndarray, waarde) -> np.ndarray:
    """``a`` with NaN replaced by ``waarde`` (a number or an array); ``a`` itself when it has no NaN (columns are
    never changed in place)."""
    leeg = np.isnan(a)
    if not leeg.any() and np.shape(a) == np.broadcast_shapes(np.shape(a), np.shape(waarde)):
        return a
    return np.where(leeg, waarde, a)


def categorie(kol: Kolom) -> pd.Categorical:
    return kol if isinstance(kol, pd.Categorical) else pd.Categorical(kol)


def is_gelijk(kol: Kolom, waarde: str) -> np.ndarray:
    """Boolean mask: column equals ``waarde`` (fast on Categoricals)."""
    if isinstance(kol, pd.Categorical):
        if waarde not in kol.categories:
            return np.zeros(len(kol), dtype=bool)
        return kol.codes == kol.categories.get_loc(waarde)
    return np.asarray(kol == waarde, dtype=bool)


def gevuld(kol: Kolom) -> np.ndarray:
    if isinstance(kol, pd.Categorical):
        return kol.codes >= 0
    if kol.dtype.kind == "f":
        return ~np.isnan(kol)
    return ~pd.isna(kol)


def eigen_of_standaard(eigen: np.ndarray, standaard):
    """The household's own value where given, else the standard; the standard as it is (often one value for all
    rows, so the arithmetic on it stays scalar) when no row gives its own."""
    return standaard if np.isnan(eigen).all() else vul(eigen, standaard)
