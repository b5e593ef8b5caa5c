"""Column-wise lookups in the data tables: the row valid on each row's date with matching keys, classes, Categoricals."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Union

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabel, sleutel_tekst

Sleutel = Union[str, np.ndarray, pd.Categorical, pd.Series]


def zoek(
    tabel: Tabel,
    peildatum: Any,
    sleutels: dict[str, Sleutel] | None = None,
    kolommen: list[str] | None = None,
    terugval: bool = False,
    n: int | None = None,
) -> dict[str, np.ndarray]:
    """Look up, for every row, the table row valid on its peildatum with matching keys.

    ``peildatum``: a datetime64 array (one date per row), one date, or None (undated tables). ``sleutels``: per key
    column an array, a pandas Categorical (fast: matched on its codes) or one value for all rows. Returns a dict of
    numpy arrays aligned with the rows (a text column as a pandas Categorical): ``kolommen`` plus ``_rij`` (source
    line, -1 where nothing matched; the values are then NaN/missing) and ``_terugval``. With ``terugval``, a key
    that has rows but none valid on the date takes the row nearest in time. The table is filtered once per distinct
    date and keys are matched per distinct combination, so a million rows with a handful of dates and keys cost a
    handful of lookups.
    """
    sleutels = sleutels or {}
    kolommen = list(kolommen or [])
    lengtes = [len(v) for v in list(sleutels.values()) + [peildatum] if v is not None and np.ndim(v) == 1]
    n = lengtes[0] if lengtes else (n or 1)
    constant = _constante_treffer(tabel, peildatum, sleutels, kolommen, terugval)
    if constant is not None:
        return constant
    uit: dict[str, np.ndarray] = {}
    tekst = {k for k in kolommen if tabel.frame[k].dtype == object}  # gathered as codes, returned as Categoricals

    def leeg(k: str) -> np.ndarray:
        return np.full(n, -1, dtype=np.int64) if k == "_rij" or k in tekst else np.full(n, np.nan)

    def bron(rijen: pd.DataFrame, k: str) -> np.ndarray:
        return tabel.tekstcodes(rijen, k)[0] if k in tekst else rijen[k].to_numpy()

    if tabel.gedateerd and isinstance(peildatum, pd.Categorical):
        codes, uniek = peildatum.codes, list(peildatum.categories)
    elif tabel.gedateerd and peildatum is not None and np.ndim(peildatum) == 1:
        codes, uniek = pd.factorize(np.asarray(peildatum, dtype="datetime64[ns]"))
    else:
        codes, uniek = np.zeros(n, dtype=np.int64), [peildatum if tabel.gedateerd else None]
    alle_rijen = len(uniek) == 1 and bool((np.asarray(codes) >= 0).all())
    for c, datum in enumerate(uniek):
        rijen = tabel.geldig_op(datum) if datum is not None else tabel.frame
        if rijen.empty:
            continue
        if alle_rijen:  # one date for every row: no position bookkeeping
            treffer = _match(rijen, sleutels, None, tabel) if sleutels else np.full(n, len(rijen) - 1)
            gevonden = treffer >= 0
            alles = bool(gevonden.all())
            positie = treffer if alles else np.maximum(treffer, 0)
            for k in kolommen + ["_rij"]:
                waarden = bron(rijen, k)[positie]
                uit[k] = waarden if alles else np.where(gevonden, waarden, leeg(k))
            continue
        positie = np.flatnonzero(codes == c)
        if len(positie) == 0:
            continue
        treffer = _match(rijen, sleutels, positie, tabel) if sleutels else np.full(len(positie), len(rijen) - 1)
        gevonden = treffer >= 0
        doel = positie[gevonden]
        for k in kolommen + ["_rij"]:
            if k not in uit:
                uit[k] = leeg(k)
            uit[k][doel] = bron(rijen, k)[treffer[gevonden]]
    for k in kolommen + ["_rij"]:
        if k not in uit:
            uit[k] = leeg(k)
    terug = np.zeros(n, dtype=bool)
    if terugval and tabel.gedateerd and sleutels and peildatum is not None:
        mis = np.flatnonzero(uit["_rij"] < 0)
        if len(mis):
            datums = np.asarray(peildatum, dtype="datetime64[ns]")
            datums = datums[mis] if datums.ndim else np.full(len(mis), datums)
            dichtst = _dichtstbij(tabel, datums, {k: _waarden(s, mis) for k, s in sleutels.items()})
            gevonden = dichtst >= 0
            for k in kolommen + ["_rij"]:
                uit[k][mis[gevonden]] = bron(tabel.frame, k)[dichtst[gevonden]]
            terug[mis[gevonden]] = True
    for k in tekst:
        uit[k] = categorisch(uit[k], tabel.tekstcodes(tabel.frame, k)[1])
    uit["_terugval"] = terug
    return uit


def klasse(waarden: np.ndarray, grenzen: np.ndarray, side: str = "right") -> pd.Categorical:
    """The class of each value: the largest of the sorted ``grenzen`` at or below it (``side="left"``: strictly
    below), the lowest class below the first limit, as a Categorical over ``grenzen`` for use as a lookup key."""
    i = np.searchsorted(grenzen, np.nan_to_num(waarden), side=side)
    i -= 1
    np.maximum(i, 0, out=i)
    return categorisch(i, grenzen)


@lru_cache(maxsize=256)
def _soort(categorieen: tuple, _soorten: tuple) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(categorieen))


def categorisch(codes: np.ndarray, categorieen) -> pd.Categorical:
    """A Categorical from codes (-1 = missing); the dtype of a short list of categories is built once (keyed on the
    values and their types: 0 and 0.0 are different categories). pandas still checks the codes: a code outside the
    categories (a table with a gap in its order, no class limits) raises ValueError instead of a broken column."""
    if len(categorieen) <= 1000:
        waarden = tuple(categorieen)
        soort = _soort(waarden, tuple(type(w) for w in waarden))
    else:
        soort = pd.CategoricalDtype(categorieen)
    return pd.Categorical.from_codes(codes, dtype=soort)


def _constante_treffer(tabel: Tabel, peildatum: Any, sleutels: dict, kolommen: list[str], terugval: bool):
    """Fast path: one date (or an undated table) and only constant keys give the same row for every row; return
    0-d values that broadcast, instead of million-element arrays. None when the fast path does not apply."""
    if any(np.ndim(v) or isinstance(v, (pd.Categorical, pd.Series)) for v in sleutels.values()):
        return None
    datum = None
    if tabel.gedateerd and peildatum is not None:
        if isinstance(peildatum, pd.Categorical):
            if len(peildatum.categories) != 1 or (peildatum.codes < 0).any():
                return None
            datum = pd.Timestamp(peildatum.categories[0])
        elif np.ndim(peildatum) == 0:
            datum = pd.Timestamp(peildatum)
        else:
            return None
    # remembered per date, keys and columns: a portfolio asks the same dozens of times per block, and the pandas
    # work of one answer costs more than the arithmetic on a block (the values are read-only scalars)
    sleutel = ("constant", datum, tuple((k, sleutel_tekst(v)) for k, v in sleutels.items()), tuple(kolommen), terugval)
    uit = tabel.afgeleid(sleutel, lambda _: _constante_rij(tabel, datum, sleutels, kolommen, terugval))
    return None if uit is None else dict(uit)


def _constante_rij(tabel: Tabel, datum: pd.Timestamp | None, sleutels: dict, kolommen: list[str], terugval: bool):
    """:func:`_constante_treffer` without the memory."""
    rijen = tabel.geldig_op(datum) if datum is not None else tabel.frame
    if sleutels:
        i = tabel.sleutelindex(rijen, tuple(sleutels)).get(tuple(sleutel_tekst(v) for v in sleutels.values()))
        rijen = rijen.iloc[[]] if i is None else rijen.iloc[[i]]
    uit: dict[str, Any] = {}
    if rijen.empty:
        if terugval:
            return None
        for k in kolommen:
            uit[k] = np.array(None, dtype=object) if tabel.frame[k].dtype == object else np.float64(np.nan)
            if isinstance(uit[k], np.ndarray):
                uit[k].flags.writeable = False
        uit["_rij"] = np.int64(-1)
    else:
        rij = rijen.iloc[-1]
        for k in kolommen:
            if tabel.frame[k].dtype == object:
                uit[k] = np.array(rij[k], dtype=object)
                uit[k].flags.writeable = False
            else:
                uit[k] = np.float64(rij[k])
        uit["_rij"] = np.int64(rij["_rij"])
    uit["_terugval"] = np.False_
    return uit


def _waarden(sleutel: Sleutel, positie: np.ndarray) -> np.ndarray:
    """The key values at ``positie`` as an object array."""
    if isinstance(sleutel, (pd.Categorical, pd.Series)) or np.ndim(sleutel) == 1:
        return np.asarray(sleutel, dtype=object)[positie]
    return np.full(len(positie), sleutel, dtype=object)


def _codes(sleutel: Sleutel, positie: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values) of a key at ``positie`` (None = all rows); a missing value gets a code that maps
    to None. Categoricals use their codes; small whole numbers are coded directly (no hashing)."""
    if isinstance(sleutel, pd.Series):
        sleutel = sleutel.array if isinstance(sleutel.dtype, pd.CategoricalDtype) else sleutel.to_numpy()
    if isinstance(sleutel, pd.Categorical):
        codes = sleutel.codes if positie is None else sleutel.codes[positie]
        uniek = np.append(np.asarray(sleutel.categories, dtype=object), None)
        codes = codes.astype(np.int64)
        if codes.min(initial=0) < 0:
            codes[codes < 0] = len(uniek) - 1
        return codes, uniek
    if np.ndim(sleutel) == 0:
        lengte = len(positie) if positie is not None else 1
        return np.zeros(lengte, dtype=np.int64), np.array([sleutel], dtype=object)
    waarden = np.asarray(sleutel) if positie is None else np.asarray(sleutel)[positie]
    if waarden.dtype.kind in "fiu" and len(waarden):
        leeg = np.isnan(waarden) if waarden.dtype.kind == "f" else np.zeros(len(waarden), dtype=bool)
        if not leeg.all():
            laag, hoog = np.nanmin(waarden), np.nanmax(waarden)
            heel = waarden[~leeg]
            if hoog - laag < 100_000 and np.array_equal(heel, np.floor(heel)):
                codes = np.where(leeg, int(hoog - laag) + 1, np.nan_to_num(waarden - laag)).astype(np.int64)
                uniek = np.append(np.arange(int(laag), int(hoog) + 1).astype(object), None)
                return codes, uniek
    codes, uniek = pd.factorize(waarden, use_na_sentinel=False)
    return codes.astype(np.int64), np.asarray(uniek, dtype=object)


_HELE_SLEUTELRUIMTE = 5_000  # key spaces up to this many combinations are matched whole, once (see _match)


def _match(rijen: pd.DataFrame, sleutels: dict[str, Sleutel], positie: np.ndarray | None,
           tabel: "Tabel | None" = None) -> np.ndarray:
    """Position in ``rijen`` of each requested key combination (-1 where absent), matching on the text of the
    keys (case-insensitive; 3, 3.0 and "3" are the same). ``positie``: the rows asked for (None = all)."""
    per_kolom = [_codes(s, positie) for s in sleutels.values()]
    gecombineerd = per_kolom[0][0]
    ruimte = len(per_kolom[0][1])
    for codes, uniek in per_kolom[1:]:
        gecombineerd = gecombineerd * len(uniek) + codes
        ruimte *= len(uniek)
    if tabel is not None:
        positie_van = tabel.sleutelindex(rijen, tuple(sleutels))
    else:
        sleutel_tabel = [tuple(sleutel_tekst(w) for w in rij) for rij in rijen[list(sleutels)].itertuples(index=False)]
        positie_van = {s: i for i, s in enumerate(sleutel_tabel)}

    def rij_van(combinatie: int) -> int:
        delen = []
        for _codes_k, uniek in reversed(per_kolom):
            combinatie, rest = divmod(combinatie, len(uniek))
            delen.append(sleutel_tekst(uniek[rest]))
        return positie_van.get(tuple(reversed(delen)), -1)

    if tabel is not None and ruimte <= _HELE_SLEUTELRUIMTE:
        # the position of every combination of the key space, remembered per set of rows, keys and key values:
        # the blocks of a portfolio (and the cases of the app) ask the same tables with the same categories
        sleutel = ("match", id(rijen), tuple(sleutels), tuple(tuple(uniek) for _, uniek in per_kolom))
        opzoek, _ = tabel.afgeleid(sleutel, lambda _: (
            np.array([rij_van(c) for c in range(ruimte)], dtype=np.int64), rijen))  # rijen kept: its id stays unique
        return opzoek[gecombineerd]
    if ruimte <= 1_000_000:  # small key space: a direct lookup array, no hashing of the rows
        aanwezig = np.flatnonzero(np.bincount(gecombineerd, minlength=ruimte))
        opzoek = np.full(ruimte, -1, dtype=np.int64)
        opzoek[aanwezig] = [rij_van(int(c)) for c in aanwezig]
        return opzoek[gecombineerd]
    combi_codes, combi_uniek = pd.factorize(gecombineerd)
    return np.array([rij_van(int(c)) for c in combi_uniek], dtype=np.int64)[combi_codes]


def _dichtstbij(tabel: Tabel, datums: np.ndarray, gevraagd: dict[str, np.ndarray]) -> np.ndarray:
    """Per request, the position of the row with the same keys whose period lies nearest to the date (-1: no row
    with those keys); each distinct request found once per table (a path over the years asks the same ones in every
    block and half-year)."""
    sleutel_kol = list(gevraagd)
    uit = np.full(len(datums), -1, dtype=np.int64)
    combi = pd.DataFrame({**{k: [sleutel_tekst(w) for w in v] for k, v in gevraagd.items()}, "_d": datums})
    for key, groep in combi.groupby(sleutel_kol + ["_d"], sort=False):
        uit[groep.index.to_numpy()] = tabel.afgeleid(("dichtstbij", tuple(sleutel_kol), key),
                                                     lambda f, key=key: _dichtste_rij(tabel, f, sleutel_kol, key))
    return uit


def _dichtste_rij(tabel: Tabel, f: pd.DataFrame, sleutel_kol: list[str], key: tuple) -> int:
    """The position of the row with the keys ``key[:-1]`` whose period lies nearest to the date ``key[-1]``; -1
    when no row has those keys."""
    tekst = tabel.afgeleid(("sleuteltekst", tuple(sleutel_kol)),  # the table's keys as text, once per table
                           lambda frame: {k: frame[k].map(sleutel_tekst).to_numpy() for k in sleutel_kol})
    sleutel, d = key[:-1], pd.Timestamp(key[-1])
    masker = np.ones(len(f), dtype=bool)
    for k, w in zip(sleutel_kol, sleutel, strict=False):
        masker &= tekst[k] == w
    if not masker.any():
        return -1
    kand = f[masker]
    afstand = np.maximum((kand["geldig_vanaf"] - d).dt.days.clip(lower=0),
                         (d - kand["geldig_tot"]).dt.days.clip(lower=0))
    return int(np.flatnonzero(masker)[int(np.argmin(afstand.to_numpy()))])
