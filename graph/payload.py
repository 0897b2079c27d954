"""The view payload: a geograph graph as plain JSON-able data for the HTML view.

The payload is everything the page (``graph/templates/view.js``) needs:
nodes and edges with their drawing hints, sources, the relation types used,
legend entries and the time axis. It is built in one linear pass over the
graph (pyvis's ``add_node`` / ``add_edge`` scan lists on every call), and
holds only ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and
``None``: numpy scalars become Python numbers, NaN becomes ``None``.

Text from the data is kept verbatim here; the page never interprets it as
HTML (see ``view.js``).
"""
from __future__ import annotations

import gc
import math
from collections import defaultdict
from typing import Any

from graph.dates import DateError, parse_date

__all__ = [
    "view_payload",
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

PAYLOAD_VERSION = 1

# Edge colour by sign: hostile red, cooperative teal (green-blue), neutral grey.
SIGN_COLOURS = {-1: "#d7301f", 0: "#8c8c8c", 1: "#1b9e77"}
SIGN_LABELS = {-1: "hostile", 0: "neutral", 1: "cooperative"}

# Line style by status: vis-network ``dashes`` (False = solid, else a dash/gap pattern).
STATUS_DASHES = {"fact": False, "claim": [10, 6], "forecast": [2, 6]}
STATUS_LABELS = {
    "fact": "fact (reported)",
    "claim": "claim (attributed)",
    "forecast": "forecast",
}
STATUSES = ("fact", "claim", "forecast")

# Node fill colours, given to groups (or types) in sorted order. Red and teal
# come last so that node colours are rarely confused with edge signs.
NODE_PALETTE = (
    "#4e79a7", "#f28e2b", "#b07aa1", "#edc948", "#9c755f",
    "#76b7b2", "#ff9da7", "#bab0ac", "#59a14f", "#e15759",
)
# Shapes whose label sits outside the shape, so all labels look alike.
TYPE_SHAPES = {
    "state": "dot",
    "organization": "square",
    "person": "triangle",
    "group": "diamond",
    "location": "star",
}
DEFAULT_SHAPE = "dot"

WIDTH_MIN = 1.0
WIDTH_PER_INTENSITY = 0.45  # |intensity| 10 -> width 5.5

# Curvature of parallel edges between one pair: spread symmetrically around straight.
ROUNDNESS_STEP = 0.3
ROUNDNESS_MAX_SPREAD = 1.2

# Aggregation: relations between one pair of actors drawn as one edge with a
# count. A small hand-made graph keeps every relation visible as its own curve
# up to this many per pair (the shipped article has 9 between PRK and KOR) ...
AGGREGATE_PAIR_OVER = 12
# ... while above this many relations in all, every pair with two or more is
# one edge: a curve per relation no longer reads, and costs drawing time.
AGGREGATE_GRAPH_OVER = 500
# Past this many actors or drawn edges the page lays the graph out itself and
# draws straight lines (see view.js); ``edge["smooth"]`` is then ``None``.
LARGE_NODES = 150
LARGE_DRAWN = 1500

# Above this many months the time slider steps by year instead of by month.
MAX_MONTH_POSITIONS = 600

_NODE_FIELDS = ("id", "name", "type", "aliases", "group", "description")
_EDGE_FIELDS = (
    "id", "source", "target", "relation", "sign", "intensity", "directed", "status",
    "start", "end", "source_id", "said_by", "quote", "note",
)
_NODE_KNOWN = frozenset(_NODE_FIELDS)
_EDGE_KNOWN = frozenset(_EDGE_FIELDS)
_NO_SMOOTH = {"enabled": False}


def _clean(value: Any) -> Any:
    """Turn a value into plain JSON-able Python (numpy -> Python, NaN -> None)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(_clean(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_clean(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    kind = type(value)
    if kind.__name__ in ("NAType", "NaTType"):  # pandas missing markers
        return None
    if kind.__module__ == "numpy":
        if hasattr(value, "tolist"):  # scalars and arrays alike
            return _clean(value.tolist())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _text(value: Any) -> str | None:
    """A text attribute: ``None`` for missing or blank, else a string."""
    if type(value) is str:  # the common case, kept cheap
        return value if value and not value.isspace() else None
    value = _clean(value)
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def _aliases(value: Any) -> list[str]:
    value = _clean(value)
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list):
        value = [value]
    return [a.strip() for a in (str(v) for v in value if v is not None) if a.strip()]


def _number(value: Any, default: float) -> float:
    if type(value) is float:
        return value if math.isfinite(value) else default
    value = _clean(value)
    if isinstance(value, bool) or value is None:
        return default
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _flag(value: Any, default: bool) -> bool:
    if type(value) is bool:
        return value
    value = _clean(value)
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


def _extras(attrs: dict, known: frozenset) -> dict[str, Any]:
    """Attributes beyond the contract (extra CSV columns), cleaned, in stable order."""
    if attrs.keys() <= known:
        return {}
    return {str(k): _clean(v) for k, v in attrs.items() if k not in known}


def edge_width(intensity: float) -> float:
    """Line width for a relation of the given intensity.

    Examples
    --------
    >>> edge_width(0), edge_width(-10), edge_width(4)
    (1.0, 5.5, 2.8)
    """
    return round(WIDTH_MIN + WIDTH_PER_INTENSITY * min(abs(intensity), 10.0), 2)


def _smooth(index: int, count: int, forward: bool) -> dict:
    """vis-network ``smooth`` for the ``index``-th of ``count`` edges between one pair.

    ``forward`` tells whether the edge runs along the pair's canonical
    orientation; a reversed edge flips clockwise/counter-clockwise so that
    A->B and B->A bend to different sides.
    """
    if count == 1:
        return {"enabled": True, "type": "continuous", "roundness": 0.5}
    step = min(ROUNDNESS_STEP, ROUNDNESS_MAX_SPREAD / (count - 1))
    offset = (index - (count - 1) / 2) * step
    if not forward:
        offset = -offset
    kind = "curvedCW" if offset >= 0 else "curvedCCW"
    return {"enabled": True, "type": kind, "roundness": round(abs(offset), 4)}


def aggregate_threshold(relations: int) -> int:
    """Fewest relations between one pair of actors that are drawn as one edge.

    Parameters
    ----------
    relations : int
        Number of relations in the whole graph.

    Examples
    --------
    >>> aggregate_threshold(25), aggregate_threshold(20_000)
    (13, 2)
    """
    return 2 if relations > AGGREGATE_GRAPH_OVER else AGGREGATE_PAIR_OVER + 1


def _edges(G, ids: dict, relation_types: dict) -> tuple[list[dict], dict, dict]:
    """Edge dicts (without curvature), member indexes per unordered pair, parsed dates.

    One pass, O(1) work per relation: dates repeat, so each (start, end) is
    parsed once.
    """
    raw = G.edges(keys=True, data=True) if G.is_multigraph() else (
        (u, v, None, d) for u, v, d in G.edges(data=True))
    edges: list[dict] = []
    pairs: dict[tuple, list[int]] = {}
    spans: dict[tuple, tuple] = {}
    parsed: dict[str, Any] = {}
    seen_ids: set[str] = set()
    for u, v, key, attrs in raw:
        get = attrs.get
        src, dst = ids[u], ids[v]
        edge_id = _text(get("id")) or (_text(key) if key is not None else None) \
            or f"{src}->{dst}"
        if edge_id in seen_ids:  # only for hand-made graphs without ids
            base, n = edge_id, 1
            while edge_id in seen_ids:
                n += 1
                edge_id = f"{base}#{n}"
        seen_ids.add(edge_id)
        relation = _text(get("relation")) or "relation"
        rtype = relation_types.get(relation) or {}
        intensity = _number(get("intensity"), None)
        if intensity is None:
            intensity = _number(rtype.get("intensity"), 0.0)
        sign_value = _number(get("sign"), None)
        if sign_value is None:
            fallback = math.copysign(1.0, intensity) if intensity else 0.0
            sign_value = _number(rtype.get("sign"), fallback)
        sign = (sign_value > 0) - (sign_value < 0)
        status = _text(get("status")) or "fact"
        start, end = _text(get("start")), _text(get("end"))
        span = spans.get((start, end))
        if span is None:
            try:
                first = _parsed(start, parsed).first if start else None
                last = _parsed(end, parsed).last if end else None
            except DateError as err:
                raise ValueError(f"relation {edge_id!r}: {err}") from err
            span = spans[(start, end)] = (first.isoformat() if first else None,
                                          last.isoformat() if last else None)
        directed = _flag(get("directed"), True)
        pair = (src, dst) if src <= dst else (dst, src)
        members = pairs.get(pair)
        if members is None:
            members = pairs[pair] = []
        members.append(len(edges))
        edges.append({
            "id": edge_id,
            "from": src,
            "to": dst,
            "relation": relation,
            "sign": sign,
            "intensity": intensity,
            "directed": directed,
            "status": status,
            "start": start,
            "end": end,
            "first": span[0],
            "last": span[1],
            "said_by": _text(get("said_by")),
            "quote": _text(get("quote")),
            "note": _text(get("note")),
            "source_id": _text(get("source_id")),
            "extra": _extras(attrs, _EDGE_KNOWN),
            # drawing hints
            "color": SIGN_COLOURS[sign],
            "dashes": STATUS_DASHES.get(status, False),
            "arrows": "to" if directed else "",
            "width": edge_width(intensity),
        })
    return edges, pairs, parsed


def _parsed(text: str, cache: dict):
    date = cache.get(text)
    if date is None:
        date = cache[text] = parse_date(text)
    return date


def _timeline(first, last) -> list[str]:
    """Slider positions from ``first`` to ``last``: months, or years for long spans."""
    if first is None or last is None:
        return []
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_MONTH_POSITIONS:
        out = []
        year, month = first.year, first.month
        for _ in range(months):
            out.append(f"{year:04d}-{month:02d}")
            month += 1
            if month == 13:
                year, month = year + 1, 1
        return out
    return [f"{y:04d}" for y in range(first.year, last.year + 1)]


def view_payload(G, *, title: str | None = None, aggregate: int | None = None) -> dict:
    """Turn a geograph graph into the plain data drawn by the HTML view.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph following the geograph contract (``graph.load(...).to_networkx()``).
        Plain ``Graph`` / ``DiGraph`` objects work too; missing attributes get defaults.
    title : str, optional
        Page title; defaults to ``G.graph["title"]``, then ``G.graph["name"]``,
        then ``"geograph"``.
    aggregate : int, optional
        Draw the relations between one pair of actors as one edge with a count
        when the pair has at least this many (``0``: never). By default
        :func:`aggregate_threshold` of the graph's size: 13 in graphs of up to
        500 relations, else 2. Every relation stays in ``edges``; an
        aggregated one names its entry of ``bundles`` in ``edge["bundle"]``.

    Returns
    -------
    dict
        Keys ``version``, ``title``, ``name``, ``nodes``, ``edges``, ``bundles``,
        ``sources``, ``relation_types``, ``legend``, ``date_range``, ``dates``,
        ``timeline``, ``styles``, ``large`` (the page lays the graph out itself
        and draws straight lines) and ``counts``. Only JSON-able plain Python values.

    Raises
    ------
    ValueError
        If two node ids coincide once written as text, or a relation has a bad date.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> G.add_node("PRK", name="North Korea", type="state")
    >>> G.add_node("KOR", name="South Korea", type="state")
    >>> _ = G.add_edge("PRK", "KOR", key="r1", id="r1", relation="threaten", sign=-1,
    ...                intensity=-6.0, directed=True, status="claim", start="2020-06")
    >>> p = view_payload(G)
    >>> p["title"], len(p["nodes"]), p["edges"][0]["color"], p["edges"][0]["dashes"]
    ('demo', 2, '#d7301f', [10, 6])
    >>> p["date_range"], p["timeline"]
    ({'min': '2020-06-01', 'max': '2020-06-30'}, ['2020-06'])
    >>> _ = G.add_edge("KOR", "PRK", key="r2", id="r2", relation="appeal", status="fact")
    >>> b = view_payload(G, aggregate=2)["bundles"][0]
    >>> b["from"], b["to"], b["relations"], b["count"]
    ('KOR', 'PRK', ['r1', 'r2'], 2)
    """
    # The cyclic garbage collector is paused while the payload is built: it would
    # rescan the growing lists of new dicts again and again (a fifth of the time
    # at 20k relations). Nothing built here forms a cycle.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _view_payload(G, title, aggregate)
    finally:
        if gc_was_on:
            gc.enable()


def _view_payload(G, title, aggregate) -> dict:
    graph_attrs = G.graph
    relation_types = graph_attrs.get("relation_types") or {}
    sources = _clean(graph_attrs.get("sources") or {})
    name = _text(graph_attrs.get("name"))
    page_title = _text(title) or _text(G.graph.get("title")) or name or "geograph"

    # Nodes: one pass; colour keys collected for the palette assigned afterwards.
    nodes: list[dict] = []
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    for node, attrs in G.nodes(data=True):
        # The node key is the actor id; numpy ids become Python first, then text.
        node_id = str(_clean(node))
        if node_id in taken:
            raise ValueError(f"two nodes share the id {node_id!r}; give every actor a unique id")
        taken.add(node_id)
        ids[node] = node_id
        kind = _text(attrs.get("type")) or "state"
        group = _text(attrs.get("group"))
        label = _text(attrs.get("name")) or node_id
        nodes.append({
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
        })

    # Edges: one pass cleans and counts per unordered pair.
    edges, pair_members, parsed_dates = _edges(G, ids, relation_types)
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge["from"]] += 1
        if edge["to"] != edge["from"]:
            degree[edge["to"]] += 1
    for node in nodes:
        node["degree"] = degree.get(node["id"], 0)

    # Pairs with many relations are drawn as one edge carrying a count.
    threshold = aggregate_threshold(len(edges)) if aggregate is None else int(aggregate)
    bundled = sum(len(m) for m in pair_members.values() if threshold and len(m) >= threshold)
    drawn = len(edges) - bundled + sum(
        1 for m in pair_members.values() if threshold and len(m) >= threshold)
    # A large graph is laid out by the page and drawn with straight lines.
    large = len(nodes) > LARGE_NODES or drawn > LARGE_DRAWN
    bundles: list[dict] = []
    loops: dict[str, int] = defaultdict(int)
    for pair, members in pair_members.items():
        count = len(members)
        bundle = None
        if threshold and count >= threshold:
            bundle = len(bundles)
            bundles.append({"id": bundle, "from": pair[0], "to": pair[1],
                            "relations": [edges[i]["id"] for i in members], "count": count})
        for index, i in enumerate(members):
            edge = edges[i]
            edge["bundle"] = bundle
            if bundle is not None or (large and pair[0] != pair[1]):
                edge["smooth"] = None  # not drawn alone, or drawn straight
            elif pair[0] == pair[1]:
                n = loops[pair[0]]
                loops[pair[0]] += 1
                edge["smooth"] = _NO_SMOOTH
                edge["self_reference"] = {"size": 18 + 8 * n, "angle": round(0.785 + 0.9 * n, 3)}
            else:
                edge["smooth"] = _smooth(index, count, edge["from"] == pair[0])

    # Colours per group/type key, stable: sorted keys, groups first.
    keys = sorted({n["colour_key"] for n in nodes}, key=lambda k: (not k.startswith("group:"), k))
    palette = {k: NODE_PALETTE[i % len(NODE_PALETTE)] for i, k in enumerate(keys)}
    for node in nodes:
        node["color"] = palette[node["colour_key"]]

    # Time axis.
    # Each written date counts for its whole period: "2020-06" reaches 2020-06-30.
    dates = set(parsed_dates)
    parsed = list(parsed_dates.values())
    date_range, timeline = None, []
    if parsed:
        lo, hi = min(p.first for p in parsed), max(p.last for p in parsed)
        date_range = {"min": lo.isoformat(), "max": hi.isoformat()}
        timeline = _timeline(lo, hi)

    used_relations = sorted({e["relation"] for e in edges})
    used_signs = sorted({e["sign"] for e in edges})
    statuses = {e["status"] for e in edges}
    used_statuses = [s for s in STATUSES if s in statuses]
    used_statuses += sorted(statuses - set(STATUSES))
    used_types = sorted({n["type"] for n in nodes})
    legend = {
        "nodes": [
            {"key": k, "label": k.split(":", 1)[1] + ("" if k.startswith("group:") else " (type)"),
             "color": palette[k]}
            for k in keys
        ],
        "shapes": [{"type": t, "shape": TYPE_SHAPES.get(t, DEFAULT_SHAPE)} for t in used_types],
        "signs": [{"sign": s, "label": SIGN_LABELS[s], "color": SIGN_COLOURS[s]} for s in used_signs],
        "statuses": [
            {"status": s, "label": STATUS_LABELS.get(s, s), "dashes": STATUS_DASHES.get(s, False)}
            for s in used_statuses
        ],
        "directed": sorted({e["directed"] for e in edges}),
        "width": {"min": WIDTH_MIN, "per_intensity": WIDTH_PER_INTENSITY},
    }
    return {
        "version": PAYLOAD_VERSION,
        "title": page_title,
        "name": name,
        "nodes": nodes,
        "edges": edges,
        "sources": sources,
        "relation_types": {r: _clean(relation_types[r]) for r in used_relations
                           if r in relation_types},
        "relations": used_relations,
        "statuses": used_statuses,
        "signs": [SIGN_LABELS[s] for s in used_signs],
        "groups": keys,
        "legend": legend,
        "date_range": date_range,
        "dates": sorted(dates, key=lambda d: (parsed_dates[d].first, parsed_dates[d].last, d)),
        "timeline": timeline,
        "bundles": bundles,
        # styles for aggregated edges, drawn from the relations shown at the time
        "styles": {"sign_colours": {str(k): v for k, v in SIGN_COLOURS.items()},
                   "status_dashes": dict(STATUS_DASHES)},
        "large": large,
        "counts": {"nodes": len(nodes), "edges": len(edges),
                   "max_parallel": max(map(len, pair_members.values()), default=0),
                   "drawn": drawn, "aggregate": threshold},
    }
