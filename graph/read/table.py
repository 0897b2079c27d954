"""Records to tables: the header, blank rows, ragged rows; one CSV file read whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import WARNING, Problem
from .source import MAX_FILE_BYTES, read_bytes
from .text import _decode, _delimiter, _parse

_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}

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
    by key.
    """

    path: Path
    display: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)
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
            return columns.to_table(), problems
    delimiter, skip = _delimiter(text)
    records, quote_problem = _parse(text, delimiter, display)
    if quote_problem is not None:
        problems.append(quote_problem)
    table = _table(path, display, (r for r in records if r[0] > skip), problems, delimiter)
    return table, problems


def _table(
    path: Path,
    display: str,
    records: Iterable[tuple[int, list[str]]],
    problems: list[Problem],
    delimiter: str | None = None,
) -> Table | None:
    """Build a table from (physical line, cells) records: header first, blank rows skipped."""
    table: Table | None = None
    for line, cells in records:
        cells = [unescape_formula(c.strip()) for c in cells]
        if not any(cells):
            continue  # blank rows are ignored
        if table is None:
            table = Table(path, display, cells, delimiter=delimiter or ",")
            _check_header(table, line, problems)
            unnamed = {i for i, key in enumerate(table.keys) if not key}
            continue
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
        width = len(table.header)
        if len(cells) > width:
            problems.append(
                Problem(
                    display,
                    line,
                    width + 1,
                    None,
                    "extra-cells",
                    f"this row has {len(cells)} cells but the header names {width} "
                    "columns; add a header for the extra column"
                    + (
                        f" or quote cells that contain {_DELIMITER_NAMES.get(delimiter, repr(delimiter))}"
                        if delimiter
                        else ""
                    ),
                )
            )
        values: dict[str, str] = {}
        for i, key in enumerate(table.keys):
            # with a duplicated column name (an error), the first one counts
            values.setdefault(key, cells[i] if i < len(cells) else "")
        table.rows.append(Row(line, values))
    return table


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
