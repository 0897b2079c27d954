"""The payload straight from a dataset's tables, column by column, without a graph.

``view_payload(ds.to_networkx())`` builds a networkx graph of one dict per
relation and then reads every dict back. :func:`table_payload` gives the same
payload from :meth:`graph.Dataset.relation_columns`: the relations are put in
the order the graph would iterate them (by source actor, then by pair in
order of appearance), and the columns go to the same assembly as the graph's.
The graph is built only when the blocs of structural balance are computed
(small graphs: see :mod:`graph.balance.steps`).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..balance.steps import STEPS_ACTOR_LIMIT, STEPS_RELATION_LIMIT
from . import _nodes, assemble
from .edges import _EDGE_COLUMNS
from .events import EVENTS
from .sizes import CENTRALITY_ACTOR_LIMIT

__all__ = ["table_payload"]


class _Size:
    """What :func:`graph.balance.balance_steps` asks of a graph too large for blocs."""

    def __init__(self, nodes: int, edges: int):
        self._nodes, self._edges = nodes, edges

    def number_of_nodes(self) -> int:
        return self._nodes

    def number_of_edges(self) -> int:
        return self._edges


def _graph_order(source: list, target: list, position: dict[str, int]) -> list[int] | None:
    """The relations' positions in the order a MultiDiGraph iterates its edges (``None``: as they are)."""
    n = len(source)
    if n < 2:
        return None
    src = np.fromiter(map(position.__getitem__, source), dtype=np.int64, count=n)
    dst = np.fromiter(map(position.__getitem__, target), dtype=np.int64, count=n)
    pair, _ = pd.factorize(src * (len(position) + 1) + dst)  # first appearance order
    order = np.argsort(src * (int(pair.max()) + 1) + pair, kind="stable")
    if (order[1:] > order[:-1]).all():
        return None
    return order.tolist()


def _take(column: list, order: list[int] | None) -> list:
    return column if order is None else list(itemgetter(*order)(column))


def table_payload(ds, title: str | None = None, aggregate: int | None = None) -> tuple[dict, dict]:
    """The payload of ``view_payload(ds.to_networkx(), ...)``, and its extra columns.

    Parameters
    ----------
    ds : graph.Dataset
        A loaded dataset.
    title, aggregate
        As for :func:`graph.payload.view_payload`.

    Returns
    -------
    (dict, dict)
        The payload (its ``edges`` without ``extra``) and the relations'
        extra attributes as columns, for :func:`graph.payload.compact_payload`.

    Examples
    --------
    >>> import graph
    >>> from graph.payload import view_payload
    >>> ds = graph.load("data")
    >>> p, extra = table_payload(ds)
    >>> p["edges"]["id"] == view_payload(ds.to_networkx())["edges"]["id"], sorted(extra)
    (True, ['dated_from', 'implied'])
    """
    actors = ds.actor_records()
    relations = ds.relation_columns()
    n = len(relations.get("id", ()))
    nodes, index = _nodes((a["id"], a) for a in actors)
    order = _graph_order(relations.get("source", []), relations.get("target", []), index)
    columns = {k: _take(relations[k], order) for k in _EDGE_COLUMNS}
    extra = {str(k): _take(v, order) for k, v in relations.items() if k not in _EDGE_COLUMNS}
    extra.pop("source", None)
    extra.pop("target", None)
    found: dict[str, Any] = {
        "from": _take(list(map(index.__getitem__, relations.get("source", []))), order),
        "to": _take(list(map(index.__getitem__, relations.get("target", []))), order),
        "columns": columns,
        "keys": lambda: list(zip(relations["source"], relations["target"], columns["id"])),
    }
    attrs = {
        "name": ds.name,
        "title": ds.title,
        "sources": {s["id"]: s for s in ds.records("sources")},
        "relation_types": ds.vocabulary,
    }
    large = len(actors) > STEPS_ACTOR_LIMIT or n > STEPS_RELATION_LIMIT
    # The graph is built when something reads it: the blocs, betweenness (up to
    # CENTRALITY_ACTOR_LIMIT actors) and event data's disparity filter (graph/payload/events.py).
    wanted = not large or len(actors) <= CENTRALITY_ACTOR_LIMIT or EVENTS in relations
    G = ds.to_networkx() if wanted else None
    balance_graph: Any = _Size(len(actors), n) if large else G
    if G is None:  # the map reads the actors alone
        G = nx.MultiDiGraph(**attrs)
        G.add_nodes_from((a["id"], a) for a in actors)
    return assemble(attrs, nodes, found, title, aggregate, balance_graph, G), extra
