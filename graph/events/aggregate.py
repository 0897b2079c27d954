"""Aggregate events into dyadic relations with one SQL statement, and write the dataset.

The aggregation is expressed once, as SQL over a table of normalised events
(:data:`EVENT_COLUMNS`), so that the same statement runs wherever the events
are: DuckDB embedded here (streaming, out-of-core, all cores), or Spark /
BigQuery when the history no longer fits one machine. Only the aggregated
rows (one per actor pair, period and relation type) come back to Python.

Every aggregate is mergeable (counts and sums, per-quad counts, top-k
evidence), so partial results from several files, partitions or engines can
be combined, and actor keys that map onto one id (two spellings of one
country) are merged after the query.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..files import atomic_open, atomic_path
from ..vocabulary import default_vocabulary
from .report import SAMPLE_SIZE, BadRow, EventImportError, ImportReport

__all__ = [
    "PERIODS",
    "ACTOR_LEVELS",
    "EVENT_COLUMNS",
    "relation_case_sql",
    "aggregation_sql",
    "evidence_key_sql",
    "EventScan",
    "run_import",
]

PERIODS = ("year", "quarter", "month", "day")
ACTOR_LEVELS = ("country", "actor-code")

#: Columns the source readers produce, one row per event.
EVENT_COLUMNS = (
    "src",
    "tgt",  # actor keys at the chosen level; NULL when missing
    "src_name",
    "tgt_name",  # names given by the data (actor-code level), else NULL
    "src_country",
    "tgt_country",  # the actor's country (actor-code level), else NULL
    "src_kind",
    "tgt_kind",  # a type hint (GDELT Type1Code, ICEWS sectors), else NULL
    "day",  # DATE of the event
    "code",  # full CAMEO event code as TEXT ("0841")
    "goldstein",  # DOUBLE, -10..10
    "quad",  # QuadClass 1..4
    "mentions",  # INTEGER or NULL
    "evidence",  # URL or story id
    "rank",  # evidence preference: the k highest are kept
)

EVIDENCE_PER_RELATION = 3
RELATION_COLUMNS = [
    "id",
    "source",
    "target",
    "relation",
    "sign",
    "intensity",
    "directed",
    "status",
    "start",
    "end",
    "source_id",
    "said_by",
    "quote",
    "note",
    "events",
    "goldstein_mean",
    "goldstein_sum",
    "quad_class",
    "cameo",
    "mentions",
    "evidence",
]
ACTOR_COLUMNS = ["id", "name", "type", "aliases", "group", "description", "events"]
SOURCE_COLUMNS = [
    "id",
    "title",
    "publisher",
    "author",
    "published",
    "url",
    "files",
    "machine_coded",
    "note",
]


def relation_case_sql(code: str = "code", vocabulary: dict | None = None) -> str:
    """SQL ``CASE`` mapping a CAMEO event code to a relation type of the vocabulary.

    Derived from the vocabulary's ``cameo`` column: the longest code that
    prefixes the event code wins (``046`` negotiate before ``04`` consult).
    Codes outside the vocabulary give NULL.

    Examples
    --------
    >>> import duckdb
    >>> sql = relation_case_sql("c")
    >>> duckdb.sql(f"SELECT c, {sql} FROM (VALUES ('040'), ('0461'), ('163'), ('1823'), ('99')) t(c)").fetchall()
    [('040', 'consult'), ('0461', 'negotiate'), ('163', 'sanction'), ('1823', 'attack'), ('99', None)]
    """
    vocabulary = vocabulary or default_vocabulary()
    by_length: dict[int, dict[str, str]] = {}
    for name, entry in vocabulary.items():
        if entry["cameo"]:
            by_length.setdefault(len(entry["cameo"]), {})[entry["cameo"]] = name
    sql = "NULL"
    for length in sorted(by_length):  # shortest innermost, so longer codes are tried first
        whens = " ".join(f"WHEN '{c}' THEN '{n}'" for c, n in sorted(by_length[length].items()))
        sql = f"CASE left({code}, {length}) {whens} ELSE {sql} END"
    return sql


def evidence_key_sql(evidence: str = "evidence", rank: str = "rank") -> str:
    """SQL ranking key of an event's evidence: its ``rank``, ties broken by a hash of the text.

    The tie-break makes the kept evidence the same on every run, whatever the
    order in which threads meet the events. It is NULL when there is no
    evidence, so such events never take a slot. (BigQuery: ``FARM_FINGERPRINT``
    for ``hash``.)

    Examples
    --------
    >>> import duckdb
    >>> sql = evidence_key_sql("e", "r")
    >>> rows = "(VALUES ('a', 5), ('b', 9), (NULL, 99)) t(e, r)"
    >>> duckdb.sql(f"SELECT max_by(e, {sql}, 2) FROM {rows}").fetchall()
    [(['b', 'a'],)]
    """
    return (
        f"CASE WHEN {evidence} IS NOT NULL THEN "
        f"(least(greatest(coalesce({rank}, 0), 0), 2147483647)::BIGINT << 31)"
        f" + (hash({evidence}) >> 33)::BIGINT END"
    )


def aggregation_sql(
    events: str,
    period: str = "year",
    vocabulary: dict | None = None,
    hints: bool = True,
    evidence: int = EVIDENCE_PER_RELATION,
) -> str:
    """The one aggregation: normalised events -> one row per (src, tgt, period, relation).

    ``events`` is a table name or a parenthesised ``SELECT`` giving
    :data:`EVENT_COLUMNS`. Apart from ``max_by(x, y, k)`` (top-k, DuckDB;
    ``ARRAY_AGG(x ORDER BY y DESC LIMIT k)`` in BigQuery) and ``hash`` it is
    plain SQL. ``evidence`` is how many example URLs / story ids a relation
    keeps (the ``evidence`` highest ranked events, 0 for none).
    ``hints=False`` leaves out the actor name/country/kind samples, which
    only the actor-code level needs. Goldstein scores are summed as integer
    thousandths (``goldstein_milli``): a floating-point sum depends on the
    order in which threads add, and its last bit can flip a rounded mean.

    Examples
    --------
    >>> print(aggregation_sql("events", "month").splitlines()[1].strip())
    SELECT src, tgt, CAST(date_trunc('month', day) AS DATE) AS period,
    """
    if period not in PERIODS:
        raise EventImportError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    hint_sql = (
        "".join(f",\n               any_value({c}) AS {c}" for c in EVENT_COLUMNS[2:8])
        if hints
        else ""
    )
    if evidence > 0:
        evidence_sql = f"max_by(evidence, {evidence_key_sql()}, {int(evidence)})"
    else:
        evidence_sql = "CAST([] AS VARCHAR[])"
    return f"""
        SELECT src, tgt, CAST(date_trunc('{period}', day) AS DATE) AS period,
               {relation_case_sql("code", vocabulary)} AS relation,
               count(*) AS events,
               sum(CAST(round(goldstein * 1000) AS BIGINT)) AS goldstein_milli,
               count(goldstein) AS goldstein_n,
               count(*) FILTER (WHERE quad = 1) AS quad1, count(*) FILTER (WHERE quad = 2) AS quad2,
               count(*) FILTER (WHERE quad = 3) AS quad3, count(*) FILTER (WHERE quad = 4) AS quad4,
               sum(mentions) AS mentions,
               {evidence_sql} AS evidence,
               any_value(code) AS some_code{hint_sql}
        FROM {events}
        GROUP BY ALL
    """


@dataclass
class EventScan:
    """What a source reader hands to :func:`run_import`.

    ``events_sql`` selects :data:`EVENT_COLUMNS` from the files (with
    ``store_rejects`` on, so bad rows land in DuckDB's ``reject_errors``).
    """

    source: str  # "gdelt" or "icews"
    events_sql: str
    displays: dict[str, str]  # file DuckDB reads -> name shown to users
    header_lines: int  # header lines per file (not data)
    source_row: dict[str, str]
    # (key, name, country, kind, level) -> {"id", "name", "type", "aliases", "group",
    # "description", optional "unmapped" and "vote_name" flags}; called per distinct key.
    actor_info: Callable[..., dict]
    bad_reason: Callable[[dict], str]  # a reject_errors row -> a reason text
    rejects_limit: int = 10_000
    date_index: dict[str, int] | None = None  # file -> 0-based column of the event date
    date_column: str = "date"


# --- running the query ---------------------------------------------------------------


def _progress_bar(fraction: float, _state={"last": -1}) -> None:  # noqa: B006 - redraw guard
    pct = int(fraction * 100)
    if pct == _state["last"]:
        return
    _state["last"] = pct
    done = pct // 4
    sys.stderr.write(f"\rimporting events [{'#' * done}{'.' * (25 - done)}] {pct:3d}%")
    if pct >= 100:
        sys.stderr.write("\n")
        _state["last"] = -1
    sys.stderr.flush()


def _resolve_progress(progress) -> Callable[[float], None] | None:
    if progress is None:  # auto: a bar only when a person watches stderr
        progress = sys.stderr.isatty()
    if progress is True:
        return _progress_bar
    return progress or None


def _execute(con, sql: str, progress: Callable[[float], None] | None) -> list[tuple]:
    """Run ``sql``; poll DuckDB's progress from this thread while a worker fetches."""
    if progress is None:
        return con.execute(sql).fetchall()
    box: dict = {}

    def work():
        try:
            box["rows"] = con.execute(sql).fetchall()
        except BaseException as err:  # re-raised in the caller's thread
            box["error"] = err

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.25)
            with contextlib.suppress(Exception):
                fraction = con.query_progress()
                if 0 <= fraction <= 100:
                    progress(min(fraction / 100, 0.99))
    except KeyboardInterrupt:
        con.interrupt()
        worker.join()
        raise
    if "error" in box:
        raise box["error"]
    progress(1.0)
    return box["rows"]


def _connect(tmp: str):
    import duckdb

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")  # ours goes to stderr, DuckDB's to stdout
    con.execute("SET preserve_insertion_order = false")  # lets the scan stream in any order
    con.execute(f"SET temp_directory = '{Path(tmp) / 'spill'}'")
    return con


def _bad_rows(con, scan: EventScan, good_rows: int, report: ImportReport) -> None:
    rows = con.execute("""
        SELECT s.file_path, e.line, e.column_idx, e.column_name, e.error_type, e.csv_line,
               e.error_message
        FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
        ORDER BY s.file_path, e.line, e.column_idx
    """).fetchall()
    first: dict[tuple[str, int], dict] = {}
    for path, line, col, name, etype, raw, message in rows:
        first.setdefault(
            (path, line),
            dict(
                path=path,
                line=line,
                column_idx=col,
                column=name,
                error_type=str(etype),
                csv_line=raw,
                message=message,
            ),
        )
    samples = sorted(first.values(), key=lambda r: (r["path"], r["line"]))
    report.bad_row_samples = [
        BadRow(scan.displays.get(r["path"], r["path"]), r["line"], scan.bad_reason(r))
        for r in samples[:SAMPLE_SIZE]
    ]
    if len(rows) < scan.rejects_limit:
        report.bad_rows = len(first)
    else:  # DuckDB stopped storing rejects: count the data lines instead
        lines = sum(_count_data_lines(p) - scan.header_lines for p in scan.displays)
        report.bad_rows = max(lines - good_rows, len(first))


def _undated_rows(scan: EventScan, undated: int, report: ImportReport) -> None:
    """Find the lines of events without a date (DuckDB reads an empty date as NULL).

    Real exports have none, so this second pass over the files is rare.
    """
    found: list[BadRow] = []
    for path, display in scan.displays.items():
        col = (scan.date_index or {}).get(path)
        if col is None:
            continue
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for number, line in enumerate(fh, start=1):
                if number <= scan.header_lines:
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) > col and cells[col].strip() in ("", "NA"):
                    found.append(BadRow(display, number, f"{scan.date_column} is empty"))
                    if len(found) >= SAMPLE_SIZE:
                        break
        if len(found) >= SAMPLE_SIZE:
            break
    report.bad_rows += undated
    report.bad_row_samples = sorted(
        report.bad_row_samples + found, key=lambda b: (b.file, b.line or 0)
    )[:SAMPLE_SIZE]


def _count_data_lines(path: str) -> int:
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


# --- turning aggregated rows into the dataset ------------------------------------------
#
# The aggregated groups stay in DuckDB: actor keys are resolved in Python once
# per distinct key (a few thousand), and the relation rows are formatted and
# written by DuckDB, because formatting 100k+ rows in Python costs more than
# the whole scan.


def _period_sql(period: str) -> tuple[str, str, str]:
    """SQL for (start, end, label) of a period beginning on DATE ``period``."""
    if period == "year":
        y = "strftime(period, '%Y')"
        return y, y, y
    if period == "quarter":
        return (
            "strftime(period, '%Y-%m')",
            "strftime(period + INTERVAL 2 MONTH, '%Y-%m')",
            "strftime(period, '%Y') || '-Q' || quarter(period)",
        )
    fmt = "'%Y-%m'" if period == "month" else "'%Y-%m-%d'"
    return (f"strftime(period, {fmt})",) * 3


def run_import(
    scan: EventScan,
    out_dir,
    *,
    period: str,
    actors: str,
    strict: bool,
    progress,
    tmp: str,
    evidence: int = EVIDENCE_PER_RELATION,
) -> ImportReport:
    """Run the aggregation for ``scan`` and write actors, relations and sources CSV."""
    if period not in PERIODS:
        raise EventImportError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if actors not in ACTOR_LEVELS:
        raise EventImportError(f"actor level {actors!r} is not one of {', '.join(ACTOR_LEVELS)}")
    vocabulary = default_vocabulary()
    report = ImportReport(
        source=scan.source,
        files=list(scan.displays.values()),
        out_dir=str(out_dir),
        period=period,
        actors=actors,
    )
    con = _connect(tmp)
    try:
        if not isinstance(evidence, int) or evidence < 0:
            raise EventImportError(f"evidence must be a whole number >= 0, not {evidence!r}")
        sql = aggregation_sql(
            f"({scan.events_sql})", period, vocabulary, hints=actors != "country", evidence=evidence
        )
        try:
            _execute(con, f"CREATE TEMP TABLE groups AS {sql}", _resolve_progress(progress))
        except Exception as err:  # DuckDB: unreadable file, I/O error...
            msg = str(err).splitlines()[0]
            raise EventImportError(f"cannot read {scan.source} events: {msg}") from err
        undated = con.execute(
            "SELECT coalesce(sum(events), 0) FROM groups WHERE period IS NULL"
        ).fetchone()[0]
        con.execute("DELETE FROM groups WHERE period IS NULL")
        good = con.execute("SELECT coalesce(sum(events), 0) FROM groups").fetchone()[0]
        _bad_rows(con, scan, good, report)
        if undated:
            _undated_rows(scan, undated, report)
        report.rows_read = good + report.bad_rows
        if strict and report.bad_rows:
            listed = "\n".join(f"  {b}" for b in report.bad_row_samples)
            raise EventImportError(
                f"{report.bad_rows:,} bad rows in {scan.source} input (strict mode); "
                f"first ones:\n{listed}"
            )
        if report.rows_read and not good:
            raise EventImportError(
                f"no row could be read as {scan.source} events ({report.bad_rows:,} bad rows), "
                f"for example {report.bad_row_samples[0]}; is this a {scan.source} file?"
            )
        actor_rows, keymap = _resolve_actors(con, scan, report, actors)
        select = _relations(con, scan, report, period, vocabulary, keymap, evidence)
        _write(con, Path(out_dir), scan, report, actor_rows, select)
    finally:
        con.close()
    return report


def _resolve_actors(con, scan: EventScan, report: ImportReport, level: str):
    """Map each actor key to an actor row; register the key -> id table in DuckDB."""
    import pandas as pd

    report.events_missing_actor = con.execute(
        "SELECT coalesce(sum(events), 0) FROM groups WHERE src IS NULL OR tgt IS NULL"
    ).fetchone()[0]
    codes = con.execute("""
        SELECT some_code, sum(events) AS n FROM groups
        WHERE src IS NOT NULL AND tgt IS NOT NULL AND relation IS NULL
        GROUP BY 1 ORDER BY n DESC, 1""").fetchall()
    report.events_unknown_code = sum(n for _, n in codes)
    report.unknown_codes = [str(c) for c, _ in codes[:SAMPLE_SIZE]]

    hints = ("src_name", "src_country", "src_kind") if level != "country" else ("NULL",) * 3
    thints = tuple(h.replace("src_", "tgt_") for h in hints)
    sides = con.execute(f"""
        SELECT key, name, country, kind, sum(events) AS n FROM (
            SELECT src AS key, {hints[0]} AS name, {hints[1]} AS country, {hints[2]} AS kind, events
            FROM groups WHERE src IS NOT NULL AND tgt IS NOT NULL AND relation IS NOT NULL
            UNION ALL
            SELECT tgt, {thints[0]}, {thints[1]}, {thints[2]}, events
            FROM groups WHERE src IS NOT NULL AND tgt IS NOT NULL AND relation IS NOT NULL)
        GROUP BY ALL ORDER BY key, n DESC, name""").fetchall()
    rows: dict[str, dict] = {}
    keymap: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}
    unmapped: set[str] = set()
    for key, name, country, kind, n in sides:
        info = dict(scan.actor_info(key, name, country, kind, level))
        if info.pop("unmapped", False):
            unmapped.add(key)
        if info.pop("vote_name", False) and name:
            v = votes.setdefault(info["id"], {})
            v[name] = v.get(name, 0) + n
        keymap.setdefault(key, info["id"])
        rows.setdefault(info["id"], info)
    for aid, v in votes.items():  # the spelling seen most often, ties alphabetical
        rows[aid]["name"] = min(v, key=lambda n: (-v[n], n))
    report.unmapped_actors = sorted(unmapped)[:SAMPLE_SIZE]
    frame = pd.DataFrame(
        {"key": list(keymap), "id": list(keymap.values())}, columns=["key", "id"], dtype=object
    )
    con.register("actor_frame", frame)
    con.execute(
        "CREATE TEMP TABLE actor_map AS SELECT CAST(key AS VARCHAR) AS key, "
        "CAST(id AS VARCHAR) AS id FROM actor_frame"
    )
    con.unregister("actor_frame")
    return rows, keymap


def _relations(
    con,
    scan: EventScan,
    report: ImportReport,
    period: str,
    vocabulary,
    keymap: dict[str, str],
    evidence: int,
) -> str:
    """Define ``rel`` (one row per id pair, period, relation), count; return the output SELECT."""
    if all(k == i for k, i in keymap.items()):  # each key is its own id (GDELT codes): no join
        con.execute("""
            CREATE TEMP VIEW rel AS
            SELECT src AS source, tgt AS target, * EXCLUDE (src, tgt) FROM groups
            WHERE src IS NOT NULL AND tgt IS NOT NULL AND relation IS NOT NULL
        """)
    elif len(set(keymap.values())) == len(keymap):  # renamed one to one: nothing to merge
        con.execute("""
            CREATE TEMP VIEW rel AS
            SELECT s.id AS source, t.id AS target, g.* EXCLUDE (src, tgt)
            FROM groups g JOIN actor_map s ON g.src = s.key JOIN actor_map t ON g.tgt = t.key
            WHERE g.relation IS NOT NULL
        """)
    else:  # two spellings of one country: the aggregates are mergeable
        con.execute("""
            CREATE TEMP TABLE rel AS
            SELECT s.id AS source, t.id AS target, g.period, g.relation,
                   sum(g.events) AS events, sum(g.goldstein_milli) AS goldstein_milli,
                   sum(g.goldstein_n) AS goldstein_n, sum(quad1) AS quad1, sum(quad2) AS quad2,
                   sum(quad3) AS quad3, sum(quad4) AS quad4, sum(g.mentions) AS mentions,
                   flatten(list(g.evidence ORDER BY g.src, g.tgt)) AS evidence
            FROM groups g JOIN actor_map s ON g.src = s.key JOIN actor_map t ON g.tgt = t.key
            WHERE g.relation IS NOT NULL
            GROUP BY ALL
        """)
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
    start, end, label = _period_sql(period)
    rid = f"source || '-' || target || '-' || {label} || '-' || relation"
    if any("-" in i for i in keymap.values()):  # "A-B" + "C" and "A" + "B-C": number repeats
        win = f"row_number() OVER (PARTITION BY {rid} ORDER BY source, target)"
        rid = f"{rid} || CASE WHEN {win} > 1 THEN '-' || {win} ELSE '' END"
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
    # Sorted so that the same input gives the same bytes; the sort is over the
    # aggregated rows only (one per relation), not over the events.
    return f"""
        SELECT {rid} AS id, source, target, relation, sign,
            round(greatest(-10, least(10, CASE WHEN goldstein_n > 0 THEN {mean}
                                               ELSE default_intensity END)), 3) AS intensity,
            'true' AS directed, 'fact' AS status, {start} AS "start", {end} AS "end",
            {quoted(scan.source_row["id"])} AS source_id, NULL AS said_by, NULL AS quote,
            events || CASE WHEN events = 1 THEN ' event' ELSE ' events' END || ', CAMEO '
                || CASE WHEN length(cameo) = 2 THEN 'root ' ELSE 'base code ' END || cameo AS note,
            events,
            CASE WHEN goldstein_n > 0 THEN round({mean}, 3) END AS goldstein_mean,
            CASE WHEN goldstein_n > 0 THEN round(goldstein_milli / 1000.0, 3) END AS goldstein_sum,
            CASE WHEN {quads} > 0 THEN list_position([quad1, quad2, quad3, quad4], {quads})
                 END AS quad_class,
            cameo, mentions, {evidence_sql} AS evidence
        FROM rel JOIN vocab USING (relation)
        WHERE source <> target
        ORDER BY period, source, target, relation
    """


def _write(
    con, out: Path, scan: EventScan, report: ImportReport, actor_rows: dict[str, dict], select: str
) -> None:
    counts = dict(
        con.execute("""
        SELECT id, sum(events) FROM (SELECT source AS id, events FROM rel WHERE source <> target
                                     UNION ALL
                                     SELECT target, events FROM rel WHERE source <> target)
        GROUP BY id""").fetchall()
    )
    actors = [
        {**a, "aliases": ";".join(a.get("aliases") or []), "events": str(counts[aid])}
        for aid, a in sorted(actor_rows.items())
        if aid in counts
    ]
    report.actors_written = len(actors)

    def write(name: str, header: list[str], rows: list[dict]) -> None:
        with atomic_open(out / name, "w", newline="") as fh:
            w = csv.DictWriter(fh, header, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)

    # DuckDB formats and writes the relations itself, straight into a file beside
    # the target (formatting 100k+ rows in Python costs more than the scan).
    # Its CSV writer quotes a field holding a comma, quote or line break and
    # doubles the quotes, as Python's csv module reads it. Written first, so
    # that a failure leaves the three files as they were; renamed last,
    # because relations point at actors and sources.
    with atomic_path(out / "relations.csv") as staged:
        con.execute(
            f"COPY ({select}) TO {quoted(str(staged))} "
            "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"', "
            "NEW_LINE '\\n')"
        )
        write("sources.csv", SOURCE_COLUMNS, [scan.source_row])
        write("actors.csv", ACTOR_COLUMNS, actors)


def prepare_paths(paths, tmp: str, source: str) -> dict[str, str]:
    """Check the inputs exist; unpack ``.zip`` members into ``tmp``.

    Returns a dict: file DuckDB reads -> name shown in messages.
    """
    import shutil
    import zipfile

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise EventImportError(f"{p}: no such file (give {source} event files to import)")
        if path.suffix.lower() != ".zip":
            out[str(path.resolve())] = str(p)
            continue
        try:
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.infolist() if not m.is_dir()]
                if not members:
                    raise EventImportError(f"{p}: the zip archive holds no file")
                for i, m in enumerate(members):
                    target = Path(tmp) / f"zip{len(out)}-{i}" / Path(m.filename).name
                    target.parent.mkdir(parents=True)
                    with zf.open(m) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)  # streamed: flat memory
                    out[str(target)] = f"{p}:{m.filename}"
        except (zipfile.BadZipFile, OSError) as err:
            raise EventImportError(f"{p}: not a readable zip archive ({err})") from err
    if not out:
        raise EventImportError(f"no {source} event files given")
    return out


@contextlib.contextmanager
def workspace():
    """A temporary folder for unpacked zips and DuckDB's spill files."""
    with tempfile.TemporaryDirectory(prefix="geograph-import-") as tmp:
        yield tmp


def quoted(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def bad_row_reason(r: dict, *, date_column: str, date_form: str, width: str) -> str:
    """A person's sentence for one of DuckDB's rejected rows (``reject_errors``).

    ``width`` says what a row with the wrong number of columns should have;
    ``{found}`` in it is replaced by the count found.
    """
    raw, etype, column = r["csv_line"] or "", r["error_type"], r["column"]
    if etype in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return width.format(found=raw.count("\t") + 1)
    if etype == "CAST":
        cells = raw.split("\t")
        idx = (r["column_idx"] or 0) - 1
        value = cells[idx] if 0 <= idx < len(cells) else ""
        if column == date_column:
            return f'{column} "{value}" is not a date in the form {date_form}'
        return f'{column} "{value}" is not a number'
    if "ENCODING" in etype or "UNICODE" in etype:
        return "the line is not valid UTF-8"
    return (r["message"] or etype).splitlines()[0]
