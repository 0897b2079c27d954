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
from ..problems import Problem
from ..read import Table
from .actors import report_isolated, validate_actors
from .cells import Checker
from .model import Tables
from .relation_types import validate_relation_types
from .relations import References, validate_relations
from .sources import machine_coded, validate_sources

__all__ = ["Tables", "validate_tables"]


def validate_tables(tables: Mapping[str, Table | None]) -> tuple[Tables, list[Problem]]:
    """Validate raw tables; return the typed records and every problem found.

    Parameters
    ----------
    tables : dict
        ``{"actors": Table, "relations": Table, "sources": Table,
        "relation_types": Table}`` as read by :func:`graph.read.read_table`;
        ``None`` for a file that exists but could not be read, no key for
        an optional file that is absent.

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
    checker = Checker(problems)
    out = Tables()
    out.vocabulary = validate_relation_types(tables.get("relation_types"), checker, out)
    sources = validate_sources(tables.get("sources"), checker, out)
    actors, labels = validate_actors(tables.get("actors"), checker, out)
    refs = References(
        actors=actors if tables.get("actors") is not None else None,
        labels=labels,
        sources=sources if "sources" not in tables or tables["sources"] is not None else None,
        machine_coded=machine_coded(out),
        vocabulary=out.vocabulary,
    )
    validate_relations(tables.get("relations"), checker, out, refs)
    actor_table, relation_table = tables.get("actors"), tables.get("relations")
    if actor_table is not None and relation_table is not None:
        report_isolated(actor_table, actors, refs.related, checker)
    problems.extend(check_evidence(out, tables))  # quotes against their sources' texts
    return out, problems
