"""The columnar build: the same problems, records and page as the row-by-row path through a graph."""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from benchmarks.synthetic import make_dataset
from click.testing import CliRunner
from event_files import add_event_columns
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.cli import cli
from graph.dataset import check
from graph.payload import compact_payload, expand_payload, page_payload, view_payload
from graph.read import read_table
from graph.read.columns import read_columns
from graph.schema import RELATION_COLUMNS, TABLE_FILES
from graph.validate import validate_tables
from graph.validate.columnar import columns_of
from graph.view import read_page_payload, to_html

FIXTURES = Path(__file__).parent / "fixtures"
FOLDERS = sorted(
    p
    for group in ("broken", "odd")
    for p in (FIXTURES / group).iterdir()
    if p.is_dir() and (p / "relations.csv").is_file()
) + [FIXTURES / "odd-valid", graph.datasets.article()]


def _row_by_row(folder: Path):
    """The dataset read and validated the way every file was before: a table of rows each."""
    tables = {}
    problems = []
    for name, (filename, required) in TABLE_FILES.items():
        path = folder / filename
        if not required and not (path.exists() or path.is_symlink()):
            continue
        table, found = read_table(path, str(path))
        tables[name] = table
        problems += found
    records, more = validate_tables(tables)
    return records, problems + more


def _page_json(page: str) -> dict:
    """The page's payload in its compact form, the extra columns read from their elements."""
    assert '<script type="application/json" id="gg-data">' in page
    return read_page_payload(page)


def _tables(folder: Path, relations_as_columns: bool) -> dict:
    """The raw tables of ``folder``; the relations as columns where the file can be read so."""
    tables = {}
    for name, (filename, required) in TABLE_FILES.items():
        path = folder / filename
        if not required and not (path.exists() or path.is_symlink()):
            continue
        as_columns = relations_as_columns and name == "relations"
        columns = read_columns(path, str(path)) if as_columns else None
        if columns is None:
            table, found = read_table(path, str(path))
            if as_columns and table is not None and not found and not table.short:
                columns = columns_of(table)  # a quoted cell over several lines
        tables[name] = table if columns is None else columns
    return tables


def _relation_records(records) -> list[dict]:
    columns = records.relation_columns
    if columns is None:
        return records.relations
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def assert_same_as_rows(folder: Path) -> list:
    """The relations as columns give the problems (every field, in order) and records of the rows."""
    by_rows, row_problems = validate_tables(_tables(folder, False))
    by_columns, column_problems = validate_tables(_tables(folder, True))
    assert column_problems == row_problems
    assert _relation_records(by_columns) == _relation_records(by_rows)
    assert by_columns.lines == by_rows.lines
    assert by_columns.columns == by_rows.columns
    return column_problems


def _in_file_order(problems: list) -> list:
    """What ``check`` promises: errors first, then by file (in the dataset's order), line, column."""
    order = [filename for filename, _ in TABLE_FILES.values()]
    return sorted(
        problems,
        key=lambda p: (
            p.severity != "error",
            order.index(Path(p.file).name),
            p.file,
            p.line or 0,
            p.column or 0,
        ),
    )


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_problems_are_those_of_the_row_by_row_path(folder):
    records, problems = _row_by_row(folder)
    assert list(check(folder)) == _in_file_order(problems)
    assert_same_as_rows(folder)


# Cells for rows with every kind of problem, and clean ones (the first of each list).
_BAD_CELLS = {
    "source": ["", "A0000X", "a00001", "A00001 "],
    "target": ["", "A0001", "A00002x", "Actor 3 Said"],
    "relation": ["", "atack", "Attack", "threatens"],
    "status": ["", "fakt", "Claim", "rumour"],
    "sign": ["2", "x", "\u22121", "0.5", "plus"],
    "intensity": ["1,5", "nan", "11", "-inf", "ten"],
    "directed": ["maybe", "F", "NO"],
    "start": ["2020-13", "16/06/2020", "2020-02-30", "June 2020"],
    "end": ["1990", "2020-13-01", "soon"],
    "source_id": ["src-9999", "SRC-0001"],
}


def _mixed(folder: Path, seed: int = 7, *, multiline: bool = False) -> Path:
    """A synthetic dataset whose relations.csv has every kind of problem, and clean rows.

    Mistyped and empty references, bad numbers, flags and dates, reversed
    dates, warnings (no quote, a claim no one says, sign against intensity,
    a self-relation), repeated and bad ids, empty ids whose generated id is
    taken, blank rows and an extra column; with ``multiline``, quotes over
    several lines.
    """
    make_dataset(folder, 300, 1_500)
    path = folder / "relations.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0] + ["weight"], [r + [str(i % 3 or "")] for i, r in enumerate(rows[1:])]
    at = {k: header.index(k) for k in RELATION_COLUMNS}
    rng = random.Random(seed)
    for r in rng.sample(body, 400):
        for key in rng.sample(sorted(_BAD_CELLS), rng.choice([1, 1, 1, 2, 3])):
            r[at[key]] = rng.choice(_BAD_CELLS[key])
    for r in rng.sample(body, 60):  # warnings
        kind = rng.randrange(4)
        if kind == 0:
            r[at["quote"]] = ""
        elif kind == 1:
            r[at["status"]], r[at["said_by"]] = "claim", ""
        elif kind == 2:
            r[at["sign"]], r[at["intensity"]] = "1", "-4"
        else:
            r[at["target"]] = r[at["source"]]
    for r in rng.sample(body, 30):  # ids used twice, bad, empty
        r[at["id"]] = rng.choice([body[0][at["id"]], body[5][at["id"]], "bad id", "", ""])
    taken = body[9]  # an empty id whose generated id is already given to another row
    taken[at["start"]] = "2020"
    body[10][at["id"]] = f"{taken[at['source']]}-{taken[at['target']]}-{taken[at['relation']]}-2020"
    taken[at["id"]] = ""
    body.insert(100, [""] * len(header))  # blank rows are dropped, lines still counted
    for r in rng.sample(body, 40) if multiline else ():
        r[at["quote"]] += rng.choice(["\nand more", "\r\n\r\nsaid", "\n"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *body[:700], [], *body[700:]])
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    return _mixed(tmp_path_factory.mktemp("mixed") / "data")


@pytest.fixture(scope="module")
def mixed_lines(tmp_path_factory):
    return _mixed(tmp_path_factory.mktemp("mixed") / "data", multiline=True)


def test_a_file_with_every_kind_of_problem_gets_the_problems_of_the_rows(mixed):
    assert read_columns(mixed / "relations.csv") is not None  # the columns' own path
    _assert_every_kind(mixed)


def test_quoted_cells_over_several_lines_keep_their_lines(mixed_lines):
    assert read_columns(mixed_lines / "relations.csv") is None  # read as a table first
    table, found = read_table(mixed_lines / "relations.csv")
    assert not found and table.rows[-1].line > len(table.rows) + 40
    _assert_every_kind(mixed_lines)


def _assert_every_kind(mixed: Path) -> None:
    problems = assert_same_as_rows(mixed)
    codes = {p.code for p in problems}
    assert codes >= {
        "unknown-actor",
        "missing-value",
        "unknown-relation",
        "bad-value",
        "bad-number",
        "out-of-range",
        "bad-date",
        "reversed-dates",
        "unknown-source",
        "duplicate-id",
        "bad-id",
        "no-quote",
        "missing-said-by",
        "sign-mismatch",
        "self-relation",
        "isolated-actor",
    }, codes
    records, row_problems = _row_by_row(mixed)
    report = check(mixed)
    assert list(report) == _in_file_order(row_problems)
    assert sum(p.code == "unknown-actor" and "did you mean" in p.message for p in report) > 50


@pytest.mark.parametrize("kind", ["mixed", "mixed_lines"])
def test_check_json_of_a_file_with_every_kind_of_problem(kind, request):
    folder = request.getfixturevalue(kind)
    result = CliRunner().invoke(cli, ["check", str(folder), "--json"])
    assert result.exit_code == 1
    expected = graph.problems.Report(_in_file_order(_row_by_row(folder)[1])).to_dict()
    assert json.loads(result.stdout) == expected


def test_a_file_with_only_warnings_loads_from_its_columns(mixed, tmp_path):
    """Rows with warnings go through the row checks and keep their records, as columns."""
    data = shutil.copytree(mixed, tmp_path / "data")
    make_dataset(data, 300, 1_500)
    path = data / "relations.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    quote, target, source = (rows[0].index(k) for k in ("quote", "target", "source"))
    for r in rows[1::7]:
        r[quote] = ""
    rows[3][target] = rows[3][source]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    problems = assert_same_as_rows(data)
    assert {p.severity for p in problems} == {"warning"}
    ds = graph.load(data)
    assert ds.relation_count == 1_500
    assert ds.records("relations") == _row_by_row(data)[0].relations


_CELLS = {
    "id": ["", "", "R1", "R2", "bad id", "A-B-attack-2020"],
    "source": ["A", "B", "C", "", "AA", "a"],
    "target": ["A", "B", "C", "", "Beta"],
    "relation": ["attack", "cooperate", "", "atack"],
    "status": ["fact", "Claim", "forecast", "", "fakt"],
    "sign": ["", "1", "-1", "+", "2", "x"],
    "intensity": ["", "5", "-5", "1,5", "nan", "11"],
    "directed": ["", "true", "no", "maybe"],
    "start": ["", "2020", "2020-06-16", "2020-13", "2021"],
    "end": ["", "2020", "2019", "soon"],
    "source_id": ["", "S1", "S2", "S9"],
    "said_by": ["", "X"],
    "quote": ["", "q", "two\nlines"],
    "weight": ["", "1"],
}


@settings(max_examples=80, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _CELLS.items()}), max_size=12
    ),
    actors=st.sampled_from(["id,name\nA,Alpha\nB,Beta\nC,Gamma\nD,Delta\n", "id\nA\nB\n"]),
    sources=st.sampled_from(["id,machine_coded\nS1,\nS2,true\n", None, "title\nx\n"]),
)
def test_any_rows_get_the_problems_and_records_of_the_row_checks(rows, actors, sources):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "actors.csv").write_text(actors, encoding="utf-8")
        if sources is not None:
            (folder / "sources.csv").write_text(sources, encoding="utf-8")
        with (folder / "relations.csv").open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([list(_CELLS), *([r[k] for k in _CELLS] for r in rows)])
        assert_same_as_rows(folder)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("synthetic"), 300, 2_000)


def test_a_clean_file_is_read_as_columns_with_the_records_of_the_rows(synthetic):
    columns = read_columns(synthetic / "relations.csv")
    assert columns is not None and len(columns) == 2_000
    assert columns.lines == range(2, 2_002)  # no list of line numbers for a file of no blank line
    records, problems = _row_by_row(synthetic)
    ds = graph.load(synthetic)
    assert ds.records("relations") == records.relations
    assert [str(p) for p in ds.warnings] == [str(p) for p in problems]  # isolated actors
    assert ds.relation_columns()["id"] == [r["id"] for r in records.relations]


def test_the_id_line_map_of_a_clean_file_is_made_only_when_read(synthetic):
    import sys

    records, _ = validate_tables(_tables(synthetic, True))
    lines = records.lines["relations"]
    assert len(lines) == 2_000
    assert sys.getsizeof(lines) < 1_000  # no table of 2,000 ids while nothing reads it
    by_rows, _ = validate_tables(_tables(synthetic, False))
    assert lines == by_rows.lines["relations"] and lines["R000001"] == 3


def test_a_broken_row_sends_the_file_the_row_by_row_way(synthetic, tmp_path):
    data = shutil.copytree(synthetic, tmp_path / "data")
    rel = data / "relations.csv"
    with rel.open("a", encoding="utf-8") as fh:
        fh.write("R999999,A00000,A00001,attack,,,true,fakt,2020,,src-0000,,A quote.,\n")
    report = check(data)
    assert [(p.line, p.code) for p in report.errors] == [(2002, "bad-value")]
    assert sorted(map(str, report)) == sorted(map(str, _row_by_row(data)[1]))


def test_the_page_of_the_tables_is_the_page_of_the_graph(synthetic):
    for folder in (synthetic, graph.datasets.article()):
        ds = graph.load(folder)
        G = ds.to_networkx()
        assert to_html(ds) == to_html(G)
        assert to_html(ds, title="T") == to_html(G, title="T")
        assert expand_payload(_page_json(to_html(ds))) == view_payload(G)


_ALL_FOLDERS = sorted({p.parent for p in FIXTURES.rglob("relations.csv")})


def _as_the_payload_holds(folder: Path) -> None:
    """A loaded dataset's relation columns are what the graph path's clean-up makes of a
    graph's (text or None, numbers, flags): the page takes them as they are (payload/edges.py)."""
    from graph.payload.edges import _plain

    columns = graph.load(folder).relation_columns()
    plain = {k: list(v) for k, v in columns.items()}
    _plain(plain, lambda: None, {})
    for name, column in plain.items():
        assert column == columns[name], (folder, name)
        assert list(map(type, column)) == list(map(type, columns[name])), (folder, name)


def test_a_datasets_relation_columns_are_what_the_payload_holds(synthetic):
    folders = [f for f in _ALL_FOLDERS if check(f).valid]
    assert len(folders) > 10
    for folder in [*folders, synthetic, graph.datasets.article()]:
        _as_the_payload_holds(folder)


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(st.text(max_size=6), min_size=3, max_size=3),
    start=st.sampled_from(["", " ", "2020", " 2020-06-01 ", "2021-02"]),
)
def test_any_cells_load_as_the_payload_holds_them(tmp_path_factory, cells, start):
    data = tmp_path_factory.mktemp("cells")
    shutil.copy(graph.datasets.article() / "actors.csv", data)
    with (data / "relations.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [
                ["source", "target", "relation", "status", "quote", "note", "said_by", "start"],
                ["PRK", "KOR", "threaten", "claim", *cells, start],
                ["PRK", "KOR", "threaten", "fact", "q", "", "", ""],
            ]
        )
    if check(data).valid:  # only valid data loads
        _as_the_payload_holds(data)


def test_a_large_event_graph_gets_the_page_of_its_graph(synthetic, tmp_path):
    """Over the size of blocs, the event keys read a graph of a few attributes: the same page."""
    data = shutil.copytree(synthetic, tmp_path / "data")
    add_event_columns(data / "relations.csv", 7)
    ds = graph.load(data)
    assert ds.relation_columns()["events"][:3] == [1, 2, 3]
    page = page_payload(ds)
    assert page["events"] is not None and page["events"]["pairs"]
    assert page == page_payload(ds.to_networkx())


def test_machine_coded_relations_are_small_in_the_page(tmp_path):
    pytest.importorskip("duckdb")
    from benchmarks.bench_import import make_gdelt_file

    from graph.events import import_gdelt

    make_gdelt_file(tmp_path / "events.CSV", 3_000)
    data = tmp_path / "gdelt"
    import_gdelt([tmp_path / "events.CSV"], data, period="month", progress=False)
    ds = graph.load(data)
    assert read_columns(data / "relations.csv") is not None
    page = page_payload(ds)
    plain = view_payload(ds.to_networkx())
    assert expand_payload(json.loads(json.dumps(page))) == plain
    n = ds.relation_count
    size = len(json.dumps(page, separators=(",", ":")).encode())
    # What grows with the relations: their columns and the counted pairs. At this size
    # the keys per actor, pair and date (map outline, blocs, betweenness, disparity)
    # are most of the page; tests/benchmarks/bench_build.py measures the whole page at 283k.
    per_relation = len(json.dumps([page["edges"], page["bundles"]], separators=(",", ":")))
    assert per_relation / n < 120  # bytes per relation; the plain columns take about 3x
    assert len(json.dumps(plain, separators=(",", ":")).encode()) > 2 * size
    urls = page["edges"]["extra"]["evidence_urls"]
    assert urls["k"] == "words"  # each URL once, front-coded
    assert page["edges"]["columns"]["id"]["k"] == "template"


_texts = st.one_of(st.none(), st.sampled_from(["a", "b b", "https://x.org/1", "https://x.org/2"]))
_urls = st.one_of(
    st.none(),
    st.lists(st.sampled_from(["https://a.org/x", "https://a.org/xy", "http://b"]), min_size=1).map(
        " ".join
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 12),
    data=st.data(),
)
def test_compact_columns_expand_to_the_payload(n, data):
    ints = st.lists(st.integers(0, 2), min_size=n, max_size=n)
    nodes = [{"id": f"N{i}"} for i in range(3)]
    edges = {
        "id": data.draw(
            st.one_of(
                st.just([f"N{i % 3}-N{(i + 1) % 3}-2020-r{i % 3}" for i in range(n)]),
                st.lists(st.text(min_size=1), min_size=n, max_size=n, unique=True),
            )
        ),
        "from": [i % 3 for i in range(n)],
        "to": [(i + 1) % 3 for i in range(n)],
        "relation": [i % 3 for i in range(n)],
        "start": data.draw(st.lists(st.sampled_from([0, None]), min_size=n, max_size=n)),
        "sign": data.draw(ints),
        "intensity": data.draw(
            st.lists(st.floats(-10, 10, allow_nan=False), min_size=n, max_size=n)
        ),
        "directed": data.draw(st.lists(st.booleans(), min_size=n, max_size=n)),
        "quote": data.draw(st.lists(_texts, min_size=n, max_size=n)),
    }
    extra = [
        # an empty (None) extra attribute is none: the payload lists neither
        [i, {k: v for k, v in x.items() if v != "absent" and v is not None}]
        for i, x in enumerate(
            data.draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "urls": st.one_of(_urls, st.just("absent")),
                            "n": st.one_of(st.integers(0, 3), st.just("absent")),
                        }
                    ),
                    min_size=n,
                    max_size=n,
                )
            )
        )
    ]
    edges["extra"] = [x for x in extra if x[1]]
    payload = {"nodes": nodes, "relations": ["r0", "r1", "r2"], "dates": ["2020"], "edges": edges}
    page = json.loads(json.dumps(compact_payload(payload)))
    assert expand_payload(page) == payload
