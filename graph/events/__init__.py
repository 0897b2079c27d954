"""Import machine-coded event data (GDELT 2.0, ICEWS) as an ordinary geograph dataset.

Events are read and aggregated by one SQL statement run by DuckDB (streaming,
out-of-core), into dyadic relations per actor pair, period and relation type;
one importer (:func:`import_events`) reads every source from a small
description of it (:class:`EventSource`: :data:`GDELT`, :data:`ICEWS`).

>>> from graph.events import import_gdelt, import_icews, ImportReport, EventImportError
"""

from __future__ import annotations

from .aggregate import (
    ACTOR_LEVELS,
    PERIODS,
    aggregation_sql,
    escape_formula_sql,
    quad_class_sql,
    relation_case_sql,
)
from .importer import import_events, import_gdelt, import_icews
from .report import BadRow, EventImportError, ImportReport
from .sources import GDELT, GDELT_COLUMNS, ICEWS, ICEWS_REQUIRED, SOURCES, EventSource, events_sql

__all__ = [
    "import_events",
    "import_gdelt",
    "import_icews",
    "ImportReport",
    "BadRow",
    "EventImportError",
    "EventSource",
    "GDELT",
    "ICEWS",
    "SOURCES",
    "PERIODS",
    "ACTOR_LEVELS",
    "GDELT_COLUMNS",
    "ICEWS_REQUIRED",
    "aggregation_sql",
    "relation_case_sql",
    "quad_class_sql",
    "escape_formula_sql",
    "events_sql",
]
