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

import contextlib
import csv
import gc
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .source import MAX_FILE_BYTES, open_bytes
from .table import Row, Table, normalise_header, unescape_formula
from .text import _decode, _delimiter, utf16_order

__all__ = ["Columns", "collector_paused", "read_columns", "text_columns"]


@dataclass
class Columns:
    """A CSV file as columns of stripped, unescaped text.

    ``lines[i]`` is the physical line of row ``i`` (blank rows are dropped,
    as :func:`read_table` drops them): a ``range`` when the file has no
    blank line, as most have (a list of 283k line numbers is 9.8 MiB).
    """

    path: Path
    display: str
    header: list[str]
    keys: list[str]
    columns: dict[str, list[str]]
    lines: Sequence[int]
    #: The file's delimiter (as :attr:`Table.delimiter`).
    delimiter: str = ","

    def __len__(self) -> int:
        return len(self.lines)

    def to_table(self) -> Table:
        """The same cells as :func:`read_table` gives them: one :class:`Row` per record."""
        table = Table(self.path, self.display, self.header, delimiter=self.delimiter)
        keys = list(self.columns)
        table.rows = [
            Row(line, dict(zip(keys, cells)))
            for line, cells in zip(self.lines, zip(*self.columns.values()))
        ]
        return table


def _holds_quote(column: list[str]) -> bool:
    """Whether a cell holds ``'``, looked for in C over joined steps (never the whole column)."""
    return any("'" in "".join(column[i : i + _CHUNK]) for i in range(0, len(column), _CHUNK))


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a whole dataset is read (and, for
    a command, checked and made into a page).

    Reading, checking and the page make millions of objects and next to no
    reference cycles (341 objects at 50,000 relations, none at 283,000):
    the collector would only walk them again and again (a tenth of a 50k
    build's time). Nested, only the outermost turns it on again.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


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
    with collector_paused():
        return _read_columns(Path(path), display or str(path), max_bytes)


# Characters str.splitlines breaks at but the csv module does not (it breaks at \n, \r, \r\n).
_OTHER_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Lines parsed per step: the lines and cells of one step are all that exist twice at
# once, and few enough to stay in the processor's cache (steps of 2,048 lines read
# the 283k relations of a GDELT import about a fifth slower, with 8 MiB more at peak).
_CHUNK = 256
_UTF8_BOM = b"\xef\xbb\xbf"
_LONE_CR = re.compile(b"\r(?!\n)")
# Starts that _decode reads otherwise than as UTF-8: a workbook, UTF-16 byte order marks.
_NOT_UTF8 = (b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff")
# The header's delimiter is looked for in its first MiB of text (graph/read/text.py
# _delimiter): at most 4 MiB of UTF-8, whose last character may be cut.
_HEAD_BYTES = (4 << 20) + 4


# A column whose first cells are nearly all distinct (ids, quotes, URLs) is given up
# at once; one with some repeats (actor ids drawn from thousands) after a sample.
_ALL_DISTINCT = 0.9
_FIRST = 2_048  # cells read before a column's sharing is first judged
_SAMPLE = 8 * _FIRST


def _unshared(distinct: int, cells: int) -> bool:
    """Whether sharing repeated cells stops paying for a column with ``distinct`` of ``cells``.

    Examples
    --------
    >>> _unshared(2_000, 2_048), _unshared(1_100, 2_048), _unshared(9_000, 16_384)
    (True, False, True)
    """
    return distinct > _ALL_DISTINCT * cells or (cells >= _SAMPLE and distinct * 2 > cells)


def _physical_lines(text: str) -> list[str] | Iterator[str]:
    """The file's lines as the ``csv`` reader reads them (``newline=""``), ends kept.

    ``str.splitlines`` gives them, one string each, unless the text holds one
    of the other characters it breaks at; only then an ``io.StringIO`` (which
    holds four bytes per character) is read.
    """
    if _OTHER_BREAKS.search(text):
        return io.StringIO(text, newline="")
    return text.splitlines(keepends=True)


def _read_columns(path: Path, display: str, max_bytes: int) -> Columns | None:
    raw, problems = open_bytes(path, display, max_bytes)
    if raw is None or problems:
        return None
    with io.BufferedReader(raw, buffer_size=_HEAD_BYTES) as stream:
        head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]
        if head.startswith(_NOT_UTF8) or (b"\x00" in head and utf16_order(head)):
            del head
            data = stream.read()  # UTF-16 or a workbook: decoded whole, as read_table does
            return None if raw.overflow else _whole_text_columns(data, path, display, max_bytes)
        if head.startswith(_UTF8_BOM):
            stream.read(len(_UTF8_BOM))
            head = head[len(_UTF8_BOM) :]
        text = head.decode("utf-8", errors="ignore")
        del head
        if not text.strip():
            return None  # blank, or no UTF-8 at its start: read_table says what it is
        delimiter, skip = _delimiter(text)
        del text
        if skip:
            return None
        lines = _line_count(raw.fileno(), max_bytes)
        columns = _utf8_columns(stream, delimiter, lines, path, display, max_bytes)
        return None if raw.overflow else columns


def _line_count(fd: int, max_bytes: int) -> int:
    """The physical lines of an open file (ends \\n, \\r or \\r\\n), its bytes read in steps.

    Read with ``pread`` (the stream's position is left alone) before the
    file is parsed, so that its columns are made at their size at once:
    lists grown a step at a time, side by side, leave the holes of their
    earlier sizes in the heap (21 MiB of 283k relations' 21 columns).
    """
    breaks = offset = 0
    last = b""
    while offset <= max_bytes:
        piece = os.pread(fd, 1 << 20, offset)
        if not piece:
            break
        breaks += piece.count(b"\n")
        # most files end lines with \n alone, or all with \r\n (each counted at its \n):
        # a \r not before a \n is looked for first (counting \r\n is thrice as slow)
        if b"\r" in piece and _LONE_CR.search(piece):
            breaks += piece.count(b"\r") - piece.count(b"\r\n")
        if last == b"\r" and piece[:1] == b"\n":
            breaks -= 1  # a \r\n cut between two steps
        last, offset = piece[-1:], offset + len(piece)
    return breaks + (1 if last not in (b"", b"\n", b"\r") else 0)


def _whole_text_columns(data: bytes, path: Path, display: str, max_bytes: int) -> Columns | None:
    """A file that is no plain UTF-8 (UTF-16, a workbook): decoded whole, as read_table does."""
    problems: list = []
    text = _decode(data, display, problems)
    del data
    if text is None or problems or not text.strip():
        return None
    return _text_columns([text], path, display, max_bytes)


def _utf8_columns(
    stream: Any, delimiter: str, lines: int, path: Path, display: str, max_bytes: int
) -> Columns | None:
    """The file's bytes decoded as UTF-8 in small steps, as the ``csv`` reader takes its lines.

    ``io.TextIOWrapper`` with ``newline=""`` ends lines at \\n, \\r or
    \\r\\n, as for the ``csv`` reader of :func:`read_table`, so neither the
    file's bytes nor its text is ever held whole: only the lines of the step
    being parsed. A byte that is not UTF-8 sends the file to
    :func:`read_table`, which says where.
    """
    source = io.TextIOWrapper(stream, encoding="utf-8", errors="strict", newline="")
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, max_bytes + 1))
    try:
        columns = _records_to_columns(source, delimiter, lines, path, display)
        if columns is not None:
            columns.delimiter = delimiter
        return columns
    except (csv.Error, UnicodeDecodeError):
        return None  # a broken quote or a byte that is not UTF-8: read_table says where
    finally:
        csv.field_size_limit(old)
        source.detach()


def text_columns(
    text: str, path: Path, display: str, max_bytes: int = MAX_FILE_BYTES
) -> Columns | None:
    """The decoded text of a file as columns, or ``None`` when it needs :func:`read_table`.

    Examples
    --------
    >>> from pathlib import Path
    >>> text_columns("id;n\\nA; 1\\n", Path("t.csv"), "t.csv").columns
    {'id': ['A'], 'n': ['1']}
    """
    return _text_columns([text], path, display, max_bytes)


def _text_columns(holder: list[str], path: Path, display: str, max_bytes: int) -> Columns | None:
    text = holder.pop()
    delimiter, skip = _delimiter(text)
    if skip:
        return None
    lines = _line_breaks(text) + (0 if text.endswith(("\n", "\r")) else 1)
    source = _physical_lines(text)
    del text  # the lines hold the same text
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, max_bytes + 1))
    try:
        columns = _records_to_columns(source, delimiter, lines, path, display)
        if columns is not None:
            columns.delimiter = delimiter
        return columns
    except csv.Error:
        return None  # a broken quote: read_table says where
    finally:
        csv.field_size_limit(old)


def _block_cells(block: list[str], delimiter: str, width: int) -> tuple[list[str], set[int]] | None:
    """The cells of physical lines, row after row, and the positions of the blank lines.

    ``None`` when a row has other than ``width`` cells or a record spans
    lines. Lines without a quote (or a NUL, which Python 3.10's ``csv``
    refuses) are cut at the delimiter, as the ``csv`` reader cuts them, but
    in one ``str.split`` of the whole block: that is most of the lines of
    most files, and the reader's per-character work is the costliest step
    of a large file's reading; the other blocks go through the reader.

    Examples
    --------
    >>> _block_cells(["a,b\\n", "c, d\\r\\n", "e,f"], ",", 2)
    (['a', 'b', 'c', ' d', 'e', 'f'], set())
    >>> _block_cells(['a,"b,c"\\n', "\\n", "d,e\\n"], ",", 2)
    (['a', 'b,c', 'd', 'e'], {1})
    >>> _block_cells(["a,b,c\\n"], ",", 2) is None
    True
    """
    text = "".join(block)
    plain = width > 1 and '"' not in text and "\x00" not in text
    if plain and set(map(str.count, block, itertools.repeat(delimiter))) == {width - 1}:
        if "\r" not in text:
            flat = text.replace("\n", delimiter).split(delimiter)
            if text.endswith("\n"):
                flat.pop()  # the last line's end made an empty cell after it
        else:
            ends = itertools.repeat("\r\n")
            flat = delimiter.join(map(str.rstrip, block, ends)).split(delimiter)
        return flat, set()
    del text
    rows = list(csv.reader(block, delimiter=delimiter, strict=True))
    if len(rows) != len(block):
        return None  # a record over several lines: its line numbers need read_table
    blank = {i for i, r in enumerate(rows) if not r} if [] in rows else set()
    if blank:
        rows = [r for r in rows if r]
    if set(map(len, rows)) - {width}:
        return None  # ragged rows
    return list(itertools.chain.from_iterable(rows)), blank


def _records_to_columns(
    source: Iterable[str], delimiter: str, lines: int, path: Path, display: str
) -> Columns | None:
    """The records of ``source``'s physical lines as columns of stripped, unescaped text.

    Repeated cells are one string each. Every record must be one line (else
    ``None``); ``lines`` is the number of physical lines of the file, checked
    once all are read.
    """
    source = iter(source)
    first = next(source, None)
    header_rows = list(csv.reader([first], delimiter=delimiter, strict=True)) if first else []
    if len(header_rows) != 1 or not header_rows[0]:
        return None  # blank lines before the header: read_table numbers them
    header = [unescape_formula(c.strip()) for c in header_rows[0]]
    keys = [normalise_header(h) for h in header]
    if not all(keys) or len(set(keys)) < len(keys):
        return None  # an empty or repeated name: read_table reports it
    width = len(header)
    # each column made at its size at once (filled from ``filled`` on, cut to it at the end)
    columns: list[list[str]] = [[""] * max(lines - 1, 0) for _ in keys]
    filled = 0
    # Repeated cells (actor ids, types, dates, statuses, numbers) become one string
    # each: a column of 283k cells then holds a few hundred strings, not 283k.
    seen: list[dict[str, str] | None] = [{} for _ in keys]
    blank_lines: list[int] = []
    count = 1  # lines read, the header's included
    while True:
        block = list(itertools.islice(source, _CHUNK))
        if not block:
            break
        cells = _block_cells(block, delimiter, width)
        if cells is None:
            return None  # a ragged row, or a record over several lines
        flat, blank = cells
        start, count = count, count + len(block)
        blank_lines += sorted(start + 1 + i for i in blank)
        end = filled + len(block) - len(blank)
        for j in range(width):
            stripped = list(map(str.strip, flat[j::width]))
            cache = seen[j]
            if cache is None:
                columns[j][filled:end] = stripped
                continue
            columns[j][filled:end] = map(cache.setdefault, stripped, stripped)
            if end >= _FIRST and _unshared(len(cache), end):
                seen[j] = None  # mostly distinct (ids, URLs, quotes): sharing saves nothing
        filled = end
    if count != lines:
        return None  # the lines are counted otherwise (say, the file changed): read_table
    for c in columns:
        del c[filled:]  # the blank lines' places
    numbers: Sequence[int] = range(2, count + 1)
    if blank_lines:
        skip = set(blank_lines)
        numbers = [n for n in numbers if n not in skip]
    del seen
    for c in columns:
        if _holds_quote(c):  # formula escapes are rare: only those cells are looked at
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
