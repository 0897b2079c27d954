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
import math
from collections import Counter
from itertools import chain
from operator import itemgetter
from typing import Any

from .dates import DateError, parse_date
from .schema import STATUSES

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

PAYLOAD_VERSION = 2

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

# Node fill colours, given to groups (or types) in sorted order. Red and teal
# come last so that node colours are rarely confused with edge signs.
NODE_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#b07aa1",
    "#edc948",
    "#9c755f",
    "#76b7b2",
    "#ff9da7",
    "#bab0ac",
    "#59a14f",
    "#e15759",
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

# Aggregation: relations between one pair of actors drawn as one edge with a
# count. A small hand-made graph keeps every relation visible as its own curve
# up to this many per pair (the shipped article has 9 between PRK and KOR) ...
AGGREGATE_PAIR_OVER = 12
# ... while above this many relations in all, every pair with two or more is
# one edge: a curve per relation no longer reads, and costs drawing time.
AGGREGATE_GRAPH_OVER = 500
# Past this many actors or drawn edges the page lays the graph out itself and
# draws straight lines (see templates/js/30-layout.js).
LARGE_NODES = 150
LARGE_DRAWN = 1500

# Above this many months the time slider steps by year instead of by month.
MAX_MONTH_POSITIONS = 600

_NODE_FIELDS = ("id", "name", "type", "aliases", "group", "description")
_EDGE_FIELDS = (
    "id",
    "source",
    "target",
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
)
# The edge attributes sent as columns, in the order ``_edges`` unpacks them.
_EDGE_COLUMNS = (
    "id",
    "relation",
    "intensity",
    "sign",
    "directed",
    "status",
    "start",
    "end",
    "source_id",
    "said_by",
    "quote",
    "note",
)
_NODE_KNOWN = frozenset(_NODE_FIELDS)
_EDGE_KNOWN = frozenset(_EDGE_FIELDS)


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
    if kind.__module__ == "numpy" and hasattr(value, "tolist"):  # scalars and arrays alike
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

    The page draws with this formula, from ``legend["width"]`` (``templates/js/10-data.js``,
    ``edgeWidth``); it is here as the reference the browser tests check.

    Examples
    --------
    >>> edge_width(0), edge_width(-10), edge_width(4)
    (1.0, 5.5, 2.8)
    """
    return round(WIDTH_MIN + WIDTH_PER_INTENSITY * min(abs(intensity), 10.0), 2)


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


_PLAIN_TEXT = frozenset((str, type(None)))


def _texts(column: list) -> list[str | None]:
    """A text column: ``None`` for missing or blank, else a string.

    Checked in bulk first (``map`` and ``set`` run in C): a column of
    non-blank strings and ``None``, as ``graph.load`` gives, is kept as it is.
    """
    if (
        set(map(type, column)) <= _PLAIN_TEXT
        and "" not in column
        and not any(map(str.isspace, filter(None, column)))
    ):
        return column
    return [
        v if v is None or (type(v) is str and v and not v.isspace()) else _text(v) for v in column
    ]


def _numbers(column: list) -> list[float | int | None]:
    """A numeric column: ``None`` where missing or not a finite number."""
    kinds = set(map(type, column))
    if kinds <= {int} or kinds <= {float} and all(map(math.isfinite, column)):
        return column
    return [_number(v, None) for v in column]


def _interned(texts: list, order: list | None = None) -> tuple[list, list]:
    """``(table, column)``: the distinct values (in ``order`` or first seen) and their indexes."""
    table = order if order is not None else [t for t in dict.fromkeys(texts) if t is not None]
    position = {t: k for k, t in enumerate(table)}
    position[None] = None
    return table, list(map(position.__getitem__, texts))


def _columns(attrs_list: list[dict], names: tuple) -> list[list]:
    """The values of ``names`` for every dict, as one list per name."""
    if not attrs_list:
        return [[] for _ in names]
    try:  # every key present (graph.load's graphs): fetched and transposed in C
        return [list(c) for c in zip(*map(itemgetter(*names), attrs_list))]
    except KeyError:
        return [[a.get(name) for a in attrs_list] for name in names]


def _edges(G, index: dict, relation_types: dict) -> dict:
    """The edge columns, in the graph's order, and the parsed dates.

    Column by column, O(1) work per relation and no dict per relation: the
    JSON of columns is half the size of a list of dicts and cheaper to write
    and to parse. Dates repeat, so each distinct text is parsed once.
    """
    # iter(): list() would first ask the view its length, which walks every edge.
    raw = list(
        iter(G.edges(keys=True, data=True))
        if G.is_multigraph()
        else ((u, v, None, d) for u, v, d in G.edges(data=True))
    )
    attrs_list = [r[3] for r in raw]
    src = list(map(index.__getitem__, [r[0] for r in raw]))
    dst = list(map(index.__getitem__, [r[1] for r in raw]))
    (
        ids,
        relation,
        intensity,
        sign,
        directed,
        status,
        start,
        end,
        source_id,
        said_by,
        quote,
        note,
    ) = _columns(attrs_list, _EDGE_COLUMNS)

    ids = _texts(ids)
    if None in ids or len(set(ids)) < len(ids):  # only for hand-made graphs without ids
        seen: set[str] = set()
        for i, (u, v, key, _) in enumerate(raw):
            edge_id = (
                ids[i]
                or (_text(key) if key is not None else None)
                or f"{_node_id(u)}->{_node_id(v)}"
            )
            base, k = edge_id, 1
            while edge_id in seen:
                k += 1
                edge_id = f"{base}#{k}"
            seen.add(edge_id)
            ids[i] = edge_id

    relation = _texts(relation)
    if None in relation:
        relation = [r or "relation" for r in relation]
    intensity, sign = _numbers(intensity), _numbers(sign)
    for i in (i for i, (x, s) in enumerate(zip(intensity, sign)) if x is None or s is None):
        rtype = relation_types.get(relation[i]) or {}
        if intensity[i] is None:
            intensity[i] = _number(rtype.get("intensity"), 0.0)
        if sign[i] is None:
            x = intensity[i]
            sign[i] = _number(rtype.get("sign"), math.copysign(1.0, x) if x else 0.0)
    if not set(map(type, intensity)) <= {float}:
        intensity = [float(x) for x in intensity]
    if not set(sign) <= {-1, 0, 1} or not set(map(type, sign)) <= {int}:
        sign = [(s > 0) - (s < 0) for s in sign]
    if not set(map(type, directed)) <= {bool}:
        directed = [_flag(v, True) for v in directed]
    status = _texts(status)
    if None in status:
        status = [s or "fact" for s in status]
    start, end = _texts(start), _texts(end)
    parsed = {}
    for text in dict.fromkeys(chain.from_iterable(zip(start, end))):  # in the relations' order
        if text is not None:
            try:
                parsed[text] = parse_date(text)
            except DateError as err:
                bad = next(i for i, d in enumerate(zip(start, end)) if text in d)
                raise ValueError(f"relation {ids[bad]!r}: {err}") from err

    return {
        "columns": {
            "id": ids,
            "from": src,
            "to": dst,
            "relation": relation,
            "sign": sign,
            "intensity": intensity,
            "directed": directed,
            "status": status,
            "start": start,
            "end": end,
            "source_id": _texts(source_id),
            "said_by": _texts(said_by),
            "quote": _texts(quote),
            "note": _texts(note),
            "extra": []
            if _EDGE_KNOWN.issuperset(chain.from_iterable(attrs_list))
            else [
                [i, _extras(a, _EDGE_KNOWN)]
                for i, a in enumerate(attrs_list)
                if not a.keys() <= _EDGE_KNOWN
            ],
        },
        "parsed": parsed,
    }


def _node_id(node: Any) -> str:
    # The node key is the actor id; numpy ids become Python first, then text.
    return node if type(node) is str else str(_clean(node))


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

    Edges are sent as columns, not as one dict per relation, and carry only
    data: the page derives colour, dashes, width, arrows and curvature from
    sign, status, intensity and direction with the tables in ``legend`` and
    ``styles``, so the payload stays close to the size of the data itself.

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
    # The cyclic garbage collector is paused while the payload is built: it would
    # rescan the growing lists again and again. Nothing built here forms a cycle.
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

    nodes: list[dict] = []
    index: dict[Any, int] = {}
    taken: set[str] = set()
    for node, attrs in G.nodes(data=True):
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

    found = _edges(G, index, relation_types)
    edges = found["columns"]
    src, dst = edges["from"], edges["to"]
    degree = Counter(src)
    degree.update(t for s, t in zip(src, dst) if s != t)
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

    # Pairs with many relations are drawn as one edge carrying a count.
    relation_count = len(edges["id"])
    threshold = aggregate_threshold(relation_count) if aggregate is None else int(aggregate)
    n = len(nodes)
    pair_keys = [s * n + t if s <= t else t * n + s for s, t in zip(src, dst)]
    pair_sizes = Counter(pair_keys)
    members: dict[int, list[int]] = {}
    if threshold:
        for i, key in enumerate(pair_keys):
            if pair_sizes[key] >= threshold:
                m = members.get(key)
                if m is None:
                    members[key] = [i]
                else:
                    m.append(i)
    bundles: list[dict] = []
    for m in members.values():
        a, b = nodes[src[m[0]]]["id"], nodes[dst[m[0]]]["id"]
        a, b = (a, b) if a <= b else (b, a)
        bundles.append({"id": len(bundles), "from": a, "to": b, "relations": m, "count": len(m)})
    drawn = relation_count - sum(map(len, members.values())) + len(bundles)
    # A large graph is laid out by the page and drawn with straight lines.
    large = len(nodes) > LARGE_NODES or drawn > LARGE_DRAWN

    # Colours per group/type key, stable: sorted keys, groups first.
    keys = sorted({n["colour_key"] for n in nodes}, key=lambda k: (not k.startswith("group:"), k))
    palette = {k: NODE_PALETTE[i % len(NODE_PALETTE)] for i, k in enumerate(keys)}
    for node in nodes:
        node["color"] = palette[node["colour_key"]]

    # Time axis. Each written date counts for its whole period: "2020-06" reaches 2020-06-30.
    date_range, timeline = None, []
    if parsed:
        lo, hi = min(p.first for p in parsed), max(p.last for p in parsed)
        date_range = {"min": lo.isoformat(), "max": hi.isoformat()}
        timeline = _timeline(lo, hi)

    used_signs = sorted(set(edges["sign"]))
    used_types = sorted({n["type"] for n in nodes})
    legend = {
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
        "directed": sorted(set(edges["directed"])),
        "width": {"min": WIDTH_MIN, "per_intensity": WIDTH_PER_INTENSITY},
    }
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
