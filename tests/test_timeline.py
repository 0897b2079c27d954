# The article's story, built by hand: see tests/analysis_graph.py.
# --- at / between -----------------------------------------------------------
import json

import networkx as nx
import pytest
from analysis_graph import ARTICLE, article_graph
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.dates import DateError, overlaps
from graph.timeline import at, between, date_range, diff


def keys(H):
    return [k for _, _, k in H.edges(keys=True)]


def test_at_keeps_actors_graph_attributes_and_valid_relations():
    G = article_graph()
    H = at(G, "2018")
    assert set(keys(H)) == {"c18", "k18", "u18"}
    assert list(H.nodes) == list(G.nodes)
    assert H.nodes["PRK"]["name"] == "North Korea"
    assert H.graph == G.graph
    assert H is not G and G.number_of_edges() == len(ARTICLE)
    H.remove_node("PRK")
    assert "PRK" in G


def test_at_a_day_and_a_month():
    G = article_graph()
    assert set(keys(at(G, "2020-06-16"))) == {
        "a20",
        "t20",
        "uc20",
        "ur20",
        "cp20",
        "rp20",
        "kp20",
        "up20",
        "f1",
        "f2",
    }
    assert "a20" not in keys(at(G, "2020-07"))
    assert keys(at(G, "2017-08-31")) == ["t17"]


def test_at_rejects_a_bad_date():
    with pytest.raises(DateError, match="2020-13"):
        at(article_graph(), "2020-13")


def test_between_overlaps_the_period_boundaries_included():
    G = article_graph()
    # u18 starts 2018-06-12: one day too late for the first period.
    assert set(keys(between(G, "2018-05", "2018-06-11"))) == {"c18", "k18"}
    assert set(keys(between(G, "2018-05", "2018-06-12"))) == {"c18", "k18", "u18"}
    assert keys(between(G, "2019-03", "2019")) == ["k18"]
    assert keys(between(G, None, "2017")) == ["t17"]
    open_ended = {"uc20", "ur20", "cp20", "rp20", "up20", "f1", "f2"}
    assert set(keys(between(G, "2021", None))) == open_ended


def test_between_rejects_a_reversed_period():
    with pytest.raises(ValueError, match="starts"):
        between(article_graph(), "2020", "2019")


def test_date_range():
    assert date_range(article_graph()) == ("2017-08", "2020")
    assert date_range(nx.MultiDiGraph()) == (None, None)


# --- diff -------------------------------------------------------------------


def test_diff_article_2018_to_2020():
    d = diff(article_graph(), "2018", "2020")
    # Chronological: by first day, then id.
    assert [r["id"] for r in d.appeared] == [
        "cp20",
        "f1",
        "f2",
        "rp20",
        "uc20",
        "up20",
        "ur20",
        "kp20",
        "t20",
        "a20",
    ]
    assert [r["id"] for r in d.ended] == ["c18", "k18", "u18"]
    assert d.appeared[-1] == {
        "id": "a20",
        "source": "PRK",
        "target": "KOR",
        "relation": "attack",
        "sign": -1,
        "intensity": -9.0,
        "status": "fact",
        "start": "2020-06-16",
        "end": "2020-06-16",
    }
    changes = [(c["source"], c["target"], c["before"], c["after"]) for c in d.sign_changes]
    assert changes == [
        ("CHN", "PRK", 0, 1),
        ("CHN", "USA", 0, -1),
        ("KOR", "PRK", 1, -1),
        ("PRK", "USA", 1, -1),
        ("RUS", "USA", 0, -1),
    ]
    kor = d.sign_changes[2]
    assert (kor["weight_before"], kor["weight_after"]) == (8.0, pytest.approx(-22.2))
    assert d.status_changes == [
        {"source": "PRK", "target": "RUS", "before": "claim", "after": "fact"}
    ]


def test_diff_statuses_apply_everywhere():
    d = diff(article_graph(), "2018", "2020", statuses=("fact",))
    assert "c18" not in [r["id"] for r in d.ended]
    assert "f1" not in [r["id"] for r in d.appeared]
    # Without the claim, Russia and North Korea had no tie in 2018.
    assert {"source": "PRK", "target": "RUS", "before": 0, "after": 1} in [
        {k: c[k] for k in ("source", "target", "before", "after")} for c in d.sign_changes
    ]
    assert d.status_changes == []


def test_diff_forecasts_count_in_signs_only_when_asked():
    G = article_graph()
    default = {(c["source"], c["target"]): c["after"] for c in diff(G, "2018", "2020").sign_changes}
    every = {
        (c["source"], c["target"]): c["after"]
        for c in diff(G, "2018", "2020", statuses=None).sign_changes
    }
    assert default[("CHN", "USA")] == -1 and every[("CHN", "USA")] == -1
    both = {
        (c["source"], c["target"]): c["after"]
        for c in diff(G, "2018", "2020", statuses=("fact", "claim", "forecast")).sign_changes
    }
    assert both[("CHN", "USA")] == 1  # the forecast agreement outweighs the fact


def test_diff_same_date_is_empty_and_bad_input_fails():
    G = article_graph()
    d = diff(G, "2020", "2020")
    assert d.to_dict() == {
        "before": "2020",
        "after": "2020",
        "backwards": False,
        "appeared": [],
        "ended": [],
        "sign_changes": [],
        "status_changes": [],
    }
    with pytest.raises(DateError):
        diff(G, "2018", "soon")
    with pytest.raises(ValueError, match="rumour"):
        diff(G, "2018", "2020", statuses=("rumour",))


def test_diff_to_dict_is_json_and_frame_has_one_row_per_change():
    d = diff(article_graph(), "2018", "2020")
    assert json.loads(json.dumps(d.to_dict())) == d.to_dict()
    df = d.to_frame()
    assert list(df.columns) == [
        "change",
        "id",
        "source",
        "target",
        "relation",
        "status",
        "before",
        "after",
    ]
    assert df["change"].value_counts().to_dict() == {
        "appeared": 10,
        "sign": 5,
        "ended": 3,
        "status": 1,
    }
    row = df[df["id"] == "k18"].iloc[0]
    assert (row["change"], row["before"], row["after"]) == ("ended", 1, None)


# --- properties -------------------------------------------------------------

_DATES = st.sampled_from(
    [
        "2017",
        "2018",
        "2018-06",
        "2018-06-12",
        "2019",
        "2019-02",
        "2020",
        "2020-06",
        "2020-06-16",
        "2021-01-31",
    ]
)


@st.composite
def relation_graphs(draw):
    G = nx.MultiDiGraph()
    actors = ["A", "B", "C", "D"]
    G.add_nodes_from(actors)
    for i in range(draw(st.integers(0, 12))):
        u, v = draw(st.sampled_from(actors)), draw(st.sampled_from(actors))
        start, end = draw(st.none() | _DATES), draw(st.none() | _DATES)
        sign = draw(st.sampled_from([-1, 0, 1]))
        G.add_edge(
            u,
            v,
            key=f"r{i}",
            id=f"r{i}",
            source=u,
            target=v,
            relation="x",
            sign=sign,
            intensity=float(sign * draw(st.integers(1, 10))),
            status=draw(st.sampled_from(["fact", "claim", "forecast"])),
            start=start,
            end=end,
        )
    return G


@settings(max_examples=60, deadline=None)
@given(relation_graphs(), _DATES, _DATES)
def test_at_and_diff_agree_with_overlaps(G, d1, d2):
    for date in (d1, d2):
        assert set(keys(at(G, date))) == {
            k
            for _, _, k, d in G.edges(keys=True, data=True)
            if overlaps(d["start"], d["end"], date)
        }
    d = diff(G, d1, d2)
    now, then = set(keys(at(G, d2))), set(keys(at(G, d1)))
    assert {r["id"] for r in d.appeared} == now - then
    assert {r["id"] for r in d.ended} == then - now
    assert diff(G, d1, d1).sign_changes == []


def test_a_diff_may_go_back_in_time_and_says_so():
    from click.testing import CliRunner

    import graph
    from graph.cli import cli

    G = graph.load(graph.datasets.article()).to_networkx()
    back, forth = graph.diff(G, "2020-06", "2018"), graph.diff(G, "2018", "2020-06")
    assert back.backwards and not forth.backwards
    assert back.to_dict()["backwards"] is True and forth.to_dict()["backwards"] is False
    assert back.appeared == forth.ended and back.ended == forth.appeared
    assert not graph.diff(G, "2020", "2020-06").backwards  # nested periods are not ordered
    with pytest.raises(ValueError, match="starts .* after it ends"):
        graph.between(G, "2020", "2018")  # a period runs forwards
    out = CliRunner().invoke(cli, ["diff", "data", "2020-06", "2018"]).output
    assert "from 2020-06 back to 2018 (AFTER is earlier" in out.splitlines()[0]
    assert "back to" not in CliRunner().invoke(cli, ["diff", "data", "2018", "2020-06"]).output
