"""The engine: the sheet of columns, errors per row, per-combination evaluation, input normalisation, tax brackets
and the rule declarations with their order. No domain rules live here (those are in :mod:`woonlasten.regels`)."""
