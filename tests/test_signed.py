# The article's story, built by hand: see tests/analysis_graph.py.
import networkx as nx
import pytest
from analysis_graph import article_graph

from graph.signed import as_signed, check_statuses, signed_graph


def edge_signs(S):
    return {frozenset((u, v)): s for u, v, s in S.edges(data="sign")}


def test_article_2020_collapses_to_one_signed_edge_per_pair():
    S = signed_graph(article_graph(), "2020")
    assert isinstance(S, nx.Graph) and not S.is_directed() and not S.is_multigraph()
    assert list(S.nodes) == ["PRK", "KOR", "USA", "CHN", "RUS"]
    assert edge_signs(S) == {
        frozenset(("PRK", "KOR")): -1,
        frozenset(("PRK", "USA")): -1,
        frozenset(("USA", "CHN")): -1,
        frozenset(("USA", "RUS")): -1,
        frozenset(("CHN", "PRK")): 1,
        frozenset(("RUS", "PRK")): 1,
    }
    kor = S.edges["KOR", "PRK"]
    # attack -9 + threaten -6 + mobilize -7.2; the forecast "fight" is left out.
    assert kor["weight"] == pytest.approx(-22.2)
    assert sorted(kor["relations"]) == ["a20", "kp20", "t20"]
    assert (kor["positive"], kor["negative"]) == (0, 3)
    assert S.graph == {"name": "article", "date": "2020", "statuses": ["fact", "claim"]}


def test_forecasts_count_only_when_asked():
    G = article_graph()
    S = signed_graph(G, "2020", statuses=None)
    assert S.edges["USA", "CHN"]["weight"] == pytest.approx(4.0)  # agree +8, reduce -4
    assert sorted(S.edges["USA", "CHN"]["relations"]) == ["f1", "uc20"]
    assert S.graph["statuses"] == ["fact", "claim", "forecast"]
    only_facts = signed_graph(G, "2018", statuses="fact")
    assert not only_facts.has_edge("RUS", "PRK")  # the 2018 consultation is a claim
    assert signed_graph(G, "2018").has_edge("RUS", "PRK")


def test_no_date_takes_every_relation():
    S = signed_graph(article_graph())
    # agree +8, attack -9, threaten -6, mobilize -7.2 over the years
    assert S.edges["PRK", "KOR"]["weight"] == pytest.approx(-14.2)
    assert S.edges["PRK", "USA"]["weight"] == pytest.approx(-6 + 3.5 - 7.2)


def test_weight_none_counts_relations_by_sign():
    S = signed_graph(article_graph(), weight=None)
    assert S.edges["PRK", "KOR"]["weight"] == -2.0  # +1 -1 -1 -1
    assert S.edges["PRK", "USA"]["weight"] == -1.0


def relation(G, rid, u, v, sign, intensity, status="fact"):
    G.add_edge(
        u, v, key=rid, id=rid, sign=sign, intensity=intensity, status=status, start=None, end=None
    )


def test_neutral_pairs_are_dropped_or_kept_with_sign_zero():
    G = nx.MultiDiGraph()
    relation(G, "c", "A", "B", 0, 0.0)  # a plain comment
    relation(G, "p", "C", "D", 1, 3.5)  # cooperation...
    relation(G, "q", "D", "C", 1, 2.5)
    relation(G, "n", "C", "D", -1, -6.0)  # ...cancelled by conflict
    relation(G, "loop", "A", "A", -1, -9.0)
    assert signed_graph(G).number_of_edges() == 0
    S = signed_graph(G, keep_neutral=True)
    assert edge_signs(S) == {frozenset("AB"): 0, frozenset("CD"): 0}
    assert S.edges["C", "D"]["weight"] == 0.0  # 3.5 + 2.5 - 6.0 without float noise
    assert sorted(S.edges["C", "D"]["relations"]) == ["n", "p", "q"]
    assert not S.has_edge("A", "A")


def test_bad_arguments_name_the_fix():
    G = article_graph()
    with pytest.raises(ValueError, match="unknown status 'rumour'.*fact, claim, forecast"):
        signed_graph(G, statuses=("fact", "rumour"))
    with pytest.raises(ValueError, match="'r1' has no 'weight'"):
        H = nx.MultiDiGraph()
        H.add_edge("A", "B", id="r1", sign=1, status="fact", start=None, end=None)
        signed_graph(H, weight="weight")
    assert check_statuses(["claim"]) == ("claim",)


def test_as_signed_passes_signed_graphs_through_and_collapses_the_rest():
    S = nx.Graph()
    S.add_edge("A", "B", sign=-1)
    assert as_signed(S) is S
    collapsed = as_signed(article_graph(), "2020")
    assert collapsed.edges["CHN", "PRK"]["sign"] == 1
    S.add_edge("B", "C", sign=2)
    with pytest.raises(ValueError, match="sign 2"):
        as_signed(S)
    with pytest.raises(ValueError, match="already signed"):
        as_signed(nx.Graph(), "2020")
