"""``actors.csv``: the nodes."""

from __future__ import annotations

import re
from typing import Any

from ..problems import WARNING
from ..read import Table
from ..schema import ACTOR_POSITION_COLUMNS, ACTOR_TYPES, number_text
from .cells import BAD, Checker, extras, ids, number, present, text
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
    written = {k: h for k, h in more if k in ACTOR_POSITION_COLUMNS}  # lat, lon
    named: dict[str, tuple[str, int, str]] = {}  # folded name -> first actor, line, name
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
        else:
            _same_name(checker, row, aid, name, named)
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
        if written:
            _position(checker, row, record, written)
        labels[aid] = "\x1f".join([name, *aliases])
        out.actors.append(record)
    out.lines["actors"] = actors
    return actors, labels


def _same_name(
    checker: Checker, row, aid: str, name: str, named: dict[str, tuple[str, int, str]]
) -> None:
    """Warn when an earlier actor has the same name, ignoring case and spaces."""
    key = " ".join(name.casefold().split())
    if key not in named:
        named[key] = (aid, row.line, name)
        return
    first, line, written = named[key]
    names = f'both named "{name}"' if name == written else f'named "{written}" and "{name}"'
    checker.add(
        row,
        "name",
        "duplicate-name",
        f'actors "{first}" (line {line}) and "{aid}" (line {row.line}) are {names}; '
        f'if they are one actor, merge them: keep "{first}", write it for "{aid}" in '
        f"{checker.names['relations']} and delete line {row.line}; "
        "if not, give one of them a name of its own",
        WARNING,
    )


def _position(checker: Checker, row, record: dict[str, Any], written: dict[str, str]) -> None:
    """``lat`` and ``lon`` (``written``: key -> column name) in range, both or neither (else none)."""
    if _swapped(checker, row, record, written):
        return
    values = {}
    for k, h in written.items():
        lo, hi = ACTOR_POSITION_COLUMNS[k]
        values[k] = number(checker, row, k, lo, hi, False, words=False)
        record[h] = None if values[k] is BAD else values[k]
    given = [k for k in ACTOR_POSITION_COLUMNS if values.get(k) not in (None, BAD)]
    if len(given) == 1 and BAD not in values.values():
        other = "lon" if given[0] == "lat" else "lat"
        checker.add(
            row,
            other if other in written else given[0],
            "missing-value",
            f'actor "{row.values.get("id", "")}" has {given[0]} but no {other}; '
            f"write both (degrees, like lat 39.03, lon 125.75) or neither",
        )
        for h in written.values():
            record[h] = None


def _swapped(checker: Checker, row, record: dict[str, Any], written: dict[str, str]) -> bool:
    """Report a latitude past the poles whose longitude would fit as latitude."""
    # read as number() reads them: "125,75" in a file whose delimiter is not the comma
    comma = checker.table is not None and checker.table.delimiter != ","
    try:
        lat, lon = (
            float(number_text(row.values.get(k, ""), decimal_comma=comma)) for k in ("lat", "lon")
        )
    except ValueError:
        return False
    if not (abs(lat) > 90 and abs(lat) <= 180 and abs(lon) <= 90):
        return False
    checker.add(
        row,
        "lat",
        "out-of-range",
        f"lat {row.values['lat']} is out of range (-90 to 90); lat and lon look swapped: "
        f"write lat {row.values['lon']}, lon {row.values['lat']}",
    )
    for h in written.values():
        record[h] = None
    return True


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
