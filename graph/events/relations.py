"""The rows of relations.csv in an import: one per id pair, period and relation type.

From the table ``groups`` (the aggregation's result) and the key -> id table
``actor_map``, :func:`define_rel` defines the view ``rel`` and
:func:`relations_select` builds the ``SELECT`` that DuckDB writes as
relations.csv itself: ids, intensities, notes and evidence formatted in SQL,
every text cell formula-safe, each row one line of CSV (fields quoted in SQL,
as DuckDB's CSV writer quotes them), the rows sorted so that the same input
gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from ..schema import DEFAULT_STATUS, ID_MAX, RELATION_COLUMNS
from .aggregate import (
    csv_field,
    csv_field_sql,
    escape_formula_sql,
    never_escaped,
    period_sql,
    plain_field,
    quoted,
)
from .report import ImportReport
from .sources import EventSource

__all__ = ["RELATION_EXTRA", "define_rel", "relations_select"]

#: Columns an import adds to relations.csv after the format's own (the evidence column last).
RELATION_EXTRA = ["events", "goldstein_mean", "goldstein_sum", "quad_class", "cameo", "mentions"]


def define_rel(con: Any, keymap: dict[str, str]) -> None:
    """Define ``rel``: one row per id pair, period and relation (merging keys of one id).

    ``row_in`` numbers its rows, so that the write can share them out among threads.
    """
    if all(k == i for k, i in keymap.items()):  # each key is its own id (GDELT codes): no join
        con.execute("""
            CREATE TEMP VIEW rel AS
            SELECT src AS source, tgt AS target, * EXCLUDE (src, tgt), rowid AS row_in FROM groups
            WHERE src IS NOT NULL AND tgt IS NOT NULL AND relation IS NOT NULL
        """)
    elif len(set(keymap.values())) == len(keymap):  # renamed one to one: nothing to merge
        con.execute("""
            CREATE TEMP VIEW rel AS
            SELECT s.id AS source, t.id AS target, g.* EXCLUDE (src, tgt), g.rowid AS row_in
            FROM groups g JOIN actor_map s ON g.src = s.key JOIN actor_map t ON g.tgt = t.key
            WHERE g.relation IS NOT NULL
        """)
    else:  # two spellings of one country: the aggregates are mergeable
        con.execute("""
            CREATE TEMP TABLE merged AS
            SELECT s.id AS source, t.id AS target, g.period, g.relation,
                   sum(g.events) AS events, sum(g.goldstein_milli) AS goldstein_milli,
                   sum(g.goldstein_n) AS goldstein_n, sum(quad1) AS quad1, sum(quad2) AS quad2,
                   sum(quad3) AS quad3, sum(quad4) AS quad4, sum(g.mentions) AS mentions,
                   flatten(list(g.evidence ORDER BY g.src, g.tgt)) AS evidence
            FROM groups g JOIN actor_map s ON g.src = s.key JOIN actor_map t ON g.tgt = t.key
            WHERE g.relation IS NOT NULL
            GROUP BY ALL
        """)
        con.execute("CREATE TEMP VIEW rel AS SELECT *, rowid AS row_in FROM merged")


def _parts_sql(con: Any) -> str:
    """``rel`` as the union of one range of its rows per thread, for the write's own work.

    A table is scanned in parallel by row groups of 122,880 rows, so the 136k
    relations of a year of GDELT are one full row group and a small one: one
    thread would build (and escape) nearly every cell of ``relations.csv``.
    Each branch of a ``UNION ALL`` is scanned by its own thread, and a range
    of row numbers skips the rest of the table; the rows are the same, and
    their order is set by the sort after it.
    """
    (threads,) = con.execute("SELECT current_setting('threads')").fetchone() or (1,)
    (last,) = con.execute("SELECT max(row_in) FROM rel").fetchone() or (None,)
    n = max(1, min(int(threads), 8))
    if n == 1 or last is None:
        return "rel"
    step = int(last) // n + 1
    shares = (
        f"SELECT * FROM rel WHERE row_in >= {i * step} AND row_in < {(i + 1) * step}"
        for i in range(n)
    )
    return "(" + " UNION ALL ".join(shares) + ")"


def _numbered(keymap: dict[str, str]) -> bool:
    """Whether two relations can join their ids into one full id ("A-B" + "C", "A" + "B-C")."""
    return any("-" in i for i in keymap.values())


def _relation_id_sql(period: str, keymap: dict[str, str]) -> tuple[str, str]:
    """SQL of a relation's full id ``SOURCE-TARGET-PERIOD-RELATION``, and of its id from ``rid``.

    A full id over the id length limit keeps its head, cut at a ``-``, and
    gets 12 hex digits of the whole one's MD5: stable, readable, unique.
    Repeated full ids are numbered (:func:`_numbered`), by a window.
    """
    label = period_sql(period)[2]
    rid = f"source || '-' || target || '-' || {label} || '-' || relation"
    if _numbered(keymap):  # number the repeats
        win = f"row_number() OVER (PARTITION BY {rid} ORDER BY source, target)"
        rid = f"{rid} || CASE WHEN {win} > 1 THEN '-' || {win} ELSE '' END"
    n = ID_MAX - 13
    head = f"left(rid, {n})"
    cut = f"regexp_replace({head}, '-[^-]*$', '')"  # the head without its last, cut word
    head = (
        f"rtrim(CASE WHEN substr(rid, {n + 1}, 1) = '-' THEN {head} "
        f"WHEN length({cut}) >= 12 THEN {cut} ELSE {head} END, '-')"
    )
    short = (
        f"CASE WHEN length(rid) <= {ID_MAX} THEN rid ELSE {head} || '-' || left(md5(rid), 12) END"
    )
    return rid, short


def relations_select(
    con: Any,
    source: EventSource,
    report: ImportReport,
    period: str,
    vocabulary: dict,
    keymap: dict[str, str],
    evidence: int,
) -> str:
    """Count what ``rel`` holds; return the SELECT of relations.csv's lines (text cells formula-safe).

    One text column, named as the header line, holds each row as a line of CSV.
    """
    define_rel(con, keymap)
    same, used, n = con.execute(
        "SELECT coalesce(sum(events) FILTER (WHERE source = target), 0), "
        "coalesce(sum(events) FILTER (WHERE source <> target), 0), "
        "count(*) FILTER (WHERE source <> target) FROM rel"
    ).fetchone()
    report.events_same_actor, report.events_used, report.relations_written = same, used, n
    values = ", ".join(
        f"({quoted(name)}, {v['sign']}, {float(v['intensity'])}, {quoted(v['cameo'])})"
        for name, v in vocabulary.items()
    )
    con.execute(
        f"CREATE TEMP TABLE vocab AS SELECT * FROM (VALUES {values}) "
        "t(relation, sign, default_intensity, cameo)"
    )
    start, end, _ = period_sql(period)
    full_id, short_id = _relation_id_sql(period, keymap)
    quads = "greatest(quad1, quad2, quad3, quad4)"
    mean = "goldstein_milli / (1000.0 * goldstein_n)"
    # The first `evidence` distinct texts, in rank order (list_distinct would lose the order).
    kept = [
        f"evidence[{i}]"
        if i == 1
        else f"CASE WHEN evidence[{i}] NOT IN ({', '.join(f'evidence[{j}]' for j in range(1, i))})"
        f" THEN evidence[{i}] END"
        for i in range(1, evidence + 1)
    ]
    evidence_sql = f"nullif(concat_ws(' ', {', '.join(kept)}), '')" if kept else "NULL"
    exprs = {
        "id": short_id,
        "source": "source",
        "target": "target",
        "relation": "relation",
        "sign": "sign",
        "intensity": f"round(greatest(-10, least(10, CASE WHEN goldstein_n > 0 THEN {mean} "
        "ELSE default_intensity END)), 3)",
        "start": start,
        "end": end,
        "note": "events || CASE WHEN events = 1 THEN ' event' ELSE ' events' END || ', CAMEO ' "
        "|| CASE WHEN length(cameo) = 2 THEN 'root ' ELSE 'base code ' END || cameo",
        "events": "events",
        "goldstein_mean": f"CASE WHEN goldstein_n > 0 THEN round({mean}, 3) END",
        "goldstein_sum": "CASE WHEN goldstein_n > 0 THEN round(goldstein_milli / 1000.0, 3) END",
        # The first class with the most events (a CASE: a list per row costs more).
        "quad_class": f"CASE WHEN {quads} > 0 THEN CASE {quads} WHEN quad1 THEN 1 "
        "WHEN quad2 THEN 2 WHEN quad3 THEN 3 ELSE 4 END END",
        "cameo": "cameo",
        "mentions": "mentions",
        source.evidence_column: evidence_sql,
    }
    text = {"id", "source", "target", source.evidence_column}
    if all(map(never_escaped, [*keymap.values(), *vocabulary])):  # the ids are known here
        text = {source.evidence_column}
    columns = [*RELATION_COLUMNS, *RELATION_EXTRA, source.evidence_column]
    constants = {"directed": "true", "status": DEFAULT_STATUS, "source_id": source.source_row["id"]}
    # The values first, escaped in the middle query: the escape repeats its argument,
    # which must be a column there, not the id's or the evidence's whole expression.
    # The line is built over those (csv_field_sql repeats its argument too).
    inner = ", ".join(f"{sql} AS {_name(c)}" for c, sql in exprs.items())
    middle = ", ".join(
        f"{escape_formula_sql(f'v.{_name(c)}')} AS {_name(c)}" if c in text else f"v.{_name(c)}"
        for c in exprs
    )
    line = _line_sql(columns, constants, exprs, _plain_columns(keymap, vocabulary))
    header = _name(",".join(map(csv_field, columns)))
    # Sorted so that the same input gives the same bytes; the sort is over the
    # aggregated rows only (one per relation), not over the events. (Sorting the
    # raw rows and formatting them after the sort uses less CPU, but the rows
    # leave a sort on fewer threads: no faster on the 1M-event file, and the
    # order would hang on preserve_insertion_order keeping a subquery's.)
    return f"""
        SELECT {line} AS {header} FROM (
            SELECT {middle}, v.source AS sort_source, v.target AS sort_target,
                   v.sort_period, v.sort_relation
            FROM (SELECT {inner}, period AS sort_period, relation AS sort_relation
                  FROM (SELECT *, {full_id} AS rid FROM {_parts_sql(con)}
                        JOIN vocab USING (relation) WHERE source <> target)) v) w
        ORDER BY w.sort_period, w.sort_source, w.sort_target, w.sort_relation
    """


#: The numeric columns of relations.csv's rows: written as DuckDB casts them to text.
_NUMBERS = {
    "sign",
    "intensity",
    "events",
    "goldstein_mean",
    "goldstein_sum",
    "quad_class",
    "mentions",
}


def _plain_columns(keymap: dict[str, str], vocabulary: dict) -> set[str]:
    """The text columns whose every cell is a plain CSV field, known from the ids and the vocabulary.

    A relation id joins two actor ids, a period, a relation type and digits
    with ``-`` (or is cut and given hex digits), an escaped id gains ``'``:
    plain when its parts are. Periods are digits, ``-`` and ``Q``.
    """
    plain = {"start", "end"}
    if all(map(plain_field, [*keymap.values(), *vocabulary])):
        plain |= {"id", "source", "target", "relation"}
    if all(plain_field(v["cameo"]) for v in vocabulary.values() if v["cameo"]):
        plain.add("cameo")
    return plain


def _line_sql(
    columns: list[str], constants: dict[str, str], exprs: dict[str, str], plain: set[str]
) -> str:
    """SQL of a row of relations.csv as one text: its fields, as DuckDB's CSV writer quoted them.

    DuckDB writes these lines with its quoting off (``QUOTE ''``): its writer
    tests every byte of every cell for a character to quote, which cost more
    than building the row in SQL, where only the cells that may need quotes
    are tested (:func:`~graph.events.aggregate.csv_field_sql`).
    """
    parts: list[tuple[bool, str]] = []  # (is literal text, text or SQL)
    for i, c in enumerate(columns):
        if i:
            parts.append((True, ","))
        if c in constants:
            parts.append((True, csv_field(constants[c])))
        elif c in _NUMBERS or c in plain:
            parts.append((False, f"w.{_name(c)}"))
        elif c == "note" and "cameo" in plain:  # "n events, CAMEO ...": quoted, holds no quote
            parts += [(True, '"'), (False, f"w.{_name(c)}"), (True, '"')]
        elif c in exprs:
            parts.append((False, csv_field_sql(f"w.{_name(c)}")))
        # else: a column the import leaves empty
    merged: list[tuple[bool, str]] = []
    for literal, text in parts:  # adjacent literals as one
        if literal and merged and merged[-1][0]:
            merged[-1] = (True, merged[-1][1] + text)
        else:
            merged.append((literal, text))
    # concat writes a NULL as nothing, as the CSV writer did, and casts numbers as it did.
    return f"concat({', '.join(quoted(t) if lit else t for lit, t in merged)})"


def _name(column: str) -> str:
    """A SQL identifier in double quotes."""
    return '"' + column.replace('"', '""') + '"'
