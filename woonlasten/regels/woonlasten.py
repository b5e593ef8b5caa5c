"""The woonlasten themselves, from the declared parts of the result (:data:`woonlasten.modellen.RESULTAAT`): each
part's total is the sum of its amounts that count in the total, in declared order; the woonlasten are the sum of the
parts' totals, before and after [€/maand], and the same after huurtoeslag. A new amount in the declaration is
added to its part's total here without code."""

from __future__ import annotations

from woonlasten.data.laden import Tabellen
from woonlasten.modellen import RESULTAAT, Deel
from woonlasten.rekenen.regel import Regel
from woonlasten.rekenen.rekenblad import SITUATIES, Fouten, Rekenblad


def _som(f: Rekenblad, kolommen: tuple[str, ...], s: str):
    som = f[kolommen[0].format(s=s)]
    for kol in kolommen[1:]:
        som = som + f[kol.format(s=s)]
    return som


def _deeltotaal(deel: Deel) -> Regel:
    bedragen = tuple(f"{{s}}_{deel.naam}_{o.naam}" for o in deel.onderdelen if o.in_totaal and o.naam != "totaal")

    def deeltotaal(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
        for s in SITUATIES:
            f[f"{s}_{deel.naam}_totaal"] = _som(f, bedragen, s)

    deeltotaal.__doc__ = f"``{{voor,na}}_{deel.naam}_totaal`` [€/maand]: the sum of {', '.join(bedragen)}."
    return Regel(f"totaal {deel.naam}", deeltotaal, leest=bedragen, schrijft=(f"{{s}}_{deel.naam}_totaal",))


_TOTALEN = tuple(f"{{s}}_{deel.naam}_totaal" for deel in RESULTAAT)


def totalen(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """``{voor,na}_totaal``: the parts' totals added in the declared order; ``{voor,na}_totaal_netto``: minus the
    huurtoeslag (a negative amount)."""
    for s in SITUATIES:
        som = _som(f, _TOTALEN, s)
        f[f"{s}_totaal"] = som
        f[f"{s}_totaal_netto"] = som + f[f"{s}_huur_huurtoeslag"]


VOLGORDE = 90

REGELS = tuple(_deeltotaal(deel) for deel in RESULTAAT if not deel.eigen_totaal) + (
    Regel("totalen", totalen, leest=_TOTALEN + ("{s}_huur_huurtoeslag",), schrijft=("{s}_totaal", "{s}_totaal_netto")),
)
