"""Import machine-coded event data (GDELT 2.0, ICEWS) as an ordinary geograph dataset.

Events are read and aggregated by one SQL statement run by DuckDB (streaming,
out-of-core), into dyadic relations per actor pair, period and relation type;
only the aggregated rows reach Python, which writes ``actors.csv``,
``relations.csv`` and ``sources.csv``.

>>> from graph.events import import_gdelt, import_icews, ImportReport, EventImportError
"""

from __future__ import annotations

from .aggregate import ACTOR_LEVELS, PERIODS, aggregation_sql, relation_case_sql
from .gdelt import GDELT_COLUMNS, gdelt_events_sql, import_gdelt
from .icews import ICEWS_REQUIRED, icews_events_sql, import_icews
from .report import BadRow, EventImportError, ImportReport

__all__ = [
    "import_gdelt",
    "import_icews",
    "ImportReport",
    "BadRow",
    "EventImportError",
    "PERIODS",
    "ACTOR_LEVELS",
    "GDELT_COLUMNS",
    "ICEWS_REQUIRED",
    "aggregation_sql",
    "relation_case_sql",
    "gdelt_events_sql",
    "icews_events_sql",
]
