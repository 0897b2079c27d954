"""Bring an engine's aggregation home: its result (CSV or Parquet) -> the dataset a local import writes.

The result is what :func:`graph.events.engines.engine_sql` selects, run in
Spark, BigQuery or DuckDB: one row per (source, target, period, relation
type), with the source, period unit and actor level in its first columns.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ..vocabulary import default_vocabulary
from .duck import Progress, connect, engine_errors, execute, resolve_progress
from .engines import ENGINE_COLUMNS, HINT_COLUMNS
from .importer import finish_import
from .inputs import Paths, check_output_folder
from .report import EventImportError, ImportReport
from .sources import SOURCES

__all__ = ["import_aggregated"]


def _files(paths: Paths) -> list[str]:
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files: list[str] = []
    for p in given:
        path = Path(p)
        if path.is_dir():  # Spark writes a folder of part files
            parts = sorted(
                str(f)
                for f in path.iterdir()
                if f.is_file() and f.suffix.lower() in (".csv", ".parquet")
            )
            if not parts:
                raise EventImportError(f"{p}: the folder holds no .csv or .parquet part file")
            files += parts
        elif path.is_file():
            files.append(str(path))
        else:
            raise EventImportError(f"{p}: no such file (give an engine's aggregation result)")
    if not files:
        raise EventImportError("no aggregation result given")
    return files


def _reader(files: list[str]) -> str:
    listed = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
    if all(f.lower().endswith(".parquet") for f in files):
        return f"read_parquet({listed}, union_by_name = true)"
    if any(f.lower().endswith(".parquet") for f in files):
        raise EventImportError("give either CSV or Parquet files of one result, not both")
    return f"read_csv({listed}, header = true, all_varchar = true, union_by_name = true)"


def import_aggregated(
    paths: Paths, out_dir: str | os.PathLike, *, force: bool = False, progress: Progress = None
) -> ImportReport:
    """Write the dataset of an engine's aggregation result (``engine_sql`` run elsewhere).

    Parameters
    ----------
    paths : path or list of paths
        The result as CSV with a header or as Parquet: files, or a folder of
        part files (as Spark writes them).
    out_dir : path
        Dataset folder to write, as for :func:`graph.events.import_gdelt`.
    force : bool
        Replace a dataset that ``out_dir`` holds.
    progress : None, bool or callable
        As for :func:`graph.events.import_gdelt`: ``None`` draws a bar on
        stderr when it is a terminal, ``False`` none, a callable receives
        the fraction done (0..1) as the result is read.

    Returns
    -------
    ImportReport
        ``rows_read`` counts the events the result stands for.

    Examples
    --------
    >>> import duckdb, tempfile, pathlib
    >>> from graph.events import engine_sql
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE events AS SELECT '20200616' AS SQLDATE, 'PRK' AS Actor1CountryCode, "
    ...     "'KOR' AS Actor2CountryCode, '1823' AS EventCode, '-10' AS GoldsteinScale, "
    ...     "'5' AS NumMentions, 'https://a.example/1' AS SOURCEURL")
    >>> _ = con.execute(f"COPY ({engine_sql()}) TO '{tmp / 'result.parquet'}' (FORMAT parquet)")
    >>> import_aggregated(tmp / "result.parquet", tmp / "data", progress=False).relations_written
    1
    """
    out = Path(out_dir)
    files = _files(paths)
    check_output_folder(out, files, force)
    vocabulary = default_vocabulary()
    with (
        tempfile.TemporaryDirectory(prefix="geograph-import-") as tmp,
        engine_errors("aggregated"),
    ):
        con = connect(tmp)
        try:
            step = resolve_progress(progress)
            execute(con, f"CREATE TEMP TABLE result AS SELECT * FROM {_reader(files)}", step)
            columns = [r[0] for r in con.execute("DESCRIBE result").fetchall()]
            missing = [c for c in ENGINE_COLUMNS if c not in columns]
            if missing:
                raise EventImportError(
                    f"{files[0]}: not a result of geograph's aggregation statement: it lacks "
                    f"{', '.join(missing)} (print the statement with --print-sql)"
                )
            evidence = sorted(
                (c for c in columns if re.fullmatch(r"evidence[0-9]+", c)), key=lambda c: int(c[8:])
            )
            kinds = con.execute(
                "SELECT DISTINCT event_source, period_unit, actor_level FROM result"
            ).fetchall()
            if len(kinds) != 1 or kinds[0][0] not in SOURCES:
                raise EventImportError(
                    f"{files[0]}: the result must come from one statement, one source "
                    f"({', '.join(SOURCES)}); it holds {kinds[:3]}"
                )
            name, period, level = kinds[0]
            source = SOURCES[name]
            report = ImportReport(
                source=source.name, files=[str(p) for p in files], out_dir=str(out),
                period=period, actors=level,
            )  # fmt: skip
            _groups(con, evidence, level, report)
            finish_import(
                con, source, report, vocabulary, len(evidence), out, force=force, inputs=files
            )
            if step is not None:
                step(1.0)
        finally:
            con.close()
    return report


def _groups(con: Any, evidence: list[str], level: str, report: ImportReport) -> None:
    """The result as the table ``groups`` of a local import; count its events."""
    ints = [
        "events",
        "goldstein_milli",
        "goldstein_n",
        "quad1",
        "quad2",
        "quad3",
        "quad4",
        "mentions",
    ]
    hints = ", ".join(
        f"CAST({h} AS VARCHAR) AS {h}" if level != "country" else f"NULL AS {h}"
        for h in HINT_COLUMNS
    )
    # Without a lambda (its syntax changes between DuckDB versions): [e1] or [] per column.
    listed = (
        "flatten(["
        + ", ".join(
            f"CASE WHEN {c} IS NOT NULL THEN [CAST({c} AS VARCHAR)] ELSE [] END" for c in evidence
        )
        + "])"
        if evidence
        else "CAST([] AS VARCHAR[])"
    )
    con.execute(f"""
        CREATE TEMP TABLE groups AS
        SELECT CAST(src AS VARCHAR) AS src, CAST(tgt AS VARCHAR) AS tgt,
               TRY_CAST(period AS DATE) AS period, CAST(relation AS VARCHAR) AS relation,
               {", ".join(f"CAST({c} AS BIGINT) AS {c}" for c in ints)},
               {listed} AS evidence,
               CAST(some_code AS VARCHAR) AS some_code, {hints}
        FROM result""")
    unknown = con.execute(
        "SELECT DISTINCT relation FROM groups WHERE relation IS NOT NULL "
        "AND relation NOT IN (SELECT unnest(?::VARCHAR[]))",
        [list(default_vocabulary())],
    ).fetchall()
    if unknown:
        raise EventImportError(
            f"the result names relation types outside the vocabulary: "
            f"{', '.join(str(u[0]) for u in unknown[:5])}; is it from geograph's statement?"
        )
    report.bad_rows = con.execute(
        "SELECT coalesce(sum(events), 0) FROM groups WHERE period IS NULL"
    ).fetchone()[0]
    con.execute("DELETE FROM groups WHERE period IS NULL")
    good = con.execute("SELECT coalesce(sum(events), 0) FROM groups").fetchone()[0]
    report.rows_read = good + report.bad_rows
    if not good:
        raise EventImportError("nothing was read: the aggregation result holds no events")
