"""Betweenness of every actor at each date step of the view, for "Size by".

The page sizes actors by number of relations and by weighted degree itself
(from the relations it shows); betweenness needs shortest paths, so it is
computed here, by the same computation as :func:`graph.centrality` (its
``betweenness`` column: normalised, on the unsigned skeleton of the signed
view of facts and claims at the date), and shipped per slider step.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..schema import DEFAULT_STATUSES
from ..signed import signed_graph

__all__ = ["SIZE_MEASURES", "CENTRALITY_ACTOR_LIMIT", "centrality_steps"]

#: What the page can size actors by: computed in the page, or shipped here.
SIZE_MEASURES = ("relations", "weight", "betweenness")
#: Largest graph (in actors) whose betweenness is shipped per date step.
CENTRALITY_ACTOR_LIMIT = 200
_RELATION_LIMIT = 20_000


def _values(G, date: str | None, statuses, order: list, cache: dict) -> list[float]:
    S = signed_graph(G, date, statuses=statuses)
    key = (tuple(sorted(map(str, S))), tuple(sorted((str(u), str(v)) for u, v in S.edges())))
    if key not in cache:
        between = nx.betweenness_centrality(S, normalized=True)
        cache[key] = [round(float(between.get(n, 0.0)), 6) for n in order]
    return cache[key]


def centrality_steps(
    G,
    dates: Iterable[str],
    *,
    statuses: Iterable[str] = DEFAULT_STATUSES,
    max_actors: int = CENTRALITY_ACTOR_LIMIT,
) -> dict:
    """Betweenness of each actor (in ``G``'s node order) at every date step.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    dates : iterable of str
        Partial ISO dates (the view's slider positions); the years they fall
        in are added, as for the blocs.
    statuses : iterable of str
        Statuses that count (forecasts left out by default, as in
        :func:`graph.centrality`).
    max_actors : int
        Above this many actors nothing is computed (``skipped`` says so).

    Returns
    -------
    dict
        ``measure`` (``"betweenness"``), ``statuses``, ``all`` (over every
        relation: a list, one value per node), ``steps`` (``{date: list}``)
        and ``skipped`` (None, or why nothing was computed).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for i, (u, v) in enumerate([("CHN", "PRK"), ("USA", "PRK")]):
    ...     _ = G.add_edge(u, v, key=f"r{i}", id=f"r{i}", sign=1, intensity=5.0,
    ...                    status="fact", start="2020", end=None)
    >>> out = centrality_steps(G, ["2020"])
    >>> list(G), out["steps"]["2020"]
    (['CHN', 'PRK', 'USA'], [0.0, 1.0, 0.0])
    """
    statuses = tuple(statuses)
    dates = list(dates)
    dates += sorted({d[:4] for d in dates} - set(dates))
    out: dict = {
        "measure": "betweenness",
        "statuses": list(statuses),
        "all": None,
        "steps": {},
        "skipped": None,
    }
    if G.number_of_nodes() > max_actors:
        out["skipped"] = f"more than {max_actors} actors"
        return out
    if G.number_of_edges() > _RELATION_LIMIT:
        out["skipped"] = f"more than {_RELATION_LIMIT} relations"
        return out
    order = list(G)
    cache: dict = {}
    try:
        out["all"] = _values(G, None, statuses, order, cache)
        for date in dates:
            out["steps"][date] = _values(G, date, statuses, order, cache)
    except ValueError as err:  # a graph off the contract: the view still opens
        out.update(all=None, steps={}, skipped=str(err))
    return out
