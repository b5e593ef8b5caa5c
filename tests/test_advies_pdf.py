"""The advice as a PDF (app/advies_pdf.py): the text a reader gets (verdict, totals in Dutch notation, the
organisation, 'Wat nu?'), one A4 page for the heavy cases of the browser test, embedded fonts, and a settings file or
logo that is missing or broken never stops the advice."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from test_browser import ZWARE_GEVALLEN

from app.advies import advies_html, bron_document, bronnen
from app.advies_pdf import advies_pdf, heeft_bijlage
from app.gedeeld import MAATREGEL_NAMEN
from app.organisatie import Organisatie, lees_organisatie
from woonlasten import Casus, bereken
from woonlasten.formatteer import euro, euro_verschil, oordeel

ORGANISATIE_TOML = """naam = "Woonstichting Proefstad"
contact = "Energiecoach: 012 345 67 89 · coach@proefstad.example · proefstad.example"
logo = "{logo}"
"""


def _zwaar(wie: str):
    casus, woning = ZWARE_GEVALLEN[wie]
    r = bereken(Casus.model_validate(casus))
    return r, {"woning": woning, "eigenaar": wie == "eigenaar",
               "maatregelen": [MAATREGEL_NAMEN[m] for m in casus["ingreep"]["maatregelen"]]}


def _eenvoudig(**ingreep):
    return bereken(Casus.model_validate({
        "peildatum": "2025-06-01", "gemeente": "Borne",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": "E"},
        "huishouden": {"personen": 3}, "huur": {"kale_huur": 600, "servicekosten": 20},
        "ingreep": ingreep}))


def _png(breedte: int = 60, hoogte: int = 20) -> bytes:
    from PIL import Image

    uit = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), (0, 114, 178)).save(uit, format="PNG")
    return uit.getvalue()


def _tekst(pdf: bytes) -> str:
    """All text of the PDF, whitespace made single spaces (lines may break anywhere)."""
    lezer = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in lezer.pages)


def _paginas(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def instellingen(tmp_path):
    (tmp_path / "logo.png").write_bytes(_png())
    pad = tmp_path / "organisatie.toml"
    pad.write_text(ORGANISATIE_TOML.format(logo="logo.png"), encoding="utf-8")
    return pad


def test_pdf_bevat_oordeel_totalen_organisatie_en_wat_nu(instellingen):
    r, invoer = _zwaar("huurder")
    pdf = advies_pdf(r, **invoer, opgesteld=dt.date(2026, 6, 2), organisatie=lees_organisatie(instellingen))
    assert pdf.startswith(b"%PDF-")
    tekst = _tekst(pdf)
    assert "Woonlastenadvies" in tekst and "Woonstichting Proefstad" in tekst
    assert "coach@proefstad.example" in tekst
    assert oordeel(r) in tekst
    for bedrag in (euro(r.voor.totaal), euro(r.na.totaal), euro_verschil(r.verschil.totaal)):
        assert bedrag in tekst
    assert "Wat nu?" in tekst and "instemming van de huurder(s)" in tekst and "toeslagen.nl" in tekst
    assert "02-06-2026" in tekst and "01-06-2026" in tekst
    assert "Bronnen" in tekst and "CBS StatLine 85592NED" in tekst
    assert "tariffs/" not in tekst  # the appendix names documents, not the data files


def test_bedragen_in_nederlandse_notatie_met_de_hand_nagerekend():
    """One value worked out by hand: the heavy owner case pays € 900 mortgage + € 396,46 energy + € 132,59 local
    taxes = € 1.429,05 per month now (thousands with '.', cents with ','); the PDF prints exactly that. (Energy was
    € 393,60 with Coteq's proposed gas network figure; the final one is 216,85 − 188,53 = 28,32 a year more in 2026,
    × 1,21 / 12 = € 2,86 a month: 393,60 + 2,86 = 396,46.)"""
    r, invoer = _zwaar("eigenaar")
    assert round(r.voor.totaal, 2) == 1429.05
    assert round(900.00 + 396.46 + 132.59, 2) == 1429.05
    assert euro(r.voor.totaal) == "€ 1.429,05"
    tekst = _tekst(advies_pdf(r, **invoer, organisatie=Organisatie()))
    assert "€ 1.429,05" in tekst
    assert "rvo.nl/isde" in tekst and "Warmtefonds" in tekst  # the owner's next steps
    assert oordeel(r) in tekst


@pytest.mark.parametrize("wie", list(ZWARE_GEVALLEN))
def test_zware_gevallen_passen_op_een_a4_met_ingebedde_lettertypen(wie, instellingen):
    r, invoer = _zwaar(wie)
    pdf = advies_pdf(r, **invoer, organisatie=lees_organisatie(instellingen))
    lezer = PdfReader(io.BytesIO(pdf))
    # the advice on one A4 (the appendix with energy poverty and behaviour comes after it, on a page of its own)
    assert len(lezer.pages) == 1 + heeft_bijlage(r), f"het advies ({wie}) past niet op één A4"
    assert "Bronnen" in (lezer.pages[0].extract_text() or ""), "het advies loopt door op een tweede pagina"
    breedte, hoogte = float(lezer.pages[0].mediabox.width), float(lezer.pages[0].mediabox.height)
    assert (round(breedte), round(hoogte)) == (595, 842)  # A4 in points (210 × 297 mm)
    fonts = lezer.pages[0]["/Resources"]["/Font"]
    assert fonts, "geen lettertypen"
    for naam, font in fonts.items():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font.get("/FontDescriptor")
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), f"{naam} is niet ingebed"
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf  # the logo


def test_zonder_ingreep_en_met_onzeker_oordeel():
    zonder = _eenvoudig()
    pdf = advies_pdf(zonder, woning={}, organisatie=Organisatie())
    assert _paginas(pdf) == 1 + heeft_bijlage(zonder) and "Geen ingreep gekozen" in _tekst(pdf)
    onzeker = _eenvoudig(naar_label="B", huurverhoging=30)
    assert not onzeker.bandbreedte.oordeel_zeker
    tekst = _tekst(advies_pdf(onzeker, woning={}, organisatie=Organisatie()))
    assert "Let op: dit oordeel is niet zeker" in tekst and oordeel(onzeker) in tekst


@pytest.mark.parametrize("inhoud, logo", [
    (None, None),  # no settings file
    ("naam = [dit is geen toml", None),
    ('naam = 12\ncontact = ["lijst"]\nlogo = "bestaat-niet.png"', None),
    ('naam = "Woonstichting Proefstad"\nlogo = "logo.png"', b"geen png"),
    ('naam = "Woonstichting Proefstad"\nlogo = "logo.png"', b"\x89PNG\r\n\x1a\n" + b"kapot" * 20),
])
def test_ontbrekende_of_kapotte_instellingen_geven_toch_een_advies(tmp_path, inhoud, logo):
    pad = tmp_path / "organisatie.toml"
    if inhoud is not None:
        pad.write_text(inhoud, encoding="utf-8")
    if logo is not None:
        (tmp_path / "logo.png").write_bytes(logo)
    org = lees_organisatie(pad)
    assert org.logo is None
    assert org.naam in ("", "Woonstichting Proefstad") and org.contact == ""
    r = _eenvoudig(naar_label="B")
    pdf = advies_pdf(r, woning={"Woning": "Tussenwoning, 85 m²"}, organisatie=org)
    tekst = _tekst(pdf)
    assert _paginas(pdf) == 1 + heeft_bijlage(r) and oordeel(r) in tekst and "Wat nu?" in tekst
    assert "uw energiecoach" in tekst or "Woonstichting Proefstad" in tekst
    assert oordeel(r) in advies_html(r, woning={}, organisatie=org)


@pytest.mark.parametrize("naam, contact", [("X", "Y"), ("Woonstichting Proefstad", "012 345 67 89")])
def test_de_naam_van_de_organisatie_op_een_regel(naam, contact):
    """A name and contact line that fit the band stay on one line each (they broke before their last word), and a
    name and contact of one letter are no crash ('Not enough horizontal space to render a single character')."""
    pdf = advies_pdf(_eenvoudig(naar_label="B"), woning={}, organisatie=Organisatie(naam=naam, contact=contact))
    regels = [r.strip() for r in (PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or "").splitlines()]
    assert regels[0] == f"Woonlastenadvies {naam} {contact}", regels[:3]  # title, name and contact on one band


def test_standaardinstellingen_vragen_om_invullen():
    """The shipped settings are placeholders a corporation recognises as 'vul in', not someone's contact data."""
    org = lees_organisatie()
    assert "vul in" in org.naam and "vul in" in org.contact and org.logo is None
    assert not re.search(r"\d{3}", org.contact) and "@" not in org.contact


def test_html_heeft_viewport_organisatie_logo_en_wat_nu(instellingen):
    r = _eenvoudig(naar_label="B")
    html = advies_html(r, woning={}, organisatie=lees_organisatie(instellingen))
    assert "width=device-width, initial-scale=1" in html
    assert "Woonstichting Proefstad" in html and "data:image/png;base64," in html
    assert "<h2>Wat nu?</h2>" in html and "toeslagen.nl" in html
    assert "<h2>Bronnen</h2>" in html


def test_bronnen_noemen_documenten():
    assert bron_document("Kamerstuk 36611 nr. 3 https://zoek.officielebekendmakingen.nl/x.html; "
                         "https://nieuws.nl/y (tariffs/teruglevering.csv, regel 2)") == "Kamerstuk 36611 nr. 3"
    assert bron_document("https://www.engie.nl/a; https://selectra.nl/b (tariffs/x.csv, regel 7)") == \
        "engie.nl; selectra.nl"
    assert bron_document("PBL/TNO/CBS Referentieverbruik warmte woningen (2023), https://www.pbl.nl/p "
                         "(labels/ruimteverwarming.csv, regel 44)") == \
        "PBL/TNO/CBS Referentieverbruik warmte woningen (2023)"
    assert bron_document("labels/maatregel_effect.csv") == "labels/maatregel_effect.csv"
    assert bron_document(None) == ""
    r, _ = _zwaar("eigenaar")
    rvo = next(b for b in bronnen(r) if b.document == "rvo.nl")
    assert rvo.onderwerpen.startswith("Eigenaar: ISDE spouwmuurisolatie, ISDE dakisolatie")
    assert "tariffs/isde.csv, regel 7, 19" in rvo.verwijzingen and rvo.status == "[schatting]"


@pytest.mark.parametrize("pagina", [None, "eigenaar.py"])
def test_de_pagina_biedt_de_pdf_als_eerste_download(pagina):
    """The primary download is the PDF, made only on the click (deferred: no fpdf2 on the first load or a rerun);
    the HTML is the second button."""
    from test_app import start

    at = start(pagina)
    pdf, html = (k.proto for k in at.get("download_button"))
    assert pdf.label == "Advies downloaden (pdf)" and pdf.type == "primary" and pdf.deferred_file_id
    assert pdf.ignore_rerun and html.ignore_rerun
    assert html.label == "Als webpagina (html)" and html.url.endswith(".html")


def test_pdf_bij_klikken_maakt_dezelfde_pdf():
    from app.advies import pdf_bij_klikken

    r = _eenvoudig(naar_label="B")
    maak = pdf_bij_klikken(r, woning={}, organisatie=Organisatie(naam="Woonstichting Proefstad"))
    tekst = _tekst(maak())
    assert oordeel(r) in tekst and "Woonstichting Proefstad" in tekst


def test_wat_niet_op_een_pagina_past_loopt_door_op_de_volgende():
    """An unusually long description pushes the sources appendix (or more) to a second A4; nothing is lost."""
    r, invoer = _zwaar("eigenaar")
    invoer["woning"] = {**invoer["woning"], **{f"Opmerking {i}": "Een lange regel tekst over de woning " * 3
                                               for i in range(12)}}
    pdf = advies_pdf(r, **invoer, organisatie=Organisatie())
    assert _paginas(pdf) == 2 + heeft_bijlage(r)
    tekst = _tekst(pdf)
    assert "Bronnen" in tekst and "€ 1.429,05" in tekst and oordeel(r) in tekst


def test_bijlage_met_energiearmoede_en_het_eigen_gedrag():
    """Issue 17: the printable advice carries the energy-poverty indicators and the energiecoach's list with € per
    measure, on an appendix page after the one-page advice; the chosen behaviour and the new monthly total too."""
    r = bereken(Casus.model_validate({
        "peildatum": "2025-06-01", "gemeente": "Borne", "rol": "huurder",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 60, "energielabel": "F"},
        "huishouden": {"personen": 1, "besteedbaar_inkomen_jaar": 16_000, "gedrag": ["thermostaat_1_graad"]},
        "huur": {"kale_huur": 550}, "ingreep": {"naar_label": "B"}}))
    assert heeft_bijlage(r)
    pdf = advies_pdf(r, woning={"Woning": "Tussenwoning, 60 m²"}, organisatie=Organisatie())
    lezer = PdfReader(io.BytesIO(pdf))
    assert len(lezer.pages) == 2
    bijlage = " ".join((lezer.pages[1].extract_text() or "").split())
    assert "Bijlage: energiearmoede en eigen gedrag" in bijlage and "LILEK" in bijlage
    thermostaat = next(m for m in r.energiecoach.maatregelen if m.maatregel == "thermostaat_1_graad")
    assert thermostaat.gekozen and euro(thermostaat.besparing_euro_per_jaar) in bijlage
    assert euro(r.energiecoach.totaal_met_gedrag) in bijlage
    assert "Bijlage: energiearmoede" not in " ".join((lezer.pages[0].extract_text() or "").split())


def test_een_logo_van_reusachtige_afmetingen_wordt_weggelaten(tmp_path):
    """A small PNG file of 15.000 × 15.000 pixels (a decompression bomb for PIL) is left out, not a crash of the
    page; the advice still renders."""
    from PIL import Image

    groot = io.BytesIO()
    Image.new("1", (15_000, 15_000)).save(groot, format="PNG")
    (tmp_path / "logo.png").write_bytes(groot.getvalue())
    pad = tmp_path / "organisatie.toml"
    pad.write_text(ORGANISATIE_TOML.format(logo="logo.png"), encoding="utf-8")
    org = lees_organisatie(pad)
    assert org.logo is None and org.naam
    assert _paginas(advies_pdf(_eenvoudig(naar_label="B"), woning={}, organisatie=org)) >= 1


# ----------------------------------------------------------------------------------------------------------------
# The path over the years in the advice (issue 18)


def _met_pad(wie: str, eind: int = 2030):
    """A heavy case of the browser test with its path 2026-``eind`` (completion January 2026, the path's default)."""
    from woonlasten.casus import bereken_jaren

    casus, _ = ZWARE_GEVALLEN[wie]
    r, invoer = _zwaar(wie)
    return r, invoer, bereken_jaren(Casus.model_validate(casus), {"begin": 2026, "eind": eind})


def _paginateksten(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _handpad():
    """A path of two years made by hand: 2026 with known tariffs, 2028 with assumed ones."""
    from woonlasten.modellen import Jaarpad

    def jaar(j, zonder, met, cumulatief, aanname):
        return {"jaar": j, "zonder": {"totaal": zonder}, "met": {"totaal": met}, "verschil": {"totaal": met - zonder},
                "verschil_cumulatief": cumulatief, "maanden_met_ingreep": 12, "kale_huur_januari": 600.0,
                "kale_huur_juli": 624.6, "huurverhoging_juli_pct": 4.1,
                "huurverhoging_herkomst": "aanname" if aanname else "maximum", "huurtoeslag_bekend": True,
                "tarieven_aanname": aanname}

    # verschil 1.200,00 − 1.234,56 = −34,56 a month, × 12 = −414,72 in 2026; 2028: 1.290,00 − 1.300,00 = −10,00,
    # × 12 = −120,00, opgeteld −414,72 − 120,00 = −534,72 (the year between left out: the table shows what it gets)
    return Jaarpad.model_validate({
        "pad": {"begin": 2026, "eind": 2028}, "peildatum": "2026-06-01", "gemeente": "Borne", "rol": "huurder",
        "gereed": "2026-01", "jaren": [jaar(2026, 1234.56, 1200.00, -414.72, False),
                                      jaar(2028, 1300.00, 1290.00, -534.72, True)],
        "gemiddeld_verschil_maand": -22.28, "verschil_periode": -534.72, "gemiddeld_verschil_na_oplevering": -22.28,
        "woonlastenneutraal_gemiddeld": True,
        "aannames": ["Let op: voor 2028 zijn nog geen tarieven bekend; gerekend met de laatst bekende tarieven."]})


def test_de_tabel_van_het_pad_met_de_hand():
    """The one table builder the page, the HTML and the PDF share: Dutch amounts, signs, * on an assumed year."""
    from app.opmaak import jaren_kort, jaren_markdown, jaren_oordeel, jaren_tabel

    pad = _handpad()
    kop, rijen = jaren_tabel(pad)
    assert kop == ["Jaar", "Zonder", "Met", "Verschil", "Opgeteld"]
    assert rijen == [["2026", "€ 1.234,56", "€ 1.200,00", "-€ 34,56", "-€ 414,72"],
                     ["2028*", "€ 1.300,00", "€ 1.290,00", "-€ 10,00", "-€ 534,72"]]
    assert jaren_markdown(pad).splitlines()[2] == "| 2026 | € 1.234,56 | € 1.200,00 | -€ 34,56 | -€ 414,72 |"
    # (−34,56 − 10,00) / 2 = −22,28 a month on average
    assert jaren_oordeel(pad) == ("Woonlastenneutraal over de jaren. Gemiddeld over 2026-2028: € 22,28 per maand "
                                  "minder; opgeteld -€ 534,72 over 3 jaar (ingreep klaar in januari 2026).")
    assert jaren_kort(pad) == ("Over de jaren 2026-2028: woonlastenneutraal, gemiddeld € 22,28 per maand minder; "
                               "per jaar onder 'Over de jaren'.")
    # the average over the months with the upgrade only when it is not in place every month of the path
    deels = pad.model_copy(update={"jaren": [pad.jaren[0], pad.jaren[1].model_copy(update={"maanden_met_ingreep": 6})],
                                   "gemiddeld_verschil_na_oplevering": -30.0})
    assert jaren_oordeel(deels).endswith("(ingreep klaar in januari 2026). In de maanden met de ingreep gemiddeld "
                                         "-€ 30,00 per maand.")
    zonder_ingreep = pad.model_copy(update={"gereed": None, "woonlastenneutraal_gemiddeld": None})
    assert jaren_tabel(zonder_ingreep) == (["Jaar", "Woonlasten"], [["2026", "€ 1.234,56"], ["2028*", "€ 1.300,00"]])
    assert jaren_oordeel(zonder_ingreep) is None


def test_pdf_met_het_pad_over_de_jaren():
    """Issue 18 in the advice to hand over: the path on the page after the one-page advice, with every year, the
    amounts as the core computed them in Dutch notation, the verdict over the period and the assumption for the
    years beyond the known tariffs; the table adds up (checked on the printed figures)."""
    from app.opmaak import jaren_kort, jaren_oordeel
    from woonlasten.data import laad_tabellen
    from woonlasten.jaren import laatste_tariefjaar

    r, invoer, pad = _met_pad("huurder")
    bekend = laatste_tariefjaar(laad_tabellen())
    assert pad.pad.eind > bekend, "het pad moet voorbij de bekende tarieven gaan"
    pdf = advies_pdf(r, **invoer, jaren=pad, organisatie=Organisatie())
    paginas = _paginateksten(pdf)
    # the advice on one A4 as before; the path and the appendix (energiecoach) on the second
    assert len(paginas) == 2 and "Bronnen" in paginas[0] and "Over de jaren" not in paginas[0].replace(
        jaren_kort(pad), "")
    assert jaren_kort(pad) in paginas[0]
    tweede = paginas[1]
    assert tweede.startswith("Woonlastenadvies, vervolg · Voor de huurder · gemeente Borne")
    assert tweede.index("Over de jaren") < tweede.index("Bijlage: energiearmoede en eigen gedrag")
    assert jaren_oordeel(pad) in tweede
    for j in pad.jaren:
        assert re.search(rf"{j.jaar}\*? {re.escape(euro(j.zonder.totaal))} {re.escape(euro(j.met.totaal))} "
                         rf"{re.escape(euro_verschil(j.verschil.totaal))} {re.escape(euro_verschil(j.verschil_cumulatief))}",
                         tweede), j.jaar
    assert re.search(r"2026 € 1\.\d{3},\d{2} ", tweede)  # over € 1.000 a month without: thousands with a dot
    # the assumption for a year beyond the known tariffs, in words
    na = [a for a in pad.aannames if f"{bekend + 1}" in a and "nog geen tarieven bekend" in a]
    assert na and " ".join(na[0].split()) in tweede
    assert "Aannames voor jaren die nog niet bekend zijn" in tweede and "* Jaar met een aanname" in tweede
    # the printed table adds up: the verdict's average is the mean of the printed differences (within rounding),
    # the last 'Opgeteld' is 12 × the sum of them
    verschillen = [float(v.replace(".", "").replace(",", ".")) * (-1 if s else 1)
                   for s, v in re.findall(r"\d{4}\*? € [\d.,]+ € [\d.,]+ (-?)\+?€ ([\d.,]+)", tweede)]
    assert len(verschillen) == len(pad.jaren)
    gemiddeld = float(re.search(r"Gemiddeld over 2026-2030: € ([\d.,]+) per maand minder", tweede).group(1)
                      .replace(".", "").replace(",", "."))
    assert abs(-gemiddeld - sum(verschillen) / len(verschillen)) <= 0.01
    assert abs(12 * sum(verschillen) - pad.jaren[-1].verschil_cumulatief) <= 0.01 * 12 * len(verschillen)


def test_zonder_pad_blijft_het_advies_gelijk_en_met_pad_alleen_een_regel_op_blad_een():
    """Without the path nothing changes; with it the first page gets only the line beside the verdict, and the
    heavy owner's advice still fits its A4 (the path on the second page)."""
    from app.opmaak import jaren_kort

    for wie in ZWARE_GEVALLEN:
        r, invoer, pad = _met_pad(wie)
        zonder = _paginateksten(advies_pdf(r, **invoer, organisatie=Organisatie()))
        assert zonder == _paginateksten(advies_pdf(r, **invoer, jaren=None, organisatie=Organisatie()))
        assert not any("Over de jaren" in p for p in zonder)
        met = _paginateksten(advies_pdf(r, **invoer, jaren=pad, organisatie=Organisatie()))
        assert met[0].replace(" " + jaren_kort(pad), "") == zonder[0], wie
        assert len(met) == len(zonder) == 2 and met[1].startswith("Woonlastenadvies, vervolg")


def test_html_met_het_pad_over_de_jaren():
    """The HTML advice gets the same section, after the advice and printed on a sheet of its own (the advice
    itself is still scaled to one A4 without it)."""
    from html import escape

    from app.opmaak import jaren_kort, jaren_oordeel

    r, invoer, pad = _met_pad("eigenaar")
    zonder = advies_html(r, **invoer, organisatie=Organisatie())
    assert "<section class='jaren'>" not in zonder
    met = advies_html(r, **invoer, jaren=pad, organisatie=Organisatie())
    assert met.index("<h2>Bronnen</h2>") < met.index("<section class='jaren'>") < met.index("<h2>Over de jaren</h2>")
    assert ".jaren { break-before: page; }" in met and "jaren.offsetTop" in met
    assert escape(jaren_kort(pad)) in met and escape(jaren_oordeel(pad)) in met
    for j in pad.jaren:
        assert f"<td class='b'>{euro(j.met.totaal)}</td><td class='b'>{euro_verschil(j.verschil.totaal)}</td>" in met
    assert all(escape(a) in met for a in pad.aannames)


def test_met_pad_en_een_echte_organisatie_blijft_het_advies_op_een_a4():
    """A filled-in organisation (name and contact line) leaves the heavy owner's first page without room for the
    path's line beside the verdict: the line is left out rather than pushing the sources' last line onto a page of
    its own; the path's page follows the one-A4 advice as without the organisation (found in review: 3 pages)."""
    from app.opmaak import jaren_kort

    org = Organisatie(naam="Woonstichting Proefstad",
                      contact="Energiecoach: 012 345 67 89 · coach@proefstad.example · proefstad.example")
    for wie in ZWARE_GEVALLEN:
        r, invoer, pad = _met_pad(wie)
        zonder = _paginateksten(advies_pdf(r, **invoer, organisatie=org))
        met = _paginateksten(advies_pdf(r, **invoer, jaren=pad, organisatie=org))
        assert len(met) == len(zonder) == 2, wie
        assert met[1].startswith("Woonlastenadvies, vervolg") and "Over de jaren" in met[1]
        # page 1: the advice as without the path, with or without the path's line (as the page has room)
        assert met[0] == zonder[0] or met[0].replace(" " + jaren_kort(pad), "") == zonder[0], wie
