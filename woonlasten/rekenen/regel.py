"""Rules as declarations: what a rule reads, what it writes, which tables it uses, how it is explained.

A rule module in :mod:`woonlasten.regels` lists its rules in ``REGELS`` and its place in the reading order in
``VOLGORDE``. From those declarations the engine derives:

- the order of evaluation (:func:`volgorde`): a rule runs after every rule that writes a column it reads; among
  rules that do not depend on each other the module's ``VOLGORDE`` decides (it also orders the explanation, and the
  first error message of a row comes from the first rule in this order);
- which rule writes a column (:func:`schrijver`);
- the rules a caller can skip: an ``informatief`` rule changes no amount and refuses no row, so it runs only when one
  of its columns is asked for;
- a check (:func:`voer_uit` with ``controle``) that a rule read and wrote nothing it did not declare, used no table
  it did not name, and, when it runs once per combination of its keys, read nothing that varies within a
  combination;
- the explanation (:mod:`woonlasten.uitleg`): each rule's ``uitleg`` in the same order.

Column names in a declaration may hold ``{s}`` (each situation: ``voor`` and ``na``) and ``*`` (any text, for
columns per measure such as ``maatregel_*``).
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

import numpy as np
import pandas as pd

from woonlasten.rekenen.per_uniek import combinatie_codes, per_uniek
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad

if TYPE_CHECKING:
    from woonlasten.data import Tabellen
    from woonlasten.modellen import Toelichting

Functie = Callable[[Rekenblad, "Tabellen", Fouten], None]
Uitleg = Callable[[pd.Series, "Tabellen"], list]


@dataclass(frozen=True)
class Regel:
    """One rule of the calculation: ``functie(blad, tabellen, fouten)`` adds the columns it declares."""

    naam: str
    functie: Functie
    leest: tuple[str, ...]
    schrijft: tuple[str, ...]
    tabellen: tuple[str, ...] = ()
    per_combinatie: tuple[str, ...] = ()  # run once per distinct combination of these columns
    combinatie_kolom: str | None = None  # store each row's combination number here (a key for a later rule)
    informatief: bool = False  # changes no amount and refuses no row: skipped when none of its columns is asked
    uitleg: Uitleg | None = None  # the explanation lines of a computed row (toelichting)
    volgorde: int = 0  # the module's VOLGORDE, filled in by alle_regels()

    def kolommen(self, patronen: Iterable[str]) -> tuple[str, ...]:
        """The patterns with ``{s}`` expanded (``*`` stays a wildcard)."""
        uit: list[str] = []
        for p in patronen:
            uit += [p.format(s=s) for s in SITUATIES] if "{s}" in p else [p]
        return tuple(uit)

    def schrijft_kolom(self, kolom: str) -> bool:
        return _past(kolom, self.kolommen(self.schrijft))

    def leest_kolom(self, kolom: str) -> bool:
        return _past(kolom, self.kolommen(self.leest))


def _past(kolom: str, patronen: tuple[str, ...]) -> bool:
    return any(kolom == p or ("*" in p and fnmatch.fnmatchcase(kolom, p)) for p in patronen)


class RegelFout(RuntimeError):
    """A rule broke its declaration, or the declarations contradict each other (a programming error)."""


@lru_cache(maxsize=1)
def alle_regels() -> tuple[Regel, ...]:
    """Every rule of :mod:`woonlasten.regels`, in the order of evaluation (found by module: a new rule module needs
    no registration)."""
    import woonlasten.regels as pakket

    gevonden: list[Regel] = []
    for info in sorted(pkgutil.iter_modules(pakket.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{pakket.__name__}.{info.name}")
        for regel in getattr(module, "REGELS", ()):
            gevonden.append(_met_volgorde(regel, getattr(module, "VOLGORDE", 0)))
    return volgorde(gevonden)


def _met_volgorde(regel: Regel, stap: int) -> Regel:
    return Regel(**{**regel.__dict__, "volgorde": stap})


def volgorde(regels: list[Regel]) -> tuple[Regel, ...]:
    """Topological order on the columns: a rule after every rule that writes what it reads. Among the rules that
    can run, the one with the lowest ``volgorde`` first, where a rule counts with the lowest ``volgorde`` of the
    rules that need it (a total that the rent's huurtoeslag needs runs with the rent, not at the end); then the
    order given. Raises :class:`RegelFout` on a cycle or on two rules writing one column."""
    schrijvers: dict[str, int] = {}
    for i, r in enumerate(regels):
        for kol in r.kolommen(r.schrijft):
            if kol in schrijvers:
                raise RegelFout(f"kolom {kol!r} wordt geschreven door {regels[schrijvers[kol]].naam} en {r.naam}")
            schrijvers[kol] = i
    voorgangers = []
    for i, r in enumerate(regels):
        nodig = set()
        for kol in r.kolommen(r.leest) + r.per_combinatie:
            if kol in schrijvers:  # an exact writer wins over a pattern (prijs_gas_incl_btw is no measure price)
                nodig.add(schrijvers[kol])
                continue
            nodig |= {j for patroon, j in schrijvers.items() if ("*" in kol and fnmatch.fnmatchcase(patroon, kol))
                      or ("*" in patroon and fnmatch.fnmatchcase(kol, patroon))}
        nodig.discard(i)
        voorgangers.append(nodig)
    effectief = [r.volgorde for r in regels]  # the lowest volgorde of the rule and every rule that needs it
    veranderd = True
    while veranderd:
        veranderd = False
        for i, nodig in enumerate(voorgangers):
            for j in nodig:
                if effectief[i] < effectief[j]:
                    effectief[j] = effectief[i]
                    veranderd = True
    klaar: list[int] = []
    over = set(range(len(regels)))
    while over:
        kan = [i for i in over if voorgangers[i] <= set(klaar)]
        if not kan:
            raise RegelFout("de regels hangen in een kring van elkaar af: "
                            + ", ".join(regels[i].naam for i in sorted(over)))
        i = min(kan, key=lambda j: (effectief[j], regels[j].volgorde, j))
        klaar.append(i)
        over.remove(i)
    return tuple(regels[i] for i in klaar)


def schrijver(kolom: str) -> Regel | None:
    """The rule that writes ``kolom`` (None for an input column or one the path adds itself)."""
    return next((r for r in alle_regels() if r.schrijft_kolom(kolom)), None)


def nodig_voor(uitvoer: list[str] | None, alleen_nodig: bool = False) -> tuple[Regel, ...]:
    """The rules to run for the columns ``uitvoer`` (None = all): every rule except the informative ones whose
    columns nobody asks for (and no later rule reads). With ``alleen_nodig`` only the rules that write an asked
    column or one such a rule reads (transitively): a run that needs a part of the result (the rent of a half-year in
    a path over the years) skips the rest, also the rest's checks of the input, so its errors are not complete."""
    regels = alle_regels()
    if uitvoer is None:
        return regels
    if alleen_nodig:
        nodig = set(uitvoer) | {"heeft_ingreep"}  # bereken reads heeft_ingreep itself
        houden: set[int] = set()
        for i in reversed(range(len(regels))):
            r = regels[i]
            geschreven = r.kolommen(r.schrijft)
            if any(_past(k, geschreven) or ("*" in k and any(fnmatch.fnmatchcase(g, k) for g in geschreven))
                   for k in nodig):
                houden.add(i)
                nodig |= set(r.kolommen(r.leest)) | set(r.per_combinatie)
        return tuple(regels[i] for i in sorted(houden))
    gevraagd = set(uitvoer)
    uit: list[Regel] = []
    for i, r in enumerate(regels):
        if r.informatief and not any(r.schrijft_kolom(k) for k in gevraagd) and not any(
                s.leest_kolom(k) for s in regels[i + 1:] for k in r.kolommen(r.schrijft)):
            continue
        uit.append(r)
    return tuple(uit)


def voer_uit(regel: Regel, f: Rekenblad, t: "Tabellen", fouten: Fouten, controle: bool = False) -> None:
    """Run one rule on the sheet (once per combination of its keys where it declares them). With ``controle``:
    raise :class:`RegelFout` when it reads, writes or looks up anything it did not declare."""
    functie = per_uniek(regel.functie, regel.per_combinatie, regel.combinatie_kolom) if regel.per_combinatie \
        else regel.functie
    if not controle:
        functie(f, t, fouten)
        return
    blad = f if isinstance(f, _ControleBlad) else _ControleBlad.van(f)
    tabellen = _ControleTabellen(t)
    voor = set(blad)
    blad.gelezen = set()
    functie(blad, tabellen, fouten)
    eigen = regel.kolommen(regel.schrijft)
    te_veel = sorted(k for k in blad.gelezen if not regel.leest_kolom(k) and not _past(k, eigen)
                     and k not in regel.per_combinatie)
    if te_veel:
        raise RegelFout(f"regel {regel.naam} leest niet-gedeclareerde kolommen: {', '.join(te_veel)}")
    nieuw = sorted(k for k in set(blad) - voor if not _past(k, eigen) and k != regel.combinatie_kolom)
    if nieuw:
        raise RegelFout(f"regel {regel.naam} schrijft niet-gedeclareerde kolommen: {', '.join(nieuw)}")
    vreemd = sorted(tabellen.gebruikt - set(regel.tabellen))
    if vreemd:
        raise RegelFout(f"regel {regel.naam} gebruikt niet-gedeclareerde tabellen: {', '.join(vreemd)}")
    if regel.per_combinatie:
        _controleer_combinaties(regel, blad, blad.gelezen)
        _vergelijk_met_elke_rij(regel, f, t, voor, blad)
    if f is not blad:
        for k in set(blad) - voor:
            f[k] = dict.__getitem__(blad, k)


def _controleer_combinaties(regel: Regel, f: Rekenblad, gelezen: set[str]) -> None:
    """Every column a per-combination rule read must be the same within each combination of its keys (else the
    rule computed one row's value for other rows too)."""
    terug = combinatie_codes(f, regel.per_combinatie)
    eerste = np.zeros(terug.max() + 1 if len(terug) else 0, dtype=np.int64)
    eerste[terug[::-1]] = np.arange(len(terug) - 1, -1, -1)
    for kol in sorted(gelezen - set(regel.per_combinatie) - set(regel.kolommen(regel.schrijft))):
        waarde = dict.__getitem__(f, kol)
        if np.ndim(waarde) == 0:
            continue
        a = np.asarray(waarde.codes if isinstance(waarde, pd.Categorical) else waarde)
        b = a[eerste[terug]]
        gelijk = (a == b) | (pd.isna(a) & pd.isna(b)) if a.dtype.kind in "fOM" else (a == b)
        if not np.all(gelijk):
            raise RegelFout(f"regel {regel.naam} leest {kol}, dat binnen een combinatie van "
                            f"{', '.join(regel.per_combinatie)} verschilt: voeg een sleutel toe of lees het niet")


def _vergelijk_met_elke_rij(regel: Regel, f: Rekenblad, t: "Tabellen", voor: set[str], blad: Rekenblad) -> None:
    """The rule once per combination must give what it gives on every row (a numeric key counts only by being
    given or not: a rule that reads its value needs a class column as key)."""
    per_combinatie = Rekenblad(f.index)
    elke_rij = Rekenblad(f.index)
    for k in voor:
        per_combinatie[k] = elke_rij[k] = dict.__getitem__(blad, k)
    per_uniek(regel.functie, regel.per_combinatie, regel.combinatie_kolom, altijd=True)(
        per_combinatie, t, Fouten(f.n))
    regel.functie(elke_rij, t, Fouten(f.n))
    for k in set(elke_rij) - voor:
        a, b = per_combinatie[k], elke_rij[k]
        if isinstance(a, pd.Categorical) or isinstance(b, pd.Categorical):
            a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
        a, b = np.broadcast_to(np.asarray(a), (f.n,)), np.broadcast_to(np.asarray(b), (f.n,))
        gelijk = (a == b) | (pd.isna(a) & pd.isna(b))
        if not np.all(gelijk):
            raise RegelFout(f"regel {regel.naam} geeft per combinatie van {', '.join(regel.per_combinatie)} een "
                            f"andere {k} dan per rij: een sleutel ontbreekt (een getal telt als sleutel alleen als "
                            "gegeven of niet)")


class _ControleBlad(Rekenblad):
    """A sheet that remembers which columns were read (for :func:`voer_uit` with ``controle``)."""

    gelezen: set[str]

    @classmethod
    def van(cls, f: Rekenblad) -> "_ControleBlad":
        blad = cls(f.index)
        for k, v in f.items():
            dict.__setitem__(blad, k, v)
        return blad

    def __getitem__(self, kol: str) -> Any:
        self.gelezen.add(kol)
        return super().__getitem__(kol)

    def get(self, kol: str, standaard: Any = None) -> Any:
        self.gelezen.add(kol)
        return super().get(kol, standaard)

    def __contains__(self, kol: object) -> bool:
        if isinstance(kol, str):
            self.gelezen.add(kol)
        return super().__contains__(kol)

    def nieuw(self, index: pd.Index) -> "_ControleBlad":
        blad = type(self)(index)
        blad.gelezen = self.gelezen  # a per-combination run reads into the same record
        return blad


class _ControleTabellen:
    """The tables, remembering which were used."""

    def __init__(self, t: "Tabellen"):
        self._t = t
        self.gebruikt: set[str] = set()

    def __getitem__(self, naam: str):
        self.gebruikt.add(naam)
        return self._t[naam]

    def parameter(self, naam: str) -> float:
        self.gebruikt.add("labels/parameters")
        return self._t.parameter(naam)

    def __getattr__(self, naam: str):
        return getattr(self._t, naam)


# ----------------------------------------------------------------------------------------------------------
# Helpers for a rule's explanation


def bronrij(t: "Tabellen", tabel: str, regel: Any) -> pd.Series | None:
    """The source row at file line ``regel`` of ``tabel`` (None for -1, NaN or None: no row used)."""
    if regel is None or (isinstance(regel, float) and np.isnan(regel)) or int(regel) < 0:
        return None
    return t[tabel].rij(int(regel))


def item(onderwerp: str, tekst: str, rij: pd.Series | None, tabel: str | None = None) -> "Toelichting":
    """One explanation line; with a source row: its ``bron`` (file and line) and ``status``."""
    from woonlasten.modellen import Toelichting

    bron = None
    status = None
    if rij is not None:
        bron = f"{rij['bron']} ({tabel}.csv, regel {int(rij['_rij'])})" if tabel else rij["bron"]
        status = rij.get("status")
    return Toelichting(onderwerp=onderwerp, tekst=tekst, bron=bron, status=status)
