"""Page 'Portefeuille': a whole housing stock through a scenario (label B / label A / own), per complex and per
dwelling — which dwellings stay woonlastenneutraal, the rows that could not be computed, how messy values were
read, and downloads that say what they are (scenario, peildatum and date in the name and inside).

The page uses its own settings (file, scenario) and the peildatum; the gemeente comes per dwelling from the file
(the sidebar has no gemeente choice on this page: app/start.py)."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from app import gedeeld as g
from app.grafieken import verschil_grafiek
from app.jarenpad import toon_portefeuille_jaren
from app.opmaak import letterlijk
from woonlasten.data import PROJECT_DIR
from woonlasten.formatteer import euro_verschil, getal
from woonlasten.portefeuille import (
    SCENARIOS,
    VERPLICHTE_KOLOMMEN,
    PortefeuilleFout,
    Scenario,
    bereken_portefeuille,
    fysieke_regels,
    lees_woningen,
    leesverslag,
    naar_csv,
    naar_excel,
    naar_invoer,
    samenvatting,
    scenario_uit_tekst,
)
from woonlasten.portefeuille.lezen import leesnotitie
from woonlasten.portefeuille.schrijven import bestandsnaam, geldkolommen, herkomst, ja_nee
from woonlasten.regels.gegevensdekking import waarschuwing_voor

VOORBEELD = PROJECT_DIR / "data" / "voorbeeld_portefeuille.csv"
SJABLOON = PROJECT_DIR / "data" / "sjabloon_portefeuille.csv"
STUK = 20_000  # dwellings per step of the progress bar (one calculation block)
# Up to this many dwellings a download file is made with the result (the CSV of 200.000 dwellings takes about a
# second, an .xlsx of 20.000 some two to three: bench/uitvoer.py); above it, on request with a button (an .xlsx takes
# some 0,15 ms per dwelling).
DIRECT = {"csv": 200_000, "xlsx": 20_000}
MS_PER_WONING = {"csv": 0.005, "xlsx": 0.15}
EXCEL_MAX = 1_048_575  # rows of an Excel sheet, minus the header


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{getal(float(x) * 100, 1)}%"


def _bereken(woningen: pd.DataFrame, scenario: Scenario, peildatum: str | None) -> pd.DataFrame:
    """The portfolio through the core, in blocks with a progress bar when it is large."""
    n = len(woningen)
    if n <= STUK:
        return bereken_portefeuille(woningen, scenario, peildatum, g.tabellen())
    balk = st.progress(0.0, text=f"0 van {getal(n)} woningen berekend")

    def voortgang(deel: float) -> None:
        balk.progress(deel, text=f"{getal(min(n, round(deel * n)))} van {getal(n)} woningen berekend")

    resultaat = bereken_portefeuille(woningen, scenario, peildatum, g.tabellen(), voortgang=voortgang, blok=STUK)
    balk.empty()
    return resultaat


def _bestanden(sleutel: tuple) -> dict[str, tuple[bytes, str, str]]:
    """The download files made for this result, kept in the session (freed with it) so that every rerun hands the
    same bytes to the download button: the same file on the server. A new result starts empty; the files of the
    result before it stay in the session as well (see ``_houd_bestanden_vast``)."""
    bewaard = st.session_state.get("_pf_bestanden") or []
    for eerder, bestanden in bewaard:
        if eerder == sleutel:
            return bestanden
    bestanden: dict[str, tuple[bytes, str, str]] = {}
    st.session_state["_pf_bestanden"] = [*bewaard[-1:], (sleutel, bestanden)]
    return bestanden


def _houd_bestanden_vast() -> None:
    """Keep the download files of this and the previous result on the server while this run computes. A run that
    is interrupted by the next click (its result half made) must not let go of the file of a button that is still
    on screen; other sessions tidy up the server's files meanwhile. The same bytes, type and name give the same
    file, at the same address. (A stale button cannot be clicked: app/start.py.)"""
    bewaard = st.session_state.get("_pf_bestanden")
    if not bewaard:
        return
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return
    for i, (_sleutel, bestanden) in enumerate(bewaard):
        for soort, (data, mime, naam) in bestanden.items():
            Runtime.instance().media_file_mgr.add(data, mime, f"woonlasten.portefeuille.vast{i}.{soort}", naam,
                                                  is_for_static_download=True)


def _download(soort: str, bestanden: dict[str, tuple[bytes, str, str]], maak, n: int, **knop) -> None:
    """A download button with its file made beforehand (not a deferred callable: with several sessions at once
    Streamlit could drop one before the click, and the download then failed without a word). A large file is made
    on request; a file that cannot be made says why, in Dutch."""
    if soort == "xlsx" and n > EXCEL_MAX:
        st.info(f"Excel past niet: een werkblad heeft ten hoogste {getal(EXCEL_MAX)} regels en deze portefeuille "
                f"heeft {getal(n)} woningen. Gebruik de CSV.", icon=":material/info:")
        return
    if soort not in bestanden and n > DIRECT[soort]:
        duur = n * MS_PER_WONING[soort] / 1000
        schatting = f"ongeveer {getal(max(1, round(duur / 60)))} min" if duur >= 90 else \
            f"ongeveer {getal(max(1, round(duur)))} s"
        if not st.button(f"{knop['label']} maken", key=f"{knop['key']}_maken", icon=":material/build:",
                         help=f"Het bestand voor {getal(n)} woningen maken duurt {schatting}; daarna verschijnt "
                              "hier de downloadknop."):
            return
    if soort not in bestanden:
        try:
            with st.spinner(f"Bestand maken voor {getal(n)} woningen…"):
                bestanden[soort] = (maak(), knop["mime"], knop["file_name"])
        except Exception as exc:  # noqa: BLE001 - say why, never a traceback
            st.error(f"Het bestand kon niet worden gemaakt ({exc.__class__.__name__}: {letterlijk(exc)}).",
                     icon=":material/error:")
            return
    st.download_button(data=bestanden[soort][0], on_click="ignore", icon=":material/download:", **knop)


st.title("Portefeuille")
_houd_bestanden_vast()
st.caption("Een hele voorraad woningen door een scenario: welke woningen en complexen blijven woonlastenneutraal? "
           "Voor de assetmanager, de huurdersorganisatie en de gemeente bij de prestatieafspraken.")

with st.sidebar:
    with st.expander("Woningen", expanded=True):
        bronnen = (["Voorbeeldportefeuille", "Eigen bestand"] if VOORBEELD.exists() else ["Eigen bestand"])
        bron = st.radio("Welke woningen?", bronnen, key="pf_bron", horizontal=True, persist_state=g.BEWAAR,
                        help="De meegeleverde voorbeeldportefeuille, of een eigen bestand (CSV of Excel).")
        upload = None
        if bron == "Eigen bestand":
            upload = st.file_uploader(
                "Bestand met woningen (CSV of Excel)", type=["csv", "txt", "xlsx"], key="pf_upload",
                help="Eén woning per regel. Verplichte kolommen: " + ", ".join(VERPLICHTE_KOLOMMEN) + ". Optioneel: "
                     "servicekosten, personen, bouwjaar, verwarming, woz_waarde, gas_m3, elektriciteit_kwh. CSV met "
                     "; of , en decimale komma mag; Excel .xlsx (eerste blad).")
        if SJABLOON.exists():
            st.download_button("Sjabloon downloaden (CSV voor Excel)", SJABLOON.read_bytes(),
                               file_name="sjabloon_portefeuille.csv", mime="text/csv", on_click="ignore",
                               key="pf_sjabloon", icon=":material/description:",
                               help="Een bestand met alle kolommen die de app kent en twee voorbeeldregels.")
    with st.expander("Scenario", expanded=True):
        keuzes = [*SCENARIOS, "eigen"]
        keuze = st.radio(
            "Scenario", keuzes, key="pf_scenario", persist_state=g.BEWAAR,
            format_func=lambda k: SCENARIOS[k].omschrijving if k in SCENARIOS else "Eigen scenario",
            help="Woningen met een slechter label dan het doellabel krijgen de maatregelen en het doellabel; de "
                 "andere woningen blijven zoals ze zijn.")
        if keuze == "eigen":
            doel = g.keuze("Doellabel", ["A", "B", "C", "D"], "pf_doellabel", "B",
                           "Het label dat alle woningen met een slechter label krijgen.")
            extra = g.maatregel_keuze("pf_maatregelen", ["spouwmuurisolatie", "dakisolatie", "vloerisolatie"],
                                      "De maatregelen die bij elke aangepakte woning worden uitgevoerd.")
            scenario = scenario_uit_tekst(f"eigen:{doel}:{';'.join(extra)}")
        else:
            scenario = SCENARIOS[keuze]
        st.caption(f"Maatregelen: {scenario.maatregelen.replace(';', ', ').replace('_', ' ') or 'geen'}.")

data, naam = None, None
if bron == "Voorbeeldportefeuille":
    data, naam = VOORBEELD.read_bytes(), VOORBEELD.name
elif upload is not None:
    data, naam = upload.getvalue(), upload.name
if data is None:
    st.info("Kies in de zijbalk een bestand met woningen (CSV of Excel), één woning per regel, met minstens de "
            "kolommen "
            + ", ".join(VERPLICHTE_KOLOMMEN) + ".", icon=":material/upload_file:")
    st.stop()

try:
    woningen = lees_woningen(data, naam)
except PortefeuilleFout as exc:
    st.error(f"Het bestand kan niet worden gelezen: {letterlijk(exc)}", icon=":material/error:")
    st.stop()
except Exception as exc:  # noqa: BLE001 - never a traceback on screen
    st.error(f"Het bestand kan niet worden gelezen ({exc.__class__.__name__}). Controleer of het een CSV- of "
             "Excelbestand (.xlsx) met één woning per regel is.", icon=":material/error:")
    st.stop()

eigen_datum = False
if any(str(k).strip().lower() == "peildatum" for k in woningen.columns):
    eigen_datum = st.checkbox("Peildatum per woning uit het bestand gebruiken", key="pf_eigen_peildatum",
                              help="Het bestand heeft een kolom peildatum. Uit = de peildatum in de zijbalk.")
if not eigen_datum and not g.invoer_klopt():  # the sidebar's peildatum could not be read: no result of another date
    st.stop()
peildatum = None if eigen_datum else g.peildatum().isoformat()

sleutel = (hashlib.sha1(data).hexdigest(), scenario, peildatum, naam)
bewaard = st.session_state.get("_pf_resultaat")
if bewaard is not None and bewaard[0] == sleutel:
    resultaat = bewaard[1]
else:
    try:
        resultaat = _bereken(woningen, scenario, peildatum)
    except PortefeuilleFout as exc:
        st.error(f"Het bestand kan niet worden berekend: {letterlijk(exc)}", icon=":material/error:")
        st.stop()
    except Exception as exc:  # noqa: BLE001
        st.error(f"De berekening is onverwacht mislukt ({exc.__class__.__name__}: {letterlijk(exc)}).",
                 icon=":material/error:")
        st.stop()
    st.session_state["_pf_resultaat"] = (sleutel, resultaat)

totaal = samenvatting(resultaat, per=None).iloc[0]
# the file's own names of our columns (e.g. 'VHE' for id, 'Complexnummer' for complex): the result keeps them
try:
    eigen_naam = {v: k for k, v in naar_invoer(woningen.head(1))[1].items()}
except PortefeuilleFout:
    eigen_naam = {}
per_complex = None
if "complex" in eigen_naam:
    per_complex = samenvatting(resultaat, per=eigen_naam["complex"])
    per_complex = per_complex.rename(columns={per_complex.columns[0]: "complex"})  # the group column
n = len(resultaat)
n_fout = int(totaal["fout"])
aangepakt = int(totaal["aangepakt"])
neutraal = int(totaal["neutraal"])

st.subheader(scenario.omschrijving)
st.caption(f"Bestand: {letterlijk(naam)} · {getal(n)} woningen · peildatum "
           + (f"{g.peildatum():%d-%m-%Y}" if peildatum else "per woning uit het bestand")
           + " · de gemeente per woning uit het bestand")
st.caption(letterlijk(leesverslag(woningen)))  # how the file was read: separator, encoding, decimal rule
if peildatum:  # a peildatum beyond the tables' years: which figures are carried on, said once for the page
    status = waarschuwing_voor(pd.Timestamp(peildatum), g.tabellen())
    if status:
        st.info(status.replace("Let op:", "**Let op:**", 1), icon=":material/event_upcoming:")
notitie = leesnotitie(resultaat)  # how messy values were read ('85 m2' as 85), and what was refused
if notitie:
    with st.expander(f"Zo zijn waarden gelezen ({getal(len(notitie))})", expanded=True,
                     icon=":material/find_replace:"):
        st.markdown("\n".join(f"- {letterlijk(regel)}" for regel in notitie))
        st.caption("Klopt een lezing niet, pas dan het bestand aan: schrijf getallen zonder eenheid of €-teken en "
                   "gebruik de woorden uit het sjabloon.")
k = st.columns(5)
k[0].metric("Woningen", getal(n), help="Alle regels uit het bestand.")
k[1].metric("Aangepakt", getal(aangepakt), help="Woningen met een slechter label dan het doellabel.")
k[2].metric("Woonlastenneutraal", _pct(totaal["aandeel_neutraal"]),
            help=f"{getal(neutraal)} van de {getal(aangepakt)} aangepakte woningen hebben na de ingreep geen "
                 "hogere woonlasten.")
k[3].metric("Gemiddeld verschil", euro_verschil(totaal["gemiddeld_verschil_maand"])
            if pd.notna(totaal["gemiddeld_verschil_maand"]) else "–",
            help="Gemiddelde verandering van de woonlasten per aangepakte woning, per maand.")
k[4].metric("Met een fout", getal(n_fout), help="Regels die niet berekend konden worden; zie de lijst hieronder.")

if aangepakt:
    gemiddeld = totaal["gemiddeld_verschil_maand"]
    zin = (f"Gemiddeld woonlastenneutraal: {'ja' if gemiddeld <= 0 else 'nee'} "
           f"({euro_verschil(gemiddeld)} per maand per aangepakte woning). Per woning: {getal(neutraal)} van "
           f"{getal(aangepakt)} aangepakte woningen blijven woonlastenneutraal ({_pct(totaal['aandeel_neutraal'])}); "
           f"de slechtste gaat {euro_verschil(totaal['slechtste_verschil_maand'])} per maand.")
    if gemiddeld <= 0:
        st.success(zin, icon=":material/check_circle:")
    else:
        st.warning(zin, icon=":material/warning:")
    ok = (resultaat["status"] == "ok") & (resultaat["scenario_actie"] == "aangepakt")
    st.altair_chart(verschil_grafiek(resultaat.loc[ok, "verschil_totaal"]), width="stretch",
                       alt="Staafdiagram: aantal woningen per verschil in woonlasten; links van de stippellijn bij "
                           "nul euro zijn de woningen woonlastenneutraal.")
else:
    st.info("Geen enkele woning heeft een slechter label dan het doellabel: er is niets aan te pakken.")

if per_complex is not None:
    st.subheader("Per complex")
    tabel = ja_nee(per_complex)
    # numbers stay numbers (sorting works); "localized"/"euro" show them in the browser's language: 1.234,56 in
    # a Dutch browser
    st.dataframe(
        tabel, hide_index=True, width="stretch", key="pf_complexen", placeholder="–",
        column_order=["complex", "woningen", "aangepakt", "neutraal", "aandeel_neutraal", "gemiddeld_verschil_maand",
                      "slechtste_verschil_maand", "gemiddelde_huurverhoging_maand",
                      "gemiddelde_energiebesparing_maand", "fout"],
        column_config={
            "complex": st.column_config.TextColumn("Complex", pinned=True),
            "woningen": st.column_config.NumberColumn("Woningen", format="localized", width="small"),
            "aangepakt": st.column_config.NumberColumn("Aangepakt", format="localized", width="small"),
            "neutraal": st.column_config.NumberColumn("Neutraal", format="localized", width="small",
                                                      help="Aangepakte woningen die woonlastenneutraal blijven"),
            "aandeel_neutraal": st.column_config.ProgressColumn(
                "Aandeel neutraal", format="percent", min_value=0, max_value=1, color="#0072B2", width=115,
                help="Deel van de aangepakte woningen dat woonlastenneutraal blijft"),
            "gemiddeld_verschil_maand": st.column_config.NumberColumn(
                "Verschil", format="euro", help="Gemiddeld verschil in woonlasten per aangepakte woning "
                                                     "[€/maand]; negatief = goedkoper na de ingreep"),
            "slechtste_verschil_maand": st.column_config.NumberColumn(
                "Hoogste", format="euro",
                help="Het hoogste verschil in woonlasten van een woning in dit complex [€/maand]"),
            "gemiddelde_huurverhoging_maand": st.column_config.NumberColumn(
                "Huurverhoging", format="euro", help="Gemiddelde huurverhoging per aangepakte woning [€/maand]"),
            "gemiddelde_energiebesparing_maand": st.column_config.NumberColumn(
                "Besparing", format="euro", help="Gemiddelde besparing op energie per aangepakte woning [€/maand]"),
            "fout": st.column_config.NumberColumn("Fouten", format="localized", width="small"),
        })
    st.caption("Klik op een kolomkop om te sorteren; schuif de tabel opzij voor meer kolommen. Bedragen in euro "
               "per maand: gemiddeld per aangepakte woning, bij Hoogste de woning met het hoogste verschil.")

if n_fout:
    st.subheader(f"Woningen met een fout ({getal(n_fout)})")
    fouten = resultaat[resultaat["status"] == "fout"]
    kolommen = [eigen_naam[k] for k in ("id", "complex", "gemeente", "energielabel") if k in eigen_naam]
    lijst = fouten[kolommen + ["melding"]].copy()
    lijst.insert(0, "regel", fysieke_regels(woningen, fouten.index.to_numpy()))  # the physical line in the file
    st.dataframe(lijst, hide_index=True, width="stretch", key="pf_fouten",
                 column_config={"regel": st.column_config.NumberColumn("Regel in het bestand", format="%d"),
                                "melding": st.column_config.TextColumn("Reden", width="large")})

with st.expander(f"Alle woningen ({getal(n)})"):
    eerste = ja_nee(resultaat.head(2_000))
    geld, jaar = geldkolommen(resultaat), eigen_naam.get("bouwjaar")  # a year without a thousands dot

    def _formaat(kol: str) -> str:
        return "euro" if kol in geld else "%d" if kol == jaar else "localized"

    st.dataframe(eerste, hide_index=True, width="stretch", key="pf_alle", column_config={
        kol: st.column_config.NumberColumn(format=_formaat(kol))
        for kol in eerste.columns if pd.api.types.is_numeric_dtype(eerste[kol].dtype)})
    if n > 2_000:
        st.caption("De eerste 2.000 woningen; de download bevat ze allemaal.")

st.subheader("Downloaden")
over = herkomst(resultaat, woningen, scenario, naam)  # scenario, peildatum, date made: in the name and the file
bestanden = _bestanden(sleutel)
a, b = st.columns(2)
with a:
    _download("csv", bestanden, lambda: naar_csv(resultaat), n, label="Resultaat als CSV (Excel-NL)",
              file_name=bestandsnaam(over, "csv"), mime="text/csv", key="pf_csv",
              help="Alle woningen met hun uitkomst; puntkomma en decimale komma. Scenario en peildatum staan in de "
                   "naam en in de kolommen scenario en peildatum.")
with b:
    _download("xlsx", bestanden, lambda: naar_excel(resultaat, {
                  "complexen": per_complex if per_complex is not None else pd.DataFrame(),
                  "totaal": samenvatting(resultaat, per=None)}, herkomst=over), n,
              label="Resultaat als Excel (.xlsx)", file_name=bestandsnaam(over, "xlsx"),
              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="pf_xlsx",
              help="Bladen: woningen, complexen, totaal en 'Over dit bestand' (scenario, peildatum, bronbestand "
                   "en hoe het is gelezen).")

toon_portefeuille_jaren(woningen, scenario, peildatum, naam, sleutel)
