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


def relation_graph(rows) -> nx.MultiDiGraph:
    """Relations ``(source, target, intensity, start, extra)`` as the dataset builds them."""
    G = nx.MultiDiGraph()
    for i, (u, v, w, start, *extra) in enumerate(rows):
        G.add_edge(
            u,
            v,
            key=f"r{i}",
            id=f"r{i}",
            intensity=w,
            sign=(w > 0) - (w < 0),
            status="fact",
            start=start,
            end=start,
            **(extra[0] if extra else {}),
        )
    return G


def test_a_pair_weighs_what_it_interacts_not_what_its_signs_leave():
    # h-x: +6 and -6 cancel in a signed sum, but the pair interacts with weight 12,
    # of the hub's 20 over four ties: alpha (1 - 12/20) ** 3 = 0.064, as in the case above
    G = relation_graph(
        [("h", "x", 6.0, "2020"), ("x", "h", -6.0, "2020"), ("h", "a", 4.0, "2020")]
        + [("h", "b", -2.0, "2020"), ("h", "c", 2.0, "2020")]
    )
    B = graph.backbone(G, 0.07)
    assert list(B.edges()) == [("h", "x")] and B["h"]["x"]["weight"] == 12
    assert math.isclose(B["h"]["x"]["alpha"], 0.4**3)


def test_the_articles_central_pair_stays_in_the_backbone():
    G = graph.load(graph.datasets.article()).to_networkx()
    B = graph.backbone(G, 0.5)
    assert B.has_edge("PRK", "KOR")  # hostile and cooperative relations do not cancel
    n = sum(1 for u, v in G.edges() if {u, v} == {"PRK", "KOR"})
    assert n == 12
    assert B["PRK"]["KOR"]["weight"] == pytest.approx(
        sum(
            abs(d["intensity"])
            for u, v, d in G.edges(data=True)
            if {u, v} == {"PRK", "KOR"} and d["status"] in ("fact", "claim")
        )  # fmt: skip
    )


def test_the_backbone_at_a_date_is_the_backbone_of_the_graph_at_that_date():
    G = graph.load(graph.datasets.article()).to_networkx()
    for date in ("2018", "2020-06", 2020):
        at = graph.backbone(graph.at(G, date), 1.0)
        B = graph.backbone(G, 1.0, date)
        assert sorted(B.edges(data=True)) == sorted(at.edges(data=True))
    assert graph.backbone(G, 1.0, "1990").number_of_edges() == 0
    with pytest.raises(graph.dates.DateError):
        graph.backbone(G, 0.5, "2020-13")
    with pytest.raises(ValueError, match="date: applies to a relation graph"):
        graph.backbone(star_and_triangle(), 0.5, "2020")


def test_event_data_is_weighed_by_events_as_the_view_does():
    from graph.payload.events import event_payload

    rows = [
        ("a", "b", -9.0, "2020-06", {"events": 8}),
        ("a", "c", 3.0, "2020-06", {"events": 1}),
        ("d", "a", 1.0, "2020-06", {"events": 1}),
        ("b", "c", 1.0, "2020-07", {"events": 5}),
    ]
    G = relation_graph(rows)
    B = graph.backbone(G, 1.0)
    assert B["a"]["b"]["weight"] == 8 and B["b"]["c"]["weight"] == 5
    index = {n: i for i, n in enumerate(G)}
    pairs = event_payload(G, index)["pairs"]
    names = list(G)
    view = {frozenset((names[i], names[j])): p for i, j, p in pairs}
    assert {frozenset(e): d["alpha"] for *e, d in B.edges(data=True)} == pytest.approx(view)
    assert graph.backbone(G, 1.0, weight="intensity")["a"]["b"]["weight"] == 9


@pytest.mark.parametrize(
    ("alpha", "error", "message"),
    [
        ("0.05", TypeError, r"alpha: need a number in \(0, 1\], got '0.05' \(a str\)"),
        (None, TypeError, "got None"),
        (True, TypeError, "a bool"),
        (0, ValueError, r"alpha: need a number in \(0, 1\], got 0"),
        (1.5, ValueError, "got 1.5"),
        (float("nan"), ValueError, "got nan"),
    ],
)
def test_alpha_of_the_wrong_type_or_range_is_named(alpha, error, message):
    with pytest.raises(error, match=message):
        graph.backbone(star_and_triangle(), alpha)


def test_weights_that_are_not_numbers_are_named():
    G = star_and_triangle()
    G["h"]["x"]["weight"] = -1
    with pytest.raises(ValueError, match=r"edge \('h', 'x'\): weight is -1; .* >= 0"):
        graph.backbone(G, 0.5)
    R = relation_graph([("a", "b", 1.0, "2020")])
    R.edges["a", "b", "r0"]["intensity"] = "strong"
    with pytest.raises(ValueError, match="relation 'r0': intensity is 'strong', not a number"):
        graph.backbone(R, 0.5)
