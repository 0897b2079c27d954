"""``.xlsx`` workbooks: one sheet per table, read within bounds."""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..problems import Problem
from ..schema import TABLE_FILES
from .headers import joined_header
from .source import _megabytes, read_bytes
from .table import Table, _table, normalise_header

#: The most a workbook's parts may unpack to: 512 MiB.
MAX_WORKBOOK_BYTES = 512 * 1024 * 1024
#: The most cells the reader visits in one sheet (its rows as stored, padded to their last cell).
MAX_SHEET_CELLS = 10_000_000
#: The widest sheet row the reader takes (a row ends at its last cell).
MAX_SHEET_COLUMNS = 1_000
_MAX_SHEET_ROWS = 1_048_576  # Excel's last row


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


#: A table's display in a workbook: ``book.xlsx[Relations]``.
_SHEET = re.compile(r"^(?P<book>.*\.xlsx)\[[^\]]*\]$", re.IGNORECASE)


def table_names(displays: Mapping[str, str]) -> dict[str, str]:
    """What a message calls each table, from the displays of the tables read.

    A file is named as it is (``actors.csv``), a workbook's sheet as the
    workbook and sheet (``book.xlsx[Actors]``), and a table that was not
    read by its file's name, or its sheet's in a workbook.

    Examples
    --------
    >>> table_names({"relations": "/d/book.xlsx[Relations]", "actors": "/d/book.xlsx[Actors]"})["actors"]
    'book.xlsx[Actors]'
    >>> names = table_names({"relations": "/d/book.xlsx[Relations]"})
    >>> names["sources"], table_names({"relations": "data/relations.csv"})["sources"]
    ('book.xlsx[sources]', 'sources.csv')
    """
    book = next((m["book"] for d in displays.values() if (m := _SHEET.match(d))), None)
    names = {}
    for name, (file, _) in TABLE_FILES.items():
        if name in displays:
            names[name] = Path(displays[name]).name
        else:
            names[name] = f"{Path(book).name}[{name}]" if book else file
    return names


def is_sheet(display: str) -> bool:
    """Whether a table's display names a workbook's sheet (``book.xlsx[Relations]``), not a file.

    Examples
    --------
    >>> is_sheet("/d/book.xlsx[Relations]"), is_sheet("/d/relations.csv")
    (True, False)
    """
    return _SHEET.match(display) is not None


def joined_cell(header: list[str]) -> str | None:
    """Why a sheet whose header is one cell holding the names of several misses them all, and the fix.

    The spreadsheet's counterpart of :func:`graph.read.headers.joined_header`:
    a sheet has no quoted lines to unwrap; its header row's names were
    pasted or typed into one cell (as the lines of a CSV file pasted into
    a sheet land), and the sheet's own tool splits them. ``None`` for any
    other header.

    Examples
    --------
    >>> print(joined_cell(["id;name;type"]))
    the header is one cell, "id;name;type": the column names were pasted or typed into one cell (as the lines of a CSV file pasted into a sheet land), so the sheet has one column; select column A and split it at ";" (Data > Text to Columns, delimited by ";"; in Google Sheets Data > Split text to columns), which splits the rows below too
    >>> joined_cell(["id", "name"]), joined_cell(["id name"])
    (None, None)
    """
    if joined_header(header) is None:
        return None
    # the first delimiter that splits it, as joined_header tries them
    shown = next(
        shown
        for d, shown in ((",", ","), (";", ";"), ("\t", "tab"))
        if sum(1 for n in header[0].split(d) if n.strip()) > 1
    )
    return (
        f'the header is one cell, "{header[0]}": the column names were pasted or typed into one '
        "cell (as the lines of a CSV file pasted into a sheet land), so the sheet has one column; "
        f'select column A and split it at "{shown}" (Data > Text to Columns, delimited by '
        f'"{shown}"; in Google Sheets Data > Split text to columns), which splits the rows below too'
    )


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
    import openpyxl

    data, problems = read_bytes(path, display)
    if data is None:
        return {}, problems
    try:
        _check_unpacked_size(data)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds on a corrupt file
        return {}, [_bad_workbook(display, err)]
    sheets = {normalise_header(ws.title): ws for ws in book.worksheets}
    tables: dict[str, Table | None] = {}
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
        sheet = f"{display}[{ws.title}]"
        ws.reset_dimensions()  # the stored used range may lie; read the rows as they are
        try:
            table = _table(path, sheet, _sheet_records(ws, sheet, problems), problems)
        except Exception as err:  # noqa: BLE001 - a sheet is parsed as it is read
            problems.append(_bad_workbook(sheet, err))
            tables[name] = None
            continue
        if table is None and not any(p.file == sheet for p in problems):
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
    book.close()
    return tables, problems


def _bad_workbook(display: str, err: Exception) -> Problem:
    if isinstance(err, _TooBig):
        message = str(err)
    else:
        message = f"cannot read the workbook ({type(err).__name__}: {err}); save it again as .xlsx"
    return Problem(display, None, None, None, "bad-workbook", message)


class _TooBig(ValueError):
    """A workbook that would make the reader allocate or visit more than its bounds."""


def _check_unpacked_size(data: bytes) -> None:
    import zipfile  # with bz2 and lzma: a few ms of every start-up, for workbooks alone

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_WORKBOOK_BYTES:
        raise _TooBig(
            f"the workbook unpacks to {_megabytes(unpacked)}, over the "
            f"{_megabytes(MAX_WORKBOOK_BYTES)} geograph reads; save the tables as CSV files"
        )


def _sheet_records(ws: Any, sheet: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) of a sheet, stopping at :data:`MAX_SHEET_CELLS` or Excel's last row.

    Rows are counted as stored, each padded to its last cell, and missing
    rows count as rows: a cell far away (``XFD1048576``) costs its row, not
    the whole range up to it.
    """
    from openpyxl.utils import get_column_letter

    cells = 0
    for i, row in enumerate(ws.iter_rows(), start=1):
        cells += max(len(row), 1)
        if len(row) > MAX_SHEET_COLUMNS:
            problems.append(
                Problem(
                    sheet,
                    i,
                    len(row),
                    None,
                    "bad-workbook",
                    f"the sheet has a cell at {get_column_letter(len(row))}{i}, past the "
                    f"{MAX_SHEET_COLUMNS:,} columns geograph reads; delete the cells right of "
                    "the table (or save the table as a CSV file)",
                )
            )
            return
        if i > _MAX_SHEET_ROWS or cells > MAX_SHEET_CELLS:
            where = f"{get_column_letter(max(len(row), 1))}{i}"
            problems.append(
                Problem(
                    sheet,
                    i,
                    None,
                    None,
                    "bad-workbook",
                    f"the sheet holds more than the {MAX_SHEET_CELLS:,} cells or "
                    f"{_MAX_SHEET_ROWS:,} rows geograph reads (it reaches {where}); delete the "
                    "rows and columns after the table, or save the table as a CSV file",
                )
            )
            return
        yield i, _trimmed([_cell_text(c) for c in row])
