"""A whole housing stock through the one calculation path: reading what offices produce (:mod:`.lezen`), scenarios
(:mod:`.scenario`), the calculation in blocks and the summaries (:mod:`.rekenen`), safe export (:mod:`.schrijven`)."""

from woonlasten.portefeuille.lezen import (
    VERPLICHTE_KOLOMMEN,
    PortefeuilleFout,
    fysieke_regels,
    lees_woningen,
    leesverslag,
    naar_invoer,
)
from woonlasten.portefeuille.pad import PadStroom, bereken_portefeuille_jaren, samenvatting_jaren
from woonlasten.portefeuille.rekenen import DRADEN, bereken_portefeuille, samenvatting
from woonlasten.portefeuille.scenario import SCENARIOS, Scenario, scenario_uit_tekst
from woonlasten.portefeuille.schrijven import naar_csv, naar_excel, schrijf, veilig

__all__ = ["PortefeuilleFout", "VERPLICHTE_KOLOMMEN", "fysieke_regels", "lees_woningen", "leesverslag", "naar_invoer",
           "bereken_portefeuille", "samenvatting", "bereken_portefeuille_jaren", "samenvatting_jaren", "PadStroom",
           "DRADEN", "SCENARIOS", "Scenario", "scenario_uit_tekst", "naar_csv",
           "naar_excel", "schrijf", "veilig"]
