"""Read a dataset's files into raw tables that remember where each cell was.

This stage knows nothing of what the columns mean: it turns bytes into rows of
stripped text, each row with its physical line number (the line where the
record starts, right even after quoted cells that span lines), and reports
file-level problems (missing, empty, undecodable, ragged rows).

It reads what spreadsheet programs really write: UTF-8 with or without a
byte order mark, UTF-16 with one (Excel's "Unicode text"), Windows-1252
(with a warning), `,` `;` or tab as delimiter, CRLF, LF or bare CR line
ends, and ``.xlsx`` workbooks (one sheet per table, with openpyxl).

The standard library's ``csv`` reader is used rather than pandas because
pandas does not give the physical line of each record, and every problem a
user sees must point at a line they can jump to.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .problems import WARNING, Problem
from .schema import TABLE_FILES

__all__ = [
    "Row",
    "Table",
    "read_table",
    "read_workbook",
    "DELIMITERS",
    "normalise_header",
    "unescape_formula",
]

#: Delimiters recognised in a CSV file's header line.
DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
# ... and after each ";" or tab inside a cell (graph.write.escape_formula).
_ESCAPED_INNER = re.compile(r"(?<=[;\t])'(?='*[=+\-@\r])")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


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
    if ";" in text or "\t" in text:
        text = _ESCAPED_INNER.sub("", text)
    return text[1:] if _ESCAPED.match(text) else text


def _line_of(data: bytes, offset: int) -> int:
    """Physical line of a byte offset, counting CRLF, LF and bare CR."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _decode(data: bytes, display: str, problems: list[Problem]) -> str | None:
    if data.startswith(b"PK\x03\x04"):
        problems.append(
            Problem(
                display,
                None,
                None,
                None,
                "not-text",
                "this is a spreadsheet workbook (.xlsx) saved under a .csv name; give the "
                '.xlsx file itself, or save each sheet as "CSV UTF-8"',
            )
        )
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # the BOM says which byte order
        except UnicodeDecodeError as err:
            problems.append(
                Problem(
                    display,
                    None,
                    None,
                    None,
                    "bad-encoding",
                    f"the file starts as UTF-16 but byte {err.start} is not valid UTF-16; "
                    'save it again as "CSV UTF-8"',
                )
            )
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err.start
    # Excel on Windows saves "CSV" in the ANSI code page, nearly always Windows-1252;
    # its five unassigned bytes mean Latin-1 (whose letters are the same).
    codec, encoding = "cp1252", "Windows-1252"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        codec, encoding = "latin-1", "Latin-1 (ISO 8859-1)"
        text = data.decode(codec)
    line = _line_of(data, bad)
    start = max(data.rfind(b"\n", 0, bad), data.rfind(b"\r", 0, bad)) + 1
    sample = data[start : start + 200].decode(codec)  # one byte, one character
    word = (
        re.search(r"[^\s,;\t\"]*\Z", sample[: bad - start]).group()
        + re.match(r"[^\s,;\t\"]*", sample[bad - start :]).group()
    )
    problems.append(
        Problem(
            display,
            line,
            None,
            None,
            "not-utf8",
            f'the file is not UTF-8; it was read as {encoding}, so line {line} has "{word}". '
            'If letters look wrong, save the file as "CSV UTF-8"',
            WARNING,
        )
    )
    return text


def _delimiter(text: str) -> tuple[str, int]:
    """The delimiter the header line uses, and how many leading lines to skip.

    Counts ``,`` ``;`` and tab outside quotes in the first non-blank line (ties:
    comma). Excel's ``sep=;`` first line names the delimiter outright.
    """
    m = re.match(r"sep=(.)[ \t]*(\r\n|\r|\n)", text)
    if m:
        return m.group(1), 1
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = seen = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            if seen:
                break
        else:
            seen = seen or not ch.isspace()
            if ch in counts:
                counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first (comma) on ties
    return best, 0


def read_table(path: str | Path, display: str | None = None) -> tuple[Table | None, list[Problem]]:
    """Read one CSV file; return the table (``None`` if unreadable) and problems.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, UTF-16 with BOM or Windows-1252; `,` `;` or tab).
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
    >>> _ = p.write_bytes("id;note\\r\\nA;'=1+1\\r\\n".encode("utf-16"))
    >>> read_table(p)[0].rows[0].values
    {'id': 'A', 'note': '=1+1'}
    """
    path = Path(path)
    display = display or str(path)
    problems: list[Problem] = []
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, None, None, None, "missing-file", "file not found")]
    except OSError as err:
        return None, [
            Problem(display, None, None, None, "unreadable-file", f"cannot read: {err.strerror}")
        ]
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
    delimiter, skip = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)

    def records():
        last_line = 0
        for cells in reader:
            start = last_line + 1
            last_line = reader.line_num
            if start > skip:
                yield start, cells

    try:
        table = _table(path, display, records(), problems, delimiter)
    except csv.Error as err:
        problems.append(
            Problem(display, reader.line_num, None, None, "bad-csv", f"cannot parse CSV: {err}")
        )
        table = None
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
            table = Table(path, display, cells)
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


def _cell_text(cell) -> str:
    """A workbook cell as the text a CSV file would hold."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime) and value.time() == _dt.time(0):
        value = value.date()
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        # Excel turns a typed "2020-06" into 1 June 2020 shown as a month: keep the month.
        fmt = (getattr(cell, "number_format", "") or "").lower()
        fmt = re.sub(r'"[^"]*"|\[[^\]]*\]', "", fmt)
        if "y" in fmt and "d" not in fmt:
            return value.strftime("%Y-%m") if "m" in fmt else value.strftime("%Y")
        return value.isoformat()
    if isinstance(value, (_dt.datetime, _dt.time)):
        return value.isoformat()
    return str(value)


def _trimmed(cells: list[str]) -> list[str]:
    """A sheet row without its trailing empty cells (a sheet has no row length of its own)."""
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def read_workbook(
    path: str | Path, display: str | None = None
) -> tuple[dict[str, Table | None], list[Problem]]:
    """Read an ``.xlsx`` workbook whose sheets ``actors``, ``relations``, ... hold the tables.

    Sheet names match the table names ignoring case and surrounding spaces.
    Problems name the sheet as ``book.xlsx[relations]``, with the sheet's
    row number as line and the column's index as column.

    Returns
    -------
    (dict, list of Problem)
        Tables by name as :func:`graph.dataset` expects them: ``None`` for a
        required sheet that is missing, no key for an absent optional one.

    Examples
    --------
    >>> import openpyxl, tempfile, pathlib
    >>> wb = openpyxl.Workbook()
    >>> wb.active.title = "Actors"
    >>> wb.active.append(["id", "name"]); wb.active.append(["PRK", "North Korea"])
    >>> book = pathlib.Path(tempfile.mkdtemp()) / "book.xlsx"
    >>> wb.save(book)
    >>> tables, problems = read_workbook(book, "book.xlsx")
    >>> tables["actors"].rows[0].values, [str(p) for p in problems]
    ({'id': 'PRK', 'name': 'North Korea'}, ['book.xlsx[relations]: missing-sheet the workbook has no sheet named "relations"; add one'])
    """
    path = Path(path)
    display = display or str(path)
    try:
        import openpyxl
    except ImportError:
        return {}, [
            Problem(
                display,
                None,
                None,
                None,
                "missing-dependency",
                "reading .xlsx needs openpyxl: pip install openpyxl",
            )
        ]
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        return {}, [Problem(display, None, None, None, "missing-file", "file not found")]
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds on a corrupt file
        return {}, [
            Problem(
                display,
                None,
                None,
                None,
                "bad-workbook",
                f"cannot read the workbook ({type(err).__name__}: {err}); save it again as .xlsx",
            )
        ]
    sheets = {normalise_header(ws.title): ws for ws in book.worksheets}
    tables: dict[str, Table | None] = {}
    problems: list[Problem] = []
    for name, (_, required) in TABLE_FILES.items():
        ws = sheets.get(name)
        if ws is None:
            if required:
                tables[name] = None
                problems.append(
                    Problem(
                        f"{display}[{name}]",
                        None,
                        None,
                        None,
                        "missing-sheet",
                        f'the workbook has no sheet named "{name}"; add one',
                    )
                )
            continue
        records = (
            (i, _trimmed([_cell_text(c) for c in row]))
            for i, row in enumerate(ws.iter_rows(), start=1)
        )
        sheet = f"{display}[{ws.title}]"
        table = _table(path, sheet, records, problems)
        if table is None:
            problems.append(
                Problem(
                    sheet,
                    1,
                    None,
                    None,
                    "empty-file",
                    "the sheet is empty; it needs at least a header row naming its columns",
                )
            )
        tables[name] = table
    return tables, problems
