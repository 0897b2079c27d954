# The article's story, built by hand: see tests/analysis_graph.py.
import json

import networkx as nx
import pandas as pd
import pytest
from analysis_graph import ARTICLE, article_graph

import graph
from graph.explore import (
    ACTOR_COLUMNS,
    RELATION_COLUMNS,
    actors_frame,
    adversaries,
    centrality,
    connection,
    friends,
    relations_frame,
)
from graph.reports import stats_report


def test_relations_frame_columns_rows_and_dates():
    G = article_graph()
    df = relations_frame(G)
    assert list(df.columns) == list(RELATION_COLUMNS) + ["first", "last"]
    assert len(df) == len(ARTICLE) and sorted(df.index) == sorted(r[0] for r in ARTICLE)
    assert df.loc["a20", "start"] == "2020-06-16"
    assert str(df["first"].dtype).startswith("datetime64")
    assert df.loc["t20", "first"] == pd.Timestamp("2020-06-01")
    assert df.loc["t20", "last"] == pd.Timestamp("2020-06-30")
    assert pd.isna(df.loc["uc20", "last"])  # ongoing
    assert df.loc["k18", "last"] == pd.Timestamp("2019-12-31")


def test_relations_frame_of_one_actor_and_extra_columns():
    G = article_graph()
    G.edges["USA", "CHN", "uc20"]["confidence"] = "high"
    df = relations_frame(G, "CHN")
    assert sorted(df.index) == ["cp20", "f1", "uc20"]
    assert list(df.columns)[-3:] == ["confidence", "first", "last"]
    assert df.loc["uc20", "confidence"] == "high" and pd.isna(df.loc["cp20", "confidence"])
    assert relations_frame(nx.MultiDiGraph()).empty


def test_unknown_actor_suggests_the_right_one():
    with pytest.raises(nx.NodeNotFound, match="unknown actor 'prk' \\(did you mean \"PRK\""):
        relations_frame(article_graph(), "prk")
    with pytest.raises(nx.NodeNotFound, match="'XYZ'"):
        friends(article_graph(), "XYZ")


def test_one_message_for_an_unknown_actor_whatever_the_function():
    G = article_graph()
    expected = (
        "unknown actor 'PRQ' (did you mean \"PRK\" (North Korea)?); "
        "the actors are CHN, KOR, PRK, RUS, USA"
    )
    calls = {
        "actor": [
            lambda: friends(G, "PRQ"),
            lambda: adversaries(G, "PRQ", "2020"),
            lambda: relations_frame(G, "PRQ"),
        ],
        "a": [lambda: connection(G, "PRQ", "KOR")],
        "b": [lambda: connection(G, "KOR", "PRQ")],
        "focus": [lambda: graph.show(G, focus="PRQ"), lambda: graph.view_fragment(G, focus="PRQ")],
    }
    for name, group in calls.items():
        for call in group:
            with pytest.raises(ValueError) as err:  # and a networkx.NodeNotFound
                call()
            assert isinstance(err.value, nx.NodeNotFound)
            assert str(err.value) == f"{name}: {expected}"


def test_a_name_or_an_alias_suggests_the_id():
    with pytest.raises(nx.NodeNotFound, match='did you mean "PRK" \\(North Korea\\)'):
        friends(article_graph(), "North Korea")


def test_actors_frame():
    G = article_graph()
    G.nodes["PRK"]["capital"] = "Pyongyang"
    df = actors_frame(G)
    assert list(df.columns) == list(ACTOR_COLUMNS) + ["capital"]
    assert list(df.index) == ["PRK", "KOR", "USA", "CHN", "RUS"]
    assert df.loc["KOR", "name"] == "South Korea" and df.loc["KOR", "capital"] is None


def test_friends_and_adversaries_of_north_korea():
    G = article_graph()
    assert friends(G, "PRK", "2020") == {"CHN": 7.0, "RUS": 7.0}
    adv = adversaries(G, "PRK", "2020")
    assert list(adv) == ["KOR", "USA"]  # strongest first: -22.2 then -7.2
    assert adv["KOR"] == pytest.approx(-22.2)
    assert list(friends(G, "PRK", "2018")) == ["KOR", "USA", "RUS"]  # 8, 3.5, 1 (a claim)
    assert list(friends(G, "PRK", "2018", statuses="fact")) == ["KOR", "USA"]
    assert adversaries(G, "PRK", "2018") == {}
    # The forecast agreement would make China and the US friends.
    assert "CHN" in friends(G, "USA", "2020", statuses=None)
    assert "CHN" in adversaries(G, "USA", "2020")


def test_centrality_2020():
    c = centrality(article_graph(), "2020")
    assert list(c.columns) == [
        "relations",
        "out",
        "in",
        "friends",
        "adversaries",
        "net",
        "strength",
        "positive_strength",
        "negative_strength",
        "betweenness",
    ]
    assert c.index[0] == "PRK"
    prk = c.loc["PRK"]
    # attack, threaten (out); support x2, mobilize x2 (in); the forecast is left out.
    assert (prk["relations"], prk["out"], prk["in"]) == (6, 2, 4)
    assert (prk["friends"], prk["adversaries"], prk["net"]) == (2, 2, 0)
    assert prk["strength"] == pytest.approx(7 + 7 - 22.2 - 7.2)
    # USA-CHN and USA-RUS are undirected: counted as relations, not as out/in.
    assert (c.loc["USA", "relations"], c.loc["USA", "out"], c.loc["USA", "in"]) == (3, 1, 0)
    # Every chain from South Korea passes North Korea (3 pairs); China-Russia
    # has two shortest chains, via PRK and via USA: 3.5 of 6 pairs for PRK.
    assert c.loc["PRK", "betweenness"] == pytest.approx(3.5 / 6)
    assert c.loc["USA", "betweenness"] == pytest.approx(0.5 / 6)
    assert c.loc["KOR", "betweenness"] == 0


def test_connection_with_evidence():
    G = article_graph()
    [chain] = connection(G, "KOR", "CHN", "2020")
    assert chain["path"] == ["KOR", "PRK", "CHN"] and chain["sign"] == -1
    first, second = chain["steps"]
    assert (first["source"], first["target"], first["sign"]) == ("KOR", "PRK", -1)
    assert sorted(r["id"] for r in first["relations"]) == ["a20", "kp20", "t20"]
    attack = next(r for r in first["relations"] if r["id"] == "a20")
    assert attack["quote"] == "quote for a20" and attack["relation"] == "attack"
    assert [r["id"] for r in second["relations"]] == ["cp20"]
    # The enemy of my enemy: South Korea and the US through North Korea.
    [chain] = connection(G, "KOR", "USA", "2020")
    assert chain["path"] == ["KOR", "PRK", "USA"] and chain["sign"] == 1
    assert json.loads(json.dumps(chain)) == chain


def test_connection_lists_every_shortest_chain_in_a_stable_order():
    chains = connection(article_graph(), "CHN", "RUS", "2020")
    assert [c["path"] for c in chains] == [["CHN", "PRK", "RUS"], ["CHN", "USA", "RUS"]]
    assert [c["sign"] for c in chains] == [1, 1]
    assert len(connection(article_graph(), "CHN", "RUS", "2020", limit=1)) == 1


def test_connection_when_there_is_none():
    G = article_graph()
    assert connection(G, "KOR", "CHN", "2018") == []
    assert connection(G, "KOR", "KOR") == [{"path": ["KOR"], "sign": 1, "steps": []}]


def test_stats_report():
    r = stats_report(article_graph())
    assert json.loads(json.dumps(r)) == r
    assert (r["name"], r["actors"], r["relations"], r["sources"]) == ("article", 5, 14, 0)
    assert r["statuses"] == {"fact": 11, "claim": 1, "forecast": 2}
    assert r["signs"] == {"+": 6, "-": 8}
    assert r["actor_types"] == {"state": 5}
    assert list(r["relation_types"].items())[:3] == [
        ("agree", 2),
        ("mobilize", 2),
        ("reduce-relations", 2),
    ]
    assert r["dates"] == ["2017-08", "2020"]
    assert (r["components"], r["isolated"]) == (1, [])
    assert r["top_actors"][0] == ["PRK", 11]  # every relation but f1 and the two US ones


@pytest.mark.parametrize(
    ("limit", "error"), [("2", TypeError), (0, ValueError), (1.0, TypeError), (None, TypeError)]
)
def test_connection_limit_is_a_whole_number(limit, error):
    with pytest.raises(error, match="limit: need a whole number >= 1"):
        connection(article_graph(), "PRK", "USA", limit=limit)


def test_centrality_at_a_date_with_no_relation_warns_with_the_data_dates():
    G = graph.load(graph.datasets.article()).to_networkx()
    with pytest.warns(
        UserWarning,
        match=r"no fact or claim relation holds at 1990: every measure is 0; the data's dates run from",
    ):
        c = graph.centrality(G, "1990")
    assert list(c.index) == list(G) and (c["relations"] == 0).all()
