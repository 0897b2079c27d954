"""The one event importer: files of any known source -> aggregated relations -> a dataset folder.

The source description (:class:`~graph.events.sources.EventSource`) says how
to read the files; everything else (the aggregation, counting and reporting
rows, actor ids, the formula-safe writing of the folder) is the same for
every source. The aggregated groups stay in DuckDB: actor keys are resolved
in Python once per distinct key, and DuckDB formats and writes the relation
rows itself (formatting 100k+ rows in Python costs more than the whole scan).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..problems import OutputError
from ..schema import ACTOR_COLUMNS, DEFAULT_STATUS, ID_MAX, RELATION_COLUMNS, SOURCE_COLUMNS
from ..vocabulary import default_vocabulary
from ..write import check_output, dataset_files, format_csv, staged_dataset
from .actors import assign_ids
from .aggregate import (
    ACTOR_LEVELS,
    EVIDENCE_PER_RELATION,
    PERIODS,
    aggregation_sql,
    escape_formula_sql,
    period_sql,
    quoted,
)
from .report import SAMPLE_SIZE, BadRow, EventImportError, ImportReport
from .sources import GDELT, ICEWS, REJECTS_LIMIT, EventSource, events_sql

__all__ = ["import_events", "import_gdelt", "import_icews", "prepare_paths", "read_header"]

Paths = str | os.PathLike | list[str | os.PathLike] | list[str] | list[Path]
Progress = bool | Callable[[float], Any] | None

#: Columns an import adds to relations.csv after the format's own (the evidence column last).
RELATION_EXTRA = ["events", "goldstein_mean", "goldstein_sum", "quad_class", "cameo", "mentions"]
ACTOR_EXTRA = ["events"]
SOURCE_EXTRA = ["files", "machine_coded", "note"]


# --- inputs -----------------------------------------------------------------------------


def _unzip(path: Path, shown: str, tmp: str, start: int) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if not members:
                raise EventImportError(f"{shown}: the zip archive holds no file")
            for i, m in enumerate(members):
                if m.flag_bits & 0x1:
                    raise EventImportError(
                        f"{shown}: {m.filename} is encrypted; unpack it with its password first"
                    )
                target = Path(tmp) / f"zip{start}-{i}" / Path(m.filename).name
                target.parent.mkdir(parents=True)
                with zf.open(m) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)  # streamed: flat memory
                out[str(target)] = f"{shown}:{m.filename}"
    except NotImplementedError as err:  # compression method zipfile cannot read
        raise EventImportError(
            f"{shown}: the zip archive uses a compression method that cannot be read ({err}); "
            "unpack it with another tool and import the file"
        ) from err
    except RuntimeError as err:  # zipfile's "password required"
        raise EventImportError(f"{shown}: {err}; unpack it first") from err
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise EventImportError(f"{shown}: not a readable zip archive ({err})") from err
    return out


def prepare_paths(paths: Paths, tmp: str, label: str) -> dict[str, str]:
    """Check the inputs exist; unpack ``.zip`` members into ``tmp``.

    Returns a dict: file DuckDB reads -> name shown in messages.

    Examples
    --------
    >>> prepare_paths(["/no/such.CSV"], "/tmp", "GDELT")
    Traceback (most recent call last):
    ...
    graph.events.report.EventImportError: /no/such.CSV: no such file (give GDELT event files to import)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise EventImportError(f"{p}: no such file (give {label} event files to import)")
        if path.suffix.lower() == ".zip":
            out.update(_unzip(path, str(p), tmp, len(out)))
        else:
            out[str(path.resolve())] = str(p)
    if not out:
        raise EventImportError(f"no {label} event files given")
    return out


def read_header(source: EventSource, path: str, display: str) -> list[str]:
    """The column names of a file with a header; :class:`EventImportError` if it lacks one needed."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except UnicodeDecodeError as err:
        raise EventImportError(f"{display}: the header is not UTF-8 text ({err.reason})") from err
    if not first.strip():
        raise EventImportError(f"{display}: nothing was read: the file is empty")
    header = [h.strip() for h in first.rstrip("\r\n").split("\t")]
    missing = [c for c in source.required if c not in header]
    if missing:
        raise EventImportError(
            f"{display}: not an {source.label} event file: the tab-separated header lacks "
            f"{', '.join(repr(m) for m in missing)} (it has {len(header)} columns: "
            f"{', '.join(header[:6])}{'...' if len(header) > 6 else ''})"
        )
    return header


def _check_output(out: Path, inputs: list[str], force: bool) -> None:
    """Refuse a bad output before the work (the writer checks again when it writes)."""
    check_output(out, inputs, folder=True)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder; give a folder for the dataset")
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {out}: the folder is read-only; choose another folder")
    if dataset_files(out) and not force:
        raise OutputError(
            f"{out} already holds a dataset; choose an empty folder, or pass --force to replace it"
        )


# --- running the query ------------------------------------------------------------------


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


def _resolve_progress(progress: Progress) -> Callable[[float], Any] | None:
    if progress is None:  # auto: a bar only when a person watches stderr
        progress = sys.stderr.isatty()
    if progress is True:
        return _progress_bar
    return progress or None


def _execute(con: Any, sql: str, progress: Callable[[float], Any] | None) -> None:
    """Run ``sql``; poll DuckDB's progress from this thread while a worker runs it."""
    if progress is None:
        con.execute(sql)
        return
    box: dict[str, BaseException] = {}

    def work() -> None:
        try:
            con.execute(sql)
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


def _connect(tmp: str) -> Any:
    import duckdb

    config: dict[str, str | bool | int | float | list[str]] = {
        "preserve_insertion_order": False,  # lets the scan stream in any order
        "temp_directory": str(Path(tmp) / "spill"),
    }
    con = duckdb.connect(config=config)
    # Ours goes to stderr, DuckDB's to stdout. In a Jupyter kernel it is off
    # already, and setting it there fails unless ipywidgets is installed.
    (on,) = con.execute("SELECT current_setting('enable_progress_bar')").fetchone() or (False,)
    if on:
        con.execute("SET enable_progress_bar = false")
    return con


@contextlib.contextmanager
def _engine_errors(source: EventSource) -> Iterator[None]:
    """Any DuckDB failure becomes an :class:`EventImportError` with a one-line message."""
    import duckdb

    try:
        yield
    except duckdb.Error as err:
        msg = (str(err).strip().splitlines() or [type(err).__name__])[0]
        if "state machine reached an invalid state" in msg:
            msg += (
                " (a line holds a carriage return (\\r) inside a cell, or mixes line ends;"
                " save the file with one kind of line end)"
            )
        raise EventImportError(f"{source.name} import failed in DuckDB: {msg}") from err


def _bad_rows(
    con: Any, source: EventSource, displays: dict[str, str], good: int
) -> tuple[int, list[BadRow]]:
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
            {"path": path, "line": line, "column_idx": col, "column": name,
             "error_type": str(etype), "csv_line": raw, "message": message},
        )  # fmt: skip
    samples = sorted(first.values(), key=lambda r: (r["path"], r["line"]))
    bad = [
        BadRow(displays.get(r["path"], r["path"]), r["line"], _bad_reason(source, r))
        for r in samples[:SAMPLE_SIZE]
    ]
    if len(rows) < REJECTS_LIMIT:
        return len(first), bad
    # DuckDB stopped storing rejects: count the data lines instead
    lines = sum(_count_data_lines(p) - int(source.header) for p in displays)
    return max(lines - good, len(first)), bad


def _bad_reason(source: EventSource, r: dict) -> str:
    """A person's sentence for one of DuckDB's rejected rows (``reject_errors``)."""
    raw, etype, column = r["csv_line"] or "", r["error_type"], r["column"]
    if etype in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return source.width_reason.format(found=raw.count("\t") + 1)
    if etype == "CAST":
        cells = raw.split("\t")
        idx = (r["column_idx"] or 0) - 1
        value = cells[idx] if 0 <= idx < len(cells) else ""
        if column == source.date_column:
            return f'{column} "{value}" is not a date in the form {source.date_form}'
        return f'{column} "{value}" is not a number'
    if "ENCODING" in etype or "UNICODE" in etype:
        return "the line is not valid UTF-8"
    return (r["message"] or etype).splitlines()[0]


def _undated_rows(
    source: EventSource, files: dict[str, list[str]], displays: dict[str, str]
) -> list[BadRow]:
    """Lines of events without a date (DuckDB reads an empty date as NULL); rare, so a second pass."""
    found: list[BadRow] = []
    for path, columns in files.items():
        col = columns.index(source.date_column)
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for number, line in enumerate(fh, start=1):
                if number == 1 and source.header:
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) > col and cells[col].strip() in source.null_words:
                    found.append(BadRow(displays[path], number, f"{source.date_column} is empty"))
                    if len(found) >= SAMPLE_SIZE:
                        return found
    return found


def _count_data_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


# --- the import -------------------------------------------------------------------------


def _scan(
    con: Any,
    source: EventSource,
    files: dict[str, list[str]],
    displays: dict[str, str],
    report: ImportReport,
    sql: str,
    progress: Progress,
) -> None:
    """Aggregate the events into the table ``groups`` and count rows read and rejected."""
    _execute(con, f"CREATE TEMP TABLE groups AS {sql}", _resolve_progress(progress))
    undated = con.execute(
        "SELECT coalesce(sum(events), 0) FROM groups WHERE period IS NULL"
    ).fetchone()[0]
    con.execute("DELETE FROM groups WHERE period IS NULL")
    good = con.execute("SELECT coalesce(sum(events), 0) FROM groups").fetchone()[0]
    report.bad_rows, samples = _bad_rows(con, source, displays, good)
    if undated:
        report.bad_rows += undated
        samples = samples + _undated_rows(source, files, displays)
    report.bad_row_samples = sorted(samples, key=lambda b: (b.file, b.line or 0))[:SAMPLE_SIZE]
    report.rows_read = good + report.bad_rows
    if not report.rows_read:
        shown = ", ".join(report.files)
        raise EventImportError(f"nothing was read: {shown} holds no event rows (an empty file?)")
    if not good:
        raise EventImportError(
            f"no row could be read as {source.name} events ({report.bad_rows:,} bad rows), "
            f"for example {report.bad_row_samples[0]}; is this a {source.name} file?"
        )


def _resolve_actors(
    con: Any, source: EventSource, report: ImportReport, level: str
) -> tuple[dict[str, dict], dict[str, str]]:
    """Map each actor key to an actor row with a valid id; register the key -> id table."""
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
    used = "src IS NOT NULL AND tgt IS NOT NULL AND relation IS NOT NULL"
    sides = con.execute(f"""
        SELECT key, name, country, kind, sum(events) AS n FROM (
            SELECT src AS key, {hints[0]} AS name, {hints[1]} AS country, {hints[2]} AS kind, events
            FROM groups WHERE {used}
            UNION ALL
            SELECT tgt, {thints[0]}, {thints[1]}, {thints[2]}, events FROM groups WHERE {used})
        GROUP BY ALL ORDER BY key, n DESC, name""").fetchall()
    rows: dict[str, dict] = {}
    natural: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}
    unmapped: set[str] = set()
    for key, name, country, kind, n in sides:
        info = dict(source.actor(key, name, country, kind, level))
        if info.pop("unmapped", False):
            unmapped.add(key)
        if info.pop("vote_name", False) and name:
            v = votes.setdefault(info["id"], {})
            v[name] = v.get(name, 0) + n
        natural.setdefault(key, info["id"])
        rows.setdefault(info["id"], info)
    for aid, v in votes.items():  # the spelling seen most often, ties alphabetical
        rows[aid]["name"] = min(v, key=lambda n: (-v[n], n))
    report.unmapped_actors = sorted(unmapped)[:SAMPLE_SIZE]
    ids = assign_ids(rows)
    final = {ids[i]: {**row, "id": ids[i]} for i, row in rows.items()}
    keymap = {k: ids[i] for k, i in natural.items()}
    frame = pd.DataFrame(
        {"key": list(keymap), "id": list(keymap.values())}, columns=["key", "id"], dtype=object
    )
    con.register("actor_frame", frame)
    con.execute(
        "CREATE TEMP TABLE actor_map AS SELECT CAST(key AS VARCHAR) AS key, "
        "CAST(id AS VARCHAR) AS id FROM actor_frame"
    )
    con.unregister("actor_frame")
    return final, keymap


def _define_rel(con: Any, keymap: dict[str, str]) -> None:
    """Define ``rel``: one row per id pair, period and relation (merging keys of one id)."""
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


def _relation_id_sql(period: str, keymap: dict[str, str]) -> tuple[str, str]:
    """SQL of a relation's full id ``SOURCE-TARGET-PERIOD-RELATION``, and of its id from ``rid``.

    A full id over the id length limit keeps its head, cut at a ``-``, and
    gets 12 hex digits of the whole one's MD5: stable, readable, unique.
    """
    label = period_sql(period)[2]
    rid = f"source || '-' || target || '-' || {label} || '-' || relation"
    if any("-" in i for i in keymap.values()):  # "A-B" + "C" and "A" + "B-C": number repeats
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


def _relations_select(
    con: Any,
    source: EventSource,
    report: ImportReport,
    period: str,
    vocabulary: dict,
    keymap: dict[str, str],
    evidence: int,
) -> str:
    """Count what ``rel`` holds; return the SELECT of relations.csv (text cells formula-safe)."""
    _define_rel(con, keymap)
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
        "directed": "'true'",
        "status": quoted(DEFAULT_STATUS),
        "start": start,
        "end": end,
        "source_id": quoted(source.source_row["id"]),
        "note": "events || CASE WHEN events = 1 THEN ' event' ELSE ' events' END || ', CAMEO ' "
        "|| CASE WHEN length(cameo) = 2 THEN 'root ' ELSE 'base code ' END || cameo",
        "events": "events",
        "goldstein_mean": f"CASE WHEN goldstein_n > 0 THEN round({mean}, 3) END",
        "goldstein_sum": "CASE WHEN goldstein_n > 0 THEN round(goldstein_milli / 1000.0, 3) END",
        "quad_class": f"CASE WHEN {quads} > 0 THEN "
        f"list_position([quad1, quad2, quad3, quad4], {quads}) END",
        "cameo": "cameo",
        "mentions": "mentions",
        source.evidence_column: evidence_sql,
    }
    text = {"id", "source", "target", source.evidence_column}
    columns = [*RELATION_COLUMNS, *RELATION_EXTRA, source.evidence_column]
    select = ", ".join(
        f'{escape_formula_sql(exprs[c]) if c in text else exprs.get(c, "NULL")} AS "{c}"'
        for c in columns
    )
    # Sorted so that the same input gives the same bytes; the sort is over the
    # aggregated rows only (one per relation), not over the events.
    return f"""
        SELECT {select}
        FROM (SELECT *, {full_id} AS rid FROM rel JOIN vocab USING (relation)
              WHERE source <> target)
        ORDER BY period, source, target, relation
    """


def _write(
    con: Any,
    out: Path,
    source: EventSource,
    report: ImportReport,
    actor_rows: dict[str, dict],
    select: str,
    source_row: dict[str, str],
    *,
    force: bool,
    inputs: list[str],
) -> None:
    """Write the three files into a staging folder, moved into ``out`` as one step."""
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

    def table(columns: list[str], rows: list[dict]) -> str:
        return format_csv(columns, [[str(r.get(c, "") or "") for c in columns] for r in rows])

    try:
        with staged_dataset(out, force=force, inputs=inputs) as staging:
            # DuckDB formats and writes the relations itself; its CSV writer quotes a
            # field holding a comma, quote or line break and doubles the quotes, as
            # Python's csv module reads it. Text cells are escaped in the SELECT.
            con.execute(
                f"COPY ({select}) TO {quoted(str(staging / 'relations.csv'))} "
                "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"', "
                "NEW_LINE '\\n')"
            )
            for name, text in (
                ("actors.csv", table([*ACTOR_COLUMNS, *ACTOR_EXTRA], actors)),
                ("sources.csv", table([*SOURCE_COLUMNS, *SOURCE_EXTRA], [source_row])),
            ):
                with open(staging / name, "w", encoding="utf-8", newline="") as fh:
                    fh.write(text)
    except OSError as err:
        raise OutputError(f"cannot write {out}: {err.strerror or err}") from err


def import_events(
    source: EventSource,
    paths: Paths,
    out_dir: str | os.PathLike,
    *,
    period: str = "year",
    actors: str = "country",
    strict: bool = False,
    progress: Progress = None,
    evidence: int = EVIDENCE_PER_RELATION,
    force: bool = False,
) -> ImportReport:
    """Import event files of ``source`` (:data:`~graph.events.sources.GDELT`, ``ICEWS``) into ``out_dir``.

    See :func:`import_gdelt` for the parameters and the output.

    Raises
    ------
    EventImportError
        Missing, empty or unreadable input, wrong format, bad rows with
        ``strict``, or any failure of DuckDB.
    graph.problems.OutputError
        ``out_dir`` holds a dataset (without ``force``), is a file, is
        read-only, or holds one of the inputs.
    """
    if period not in PERIODS:
        raise EventImportError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if actors not in ACTOR_LEVELS:
        raise EventImportError(f"actor level {actors!r} is not one of {', '.join(ACTOR_LEVELS)}")
    if isinstance(evidence, bool) or not isinstance(evidence, int) or evidence < 0:
        raise EventImportError(f"evidence must be a whole number >= 0, not {evidence!r}")
    out = Path(out_dir)
    given = [str(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    _check_output(out, given, force)
    vocabulary = default_vocabulary()
    with tempfile.TemporaryDirectory(prefix="geograph-import-") as tmp, _engine_errors(source):
        displays = prepare_paths(given, tmp, source.label)
        files = {
            p: read_header(source, p, d) if source.header else list(source.columns or ())
            for p, d in displays.items()
        }
        report = ImportReport(
            source=source.name, files=list(displays.values()), out_dir=str(out),
            period=period, actors=actors,
        )  # fmt: skip
        sql = aggregation_sql(
            f"({events_sql(source, files, actors)})",
            period,
            vocabulary,
            hints=actors != "country",
            evidence=evidence,
        )
        con = _connect(tmp)
        try:
            _scan(con, source, files, displays, report, sql, progress)
            if strict and report.bad_rows:
                listed = "\n".join(f"  {b}" for b in report.bad_row_samples)
                raise EventImportError(
                    f"{report.bad_rows:,} bad rows in {source.name} input (strict mode); "
                    f"first ones:\n{listed}"
                )
            actor_rows, keymap = _resolve_actors(con, source, report, actors)
            select = _relations_select(con, source, report, period, vocabulary, keymap, evidence)
            names = [Path(d).name for d in displays.values()]
            shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            row = {
                "published": "",
                **source.source_row,
                "files": shown,
                "machine_coded": "true",
                "note": "Machine-coded events aggregated by geograph import: one relation per "
                f"actor pair, {period} and CAMEO relation type",
            }
            _write(con, out, source, report, actor_rows, select, row, force=force, inputs=given)
        finally:
            con.close()
    return report


def import_gdelt(
    paths: Paths,
    out_dir: str | os.PathLike,
    *,
    period: str = "year",
    actors: str = "country",
    strict: bool = False,
    progress: Progress = None,
    evidence: int = EVIDENCE_PER_RELATION,
    force: bool = False,
) -> ImportReport:
    """Import GDELT 2.0 event exports into a geograph dataset in ``out_dir``.

    Events are aggregated per (source actor, target actor, period, relation
    type) into ``relations.csv`` (status ``fact``, intensity the mean
    Goldstein score, sign that of the relation type, the quad class from the
    CAMEO root code, and in ``evidence_urls`` up to ``evidence`` of the most
    mentioned source URLs, separated by a space), with ``actors.csv`` and
    ``sources.csv``. ``relations.csv`` is sorted by period, source, target
    and relation, so the same input gives the same bytes. Every text cell is
    written formula-safe (:func:`graph.write.escape_formula`), every id
    follows the id rule, and the folder is written as one step
    (:func:`graph.write.staged_dataset`).

    Parameters
    ----------
    paths : path or list of paths
        ``*.export.CSV`` files (tab-separated, no header), or ``.zip`` archives of them.
    out_dir : path
        Dataset folder to write: absent or empty, or holding a dataset to
        replace with ``force``.
    period : {"year", "quarter", "month", "day"}
        Time bucket of a relation; its ``start`` and ``end`` are partial dates.
    actors : {"country", "actor-code"}
        ``country``: Actor1/2CountryCode (ISO3, short names);
        ``actor-code``: the full CAMEO actor code (``USAGOV``, ``PRKMIL``).
    strict : bool
        Raise :class:`EventImportError` listing the bad rows (and write nothing)
        instead of skipping and counting them.
    progress : None, bool or callable
        ``None``: a bar on stderr when it is a terminal; ``True``/``False``
        force it on/off; a callable receives the fraction done (0..1).
    evidence : int
        How many example source URLs a relation keeps: the distinct URLs
        among its ``evidence`` most mentioned events (ties broken by a hash
        of the URL, so every run keeps the same ones); 0 for none.
    force : bool
        Replace a dataset that ``out_dir`` holds (atomically).

    Returns
    -------
    ImportReport
        Rows read and rejected (with line numbers), events used and left out, relations and actors written.

    Raises
    ------
    EventImportError
        Missing, empty or unreadable file, no row in GDELT format, bad rows
        with ``strict``, or a failure of DuckDB.
    graph.problems.OutputError
        ``out_dir`` holds a dataset (without ``force``), is a file, is read-only or an input.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> row = [""] * 61
    >>> row[1], row[7], row[17], row[26], row[29], row[30], row[31] = (
    ...     "20200616", "PRK", "KOR", "1823", "4", "-10.0", "5")
    >>> _ = (tmp / "ev.CSV").write_text("\\t".join(row) + "\\n", encoding="utf-8")
    >>> report = import_gdelt([tmp / "ev.CSV"], tmp / "data", progress=False)
    >>> report.relations_written, (tmp / "data" / "relations.csv").read_text().splitlines()[1][:41]
    (1, 'PRK-KOR-2020-attack,PRK,KOR,attack,-1,-10')
    """
    return import_events(
        GDELT, paths, out_dir, period=period, actors=actors, strict=strict,
        progress=progress, evidence=evidence, force=force,
    )  # fmt: skip


def import_icews(
    paths: Paths,
    out_dir: str | os.PathLike,
    *,
    period: str = "year",
    actors: str = "country",
    strict: bool = False,
    progress: Progress = None,
    evidence: int = EVIDENCE_PER_RELATION,
    force: bool = False,
) -> ImportReport:
    """Import ICEWS event files into a geograph dataset in ``out_dir``.

    Same aggregation and output as :func:`import_gdelt`. ``Intensity`` is
    the Goldstein score; evidence are story ids (column ``story_ids``,
    separated by a space, highest event id first). At ``country`` level the
    English country names are mapped to ISO3 (names without a code stay as
    they are and are listed in the report); at ``actor-code`` level the ICEWS
    actor name becomes a valid id and stays the ``name`` (a country's own
    name is the country's actor).

    Parameters
    ----------
    paths, out_dir, period, actors, strict, progress, evidence, force
        As for :func:`import_gdelt`.

    Returns
    -------
    ImportReport

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> text = ("Event ID\\tEvent Date\\tSource Name\\tSource Country\\tCAMEO Code\\tIntensity\\t"
    ...         "Target Name\\tTarget Country\\n"
    ...         "1\\t2016-07-15\\tRecep Tayyip Erdoğan\\tTurkey\\t112\\t-2\\tUnited States\\t"
    ...         "United States\\n")
    >>> _ = (tmp / "icews.tab").write_text(text, encoding="utf-8")
    >>> import_icews([tmp / "icews.tab"], tmp / "data", progress=False).relations_written
    1
    >>> (tmp / "data" / "relations.csv").read_text(encoding="utf-8").splitlines()[1][:39]
    'TUR-USA-2016-criticize,TUR,USA,criticiz'
    """
    return import_events(
        ICEWS, paths, out_dir, period=period, actors=actors, strict=strict,
        progress=progress, evidence=evidence, force=force,
    )  # fmt: skip
