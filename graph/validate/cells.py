"""Checks of single cells and columns shared by the per-table validators."""

from __future__ import annotations

import math
from typing import Any

from ..dates import DateError, PartialDate, parse_date
from ..problems import ERROR, WARNING, Problem, printable
from ..read import Row, Table, table_names
from ..read.headers import joined_header, missing_columns
from ..read.workbook import is_sheet, joined_cell
from ..schema import COLUMNS, DECIMAL_COMMA, ID_PATTERN, REQUIRED, SIGN_WORDS, number_text

#: What a cell checker returns for a cell it reported; distinct from any value (0 included).
BAD: Any = object()


class Checker:
    """Holds the problem list and the table under check, for short call sites."""

    def __init__(self, problems: list[Problem], names: dict[str, str] | None = None):
        self.problems = problems
        self.table: Table | None = None
        #: What messages call each table: ``actors.csv``, or ``book.xlsx[Actors]``.
        self.names = names or table_names({})

    def add(
        self, row: Row | None, key: str | None, code: str, message: str, severity: str = ERROR
    ) -> None:
        """Report a problem at ``row``'s line and ``key``'s column of the table under check."""
        t = self.table
        line = row.line if row is not None else 1
        col = t.column(key) if (t is not None and key) else None
        self.problems.append(
            Problem(t.display if t else "?", line, col, key, code, message, severity)
        )


def present(table: Table | None, name: str, checker: Checker) -> bool:
    """Report required columns that the file lacks; true if all are there."""
    if table is None:
        return False
    checker.table = table
    joined = (joined_cell if is_sheet(table.display) else joined_header)(table.header)
    if joined is not None:
        checker.problems.append(
            Problem(table.display, 1, 1, REQUIRED[name][0], "missing-column", joined)
        )
        return False
    # a column the format knows holds its own data: only an unknown one may be the missing one
    unknown = [written for _, written in extras(table, name)]
    missing = missing_columns(REQUIRED[name], table.header, table.keys, unknown)
    for key, message in missing:
        checker.problems.append(Problem(table.display, 1, None, key, "missing-column", message))
    return not missing


def extras(table: Table, name: str) -> list[tuple[str, str]]:
    """(key, column name as written) of columns the format does not define."""
    known = set(COLUMNS[name])
    return [(k, h) for k, h in zip(table.keys, table.header) if k and k not in known]


def text(row: Row, key: str) -> str | None:
    """The cell's text, ``None`` when empty."""
    value = row.values.get(key, "")
    return value if value != "" else None


def number(
    checker: Checker, row: Row, key: str, lo: float, hi: float, integer: bool, *, words: bool = True
) -> Any:
    """The cell as a number in ``[lo, hi]``; ``None`` when empty, :data:`BAD` when reported.

    ``integer`` asks for a whole number; ``words`` lets a sign be written
    ``+``, ``-``, ``positive``... NaN and infinities are not numbers here.
    """
    raw = row.values.get(key, "")
    if raw == "":
        return None
    # a typographic minus; a decimal comma where the delimiter is not the comma
    comma = checker.table is not None and checker.table.delimiter != ","
    value_text = number_text(raw, decimal_comma=comma)
    if integer and words and value_text.lower() in SIGN_WORDS:
        return SIGN_WORDS[value_text.lower()]
    if integer:
        kind = "-1, 0 or 1" if (lo, hi) == (-1, 1) else f"a whole number from {lo:g} to {hi:g}"
        span = kind
    else:
        kind, span = f"a number from {lo:g} to {hi:g}", f"from {lo:g} to {hi:g}"
    try:
        value = float(value_text)
    except ValueError:
        if DECIMAL_COMMA.fullmatch(value_text):
            checker.add(
                row,
                key,
                "bad-number",
                f'{key} "{raw}" uses a decimal comma; write {value_text.replace(",", ".")}',
            )
        else:
            checker.add(row, key, "bad-number", f'{key} "{raw}" is not a number; write {kind}')
        return BAD
    if not math.isfinite(value):
        checker.add(row, key, "bad-number", f'{key} "{raw}" is not a finite number; write {kind}')
        return BAD
    if integer and value != int(value):
        checker.add(row, key, "out-of-range", f'{key} "{raw}" must be {span}')
        return BAD
    if not lo <= value <= hi:
        checker.add(row, key, "out-of-range", f"{key} {raw} is out of range; it must be {span}")
        return BAD
    return int(value) if integer else value


def date(checker: Checker, row: Row, key: str) -> Any:
    """The cell as a :class:`~graph.dates.PartialDate`; ``None`` when empty, :data:`BAD` when reported."""
    raw = row.values.get(key, "")
    if raw == "":
        return None
    try:
        return parse_date(raw)
    except DateError as err:
        checker.add(row, key, "bad-date", f"{key} {err}")
        return BAD


def generated_id(source: str, target: str, relation: str, start: PartialDate | str | None) -> str:
    """``SOURCE-TARGET-RELATION-START``, kept short enough to be a valid id.

    ``start`` is the parsed start date or its text (``None``: undated).

    Room is left for a ``-N`` suffix on repeats; a longer base keeps its
    head and gets a short stable hash of the whole, so it stays readable
    and unique.

    >>> generated_id("PRK", "KOR", "threaten", parse_date("2020"))
    'PRK-KOR-threaten-2020'
    >>> generated_id("North-Korea", "South-Korea", "cooperate-materially", parse_date("2020-06-16"))
    'North-Korea-South-Korea-coo-106b8346'
    """
    when = start if isinstance(start, str) else start.text if start else "undated"
    base = f"{source}-{target}-{relation}-{when}"
    if len(base) <= 36:
        return base
    import hashlib  # only for long ids: OpenSSL's bindings are 3 ms of every start-up

    return f"{base[:27]}-{hashlib.sha1(base.encode('utf-8')).hexdigest()[:8]}"


def ids(
    checker: Checker, rows: list[Row], key: str = "id", required: bool = True
) -> dict[str, int]:
    """Check ids are present, well-formed and unique; return id -> line.

    Ids that differ only in case (``R01``, ``r01``) are a warning: they are
    distinct, but one is most likely a typo of the other.
    """
    seen: dict[str, int] = {}
    folded: dict[str, str] = {}
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
                f'{key} "{printable(value)}" must be 1-40 characters without spaces, commas, '
                "semicolons, quotes, <>& or control characters",
            )
        if value in seen:
            checker.add(
                row,
                key,
                "duplicate-id",
                f'{key} "{value}" is already used on line {seen[value]}; ids must be unique',
            )
            continue
        other = folded.setdefault(value.casefold(), value)
        if other != value:
            checker.add(
                row,
                key,
                "duplicate-id",
                f'{key} "{value}" differs only in case from "{other}" on line {seen[other]}; '
                "write both the same way if they are one, or give one another id",
                WARNING,
            )
        seen[value] = row.line
    return seen
