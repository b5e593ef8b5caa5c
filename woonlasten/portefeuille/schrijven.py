"""Writing a result safely: CSV for Dutch Excel and .xlsx, formula cells neutralised."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from woonlasten.portefeuille.lezen import PortefeuilleFout

EXCEL_MAX_REGELS = 1_048_575  # rows of one Excel sheet, minus the header


_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def veilig(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise text cells that a spreadsheet would run as a formula (start with = + - @ tab CR): prefix "'"."""
    uit = frame.copy(deep=False)
    for kol in uit.columns:
        if isinstance(uit[kol].dtype, pd.CategoricalDtype):
            categorieen = list(uit[kol].cat.categories)
            schoon = [("'" + c) if isinstance(c, str) and c.startswith(_GEVAARLIJK) else c for c in categorieen]
            if schoon != categorieen:
                uit[kol] = uit[kol].cat.rename_categories(schoon)
        elif uit[kol].dtype == object:
            codes, uniek = pd.factorize(uit[kol], use_na_sentinel=True)
            if len(uniek) == 0:
                continue
            schoon = np.array([("'" + u) if isinstance(u, str) and u.startswith(_GEVAARLIJK) else u for u in uniek]
                              + [None], dtype=object)
            uit[kol] = schoon[codes]
    uit.columns = [("'" + c) if isinstance(c, str) and c.startswith(_GEVAARLIJK) else c for c in uit.columns]
    return uit


def schrijf(frame: pd.DataFrame, pad: Union[str, Path], samenvattingen: dict[str, pd.DataFrame] | None = None) -> None:
    """Write a result as CSV (``;`` and decimal comma, UTF-8 with BOM: opens right in Dutch Excel) or .xlsx."""
    pad = Path(pad)
    if pad.suffix.lower() == ".xlsx" and len(frame) > EXCEL_MAX_REGELS:
        raise PortefeuilleFout(f"{len(frame):,} woningen passen niet in één Excelblad (maximaal "
                               f"{EXCEL_MAX_REGELS:,}); kies een .csv-bestand".replace(",", "."))
    if pad.suffix.lower() == ".xlsx":
        pad.write_bytes(naar_excel(frame, samenvattingen))
    else:
        with open(pad, "wb") as fh:
            _schrijf_csv(veilig(frame), fh)


def naar_csv(frame: pd.DataFrame) -> bytes:
    """The result as Dutch-Excel CSV bytes (``;``, decimal comma, UTF-8 with BOM), formula cells neutralised."""
    buffer = io.BytesIO()
    _schrijf_csv(veilig(frame), buffer)
    return buffer.getvalue()


def _schrijf_csv(frame: pd.DataFrame, fh) -> None:
    """Write ``;``-separated CSV with decimal commas. Numbers are turned into text column-wise by Arrow (pandas'
    ``to_csv`` formats each cell in Python: a million-row result took a minute, this takes seconds)."""
    kolommen = {}
    for naam in frame.columns:
        kol = frame[naam]
        if pd.api.types.is_bool_dtype(kol):
            kolommen[str(naam)] = pa.array(kol.astype(str).to_numpy(), type=pa.string())
        elif pd.api.types.is_float_dtype(kol):
            waarden = pa.array(kol.to_numpy(dtype=float) + 0.0, from_pandas=True)  # + 0.0: no "-0"
            kolommen[str(naam)] = pc.replace_substring(pc.cast(waarden, pa.string()), ".", ",")
        elif pd.api.types.is_integer_dtype(kol):
            kolommen[str(naam)] = pc.cast(pa.array(kol.to_numpy()), pa.string())
        elif isinstance(kol.dtype, pd.CategoricalDtype):  # each category turned into text once
            codes = kol.cat.codes.to_numpy().astype(np.int32)
            tekst = pa.array([str(c) for c in kol.cat.categories], type=pa.string())
            kolommen[str(naam)] = pc.take(tekst, pa.array(codes, mask=codes < 0))
        else:
            try:  # a column of text (and empty cells) goes to Arrow as it is
                kolommen[str(naam)] = pa.array(kol.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
            except (pa.ArrowTypeError, pa.ArrowInvalid):  # mixed values (True/False/None, numbers): as Python shows them
                tekst = kol.astype(object).where(kol.notna(), None)
                kolommen[str(naam)] = pa.array([None if w is None else str(w) for w in tekst.to_numpy()],
                                               type=pa.string())
    fh.write(b"\xef\xbb\xbf")
    pacsv.write_csv(pa.table(kolommen), fh, write_options=pacsv.WriteOptions(delimiter=";", quoting_style="needed"))


def naar_excel(frame: pd.DataFrame, samenvattingen: dict[str, pd.DataFrame] | None = None) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
        veilig(frame).to_excel(xw, sheet_name="woningen", index=False)
        for naam, s in (samenvattingen or {}).items():
            veilig(s).to_excel(xw, sheet_name=naam[:31], index=False)
    return buffer.getvalue()
