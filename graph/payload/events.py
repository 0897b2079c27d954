"""What the view needs to make an event-data graph readable: the payload's ``events`` key.

A graph is *event data* when every relation carries a number of events in
its ``events`` attribute: the column ``geograph import gdelt|icews`` (and
``import aggregated``) writes, one relation per actor pair, period and
relation type. Hand-coded datasets have no such column, and their page is
unchanged. For event data the page:

- opens at the latest period (the relation start with the latest first day)
  instead of all time, unless the URL sets a date (``#date=all`` for all time);
- offers thresholds on the event count and on ``|goldstein_mean|`` (when the
  relations carry it), the ``k`` strongest ties of each actor, and the
  backbone of the weighted graph by the disparity filter
  (:func:`graph.backbone.backbone` with ``weight="events"``): each actor
  pair's p-value is computed here, and the page keeps the pairs with
  ``p < alpha``.

The event counts and Goldstein means themselves are read by the page from
each relation's extra attributes, already in the payload; only the p-values
(one per actor pair, not per relation) are added.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from typing import Any

from ..backbone import end_alpha
from ..dates import DateError, parse_date
from ..schema import DEFAULT_STATUSES
from ..timeline import check_in_range

__all__ = ["EVENTS", "GOLDSTEIN", "OPEN_KEYS", "event_payload", "is_event_graph", "check_opening"]

#: The relation attribute holding the number of events (the importers' column).
EVENTS = "events"
#: The relation attribute holding the mean Goldstein score of those events.
GOLDSTEIN = "goldstein_mean"
#: Keys of ``G.graph["view"]``: the state the page opens in when its URL sets none.
OPEN_KEYS = ("date", "min_events", "min_goldstein", "top", "backbone")


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def is_event_graph(G) -> bool:
    """Whether ``G`` is event data: every relation has a number in ``events``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("USA", "CHN", key="r1", events=12)
    >>> is_event_graph(G), is_event_graph(nx.MultiDiGraph())
    (True, False)
    """
    if G.number_of_edges() == 0:
        return False
    return _all_numbers(_attribute(G, EVENTS))


def _attribute(G, name: str) -> list:
    """Every relation's ``name`` attribute (None where absent), in the graph's order."""
    return list(map(_THIRD, G.edges(data=name)))


_THIRD = operator.itemgetter(2)
_NUMBER_TYPES = frozenset((int, float))


def _all_numbers(values: list) -> bool:
    """Whether every value passes :func:`_is_number`: checked in C for plain ints and floats."""
    if set(map(type, values)) <= _NUMBER_TYPES:
        return all(map(math.isfinite, values))
    return all(map(_is_number, values))


def _latest(G) -> str | None:
    """The start date of the latest period: the latest first day, the shortest period on ties."""
    best = None
    for text in set(map(_THIRD, G.edges(data="start"))) - {None}:
        try:
            d = parse_date(str(text))
        except DateError:
            continue
        key = (d.first, -d.last.toordinal())
        if best is None or key > best[0]:
            best = (key, d.text)
    return best[1] if best else None


def check_opening(G) -> dict[str, Any]:
    """The thresholds the page opens with, from ``G.graph["view"]``, checked.

    Raises
    ------
    ValueError
        Naming the key and the values it accepts.

    Examples
    --------
    >>> import networkx as nx
    >>> check_opening(nx.MultiDiGraph(view={"top": 5}))
    {'min_events': 0, 'min_goldstein': 0, 'top': 5, 'backbone': None}
    >>> check_opening(nx.MultiDiGraph(view={"backbone": 2}))
    Traceback (most recent call last):
    ...
    ValueError: backbone: need a significance level in (0, 1], got 2
    """
    given = G.graph.get("view") or {}
    if not isinstance(given, Mapping):
        raise TypeError(f"G.graph['view'] must be a dict of {', '.join(OPEN_KEYS)}")
    unknown = sorted(set(map(str, given)) - set(OPEN_KEYS))
    if unknown:
        raise ValueError(f"G.graph['view']: unknown key {unknown[0]!r}; use {', '.join(OPEN_KEYS)}")
    state: dict[str, Any] = {"min_events": 0, "min_goldstein": 0, "top": 0, "backbone": None}
    for key in ("min_events", "top"):
        value = given.get(key)
        if value is not None:
            if not (_is_number(value) and float(value) >= 0 and float(value) == int(value)):
                raise ValueError(f"{key}: need a whole number >= 0, got {value!r}")
            state[key] = int(value)
    value = given.get("min_goldstein")
    if value is not None:
        if not (_is_number(value) and 0 <= float(value) <= 10):
            raise ValueError(f"min_goldstein: need a number from 0 to 10, got {value!r}")
        state["min_goldstein"] = float(value)
    value = given.get("backbone")
    if value is not None:
        if not (_is_number(value) and 0 < float(value) <= 1):
            raise ValueError(f"backbone: need a significance level in (0, 1], got {value!r}")
        state["backbone"] = float(value)
    return state


def _disparity_pairs(G, index: Mapping[Any, int]) -> list[list]:
    """``[i, j, p]`` per actor pair (node indexes, ``i < j``): the disparity filter's p-value.

    The same weighted graph as :func:`graph.backbone.backbone` with
    ``weight="events"`` (see :func:`graph.signed.signed_graph`): one tie per
    pair of two actors, its weight the events of the pair's facts and claims
    over all time; and the same p-value as :func:`graph.backbone.disparity`,
    in one pass over the relations (this runs on every build of event data).
    """
    wanted = set(DEFAULT_STATUSES)
    weight: dict[tuple[int, int], float] = {}
    # one attribute at a time: a graph made from columns (graph/payload/tables.py)
    # gives them without a dict per relation
    for (u, v, status), (_, _, events) in zip(G.edges(data="status"), G.edges(data=EVENTS)):
        if u == v or status not in wanted:
            continue
        i, j = index[u], index[v]
        key = (i, j) if i < j else (j, i)
        weight[key] = weight.get(key, 0.0) + float(events)
    ties = {k: abs(round(w, 9) + 0.0) for k, w in weight.items() if round(w, 9) != 0}
    degree: dict[int, int] = {}
    strength: dict[int, float] = {}
    for (i, j), w in ties.items():
        for x in (i, j):
            degree[x] = degree.get(x, 0) + 1
            strength[x] = strength.get(x, 0.0) + w
    return [
        [i, j, min(1.0, end_alpha(w, strength[i], degree[i]), end_alpha(w, strength[j], degree[j]))]
        for (i, j), w in sorted(ties.items())
    ]


def event_payload(G, index: Mapping[Any, int]) -> dict | None:
    """The payload's ``events`` key: ``None`` unless ``G`` is event data (:func:`is_event_graph`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph. ``G.graph["view"]``, when present, sets the state
        the page opens in: ``date`` (a date, or ``"all"``), ``min_events``,
        ``min_goldstein``, ``top`` and ``backbone`` (an alpha in (0, 1]).
    index : mapping
        Each node's position in the payload's ``nodes``.

    Returns
    -------
    dict or None
        ``start`` (the date the page opens at), ``events`` and ``goldstein``
        (the relation attributes holding the event count and the mean
        Goldstein score; ``goldstein`` is None when relations lack it),
        ``max_events`` and ``max_goldstein`` (the ranges of the thresholds),
        ``pairs`` (``[i, j, p]``: each actor pair's disparity p-value) and
        ``open`` (the thresholds the page opens with).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["a", "b", "c", "d"])
    >>> for t, n in [("b", 8), ("c", 1), ("d", 1)]:
    ...     _ = G.add_edge("a", t, events=n, status="fact", start="2020-06")
    >>> p = event_payload(G, {n: i for i, n in enumerate(G)})
    >>> p["start"], p["max_events"], [[i, j, round(x, 2)] for i, j, x in p["pairs"]]
    ('2020-06', 8, [[0, 1, 0.04], [0, 2, 0.81], [0, 3, 0.81]])
    """
    opening = check_opening(G)
    if not is_event_graph(G):
        return None
    # one column of the relations at a time, each let go of once read: at 283k relations
    # each is 2.2 MiB at the payload's peak
    max_events = int(max(_attribute(G, EVENTS)))
    goldstein = _attribute(G, GOLDSTEIN)
    if not _all_numbers(goldstein):
        goldstein = [g for g in goldstein if _is_number(g)]
    # no list of |score|s: at 283k relations 9 MiB of new floats
    max_goldstein = float(max(map(abs, goldstein), default=0))
    has_goldstein = bool(goldstein)
    del goldstein
    date = (G.graph.get("view") or {}).get("date")
    if date is not None and str(date) != "all":
        try:
            date = check_in_range(G, str(date))
        except ValueError as err:
            raise ValueError(f"{err}; or 'all' for all time") from err
    return {
        "start": (None if str(date) == "all" else date) if date is not None else _latest(G),
        "events": EVENTS,
        "goldstein": GOLDSTEIN if has_goldstein else None,
        "max_events": max_events,
        "max_goldstein": max_goldstein,
        "pairs": _disparity_pairs(G, index),
        "open": opening,
    }
