"""A one-page printable advice (self-contained HTML, A4) for a household or an owner: the figures, a chart (inline
SVG, so it works offline and prints sharp), the verdict in words, and how it was computed with the sources.

No streamlit here: ``advies_html`` is a pure function of the core's result, testable on its own.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from app.opmaak import (
    KLEUR,
    ONDERDELEN,
    band_let_op,
    band_regel,
    financiering,
    financiering_waarden,
    huurtoeslag_berekend,
    lening_tekst,
    onderdelen,
    oordeel_na_huurtoeslag,
    tabel_rijen,
    verbruik_tekst,
)
from woonlasten.formatteer import euro, euro_verschil, oordeel
from woonlasten.modellen import Resultaat

_DONKER = {KLEUR[n] for n in ("Kale huur en servicekosten", "Huurverhoging", "Gemeente en waterschap",
                              "Maandlast lening", "Hypotheeklasten")}

CSS = """
@page { size: A4; margin: 9mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; font-size: 9pt; color: #1a1a1a;
       margin: 0 auto; width: 186mm; line-height: 1.25; }
h1 { font-size: 15pt; margin: 0 0 1pt 0; }
h2 { font-size: 10.5pt; margin: 5pt 0 2pt 0; border-bottom: 1px solid #bbb; padding-bottom: 1pt; }
.sub { color: #444; margin: 0 0 6pt 0; }
.oordeel { border: 2px solid #1a1a1a; border-radius: 4px; padding: 4pt 8pt; font-size: 12pt; font-weight: bold;
           margin: 4pt 0; }
.oordeel.ja { border-color: #0072B2; background: #eaf3fa; }
.oordeel.nee { border-color: #D55E00; background: #fcefe6; }
.band { margin: 0 0 3pt 0; font-size: 8.5pt; }
.letop { border: 1.5px dashed #1a1a1a; border-radius: 4px; padding: 3pt 8pt; margin: 3pt 0; font-size: 9pt; }
.rij { display: flex; gap: 10pt; align-items: flex-start; }
.rij > div { flex: 1; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.2; }
td, th { padding: 0.2pt 4pt; }
th { text-align: right; border-bottom: 1px solid #888; font-weight: 600; }
th:first-child { text-align: left; }
td.b { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.hoofd td { font-weight: 600; border-top: 1px solid #ddd; }
tr.totaal td { font-weight: 700; border-top: 2px solid #1a1a1a; }
td.in { padding-left: 12pt; color: #333; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 0; }
dt { color: #555; } dd { margin: 0; }
.klein { font-size: 6.6pt; color: #333; line-height: 1.18; }
.toelichting { columns: 3; column-gap: 10pt; }
.toelichting p { margin: 0 0 2pt 0; break-inside: avoid; }
.toelichting.lang { font-size: 6.2pt; }
.toelichting.zeerlang { font-size: 5.6pt; }
dl.fin { grid-template-columns: max-content auto max-content auto; font-size: 8pt; gap: 0 6pt; }
.bron { color: #666; }
.voet { margin-top: 4pt; border-top: 1px solid #bbb; padding-top: 4pt; }
.handtekening { display: flex; gap: 24pt; margin-top: 6pt; }
.handtekening div { flex: 1; border-top: 1px solid #888; padding-top: 2pt; color: #555; font-size: 8.5pt; }
.knop { margin: 8pt 0; }
@media print { .knop { display: none; } }
"""

# The page is laid out at the printable width of A4 (186 mm) on screen too; if it is taller than the printable
# height (279 mm), it is scaled down so that it always prints on one sheet.
PASSEND = """<script>
(function () {
  var beschikbaar = 279 * 96 / 25.4;
  function pas() {
    document.body.style.zoom = 1;
    var knop = document.querySelector('.knop');
    var hoogte = document.body.scrollHeight - (knop ? knop.offsetHeight + 8 : 0);
    if (hoogte > beschikbaar) { document.body.style.zoom = (beschikbaar / hoogte * 0.985).toFixed(3); }
  }
  pas();
  window.addEventListener('beforeprint', pas);
})();
</script>"""


def _e(tekst: Any) -> str:
    return html.escape(str(tekst), quote=True)


def korte_bron(bron: str | None, status: str | None = None) -> str:
    """The file-and-line reference of a source (``tariffs/btw.csv, regel 4``) with its status, or the start of the
    source text: the full sources are on the page 'Tarieven en bronnen'."""
    if not bron:
        return ""
    m = re.search(r"\(((?:tariffs|labels)/[^()]*?\.csv, regel \d+)\)\s*$", bron)
    tekst = m.group(1) if m else (bron if len(bron) <= 90 else bron[:87] + "…")
    if status and status != "bevestigd":
        tekst += f" [{status}]"
    return tekst


def staaf_svg(r: Resultaat, extra_na: dict[str, float | None] | None = None, breedte: int = 400,
              hoogte: int = 180) -> str:
    """Stacked bars now / after as inline SVG, with the amounts written on the bars and a legend in words."""
    situaties = [("Nu", r.voor, None)] + ([("Na de ingreep", r.na, extra_na)] if r.na is not None else [])
    delen = [(s, w, onderdelen(w, extra)) for s, w, extra in situaties]
    top = max(sum(b for _, b in d if b > 0) for _, _, d in delen) or 1.0
    boven, onder = 22, 22
    schaal = (hoogte - boven - onder) / top
    staaf_b, links = 78, 20
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" role="img" '
           f'aria-label="Woonlasten per maand nu en na de ingreep, per onderdeel" font-family="Arial" font-size="10">']
    basis = hoogte - onder
    gebruikt = []
    for i, (situatie, w, d) in enumerate(delen):
        x = links + i * (staaf_b + 36)
        y = basis
        for naam, bedrag in d:
            if bedrag <= 0:
                continue
            h = bedrag * schaal
            y -= h
            kleur = KLEUR[naam]
            gebruikt.append(naam)
            uit.append(f'<rect x="{x}" y="{y:.1f}" width="{staaf_b}" height="{h:.1f}" fill="{kleur}" stroke="white">'
                       f'<title>{_e(situatie)}: {_e(naam)} {_e(euro(bedrag))}</title></rect>')
            if h >= 13:
                tekstkleur = "white" if kleur in _DONKER else "black"
                uit.append(f'<text x="{x + staaf_b / 2}" y="{y + h / 2 + 3.5:.1f}" text-anchor="middle" '
                           f'fill="{tekstkleur}">{_e(euro(bedrag, 0))}</text>')
        uit.append(f'<text x="{x + staaf_b / 2}" y="{y - 6:.1f}" text-anchor="middle" font-weight="bold" '
                   f'font-size="11">{_e(euro(w.totaal))}</text>')
        uit.append(f'<text x="{x + staaf_b / 2}" y="{basis + 14}" text-anchor="middle">{_e(situatie)}</text>')
    uit.append(f'<line x1="{links - 5}" y1="{basis}" x2="{links + len(delen) * (staaf_b + 36) - 26}" y2="{basis}" '
               'stroke="#333"/>')
    lx = links + len(delen) * (staaf_b + 36) - 10
    for j, naam in enumerate(n for n in reversed(ONDERDELEN) if n in gebruikt):  # legend reads like the bar
        ly = boven + j * 17
        uit.append(f'<rect x="{lx}" y="{ly}" width="11" height="11" fill="{KLEUR[naam]}"/>')
        uit.append(f'<text x="{lx + 15}" y="{ly + 9}">{_e(naam)}</text>')
    uit.append("</svg>")
    return "".join(uit)


def _tabel(r: Resultaat, eigenaar: bool) -> str:
    met_na = r.na is not None
    kop = "<tr><th>Per maand</th><th>Nu</th>" + ("<th>Na de ingreep</th><th>Verschil</th>" if met_na else "") + "</tr>"
    regels = [kop]
    for rij in tabel_rijen(r, eigenaar):
        klasse = "totaal" if rij["label"].startswith("Woonlasten") else ("" if rij["ingesprongen"] else "hoofd")
        cel = f'<td class="in">{_e(rij["label"])}</td>' if rij["ingesprongen"] else f"<td>{_e(rij['label'])}</td>"
        cellen = [cel, f'<td class="b">{_e(euro(rij["voor"]))}</td>']
        if met_na:
            cellen += [f'<td class="b">{_e(euro(rij["na"]))}</td>',
                       f'<td class="b">{_e(euro_verschil(rij["verschil"]))}</td>']
        regels.append(f'<tr class="{klasse}">' + "".join(cellen) + "</tr>")
    return "<table>" + "".join(regels) + "</table>"


def advies_html(r: Resultaat, *, woning: dict[str, str], eigenaar: bool = False, maatregelen: list[str] | None = None,
                opgesteld: dt.date | None = None) -> str:
    """The whole advice as one HTML document. ``woning``: label → value lines describing the dwelling and
    household (already in words); ``maatregelen``: the measures in words."""
    opgesteld = opgesteld or dt.date.today()
    wie = "eigenaar" if eigenaar else "huurder"
    delen = [f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Woonlastenadvies {_e(r.gemeente)}"
             f"</title><style>{CSS}</style></head><body>",
             "<h1>Woonlastenadvies</h1>",
             f"<p class='sub'>Voor de {wie} · gemeente {_e(r.gemeente)} · tarieven en regels van "
             f"{r.peildatum:%d-%m-%Y} · opgesteld op {opgesteld:%d-%m-%Y}</p>",
             "<p class='knop'><button onclick='window.print()'>Afdrukken</button></p>"]
    if r.verschil is not None:
        klasse = "ja" if r.woonlastenneutraal else "nee"
        teken = "✔" if r.woonlastenneutraal else "✖"
        na_toeslag = (f"<br><span style='font-size:10pt'>{_e(oordeel_na_huurtoeslag(r))}</span>"
                      if not eigenaar and huurtoeslag_berekend(r) else "")
        delen.append(f"<div class='oordeel {klasse}'>{teken} {_e(oordeel(r))}{na_toeslag}</div>")
        let_op = band_let_op(r)
        if let_op:  # the band changes the verdict: said in words, not by colour
            delen.append("<div class='letop'>⚠ <b>Let op:</b> " + _e(let_op.removeprefix("Let op: ")) + "</div>")
        regel = band_regel(r)
        if regel:
            delen.append(f"<p class='band'>{_e(regel)}</p>")
    else:
        delen.append("<div class='oordeel'>Geen ingreep gekozen: alleen de woonlasten van nu.</div>")
    regels = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in woning.items())
    if maatregelen:
        klein = " class='klein'" if len(maatregelen) > 4 else ""
        regels += f"<dt>Maatregelen</dt><dd{klein}>{_e(', '.join(maatregelen))}</dd>"
    # an owner's financing goes in the right column under the chart, so the advice stays on one page
    fin_html = ""
    if eigenaar:
        f = financiering(r)
        if f is not None:
            items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in financiering_waarden(f))
            fin_html = (f"<h2>Investering en financiering <span class='klein'>{_e(lening_tekst(f))}</span></h2>"
                        f"<dl class='fin'>{items}</dl>")
        else:
            fin_html = "<h2>Investering en financiering</h2><p>Geen maatregelen gekozen: geen investering.</p>"
    delen.append("<div class='rij'><div><h2>De woning en het huishouden</h2>"
                 f"<dl>{regels}</dl><p class='klein'>{_e(verbruik_tekst(r))}</p></div>"
                 f"<div><h2>Woonlasten per maand</h2>{staaf_svg(r, hoogte=150 if fin_html else 180)}{fin_html}</div>"
                 "</div>")
    delen.append(f"<h2>Per onderdeel</h2>{_tabel(r, eigenaar)}")
    items = []
    for t in r.toelichting:
        bron = korte_bron(t.bron, t.status)
        items.append(f"<p><b>{_e(t.onderwerp)}.</b> {_e(t.tekst)}"
                     + (f" <span class='bron'>({_e(bron)})</span>" if bron else "") + "</p>")
    n = len(r.toelichting)
    lang = "" if n <= 24 else (" lang" if n <= 30 else " zeerlang")  # the fine print shrinks to stay on one page
    delen.append(f"<h2>Hoe is dit berekend</h2><div class='toelichting klein{lang}'>{''.join(items)}</div>")
    delen.append("<div class='voet klein'>Dit advies is een schatting met gemiddelde cijfers en de tarieven die op de "
                 "peildatum gelden; het werkelijke verbruik hangt af van het gedrag van de bewoners en het weer. "
                 "Aan dit advies kunnen geen rechten worden ontleend. De volledige bronnen staan in de app onder "
                 "'Tarieven en bronnen'.</div>")
    delen.append("<div class='handtekening'><div>Naam adviseur / energiecoach</div><div>Naam bewoner</div>"
                 "<div>Datum</div></div>")
    delen.append(PASSEND + "</body></html>")
    return "".join(delen)


