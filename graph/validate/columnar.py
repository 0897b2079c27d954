"""``relations.csv`` checked column by column, the row checks spent only where needed.

:func:`validate_relation_columns` does what :func:`.relations.validate_relations`
does, over whole columns: set differences find the unknown actors, relation
types, statuses and sources, each distinct number, flag and date is checked
once by the usual cell checks, and masks find the rows that would get a
warning. These checks make no message: they only find *which* rows have a
problem (a superset is harmless), and those rows alone, with their physical
lines, go through the row validator's own code
(:func:`.relations.check_relation_row`), the one source of messages. The
checks that depend on every row (duplicate ids, the ids generated for empty
cells) run over the whole columns with their usual meaning. So the problems
are those of the row-by-row path, in the same order, and the records are its
records, kept as columns.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from ..dates import DateError, parse_date
from ..read import Row, Table
from ..read.columns import Columns
from ..schema import FALSE_WORDS, ID_PATTERN, RELATION_COLUMNS, STATUSES, TRUE_WORDS
from .cells import BAD, Checker, generated_id, ids, number, present
from .model import Tables
from .relations import References, check_relation_row

__all__ = ["columns_of", "validate_relation_columns"]


def validate_relation_columns(
    table: Columns, checker: Checker, out: Tables, refs: References
) -> None:
    """Check the relations given as columns into ``out.relation_columns``.

    The same problems, in the same order, as
    :func:`.relations.validate_relations` on the same file read row by row,
    and the same records (as columns); ``refs.related`` gets the actors the
    relations name.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.read.columns import read_columns
    >>> from graph.vocabulary import default_vocabulary
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "relations.csv"
    >>> _ = p.write_text(
    ...     "source,target,relation,status,quote\\nPRK,KOR,threaten,fact,q\\nPRK,KORR,threaten,fact,q\\n"
    ... )
    >>> refs = References({"PRK": 2, "KOR": 3}, {}, {}, set(), default_vocabulary())
    >>> problems, out = [], Tables()
    >>> validate_relation_columns(read_columns(p, "relations.csv"), Checker(problems), out, refs)
    >>> cols = out.relation_columns
    >>> cols["id"], cols["sign"], cols["intensity"], cols["directed"]
    (['PRK-KOR-threaten-undated'], [-1], [-6.0], [True])
    >>> print(problems[0])
    relations.csv:3:2: unknown-actor target "KORR" is not an actor id in actors.csv (did you mean "KOR"?)
    """
    header = Table(table.path, table.display, table.header, delimiter=table.delimiter)
    if not present(header, "relations", checker):
        return
    out.columns["relations"] = list(table.header)
    c, n = table.columns, len(table)
    if refs.actors is not None:  # the actors' own id strings, not one string per cell
        own = {a: a for a in refs.actors}
        for key in ("source", "target"):
            c[key] = list(map(own.get, c[key], c[key]))
    id_column = _get(c.get("id"), n)
    given: _FirstLines | dict[str, int] = _given_ids(checker, table, id_column) if "id" in c else {}
    skipped = _duplicates(id_column, table.lines, given)
    values, flagged = _checked_columns(table, refs)
    # a duplicate's other problems are reported too, as the row checks do; it is not kept
    rows = {i: _row(table, i) for i in sorted(flagged | skipped)}
    refs.prepare_actor_hints(list(rows.values()))
    records = {i: check_relation_row(checker, row, refs) for i, row in rows.items()}
    if refs.actors is not None:  # a flagged row's known actors are added by its row check
        source, target = c["source"], c["target"]
        if skipped:
            kept = _mask(n, skipped)
            source, target = _take(source, kept), _take(target, kept)
        refs.related.update((set(source) | set(target)) & refs.actors.keys())
    columns = _record_columns(table, values)
    keep = None
    if flagged or skipped:
        keep = _mask(n, skipped | {i for i, r in records.items() if r is None})
        columns = _patched(columns, records, keep)
    lines = table.lines if keep is None else _take(table.lines, keep)
    given_ids = id_column if keep is None else _take(id_column, keep)
    columns["id"], generated = _ids(given_ids, columns, lines, given)
    known = set(RELATION_COLUMNS)
    for key, name in zip(table.keys, table.header):
        if key not in known:
            cells = c[key] if keep is None else _take(c[key], keep)
            columns[name] = _nones(cells)
    out.relation_columns = {"id": columns.pop("id"), **columns}
    given.update(generated)  # given's own (no copy of an id per relation)
    out.lines["relations"] = given


def columns_of(table: Table) -> Columns:
    """A table read row by row (say, with a quoted cell over several lines) as columns.

    Each row keeps its physical line, so :func:`validate_relation_columns`
    reports what :func:`.relations.validate_relations` reports. For a table
    read without problems: every row then has a cell for every column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.read import read_table
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text('id,note\\nA,"two\\nlines"\\nB,x\\n', encoding="utf-8")
    >>> c = columns_of(read_table(p)[0])
    >>> c.columns, c.lines
    ({'id': ['A', 'B'], 'note': ['two\\nlines', 'x']}, [2, 4])
    """
    rows = table.rows
    columns = {key: [row.values[key] for row in rows] for key in table.keys}
    lines = [row.line for row in rows]
    return Columns(table.path, table.display, list(table.header), list(table.keys), columns, lines)


def _get(column: list[str] | None, n: int) -> list[str]:
    return column if column is not None else [""] * n


def _lower(column: list[str]) -> list[str]:
    """The cells in lower case, one string per distinct cell (not one per row).

    Examples
    --------
    >>> col = _lower(["Fact", "fact", "Fact"])
    >>> col, col[0] is col[2]
    (['fact', 'fact', 'fact'], True)
    >>> col = ["fact", "claim"]
    >>> _lower(col) is col
    True
    """
    lower = {v: v.lower() for v in set(column)}
    if all(k == v for k, v in lower.items()):
        return column  # read only, as the checks' other columns
    return list(map(lower.__getitem__, column))


def _nones(column: list[str]) -> list[str | None]:
    """Cells as :func:`.cells.text` gives them: ``None`` for empty (no copy when none is).

    The columns read are the checks' own, never changed: a column with no
    empty cell becomes the record column as it is (at 283k relations, 2.2 MiB
    of slots a column).
    """
    if "" in column:
        return [v or None for v in column]
    return cast("list[str | None]", column)  # read only, as the checks' other columns


def _mask(n: int, drop: set[int]) -> list[int]:
    """The positions ``0..n-1`` but those in ``drop``, in order."""
    keep = bytearray(b"\x01") * n
    for i in drop:
        keep[i] = 0
    return list(itertools.compress(range(n), keep))


def _take(column: Sequence, positions: list[int]) -> list:
    """The cells at ``positions``, in their order."""
    if len(positions) < 2:
        return [column[i] for i in positions]
    return list(operator.itemgetter(*positions)(column))


def _row(table: Columns, i: int) -> Row:
    """Row ``i`` as :func:`graph.read.read_table` gives it."""
    return Row(table.lines[i], {k: col[i] for k, col in table.columns.items()})


def _rows_with(column: list[str], bad: set[str]) -> set[int]:
    """Positions of the cells whose value is in ``bad``."""
    return {i for i, v in enumerate(column) if v in bad} if bad else set()


class _FirstLines(Mapping[str, int]):
    """Each given id's line, for ids all well formed and used once, made on first read.

    A build never reads it: only the messages of later checks and the
    callers of :func:`graph.validate.validate_tables` do. A dict of 283k ids
    is 10 MiB at the checks' peak; this holds the id column (the records'
    own) and the line numbers (a ``range`` as a rule) until then.

    Examples
    --------
    >>> lines = _FirstLines(["A", "", "B"], range(2, 5), 2)
    >>> len(lines), lines == {"A": 2, "B": 4}, "B" in lines
    (2, True, True)
    >>> lines.update({"C": 9}); lines["C"], len(lines)
    (9, 3)
    """

    def __init__(self, ids: list[str], lines: Sequence[int], size: int):
        self._ids: list[str] | None = ids
        self._lines: Sequence[int] | None = lines
        self._size = size
        self._made: dict[str, int] | None = None

    def _map(self) -> dict[str, int]:
        if self._made is None:
            assert self._ids is not None and self._lines is not None
            self._made = dict(zip(self._ids, self._lines))
            self._made.pop("", None)
            self._ids = self._lines = None
        return self._made

    def __getitem__(self, key: str) -> int:
        return self._map()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return self._size if self._made is None else len(self._made)

    def __contains__(self, key: object) -> bool:
        return key in self._map()

    def update(self, other: Mapping[str, int]) -> None:
        if other:
            self._map().update(other)


def _given_ids(checker: Checker, table: Columns, column: list[str]) -> _FirstLines | dict[str, int]:
    """Given id -> its first line; bad and repeated ids reported as :func:`.cells.ids` does."""
    filled = len(column) - column.count("")
    distinct = set(column)
    distinct.discard("")
    if (
        len(distinct) == filled
        and all(map(ID_PATTERN.match, distinct))
        and len({rid.casefold() for rid in distinct}) == filled  # else a case warning
    ):
        return _FirstLines(column, table.lines, filled)  # every id well formed and used once
    del distinct
    first: dict[str, int] = {}
    seen_twice: set[str] = set()
    for rid, line in zip(column, table.lines):
        if rid and first.setdefault(rid, line) != line:
            seen_twice.add(rid)
    bad = {rid for rid in first if not ID_PATTERN.match(rid)} | seen_twice | _case_twins(first)
    # only the rows of those ids can get a problem: the same messages, in the same order
    ids(checker, [_row(table, i) for i in sorted(_rows_with(column, bad))], required=False)
    return first


def _case_twins(first: Mapping[str, int]) -> set[str]:
    """Ids that another id equals but for case (both spellings)."""
    spellings: dict[str, list[str]] = {}
    for rid in first:
        spellings.setdefault(rid.casefold(), []).append(rid)
    return {rid for group in spellings.values() if len(group) > 1 for rid in group}


def _duplicates(column: list[str], lines: Sequence[int], given: Mapping[str, int]) -> set[int]:
    """Rows whose id is used on an earlier line: reported, and skipped like the row path does."""
    if len(given) == len(column) - column.count(""):
        return set()
    return {i for i, (rid, line) in enumerate(zip(column, lines)) if rid and given[rid] != line}


def _distinct(
    column: Iterable[str], check: Callable[[Checker, Row], Any]
) -> tuple[dict[str, Any], set[str]]:
    """``check`` (a cell checker) on each distinct value: the results, and the values it reports.

    A reported value's result is ``None``: its rows get the row checks.
    """
    out: dict[str, Any] = {}
    bad: set[str] = set()
    for value in dict.fromkeys(column):
        probe = Checker([])
        result = check(probe, Row(0, {"cell": value}))
        if probe.problems or result is BAD:
            bad.add(value)
            result = None
        out[value] = result
    return out, bad


def _distinct_dates(column: Iterable[str]) -> tuple[dict[str, Any], set[str]]:
    """:func:`_distinct` of :func:`.cells.date`, without a probe per value (thousands of dates).

    Examples
    --------
    >>> dates, bad = _distinct_dates(["2020", "", "2020-02-30", "2020"])
    >>> dates["2020"].precision, dates[""], dates["2020-02-30"], bad
    ('year', None, None, {'2020-02-30'})
    """
    out: dict[str, Any] = {}
    bad: set[str] = set()
    for value in dict.fromkeys(column):
        if value == "":  # as date(): an empty cell is no date, and no problem
            out[value] = None
            continue
        try:
            out[value] = parse_date(value)
        except DateError:  # date() reports it: the row gets the row checks
            out[value] = None
            bad.add(value)
    return out, bad


def _checked_columns(table: Columns, refs: References) -> tuple[dict[str, list], set[int]]:
    """The typed columns (``None`` where a cell is wrong) and the rows that need row checks."""
    c, n = table.columns, len(table)
    flagged: set[int] = set()
    source, target, relation = c["source"], c["target"], c["relation"]
    actors = refs.actors.keys() if refs.actors is not None else set()
    for column in (source, target):
        unknown = set(column) - actors if refs.actors is not None else set(column) & {""}
        flagged |= _rows_with(column, unknown)
    vocab = refs.vocabulary
    flagged |= _rows_with(relation, set(relation) - vocab.keys())
    status = _lower(c["status"])
    flagged |= _rows_with(status, set(status) - set(STATUSES))
    source_id = _get(c.get("source_id"), n)
    if refs.sources is not None:
        flagged |= _rows_with(source_id, set(source_id) - {""} - refs.sources.keys())

    def as_number(lo: float, hi: float, integer: bool) -> Callable[[Checker, Row], Any]:
        return lambda probe, row: number(probe, row, "cell", lo, hi, integer)

    sign_of = {r: v["sign"] for r, v in vocab.items()}
    intensity_of = {r: float(v["intensity"]) for r, v in vocab.items()}
    typed: dict[str, list] = {}
    for key, check, of_type, default in (
        ("sign", as_number(-1, 1, True), sign_of, 0),
        ("intensity", as_number(-10, 10, False), intensity_of, 0.0),
    ):
        cells = _get(c.get(key), n)
        checked, bad = _distinct(cells, check)
        flagged |= _rows_with(cells, bad)
        typed[key] = _or_type(cells, checked, relation, of_type, default)
    directed = _lower(_get(c.get("directed"), n))
    flagged |= _rows_with(directed, set(directed) - {""} - TRUE_WORDS - FALSE_WORDS)
    start, end = _get(c.get("start"), n), _get(c.get("end"), n)
    dates, bad = _distinct_dates(itertools.chain(start, end))
    flagged |= _rows_with(start, bad) | _rows_with(end, bad)
    # the record columns hold a date's text (None: empty or wrong), as the row path's records
    texts = {k: d.text if d else None for k, d in dates.items()}
    typed["start"] = list(map(texts.__getitem__, start))
    typed["end"] = list(map(texts.__getitem__, end))
    flagged |= _reversed(dates, start, end)
    is_directed = {v: v not in FALSE_WORDS for v in set(directed)}
    typed["directed"] = list(map(is_directed.__getitem__, directed))
    typed["status"] = status
    said_by, quote = _nones(_get(c.get("said_by"), n)), _nones(_get(c.get("quote"), n))
    machine = [s in refs.machine_coded for s in source_id] if refs.machine_coded else None
    flagged |= _warned(source, target, typed, said_by, quote, machine)
    typed.update(source_id=_nones(source_id), said_by=said_by, quote=quote)
    return typed, flagged


def _or_type(
    cells: list[str], checked: dict[str, Any], relation: list[str], of_type: dict, default: Any
) -> list:
    """Each cell's checked value, or where it has none (empty, wrong) its relation type's.

    Examples
    --------
    >>> _or_type(["", "1", ""], {"": None, "1": 1}, ["a", "a", "b"], {"a": -1}, 0)
    [-1, 1, 0]
    """
    if None not in checked.values():
        return list(map(checked.__getitem__, cells))
    if len(checked) == 1:  # the column is empty (or one wrong value) throughout
        return list(map(of_type.get, relation, itertools.repeat(default)))
    return [
        of_type.get(r, default) if v is None else v
        for v, r in zip(map(checked.__getitem__, cells), relation)
    ]


def _reversed(dates: dict[str, Any], start: list[str], end: list[str]) -> set[int]:
    """Rows that end before they start (each distinct date's days looked up once)."""
    if not any(end):
        return set()
    first = {k: d.first.toordinal() for k, d in dates.items() if d is not None}
    last = {k: d.last.toordinal() for k, d in dates.items() if d is not None}
    lo = list(map(first.get, start, itertools.repeat(-1)))
    hi = list(map(last.get, end, itertools.repeat(1 << 40)))
    if not any(map(operator.lt, hi, lo)):
        return set()
    return {i for i, (a, b) in enumerate(zip(lo, hi)) if b < a}


def _warned(
    source: list[str],
    target: list[str],
    typed: dict[str, list],
    said_by: list[str | None],
    quote: list[str | None],
    machine: list[bool] | None,
) -> set[int]:
    """Rows that :func:`.relations.check_relation_row` may warn about (masks over whole columns)."""
    out: set[int] = set()
    if any(map(operator.eq, source, target)):  # a self-relation
        out |= {i for i, (s, t) in enumerate(zip(source, target)) if s == t}
    if not (machine and all(machine)):  # machine-coded relations: no sign or quote warning
        product = list(map(operator.mul, typed["sign"], typed["intensity"]))
        if product and min(product) < 0:  # sign against intensity
            out |= {i for i, p in enumerate(product) if p < 0 and not (machine and machine[i])}
        if None in quote:  # no quote
            out |= {i for i, q in enumerate(quote) if q is None and not (machine and machine[i])}
    if None in said_by:
        status = typed["status"]
        out |= {
            i
            for i, (s, w) in enumerate(zip(status, said_by))
            if w is None and s in ("claim", "forecast")
        }
    return out


def _record_columns(table: Columns, typed: dict[str, list]) -> dict[str, list]:
    """The record columns of every row (those of flagged rows to be replaced)."""
    c, n = table.columns, len(table)
    return {
        "source": c["source"],
        "target": c["target"],
        "relation": c["relation"],
        **{k: typed[k] for k in ("sign", "intensity", "directed", "status", "start", "end")},
        "source_id": typed["source_id"],
        "said_by": typed["said_by"],
        "quote": typed["quote"],
        "note": _nones(_get(c.get("note"), n)),
    }


def _patched(
    columns: dict[str, list], records: dict[int, dict[str, Any] | None], keep: list[int]
) -> dict[str, list]:
    """The kept rows of ``columns``, the row checks' records in place of flagged rows."""
    out: dict[str, list] = {}
    for key, column in columns.items():
        values = list(column)
        dated = key in ("start", "end")
        for i, record in records.items():
            if record is not None:
                value = record[key]
                values[i] = (value.text if value else None) if dated else value
        out[key] = _take(values, keep)
    return out


def _ids(
    ids: list[str], columns: dict[str, list], lines: Sequence[int], given: Mapping[str, int]
) -> tuple[list[str], dict[str, int]]:
    """The ids, those of empty cells generated as :func:`.relations.validate_relations` does.

    Returns the ids and the generated ones with their lines.
    """
    if "" not in ids:
        return ids, {}
    source, target, relation = columns["source"], columns["target"], columns["relation"]
    start: list[str | None] = columns["start"]
    generated: dict[str, int] = {}
    out = list(ids)
    for i, rid in enumerate(ids):
        if rid:
            continue
        base = generated_id(source[i], target[i], relation[i], start[i])
        rid, k = base, 1
        while rid in generated or rid in given:
            k += 1
            rid = f"{base}-{k}"
        generated[rid] = lines[i]
        out[i] = rid
    return out, generated
