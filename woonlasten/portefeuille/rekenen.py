"""A whole housing stock through the one calculation path: read what Dutch offices produce, apply a scenario,
summarise per complex, export safely.

Reading accepts CSV with ``;`` or ``,`` (or tab), decimal commas, UTF-8 with or without BOM or Windows-1252,
and Excel ``.xlsx``. Every input row comes back, with its input columns, ``status`` and ``melding``.

``melding`` of a ``fout`` row says what is wrong: a reading error (a line that could not be read, an ambiguous
number; :func:`woonlasten.portefeuille.lezen.leesmeldingen`) comes before and instead of the core's message, since
the row's values are not what the file meant. ``melding`` of an ``ok`` row holds its warnings, '' when none: first
the reader's (an implausible number, a byte read as Windows-1252), then the core's ``waarschuwing`` when the rules
write one. An input column with the name of one of our output columns (``status``, ``melding``, …) is kept as
``<name> (invoer)``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from woonlasten.bereken import bereken_kolommen
from woonlasten.data import Tabellen, laad_tabellen
from woonlasten.formatteer import centen
from woonlasten.modellen import PORTEFEUILLE_DELEN
from woonlasten.portefeuille.lezen import PortefeuilleFout, leesmeldingen, naar_invoer
from woonlasten.portefeuille.scenario import Scenario, pas_scenario_toe
from woonlasten.regels.energiearmoede import INDICATOREN, INKOMEN

# ----------------------------------------------------------------------------------------------------------
# Reading


# ----------------------------------------------------------------------------------------------------------
# Scenarios


# ----------------------------------------------------------------------------------------------------------
# Calculation and summaries


# use per year in the output, before and after: (the core's column stem, decimals)
VERBRUIK = (("verbruik_gas_m3", 0), ("verbruik_elektriciteit_kwh", 0), ("verbruik_warmte_gj", 1))
# the core's columns a portfolio needs; the amounts are the declared portfolio parts (modellen.PORTEFEUILLE_DELEN)
KOLOMMEN_KERN = (["status", "melding", "energielabel", "energielabel_na", "woonlastenneutraal"]
                 + [f"{k}_{s}" for k, _ in VERBRUIK for s in ("voor", "na")]
                 + [f"{s}_{d}" for s in ("voor", "na", "verschil") for d in PORTEFEUILLE_DELEN])
# the core's warnings per row ('' when none: regels/gegevensdekking.py), appended to melding of an ok row
WAARSCHUWING = "waarschuwing"
KOLOMMEN_KERN.append(WAARSCHUWING)
# energy poverty per dwelling (regels/energiearmoede.py), before and after: the energy-quality indicator for every
# row; the income-based indicators only when the file has incomes (else dropped, and said so: EA_ZONDER_INKOMEN)
EA_KWALITEIT = "lage_energiekwaliteit"
EA_INKOMEN = tuple(f"ea_{i.lower()}" for i in INDICATOREN) + ("energiearm",)
KOLOMMEN_EA = [f"{s}_{k}" for s in ("voor", "na") for k in (EA_KWALITEIT, *EA_INKOMEN)]
EA_ZONDER_INKOMEN = ("Energiearmoede: het bestand heeft geen besteedbaar (netto) inkomen (kolom besteedbaar_inkomen; "
                     "het verzamelinkomen is bruto en telt niet); alleen de energiekwaliteit van de woning "
                     "(label E, F of G) is geteld, niet de indicatoren HEQ, LIHE, LILEK en LEKWI.")
JA_NEE = ["nee", "ja"]
BLOK = 250_000  # rows per calculation block: bounds memory, costs a few ms of overhead per block
DRADEN = min(os.cpu_count() or 1, 4)  # blocks computed at once (numpy releases the GIL in its array loops)


GEEN_GROEP = "(leeg)"  # the group of dwellings with an empty cell in the column a summary groups by


def _centen(reeks: pd.Series) -> pd.Series:
    """A summary column of amounts [€] rounded to cents half away from zero (formatteer.centen)."""
    return pd.Series(centen(reeks.to_numpy(dtype=float)), index=reeks.index)


def _meldingen(r, lees_fout: np.ndarray | None, lees_let_op: np.ndarray | None) -> tuple[object, np.ndarray,
                                                                                           np.ndarray | None]:
    """status, melding and the rows made fout by reading (None: none) of one block (see the module's docstring)."""
    status, melding = r["status"], np.array(r["melding"], dtype=object)
    fout = np.asarray(status == "fout")
    extra = None
    if lees_fout is not None:
        extra = lees_fout != ""
        melding[extra] = lees_fout[extra]
        if (extra & ~fout).any():
            fout = fout | extra
            status = pd.Categorical.from_codes(np.where(fout, list(status.categories).index("fout"),
                                                        list(status.categories).index("ok")).astype(np.int8),
                                               categories=status.categories)
        extra = extra if extra.any() else None
    for let_op in (lees_let_op, np.asarray(r[WAARSCHUWING], dtype=object)):
        if let_op is None:
            continue
        m = ~fout & (let_op != "") & pd.notna(let_op)
        if m.any():
            melding[m] = _samen(melding[m], let_op[m])
    return status, melding, extra


def _samen(melding: np.ndarray, let_op: np.ndarray) -> np.ndarray:
    """'melding; let_op' per row ('let_op' alone where melding is empty), joined once per distinct pair: a block
    has a few distinct warnings over many rows (the same note for every tenant of a gemeente)."""
    codes_m, uniek_m = pd.factorize(melding)
    codes_l, uniek_l = pd.factorize(let_op)
    paar = codes_m.astype(np.int64) * len(uniek_l) + codes_l
    uniek, terug = np.unique(paar, return_inverse=True)
    teksten = np.empty(len(uniek), dtype=object)
    for i, p in enumerate(uniek):
        a, b = uniek_m[p // len(uniek_l)], str(uniek_l[p % len(uniek_l)])
        teksten[i] = b if a == "" else f"{a}; {b}"
    return teksten[terug]


def _uitvoer_blok(r, actie: np.ndarray, lees_fout: np.ndarray | None = None,
                  lees_let_op: np.ndarray | None = None) -> dict[str, object]:
    """The output columns of one block from the core's columns ``r``: rounded to cents, and a dwelling already at
    or above the target gets na = voor and verschil 0. ``actie``: the block's scenario_actie codes; ``lees_fout``,
    ``lees_let_op``: the block's reading errors and warnings ('' none; None: no row has one)."""
    status, melding, extra = _meldingen(r, lees_fout, lees_let_op)
    fout = np.asarray(status == "fout")
    al_op_doel = (actie != 0) & ~fout  # code 0 = "aangepakt"; the core reported these unchanged (na = voor)
    kolommen: dict[str, object] = {"status": status, "melding": melding,
                                   "_actie": np.where(fout, -1, actie).astype(np.int8)}
    label_na, label = r["energielabel_na"], r["energielabel"]
    codes_na = np.where(label_na.codes >= 0, label_na.codes, label.codes)
    if extra is not None:  # a row fout by reading: as the core leaves a fout row
        codes_na = np.where(extra, label.codes, codes_na)
    kolommen["energielabel_na"] = pd.Categorical.from_codes(codes_na, categories=label.categories)
    for s in ("voor", "na", "verschil"):
        for d in PORTEFEUILLE_DELEN:
            bedrag = centen(r[f"{s}_{d}"])
            kolommen[f"{s}_{d}"] = bedrag if extra is None else np.where(extra, np.nan, bedrag)
    for stam, decimalen in VERBRUIK:
        for s in ("voor", "na"):
            waarde = np.asarray(r[f"{stam}_{s}"], dtype=float)
            if s == "na":
                waarde = np.where(al_op_doel, np.asarray(r[f"{stam}_voor"], dtype=float), waarde)
            kolommen[f"{stam}_{s}"] = np.where(fout, np.nan, np.round(waarde, decimalen))
    neutraal = np.asarray(r["woonlastenneutraal"], dtype=object)  # None for a fout row
    if extra is not None:
        neutraal = neutraal.copy()
        neutraal[extra] = None
    kolommen["woonlastenneutraal"] = neutraal
    onbekend = fout if extra is None else fout | extra
    for kol in KOLOMMEN_EA:  # ja / nee / empty (onbekend, or a row with an error)
        w = np.asarray(r[kol], dtype=float)
        codes = np.where(onbekend | np.isnan(w), -1, w == 1).astype(np.int8)
        kolommen[kol] = pd.Categorical.from_codes(codes, categories=JA_NEE)
    return kolommen


def _bereken_blokken(invoer: pd.DataFrame, t: Tabellen, voortgang, blok: int = BLOK,
                     draden: int = DRADEN) -> dict[str, object]:
    """The core and the output shaping (:func:`_uitvoer_blok`) on blocks of rows (bounded memory, a progress
    callback between blocks); the output columns of the blocks joined as arrays.

    The blocks run in ``draden`` threads: the numpy loops that do the work release the GIL, so two cores compute
    two blocks at once. (Worker processes were tried earlier and gave no gain on this machine.) The progress
    callback is called from the calling thread, in block order."""
    actie = invoer["scenario_actie"].array.codes
    lees_fout, lees_let_op = leesmeldingen(invoer)

    def reken(start: int) -> dict:
        deel = bereken_kolommen(invoer.iloc[start:start + blok], t, uitvoer=KOLOMMEN_KERN + KOLOMMEN_EA,
                                zonder_ingreep="gelijk")
        return _uitvoer_blok(deel, actie[start:start + blok],
                             None if lees_fout is None else lees_fout[start:start + blok],
                             None if lees_let_op is None else lees_let_op[start:start + blok])

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


def voorbereid(woningen: pd.DataFrame, scenario: Scenario, peildatum: str | None, t: Tabellen
               ) -> tuple[pd.DataFrame, dict[str, str], pd.Timestamp | None]:
    """The calculation's input frame of a portfolio with the scenario applied, the column mapping used, and the one
    peildatum of every row (None: each row's own from the file; without either, today)."""
    invoer, mapping = naar_invoer(woningen)
    dag = None  # None: each row's own peildatum from the file
    if peildatum is not None or "peildatum" not in invoer.columns:  # one date for every row: as a category
        dag = pd.Timestamp(peildatum if peildatum is not None else pd.Timestamp.today()).normalize()
        invoer["peildatum"] = pd.Categorical.from_codes(np.zeros(len(invoer), dtype=np.int8), categories=[dag])
    if not isinstance(invoer.index, pd.RangeIndex) or invoer.index.start != 0 or invoer.index.step != 1:
        invoer = invoer.reset_index(drop=True)
    invoer = pas_scenario_toe(invoer, scenario, t)  # our own frame (naar_invoer): changed in place
    return invoer, mapping, dag


def bereken_portefeuille(woningen: pd.DataFrame, scenario: Scenario, peildatum: str | None = None,
                         tabellen: Tabellen | None = None, voortgang=None, blok: int = BLOK,
                         draden: int = DRADEN) -> pd.DataFrame:
    """Every input row with its input columns plus ``status``, ``melding``, ``scenario``, ``peildatum`` (when one
    date holds for every row; also in ``attrs["peildatum"]``, None when each row has its own), labels, consumption
    and voor/na/verschil [€/maand] per part and ``woonlastenneutraal``. Input rows = output rows. How messy values
    were read: ``attrs["gelezen_als"]`` (:func:`woonlasten.portefeuille.lezen.leesnotitie`).
    ``voortgang``: optional callable(fraction done) for a progress bar; ``blok``: rows per calculation block
    (smaller blocks give a smoother progress bar); ``draden``: blocks computed at once."""
    t = tabellen or laad_tabellen()
    invoer, mapping, dag = voorbereid(woningen, scenario, peildatum, t)
    kolommen = _bereken_blokken(invoer, t, voortgang, blok, draden)
    n = len(invoer)
    kolommen = {"status": kolommen.pop("status"), "melding": kolommen.pop("melding"),
                "scenario": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[scenario.omschrijving]),
                # the date the row was computed on, when one date holds for all (else the file's own column says it)
                **({} if dag is None else {"peildatum": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8),
                                                                                categories=[dag.date()])}),
                "scenario_actie": pd.Categorical.from_codes(kolommen.pop("_actie"),
                                                            categories=invoer["scenario_actie"].cat.categories),
                **kolommen}
    # one frame from the input columns (as given) and ours; an input column with one of our names is kept as
    # '<name> (invoer)'; numpy arrays as they are (a NumpyExtensionArray of objects would be checked element by element)
    alle = {(f"{kol} (invoer)" if kol in kolommen else kol):
            woningen[kol].array if isinstance(woningen[kol].dtype, pd.api.extensions.ExtensionDtype)
            else woningen[kol].to_numpy() for kol in woningen.columns}
    alle.update(kolommen)
    met_inkomen = INKOMEN in invoer.columns and bool(pd.notna(invoer[INKOMEN]).any())
    if not met_inkomen:
        for kol in [k for k in alle if k.removeprefix("voor_").removeprefix("na_") in EA_INKOMEN]:
            del alle[kol]
    uit = pd.DataFrame(alle, index=pd.RangeIndex(n), copy=False)
    uit.attrs["energiearmoede"] = None if met_inkomen else EA_ZONDER_INKOMEN
    uit.attrs["kolomnamen"] = {ons: hun for hun, ons in mapping.items()}
    uit.attrs["peildatum"] = None if dag is None else dag.date().isoformat()
    uit.attrs["gelezen_als"] = invoer.attrs.get("gelezen_als", ())
    if woningen.attrs.get("gelezen"):
        uit.attrs["gelezen"] = woningen.attrs["gelezen"]
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
        # an empty cell is its own group, not one called 'nan' (merged with a complex really named 'nan')
        "groep": resultaat[per].astype(object).where(resultaat[per].notna(), GEEN_GROEP).astype(str).to_numpy()
        if per else np.full(len(resultaat), "Totaal"),
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
        # rounded as every amount is, half away from zero (a mean of +€ 0,005 is +€ 0,01, not neutral)
        "gemiddeld_verschil_maand": _centen(g["verschil"].mean()),
        "slechtste_verschil_maand": _centen(g["verschil"].max()),
        "gemiddelde_huurverhoging_maand": _centen(g["huurverhoging"].mean()),
        "gemiddelde_energiebesparing_maand": _centen(g["besparing"].mean()),
    })
    s["aandeel_neutraal"] = (s["neutraal"] / s["aangepakt"].replace(0, np.nan)).round(3)
    # a complex where nothing is upgraded does not change: neutral by definition
    s["gemiddeld_neutraal"] = (s["gemiddeld_verschil_maand"] <= 0) | (s["aangepakt"] == 0)
    if (s["woningen"] == s["fout"]).any():  # nothing computed in the complex: no verdict (not "neutral")
        s["gemiddeld_neutraal"] = s["gemiddeld_neutraal"].astype(object).where(s["woningen"] != s["fout"], None)
    _energiearmoede(resultaat, r["groep"].to_numpy(), ok, s)
    return s.reset_index().rename(columns={"groep": "complex" if per else "groep"})


def _energiearmoede(resultaat: pd.DataFrame, groep: np.ndarray, ok: np.ndarray, s: pd.DataFrame) -> None:
    """Per group and indicator, before and after: ``<indicator>_<voor|na>`` the dwellings where it holds and
    ``aandeel_<indicator>_<voor|na>`` their share of the computed dwellings where it is known (income given);
    ``met_inkomen`` the computed dwellings with an income.
    Only the indicators the result has (without incomes: the energy quality)."""
    kolommen = [k for k in (EA_KWALITEIT, *EA_INKOMEN) if f"voor_{k}" in resultaat.columns]
    if f"voor_{EA_INKOMEN[0]}" in resultaat.columns:
        bekend = ok & resultaat[f"voor_{EA_INKOMEN[0]}"].notna().to_numpy()  # HEQ is known with an income
        s["met_inkomen"] = pd.Series(bekend.astype(np.int64)).groupby(groep).sum()
    for k in kolommen:
        for sit in ("voor", "na"):
            w = resultaat[f"{sit}_{k}"]
            ja = pd.Series((ok & (w == "ja").to_numpy()).astype(np.int64)).groupby(groep).sum()
            bekend = pd.Series((ok & w.notna().to_numpy()).astype(np.int64)).groupby(groep).sum()
            naam = k.removeprefix("ea_")
            s[f"{naam}_{sit}"] = ja
            s[f"aandeel_{naam}_{sit}"] = (ja / bekend.replace(0, np.nan)).round(3)


# ----------------------------------------------------------------------------------------------------------
# Safe export


# ----------------------------------------------------------------------------------------------------------
# CLI


