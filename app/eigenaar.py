"""Page 'Eigenaar (gespikkeld bezit)': a private owner in a block the corporation renovates — measures with
quantities and prices, subsidy and loan, woonlasten before and after (with the loan), payback and cash over the
years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import gedeeld as g
from app.advies import advies_html, pdf_bij_klikken
from app.gedeeld import EENHEID_NAMEN, MAATREGEL_NAMEN, VERWARMING_NAMEN, WONINGTYPE_NAMEN
from app.jarenpad import toon_jarenpad
from app.opmaak import financiering, letterlijk
from app.weergave import toon_berekening, toon_energiearmoede, toon_financiering, toon_resultaat
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import ENERGIELABELS, VERWARMINGEN, Casus, Huishouden, Ingreep, Maatregel

STANDAARD_MAATREGELEN = ["spouwmuurisolatie", "dakisolatie", "vloerisolatie", "hr_glas"]
# inputs that only matter for a tenant (huurtoeslag, rent rules)
ALLEEN_HUURDER = {"aow", "nieuwe_verhuring", "epv_warmtevraag_kwh_m2"}
FINANCIERINGSVORMEN = {"warmtefonds": "Lening Warmtefonds",
                       "hypotheek": "Meefinancieren in de hypotheek", "eigen_geld": "Eigen geld"}


def _warmtepompen() -> set[str]:
    """The measures whose ISDE depends on the heat pump's power (``isde_regel`` in labels/maatregelen.csv)."""
    m = g.maatregelen()
    return set(m.index[m["isde_regel"] == "warmtepomp"])


def _eenheid(m: str) -> str:
    e = g.maatregelen().loc[m, "eenheid"]
    return EENHEID_NAMEN.get(e, e)


st.title("Woonlasten van een eigenaar")
st.caption("Voor de adviseur van een particuliere eigenaar in een complex dat de corporatie verduurzaamt "
           "(gespikkeld bezit): welke maatregelen, wat kosten ze, welke subsidie en lening, en wat doet dat met "
           "de maandlasten?")

fin_model = Casus.model_fields["financiering"].annotation if "financiering" in Casus.model_fields else None
fin_velden = set()
for kandidaat in (fin_model, *getattr(fin_model, "__args__", ())):
    if hasattr(kandidaat, "model_fields"):
        fin_model, fin_velden = kandidaat, set(kandidaat.model_fields)
        break

with st.sidebar:
    with st.expander("Woning", expanded=True):
        woningtype = g.woningtype("eig_woningtype")
        oppervlakte = g.geheel("Oppervlakte (m²)", "oppervlakte_m2", "eig_oppervlakte_m2", 85,
                               "Gebruiksoppervlakte van de woning, zoals op het energielabel.")
        label_nu = g.energielabel("eig_energielabel", "E")
        bouwjaar = g.geheel("Bouwjaar", "bouwjaar", "eig_bouwjaar", 1975,
                            "Bouwjaar van de woning (ter informatie; telt niet mee in de berekening).",
                            duizendtallen=False)
        verwarming = g.verwarming("eig_verwarming")
        woz = g.geheel("WOZ-waarde (€)", "woz_waarde", "eig_woz_waarde", 300_000,
                       "De WOZ-waarde op de laatste WOZ-beschikking: bepaalt de OZB, het eigenarendeel van de "
                       "rioolheffing en de watersysteemheffing gebouwd.")

    with st.expander("Huishouden", expanded=True):
        personen = g.geheel("Aantal bewoners", "personen", "eig_personen", 2,
                            "Aantal mensen in het huishouden: bepaalt warm water, koken, stroomverbruik, "
                            "afvalstoffenheffing en zuiveringsheffing.")
        inkomen = g.geheel("Inkomen van het huishouden (€ per jaar)", "inkomen_jaar", "eig_inkomen_jaar", None,
                           "Het gezamenlijke verzamelinkomen (bruto, zoals op de aangifte). Bepaalt of de lening "
                           "van het Warmtefonds 0% rente heeft: dat geldt onder de inkomensgrens van de peildatum"
                           + (f" ({euro(grens, 0)})" if (grens := g.warmtefonds_inkomensgrens()) else "") + ".",
                           leeg="niet ingevuld")
        extra_huishouden = g.extra_velden(Huishouden, {"personen", "inkomen_jaar", *ALLEEN_HUURDER}, "eig_")
        if inkomen is not None:
            extra_huishouden["inkomen_jaar"] = float(inkomen)

    with st.expander("Eigen verbruik (optioneel)"):
        st.caption("Leeg laten = schatting op basis van label, woningtype, oppervlakte en huishouden.")
        gas = warmte = None
        contract: dict = {}
        if verwarming == "warmtenet":  # no gas connection: the heat from the warmtenet's annual bill instead
            warmte = g.getalveld("Warmte (GJ per jaar)", "warmte_gj", "eig_warmte_gj", None,
                                 "Het warmteverbruik van het afgelopen jaar volgens de jaarafrekening van de "
                                 "warmteleverancier, in gigajoule.", decimalen=1, leeg="geschat")
            contract = g.warmte_contract("eig_")
        else:
            gas = g.geheel("Gasverbruik (m³ per jaar)", "gas_m3", "eig_gas_m3", None,
                           "Het gasverbruik van het afgelopen jaar volgens de jaarafrekening.", leeg="geschat")
        stroom = g.geheel("Elektriciteit (kWh per jaar)", "elektriciteit_kwh", "eig_elektriciteit_kwh", None,
                          "Het stroomverbruik van het net volgens de jaarafrekening.",
                          leeg="geschat")

    cat = g.maatregelen()
    with st.expander("Maatregelen", expanded=True):
        gekozen = g.maatregel_keuze(
            "eig_maatregelen", STANDAARD_MAATREGELEN,
            "De maatregelen die de eigenaar laat uitvoeren, bijvoorbeeld mee met de renovatie van de corporatie.")
        standaard = g.standaard_hoeveelheden()
        hoeveelheden: dict[str, float] = {}
        for m in gekozen:
            prijs = cat.loc[m, "investering_per_eenheid"]
            hoeveelheden[m] = g.geheel(
                f"{MAATREGEL_NAMEN.get(m, m)} ({_eenheid(m)})", "hoeveelheid", f"eig_hoeveelheid_{m}_{woningtype}",
                int(round(standaard.get((m, woningtype), 1))),
                f"Hoeveelheid in {_eenheid(m)}; vooraf ingevuld met de gebruikelijke hoeveelheid voor een "
                f"{WONINGTYPE_NAMEN[woningtype].lower()}. Richtprijs {euro(prijs) if pd.notna(prijs) else 'onbekend'} "
                f"per {_eenheid(m)} ({cat.loc[m, 'status']}).")
        naar_label = g.doellabel("eig_naar_label", None,
                                 "Het energielabel na de maatregelen, als dat al bekend is (bijvoorbeeld uit een "
                                 "maatwerkadvies).")
        extra_ingreep = g.extra_velden(Ingreep, {"naar_label", "maatregelen", "huurverhoging", *ALLEEN_HUURDER},
                                       "eig_")

    prijzen: dict[str, float | None] = {}
    if gekozen and "prijs_per_eenheid" in Maatregel.model_fields:
        with st.expander("Eigen offerteprijzen (optioneel)"):
            st.caption("Leeg laten = richtprijs uit labels/maatregelen.csv.")
            for m in gekozen:
                prijs = cat.loc[m, "investering_per_eenheid"]
                prijzen[m] = g.bedrag(
                    f"{MAATREGEL_NAMEN.get(m, m)}: prijs per {_eenheid(m)} (€)", "prijs_per_eenheid",
                    f"eig_prijs_{m}", None, "Prijs per eenheid incl. btw volgens de offerte van de aannemer.",
                    leeg=f"richtprijs {euro(prijs)}" if pd.notna(prijs) else "richtprijs")

    fin: dict = {}
    if fin_model is not None:
        with st.expander("Subsidie en lening", expanded=True):
            if "vorm" in fin_velden:
                fin["vorm"] = g.keuze("Financiering", list(FINANCIERINGSVORMEN), "eig_fin_vorm", "warmtefonds",
                                      "Hoe de eigenaar de maatregelen betaalt: een energiebespaarlening van het "
                                      "Warmtefonds, meefinancieren in de hypotheek (dan is de rente verplicht), of "
                                      "eigen geld.", FINANCIERINGSVORMEN)
            if "looptijd_jaar" in fin_velden:
                fin["looptijd_jaar"] = g.geheel("Looptijd van de lening (jaar)", "looptijd_jaar",
                                                "eig_fin_looptijd_jaar", None,
                                                "Leeg = de standaardlooptijd. Het Warmtefonds kent vaste "
                                                "looptijden (de berekening meldt het als een looptijd niet kan).",
                                                leeg="standaard")
            if "rente_pct" in fin_velden:
                fin["rente_pct"] = g.bedrag("Rente (% per jaar)", "rente_pct", "eig_fin_rente_pct", None,
                                            "Leeg = de rente van het Warmtefonds op de peildatum (afhankelijk van "
                                            "het inkomen). Bij meefinancieren in de hypotheek verplicht.",
                                            leeg="volgens de regeling")
            if "eerdere_isolatiemaatregel" in fin_velden:
                fin["eerdere_isolatiemaatregel"] = st.checkbox(
                    "Eerder al een isolatiemaatregel met ISDE (laatste 24 maanden)", key="eig_fin_eerdere",
                    persist_state=g.BEWAAR,
                    help="Dan geldt het dubbele ISDE-bedrag per m² voor isolatie (regels van de peildatum).")
            if "hypotheeklasten_maand" in fin_velden:
                fin["hypotheeklasten_maand"] = g.bedrag(
                    "Bestaande hypotheeklasten (€ per maand)", "hypotheeklasten_maand", "eig_fin_hypotheek", None,
                    "Optioneel: de huidige hypotheeklasten tellen dan mee in de woonlasten, vóór en na gelijk.",
                    leeg="niet meetellen")
            if "warmtepomp_kw" in fin_velden and _warmtepompen() & set(gekozen):
                fin["warmtepomp_kw"] = g.bedrag("Vermogen warmtepomp (kW)", "warmtepomp_kw", "eig_fin_warmtepomp_kw",
                                                None, "Het vermogen bepaalt de ISDE-subsidie voor de warmtepomp.",
                                                leeg="standaard")
            if "investering" in fin_velden:
                fin["investering"] = g.bedrag("Totale investering volgens offerte (€)", "investering",
                                              "eig_fin_investering", None,
                                              "Optioneel: vervangt de som van de maatregelen (hoeveelheid × prijs).",
                                              leeg="som van de maatregelen")
            fin.update(g.extra_velden(fin_model, set(fin) | {"vorm", "looptijd_jaar", "rente_pct",
                                                             "eerdere_isolatiemaatregel", "hypotheeklasten_maand",
                                                             "warmtepomp_kw", "investering"}, "eig_fin_"))

doel = None if g.doel_al_gehaald(label_nu, naar_label) else naar_label
heeft_ingreep = doel is not None or bool(gekozen) or any(extra_ingreep.values())
maatregel_invoer = []
for m in gekozen:
    regel = {"naam": m, "hoeveelheid": hoeveelheden.get(m)}
    if prijzen.get(m) is not None:
        regel["prijs_per_eenheid"] = prijzen[m]
    maatregel_invoer.append(regel)
gegevens = {
    "peildatum": g.peildatum(), "gemeente": g.gemeente(), "rol": "eigenaar",
    "woning": {"woningtype": woningtype, "oppervlakte_m2": oppervlakte, "energielabel": label_nu,
               "bouwjaar": bouwjaar, "verwarming": verwarming, "woz_waarde": woz},
    "huishouden": {"personen": personen, **extra_huishouden},
    "verbruik": {k: v for k, v in (("gas_m3", gas), ("warmte_gj", warmte), ("elektriciteit_kwh", stroom))
                 if v is not None},
    "contract": contract,
    "ingreep": {"naar_label": doel, "maatregelen": maatregel_invoer, **extra_ingreep} if heeft_ingreep else None,
}
if fin_model is not None:
    gegevens["financiering"] = {k: v for k, v in fin.items() if v is not None}

casus, fout = g.maak_casus(gegevens) if g.invoer_klopt() else (None, None)
resultaat = None
if casus is not None:
    resultaat, fout = g.reken(casus, lambda: g.varianten(gegevens, {
        "woning.energielabel": ENERGIELABELS, "ingreep.naar_label": [None, *ENERGIELABELS],
        "woning.verwarming": VERWARMINGEN, "woning.oppervlakte_m2": g.stappen(oppervlakte, 1),
        "huishouden.personen": g.stappen(personen, 1), "woning.woz_waarde": g.stappen(woz, 5_000),
        "woning.bouwjaar": g.stappen(bouwjaar, 1)}))
if casus is not None:
    g.toon_doel_al_gehaald(label_nu, naar_label, bool(gekozen) or any(extra_ingreep.values()))
if fout:
    st.error(f"Deze situatie kan niet worden berekend: {letterlijk(fout)}", icon=":material/error:")
if resultaat is not None:
    toon_resultaat(resultaat, eigenaar=True)
    f = financiering(resultaat)
    if gekozen:
        st.subheader("Maatregelen, investering en subsidie")
        per_maatregel = {x.get("maatregel"): x for x in (getattr(f, "per_maatregel", None) or [])}
        rijen = []
        for m in gekozen:
            kern = per_maatregel.get(m, {})
            richtprijs = cat.loc[m, "investering_per_eenheid"]
            prijs = prijzen.get(m) if prijzen.get(m) is not None else richtprijs
            rijen.append({
                "Maatregel": MAATREGEL_NAMEN.get(m, m),
                "Hoeveelheid": f"{getal(kern.get('hoeveelheid', hoeveelheden.get(m)))} {_eenheid(m)}",
                "Prijs per eenheid": (euro(prijs) if pd.notna(prijs) else "–")
                + (" (offerte)" if prijzen.get(m) is not None else f" ({cat.loc[m, 'status']})"),
                "Investering": euro(kern["investering"], 0) if "investering" in kern else "–",
                "Subsidie (ISDE)": euro(kern["subsidie"], 0) if "subsidie" in kern else "–",
            })
        st.dataframe(pd.DataFrame(rijen), hide_index=True, width="stretch", key="eig_maatregelen_tabel")
        st.caption("Richtprijzen incl. btw uit labels/maatregelen.csv; een offerte van de aannemer gaat voor (vul "
                   "die in de zijbalk in). Subsidie volgens de ISDE-regels op de peildatum.")
    toon_financiering(resultaat)
    toon_energiearmoede(resultaat, alleen=("LEKWI",))
    toon_berekening(resultaat, key="hoe_berekend_eigenaar")
    jaren = toon_jarenpad(casus, "eigenaar_pad")
    woning = {
        "Woning": f"{WONINGTYPE_NAMEN[woningtype]}, {getal(oppervlakte)} m²"
                  + (f", bouwjaar {bouwjaar}" if bouwjaar else "") + f", WOZ {euro(woz or 0, 0)}",
        "Energielabel": label_nu + (f" → {resultaat.verbruik.energielabel_na}" if resultaat.na else ""),
        "Verwarming": VERWARMING_NAMEN[verwarming] + (
            f" → {VERWARMING_NAMEN.get(resultaat.verbruik.verwarming_na, '')}"
            if resultaat.verbruik.verwarming_na not in (None, verwarming) else ""),
        "Huishouden": f"{personen} {'persoon' if personen == 1 else 'personen'}",
    }
    if fin_model is not None and fin.get("vorm"):
        woning["Financiering"] = FINANCIERINGSVORMEN.get(fin["vorm"], fin["vorm"])
    maatregel_tekst = [f"{MAATREGEL_NAMEN.get(m, m)} {getal(hoeveelheden.get(m))} {_eenheid(m)}" for m in gekozen]
    html = advies_html(resultaat, woning=woning, eigenaar=True, maatregelen=maatregel_tekst, jaren=jaren)
    bestand = f"woonlastenadvies_eigenaar_{g.gemeente()}_{g.peildatum():%Y%m%d}"
    st.subheader("Advies om mee te geven")
    st.download_button("Advies downloaden (pdf)",
                       pdf_bij_klikken(resultaat, woning=woning, eigenaar=True, maatregelen=maatregel_tekst,
                                       jaren=jaren),
                       file_name=f"{bestand}.pdf", mime="application/pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:", type="primary", key="advies_eigenaar",
                       help="Eén A4 met de bedragen, de grafiek, het oordeel, de financiering, wat nu en de bronnen; "
                            "daarna, als ze er zijn, de jaren en de bijlage energiearmoede en gedrag. Om te bewaren, "
                            "af te drukken of te mailen.")
    st.download_button("Als webpagina (html)", html, file_name=f"{bestand}.html", mime="text/html",
                       on_click="ignore", icon=":material/public:", key="advies_eigenaar_html",
                       help="Hetzelfde advies als webpagina, ook goed leesbaar op een telefoon.")
    # the preview is drawn only on request: an iframe with the whole advice costs the first load time
    if st.toggle("Voorbeeld van het advies tonen", key="eig_voorbeeld_advies",
                 help="Toont het afdrukbare advies hieronder, zoals het wordt afgedrukt."):
        st.iframe(html, height=1100, alt="Voorbeeld van het afdrukbare woonlastenadvies voor de eigenaar")
