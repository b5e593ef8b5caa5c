"""Input normalisation: the flat input frame checked, typed and defaulted into a sheet; bad cells become row errors
naming the field."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.modellen import INVOERVELDEN
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad, gevuld, is_gelijk, met_waarde, vul

# The input columns of the flat frame, all derived once from the models' field declarations
# (woonlasten.modellen.INVOERVELDEN); to add a column, add a field to a model there.

# name -> kind ("tekst", "getal", "datum", "vlag"), in the frame's order; optional unless in VERPLICHT.
INVOER_KOLOMMEN: dict[str, str] = {v.kolom: v.soort for v in INVOERVELDEN}


# Words for yes and no in a flag column (lower case).
JA = {"1", "1.0", "ja", "j", "true", "waar", "yes", "y", "x"}


NEE = {"0", "0.0", "nee", "n", "false", "onwaar", "no", ""}


GEHEEL = tuple(v.kolom for v in INVOERVELDEN if v.geheel)  # whole numbers


VERPLICHT = tuple(v.kolom for v in INVOERVELDEN if v.verplicht)


# The value of an empty cell: the model's default (a flag's as 0.0 or 1.0); not for a list (maatregelen: empty text
# is no measures anyway) nor where the rules decide (personen: the data parameter personen_standaard).
STANDAARD: dict[str, object] = {
    v.kolom: float(v.standaard) if v.soort == "vlag" else v.standaard for v in INVOERVELDEN
    if v.standaard is not None and v.standaard_in_frame and not isinstance(v.standaard, list)}


# Text columns with a fixed set of values (kept as Categoricals with exactly these categories).
TOEGESTAAN: dict[str, tuple[str, ...]] = {v.kolom: v.toegestaan for v in INVOERVELDEN if v.toegestaan}


# (minimum, maximum) of a number column.
GRENZEN: dict[str, tuple[float, float]] = {v.kolom: v.grenzen for v in INVOERVELDEN if v.grenzen}


def _tekstkolom(ruw: pd.Series) -> pd.Categorical:
    """Text with blanks trimmed and empty cells missing, as a Categorical (each distinct value handled once)."""
    if isinstance(ruw.dtype, pd.CategoricalDtype):
        cat = ruw.array
        schoon = [str(c).strip() for c in cat.categories]
        if schoon == list(cat.categories) and "" not in schoon:
            return cat
        ruw = pd.Series(np.asarray(cat, dtype=object))
    codes, uniek = pd.factorize(ruw.to_numpy(dtype=object), use_na_sentinel=True)
    schoon = [(u.strip() if isinstance(u, str) else str(u)) for u in uniek]
    categorieen = pd.unique(np.array([s for s in schoon if s], dtype=object))
    positie = {c: i for i, c in enumerate(categorieen)}
    vertaal = np.array([positie.get(s, -1) if s else -1 for s in schoon] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(vertaal[codes], categories=categorieen)


def normaliseer(invoer: pd.DataFrame, fouten: Fouten) -> Rekenblad:
    """Types, defaults and bounds of the input columns; bad cells become a row error naming the field."""
    f = Rekenblad(invoer.index)
    n = f.n
    for kol, soort in INVOER_KOLOMMEN.items():
        if kol not in invoer.columns:  # an absent column: all empty (cheap, no per-row objects)
            if soort in ("getal", "vlag"):
                f[kol] = float(STANDAARD.get(kol, np.nan))  # one value for every row
            elif soort == "datum":
                f[kol] = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
                f["_" + kol + "_cat"] = pd.Categorical(f[kol])
            else:
                categorieen = list(TOEGESTAAN.get(kol, [])) or ([STANDAARD[kol]] if kol in STANDAARD else [])
                code = categorieen.index(STANDAARD[kol]) if kol in STANDAARD else -1
                f[kol] = pd.Categorical.from_codes(np.full(n, code, dtype=np.int8), categories=categorieen)
            continue
        ruw = invoer[kol]
        if soort == "getal":
            if pd.api.types.is_numeric_dtype(ruw) and not pd.api.types.is_bool_dtype(ruw):
                waarde = ruw.to_numpy(dtype=float, na_value=np.nan)
            else:
                tekst = _tekstkolom(ruw)
                codes = tekst.codes
                cats = pd.to_numeric(pd.Series(tekst.categories, dtype=object), errors="coerce").to_numpy(float)
                waarde = np.append(cats, np.nan)[np.where(codes < 0, len(cats), codes)]
                fouten.zet((codes >= 0) & np.isnan(waarde), met_waarde(f"{kol}: geen getal ('", tekst, "')"))
            if kol in GRENZEN:
                laag, hoog = GRENZEN[kol]
                buiten = ~np.isnan(waarde) & ((waarde < laag) | (waarde > hoog))
                fouten.zet(buiten, lambda m, k=kol, w=waarde, lo=laag, hi=hoog: np.array(
                    [f"{k}: moet tussen {lo:g} en {hi:g} liggen (nu {x:g})" for x in w[m]], dtype=object))
                waarde = np.where(buiten, np.nan, waarde)
            if kol in GEHEEL:
                gebroken = ~np.isnan(waarde) & (waarde != np.round(waarde))
                fouten.zet(gebroken, lambda m, k=kol, w=waarde: np.array(
                    [f"{k}: geen geheel getal (nu {x:g})" for x in w[m]], dtype=object))
                waarde = np.where(gebroken, np.nan, waarde)
            if kol in STANDAARD:
                waarde = vul(waarde, STANDAARD[kol])
            f[kol] = waarde
        elif soort == "vlag":
            if pd.api.types.is_bool_dtype(ruw) or pd.api.types.is_numeric_dtype(ruw):
                waarde = ruw.to_numpy(dtype=float, na_value=np.nan)
            else:
                tekst = _tekstkolom(ruw)
                per_cat = np.array([1.0 if str(c).lower() in JA else 0.0 if str(c).lower() in NEE else np.nan
                                    for c in tekst.categories] + [np.nan])
                codes = np.where(tekst.codes < 0, len(tekst.categories), tekst.codes)
                waarde = per_cat[codes]
                fouten.zet((tekst.codes >= 0) & np.isnan(waarde), met_waarde(f"{kol}: kies ja of nee (nu '", tekst, "')"))
            f[kol] = vul(np.where(np.isin(waarde, (0.0, 1.0)) | np.isnan(waarde), waarde, np.nan),
                          STANDAARD.get(kol, 0.0))
        elif soort == "datum":
            if isinstance(ruw.dtype, pd.CategoricalDtype) and pd.api.types.is_datetime64_any_dtype(
                    ruw.cat.categories):  # dates as categories (a portfolio's one peildatum): per category
                dagen = ruw.cat.categories.tz_localize(None) if ruw.cat.categories.tz else ruw.cat.categories
                dagen = np.append(dagen.normalize().to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))
                codes = ruw.cat.codes.to_numpy()
                waarde = dagen[np.where(codes < 0, len(dagen) - 1, codes)]
            elif pd.api.types.is_datetime64_any_dtype(ruw):
                waarde = ruw.dt.tz_localize(None).dt.normalize().to_numpy(dtype="datetime64[ns]") \
                    if getattr(ruw.dt, "tz", None) is not None else ruw.dt.normalize().to_numpy(dtype="datetime64[ns]")
            else:
                tekst = _tekstkolom(ruw)
                omgezet = pd.to_datetime(pd.Series(tekst.categories, dtype=object), errors="coerce", format="mixed",
                                         dayfirst=True).dt.normalize()  # a time of day does not count
                codes = tekst.codes
                waarde = np.append(omgezet.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))[
                    np.where(codes < 0, len(omgezet), codes)]
                fouten.zet((codes >= 0) & np.isnat(waarde),
                           met_waarde(f"{kol}: geen geldige datum ('", tekst, "'; gebruik JJJJ-MM-DD)"))
            f[kol] = waarde
            f["_" + kol + "_cat"] = pd.Categorical(waarde)
        else:
            tekst = _tekstkolom(ruw)
            if kol in STANDAARD:
                if STANDAARD[kol] not in tekst.categories:
                    tekst = tekst.add_categories([STANDAARD[kol]])
                tekst = tekst.fillna(STANDAARD[kol])
            if kol in TOEGESTAAN:
                onbekend = [c for c in tekst.categories if c not in TOEGESTAAN[kol]]
                if onbekend:
                    fout = np.isin(tekst.codes, [tekst.categories.get_loc(c) for c in onbekend])
                    fouten.zet(fout, met_waarde(f"{kol}: onbekende waarde '", tekst,
                                          "' (kies uit " + ", ".join(TOEGESTAAN[kol]) + ")"))
                tekst = tekst.set_categories(list(TOEGESTAAN[kol]))
            f[kol] = tekst
    for kol in VERPLICHT:
        fouten.zet(~gevuld(f[kol]), kol + ": ontbreekt")
    f["_eigenaar"] = is_gelijk(f["rol"], "eigenaar")
    return f
