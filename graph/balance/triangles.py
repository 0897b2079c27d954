"""Triangles of a signed graph by sign pattern (strict and weak balance)."""

from __future__ import annotations

from ..signed import as_signed
from .sides import signed_edges

__all__ = ["triangle_counts"]

_PATTERNS = ("+++", "++-", "+--", "---")  # indexed by the number of negative edges


def triangle_counts(S) -> dict:
    """Count triangles by sign pattern, with strict and weak balance totals.

    Parameters
    ----------
    S : networkx.Graph or networkx.MultiDiGraph
        Signed graph (edge attribute ``sign``), or a relation graph to
        collapse with :func:`graph.signed.signed_graph`.

    Returns
    -------
    dict
        ``"+++"``, ``"++-"``, ``"+--"``, ``"---"``: triangles by pattern;
        ``"triangles"``: their total; ``"balanced"`` (``+++`` and ``+--``)
        and ``"unbalanced"`` (``++-`` and ``---``) under strict balance;
        ``"weakly_balanced"`` (``---`` also balanced, Davis 1967) and
        ``"weakly_unbalanced"`` (``++-`` only).

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1); S.add_edge("b", "c", sign=-1)
    >>> S.add_edge("a", "c", sign=-1); S.add_edge("c", "d", sign=-1)
    >>> S.add_edge("b", "d", sign=-1)
    >>> counts = triangle_counts(S)
    >>> counts["+--"], counts["---"], counts["balanced"], counts["weakly_balanced"]
    (1, 1, 1, 2)
    """
    S = as_signed(S)
    order = {n: i for i, n in enumerate(S)}
    adj: dict = {n: {} for n in S}
    for u, v, s in signed_edges(S):
        adj[u][v] = s
        adj[v][u] = s
    counts = dict.fromkeys(_PATTERNS, 0)
    for u in S:
        for v, suv in adj[u].items():
            if order[v] <= order[u]:
                continue
            for w in adj[u].keys() & adj[v].keys():
                if order[w] > order[v]:
                    negatives = (suv < 0) + (adj[u][w] < 0) + (adj[v][w] < 0)
                    counts[_PATTERNS[negatives]] += 1
    counts["triangles"] = sum(counts[p] for p in _PATTERNS)
    counts["balanced"] = counts["+++"] + counts["+--"]
    counts["unbalanced"] = counts["++-"] + counts["---"]
    counts["weakly_balanced"] = counts["balanced"] + counts["---"]
    counts["weakly_unbalanced"] = counts["++-"]
    return counts


def unbalanced_triangles(nodes, edges, index):
    adj: dict = {n: {} for n in nodes}
    for u, v, s in edges:
        adj[u][v] = s
        adj[v][u] = s
    order = {n: i for i, n in enumerate(nodes)}
    for u in nodes:
        for v, suv in adj[u].items():
            if order[v] <= order[u]:
                continue
            for w in adj[u].keys() & adj[v].keys():
                if order[w] > order[v] and suv * adj[u][w] * adj[v][w] < 0:
                    yield (
                        index[frozenset((u, v))],
                        index[frozenset((u, w))],
                        index[frozenset((v, w))],
                    )
