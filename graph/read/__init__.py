"""Read a dataset's files into raw tables that remember where each cell was.

This stage knows nothing of what the columns mean: it turns bytes into rows of
stripped text, each row with its physical line number (the line where the
record starts, right even after quoted cells that span lines), and reports
file-level problems (missing, empty, undecodable, ragged rows).

It reads what spreadsheet programs really write: UTF-8 with or without a
byte order mark, UTF-16 with one (Excel's "Unicode text") or without,
Windows-1252 (with a warning), `,` `;` or tab as delimiter, CRLF, LF or
bare CR line ends, and ``.xlsx`` workbooks (one sheet per table, with
openpyxl). Only regular files are read, within :data:`MAX_FILE_BYTES`; a
quoted cell that is never closed, or whose closing quote is followed by
text, is reported where the cell starts (Python's ``csv`` reader accepts
both silently).

The standard library's ``csv`` reader is used rather than pandas because
pandas does not give the physical line of each record, and every problem a
user sees must point at a line they can jump to.

The parts: :mod:`.source` reads a file's bytes within bounds,
:mod:`.text` decodes them and splits records (finding broken quotes),
:mod:`.table` builds the tables, :mod:`.workbook` reads ``.xlsx`` sheets,
:mod:`.headers` names the column most likely meant for a missing one.
"""

from __future__ import annotations

from .source import MAX_FILE_BYTES, read_bytes
from .table import Row, Table, normalise_header, read_table, settle_short_rows, unescape_formula
from .text import DELIMITERS
from .workbook import (
    MAX_SHEET_CELLS,
    MAX_SHEET_COLUMNS,
    MAX_WORKBOOK_BYTES,
    read_workbook,
    table_names,
)

__all__ = [
    "Row",
    "Table",
    "read_table",
    "settle_short_rows",
    "read_workbook",
    "table_names",
    "read_bytes",
    "DELIMITERS",
    "MAX_FILE_BYTES",
    "MAX_WORKBOOK_BYTES",
    "MAX_SHEET_CELLS",
    "MAX_SHEET_COLUMNS",
    "normalise_header",
    "unescape_formula",
]
