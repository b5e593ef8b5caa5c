"""Shared by every page: cached tables, the sidebar (peildatum and gemeente), labelled inputs with bounds and Dutch
help texts, and the cached calculation of one case.

Widgets keep their value for the whole session (``persist_state="session"``), so an energiecoach can look up a
source on another page and come back to the same case.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
import typing
from collections import OrderedDict
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import BaseModel, ValidationError

from woonlasten import Casus, InvoerFout, bereken, bereken_frame, laad_tabellen
from woonlasten.casus import casus_naar_rij, rij_naar_resultaat
from woonlasten.data import Tabellen
from woonlasten.formatteer import getal
from woonlasten.getalinvoer import MAX_TEKENS, GetalFout, lees_datum, lees_getal
from woonlasten.meldingen import vertaal
from woonlasten.modellen import (
    ENERGIELABELS,
    GRENZEN,
    INVOERVELDEN,
    PAD_GRENZEN,
    PLAUSIBEL,
    VERWARMINGEN,
    WONINGTYPES,
    Huishouden,
    Ingreep,
    Resultaat,
)

BEWAAR = "session"  # persist_state of every widget

WONINGTYPE_NAMEN = {
    "appartement": "Appartement (laagbouw)",
    "appartement_hoogbouw": "Appartement (hoogbouw)",
    "tussenwoning": "Tussenwoning",
    "hoekwoning": "Hoekwoning",
    "twee-onder-een-kap": "Twee-onder-een-kap",
    "vrijstaand": "Vrijstaande woning",
}
VERWARMING_NAMEN = {
    "gasketel": "Cv-ketel op gas",
    "hybride_warmtepomp": "Hybride warmtepomp (met cv-ketel)",
    "warmtepomp": "Warmtepomp (zonder gas)",
    "warmtenet": "Warmtenet / stadsverwarming (zonder gas)",
}
MAATREGEL_NAMEN = {
    "spouwmuurisolatie": "Spouwmuurisolatie",
    "gevelisolatie": "Gevelisolatie (massieve muur)",
    "dakisolatie": "Dakisolatie",
    "vloerisolatie": "Vloerisolatie",
    "bodemisolatie": "Bodemisolatie (kruipruimte)",
    "hr_glas": "HR++-glas",
    "triple_glas": "Triple glas met nieuw kozijn",
    "kierdichting": "Kierdichting",
    "ventilatie": "Vraaggestuurde ventilatie",
    "zonnepanelen": "Zonnepanelen",
    "hybride_warmtepomp": "Hybride warmtepomp",
    "warmtepomp": "Warmtepomp (all-electric)",
    "warmtenet": "Aansluiting op het warmtenet",
}
EENHEID_NAMEN = {"m2": "m²", "paneel": "panelen", "toestel": "toestel", "woning": "woning"}

# Dutch labels of input fields the core may add later; unknown fields get a label made from their name.
EXTRA_LABELS = {
    "inkomen_jaar": "Verzamelinkomen van het huishouden per jaar (€, bruto)",
    "besteedbaar_inkomen_jaar": "Besteedbaar (netto) huishoudinkomen per jaar (€)",
    "aow": "Iemand in het huishouden heeft de AOW-leeftijd",
    "nieuwe_verhuring": "Nieuwe verhuring (na mutatie)",
    "epv_warmtevraag_kwh_m2": "Nul-op-de-meter: netto warmtevraag (kWh/m² per jaar)",
    "zon_eigen_verbruik_aandeel": "Zonnestroom zelf gebruikt (deel, 0 tot 1)",
    "terugleververgoeding_kwh": "Terugleververgoeding (€ per kWh, excl. btw)",
}
EXTRA_STAPPEN = {"inkomen_jaar": 1_000, "besteedbaar_inkomen_jaar": 1_000, "epv_warmtevraag_kwh_m2": 5,
                 "zon_eigen_verbruik_aandeel": 0.05, "terugleververgoeding_kwh": 0.01}


# ----------------------------------------------------------------------------------------------------------
# Data


@st.cache_resource(show_spinner=False)
def tabellen() -> Tabellen:
    """All data tables, loaded and validated once per server process."""
    return laad_tabellen()


@st.cache_resource(show_spinner=False)
def gemeenten() -> list[str]:
    """Every gemeente with municipal tax data, sorted."""
    return sorted(tabellen()["tariffs/gemeentelijke_belastingen"].frame["gemeente"].dropna().unique().tolist())


@st.cache_resource(show_spinner=False)
def maatregelen() -> pd.DataFrame:
    """The measures catalogue (``labels/maatregelen.csv``), indexed by ``maatregel``."""
    return tabellen()["labels/maatregelen"].frame.set_index("maatregel", drop=False)


@st.cache_resource(show_spinner=False)
def standaard_hoeveelheden() -> dict[tuple[str, str], float]:
    """Standard quantity per (maatregel, woningtype) from ``labels/maatregel_effect.csv``."""
    f = tabellen()["labels/maatregel_effect"].frame
    return {(m, w): float(q) for m, w, q in zip(f["maatregel"], f["woningtype"], f["standaard_hoeveelheid"],
                                                strict=True) if pd.notna(q)}


# Tables that every calculation needs on the peildatum; the peildatum may not lie before the first of them.
_DATUM_TABELLEN = ("tariffs/btw", "tariffs/energiebelasting", "tariffs/leveringstarieven", "tariffs/netbeheer",
                   "tariffs/gemeentelijke_belastingen")


@st.cache_resource(show_spinner=False)
def peildatum_grenzen() -> tuple[dt.date, dt.date]:
    """The first date for which every needed table has a row, and the last year a path over the years may reach:
    after the tables' last year the core carries their latest figures on and says so (the result shows it)."""
    t = tabellen()
    laag = max(t[n].frame["geldig_vanaf"].min() for n in _DATUM_TABELLEN)
    return laag.date(), dt.date(int(PAD_GRENZEN["eind"][1]), 12, 31)


def warmtefonds_inkomensgrens() -> float | None:
    """The Warmtefonds' income limit for a 0% loan on the peildatum [€/jaar] (tariffs/warmtefonds.csv), or None."""
    f = tabellen()["tariffs/warmtefonds"].frame
    datum = pd.Timestamp(peildatum())
    rij = f[(f["geldig_vanaf"] <= datum) & (f["geldig_tot"] >= datum)]
    return None if rij.empty or pd.isna(rij["inkomensgrens_nul_procent"].iloc[0]) \
        else float(rij["inkomensgrens_nul_procent"].iloc[0])


def standaard_gemeente() -> str:
    """Borne (the performance agreements this tool was built for) if the data has it, else the first gemeente."""
    lijst = gemeenten()
    return "Borne" if "Borne" in lijst else lijst[0]


def standaard_peildatum(vandaag: dt.date | None = None) -> dt.date:
    """Today if the data covers it, otherwise the nearest date that it does."""
    laag, hoog = peildatum_grenzen()
    vandaag = vandaag or dt.date.today()
    return min(max(vandaag, laag), hoog)


# ----------------------------------------------------------------------------------------------------------
# Sidebar


def zijbalk(*, met_gemeente: bool = True) -> None:
    """Peildatum and gemeente, shared by the pages (keys ``peildatum`` and ``gemeente``); ``met_gemeente=False`` for a
    page that takes its gemeenten elsewhere (the portfolio: per dwelling). Starts the run's list of inputs that
    cannot be read (:func:`invoer_klopt`)."""
    st.session_state[_FOUTEN] = []
    laag, hoog = peildatum_grenzen()
    lijst = gemeenten()
    with st.sidebar:
        # a text field, typed the Dutch way like the numbers (the date picker's calendar was English, and it
        # refused a date outside its bounds with an English message while the old result stayed)
        tekst = st.text_input(
            "Peildatum", value=f"{standaard_peildatum():%d-%m-%Y}", key="peildatum", placeholder="dd-mm-jjjj",
            persist_state=BEWAAR, max_chars=MAX_TEKENS, on_change=_datum_gelezen,
            help=(f"De datum waarop tarieven, belastingen en regels gelden; de bedragen zijn voor een jaar rond deze "
                  f"datum. Typ dag-maand-jaar, bijvoorbeeld {standaard_peildatum():%d-%m-%Y}. Toegestaan: "
                  f"{laag:%d-%m-%Y} tot {hoog:%d-%m-%Y} (daarvoor zijn gegevens)."))
        try:
            datum = lees_datum(tekst)
        except GetalFout as exc:
            datum = None
            _fout("Peildatum", str(exc))
        else:
            if datum is None:
                _fout("Peildatum", "vul een datum in (dd-mm-jjjj).")
            elif not laag <= datum <= hoog:
                _fout("Peildatum", f"voor {datum:%d-%m-%Y} zijn (nog) geen tarieven; kies een datum tussen "
                                   f"{laag:%d-%m-%Y} en {hoog:%d-%m-%Y}.")
        st.session_state[_DATUM] = datum
        if met_gemeente:
            st.selectbox(
                "Gemeente", lijst, index=lijst.index(standaard_gemeente()), key="gemeente",
                persist_state=BEWAAR,
                help="De gemeente van de woning: bepaalt afvalstoffenheffing, rioolheffing, OZB, het waterschap en "
                     "de netbeheerder. Typ om te zoeken.")
        st.caption("Alle bedragen in euro per maand, inclusief btw. Verbruik is een schatting op basis van het "
                   "energielabel, tenzij u het eigen verbruik invult.")


def _datum_gelezen() -> None:
    """On Enter: show the date as it was read (1-6-2025 → 01-06-2025)."""
    try:
        datum = lees_datum(st.session_state.get("peildatum"))
    except GetalFout:
        return
    if datum is not None:
        st.session_state["peildatum"] = f"{datum:%d-%m-%Y}"


def peildatum() -> dt.date:
    """The peildatum of this run as read from the sidebar (today's, or the nearest the data covers, when it could not
    be read: the pages then show no result, see :func:`invoer_klopt`)."""
    return st.session_state.get(_DATUM) or standaard_peildatum()


def gemeente() -> str:
    return st.session_state.get("gemeente") or standaard_gemeente()


# ----------------------------------------------------------------------------------------------------------
# Inputs

# The inputs of this run that could not be read: [(label, Dutch reason)], in session state (one list per session,
# started anew by zijbalk() on every run).
_FOUTEN = "_invoerfouten"
_DATUM = "_peildatum"  # the peildatum as read from the sidebar's field (a date), in session state
MAX_DECIMALEN = 6  # decimals a field shows at most


def _fout(label: str, reden: str) -> None:
    """Say at the field why its value is not used, and remember it for the result area."""
    st.error(f"{label}: {reden}", icon=":material/error:")
    st.session_state.setdefault(_FOUTEN, []).append((label, reden))


def invoer_klopt() -> bool:
    """Whether every input of this run could be read; if not, the result area says so (and the page shows no result:
    an old result next to a refused value would look like the answer to it)."""
    fouten = st.session_state.get(_FOUTEN) or []
    if not fouten:
        return True
    velden = ", ".join(dict.fromkeys(label.split(" (")[0] for label, _ in fouten))
    st.warning(f"**Nog geen uitkomst.** Deze invoer kan niet worden gelezen: {velden}. De uitkomst verschijnt zodra "
               "dat is verbeterd (de melding staat bij het veld).", icon=":material/edit_note:")
    return False


def _tekst(waarde: float | None, decimalen: int, duizendtallen: bool) -> str:
    """A value as the field shows it: Dutch notation (1.200,00), a year without a thousands dot; more decimals than
    ``decimalen`` when the value has them (a typed 0,085 stays 0,085, it is not rounded in the field)."""
    if waarde is None:
        return ""
    while decimalen < MAX_DECIMALEN and round(waarde, decimalen) != waarde:
        decimalen += 1
    tekst = getal(waarde, decimalen)
    return tekst if duizendtallen else tekst.replace(".", "")


def getalveld(label: str, veld: str, key: str, waarde: float | None, help: str, *, decimalen: int = 0,
              leeg: str | None = None, duizendtallen: bool = True, nul_plausibel: bool | None = None,
              grenzen: tuple[float, float] | None = None) -> float | int | None:
    """A number typed the Dutch way (``woonlasten.getalinvoer``: 1.200 is twelve hundred, 650,50 and 4,1 what they
    say), bounded by ``GRENZEN[veld]``; whole when ``decimalen`` is 0. After Enter the field shows the value as
    read (1.200,00). A value that cannot be read or lies outside the bounds gets a Dutch message at the field and
    gives None (and :func:`invoer_klopt` is False); an unlikely value (``PLAUSIBEL``) gets a warning. ``leeg``
    (placeholder) allows an empty field (None); without it an empty field is an error."""
    laag, hoog = grenzen or GRENZEN[veld]
    geheel = decimalen == 0

    def gelezen() -> None:  # on Enter or leaving the field: show the value as it was read
        try:
            w = lees_getal(st.session_state.get(key), geheel=geheel)
        except GetalFout:
            return
        if w is not None and laag <= w <= hoog:
            st.session_state[key] = _tekst(w, decimalen, duizendtallen)

    bereik = f"Toegestaan: {_tekst(laag, decimalen, duizendtallen)} tot {_tekst(hoog, decimalen, duizendtallen)}."
    tekst = st.text_input(label, value=_tekst(waarde, decimalen, duizendtallen), key=key, placeholder=leeg,
                          help=f"{help} {bereik} Typ zoals op de rekening: 1.200 of 650,50.", on_change=gelezen,
                          persist_state=BEWAAR, max_chars=MAX_TEKENS)
    try:
        w = lees_getal(tekst, geheel=geheel)
    except GetalFout as exc:
        _fout(label, str(exc))
        return None
    if w is None:
        if leeg is None:
            _fout(label, "vul een waarde in.")
        return None
    if not laag <= w <= hoog:
        _fout(label, f"{_tekst(w, decimalen, duizendtallen)} kan niet; {bereik[0].lower()}{bereik[1:]}")
        return None
    kolom = next((v.kolom for v in INVOERVELDEN if v.pad[-1] == veld), veld)
    if kolom in PLAUSIBEL:
        p_laag, p_hoog, nul = PLAUSIBEL[kolom]
        nul = nul if nul_plausibel is None else nul_plausibel
        if not (p_laag <= w <= p_hoog or (nul and w == 0)):
            st.warning(f"{label}: {_tekst(w, decimalen, duizendtallen)} is ongebruikelijk (meestal "
                       f"{getal(p_laag)} tot {getal(p_hoog)}). Klopt het? De berekening gaat ermee verder.",
                       icon=":material/warning:")
    return w


def geheel(label: str, veld: str, key: str, waarde: int | None, help: str, *, leeg: str | None = None,
           duizendtallen: bool = True) -> int | None:
    """A whole number, typed the Dutch way (see :func:`getalveld`)."""
    return getalveld(label, veld, key, waarde, help, leeg=leeg, duizendtallen=duizendtallen)


def bedrag(label: str, veld: str, key: str, waarde: float | None, help: str, *, leeg: str | None = None,
           nul_plausibel: bool | None = None) -> float | None:
    """An amount [€] (or a rate) with two decimals, typed the Dutch way (see :func:`getalveld`)."""
    return getalveld(label, veld, key, waarde, help, decimalen=2, leeg=leeg, nul_plausibel=nul_plausibel)


def keuze(label: str, opties: typing.Sequence[Any], key: str, standaard: Any, help: str,
          namen: dict | None = None) -> Any:
    opties = list(opties)
    return st.selectbox(label, opties, index=opties.index(standaard), key=key, help=help, persist_state=BEWAAR,
                        format_func=(lambda o: namen.get(o, o)) if namen else str)


def woningtype(key: str, standaard: str = "tussenwoning") -> str:
    return keuze("Woningtype", WONINGTYPES, key, standaard,
                 "Soort woning zoals in het labelregister; bepaalt het gemiddelde gasverbruik per m² en het effect "
                 "van maatregelen.", WONINGTYPE_NAMEN)


def energielabel(key: str, standaard: str = "E", label: str = "Energielabel nu") -> str:
    return keuze(label, ENERGIELABELS, key, standaard,
                 "Het huidige energielabel (NTA 8800), te vinden op ep-online.nl. Bepaalt het geschatte verbruik.")


def verwarming(key: str, standaard: str = "gasketel") -> str:
    return keuze("Verwarming nu", VERWARMINGEN, key, standaard,
                 "Hoe de woning nu wordt verwarmd. Warmtenet: gerekend met het maximumtarief dat de ACM elk jaar "
                 "vaststelt (prijs per GJ en vaste kosten voor vastrecht, meettarief en huur afleverset, incl. btw); "
                 "de tarieven van de plaatselijke leverancier zijn niet bekend en vaak lager. Blokverwarming is "
                 "geen warmtenet.", VERWARMING_NAMEN)


def doellabel(key: str, standaard: str | None, toelichting: str) -> str | None:
    opties = [None, *ENERGIELABELS]
    return st.selectbox(
        "Energielabel na de ingreep", opties, index=opties.index(standaard), key=key, persist_state=BEWAAR,
        format_func=lambda o: "volgt uit de maatregelen" if o is None else o,
        help=toelichting + " Kies 'volgt uit de maatregelen' om het label te laten afleiden uit de gekozen "
             "maatregelen. Het label na mag niet slechter zijn dan het label nu.")


def maatregel_keuze(key: str, standaard: list[str], help: str) -> list[str]:
    cat = maatregelen()
    return st.multiselect(
        "Maatregelen", list(cat.index), default=standaard, key=key, persist_state=BEWAAR, select_all=False,
        format_func=lambda m: MAATREGEL_NAMEN.get(m, m.replace("_", " ").capitalize()), help=help,
        placeholder="Kies een of meer maatregelen")


# fields of the input that only a path over the years uses: asked in the section 'Over de jaren' (app.jarenpad)
PAD_VELDEN = {"gereed_jaar", "gereed_maand"}


def _is(annotatie: Any, soort: type) -> bool:
    args = typing.get_args(annotatie)
    return annotatie is soort or soort in args


def _extra(model: type[BaseModel], bekend: set[str]) -> typing.Iterator[tuple[str, Any, str, Any, list]]:
    """The fields of ``model`` that a page does not ask by hand: (name, field, kind, starting value, options), kind
    'ja/nee', 'geheel', 'getal' or 'keuze' (a fixed list of values, the options); other fields are left out."""
    for naam, veld in model.model_fields.items():
        if naam in bekend or naam in PAD_VELDEN:
            continue
        ann = veld.annotation
        standaard = None if veld.is_required() else veld.get_default(call_default_factory=True)
        if _is(ann, bool):
            yield naam, veld, "ja/nee", bool(standaard), []
        elif _is(ann, int) or _is(ann, float):
            soort = "geheel" if _is(ann, int) and not _is(ann, float) else "getal"
            cast = int if soort == "geheel" else float
            yield naam, veld, soort, None if standaard is None else cast(standaard), []
        else:
            keuzes = [a for a in typing.get_args(ann) if typing.get_origin(a) is typing.Literal] or (
                [ann] if typing.get_origin(ann) is typing.Literal else [])
            if keuzes:
                opties = list(typing.get_args(keuzes[0]))
                yield naam, veld, "keuze", standaard if standaard in opties else opties[0], opties


def extra_velden(model: type[BaseModel], bekend: set[str], prefix: str, *, toon: bool = True) -> dict[str, Any]:
    """Inputs for fields the core added to ``model`` that this page does not handle by hand yet (e.g.
    ``inkomen_jaar``): a checkbox for yes/no, a number input (bounds from ``GRENZEN``) or a selectbox for a fixed
    list of values. Returns the values that are filled in; with ``toon=False`` no inputs, just the values they
    start with (the warm-up's default case)."""
    uit: dict[str, Any] = {}
    for naam, veld, soort, standaard, opties in _extra(model, bekend):
        if not toon:
            if standaard is not None:
                uit[naam] = standaard
            continue
        label = EXTRA_LABELS.get(naam, naam.replace("_", " ").capitalize())
        help = veld.description or label
        key = f"{prefix}{naam}"
        if soort == "ja/nee":
            uit[naam] = st.checkbox(label, value=standaard, key=key, help=help, persist_state=BEWAAR)
        elif soort == "keuze":
            uit[naam] = st.selectbox(label, opties, index=opties.index(standaard), key=key, help=help,
                                     persist_state=BEWAAR)
        else:
            stap = EXTRA_STAPPEN.get(naam, 1)
            decimalen = 0 if soort == "geheel" or float(stap).is_integer() else 2
            w = getalveld(label, naam, key, standaard, help, decimalen=decimalen, leeg="niet ingevuld",
                          grenzen=GRENZEN.get(naam, (0, 10_000_000)))
            if w is not None:
                uit[naam] = w
    return uit


# ----------------------------------------------------------------------------------------------------------
# The tenant page's case


# The tenant page's inputs when it opens: a realistic first case (a tussenwoning of 85 m² with label E taken to B,
# three people, € 600 kale huur). The page starts from these, and the server's warm-up (app.opstart) computes the
# same case before the first visitor comes.
HUURDER_STANDAARD: dict[str, Any] = {
    "woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E", "bouwjaar": 1975,
    "verwarming": "gasketel", "personen": 3, "kale_huur": 600.0, "servicekosten": 20.0, "gas_m3": None, "warmte_gj": None,
    "elektriciteit_kwh": None, "naar_label": "B", "maatregelen": [], "huurverhoging": None,
}
# fields of Huishouden and Ingreep that the tenant page asks by hand; extra_velden asks the others
HUURDER_BEKEND = {"huishouden": {"personen"}, "ingreep": {"naar_label", "maatregelen", "huurverhoging"}}


def huurder_standaard() -> dict[str, Any]:
    """The tenant page's inputs before anyone touches them, extra fields included (see :func:`huurder_gegevens`)."""
    return {**copy.deepcopy(HUURDER_STANDAARD),
            "extra_huishouden": extra_velden(Huishouden, HUURDER_BEKEND["huishouden"], "", toon=False),
            "extra_ingreep": extra_velden(Ingreep, HUURDER_BEKEND["ingreep"], "", toon=False)}


def doel_al_gehaald(label_nu: str, naar_label: str | None) -> bool:
    """Whether the home already has the target label or a better one (then the target asks for no upgrade)."""
    return naar_label is not None and ENERGIELABELS.index(naar_label) >= ENERGIELABELS.index(label_nu)


def toon_doel_al_gehaald(label_nu: str, naar_label: str | None, andere_ingreep: bool) -> None:
    """The plain sentence for a target label the home already meets (it was a technical error that removed the
    whole result, or a verdict 'per maand gelijk' that did not say that nothing changes)."""
    if not doel_al_gehaald(label_nu, naar_label):
        return
    zelfde = "dat is het doellabel al" if naar_label == label_nu else f"dat is beter dan het doellabel {naar_label}"
    st.info(f"De woning heeft nu label {label_nu}: {zelfde}. "
            + ("Het doellabel telt daarom niet mee; het verbruik na de ingreep volgt uit de gekozen maatregelen."
               if andere_ingreep else
               "Om dit doel te halen is geen ingreep nodig, dus er verandert niets: hieronder staan de woonlasten "
               "van nu."), icon=":material/info:")


def warmte_contract(prefix: str) -> dict[str, float]:
    """A home on the warmtenet: the supplier's own GJ price and fixed costs from its tariff sheet or bill (the
    ``Contract`` fields; empty = the ACM maximum). Returns the filled-in fields."""
    prijs = getalveld("Eigen prijs warmte (€ per GJ, excl. btw)", "warmte_prijs_gj", f"{prefix}warmte_prijs_gj", None,
                      "De prijs per gigajoule van de eigen warmteleverancier, zonder btw (tarievenblad of "
                      "jaarafrekening). Leeg = het maximum dat de ACM voor het jaar vaststelt.", decimalen=2,
                      leeg="ACM-maximum")
    vast = getalveld("Eigen vaste kosten warmte (€ per jaar, excl. btw)", "warmte_vaste_kosten_jaar",
                     f"{prefix}warmte_vaste_kosten_jaar", None,
                     "Vastrecht, meettarief en huur van de afleverset samen per jaar, zonder btw. Betaalt de huurder "
                     "de afleverset al via de servicekosten, tel die hier dan niet mee. Leeg = het ACM-maximum.",
                     decimalen=2, leeg="ACM-maximum")
    return {k: v for k, v in (("warmte_prijs_gj", prijs), ("warmte_vaste_kosten_jaar", vast)) if v is not None}


def huurder_gegevens(w: dict[str, Any], peildatum: dt.date, gemeente: str) -> dict:
    """The case (input for ``Casus``) from the tenant page's inputs ``w``: the keys of ``HUURDER_STANDAARD`` plus
    ``extra_huishouden`` and ``extra_ingreep``. Without a target label, measure or rent increase: no upgrade. A
    target label the home already has (or beats) asks for nothing and is left out (:func:`doel_al_gehaald`)."""
    extra_ingreep = w["extra_ingreep"]
    if doel_al_gehaald(w["energielabel"], w["naar_label"]):
        w = {**w, "naar_label": None}
    heeft_ingreep = (w["naar_label"] is not None or bool(w["maatregelen"]) or w["huurverhoging"] is not None
                     or any(extra_ingreep.values()))
    return {
        "peildatum": peildatum, "gemeente": gemeente, "rol": "huurder",
        "woning": {"woningtype": w["woningtype"], "oppervlakte_m2": w["oppervlakte_m2"],
                   "energielabel": w["energielabel"], "bouwjaar": w["bouwjaar"], "verwarming": w["verwarming"]},
        "huishouden": {"personen": w["personen"], **w["extra_huishouden"]},
        "huur": {"kale_huur": w["kale_huur"] or 0.0, "servicekosten": w["servicekosten"] or 0.0},
        "verbruik": {k: w[k] for k in ("gas_m3", "warmte_gj", "elektriciteit_kwh") if w.get(k) is not None},
        "contract": dict(w.get("contract") or {}),
        "ingreep": {"naar_label": w["naar_label"], "maatregelen": w["maatregelen"],
                    "huurverhoging": w["huurverhoging"], **extra_ingreep} if heeft_ingreep else None,
    }


def huurder_varianten(gegevens: dict, w: dict[str, Any]) -> list[Casus]:
    """The tenant's likely next cases (computed along on a miss, see :class:`_Resultaten`): another label, target
    label, woningtype or heating, and one step of every +/- button."""
    return varianten(gegevens, {
        "woning.energielabel": ENERGIELABELS, "ingreep.naar_label": [None, *ENERGIELABELS],
        "woning.woningtype": WONINGTYPES, "woning.verwarming": VERWARMINGEN,
        "woning.oppervlakte_m2": stappen(w["oppervlakte_m2"], 1), "huishouden.personen": stappen(w["personen"], 1),
        "huur.kale_huur": stappen(w["kale_huur"], 5.0), "huur.servicekosten": stappen(w["servicekosten"], 1.0),
        "woning.bouwjaar": stappen(w["bouwjaar"], 1)})


# ----------------------------------------------------------------------------------------------------------
# Calculation


class _Resultaten:
    """Results of cases by their JSON, shared by all sessions of the server process (like ``st.cache_resource``).

    A miss computes the case together with its likely next variants (another label, target label, one step up or
    down on a number) in one call of the core's column-wise path: a batch of ~40 rows costs about what one row costs,
    so the next click is usually a hit. Rows are turned into a :class:`Resultaat` only when shown.
    """

    def __init__(self, maximum: int = 4000):
        self.maximum = maximum
        self._rijen: OrderedDict[str, Any] = OrderedDict()
        self._slot = threading.Lock()

    def _pak(self, sleutel: str) -> Any:
        with self._slot:
            waarde = self._rijen.get(sleutel)
            if waarde is not None:
                self._rijen.move_to_end(sleutel)
            return waarde

    def _zet(self, sleutel: str, waarde: Any) -> None:
        with self._slot:
            self._rijen[sleutel] = waarde
            while len(self._rijen) > self.maximum:
                self._rijen.popitem(last=False)

    def _uitkomst(self, sleutel: str, waarde: Any) -> tuple[Resultaat | None, str | None]:
        if isinstance(waarde, tuple):
            return waarde
        # a computed row of the frame: convert once
        if waarde["status"] == "fout":
            uit = (None, str(waarde["melding"]))
        else:
            uit = (rij_naar_resultaat(waarde, tabellen()), None)
        self._zet(sleutel, uit)
        return uit

    def reken(self, casus: Casus, varianten: typing.Callable[[], typing.Iterable[Casus]] | None = None
              ) -> tuple[Resultaat | None, str | None]:
        sleutel = casus.model_dump_json()
        waarde = self._pak(sleutel)
        if waarde is not None:
            return self._uitkomst(sleutel, waarde)
        alle = {sleutel: casus}
        for v in (varianten() if varianten else ()):
            k = v.model_dump_json()
            if k not in alle and self._pak(k) is None:
                alle[k] = v
        try:
            frame = bereken_frame(pd.DataFrame([casus_naar_rij(c) for c in alle.values()]), tabellen())
        except Exception:  # noqa: BLE001 - fall back to the one-case path, which names the problem
            try:
                uit: tuple[Resultaat | None, str | None] = (bereken(casus, tabellen()), None)
            except InvoerFout as exc:
                uit = (None, str(exc))
            self._zet(sleutel, uit)
            return uit
        for k, (_, rij) in zip(alle, frame.iterrows(), strict=True):
            self._zet(k, rij)
        return self._uitkomst(sleutel, frame.iloc[0])


@st.cache_resource(show_spinner=False)
def resultaten() -> _Resultaten:
    return _Resultaten()


def maak_casus(gegevens: dict) -> tuple[Casus | None, str | None]:
    """The case from the inputs, or a Dutch message naming the fields that are not valid."""
    try:
        return Casus.model_validate(gegevens), None
    except ValidationError as exc:
        return None, "; ".join(vertaal(exc))


def varianten(gegevens: dict, keuzes: dict[str, typing.Iterable[Any]]) -> list[Casus]:
    """Cases that differ from ``gegevens`` in one input: ``{"woning.energielabel": ENERGIELABELS, ...}``. Variants
    that are not valid cases are left out."""
    uit = []
    for pad, waarden in keuzes.items():
        *ouders, blad = pad.split(".")
        for w in waarden:
            kopie = copy.deepcopy(gegevens)
            doel = kopie
            for o in ouders:
                doel = doel.get(o) if isinstance(doel, dict) else None
            if not isinstance(doel, dict) or doel.get(blad) == w:
                continue
            doel[blad] = w
            try:
                uit.append(Casus.model_validate(kopie))
            except ValidationError:
                continue
    return uit


def stappen(waarde: float | int | None, stap: float | int) -> list:
    """One step down and one step up (the +/- buttons of a number input)."""
    return [] if waarde is None else [waarde - stap, waarde + stap]


def reken(casus: Casus, varianten: typing.Callable[[], typing.Iterable[Casus]] | None = None
          ) -> tuple[Resultaat | None, str | None]:
    """``bereken(casus)`` through a cache keyed on the case (see :class:`_Resultaten`); ``varianten`` makes the
    likely next cases, computed along on a miss only. Returns (result, None) or (None, Dutch message); never
    raises."""
    try:
        return resultaten().reken(casus, varianten)
    except InvoerFout as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - never a traceback on screen
        return None, f"De berekening is onverwacht mislukt ({exc.__class__.__name__}: {exc})."
