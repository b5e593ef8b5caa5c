"""The one calculation path: woonlasten on columns.

:func:`bereken_frame` takes a flat frame with one row per household (see :data:`INVOER_KOLOMMEN`) and returns it
with every intermediate and result column added. A single case is a one-row frame (:mod:`woonlasten.casus`); a
portfolio is many rows (:mod:`woonlasten.portefeuille`). There is no scalar twin of any rule below.

Inside, columns are numpy arrays (numbers) and pandas Categoricals (text), held in a :class:`Rekenblad`; that keeps
a single case at a few milliseconds and a portfolio at hundreds of thousands of rows per second.

Units: consumption per year [m³/jaar, kWh/jaar]; tariffs per unit or per year as published; results in the
columns ``voor_*``, ``na_*`` and ``verschil_*`` in € per month, unrounded (round at the edge).
A row that cannot be computed gets ``status = "fout"`` and a Dutch ``melding`` naming the field; its result
columns are NaN, the row itself stays.
"""

from __future__ import annotations

from typing import Callable, Union

import numpy as np
import pandas as pd

from woonlasten import financiering, huurregels
from woonlasten.financiering import VORMEN
from woonlasten.modellen import ENERGIELABELS, GRENZEN, ROLLEN, VERWARMINGEN, WONINGTYPES
from woonlasten.tabellen import Tabellen, categorisch, klasse, laad_tabellen, zoek

MAANDEN_PER_JAAR = 12

# Input columns of the flat frame: name -> kind ("tekst", "getal", "datum"); optional unless in VERPLICHT.
INVOER_KOLOMMEN: dict[str, str] = {
    "peildatum": "datum", "gemeente": "tekst", "rol": "tekst",
    "woningtype": "tekst", "oppervlakte_m2": "getal", "energielabel": "tekst", "bouwjaar": "getal",
    "verwarming": "tekst", "woz_waarde": "getal",
    "personen": "getal",
    "kale_huur": "getal", "servicekosten": "getal",
    "gas_m3": "getal", "elektriciteit_kwh": "getal",
    "gas_leveringsprijs_m3": "getal", "elektriciteit_leveringsprijs_kwh": "getal",
    "vaste_leveringskosten_jaar": "getal",
    "naar_label": "tekst", "maatregelen": "tekst", "huurverhoging": "getal",
    "inkomen_jaar": "getal", "aow": "vlag", "wws_punten": "getal", "nieuwe_verhuring": "vlag",
    "epv_warmtevraag_kwh_m2": "getal",
    "financiering_vorm": "tekst", "looptijd_jaar": "getal", "rente_pct": "getal", "eerdere_isolatiemaatregel": "vlag",
    "hypotheeklasten_maand": "getal", "warmtepomp_kw": "getal", "investering": "getal",
    "zon_eigen_verbruik_aandeel": "getal", "terugleververgoeding_kwh": "getal",
}
JA = {"1", "1.0", "ja", "j", "true", "waar", "yes", "y", "x"}
NEE = {"0", "0.0", "nee", "n", "false", "onwaar", "no", ""}
GEHEEL = ("personen", "bouwjaar", "looptijd_jaar")  # whole numbers
VERPLICHT = ("peildatum", "gemeente", "woningtype", "oppervlakte_m2", "energielabel")
STANDAARD = {"rol": "huurder", "verwarming": "gasketel", "kale_huur": 0.0, "servicekosten": 0.0, "aow": 0.0,
             "nieuwe_verhuring": 0.0, "eerdere_isolatiemaatregel": 0.0, "financiering_vorm": "warmtefonds"}
# Text columns with a fixed set of values (kept as Categoricals with exactly these categories).
TOEGESTAAN = {"rol": ROLLEN, "woningtype": WONINGTYPES, "energielabel": ENERGIELABELS,
              "naar_label": ENERGIELABELS, "verwarming": VERWARMINGEN, "financiering_vorm": VORMEN}

SITUATIES = ("voor", "na")
RESULTAAT_DELEN = (
    "huur_kale_huur", "huur_servicekosten", "huur_huurverhoging", "huur_totaal", "huur_huurtoeslag", "huur_netto",
    "energie_gas", "energie_elektriciteit", "energie_totaal",
    "lokale_lasten_afvalstoffenheffing", "lokale_lasten_rioolheffing", "lokale_lasten_ozb",
    "lokale_lasten_waterschap", "lokale_lasten_totaal",
    "financiering_lening", "financiering_hypotheek", "financiering_totaal",
    "totaal", "totaal_netto",
)

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

    def frame(self) -> pd.DataFrame:
        """The columns as a DataFrame (one value for every row becomes a real, writable column)."""
        return pd.DataFrame({k: v.copy() if isinstance(v, np.ndarray) and not v.flags.writeable else v
                             for k, v in self.items()}, index=self.index, copy=False)


class _Fouten:
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
_NEUTRAAL = np.array([None, False, True], dtype=object)  # woonlastenneutraal: unknown, no, yes


def _neutraal(verschil: np.ndarray) -> np.ndarray:
    """woonlastenneutraal per row from the change in woonlasten [€/maand]: True at most half a cent more (a change
    that rounds to € 0,00 counts as neutral), False above, None where the change is unknown (NaN)."""
    code = (verschil <= 0.005).astype(np.int8) + np.int8(1)
    code[np.isnan(verschil)] = 0
    return _NEUTRAAL[code]


def _tekst(kol: Kolom, m: np.ndarray) -> np.ndarray:
    """The values of a column at mask ``m`` as text (for messages)."""
    if isinstance(kol, np.ndarray) and kol.dtype.kind == "M":
        return np.datetime_as_string(kol[m].astype("datetime64[D]")).astype(object)
    return np.array([str(x) if x is not None and x == x else "" for x in np.asarray(kol, dtype=object)[m]],
                    dtype=object)


def _met(voor: str, kol: Kolom, na: str = "") -> Callable[[np.ndarray], np.ndarray]:
    """A message builder for :meth:`_Fouten.zet`: ``voor + value + na`` for the rows concerned only."""
    return lambda m: np.array([voor + w[:40] + na for w in _tekst(kol, m)], dtype=object)


def _vul(a: np.ndarray, waarde) -> np.ndarray:
    """``a`` with NaN replaced by ``waarde`` (a number or an array); ``a`` itself when it has no NaN (columns are
    never changed in place)."""
    leeg = np.isnan(a)
    if not leeg.any() and np.shape(a) == np.broadcast_shapes(np.shape(a), np.shape(waarde)):
        return a
    return np.where(leeg, waarde, a)


def _cat(kol: Kolom) -> pd.Categorical:
    return kol if isinstance(kol, pd.Categorical) else pd.Categorical(kol)


def _is(kol: Kolom, waarde: str) -> np.ndarray:
    """Boolean mask: column equals ``waarde`` (fast on Categoricals)."""
    if isinstance(kol, pd.Categorical):
        if waarde not in kol.categories:
            return np.zeros(len(kol), dtype=bool)
        return kol.codes == kol.categories.get_loc(waarde)
    return np.asarray(kol == waarde, dtype=bool)


def _gevuld(kol: Kolom) -> np.ndarray:
    if isinstance(kol, pd.Categorical):
        return kol.codes >= 0
    if kol.dtype.kind == "f":
        return ~np.isnan(kol)
    return ~pd.isna(kol)


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


def per_uniek(functie, sleutels: tuple[str, ...], code_kolom: str | None = None):
    """Run a stage once per distinct combination of the ``sleutels`` columns and spread the new columns back.

    The stage is the same function, applied to a small Rekenblad of the distinct rows: one calculation path, but
    a million rows with a handful of distinct (type, label, measures) cost a handful of rows. A numeric key counts
    only by being given or not; the stage must read no other column that varies within a combination.
    ``code_kolom``: also store the number of each row's combination there (a Categorical), a key for a later
    stage that depends on the same columns."""

    def uitvoeren(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
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
            terug, uniek = nummer[code], aanwezig
        else:
            terug, uniek = pd.factorize(code)  # hashing, not sorting: linear in the rows
        if code_kolom is not None:
            f[code_kolom] = categorisch(terug, pd.RangeIndex(len(uniek)))
        if len(uniek) * HERHALING > f.n:  # little repetition: run directly
            functie(f, t, fouten)
            return
        eerste = np.zeros(len(uniek), dtype=np.int64)
        eerste[terug[::-1]] = np.arange(f.n - 1, -1, -1)  # first row of each combination
        klein = Rekenblad(pd.RangeIndex(len(uniek)))
        for kol, waarde in f.items():
            klein[kol] = _neem(waarde, eerste)
        klein_fouten = _Fouten(len(uniek))
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


# ----------------------------------------------------------------------------------------------------------
# 0. Normalise and check the input columns


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


def normaliseer(invoer: pd.DataFrame, fouten: _Fouten) -> Rekenblad:
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
                fouten.zet((codes >= 0) & np.isnan(waarde), _met(f"{kol}: geen getal ('", tekst, "')"))
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
                waarde = _vul(waarde, STANDAARD[kol])
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
                fouten.zet((tekst.codes >= 0) & np.isnan(waarde), _met(f"{kol}: kies ja of nee (nu '", tekst, "')"))
            f[kol] = _vul(np.where(np.isin(waarde, (0.0, 1.0)) | np.isnan(waarde), waarde, np.nan),
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
                           _met(f"{kol}: geen geldige datum ('", tekst, "'; gebruik JJJJ-MM-DD)"))
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
                    fouten.zet(fout, _met(f"{kol}: onbekende waarde '", tekst,
                                          "' (kies uit " + ", ".join(TOEGESTAAN[kol]) + ")"))
                tekst = tekst.set_categories(list(TOEGESTAAN[kol]))
            f[kol] = tekst
    for kol in VERPLICHT:
        fouten.zet(~_gevuld(f[kol]), kol + ": ontbreekt")
    f["_eigenaar"] = _is(f["rol"], "eigenaar")
    return f


# ----------------------------------------------------------------------------------------------------------
# 1. Measures and the situation after the upgrade


def maatregel_kolommen(t: Tabellen) -> list[str]:
    """The measure keys of the catalogue, in file order."""
    return t["labels/maatregelen"].afgeleid("maatregelen", lambda fr: list(fr["maatregel"]))


def _ontleed_maatregelen(tekst: pd.Categorical, t: Tabellen, fouten: _Fouten) -> dict[str, np.ndarray]:
    """Parse ``"spouwmuurisolatie;dakisolatie:45;warmtepomp:1:11500"`` (name, optional quantity, optional price per
    unit [€]) into arrays per measure: ``maatregel_<naam>`` with the quantity (NaN = not chosen, -1 = chosen with
    the standard quantity) and ``prijs_<naam>`` (NaN = catalogue price). Parses each distinct text once."""
    namen = maatregel_kolommen(t)
    uniek = list(tekst.categories)
    tabel = np.full((len(uniek) + 1, len(namen)), np.nan)
    prijzen = np.full((len(uniek) + 1, len(namen)), np.nan)
    meldingen: list = [None] * (len(uniek) + 1)
    laag, hoog = GRENZEN["hoeveelheid"]

    def getal(tekst_: str, wat: str, naam: str, grenzen: tuple[float, float]) -> float | str:
        try:
            q = float(tekst_.replace(",", "."))
        except ValueError:
            return f"maatregelen: {wat} bij '{naam}' is geen getal ('{tekst_}')"
        if not grenzen[0] <= q <= grenzen[1]:
            return f"maatregelen: {wat} bij '{naam}' moet tussen {grenzen[0]:g} en {grenzen[1]:g} liggen"
        return q

    for u, waarde in enumerate(uniek):
        for stuk in [s.strip() for s in str(waarde).split(";") if s.strip()]:
            naam, _, rest = stuk.partition(":")
            hoeveel, _, prijs = rest.partition(":")
            naam = naam.strip().lower().replace(" ", "_")
            if naam not in namen:
                meldingen[u] = f"maatregelen: onbekende maatregel '{naam}' (kies uit {', '.join(namen)})"
                continue
            i = namen.index(naam)
            tabel[u, i] = -1.0
            if hoeveel.strip():
                q = getal(hoeveel.strip(), "hoeveelheid", naam, (laag, hoog))
                if isinstance(q, str):
                    meldingen[u] = q
                    continue
                tabel[u, i] = q
            if prijs.strip():
                pr = getal(prijs.strip(), "prijs per eenheid", naam, GRENZEN["prijs_per_eenheid"])
                if isinstance(pr, str):
                    meldingen[u] = pr
                    continue
                prijzen[u, i] = pr
    codes = np.where(tekst.codes < 0, len(uniek), tekst.codes)
    if any(meldingen):
        melding = np.array(meldingen, dtype=object)[codes]
        fouten.zet(melding != None, lambda m: melding[m])  # noqa: E711 - elementwise on an object array
    uit = {"maatregel_" + naam: tabel[codes, i] for i, naam in enumerate(namen)}
    uit.update({"prijs_" + naam: prijzen[codes, i] for i, naam in enumerate(namen) if not np.isnan(prijzen[:, i]).all()})
    return uit


def _rang(label: Kolom, t: Tabellen) -> np.ndarray:
    """Label rank: 1 = A++++ (best) … 11 = G (worst); NaN where missing."""
    volgorde = t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"]
    cat = _cat(label)
    per_cat = np.append([float(volgorde.get(c, np.nan)) for c in cat.categories], np.nan)
    return per_cat[np.where(cat.codes < 0, len(cat.categories), cat.codes)]


def _label_van_rang(rang: np.ndarray, t: Tabellen) -> pd.Categorical:
    rang_van = t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"]
    per_rang = {int(rang_van[lab]): i for i, lab in enumerate(ENERGIELABELS) if lab in rang_van}
    opzoek = np.full(max(per_rang) + 2, -1, dtype=np.int64)
    for r, i in per_rang.items():
        opzoek[r] = i
    r = np.where(np.isnan(rang), -1, rang).astype(np.int64)
    return categorisch(opzoek[r], ENERGIELABELS)


def situatie_na(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Adds the measures' quantities, ``heeft_ingreep``, ``energielabel_na``, ``verwarming_na``,
    ``zon_opwek_kwh`` [kWh/jaar] and ``ruimte_factor_maatregelen`` (share of space heating left)."""
    m = _ontleed_maatregelen(f["maatregelen"], t, fouten)
    effect = t["labels/maatregel_effect"]
    n = f.n
    factor = np.ones(n)
    stappen = np.zeros(n)
    stappen_isolatie = np.zeros(n)
    stappen_installatie = np.zeros(n)
    stappen_zon = np.zeros(n)
    investering_zon = np.zeros(n)
    opwek = np.zeros(n)
    gekozen_ergens = np.zeros(n, dtype=bool)
    catalogus = t["labels/maatregelen"].frame.set_index("maatregel")
    for kol, prijs in [(k, v) for k, v in m.items() if k.startswith("prijs_")]:
        f[kol] = prijs
    for kol, hoeveel in [(k, v) for k, v in m.items() if k.startswith("maatregel_")]:
        naam = kol.removeprefix("maatregel_")
        gekozen = ~np.isnan(hoeveel)
        if not gekozen.any():
            continue  # a measure nobody chose gets no column
        gekozen_ergens |= gekozen
        e = zoek(effect, None, {"maatregel": naam, "woningtype": f["woningtype"]},
                 ["standaard_hoeveelheid", "besparing_ruimteverwarming_aandeel",
                  "elektriciteit_opwek_kwh_per_eenheid", "labelstappen"], n=n)
        standaard = _vul(e["standaard_hoeveelheid"], 1.0)
        q = np.where(hoeveel >= 0, hoeveel, standaard)
        f[kol] = np.where(gekozen, q, np.nan)
        schaal = np.nan_to_num(np.minimum(q / standaard, 1.0))  # more than standard gives no extra saving
        aandeel = _vul(e["besparing_ruimteverwarming_aandeel"], 0.0) * schaal
        factor = np.where(gekozen, factor * (1.0 - aandeel), factor)
        stap = _vul(e["labelstappen"], 0.0) * schaal
        stappen = np.where(gekozen, stappen + stap, stappen)
        if catalogus.loc[naam, "soort"] == "isolatie":
            stappen_isolatie = np.where(gekozen, stappen_isolatie + stap, stappen_isolatie)
        elif naam != "zonnepanelen":
            stappen_installatie = np.where(gekozen, stappen_installatie + stap, stappen_installatie)
        if naam == "zonnepanelen":
            stappen_zon = np.where(gekozen, stap, 0.0)
            prijs = _vul(m.get("prijs_zonnepanelen", np.nan), float(catalogus.loc[naam, "investering_per_eenheid"]))
            investering_zon = np.where(gekozen, q * prijs, 0.0)
        opwek = np.where(gekozen, opwek + q * _vul(e["elektriciteit_opwek_kwh_per_eenheid"], 0.0), opwek)
    naar_label = f["naar_label"]
    heeft_doel = _gevuld(naar_label)
    f["heeft_ingreep"] = heeft_doel | gekozen_ergens | ~np.isnan(f["huurverhoging"])
    f["label_na_uit_maatregelen"] = ~heeft_doel & gekozen_ergens
    f["heeft_maatregelen"] = gekozen_ergens
    f["stappen_isolatie"] = stappen_isolatie
    f["stappen_installatie"] = stappen_installatie
    f["stappen_zon"] = stappen_zon
    f["investering_zon"] = investering_zon
    # realisation: measured savings of packages are lower than the sum of the measures' modelled savings
    realisatie = t.parameter("realisatiefactor_maatregelen")
    f["ruimte_factor_maatregelen"] = 1.0 - (1.0 - factor) * realisatie
    f["zon_opwek_kwh"] = opwek
    rang_voor = _rang(f["energielabel"], t)
    rang_doel = _rang(naar_label, t)
    rang_maatregelen = np.maximum(rang_voor - np.floor(stappen + 1e-9), 1.0)
    rang_na = np.where(heeft_doel, rang_doel, rang_maatregelen)
    rang_na = np.where(f["heeft_ingreep"], rang_na, np.nan)
    f["energielabel_na"] = _label_van_rang(rang_na, t)
    f["_rang_voor"] = rang_voor
    f["_rang_na"] = _vul(rang_na, rang_voor)
    fouten.zet(rang_doel > rang_voor, lambda mk: np.array(
        [f"ingreep.naar_label: {a} is slechter dan het huidige label {b}" for a, b in
         zip(_tekst(naar_label, mk), _tekst(f["energielabel"], mk), strict=True)], dtype=object))
    codes = f["verwarming"].codes.copy()  # categories are VERWARMINGEN (normaliseer)
    if "maatregel_hybride_warmtepomp" in m:
        hybride = ~np.isnan(m["maatregel_hybride_warmtepomp"]) & ~_is(f["verwarming"], "warmtepomp")
        codes[hybride] = VERWARMINGEN.index("hybride_warmtepomp")
    if "maatregel_warmtepomp" in m:
        codes[~np.isnan(m["maatregel_warmtepomp"])] = VERWARMINGEN.index("warmtepomp")
    f["verwarming_na"] = categorisch(codes, VERWARMINGEN)


# ----------------------------------------------------------------------------------------------------------
# 2. Consumption


def _gas_per_m2(woningtype: Kolom, label: Kolom, t: Tabellen, n: int) -> dict[str, np.ndarray]:
    """Space-heating demand [m³ gas-eq per m² per year] for type and label, made monotone: a worse label is
    never estimated below a better one of the same type (the measured averages dip at G for some types)."""
    tabel = t["labels/ruimteverwarming"]
    if "gas_m3_per_m2_monotoon" not in tabel.frame:
        # a new frame, swapped in whole: threads computing other blocks never see a half-changed table
        fr = tabel.frame.copy()
        rang = fr["energielabel"].map(t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"])
        volgorde = np.lexsort((rang.to_numpy(), fr["woningtype"].to_numpy()))
        mono = fr.iloc[volgorde].groupby("woningtype")["gas_m3_per_m2"].cummax()
        fr["gas_m3_per_m2_monotoon"] = mono.reindex(fr.index)
        tabel.frame = fr
    return zoek(tabel, None, {"woningtype": woningtype, "energielabel": label},
                ["gas_m3_per_m2", "gas_m3_per_m2_monotoon"], n=n)


def _tapwater_koken(personen: np.ndarray, m2: np.ndarray, t: Tabellen) -> dict[str, np.ndarray]:
    """Tap water and cooking gas [m³/jaar] by household size and area class (vanaf < m² ≤ tot, as PBL)."""
    tabel = t["labels/tapwater_koken"]
    grenzen = np.sort(tabel.frame["oppervlakte_vanaf_m2"].unique())
    p = np.minimum(personen, tabel.frame["personen"].max())
    return zoek(tabel, None, {"personen": p, "oppervlakte_vanaf_m2": klasse(m2, grenzen, side="left")},
                ["tapwater_gas_m3", "koken_gas_m3"])


def _verwarming_omzetten(ruimte_m3, tap_m3, koken_m3, verwarming: Kolom, label: Kolom, t: Tabellen) -> tuple:
    """Gas [m³/jaar] and extra electricity [kWh/jaar] for a heating system, from the meter gas an HR boiler
    would use for space heating, tap water and cooking. Returns (gas, extra kWh, source rows of the heat-pump
    figures; -1 where no heat pump)."""
    hybride = _is(verwarming, "hybride_warmtepomp")
    volledig = _is(verwarming, "warmtepomp")
    gas = ruimte_m3 + tap_m3 + koken_m3
    if not (hybride.any() or volledig.any()):  # a gas boiler everywhere: no heat-pump figures needed
        return gas, np.zeros(len(gas)), np.full(len(gas), -1, dtype=np.int64)
    wp = zoek(t["labels/warmtepomp"], None, {"energielabel": label},
              ["spf_warmtepomp", "aandeel_hybride", "spf_hybride"], n=len(ruimte_m3))
    kwh_per_m3 = t.parameter("gas_gj_per_m3") * t.parameter("kwh_per_gj")
    warmte_ruimte_kwh = ruimte_m3 * t.parameter("rendement_hr_ketel") * kwh_per_m3
    warmte_tap_kwh = tap_m3 * t.parameter("rendement_tapwater_hr_combi") * kwh_per_m3
    kook_kwh = koken_m3 * t.parameter("rendement_gaskookplaat") * kwh_per_m3
    s = wp["aandeel_hybride"]
    gas = np.where(hybride, ruimte_m3 * (1 - s) + tap_m3 + koken_m3, gas)
    gas = np.where(volledig, 0.0, gas)
    extra = np.where(hybride, warmte_ruimte_kwh * s / wp["spf_hybride"], 0.0)
    extra = np.where(volledig, warmte_ruimte_kwh / wp["spf_warmtepomp"]
                     + warmte_tap_kwh / t.parameter("cop_tapwater_warmtepomp")
                     + kook_kwh / t.parameter("rendement_inductiekookplaat"), extra)
    return gas, extra, np.where(hybride | volledig, wp["_rij"], -1)


def verbruik(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Estimated and, where given, own consumption before and after [m³/jaar, kWh/jaar].

    Estimate: space heating = m² × measured gas per m² (type, label) / HR-boiler efficiency; plus tap water and
    cooking by household size and area. After: the target label's figure, or the measures' saving factors.
    Own use given: every gas part is scaled by own ÷ estimated (so the relative saving is the estimate's);
    electricity after = own + (estimated after − estimated before).
    """
    n = f.n
    personen = _vul(f["personen"], t.parameter("personen_standaard"))
    f["personen_gebruikt"] = personen
    rend_hr = t.parameter("rendement_hr_ketel")
    m2 = f["oppervlakte_m2"]
    g_voor = _gas_per_m2(f["woningtype"], f["energielabel"], t, n)
    fouten.zet(g_voor["_rij"] < 0, lambda mk: np.array(
        [f"energielabel: geen verbruikscijfer voor {a} met label {b}" for a, b in
         zip(_tekst(f["woningtype"], mk), _tekst(f["energielabel"], mk), strict=True)], dtype=object))
    f["_rij_ruimteverwarming_voor"] = g_voor["_rij"]
    f["gas_m3_per_m2_voor"] = g_voor["gas_m3_per_m2_monotoon"]
    ruimte_voor = m2 * g_voor["gas_m3_per_m2_monotoon"] / rend_hr
    label_na = categorisch(  # both columns have the categories ENERGIELABELS
        np.where(f["energielabel_na"].codes >= 0, f["energielabel_na"].codes, f["energielabel"].codes), ENERGIELABELS)
    g_na = _gas_per_m2(f["woningtype"], label_na, t, n)
    f["_rij_ruimteverwarming_na"] = g_na["_rij"]
    f["gas_m3_per_m2_na"] = g_na["gas_m3_per_m2_monotoon"]
    ruimte_na = np.where(f["label_na_uit_maatregelen"], ruimte_voor * f["ruimte_factor_maatregelen"],
                         m2 * g_na["gas_m3_per_m2_monotoon"] / rend_hr)
    ruimte_na = np.where(f["heeft_ingreep"], ruimte_na, ruimte_voor)
    tk = _tapwater_koken(personen, m2, t)
    f["_rij_tapwater_koken"] = tk["_rij"]
    el_tabel = t["labels/elektriciteit_huishouden"]
    e = zoek(el_tabel, None, {"personen": np.minimum(personen, el_tabel.frame["personen"].max())},
             ["elektriciteit_kwh"])
    f["_rij_elektriciteit_huishouden"] = e["_rij"]
    tap, koken = tk["tapwater_gas_m3"], tk["koken_gas_m3"]
    fouten.zet((tk["_rij"] < 0) | (e["_rij"] < 0), _met("personen: geen verbruikscijfer voor ", personen, " personen"))
    fouten.zet(_is(f["verwarming"], "warmtepomp") & (f["gas_m3"] > 0),  # NaN > 0 is False
               "verbruik.gas_m3: een woning met een volledige warmtepomp heeft geen gasaansluiting; laat het "
               "gasverbruik leeg of kies verwarming hybride_warmtepomp")
    gas_voor_est, extra_voor_est, rij_wp_voor = _verwarming_omzetten(ruimte_voor, tap, koken, f["verwarming"],
                                                                      f["energielabel"], t)
    # calibration on own gas use (only where the estimate uses gas at all); gas and heat-pump electricity are
    # linear in the gas parts, so scaling the parts by k scales both results by k
    eigen_gas = ~np.isnan(f["gas_m3"]) & (gas_voor_est > 0)
    k = np.where(eigen_gas, f["gas_m3"] / np.where(gas_voor_est > 0, gas_voor_est, 1.0), 1.0)
    f["kalibratie_gas"] = k
    verwarming_na = f["verwarming_na"]
    gas_na, extra_na, rij_wp_na = _verwarming_omzetten(ruimte_na * k, tap * k, koken * k, verwarming_na, label_na, t)
    gas_voor, extra_voor = gas_voor_est * k, extra_voor_est * k
    f["_rij_warmtepomp_voor"] = rij_wp_voor
    f["_rij_warmtepomp_na"] = rij_wp_na
    f["verbruik_gas_m3_voor"] = np.where(eigen_gas | ~np.isnan(f["gas_m3"]), _vul(f["gas_m3"], gas_voor), gas_voor)
    f["verbruik_gas_m3_na"] = gas_na
    e_voor = _vul(f["elektriciteit_kwh"], e["elektriciteit_kwh"] + extra_voor)
    f["verbruik_elektriciteit_kwh_voor"] = e_voor
    f["verbruik_elektriciteit_kwh_na"] = e_voor + (extra_na - extra_voor)
    f["verbruik_ruimteverwarming_m3_voor"] = ruimte_voor * k
    f["verbruik_ruimteverwarming_m3_na"] = ruimte_na * k
    eigen_e = ~np.isnan(f["elektriciteit_kwh"])
    f["verbruik_herkomst"] = categorisch(np.where(eigen_gas & eigen_e, 0, np.where(eigen_gas | eigen_e, 1, 2)),
                                         ("eigen", "deels eigen", "geschat"))


# ----------------------------------------------------------------------------------------------------------
# 3. Energy bill


def _schijven(tabel, drager: str, peildatum: pd.Categorical) -> list[dict[str, np.ndarray]]:
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
    """:func:`_schijven` without the memory."""
    per_datum = []
    for d in uniek:
        rijen = tabel.geldig_op(d)
        per_datum.append(rijen[rijen["drager"] == drager].sort_values("schijf_vanaf"))
    kolommen = ["schijf_vanaf", "schijf_tot", "energiebelasting_excl_btw", "ode_excl_btw", "_rij"]
    uit = []
    for k in range(max((len(r) for r in per_datum), default=0)):
        if een_datum:
            arr = {c: np.float64(per_datum[0][c].iloc[k]) for c in kolommen}
        else:
            arr = {c: np.full(len(codes), np.nan) for c in kolommen}
            for c_i, rijen in enumerate(per_datum):
                if len(rijen) > k:
                    for c in kolommen:
                        arr[c][codes == c_i] = float(rijen[c].iloc[k])
        arr["ode_excl_btw"] = _vul(arr["ode_excl_btw"], 0.0)
        arr["schijf_tot"] = _vul(arr["schijf_tot"], np.inf)
        uit.append(arr)
    if not uit:
        uit.append({"schijf_vanaf": np.float64(np.nan), "schijf_tot": np.float64(np.nan),
                    "energiebelasting_excl_btw": np.float64(np.nan), "ode_excl_btw": np.float64(0.0),
                    "_rij": np.float64(np.nan)})
    return uit


def _kosten_drager(volume, leveringsprijs, prijs1, vast_incl_btw, btw, schijven, plafond) -> np.ndarray:
    """Yearly cost of one carrier [€/jaar]: volume through the tax brackets, BTW, price cap, plus the fixed costs
    incl. BTW. ``prijs1``: the variable price of the first bracket incl. BTW [€/eenheid] (see :func:`energie`)."""
    v = _vul(volume, 0.0)  # a missing volume uses nothing
    door_schijven = np.zeros(len(v))  # the volume that went through the brackets
    belasting = np.zeros(len(v))  # Σ volume in bracket × (energiebelasting + ODE) [€/jaar excl. BTW]
    hoogste = v.max() if len(v) else 0.0
    for s in schijven:
        vanaf = s["schijf_vanaf"]
        if np.ndim(vanaf) == 0 and not vanaf <= hoogste:
            continue  # no row reaches this bracket (or no bracket on this date)
        in_schijf = v - vanaf
        np.clip(in_schijf, 0.0, s["schijf_tot"] - vanaf, out=in_schijf)
        in_schijf = _vul(in_schijf, 0.0)  # rows whose date has fewer brackets
        door_schijven += in_schijf
        belasting += in_schijf * (_vul(s["energiebelasting_excl_btw"], 0.0) + s["ode_excl_btw"])
    variabel = (leveringsprijs * door_schijven + belasting) * (1 + btw)
    # prijsplafond 2023: the all-in price above the cap is not paid on the volume under the cap
    if np.ndim(plafond["_rij"]) == 0 and plafond["_rij"] < 0:
        korting = 0.0  # no price cap on this date
    else:
        korting = _vul(np.minimum(np.maximum(volume, 0.0), plafond["plafondvolume_jaar"])
                       * np.maximum(prijs1 - plafond["plafondprijs_incl_btw"], 0.0), 0.0)
    return variabel - korting + vast_incl_btw


def _eigen_of_standaard(eigen: np.ndarray, standaard):
    """The household's own value where given, else the standard; the standard as it is (often one value for all
    rows, so the arithmetic on it stays scalar) when no row gives its own."""
    return standaard if np.isnan(eigen).all() else _vul(eigen, standaard)


def _zon(verbruik_kwh, opwek_kwh, leveringsprijs, btw, ret, eigen_aandeel=np.nan, vergoeding_kwh=np.nan) -> tuple:
    """Solar panels: the kWh bought from the grid [kWh/jaar] and the yearly revenue of exported kWh [€/jaar].
    With saldering the production is netted against use; without it only the self-consumed share saves the full
    price and the rest earns the feed-in compensation minus terugleverkosten."""
    if not np.any(opwek_kwh) and not np.any(verbruik_kwh < 0):  # no panels: everything is bought, nothing exported
        return np.maximum(verbruik_kwh, 0.0), np.zeros(len(verbruik_kwh))
    saldering = np.asarray(ret["saldering"], dtype=object) != "nee"
    eigen = np.minimum(opwek_kwh * _vul(eigen_aandeel, _vul(ret["eigen_verbruik_aandeel"], 0.0)), verbruik_kwh)
    netto = verbruik_kwh - opwek_kwh
    inkoop = np.where(saldering, np.maximum(netto, 0.0), verbruik_kwh - eigen)
    export = np.where(saldering, np.maximum(-netto, 0.0), opwek_kwh - eigen)
    vergoeding = _vul(vergoeding_kwh, leveringsprijs * _vul(ret["minimum_vergoeding_aandeel_leveringsprijs"], 0.0))
    kosten = np.where(saldering, 0.0, _vul(ret["terugleverkosten_kwh_excl_btw"], 0.0))
    return inkoop, np.nan_to_num(export * (vergoeding - kosten) * (1 + btw))


def energie(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Energy costs per situation [€/maand] in ``{voor,na}_energie_{gas,elektriciteit,totaal}``.

    Per carrier and year: volume through the tax brackets × (delivery price + energiebelasting + ODE) × (1 + BTW),
    minus the 2023 price cap on the capped volume, plus (fixed delivery + network costs) × (1 + BTW); for
    electricity minus the belastingvermindering × (1 + BTW) and the revenue of exported solar kWh. A dwelling on
    a full heat pump has no gas connection: no gas costs at all.
    """
    pd_ = f["_peildatum_cat"]
    n = f.n
    btw_r = zoek(t["tariffs/btw"], pd_, {"toepassing": "energie"}, ["btw_tarief"], n=n)
    fouten.zet(btw_r["_rij"] < 0, _met("peildatum: geen btw-tarief voor energie bekend op ", f["peildatum"]))
    f["_rij_btw"] = btw_r["_rij"]
    btw = btw_r["btw_tarief"]
    f["btw_energie"] = btw
    verm = zoek(t["tariffs/belastingvermindering"], pd_, None, ["bedrag_jaar_excl_btw"], n=n)
    f["_rij_belastingvermindering"] = verm["_rij"]
    ret = zoek(t["tariffs/teruglevering"], pd_, None,
               ["saldering", "minimum_vergoeding_aandeel_leveringsprijs", "terugleverkosten_kwh_excl_btw",
                "eigen_verbruik_aandeel"], n=n)
    f["_rij_teruglevering"] = ret["_rij"]
    dragers = {"elektriciteit": ("kwh", "elektriciteit_kwh"), "gas": ("m3", "gas_m3")}
    lev = {}
    for drager in dragers:
        lev[drager] = zoek(t["tariffs/leveringstarieven"], pd_, {"drager": drager},
                           ["leveringsprijs_excl_btw", "vaste_leveringskosten_jaar_excl_btw"], n=n)
        fouten.zet(lev[drager]["_rij"] < 0, _met(f"peildatum: geen standaard leveringstarief {drager} bekend op ",
                                                 f["peildatum"]))
        f[f"_rij_leveringstarief_{drager}"] = lev[drager]["_rij"]
    # a given total of fixed delivery costs is split in the ratio of the two standard amounts
    std = {d: lev[d]["vaste_leveringskosten_jaar_excl_btw"] for d in dragers}
    std_totaal = std["elektriciteit"] + std["gas"]
    gemeente = f["gemeente"]
    for drager, (eenheid, verbruik_kol) in dragers.items():
        schijven = _schijven(t["tariffs/energiebelasting"], drager, pd_)
        onbekend = np.broadcast_to(np.isnan(schijven[0]["_rij"]), (n,))
        fouten.zet(onbekend, _met(f"peildatum: geen energiebelasting {drager} bekend op ",
                                                       f["peildatum"]))
        f[f"_rij_energiebelasting_{drager}"] = schijven[0]["_rij"]
        prijs = _eigen_of_standaard(f[f"{drager}_leveringsprijs_{eenheid}"], lev[drager]["leveringsprijs_excl_btw"])
        f[f"leveringsprijs_{drager}"] = prijs
        aandeel = _vul(std[drager] / np.where(std_totaal > 0, std_totaal, np.nan), 0.5)
        vast = _eigen_of_standaard(f["vaste_leveringskosten_jaar"] * aandeel, std[drager])
        f[f"vaste_leveringskosten_{drager}"] = vast
        nb = zoek(t["tariffs/netbeheerder_gemeente"], None, {"gemeente": gemeente, "drager": drager},
                  ["netbeheerder"], n=n)
        netbeheerder = _cat(nb["netbeheerder"])
        if (netbeheerder.codes < 0).any():
            netbeheerder = netbeheerder.add_categories(["landelijk gemiddelde"]).fillna("landelijk gemiddelde")
        f[f"netbeheerder_{drager}"] = netbeheerder
        net = zoek(t["tariffs/netbeheer"], pd_, {"netbeheerder": f[f"netbeheerder_{drager}"], "drager": drager},
                   ["netbeheerkosten_jaar_excl_btw"], n=n)
        fouten.zet(net["_rij"] < 0, _met(f"peildatum: geen netbeheerkosten {drager} bekend op ", f["peildatum"]))
        f[f"_rij_netbeheer_{drager}"] = net["_rij"]
        f[f"netbeheerkosten_{drager}"] = net["netbeheerkosten_jaar_excl_btw"]
        plafond = zoek(t["tariffs/prijsplafond"], pd_, {"drager": drager},
                       ["plafondprijs_incl_btw", "plafondvolume_jaar"], n=n)
        f[f"_rij_prijsplafond_{drager}"] = plafond["_rij"]
        prijs1 = (prijs + schijven[0]["energiebelasting_excl_btw"] + schijven[0]["ode_excl_btw"]) * (1 + btw)
        vast_incl_btw = (vast + net["netbeheerkosten_jaar_excl_btw"]) * (1 + btw)
        for s in SITUATIES:
            volume = f[f"verbruik_{verbruik_kol}_{s}"]
            if drager == "elektriciteit":
                opwek = f["zon_opwek_kwh"] if s == "na" else np.zeros(n)
                volume, opbrengst = _zon(volume, opwek, prijs, btw, ret, f["zon_eigen_verbruik_aandeel"],
                                         f["terugleververgoeding_kwh"])
                f["zon_minimum_vergoeding_kwh"] = prijs * _vul(ret["minimum_vergoeding_aandeel_leveringsprijs"], 0.0)
                f[f"{s}_elektriciteit_inkoop_kwh"] = volume
                f[f"{s}_zon_opbrengst_jaar"] = opbrengst
            kosten = _kosten_drager(volume, prijs, prijs1, vast_incl_btw, btw, schijven, plafond)
            if drager == "elektriciteit":
                kosten = kosten - _vul(verm["bedrag_jaar_excl_btw"], 0.0) * (1 + btw) - f[f"{s}_zon_opbrengst_jaar"]
            else:
                verwarming = f["verwarming"] if s == "voor" else f["verwarming_na"]
                aansluiting = ~_is(verwarming, "warmtepomp")
                kosten = np.where(aansluiting, kosten, 0.0)
                f[f"{s}_gasaansluiting"] = aansluiting
            f[f"{s}_energie_{drager}_jaar"] = kosten
            f[f"{s}_energie_{drager}"] = kosten / MAANDEN_PER_JAAR
        f[f"prijs_{drager}_incl_btw"] = prijs1
    for s in SITUATIES:
        f[f"{s}_energie_totaal"] = f[f"{s}_energie_gas"] + f[f"{s}_energie_elektriciteit"]


# ----------------------------------------------------------------------------------------------------------
# 4. Local taxes


def _lokale_tarieven(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """The local taxes that follow from gemeente, date, household size and role [€/jaar] (``_afval_jaar``,
    ``_riool_jaar``, ``_ws_jaar``) and the owner's percentages of the WOZ value (``_riool_pct_woz``,
    ``_ozb_pct_woz``, ``_ws_pct_woz``; 0 for a tenant); run once per distinct combination."""
    pd_ = f["_peildatum_cat"]
    n = f.n
    g = zoek(t["tariffs/gemeentelijke_belastingen"], pd_, {"gemeente": f["gemeente"]},
             ["afvalstoffenheffing_eenpersoons_jaar", "afvalstoffenheffing_meerpersoons_jaar",
              "rioolheffing_gebruiker_jaar", "rioolheffing_eigenaar_jaar", "rioolheffing_eigenaar_pct_woz",
              "ozb_eigenaar_pct_woz"], terugval=True, n=n)
    bekend = g["_rij"] >= 0
    fouten.zet(~bekend & _gevuld(f["gemeente"]),
               _met("gemeente: geen gemeentelijke belastingen bekend voor '", f["gemeente"], "'"))
    f["_rij_gemeentelijke_belastingen"] = g["_rij"]
    f["lokale_lasten_ander_jaar"] = g["_terugval"]
    eigenaar = _is(f["rol"], "eigenaar")
    een = f["_eenpersoons"]
    f["_afval_jaar"] = np.where(een, g["afvalstoffenheffing_eenpersoons_jaar"], g["afvalstoffenheffing_meerpersoons_jaar"])
    f["_riool_jaar"] = g["rioolheffing_gebruiker_jaar"] + np.where(eigenaar, _vul(g["rioolheffing_eigenaar_jaar"], 0.0),
                                                                    0.0)
    f["_riool_pct_woz"] = np.where(eigenaar, _vul(g["rioolheffing_eigenaar_pct_woz"], 0.0), 0.0)
    f["_ozb_pct_woz"] = np.where(eigenaar, _vul(g["ozb_eigenaar_pct_woz"], 0.0), 0.0)
    ws_naam = zoek(t["tariffs/gemeente_waterschap"], None, {"gemeente": f["gemeente"]}, ["waterschap"], n=n)
    f["waterschap"] = _cat(ws_naam["waterschap"])
    ws = zoek(t["tariffs/waterschapsbelastingen"], pd_, {"waterschap": f["waterschap"]},
              ["zuiveringsheffing_per_ve_jaar", "watersysteemheffing_ingezetenen_jaar",
               "watersysteemheffing_gebouwd_pct_woz"], terugval=True, n=n)
    fouten.zet(bekend & (ws["_rij"] < 0), _met("gemeente: geen waterschapsbelastingen bekend voor '", f["gemeente"],
                                                "'"))
    f["_rij_waterschapsbelastingen"] = ws["_rij"]
    f["waterschap_ander_jaar"] = ws["_terugval"]
    ve = np.where(een, t.parameter("vervuilingseenheden_eenpersoons"), t.parameter("vervuilingseenheden_meerpersoons"))
    f["vervuilingseenheden"] = ve
    f["_ws_jaar"] = ws["zuiveringsheffing_per_ve_jaar"] * ve + ws["watersysteemheffing_ingezetenen_jaar"]
    f["_ws_pct_woz"] = np.where(eigenaar, _vul(ws["watersysteemheffing_gebouwd_pct_woz"], 0.0), 0.0)


def lokale_lasten(f: Rekenblad, t: Tabellen, fouten: _Fouten) -> None:
    """Municipal and water-board taxes [€/maand] by role and household size; the same before and after. The
    amounts per gemeente, date, household size and role are looked up once per distinct combination; an owner's
    WOZ-based parts (OZB, riool and watersysteemheffing gebouwd) are added per dwelling."""
    f["_eenpersoons"] = f["personen_gebruikt"] <= 1
    per_uniek(_lokale_tarieven, ("gemeente", "_peildatum_cat", "_eenpersoons", "rol"))(f, t, fouten)
    eigenaar = f["_eigenaar"]
    woz = f["woz_waarde"]
    fouten.zet(eigenaar & np.isnan(woz), "woning.woz_waarde: ontbreekt (nodig voor de OZB van een eigenaar)")
    riool, ozb, waterschap = f["_riool_jaar"], np.zeros(f.n), f["_ws_jaar"]
    if eigenaar.any():
        per_procent = np.where(eigenaar, woz / 100, 0.0)  # a tenant's percentages are 0; a NaN WOZ stays NaN
        riool = riool + f["_riool_pct_woz"] * per_procent
        ozb = f["_ozb_pct_woz"] * per_procent
        waterschap = waterschap + f["_ws_pct_woz"] * per_procent
    delen = {"afvalstoffenheffing": f["_afval_jaar"], "rioolheffing": riool, "ozb": ozb, "waterschap": waterschap}
    for naam, jaar in delen.items():  # the same array before and after
        f[f"voor_lokale_lasten_{naam}"] = f[f"na_lokale_lasten_{naam}"] = jaar / MAANDEN_PER_JAAR
    totaal = sum(delen.values()) / MAANDEN_PER_JAAR
    f["voor_lokale_lasten_totaal"] = f["na_lokale_lasten_totaal"] = totaal


# ----------------------------------------------------------------------------------------------------------
# 5. Rent


# Columns that are information only (rent class, WWS, EPV): a caller that asks for none of them skips them.
HUURINFORMATIE = ("huurklasse_voor", "huurklasse_na", "_rij_huurgrenzen", "wws_energiepunten_voor",
                  "wws_energiepunten_na", "_rij_wws_voor", "_rij_wws_na", "wws_punten_na", "max_huur_voor",
                  "max_huur_na", "_rij_wws_max_voor", "_rij_wws_max_na", "epv_max_m2_maand", "epv_max_maand",
                  "epv_boven_banden", "_rij_epv")


def huur(f: Rekenblad, t: Tabellen, fouten: _Fouten, informatie: bool = True) -> None:
    """Rent [€/maand]: kale huur + servicekosten, plus after the upgrade the rent increase (given, or what the
    rules of the date allow) and the solar-panel servicekosten; huurtoeslag (negative) and net rent where an
    income is given. An owner pays no rent. With ``informatie``: the rent class, WWS points, maximum rent and
    EPV (:data:`HUURINFORMATIE`), which change no amount."""
    huurder = _is(f["rol"], "huurder")
    f["_huurder"] = huurder
    # the rules depend on the situation after the upgrade, the size class, a new letting, the role and the date
    f["_klasse_vergoeding"] = huurregels.vergoeding_klasse(t, f["oppervlakte_m2"])
    f["_nieuw"] = f["nieuwe_verhuring"] == 1
    per_uniek(huurregels.huurverhoging, ("_situatie", "_klasse_vergoeding", "_nieuw", "rol", "_peildatum_cat"))(
        f, t, fouten)
    huurregels.vergelijking(f)
    gegeven = ~np.isnan(f["huurverhoging"])
    verhoging = np.where(gegeven, f["huurverhoging"], f["huurverhoging_regels"])
    f["huurverhoging_herkomst"] = categorisch(gegeven.astype(np.int8), ("regels", "opgegeven"))
    servicekosten_na = f["servicekosten"] + f["zon_servicekosten"]
    for s in SITUATIES:
        f[f"{s}_huur_kale_huur"] = np.where(huurder, f["kale_huur"], 0.0)
        f[f"{s}_huur_servicekosten"] = np.where(huurder, f["servicekosten"] if s == "voor" else servicekosten_na, 0.0)
        f[f"{s}_huur_huurverhoging"] = np.where(huurder, verhoging, 0.0) if s == "na" else np.zeros(f.n)
        f[f"{s}_huur_totaal"] = f[f"{s}_huur_kale_huur"] + f[f"{s}_huur_servicekosten"] + f[f"{s}_huur_huurverhoging"]
        kale = f[f"{s}_huur_kale_huur"] + f[f"{s}_huur_huurverhoging"]
        toeslag, rij = huurregels.huurtoeslag(f, t, kale, f[f"{s}_huur_servicekosten"])
        f[f"{s}_huurtoeslag_berekend"] = huurder & ~np.isnan(toeslag)
        f[f"{s}_huur_huurtoeslag"] = -np.where(huurder, _vul(toeslag, 0.0), 0.0)
        f[f"{s}_huur_netto"] = f[f"{s}_huur_totaal"] + f[f"{s}_huur_huurtoeslag"]
        f[f"_rij_huurtoeslag_{s}"] = rij
        if informatie:
            klasse, rij_g = huurregels.huurklasse(t, f, kale)
            f[f"huurklasse_{s}"] = klasse
            f["_rij_huurgrenzen"] = rij_g
    if informatie:
        huurregels.wws(f, t)
        huurregels.epv(f, t)


# ----------------------------------------------------------------------------------------------------------
# The path


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
                     uitvoer: list[str] | None = None, zonder_ingreep: str = "leeg") -> Rekenblad:
    """:func:`bereken_frame` without building the DataFrame: the columns as arrays (a large portfolio joins the
    arrays of its blocks itself and builds one frame at the end)."""
    t = tabellen or laad_tabellen()
    if not invoer.index.is_unique:
        invoer = invoer.reset_index(drop=True)
    fouten = _Fouten(len(invoer))
    f = normaliseer(invoer, fouten)
    per_uniek(situatie_na, ("maatregelen", "woningtype", "energielabel", "naar_label", "verwarming",
                            "huurverhoging"), code_kolom="_situatie")(f, t, fouten)
    verbruik(f, t, fouten)
    energie(f, t, fouten)
    lokale_lasten(f, t, fouten)
    huur(f, t, fouten, informatie=uitvoer is None or any(k in uitvoer for k in HUURINFORMATIE))
    financiering.financiering(f, t, fouten, maatregel_kolommen(t))
    hypotheek = np.where(f["_eigenaar"], _vul(f["hypotheeklasten_maand"], 0.0), 0.0)
    for s in SITUATIES:
        f[f"{s}_financiering_lening"] = f["maandlast_lening"] if s == "na" else np.zeros(f.n)
        f[f"{s}_financiering_hypotheek"] = hypotheek
        f[f"{s}_financiering_totaal"] = f[f"{s}_financiering_lening"] + hypotheek
        f[f"{s}_totaal"] = (f[f"{s}_huur_totaal"] + f[f"{s}_energie_totaal"] + f[f"{s}_lokale_lasten_totaal"]
                            + f[f"{s}_financiering_totaal"])
        f[f"{s}_totaal_netto"] = f[f"{s}_totaal"] + f[f"{s}_huur_huurtoeslag"]
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
    for deel in ("totaal", "totaal_netto"):  # verschil_totaal decides woonlastenneutraal: always
        if f"verschil_{deel}" not in f and (deel == "totaal" or gevraagd("woonlastenneutraal_netto")):
            f[f"verschil_{deel}"] = np.where(leeg_na, np.nan, na_van(deel) - f[f"voor_{deel}"])
    f["woonlastenneutraal"] = _neutraal(f["verschil_totaal"])
    # principle 7: the estimate's band. Estimated use scatters ±onzekerheid around the measured averages, and the
    # energy difference with it; with the household's own gas use the level is measured (no band).
    if gevraagd("verschil_totaal_laag", "verschil_totaal_hoog", "bandbreedte_verbruik"):
        band = np.where(np.isnan(f["gas_m3"]), t.parameter("onzekerheid_verbruik_schatting"), 0.0)
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
