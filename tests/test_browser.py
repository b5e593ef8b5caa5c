"""One real-browser test of the app: start ``streamlit run streamlit_app.py``, drive it with Playwright and Debian's
Chromium, change the label, see the verdict and the chart, upload a portfolio, download the printable advice, and
save a screenshot of each page to docs/screenshots/ (look at them after a change to the layout).

Chromium is required: without it this test fails with instructions (CI installs it, see .ci/run); it never skips.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from woonlasten import Casus, bereken
from woonlasten.formatteer import oordeel

PROJECT = Path(__file__).resolve().parent.parent
# Screenshots go to out/screenshots (not tracked); WOONLASTEN_SCHERMAFDRUKKEN=docs/screenshots refreshes the ones
# in the documentation.
SCHERMAFDRUKKEN = PROJECT / os.environ.get("WOONLASTEN_SCHERMAFDRUKKEN", "out/screenshots")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
WACHT_MS = 30_000


def chromium_pad() -> str:
    for kandidaat in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if kandidaat and Path(kandidaat).exists():
            return kandidaat
    pytest.fail("Chromium ontbreekt: de browsertest heeft Debian's chromium nodig (sudo apt-get install chromium; "
                ".ci/run installeert het) of de omgevingsvariabele CHROMIUM met het pad naar de browser.",
                pytest_trace=False)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(poort: int, map_: Path = PROJECT) -> subprocess.Popen:
    """``streamlit run streamlit_app.py`` headless on ``poort`` in the project folder ``map_`` (bench/app_ab.py
    compares checkouts); returns the process once /_stcore/health is ok."""
    log = tempfile.TemporaryFile()
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(poort), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=map_, stdout=log, stderr=subprocess.STDOUT)
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        if proces.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit stopte met code {proces.returncode}:\n{log.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://localhost:{poort}/_stcore/health", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return proces
        except OSError:
            time.sleep(0.2)
    stop_server(proces)
    raise RuntimeError("streamlit werd niet gezond binnen 60 s")


def stop_server(proces: subprocess.Popen) -> None:
    proces.terminate()
    try:
        proces.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait()


@pytest.fixture(scope="module")
def server():
    poort = vrije_poort()
    proces = start_server(poort)
    yield f"http://localhost:{poort}"
    stop_server(proces)


@pytest.fixture(scope="module")
def browser():
    pad = chromium_pad()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=pad, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def naar_buiten(context) -> list[str]:
    """Every request of ``context`` that leaves this machine (the app works offline: no fonts, icons or scripts from
    elsewhere), plus any request to port 9 on this machine (the address of the test's Markdown image)."""
    buiten: list[str] = []

    def kijk(verzoek) -> None:
        url = urlparse(verzoek.url)
        if url.scheme in ("data", "blob", "about", "file"):
            return
        if url.hostname not in ("localhost", "127.0.0.1") or url.port == 9:
            buiten.append(verzoek.url)

    context.on("request", kijk)
    return buiten


@pytest.fixture()
def pagina(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1900}, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WACHT_MS)
    page.buiten = naar_buiten(context)
    yield page
    context.close()


def klaar(page) -> None:
    """Wait until the script run is over (no 'running' indicator), every element's code is loaded (no grey
    placeholder left) and charts had a moment to draw."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"], "
                           "[data-testid=\"stSkeleton\"], [data-testid=\"stSkeletonElement\"]')", timeout=WACHT_MS)
    page.wait_for_timeout(700)


def kies(page, label: str, optie: str) -> None:
    """Choose ``optie`` in the selectbox labelled ``label``."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=optie, exact=True).click()


def schermafdruk(page, naam: str) -> Path:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pad = SCHERMAFDRUKKEN / f"{naam}.png"
    # the app scrolls inside its main area: make the window as tall as the page for one picture of all of it
    oud = page.viewport_size
    hoogte = page.evaluate("() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], "
                           "[data-testid=\"stMainBlockContainer\"]')].map(e => e.scrollHeight), 0)")
    page.set_viewport_size({"width": oud["width"], "height": max(oud["height"], min(int(hoogte) + 80, 4000))})
    page.wait_for_timeout(600)
    page.screenshot(path=str(pad))
    page.set_viewport_size(oud)
    assert pad.stat().st_size > 20_000, f"{pad} is (bijna) leeg"
    return pad


def grafiek_getekend(page, minimum: int = 1) -> None:
    """The page's first chart has drawn marks (bars, lines, text), not only its frame (the sidebar holds only the
    hidden empty chart that loads the chart code, app/start.py)."""
    grafieken = page.get_by_test_id("stMain").get_by_test_id("stVegaLiteChart")
    grafieken.first.locator(".role-mark > *").first.wait_for()
    assert grafieken.count() >= minimum
    vak = grafieken.first.bounding_box()
    assert vak and vak["width"] > 250 and vak["height"] > 250, vak


def peildatum_op_scherm(page) -> dt.date:
    """The peildatum in the sidebar's field (dd-mm-jjjj)."""
    tekst = page.get_by_role("textbox", name="Peildatum").input_value()
    return dt.datetime.strptime(tekst, "%d-%m-%Y").date()


def huurder_casus(peildatum: dt.date, label: str) -> Casus:
    return Casus.model_validate({
        "peildatum": peildatum.isoformat(), "gemeente": "Borne", "rol": "huurder",
        "woning": {"woningtype": "tussenwoning", "oppervlakte_m2": 85, "energielabel": label, "bouwjaar": 1975},
        "huishouden": {"personen": 3}, "huur": {"kale_huur": 600, "servicekosten": 20},
        "ingreep": {"naar_label": "B"}})


def test_app_in_een_echte_browser(server, pagina, tmp_path):
    from playwright.sync_api import expect

    page = pagina
    # 1. Huurder: the first screen shows the default case with its verdict and chart
    page.goto(server + "/")
    oordeel_vak = page.get_by_test_id("stAlert").filter(has_text="Woonlastenneutraal")
    oordeel_vak.wait_for()
    klaar(page)
    peildatum = peildatum_op_scherm(page)
    verwacht = oordeel(bereken(huurder_casus(peildatum, "E")))
    assert verwacht in oordeel_vak.inner_text()
    grafiek_getekend(page)
    expect(page.get_by_test_id("stMetric")).to_have_count(4)  # waits for the page to settle, then must hold
    schermafdruk(page, "huurder")
    assert not page.buiten, f"verzoeken buiten deze machine: {page.buiten}"

    # 'Hoe is dit berekend' is filled once opened (a rerun): every rule with its source
    page.get_by_text("Hoe is dit berekend", exact=True).click()
    page.get_by_test_id("stExpanderDetails").get_by_text("Bron", exact=False).first.wait_for()
    klaar(page)
    page.get_by_text("Hoe is dit berekend", exact=True).click()

    # change the label: the verdict follows the core's result for label G, and the chart is replaced without a frame
    # in which it is empty
    page.evaluate("""() => {
        window.leeg = 0; window.meten = true;
        const stap = () => {
            const grafiek = document.querySelector('[data-testid="stMain"] [data-testid="stVegaLiteChart"]');
            if (!grafiek || !grafiek.querySelector('.role-mark > *')) window.leeg++;
            if (window.meten) requestAnimationFrame(stap);
        };
        requestAnimationFrame(stap);
    }""")
    kies(page, "Energielabel nu", "G")
    verwacht_g = oordeel(bereken(huurder_casus(peildatum, "G")))
    page.get_by_test_id("stAlert").filter(has_text=verwacht_g).wait_for()
    klaar(page)
    grafiek_getekend(page)
    assert page.evaluate("() => { window.meten = false; return window.leeg; }") == 0, "de grafiek was even leeg"
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(re.compile(r"^€ \d"))

    # the advice: the PDF (made on the click), one A4 page with the verdict; the HTML for the screen, also on a phone
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Advies downloaden")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    advies_pdf = tmp_path / "advies.pdf"
    download.value.save_as(advies_pdf)
    from pypdf import PdfReader

    lezer = PdfReader(advies_pdf)
    # the advice on one A4 (verdict to sources), then at most the appendix with the energiecoach's list
    eerste = " ".join(lezer.pages[0].extract_text().split())
    assert verwacht_g in eerste and "Bronnen" in eerste, "het advies past niet op één A4"
    assert len(lezer.pages) <= 2
    if len(lezer.pages) == 2:
        assert " ".join(lezer.pages[1].extract_text().split()).startswith("Bijlage: energiearmoede en eigen gedrag")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Als webpagina")).click()
    advies = tmp_path / "advies.html"
    download.value.save_as(advies)
    html = advies.read_text(encoding="utf-8")
    assert verwacht_g in html and "<svg" in html
    los = page.context.new_page()
    los.set_viewport_size({"width": 900, "height": 1300})
    los.goto(advies.as_uri())
    los.screenshot(path=str(SCHERMAFDRUKKEN / "advies_huurder.png"), full_page=True)
    pdf = los.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "het advies past niet op één A4"
    los.set_viewport_size({"width": 390, "height": 844})
    los.reload()
    assert los.evaluate("() => document.documentElement.scrollWidth") <= 390, "het advies is breder dan de telefoon"
    los.screenshot(path=str(SCHERMAFDRUKKEN / "advies_huurder_390.png"), full_page=True)
    los.close()

    # 2. Eigenaar
    page.goto(server + "/eigenaar")
    page.get_by_test_id("stAlert").filter(has_text="Woonlastenneutraal").wait_for()
    klaar(page)
    grafiek_getekend(page)
    assert page.get_by_text("Maatregelen, investering en subsidie").count() == 1
    grafieken = page.get_by_test_id("stMain").get_by_test_id("stVegaLiteChart")
    assert grafieken.count() >= 2, "de grafiek van het opgeteld resultaat ontbreekt"
    schermafdruk(page, "eigenaar")
    assert not page.buiten, f"verzoeken buiten deze machine: {page.buiten}"

    # 3. Portefeuille: the sample stock when shipped, then an upload of a small stock with one bad row
    page.goto(server + "/portefeuille")
    page.get_by_role("heading", name="Portefeuille").wait_for()
    klaar(page)
    if (PROJECT / "data" / "voorbeeld_portefeuille.csv").exists():
        page.get_by_test_id("stMetric").filter(has_text="Woningen").wait_for()
        klaar(page)
        grafiek_getekend(page)
        schermafdruk(page, "portefeuille")
    page.get_by_text("Eigen bestand", exact=True).click()
    klaar(page)
    bestand = tmp_path / "woningen.csv"
    bestand.write_bytes(_portefeuille_csv())
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bestand))
    page.get_by_test_id("stMetric").filter(has_text="Woningen").filter(has_text="37").wait_for()
    klaar(page)
    grafiek_getekend(page)
    assert page.get_by_text("Woningen met een fout (1)").count() == 1
    if not (PROJECT / "data" / "voorbeeld_portefeuille.csv").exists():
        schermafdruk(page, "portefeuille")
    # the download says what it is: scenario, peildatum and date made in its name, and a sheet about it
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Resultaat als Excel")).click()
    naam = download.value.suggested_filename
    assert re.fullmatch(rf"woonlasten_label-B_peildatum-\d{{4}}-\d\d-\d\d_gemaakt-{dt.date.today()}\.xlsx", naam), naam
    download.value.save_as(tmp_path / naam)
    from openpyxl import load_workbook

    over = dict(load_workbook(tmp_path / naam)["Over dit bestand"].iter_rows(min_row=2, max_col=2, values_only=True))
    assert over["Bronbestand"] == "woningen.csv" and over["Woningen"] == "37" and over["Met een fout"].startswith("1 ")

    # a broken file gives a Dutch error, not a traceback
    kapot = tmp_path / "kapot.csv"
    kapot.write_bytes(b"\x00\x01\x02 binair")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(kapot))
    fout = page.get_by_test_id("stAlert").filter(has_text="Het bestand kan niet worden gelezen")
    fout.wait_for()
    assert page.get_by_test_id("stException").count() == 0

    # a file name and a column name that are Markdown show as typed: no link, no image fetched
    kwaad = tmp_path / "[klik](http:example.org).csv"
    kwaad.write_bytes(b"id;![x](http://127.0.0.1:9/x.png);gemeente\n1;2;Borne\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(kwaad))
    fout = page.get_by_test_id("stAlert").filter(has_text="(gevonden: id, ![x](http:")
    fout.wait_for()
    klaar(page)
    assert page.locator("[data-testid=stMain] a[href*='127.0.0.1'], [data-testid=stMain] img[src*='127.0.0.1']"
                        ).count() == 0
    assert not page.buiten, f"verzoeken buiten deze machine: {page.buiten}"

    # 4. Tarieven en bronnen
    page.goto(server + "/bronnen")
    page.get_by_role("heading", name="Tarieven en bronnen").wait_for()
    page.get_by_test_id("stDataFrame").first.wait_for()
    klaar(page)
    assert page.get_by_test_id("stException").count() == 0
    schermafdruk(page, "bronnen")
    assert not page.buiten, f"verzoeken buiten deze machine: {page.buiten}"


ZWARE_GEVALLEN = {
    "huurder": ({
        "peildatum": "2026-06-01", "gemeente": "Borne",
        "woning": {"woningtype": "hoekwoning", "oppervlakte_m2": 95, "energielabel": "F", "bouwjaar": 1965},
        "huishouden": {"personen": 4, "inkomen_jaar": 26_000}, "huur": {"kale_huur": 640, "servicekosten": 25},
        "verbruik": {"gas_m3": 1500, "elektriciteit_kwh": 3100},
        "ingreep": {"naar_label": "A", "maatregelen": ["spouwmuurisolatie", "dakisolatie", "vloerisolatie", "hr_glas",
                                                       "warmtepomp", "zonnepanelen", "ventilatie"]}},
        {"Woning": "Hoekwoning, 95 m², bouwjaar 1965", "Energielabel": "F → A",
         "Verwarming": "Cv-ketel op gas → Warmtepomp (zonder gas)", "Huishouden": "4 personen",
         "Huur": "kale huur € 640,00 + servicekosten € 25,00"}),
    "eigenaar": ({
        "peildatum": "2026-06-01", "gemeente": "Borne", "rol": "eigenaar",
        "woning": {"woningtype": "vrijstaand", "oppervlakte_m2": 140, "energielabel": "G", "woz_waarde": 450_000,
                   "bouwjaar": 1960},
        "huishouden": {"personen": 4}, "verbruik": {"gas_m3": 2600},
        "ingreep": {"maatregelen": ["spouwmuurisolatie", "dakisolatie", "vloerisolatie", "hr_glas", "warmtepomp",
                                    "zonnepanelen", "ventilatie", "kierdichting"]},
        "financiering": {"vorm": "hypotheek", "rente_pct": 4.1, "looptijd_jaar": 30, "hypotheeklasten_maand": 900}},
        {"Woning": "Vrijstaande woning, 140 m², bouwjaar 1960, WOZ € 450.000", "Energielabel": "G → A",
         "Verwarming": "Cv-ketel op gas → Warmtepomp (zonder gas)", "Huishouden": "4 personen",
         "Financiering": "Meefinancieren in de hypotheek"}),
}


@pytest.mark.parametrize("wie", list(ZWARE_GEVALLEN))
def test_advies_past_op_een_a4_ook_bij_veel_maatregelen(browser, tmp_path, wie):
    """The printable advice of a heavy case (own use, huurtoeslag or a mortgage, seven or eight measures, heat pump,
    solar panels) still prints on one A4 page."""
    from app.advies import advies_html
    from app.gedeeld import MAATREGEL_NAMEN

    casus, woning = ZWARE_GEVALLEN[wie]
    r = bereken(Casus.model_validate(casus))
    html = advies_html(r, woning=woning, eigenaar=wie == "eigenaar",
                       maatregelen=[MAATREGEL_NAMEN[m] for m in casus["ingreep"]["maatregelen"]])
    pad = tmp_path / "advies.html"
    pad.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(pad.as_uri())
    pdf = page.pdf(format="A4")
    page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, f"het advies ({wie}) past niet op één A4"


def test_advies_met_het_pad_over_de_jaren_drukt_af_op_twee_a4(browser, tmp_path):
    """With the path over the years the printed HTML advice is the one-page advice (at the same scale as without
    the path) and the section 'Over de jaren' on a second sheet."""
    from app.advies import advies_html
    from app.gedeeld import MAATREGEL_NAMEN
    from woonlasten.casus import bereken_jaren

    casus, woning = ZWARE_GEVALLEN["huurder"]
    r = bereken(Casus.model_validate(casus))
    invoer = {"woning": woning, "maatregelen": [MAATREGEL_NAMEN[m] for m in casus["ingreep"]["maatregelen"]]}
    zooms = []
    for jaren in (None, bereken_jaren(Casus.model_validate(casus), {"begin": 2026, "eind": 2030})):
        pad = tmp_path / "advies.html"
        pad.write_text(advies_html(r, **invoer, jaren=jaren), encoding="utf-8")
        page = browser.new_page()
        page.goto(pad.as_uri())
        zooms.append(page.evaluate("document.body.style.zoom"))
        pdf = page.pdf(format="A4")
        page.close()
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == (1 if jaren is None else 2)
    assert zooms[0] == zooms[1]  # the section is not squeezed onto the first sheet


def _portefeuille_csv() -> bytes:
    regels = ["VHE;Complex;Gemeente;Type;Oppervlakte;Label;Kale huur;Personen"]
    typen = ["tussenwoning", "hoekwoning", "appartement", "tussenwoning", "twee-onder-een-kap"]
    labels = ["E", "F", "C", "B", "G", "D", "A", "E"]
    for i in range(1, 37):
        complex_ = ("Borne-Oost", "Borne-Hofstede", "Hengelo-Noord")[i % 3]
        gemeente = "Hengelo" if complex_.startswith("Hengelo") else "Borne"
        regels.append(f"{1000 + i};{complex_};{gemeente};{typen[i % 5]};{58 + (i * 7) % 55},5;{labels[i % 8]};"
                      f"{520 + (i * 13) % 230},25;{1 + i % 4}")
    regels.append("1099;Hengelo-Noord;Hengelo;tussenwoning;80;Q;600;2")
    return ("\n".join(regels) + "\n").encode("utf-8")


def test_downloads_met_vier_sessies_tegelijk(server, browser):
    """Four browser sessions upload the sample portfolio at once, switch the scenario and click both downloads
    right away, while the others' runs go on: every download arrives (no file dropped by another session's
    tidying up, no silent failure) and is the file of the scenario just chosen (not the one of the previous run)."""
    voorbeeld = PROJECT / "data" / "voorbeeld_portefeuille.csv"
    contexten = [browser.new_context(viewport={"width": 1366, "height": 1000}, locale="nl-NL", accept_downloads=True)
                 for _ in range(4)]
    try:
        paginas = [c.new_page() for c in contexten]
        for page in paginas:
            page.set_default_timeout(WACHT_MS)
            page.goto(server + "/portefeuille")
        for page in paginas:
            page.get_by_text("Eigen bestand", exact=True).click()
        for page in paginas:
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(voorbeeld))
        mislukt = []
        for scenario in ("naar label A", "naar label B"):
            for page in paginas:
                page.get_by_test_id("stMetric").filter(has_text="Woningen").filter(has_text="400").wait_for()
                page.get_by_text(scenario).first.click()
            for i, page in enumerate(paginas):
                for knop in ("Resultaat als CSV", "Resultaat als Excel"):
                    with page.expect_download() as download:
                        page.get_by_role("button", name=knop).click()
                    if download.value.failure():
                        mislukt.append((i, scenario, knop, download.value.failure()))
                    elif f"label-{scenario[-1]}" not in download.value.suggested_filename:
                        # a click on the button left from the previous scenario's run (greyed) gave its file
                        mislukt.append((i, scenario, knop, download.value.suggested_filename))
        assert not mislukt, mislukt
    finally:
        for c in contexten:
            c.close()


@pytest.mark.parametrize("pad", ["/", "/eigenaar"])
def test_op_een_telefoon_eerst_de_uitkomst_en_de_hele_tabel(server, browser, pad):
    """At 390 px (a phone) the sidebar stays closed (it covered the result), the verdict is on the first screen and
    the result table's last column (Verschil) lies inside the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.set_default_timeout(WACHT_MS)
        page.goto(server + pad)
        klaar(page)
        zijbalk = page.get_by_test_id("stSidebar")
        assert zijbalk.get_attribute("data-collapsed") == "true"
        oordeel = page.get_by_text("Woonlastenneutraal:").first.bounding_box()
        assert oordeel["y"] + oordeel["height"] <= 844, "het oordeel staat niet op het eerste scherm"
        kop = page.locator("[data-testid='stMarkdownContainer'] table th").filter(has_text="Verschil").first
        kop.scroll_into_view_if_needed()
        vak = kop.bounding_box()
        # within the screen, up to a device pixel: the header ends on the screen's edge when its table is scrolled
        # to the end, and the browser's sub-pixel layout put it 0,45 px over now and then (a flaky failure)
        assert vak["x"] >= 0 and vak["x"] + vak["width"] <= 390 + 1, vak
        breedte = page.evaluate("() => document.documentElement.scrollWidth")
        assert breedte <= 390, f"de pagina is {breedte} px breed"
    finally:
        context.close()


def test_geen_engelse_aanwijzing_bij_typen(server, pagina):
    """Typing a number: Streamlit's 'Press Enter to apply' is hidden, and after Enter the field shows the value as
    read the Dutch way."""
    pagina.goto(server + "/")
    klaar(pagina)
    veld = pagina.get_by_role("textbox", name="Kale huur (€ per maand)")
    veld.fill("1.200")
    from playwright.sync_api import expect

    # hidden by the app's style sheet (app/start.py), which the browser may mount a moment after the field on a
    # loaded machine (the check once read it visible in a full run): waited for, and a failure if it never applies
    for hint in (pagina.get_by_test_id("InputInstructions"), pagina.get_by_text("Press Enter")):
        for i in range(hint.count()):
            expect(hint.nth(i)).to_be_hidden(timeout=WACHT_MS)
    veld.press("Enter")
    klaar(pagina)

    # the rerun that shows the value as read may start just after the page looked idle: wait for the value itself
    expect(veld).to_have_value("1.200,00", timeout=WACHT_MS)
