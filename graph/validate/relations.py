"""``relations.csv``: the edges, checked against the actors, sources and vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..problems import WARNING
from ..read import Row, Table
from ..schema import FALSE_WORDS, STATUSES, TRUE_WORDS
from .cells import BAD, Checker, date, extras, generated_id, ids, number, present, text
from .model import Tables
from .suggest import Suggester, suggest


@dataclass
class References:
    """What relations may refer to, known once the other tables are checked.

    ``actors`` and ``sources`` are ``None`` when their file could not be
    read: references into it are then not checked, since its own problem is
    reported and a cascade of "unknown" errors would hide it. ``unread``
    holds the cells of the rows of those files that were not read (a cell
    too many or too few): a reference to one of them is not reported
    unknown, since fixing that row may be all it takes. ``no_id`` lists the
    actors written without an id, as (line, name): an unknown actor may be
    one of them. ``types_unread`` is true when ``relation_types.csv`` is
    there but cannot be used: a relation not in the shipped vocabulary may
    be one of its types, so it is not reported unknown either.
    """

    actors: dict[str, int] | None
    labels: dict[str, str]
    sources: dict[str, int] | None
    machine_coded: set[str]
    vocabulary: dict[str, dict[str, Any]]
    related: set[str] = field(default_factory=set)
    unread: set[str] = field(default_factory=set)
    no_id: list[tuple[int, str]] = field(default_factory=list)
    types_unread: bool = False
    _actor_hint: Suggester | None = None
    _source_hint: Suggester | None = None

    def actor_hint(self, value: str) -> str:
        """A suggestion among the actors (built on first use: a clean file never pays for it)."""
        return self._actors_suggester()(value)

    def prepare_actor_hints(self, rows: list[Row]) -> None:
        """Work out, in one batch, the suggestions for every unknown actor in ``rows``."""
        if self.actors is None:
            return
        known = self.actors
        unknown = {
            value
            for row in rows
            for value in (row.values.get("source", ""), row.values.get("target", ""))
            if value and value not in known
        }
        if unknown:
            self._actors_suggester().prepare(sorted(unknown))

    def _actors_suggester(self) -> Suggester:
        if self._actor_hint is None:
            self._actor_hint = Suggester(self.actors or {}, self.labels)
        return self._actor_hint

    def source_hint(self, value: str) -> str:
        """A suggestion among the sources."""
        if self._source_hint is None:
            self._source_hint = Suggester(self.sources or {})
        return self._source_hint(value)


def validate_relations(
    table: Table | None, checker: Checker, out: Tables, refs: References
) -> None:
    """Check the relations into ``out.relations``; actors they name go into ``refs.related``."""
    if table is None or not present(table, "relations", checker):
        return
    out.columns["relations"] = list(table.header)
    if refs.actors is not None:  # the actors of a row not read are not "isolated"
        refs.related.update(c for _, cells in table.unread for c in cells if c in refs.actors)
    given = ids(checker, table.rows, required=False) if table.column("id") is not None else {}
    more = extras(table, "relations")
    generated: dict[str, int] = {}
    refs.prepare_actor_hints(table.rows)
    for row in table.rows:
        rid = row.values.get("id", "")
        # a duplicate's other problems are reported too
        record = check_relation_row(checker, row, refs)
        if record is None or (rid and given.get(rid) != row.line):
            continue  # an error, or a duplicate id (already reported): the row is not kept
        if not rid:
            base = generated_id(
                record["source"], record["target"], record["relation"], record["start"]
            )
            rid, n = base, 1
            while rid in generated or rid in given:
                n += 1
                rid = f"{base}-{n}"
            generated[rid] = row.line
        record["id"] = rid
        record["start"] = record["start"].text if record["start"] else None
        record["end"] = record["end"].text if record["end"] else None
        for k, h in more:
            record[h] = text(row, k)
        out.relations.append(record)
    out.lines["relations"] = {**given, **generated}


def check_relation_row(checker: Checker, row: Row, refs: References) -> dict[str, Any] | None:
    """Check one row: its record (dates still parsed, no id yet), or ``None`` on an error.

    Every problem of the row goes to ``checker``; the ids, which depend on
    every row, are checked by :func:`validate_relations`.

    Examples
    --------
    >>> from graph.problems import Problem
    >>> from graph.vocabulary import default_vocabulary
    >>> refs = References({"PRK": 2, "KOR": 3}, {}, {}, set(), default_vocabulary())
    >>> problems: list[Problem] = []
    >>> row = Row(2, {"source": "PRK", "target": "KOR", "relation": "threaten", "status": "fakt"})
    >>> check_relation_row(Checker(problems), row, refs) is None
    True
    >>> problems[0].code, problems[0].message
    ('bad-value', 'status "fakt" is not fact, claim or forecast (did you mean "fact"?)')
    """
    ok = _ends(checker, row, refs)
    relation = row.values.get("relation", "")
    ok = _relation_type(checker, row, relation, refs) and ok
    status = row.values.get("status", "").lower()
    ok = _status(checker, row, status) and ok
    sign = number(checker, row, "sign", -1, 1, True)
    intensity = number(checker, row, "intensity", -10, 10, False)
    directed = _directed(checker, row)
    start, end = date(checker, row, "start"), date(checker, row, "end")
    if start not in (None, BAD) and end not in (None, BAD) and end.last < start.first:
        checker.add(
            row,
            "end",
            "reversed-dates",
            f"end {end.text} is before start {start.text}; swap them or fix the date",
        )
        ok = False
    source_id = text(row, "source_id")
    if source_id and refs.sources is not None and source_id in refs.unread - refs.sources.keys():
        ok = False  # its row in sources.csv was not read: that row's problem says why
    elif source_id and refs.sources is not None and source_id not in refs.sources:
        checker.add(
            row,
            "source_id",
            "unknown-source",
            f'source_id "{source_id}" is not an id in {checker.names["sources"]}'
            + (refs.source_hint(source_id) or f"; add the source to {checker.names['sources']}"),
        )
        ok = False
    kind = refs.vocabulary.get(relation)
    if not ok or directed is BAD or BAD in (sign, intensity, start, end) or kind is None:
        _warnings(checker, row, _partial(row, kind, sign, intensity, status), refs, source_id)
        return None
    sign = kind["sign"] if sign is None else sign
    intensity = float(kind["intensity"]) if intensity is None else float(intensity)
    record = {
        "id": None,
        "source": row.values["source"],
        "target": row.values["target"],
        "relation": relation,
        "sign": sign,
        "intensity": intensity,
        "directed": directed,
        "status": status,
        "start": start,
        "end": end,
        "source_id": source_id,
        "said_by": text(row, "said_by"),
        "quote": text(row, "quote"),
        "note": text(row, "note"),
    }
    _warnings(checker, row, record, refs, source_id)
    return record


def _partial(row: Row, kind: dict[str, Any] | None, sign: Any, intensity: Any, status: str):
    """What the warnings look at, of a row with an error: ``None`` where a cell is unusable."""
    if kind is None or BAD in (sign, intensity):
        sign = intensity = None
    else:
        sign = kind["sign"] if sign is None else sign
        intensity = float(kind["intensity"]) if intensity is None else float(intensity)
    return {
        "source": row.values.get("source", ""),
        "target": row.values.get("target", ""),
        "sign": sign,
        "intensity": intensity,
        "status": status if status in STATUSES else None,
        "said_by": text(row, "said_by"),
        "quote": text(row, "quote"),
    }


def _ends(checker: Checker, row: Row, refs: References) -> bool:
    """Check source and target name actors; true when both do."""
    ok = True
    for key in ("source", "target"):
        value = row.values.get(key, "")
        if value == "":
            checker.add(
                row,
                key,
                "missing-value",
                f"{key} is empty; write an actor id from {checker.names['actors']}",
            )
            ok = False
        elif refs.actors is not None and value not in refs.actors and value in refs.unread:
            ok = False  # its row in actors.csv was not read: that row's problem says why
        elif refs.actors is not None and value not in refs.actors:
            checker.add(
                row,
                key,
                "unknown-actor",
                f'{key} "{value}" is not an actor id in {checker.names["actors"]}'
                + (refs.actor_hint(value) or f"; add the actor to {checker.names['actors']}")
                + _no_id_hint(value, refs.no_id),
            )
            ok = False
        elif refs.actors is not None:
            # an actor named in a broken row is not "isolated": fix the row, not the actor
            refs.related.add(value)
    return ok


def _no_id_hint(value: str, no_id: list[tuple[int, str]]) -> str:
    """An actor written without an id may be the one meant."""
    if not no_id:
        return ""
    line, name = no_id[0]
    who = f'the actor "{name}" on line {line}' if name else f"the actor on line {line}"
    more = f" (and {len(no_id) - 1} more)" if len(no_id) > 1 else ""
    return f"; {who}{more} has no id: if it is this one, write {value} as its id"


def _relation_type(checker: Checker, row: Row, relation: str, refs: References) -> bool:
    vocab = refs.vocabulary
    if relation == "":
        checker.add(row, "relation", "missing-value", "relation is empty; write a relation type")
        return False
    if relation not in vocab and (refs.types_unread or relation in refs.unread):
        return False  # its row in relation_types.csv (or the whole file) was not read
    if relation not in vocab:
        checker.add(
            row,
            "relation",
            "unknown-relation",
            f'relation "{relation}" is not in the vocabulary'
            + (
                suggest(relation.lower(), vocab)
                or f"; add it to {checker.names['relation_types']} or use one of: "
                + ", ".join(vocab)
            ),
        )
        return False
    return True


def _status(checker: Checker, row: Row, status: str) -> bool:
    if status == "":
        checker.add(
            row, "status", "missing-value", "status is empty; write fact, claim or forecast"
        )
        return False
    if status not in STATUSES:
        checker.add(
            row,
            "status",
            "bad-value",
            f'status "{row.values["status"]}" is not fact, claim or forecast'
            + suggest(status, STATUSES),
        )
        return False
    return True


def _directed(checker: Checker, row: Row) -> Any:
    raw = row.values.get("directed", "").lower()
    if raw == "" or raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    checker.add(
        row, "directed", "bad-value", f'directed "{row.values["directed"]}" is not true or false'
    )
    return BAD


def _warnings(
    checker: Checker, row: Row, record: dict[str, Any], refs: References, source_id: str | None
) -> None:
    """Warnings about a row: sign against intensity, who says it, the quote, a loop.

    A row with an error gets those whose cells are usable: every problem of
    a row is reported at once, not one after another as they are fixed.
    """
    sign, intensity, status = record["sign"], record["intensity"], record["status"]
    machine = source_id in refs.machine_coded
    # Machine-coded relations take the sign of their type and the mean Goldstein
    # score of their events, which may lean the other way (CAMEO 024x appeals).
    if sign is not None and intensity is not None and sign * intensity < 0 and not machine:
        typed = row.values.get("intensity", "") and not row.values.get("sign", "")
        checker.add(
            row,
            "intensity" if typed else "sign",  # an empty sign follows the type: the typed cell
            "sign-mismatch",
            f"sign {sign:+d} disagrees with intensity {intensity:g}; one of them is probably wrong",
            WARNING,
        )
    if status in ("claim", "forecast") and not record["said_by"]:
        checker.add(
            row,
            "said_by",
            "missing-said-by",
            f"a {status} should say who asserts it in said_by",
            WARNING,
        )
    if not record["quote"] and not machine:
        checker.add(
            row,
            "quote",
            "no-quote",
            "the relation has no quote; add the verbatim evidence",
            WARNING,
        )
    if record["source"] and record["source"] == record["target"]:
        checker.add(
            row,
            "target",
            "self-relation",
            f'source and target are both "{record["source"]}"',
            WARNING,
        )
