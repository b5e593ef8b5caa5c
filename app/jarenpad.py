"""The section 'Over de jaren' of the tenant and owner pages: the woonlasten per year without and with the upgrade
(:func:`woonlasten.casus.bereken_jaren`), a line chart, a table in Dutch amounts and the assumptions in words.

The section opens on request (a toggle): its inputs and chart are not part of the page's first load.
"""

from __future__ import annotations

import streamlit as st

from app import gedeeld as g
from app.grafieken import EURO_AS
from app.opmaak import JAREN_AANNAMES, OKABE_ITO, jaren_let_op, jaren_markdown, jaren_oordeel, jaren_voetnoot, letterlijk
from woonlasten.casus import InvoerFout, bereken_jaren
from woonlasten.formatteer import euro, euro_verschil, getal
from woonlasten.modellen import MAX_PAD_JAREN, PAD_GRENZEN, Casus, Jaarpad, Pad

EIND_STANDAARD = 2030  # the horizon: "from now to 2030"
LIJNKLEUR = {"Zonder ingreep": OKABE_ITO["vermiljoen"], "Met ingreep": OKABE_ITO["blauw"]}
BELEID = {"maximum": "Wettelijk maximum van elk jaar", "percentage": "Eigen percentage per jaar"}


@st.cache_data(max_entries=200, show_spinner="De jaren worden berekend…")
def _bereken(casus_json: str, pad_json: str) -> dict:
    """The path as a plain dict (cached per case and path for all sessions); ``{"fout": …}`` when it cannot be."""
    try:
        return bereken_jaren(Casus.model_validate_json(casus_json), Pad.model_validate_json(pad_json),
                             g.tabellen()).model_dump(mode="json")
    except InvoerFout as exc:
        return {"fout": str(exc)}


def pad_invoer(sleutel: str, begin_standaard: int, huurder: bool) -> Pad | None:
    """The path's inputs (years, the rent policy for tenants, the index for unknown years); None while one cannot
    be read (the message stands at the field)."""
    fouten_voor = len(st.session_state.get(g._FOUTEN, []) or [])
    kolommen = st.columns(2)
    with kolommen[0]:
        begin = g.getalveld("Van jaar", "begin", f"{sleutel}_begin", begin_standaard,
                            "Het eerste jaar van het overzicht.", grenzen=PAD_GRENZEN["begin"], duizendtallen=False)
    with kolommen[1]:
        eind = g.getalveld("Tot en met jaar", "eind", f"{sleutel}_eind",
                           min(max(EIND_STANDAARD, begin_standaard), begin_standaard + MAX_PAD_JAREN - 1),
                           f"Het laatste jaar (hoogstens {MAX_PAD_JAREN} jaar na het eerste).",
                           grenzen=PAD_GRENZEN["eind"], duizendtallen=False)
    velden: dict = {"begin": begin, "eind": eind}
    if huurder:
        kolommen = st.columns(2)
        with kolommen[0]:
            beleid = st.selectbox("Huurverhoging per 1 juli", list(BELEID), format_func=BELEID.get,
                                  key=f"{sleutel}_beleid", persist_state=g.BEWAAR,
                                  help="Het wettelijk maximum voor sociale huur van elk jaar (voor een jaar dat "
                                       "nog niet bekend is: het laatst bekende, als aanname), of het eigen "
                                       "huurbeleid van de corporatie als percentage per jaar.")
        velden["huurbeleid"] = beleid
        if beleid == "percentage":
            with kolommen[1]:
                velden["huurverhoging_pct"] = g.getalveld(
                    "Huurverhoging (% per jaar)", "huurverhoging_pct", f"{sleutel}_pct", 2.0,
                    "Het eigen huurbeleid: de kale huur stijgt elk jaar per 1 juli met dit percentage.",
                    decimalen=1, grenzen=PAD_GRENZEN["huurverhoging_pct"])
    velden["index_onbekend_pct"] = g.getalveld(
        "Energie en lokale lasten na de bekende jaren (% per jaar)", "index_onbekend_pct", f"{sleutel}_index", 0.0,
        "Voor jaren waarvan de tarieven nog niet bekend zijn rekent het overzicht met de laatst bekende (0 %), of "
        "met deze stijging per jaar (een aanname die u kiest).", decimalen=1,
        grenzen=PAD_GRENZEN["index_onbekend_pct"])
    if len(st.session_state.get(g._FOUTEN, []) or []) > fouten_voor or None in velden.values():
        return None
    try:
        return Pad.model_validate(velden)
    except ValueError as exc:  # e.g. the last year before the first
        redenen = "; ".join(e["msg"].removeprefix("Value error, ") for e in getattr(exc, "errors", lambda: [])())
        st.error(f"Over de jaren: {redenen or exc}", icon=":material/error:")
        return None


def _gereed(casus: Casus, sleutel: str) -> Casus | None:
    """The case with the completion of its upgrade as asked (year and month); None while it cannot be read."""
    if casus.ingreep is None:
        return casus
    fouten_voor = len(st.session_state.get(g._FOUTEN, []) or [])
    kolommen = st.columns(2)
    with kolommen[0]:
        jaar = g.getalveld("Ingreep klaar in jaar", "gereed_jaar", f"{sleutel}_gereed_jaar",
                           casus.ingreep.gereed_jaar or casus.peildatum.year,
                           "Het jaar waarin de verduurzaming klaar is; daarvoor telt de situatie zonder.",
                           duizendtallen=False)
    with kolommen[1]:
        maand = g.getalveld("Maand (1-12)", "gereed_maand", f"{sleutel}_gereed_maand", casus.ingreep.gereed_maand or 1,
                            "De maand waarin de verduurzaming klaar is.")
    if len(st.session_state.get(g._FOUTEN, []) or []) > fouten_voor or jaar is None or maand is None:
        return None
    return casus.model_copy(update={"ingreep": casus.ingreep.model_copy(
        update={"gereed_jaar": jaar, "gereed_maand": maand})})


def lijnen_grafiek(jaren: list[int], zonder: list[float], met: list[float] | None, titel: str, ondertitel: str):
    """Lines of the woonlasten per month per year, without and (when given) with the upgrade; the amounts in the
    tooltip and the table beside it, so colour is not the only carrier."""
    import altair as alt

    rijen = [{"jaar": str(j), "situatie": "Zonder ingreep", "bedrag": z, "tekst": euro(z)}
             for j, z in zip(jaren, zonder, strict=True)]
    if met is not None:
        rijen += [{"jaar": str(j), "situatie": "Met ingreep", "bedrag": m, "tekst": euro(m)}
                  for j, m in zip(jaren, met, strict=True)]
    situaties = ["Zonder ingreep", "Met ingreep"] if met is not None else ["Zonder ingreep"]
    return alt.Chart(alt.Data(values=rijen)).mark_line(point=True, strokeWidth=3).encode(
        x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("bedrag:Q", title="€ per maand", scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=EURO_AS, tickCount=5)),
        color=alt.Color("situatie:N", title=None, scale=alt.Scale(domain=situaties,
                                                                  range=[LIJNKLEUR[s] for s in situaties]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("jaar:O", title="Jaar"), alt.Tooltip("situatie:N", title="Situatie"),
                 alt.Tooltip("tekst:N", title="Per maand")],
    ).properties(height=260, title=alt.Title(titel, subtitle=ondertitel))


def _grafiek(pad: Jaarpad):
    return lijnen_grafiek([j.jaar for j in pad.jaren], [j.zonder.totaal for j in pad.jaren],
                          [j.met.totaal for j in pad.jaren] if pad.gereed else None,
                          "Woonlasten per maand, per jaar", "gemiddeld over de maanden van elk jaar")


def toon_jarenpad(casus: Casus, sleutel: str) -> Jaarpad | None:
    """The section 'Over de jaren' for ``casus`` (the page's case; ``sleutel`` keeps the widgets of the tenant and
    the owner page apart). Returns the path shown (for the advice to hand over), None while it is off or cannot be
    computed."""
    st.subheader("Over de jaren")
    if not st.toggle(f"Woonlasten per jaar tonen, tot en met {max(EIND_STANDAARD, casus.peildatum.year)}",
                     key=f"{sleutel}_aan", persist_state=g.BEWAAR,
                     help="Huur, energie en lokale lasten per jaar zonder en met de ingreep: de huur stijgt elk jaar "
                          "per 1 juli, tarieven volgen het jaar, voor onbekende jaren met een aanname."):
        return None
    pad = pad_invoer(sleutel, casus.peildatum.year, casus.rol == "huurder")
    casus = _gereed(casus, sleutel)
    if pad is None or casus is None:
        return None
    uit = _bereken(casus.model_dump_json(), pad.model_dump_json())
    if "fout" in uit:
        st.error(f"Over de jaren kan niet worden berekend: {uit['fout']}", icon=":material/error:")
        return None
    r = Jaarpad.model_validate(uit)
    oordeel = jaren_oordeel(r)
    if oordeel is not None:
        (st.success if r.woonlastenneutraal_gemiddeld else st.warning)(
            oordeel, icon=":material/check_circle:" if r.woonlastenneutraal_gemiddeld else ":material/warning:")
    for zin in jaren_let_op(r):
        st.warning(zin, icon=":material/warning:")
    st.altair_chart(_grafiek(r), width="stretch")
    st.markdown(jaren_markdown(r))
    st.caption(letterlijk(jaren_voetnoot(r)))
    if r.aannames:
        st.markdown(f"**{JAREN_AANNAMES}**\n\n" + "\n".join(f"- {a}" for a in r.aannames))
    with st.expander("Hoe is dit per jaar berekend", icon=":material/menu_book:"):
        st.markdown("\n".join(f"- {t}" for t in r.toelichting))
        stappen = [n for j in r.jaren for n in j.notities if n.startswith("Huur per")]
        if stappen and casus.rol == "huurder":
            st.markdown("**Huurverhoging per jaar**\n\n" + "\n".join(f"- {s}" for s in stappen))
    return r


def toon_portefeuille_jaren(woningen, scenario, peildatum: str | None, bestand: str, sleutel: tuple) -> None:
    """The portfolio page's section 'Het programma per jaar': every dwelling per year without and with the
    scenario, phased by the file's column ``fasering`` (``gereed_jaar``): the stock's average per year, a table per
    complex and year, and the file per dwelling and year."""
    from woonlasten.portefeuille import bereken_portefeuille_jaren, naar_csv, samenvatting_jaren
    from woonlasten.portefeuille.schrijven import bestandsnaam, herkomst

    st.subheader("Het programma per jaar")
    if not st.toggle("Per jaar berekenen, met de fasering uit het bestand", key="pf_pad_aan", persist_state=g.BEWAAR,
                     help="Elke woning per jaar zonder en met het scenario, vanaf het jaar in de kolom fasering "
                          "(of gereed_jaar) van het bestand; zonder die kolom zijn alle woningen klaar in het "
                          "eerste jaar."):
        return
    jaar_nu = int(peildatum[:4]) if peildatum else g.peildatum().year
    pad = pad_invoer("pf_pad", jaar_nu, huurder=True)
    if pad is None:
        return
    if len(woningen) * (pad.eind - pad.begin + 1) > MAX_WONINGJAREN_APP:
        st.warning(f"Dat zijn meer dan {getal(MAX_WONINGJAREN_APP)} woning-jaren: reken dit met de opdrachtregel "
                   "(python -m woonlasten portefeuille … --jaren), die het resultaat als CSV schrijft.",
                   icon=":material/terminal:")
        return
    pad_sleutel = (*sleutel, pad.model_dump_json())
    bewaard = st.session_state.get("_pf_pad")
    if bewaard is not None and bewaard[0] == pad_sleutel:
        resultaat = bewaard[1]
    else:
        with st.spinner("Het programma wordt per jaar berekend…"):
            resultaat = bereken_portefeuille_jaren(woningen, scenario, pad, peildatum, g.tabellen())
        st.session_state["_pf_pad"] = (pad_sleutel, resultaat)
    totaal = samenvatting_jaren(resultaat, per=None)
    fasering = bool(resultaat.attrs.get("fasering"))
    st.caption("Fasering: " + ("het jaar per woning uit de kolom fasering (gereed_jaar) van het bestand."
                               if fasering else f"alle aangepakte woningen klaar in {pad.begin} (het bestand heeft "
                                                "geen kolom fasering of gereed_jaar)."))
    st.altair_chart(lijnen_grafiek(list(totaal["jaar"]), list(totaal["gemiddeld_zonder_maand"]),
                                   list(totaal["gemiddeld_met_maand"]), "Gemiddelde woonlasten per woning",
                                   "per maand, alle berekende woningen; met = zoals het programma loopt"),
                    width="stretch")
    regels = ["| Jaar | Klaar | Zonder | Met | Verschil | Neutraal |\n|:--|--:|--:|--:|--:|--:|"]
    for r in totaal.itertuples():
        neutraal = "–" if r.klaar == 0 else f"{getal(r.aandeel_neutraal * 100, 1)}%"
        regels.append(f"| {r.jaar} | {getal(r.klaar)} | {euro(r.gemiddeld_zonder_maand)} | "
                      f"{euro(r.gemiddeld_met_maand)} | {euro_verschil(r.gemiddeld_verschil_maand)} | {neutraal} |")
    st.markdown("\n".join(regels))
    st.caption("Gemiddeld per berekende woning per maand (een woning die nog niet klaar is telt mee met verschil 0); "
               "'Klaar': woningen met de ingreep in dat jaar; 'Neutraal': het deel daarvan dat niet duurder is.")
    from woonlasten.jaren import aannames

    regels = aannames(resultaat.attrs.get("notities", {}))
    if regels:
        st.markdown(f"**{JAREN_AANNAMES}**\n\n" + "\n".join(f"- {a}" for a in regels))
    if "complex" in resultaat.columns or resultaat.attrs.get("kolomnamen", {}).get("complex") in resultaat.columns:
        per = samenvatting_jaren(resultaat)
        st.dataframe(per, hide_index=True, width="stretch", key="pf_pad_complexen", placeholder="–",
                     column_order=["complex", "jaar", "woningen", "klaar", "gemiddeld_zonder_maand",
                                   "gemiddeld_met_maand", "gemiddeld_verschil_maand", "aandeel_neutraal", "fout"],
                     column_config={
                         "complex": st.column_config.TextColumn("Complex", pinned=True),
                         "jaar": st.column_config.NumberColumn("Jaar", format="%d", width="small"),
                         "woningen": st.column_config.NumberColumn("Woningen", format="localized", width="small"),
                         "klaar": st.column_config.NumberColumn("Klaar", format="localized", width="small"),
                         "gemiddeld_zonder_maand": st.column_config.NumberColumn("Zonder", format="euro"),
                         "gemiddeld_met_maand": st.column_config.NumberColumn("Met", format="euro"),
                         "gemiddeld_verschil_maand": st.column_config.NumberColumn("Verschil", format="euro"),
                         "aandeel_neutraal": st.column_config.NumberColumn("Neutraal", format="percent"),
                         "fout": st.column_config.NumberColumn("Fouten", format="localized", width="small"),
                     })
    over = herkomst(resultaat, woningen, scenario, bestand)
    st.download_button("Per woning en jaar als CSV (Excel-NL)", naar_csv(resultaat), on_click="ignore",
                       file_name=bestandsnaam(over, "csv"), mime="text/csv", key="pf_pad_csv",
                       icon=":material/download:",
                       help="Eén regel per woning per jaar: zonder, met en verschil per maand; jaren en scenario in "
                            "de naam.")


MAX_WONINGJAREN_APP = 1_000_000  # above it the page points to the CLI (memory and time of one browser session)
