"""Check raw tables against the data format and turn them into typed records.

Every problem is collected (not just the first), each with file, physical
line, column, field, a code and a message that names the value and the fix.
The format is documented column by column in ``data/README.md``.
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dates import DateError, parse_date
from .evidence import check_evidence
from .problems import ERROR, WARNING, Problem
from .read import Row, Table
from .schema import (
    ACTOR_TYPES,
    COLUMNS,
    FALSE_WORDS,
    ID_PATTERN,
    REQUIRED,
    SIGN_WORDS,
    SOURCE_COLUMNS,
    STATUSES,
    TRUE_WORDS,
)
from .vocabulary import default_vocabulary

__all__ = ["Tables", "validate_tables"]

_ISO3 = re.compile(r"^[A-Z]{3}$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
#: What a cell checker returns for a cell it reported; distinct from any value (0 included).
BAD = object()


@dataclass
class Tables:
    """Validated records of a dataset, in file order, with their columns.

    ``columns`` keeps, per table, the column names as they appear in the
    file (so an export writes the same columns in the same order).
    ``lines`` maps each record's id to its physical line.
    """

    actors: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    vocabulary: dict[str, dict] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, dict[str, int]] = field(default_factory=dict)


class _Checker:
    """Holds the problem list and the table under check, for short call sites."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.table: Table | None = None

    def add(self, row: Row | None, key: str | None, code: str, message: str, severity=ERROR):
        t = self.table
        line = row.line if row is not None else 1
        col = t.column(key) if (t is not None and key) else None
        self.problems.append(
            Problem(t.display if t else "?", line, col, key, code, message, severity)
        )


def _suggest(value: str, choices, labels: dict[str, str] | None = None, n: int = 3) -> str:
    """' (did you mean "RUS" (Russia)?)' or '' when nothing is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    hits = []
    if value.lower() in lowered:
        hits.append(lowered[value.lower()])
    if labels:
        # a name or alias typed where an id belongs
        for cid, label in labels.items():
            if value.lower() in {x.lower() for x in label.split("\x1f")} and cid not in hits:
                hits.append(cid)
    for c in difflib.get_close_matches(value, choices, n=n, cutoff=0.6):
        if c not in hits:
            hits.append(c)
    if labels:
        names = {}
        for cid, label in labels.items():
            for name in label.split("\x1f"):
                names.setdefault(name.lower(), cid)
        for name in difflib.get_close_matches(value.lower(), list(names), n=n, cutoff=0.6):
            if names[name] not in hits:
                hits.append(names[name])
    if not hits:
        return ""

    def show(c):
        if labels and c in labels:
            return f'"{c}" ({labels[c].split(chr(31))[0]})'
        return f'"{c}"'

    return f" (did you mean {' or '.join(show(c) for c in hits[:n])}?)"


def _present(table: Table | None, name: str, checker: _Checker) -> bool:
    """Report required columns that the file lacks; true if all are there."""
    if table is None:
        return False
    checker.table = table
    ok = True
    for key in REQUIRED[name]:
        if table.column(key) is None:
            ok = False
            near = difflib.get_close_matches(key, table.keys, n=1, cutoff=0.6)
            hint = (
                f' (is "{table.header[table.keys.index(near[0])]}" meant to be "{key}"?)'
                if near
                else ""
            )
            checker.problems.append(
                Problem(
                    table.display,
                    1,
                    None,
                    key,
                    "missing-column",
                    f'required column "{key}" is missing from the header{hint}; '
                    f"the header is: {','.join(table.header)}",
                )
            )
    return ok


def _extras(table: Table, name: str) -> list[tuple[str, str]]:
    """(key, column name as written) of columns the format does not define."""
    known = set(COLUMNS[name])
    return [(k, h) for k, h in zip(table.keys, table.header) if k and k not in known]


def _text(row: Row, key: str) -> str | None:
    value = row.values.get(key, "")
    return value if value != "" else None


def _number(checker: _Checker, row: Row, key: str, lo: float, hi: float, integer: bool):
    raw = row.values.get(key, "")
    if raw == "":
        return None
    text = raw.replace("\u2212", "-")  # a typographic minus from a word processor
    if integer and text.lower() in SIGN_WORDS:
        return SIGN_WORDS[text.lower()]
    try:
        value = float(text)
    except ValueError:
        if re.fullmatch(r"[+-]?\d+,\d+", text):
            checker.add(
                row,
                key,
                "bad-number",
                f'{key} "{raw}" uses a decimal comma; write {text.replace(",", ".")}',
            )
        else:
            kind = "-1, 0 or 1" if integer else f"a number from {lo:g} to {hi:g}"
            checker.add(row, key, "bad-number", f'{key} "{raw}" is not a number; write {kind}')
        return BAD
    if integer and value != int(value):
        checker.add(row, key, "out-of-range", f'{key} "{raw}" must be -1, 0 or 1')
        return BAD
    if not lo <= value <= hi:
        kind = "-1, 0 or 1" if integer else f"from {lo:g} to {hi:g}"
        checker.add(row, key, "out-of-range", f"{key} {raw} is out of range; it must be {kind}")
        return BAD
    return int(value) if integer else value


def _date(checker: _Checker, row: Row, key: str):
    raw = row.values.get(key, "")
    if raw == "":
        return None
    try:
        return parse_date(raw)
    except DateError as err:
        m = _DMY.match(raw)
        if m:
            a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if a > 12 >= b:
                fix = f"write {year}-{b:02d}-{a:02d} (YYYY-MM-DD)"
            elif b > 12 >= a:
                fix = f"write {year}-{a:02d}-{b:02d} (YYYY-MM-DD)"
            else:
                fix = (
                    f"write it as YYYY-MM-DD: {year}-{b:02d}-{a:02d} if day first, "
                    f"{year}-{a:02d}-{b:02d} if month first"
                )
            checker.add(row, key, "bad-date", f'{key} "{raw}" is not an ISO date; {fix}')
        elif _iso_form(raw):
            checker.add(
                row, key, "bad-date", f'{key} "{raw}" is not an ISO date; write {_iso_form(raw)}'
            )
        else:
            checker.add(
                row,
                key,
                "bad-date",
                f"{key}: {err}; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2020-06-16)",
            )
        return BAD


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_OTHER_DATES = [  # (pattern, group order of year, month, day)
    (re.compile(r"^(\d{4})[./ -](\d{1,2})[./ -](\d{1,2})$"), (1, 2, 3)),  # 2020/06/16, 2020-6-16
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),  # 20200616
    (re.compile(r"^(\d{4})[./ ](\d{1,2})$"), (1, 2, None)),  # 2020/06
    (re.compile(r"^(\d{1,2})[./-](\d{4})$"), (2, 1, None)),  # 06/2020
    (re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$"), (3, 1, 2)),  # June 16, 2020
    (re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$"), (3, 2, 1)),  # 16 June 2020
    (re.compile(r"^([a-z]+)\.?,? (\d{4})$"), (2, 1, None)),  # June 2020
]


def _iso_form(raw: str) -> str | None:
    """The ISO form of an unambiguous date written another way, if it names a real day.

    >>> _iso_form("June 16 2020"), _iso_form("2020/06/16"), _iso_form("20200616"), _iso_form("Sept. 2020")
    ('2020-06-16', '2020-06-16', '2020-06-16', '2020-09')
    """
    text = " ".join(raw.lower().replace(",", " ").split())
    for pattern, (y, m, d) in _OTHER_DATES:
        match = pattern.match(text)
        if not match:
            continue
        month = match.group(m)
        month = _MONTHS.get(month) if month.isalpha() else int(month)
        if not month or not 1 <= month <= 12:
            return None
        iso = f"{match.group(y)}-{month:02d}" + (f"-{int(match.group(d)):02d}" if d else "")
        try:
            return parse_date(iso).text
        except DateError:
            return None
    return None


def _generated_id(source: str, target: str, relation: str, start) -> str:
    """``SOURCE-TARGET-RELATION-START``, kept short enough to be a valid id.

    Room is left for a ``-N`` suffix on repeats; a longer base keeps its
    head and gets a short stable hash of the whole, so it stays readable
    and unique.

    >>> _generated_id("PRK", "KOR", "threaten", parse_date("2020"))
    'PRK-KOR-threaten-2020'
    >>> _generated_id("North-Korea", "South-Korea", "cooperate-materially", parse_date("2020-06-16"))
    'North-Korea-South-Korea-coo-106b8346'
    """
    base = f"{source}-{target}-{relation}-{start.text if start else 'undated'}"
    if len(base) <= 36:
        return base
    return f"{base[:27]}-{hashlib.sha1(base.encode('utf-8')).hexdigest()[:8]}"


def _ids(
    checker: _Checker, rows: list[Row], key: str = "id", required: bool = True
) -> dict[str, int]:
    """Check ids are present, well-formed and unique; return id -> line."""
    seen: dict[str, int] = {}
    for row in rows:
        value = row.values.get(key, "")
        if value == "":
            if required:
                checker.add(
                    row, key, "missing-value", f"{key} is empty; every row needs a unique {key}"
                )
            continue
        if not ID_PATTERN.match(value):
            checker.add(
                row,
                key,
                "bad-id",
                f'{key} "{value}" must be 1-40 characters without spaces, commas, '
                "semicolons, quotes or <>&",
            )
        if value in seen:
            checker.add(
                row,
                key,
                "duplicate-id",
                f'{key} "{value}" is already used on line {seen[value]}; ids must be unique',
            )
            continue
        seen[value] = row.line
    return seen


def _vocabulary(tables: dict, checker: _Checker, out: Tables) -> dict[str, dict]:
    vocab = default_vocabulary()
    table = tables.get("relation_types")
    if not _present(table, "relation_types", checker):
        return vocab
    out.columns["relation_types"] = list(table.header)
    seen = _ids(checker, table.rows, "relation")
    for row in table.rows:
        name = row.values.get("relation", "")
        if name not in seen or seen[name] != row.line:
            continue
        sign = _number(checker, row, "sign", -1, 1, True)
        intensity = _number(checker, row, "intensity", -10, 10, False)
        if sign is None:
            checker.add(row, "sign", "missing-value", "sign is empty; write -1, 0 or 1")
        if intensity is None:
            checker.add(
                row,
                "intensity",
                "missing-value",
                "intensity is empty; write a number from -10 to 10",
            )
        if any(x is None or x is BAD for x in (sign, intensity)):
            continue
        quad = (
            _number(checker, row, "quad_class", 1, 4, False) if "quad_class" in row.values else None
        )
        record = {
            "relation": name,
            "sign": sign,
            "intensity": intensity,
            "cameo": _text(row, "cameo"),
            "plover": _text(row, "plover"),
            "quad_class": int(quad) if quad else None,
            "description": _text(row, "description") or "",
        }
        for k, h in _extras(table, "relation_types"):
            record[h] = _text(row, k)
        vocab[name] = record
    return vocab


def validate_tables(tables: dict[str, Table | None]) -> tuple[Tables, list[Problem]]:
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
    """
    problems: list[Problem] = []
    checker = _Checker(problems)
    out = Tables()
    out.vocabulary = vocab = _vocabulary(tables, checker, out)

    # References into a table that could not be read are not checked: its
    # own problem is reported, and a cascade of "unknown" errors would hide it.
    actors_read = tables.get("actors") is not None
    sources_read = "sources" not in tables or tables["sources"] is not None

    # sources
    sources: dict[str, int] = {}
    table = tables.get("sources")
    if _present(table, "sources", checker):
        out.columns["sources"] = list(table.header)
        sources = _ids(checker, table.rows)
        extras = _extras(table, "sources")
        for row in table.rows:
            sid = row.values.get("id", "")
            if sources.get(sid) != row.line:
                continue
            record = {k: _text(row, k) for k in SOURCE_COLUMNS}
            _date(checker, row, "published")  # reports a bad date; the text is kept
            url = record["url"]
            if url and urlsplit(url).scheme.lower() not in ("http", "https"):
                checker.add(
                    row,
                    "url",
                    "bad-url",
                    f'url "{url}" is not an http(s) address; the view will not link it',
                    WARNING,
                )
            for k, h in extras:
                record[h] = _text(row, k)
            out.sources.append(record)
        out.lines["sources"] = sources
    # Relations aggregated from machine-coded events have no verbatim quote to give.
    machine_coded = {
        r["id"]
        for r in out.sources
        if str(r.get("machine_coded") or "").strip().lower() in TRUE_WORDS
    }

    # actors
    actors: dict[str, int] = {}
    labels: dict[str, str] = {}
    table = tables.get("actors")
    if _present(table, "actors", checker):
        out.columns["actors"] = list(table.header)
        actors = _ids(checker, table.rows)
        extras = _extras(table, "actors")
        for row in table.rows:
            aid = row.values.get("id", "")
            if actors.get(aid) != row.line:
                continue
            name = _text(row, "name")
            if name is None:
                checker.add(
                    row,
                    "name",
                    "missing-value",
                    f'actor "{aid}" has no name; write the name to show',
                )
                name = aid
            kind = (_text(row, "type") or "state").lower()
            if kind not in ACTOR_TYPES:
                checker.add(
                    row,
                    "type",
                    "bad-value",
                    f'type "{row.values["type"]}" is not one of {", ".join(ACTOR_TYPES)}'
                    + _suggest(kind, ACTOR_TYPES),
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
            record = {
                "id": aid,
                "name": name,
                "type": kind,
                "aliases": aliases,
                "group": _text(row, "group"),
                "description": _text(row, "description"),
            }
            for k, h in extras:
                record[h] = _text(row, k)
            labels[aid] = "\x1f".join([name, *aliases])
            out.actors.append(record)
        out.lines["actors"] = actors

    # relations
    table = tables.get("relations")
    related: set[str] = set()
    if _present(table, "relations", checker):
        out.columns["relations"] = list(table.header)
        has_id = table.column("id") is not None
        given = _ids(checker, table.rows, required=False) if has_id else {}
        extras = _extras(table, "relations")
        generated: dict[str, int] = {}
        for row in table.rows:
            rid = row.values.get("id", "")
            if rid and given.get(rid) != row.line:
                continue  # a duplicate id, already reported
            ok = True
            ends = {}
            for key in ("source", "target"):
                value = row.values.get(key, "")
                ends[key] = value
                if value == "":
                    checker.add(
                        row,
                        key,
                        "missing-value",
                        f"{key} is empty; write an actor id from actors.csv",
                    )
                    ok = False
                elif actors_read and value not in actors:
                    checker.add(
                        row,
                        key,
                        "unknown-actor",
                        f'{key} "{value}" is not an actor id in actors.csv'
                        + (_suggest(value, actors, labels) or "; add the actor to actors.csv"),
                    )
                    ok = False
            # an actor named in a broken row is not "isolated": fix the row, not the actor
            related.update(v for v in ends.values() if v in actors)
            relation = row.values.get("relation", "")
            if relation == "":
                checker.add(
                    row, "relation", "missing-value", "relation is empty; write a relation type"
                )
                ok = False
            elif relation not in vocab:
                checker.add(
                    row,
                    "relation",
                    "unknown-relation",
                    f'relation "{relation}" is not in the vocabulary'
                    + (
                        _suggest(relation.lower(), vocab)
                        or "; add it to relation_types.csv or use one of: " + ", ".join(vocab)
                    ),
                )
                ok = False
            status = row.values.get("status", "").lower()
            if status == "":
                checker.add(
                    row, "status", "missing-value", "status is empty; write fact, claim or forecast"
                )
                ok = False
            elif status not in STATUSES:
                checker.add(
                    row,
                    "status",
                    "bad-value",
                    f'status "{row.values["status"]}" is not fact, claim or forecast'
                    + _suggest(status, STATUSES),
                )
                ok = False
            sign = _number(checker, row, "sign", -1, 1, True)
            intensity = _number(checker, row, "intensity", -10, 10, False)
            directed_raw = row.values.get("directed", "").lower()
            if directed_raw == "" or directed_raw in TRUE_WORDS:
                directed = True
            elif directed_raw in FALSE_WORDS:
                directed = False
            else:
                checker.add(
                    row,
                    "directed",
                    "bad-value",
                    f'directed "{row.values["directed"]}" is not true or false',
                )
                ok, directed = False, True
            start, end = _date(checker, row, "start"), _date(checker, row, "end")
            if start not in (None, BAD) and end not in (None, BAD) and end.last < start.first:
                checker.add(
                    row,
                    "end",
                    "reversed-dates",
                    f"end {end.text} is before start {start.text}; swap them or fix the date",
                )
                ok = False
            source_id = _text(row, "source_id")
            if source_id and sources_read and source_id not in sources:
                checker.add(
                    row,
                    "source_id",
                    "unknown-source",
                    f'source_id "{source_id}" is not an id in sources.csv'
                    + (_suggest(source_id, sources) or "; add the source to sources.csv"),
                )
                ok = False
            if not ok or BAD in (sign, intensity, start, end):
                continue
            kind = vocab[relation]
            if sign is None:
                sign = kind["sign"]
            if intensity is None:
                intensity = float(kind["intensity"])
            # Machine-coded relations take the sign of their type and the mean Goldstein
            # score of their events, which may lean the other way (CAMEO 024x appeals).
            if sign * intensity < 0 and source_id not in machine_coded:
                checker.add(
                    row,
                    "sign",
                    "sign-mismatch",
                    f"sign {sign:+d} disagrees with intensity {intensity:g}; "
                    "one of them is probably wrong",
                    WARNING,
                )
            said_by = _text(row, "said_by")
            if status in ("claim", "forecast") and not said_by:
                checker.add(
                    row,
                    "said_by",
                    "missing-said-by",
                    f"a {status} should say who asserts it in said_by",
                    WARNING,
                )
            quote = _text(row, "quote")
            if not quote and source_id not in machine_coded:
                checker.add(
                    row,
                    "quote",
                    "no-quote",
                    "the relation has no quote; add the verbatim evidence",
                    WARNING,
                )
            if ends["source"] == ends["target"]:
                checker.add(
                    row,
                    "target",
                    "self-relation",
                    f'source and target are both "{ends["source"]}"',
                    WARNING,
                )
            if not rid:
                base = _generated_id(ends["source"], ends["target"], relation, start)
                rid, n = base, 1
                while rid in generated or rid in given:
                    n += 1
                    rid = f"{base}-{n}"
                generated[rid] = row.line
            record = {
                "id": rid,
                "source": ends["source"],
                "target": ends["target"],
                "relation": relation,
                "sign": sign,
                "intensity": float(intensity),
                "directed": directed,
                "status": status,
                "start": start.text if start else None,
                "end": end.text if end else None,
                "source_id": source_id,
                "said_by": said_by,
                "quote": quote,
                "note": _text(row, "note"),
            }
            for k, h in extras:
                record[h] = _text(row, k)
            out.relations.append(record)
        out.lines["relations"] = {**given, **generated}

    if tables.get("actors") is not None and tables.get("relations") is not None:
        checker.table = tables["actors"]
        for row in tables["actors"].rows:
            aid = row.values.get("id", "")
            if aid in actors and actors[aid] == row.line and aid not in related:
                checker.add(
                    row, "id", "isolated-actor", f'actor "{aid}" takes part in no relation', WARNING
                )
    problems.extend(check_evidence(out, tables))  # quotes against their sources' texts
    return out, problems
