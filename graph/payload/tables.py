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

import collections
import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any

from ..balance.steps import STEPS_ACTOR_LIMIT, STEPS_RELATION_LIMIT
from . import _nodes, assemble
from .edges import _EDGE_COLUMNS
from .events import EVENTS, GOLDSTEIN

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
    """The relations' positions in the order a MultiDiGraph iterates its edges (``None``: as they are).

    That order is by source actor, then by pair in order of appearance, a
    pair's relations in file order. The keys are machine integers in arrays.
    Where pairs hold four relations or more on average, the pairs are sorted
    and each relation goes to its pair's list in one pass in C: a sort of the
    relations with a key holds an int object per relation twice over (22 MiB
    at the 283k relations of 20,000 pairs of a GDELT import, the payload's peak).

    Examples
    --------
    >>> at = {"A": 0, "B": 1}
    >>> _graph_order(["A", "A", "B"], ["B", "B", "A"], at) is None
    True
    >>> _graph_order(["B", "A", "B"], ["A", "B", "A"], at)
    [1, 0, 2]
    """
    n = len(source)
    if n < 2:
        return None
    src = array("q", map(position.__getitem__, source))
    to = map(position.__getitem__, target)
    width = max(position.values()) + 1
    first: dict[int, int] = {}  # each pair's number: the position of its first relation
    pair_key = map(operator.add, map(operator.mul, src, itertools.repeat(width)), to)
    pair = array("q", map(first.setdefault, pair_key, range(n)))
    starts = list(first.values())  # the pairs' numbers, in order of appearance
    del first
    # by source, then by pair: in order already when these keys never go down
    key = array("q", map(operator.add, map(operator.mul, src, itertools.repeat(n)), pair))
    if all(map(operator.le, key, itertools.islice(key, 1, None))):
        return None
    if len(starts) * 4 > n:  # pairs of one relation or two: a list per pair would cost more
        return sorted(range(n), key=key.__getitem__)
    del key
    starts.sort(key=src.__getitem__)  # the pairs by source (stable: by appearance within one)
    members: dict[int, list[int]] = {p: [] for p in starts}
    del starts, src
    collections.deque(map(list.append, map(members.__getitem__, pair), range(n)), maxlen=0)
    del pair
    return list(itertools.chain.from_iterable(members.values()))


def _take(column: list, order: list[int] | None) -> list:
    """A copy of the column in ``order``: the payload's columns are its own, never the dataset's."""
    return list(column) if order is None else list(itemgetter(*order)(column))


def table_payload(
    ds,
    title: str | None = None,
    aggregate: int | None = None,
    release: bool = False,
    written: Any = None,
) -> tuple[dict, dict]:
    """The payload of ``view_payload(ds.to_networkx(), ...)``, and its extra columns.

    Parameters
    ----------
    ds : graph.Dataset
        A loaded dataset.
    title, aggregate
        As for :func:`graph.payload.view_payload`.
    release : bool
        Let go of the dataset's relations as the payload takes them (see
        :func:`graph.payload.page_payload`): each column is dropped once
        copied into the graph's order and no longer read.
    written : callable, optional
        As for :func:`graph.payload.assemble`.

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
    actors = ds.actor_records(fresh=False)  # read only, as the relation columns
    n = ds.relation_count
    attrs = {
        "name": ds.name,
        "title": ds.title,
        # read only, not copied: the payload cleans them into its own
        "sources": {s["id"]: s for s in ds.source_records(fresh=False)},
        "relation_types": ds.vocabulary,
    }
    large = len(actors) > STEPS_ACTOR_LIMIT or n > STEPS_RELATION_LIMIT
    # A large dataset let go of is only held here (by ``relations``), column by column.
    drop = release and large
    taken = drop and ds._relation_columns is not None
    # read only (the payload takes copies), but for a dataset let go of
    relations = ds._taken_relation_columns() if taken else ds.relation_columns(fresh=False)
    # The whole graph only for the blocs; else what betweenness (up to
    # CENTRALITY_ACTOR_LIMIT actors) and event data's disparity filter read.
    G: Any = ds.to_networkx() if not large else None
    if drop and not taken:
        ds._release_relations()
    nodes, index = _nodes((a["id"], a) for a in actors)
    order = _graph_order(relations.get("source", []), relations.get("target", []), index)
    if drop and order is not None:  # put in the graph's order in place, one column at a time
        taking = itemgetter(*order)  # made once (the positions' tuple), not once a column
        order = None
        for k in list(relations):
            relations[k] = list(taking(relations[k]))
        del taking
    extra = {
        str(k): _take_out(relations, k, order, drop)
        for k in list(relations)
        if k not in _EDGE_COLUMNS and k not in ("source", "target")
    }
    if G is None:
        G = _ColumnGraph(attrs, actors, relations, order)
    balance_graph: Any = _Size(len(actors), n) if large else G
    # Not held here: assemble lets go of these columns as it replaces them.
    found = [_found(relations, index, order, drop)]
    payload = assemble(attrs, nodes, found.pop(), title, aggregate, balance_graph, G, written)
    if drop:
        relations.clear()  # the rest was read by the map, betweenness and the event keys
    return payload, extra


def _take_out(relations: dict[str, list], key: str, order: list[int] | None, drop: bool) -> list:
    """``relations[key]`` in ``order``; with ``drop``, let go of unless a large graph's analyses read it.

    The payload's columns are its own (copies), but for ``drop``: the
    dataset has let go of them and they are already in the graph's order,
    and the payload only replaces them (never changes a validated column).
    """
    if drop:  # in the graph's order (order is None), held by no dataset: no copy
        return relations[key] if key in _READ_LATER else relations.pop(key)
    return _take(relations[key], order)


def _found(
    relations: dict[str, list], index: dict, order: list[int] | None, drop: bool = False
) -> dict[str, Any]:
    """The relation columns in the graph's order, as :func:`graph.payload.assemble` takes them."""
    columns = {k: _take_out(relations, k, order, drop) for k in _EDGE_COLUMNS}
    ids = columns["id"]
    return {
        "from": _take(list(map(index.__getitem__, relations.get("source", []))), order),
        "to": _take(list(map(index.__getitem__, relations.get("target", []))), order),
        "columns": columns,
        "keys": lambda: list(zip(relations["source"], relations["target"], ids)),
        "validated": True,  # a loaded dataset's: already as the payload holds them
    }


# What the map, the event keys and betweenness read of a large graph
# (graph/payload/places.py, events.py and sizes.py).
_LIGHT = ("id", "sign", "intensity", "status", "start", "end", EVENTS, GOLDSTEIN)
# The columns of the dataset a large graph's payload reads after taking its copies.
_READ_LATER = frozenset(("source", "target", *_LIGHT))


class _ColumnGraph:
    """The few graph methods the map, the event keys and betweenness call, read from columns.

    Nodes are the actors in file order, edges the relations in the order a
    MultiDiGraph of them iterates (``order``), each with only the attributes
    in ``_LIGHT``: no graph is built, nothing is copied.
    """

    def __init__(
        self, attrs: dict, actors: list[dict], relations: dict[str, list], order: list[int] | None
    ):
        self.graph = attrs
        self._actors = actors
        self._relations = relations
        self._order = order
        # name -> (codes, each code's text): columns read from the payload's codes
        self._coded: dict[str, tuple[list, dict]] = {}

    def coded(self, edges: dict[str, list], tables: dict[str, list]) -> None:
        """Read ``tables``' columns from their codes in ``edges`` (the payload's), as their text.

        Only for relations of the graph's order held by no one else (``order``
        None, the dataset let go of them): their text columns are then let go
        of (at 283k relations 2.2 MiB each, at the payload's peak).
        """
        if self._order is not None:
            return  # the dataset's own columns: held anyway
        for name, table in tables.items():
            if name in self._relations and edges.get(name) is not self._relations[name]:
                texts: dict[Any, Any] = dict(enumerate(table))
                self._coded[name] = (edges[name], texts)
                del self._relations[name]

    def __iter__(self) -> Iterator[str]:
        return (a["id"] for a in self._actors)

    def number_of_nodes(self) -> int:
        return len(self._actors)

    def number_of_edges(self) -> int:
        return len(self._relations.get("id", ()))

    def nodes(self, data: bool = False) -> Iterator:
        return ((a["id"], a) for a in self._actors) if data else iter(self)

    def _column(self, name: str) -> Iterable:
        if name in self._coded:
            codes, texts = self._coded[name]
            return map(texts.get, codes)  # a code None (no text) gives None
        column = self._relations.get(name)
        if column is None:
            return itertools.repeat(None, self.number_of_edges())
        return column if self._order is None else map(column.__getitem__, self._order)

    def edges(self, data: bool | str = False) -> Iterator[tuple]:
        ends = (self._column("source"), self._column("target"))
        if data is False:
            return zip(*ends)
        if data is True:
            names = [k for k in _LIGHT if k in self._relations or k in self._coded]
            rows = (dict(zip(names, row)) for row in zip(*map(self._column, names)))
            return zip(*ends, rows)
        return zip(*ends, self._column(data))
