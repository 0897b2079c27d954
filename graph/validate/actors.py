"""``actors.csv``: the nodes."""

from __future__ import annotations

import re
from typing import Any

from ..problems import WARNING
from ..read import Table
from ..schema import ACTOR_TYPES
from .cells import Checker, extras, ids, present, text
from .model import Tables
from .suggest import suggest

_ISO3 = re.compile(r"^[A-Z]{3}$")


def validate_actors(
    table: Table | None, checker: Checker, out: Tables
) -> tuple[dict[str, int], dict[str, str]]:
    """Check the actors into ``out.actors``.

    Returns actor id -> line, and per id its name and aliases joined by
    ``"\\x1f"`` (what suggestions look names up in).
    """
    labels: dict[str, str] = {}
    if table is None or not present(table, "actors", checker):
        return {}, labels
    out.columns["actors"] = list(table.header)
    actors = ids(checker, table.rows)
    more = extras(table, "actors")
    for row in table.rows:
        aid = row.values.get("id", "")
        if actors.get(aid) != row.line:
            continue
        name = text(row, "name")
        if name is None:
            checker.add(
                row, "name", "missing-value", f'actor "{aid}" has no name; write the name to show'
            )
            name = aid
        kind = (text(row, "type") or "state").lower()
        if kind not in ACTOR_TYPES:
            checker.add(
                row,
                "type",
                "bad-value",
                f'type "{row.values["type"]}" is not one of {", ".join(ACTOR_TYPES)}'
                + suggest(kind, ACTOR_TYPES),
            )
        elif kind == "state" and not _ISO3.match(aid):
            checker.add(
                row,
                "id",
                "state-id",
                f'state id "{aid}" is not an ISO 3166 alpha-3 code (like PRK, KOR, USA)',
                WARNING,
            )
        aliases = [a.strip() for a in (row.values.get("aliases") or "").split(";") if a.strip()]
        record: dict[str, Any] = {
            "id": aid,
            "name": name,
            "type": kind,
            "aliases": aliases,
            "group": text(row, "group"),
            "description": text(row, "description"),
        }
        for k, h in more:
            record[h] = text(row, k)
        labels[aid] = "\x1f".join([name, *aliases])
        out.actors.append(record)
    out.lines["actors"] = actors
    return actors, labels


def report_isolated(
    table: Table, actors: dict[str, int], related: set[str], checker: Checker
) -> None:
    """Warn about each actor that takes part in no relation."""
    checker.table = table
    for row in table.rows:
        aid = row.values.get("id", "")
        if aid in actors and actors[aid] == row.line and aid not in related:
            checker.add(
                row, "id", "isolated-actor", f'actor "{aid}" takes part in no relation', WARNING
            )
