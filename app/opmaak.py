"""What a result looks like, without streamlit: the parts of the monthly costs (for charts), the rows of the
breakdown table, and the optional fields the core may add (huurtoeslag, netto huur, financiering).

Everything here only reads and formats the core's :class:`~woonlasten.modellen.Resultaat`; nothing is computed
except the sums that make a chart add up to the core's total.
"""

from __future__ import annotations

import math
import re
from typing import Any

from woonlasten.formatteer import afgerond, euro, euro_verschil, getal, over_tekort
from woonlasten.modellen import RESULTAAT, TOTALEN, Jaarpad, Resultaat, Woonlasten
from woonlasten.rekenen.rekenblad import MAANDEN_PER_JAAR

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "oranje": "#E69F00", "hemelsblauw": "#56B4E9", "blauwgroen": "#009E73", "geel": "#F0E442",
    "blauw": "#0072B2", "vermiljoen": "#D55E00", "paars": "#CC79A7", "grijs": "#999999",
}
# the colour of each chart group of the declared parts (modellen.RESULTAAT); a group without a chosen colour gets the
# next unused one of the palette, so a new part of the result is drawn without a change here
_GEKOZEN = {
    "Kale huur en servicekosten": OKABE_ITO["blauw"],
    "Huurverhoging": OKABE_ITO["paars"],
    "Huurtoeslag": OKABE_ITO["geel"],
    "Gas": OKABE_ITO["oranje"],
    "Elektriciteit": OKABE_ITO["hemelsblauw"],
    "Gemeente en waterschap": OKABE_ITO["blauwgroen"],
    "Maandlast lening": OKABE_ITO["vermiljoen"],
    "Hypotheeklasten": "#000000",
}
_OVERIG = ("Overig", OKABE_ITO["grijs"])

_LEESTEKEN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_AUTOLINK = re.compile(r"\\:\\/\\/|www|\\@", re.IGNORECASE)  # (escaped) where a bare address starts


def letterlijk(tekst: Any) -> str:
    """Text from outside the app (a file name, a column name, a cell value, a message that quotes them) for
    st.markdown, st.error, st.caption and the like, which read Markdown: every ASCII punctuation character
    backslash-escaped (CommonMark shows ``\\x`` as ``x``), so ``[klik](http://…)``, ``![x](…)``, ``**``, ``<b>``,
    ``:red[…]`` or ``$…$`` appear as typed and never as a link, an image, markup or a formula; line breaks become
    spaces. Streamlit also turns a bare web or mail address into a link after reading the Markdown: a word joiner
    (U+2060, invisible) after ``://``, ``www`` and ``@`` keeps it text."""
    uit = _LEESTEKEN.sub(r"\\\1", " ".join(str(tekst).splitlines()))
    return _AUTOLINK.sub(lambda m: m.group(0) + "\u2060", uit)


def _kleuren() -> dict[str, str]:
    groepen = list(dict.fromkeys(o.grafiek for d in RESULTAAT for o in d.onderdelen if o.grafiek))
    vrij = [k for k in OKABE_ITO.values() if k not in _GEKOZEN.values() and k != _OVERIG[1]]
    kleur = {g: _GEKOZEN.get(g) or (vrij.pop(0) if vrij else _OVERIG[1]) for g in groepen}
    kleur[_OVERIG[0]] = _OVERIG[1]
    return kleur


KLEUR = _kleuren()
ONDERDELEN = tuple(KLEUR)


def optioneel(obj: Any, *pad: str) -> float | None:
    """``obj.a.b`` if every attribute exists and is a number, else None (fields the core adds later)."""
    for p in pad:
        if obj is None:
            return None
        obj = obj.get(p) if isinstance(obj, dict) else getattr(obj, p, None)
    if isinstance(obj, (int, float)) and not isinstance(obj, bool) and not math.isnan(obj):
        return float(obj)
    return None


def onderdelen(w: Woonlasten, extra: dict[str, float | None] | None = None) -> list[tuple[str, float]]:
    """The parts of one situation's monthly costs for a stacked chart [€/maand]; parts that are zero are left out.

    The parts always add up to the core's ``totaal``. Optional parts (huurtoeslag, and ``extra`` such as a loan's
    monthly payment) are shown only when the core counts them in the total (they bring the sum closer to it); any
    remaining difference is shown as 'Overig' rather than hidden."""
    groepen: dict[str, float] = {}  # the chart groups of the declared parts, in declared order
    kandidaten: dict[str, float | None] = {}
    for deel in RESULTAAT:
        for o in deel.onderdelen:
            if o.grafiek is None:
                continue
            waarde = optioneel(w, deel.naam, o.naam)
            if o.in_totaal:
                groepen[o.grafiek] = groepen.get(o.grafiek, 0.0) + (waarde or 0.0)
            else:
                kandidaten[o.grafiek] = waarde
    delen = list(groepen.items())
    rest = w.totaal - sum(b for _, b in delen)
    kandidaten.update(extra or {})
    for naam, waarde in kandidaten.items():
        if waarde and abs(rest - waarde) < abs(rest) - 0.005:
            delen.append((naam, waarde))
            rest -= waarde
    if abs(rest) > 0.02:
        delen.append(("Overig", rest))
    return [(n, round(b, 2)) for n, b in delen if round(b, 2) != 0]


# Rows of the breakdown table: (label, path in Woonlasten, indented), from the declared parts: each part's total,
# then its amounts; the woonlasten total last. Optional paths are skipped when absent.
REGELS = tuple(
    rij for deel in RESULTAAT for rij in [(deel.label, (deel.naam, "totaal"), False)] + [
        (o.label, (deel.naam, o.naam), True) for o in deel.onderdelen if o.naam != "totaal"]
) + ((TOTALEN[0].label, (TOTALEN[0].naam,), False),)
# rows left out when zero before and after: optional parts and optional amounts
_OPTIONEEL = {deel.naam for deel in RESULTAAT if deel.optioneel} | {
    (deel.naam, o.naam) for deel in RESULTAAT for o in deel.onderdelen if o.optioneel}
_NA_TOESLAG = tuple(o.naam for deel in RESULTAAT for o in deel.onderdelen if not o.in_totaal)


def huurtoeslag_berekend(r: Resultaat) -> bool:
    """Whether the core estimated huurtoeslag (it needs the household's income)."""
    info = getattr(r, "huur_informatie", None)
    if info is not None and hasattr(info, "huurtoeslag_berekend"):
        return bool(info.huurtoeslag_berekend)
    return bool(optioneel(r.voor, "huur", "huurtoeslag"))


def tabel_rijen(r: Resultaat, eigenaar: bool = False) -> list[dict]:
    """One dict per row: label, ingesprongen, voor, na, verschil (floats; na/verschil None without ingreep).
    An owner has no rent: the rent rows are left out; huurtoeslag rows only when the core estimated it."""
    rijen = []
    toeslag = not eigenaar and huurtoeslag_berekend(r)
    regels = REGELS + (((TOTALEN[1].label, (TOTALEN[1].naam,), False),) if toeslag else ())
    for label, pad, inspring in regels:
        if eigenaar and pad[0] == "huur":
            continue
        if not toeslag and pad[-1] in _NA_TOESLAG:
            continue
        if (pad[0] in _OPTIONEEL or pad in _OPTIONEEL) and not any(
                optioneel(w, *pad) for w in (r.voor, r.na) if w is not None):
            continue
        voor = optioneel(r.voor, *pad)
        if voor is None:
            continue
        if not eigenaar and label.startswith("onroerendezaak") and voor == 0 and optioneel(r.na, *pad) in (0, None):
            continue
        rijen.append({"label": label, "ingesprongen": inspring, "voor": voor, "na": optioneel(r.na, *pad),
                      "verschil": optioneel(r.verschil, *pad)})
    return rijen


def tabel_markdown(r: Resultaat, eigenaar: bool = False) -> str:
    """The breakdown as a Markdown table with right-aligned Dutch amounts."""
    met_na = r.na is not None
    kop = "| Per maand | Nu | Na de ingreep | Verschil |\n|:--|--:|--:|--:|" if met_na else \
        "| Per maand | Nu |\n|:--|--:|"
    regels = [kop]
    for rij in tabel_rijen(r, eigenaar):
        naam = ("&nbsp;&nbsp;&nbsp;" + rij["label"]) if rij["ingesprongen"] else f"**{rij['label']}**"
        cellen = [naam, _vast(euro(rij["voor"]))]
        if met_na:
            cellen += [_vast(euro(rij["na"])), _vast(euro_verschil(rij["verschil"]))]
        if not rij["ingesprongen"]:
            cellen = [cellen[0]] + [f"**{c}**" for c in cellen[1:]]
        regels.append("| " + " | ".join(cellen) + " |")
    return "\n".join(regels)


def oordeel_na_huurtoeslag(r: Resultaat) -> str:
    """The verdict counting the change in huurtoeslag: 'Na huurtoeslag: ja, € 3,10 per maand minder'."""
    d = optioneel(r.verschil, "totaal_netto")
    if d is None:
        return ""
    d = round(d, 2)
    if d < 0:
        return f"Na huurtoeslag: ja, {euro(-d)} per maand minder"
    if d == 0:
        return "Na huurtoeslag: ja, per maand gelijk"
    return f"Na huurtoeslag: nee, {euro(d)} per maand meer"


def bandbreedte(r: Resultaat) -> Any | None:
    """The core's band of an estimate (principle 7), when it has one and there is an upgrade."""
    return getattr(r, "bandbreedte", None) if r.verschil is not None else None


def _marge(b: Any, begin: str = "Bij") -> str:
    return (f"{begin} {getal(b.relatief * 100)} % meer of minder verbruik dan geschat ligt het verschil tussen "
            f"{_vast(euro_verschil(b.verschil_totaal_laag))} en {_vast(euro_verschil(b.verschil_totaal_hoog))} "
            "per maand")


def band_regel(r: Resultaat) -> str | None:
    """One short line with the range of the verdict, for every result with an upgrade: 'Bandbreedte: bij 50 % meer
    of minder verbruik dan geschat ligt het verschil tussen -€ 40,05 en -€ 13,35 per maand; het oordeel blijft
    hetzelfde.' With the household's own use the core has no band: the line says so."""
    b = bandbreedte(r)
    if b is None:
        return None
    if not b.relatief:
        return ("Bandbreedte: gerekend met het eigen gas- en stroomverbruik van de jaarafrekening, dus zonder de "
                "marge van een schatting.")
    gevolg = ("het oordeel blijft hetzelfde" if b.oordeel_zeker else
              "woonlastenneutraal of niet hangt dus af van het werkelijke verbruik")
    return f"Bandbreedte: {_marge(b, 'bij')}; {gevolg}."


def band_let_op(r: Resultaat) -> str | None:
    """The note next to the verdict when the band changes it (``oordeel_zeker`` False), else None."""
    b = bandbreedte(r)
    if b is None or b.oordeel_zeker:
        return None
    geschat = "deels geschat" if r.verbruik.herkomst == "deels eigen" else "geschat"
    return (f"Let op: dit oordeel is niet zeker, want het verbruik is {geschat}. {_marge(b)}: het kan dus "
            "uitvallen als woonlastenneutraal of als niet woonlastenneutraal. Vul het eigen gas- en stroomverbruik "
            "van de jaarafrekening in voor een zeker oordeel.")


def _vast(bedrag: str) -> str:
    """An amount that never wraps: no break after the sign nor between '€' and the number."""
    return bedrag.replace(" ", "\u00a0").replace("+€", "+\u2060€").replace("-€", "-\u2060€")


def verbruik_tekst(r: Resultaat) -> str:
    """Consumption before (and after) in words."""
    v = r.verbruik
    herkomst = {"eigen": "eigen verbruik (jaarafrekening)", "deels eigen": "deels eigen verbruik, deels geschat",
                "geschat": "geschat op basis van label, woningtype, oppervlakte en huishouden"}[v.herkomst]
    if r.na is None or v.gas_m3_na is None:
        return (f"Verbruik per jaar: gas {getal(v.gas_m3_voor)} m³, elektriciteit {getal(v.elektriciteit_kwh_voor)} "
                f"kWh ({herkomst}); label {v.energielabel_voor}.")
    return (f"Verbruik per jaar: gas {getal(v.gas_m3_voor)} → {getal(v.gas_m3_na)} m³, elektriciteit "
            f"{getal(v.elektriciteit_kwh_voor)} → {getal(v.elektriciteit_kwh_na)} kWh ({herkomst}); "
            f"label {v.energielabel_voor} → {v.energielabel_na}.")


# Fields of the core's financing block (owners), in display order: (field, label, kind).
FINANCIERING_VELDEN = (
    ("investering", "Investering", "euro"),
    ("subsidie", "Subsidie (ISDE)", "euro"),
    ("netto_investering", "Netto investering", "euro"),
    ("eigen_geld", "Eigen geld", "euro"),
    ("lening", "Lening", "euro"),
    ("maandlast", "Maandlast lening", "euro"),
    ("energiebesparing_maand", "Besparing op energie", "euro"),
    ("netto_maandeffect", "Per maand netto", "verschil"),
    ("terugverdientijd_jaar", "Terugverdientijd", "jaar"),
    ("terugverdiend_met_financiering_jaar", "Met financiering", "jaren"),
    ("co2_besparing_kg", "CO₂-besparing per jaar", "kg"),
)


# What a financing figure means, for a help text next to it (the two paybacks answer different questions: read
# together without this, '15,0 jaar' next to 'vanaf jaar 1' looked like a contradiction).
FINANCIERING_UITLEG = {
    "Terugverdientijd": "Netto investering ÷ besparing op energie per jaar: hoe lang het duurt als alles in één keer "
                        "wordt betaald, zonder rente.",
    "Met financiering": "Het jaar waarin de opgetelde besparing groter is dan wat de eigenaar tot dan betaalde: het "
                        "eigen geld plus aflossing en rente van de lening. Met een lening en weinig of geen eigen "
                        "geld kan dat al het eerste jaar zijn: de maandlast van de lening is dan lager dan de "
                        "besparing.",
    "Per maand netto": "Maandlast van de lening min de besparing op energie; negatief = de eigenaar houdt geld over.",
}


def financiering(r: Resultaat) -> Any | None:
    """The core's financing block for an owner, when it has one."""
    return getattr(r, "financiering", None)


def financiering_waarden(f: Any) -> list[tuple[str, str]]:
    """(label, formatted value) for each financing field the core filled in."""
    uit = []
    for veld, label, soort in FINANCIERING_VELDEN:
        w = optioneel(f, veld)
        if w is None:
            if soort == "jaren" and (veld in getattr(type(f), "model_fields", {}) or hasattr(f, veld)):
                uit.append((label, "niet binnen 40 jaar"))
            continue
        tekst = {"euro": euro(w, 0) if abs(w) >= 1000 else euro(w), "verschil": euro_verschil(w),
                 "jaar": f"{getal(w, 1)} jaar", "jaren": "vanaf jaar 1" if w <= 1 else f"na {getal(w)} jaar",
                "kg": f"{getal(w)} kg"}[soort]
        uit.append((label, tekst))
    return uit


def lening_tekst(f: Any) -> str:
    """The loan in words: 'Energiebespaarlening (Warmtefonds): 4,35% rente, 15 jaar.'"""
    vorm = {"warmtefonds": "Energiebespaarlening (Warmtefonds)", "hypotheek": "Meefinancieren in de hypotheek",
            "eigen_geld": "Eigen geld"}.get(getattr(f, "vorm", None), str(getattr(f, "vorm", "") or ""))
    delen = []
    rente, looptijd = optioneel(f, "rente_pct"), optioneel(f, "looptijd_jaar")
    if optioneel(f, "lening"):
        if rente is not None:
            delen.append(f"{getal(rente, 2)}% rente")
        if looptijd is not None:
            delen.append(f"{getal(looptijd)} jaar")
    return vorm + (": " + ", ".join(delen) if delen else "") + "."


def nulpunt(rijen: list[dict]) -> float | None:
    """The (interpolated) year in which the cumulative cash comes back to zero after being negative, or None."""
    for a, b in zip(rijen, rijen[1:], strict=False):
        if a["cumulatief"] < 0 <= b["cumulatief"]:
            return a["jaar"] + (b["jaar"] - a["jaar"]) * (-a["cumulatief"]) / (b["cumulatief"] - a["cumulatief"])
    return None


def kasstroom(f: Any) -> list[dict] | None:
    """Cumulative cash per year from the core's financing block, as ``[{jaar, cumulatief}]`` [€], or None.
    Accepts a list of rows (dicts or models) under ``kasstroom``/``kasstromen``/``jaren`` with a cumulative column
    (a name with 'cumul') or a yearly net column to add up."""
    rijen = None
    for naam in ("kasstroom", "kasstromen", "jaren", "per_jaar"):
        rijen = f.get(naam) if isinstance(f, dict) else getattr(f, naam, None)
        if rijen:
            break
    if not rijen:
        return None
    dicts = [x if isinstance(x, dict) else (x.model_dump() if hasattr(x, "model_dump") else dict(x)) for x in rijen]
    sleutels = list(dicts[0])
    jaar = next((k for k in sleutels if k.startswith("jaar")), None)
    cumul = next((k for k in sleutels if "cumul" in k), None)
    netto = next((k for k in sleutels if k in ("netto", "kasstroom", "saldo", "netto_kasstroom")), None)
    if jaar is None or (cumul is None and netto is None):
        return None
    uit, som = [], 0.0
    for d in dicts:
        som = float(d[cumul]) if cumul else som + float(d[netto])
        uit.append({"jaar": int(d[jaar]), "cumulatief": round(som, 2)})
    return uit


def ja_nee(x: bool | None) -> str:
    """An indicator's value in words: ja, nee or onbekend."""
    return {True: "ja", False: "nee", None: "onbekend"}[x]


def armoede_rijen(r: Resultaat, alleen: tuple[str, ...] | None = None) -> list[tuple[str, str, str, str | None]]:
    """Energy poverty as rows (code, name, now, after or None without an upgrade): each indicator (or only
    ``alleen``) and the energiequote; [] without the block. Shared by the page and the printable advice."""
    e = getattr(r, "energiearmoede", None)
    if e is None:
        return []
    met_na = r.na is not None
    rijen = [(i.code, i.naam.lower(), ja_nee(i.voor), ja_nee(i.na) if met_na else None)
             for i in e.indicatoren if not alleen or i.code in alleen]
    if e.energiequote_voor is not None:
        na = (f"{getal(e.energiequote_na * 100, 1)}%" if e.energiequote_na is not None else "–") if met_na else None
        rijen.append(("", "energiequote (energiekosten ÷ inkomen)", f"{getal(e.energiequote_voor * 100, 1)}%", na))
    if e.betaalruimte_maand_voor is not None:
        rijen.append(("", BETAALRISICO, over_tekort(e.betaalruimte_maand_voor),
                      over_tekort(e.betaalruimte_maand_na) if met_na else None))
    elif e.betaalrisico_reden:
        rijen.append(("", BETAALRISICO, "onbekend", "onbekend" if met_na else None))
    return rijen


BETAALRISICO = "betaalrisico (per maand over of tekort)"


def betaalrisico_zin(r: Resultaat) -> str | None:
    """The line under the energy-poverty table: what the betaalrisico is, or why it is onbekend; None without it.
    Shared by the page and the printable advice."""
    e = getattr(r, "energiearmoede", None)
    if e is None or (e.betaalruimte_maand_voor is None and not e.betaalrisico_reden):
        return None
    if e.betaalruimte_maand_voor is None:
        return f"Betaalrisico onbekend: {e.betaalrisico_reden}."
    return (f"Betaalrisico: besteedbaar inkomen min woonlasten (huur na huurtoeslag of hypotheek), energie en "
            f"{euro(e.minimum_overig_maand)} per maand die minimaal nodig is voor de rest (armoedegrens van CBS, "
            "Nibud en SCP). Een tekort is een betaalrisico.")


def coach_rijen(r: Resultaat) -> list[tuple[str, str, str, bool]]:
    """The energiecoach's list as rows (measure, saving per year in units, in euro, chosen); [] without it."""
    c = getattr(r, "energiecoach", None)
    if c is None:
        return []
    return [(m.omschrijving, f"{getal(m.besparing_per_jaar)} {m.eenheid}", euro(m.besparing_euro_per_jaar), m.gekozen)
            for m in c.maatregelen]


# ----------------------------------------------------------------------------------------------------------------
# A path over the years (woonlasten.casus.bereken_jaren): shared by the section 'Over de jaren' and the advice

MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")


JAREN_AANNAMES = "Aannames voor jaren die nog niet bekend zijn"  # the heading of the path's assumptions


def maand_tekst(jjjj_mm: str | None) -> str:
    """'2026-10' → 'oktober 2026'; '–' when empty."""
    if not jjjj_mm:
        return "–"
    jaar, maand = (int(x) for x in jjjj_mm.split("-"))
    return f"{MAANDNAMEN[maand - 1]} {jaar}"


def jaar_met_aanname(j: Any) -> bool:
    """Whether a year of the path rests on an assumption (tariffs carried on, or a rent step not yet published)."""
    return bool(j.tarieven_aanname or j.huurverhoging_herkomst == "aanname")


def jaren_tabel(pad: Jaarpad) -> tuple[list[str], list[list[str]]]:
    """The path's table as (header, rows) of Dutch texts, one row per year: the woonlasten per month without and
    with the upgrade, the difference and the cumulative difference [€]; a year with an assumption is marked *.
    Without an upgrade one amount per year. The page's Markdown, the HTML and the PDF all draw these texts."""
    met = pad.gereed is not None
    kop = ["Jaar", "Zonder", "Met", "Verschil", "Opgeteld"] if met else ["Jaar", "Woonlasten"]
    rijen = []
    for j in pad.jaren:
        jaar = f"{j.jaar}{'*' if jaar_met_aanname(j) else ''}"
        rijen.append([jaar, euro(j.zonder.totaal), euro(j.met.totaal), euro_verschil(j.verschil.totaal),
                      euro_verschil(j.verschil_cumulatief)] if met else [jaar, euro(j.zonder.totaal)])
    return kop, rijen


def jaren_markdown(pad: Jaarpad) -> str:
    """:func:`jaren_tabel` as a Markdown table, the amounts right-aligned."""
    kop, rijen = jaren_tabel(pad)
    regels = ["| " + " | ".join(kop) + " |", "|:--|" + "--:|" * (len(kop) - 1)]
    return "\n".join(regels + ["| " + " | ".join(r) + " |" for r in rijen])


def jaren_oordeel(pad: Jaarpad) -> str | None:
    """The verdict over the path in words ('Woonlastenneutraal over de jaren. Gemiddeld over 2026-2030: € 12,34
    per maand minder; …'), with the average over the months with the upgrade when it is not in place the whole
    path (not the same figure again, a cent apart by rounding); None without an upgrade."""
    if pad.woonlastenneutraal_gemiddeld is None:
        return None
    p, v = pad.pad, pad.gemiddeld_verschil_maand
    na = pad.gemiddeld_verschil_na_oplevering
    zin = (f"Gemiddeld over {p.begin}-{p.eind}: {per_maand_verschil(v)}; opgeteld {euro_verschil(pad.verschil_periode)}"
           f" over {p.eind - p.begin + 1} jaar (ingreep klaar in {maand_tekst(pad.gereed)})."
           + (f" In de maanden met de ingreep gemiddeld {euro_verschil(na)} per maand." if na is not None and sum(
               j.maanden_met_ingreep for j in pad.jaren) < MAANDEN_PER_JAAR * len(pad.jaren) else ""))
    return ("Woonlastenneutraal over de jaren. " if pad.woonlastenneutraal_gemiddeld
            else "Niet woonlastenneutraal over de jaren. ") + zin


def jaren_kort(pad: Jaarpad) -> str:
    """The path in one line, for beside the verdict of the advice's first page: 'Over de jaren 2026-2030:
    woonlastenneutraal, gemiddeld € 12,34 per maand minder; per jaar onder 'Over de jaren'.'"""
    p = pad.pad
    if pad.woonlastenneutraal_gemiddeld is None:
        return f"Over de jaren {p.begin}-{p.eind}: de woonlasten per jaar staan onder 'Over de jaren'."
    return (f"Over de jaren {p.begin}-{p.eind}: {'' if pad.woonlastenneutraal_gemiddeld else 'niet '}"
            f"woonlastenneutraal, gemiddeld {per_maand_verschil(pad.gemiddeld_verschil_maand)}; per jaar onder "
            "'Over de jaren'.")


def per_maand_verschil(v: float) -> str:
    """A monthly difference in words: '€ 12,34 per maand minder', '€ 3,00 per maand meer', 'per maand gelijk'."""
    if afgerond(v) == 0:
        return "per maand gelijk"
    return f"{euro(abs(v))} per maand {'minder' if v < 0 else 'meer'}"


def jaren_let_op(pad: Jaarpad) -> list[str]:
    """The path's warnings ('Let op: …'), shown beside the verdict."""
    return [t for t in pad.toelichting if t.startswith("Let op")]


def jaren_voetnoot(pad: Jaarpad) -> str:
    """The line under the table: what the amounts are, and what * means when a year carries it."""
    tekst = "Bedragen per maand, gemiddeld over het jaar (januari-juni en juli-december apart berekend)."
    if pad.gereed is not None:
        tekst = ("Woonlasten per maand zonder en met de ingreep, gemiddeld over het jaar (januari-juni en "
                 "juli-december apart berekend). Opgeteld: het verschil over alle maanden tot en met dat jaar.")
    if any(jaar_met_aanname(j) for j in pad.jaren):
        tekst += " * Jaar met een aanname (zie de aannames hieronder)."
    return tekst
