"""The backbone of a weighted graph by the disparity filter.

Serrano, Boguñá & Vespignani (2009), "Extracting the multiscale backbone of
complex weighted networks", PNAS 106(16):6483-6488. For an actor ``i`` with
``k`` ties and strength ``s`` (the sum of their weights), the null model
spreads ``s`` uniformly at random over the ``k`` ties; a tie of weight ``w``
is significant for ``i`` when its probability under that model,
``alpha_ij = (1 - w / s) ** (k - 1)``, is below ``alpha``. A tie stays in the
backbone when it is significant for at least one of its two ends. Actors with
a single tie give it no significance of their own (``alpha_ij = 1``).

The weight of a tie between two actors is how much they interact: the sum
of ``|intensity|`` of their relations (of event counts, for event data),
never the magnitude of a signed sum, in which a pair's conflict and
cooperation cancel out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dataset import as_graph
from .dates import DateLike, date_text, overlaps
from .schema import DEFAULT_STATUSES
from .signed import check_number, check_statuses

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


#: The relation attribute of event data holding a relation's number of events
#: (graph.payload.events.EVENTS, the importers' column).
EVENTS = "events"


def _is_event_graph(G) -> bool:
    """Every relation carries a number of events (as graph.payload.events.is_event_graph)."""
    counts = [n for _, _, n in G.edges(data=EVENTS)]
    return bool(counts) and all(
        isinstance(n, (int, float)) and not isinstance(n, bool) for n in counts
    )


def _pair_weights(G, date, weight: str, statuses) -> nx.Graph:
    """One tie per actor pair: the sum of ``|weight|`` of its relations valid at ``date``.

    How strongly two actors interact, whatever the sign: a pair with as much
    conflict as cooperation (PRK-KOR over all time) is among the strongest,
    not a pair whose intensities cancel. Pairs of weight 0 get no tie.
    """
    import networkx as nx

    wanted = set(check_statuses(statuses))
    date = None if date is None else date_text(date)
    sums: dict[frozenset, list] = {}
    for u, v, d in G.edges(data=True):
        if u == v or d.get("status") not in wanted:
            continue
        if date is not None and not overlaps(d.get("start"), d.get("end"), date):
            continue
        value = d.get(weight)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            msg = f"relation {d.get('id')!r}: {weight} is {value!r}, not a number to weigh by"
            raise ValueError(msg)
        sums.setdefault(frozenset((u, v)), [u, v, 0.0])[2] += abs(float(value))
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, {"weight": round(w, 9)}) for u, v, w in sums.values() if round(w, 9) > 0
    )
    return H


def _given_weights(G, weight: str) -> nx.Graph:
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, w in G.edges(data=weight, default=1):
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not w >= 0:
            msg = (
                f"edge ({u!r}, {v!r}): {weight} is {w!r}; the disparity filter needs "
                "a number >= 0 (how strongly the two interact)"
            )
            raise ValueError(msg)
        H.add_edge(u, v, weight=float(w))
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
    G = as_graph(G)
    strength = dict(G.degree(weight=weight))
    degree = dict(G.degree())
    out = {}
    for u, v, w in G.edges(data=weight, default=1):
        out[(u, v)] = min(1.0, *(end_alpha(w, strength[x], degree[x]) for x in (u, v)))
    return out


def backbone(
    G,
    alpha: float = 0.05,
    date: DateLike | None = None,
    *,
    weight: str | None = None,
    statuses=DEFAULT_STATUSES,
) -> nx.Graph:
    """The ties of ``G`` that the disparity filter keeps at significance ``alpha``.

    Parameters
    ----------
    G : networkx.MultiDiGraph or networkx.Graph
        A relation graph, collapsed first to one tie per actor pair whose
        weight is the sum of ``|weight|`` over the pair's relations (either
        direction): how much the two interact, cooperation and conflict
        alike. Or an undirected graph whose ``weight`` is already that
        (numbers >= 0).
    alpha : float
        Significance level in (0, 1]: smaller keeps fewer ties.
    date : str, int or datetime.date, optional
        Relation graphs: only the relations valid at this partial ISO date
        (``"2020"``, ``"2020-06"``; an int year or a day too), as
        :func:`graph.at`; all of them when None.
    weight : str, optional
        The attribute summed (relation graphs) or read (weighted graphs).
        By default ``"events"`` for event data (every relation has an event
        count, as ``geograph import`` writes, and the view's backbone uses),
        else ``"intensity"`` for relation graphs and ``"weight"`` for
        weighted ones.
    statuses : iterable of str
        Statuses that count, for relation graphs (facts and claims).

    Returns
    -------
    networkx.Graph
        Every actor of ``G``, and the ties kept, each with ``weight`` and its
        ``alpha``.

    Raises
    ------
    TypeError
        When ``alpha`` is not a number.
    ValueError
        When ``alpha`` is out of (0, 1], a weight is not a number (or is
        negative in a weighted graph), or ``date`` is given with a weighted
        graph.
    graph.dates.DateError
        For a bad ``date``.

    Examples
    --------
    The hub ``a`` spreads 10 over three ties; the one of 8 is significant,
    ``alpha_ab = (1 - 8/10) ** 2 = 0.04``:

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 8), ("a", "c", 1), ("a", "d", 1)])
    >>> sorted(backbone(G, 0.05).edges())
    [('a', 'b')]
    """
    G = as_graph(G)
    check_number("alpha", alpha, above=0, high=1)
    import networkx as nx

    if G.is_directed() or G.is_multigraph():
        if weight is None:
            weight = EVENTS if _is_event_graph(G) else "intensity"
        H = _pair_weights(G, date, weight, statuses)
    else:
        if date is not None:
            msg = "date: applies to a relation graph, not to an already weighted graph"
            raise ValueError(msg)
        H = _given_weights(G, weight or "weight")
    kept = nx.Graph()
    kept.add_nodes_from(H.nodes(data=True))
    for (u, v), p in disparity(H).items():
        if p < alpha:
            kept.add_edge(u, v, weight=H[u][v]["weight"], alpha=p)
    return kept
