"""Read a dataset's CSV files into raw tables that remember where each cell was.

This stage knows nothing of what the columns mean: it turns bytes into rows of
stripped text, each row with its physical line number (the line where the
record starts, right even after quoted cells that span lines), and reports
file-level problems (missing, empty, undecodable, ragged rows).

The standard library's ``csv`` reader is used rather than pandas because
pandas does not give the physical line of each record, and every problem a
user sees must point at a line they can jump to.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .problems import WARNING, Problem

__all__ = ["Row", "Table", "read_table", "TABLE_FILES"]

#: The files a dataset folder may hold, and whether each is required.
TABLE_FILES = {
    "actors": ("actors.csv", True),
    "relations": ("relations.csv", True),
    "sources": ("sources.csv", False),
    "relation_types": ("relation_types.csv", False),
}


@dataclass
class Row:
    """One record: the physical line it starts on and its cells by column key."""

    line: int
    values: dict[str, str]


@dataclass
class Table:
    """A CSV file read as text.

    ``header`` keeps the column names as written (stripped); ``keys`` are the
    same names lower-cased, used to match known columns; ``rows`` hold cells
    by key.
    """

    path: Path
    display: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)

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


def _decode(data: bytes, display: str, problems: list[Problem]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        problems.append(Problem(
            display, line, None, None, "bad-encoding",
            f"byte 0x{data[err.start]:02x} at character {col} is not UTF-8; "
            "save the file as \"CSV UTF-8\" in your spreadsheet program",
        ))
        return None


def read_table(path: str | Path, display: str | None = None) -> tuple[Table | None, list[Problem]]:
    """Read one CSV file; return the table (``None`` if unreadable) and problems.

    Parameters
    ----------
    path : str or Path
        The CSV file.
    display : str, optional
        How problems name the file (default: the path as given).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text('id,note\\nA,"two\\nlines"\\n\\nB, spaced \\n', encoding="utf-8")
    >>> table, problems = read_table(p, "t.csv")
    >>> [(r.line, r.values) for r in table.rows]
    [(2, {'id': 'A', 'note': 'two\\nlines'}), (5, {'id': 'B', 'note': 'spaced'})]
    """
    path = Path(path)
    display = display or str(path)
    problems: list[Problem] = []
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, None, None, None, "missing-file", "file not found")]
    except OSError as err:
        return None, [Problem(display, None, None, None, "unreadable-file", f"cannot read: {err.strerror}")]
    text = _decode(data, display, problems)
    if text is None:
        return None, problems
    if not text.strip():
        problems.append(Problem(
            display, 1, None, None, "empty-file",
            "the file is empty; it needs at least a header row naming its columns",
        ))
        return None, problems

    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    table: Table | None = None
    last_line = 0
    try:
        for cells in reader:
            start = last_line + 1
            last_line = reader.line_num
            if not any(c.strip() for c in cells):
                continue  # blank rows are ignored
            if table is None:
                header = [c.strip() for c in cells]
                table = Table(path, display, header)
                _check_header(table, start, problems)
                continue
            if len(cells) > len(table.header):
                problems.append(Problem(
                    display, start, len(table.header) + 1, None, "extra-cells",
                    f"this row has {len(cells)} cells but the header names {len(table.header)} "
                    "columns; add a header for the extra column or quote cells that contain commas",
                ))
            values: dict[str, str] = {}
            for i, key in enumerate(table.keys):
                # with a duplicated column name (an error), the first one counts
                values.setdefault(key, cells[i].strip() if i < len(cells) else "")
            table.rows.append(Row(start, values))
    except csv.Error as err:
        problems.append(Problem(display, reader.line_num, None, None, "bad-csv", f"cannot parse CSV: {err}"))
    return table, problems


def _check_header(table: Table, line: int, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, key in enumerate(table.keys, start=1):
        if not key:
            problems.append(Problem(
                table.display, line, i, None, "empty-header",
                f"column {i} has no name; name it or delete the column",
                WARNING,
            ))
        elif key in seen:
            problems.append(Problem(
                table.display, line, i, key, "duplicate-column",
                f'column "{table.header[i - 1]}" appears twice (columns {seen[key]} and {i}); '
                "rename or delete one",
            ))
        else:
            seen[key] = i
