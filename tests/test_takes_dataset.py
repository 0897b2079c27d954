"""Every public function that takes the relation graph takes what graph.load returns too."""

import json

import networkx as nx
import pytest

import graph

DS = graph.load(graph.datasets.article())
G = DS.to_networkx()

CALLS = {
    "at": lambda g: sorted(graph.at(g, "2020-06").edges(keys=True)),
    "between": lambda g: sorted(graph.between(g, "2018", "2019").edges(keys=True)),
    "date_range": lambda g: graph.date_range(g),
    "diff": lambda g: graph.diff(g, "2018", "2020-06").to_dict(),
    "signed_graph": lambda g: sorted(graph.signed_graph(g, "2020").edges(data="sign")),
    "triangle_counts": lambda g: graph.triangle_counts(g),
    "frustration": lambda g: graph.frustration(g).index,
    "blocs": lambda g: graph.blocs(g, 3).cost,
    "balance_report": lambda g: graph.balance_report(g, "2020-06"),
    "stats_report": lambda g: graph.stats_report(g),
    "relations_frame": lambda g: graph.relations_frame(g, "PRK").to_dict("list"),
    "actors_frame": lambda g: graph.actors_frame(g).to_dict("list"),
    "friends": lambda g: graph.friends(g, "PRK", "2020"),
    "adversaries": lambda g: graph.adversaries(g, "PRK", "2020"),
    "centrality": lambda g: graph.centrality(g, "2020").to_dict("list"),
    "connection": lambda g: repr(graph.connection(g, "USA", "CHN")),
    "backbone": lambda g: sorted(graph.backbone(g, 0.5).edges(data="weight")),
    "to_node_link": lambda g: json.dumps(graph.to_node_link(g), sort_keys=True),
    "to_json": lambda g: graph.to_json(g),
    "to_graphml": lambda g: graph.to_graphml(g),
    "to_gexf": lambda g: graph.to_gexf(g).split(b"</meta>")[1],
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_dataset_gives_what_its_graph_gives(name):
    assert CALLS[name](DS) == CALLS[name](G)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_anything_else_is_a_type_error_saying_what_it_takes(name):
    with pytest.raises(TypeError, match=r"must be a networkx graph .* or a Dataset .*not a list"):
        CALLS[name]([("PRK", "KOR")])


def test_every_public_function_of_a_graph_is_covered():
    takes_graph = {
        name
        for name in graph.__all__
        if hasattr(getattr(graph, name), "__code__")
        and getattr(graph, name).__code__.co_varnames[:1] in (("G",), ("S",))
    }
    assert takes_graph - {"render_html", "to_html", "show", "view_fragment"} <= set(CALLS)
    assert isinstance(G, nx.MultiDiGraph)
