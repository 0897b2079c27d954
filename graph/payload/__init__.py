"""The view payload: a geograph graph as plain JSON-able data for the HTML view.

The payload is everything the page (``graph/templates/js/``) needs:
nodes, edges as columns of data (the page derives how to draw them),
sources, the relation types used, legend entries and the time axis. It is built in one linear pass over the
graph (pyvis's ``add_node`` / ``add_edge`` scan lists on every call), and
holds only ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and
``None``: numpy scalars become Python numbers, NaN becomes ``None``.

Text from the data is kept verbatim here; the page never interprets it as
HTML (see ``templates/js/``).
"""

from __future__ import annotations

import gc
import itertools
import operator
from array import array
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..balance.steps import balance_steps
from ..dataset import Dataset
from ..schema import ACTOR_COLUMNS, STATUSES
from .compact import _compact, compact_payload, expand_payload
from .contract import as_view_graph, check_graph
from .edges import _edges, _extra_pairs, _graph_edges, _timeline
from .events import event_payload
from .places import map_payload
from .sizes import centrality_steps
from .style import (
    AGGREGATE_GRAPH_OVER,
    AGGREGATE_PAIR_OVER,
    DEFAULT_SHAPE,
    LARGE_DRAWN,
    LARGE_NODES,
    NODE_PALETTE,
    PAYLOAD_VERSION,
    SIGN_COLOURS,
    SIGN_LABELS,
    STATUS_DASHES,
    STATUS_LABELS,
    TYPE_SHAPES,
    WIDTH_MIN,
    WIDTH_PER_INTENSITY,
    aggregate_threshold,
    edge_width,
)
from .values import _aliases, _clean, _extras, _interned, _node_id, _text

__all__ = [
    "view_payload",
    "page_payload",
    "compact_payload",
    "expand_payload",
    "check_graph",
    "SIGN_COLOURS",
    "SIGN_LABELS",
    "STATUS_DASHES",
    "STATUS_LABELS",
    "NODE_PALETTE",
    "TYPE_SHAPES",
    "edge_width",
    "aggregate_threshold",
    "AGGREGATE_PAIR_OVER",
    "AGGREGATE_GRAPH_OVER",
]

_NODE_KNOWN = frozenset(ACTOR_COLUMNS)


def view_payload(G, *, title: str | None = None, aggregate: int | None = None) -> dict:
    """Turn a geograph graph into the plain data drawn by the HTML view.

    Edges are sent as columns, not as one dict per relation, and carry only
    data: the page derives colour, dashes, width, arrows and curvature from
    sign, status, intensity and direction with the tables in ``legend`` and
    ``styles``, so the payload stays close to the size of the data itself.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph following the geograph contract (``graph.load(...).to_networkx()``,
        see :func:`check_graph`); missing edge attributes get defaults.
    title : str, optional
        Page title; defaults to ``G.graph["title"]``, then ``G.graph["name"]``,
        then ``"geograph"``.
    aggregate : int, optional
        Draw the relations between one pair of actors as one edge with a count
        when the pair has at least this many (``0``: never). By default
        :func:`aggregate_threshold` of the graph's size: 13 in graphs of up to
        500 relations, else 2. Every relation stays in ``edges``.

    Returns
    -------
    dict
        Only JSON-able plain Python values:

        - ``nodes``: one dict per actor (``id``, ``label``, ``name``, ``type``,
          ``group``, ``aliases``, ``description``, ``colour_key``, ``color``,
          ``shape``, ``degree`` = number of relations, ``extra`` = other attributes).
        - ``edges``: equal-length lists, one entry per relation in the graph's
          order: ``id``, ``intensity``, ``sign`` (-1, 0, 1), ``directed``,
          ``quote``, ``note`` (str or None); ``from`` and ``to`` index ``nodes``;
          ``relation`` indexes ``relations``, ``status`` indexes ``statuses``,
          ``source_id`` indexes ``source_ids``, ``said_by`` indexes ``speakers``,
          ``start`` and ``end`` index ``dates`` (None when missing). ``extra``
          lists ``[edge index, {name: value}]`` for relations with attributes
          beyond the contract.
        - ``dates``: the distinct date texts, sorted; ``date_spans``: for each,
          ``[first day, last day]`` (ISO), the period it covers.
        - ``bundles``: pairs drawn as one edge: ``id``, ``from``, ``to`` (actor
          ids, in text order), ``relations`` (edge indexes), ``count``.
        - ``title``, ``name``, ``version``, ``sources``, ``relation_types``,
          ``legend``, ``styles``, ``groups``, ``signs``, ``date_range``,
          ``timeline`` (slider positions), ``large`` (the page lays the graph
          out itself and draws straight lines) and ``counts``.
        - ``events``: for event data only (else None), the opening date, the
          ranges of the thresholds and each pair's disparity p-value (see
          :func:`graph.payload.events.event_payload`).
        - ``balance``: the blocs of structural balance at every ``timeline``
          step and over all time (see :func:`graph.balance.balance_steps`).
        - ``geo``: actors' places on the map and the world outline (see
          :func:`graph.payload.places.map_payload`); ``centrality``:
          betweenness per step (see :func:`graph.payload.sizes.centrality_steps`).

    Raises
    ------
    TypeError
        If ``G`` is not a MultiDiGraph or a graph attribute has the wrong type.
    ValueError
        If a node has no name, two node ids coincide once written as text, or a
        relation has a bad date.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> G.add_node("PRK", name="North Korea", type="state")
    >>> G.add_node("KOR", name="South Korea", type="state")
    >>> _ = G.add_edge("PRK", "KOR", key="r1", id="r1", relation="threaten", sign=-1,
    ...                intensity=-6.0, directed=True, status="claim", start="2020-06")
    >>> p = view_payload(G)
    >>> e = p["edges"]
    >>> p["title"], len(p["nodes"]), e["id"], e["from"], e["to"], e["sign"]
    ('demo', 2, ['r1'], [0], [1], [-1])
    >>> p["statuses"][e["status"][0]], p["dates"][e["start"][0]], e["end"]
    ('claim', '2020-06', [None])
    >>> p["date_spans"], p["timeline"]
    ([['2020-06-01', '2020-06-30']], ['2020-06'])
    >>> _ = G.add_edge("KOR", "PRK", key="r2", id="r2", relation="appeal", status="fact")
    >>> b = view_payload(G, aggregate=2)["bundles"][0]
    >>> b["from"], b["to"], b["relations"], b["count"]
    ('KOR', 'PRK', [0, 1], 2)
    """
    payload, extra = _graph_payload(G, title, aggregate)
    payload["edges"]["extra"] = _extra_pairs(extra, len(payload["edges"]["id"]))
    return payload


def page_payload(
    G, *, title: str | None = None, aggregate: int | None = None, release: bool = False
) -> dict:
    """The payload as the page embeds it: :func:`view_payload` with compact relation columns.

    ``G`` is a networkx graph (as for :func:`view_payload`) or a
    :class:`graph.Dataset`, whose tables are turned into the payload column by
    column without building the graph (the same payload as its
    ``to_networkx()`` gives). See :mod:`graph.payload.compact`.

    With ``release``, a large :class:`graph.Dataset` lets go of its relations
    as the payload takes them, so that they are not held twice (for a caller
    done with the dataset, as ``geograph build``): reading them afterwards
    raises ``RuntimeError``. A graph is never changed.

    Examples
    --------
    >>> import graph
    >>> ds = graph.load("data")
    >>> page_payload(ds) == page_payload(ds.to_networkx())
    True
    >>> sorted(page_payload(ds)["edges"]), page_payload(ds)["edges"]["n"]
    (['columns', 'extra', 'n'], 23)
    """
    return _page_payload(G, title, aggregate, release)


def _page_payload(G, title, aggregate, release, written=None) -> dict:
    """:func:`page_payload`; ``written`` (see :func:`graph.payload.compact._compact`) turns
    each relation column into what the page writes as soon as it is encoded."""
    if isinstance(G, Dataset):
        from .tables import table_payload  # it builds on this module's assemble

        payload, extra = _gc_paused(table_payload, G, title, aggregate, release, written)
    else:
        payload, extra = _graph_payload(G, title, aggregate, written)
    # both made here for this call alone: each column is dropped once encoded
    return _gc_paused(_compact, payload, extra, True, written)


def _gc_paused(fn, *args):
    # The cyclic garbage collector is paused while the payload is built: it would
    # rescan the growing lists again and again. Nothing built here forms a cycle.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if gc_was_on:
            gc.enable()


def _graph_payload(G, title, aggregate, written=None) -> tuple[dict, dict[str, list]]:
    G = as_view_graph(G)
    check_graph(G)
    return _gc_paused(_from_graph, G, title, aggregate, written)


def _from_graph(G, title, aggregate, written=None) -> tuple[dict, dict[str, list]]:
    nodes, index = _nodes(G.nodes(data=True))
    found = _graph_edges(G, index)
    payload = assemble(G.graph, nodes, found, title, aggregate, G, written=written)
    return payload, found["extra"]


def _nodes(items) -> tuple[list[dict], dict[Any, int]]:
    """One dict per actor, and each node's position in that list, from ``(node, attrs)`` pairs."""
    nodes: list[dict] = []
    index: dict[Any, int] = {}
    taken: set[str] = set()
    for node, attrs in items:
        node_id = _node_id(node)
        if node_id in taken:
            raise ValueError(f"two nodes share the id {node_id!r}; give every actor a unique id")
        taken.add(node_id)
        index[node] = len(nodes)
        kind = _text(attrs.get("type")) or "state"
        group = _text(attrs.get("group"))
        label = _text(attrs.get("name")) or node_id
        nodes.append(
            {
                "id": node_id,
                "label": label,
                "name": label,
                "type": kind,
                "group": group,
                "aliases": _aliases(attrs.get("aliases")),
                "description": _text(attrs.get("description")),
                "colour_key": f"group:{group}" if group is not None else f"type:{kind}",
                "shape": TYPE_SHAPES.get(kind, DEFAULT_SHAPE),
                "degree": 0,
                "extra": _extras(attrs, _NODE_KNOWN),
            }
        )
    return nodes, index


def _bundles(nodes: list[dict], src: list, dst: list, threshold: int, written=None) -> tuple:
    """``(bundles, hidden, pair_sizes)``: pairs with ``threshold`` relations or more, and
    how many fewer edges are drawn for them.

    ``written`` (see :func:`assemble`): each bundle's relations are an ``array`` of
    machine integers, which the page's JSON writes as their list (at 283k
    relations a list held an int object per relation, 10 MiB at the payload's
    peak), and the bundles are replaced with ``written(bundles)``.
    """
    lists = written is None
    n = len(nodes)

    def pair_keys() -> Iterator[int]:
        # made twice rather than held: a list of them is 11 MiB at 283k relations,
        # at the payload's peak
        return (s * n + t if s <= t else t * n + s for s, t in zip(src, dst))

    pair_sizes = Counter(pair_keys())
    members: dict[int, list[int] | array] = {}
    if threshold:
        for i, key in enumerate(pair_keys()):
            if pair_sizes[key] >= threshold:
                m = members.get(key)
                if m is None:
                    members[key] = [i] if lists else array("q", (i,))
                else:
                    m.append(i)
    bundles: list[dict] = []
    for m in members.values():
        a, b = nodes[src[m[0]]]["id"], nodes[dst[m[0]]]["id"]
        a, b = (a, b) if a <= b else (b, a)
        bundles.append({"id": len(bundles), "from": a, "to": b, "relations": m, "count": len(m)})
    hidden = sum(map(len, members.values())) - len(bundles)
    del members
    return (bundles if lists else written(bundles)), hidden, pair_sizes


def _legend(keys, palette, nodes, used_signs, statuses, directed) -> dict:
    """The legend's entries: actor colours and shapes, signs, statuses, direction, width."""
    used_types = sorted({n["type"] for n in nodes})
    return {
        "nodes": [
            {
                "key": k,
                "label": k.split(":", 1)[1] + ("" if k.startswith("group:") else " (type)"),
                "color": palette[k],
            }
            for k in keys
        ],
        "shapes": [{"type": t, "shape": TYPE_SHAPES.get(t, DEFAULT_SHAPE)} for t in used_types],
        "signs": [
            {"sign": s, "label": SIGN_LABELS[s], "color": SIGN_COLOURS[s]} for s in used_signs
        ],
        "statuses": [
            {"status": s, "label": STATUS_LABELS.get(s, s), "dashes": STATUS_DASHES.get(s, False)}
            for s in statuses
        ],
        "directed": sorted(set(directed)),
        "width": {"min": WIDTH_MIN, "per_intensity": WIDTH_PER_INTENSITY},
    }


def assemble(
    graph_attrs, nodes, found, title, aggregate, balance_graph, graph=None, written=None
) -> dict:
    """The payload from its parts; shared by the graph path and the table path (``tables.py``).

    ``nodes`` as :func:`_nodes` gives them, ``found`` the relation columns (see
    :func:`graph.payload.edges._edges`), ``balance_graph`` what :func:`graph.balance.balance_steps`
    reads (the graph, or a stand-in that only counts when the graph is too large for blocs),
    ``graph`` the graph the map, centrality and event keys read (the graph, or its actors
    alone when the table path did not build it; default ``balance_graph``), ``written``
    what the bundles become (their JSON for the page). Keys other parts add go at the end.
    """
    graph = balance_graph if graph is None else graph
    relation_types = graph_attrs.get("relation_types") or {}
    sources = _clean(graph_attrs.get("sources") or {})
    name = _text(graph_attrs.get("name"))
    page_title = _text(title) or _text(graph_attrs.get("title")) or name or "geograph"

    found = _edges(found, relation_types)
    edges = found["columns"]
    src, dst = edges["from"], edges["to"]
    degree = Counter(src)
    degree.update(itertools.compress(dst, map(operator.ne, src, dst)))  # a loop counts once
    for i, node in enumerate(nodes):
        node["degree"] = degree[i]

    # Lookup tables, sorted where the page lists them (filters, slider).
    relations, edges["relation"] = _interned(edges["relation"], sorted(set(edges["relation"])))
    found_statuses = set(edges["status"])
    statuses = [s for s in STATUSES if s in found_statuses] + sorted(found_statuses - set(STATUSES))
    statuses, edges["status"] = _interned(edges["status"], statuses)
    source_ids, edges["source_id"] = _interned(edges["source_id"])
    speakers, edges["said_by"] = _interned(edges["said_by"])
    parsed = found["parsed"]
    dates = sorted(parsed, key=lambda d: (parsed[d].first, parsed[d].last, d))
    date_spans = [[parsed[d].first.isoformat(), parsed[d].last.isoformat()] for d in dates]
    dates, edges["start"] = _interned(edges["start"], dates)
    dates, edges["end"] = _interned(edges["end"], dates)
    parsed = list(parsed.values())
    if hasattr(graph, "coded"):  # a graph of columns reads these from their codes from now on
        graph.coded(edges, {"status": statuses, "start": dates, "end": dates})

    # Pairs with many relations are drawn as one edge carrying a count.
    relation_count = len(edges["id"])
    threshold = aggregate_threshold(relation_count) if aggregate is None else int(aggregate)
    bundles, hidden, pair_sizes = _bundles(nodes, src, dst, threshold, written)
    drawn = relation_count - hidden
    # A large graph is laid out by the page and drawn with straight lines.
    large = len(nodes) > LARGE_NODES or drawn > LARGE_DRAWN

    # Colours per group/type key, stable: sorted keys, groups first.
    keys = sorted({n["colour_key"] for n in nodes}, key=lambda k: (not k.startswith("group:"), k))
    palette = {k: NODE_PALETTE[i % len(NODE_PALETTE)] for i, k in enumerate(keys)}
    for node in nodes:
        node["color"] = palette[node["colour_key"]]

    # Time axis. A date counts for its whole period ("2020-06" reaches 2020-06-30); by year alone: years.
    date_range, timeline = None, []
    if parsed:
        lo, hi = min(p.first for p in parsed), max(p.last for p in parsed)
        date_range = {"min": lo.isoformat(), "max": hi.isoformat()}
        timeline = _timeline(lo, hi, years=all(p.precision == "year" for p in parsed))

    used_signs = sorted(set(edges["sign"]))
    legend = _legend(keys, palette, nodes, used_signs, statuses, edges["directed"])
    return {
        "version": PAYLOAD_VERSION,
        "title": page_title,
        "name": name,
        "nodes": nodes,
        "edges": edges,
        "sources": sources,
        "relation_types": {r: _clean(relation_types[r]) for r in relations if r in relation_types},
        "relations": relations,
        "statuses": statuses,
        "source_ids": source_ids,
        "speakers": speakers,
        "signs": [SIGN_LABELS[s] for s in used_signs],
        "groups": keys,
        "legend": legend,
        "date_range": date_range,
        "dates": dates,
        "date_spans": date_spans,
        "timeline": timeline,
        "bundles": bundles,
        **_analyses(balance_graph, graph, timeline),
        # edge colour by sign and dashes by status, for every edge the page draws
        "styles": {
            "sign_colours": {str(k): v for k, v in SIGN_COLOURS.items()},
            "status_dashes": dict(STATUS_DASHES),
        },
        "large": large,
        "counts": {
            "nodes": len(nodes),
            "edges": relation_count,
            "max_parallel": max(pair_sizes.values(), default=0),
            "drawn": drawn,
            "aggregate": threshold,
        },
    }


def _analyses(balance_graph, graph, timeline) -> dict:
    """The payload keys computed by the analyses, per slider step where they change with time."""
    return {
        # blocs of structural balance at each slider step (graph/balance/steps.py)
        "balance": balance_steps(balance_graph, timeline),
        # the map layout (graph/payload/places.py) and betweenness per step for "Size by"
        "geo": map_payload(graph),
        "centrality": _centrality(balance_graph, graph, timeline),
        # event data: opening date, thresholds, disparity p-values (graph/payload/events.py)
        "events": event_payload(graph, {node: i for i, node in enumerate(graph)}),
    }


def _centrality(balance_graph, graph, timeline) -> dict:
    """Betweenness per step; from the actors alone (the table path), the reason it is skipped."""
    if graph.number_of_nodes() and not graph.number_of_edges() and balance_graph is not graph:
        return centrality_steps(balance_graph, timeline)  # more actors than it is computed for
    return centrality_steps(graph, timeline)
