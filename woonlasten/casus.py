"""A single case through the one calculation path: :class:`Casus` → one-row frame → :class:`Resultaat`."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from woonlasten.bereken import bereken_frame
from woonlasten.data import Tabellen, laad_tabellen
from woonlasten.formatteer import afgerond, euro, getal
from woonlasten.jaren import BOVEN_GRENS, ZON_LOOPTIJD, aannames, bereken_pad
from woonlasten.modellen import (
    INVOERVELDEN,
    RESULTAAT,
    RESULTAAT_DELEN,
    Bandbreedte,
    Casus,
    Energiearmoede,
    EnergiearmoedeIndicator,
    Energiecoach,
    Financieringsresultaat,
    GedragMaatregel,
    Huurinformatie,
    Jaarpad,
    Maatregel,
    Pad,
    PadBedragen,
    PadJaarResultaat,
    Resultaat,
    VerbruikResultaat,
    Woonlasten,
)
from woonlasten.regels import energiearmoede as ea
from woonlasten.regels import energiecoach as coach
from woonlasten.regels.financiering import kasstroom
from woonlasten.regels.huurverhoging import huurregel, tekst
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR
from woonlasten.uitleg import toelichting

KASSTROOM_MAX_JAAR = 40  # horizon of the cumulative cash overview [jaar]


class InvoerFout(ValueError):
    """The case cannot be computed; the message is Dutch and names the field."""


def _maatregelen_tekst(maatregelen: list[Maatregel]) -> str:
    """The frame's text of the measures: ``naam[:hoeveelheid][:prijs_per_eenheid];…`` (read by the rules in
    :mod:`woonlasten.regels.ingreep`)."""
    return ";".join(
        m.naam + (f":{m.hoeveelheid:g}" if m.hoeveelheid is not None else (":" if m.prijs_per_eenheid else ""))
        + (f":{m.prijs_per_eenheid:g}" if m.prijs_per_eenheid is not None else "") for m in maatregelen)


def _naar_frame(waarde: Any, soort: str) -> Any:
    """A field's value as the frame's cell: a date as a Timestamp, yes/no as 0.0/1.0, the measures as text."""
    if soort == "datum":
        return pd.Timestamp(waarde)
    if soort == "vlag":
        return float(waarde)
    if isinstance(waarde, list):  # the measures (Maatregel), or names as text (gedrag)
        return ";".join(waarde) if all(isinstance(m, str) for m in waarde) else _maatregelen_tekst(waarde)
    return waarde


def casus_naar_rij(casus: Casus) -> dict[str, Any]:
    """The flat input row of the calculation frame for one case: every declared input field
    (:data:`~woonlasten.modellen.INVOERVELDEN`) under its column name. A field of an absent sub-model (no
    ``ingreep``) takes the field's default, or is left out (no ``financiering``: ``Groep(weglaten_als_leeg=True)``)."""
    rij: dict[str, Any] = {}
    for v in INVOERVELDEN:
        groep: Any = casus
        for deel in v.pad[:-1]:
            groep = getattr(groep, deel)
            if groep is None:
                break
        if groep is None:
            if v.weglaten_als_leeg:
                continue
            waarde = v.standaard
        else:
            waarde = getattr(groep, v.pad[-1])
        rij[v.kolom] = _naar_frame(waarde, v.soort)
    return rij


def bereken_casus_frame(casus: Casus, tabellen: Tabellen | None = None) -> pd.DataFrame:
    """The full one-row result frame of a case (all intermediate columns)."""
    return bereken_frame(pd.DataFrame([casus_naar_rij(casus)]), tabellen)


def bereken(casus: Casus | dict, tabellen: Tabellen | None = None) -> Resultaat:
    """Woonlasten before and after for one case [€/maand]; raises :class:`InvoerFout` when it cannot be computed."""
    if isinstance(casus, dict):
        casus = Casus.model_validate(casus)
    t = tabellen or laad_tabellen()
    rij = bereken_casus_frame(casus, t).iloc[0]
    if rij["status"] == "fout":
        raise InvoerFout(rij["melding"])
    return rij_naar_resultaat(rij, t)


def _c(x: float) -> float:
    """Round to cents, half away from zero (money is rounded only here, at the edge)."""
    return float(afgerond(x)) + 0.0


def _woonlasten(rij: pd.Series, s: str) -> Woonlasten:
    """One situation's amounts (``s``: voor, na or verschil) as the result model, part by declared part."""
    delen = {d.naam: {o.naam: _c(float(rij[f"{s}_{d.naam}_{o.naam}"])) for o in d.onderdelen} for d in RESULTAAT}
    return Woonlasten(**delen, totaal=_c(float(rij[f"{s}_totaal"])), totaal_netto=_c(float(rij[f"{s}_totaal_netto"])))


def _warmte_gj(rij: pd.Series, ingreep: bool) -> dict[str, float]:
    """``warmte_gj_voor`` and ``warmte_gj_na`` [GJ/jaar, one decimal] of a dwelling on a heat network before or after
    the ingreep; nothing otherwise (the result's fields stay empty)."""
    op_net = rij["verwarming"] == "warmtenet" or (ingreep and rij["verwarming_na"] == "warmtenet")
    if not op_net:
        return {}
    uit = {"warmte_gj_voor": round(float(rij["verbruik_warmte_gj_voor"]), 1)}
    if ingreep:
        uit["warmte_gj_na"] = round(float(rij["verbruik_warmte_gj_na"]), 1)
    return uit


def rij_naar_resultaat(rij: pd.Series, t: Tabellen) -> Resultaat:
    """The public result model of one computed row."""
    ingreep = bool(rij["heeft_ingreep"])
    return Resultaat(
        peildatum=rij["peildatum"].date(), gemeente=rij["gemeente"], rol=rij["rol"],
        voor=_woonlasten(rij, "voor"),
        na=_woonlasten(rij, "na") if ingreep else None,
        verschil=_woonlasten(rij, "verschil") if ingreep else None,
        verbruik=VerbruikResultaat(
            gas_m3_voor=round(float(rij["verbruik_gas_m3_voor"])),
            elektriciteit_kwh_voor=round(float(rij["verbruik_elektriciteit_kwh_voor"])),
            gas_m3_na=round(float(rij["verbruik_gas_m3_na"])) if ingreep else None,
            elektriciteit_kwh_na=round(float(rij["verbruik_elektriciteit_kwh_na"])) if ingreep else None,
            # heat [GJ/jaar] only for a dwelling on a heat network before or after (both then given, 0 where not)
            **_warmte_gj(rij, ingreep),
            herkomst=rij["verbruik_herkomst"], energielabel_voor=rij["energielabel"],
            energielabel_na=rij["energielabel_na"] if ingreep else None,
            verwarming_voor=rij["verwarming"], verwarming_na=rij["verwarming_na"] if ingreep else None,
        ),
        woonlastenneutraal=bool(rij["woonlastenneutraal"]) if ingreep else None,
        woonlastenneutraal_na_huurtoeslag=bool(rij["woonlastenneutraal_netto"]) if ingreep else None,
        bandbreedte=Bandbreedte(
            relatief=float(rij["bandbreedte_verbruik"]), verschil_totaal_laag=_c(float(rij["verschil_totaal_laag"])),
            verschil_totaal_hoog=_c(float(rij["verschil_totaal_hoog"])),
            oordeel_zeker=(rij["verschil_totaal_hoog"] <= 0.005) or (rij["verschil_totaal_laag"] > 0.005),
        ) if ingreep else None,
        huur_informatie=huur_informatie(rij, t) if rij["rol"] == "huurder" else None,
        financiering=financieringsresultaat(rij, t) if rij["rol"] == "eigenaar" and ingreep else None,
        toelichting=toelichting(rij, t),
        energiearmoede=energiearmoede(rij, t),
        energiecoach=energiecoach(rij, t),
    )


def financieringsresultaat(rij: pd.Series, t: Tabellen) -> Financieringsresultaat:
    """The owner's financing block of one computed row."""
    per_maatregel = []
    for naam in t["labels/maatregelen"].frame["maatregel"]:
        if f"investering_{naam}" in rij.index and rij[f"investering_{naam}"] > 0:
            per_maatregel.append({"maatregel": naam, "hoeveelheid": float(rij[f"maatregel_{naam}"]),
                                  "investering": _c(float(rij[f"investering_{naam}"])),
                                  "subsidie": _c(float(rij.get(f"subsidie_{naam}", 0.0) or 0.0))})
    looptijd = _getal_of_niets(rij["looptijd_lening_jaar"])
    lang = kasstroom(float(rij["netto_investering"]), float(rij["eigen_geld"]), float(rij["maandlast_lening"]),
                     looptijd or 0, float(rij["energiebesparing_maand"]), KASSTROOM_MAX_JAAR)
    positief = lang.loc[(lang["jaar"] > 0) & (lang["cumulatief"] >= 0), "jaar"]
    # the year the cumulative cash (own money, loan payments incl. interest, energy saving) turns positive
    terug_met_lening = int(positief.iloc[0]) if len(positief) else None
    jaren = max(int(looptijd or 0) + 2, (terug_met_lening or 0) + 3, 15)
    stroom = lang[lang["jaar"] <= min(jaren, KASSTROOM_MAX_JAAR)]
    return Financieringsresultaat(
        investering=_c(float(rij["investering_totaal"])), subsidie=_c(float(rij["subsidie"])),
        netto_investering=_c(float(rij["netto_investering"])), lening=_c(float(rij["lening"])),
        eigen_geld=_c(float(rij["eigen_geld"])), vorm=str(rij["financiering_vorm"]),
        rente_pct=_getal_of_niets(rij["rente_lening_pct"]), looptijd_jaar=looptijd,
        maandlast=_c(float(rij["maandlast_lening"])), energiebesparing_maand=_c(float(rij["energiebesparing_maand"])),
        netto_maandeffect=_c(float(rij["netto_maandeffect"])),
        terugverdientijd_jaar=None if pd.isna(rij["terugverdientijd_jaar"]) else round(float(rij["terugverdientijd_jaar"]), 1),
        terugverdiend_met_financiering_jaar=terug_met_lening,
        co2_besparing_kg=round(float(rij["co2_besparing_kg"])), label_voor=str(rij["energielabel"]),
        label_na=None if pd.isna(rij["energielabel_na"]) else str(rij["energielabel_na"]),
        extra_leenruimte=_getal_of_niets(rij["extra_leenruimte"]), boven_leenruimte=bool(rij["boven_leenruimte"]),
        per_maatregel=per_maatregel,
        kasstroom=[{"jaar": int(r.jaar), "cumulatief": _c(r.cumulatief)} for r in stroom.itertuples()],
    )


def _getal_of_niets(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def huur_informatie(rij: pd.Series, t: Tabellen) -> Huurinformatie:
    """The rent rules applied and the rent's place among the legal limits."""
    max_na = _getal_of_niets(rij["max_huur_na"])
    kale_na = float(rij["kale_huur"]) + float(rij["na_huur_huurverhoging"]) if bool(rij["heeft_ingreep"]) \
        else float(rij["kale_huur"])
    return Huurinformatie(
        huurverhoging_volgens_regels=_c(float(rij["huurverhoging_regels"])),
        huurverhoging_herkomst=str(rij["huurverhoging_herkomst"]),
        regel=tekst(t, "huurregel", int(rij["huurregel"])),
        vergelijking=tekst(t, "vergelijking", int(rij["huurverhoging_vergelijking"])) or None,
        zonnepanelen_servicekosten=_c(float(rij["zon_servicekosten"])),
        huurtoeslag_berekend=bool(rij["voor_huurtoeslag_berekend"]),
        huurklasse_voor=None if pd.isna(rij["huurklasse_voor"]) else str(rij["huurklasse_voor"]),
        huurklasse_na=None if pd.isna(rij["huurklasse_na"]) else str(rij["huurklasse_na"]),
        wws_energiepunten_voor=_getal_of_niets(rij["wws_energiepunten_voor"]),
        wws_energiepunten_na=_getal_of_niets(rij["wws_energiepunten_na"]),
        wws_punten_voor=_getal_of_niets(rij["wws_punten"]),
        wws_punten_na=_getal_of_niets(rij["wws_punten_na"]),
        maximale_huur_voor=_getal_of_niets(rij["max_huur_voor"]),
        maximale_huur_na=max_na,
        boven_maximale_huur=None if max_na is None else kale_na > max_na + 0.005,
        epv_maximum_maand=None if pd.isna(rij["epv_max_maand"]) else _c(float(rij["epv_max_maand"])),
    )


def _quote(x) -> float | None:
    return None if x is None or pd.isna(x) or not np.isfinite(x) else round(float(x), 4)


def energiearmoede(rij: pd.Series, t: Tabellen) -> Energiearmoede:
    """The energy-poverty block of one computed row (indicators None = onbekend, e.g. without income)."""
    ingreep = bool(rij["heeft_ingreep"])
    return Energiearmoede(
        inkomen_gestandaardiseerd=None if pd.isna(rij["inkomen_gestandaardiseerd"])
        else round(float(rij["inkomen_gestandaardiseerd"])),
        grens_laag_inkomen=_getal_of_niets(rij["ea_grens_laag_inkomen"]),
        laag_inkomen=ea.ja_nee(rij["laag_inkomen"]),
        energiequote_voor=_quote(rij["voor_energiequote"]),
        energiequote_na=_quote(rij["na_energiequote"]) if ingreep else None,
        lage_energiekwaliteit_voor=ea.ja_nee(rij["voor_lage_energiekwaliteit"]),
        lage_energiekwaliteit_na=ea.ja_nee(rij["na_lage_energiekwaliteit"]) if ingreep else None,
        indicatoren=[EnergiearmoedeIndicator(
            code=i["indicator"], naam=i["naam"], voor=ea.ja_nee(rij[f"voor_ea_{i['indicator'].lower()}"]),
            na=ea.ja_nee(rij[f"na_ea_{i['indicator'].lower()}"]) if ingreep else None, benadering=i["benadering"])
            for _, i in ea.indicatoren(t).iterrows()],
        energiearm_voor=ea.ja_nee(rij["voor_energiearm"]),
        energiearm_na=ea.ja_nee(rij["na_energiearm"]) if ingreep else None,
        veranderingen=ea.veranderingen(rij, t),
        betaalruimte_maand_voor=_bedrag(rij["voor_betaalruimte_maand"]),
        betaalruimte_maand_na=_bedrag(rij["na_betaalruimte_maand"]) if ingreep else None,
        betaalrisico_voor=_tekort(rij["voor_betaalruimte_maand"]),
        betaalrisico_na=_tekort(rij["na_betaalruimte_maand"]) if ingreep else None,
        minimum_overig_maand=_getal_of_niets(rij["br_minimum_overig"]),
        betaalrisico_reden=ea.betaalrisico_reden(rij),
    )


def _bedrag(x) -> float | None:
    """€/maand rounded to cents (half away from zero, like every amount); None when unknown."""
    return None if pd.isna(x) else _c(float(x))


def _tekort(x) -> bool | None:
    """A betaalrisico: short after rounding to cents; None when unknown."""
    return None if pd.isna(x) else _c(float(x)) < 0


def energiecoach(rij: pd.Series, t: Tabellen) -> Energiecoach:
    """The energiecoach's block of one computed row: every measure's saving, the chosen ones on top."""
    ingreep = bool(rij["heeft_ingreep"])
    keuze = coach.gekozen(rij["gedrag"])
    # the gas measures are computed for a gas boiler only: for another heating they would read as saving € 0
    alle = list(coach.maatregelen(t).itertuples())
    ketel = str(rij["verwarming"]) == coach.KETEL
    getoond = [m for m in alle if ketel or m.drager != coach.GAS]
    return Energiecoach(
        niet_berekend=[m.omschrijving for m in alle if m not in getoond],
        maatregelen=[GedragMaatregel(
            maatregel=m.maatregel, omschrijving=m.omschrijving, eenheid=coach.EENHEID[m.drager],
            besparing_per_jaar=round(float(rij[f"voor_gedrag_{m.maatregel}_eenheden"]), 1),
            besparing_euro_per_jaar=_c(float(rij[f"voor_gedrag_{m.maatregel}_jaar"])),
            besparing_euro_per_jaar_na=_c(float(rij[f"na_gedrag_{m.maatregel}_jaar"])) if ingreep else None,
            gekozen=m.maatregel in keuze) for m in getoond],
        gekozen_besparing_maand=_c(float(rij["voor_gedrag_gekozen_maand"])),
        gekozen_besparing_maand_na=_c(float(rij["na_gedrag_gekozen_maand"])) if ingreep else None,
        totaal_met_gedrag=_c(float(rij["voor_totaal"] - rij["voor_gedrag_gekozen_maand"])),
        totaal_met_gedrag_na=_c(float(rij["na_totaal"] - rij["na_gedrag_gekozen_maand"])) if ingreep else None,
        onbekend=[n for n in str(rij["_gedrag_onbekend"]).split(";") if n],
    )


def _wijzigdata_midden_in_halfjaar(t: Tabellen, begin: int, eind: int) -> list[str]:
    """The tables whose figures change on a date other than 1 January or 1 July within the path's years (the path
    computes each half-year on its first day, so such a change counts from the next half-year)."""
    uit = []
    for naam, tabel in t.tabellen.items():
        if not tabel.gedateerd:
            continue
        data = pd.to_datetime(tabel.frame["geldig_vanaf"]).drop_duplicates()
        in_pad = data.dt.year.between(begin, eind)
        op_halfjaar = (data.dt.day == 1) & data.dt.month.isin((1, 7))
        midden = data[in_pad & ~op_halfjaar]
        if len(midden):
            uit.append(f"{naam.split('/', 1)[1]} ({', '.join(d.strftime('%d-%m-%Y') for d in sorted(midden))})")
    return uit


def bereken_jaren(casus: Casus | dict, pad: Pad | dict, tabellen: Tabellen | None = None) -> Jaarpad:
    """Woonlasten per year without and with the upgrade, from ``pad.begin`` to ``pad.eind`` [€/maand]; through
    :func:`woonlasten.jaren.bereken_pad` (the one calculation path, one year at a time). Raises :class:`InvoerFout`
    when a year cannot be computed."""
    if isinstance(casus, dict):
        casus = Casus.model_validate(casus)
    if isinstance(pad, dict):
        pad = Pad.model_validate(pad)
    t = tabellen or laad_tabellen()
    jaren: list[PadJaarResultaat] = []
    notities: dict[int, list[str]] = {}
    boven_grens = False
    cumulatief = 0.0
    for pj in bereken_pad(pd.DataFrame([casus_naar_rij(casus)]), pad, RESULTAAT_DELEN, t):
        rij = {k: v[0] for k, v in pj.kolommen.items()}
        if rij["status"] == "fout":
            raise InvoerFout(f"{pj.jaar}: {rij['melding']}")
        cumulatief += float(rij["verschil_totaal"]) * MAANDEN_PER_JAAR
        bedragen = {s: PadBedragen(**{d: None if pd.isna(rij[f"{s}_{d}"]) else _c(float(rij[f"{s}_{d}"]))
                                      for d in RESULTAAT_DELEN}) for s in ("zonder", "met", "verschil")}
        # an owner pays no rent: the year's rent step is no note for them
        notities[pj.jaar] = [x for x in pj.notities if casus.rol == "huurder" or not x.startswith("Huur per")]
        stap = pj.huurstap
        jaren.append(PadJaarResultaat(
            jaar=pj.jaar, **bedragen, verschil_cumulatief=_c(cumulatief),
            maanden_met_ingreep=int(rij["maanden_met_ingreep"]), kale_huur_januari=_c(float(rij["kale_huur_januari"])),
            kale_huur_juli=_c(float(rij["kale_huur_juli"])), huurverhoging_juli_pct=stap.pct,
            huurverhoging_herkomst=stap.herkomst, huurtoeslag_bekend=bool(rij["huurtoeslag_bekend"]),
            tarieven_aanname=pj.tarieven_aanname, notities=notities[pj.jaar]))
        boven_grens = bool(rij["boven_liberalisatiegrens"])
    gemiddeld = sum(j.verschil.totaal for j in jaren) / len(jaren)  # every year has 12 months
    maanden = sum(j.maanden_met_ingreep for j in jaren)
    ingreep = casus.ingreep is not None
    gereed = None
    if ingreep:
        gereed = f"{casus.ingreep.gereed_jaar or pad.begin}-{casus.ingreep.gereed_maand or 1:02d}"
    toel = [
        f"De opgegeven kale huur ({euro(casus.huur.kale_huur)}) geldt op {casus.peildatum.strftime('%d-%m-%Y')}; "
        "elk jaar per 1 juli stijgt hij volgens het huurbeleid van het pad.",
        "Elk jaar telt als twee halve jaren: januari-juni met de tarieven van 1 januari, juli-december met die van "
        "1 juli en de verhoogde huur; het bedrag per maand is het gemiddelde.",
        "Servicekosten, inkomen, huishouden en verbruik blijven over de jaren gelijk; de huurtoeslag wordt elk jaar "
        "opnieuw berekend met de regels van dat jaar.",
        "Niet meegenomen: de inkomensafhankelijke huurverhoging en de maximale huur (WWS) als grens voor de "
        "jaarlijkse verhoging.",
    ]
    if ingreep:
        toel.append(f"De ingreep is klaar in {gereed}: daarvoor is 'met' gelijk aan 'zonder'. De huurverhoging en "
                    "een lening van de ingreep liggen vast bij de oplevering; de huurverhoging stijgt daarna mee "
                    "met de huur, de maandlast van de lening loopt over de looptijd.")
    if boven_grens:
        toel.append(f"Let op: {BOVEN_GRENS}.")
    if ingreep and any(m.naam == "zonnepanelen" for m in casus.ingreep.maatregelen) and casus.rol == "huurder":
        looptijd = huurregel(t, pd.Timestamp(pad.begin, 1, 1), ZON_LOOPTIJD, 1)[0]
        toel.append(f"De gebruiksvergoeding voor de zonnepanelen in de servicekosten loopt {getal(looptijd)} jaar vanaf "
                    "de oplevering (de levensduur waarmee de Huurcommissie rekent); daarna is aangenomen dat er geen "
                    "vergoeding meer is.")
    midden = _wijzigdata_midden_in_halfjaar(t, pad.begin, pad.eind)
    if midden:
        toel.append("Tarieven die midden in een halfjaar wijzigen, tellen vanaf het volgende halfjaar: "
                    + "; ".join(midden) + ".")
    return Jaarpad(
        pad=pad, peildatum=casus.peildatum, gemeente=casus.gemeente, rol=casus.rol, gereed=gereed, jaren=jaren,
        gemiddeld_verschil_maand=_c(gemiddeld), verschil_periode=_c(cumulatief),
        gemiddeld_verschil_na_oplevering=_c(cumulatief / maanden) if ingreep and maanden else None,
        woonlastenneutraal_gemiddeld=bool(afgerond(gemiddeld) <= 0) if ingreep else None,
        aannames=aannames(notities), toelichting=toel)
