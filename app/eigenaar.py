"""Page 'Eigenaar (gespikkeld bezit)': a private owner in a block the corporation renovates — measures with
quantities and costs, woonlasten before and after, and (once the core provides it) subsidy, loan and payback."""

from __future__ import annotations

import typing

import pandas as pd
import streamlit as st
from pydantic import BaseModel

from app import gedeeld as g
from app.advies import advies_html
from app.gedeeld import EENHEID_NAMEN, MAATREGEL_NAMEN, VERWARMING_NAMEN, WONINGTYPE_NAMEN
from app.weergave import toon_berekening, toon_financiering, toon_resultaat
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import ENERGIELABELS, VERWARMINGEN, Casus, Huishouden, Ingreep

STANDAARD_MAATREGELEN = ["spouwmuurisolatie", "dakisolatie", "vloerisolatie", "hr_glas"]
# inputs that only matter for a tenant (huurtoeslag, rent rules)
ALLEEN_HUURDER = {"inkomen_jaar", "aow", "nieuwe_verhuring", "epv_warmtevraag_kwh_m2"}


def _financiering_model() -> type[BaseModel] | None:
    """The input model of the owner's financing options, once the core's Casus has one."""
    veld = Casus.model_fields.get("financiering")
    if veld is None:
        return None
    for kandidaat in (veld.annotation, *typing.get_args(veld.annotation)):
        if isinstance(kandidaat, type) and issubclass(kandidaat, BaseModel):
            return kandidaat
    return None


st.title("Woonlasten van een eigenaar")
st.caption("Voor de adviseur van een particuliere eigenaar in een complex dat de corporatie verduurzaamt "
           "(gespikkeld bezit): welke maatregelen, wat kosten ze, en wat doet dat met de maandlasten?")

with st.sidebar:
    with st.expander("Woning", expanded=True):
        woningtype = g.woningtype("eig_woningtype")
        oppervlakte = g.geheel("Oppervlakte (m²)", "oppervlakte_m2", "eig_oppervlakte_m2", 85,
                               "Gebruiksoppervlakte van de woning, zoals op het energielabel.")
        label_nu = g.energielabel("eig_energielabel", "E")
        bouwjaar = g.geheel("Bouwjaar", "bouwjaar", "eig_bouwjaar", 1975,
                            "Bouwjaar van de woning (ter informatie; telt niet mee in de berekening).")
        verwarming = g.verwarming("eig_verwarming")
        woz = g.geheel("WOZ-waarde (€)", "woz_waarde", "eig_woz_waarde", 300_000,
                       "De WOZ-waarde op de laatste WOZ-beschikking: bepaalt de OZB, het eigenarendeel van de "
                       "rioolheffing en de watersysteemheffing gebouwd.", stap=5_000)

    with st.expander("Huishouden", expanded=True):
        personen = g.geheel("Aantal bewoners", "personen", "eig_personen", 2,
                            "Aantal mensen in het huishouden: bepaalt warm water, koken, stroomverbruik, "
                            "afvalstoffenheffing en zuiveringsheffing.")
        extra_huishouden = g.extra_velden(Huishouden, {"personen", *ALLEEN_HUURDER}, "eig_")

    with st.expander("Eigen verbruik (optioneel)"):
        st.caption("Leeg laten = schatting op basis van label, woningtype, oppervlakte en huishouden.")
        gas = g.geheel("Gasverbruik (m³ per jaar)", "gas_m3", "eig_gas_m3", None,
                       "Het gasverbruik van het afgelopen jaar volgens de jaarafrekening.", stap=50, leeg="geschat")
        stroom = g.geheel("Elektriciteit (kWh per jaar)", "elektriciteit_kwh", "eig_elektriciteit_kwh", None,
                          "Het stroomverbruik van het net volgens de jaarafrekening.", stap=100, leeg="geschat")

    with st.expander("Maatregelen", expanded=True):
        gekozen = g.maatregel_keuze(
            "eig_maatregelen", STANDAARD_MAATREGELEN,
            "De maatregelen die de eigenaar laat uitvoeren, bijvoorbeeld mee met de renovatie van de corporatie.")
        cat = g.maatregelen()
        standaard = g.standaard_hoeveelheden()
        hoeveelheden: dict[str, float] = {}
        for m in gekozen:
            rij = cat.loc[m]
            eenheid = EENHEID_NAMEN.get(rij["eenheid"], rij["eenheid"])
            prijs = rij["investering_per_eenheid"]
            hoeveelheden[m] = g.geheel(
                f"{MAATREGEL_NAMEN.get(m, m)} ({eenheid})", "hoeveelheid", f"eig_hoeveelheid_{m}_{woningtype}",
                int(round(standaard.get((m, woningtype), 1))),
                f"Hoeveelheid in {eenheid}; vooraf ingevuld met de gebruikelijke hoeveelheid voor een "
                f"{WONINGTYPE_NAMEN[woningtype].lower()}. Richtprijs {euro(prijs) if pd.notna(prijs) else 'onbekend'} "
                f"per {rij['eenheid'].replace('m2', 'm²')} ({rij['status']}).")
        naar_label = g.doellabel("eig_naar_label", None,
                                 "Het energielabel na de maatregelen, als dat al bekend is (bijvoorbeeld uit een "
                                 "maatwerkadvies).")
        extra_ingreep = g.extra_velden(Ingreep, {"naar_label", "maatregelen", "huurverhoging", *ALLEEN_HUURDER},
                                       "eig_")

    fin_model = _financiering_model()
    extra_financiering: dict = {}
    if fin_model is not None:
        with st.expander("Subsidie en lening", expanded=True):
            extra_financiering = g.extra_velden(fin_model, set(), "eig_fin_")

heeft_ingreep = naar_label is not None or bool(gekozen) or any(extra_ingreep.values())
gegevens = {
    "peildatum": g.peildatum(), "gemeente": g.gemeente(), "rol": "eigenaar",
    "woning": {"woningtype": woningtype, "oppervlakte_m2": oppervlakte, "energielabel": label_nu,
               "bouwjaar": bouwjaar, "verwarming": verwarming, "woz_waarde": woz},
    "huishouden": {"personen": personen, **extra_huishouden},
    "verbruik": {k: v for k, v in (("gas_m3", gas), ("elektriciteit_kwh", stroom)) if v is not None},
    "ingreep": {"naar_label": naar_label,
                "maatregelen": [{"naam": m, "hoeveelheid": hoeveelheden.get(m)} for m in gekozen],
                **extra_ingreep} if heeft_ingreep else None,
}
if fin_model is not None:
    gegevens["financiering"] = extra_financiering

casus, fout = g.maak_casus(gegevens)
resultaat = None
if casus is not None:
    resultaat, fout = g.reken(casus, lambda: g.varianten(gegevens, {
        "woning.energielabel": ENERGIELABELS, "ingreep.naar_label": [None, *ENERGIELABELS],
        "woning.verwarming": VERWARMINGEN, "woning.oppervlakte_m2": g.stappen(oppervlakte, 1),
        "huishouden.personen": g.stappen(personen, 1), "woning.woz_waarde": g.stappen(woz, 5_000),
        "woning.bouwjaar": g.stappen(bouwjaar, 1)}))
if fout:
    st.error(f"Deze situatie kan niet worden berekend: {fout}", icon=":material/error:")
if resultaat is not None:
    toon_resultaat(resultaat, eigenaar=True)
    if gekozen:
        st.subheader("Maatregelen en richtprijzen")
        rijen = []
        for m in gekozen:
            rij = cat.loc[m]
            prijs = rij["investering_per_eenheid"]
            q = hoeveelheden.get(m)
            rijen.append({
                "Maatregel": MAATREGEL_NAMEN.get(m, m),
                "Hoeveelheid": f"{getal(q)} {EENHEID_NAMEN.get(rij['eenheid'], rij['eenheid'])}",
                "Richtprijs per eenheid": euro(prijs) if pd.notna(prijs) else "–",
                "Indicatie (hoeveelheid × richtprijs)": euro(q * prijs, 0) if pd.notna(prijs) and q else "–",
                "Status prijs": rij["status"],
            })
        st.dataframe(pd.DataFrame(rijen), hide_index=True, width="stretch")
        st.caption("Richtprijzen incl. btw uit labels/maatregelen.csv (bronnen onder 'Tarieven en bronnen'); "
                   "een offerte van de aannemer gaat voor.")
    toon_financiering(resultaat)
    toon_berekening(resultaat)
    woning = {
        "Woning": f"{WONINGTYPE_NAMEN[woningtype]}, {getal(oppervlakte)} m²"
                  + (f", bouwjaar {bouwjaar}" if bouwjaar else "") + f", WOZ {euro(woz or 0, 0)}",
        "Energielabel": label_nu + (f" → {resultaat.verbruik.energielabel_na}" if resultaat.na else ""),
        "Verwarming": VERWARMING_NAMEN[verwarming] + (
            f" → {VERWARMING_NAMEN.get(resultaat.verbruik.verwarming_na, '')}"
            if resultaat.verbruik.verwarming_na not in (None, verwarming) else ""),
        "Huishouden": f"{personen} {'persoon' if personen == 1 else 'personen'}",
    }
    maatregel_tekst = [f"{MAATREGEL_NAMEN.get(m, m)} {getal(hoeveelheden.get(m))} "
                       f"{EENHEID_NAMEN.get(cat.loc[m, 'eenheid'], cat.loc[m, 'eenheid'])}" for m in gekozen]
    html = advies_html(resultaat, woning=woning, eigenaar=True, maatregelen=maatregel_tekst)
    st.subheader("Advies om mee te geven")
    st.download_button("Advies downloaden (HTML, klaar om af te drukken)", html,
                       file_name=f"woonlastenadvies_eigenaar_{g.gemeente()}_{g.peildatum():%Y%m%d}.html",
                       mime="text/html", on_click="ignore", icon=":material/print:", key="advies_eigenaar",
                       help="Eén A4 met de bedragen, de grafiek, het oordeel, de financiering en de bronnen.")
    with st.expander("Voorbeeld van het advies"):
        st.iframe(html, height=1100, alt="Voorbeeld van het afdrukbare woonlastenadvies voor de eigenaar")
