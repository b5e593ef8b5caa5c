"""Command line: ``python -m woonlasten bereken CASUS.json``, ``schema``, ``portefeuille WONINGEN.csv``.

Exit status 0 on success, 2 on bad input (with a Dutch message naming the field, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from woonlasten.casus import InvoerFout, bereken
from woonlasten.data import DataFout
from woonlasten.formatteer import euro, euro_verschil, getal, oordeel
from woonlasten.meldingen import vertaal
from woonlasten.modellen import RESULTAAT, TOTALEN, Casus, Resultaat

FOUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # Dutch usage errors, exit 2
        self.print_usage(sys.stderr)
        print(f"fout: {message}", file=sys.stderr)
        raise SystemExit(FOUT)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m woonlasten", description="Woonlasten voor en na verduurzaming.")
    sub = p.add_subparsers(dest="opdracht", required=True, parser_class=_Parser)
    b = sub.add_parser("bereken", help="bereken één casus (JSON-bestand)")
    b.add_argument("casus", help="JSON-bestand met de casus ('-' = standaardinvoer)")
    b.add_argument("--format", choices=("json", "tekst"), default="json", help="uitvoer (standaard json)")
    sub.add_parser("schema", help="JSON Schema van de invoer")
    pf = sub.add_parser("portefeuille", help="bereken een hele portefeuille (CSV of Excel)")
    pf.add_argument("woningen", help="CSV- of Excelbestand met één woning per regel")
    pf.add_argument("--scenario", default="label-B", help="label-B, label-A of eigen:LABEL[:maatregel;…]")
    pf.add_argument("--peildatum", default=None, help="JJJJ-MM-DD (standaard: kolom peildatum of vandaag)")
    pf.add_argument("--uit", default=None, help="resultaatbestand (.csv of .xlsx)")
    return p


def _lees_json(pad: str) -> dict:
    try:
        tekst = sys.stdin.read() if pad == "-" else Path(pad).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvoerFout(f"bestand niet gevonden: {pad}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvoerFout(f"bestand niet te lezen: {pad} ({exc.__class__.__name__})") from None
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as exc:
        raise InvoerFout(f"geen geldige JSON in {pad}: regel {exc.lineno}, kolom {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InvoerFout("de casus moet een JSON-object zijn ({ … })")
    return data


def tekst_samenvatting(r: Resultaat) -> str:
    """A readable Dutch summary of a result, for the terminal."""
    regels = [f"Woonlasten {r.gemeente}, peildatum {r.peildatum:%d-%m-%Y}, {r.rol} (bedragen per maand)", ""]
    kop = f"{'':28}{'voor':>13}" + (f"{'na':>13}{'verschil':>13}" if r.na else "")
    regels.append(kop)

    def regel(naam: str, pad: tuple[str, ...], inspring: int = 0) -> None:
        def waarde(w):
            obj = w
            for p in pad:
                obj = getattr(obj, p)
            return obj
        tekst = f"{' ' * inspring}{naam:<{28 - inspring}}{euro(waarde(r.voor)):>13}"
        if r.na and r.verschil:
            tekst += f"{euro(waarde(r.na)):>13}{euro_verschil(waarde(r.verschil)):>13}"
        regels.append(tekst)

    for deel in RESULTAAT:
        if deel.optioneel and not any(getattr(w, deel.naam).totaal for w in (r.voor, r.na) if w):
            continue
        regel(deel.kort, (deel.naam, "totaal"))
        for o in deel.onderdelen:
            if o.naam != "totaal" and o.uitsplitsing:
                regel(o.kort or o.label, (deel.naam, o.naam), 2)
    regel(TOTALEN[0].kort, (TOTALEN[0].naam,))
    if r.huur_informatie and r.huur_informatie.huurtoeslag_berekend:
        for deel in RESULTAAT:  # what comes off the total (huurtoeslag), then the total after it
            for o in deel.onderdelen:
                if o.na_totaal:
                    regel(o.kort or o.label, (deel.naam, o.naam), 2)
        regel(TOTALEN[1].kort, (TOTALEN[1].naam,))
    regels.append("")
    v = r.verbruik
    if r.na and r.verschil:
        regels.append(f"Verbruik ({v.herkomst}): gas {getal(v.gas_m3_voor)} → {getal(v.gas_m3_na)} m³/jaar, "
                      f"stroom {getal(v.elektriciteit_kwh_voor)} → {getal(v.elektriciteit_kwh_na)} kWh/jaar; "
                      f"label {v.energielabel_voor} → {v.energielabel_na}")
        regels.append(oordeel(r))
        if r.bandbreedte and r.bandbreedte.relatief > 0:
            b = r.bandbreedte
            regels.append(f"Bandbreedte (verbruik geschat, ±{getal(b.relatief * 100)}%): verschil tussen "
                          f"{euro_verschil(b.verschil_totaal_laag)} en {euro_verschil(b.verschil_totaal_hoog)} per maand"
                          + ("" if b.oordeel_zeker else " — het oordeel is niet zeker; vul het eigen verbruik in"))
        if r.huur_informatie and r.huur_informatie.huurtoeslag_berekend and r.verschil:
            regels.append(f"Na huurtoeslag: {euro_verschil(r.verschil.totaal_netto)} per maand")
        if r.financiering:
            f = r.financiering
            regels.append(f"Investering {euro(f.investering)}, subsidie {euro(f.subsidie)}, lening {euro(f.lening)} "
                          f"({f.vorm}), maandlast {euro(f.maandlast)}, energiebesparing {euro(f.energiebesparing_maand)}"
                          f" per maand; terugverdientijd "
                          + (f"{getal(f.terugverdientijd_jaar, 1)} jaar" if f.terugverdientijd_jaar else "–")
                          + f"; CO₂ {getal(f.co2_besparing_kg)} kg per jaar minder")
    else:
        regels.append(f"Verbruik ({v.herkomst}): gas {getal(v.gas_m3_voor)} m³/jaar, "
                      f"stroom {getal(v.elektriciteit_kwh_voor)} kWh/jaar; label {v.energielabel_voor}")
    regels += ["", "Hoe is dit berekend:"]
    for t in r.toelichting:
        regels.append(f"- {t.onderwerp}: {t.tekst}")
        if t.bron:
            regels.append(f"    bron: {t.bron}" + (f" [{t.status}]" if t.status and t.status != "bevestigd" else ""))
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE") and argv is None:  # `… | head` ends quietly, as a shell user expects
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = _parser().parse_args(argv)
    try:
        if args.opdracht == "schema":
            print(json.dumps(Casus.model_json_schema(), indent=2, ensure_ascii=False))
            return 0
        if args.opdracht == "bereken":
            data = _lees_json(args.casus)
            try:
                casus = Casus.model_validate(data)
            except ValidationError as exc:
                print("Ongeldige invoer:", file=sys.stderr)
                for r in vertaal(exc):
                    print(f"  {r}", file=sys.stderr)
                return FOUT
            resultaat = bereken(casus)
            if args.format == "tekst":
                print(tekst_samenvatting(resultaat))
            else:
                print(resultaat.model_dump_json(indent=2))
            return 0
        if args.opdracht == "portefeuille":
            return _portefeuille(args)
    except InvoerFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return FOUT
    except DataFout as exc:
        print(f"Fout in de {'' if exc.eigen else 'meegeleverde '}gegevens: {exc}", file=sys.stderr)
        return FOUT
    return FOUT


def _portefeuille(args) -> int:
    """``python -m woonlasten portefeuille WONINGEN --scenario … --peildatum … --uit …``."""
    # imported here: Arrow and openpyxl cost a single case's command a few tenths of a second
    from woonlasten.portefeuille import (
        PortefeuilleFout,
        bereken_portefeuille,
        lees_woningen,
        samenvatting,
        scenario_uit_tekst,
        schrijf,
    )

    try:
        scenario = scenario_uit_tekst(args.scenario)
        if args.peildatum is not None:
            try:
                pd.Timestamp(args.peildatum)
            except ValueError:
                raise InvoerFout(f"--peildatum: geen geldige datum '{args.peildatum}' (gebruik JJJJ-MM-DD)") from None
        woningen = lees_woningen(args.woningen)
        resultaat = bereken_portefeuille(woningen, scenario, args.peildatum)
    except PortefeuilleFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    totaal = samenvatting(resultaat, per=None).iloc[0]
    complexen = samenvatting(resultaat)
    n_fout = int((resultaat["status"] == "fout").sum())
    print(f"{len(resultaat)} woningen gelezen, {len(resultaat) - n_fout} berekend, {n_fout} met een fout.")
    print(f"Scenario: {scenario.omschrijving}. Aangepakt: {int(totaal['aangepakt'])}; woonlastenneutraal: "
          f"{int(totaal['neutraal'])} ({_pct(totaal['aandeel_neutraal'])}); gemiddeld verschil "
          f"{_eur(totaal['gemiddeld_verschil_maand'])} per maand, slechtste {_eur(totaal['slechtste_verschil_maand'])}.")
    if n_fout:
        print("Eerste fouten:")
        for _, rij in resultaat[resultaat["status"] == "fout"].head(5).iterrows():
            print(f"  regel {int(rij.name) + 2}: {rij['melding']}")
    if args.uit:
        try:
            schrijf(resultaat, args.uit, {"complexen": complexen, "totaal": samenvatting(resultaat, per=None)})
        except PortefeuilleFout as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"Fout: kan {args.uit} niet schrijven ({exc.strerror})", file=sys.stderr)
            return 2
        print(f"Resultaat geschreven naar {args.uit}")
    else:
        print(complexen.to_string(index=False))
    return 0


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{x * 100:.1f}%".replace(".", ",")


def _eur(x) -> str:
    return euro_verschil(float(x)) if pd.notna(x) else "–"
