"""Exports read back by the tools people use: networkx, python-igraph, graphology-gexf."""

import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers import (
    dataset,
    graphology_gexf,
    igraph_graphml,
    node_link_graph,
    read_gexf,
    read_graphml,
)

import graph
from graph.cli import cli
from graph.export import csv_tables

GEXF = "{http://www.gexf.net/1.2draft}"


def G():
    return graph.load("data").to_networkx()


@pytest.fixture(params=["directed", "undirected", "mixed"])
def kind(request):
    return request.param


@pytest.fixture
def small(tmp_path, kind):
    return graph.load(dataset(tmp_path / kind, kind)).to_networkx()


def test_node_link_has_every_attribute():
    data = graph.to_node_link(G())
    e = next(x for x in data["edges"] if x["key"] == "R01")
    assert e["quote"] == "the North’s destruction of the liaison office"
    assert e["status"] == "fact" and e["intensity"] == -9.2
    back = node_link_graph(graph.to_json(G()))
    # node_link_graph turns the "id", "source" and "target" fields into the graph's keys
    for n, d in back.nodes(data=True):
        d["id"] = n
    for u, v, d in back.edges(data=True):
        d.update(source=u, target=v)
    assert nx.utils.graphs_equal(back, G())


def test_node_link_keeps_a_column_named_key(small):
    back = node_link_graph(graph.to_json(small))
    assert {k: d["key_"] for _, _, k, d in back.edges(keys=True, data=True)} == {
        "R1": "k1",
        "R2": "k2",
        "R3": "k3",
    }
    assert back.edges["A", "B", "R1"]["events"] == 3
    assert back.nodes["C"]["founded"] == 1975.0


def test_extra_columns_of_numbers_are_numbers_in_the_graph(small):
    edges = {k: d for _, _, k, d in small.edges(keys=True, data=True)}
    assert [edges[r]["events"] for r in ("R1", "R2", "R3")] == [3, 34, 1]
    assert all(type(edges[r]["events"]) is int for r in edges)
    assert [edges[r]["goldstein_mean"] for r in ("R1", "R2", "R3")] == [2.5, -6.0, 0.25]
    assert type(edges["R2"]["goldstein_mean"]) is float
    assert edges["R1"]["mentions"] == 10 and "mentions" not in edges["R3"]  # empty: none
    assert small.nodes["A"]["population"] == 1200 and "population" not in small.nodes["C"]
    # a leading zero is a code, not a number; text in any row keeps the column text
    assert (small.nodes["A"]["code"], small.nodes["B"]["code"]) == ("007", "012")
    assert edges["R1"]["key"] == "k1"


def test_networkx_reads_gexf_and_graphml_with_directedness(small, kind):
    expected = kind == "directed"
    if kind == "mixed":
        with pytest.raises(nx.NetworkXError, match="Undirected edge"):
            read_gexf(graph.to_gexf(small))  # what Gephi writes; networkx refuses it
        H = read_gexf(graph.to_gexf(small, mixed="directed"))
        assert H.is_directed()
        assert {d["id"]: d["directed"] for _, _, d in H.edges(data=True)} == {
            "R1": True,
            "R2": False,
            "R3": True,
        }
        expected = True
    else:
        H = read_gexf(graph.to_gexf(small))
        assert H.is_directed() is expected
    assert H.number_of_edges() == 3
    M = read_graphml(graph.to_graphml(small))
    assert M.is_directed() is expected and M.number_of_edges() == 3


def test_numbers_and_weights_keep_their_types_in_gexf_and_graphml(small, kind):
    mixed = "directed" if kind == "mixed" else "gephi"
    for H in (read_gexf(graph.to_gexf(small, mixed=mixed)), read_graphml(graph.to_graphml(small))):
        edges = {d["id"]: d for _, _, d in H.edges(data=True)}
        assert (edges["R2"]["events"], edges["R2"]["goldstein_mean"]) == (34, -6.0)
        assert type(edges["R2"]["events"]) is int and type(edges["R2"]["goldstein_mean"]) is float
        assert edges["R3"]["weight"] == 1.5 and edges["R2"]["weight"] == 34.0
        assert "mentions" not in edges["R3"]  # empty: not written
        assert edges["R1"]["key_"] == "k1"  # the writers' own name: kept, renamed
        assert H.nodes["A"]["population"] == 1200 and H.nodes["A"]["code"] == "007"
    root = ET.fromstring(graph.to_gexf(small, mixed=mixed))
    weights = {e.get("id"): e.get("weight") for e in root.iter(f"{GEXF}edge")}
    assert weights == {"R1": "3.0", "R2": "34.0", "R3": "1.5"}


def test_graphml_declares_each_key_once():
    root = ET.fromstring(graph.to_graphml(G()))
    keys = root.findall("{http://graphml.graphdrawing.org/xmlns}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names))


def test_igraph_reads_graphml_with_directedness_and_numbers(small, kind, tmp_path):
    g = igraph_graphml(graph.to_graphml(small), tmp_path)
    assert g.is_directed() is (kind != "undirected")
    assert g.ecount() == 3 and g.vcount() == 3
    edges = {e["id"]: e for e in g.es}
    assert edges["R2"]["events"] == 34  # igraph holds every number as a float
    assert edges["R1"]["goldstein_mean"] == 2.5 and edges["R3"]["weight"] == 1.5
    assert edges["R2"]["directed"] is (kind == "directed")
    assert {v["id"]: v["population"] for v in g.vs}["A"] == 1200


def test_graphology_reads_gexf_with_directedness_numbers_and_dates(small, kind, tmp_path):
    got = graphology_gexf(graph.to_gexf(small), tmp_path)
    assert got["type"] == kind
    undirected = {k: e["undirected"] for k, e in got["edges"].items()}
    assert undirected == {
        "R1": kind == "undirected",
        "R2": kind != "directed",
        "R3": kind == "undirected",
    }
    r1, r2 = got["edges"]["R1"]["attributes"], got["edges"]["R2"]["attributes"]
    assert (r2["events"], r2["goldstein_mean"], r2["weight"]) == (34, -6, 34)
    assert r1["goldstein_mean"] == 2.5 and r1["key_"] == "k1"
    # graphology drops GEXF's own start/end; the same whole days are attributes too
    assert (r1["start_date"], r1["end_date"]) == ("2017-01-01", "2018-06-30")
    assert r2["start_date"] == "2020-06-16" and "end_date" not in r2
    assert got["nodes"]["B"]["label"] == "Bee, the second"
    got = graphology_gexf(graph.to_gexf(small, mixed="directed"), tmp_path)
    assert got["type"] == ("directed" if kind == "mixed" else kind)
    assert got["edges"]["R2"]["attributes"]["directed"] is (kind == "directed")


def test_the_shipped_data_reads_back_everywhere(tmp_path):
    gexf = graph.to_gexf(G(), mixed="directed")
    assert read_gexf(gexf).number_of_edges() == 23
    assert len(graphology_gexf(graph.to_gexf(G()), tmp_path)["edges"]) == 23
    assert igraph_graphml(graph.to_graphml(G()), tmp_path).ecount() == 23


def test_igraph_reads_the_shipped_graphml_without_a_warning_and_with_its_ids(tmp_path):
    ids = sorted(k for _, _, k in G().edges(keys=True))
    # tests/readers.py turns any warning of igraph's reader into an error
    assert sorted(igraph_graphml(graph.to_graphml(G()), tmp_path).es["id"]) == ids
    H = read_graphml(graph.to_graphml(G()))
    assert sorted(d["id"] for _, _, d in H.edges(data=True)) == ids


def test_graphml_reads_back():
    H = read_graphml(graph.to_graphml(G()))
    assert H.number_of_edges() == 23
    assert H.nodes["PRK"]["aliases"].startswith("DPRK;")
    assert json.loads(H.graph["sources"])["dw-2020-07-14"]["publisher"] == "Deutsche Welle"


def test_gexf_has_dynamic_intervals_in_days():
    root = ET.fromstring(graph.to_gexf(G()))
    g = root.find(f"{GEXF}graph")
    assert g.get("mode") == "dynamic" and g.get("timeformat") == "date"
    edges = {e.get("id"): e for e in g.iter(f"{GEXF}edge")}
    assert (edges["R05"].get("start"), edges["R05"].get("end")) == ("2017-01-01", "2019-12-31")
    assert edges["R07"].get("end") is None  # ongoing


def test_mixed_gexf_types_every_edge_as_gephi_does():
    g = ET.fromstring(graph.to_gexf(G())).find(f"{GEXF}graph")
    types = {e.get("type") for e in g.iter(f"{GEXF}edge")}
    assert types == {"directed", "undirected"}
    with pytest.raises(ValueError, match="choose one of gephi, directed"):
        graph.to_gexf(G(), mixed="both")


def test_export_command_writes_mixed_graphs_as_asked(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "data", "-f", "gexf", "--mixed", "directed"])
    assert r.exit_code == 0, r.output
    assert read_gexf(r.stdout_bytes).is_directed()
    r = runner.invoke(cli, ["export", "data", "-f", "json"])
    assert r.exit_code == 0 and node_link_graph(r.stdout).number_of_edges() == 23


def test_csv_round_trip_gives_an_equal_graph(tmp_path):
    ds = graph.load("data")
    graph.write_csv(ds, tmp_path)
    again = graph.load(tmp_path)
    G1, G2 = ds.to_networkx(), again.to_networkx()
    G2.graph["name"] = G1.graph["name"]  # the name is the folder's
    assert nx.utils.graphs_equal(G1, G2)
    assert again.columns == ds.columns


def test_csv_export_keeps_blank_signs_and_intensities_following_the_type(tmp_path):
    r = CliRunner().invoke(cli, ["export", "data", "-f", "csv", "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    # the shipped relations.csv is written as it is, empty cells and all
    assert (tmp_path / "out" / "relations.csv").read_bytes() == Path(
        "data/relations.csv"
    ).read_bytes()
    # so a blank still follows its type when the type changes afterwards
    (tmp_path / "out" / "relation_types.csv").write_text(
        "relation,sign,intensity\nthreaten,-1,-7.5\n", "utf-8"
    )
    again = graph.load(tmp_path / "out").relations.set_index("id")
    assert again.loc["R02", "intensity"] == -7.5  # R02: threaten, intensity left empty
    assert again.loc["R01", "intensity"] == -9.2  # typed: kept


def test_csv_export_copies_the_source_texts_so_quotes_stay_checked(tmp_path):
    out = tmp_path / "copy"
    r = CliRunner().invoke(cli, ["export", "data", "-f", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "dw-2020-07-14.txt").read_bytes() == (
        Path("data") / "dw-2020-07-14.txt"
    ).read_bytes()
    report = graph.check(out)
    assert list(report) == []
    # a changed quote in the copy is still caught against its text
    rel = out / "relations.csv"
    rel.write_text(
        rel.read_text("utf-8").replace("destruction of the liaison", "destruction of a liaison", 1),
        "utf-8",
    )
    assert "quote-not-in-text" in {p.code for p in graph.check(out)}
    # --force over it writes the text again in the same step
    (out / "dw-2020-07-14.txt").write_text("other", "utf-8")
    r = CliRunner().invoke(cli, ["export", "data", "-f", "csv", "-o", str(out), "--force"])
    assert r.exit_code == 0, r.output
    assert list(graph.check(out)) == []


def test_columns_named_like_writer_attributes_are_kept_as_data(tmp_path):
    """A relations column called key, viz, label or weight must not crash or vanish."""
    import shutil

    shutil.copytree("data", tmp_path / "d")
    rel = tmp_path / "d" / "relations.csv"
    lines = rel.read_text("utf-8").splitlines()
    lines = [lines[0] + ",key,viz,label,weight"] + [line + ",k1,v1,l1,w1" for line in lines[1:]]
    rel.write_text("\n".join(lines) + "\n", "utf-8")
    G = graph.load(tmp_path / "d").to_networkx()
    H = read_graphml(graph.to_graphml(G))
    data = next(d for _, _, d in H.edges(data=True) if d["id"] == "R01")
    assert (data["key_"], data["viz_"], data["label_"], data["weight_"]) == ("k1", "v1", "l1", "w1")
    assert data["label"] == "coerce" and data["start"] == "2020-06-16"
    root = ET.fromstring(graph.to_gexf(G))
    assert root.find(f"{GEXF}graph").get("mode") == "dynamic"


CONTROL = "\x00\x01\x0b\x1f"


def test_control_characters_give_well_formed_xml_and_one_warning(tmp_path):
    folder = dataset(tmp_path / "d", "directed")
    rel = folder / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace('a ""quote""', "a\x01b\x0bc\x1fd"), "utf-8")
    act = folder / "actors.csv"
    act.write_text(act.read_text("utf-8").replace("Bee", "B\x00ee"), "utf-8")
    Gc = graph.load(folder).to_networkx()
    for write, read in ((graph.to_graphml, read_graphml), (graph.to_gexf, read_gexf)):
        with pytest.warns(UserWarning, match="control characters") as caught:
            data = write(Gc)
        assert len(caught) == 1
        H = read(data)
        quote = next(d["quote"] for _, _, d in H.edges(data=True) if d.get("quote"))
        assert quote == "a\\x01b\\x0bc\\x1fd"
        assert H.nodes["B"]["name"].startswith("B\\x00ee")


def test_export_command_says_once_that_control_characters_were_escaped(tmp_path):
    folder = dataset(tmp_path / "d", "mixed")
    rel = folder / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace('a ""quote""', "a\x01b\x0bc"), "utf-8")
    r = CliRunner().invoke(cli, ["export", str(folder), "-f", "graphml", "-o", str(tmp_path / "g")])
    assert r.exit_code == 0, r.output
    assert r.stderr.count("control characters") == 1 and "Traceback" not in r.output
    assert read_graphml((tmp_path / "g").read_bytes()).number_of_edges() == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(CONTROL)), max_size=20
    ),
    # any name but those the test itself passes to add_node / add_edge
    column=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8).filter(
        lambda c: c not in {"key", "name", "relation", "quote"}
    ),
)
def test_any_cell_text_gives_xml_that_networkx_reads(text, column):
    Gt = nx.MultiDiGraph(name=text)
    node, other = text or "n", "m" if text != "m" else "m2"
    Gt.add_node(node, name=text, **{column: text})
    Gt.add_node(other, name="m")
    Gt.add_edge(node, other, key=text or "e", relation=text, quote=text, **{column: text})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for H in (read_graphml(graph.to_graphml(Gt)), read_gexf(graph.to_gexf(Gt))):
            assert H.number_of_nodes() == 2 and H.number_of_edges() == 1


def test_an_empty_extra_cell_is_no_attribute_in_the_graph_or_any_export(tmp_path):
    (tmp_path / "nodes.csv").write_text("Id,Label\nA,Alpha\nB,Beta\nC,Gamma\n")
    (tmp_path / "edges.csv").write_text(
        "Source,Target,Type,Label,Weight,Note2\n"
        "A,B,Directed,cooperate,2,x\nB,C,Directed,threaten,,\nA,C,Undirected,consult,1.5,y\n"
    )
    out = tmp_path / "data"
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "gephi",
            str(tmp_path / "nodes.csv"),
            str(tmp_path / "edges.csv"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    G = graph.load(out).to_networkx()
    threat = G.edges["B", "C", "B-C-threaten"]
    assert "weight" not in threat and "note2" not in threat and "Note2" not in threat
    # networkx takes a missing weight as 1; a None one raised TypeError
    assert G.size(weight="weight") == 2.0 + 1 + 1.5
    assert dict(G.degree(weight="weight"))["C"] == 2.5
    nx.betweenness_centrality(G, weight="weight")
    back = node_link_graph(graph.to_json(G))
    assert "weight" not in back.edges["B", "C", "B-C-threaten"]
    assert "null" not in json.dumps(
        [d for *_, d in graph.to_node_link(G)["edges"] if "weight" in d]
    )
    for H in (read_gexf(graph.to_gexf(G, mixed="directed")), read_graphml(graph.to_graphml(G))):
        edge = next(d for _, _, d in H.edges(data=True) if d["id"] == "B-C-threaten")
        assert "weight" not in edge and "weight_" not in edge
        assert H.size(weight="weight") == 4.5
    from graph.payload import view_payload

    payload = view_payload(G)
    assert all(None not in x.values() for _, x in payload["edges"]["extra"])
    table = csv_tables(graph.load(out))["relations"]
    assert [row[table[0].index("weight")] for row in table[1]] == ["2", "", "1.5"]


def test_csv_export_keeps_the_datasets_spelling_of_numbers_signs_and_booleans(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "actors.csv").write_text("id,name\nA,Alpha\nB,Beta\n")
    relations = (
        "id,source,target,relation,sign,intensity,directed,status,score\n"
        "r1,A,B,attack,,-8,yes,fact,3\n"
        "r2,B,A,cooperate,positive,4,0,fact,1.50\n"
        "r3,A,B,newtype,-1,,true,fact,\n"
    )
    (data / "relations.csv").write_text(relations)
    types = "relation,sign,intensity\nthreaten,negative,-7\nnewtype,+1,2\n"
    (data / "relation_types.csv").write_text(types)
    graph.write_csv(graph.load(data), tmp_path / "out")
    assert (tmp_path / "out" / "relations.csv").read_text() == relations
    assert (tmp_path / "out" / "relation_types.csv").read_text() == types
    # a bare sign would start a formula: its number, signed; the graph is the same
    (data / "relations.csv").write_text(relations.replace("positive", "+"))
    graph.write_csv(graph.load(data), tmp_path / "again")
    assert ",+1,4,0," in (tmp_path / "again" / "relations.csv").read_text()
    G, H = (graph.load(d).to_networkx() for d in (data, tmp_path / "again"))
    assert list(G.edges(keys=True, data=True)) == list(H.edges(keys=True, data=True))


def test_graphml_holds_the_graphs_title_sources_and_relation_types():
    g = G()
    M = read_graphml(graph.to_graphml(g))
    assert M.graph["title"] == g.graph["title"]
    assert json.loads(M.graph["sources"]) == json.loads(json.dumps(g.graph["sources"]))
    assert json.loads(M.graph["relation_types"]) == g.graph["relation_types"]
