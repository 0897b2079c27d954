"""The backbone of a weighted graph by the disparity filter.

Serrano, Boguñá & Vespignani (2009), "Extracting the multiscale backbone of
complex weighted networks", PNAS 106(16):6483-6488. For an actor ``i`` with
``k`` ties and strength ``s`` (the sum of their weights), the null model
spreads ``s`` uniformly at random over the ``k`` ties; a tie of weight ``w``
is significant for ``i`` when its probability under that model,
``alpha_ij = (1 - w / s) ** (k - 1)``, is below ``alpha``. A tie stays in the
backbone when it is significant for at least one of its two ends. Actors with
a single tie give it no significance of their own (``alpha_ij = 1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .schema import DEFAULT_STATUSES

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["disparity", "backbone", "end_alpha"]


def end_alpha(weight: float, strength: float, degree: int) -> float:
    """The disparity filter's ``alpha`` of a tie at one end: ``(1 - w / s) ** (k - 1)``.

    An end with a single tie (or no strength) gives it no significance: 1.

    Examples
    --------
    >>> round(end_alpha(8, 10, 3), 6), end_alpha(5, 5, 1)
    (0.04, 1.0)
    """
    if degree > 1 and strength > 0:
        return (1 - weight / strength) ** (degree - 1)
    return 1.0


def _weighted(G, weight: str, statuses) -> nx.Graph:
    import networkx as nx

    from .signed import signed_graph

    if G.is_directed() or G.is_multigraph():
        # One tie per pair, its weight the magnitude of the summed intensities.
        S = signed_graph(G, statuses=statuses, weight=weight)
        H = nx.Graph()
        H.add_nodes_from(S.nodes(data=True))
        H.add_edges_from((u, v, {"weight": abs(d["weight"])}) for u, v, d in S.edges(data=True))
        return H
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, {"weight": abs(float(w))}) for u, v, w in G.edges(data=weight, default=1)
    )
    return H


def disparity(G, *, weight: str = "weight") -> dict:
    """The disparity filter's ``alpha`` of every tie: the smaller of its two ends.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph with non-negative weights.
    weight : str
        Edge attribute holding the weight (missing: 1).

    Returns
    -------
    dict
        ``{(u, v): alpha}`` for every edge, in the graph's edge order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 8), ("a", "c", 1), ("a", "d", 1)])
    >>> {e: round(p, 4) for e, p in disparity(G).items()}
    {('a', 'b'): 0.04, ('a', 'c'): 0.81, ('a', 'd'): 0.81}
    """
    strength = dict(G.degree(weight=weight))
    degree = dict(G.degree())
    out = {}
    for u, v, w in G.edges(data=weight, default=1):
        out[(u, v)] = min(1.0, *(end_alpha(w, strength[x], degree[x]) for x in (u, v)))
    return out


def backbone(
    G, alpha: float = 0.05, *, weight: str = "intensity", statuses=DEFAULT_STATUSES
) -> nx.Graph:
    """The ties of ``G`` that the disparity filter keeps at significance ``alpha``.

    Parameters
    ----------
    G : networkx.MultiDiGraph or networkx.Graph
        A relation graph (collapsed first to one tie per pair whose weight is
        the magnitude of its summed ``weight``, see
        :func:`graph.signed.signed_graph`), or an undirected weighted graph.
    alpha : float
        Significance level in (0, 1]: smaller keeps fewer ties.
    weight : str
        The attribute summed (relation graphs) or read (weighted graphs).
    statuses : iterable of str
        Statuses that count, for relation graphs.

    Returns
    -------
    networkx.Graph
        Every actor of ``G``, and the ties kept, each with ``weight`` and its
        ``alpha``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 8), ("a", "c", 1), ("a", "d", 1)])
    >>> sorted(backbone(G, 0.05, weight="weight").edges())
    [('a', 'b')]
    """
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha: need a significance level in (0, 1], got {alpha!r}")
    import networkx as nx

    H = _weighted(G, weight, statuses)
    kept = nx.Graph()
    kept.add_nodes_from(H.nodes(data=True))
    for (u, v), p in disparity(H).items():
        if p < alpha:
            kept.add_edge(u, v, weight=H[u][v]["weight"], alpha=p)
    return kept
