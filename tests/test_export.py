"""Exports: node-link JSON, GraphML, GEXF with dynamic intervals, CSV round trip."""

import json
import xml.etree.ElementTree as ET

import networkx as nx

import graph


def G():
    return graph.load("data").to_networkx()


def test_node_link_has_every_attribute():
    data = graph.to_node_link(G())
    e = next(x for x in data["edges"] if x["key"] == "R01")
    assert e["quote"] == "the North’s destruction of the liaison office"
    assert e["status"] == "fact" and e["intensity"] == -9.2
    back = nx.node_link_graph(json.loads(graph.to_json(G())), edges="edges")
    # node_link_graph turns the "id", "source" and "target" fields into the graph's keys
    for n, d in back.nodes(data=True):
        d["id"] = n
    for u, v, d in back.edges(data=True):
        d.update(source=u, target=v)
    assert nx.utils.graphs_equal(back, G())


def test_graphml_reads_back():
    H = nx.read_graphml(__import__("io").BytesIO(graph.to_graphml(G())))
    assert H.number_of_edges() == 23
    assert H.nodes["PRK"]["aliases"].startswith("DPRK;")
    assert json.loads(H.graph["sources"])["dw-2020-07-14"]["publisher"] == "Deutsche Welle"


def test_gexf_has_dynamic_intervals_in_days():
    root = ET.fromstring(graph.to_gexf(G()))
    ns = {"g": "http://www.gexf.net/1.2draft"}
    g = root.find("g:graph", ns)
    assert g.get("mode") == "dynamic" and g.get("timeformat") == "date"
    edges = {e.get("id"): e for e in g.iter("{http://www.gexf.net/1.2draft}edge")}
    assert (edges["R05"].get("start"), edges["R05"].get("end")) == ("2017-01-01", "2019-12-31")
    assert edges["R07"].get("end") is None  # ongoing


def test_csv_round_trip_gives_an_equal_graph(tmp_path):
    ds = graph.load("data")
    graph.write_csv(ds, tmp_path)
    again = graph.load(tmp_path)
    G1, G2 = ds.to_networkx(), again.to_networkx()
    G2.graph["name"] = G1.graph["name"]  # the name is the folder's
    assert nx.utils.graphs_equal(G1, G2)
    assert again.columns == ds.columns


def test_columns_named_like_writer_attributes_are_kept_as_data(tmp_path):
    """A relations column called key, viz, label or weight must not crash or vanish."""
    import shutil

    shutil.copytree("data", tmp_path / "d")
    rel = tmp_path / "d" / "relations.csv"
    lines = rel.read_text("utf-8").splitlines()
    lines = [lines[0] + ",key,viz,label,weight"] + [line + ",k1,v1,l1,w1" for line in lines[1:]]
    rel.write_text("\n".join(lines) + "\n", "utf-8")
    G = graph.load(tmp_path / "d").to_networkx()
    H = nx.read_graphml(__import__("io").BytesIO(graph.to_graphml(G)))
    data = next(d for _, _, d in H.edges(data=True) if d["id"] == "R01")
    assert (data["key_"], data["viz_"], data["label_"], data["weight_"]) == ("k1", "v1", "l1", "w1")
    assert data["label"] == "coerce" and data["start"] == "2020-06-16"
    root = ET.fromstring(graph.to_gexf(G))
    assert root.find("{http://www.gexf.net/1.2draft}graph").get("mode") == "dynamic"
