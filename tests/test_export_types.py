"""Typed values and the graph's own data in every export, read back by networkx, igraph, graphology."""

import json
import warnings
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner
from readers import (
    graphology_gexf,
    igraph_graphml,
    node_link_graph,
    read_gexf,
    read_graphml,
)

import graph
from graph.cli import cli

GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

ACTORS = "id,name,verified\nA,Alpha,true\nB,Beta,\nC,Gamma,FALSE\n"
RELATIONS = (
    "id,source,target,relation,status,directed,quote,flag\n"
    "R1,A,B,attack,fact,true,q,true\n"
    "R2,B,C,consult,fact,false,q,\n"
    "R3,C,A,consult,fact,yes,q,False\n"
)
SOURCES = "id,title,machine_coded\ns1,A title,true\n"


@pytest.fixture
def typed(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "actors.csv").write_text(ACTORS)
    (data / "relations.csv").write_text(RELATIONS)
    (data / "sources.csv").write_text(SOURCES)
    return data


def _by_id(H):
    return {d["id"]: d for *_, d in H.edges(data=True)}


def test_a_column_of_true_and_false_holds_booleans_in_the_graph(typed):
    G = graph.load(typed).to_networkx()
    assert G.nodes["A"]["verified"] is True and G.nodes["C"]["verified"] is False
    assert "verified" not in G.nodes["B"]  # an empty cell is no attribute
    edges = _by_id(G)
    assert edges["R1"]["flag"] is True and edges["R3"]["flag"] is False
    assert "flag" not in edges["R2"]
    assert G.graph["sources"]["s1"]["machine_coded"] is True


@pytest.mark.parametrize(
    "cells",
    [("true", "yes"), ("true", "1"), ("t", "f"), ("no", "no"), ("true", "maybe")],
)
def test_a_column_mixing_true_or_false_with_other_words_stays_text(tmp_path, cells):
    (tmp_path / "actors.csv").write_text(f"id,name,x\nA,Alpha,{cells[0]}\nB,Beta,{cells[1]}\n")
    (tmp_path / "relations.csv").write_text("source,target,relation,status\nA,B,attack,fact\n")
    G = graph.load(tmp_path).to_networkx()
    assert [G.nodes[n]["x"] for n in "AB"] == list(cells)


def test_node_link_json_holds_json_booleans(typed):
    G = graph.load(typed).to_networkx()
    data = json.loads(graph.to_json(G))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["A"]["verified"] is True and nodes["C"]["verified"] is False
    assert [e.get("flag") for e in data["edges"]] == [True, None, False]
    assert data["graph"]["sources"]["s1"]["machine_coded"] is True
    back = node_link_graph(graph.to_json(G))
    assert _by_id(back)["R3"]["flag"] is False and back.nodes["C"]["verified"] is False


def test_graphml_declares_booleans_that_networkx_and_igraph_read_as_booleans(typed, tmp_path):
    G = graph.load(typed).to_networkx()
    with pytest.warns(UserWarning) as caught:
        data = graph.to_graphml(G)
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in ET.fromstring(data).iter(f"{GRAPHML}key")
    }
    assert keys["node", "verified"] == keys["edge", "flag"] == keys["edge", "directed"] == "boolean"
    assert json.loads(read_graphml(data).graph["sources"])["s1"]["machine_coded"] is True
    H = read_graphml(data)
    assert H.nodes["A"]["verified"] is True and "verified" not in H.nodes["B"]
    assert _by_id(H)["R3"]["flag"] is False and _by_id(H)["R2"]["directed"] is False
    g = igraph_graphml(data, tmp_path)
    flags = dict(zip(g.es["id"], g.es["flag"]))
    assert flags["R1"] is True and flags["R3"] is False
    assert dict(zip(g.vs["id"], g.vs["verified"]))["A"] is True
    # igraph reads the empty cells as false: the export says so, naming each column
    (message,) = [str(w.message) for w in caught]
    assert "verified on 1 actor" in message and "flag on 1 relation" in message
    assert "igraph reads an empty boolean as false" in message


def test_graphml_of_booleans_without_gaps_warns_of_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        graph.to_graphml(graph.load("data").to_networkx())  # directed on every relation


def test_gexf_declares_booleans_that_networkx_and_graphology_read_as_booleans(typed, tmp_path):
    G = graph.load(typed).to_networkx()
    data = graph.to_gexf(G)
    declared = {
        (a.get("title"), a.get("type")) for a in ET.fromstring(data).iter(f"{GEXF}attribute")
    }
    assert {("verified", "boolean"), ("flag", "boolean"), ("directed", "boolean")} <= declared
    H = read_gexf(graph.to_gexf(G, mixed="directed"))
    assert H.nodes["A"]["verified"] is True and H.nodes["C"]["verified"] is False
    assert _by_id(H)["R3"]["flag"] is False and "flag" not in _by_id(H)["R2"]
    read = graphology_gexf(data, tmp_path)
    assert read["nodes"]["A"]["verified"] is True and "verified" not in read["nodes"]["B"]
    flags = {key: e["attributes"].get("flag") for key, e in read["edges"].items()}
    assert flags == {"R1": True, "R2": None, "R3": False}


def test_csv_export_of_booleans_gives_the_files_back(typed, tmp_path):
    graph.write_csv(graph.load(typed), tmp_path / "out")
    for name, text in (("actors", ACTORS), ("relations", RELATIONS), ("sources", SOURCES)):
        assert (tmp_path / "out" / f"{name}.csv").read_text() == text


def test_a_gephi_import_keeps_a_column_of_booleans_a_boolean(tmp_path):
    (tmp_path / "nodes.csv").write_text("Id,Label,Active\nA,Alpha,true\nB,Beta,false\n")
    (tmp_path / "edges.csv").write_text("Source,Target,Type,Label,Confirmed\nA,B,Directed,x,TRUE\n")
    out = tmp_path / "data"
    args = ["import", "gephi", str(tmp_path / "nodes.csv"), str(tmp_path / "edges.csv")]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    G = graph.load(out).to_networkx()
    (edge,) = [d for *_, d in G.edges(data=True)]
    assert G.nodes["A"]["Active"] is True and G.nodes["B"]["Active"] is False
    assert edge["Confirmed"] is True
    assert read_graphml(graph.to_graphml(G)).nodes["B"]["Active"] is False


def _graphml_graph_data(G) -> dict:
    data = read_graphml(graph.to_graphml(G)).graph
    return {k: v for k, v in data.items() if k not in ("node_default", "edge_default")}


@pytest.mark.parametrize("mixed", ["gephi", "directed"])
def test_gexf_holds_the_graphs_own_data_as_graphml_does(tmp_path, mixed):
    G = graph.load("data").to_networkx()
    data = graph.to_gexf(G, mixed=mixed)
    expected = _graphml_graph_data(G)
    assert sorted(expected) == ["name", "relation_types", "sources", "title"]
    meta = ET.fromstring(data).find(f"{GEXF}meta")
    assert {m.tag.removeprefix(GEXF): m.text for m in meta if m.tag != f"{GEXF}creator"} == expected
    read = graphology_gexf(data, tmp_path)["attributes"]  # what Gephi Lite reads
    assert {k: read[k] for k in expected} == expected
    assert json.loads(read["sources"]) == json.loads(json.dumps(G.graph["sources"]))
    assert json.loads(read["relation_types"]) == G.graph["relation_types"]
    if mixed == "directed":  # networkx reads the file still (it skips <meta>)
        assert read_gexf(data).number_of_edges() == G.number_of_edges()


def test_a_graph_without_a_title_writes_none_in_either_format():
    G = nx.MultiDiGraph(name="bare")
    G.add_edge("A", "B", key="r1", directed=True)
    meta = ET.fromstring(graph.to_gexf(G)).find(f"{GEXF}meta")
    assert [m.tag.removeprefix(GEXF) for m in meta] == [
        "creator",
        "name",
        "sources",
        "relation_types",
    ]
    assert "title" not in _graphml_graph_data(G)
