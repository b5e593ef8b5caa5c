"""The advice as a PDF: A4, one page where it fits (the sources appendix flows on to a second page when it does not),
drawn with fpdf2 from the same pieces as the HTML (``app/advies.py``): the organisation, the verdict, the dwelling,
the bar chart as vector drawing, the monthly table, what to do next, the sources; when chosen, the path over the
years on a page of its own after it. DejaVu Sans is embedded (subset),
so the file looks the same everywhere; nothing is fetched and no browser is needed.

All lengths in mm, font sizes in pt.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from app.advies import (
    DONKER,
    HANDTEKENING,
    OORDEEL_KLEUR,
    VOETTEKST,
    bronnen,
    financiering_blok,
    legenda,
    ondertitel,
    oordeel_blok,
    staven,
    wat_nu,
)
from app.opmaak import (
    JAREN_AANNAMES,
    KLEUR,
    armoede_rijen,
    band_let_op,
    band_regel,
    betaalrisico_zin,
    coach_rijen,
    jaren_kort,
    jaren_let_op,
    jaren_oordeel,
    jaren_tabel,
    jaren_voetnoot,
    tabel_rijen,
    verbruik_tekst,
)
from app.organisatie import Organisatie, lees_organisatie
from woonlasten.formatteer import euro, euro_verschil
from woonlasten.modellen import Jaarpad, Resultaat

LETTERTYPEN = Path(__file__).resolve().parent / "lettertypen"
LETTER = "DejaVu"

# page (A4 portrait)
MARGE = 12.0
MARGE_BOVEN = 10.0
MARGE_ONDER = 10.0
BREEDTE = 210.0 - 2 * MARGE  # the text width
KOLOM_TUSSENRUIMTE = 6.0
KOLOM = (BREEDTE - KOLOM_TUSSENRUIMTE) / 2

# type
PT_TITEL = 15
PT_OORDEEL = 11.5
PT_KOP = 10
PT_TEKST = 8.5
PT_TABEL = 8
PT_KLEIN = 7
PT_BRON = 5.6
REGELAFSTAND = 1.22  # line height as a multiple of the font size
REGELAFSTAND_TABEL = 1.12
MM_PER_PT = 25.4 / 72

# colours
ZWART = "#1a1a1a"
GRIJS = "#555555"
LIJN = "#bbbbbb"
WIT = "#ffffff"

# parts
LOGO_HOOGTE = 12.0
LOGO_BREEDTE = 40.0  # a wide logo is scaled down to this width
LOGO_AFSTAND = 3.0  # between the logo and the name
ORGANISATIE_BREEDTE = 75.0  # name and contact line at most, right-aligned
SPELING = 0.5  # slack on a measured text width, against rounding in the line breaking
LABEL_BREEDTE = 21.0  # the labels of the dwelling list
INSPRINGEN = 4.0
OPVULLING = 2.0  # inside the verdict and warning boxes
GRAFIEK_HOOGTE = 50.0
STAAF_BREEDTE = 17.0
STAAF_TUSSENRUIMTE = 8.0
LEGENDA_BLOK = 2.8
MIN_HOOGTE_BEDRAG = 3.4  # a bar part lower than this gets no amount written in it
TABEL_KOLOM_BEDRAG = 30.0
TABEL_KOLOMMEN = 3  # now, after, difference
BRON_KOLOMMEN = 3
RUIMTE_HANDTEKENING = 7.0

log = logging.getLogger(__name__)


def _h(pt: float) -> float:
    """The line height of a font size [mm]."""
    return pt * MM_PER_PT * REGELAFSTAND


def _tabelregel() -> float:
    """The height of a row of the monthly table [mm] (set closer than text)."""
    return PT_TABEL * MM_PER_PT * REGELAFSTAND_TABEL


def _rgb(kleur: str) -> tuple[int, int, int]:
    kleur = kleur.lstrip("#")
    return int(kleur[0:2], 16), int(kleur[2:4], 16), int(kleur[4:6], 16)


class _Pdf(FPDF):
    """An A4 page with the advice's type, headings, paragraphs and boxes."""

    def lettertype(self, pt: float, vet: bool = False, kleur: str = ZWART) -> None:
        self.set_font(LETTER, "B" if vet else "", pt)
        self.set_text_color(*_rgb(kleur))

    def kop(self, tekst: str, x: float | None = None, breedte: float = BREEDTE) -> None:
        """A section heading with a rule under it."""
        x = MARGE if x is None else x
        self.set_xy(x, self.get_y() + 1.6)
        self.lettertype(PT_KOP, vet=True)
        self.cell(breedte, _h(PT_KOP), tekst, new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_draw_color(*_rgb(LIJN))
        self.set_line_width(0.25)
        self.line(x, self.get_y(), x + breedte, self.get_y())
        self.set_y(self.get_y() + 1.0)

    def alinea(self, tekst: str, pt: float = PT_TEKST, x: float | None = None, breedte: float = BREEDTE,
               kleur: str = ZWART, vet: bool = False) -> None:
        """Wrapped text from (x, current y); the cursor goes to the line after it."""
        self.lettertype(pt, vet=vet, kleur=kleur)
        self.set_x(MARGE if x is None else x)
        self.multi_cell(breedte, _h(pt), tekst, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)

    def kader(self, tekst: str, pt: float, rand: str, vulling: str | None, gestippeld: bool = False,
              tweede: str = "", vet: bool = True) -> None:
        """Text in a box (the verdict, the warning); ``tweede`` a second, smaller line."""
        binnen = BREEDTE - 2 * OPVULLING
        self.lettertype(pt, vet=vet)
        hoogte = self.multi_cell(binnen, _h(pt), tekst, dry_run=True, output=MethodReturnValue.HEIGHT)
        if tweede:
            self.lettertype(PT_TEKST)
            hoogte += self.multi_cell(binnen, _h(PT_TEKST), tweede, dry_run=True, output=MethodReturnValue.HEIGHT)
        y = self.get_y() + 1.0
        self.set_draw_color(*_rgb(rand))
        self.set_line_width(0.5 if not gestippeld else 0.35)
        if gestippeld:
            self.set_dash_pattern(dash=1.2, gap=0.8)
        if vulling:
            self.set_fill_color(*_rgb(vulling))
        self.rect(MARGE, y, BREEDTE, hoogte + 2 * OPVULLING, style="DF" if vulling else "D", round_corners=True,
                  corner_radius=1.2)
        self.set_dash_pattern()
        self.set_y(y + OPVULLING)
        self.alinea(tekst, pt, x=MARGE + OPVULLING, breedte=binnen, vet=vet)
        if tweede:
            self.alinea(tweede, PT_TEKST, x=MARGE + OPVULLING, breedte=binnen)
        self.set_y(y + hoogte + 2 * OPVULLING + 1.5)


def _nieuw(r: Resultaat, org: Organisatie) -> _Pdf:
    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGE, MARGE_BOVEN, MARGE)
    pdf.set_auto_page_break(True, margin=MARGE_ONDER)
    pdf.add_font(LETTER, "", str(LETTERTYPEN / "DejaVuSans.ttf"))
    pdf.add_font(LETTER, "B", str(LETTERTYPEN / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"Woonlastenadvies {r.gemeente}")
    pdf.set_lang("nl-NL")
    pdf.set_creator("woonlasten")
    if org.naam:
        pdf.set_author(org.naam)
    pdf.add_page()
    return pdf


def _kop_en_organisatie(pdf: _Pdf, org: Organisatie) -> None:
    """The title on the left and the organisation on the right of the same band: name and contact line
    (right-aligned), the logo left of them; parts that are missing are left out."""
    y = pdf.get_y()
    pdf.lettertype(PT_TITEL, vet=True)
    pdf.cell(BREEDTE, _h(PT_TITEL), "Woonlastenadvies")
    titel_rechts = MARGE + pdf.get_string_width("Woonlastenadvies") + LOGO_AFSTAND
    onder = y + _h(PT_TITEL)
    regels = [(t, pt, vet, kleur) for t, pt, vet, kleur in ((org.naam, PT_KOP, True, ZWART),
                                                            (org.contact, PT_KLEIN + 0.5, False, GRIJS)) if t]
    breedte = 0.0
    for tekst, pt, vet, kleur in regels:
        pdf.lettertype(pt, vet=vet, kleur=kleur)
        # the text plus the cell's own margins left and right (with less, multi_cell wraps the last word, or
        # fails on a name of one letter)
        breedte = max(breedte, min(ORGANISATIE_BREEDTE, pdf.get_string_width(tekst) + 2 * pdf.c_margin + SPELING))
    pdf.set_y(y)
    for tekst, pt, vet, kleur in regels:
        pdf.lettertype(pt, vet=vet, kleur=kleur)
        pdf.set_x(MARGE + BREEDTE - breedte)
        pdf.multi_cell(breedte, _h(pt), tekst, align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
    onder = max(onder, pdf.get_y())
    if org.logo:
        try:
            from PIL import Image  # installed with fpdf2

            with Image.open(io.BytesIO(org.logo)) as beeld:
                px_b, px_h = beeld.size
            rechts = MARGE + BREEDTE - breedte - (LOGO_AFSTAND if breedte else 0.0)
            b = min(LOGO_BREEDTE, LOGO_HOOGTE * px_b / px_h, rechts - titel_rechts)  # never over the title
            h = b * px_h / px_b
            x = rechts - b
            pdf.image(io.BytesIO(org.logo), x=x, y=y, w=b, h=h)
            onder = max(onder, y + h)
        except Exception as exc:  # noqa: BLE001 - a logo the PDF library cannot place is left out, never a crash
            log.warning("logo niet in het advies geplaatst: %s", exc)
    pdf.set_y(onder + 0.5)


def _woning(pdf: _Pdf, r: Resultaat, woning: dict[str, str], maatregelen: list[str] | None, y: float) -> float:
    """The dwelling and household in the left column; returns the y under it."""
    pdf.set_y(y)
    pdf.kop("De woning en het huishouden", breedte=KOLOM)
    regels = list(woning.items()) + ([("Maatregelen", ", ".join(maatregelen))] if maatregelen else [])
    for label, waarde in regels:
        y = pdf.get_y()
        pdf.lettertype(PT_TEKST, kleur=GRIJS)
        pdf.set_xy(MARGE, y)
        pdf.cell(LABEL_BREEDTE, _h(PT_TEKST), label)
        pdf.alinea(waarde, PT_TEKST, x=MARGE + LABEL_BREEDTE, breedte=KOLOM - LABEL_BREEDTE)
        pdf.set_y(pdf.get_y() + 0.4)
    pdf.set_y(pdf.get_y() + 0.6)
    pdf.alinea(verbruik_tekst(r), PT_KLEIN, breedte=KOLOM, kleur="#333333")
    return pdf.get_y()


def _grafiek(pdf: _Pdf, r: Resultaat, y: float) -> float:
    """The stacked bars now / after, drawn from the result's numbers, with the amounts and a legend in words;
    returns the y under it."""
    x0 = MARGE + KOLOM + KOLOM_TUSSENRUIMTE
    pdf.set_y(y)
    pdf.kop("Woonlasten per maand", x=x0, breedte=KOLOM)
    bars = staven(r)
    top = max(sum(b for _, b in d) for _, _, d in bars) or 1.0
    boven = _h(PT_TABEL) + 1.5  # room for the total above the highest bar
    onder = _h(PT_KLEIN) + 1.5  # room for the name under the bars
    basis = pdf.get_y() + GRAFIEK_HOOGTE - onder
    schaal = (GRAFIEK_HOOGTE - boven - onder) / top
    links = x0 + 2.0
    for i, (situatie, totaal, delen) in enumerate(bars):
        x = links + i * (STAAF_BREEDTE + STAAF_TUSSENRUIMTE)
        yy = basis
        for naam, bedrag in delen:
            h = bedrag * schaal
            yy -= h
            pdf.set_fill_color(*_rgb(KLEUR[naam]))
            pdf.set_draw_color(*_rgb(WIT))
            pdf.set_line_width(0.2)
            pdf.rect(x, yy, STAAF_BREEDTE, h, style="DF")
            if h >= MIN_HOOGTE_BEDRAG:
                pdf.lettertype(PT_BRON + 0.5, kleur=WIT if KLEUR[naam] in DONKER else ZWART)
                pdf.set_xy(x, yy + h / 2 - _h(PT_BRON + 0.5) / 2)
                pdf.cell(STAAF_BREEDTE, _h(PT_BRON + 0.5), euro(bedrag, 0), align="C")
        pdf.lettertype(PT_TABEL, vet=True)
        pdf.set_xy(x - STAAF_TUSSENRUIMTE / 2, yy - _h(PT_TABEL) - 0.5)
        pdf.cell(STAAF_BREEDTE + STAAF_TUSSENRUIMTE, _h(PT_TABEL), euro(totaal), align="C")
        pdf.lettertype(PT_KLEIN)
        pdf.set_xy(x - STAAF_TUSSENRUIMTE / 2, basis + 0.8)
        pdf.cell(STAAF_BREEDTE + STAAF_TUSSENRUIMTE, _h(PT_KLEIN), situatie, align="C")
    rechts = links + len(bars) * (STAAF_BREEDTE + STAAF_TUSSENRUIMTE) - STAAF_TUSSENRUIMTE
    pdf.set_draw_color(*_rgb("#333333"))
    pdf.set_line_width(0.3)
    pdf.line(links - 1.5, basis, rechts + 1.5, basis)
    lx = rechts + STAAF_TUSSENRUIMTE / 2 + 1.0
    ly = basis - GRAFIEK_HOOGTE + onder + boven
    for naam in legenda(bars):
        pdf.set_fill_color(*_rgb(KLEUR[naam]))
        pdf.rect(lx, ly, LEGENDA_BLOK, LEGENDA_BLOK, style="F")
        pdf.lettertype(PT_KLEIN)
        pdf.set_xy(lx + LEGENDA_BLOK + 1.2, ly + LEGENDA_BLOK / 2 - _h(PT_KLEIN) / 2)
        pdf.cell(x0 + KOLOM - lx - LEGENDA_BLOK - 1.2, _h(PT_KLEIN), naam)
        ly += _h(PT_KLEIN) + 0.9
    return basis + onder


def _financiering(pdf: _Pdf, r: Resultaat) -> None:
    """An owner's investment and financing, two label-value pairs per line."""
    lening, waarden = financiering_blok(r)
    pdf.kop("Investering en financiering")
    pdf.alinea(lening, PT_KLEIN, kleur=GRIJS)
    paar = BREEDTE / 2
    label_b = paar * 0.58
    pdf.lettertype(PT_TEKST)
    for i, (label, waarde) in enumerate(waarden):
        if i % 2 == 0 and i:
            pdf.ln(_h(PT_TEKST))
        x = MARGE + (i % 2) * paar
        pdf.set_x(x)
        pdf.lettertype(PT_TEKST, kleur=GRIJS)
        pdf.cell(label_b, _h(PT_TEKST), label)
        pdf.lettertype(PT_TEKST, vet=True)
        pdf.cell(paar - label_b - 4.0, _h(PT_TEKST), waarde, align="R")
    if waarden:
        pdf.ln(_h(PT_TEKST))


def _tabel(pdf: _Pdf, r: Resultaat, eigenaar: bool) -> None:
    """The monthly table now / after / difference, in Dutch amounts."""
    met_na = r.na is not None
    kolommen = ["Nu"] + (["Na de ingreep", "Verschil"] if met_na else [])
    label_b = BREEDTE - TABEL_KOLOMMEN * TABEL_KOLOM_BEDRAG  # 'Nu' stays in its place without an upgrade
    rechts = MARGE + label_b + len(kolommen) * TABEL_KOLOM_BEDRAG
    h = _tabelregel()
    pdf.lettertype(PT_TABEL, vet=True)
    pdf.cell(label_b, h, "Per maand")
    for k in kolommen:
        pdf.cell(TABEL_KOLOM_BEDRAG, h, k, align="R")
    pdf.ln(h)
    pdf.set_draw_color(*_rgb("#888888"))
    pdf.set_line_width(0.25)
    pdf.line(MARGE, pdf.get_y(), rechts, pdf.get_y())
    for rij in tabel_rijen(r, eigenaar):
        totaal = rij["label"].startswith("Woonlasten")
        hoofd = not rij["ingesprongen"]
        if totaal or hoofd:
            pdf.set_draw_color(*_rgb(ZWART if totaal else "#dddddd"))
            pdf.set_line_width(0.45 if totaal else 0.2)
            pdf.line(MARGE, pdf.get_y(), rechts, pdf.get_y())
        kleur = "#333333" if rij["ingesprongen"] else ZWART
        pdf.lettertype(PT_TABEL, vet=hoofd, kleur=kleur)
        inspring = INSPRINGEN if rij["ingesprongen"] else 0.0
        pdf.set_x(MARGE + inspring)
        pdf.cell(label_b - inspring, h, rij["label"])
        bedragen = [euro(rij["voor"])] + ([euro(rij["na"]), euro_verschil(rij["verschil"])] if met_na else [])
        for b in bedragen:
            pdf.cell(TABEL_KOLOM_BEDRAG, h, b, align="R")
        pdf.ln(h)


def _wat_nu(pdf: _Pdf, stappen: list[tuple[str, str]]) -> None:
    """The next steps as bullets with a bold lead."""
    pdf.kop("Wat nu?")
    h = _h(PT_TEKST)
    for kop, tekst in stappen:
        pdf.lettertype(PT_TEKST)
        pdf.set_x(MARGE)
        pdf.cell(INSPRINGEN, h, "•")
        pdf.set_left_margin(MARGE + INSPRINGEN)
        pdf.lettertype(PT_TEKST, vet=True)
        pdf.write(h, kop + " ")
        pdf.lettertype(PT_TEKST)
        pdf.write(h, tekst)
        pdf.set_left_margin(MARGE)
        pdf.ln(h + 0.6)


def _voet(pdf: _Pdf) -> None:
    """The disclaimer and the lines to sign."""
    pdf.set_draw_color(*_rgb(LIJN))
    pdf.set_line_width(0.25)
    pdf.set_y(pdf.get_y() + 1.0)
    pdf.line(MARGE, pdf.get_y(), MARGE + BREEDTE, pdf.get_y())
    pdf.set_y(pdf.get_y() + 1.0)
    pdf.alinea(VOETTEKST, PT_KLEIN, kleur="#333333")
    y = pdf.get_y() + RUIMTE_HANDTEKENING
    vak = (BREEDTE - 2 * KOLOM_TUSSENRUIMTE) / len(HANDTEKENING)
    pdf.set_draw_color(*_rgb("#888888"))
    for i, tekst in enumerate(HANDTEKENING):
        x = MARGE + i * (vak + KOLOM_TUSSENRUIMTE)
        pdf.line(x, y, x + vak, y)
        pdf.lettertype(PT_KLEIN + 1, kleur=GRIJS)
        pdf.set_xy(x, y + 0.5)
        pdf.cell(vak, _h(PT_KLEIN + 1), tekst)
    pdf.set_y(y + _h(PT_KLEIN + 1) + 1.0)


def _bronnen(pdf: _Pdf, r: Resultaat) -> None:
    """The compact sources appendix in columns: each document with its topics and, when not confirmed, its status
    (the data rows are in the app); it goes on to the next page when the first is full."""
    items = bronnen(r)
    if not items:
        return
    if pdf.get_y() + _h(PT_KOP) + 3 * _h(PT_BRON) > pdf.h - MARGE_ONDER:
        pdf.add_page()
    pdf.kop("Bronnen")
    with pdf.text_columns(ncols=BRON_KOLOMMEN, gutter=KOLOM_TUSSENRUIMTE, balance=True,
                          line_height=REGELAFSTAND) as kolommen:
        for b in items:
            with kolommen.paragraph(bottom_margin=0.4) as alinea:
                pdf.lettertype(PT_BRON, vet=True)
                alinea.write(b.document + ": ")
                pdf.lettertype(PT_BRON)
                alinea.write(b.onderwerpen)
                if b.status:
                    pdf.lettertype(PT_BRON, kleur="#666666")
                    alinea.write(" " + b.status)


JAREN_KOLOM_JAAR = 20.0  # the year column of the path's table
JAREN_KOLOM_BEDRAG = 30.0  # each amount column of it


def _jaren(pdf: _Pdf, pad: Jaarpad, wie: str) -> None:
    """The section 'Over de jaren' on a page of its own, under a line saying whose advice it continues (``wie``,
    the subtitle): the verdict over the period, the table per year, what * means and the assumptions for years not
    yet known (the texts of :mod:`app.opmaak`, as on the page)."""
    pdf.add_page()
    pdf.alinea(f"Woonlastenadvies, vervolg · {wie}", PT_KLEIN + 0.5, kleur=GRIJS)
    pdf.kop("Over de jaren")
    oordeel = jaren_oordeel(pad)
    if oordeel is not None:
        rand, vulling = OORDEEL_KLEUR[pad.woonlastenneutraal_gemiddeld]
        pdf.kader(("✔ " if pad.woonlastenneutraal_gemiddeld else "✖ ") + oordeel, PT_TEKST + 0.5, rand, vulling)
    for zin in jaren_let_op(pad):
        pdf.kader("⚠ " + zin, PT_TEKST, ZWART, None, gestippeld=True, vet=False)
    kop, rijen = jaren_tabel(pad)
    breedtes = [JAREN_KOLOM_JAAR] + [JAREN_KOLOM_BEDRAG] * (len(kop) - 1)
    h = _tabelregel()
    pdf.set_y(pdf.get_y() + 1.0)
    for i, rij in enumerate([kop, *rijen]):
        pdf.set_x(MARGE)
        pdf.lettertype(PT_TABEL, vet=i == 0)
        for j, (tekst, b) in enumerate(zip(rij, breedtes, strict=True)):
            pdf.cell(b, h, tekst, align="L" if j == 0 else "R")
        pdf.ln(h)
        if i == 0:  # the rule under the header clear of its descenders
            pdf.set_y(pdf.get_y() + 0.4)
            pdf.set_draw_color(*_rgb("#888888"))
            pdf.set_line_width(0.25)
            pdf.line(MARGE, pdf.get_y(), MARGE + sum(breedtes), pdf.get_y())
            pdf.set_y(pdf.get_y() + 0.3)
    pdf.set_y(pdf.get_y() + 0.8)
    pdf.alinea(jaren_voetnoot(pad), PT_KLEIN, kleur="#333333")
    if pad.aannames:
        pdf.set_y(pdf.get_y() + 1.0)
        pdf.alinea(JAREN_AANNAMES, PT_TEKST, vet=True)
        for a in pad.aannames:
            pdf.lettertype(PT_KLEIN, kleur="#333333")
            pdf.set_x(MARGE)
            pdf.cell(INSPRINGEN, _h(PT_KLEIN), "•")
            pdf.alinea(a, PT_KLEIN, x=MARGE + INSPRINGEN, breedte=BREEDTE - INSPRINGEN, kleur="#333333")


BIJLAGE_KOLOM_NAAM = 100.0  # the measure or indicator column of the appendix tables
BIJLAGE_KOLOM = 28.0  # each further column


def heeft_bijlage(r: Resultaat) -> bool:
    """Whether the advice gets its appendix page: the energiecoach's list or known energy-poverty indicators."""
    e = getattr(r, "energiearmoede", None)
    return bool(coach_rijen(r)) or (e is not None and e.laag_inkomen is not None)


def _bijlage_tabel(pdf: _Pdf, kop: list[str], rijen: list[list[str]]) -> None:
    """A small table: the first column wide and left, the others right-aligned."""
    h = _tabelregel()
    breedtes = [BIJLAGE_KOLOM_NAAM] + [BIJLAGE_KOLOM] * (len(kop) - 1)
    pdf.lettertype(PT_TABEL, vet=True)
    for tekst, b in zip(kop, breedtes, strict=True):
        pdf.cell(b, h, tekst, align="L" if b == BIJLAGE_KOLOM_NAAM else "R")
    pdf.ln(h)
    pdf.set_draw_color(*_rgb("#888888"))
    pdf.line(MARGE, pdf.get_y(), MARGE + sum(breedtes), pdf.get_y())
    pdf.lettertype(PT_TABEL)
    for rij in rijen:
        pdf.set_x(MARGE)
        for tekst, b in zip(rij, breedtes, strict=True):
            pdf.cell(b, h, tekst, align="L" if b == BIJLAGE_KOLOM_NAAM else "R")
        pdf.ln(h)
    pdf.ln(1.5)


def _bijlage(pdf: _Pdf, r: Resultaat, eigenaar: bool, nieuwe_pagina: bool = True) -> None:
    """The appendix page (the advice itself stays on one A4): energy poverty before and after, and what the
    household's own behaviour saves in euros (issue 17), both estimates. ``nieuwe_pagina`` False: it goes on under
    the path over the years (and on to a next page where it must)."""
    if not heeft_bijlage(r):
        return
    if nieuwe_pagina:
        pdf.add_page()
    else:
        pdf.set_y(pdf.get_y() + 3.0)
    pdf.kop("Bijlage: energiearmoede en eigen gedrag")
    e = getattr(r, "energiearmoede", None)
    met_na = r.na is not None
    rijen = armoede_rijen(r, ("LEKWI",) if eigenaar else None)
    if rijen and e is not None and e.laag_inkomen is not None:
        pdf.kop("Energiearmoede")
        _bijlage_tabel(pdf, ["Indicator", "Nu"] + (["Na de ingreep"] if met_na else []),
                       [[(code + " " if code else "") + naam, nu] + ([na] if met_na else [])
                        for code, naam, nu, na in rijen])
        for zin in e.veranderingen:
            pdf.alinea(zin[0].upper() + zin[1:] + ".", PT_TEKST)
        pdf.alinea("Schatting volgens de indicatoren van de CBS/TNO Monitor Energiearmoede, benaderd: het opgegeven "
                   "besteedbare inkomen, de energiekwaliteit uit het label. " + (betaalrisico_zin(r) or ""),
                   PT_KLEIN, kleur=GRIJS)
    coach = coach_rijen(r)
    if coach:
        pdf.kop("Wat het eigen gedrag bespaart")
        _bijlage_tabel(pdf, ["Maatregel", "Per jaar", "€ per jaar", "Gekozen"],
                       [[oms, per_jaar, euro_jaar, "ja" if gekozen else ""] for oms, per_jaar, euro_jaar, gekozen in coach])
        c = r.energiecoach
        if any(g for *_, g in coach):
            pdf.alinea(f"Het gekozen gedrag bespaart {euro(c.gekozen_besparing_maand)} per maand: de woonlasten van nu "
                       f"worden dan {euro(c.totaal_met_gedrag)} per maand.", PT_TEKST)
        pdf.alinea("Schatting tegen de eigen prijzen van de peildatum (leveringsprijs, energiebelasting en btw)."
                   + (f" Voor deze verwarming nog niet berekend: {', '.join(c.niet_berekend).lower()}."
                      if c.niet_berekend else ""), PT_KLEIN, kleur=GRIJS)


def _advies(r: Resultaat, woning: dict[str, str], eigenaar: bool, maatregelen: list[str] | None,
            opgesteld: dt.date, org: Organisatie, jaren: Jaarpad | None) -> _Pdf:
    """The advice itself up to its sources (one A4 when it fits), with the path's line beside the verdict when
    ``jaren`` is given."""
    pdf = _nieuw(r, org)
    _kop_en_organisatie(pdf, org)
    pdf.alinea(ondertitel(r, eigenaar, opgesteld), PT_TEKST, kleur="#444444")
    o = oordeel_blok(r, eigenaar)
    rand, vulling = OORDEEL_KLEUR[o.neutraal]
    teken = {True: "✔ ", False: "✖ ", None: ""}[o.neutraal]
    pdf.kader(teken + o.tekst, PT_OORDEEL, rand, vulling, tweede=o.na_toeslag)
    let_op = band_let_op(r)
    if let_op:  # the band changes the verdict: said in words, not by colour
        pdf.kader("⚠ " + let_op, PT_TEKST, ZWART, None, gestippeld=True, vet=False)
    regel = band_regel(r)
    if regel:
        pdf.alinea(regel, PT_KLEIN + 0.5)
    if jaren is not None:
        pdf.alinea(jaren_kort(jaren), PT_KLEIN + 0.5)
    y = pdf.get_y()
    onder_links = _woning(pdf, r, woning, maatregelen, y)
    onder_rechts = _grafiek(pdf, r, y)
    pdf.set_y(max(onder_links, onder_rechts))
    if eigenaar:
        _financiering(pdf, r)
    tabel_hoogte = _h(PT_KOP) + 3.0 + (len(tabel_rijen(r, eigenaar)) + 1) * _tabelregel()
    if pdf.get_y() + tabel_hoogte > pdf.h - MARGE_ONDER:  # the table is not split over two pages
        pdf.add_page()
    pdf.kop("Per onderdeel")
    _tabel(pdf, r, eigenaar)
    _wat_nu(pdf, wat_nu(r, eigenaar, org))
    _voet(pdf)
    _bronnen(pdf, r)
    return pdf


def advies_pdf(r: Resultaat, *, woning: dict[str, str], eigenaar: bool = False, maatregelen: list[str] | None = None,
               opgesteld: dt.date | None = None, organisatie: Organisatie | None = None,
               jaren: Jaarpad | None = None) -> bytes:
    """The advice as PDF bytes (A4), with the same inputs as :func:`app.advies.advies_html`; ``jaren``: the path
    over the years, one line beside the verdict and its section on the page after the advice."""
    opgesteld = opgesteld or dt.date.today()
    org = organisatie if organisatie is not None else lees_organisatie()
    pdf = _advies(r, woning, eigenaar, maatregelen, opgesteld, org, jaren)
    if jaren is not None:
        zonder = _advies(r, woning, eigenaar, maatregelen, opgesteld, org, None)
        if pdf.page > zonder.page:  # the path's line beside the verdict would push the advice over its page: left
            pdf = zonder  # out (the path's own page opens with the same verdict)
        _jaren(pdf, jaren, ondertitel(r, eigenaar, opgesteld))
    _bijlage(pdf, r, eigenaar, nieuwe_pagina=jaren is None)
    return bytes(pdf.output())
