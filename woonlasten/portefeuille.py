"""A whole housing stock through the one calculation path: read what Dutch offices produce, apply a scenario,
summarise per complex, export safely.

Reading accepts CSV with ``;`` or ``,`` (or tab), decimal commas, UTF-8 with or without BOM or Windows-1252,
and Excel ``.xlsx``. Every input row comes back, with its input columns, ``status`` and ``melding``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from woonlasten.kern import INVOER_KOLOMMEN, bereken_kolommen
from woonlasten.modellen import ENERGIELABELS
from woonlasten.tabellen import Tabellen, laad_tabellen


class PortefeuilleFout(ValueError):
    """The file cannot be read as a portfolio (Dutch message)."""


VERPLICHTE_KOLOMMEN = ("id", "complex", "gemeente", "woningtype", "oppervlakte_m2", "energielabel", "kale_huur")

# Column names as offices write them → our names (compared after lower-casing and removing blanks, '-', '_').
ALIASSEN = {
    "id": "id", "vhe": "id", "vhenummer": "id", "woningid": "id", "eenheid": "id", "nummer": "id",
    "complex": "complex", "complexnummer": "complex", "complexnaam": "complex",
    "gemeente": "gemeente", "plaats": "gemeente",
    "woningtype": "woningtype", "type": "woningtype", "typewoning": "woningtype",
    "oppervlaktem2": "oppervlakte_m2", "oppervlakte": "oppervlakte_m2", "gebruiksoppervlakte": "oppervlakte_m2",
    "gbo": "oppervlakte_m2", "m2": "oppervlakte_m2",
    "energielabel": "energielabel", "label": "energielabel",
    "kalehuur": "kale_huur", "huur": "kale_huur", "nettohuur": "kale_huur",
    "servicekosten": "servicekosten",
    "personen": "personen", "aantalpersonen": "personen", "bewoners": "personen",
    "bouwjaar": "bouwjaar", "verwarming": "verwarming", "wozwaarde": "woz_waarde", "woz": "woz_waarde",
    "rol": "rol", "peildatum": "peildatum",
    "gasm3": "gas_m3", "gasverbruik": "gas_m3", "elektriciteitkwh": "elektriciteit_kwh",
    "stroomverbruik": "elektriciteit_kwh",
    "naarlabel": "naar_label", "maatregelen": "maatregelen", "huurverhoging": "huurverhoging",
    "inkomenjaar": "inkomen_jaar", "inkomen": "inkomen_jaar", "verzamelinkomen": "inkomen_jaar",
    "huishoudinkomen": "inkomen_jaar", "aow": "aow", "nieuweverhuring": "nieuwe_verhuring", "mutatie": "nieuwe_verhuring",
    "wwspunten": "wws_punten", "punten": "wws_punten",
    "gasleveringsprijsm3": "gas_leveringsprijs_m3", "elektriciteitleveringsprijskwh": "elektriciteit_leveringsprijs_kwh",
    "vasteleveringskostenjaar": "vaste_leveringskosten_jaar",
}
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


# ----------------------------------------------------------------------------------------------------------
# Reading


def _sleutel(naam: str) -> str:
    return re.sub(r"[\s_\-./()²]", "", str(naam).strip().lower().replace("m²", "m2"))


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


TEKST_ALS_CATEGORIE = {"complex", "gemeente", "woningtype", "energielabel", "rol", "verwarming", "naar_label",
                       "maatregelen"}


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


# ----------------------------------------------------------------------------------------------------------
# Scenarios


@dataclass(frozen=True)
class Scenario:
    """A target for the stock: dwellings worse than ``doellabel`` get ``maatregelen`` and reach ``doellabel``."""

    naam: str
    omschrijving: str
    doellabel: str
    maatregelen: str


SCENARIOS = {
    "label-B": Scenario("label-B", "Groot onderhoud: naar label B (isolatie)", "B",
                        "spouwmuurisolatie;dakisolatie;vloerisolatie;hr_glas"),
    "label-A": Scenario("label-A", "Levensduurverlenging: naar label A (isolatie + warmtepomp)", "A",
                        "spouwmuurisolatie;dakisolatie;vloerisolatie;hr_glas;warmtepomp"),
}


def scenario_uit_tekst(tekst: str) -> Scenario:
    """``label-B``, ``label-A`` or ``eigen:LABEL[:maatregel;maatregel]``."""
    if tekst in SCENARIOS:
        return SCENARIOS[tekst]
    delen = tekst.split(":", 2)
    if delen[0] == "eigen" and len(delen) >= 2 and delen[1].upper() in ENERGIELABELS:
        label = delen[1].upper()
        maatregelen = delen[2] if len(delen) > 2 else ""
        return Scenario(tekst, f"Eigen scenario: naar label {label}" + (f" ({maatregelen})" if maatregelen else ""),
                        label, maatregelen)
    raise PortefeuilleFout(f"onbekend scenario '{tekst}': kies label-B, label-A of eigen:LABEL[:maatregel;…]")


def pas_scenario_toe(invoer: pd.DataFrame, scenario: Scenario, t: Tabellen) -> pd.DataFrame:
    """Set ``naar_label`` and ``maatregelen`` for dwellings worse than the target; the others get no ingreep (and
    no given huurverhoging), so the core reports them unchanged."""
    rang = t["labels/labelklassen"].frame.set_index("energielabel")["volgorde"]
    huidig = invoer["energielabel"].map(rang).astype(float)
    doel = rang[scenario.doellabel]
    aanpakken = (huidig > doel).to_numpy()
    code = aanpakken.astype(np.int8) - 1  # -1 = empty
    invoer["naar_label"] = pd.Categorical.from_codes(code, categories=[scenario.doellabel])
    invoer["maatregelen"] = pd.Categorical.from_codes(code, categories=[scenario.maatregelen])
    if "huurverhoging" in invoer.columns:  # a dwelling left as it is gets no rent increase either
        invoer["huurverhoging"] = invoer["huurverhoging"].where(aanpakken)
    actie = np.where(aanpakken, 0, np.where(huidig.notna().to_numpy(), 1, -1)).astype(np.int8)
    invoer["scenario_actie"] = pd.Categorical.from_codes(actie, categories=["aangepakt",
                                                                           "al op of boven het doellabel"])
    return invoer


# ----------------------------------------------------------------------------------------------------------
# Calculation and summaries



KOLOMMEN_KERN = ["status", "melding", "energielabel", "energielabel_na", "woonlastenneutraal",
                 "verbruik_gas_m3_voor", "verbruik_gas_m3_na", "verbruik_elektriciteit_kwh_voor",
                 "verbruik_elektriciteit_kwh_na"] + [f"{s}_{d}" for s in ("voor", "na", "verschil")
                                                    for d in ("huur_huurverhoging", "huur_totaal", "huur_huurtoeslag",
                                                              "energie_totaal", "lokale_lasten_totaal", "totaal")]
UITVOER_DELEN = ("huur_huurverhoging", "huur_totaal", "energie_totaal", "lokale_lasten_totaal", "totaal")
BLOK = 250_000  # rows per calculation block: bounds memory, costs a few ms of overhead per block
DRADEN = min(os.cpu_count() or 1, 4)  # blocks computed at once (numpy releases the GIL in its array loops)


def _uitvoer_blok(r, actie: np.ndarray) -> dict[str, object]:
    """The output columns of one block from the core's columns ``r``: rounded to cents, and a dwelling already at
    or above the target gets na = voor and verschil 0. ``actie``: the block's scenario_actie codes."""
    fout = np.asarray(r["status"] == "fout")
    al_op_doel = (actie != 0) & ~fout  # code 0 = "aangepakt"; the core reported these unchanged (na = voor)
    kolommen: dict[str, object] = {"status": r["status"], "melding": np.array(r["melding"], dtype=object),
                                   "_actie": np.where(fout, -1, actie).astype(np.int8)}
    label_na, label = r["energielabel_na"], r["energielabel"]
    kolommen["energielabel_na"] = pd.Categorical.from_codes(np.where(label_na.codes >= 0, label_na.codes, label.codes),
                                                           categories=label.categories)
    for s in ("voor", "na", "verschil"):
        for d in UITVOER_DELEN + ("huur_huurtoeslag",):
            kolommen[f"{s}_{d}"] = np.round(np.asarray(r[f"{s}_{d}"], dtype=float), 2)
    for kol in ("verbruik_gas_m3_voor", "verbruik_gas_m3_na", "verbruik_elektriciteit_kwh_voor",
                "verbruik_elektriciteit_kwh_na"):
        waarde = np.asarray(r[kol], dtype=float)
        if kol.endswith("_na"):
            waarde = np.where(al_op_doel, np.asarray(r[kol.replace("_na", "_voor")], dtype=float), waarde)
        kolommen[kol] = np.where(fout, np.nan, np.round(waarde))
    kolommen["woonlastenneutraal"] = np.asarray(r["woonlastenneutraal"], dtype=object)  # None for a fout row
    return kolommen


def _bereken_blokken(invoer: pd.DataFrame, t: Tabellen, voortgang, blok: int = BLOK,
                     draden: int = DRADEN) -> dict[str, object]:
    """The core and the output shaping (:func:`_uitvoer_blok`) on blocks of rows (bounded memory, a progress
    callback between blocks); the output columns of the blocks joined as arrays.

    The blocks run in ``draden`` threads: the numpy loops that do the work release the GIL, so two cores compute
    two blocks at once. (Worker processes were tried earlier and gave no gain on this machine.) The progress
    callback is called from the calling thread, in block order."""
    actie = invoer["scenario_actie"].array.codes

    def reken(start: int) -> dict:
        deel = bereken_kolommen(invoer.iloc[start:start + blok], t, uitvoer=KOLOMMEN_KERN, zonder_ingreep="gelijk")
        return _uitvoer_blok(deel, actie[start:start + blok])

    n = len(invoer)
    starts = list(range(0, max(n, 1), blok))
    if len(starts) == 1:
        deel = reken(0)
        if voortgang is not None:
            voortgang(1.0)
        return deel
    samen: dict[str, np.ndarray] = {}
    categorieen: dict[str, pd.Index] = {}
    with ThreadPoolExecutor(max(1, min(draden, len(starts)))) as pool:
        # each block is copied into the whole-file arrays as soon as it is done, while the next ones compute
        for i, (start, deel) in enumerate(zip(starts, pool.map(reken, starts), strict=True)):
            for kol, waarde in deel.items():
                if isinstance(waarde, pd.Categorical):  # same categories in every block: the codes
                    categorieen[kol], waarde = waarde.categories, waarde.codes
                if kol not in samen:  # text as objects: a fixed-width type from the first block could cut it off
                    soort = np.asarray(waarde).dtype
                    samen[kol] = np.empty(n, dtype=soort if soort.kind in "biufM" else object)
                samen[kol][start:start + len(waarde)] = waarde
            if voortgang is not None:
                voortgang((i + 1) / len(starts))
    for kol, cat in categorieen.items():
        samen[kol] = pd.Categorical.from_codes(samen[kol], categories=cat)
    return samen


def bereken_portefeuille(woningen: pd.DataFrame, scenario: Scenario, peildatum: str | None = None,
                         tabellen: Tabellen | None = None, voortgang=None, blok: int = BLOK,
                         draden: int = DRADEN) -> pd.DataFrame:
    """Every input row with its input columns plus ``status``, ``melding``, labels, consumption and
    voor/na/verschil [€/maand] per part and ``woonlastenneutraal``. Input rows = output rows.
    ``voortgang``: optional callable(fraction done) for a progress bar; ``blok``: rows per calculation block
    (smaller blocks give a smoother progress bar); ``draden``: blocks computed at once."""
    t = tabellen or laad_tabellen()
    invoer, mapping = naar_invoer(woningen)
    if peildatum is not None or "peildatum" not in invoer.columns:  # one date for every row: as a category
        dag = pd.Timestamp(peildatum if peildatum is not None else pd.Timestamp.today()).normalize()
        invoer["peildatum"] = pd.Categorical.from_codes(np.zeros(len(invoer), dtype=np.int8), categories=[dag])
    if not isinstance(invoer.index, pd.RangeIndex) or invoer.index.start != 0 or invoer.index.step != 1:
        invoer = invoer.reset_index(drop=True)
    invoer = pas_scenario_toe(invoer, scenario, t)  # our own frame (naar_invoer): changed in place
    kolommen = _bereken_blokken(invoer, t, voortgang, blok, draden)
    n = len(invoer)
    kolommen = {"status": kolommen.pop("status"), "melding": kolommen.pop("melding"),
                "scenario": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[scenario.omschrijving]),
                "scenario_actie": pd.Categorical.from_codes(kolommen.pop("_actie"),
                                                            categories=invoer["scenario_actie"].cat.categories),
                **kolommen}
    # one frame from the input columns (as given) and ours; our output names win over the file's
    # numpy arrays as they are (a NumpyExtensionArray of objects would be checked element by element)
    alle = {kol: woningen[kol].array if isinstance(woningen[kol].dtype, pd.api.extensions.ExtensionDtype)
            else woningen[kol].to_numpy() for kol in woningen.columns if kol not in kolommen}
    alle.update(kolommen)
    uit = pd.DataFrame(alle, index=pd.RangeIndex(n), copy=False)
    uit.attrs["kolomnamen"] = {ons: hun for hun, ons in mapping.items()}
    return uit


def samenvatting(resultaat: pd.DataFrame, per: str | None = "complex") -> pd.DataFrame:
    """Per complex (or overall with ``per=None``): dwellings, errors, upgraded, share neutral among the
    upgraded, average and worst verschil [€/maand], average rent increase and energy saving [€/maand]."""
    if per is not None and per not in resultaat.columns:  # the file's own name for it, e.g. 'Complexnummer'
        per = resultaat.attrs.get("kolomnamen", {}).get(per, per)
        if per not in resultaat.columns:
            raise PortefeuilleFout(f"kolom '{per}' niet gevonden voor de samenvatting")
    ok = (resultaat["status"] == "ok").to_numpy()
    aangepakt = ok & (resultaat["scenario_actie"] == "aangepakt").to_numpy()
    neutraal = aangepakt & (resultaat["woonlastenneutraal"].to_numpy(dtype=object) == True)  # noqa: E712
    r = pd.DataFrame({
        "groep": resultaat[per].astype(str).to_numpy() if per else np.full(len(resultaat), "Totaal"),
        "fout": (~ok).astype(np.int64), "aangepakt": aangepakt.astype(np.int64), "neutraal": neutraal.astype(np.int64),
        "verschil": np.where(aangepakt, resultaat["verschil_totaal"].to_numpy(dtype=float), np.nan),
        "huurverhoging": np.where(aangepakt, resultaat["verschil_huur_totaal"].to_numpy(dtype=float), np.nan),
        "besparing": np.where(aangepakt, -resultaat["verschil_energie_totaal"].to_numpy(dtype=float), np.nan),
    })
    g = r.groupby("groep", sort=True)
    s = pd.DataFrame({
        "woningen": g.size(),
        "fout": g["fout"].sum(),
        "aangepakt": g["aangepakt"].sum(),
        "neutraal": g["neutraal"].sum(),
        "gemiddeld_verschil_maand": g["verschil"].mean().round(2),
        "slechtste_verschil_maand": g["verschil"].max().round(2),
        "gemiddelde_huurverhoging_maand": g["huurverhoging"].mean().round(2),
        "gemiddelde_energiebesparing_maand": g["besparing"].mean().round(2),
    })
    s["aandeel_neutraal"] = (s["neutraal"] / s["aangepakt"].replace(0, np.nan)).round(3)
    # a complex where nothing is upgraded does not change: neutral by definition
    s["gemiddeld_neutraal"] = (s["gemiddeld_verschil_maand"] <= 0) | (s["aangepakt"] == 0)
    return s.reset_index().rename(columns={"groep": "complex" if per else "groep"})


# ----------------------------------------------------------------------------------------------------------
# Safe export

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


# ----------------------------------------------------------------------------------------------------------
# CLI


def cli_portefeuille(args) -> int:
    """``python -m woonlasten portefeuille WONINGEN --scenario … --peildatum … --uit …``."""
    import sys

    from woonlasten.casus import InvoerFout

    try:
        scenario = scenario_uit_tekst(args.scenario)
        if args.peildatum is not None:
            try:
                pd.Timestamp(args.peildatum)
            except ValueError:
                raise InvoerFout(f"--peildatum: geen geldige datum '{args.peildatum}' (gebruik JJJJ-MM-DD)") from None
        woningen = lees_woningen(args.woningen)
        resultaat = bereken_portefeuille(woningen, scenario, args.peildatum)
    except PortefeuilleFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    totaal = samenvatting(resultaat, per=None).iloc[0]
    complexen = samenvatting(resultaat)
    n_fout = int((resultaat["status"] == "fout").sum())
    print(f"{len(resultaat)} woningen gelezen, {len(resultaat) - n_fout} berekend, {n_fout} met een fout.")
    print(f"Scenario: {scenario.omschrijving}. Aangepakt: {int(totaal['aangepakt'])}; woonlastenneutraal: "
          f"{int(totaal['neutraal'])} ({_pct(totaal['aandeel_neutraal'])}); gemiddeld verschil "
          f"{_eur(totaal['gemiddeld_verschil_maand'])} per maand, slechtste {_eur(totaal['slechtste_verschil_maand'])}.")
    if n_fout:
        print("Eerste fouten:")
        for _, rij in resultaat[resultaat["status"] == "fout"].head(5).iterrows():
            print(f"  regel {int(rij.name) + 2}: {rij['melding']}")
    if args.uit:
        try:
            schrijf(resultaat, args.uit, {"complexen": complexen, "totaal": samenvatting(resultaat, per=None)})
        except PortefeuilleFout as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"Fout: kan {args.uit} niet schrijven ({exc.strerror})", file=sys.stderr)
            return 2
        print(f"Resultaat geschreven naar {args.uit}")
    else:
        print(complexen.to_string(index=False))
    return 0


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{x * 100:.1f}%".replace(".", ",")


def _eur(x) -> str:
    from woonlasten.formatteer import euro_verschil
    return euro_verschil(float(x)) if pd.notna(x) else "–"
