"""``sources.csv``: where the evidence comes from."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..problems import WARNING, Problem, counted
from ..read import Table
from ..read.columns import Columns
from ..read.missing import missing_file_message
from ..schema import SOURCE_COLUMNS, TRUE_WORDS
from .cells import Checker, date, extras, ids, present, text
from .model import Tables


def validate_sources(table: Table | None, checker: Checker, out: Tables) -> dict[str, int]:
    """Check the sources into ``out.sources``; return source id -> line."""
    if table is None or not present(table, "sources", checker):
        return {}
    out.columns["sources"] = list(table.header)
    sources = ids(checker, table.rows)
    more = extras(table, "sources")
    for row in table.rows:
        sid = row.values.get("id", "")
        if sources.get(sid) != row.line:
            continue
        record: dict[str, Any] = {k: text(row, k) for k in SOURCE_COLUMNS}
        date(checker, row, "published")  # reports a bad date; the text is kept
        url = record["url"]
        if url and urlsplit(url).scheme.lower() not in ("http", "https"):
            checker.add(
                row,
                "url",
                "bad-url",
                f'url "{url}" is not an http(s) address; the view will not link it',
                WARNING,
            )
        for k, h in more:
            record[h] = text(row, k)
        out.sources.append(record)
    out.lines["sources"] = sources
    return sources


def report_absent_sources(relations: Table | Columns | None, checker: Checker) -> None:
    """One problem when relations name sources but there is no sources table at all.

    Each relation's ``unknown-source`` would only repeat that the file is
    missing: the one problem, at the first relation that names a source,
    says so and gives the fix (add the file, or leave ``source_id`` empty).
    """
    if relations is None or "source_id" not in relations.keys:
        return
    if isinstance(relations, Columns):
        cells = relations.columns["source_id"]
        named = [(relations.lines[i], v) for i, v in enumerate(cells) if v]
    else:
        named = [
            (r.line, r.values["source_id"]) for r in relations.rows if r.values.get("source_id")
        ]
    if not named:
        return
    wanted, folder = checker.names["sources"], Path(relations.display).parent
    if relations.display.endswith("]"):  # a workbook's sheet
        missing = f"there is no {wanted} sheet; add it, with an id column at least"
    else:
        missing = missing_file_message(folder / wanted, str(folder))
    line, first = named[0]
    checker.problems.append(
        Problem(
            relations.display,
            line,
            relations.keys.index("source_id") + 1,
            "source_id",
            "unknown-source",
            f'source_id names a source in {counted(len(named), "relation")} (first "{first}")'
            f" but {missing}, or leave source_id empty",
        )
    )


def machine_coded(out: Tables) -> set[str]:
    """Ids of sources whose relations come from machine-coded events (no verbatim quote)."""
    return {
        r["id"]
        for r in out.sources
        if str(r.get("machine_coded") or "").strip().lower() in TRUE_WORDS
    }
