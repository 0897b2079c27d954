"""Sides of a signed graph: signed edges, two-colourings, violating ties, ordered groups.

The shared vocabulary of the balance modules: a *side* maps each actor to 0
or 1; an edge *violates* a split when it is positive across or negative
inside.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from ..signed import check_number

#: Methods accepted by ``frustration`` and ``blocs``.
METHODS = ("auto", "milp", "heuristic")


def check_method(method: str) -> None:
    """Raise ValueError naming the accepted methods when ``method`` is not one."""
    if method not in METHODS:
        msg = f"method: unknown method {method!r}; use one of {', '.join(METHODS)}"
        raise ValueError(msg)


def check_searches(exact_limit, time_limit, seed, restarts) -> None:
    """Raise TypeError / ValueError naming the search argument that is not a number in range."""
    check_number("exact_limit", exact_limit, low=0, whole=True)
    if time_limit is not None:
        check_number("time_limit", time_limit, above=0)
    check_number("seed", seed, low=0, whole=True)
    check_number("restarts", restarts, low=0, whole=True)


def signed_edges(S) -> list[tuple]:
    """Edges with sign -1 or +1, self-loops left out, in graph order."""
    return [(u, v, s) for u, v, s in S.edges(data="sign") if s in (-1, 1) and u != v]


def active_skeleton(S) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(S)
    H.add_edges_from((u, v, {"sign": s}) for u, v, s in signed_edges(S))
    return H


@dataclass
class Solution:
    frustrated: set  # frozenset({u, v}) of frustrated edges
    lower: int
    exact: bool
    how: str = field(default="")


def two_colouring(H: nx.Graph, frustrated: set) -> dict:
    """Sides (0/1) that make every edge not in ``frustrated`` satisfied."""
    side: dict = {}
    for root in H:
        if root in side:
            continue
        side[root] = 0
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, d in H[u].items():
                if v not in side:
                    # Same side across a positive edge, unless that edge is to stay frustrated.
                    same = (d["sign"] > 0) != (frozenset((u, v)) in frustrated)
                    side[v] = side[u] if same else 1 - side[u]
                    queue.append(v)
    return side


def violating(edges, side) -> list:
    return [(u, v, s) for u, v, s in edges if (side[u] == side[v]) != (s > 0)]


def block_is_balanced(nodes, edges) -> bool:
    H = nx.Graph()
    H.add_edges_from((u, v, {"sign": s}) for u, v, s in edges)
    side = two_colouring(H, set())
    return not violating(edges, side)


def sorted_nodes(nodes) -> list:
    try:
        return sorted(nodes)
    except TypeError:  # mixed node types: order by their text
        return sorted(nodes, key=str)


def orient(groups_by_component) -> list:
    """Merge per-component groups by rank: largest with largest."""
    merged: list = []
    for groups in groups_by_component:
        ranked = [sorted_nodes(g) for g in groups if g]
        firsts = sorted_nodes(g[0] for g in ranked)
        ranked.sort(key=lambda g: (-len(g), firsts.index(g[0])))
        for i, g in enumerate(ranked):
            if i == len(merged):
                merged.append([])
            merged[i].extend(g)
    return [sorted_nodes(g) for g in merged]
