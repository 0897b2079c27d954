"""What the importer knows of each event source: a small description per source.

One :class:`EventSource` says how to read a source's files (columns, header,
types, missing-value words), which of its columns give each normalised event
column (:data:`~graph.events.aggregate.EVENT_COLUMNS`) at each actor level,
how its actors become actor rows, and what its evidence is. The importer
(:mod:`graph.events.importer`) is the same for every source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources

from .actors import ActorRow, gdelt_actor, icews_actor
from .aggregate import EVENT_COLUMNS, quoted

__all__ = [
    "EventSource",
    "GDELT",
    "ICEWS",
    "SOURCES",
    "GDELT_COLUMNS",
    "ICEWS_REQUIRED",
    "events_sql",
]

#: Column names of the GDELT 2.0 events table, in file order (official codebook).
GDELT_COLUMNS: tuple[str, ...] = tuple(
    resources.files("graph.events").joinpath("gdelt2_event_columns.txt").read_text("utf-8").split()
)

#: Columns an ICEWS file must have (others, such as City or Latitude, are ignored).
ICEWS_REQUIRED: tuple[str, ...] = (
    "Event Date",
    "Source Name",
    "Source Country",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Country",
)

#: How many rejected rows DuckDB stores with their line numbers (then bad rows are counted).
REJECTS_LIMIT = 10_000


@dataclass(frozen=True)
class EventSource:
    """How to read one kind of event file and map it onto the normalised events.

    ``fields`` maps an actor level (``"country"``, ``"actor-code"``) to the
    source column of each actor event column (``src``, ``tgt``, ``*_name``,
    ``*_country``, ``*_kind``; absent means NULL); ``common`` does the same
    for the other event columns. ``evidence`` lists candidate columns, the
    first one a file has is used; ``rank`` is the column whose highest values
    choose the evidence kept. A column of ``types`` is read and checked by
    DuckDB (a value that does not parse makes the row a bad row, with its
    line number); every other column is text. Every physical line is one
    event (no quoting: a stray ``"`` cannot swallow the rows after it); with
    ``unquote``, a cell wrapped in double quotes (as R writes text) loses
    them.
    """

    name: str
    label: str
    columns: tuple[str, ...] | None  # fixed columns (no header), or None: read from the header
    required: tuple[str, ...]
    types: Mapping[str, str]
    null_words: tuple[str, ...]
    date_format: str
    date_column: str
    date_form: str  # the date form told to users ("YYYYMMDD")
    fields: Mapping[str, Mapping[str, str]]
    common: Mapping[str, str]
    evidence: tuple[str, ...]
    rank: str | None
    evidence_column: str  # the relations.csv column that keeps the evidence
    actor: Callable[[str, str | None, str | None, str | None, str], ActorRow]
    source_row: Mapping[str, str]
    width_reason: str  # a row with the wrong number of columns: {found} of {expected}
    unquote: bool = False
    mentions: str | None = None
    #: Portable SQL turning the date column ``{col}`` into its digits ``YYYYMMDD``
    #: (for the statement that other engines run, :mod:`graph.events.engines`).
    date_digits: str = "CAST({col} AS VARCHAR)"

    @property
    def header(self) -> bool:
        """Whether the files start with a header line."""
        return self.columns is None


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _unquote_sql(expr: str) -> str:
    """SQL removing the double quotes R wraps text cells in (``""`` and ``\\"`` inside)."""
    return (
        f"CASE WHEN length({expr}) >= 2 AND starts_with({expr}, '\"') AND ends_with({expr}, '\"') "
        f"THEN replace(replace({expr}[2:-2], '\"\"', '\"'), '\\\"', '\"') ELSE {expr} END"
    )


def _read_sql(source: EventSource, files: list[str], columns: list[str]) -> str:
    spec = ", ".join(f"{quoted(c)}: {quoted(source.types.get(c, 'VARCHAR'))}" for c in columns)
    nulls = ", ".join(quoted(w) for w in source.null_words)
    return (
        f"read_csv([{', '.join(quoted(f) for f in files)}], delim = '\\t', "
        f"header = {str(source.header).lower()}, quote = '', escape = '', "
        f"columns = {{{spec}}}, dateformat = {quoted(source.date_format)}, "
        f"nullstr = [{nulls}], auto_detect = false, null_padding = false, "
        f"store_rejects = true, rejects_limit = {REJECTS_LIMIT})"
    )


def _select_sql(source: EventSource, columns: list[str], level: str, reader: str) -> str:
    present = set(columns)

    def col(name: str | None) -> str:
        if not name or name not in present:
            return "NULL"
        sql = _ident(name)
        if source.unquote and name not in source.types:
            sql = _unquote_sql(sql)
        return sql

    mapping = dict(source.common)
    mapping.update(source.fields[level])
    evidence = next((c for c in source.evidence if c in present), None)
    exprs = {c: col(mapping.get(c)) for c in EVENT_COLUMNS}
    # The evidence separator is a space: a space inside one is written %20.
    # A bare column is tested first: most have no space, and a test is cheaper than
    # a copy of each. (An unquoted cell is an expression: it is worked out once.)
    text = col(evidence) if evidence else "NULL"
    if text == _ident(evidence or ""):
        text = f"CASE WHEN contains({text}, ' ') THEN replace({text}, ' ', '%20') ELSE {text} END"
    elif evidence:
        text = f"replace({text}, ' ', '%20')"
    exprs["evidence"] = text
    rank = col(source.rank)
    exprs["rank"] = f"try_cast({rank} AS BIGINT)" if rank != "NULL" else "0"
    exprs["mentions"] = (
        f"CAST({col(source.mentions)} AS INTEGER)" if source.mentions else "CAST(NULL AS INTEGER)"
    )
    return "SELECT " + ", ".join(f"{e} AS {c}" for c, e in exprs.items()) + f" FROM {reader}"


def events_sql(source: EventSource, files: Mapping[str, list[str]], level: str = "country") -> str:
    """``SELECT`` of normalised events from ``files`` (path -> its columns), one scan per column set.

    Examples
    --------
    >>> sql = events_sql(GDELT, {"a.CSV": list(GDELT_COLUMNS)})
    >>> '"Actor1CountryCode" AS src' in sql and "header = false" in sql
    True
    >>> sql = events_sql(ICEWS, {"e.tab": ["Event Date", "CAMEO Code", "Source Country"]})
    >>> "AS src" in sql and "NULL AS tgt" in sql
    True
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for path, columns in files.items():
        groups.setdefault(tuple(columns), []).append(path)
    return " UNION ALL ".join(
        _select_sql(source, list(cols), level, _read_sql(source, paths, list(cols)))
        for cols, paths in groups.items()
    )


GDELT = EventSource(
    name="gdelt",
    label="GDELT",
    columns=GDELT_COLUMNS,
    required=GDELT_COLUMNS,
    # CAMEO codes stay text ("040", "0841"). An empty SQLDATE reads as NULL and
    # is found afterwards with its line number.
    types={"SQLDATE": "DATE", "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER"},
    null_words=("",),
    date_format="%Y%m%d",
    date_column="SQLDATE",
    date_form="YYYYMMDD",
    fields={
        "country": {"src": "Actor1CountryCode", "tgt": "Actor2CountryCode"},
        "actor-code": {
            "src": "Actor1Code",
            "tgt": "Actor2Code",
            "src_name": "Actor1Name",
            "tgt_name": "Actor2Name",
            "src_country": "Actor1CountryCode",
            "tgt_country": "Actor2CountryCode",
            "src_kind": "Actor1Type1Code",
            "tgt_kind": "Actor2Type1Code",
        },
    },
    common={"day": "SQLDATE", "code": "EventCode", "goldstein": "GoldsteinScale"},
    mentions="NumMentions",
    evidence=("SOURCEURL",),
    rank="NumMentions",
    evidence_column="evidence_urls",
    actor=gdelt_actor,
    source_row={
        "id": "gdelt2-events",
        "title": "GDELT 2.0 events export (machine-coded)",
        "publisher": "The GDELT Project",
        "author": "GDELT (automated CAMEO coding)",
        "url": "https://www.gdeltproject.org/data.html",
    },
    width_reason="expected {expected} tab-separated columns, found {found}",
)

ICEWS = EventSource(
    name="icews",
    label="ICEWS",
    columns=None,
    required=ICEWS_REQUIRED,
    types={"Event Date": "DATE", "Intensity": "DOUBLE"},
    null_words=("NA", ""),
    date_format="%Y-%m-%d",
    date_column="Event Date",
    date_form="YYYY-MM-DD",
    fields={
        "country": {"src": "Source Country", "tgt": "Target Country"},
        "actor-code": {
            "src": "Source Name",
            "tgt": "Target Name",
            "src_name": "Source Name",
            "tgt_name": "Target Name",
            "src_country": "Source Country",
            "tgt_country": "Target Country",
            "src_kind": "Source Sectors",
            "tgt_kind": "Target Sectors",
        },
    },
    common={"day": "Event Date", "code": "CAMEO Code", "goldstein": "Intensity"},
    evidence=("Story ID", "Event ID"),
    rank="Event ID",
    evidence_column="story_ids",
    actor=icews_actor,
    source_row={
        "id": "icews-events",
        "title": "ICEWS coded event data (machine-coded)",
        "publisher": "Harvard Dataverse",
        "author": "Integrated Crisis Early Warning System (automated CAMEO coding)",
        "url": "https://dataverse.harvard.edu/dataverse/icews",
    },
    width_reason="wrong number of tab-separated columns ({found}); the header has {expected}",
    unquote=True,
    date_digits="REPLACE(CAST({col} AS VARCHAR), '-', '')",
)

#: The sources the importer knows, by name.
SOURCES: dict[str, EventSource] = {s.name: s for s in (GDELT, ICEWS)}
