"""Reading what Dutch offices produce: CSV with ``;`` or ``,`` (or tab), decimal commas, UTF-8 with or without BOM
or Windows-1252, and Excel ``.xlsx``; the office's columns mapped to the calculation's input."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import IO, Union

import numpy as np
import pandas as pd

from woonlasten.modellen import ENERGIELABELS, INVOERVELDEN
from woonlasten.rekenen.invoer import INVOER_KOLOMMEN


class PortefeuilleFout(ValueError):
    """The file cannot be read as a portfolio (Dutch message)."""


VERPLICHTE_KOLOMMEN = ("id", "complex", "gemeente", "woningtype", "oppervlakte_m2", "energielabel", "kale_huur")


def _sleutel(naam: str) -> str:
    return re.sub(r"[\s_\-./()²]", "", str(naam).strip().lower().replace("m²", "m2"))


def _aliassen() -> dict[str, str]:
    """The portfolio's own columns, then every input field a portfolio may give (``Kolom(portefeuille=True)``)
    under its own name and its ``Kolom(aliassen=...)``; an alias naming two columns is an error."""
    uit = {"id": "id", "vhe": "id", "vhenummer": "id", "woningid": "id", "eenheid": "id", "nummer": "id",
           "complex": "complex", "complexnummer": "complex", "complexnaam": "complex"}
    for v in INVOERVELDEN:
        if v.portefeuille:
            for naam in (v.kolom, *v.aliassen):
                if uit.setdefault(_sleutel(naam), v.kolom) != v.kolom:
                    raise ValueError(f"portfolio alias {naam!r} of {v.kolom} already names {uit[_sleutel(naam)]}")
    return uit


# Column names as offices write them → our names (compared after lower-casing and removing blanks, '-', '_').
ALIASSEN: dict[str, str] = _aliassen()


WONINGTYPE_ALIASSEN = {
    "appartement": "appartement", "flat": "appartement", "etagewoning": "appartement", "galerijflat": "appartement",
    "portiekflat": "appartement", "meergezins": "appartement", "bovenwoning": "appartement",
    "benedenwoning": "appartement", "appartementhoogbouw": "appartement_hoogbouw", "hoogbouw": "appartement_hoogbouw",
    "tussenwoning": "tussenwoning", "rijwoning": "tussenwoning", "rijtjeshuis": "tussenwoning",
    "hoekwoning": "hoekwoning", "eindwoning": "hoekwoning",
    "tweeondereenkap": "twee-onder-een-kap", "2onder1kap": "twee-onder-een-kap", "2onder1kapwoning": "twee-onder-een-kap",
    "twee-onder-een-kap": "twee-onder-een-kap", "vrijstaand": "vrijstaand", "vrijstaandewoning": "vrijstaand",
}


NUMERIEKE_KOLOMMEN = [k for k, v in INVOER_KOLOMMEN.items() if v == "getal"]


MAX_BESTAND_BYTES = 2 * 1024**3


def lees_woningen(bron: Union[str, Path, IO[bytes], bytes], naam: str | None = None) -> pd.DataFrame:
    """Read a portfolio file (CSV or .xlsx) into text columns; raises :class:`PortefeuilleFout` in Dutch."""
    naam = naam or (str(bron) if isinstance(bron, (str, Path)) else "upload")
    if isinstance(bron, (str, Path)):
        pad = Path(bron)
        if not pad.exists():
            raise PortefeuilleFout(f"bestand niet gevonden: {pad}")
        if not pad.is_file():
            raise PortefeuilleFout(f"{pad} is geen bestand (een map?)")
        if pad.stat().st_size > MAX_BESTAND_BYTES:
            raise PortefeuilleFout(f"bestand is te groot ({pad.stat().st_size / 1024**3:.1f} GB; maximaal 2 GB)")
        data = pad.read_bytes()
    elif isinstance(bron, bytes):
        data = bron
    else:
        data = bron.read()
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        raise PortefeuilleFout(f"{Path(naam).name}: het bestand is leeg")
    if data[:4] == b"PK\x03\x04" or naam.lower().endswith((".xlsx", ".xlsm")):
        frame = _lees_excel(data, naam)
    else:
        frame = _lees_csv(data, naam)
    _kolommen(frame)  # a missing required column is the first thing to say
    if frame.empty:
        raise PortefeuilleFout(f"{Path(naam).name}: geen woningen gevonden (alleen een kopregel)")
    return frame


def _lees_excel(data: bytes, naam: str) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(data), dtype=object, engine="openpyxl")
    except Exception as exc:  # noqa: BLE001 - any broken workbook becomes a Dutch message
        raise PortefeuilleFout(f"{Path(naam).name}: geen leesbaar Excelbestand (.xlsx) ({exc.__class__.__name__})") \
            from None
    frame = frame.dropna(how="all")
    return frame.astype(object).where(frame.notna(), None)


def _lees_csv(data: bytes, naam: str) -> pd.DataFrame:
    if b"\x00" in data[:4096]:
        raise PortefeuilleFout(f"{Path(naam).name}: dit is geen tekstbestand (CSV) of Excelbestand (.xlsx)")
    kop = data.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    scheiding = max([";", ",", "\t"], key=lambda c: kop.count(c.encode()))
    if kop.count(scheiding.encode()) == 0:
        raise PortefeuilleFout(f"{Path(naam).name}: geen tabel herkend (geen scheidingsteken ; of , in de kopregel)")
    decimaal = "," if scheiding == ";" else "."
    for codering in ("utf-8-sig", "cp1252"):
        try:
            frame = pd.read_csv(io.BytesIO(data), sep=scheiding, decimal=decimaal, encoding=codering, index_col=False,
                                keep_default_na=False, na_values=[""],
                                skipinitialspace=True, quoting=csv.QUOTE_MINIMAL, on_bad_lines="error", engine="c",
                                dtype=_kolomsoorten(kop.decode(codering, errors="replace"), scheiding))
            break
        except UnicodeDecodeError:
            continue
        except pd.errors.ParserError as exc:
            regel = re.search(r"line (\d+)", str(exc))
            waar = f" (regel {regel.group(1)})" if regel else ""
            raise PortefeuilleFout(f"{Path(naam).name}: de tabel is niet regelmatig{waar}: een regel heeft meer "
                                   "kolommen dan de kopregel") from None
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise PortefeuilleFout(f"{Path(naam).name}: onbekende tekencodering (gebruik UTF-8 of Windows-1252)")
    frame.attrs["scheidingsteken"] = scheiding
    return frame


# text columns read as categories: few distinct values (gemeente, type, label, …)
TEKST_ALS_CATEGORIE = {"complex"} | {v.kolom for v in INVOERVELDEN if v.portefeuille and v.soort == "tekst"}


def _kolomsoorten(kop: str, scheiding: str) -> dict[str, str]:
    """Read types by the header: id and complex as text; columns with few distinct texts (gemeente, type, label…)
    as categories, which the parser stores once per distinct value instead of once per row."""
    namen = next(csv.reader([kop.lstrip("\ufeff").rstrip("\r")], delimiter=scheiding), [])
    soorten = {}
    for naam in namen:
        doel = ALIASSEN.get(_sleutel(naam))
        if doel == "id":
            soorten[naam] = "str"
        elif doel in TEKST_ALS_CATEGORIE:
            soorten[naam] = "category"
    return soorten


def _getal_nl(reeks: pd.Series, decimaalkomma: bool) -> pd.Series:
    """Numbers as Dutch offices write them: '1.234,56', '€ 600,00', '85 m²'. Numeric columns pass unchanged; in a
    text column the plain numbers are converted at once and only the rest is cleaned, each distinct text once.
    What is still not a number stays text, so the calculation names the field and the row."""
    if pd.api.types.is_numeric_dtype(reeks) and not pd.api.types.is_bool_dtype(reeks):
        return reeks.astype(float, copy=False)
    tekst = reeks.astype(str)
    # in a ';' file a point is never a decimal point: those cells go through the Dutch rules below
    punt = tekst.str.contains(".", regex=False) if decimaalkomma else pd.Series(False, index=reeks.index)
    snel = pd.to_numeric(reeks.where(~punt), errors="coerce")
    rest = snel.isna() & reeks.notna() & (tekst.str.strip() != "")
    if not rest.any():
        return snel
    uit = snel.astype(object)
    codes, uniek = pd.factorize(reeks[rest].astype(str))
    schoon = []
    for u in uniek:
        t = u.strip().replace("€", "").replace("m²", "").replace("m2", "").replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", t):  # Dutch thousands: 1.050 or 1.234,56
            t = t.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+,\d+", t):  # decimal comma
            t = t.replace(",", ".")
        elif decimaalkomma and "." in t:  # a point in a ';' file that is not a thousands separator: ambiguous
            schoon.append(u + " (gebruik een decimale komma)")
            continue
        try:
            schoon.append(float(t))
        except ValueError:
            schoon.append(u)  # not a number: the calculation reports it with the field name
    uit[rest] = np.array(schoon, dtype=object)[codes]
    return uit


def _kolommen(woningen: pd.DataFrame) -> dict[str, str]:
    """The office's column names mapped to ours; raises naming every missing required column."""
    mapping: dict[str, str] = {}
    for kol in woningen.columns:
        doel = ALIASSEN.get(_sleutel(kol))
        if doel and doel not in mapping.values():
            mapping[kol] = doel
    ontbreekt = [k for k in VERPLICHTE_KOLOMMEN if k not in mapping.values()]
    if ontbreekt:
        raise PortefeuilleFout("verplichte kolom(men) ontbreken: " + ", ".join(ontbreekt)
                               + f" (gevonden: {', '.join(map(str, woningen.columns[:15]))})")
    return mapping


def naar_invoer(woningen: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Map an office's columns to the calculation's input columns. Returns (input frame, mapping used).
    Raises :class:`PortefeuilleFout` naming the missing required columns."""
    mapping = _kolommen(woningen)
    invoer = pd.DataFrame({ons: woningen[hun] for hun, ons in mapping.items()}, copy=False)  # no copy of the data
    decimaalkomma = woningen.attrs.get("scheidingsteken") == ";"
    for kol in NUMERIEKE_KOLOMMEN:
        if kol in invoer.columns:
            invoer[kol] = _getal_nl(invoer[kol], decimaalkomma)
    if "woningtype" in invoer.columns:
        invoer["woningtype"] = _vertaal(invoer["woningtype"], WONINGTYPE_ALIASSEN)
    for kol in ("energielabel", "naar_label"):
        if kol in invoer.columns:
            invoer[kol] = _vertaal(invoer[kol], {lab.lower().replace("+", "plus"): lab for lab in ENERGIELABELS},
                                   plus=True)
    for kol in ("gemeente",):
        if kol in invoer.columns and not isinstance(invoer[kol].dtype, pd.CategoricalDtype):
            invoer[kol] = invoer[kol].astype(object).where(invoer[kol].notna(), None)
    return invoer, mapping


def _vertaal(reeks: pd.Series, tabel: dict[str, str], plus: bool = False) -> pd.Categorical:
    """Map the office's spellings ('Rijwoning', 'a+') to ours, per distinct value; returns a Categorical."""
    if isinstance(reeks.dtype, pd.CategoricalDtype):  # read as categories: translate the few categories only
        codes, uniek = reeks.cat.codes.to_numpy(), list(reeks.cat.categories)
    else:
        codes, uniek = pd.factorize(reeks.astype(object).where(reeks.notna(), ""))
    uit = []
    for u in uniek:
        k = str(u).strip().lower().replace("+", "plus").replace(" ", "") if plus else _sleutel(u)
        uit.append(tabel.get(k, str(u).strip() or None))
    categorieen = list(dict.fromkeys(x for x in uit if x is not None))
    positie = {c: i for i, c in enumerate(categorieen)}
    vertaal = np.array([positie[x] if x is not None else -1 for x in uit] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(vertaal[np.where(codes < 0, len(uit), codes)], categories=categorieen)
