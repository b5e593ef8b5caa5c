"""Page 'Tarieven en bronnen': every data table in tariffs/ and labels/ with its validity dates, status and
source, filterable by date and by text — the transparency a tenants' association needs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from app import gedeeld as g
from woonlasten.data import LABELS_DIR, PROJECT_DIR, TARIFFS_DIR
from woonlasten.formatteer import getal

OMSCHRIJVING = {
    "tariffs/energiebelasting": "Energiebelasting en ODE per kWh en m³, per schijf",
    "tariffs/belastingvermindering": "Vermindering energiebelasting per elektriciteitsaansluiting",
    "tariffs/btw": "Btw-tarief op energie",
    "tariffs/prijsplafond": "Prijsplafond 2023 voor gas en stroom",
    "tariffs/leveringstarieven": "Gemiddelde leveringsprijzen en vaste leveringskosten",
    "tariffs/netbeheer": "Netbeheerkosten per netbeheerder",
    "tariffs/netbeheerder_gemeente": "Welke netbeheerder in welke gemeente",
    "tariffs/teruglevering": "Salderen en terugleververgoeding zonnestroom",
    "tariffs/gemeentelijke_belastingen": "Afvalstoffenheffing, rioolheffing en OZB per gemeente",
    "tariffs/waterschapsbelastingen": "Zuiveringsheffing en watersysteemheffing per waterschap",
    "tariffs/gemeente_waterschap": "Welk waterschap bij welke gemeente",
    "tariffs/vergoedingentabel": "Huurverhoging na woningverbetering (vergoedingentabel)",
    "tariffs/huurgrenzen": "Huurgrenzen (liberalisatiegrens, aftoppingsgrenzen)",
    "tariffs/huurregels": "Regels voor huurverhoging na verduurzaming en de rekenwijze van de huurtoeslag",
    "tariffs/huurverhoging_jaarlijks": "Wettelijke maximale jaarlijkse huurverhoging sociale huur per 1 juli",
    "tariffs/energietoeslag": "Tegemoetkoming energierekening 2022 (€ 190 per maand in november en december)",
    "tariffs/huurregel_teksten": "Uitleg bij de toegepaste huurregel",
    "tariffs/huurtoeslag": "Parameters van de huurtoeslag",
    "tariffs/huurtoeslag_voorbeelden": "Rekenvoorbeelden huurtoeslag",
    "tariffs/hypotheekruimte": "Extra hypotheekruimte voor energiebesparing",
    "tariffs/isde": "ISDE-subsidie per maatregel",
    "tariffs/warmte": "Warmtenet: maximumtarieven van de ACM (prijs per GJ en vaste kosten)",
    "tariffs/warmtefonds": "Warmtefonds: rente, looptijden en leengrenzen",
    "tariffs/wws_energiepunten": "Woningwaarderingsstelsel: punten voor het energielabel",
    "tariffs/wws_max_huurprijs": "Woningwaarderingsstelsel: maximale huurprijs per punt",
    "tariffs/epv": "Energieprestatievergoeding (EPV)",
    "labels/labelklassen": "Energielabelklassen (NTA 8800)",
    "labels/ruimteverwarming": "Gemeten gasverbruik voor ruimteverwarming per m², per woningtype en label",
    "labels/tapwater_koken": "Gas voor warm water en koken per huishoudgrootte",
    "labels/elektriciteit_huishouden": "Elektriciteitsverbruik per huishoudgrootte",
    "labels/warmtepomp": "Rendement (SPF) van warmtepompen per label",
    "labels/woningtypes": "Woningtypes: eengezins- of meergezinswoning (woningwaarderingsstelsel)",
    "labels/maatregelen": "Maatregelen en richtprijzen",
    "labels/maatregel_effect": "Effect van maatregelen per woningtype",
    "labels/parameters": "Vaste rekenparameters",
    "labels/co2_factoren": "CO₂-uitstoot per m³ gas en kWh",
    "tariffs/energiearmoede": "Energiearmoede: inkomensgrenzen en energiequote (Monitor Energiearmoede)",
    "labels/energiekwaliteit": "Energiearmoede: lage energiekwaliteit per label (benadering)",
    "labels/energiearmoede_huishoudfactor": "Energiearmoede: inkomen gestandaardiseerd naar één persoon",
    "labels/energiearmoede_indicatoren": "Energiearmoede: de vier indicatoren en hun benadering",
    "labels/gedrag": "Energiecoach: besparing door gedrag en kleine maatregelen (schatting)",
}
_VER = pd.Timestamp("2200-01-01")  # geldig_tot beyond this = open-ended


@st.cache_resource(show_spinner=False)
def _los_bestand(pad: str, gewijzigd: float) -> pd.DataFrame:
    """A data file the core does not load (yet): read as text, dates parsed where present."""
    f = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for kol in ("geldig_vanaf", "geldig_tot"):
        if kol in f.columns:
            f[kol] = pd.to_datetime(f[kol].replace("", None), errors="coerce")
    return f


def alle_tabellen() -> dict[str, tuple[pd.DataFrame, Path, bool]]:
    """name → (frame, file, used by the calculation) for every CSV in tariffs/ and labels/."""
    t = g.tabellen()
    uit: dict[str, tuple[pd.DataFrame, Path, bool]] = {}
    for map_ in (TARIFFS_DIR, LABELS_DIR):
        for pad in sorted(map_.glob("*.csv")):
            naam = f"{map_.name}/{pad.stem}"
            if naam in t.tabellen:
                uit[naam] = (t[naam].frame, t[naam].pad, True)
            else:
                try:
                    uit[naam] = (_los_bestand(str(pad), pad.stat().st_mtime), pad, False)
                except Exception:  # noqa: BLE001 - a broken extra file must not break the page
                    continue
    return uit


def geldig_op(frame: pd.DataFrame, datum) -> pd.DataFrame:
    """Rows valid on ``datum`` (every row of an undated table; rows without dates count as always valid)."""
    if "geldig_vanaf" not in frame.columns:
        return frame
    d = pd.Timestamp(datum)
    vanaf = frame["geldig_vanaf"].fillna(pd.Timestamp.min)
    tot = frame["geldig_tot"].fillna(pd.Timestamp.max) if "geldig_tot" in frame.columns else pd.Timestamp.max
    return frame[(vanaf <= d) & (tot >= d)]


def _periode(frame: pd.DataFrame) -> str:
    if "geldig_vanaf" not in frame.columns or frame["geldig_vanaf"].isna().all():
        return "altijd"
    van = frame["geldig_vanaf"].min()
    tot = frame["geldig_tot"].max() if "geldig_tot" in frame.columns else pd.NaT
    tot_tekst = "heden" if pd.isna(tot) or tot >= _VER else f"{tot:%d-%m-%Y}"
    return f"{van:%d-%m-%Y} – {tot_tekst}"


def _statussen(frame: pd.DataFrame) -> str:
    if "status" not in frame.columns:
        return ""
    tel = frame["status"].replace("", None).fillna("bevestigd").value_counts()
    return ", ".join(f"{n} {s}" for s, n in tel.items())


st.title("Tarieven en bronnen")
st.caption("Elk bedrag in de berekening komt uit een tabel met een geldigheidsperiode en een bron. Hier staan ze "
           "allemaal, zoals ze in de map tariffs/ en labels/ staan. Status: bevestigd = uit de primaire bron, "
           "afgeleid = berekend uit bronnen, schatting = beste schatting, voorstel = nog niet vastgesteld.")

tabellen = alle_tabellen()
datum = g.peildatum()
periode = st.radio("Welke regels?", ["Geldig op de peildatum", "Alle perioden"], key="br_periode",
                   horizontal=True, persist_state=g.BEWAAR,
                   help=f"'Geldig op de peildatum' toont alleen de regels die gelden op {datum:%d-%m-%Y} "
                        "(de peildatum in de zijbalk).")
op_datum = periode == "Geldig op de peildatum"

overzicht = pd.DataFrame([{
    "Tabel": naam, "Inhoud": OMSCHRIJVING.get(naam, ""),
    "Regels": f"{getal(len(geldig_op(f, datum)))} van {getal(len(f))}", "Periode": _periode(f),
    "Status": _statussen(f), "Gebruikt": "ja" if gebruikt else "nog niet",
} for naam, (f, _, gebruikt) in tabellen.items()])
st.subheader("Overzicht")
st.dataframe(overzicht, hide_index=True, width="stretch", key="br_overzicht",
             column_config={"Tabel": st.column_config.TextColumn(width=210, pinned=True),
                            "Inhoud": st.column_config.TextColumn(width=200),
                            "Regels": st.column_config.TextColumn(
                                f"Geldig op {datum:%d-%m-%Y}", width=115,
                                help="Regels die op de peildatum gelden, van het totaal in het bestand"),
                            "Periode": st.column_config.TextColumn(width=165),
                            "Status": st.column_config.TextColumn(width=170),
                            "Gebruikt": st.column_config.TextColumn("In de berekening", width=110)})

st.subheader("Een tabel bekijken")
namen = list(tabellen)
a, b = st.columns([2, 3])
with a:
    gekozen = st.selectbox("Tabel", namen, key="br_tabel", persist_state=g.BEWAAR,
                           index=namen.index("tariffs/gemeentelijke_belastingen")
                           if "tariffs/gemeentelijke_belastingen" in namen else 0,
                           format_func=lambda n: f"{OMSCHRIJVING.get(n, n)} ({n}.csv)",
                           help="Kies een tabel uit tariffs/ of labels/.")
with b:
    zoek = st.text_input("Zoeken in de tabel", key="br_zoek", persist_state=g.BEWAAR, max_chars=80,
                         placeholder="bijvoorbeeld Borne of gas",
                         help="Toont alleen de regels waarin deze tekst voorkomt (hoofdletters maken niet uit).")
frame, pad, gebruikt = tabellen[gekozen]
toon = geldig_op(frame, datum) if op_datum else frame
toon = toon.drop(columns=[k for k in toon.columns if k.startswith("_")])
if zoek:
    tekst = toon.astype(str).apply(lambda k: k.str.contains(zoek, case=False, regex=False))
    toon = toon[tekst.any(axis=1)]
if "geldig_tot" in toon.columns:
    toon = toon.assign(geldig_tot=toon["geldig_tot"].where(toon["geldig_tot"] < _VER))
st.caption(f"Bestand: {pad.relative_to(PROJECT_DIR) if pad.is_relative_to(PROJECT_DIR) else pad} · "
           f"{getal(len(toon))} van {getal(len(frame))} regels"
           + (f" (geldig op {datum:%d-%m-%Y})" if op_datum and 'geldig_vanaf' in frame.columns else "")
           + ("" if gebruikt else " · wordt nog niet gebruikt in de berekening"))
sleutel = [k for k in (g.tabellen()[gekozen].sleutel if gebruikt else list(toon.columns[:1])) if k in toon.columns]
eerst = sleutel + [k for k in ("geldig_vanaf", "geldig_tot") if k in toon.columns and k not in sleutel]
achter = [k for k in ("status", "bron", "toelichting") if k in toon.columns]
toon = toon[eerst + [k for k in toon.columns if k not in eerst + achter] + achter]
keuze = st.dataframe(
    toon, hide_index=True, width="stretch", key="br_inhoud", on_select="rerun", selection_mode="single-row",
    column_config={**{k: st.column_config.Column(pinned=True) for k in sleutel},
                   "geldig_vanaf": st.column_config.DateColumn("geldig vanaf", format="DD-MM-YYYY"),
                   "geldig_tot": st.column_config.DateColumn("geldig tot en met", format="DD-MM-YYYY"),
                   "bron": st.column_config.TextColumn("bron", width="large"),
                   "toelichting": st.column_config.TextColumn("toelichting", width="large")})
gekozen_rijen = keuze.selection.rows if keuze is not None and hasattr(keuze, "selection") else []
if gekozen_rijen:
    rij = toon.iloc[gekozen_rijen[0]]
    with st.container(border=True):
        st.markdown("**" + " · ".join(str(rij[k]) for k in sleutel) + "**")
        for kol, label in (("status", "Status"), ("bron", "Bron"), ("toelichting", "Toelichting")):
            if kol in rij.index and str(rij[kol]).strip() not in ("", "None", "nan"):
                st.markdown(f"**{label}:** {rij[kol]}")
else:
    st.caption("Kies een regel (vakje links) om de volledige bron en toelichting te lezen.")

documenten = sorted(pad.parent.glob("*.md"))
if documenten:
    st.subheader(f"Documentatie van de map {pad.parent.name}/")
    for doc in documenten:
        with st.expander(f"{pad.parent.name}/{doc.name}"):
            st.markdown(doc.read_text(encoding="utf-8"))
