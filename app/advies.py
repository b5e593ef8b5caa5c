"""The advice for a household or an owner: the figures, a chart, the verdict in words, what to do next and the
sources. ``advies_html`` is the self-contained page for the screen (inline SVG, readable on a phone, prints on one
A4); ``app/advies_pdf.py`` draws the same advice as a PDF from the shared pieces here (``ondertitel``,
``oordeel_blok``, ``staven``, ``financiering_blok``, ``wat_nu``, ``bronnen``).

No streamlit here: both are pure functions of the core's result, testable on their own.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from app.opmaak import (
    JAREN_AANNAMES,
    KLEUR,
    ONDERDELEN,
    band_let_op,
    band_regel,
    financiering,
    financiering_waarden,
    huurtoeslag_berekend,
    jaren_kort,
    jaren_let_op,
    jaren_oordeel,
    jaren_tabel,
    jaren_voetnoot,
    lening_tekst,
    onderdelen,
    oordeel_na_huurtoeslag,
    tabel_rijen,
    verbruik_tekst,
)
from app.organisatie import Organisatie, lees_organisatie
from woonlasten.formatteer import euro, euro_verschil, oordeel
from woonlasten.modellen import Jaarpad, Resultaat

# parts of the chart dark enough for white amounts on them
DONKER = {KLEUR[n] for n in ("Kale huur en servicekosten", "Huurverhoging", "Gemeente en waterschap",
                              "Maandlast lening", "Hypotheeklasten")}

# the verdict box (border, fill) by woonlastenneutraal yes / no / no upgrade: blue and vermilion of Okabe-Ito
OORDEEL_KLEUR: dict[bool | None, tuple[str, str | None]] = {
    True: ("#0072B2", "#eaf3fa"), False: ("#D55E00", "#fcefe6"), None: ("#1a1a1a", None)}

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
.bronnen { columns: 2; column-gap: 10pt; }
.bronnen p { margin: 0 0 1.5pt 0; break-inside: avoid; }
ul.watnu { margin: 0; padding-left: 12pt; }
ul.watnu li { margin: 0 0 1.5pt 0; }
.org { display: flex; gap: 8pt; align-items: center; margin: 0 0 4pt 0; font-size: 8.5pt; color: #333; }
.org b { font-size: 10pt; color: #1a1a1a; }
.org img { max-height: 14mm; max-width: 40mm; }
dl.fin { grid-template-columns: max-content auto max-content auto; font-size: 8pt; gap: 0 6pt; }
.bron { color: #666; }
.voet { margin-top: 4pt; border-top: 1px solid #bbb; padding-top: 4pt; }
.handtekening { display: flex; gap: 24pt; margin-top: 6pt; }
.handtekening div { flex: 1; border-top: 1px solid #888; padding-top: 2pt; color: #555; font-size: 8.5pt; }
.knop { margin: 8pt 0; }
.oordeel.pad { font-size: 9.5pt; }
.vervolg { display: none; }
@media print { .knop { display: none; } .jaren { break-before: page; } .vervolg { display: block; } }
/* a phone: the page's own width, larger type, one column, a table that scrolls instead of being cut */
@media screen and (max-width: 760px) {
  body { width: auto; padding: 10px; font-size: 11pt; }
  .rij, .handtekening { display: block; }
  .tabel { overflow-x: auto; }
  table { font-size: 10pt; }
  .klein { font-size: 8.5pt; }
  .bronnen { columns: 1; }
  dl.fin { grid-template-columns: max-content 1fr; }
  .handtekening div { margin-top: 14pt; }
}
""" + "".join(f".oordeel.{k} {{ border-color: {OORDEEL_KLEUR[v][0]}; background: {OORDEEL_KLEUR[v][1]}; }}\n"
             for k, v in (("ja", True), ("nee", False)))

# The page is laid out at the printable width of A4 (186 mm) on a wide screen; if it is taller than the printable
# height (279 mm), it is scaled down so that it always prints on one sheet. A phone (the narrow layout above) keeps
# its readable size. The section 'Over de jaren' (when chosen) prints on a sheet of its own and is not measured.
PASSEND = """<script>
(function () {
  var beschikbaar = 279 * 96 / 25.4;
  function pas() {
    document.body.style.zoom = 1;
    if (window.matchMedia('screen and (max-width: 760px)').matches) { return; }
    var knop = document.querySelector('.knop');
    var jaren = document.querySelector('.jaren');
    var hoogte = (jaren ? jaren.offsetTop : document.body.scrollHeight) - (knop ? knop.offsetHeight + 8 : 0);
    if (hoogte > beschikbaar) { document.body.style.zoom = (beschikbaar / hoogte * 0.985).toFixed(3); }
  }
  pas();
  window.addEventListener('beforeprint', pas);
})();
</script>"""


def _e(tekst: Any) -> str:
    return html.escape(str(tekst), quote=True)


# ----------------------------------------------------------------------------------------------------------------
# The pieces both the HTML and the PDF show

VOETTEKST = ("Dit advies is een schatting met gemiddelde cijfers en de tarieven die op de peildatum gelden; het "
             "werkelijke verbruik hangt af van het gedrag van de bewoners en het weer. Aan dit advies kunnen geen "
             "rechten worden ontleend. De volledige bronnen staan in de app onder 'Tarieven en bronnen'.")
HANDTEKENING = ("Naam adviseur / energiecoach", "Naam bewoner", "Datum")
# Art. 7:220 lid 3 Burgerlijk Wetboek: a renovation proposal for a complex is presumed reasonable when at least this
# share of the tenants agrees [%].
INSTEMMING_COMPLEX_PCT = 70


class Oordeel(NamedTuple):
    """The verdict block: ``neutraal`` None without an upgrade; ``na_toeslag`` the tenant's verdict after
    huurtoeslag (or empty)."""

    neutraal: bool | None
    tekst: str
    na_toeslag: str


def ondertitel(r: Resultaat, eigenaar: bool, opgesteld: dt.date) -> str:
    """'Voor de huurder · gemeente Borne · tarieven en regels van 01-06-2025 · opgesteld op 02-06-2025'."""
    wie = "eigenaar" if eigenaar else "huurder"
    return (f"Voor de {wie} · gemeente {r.gemeente} · tarieven en regels van {r.peildatum:%d-%m-%Y} · "
            f"opgesteld op {opgesteld:%d-%m-%Y}")


def oordeel_blok(r: Resultaat, eigenaar: bool) -> Oordeel:
    """The verdict in words, and for a tenant with estimated huurtoeslag the verdict after it."""
    if r.verschil is None:
        return Oordeel(None, "Geen ingreep gekozen: alleen de woonlasten van nu.", "")
    na_toeslag = oordeel_na_huurtoeslag(r) if not eigenaar and huurtoeslag_berekend(r) else ""
    return Oordeel(bool(r.woonlastenneutraal), oordeel(r), na_toeslag)


def staven(r: Resultaat, extra_na: dict[str, float | None] | None = None) -> list[tuple[str, float, list]]:
    """The stacked bars: (situation, total, [(part, amount)]) for now and after the upgrade [€/maand]; only the
    positive parts are drawn (the total written above the bar is the core's)."""
    situaties = [("Nu", r.voor, None)] + ([("Na de ingreep", r.na, extra_na)] if r.na is not None else [])
    return [(s, w.totaal, [(n, b) for n, b in onderdelen(w, extra) if b > 0]) for s, w, extra in situaties]


def legenda(bars: list[tuple[str, float, list]]) -> list[str]:
    """The parts drawn, top of the bar first (the legend reads like the bar)."""
    gebruikt = {n for _, _, d in bars for n, _ in d}
    return [n for n in reversed(ONDERDELEN) if n in gebruikt]


def financiering_blok(r: Resultaat) -> tuple[str, list[tuple[str, str]]]:
    """An owner's financing: the loan in words and (label, value) lines; without measures a sentence and no lines."""
    f = financiering(r)
    if f is None:
        return "Geen maatregelen gekozen: geen investering.", []
    return lening_tekst(f), financiering_waarden(f)


def wat_nu(r: Resultaat, eigenaar: bool, org: Organisatie) -> list[tuple[str, str]]:
    """The next steps as (lead, sentence): whom to ask, and for a tenant the consent and huurtoeslag, for an owner
    quotes, the ISDE subsidy and the loan."""
    wie = org.naam or "uw energiecoach"
    stappen = [("Vragen over dit advies?", f"Neem contact op met {wie}" + (f": {org.contact}." if org.contact else "."))]
    if eigenaar:
        stappen += [
            ("Offertes.", "De investering is gerekend met richtprijzen. Vraag offertes aan bij een installateur of "
                          "aannemer en laat het advies opnieuw maken met de bedragen van de offerte.")
            if financiering(r) is not None else
            ("Maatregelen.", "Laat het advies opnieuw maken met de maatregelen die u overweegt: dan staan de "
                             "investering, de subsidie en de maandlast van een lening erbij."),
            ("Subsidie (ISDE).", "De ISDE-subsidie vraagt u zelf aan bij RVO (rvo.nl/isde). Lees vóór u begint de "
                                 "voorwaarden en de termijn voor de aanvraag."),
            ("Lenen.", "Een Energiebespaarlening vraagt u aan bij het Nationaal Warmtefonds (warmtefonds.nl); "
                       "meefinancieren in de hypotheek bespreekt u met uw hypotheekverstrekker."),
        ]
        return stappen
    if r.na is not None:
        stappen.append(("Instemming.", "De verbetering van de woning gaat alleen door met instemming van de "
                                       "huurder(s). Gaat het om een voorstel voor een heel complex, dan geldt het in "
                                       f"principe als redelijk als {INSTEMMING_COMPLEX_PCT}% of meer van de huurders "
                                       "instemt. Vraag het voorstel op papier, met de huurverhoging."))
    if huurtoeslag_berekend(r):
        stappen.append(("Huurtoeslag.", "De huurtoeslag in dit advies is een schatting; de Dienst Toeslagen stelt "
                                        "het bedrag vast. Maak een proefberekening op toeslagen.nl en geef een "
                                        "nieuwe huur door via Mijn toeslagen."))
    else:
        stappen.append(("Huurtoeslag.", "Misschien hebt u recht op huurtoeslag. Kijk het na met de "
                                        "proefberekening van de Dienst Toeslagen op toeslagen.nl."))
    return stappen


_BESTANDSREGEL = re.compile(r"\(((?:tariffs|labels)/[^()]*?\.csv), regel (\d+)\)\s*$")
# a web address with or without scheme; github addresses keep owner and repository
_ADRES = re.compile(r"(?:https?://)?(?:www\.)?((?:github\.com/[\w.-]+/[\w.-]+)|(?:[\w-]+\.)+(?:nl|com|org|net|nu|eu|ai|io))"
                    r"(?:/[^\s;,)]*)?", re.IGNORECASE)
_HAAKJES = re.compile(r"\((?!\d{4}\))[^()]*\)")  # a remark in brackets, except a year
_DATABESTAND = re.compile(r"\S+\.(?:csv|json|py)\b")
MIN_WOORDEN_TITEL = 2  # a shorter remainder ('berekend', 'klassegrenzen:') is no document title
MAX_SITES = 2
MAX_DOCUMENT = 90  # characters of a document's name in the appendix


def bron_document(bron: str | None) -> str:
    """The document a source names, in short: its first title ('PBL/TNO/CBS Referentieverbruik warmte woningen
    (2023)', 'Kamerstuk 36611 nr. 3'), else the web sites it cites ('rvo.nl'), else its file reference."""
    if not bron:
        return ""
    titels, sites = [], []
    for deel in _BESTANDSREGEL.sub("", bron).split(";"):
        sites += [m.group(1).lower() for m in _ADRES.finditer(deel)]
        titel = _DATABESTAND.sub("", _HAAKJES.sub("", _ADRES.sub("", deel)))
        titel = re.sub(r"\s+([,:])", r"\1", " ".join(titel.split())).strip(" ,.:;-")
        if len(titel.split()) >= MIN_WOORDEN_TITEL:
            titels.append(titel)
    tekst = titels[0] if titels else "; ".join(list(dict.fromkeys(sites))[:MAX_SITES]) or korte_bron(bron)
    return tekst if len(tekst) <= MAX_DOCUMENT else tekst[:MAX_DOCUMENT - 1] + "…"


def korte_bron(bron: str | None, status: str | None = None) -> str:
    """The file-and-line reference of a source (``tariffs/btw.csv, regel 4``) with its status, or the start of the
    source text: the full sources are on the page 'Tarieven en bronnen'."""
    if not bron:
        return ""
    m = _BESTANDSREGEL.search(bron)
    return (f"{m.group(1)}, regel {m.group(2)}" if m else (bron if len(bron) <= 90 else bron[:87] + "…")) + _status(status)


def _status(status: str | None) -> str:
    """' [schatting]' for a source that is not confirmed."""
    return f" [{status}]" if status and status != "bevestigd" else ""


def _onderwerpen(onderwerpen: list[str]) -> str:
    """Topics with a shared prefix said once: 'Eigenaar: ISDE dakisolatie, ISDE vloerisolatie; Energie: btw'."""
    per_groep: dict[str, list[str]] = {}
    for o in onderwerpen:
        groep, _, rest = o.rpartition(": ")
        per_groep.setdefault(groep, []).append(rest)
    return "; ".join((f"{g}: " if g else "") + ", ".join(delen) for g, delen in per_groep.items())


class Bron(NamedTuple):
    """One document of the sources appendix: its topics, the data rows it was read into, per file
    ('labels/maatregelen.csv, regel 4, 7 [schatting]'), and the status of those rows when not confirmed."""

    document: str
    onderwerpen: str
    verwijzingen: str
    status: str


def bronnen(r: Resultaat) -> list[Bron]:
    """The compact sources appendix: per document named in the explanation, in its order."""
    per_document: dict[str, tuple[list[str], dict[tuple[str, str], list[str]]]] = {}
    for t in r.toelichting:
        if not t.bron:
            continue
        onderwerpen, regels = per_document.setdefault(bron_document(t.bron), ([], {}))
        onderwerpen.append(t.onderwerp)
        m = _BESTANDSREGEL.search(t.bron)
        bestand, regel = (m.group(1), m.group(2)) if m else (korte_bron(t.bron), "")
        regels.setdefault((bestand, _status(t.status)), []).append(regel)
    uit = []
    for doc, (onderwerpen, regels) in per_document.items():
        verwijzingen = "; ".join(bestand + (", regel " + ", ".join(dict.fromkeys(n)) if any(n) else "") + status
                                 for (bestand, status), n in regels.items())
        statussen = ", ".join(dict.fromkeys(s.strip(" []") for _, s in regels if s))
        uit.append(Bron(doc, _onderwerpen(onderwerpen), verwijzingen, statussen and f"[{statussen}]"))
    return uit


# ----------------------------------------------------------------------------------------------------------------
# The page for the screen

def staaf_svg(r: Resultaat, extra_na: dict[str, float | None] | None = None, breedte: int = 400,
              hoogte: int = 180) -> str:
    """Stacked bars now / after as inline SVG, with the amounts written on the bars and a legend in words."""
    bars = staven(r, extra_na)
    top = max(sum(b for _, b in d) for _, _, d in bars) or 1.0
    boven, onder = 22, 22
    schaal = (hoogte - boven - onder) / top
    staaf_b, links = 78, 20
    uit = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
           f'height="{hoogte}" style="max-width:100%;height:auto" role="img" '
           f'aria-label="Woonlasten per maand nu en na de ingreep, per onderdeel" font-family="Arial" font-size="10">']
    basis = hoogte - onder
    for i, (situatie, totaal, d) in enumerate(bars):
        x = links + i * (staaf_b + 36)
        y = basis
        for naam, bedrag in d:
            h = bedrag * schaal
            y -= h
            kleur = KLEUR[naam]
            uit.append(f'<rect x="{x}" y="{y:.1f}" width="{staaf_b}" height="{h:.1f}" fill="{kleur}" stroke="white">'
                       f'<title>{_e(situatie)}: {_e(naam)} {_e(euro(bedrag))}</title></rect>')
            if h >= 13:
                tekstkleur = "white" if kleur in DONKER else "black"
                uit.append(f'<text x="{x + staaf_b / 2}" y="{y + h / 2 + 3.5:.1f}" text-anchor="middle" '
                           f'fill="{tekstkleur}">{_e(euro(bedrag, 0))}</text>')
        uit.append(f'<text x="{x + staaf_b / 2}" y="{y - 6:.1f}" text-anchor="middle" font-weight="bold" '
                   f'font-size="11">{_e(euro(totaal))}</text>')
        uit.append(f'<text x="{x + staaf_b / 2}" y="{basis + 14}" text-anchor="middle">{_e(situatie)}</text>')
    uit.append(f'<line x1="{links - 5}" y1="{basis}" x2="{links + len(bars) * (staaf_b + 36) - 26}" y2="{basis}" '
               'stroke="#333"/>')
    lx = links + len(bars) * (staaf_b + 36) - 10
    for j, naam in enumerate(legenda(bars)):
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
    return "<div class='tabel'><table>" + "".join(regels) + "</table></div>"


def _organisatie_html(org: Organisatie) -> str:
    if not (org.naam or org.contact or org.logo):
        return ""
    logo = (f"<img src='data:image/png;base64,{base64.b64encode(org.logo).decode('ascii')}' alt='Logo'>"
            if org.logo else "")
    return (f"<div class='org'>{logo}<div>" + (f"<b>{_e(org.naam)}</b>" if org.naam else "")
            + (f"<br><span>{_e(org.contact)}</span>" if org.contact else "") + "</div></div>")


def _jaren_html(pad: Jaarpad, wie: str) -> str:
    """The section 'Over de jaren' (printed on a sheet of its own under the line ``wie``, the subtitle): the
    verdict over the period, the table per year, what * means and the assumptions for years not yet known (the
    texts of :mod:`app.opmaak`, as on the page)."""
    delen = [f"<section class='jaren'><p class='sub vervolg'>Woonlastenadvies, vervolg · {_e(wie)}</p>"
             "<h2>Over de jaren</h2>"]
    oordeel = jaren_oordeel(pad)
    if oordeel is not None:
        klasse, teken = ("ja", "✔") if pad.woonlastenneutraal_gemiddeld else ("nee", "✖")
        delen.append(f"<div class='oordeel pad {klasse}'>{teken} {_e(oordeel)}</div>")
    delen += [f"<div class='letop'>⚠ {_e(zin)}</div>" for zin in jaren_let_op(pad)]
    kop, rijen = jaren_tabel(pad)
    regels = ["<tr>" + "".join(f"<th>{_e(k)}</th>" for k in kop) + "</tr>"]
    regels += ["<tr>" + "".join(f"<td>{_e(c)}</td>" if i == 0 else f"<td class='b'>{_e(c)}</td>"
                                for i, c in enumerate(rij)) + "</tr>" for rij in rijen]
    delen.append("<div class='tabel'><table>" + "".join(regels) + "</table></div>")
    delen.append(f"<p class='klein'>{_e(jaren_voetnoot(pad))}</p>")
    if pad.aannames:
        delen.append(f"<p><b>{_e(JAREN_AANNAMES)}</b></p><ul class='watnu klein'>"
                     + "".join(f"<li>{_e(a)}</li>" for a in pad.aannames) + "</ul>")
    return "".join(delen) + "</section>"


def advies_html(r: Resultaat, *, woning: dict[str, str], eigenaar: bool = False, maatregelen: list[str] | None = None,
                opgesteld: dt.date | None = None, organisatie: Organisatie | None = None,
                jaren: Jaarpad | None = None) -> str:
    """The whole advice as one HTML document. ``woning``: label → value lines describing the dwelling and
    household (already in words); ``maatregelen``: the measures in words; ``organisatie``: default the settings
    file's (``app/organisatie.py``); ``jaren``: the path over the years the user switched on (a section of its own,
    printed on a second sheet), None for the advice of one date."""
    opgesteld = opgesteld or dt.date.today()
    org = organisatie if organisatie is not None else lees_organisatie()
    delen = [f"<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
             "<meta name='viewport' content='width=device-width, initial-scale=1'>"
             f"<title>Woonlastenadvies {_e(r.gemeente)}</title><style>{CSS}</style></head><body>",
             _organisatie_html(org),
             "<h1>Woonlastenadvies</h1>",
             f"<p class='sub'>{_e(ondertitel(r, eigenaar, opgesteld))}</p>",
             "<p class='knop'><button onclick='window.print()'>Afdrukken</button></p>"]
    o = oordeel_blok(r, eigenaar)
    if o.neutraal is not None:
        klasse, teken = ("ja", "✔") if o.neutraal else ("nee", "✖")
        na_toeslag = f"<br><span style='font-size:10pt'>{_e(o.na_toeslag)}</span>" if o.na_toeslag else ""
        delen.append(f"<div class='oordeel {klasse}'>{teken} {_e(o.tekst)}{na_toeslag}</div>")
        let_op = band_let_op(r)
        if let_op:  # the band changes the verdict: said in words, not by colour
            delen.append("<div class='letop'>⚠ <b>Let op:</b> " + _e(let_op.removeprefix("Let op: ")) + "</div>")
        regel = band_regel(r)
        if regel:
            delen.append(f"<p class='band'>{_e(regel)}</p>")
    else:
        delen.append(f"<div class='oordeel'>{_e(o.tekst)}</div>")
    if jaren is not None:
        delen.append(f"<p class='band'>{_e(jaren_kort(jaren))}</p>")
    regels = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in woning.items())
    if maatregelen:
        klein = " class='klein'" if len(maatregelen) > 4 else ""
        regels += f"<dt>Maatregelen</dt><dd{klein}>{_e(', '.join(maatregelen))}</dd>"
    # an owner's financing goes in the right column under the chart, so the advice stays on one page
    fin_html = ""
    if eigenaar:
        lening, waarden = financiering_blok(r)
        items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in waarden)
        fin_html = (f"<h2>Investering en financiering <span class='klein'>{_e(lening)}</span></h2>"
                    + (f"<dl class='fin'>{items}</dl>" if items else ""))
    delen.append("<div class='rij'><div><h2>De woning en het huishouden</h2>"
                 f"<dl>{regels}</dl><p class='klein'>{_e(verbruik_tekst(r))}</p></div>"
                 f"<div><h2>Woonlasten per maand</h2>{staaf_svg(r, hoogte=150 if fin_html else 180)}{fin_html}</div>"
                 "</div>")
    delen.append(f"<h2>Per onderdeel</h2>{_tabel(r, eigenaar)}")
    stappen = "".join(f"<li><b>{_e(kop)}</b> {_e(tekst)}</li>" for kop, tekst in wat_nu(r, eigenaar, org))
    delen.append(f"<h2>Wat nu?</h2><ul class='watnu'>{stappen}</ul>")
    delen.append(f"<div class='voet klein'>{_e(VOETTEKST)}</div>")
    delen.append("<div class='handtekening'>" + "".join(f"<div>{_e(h)}</div>" for h in HANDTEKENING) + "</div>")
    items = "".join(f"<p><b>{_e(b.document)}</b>: {_e(b.onderwerpen)} <span class='bron'>({_e(b.verwijzingen)})"
                    "</span></p>" for b in bronnen(r))
    delen.append(f"<h2>Bronnen</h2><div class='bronnen klein'>{items}</div>")
    if jaren is not None:
        delen.append(_jaren_html(jaren, ondertitel(r, eigenaar, opgesteld)))
    delen.append(PASSEND + "</body></html>")
    return "".join(delen)


def pdf_bij_klikken(r: Resultaat, **invoer: Any) -> Callable[[], bytes]:
    """The PDF advice (``app.advies_pdf.advies_pdf(r, **invoer)``) made only when it is asked for: st.download_button
    calls this on the click. Importing fpdf2 costs about 0,9 s and drawing the PDF about 0,2 s, too much for the first
    load and every rerun of a page."""
    def maak() -> bytes:
        from app.advies_pdf import advies_pdf

        return advies_pdf(r, **invoer)

    return maak
