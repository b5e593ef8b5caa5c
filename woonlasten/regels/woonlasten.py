"""The woonlasten themselves: the sum of the parts of the result (:data:`woonlasten.modellen.RESULTAAT`) before
and after [€/maand], and the same after huurtoeslag."""

from __future__ import annotations

from woonlasten.data.laden import Tabellen
from woonlasten.modellen import RESULTAAT
from woonlasten.rekenen.regel import Regel
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad

_TOTALEN = tuple(f"{{s}}_{deel.naam}_totaal" for deel in RESULTAAT)


def totalen(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``{voor,na}_totaal``: the parts' totals added in the declared order; ``{voor,na}_totaal_netto``: minus the
    huurtoeslag (a negative amount)."""
    for s in SITUATIES:
        som = f[_TOTALEN[0].format(s=s)]
        for kol in _TOTALEN[1:]:
            som = som + f[kol.format(s=s)]
        f[f"{s}_totaal"] = som
        f[f"{s}_totaal_netto"] = som + f[f"{s}_huur_huurtoeslag"]


VOLGORDE = 90

REGELS = (
    Regel("totalen", totalen, leest=_TOTALEN + ("{s}_huur_huurtoeslag",), schrijft=("{s}_totaal", "{s}_totaal_netto")),
)
