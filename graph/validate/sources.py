"""``sources.csv``: where the evidence comes from."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..problems import WARNING
from ..read import Table
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


def machine_coded(out: Tables) -> set[str]:
    """Ids of sources whose relations come from machine-coded events (no verbatim quote)."""
    return {
        r["id"]
        for r in out.sources
        if str(r.get("machine_coded") or "").strip().lower() in TRUE_WORDS
    }
