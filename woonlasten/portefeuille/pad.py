"""A portfolio over the years: every dwelling per year without and with the scenario, phased by the year each
dwelling (complex) is done (column ``gereed_jaar``, alias ``fasering``), through the path of
:mod:`woonlasten.jaren` — the one calculation path, one year at a time, in blocks of rows.

The result has one row per dwelling per year (dwelling after dwelling, years in order), with the file's own columns
that the calculation does not read (identifiers such as complex and address), ``jaar``, ``gereed_jaar``,
``maanden_met_ingreep``, ``zonder_``/``met_``/``verschil_`` per part [€/maand, average over the year], ``status``
and ``melding``. A dwelling that cannot be computed keeps its rows, with the reason in every year.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from woonlasten.data import Tabellen, laad_tabellen
from woonlasten.formatteer import centen
from woonlasten.jaren import bereken_pad
from woonlasten.modellen import Pad
from woonlasten.portefeuille.lezen import PortefeuilleFout, leesmeldingen
from woonlasten.portefeuille.rekenen import BLOK, DRADEN, GEEN_GROEP, JA_NEE, _samen, voorbereid
from woonlasten.portefeuille.scenario import Scenario
from woonlasten.rekenen.invoer import INVOER_KOLOMMEN

# the parts per dwelling and year [€/maand]
PAD_DELEN = ("huur_totaal", "huur_huurverhoging", "energie_totaal", "lokale_lasten_totaal", "financiering_totaal",
             "totaal", "huur_huurtoeslag", "totaal_netto")


# the year columns a portfolio keeps, written straight into the result's arrays (dwelling after dwelling)
BEDRAGEN = tuple(f"{s}_{d}" for s in ("zonder", "met", "verschil") for d in PAD_DELEN)


def _blok(invoer: pd.DataFrame, pad: Pad, t: Tabellen, start: int, aantal: int, doel: dict[str, np.ndarray]
          ) -> dict[int, list[str]]:
    """The path of one block of rows (``start``: its first row in the whole), each year written into ``doel`` at
    row i, year j → (start + i) × years + j as soon as it is computed, amounts rounded to cents (in the block's
    thread; blocks write disjoint places). Keeping no year of its own, the memory does not grow with the years
    beyond the result. Returns the notes per year."""
    notities: dict[int, list[str]] = {}
    lengte = len(invoer)
    for j, pj in enumerate(bereken_pad(invoer, pad, PAD_DELEN, t)):
        plek = slice(start * aantal + j, (start + lengte) * aantal, aantal)
        for kol in BEDRAGEN:
            doel[kol][plek] = centen(pj.kolommen[kol])
        doel["maanden_met_ingreep"][plek] = pj.kolommen["maanden_met_ingreep"]
        doel["_fout"][plek] = np.asarray(pj.kolommen["status"]) == "fout"
        doel["melding"][plek] = pj.kolommen["melding"]
        notities[pj.jaar] = pj.notities
    return notities


def bereken_portefeuille_jaren(woningen: pd.DataFrame, scenario: Scenario, pad: Pad, peildatum: str | None = None,
                               tabellen: Tabellen | None = None, voortgang=None, blok: int = BLOK,
                               draden: int = DRADEN) -> pd.DataFrame:
    """One row per dwelling per year (see the module's docstring). ``attrs``: ``notities`` per year (rent step,
    tariff assumptions: :class:`woonlasten.jaren.PadJaar`), ``peildatum``, ``pad``, ``gelezen_als``."""
    t = tabellen or laad_tabellen()
    invoer, mapping, dag = voorbereid(woningen, scenario, peildatum, t)
    lees_fout, lees_let_op = leesmeldingen(invoer)
    n, jaren = len(invoer), list(range(pad.begin, pad.eind + 1))
    aantal = len(jaren)
    doel: dict[str, np.ndarray] = {kol: np.empty(n * aantal) for kol in BEDRAGEN}
    doel["maanden_met_ingreep"] = np.zeros(n * aantal, dtype=np.int64)
    doel["_fout"] = np.zeros(n * aantal, dtype=bool)
    doel["melding"] = np.empty(n * aantal, dtype=object)
    starts = list(range(0, max(n, 1), blok))
    per_blok: list[dict[int, list[str]]] = []
    with ThreadPoolExecutor(max(1, min(draden, len(starts)))) as pool:
        for i, deel in enumerate(pool.map(lambda s: _blok(invoer.iloc[s:s + blok], pad, t, s, aantal, doel),
                                          starts)):
            per_blok.append(deel)
            if voortgang is not None:
                voortgang((i + 1) / len(starts))

    uit: dict[str, object] = {}
    # the file's columns the calculation does not read (identifiers: complex, address, …)
    eigen = [k for k in woningen.columns if mapping.get(k) not in INVOER_KOLOMMEN]
    herhaal = np.repeat(np.arange(n), aantal)
    for kol in eigen:  # as categories: each value once, its code repeated per year (a 2.000.000-row text column
        # of repeated values is slow to build and to write)
        reeks = woningen[kol]
        if isinstance(reeks.dtype, pd.CategoricalDtype):
            cat = reeks.array
        elif reeks.dtype == object or pd.api.types.is_string_dtype(reeks.dtype):
            codes, uniek = pd.factorize(reeks.to_numpy(dtype=object), use_na_sentinel=True)
            cat = pd.Categorical.from_codes(codes, categories=pd.Index(uniek, dtype=object))
        else:
            uit[kol] = reeks.to_numpy()[herhaal]
            continue
        uit[kol] = pd.Categorical.from_codes(np.asarray(cat.codes)[herhaal], categories=cat.categories)
    uit["jaar"] = np.tile(np.asarray(jaren, dtype=np.int64), n)
    fout, melding = doel.pop("_fout"), doel.pop("melding")
    if lees_fout is not None:  # a line that could not be read: its reason, in every year
        lees = np.repeat(lees_fout, aantal)
        m = lees != ""
        fout[m], melding[m] = True, lees[m]
    if lees_let_op is not None:
        let_op = np.repeat(lees_let_op, aantal)
        m = ~fout & (let_op != "")
        if m.any():
            melding[m] = _samen(melding[m], let_op[m])
    uit["status"] = pd.Categorical.from_codes(fout.astype(np.int8), categories=["ok", "fout"])
    codes, uniek = pd.factorize(melding, use_na_sentinel=True)  # a few distinct messages over many rows
    uit["melding"] = pd.Categorical.from_codes(codes, categories=pd.Index(uniek, dtype=object))
    actie = invoer["scenario_actie"]
    uit["scenario_actie"] = pd.Categorical.from_codes(np.repeat(actie.array.codes, aantal),
                                                      categories=actie.cat.categories)
    gereed = pd.to_numeric(invoer["gereed_jaar"], errors="coerce").to_numpy(float) \
        if "gereed_jaar" in invoer.columns else np.full(n, np.nan)
    uit["gereed_jaar"] = np.repeat(np.where(np.isnan(gereed), pad.begin, gereed), aantal).astype(np.int64)
    uit["maanden_met_ingreep"] = np.where(uit["scenario_actie"].codes == 0, doel.pop("maanden_met_ingreep"), 0)
    for kol in BEDRAGEN:
        waarde = doel.pop(kol)
        if fout.any():
            waarde[fout] = np.nan  # in place: the array is ours
        uit[kol] = waarde
    uit["gereed_jaar"] = np.where(fout, np.nan, uit["gereed_jaar"])  # a row in error: not known when
    klaar = ~fout & (uit["maanden_met_ingreep"] > 0)  # ja / nee for a dwelling done that year, else empty
    neutraal = np.where(klaar, (uit["verschil_totaal"] <= 0).astype(np.int8), -1).astype(np.int8)
    uit["woonlastenneutraal"] = pd.Categorical.from_codes(neutraal, categories=JA_NEE)
    resultaat = pd.DataFrame(uit, copy=False)
    notities: dict[int, list[str]] = {}  # every block's notes (a note may hold for rows of one block only)
    for blok_notities in per_blok:
        for jaar, regels in blok_notities.items():
            lijst = notities.setdefault(jaar, [])
            lijst += [x for x in regels if x not in lijst]
    resultaat.attrs["notities"] = notities
    resultaat.attrs["fasering"] = bool(np.isfinite(gereed).any())
    resultaat.attrs["peildatum"] = None if dag is None else dag.date().isoformat()
    resultaat.attrs["pad"] = pad
    resultaat.attrs["kolomnamen"] = {ons: hun for hun, ons in mapping.items()}
    resultaat.attrs["gelezen_als"] = invoer.attrs.get("gelezen_als", ())
    if woningen.attrs.get("gelezen"):
        resultaat.attrs["gelezen"] = woningen.attrs["gelezen"]
    return resultaat


def samenvatting_jaren(resultaat: pd.DataFrame, per: str | None = "complex") -> pd.DataFrame:
    """Per complex (or overall with ``per=None``) and year: dwellings, errors, upgraded by the scenario, done that
    year (``klaar``: the upgrade in place for at least a month), the average woonlasten without and with the
    programme and the average change [€/maand, over every computed dwelling: a dwelling not yet done counts 0], and
    the share woonlastenneutraal among those done."""
    if per is not None and per not in resultaat.columns:
        per = resultaat.attrs.get("kolomnamen", {}).get(per, per)
        if per not in resultaat.columns:
            raise PortefeuilleFout(f"kolom '{per}' niet gevonden voor de samenvatting")
    ok = (resultaat["status"] == "ok").to_numpy()
    klaar = ok & (resultaat["maanden_met_ingreep"].to_numpy() > 0)
    groep = _groep(resultaat[per]) if per else pd.Categorical.from_codes(np.zeros(len(resultaat), dtype=np.int8),
                                                                          categories=["Totaal"])
    jaar = resultaat["jaar"].to_numpy()
    eerste = int(jaar.min()) if len(jaar) else 0
    aantal = int(jaar.max()) - eerste + 1 if len(jaar) else 1
    # one number per group and year (a million rows: counted with bincount, not grouped row by row)
    sleutel = np.asarray(groep.codes, dtype=np.int64) * aantal + (jaar - eerste)
    lengte = len(groep.categories) * aantal

    def som(w: np.ndarray) -> np.ndarray:
        return np.bincount(sleutel, weights=w, minlength=lengte)

    woningen = som(None)
    berekend = som(ok.astype(float))
    gemiddeld = {k: np.where(berekend > 0, som(np.where(ok, resultaat[k].to_numpy(dtype=float), 0.0))
                             / np.maximum(berekend, 1), np.nan)
                 for k in ("zonder_totaal", "met_totaal", "verschil_totaal")}
    aanwezig = woningen > 0
    s = pd.DataFrame({
        "groep": np.repeat(np.asarray(groep.categories, dtype=object), aantal)[aanwezig],
        "jaar": np.tile(np.arange(eerste, eerste + aantal), len(groep.categories))[aanwezig],
        "woningen": woningen[aanwezig].astype(np.int64),
        "fout": som((~ok).astype(float))[aanwezig].astype(np.int64),
        "aangepakt": som((ok & (resultaat["scenario_actie"] == "aangepakt").to_numpy()).astype(float))[
            aanwezig].astype(np.int64),
        "klaar": som(klaar.astype(float))[aanwezig].astype(np.int64),
        "gemiddeld_zonder_maand": centen(gemiddeld["zonder_totaal"][aanwezig]),
        "gemiddeld_met_maand": centen(gemiddeld["met_totaal"][aanwezig]),
        "gemiddeld_verschil_maand": centen(gemiddeld["verschil_totaal"][aanwezig]),
        "neutraal": som((klaar & (resultaat["verschil_totaal"].to_numpy(dtype=float) <= 0)).astype(float))[
            aanwezig].astype(np.int64),
    })
    s["aandeel_neutraal"] = (s["neutraal"] / s["klaar"].replace(0, np.nan)).round(3)
    return s.rename(columns={"groep": "complex" if per else "groep"})


def _groep(reeks: pd.Series) -> pd.Categorical:
    """The group of each row as text categories (an empty cell: its own group '(leeg)'), without turning millions of
    repeated values into Python text one by one."""
    cat = reeks.array if isinstance(reeks.dtype, pd.CategoricalDtype) else pd.Categorical(reeks.to_numpy(dtype=object))
    namen = pd.Index([str(c) for c in cat.categories], dtype=object)
    codes = np.asarray(cat.codes)
    if (codes < 0).any():
        namen = namen.append(pd.Index([GEEN_GROEP], dtype=object))
        codes = np.where(codes < 0, len(namen) - 1, codes)
    uniek, terug = np.unique(namen, return_inverse=True)  # two categories that read the same: one group
    return pd.Categorical.from_codes(terug[codes], categories=pd.Index(uniek, dtype=object))
