"""The article's story as a relation graph (graph contract), built by hand so
the analysis tests do not depend on the CSV reader."""

import csv
from pathlib import Path

import networkx as nx

import graph

TYPES = {
    r["relation"]: r
    for r in csv.DictReader(
        (Path(graph.__file__).parent / "relation_types.csv").open(encoding="utf-8")
    )
}

ARTICLE = [
    # id, source, target, relation, directed, status, start, end
    ("t17", "PRK", "USA", "threaten", True, "fact", "2017-08", "2017-08"),
    ("c18", "RUS", "PRK", "consult", False, "claim", "2018", "2018"),
    ("k18", "PRK", "KOR", "agree", False, "fact", "2018-04-27", "2019"),
    ("u18", "PRK", "USA", "cooperate", False, "fact", "2018-06-12", "2019-02"),
    ("a20", "PRK", "KOR", "attack", True, "fact", "2020-06-16", "2020-06-16"),
    ("t20", "PRK", "KOR", "threaten", True, "fact", "2020-06", "2020-06"),
    ("uc20", "USA", "CHN", "reduce-relations", False, "fact", "2020", None),
    ("ur20", "USA", "RUS", "reduce-relations", False, "fact", "2020", None),
    ("cp20", "CHN", "PRK", "support", True, "fact", "2020", None),
    ("rp20", "RUS", "PRK", "support", True, "fact", "2020", None),
    ("kp20", "KOR", "PRK", "mobilize", True, "fact", "2020-06", "2020-06"),
    ("up20", "USA", "PRK", "mobilize", True, "fact", "2020", None),
    # Forecasts: what someone expects; excluded from signed views by default.
    ("f1", "CHN", "USA", "agree", False, "forecast", "2020", None),
    ("f2", "PRK", "KOR", "fight", True, "forecast", "2020", None),
]


def article_graph():
    G = nx.MultiDiGraph(name="article", sources={}, relation_types=TYPES)
    for actor, name in [
        ("PRK", "North Korea"),
        ("KOR", "South Korea"),
        ("USA", "United States"),
        ("CHN", "China"),
        ("RUS", "Russia"),
    ]:
        G.add_node(
            actor, id=actor, name=name, type="state", aliases=[], group=None, description=None
        )
    for rid, u, v, rel, directed, status, start, end in ARTICLE:
        G.add_edge(
            u,
            v,
            key=rid,
            id=rid,
            source=u,
            target=v,
            relation=rel,
            sign=int(TYPES[rel]["sign"]),
            intensity=float(TYPES[rel]["intensity"]),
            directed=directed,
            status=status,
            start=start,
            end=end,
            source_id=None,
            said_by="KCNA" if status != "fact" else None,
            quote=f"quote for {rid}",
            note=None,
        )
    return G
