"""A workbook's problems in a spreadsheet's words: what happened in the sheet, and the fix there."""

from pathlib import Path

import pytest

import graph

DATA = Path(__file__).parent.parent / "data"


def _workbook(path, sheets):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def _sheets(folder):
    import csv

    out = {}
    for name in ("actors", "relations", "sources"):
        with open(folder / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            out[name] = list(csv.reader(fh))
    return out


@pytest.mark.parametrize("table", ["actors", "relations", "sources"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_header_pasted_into_one_cell_is_told_in_a_spreadsheets_words(tmp_path, table, delimiter):
    """Each row typed or pasted into column A: one problem, Text to Columns as the fix."""
    sheets = _sheets(DATA)
    sheets[table] = [[delimiter.join(row)] for row in sheets[table]]
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    errors = [p for p in graph.check(book) if p.severity == "error"]
    assert [(p.file, p.line, p.column, p.code) for p in errors] == [
        (f"{book}[{table}]", 1, 1, "missing-column")
    ]
    message = errors[0].message
    header = delimiter.join(_sheets(DATA)[table][0])
    assert message.startswith(f'the header is one cell, "{header}"')
    assert "pasted or typed into one cell" in message
    assert "Text to Columns" in message and f'"{delimiter}"' in message
    # a sheet has no lines wrapped in quotes: the CSV file's fix would mislead
    fix = message.split('": ', 1)[1]
    assert "quote" not in fix and "each line" not in fix
