"""Records to tables: the header, blank rows, ragged rows; one CSV file read whole."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import WARNING, Problem, counted
from ..schema import ACTOR_POSITION_COLUMNS
from .source import MAX_FILE_BYTES, read_bytes
from .text import _decode, _delimiter, _offset_of_line, _parse

_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

#: The columns that take a number with decimals: where a decimal comma splits a cell.
_DECIMAL_COLUMNS = frozenset({"intensity", *ACTOR_POSITION_COLUMNS})
_WHOLE = re.compile(r"[+\-\u2212]?\d+")
_DIGITS = re.compile(r"\d+")

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
# ... and after each ";" or tab inside a cell (graph.write.escape_formula).
_ESCAPED_INNER = re.compile(r"(?<=[;\t])'(?='*[=+\-@\r])")


@dataclass
class Row:
    """One record: the physical line it starts on and its cells by column key."""

    line: int
    values: dict[str, str]


@dataclass
class Table:
    """A CSV file (or a workbook sheet) read as text.

    ``header`` keeps the column names as written (stripped); ``keys`` are the
    same names lower-cased, used to match known columns; ``rows`` hold cells
    by key. ``unread`` holds the rows of a CSV file with more cells than the
    header (each reported as ``extra-cells``): their cells may stand under
    the wrong columns, so they are kept apart, as (line, cells), and not
    checked. A row with fewer cells is read with empty cells at its end
    (trailing empty cells left out, a column added to the header later);
    ``short`` holds, by line, its ``missing-cells`` problem, which
    :func:`settle_short_rows` puts in place of the problems the checks
    found in it, if any.
    """

    path: Path
    display: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    unread: list[tuple[int, list[str]]] = field(default_factory=list)
    short: dict[int, Problem] = field(default_factory=dict)
    #: The file's delimiter: in a ``;`` or tab file a decimal comma is a number.
    delimiter: str = ","

    keys: list[str] = field(init=False)

    def __post_init__(self):
        self.keys = [normalise_header(h) for h in self.header]

    def column(self, key: str) -> int | None:
        """1-based position of a column, or ``None`` if the file lacks it."""
        try:
            return self.keys.index(key) + 1
        except ValueError:
            return None


def normalise_header(name: str) -> str:
    """Header names match ignoring case and surrounding spaces.

    >>> normalise_header("  Source_ID ")
    'source_id'
    """
    return name.strip().lower()


def unescape_formula(text: str) -> str:
    """Remove the ``'`` that :func:`graph.write.escape_formula` (or a user) put before a formula character.

    Examples
    --------
    >>> unescape_formula("'=SUM(A1)"), unescape_formula("'quoted'"), unescape_formula("''-x")
    ('=SUM(A1)', "'quoted'", "'-x")
    """
    if "'" not in text:  # most cells: nothing to remove
        return text
    if ";" in text or "\t" in text:
        text = _ESCAPED_INNER.sub("", text)
    return text[1:] if _ESCAPED.match(text) else text


def read_table(
    path: str | Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Table | None, list[Problem]]:
    """Read one CSV file; return the table (``None`` if unreadable) and problems.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, UTF-16 with or without BOM or Windows-1252; `,` `;` or tab).
    display : str, optional
        How problems name the file (default: the path as given).
    max_bytes : int
        The largest file read (default :data:`MAX_FILE_BYTES`); a larger one is refused.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text('id,note\\nA,"two\\nlines"\\n\\nB, spaced \\n', encoding="utf-8")
    >>> table, problems = read_table(p, "t.csv")
    >>> [(r.line, r.values) for r in table.rows]
    [(2, {'id': 'A', 'note': 'two\\nlines'}), (5, {'id': 'B', 'note': 'spaced'})]
    >>> _ = p.write_bytes("id;note\\r\\nA;'=1+1\\r\\n".encode("utf-16"))
    >>> read_table(p)[0].rows[0].values
    {'id': 'A', 'note': '=1+1'}
    >>> _ = p.write_text('id,note\\nA,"never closed\\nB,x\\n', encoding="utf-8")
    >>> print(read_table(p, "t.csv")[1][0])
    t.csv:2:2: unclosed-quote the quoted cell that starts here is never closed: it runs to the end of the file and takes in line 3; add the closing " where the cell ends (a " inside a quoted cell is written "")
    """
    path = Path(path)
    display = display or str(path)
    data, problems = read_bytes(path, display, max_bytes)
    if data is None:
        return None, problems
    text = _decode(data, display, problems)
    if text is None:
        return None, problems
    if not text.strip():
        problems.append(
            Problem(
                display,
                1,
                None,
                None,
                "empty-file",
                "the file is empty; it needs at least a header row naming its columns",
            )
        )
        return None, problems
    if not problems:  # a clean file is read in one pass of the csv reader, as columns
        from .columns import text_columns

        columns = text_columns(text, path, display, max_bytes)
        if columns is not None:
            whole = columns.to_table()
            _cut_off(whole, text, problems)
            return whole, problems
    delimiter, skip = _delimiter(text)
    records, quote_problem = _parse(text, delimiter, display)
    if quote_problem is not None:
        problems.append(quote_problem)
    table = _table(
        path,
        display,
        (r for r in records if r[0] > skip),
        problems,
        delimiter,
        quote_problem,
    )
    if quote_problem is None:
        _cut_off(table, text, problems)
    return table, problems


def _cut_off(table: Table | None, text: str, problems: list[Problem]) -> None:
    """Name a last row cut short: no line break at the end and fewer cells than the header.

    A file copied or saved only in part ends so; its last row then silently
    loses its last cells (read as empty), so the row is named with them.
    """
    if table is None or not table.rows or text.endswith(("\n", "\r")):
        return
    import csv
    import io

    row = table.rows[-1]
    tail = text[_offset_of_line(text, row.line) :]
    cells = next(csv.reader(io.StringIO(tail, newline=""), delimiter=table.delimiter), [])
    named = [k for k in table.header if k]
    if len(cells) >= len(named):
        return
    missing = [k for k in table.header[len(cells) :] if k]
    problems.append(
        Problem(
            table.display,
            row.line,
            len(cells),
            table.header[len(cells) - 1] if cells else None,
            "missing-cells",
            f"the file ends in this row, without a line break, after {len(cells)} of its "
            f"{len(table.header)} cells: it looks cut off, and {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} read as empty; check that the file "
            "was saved or copied whole",
            WARNING,
        )
    )


def _table(
    path: Path,
    display: str,
    records: Iterable[tuple[int, list[str]]],
    problems: list[Problem],
    delimiter: str | None = None,
    quote: Problem | None = None,
) -> Table | None:
    """Build a table from (physical line, cells) records: header first, blank rows skipped.

    ``quote``: the problem of the quote that breaks the file, already
    reported. The record on its line is kept unread when the quote split its
    cells wrongly (text after a closing quote, or cells that do not fit the
    header), so that no problem of its count of cells or of a cell shifted
    under the wrong column (whose fixes would make things worse) stands
    beside the quote's; a last cell never closed leaves the others as read.
    """
    table: Table | None = None
    unnamed: set[int] = set()
    named = 0
    for line, raw in records:
        cells = [unescape_formula(c.strip()) for c in raw]
        if not any(cells):
            continue  # blank rows are ignored
        if table is None:
            table = Table(path, display, cells, delimiter=delimiter or ",")
            _check_header(table, line, problems)
            unnamed = {i for i, key in enumerate(table.keys) if not key}
            # header cells after the last name take no cell of their own
            named = max((i + 1 for i, key in enumerate(table.keys) if key), default=0)
            continue
        width = len(table.header)
        if (
            quote is not None
            and line == quote.line
            and (quote.code == "stray-quote" or len(cells) != width)
        ):
            table.unread.append((line, cells))
            continue
        if delimiter is not None and len(cells) > width:
            # a cell too many in a CSV line: every cell after the slip may
            # stand under the wrong column, so none is checked
            problems.append(_ragged(display, line, raw, table, delimiter))
            table.unread.append((line, cells))
            continue
        if delimiter is not None and len(cells) < named:
            table.short[line] = _ragged(display, line, raw, table, delimiter)
        for i in sorted(unnamed):
            if i < len(cells) and cells[i]:
                # an empty column without a name is harmless; data in one would be lost
                problems.append(
                    Problem(
                        display,
                        line,
                        i + 1,
                        None,
                        "unnamed-column",
                        f'column {i + 1} holds "{cells[i][:40]}" but has no name in the header; '
                        "name the column so that its values are kept, or delete them",
                    )
                )
                unnamed.discard(i)
        if len(cells) > width:  # a workbook's row: its cells stand where they are
            problems.append(
                Problem(
                    display,
                    line,
                    width + 1,
                    None,
                    "extra-cells",
                    f"this row has {counted(len(cells), 'cell')} but the header names "
                    f"{counted(width, 'column')}; add a header for the extra column",
                )
            )
        values: dict[str, str] = {}
        for i, key in enumerate(table.keys):
            # with a duplicated column name (an error), the first one counts
            values.setdefault(key, cells[i] if i < len(cells) else "")
        table.rows.append(Row(line, values))
    return table


def _ragged(display: str, line: int, raw: list[str], table: Table, delimiter: str) -> Problem:
    """The one problem of a CSV row with more or fewer cells than the header.

    A row with one cell too many most often has the delimiter inside a cell
    that is not quoted; when the text after exactly one delimiter starts
    with a space (as after a comma in prose), that cell is named, written
    as it should be.
    """
    n, width = len(raw), len(table.header)
    sep = _DELIMITER_NAMES.get(delimiter, repr(delimiter))
    where = f"this row has {counted(n, 'cell')} where the header has {width}"
    after = "may stand under the wrong column, so the row is not checked further"
    if n < width:
        k = width - n
        written = "two tabs" if delimiter == "\t" else f"two {sep}s ({delimiter}{delimiter})"
        return Problem(
            display,
            line,
            None,
            None,
            "missing-cells",
            f"{where}, and its cells do not fit their columns: a cell is missing, and "
            f"any cell after it {after}; write every cell, an empty one as nothing between "
            f"{written}: this row needs {k} more {sep}{'s' if k > 1 else ''}",
        )
    split = _decimal_commas(raw, table, n - width) if delimiter == "," else None
    if split:
        return _decimal_comma_problem(display, line, where, table, split)
    spaced = [i for i in range(1, n) if raw[i][:1] == " " and raw[i].strip()]
    if not spaced and not any(c.strip() for c in raw[width:]):
        # nothing past the header's columns: a line ending in delimiters, as a
        # spreadsheet leaves them (unless a cell split by the delimiter moved a
        # last empty cell there: both fixes are named)
        k = n - width
        message = (
            f"{where}: the line ends in {k} empty cell{'s' if k > 1 else ''} past the last "
            f"column ({delimiter * k} at its end); delete {'them' if k > 1 else 'it'}, or, "
            f'if a cell holds a {sep}, put that cell in double quotes ("a{delimiter} b")'
        )
    else:
        if n == width + 1 and len(spaced) == 1 and spaced[0] <= width:
            at = spaced[0] - 1
            cell = f"{raw[at].strip()}{delimiter}{raw[at + 1].rstrip()}"
            name = table.header[at] or f"column {at + 1}"
            fix = f"the {name} cell seems to hold it: write that cell in double quotes, " + (
                '"' + cell.replace('"', '""') + '"' if len(cell) <= 80 else f'"{cell[:40]}..."'
            )
        else:
            fix = f'put the cell that holds the {sep} in double quotes ("a{delimiter} b")'
        message = (
            f"{where}: a {sep} inside a cell splits it in two, and any cell after it {after}; "
            f"{fix} (or, for a new column, name it in the header)"
        )
    return Problem(display, line, width + 1, None, "extra-cells", message)


def _decimal_commas(raw: list[str], table: Table, k: int) -> list[tuple[int, str]] | None:
    """(0-based column, number as written) of the decimal commas that explain ``k`` extra cells.

    A number such as ``-9,2`` in a comma-separated file is read as two
    cells, ``-9`` and ``2``. The row is explained when joining exactly ``k``
    such pairs of digit pieces puts each joined number under a column that
    takes decimals and leaves the row as wide as the header; ``None`` when
    no way, or more than one, does.
    """
    cells = [c.strip() for c in raw]
    pairs = [
        i
        for i in range(len(cells) - 1)
        if _WHOLE.fullmatch(cells[i]) and _DIGITS.fullmatch(cells[i + 1])
    ]
    if len(pairs) < k or len(pairs) > 12:  # a row of numbers: too many ways to say which
        return None
    found = None
    for chosen in itertools.combinations(pairs, k):
        if any(b - a < 2 for a, b in zip(chosen, chosen[1:])):
            continue  # two joins cannot share a piece
        # the joined number's column: one cell less to its left for each earlier join
        split = [(i - j, f"{cells[i]},{cells[i + 1]}") for j, i in enumerate(chosen)]
        if all(table.keys[at] in _DECIMAL_COLUMNS for at, _ in split):
            if found is not None:
                return None
            found = split
    return found


def _decimal_comma_problem(
    display: str, line: int, where: str, table: Table, split: list[tuple[int, str]]
) -> Problem:
    """The extra cells of a row whose numbers were written with a decimal comma."""
    one = len(split) == 1
    named = " and ".join(f"{table.header[at]} {number}" for at, number in split)
    points = " and ".join(number.replace(",", ".") for _, number in split)
    message = (
        f"{where}: {named} {'is' if one else 'are'} written with a decimal comma, which "
        f"splits {'it' if one else 'each'} in two cells in a comma-separated file; write "
        f'{points}, or save the file with ";" as its delimiter (where '
        f"{'it reads' if one else 'they read'} as {'a number' if one else 'numbers'})"
    )
    at = split[0][0]
    return Problem(display, line, at + 1, table.keys[at], "extra-cells", message)


def settle_short_rows(tables: Iterable[Table], problems: list[Problem]) -> list[Problem]:
    """``problems`` with those of each short row that has an error replaced by its one problem.

    A row with fewer cells than the header whose cells pass the checks lost
    only empty cells at its end; one that fails them most likely lost a cell
    in the middle, which moved every later cell under the wrong column: its
    errors (and warnings) follow from that, so the row's ``missing-cells``
    problem stands in for them all.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,status,note\\nA,fact\\nB,note\\n", encoding="utf-8")
    >>> table, _ = read_table(p, "t.csv")
    >>> [r.values for r in table.rows]
    [{'id': 'A', 'status': 'fact', 'note': ''}, {'id': 'B', 'status': 'note', 'note': ''}]
    >>> wrong = Problem("t.csv", 3, 2, "status", "bad-value", 'status "note" is not a status')
    >>> [p.code for p in settle_short_rows([table], [wrong])]
    ['missing-cells']
    """
    short: dict[tuple[str, int | None], Problem] = {
        (t.display, line): p for t in tables for line, p in t.short.items()
    }
    wrong = {(p.file, p.line) for p in problems if p.severity != WARNING} & short.keys()
    if not wrong:
        return problems
    kept = [p for p in problems if (p.file, p.line) not in wrong]
    return kept + [short[where] for where in sorted(wrong, key=lambda w: (w[0], w[1] or 0))]


def _check_header(table: Table, line: int, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, key in enumerate(table.keys, start=1):
        if not key:
            problems.append(
                Problem(
                    table.display,
                    line,
                    i,
                    None,
                    "empty-header",
                    f"column {i} has no name; name it or delete the column",
                    WARNING,
                )
            )
        elif key in seen:
            problems.append(
                Problem(
                    table.display,
                    line,
                    i,
                    key,
                    "duplicate-column",
                    f'column "{table.header[i - 1]}" appears twice (columns {seen[key]} and {i}); '
                    "rename or delete one",
                )
            )
        else:
            seen[key] = i
