"""Woonlasten over the years: a path from a start year to an end year through the one calculation path.

A year is a date: each year is computed as two half-years, on 1 January and on 1 July (the rent rises on 1 July,
most tariffs change on 1 January), each through :func:`woonlasten.bereken.bereken_kolommen` for all rows at once.
The year's amount per month is the average of its two halves. Per half-year:

- the kale huur is the given rent (valid on the row's peildatum) moved over every 1 July in between by the rent
  policy (:mod:`woonlasten.regels.huurindexatie`);
- the upgrade is in place for the months from its completion (``gereed_jaar``, ``gereed_maand``; empty: the path's
  first month): "met" = voor + (na − voor) × the share of the half-year's months after completion;
- the upgrade's own rent increase and an owner's loan are fixed at completion (computed once on the completion date)
  and then follow: the rent increase rises with the yearly steps, the loan's monthly payment runs for its term;
- tariffs, local taxes, huurtoeslag and saldering are those of the half-year's date; for a year the tables do not
  know yet the core carries the last known figures on, and the path says so per year; optionally the energy and
  local-tax amounts of such years are raised by a chosen index per year.

Memory: one year at a time (two core runs of all rows); the caller writes or keeps each year's frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
import pandas as pd

from woonlasten.bereken import bereken_kolommen
from woonlasten.data.laden import Tabellen, laad_tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import getal
from woonlasten.modellen import RESULTAAT, Pad
from woonlasten.regels import gegevensdekking, huurindexatie
from woonlasten.regels.huurverhoging import huurregel
from woonlasten.rekenen.invoer import normaliseer
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR, Fouten, is_gelijk

HALFJAAR = 6  # months per computed half-year
ZON_LOOPTIJD = "zonnepanelen_servicekosten_looptijd_jaar"  # the term of the solar panels' fee (huurregels.csv)
GRENZEN = "tariffs/huurgrenzen"
BOVEN_GRENS = ("kale huur boven de liberalisatiegrens: het pad volgt het wettelijk maximum voor sociale huur; kies "
               "zo nodig een eigen percentage (huurbeleid)")
# the parts whose amounts an index for unknown years raises (energy prices and local taxes)
GEINDEXEERD = tuple(f"{d.naam}_{o.naam}" for d in RESULTAAT if d.naam in ("energie", "lokale_lasten")
                    for o in d.onderdelen)


# always computed: the totals (the verdict), the parts an index raises, and the rent parts a half-year recomputes
VASTE_DELEN = ("totaal", "totaal_netto", "huur_totaal", "huur_netto", "huur_huurtoeslag", "energie_totaal",
               "lokale_lasten_totaal")
HUUR_DELEN = tuple(f"huur_{o.naam}" for d in RESULTAAT if d.naam == "huur" for o in d.onderdelen)
# besides the parts: what a rent-only run gives (EXTRA_HUUR) and what only a full run gives
EXTRA_HUUR = ["voor_huurtoeslag_berekend", "na_huurtoeslag_berekend", "status", "melding"]
EXTRA = ["na_financiering_lening", *EXTRA_HUUR, "_waarschuwing_lokale_lasten"]


def vingerafdruk(t: Tabellen, datum: pd.Timestamp) -> tuple:
    """Which row of every dated table the core uses on ``datum`` (the path's own rent-step table left out): two
    dates with the same fingerprint give the same amounts for the same input."""
    return tuple((naam, tuple(tabel.geldig_op(datum)["_rij"])) for naam, tabel in sorted(t.tabellen.items())
                 if tabel.gedateerd and naam != huurindexatie.TABEL)


def _halfjaar(frame: pd.DataFrame, datum: pd.Timestamp, delen: tuple[str, ...], t: Tabellen,
              eerder: dict[tuple, dict]) -> dict:
    """The core's columns for one half-year (all rows on ``datum``, the rent of that half-year).

    A half-year whose tables are those of a half-year already computed (the second half of most years; every year
    beyond the tables) differs from it only by the rent: the core then computes the rent parts only (the same rules,
    fewer columns) and the other parts are taken from the earlier run. The totals follow from the change of the
    rent parts, which are part of them. ``eerder`` keeps the full runs by :func:`vingerafdruk`."""
    sleutel = vingerafdruk(t, datum)
    basis = eerder.get(sleutel)
    if basis is None:
        r = bereken_kolommen(frame, t, uitvoer=uitvoer_delen(delen) + EXTRA, zonder_ingreep="gelijk")
        uit = {k: r[k] for k in uitvoer_delen(delen) + EXTRA}
        eerder[sleutel] = uit
        return uit
    huur = [d for d in delen if d in HUUR_DELEN]
    r = bereken_kolommen(frame, t, uitvoer=uitvoer_delen(tuple(huur)) + EXTRA_HUUR, zonder_ingreep="gelijk",
                         alleen_nodig=True)
    uit = dict(basis)
    for s in ("voor", "na"):
        for d in huur:
            uit[f"{s}_{d}"] = r[f"{s}_{d}"]
        uit[f"{s}_totaal"] = basis[f"{s}_totaal"] + (r[f"{s}_huur_totaal"] - basis[f"{s}_huur_totaal"])
        uit[f"{s}_totaal_netto"] = basis[f"{s}_totaal_netto"] + (r[f"{s}_huur_netto"] - basis[f"{s}_huur_netto"])
    for k in ("voor_huurtoeslag_berekend", "na_huurtoeslag_berekend"):
        uit[k] = r[k]
    fout = (np.asarray(basis["status"]) == "fout") | (np.asarray(r["status"]) == "fout")
    uit["status"] = np.where(fout, "fout", "ok")
    uit["melding"] = np.where(np.asarray(basis["status"]) == "fout", np.asarray(basis["melding"], dtype=object),
                              np.asarray(r["melding"], dtype=object))
    return uit


@dataclass
class PadJaar:
    """One year of the path: ``kolommen`` per row (arrays) ``zonder_<deel>``, ``met_<deel>``, ``verschil_<deel>``
    [€/maand, average over the year], ``maanden_met_ingreep``, ``kale_huur_januari``/``kale_huur_juli`` [€/maand],
    ``huurtoeslag_bekend``, ``status``, ``melding``; ``notities``: what holds for every row of this year (rent step,
    tariff assumptions). The columns stay arrays: a portfolio interleaves them, a frame would copy them once more."""

    jaar: int
    kolommen: dict[str, np.ndarray]
    notities: list[str] = field(default_factory=list)
    huurstap: huurindexatie.Huurstap | None = None
    tarieven_aanname: bool = False


def _maand(jaar: np.ndarray, maand: np.ndarray) -> np.ndarray:
    """Months since year 0 (a count to compare and subtract)."""
    return jaar.astype(np.int64) * MAANDEN_PER_JAAR + maand.astype(np.int64) - 1


def _overlap(begin: int, eind: int, van: np.ndarray, tot: np.ndarray) -> np.ndarray:
    """Number of months of [begin, eind) inside [van, tot) per row."""
    return np.clip(np.minimum(eind, tot) - np.maximum(begin, van), 0, None)


def laatst_volledig_jaar(t: Tabellen) -> int:
    """The last year for which every yearly table has figures (later years carry some figures on)."""
    return min(gegevensdekking._periode(t[naam])[1] for naam in gegevensdekking.JAARLIJKS)


def laatste_tariefjaar(t: Tabellen) -> int:
    """The last year for which any yearly table has figures: after it nothing is known (an index starts there)."""
    return max(gegevensdekking._periode(t[naam])[1] for naam in gegevensdekking.JAARLIJKS)


def uitvoer_delen(delen: tuple[str, ...]) -> list[str]:
    return [f"{s}_{d}" for s in ("voor", "na") for d in delen]


def bereken_pad(invoer: pd.DataFrame, pad: Pad, delen: tuple[str, ...], tabellen: Tabellen | None = None
                ) -> Iterator[PadJaar]:
    """The path of every row of ``invoer`` (the flat input frame of :func:`woonlasten.bereken.bereken_frame`),
    year by year from ``pad.begin`` to ``pad.eind``; ``delen``: the result parts to give (e.g. ``totaal``,
    ``huur_totaal``), always with ``totaal``."""
    t = tabellen or laad_tabellen()
    if not invoer.index.is_unique:
        invoer = invoer.reset_index(drop=True)
    delen = tuple(dict.fromkeys(VASTE_DELEN + tuple(delen)))
    n = len(invoer)
    fouten0 = Fouten(n)
    f0 = normaliseer(invoer, fouten0)  # the typed peildatum, rent, completion of each row
    peildatum = np.asarray(f0["peildatum"], dtype="datetime64[ns]")
    kale_huur = np.nan_to_num(np.asarray(f0["kale_huur"], dtype=float))
    gegeven_verhoging = np.asarray(f0["huurverhoging"], dtype=float)
    gereed_jaar = np.where(np.isnan(f0["gereed_jaar"]), pad.begin, f0["gereed_jaar"])
    gereed_maand = np.where(np.isnan(f0["gereed_maand"]), 1, f0["gereed_maand"])
    gereed = _maand(gereed_jaar, gereed_maand)
    gereed_datum = pd.to_datetime(pd.DataFrame({"year": gereed_jaar.astype(int), "month": gereed_maand.astype(int),
                                                "day": 1})).to_numpy(dtype="datetime64[ns]")

    # a completion after the path changes nothing in it: computed on the path's last month (its months count 0)
    laatste_maand = np.datetime64(f"{pad.eind}-12-01", "ns")
    gereed_datum = np.minimum(gereed_datum, laatste_maand)
    eerste_p = huurindexatie.juli_jaren(peildatum, eerste=True)  # the first 1 July after each row's peildatum
    eerste_g = huurindexatie.juli_jaren(gereed_datum, eerste=True)
    # the rent steps from the first table year on: a rent or completion before it cannot be moved (a row error)
    eerste_bekend = huurindexatie.eerste_jaar(t)
    te_vroeg_p = np.asarray(eerste_p < eerste_bekend) & ~np.isnat(peildatum)
    te_vroeg_g = np.asarray(eerste_g < eerste_bekend) & ~te_vroeg_p
    fouten0.zet(np.broadcast_to(te_vroeg_p, (n,)), f"peildatum: een pad over de jaren kan de huur niet terugrekenen "
                f"naar vóór 1 juli {eerste_bekend} (de huurverhoging van eerdere jaren staat niet in "
                f"{huurindexatie.TABEL}.csv); kies een peildatum vanaf 1-7-{eerste_bekend - 1}")
    fouten0.zet(np.broadcast_to(te_vroeg_g, (n,)), f"gereed_jaar: de ingreep is klaar vóór 1 juli {eerste_bekend}; "
                "een pad over de jaren kan de huur van toen niet berekenen (de huurverhoging van eerdere jaren is "
                "niet bekend)")
    laatste_jaar = max(pad.eind, int(np.nanmax(np.where(np.isnat(peildatum), pad.eind,
                                                        pd.DatetimeIndex(peildatum).year))) if n else pad.eind)
    stappen = {jaar: huurindexatie.stap(t, pd.Timestamp(jaar, 7, 1), pad.huurbeleid, pad.huurverhoging_pct,
                                        pad.aanname_huurverhoging_pct)
               for jaar in range(eerste_bekend, laatste_jaar + 1)}

    # the completion: the upgrade's rent increase and the owner's loan, fixed on the completion date
    huur_gereed = huurindexatie.indexeer_jaren(kale_huur, eerste_p, huurindexatie.juli_jaren(gereed_datum, False),
                                               stappen)
    bij_gereed = invoer.copy(deep=False)
    bij_gereed["peildatum"], bij_gereed["kale_huur"] = gereed_datum, huur_gereed
    g = bereken_kolommen(bij_gereed, t, uitvoer=["na_huur_huurverhoging", "na_financiering_lening",
                                                 "looptijd_lening_jaar", "zon_servicekosten", "status", "melding"],
                         zonder_ingreep="gelijk", alleen_nodig=True)
    verhoging_gereed = np.where(np.isnan(gegeven_verhoging), np.nan_to_num(g["na_huur_huurverhoging"]),
                                gegeven_verhoging)
    lening_gereed = np.nan_to_num(g["na_financiering_lening"])
    looptijd_maanden = np.nan_to_num(np.asarray(g["looptijd_lening_jaar"], dtype=float)) * MAANDEN_PER_JAAR
    # the solar panels' fee in the servicekosten runs for its term from completion (tariffs/huurregels.csv)
    zon = np.nan_to_num(np.asarray(g["zon_servicekosten"], dtype=float))
    zon_looptijd = huurregel(t, pd.Timestamp(pad.begin, 1, 1), ZON_LOOPTIJD, 1)[0]
    zon_maanden = np.int64(zon_looptijd * MAANDEN_PER_JAAR) if np.isfinite(zon_looptijd) else np.iinfo(np.int64).max // 4
    huurder = is_gelijk(f0["rol"], "huurder")
    huurder_met_inkomen = huurder & ~np.isnan(np.asarray(f0["inkomen_jaar"], float))
    # the legal maximum is the one for social rent: a rent above the liberalisation limit follows other rules
    grens = zoek(t[GRENZEN], f0["_peildatum_cat"], None, ["maximale_huurgrens"], n=n)["maximale_huurgrens"]
    boven_grens = huurder & (kale_huur > np.nan_to_num(grens, nan=np.inf)) if pad.huurbeleid == "maximum" \
        else np.zeros(n, dtype=bool)
    fout_gereed = np.asarray(g["status"]) == "fout"
    fout_vooraf = fouten0.fout | fout_gereed
    # an error at completion says so: it is not the peildatum the user gave
    bij = np.array([f"bij de oplevering ({str(d)[5:7]}-{str(d)[:4]}): " for d in gereed_datum.astype("datetime64[M]")],
                   dtype=object) if fout_gereed.any() else ""
    melding_vooraf = np.where(fouten0.fout, fouten0.meldingen(), bij + np.asarray(g["melding"], dtype=object))

    volledig = laatst_volledig_jaar(t)
    bekend_tot = laatste_tariefjaar(t)
    eerder: dict[tuple, dict] = {}  # the full runs so far, by the table rows of their date
    huur_na: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # rent and upgrade increase after the steps to 1 July
    for jaar in range(pad.begin, pad.eind + 1):
        helften = []
        notities: list[str] = []
        for h in (0, 1):
            datum = pd.Timestamp(jaar, 1 + HALFJAAR * h, 1)
            begin = jaar * MAANDEN_PER_JAAR + HALFJAAR * h
            laatste = huurindexatie.juli_jaren(datum, eerste=False)
            if laatste not in huur_na:  # 1 January and the 1 July before it: the same steps
                # the upgrade's increase is part of the kale huur from completion on: it rises with it
                huur_na[laatste] = (
                    huurindexatie.indexeer_jaren(kale_huur, eerste_p, laatste, stappen),
                    huurindexatie.indexeer_jaren(huur_gereed + verhoging_gereed, eerste_g, laatste, stappen)
                    - huurindexatie.indexeer_jaren(huur_gereed, eerste_g, laatste, stappen))
            huur_h, verhoging_h = huur_na[laatste]
            frame_h = invoer.copy(deep=False)  # the input's columns shared, three replaced
            frame_h["peildatum"] = pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[datum])
            frame_h["kale_huur"] = huur_h
            frame_h["huurverhoging"] = verhoging_h
            r = _halfjaar(frame_h, datum, delen, t, eerder)
            w = _overlap(begin, begin + HALFJAAR, gereed, np.full(n, np.iinfo(np.int64).max // 2)) / HALFJAAR
            w_lening = _overlap(begin, begin + HALFJAAR, gereed, gereed + looptijd_maanden.astype(np.int64)) / HALFJAAR
            uit = {}
            for d in delen:
                voor, na = np.asarray(r[f"voor_{d}"], dtype=float), np.asarray(r[f"na_{d}"], dtype=float)
                uit[f"zonder_{d}"] = voor
                uit[f"met_{d}"] = voor + (na - voor) * w
            # the loan: the payment fixed at completion, for the months of its term (not the row's own date's loan)
            correctie = lening_gereed * w_lening - np.nan_to_num(np.asarray(r["na_financiering_lening"], float)) * w
            for d in ("financiering_lening", "financiering_totaal", "totaal", "totaal_netto"):
                if f"met_{d}" in uit:
                    uit[f"met_{d}"] = uit[f"met_{d}"] + correctie
            if zon.any():  # after its term the panels' fee is no longer in the servicekosten
                w_zon = _overlap(begin, begin + HALFJAAR, gereed, gereed + zon_maanden) / HALFJAAR
                minder = zon * (w - w_zon)
                for d in ("huur_servicekosten", "huur_totaal", "huur_netto", "totaal", "totaal_netto"):
                    if f"met_{d}" in uit:
                        uit[f"met_{d}"] = uit[f"met_{d}"] - minder
            uit["_maanden"] = w * HALFJAAR
            uit["_kale_huur"] = huur_h
            # huurtoeslag not computed for a tenant with an income: its parameters of this date are unknown
            uit["_huurtoeslag_onbekend"] = huurder_met_inkomen & ~np.asarray(r["voor_huurtoeslag_berekend"], bool)
            uit["_fout"] = np.asarray(r["status"]) == "fout"
            uit["_melding"] = np.asarray(r["melding"], dtype=object)
            uit["_let_op"] = r["_waarschuwing_lokale_lasten"]
            helften.append(uit)
            notitie = gegevensdekking.waarschuwing_voor(datum, t)
            if notitie and notitie not in notities:
                notities.append(notitie)
        stap = stappen[jaar]
        a, b = helften
        frame = {"jaar": np.full(n, jaar, dtype=np.int64)}
        index = 1.0
        if pad.index_onbekend_pct and jaar == pad.begin and pad.eind <= bekend_tot:
            notities.append(f"Let op: de gekozen index voor onbekende jaren verandert niets: elk jaar van het pad heeft "
                            f"bekende tarieven (de laatste zijn van {bekend_tot}).")
        if pad.index_onbekend_pct and jaar > bekend_tot:
            index = (1 + pad.index_onbekend_pct / 100) ** (jaar - bekend_tot)
            if jaar == max(pad.begin, bekend_tot + 1):  # said once, in the first year it applies
                notities.append(f"Aanname: energie en lokale lasten elk jaar {getal(pad.index_onbekend_pct, 1)} % "
                                f"hoger vanaf {jaar}, het eerste jaar waarvoor nog geen tarief bekend is.")
        for s in ("zonder", "met"):
            for d in delen:
                frame[f"{s}_{d}"] = (a[f"{s}_{d}"] + b[f"{s}_{d}"]) / 2
            if index != 1.0:
                extra = (index - 1) * sum(frame[f"{s}_{d}"] for d in ("energie_totaal", "lokale_lasten_totaal")
                                          if f"{s}_{d}" in frame)
                for d in delen:
                    if d in GEINDEXEERD:
                        frame[f"{s}_{d}"] = frame[f"{s}_{d}"] * index
                for d in ("totaal", "totaal_netto"):
                    if f"{s}_{d}" in frame:
                        frame[f"{s}_{d}"] = frame[f"{s}_{d}"] + extra
        for d in delen:
            frame[f"verschil_{d}"] = frame[f"met_{d}"] - frame[f"zonder_{d}"]
        frame["maanden_met_ingreep"] = (a["_maanden"] + b["_maanden"]).round().astype(np.int64)
        frame["kale_huur_januari"] = a["_kale_huur"]
        frame["kale_huur_juli"] = b["_kale_huur"]
        onbekend = a["_huurtoeslag_onbekend"] | b["_huurtoeslag_onbekend"]
        frame["huurtoeslag_bekend"] = ~onbekend
        if onbekend.any():
            notities.append(f"Let op: de regels van de huurtoeslag voor {jaar} zijn nog niet bekend; huurtoeslag en "
                            "woonlasten na huurtoeslag niet berekend.")
        if onbekend.any():
            for s in ("zonder", "met", "verschil"):  # no huurtoeslag of an unknown year passed off as € 0
                for d in ("huur_huurtoeslag", "huur_netto", "totaal_netto"):
                    if f"{s}_{d}" in frame:
                        frame[f"{s}_{d}"] = np.where(onbekend, np.nan, frame[f"{s}_{d}"])
        fout = fout_vooraf | a["_fout"] | b["_fout"]
        if fout.any():  # a row that cannot be computed: no amounts, its reason
            melding = np.where(fout_vooraf, melding_vooraf, np.where(a["_fout"], a["_melding"], b["_melding"]))
            for k in list(frame):
                if k.startswith(("zonder_", "met_", "verschil_")):
                    frame[k] = np.where(fout, np.nan, frame[k])
            frame["melding"] = np.where(fout, melding, np.asarray(a["_let_op"], dtype=object)).astype(object)
        else:  # an ok row keeps its warning (a rioolheffing that may be too high for a tenant), as on one date
            frame["melding"] = np.asarray(a["_let_op"], dtype=object)
        if boven_grens.any():
            m = boven_grens & ~fout
            frame["melding"] = frame["melding"].copy()
            frame["melding"][m] = [f"{x}; {BOVEN_GRENS}" if x else BOVEN_GRENS for x in frame["melding"][m]]
        frame["boven_liberalisatiegrens"] = boven_grens
        frame["maanden_met_ingreep"] = np.where(fout, 0, frame["maanden_met_ingreep"])
        frame["status"] = np.where(fout, "fout", "ok")
        notities.insert(0, f"Huur per {stap.omschrijving()}.")
        yield PadJaar(jaar, frame, notities, stap, tarieven_aanname=jaar > volledig)


def aannames(notities: dict[int, list[str]]) -> list[str]:
    """The notes of a path that state an assumption (a rent step or tariffs not yet known, an index), the same note
    of several years as one line naming the years ('Huur per 1 juli 2027-2030: …')."""
    per_tekst: dict[str, list[int]] = {}
    for jaar, regels in notities.items():
        for n in regels:
            if n.startswith(("Let op", "Aanname")) or "aanname" in n:
                per_tekst.setdefault(n.replace(str(jaar), "{jaren}"), []).append(jaar)
    return [tekst.replace("{jaren}", _jaren_tekst(jaren)) for tekst, jaren in per_tekst.items()]


def _jaren_tekst(jaren: list[int]) -> str:
    """'2027', '2028-2030' or '2027 en 2029' (runs of consecutive years joined by a dash)."""
    reeksen: list[list[int]] = []
    for j in sorted(jaren):
        if reeksen and j == reeksen[-1][-1] + 1:
            reeksen[-1].append(j)
        else:
            reeksen.append([j])
    delen = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in reeksen]
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
