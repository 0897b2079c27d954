"""The library API a notebook user sees: load, tables, graph."""

import networkx as nx
import pandas as pd

import graph


def test_load_returns_tables_as_dataframes():
    ds = graph.load("data")
    assert isinstance(ds.actors, pd.DataFrame)
    assert list(ds.actors.columns[:6]) == ["id", "name", "type", "aliases", "group", "description"]
    assert list(ds.relations.columns[:4]) == ["id", "source", "target", "relation"]
    assert ds.actors.set_index("id").loc["PRK", "aliases"][:2] == [
        "DPRK",
        "Democratic People's Republic of Korea",
    ]
    assert len(ds.sources) == 1


def test_frames_are_copies():
    ds = graph.load("data")
    frame = ds.relations
    frame.loc[0, "source"] = "XXX"
    ds.records("actors")[0]["name"] = "changed"
    assert ds.relations.loc[0, "source"] != "XXX"
    assert ds.records("actors")[0]["name"] != "changed"


def test_to_networkx_contract():
    G = graph.load("data").to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert set(G.graph) >= {"name", "title", "sources", "relation_types"}
    keys = {
        "id",
        "source",
        "target",
        "relation",
        "sign",
        "intensity",
        "directed",
        "status",
        "start",
        "end",
        "source_id",
        "said_by",
        "quote",
        "note",
    }
    for u, v, k, d in G.edges(keys=True, data=True):
        assert keys <= set(d)
        assert (d["id"], d["source"], d["target"]) == (k, u, v)
        assert d["sign"] in (-1, 0, 1) and -10 <= d["intensity"] <= 10
        assert isinstance(d["directed"], bool)
    assert G.nodes["KOR"]["group"] == "Korean Peninsula"
    assert isinstance(G.nodes["KOR"]["aliases"], list)


def test_graphs_are_independent():
    ds = graph.load("data")
    G1 = ds.to_networkx()
    G1.nodes["PRK"]["aliases"].append("x")
    G1.graph["sources"].clear()
    G2 = ds.to_networkx()
    assert "x" not in G2.nodes["PRK"]["aliases"] and G2.graph["sources"]


def test_input_files_are_never_modified(tmp_path):
    import shutil

    shutil.copytree("data", tmp_path / "d")
    before = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()}
    graph.load(tmp_path / "d").to_networkx()
    graph.check(tmp_path / "d")
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()}


def test_records_replace_the_columns(tmp_path):
    # A graph is made from one record per relation; the columns it was read into are then
    # let go of by the dataset too (at 283k relations they are 120 MiB held for nothing).
    (tmp_path / "actors.csv").write_text("id,name\nA,Aa\nB,Bb\n", encoding="utf-8")
    (tmp_path / "relations.csv").write_text(
        "source,target,relation,status,quote,events\nA,B,threaten,fact,q,3\nB,A,appeal,fact,r,\n",
        encoding="utf-8",
    )
    ds = graph.load(tmp_path)
    assert ds._relation_columns is not None  # read as columns
    columns, count = ds.relation_columns(), ds.relation_count
    ds.to_networkx()
    assert ds._relation_columns is None and ds._tables.relation_columns is None
    assert ds.relation_columns() == columns and ds.relation_count == count


def _extra_weight(tmp_path, delimiter: str, cells: list[str]):
    d = delimiter
    (tmp_path / "actors.csv").write_text(
        f'id{d}name{d}type{d}gdp\nPRK{d}North Korea{d}state{d}"1,5"\nKOR{d}South Korea{d}state{d}\n',
        encoding="utf-8",
    )
    rows = "".join(f'KOR{d}PRK{d}appeal{d}fact{d}q{d}"{c}"\n' for c in cells)
    (tmp_path / "relations.csv").write_text(
        f"source{d}target{d}relation{d}status{d}quote{d}weight\n{rows}", encoding="utf-8"
    )
    return graph.load(tmp_path)


def test_extra_numbers_take_a_decimal_comma_where_the_delimiter_is_not_the_comma(tmp_path):
    ds = _extra_weight(tmp_path, ";", ["2,5", "1", "\u22123"])
    assert ds.relation_columns()["weight"] == [2.5, 1.0, -3.0]
    G = ds.to_networkx()
    assert sorted(d["weight"] for *_, d in G.edges(data=True)) == [-3.0, 1.0, 2.5]
    assert G.nodes["PRK"]["gdp"] == 1.5 and ds.actor_records()[0]["gdp"] == 1.5


def test_a_comma_in_a_comma_file_keeps_the_extra_column_text(tmp_path):
    # "2,5" there may be two numbers, or a list: it is kept as written
    ds = _extra_weight(tmp_path, ",", ["2,5", "1"])
    assert ds.relation_columns()["weight"] == ["2,5", "1"]
    assert ds.to_networkx().nodes["PRK"]["gdp"] == "1,5"
