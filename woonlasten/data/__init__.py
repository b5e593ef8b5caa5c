"""The data tables of ``tariffs/`` and ``labels/``: their schemas, loading and validation, and dated lookups."""

from woonlasten.data.laden import LABELS_DIR, PROJECT_DIR, TARIFFS_DIR, DataFout, Tabel, Tabellen, laad_tabel, laad_tabellen
from woonlasten.data.opzoeken import categorisch, klasse, zoek

__all__ = ["DataFout", "Tabel", "Tabellen", "laad_tabel", "laad_tabellen", "zoek", "klasse", "categorisch",
           "PROJECT_DIR", "TARIFFS_DIR", "LABELS_DIR"]
