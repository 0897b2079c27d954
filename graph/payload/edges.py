"""The relations of a graph as the payload's columns, and the time axis of the slider."""

from __future__ import annotations

import math
from itertools import chain

from ..dates import DateError, parse_date
from ..schema import RELATION_COLUMNS
from .compact import ABSENT
from .values import _clean, _columns, _flag, _node_id, _number, _numbers, _text, _texts

# Above this many months the time slider steps by year instead of by month.
MAX_MONTH_POSITIONS = 600

_EDGE_KNOWN = frozenset(RELATION_COLUMNS)
# The edge attributes sent as columns (source and target become indexes).
_EDGE_COLUMNS = tuple(c for c in RELATION_COLUMNS if c not in ("source", "target"))


def _graph_edges(G, index: dict) -> dict:
    """What :func:`_edges` takes, read from a graph: ends, attribute columns, extras."""
    # iter(): list() would first ask the view its length, which walks every edge.
    raw = list(
        iter(G.edges(keys=True, data=True))
        if G.is_multigraph()
        else ((u, v, None, d) for u, v, d in G.edges(data=True))
    )
    attrs_list = [r[3] for r in raw]
    names = (
        []
        if _EDGE_KNOWN.issuperset(chain.from_iterable(attrs_list))
        else [k for k in dict.fromkeys(chain.from_iterable(attrs_list)) if k not in _EDGE_KNOWN]
    )
    extra = dict(zip(map(str, names), _columns(attrs_list, tuple(names), ABSENT))) if names else {}
    return {
        "from": list(map(index.__getitem__, [r[0] for r in raw])),
        "to": list(map(index.__getitem__, [r[1] for r in raw])),
        "columns": dict(zip(_EDGE_COLUMNS, _columns(attrs_list, _EDGE_COLUMNS))),
        "extra": {k: _clean_column(c) for k, c in extra.items()},
        "keys": lambda: [(r[0], r[1], r[2]) for r in raw],
    }


def _clean_column(column: list) -> list:
    """An extra attribute column as plain values (:func:`_clean`), :data:`ABSENT` kept."""
    kinds = set(map(type, column))
    if kinds <= {str, int, bool, type(None), type(ABSENT)}:
        return column
    if kinds <= {str, int, bool, float, type(None), type(ABSENT)} and all(
        math.isfinite(v) for v in column if type(v) is float
    ):
        return column
    return [v if v is ABSENT else _clean(v) for v in column]


def _edges(found: dict, relation_types: dict) -> dict:
    """The edge columns, in the given order, and the parsed dates.

    ``found`` holds ``from`` and ``to`` (node indexes), ``columns`` (the
    contract's attributes, one list each) and ``keys`` (a function giving
    ``(u, v, key)`` per relation, for ids of hand-made graphs); with
    ``validated`` true, the columns are a loaded dataset's (see
    :func:`graph.payload.tables.table_payload`), already as the payload
    holds them (distinct ids, text or ``None``, numbers, flags), and are
    taken as they are: looking again at each of their cells is a tenth of
    the page's time at 50k relations (ids and quotes are 100,000 objects
    spread over the heap).
    Column by column, O(1) work per relation and no dict per relation: the
    JSON of columns is half the size of a list of dicts and cheaper to write
    and to parse. Dates repeat, so each distinct text is parsed once.
    """
    cols = found["columns"]
    columns = {
        "id": cols["id"],
        "from": found["from"],
        "to": found["to"],
        **{k: cols[k] for k in _PAYLOAD_COLUMNS},
    }
    if not found.get("validated"):
        _plain(columns, found["keys"], relation_types)
    return {"columns": columns, "parsed": _parsed_dates(columns)}


# The contract's columns in the payload's order (after id, from and to).
_PAYLOAD_COLUMNS = tuple(c for c in RELATION_COLUMNS if c not in ("id", "source", "target"))


def _plain(columns: dict, keys, relation_types: dict) -> None:
    """A graph's edge columns made what the payload holds, in place: text or None, numbers, flags."""
    ids = _texts(columns["id"])
    if None in ids or len(set(ids)) < len(ids):  # only for hand-made graphs without ids
        seen: set[str] = set()
        for i, (u, v, key) in enumerate(keys()):
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
    columns["id"] = ids

    relation = _texts(columns["relation"])
    if None in relation:
        relation = [r or "relation" for r in relation]
    columns["relation"] = relation
    intensity, sign = _numbers(columns["intensity"]), _numbers(columns["sign"])
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
    columns["intensity"], columns["sign"] = intensity, sign
    directed = columns["directed"]
    if not set(map(type, directed)) <= {bool}:
        columns["directed"] = [_flag(v, True) for v in directed]
    status = _texts(columns["status"])
    if None in status:
        status = [s or "fact" for s in status]
    columns["status"] = status
    for name in ("start", "end", "source_id", "said_by", "quote", "note"):
        columns[name] = _texts(columns[name])


def _parsed_dates(columns: dict) -> dict:
    """Each distinct date text of ``start`` and ``end`` parsed, in the relations' order."""
    start, end = columns["start"], columns["end"]
    parsed = {}
    for text in dict.fromkeys(chain.from_iterable(zip(start, end))):
        if text is not None:
            try:
                parsed[text] = parse_date(text)
            except DateError as err:
                bad = next(i for i, d in enumerate(zip(start, end)) if text in d)
                raise ValueError(f"relation {columns['id'][bad]!r}: {err}") from err
    return parsed


def _extra_pairs(extra: dict[str, list], n: int) -> list:
    """Extra columns as the payload lists them: ``[index, {name: value}]`` per relation that has any."""
    if not extra:
        return []
    names = list(extra)
    columns = [extra[k] for k in names]
    out = []
    for i, values in enumerate(zip(*columns)):
        if ABSENT in values or None in values:  # an empty attribute is none (as an empty cell)
            row = {k: v for k, v in zip(names, values) if v is not ABSENT and v is not None}
            if row:
                out.append([i, row])
        else:
            out.append([i, dict(zip(names, values))])
    return out


def _timeline(first, last, years: bool = False) -> list[str]:
    """Slider positions from ``first`` to ``last``: months, or years for long spans.

    ``years``: every date of the data is a whole year, so that steps of a
    month would each show the same relations: years too.
    """
    if first is None or last is None:
        return []
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_MONTH_POSITIONS and not years:
        out = []
        year, month = first.year, first.month
        for _ in range(months):
            out.append(f"{year:04d}-{month:02d}")
            month += 1
            if month == 13:
                year, month = year + 1, 1
        return out
    return [f"{y:04d}" for y in range(first.year, last.year + 1)]
