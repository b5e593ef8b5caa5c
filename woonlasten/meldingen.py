"""Dutch messages for invalid input, naming the field (``woning.oppervlakte_m2: …``)."""

from __future__ import annotations

from pydantic import ValidationError

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
    "string_too_long": "is te lang",
    "string_type": "moet tekst zijn",
    "model_type": "moet een object zijn ({{…}})",
    "model_attributes_type": "moet een object zijn ({{…}})",
    "dict_type": "moet een object zijn ({{…}})",
    "list_type": "moet een lijst zijn ([…])",
    "bool_parsing": "moet ja/nee (true/false) zijn",
}


def _veldnaam(loc: tuple) -> str:
    delen = []
    for stuk in loc:
        if isinstance(stuk, int):
            delen.append(f"[{stuk}]")
        elif stuk in ("str", "constrained-str", "Maatregel",
                      "function-after[_als_objecten(), list[union[str,Maatregel]]]"):
            continue
        else:
            delen.append(("." if delen else "") + str(stuk))
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
        ctx = fout.get("ctx") or {}
        if fout["type"] == "literal_error":
            tekst = "onbekende waarde; kies uit " + ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        else:
            sjabloon = _SJABLONEN.get(fout["type"])
            tekst = sjabloon.format(**{k: _nl(v) for k, v in ctx.items()}) if sjabloon else fout["msg"]
        if "input" in fout and fout["type"] not in ("missing", "model_type", "dict_type", "model_attributes_type"):
            waarde = repr(fout["input"])
            tekst += f" (nu: {waarde[:40]})"
        if veld in gezien:
            continue
        gezien.add(veld)
        regels.append(f"{veld}: {tekst}")
    return regels


def _nl(v):
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",")
    return v
