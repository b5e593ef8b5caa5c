"""Page 'Huurder (energiecoach)': a tenant's woonlasten now and after the upgrade, at the kitchen table."""

from __future__ import annotations

import streamlit as st

from app import gedeeld as g
from app.advies import advies_html, pdf_bij_klikken
from app.gedeeld import MAATREGEL_NAMEN, VERWARMING_NAMEN, WONINGTYPE_NAMEN
from app.jarenpad import toon_jarenpad
from app.opmaak import letterlijk
from app.weergave import toon_berekening, toon_energiearmoede, toon_energiecoach, toon_huurkant, toon_resultaat
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import Huishouden, Ingreep

st.title("Woonlasten van een huurder")
st.caption("Wat betaalt dit huishouden per maand aan huur, energie en lokale lasten, nu en na de verduurzaming — "
           "en blijft dat woonlastenneutraal? Vul de gegevens in de zijbalk in (op een telefoon: het menu linksboven); "
           "de uitkomst staat hieronder en rekent direct mee.")

S = g.HUURDER_STANDAARD
with st.sidebar:
    with st.expander("Woning", expanded=True):
        woningtype = g.woningtype("woningtype", S["woningtype"])
        oppervlakte = g.geheel("Oppervlakte (m²)", "oppervlakte_m2", "oppervlakte_m2", S["oppervlakte_m2"],
                               "Gebruiksoppervlakte van de woning, zoals op het energielabel of in het "
                               "huurcontract.")
        label_nu = g.energielabel("energielabel", S["energielabel"])
        bouwjaar = g.geheel("Bouwjaar", "bouwjaar", "bouwjaar", S["bouwjaar"],
                            "Bouwjaar van de woning (ter informatie; telt niet mee in de berekening).",
                            duizendtallen=False)
        verwarming = g.verwarming("verwarming", S["verwarming"])

    with st.expander("Huishouden en huur", expanded=True):
        personen = g.geheel("Aantal bewoners", "personen", "personen", S["personen"],
                            "Aantal mensen in het huishouden: bepaalt warm water, koken, stroomverbruik, "
                            "afvalstoffenheffing en zuiveringsheffing.")
        kale_huur = g.bedrag("Kale huur (€ per maand)", "kale_huur", "kale_huur", S["kale_huur"],
                             "De huur zonder servicekosten, zoals op de huurverhogingsbrief.",
                             nul_plausibel=False)
        servicekosten = g.bedrag("Servicekosten (€ per maand)", "servicekosten", "servicekosten",
                                 S["servicekosten"], "Servicekosten per maand (schoonmaak, glasbewassing, enz.).")
        extra_huishouden = g.extra_velden(Huishouden, g.HUURDER_BEKEND["huishouden"], "")

    with st.expander("Energiecoach: gedrag"):
        gedrag_lijst = g.tabellen()["labels/gedrag"].frame.sort_values("volgorde")
        gedrag = st.multiselect("Wat het huishouden gaat doen", list(gedrag_lijst["maatregel"]), key="gedrag",
                                format_func=dict(zip(gedrag_lijst["maatregel"], gedrag_lijst["omschrijving"],
                                                     strict=True)).get,
                                persist_state=g.BEWAAR, placeholder="Kies gedrag",
                                help="De besparing komt bovenop de woonlasten van nu (schatting).")
        if gedrag:
            extra_huishouden["gedrag"] = gedrag

    with st.expander("Eigen verbruik (optioneel)"):
        st.caption("Leeg laten = schatting op basis van label, woningtype, oppervlakte en huishouden.")
        gas = warmte = None
        contract: dict = {}
        if verwarming == "warmtenet":  # no gas connection: the heat from the warmtenet's annual bill instead
            warmte = g.getalveld("Warmte (GJ per jaar)", "warmte_gj", "warmte_gj", S["warmte_gj"],
                                 "Het warmteverbruik van het afgelopen jaar volgens de jaarafrekening van de "
                                 "warmteleverancier, in gigajoule.", decimalen=1, leeg="geschat")
            contract = g.warmte_contract("")
        else:
            gas = g.geheel("Gasverbruik (m³ per jaar)", "gas_m3", "gas_m3", S["gas_m3"],
                           "Het gasverbruik van het afgelopen jaar volgens de jaarafrekening van de energieleverancier.",
                           leeg="geschat")
        stroom = g.geheel("Elektriciteit (kWh per jaar)", "elektriciteit_kwh", "elektriciteit_kwh",
                          S["elektriciteit_kwh"],
                          "Het stroomverbruik van het net (normaal + dal, min teruglevering) volgens de "
                          "jaarafrekening.",
                          leeg="geschat")

    with st.expander("De ingreep", expanded=True):
        naar_label = g.doellabel("naar_label", S["naar_label"], "Het energielabel dat de woning na de verduurzaming krijgt.")
        gekozen = g.maatregel_keuze(
            "maatregelen", S["maatregelen"],
            "De maatregelen die de corporatie uitvoert. Zonder doellabel bepalen de maatregelen het verbruik na; "
            "met doellabel het gemeten gemiddelde van dat label. Een warmtepomp of zonnepanelen tellen altijd mee.")
        huurverhoging = g.bedrag("Afgesproken huurverhoging (€ per maand)", "huurverhoging", "huurverhoging",
                                 S["huurverhoging"], "Alleen invullen als er een andere huurverhoging is "
                                 "afgesproken; leeg = volgens de regels (vergoedingentabel en de regels die op de "
                                 "peildatum gelden).",
                                 leeg="volgens de regels")
        extra_ingreep = g.extra_velden(Ingreep, g.HUURDER_BEKEND["ingreep"], "")

invoer = {"woningtype": woningtype, "oppervlakte_m2": oppervlakte, "energielabel": label_nu, "bouwjaar": bouwjaar,
          "verwarming": verwarming, "personen": personen, "kale_huur": kale_huur, "servicekosten": servicekosten,
          "gas_m3": gas, "warmte_gj": warmte, "elektriciteit_kwh": stroom, "naar_label": naar_label, "maatregelen": gekozen,
          "huurverhoging": huurverhoging, "extra_huishouden": extra_huishouden, "extra_ingreep": extra_ingreep,
          "contract": contract}
gegevens = g.huurder_gegevens(invoer, g.peildatum(), g.gemeente())
casus, fout = g.maak_casus(gegevens) if g.invoer_klopt() else (None, None)
resultaat = None
if casus is not None:
    resultaat, fout = g.reken(casus, lambda: g.huurder_varianten(gegevens, invoer))
if casus is not None:
    g.toon_doel_al_gehaald(label_nu, naar_label, bool(gekozen) or huurverhoging is not None
                           or any(extra_ingreep.values()))
if fout:
    st.error(f"Deze situatie kan niet worden berekend: {letterlijk(fout)}", icon=":material/error:")
if resultaat is not None:
    toon_resultaat(resultaat)
    toon_huurkant(resultaat)
    toon_energiearmoede(resultaat)
    toon_energiecoach(resultaat)
    toon_berekening(resultaat, key="hoe_berekend_huurder")
    jaren = toon_jarenpad(casus, "huurder_pad")
    woning = {
        "Woning": f"{WONINGTYPE_NAMEN[woningtype]}, {getal(oppervlakte)} m²"
                  + (f", bouwjaar {bouwjaar}" if bouwjaar else ""),
        "Energielabel": label_nu + (f" → {resultaat.verbruik.energielabel_na}" if resultaat.na else ""),
        "Verwarming": VERWARMING_NAMEN[verwarming] + (
            f" → {VERWARMING_NAMEN.get(resultaat.verbruik.verwarming_na, '')}"
            if resultaat.verbruik.verwarming_na not in (None, verwarming) else ""),
        "Huishouden": f"{personen} {'persoon' if personen == 1 else 'personen'}",
        "Huur": f"kale huur {euro(kale_huur or 0)} + servicekosten {euro(servicekosten or 0)}",
    }
    advies = {"woning": woning, "maatregelen": [MAATREGEL_NAMEN.get(m, m) for m in gekozen], "jaren": jaren}
    html = advies_html(resultaat, **advies)
    bestand = f"woonlastenadvies_huurder_{g.gemeente()}_{g.peildatum():%Y%m%d}"
    st.subheader("Advies om mee te geven")
    st.download_button("Advies downloaden (pdf)", pdf_bij_klikken(resultaat, **advies), file_name=f"{bestand}.pdf",
                       mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:", type="primary",
                       key="advies_huurder", help="Eén A4 met de bedragen, de grafiek, het oordeel, wat nu en de "
                                                  "bronnen; daarna, als ze er zijn, de jaren en de bijlage "
                                                  "energiearmoede en gedrag. Om te bewaren, af te drukken of te "
                                                  "mailen.")
    st.download_button("Als webpagina (html)", html, file_name=f"{bestand}.html", mime="text/html",
                       on_click="ignore", icon=":material/public:", key="advies_huurder_html",
                       help="Hetzelfde advies als webpagina, ook goed leesbaar op een telefoon.")
    # the preview is drawn only on request: an iframe with the whole advice costs the first load time
    if st.toggle("Voorbeeld van het advies tonen", key="voorbeeld_advies",
                 help="Toont het afdrukbare advies hieronder, zoals het wordt afgedrukt."):
        st.iframe(html, height=1100, alt="Voorbeeld van het afdrukbare woonlastenadvies")
