"""Loading and looking up the dated, sourced data tables in ``tariffs/`` and ``labels/``.

Every table is a CSV file (see ``docs/DATA-CONVENTIONS.md``). Each file is validated once, row by row, against a
pydantic row model built from :data:`SCHEMAS`; a bad cell raises :class:`DataFout` naming the file, the line and
the column. Lookups answer "the row valid on date D" for a whole column of dates at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import itertools
import json
import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Hashable, Optional

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from woonlasten.data import schema as _schema
from woonlasten.data.schema import FRACTIE, SCHEMAS, STATUSSEN, VAN_1_TOT_MAX, F, grens
from woonlasten.meldingen import getoonde_waarde, reden

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
TARIFFS_DIR = PROJECT_DIR / "tariffs"
LABELS_DIR = PROJECT_DIR / "labels"






class DataFout(ValueError):
    """A data file is missing, malformed or inconsistent (message in Dutch). ``eigen``: the fault lies in the
    user's own tables (``WOONLASTEN_DATA``), not in the shipped ones in tariffs/ and labels/."""

    def __init__(self, bericht: str, eigen: bool = False):
        super().__init__(bericht)
        self.eigen = eigen


@dataclass(frozen=True)
class Tabel:
    """One validated data table.

    ``frame`` holds the rows with ``geldig_vanaf``/``geldig_tot`` as ``datetime64`` (an empty ``geldig_tot`` is
    read as the far future) and a column ``_rij`` with the 1-based line number in the file (header = line 1),
    which results carry to cite the exact source row.

    A table never changes after loading (the fields cannot be reassigned; nothing writes into ``frame``). Derived
    data (rows per date, key indexes, :meth:`afgeleid` values such as a derived table) is remembered on the object;
    each entry is built whole and then stored in one assignment, so threads computing blocks of a portfolio at once
    can share a table (two threads may build the same entry; both results are equal).
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
        keys as text (see ``sleutel_tekst``); remembered per set of rows."""
        onthouden = self.__dict__.setdefault("_sleutels", {})
        sleutel = (id(rijen), kolommen)
        if sleutel not in onthouden:
            tekst = [tuple(sleutel_tekst(w) for w in rij) for rij in rijen[list(kolommen)].itertuples(index=False)]
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
        """``maak(frame)``, remembered under ``sleutel`` (a value derived from the table, e.g. a table with an extra
        column: derived values live here, the table itself never changes). Shared, so not to be changed by the
        caller."""
        onthouden = self.__dict__.setdefault("_afgeleid", {})
        waarde = onthouden.get(sleutel, _ONBEKEND)
        if waarde is _ONBEKEND:
            if len(onthouden) >= _AFGELEID_MAXIMUM:  # a long-running app sees ever new key lists: start afresh
                onthouden.clear()
            waarde = onthouden[sleutel] = maak(self.frame)  # built whole, stored in one step
        return waarde

    def per(self, kolom: str) -> pd.DataFrame:
        """The table indexed by its key column ``kolom`` (e.g. ``maatregel``), made once; not to be changed."""
        return self.afgeleid(("per", kolom), lambda frame: frame.set_index(kolom))

    def rij(self, regelnummer: int) -> pd.Series:
        """The row at 1-based file line ``regelnummer``."""
        return self.frame.loc[self.frame["_rij"] == regelnummer].iloc[0]


_EINDE = pd.Timestamp("2262-01-01")
_AFGELEID_MAXIMUM = 2_000  # remembered values per table (Tabel.afgeleid), a few MB at most
_ONBEKEND = object()  # not remembered yet (None is a value that is remembered)


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
    """Read and validate one CSV table; raises :class:`DataFout` with file, line and column on bad data (a shipped
    file named by its file name, an own file by its full path)."""
    eigen = not _is_meegeleverd(pad)
    try:
        return _lees_tabel(pad, naam, str(pad) if eigen else pad.name)
    except DataFout as exc:
        exc.eigen = eigen
        raise


def _is_meegeleverd(pad: Path) -> bool:
    return pad.resolve().parent in (TARIFFS_DIR, LABELS_DIR)


def _lees_tabel(pad: Path, naam: str, bestand: str) -> Tabel:
    """:func:`laad_tabel`; ``bestand``: how messages name the file."""
    schema = SCHEMAS[naam]
    if not pad.exists():
        raise DataFout(f"Databestand ontbreekt: {pad}")
    try:
        ruw = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as exc:  # noqa: BLE001 - any parse problem becomes a Dutch message
        raise DataFout(f"{bestand}: niet te lezen als CSV ({exc})") from exc
    model = _row_model(naam, schema["kolommen"])
    ontbrekend = [k for k in list(schema["kolommen"]) + ["bron"] if k not in ruw.columns
                  and not _is_optional(schema["kolommen"].get(k, str))]
    if ontbrekend:
        raise DataFout(f"{bestand}: kolom(men) ontbreken: {', '.join(ontbrekend)}")
    rijen = []
    for i, record in enumerate(ruw.to_dict(orient="records")):
        waarden = {k: (v if v != "" else None) for k, v in record.items()}
        try:
            rij = model.model_validate(waarden)
        except ValidationError as exc:
            fout = exc.errors()[0]
            kol = ".".join(str(x) for x in fout["loc"])
            raise DataFout(
                f"{bestand}, regel {i + 2}, kolom '{kol}': ongeldige waarde {getoonde_waarde(waarden.get(kol))} "
                f"({reden(fout)})"
            ) from exc
        if rij.status is not None and rij.status not in STATUSSEN:
            raise DataFout(f"{bestand}, regel {i + 2}, kolom 'status': {getoonde_waarde(rij.status)} is niet een van "
                           f"{', '.join(STATUSSEN)}")
        d = rij.model_dump()
        d["_rij"] = i + 2
        rijen.append(d)
    frame = pd.DataFrame(rijen)
    if frame.empty:
        raise DataFout(f"{bestand}: het bestand bevat geen regels")
    _controleer_grenzen(frame, ruw, naam, bestand)
    if "eenheid_per" in schema:
        _controleer_eenheid(frame, *schema["eenheid_per"], bestand)
    if "geldig_vanaf" in frame.columns:
        frame["geldig_vanaf"] = pd.to_datetime(frame["geldig_vanaf"])
        frame["geldig_tot"] = pd.to_datetime(frame.get("geldig_tot")).fillna(_EINDE)
        _controleer_overlap(frame, schema["sleutel"], bestand)
    elif schema["sleutel"]:
        dubbel = frame.duplicated(schema["sleutel"], keep="first")
        if dubbel.any():
            r = frame.loc[dubbel, "_rij"].iloc[0]
            raise DataFout(f"{bestand}, regel {r}: dezelfde sleutel {schema['sleutel']} staat er al eerder in")
    for kol, typ in schema["kolommen"].items():
        if typ in (float, F) and kol in frame.columns:
            frame[kol] = frame[kol].astype(float)
    if "volledig" in schema:
        _controleer_volledig(frame, schema["volledig"], bestand)
    return Tabel(naam=naam, pad=pad, frame=frame, sleutel=list(schema["sleutel"]))


def _controleer_grenzen(frame: pd.DataFrame, ruw: pd.DataFrame, naam: str, bestand: str) -> None:
    """Every filled number finite and every number and date within the bounds of its column (:func:`grens`); the
    first offending cell in file order is a :class:`DataFout` with line, column, the value as written and the rule."""
    fouten: list[tuple[int, int, str, str]] = []  # (row position, column position, column, rule)
    for j, kol in enumerate(SCHEMAS[naam]["kolommen"]):
        g = grens(naam, kol)
        if g is None or kol not in frame.columns:
            continue
        if isinstance(g.laag, dt.date) or isinstance(g.hoog, dt.date):
            buiten = [i for i, d in enumerate(frame[kol]) if d is not None and not pd.isna(d)
                      and ((g.laag is not None and d < g.laag) or (g.hoog is not None and d > g.hoog))]
            if buiten:
                fouten.append((buiten[0], j, kol, g.regel.format(kolom=kol)))
            continue
        waarden = np.array(frame[kol].to_list(), dtype=float)  # None (an empty cell) becomes NaN, as "nan" does
        gevuld = ruw[kol].to_numpy() != "" if kol in ruw.columns else np.zeros(len(frame), dtype=bool)  # as read
        eindig = np.isfinite(waarden)
        niet_eindig = np.flatnonzero(gevuld & ~eindig)
        if len(niet_eindig):
            fouten.append((niet_eindig[0], j, kol, "geen eindig getal: nan en inf zijn niet toegestaan"))
        with np.errstate(invalid="ignore"):
            buiten = eindig & (((waarden < g.laag) if g.laag is not None else False)
                               | ((waarden > g.hoog) if g.hoog is not None else False))
        if buiten.any():
            i = int(np.flatnonzero(buiten)[0])
            regel = g.regel.format(kolom=kol)
            if g is FRACTIE and 1 < waarden[i] <= 100:
                regel += f" ({waarden[i]:g} % = {waarden[i] / 100:g})"
            fouten.append((i, j, kol, regel))
    if fouten:
        i, _, kol, regel = min(fouten)
        waarde = ruw[kol].iloc[i] if kol in ruw.columns else None
        raise DataFout(f"{bestand}, regel {i + 2}, kolom '{kol}': ongeldige waarde {getoonde_waarde(waarde)} ({regel})")


def _controleer_eenheid(frame: pd.DataFrame, kolom: str, eenheden: dict[str, str], bestand: str) -> None:
    """The column ``eenheid`` holds the unit ``eenheden`` gives for the row's value of ``kolom`` (a percentage rule
    in %, an amount in EUR/maand); the first row that does not is a :class:`DataFout` with its line."""
    fout = frame["eenheid"] != frame[kolom].map(eenheden)
    if fout.any():
        rij = frame[fout].iloc[0]
        raise DataFout(f"{bestand}, regel {rij['_rij']}, kolom 'eenheid': ongeldige waarde "
                       f"{getoonde_waarde(rij['eenheid'])} (bij {kolom} '{rij[kolom]}' hoort eenheid '{eenheden[rij[kolom]]}')")


_SLEUTELTEKST = {"energielabel": "label {}", "personen": "{} personen", "oppervlakte_vanaf_m2": "oppervlakte vanaf {} m²"}


def _beschrijf_sleutel(kolommen: list[str], waarden: tuple) -> str:
    """A key combination in words: 'hoekwoning met label F'."""
    delen = [("1 persoon" if k == "personen" and sleutel_tekst(w) == "1" else
              _SLEUTELTEKST.get(k, "{}" if i == 0 else k + " {}").format(sleutel_tekst(w) if isinstance(w, float) else w))
             for i, (k, w) in enumerate(zip(kolommen, waarden, strict=True))]
    return delen[0] + (" met " + " en ".join(delen[1:]) if len(delen) > 1 else "")


def _controleer_volledig(frame: pd.DataFrame, volledig: dict[str, Any], bestand: str,
                         tabellen: Optional[dict[str, "Tabel"]] = None) -> None:
    """A row for every combination of the values the ``volledig`` entry of the schema names, on every date on which
    the table has rows; else a :class:`DataFout` naming the missing combinations. Values of another table
    (``"labels/maatregelen:maatregel"``) are checked when ``tabellen`` holds that table (else: the values that occur)."""
    kolommen = list(volledig)
    nodig: list[list[Any]] = []
    for kol, spec in volledig.items():
        if spec == VAN_1_TOT_MAX:
            nodig.append(list(range(1, int(frame[kol].max()) + 1)))
        elif isinstance(spec, str) and ":" in spec and tabellen is not None:
            tabel, kolom = spec.split(":")
            nodig.append(list(pd.unique(tabellen[tabel].frame[kolom].dropna())))
        elif isinstance(spec, str):  # AANWEZIG, or another table's values while that table is not at hand
            nodig.append(list(pd.unique(frame[kol].dropna())))
        else:
            nodig.append(list(spec))
    momenten: list[Optional[pd.Timestamp]] = [None]
    if "geldig_vanaf" in frame.columns:  # the validity of rows changes only at these dates
        na_einde = frame["geldig_tot"][frame["geldig_tot"] < _EINDE] + pd.Timedelta(days=1)
        momenten = sorted(set(frame["geldig_vanaf"]) | set(na_einde))
    for moment in momenten:
        rijen = frame if moment is None else frame[(frame["geldig_vanaf"] <= moment) & (frame["geldig_tot"] >= moment)]
        if rijen.empty:
            continue
        aanwezig = {tuple(sleutel_tekst(w) for w in rij) for rij in rijen[kolommen].itertuples(index=False)}
        ontbreekt = [c for c in itertools.product(*nodig) if tuple(sleutel_tekst(w) for w in c) not in aanwezig]
        if ontbreekt:
            tekst = "; ".join(_beschrijf_sleutel(kolommen, c) for c in ontbreekt[:5])
            if len(ontbreekt) > 5:
                tekst += f" (en nog {len(ontbreekt) - 5})"
            op = "" if moment is None else f" geldig op {moment.date()}"
            raise DataFout(f"{bestand}: geen regel{op} voor {tekst}")


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
            pad = self["labels/parameters"].pad
            eigen = not _is_meegeleverd(pad)
            raise DataFout(f"{pad if eigen else pad.name}: parameter '{naam}' ontbreekt", eigen=eigen)
        return waarden[naam]



def _datamap(extra: Optional[str]) -> dict[str, Path]:
    """Where each table is read from: the shipped folders, overridden per file by ``extra`` folder(s) (separated by
    ``os.pathsep``, a later folder wins). A folder that does not exist, or a CSV in it whose name is no table, is a
    :class:`DataFout`: a misspelt name must not silently leave the shipped table in use. Other CSV files shipped
    next to the tables (e.g. huurtoeslag_voorbeelden.csv, in a copied tariffs/ folder) are passed over."""
    paden = dict(_meegeleverde_paden())
    for map_ in [m for m in (extra or "").split(os.pathsep) if m]:
        map_pad = Path(map_).resolve()
        if not map_pad.is_dir():
            raise DataFout(f"De map met eigen tabellen (WOONLASTEN_DATA) bestaat niet: {map_pad}", eigen=True)
        for pad in sorted(map_pad.iterdir()):
            if pad.suffix.lower() != ".csv" or not pad.is_file():
                continue
            naam = _TABEL_VAN_BESTAND.get(pad.name)
            if naam is None and pad.name in _andere_meegeleverde_csv():
                continue
            if naam is None:
                lijkt = difflib.get_close_matches(pad.name, list(_TABEL_VAN_BESTAND), n=1)
                raise DataFout(
                    f"{pad}: onbekende tabelnaam '{pad.stem}' in de map met eigen tabellen (WOONLASTEN_DATA). "
                    + (f"Bedoelt u {lijkt[0]}? " if lijkt else "")
                    + "Een eigen tabel heeft dezelfde bestandsnaam als de meegeleverde, bijvoorbeeld "
                    "vergoedingentabel.csv.", eigen=True)
            paden[naam] = pad
    return paden


_TABEL_VAN_BESTAND = {f"{Path(naam).name}.csv": naam for naam in SCHEMAS}


@lru_cache(maxsize=1)
def _meegeleverde_paden() -> dict[str, Path]:
    return {naam: PROJECT_DIR / f"{naam}.csv" for naam in SCHEMAS}


@lru_cache(maxsize=1)
def _andere_meegeleverde_csv() -> frozenset[str]:
    """Names of the shipped CSV files that are no table."""
    return frozenset(p.name for map_ in (TARIFFS_DIR, LABELS_DIR) for p in map_.glob("*.csv")) - set(_TABEL_VAN_BESTAND)


def laad_tabellen(extra: Optional[str] = None) -> Tabellen:
    """Every table, loaded once per set of files. ``extra``: folder(s) with own copies of tables that replace the
    shipped ones (same file name and columns), e.g. a corporation's own vergoedingentabel. Defaults to
    ``$WOONLASTEN_DATA``, read at every call.

    The loaded tables are remembered per resolved file list with each file's modification time and size, so a
    changed ``WOONLASTEN_DATA`` or an edited own table is read afresh and an unchanged one is the same object.
    Validated tables are also kept in a cache (see :class:`_Cache`) keyed on the resolved path and the exact bytes
    of every data file and on this module, so a new process (the app's first load, a CLI call) skips the row-by-row
    validation when nothing changed. Set ``WOONLASTEN_CACHE=uit`` to switch it off, or to a folder to put it there
    (default ``$XDG_CACHE_HOME/woonlasten`` or ``~/.cache/woonlasten``)."""
    paden = _datamap(extra if extra is not None else os.environ.get("WOONLASTEN_DATA"))
    return _laad(tuple((naam, pad, _stempel(pad)) for naam, pad in paden.items()))


def _stempel(pad: Path) -> Optional[tuple[int, ...]]:
    """What changes when a file is edited or replaced (None: missing, reported when it is read)."""
    try:
        st = pad.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino


@lru_cache(maxsize=8)
def _laad(bestanden: tuple[tuple[str, Path, Optional[tuple[int, ...]]], ...]) -> Tabellen:
    """:func:`laad_tabellen` for these files (name, path, :func:`_stempel`)."""
    paden = {naam: pad for naam, pad, _ in bestanden}
    cache = _Cache.voor(paden)
    if cache is not None:
        tabellen = cache.lees()
        if tabellen is not None:
            return tabellen
    tabellen = Tabellen({naam: laad_tabel(pad, naam) for naam, pad in paden.items()})
    _controleer_tussen_tabellen(tabellen)
    if cache is not None:  # only a set that passed every check is remembered or cached (a DataFout leaves nothing)
        cache.schrijf(tabellen)
    return tabellen


def _controleer_tussen_tabellen(tabellen: Tabellen) -> None:
    """The checks that need another table: ``volledig`` entries naming another table's values."""
    for naam, schema in SCHEMAS.items():
        volledig = schema.get("volledig", {})
        if naam in tabellen.tabellen and any(isinstance(v, str) and ":" in v for v in volledig.values()):
            tabel = tabellen[naam]
            eigen = not _is_meegeleverd(tabel.pad)
            try:
                _controleer_volledig(tabel.frame, volledig, str(tabel.pad) if eigen else tabel.pad.name,
                                     tabellen.tabellen)
            except DataFout as exc:
                exc.eigen = eigen
                raise


laad_tabellen.cache_clear = _laad.cache_clear  # type: ignore[attr-defined]  # forget every loaded set (tests)


_CACHEVERSIE = 3  # 1 was a pickle (never read: unpickling runs code); 3: bounds, finite numbers, complete keys


@dataclass(frozen=True)
class _Cache:
    """The cached tables for exactly these data files (resolved path and sha256 of each), this module and these
    library versions: a folder with one Arrow IPC file per validated frame and a ``manifest.json`` holding the path
    and sha256 of every source CSV and the sha256 of every Arrow file. Arrow files are data only (reading one runs
    no code) and are decoded only after their sha256 matched. Any mismatch or read error: the tables are validated
    from the CSV files again and the cache is written afresh (the CSV always outranks the cache). Table paths are
    the caller's own, never read from the cache.

    The checks catch an edited, truncated or stale cache; they are no signature: someone who may write to the cache
    folder can write a consistent manifest (as they could edit the CSV files or this code)."""

    map: Path
    paden: dict[str, Path]
    csv_sha256: dict[str, str]

    @staticmethod
    def voor(paden: dict[str, Path]) -> Optional["_Cache"]:
        """The cache entry for these data files; None when caching is off or a file cannot be read (it is then
        loaded normally and reported)."""
        instelling = os.environ.get("WOONLASTEN_CACHE", "")
        if instelling.lower() in ("uit", "0", "nee", "off"):
            return None
        import pyarrow as pa

        h = hashlib.sha256()
        h.update(f"woonlasten-tabellen {_CACHEVERSIE} {pd.__version__} {pa.__version__} {np.__version__}\n".encode())
        h.update(Path(__file__).read_bytes())  # the checks (a cache written before a new check is not read)
        h.update(Path(_schema.__file__).read_bytes())  # the bounds' rules (grens) are code, not only SCHEMAS
        h.update(repr(sorted((k, repr(v)) for k, v in SCHEMAS.items())).encode())  # incl. labels and types
        csv_sha256 = {}
        for naam, pad in sorted(paden.items()):
            try:
                csv_sha256[naam] = hashlib.sha256(pad.read_bytes()).hexdigest()
            except OSError:
                return None
            h.update(f"\n{naam}\0{pad.resolve()}\0{csv_sha256[naam]}".encode())
        basis = Path(instelling) if instelling else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "woonlasten"
        return _Cache(basis / f"tabellen-{h.hexdigest()[:32]}", dict(paden), csv_sha256)

    def lees(self) -> Optional[Tabellen]:
        """The cached tables when every check passes, else None."""
        import pyarrow as pa

        try:
            manifest = json.loads((self.map / _MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("versie") != _CACHEVERSIE or set(manifest["tabellen"]) != set(self.paden):
                return None
            tabellen = {}
            for naam, pad in self.paden.items():
                m = manifest["tabellen"][naam]
                if m["csv"] != str(pad.resolve()) or m["csv_sha256"] != self.csv_sha256[naam]:
                    return None
                if Path(m["bestand"]).name != m["bestand"]:
                    return None
                data = (self.map / m["bestand"]).read_bytes()
                if hashlib.sha256(data).hexdigest() != m["sha256"]:
                    return None
                frame = pa.ipc.open_file(pa.py_buffer(data)).read_all().to_pandas(
                    ignore_metadata=True, deduplicate_objects=False)
                if (list(frame.columns) != m["kolommen"] or [str(d) for d in frame.dtypes] != m["typen"]
                        or not frame.index.equals(pd.RangeIndex(len(frame)))):
                    return None
                tabellen[naam] = Tabel(naam=naam, pad=pad, frame=frame, sleutel=list(SCHEMAS[naam]["sleutel"]))
            return Tabellen(tabellen)
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
            return None

    def schrijf(self, tabellen: Tabellen) -> None:
        """Write the validated tables: the Arrow files first (named by their content), the manifest last, each
        atomically, so a reader never sees a half-written entry."""
        import pyarrow as pa

        try:
            self.map.mkdir(parents=True, exist_ok=True)
            manifest: dict[str, Any] = {"versie": _CACHEVERSIE, "tabellen": {}}
            for naam, pad in sorted(self.paden.items()):
                frame = tabellen[naam].frame
                tabel = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)  # data only
                buffer = pa.BufferOutputStream()
                with pa.ipc.new_file(buffer, tabel.schema) as schrijver:
                    schrijver.write_table(tabel)
                data = buffer.getvalue().to_pybytes()
                sha256 = hashlib.sha256(data).hexdigest()
                bestand = f"{naam.replace('/', '__')}-{sha256[:16]}.arrow"
                _schrijf_atomair(self.map / bestand, data)
                manifest["tabellen"][naam] = {
                    "csv": str(pad.resolve()), "csv_sha256": self.csv_sha256[naam], "bestand": bestand,
                    "sha256": sha256, "kolommen": [str(k) for k in frame.columns],
                    "typen": [str(d) for d in frame.dtypes]}
            _schrijf_atomair(self.map / _MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
        except Exception:  # noqa: BLE001 - no cache is slower, never wrong
            pass


_MANIFEST = "manifest.json"


def _schrijf_atomair(pad: Path, data: bytes) -> None:
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tijdelijk.write_bytes(data)
        os.replace(tijdelijk, pad)
    finally:
        tijdelijk.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------------------------
# Column-wise lookups
























def sleutel_tekst(waarde: Any) -> str:
    """Key text for matching: 3, 3.0 and "3" all become "3"; text is compared case-insensitively."""
    if isinstance(waarde, (float, np.floating)) and float(waarde).is_integer():
        return str(int(waarde))
    return str(waarde).strip().lower()


