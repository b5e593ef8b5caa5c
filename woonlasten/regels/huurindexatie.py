"""The yearly rent increase on 1 July, for the path over the years (:mod:`woonlasten.jaren`): the legal maximum for
sociale huur of each year (``tariffs/huurverhoging_jaarlijks.csv``), or the corporation's own percentage. A year
without a published maximum takes a stated assumption (the last known maximum, or the percentage the user gives),
never a silent extrapolation. Amounts in € per month.

Not modelled (said in the path's notes): the income-dependent extra increase (€ 50 / € 100 for higher incomes) and
the dwelling's maximum rent (WWS) as a cap on the increase.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from woonlasten.data import DataFout, Tabellen, zoek
from woonlasten.formatteer import centen, euro, getal

TABEL = "tariffs/huurverhoging_jaarlijks"
MAX_PCT = "max_pct"  # the maximum increase [% of the kale huur]
GRENS_LAGE_HUUR = "grens_huur_onder"  # a kale huur below this [€/maand] may rise by at least a fixed amount
BEDRAG_LAGE_HUUR = "min_bedrag_huur_onder"  # that fixed amount [€/maand]


@dataclass(frozen=True)
class Huurstap:
    """The rule of one 1 July: the percentage, the fixed amount for a low rent (if any), where it comes from."""

    juli: pd.Timestamp
    pct: float
    grens: float  # NaN: no low-rent rule
    bedrag: float
    herkomst: str  # "maximum" (the published legal maximum), "aanname" (assumed for an unpublished year), "beleid"
    bron: str

    def omschrijving(self) -> str:
        """'1 juli 2026: 4,1 % (wettelijk maximum; bij een kale huur onder € 350,00: € 25,00)'."""
        wat = {"maximum": "wettelijk maximum", "aanname": "aanname: nog niet bekendgemaakt",
               "beleid": "eigen beleid"}[self.herkomst]
        laag = "" if np.isnan(self.grens) or not self.grens or not self.bedrag else \
            f"; een kale huur onder {euro(self.grens)} mag {euro(self.bedrag)} omhoog"
        return f"1 juli {self.juli.year}: {getal(self.pct, 1)} % ({wat}{laag})"


def _regel(t: Tabellen, juli: pd.Timestamp, naam: str) -> tuple[float, str]:
    """A rule's value on ``juli`` and its source; NaN and '' when no row is valid then."""
    r = zoek(t[TABEL], juli, {"regel": naam}, ["waarde", "bron"], n=1)
    if int(np.asarray(r["_rij"]).ravel()[0]) < 0:
        return float("nan"), ""
    waarde = float(np.asarray(r["waarde"], dtype=float).ravel()[0])
    return waarde, str(np.asarray(r["bron"], dtype=object).ravel()[0])


def eerste_jaar(t: Tabellen) -> int:
    """The year of the first 1 July with a published maximum: a rent cannot be moved across an earlier one."""
    frame = t[TABEL].frame
    return int(pd.Timestamp(frame.loc[frame["regel"] == MAX_PCT, "geldig_vanaf"].min()).year)


def laatste_maximum(t: Tabellen) -> Huurstap:
    """The last published maximum (the one an unpublished year is assumed to repeat)."""
    frame = t[TABEL].frame
    rijen = frame[frame["regel"] == MAX_PCT]
    if rijen.empty:
        raise DataFout(f"{TABEL}.csv: geen regel {MAX_PCT}")
    laatste = pd.Timestamp(rijen["geldig_vanaf"].max())
    return stap(t, laatste, "maximum")


def stap(t: Tabellen, juli: pd.Timestamp, beleid: str = "maximum", pct: float | None = None,
         aanname_pct: float | None = None) -> Huurstap:
    """The increase on ``juli`` (a 1 July). ``beleid`` "maximum": the legal maximum of that date, or for a year
    without a published maximum ``aanname_pct`` (None: the last published maximum, repeated); "percentage": ``pct``
    every year."""
    if beleid == "percentage":
        if pct is None:
            raise ValueError("huurbeleid percentage zonder percentage")
        return Huurstap(juli, float(pct), float("nan"), 0.0, "beleid", "opgegeven huurbeleid")
    waarde, bron = _regel(t, juli, MAX_PCT)
    if np.isnan(waarde):
        if juli < pd.Timestamp(t[TABEL].frame["geldig_vanaf"].min()):
            raise DataFout(f"{TABEL}.csv: geen maximale huurverhoging op {juli.date()}")
        vorige = laatste_maximum(t)
        if aanname_pct is None:
            return Huurstap(juli, vorige.pct, vorige.grens, vorige.bedrag, "aanname",
                            f"aanname: het laatst bekende maximum ({vorige.juli.year}) herhaald")
        return Huurstap(juli, float(aanname_pct), float("nan"), 0.0, "aanname", "aanname: opgegeven percentage")
    grens, _ = _regel(t, juli, GRENS_LAGE_HUUR)
    bedrag, _ = _regel(t, juli, BEDRAG_LAGE_HUUR)
    return Huurstap(juli, waarde, grens, 0.0 if np.isnan(bedrag) else bedrag, "maximum", bron)


def verhoog(huur: np.ndarray, s: Huurstap) -> np.ndarray:
    """The kale huur after the step [€/maand], in cents as a rent is charged: + pct %, and where the rent is below
    the low-rent limit at least + the fixed amount; no rent (an owner) stays 0."""
    laag = (huur < s.grens) & (huur > 0) if not np.isnan(s.grens) else np.zeros(np.shape(huur), dtype=bool)
    procent = huur * (1 + s.pct / 100)
    return centen(np.where(laag, np.maximum(procent, huur + s.bedrag), procent))


def verlaag(huur: np.ndarray, s: Huurstap) -> np.ndarray:
    """The inverse of :func:`verhoog`: the kale huur before the step (in cents; one cent may differ from the rent
    that was really charged)."""
    terug_laag = huur - s.bedrag
    laag = (terug_laag < s.grens) & (terug_laag > 0) & (terug_laag * s.pct / 100 <= s.bedrag) \
        if not np.isnan(s.grens) else np.zeros(np.shape(huur), dtype=bool)
    return centen(np.where(laag, terug_laag, huur / (1 + s.pct / 100)))


def _juli_jaren(datum, eerste: bool) -> np.ndarray | int:
    """Per date the year of the first 1 July after it (``eerste``: a rent valid on that date has not had that step)
    or of the last 1 July on or before it (the steps a rent valid on that date has had); an int for one date."""
    if np.ndim(datum) == 0:
        d = pd.Timestamp(datum)
        na_juli = (d.month, d.day) >= (7, 1)
        return d.year + int(na_juli) if eerste else d.year - int(not na_juli)
    d = pd.DatetimeIndex(np.asarray(datum, dtype="datetime64[ns]"))
    na_juli = np.asarray(d.month >= 7)  # on or after 1 July
    jaar = np.asarray(d.year)
    return jaar + na_juli if eerste else jaar - ~na_juli


def juli_jaren(datum, eerste: bool):
    """:func:`_juli_jaren` once for many calls of :func:`indexeer_jaren` (a rent valid on a date has had the steps
    up to the last 1 July on or before it): one int where every date gives the same."""
    uit = _juli_jaren(datum, eerste)
    if np.ndim(uit) and len(uit) and (uit == uit[0]).all():
        return int(uit[0])
    return uit


def indexeer_jaren(huur: np.ndarray, eerste, laatste, stappen: dict[int, Huurstap]) -> np.ndarray:
    """The rent [€/maand] moved over the 1 July steps: a rent that has not had the step of year ``eerste`` is
    brought to the rent after the step of year ``laatste`` (each an int, or one per row; :func:`juli_jaren` of the
    dates): forward every step in [eerste, laatste], backward every step in (laatste, eerste)."""
    uit = np.asarray(huur, dtype=float).copy()
    jaren = sorted(stappen)
    for jaar in jaren:  # forward, oldest first
        m = (eerste <= jaar) & (jaar <= laatste)
        if np.ndim(m) == 0:
            if m:
                uit = verhoog(uit, stappen[jaar])
        elif m.any():
            uit[m] = verhoog(uit[m], stappen[jaar])
    for jaar in reversed(jaren):  # backward, newest first
        m = (laatste < jaar) & (jaar < eerste)
        if np.ndim(m) == 0:
            if m:
                uit = verlaag(uit, stappen[jaar])
        elif m.any():
            uit[m] = verlaag(uit[m], stappen[jaar])
    return uit
