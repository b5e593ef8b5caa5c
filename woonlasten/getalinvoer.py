"""One number or date as a Dutch user types it (in the app, on the command line): ``1.200`` is twelve hundred, ``650,50``
six hundred fifty and a half, ``4,1`` four point one. What cannot be read without guessing is refused with a Dutch
message, never read as something else.

The rules, in order (``-`` in front and a leading ``€`` allowed; a space only between groups of three digits, as
in ``1 200,50``; ASCII digits only):

- ``1200``, ``1.200``, ``1.200.000``: a whole number; a dot between groups of three digits is a thousands separator;
- ``650,50``, ``1.200,50``, ``1,050``: a decimal comma (``1,050`` is 1,05, as a Dutch reader reads it);
- ``600.00``, ``4.1``, ``0.2150``, ``0.215``: a dot that is not followed by exactly three digits, or that follows a
  lone 0, can only be a decimal point (the way a number comes out of an English program or a calculator);
- ``1,200.50``, ``1.2.3``, ``1,2,3``, ``=1+1``, ``12abc``, ``650 50``: refused (an English thousands comma, two
  numbers, or not a number).

A date is day-month-year (``1-6-2025``, ``01-06-2025``, ``1/6/2025``, ``1.6.2025``) or ISO (``2025-06-01``); a
two-digit year or a month first is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re

MAX_TEKENS = 40  # a typed number is never longer; a pasted page of text is refused, not scanned

_SPATIES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# a space (also a non-breaking or thin one, as a bill prints it) only between groups of three digits: '1 200,50';
# any other space splits two numbers ('650 50', '1.200 50') and is refused, not closed up
_SPATIE_DUIZENDTAL = re.compile(r"(?<=[0-9])[ \u00a0\u202f\u2009](?=[0-9]{3}(?![0-9]))")
# ASCII digits only: int() and float() would also take '١٢٣' or '１２００' without a word
_GEHEEL = re.compile(r"[0-9]+")
_DUIZENDTALLEN = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")  # '0.215' is no thousands group
_KOMMA = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+),[0-9]+")
_PUNT = re.compile(r"[0-9]+\.(?:[0-9]{1,2}|[0-9]{4,})|0\.[0-9]+")  # '0.215' can only be a decimal point
_ENGELS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+")


_DATUM = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class GetalFout(ValueError):
    """A typed value that is not a number in Dutch notation; the message is Dutch and names the value."""


def lees_getal(tekst: str | float | int | None, *, geheel: bool = False) -> float | int | None:
    """The number ``tekst`` means to a Dutch reader: an ``int`` when ``geheel``, else a ``float``; ``None`` for an
    empty text. Raises :class:`GetalFout` when it cannot be read without guessing (see the module's rules)."""
    if tekst is None:
        return None
    if isinstance(tekst, (int, float)) and not isinstance(tekst, bool):
        waarde = float(tekst)
        if not math.isfinite(waarde):
            raise GetalFout(f"'{tekst}' is geen getal.")
        return _geheel(waarde, str(tekst)) if geheel else waarde
    ruw = str(tekst)
    if len(ruw) > MAX_TEKENS:
        raise GetalFout(f"Dit is geen getal (een tekst van {len(ruw)} tekens).")
    schoon = ruw.strip().strip("\u00a0\u202f\u2009")
    for voor in ("-€", "€"):  # a euro sign in front, with or without a space
        if schoon.startswith(voor):
            schoon = voor[:-1] + schoon[len(voor):].lstrip(" \u00a0\u202f\u2009")
    schoon = _SPATIE_DUIZENDTAL.sub("", schoon)
    if _SPATIES.search(schoon):
        raise GetalFout(f"'{ruw.strip()}' is geen getal: een spatie mag alleen tussen duizendtallen staan "
                        "(1 200,50); typ één getal.")
    if not schoon:
        return None
    teken = -1.0 if schoon.startswith("-") else 1.0
    kern = schoon[1:] if schoon[:1] in "-+" else schoon
    if _GEHEEL.fullmatch(kern) or _DUIZENDTALLEN.fullmatch(kern):
        waarde = float(kern.replace(".", ""))
    elif _KOMMA.fullmatch(kern):
        waarde = float(kern.replace(".", "").replace(",", "."))
    elif _PUNT.fullmatch(kern):
        waarde = float(kern)
    elif _ENGELS.fullmatch(kern):
        raise GetalFout(f"'{ruw.strip()}' is Engels geschreven; typ het op zijn Nederlands, met een punt voor "
                        "duizendtallen en een komma voor decimalen (bijvoorbeeld 1.200,50).")
    else:
        raise GetalFout(f"'{ruw.strip()}' is geen getal; typ bijvoorbeeld 1.200 of 650,50.")
    waarde *= teken
    return _geheel(waarde, ruw.strip()) if geheel else waarde


def _geheel(waarde: float, getoond: str) -> int:
    if not waarde.is_integer():
        raise GetalFout(f"'{getoond}' is geen geheel getal; typ een getal zonder decimalen.")
    return int(waarde)


def lees_datum(tekst: str | None) -> dt.date | None:
    """The date ``tekst`` means to a Dutch reader (day-month-year, or ISO year-month-day); ``None`` for an empty
    text. Raises :class:`GetalFout` with a Dutch message otherwise."""
    if tekst is None:
        return None
    ruw = str(tekst)
    if len(ruw) > MAX_TEKENS:
        raise GetalFout(f"Dit is geen datum (een tekst van {len(ruw)} tekens).")
    schoon = _SPATIES.sub("", ruw)
    if not schoon:
        return None
    if m := _DATUM.fullmatch(schoon):
        dag, maand, jaar = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif m := _ISO.fullmatch(schoon):
        jaar, maand, dag = (int(g) for g in m.groups())
    else:
        raise GetalFout(f"'{ruw.strip()}' is geen datum; typ dag-maand-jaar, bijvoorbeeld 01-06-2025.")
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        raise GetalFout(f"'{ruw.strip()}' bestaat niet als datum (dag {dag}, maand {maand}, jaar {jaar}).") from None
