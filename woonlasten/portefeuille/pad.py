"""A portfolio over the years: every dwelling per year without and with the scenario, phased by the year each
dwelling (complex) is done (column ``gereed_jaar``, alias ``fasering``), through the path of
:mod:`woonlasten.jaren` — the one calculation path, one year at a time, in blocks of rows.

The result has one row per dwelling per year (dwelling after dwelling, years in order), with the file's own columns
that the calculation does not read (identifiers such as complex and address), ``jaar``, ``gereed_jaar``,
``maanden_met_ingreep``, ``zonder_``/``met_``/``verschil_`` per part [€/maand, average over the year], ``status``
and ``melding``. A dwelling that cannot be computed keeps its rows, with the reason in every year.

:class:`PadStroom` gives the result in parts of consecutive dwellings, each part computed while the previous one is
written (the command line writes a CSV that way: the memory of two parts, whatever the stock or the years);
:func:`bereken_portefeuille_jaren` is the same stream as one part. :class:`JaarTelling` counts the summaries per
complex and year part by part (:func:`samenvatting_jaren` on a whole result).
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
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
# rows (dwellings × years) per part of a stream written to a file (PadStroom, woningen_per_deel), each part one
# calculation block: one year of 400.000 dwellings is two parts (as the two blocks of one date), five years are eight
# parts of 50.000 dwellings. The memory stays that of one year (bench/README.md: 0,87–0,91 GB for five years against
# 1,30–1,44 GB with parts of 500.000 rows, for about 0,5 s more: each block has a fixed cost of about 0,12 s)
PAD_RIJEN = 250_000
# parts of a stream computed at once, beside the one the caller writes: the core holds the GIL for most of a block
# (two blocks in two threads take as long as one after the other), so a second thread only contends with the
# writer: the same wall time for 0,7 CPU-s and 0,16 GB less (400.000 × 5, bench/README.md session 10)
STROOM_DRADEN = 1


def _blok(invoer: pd.DataFrame, pad: Pad, t: Tabellen, start: int, aantal: int, doel: dict[str, np.ndarray]
          ) -> dict[int, list[str]]:
    """The path of one block of rows (``start``: its first row in the part ``doel`` holds), each year written into
    ``doel`` at row i, year j → (start + i) × years + j as soon as it is computed, amounts rounded to cents (in the
    block's thread; blocks write disjoint places). Keeping no year of its own, the memory does not grow with the
    years beyond the part. Returns the notes per year."""
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


class PadStroom:
    """A portfolio's path as a stream of parts: frames of consecutive dwellings, every year of each (see the
    module's docstring), in the file's order. While the caller handles a part (writes it, counts it), the next
    part is computed (:data:`STROOM_DRADEN`), so a stock of any size over any number of years needs the
    memory of a few parts, not of the whole result. ``deel``: dwellings per part (None: the whole stock in one
    part, as :func:`bereken_portefeuille_jaren` gives it). ``attrs`` as that function's; its ``notities`` are
    complete once the stream is done."""

    def __init__(self, woningen: pd.DataFrame, scenario: Scenario, pad: Pad, peildatum: str | None = None,
                 tabellen: Tabellen | None = None, *, deel: int | None = None, voortgang=None, blok: int = BLOK,
                 draden: int = DRADEN):
        self.t = tabellen or laad_tabellen()
        self.invoer, mapping, dag = voorbereid(woningen, scenario, peildatum, self.t)
        self.lees_fout, self.lees_let_op = leesmeldingen(self.invoer)
        self.pad, self.jaren = pad, list(range(pad.begin, pad.eind + 1))
        self.n = len(self.invoer)
        self.deel, self.blok, self.draden, self.voortgang = deel, blok, draden, voortgang
        # the file's columns the calculation does not read (identifiers: complex, address, …), per dwelling: text as
        # categories (each value once, its code repeated per year: a 2.000.000-row text column of repeated values is
        # slow to build and to write)
        self.eigen: dict[str, pd.Categorical | np.ndarray] = {}
        for kol in [k for k in woningen.columns if mapping.get(k) not in INVOER_KOLOMMEN]:
            reeks = woningen[kol]
            if isinstance(reeks.dtype, pd.CategoricalDtype):
                self.eigen[kol] = reeks.array
            elif reeks.dtype == object or pd.api.types.is_string_dtype(reeks.dtype):
                codes, uniek = pd.factorize(reeks.to_numpy(dtype=object), use_na_sentinel=True)
                self.eigen[kol] = pd.Categorical.from_codes(codes, categories=pd.Index(uniek, dtype=object))
            else:
                self.eigen[kol] = reeks.to_numpy()
        self.gereed = pd.to_numeric(self.invoer["gereed_jaar"], errors="coerce").to_numpy(float) \
            if "gereed_jaar" in self.invoer.columns else np.full(self.n, np.nan)
        self.notities: dict[int, list[str]] = {}
        self.attrs: dict[str, object] = {
            "notities": self.notities, "fasering": bool(np.isfinite(self.gereed).any()),
            "peildatum": None if dag is None else dag.date().isoformat(), "pad": pad,
            "kolomnamen": {ons: hun for hun, ons in mapping.items()},
            "gelezen_als": self.invoer.attrs.get("gelezen_als", ())}
        if woningen.attrs.get("gelezen"):
            self.attrs["gelezen"] = woningen.attrs["gelezen"]

    def kolom(self, naam: str) -> str:
        """The output's name of one of our columns (``complex``): the file's own name for it."""
        return naam if naam in self.eigen else self.attrs["kolomnamen"].get(naam, naam)

    def groep(self, naam: str) -> pd.Categorical:
        """Each dwelling's group in column ``naam`` (``complex``) as the summaries group it (:func:`_groep`)."""
        kol = self.kolom(naam)
        if kol not in self.eigen:
            raise PortefeuilleFout(f"kolom '{naam}' niet gevonden voor de samenvatting")
        return _groep(pd.Series(self.eigen[kol]))

    def __iter__(self) -> Iterator[pd.DataFrame]:
        aantal, deel = len(self.jaren), self.deel or max(self.n, 1)
        # the whole in one part: in as many blocks as threads; a stream: parts of one block each (fewer, larger
        # blocks: each block has a fixed cost of some tenths of a second), computed while the caller writes
        draden = min(self.draden, STROOM_DRADEN) if self.deel else self.draden
        per_deel = 1 if self.deel else draden
        blok = min(self.blok, -(-deel // per_deel))
        delen = [(b, min(b + deel, self.n)) for b in range(0, max(self.n, 1), deel)]
        totaal = sum(len(range(b, max(e, b + 1), blok)) for b, e in delen)
        gedaan = 0
        pool = ThreadPoolExecutor(max(1, min(draden, totaal)))

        def start(b: int, e: int) -> tuple[int, int, dict[str, np.ndarray], list]:
            doel = _doel((e - b) * aantal)
            return b, e, doel, [pool.submit(_blok, self.invoer.iloc[s:min(s + blok, e)], self.pad, self.t, s - b,
                                            aantal, doel) for s in range(b, max(e, b + 1), blok)]
        try:
            volgende = iter(delen)
            rij = deque(start(*d) for d in itertools.islice(volgende, max(1, draden // per_deel)))
            while rij:
                b, e, doel, taken = rij.popleft()
                for taak in taken:  # every block's notes, in order (a note may hold for rows of one block only)
                    for jaar, regels in taak.result().items():
                        lijst = self.notities.setdefault(jaar, [])
                        lijst += [x for x in regels if x not in lijst]
                    gedaan += 1
                    if self.voortgang is not None:
                        self.voortgang(gedaan / totaal)
                d = next(volgende, None)
                if d is not None:  # the next parts are computed while the caller handles this one
                    rij.append(start(*d))
                yield self._uitvoer(b, e, doel)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _uitvoer(self, b: int, e: int, doel: dict[str, np.ndarray]) -> pd.DataFrame:
        """The frame of dwellings ``b``..``e`` (every year of each) from their computed years in ``doel``."""
        aantal, n = len(self.jaren), e - b
        uit: dict[str, object] = {}
        for kol, waarde in self.eigen.items():
            if isinstance(waarde, pd.Categorical):
                uit[kol] = pd.Categorical.from_codes(np.repeat(np.asarray(waarde.codes)[b:e], aantal),
                                                     categories=waarde.categories)
            else:
                uit[kol] = np.repeat(waarde[b:e], aantal)
        uit["jaar"] = np.tile(np.asarray(self.jaren, dtype=np.int64), n)
        fout, melding = doel.pop("_fout"), doel.pop("melding")
        if self.lees_fout is not None:  # a line that could not be read: its reason, in every year
            lees = np.repeat(self.lees_fout[b:e], aantal)
            m = lees != ""
            fout[m], melding[m] = True, lees[m]
        if self.lees_let_op is not None:
            let_op = np.repeat(self.lees_let_op[b:e], aantal)
            m = ~fout & (let_op != "")
            if m.any():
                melding[m] = _samen(melding[m], let_op[m])
        uit["status"] = pd.Categorical.from_codes(fout.astype(np.int8), categories=["ok", "fout"])
        uit["melding"] = _categorie(melding)
        actie = self.invoer["scenario_actie"]
        uit["scenario_actie"] = pd.Categorical.from_codes(np.repeat(np.asarray(actie.array.codes)[b:e], aantal),
                                                          categories=actie.cat.categories)
        gereed = self.gereed[b:e]
        uit["gereed_jaar"] = np.repeat(np.where(np.isnan(gereed), self.pad.begin, gereed), aantal).astype(np.int64)
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
        return pd.DataFrame(uit, copy=False)


def _categorie(tekst: np.ndarray) -> pd.Categorical:
    """An object array of a few distinct texts over many rows (messages) as categories, in the order they first
    appear, as ``pd.factorize`` gives them; anything but text is empty. A dictionary lookup per row, where a text's
    hash is kept: ``pd.factorize`` hashes every long text again (50 ms against 15 ms for a part's 250.000)."""
    rijen = tekst.tolist()
    uniek = [x for x in dict.fromkeys(rijen) if isinstance(x, str)]
    code = {x: i for i, x in enumerate(uniek)}
    codes = np.fromiter(map(code.get, rijen, itertools.repeat(-1)), dtype=np.int64, count=len(rijen))
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniek, dtype=object))


def woningen_per_deel(pad: Pad) -> int:
    """Dwellings per part of a :class:`PadStroom` that is written as it comes: :data:`PAD_RIJEN` rows, so that the
    memory does not grow with the number of years."""
    return max(1, PAD_RIJEN // (pad.eind - pad.begin + 1))


def _doel(rijen: int) -> dict[str, np.ndarray]:
    """The arrays a part's years are written into (:func:`_blok`), ``rijen`` = dwellings × years."""
    doel: dict[str, np.ndarray] = {kol: np.empty(rijen) for kol in BEDRAGEN}
    doel["maanden_met_ingreep"] = np.zeros(rijen, dtype=np.int64)
    doel["_fout"] = np.zeros(rijen, dtype=bool)
    doel["melding"] = np.empty(rijen, dtype=object)
    return doel


def bereken_portefeuille_jaren(woningen: pd.DataFrame, scenario: Scenario, pad: Pad, peildatum: str | None = None,
                               tabellen: Tabellen | None = None, voortgang=None, blok: int = BLOK,
                               draden: int = DRADEN) -> pd.DataFrame:
    """One row per dwelling per year (see the module's docstring): the whole :class:`PadStroom` as one frame.
    ``attrs``: ``notities`` per year (rent step, tariff assumptions: :class:`woonlasten.jaren.PadJaar`),
    ``peildatum``, ``pad``, ``gelezen_als``."""
    stroom = PadStroom(woningen, scenario, pad, peildatum, tabellen, voortgang=voortgang, blok=blok, draden=draden)
    (resultaat,) = stroom
    resultaat.attrs.update(stroom.attrs)
    return resultaat


class JaarTelling:
    """The sums per group (complex) and year of a path's rows, counted part by part (:meth:`tel`), and the summary
    they give (:meth:`tabel`). ``namen``: the groups; ``eerste``/``aantal``: the years."""

    VELDEN = ("woningen", "berekend", "fout", "aangepakt", "klaar", "neutraal", "zonder_totaal", "met_totaal",
              "verschil_totaal")

    def __init__(self, namen: pd.Index, eerste: int, aantal: int):
        self.namen, self.eerste, self.aantal = namen, eerste, aantal
        self.som = {k: np.zeros(len(namen) * aantal) for k in self.VELDEN}

    def tel(self, groep: np.ndarray, rijen: pd.DataFrame) -> None:
        """Add rows (``groep``: each row's group code) to the sums; one bincount per sum, not row by row."""
        ok = (rijen["status"] == "ok").to_numpy()
        klaar = ok & (rijen["maanden_met_ingreep"].to_numpy() > 0)
        sleutel = np.asarray(groep, dtype=np.int64) * self.aantal + (rijen["jaar"].to_numpy() - self.eerste)
        lengte = len(self.namen) * self.aantal

        def som(w: np.ndarray | None) -> np.ndarray:
            return np.bincount(sleutel, weights=w, minlength=lengte)

        bedrag = {k: rijen[k].to_numpy(dtype=float) for k in ("zonder_totaal", "met_totaal", "verschil_totaal")}
        for k, w in (("woningen", None), ("berekend", ok), ("fout", ~ok),
                     ("aangepakt", ok & (rijen["scenario_actie"] == "aangepakt").to_numpy()), ("klaar", klaar),
                     ("neutraal", klaar & (bedrag["verschil_totaal"] <= 0)),
                     *((k, np.where(ok, v, 0.0)) for k, v in bedrag.items())):
            self.som[k] += som(None if w is None else w.astype(float))

    def totaal(self) -> "JaarTelling":
        """The same sums for the whole stock: one group 'Totaal'."""
        t = JaarTelling(pd.Index(["Totaal"], dtype=object), self.eerste, self.aantal)
        t.som = {k: v.reshape(len(self.namen), self.aantal).sum(axis=0) for k, v in self.som.items()}
        return t

    def tabel(self, kop: str = "complex") -> pd.DataFrame:
        """Per group and year: dwellings, errors, upgraded, done, average woonlasten without and with and the
        average change [€/maand, over the computed dwellings], the share woonlastenneutraal among those done."""
        s, aantal = self.som, self.aantal
        berekend = s["berekend"]
        gemiddeld = {k: np.where(berekend > 0, s[k] / np.maximum(berekend, 1), np.nan)
                     for k in ("zonder_totaal", "met_totaal", "verschil_totaal")}
        aanwezig = s["woningen"] > 0
        tabel = pd.DataFrame({
            kop: np.repeat(np.asarray(self.namen, dtype=object), aantal)[aanwezig],
            "jaar": np.tile(np.arange(self.eerste, self.eerste + aantal), len(self.namen))[aanwezig],
            **{k: s[k][aanwezig].astype(np.int64) for k in ("woningen", "fout", "aangepakt", "klaar")},
            "gemiddeld_zonder_maand": centen(gemiddeld["zonder_totaal"][aanwezig]),
            "gemiddeld_met_maand": centen(gemiddeld["met_totaal"][aanwezig]),
            "gemiddeld_verschil_maand": centen(gemiddeld["verschil_totaal"][aanwezig]),
            "neutraal": s["neutraal"][aanwezig].astype(np.int64),
        })
        tabel["aandeel_neutraal"] = (tabel["neutraal"] / tabel["klaar"].replace(0, np.nan)).round(3)
        return tabel


def samenvatting_jaren(resultaat: pd.DataFrame, per: str | None = "complex") -> pd.DataFrame:
    """Per complex (or overall with ``per=None``) and year: dwellings, errors, upgraded by the scenario, done that
    year (``klaar``: the upgrade in place for at least a month), the average woonlasten without and with the
    programme and the average change [€/maand, over every computed dwelling: a dwelling not yet done counts 0], and
    the share woonlastenneutraal among those done (:class:`JaarTelling`)."""
    if per is not None and per not in resultaat.columns:
        per = resultaat.attrs.get("kolomnamen", {}).get(per, per)
        if per not in resultaat.columns:
            raise PortefeuilleFout(f"kolom '{per}' niet gevonden voor de samenvatting")
    groep = _groep(resultaat[per]) if per else pd.Categorical.from_codes(np.zeros(len(resultaat), dtype=np.int8),
                                                                          categories=["Totaal"])
    jaar = resultaat["jaar"].to_numpy()
    eerste = int(jaar.min()) if len(jaar) else 0
    telling = JaarTelling(groep.categories, eerste, int(jaar.max()) - eerste + 1 if len(jaar) else 1)
    telling.tel(groep.codes, resultaat)
    return telling.tabel("complex" if per else "groep")


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
