"""Command line: ``python -m woonlasten bereken CASUS.json``, ``schema``, ``portefeuille WONINGEN.csv``.

Exit status 0 on success, 2 on bad input (with a Dutch message naming the field, never a traceback). Anything
unexpected (a bug, too little memory) is a one-line Dutch message with exit status 2 as well; with
``WOONLASTEN_DEBUG=1`` it raises with its traceback instead.

Output encoding: stdout and stderr keep the encoding Python chose (the terminal's or the locale's; on Windows a
redirected stream may be a code page such as cp1252). Characters that encoding cannot hold are not an error: in the
text output and the messages they become ASCII look-alikes (€ → EUR, → → ->, ≤ → <=, ² → 2, … → ...; anything
else '?'), in JSON output (``bereken``, ``schema``) a ``\\uXXXX`` escape, so the JSON stays valid and exact. On a
UTF-8 stream nothing changes; ``PYTHONIOENCODING=utf-8`` gives UTF-8 everywhere.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import io
import json
import math
import os
import re
import signal
import stat
import sys

import numpy as np
import pandas as pd
from pydantic import ValidationError

from woonlasten.casus import InvoerFout, bereken, bereken_jaren
from woonlasten.data import DataFout
from woonlasten.formatteer import euro, euro_verschil, getal, oordeel, over_tekort
from woonlasten.getalinvoer import lees_getal
from woonlasten.meldingen import kort, kort_citaten, os_reden, vertaal
from woonlasten.modellen import PAD_GRENZEN, RESULTAAT, TOTALEN, Casus, Jaarpad, Pad, Resultaat

FOUT = 2
MAX_JSON_BYTES = 1024 * 1024  # a case is a few kB; anything over 1 MB is not a case
MAX_CIJFERS = 30  # digits of a whole number in a case (the largest sensible is a WOZ value of 7 digits)


# ----------------------------------------------------------------------------------------------------------
# Output that never fails on a character the stream's encoding lacks

_ASCII = {"€": "EUR", "→": "->", "←": "<-", "≤": "<=", "≥": ">=", "±": "+/-", "²": "2", "³": "3", "₂": "2",
          "…": "...", "–": "-", "—": "-", "×": "x", "÷": "/", "’": "'", "‘": "'", "“": '"', "”": '"', "é": "e",
          "ë": "e", "ï": "i", "ö": "o", "ü": "u", "ó": "o", "á": "a", "è": "e", "\u00a0": " ", "\u202f": " "}


def _als_ascii(exc: UnicodeError):
    """Codec error handler for text: an ASCII look-alike for each character the encoding lacks, else '?'."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    stuk = exc.object[exc.start:exc.end]
    return "".join(_ASCII.get(t, "?") for t in stuk), exc.end


def _als_json_escape(exc: UnicodeError):
    """Codec error handler for JSON: ``\\uXXXX`` (surrogate pairs above U+FFFF); our JSON has non-ASCII only in
    strings, so the escaped text is valid JSON with the same content."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    delen = []
    for teken in exc.object[exc.start:exc.end]:
        code = ord(teken)
        if code > 0xFFFF:
            code -= 0x10000
            delen.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            delen.append(f"\\u{code:04x}")
    return "".join(delen), exc.end


codecs.register_error("woonlasten-ascii", _als_ascii)
codecs.register_error("woonlasten-json", _als_json_escape)


def _stel_uitvoer_in(json_uit: bool) -> None:
    """Let stdout and stderr replace what their encoding cannot hold (see the module's docstring)."""
    for stroom, fouten in ((sys.stdout, "woonlasten-json" if json_uit else "woonlasten-ascii"),
                           (sys.stderr, "woonlasten-ascii")):
        if isinstance(stroom, io.TextIOWrapper):
            try:
                stroom.reconfigure(errors=fouten)
            except (ValueError, OSError):  # a closed or detached stream: nothing to set
                pass


# ----------------------------------------------------------------------------------------------------------
# Arguments, in Dutch

_ARGPARSE_NL = (  # argparse's English messages (Python 3.11–3.13) → Dutch
    (r"the following arguments are required: (.*)", r"verplicht, maar niet gegeven: \1"),
    (r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)", r"argument \1: onbekende keuze \2 (kies uit \3)"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (.+?): expected one argument", r"argument \1: hier hoort een waarde bij"),
    (r"argument (.+?): expected at most one argument", r"argument \1: hoogstens één waarde"),
    (r"argument (.+?): expected at least one argument", r"argument \1: minstens één waarde"),
    (r"argument (.+?): ignored explicit argument (.*)", r"argument \1: waarde \2 niet verwacht"),
    (r"argument (.+?): not allowed with argument (.*)", r"argument \1: niet samen met \2"),
    (r"argument (.+?): invalid (.*) value: (.*)", r"argument \1: ongeldige waarde \3"),
    (r"ambiguous option: (.*) could match (.*)", r"optie \1 is niet eenduidig: bedoeld is een van \2"),
    (r"one of the arguments (.*) is required", r"een van deze argumenten is verplicht: \1"),
)


def _nl_fout(bericht: str) -> str:
    for patroon, vervanging in _ARGPARSE_NL:
        if re.fullmatch(patroon, bericht, flags=re.DOTALL):
            return kort_citaten(re.sub(patroon, vervanging, bericht, flags=re.DOTALL))
    return kort_citaten(bericht)


class _Opmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Opmaak)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze hulp en stop")

    def error(self, message: str):  # Dutch usage errors, exit 2
        self.print_usage(sys.stderr)
        print(f"fout: {_nl_fout(message)}", file=sys.stderr)
        raise SystemExit(FOUT)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m woonlasten", description="Woonlasten voor en na verduurzaming.")
    sub = p.add_subparsers(dest="opdracht", required=True, parser_class=_Parser, title="opdrachten")
    b = sub.add_parser("bereken", help="bereken één casus (JSON-bestand)")
    b.add_argument("casus", help="JSON-bestand met de casus ('-' = standaardinvoer)")
    b.add_argument("--format", choices=("json", "tekst"), default="json", help="uitvoer (standaard json)")
    _pad_opties(b)
    sub.add_parser("schema", help="JSON Schema van de invoer")
    pf = sub.add_parser("portefeuille", help="bereken een hele portefeuille (CSV of Excel)")
    pf.add_argument("woningen", help="CSV- of Excelbestand met één woning per regel")
    pf.add_argument("--scenario", default="label-B", help="label-B, label-A, aardgasvrij-warmtenet of eigen:LABEL[:maatregel;…]")
    pf.add_argument("--peildatum", default=None,
                    help="JJJJ-MM-DD of DD-MM-JJJJ (standaard: kolom peildatum of vandaag)")
    pf.add_argument("--uit", default=None,
                    help="resultaatbestand (.csv of .xlsx), of een map: daarin een naam met scenario, peildatum en "
                         "datum van maken")
    pf.add_argument("--soort", choices=("xlsx", "csv"), default=None,
                    help="soort resultaatbestand als --uit een map is (standaard xlsx)")
    pf.add_argument("--overschrijf", action="store_true", help="een bestaand resultaatbestand vervangen")
    _pad_opties(pf)
    return p


# ----------------------------------------------------------------------------------------------------------
# Reading a case


def _pad_opties(p: argparse.ArgumentParser) -> None:
    """The options of a path over the years (``bereken`` and ``portefeuille``)."""
    p.add_argument("--jaren", default=None, metavar="JJJJ-JJJJ",
                   help="een pad over de jaren, bv. 2026-2030: woonlasten per jaar zonder en met de ingreep")
    p.add_argument("--huurbeleid", default="maximum", metavar="maximum|PCT",
                   help="huurverhoging per 1 juli in het pad: 'maximum' (wettelijk maximum van elk jaar, standaard) "
                        "of een eigen percentage per jaar, bv. 3 of 2,5")
    p.add_argument("--aanname-huurverhoging", default=None, metavar="PCT",
                   help="huurverhoging voor jaren waarvan het maximum nog niet bekend is (standaard: het laatst "
                        "bekende maximum)")
    p.add_argument("--index", default="0", metavar="PCT",
                   help="energie en lokale lasten per jaar hoger na het laatste jaar met bekende tarieven "
                        "(standaard 0: de laatst bekende tarieven)")


def _pad(args) -> "Pad | None":
    """The path of ``--jaren`` and its options, or None without ``--jaren``; a Dutch :class:`InvoerFout` for what
    cannot be read."""
    if args.jaren is None:
        for optie, waarde, standaard in (("--huurbeleid", args.huurbeleid, "maximum"),
                                        ("--aanname-huurverhoging", args.aanname_huurverhoging, None),
                                        ("--index", args.index, "0")):
            if waarde != standaard:
                raise InvoerFout(f"{optie} hoort bij --jaren (een pad over de jaren)")
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*(?:[-\u2013\u2014]\s*(\d{4})\s*)?", args.jaren)  # 2026-2030, also a dash
    if not m:
        raise InvoerFout(f"--jaren: '{kort(args.jaren)}' is geen periode (gebruik JJJJ-JJJJ, bv. 2026-2030)")
    begin, eind = int(m.group(1)), int(m.group(2) or m.group(1))

    def pct(optie: str, tekst: str | None, veld: str) -> float | None:
        if tekst is None:
            return None
        try:
            waarde = lees_getal(tekst)
        except ValueError as exc:
            raise InvoerFout(f"{optie}: {exc}") from None
        laag, hoog = PAD_GRENZEN[veld]
        if waarde is None or not laag <= waarde <= hoog:
            raise InvoerFout(f"{optie}: '{kort(tekst)}' kan niet; kies een percentage van {getal(laag)} tot "
                             f"{getal(hoog)}")
        return waarde

    beleid = args.huurbeleid.strip().lower()
    if beleid != "maximum" and args.aanname_huurverhoging is not None:
        raise InvoerFout("--aanname-huurverhoging geldt alleen bij --huurbeleid maximum (met een eigen percentage "
                         "stijgt de huur elk jaar met dat percentage)")
    velden = {"begin": begin, "eind": eind,
              "aanname_huurverhoging_pct": pct("--aanname-huurverhoging", args.aanname_huurverhoging,
                                               "aanname_huurverhoging_pct"),
              "index_onbekend_pct": pct("--index", args.index, "index_onbekend_pct")}
    if beleid == "maximum":
        velden["huurbeleid"] = "maximum"
    else:
        velden.update(huurbeleid="percentage", huurverhoging_pct=pct("--huurbeleid", args.huurbeleid,
                                                                     "huurverhoging_pct"))
    try:
        return Pad.model_validate(velden)
    except ValidationError as exc:
        namen = {"begin": "--jaren", "eind": "--jaren", "huurverhoging_pct": "--huurbeleid",
                 "aanname_huurverhoging_pct": "--aanname-huurverhoging", "index_onbekend_pct": "--index"}
        redenen = [r for r in vertaal(exc)]
        for veld, optie in namen.items():
            redenen = [r.replace(veld, optie, 1) if r.startswith(veld) else r for r in redenen]
        raise InvoerFout("; ".join(redenen)) from None


def _lees_bytes(pad: str) -> bytes:
    """The bytes of a case file or of stdin, refused when larger than ``MAX_JSON_BYTES`` (checked before reading)."""
    te_groot = InvoerFout(f"{'standaardinvoer' if pad == '-' else pad}: te groot voor een casus "
                          f"(maximaal {MAX_JSON_BYTES // 1024 // 1024} MB)")
    if pad == "-":
        data = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
        if len(data) > MAX_JSON_BYTES:
            raise te_groot
        return data
    try:
        if not stat.S_ISREG(os.stat(pad).st_mode):  # before opening: opening a fifo would wait for a writer
            raise InvoerFout(f"bestand niet te lezen: {pad} (geen gewoon bestand, maar een map, pijp of apparaat)")
        with open(pad, "rb") as fh:
            if os.fstat(fh.fileno()).st_size > MAX_JSON_BYTES:
                raise te_groot
            data = fh.read(MAX_JSON_BYTES + 1)
    except FileNotFoundError:
        raise InvoerFout(f"bestand niet gevonden: {pad}") from None
    except OSError as exc:
        raise InvoerFout(f"bestand niet te lezen: {pad} ({os_reden(exc)})") from None
    if len(data) > MAX_JSON_BYTES:
        raise te_groot
    return data


def _geheel_getal(tekst: str) -> int:
    if len(tekst.lstrip("-")) > MAX_CIJFERS:
        raise InvoerFout(f"een getal met {len(tekst.lstrip('-'))} cijfers; dat is geen waarde voor een casus")
    return int(tekst)


def _kommagetal(tekst: str) -> float:
    waarde = float(tekst)
    if not math.isfinite(waarde):
        raise InvoerFout(f"het getal {kort(tekst)} is te groot")
    return waarde


def _geen_constante(tekst: str):
    raise InvoerFout(f"{tekst} is geen getal (JSON kent alleen eindige getallen)")


def _lees_json(pad: str) -> dict:
    naam = "standaardinvoer" if pad == "-" else pad
    data = _lees_bytes(pad)
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvoerFout(f"bestand niet te lezen: {naam} (geen UTF-8, byte {exc.start + 1})") from None
    if not tekst.strip():
        raise InvoerFout(f"geen geldige JSON in {naam}: {'er kwam niets binnen' if pad == '-' else 'het bestand is leeg'}")
    try:
        data = json.loads(tekst, parse_int=_geheel_getal, parse_float=_kommagetal, parse_constant=_geen_constante)
    except json.JSONDecodeError as exc:
        raise InvoerFout(f"geen geldige JSON in {naam}: regel {exc.lineno}, kolom {exc.colno}: "
                         f"{_json_reden(exc.msg)}") from None
    except InvoerFout as exc:
        raise InvoerFout(f"geen geldige JSON in {naam}: {exc}") from None
    except RecursionError:
        raise InvoerFout(f"geen geldige JSON in {naam}: te diep genest") from None
    if not isinstance(data, dict):
        raise InvoerFout("de casus moet een JSON-object zijn ({ … })")
    return data


_JSON_NL = {  # the messages of Python's json module → Dutch
    "Expecting value": "hier hoort een waarde",
    "Expecting property name enclosed in double quotes": "hier hoort een veldnaam tussen dubbele aanhalingstekens",
    "Expecting ':' delimiter": "hier hoort een ':'",
    "Expecting ',' delimiter": "hier hoort een ',' (of het einde van het object of de lijst)",
    "Extra data": "na het einde van de JSON staat nog iets",
    "Unterminated string starting at": "tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "stuurteken in een tekst",
    "Invalid \\escape": "ongeldige \\-code in een tekst",
    "Invalid \\uXXXX escape": "ongeldige \\u-code in een tekst",
    "Illegal trailing comma before end of object": "komma vóór het einde van het object",
    "Illegal trailing comma before end of array": "komma vóór het einde van de lijst",
}


def _json_reden(bericht: str) -> str:
    return _JSON_NL.get(bericht, "ongeldige opbouw")


PEILDATUM_VANAF, PEILDATUM_TOT = dt.date(1990, 1, 1), dt.date(2100, 12, 31)  # as the tables' dates may be


def _peildatum(tekst: str) -> str:
    """``--peildatum`` as ISO text: JJJJ-MM-DD or DD-MM-JJJJ, a real calendar date; anything else is refused."""
    fout = InvoerFout(f"--peildatum: geen geldige datum '{kort(tekst)}' (gebruik JJJJ-MM-DD)")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", tekst):
        jaar, maand, dag = m.groups()
    elif m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", tekst):
        dag, maand, jaar = m.groups()
    else:
        raise fout
    try:
        datum = dt.date(int(jaar), int(maand), int(dag))
    except ValueError:
        raise fout from None
    if not PEILDATUM_VANAF.year <= datum.year <= PEILDATUM_TOT.year:  # the data tables' dates (DATA-CONVENTIONS)
        raise InvoerFout(f"--peildatum: {datum:%d-%m-%Y} ligt buiten de jaren van de tarieven "
                         f"({PEILDATUM_VANAF.year}-{PEILDATUM_TOT.year})")
    return datum.isoformat()


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
            if o.naam != "totaal" and o.uitsplitsing and not (
                    o.optioneel and not any(getattr(getattr(w, deel.naam), o.naam) for w in (r.voor, r.na) if w)):
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
                      f"stroom {getal(v.elektriciteit_kwh_voor)} → {getal(v.elektriciteit_kwh_na)} kWh/jaar"
                      + (f", warmte {getal(v.warmte_gj_voor, 1)} → {getal(v.warmte_gj_na, 1)} GJ/jaar"
                         if v.warmte_gj_voor is not None else "")
                      + f"; label {v.energielabel_voor} → {v.energielabel_na}")
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
                      f"stroom {getal(v.elektriciteit_kwh_voor)} kWh/jaar"
                      + (f", warmte {getal(v.warmte_gj_voor, 1)} GJ/jaar" if v.warmte_gj_voor is not None else "")
                      + f"; label {v.energielabel_voor}")
    if r.energiearmoede and r.energiearmoede.laag_inkomen is not None:
        regels.append(energiearmoede_tekst(r))
    regels += ["", "Hoe is dit berekend:"]
    for t in r.toelichting:
        regels.append(f"- {t.onderwerp}: {t.tekst}")
        if t.bron:
            regels.append(f"    bron: {t.bron}" + (f" [{t.status}]" if t.status and t.status != "bevestigd" else ""))
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE") and argv is None:  # `… | head` ends quietly, as a shell user expects
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _stel_uitvoer_in(json_uit=False)  # argparse's messages: readable in any encoding
    args = _parser().parse_args(argv)
    _stel_uitvoer_in(json_uit=args.opdracht == "schema" or getattr(args, "format", "") == "json")
    try:
        return _opdracht(args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort: no traceback for a user
        if os.environ.get("WOONLASTEN_DEBUG") == "1":
            raise
        wat = "te weinig geheugen" if isinstance(exc, MemoryError) else type(exc).__name__
        print(f"Onverwachte fout ({wat}): meld dit met het invoerbestand "
              "(WOONLASTEN_DEBUG=1 toont de details)", file=sys.stderr)
        return FOUT


def _opdracht(args) -> int:
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
            pad = _pad(args)
            try:
                resultaat = bereken(casus) if pad is None else bereken_jaren(casus, pad)
            except InvoerFout as exc:  # a rule's message may echo a value of any length: cut it
                raise InvoerFout(kort_citaten(str(exc))) from None
            if pad is not None:
                print(pad_tekst(resultaat) if args.format == "tekst" else resultaat.model_dump_json(indent=2))
                return 0
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
    """``python -m woonlasten portefeuille WONINGEN --scenario … --peildatum … --uit BESTAND|MAP [--soort …]
    [--overschrijf]``."""
    # imported here: Arrow and openpyxl cost a single case's command a few tenths of a second
    from woonlasten.portefeuille import (
        PadStroom,
        PortefeuilleFout,
        bereken_portefeuille,
        fysieke_regels,
        lees_woningen,
        leesverslag,
        samenvatting,
        scenario_uit_tekst,
    )
    from woonlasten.portefeuille.lezen import leesnotitie
    from woonlasten.portefeuille.pad import woningen_per_deel
    from woonlasten.portefeuille.schrijven import controleer_uitvoer, past_in_excel

    # --uit a folder: the file gets a name that says what it is (scenario, peildatum, date made), known after reading
    map_ = args.uit is not None and os.path.isdir(args.uit) and not args.uit.lower().endswith((".csv", ".xlsx"))
    try:
        scenario = scenario_uit_tekst(args.scenario)
        peildatum = None if args.peildatum is None else _peildatum(args.peildatum)
        pad = _pad(args)
        if args.uit and not map_:  # before the calculation: a refused output file should not cost a minute
            controleer_uitvoer(args.uit, overschrijf=args.overschrijf, invoer=args.woningen)
            if args.soort and not args.uit.lower().endswith(f".{args.soort}"):
                raise PortefeuilleFout(f"--soort {args.soort} past niet bij {kort(args.uit)}; --soort geldt als "
                                       f"--uit een map is (of geef de naam de extensie .{args.soort})")
        try:
            woningen = lees_woningen(args.woningen)
        except OSError as exc:
            raise PortefeuilleFout(f"bestand niet te lezen: {args.woningen} ({os_reden(exc)})") from None
        print(leesverslag(woningen))  # how the file was read: separator, encoding, decimal rule, lines
        if pad is not None and args.uit and _soort(args, map_, "csv") == "xlsx":  # refused before, not after, a
            past_in_excel(len(woningen) * (pad.eind - pad.begin + 1), "woning-jaren")  # long calculation
        # a path over the years: a stream of parts, written as they come (the result of a large stock over years
        # is never whole in memory), except for an Excel file, which is made whole
        resultaat = bereken_portefeuille(woningen, scenario, peildatum) if pad is None else \
            PadStroom(woningen, scenario, pad, peildatum, deel=None if _soort(args, map_, "csv") == "xlsx"
                      else woningen_per_deel(pad))
        notitie = leesnotitie(resultaat)  # how messy values were read ('85 m2' as 85) and which were refused
        if notitie:
            print("Zo zijn waarden gelezen:")
            for regel in notitie:
                print(f"  {kort_citaten(regel)}")
    except PortefeuilleFout as exc:
        print(f"Fout: {kort_citaten(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output's name checked before the calculation (a name too long, …)
        print(f"Fout: kan {kort(str(args.uit))} niet gebruiken ({os_reden(exc)})", file=sys.stderr)
        return 2
    if pad is not None:
        return _portefeuille_jaren(args, woningen, scenario, resultaat, map_)
    totaal = samenvatting(resultaat, per=None).iloc[0]
    complexen = samenvatting(resultaat)
    n_fout = int((resultaat["status"] == "fout").sum())
    print(f"{len(resultaat)} woningen gelezen, {len(resultaat) - n_fout} berekend, {n_fout} met een fout.")
    print(f"Scenario: {scenario.omschrijving}. Aangepakt: {int(totaal['aangepakt'])}; woonlastenneutraal: "
          f"{int(totaal['neutraal'])} ({_pct(totaal['aandeel_neutraal'])}); gemiddeld verschil "
          f"{_eur(totaal['gemiddeld_verschil_maand'])} per maand, slechtste {_eur(totaal['slechtste_verschil_maand'])}.")
    if resultaat.attrs.get("energiearmoede"):
        print(resultaat.attrs["energiearmoede"])
    if n_fout:
        print("Eerste fouten:")
        eerste = np.flatnonzero((resultaat["status"] == "fout").to_numpy())[:5]
        for pos, r in zip(eerste, fysieke_regels(woningen, eerste), strict=True):
            melding = str(resultaat["melding"].iloc[pos]).removeprefix(f"regel {r}: ").replace(f" (regel {r})", "")
            print(f"  regel {r}: {kort_citaten(melding)}")
    if args.uit:
        return _schrijf_resultaat(args, woningen, scenario, resultaat, map_, "xlsx",
                                  {"complexen": complexen, "totaal": samenvatting(resultaat, per=None)})
    print(complexen.to_string(index=False))
    return 0


def _soort(args, map_: bool, standaard: str) -> str:
    """The kind of output file: 'csv' or 'xlsx' (``--uit`` a file: its extension; a folder: ``--soort``)."""
    if args.uit and not map_:
        return "xlsx" if args.uit.lower().endswith(".xlsx") else "csv"
    return args.soort or standaard


def _uitvoernaam(args, over, map_: bool, soort: str) -> str:
    """``--uit``, or in the folder ``--uit`` a name that says what the result is."""
    from woonlasten.portefeuille.schrijven import bestandsnaam

    return os.path.join(args.uit, bestandsnaam(over, _soort(args, map_, soort))) if map_ else args.uit


def _schrijffout(exc: Exception, uit: str) -> int:
    """A refused or failed output file in Dutch on stderr; exit code 2."""
    if isinstance(exc, OSError):
        print(f"Fout: kan {uit} niet schrijven ({os_reden(exc)})", file=sys.stderr)
    else:
        print(f"Fout: {exc}", file=sys.stderr)
    return 2


def _schrijf_resultaat(args, woningen, scenario, resultaat, map_: bool, soort: str, samenvattingen: dict) -> int:
    """Write a portfolio result to ``--uit`` (a file, or a folder: a name that says what it is); 0 or 2."""
    from woonlasten.portefeuille import PortefeuilleFout, schrijf
    from woonlasten.portefeuille.schrijven import herkomst

    verslag: list[str] = []
    over = herkomst(resultaat, woningen, scenario, args.woningen)
    uit = _uitvoernaam(args, over, map_, soort)
    try:
        schrijf(resultaat, uit, samenvattingen, overschrijf=args.overschrijf, invoer=args.woningen, verslag=verslag,
                herkomst=over)
    except (PortefeuilleFout, OSError) as exc:
        return _schrijffout(exc, uit)
    for regel in verslag:
        print(f"Let op: {regel}")
    print(f"Resultaat geschreven naar {uit}")
    return 0


def _portefeuille_jaren(args, woningen, scenario, stroom, map_: bool) -> int:
    """The portfolio's path over the years: a table per year for the whole stock, the file per dwelling and year.
    ``stroom``: a :class:`woonlasten.portefeuille.pad.PadStroom`; a CSV is written part by part while the parts
    are counted (per complex and year, the first errors), an Excel file from the whole."""
    from woonlasten.jaren import aannames
    from woonlasten.portefeuille import PortefeuilleFout, fysieke_regels
    from woonlasten.portefeuille.pad import JaarTelling
    from woonlasten.portefeuille.schrijven import herkomst, schrijf_csv_delen

    pad = stroom.pad
    aantal = pad.eind - pad.begin + 1
    groep = stroom.groep("complex")  # each dwelling's complex
    telling = JaarTelling(groep.categories, pad.begin, aantal)
    fout = np.zeros(stroom.n, dtype=bool)  # per dwelling: an error in some year
    eerste: dict[int, str] = {}  # the first dwellings in error: the message of their first year in error

    def geteld():
        begin = 0
        for deel in stroom:
            eind = begin + len(deel) // aantal
            telling.tel(np.repeat(np.asarray(groep.codes)[begin:eind], aantal), deel)
            status = (deel["status"] == "fout").to_numpy().reshape(eind - begin, aantal)
            fout[begin:eind] = status.any(axis=1)
            for pos in np.flatnonzero(fout[begin:eind])[:5 - len(eerste)]:
                eerste[begin + pos] = str(deel["melding"].iloc[pos * aantal + int(np.argmax(status[pos]))])
            yield deel
            begin = eind

    excel = _soort(args, map_, "csv") == "xlsx"
    uit = None
    try:
        if not args.uit:
            for _ in geteld():
                pass
        elif excel:  # the whole result (one part), with the summaries as sheets
            (resultaat,) = geteld()
            resultaat.attrs.update(stroom.attrs)
        else:
            uit = _uitvoernaam(args, herkomst(stroom, woningen, scenario, args.woningen), map_, "csv")
            schrijf_csv_delen(geteld(), uit, overschrijf=args.overschrijf, invoer=args.woningen)
    except (PortefeuilleFout, OSError) as exc:
        return _schrijffout(exc, uit or args.uit)
    totaal = telling.totaal().tabel("groep")
    print(f"{stroom.n} woningen gelezen, {stroom.n - int(fout.sum())} berekend, {int(fout.sum())} met een fout; "
          f"{pad.begin}-{pad.eind}: {stroom.n * aantal} woning-jaren.")
    print(f"Scenario: {scenario.omschrijving}; fasering volgens de kolom gereed_jaar (leeg: {pad.begin}).")
    print(f"{'jaar':<6}{'klaar':>8}{'zonder':>13}{'met':>13}{'verschil':>12}{'neutraal':>10}")
    for r in totaal.itertuples():
        print(f"{r.jaar:<6}{r.klaar:>8}{euro(r.gemiddeld_zonder_maand):>13}{euro(r.gemiddeld_met_maand):>13}"
              f"{_eur(r.gemiddeld_verschil_maand):>12}{_pct(r.aandeel_neutraal):>10}")
    print("(gemiddeld per woning per maand; 'klaar': woningen met de ingreep in dat jaar; 'neutraal': aandeel van "
          "die woningen dat niet duurder is)")
    regels = aannames(stroom.notities)
    if regels:
        print("Aannames voor jaren die nog niet bekend zijn:")
        for regel in regels:
            print(f"- {regel}")
    if eerste:
        print("Eerste fouten:")
        for r, melding in zip(fysieke_regels(woningen, np.array(list(eerste))), eerste.values(), strict=True):
            print(f"  regel {r}: {kort_citaten(melding.removeprefix(f'regel {r}: '))}")
    if excel and args.uit:
        return _schrijf_resultaat(args, woningen, scenario, resultaat, map_, "xlsx",
                                  {"complexen per jaar": telling.tabel(), "totaal per jaar": totaal})
    if uit:
        print(f"Resultaat geschreven naar {uit}")
    return 0


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{x * 100:.1f}%".replace(".", ",")


def _eur(x) -> str:
    return euro_verschil(float(x)) if pd.notna(x) else "–"


def energiearmoede_tekst(r: Resultaat) -> str:
    """One line on energy poverty: each indicator before (→ after), the energiequote, what the upgrade changes."""
    e = r.energiearmoede
    woord = {True: "ja", False: "nee", None: "onbekend"}

    def quote(q):
        return "–" if q is None else f"{getal(q * 100, 1)}%"

    delen = [f"{i.code} {woord[i.voor]}" + (f" → {woord[i.na]}" if r.na else "") for i in e.indicatoren]
    tekst = (f"Energiearmoede (schatting): {', '.join(delen)}; energiequote {quote(e.energiequote_voor)}"
             + (f" → {quote(e.energiequote_na)}" if r.na else ""))
    tekst += ("; " + "; ".join(e.veranderingen) if e.veranderingen else "")
    if e.betaalruimte_maand_voor is None:
        return tekst + f"; betaalrisico onbekend ({e.betaalrisico_reden})"
    return (tekst + f"; betaalrisico: {over_tekort(e.betaalruimte_maand_voor)}"
            + (f" → {over_tekort(e.betaalruimte_maand_na)}" if r.na else "") + " per maand")


HERKOMST_HUUR = {"maximum": "wettelijk maximum", "aanname": "aanname", "beleid": "eigen beleid"}


def pad_tekst(r: Jaarpad) -> str:
    """The path as a table per year, for the terminal (amounts per month, average over each year)."""
    p = r.pad
    regels = [f"Woonlasten per jaar {r.gemeente}, {r.rol}, {p.begin}-{p.eind} (bedragen per maand, gemiddeld over "
              "het jaar)" + (f"; ingreep klaar in {r.gereed}" if r.gereed else ""), ""]
    huurder = r.rol == "huurder"
    regels.append((f"{'jaar':<6}{'zonder':>13}{'met':>13}{'verschil':>13}{'opgeteld':>14}"
                   + (f"  {'huur 1 juli':<28}" if huurder else "")).rstrip())
    for j in r.jaren:
        huur = f"{getal(j.huurverhoging_juli_pct, 1)} % {HERKOMST_HUUR[j.huurverhoging_herkomst]}"
        regels.append((f"{j.jaar:<6}{euro(j.zonder.totaal):>13}{euro(j.met.totaal):>13}"
                       f"{euro_verschil(j.verschil.totaal):>13}{euro_verschil(j.verschil_cumulatief):>14}"
                       + (f"  {huur:<28}" if huurder else "")
                       + ("  tarieven: aanname" if j.tarieven_aanname else "")).rstrip())
    regels.append("")
    for j in r.jaren:
        delen = [f"huur {euro(j.met.huur_totaal)}", f"energie {euro(j.met.energie_totaal)}",
                 f"lokale lasten {euro(j.met.lokale_lasten_totaal)}"]
        if j.met.financiering_totaal:
            delen.append(f"financiering {euro(j.met.financiering_totaal)}")
        if j.met.huur_huurtoeslag:
            delen.append(f"huurtoeslag {euro(j.met.huur_huurtoeslag)}")
        elif not j.huurtoeslag_bekend:
            delen.append("huurtoeslag onbekend (regels van dit jaar nog niet bekend)")
        regels.append(f"{j.jaar} met ingreep ({j.maanden_met_ingreep} mnd): " + ", ".join(delen))
    regels.append("")
    if r.woonlastenneutraal_gemiddeld is not None:
        g = r.gemiddeld_verschil_maand
        richting = "minder" if g < 0 else "meer" if g > 0 else "gelijk"
        regels.append(f"Gemiddeld over {p.begin}-{p.eind}: {euro(abs(g))} per maand {richting}"
                      f" (opgeteld {euro_verschil(r.verschil_periode)}); woonlastenneutraal gemiddeld: "
                      f"{'ja' if r.woonlastenneutraal_gemiddeld else 'nee'}.")
        if r.gemiddeld_verschil_na_oplevering is not None and r.gemiddeld_verschil_na_oplevering != g:
            regels.append(f"Alleen de maanden met de ingreep: gemiddeld "
                          f"{euro_verschil(r.gemiddeld_verschil_na_oplevering)} per maand.")
    if r.aannames:
        regels += ["", "Aannames voor jaren die nog niet bekend zijn:"] + [f"- {a}" for a in r.aannames]
    regels += ["", "Hoe is dit berekend:"] + [f"- {t}" for t in r.toelichting]
    return "\n".join(regels)
