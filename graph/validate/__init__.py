"""Check raw tables against the data format and turn them into typed records.

Every problem is collected (not just the first), each with file, physical
line, column, field, a code and a message that names the value and the fix.
The format is documented column by column in ``data/README.md``; each table
has its validator here (:mod:`.sources`, :mod:`.actors`,
:mod:`.relation_types`, :mod:`.relations`), over the cell checks of
:mod:`.cells` and the suggestions of :mod:`.suggest`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..evidence import check_evidence
from ..problems import Problem, counted
from ..read import Table, settle_short_rows, table_names
from ..read.columns import Columns
from ..schema import REQUIRED
from .actors import report_isolated, validate_actors
from .cells import Checker
from .columnar import validate_relation_columns
from .model import Tables
from .relation_types import validate_relation_types
from .relations import References, validate_relations
from .sources import machine_coded, report_absent_sources, validate_sources

__all__ = ["Tables", "validate_tables"]


def validate_tables(
    tables: Mapping[str, Table | Columns | None],
) -> tuple[Tables, list[Problem]]:
    """Validate raw tables; return the typed records and every problem found.

    Parameters
    ----------
    tables : dict
        ``{"actors": Table, "relations": Table, "sources": Table,
        "relation_types": Table}`` as read by :func:`graph.read.read_table`;
        ``None`` for a file that exists but could not be read, no key for
        an optional file that is absent. The relations may be given as
        :class:`graph.read.columns.Columns` (a large file read whole): they
        are then checked column by column and kept as columns
        (``Tables.relation_columns``), and only the rows with a problem go
        through the row checks, so the problems and records are those of the
        same file given as a ``Table`` (checked row by row).

    Returns
    -------
    (Tables, list of Problem)
        Records are only trustworthy when no problem has severity ``"error"``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.read import read_table
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "actors.csv").write_text("id,name\\nPRK,North Korea\\nKOR,South Korea\\n")
    >>> _ = (d / "relations.csv").write_text("source,target,relation,status,quote\\nPRK,KORR,attack,fact,q\\n")
    >>> raw = {n: read_table(d / f"{n}.csv", f"{n}.csv")[0] for n in ("actors", "relations")}
    >>> records, problems = validate_tables(raw)
    >>> print(problems[0])
    relations.csv:2:2: unknown-actor target "KORR" is not an actor id in actors.csv (did you mean "KOR" (South Korea)?)
    """
    problems: list[Problem] = []
    displays = {n: t.display for n, t in tables.items() if isinstance(t, (Table, Columns))}
    checker = Checker(problems, table_names(displays))
    out = Tables()
    out.delimiters = {n: t.delimiter for n, t in tables.items() if isinstance(t, (Table, Columns))}
    out.vocabulary = validate_relation_types(_raw(tables, "relation_types"), checker, out)
    sources = validate_sources(_raw(tables, "sources"), checker, out)
    actors, labels = validate_actors(_raw(tables, "actors"), checker, out)
    # A check that needs a table that is missing or lacks a required column
    # does not run: that table's one problem is reported, not a flood of
    # "unknown" references or "isolated" actors that follow from it.
    actors_known = _usable(tables, "actors") and not _no_actor_rows(tables, checker)
    if "sources" not in tables:  # absent: one problem if relations name sources, not one each
        report_absent_sources(tables.get("relations"), checker)
    refs = References(
        actors=actors if actors_known else None,
        labels=labels,
        sources=sources if _usable(tables, "sources") else None,
        machine_coded=machine_coded(out),
        vocabulary=out.vocabulary,
        unread=_unread(tables),
        no_id=_no_id(_raw(tables, "actors")),
        types_unread="relation_types" in tables and not _usable(tables, "relation_types"),
    )
    given = tables.get("relations")
    if isinstance(given, Columns):
        relation_table = _relation_columns(given, checker, out, refs)
    else:
        relation_table = given
    validate_relations(relation_table, checker, out, refs)
    actor_table = _raw(tables, "actors")
    if actor_table is not None and actors_known and _usable(tables, "relations"):
        report_isolated(actor_table, actors, refs.related, checker)
    # quotes against their sources' texts (columns are taken only when no source has one)
    raw = {name: _raw(tables, name) for name in tables}
    evidence = check_evidence(out, {**raw, "relations": relation_table}, actors_known=actors_known)
    problems.extend(evidence)
    read = [t for t in (*raw.values(), relation_table) if isinstance(t, Table)]
    return out, settle_short_rows(read, problems)


def _usable(tables: Mapping[str, Table | Columns | None], name: str) -> bool:
    """Was the table read, with every required column? (Its problems are reported if not.)"""
    table = tables.get(name)
    if isinstance(table, Columns):
        return all(k in table.keys for k in REQUIRED[name])
    return table is not None and all(table.column(k) is not None for k in REQUIRED[name])


def _unread(tables: Mapping[str, Table | Columns | None]) -> set[str]:
    """The cells of the rows not read (a cell too many or too few) of the tables relations name."""
    rows = (t.unread for n in ("actors", "sources", "relation_types") if (t := _raw(tables, n)))
    return {cell for unread in rows for _, cells in unread for cell in cells if cell}


def _no_id(table: Table | None) -> list[tuple[int, str]]:
    """(line, name) of the actors written without an id."""
    rows = table.rows if table is not None and table.column("id") is not None else []
    return [(r.line, r.values.get("name", "")) for r in rows if not r.values.get("id")]


def _no_actor_rows(tables: Mapping[str, Table | Columns | None], checker: Checker) -> bool:
    """A header-only actors.csv is one problem, not one unknown-actor per relation cell."""
    actors, relations = _raw(tables, "actors"), tables.get("relations")
    if actors is None or actors.rows or actors.unread or relations is None:
        return False
    n = len(relations) if isinstance(relations, Columns) else len(relations.rows)
    if n == 0:
        return False
    checker.table = actors
    checker.add(
        None,
        None,
        "empty-file",
        f"{checker.names['actors']} has its header but no actor, and {checker.names['relations']} "
        f"has {counted(n, 'relation')}; add a row for each actor they name (id, name), "
        "or check that the file was saved whole",
    )
    return True


def _raw(tables: Mapping[str, Table | Columns | None], name: str) -> Table | None:
    table = tables.get(name)
    return table if isinstance(table, Table) else None


def _relation_columns(
    table: Columns, checker: Checker, out: Tables, refs: References
) -> Table | None:
    """Relations given as columns: checked as such, or as a table (returned) for the evidence checks."""
    if "implied" in table.columns or any(s.get("text") for s in out.sources):
        return table.to_table()  # the quotes are checked against texts record by record
    validate_relation_columns(table, checker, out, refs)
    return None
