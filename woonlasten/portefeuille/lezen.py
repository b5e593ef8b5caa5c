"""Reading what Dutch offices produce: CSV with ``;`` or ``,`` (or tab), decimal commas, UTF-8 with or without BOM,
Windows-1252 or UTF-16 ("Unicode-tekst"), any line ending, and Excel ``.xlsx``; the office's columns mapped to the
calculation's input.

Nothing is silently wrong and nothing is lost: a line that cannot be read (more fields than the header, a cell of
more than :data:`MAX_CEL` characters) and a number that can be read two ways come back as a row with status
``fout`` and a Dutch message naming the field, the physical line in the file (1 = the header) and the value; an
implausible number (:data:`PLAUSIBEL`) or a byte that is not UTF-8 gives the row a warning in ``melding``. How the
file was read is recorded in ``frame.attrs["gelezen"]`` (:func:`leesverslag` says it in words); how messy values
were interpreted ('85 m2' as 85, 'rijtjeshuis' as tussenwoning) and which were refused, in the input frame's
``attrs["gelezen_als"]`` (:func:`leesnotitie`)."""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple, Union

import numpy as np
import pandas as pd

from woonlasten.formatteer import getal
from woonlasten.modellen import ENERGIELABELS, INVOERVELDEN, PLAUSIBEL
from woonlasten.rekenen.invoer import GRENZEN, INVOER_KOLOMMEN
from woonlasten.rekenen.rekenblad import is_gelijk


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

# the heating as offices write it (keys as _sleutel makes them); blokverwarming is collective heating of a whole
# building (one boiler or connection, charged through the servicekosten), not a heat network with a connection and
# meter of the dwelling's own: it is refused with that said (BLOKVERWARMING), never taken as warmtenet
VERWARMING_ALIASSEN = {
    "gasketel": "gasketel", "cvketel": "gasketel", "hrketel": "gasketel", "cv": "gasketel",
    "hybridewarmtepomp": "hybride_warmtepomp", "hybride": "hybride_warmtepomp", "warmtepomp": "warmtepomp",
    "warmtenet": "warmtenet", "stadsverwarming": "warmtenet", "stadswarmte": "warmtenet",
}
BLOKVERWARMING = (
    "verwarming: blokverwarming is collectieve verwarming van het hele gebouw (één ketel of aansluiting, afgerekend "
    "via de servicekosten), geen eigen aansluiting op een warmtenet; niet berekend. Kies warmtenet als de woning een "
    "eigen aansluiting en warmtemeter heeft, anders gasketel (regel {regel})")


NUMERIEKE_KOLOMMEN = [k for k, v in INVOER_KOLOMMEN.items() if v == "getal"]


# ----------------------------------------------------------------------------------------------------------
# Limits, checked before the file is parsed. Measured with bench/portefeuille.py (1,000,000 rows, 56 MB Dutch-Excel
# CSV): reading and computing peak at ~1.2 GB RSS, ~21 MB of memory per MB of CSV. 500 MB of CSV (~9 million
# narrow rows) or 5,000,000 rows (~6 GB) leaves the 24 GB machine room for the app and a second run.

MAX_BESTAND_BYTES = 500 * 1024**2  # a CSV or xlsx file on disk
MAX_RIJEN = 5_000_000  # data rows of one portfolio
MAX_XLSX_UITGEPAKT = 1024**3  # an .xlsx is a zip: the sum of its entries' uncompressed sizes (a "zip bomb")
MAX_EXCEL_RIJEN = 1_048_576  # Excel's own row limit (header included)
MAX_CEL = 10_000  # characters in one cell: a longer cell makes its row fout
MAX_KOPCEL = 200  # characters in one column name: a longer one refuses the file
MAX_TOON = 40  # characters of a value shown in a message



def _kort(waarde: object) -> str:
    """A value as shown in a message: at most :data:`MAX_TOON` characters, cut with '…'."""
    tekst = str(waarde)
    return tekst if len(tekst) <= MAX_TOON else tekst[:MAX_TOON] + "…"


def _nl_getal(x: float) -> str:
    """1.05 → '1,05', 1050.0 → '1050' (no thousands separator: the way to write it in the file)."""
    tekst = f"{x:.10g}" if abs(x) < 1e15 else f"{x:g}"
    return tekst.replace(".", ",")


class _Zonder:
    """Holds per-row data in ``attrs`` without being deep-copied by every pandas operation on the frame."""

    def __init__(self, **velden):
        self.__dict__.update(velden)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self


@dataclass
class _Gelezen:
    """What the reader found per row: the physical line of each row (None: row label + 2) and messages by row label."""

    regels: np.ndarray | None
    fout: dict
    let_op: dict

    def regel(self, labels) -> np.ndarray:
        labels = np.asarray(labels, dtype=np.int64)
        if self.regels is None:
            return labels + 2
        binnen = (labels >= 0) & (labels < len(self.regels))
        return np.where(binnen, self.regels[np.clip(labels, 0, max(len(self.regels) - 1, 0))], labels + 2)


MAX_LEZINGEN = 8  # spellings listed per column in the reading note; the rest is counted


class Lezing(NamedTuple):
    """One spelling of a column as it was read: ``van`` (the cell's text) became ``naar`` (None: refused, ``reden``
    says why), in ``aantal`` cells, the first on physical line ``regel``. ``van`` None: the spellings over
    :data:`MAX_LEZINGEN`, ``aantal`` cells in all."""

    kolom: str  # the file's column name
    van: str | None
    naar: str | None
    aantal: int
    regel: int
    reden: str | None = None  # a tuple: JSON-serialisable, as Streamlit wants a frame's attrs


def _noteer(notitie: list | None, kolom: str, codes: np.ndarray, gevonden: dict[int, tuple[str, str | None, str | None]],
            regels) -> None:
    """Append to ``notitie`` the :class:`Lezing` of each distinct value ``gevonden`` {code: (text, read as, reason)}
    of a column with ``codes`` per row: most frequent first, at most :data:`MAX_LEZINGEN` and a count of the rest."""
    if notitie is None or not gevonden:
        return
    geldig = codes >= 0
    aantal = np.bincount(codes[geldig], minlength=max(gevonden) + 1)
    eerste = np.full(len(aantal), -1, dtype=np.int64)
    posities = np.flatnonzero(geldig)
    eerste[codes[posities[::-1]]] = posities[::-1]  # reversed: the first row of each value is assigned last
    volgorde = sorted(gevonden, key=lambda c: (-int(aantal[c]), int(eerste[c])))
    getoond = volgorde[:MAX_LEZINGEN]
    lijnen = regels(eerste[getoond]) if regels is not None else eerste[getoond] + 2
    for c, r in zip(getoond, lijnen, strict=True):
        van, naar, reden = gevonden[c]
        notitie.append(Lezing(kolom, van, naar, int(aantal[c]), int(r), reden))
    rest = volgorde[MAX_LEZINGEN:]
    if rest:
        eerst = min(int(eerste[c]) for c in rest)
        r = regels(np.array([eerst]))[0] if regels is not None else eerst + 2
        notitie.append(Lezing(kolom, None, None, int(aantal[rest].sum()), int(r), f"{len(rest)} schrijfwijzen"))


def fysieke_regels(woningen: pd.DataFrame, posities: np.ndarray) -> np.ndarray:
    """The physical line in the file (1 = the header) of the rows at ``posities`` of a frame of
    :func:`lees_woningen` (blank lines and quoted line breaks counted)."""
    posities = np.asarray(posities, dtype=np.int64)
    index = woningen.index
    if pd.api.types.is_integer_dtype(index.dtype):
        return _rijdata(woningen).regel(index[posities])
    return posities + 2


def _rijdata(frame: pd.DataFrame) -> _Gelezen:
    gelezen = frame.attrs.get("_rijen")
    return gelezen.data if isinstance(gelezen, _Zonder) else _Gelezen(None, {}, {})


# ----------------------------------------------------------------------------------------------------------
# The file


def lees_woningen(bron: Union[str, Path, IO[bytes], bytes], naam: str | None = None) -> pd.DataFrame:
    """Read a portfolio file (CSV or .xlsx) into text columns; raises :class:`PortefeuilleFout` in Dutch.
    ``frame.attrs["gelezen"]`` records how (see :func:`leesverslag`)."""
    naam = naam or (str(bron) if isinstance(bron, (str, Path)) else "upload")
    kort = Path(naam).name
    if isinstance(bron, (str, Path)):
        data = _lees_bestand(Path(bron))
    elif isinstance(bron, (bytes, bytearray, memoryview)):
        data = bytes(bron)
    else:
        data = bron.read(MAX_BESTAND_BYTES + 1)
    if len(data) > MAX_BESTAND_BYTES:
        raise PortefeuilleFout(f"{kort}: het bestand is te groot (meer dan {MAX_BESTAND_BYTES // 1024**2} MB); "
                               "splits het in delen")
    if not data[:65536].lstrip(b"\xef\xbb\xbf").strip() and not data.lstrip(b"\xef\xbb\xbf").strip() \
            or data in (b"\xff\xfe", b"\xfe\xff"):
        raise PortefeuilleFout(f"{kort}: het bestand is leeg")
    if data[:4] == b"PK\x03\x04" or naam.lower().endswith((".xlsx", ".xlsm")):
        frame, info, gelezen = _lees_excel(data, kort)
    else:
        frame, info, gelezen = _lees_csv(data, kort)
    mapping = _kolommen(frame)  # a missing required column is the first thing to say
    if frame.empty:
        raise PortefeuilleFout(f"{kort}: geen woningen gevonden (alleen een kopregel)")
    info["decimalen"] = {hun: _decimaalregel(frame[hun], info.get("scheidingsteken"))[0]
                         for hun, ons in mapping.items() if ons in NUMERIEKE_KOLOMMEN}
    info["rijen"] = len(frame)
    info["rijen_fout"] = len(gelezen.fout)
    frame.attrs["gelezen"] = info
    frame.attrs["_rijen"] = _Zonder(data=gelezen)
    return frame


def _lees_bestand(pad: Path) -> bytes:
    """The bytes of a file, after the checks that need no reading: exists, a regular file, size, readable."""
    try:
        st = pad.stat()
    except FileNotFoundError:
        raise PortefeuilleFout(f"bestand niet gevonden: {pad}") from None
    except OSError as exc:
        raise PortefeuilleFout(f"{pad}: niet te openen ({exc.strerror or exc.__class__.__name__})") from None
    if stat.S_ISDIR(st.st_mode):
        raise PortefeuilleFout(f"{pad} is geen bestand (een map?)")
    if not stat.S_ISREG(st.st_mode):
        raise PortefeuilleFout(f"{pad} is geen gewoon bestand (een apparaat of pijp?)")
    if st.st_size > MAX_BESTAND_BYTES:
        raise PortefeuilleFout(f"{pad.name}: het bestand is te groot ({st.st_size / 1024**2:,.0f} MB; maximaal "
                               f"{MAX_BESTAND_BYTES // 1024**2} MB); splits het in delen".replace(",", "."))
    try:
        return pad.read_bytes()
    except PermissionError:
        raise PortefeuilleFout(f"{pad.name}: geen toestemming om het bestand te lezen") from None
    except OSError as exc:
        raise PortefeuilleFout(f"{pad.name}: niet te lezen ({exc.strerror or exc.__class__.__name__})") from None


def _lees_excel(data: bytes, naam: str) -> tuple[pd.DataFrame, dict, _Gelezen]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            uitgepakt = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise PortefeuilleFout(f"{naam}: geen leesbaar Excelbestand (.xlsx) (geen zip-archief)") from None
    if uitgepakt > MAX_XLSX_UITGEPAKT:
        raise PortefeuilleFout(f"{naam}: het Excelbestand is uitgepakt te groot ({uitgepakt / 1024**2:,.0f} MB; "
                               f"maximaal {MAX_XLSX_UITGEPAKT // 1024**2} MB)".replace(",", "."))
    try:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rijen = wb.worksheets[0].max_row or 0
        finally:
            wb.close()
        if rijen > MAX_EXCEL_RIJEN:
            raise PortefeuilleFout(f"{naam}: het werkblad heeft {rijen} rijen; Excel kent er hooguit {MAX_EXCEL_RIJEN}")
        frame = pd.read_excel(io.BytesIO(data), dtype=object, engine="openpyxl")
    except PortefeuilleFout:
        raise
    except Exception as exc:  # noqa: BLE001 - any broken workbook becomes a Dutch message
        raise PortefeuilleFout(f"{naam}: geen leesbaar Excelbestand (.xlsx) ({exc.__class__.__name__})") from None
    _controleer_kop([str(k) for k in frame.columns], naam)
    frame = frame.dropna(how="all")
    if len(frame) > MAX_RIJEN:
        raise PortefeuilleFout(f"{naam}: te veel rijen ({len(frame)}; maximaal {MAX_RIJEN})")
    frame = frame.astype(object).where(frame.notna(), None)
    gelezen = _Gelezen(None, {}, {})  # the sheet's row = index label + 2 (the header is row 1)
    lang = np.zeros(len(frame), dtype=bool)
    for kol in frame.columns:
        lang |= frame[kol].map(lambda v: isinstance(v, str) and len(v) > MAX_CEL).to_numpy(dtype=bool)
    _lange_cellen(frame, np.flatnonzero(lang), gelezen, "rij")
    info = {"soort": "xlsx", "regels": int(frame.index.max()) + 2 if len(frame) else 1, "waarschuwingen": []}
    return frame, info, gelezen


def _controleer_kop(namen: list[str], naam: str) -> None:
    for i, kolom in enumerate(namen, start=1):
        if len(kolom) > MAX_KOPCEL:
            raise PortefeuilleFout(f"{naam}: de naam van kolom {i} is {len(kolom)} tekens lang (maximaal "
                                   f"{MAX_KOPCEL}): '{_kort(kolom)}'; is de eerste regel wel de kopregel?")
    gezien: dict[str, int] = {}
    for i, kolom in enumerate(namen, start=1):
        doel = ALIASSEN.get(_sleutel(kolom))
        if doel is None:
            continue
        k = _sleutel(kolom)
        if k in gezien:
            raise PortefeuilleFout(f"{naam}: kolom '{_kort(kolom)}' staat twee keer in de kopregel (kolom "
                                   f"{gezien[k]} en {i}); welke geldt?")
        gezien[k] = i


def _lange_cellen(frame: pd.DataFrame, posities: np.ndarray, gelezen: _Gelezen, woord: str) -> None:
    """Rows (at ``posities``) with a cell over MAX_CEL characters: the cell cut, the row fout."""
    if not len(posities):
        return
    kolommen = [k for k in frame.columns if not pd.api.types.is_numeric_dtype(frame[k].dtype)]
    for pos in posities:
        label = frame.index[pos]
        for j, kol in enumerate(frame.columns):
            if kol not in kolommen:
                continue
            waarde = frame.iat[pos, j]
            if isinstance(waarde, str) and len(waarde) > MAX_CEL:
                if isinstance(frame[kol].dtype, pd.CategoricalDtype):
                    frame[kol] = frame[kol].astype(object)
                frame.iat[pos, j] = _kort(waarde)
                gelezen.fout.setdefault(label, f"{kol}: de cel is {len(waarde)} tekens lang (maximaal {MAX_CEL}) "
                                               f"({woord} {int(gelezen.regel([label])[0])})")


def _decodeer(data: bytes, naam: str) -> tuple[bytes, str, list[tuple[int, str]]]:
    """The file as UTF-8 bytes without BOM, the encoding in words, and the (character offset in the text, bytes
    read as Windows-1252) of a UTF-8 file with a few stray Windows-1252 bytes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _lijkt_utf16(data):
        try:
            tekst = data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le")
        except UnicodeDecodeError:
            raise PortefeuilleFout(f"{naam}: het bestand lijkt UTF-16 (Unicode-tekst) maar is niet te lezen") from None
        return tekst.lstrip("\ufeff").encode("utf-8"), "UTF-16 (Unicode-tekst)", []
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    if b"\x00" in data[:65536]:
        raise PortefeuilleFout(f"{naam}: dit is geen tekstbestand (CSV) of Excelbestand (.xlsx)")
    try:
        if not data.isascii():
            data.decode("utf-8")
        return data, "UTF-8 (met BOM)" if bom else "UTF-8", []
    except UnicodeDecodeError:
        pass
    tekst = data.decode("utf-8", errors="surrogateescape")
    if not re.search("[^\x00-\x7f\udc80-\udcff]", tekst):  # no valid UTF-8 beyond ASCII: a Windows-1252 file
        tekst = data.decode("cp1252", errors="replace")
        return tekst.encode("utf-8"), "Windows-1252 (met een UTF-8-BOM)" if bom else "Windows-1252", []
    # UTF-8 with a few bytes that are not: read those as Windows-1252 and say where
    stukken, vervangen, positie, lengte = [], [], 0, 0
    for m in re.finditer("[\udc80-\udcff]+", tekst):
        stukken.append(tekst[positie:m.start()])
        lengte += m.start() - positie
        los = m.group().encode("utf-8", errors="surrogateescape").decode("cp1252", errors="replace")
        vervangen.append((lengte, los))
        stukken.append(los)
        lengte += len(los)
        positie = m.end()
    stukken.append(tekst[positie:])
    return "".join(stukken).encode("utf-8"), "UTF-8 (met BOM)" if bom else "UTF-8", vervangen


def _lijkt_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: every other byte zero (ASCII text)."""
    begin = data[:4096]
    return len(begin) >= 16 and begin[1::2].count(0) > 0.9 * len(begin[1::2]) and begin[0::2].count(0) == 0


def _records(data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The records of a CSV without parsing it: begin and end offset, first physical line (1-based) and whether it
    is blank. A newline inside quotes does not end a record (quotes counted: an even number before it)."""
    b = np.frombuffer(data, dtype=np.uint8)
    nl = np.flatnonzero(b == 10)
    eind = nl
    if b'"' in data:
        q = np.flatnonzero(b == 34)
        eind = nl[np.searchsorted(q, nl) % 2 == 0]
    if len(data) and data[-1:] != b"\n":
        eind = np.append(eind, len(data))
    begin = np.concatenate((np.zeros(1, dtype=eind.dtype), eind[:-1] + 1))
    lengte = eind - begin
    cr = (lengte > 0) & (b[np.maximum(eind - 1, 0)] == 13)
    regel = np.searchsorted(nl, begin) + 1
    return begin, eind, regel, (lengte - cr) == 0


def _lees_csv(data: bytes, naam: str) -> tuple[pd.DataFrame, dict, _Gelezen]:
    data, codering, vervangen = _decodeer(data, naam)
    waarschuwingen: list[str] = []
    einde = "\\n"
    eerste_einde = re.search(rb"[\r\n]", data)
    if eerste_einde is not None and data[eerste_einde.start():eerste_einde.start() + 2] not in (b"\n", b"\r\n") \
            and data[eerste_einde.start():eerste_einde.start() + 1] == b"\r":
        # old Mac line endings (the header ends in a lone \r; a \n inside a quoted cell stays a line break there)
        data, einde = re.sub(rb"\r(?!\n)", b"\n", data), "\\r (oude Mac)"
    elif b"\r\n" in data[:65536]:
        einde = "\\r\\n (Windows)"
    vervangen_regels = _regels_van(data, vervangen)
    begin, eind, regel, leeg = _records(data)
    inhoud = np.flatnonzero(~leeg)
    if not len(inhoud):
        raise PortefeuilleFout(f"{naam}: het bestand is leeg")
    k = inhoud[0]
    kop = data[begin[k]:eind[k]].decode("utf-8").rstrip("\r")
    scheiding = max([";", ",", "\t"], key=kop.count)
    if kop.count(scheiding) == 0:
        raise PortefeuilleFout(f"{naam}: geen tabel herkend (geen scheidingsteken ; of , in de kopregel)")
    try:
        namen = next(csv.reader([kop], delimiter=scheiding), [])
    except csv.Error:  # a name longer than the csv module's field limit
        namen = kop.split(scheiding)
    _controleer_kop(namen, naam)
    data_rijen = inhoud[1:]
    if len(data_rijen) > MAX_RIJEN:
        raise PortefeuilleFout(f"{naam}: te veel rijen ({len(data_rijen)}; maximaal {MAX_RIJEN}); splits het bestand")
    gelezen = _Gelezen(regel[data_rijen].astype(np.int64), {}, {})
    if len(data_rijen) and (gelezen.regels == np.arange(2, len(data_rijen) + 2)).all():
        gelezen.regels = None  # one line per row, no blank lines: line = row + 2

    frame = _pandas(data, scheiding, namen, naam)
    if frame is None or len(frame) != len(data_rijen):  # more fields than the header: cut, then read again
        data = _knip_lange_regels(data, scheiding, len(namen), begin[data_rijen], eind[data_rijen], gelezen, naam)
        frame = _pandas(data, scheiding, namen, naam)
        if frame is None or len(frame) != len(data_rijen):
            frame = _lees_met_csv(data, scheiding, len(namen), naam)
            if len(frame) != len(data_rijen):
                raise PortefeuilleFout(f"{naam}: de tabel is niet regelmatig te lezen (controleer de aanhalingstekens)")
    lang = np.flatnonzero((eind[data_rijen] - begin[data_rijen]) > MAX_CEL)
    _lange_cellen(frame, lang, gelezen, "regel")
    if vervangen:
        _meld_vervangen(vervangen_regels, gelezen)
        waarschuwingen.append(f"{len(vervangen)} teken(s) waren geen UTF-8 en zijn als Windows-1252 gelezen")
    if gelezen.fout:
        waarschuwingen.append(f"{len(gelezen.fout)} regel(s) niet te lezen (status fout)")
    frame.attrs["scheidingsteken"] = scheiding
    info = {"soort": "csv", "scheidingsteken": scheiding, "codering": codering, "regeleinde": einde,
            "regels": int(regel[inhoud[-1]]) if len(inhoud) else 0, "waarschuwingen": waarschuwingen}
    return frame, info, gelezen


def _pandas(data: bytes, scheiding: str, namen: list[str], naam: str) -> pd.DataFrame | None:
    """The C parser on the whole file; None when a line has more fields than the header (then cut, read again)."""
    import warnings

    decimaal = "," if scheiding == ";" else "."
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        try:
            return pd.read_csv(io.BytesIO(data), sep=scheiding, decimal=decimaal, encoding="utf-8", index_col=False,
                               keep_default_na=False, na_values=[""], skipinitialspace=True,
                               quoting=csv.QUOTE_MINIMAL, on_bad_lines="error", engine="c",
                               dtype=_kolomsoorten(namen, scheiding))
        except (pd.errors.ParserError, pd.errors.ParserWarning):
            return None
        except UnicodeDecodeError:  # pragma: no cover - the bytes were made UTF-8 above
            raise PortefeuilleFout(f"{naam}: onbekende tekencodering (gebruik UTF-8 of Windows-1252)") from None


def _knip_lange_regels(data: bytes, scheiding: str, n_kop: int, begin: np.ndarray, eind: np.ndarray,
                       gelezen: _Gelezen, naam: str) -> bytes:
    """Lines with more fields than the header: cut after the header's number of fields (so the parser keeps
    them in place); a line whose extra fields hold anything becomes fout. Empty extra fields (a trailing ';')
    are no error."""
    b = np.frombuffer(data, dtype=np.uint8)
    sep = np.flatnonzero(b == ord(scheiding))
    if b'"' in data:
        q = np.flatnonzero(b == 34)
        sep = sep[np.searchsorted(q, sep) % 2 == 0]
    eerste = np.searchsorted(sep, begin)
    velden = np.searchsorted(sep, eind) - eerste + 1
    te_lang = np.flatnonzero(velden > n_kop)
    if not len(te_lang):
        return data
    stukken, positie = [], 0
    regels = gelezen.regel(te_lang)
    for rij, r in zip(te_lang, regels, strict=True):
        knip = int(sep[eerste[rij] + n_kop - 1])
        rest = data[knip + 1:int(eind[rij])]
        if rest.replace(scheiding.encode(), b"").replace(b'"', b"").strip():
            gelezen.fout[int(rij)] = f"regel {r}: {int(velden[rij])} velden, de kopregel heeft {n_kop}"
        stukken.append(data[positie:knip])
        positie = int(eind[rij])
    stukken.append(data[positie:])
    del naam
    return b"".join(stukken)


def _lees_met_csv(data: bytes, scheiding: str, n_kop: int, naam: str) -> pd.DataFrame:
    """The slow way (Python's csv module), when the fast parser and the line count disagree; all cells as text."""
    tekst = data.decode("utf-8")
    csv.field_size_limit(max(csv.field_size_limit(), len(tekst) + 1))  # a long cell is judged later (MAX_CEL)
    try:
        rijen = [r for r in csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, skipinitialspace=True)
                 if r]
    except csv.Error:
        raise PortefeuilleFout(f"{naam}: de tabel is niet te lezen (controleer de aanhalingstekens en de "
                               "regeleinden)") from None
    kop, rijen = rijen[0], rijen[1:]
    if len(kop) != n_kop:  # the header itself is not what the fast scan saw: refuse rather than guess
        raise PortefeuilleFout(f"{naam}: de tabel is niet regelmatig te lezen (controleer de aanhalingstekens en de "
                               "regeleinden)")
    rijen = [(r + [""] * n_kop)[:n_kop] for r in rijen]
    frame = pd.DataFrame(rijen, columns=kop, dtype=object)
    return frame.where(frame != "", None)


def _regels_van(data: bytes, vervangen: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(physical line, characters) of each character offset in the text of ``data``."""
    if not vervangen:
        return []
    tekst, uit, regel, vorige = data.decode("utf-8"), [], 1, 0
    for positie, teken in vervangen:
        regel += tekst.count("\n", vorige, positie)
        vorige = positie
        uit.append((regel, teken))
    return uit


def _meld_vervangen(vervangen: list[tuple[int, str]], gelezen: _Gelezen) -> None:
    """A warning on each row holding a byte that was read as Windows-1252."""
    for regel, teken in vervangen:
        if gelezen.regels is None:
            rij = regel - 2
        else:
            rij = int(np.searchsorted(gelezen.regels, regel, side="right")) - 1
        if rij < 0:
            continue  # the header: the column name shows it
        oud = gelezen.let_op.get(rij)
        nieuw = f"'{teken}' is geen UTF-8 en is als Windows-1252 gelezen (regel {regel})"
        if oud is None:
            gelezen.let_op[rij] = nieuw
        elif nieuw not in oud:
            gelezen.let_op[rij] = oud + "; " + nieuw


# text columns read as categories: few distinct values (gemeente, type, label, …)
TEKST_ALS_CATEGORIE = {"complex"} | {v.kolom for v in INVOERVELDEN if v.portefeuille and v.soort == "tekst"}


def _kolomsoorten(namen: list[str], scheiding: str) -> dict[str, str]:
    """Read types by the header: id and complex as text; columns with few distinct texts (gemeente, type, label…)
    as categories, which the parser stores once per distinct value instead of once per row. Outside a ';' file the
    numbers as text too: which separator is the decimal one is decided per column (:func:`_decimaalregel`)."""
    soorten = {}
    for naam in namen:
        doel = ALIASSEN.get(_sleutel(naam))
        if doel == "id":
            soorten[naam] = "str"
        elif doel in TEKST_ALS_CATEGORIE:
            soorten[naam] = "category"
        elif doel in NUMERIEKE_KOLOMMEN and scheiding != ";":
            soorten[naam] = "str"
    return soorten


# ----------------------------------------------------------------------------------------------------------
# Numbers: one rule per column
#
# Each cell of a number column (after removing '€', 'm²', blanks) is one of:
#   a whole number            600                 the same in both notations
#   ambiguous                 1.050  1,050        one separator followed by exactly three digits
#   Dutch only                12,5  1.234,56  1.234.567
#   English only              12.5  1,234.56  1,234,567  0.050
# The column is Dutch (comma = decimal, point = thousands) when its cells show only Dutch evidence, English when
# they show only English evidence, and when both, the notation of most cells (the other cells are fout). Without
# evidence the file's separator decides: ';' is what Dutch Excel writes because its decimal sign is the comma, so a
# ';' file's columns are Dutch; in a ',' or tab file (or a text cell of an .xlsx) an ambiguous cell is not
# guessed: its row is fout ("'1,050' is dubbelzinnig").

_GEHEEL = re.compile(r"-?\d+")
_DUBBEL_PUNT = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")
_DUBBEL_KOMMA = re.compile(r"-?[1-9]\d{0,2},\d{3}")
_NL = re.compile(r"-?\d+,\d+|-?[1-9]\d{0,2}(\.\d{3})+,\d+|-?[1-9]\d{0,2}(\.\d{3}){2,}")
_EN = re.compile(r"-?\d+\.\d+|-?[1-9]\d{0,2}(,\d{3})+\.\d+|-?[1-9]\d{0,2}(,\d{3}){2,}")

GEHEEL, DUBBEL_PUNT, DUBBEL_KOMMA, NL, EN, TEKST = range(6)


def _schoon(u: str) -> str:
    return u.strip().replace("€", "").replace("m²", "").replace("m2", "").replace("\u00a0", "").replace(" ", "")


def _soort(t: str) -> int:
    if _GEHEEL.fullmatch(t):
        return GEHEEL
    if _DUBBEL_PUNT.fullmatch(t):
        return DUBBEL_PUNT
    if _DUBBEL_KOMMA.fullmatch(t):
        return DUBBEL_KOMMA
    if _NL.fullmatch(t):
        return NL
    if _EN.fullmatch(t):
        return EN
    return TEKST


def _uniek(reeks: pd.Series) -> tuple[np.ndarray, list]:
    if isinstance(reeks.dtype, pd.CategoricalDtype):
        return reeks.cat.codes.to_numpy(), list(reeks.cat.categories)
    codes, uniek = pd.factorize(reeks.to_numpy(dtype=object), use_na_sentinel=True)
    return codes, list(uniek)


def _decimaalregel(reeks: pd.Series, scheiding: str | None) -> tuple[str, np.ndarray | None, list | None, list | None]:
    """The column's rule ('komma', 'punt', 'onbepaald'; 'getallen' for a column the parser read as numbers) and, for
    a text column, the codes, distinct values and their kinds."""
    if pd.api.types.is_numeric_dtype(reeks.dtype) and not pd.api.types.is_bool_dtype(reeks.dtype):
        return ("komma" if scheiding == ";" else "getallen"), None, None, None
    codes, uniek = _uniek(reeks)
    soorten = [GEHEEL if isinstance(u, (int, float, np.integer, np.floating)) and not isinstance(u, bool)
               else _soort(_schoon(str(u))) for u in uniek]
    aantal = np.bincount(codes[codes >= 0], minlength=len(uniek)) if len(uniek) else np.zeros(0, dtype=np.int64)
    soort_arr = np.array(soorten, dtype=np.int8)
    nl, en = int(aantal[soort_arr == NL].sum()), int(aantal[soort_arr == EN].sum())
    if nl or en:
        regel = "komma" if nl > en or (nl == en and scheiding == ";") else "punt"
    else:
        regel = "komma" if scheiding == ";" else "onbepaald"
    # an ambiguous cell ('1.200', '1,050') is read by the column's rule only when nothing contradicts it: the
    # column's evidence is of one kind and, in a ';' file (Dutch Excel: decimal comma), not English
    if regel != "onbepaald" and ((nl and en) or (scheiding == ";" and en)):
        regel = regel + "-"  # the column's rule for clear cells; ambiguous cells are not guessed (see _getal_nl)
    return regel, codes, uniek, soorten


def _naief(t: str) -> float | None:
    """A text read as a number with its one separator as the decimal sign ('12,5', '1.200' → 1.2); None if not."""
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def _getal_nl(reeks: pd.Series, scheiding: str | None, kolom: str = "", regels=None,
              regel: str | None = None, notitie: list | None = None,
              naam: str | None = None) -> tuple[pd.Series | np.ndarray, dict]:
    """A number column as Dutch offices write them ('1.234,56', '€ 600,00', '85 m²') by the column's rule
    (:func:`_decimaalregel`). Returns the values (floats; a cell that is no number stays text, so the calculation
    names the field and the row) and {row position: message} for the ambiguous cells (row fout).

    ``notitie``: a list that receives a :class:`Lezing` per text that needed more than reading a plain number (a
    unit, '€', blanks or a thousands separator removed) and per text that was refused, under the file's column
    name ``naam``."""
    eigen, codes, uniek, soorten = _decimaalregel(reeks, scheiding)
    regel = regel or eigen
    if codes is None:
        return reeks.astype(float, copy=False), {}
    waarden: list = []
    dubbel: dict[int, str] = {}
    gevonden: dict[int, tuple[str, str | None, str | None]] = {}
    for i, (u, s) in enumerate(zip(uniek, soorten, strict=True)):
        if not isinstance(u, str):
            if isinstance(u, (bool, np.bool_)) or not isinstance(u, (int, float, np.integer, np.floating)):
                waarden.append(_kort(u) + " (geen getal)")  # an Excel TRUE or a date cell: no number, row fout
            else:
                waarden.append(float(u))
            continue
        t = _schoon(u)
        if s == GEHEEL:
            waarden.append(float(t))
        elif s in (DUBBEL_PUNT, DUBBEL_KOMMA) and regel in ("onbepaald", "komma-", "punt-"):
            klein, groot = float(t.replace(",", ".")), float(t.replace(",", "").replace(".", ""))
            k = _nl_getal(klein) + (",0" if klein == int(klein) else "")
            dubbel[i] = (f"{kolom}: '{_kort(u.strip())}' is dubbelzinnig ({k} of {_nl_getal(groot)}?) — schrijf "
                         f"{_nl_getal(groot)} of {k} met een decimale komma")
            waarden.append(np.nan)
        elif regel.rstrip("-") == "komma" and s in (GEHEEL, DUBBEL_PUNT, DUBBEL_KOMMA, NL):
            waarden.append(float(t.replace(".", "").replace(",", ".")))
        elif regel.rstrip("-") in ("punt", "onbepaald") and s in (GEHEEL, DUBBEL_PUNT, DUBBEL_KOMMA, EN):
            waarden.append(float(t.replace(",", "")))
        elif s == EN or (regel.rstrip("-") == "komma" and "." in t):  # a point in a Dutch column ('80.5', 'ca. 80')
            waarden.append(_kort(u) + " (gebruik een decimale komma)")
        elif s == NL:  # a decimal comma in an English column
            waarden.append(_kort(u) + " (gebruik een decimale punt)")
        else:
            waarden.append(_kort(u))  # not a number: the calculation reports it with the field name
        if notitie is not None:
            w = waarden[-1]
            if isinstance(w, float) and not np.isnan(w):
                if t != u.strip() or _naief(t) != w:  # a unit or blank removed, or a separator read as thousands
                    gevonden[i] = (_kort(u.strip()), _nl_getal(w), None)
            elif i in dubbel:
                gevonden[i] = (_kort(u.strip()), None, "dubbelzinnig: " + dubbel[i].split("dubbelzinnig (")[1]
                               .split(")")[0])
            elif u.strip():
                reden = w[len(_kort(u)):].strip(" ()") if isinstance(w, str) and w != _kort(u) else "geen getal"
                gevonden[i] = (_kort(u.strip()), None, reden)
    _noteer(notitie, naam or kolom, codes, gevonden, regels)
    meldingen: dict[int, str] = {}
    if dubbel:
        posities = np.flatnonzero(np.isin(codes, list(dubbel)))
        rijregels = regels(posities) if regels is not None else posities + 2
        for pos, r in zip(posities, rijregels, strict=True):
            meldingen[int(pos)] = f"{dubbel[int(codes[pos])]} (regel {int(r)})"
    if all(isinstance(w, float) for w in waarden):
        uit = np.append(np.array(waarden, dtype=float), np.nan)[np.where(codes < 0, len(waarden), codes)]
        return pd.Series(uit, index=reeks.index), meldingen
    tabel = np.empty(len(waarden) + 1, dtype=object)
    tabel[:len(waarden)] = waarden
    tabel[-1] = None
    return pd.Series(tabel[np.where(codes < 0, len(waarden), codes)], index=reeks.index), meldingen


def _plausibel(invoer: pd.DataFrame, regels) -> dict[int, str]:
    """{row position: warning} for numbers inside the hard bounds (which refuse the row) but outside the likely
    bounds declared with the input fields (``modellen.PLAUSIBEL``: a rent of € 1,05 is most often 1.050 read the
    wrong way)."""
    uit: dict[int, str] = {}
    for kol, (laag, hoog, nul_plausibel) in PLAUSIBEL.items():
        if kol not in invoer.columns:
            continue
        w = pd.to_numeric(invoer[kol], errors="coerce").to_numpy(dtype=float) \
            if invoer[kol].dtype == object else invoer[kol].to_numpy(dtype=float)
        hard_laag, hard_hoog = GRENZEN.get(kol, (-np.inf, np.inf))
        with np.errstate(invalid="ignore"):
            mis = (w >= hard_laag) & (w <= hard_hoog) & ((w < laag) | (w > hoog))
            if nul_plausibel:
                mis &= w != 0
        posities = np.flatnonzero(mis)
        if not len(posities):
            continue
        for pos, r in zip(posities, regels(posities), strict=True):
            tekst = (f"{kol}: {_nl_getal(w[pos])} is onwaarschijnlijk (verwacht {getal(laag)} tot "
                     f"{getal(hoog)}; regel {int(r)})")
            uit[int(pos)] = uit[int(pos)] + "; " + tekst if pos in uit else tekst
    return uit


def leesverslag(woningen: pd.DataFrame) -> str:
    """How the file was read, in one or two Dutch sentences (from ``woningen.attrs["gelezen"]``)."""
    info = woningen.attrs.get("gelezen")
    if not info:
        return f"{len(woningen)} woningen (niet uit een bestand gelezen)."
    if info.get("soort") == "xlsx":
        zin = "Gelezen als Excelbestand (.xlsx), eerste werkblad"
    else:
        teken = {";": "';'", ",": "','", "\t": "tab"}[info["scheidingsteken"]]
        zin = f"Gelezen als CSV met {teken} als scheidingsteken, {info['codering']}"
        if info.get("regeleinde", "").startswith("\\r ("):
            zin += ", regeleinden \\r (oude Mac)"
    decimalen = info.get("decimalen", {})
    soorten = set(decimalen.values())
    woorden = {"komma": "decimale komma", "punt": "decimale punt", "getallen": "getallen",
               "komma-": "decimale komma (de kolom spreekt zich tegen: een twijfelgeval als 1.050 is fout)",
               "punt-": "decimale punt (de kolom of het bestand spreekt dat tegen: een twijfelgeval als 1.050 is fout)",
               "onbepaald": "geen decimalen herkend"}
    if len(soorten - {"getallen"}) == 1:
        zin += ", " + woorden[(soorten - {"getallen"}).pop()]
    elif soorten - {"getallen"}:
        zin += ", " + "; ".join(f"{k}: {woorden[v]}" for k, v in decimalen.items() if v != "getallen")
    regels = info.get("regels", len(woningen) + 1)
    zin += f"; {regels} regels, {info.get('rijen', len(woningen))} woningen."
    if info.get("waarschuwingen"):
        zin += " Let op: " + "; ".join(info["waarschuwingen"]) + "."
    ongebruikt = [str(k) for k in woningen.columns if not ALIASSEN.get(_sleutel(k))]
    if ongebruikt:  # a column the calculation does not know is not read: say so ('Gasverbruik (m3)', a merged header)
        zin += (" Niet gebruikt (onbekende kolomnaam): " + ", ".join(_kort(k) for k in ongebruikt[:10])
                + (f" en nog {len(ongebruikt) - 10}" if len(ongebruikt) > 10 else "") + ".")
    return zin


def leesnotitie(frame: pd.DataFrame) -> list[str]:
    """How messy values were read, one Dutch line per spelling ('oppervlakte: '85 m2' gelezen als 85 (3×, eerst
    op regel 4)'), and the values that were refused with the reason; [] when every value was plain. From the
    ``attrs["gelezen_als"]`` of an input frame (:func:`naar_invoer`) or a result."""
    uit = []
    for x in frame.attrs.get("gelezen_als", ()):
        keer = f"{getal(x.aantal)}×, eerst op regel {x.regel}" if x.aantal > 1 else f"regel {x.regel}"
        if x.van is None:
            uit.append(f"{x.kolom}: nog {x.reden} in {getal(x.aantal)} cellen (eerst op regel {x.regel})")
        elif x.naar is None:
            uit.append(f"{x.kolom}: '{x.van}' niet gelezen: {x.reden} ({keer}; die woningen krijgen status fout)")
        else:
            uit.append(f"{x.kolom}: '{x.van}' gelezen als {x.naar} ({keer})")
    return uit


def _kolommen(woningen: pd.DataFrame) -> dict[str, str]:
    """The office's column names mapped to ours; raises naming every missing required column."""
    mapping: dict[str, str] = {}
    for kol in woningen.columns:
        doel = ALIASSEN.get(_sleutel(kol))
        if doel and doel in mapping.values():  # two columns for one field: which one is meant is not guessed
            eerder = next(k for k, d in mapping.items() if d == doel)
            raise PortefeuilleFout(f"de kolommen '{_kort(eerder)}' en '{_kort(kol)}' betekenen allebei {doel}; laat "
                                   "er één staan of geef de andere een andere naam")
        if doel:
            mapping[kol] = doel
    ontbreekt = [k for k in VERPLICHTE_KOLOMMEN if k not in mapping.values()]
    if ontbreekt:
        raise PortefeuilleFout("verplichte kolom(men) ontbreken: " + ", ".join(ontbreekt)
                               + f" (gevonden: {', '.join(map(str, woningen.columns[:15]))})")
    return mapping


def naar_invoer(woningen: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Map an office's columns to the calculation's input columns. Returns (input frame, mapping used).
    Raises :class:`PortefeuilleFout` naming the missing required columns.

    What reading found per row goes with the input frame: :func:`leesmeldingen` gives the rows that are fout
    (a line that could not be read, an ambiguous number) and the warnings for the others (an implausible number,
    a byte read as Windows-1252), by position."""
    mapping = _kolommen(woningen)
    invoer = pd.DataFrame({ons: woningen[hun] for hun, ons in mapping.items()}, copy=False)  # no copy of the data
    info = woningen.attrs.get("gelezen") or {}
    scheiding = info.get("scheidingsteken", woningen.attrs.get("scheidingsteken"))
    decimalen = info.get("decimalen", {})
    rijdata = _rijdata(woningen)
    index = woningen.index

    def regels(posities: np.ndarray) -> np.ndarray:
        if pd.api.types.is_integer_dtype(index.dtype):
            return rijdata.regel(index[posities])
        return np.asarray(posities) + 2

    def posities(per_label: dict) -> dict[int, str]:
        if not per_label:
            return {}
        labels = list(per_label)
        pos = index.get_indexer(labels) if index.is_unique else np.full(len(labels), -1)
        return {int(p): per_label[lab] for p, lab in zip(pos, labels, strict=True) if p >= 0}

    fout = posities(rijdata.fout)
    notitie: list[Lezing] = []
    for hun, kol in mapping.items():
        if kol in NUMERIEKE_KOLOMMEN:
            invoer[kol], dubbel = _getal_nl(invoer[kol], scheiding, kol, regels, decimalen.get(hun), notitie, hun)
            for pos, tekst in dubbel.items():
                fout.setdefault(pos, tekst)
    if "kale_huur" in invoer.columns:  # a required column: an empty rent of a tenant is no rent of 0
        huurder = ~(invoer["rol"].astype(str).str.strip().str.lower() == "eigenaar").to_numpy() \
            if "rol" in invoer.columns else np.ones(len(invoer), dtype=bool)
        leeg = pd.isna(invoer["kale_huur"]).to_numpy() & huurder
        if leeg.any():
            posities_leeg = np.flatnonzero(leeg)
            for pos, r in zip(posities_leeg, regels(posities_leeg), strict=True):
                fout.setdefault(int(pos), f"kale_huur: ontbreekt (regel {int(r)})")
    let_op = posities(rijdata.let_op)
    for pos, tekst in _plausibel(invoer, regels).items():
        let_op[pos] = let_op[pos] + "; " + tekst if pos in let_op else tekst
    eigen = {ons: hun for hun, ons in mapping.items()}
    if "woningtype" in invoer.columns:
        invoer["woningtype"] = _vertaal(invoer["woningtype"], WONINGTYPE_ALIASSEN,
                                        notitie=(notitie, eigen["woningtype"], regels, _TOEGESTAAN["woningtype"]))
    if "verwarming" in invoer.columns:
        # 'stadsverwarming' → warmtenet goes into the reading note; 'blokverwarming' is kept as written (not noted as
        # unknown) and refused per row with its own reason below
        invoer["verwarming"] = _vertaal(invoer["verwarming"], VERWARMING_ALIASSEN | {"blokverwarming": "blokverwarming"},
                                        notitie=(notitie, eigen["verwarming"], regels,
                                                 (*_TOEGESTAAN["verwarming"], "blokverwarming")))
        blok = np.flatnonzero(is_gelijk(invoer["verwarming"].array, "blokverwarming"))
        for pos, r in zip(blok, regels(blok), strict=True):
            fout.setdefault(int(pos), BLOKVERWARMING.format(regel=int(r)))
    for kol in ("energielabel", "naar_label"):
        if kol in invoer.columns:
            invoer[kol] = _vertaal(invoer[kol], {lab.lower().replace("+", "plus"): lab for lab in ENERGIELABELS},
                                   plus=True, notitie=(notitie, eigen[kol], regels, ENERGIELABELS))
    for kol in ("gemeente",):
        if kol in invoer.columns and not isinstance(invoer[kol].dtype, pd.CategoricalDtype):
            invoer[kol] = invoer[kol].astype(object).where(invoer[kol].notna(), None)
    invoer.attrs["_leesmeldingen"] = _Zonder(fout=fout, let_op=let_op)
    invoer.attrs["gelezen_als"] = tuple(notitie)
    return invoer, mapping


def leesmeldingen(invoer: pd.DataFrame) -> tuple[np.ndarray | None, np.ndarray | None]:
    """From an input frame of :func:`naar_invoer`: per row position the reading error ('' none) and the reading
    warning ('' none); None when no row has one (nothing to do for a clean file)."""
    m = invoer.attrs.get("_leesmeldingen")
    uit = []
    for per_rij in (getattr(m, "fout", None), getattr(m, "let_op", None)):
        if not per_rij:
            uit.append(None)
            continue
        tekst = np.full(len(invoer), "", dtype=object)
        for pos, melding in per_rij.items():
            if 0 <= pos < len(tekst):
                tekst[pos] = melding
        uit.append(tekst)
    return uit[0], uit[1]


_TOEGESTAAN = {v.kolom: v.toegestaan for v in INVOERVELDEN if v.toegestaan}


def _vertaal(reeks: pd.Series, tabel: dict[str, str], plus: bool = False,
             notitie: tuple | None = None) -> pd.Categorical:
    """Map the office's spellings ('Rijwoning', 'a+') to ours, per distinct value; returns a Categorical.
    ``notitie`` (list, the file's column name, the physical-line function, the allowed values): a :class:`Lezing`
    per spelling that became another word ('rijtjeshuis' → tussenwoning; not a change of case or blanks) and per
    value that is not allowed (the calculation refuses its row)."""
    if isinstance(reeks.dtype, pd.CategoricalDtype):  # read as categories: translate the few categories only
        codes, uniek = reeks.cat.codes.to_numpy(), list(reeks.cat.categories)
    else:
        codes, uniek = pd.factorize(reeks.astype(object).where(reeks.notna(), ""))
    uit = []
    gevonden: dict[int, tuple[str, str | None, str | None]] = {}
    for i, u in enumerate(uniek):
        k = str(u).strip().lower().replace("+", "plus").replace(" ", "") if plus else _sleutel(u)
        uit.append(tabel.get(k, str(u).strip() or None))
        if notitie is not None and uit[-1] is not None:
            toegestaan = notitie[3]
            if uit[-1] not in toegestaan:
                gevonden[i] = (_kort(str(u).strip()), None, "onbekend (kies uit " + ", ".join(toegestaan) + ")")
            elif str(u).strip().lower().replace(" ", "") != uit[-1].lower().replace(" ", ""):
                gevonden[i] = (_kort(str(u).strip()), uit[-1], None)
    if notitie is not None:
        _noteer(notitie[0], notitie[1], np.asarray(codes, dtype=np.int64), gevonden, notitie[2])
    categorieen = list(dict.fromkeys(x for x in uit if x is not None))
    positie = {c: i for i, c in enumerate(categorieen)}
    vertaal = np.array([positie[x] if x is not None else -1 for x in uit] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(vertaal[np.where(codes < 0, len(uit), codes)], categories=categorieen)
