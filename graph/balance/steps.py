"""Blocs of structural balance at each date step of the view, for the page's payload.

The page colours actors by bloc at the date shown; the blocs are computed
here, by the same functions as :func:`graph.frustration` on the signed graph
of each date (:func:`graph.signed.signed_graph`, facts and claims), so the
picture and ``geograph balance --date D`` always agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..schema import DEFAULT_STATUSES
from ..signed import signed_graph

__all__ = [
    "STEPS_ACTOR_LIMIT",
    "STEPS_RELATION_LIMIT",
    "STEPS_EXACT_LIMIT",
    "STEPS_BUDGET",
    "balance_steps",
]

#: Largest graph (in actors) whose blocs are shipped per date step; beyond,
#: the payload says so and the page offers no bloc colouring.
STEPS_ACTOR_LIMIT = 200
#: Largest graph (in relations) whose blocs are shipped per date step: each
#: step collapses every relation once, which large event datasets cannot afford
#: at page build time.
STEPS_RELATION_LIMIT = 20_000
#: Largest biconnected block solved exactly at each step; larger blocks get the
#: local search (``exact`` false, "best found" in the page). The exact integer
#: program grows fast with the block: 40 actors with 600 relations took over two
#: minutes for a page's 60 steps, so a page build stays quick this way.
STEPS_EXACT_LIMIT = 16
#: Work allowed for a page's blocs: (steps + 1) x actors x signed ties. Past it
#: only the years are computed (the page shows a month with its year's blocs),
#: and past it again none: a page build stays within seconds (the article needs
#: about 3,000; 40 actors with 600 relations over 400 daily steps 10 million, and over 31 years still 16 s here).
STEPS_BUDGET = 100_000


def _step(G, date: str | None, statuses, cache: dict) -> dict:
    S = signed_graph(G, date, statuses=statuses)
    # Neighbouring steps often hold the same signed ties: solve each graph once.
    key = (
        tuple(sorted(map(str, S))),
        tuple(sorted((str(u), str(v), s) for u, v, s in S.edges(data="sign"))),
    )
    if key not in cache:
        from .index import frustration  # networkx, numpy, scipy: only when blocs are computed

        cache[key] = _result(frustration(S, exact_limit=STEPS_EXACT_LIMIT))
    return cache[key]


def _result(f) -> dict:
    return {
        "frustration": f.index,
        "normalised": None if f.edges == 0 else f.normalised,  # NaN: no signed edge
        "exact": f.exact,
        "edges": f.edges,
        "blocs": [list(map(str, b)) for b in f.blocs],
        "unaligned": [str(v) for v in f.unaligned],
        "violating": [[str(u), str(v), s] for u, v, s in f.violating],
    }


def balance_steps(
    G,
    dates: Iterable[str],
    *,
    statuses: Iterable[str] = DEFAULT_STATUSES,
    max_actors: int = STEPS_ACTOR_LIMIT,
    max_relations: int = STEPS_RELATION_LIMIT,
    years: bool = True,
    budget: int = STEPS_BUDGET,
) -> dict:
    """The two blocs, frustration index and violating ties at every date step.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    dates : iterable of str
        Partial ISO dates (the view's slider positions).
    statuses : iterable of str
        Statuses that count (forecasts left out by default).
    years : bool
        Also compute each year the dates fall in (``"2018"`` beside
        ``"2018-01"``...), so that a page opened at ``#date=2018`` has its blocs.
    max_actors, max_relations : int
        Above this many actors or relations nothing is computed (``"steps"``
        is empty and ``"skipped"`` says why).
    budget : int
        Work allowed, as (steps + 1) x actors x signed ties: past it only the
        years are computed, and past it again only ``"all"`` (``"skipped"``
        says why).

    Returns
    -------
    dict
        ``statuses``; ``all``: the result over every relation (the page's
        "all time"); ``steps``: ``{date: result}``; each result holds
        ``frustration``, ``normalised``, ``exact``, ``edges``, ``blocs``
        (two lists of actor ids, larger first), ``unaligned`` and
        ``violating`` (``[source, target, sign]``); ``skipped``: None, or
        the reason nothing was computed (too many actors, or relations
        without the ``intensity`` the signed view sums).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for i, (u, v, s, start) in enumerate([("USA", "KOR", 1, "2018"),
    ...         ("USA", "PRK", 1, "2018"), ("KOR", "PRK", -1, "2018")]):
    ...     _ = G.add_edge(u, v, key=f"r{i}", id=f"r{i}", sign=s, intensity=5.0 * s,
    ...                    status="fact", start=start, end=None)
    >>> out = balance_steps(G, ["2018"])
    >>> out["steps"]["2018"]["frustration"], out["steps"]["2018"]["violating"]
    (1, [['KOR', 'PRK', -1]])
    >>> list(balance_steps(G, ["2018-01", "2018-02"])["steps"])
    ['2018-01', '2018-02', '2018']
    """
    statuses = tuple(statuses)
    dates = list(dates)
    if years:
        dates += sorted({d[:4] for d in dates} - set(dates))
    out: dict = {"statuses": list(statuses), "all": None, "steps": {}, "skipped": None}
    if G.number_of_nodes() > max_actors:
        out["skipped"] = f"more than {max_actors} actors"
        return out
    if G.number_of_edges() > max_relations:
        out["skipped"] = f"more than {max_relations} relations"
        return out
    try:
        cache: dict = {}
        out["all"] = _step(G, None, statuses, cache)
        work = G.number_of_nodes() * max(1, out["all"]["edges"])
        if (len(dates) + 1) * work > budget:
            dates = sorted({d[:4] for d in dates})
        if (len(dates) + 1) * work > budget:
            out["skipped"] = "too many actors and ties to find the blocs at each date"
            return out
        for date in dates:
            out["steps"][date] = _step(G, date, statuses, cache)
    except ValueError as err:  # a graph off the contract (no intensity): the view still opens
        return {"statuses": list(statuses), "all": None, "steps": {}, "skipped": str(err)}
    return out
