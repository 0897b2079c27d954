"""The view payload from hand-built graphs, and its embedding in the page."""

from __future__ import annotations

import json
import re

import networkx as nx
import numpy as np
import pytest
from hostile import HOSTILE, HOSTILE_URLS

from graph import show
from graph.payload import (
    AGGREGATE_GRAPH_OVER,
    AGGREGATE_PAIR_OVER,
    NODE_PALETTE,
    SIGN_COLOURS,
    STATUS_DASHES,
    aggregate_threshold,
    edge_width,
    expand_payload,
    page_payload,
    view_payload,
)
from graph.view import payload_json, read_page_payload, render_html, to_html


def named(G):
    """``G`` with every node given its id as name (the contract wants a name)."""
    for n, d in G.nodes(data=True):
        d.setdefault("name", str(n))
    return G


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name="test set")
    G.graph["sources"] = {
        "s1": {
            "id": "s1",
            "title": "An article",
            "publisher": "DW",
            "author": None,
            "published": "2020-07-14",
            "url": "https://example.org/a",
        }
    }
    G.graph["relation_types"] = {
        "threaten": {
            "relation": "threaten",
            "sign": -1,
            "intensity": -6.0,
            "cameo": "13",
            "plover": "THREATEN",
            "quad_class": 3,
            "description": "Threaten",
        },
        "agree": {
            "relation": "agree",
            "sign": 1,
            "intensity": 8.0,
            "cameo": "057",
            "plover": "AGREE",
            "quad_class": 1,
            "description": "Agree",
        },
    }
    G.add_node(
        "PRK",
        id="PRK",
        name="North Korea",
        type="state",
        aliases=["DPRK", "Pyongyang"],
        group="north",
        description=None,
    )
    G.add_node(
        "KOR", id="KOR", name="South Korea", type="state", aliases=[], group=None, description="ROK"
    )
    G.add_node(
        "UN",
        id="UN",
        name="United Nations",
        type="organization",
        aliases=[],
        group=None,
        description=None,
    )

    def rel(rid, s, t, relation, sign, intensity, status, start=None, end=None, directed=True):
        G.add_edge(
            s,
            t,
            key=rid,
            id=rid,
            source=s,
            target=t,
            relation=relation,
            sign=sign,
            intensity=intensity,
            directed=directed,
            status=status,
            start=start,
            end=end,
            source_id="s1",
            said_by=None,
            quote=f"quote {rid}",
            note=None,
        )

    rel("a", "PRK", "KOR", "threaten", -1, -6.0, "fact", "2020-06-16", "2020-06-16")
    rel("b", "PRK", "KOR", "threaten", -1, -6.0, "claim", "2020-06")
    rel("c", "KOR", "PRK", "agree", 1, 8.0, "forecast", "2018", directed=False)
    rel("d", "UN", "PRK", "comment", 0, 0.0, "fact", "2017-03")
    return G


def by_id(items):
    return {item["id"]: item for item in items}


def relations(p: dict) -> list[dict]:
    """The payload's edge columns read back as one dict per relation, lookups resolved."""
    cols, n = p["edges"], len(p["edges"]["id"])
    assert {len(c) for k, c in cols.items() if k != "extra"} == {n}  # equal-length columns

    def at(table, k):
        return None if k is None else p[table][k]

    extra = {i: x for i, x in cols["extra"]}
    bundle = {i: b["id"] for b in p["bundles"] for i in b["relations"]}
    return [
        {
            "id": cols["id"][i],
            "from": p["nodes"][cols["from"][i]]["id"],
            "to": p["nodes"][cols["to"][i]]["id"],
            "relation": p["relations"][cols["relation"][i]],
            "sign": cols["sign"][i],
            "intensity": cols["intensity"][i],
            "directed": cols["directed"][i],
            "status": p["statuses"][cols["status"][i]],
            "start": at("dates", cols["start"][i]),
            "end": at("dates", cols["end"][i]),
            "first": None if cols["start"][i] is None else p["date_spans"][cols["start"][i]][0],
            "last": None if cols["end"][i] is None else p["date_spans"][cols["end"][i]][1],
            "source_id": at("source_ids", cols["source_id"][i]),
            "said_by": at("speakers", cols["said_by"][i]),
            "quote": cols["quote"][i],
            "note": cols["note"][i],
            "extra": extra.get(i, {}),
            "bundle": bundle.get(i),
        }
        for i in range(n)
    ]


def bundle_ids(p: dict, b: dict) -> list[str]:
    return [p["edges"]["id"][i] for i in b["relations"]]


def test_counts_and_ids():
    p = view_payload(small_graph())
    assert p["counts"] == {
        "nodes": 3,
        "edges": 4,
        "max_parallel": 3,  # a, b, c: PRK-KOR
        "drawn": 4,
        "aggregate": 13,
    }
    assert [n["id"] for n in p["nodes"]] == ["PRK", "KOR", "UN"]
    assert p["edges"]["id"] == ["a", "b", "c", "d"]
    edges = by_id(relations(p))
    assert (edges["c"]["from"], edges["c"]["to"]) == ("KOR", "PRK")
    assert p["title"] == "test set" and view_payload(small_graph(), title="T")["title"] == "T"
    assert p["sources"]["s1"]["publisher"] == "DW"
    assert set(p["relation_types"]) == {"threaten", "agree"}  # "comment" is not in this vocabulary
    assert p["relations"] == ["agree", "comment", "threaten"]
    assert edges["a"]["source_id"] == "s1" and edges["a"]["quote"] == "quote a"


def test_edges_are_columns_of_plain_data_without_drawing_hints():
    p = view_payload(small_graph())
    assert set(p["edges"]) == {
        "id",
        "from",
        "to",
        "relation",
        "sign",
        "intensity",
        "directed",
        "status",
        "start",
        "end",
        "source_id",
        "said_by",
        "quote",
        "note",
        "extra",
    }
    assert p["edges"]["from"] == [0, 0, 1, 2] and p["edges"]["relation"] == [2, 2, 0, 1]
    assert p["source_ids"] == ["s1"] and p["edges"]["source_id"] == [0, 0, 0, 0]
    assert p["edges"]["said_by"] == [None] * 4 and p["speakers"] == []


def test_style_tables_for_sign_status_direction_and_intensity():
    # the page draws from these tables (checked on the drawn page in test_view_browser.py)
    p = view_payload(small_graph())
    edges = by_id(relations(p))
    assert [edges[k]["sign"] for k in "abcd"] == [-1, -1, 1, 0]
    assert [edges[k]["status"] for k in "abcd"] == ["fact", "claim", "forecast", "fact"]
    assert [edges[k]["directed"] for k in "abcd"] == [True, True, False, True]
    assert [edges[k]["intensity"] for k in "abcd"] == [-6.0, -6.0, 8.0, 0.0]
    assert p["styles"]["sign_colours"] == {str(s): c for s, c in SIGN_COLOURS.items()}
    assert len(set(SIGN_COLOURS.values())) == 3
    assert p["styles"]["status_dashes"] == STATUS_DASHES
    assert STATUS_DASHES["fact"] is False and STATUS_DASHES["claim"] != STATUS_DASHES["forecast"]
    assert p["legend"]["width"] == {
        "min": edge_width(0),
        "per_intensity": (edge_width(10) - 1) / 10,
    }
    assert edge_width(8) > edge_width(-6) > edge_width(0) == 1.0
    assert edge_width(-10) == edge_width(10) > edge_width(-3)


def test_node_colours_by_group_then_type():
    p = view_payload(small_graph())
    nodes = by_id(p["nodes"])
    assert nodes["PRK"]["colour_key"] == "group:north"
    assert nodes["KOR"]["colour_key"] == "type:state"
    assert nodes["UN"]["colour_key"] == "type:organization"
    assert len({n["color"] for n in p["nodes"]}) == 3
    assert all(n["color"] in NODE_PALETTE for n in p["nodes"])
    assert nodes["UN"]["shape"] != nodes["PRK"]["shape"]
    assert [e["key"] for e in p["legend"]["nodes"]] == p["groups"]
    assert {e["color"] for e in p["legend"]["nodes"]} == {n["color"] for n in p["nodes"]}
    assert [s["status"] for s in p["legend"]["statuses"]] == ["fact", "claim", "forecast"]
    assert [s["label"] for s in p["legend"]["signs"]] == ["hostile", "neutral", "cooperative"]
    assert p["legend"]["directed"] == [False, True]


def test_numpy_nan_and_missing_values_are_cleaned():
    G = nx.MultiDiGraph(name=np.str_("np"))
    G.add_node(
        np.int64(7),
        name=float("nan"),
        type=None,
        aliases=float("nan"),
        group=np.nan,
        population=np.int64(25_000_000),
        ratio=np.float32(0.5),
        flags=np.array([1, 2]),
    )
    G.add_node("B", name="B", aliases="x; y ;")
    G.add_edge(
        np.int64(7),
        "B",
        key="e",
        relation="threaten",
        sign=np.int64(-1),
        intensity=np.float64(-6.0),
        directed=np.bool_(False),
        status="claim",
        start=np.nan,
        end=None,
        quote=float("nan"),
        weight=np.float64(np.inf),
    )
    p = view_payload(G)
    text = json.dumps(p, allow_nan=False)  # no NaN/inf and nothing numpy left
    assert json.loads(text) == p
    seven = p["nodes"][0]
    assert seven["id"] == "7" and seven["label"] == "7" and seven["type"] == "state"
    assert seven["aliases"] == [] and seven["group"] is None
    assert seven["extra"] == {"population": 25_000_000, "ratio": 0.5, "flags": [1, 2]}
    assert type(seven["extra"]["population"]) is int
    assert p["nodes"][1]["aliases"] == ["x", "y"]
    e = relations(p)[0]
    assert (e["from"], e["sign"], e["intensity"], e["directed"]) == ("7", -1, -6.0, False)
    assert type(e["sign"]) is int and type(e["directed"]) is bool
    assert (
        e["start"] is None and e["quote"] is None and e["extra"] == {}
    )  # an inf weight is no number: none


def test_defaults_from_vocabulary_and_plain_digraph():
    G = nx.DiGraph(relation_types={"agree": {"sign": 1, "intensity": 8.0}})
    G.add_edge("A", "B", relation="agree")
    G.add_edge("B", "A")
    assert relations(view_payload(G)) == relations(view_payload(named(nx.MultiDiGraph(G))))
    edges = relations(view_payload(named(nx.MultiDiGraph(G))))
    assert [e["id"] for e in edges] == ["0", "0#2"]  # the edge keys, made unique
    assert (edges[0]["sign"], edges[0]["intensity"], edges[0]["status"]) == (1, 8.0, "fact")
    assert (edges[1]["sign"], edges[1]["relation"]) == (0, "relation")


def test_date_range_dates_and_timeline():
    p = view_payload(small_graph())
    assert p["date_range"] == {"min": "2017-03-01", "max": "2020-06-30"}
    assert p["dates"] == ["2017-03", "2018", "2020-06", "2020-06-16"]
    assert p["date_spans"] == [
        ["2017-03-01", "2017-03-31"],
        ["2018-01-01", "2018-12-31"],
        ["2020-06-01", "2020-06-30"],
        ["2020-06-16", "2020-06-16"],
    ]
    assert p["timeline"][0] == "2017-03" and p["timeline"][-1] == "2020-06"
    assert len(p["timeline"]) == 40  # months, Mar 2017 .. Jun 2020
    edges = by_id(relations(p))
    assert (edges["a"]["first"], edges["a"]["last"]) == ("2020-06-16", "2020-06-16")
    assert (edges["b"]["first"], edges["b"]["last"]) == ("2020-06-01", None)
    assert (edges["c"]["first"], edges["c"]["last"]) == ("2018-01-01", None)
    assert view_payload(nx.MultiDiGraph())["timeline"] == []


def test_data_dated_by_year_steps_by_year():
    G = nx.MultiDiGraph()
    G.add_edge("A", "B", key="x", start="2020", end="2020")
    G.add_edge("A", "B", key="y", start="2019")
    assert view_payload(named(G))["timeline"] == ["2019", "2020"]
    G.add_edge("B", "A", key="z", start="2020-06")  # one month: month steps
    assert len(view_payload(named(G))["timeline"]) == 24


def test_long_spans_step_by_year():
    G = nx.MultiDiGraph()
    G.add_edge("A", "B", key="x", start="1815", end="1914")
    assert view_payload(named(G))["timeline"] == [str(y) for y in range(1815, 1915)]


def test_bad_date_and_duplicate_ids_are_clear_errors():
    G = nx.MultiDiGraph()
    G.add_edge("A", "B", key="r9", start="2020-13")
    with pytest.raises(ValueError, match="relation 'r9'.*2020-13"):
        view_payload(named(G))
    H = nx.MultiDiGraph()
    H.add_nodes_from([1, "1"])
    with pytest.raises(ValueError, match="two nodes share the id '1'"):
        view_payload(named(H))


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name=HOSTILE[1])
    G.graph["sources"] = {h: {"id": h, "title": h, "url": u} for h, u in zip(HOSTILE, HOSTILE_URLS)}
    for h in HOSTILE:
        G.add_node(h, name=h, type=h, aliases=[h, h], group=h, description=h, **{h: h})
    for i, h in enumerate(HOSTILE):
        G.add_edge(
            h,
            HOSTILE[i - 1],
            key=h,
            id=h,
            relation=h,
            status=h,
            said_by=h,
            quote=h,
            note=h,
            source_id=h,
            **{h: h},
        )
    return G


def test_hostile_strings_survive_as_plain_data():
    G = hostile_graph()
    p = view_payload(G)
    assert [n["id"] for n in p["nodes"]] == list(HOSTILE)
    for n, h in zip(p["nodes"], HOSTILE):
        assert n["name"] == n["description"] == n["group"] == n["type"] == h
        assert n["extra"] == {h: h}
    for e, h in zip(relations(p), HOSTILE):
        assert e["quote"] == e["said_by"] == e["note"] == e["relation"] == e["status"] == h
    assert p["title"] == HOSTILE[1]


def test_json_embedding_cannot_break_out():
    p = view_payload(hostile_graph())
    text = payload_json(p)
    assert json.loads(text) == p
    for bad in ("</script", "<!--", "<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text


def test_page_embeds_payload_once_and_escapes_title():
    G = hostile_graph()
    page = to_html(G, title=HOSTILE[3])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    # the page holds the relation columns compact; expanded, they are the payload
    assert expand_payload(read_page_payload(page)) == view_payload(G, title=HOSTILE[3])
    # every script element is one of the three we wrote, or an extra column's
    extras = len(re.findall(r'<script type="application/json" id="gg-extra-\d+">', page))
    columns = page_payload(G)["edges"]["extra"]
    assert extras == len(columns) - ("events" in columns) > 0
    assert len(re.findall(r"<script[ >]", page)) == 3 + extras + VIS_SCRIPT_LITERALS
    assert page.count("</script>") == 3 + extras
    assert "<svg" not in page.split("<body>", 1)[1].split("<script", 1)[0]
    assert "&#34;&gt;&lt;svg onload=" in page  # the title, autoescaped


# vis-network's minified code holds one '"<script>"' string literal (core-js, harmless:
# only "</script" ends a script element, and assets containing it are refused).
VIS_SCRIPT_LITERALS = 1


def test_page_is_offline():
    page = to_html(small_graph())
    # no URL the browser would fetch: no src/href attributes, no @import, no url() but data:
    assert not re.search(r"""\s(?:src|href)\s*=""", page.split("<script>", 1)[0])
    assert "@import" not in page
    assert not re.search(r"url\((?!\"?data:)", page.split("<script>", 1)[0])
    assert "cdn" not in page.split("<script>", 1)[0].lower()


def test_render_html_writes_utf8_atomically(tmp_path):
    out = render_html(
        small_graph(), tmp_path / "sub" / "g.html", title="Korea \u2013 \u00e9t\u00e9"
    )
    assert out == tmp_path / "sub" / "g.html"
    assert "Korea \u2013 \u00e9t\u00e9" in out.read_bytes().decode("utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]
    G = nx.MultiDiGraph()
    G.add_edge("A", "B", start="bad")
    with pytest.raises(ValueError):
        render_html(G, out)
    assert "Korea" in out.read_text(encoding="utf-8")  # old file intact


def test_show_is_a_self_contained_iframe():
    a, b = show(small_graph()), show(small_graph(), height="80vh")
    html_a = a._repr_html_()
    assert "<iframe" in html_a and 'srcdoc="&lt;!DOCTYPE html&gt;' in html_a
    assert a.element_id != b.element_id
    assert "height:80vh" in b._repr_html_()
    assert "<script" not in html_a  # the page is inside the attribute, escaped
    with pytest.raises(ValueError, match="CSS length"):
        show(small_graph(), height='1px" onload="alert(1)')


# ---------------------------------------------------------------- aggregation


def pair_graph(between: int, others: int = 0) -> nx.MultiDiGraph:
    """``between`` relations between A and B (both directions), ``others`` single pairs."""
    G = nx.MultiDiGraph()
    for i in range(between):
        s, t = ("A", "B") if i % 3 else ("B", "A")
        G.add_edge(
            s, t, key=f"ab{i}", id=f"ab{i}", relation="threaten", status="fact", quote=f"quote {i}"
        )
    for i in range(others):
        G.add_edge(f"x{i}", f"y{i}", key=f"o{i}", id=f"o{i}", relation="agree", status="fact")
    return named(G)


def test_small_graphs_keep_parallel_edges_up_to_the_pair_limit():
    assert AGGREGATE_PAIR_OVER == 12 and AGGREGATE_GRAPH_OVER == 500
    p = view_payload(pair_graph(12))
    assert p["bundles"] == [] and all(e["bundle"] is None for e in relations(p))
    assert p["counts"]["drawn"] == 12 and p["counts"]["aggregate"] == 13
    G = pair_graph(13)
    p = view_payload(G)
    assert len(p["bundles"]) == 1
    b = p["bundles"][0]
    assert (b["id"], b["from"], b["to"], b["count"]) == (0, "A", "B", 13)
    assert bundle_ids(p, b) == [k for *_, k in G.edges(keys=True)]  # in the graph's order
    assert sorted(bundle_ids(p, b)) == sorted(f"ab{i}" for i in range(13))
    assert all(e["bundle"] == 0 for e in relations(p))
    assert p["counts"]["drawn"] == 1


def test_large_graphs_aggregate_every_repeated_pair():
    G = pair_graph(3, others=AGGREGATE_GRAPH_OVER)  # 503 relations
    p = view_payload(G)
    assert p["counts"]["aggregate"] == aggregate_threshold(503) == 2
    assert [sorted(bundle_ids(p, b)) for b in p["bundles"]] == [["ab0", "ab1", "ab2"]]
    edges = by_id(relations(p))
    assert {edges[f"ab{i}"]["bundle"] for i in range(3)} == {0}
    assert all(edges[f"o{i}"]["bundle"] is None for i in range(AGGREGATE_GRAPH_OVER))
    assert p["counts"]["drawn"] == AGGREGATE_GRAPH_OVER + 1
    # just at the size limit, a pair of three is still drawn as three curves
    assert view_payload(pair_graph(3, others=AGGREGATE_GRAPH_OVER - 3))["bundles"] == []


def test_aggregate_argument_and_self_loops():
    p = view_payload(small_graph(), aggregate=2)
    (b,) = p["bundles"]  # a, b, c between PRK and KOR; d is alone
    assert (b["from"], b["to"], bundle_ids(p, b), b["count"]) == ("KOR", "PRK", ["a", "b", "c"], 3)
    assert by_id(relations(p))["d"]["bundle"] is None
    assert view_payload(pair_graph(40), aggregate=0)["bundles"] == []
    G = nx.MultiDiGraph()
    for i in range(3):
        G.add_edge("A", "A", key=f"l{i}")
    (loop,) = view_payload(named(G), aggregate=2)["bundles"]
    assert (loop["from"], loop["to"], loop["count"]) == ("A", "A", 3)
    # every relation stays in the payload with its own quote, aggregated or not
    p = view_payload(pair_graph(20))
    assert sorted(p["edges"]["quote"]) == sorted(f"quote {i}" for i in range(20))
    assert all(e["quote"] == f"quote {e['id'][2:]}" for e in relations(p))
    assert json.loads(payload_json(p)) == p


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        (
            lambda G: G.graph.update(relation_types=["threaten"]),
            TypeError,
            r"'relation_types'.*list",
        ),
        (
            lambda G: G.graph.update(relation_types={"x": 3}),
            TypeError,
            r"\['relation_types'\]\['x'\]",
        ),
        (lambda G: G.graph.update(sources=["s1"]), TypeError, r"G.graph\['sources'\].*list"),
        (lambda G: G.graph.update(name=["a"]), TypeError, r"G.graph\['name'\] must be text"),
        (lambda G: G.nodes["PRK"].update(name="  "), ValueError, r"node 'PRK' has no 'name'"),
        (lambda G: G.nodes["PRK"].update(name={"a": 1}), TypeError, r"\['name'\] must be text"),
    ],
)
def test_graph_contract_is_checked(tmp_path, change, error, match):
    G = small_graph()
    change(G)
    with pytest.raises(error, match=match):
        view_payload(G)
    with pytest.raises(error, match=match):
        render_html(G, tmp_path / "view.html")
    assert not (tmp_path / "view.html").exists()


@pytest.mark.parametrize("G", [{"nodes": []}, None, "PRK"])
def test_render_html_needs_a_networkx_graph(tmp_path, G):
    with pytest.raises(TypeError, match="needs a networkx.MultiDiGraph"):
        render_html(G, tmp_path / "view.html")


@pytest.mark.parametrize("make", [nx.karate_club_graph, lambda: nx.DiGraph(nx.path_graph(4))])
def test_any_networkx_graph_is_drawn_without_being_changed(make):
    G = make()
    before = (nx.to_dict_of_dicts(G), dict(G.nodes(data=True)))
    p = view_payload(G)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before  # the caller's graph
    assert len(p["edges"]["id"]) == G.number_of_edges()  # an undirected edge once
    assert set(p["edges"]["directed"]) == {G.is_directed()}
    assert [n["name"] for n in p["nodes"]] == [str(n) for n in G]  # named by id
    assert len(set(p["edges"]["id"])) == G.number_of_edges()
    nx.set_node_attributes(G, "x", "name")
    assert view_payload(G)["nodes"][0]["name"] == "x"


def test_an_unnamed_actor_beside_named_ones_gets_its_id():
    G = small_graph()
    G.add_node("ZZZ")
    assert view_payload(G)["nodes"][-1]["name"] == "ZZZ"
    assert "name" not in G.nodes["ZZZ"]
