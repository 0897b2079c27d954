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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import write as _write
from ..dates import parse_date
from ..problems import WARNING, DataError, Problem
from ..read import Row, Table, read_table
from ..read.headers import joined_header, missing_columns
from ..schema import (
    ACTOR_COLUMNS,
    DEFAULT_STATUS,
    RELATION_COLUMNS,
    STATUSES,
    VOCABULARY_COLUMNS,
    make_id,
)
from ..vocabulary import default_vocabulary
from .cells import DateCells, _header, _number_text, _sign, intervals
from .ids import actor_id, slug, usable_id

__all__ = ["Converted", "from_kumu", "from_gephi", "write_dataset"]


def _words(**by_type: str) -> dict[str, str]:
    """word -> actor type, from space-separated words per type."""
    return {w.replace("_", " "): kind for kind, words in by_type.items() for w in words.split()}


_TYPE_WORDS = _words(
    state="state country nation government",
    organization="organization organisation company ngo institution agency",
    person="person people individual leader",
    group="group party movement militia",
    location="location place city region",
)
# Kumu maps are made in many languages: the common words for the same types.
# The original word is kept beside the type (``kumu type``), as for unknown words.
_OTHER_LANGUAGES = _words(
    state="pays état etat staat land país pais estado stato nazione",
    organization="organisation_internationale organización organizacion organizzazione "
    "organização entreprise unternehmen empresa",
    person="personne persona pessoa personnalité",
    group="groupe gruppe grupo gruppo parti partei partido",
    location="lieu ort lugar luogo ville stadt ciudad città",
)
_TYPE_WORDS.update(_OTHER_LANGUAGES)
_UNDIRECTED = {"undirected", "mutual", "false", "no"}

# The columns each import reads (as keys: lower case); any other column is
# carried over as an extra column of the same name.
KUMU_ELEMENTS = frozenset({"label", "id", "type", "description", "tags"})
KUMU_CONNECTIONS = frozenset(
    {"from", "to", "type", "direction", "strength", "description", "status"}
    | {"start", "end", "start date", "end date", "sign"}
)
GEPHI_NODES = frozenset({"id", "label", "type", "description"} | {"aliases", "group"})
GEPHI_EDGES = frozenset(
    {"source", "target", "type", "weight", "relation", "label", "id", "start", "end"}
    | {"timeset", "interval", "status", "note", "sign"}
    | {"intensity", "quote", "said_by", "directed"}
)
# geograph's own columns that a Gephi table holds when it was made from geograph's GEXF
# (Gephi keeps each attribute as a column of its title): read as they are, so that the
# relations come back the same. source_id stays an extra: the import has no sources.
_GEPHI_OWN_NODES = ("aliases", "group")
_GEPHI_OWN_EDGES = ("intensity", "quote", "said_by")


@dataclass
class Converted:
    """A dataset made from another tool's files, before it is written.

    ``actors`` and ``relations`` are rows of text by column name, in the
    order of ``actor_columns`` and ``relation_columns``; ``relation_types``
    holds the types that the shipped vocabulary lacks. ``warnings`` are the
    problems that did not stop the import (a tie to an actor that the
    actors' sheet lacks, added as Kumu and Gephi add it).
    """

    actors: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    relation_types: list[dict] = field(default_factory=list)
    actor_columns: list[str] = field(default_factory=lambda: list(ACTOR_COLUMNS))
    relation_columns: list[str] = field(default_factory=lambda: list(RELATION_COLUMNS))
    warnings: list[Problem] = field(default_factory=list)


def _table_errors(
    path, required: list[str], known: frozenset[str]
) -> tuple[Table | None, list[Problem]]:
    """A table read from ``path``, with its errors (unreadable, a required column missing).

    A missing column's message names the column most likely meant for it
    among those the import does not read (``known`` are the ones it does).
    """
    table, problems = read_table(path)
    errors = [p for p in problems if p.severity == "error"]
    joined = joined_header(table.header) if table is not None else None
    if joined is not None:
        errors.append(Problem(str(path), 1, 1, required[0], "missing-column", joined))
    elif table is not None:
        unknown = [h for k, h in zip(table.keys, table.header) if k and k not in known]
        for key, msg in missing_columns(required, table.header, table.keys, unknown):
            errors.append(Problem(str(path), 1, None, key, "missing-column", msg))
    if table is None and not errors:
        errors = list(problems)
    return table, errors


def _read_both(
    first: tuple[str | Path, list[str], frozenset[str]],
    second: tuple[str | Path, list[str], frozenset[str]],
) -> tuple[Table, Table]:
    """Both files of an import, each (path, required, known columns), read as tables.

    Every error of both files is raised at once.
    """
    a, errors = _table_errors(*first)
    b, more = _table_errors(*second)
    if errors or more or a is None or b is None:
        raise DataError(errors + more)
    return a, b


def _actor_type(value: str) -> str:
    return _TYPE_WORDS.get(value.strip().lower(), "group")


def _keeps_original(word: str) -> bool:
    """Whether an actor type word is kept beside the type: unknown or not English."""
    word = word.strip().lower()
    return bool(word) and (word not in _TYPE_WORDS or word in _OTHER_LANGUAGES)


def _missing_ends(table: Table, keys: tuple[str, str], what: str) -> None:
    """Refuse a table of ties in which a row lacks one of its ends, naming every such cell."""
    missing = [
        Problem(
            table.display,
            row.line,
            table.column(key),
            key,
            "missing-value",
            f"{_header(table, key)} is empty; every {what} needs both a "
            f"{_header(table, keys[0])} and a {_header(table, keys[1])}",
        )
        for row in table.rows
        if any(row.values.get(k, "").strip() for k in table.keys)
        for key in keys
        if not [n for n in row.values.get(key, "").split("|") if n.strip()]
    ]
    if missing:
        raise DataError(missing)


def _relation_name(text: str) -> str:
    """A relation type name from free text, in any script: lower case, id-safe."""
    return make_id(text.lower().replace("_", "-"), fallback="connected")


def _extras(table: Table, used: frozenset[str], known: list[str]) -> list[tuple[str, str]]:
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
    """Collects actors, relations and new relation types with unique, valid ids."""

    def __init__(self):
        self.out = Converted()
        self.vocab = default_vocabulary()
        self.ids: set[str] = set()
        self.by_label: dict[str, str] = {}
        self.new_types: dict[str, str] = {}  # name -> the words it was made from
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
        own: dict | None = None,
    ) -> str:
        """The id of the actor that ``label`` refers to, adding the actor on first sight."""
        if label in self.by_label:
            return self.by_label[label]
        if usable_id(given_id, self.ids):
            aid = given_id
            self.ids.add(aid)
        elif given_id:
            aid = slug(given_id, self.ids)
        else:
            aid = actor_id(label, kind, self.ids)
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
                **(own or {}),
                **(extra or {}),
            }
        )
        return aid

    def end(self, label: str, table: Table, row: Row, key: str, sheet: str) -> str:
        """The id of a tie's end, ``label``; one not in ``sheet`` is added, with a warning.

        Kumu and Gephi draw such a tie too, making the element (node) on the
        way; a misspelt name would then be a second actor without a word.
        The warning is at the first tie naming it.
        """
        if label not in self.by_label:
            self.out.warnings.append(
                Problem(
                    table.display,
                    row.line,
                    table.column(key),
                    key,
                    "unknown-actor",
                    f'{_header(table, key)} "{label}" is not {sheet}; it is added as an actor '
                    "with its name only: add it there, or correct the name",
                    WARNING,
                )
            )
        return self.actor(label)

    def relation(
        self,
        source: str,
        target: str,
        kind: str,
        *,
        directed: bool,
        sign: str = "",
        status: str = "",
        start: str | None = None,
        end: str | None = None,
        given_id: str = "",
        note: str = "",
        extra: dict | None = None,
        own: dict | None = None,
    ) -> None:
        """Add one relation; its weight or strength is data (in ``extra``), never its sign.

        ``own`` holds cells of geograph's own columns read as they are (``quote``...).
        """
        name = kind if kind in self.vocab else _relation_name(kind)
        if name not in self.vocab:
            self.new_types.setdefault(name, kind)
        if usable_id(given_id, self.relation_ids):
            rid = given_id
            self.relation_ids.add(rid)
        else:
            rid = slug(f"{source}-{target}-{name}", self.relation_ids, "relation")
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
                "intensity": "",
                "directed": "true" if directed else "false",
                "status": status if status in STATUSES else DEFAULT_STATUS,
                "start": start or "",
                "end": end or "",
                "source_id": "",
                "said_by": "",
                "quote": "",
                "note": note,
                **(own or {}),
                **(extra or {}),
            }
        )

    def finish(self) -> Converted:
        # A type the vocabulary lacks says nothing of hostility: neutral until someone decides.
        for name, words in self.new_types.items():
            self.out.relation_types.append(
                {
                    "relation": name,
                    "sign": "0",
                    "intensity": "0",
                    "cameo": "",
                    "plover": "",
                    "quad_class": "",
                    "description": f"imported ({words}); set sign and intensity to what it means",
                }
            )
        return self.out


def _columns(rows: list[dict], base: list[str]) -> list[str]:
    cols = list(base)
    for row in rows:
        cols.extend(k for k in row if k not in cols)
    return cols


def from_kumu(elements: str | Path, connections: str | Path) -> Converted:
    r"""A dataset from Kumu's two sheets saved as CSV (elements and connections).

    Element ``Label`` becomes the name and (made id-safe) the id, unless an
    ``ID`` column gives one; an element of a country or state type named
    after a country gets its ISO 3166 alpha-3 code as id (``North Korea``:
    ``PRK``), the code ``geograph check`` expects of a state, found as the
    ICEWS import finds it (with pycountry, of the ``events`` extra; without
    it the id comes from the label). ``Type`` maps onto geograph's actor types
    (unknown ones become ``group``, the original kept as ``kumu type``);
    the first of the ``|``-separated ``Tags`` becomes the group, all of
    them the ``tags`` extra column. A connection's ``From`` and ``To`` may
    name several elements with ``|``: one relation per pair. ``Direction``
    ``undirected`` or ``mutual`` gives an undirected relation. A ``Type``
    outside the vocabulary (in any language) becomes a new relation type,
    neutral (sign 0) until its sign is set; a ``Sign`` column, when there
    is one, gives a relation's own sign. ``Strength`` is kept as a number
    in the ``strength`` column (for line widths), never as a sign.

    Raises
    ------
    DataError
        When a file cannot be read, lacks a required column, or a
        connection lacks its ``From`` or ``To`` (every such cell named).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "el.csv").write_text("Label,Type\nÉtat d'Ålesund,Pays\n", "utf-8")
    >>> _ = (d / "co.csv").write_text("From,To,Type,Strength\nÉtat d'Ålesund,B,Coopération,\"2,5\"\n")
    >>> out = from_kumu(d / "el.csv", d / "co.csv")
    >>> [(a["id"], a["type"], a.get("kumu type")) for a in out.actors]
    [('État-d-Ålesund', 'state', 'Pays'), ('B', 'group', None)]
    >>> out.relations[0]["relation"], out.relations[0]["strength"], out.relation_types[0]["sign"]
    ('coopération', '2.5', '0')
    """
    el, co = _read_both(
        (elements, ["label"], KUMU_ELEMENTS), (connections, ["from", "to"], KUMU_CONNECTIONS)
    )
    b = _Builder()
    extras = _extras(el, KUMU_ELEMENTS, ACTOR_COLUMNS + ["kumu type", "tags"])
    for row in el.rows:
        v = row.values
        label = v.get("label", "")
        if not label:
            continue
        tags = [t.strip() for t in v.get("tags", "").split("|") if t.strip()]
        # a name column that says the label again (geograph's GEXF has both) is no extra
        extra = {
            name: v.get(key, "")
            for key, name in extras
            if not (key == "name" and v.get(key, "") == v.get("label", ""))
        }
        raw_type = v.get("type", "")
        if _keeps_original(raw_type):
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
    extras = _extras(co, KUMU_CONNECTIONS, RELATION_COLUMNS + ["strength"])
    elements_sheet = f"a Label in {el.display}"
    _missing_ends(co, ("from", "to"), "connection")
    dates = DateCells(co)
    for row in co.rows:
        v = row.values
        extra = {name: v.get(key, "") for key, name in extras}
        if v.get("strength"):
            extra["strength"] = _number_text(v["strength"])
        start = dates(row, "start" if v.get("start", "").strip() else "start date")
        end = dates(row, "end" if v.get("end", "").strip() else "end date")
        for src in [s.strip() for s in v.get("from", "").split("|") if s.strip()]:
            for dst in [t.strip() for t in v.get("to", "").split("|") if t.strip()]:
                b.relation(
                    b.end(src, co, row, "from", elements_sheet),
                    b.end(dst, co, row, "to", elements_sheet),
                    v.get("type", "") or "connected",
                    sign=_sign(v.get("sign", "")),
                    directed=v.get("direction", "").strip().lower() not in _UNDIRECTED,
                    status=v.get("status", ""),
                    start=start,
                    end=end,
                    note=v.get("description", ""),
                    extra=extra,
                )
    dates.check()
    out = b.finish()
    out.actor_columns = _columns(out.actors, ACTOR_COLUMNS)
    out.relation_columns = _columns(out.relations, RELATION_COLUMNS)
    return out


def _gephi_nodes(b: _Builder, no: Table) -> None:
    """Gephi's nodes table into actors."""
    extras = _extras(no, GEPHI_NODES, ACTOR_COLUMNS + ["gephi type"])
    for row in no.rows:
        v = row.values
        nid = v.get("id", "")
        if not nid:
            continue
        # a name column that says the label again (geograph's GEXF has both) is no extra
        extra = {
            name: v.get(key, "")
            for key, name in extras
            if not (key == "name" and v.get(key, "") == v.get("label", ""))
        }
        raw_type = v.get("type", "")
        if _keeps_original(raw_type):
            extra["gephi type"] = raw_type
        b.actor(
            nid,
            name=v.get("label", ""),
            given_id=nid,
            kind=_actor_type(raw_type) if raw_type else "",
            description=v.get("description", ""),
            extra=extra,
            own={k: v[k] for k in _GEPHI_OWN_NODES if v.get(k)},
        )


def from_gephi(nodes: str | Path, edges: str | Path) -> Converted:
    r"""A dataset from Gephi's nodes and edges tables saved as CSV.

    ``Id`` is kept as the actor id when it is a valid id (else made one),
    ``Label`` is the name. On edges, ``Type`` Directed/Undirected gives
    ``directed``; any other ``Type`` value, or a ``Relation`` or ``Label``
    column, names the relation; a type outside the vocabulary is new and
    neutral (sign 0) unless a ``Sign`` column gives the relation's sign.
    ``Weight`` says how strong a tie is, not whether it is hostile: it is
    kept as a number in the ``weight`` column (``2,5`` -> ``2.5``), which
    exports write as the edge weight. Times come from ``Start``/``End`` or
    from a ``Timeset``/``Interval`` column: one relation per interval.
    geograph's own columns, as Gephi's tables of geograph's GEXF hold them
    (``Group`` and ``Aliases`` of nodes; ``Intensity``, ``Quote``,
    ``Said_by`` of edges), are read as they are.

    Raises
    ------
    DataError
        When a file cannot be read, lacks a required column, or an edge
        lacks its ``Source`` or ``Target`` (every such cell named).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "n.csv").write_text("Id,Label\nn 1,Köln\nn2,Paris\n", "utf-8")
    >>> _ = (d / "e.csv").write_text("Source,Target,Type,Weight\nn 1,n2,Undirected,34\n")
    >>> out = from_gephi(d / "n.csv", d / "e.csv")
    >>> [a["id"] for a in out.actors], out.relations[0]["weight"], out.relations[0]["sign"]
    (['n-1', 'n2'], '34', '')
    """
    no, ed = _read_both((nodes, ["id"], GEPHI_NODES), (edges, ["source", "target"], GEPHI_EDGES))
    b = _Builder()
    _gephi_nodes(b, no)
    extras = _extras(ed, GEPHI_EDGES, RELATION_COLUMNS + ["weight"])
    nodes_sheet = f"an Id in {no.display}"
    # An edge without both ends is a broken export: say where, rather than invent an actor.
    _missing_ends(ed, ("source", "target"), "edge")
    dates = DateCells(ed)
    for row in ed.rows:
        v = row.values
        kind = v.get("type", "").strip()
        # Gephi's Type, else a directed column (true/false) as geograph's GEXF holds it
        directed = (kind or v.get("directed", "").strip()).lower() not in _UNDIRECTED
        relation = (
            v.get("relation", "")
            or v.get("label", "")
            or (kind if kind.lower() not in {"directed", "undirected", "mutual", ""} else "")
            or "connected"
        )
        extra = {name: v.get(key, "") for key, name in extras}
        if v.get("weight"):
            extra["weight"] = _number_text(v["weight"])
        timed = "timeset" if v.get("timeset", "").strip() else "interval"
        times = [
            (dates(row, timed, a), dates(row, timed, b)) for a, b in intervals(v.get(timed, ""))
        ] or [(dates(row, "start"), dates(row, "end"))]
        for i, (start, end) in enumerate(times):
            given = v.get("id", "")
            b.relation(
                b.end(v.get("source", ""), ed, row, "source", nodes_sheet),
                b.end(v.get("target", ""), ed, row, "target", nodes_sheet),
                relation,
                sign=_sign(v.get("sign", "")),
                directed=directed,
                status=v.get("status", ""),
                start=start,
                end=end,
                given_id=f"{given}-{i + 1}" if given and len(times) > 1 else given,
                note=v.get("note", ""),
                extra=extra,
                own={k: v[k] for k in _GEPHI_OWN_EDGES if v.get(k)},
            )
    dates.check()
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
