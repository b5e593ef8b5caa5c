"""Writing a result safely: CSV for Dutch Excel and .xlsx, formula cells neutralised, control characters that
Excel refuses replaced, and a file written whole or not at all (a temporary file in the same folder, moved into
place); an existing file, a symbolic link and the input file are not overwritten unless asked (or ever)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Callable, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from woonlasten.meldingen import kort
from woonlasten.portefeuille.lezen import PortefeuilleFout

EXCEL_MAX_REGELS = 1_048_575  # rows of one Excel sheet, minus the header
EXCEL_MAX_TEKENS = 32_767  # characters in one Excel cell
EXTENSIES = (".csv", ".xlsx")


_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
# the characters XML 1.0 (and so .xlsx) cannot hold: C0 controls except tab, LF and CR (as openpyxl checks them)
_NIET_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
VERVANGTEKEN = "\ufffd"  # replaced, not removed: '\x01=1+1' must not become the formula '=1+1'


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
            categorieen = list(reeks.cat.categories)
            schoon = [functie(c) if isinstance(c, str) else c for c in categorieen]
            if schoon == categorieen:
                continue
            codes = reeks.cat.codes.to_numpy()
            anders = np.flatnonzero([a != b for a, b in zip(categorieen, schoon, strict=True)])
            veranderd += int(np.isin(codes, anders).sum())
            if pd.Index(schoon).is_unique:
                uit.isetitem(i, reeks.cat.rename_categories(schoon))
            else:  # merge the categories that became equal
                naar, uniek = pd.factorize(pd.Index(schoon, dtype=object))
                nieuw = np.where(codes >= 0, naar[np.maximum(codes, 0)], -1)
                uit.isetitem(i, pd.Series(pd.Categorical.from_codes(nieuw, categories=uniek,
                                                                    ordered=reeks.cat.ordered),
                                          index=reeks.index, name=reeks.name))
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
            verslag: list[str] | None = None) -> None:
    """Write a result as CSV (``;`` and decimal comma, UTF-8 with BOM: opens right in Dutch Excel) or .xlsx.

    The file is written whole or not at all: into a temporary file in the same folder, then moved into place (an
    error such as a full disk leaves the old file, or none, and no half file). Refused (:class:`PortefeuilleFout`):
    see :func:`controleer_uitvoer`. ``verslag``: a list that receives a Dutch line for every adjustment made to
    fit the format (cells changed for Excel)."""
    pad = controleer_uitvoer(pad, overschrijf, invoer)
    excel = pad.suffix.lower() == ".xlsx"
    if excel and len(frame) > EXCEL_MAX_REGELS:
        raise PortefeuilleFout(f"{len(frame):,} woningen passen niet in één Excelblad (maximaal "
                               f"{EXCEL_MAX_REGELS:,}); kies een .csv-bestand".replace(",", "."))
    modus = stat.S_IMODE(pad.stat().st_mode) if pad.exists() else _standaard_modus()
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".woonlasten-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if excel:
                fh.write(naar_excel(frame, samenvattingen, verslag))
            else:
                _schrijf_csv(veilig(frame), fh)
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


def _standaard_modus() -> int:
    """The permissions a new file gets (0666 minus the umask), as ``open`` would give it."""
    masker = os.umask(0o022)
    os.umask(masker)
    return 0o666 & ~masker


def naar_csv(frame: pd.DataFrame) -> bytes:
    """The result as Dutch-Excel CSV bytes (``;``, decimal comma, UTF-8 with BOM), formula cells neutralised."""
    buffer = io.BytesIO()
    _schrijf_csv(veilig(frame), buffer)
    return buffer.getvalue()


def _schrijf_csv(frame: pd.DataFrame, fh) -> None:
    """Write ``;``-separated CSV with decimal commas. Numbers are turned into text column-wise by Arrow (pandas'
    ``to_csv`` formats each cell in Python: a million-row result took a minute, this takes seconds)."""
    namen, kolommen = [], []
    for i, naam in enumerate(frame.columns):  # by position: column names may repeat
        kol = frame.iloc[:, i]
        namen.append(str(naam))
        if pd.api.types.is_bool_dtype(kol):
            kolommen.append(pa.array(kol.astype(str).to_numpy(), type=pa.string()))
        elif pd.api.types.is_float_dtype(kol):
            waarden = pa.array(kol.to_numpy(dtype=float) + 0.0, from_pandas=True)  # + 0.0: no "-0"
            kolommen.append(pc.replace_substring(pc.cast(waarden, pa.string()), ".", ","))
        elif pd.api.types.is_integer_dtype(kol):
            kolommen.append(pc.cast(pa.array(kol.to_numpy()), pa.string()))
        elif isinstance(kol.dtype, pd.CategoricalDtype):  # each category turned into text once
            codes = kol.cat.codes.to_numpy().astype(np.int32)
            tekst = pa.array([str(c) for c in kol.cat.categories], type=pa.string())
            kolommen.append(pc.take(tekst, pa.array(codes, mask=codes < 0)))
        else:
            try:  # a column of text (and empty cells) goes to Arrow as it is
                kolommen.append(pa.array(kol.to_numpy(dtype=object), type=pa.string(), from_pandas=True))
            except (pa.ArrowTypeError, pa.ArrowInvalid):  # mixed values (True/False/None, numbers): as Python shows them
                tekst = kol.astype(object).where(kol.notna(), None)
                kolommen.append(pa.array([None if w is None else str(w) for w in tekst.to_numpy()], type=pa.string()))
    fh.write(b"\xef\xbb\xbf")
    tabel = pa.Table.from_arrays(kolommen, names=namen) if kolommen else pa.table({})
    pacsv.write_csv(tabel, fh, write_options=pacsv.WriteOptions(delimiter=";", quoting_style="needed"))


def naar_excel(frame: pd.DataFrame, samenvattingen: dict[str, pd.DataFrame] | None = None,
               verslag: list[str] | None = None) -> bytes:
    """The result (sheet ``woningen``) and the summaries (a sheet each) as .xlsx bytes, formula cells neutralised;
    characters XML cannot hold (control characters such as \\x01, \\x0b) are replaced by '\ufffd' and text over
    32.767 characters is cut, with a Dutch line per sheet in ``verslag``."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
        for blad, deel in (("woningen", frame), *((naam[:31], s) for naam, s in (samenvattingen or {}).items())):
            schoon, n = _per_waarde(veilig(deel), _voor_excel)
            if n and verslag is not None:
                verslag.append(f"blad {blad}: {n} cel(len) met tekens die Excel niet toestaat (stuurtekens) of met "
                               f"meer dan {EXCEL_MAX_TEKENS:,} tekens; stuurtekens vervangen door "
                               f"'{VERVANGTEKEN}', te lange tekst ingekort".replace(",", "."))
            schoon.to_excel(xw, sheet_name=blad, index=False)
    return buffer.getvalue()
