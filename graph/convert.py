"""Import other tools' spreadsheets into a geograph dataset: Kumu and Gephi.

Both importers read with :func:`graph.read.read_table` (so any encoding and
delimiter the CSV reader accepts) and write ``actors.csv``,
``relations.csv`` and, when types outside the shipped vocabulary occur,
``relation_types.csv``. Columns that have no geograph meaning are kept as
extra columns. Nothing is invented: status is ``fact`` unless a ``status``
column says otherwise, and there are no quotes to copy.

Kumu (https://docs.kumu.io): elements ``Label, Type, Description, Tags``;
connections ``From, To, Type, Direction, Strength``; ``|`` separates
several values in a cell.

Gephi's CSV pair: nodes ``Id, Label``; edges ``Source, Target, Type,
Weight`` (``Type`` is Directed or Undirected, as Gephi writes it; the
relation then comes from ``Relation`` or ``Label``), optionally ``Start``,
``End`` or ``Timeset``/``Interval`` (``<[2018, 2020-06]>``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import write as _write
from .dates import DateError, parse_date
from .problems import DataError, Problem
from .read import Table, read_table
from .schema import ACTOR_COLUMNS, RELATION_COLUMNS, STATUSES, VOCABULARY_COLUMNS
from .vocabulary import default_vocabulary

__all__ = ["Converted", "from_kumu", "from_gephi", "write_dataset"]

_TYPE_WORDS = {
    "state": "state",
    "country": "state",
    "nation": "state",
    "government": "state",
    "organization": "organization",
    "organisation": "organization",
    "company": "organization",
    "ngo": "organization",
    "institution": "organization",
    "agency": "organization",
    "person": "person",
    "people": "person",
    "individual": "person",
    "leader": "person",
    "group": "group",
    "party": "group",
    "movement": "group",
    "militia": "group",
    "location": "location",
    "place": "location",
    "city": "location",
    "region": "location",
}
_UNDIRECTED = {"undirected", "mutual", "false", "no"}
_NOT_ID = re.compile(r"[\s,;|\"'<>&]+")


@dataclass
class Converted:
    """A dataset made from another tool's files, before it is written.

    ``actors`` and ``relations`` are rows of text by column name, in the
    order of ``actor_columns`` and ``relation_columns``; ``relation_types``
    holds the types that the shipped vocabulary lacks.
    """

    actors: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    relation_types: list[dict] = field(default_factory=list)
    actor_columns: list[str] = field(default_factory=lambda: list(ACTOR_COLUMNS))
    relation_columns: list[str] = field(default_factory=lambda: list(RELATION_COLUMNS))


def _read(path, required: list[str]) -> Table:
    table, problems = read_table(path)
    errors = [p for p in problems if p.severity == "error"]
    if table is not None:
        for key in required:
            if table.column(key) is None:
                errors.append(
                    Problem(
                        str(path),
                        1,
                        None,
                        key,
                        "missing-column",
                        f'column "{key}" is missing; the header is: {",".join(table.header)}',
                    )
                )
    if errors or table is None:
        raise DataError(errors or problems)
    return table


def _slug(text: str, taken: set[str]) -> str:
    """An id from a label: no spaces or separators, at most 40 characters, unique."""
    base = _NOT_ID.sub("-", text).strip("-")[:36] or "actor"
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    taken.add(out)
    return out


def _actor_type(value: str) -> str:
    return _TYPE_WORDS.get(value.strip().lower(), "group")


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None


def _relation_name(text: str) -> str:
    """A relation type name from free text: lower case, id-safe."""
    return _NOT_ID.sub("-", text.strip().lower().replace("_", "-")).strip("-")[:40] or "connected"


def _date(text: str) -> str | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}\.0", text):  # Gephi writes years as numbers
        text = text[:4]
    try:
        return parse_date(text).text
    except DateError:
        return None


def _extras(table: Table, used: set[str], known: list[str]) -> list[tuple[str, str]]:
    """(key, output column name) for the columns not mapped, renamed if they clash with ours."""
    taken = set(known)
    out = []
    for key, header in zip(table.keys, table.header):
        if key in used or not key:
            continue
        name = header if key not in taken else f"{header} (original)"
        taken.add(name.lower())
        out.append((key, name))
    return out


class _Builder:
    """Collects actors, relations and new relation types with unique ids."""

    def __init__(self):
        self.out = Converted()
        self.vocab = default_vocabulary()
        self.ids: set[str] = set()
        self.by_label: dict[str, str] = {}
        self.strengths: dict[str, list[float]] = {}
        self.relation_ids: set[str] = set()

    def actor(
        self,
        label: str,
        *,
        name: str = "",
        given_id: str = "",
        kind: str = "",
        description: str = "",
        group: str = "",
        extra: dict | None = None,
    ) -> str:
        """The id of the actor that ``label`` refers to, adding the actor on first sight."""
        if label in self.by_label:
            return self.by_label[label]
        if (
            given_id
            and not _NOT_ID.search(given_id)
            and len(given_id) <= 40
            and given_id not in self.ids
        ):
            aid = given_id
            self.ids.add(aid)
        else:
            aid = _slug(given_id or label, self.ids)
        self.by_label[label] = aid
        if given_id:
            self.by_label.setdefault(given_id, aid)
        self.out.actors.append(
            {
                "id": aid,
                "name": name or label or aid,
                "type": kind or "group",
                "aliases": "",
                "group": group,
                "description": description,
                **(extra or {}),
            }
        )
        return aid

    def relation(
        self,
        source: str,
        target: str,
        kind: str,
        *,
        strength: float | None,
        directed: bool,
        status: str = "",
        start: str | None = None,
        end: str | None = None,
        given_id: str = "",
        note: str = "",
        extra: dict | None = None,
    ) -> None:
        name = kind if kind in self.vocab else _relation_name(kind)
        if name not in self.vocab:
            self.strengths.setdefault(name, [])
        if strength is not None and name in self.strengths:
            self.strengths[name].append(strength)
        rid = (
            given_id
            if given_id
            and not _NOT_ID.search(given_id)
            and len(given_id) <= 40
            and given_id not in self.relation_ids
            else _slug(f"{source}-{target}-{name}", self.relation_ids)
        )
        self.relation_ids.add(rid)
        sign = intensity = ""
        if (
            strength is not None
            and name in self.vocab
            and strength != 0
            and (strength > 0) != (self.vocab[name]["sign"] > 0)
        ):
            # the file's own sign contradicts the shipped type's: the file wins
            sign, intensity = (
                ("1" if strength > 0 else "-1"),
                f"{max(-10.0, min(10.0, strength)):g}",
            )
        if start and end and parse_date(end).last < parse_date(start).first:
            start, end = end, start
        status = status.strip().lower()
        self.out.relations.append(
            {
                "id": rid,
                "source": source,
                "target": target,
                "relation": name,
                "sign": sign,
                "intensity": intensity,
                "directed": "true" if directed else "false",
                "status": status if status in STATUSES else "fact",
                "start": start or "",
                "end": end or "",
                "source_id": "",
                "said_by": "",
                "quote": "",
                "note": note,
                **(extra or {}),
            }
        )

    def finish(self) -> Converted:
        # A new type takes its sign and intensity from the strengths given for it.
        for name, values in self.strengths.items():
            mean = sum(values) / len(values) if values else 0.0
            sign = (mean > 0) - (mean < 0)
            self.out.relation_types.append(
                {
                    "relation": name,
                    "sign": str(sign),
                    "intensity": f"{max(-10.0, min(10.0, mean)):g}",
                    "cameo": "",
                    "plover": "",
                    "quad_class": "",
                    "description": "imported; set sign and intensity to what this type means",
                }
            )
        return self.out


def _columns(rows: list[dict], base: list[str]) -> list[str]:
    cols = list(base)
    for row in rows:
        cols.extend(k for k in row if k not in cols)
    return cols


def from_kumu(elements: str | Path, connections: str | Path) -> Converted:
    """A dataset from Kumu's two sheets saved as CSV (elements and connections).

    Element ``Label`` becomes the name and (made id-safe) the id, unless an
    ``ID`` column gives one; ``Type`` maps onto geograph's actor types
    (unknown ones become ``group``, the original kept as ``kumu type``);
    the first of the ``|``-separated ``Tags`` becomes the group, all of
    them the ``tags`` extra column. A connection's ``From`` and ``To`` may
    name several elements with ``|``: one relation per pair. ``Direction``
    ``undirected`` or ``mutual`` gives an undirected relation. A ``Type``
    outside the vocabulary becomes a new relation type whose sign and
    intensity come from the ``Strength`` values given for it.

    Raises
    ------
    DataError
        When a file cannot be read or lacks a required column.
    """
    el = _read(elements, ["label"])
    co = _read(connections, ["from", "to"])
    b = _Builder()
    used = {"label", "id", "type", "description", "tags"}
    extras = _extras(el, used, ACTOR_COLUMNS + ["kumu type", "tags"])
    for row in el.rows:
        v = row.values
        label = v.get("label", "")
        if not label:
            continue
        tags = [t.strip() for t in v.get("tags", "").split("|") if t.strip()]
        extra = {name: v.get(key, "") for key, name in extras}
        raw_type = v.get("type", "")
        if raw_type and raw_type.strip().lower() not in _TYPE_WORDS:
            extra["kumu type"] = raw_type
        if tags:
            extra["tags"] = ";".join(tags)
        b.actor(
            label,
            given_id=v.get("id", ""),
            kind=_actor_type(raw_type) if raw_type else "",
            description=v.get("description", ""),
            group=tags[0] if tags else "",
            extra=extra,
        )
    used = {
        "from",
        "to",
        "type",
        "direction",
        "strength",
        "description",
        "status",
        "start",
        "end",
        "start date",
        "end date",
    }
    extras = _extras(co, used, RELATION_COLUMNS + ["strength"])
    for row in co.rows:
        v = row.values
        strength = _number(v.get("strength", ""))
        extra = {name: v.get(key, "") for key, name in extras}
        if v.get("strength"):
            extra["strength"] = v["strength"]
        start = _date(v.get("start", "") or v.get("start date", ""))
        end = _date(v.get("end", "") or v.get("end date", ""))
        for src in [s.strip() for s in v.get("from", "").split("|") if s.strip()]:
            for dst in [t.strip() for t in v.get("to", "").split("|") if t.strip()]:
                b.relation(
                    b.actor(src),
                    b.actor(dst),
                    v.get("type", "") or "connected",
                    strength=strength,
                    directed=v.get("direction", "").strip().lower() not in _UNDIRECTED,
                    status=v.get("status", ""),
                    start=start,
                    end=end,
                    note=v.get("description", ""),
                    extra=extra,
                )
    out = b.finish()
    out.actor_columns = _columns(out.actors, ACTOR_COLUMNS)
    out.relation_columns = _columns(out.relations, RELATION_COLUMNS)
    return out


def _intervals(text: str) -> list[tuple[str | None, str | None]]:
    """Gephi's ``<[2018, 2020-06]; [2021, 2022]>`` (or ``[a,b]``) as (start, end) pairs."""
    pairs = re.findall(r"[\[(]\s*([^,\]\)]*?)\s*,\s*([^\]\)]*?)\s*[\])]", text)
    return [(_date(a), _date(b)) for a, b in pairs]


def from_gephi(nodes: str | Path, edges: str | Path) -> Converted:
    """A dataset from Gephi's nodes and edges tables saved as CSV.

    ``Id`` is kept as the actor id when it is a valid id (else made one),
    ``Label`` is the name. On edges, ``Type`` Directed/Undirected gives
    ``directed``; any other ``Type`` value, or a ``Relation`` or ``Label``
    column, names the relation (a new type takes its sign and intensity
    from ``Weight``). Times come from ``Start``/``End`` or from a
    ``Timeset``/``Interval`` column: one relation per interval.

    Raises
    ------
    DataError
        When a file cannot be read or lacks a required column.
    """
    no = _read(nodes, ["id"])
    ed = _read(edges, ["source", "target"])
    b = _Builder()
    used = {"id", "label", "type", "description"}
    extras = _extras(no, used, ACTOR_COLUMNS + ["gephi type"])
    for row in no.rows:
        v = row.values
        nid = v.get("id", "")
        if not nid:
            continue
        extra = {name: v.get(key, "") for key, name in extras}
        raw_type = v.get("type", "")
        if raw_type and raw_type.strip().lower() not in _TYPE_WORDS:
            extra["gephi type"] = raw_type
        b.actor(
            nid,
            name=v.get("label", ""),
            given_id=nid,
            kind=_actor_type(raw_type) if raw_type else "",
            description=v.get("description", ""),
            extra=extra,
        )
    used = {
        "source",
        "target",
        "type",
        "weight",
        "relation",
        "label",
        "id",
        "start",
        "end",
        "timeset",
        "interval",
        "status",
        "note",
    }
    extras = _extras(ed, used, RELATION_COLUMNS + ["weight"])
    # An edge without both ends is a broken export: say where, rather than invent an actor.
    missing = [
        Problem(
            ed.display,
            row.line,
            ed.column(key),
            key,
            "missing-value",
            f"{key} is empty; every edge needs a source and a target node id",
        )
        for row in ed.rows
        for key in ("source", "target")
        if not row.values.get(key)
    ]
    if missing:
        raise DataError(missing)
    for row in ed.rows:
        v = row.values
        kind = v.get("type", "").strip()
        directed = kind.lower() not in _UNDIRECTED
        relation = (
            v.get("relation", "")
            or v.get("label", "")
            or (kind if kind.lower() not in {"directed", "undirected", "mutual", ""} else "")
            or "connected"
        )
        weight = _number(v.get("weight", ""))
        extra = {name: v.get(key, "") for key, name in extras}
        if v.get("weight"):
            extra["weight"] = v["weight"]
        times = _intervals(v.get("timeset", "") or v.get("interval", "")) or [
            (_date(v.get("start", "")), _date(v.get("end", "")))
        ]
        for i, (start, end) in enumerate(times):
            given = v.get("id", "")
            b.relation(
                b.actor(v.get("source", "")),
                b.actor(v.get("target", "")),
                relation,
                strength=weight,
                directed=directed,
                status=v.get("status", ""),
                start=start,
                end=end,
                given_id=f"{given}-{i + 1}" if given and len(times) > 1 else given,
                note=v.get("note", ""),
                extra=extra,
            )
    out = b.finish()
    out.actor_columns = _columns(out.actors, ACTOR_COLUMNS)
    out.relation_columns = _columns(out.relations, RELATION_COLUMNS)
    return out


def write_dataset(
    converted: Converted,
    folder: str | os.PathLike,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike] = (),
) -> list[Path]:
    """Write a converted dataset into ``folder`` with :func:`graph.write.write_dataset`.

    Refuses a folder that holds a dataset unless ``force``, and any of
    ``inputs`` (the files converted).

    Raises
    ------
    OutputError
        If the folder already holds a dataset (nothing is written then), or
        is one of ``inputs``.
    """
    tables = {
        "actors": (converted.actor_columns, converted.actors),
        "relations": (converted.relation_columns, converted.relations),
    }
    if converted.relation_types:
        tables["relation_types"] = (VOCABULARY_COLUMNS, converted.relation_types)
    return _write.write_dataset(
        folder,
        {
            name: (cols, [[r.get(c, "") for c in cols] for r in rows])
            for name, (cols, rows) in tables.items()
        },
        force=force,
        inputs=inputs,
    )
