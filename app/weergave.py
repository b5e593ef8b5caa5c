"""A result on screen (tenant and owner pages): verdict in words, metrics with their change, the chart, the
breakdown, the rent side, consumption, and 'Hoe is dit berekend' with every rule and source."""

from __future__ import annotations

import html

import streamlit as st

from app.grafieken import kasstroom_grafiek, woonlasten_spec
from app.opmaak import (
    FINANCIERING_UITLEG,
    armoede_rijen,
    band_let_op,
    band_regel,
    betaalrisico_zin,
    coach_rijen,
    financiering,
    financiering_waarden,
    huurtoeslag_berekend,
    kasstroom,
    lening_tekst,
    nulpunt,
    oordeel_na_huurtoeslag,
    optioneel,
    tabel_markdown,
    verbruik_tekst,
)
from woonlasten.formatteer import euro, euro_verschil, getal, oordeel
from woonlasten.modellen import Resultaat

FINANCIERING_PER_RIJ = 4  # financing figures side by side (five cut the labels at 1366 px)

def verschil_delta(x: float | None) -> dict:
    """Arguments for ``st.metric``: the change with sign, in words too ('minder'/'meer'), green when lower."""
    if x is None:
        return {}
    if round(x, 2) == 0:
        return {"delta": "€ 0,00", "delta_color": "off", "delta_arrow": "off", "delta_description": "gelijk"}
    return {"delta": euro_verschil(x), "delta_color": "inverse",
            "delta_description": "minder" if x < 0 else "meer"}


def toon_oordeel(r: Resultaat) -> None:
    """The verdict as a sentence; the box colour only repeats what the words say. With huurtoeslag estimated, the
    verdict after huurtoeslag follows on a second line."""
    if r.verschil is None:
        st.info("Geen ingreep gekozen: hieronder alleen de woonlasten van nu.", icon=":material/info:")
        return
    tekst = oordeel(r)
    if huurtoeslag_berekend(r) and r.rol == "huurder":
        tekst += "  \n" + oordeel_na_huurtoeslag(r)
    if r.woonlastenneutraal:
        st.success(tekst, icon=":material/check_circle:")
    else:
        st.warning(tekst, icon=":material/warning:")
    let_op = band_let_op(r)
    if let_op:  # principle 7: the band changes the verdict, said in words right under it
        st.warning(let_op.replace("Let op:", "**Let op:**", 1), icon=":material/help:")
    toon_status_cijfers(r)


def toon_status_cijfers(r: Resultaat) -> None:
    """Under the verdict: figures of the peildatum that are not known yet (carried on from an earlier year) or only
    proposed (voorstel), in words."""
    regels = [t.tekst.replace("Let op:", "**Let op:**", 1) for t in r.toelichting if t.onderwerp == "Tarieven"]
    voorstel = list(dict.fromkeys(t.onderwerp.split(": ", 1)[-1] for t in r.toelichting if t.status == "voorstel"))
    if voorstel:
        regels.append(f"Nog niet definitief (voorstel) op {r.peildatum:%d-%m-%Y}: {', '.join(voorstel)}.")
    if regels:
        st.info("  \n".join(regels), icon=":material/event_upcoming:")


def toon_metrics(r: Resultaat, eigenaar: bool = False) -> None:
    toeslag = not eigenaar and huurtoeslag_berekend(r) and r.na is not None
    kolommen = st.columns(5 if toeslag else 4)
    kolommen[0].metric("Woonlasten nu", euro(r.voor.totaal), help="Huur, energie en lokale lasten per maand, nu.")
    if r.na is None:
        kolommen[1].metric("Energie nu", euro(r.voor.energie.totaal))
        return
    v = r.verschil
    kolommen[1].metric("Woonlasten na", euro(r.na.totaal), **verschil_delta(v.totaal),
                       help="Totaal per maand na de ingreep; de verandering staat eronder.")
    kolommen[2].metric("Energie na", euro(r.na.energie.totaal), **verschil_delta(v.energie.totaal),
                       help="Gas en elektriciteit per maand, inclusief vaste kosten en belastingen.")
    if eigenaar:
        kolommen[3].metric("Lokale lasten na", euro(r.na.lokale_lasten.totaal),
                           **verschil_delta(v.lokale_lasten.totaal), help="OZB, riool-, afval- en waterschapsheffing.")
    else:
        kolommen[3].metric("Huur na", euro(r.na.huur.totaal), **verschil_delta(v.huur.totaal),
                           help="Kale huur, servicekosten en huurverhoging per maand (vóór huurtoeslag).")
    if toeslag:
        kolommen[4].metric("Na huurtoeslag", euro(r.na.totaal_netto), **verschil_delta(v.totaal_netto),
                           help="Woonlasten na de ingreep min de geschatte huurtoeslag.")


def toon_huurkant(r: Resultaat) -> None:
    """The rent rule applied, the rent's place among the legal limits, huurtoeslag and net rent."""
    st.subheader("De huur")
    info = getattr(r, "huur_informatie", None)
    regels = [f"Kale huur {euro(r.voor.huur.kale_huur)} en servicekosten {euro(r.voor.huur.servicekosten)} per "
              "maand."]
    if r.na is not None:
        verhoging = r.na.huur.huurverhoging
        herkomst = {"opgegeven": "zoals opgegeven", "regels": "volgens de regels"}.get(
            getattr(info, "huurverhoging_herkomst", ""), "")
        regels.append(f"Huurverhoging na de ingreep: **{euro(verhoging)}** per maand"
                      + (f" ({herkomst})" if herkomst else "") + ".")
    if info is not None:
        if info.regel:
            regels.append(f"Regel: {info.regel}")
        if info.vergelijking:  # e.g. 'boven de vergoedingentabel'
            regels.append(f"Afgesproken huurverhoging: {info.vergelijking}.")
        if info.zonnepanelen_servicekosten:
            regels.append(f"Zonnepanelen via de servicekosten: {euro(info.zonnepanelen_servicekosten)} per maand.")
        if info.huurklasse_voor:
            klasse = f"Huurklasse: {info.huurklasse_voor}"
            if info.huurklasse_na and info.huurklasse_na != info.huurklasse_voor:
                klasse += f" → na de ingreep {info.huurklasse_na}"
            regels.append(klasse + ".")
        if info.maximale_huur_voor is not None:
            tekst = f"Maximale huur volgens het puntenstelsel (WWS): {euro(info.maximale_huur_voor)}"
            if info.maximale_huur_na is not None and r.na is not None:
                tekst += f", na de ingreep {euro(info.maximale_huur_na)}"
            regels.append(tekst + ".")
        if info.epv_maximum_maand is not None:
            regels.append(f"Maximale energieprestatievergoeding (EPV): {euro(info.epv_maximum_maand)} per maand.")
    if huurtoeslag_berekend(r):
        tekst = (f"Geschatte huurtoeslag nu: **{euro(-r.voor.huur.huurtoeslag)}** per maand; te betalen huur "
                 f"{euro(r.voor.huur.netto)}")
        if r.na is not None:
            tekst += (f". Na de ingreep: huurtoeslag {euro(-r.na.huur.huurtoeslag)}, te betalen "
                      f"{euro(r.na.huur.netto)}")
        regels.append(tekst + ".")
    else:
        regels.append("Huurtoeslag: vul in de zijbalk het inkomen van het huishouden in voor een schatting.")
    st.markdown("\n".join(f"- {x}" for x in regels))
    if info is not None and info.boven_maximale_huur:
        st.warning("De huur ligt boven de maximale huur volgens het puntenstelsel.", icon=":material/warning:")


def toon_financiering(r: Resultaat) -> None:
    """The owner's investment, subsidy, loan and payback from the core, with the cumulative-cash chart."""
    st.subheader("Investering en financiering")
    f = financiering(r)
    if f is None:
        st.info("Financiering volgt: investering, ISDE-subsidie, lening, maandlast en terugverdientijd worden "
                "berekend zodra er maatregelen zijn gekozen.", icon=":material/info:")
        return None
    waarden = financiering_waarden(f)
    for start in range(0, len(waarden), FINANCIERING_PER_RIJ):
        kolommen = st.columns(FINANCIERING_PER_RIJ)
        for kolom, (label, tekst) in zip(kolommen, waarden[start:start + FINANCIERING_PER_RIJ], strict=False):
            kolom.metric(label, tekst, help=FINANCIERING_UITLEG.get(label))
    regels = [lening_tekst(f)]
    if optioneel(f, "netto_maandeffect") is not None:
        effect = f.netto_maandeffect
        regels.append(f"Per maand: maandlast {euro(optioneel(f, 'maandlast') or 0)} min besparing "
                      f"{euro(optioneel(f, 'energiebesparing_maand') or 0)} = {euro_verschil(effect)} "
                      + ("(de eigenaar houdt geld over)." if effect < 0 else "(de eigenaar betaalt meer)."
                         if effect > 0 else "(gelijk)."))
    if optioneel(f, "extra_leenruimte") is not None:
        regels.append(f"Extra leenruimte in de hypotheek voor energiebesparing: {euro(f.extra_leenruimte, 0)}.")
    st.markdown("\n".join(f"- {x}" for x in regels))
    if getattr(f, "boven_leenruimte", False):
        st.warning("De lening is hoger dan de extra leenruimte voor energiebesparing.", icon=":material/warning:")
    rijen = kasstroom(f)
    if rijen:
        punt = optioneel(f, "terugverdiend_met_financiering_jaar")
        if punt is None:
            punt = nulpunt(rijen)
        st.altair_chart(kasstroom_grafiek(rijen, punt), width="stretch",
                        alt="Lijn van het opgeteld resultaat per jaar; onder nul is de investering nog niet "
                            "terugverdiend.")
        st.caption("Opgeteld per jaar: de besparing op energie min de betalingen voor de lening (met rente) en het "
                   "eigen geld, bij de prijzen van de peildatum. "
                   + (f"De lijn komt in jaar {getal(punt)} weer boven nul." if punt is not None else
                      f"Binnen {rijen[-1]['jaar']} jaar komt de lijn niet boven nul.")
                   + " De terugverdientijd zonder rente is netto investering ÷ besparing per jaar.")


def toon_berekening(r: Resultaat, key: str) -> None:
    """The expander 'Hoe is dit berekend': every rule and data row used, with its source and status. Its content is
    sent only once it is opened (a rerun): some ten thousand characters of Markdown with sources and links that
    the browser would otherwise lay out on every first load, closed."""
    vak = st.expander("Hoe is dit berekend", icon=":material/menu_book:", key=key, on_change="rerun")
    if not vak.open:
        return
    with vak:
        st.caption(verbruik_tekst(r))
        # one element for all items (not two per item): some forty fewer elements for the browser to draw
        st.markdown("\n\n".join(toelichting_markdown(t) for t in r.toelichting), unsafe_allow_html=True)


def toelichting_markdown(t) -> str:
    """One item of 'Hoe is dit berekend' as Markdown: the subject in bold, the text, and the source on its own line
    in small grey type (escaped: a source is text, never markup)."""
    uit = f"**{_html(t.onderwerp)}.** {_html(t.tekst)}"
    if t.bron:
        status = f" ({t.status})" if t.status and t.status != "bevestigd" else ""
        uit += (f"  \n<span style='color: rgba(49, 51, 63, 0.6); font-size: 0.875rem'>Bron{_html(status)}: "
                f"{_html(t.bron)}</span>")
    return uit


def _html(tekst: str) -> str:
    return html.escape(str(tekst), quote=False)


def toon_resultaat(r: Resultaat, eigenaar: bool = False) -> None:
    """Verdict, metrics, band, chart and table."""
    toon_oordeel(r)
    toon_metrics(r, eigenaar)
    regel = band_regel(r)
    if regel:
        st.caption(regel)
    links, rechts = st.columns([2, 3], gap="medium")  # the table needs the room: four columns of amounts
    with links:
        st.vega_lite_chart(spec=woonlasten_spec(r), width="stretch",
                        alt="Gestapelde staven van de woonlasten per maand nu en na de ingreep, per onderdeel.")
    with rechts:
        st.markdown(tabel_markdown(r, eigenaar))
    st.caption(verbruik_tekst(r) + (" Het geschatte verbruik kan flink afwijken (gedrag, weer); met het eigen "
                                    "verbruik van de jaarafrekening wordt de uitkomst preciezer."
                                    if r.verbruik.herkomst == "geschat" else ""))


def toon_energiearmoede(r: Resultaat, alleen: tuple[str, ...] | None = None) -> None:
    """Energy poverty before and after (CBS/TNO Monitor Energiearmoede, approximated): each indicator (or only
    ``alleen``, e.g. LEKWI for an owner), the energiequote and what the upgrade changes."""
    e = getattr(r, "energiearmoede", None)
    if e is None:
        return
    st.subheader("Energiearmoede")
    met_na = r.na is not None
    if e.laag_inkomen is None:
        st.info("Vul het besteedbare (netto) inkomen van het huishouden in om te zien of het energiearm is "
                "(onbekend zonder dat inkomen).",
                icon=":material/info:")
    kop = "| Indicator | Nu | Na de ingreep |\n|:--|:--|:--|" if met_na else "| Indicator | Nu |\n|:--|:--|"
    regels = [kop]
    for code, naam, nu, na in armoede_rijen(r, alleen):
        regels.append(f"| {'**' + code + '** ' if code else ''}{_html(naam)} | {nu} |" + (f" {na} |" if met_na else ""))
    st.markdown("\n".join(regels))
    for zin in e.veranderingen:
        st.success(zin[0].upper() + zin[1:] + ".", icon=":material/check_circle:")
    st.caption("Schatting volgens de indicatoren van de CBS/TNO Monitor Energiearmoede, benaderd: het opgegeven "
               "besteedbare inkomen, de energiekwaliteit uit het label. " + (betaalrisico_zin(r) or "")
               + " Zie 'Hoe is dit berekend'.")


def toon_energiecoach(r: Resultaat) -> None:
    """The energiecoach's list: each behaviour or small measure with its saving per year for this household, and the
    woonlasten with the chosen ones."""
    c = getattr(r, "energiecoach", None)
    if c is None or not c.maatregelen:
        return
    st.subheader("Wat het eigen gedrag bespaart")
    regels = ["| Maatregel | Per jaar | € per jaar | Gekozen |\n|:--|--:|--:|:--|"]
    for omschrijving, per_jaar, euro_jaar, gekozen in coach_rijen(r):
        regels.append(f"| {_html(omschrijving)} | {per_jaar} | {euro_jaar} | {'✓' if gekozen else ''} |")
    st.markdown("\n".join(regels))
    if any(m.gekozen for m in c.maatregelen):
        kolommen = st.columns(2)
        kolommen[0].metric("Gekozen gedrag bespaart", f"{euro(c.gekozen_besparing_maand)} per maand")
        kolommen[1].metric("Woonlasten nu, met dit gedrag", euro(c.totaal_met_gedrag),
                           **verschil_delta(-c.gekozen_besparing_maand))
    st.caption("Schatting tegen de eigen prijzen van de peildatum (leveringsprijs, energiebelasting en btw); "
               "kies het gedrag in de zijbalk onder 'Energiecoach'."
               + (f" Voor deze verwarming nog niet berekend: {', '.join(c.niet_berekend).lower()}."
                  if c.niet_berekend else ""))
