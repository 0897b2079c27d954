"""The aggregation for engines beyond one machine: one statement, written for DuckDB, Spark or BigQuery.

:func:`engine_sql` writes the import's aggregation as one portable statement
over a table that holds a source's events with their own column names
(GDELT's public BigQuery table ``gdelt-bq.gdeltv2.events``, or a Spark view
over the export files), and sqlglot writes it in each engine's dialect. Its
result, one row per (source, target, period, relation type), is brought home
by :func:`graph.events.import_aggregated` as CSV or Parquet, which writes the
same dataset as a local import.

The statement uses only what the three engines share: ``TRY_CAST``, string
functions, ``CASE``, ``GROUP BY`` and ``ROW_NUMBER()``. The evidence kept per
relation are its ``evidence`` distinct URLs or story ids of highest rank
(ties broken by the text, so that every engine keeps the same ones), in the
columns ``evidence1`` ... ``evidenceK``.
"""

from __future__ import annotations

from .aggregate import (
    ACTOR_LEVELS,
    EVIDENCE_PER_RELATION,
    PERIODS,
    QUAD_CLASSES,
    evidence_rank_sql,
    quad_class_sql,
    quoted,
    relation_case_sql,
)
from .report import EventImportError
from .sources import GDELT, EventSource

__all__ = ["DIALECTS", "ENGINE_COLUMNS", "HINT_COLUMNS", "engine_sql"]

#: The engines :func:`engine_sql` writes for (sqlglot dialect names).
DIALECTS = ("duckdb", "spark", "bigquery")
#: The columns of the statement's result, before the hints and ``evidence1..K``.
ENGINE_COLUMNS = (
    "event_source",
    "period_unit",
    "actor_level",
    "src",
    "tgt",
    "period",
    "relation",
    "events",
    "goldstein_milli",
    "goldstein_n",
    *(f"quad{q}" for q in QUAD_CLASSES),
    "mentions",
    "some_code",
)
#: Columns the result has at ``actor-code`` level: a name, country and type hint per side.
HINT_COLUMNS = ("src_name", "tgt_name", "src_country", "tgt_country", "src_kind", "tgt_kind")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table(name: str) -> str:
    return ".".join(_ident(part) for part in name.split("."))


def _period_text(digits: str, period: str) -> str:
    year, month = f"SUBSTR({digits}, 1, 4)", f"SUBSTR({digits}, 5, 2)"
    if period == "year":
        return f"{year} || '-01-01'"
    if period == "quarter":
        first = (
            f"CASE WHEN {month} <= '03' THEN '01' WHEN {month} <= '06' THEN '04' "
            f"WHEN {month} <= '09' THEN '07' ELSE '10' END"
        )
        return f"{year} || '-' || {first} || '-01'"
    if period == "month":
        return f"{year} || '-' || {month} || '-01'"
    return f"{year} || '-' || {month} || '-' || SUBSTR({digits}, 7, 2)"


def _events(source: EventSource, table: str, period: str, actors: str) -> str:
    mapping = {**source.common, **source.fields[actors]}

    def col(event_column: str) -> str:
        name = mapping.get(event_column)
        return f"NULLIF(CAST({_ident(name)} AS VARCHAR), '')" if name else "CAST(NULL AS VARCHAR)"

    digits = source.date_digits.format(col=_ident(source.date_column))
    day = f"TRY_CAST({_period_text(digits, 'day')} AS DATE)"
    who = ["src", "tgt", *(HINT_COLUMNS if actors != "country" else ())]
    mentions = f"TRY_CAST({_ident(source.mentions)} AS BIGINT)" if source.mentions else "NULL"
    rank = f"TRY_CAST({_ident(source.rank)} AS BIGINT)" if source.rank else "0"
    return (
        f"SELECT {', '.join(f'{col(c)} AS {c}' for c in who)}, "
        f"CASE WHEN {day} IS NOT NULL THEN TRY_CAST({_period_text(digits, period)} AS DATE) "
        "END AS period, "
        f"{col('code')} AS code, "
        f"TRY_CAST({_ident(mapping['goldstein'])} AS DOUBLE) AS goldstein, "
        f"{mentions} AS mentions, NULLIF(CAST({_ident(source.evidence[0])} AS VARCHAR), '') AS evidence, "
        f"{rank} AS ev_rank FROM {_table(table)}"
    )


def engine_sql(
    source: EventSource = GDELT,
    *,
    dialect: str = "duckdb",
    table: str = "events",
    period: str = "year",
    actors: str = "country",
    evidence: int = EVIDENCE_PER_RELATION,
    vocabulary: dict | None = None,
    pretty: bool = True,
) -> str:
    """The aggregation as one statement for ``dialect`` over the events in ``table``.

    ``table`` holds the source's events with its own column names (any
    types: every column is cast). Run the statement in the engine, save its
    result as CSV (with a header) or Parquet, and import it with
    ``geograph import aggregated FILE -o DIR``.

    Examples
    --------
    >>> sql = engine_sql(dialect="bigquery", table="gdelt-bq.gdeltv2.events")
    >>> "FROM `gdelt-bq`.`gdeltv2`.`events`" in sql and "SAFE_CAST" in sql
    True
    >>> "TRY_CAST" in engine_sql(dialect="spark")
    True
    """
    import sqlglot

    if dialect not in DIALECTS:
        raise EventImportError(f"dialect {dialect!r} is not one of {', '.join(DIALECTS)}")
    if period not in PERIODS:
        raise EventImportError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if actors not in ACTOR_LEVELS:
        raise EventImportError(f"actor level {actors!r} is not one of {', '.join(ACTOR_LEVELS)}")
    if isinstance(evidence, bool) or not isinstance(evidence, int) or evidence < 1:
        raise EventImportError(f"evidence must be a whole number >= 1, not {evidence!r}")
    keys = "src, tgt, period, relation"
    quads = ", ".join(
        f"SUM(CASE WHEN quad = {q} THEN 1 ELSE 0 END) AS quad{q}" for q in QUAD_CLASSES
    )
    hints = "".join(f", MAX({h}) AS {h}" for h in HINT_COLUMNS) if actors != "country" else ""
    kept = ", ".join(
        f"MAX(CASE WHEN k = {i} THEN evidence END) AS evidence{i}" for i in range(1, evidence + 1)
    )
    sql = f"""
    WITH ev AS ({_events(source, table, period, actors)}),
    coded AS (
        SELECT *, {relation_case_sql("code", vocabulary)} AS relation,
               {quad_class_sql("code")} AS quad
        FROM ev),
    grouped AS (
        SELECT {keys}, COUNT(*) AS events,
               SUM(CAST(ROUND(goldstein * 1000) AS BIGINT)) AS goldstein_milli,
               COUNT(goldstein) AS goldstein_n, {quads},
               SUM(mentions) AS mentions, MIN(code) AS some_code{hints}
        FROM coded GROUP BY {keys}),
    ranked AS (
        SELECT {keys}, evidence,
               ROW_NUMBER() OVER (
                   PARTITION BY {keys} ORDER BY {evidence_rank_sql("ev_rank")} DESC, evidence DESC
               ) AS k
        FROM coded
        WHERE evidence IS NOT NULL AND src IS NOT NULL AND tgt IS NOT NULL
              AND relation IS NOT NULL AND period IS NOT NULL),
    kept AS (SELECT {keys}, {kept} FROM ranked WHERE k <= {evidence} GROUP BY {keys})
    SELECT {quoted(source.name)} AS event_source, {quoted(period)} AS period_unit,
           {quoted(actors)} AS actor_level, g.*,
           {", ".join(f"e.evidence{i}" for i in range(1, evidence + 1))}
    FROM grouped AS g LEFT JOIN kept AS e
      ON g.src = e.src AND g.tgt = e.tgt AND g.period = e.period AND g.relation = e.relation
    """
    return sqlglot.transpile(sql, read="duckdb", write=dialect, pretty=pretty)[0]
