"""Betweenness of every actor at each date step of the view, for "Size by".

The page sizes actors by number of relations and by weighted degree itself
(from the relations it shows); betweenness needs shortest paths, so it is
computed here, with the same answer as :func:`graph.centrality` (its
``betweenness`` column: normalised, on the unsigned skeleton of the signed
view of facts and claims at the date), and shipped per slider step. The
skeleton is built here from relation intervals read once, by the rule of
:func:`graph.signed.signed_graph` (a pair whose intensities sum to 0 is no
tie): building the whole signed graph at each of hundreds of steps parsed
every date again and took most of the time.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..dates import interval, parse_date
from ..schema import DEFAULT_STATUSES
from ..signed import check_statuses

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SIZE_MEASURES", "CENTRALITY_ACTOR_LIMIT", "CENTRALITY_BUDGET", "centrality_steps"]

#: What the page can size actors by: computed in the page, or shipped here.
SIZE_MEASURES = ("relations", "weight", "betweenness")
#: Largest graph (in actors) whose betweenness is shipped per date step.
CENTRALITY_ACTOR_LIMIT = 200
#: Work allowed at page build (graphs x actors x related pairs): past it, only
#: the years are shipped (a month shows its year's betweenness), then nothing.
CENTRALITY_BUDGET = 2_000_000


def _ties(G, statuses) -> list[tuple]:
    """``(u, v, value, first, last)`` per relation that can count, dates read once."""
    wanted = set(check_statuses(statuses))
    out = []
    spans: dict = {}  # dates repeat: each (start, end) is parsed once
    # one attribute at a time: a graph made from columns (graph/payload/tables.py)
    # gives them without a dict per relation
    columns = zip(*(G.edges(data=k) for k in ("status", "intensity", "start", "end", "id")))
    for (u, v, status), (*_, value), (*_, start), (*_, end), (*_, rid) in columns:
        if u == v or status not in wanted:
            continue
        if value is None:
            raise ValueError(f"relation {rid!r} has no 'intensity' attribute to sum")
        key = (start, end)
        try:
            lo, hi = spans[key]
        except KeyError:
            lo, hi = spans[key] = interval(*key)
        except TypeError:  # a date that is no text (a hand-made graph): not cached
            lo, hi = interval(*key)
        out.append((u, v, float(value), lo, hi))
    return out


def _pairs(G, statuses) -> int:
    """How many actor pairs :func:`_ties` relates, no date read: the budget's measure.

    Raises the ``ValueError`` of :func:`_ties` for a counted relation without
    intensity. One attribute at a time and in C (no tuple per relation is
    kept): a large graph is only counted here, then skipped.
    """
    wanted = set(check_statuses(statuses))
    third = operator.itemgetter(2)
    status = map(third, G.edges(data="status"))
    # the ends read again where needed, and one byte per relation (bool: numpy nodes
    # compare to a numpy bool): lists of ends and flags were 7 MiB at 283k relations,
    # at the payload's peak
    not_loops = itertools.starmap(operator.ne, G.edges())
    counted = bytes(map(bool, map(operator.and_, not_loops, map(wanted.__contains__, status))))
    values = itertools.compress(map(third, G.edges(data="intensity")), counted)
    if any(map(operator.is_, values, itertools.repeat(None))):
        ids = itertools.compress(map(third, G.edges(data="id")), counted)
        values = itertools.compress(map(third, G.edges(data="intensity")), counted)
        rid = next(r for r, v in zip(ids, values) if v is None)
        raise ValueError(f"relation {rid!r} has no 'intensity' attribute to sum")
    return len(set(map(frozenset, itertools.compress(G.edges(), counted))))


def _skeleton(G, ties, date: str | None) -> nx.Graph:
    """The pairs of :func:`graph.signed.signed_graph` at ``date``: summed intensity not 0."""
    import networkx as nx

    when = parse_date(date) if date is not None else None
    sums: dict[frozenset, float] = {}
    for u, v, value, lo, hi in ties:
        if when is not None and not (
            (lo is None or lo <= when.last) and (hi is None or hi >= when.first)
        ):
            continue
        key = frozenset((u, v))
        sums[key] = sums.get(key, 0.0) + value
    S = nx.Graph()
    S.add_nodes_from(G)
    S.add_edges_from(tuple(k) for k, total in sums.items() if total != 0)
    return S


def _values(G, ties, date: str | None, order: list, cache: dict) -> list[float]:
    S = _skeleton(G, ties, date)
    key = frozenset(frozenset(e) for e in S.edges())
    if key not in cache:
        import networkx as nx

        between = nx.betweenness_centrality(S, normalized=True)
        cache[key] = [round(float(between.get(n, 0.0)), 6) for n in order]
    return cache[key]


def centrality_steps(
    G,
    dates: Iterable[str],
    *,
    statuses: Iterable[str] = DEFAULT_STATUSES,
    max_actors: int = CENTRALITY_ACTOR_LIMIT,
    budget: int = CENTRALITY_BUDGET,
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
    budget : int
        Work allowed (graphs times actors times related pairs): beyond it
        only the years are computed (``by`` is ``"year"``), and beyond that
        nothing.

    Returns
    -------
    dict
        ``measure`` (``"betweenness"``), ``statuses``, ``all`` (over every
        relation: a list, one value per node), ``steps`` (``{date: list}``),
        ``by`` (``"step"``, or ``"year"`` when only years were computed) and
        ``skipped`` (None, or why nothing was computed).

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
    years = sorted({d[:4] for d in dates})
    dates += sorted(set(years) - set(dates))
    out: dict = {
        "measure": "betweenness",
        "statuses": list(statuses),
        "all": None,
        "steps": {},
        "skipped": None,
        "by": "step",
    }
    if G.number_of_nodes() > max_actors:
        out["skipped"] = f"more than {max_actors} actors"
        return out
    try:
        pairs = _pairs(G, statuses)
    except ValueError as err:  # a graph off the contract: the view still opens
        out["skipped"] = str(err)
        return out
    work = G.number_of_nodes() * pairs
    if (len(dates) + 1) * work > budget:
        dates = years
        out["by"] = "year"
    if (len(dates) + 1) * work > budget:
        out.update(skipped="too many actors and ties to compute betweenness at each date", by=None)
        return out
    try:
        ties = _ties(G, statuses)
    except ValueError as err:  # a date that is not one: the view still opens
        out["skipped"] = str(err)
        return out
    order = list(G)
    cache: dict = {}
    out["all"] = _values(G, ties, None, order, cache)
    for date in dates:
        out["steps"][date] = _values(G, ties, date, order, cache)
    return out
