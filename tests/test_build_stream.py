"""The build's lean path: what it imports, how it reads, how it writes the page.

The page itself must not change: these tests compare it with the page of the
graph path, and the written file with :func:`graph.to_html`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.synthetic import make_dataset
from click.testing import CliRunner
from event_files import add_event_columns
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.cli import cli
from graph.payload import page_payload
from graph.payload.compact import page_columns
from graph.problems import OutputError
from graph.read import read_table
from graph.read.columns import read_columns
from graph.view import (
    page_pieces,
    payload_json,
    payload_json_pieces,
    read_page_payload,
    render_html,
    to_html,
)
from graph.write import write_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    """300 actors (over the size of blocs: the columnar event keys) with an events column."""
    data = make_dataset(tmp_path_factory.mktemp("events"), 300, 2_000)
    add_event_columns(data / "relations.csv", 11)
    return data


def test_the_column_p_values_are_those_of_graph_backbone(events):
    ds = graph.load(events)
    pairs = page_payload(ds)["events"]["pairs"]
    G = ds.to_networkx()
    ids = [a["id"] for a in ds.actor_records()]
    alpha = {frozenset((ids[i], ids[j])): p for i, j, p in pairs}
    kept = graph.backbone(G, 1.0, weight="events")  # every pair with alpha < 1, with its alpha
    assert kept.number_of_edges() > 100
    for u, v, p in kept.edges(data="alpha"):
        assert alpha[frozenset((u, v))] == pytest.approx(p, rel=1e-12, abs=1e-15)
    assert sum(p < 1 for p in alpha.values()) == kept.number_of_edges()
    assert page_payload(ds) == page_payload(G)


def test_the_page_is_written_in_pieces_that_make_to_html(events, tmp_path):
    ds = graph.load(events)
    pieces = list(page_pieces(ds, title="T"))
    # between the page's head and the first </script>: the payload's JSON, the
    # extra columns the page parses on first read in their own elements after it
    data = pieces[1 : pieces.index("</script>")]
    payload, later = page_columns(page_payload(ds, title="T"))
    assert later and "".join(data) == payload_json(payload)
    assert read_page_payload("".join(pieces)) == page_payload(ds, title="T")
    assert (
        len(data) > 50 and max(map(len, data)) < len("".join(data)) / 2
    )  # the quotes are the most
    assert "".join(pieces) == to_html(ds, title="T") == to_html(ds.to_networkx(), title="T")
    out = render_html(ds, tmp_path / "p.html", title="T")
    assert out.read_text(encoding="utf-8") == "".join(pieces)


def test_a_released_dataset_makes_the_same_page_and_holds_no_relations(events):
    ds = graph.load(events)  # large: its relations go as the payload takes them
    page = "".join(page_pieces(ds, title="T", release=True))
    assert page == to_html(graph.load(events), title="T")
    for read in (lambda: ds.relation_count, ds.relation_columns, ds.to_networkx):
        with pytest.raises(RuntimeError, match="load it again"):
            read()
    small = graph.load("data")  # small: its graph (the blocs) is made, the dataset kept
    assert page_payload(small, release=True) == page_payload(graph.load("data"))
    assert small.relation_count == 23


def test_the_json_in_pieces_is_the_json_whole():
    payload = {
        "a": {"b": {"c": [1, 2.5, None, "</script>"], "d": "\u2028&"}, "e": {1: "x"}},
        "f": [],
        "g": {},
    }
    assert "".join(payload_json_pieces(payload)) == payload_json(payload)
    assert json.loads(payload_json(payload))["a"]["e"] == {"1": "x"}


def test_a_failing_page_leaves_the_old_file(tmp_path):
    out = tmp_path / "page.html"
    out.write_text("old", encoding="utf-8")

    def pieces():
        yield "<html>"
        raise ValueError("no page")

    with pytest.raises(ValueError, match="no page"):
        write_text(out, pieces())
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_an_unwritable_page_is_an_output_error(tmp_path):
    (tmp_path / "dir.html").mkdir()
    with pytest.raises(OutputError, match="cannot write"):
        write_text(tmp_path / "dir.html", ["x"])


def test_build_writes_the_page_of_to_html(events, tmp_path):
    out = tmp_path / "b.html"
    result = CliRunner().invoke(cli, ["build", str(events), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == to_html(graph.load(events))


def test_build_imports_neither_pandas_nor_pyvis(events, tmp_path):
    code = (
        "import sys\n"
        "from graph.cli import cli\n"
        "try:\n"
        "    cli(['build', sys.argv[1], '-o', sys.argv[2], '-q'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pandas', 'pyvis', 'IPython') if m in sys.modules))\n"
    )
    out = tmp_path / "i.html"
    run = subprocess.run(
        [sys.executable, "-c", code, str(events), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert out.stat().st_size > 100_000


@pytest.mark.parametrize("odd", ["\f", "\u2028", "\x85"])
def test_cells_with_other_line_breaks_read_as_the_rows_do(tmp_path, odd):
    path = tmp_path / "r.csv"
    path.write_text(f"id,note\nA,one{odd}two\nB,x\n", encoding="utf-8")
    columns = read_columns(path)
    table, problems = read_table(path, str(path))
    assert columns is not None and not problems
    assert (
        columns.columns["note"] == [r.values["note"] for r in table.rows] == [f"one{odd}two", "x"]
    )
    assert list(columns.lines) == [2, 3]


def test_blank_lines_across_reading_steps_keep_the_line_numbers(tmp_path):
    path = tmp_path / "r.csv"
    lines = ["id,v"] + [f"R{i},{i % 3}" for i in range(40_000)]
    for at in (2_048, 2_049, 16_386, 32_770):  # around the steps of records read at once
        lines.insert(at, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = read_columns(path)
    table, _ = read_table(path, str(path))
    assert columns is not None
    assert list(columns.lines) == [r.line for r in table.rows]
    assert columns.columns["id"] == [r.values["id"] for r in table.rows]
    # repeated cells are one string each
    assert len({id(v) for v in columns.columns["v"]}) == 3


def test_the_columns_of_the_shipped_data_are_its_rows(tmp_path):
    data = shutil.copytree(graph.datasets.article(), tmp_path / "a")
    columns = read_columns(data / "relations.csv")
    table, _ = read_table(data / "relations.csv", "relations.csv")
    assert columns is not None
    assert columns.columns["id"] == [r.values["id"] for r in table.rows]


def _same_as_rows(path: Path) -> list[list[str]]:
    """The columns of ``path`` as rows, after checking them against read_table's rows."""
    columns = read_columns(path)
    table, problems = read_table(path, str(path))
    assert columns is not None and not problems
    assert list(columns.lines) == [r.line for r in table.rows]
    rows = [list(r.values.values()) for r in table.rows]
    assert [list(r) for r in zip(*columns.columns.values())] == rows
    assert columns.header == table.header
    return rows


def test_a_header_longer_than_the_first_read_finds_its_delimiter(tmp_path):
    path = tmp_path / "r.csv"
    names = [f"column_with_a_long_name_{i:05d}" for i in range(3_000)]  # a 100 KB header
    path.write_text(";".join(names) + "\n" + ";".join("x" for _ in names) + "\n", encoding="utf-8")
    assert _same_as_rows(path) == [["x"] * 3_000]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le"])
def test_byte_order_marks_and_utf16_read_as_the_rows_do(tmp_path, encoding):
    path = tmp_path / "r.csv"
    path.write_text("id,name\nA,Åland\r\nB,Ελλάδα\n", encoding=encoding)
    assert _same_as_rows(path) == [["A", "Åland"], ["B", "Ελλάδα"]]


def test_a_byte_that_is_not_utf8_far_in_the_file_goes_to_the_row_reader(tmp_path):
    path = tmp_path / "r.csv"
    body = "".join(f"R{i},{'x' * 80}\n" for i in range(60_000))  # 5 MB, past the first read
    path.write_bytes(("id,note\n" + body).encode() + b"R,caf\xe9\n")
    assert read_columns(path) is None
    _, problems = read_table(path, str(path))
    assert [(p.code, p.line) for p in problems] == [("not-utf8", 60_002)]


def test_the_reading_never_holds_the_whole_file(tmp_path):
    import tracemalloc

    path = tmp_path / "r.csv"
    cell = "y" * 120
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("id,a,b\n")
        fh.writelines(f"R{i % 7},{cell}{i % 5},{cell}{i % 3}\n" for i in range(100_000))
    size = path.stat().st_size  # 24 MB of repeated cells: the columns hold 15 strings
    tracemalloc.start()
    try:
        columns = read_columns(path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert columns is not None and len(columns) == 100_000
    assert kept < size / 2  # three columns of 100,000 slots, the line numbers
    # the bytes or the text whole would be the file's size again on top
    assert peak - kept < size / 2, (peak, kept, size)


def test_a_long_column_is_written_in_steps_of_items():
    quotes = [f"quote {i} </script> \u2028 & é" for i in range(50_000)]
    payload = {"edges": {"columns": {"quote": quotes, "n": [1] * 4_097, "e": []}}}
    pieces = list(payload_json_pieces(payload))
    assert "".join(pieces) == payload_json(payload)
    assert json.loads("".join(pieces))["edges"]["columns"]["quote"] == quotes
    assert max(map(len, pieces)) < len("".join(pieces)) / 10


_ASCII_TEXTS = st.lists(
    st.one_of(
        st.text(st.characters(max_codepoint=0x80), max_size=8),
        st.sampled_from(["|", "~^`#", "\\u0000", '"', "\x00", "\x7f", "é"]),
    ),
    max_size=12,
)


@given(texts=_ASCII_TEXTS, none=st.booleans())
def test_a_step_of_texts_is_written_as_the_encoder_writes_it(texts, none):
    from graph.view import _dumps, _texts_json

    step = [*texts, None] if none else texts
    assert _texts_json(step) == _dumps(step)


def _order_by_sorting(source, target, position):
    first: dict = {}
    pair = [
        first.setdefault((position[s], position[t]), i)
        for i, (s, t) in enumerate(zip(source, target))
    ]
    order = sorted(range(len(source)), key=lambda i: (position[source[i]], pair[i]))
    return None if order == list(range(len(source))) else order


def test_relations_are_put_in_the_graph_order_a_sort_by_source_and_pair_gives():
    import random

    from graph.payload.tables import _graph_order

    rng = random.Random(13)
    position = {f"A{i}": i for i in range(9)}
    for n in (0, 1, 2, 5, 50, 400):
        source = [rng.choice(list(position)) for _ in range(n)]
        target = [rng.choice(list(position)) for _ in range(n)]
        for s, t in ((source, target), (sorted(source), target)):
            assert _graph_order(s, t, position) == _order_by_sorting(s, t, position)


def test_relations_already_in_the_graph_order_are_found_so_without_a_list_per_relation():
    import tracemalloc

    from graph.payload.tables import _graph_order

    n = 100_000
    position = {f"A{i}": i for i in range(100)}
    source = [f"A{i * 100 // n}" for i in range(n)]  # by source, each pair's relations together
    target = [f"A{(i // 10) % 100}" for i in range(n)]
    tracemalloc.start()
    try:
        order = _graph_order(source, target, position)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert order is None
    # three arrays of 8 bytes a relation; a list of ints per relation is 36 bytes each
    assert peak < 30 * n, peak


def test_a_graph_of_columns_reads_coded_columns_as_their_text_and_lets_the_text_go():
    from graph.payload.tables import _ColumnGraph

    relations = {
        "source": ["A", "B", "A"],
        "target": ["B", "A", "B"],
        "id": ["r1", "r2", "r3"],
        "status": ["fact", "claim", "fact"],
        "start": ["2020", None, "2021"],
    }
    G = _ColumnGraph({}, [{"id": "A"}, {"id": "B"}], relations, None)
    edges = {"status": [0, 1, 0], "start": [0, None, 1]}
    G.coded(edges, {"status": ["fact", "claim"], "start": ["2020", "2021"]})
    assert "status" not in relations and "start" not in relations  # the codes alone are held
    assert [d for *_, d in G.edges(data="status")] == ["fact", "claim", "fact"]
    assert [d["start"] for *_, d in G.edges(data=True)] == ["2020", None, "2021"]
    own = {"source": ["A"], "target": ["B"], "id": ["r1"], "status": ["fact"]}
    held = _ColumnGraph(
        {}, [{"id": "A"}, {"id": "B"}], own, [0]
    )  # the dataset's own, in another order
    held.coded({"status": [0]}, {"status": ["fact"]})
    assert [d for *_, d in held.edges(data="status")] == ["fact"] and "status" in own


# A column-sized block freed after glibc's threshold rose (a 16 MiB block freed first),
# under small blocks made after it: it stays in the heap unless the threshold is fixed.
_HEAP_HOLE = """
import sys
from graph.read.heap import large_blocks_returned
took = large_blocks_returned() if sys.argv[1] == "fixed" else None
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 >> 20
a = [None] * (2 << 20)
del a
b = [[None] * (1 << 17) for _ in range(16)]
pin = [bytearray(1000) for _ in range(4000)]
before = rss()
del b
print(took, before - rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_large_blocks_go_back_to_the_system_once_freed():
    def freed(mode: str) -> tuple[str, int]:
        code = [sys.executable, "-c", _HEAP_HOLE, mode]
        took, mib = subprocess.run(code, capture_output=True, text=True, check=True).stdout.split()
        return took, int(mib)

    took, fixed = freed("fixed")
    if took != "True":
        pytest.skip("no glibc malloc here")
    assert fixed >= 15  # the 16 MiB of columns went back
    assert freed("dynamic")[1] <= 1  # the case itself: glibc's own threshold keeps them


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("large", [True, False])
def test_whole_dataset_commands_fix_the_heap_threshold_for_a_large_dataset(
    command, large, tmp_path, monkeypatch
):
    calls = []
    monkeypatch.setattr("graph.read.heap.large_blocks_returned", lambda: calls.append(1) or True)
    if large:  # the shipped article, counted as large
        monkeypatch.setattr("graph.read.heap.LARGE_DATASET", 1)
    args = [command, str(ROOT / "data")] + (
        ["-o", str(tmp_path / "v.html")] if command == "build" else []
    )
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert calls == ([1] if large else [])


@settings(deadline=None)  # the first example imports networkx
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=60),
    st.permutations(range(6)),
)
def test_the_graph_order_is_the_order_a_multidigraph_iterates_its_edges(pairs, actors):
    import networkx as nx

    from graph.payload.tables import _graph_order

    position = {f"A{a}": i for i, a in enumerate(actors)}
    G = nx.MultiDiGraph()
    G.add_nodes_from(position)
    for i, (s, t) in enumerate(pairs):
        G.add_edge(f"A{s}", f"A{t}", i=i)
    expected = [i for _, _, i in G.edges(data="i")]
    order = _graph_order([f"A{s}" for s, _ in pairs], [f"A{t}" for _, t in pairs], position)
    assert (list(range(len(pairs))) if order is None else order) == expected


def test_the_graph_order_of_few_pairs_holds_no_two_ints_per_relation():
    import random
    import tracemalloc

    from graph.payload.tables import _graph_order

    n, rng = 100_000, random.Random(1)
    position = {f"A{i}": i for i in range(30)}
    source = [f"A{rng.randrange(30)}" for _ in range(n)]
    target = [f"A{rng.randrange(30)}" for _ in range(n)]
    tracemalloc.start()
    try:
        order = _graph_order(source, target, position)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert order is not None and sorted(order) == list(range(n))
    # the order's list and ints (40 bytes a relation) and arrays; a sort with a key held
    # another int and slot per relation (96 bytes a relation)
    assert peak < 70 * n, peak / n
