"""Dutch messages for invalid input, naming the field (``woning.oppervlakte_m2: …``), and Dutch reasons for the
operating system's errors (``os_reden``)."""

from __future__ import annotations

import errno

from pydantic import ValidationError

MAX_GETOOND = 40  # an echoed value (a field name, a measure, a date) is cut to this many characters with '…'
MAX_PAD = 300  # a file path in a message is cut only beyond this

_SJABLONEN = {
    "missing": "ontbreekt",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "less_than": "moet kleiner zijn dan {lt}",
    "float_parsing": "geen getal",
    "float_type": "geen getal",
    "int_parsing": "geen geheel getal",
    "int_type": "geen geheel getal",
    "int_from_float": "geen geheel getal",
    "finite_number": "geen eindig getal",
    "date_from_datetime_parsing": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_type": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_from_datetime_inexact": "geen geldige datum (gebruik JJJJ-MM-DD, zonder tijd)",
    "datetime_parsing": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "extra_forbidden": "onbekend veld",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "string_type": "moet tekst zijn",
    "string_pattern_mismatch": "heeft niet de goede vorm",
    "int_parsing_size": "geen geheel getal van redelijke grootte",
    "bool_type": "moet ja/nee (true/false) zijn",
    "too_long": "te veel elementen (hoogstens {max_length})",
    "too_short": "te weinig elementen (minstens {min_length})",
    "multiple_of": "moet een veelvoud van {multiple_of} zijn",
    "none_required": "moet leeg zijn",
    "enum": "onbekende waarde; kies uit {expected}",
    "json_invalid": "geen geldige JSON",
    "json_type": "geen geldige JSON",
    "date_from_datetime_parsing_size": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "date_future": "moet in de toekomst liggen",
    "date_past": "moet in het verleden liggen",
    "datetime_type": "geen geldige datum (gebruik JJJJ-MM-DD)",
    "tuple_type": "moet een lijst zijn ([…])",
    "set_type": "moet een lijst zijn ([…])",
    "iterable_type": "moet een lijst zijn ([…])",
    "union_tag_invalid": "onbekende soort",
    "union_tag_not_found": "soort ontbreekt",
    "decimal_parsing": "geen getal",
    "decimal_type": "geen getal",
    "int_from_float_exact": "geen geheel getal",
    "frozen_field": "mag niet worden gewijzigd",
    "unexpected_keyword_argument": "onbekend veld",
    "missing_keyword_only_argument": "ontbreekt",
    "missing_positional_only_argument": "ontbreekt",
    "model_type": "moet een object zijn ({{…}})",
    "model_attributes_type": "moet een object zijn ({{…}})",
    "dict_type": "moet een object zijn ({{…}})",
    "list_type": "moet een lijst zijn ([…])",
    "bool_parsing": "moet ja/nee (true/false) zijn",
}


def kort(waarde: object, n: int = MAX_GETOOND) -> str:
    """A value as it may be echoed to a user: its text cut to ``n`` characters with '…' (a 10 MB measure name or
    field name is shown by its start)."""
    tekst = waarde if isinstance(waarde, str) else str(waarde)
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def kort_citaten(tekst: str, n: int = MAX_GETOOND) -> str:
    """Cut every overlong word of a message (a quoted value, an unquoted one) to ``n`` characters with '…' (a path
    to ``MAX_PAD``); a message built elsewhere (a rule's error about a measure name) then never echoes megabytes."""
    if len(tekst) <= 2 * n:
        return tekst
    uit, woord = [], []

    def sluit() -> None:
        if woord:
            stuk = "".join(woord)
            # + 1: a closing quote may stay; a path (with / or \\) is kept longer: a user needs to recognise it
            uit.append(kort(stuk, MAX_PAD if "/" in stuk or "\\" in stuk else n + 1))
            woord.clear()

    for teken in tekst:
        if teken.isspace():
            sluit()
            uit.append(teken)
        else:
            woord.append(teken)
    sluit()
    return "".join(uit)


def reden(fout: dict) -> str:
    """The Dutch reason for one pydantic error (an element of ``ValidationError.errors()``), without the field and
    the value: ``geen getal``, ``moet ja/nee (true/false) zijn``, ``onbekende waarde; kies uit …``. For messages
    built outside :func:`vertaal` (e.g. the data tables' row validation) so that no English text reaches a user."""
    ctx = fout.get("ctx") or {}
    soort = fout.get("type", "")
    if soort == "literal_error":
        return "onbekende waarde; kies uit " + str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
    if soort in ("value_error", "assertion_error"):  # our own validators' messages are Dutch already
        bericht = str(fout.get("msg", ""))
        for voorvoegsel in ("Value error, ", "Assertion failed, "):
            if bericht.startswith(voorvoegsel):
                return bericht[len(voorvoegsel):]
        return bericht
    sjabloon = _SJABLONEN.get(soort)
    if sjabloon is None:
        return "ongeldige waarde"
    try:
        return sjabloon.format(**{k: _nl(v) for k, v in ctx.items()})
    except (KeyError, IndexError, ValueError):
        return sjabloon.split(" {", 1)[0].split(" (", 1)[0]


def getoonde_waarde(waarde: object) -> str:
    """The ``(nu: …)`` part of a message: the value's repr, cut to 40 characters with '…'."""
    try:
        tekst = repr(waarde)
    except (RecursionError, ValueError):  # a structure nested too deep, an int with too many digits
        tekst = f"<{type(waarde).__name__}>"
    return kort(tekst)


_OS_REDENEN = {
    errno.ENOENT: "de map of het bestand bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EISDIR: "dat is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EEXIST: "het bestand bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EMFILE: "te veel open bestanden",
    errno.ELOOP: "te veel symbolische koppelingen",
    errno.EINVAL: "ongeldige naam of bewerking",
    errno.EFBIG: "het bestand is te groot",
    errno.ENXIO: "het apparaat bestaat niet",
}


def os_reden(exc: OSError) -> str:
    """A Dutch reason for an operating-system error (``strerror`` is English): 'de schijf is vol'."""
    if exc.errno in _OS_REDENEN:
        return _OS_REDENEN[exc.errno]
    if isinstance(exc, PermissionError):
        return "geen toestemming"
    if isinstance(exc, FileNotFoundError):
        return "de map of het bestand bestaat niet"
    return f"systeemfout {exc.errno}" if exc.errno else f"systeemfout ({type(exc).__name__})"


def _veldnaam(loc: tuple) -> str:
    delen = []
    for stuk in loc:
        if isinstance(stuk, int):
            delen.append(f"[{stuk}]")
        elif stuk in ("str", "constrained-str", "Maatregel",
                      "function-after[_als_objecten(), list[union[str,Maatregel]]]"):
            continue
        else:
            delen.append(("." if delen else "") + kort(stuk))
    return "".join(delen) or "invoer"


def vertaal(exc: ValidationError) -> list[str]:
    """One Dutch line per problem: ``veld: wat er mis is (waarde)``."""
    regels = []
    gezien = set()
    fouten = exc.errors()
    # a measure may be a name or an object: when the object has a bad field, the "not a name" alternative is noise
    alternatief = {"str", "constrained-str"}
    if any(not alternatief & set(map(str, f["loc"])) for f in fouten):
        fouten = [f for f in fouten if not alternatief & set(map(str, f["loc"]))]
    for fout in fouten:
        veld = _veldnaam(tuple(fout["loc"]))
        tekst = reden(fout)
        if "input" in fout and fout["type"] not in ("missing", "model_type", "dict_type", "model_attributes_type"):
            tekst += f" (nu: {getoonde_waarde(fout['input'])})"
        if veld in gezien:
            continue
        gezien.add(veld)
        regels.append(f"{veld}: {tekst}")
    return regels


def _nl(v):
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",")
    return v
