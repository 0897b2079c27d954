"""The one event importer: files of any known source -> aggregated relations -> a dataset folder.

The source description (:class:`~graph.events.sources.EventSource`) says how
to read the files; everything else (the aggregation, counting and reporting
rows, actor ids, the formula-safe writing of the folder) is the same for
every source. The aggregated groups stay in DuckDB: actor keys are resolved
in Python once per distinct key, and DuckDB formats and writes the relation
rows itself (formatting 100k+ rows in Python costs more than the whole scan).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..problems import OutputError, counted
from ..schema import ACTOR_COLUMNS, SOURCE_COLUMNS
from ..vocabulary import default_vocabulary
from ..write import format_csv, staged_dataset
from .actors import assign_ids
from .aggregate import (
    ACTOR_LEVELS,
    EVIDENCE_PER_RELATION,
    PERIODS,
    aggregation_sql,
    quoted,
)
from .duck import Progress, connect, engine_errors, execute, resolve_progress
from .inputs import (
    Paths,
    bad_rows,
    check_output_folder,
    prepare_paths,
    read_header,
    undated_rows,
)
from .relations import relations_select
from .report import SAMPLE_SIZE, EventImportError, ImportReport
from .sources import GDELT, ICEWS, EventSource, events_sql

__all__ = ["import_events", "import_gdelt", "import_icews", "finish_import"]

ACTOR_EXTRA = ["events"]
SOURCE_EXTRA = ["files", "machine_coded", "note"]


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
    execute(con, f"CREATE TEMP TABLE groups AS {sql}", resolve_progress(progress))
    undated = con.execute(
        "SELECT coalesce(sum(events), 0) FROM groups WHERE period IS NULL"
    ).fetchone()[0]
    con.execute("DELETE FROM groups WHERE period IS NULL")
    good = con.execute("SELECT coalesce(sum(events), 0) FROM groups").fetchone()[0]
    report.bad_rows, samples = bad_rows(con, source, files, displays, good)
    if undated:
        report.bad_rows += undated
        samples = samples + undated_rows(source, files, displays)
    report.bad_row_samples = sorted(samples, key=lambda b: (b.file, b.line or 0))[:SAMPLE_SIZE]
    report.rows_read = good + report.bad_rows
    if not report.rows_read:
        shown = ", ".join(report.files)
        raise EventImportError(f"nothing was read: {shown} holds no event rows (an empty file?)")
    if not good:
        raise EventImportError(
            f"no row could be read as {source.name} events ({counted(report.bad_rows, 'bad row')}), "
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
            # DuckDB formats and writes the relations itself: the SELECT gives each row
            # as one line of CSV (text cells escaped, fields quoted as Python's csv
            # module reads them), under the header line as its column name, which
            # the writer copies as they are with its quoting off.
            con.execute(
                f"COPY ({select}) TO {quoted(str(staging / 'relations.csv'))} "
                "(FORMAT csv, HEADER true, QUOTE '', ESCAPE '', NEW_LINE '\\n')"
            )
            for name, text in (
                ("actors.csv", table([*ACTOR_COLUMNS, *ACTOR_EXTRA], actors)),
                ("sources.csv", table([*SOURCE_COLUMNS, *SOURCE_EXTRA], [source_row])),
            ):
                with open(staging / name, "w", encoding="utf-8", newline="") as fh:
                    fh.write(text)
    except OSError as err:
        raise OutputError(f"cannot write {out}: {err.strerror or err}") from err


def finish_import(
    con: Any,
    source: EventSource,
    report: ImportReport,
    vocabulary: dict,
    evidence: int,
    out: Path,
    *,
    force: bool,
    inputs: list[str],
) -> None:
    """From the table ``groups`` (the aggregation's result) to the dataset folder ``out``.

    Shared by the import of event files and of an engine's result
    (:func:`graph.events.import_aggregated`).
    """
    actor_rows, keymap = _resolve_actors(con, source, report, report.actors)
    select = relations_select(con, source, report, report.period, vocabulary, keymap, evidence)
    names = [Path(d).name for d in report.files]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    row = {
        "published": "",
        **source.source_row,
        "files": shown,
        "machine_coded": "true",
        "note": "Machine-coded events aggregated by geograph import: one relation per "
        f"actor pair, {report.period} and CAMEO relation type",
    }
    _write(con, out, source, report, actor_rows, select, row, force=force, inputs=inputs)


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
    check_output_folder(out, given, force)
    vocabulary = default_vocabulary()
    with tempfile.TemporaryDirectory(prefix="geograph-import-") as tmp, engine_errors(source):
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
        con = connect(tmp)
        try:
            _scan(con, source, files, displays, report, sql, progress)
            if strict and report.bad_rows:
                listed = "\n".join(f"  {b}" for b in report.bad_row_samples)
                raise EventImportError(
                    f"{report.bad_rows:,} bad rows in {source.name} input (strict mode); "
                    f"first ones:\n{listed}"
                )
            finish_import(con, source, report, vocabulary, evidence, out, force=force, inputs=given)
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
        among its ``evidence`` most mentioned events (ties broken by the
        URL's text, so every run and every engine keeps the same ones); 0
        for none.
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
