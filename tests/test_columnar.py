"""The columnar build: the same problems, records and page as the row-by-row path through a graph."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from benchmarks.synthetic import make_dataset
from event_files import add_event_columns
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.dataset import check
from graph.payload import compact_payload, expand_payload, page_payload, view_payload
from graph.read import read_table
from graph.read.columns import read_columns
from graph.schema import TABLE_FILES
from graph.validate import validate_tables
from graph.view import to_html

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
    data = re.search(r'<script type="application/json" id="gg-data">(.*?)</script>', page, re.S)
    assert data is not None
    return json.loads(data.group(1))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_problems_are_those_of_the_row_by_row_path(folder):
    expected = sorted(map(str, _row_by_row(folder)[1]))
    assert sorted(map(str, check(folder))) == expected


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("synthetic"), 300, 2_000)


def test_a_clean_file_is_read_as_columns_with_the_records_of_the_rows(synthetic):
    columns = read_columns(synthetic / "relations.csv")
    assert columns is not None and len(columns) == 2_000
    assert columns.lines == list(range(2, 2_002))
    records, problems = _row_by_row(synthetic)
    ds = graph.load(synthetic)
    assert ds.records("relations") == records.relations
    assert [str(p) for p in ds.warnings] == [str(p) for p in problems]  # isolated actors
    assert ds.relation_columns()["id"] == [r["id"] for r in records.relations]


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
        [i, {k: v for k, v in x.items() if v != "absent"}]
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
