"""Reading files as spreadsheet programs and editors really write them."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.read import MAX_FILE_BYTES, read_table, read_workbook, unescape_formula
from graph.write import escape_formula

FIXTURES = Path(__file__).parent / "fixtures"
ROWS = [
    ["id", "name", "note"],
    ["PRK", "North Korea", 'says "no", then\nleaves'],
    ["KOR", "Société, Seoul", "한국; ok"],
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
DELIMITERS = [",", ";", "\t"]
NEWLINES = ["\n", "\r\n", "\r"]


def _csv(rows, delimiter, newline):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("newline", NEWLINES, ids=["LF", "CRLF", "CR"])
def test_every_encoding_delimiter_and_line_end_reads_the_same(
    tmp_path, encoding, delimiter, newline
):
    rows = ROWS if encoding != "cp1252" else [[c.replace("한국", "Korea") for c in r] for r in ROWS]
    path = tmp_path / "t.csv"
    path.write_bytes(_csv(rows, delimiter, newline).encode(encoding))
    table, problems = read_table(path)
    assert table.header == rows[0]
    got = [[r.values[k] for k in table.keys] for r in table.rows]
    assert got == rows[1:]  # a line break inside a quoted cell is kept as written
    assert [r.line for r in table.rows] == [2, 4]  # the quoted line break is a physical line
    assert [p.code for p in problems] == (["not-utf8"] if encoding == "cp1252" else [])


def test_cp1252_warning_points_at_the_first_odd_byte(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("id,name\r\nA,plain\r\nB,Caf\xe9 Noir\r\n".encode("latin-1"))
    table, problems = read_table(path, "t.csv")
    assert table.rows[1].values["name"] == "Café Noir"
    assert [(p.line, p.code, p.severity) for p in problems] == [(3, "not-utf8", "warning")]
    assert '"Café"' in problems[0].message


def test_bytes_unassigned_in_cp1252_fall_back_to_latin1(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,name\nA,\x81\xe9\n")
    table, problems = read_table(path)
    assert table.rows[0].values["name"] == "\x81é"
    assert "Latin-1" in problems[0].message


def test_delimiter_is_read_from_the_header_not_the_cells(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,"a;b;c",note\nX,1,"one; two; three"\n', "utf-8")
    table, _ = read_table(path)
    assert table.header == ["id", "a;b;c", "note"]
    assert table.rows[0].values["note"] == "one; two; three"


def test_excel_sep_line_names_the_delimiter_and_counts_as_a_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("sep=|\nid|name\nA|B\n", "utf-8")
    table, problems = read_table(path)
    assert (table.header, table.rows[0].line, problems) == (["id", "name"], 3, [])


def test_leading_blank_lines_before_the_header(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("\n\nid;name\nA;B\n", "utf-8")
    table, _ = read_table(path)
    assert table.header == ["id", "name"] and table.rows[0].line == 4


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+33 1 23",
        "-x",
        "@SUM(A1)",
        "'=x",
        "''@y",
        "'quoted",
        "-1",
        "-9.2",
        "plain",
        "=",
        "'",
    ],
)
def test_formula_escape_round_trips(text):
    assert unescape_formula(escape_formula(text)) == text


def test_formula_escape_leaves_numbers_and_neutralises_the_rest():
    assert [escape_formula(t) for t in ["-1", "+1", "-9.2", "1e3", "-", "-1+2", "=A1", "@x"]] == [
        "-1",
        "+1",
        "-9.2",
        "1e3",
        "'-",
        "'-1+2",
        "'=A1",
        "'@x",
    ]


def _workbook(path, sheets):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return wb


def _sheets_from(folder):
    out = {}
    for name in ("actors", "relations", "sources"):
        table, _ = read_table(folder / f"{name}.csv")
        out[name.capitalize() if name == "actors" else name] = [table.header] + [
            [r.values[k] for k in table.keys] for r in table.rows
        ]
    return out


def test_workbook_loads_like_the_csv_files(tmp_path):
    book = tmp_path / "book.xlsx"
    _workbook(book, _sheets_from(Path("data")))
    G, H = graph.load(book).to_networkx(), graph.load("data").to_networkx()
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert graph.load(book).name == "book"


def test_workbook_problems_name_the_sheet_row_and_column(tmp_path):
    sheets = _sheets_from(FIXTURES / "broken" / "unknown-actor")
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    errors = [p for p in graph.check(book) if p.severity == "error"]
    assert [(p.file, p.line, p.column, p.code) for p in errors] == [
        (f"{book}[relations]", 3, 2, "unknown-actor")
    ]


def test_workbook_typed_cells_become_the_text_a_csv_would_hold(tmp_path):
    book = tmp_path / "book.xlsx"
    wb = _workbook(
        book,
        {
            "actors": [["id", "name"], ["PRK", "North Korea"], ["KOR", "South Korea"]],
            "relations": [
                [
                    "source",
                    "target",
                    "relation",
                    "status",
                    "start",
                    "end",
                    "sign",
                    "intensity",
                    "directed",
                    "quote",
                ],
                [
                    "PRK",
                    "KOR",
                    "attack",
                    "fact",
                    dt.datetime(2020, 6, 16),
                    dt.datetime(2020, 6, 1),
                    -1,
                    -9.2,
                    True,
                    "q",
                ],
            ],
        },
    )
    wb["relations"]["F2"].number_format = "mmm-yy"  # Excel's display of a typed "2020-06"
    wb.save(book)
    r = graph.load(book).records("relations")[0]
    assert (r["start"], r["end"], r["sign"], r["intensity"], r["directed"]) == (
        "2020-06-16",
        "2020-06",
        -1,
        -9.2,
        True,
    )


def test_workbook_without_a_required_sheet(tmp_path):
    book = tmp_path / "book.xlsx"
    _workbook(book, {"Actors": [["id", "name"], ["PRK", "North Korea"]]})
    tables, problems = read_workbook(book, "book.xlsx")
    assert tables["relations"] is None and "sources" not in tables
    assert [(p.file, p.code) for p in problems] == [("book.xlsx[relations]", "missing-sheet")]


def _capitalised(sheets):
    return {name.capitalize(): rows for name, rows in sheets.items()}


def _set_cell(rows, rid, column, value):
    at = rows[0].index(column)
    next(r for r in rows[1:] if r[0] == rid)[at] = value


@pytest.mark.parametrize(
    "column, value, message",
    [
        (
            "target",
            "KORR",
            'target "KORR" is not an actor id in book.xlsx[Actors] (did you mean "KOR" (South Korea)?)',
        ),
        ("source", "", "source is empty; write an actor id from book.xlsx[Actors]"),
        (
            "source_id",
            "nowhere-1",
            'source_id "nowhere-1" is not an id in book.xlsx[Sources]; '
            "add the source to book.xlsx[Sources]",
        ),
        ("implied", "XXX", 'implied "XXX" is not an actor id in book.xlsx[Actors]'),
    ],
)
def test_workbook_messages_name_the_sheet_referred_to(tmp_path, column, value, message):
    sheets = _capitalised(_sheets_from(Path("data")))
    _set_cell(sheets["Relations"], "R02", column, value)
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    errors = [p for p in graph.check(book) if p.severity == "error"]
    assert [(p.file, p.line, p.message) for p in errors] == [(f"{book}[Relations]", 3, message)]


def test_workbook_without_a_sheet_names_the_sheet_to_add(tmp_path):
    sheets = _capitalised(_sheets_from(Path("data")))
    del sheets["Sources"]
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    messages = [p.message for p in graph.check(book) if p.severity == "error"]
    assert messages == [
        'source_id names a source in 23 relations (first "dw-2020-07-14") but there is no'
        " book.xlsx[sources] sheet; add it, with an id column at least, or leave source_id empty"
    ]


def test_workbook_unknown_relation_names_its_relation_types_sheet(tmp_path):
    sheets = _capitalised(_sheets_from(Path("data")))
    sheets["Relation_Types"] = [["relation", "sign", "intensity"], ["nudge", "1", "2"]]
    _set_cell(sheets["Relations"], "R02", "relation", "zzzz")
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    errors = [p.message for p in graph.check(book) if p.severity == "error"]
    assert len(errors) == 1
    assert errors[0].startswith(
        'relation "zzzz" is not in the vocabulary; add it to book.xlsx[Relation_Types] or use one of: '
    ), errors


def test_workbook_duplicate_name_names_the_relations_sheet(tmp_path):
    sheets = _capitalised(_sheets_from(Path("data")))
    sheets["Actors"].append(["KOR2", "South Korea", "group", "", "", ""])
    book = tmp_path / "book.xlsx"
    _workbook(book, sheets)
    warnings = [p.message for p in graph.check(book) if p.code == "duplicate-name"]
    assert (
        len(warnings) == 1
        and 'write it for "KOR2" in book.xlsx[Relations] and delete' in warnings[0]
    )


def test_corrupt_workbook_is_a_problem_not_a_traceback(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK\x03\x04 not really a zip")
    assert [p.code for p in graph.check(book)] == ["bad-workbook"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=300),
    which=st.sampled_from(["actors.csv", "relations.csv", "sources.csv"]),
)
def test_arbitrary_bytes_in_any_file_give_problems_not_tracebacks(tmp_path, data, which):
    folder = tmp_path / "d"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURES / "odd-valid", folder)
    (folder / which).write_bytes(data)
    problems = graph.check(folder)
    assert all(isinstance(p, graph.Problem) for p in problems)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cell=st.text(max_size=40), column=st.integers(0, 13), bom=st.booleans())
def test_arbitrary_text_in_any_cell_gives_problems_not_tracebacks(tmp_path, cell, column, bom):
    folder = tmp_path / "d"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURES / "broken" / "unknown-actor", folder)
    rel = folder / "relations.csv"
    lines = rel.read_text("utf-8").splitlines()
    import csv
    import io

    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    rows[1][column] = cell
    rel.write_bytes(
        ("\ufeff" if bom else "").encode() + _csv(rows, ",", "\n").encode("utf-8", "surrogatepass")
    )
    problems = graph.check(folder)
    assert all(isinstance(p, graph.Problem) for p in problems)


def test_values_under_an_unnamed_column_are_an_error_not_lost(tmp_path):
    from graph.read import read_table

    p = tmp_path / "actors.csv"
    p.write_text("id,name,\nPRK,North Korea,\nKOR,South Korea,capital Seoul\n", "utf-8")
    _, problems = read_table(p, "actors.csv")
    assert [(x.line, x.column, x.code, x.severity) for x in problems] == [
        (1, 3, "empty-header", "warning"),
        (3, 3, "unnamed-column", "error"),
    ]


# Issue 15, read side: bad numbers, broken quotes, odd files, bounds.

BASE = FIXTURES / "broken" / "isolated-actor"  # a valid dataset but for one warning


def _copy(tmp_path, **files):
    folder = tmp_path / "d"
    shutil.copytree(BASE, folder)
    for name, text in files.items():
        (folder / name.replace("_csv", ".csv")).write_text(text, "utf-8")
    return folder


def _where(problems, severity="error"):
    return [
        (Path(p.file).name, p.line, p.column, p.code) for p in problems if p.severity == severity
    ]


RELATIONS = (BASE / "relations.csv").read_text("utf-8")


@pytest.mark.parametrize("word", ["nan", "NaN", "inf", "-Infinity", "+inf", "1e999", "x1", "--1"])
@pytest.mark.parametrize("column", ["sign", "intensity"])
def test_non_finite_or_non_numbers_are_bad_numbers_not_tracebacks(tmp_path, word, column):
    header, row = RELATIONS.splitlines()[:2]
    cells = row.split(",")
    at = header.split(",").index(column)
    cells[at] = word
    folder = _copy(tmp_path, relations_csv=f"{header}\n{','.join(cells)}\n")
    assert _where(graph.check(folder)) == [("relations.csv", 2, at + 1, "bad-number")]
    with pytest.raises(graph.DataError):
        graph.load(folder)


@pytest.mark.parametrize("word", ["nan", "inf", "-Infinity", "four", "2.5"])
def test_quad_class_must_be_a_whole_number_from_1_to_4(tmp_path, word):
    folder = _copy(
        tmp_path, relation_types_csv=f"relation,sign,intensity,quad_class\nhack,-1,-6.5,{word}\n"
    )
    code = "out-of-range" if word == "2.5" else "bad-number"
    assert _where(graph.check(folder)) == [("relation_types.csv", 2, 4, code)]


def test_a_good_quad_class_is_read_as_a_whole_number(tmp_path):
    folder = _copy(
        tmp_path, relation_types_csv="relation,sign,intensity,quad_class\nhack,-1,-6.5,4\n"
    )
    assert graph.load(folder).vocabulary["hack"]["quad_class"] == 4


def test_unclosed_last_quote_names_the_line_and_column_where_the_cell_starts(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,name,note\nA,B,ok\nC,D,"unterminated\nE,F,more\n', "utf-8")
    table, problems = read_table(path, "t.csv")
    assert [(p.line, p.column, p.code) for p in problems] == [(3, 3, "unclosed-quote")]
    assert "line 4" in problems[0].message
    assert table is not None and [r.line for r in table.rows] == [2, 3]


def test_quote_missing_in_the_middle_is_reported_where_it_opens(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,note\nA,"opens\nB,swallowed\nC,"closed"\nD,"fine"\n', "utf-8")
    _, problems = read_table(path, "t.csv")
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 2, "unclosed-quote")]
    assert "lines 3-4" in problems[0].message


def test_text_after_a_closing_quote_is_a_stray_quote(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,note\nA,"said" later\n', "utf-8")
    _, problems = read_table(path, "t.csv")
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 2, "stray-quote")]


def test_well_formed_quotes_give_no_problem(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,note\nA,"two\nlines, ""quoted"""\nB,plain "inner" quote\n', "utf-8")
    table, problems = read_table(path)
    assert problems == []
    assert [r.values["note"] for r in table.rows] == ['two\nlines, "quoted"', 'plain "inner" quote']


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read(tmp_path, order):
    path = tmp_path / "t.csv"
    path.write_bytes("id\tname\r\nPRK\tNorth Korea\r\nKOR\tSéoul 한국\r\n".encode(order))
    table, problems = read_table(path)
    assert problems == []
    assert table.header == ["id", "name"]
    assert [r.values["name"] for r in table.rows] == ["North Korea", "Séoul 한국"]


def test_a_cell_over_the_csv_module_limit_is_read(tmp_path):
    long = "x" * 200_000
    folder = _copy(tmp_path, relations_csv=RELATIONS.replace("liaison office", long))
    assert _where(graph.check(folder)) == []
    assert long in graph.load(folder).records("relations")[0]["quote"]
    import csv

    assert csv.field_size_limit() == 131072  # the process-wide limit is left as it was


def test_delimiter_detection_respects_quotes_in_the_header(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('"a;b",id\n1;2,X\n', "utf-8")
    table, _ = read_table(path)
    assert table.header == ["a;b", "id"] and table.rows[0].values == {"a;b": "1;2", "id": "X"}
    path.write_text('"a,b";id;"c,d,e"\n1;2;3\n', "utf-8")
    table, _ = read_table(path)
    assert table.header == ["a,b", "id", "c,d,e"]


def test_a_fifo_is_refused_at_once(tmp_path):
    folder = _copy(tmp_path)
    (folder / "actors.csv").unlink()
    os.mkfifo(folder / "actors.csv")
    problems = graph.check(folder)  # pytest-timeout ends a hang
    assert _where(problems) == [("actors.csv", None, None, "unreadable-file")]
    assert "named pipe" in problems[0].message


def test_a_device_is_refused_at_once(tmp_path):
    folder = _copy(tmp_path)
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").symlink_to("/dev/zero")
    problems = graph.check(folder)
    assert _where(problems) == [("actors.csv", None, None, "unreadable-file")]
    assert "character device" in problems[0].message


@pytest.mark.parametrize("name", ["sources.csv", "relation_types.csv"])
def test_an_optional_file_that_is_a_link_loop_is_an_error(tmp_path, name):
    folder = _copy(tmp_path)
    (folder / name).unlink(missing_ok=True)
    (folder / "other.csv").symlink_to(folder / name)
    (folder / name).symlink_to(folder / "other.csv")
    problems = graph.check(folder)
    assert _where(problems) == [(name, None, None, "unreadable-file")]
    assert "loop" in problems[0].message


def test_a_dangling_optional_link_is_an_error_not_an_absence(tmp_path):
    folder = _copy(tmp_path)
    (folder / "sources.csv").unlink()
    (folder / "sources.csv").symlink_to(tmp_path / "gone.csv")
    problems = graph.check(folder)
    assert ("sources.csv", None, None, "unreadable-file") in _where(problems)
    assert "does not exist" in next(p.message for p in problems if p.file.endswith("sources.csv"))


def test_a_file_over_the_size_bound_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,name\n" + "A,B\n" * 100, "utf-8")
    table, problems = read_table(path, "t.csv", max_bytes=100)
    assert table is None and [p.code for p in problems] == ["unreadable-file"]
    assert "over the" in problems[0].message
    assert read_table(path, "t.csv")[0] is not None
    assert MAX_FILE_BYTES == 256 * 1024 * 1024  # the bound data/README.md documents


def test_a_far_cell_in_a_workbook_does_not_make_the_reader_allocate_the_range():
    book = FIXTURES / "broken" / "far-cell-workbook" / "book.xlsx"
    script = (
        "import resource, sys, graph\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "problems = graph.check(sys.argv[1])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
        "print(*(p.code for p in problems))\n"
        "print(problems[0].message)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(book)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    peak_kib, codes, message = int(out[0]), out[1], out[2]
    assert codes == "bad-workbook" and "XFD1048576" in message
    # what the check adds to the process's peak, whatever the installed packages weigh;
    # the range would be 17 billion cells
    assert peak_kib < 400 * 1024


def test_a_line_ending_in_empty_cells_is_named_so(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,name,note\nA,B,ok,,\nC,D,a, b\n", "utf-8")
    table, problems = read_table(path, "t.csv")
    assert [(p.line, p.column, p.code) for p in problems] == [
        (2, 4, "extra-cells"),
        (3, 4, "extra-cells"),
    ]
    # not "a comma inside a cell splits it": there is nothing past the note
    assert "the line ends in 2 empty cells past the last column (,, at its end)" in (
        problems[0].message
    )
    assert "the note cell seems to hold it" in problems[1].message
