"""A well-formed CSV file read whole into columns, for the fast path of large files.

:func:`read_table` keeps one dict per row, which is what a large file cannot
afford. :func:`read_columns` gives the same cells as columns (one list of
stripped text per column), but only for a file that needs no message: it
returns ``None`` as soon as anything would make :func:`read_table` report a
problem or number lines in a way the columns cannot say (an encoding other
than UTF-8, a broken quote, a ragged row, a header problem, a record that
spans lines), and the caller then reads the file with :func:`read_table`,
the one source of messages. Records are parsed by the same ``csv`` reader,
so cells are the same; every record is one physical line, so a row's line is
its position.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .source import MAX_FILE_BYTES, read_bytes
from .table import normalise_header, unescape_formula
from .text import _decode, _delimiter

__all__ = ["Columns", "read_columns"]


@dataclass
class Columns:
    """A CSV file as columns of stripped, unescaped text.

    ``lines[i]`` is the physical line of row ``i`` (blank rows are dropped,
    as :func:`read_table` drops them).
    """

    path: Path
    display: str
    header: list[str]
    keys: list[str]
    columns: dict[str, list[str]]
    lines: list[int]

    def __len__(self) -> int:
        return len(self.lines)


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


# A cell that starts or ends with white space, in a column joined with NUL.
_EDGE_SPACE = re.compile(r"\s\x00|\x00\s")


def _stripped(cells: tuple[str, ...]) -> list[str]:
    """The cells stripped; each one only when the column has a cell to strip (rare)."""
    joined = "\x00".join(cells)
    if joined[:1].isspace() or joined[-1:].isspace() or _EDGE_SPACE.search(joined):
        return list(map(str.strip, cells))
    return list(cells)


def read_columns(
    path: str | Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Columns | None:
    """The file as columns, or ``None`` when it must go through :func:`read_table`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,note\\nA, spaced \\n\\nB,'=1+1\\n", encoding="utf-8")
    >>> c = read_columns(p)
    >>> c.columns, c.lines
    ({'id': ['A', 'B'], 'note': ['spaced', '=1+1']}, [2, 4])
    >>> _ = p.write_text('id,note\\nA,"two\\nlines"\\n', encoding="utf-8")
    >>> read_columns(p) is None
    True
    """
    path = Path(path)
    display = display or str(path)
    data, problems = read_bytes(path, display, max_bytes)
    if data is None or problems:
        return None
    text = _decode(data, display, problems)
    del data
    if text is None or problems or not text.strip():
        return None
    delimiter, skip = _delimiter(text)
    if skip:
        return None
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, len(text) + 1))
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        return None  # a broken quote: read_table says where
    finally:
        csv.field_size_limit(old)
    lines = _line_breaks(text) + (0 if text.endswith(("\n", "\r")) else 1)
    if len(records) != lines or not records:
        return None  # some record spans lines (or the count is off): lines need read_table
    if not records[0]:
        return None  # blank lines before the header: read_table numbers them
    header = [unescape_formula(c.strip()) for c in records[0]]
    keys = [normalise_header(h) for h in header]
    if not all(keys) or len(set(keys)) < len(keys):
        return None  # an empty or repeated name: read_table reports it
    width = len(header)
    body = records[1:]
    del records
    if [] in body:  # blank lines
        numbers = [i + 2 for i, r in enumerate(body) if r]
        body = [r for r in body if r]
    else:
        numbers = list(range(2, len(body) + 2))
    if {len(r) for r in body} - {width}:
        return None  # ragged rows
    columns = [_stripped(c) for c in zip(*body)] if body else [[] for _ in keys]
    del body
    for c in columns:
        if "'" in "".join(c):  # formula escapes are rare: only those cells are looked at
            c[:] = [unescape_formula(v) if "'" in v else v for v in c]
    # rows of empty cells (",,,") are blank rows too; such a row has an empty first cell
    blank = (
        {i for i, v in enumerate(columns[0]) if not v and not any(c[i] for c in columns)}
        if columns and "" in columns[0]
        else set()
    )
    if blank:
        keep = [i for i in range(len(numbers)) if i not in blank]
        columns = [[c[i] for i in keep] for c in columns]
        numbers = [numbers[i] for i in keep]
    return Columns(path, display, header, keys, dict(zip(keys, columns)), numbers)
