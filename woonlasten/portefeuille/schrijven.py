"""Writing a result safely: CSV for Dutch Excel and .xlsx, formula cells neutralised, control characters that
Excel refuses replaced, and a file written whole or not at all (a temporary file in the same folder, moved into
place); an existing file, a symbolic link and the input file are not overwritten unless asked (or ever).

A result says what it is (:class:`Herkomst`): its name (:func:`bestandsnaam`) gives the scenario, the peildatum and
the day it was made; the .xlsx has a sheet "Over dit bestand" with all of it and how the file was read. The CSV
stays a clean table — one header row, then one row per dwelling — because lines above the header break reading it
back (Excel's import, pandas, a filter or sort in Excel take the first line as the header); it carries what it is in
its name and in the columns ``scenario`` and ``peildatum`` on every row. Yes/no values are written ``ja``/``nee``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import os
import re
import stat
import tempfile
import threading
import weakref
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, TypeVar, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from woonlasten.formatteer import getal
from woonlasten.meldingen import kort
from woonlasten.modellen import RESULTAAT_DELEN
from woonlasten.portefeuille.lezen import PortefeuilleFout, leesnotitie, leesverslag
from woonlasten.portefeuille.scenario import Scenario

T = TypeVar("T")

EXCEL_MAX_REGELS = 1_048_575  # rows of one Excel sheet, minus the header
EXCEL_MAX_TEKENS = 32_767  # characters in one Excel cell
EXTENSIES = (".csv", ".xlsx")


_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
# the characters XML 1.0 (and so .xlsx) cannot hold: C0 controls except tab, LF and CR (as openpyxl checks them)
_NIET_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
VERVANGTEKEN = "\ufffd"  # replaced, not removed: '\x01=1+1' must not become the formula '=1+1'
INFOBLAD = "Over dit bestand"


@dataclass(frozen=True)
class Herkomst:
    """What a written result is: ``peildatum`` ISO (None: each dwelling's own from the file), the day it was
    ``gemaakt``, the source file ``bron`` and how it was read (:func:`leesverslag`, :func:`leesnotitie`)."""

    scenario: Scenario
    peildatum: str | None
    gemaakt: dt.date
    bron: str | None = None
    leesverslag: str = ""
    leesnotitie: tuple[str, ...] = ()
    # a path over the years (woonlasten.portefeuille.pad): the years, the rent policy and the notes per year
    jaren: str | None = None
    pad_regels: tuple[tuple[str, str], ...] = ()


def herkomst(resultaat: pd.DataFrame, woningen: pd.DataFrame | None, scenario: Scenario, bron: str | None = None,
             gemaakt: dt.date | None = None) -> Herkomst:
    """The :class:`Herkomst` of a result of ``bereken_portefeuille`` (its peildatum and reading note from its
    ``attrs``), read from ``woningen`` (:func:`lees_woningen`), made today unless ``gemaakt`` says otherwise."""
    pad = resultaat.attrs.get("pad")
    pad_regels: list[tuple[str, str]] = []
    if pad is not None:
        beleid = ("het wettelijk maximum van elk jaar" if pad.huurbeleid == "maximum"
                  else f"{getal(pad.huurverhoging_pct, 1)} % per jaar (eigen beleid)")
        pad_regels += [("Jaren", f"{pad.begin}-{pad.eind}"), ("Huurverhoging per 1 juli", beleid),
                       ("Fasering", "per woning het jaar in de kolom gereed_jaar (fasering); leeg = "
                                    f"{pad.begin}")]
        for jaar, notities in resultaat.attrs.get("notities", {}).items():
            pad_regels += [(str(jaar) if i == 0 else "", n) for i, n in enumerate(notities)]
    return Herkomst(scenario, resultaat.attrs.get("peildatum"), gemaakt or dt.date.today(),
                    None if bron is None else Path(bron).name,
                    leesverslag(woningen) if woningen is not None else "", tuple(leesnotitie(resultaat)),
                    None if pad is None else f"{pad.begin}-{pad.eind}", tuple(pad_regels))


def bestandsnaam(h: Herkomst, soort: str) -> str:
    """``woonlasten_label-B_peildatum-2026-07-01_gemaakt-2026-12-07.xlsx``; ``peildatum-per-woning`` when each
    dwelling has its own. An own scenario's name (``eigen:B:dakisolatie;hr_glas``) in letters, digits and '-'."""
    naam = re.sub(r"[^0-9A-Za-z]+", "-", h.scenario.naam).strip("-")[:60].rstrip("-") or "scenario"
    jaren = f"_jaren-{h.jaren}" if h.jaren else ""
    return (f"woonlasten_{naam}{jaren}_peildatum-{h.peildatum or 'per-woning'}_gemaakt-{h.gemaakt.isoformat()}."
            f"{soort.lstrip('.')}")


def programmaversie() -> str | None:
    """The installed version of woonlasten, None when it runs from a checkout without one."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("woonlasten")
    except PackageNotFoundError:
        return None


def _datum(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")


def over_dit_bestand(h: Herkomst, resultaat: pd.DataFrame) -> list[tuple[str, str]]:
    """The rows of the sheet "Over dit bestand": (what, value) in Dutch."""
    n = len(resultaat)
    fout = int((resultaat["status"] == "fout").sum()) if "status" in resultaat.columns else 0
    versie = programmaversie()
    rijen = [
        ("Programma", "woonlasten" + (f" {versie}" if versie else "")),
        ("Gemaakt op", h.gemaakt.strftime("%d-%m-%Y")),
        ("Scenario", h.scenario.omschrijving),
        ("Scenario (naam)", h.scenario.naam),
        ("Doellabel", h.scenario.doellabel),
        ("Maatregelen", h.scenario.maatregelen.replace(";", ", ").replace("_", " ") or "geen"),
        ("Wie worden aangepakt", f"woningen met een slechter label dan {h.scenario.doellabel}; de andere blijven "
                                 "zoals ze zijn"),
        ("Peildatum", _datum(h.peildatum) if h.peildatum else "per woning uit het bestand (kolom peildatum)"),
        ("Bronbestand", h.bron or "–"),
        ("Woningen", getal(n)),
        ("Berekend", getal(n - fout)),
        ("Met een fout", getal(fout) + (" (zie status en melding op het blad woningen)" if fout else "")),
        ("Zo is het bestand gelezen", h.leesverslag or "–"),
    ]
    notitie = list(h.leesnotitie) or ["alle waarden stonden er als gewoon getal of woord; niets omgezet"]
    rijen += [("Zo zijn waarden gelezen" if i == 0 else "", regel) for i, regel in enumerate(notitie)]
    if h.jaren:
        rijen += list(h.pad_regels) + [
            ("Bladen", "woningen: één regel per woning per jaar; complexen per jaar; totaal per jaar"),
            ("Bedragen", "in euro per maand, gemiddeld over het jaar; zonder = zonder het programma, met = met het "
                         "programma vanaf het jaar dat de woning klaar is; verschil = met − zonder"),
            ("Woonlastenneutraal", "ja: in dat jaar niet duurder dan zonder; nee: wel; leeg: nog niet klaar of niet "
                                   "berekend"),
        ]
        return rijen
    rijen += [
        ("Bladen", "woningen: één regel per woning; complexen: per complex; totaal: de hele portefeuille"),
        ("Bedragen", "in euro per maand; verschil = na − voor (negatief: goedkoper na de ingreep)"),
        ("Woonlastenneutraal", "ja: de woonlasten gaan na de ingreep niet omhoog; nee: wel; leeg: niet berekend"),
    ]
    return rijen


def _neutraliseer(tekst: str) -> str:
    return ("'" + tekst) if tekst.startswith(_GEVAARLIJK) else tekst


def _voor_excel(tekst: str) -> str:
    tekst = _NIET_IN_XML.sub(VERVANGTEKEN, tekst)
    return tekst if len(tekst) <= EXCEL_MAX_TEKENS else tekst[: EXCEL_MAX_TEKENS - 1] + "…"


def _per_waarde(frame: pd.DataFrame, functie: Callable[[str], str]) -> tuple[pd.DataFrame, int]:
    """``functie`` applied to every text cell and column name, once per category or distinct value (fast on a
    million rows); returns the new frame and the number of cells (names included) it changed. Two values that
    become equal (``=1+1`` and ``'=1+1`` neutralised) become one category."""
    uit = frame.copy(deep=False)
    veranderd = 0
    for i in range(uit.shape[1]):  # by position: column names may repeat
        reeks = uit.iloc[:, i]
        if isinstance(reeks.dtype, pd.CategoricalDtype):
            schoon = _per_categorieen(reeks.cat.categories, functie, _schoon)
            if schoon is None:
                continue
            codes = reeks.cat.codes.to_numpy()
            veranderd += int(np.isin(codes, schoon.anders).sum())
            if schoon.categorieen is not None:  # one new index for every part with these categories
                nieuw = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(schoon.categorieen,
                                                                                 ordered=reeks.cat.ordered))
            else:  # merge the categories that became equal
                nieuw = pd.Categorical.from_codes(np.where(codes >= 0, schoon.naar[np.maximum(codes, 0)], -1),
                                                  categories=schoon.uniek, ordered=reeks.cat.ordered)
            uit.isetitem(i, pd.Series(nieuw, index=reeks.index, name=reeks.name))
        elif reeks.dtype == object:
            codes, uniek = pd.factorize(reeks, use_na_sentinel=True)
            if len(uniek) == 0:
                continue
            lijst = list(uniek)
            schoon = [functie(u) if isinstance(u, str) else u for u in lijst]
            anders = np.flatnonzero([isinstance(a, str) and a != b for a, b in zip(lijst, schoon, strict=True)])
            if len(anders):
                veranderd += int(np.isin(codes, anders).sum())
            uit.isetitem(i, np.array(schoon + [None], dtype=object)[codes])  # empty cells become None
    namen = [functie(c) if isinstance(c, str) else c for c in uit.columns]
    veranderd += sum(a != b for a, b in zip(uit.columns, namen, strict=True))
    uit.columns = namen
    return uit, veranderd


@dataclass(frozen=True)
class _Schoon:
    """What ``functie`` makes of a column's categories: the positions it changes, the new categories (when they stay
    distinct), or else each old category's place among the merged ones (``naar``, ``uniek``)."""

    anders: np.ndarray
    categorieen: pd.Index | None
    naar: np.ndarray | None = None
    uniek: pd.Index | None = None


def _schoon(categorieen: pd.Index, functie: Callable[[str], str]) -> _Schoon | None:
    """The categories after ``functie`` (text only), None when none changes."""
    lijst = list(categorieen)
    schoon = [functie(c) if isinstance(c, str) else c for c in lijst]
    if schoon == lijst:
        return None
    anders = np.flatnonzero([a != b for a, b in zip(lijst, schoon, strict=True)])
    nieuw = pd.Index(schoon, dtype=object)
    if nieuw.is_unique:
        return _Schoon(anders, nieuw)
    naar, uniek = pd.factorize(nieuw)
    return _Schoon(anders, None, naar, uniek)


def _per_categorieen(categorieen: pd.Index, functie: Callable, maak: Callable[[pd.Index, Callable], T]) -> T:
    """``maak(categorieen, functie)``, kept for the large category indexes in use: the parts of a stream share
    their categories (one per address: 400.000 of them), which are then looked at once, not once per part. Kept by
    the index object (a weak reference: the entry goes when the index goes) and used only while its values are
    still those it was made from (an index can share a numpy array that is changed in place)."""
    if len(categorieen) < _BEWAARD_VANAF:
        return maak(categorieen, functie)
    sleutel = (id(categorieen), functie, maak)
    waarden = categorieen.to_numpy()
    bewaard = _BEWAARD.get(sleutel)
    if bewaard is not None and bewaard[0]() is categorieen and np.array_equal(bewaard[1], waarden):
        return bewaard[2]
    waarde = maak(categorieen, functie)
    with _BEWAARD_SLOT:
        for oud in list(_BEWAARD)[:max(0, len(_BEWAARD) - _BEWAARD_MAX + 1)]:  # the oldest out
            _BEWAARD.pop(oud, None)
        _BEWAARD[sleutel] = (weakref.ref(categorieen, lambda _, s=sleutel: _BEWAARD.pop(s, None)), waarden.copy(),
                             waarde)
    return waarde


# (weak reference to the index, a copy of its values, what was made of them), per (id, functie, maak); an entry's
# weak reference removes it when its index is gone (without the lock: that may happen while the lock is held)
_BEWAARD: dict[tuple, tuple[weakref.ref, np.ndarray, object]] = {}
_BEWAARD_SLOT = threading.Lock()
_BEWAARD_MAX = 8  # category indexes kept (a result has a few text columns; a stream's parts share theirs)
_BEWAARD_VANAF = 1_000  # categories: fewer are quicker looked at again than kept


def veilig(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise text cells that a spreadsheet would run as a formula (start with = + - @ tab CR): prefix "'"."""
    return _per_waarde(frame, _neutraliseer)[0]


def controleer_uitvoer(pad: Union[str, Path], overschrijf: bool = False,
                       invoer: Union[str, Path, None] = None) -> Path:
    """Check an output path before anything is computed; raises :class:`PortefeuilleFout` in Dutch when the name has
    another extension than .csv/.xlsx, is a symbolic link, is the input file, lies in a folder that does not
    exist, is not a regular file, or exists while ``overschrijf`` is false."""
    pad = Path(pad)
    if pad.suffix.lower() not in EXTENSIES:
        soort = f"'{kort(pad.suffix)}'" if pad.suffix else "zonder extensie"
        raise PortefeuilleFout(f"{pad}: onbekende soort uitvoerbestand ({soort}); kies een naam op .csv of .xlsx")
    if pad.is_symlink():
        raise PortefeuilleFout(f"{pad} is een symbolische koppeling; daar wordt niet doorheen geschreven "
                               "(kies een gewoon bestand)")
    map_ = pad.parent
    if not map_.is_dir():
        raise PortefeuilleFout(f"kan {pad} niet schrijven (de map {map_} bestaat niet)")
    if invoer is not None and _zelfde_bestand(pad, Path(invoer)):
        raise PortefeuilleFout(f"{pad} is het invoerbestand; kies een andere naam voor het resultaat")
    if pad.exists():
        if not pad.is_file():
            raise PortefeuilleFout(f"kan {pad} niet schrijven (dat is geen gewoon bestand, maar een map of apparaat)")
        if not overschrijf:
            raise PortefeuilleFout(f"{pad} bestaat al; kies een andere naam of geef --overschrijf om het te vervangen")
    return pad


def _zelfde_bestand(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)  # also a hard link or another spelling of the same file
        return a.resolve() == b.resolve()
    except OSError:
        return False


def schrijf(frame: pd.DataFrame, pad: Union[str, Path], samenvattingen: dict[str, pd.DataFrame] | None = None, *,
            overschrijf: bool = False, invoer: Union[str, Path, None] = None,
            verslag: list[str] | None = None, herkomst: Herkomst | None = None) -> None:
    """Write a result as CSV (``;`` and decimal comma, UTF-8 with BOM: opens right in Dutch Excel) or .xlsx.

    The file is written whole or not at all: into a temporary file in the same folder, then moved into place (an
    error such as a full disk leaves the old file, or none, and no half file). Refused (:class:`PortefeuilleFout`):
    see :func:`controleer_uitvoer`. ``verslag``: a list that receives a Dutch line for every adjustment made to
    fit the format (cells changed for Excel). ``herkomst``: what the result is, for the .xlsx's sheet "Over dit
    bestand" (the CSV carries it in its name and columns, see the module's docstring)."""
    pad = controleer_uitvoer(pad, overschrijf, invoer)
    excel = pad.suffix.lower() == ".xlsx"
    if excel:
        past_in_excel(len(frame), "woning-jaren" if frame.attrs.get("pad") is not None else "woningen")
    with _heel_of_niet(pad) as fh:
        if excel:
            fh.write(naar_excel(frame, samenvattingen, verslag, herkomst))
        else:
            _schrijf_csv(frame, fh)


def schrijf_csv_delen(delen: Iterable[pd.DataFrame], pad: Union[str, Path], *, overschrijf: bool = False,
                      invoer: Union[str, Path, None] = None) -> None:
    """Write a result that comes in parts (frames with the same columns, e.g. a
    :class:`woonlasten.portefeuille.pad.PadStroom`) as one CSV, part after part, as :func:`schrijf` writes a CSV:
    whole or not at all; the whole result is never in memory."""
    pad = controleer_uitvoer(pad, overschrijf, invoer)
    if pad.suffix.lower() != ".csv":
        raise PortefeuilleFout(f"{pad}: een resultaat in delen wordt als .csv geschreven")
    with _heel_of_niet(pad) as fh, _CsvSchrijver(fh) as schrijver, _Vastleggen(fh) as vastleggen:
        for deel in delen:
            schrijver.deel(deel)
            vastleggen.verder()


class _Vastleggen:
    """Puts what has been written of a file on disk while the rest is still computed (``fdatasync`` in a thread,
    one at a time), so that the ``fsync`` before the file is moved into place has only the last part left to do
    (0,3 s for a 870 MB file at the end, bench/README.md). A failed sync is raised when the block ends."""

    def __init__(self, fh: IO[bytes]):
        self.fh, self.taak = fh, None
        self.pool = ThreadPoolExecutor(1)

    def __enter__(self) -> "_Vastleggen":
        return self

    def verder(self) -> None:
        if self.taak is None or self.taak.done():
            if self.taak is not None:
                self.taak.result()
            self.fh.flush()
            self.taak = self.pool.submit(getattr(os, "fdatasync", os.fsync), self.fh.fileno())

    def __exit__(self, *fout) -> None:
        self.pool.shutdown(wait=True)
        if fout[0] is None and self.taak is not None:
            self.taak.result()


@contextlib.contextmanager
def _heel_of_niet(pad: Path) -> Iterator[IO[bytes]]:
    """A file handle to a temporary file in ``pad``'s folder, moved into place (with ``pad``'s permissions, or
    those of a new file) when the block ends without an error, removed when it does not."""
    modus = stat.S_IMODE(pad.stat().st_mode) if pad.exists() else _standaard_modus()
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".woonlasten-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tijdelijk, modus)
        if pad.is_symlink():  # made while we computed: still not written through
            raise PortefeuilleFout(f"{pad} is een symbolische koppeling; daar wordt niet doorheen geschreven")
        os.replace(tijdelijk, pad)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise


def past_in_excel(regels: int, wat: str = "woningen") -> None:
    """Refuse (:class:`PortefeuilleFout`, Dutch) a result of ``regels`` rows of ``wat`` that does not fit one Excel
    sheet."""
    if regels > EXCEL_MAX_REGELS:
        raise PortefeuilleFout(f"{getal(regels)} {wat} passen niet in één Excelblad (maximaal "
                               f"{getal(EXCEL_MAX_REGELS)}); kies een .csv-bestand")


def _standaard_modus() -> int:
    """The permissions a new file gets (0666 minus the umask), as ``open`` would give it."""
    masker = os.umask(0o022)
    os.umask(masker)
    return 0o666 & ~masker


def naar_csv(frame: pd.DataFrame) -> bytes:
    """The result as Dutch-Excel CSV bytes (``;``, decimal comma, UTF-8 with BOM), formula cells neutralised, yes/no
    as ``ja``/``nee``; a clean table (see the module's docstring)."""
    buffer = io.BytesIO()
    _schrijf_csv(frame, buffer)
    return buffer.getvalue()


def ja_nee(frame: pd.DataFrame) -> pd.DataFrame:
    """Yes/no columns (bool, or True/False with empty cells such as ``woonlastenneutraal``) as ``ja``/``nee``; a
    column is looked at by its first value, then mapped once per distinct value."""
    uit = frame.copy(deep=False)
    for i in range(uit.shape[1]):  # by position: column names may repeat
        reeks = uit.iloc[:, i]
        if pd.api.types.is_bool_dtype(reeks.dtype):
            uit.isetitem(i, pd.Categorical.from_codes(reeks.to_numpy().astype(np.int8), categories=["nee", "ja"]))
        elif reeks.dtype == object:
            eerste = reeks.first_valid_index()
            if eerste is None or not isinstance(reeks.at[eerste], (bool, np.bool_)):
                continue
            codes, uniek = pd.factorize(reeks, use_na_sentinel=True)
            tekst = [("ja" if u else "nee") if isinstance(u, (bool, np.bool_)) else u for u in uniek]
            uit.isetitem(i, np.array(tekst + [None], dtype=object)[codes])
    return uit


def _als_tekst(kol: pd.Series) -> pa.Array:
    """One column as CSV text: numbers with a decimal comma, categories and text as they are."""
    if pd.api.types.is_bool_dtype(kol):
        return pa.array(kol.astype(str).to_numpy(), type=pa.string())
    if pd.api.types.is_float_dtype(kol):
        waarden = pa.array(kol.to_numpy(dtype=float) + 0.0, from_pandas=True)  # + 0.0: no "-0"
        return _per_uniek(waarden, komma=True)
    if pd.api.types.is_integer_dtype(kol):
        return _per_uniek(pa.array(kol.to_numpy()), komma=False)
    if isinstance(kol.dtype, pd.CategoricalDtype):  # each category turned into text once
        codes = kol.cat.codes.to_numpy().astype(np.int32)
        tekst = _per_categorieen(kol.cat.categories, str, _categorieen_als_tekst)
        return pc.take(tekst, pa.array(codes, mask=codes < 0))
    try:  # a column of text (and empty cells) goes to Arrow as it is
        return pa.array(kol.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # mixed values (True/False/None, numbers): as Python shows them
        tekst = kol.astype(object).where(kol.notna(), None)
        return pa.array([None if w is None else str(w) for w in tekst.to_numpy()], type=pa.string())


def _per_uniek(getallen: pa.Array, komma: bool) -> pa.Array:
    """Numbers as text, each distinct value formatted once (Arrow's float formatting costs some 70 ns a value; a
    column of amounts repeats its values over dwellings and years: 2,2 × faster on a path's part, bench/README.md);
    empty cells stay empty."""
    codes = pc.dictionary_encode(getallen)
    tekst = pc.cast(codes.dictionary, pa.string())
    return pc.take(_komma(tekst) if komma else tekst, codes.indices)


def _categorieen_als_tekst(categorieen: pd.Index, als_tekst: Callable[[object], str]) -> pa.Array:
    return pa.array([als_tekst(c) for c in categorieen], type=pa.string())


def _komma(tekst: pa.Array) -> pa.Array:
    """Numbers as text with a decimal comma: every '.' in the text's bytes made ',' in one pass (a third of the
    time of Arrow's ``replace_substring``, which builds each value anew; the numbers' text is plain ASCII)."""
    geldig, posities, data = tekst.buffers()
    if data is None:
        return tekst
    tekens = np.frombuffer(data, dtype=np.uint8)
    tekens = np.where(tekens == ord("."), np.uint8(ord(",")), tekens)
    return pa.Array.from_buffers(pa.string(), len(tekst), [geldig, posities, pa.py_buffer(tekens)],
                                 null_count=tekst.null_count, offset=tekst.offset)


def _schrijf_csv(frame: pd.DataFrame, fh: IO[bytes]) -> None:
    """Write one result as ``;``-separated CSV with decimal commas (:class:`_CsvSchrijver`)."""
    with _CsvSchrijver(fh) as schrijver:
        schrijver.deel(frame)


class _CsvSchrijver:
    """Writes a result part after part as ``;``-separated CSV with decimal commas, UTF-8 with BOM, formula cells
    neutralised and yes/no as ja/nee (:func:`veilig`, :func:`ja_nee`), one header. Numbers are turned into text
    column-wise by Arrow (pandas' ``to_csv`` formats each cell in Python: a million-row result took a minute, this
    takes seconds), the columns of a large part two at a time (Arrow's compute functions release the GIL), and a
    block of rows at a time, so the text of a large result is never all in memory at once."""

    def __init__(self, fh: IO[bytes]):
        self.fh, self.namen, self.geschreven = fh, None, False
        self.pool = ThreadPoolExecutor(CSV_DRADEN)
        fh.write(b"\xef\xbb\xbf")

    def __enter__(self) -> "_CsvSchrijver":
        return self

    def deel(self, frame: pd.DataFrame) -> None:
        """Write the rows of ``frame`` (the first part gives the header; every part has the same columns)."""
        frame = veilig(ja_nee(frame))
        namen = [str(naam) for naam in frame.columns]
        if self.namen is None:
            self.namen = namen
        elif namen != self.namen:
            raise ValueError("een deel van het resultaat heeft andere kolommen dan het eerste")
        if not namen:
            return
        alle = [frame.iloc[:, i] for i in range(frame.shape[1])]  # by position: column names may repeat
        parallel = len(frame) * len(alle) > PARALLEL_CELLEN
        for begin in range(0, max(len(frame), not self.geschreven), CSV_REGELS):  # no rows: the header
            reeksen = [k.iloc[begin:begin + CSV_REGELS] for k in alle]
            tabel = pa.Table.from_arrays(list(self.pool.map(_als_tekst, reeksen)) if parallel
                                         else [_als_tekst(r) for r in reeksen], names=namen)
            # one write per block (Arrow's CSVWriter keeps the text of what it wrote until it is closed)
            pacsv.write_csv(tabel, self.fh, write_options=pacsv.WriteOptions(
                delimiter=";", quoting_style="needed", include_header=not self.geschreven))
            self.geschreven = True

    def __exit__(self, *fout) -> None:
        self.pool.shutdown(wait=True)
        if fout[0] is None and not self.geschreven:  # a result without columns
            pacsv.write_csv(pa.table({}), self.fh, write_options=pacsv.WriteOptions(delimiter=";"))


PARALLEL_CELLEN = 2_000_000  # above this many cells the columns are turned into text in threads
CSV_REGELS = 500_000  # rows turned into text and written at a time
CSV_DRADEN = 2


# number formats as Excel stores them (en-US codes; Excel shows them with the user's separators: € 1.234,56)
EURO = '"€" #,##0.00'
PROCENT = "0.0%"
AANTAL = "#,##0"
GEHEEL = "0"
DATUM = "dd-mm-yyyy"
# money besides the result's amounts: the summaries' columns per month and the monthly amounts of the input
_GELD_INVOER = ("kale_huur", "servicekosten", "huurverhoging")
_AANTALLEN = ("woningen", "fout", "aangepakt", "neutraal", "klaar")
_BREEDTE = (8, 50)  # column width in characters: at least, at most
_STEEKPROEF = 500  # rows looked at for a column's width


def geldkolommen(frame: pd.DataFrame) -> set[str]:
    """The names of a result's money columns: voor/na/verschil per part and the monthly amounts of the input
    under the file's own names."""
    eigen = frame.attrs.get("kolomnamen", {})
    return ({f"{s}_{d}" for s in ("voor", "na", "verschil", "zonder", "met") for d in RESULTAAT_DELEN}
            | {eigen.get(k, k) for k in _GELD_INVOER})


def _formaat(naam: str, reeks: pd.Series, geld: set[str]) -> tuple[str | None, bool]:
    """A column's number format (None: General) and whether its numbers are written as integers, from the whole
    column: money and shares by name, whole numbers as integers, dates as dates."""
    if isinstance(reeks.dtype, pd.CategoricalDtype):
        eerste = reeks.cat.categories[0] if len(reeks.cat.categories) else None
        return (DATUM if isinstance(eerste, (dt.date, pd.Timestamp)) else None), False
    if pd.api.types.is_bool_dtype(reeks.dtype):
        return None, False
    if pd.api.types.is_integer_dtype(reeks.dtype):
        return (AANTAL if naam in _AANTALLEN else GEHEEL), True
    if pd.api.types.is_float_dtype(reeks.dtype):
        if naam in geld or naam.endswith("_maand"):
            return EURO, False
        if naam.startswith("aandeel"):
            return PROCENT, False
        w = reeks.to_numpy(dtype=float)
        w = w[np.isfinite(w)]
        if (np.abs(w) < 2**53).all() and (w == np.round(w)).all():  # consumption with thousands, a year without
            return (AANTAL if naam.startswith("verbruik_") or naam in _AANTALLEN else GEHEEL), True
        return None, False
    if pd.api.types.is_datetime64_any_dtype(reeks.dtype):
        return DATUM, False
    eerste = reeks.first_valid_index()
    return (DATUM if eerste is not None and isinstance(reeks.at[eerste], (dt.date, pd.Timestamp)) else None), False


def _getal_xml(w: float | int) -> str:
    """A number as the sheet XML writes it: a plain Python int or float (the repr of a numpy float is
    'np.float64(1.5)', which no spreadsheet reads)."""
    return repr(int(w)) if isinstance(w, (int, np.integer)) else repr(float(w))


def _waarden(reeks: pd.Series, geheel: bool) -> list:
    """The cell values of (a slice of) a column for the sheet XML; None = an empty cell."""
    if isinstance(reeks.dtype, pd.CategoricalDtype):
        reeks = reeks.astype(object)
    if pd.api.types.is_float_dtype(reeks.dtype):
        w = reeks.to_numpy(dtype=float)
        leeg = ~np.isfinite(w)
        uit = np.where(leeg, 0, w).astype(np.int64).astype(object) if geheel else (w + 0.0).astype(object)  # no -0
        uit[leeg] = None
        return uit.tolist()
    if pd.api.types.is_integer_dtype(reeks.dtype) and not pd.api.types.is_bool_dtype(reeks.dtype):
        return reeks.tolist()
    waarden = reeks.astype(object).where(reeks.notna(), None).tolist()
    return [w.to_pydatetime() if isinstance(w, pd.Timestamp) else w for w in waarden]


def _breedte(kop: str, waarden: list, formaat: str | None) -> float:
    """A column width (characters) that fits its header with the filter button and most values of the first rows."""
    lengtes = [len(kop) + 3]
    for x in waarden[:_STEEKPROEF]:
        if x is None:
            continue
        if formaat == EURO:
            lengtes.append(len(f"{x:,.2f}") + 2)
        elif formaat in (AANTAL, GEHEEL, PROCENT):
            lengtes.append(len(f"{x:,}") + 1)
        elif formaat == DATUM:
            lengtes.append(10)
        else:
            lengtes.append(max((len(r) for r in str(x).splitlines()), default=0))
    return float(min(max(max(lengtes) + 1, _BREEDTE[0]), _BREEDTE[1]))


_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (its 1900 date system, as every date after 1 March 1900)
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _cel_xml(waarde, plek: str, stijl: str) -> str:
    """One ``<c>`` element of sheet XML ('' for an empty cell); ``stijl``: '' or ' s="N"'."""
    if waarde is None or isinstance(waarde, str) and not waarde:
        return ""
    if isinstance(waarde, str):
        return f'<c r="{plek}"{stijl} t="inlineStr"><is><t xml:space="preserve">{waarde.translate(_XML)}</t></is></c>'
    if isinstance(waarde, (bool, np.bool_)):
        return f'<c r="{plek}"{stijl} t="b"><v>{int(waarde)}</v></c>'
    if isinstance(waarde, (int, np.integer)):
        return f'<c r="{plek}"{stijl}><v>{int(waarde)}</v></c>'
    if isinstance(waarde, (float, np.floating)):
        return f'<c r="{plek}"{stijl}><v>{float(waarde)!r}</v></c>' if np.isfinite(waarde) else ""
    if isinstance(waarde, dt.datetime):
        return f'<c r="{plek}"{stijl}><v>{(waarde - _EPOCH) / dt.timedelta(days=1)!r}</v></c>'
    if isinstance(waarde, dt.date):
        return f'<c r="{plek}"{stijl}><v>{(waarde - _EPOCH.date()).days}</v></c>'
    return _cel_xml(str(waarde), plek, stijl)


def _rijen_xml(kolommen: list[list], stijlen: list[str], eerste: int) -> str:
    """Rows of a sheet as XML, the first numbered ``eerste``, from the cell values per column. Built per column (a
    number column: one f-string per cell; text: each distinct value escaped once), then joined per row: a sixth of
    the time openpyxl's own cell writer (pure Python XML per cell) takes on this machine."""
    from openpyxl.utils import get_column_letter

    if not kolommen:
        return ""
    rijnummers = range(eerste, eerste + len(kolommen[0]))
    cellen = []
    for j, (waarden, stijl) in enumerate(zip(kolommen, stijlen, strict=True)):
        letter = get_column_letter(j + 1)
        if all(w is None or isinstance(w, (float, int)) and not isinstance(w, bool) for w in waarden):
            # a plain Python number (repr of a numpy float is 'np.float64(1.5)'); no inf or NaN in the sheet
            cellen.append([f'<c r="{letter}{r}"{stijl}><v>{_getal_xml(w)}</v></c>'
                           if w is not None and math.isfinite(w) else ""
                           for r, w in zip(rijnummers, waarden, strict=True)])
            continue
        tekst: dict = {}
        kolom = []
        for r, w in zip(rijnummers, waarden, strict=True):
            if w == "":  # an empty text is an empty cell (as Excel and openpyxl keep it)
                kolom.append("")
            elif isinstance(w, str):
                t = tekst.get(w)
                if t is None:
                    t = tekst[w] = w.translate(_XML)
                kolom.append(f'<c r="{letter}{r}"{stijl} t="inlineStr"><is><t xml:space="preserve">{t}</t></is></c>')
            else:
                kolom.append(_cel_xml(w, f"{letter}{r}", stijl))
        cellen.append(kolom)
    return "".join(f'<row r="{r}">{"".join(rij)}</row>'
                   for r, rij in zip(rijnummers, zip(*cellen, strict=True), strict=True))


RIJEN_PER_STUK = 20_000  # rows of sheet XML made at once: bounds the memory of a large sheet


@dataclass
class _Blad:
    """A sheet's data rows still to be written: the frame, the style attribute and integer flag per column."""

    frame: pd.DataFrame
    stijlen: list[str]
    geheel: list[bool]


def _schrijf_blad(wb, naam: str, frame: pd.DataFrame, geld: set[str], *, filter_: bool = True,
                  breedte_max: int = _BREEDTE[1]) -> _Blad:
    """One sheet: openpyxl (write-only) writes its frame — a bold, frozen header with a filter, widths that fit
    and the number formats registered as styles; the data rows follow in :func:`_vul_bladen`."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(naam)
    koppen = [str(k) for k in frame.columns]
    formaten = [_formaat(k, frame.iloc[:, i], geld) for i, k in enumerate(koppen)]
    for i, (kop, (formaat, geheel)) in enumerate(zip(koppen, formaten, strict=True)):
        steekproef = _waarden(frame.iloc[:_STEEKPROEF, i], geheel)
        ws.column_dimensions[get_column_letter(i + 1)].width = min(_breedte(kop, steekproef, formaat), breedte_max)
    if koppen:
        ws.freeze_panes = "A2"
        if filter_:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(koppen))}{len(frame) + 1}"
    vet = Font(bold=True)
    kop_cellen = []
    for kop in koppen:
        cel = WriteOnlyCell(ws, value=kop)
        cel.font = vet
        kop_cellen.append(cel)
    ws.append(kop_cellen)
    stijlen = []
    for formaat, _geheel in formaten:
        if formaat is None:
            stijlen.append("")
            continue
        cel = WriteOnlyCell(ws)
        cel.number_format = formaat
        stijlen.append(f' s="{cel.style_id}"')  # the style is registered in the workbook's styles.xml
    return _Blad(frame, stijlen, [g for _f, g in formaten])


def _vul_bladen(xlsx: bytes, bladen: list[_Blad]) -> bytes:
    """The saved workbook with each sheet's data rows streamed in before its ``</sheetData>``, a block of
    :data:`RIJEN_PER_STUK` rows at a time (sheet i of the workbook is ``xl/worksheets/sheet{i}.xml`` in openpyxl's
    files)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zin, \
            zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zuit:
        for item in zin.infolist():
            data = zin.read(item.filename)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if not m or not len(bladen[int(m.group(1)) - 1].frame):
                zuit.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            blad = bladen[int(m.group(1)) - 1]
            plek = data.rindex(b"</sheetData>")
            info = zipfile.ZipInfo(item.filename, item.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zuit.open(info, "w", force_zip64=True) as fh:
                fh.write(data[:plek])
                for start in range(0, len(blad.frame), RIJEN_PER_STUK):
                    stuk = blad.frame.iloc[start:start + RIJEN_PER_STUK]
                    kolommen = [_waarden(stuk.iloc[:, j], g) for j, g in enumerate(blad.geheel)]
                    fh.write(_rijen_xml(kolommen, blad.stijlen, start + 2).encode("utf-8"))
                fh.write(data[plek:])
    return uit.getvalue()


def naar_excel(frame: pd.DataFrame, samenvattingen: dict[str, pd.DataFrame] | None = None,
               verslag: list[str] | None = None, herkomst: Herkomst | None = None) -> bytes:
    """The result (sheet ``woningen``), the summaries (a sheet each) and, with ``herkomst``, the sheet "Over dit
    bestand" last (so the dwellings stay the first sheet, as a reader expects) as .xlsx bytes.

    Every sheet: a frozen, bold header with a filter and fitting column widths; amounts in euro (``"€" #,##0.00``,
    which Excel shows with the user's separators), shares in %, whole numbers as integers, dates as dd-mm-jjjj,
    yes/no as ja/nee. Formula cells neutralised; characters XML cannot hold (control characters such as \\x01,
    \\x0b) are replaced by '\ufffd' and text over 32.767 characters is cut, with a Dutch line per sheet in
    ``verslag``. openpyxl (write-only mode) writes the workbook, the styles and each sheet's header; the data rows
are streamed in as sheet XML (:func:`_rijen_xml`): openpyxl's cell writer took 0,5 ms per dwelling."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    geld = geldkolommen(frame)
    bladen = []
    for blad, deel in (("woningen", frame), *((naam[:31], s) for naam, s in (samenvattingen or {}).items())):
        schoon, n = _per_waarde(veilig(ja_nee(deel)), _voor_excel)
        if n and verslag is not None:
            verslag.append(f"blad {blad}: {n} cel(len) met tekens die Excel niet toestaat (stuurtekens) of met "
                           f"meer dan {EXCEL_MAX_TEKENS:,} tekens; stuurtekens vervangen door "
                           f"'{VERVANGTEKEN}', te lange tekst ingekort".replace(",", "."))
        bladen.append(_schrijf_blad(wb, blad, schoon, geld))
    if herkomst is not None:
        info = pd.DataFrame(over_dit_bestand(herkomst, frame), columns=["Onderdeel", "Waarde"])
        bladen.append(_schrijf_blad(wb, INFOBLAD, _per_waarde(veilig(info), _voor_excel)[0], set(), filter_=False,
                                   breedte_max=120))
    buffer = io.BytesIO()
    wb.save(buffer)
    return _vul_bladen(buffer.getvalue(), bladen)
