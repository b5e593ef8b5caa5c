"""woonlasten: what a household pays per month — rent + energy + municipal and water-board taxes — before and
after an energy upgrade, and whether the upgrade is woonlastenneutraal.

    >>> from woonlasten import Casus, bereken
    >>> resultaat = bereken(Casus.model_validate({...}))
"""

from woonlasten.bereken import bereken_frame
from woonlasten.casus import InvoerFout, bereken, bereken_casus_frame
from woonlasten.data import DataFout, laad_tabellen
from woonlasten.modellen import Casus, Resultaat

__all__ = ["Casus", "Resultaat", "bereken", "bereken_frame", "bereken_casus_frame", "InvoerFout", "DataFout",
           "laad_tabellen"]
