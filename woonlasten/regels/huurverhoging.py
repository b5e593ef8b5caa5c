"""The rent increase of an upgrade, on columns: what the rules of the peildatum allow (the vergoedingentabel and the
rule rows), a given increase compared with it, and solar panels through the servicekosten. Huurtoeslag and the rent
information are in :mod:`.huurtoeslag` and :mod:`.huurinformatie`.

All rules are data (``tariffs/vergoedingentabel.csv``, ``huurregels.csv``, ``huurregel_teksten.csv``); this module
only applies them. Amounts in € per month.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from woonlasten.data import DataFout, Tabellen, categorisch, klasse, zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import Fouten, Rekenblad, is_gelijk

# Codes of the rent rule applied (column ``huurregel``) and of the comparison with a given increase (column
# ``huurverhoging_vergelijking``); the user's explanation of each code is data: tariffs/huurregel_teksten.csv.


def teksten(t: Tabellen, onderwerp: str) -> dict[int, str]:
    """The texts of ``onderwerp`` (``huurregel`` or ``vergelijking``) by code, from huurregel_teksten.csv."""
    def maak(frame: pd.DataFrame) -> dict[int, str]:
        rijen = frame[frame["onderwerp"] == onderwerp]
        return {int(c): ("" if tekst is None or pd.isna(tekst) else str(tekst))
                for c, tekst in zip(rijen["code"], rijen["tekst"], strict=True)}
    return t["tariffs/huurregel_teksten"].afgeleid(("teksten", onderwerp), maak)


def tekst(t: Tabellen, onderwerp: str, code: int) -> str:
    """The text of one code; a code without a row is a data error."""
    alle = teksten(t, onderwerp)
    if code not in alle:
        raise DataFout(f"huurregel_teksten.csv: geen tekst voor {onderwerp} {code}")
    return alle[code]


def huurregel(t: Tabellen, pd_, naam: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A numeric rule from huurregels.csv valid on each row's date: (value, source line); NaN and -1 on a date
    before the rule's first row."""
    r = zoek(t["tariffs/huurregels"], pd_, {"regel": naam}, ["waarde"], n=n)
    if np.ndim(r["waarde"]) == 0:  # one date: one value (the common case)
        return _getal(r["waarde"].item() if isinstance(r["waarde"], np.ndarray) else r["waarde"]), r["_rij"]
    waarde = pd.to_numeric(pd.Series(np.asarray(r["waarde"], dtype=object)), errors="coerce").to_numpy(float)
    return waarde, r["_rij"]


@functools.lru_cache(maxsize=1024)  # the few values of huurregels.csv, asked in every run of the core
def _getal(waarde) -> float:
    """A rule's value as a number; NaN when it is empty or not a number (the same conversion as for many dates)."""
    return float(pd.to_numeric(pd.Series([waarde], dtype=object), errors="coerce").iloc[0])


def _label(rang: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Rank (1 = best) → label Categorical over ``labels`` (ordered best first)."""
    code = np.where(np.isnan(rang), 0, rang).astype(np.int8)
    code -= 1
    return categorisch(code, labels)


def vergoeding_klasse(t: Tabellen, m2: np.ndarray) -> pd.Categorical:
    """The size class of ``m2`` on the limits of both parts of the vergoedingentabel together (a refinement of
    each part's own classes): rows in one class get the same table amounts."""
    tabel = t["tariffs/vergoedingentabel"]
    return klasse(m2, tabel.afgeleid("grenzen", lambda fr: np.sort(fr["oppervlakte_vanaf_m2"].unique())))


def _vergoeding(t: Tabellen, pd_, verhuring: str, m2: np.ndarray, label_voor, label_na, n: int) -> tuple:
    """Table amount [€/maand] for the label step, the size class of ``m2``; 0 where the label does not improve.
    Returns (amount, source line, table known on the date)."""
    tabel = t["tariffs/vergoedingentabel"]
    grenzen = tabel.afgeleid(("grenzen", verhuring), lambda fr: np.sort(
        fr.loc[fr["verhuring"] == verhuring, "oppervlakte_vanaf_m2"].unique()))
    r = zoek(tabel, pd_, {"verhuring": verhuring, "oppervlakte_vanaf_m2": klasse(m2, grenzen), "label_voor": label_voor,
                          "label_na": label_na}, ["vergoeding_maand"], n=n)
    bekend = zoek(tabel, pd_, {"verhuring": verhuring}, ["vergoeding_maand"], n=n)["_rij"] >= 0
    bedrag = r["vergoeding_maand"]
    return np.where(np.isnan(bedrag), 0.0, bedrag), r["_rij"], np.broadcast_to(bekend, (n,))


def huurverhoging(f, t: Tabellen, fouten=None) -> None:
    """The rent increase the rules allow [€/maand] (``huurverhoging_regels``), which rule (``huurregel``) and the
    solar-panel servicekosten [€/maand]. Reads only what is the same within a situation after the upgrade, a size
    class of the vergoedingentabel (:func:`vergoeding_klasse`), new letting or not, role and date: the core runs it
    once per such combination (``fouten`` unused: no rule here refuses a row). :func:`vergelijking` compares a given
    increase, per row."""
    n = f.n
    pd_ = f["_peildatum_cat"]
    labels = t["labels/labelklassen"].afgeleid("op_volgorde", lambda fr: tuple(fr.sort_values("volgorde")["energielabel"]))
    rang_voor, rang_na = f["_rang_voor"], f["_rang_na"]
    # solar panels go through the servicekosten, so their label steps do not also raise the rent
    rang_huur_na = np.minimum(rang_na + np.floor(f["stappen_zon"] + 1e-9), rang_voor)
    # the label without the installations: the target minus the installations' typical label steps; the rest of
    # the step is insulation (also when no measures are listed: the tenant-favourable reading)
    rang_isolatie = np.minimum(rang_huur_na + np.floor(f["stappen_installatie"] + 1e-9), rang_voor)
    label_voor = f["energielabel"]
    label_isolatie, label_huur_na = _label(rang_isolatie, labels), _label(rang_huur_na, labels)
    isolatie_mag, rij_iso = huurregel(t, pd_, "huurverhoging_isolatie_toegestaan", n)
    installatie_mag, rij_inst = huurregel(t, pd_, "huurverhoging_installatie_toegestaan", n)
    f["_rij_regel_isolatie"] = rij_iso
    f["_rij_regel_installatie"] = rij_inst
    # the lower limit of the row's size class stands for its area: every part of the table classes it the same
    klasse_ = f["_klasse_vergoeding"]
    m2 = np.asarray(klasse_.categories, dtype=float)[klasse_.codes]
    heel, rij_heel, bekend = _vergoeding(t, pd_, "zittend", m2, label_voor, label_huur_na, n)
    nul = (np.zeros(n), np.full(n, -1), np.zeros(n, dtype=bool))
    # the lookups below are skipped when no row needs them (a portfolio of insulation only, no new lettings)
    inst, rij_inst_t, _ = _vergoeding(t, pd_, "zittend", m2, label_isolatie, label_huur_na, n) \
        if (f["stappen_installatie"] >= 1).any() else nul
    nieuw_iso, rij_nieuw, bekend_nieuw = _vergoeding(t, pd_, "nieuw", m2, label_voor, label_isolatie, n) \
        if f["_nieuw"].any() else nul
    # both rules have rows from 2019-01-01 on; a date before that (no row) counts as insulation not allowed and
    # installations allowed (documented in tariffs/huur.md, huurregels.csv)
    isolatie_mag = np.broadcast_to(np.nan_to_num(isolatie_mag, nan=0.0) == 1, (n,))
    installatie_mag = np.broadcast_to(np.nan_to_num(installatie_mag, nan=1.0) == 1, (n,))
    nieuw = f["_nieuw"]
    huurder = f["_huurder"]
    ingreep = f["heeft_ingreep"] & huurder
    toegestaan = np.where(isolatie_mag, heel, np.where(installatie_mag, inst, 0.0))
    regel = np.where(isolatie_mag, 1, np.where(inst > 0, 3, 2))
    iets_nieuw = bool(nieuw.any())  # without new lettings the new-letting branches are skipped
    if iets_nieuw:
        toegestaan = np.where(nieuw, nieuw_iso + np.where(installatie_mag, inst, 0.0), toegestaan)
        regel = np.where(nieuw, 4, regel)
    geen_tabel = np.where(nieuw, ~bekend_nieuw, ~bekend) if iets_nieuw else ~bekend
    toegestaan = np.where(geen_tabel | ~ingreep, 0.0, toegestaan)
    regel = np.where(~ingreep, 0, np.where(geen_tabel, 5, regel))
    f["huurverhoging_regels"] = toegestaan
    f["huurverhoging_tabel_volledig"] = np.where(ingreep, np.where(nieuw, nieuw_iso + inst, heel) if iets_nieuw
                                                 else heel, 0.0)
    f["huurregel"] = regel
    rij_zittend = np.where(regel == 3, rij_inst_t, rij_heel)
    f["_rij_vergoedingentabel"] = np.where(nieuw, rij_nieuw, rij_zittend) if iets_nieuw else rij_zittend
    f["energielabel_isolatie"] = label_isolatie
    # solar panels in the servicekosten: a share of the investment per year (Huurcommissie)
    pct, rij_pct = huurregel(t, pd_, "zonnepanelen_servicekosten_pct_investering_jaar1_10", n)
    f["_rij_regel_zon"] = rij_pct
    f["zon_servicekosten"] = np.where(ingreep, f["zon_investering"] * np.nan_to_num(pct, nan=0.0) / 100 / 12, 0.0)


def vergelijking(f) -> None:
    """How a given rent increase compares with what the rules allow (``huurverhoging_vergelijking``, see
    the texts in huurregel_teksten.csv); 0 where none is given or there is no upgrade for a tenant."""
    gegeven = f["huurverhoging"]
    heeft = ~np.isnan(gegeven)
    if not heeft.any():
        f["huurverhoging_vergelijking"] = 0
        return
    toegestaan = f["huurverhoging_regels"]
    f["huurverhoging_vergelijking"] = np.where(
        ~heeft | ~(f["heeft_ingreep"] & f["_huurder"]), 0,
        np.where(np.abs(gegeven - toegestaan) < 0.005, 1, np.where(gegeven > toegestaan, 2, 3)))


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Rent-increase lines (tenants with an upgrade): the rule of the date, the vergoedingentabel, a given increase,
    solar panels."""
    uit: list[Toelichting] = []
    if rij["rol"] != "huurder" or not bool(rij["heeft_ingreep"]):
        return uit
    regel = tekst(t, "huurregel", int(rij["huurregel"]))
    vt = bronrij(t, "tariffs/vergoedingentabel", rij["_rij_vergoedingentabel"])
    tabel = f" Volgens deze regel: {euro(rij['huurverhoging_regels'])} per maand."
    regelrij = bronrij(t, "tariffs/huurregels", rij["_rij_regel_isolatie"])
    uit.append(item("Huur: regel van de peildatum", regel + tabel, regelrij, "tariffs/huurregels"))
    if vt is not None:
        toegepast = int(rij["huurregel"]) in (1, 3, 4)
        uit.append(item("Huur: vergoedingentabel" + ("" if toegepast else " (ter vergelijking, niet toegepast)"),
                         f"{euro(vt['vergoeding_maand'])} per maand voor "
                         f"{vt['label_voor']} → {vt['label_na']} ({vt['verhuring']}e huurder, klasse "
                         f"{vt['grootteklasse']}).", vt, "tariffs/vergoedingentabel"))
    if rij["huurverhoging_herkomst"] == "opgegeven":
        vergelijking = tekst(t, "vergelijking", int(rij["huurverhoging_vergelijking"]))
        uit.append(Toelichting(onderwerp="Huur: afgesproken huurverhoging",
                               tekst=f"Opgegeven huurverhoging {euro(rij['na_huur_huurverhoging'])} per maand: "
                                     f"{vergelijking} ({euro(rij['huurverhoging_regels'])})."))
    if rij["zon_servicekosten"] > 0:
        zon = bronrij(t, "tariffs/huurregels", rij["_rij_regel_zon"])
        uit.append(item("Huur: zonnepanelen in de servicekosten",
                         f"Investering {euro(rij['zon_investering'])} × {getal(zon['waarde'] if zon is not None else 0)}% "
                         f"per jaar ÷ 12 = {euro(rij['zon_servicekosten'])} per maand (jaar 1-10).", zon,
                         "tariffs/huurregels"))
    return uit


def huursleutels(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """What the rent rules depend on besides the situation after the upgrade: tenant or not (``_huurder``), the size
    class of the vergoedingentabel (``_klasse_vergoeding``) and a new letting (``_nieuw``)."""
    f["_huurder"] = is_gelijk(f["rol"], "huurder")
    f["_klasse_vergoeding"] = vergoeding_klasse(t, f["oppervlakte_m2"])
    f["_nieuw"] = f["nieuwe_verhuring"] == 1


def _vergelijking(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    vergelijking(f)


VOLGORDE = 50

REGELS = (
    Regel("huursleutels", huursleutels, leest=("rol", "oppervlakte_m2", "nieuwe_verhuring"),
          schrijft=("_huurder", "_klasse_vergoeding", "_nieuw"), tabellen=("tariffs/vergoedingentabel",)),
    Regel(
        "huurverhoging", huurverhoging,
        leest=("_peildatum_cat", "_rang_voor", "_rang_na", "stappen_zon", "stappen_installatie", "energielabel",
               "_klasse_vergoeding", "_nieuw", "_huurder", "heeft_ingreep", "zon_investering"),
        schrijft=("huurverhoging_regels", "huurverhoging_tabel_volledig", "huurregel", "_rij_vergoedingentabel",
                  "energielabel_isolatie", "_rij_regel_isolatie", "_rij_regel_installatie", "_rij_regel_zon",
                  "zon_servicekosten"),
        tabellen=("labels/labelklassen", "tariffs/huurregels", "tariffs/vergoedingentabel",
                  "tariffs/huurregel_teksten"),
        # the situation after the upgrade (_situatie) fixes the labels, steps and solar investment
        per_combinatie=("_situatie", "_klasse_vergoeding", "_nieuw", "rol", "_peildatum_cat"),
        uitleg=uitleg,
    ),
    Regel("vergelijking", _vergelijking, leest=("huurverhoging", "huurverhoging_regels", "heeft_ingreep", "_huurder"),
          schrijft=("huurverhoging_vergelijking",)),
)
