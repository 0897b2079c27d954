"""The shipped article dataset: valid, complete, and every relation traceable to a quote."""

import csv
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE = DATA / "dw-2020-07-14.txt"


@pytest.fixture(scope="module")
def G():
    return graph.load(DATA).to_networkx()


def test_shipped_data_has_no_problem_at_all():
    assert [str(p) for p in graph.check(DATA)] == []


def test_the_five_states_are_there(G):
    states = {n for n, d in G.nodes(data=True) if d["type"] == "state"}
    assert states == {"PRK", "KOR", "USA", "CHN", "RUS"}


def test_graph_matches_the_csv_rows(G):
    with open(DATA / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(DATA / "actors.csv", encoding="utf-8", newline="") as fh:
        actors = list(csv.DictReader(fh))
    assert G.number_of_edges() == len(rows)
    assert G.number_of_nodes() == len(actors)
    assert sorted(k for _, _, k in G.edges(keys=True)) == sorted(r["id"] for r in rows)


def test_every_relation_has_a_quote_and_a_source(G):
    for _, _, d in G.edges(data=True):
        assert d["quote"], d["id"]
        assert d["source_id"] in G.graph["sources"], d["id"]


def test_every_quote_is_verbatim_from_the_article(G):
    text = ARTICLE.read_text("utf-8")
    for _, _, d in G.edges(data=True):
        assert d["quote"] in text, d["id"]


def test_claims_and_forecasts_say_who_asserts_them(G):
    for _, _, d in G.edges(data=True):
        if d["status"] in ("claim", "forecast"):
            assert d["said_by"], d["id"]
        else:
            assert d["said_by"] is None, d["id"]


def test_forecasts_are_kept_apart_from_facts(G):
    """'may soon start testing weapons' and 'may very well send troops back' are forecasts."""
    forecasts = {d["quote"] for _, _, d in G.edges(data=True) if d["status"] == "forecast"}
    assert any("may soon start testing weapons" in q for q in forecasts)
    assert any("may very well be to send troops back" in q for q in forecasts)
    facts = {d["quote"] for _, _, d in G.edges(data=True) if d["status"] == "fact"}
    assert not any(" may " in f" {q} " or q == "likely to continue" for q in facts)


def test_petrov_interpretations_are_claims(G):
    petrov = [d for _, _, d in G.edges(data=True) if d["said_by"] == "Leonid Petrov"]
    assert {d["status"] for d in petrov} == {"claim", "forecast"}
    assert any(d["status"] == "claim" and "no need to communicate" in d["quote"] for d in petrov)


def test_key_relations_of_the_article(G):
    def has(u, v, relation, status, start=None):
        return any(
            d["relation"] == relation
            and d["status"] == status
            and (start is None or (d["start"] or "").startswith(start))
            for d in G.get_edge_data(u, v, default={}).values()
        )

    assert has("PRK", "KOR", "coerce", "fact", "2020-06-16")  # the liaison office (CAMEO 1712)
    assert has("PRK", "KOR", "agree", "fact", "2018")  # the 2018 military agreement
    assert has("PRK", "KOR", "cooperate", "fact", "2017")  # bridge-building
    assert has("PRK", "USA", "cooperate", "fact", "2017")
    assert has("USA", "CHN", "reduce-relations", "fact")
    assert has("USA", "RUS", "reduce-relations", "fact")
    assert has("CHN", "PRK", "support", "forecast")
    assert has("RUS", "PRK", "support", "forecast")
    assert has("KOR", "PRK", "appeal", "fact")
