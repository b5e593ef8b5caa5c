"""Whether the tables cover the peildatum: a note (``waarschuwing``) when the date lies beyond the years of the tables
that get new figures every year, or before their first rows.

The tables marked ``jaarlijks`` in :data:`woonlasten.data.schema.SCHEMAS` (energy tax, delivery and network tariffs,
local taxes, rent limits) get a new row every year, and the calculation carries their latest rows on into later
years (an open ``geldig_tot``, or the local taxes' nearest period). The last year a table knows is the year of its
latest ``geldig_vanaf``: a peildatum in a later year is computed on older figures, and says so. A peildatum before a
table's first ``geldig_vanaf`` is noted the same way (before the first BTW row the energy rule refuses the row).
The note changes no amount and refuses no row; it is worked out once per distinct peildatum (a million rows of one
date cost one note and one index).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabel, Tabellen
from woonlasten.data.opzoeken import categorisch
from woonlasten.data.schema import SCHEMAS
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, item
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad

JAARLIJKS = tuple(naam for naam, schema in SCHEMAS.items() if schema.get("jaarlijks"))


def _periode(tabel: Tabel) -> tuple[pd.Timestamp, int]:
    """The first ``geldig_vanaf`` of a table and the year of its latest (remembered on the table)."""
    return tabel.afgeleid(("gegevensdekking", "periode"), lambda f: (
        pd.Timestamp(f["geldig_vanaf"].min()), int(pd.Timestamp(f["geldig_vanaf"].max()).year)))


def _leesbaar(naam: str) -> str:
    return naam.split("/", 1)[1].replace("_", " ")


def _per_jaar(tabellen: dict[str, int]) -> str:
    """'2027 (energiebelasting) en 2026 (netbeheer, leveringstarieven)': the tables grouped by year, latest first."""
    jaren = sorted(set(tabellen.values()), reverse=True)
    delen = [f"{jaar} ({', '.join(_leesbaar(n) for n, j in tabellen.items() if j == jaar)})" for jaar in jaren]
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def waarschuwing_voor(datum: pd.Timestamp, t: Tabellen) -> str:
    """The note for one peildatum ('' when every yearly table covers it)."""
    if pd.isna(datum):
        return ""
    laatste: dict[str, int] = {}
    eerste: dict[str, int] = {}
    for naam in JAARLIJKS:
        begin, jaar = _periode(t[naam])
        if datum.year > jaar:
            laatste[naam] = jaar
        elif datum < begin:
            eerste[naam] = begin.year
    regels = []
    if laatste:
        alle = "nog geen tarieven" if len(laatste) == len(JAARLIJKS) else "nog niet alle tarieven"
        regels.append(f"Let op: voor {datum.year} zijn {alle} bekend; gerekend met de laatst bekende tarieven, "
                      f"die van {_per_jaar(laatste)}.")
    if eerste:
        regels.append(f"Let op: de peildatum {datum.strftime('%d-%m-%Y')} ligt vóór de eerste tarieven van "
                      f"{_per_jaar(eerste)}; gerekend met de eerst bekende tarieven.")
    return " ".join(regels)


def gegevensdekking(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``_waarschuwing_tarieven``: the note per row ('' when the tables cover its peildatum), a Categorical computed
    once per distinct peildatum (the categories of ``_peildatum_cat``, always a Categorical; a missing date gets '');
    joined with the local taxes' notes into ``waarschuwing`` (:func:`..lokale_lasten.waarschuwingen`)."""
    datum = f["_peildatum_cat"]
    teksten = [waarschuwing_voor(pd.Timestamp(d), t) for d in datum.categories]
    categorieen = list(dict.fromkeys([""] + teksten))
    per_datum = np.array([categorieen.index(x) for x in teksten] + [0], dtype=np.int64)  # code -1 (no date): ''
    f["_waarschuwing_tarieven"] = categorisch(per_datum[datum.codes], categorieen)  # joined into ``waarschuwing``
    # with the local taxes' note by :func:`woonlasten.regels.lokale_lasten.waarschuwingen`


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """The note on the dates as the first line of the explanation (none when the tables cover the date; the local
    taxes' note has its own line there)."""
    return [item("Tarieven", rij["_waarschuwing_tarieven"], None)] if rij["_waarschuwing_tarieven"] else []


VOLGORDE = 5  # first in the explanation: it qualifies every amount after it

REGELS = (
    Regel("gegevensdekking", gegevensdekking, leest=("_peildatum_cat",), schrijft=("_waarschuwing_tarieven",),
          tabellen=JAARLIJKS, uitleg=uitleg),
)
