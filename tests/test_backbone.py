"""graph.backbone: the disparity filter (Serrano, Boguñá, Vespignani 2009) on a hand-computed case."""

import math

import networkx as nx
import pytest

import graph
from graph.backbone import disparity


def star_and_triangle() -> nx.Graph:
    """Hub h: k=4, s=20 (12, 4, 2, 2); the triangle x-y-z with h-x closing it."""
    G = nx.Graph()
    G.add_weighted_edges_from(
        [("h", "x", 12), ("h", "a", 4), ("h", "b", 2), ("h", "c", 2), ("x", "y", 1), ("y", "z", 9)]
    )
    G.add_node("alone")
    return G


def test_alpha_of_each_tie_by_hand():
    alpha = disparity(star_and_triangle())
    # h: (1 - w/20) ** 3; x: k=2, s=13: (1 - w/13) ** 1; y: k=2, s=10; a, b, c, z: k=1
    assert math.isclose(alpha[("h", "x")], min(0.4**3, 1 - 12 / 13))  # 0.064 vs 0.0769
    assert math.isclose(alpha[("h", "a")], 0.8**3)  # 0.512
    assert math.isclose(alpha[("h", "b")], 0.9**3)
    assert math.isclose(alpha[("x", "y")], min(1 - 1 / 13, 1 - 1 / 10))  # 0.9
    assert math.isclose(alpha[("y", "z")], 1 - 9 / 10)  # 0.1, from y; z has one tie


@pytest.mark.parametrize(
    ("level", "kept"),
    [
        (0.05, []),
        (0.07, [("h", "x")]),
        (0.11, [("h", "x"), ("y", "z")]),
        (0.6, [("a", "h"), ("h", "x"), ("y", "z")]),
        (1.0, [("a", "h"), ("b", "h"), ("c", "h"), ("h", "x"), ("x", "y"), ("y", "z")]),
    ],
)
def test_backbone_keeps_ties_below_alpha(level, kept):
    B = graph.backbone(star_and_triangle(), level, weight="weight")
    assert sorted(tuple(sorted(e)) for e in B.edges()) == kept
    assert set(B) == set(star_and_triangle())  # actors are never dropped


def test_relation_graph_is_collapsed_by_magnitude():
    G = nx.MultiDiGraph()
    for i, (u, v, w) in enumerate(
        [("h", "x", -12), ("x", "h", 0.0), ("h", "a", 4), ("h", "b", 2), ("h", "c", 2)]
    ):
        G.add_edge(
            u,
            v,
            key=f"r{i}",
            id=f"r{i}",
            intensity=w,
            sign=(w > 0) - (w < 0),
            status="fact",
            start="2020",
            end=None,
        )
    B = graph.backbone(G, 0.07)
    assert list(B.edges()) == [("h", "x")] and B["h"]["x"]["weight"] == 12


def test_bad_alpha_is_refused():
    with pytest.raises(ValueError, match="alpha"):
        graph.backbone(star_and_triangle(), 0)
