"""Loading and looking up the dated, sourced data tables in ``tariffs/`` and ``labels/``.

Every table is a CSV file (see ``docs/DATA-CONVENTIONS.md``). Each file is validated once, row by row, against a
pydantic row model built from :data:`SCHEMAS`; a bad cell raises :class:`DataFout` naming the file, the line and
the column. Lookups answer "the row valid on date D" for a whole column of dates at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Hashable, Optional, Union

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

PROJECT_DIR = Path(__file__).resolve().parent.parent
TARIFFS_DIR = PROJECT_DIR / "tariffs"
LABELS_DIR = PROJECT_DIR / "labels"

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
    "labels/maatregelen": {
        "kolommen": {"maatregel": str, "omschrijving": S, "soort": str, "eenheid": str,
                     "investering_per_eenheid": F},
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


class DataFout(ValueError):
    """A data file in tariffs/ or labels/ is missing, malformed or inconsistent (message in Dutch)."""


@dataclass
class Tabel:
    """One validated data table.

    ``frame`` holds the rows with ``geldig_vanaf``/``geldig_tot`` as ``datetime64`` (an empty ``geldig_tot`` is
    read as the far future) and a column ``_rij`` with the 1-based line number in the file (header = line 1),
    which results carry to cite the exact source row.

    Derived data (rows per date, key indexes) is remembered on the object; each entry is built whole and then
    stored in one assignment, so threads computing blocks of a portfolio at once can share a table (two threads
    may build the same entry; both results are equal).
    """

    naam: str
    pad: Path
    frame: pd.DataFrame
    sleutel: list[str] = field(default_factory=list)

    @property
    def gedateerd(self) -> bool:
        return "geldig_vanaf" in self.frame.columns

    def geldig_op(self, datum: dt.date | pd.Timestamp) -> pd.DataFrame:
        """Rows valid on ``datum`` (all rows for an undated table). Remembered per date: tables do not change
        after loading, and a single case asks the same tables for the same date dozens of times."""
        if not self.gedateerd:
            return self.frame
        d = pd.Timestamp(datum)
        onthouden = self.__dict__.setdefault("_per_datum", {})
        if d not in onthouden:
            f = self.frame
            onthouden[d] = f[(f["geldig_vanaf"] <= d) & (f["geldig_tot"] >= d)]
        return onthouden[d]

    def sleutelindex(self, rijen: pd.DataFrame, kolommen: tuple[str, ...]) -> dict[tuple, int]:
        """Position of each key combination in ``rijen`` (a result of :meth:`geldig_op` or the frame itself),
        keys as text (see ``_tekst``); remembered per set of rows."""
        onthouden = self.__dict__.setdefault("_sleutels", {})
        sleutel = (id(rijen), kolommen)
        if sleutel not in onthouden:
            tekst = [tuple(_tekst(w) for w in rij) for rij in rijen[list(kolommen)].itertuples(index=False)]
            onthouden[sleutel] = ({s: i for i, s in enumerate(tekst)}, rijen)  # keep rijen alive: id stays unique
        return onthouden[sleutel][0]

    def tekstcodes(self, rijen: pd.DataFrame, kolom: str) -> tuple[np.ndarray, pd.Index]:
        """Codes of text column ``kolom`` in ``rijen`` (-1 = empty) over the distinct values of the whole table,
        so lookups return Categoricals instead of million-element object arrays; remembered per set of rows."""
        onthouden = self.__dict__.setdefault("_tekstcodes", {})
        sleutel = (id(rijen), kolom)
        if sleutel not in onthouden:
            categorieen = pd.Index(pd.unique(self.frame[kolom].dropna()))
            onthouden[sleutel] = (categorieen.get_indexer(rijen[kolom]).astype(np.int64), categorieen, rijen)
        codes, categorieen, _ = onthouden[sleutel]
        return codes, categorieen

    def afgeleid(self, sleutel: Hashable, maak: Callable[[pd.DataFrame], Any]) -> Any:
        """``maak(frame)``, remembered under ``sleutel`` until the frame is replaced (a copy with a derived column
        swapped in, see ``kern._gas_per_m2``). Shared, so not to be changed by the caller."""
        onthouden = self.__dict__.setdefault("_afgeleid", {})
        frame = self.frame  # read once: another thread may swap it meanwhile
        bewaard = onthouden.get(sleutel)
        if bewaard is None or bewaard[1] is not frame:
            if len(onthouden) >= _AFGELEID_MAXIMUM:  # a long-running app sees ever new key lists: start afresh
                onthouden.clear()
            bewaard = onthouden[sleutel] = (maak(frame), frame)  # built whole, stored in one step
        return bewaard[0]

    def rij(self, regelnummer: int) -> pd.Series:
        """The row at 1-based file line ``regelnummer``."""
        return self.frame.loc[self.frame["_rij"] == regelnummer].iloc[0]


_EINDE = pd.Timestamp("2262-01-01")
_AFGELEID_MAXIMUM = 2_000  # remembered values per table (Tabel.afgeleid), a few MB at most


def _row_model(naam: str, kolommen: dict[str, Any]) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for kol, typ in kolommen.items():
        fields[kol] = (typ, None) if _is_optional(typ) else (typ, ...)
    fields["status"] = (Optional[str], None)
    fields["bron"] = (str, ...)
    return create_model(  # type: ignore[call-overload]
        "Rij_" + naam.replace("/", "_"), __config__=ConfigDict(extra="allow", str_strip_whitespace=True), **fields
    )


def _is_optional(typ: Any) -> bool:
    return getattr(typ, "__origin__", None) is not None and type(None) in getattr(typ, "__args__", ())


def laad_tabel(pad: Path, naam: str) -> Tabel:
    """Read and validate one CSV table; raises :class:`DataFout` with file, line and column on bad data."""
    schema = SCHEMAS[naam]
    if not pad.exists():
        raise DataFout(f"Databestand ontbreekt: {pad}")
    try:
        ruw = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as exc:  # noqa: BLE001 - any parse problem becomes a Dutch message
        raise DataFout(f"{pad.name}: niet te lezen als CSV ({exc})") from exc
    model = _row_model(naam, schema["kolommen"])
    ontbrekend = [k for k in list(schema["kolommen"]) + ["bron"] if k not in ruw.columns
                  and not _is_optional(schema["kolommen"].get(k, str))]
    if ontbrekend:
        raise DataFout(f"{pad.name}: kolom(men) ontbreken: {', '.join(ontbrekend)}")
    rijen = []
    for i, record in enumerate(ruw.to_dict(orient="records")):
        waarden = {k: (v if v != "" else None) for k, v in record.items()}
        try:
            rij = model.model_validate(waarden)
        except ValidationError as exc:
            fout = exc.errors()[0]
            kol = ".".join(str(x) for x in fout["loc"])
            raise DataFout(
                f"{pad.name}, regel {i + 2}, kolom '{kol}': ongeldige waarde {waarden.get(kol)!r} ({fout['msg']})"
            ) from exc
        if rij.status is not None and rij.status not in STATUSSEN:
            raise DataFout(f"{pad.name}, regel {i + 2}, kolom 'status': {rij.status!r} is niet een van {STATUSSEN}")
        d = rij.model_dump()
        d["_rij"] = i + 2
        rijen.append(d)
    frame = pd.DataFrame(rijen)
    if frame.empty:
        raise DataFout(f"{pad.name}: het bestand bevat geen regels")
    if "geldig_vanaf" in frame.columns:
        frame["geldig_vanaf"] = pd.to_datetime(frame["geldig_vanaf"])
        frame["geldig_tot"] = pd.to_datetime(frame.get("geldig_tot")).fillna(_EINDE)
        _controleer_overlap(frame, schema["sleutel"], pad.name)
    elif schema["sleutel"]:
        dubbel = frame.duplicated(schema["sleutel"], keep="first")
        if dubbel.any():
            r = frame.loc[dubbel, "_rij"].iloc[0]
            raise DataFout(f"{pad.name}, regel {r}: dezelfde sleutel {schema['sleutel']} staat er al eerder in")
    for kol, typ in schema["kolommen"].items():
        if typ in (float, F) and kol in frame.columns:
            frame[kol] = frame[kol].astype(float)
    return Tabel(naam=naam, pad=pad, frame=frame, sleutel=list(schema["sleutel"]))


def _controleer_overlap(frame: pd.DataFrame, sleutel: list[str], bestand: str) -> None:
    groepen = frame.groupby(sleutel, dropna=False) if sleutel else [((), frame)]
    for key, g in groepen:
        g = g.sort_values("geldig_vanaf")
        vanaf = g["geldig_vanaf"].to_numpy()
        tot = g["geldig_tot"].to_numpy()
        if (tot < vanaf).any():
            r = g.loc[tot < vanaf, "_rij"].iloc[0]
            raise DataFout(f"{bestand}, regel {r}: geldig_tot ligt vóór geldig_vanaf")
        overlap = vanaf[1:] <= tot[:-1]
        if overlap.any():
            r = g["_rij"].to_numpy()[1:][overlap][0]
            raise DataFout(f"{bestand}, regel {r}: periode overlapt met een eerdere regel voor {key}")


@dataclass
class Tabellen:
    """All data tables, by name (``"tariffs/btw"``, ``"labels/parameters"``, ...)."""

    tabellen: dict[str, Tabel]

    def __getitem__(self, naam: str) -> Tabel:
        return self.tabellen[naam]

    def parameter(self, naam: str) -> float:
        """A named constant from ``labels/parameters.csv``."""
        waarden = self.__dict__.get("_parameters")
        if waarden is None:
            f = self["labels/parameters"].frame
            waarden = self.__dict__["_parameters"] = dict(zip(f["naam"], f["waarde"].astype(float), strict=True))
        if naam not in waarden:
            raise DataFout(f"parameters.csv: parameter '{naam}' ontbreekt")
        return waarden[naam]



def _datamap(extra: Optional[str]) -> dict[str, Path]:
    """Where each table is read from: the shipped folders, overridden per file by ``extra`` folder(s)."""
    paden = {naam: PROJECT_DIR / f"{naam}.csv" for naam in SCHEMAS}
    for map_ in [m for m in (extra or "").split(os.pathsep) if m]:
        for naam in SCHEMAS:
            kandidaat = Path(map_) / f"{Path(naam).name}.csv"
            if kandidaat.exists():
                paden[naam] = kandidaat
    return paden


@lru_cache(maxsize=8)
def laad_tabellen(extra: Optional[str] = None) -> Tabellen:
    """Load every table once. ``extra``: folder(s) with own copies of tables that replace the shipped ones
    (same file name and columns), e.g. a corporation's own vergoedingentabel. Defaults to ``$WOONLASTEN_DATA``.

    Validated tables are kept in a cache file keyed on the exact bytes of every data file and of this module, so
    a new process (the app's first load, a CLI call) skips the row-by-row validation when nothing changed. Set
    ``WOONLASTEN_CACHE=uit`` to switch it off."""
    extra = extra if extra is not None else os.environ.get("WOONLASTEN_DATA")
    paden = _datamap(extra)
    cache = _cachepad(paden)
    if cache is not None and cache.exists():
        try:
            with open(cache, "rb") as fh:
                tabellen = pickle.load(fh)
            if isinstance(tabellen, Tabellen) and set(tabellen.tabellen) == set(paden):
                return tabellen
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
            pass
    tabellen = Tabellen({naam: laad_tabel(pad, naam) for naam, pad in paden.items()})
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk = cache.with_suffix(f".{os.getpid()}.tmp")
            with open(tijdelijk, "wb") as fh:
                pickle.dump(tabellen, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tijdelijk, cache)
        except OSError:
            pass
    return tabellen


def _cachepad(paden: dict[str, Path]) -> Optional[Path]:
    """The cache file for exactly these data files and this code; None when caching is off or impossible."""
    instelling = os.environ.get("WOONLASTEN_CACHE", "")
    if instelling.lower() in ("uit", "0", "nee", "off"):
        return None
    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    h.update(repr(sorted((k, repr(v)) for k, v in SCHEMAS.items())).encode())
    for naam, pad in sorted(paden.items()):
        h.update(naam.encode())
        try:
            h.update(pad.read_bytes())
        except OSError:
            return None  # a missing file: load normally and report it
    basis = Path(instelling) if instelling else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "woonlasten"
    return basis / f"tabellen-{h.hexdigest()[:24]}.pickle"


# --------------------------------------------------------------------------------------------------------------
# Column-wise lookups


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
    sleutel = ("constant", datum, tuple((k, _tekst(v)) for k, v in sleutels.items()), tuple(kolommen), terugval)
    uit = tabel.afgeleid(sleutel, lambda _: _constante_rij(tabel, datum, sleutels, kolommen, terugval))
    return None if uit is None else dict(uit)


def _constante_rij(tabel: Tabel, datum: pd.Timestamp | None, sleutels: dict, kolommen: list[str], terugval: bool):
    """:func:`_constante_treffer` without the memory."""
    rijen = tabel.geldig_op(datum) if datum is not None else tabel.frame
    if sleutels:
        i = tabel.sleutelindex(rijen, tuple(sleutels)).get(tuple(_tekst(v) for v in sleutels.values()))
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
        sleutel_tabel = [tuple(_tekst(w) for w in rij) for rij in rijen[list(sleutels)].itertuples(index=False)]
        positie_van = {s: i for i, s in enumerate(sleutel_tabel)}

    def rij_van(combinatie: int) -> int:
        delen = []
        for _codes_k, uniek in reversed(per_kolom):
            combinatie, rest = divmod(combinatie, len(uniek))
            delen.append(_tekst(uniek[rest]))
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


def _tekst(waarde: Any) -> str:
    """Key text for matching: 3, 3.0 and "3" all become "3"; text is compared case-insensitively."""
    if isinstance(waarde, (float, np.floating)) and float(waarde).is_integer():
        return str(int(waarde))
    return str(waarde).strip().lower()


def _dichtstbij(tabel: Tabel, datums: np.ndarray, gevraagd: dict[str, np.ndarray]) -> np.ndarray:
    """Per request, the position of the row with the same keys whose period lies nearest to the date."""
    f = tabel.frame
    sleutel_kol = list(gevraagd)
    uit = np.full(len(datums), -1, dtype=np.int64)
    combi = pd.DataFrame({**{k: [_tekst(w) for w in v] for k, v in gevraagd.items()}, "_d": datums})
    tekst = f[sleutel_kol].apply(lambda kol: kol.map(_tekst))
    for key, groep in combi.groupby(sleutel_kol + ["_d"], sort=False):
        sleutel, d = key[:-1], pd.Timestamp(key[-1])
        masker = np.ones(len(f), dtype=bool)
        for k, w in zip(sleutel_kol, sleutel, strict=False):
            masker &= (tekst[k] == w).to_numpy()
        if not masker.any():
            continue
        kand = f[masker]
        afstand = np.maximum((kand["geldig_vanaf"] - d).dt.days.clip(lower=0),
                             (d - kand["geldig_tot"]).dt.days.clip(lower=0))
        uit[groep.index.to_numpy()] = np.flatnonzero(masker)[int(np.argmin(afstand.to_numpy()))]
    return uit
